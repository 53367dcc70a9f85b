"""What the chat model is shown: the prompts of prompts/, and the numbered passages it
answers from, delimited so that no passage text can pass for a delimiter or the prompt."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from langchain_core.messages import BaseMessage
from langchain_core.prompts import ChatPromptTemplate

from assistant.cite import Answer, Citation, make_citation, report_name
from assistant.context import Context
from assistant.query import Query
from assistant.settings import PROJECT_ROOT
from index.store import Store

PROMPTS_DIR = PROJECT_ROOT / "prompts"


# ---- prompts ---------------------------------------------------------------------------


def load_prompt(name: str) -> str:
    return (PROMPTS_DIR / name).read_text("utf-8").strip()


@lru_cache(maxsize=1)
def answer_prompt() -> ChatPromptTemplate:
    """System rules, then passages and question. Variables: passages, n_passages, question."""
    return ChatPromptTemplate.from_messages(
        [("system", load_prompt("system.txt")), ("human", load_prompt("answer.txt"))]
    )


@lru_cache(maxsize=1)
def rewrite_prompt() -> ChatPromptTemplate:
    """Variables: history, question."""
    return ChatPromptTemplate.from_messages([("human", load_prompt("rewrite_question.txt"))])


# ---- passages --------------------------------------------------------------------------

OPEN, CLOSE = "<<<ĐOẠN {n}>>>", "<<<HẾT ĐOẠN {n}>>>"


def _defang(text: str) -> str:
    """Passage text cannot forge a delimiter: angle-bracket runs become look-alikes."""
    return re.sub(r"<{2,}", lambda m: "‹" * len(m.group(0)), re.sub(r">{2,}", "›››", text))


@dataclass(frozen=True)
class Passage:
    n: int
    citation: Citation
    header: str  # report number, date, period, section, footnote

    def render(self) -> str:
        return "\n".join(
            [
                OPEN.format(n=self.n),
                _defang(self.header),
                "Nội dung:",
                _defang(self.citation.text),
                CLOSE.format(n=self.n),
            ]
        )

    @property
    def facts_text(self) -> str:
        """What the answer's figures are checked against: the header is source data too."""
        return f"{self.header}\n{self.citation.text}"


def _header(store: Store, c: Citation) -> str:
    chunk = store.chunks.get(c.chunk_id)
    report = store.report(chunk.report_id) if chunk else None
    parts = [report_name(c)]  # as every caption names it (assistant/cite.py)
    if c.date:
        parts[0] += f" ngày {c.date}"
    if report and report.meta.period:
        parts.append(f"kỳ báo cáo tháng {report.meta.period}")
    if c.section:
        parts.append(f"mục {c.section}")
    if c.footnote is not None:
        context = chunk.extra.get("context", "") if chunk else ""
        parts.append(
            f"chú thích {c.footnote}" + (f" của đoạn “{context.strip()}”" if context else "")
        )
    if c.page:
        parts.append(f"trang {c.page}")
    return "; ".join(parts)


def build_passages(base: Answer, query: Query, ctx: Context) -> list[Passage]:
    """The extractive answer's citations first, then the router's other hits, up to k
    passages (never fewer than the extractive answer cites). No second search."""
    store = ctx.store
    cits: list[Citation] = list(base.citations)
    have = {c.chunk_id for c in cits}
    limit = max(ctx.k, len(cits))
    for hit in ctx.hits(query):
        if len(cits) >= limit:
            break
        if hit.chunk.id not in have:
            have.add(hit.chunk.id)
            cits.append(make_citation(store, hit.chunk, len(cits) + 1, hit.score))
    return [Passage(i, replace(c, n=i), _header(store, c)) for i, c in enumerate(cits, start=1)]


def render_passages(passages: Sequence[Passage]) -> str:
    return "\n\n".join(p.render() for p in passages)


def build_messages(question: str, passages: Sequence[Passage]) -> list[BaseMessage]:
    return answer_prompt().format_messages(
        question=question.strip(), passages=render_passages(passages), n_passages=len(passages)
    )

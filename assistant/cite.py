"""Citations and the answer that carries them: every passage shown to a user is cited
with its report number and date, section path, footnote, page or paragraph position."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from index import labels
from index.labels import date_phrase
from index.model import Chunk
from index.store import Store


@dataclass(frozen=True)
class Citation:
    n: int
    chunk_id: str
    report: str  # report number
    date: str
    section: str  # "I.2.2 Đầu tư xây dựng cơ bản"
    footnote: int | None
    file: str
    text: str  # the exact source passage
    score: float
    page: int | None = None
    quote: str = ""  # the sentence of the answer this passage supports
    paragraph: int | None = None  # position of the passage in the report (1-based)
    label: str = ""  # the report's readable name (index.labels), numbered or not
    ocr_confidence: float | None = None  # mean word confidence when the text was OCR'd


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    insufficient: bool
    citations: tuple[Citation, ...] = ()
    support: float = 0.0
    timings_ms: dict[str, float] = field(default_factory=dict)
    mode: str = "extractive"  # extractive | llm
    verified: bool = True  # every figure of the answer found in a passage its sentence cites
    reason: str = ""  # why an LLM answer was replaced by the extractive one

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "insufficient": self.insufficient,
            "mode": self.mode,
            "verified": self.verified,
            "reason": self.reason,
            "support": round(self.support, 3),
            "citations": [
                {
                    "n": c.n,
                    "report": c.report,
                    "label": c.label,
                    "date": c.date,
                    "section": c.section,
                    "footnote": c.footnote,
                    "page": c.page,
                    "ocr_confidence": c.ocr_confidence,
                    "paragraph": c.paragraph,
                    "file": c.file,
                    "text": c.text,
                    "quote": c.quote,
                    "score": round(c.score, 4),
                }
                for c in self.citations
            ],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }


def report_name(c: Citation) -> str:
    """'Báo cáo số 1015/BC-UBND'; a draft leaves its number blank ("/BC-UBND"), so the
    report's label says what it is."""
    if c.report[:1].isdigit():
        return f"Báo cáo số {c.report}"
    return c.label or f"Báo cáo {c.file}"


def caption(c: Citation) -> str:
    """Where a citation comes from, in one line: the chat, the CLI, exports and the
    citation panel all show this (the one place a citation is captioned)."""
    numbered = c.report[:1].isdigit()
    parts = [report_name(c)]
    if c.date and (numbered or not c.label):
        parts.append(date_phrase(c.date))
    if c.section:
        parts.append(f"mục {c.section}")
    if c.footnote is not None:
        parts.append(f"chú thích {c.footnote}")
    if c.page:
        parts.append(f"trang {c.page}")
    if c.ocr_confidence is not None:
        parts.append(f"nhận dạng ký tự (OCR), độ tin cậy {round(c.ocr_confidence)}%")
    elif c.paragraph and c.footnote is None:
        parts.append(f"đoạn {c.paragraph}")
    return ", ".join(parts)


def make_citation(store: Store, chunk: Chunk, n: int, score: float, quote: str = "") -> Citation:
    """Citation [n] of a passage: its report's number, date and label, section, footnote,
    page — the one place a citation is built."""
    report = store.report(chunk.report_id)
    sec = report.section(chunk.section) if report else None
    return Citation(
        n=n,
        chunk_id=chunk.id,
        report=report.meta.number if report else chunk.report_id,
        date=report.meta.date_vn if report else "",
        section=sec.label if sec else chunk.section,
        footnote=chunk.footnote,
        file=report.source if report else "",
        text=chunk.text,
        score=score,
        page=chunk.page,
        quote=quote,
        paragraph=chunk.paragraphs[0] if chunk.paragraphs else None,
        label=labels.of_report(report) if report else "",
        ocr_confidence=chunk.extra.get("ocr_confidence"),
    )


class Citer:
    """Numbers passages in order of first use: one [n] per passage, however often cited."""

    def __init__(self, store: Store):
        self.store = store
        self.citations: list[Citation] = []

    def cite(self, chunk: Chunk, score: float, quote: str) -> int:
        return self.citation(chunk, score, quote).n

    def answer(self, question: str, lines: list[str], t0: float, mode: str) -> Answer:
        """The lines of an answer built from this citer's passages (no search of its own:
        its time is all answering), with the citations they use."""
        took = (time.perf_counter() - t0) * 1000
        return Answer(
            question, "\n".join(lines), False, tuple(self.citations), 1.0,
            {"retrieve": 0.0, "answer": took}, mode=mode,
        )  # fmt: skip

    def ref(self, c: Citation | None) -> str:
        """' [n]' for a citation a records lookup built, numbered in this answer's order
        (one number per passage and quote); '' for none."""
        if c is None:
            return ""
        have = self._find(c.chunk_id, c.quote)
        return f" [{(have or self._add(replace(c, n=len(self.citations) + 1))).n}]"

    def citation(self, chunk: Chunk, score: float, quote: str, per_quote: bool = False) -> Citation:
        """The passage's citation, added on first use. `per_quote`: a passage quoted for two
        different sentences gets a number for each (record listings cite clause by clause)."""
        have = self._find(chunk.id, quote if per_quote else None)
        n = len(self.citations) + 1
        return have or self._add(make_citation(self.store, chunk, n, score, quote))

    def _find(self, chunk_id: str, quote: str | None) -> Citation | None:
        """The citation already numbered for this passage (and this quote, when given)."""
        return next(
            (c for c in self.citations if c.chunk_id == chunk_id and quote in (None, c.quote)),
            None,
        )

    def _add(self, c: Citation) -> Citation:
        self.citations.append(c)
        return c

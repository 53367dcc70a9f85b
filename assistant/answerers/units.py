"""The quotable units of a question's hits — a sentence, a footnote, one table row with its
column headers (only the row naming the entity asked about) — that fit the periods asked,
ranked by how much of the question they and their passage cover. Every answerer that
quotes picks among these (extract, compare, sides)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.answerers import tables
from assistant.answerers.asked import Asked
from assistant.answerers.evidence import is_instruction
from assistant.answerers.support import coverage, question_terms
from assistant.context import Context
from assistant.intent import METADATA
from assistant.named_reports import numbered_units
from assistant.query import Query
from assistant.retrieve import Hit
from index import vn
from index.headings import is_heading_title
from index.model import Chunk


@dataclass(frozen=True)
class Candidate:
    hit: Hit
    sentence: str  # verbatim: a sentence, a footnote, or whole cells of one table row
    score: float  # coverage of the question: ranks the units before they are judged
    context: str = ""  # what it sits under (a row's caption and parent rows)


def units_of(chunk: Chunk, query: Query) -> list[tuple[str, str]]:
    """(quotable unit, its context) of a passage."""
    if chunk.kind == "table" and (rows := tables.rows(chunk)):
        entity = tables.named_entity(query.folded, rows)
        out = []
        for r in rows:
            if entity and entity not in r.entities() and vn.fold(entity) not in vn.fold(r.line):
                continue  # the row must name what the question asks about
            out.append((r.quote(entity if entity in r.entities() else ""), r.context))
        return out
    if chunk.kind == "footnote":  # the clause it details dates and names it
        return [(chunk.text, str(chunk.extra.get("context") or ""))]
    if chunk.kind in ("table", "header"):
        return [(chunk.text, "")]
    # "+ Phòng Quản lý đô thị: 03 nội dung" counts what its "- …" line above names
    return [
        (s, item_head(chunk, s))
        for para in chunk.text.split("\n")
        for s in vn.quotable_sentences(para)
    ]


def item_head(chunk: Chunk, sentence: str) -> str:
    """The "- …" line a "+ …" item line of a passage is listed under ("- Các đơn vị còn có
    nội dung chưa tham mưu giải quyết: 09 nội dung" above "+ Phòng GD-ĐT: 03 nội dung")."""
    if chunk.kind != "paragraph" or not sentence.lstrip().startswith("+"):
        return ""
    head = ""
    for line in chunk.text.split("\n"):
        if line.strip() == sentence.strip():
            return head
        if not line.lstrip().startswith("+"):
            head = line.strip() if line.lstrip().startswith("- ") else ""
    return ""


def header_of(chunk: Chunk) -> str:
    """The context line the chunk was embedded with: report, section and its parent."""
    head = chunk.embed_text.split("\n", 1)[0]
    return f"{head} {chunk.extra.get('context', '')}"


_NUMBERED = re.compile(
    r"^\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)]\s*(?P<title>\S.*)$"
)


def heading_only(unit: str) -> bool:
    """A numbered heading on its own ("c) Thu, chi ngân sách", "2. Văn hóa - xã hội"): short,
    no figure, no sentence's end."""
    m = _NUMBERED.match(unit)
    return (
        bool(m) and len(unit) <= 100 and not vn.numbers(m["title"]) and is_heading_title(m["title"])
    )


_LEAD_IN = re.compile(r"\b(?:như sau|sau đây)\s*:?\s*$", re.I)


def candidates(query: Query, hits: list[Hit], ctx: Context) -> list[Candidate]:
    """Every quotable unit of the hits that fits the periods asked (asked.Asked), best
    first."""
    terms = question_terms(query.content)
    asked = Asked.of(query, ctx)
    named = set(numbered_units(query.folded))  # "tổ dân phố 9": its row, not the one after
    out: list[Candidate] = []
    for rank, hit in tables.with_whole_tables(hits, ctx.store.chunks_of):
        if hit.chunk.kind == "header" and query.intent != METADATA:
            continue
        weight = ctx.corpus.report_idf(hit.chunk.report_id)
        head = header_of(hit.chunk)
        header = set(vn.terms(head))
        other_year = asked.other_year(ctx, hit.chunk.report_id, head)
        span = asked.longer(ctx, hit.chunk.report_id) or asked.shorter(ctx, hit.chunk.report_id)
        early = bool(asked.as_of) and asked.undated_blind(ctx, hit.chunk.report_id)
        until = asked.last_year(ctx, hit.chunk.report_id)
        for s, under in units_of(hit.chunk, query):
            if is_instruction(s) or heading_only(s):
                continue  # a sentence addressing the assistant is data, never an answer; a
                # heading ("c) Thu, chi ngân sách") names what follows, it answers nothing
            if query.wants_figure and _LEAD_IN.search(s):
                continue  # "Thực hiện Công văn số 2875/UBND-KT …, UBND phường báo cáo … như
                # sau:" restates the topic and counts nothing: what follows it does
            if not asked.fits(s, under, other_year, span, early, until):
                continue
            own = set(vn.terms(f"{s} {under}"))
            score = 0.6 * coverage(terms, own, weight) + 0.4 * coverage(terms, own | header, weight)
            if under:  # of rows under one parent, the one saying it itself ("… một phần")
                said = set(vn.terms(s))
                score += 0.5 * (coverage(terms, said, weight) - coverage(terms, own, weight))
            score -= 0.02 * rank
            if query.wants_figure and vn.numbers(s):
                score += 0.05
            if len(s) > 300 and not query.is_list:
                score -= 0.15 * math.log2(len(s) / 300)  # a long list covers anything
            if hit.exact:
                score += 0.3
            if named and named & set(numbered_units(vn.fold(s))):
                score += 0.3
            out.append(Candidate(hit, s, score, under))
    out.sort(key=lambda c: c.score, reverse=True)
    return out

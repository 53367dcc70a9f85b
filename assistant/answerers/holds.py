"""Whether a quotable unit holds the kind of answer asked — a figure of the thing named,
the count a list must have, a table row naming the one entity asked — before the calibrated
model (support.py) judges how well it answers."""

from __future__ import annotations

from assistant.answerers import tables
from assistant.answerers.clauses import referenced, referring_clause, sentence_before
from assistant.answerers.counting import per_unit_asked, per_unit_held
from assistant.answerers.gates import answer_type, kind_held, without_when
from assistant.answerers.kinds import kinds
from assistant.answerers.listed import (
    count_asked,
    counted_not_named,
    item_without_figure,
    listed_count,
    whole_of_another,
)
from assistant.answerers.place_kinds import other_place_said
from assistant.answerers.support import name_share, question_terms
from assistant.answerers.units import Candidate
from assistant.context import Context
from assistant.query import Query
from index import vn


def whole_row(query: Query, cand: Candidate) -> bool:
    """A table row that names the one entity the question names (a province among several)
    and, with its caption and headers, every word the question asks with: the cell asked
    for, quoted with its row — no near-miss leaves nothing out."""
    chunk = cand.hit.chunk
    rows = tables.rows(chunk) if chunk.kind == "table" else []
    if not rows or not tables.named_entity(query.folded, rows):
        return False
    present = set(vn.terms(f"{cand.sentence} {cand.context} {tables.caption(chunk)}"))
    terms = question_terms(query.content)
    return bool(terms) and all(t in present for t in terms)


def holds_kind(query: Query, cand: Candidate, ctx: Context, in_passage: bool = True) -> bool:
    """Whether the unit holds the kind of answer asked (gates.kind_held); `in_passage`: or,
    for a question asking two things, its passage does."""
    chunk = cand.hit.chunk
    # a footnote is quoted with the clause that refers to it ("… Quyết định số 2514/QĐ-UBND
    # … 01 dự án⁴" — ⁴ "Nhà văn hóa trung tâm"): together they hold what is asked
    referring = ""
    if chunk.kind == "footnote":
        referring = referring_clause(ctx.store.chunks_of(chunk.report_id), chunk)
    unit = f"{cand.sentence} {cand.context} {referring}"
    if not _names_held(query, cand, unit) or not _count_held(query, cand, ctx):
        return False
    if (per := per_unit_asked(query)) and kinds(query.folded).figure:
        # "mỗi hộ được bao nhiêu": an amount per one, in the unit or the footnote it cites
        notes = " ".join(fn.text for fn in referenced(chunk, cand.sentence, ctx.store.chunks))
        if not per_unit_held(per, f"{unit} {notes}"):
            return False
    if item_without_figure(query, chunk, cand.sentence, ctx):
        return False  # one project's capital, of a whole the footnote lists
    if counted_not_named(query, chunk, cand.sentence, ctx):
        return False  # "những chợ nào" of "tại 04 chợ"
    if whole_of_another(query, cand.sentence):
        return False  # "toàn tỉnh" asked, "toàn xã" said
    if other_place_said(query, cand.sentence):
        return False  # "phường Bắc Sơn" asked, "phường Tân An … xã Phú Cường" said
    return kind_held(query, unit, chunk.text) if in_passage else answer_type(query, unit) > 0


def _count_held(query: Query, cand: Candidate, ctx: Context) -> bool:
    """ "19 tuyến … là những tuyến nào?": the list asked holds 19 — a footnote of 9 streets
    (the new ones, beside the 19 it leaves unnamed) is another list, and a sentence without
    a footnote is about those 19 only when it counts them."""
    if (asked := count_asked(query)) is None:
        return True
    chunk = cand.hit.chunk
    lists = (
        [chunk] if chunk.kind == "footnote" else referenced(chunk, cand.sentence, ctx.store.chunks)
    )
    if lists:  # reports miscount their own lists by one ("15 công trình⁹": 16 named)
        near = max(1, asked // 10)
        return any(abs(n - asked) <= near for fn in lists for n in listed_count(fn.text))
    return any(vn.parse_number(n) == asked for n in vn.numbers(cand.sentence))


def _names_held(query: Query, cand: Candidate, unit: str) -> bool:
    """A figure asked of something named ("Lễ hội Xuân Sông Mai 2026 đã đón bao nhiêu lượt
    người?"): the unit quoted — with its header and the sentence before it — names it, not
    another sentence of its passage with a figure of its own ("1.972 lượt người" of BHXH)."""
    if not kinds(query.folded).figure or name_share(query, cand.hit.chunk.text) < 1.0:
        return True  # nothing named, or the passage does not name it either: judged elsewhere
    header = cand.hit.chunk.embed_text.split("\n", 1)[0]
    before = (  # a table row names itself: the row above it names another
        ""
        if cand.hit.chunk.kind == "table"
        else sentence_before(cand.hit.chunk.text, cand.sentence, within_paragraph=False)
    )
    if before and vn.numbers(without_when(before)):
        before = ""  # a sentence with a count of its own is about its own thing
    return name_share(query, f"{header} {before} {unit}") == 1.0

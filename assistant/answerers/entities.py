"""Superlatives across a table's column entities: "tỉnh nào có điểm PCI chung cao nhất?"
over a table whose columns are provinces ("Lâm Đồng - Điểm số; Đắk Nông - Điểm số; …").

The rows are what is measured, the columns who: the answer is the row the question names,
its entities compared on the measure asked, and that one row quoted whole — never a row's
own maximum read as the answer to "which province".
"""

from __future__ import annotations

import re
import time

from assistant.answerers import tables
from assistant.answerers.items import aggregate
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from index import vn
from index.model import Chunk

# what a column entity is called in a question: "tỉnh nào", "địa phương nào", "which province"
_WHICH_ENTITY = re.compile(
    r"\b(?:tinh|huyen|xa|phuong|quan|dia phuong|thanh pho) nao\b|"
    r"\bwhich (?:province|district|ward|commune|locality|city)\b"
)
_OVERALL = re.compile(r"\b(?:tong|chung|tong the|tong hop|overall)\b")


def _row_score(row: tables.Row, terms: set[str], overall: bool) -> int:
    named = len(terms & set(vn.terms(row.label)))
    return named + int(overall and aggregate(row.label))


def answer(query: Query, ctx: Context, terms: list[str]) -> Answer | None:
    """The entity with the extreme value in the table row the question names, or None when
    no table of the hits has entity columns or no row is named by the question's words."""
    plain = " ".join(vn.syllables(query.folded))
    if not _WHICH_ENTITY.search(plain):
        return None
    t0 = time.perf_counter()
    wanted, overall = set(terms), bool(_OVERALL.search(plain))
    for hit in ctx.hits(query, max(ctx.k, 12)):
        if not tables.is_table(hit.chunk):
            continue
        pieces = tables.whole_table(hit.chunk, ctx.store.chunks_of(hit.chunk.report_id))
        rows = [(c, r) for c in pieces for r in tables.rows(c) if len(r.entities()) >= 2]
        if not rows:
            continue
        chunk, row = max(rows, key=lambda cr: _row_score(cr[1], wanted, overall))
        if _row_score(row, wanted, overall) == 0:
            return None  # the question names none of the rows: which measure is unknown
        return _answer(query, ctx, chunk, row, wanted, t0)
    return None


def _answer(
    query: Query,
    ctx: Context,
    chunk: Chunk,
    row: tables.Row,
    wanted: set[str],
    t0: float,
) -> Answer | None:
    numeric = [c for c in row.cells if c.entity and vn.parse_number(c.value) is not None]
    measures = list(dict.fromkeys(c.measure for c in numeric))
    if not measures:
        return None
    rank_asked = bool(tables.RANK.search(query.folded))
    measure = max(
        measures,
        key=lambda m: (
            len(wanted & set(vn.terms(m))),
            bool(tables.RANK.search(vn.fold(m))) == rank_asked,
        ),
    )
    values = [
        (c.entity, c.value, vn.parse_number(c.value) or 0.0)
        for c in numeric
        if c.measure == measure
    ]
    if len(values) < 2:
        return None
    rank = bool(tables.RANK.search(vn.fold(measure)))
    want_max = (query.extreme == "max") != rank  # the best rank is the smallest number
    top = (max if want_max else min)(v for _, _, v in values)
    winners = [(e, raw) for e, raw, v in values if v == top]
    citer = Citer(ctx.store)
    n = citer.cite(chunk, 1.0, row.line)
    word = (
        ("thứ hạng tốt nhất" if query.extreme == "max" else "thứ hạng thấp nhất")
        if rank
        else ("cao nhất" if want_max else "thấp nhất")
    )
    who = ", ".join(f"{e} ({measure} {raw})" for e, raw in winners)
    lines = [
        f"Theo bảng trong báo cáo, về {row.label}: {word} là {who}. [{n}]",
        f"- {row.line} [{n}]",
    ]
    return citer.answer(query.text, lines, t0, "compare")

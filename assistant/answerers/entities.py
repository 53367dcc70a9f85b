"""Superlatives and comparisons across a table's column entities: "tỉnh nào có điểm PCI
chung cao nhất?", "điểm PCI chung của Lâm Đồng thua Bình Thuận bao nhiêu?" over a table whose
columns are provinces ("Lâm Đồng - Điểm số; Đắk Nông - Điểm số; …").

The rows are what is measured, the columns who: the answer is the row the question names,
its entities compared on the measure asked, and that one row quoted whole — never a row's
own maximum read as the answer to "which province", never two rows' cells side by side.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from assistant.answerers import tables
from assistant.answerers.sums import aggregate
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from assistant.retrieve import Hit
from index import vn
from index.letterhead import ADMIN_UNITS
from index.model import Chunk

# what a column entity is called in a question: "tỉnh nào", "địa phương nào", "which province"
# ("cơ quan nào" is no "quận nào")
_WHICH_ENTITY = re.compile(
    r"\b(?:tinh|huyen|xa|phuong|(?<!co )quan|dia phuong|thanh pho)(?: cu| moi)? nao\b|"
    r"\bwhich (?:province|district|ward|commune|locality|city)\b"
)
_OVERALL = re.compile(r"\b(?:tong|chung|tong the|tong hop|overall)\b")


def _row_score(row: tables.Row, terms: set[str], overall: bool) -> int:
    named = len(terms & set(vn.terms(row.label)))
    return named + int(overall and aggregate(row.label))


def _named_row(
    query: Query, ctx: Context, terms: list[str], named: int = 0
) -> tuple[Chunk, tables.Row] | None:
    """The row of an entity-column table the question's words name: the tables among the
    hits first, then those of the hits' first reports; with `named`, only tables where the
    question names that many entities."""
    wanted = set(terms)
    overall = bool(_OVERALL.search(" ".join(vn.syllables(query.folded))))
    hits = ctx.hits(query, max(ctx.k, 12))
    found = {h.chunk.id for h in hits}
    seen: set[str] = set()
    for chunk, chunks in _tables(ctx, hits):
        if chunk.id in seen:
            continue
        pieces = tables.whole_table(chunk, chunks)
        seen |= {c.id for c in pieces}
        rows = [(c, r) for c in pieces for r in tables.rows(c) if len(r.entities()) >= 2]
        if not rows or (named and len(_entities_named(query, rows[0][1])) < named):
            continue
        if not _places(rows[0][1].entities()):
            continue  # "Hộ nghèo đầu năm 2026 - Số hộ": a header's groups, no places
        best = max(rows, key=lambda cr: _row_score(cr[1], wanted, overall))
        # the question names none of the rows: which measure is unknown
        if _row_score(best[1], wanted, overall):
            return best
        if chunk.id in found:
            return None  # the table the question finds names no row it asks about
    return None


# the first word of each administrative unit's kind ("xã", "thành phố"), and "TP."
_KINDS = frozenset(vn.fold(unit).split()[0] for unit in ADMIN_UNITS) | {"tp"}


def _places(entities: list[str]) -> bool:
    """Whether most column entities are places: names ("Lâm Đồng", "Đắk Nông"), or a kind
    and its name ("Xã Phước Sơn") — not the groups of a two-level header ("Hộ nghèo đầu năm
    2026") a question asking "xã nào" means nothing by."""

    def place(entity: str) -> bool:
        words = [w for w in entity.split() if w[:1].isalpha()]
        named = bool(words) and all(w[0].isupper() for w in words)
        return named or (bool(words) and vn.fold(words[0]).lower() in _KINDS)

    return sum(map(place, entities)) * 2 > len(entities)


def _tables(ctx: Context, hits: list[Hit]) -> Iterator[tuple[Chunk, list[Chunk]]]:
    """Table pieces with their report's chunks: those among the hits, then (read only when
    these name no row) those of the hits' first reports — a row asked about in other words
    than its own ("khoản hỗ trợ dành cho doanh nghiệp") is rarely a hit."""
    for h in hits:
        if tables.is_table(h.chunk):
            yield h.chunk, ctx.store.chunks_of(h.chunk.report_id)
    for rid in list(dict.fromkeys(h.chunk.report_id for h in hits))[:_REPORTS_READ]:
        chunks = ctx.store.chunks_of(rid)
        yield from ((c, chunks) for c in chunks if tables.is_table(c))


_REPORTS_READ = 3


def answer(query: Query, ctx: Context, terms: list[str]) -> Answer | None:
    """The entity with the extreme value in the table row the question names, or None when
    no table of the hits has entity columns or no row is named by the question's words."""
    if not _WHICH_ENTITY.search(" ".join(vn.syllables(query.folded))):
        return None
    t0 = time.perf_counter()
    if found := _named_row(query, ctx, terms):
        return _answer(query, ctx, *found, set(terms), t0)
    return None


def _entities_named(query: Query, row: tables.Row) -> list[str]:
    """The row's column entities the question names, in the question's order."""
    padded = f" {' '.join(vn.syllables(query.folded))} "
    at = {e: padded.find(f" {vn.fold(e)} ") for e in row.entities()}
    return sorted((e for e, i in at.items() if i >= 0), key=lambda e: at[e])


# "đứng trên … bao nhiêu bậc": places in a ranking
_PLACES = re.compile(r"\b(?:bao nhieu|may|\d+) bac\b")


def _measure(query: Query, row: tables.Row, wanted: set[str]) -> str:
    """The measure asked of the row's entities: a rank when one is asked, else a score."""
    numeric = [c for c in row.cells if c.entity and vn.parse_number(c.value) is not None]
    measures = list(dict.fromkeys(c.measure for c in numeric))
    if not measures:
        return ""
    plain = " ".join(vn.syllables(query.folded))
    rank_asked = tables.asks_rank(query) or bool(_PLACES.search(plain))
    return max(
        measures,
        key=lambda m: (
            len(wanted & set(vn.terms(m))),
            bool(tables.RANK.search(vn.fold(m))) == rank_asked,
        ),
    )


def comparison(query: Query, ctx: Context, terms: list[str]) -> Answer | None:
    """Two column entities the question names, compared on the row its words name: both
    cells quoted from that one row, the difference written out on them."""
    t0 = time.perf_counter()
    found = _named_row(query, ctx, terms, named=2)
    if found is None:
        return None
    chunk, row = found
    wanted = set(terms)
    measure = _measure(query, row, wanted)
    named = _entities_named(query, row)[:2]
    cells = {c.entity: c for c in row.cells if c.entity in named and c.measure == measure}
    if not measure or len(cells) < 2:
        return None
    (a, ca), (b, cb) = ((e, cells[e]) for e in named)
    va, vb = vn.parse_number(ca.value), vn.parse_number(cb.value)
    if va is None or vb is None:
        return None
    rank = bool(tables.RANK.search(vn.fold(measure)))
    (hi, hc), (lo, lc) = ((a, ca), (b, cb)) if va >= vb else ((b, cb), (a, ca))
    unit = "bậc" if rank else ("điểm" if "diem" in vn.fold(measure) else "")
    shown = vn.difference(hc.value, max(va, vb), lc.value, min(va, vb), unit, relative=not rank)
    citer = Citer(ctx.store)
    n = citer.cite(chunk, 1.0, row.line)
    lines = [
        f"Theo bảng trong báo cáo, về {row.label}: {hi} ({hc.measure} {hc.value}), "
        f"{lo} ({lc.measure} {lc.value}). [{n}]",
        f"- {row.line} [{n}]",
        f"Chênh lệch ({measure}): {shown.calc}.",
    ]
    return citer.answer(query.text, lines, t0, "compare")


def _answer(
    query: Query,
    ctx: Context,
    chunk: Chunk,
    row: tables.Row,
    wanted: set[str],
    t0: float,
) -> Answer | None:
    measure = _measure(query, row, wanted)
    if not measure:
        return None
    numeric = [c for c in row.cells if c.entity and vn.parse_number(c.value) is not None]
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

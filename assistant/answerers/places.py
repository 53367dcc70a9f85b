"""One measure of two places: "Trẻ dưới 1 tuổi tiêm đủ mũi ở Hòa Phong cao hay thấp hơn bình
quân tỉnh?" — the commune's figure from its own report, the province's from the province's
(the province-wide figure, never another commune's row), each cited, then which is higher and
by how much, written out on them.

A side is a place whose reports are indexed (a commune, a ward, the province by its name) or
the province as a whole ("toàn tỉnh", "bình quân tỉnh", "mặt bằng chung của tỉnh"). Only when
the question names two that pick apart two sets of reports, and sets them side by side
("so với", "cao hơn", "nơi nào … hơn", "còn toàn tỉnh … bao nhiêu"): a comparison within one
report's passages is answerers/compare.py's, and one figure as two sources give it
answerers/sources.py's.
"""

from __future__ import annotations

import dataclasses
import re
import time

from assistant.answerers import sources
from assistant.answerers.figures import wants
from assistant.answerers.measured import Scored, figures_within
from assistant.answerers.summary import clean
from assistant.antecedents import proper_names
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.named_reports import PROVINCE_WIDE, names_place, place_names, places_typed
from assistant.query import Query
from assistant.scope import of_period
from index import vn
from index.store import ReportInfo

_SIDE_BY_SIDE = re.compile(
    r"\b(?:so voi|so sanh|hon|kem|thua|vuot|chenh|khac|noi nao|ben nao|dia phuong nao|"
    r"con (?:toan|ca) tinh|than|compared?|behind|ahead)\b"
)
# "bao nhiêu giáo viên", "mấy vụ": a count asked, not a rate
_COUNTS = re.compile(r"\b(?:bao nhieu|may) (?!phan tram|%|ty le)\w")
# "chiếm bao nhiêu so với cả tỉnh": the commune's share of the province's figure
_SHARE = re.compile(r"\b(?:chiem|ty trong|bao nhieu phan tram (?:cua|so voi))\b")
_WHEN_NOUNS = frozenset(vn.terms("tháng năm quý ngày tuần"))
_SIDE_WORDS = frozenset(
    vn.terms("xã phường tỉnh toàn cả bình quân trung bình mặt bằng chung của nơi bên địa phương")
)


def asked(query: Query) -> bool:
    """Set side by side, and a place named ("Hòa Phong", "toàn tỉnh", "xã Tân Khê")."""
    plain = " ".join(vn.syllables(query.folded))
    return _SIDE_BY_SIDE.search(plain) is not None and bool(
        PROVINCE_WIDE.search(plain) or proper_names(query.text) or places_typed(query.folded)
    )


Side = tuple[str, frozenset[str], range]  # as named, its reports, the words naming it


def _sides(query: Query, ctx: Context) -> list[Side]:
    """The places the question names, in its order: how it names each, its reports, and
    which of the question's words name it."""
    words = vn.syllables(query.text)
    plain = " ".join(vn.fold(w) for w in words)
    padded = f" {plain} "
    infos = [i for i in ctx.store.reports() if ctx.reports is None or i.report_id in ctx.reports]

    def span(start: int, end: int) -> range:  # characters of `plain` → its words
        first = plain[:start].count(" ")
        return range(first, first + plain[start:end].count(" ") + 1)

    found: list[Side] = []
    for place in sorted({p for i in infos for p in place_names(i)}):
        if names_place(place, padded):
            at = padded.find(f" {place} ")
            ids = frozenset(i.report_id for i in infos if place in place_names(i))
            where = span(at, at + len(place))
            found.append((" ".join(words[k] for k in where), ids, where))
    if m := PROVINCE_WIDE.search(plain):
        found.append(("toàn tỉnh", _province(infos), span(m.start(), m.end())))
    elif query.english and PROVINCE_WIDE.search(" ".join(vn.syllables(query.folded))):
        # "the provincial average": said by its translation, after the question's words
        found.append(("toàn tỉnh", _province(infos), range(len(words), len(words))))
    out: list[Side] = []
    for side in sorted(found, key=lambda s: s[2].start):
        if side[1] and all(not (side[1] & s[1]) for s in out):
            out.append(side)
    return out


def _without(query: Query, ctx: Context, words: range) -> Query:
    """The question without the other side's name: its figure is not this side's."""
    kept = [w for k, w in enumerate(vn.syllables(query.text)) if k not in words]
    return ctx.normalize(" ".join(kept))


def _province(infos: list[ReportInfo]) -> frozenset[str]:
    """The province's reports: its People's Committee's and its departments'."""
    return frozenset(i.report_id for i in infos if not sources.is_commune(i))


def answer(query: Query, ctx: Context) -> Answer | None:
    if not asked(query):
        return None
    plain = " ".join(vn.syllables(query.folded))
    sides = _sides(query, ctx)
    if len(sides) != 2:
        return None
    t0 = time.perf_counter()
    (name_a, first, at_a), (name_b, second, at_b) = sides
    first, second = (_when(query, ctx, s, o) for s, o in ((first, second), (second, first)))
    said = frozenset({t for n, _, _ in sides for t in vn.terms(n)} | _SIDE_WORDS)
    communes = {p for r in first | second for p in _places_of(ctx, r, communes_only=True)}
    lists = []
    for side, other in ((first, at_b), (second, at_a)):
        found = figures_within(_without(query, ctx, other), ctx, side, said)
        if not sources.of_communes(ctx, side):
            # the province's own figure: never a commune's entry in its lists
            found = [f for f in found if not sources.place_before(communes, f)]
        # "10 tháng" of "tiêm chủng đầy đủ 10 tháng đạt 84,6%" is when, not how much
        found = [f for f in found if f.noun not in _WHEN_NOUNS]
        if not found:
            return None
        lists.append(found)
    # places of different sizes compare by their rates, unless the question counts
    if not _COUNTS.search(plain) and all(
        any(f.figure.unit == "%" for f in found) for found in lists
    ):
        lists = [_rates(query, found) for found in lists]
    if not (pair := sources.best_pair(query, ctx, (lists[0], lists[1]), said)):
        return None
    a, b = (s.figure for s in pair)
    citer = Citer(ctx.store)
    lines = []
    for name, s in zip((name_a, name_b), pair, strict=True):
        quote = clean(s.figure.candidate.sentence)
        n = citer.cite(s.figure.candidate.hit.chunk, s.figure.candidate.hit.score, quote)
        lines.append(f"- {_titled(name)}: {quote} [{n}]")
    if a.value == b.value:
        lines.append(f"Bằng nhau: cùng là {a.raw} {a.unit}".rstrip() + ".")
    else:
        (hi_name, hi), (lo_name, lo) = sorted(
            ((name_a, a), (name_b, b)), key=lambda x: x[1].value, reverse=True
        )
        # a share of the smaller place's figure says nothing of two places: the gap only
        shown = vn.difference(hi.raw, hi.value, lo.raw, lo.value, a.unit, relative=False)
        more = "cao hơn" if a.unit == "%" else "nhiều hơn"
        lines.append(f"{_titled(hi_name)} {more} {_titled(lo_name, False)}: {shown.calc}.")
        if a.unit != "%" and hi_name == "toàn tỉnh" and _SHARE.search(plain):
            part = vn.share(lo.raw, lo.value, hi.raw, hi.value)
            lines.append(f"{_titled(lo_name)} chiếm {part} của toàn tỉnh.")
    return citer.answer(query.text, lines, t0, "compare")


def _rates(query: Query, found: list[Scored]) -> list[Scored]:
    """A side's rates, scored as though a rate was asked: "giải ngân tiền hỗ trợ nhanh hay
    chậm hơn tỉnh" asks money of one place, but of two the shares of their own plans — a
    share its clause gives of an amount found ("giải ngân 12.960 triệu đồng, đạt 70,1%"),
    before one of nothing found ("100% hộ … đã được hỗ trợ")."""
    wanted = wants(query)
    undo = (0.0 if wanted.rate else 2.3) + (0.6 if wanted.money else 0.0)
    undo += 3.0 if wanted.money_only else 0.0
    amounts = {(id(s.figure.candidate), s.figure.raw) for s in found if s.figure.unit != "%"}

    def of_amount(s: Scored) -> bool:
        text = s.figure.candidate.sentence
        clause = re.split(r"[;:]", text[: text.find(f"{s.figure.raw}%")])[-1]
        return any(
            (id(s.figure.candidate), raw) in amounts for raw in re.findall(r"[\d.,]+", clause)
        )

    return [
        dataclasses.replace(s, score=s.score + undo + (1.0 if of_amount(s) else 0.0))
        for s in found
        if s.figure.unit == "%"
    ]


def _titled(name: str, first: bool = True) -> str:
    """A place as names are written ("Hòa Phong"); "toàn tỉnh" opens a line only."""
    if name == "toàn tỉnh":
        return "Toàn tỉnh" if first else name
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


def _when(
    query: Query, ctx: Context, side: frozenset[str], other: frozenset[str]
) -> frozenset[str]:
    """A side's reports of the period asked — of that very period when it has one ("cuối quý
    III": the quarter's report, not September's); a commune's of the month the other side's
    newest ends with (its months are one series), the province's all (its departments report
    on different days)."""
    if query.periods and (allowed := ctx.scope(query).allowed):
        asked = ctx.scope(query).periods
        own = {
            r
            for r in side & allowed
            if (info := ctx.store.info(r)) and any(of_period(info, p) for p in asked)
        }
        return frozenset(own) or (side & allowed) or side
    if sources.of_communes(ctx, side):
        return sources.as_of(ctx, side, other)
    return side


def _places_of(ctx: Context, report_id: str, communes_only: bool) -> set[str]:
    info = ctx.store.info(report_id)
    if info is None or (communes_only and not sources.is_commune(info)):
        return set()
    return place_names(info)

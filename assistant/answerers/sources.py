"""One figure as two sources give it: "Số hộ chưa giao mặt bằng ĐT.263 ở Đồng Lâm: số của Sở
Tài chính với số của xã có khớp nhau không?" — the figure from each source's own reports,
each cited, then whether they agree, or by how much they differ, written out on them.

A source is a body the question names ("Sở Tài chính", "Sở NN", "báo cáo thanh tra", "công
an tỉnh") or a level ("xã", "phường" — the commune's own reports, "xã tự báo cáo"; "tỉnh" —
the province's). Only when the question names two that pick apart two sets of reports, and
asks whether they agree ("khớp", "lệch", "chênh", "khác nhau"): otherwise another answerer's.
"""

from __future__ import annotations

import itertools
import re
import time

from assistant.answerers import tables
from assistant.answerers.compare import counted_by_both
from assistant.answerers.counting import counted_nouns
from assistant.answerers.figures import figures_in
from assistant.answerers.measured import Scored, alike, figures_within, measure_said, same_key
from assistant.answerers.scales import comparable, one_scale, value_of
from assistant.answerers.summary import clean
from assistant.answerers.support import proper_names
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.intent import AGREE_ASKED
from assistant.named_reports import body_names, place_names, places_typed
from assistant.query import Query
from index import periods as P
from index import vn
from index.store import ReportInfo

_COMMUNE = re.compile(r"^(?:ubnd |uy ban nhan dan )?(?:xa|phuong|thi tran)\b")
_PROVINCE = re.compile(r"^(?:ubnd |uy ban nhan dan )?tinh\b")
# a level named as a source: "số của xã", "xã báo", "bc của phường", "báo tỉnh"
_LEVEL = re.compile(r"\b(xa|phuong|tinh)\b")
_SELF = re.compile(r"\btu bao cao\b")  # "Hòa Thịnh tự báo cáo": the commune's own report
_INITIALS = re.compile(r"\bso ([a-z]{2,8})\b")
# "tính" folds as "tỉnh": "tính đến", "tính từ", "ước tính" reckon
_RECKONED = re.compile(r"(?:den|tu|ra|chung|theo)\b")
_ESTIMATED = re.compile(r"\b(?:uoc|du)\s$")
# words naming a source, none of them the measure's
_SOURCE_WORDS = frozenset(
    vn.terms("sở số của báo cáo bc xã phường tỉnh tự báo theo thanh tra công an bảng tổng hợp")
)


def asked(query: Query) -> bool:
    return AGREE_ASKED.search(" ".join(vn.syllables(query.folded))) is not None


def is_commune(info: ReportInfo) -> bool:
    return _COMMUNE.match(vn.fold(info.issuer)) is not None


def _mentions(plain: str, infos: list[ReportInfo]) -> list[tuple[int, str, frozenset[str]]]:
    """Each source the question names: where, its words, and the reports it picks."""
    places = {p for i in infos for p in place_names(i)}
    found: list[tuple[int, str, frozenset[str]]] = []
    bodies: dict[str, set[str]] = {}
    for info in infos:
        for name in body_names(info):
            bodies.setdefault(name, set()).add(info.report_id)
    for name, ids in bodies.items():
        for said in _said_as(name):
            if (at := f" {plain} ".find(f" {said} ")) >= 0:
                found.append((at, said, frozenset(ids)))
                break
    for m in _INITIALS.finditer(plain):  # "Sở NN" for "Sở NN&MT" ("so nnmt")
        ids = {r for name, rs in bodies.items() if name.startswith(m.group(0)) for r in rs}
        if ids and not any(at == m.start() for at, _, _ in found):
            found.append((m.start(), m.group(0), frozenset(ids)))
    taken = [(at, at + len(name)) for at, name, _ in found]
    communes = frozenset(i.report_id for i in infos if is_commune(i))
    named = {i.report_id for i in infos if any(f" {p} " in f" {plain} " for p in place_names(i))}
    own = frozenset(communes & named) or communes  # the commune the question is about
    province = frozenset(
        i.report_id for i in infos if _PROVINCE.match(vn.fold(i.issuer))
    ) or frozenset(i.report_id for i in infos if not is_commune(i))
    for m in _LEVEL.finditer(plain):
        if any(a <= m.start() < b for a, b in taken):
            continue  # "công an tỉnh", "thanh tra tỉnh": a body's word
        rest = plain[m.end() :].strip()
        if any(rest.startswith(p) for p in places) or re.match(
            r"(?:toan|ca)\s$", plain[: m.start()][-5:]
        ):
            continue  # "xã Đồng Lâm", "toàn tỉnh": a place, not a source
        if m.group(1) == "tinh" and (
            _RECKONED.match(rest) or _ESTIMATED.search(plain[: m.start()])
        ):
            continue  # "tính đến 31/10", "ước tính": reckoning, not the province
        found.append((m.start(), m.group(1), own if m.group(1) != "tinh" else province))
    if m := _SELF.search(plain):
        found.append((m.start(), "tự báo cáo", own))
    return sorted(found)


def _said_as(name: str) -> list[str]:
    """How a question may name a body: whole, "thanh tra" / "công an" for the inspectorate
    or police of the province, "Sở" and two words of its name ("Sở Du lịch" for "Sở Văn
    hóa, Thể thao và Du lịch")."""
    words = name.split()
    out = [name]
    if words[:2] in (["thanh", "tra"], ["cong", "an"]):
        out.append(" ".join(words[:2]))
    if words[0] == "so" and len(words) > 3:
        out += [f"so {a} {b}" for a, b in itertools.pairwise(words[1:]) if "va" not in (a, b)]
    return out


def _two(query: Query, ctx: Context) -> tuple[frozenset[str], frozenset[str], set[str]] | None:
    """The reports of the two sources, in the order named, and the words naming them."""
    plain = " ".join(vn.syllables(query.folded.replace("&", "")))
    plain = re.sub(r"\bbc\b", "bao cao", plain)
    infos = ctx.store.reports()
    # the caller's filter, not the question's scope: a source may be a report it leaves out
    admitted = [i for i in infos if ctx.reports is None or i.report_id in ctx.reports]
    mentions = _mentions(plain, admitted)
    sides: list[frozenset[str]] = []
    for _, _, ids in mentions:
        if ids and all(not (ids & s) for s in sides):
            sides.append(ids)
    if len(sides) != 2:
        return None
    # a commune's months: those the question names, else the one the other source's ends with
    allowed = ctx.scope(query).allowed if query.periods else None
    sides = [(s & allowed) or s if allowed else s for s in sides]
    sides = [as_of(ctx, s, sides[1 - k]) for k, s in enumerate(sides)]
    words = {t for _, name, _ in mentions for t in vn.terms(name)} | _SOURCE_WORDS
    return sides[0], sides[1], words


def as_of(ctx: Context, side: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """Of a source's reports of several periods, those ending when the other source's
    newest does (else the last before it, else its own newest)."""
    ends = {r: p.last for r in side | other if (p := _period(ctx, r)) is not None}
    if len(side) < 2 or not (theirs := [ends[r] for r in other if r in ends]):
        return side
    mine = [ends[r] for r in side if r in ends]
    before = [e for e in mine if e <= max(theirs)]
    end = max(before or mine, default=None)
    return frozenset(r for r in side if ends.get(r) == end) or side


def _period(ctx: Context, report_id: str) -> P.Period | None:
    info = ctx.store.info(report_id)
    return P.from_label(info.period) if info else None


def place_before(places: set[str], f: Scored) -> bool:
    """A province's figure for the commune asked: the commune named right before the figure
    ("xã Đồng Lâm 08 hộ"; not "đoạn Nguyên Bình - Đồng Lâm: 19 hộ", a road's), or in the
    table row it is a cell of."""
    text = clean(f.figure.candidate.sentence)
    if tables.is_table(f.figure.candidate.hit.chunk):  # "Chủ đầu tư: UBND xã Đồng Lâm; …"
        near = " ".join(vn.syllables(vn.fold(text)))
        return any(re.search(rf"\b{_KIND} {p}\b", near) for p in places)
    at = text.find(f.figure.raw)
    near = " ".join(vn.syllables(vn.fold(text[max(0, at - 40) : at])))
    return any(re.search(rf"\b{_KIND} {p}$", near) for p in places)


_KIND = r"(?:xa|phuong|thi tran)"
_QUOTING = re.compile(r"\b(?:tai|theo) bao cao so\b")


def _text(f: Scored) -> str:
    return " ".join(vn.syllables(vn.fold(f.figure.candidate.sentence)))


def _places(query: Query, ctx: Context, sides: tuple[frozenset[str], ...]) -> set[str]:
    """The commune the figure is of, folded: the place of a side's commune reports, and
    the places the question names (its capitalised names, or typed plainly)."""
    named = [" ".join(vn.syllables(vn.fold(n))) for n in proper_names(query.text)]
    own = [p for side in sides if of_communes(ctx, side) for r in side for p in _place_of(ctx, r)]
    return {n for n in [*named, *places_typed(query.folded), *own] if n}


def of_communes(ctx: Context, side: frozenset[str]) -> bool:
    return all((i := ctx.store.info(r)) is not None and is_commune(i) for r in side)


def _place_of(ctx: Context, report_id: str) -> set[str]:
    info = ctx.store.info(report_id)
    return place_names(info) if info else set()


def best_pair(
    query: Query,
    ctx: Context,
    lists: tuple[list[Scored], list[Scored]],
    sources: frozenset[str],
    one_figure: bool = False,
) -> tuple[Scored, Scored] | None:
    """One measure's figure from each source: one unit (what the question counts, when it
    says: "1 vụ", "bao nhiêu hộ"), the measure's rarest word (not a source's: `sources`) said
    by both passages, the commune asked named beside a province's figure. `one_figure`: the
    two are one figure as two sources give it, which never differ by half."""
    # a sentence giving another report's figure ("cao hơn số ước tại Báo cáo số 611 …")
    # is not its own source's
    a_list, b_list = ([f for f in x if not _QUOTING.search(_text(f))] for x in lists)
    # the units of the question's own figures, and of what it counts — when a unit at all
    written = [query.text, *(f"1 {n}" for n in counted_nouns(query))]
    counted = {vn.fold(u) for t in written for *_, u, _ in figures_in(t, False) if u}
    best: tuple[float, Scored, Scored] | None = None
    a_list, b_list = a_list[:8], b_list[:8]
    said = {
        k: v - sources
        for k, v in measure_said(query, ctx, [s.figure for s in a_list + b_list]).items()
    }
    for a in a_list:
        for b in b_list:
            if not comparable(a.figure, b.figure) or (a.noun and b.noun and a.noun != b.noun):
                continue
            if counted and not {vn.fold(a.figure.unit), a.noun} & counted:
                continue  # "1 vụ tai nạn … 2 vụ": fines in trường hợp are another count
            if not same_key(ctx, said, a.figure, b.figure):
                continue  # fines of one report, a drug case of the other
            if a.part != b.part:
                continue
            if one_figure and _apart(value_of(a.figure), value_of(b.figure)):
                continue  # "104 đơn" of one source, "06 đơn" solved of the other's sentence
            score = a.score + b.score + 2.0 * alike(a, b)
            if best is None or score > best[0]:
                best = (score, a, b)
    return (best[1], best[2]) if best and best[0] >= 3.0 else None


def _apart(a: float, b: float) -> bool:
    """Two sources of one figure do not differ by half: two figures read."""
    return abs(a - b) > 0.5 * max(abs(a), abs(b))


def answer(query: Query, ctx: Context) -> Answer | None:
    if not asked(query) or (two := _two(query, ctx)) is None:
        return None
    t0 = time.perf_counter()
    first, second, said = two
    said_terms = frozenset(said)
    places = _places(query, ctx, (first, second))
    lists = []
    for side in (first, second):
        found = figures_within(query, ctx, side, said_terms)
        # a province's list of communes: the commune's own entry, or no answer (another
        # commune's row is never its figure)
        if places and not of_communes(ctx, side):
            found = [f for f in found if place_before(places, f)]
        if not found:
            return None
        lists.append(found)
    a_list, b_list = lists
    if not (pair := best_pair(query, ctx, (a_list, b_list), said_terms, one_figure=True)):
        return None
    a, b, rescaled = one_scale(*(s.figure for s in pair))
    citer = Citer(ctx.store)
    lines = []
    for s in pair:
        info = ctx.store.info(s.figure.candidate.hit.chunk.report_id)
        quote = clean(s.figure.candidate.sentence)
        n = citer.cite(s.figure.candidate.hit.chunk, s.figure.candidate.hit.score, quote)
        lines += [f"Theo {info.label if info else 'báo cáo'}:", f"- {quote} [{n}]"]
    unit = a.unit or counted_by_both(a, b)  # "104 đơn" in both
    if a.value == b.value:
        same = rescaled or f"cùng là {a.raw} {unit}".rstrip()
        lines.append(f"Hai nguồn khớp nhau: {same}.")
    else:
        hi, lo = (a, b) if a.value >= b.value else (b, a)
        shown = vn.difference(hi.raw, hi.value, lo.raw, lo.value, unit)
        lines.append(f"Hai nguồn lệch nhau: {rescaled + '; ' if rescaled else ''}{shown.calc}.")
    return citer.answer(query.text, lines, t0, "compare")

"""Comparisons, computed and shown.

"Thu NSNN tháng 12 tăng bao nhiêu so với tháng 11?": each figure is taken from its own
cited passage (the report of each period), then the difference and the percentage are
written out — "42.960 − 40.120 = 2.840 triệu đồng (+7,1%)" — so every number of the answer
is either in a cited passage or the result of arithmetic shown on cited numbers.

"Điểm PCI của Lâm Đồng thua Bình Thuận bao nhiêu?": two column entities of one table row
(answerers/entities.py). "Hồ sơ khai sinh nhiều hơn hồ sơ khai tử bao nhiêu?": two clauses of
the passages, one for each side the question names (answerers/sides.py), the same arithmetic
shown.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass

from assistant.answerers import entities, stated
from assistant.answerers.clauses import sentence_before
from assistant.answerers.figures import (
    COMPARE_WORDS,
    PART_OF,
    Figure,
    is_change,
    names_part,
    segments,
    wants,
)
from assistant.answerers.gates import kinds
from assistant.answerers.sides import clause_pair, sides
from assistant.answerers.summary import clean
from assistant.answerers.support import coverage, question_terms
from assistant.answerers.units import Candidate, candidates
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.named_reports import place_names
from assistant.query import Query, without_periods
from index import periods as P
from index import vn

# A running total ("lũy kế", "cộng dồn", "từ đầu năm"), asked for or written beside a figure
RUNNING_TOTAL = re.compile(r"\b(?:luy ke|cong don|tu dau nam)\b")
# "phấn đấu … đạt trên 60%", "chưa đạt mục tiêu 60% đề ra": what is aimed at, not what was done
_AIMED = re.compile(r"\b(?:phấn đấu|mục tiêu)\b", re.I)
_PLANNED = re.compile(r"\bdự toán\b", re.I)
_PLANNED_Q = re.compile(r"\bdu toan\b")


def _measure_terms(query: Query) -> list[str]:
    return [t for t in question_terms(query.content) if t not in COMPARE_WORDS]


@dataclass(frozen=True)
class Scored:
    score: float
    figure: Figure
    around: frozenset[str]  # the words of its clause ("đạt … dự toán tỉnh giao")
    noun: str = ""  # with no unit, the word after the figure, folded ("th" of "62 TH")
    part: str = ""  # of a "Trong đó, …" sentence, a part of the total: "asked" or "other"


def _figures(query: Query, cand: Candidate, weight: float) -> list[Scored]:
    """The sentence's figures, scored by how closely the measure's words lead up to them
    (a rate only when a rate is asked for; money when money is)."""
    terms = set(_measure_terms(query))
    wanted = wants(query)
    # "lũy kế", "cộng dồn": the running total, not the month's amount
    running = RUNNING_TOTAL.search(" ".join(vn.syllables(query.folded))) is not None
    text = clean(cand.sentence)
    given = {vn.number_key(n.rstrip("%")) for n in vn.numbers(without_periods(query.text))}
    # "Trong đó, thu tiền sử dụng đất lũy kế …" is a part of the total said before it: its
    # figures answer only a question naming that part
    part = "" if not PART_OF.match(text) else "asked" if names_part(query, cand, text) else "other"
    aims = not kinds(query.folded).target  # a target asked: its figure is the reading
    planned = aims and not _PLANNED_Q.search(query.folded)  # nor a budget ("dự toán") asked
    out = []
    for seg in segments(text, amounts=wanted.amounts):
        raw, value, unit, pos = seg.raw, seg.value, seg.unit, seg.pos
        # a phrase says its words too ("số tiền" says "tiền"), as coverage reads them
        around = set(vn.passage_terms(f"{seg.before} {seg.after}"))
        if vn.number_key(raw) in given:
            continue  # "đã đạt mục tiêu 80% chưa?": the question's own figure is no reading
        before = vn.passage_terms(text[max(0, pos - 90) : pos])
        change = is_change(text, pos)
        # the measure's words around this figure ("84,6% dự toán tỉnh giao"), then further back
        score = weight + len(terms & set(before)) * 0.3 + len(terms & around) * 0.5
        if running:
            own = " ".join(vn.syllables(vn.fold(f"{seg.before} {seg.after}")))
            # a month's amount is as far from a running total as a rate is from an amount
            score += 1.0 if RUNNING_TOTAL.search(own) else -1.5
        score += 0.8 if (unit == "%") == wanted.rate else -1.5
        if wanted.money:
            score += 0.6 if "đồng" in unit else -0.6
        if wanted.money_only and "đồng" not in unit:
            score -= 3.0
        score += 0.2 if unit else -0.3
        score -= 1.0 if part == "other" else 0.0
        if aims and _AIMED.search(seg.before):
            continue  # October's target for November is no figure of either month
        if planned and _PLANNED.search(re.split(r"[;:]", text[:pos])[-1]):
            continue  # "Dự toán … năm 2026 …, với tổng thu 9.120": a plan, no month's reading
        if change:  # "(giảm 08 ca so với tháng trước)": the difference is computed from
            score -= 1.0  # the two months' own figures, a change is neither of them
        noun = "" if unit else next(iter(vn.syllables(vn.fold(seg.after[len(raw) :]))), "")
        figure = Figure(raw, value, unit, cand)
        out.append(Scored(score, figure, frozenset(around), noun, part))
    return out


def _figures_for(query: Query, ctx: Context, period: P.Period) -> list[Scored]:
    """Figures of the measure in the report of `period`, best first: a report of that
    period, not a longer one holding it (a year's report gives no October figure)."""
    allowed = frozenset(
        i.report_id
        for i in ctx.store.reports()
        if (p := P.from_label(i.period)) is not None
        and p.matches(period)
        and p.contains(period)
        and p.months == period.months
    )
    if not allowed:
        return []
    terms = _measure_terms(query)
    out: list[Scored] = []
    covered = []
    for cand in candidates(query, ctx.search(query, 12, allowed), ctx):
        weight = ctx.corpus.report_idf(cand.hit.chunk.report_id)
        before = sentence_before(cand.hit.chunk.text, cand.sentence)
        said = f"{before} {cand.sentence} {cand.context}"
        covered.append((coverage(terms, set(vn.passage_terms(said)), weight), cand))
    for cov, cand in sorted(covered, key=lambda c: c[0], reverse=True)[:8]:
        if cov >= 0.35:
            out += _figures(query, cand, 2 * cov)
    return sorted(out, key=lambda s: s.score, reverse=True)


def figures_across(
    query: Query, ctx: Context, periods: list[P.Period]
) -> list[tuple[P.Period, Figure]]:
    """Each period's figure of the measure, written alike in every report: of the figures
    scored for the measure, the one the most periods give best in its words and unit sets
    it (the traffic fines of every month, not one month's land fines), and each period
    gives the figure of its own that reads most like it."""
    found = [(p, [s for s in _figures_for(query, ctx, p)[:8] if s.score >= 1.5]) for p in periods]

    def picks(ref: Scored) -> list[tuple[float, P.Period, Figure]]:
        out = []
        for p, fs in found:
            same = [
                (s.score + 2.0 * _alike(ref, s), s) for s in fs if s.figure.unit == ref.figure.unit
            ]
            if same:
                score, best = max(same, key=lambda x: x[0])
                out.append((score, p, best.figure))
        return out

    refs = [s for _, fs in found for s in fs]
    if not refs:
        return []
    best = max((picks(r) for r in refs), key=lambda xs: sum(x[0] for x in xs))
    return [(p, f) for _, p, f in best]


def _words_of(terms: frozenset[str]) -> set[str]:
    return {t for t in terms if not any(ch.isdigit() for ch in t)}


def _alike(a: Scored, b: Scored) -> float:
    """How alike two figures' clauses are written (their words, not their figures)."""
    wa, wb = _words_of(a.around), _words_of(b.around)
    return len(wa & wb) / max(1, len(wa | wb))


def _pair(
    query: Query, ctx: Context, a_list: list[Scored], base: P.Period
) -> tuple[Figure, Figure] | None:
    """The same measure in both periods (`a_list`: the later period's figures, best first):
    the best-scoring pair in one unit, written the same way ('thu được' … 'thu được'), never
    two different figures of one sentence."""
    b_list = _figures_for(query, ctx, base)[:8]
    # a part the question names ("tiền sử dụng đất") is compared with that part only
    asked = any(s.part == "asked" for s in a_list + b_list)
    places = {i.report_id: place_names(i) for i in ctx.store.reports()}
    best: tuple[float, Figure, Figure] | None = None
    for a in a_list:
        for b in b_list:
            if a.figure.unit != b.figure.unit or (a.noun and b.noun and a.noun != b.noun):
                continue  # "62 TH" and "480 suất quà" count different things
            if a.part != b.part or (asked and a.part != "asked"):
                continue  # the land-use part of one month is no match for another's total
            if not _same_place(places, a.figure, b.figure):
                continue  # a province's cases and a commune's are no two months of one count
            # the same measure is written alike in both reports (its words, not its figures)
            score = a.score + b.score + 2.0 * _alike(a, b)
            if best is None or score > best[0]:
                best = (score, a.figure, b.figure)
    return (best[1], best[2]) if best and best[0] >= 3.0 else None


def _same_place(places: dict[str, set[str]], a: Figure, b: Figure) -> bool:
    """Both figures are of reports of one place (`places`: each report's issuer's places —
    a commune's two months, a province's departments), or either's place is unknown."""
    pa, pb = (places.get(f.candidate.hit.chunk.report_id, set()) for f in (a, b))
    return not pa or not pb or bool(pa & pb)


def _render(
    query: Query, ctx: Context, sides: list[tuple[str, Figure]], t0: float, periods: bool
) -> Answer:
    """Each figure quoted and cited, then the difference written out on the cited figures."""
    citer = Citer(ctx.store)
    lines = []
    (la, a), (lb, b) = sides
    # two clauses of one sentence: quoted once (the same words in two reports are two quotes)
    one = (a.candidate.sentence, a.candidate.hit.chunk.id) == (
        b.candidate.sentence,
        b.candidate.hit.chunk.id,
    )
    for label, fig in sides[:1] if one else sides:
        quote = clean(fig.candidate.sentence)
        n = citer.cite(fig.candidate.hit.chunk, fig.candidate.hit.score, quote)
        lines.append(f"- {quote} [{n}]" if one else f"- {label}: {quote} [{n}]")
    if periods:  # later − earlier, signed: what changed
        hi, lo = a, b
    else:  # the larger − the smaller: by how much one exceeds the other
        hi, lo = (a, b) if a.value >= b.value else (b, a)
    shown = vn.difference(hi.raw, hi.value, lo.raw, lo.value, a.unit)
    if periods:
        lines.append(f"So với {lb}, {la} {shown.verb}: {shown.calc}.")
    else:
        lines.append(f"Chênh lệch: {shown.calc}.")
    return citer.answer(query.text, lines, t0, "compare")


def comparison(query: Query, ctx: Context) -> Answer | None:
    """Two periods' figures of one measure, or two figures the question sets side by side."""
    t0 = time.perf_counter()
    labels = [i.period for i in ctx.store.reports()]  # 'tháng 11' … 'tháng 10': newest year
    periods = list(dict.fromkeys(P.with_newest_year(p, labels) for p in ctx.scope(query).periods))
    if len(periods) == 1 and periods[0].unit == "span":  # "từ tháng 10 đến tháng 12": the ends
        span = periods[0]
        periods = [P.Period(span.last, span.last), P.Period(span.first, span.first)]
    if len(periods) >= 2 and all(p.year_known for p in periods[:2]):
        now, base = sorted(periods[:2], key=lambda p: p.first, reverse=True)
        later = _figures_for(query, ctx, now)[:8]
        if pair := _pair(query, ctx, later, base):
            return _render(query, ctx, [(now.spoken, pair[0]), (base.spoken, pair[1])], t0, True)
        strong = [s.figure for s in later if s.score >= 1.5]
        if said := stated.said_change(strong, now, base):  # "tăng 9 ca so với tháng 12/2025"
            return stated.answer(query, ctx, said, now, base)
        if not (now.contains(base) or base.contains(now)):
            return None
        # "ước cả năm 2023 cao hơn mức đạt đến 18/12": a year and a month of it are one
        # report's two figures, not two reports' — the two sides the question names
    if not (both := sides(query)) or _rank_asked(query):
        return None
    if by_entity := entities.comparison(query, ctx, _measure_terms(query)):
        return by_entity  # two provinces of one table row
    # two zeros ("bị kỷ luật: 0" of two rows) tell no difference of what was asked
    if (pair := clause_pair(query, ctx, *both)) and (pair[0].value or pair[1].value):
        return _render(query, ctx, [("Thứ nhất", pair[0]), ("Thứ hai", pair[1])], t0, False)
    return None


def _rank_asked(query: Query) -> bool:
    """ "Đứng thứ mấy so với các huyện?": a rank among others, not a difference of two
    figures ("thua mấy bậc", "chênh bao nhiêu" are)."""
    plain = " ".join(vn.syllables(query.folded))
    return kinds(query.folded).rank and not _RANK_GAP.search(plain)


_RANK_GAP = re.compile(r"\b(?:bac|chenh|hon|thua|kem|vuot)\b")


def month_lines(citer: Citer, found: list[tuple[P.Period, Figure]]) -> list[str]:
    """Each month's figure as its report says it, cited: "- Tháng 10/2025: … [1]"."""
    lines = []
    for p, f in found:
        quote = clean(f.candidate.sentence)
        n = citer.cite(f.candidate.hit.chunk, f.candidate.hit.score, quote)
        lines.append(f"- {p.spoken[:1].upper()}{p.spoken[1:]}: {quote} [{n}]")
    return lines


def series(query: Query, ctx: Context) -> Answer | None:
    """ "Lượt khám bệnh từ tháng 10 đến tháng 1 tăng giảm ra sao?" of a measure no record
    keeps: its figure in each monthly report of the span (of every month, when it names
    none), each cited, and the change from the first month to the last written out on them."""
    t0 = time.perf_counter()
    scope = ctx.scope(query)
    # a span named: every monthly report within it; none named: every one the scope admits
    labels = [i.period for i in ctx.store.reports() if scope.periods or scope.admits(i.report_id)]
    asked = [P.with_newest_year(p, labels) for p in scope.periods]
    if not all(p.year_known for p in asked):
        return None
    months = sorted(
        {p for label in labels if (p := P.from_label(label)) is not None and p.months == 1},
        key=lambda p: p.first,
    )
    if not months:
        return None
    # "qua các tháng" naming none: every month there is a report of
    lo = min(P.serial(p.first) for p in asked or months)
    hi = max(P.serial(p.last) for p in asked or months)
    found = figures_across(query, ctx, [p for p in months if lo <= P.serial(p.first) <= hi])
    if len(found) < 2:
        return None
    unit = Counter(f.unit for _, f in found).most_common(1)[0][0]  # the measure most months give
    found = [(p, f) for p, f in found if f.unit == unit]
    if len(found) < 2:
        return None
    citer = Citer(ctx.store)
    lines = month_lines(citer, found)
    (p0, a), (p1, b) = found[0], found[-1]
    shown = vn.difference(b.raw, b.value, a.raw, a.value, unit)
    lines.append(f"Từ {p0.spoken} đến {p1.spoken} {shown.verb}: {shown.calc}.")
    return citer.answer(query.text, lines, t0, "compare")

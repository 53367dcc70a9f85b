"""A measure's figure month by month: "Lượt khám bệnh từ tháng 10 đến tháng 1 tăng giảm ra
sao?" of a measure no record keeps — each monthly report's figure quoted and cited, and the
change from the first month to the last written out on them (compare.py compares two)."""

from __future__ import annotations

import time
from collections import Counter

from assistant.answerers.figures import Figure
from assistant.answerers.measured import Scored, alike, figures_for
from assistant.answerers.summary import clean
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from index import periods as P
from index import vn


def figures_across(
    query: Query, ctx: Context, periods: list[P.Period]
) -> list[tuple[P.Period, Figure]]:
    """Each period's figure of the measure, written alike in every report: of the figures
    scored for the measure, the one the most periods give best in its words and unit sets
    it (the traffic fines of every month, not one month's land fines), and each period
    gives the figure of its own that reads most like it."""
    found = [(p, [s for s in figures_for(query, ctx, p)[:8] if s.score >= 1.5]) for p in periods]

    def picks(ref: Scored) -> list[tuple[float, P.Period, Figure]]:
        out = []
        for p, fs in found:
            same = [
                (s.score + 2.0 * alike(ref, s), s) for s in fs if s.figure.unit == ref.figure.unit
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


def month_lines(citer: Citer, found: list[tuple[P.Period, Figure]]) -> list[str]:
    """Each month's figure as its report says it, cited: "- Tháng 10/2025: … [1]"."""
    lines = []
    for p, f in found:
        quote = clean(f.candidate.sentence)
        n = citer.cite(f.candidate.hit.chunk, f.candidate.hit.score, quote)
        lines.append(f"- {p.spoken[:1].upper()}{p.spoken[1:]}: {quote} [{n}]")
    return lines


def answer(query: Query, ctx: Context) -> Answer | None:
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

"""Which month had the most: the measure's figure in each monthly report in scope, each
cited, and the month with the extreme (the superlative answerer asks this first)."""

from __future__ import annotations

import re
import time

from assistant.answerers.series import figures_across, month_lines
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from index import periods as P
from index import vn

_WHICH_PERIOD = re.compile(
    r"\b(?:thang nao|ky nao|quy nao|nam nao|which (?:of the \w+ )?months?|in which month)\b"
)


def answer(query: Query, ctx: Context) -> Answer | None:
    """ "Tháng nào … nhiều nhất?": the measure's figure in each report in scope, each cited,
    and the month with the extreme."""
    t0 = time.perf_counter()
    scope = ctx.scope(query)
    periods = sorted(
        {
            p
            for i in ctx.store.reports()
            if scope.admits(i.report_id) and (p := P.from_label(i.period))
        },
        key=lambda p: p.first,
    )
    found = figures_across(query, ctx, [p for p in periods if p.months == 1])
    if len(found) < 2 or len({f.unit for _, f in found}) > 1:
        return None
    pick = max if query.extreme == "max" else min
    top = pick(f.value for _, f in found)
    citer = Citer(ctx.store)
    lines = month_lines(citer, found)
    best = ", ".join(p.spoken for p, f in found if f.value == top)
    figure = next(f for _, f in found if f.value == top)
    word = "cao nhất" if query.extreme == "max" else "thấp nhất"
    shown = f"{figure.raw} {figure.unit}".strip()
    head = f"{best[:1].upper()}{best[1:]} {word} ({shown}), theo các báo cáo:"
    return citer.answer(query.text, [head, *lines], t0, "compare")


def asked(query: Query) -> bool:
    return bool(_WHICH_PERIOD.search(" ".join(vn.syllables(query.folded))))

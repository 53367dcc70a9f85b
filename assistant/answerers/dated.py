"""A month named as the time something happened ("đợt mưa cuối tháng 9", "hội nghị xúc
tiến đầu tư tháng 10/2025", "vụ đuối nước tháng 7"), that no report has as its period: a
report written after it may tell it, and then writes a day of that month ("từ ngày 28/9",
"tổ chức vào ngày 29/8/2025") or the month itself ("tính đến hết tháng 7/2025") in the
passage it is quoted from. Only such an answer is given; otherwise the period is missing
and the answer says so (route.period_missing)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from assistant.cite import Answer
from assistant.context import Context
from assistant.query import Query, without_periods
from index import periods as P

# "28/9", "29/8/2025", "ngày 04/11/2025" (not a ratio "41/64" or a rank "19/63": the month
# must be one, the day a day)
_DAY = re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")
# "so với tháng 10": a month compared with; "trước ngày 20/11": a deadline; not when it happened
_AGAINST = re.compile(r"(?:so với|cùng kỳ|hơn|kém|trước(?: ngày)?)\s*(?:ngày\s*)?$", re.I)


def answer(
    query: Query, ctx: Context, period: P.Period, ask: Callable[[Query], Answer]
) -> Answer | None:
    """The question asked without the month, answered from reports written after the month
    began, when the passage quoted names a day of it or the month."""
    if ctx.scope(query).as_of:
        return None  # the state on a day ("đến hết ngày 30/11"): scope reads which report tells it
    month = _month_of(ctx, period)
    if month is None:
        return None
    undated = ctx.normalize(without_periods(query.text))
    if not undated.content or ctx.scope(undated).missing is not None:
        return None  # (a period it could not blank out: no second round)
    got = ask(undated)
    if got.insufficient or not got.citations:
        return None
    # the passage the answer leads with: a later one naming the month may set a task for it
    # ("phấn đấu công bố hết dịch trong tháng 12/2025")
    first = got.citations[0]
    if not names(first.quote or first.text, month):
        return None
    return dataclasses.replace(got, question=query.text)


def _month_of(ctx: Context, period: P.Period) -> P.Period | None:
    """The month asked, with its year (as named, else the newest year a report was written
    after it began); None when it is not a month, or no report was written after it began
    (a month still to come is no event yet: "tính đến 15/12" with November's report newest)."""
    if period.unit != "month":
        return None
    dates = [
        i.date
        for i in ctx.store.reports()
        if (ctx.reports is None or i.report_id in ctx.reports) and len(i.date) >= 7
    ]
    mo = period.first[1]
    years = [period.first[0]] if period.year_known else sorted({int(d[:4]) for d in dates})
    for year in reversed(years):
        if any(d[:7] >= f"{year:04d}-{mo:02d}" for d in dates):
            return P.Period.month(year, mo)
    return None


def names(text: str, month: P.Period) -> bool:
    """Whether `text` writes a day of `month` or the month itself (its year, when written,
    the month's)."""
    year, mo = month.first
    for m in _DAY.finditer(text):
        day, month_of, y = int(m.group(1)), int(m.group(2)), m.group(3)
        ours = 1 <= day <= 31 and month_of == mo and (y is None or int(y) == year)
        if ours and not _AGAINST.search(text[: m.start()]):
            return True
    for m in P.mentions(text):
        p = m.period
        if p is None or p.unit != "month" or p.first[1] != mo or m.relative:
            continue
        if (not p.year_known or p.first[0] == year) and not _AGAINST.search(text[: m.start]):
            return True
    return False

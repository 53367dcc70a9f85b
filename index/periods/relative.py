"""Periods written relative to the one under discussion ("tháng trước", "quý tới", "cùng
kỳ", "tháng 1 năm sau", a month without its year) made absolute."""

from __future__ import annotations

from index.periods.mentions import Mention
from index.periods.period import Period, serial

_YEAR_STEP = {"previous": -1, "next": 1, "current": 0}


def in_year_of(mention: Mention, year: int) -> Period | None:
    """A "tháng 1 năm sau" mention read against `year`, the year under discussion; None
    for any other mention."""
    if not year or mention.period is None or mention.unit != "year":
        return None
    if mention.relative not in _YEAR_STEP:
        return None
    return mention.period.with_year(year + _YEAR_STEP[mention.relative])


def resolve(mention: Mention, current: Period | None) -> Period | None:
    """A relative mention made absolute against the period under discussion."""
    if (
        current is not None
        and current.year_known
        and ((own := in_year_of(mention, current.last[0])) is not None)
    ):
        return own
    if mention.period is not None:
        if not mention.period.year_known and current is not None and current.year_known:
            return nearest_year(mention.period, current)
        return mention.period
    if current is None:
        return None
    if mention.relative == "current":
        return current
    if mention.relative == "same_last_year":
        return current.shift(-12)
    step = {"month": 1, "quarter": 3, "year": 12}[mention.unit]
    if current.unit != mention.unit and mention.unit != "month":
        base = Period(
            current.first, current.last
        )  # "quý trước" from a month: the quarter holding it, then one back
        q = (current.first[1] - 1) // 3
        base = Period.quarter(current.first[0], q + 1) if mention.unit == "quarter" else base
        base = Period.year(current.first[0]) if mention.unit == "year" else base
        current = base
    return current.shift(-step if mention.relative == "previous" else step)


def nearest_year(period: Period, current: Period) -> Period:
    """A month named without its year, read against a month under discussion: of that
    year or a year either side, the nearest ("tháng 10" after "tháng 1/2026" is October
    2025, "tháng 2" February 2026); against a year, of that year."""
    year = current.first[0]
    if current.months > 3:  # a year (or a span): its own
        return period.with_year(year)
    options = [period.with_year(y) for y in (year - 1, year, year + 1)]
    return min(options, key=lambda p: abs(serial(p.first) - serial(current.first)))

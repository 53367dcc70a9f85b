"""How two periods stand to each other, as the scope of a question reads them: one holds
the other, ends with it, is the very one asked, or comes right after it. With a year
unknown ("tháng 10", "quý IV") they are compared by the months of the year."""

from __future__ import annotations

from index.periods.period import Period


def ends_with(own: Period, asked: Period) -> bool:
    """`own` ends in the month `asked` ends (its year too, when `asked` has one)."""
    return own.last[1] == asked.last[1] and (not asked.year_known or own.last == asked.last)


def same(a: Period | None, asked: Period) -> bool:
    """The very period asked ('tháng 10' with no year: any October)."""
    if a is None or asked.year_known:
        return a == asked
    return a.months_of_year == asked.months_of_year


def spans(outer: Period, inner: Period) -> bool:
    """By the months of the year (either year unknown): `outer` holds `inner`'s months."""
    (i1, i2), (o1, o2) = inner.months_of_year, outer.months_of_year
    return o1 <= i1 and i2 <= o2


def within(own: Period, asked: Period) -> bool:
    """A report answers for a month, quarter or span it lies in or that it spans (a monthly
    report for 'quý IV', the annual report for 'tháng 12'); with no year, by the months of the
    year it names ('quý IV': a monthly report of October to December)."""
    if not asked.year_known:
        return spans(asked, own)
    return asked.contains(own) or own.contains(asked)


def next_month(p: Period) -> Period:
    return Period(p.last, p.last).shift(1)


def after(own: Period, asked: Period) -> bool:
    """The report of the month right after a span ('10 tháng đầu năm 2025', told in the
    November report as the totals to 30/10) or a year (January's report closes the year
    before: "khen thưởng năm 2025") answers for it too."""
    return asked.unit in ("span", "year") and asked.year_known and own == next_month(asked)

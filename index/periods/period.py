"""A period as stored and compared: a span of whole months, its label ('12/2023',
'Q4/2025', '2025') and the steps between periods."""

from __future__ import annotations

import re
from dataclasses import dataclass

Month = tuple[int, int]  # (year, month); year 0: not said


def serial(m: Month) -> int:
    """Months counted from year 0, so that periods compare and step as integers."""
    return m[0] * 12 + m[1] - 1


def _month(i: int) -> Month:
    return i // 12, i % 12 + 1


@dataclass(frozen=True)
class Period:
    """A span of whole months, first to last inclusive."""

    first: Month
    last: Month

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls((year, month), (year, month))

    @classmethod
    def quarter(cls, year: int, q: int) -> Period:
        return cls((year, 3 * q - 2), (year, 3 * q))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls((year, 1), (year, 12))

    @property
    def year_known(self) -> bool:
        return self.first[0] > 0

    @property
    def months(self) -> int:
        return serial(self.last) - serial(self.first) + 1

    @property
    def unit(self) -> str:
        """month | quarter | year | span: what 'the previous one' steps by."""
        if self.months == 1:
            return "month"
        if self.months == 3 and self.first[1] % 3 == 1:
            return "quarter"
        if self.months == 12 and self.first[1] == 1:
            return "year"
        return "span"

    @property
    def label(self) -> str:
        """The stored form: '12/2023', 'Q4/2025', '2025', '01/2025-06/2025'."""
        y, m = self.first
        year = str(y) if y else "*"
        unit = self.unit
        if unit == "month":
            return f"{m:02d}/{year}"
        if unit == "quarter":
            return f"Q{(m + 2) // 3}/{year}"
        if unit == "year":
            return year
        y2, m2 = self.last
        return f"{m:02d}/{year}-{m2:02d}/{y2 or '*'}"

    @property
    def spoken(self) -> str:
        """As a sentence says it: 'tháng 12/2023', 'quý IV/2025', 'năm 2025', 'năm học
        2024 - 2025' (September to August)."""
        unit, label = self.unit, self.label
        if unit == "month":
            return f"tháng {label}"
        if unit == "quarter":
            return f"quý {'I II III IV'.split()[(self.first[1] - 1) // 3]}/{label[3:]}"
        if unit == "year":
            return f"năm {label}"
        if self.months == 12 and self.first[1] == 9:
            return f"năm học {self.first[0]} - {self.last[0]}"
        if self.first[1] == 1 and self.first[0] == self.last[0]:  # "6 tháng đầu năm 2025"
            return f"{self.months} tháng {'đầu ' if self.months == 6 else ''}năm {self.first[0]}"
        return f"từ {label.replace('-', ' đến ')}"

    @property
    def bounds(self) -> tuple[str, str]:
        """Sortable month keys ('2025-10', '2025-12') for SQL."""
        return f"{self.first[0]:04d}-{self.first[1]:02d}", f"{self.last[0]:04d}-{self.last[1]:02d}"

    def with_year(self, year: int) -> Period:
        if self.year_known:
            return self
        span = serial(self.last) - serial(self.first)
        first = (year, self.first[1])
        return Period(first, _month(serial(first) + span))

    def shift(self, months: int) -> Period:
        if not self.year_known:  # "tháng tới" after "tháng 12" of no year: "tháng 1", of none
            first = (0, (self.first[1] - 1 + months) % 12 + 1)
            return Period(first, _month(serial(first) + self.months - 1))
        return Period(_month(serial(self.first) + months), _month(serial(self.last) + months))

    def previous(self) -> Period:
        """The period before, of the same length: tháng 11 → tháng 10, quý I → quý IV."""
        return self.shift(-self.months)

    def contains(self, other: Period) -> bool:
        return serial(self.first) <= serial(other.first) and serial(other.last) <= serial(self.last)

    def overlaps(self, other: Period) -> bool:
        return serial(self.first) <= serial(other.last) and serial(other.first) <= serial(self.last)

    def matches(self, other: Period) -> bool:
        """Overlap; when either year is unknown, of the months of the year ('quý IV' with
        no year matches the monthly reports of October to December)."""
        if self.year_known and other.year_known:
            return self.overlaps(other)
        (a1, a2), (b1, b2) = self.months_of_year, other.months_of_year
        return a1 <= b2 and b1 <= a2

    @property
    def months_of_year(self) -> tuple[int, int]:
        """First and last month counted within the first one's year (may pass 12)."""
        return self.first[1], self.first[1] + self.months - 1


def valid_month(m: int) -> bool:
    return 1 <= m <= 12


def from_label(label: str) -> Period | None:
    """A stored period: '10/2025', 'Q4/2025', '2025', '01/2025-06/2025'."""
    label = label.strip()
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})", label):
        return (
            Period.month(int(m.group(2)), int(m.group(1))) if valid_month(int(m.group(1))) else None
        )
    if m := re.fullmatch(r"Q([1-4])/(\d{4})", label, re.I):
        return Period.quarter(int(m.group(2)), int(m.group(1)))
    if re.fullmatch(r"\d{4}", label):
        return Period.year(int(label))
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})-(\d{1,2})/(\d{4})", label):
        a, b = int(m.group(1)), int(m.group(3))
        if valid_month(a) and valid_month(b):
            return Period((int(m.group(2)), a), (int(m.group(4)), b))
    return None


def in_newest_year(period: Period, labels: list[str]) -> Period:
    """`with_newest_year`, else of the newest year any stored period ends in ("tính đến
    15/12" when the reports stop in November: 15/12 of their year)."""
    period = with_newest_year(period, labels)
    years = [p.last[0] for p in map(from_label, labels) if p and p.year_known]
    return period if period.year_known or not years else period.with_year(max(years))


def with_newest_year(period: Period, labels: list[str]) -> Period:
    """'tháng 11' or 'quý 3' with no year: that month or quarter of the newest stored year
    with a report of it — a report of those months, else one within them (a quarter's
    monthly reports); unchanged when its year is known or none is stored."""
    if period.year_known:
        return period
    stored = [p for p in map(from_label, labels) if p]
    shape = (period.first[1], period.months)
    year = max((p.first[0] for p in stored if (p.first[1], p.months) == shape), default=0)
    inside = (p.first[0] for p in stored if period.with_year(p.first[0]).contains(p))
    year = year or max(inside, default=0)
    return period.with_year(year) if year else period

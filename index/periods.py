"""Periods as reports and people write them — the one parser used by report parsing, the
registry, retrieval, the router and the dialogue.

"tháng 12/2023", "12/2023", "T12/2023", "tháng 12 năm 2023", "quý I/2026", "Q1/2026",
"6 tháng đầu năm 2025", "năm 2025", "10/2025-12/2025", "từ tháng 10 đến tháng 12/2023",
"tính đến 15/12", and the relative "tháng trước", "tháng sau", "cùng kỳ", "quý trước",
"năm trước". Matching is done on folded text, so unaccented questions parse the same.
A month written without its year keeps year 0 until the caller resolves it (the newest
indexed month of that number, or the period under discussion).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import vn

Month = tuple[int, int]  # (year, month); year 0: not said
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _index(m: Month) -> int:
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
        return _index(self.last) - _index(self.first) + 1

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
        """As a sentence says it: 'tháng 12/2023', 'quý IV/2025', 'năm 2025'."""
        unit, label = self.unit, self.label
        if unit == "month":
            return f"tháng {label}"
        if unit == "quarter":
            return f"quý {'I II III IV'.split()[(self.first[1] - 1) // 3]}/{label[3:]}"
        if unit == "year":
            return f"năm {label}"
        return f"từ {label.replace('-', ' đến ')}"

    @property
    def bounds(self) -> tuple[str, str]:
        """Sortable month keys ('2025-10', '2025-12') for SQL."""
        return f"{self.first[0]:04d}-{self.first[1]:02d}", f"{self.last[0]:04d}-{self.last[1]:02d}"

    def with_year(self, year: int) -> Period:
        if self.year_known:
            return self
        span = _index(self.last) - _index(self.first)
        first = (year, self.first[1])
        return Period(first, _month(_index(first) + span))

    def shift(self, months: int) -> Period:
        return Period(_month(_index(self.first) + months), _month(_index(self.last) + months))

    def previous(self) -> Period:
        """The period before, of the same length: tháng 11 → tháng 10, quý I → quý IV."""
        return self.shift(-self.months)

    def contains(self, other: Period) -> bool:
        return _index(self.first) <= _index(other.first) and _index(other.last) <= _index(self.last)

    def overlaps(self, other: Period) -> bool:
        return _index(self.first) <= _index(other.last) and _index(other.first) <= _index(self.last)

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


@dataclass(frozen=True)
class Mention:
    """A period written in a text: `period` is None for a relative one ('tháng trước'),
    whose `relative` says how to find it from the period under discussion."""

    period: Period | None
    start: int
    end: int
    relative: str = ""  # previous | next | same_last_year | current
    unit: str = ""  # month | quarter | year (for relative mentions)
    as_of: bool = False  # "tính đến 15/12": the situation at a date
    day: int = 0  # that date's day


_Y = r"(?:\s*(?:/|-|\.|nam)\s*(\d{4}))"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:tu\s+)?thang\s+(\d{{1,2}}){_Y}?\s*(?:-|–|den|toi)\s*(?:het\s+)?(?:thang\s+)?"
            rf"(\d{{1,2}}){_Y}|\b(\d{{1,2}})\s*/\s*(\d{{4}})\s*(?:-|–|den)\s*(\d{{1,2}})\s*/\s*(\d{{4}})\b"
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:tinh\s+)?(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?"
            r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])"
        ),
    ),
    (  # "tháng 10, 11, 12/2025", "tháng 10, 11 và 12": consecutive months, one span
        "months",
        re.compile(
            rf"\bthang\s+(\d{{1,2}})((?:\s*(?:,|va)\s*\d{{1,2}}(?!\d|\s*/\s*\d{{1,2}}\b))+){_Y}?"
        ),
    ),
    (
        "half",
        re.compile(r"\b(0?[369]|ba|sau|chin)\s+thang\s+(dau|cuoi)\s+nam(?:\s*(?:nam\s+)?(\d{4}))?"),
    ),
    ("quarter", re.compile(rf"\b(?:quy\s+(iv|i{{1,3}}|[1-4])|q([1-4]))\b{_Y}?")),
    ("month", re.compile(rf"\b(?:thang|t)\s*(\d{{1,2}})\b{_Y}?(?!\s*/\s*\d)")),
    ("month", re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(\d{4})\b(?!\s*/)")),
    ("year", re.compile(r"\bnam\s+(\d{4})\b")),
    (
        "relative",
        re.compile(
            r"\b(?:(thang|quy|nam|ky)\s+(truoc|sau|toi|tiep theo|ngoai|nay|nay)|"
            r"(cung ky)(?:\s+nam\s+(?:truoc|ngoai))?)\b"
        ),
    ),
]
_NUMBER_WORDS = {"ba": 3, "sau": 6, "chin": 9}
_RELATIVE = {"truoc": "previous", "ngoai": "previous", "sau": "next", "toi": "next"}
_RELATIVE |= {"tiep theo": "next", "nay": "current"}


def _year(text: str | None) -> int:
    return int(text) if text else 0


def _valid_month(m: int) -> bool:
    return 1 <= m <= 12


def _from_match(kind: str, m: re.Match[str]) -> Mention | None:
    g = m.groups()
    period: Period | None = None
    if kind == "range":
        if g[0] is not None:
            m1, y1, m2, y2 = int(g[0]), _year(g[1]), int(g[2]), _year(g[3])
        else:
            m1, y1, m2, y2 = int(g[4]), _year(g[5]), int(g[6]), _year(g[7])
        if not (_valid_month(m1) and _valid_month(m2)):
            return None
        y1 = y1 or y2
        period = Period((y1, m1), (y2, m2))
        if y2 and _index(period.last) < _index(period.first):
            return None
    elif kind == "date":
        day, month = int(g[0]), int(g[1])
        if not (1 <= day <= 31 and _valid_month(month)):
            return None
        return Mention(Period.month(_year(g[2]), month), m.start(), m.end(), as_of=True, day=day)
    elif kind == "months":
        months = [int(g[0]), *map(int, re.findall(r"\d+", g[1]))]
        if months != list(range(months[0], months[0] + len(months))) or months[-1] > 12:
            return None  # not consecutive: no one span says it
        year = _year(g[2])
        period = Period((year, months[0]), (year, months[-1]))
    elif kind == "half":
        n, year = _NUMBER_WORDS.get(g[0]) or int(g[0]), _year(g[2])
        period = (
            Period((year, 1), (year, n)) if g[1] == "dau" else Period((year, 13 - n), (year, 12))
        )
    elif kind == "quarter":
        q = _ROMAN.get(g[0] or "", 0) or int(g[0] or g[1])
        period = Period.quarter(_year(g[2]), q)
    elif kind == "month":
        month = int(g[0])
        if not _valid_month(month):
            return None
        period = Period.month(_year(g[1]), month)
    elif kind == "year":
        period = Period.year(int(g[0]))
    else:  # relative
        if g[2]:
            return Mention(None, m.start(), m.end(), "same_last_year", "year")
        unit = {"thang": "month", "quy": "quarter", "nam": "year", "ky": "month"}[g[0]]
        return Mention(None, m.start(), m.end(), _RELATIVE[g[1]], unit)
    return Mention(period, m.start(), m.end())


def mentions(text: str) -> list[Mention]:
    """Every period written in `text`, in order, spans as in `vn.nfc(text)`. Longer forms
    win over the shorter ones inside them ('từ tháng 10 đến tháng 12/2023' is one)."""
    folded = vn.fold(vn.nfc(text))
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _from_match(kind, m)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def parse(text: str) -> Period | None:
    """The first absolute period written in `text` (a filter as people type it)."""
    return next((m.period for m in mentions(text) if m.period is not None), None)


def from_label(label: str) -> Period | None:
    """A stored period: '10/2025', 'Q4/2025', '2025', '01/2025-06/2025'."""
    label = label.strip()
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})", label):
        return (
            Period.month(int(m.group(2)), int(m.group(1)))
            if _valid_month(int(m.group(1)))
            else None
        )
    if m := re.fullmatch(r"Q([1-4])/(\d{4})", label, re.I):
        return Period.quarter(int(m.group(2)), int(m.group(1)))
    if re.fullmatch(r"\d{4}", label):
        return Period.year(int(label))
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})-(\d{1,2})/(\d{4})", label):
        a, b = int(m.group(1)), int(m.group(3))
        if _valid_month(a) and _valid_month(b):
            return Period((int(m.group(2)), a), (int(m.group(4)), b))
    return None


def exactly(text: str) -> Period | None:
    """`text` read as one period and nothing else (a filter typed on the command line),
    with its year; None when anything else is written around it."""
    text = text.strip()
    if (p := from_label(text)) is not None:
        return p
    found = [m for m in mentions(text) if m.period is not None]
    if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)):
        return found[0].period if found[0].period.year_known else None
    return None


def bounds(text: str) -> tuple[str, str] | None:
    """Sortable bounds of a stored label or of a period as people write it."""
    p = from_label(text) or parse(text)
    return p.bounds if p and p.year_known else None


def resolve(mention: Mention, current: Period | None) -> Period | None:
    """A relative mention made absolute against the period under discussion."""
    if mention.period is not None:
        if not mention.period.year_known and current is not None and current.year_known:
            return mention.period.with_year(current.first[0])
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


def of_title(title: str) -> str:
    """The period a report's title names ('… tháng 12/2023', '… quý IV năm 2025', '… năm
    2025'), as a stored label; '' when it names none with its year."""
    for m in mentions(title):
        if m.period is not None and m.period.year_known and not m.as_of:
            return m.period.label
    return ""


_DATE_OR_NUMBER = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d+\s*/\s*\d{4}\s*/\s*[A-ZĐ]")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d/.,]\d)")


def years(text: str) -> set[int]:
    """The years a text names ('năm 2024', 'PCI 2024', 'tháng 12/2023', '2025 - 2026'),
    leaving out the years inside full dates and document numbers ('ngày 08/12/2022',
    '118/2025/NĐ-CP'): those date a document, not what is reported."""
    plain = _DATE_OR_NUMBER.sub(" ", vn.nfc(text))
    return {int(m.group(0)) for m in _YEAR.finditer(plain)}


def latest_with_month(month: int, labels: list[str]) -> int:
    """The year of the newest stored period that is this month ('tháng 11' → 2025); 0."""
    years = [
        p.first[0] for p in map(from_label, labels) if p and p.months == 1 and p.first[1] == month
    ]
    return max(years, default=0)


def with_newest_year(period: Period, labels: list[str]) -> Period:
    """'tháng 11' with no year: November of the newest stored year that has it; unchanged
    when its year is known or no stored period is that month."""
    if period.year_known:
        return period
    year = latest_with_month(period.first[1], labels)
    return period.with_year(year) if year else period


def replace_mention(text: str, mention: Mention, new: str) -> str:
    """`text` with the mention's span replaced (spans index the NFC text)."""
    text = vn.nfc(text)
    return text[: mention.start] + new + text[mention.end :]


__all__ = [
    "Mention",
    "Period",
    "bounds",
    "from_label",
    "latest_with_month",
    "mentions",
    "of_title",
    "parse",
    "replace_mention",
    "resolve",
    "with_newest_year",
]

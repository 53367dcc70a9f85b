"""Dates and periods of an English question written as the reports write them: "as of 15
January 2026" is "đến ngày 15/01/2026", "the first nine months of 2025" is "9 tháng đầu năm
2025", "compared with 2015" is "so với năm 2015" — so the one period parser reads them."""

from __future__ import annotations

import re

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), start=1)}

DATE_RE = re.compile(rf"\b({'|'.join(MONTHS)})\s*,?\s*(\d{{4}})?\b")
# a day: "15 January 2026", "January 15, 2026" — written as the reports write it
_UNTIL = r"(?:(?P<until>as of|as at|by|until|till|up to|through)\s+)?"
_DAY_FIRST = re.compile(
    rf"\b{_UNTIL}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{'|'.join(MONTHS)})"
    r"\s*,?\s*(?P<y>\d{4})?\b"
)
_MONTH_FIRST = re.compile(
    rf"\b{_UNTIL}(?P<m>{'|'.join(MONTHS)})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:\s*,?\s*(?P<y>\d{4}))?"
)


def days(text: str) -> str:
    """ "as of 15 january 2026" → "đến ngày 15/01/2026", as the reports date a running
    total: a day, not a figure asked about."""

    def day(m: re.Match[str]) -> str:
        year = f"/{m.group('y')}" if m.group("y") else ""
        until = "đến " if m.group("until") else ""
        return f" {until}ngày {int(m.group('d')):02d}/{MONTHS[m.group('m')]:02d}{year} "

    return _MONTH_FIRST.sub(day, _DAY_FIRST.sub(day, text))


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_N = rf"(?:\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})"
_OF_YEAR = r"(?:\s+(?:of\s+|in\s+)?(?P<y>\d{4}))?"
_ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_FIRST_MONTHS = re.compile(rf"\b(?:the\s+)?first\s+(?P<n>{_N})\s+months?\b{_OF_YEAR}")
_MONTHS = re.compile(rf"\b(?P<n>{_N})\s+months?\b{_OF_YEAR}")
_HALF = re.compile(rf"\b(?:(?:the\s+)?(?P<h>first|second)\s+half|(?P<hh>h[12])\b){_OF_YEAR}")
# "in 2024", "compared with 2025", "the year 2023": a year as the reports name one
_YEAR = re.compile(
    r"\b(?P<w>in|of|for|during|since|year|with|to|than|versus|vs|and|from|until)\s+"
    r"(?P<y>(?:19|20)\d{2})\b(?![/.,]\d)"
)
# "compared with 2015": the year a figure is measured against, as "so với năm 2015" says
_BASE_YEAR = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|than)\s+(?:the\s+)?(?:year\s+)?"
    r"(?P<y>(?:19|20)\d{2})\b(?![/.,]\d)"
)
# "the same period of 2024": the year before's same months, "cùng kỳ năm 2024"
_SAME_PERIOD = re.compile(
    r"\b(?:the\s+)?same\s+period\s+(?:of|in|last)\s+(?:the\s+)?(?:year\s+)?"
    r"(?P<y>(?:19|20)\d{2})\b(?![/.,]\d)"
)
_QUARTER = re.compile(
    rf"\b(?:(?:the\s+)?(?P<o>{'|'.join(_ORDINAL)})\s+quarter|q(?:uarter\s*)?(?P<q>[1-4]))\b"
    rf"{_OF_YEAR}"
)


def periods(text: str) -> str:
    """ "the first nine months of 2025" → "9 tháng đầu năm 2025", "Q3 2026" → "quý III/2026",
    "the first half" → "6 tháng đầu năm": periods as the reports write them ("11 months"
    is "11 tháng", never November's "tháng 11")."""

    def count(n: str) -> int:
        return int(n) if n.isdigit() else _NUMBER_WORDS[n]

    def year(m: re.Match[str], sep: str = " năm ") -> str:
        return f"{sep}{m.group('y')}" if m.group("y") else ""

    def half(m: re.Match[str]) -> str:
        second = m.group("h") == "second" or m.group("hh") == "h2"
        return f" 6 tháng {'cuối' if second else 'đầu'} năm{year(m, ' ')} "

    def quarter(m: re.Match[str]) -> str:
        n = _ORDINAL[m.group("o")] if m.group("o") else int(m.group("q"))
        return f" quý {_ROMAN[n]}{year(m, '/')} "

    text = _FIRST_MONTHS.sub(lambda m: f" {count(m['n'])} tháng đầu năm{year(m, ' ')} ", text)
    text = _MONTHS.sub(lambda m: f" {count(m['n'])} tháng{year(m)} ", text)
    text = _QUARTER.sub(quarter, _HALF.sub(half, text))
    text = _SAME_PERIOD.sub(lambda m: f" cùng kỳ năm {m['y']} ", text)
    text = _BASE_YEAR.sub(lambda m: f" so với năm {m['y']} ", text)
    return _YEAR.sub(lambda m: f"{m['w']} năm {m['y']}", text)


def months(text: str) -> str:
    """ "december 2023" → "tháng 12/2023", as the reports name a month."""
    return DATE_RE.sub(
        lambda m: f" tháng {MONTHS[m.group(1)]}" + (f"/{m.group(2)}" if m.group(2) else "") + " ",
        text,
    )

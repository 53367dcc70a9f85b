"""Periods as they are written in a text, found on folded text so that unaccented
questions parse the same; relative ones resolved against the period under discussion."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import vn
from index.periods.period import Period, from_label, serial, valid_month


@dataclass(frozen=True)
class Mention:
    """A period written in a text: `period` is None for a relative one ('tháng trước'),
    whose `relative` says how to find it from the period under discussion; a period without
    its year may have its year told so ('tháng 1 năm sau': `relative` next, `unit` year)."""

    period: Period | None
    start: int
    end: int
    relative: str = ""  # previous | next | same_last_year | current
    unit: str = ""  # month | quarter | year (for relative mentions)
    as_of: bool = False  # "tính đến 15/12": the situation at a date
    day: int = 0  # that date's day


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Y = r"(?:\s*(?:/|-|\.|nam)\s*(\d{4}))"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "năm học 2024 - 2025": September to August (before "năm 2025" reads its second year)
    ("school_year", re.compile(r"\bnam hoc\s+(\d{4})\s*(?:-|–|/)\s*(\d{4})\b")),
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
    (  # "6 tháng đầu năm", "mười tháng đầu năm 2025", "3 tháng cuối năm", "tháng cuối năm"
        "half",
        re.compile(
            r"\b(?:(1[0-2]|0?[1-9]|hai|ba|bon|sau|bay|tam|chin|muoi mot|muoi hai|muoi)\s+)?"
            r"(thang|quy)\s+(dau|cuoi)\s+(?:cua\s+)?nam(?:\s*(?:nam\s+)?(\d{4}))?"
        ),
    ),
    # "11 tháng năm 2025": the months of the year so far (not "ngày 10 tháng 5 năm 2025")
    ("so_far", re.compile(r"(?<!ngay )\b(1[0-2]|0?[1-9])\s+thang\s+nam\s+(\d{4})\b")),
    # "11 tháng qua", "9 tháng vừa qua": the months of this year so far, its year unknown
    # (the empty group: year 0); a few months back, "3 tháng qua", may count from any month
    ("so_far", re.compile(r"(?<!ngay )\b(1[0-2]|[6-9])\s+thang\s+(?:vua\s+)?qua\b()")),
    ("quarter", re.compile(rf"\b(?:quy\s+(iv|i{{1,3}}|[1-4])|q([1-4]))\b{_Y}?")),
    # "giữa tháng 11", "mốc cuối tháng 10": the day within the month is part of the period
    (
        "month",
        re.compile(
            rf"\b(?:(?:moc\s+)?(?:giua|dau|cuoi)\s+)?(?:thang|t)\s*(\d{{1,2}})\b{_Y}?"
            rf"(?!\s*/\s*\d)(?![.,]\d)"  # (not "trong tháng 1.245 triệu đồng": a figure)
        ),
    ),
    ("month", re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(\d{4})\b(?!\s*/)")),
    # "tháng Mười Hai năm 2025": a month in words, with its year (without, "tháng hai lần"
    # and "hằng tháng từ …" would be months too; "tư" and "năm" stay out for that reason)
    (
        "month_word",
        re.compile(
            r"\bthang\s+(muoi hai|muoi mot|muoi|chap|gieng|mot|hai|ba|sau|bay|tam|chin)"
            r"\s+nam\s+(\d{4})\b"
        ),
    ),
    ("year", re.compile(r"\bnam\s+(\d{4})\b")),
    (
        "relative",
        re.compile(
            # (not "mấy tháng nay", "các tháng trước": several months, no one of them)
            r"\b(?:(?<!may )(?<!cac )(?<!vai )(?<!nhung )"
            r"(thang|quy|nam|ky)\s+(truoc|sau|toi|tiep theo|ngoai|nay|nay)|"
            r"(cung ky(?:\s+nam\s+(?:truoc|ngoai))?|"
            r"cung (?:thoi diem|thoi ky) nam (?:truoc|ngoai)))\b"
        ),
    ),
]
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_NUMBER_WORDS |= {"muoi mot": 11, "muoi hai": 12}
_MONTH_WORDS = _NUMBER_WORDS | {"mot": 1, "gieng": 1, "chap": 12}
_RELATIVE = {"truoc": "previous", "ngoai": "previous", "sau": "next", "toi": "next"}
_RELATIVE |= {"tiep theo": "next", "nay": "current"}


def _year(text: str | None) -> int:
    return int(text) if text else 0


def _from_match(kind: str, m: re.Match[str]) -> Mention | None:
    g = m.groups()
    period: Period | None = None
    if kind == "school_year":
        if int(g[1]) != int(g[0]) + 1:
            return None
        period = Period((int(g[0]), 9), (int(g[1]), 8))
    elif kind == "range":
        if g[0] is not None:
            m1, y1, m2, y2 = int(g[0]), _year(g[1]), int(g[2]), _year(g[3])
        else:
            m1, y1, m2, y2 = int(g[4]), _year(g[5]), int(g[6]), _year(g[7])
        if not (valid_month(m1) and valid_month(m2)):
            return None
        y1 = y1 or y2
        period = Period((y1, m1), (y2, m2))
        if y2 and serial(period.last) < serial(period.first):
            return None
    elif kind == "date":
        day, month = int(g[0]), int(g[1])
        if not (1 <= day <= 31 and valid_month(month)):
            return None
        return Mention(Period.month(_year(g[2]), month), m.start(), m.end(), as_of=True, day=day)
    elif kind == "months":
        months = [int(g[0]), *map(int, re.findall(r"\d+", g[1]))]
        if months != list(range(months[0], months[0] + len(months))) or months[-1] > 12:
            return None  # not consecutive: no one span says it
        year = _year(g[2])
        period = Period((year, months[0]), (year, months[-1]))
    elif kind == "half":
        n = (_NUMBER_WORDS.get(g[0]) or int(g[0])) if g[0] else 1
        n *= 3 if g[1] == "quy" else 1  # "quý cuối năm": the last three months
        year = _year(g[3])
        period = (
            Period((year, 1), (year, n)) if g[2] == "dau" else Period((year, 13 - n), (year, 12))
        )
    elif kind == "so_far":
        year = _year(g[1])
        period = Period((year, 1), (year, int(g[0])))
    elif kind == "quarter":
        q = _ROMAN.get(g[0] or "", 0) or int(g[0] or g[1])
        period = Period.quarter(_year(g[2]), q)
    elif kind == "month":
        month = int(g[0])
        if not valid_month(month):
            return None
        period = Period.month(_year(g[1]), month)
    elif kind == "month_word":
        period = Period.month(int(g[1]), _MONTH_WORDS[g[0]])
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
    return _with_their_years(sorted(found, key=lambda x: x.start), folded)


def _with_their_years(found: list[Mention], folded: str) -> list[Mention]:
    """ "tháng 1 năm sau", "tháng 10 năm ngoái", "quý 2 năm nay": one period, its year
    told relative to the one under discussion (resolve), not a month and a year."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.period is None
            and m.unit == "year"
            and m.relative in ("previous", "next", "current")
            and prev.period is not None
            and not prev.period.year_known
            and not prev.relative
            and not folded[prev.end : m.start].strip()
        ):
            out[-1] = Mention(prev.period, prev.start, m.end, m.relative, "year")
            continue
        out.append(m)
    return out


def set_against(text: str, mention: Mention, between: int = 0) -> bool:
    """The period is what `text` sets a figure against: "so với" right before it ("… so với
    tháng 10?"), or up to `between` words before it ("so với ước tính tháng 9")."""
    before = vn.fold(vn.nfc(text)[: mention.start])
    return re.search(rf"\bso voi(?: \w+){{0,{between}}}\s*$", before) is not None


def parse(text: str) -> Period | None:
    """The first absolute period written in `text` (a filter as people type it)."""
    return next((m.period for m in mentions(text) if m.period is not None), None)


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


# where a title turns from what it reports to what comes next ("…; nhiệm vụ trọng tâm quý
# III năm 2026", "… và phương hướng nhiệm vụ năm 2026")
_NEXT = re.compile(r"[;,]?\s*(?:và\s+)?(?:nhiệm vụ|phương hướng|kế hoạch)\b", re.I)


def _with_total(period: Period, total: Period) -> bool:
    """ "tháng 11 và 11 tháng", "quý III và 9 tháng": a month's or a quarter's report that
    gives the year's running total too — the period is the month's, or the quarter's."""
    return (
        period.unit in ("month", "quarter")
        and total.unit == "span"
        and total.months_of_year == (1, period.months_of_year[1])
    )


def of_title(title: str) -> str:
    """The period a report's title names ('… tháng 12/2023', '… quý IV năm 2025', '… năm
    2025'), as a stored label; '' when it names none with its year. What it reports comes
    before the tasks it sets: '… quý II và 6 tháng đầu năm; nhiệm vụ trọng tâm quý III năm
    2026' reports on Q2/2026 (with the half year's totals), the year said once at the end.
    Else the day it reports to ('… đến ngày 31/10/2026': 10/2026)."""
    found = [m for m in mentions(title) if m.period is not None]
    cut = _NEXT.search(title, found[0].end) if found else None
    own = [m for m in found if cut is None or m.start < cut.start()]
    dated = next((m.period for m in own if m.period.year_known), None)
    later = next((m.period for m in found if m.period.year_known), None)

    def of_year(p: Period) -> str:
        """`p` in the year the title gives — its own, else the tasks' (a December's report
        sets January's tasks: "tháng 12 …; nhiệm vụ tháng 01 năm 2026" is 12/2025)."""
        assert later is not None
        ours = p.with_year(later.first[0])
        if dated is None and serial(ours.first) > serial(later.first):
            ours = p.with_year(later.first[0] - 1)
        return ours.label

    if len(own) >= 2 and later and _with_total(own[0].period, own[1].period):
        return of_year(own[0].period)  # "tháng 11 và 11 tháng": November's
    for m in own:
        if m.period.year_known and not m.as_of:
            return m.period.label
    if own and later and not own[-1].as_of:  # "quý II và 6 tháng đầu năm" … "năm 2026"
        return of_year(own[-1].period)
    day = next((m for m in own if m.as_of and m.period.year_known), None)
    return day.period.label if day else ""


_FULL_DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4})"  # "08/12/2022", its year grouped
_DATE_OR_NUMBER = re.compile(rf"{_FULL_DATE}|\d+\s*/\s*\d{{4}}\s*/\s*[A-ZĐ]")
_DATED = re.compile(rf"(?<!\d){_FULL_DATE}(?!\d)")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d/.,]\d)")


def years(text: str) -> set[int]:
    """The years a text names ('năm 2024', 'PCI 2024', 'tháng 12/2023', '2025 - 2026'),
    leaving out the years inside full dates and document numbers ('ngày 08/12/2022',
    '118/2025/NĐ-CP'): those date a document, not what is reported."""
    plain = _DATE_OR_NUMBER.sub(" ", vn.nfc(text))
    return {int(m.group(0)) for m in _YEAR.finditer(plain)}


def dated_years(text: str) -> set[int]:
    """The years of a text's full dates, which `years` leaves out: "ước đến hết ngày
    31/01/2026" is about 2026 though it names no year as such."""
    return {int(y) for y in _DATED.findall(vn.nfc(text))}


def replace_mention(text: str, mention: Mention, new: str) -> str:
    """`text` with the mention's span replaced (spans index the NFC text)."""
    text = vn.nfc(text)
    return text[: mention.start] + new + text[mention.end :]

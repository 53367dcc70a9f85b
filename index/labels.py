"""A readable name for every report, built from what is known about it.

Real reports often leave the number blank ("Số: /BC-UBND") and the day out ("ngày …
tháng 12 năm 2025"): shown as they are, "/BC-UBND" and "Ngày 12/2025" cannot be told
apart. A label names the kind, what the report is about, who issued it and when —
"Báo cáo CCHC năm 2025 — UBND tỉnh Lâm Đồng, 12/2025" — and says "chưa có số" rather
than show a lone slash. Used by citations, tables, summaries and filters alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from index import vn

NO_NUMBER = "chưa có số"
# The type code of a document number (…/BC-UBND) → the kind of document.
KINDS = {
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "CV": "Công văn",
    "TTr": "Tờ trình",
    "TB": "Thông báo",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "HD": "Hướng dẫn",
    "KL": "Kết luận",
}
# Long phrases written short in a label (the reports' own abbreviations, index.vn).
_SHORT = ("CCHC", "KT-XH", "QP-AN", "CĐS", "NTM", "ATGT", "XDCB", "GPMB", "UBND", "HĐND")
_SHORTEN = [(re.compile(re.escape(vn.ABBREVIATIONS[a]), re.IGNORECASE), a) for a in _SHORT]
# Where a title stops naming its subject: the plan that follows, the place, the period.
_TAIL = re.compile(
    r"\s*(?:[,;]\s*|\s)(?:và\s+)?(?:phương hướng|nhiệm vụ|kế hoạch|trên địa bàn|của\s+(?:tỉnh|"
    r"thành phố|huyện|ubnd|ủy ban)|tháng\s+\d|quý\s+[IV\d]|(?:\d+\s+)?tháng đầu năm|"
    r"năm\s+\d{4}\s*$)",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:công tác|tình hình|kết quả(?: thực hiện)?)\s+", re.IGNORECASE)
_YEAR_IN = re.compile(r"\bnăm\s+\d{4}\b")


def has_number(number: str) -> bool:
    """'1250/BC-UBND' has one; '/BC-UBND' and '' do not."""
    return bool(re.match(r"\s*\d", number or ""))


def shown_number(number: str) -> str:
    """The number as a person should read it: itself, or 'chưa có số'."""
    return number if has_number(number) else NO_NUMBER


def kind(number: str, title: str = "") -> str:
    """'Báo cáo', 'Kế hoạch', … from the number's type code; '' when unknown."""
    code = (number or "").split("/", 1)[-1].split("-")[0].strip() if "/" in number else ""
    return KINDS.get(code, KINDS.get(code.upper(), ""))


def short_title(title: str, limit: int = 60) -> str:
    """What a title is about, without the plan, place and period that follow:
    'Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 của tỉnh
    Lâm Đồng' → 'CCHC năm 2025'."""
    title = " ".join((title or "").split())
    keep_year = _YEAR_IN.search(title)
    m = _TAIL.search(title, keep_year.end() if keep_year and keep_year.start() < 60 else 0)
    text = title[: m.start()] if m and m.start() > 0 else title
    text = _LEAD.sub("", text).strip(" ,;:-–")
    for pattern, short in _SHORTEN:
        text = pattern.sub(short, text)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text


def short_issuer(issuer: str, limit: int = 50) -> str:
    """The issuer, long committee names cut at a word; a parent body in brackets kept."""
    issuer = " ".join((issuer or "").split())
    if len(issuer) <= limit:
        return issuer
    head, _, parent = issuer.partition(" (")
    cut = head[: limit - 1].rsplit(" ", 1)[0].rstrip(",") + "…"
    return f"{cut} ({parent}" if parent else cut


def report_label(
    number: str, date: str, period: str, issuer: str, title: str, source: str = ""
) -> str:
    """'Báo cáo 1250/BC-UBND — UBND thành phố Lạng Sơn, 12/2023' for a numbered report;
    'Báo cáo CCHC năm 2025 — UBND tỉnh Lâm Đồng, 2025 (chưa có số)' for one without;
    the file name when nothing else is known."""
    what = kind(number, title)
    about = short_title(title)
    if has_number(number):
        head = f"{what or 'Văn bản'} {number}"
    elif about:
        head = f"{what} {about}" if what else about[:1].upper() + about[1:]
    else:
        head = f"{what or 'Văn bản'} {source}".strip()
    when = period if "/" in period or not date else _date_vn(date)
    tail = ", ".join(filter(None, [short_issuer(issuer), when]))
    label = f"{head} — {tail}" if tail else head
    return label if has_number(number) else f"{label} ({NO_NUMBER})"


def _date_vn(iso: str) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else ""


def cited_date(iso: str) -> str:
    """A date as the reports cite one another's ("ngày 10/4/2026", "ngày 05/01/2026"): the
    day with two digits, the month with two for January and February only, as Nghị định
    30/2020/NĐ-CP writes the date line (a draft's month as stored: "11/2025")."""
    parts = iso.split("-")
    if len(parts) != 3:
        return _date_vn(iso)
    year, month, day = parts
    return f"{day}/{month if month in ('01', '02') else month.lstrip('0')}/{year}"


def of_report(report) -> str:  # index.model.Report (not imported: model stays a leaf)
    m = report.meta
    return report_label(m.number, m.date, m.period, m.issuer, m.title, report.source)


def date_phrase(date_vn: str) -> str:
    """'ngày 18/12/2023'; 'tháng 12/2025' when the day was left blank; 'năm 2025'."""
    parts = date_vn.count("/")
    return f"{('năm', 'tháng', 'ngày')[min(parts, 2)]} {date_vn}" if date_vn else ""


def period_phrase(period: str) -> str:
    """'tháng 12/2023', 'quý IV/2025', 'năm 2025' for a stored period label."""
    from index import periods

    p = periods.from_label(period)
    return p.spoken if p else period


def distinct(infos: Iterable[Any]) -> dict[str, str]:
    """Each report's label (by report id); two reports that share one (a scan and its
    text, a .docx and its .pdf) told apart by their files."""
    infos = list(infos)
    seen = Counter(r.label for r in infos)
    return {r.report_id: r.label + (f" ({r.source})" if seen[r.label] > 1 else "") for r in infos}

"""Example questions written from the reports actually indexed (the user's, not our
samples once theirs are in), in the words and the spelling a leader would use."""

from __future__ import annotations

import re

from assistant.api import ReportInfo, Store, documents_in, fold, period_phrase, short_issuer

# "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 397.497 triệu đồng" → the measure
_MEASURE = re.compile(
    r"(?:^|[.;:]\s+)([A-ZĐ][^.;:()\d]{8,70}?)\s+(?:ước\s+|lũy kế\s+)?(?:đạt|được)\s+\d"
)
_FILLER = re.compile(r"\s+(?:trong tháng|trên địa bàn|năm \d{4}|tháng \d.*)$")
_LEAD = re.compile(r"^(?:trong đó|trong tháng|ngoài ra|bên cạnh đó|đồng thời)\s*,?\s*", re.I)


def _measure(text: str) -> str:
    for m in _MEASURE.finditer(text):
        words = _LEAD.sub("", _FILLER.sub("", m.group(1))).split()
        if 2 <= len(words) <= 9:
            text = " ".join(words)
            return text[:1].upper() + text[1:]
    return ""


def _when(info: ReportInfo) -> str:
    return period_phrase(info.period) if info.period else ""


def example_questions(store: Store, reports: list[ReportInfo], limit: int = 5) -> list[str]:
    """Up to `limit` questions about `reports` (newest first): a figure, the same typed
    without diacritics, a decision, a section, a summary. Each names what it asks about."""
    out: list[str] = []
    for info in sorted(reports, key=lambda r: r.date, reverse=True)[:3]:
        report = store.report(info.report_id)
        if report is None:
            continue
        when = _when(info)
        figure = next((q for p in report.paragraphs if (q := _measure(p.text))), "")
        if figure:
            asked = f"{figure} {when} đạt bao nhiêu?".replace("  ", " ")
            out += [asked, fold(asked).lower()]
        decision = next(
            (m.group(0) for p in report.paragraphs for m in documents_in(p.text)
             if "QĐ" in m.group(0)),
            "",
        )  # fmt: skip
        if decision:
            out.append(f"Quyết định số {decision} về nội dung gì?")
        section = next(
            (
                s
                for s in report.sections
                if s.level == 2 and len(s.title) < 50 and "," not in s.title
            ),
            None,
        )
        if section and when:
            title = re.sub(r"^về\s+", "", section.title[:1].lower() + section.title[1:])
            out.append(f"Báo cáo {when} nói gì về {title}?")
        issuer = short_issuer(info.issuer.partition(" (")[0], 40)
        out.append(
            " ".join(filter(None, ["Tóm tắt báo cáo", when, f"của {issuer}" if issuer else ""]))
        )
        if len(out) >= limit:
            break
    seen: set[str] = set()
    return [q for q in out if not (q in seen or seen.add(q))][:limit]

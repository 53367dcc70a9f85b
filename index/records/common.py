"""Helpers every extractor uses: matching keys, the units of text a report is made of."""

from __future__ import annotations

import re

from index import vn
from index.model import Paragraph, Report


def clauses(sentence: str) -> list[str]:
    """The ';'-separated parts of a sentence; a ';' inside a quotation (a theme “…; …”)
    does not end one."""
    out: list[str] = []
    for part in re.split(r"(?<=;)\s+", sentence):
        if out and out[-1].count("“") > out[-1].count("”"):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [c for c in out if c.strip()]


def units(report: Report) -> list[tuple[Paragraph | None, int | None, str, str]]:
    """(paragraph, footnote number, section, text) for every paragraph and footnote."""
    out: list[tuple[Paragraph | None, int | None, str, str]] = [
        (p, None, p.section, p.text) for p in report.paragraphs if p.kind != "table"
    ]
    by_index = {p.index: p for p in report.paragraphs}
    for fn in report.footnotes:
        para = by_index.get(fn.paragraph or -1)
        out.append((para, fn.number, para.section if para else "", fn.text))
    return out


def task_sections(report: Report) -> set[str]:
    """Section paths of the next-period part ("III. NHIỆM VỤ TRỌNG TÂM … THÁNG 01/2024",
    "IV. GIẢI PHÁP TRỌNG TÂM QUÝ II NĂM 2026")."""
    parts = [
        s.path
        for s in report.sections
        if s.level == 1
        and re.match(r"(?:nhiem vu|phuong huong|ke hoach|du kien|giai phap)", vn.fold(s.title))
    ]
    return {
        s.path for s in report.sections for p in parts if s.path == p or s.path.startswith(p + ".")
    }

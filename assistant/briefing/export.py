"""The briefing written out: Markdown and Word (.docx), each item with its [n], the
arithmetic under it, and every cited passage in full after, so a printed briefing can be
checked without the app. Text from the reports is data: escaped in Markdown, and Word
gets it without the control characters XML forbids."""

from __future__ import annotations

from pathlib import Path

from assistant.briefing.model import SECTIONS, Briefing
from assistant.cite import caption
from assistant.docx_export import add_sources, word_safe
from assistant.render import escape_md

_x = word_safe


def _marks(item) -> str:
    return "".join(f"[{n}]" for n in dict.fromkeys(c.n for c in item.citations))


def briefing_markdown(b: Briefing) -> str:
    lines = [f"# {escape_md(b.title)}", "", f"Báo cáo kỳ này: {escape_md(b.report)}  "]
    if b.previous_report:
        lines.append(f"Báo cáo kỳ trước: {escape_md(b.previous_report)}  ")
    if b.note:
        lines.append(f"_{escape_md(b.note)}_")
    for name in SECTIONS:
        items = b.section(name)
        if not items:
            continue
        lines += ["", f"## {name}", ""]
        for item in items:
            lines.append(f"- {escape_md(item.text)} {_marks(item)}".rstrip())
            if item.computed:
                lines.append(f"  - Phép tính: `{item.computed}`")
    if b.citations:
        lines += ["", "## Nguồn trích dẫn"]
    for c in b.citations:
        lines += ["", f"**[{c.n}]** {escape_md(caption(c))} · _{escape_md(c.file)}_"]
        lines.append("> " + escape_md(c.text).replace("\n", "\n> "))
    return "\n".join(lines) + "\n"


def export_markdown(b: Briefing, path: Path) -> Path:
    path = Path(path)
    path.write_text(briefing_markdown(b), encoding="utf-8")
    return path


def export_docx(b: Briefing, path: Path) -> Path:
    """Sections as headings, items as bullets with their [n], then the sources."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    doc.add_heading(_x(b.title), level=1)
    doc.add_paragraph(_x(f"Báo cáo kỳ này: {b.report}"))
    if b.previous_report:
        doc.add_paragraph(_x(f"Báo cáo kỳ trước: {b.previous_report}"))
    if b.note:
        doc.add_paragraph().add_run(_x(b.note)).italic = True
    for name in SECTIONS:
        items = b.section(name)
        if not items:
            continue
        doc.add_heading(name, level=2)
        for item in items:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(_x(item.text))
            p.add_run(f" {_marks(item)}").bold = True
            if item.computed:
                run = doc.add_paragraph().add_run(_x(f"Phép tính: {item.computed}"))
                run.font.size = Pt(10)
    if b.citations:
        doc.add_heading("Nguồn trích dẫn", level=2)
    add_sources(doc, b.citations)
    path = Path(path)
    doc.save(path)
    return path

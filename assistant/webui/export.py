"""The conversation with its citations, as Markdown and as a Word document."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from assistant.api import add_sources, caption, word_safe
from assistant.webui.chat import Conversation
from assistant.webui.render import escape_md

TITLE = "Trợ lý Báo cáo — hội thoại"
_x = word_safe


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="tro-ly-xuat-"))


def conversation_markdown(conv: Conversation) -> str:
    lines = [f"# {TITLE}", "", f"Xuất lúc {time.strftime('%H:%M %d/%m/%Y')}", ""]
    for i, e in enumerate(conv.exchanges, start=1):
        a = e.answer
        lines.append(f"## {i}. {escape_md(e.question)}")
        if e.resolved != e.question:
            lines.append(f"_Hiểu là: {escape_md(e.resolved)}_")
        if e.scope:
            lines.append(f"_Bộ lọc: {escape_md(e.scope)}_")
        lines.append("")
        text = escape_md(a.text).replace(r"\[", "[").replace(r"\]", "]")
        lines.append(text.replace("\n", "  \n"))
        if a.reason:
            lines += ["", f"_{escape_md(a.reason)}_"]
        if a.citations:
            lines += ["", "**Nguồn trích dẫn**"]
        for c in a.citations:
            lines += ["", f"**[{c.n}]** {escape_md(caption(c))} · _{escape_md(c.file)}_"]
            lines.append("> " + escape_md(c.text).replace("\n", "\n> "))
        lines.append("")
    return "\n".join(lines)


def export_markdown(conv: Conversation) -> Path:
    path = _folder() / f"hoi-dap-{_stamp()}.md"
    path.write_text(conversation_markdown(conv), encoding="utf-8")
    return path


def export_docx(conv: Conversation) -> Path:
    """Questions as headings, answers as paragraphs, each [n] source with its passage."""
    import docx

    doc = docx.Document()
    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(f"Xuất lúc {time.strftime('%H:%M %d/%m/%Y')}")
    for i, e in enumerate(conv.exchanges, start=1):
        a = e.answer
        doc.add_heading(_x(f"{i}. {e.question}"), level=2)
        if e.resolved != e.question:
            doc.add_paragraph().add_run(_x(f"Hiểu là: {e.resolved}")).italic = True
        if e.scope:
            doc.add_paragraph().add_run(_x(f"Bộ lọc: {e.scope}")).italic = True
        for line in a.text.split("\n"):
            doc.add_paragraph(_x(line))
        if a.reason:
            doc.add_paragraph().add_run(_x(a.reason)).italic = True
        if a.citations:
            doc.add_paragraph().add_run("Nguồn trích dẫn").bold = True
        add_sources(doc, a.citations)
    path = _folder() / f"hoi-dap-{_stamp()}.docx"
    doc.save(path)
    return path

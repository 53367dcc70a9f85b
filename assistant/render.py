"""Answer → what a person reads: the answer, then each cited passage with its source."""

from __future__ import annotations

from assistant.cite import Answer, Citation


def source_line(c: Citation) -> str:
    # drafts leave the number blank ("/BC-UBND"): name the file instead
    numbered = c.report[:1].isdigit()
    parts = [f"Báo cáo số {c.report}" if numbered else f"Báo cáo {c.file}"]
    if c.date:
        parts.append(f"ngày {c.date}")
    if c.section:
        parts.append(f"mục {c.section}")
    if c.footnote is not None:
        parts.append(f"chú thích {c.footnote}")
    if c.page:
        parts.append(f"trang {c.page}")
    elif c.paragraph and c.footnote is None:
        parts.append(f"đoạn {c.paragraph}")
    return ", ".join(parts)


def as_text(a: Answer, passages: bool = True) -> str:
    lines = [a.text]
    if a.citations:
        lines.append("")
        lines.append("Nguồn:")
        for c in a.citations:
            lines.append(f"[{c.n}] {source_line(c)} — {c.file}")
            if passages:
                text = c.text if len(c.text) <= 700 else c.text[:700] + "…"
                lines.append("    " + text.replace("\n", "\n    "))
    return "\n".join(lines)


def as_markdown(a: Answer) -> str:
    """For the chat: the answer, then the cited passages as quotes. Source text is escaped
    by the UI, never rendered as HTML."""
    lines = [a.text.replace("\n", "  \n")]
    for c in a.citations:
        lines.append("")
        lines.append(f"**[{c.n}] {source_line(c)}**")
        lines.append("> " + c.text.replace("\n", "\n> "))
    return "\n".join(lines)

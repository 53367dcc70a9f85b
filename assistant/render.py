"""Answer → what a person reads: the answer, then each cited passage with its source."""

from __future__ import annotations

import re

from assistant.cite import Answer, caption


def as_text(a: Answer, passages: bool = True) -> str:
    lines = [a.text]
    if a.citations:
        lines.append("")
        lines.append("Nguồn:")
        for c in a.citations:
            lines.append(f"[{c.n}] {caption(c)} — {c.file}")
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
        lines.append(f"**[{c.n}] {caption(c)}**")
        lines.append("> " + c.text.replace("\n", "\n> "))
    return "\n".join(lines)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def escape_md(text: str) -> str:
    """Source text is data: shown literally, never as Markdown or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """Text from a file's name or contents made safe for a terminal or a table: control,
    ANSI and bidi characters shown as '?' (a name with a newline or a right-to-left mark
    must not break a listing or disguise itself)."""
    return _UNPRINTABLE.sub("?", text)

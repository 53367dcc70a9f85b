"""Answer → what a person reads: the answer, then each cited passage with its source."""

from __future__ import annotations

import re

from assistant.cite import Answer, Citation
from index.labels import date_phrase


def source_line(c: Citation) -> str:
    # drafts leave the number blank ("/BC-UBND"): the report's label says what it is
    numbered = c.report[:1].isdigit()
    parts = [f"Báo cáo số {c.report}" if numbered else (c.label or f"Báo cáo {c.file}")]
    if c.date and (numbered or not c.label):
        parts.append(date_phrase(c.date))
    if c.section:
        parts.append(f"mục {c.section}")
    if c.footnote is not None:
        parts.append(f"chú thích {c.footnote}")
    if c.page:
        parts.append(f"trang {c.page}")
    if c.ocr_confidence is not None:
        parts.append(f"nhận dạng ký tự (OCR), độ tin cậy {round(c.ocr_confidence)}%")
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

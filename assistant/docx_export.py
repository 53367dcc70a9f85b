"""What every Word export shares: text Word can hold, and the cited passages at the end
(the chat's export and the briefing's)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from assistant.cite import caption

_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def word_safe(text: str) -> str:
    """Text Word can hold: characters XML forbids (control codes) dropped."""
    return _NOT_XML.sub("", text)


def add_sources(doc: Any, citations: Iterable[Any]) -> None:
    """Each citation's caption, then its exact passage, indented and grey."""
    from docx.shared import Pt, RGBColor

    for c in citations:
        p = doc.add_paragraph()
        p.add_run(f"[{c.n}] ").bold = True
        p.add_run(word_safe(f"{caption(c)} — {c.file}"))
        quote = doc.add_paragraph()
        run = quote.add_run(word_safe(c.text))
        run.font.size = Pt(10)
        run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        quote.paragraph_format.left_indent = Pt(18)

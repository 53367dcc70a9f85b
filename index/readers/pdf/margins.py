"""What sits in a page's margins: running headers and footers dropped, footnotes told
apart at the bottom of a page by their smaller type."""

from __future__ import annotations

import re
from collections import Counter

from index import vn
from index.readers.pdf.layout import _PAGE_NUMBER_RE, EDGE, Line, join_text
from index.readers.pdf.page import Page
from index.structure import Block


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _drop_running(pages: list[Page]) -> None:
    """Remove running headers/footers (the same line at the top or bottom of most pages)
    and page numbers."""
    counts: Counter[str] = Counter()
    for p in pages:
        keys = {_norm(ln.text) for ln in p.lines if _at_edge(ln, p)}
        counts.update(keys)
    npages = sum(1 for p in pages if p.lines)
    repeated = {k for k, n in counts.items() if npages >= 3 and n >= max(2, 0.5 * npages)}
    for p in pages:
        p.lines = [
            ln
            for ln in p.lines
            if not (
                _at_edge(ln, p)
                and (_norm(ln.text) in repeated or _PAGE_NUMBER_RE.match(ln.text.strip()))
            )
        ]


def _at_edge(line: Line, page: Page) -> bool:
    return line.bottom <= page.height * EDGE or line.top >= page.height * (1 - EDGE)


def _leading_number(line: Line) -> int | None:
    if line.marker is not None:
        return line.marker
    m = re.match(r"^(\d{1,3})\s*[.)]?\s+\S", line.text)
    return int(m.group(1)) if m else None


def _split_footnotes(pages: list[Page], body: float) -> None:
    """Move each page's footnote lines (smaller type at the page bottom, opening with a
    number) from `lines` to `footnotes`."""
    for p in pages:
        k = len(p.lines)
        while k > 0 and p.lines[k - 1].size <= body - 1.0 and not p.lines[k - 1].split:
            k -= 1
        zone = p.lines[k:]
        if not zone or zone[0].top < p.height * 0.4:
            continue
        # The zone opens with a numbered note, or continues the previous page's last note
        # and then has notes of its own (superscript-numbered).
        if _leading_number(zone[0]) is None and not any(ln.marker is not None for ln in zone):
            continue
        p.footnotes = zone
        p.lines = p.lines[:k]


def _footnote_blocks(pages: list[Page]) -> list[Block]:
    notes: list[dict] = []
    for p in pages:
        for ln in p.footnotes:
            number = _leading_number(ln)
            if (
                ln.marker is None
                and number is not None
                and notes
                and (number != notes[-1]["number"] + 1)
            ):
                number = None  # "15 công trình …" continuing a note, not note 15
            text = ln.text
            if number is not None:
                text = re.sub(rf"^[{vn.SUPERSCRIPT_DIGITS}]+\s*|^\d{{1,3}}\s*[.)]?\s+", "", text)
                notes.append({"number": number, "text": text, "page": p.number})
            elif notes:
                notes[-1]["text"] = join_text(notes[-1]["text"], text)
    return [
        Block(text=n["text"], page=n["page"], kind="footnote", footnote=n["number"]) for n in notes
    ]

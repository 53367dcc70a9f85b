"""Lines → paragraphs and tables: indentation and spacing open a paragraph, a table
continued on the next page is joined to its head."""

from __future__ import annotations

import re
from collections import Counter

from index.readers.pdf.layout import _BULLET_START_RE, INDENT, Line, join_text
from index.readers.pdf.page import Page, _Table
from index.readers.tables import GridCell, table_blocks
from index.structure import Block, clean


def _margins(pages: list[Page], body: float) -> tuple[float, float]:
    xs: Counter[int] = Counter()
    rights: Counter[int] = Counter()
    for p in pages:
        for ln in p.lines:
            if abs(ln.size - body) <= 1.0 and not ln.split:
                xs[round(ln.x0)] += 1
                rights[round(ln.x1)] += 1
    left = xs.most_common(1)[0][0] if xs else 0
    # Justified full lines share the right edge; with few of them, the widest line.
    widest = max(rights, default=0)
    shared = max((x for x, n in rights.items() if n >= 2), default=0)
    right = shared if shared >= widest - 15 else widest
    return float(left), float(right)


def _context(text: str) -> str:
    text = clean(text)
    if len(text) <= 200:
        return text
    if text.endswith(":"):
        cuts = [m.end() for m in re.finditer(r"[.!?…]\s", text)]
        tail = text[max(cuts, default=0) :].strip()
        return tail if len(tail) <= 300 else "…" + tail[-300:]
    return ""


def _blocks(pages: list[Page], body: float) -> list[Block]:
    left, right = _margins(pages, body)
    blocks: list[Block] = []
    para: list[Line] = []
    pending: _Table | None = None
    pending_context = ""
    last_text = ""

    def flush_para() -> None:
        nonlocal para, last_text
        if para:
            text = para[0].text
            for ln in para[1:]:
                text = join_text(text, ln.text)
            blocks.append(Block(text=text, page=para[0].page))
            last_text = text
        para = []

    def flush_table() -> None:
        nonlocal pending
        if pending is not None:
            blocks.extend(table_blocks(pending.grid, context=pending_context, page=pending.page))
        pending = None

    for p in pages:
        items: list[Line | _Table] = list(p.lines)
        for t in sorted(p.tables, key=lambda t: t.top, reverse=True):
            at = next(
                (k for k, it in enumerate(items) if isinstance(it, Line) and it.top >= t.top),
                len(items),
            )
            items.insert(at, t)
        for idx, item in enumerate(items):
            if isinstance(item, _Table):
                flush_para()
                if (
                    pending is not None
                    and idx == 0
                    and pending.page == p.number - 1
                    and pending.ncols == item.ncols
                ):
                    skip = _same_head(pending.grid, item.grid)
                    pending.grid = pending.grid + item.grid[skip:]
                    continue
                flush_table()
                pending = item
                pending_context = _context(last_text)
                continue
            ln = item
            # the page's footnotes, in smaller type under a table, do not end it: the table
            # may go on at the top of the next page
            if pending is not None and not (pending.page == p.number and ln.size <= body - 1.5):
                flush_table()
            if not para:
                para = [ln]
                continue
            prev = para[-1]
            if _new_paragraph(prev, ln, left, right):
                flush_para()
            para.append(ln)
        # a paragraph may run on to the next page; build_report and _new_paragraph decide
    flush_para()
    flush_table()
    return blocks


def _same_head(first: list[list[GridCell]], cont: list[list[GridCell]]) -> int:
    """How many leading rows of a continued table repeat the first part's header rows."""
    n = 0
    while n < min(len(first), len(cont), 4):
        a = [clean(c) if isinstance(c, str) else "" for c in first[n]]
        b = [clean(c) if isinstance(c, str) else "" for c in cont[n]]
        if a != b:
            break
        n += 1
    return n


def _new_paragraph(prev: Line, ln: Line, left: float, right: float) -> bool:
    if prev.split or ln.split:
        return True
    if abs(prev.size - ln.size) >= 1.5:
        return True
    if ln.x0 > left + INDENT:
        return True
    text = prev.text.rstrip()
    if right and prev.x1 < right - 25 and not text.endswith("-"):
        return True
    if ln.page == prev.page and ln.top - prev.bottom > max(6.0, 0.6 * ln.size):
        return True
    return bool(_BULLET_START_RE.match(ln.text) and text[-1:] in ".;:!?")

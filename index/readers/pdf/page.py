"""A PDF page read through pdfplumber: its ruled tables as grids, and the words outside
them grouped into lines (layout.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.readers.pdf.layout import Line, Word, build_lines
from index.readers.pdf.stamps import stamped_words
from index.readers.tables import HSPAN, VSPAN, GridCell

# points between two letters that still belong to one word: a PDF without space characters
# (fpdf, many generators) leaves only a gap, narrower in a table's small type than pdfplumber's
# default 3 pt
X_TOLERANCE = 1.5


@dataclass
class _Table:
    grid: list[list[GridCell]]
    page: int
    top: float
    bottom: float
    ncols: int


@dataclass
class Page:
    number: int
    height: float
    width: float
    lines: list[Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    footnotes: list[Line] = field(default_factory=list)
    chars: int = 0


def _grid(table) -> list[list[GridCell]]:
    """pdfplumber's table as a grid; cells covered by a merged cell are told apart into
    HSPAN (merged from the left) and VSPAN (merged from above) by the covering cell."""
    rows = table.extract(x_tolerance=X_TOLERANCE)
    xs = sorted({round(c[0], 1) for c in table.cells})
    grid: list[list[GridCell]] = []
    for r, row in enumerate(rows):
        row_top = table.rows[r].bbox[1]
        out: list[GridCell] = []
        for c, value in enumerate(row):
            if value is not None:
                out.append(value)
                continue
            x = (xs[c] if c < len(xs) else xs[-1]) + 1.0
            y = row_top + 1.0
            cover = next((b for b in table.cells if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            if cover is not None and cover[1] < row_top - 0.5:
                out.append(VSPAN)
            elif cover is not None or c > 0:
                out.append(HSPAN)
            else:
                out.append(VSPAN)
        grid.append(out)
    return grid


def _words(page, tables: list) -> list[Word]:
    boxes = [t.bbox for t in tables]
    words = []
    for w in page.extract_words(
        extra_attrs=["size"], keep_blank_chars=False, x_tolerance=X_TOLERANCE
    ):
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
            continue
        words.append(Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"])))
    return words


def _has_duplicate_chars(chars: list[dict]) -> bool:
    seen: set[tuple[str, int, int]] = set()
    dups = 0
    for c in chars:
        key = (c["text"], round(c["x0"]), round(c["top"]))
        if key in seen:
            dups += 1
        seen.add(key)
    return dups > max(3, len(chars) // 200)


def _read_page(page, number: int) -> Page:
    if _has_duplicate_chars(page.chars):
        page = page.dedupe_chars(tolerance=1)  # fake bold: each glyph drawn twice
    out = Page(number=number, height=float(page.height), width=float(page.width))
    out.chars = len(page.chars)
    if not out.chars:
        return out
    found = []
    try:
        found = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.rows[0].cells) >= 2]
    except Exception:  # a malformed drawing must not lose the page's text
        found = []
    kept = []
    for t in found:
        grid = _grid(t)
        filled_cols = {
            c for row in grid for c, v in enumerate(row) if isinstance(v, str) and v.strip()
        }
        filled_rows = [row for row in grid if any(isinstance(v, str) and v.strip() for v in row)]
        if len(filled_cols) < 2 or len(filled_rows) < 2:
            continue  # shading boxes or a framed paragraph, not a table: read as text
        kept.append(t)
        out.tables.append(
            _Table(
                grid=grid,
                page=number,
                top=t.bbox[1],
                bottom=t.bbox[3],
                ncols=max(len(r) for r in grid),
            )
        )
    out.lines = build_lines(_words(page, kept) + stamped_words(page), number, out.width, apart=True)
    return out

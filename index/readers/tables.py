"""Tables of every format (Word, PDF, .doc text, scans) as blocks: one line per row,
"header: value; header: value", merged cells and two-level headers kept with each cell."""

from __future__ import annotations

import re

from index.structure import Block, clean

TABLE_MAX_ROWS = 25  # rows per table block; longer tables are split, header names repeated
TABLE_MAX_CHARS = 1500  # about what one chunk holds (index.chunk splits prose above 1400)


class _Span:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return self.name


HSPAN = _Span("HSPAN")  # covered by the cell to the left (gridSpan / colspan)
VSPAN = _Span("VSPAN")  # covered by the cell above (vMerge / rowspan)
GridCell = str | _Span
_NUMERIC_RE = re.compile(r"^[\s\d.,%/()+\-–−x×]*\d[\s\d.,%/()+\-–−x×]*$")
# a column's number or letter, or how it is computed from others ("1=2+3", "7=4/1")
_COLNUM_RE = re.compile(r"^(?:\(?\d{1,2}\)?|\(?[A-Z]\)?)(?:\s*[=+\-–*/x×]\s*\(?\d{1,2}\)?)*$")


def cell_text(c: GridCell | None) -> str:
    return clean(c) if isinstance(c, str) else ""


def header_row_count(grid: list[list[GridCell]], marked: int = 0) -> int:
    """How many leading rows are column headers: the rows Word marks as repeating
    headers, else a first row that reads like one plus the rows under its merged cells."""
    if marked:
        return min(marked, len(grid))
    if len(grid) < 2:
        return 0
    first = [cell_text(c) for c in grid[0]]
    vals = [v for v in first if v]
    if (
        len(vals) < 2
        or any(_NUMERIC_RE.match(v) for v in vals)
        or sum(len(v) for v in vals) / len(vals) > 60
    ):
        return 0
    n = 1
    while n < min(len(grid) - 1, 4):
        row = grid[n]
        merged_above = any(c is VSPAN for c in row) or any(c is HSPAN for c in grid[n - 1])
        vals = [cell_text(c) for c in row if cell_text(c)]
        if (
            merged_above
            and vals
            and not any(_NUMERIC_RE.match(v) for v in vals)
            and all(len(v) <= 80 for v in vals)
        ):
            n += 1
        else:
            break
    return n


def _short_name(name: str) -> str:
    name = clean(name)
    if len(name) > 40 and " (" in name:
        name = name.split(" (", 1)[0]
    return name.rstrip(" :")


def column_names(grid: list[list[GridCell]], header_rows: int, ncols: int) -> list[str]:
    names: list[str] = []
    for c in range(ncols):
        parts: list[str] = []
        for h in range(header_rows):
            row = grid[h]
            cell = row[c] if c < len(row) else ""
            if cell is HSPAN:
                k = c
                while k > 0 and row[k] is HSPAN:
                    k -= 1
                cell = row[k]
            if isinstance(cell, str):
                name = _short_name(cell)
                if name and (not parts or parts[-1] != name):
                    parts.append(name)
        names.append(" - ".join(parts))
    return names


def _is_column_numbers(vals: list[str]) -> bool:
    """A row such as "(1) (2) (3) (4)" or "A B 1 2 3" that only numbers the columns."""
    return len(vals) >= 3 and all(_COLNUM_RE.match(v) for v in vals)


def table_blocks(
    grid: list[list[GridCell]],
    context: str = "",
    marked_header_rows: int = 0,
    page: int | None = None,
) -> list[Block]:
    """A table as Blocks of kind "table": one line per row, "header: value; header: value"
    (cells joined with " | " when there is no header row), the caption/context line first.
    Merged cells: a header spanning columns prefixes its sub-headers ("Năm 2024 - Điểm số");
    a value merged down a column is repeated on each row. Big tables are cut into blocks of
    at most TABLE_MAX_ROWS rows / TABLE_MAX_CHARS characters, rows never split."""
    grid = [row for row in grid if any(cell_text(c) for c in row)]
    if not grid:
        return []
    ncols = max(len(r) for r in grid)
    grid = [list(r) + [""] * (ncols - len(r)) for r in grid]
    nhead = header_row_count(grid, marked_header_rows)
    names = column_names(grid, nhead, ncols)
    lines: list[str] = []
    above: list[str] = [""] * ncols
    for row in grid[nhead:]:
        values: list[tuple[int, str]] = []
        for c, cell in enumerate(row):
            if cell is HSPAN:
                continue
            text = above[c] if cell is VSPAN else cell_text(cell)
            above[c] = text
            if text:
                values.append((c, text))
        if not values or _is_column_numbers([v for _, v in values]):
            continue
        if nhead and any(names):
            lines.append("; ".join(f"{names[c]}: {v}" if names[c] else v for c, v in values))
        else:
            lines.append(" | ".join(v for _, v in values))
    if not lines:
        return []
    context = clean(context)
    blocks: list[Block] = []
    # As few parts as the limits allow, of about equal size.
    total = sum(len(line) + 1 for line in lines)
    parts = max(-(-len(lines) // TABLE_MAX_ROWS), -(-total // TABLE_MAX_CHARS), 1)
    per_part = -(-len(lines) // parts)
    chunks = [lines[k : k + per_part] for k in range(0, len(lines), per_part)]
    for k, rows in enumerate(chunks):
        head = context
        if len(chunks) > 1:
            head = f"{context} (bảng, phần {k + 1}/{len(chunks)})".strip()
        text = "\n".join(([head] if head else []) + rows)
        blocks.append(
            Block(
                text=text,
                page=page,
                kind="table",
                extra={"columns": names, "rows": len(rows), "context": context},
            )
        )
    return blocks

"""Table passages as rows of cells, so an answer quotes whole cells of ONE row with their
column headers, and never a name from one row beside a figure from another.

A table chunk is a caption line, then one line per row: "Header: cell; Header: cell".
Two-level headers are already joined by the readers ("Lâm Đồng - Thứ hạng"); their first
level often names an entity (a province, a district), the second a measure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from index import vn
from index.chunk import is_table_row, row_number, table_caption
from index.model import Chunk

if TYPE_CHECKING:
    from assistant.query import Query
    from assistant.retrieve import Hit

# a rank, not a score: its best is the smallest number (folded text)
RANK = re.compile(r"\b(?:thu hang|xep hang|hang|rank)\b")
# … as a question asks for one: folded, "hàng giả" is "hang" too
_RANK_ASKED = re.compile(
    r"\b(?:thu hang|xep hang|xep thu|rank\w*|"
    r"(?<!ngan )(?<!mat )hang (?:cao|thap|tot|kem|may|nhat|dau|cuoi|bao nhieu))\b"
)


# "được xếp hạng di tích cấp tỉnh", "xếp hạng 4 sao": a class given, no place in a rank
CLASS_GIVEN = re.compile(r"\bxep hang (?:di tich|cap (?:tinh|quoc gia|dac biet)|\d+ sao)\b")


def asks_rank(query: Query) -> bool:
    """Whether a question asks for a rank ("xếp hạng", "hạng thấp nhất"), not for goods
    ("loại hàng giả nào nhiều nhất") nor a bank ("trả qua ngân hàng thấp nhất"), nor a class
    given (CLASS_GIVEN): with its diacritics typed, only "hạng" is a rank (a "hang" typed
    plain is read folded)."""
    if CLASS_GIVEN.search(" ".join(vn.syllables(query.folded))):
        return False
    words = vn.syllables(query.text.lower())
    if "hạng" in words:
        return True
    if query.accented and "hang" not in words:
        return "rank" in query.folded  # its "hàng" is goods or a bank
    return bool(_RANK_ASKED.search(" ".join(vn.syllables(query.folded))))


_CELL = re.compile(r"^(?P<head>[^:;]{1,120}?):\s(?P<value>.*)$")


@dataclass(frozen=True)
class Cell:
    header: str
    value: str

    @property
    def entity(self) -> str:
        """The first level of a two-level header ('Lâm Đồng' of 'Lâm Đồng - Thứ hạng')."""
        head, sep, _ = self.header.partition(" - ")
        return head.strip() if sep else ""

    @property
    def measure(self) -> str:
        return self.header.partition(" - ")[2].strip() or self.header

    @property
    def text(self) -> str:
        return f"{self.header}: {self.value}"


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    line: str  # the row as written in the passage
    context: str  # the caption and the parent rows' labels: what the row is under

    @property
    def label(self) -> str:
        """What the row is about: its first non-numbering cell without an entity."""
        for c in self.cells:
            if not c.entity and not re.fullmatch(r"[\dIVX.]*", c.value) and c.header != "STT":
                return c.value
        return ""

    def entities(self) -> set[str]:
        return {c.entity for c in self.cells if c.entity}

    def quote(self, entity: str = "") -> str:
        """Whole cells: the row's label cells and, when an entity is asked about, only that
        entity's cells; every cell verbatim, a gap shown as '…'."""
        if not entity:
            return self.line
        kept = [c for c in self.cells if not c.entity or vn.fold(c.entity) == vn.fold(entity)]
        parts: list[str] = []
        last = -1
        for c in kept:
            i = self.cells.index(c)
            if parts and i != last + 1:
                parts.append("…")
            parts.append(c.text)
            last = i
        return "; ".join(parts).replace("; …; ", " … ")


def cells(line: str) -> tuple[Cell, ...]:
    out: list[Cell] = []
    for part in line.split("; "):
        m = _CELL.match(part.strip())
        if not m and out and part[:1].islower():  # "Ghi chú: Xây vượt tầng; không phép"
            out[-1] = Cell(out[-1].header, f"{out[-1].value}; {part.strip()}")
            continue
        if not m:
            return ()
        out.append(Cell(m.group("head").strip(), m.group("value").strip()))
    return tuple(out)


def rows(chunk: Chunk) -> list[Row]:
    """The rows of a table chunk; a row numbered '3.1.' carries its parent's '3.' label,
    also when row 3 sits in an earlier piece of the table (index/chunk.py: rows_above)."""
    above = chunk.extra.get("rows_above", "")
    earlier = above.split("\n") if above else []
    lines = [*earlier, *chunk.text.split("\n")]
    caption = table_caption(chunk.text)
    out: list[Row] = []
    parents: dict[str, str] = {}
    for i, line in enumerate(lines):
        cs = cells(line) if is_table_row(line) else ()
        if len(cs) < 2:
            continue
        number = next((c.value for c in cs if c.header == "STT"), "")
        row = Row(cs, line, "")
        key = number.rstrip(".")
        parent = parents.get(key.rpartition(".")[0], "") if "." in key else ""
        if i >= len(earlier):  # a row of this piece, not one above it
            out.append(Row(cs, line, f"{caption} {parent}".strip()))
        if key:
            parents[key] = f"{parent} {row.label}".strip()
    return out


def family(best: tuple[Chunk, str], others: Sequence[tuple[Chunk, str]]) -> list[int]:
    """Which of `others` (chunk, row) break the best row down ("4.2.1", "4.2.2" under
    "4.2") or stand beside it under one parent, its sub-rows first, each row once: a row
    asked about is read with them ("bao nhiêu văn bản phải xử lý, đã xử lý xong chưa?")."""
    chunk, line = best
    number, name = row_number(line), _table_name(chunk)
    if not number or not name:
        return []
    parent = number.rpartition(".")[0]
    children: list[int] = []
    beside: list[int] = []
    seen = {line}
    for i, (c, row) in enumerate(others):
        n = row_number(row)
        if not n or row in seen or c.report_id != chunk.report_id or _table_name(c) != name:
            continue
        if n.startswith(f"{number}."):
            children.append(i)
        elif parent and n.rpartition(".")[0] == parent:
            beside.append(i)
        else:
            continue
        seen.add(row)

    def order(i: int) -> tuple[int, ...]:  # table order, "3.2.10" after "3.2.9"
        return tuple(int(x) for x in row_number(others[i][1]).split("."))

    return sorted(children, key=order) + sorted(beside, key=order)


def named_entity(question_folded: str, table_rows: list[Row]) -> str:
    """The column entity a question names ('lâm đồng' → 'Lâm Đồng'), '' for none."""
    padded = f" {question_folded} "
    found = {e for r in table_rows for e in r.entities() if f" {vn.fold(e)} " in padded}
    return max(found, key=len) if len(found) == 1 else ""


def is_table(chunk: Chunk) -> bool:
    return chunk.kind == "table" and bool(rows(chunk))


_PART = re.compile(r"\s*\(bảng(?:, phần \d+/\d+)?\)\s*$")


def caption(chunk: Chunk) -> str:
    """The table's caption without its part number: what its pieces have in common."""
    return _PART.sub("", table_caption(chunk.text))


_CONTINUED = re.compile(r"\s*\(tiếp(?: theo)?\)\s*$", re.I)


def _table_name(chunk: Chunk) -> str:
    """A table's caption, the same for "Biểu mẫu 7 – …" and "Biểu mẫu 7 – … (tiếp theo)"."""
    return _CONTINUED.sub("", caption(chunk))


def whole_table(chunk: Chunk, chunks: Iterable[Chunk]) -> list[Chunk]:
    """Every piece of the table `chunk` belongs to (a table is cut by rows and by page, and
    continued under its caption "(tiếp theo)"), in report order."""
    name = _table_name(chunk)
    if not name:
        return [chunk]
    same = sorted(
        (
            c
            for c in chunks
            if c.report_id == chunk.report_id and c.kind == "table" and _table_name(c) == name
        ),
        key=lambda c: (c.paragraphs[0] if c.paragraphs else 0, c.id),
    )
    # two tables under one units line ("Đơn vị tính: triệu đồng") are two tables: the pieces
    # of one follow each other, a caption or page break at most between them
    runs: list[list[Chunk]] = []
    for c in same:
        last = runs[-1][-1] if runs else None
        near = last is not None and (
            not c.paragraphs or not last.paragraphs or c.paragraphs[0] - last.paragraphs[-1] <= 3
        )
        if near:
            runs[-1].append(c)
        else:
            runs.append([c])
    return next((run for run in runs if chunk in run), [chunk])


def with_whole_tables(
    hits: list[Hit], chunks_of: Callable[[str], Iterable[Chunk]]
) -> list[tuple[int, Hit]]:
    """(rank, hit) of the hits and, after a piece of a table, its other pieces at the same
    rank: a long appendix table is cut into pieces, and the row asked for ("Tỷ lệ hồ sơ trực
    tuyến một phần") may sit in a piece retrieval did not rank."""
    out, seen, expanded = [], {h.chunk.id for h in hits}, set()
    chunks: dict[str, list[Chunk]] = {}  # each report's chunks read once
    for rank, hit in enumerate(hits):
        out.append((rank, hit))
        table = (hit.chunk.report_id, _table_name(hit.chunk))
        if hit.chunk.kind != "table" or not table[1] or table in expanded:
            continue
        expanded.add(table)
        if table[0] not in chunks:
            chunks[table[0]] = list(chunks_of(table[0]))
        for piece in whole_table(hit.chunk, chunks[table[0]]):
            if piece.id not in seen:
                seen.add(piece.id)
                out.append((rank, replace(hit, chunk=piece, exact=False)))
    return out

"""A table's rows as the items a superlative picks among: of each row, the cell of the
column the question's measure names (a change column when a change is asked), with its
unit; not the rows that sum others up ("Tổng cộng", a group "I. Thu nội địa")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.answerers import tables
from assistant.answerers.figures import wants
from assistant.answerers.items import Item
from assistant.answerers.kinds import kinds
from assistant.answerers.sums import aggregate
from assistant.intent import MOST_CHANGE, MOST_DROP
from assistant.query import Query
from index import vn
from index.model import Chunk

# "tăng mạnh nhất so với năm ngoái": of two columns the question's words name alike
# ("Sản lượng (tấn)", "Sản lượng so với năm 2024 (%)"), the one that compares
_CHANGE_ASKED = re.compile(
    r"\bso (?:voi|cung ky)\b|" + MOST_CHANGE.pattern + "|" + MOST_DROP.pattern
)
_CHANGE_COLUMN = re.compile(r"\bso (?:voi|ck|cung ky)\b|\btang\b|\bgiam\b|±|\+/-")


def _header_unit(header: str) -> str:
    """What a column counts, as its header says (folded, as text items' units are):
    "Sản lượng (tấn)" → tan, "Số vụ - Năm 2025" → vu; "" when it does not say."""
    if m := re.search(r"\(([^()]{1,20})\)", header):
        return vn.fold(m.group(1).strip())
    m = re.match(r"so (\w+)", vn.fold(header))
    return m.group(1) if m else ""


def cell_reading(item: Item) -> str:
    """A row's picked cell as its header reads it — "Tỷ lệ (%)" and "27,4" → "Tỷ lệ: 27,4%";
    a bracket holding a date ("(01-20/11)") is no unit."""
    m = re.fullmatch(r"(.*?)\s*\(([^()\d]{1,20})\)\s*", item.column)
    if not m or not m.group(1):
        return f"{item.column}: {item.raw}"
    unit = m.group(2).strip()
    return f"{m.group(1)}: {item.raw}{'' if unit == '%' else ' '}{unit}"


_NONE = re.compile(r"\s*[-–]\s*$")  # a cell saying none: "-"
_ORDINAL_COLUMNS = frozenset({"STT", "TT", "SỐ TT"})  # a row's place in the table, no count


def table_items(query: Query, parts: Sequence[Chunk], measure_terms: set[str]) -> list[Item]:
    """Items of a table (`parts`: its chunks, all of them when it is split): the named
    entity's column across rows, the column the question's measure words (`measure_terms`)
    name best."""
    rows = [r for c in parts for r in tables.rows(c)]
    entity = tables.named_entity(query.folded, rows)
    change = _CHANGE_ASKED.search(" ".join(vn.syllables(query.folded))) is not None
    # a group "III" alone in the last part is a group still: the table numbers rows "1", "2"
    groups = _group_rows(rows, numbers_rows(rows))
    rows = _within_group_named(query, rows)
    # a rate asked ("tăng nhanh nhất tính theo %"), or a level of money columns: the rates
    by_rate = wants(query).rate or _by_rate(query, rows)
    by_money = wants(query).money and not by_rate  # "mất nhiều tiền nhất": "(triệu đồng)"
    read = [
        (r, [c for c in r.cells if vn.parse_signed(c.value) is not None or _NONE.match(c.value)])
        for r in rows
        # "I. Thu nội địa" sums its items "1.", "2.", and "Tổng cộng" all rows: no items
        if id(r) not in groups and not aggregate(r.label or "")
    ]
    # one column for every row, never another column's figure for a row whose asked cell
    # is "-" ("Diện tích gieo cấy 164,3" ranked among "Mất trắng do lũ (ha)"): "-" is none
    fit: dict[str, tuple] = {}  # a column's fit depends on its header only: read once
    for _, cells in read:
        for c in cells:
            if c.header in fit or _NONE.match(c.value) or c.header.upper() in _ORDINAL_COLUMNS:
                continue
            if not entity or c.entity == entity:
                fit[c.header] = _fit(c, measure_terms, change, by_rate, by_money)
    column = max(fit, key=fit.__getitem__, default="")
    out = []
    for r, cells in read:
        cell = next((c for c in cells if c.header == column), None)
        if cell is None or _NONE.match(cell.value):
            continue  # "Tỷ lệ (%): -": no figure, never the lowest
        unit = next((c.value for c in r.cells if vn.fold(c.measure) == "don vi tinh"), "")
        unit = unit or _header_unit(cell.header)
        out.append(
            Item(
                r.label or r.line[:60],
                cell.value,
                vn.parse_signed(cell.value) or 0.0,
                r.quote(entity),
                r.line,
                " ".join(vn.syllables(vn.fold(unit))) if unit != "%" else unit,
                cell.header,
            )
        )
    return out


def _fit(
    cell: tables.Cell, measure_terms: set[str], change: bool, by_rate: bool, by_money: bool
) -> tuple:
    """How well a column answers: a rate when rates are asked, money when money is, then the
    measure's words in its header — a change column naming no measure of its own ("So với
    cùng kỳ (%)" beside "Diện tích (ha)") counts as naming the one asked, when a change is
    asked."""
    named = len(measure_terms & set(vn.terms(cell.measure)))
    changes = change and _CHANGE_COLUMN.search(vn.fold(cell.measure)) is not None
    return (
        by_rate and _RATE_COLUMN.search(cell.header) is not None,
        by_money and "đồng" in cell.header,
        named or int(changes),
        changes,
    )


_RATE_COLUMN = re.compile(r"\((?:%|tỷ lệ %)\)|^Tỷ lệ|%$|^%", re.I)
_LEVEL = re.compile(r"\b(?:cao|thap|cham|nhanh|tot|kem) nhat\b")
# "chậm nhất so với kế hoạch năm", "vượt kế hoạch nhiều nhất": how far along the plan, a
# rate whatever the amounts
_AGAINST_PLAN = re.compile(r"\b(?:so voi|vuot) (?:ke hoach|du toan|chi tieu|muc tieu|kh)\b")


def _by_rate(query: Query, rows: list[tables.Row]) -> bool:
    """ "Chủ đầu tư nào giải ngân thấp nhất?" over a table of amounts in đồng and their rate
    ("Tỷ lệ (%)"): units of every size are ranked by the rate, unless money is asked; and
    set against the plan ("so với kế hoạch", "% dự toán"), they are ranked by the rate."""
    plain = " ".join(vn.syllables(query.folded))
    headers = {c.header for r in rows for c in r.cells}
    if kinds(query.folded).money or not any(_RATE_COLUMN.search(h) for h in headers):
        return False
    if _AGAINST_PLAN.search(plain):
        return True
    return _LEVEL.search(plain) is not None and any("đồng" in h for h in headers)


_ROMAN = re.compile(r"^[IVX]+\.?$")
_ARABIC = re.compile(r"^\d+\.?$")


def numbers_rows(rows: Iterable[tables.Row]) -> bool:
    """Whether a table numbers its rows "1", "2" (its groups, if any, "I", "II")."""
    return any(_ARABIC.match(_ordinal(r)) for r in rows)


def _group_rows(rows: list[tables.Row], numbered: bool) -> set[int]:
    """The rows numbered "I", "II" of a table whose other rows are numbered "1", "2"
    (`numbered`): the groups that sum those rows up (ids)."""
    return {id(r) for r in rows if _ROMAN.match(_ordinal(r))} if numbered else set()


def _parents(rows: list[tables.Row]) -> set[str]:
    """The rows "2.4" above rows "2.4.1", "2.4.2" (their numbers): a parent indicator may
    be an item itself ("Tỷ lệ hồ sơ trực tuyến một phần" among the rates), or the group the
    question names."""
    return {o.rsplit(".", 1)[0] for r in rows if _DOTTED.match(o := _ordinal(r).rstrip("."))}


_DOTTED = re.compile(r"^\d+(?:\.\d+)+$")  # "2.4.1": a row under "2.4"
_INITIALS = re.compile(r"\b[A-ZĐ]{2,}\b")


def _within_group_named(query: Query, rows: list[tables.Row]) -> list[tables.Row]:
    """ "Trong nhóm ĐVSN tự bảo đảm một phần chi thường xuyên, mức nào nhiều nhất": the rows
    under the group row the question names with all its words ("2.4.1.", "2.4.2." under
    "2.4."), the group the question's words name most fully; all rows when it names none."""
    asked = set(vn.terms(query.folded))
    parents = _parents(rows)
    best: tuple[int, str] = (0, "")
    for r in rows:
        # its words but "Số" and the initials a question spells out ("ĐVSN")
        label = _INITIALS.sub(" ", r.label or "")
        words = set(vn.terms(label)) - {"so", "tong"}
        if (o := _ordinal(r).rstrip(".")) in parents and len(words) >= 3 and words <= asked:
            best = max(best, (len(words), o))
    if not best[1]:
        return rows
    return [
        r for r in rows if _ordinal(r).startswith(f"{best[1]}.") and _ordinal(r) != f"{best[1]}."
    ]


def _ordinal(row: tables.Row) -> str:
    return next((c.value.strip() for c in row.cells if c.header.upper() in _ORDINAL_COLUMNS), "")

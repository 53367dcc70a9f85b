"""Word .docx reports → Blocks → Report.

python-docx opens the package; the body is walked as XML so that paragraphs, tables, text
boxes, footnote references and legacy-font runs come out in document order. Real Word
footnotes (word/footnotes.xml) become footnote blocks, and each reference becomes a
superscript-digit marker in the paragraph text, numbered as Word displays them.
Everything about the report's structure is left to `build_report`.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from index import legacy, ooxml_guard, vn
from index.errors import CorruptFileError, NotAReportError
from index.model import Report
from index.parse_text import bound_blocks
from index.structure import Block, build_report, clean

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

TABLE_MAX_ROWS = 25  # rows per table block; longer tables are split, header names repeated
TABLE_MAX_CHARS = 1500  # about what one chunk holds (index.chunk splits prose above 1400)


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ns(el: etree._Element) -> str:
    tag = el.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def superscript(number: int) -> str:
    return "".join(vn.SUPERSCRIPT_DIGITS[int(d)] for d in str(number))


# ------------------------------------------------------------------ tables (shared with PDF)
class _Span:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return self.name


HSPAN = _Span("HSPAN")  # covered by the cell to the left (gridSpan / colspan)
VSPAN = _Span("VSPAN")  # covered by the cell above (vMerge / rowspan)
GridCell = str | _Span
_NUMERIC_RE = re.compile(r"^[\s\d.,%/()+\-–−x×]*\d[\s\d.,%/()+\-–−x×]*$")
_COLNUM_RE = re.compile(r"^\(?\d{1,2}\)?$|^\(?[A-Z]\)?$")


def _cell_text(c: GridCell | None) -> str:
    return clean(c) if isinstance(c, str) else ""


def header_row_count(grid: list[list[GridCell]], marked: int = 0) -> int:
    """How many leading rows are column headers: the rows Word marks as repeating
    headers, else a first row that reads like one plus the rows under its merged cells."""
    if marked:
        return min(marked, len(grid))
    if len(grid) < 2:
        return 0
    first = [_cell_text(c) for c in grid[0]]
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
        vals = [_cell_text(c) for c in row if _cell_text(c)]
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
    grid = [row for row in grid if any(_cell_text(c) for c in row)]
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
            text = above[c] if cell is VSPAN else _cell_text(cell)
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


# ------------------------------------------------------------------------ styles, numbering
@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    font: str | None = None
    vert_align: str | None = None
    outline: int | None = None
    num_id: str | None = None
    num_ilvl: str | None = None


def _rfonts_name(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    rf = rpr.find(w("rFonts"))
    if rf is None:
        return None
    return rf.get(w("ascii")) or rf.get(w("hAnsi"))


class _Styles:
    def __init__(self, root: etree._Element | None):
        self.by_id: dict[str, _Style] = {}
        self.default_font: str | None = None
        self.default_para: str | None = None
        if root is None:
            return
        dd = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_font = _rfonts_name(dd)
        for s in root.findall(w("style")):
            sid = s.get(w("styleId"))
            if not sid:
                continue
            st = _Style(name=_val(s.find(w("name"))) or sid, based_on=_val(s.find(w("basedOn"))))
            rpr = s.find(w("rPr"))
            st.font = _rfonts_name(rpr)
            if rpr is not None:
                st.vert_align = _val(rpr.find(w("vertAlign")))
            ppr = s.find(w("pPr"))
            if ppr is not None:
                ol = _val(ppr.find(w("outlineLvl")))
                st.outline = int(ol) if ol and ol.isdigit() else None
                numpr = ppr.find(w("numPr"))
                if numpr is not None:
                    st.num_id = _val(numpr.find(w("numId")))
                    st.num_ilvl = _val(numpr.find(w("ilvl")))
            self.by_id[sid] = st
            if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true"):
                self.default_para = sid

    def _chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = st.based_on

    def font(self, sid: str | None) -> str | None:
        return next((s.font for s in self._chain(sid) if s.font), None)

    def vert_align(self, sid: str | None) -> str | None:
        return next((s.vert_align for s in self._chain(sid) if s.vert_align), None)

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        for s in self._chain(sid):
            if s.num_id:
                return s.num_id, s.num_ilvl
        return None, None

    def heading_level(self, sid: str | None) -> int | None:
        for s in self._chain(sid):
            m = re.fullmatch(r"(?i)heading\s*(\d)", s.name.strip())
            if m:
                return int(m.group(1))
            if s.name.strip().lower() == "title":
                return 1
            if s.outline is not None and s.outline < 9:
                return s.outline + 1
        return None


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for v, s in _ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # w:isLgl: every level's number in decimal ("1.2", not "I.2")


class _Numbering:
    """Word auto-numbering (w:numPr), enough to give "I.", "1.", "1.2.", "a)", "-" labels
    so numbered headings and list items read as they print."""

    def __init__(self, root: etree._Element | None):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for a in root.findall(w("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in a.findall(w("lvl")):
                ilvl = int(lvl.get(w("ilvl"), "0"))
                start = _val(lvl.find(w("start")))
                levels[ilvl] = _Level(
                    fmt=_val(lvl.find(w("numFmt"))) or "decimal",
                    text=_val(lvl.find(w("lvlText"))) or "",
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                    legal=lvl.find(w("isLgl")) is not None,
                )
            self.abstract[a.get(w("abstractNumId"), "")] = levels
        for n in root.findall(w("num")):
            overrides: dict[int, int] = {}
            for o in n.findall(w("lvlOverride")):
                so = _val(o.find(w("startOverride")))
                if so and so.isdigit():
                    overrides[int(o.get(w("ilvl"), "0"))] = int(so)
            self.nums[n.get(w("numId"), "")] = (_val(n.find(w("abstractNumId"))) or "", overrides)

    def label(self, num_id: str | None, ilvl: str | None) -> str:
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abs_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abs_id, {})
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        lv = levels.get(level)
        if lv is None:
            return ""
        counters = self.counters.setdefault(abs_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for k, v in overrides.items():
                counters[k] = v - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if lv.fmt == "bullet":
            return "-"
        is_legal = lv.legal
        if lv.fmt == "none":
            return clean(re.sub(r"%\d", "", lv.text))

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            klv = levels.get(k, _Level())
            value = counters.get(k, klv.start)
            return _format_number(value, "decimal" if is_legal else klv.fmt)

        return re.sub(r"%(\d)", sub, lv.text).strip()


# ------------------------------------------------------------------------------- the reader
_HEADER_RE = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do|^\s*Số\s*:|"
    r"ngày\s+[\d.…_ ]*tháng\s+[\d.…_ ]*năm\s+\d{4}",
    re.I | re.M,
)
_CLOSING_RE = re.compile(
    r"Nơi nhận|^\s*(?:TM\.|KT\.|TL\.|Q\.)\s|^\s*(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\b",
    re.M,
)
_SENTENCE_END = re.compile(r"[.!?…]\s")
_CAPTION_LABEL_RE = re.compile(
    r"^(?:Biểu mẫu|Biểu|Bảng|Phụ lục|Mẫu|Mẫu số|Bảng số)\s*(?:số\s*)?[\w.\-]{0,8}\s*[.:]?$",
    re.I,
)


@dataclass
class _Reader:
    styles: _Styles
    numbering: _Numbering
    note_numbers: dict[tuple[str, str], int]
    recent: list[str] = field(default_factory=list)  # texts since the last table
    deferred: list[Block] = field(default_factory=list)
    last_context: str = ""  # caption of the previous table, for a table continuing it
    legacy_runs: int = 0

    # -- inline text -------------------------------------------------------------------
    def para_text(self, p: etree._Element) -> str:
        ppr = p.find(w("pPr"))
        pstyle = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        pstyle = pstyle or self.styles.default_para
        out: list[str] = []
        self._inline(p, out, pstyle)
        return "".join(out)

    def _inline(self, el: etree._Element, out: list[str], pstyle: str | None) -> None:
        for child in el:
            ns, tag = _ns(child), _local(child)
            if ns == W_NS:
                if tag == "r":
                    self._run(child, out, pstyle)
                elif tag in (
                    "hyperlink",
                    "smartTag",
                    "ins",
                    "moveTo",
                    "fldSimple",
                    "customXml",
                    "bdo",
                    "dir",
                ):
                    self._inline(child, out, pstyle)
                elif tag == "sdt":
                    content = child.find(w("sdtContent"))
                    if content is not None:
                        self._inline(content, out, pstyle)
            elif ns == MC_NS and tag == "AlternateContent":
                choice = next(iter(child), None)
                if choice is not None:
                    self._inline(choice, out, pstyle)
            elif ns == M_NS and tag in ("oMath", "oMathPara"):
                out.append("".join(t.text or "" for t in child.iter(f"{{{M_NS}}}t")))

    def _run(self, r: etree._Element, out: list[str], pstyle: str | None) -> None:
        rpr = r.find(w("rPr"))
        rstyle = _val(rpr.find(w("rStyle"))) if rpr is not None else None
        font = (
            _rfonts_name(rpr)
            or self.styles.font(rstyle)
            or self.styles.font(pstyle)
            or self.styles.default_font
        )
        enc = legacy.encoding_for_font(font)
        caps = legacy.font_is_capitals(font)
        if (
            rpr is not None
            and rpr.find(w("vanish")) is not None
            and (_val(rpr.find(w("vanish"))) not in ("0", "false"))
        ):
            return  # hidden text is not part of the printed report
        va = _val(rpr.find(w("vertAlign"))) if rpr is not None else None
        va = va or self.styles.vert_align(rstyle)
        buf: list[str] = []

        def flush() -> None:
            if not buf:
                return
            text = "".join(buf)
            buf.clear()
            if enc:
                text = legacy.to_unicode(text, enc)
                self.legacy_runs += 1
                if caps:
                    text = text.upper()
            if va == "superscript" and text.strip().isdigit():
                text = "".join(vn.SUPERSCRIPT_DIGITS[int(d)] for d in text.strip())
            out.append(text)

        for c in r:
            if _ns(c) != W_NS:
                continue
            tag = _local(c)
            if tag == "t":
                buf.append(c.text or "")
            elif tag in ("tab", "ptab", "br", "cr"):
                buf.append(" ")
            elif tag == "noBreakHyphen":
                buf.append("-")
            elif tag in ("footnoteReference", "endnoteReference"):
                flush()
                kind = "footnote" if tag == "footnoteReference" else "endnote"
                number = self.note_numbers.get((kind, c.get(w("id"), "")))
                if number is not None:
                    joined = "".join(out)
                    if joined and joined[-1] in vn.SUPERSCRIPT_DIGITS:
                        out.append(",")
                    out.append(superscript(number))
        flush()

    # -- blocks ------------------------------------------------------------------------
    def body(self, container: etree._Element) -> Iterator[Block]:
        for child in container:
            if _ns(child) != W_NS:
                continue
            tag = _local(child)
            if tag == "p":
                yield from self.paragraph(child)
            elif tag == "tbl":
                yield from self.table(child)
            elif tag in ("sdt",):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self.body(content)
            elif tag in ("customXml", "ins", "moveTo"):
                yield from self.body(child)

    def textboxes(self, p: etree._Element) -> Iterator[etree._Element]:
        for tb in p.iter(w("txbxContent")):
            anc = tb.getparent()
            nested = False
            while anc is not None and anc is not p:
                if (_ns(anc) == MC_NS and _local(anc) == "Fallback") or anc.tag == w("txbxContent"):
                    nested = True
                    break
                anc = anc.getparent()
            if not nested:
                yield tb

    def paragraph(self, p: etree._Element) -> Iterator[Block]:
        for tb in self.textboxes(p):
            yield from self.body(tb)
        text = self.para_text(p)
        ppr = p.find(w("pPr"))
        pstyle = (_val(ppr.find(w("pStyle"))) if ppr is not None else None) or (
            self.styles.default_para
        )
        num_id = ilvl = None
        if ppr is not None and ppr.find(w("numPr")) is not None:
            numpr = ppr.find(w("numPr"))
            num_id = _val(numpr.find(w("numId")))
            ilvl = _val(numpr.find(w("ilvl")))
        if num_id is None:
            num_id, sty_ilvl = self.styles.numbering(pstyle)
            ilvl = ilvl or sty_ilvl
        if num_id and clean(text):
            label = self.numbering.label(num_id, ilvl)
            if label:
                text = f"{label} {text.lstrip()}"
        level = self.styles.heading_level(pstyle)
        if ppr is not None:
            ol = _val(ppr.find(w("outlineLvl")))
            if ol and ol.isdigit() and int(ol) < 9:
                level = int(ol) + 1
        enc = legacy.detect_legacy(text)
        if enc:  # TCVN3/VNI text in a font whose name does not say so (pasted text)
            text = legacy.to_unicode(text, enc)
            self.legacy_runs += 1
        if clean(text):
            self.recent.append(clean(text))
            del self.recent[:-4]
        yield Block(text=text, level=level)

    # -- tables ------------------------------------------------------------------------
    def _rows(self, tbl: etree._Element) -> Iterator[etree._Element]:
        for child in tbl:
            if child.tag == w("tr"):
                yield child
            elif child.tag in (w("sdt"), w("customXml")):
                inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr: etree._Element) -> Iterator[etree._Element]:
        for child in tr:
            if child.tag == w("tc"):
                yield child
            elif child.tag in (w("sdt"), w("customXml")):
                inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if inner is not None:
                    yield from self._cells(inner)

    def cell_text(self, tc: etree._Element) -> str:
        saved = list(self.recent)
        parts = [b.text for b in self.body(tc)]
        self.recent = saved
        return " ".join(clean(t) for t in parts if clean(t))

    def grid(self, tbl: etree._Element) -> tuple[list[list[GridCell]], int]:
        grid: list[list[GridCell]] = []
        marked = 0
        counting_marked = True
        for tr in self._rows(tbl):
            trpr = tr.find(w("trPr"))
            row: list[GridCell] = []
            if trpr is not None:
                before = _val(trpr.find(w("gridBefore")))
                if before and before.isdigit():
                    row.extend([""] * int(before))
            is_header = (
                trpr is not None
                and trpr.find(w("tblHeader")) is not None
                and (_val(trpr.find(w("tblHeader"))) not in ("0", "false"))
            )
            if counting_marked and is_header:
                marked += 1
            else:
                counting_marked = False
            for tc in self._cells(tr):
                tcpr = tc.find(w("tcPr"))
                span = _val(tcpr.find(w("gridSpan"))) if tcpr is not None else None
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                if vmerge is not None and _val(vmerge) in (None, "continue"):
                    row.append(VSPAN)
                else:
                    row.append(self.cell_text(tc))
                if span and span.isdigit() and int(span) > 1:
                    row.extend([HSPAN] * (int(span) - 1))
            grid.append(row)
        return grid, marked

    def _context(self) -> str:
        """Caption for a table: the short paragraphs just before it (e.g. "Biểu mẫu 1",
        "Công tác chỉ đạo điều hành CCHC"), or the end of a lead-in sentence ending ':'."""
        picked: list[str] = []
        for text in reversed(self.recent):
            if picked and not _CAPTION_LABEL_RE.match(text):
                break  # only a label such as "Biểu mẫu 1" joins the caption line
            if len(text) <= 200:
                picked.insert(0, text)
                if len(picked) == 2:
                    break
                continue
            if not picked and text.endswith(":"):
                cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
                tail = text[max(cuts, default=0) :].strip()
                picked.insert(0, tail if len(tail) <= 300 else "…" + tail[-300:])
            break
        return " – ".join(picked)

    def table(self, tbl: etree._Element) -> Iterator[Block]:
        grid, marked = self.grid(tbl)
        texts = [_cell_text(c) for row in grid for c in row]
        joined = "\n".join(t for t in texts if t)
        if not joined:
            return
        nrows = len(grid)
        ncols = max((len(r) for r in grid), default=0)
        layout = ncols <= 1 or (
            nrows <= 4 and ncols <= 3 and (_HEADER_RE.search(joined) or _CLOSING_RE.search(joined))
        )
        if layout:
            # Header (issuer | national motto, number | place-date), signature and boxed
            # text: the cells' paragraphs as ordinary blocks, row by row, left to right.
            closing = bool(_CLOSING_RE.search(joined)) and not _HEADER_RE.search(joined)
            blocks: list[Block] = []
            for tr in self._rows(tbl):
                for tc in self._cells(tr):
                    tcpr = tc.find(w("tcPr"))
                    vm = tcpr.find(w("vMerge")) if tcpr is not None else None
                    if vm is not None and _val(vm) in (None, "continue"):
                        continue
                    blocks.extend(self.body(tc))
            if closing:
                self.deferred.extend(blocks)
            else:
                yield from blocks
            return
        context = self._context()
        if not context and self.last_context:
            context = f"{self.last_context} (tiếp theo)"
        self.last_context = context.removesuffix(" (tiếp theo)")
        self.recent = []
        yield from table_blocks(grid, context=context, marked_header_rows=marked)


# ------------------------------------------------------------------------------ entry point
def _ole_is_encrypted(data: bytes) -> bool:
    return "EncryptionInfo".encode("utf-16-le") in data[:2_000_000]


def _open(path: Path, data: bytes, max_bytes: int):  # -> docx.Document
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    head = data[:1024].lstrip()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        low = head.lower()
        if low.startswith(b"{\\rtf"):
            raise CorruptFileError(
                path,
                "tệp có đuôi .docx nhưng thực chất là định dạng RTF. Hãy mở bằng Word/LibreOffice "
                "và lưu lại dưới dạng Word (.docx) rồi nạp lại.",
            )
        if low.startswith((b"<!doctype html", b"<html", b"<?xml", b"<")):
            raise NotAReportError(
                path,
                "tệp có đuôi .docx nhưng thực chất là trang HTML/XML (thường do tải về từ "
                "cổng thông tin bị lỗi). Hãy tải lại văn bản gốc hoặc lưu lại dạng .docx.",
            )
        raise CorruptFileError(
            path,
            "tệp .docx bị hỏng hoặc bị cắt cụt (không phải tệp nén ZIP hợp lệ). Hãy mở tệp "
            "bằng Microsoft Word hoặc LibreOffice, lưu lại dưới dạng .docx rồi nạp lại; nếu tệp "
            "tải về từ thư điện tử hay cổng thông tin, hãy tải lại.",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "[Content_Types].xml" not in names:
                raise CorruptFileError(
                    path,
                    "tệp nén không phải văn bản Word (thiếu [Content_Types].xml). Hãy kiểm tra "
                    "lại tệp, mở bằng Word và lưu lại dạng .docx.",
                )
            if not any(n.startswith("word/") for n in names):
                raise NotAReportError(
                    path,
                    "tệp không phải văn bản Word (có thể là Excel/PowerPoint hoặc tệp nén khác "
                    "bị đổi đuôi). Hãy nạp đúng tệp báo cáo .docx.",
                )
            # Sizes, damage and DOCTYPE/ENTITY declarations, before python-docx reads a part.
            ooxml_guard.check_package(path, zf, max_bytes)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
        raise CorruptFileError(
            path,
            f"tệp .docx bị hỏng hoặc bị cắt cụt ({e}). Hãy mở bằng Word/LibreOffice, lưu lại "
            "dưới dạng .docx rồi nạp lại, hoặc tải lại tệp gốc.",
        ) from e
    try:
        return docx.Document(io.BytesIO(data))
    except KeyError as e:
        raise CorruptFileError(
            path,
            "tệp .docx thiếu phần nội dung chính (word/document.xml) — tệp bị hỏng hoặc được "
            "tạo dở dang. Hãy mở bằng Word/LibreOffice, lưu lại dưới dạng .docx rồi nạp lại.",
        ) from e
    except ValueError as e:
        raise NotAReportError(
            path,
            f"tệp không phải văn bản Word ({e}). Có thể là tệp Excel/PowerPoint hoặc mẫu "
            "(.dotx) bị đổi đuôi; hãy lưu văn bản dưới dạng .docx rồi nạp lại.",
        ) from e
    except (PackageNotFoundError, etree.XMLSyntaxError, zipfile.BadZipFile) as e:
        raise CorruptFileError(
            path,
            f"tệp .docx bị hỏng, không đọc được nội dung ({type(e).__name__}). Hãy mở bằng "
            "Word/LibreOffice, lưu lại dưới dạng .docx rồi nạp lại.",
        ) from e


def _related_xml(path: Path, doc, reltype: str) -> etree._Element | None:
    for rel in doc.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            try:
                return ooxml_guard.safe_xml(path, str(part.partname), part.blob)
            except etree.XMLSyntaxError:
                return None
    return None


def _note_bodies(root: etree._Element | None, kind: str) -> dict[str, etree._Element]:
    if root is None:
        return {}
    notes = {}
    for n in root.findall(w(kind)):
        if n.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[n.get(w("id"), "")] = n
    return notes


def _number_notes(
    body: etree._Element, footnotes: Iterable[str], endnotes: Iterable[str]
) -> dict[tuple[str, str], int]:
    """Footnotes 1..n in order of first reference, as Word numbers them; endnotes after."""
    fset, eset = set(footnotes), set(endnotes)
    numbers: dict[tuple[str, str], int] = {}
    order_e: list[str] = []
    n = 0
    for el in body.iter(w("footnoteReference"), w("endnoteReference")):
        nid = el.get(w("id"), "")
        if el.tag == w("footnoteReference"):
            if nid in fset and ("footnote", nid) not in numbers:
                n += 1
                numbers[("footnote", nid)] = n
        elif nid in eset and nid not in order_e:
            order_e.append(nid)
    for nid in order_e:
        n += 1
        numbers[("endnote", nid)] = n
    return numbers


def parse_docx(path: Path, data: bytes, max_bytes: int = ooxml_guard.DEFAULT_MAX_BYTES) -> Report:
    """`max_bytes` bounds what the package unpacks to, as it bounds the file's size."""
    if data[:8] == OLE_MAGIC:
        if _ole_is_encrypted(data):
            raise CorruptFileError(
                path,
                "tệp Word được đặt mật khẩu (mã hóa), không đọc được nội dung. Hãy mở bằng Word, "
                "gỡ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi lưu lại và nạp lại.",
            )
        from index.parse_doc import parse_doc  # a Word 97-2003 file named .docx

        return parse_doc(path, data, max_bytes)
    doc = _open(path, data, max_bytes)
    body = doc.element.body
    styles = _Styles(doc.styles.element)
    numbering = _Numbering(_related_xml(path, doc, RT_NUMBERING))
    foot_root = _related_xml(path, doc, RT_FOOTNOTES)
    end_root = _related_xml(path, doc, RT_ENDNOTES)
    footnotes = _note_bodies(foot_root, "footnote")
    endnotes = _note_bodies(end_root, "endnote")
    numbers = _number_notes(body, footnotes, endnotes)
    reader = _Reader(styles=styles, numbering=numbering, note_numbers=numbers)
    blocks = list(reader.body(body))
    blocks.extend(reader.deferred)
    for (kind, nid), number in sorted(numbers.items(), key=lambda kv: kv[1]):
        note = (footnotes if kind == "footnote" else endnotes).get(nid)
        if note is None:
            continue
        saved = list(reader.recent)
        parts = [clean(b.text) for b in reader.body(note)]
        reader.recent = saved
        text = " ".join(p for p in parts if p)
        if text:
            blocks.append(Block(text=text, kind="footnote", footnote=number))
    report = build_report(path.name, bound_blocks(blocks))
    if reader.legacy_runs:
        report = dataclasses.replace(
            report,
            warnings=(
                *report.warnings,
                "văn bản gõ bằng phông chữ mã cũ (TCVN3/ABC hoặc VNI); nội dung đã được chuyển "
                "sang "
                "Unicode — nên kiểm tra lại các chữ hoa có dấu",
            ),
        )
    return report

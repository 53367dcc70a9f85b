"""PDF reports → Blocks → Report.

pdfplumber (pdfminer) gives every word with its position and font size, which is what
this reader needs: ruled tables are rebuilt cell by cell (its table finder), lines are
grouped into paragraphs by indentation and spacing, running headers/footers and page
numbers are dropped, footnotes are told apart at the bottom of a page by their smaller
type, and small raised digits in the body become superscript markers for `build_report`.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from index import legacy, vn
from index.errors import CorruptFileError, MissingToolError, NeedsOcrError, NotAReportError
from index.model import Report
from index.parse_docx import HSPAN, VSPAN, GridCell, table_blocks
from index.structure import Block, build_report, clean

COLUMN_GAP = 40.0  # points of empty space that separate two columns on one line
INDENT = 8.0  # a first line starting this far right of the margin opens a paragraph
EDGE = 0.09  # top/bottom fraction of the page where running headers/footers live
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–—]\s*)?(?:trang\s+|page\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I
)
_MARKER_WORD_RE = re.compile(r"^\d{1,3}(?:,\d{1,3})*$")
_DOC_TYPE_RE = re.compile(
    r"^(?:BÁO CÁO|BÁO CÁO TÓM TẮT|TỜ TRÌNH|KẾ HOẠCH|THÔNG BÁO|QUYẾT ĐỊNH|CHƯƠNG TRÌNH)$"
)
_NATIONAL_WRAP_RE = re.compile(r"CỘNG HO?[ÀÒ]A XÃ HỘI CHỦ NGHĨA$|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA$")
_BULLET_START_RE = re.compile(r"^(?:[-+•–*]\s|[a-zđ]\)\s|[IVX]{1,5}\.\s|\d{1,2}(?:\.\d{1,2})*\.\s)")


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    sup: bool = False


@dataclass
class _Line:
    words: list[_Word]
    page: int
    split: bool = False  # one of several column segments of a physical line
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    marker: int | None = None  # leading footnote number (superscript or small digits)

    def finish(self) -> _Line:
        ws = self.words
        self.x0 = min(w.x0 for w in ws)
        self.x1 = max(w.x1 for w in ws)
        normal = [w for w in ws if not w.sup] or ws
        self.top = min(w.top for w in normal)
        self.bottom = max(w.bottom for w in normal)
        sizes: Counter[float] = Counter()
        for w in normal:
            sizes[round(w.size, 1)] += len(w.text)
        self.size = sizes.most_common(1)[0][0]
        parts: list[str] = []
        prev: _Word | None = None
        for w in ws:
            touching = prev is not None and w.x0 - prev.x1 < 0.6 and not w.sup
            prev = w
            if touching and parts and w.text[:1] in ",.;:!?)]”%":
                parts[-1] += w.text
                continue
            if w.sup:
                sup = "".join(vn.SUPERSCRIPT_DIGITS[int(c)] if c.isdigit() else c for c in w.text)
                if parts and parts[-1] and parts[-1][-1] in vn.SUPERSCRIPT_DIGITS:
                    parts[-1] += "," + sup
                elif parts:
                    parts[-1] += sup
                else:
                    parts.append(sup)
            else:
                parts.append(w.text)
        self.text = " ".join(parts)
        first = ws[0]
        if first.sup and first.text.isdigit():
            self.marker = int(first.text)
        return self


@dataclass
class _Table:
    grid: list[list[GridCell]]
    page: int
    top: float
    bottom: float
    ncols: int


@dataclass
class _Page:
    number: int
    height: float
    width: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    footnotes: list[_Line] = field(default_factory=list)
    chars: int = 0


# ------------------------------------------------------------------------------ opening
def _check_signature(path: Path, data: bytes) -> None:
    head = data[:1024]
    if b"%PDF-" in head:
        return
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<")) or (
        b"<html" in low
    ):
        raise NotAReportError(
            path,
            "tệp có đuôi .pdf nhưng thực chất là trang web (HTML), thường do tải về từ cổng "
            "thông tin bị lỗi hoặc cần đăng nhập. Hãy tải lại đúng tệp PDF của báo cáo.",
        )
    if data[:4] == b"PK\x03\x04":
        raise CorruptFileError(
            path,
            "tệp có đuôi .pdf nhưng thực chất là tệp nén (ZIP/Word .docx). Hãy đổi lại đúng "
            "đuôi tệp hoặc xuất báo cáo ra PDF rồi nạp lại.",
        )
    raise CorruptFileError(
        path,
        "tệp không phải PDF hợp lệ (thiếu phần đầu '%PDF'), có thể bị hỏng hoặc bị đổi đuôi. "
        "Hãy tải lại hoặc xuất lại báo cáo ra PDF.",
    )


def _password_error(path: Path) -> CorruptFileError:
    return CorruptFileError(
        path,
        "tệp PDF được bảo vệ bằng mật khẩu (password-protected), không đọc được nội dung. "
        "Hãy mở bằng mật khẩu và lưu (in) ra bản PDF không mật khẩu rồi nạp lại.",
    )


def _check_encryption(path: Path, data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except PdfReadError:
        return  # pdfplumber gets its own chance; it reports the damage if it fails too
    except Exception:
        return
    if not encrypted:
        return
    try:
        ok = reader.decrypt("")
    except Exception as e:  # unsupported algorithm, missing crypto provider
        raise _password_error(path) from e
    if not ok:
        raise _password_error(path)


def _open(path: Path, data: bytes):
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError as e:
        raise MissingToolError(
            path,
            "đọc PDF cần thư viện pdfplumber nhưng chưa được cài. Hãy cài: "
            "pip install 'pdfplumber>=0.11' rồi nạp lại.",
        ) from e

    # A damaged file makes pdfminer log a warning per bad operator; the user gets one
    # clear message (or the text) instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password="")
        _ = pdf.pages  # forces the page tree to be read
        return pdf
    except PDFPasswordIncorrect as e:
        raise _password_error(path) from e
    except Exception as e:  # pdfminer raises many kinds on damaged files
        if "password" in str(e).lower() or "encrypt" in type(e).__name__.lower():
            raise _password_error(path) from e
        raise CorruptFileError(
            path,
            f"tệp PDF bị hỏng, không đọc được ({type(e).__name__}). Hãy tải lại hoặc mở bằng "
            "trình đọc PDF rồi in/xuất lại ra PDF mới.",
        ) from e


# ------------------------------------------------------------------------------ pages
def _grid(table) -> list[list[GridCell]]:
    """pdfplumber's table as a grid; cells covered by a merged cell are told apart into
    HSPAN (merged from the left) and VSPAN (merged from above) by the covering cell."""
    rows = table.extract()
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


def _words(page, tables: list) -> list[_Word]:
    boxes = [t.bbox for t in tables]
    words = []
    for w in page.extract_words(extra_attrs=["size"], keep_blank_chars=False, x_tolerance=1.5):
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
            continue
        words.append(_Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"])))
    return words


def _lines(words: list[_Word], page_no: int, page_width: float = 595.0) -> list[_Line]:
    """Words → lines by vertical overlap; small raised digits join the line they sit on
    and are marked as superscripts; a line is cut into segments at wide gaps (columns)."""
    rows: list[list[_Word]] = []
    bounds: list[tuple[float, float]] = []
    physical: list[list[_Line]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        best, best_ov = -1, 0.0
        for k in range(max(0, len(rows) - 4), len(rows)):
            top, bottom = bounds[k]
            ov = min(bottom, w.bottom) - max(top, w.top)
            h = min(bottom - top, w.bottom - w.top) or 1.0
            if ov / h > best_ov:
                best, best_ov = k, ov / h
        if best >= 0 and best_ov >= 0.5:
            rows[best].append(w)
            top, bottom = bounds[best]
            if w.size >= max(x.size for x in rows[best]) * 0.85:
                bounds[best] = (min(top, w.top), max(bottom, w.bottom))
        else:
            rows.append([w])
            bounds.append((w.top, w.bottom))
    for ws in rows:
        ws.sort(key=lambda w: w.x0)
        main = max(w.size for w in ws)
        base = max(w.bottom for w in ws if w.size >= main * 0.85)
        for w in ws:
            w.sup = (
                w.size <= main * 0.8
                and w.bottom < base - 1.0
                and bool(_MARKER_WORD_RE.match(w.text))
            )
        segments: list[list[_Word]] = [[ws[0]]]
        for prev, w in pairwise(ws):
            if w.x0 - prev.x1 > COLUMN_GAP and not w.sup:
                segments.append([w])
            else:
                segments[-1].append(w)
        physical.append([_Line(seg, page_no, split=len(segments) > 1).finish() for seg in segments])
    physical.sort(key=lambda segs: (min(s.top for s in segs), segs[0].x0))
    return _columns_first(physical, page_width)


def _columns_first(rows: list[list[_Line]], page_width: float) -> list[_Line]:
    """Two-column stretches (issuer | national motto, number | place-date at the top,
    "Nơi nhận" | signature at the end) are read column by column, left first. Every line
    of such a stretch stands alone, except that a line starting in lower case continues
    the one above it in its column ("…, ngày 14 tháng 11" / "năm 2025")."""
    out: list[_Line] = []
    mid = page_width / 2
    i = 0
    while i < len(rows):
        segs = rows[i]
        if len(segs) >= 2:
            split_x = (segs[0].x1 + segs[1].x0) / 2
        elif i + 1 < len(rows) and _two_sided(segs, rows[i + 1], mid):
            split_x = mid  # the columns' lines do not share baselines
        else:
            out.extend(segs)
            i += 1
            continue
        region = [segs]
        j = i + 1
        while j < len(rows):
            r = rows[j]
            above = region[-1]
            gap = min(s.top for s in r) - max(s.bottom for s in above)
            height = max(s.bottom - s.top for s in above)
            one_side = len(r) == 1 and (r[0].x1 < split_x or r[0].x0 > split_x)
            centred = len(r) == 1 and (
                abs((r[0].x0 + r[0].x1) / 2 - page_width / 2) < 25
                or _DOC_TYPE_RE.match(r[0].text)  # "BÁO CÁO" opens the body, wherever set
            )
            if len(r) >= 2 or (one_side and not centred and gap <= 2.5 * height):
                region.append(r)
                j += 1
            else:
                break
        if max(len(r) for r in region) >= 3 or len(region) > 12:
            # Not a header/signature block but a table drawn without rules: keep the rows
            # in order, one line per row with its cells separated by " | ".
            for r in region:
                row = _Line([w for s in r for w in s.words], r[0].page, split=True).finish()
                row.text = " | ".join(s.text for s in r)
                out.append(row)
            i = j
            continue
        columns: tuple[list[_Line], list[_Line]] = ([], [])
        for r in region:
            for seg in r:
                seg.split = True
                col = columns[0] if (seg.x0 + seg.x1) / 2 < split_x else columns[1]
                continues = seg.text[:1].islower() or _NATIONAL_WRAP_RE.search(
                    col[-1].text if col else ""
                )
                if col and continues and seg.top - col[-1].bottom < seg.size:
                    col[-1] = _merge(col[-1], seg)
                else:
                    col.append(seg)
        out.extend(columns[0] + columns[1])
        i = j
    return out


def _two_sided(a: list[_Line], b: list[_Line], mid: float) -> bool:
    """Two consecutive single lines, one wholly left of the middle and one wholly right,
    close together: the start of a two-column stretch whose baselines differ."""
    if len(a) != 1 or len(b) != 1:
        return False
    x, y = a[0], b[0]
    sides = {("L" if s.x1 < mid else "R" if s.x0 > mid else "B") for s in (x, y)}
    return sides == {"L", "R"} and y.top - x.bottom <= 2.5 * (x.bottom - x.top)


def _merge(a: _Line, b: _Line) -> _Line:
    line = _Line(a.words + b.words, a.page, split=True).finish()
    line.text = _join(a.text, b.text)
    line.top, line.bottom = a.top, b.bottom
    return line


def _has_duplicate_chars(chars: list[dict]) -> bool:
    seen: set[tuple[str, int, int]] = set()
    dups = 0
    for c in chars:
        key = (c["text"], round(c["x0"]), round(c["top"]))
        if key in seen:
            dups += 1
        seen.add(key)
    return dups > max(3, len(chars) // 200)


def _read_page(page, number: int) -> _Page:
    if _has_duplicate_chars(page.chars):
        page = page.dedupe_chars(tolerance=1)  # fake bold: each glyph drawn twice
    out = _Page(number=number, height=float(page.height), width=float(page.width))
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
    out.lines = _lines(_words(page, kept), number, out.width)
    return out


# ------------------------------------------------------------------ headers, footnotes
def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _drop_running(pages: list[_Page]) -> None:
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


def _at_edge(line: _Line, page: _Page) -> bool:
    return line.bottom <= page.height * EDGE or line.top >= page.height * (1 - EDGE)


def _leading_number(line: _Line) -> int | None:
    if line.marker is not None:
        return line.marker
    m = re.match(r"^(\d{1,3})\s*[.)]?\s+\S", line.text)
    return int(m.group(1)) if m else None


def _split_footnotes(pages: list[_Page], body: float) -> None:
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


def _footnote_blocks(pages: list[_Page]) -> list[Block]:
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
                notes[-1]["text"] = _join(notes[-1]["text"], text)
    return [
        Block(text=n["text"], page=n["page"], kind="footnote", footnote=n["number"]) for n in notes
    ]


# ------------------------------------------------------------------------ paragraphs
def _join(a: str, b: str) -> str:
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if re.search(r"\w-$", a) and b[:1].isalnum():
        return a + b  # "428/TTXT-" + "ĐTDN": a break after a hyphen inside a code/word
    return f"{a} {b}"


def _margins(pages: list[_Page], body: float) -> tuple[float, float]:
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


def _blocks(pages: list[_Page], body: float) -> list[Block]:
    left, right = _margins(pages, body)
    blocks: list[Block] = []
    para: list[_Line] = []
    pending: _Table | None = None
    pending_context = ""
    last_text = ""

    def flush_para() -> None:
        nonlocal para, last_text
        if para:
            text = para[0].text
            for ln in para[1:]:
                text = _join(text, ln.text)
            blocks.append(Block(text=text, page=para[0].page))
            last_text = text
        para = []

    def flush_table() -> None:
        nonlocal pending
        if pending is not None:
            blocks.extend(table_blocks(pending.grid, context=pending_context, page=pending.page))
        pending = None

    for p in pages:
        items: list[_Line | _Table] = list(p.lines)
        for t in sorted(p.tables, key=lambda t: t.top, reverse=True):
            at = next(
                (k for k, it in enumerate(items) if isinstance(it, _Line) and it.top >= t.top),
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
            if pending is not None:
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


def _new_paragraph(prev: _Line, ln: _Line, left: float, right: float) -> bool:
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


# ------------------------------------------------------------------------ entry point
MIN_TEXT_CHARS = 30  # a page with fewer characters of text layer is read by OCR


@dataclass
class PdfContent:
    blocks: list[Block]  # in reading order, footnotes last
    pages: int
    pages_without_text: list[int]
    legacy_blocks: int = 0  # blocks converted from TCVN3/VNI
    scan: Any = None  # index.ocr_layout.ScanResult when some pages were OCR'd


def _render_source(data: bytes):
    """Page number → (300-dpi grayscale image, dpi), rendered with pdfium."""
    import pypdfium2 as pdfium

    from index import ocr

    doc = pdfium.PdfDocument(data)
    dpi = ocr.current().dpi

    def render(number: int):
        page = doc[number - 1]
        try:
            return page.render(scale=dpi / 72, grayscale=True).to_pil(), float(dpi)
        finally:
            page.close()

    return doc, render


def _ocr_scanned(path: Path, data: bytes, pages: list[_Page]) -> Any:
    """OCR the pages without a usable text layer; their OCR'd pages replace them."""
    from index import ocr_layout

    scanned = [p.number for p in pages if p.chars < MIN_TEXT_CHARS and not p.tables]
    if not scanned:
        return None
    doc, render = _render_source(data)
    try:
        has_text = len(scanned) < len(pages)
        return ocr_layout.read_scanned(path, data, scanned, render, has_text_pages=has_text)
    finally:
        doc.close()


def assemble(pages: list[_Page]) -> tuple[list[Block], int]:
    """Pages (from the text layer or OCR) → blocks in reading order, footnotes last; and how
    many blocks were converted from a legacy encoding."""
    sizes: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[ln.size] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    _drop_running(pages)
    _split_footnotes(pages, body)
    blocks = _blocks(pages, body) + _footnote_blocks(pages)
    legacy_blocks = 0
    for b in blocks:
        enc = legacy.detect_legacy(b.text)
        if enc:  # .VnTime/VNI-Times fonts without a Unicode map extract as "B¸o c¸o"
            b.text = legacy.to_unicode(b.text, enc)
            legacy_blocks += 1
    return blocks, legacy_blocks


def read_pdf(path: Path, data: bytes) -> PdfContent:
    """The PDF's blocks, before `build_report`. Raises the IngestError a user can act on."""
    _check_signature(path, data)
    _check_encryption(path, data)
    pdf = _open(path, data)
    try:
        try:
            pages = [_read_page(pg, i) for i, pg in enumerate(pdf.pages, start=1)]
        except Exception as e:
            if "password" in str(e).lower():
                raise _password_error(path) from e
            raise CorruptFileError(
                path,
                f"tệp PDF bị hỏng, không đọc được trang ({type(e).__name__}: {e}). Hãy tải lại "
                "hoặc in/xuất lại ra PDF mới.",
            ) from e
    finally:
        pdf.close()
    if not pages:
        raise CorruptFileError(path, "tệp PDF không có trang nào (có thể bị hỏng/cắt cụt).")
    scan = _ocr_scanned(path, data, pages)
    if scan is not None:
        pages = [scan.pages.get(p.number, p) for p in pages]
    with_text = [p for p in pages if p.lines or p.tables]
    if not with_text or sum(p.chars for p in pages) < 20:
        if scan is not None:
            from index.ocr_layout import no_text_error

            raise no_text_error(path, scan)
        raise NeedsOcrError(
            path,
            f"tệp PDF ({len(pages)} trang) không có lớp chữ — là ảnh quét, cần nhận dạng ký tự "
            "(OCR). Hãy chạy OCR (ví dụ: ocrmypdf -l vie tệp.pdf tệp-ocr.pdf) hoặc dùng bản "
            "Word/PDF gốc rồi nạp lại.",
        )
    blocks, legacy_blocks = assemble(pages)
    empty = [p.number for p in pages if p not in with_text]
    return PdfContent(
        blocks=blocks,
        pages=len(pages),
        pages_without_text=empty,
        legacy_blocks=legacy_blocks,
        scan=scan,
    )


def parse_pdf(path: Path, data: bytes) -> Report:
    content = read_pdf(path, data)
    report = build_report(path.name, content.blocks)
    if content.legacy_blocks:
        report = dataclasses.replace(
            report,
            warnings=(
                *report.warnings,
                "văn bản dùng phông chữ mã cũ (TCVN3/ABC hoặc VNI); nội dung đã được chuyển sang "
                "Unicode — nên kiểm tra lại các chữ hoa có dấu",
            ),
        )
    if content.scan is not None:
        from index import ocr_provenance

        report = ocr_provenance.finish(report, content.scan, path.name)
        return report
    empty = content.pages_without_text
    if empty:
        shown = ", ".join(map(str, empty[:20])) + ("…" if len(empty) > 20 else "")
        report = dataclasses.replace(
            report,
            warnings=(
                *report.warnings,
                f"trang {shown} không có lớp chữ (ảnh quét), chưa được lập chỉ mục — cần OCR",
            ),
        )
    return report

"""A PDF page's words as lines: pdfplumber's words grouped into lines, lines into columns,
with their size and position — what every later step reads (the page: page.py)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from index import vn

COLUMN_GAP = 40.0  # points of empty space that separate two columns on one line
INDENT = 8.0  # a first line starting this far right of the margin opens a paragraph
EDGE = 0.09  # top/bottom fraction of the page where running headers/footers live
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-–—]\s*)?(?:trang\s+|page\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I
)
_MARKER_WORD_RE = re.compile(r"^\d{1,3}(?:,\d{1,3})*$")
_DOC_TYPE_RE = re.compile(
    r"^(?:BÁO CÁO|BÁO CÁO TÓM TẮT|BÁO CÁO NHANH|TỜ TRÌNH|KẾ HOẠCH|THÔNG BÁO|QUYẾT ĐỊNH|"
    r"CHƯƠNG TRÌNH)$"
)
_NATIONAL_WRAP_RE = re.compile(r"CỘNG HO?[ÀÒ]A XÃ HỘI CHỦ NGHĨA$|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA$")
_BULLET_START_RE = re.compile(r"^(?:[-+•–*]\s|[a-zđ]\)\s|[IVX]{1,5}\.\s|\d{1,2}(?:\.\d{1,2})*\.\s)")


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    sup: bool = False


@dataclass
class Line:
    words: list[Word]
    page: int
    split: bool = False  # one of several column segments of a physical line
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    marker: int | None = None  # leading footnote number (superscript or small digits)

    def finish(self) -> Line:
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
        prev: Word | None = None
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


def build_lines(
    words: list[Word], page_no: int, page_width: float = 595.0, apart: bool = False
) -> list[Line]:
    """Words → lines by vertical overlap; small raised digits join the line they sit on
    and are marked as superscripts; a line is cut into segments at wide gaps (columns).
    `apart`: a text layer's words, which never sit over one another within a line (the
    signature's "PHÓ GIÁM ĐỐC" spans two lines of the smaller "Nơi nhận" beside it, and
    would join them); OCR's boxes of one line may."""
    rows: list[list[Word]] = []
    bounds: list[tuple[float, float]] = []
    physical: list[list[Line]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        best, best_ov = -1, 0.0
        for k in range(max(0, len(rows) - 4), len(rows)):
            top, bottom = bounds[k]
            ov = min(bottom, w.bottom) - max(top, w.top)
            h = min(bottom - top, w.bottom - w.top) or 1.0
            # two words of one line never sit over each other (checked only for a better row)
            if ov / h > best_ov and not (apart and any(_over(x, w) for x in rows[k])):
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
            raised = base - w.bottom
            w.sup = bool(_MARKER_WORD_RE.match(w.text)) and (
                (w.size <= main * 0.8 and raised > 1.0)  # Word: ~65% of the size, raised
                or (w.size <= main * 0.9 and raised > 0.2 * main)  # less small, raised more
            )
        segments: list[list[Word]] = [[ws[0]]]
        for prev, w in pairwise(ws):
            if w.x0 - prev.x1 > COLUMN_GAP and not w.sup:
                segments.append([w])
            else:
                segments[-1].append(w)
        physical.append([Line(seg, page_no, split=len(segments) > 1).finish() for seg in segments])
    physical.sort(key=lambda segs: (min(s.top for s in segs), segs[0].x0))
    return _columns_first(physical, page_width)


def _over(a: Word, b: Word) -> bool:
    """Whether two words sit one over the other (more than half the narrower one's width:
    kerning may let neighbours touch)."""
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    return shared > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _columns_first(rows: list[list[Line]], page_width: float) -> list[Line]:
    """Two-column stretches (issuer | national motto, number | place-date at the top,
    "Nơi nhận" | signature at the end) are read column by column, left first. Every line
    of such a stretch stands alone, except that a line starting in lower case continues
    the one above it in its column ("…, ngày 14 tháng 11" / "năm 2025")."""
    out: list[Line] = []
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
                row = Line([w for s in r for w in s.words], r[0].page, split=True).finish()
                row.text = " | ".join(s.text for s in r)
                out.append(row)
            i = j
            continue
        columns: tuple[list[Line], list[Line]] = ([], [])
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


def _two_sided(a: list[Line], b: list[Line], mid: float) -> bool:
    """Two consecutive single lines, one wholly left of the middle and one wholly right,
    close together: the start of a two-column stretch whose baselines differ."""
    if len(a) != 1 or len(b) != 1:
        return False
    x, y = a[0], b[0]
    sides = {("L" if s.x1 < mid else "R" if s.x0 > mid else "B") for s in (x, y)}
    return sides == {"L", "R"} and y.top - x.bottom <= 2.5 * (x.bottom - x.top)


def _merge(a: Line, b: Line) -> Line:
    line = Line(a.words + b.words, a.page, split=True).finish()
    line.text = join_text(a.text, b.text)
    line.top, line.bottom = a.top, b.bottom
    return line


def join_text(a: str, b: str) -> str:
    """Two lines' texts as one: a soft hyphen or a break inside a code joins them."""
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if re.search(r"\w-$", a) and b[:1].isalnum():
        return a + b  # "428/TTXT-" + "ĐTDN": a break after a hyphen inside a code/word
    return f"{a} {b}"

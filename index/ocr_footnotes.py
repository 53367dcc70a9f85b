"""The footnotes at a scanned page's foot: under a short rule (found when rules are erased
before OCR) in smaller type, each opening with a small raised number, which OCR reads as
anything (”, °, h, '') or folds into the note's first word, or misses: notes are numbered
by their order through the document, not by what was read. Where notes are set with their
first line indented, a line starting where a note's text starts after its number opens a
note even when nothing of the number was read (a continued line starts at the margin).

`index.ocr_lines` asks these of each line under the rule as it builds the page's lines; the
markers in the running text are `index.ocr_markers`'.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from index import ocr
from index.ocr_markers import GLYPHS, MARK_GLYPHS, MARKS, OPENS
from index.readers.pdf.layout import Word

SEPARATOR = (0.1, 0.5)  # a footnote separator rule's length, share of the page width


def marker_word(number: int, w: ocr.OcrWord, top: int, bottom: int, size: float,
                 scale: float) -> Word:  # fmt: skip
    """A raised footnote number at the left edge of `w` (the PDF reader's superscript)."""
    x0 = w.left * scale
    return Word(str(number), x0 - 4, x0 - 1, top * scale, (top + bottom) / 2 * scale, size * 0.7)


def glued_marker(text: str) -> bool:
    """A note's first word with its raised number read into it as a mark ("'07 vụ …")."""
    glued = len(text) > 1 and text[0] in MARK_GLYPHS and text[1].isalnum()
    return glued and not (text[0] in OPENS and text[1].isalpha())


def drop_glued_marker(text: str) -> str:
    return re.sub(rf"^[{GLYPHS}]{{1,2}}(?=\w)", "", text)


def separator(page: ocr.OcrPage) -> int | None:
    """The footnote separator: a short rule near the foot starting at the text's left edge,
    alone (a table's rules come in stacks). Its y in pixels, or None."""
    left = min((w.left for w in page.words if w.conf >= 60), default=None)
    if not page.rules or left is None:
        return None
    low, high = SEPARATOR
    found = []
    for x0, y0, x1, y1 in page.rules:
        long = low * page.width <= x1 - x0 <= high * page.width
        if long and y0 > 0.4 * page.height and abs(x0 - left) <= 0.04 * page.width:
            others = [r for r in page.rules if r[1] != y0 and abs(r[1] - y0) < 0.1 * page.height]
            below = any(w.top > y1 for w in page.words)
            if not others and below:
                found.append(y1)
    return max(found) if found else None


@dataclass(frozen=True)
class Hang:
    """Footnotes set with their first line indented: where their numbers stand and where
    a note's text starts after its number (pixels from the left)."""

    marker: int
    text: int


def hanging_markers(page: ocr.OcrPage, sep: int | None, median_h: float) -> Hang | None:
    """Where the footnotes' numbers stand when notes are set with their first line
    indented (the small boxes opening lines under the separator, right of the page's text
    margin), and where their text starts. None when they stand at the notes' left edge,
    where a continued line starts too."""
    if sep is None:
        return None
    by_line: defaultdict[int, list[ocr.OcrWord]] = defaultdict(list)
    for w in page.words:
        by_line[w.line].append(w)
    lefts, marks, texts, starts = [], [], [], Counter()
    for line in by_line.values():
        line.sort(key=lambda w: w.left)
        if line[0].top <= sep:
            starts[round(line[0].left / 10)] += 1
            continue
        lefts.append(line[0].left)
        typical = sorted(w.height for w in line)[len(line) // 2]
        if len(line) > 1 and line[0].height < 0.75 * typical and line[0].width < median_h:
            marks.append(line[0].left)
            texts.append(line[1].left)
    if not marks:
        return None
    margin = min(lefts)
    if starts:  # the running text's margin, where a continued note line starts too
        margin = min(margin, starts.most_common(1)[0][0] * 10)
    hang = sorted(marks)[len(marks) // 2]
    if hang <= margin + 1.5 * median_h:
        return None
    return Hang(hang, sorted(texts)[len(texts) // 2])


def at_hang(w: ocr.OcrWord, hang: Hang | None, median_h: float) -> bool:
    """`w` starts where the page's note numbers stand (a number read into its word)."""
    return hang is not None and abs(w.left - hang.marker) <= 0.5 * median_h


def at_note_text(w: ocr.OcrWord, hang: Hang | None, median_h: float) -> bool:
    """`w` opens a line where a note's text starts after its number: a note whose number
    OCR did not see at all (a continued line starts at the margin)."""
    return hang is not None and abs(w.left - hang.text) <= 0.5 * median_h


def join_lone_markers(page: ocr.OcrPage, sep: int | None, median_h: float) -> ocr.OcrPage:
    """Note numbers Tesseract read as lines of their own — a box at the margin, level with
    or above the top of a note's first line, whose text is indented after it (Word's
    hanging footnotes): each joins that line, which it opens as its number."""
    if sep is None:
        return page
    by_line: defaultdict[int, list[ocr.OcrWord]] = defaultdict(list)
    for w in page.words:
        by_line[w.line].append(w)
    firsts = [
        min(ws, key=lambda w: w.left)
        for ws in by_line.values()
        if len(ws) > 1 and min(w.top for w in ws) > sep
    ]
    moved: dict[int, int] = {}
    for ws in by_line.values():
        w = ws[0]
        if len(ws) != 1 or w.top <= sep or len(w.text) > 3:
            continue
        beside = [
            f
            for f in firsts
            if 0 < f.left - (w.left + w.width) <= 3 * median_h
            and f.top - median_h <= w.top <= f.top + 0.5 * median_h
        ]
        if beside:
            moved[id(w)] = min(beside, key=lambda f: abs(f.top - w.top)).line
    if not moved:
        return page
    words = tuple(replace(w, line=moved[id(w)]) if id(w) in moved else w for w in page.words)
    return replace(page, words=words)


def apart(w: ocr.OcrWord, line: list[ocr.OcrWord]) -> bool:
    """A box standing apart before the note's text, its top above the text's (a raised
    number OCR read as a taller box: "NH" for "²")."""
    rest = line[1:]
    if not rest:
        return False
    typical = sorted(x.height for x in rest)[len(rest) // 2]
    top = sorted(x.top for x in rest)[len(rest) // 2]
    gap = rest[0].left - (w.left + w.width)
    return gap > 0.8 * typical and w.top < top - 0.3 * typical


def note_marker(w: ocr.OcrWord, text: str, line: list[ocr.OcrWord], small: bool,
                 sep: int | None) -> bool:  # fmt: skip
    """A footnote's number opening its line: a small box raised to the top of the line (a
    dash or a bullet sits lower). Under a separator rule its reading does not matter; in
    small type low on a page without one, it reads as digits or a mark."""
    if sep is not None and len(text) <= 3 and apart(w, line):
        return True
    if not small or len(text) > 3 or text in "-–—+•.":
        return False
    tops = sorted(x.top for x in line[1:])
    if w.top > tops[len(tops) // 2] + 0.3 * w.height:
        return False  # its top is not level with the tops of the note's letters
    return sep is not None or text.isdigit() or text in MARKS

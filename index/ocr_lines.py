"""Tesseract's words → the PDF reader's words, line by line: noise and specks out, each of
Tesseract's lines cut into its columns, syllables corrected, sizes in points, and the
footnotes' numbers and markers found on the way (`index.ocr_footnotes`,
`index.ocr_markers`).

Tesseract's pixel boxes become PDF points (72 per inch), and the height of a line's taller
words stands in for its font size, so the PDF reader's thresholds in points hold for scans.
"Nơi nhận" and the signature are two columns: Tesseract's line that runs across both is cut
at the gap, and specks in the signature's space are dropped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from index import ocr, ocr_correct, vn
from index.ocr_footnotes import (
    Hang,
    apart,
    at_hang,
    at_note_text,
    drop_glued_marker,
    glued_marker,
    hanging_markers,
    join_lone_markers,
    marker_word,
    note_marker,
    separator,
)
from index.ocr_furniture import join_number
from index.ocr_headings import NUMERAL
from index.ocr_markers import (
    LONE_MARK,
    Marks,
    Shapes,
    body_token,
    candidate,
    marker_like,
    raised_lone,
    raised_top,
    too_wide,
    word_mark,
)
from index.readers.pdf import layout
from index.readers.pdf.layout import Word

WORD_EM = 0.91  # a line's 75th-percentile word height / font size (Times, with accents)
NOISE_CONF = 20.0  # words read with less confidence are stamps, specks, signatures
SPECK = 0.45  # a column segment whose every word is lower than this × the page's median
NOTE_SIZE = 0.85  # footnote type is at most this × the body size


def _noise(w: ocr.OcrWord, median_h: float) -> bool:
    """Stamps, signatures, specks and ruled lines, not text."""
    if w.conf < NOISE_CONF or w.height > 2.2 * median_h:
        return True
    return len(w.text) >= 3 and not any(c.isalnum() for c in w.text)


def _snap(size: float, body: float, words: int) -> float:
    """Body lines measure 13–17 pt when set in 14 pt (accents, capitals): read them all as
    the body size, so the PDF reader does not break paragraphs on the jitter. Smaller type
    (footnotes, "Nơi nhận") is ≥10% smaller and keeps its own size."""
    low, high = (0.9, 1.4) if words <= 3 else (0.9, 1.3)
    return body if low * body <= size <= high * body else size


@dataclass
class _Seg:
    """A column segment of one of Tesseract's lines: its words, its own top and bottom."""

    words: list[ocr.OcrWord]
    top: int
    bottom: int
    size: float
    zone: bool = False  # in the footnote block
    solo: bool = True  # the only segment of its Tesseract line


def _segments(page: ocr.OcrPage, median_h: float, sep: int | None, hang: Hang | None) -> list[_Seg]:
    """Tesseract's lines cut at wide gaps (a column each: "Nơi nhận" | the signature).
    Tesseract runs a line of one column into the line beside it in the other when their
    baselines differ, so the line's band (top to bottom) is not the union of its words but
    its first column's own: a left column's lines stay apart. Noise out; a segment of
    specks alone (the signature's space) is dropped."""
    gap = layout.COLUMN_GAP * page.dpi / 72.0
    by_line: defaultdict[int, list[ocr.OcrWord]] = defaultdict(list)
    for w in page.words:
        by_line[w.line].append(w)
    segs = []
    for line in by_line.values():
        line.sort(key=lambda w: w.left)
        parts = [[line[0]]]
        for prev, w in pairwise(line):
            if w.left - (prev.left + prev.width) > gap:
                parts.append([w])
            else:
                parts[-1].append(w)
        band: tuple[int, int] | None = None
        for part in parts:
            zone = sep is not None and min(w.top for w in part) > sep
            typical = sorted(w.height for w in part)[len(part) // 2]
            kept = [
                w for k, w in enumerate(part) if _kept(k, w, part, median_h, typical, zone, hang)
            ]
            kept = [w for k, w in enumerate(kept) if not (k and _speck(w, median_h))]
            if not kept or all(marker_like(k, w) for k, w in enumerate(kept)):
                continue
            if all(w.height < SPECK * median_h for w in kept):
                continue
            tall = sorted(w.height for w in kept)[(3 * len(kept)) // 4]
            size = round(tall * 72.0 / page.dpi / WORD_EM * 2) / 2
            # The columns of one line share its first column's band: they stay one row
            # for the PDF reader, which reads such rows column by column.
            band = band or _band(kept)
            segs.append(_Seg(kept, band[0], band[1], size, zone, solo=len(parts) == 1))
    _pair_columns(segs, page.width / 2)
    return segs


def _band(words: list[ocr.OcrWord]) -> tuple[int, int]:
    """A line's top and bottom, without a box OCR drew over two lines ("ngày" 82 px tall
    among 33 px words): such a band reaches into the next line, and the two are read as one."""
    typical = sorted(w.height for w in words)[len(words) // 2]
    fit = [w for w in words if w.height <= 1.6 * typical] or words
    return min(w.top for w in fit), max(w.top + w.height for w in fit)


def _pair_columns(segs: list[_Seg], mid: float) -> None:
    """A line of the right column that Tesseract read alone ("Trần Minh Quân" below the
    signature's space) beside a line of the left column it overlaps ("- Các phòng ban …"
    in "Nơi nhận"): both go on one row, so the two columns are read as such."""
    lefts = [s for s in segs if s.words[-1].left + s.words[-1].width < mid]
    for seg in segs:
        if not seg.solo or seg.words[0].left <= mid:
            continue
        overlap = {id(o): min(seg.bottom, o.bottom) - max(seg.top, o.top) for o in lefts}
        best = max(lefts, key=lambda o: overlap[id(o)], default=None)
        if best is not None and overlap[id(best)] > 0:
            seg.top, seg.bottom = best.top, best.bottom


def _speck(w: ocr.OcrWord, median_h: float) -> bool:
    """A speck read as a letter or two ("4g", "R" in the signature's space): far lower than
    any letter of the text."""
    return w.height < SPECK * median_h and any(c.isalnum() for c in w.text)


_BARS = frozenset("_|¦")


def _kept(k: int, w: ocr.OcrWord, line: list[ocr.OcrWord], median_h: float, typical: float,
          zone: bool, hang: Hang | None) -> bool:  # fmt: skip
    """Not noise, or a footnote marker that OCR read with little confidence: a faint mark
    opening a line, a small raised box opening a footnote (or a note's first word that
    swallowed it), marks after a word. A bar or an underscore alone is a speck of a rule
    or of the page's edge ("UBND |", "hộ _ chưa"), never text."""
    if set(w.text) <= _BARS and not (zone and k == 0):
        return False
    if not _noise(w, median_h) or marker_like(k, w):
        return True
    if w.height > 2.2 * median_h:
        return False
    if (
        k == 0
        and len(line) > 1
        and NUMERAL.fullmatch(w.text)
        and any(c in "IVXHLl" for c in w.text)
    ):
        # A part's numeral read faintly, before an upper-case title read well.
        title = line[1].conf >= 80 and line[1].text.isupper() and len(line[1].text) >= 2
        return title and 0.7 * typical <= w.height <= 1.3 * typical
    if (
        zone
        and k == 0
        and (
            (len(w.text) <= 3 and (w.height < 0.75 * typical or apart(w, line)))
            or at_hang(w, hang, median_h)
        )
    ):
        return True
    if word_mark(w.text) is not None:
        return True  # the raised number costs the whole word its confidence
    # A syllable among confidently read words (a raised number next to it costs it its
    # confidence: "lượt `”."), or a small raised box after a word ("án Ý;", "trước) Ì,"
    # at the end of a line).
    after = k > 0 and line[k - 1].conf >= 60
    inside = after and k < len(line) - 1 and line[k + 1].conf >= 60
    if inside and w.height <= 1.6 * typical and ocr_correct.plausible(w.text.strip(".,;:")):
        return True
    # a word of the line's height read poorly between well-read ones ("(AT" "TP)"): dropped,
    # its gap would be taken for two columns
    flanked = any(x.conf >= 60 for x in line[:k]) and any(x.conf >= 60 for x in line[k + 1 :])
    if (
        flanked
        and 0.8 * typical <= w.height <= 1.25 * typical
        and sum(map(str.isalnum, w.text)) > 1
    ):
        return True
    if (inside or (after and k == len(line) - 1)) and raised_lone(w, line, typical):
        return True
    after_word = k > 0 and (line[k - 1].text[-1:].isalpha() or line[k - 1].text[-1:] in ").")
    return not zone and after_word and bool(LONE_MARK.match(w.text))


def line_words(
    page: ocr.OcrPage,
    scale: float,
    notes: list[int],
    marks: Marks | None = None,
    shapes: Shapes | None = None,
) -> tuple[list[Word], list[tuple[str, float]]]:
    """Tesseract's words, line by line: noise out, syllables corrected, sizes in points.
    Every word gets its segment's top and bottom, so the PDF reader regroups Tesseract's
    lines as they were (a word's own box ends at its x-height or its accents).

    Footnotes: below the separator rule (or, without one, in smaller type low on the page)
    a line opening with a small raised box starts a note, whatever OCR read in the box:
    notes are numbered in sequence through the document (`notes[0]`: the last number),
    unless the box reads confidently as the next numbers. In running text, marks read
    after a word are marker candidates (`marks`), numbered once the page's notes are known
    (`number_markers`)."""
    opts = ocr.current()
    marks = marks if marks is not None else Marks()
    shapes = shapes or Shapes()
    heights = sorted(w.height for w in page.words) or [1]
    median_h = heights[len(heights) // 2]
    sep = separator(page)
    page = join_lone_markers(page, sep, median_h)
    hang = hanging_markers(page, sep, median_h)
    segs = _segments(page, median_h, sep, hang)
    sizes = Counter(seg.size for seg in segs for _ in seg.words)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    for seg in segs:
        seg.size = _snap(seg.size, body, len(seg.words))
    segs.sort(key=lambda s: s.top)
    if sep is not None:
        cap = round(NOTE_SIZE * body * 2) / 2
        for seg in segs:
            if seg.zone:
                seg.size = min(seg.size, cap)
            elif len(seg.words) >= 4 and 0.8 * body <= seg.size < body:
                seg.size = body  # the small type is under the rule: running text above it
    else:
        for seg in segs:
            seg.zone = seg.size <= body - 1.0 and seg.top > 0.4 * page.height
    xs = Counter(round(s.words[0].left / 10) for s in segs if not s.zone)
    left = xs.most_common(1)[0][0] * 10 if xs else 0
    indent = layout.INDENT * page.dpi / 72.0
    keep = ocr_correct.repeated(vn.nfc(w.text) for w in page.words) if opts.correct else frozenset()
    quoted = False  # an opening quote is waiting for its closing one
    words: list[Word] = []
    kept: list[tuple[str, float]] = []
    for seg in segs:
        line, texts = join_number(seg.words, [vn.nfc(w.text) for w in seg.words])
        if opts.correct:
            texts = ocr_correct.correct_tokens(texts, keep=keep)
        top, bottom, size = seg.top, seg.bottom, seg.size
        typical = sorted(w.height for w in line)[len(line) // 2]
        if line[0].left > left + indent:
            quoted = False  # a new paragraph
        out: list[tuple[str, ocr.OcrWord, bool]] = []  # (text, word, raised)
        for k, (w, text) in enumerate(zip(line, texts, strict=True)):
            small = w.height < 0.75 * typical and w.top + w.height < bottom - 0.25 * typical
            if k == 0 and marker_like(k, w) and w.conf < NOISE_CONF and not seg.zone:
                continue  # a stray mark after all
            if seg.zone and k == 0 and len(line) > 1 and note_marker(w, text, line, small, sep):
                number = notes[0] + 1
                if text.isdigit() and w.conf >= 80 and int(text) > notes[0]:
                    number = int(text)  # read as a number, confidently
                notes[0] = number
                marks.notes.append(number)
                out.append((str(number), w, True))
                continue
            lost = at_hang(w, hang, median_h) or (len(line) > 1 and at_note_text(w, hang, median_h))
            if seg.zone and k == 0 and (glued_marker(text) or lost):
                # "'07 vụ …", "“Xây dựng …": the marker read into the note's first word,
                # or lost in it (a word starting where the page's markers hang), or not
                # seen at all (a line starting where the notes' text does).
                notes[0] += 1
                marks.notes.append(notes[0])
                words.append(marker_word(notes[0], w, top, bottom, size, scale))
                text = drop_glued_marker(text)
            elif not seg.zone:
                lone = k > 0 and raised_lone(w, line, typical)
                before = len(marks.strength)
                faint = _noise(w, 1e9)
                text, quoted = body_token(text, k, w, out, marks, quoted, lone, faint)
                wide = too_wide(text, w, shapes.widths, typical) if text else 0.0
                wide = max(wide, raised_top(text, w, line, typical, shapes.tops) if text else 0.0)
                if len(marks.strength) == before and wide:
                    m = re.match(r"^(.*?)([.,;:]?)$", text)
                    text = m.group(1) + candidate(marks, "", "", 0, wide) + m.group(2)
                if not text:
                    continue
            out.append((text, w, small and text.isdigit()))
        for text, w, raised in out:
            if raised:  # a footnote marker, raised
                box, word_size = (w.top, w.top + w.height), size * 0.7
            else:
                box, word_size = (top, bottom), size
            x0, x1 = w.left * scale, (w.left + w.width) * scale
            words.append(Word(text, x0, x1, box[0] * scale, box[1] * scale, word_size))
            kept.append((text, w.conf))
    return words, kept

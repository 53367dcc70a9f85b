"""OCR'd pages → the PDF reader's pages, so a scan goes through the same layout analysis
(lines, columns, indentation, running headers, page numbers, footnotes in smaller type) and
the same `build_report` as a PDF with a text layer; and the OCR's provenance (page, mean
word confidence) put back on the paragraphs that came from it.

Tesseract's pixel boxes become PDF points (72 per inch), and the height of a line's taller
words stands in for its font size, so the PDF reader's thresholds in points hold for scans.

What a scan of an administrative report looks like, and how Tesseract misreads it, is
read back from the words' geometry and from the sequences the genre keeps:
- footnotes sit under a short rule at the page foot (the rule is found when rules are
  erased before OCR) in smaller type, each opening with a small raised number, which OCR
  reads as anything (”, °, h, '') or folds into the note's first word: notes are numbered
  by their order through the document, not by what was read;
- the raised number after a word in running text comes out as marks ("án”;", "giả'.",
  "dự án °,", "GPMBỶ;") or not at all (the word's box is then too wide): such candidates
  get the numbers of the notes at the foot of their page, in reading order, the likeliest
  first when there are more than notes (a ” may close a quote);
- part numerals go I, II, III and section numbers 1, 2, 3 (2.1 after 2): a heading read
  "H.", "IL", "II" for "III" or "7," for "7." is set right where the sequence expects it;
- "Nơi nhận" and the signature are two columns: Tesseract's line that runs across both is
  cut at the gap, the columns read one after the other, specks in the signature's space
  dropped.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from PIL import Image

from index import ocr, ocr_correct, parse_pdf, vn
from index.errors import OcrNoTextError, OcrTooManyPagesError, OcrUnavailableError
from index.parse_pdf import _Line, _lines, _Page, _Word

WORD_EM = 0.91  # a line's 75th-percentile word height / font size (Times, with accents)
NOISE_CONF = 20.0  # words read with less confidence are stamps, specks, signatures
_MARKS = {",", "'", "’", "‘", "`", "!", "?", "*", "°", "^", '"', "”", "“", ":"}  # OCR'd ¹²³
MIN_SYLLABLES = 5  # confident Vietnamese syllables for a page to count as text
# What Tesseract makes of a raised footnote number: quotes, apostrophes, stray marks, and
# letters with a diaeresis (which Vietnamese never writes).
MARK_GLYPHS = "'’‘`\"”“!?°^*ˆ˜´¨ÏŸÎ"
QUOTE_GLYPHS = '”“"`'  # ... of which these may also be a real closing quote
SPECK = 0.45  # a column segment whose every word is lower than this × the page's median
NOTE_SIZE = 0.85  # footnote type is at most this × the body size
WIDE = 0.3  # a word box this many word heights wider than usual hides a raised number (a
# raised digit is about a third of a word height wide)
SEPARATOR = (0.1, 0.5)  # a footnote separator rule's length, share of the page width


@dataclass
class ScanResult:
    pages: dict[int, _Page] = field(default_factory=dict)  # readable OCR'd pages
    words: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # (text, conf)
    raw: dict[int, ocr.OcrPage] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False  # Tesseract missing: nothing was OCR'd

    @property
    def mean_conf(self) -> float:
        confs = [c for ws in self.words.values() for _, c in ws]
        return sum(confs) / len(confs) if confs else 0.0


def _pages_text(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:20])) + ("…" if len(numbers) > 20 else "")
    return f"trang {shown}"


def check_page_limit(path: Path, count: int, what: str = "trang ảnh quét") -> None:
    limit = ocr.current().max_pages
    if count > limit:
        raise OcrTooManyPagesError(
            path,
            f"tệp có {count} {what} cần nhận dạng ký tự (OCR), vượt giới hạn {limit} trang "
            f"(ASSISTANT_OCR_MAX_PAGES; khoảng 5–10 giây mỗi trang). Hãy tách tệp hoặc nâng "
            "giới hạn.",
        )


def _noise(w: ocr.OcrWord, median_h: float) -> bool:
    """Stamps, signatures, specks and ruled lines, not text."""
    if w.conf < NOISE_CONF or w.height > 2.2 * median_h:
        return True
    return len(w.text) >= 3 and not any(c.isalnum() for c in w.text)


def _marker_word(number: int, w: ocr.OcrWord, top: int, bottom: int, size: float,
                 scale: float) -> _Word:  # fmt: skip
    """A raised footnote number at the left edge of `w` (the PDF reader's superscript)."""
    x0 = w.left * scale
    return _Word(str(number), x0 - 4, x0 - 1, top * scale, (top + bottom) / 2 * scale, size * 0.7)


_G = re.escape(MARK_GLYPHS)
# "án”;", "giả'.", "đồng.”", "trước)'”,": a word, then a raised number read as marks.
_BODY_MARK = re.compile(
    rf"^(?P<word>.*(?:[^\W\d_]|\)))(?P<p1>[.,;:]?)(?P<mark>[{_G}]{{1,3}})(?P<p2>[.,;:]?)$"
)
# "°,", "”.", "Ï;": the raised number read as a token of its own after the word.
_LONE_MARK = re.compile(rf"^(?P<mark>[{_G}]{{1,3}})(?P<p2>[.,;:]?)$")
# "21.377,9m”": a unit's exponent (m², km²) read as a mark.
_UNIT_MARK = re.compile(rf"^(?P<num>\d[\d.,]*k?m)(?P<mark>[{_G}]{{1,2}})(?P<p>[.,;:]?)$")
_ACCENTED_CAPS = "".join(
    c
    for c in map(chr, range(0xC0, 0x1EFA))
    if c.isupper() and len(d := unicodedata.normalize("NFD", c)) > 1 and d[0] in "AEIOUY"
)
_CAPS_MARK = re.compile(
    rf"^(?P<word>[A-ZĐ]{{2,}})(?P<p1>)(?P<mark>[{_ACCENTED_CAPS}])(?P<p2>[.,;:]?)$"
)
_RAISED_LONE = re.compile(r"^(?P<mark>[^\W\d_])(?P<p2>[.,;:]?)$")
_OPENS = ("“", '"')
_PUA = 0xE000  # private-use characters stand for marker candidates until they are numbered


def _marker_like(k: int, w: ocr.OcrWord) -> bool:
    return k == 0 and (w.text in _MARKS or (w.text.isdigit() and len(w.text) <= 2))


def _word_mark(text: str) -> re.Match[str] | None:
    m = _BODY_MARK.match(text)
    if m and sum(c.isalpha() for c in m.group("word")) >= 2:
        return m
    m = _CAPS_MARK.match(text)  # "GPMBỶ;": no acronym ends in an accented vowel
    if m and not ocr_correct.plausible(m.group("word")) and not ocr_correct.plausible(text):
        return m
    return None


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


@dataclass
class _Marks:
    """Footnote numbers of one page and the marker candidates in its running text."""

    notes: list[int] = field(default_factory=list)  # numbers of the notes that start here
    strength: list[int] = field(default_factory=list)  # per candidate: 2 sure, 1 a quote?
    restore: list[str] = field(default_factory=list)  # per candidate: the marks as read
    score: list[float] = field(default_factory=list)  # per candidate: how sure, within strength


def _separator(page: ocr.OcrPage) -> int | None:
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


def _segments(page: ocr.OcrPage, median_h: float, sep: int | None, hang: int | None) -> list[_Seg]:
    """Tesseract's lines cut at wide gaps (a column each: "Nơi nhận" | the signature).
    Tesseract runs a line of one column into the line beside it in the other when their
    baselines differ, so the line's band (top to bottom) is not the union of its words but
    its first column's own: a left column's lines stay apart. Noise out; a segment of
    specks alone (the signature's space) is dropped."""
    gap = parse_pdf.COLUMN_GAP * page.dpi / 72.0
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
            if not kept or all(_marker_like(k, w) for k, w in enumerate(kept)):
                continue
            if all(w.height < SPECK * median_h for w in kept):
                continue
            tall = sorted(w.height for w in kept)[(3 * len(kept)) // 4]
            size = round(tall * 72.0 / page.dpi / WORD_EM * 2) / 2
            # The columns of one line share its first column's band: they stay one row
            # for the PDF reader, which reads such rows column by column.
            band = band or (min(w.top for w in kept), max(w.top + w.height for w in kept))
            segs.append(_Seg(kept, band[0], band[1], size, zone, solo=len(parts) == 1))
    _pair_columns(segs, page.width / 2)
    return segs


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


def _hanging_markers(page: ocr.OcrPage, sep: int | None, median_h: float) -> int | None:
    """Where the footnotes' numbers stand (pixels from the left) when notes are set with
    their first line indented: the small boxes opening lines under the separator. None
    when they stand at the notes' left edge, where a continued line starts too."""
    if sep is None:
        return None
    by_line: defaultdict[int, list[ocr.OcrWord]] = defaultdict(list)
    for w in page.words:
        if w.top > sep:
            by_line[w.line].append(w)
    lefts, marks = [], []
    for line in by_line.values():
        line.sort(key=lambda w: w.left)
        lefts.append(line[0].left)
        typical = sorted(w.height for w in line)[len(line) // 2]
        if len(line) > 1 and line[0].height < 0.75 * typical and line[0].width < median_h:
            marks.append(line[0].left)
    if not marks:
        return None
    hang = sorted(marks)[len(marks) // 2]
    return hang if hang > min(lefts) + 1.5 * median_h else None


def _at(w: ocr.OcrWord, hang: int | None, median_h: float) -> bool:
    return hang is not None and abs(w.left - hang) <= 0.5 * median_h


def word_widths(pages: list[ocr.OcrPage]) -> dict[str, float]:
    """The usual width of each word read often and confidently, in heights of its line's
    typical word (so that type of any size compares)."""
    seen: defaultdict[str, list[float]] = defaultdict(list)
    for page in pages:
        by_line: defaultdict[int, list[ocr.OcrWord]] = defaultdict(list)
        for w in page.words:
            by_line[w.line].append(w)
        for line in by_line.values():
            typical = sorted(w.height for w in line)[len(line) // 2]
            for w in line:
                if w.conf >= 90 and w.text.isalpha():
                    seen[vn.nfc(w.text)].append(w.width / typical)
    return {t: sorted(v)[len(v) // 2] for t, v in seen.items() if len(v) >= 3}


def _too_wide(text: str, w: ocr.OcrWord, widths: dict[str, float], typical: float) -> float:
    """How far (in typical word heights) a word's box runs past the same word elsewhere
    with nothing read there, beyond the punctuation after it: a raised number that OCR
    left out ("án;" 111 px wide where "án" is 56). 0 when it does not."""
    core = text.rstrip(".,;:")
    usual = widths.get(core)
    if usual is None or not core.isalpha():
        return 0.0
    extra = w.width / typical - usual - 0.3 * (len(text) - len(core))
    return extra if extra > WIDE else 0.0


def _raised_lone(w: ocr.OcrWord, line: list[ocr.OcrWord], typical: float) -> bool:
    """A letter or mark alone, narrow, raised above the line's words, read with little
    confidence: a footnote number after a word ("án Ý;" for "án¹⁴;")."""
    if len(w.text.rstrip(".,;:")) != 1 or w.conf >= 50 or w.width >= 0.8 * typical:
        return False
    tops = sorted(x.top for x in line if x is not w)
    return w.top < tops[len(tops) // 2] - 0.1 * typical


def _speck(w: ocr.OcrWord, median_h: float) -> bool:
    """A speck read as a letter or two ("4g", "R" in the signature's space): far lower than
    any letter of the text."""
    return w.height < SPECK * median_h and any(c.isalnum() for c in w.text)


def _kept(k: int, w: ocr.OcrWord, line: list[ocr.OcrWord], median_h: float, typical: float,
          zone: bool, hang: int | None) -> bool:  # fmt: skip
    """Not noise, or a footnote marker that OCR read with little confidence: a faint mark
    opening a line, a small raised box opening a footnote (or a note's first word that
    swallowed it), marks after a word."""
    if not _noise(w, median_h) or _marker_like(k, w):
        return True
    if w.height > 2.2 * median_h:
        return False
    if (
        zone
        and k == 0
        and ((len(w.text) <= 3 and w.height < 0.75 * typical) or _at(w, hang, median_h))
    ):
        return True
    if _word_mark(w.text) is not None:
        return True  # the raised number costs the whole word its confidence
    # A syllable among confidently read words (a raised number next to it costs it its
    # confidence: "lượt `”."), or a small raised box after a word ("án Ý;").
    inside = 0 < k < len(line) - 1 and w.height <= 1.6 * typical
    if (
        inside
        and min(line[k - 1].conf, line[k + 1].conf) >= 60
        and (ocr_correct.plausible(w.text.strip(".,;:")) or _raised_lone(w, line, typical))
    ):
        return True
    after_word = k > 0 and (line[k - 1].text[-1:].isalpha() or line[k - 1].text[-1:] in ").")
    return not zone and after_word and bool(_LONE_MARK.match(w.text))


def _line_words(
    page: ocr.OcrPage,
    scale: float,
    notes: list[int],
    marks: _Marks | None = None,
    widths: dict[str, float] | None = None,
) -> tuple[list[_Word], list[tuple[str, float]]]:
    """Tesseract's words, line by line: noise out, syllables corrected, sizes in points.
    Every word gets its segment's top and bottom, so the PDF reader regroups Tesseract's
    lines as they were (a word's own box ends at its x-height or its accents).

    Footnotes: below the separator rule (or, without one, in smaller type low on the page)
    a line opening with a small raised box starts a note, whatever OCR read in the box:
    notes are numbered in sequence through the document (`notes[0]`: the last number),
    unless the box reads confidently as the next numbers. In running text, marks read
    after a word are marker candidates (`marks`), numbered once the page's notes are known
    (`_number_markers`)."""
    opts = ocr.current()
    marks = marks if marks is not None else _Marks()
    heights = sorted(w.height for w in page.words) or [1]
    median_h = heights[len(heights) // 2]
    sep = _separator(page)
    hang = _hanging_markers(page, sep, median_h)
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
    indent = parse_pdf.INDENT * page.dpi / 72.0
    quoted = False  # an opening quote is waiting for its closing one
    words: list[_Word] = []
    kept: list[tuple[str, float]] = []
    for seg in segs:
        line, texts = _join_number(seg.words, [vn.nfc(w.text) for w in seg.words])
        if opts.correct:
            texts = ocr_correct.correct_tokens(texts)
        top, bottom, size = seg.top, seg.bottom, seg.size
        typical = sorted(w.height for w in line)[len(line) // 2]
        if line[0].left > left + indent:
            quoted = False  # a new paragraph
        out: list[tuple[str, ocr.OcrWord, bool]] = []  # (text, word, raised)
        for k, (w, text) in enumerate(zip(line, texts, strict=True)):
            small = w.height < 0.75 * typical and w.top + w.height < bottom - 0.25 * typical
            if k == 0 and _marker_like(k, w) and w.conf < NOISE_CONF and not seg.zone:
                continue  # a stray mark after all
            if seg.zone and k == 0 and len(line) > 1 and _note_marker(w, text, line, small, sep):
                number = notes[0] + 1
                if text.isdigit() and w.conf >= 80 and int(text) > notes[0]:
                    number = int(text)  # read as a number, confidently
                notes[0] = number
                marks.notes.append(number)
                out.append((str(number), w, True))
                continue
            glued = len(text) > 1 and text[0] in MARK_GLYPHS and text[1].isalnum()
            glued = glued and not (text[0] in _OPENS and text[1].isalpha())
            if seg.zone and k == 0 and (glued or _at(w, hang, median_h)):
                # "'07 vụ …", "“Xây dựng …": the marker read into the note's first word,
                # or lost in it (a word starting where the page's markers hang).
                notes[0] += 1
                marks.notes.append(notes[0])
                words.append(_marker_word(notes[0], w, top, bottom, size, scale))
                text = re.sub(rf"^[{_G}]{{1,2}}(?=\w)", "", text)
            elif not seg.zone:
                lone = k > 0 and _raised_lone(w, line, typical)
                before = len(marks.strength)
                text, quoted = _body_token(text, k, w, out, marks, quoted, lone)
                wide = _too_wide(text, w, widths, typical) if text and widths else 0.0
                if len(marks.strength) == before and wide:
                    m = re.match(r"^(.*?)([.,;:]?)$", text)
                    text = m.group(1) + _candidate(marks, "", "", 0, wide) + m.group(2)
                if not text:
                    continue
            out.append((text, w, small and text.isdigit()))
        for text, w, raised in out:
            if raised:  # a footnote marker, raised
                box, word_size = (w.top, w.top + w.height), size * 0.7
            else:
                box, word_size = (top, bottom), size
            x0, x1 = w.left * scale, (w.left + w.width) * scale
            words.append(_Word(text, x0, x1, box[0] * scale, box[1] * scale, word_size))
            kept.append((text, w.conf))
    return words, kept


def _note_marker(w: ocr.OcrWord, text: str, line: list[ocr.OcrWord], small: bool,
                 sep: int | None) -> bool:  # fmt: skip
    """A footnote's number opening its line: a small box raised to the top of the line (a
    dash or a bullet sits lower). Under a separator rule its reading does not matter; in
    small type low on a page without one, it reads as digits or a mark."""
    if not small or len(text) > 3 or text in "-–—+•.":
        return False
    tops = sorted(x.top for x in line[1:])
    if w.top > tops[len(tops) // 2] + 0.3 * w.height:
        return False  # its top is not level with the tops of the note's letters
    return sep is not None or text.isdigit() or text in _MARKS


def _candidate(marks: _Marks, mark: str, restore: str, strength: int | None = None,
               score: float = 0.0) -> str:  # fmt: skip
    """A placeholder for a footnote marker read as `mark`: strength 2 a mark no word
    has, 1 one that may close a quote or be a letter, 0 none read (a box too wide)."""
    if strength is None:
        strength = 1 if all(c in QUOTE_GLYPHS for c in mark) or mark.isalpha() else 2
    marks.strength.append(strength)
    marks.score.append(score)
    marks.restore.append(restore)
    return chr(_PUA + len(marks.strength) - 1)


def _body_token(text: str, k: int, w: ocr.OcrWord, out: list, marks: _Marks,
                quoted: bool, raised: bool = False) -> tuple[str, bool]:  # fmt: skip
    """One token of running text: a unit's exponent put back, a footnote marker read as
    marks made a candidate (a lone one joins the word before it; '' drops the token), and
    quotes followed so that a closing quote is not taken for a marker."""
    if m := _UNIT_MARK.match(text):
        return m.group("num") + "²" + m.group("p"), quoted
    lone = _LONE_MARK.match(text) if k > 0 and out and not text.startswith(_OPENS) else None
    if raised and lone is None and out:
        lone = _RAISED_LONE.match(text)
    m = lone or _word_mark(text)
    if m is None:
        if text.startswith(_OPENS) and text[1:2].isalnum():
            quoted = not text.endswith(("”", '"')) or len(text) < 3
        elif text.endswith(("”", '"')):
            quoted = False
        return text, quoted
    mark = m.group("mark")
    if quoted and all(c in QUOTE_GLYPHS for c in mark):
        return (text if lone is None else _glue(out, text, w)), False  # a closing quote
    if lone is not None:
        restore = "" if _noise(w, 1e9) else mark  # a faint speck, dropped as before
        _glue(out, _candidate(marks, mark, restore) + m.group("p2"), w)
        return "", quoted
    return m.group("word") + m.group("p1") + _candidate(marks, mark, mark) + m.group("p2"), quoted


def _glue(out: list, text: str, w: ocr.OcrWord) -> str:
    """Append `text` to the last word of `out` (its box grows to cover `w`)."""
    prev_text, prev, raised = out[-1]
    width = w.left + w.width - prev.left
    out[-1] = (prev_text + text, dataclasses.replace(prev, width=max(prev.width, width)), raised)
    return ""


def _number_markers(page: _Page, marks: _Marks, kept: list[tuple[str, float]]) -> None:
    """Give the page's marker candidates the numbers of the notes at its foot, in reading
    order. With more candidates than notes, the likeliest are kept (a mark that may be a
    closing quote goes first); the others get back what OCR read."""
    n = len(marks.strength)
    if not n:
        return
    order = sorted(range(n), key=lambda i: (-marks.strength[i], -marks.score[i], i))
    order = order[: len(marks.notes)]
    table = {}
    for i in range(n):
        table[_PUA + i] = marks.restore[i]
    for i, number in zip(sorted(order), marks.notes, strict=False):
        table[_PUA + i] = "".join(vn.SUPERSCRIPT_DIGITS[int(c)] for c in str(number))
    for ln in page.lines:
        ln.text = ln.text.translate(table)
        for w in ln.words:
            w.text = w.text.translate(table)
    kept[:] = [(t.translate(table), c) for t, c in kept]


# ------------------------------------------------------------------------------ headings
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# A part's numeral as OCR reads it: "II" as "H" or "IL", a dot lost or read as a comma.
_PART_LIKE = re.compile(r"^(?P<num>[IVXHLl|!\[\]]{1,5})(?P<punct>[.,:;\-–]?)\s+(?P<title>\S.*)$")
_SECTION_LIKE = re.compile(
    r"^(?P<num>\d{1,2}(?:[.,]\d{1,2}){0,3})(?P<punct>[.,:;)]?)\s+(?P<title>\S.*)$"
)


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _upper_title(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _set_head(ln: _Line, old: str, new: str) -> None:
    """Put `new` for the line's leading `old` (its first word)."""
    ln.text = new + ln.text[len(old) :]
    if ln.words and ln.words[0].text == old:
        ln.words[0].text = new


def _repair_headings(pages: list[_Page]) -> None:
    """Part and section numbers as the sequence says they must be: parts go I, II, III and
    the sections of a part 1, 2, 3 (or 2.1 after 2), so a numeral OCR misread ("H.", "IL",
    "II" for "III") or a section number whose dot became a comma ("7, Công tác …") is set
    right when it is the one expected there. Only headings are touched: a part heading is
    a numeral and an upper-case title; a section heading a one-line paragraph (short, the
    line before it ending its own paragraph) whose title starts with a capital."""
    lines = [ln for p in pages for ln in p.lines if not ln.split]
    if not lines:
        return
    xs = Counter(round(ln.x0) for ln in lines)
    left = float(xs.most_common(1)[0][0])
    rights = Counter(round(ln.x1) for ln in lines)
    right = float(rights.most_common(1)[0][0])
    part = 0
    section: tuple[int, ...] = ()
    prev: _Line | None = None
    for ln in lines:
        starts = prev is None or prev.page != ln.page or prev.x1 < right - 25
        starts = starts or prev.text.rstrip()[-1:] in ".:;"
        prev = ln
        short = ln.x1 < right - 25 and len(ln.text) < 120
        if not starts or not short or ln.x0 > left + 60:
            continue
        if (m := _PART_LIKE.match(ln.text)) and _upper_title(m.group("title")):
            read = m.group("num")
            seen = re.sub(r"[l|!\[\]L]", "I", read.replace("H", "II"))
            want = _ROMAN[part] if part < len(_ROMAN) else ""
            if seen in _ROMAN and _ROMAN.index(seen) > part:
                part = _ROMAN.index(seen) + 1  # a later part, read as such
            elif want and _distance(seen, want) <= 1:
                part += 1
            else:
                continue
            head = _ROMAN[part - 1] + "."
            if read + m.group("punct") != head:
                _set_head(ln, read + m.group("punct"), head)
            section = ()
            continue
        m = _SECTION_LIKE.match(ln.text)
        if not m or not m.group("title")[:1].isupper() or m.group("title").rstrip()[-1:] in ".;":
            continue
        number = tuple(int(x) for x in re.split(r"[.,]", m.group("num")))
        expected = {(*section, 1)} | {
            (*section[: k - 1], section[k - 1] + 1) for k in range(1, len(section) + 1)
        }
        if number not in expected:
            if m.group("punct") == "." and "," not in m.group("num"):
                section = number  # a heading read right, out of the expected order
            continue
        section = number
        head = ".".join(map(str, number)) + "."
        if m.group("num") + m.group("punct") != head:
            _set_head(ln, m.group("num") + m.group("punct"), head)


def _join_number(line: list[ocr.OcrWord], texts: list[str]) -> tuple[list[ocr.OcrWord], list[str]]:
    """'Số: 3 39/C04-P6' → 'Số: 339/C04-P6': a stamped number that OCR split in pieces."""
    if len(texts) < 3 or not re.fullmatch(r"Số:?", texts[0]):
        return line, texts
    k = 1
    while k < len(texts) - 1 and texts[k].isdigit():
        k += 1
    if k == 1 or not re.match(r"\d\S*/", texts[k]):
        return line, texts
    first, last = line[1], line[k]
    joined = dataclasses.replace(
        first,
        text=re.sub(r"[^\w/\-]", "", "".join(texts[1 : k + 1])),
        width=last.left + last.width - first.left,
        conf=min(w.conf for w in line[1 : k + 1]),
    )
    return [line[0], joined, *line[k + 1 :]], [texts[0], joined.text, *texts[k + 1 :]]


def _closing_columns(lines: list[_Line]) -> list[_Line]:
    """ "Nơi nhận" and its list are a column beside the signature's: read the list to its
    end before the signature, also where a list line runs past the middle of the page
    (the PDF reader closes a two-column stretch at such a line)."""
    start = next((k for k, ln in enumerate(lines) if ln.split and _RECIPIENTS.match(ln.text)), None)
    if start is None:
        return lines
    head = lines[start]
    rights = [ln.x0 for ln in lines[start + 1 :] if ln.split and ln.x0 > head.x1]
    if not rights:
        return lines
    split_x = min(rights)
    left: list[_Line] = []
    right: list[_Line] = []
    end = start
    for ln in lines[start:]:
        if ln.x0 >= split_x - 1:
            right.append(ln)
        elif abs(ln.x0 - head.x0) <= 15 and ln.x1 < split_x + 20:
            left.append(ln)
        else:
            break
        end += 1
    for ln in left + right:
        ln.split = True
    return lines[:start] + left + right + lines[end:]


_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.I)


def _has_text(kept: list[tuple[str, float]]) -> bool:
    good = [t for t, c in kept if c >= 60 and ocr_correct.plausible(t.strip(".,;:()"))]
    return len(good) >= MIN_SYLLABLES


def to_pdf_page(
    page: ocr.OcrPage, notes: list[int] | None = None, widths: dict[str, float] | None = None
) -> tuple[_Page, list[tuple[str, float]]]:
    scale = 72.0 / page.dpi
    marks = _Marks()
    notes = notes if notes is not None else [0, 0]
    words, kept = _line_words(page, scale, notes, marks, widths or word_widths([page]))
    out = _Page(number=page.number, height=page.height * scale, width=page.width * scale)
    out.lines = _closing_columns(_lines(words, page.number, out.width)) if words else []
    _number_markers(out, marks, kept)
    out.chars = sum(len(w.text) for w in words)
    return out, kept


def read_scanned(
    path: Path,
    data: bytes,
    numbers: list[int],
    source: Callable[[int], tuple[Image.Image, float]],
    has_text_pages: bool = False,
) -> ScanResult:
    """OCR these pages into PDF-reader pages. Without Tesseract, a file that has other
    pages with text keeps them (with a warning); one that has none is refused."""
    result = ScanResult()
    check_page_limit(path, len(numbers))
    try:
        raw = ocr.ocr_pages(path, data, numbers, source)
    except OcrUnavailableError as e:
        if not has_text_pages:
            raise
        result.failed = True
        result.warnings.append(f"{_pages_text(numbers)} là ảnh quét, chưa đọc được: {e.message}")
        return result
    blank, unreadable, failed = [], [], []
    notes = [0, 0]  # last footnote number, last marker in running text
    widths = word_widths([p for p in raw.values() if not p.blank and not p.error])
    for n in numbers:
        page = raw[n]
        result.raw[n] = page
        if page.blank:
            blank.append(n)
            continue
        if page.error:
            failed.append(n)
            continue
        pdf_page, kept = to_pdf_page(page, notes, widths)
        if not _has_text(kept):
            unreadable.append(n)
            continue
        result.pages[n] = pdf_page
        result.words[n] = kept
    _repair_headings([result.pages[n] for n in sorted(result.pages)])
    if blank:
        result.warnings.append(f"{_pages_text(blank)} trắng, bỏ qua")
    if unreadable:
        result.warnings.append(
            f"{_pages_text(unreadable)}: không nhận ra chữ tiếng Việt (hình ảnh, chữ viết tay "
            "hoặc ảnh quá mờ), bỏ qua"
        )
    if failed:
        result.warnings.append(
            f"{_pages_text(failed)}: nhận dạng ký tự (OCR) quá {ocr.current().page_timeout_s:g} "
            "giây hoặc bị lỗi, bỏ qua — hãy nạp lại tệp"
        )
    if result.pages:
        done = sorted(result.pages)
        result.warnings.append(
            f"{_pages_text(done)} được nhận dạng ký tự (OCR), độ tin cậy trung bình "
            f"{result.mean_conf:.0f}% — nên đối chiếu số liệu với bản gốc"
        )
    return result


def no_text_error(path: Path, scan: ScanResult, kind: str = "tệp") -> OcrNoTextError:
    pages = len(scan.raw)
    if scan.raw and all(p.blank for p in scan.raw.values()):
        why = "các trang đều trắng" if pages > 1 else "trang trắng"
    else:
        why = "không nhận ra chữ tiếng Việt"
    what = "trong ảnh" if kind == "ảnh" else f"trong {pages} trang"
    return OcrNoTextError(
        path,
        f"đã nhận dạng ký tự (OCR) nhưng {why} {what}: không có nội dung để lập chỉ mục. "
        "Hãy kiểm tra đây đúng là ảnh chụp/bản quét văn bản, đủ rõ (khoảng 300 dpi).",
    )

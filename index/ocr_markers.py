"""Footnote markers in a scanned page's running text. The raised number after a word comes
out as marks ("án”;", "giả'.", "dự án °,", "GPMBỶ;", "trước) Ì,") or not at all, the
word's box then running wider or higher than the same word's elsewhere ("GPMB;" boxed from
the number's top): such candidates get the numbers of the notes at the foot of their page
(`index.ocr_footnotes`), in reading order, the likeliest first when there are more than
notes (a ” may close a quote, a box too wide may be nothing).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from index import ocr, ocr_correct, vn
from index.readers.pdf.page import Page

MARKS = {",", "'", "’", "‘", "`", "!", "?", "*", "°", "^", '"', "”", "“", ":"}  # OCR'd ¹²³
# What Tesseract makes of a raised footnote number: quotes, apostrophes, stray marks, and
# letters with a diaeresis (which Vietnamese never writes).
MARK_GLYPHS = "'’‘`\"”“!?°^*ˆ˜´¨ÏŸÎ"
QUOTE_GLYPHS = '”“"`'  # ... of which these may also be a real closing quote
WIDE = 0.3  # a word box this many word heights wider than usual hides a raised number (a
# raised digit is about a third of a word height wide)
RAISED = 0.15  # a word box rising this many word heights above its line's ascenders
_ASCENDING = frozenset("bdhklđ0123456789ABCDEFGHIKLMNOPQRSTUVXYĐ")
_ABOVE = frozenset("\u0300\u0301\u0302\u0303\u0306\u0309")  # tones, circumflex, breve
PUNCT_WIDTH = 0.3  # a full stop, comma or colon after a word, in word heights


GLYPHS = re.escape(MARK_GLYPHS)


# "án”;", "giả'.", "đồng.”", "trước)'”,": a word, then a raised number read as marks.
_BODY_MARK = re.compile(
    rf"^(?P<word>.*(?:[^\W\d_]|\)))(?P<p1>[.,;:]?)(?P<mark>[{GLYPHS}]{{1,3}})(?P<p2>[.,;:]?)$"
)


# "°,", "”.", "Ï;": the raised number read as a token of its own after the word.
LONE_MARK = re.compile(rf"^(?P<mark>[{GLYPHS}]{{1,3}})(?P<p2>[.,;:]?)$")


# "21.377,9m”": a unit's exponent (m², km²) read as a mark.
_UNIT_MARK = re.compile(rf"^(?P<num>\d[\d.,]*k?m)(?P<mark>[{GLYPHS}]{{1,2}})(?P<p>[.,;:]?)$")


_ACCENTED_CAPS = "".join(
    c
    for c in map(chr, range(0xC0, 0x1EFA))
    if c.isupper() and len(d := unicodedata.normalize("NFD", c)) > 1 and d[0] in "AEIOUY"
)


_CAPS_MARK = re.compile(
    rf"^(?P<word>[A-ZĐ]{{2,}})(?P<p1>)(?P<mark>[{_ACCENTED_CAPS}])(?P<p2>[.,;:]?)$"
)


_RAISED_LONE = re.compile(r"^(?P<mark>[^\W\d_])(?P<p2>[.,;:]?)$")


OPENS = ("“", '"')


_PUA = 0xE000  # private-use characters stand for marker candidates until they are numbered


def marker_like(k: int, w: ocr.OcrWord) -> bool:
    return k == 0 and (w.text in MARKS or (w.text.isdigit() and len(w.text) <= 2))


def word_mark(text: str) -> re.Match[str] | None:
    m = _BODY_MARK.match(text)
    # a word, or a closing bracket (after a figure: "(96,3%)'" — no text puts a mark there)
    if m and (sum(c.isalpha() for c in m.group("word")) >= 2 or m.group("word").endswith(")")):
        return m
    m = _CAPS_MARK.match(text)  # "GPMBỶ;": no acronym ends in an accented vowel
    if m and not ocr_correct.plausible(m.group("word")) and not ocr_correct.plausible(text):
        return m
    return None


@dataclass
class Marks:
    """Footnote numbers of one page and the marker candidates in its running text."""

    notes: list[int] = field(default_factory=list)  # numbers of the notes that start here
    strength: list[int] = field(default_factory=list)  # per candidate: 2 sure, 1 a quote?
    restore: list[str] = field(default_factory=list)  # per candidate: the marks as read
    score: list[float] = field(default_factory=list)  # per candidate: how sure, within strength


@dataclass(frozen=True)
class Shapes:
    """Words read often and confidently across a document: the usual width of each, and
    how far its top usually stands from the tops of the other words of its line, both in
    heights of its line's typical word (so that type of any size compares). Against them
    a word's box that runs wider or higher shows a raised number OCR boxed with it."""

    widths: dict[str, float] = field(default_factory=dict)
    tops: dict[str, float] = field(default_factory=dict)


def word_shapes(pages: list[ocr.OcrPage]) -> Shapes:
    """A word seen only with punctuation after it ("GPMB:", "GPMB;") is measured less the
    punctuation, as `too_wide` does."""
    seen: defaultdict[str, list[float]] = defaultdict(list)
    punctuated: defaultdict[str, list[float]] = defaultdict(list)
    tops: defaultdict[str, list[float]] = defaultdict(list)
    for page in pages:
        by_line: defaultdict[int, list[ocr.OcrWord]] = defaultdict(list)
        for w in page.words:
            by_line[w.line].append(w)
        for line in by_line.values():
            typical = sorted(w.height for w in line)[len(line) // 2]
            for w in line:
                core = w.text.rstrip(".,;:")
                if w.conf < 90 or not core.isalpha():
                    continue
                if core == w.text:
                    seen[vn.nfc(core)].append(w.width / typical)
                else:
                    punct = PUNCT_WIDTH * (len(w.text) - len(core))
                    punctuated[vn.nfc(core)].append(w.width / typical - punct)
                if len(line) >= 3:
                    tops[vn.nfc(core)].append((w.top - _others_top(w, line)) / typical)
    widths = {t: sorted(v)[len(v) // 2] for t, v in punctuated.items() if len(v) >= 3}
    widths.update({t: sorted(v)[len(v) // 2] for t, v in seen.items() if len(v) >= 3})
    return Shapes(widths, {t: sorted(v)[len(v) // 2] for t, v in tops.items() if len(v) >= 3})


def _others_top(w: ocr.OcrWord, line: list[ocr.OcrWord]) -> float:
    tops = sorted(x.top for x in line if x is not w)
    return tops[len(tops) // 2]


def too_wide(text: str, w: ocr.OcrWord, widths: dict[str, float], typical: float) -> float:
    """How far (in typical word heights) a word's box runs past the same word elsewhere
    with nothing read there, beyond the punctuation after it: a raised number that OCR
    left out ("án;" 111 px wide where "án" is 56). 0 when it does not."""
    core = text.rstrip(".,;:")
    usual = widths.get(core)
    if usual is None or not core.isalpha():
        return 0.0
    extra = w.width / typical - usual - PUNCT_WIDTH * (len(text) - len(core))
    return extra if extra > WIDE else 0.0


def raised_lone(w: ocr.OcrWord, line: list[ocr.OcrWord], typical: float) -> bool:
    """A letter or mark alone, narrow, raised above the line's words, read with little
    confidence: a footnote number after a word ("án Ý;" for "án¹⁴;")."""
    core = w.text.rstrip(".,;:")
    narrow = (0.8 + PUNCT_WIDTH * (len(w.text) - len(core))) * typical  # with its comma
    if len(core) != 1 or w.conf >= 50 or w.width >= narrow:
        return False
    tops = sorted(x.top for x in line if x is not w)
    return w.top < tops[len(tops) // 2] - 0.1 * typical


def raised_top(text: str, w: ocr.OcrWord, line: list[ocr.OcrWord], typical: float,
               tops: dict[str, float]) -> float:  # fmt: skip
    """How far (in typical word heights) a word's box rises above where the same word's top
    usually stands in its line or, for a word not seen often, above the tops of the line's
    words that reach no higher than their ascenders when no letter of it carries a mark that
    rises higher: a raised number that OCR left out but boxed with it ("GPMB;" boxed from a
    ⁹'s top, "án;" from a ⁷'s). 0 when it does not."""
    core = text.rstrip(".,;:")
    if len(line) < 3 or not core.isalnum():
        return 0.0
    usual = tops.get(core)
    if usual is not None:
        rise = usual - (w.top - _others_top(w, line)) / typical
    elif _level(core):
        level = sorted(x.top for x in line if x is not w and _level(x.text.rstrip(".,;:")))
        if len(level) < 2:
            return 0.0
        rise = (level[len(level) // 2] - w.top) / typical
    else:
        return 0.0
    return rise if rise > RAISED else 0.0


def _level(core: str) -> bool:
    """Letters and digits whose tops stand at the ascender line: one of them reaches it (a
    capital, a digit, b d h k l …) and none carries a mark above it."""
    if not core.isalnum() or not any(c in _ASCENDING for c in core):
        return False
    return not any(c in _ABOVE for c in unicodedata.normalize("NFD", core))


def candidate(marks: Marks, mark: str, restore: str, strength: int | None = None,
               score: float = 0.0) -> str:  # fmt: skip
    """A placeholder for a footnote marker read as `mark`: strength 2 a mark no word
    has, 1 one that may close a quote or be a letter, 0 none read (a box too wide)."""
    if strength is None:
        strength = 1 if all(c in QUOTE_GLYPHS for c in mark) or mark.isalpha() else 2
    marks.strength.append(strength)
    marks.score.append(score)
    marks.restore.append(restore)
    return chr(_PUA + len(marks.strength) - 1)


def body_token(text: str, k: int, w: ocr.OcrWord, out: list, marks: Marks,
                quoted: bool, raised: bool = False, faint: bool = False
               ) -> tuple[str, bool]:  # fmt: skip
    """One token of running text: a unit's exponent put back, a footnote marker read as
    marks made a candidate (a lone one joins the word before it; '' drops the token), and
    quotes followed so that a closing quote is not taken for a marker."""
    if m := _UNIT_MARK.match(text):
        return m.group("num") + "²" + m.group("p"), quoted
    lone = LONE_MARK.match(text) if k > 0 and out and not text.startswith(OPENS) else None
    if raised and lone is None and out:
        lone = _RAISED_LONE.match(text)
    m = lone or word_mark(text)
    if m is None:
        if text.startswith(OPENS) and text[1:2].isalnum():
            quoted = not text.endswith(("”", '"')) or len(text) < 3
        elif text.endswith(("”", '"')):
            quoted = False
        return text, quoted
    mark = m.group("mark")
    if quoted and all(c in QUOTE_GLYPHS for c in mark):
        return (text if lone is None else _glue(out, text, w)), False  # a closing quote
    if lone is not None:
        restore = "" if faint else mark  # a faint speck, dropped as before
        if _read_at_last(out, marks, mark, restore):
            _glue(out, m.group("p2"), w)  # the box too wide before it was this marker
        else:
            _glue(out, candidate(marks, mark, restore) + m.group("p2"), w)
        return "", quoted
    return m.group("word") + m.group("p1") + candidate(marks, mark, mark) + m.group("p2"), quoted


def _read_at_last(out: list, marks: Marks, mark: str, restore: str) -> bool:
    """The word before a lone mark already holds a candidate with nothing read (its box
    ran too wide or too high, "lượt '°."): the mark is that marker, read after all, and
    the candidate takes its strength. False when there is none."""
    found = [
        ord(c) - _PUA for c in out[-1][0] if ord(c) >= _PUA and ord(c) - _PUA < len(marks.strength)
    ]
    if not found or marks.strength[found[-1]] != 0:
        return False
    i = found[-1]
    marks.strength[i] = 1 if all(c in QUOTE_GLYPHS for c in mark) or mark.isalpha() else 2
    marks.restore[i] = restore
    return True


def _glue(out: list, text: str, w: ocr.OcrWord) -> str:
    """Append `text` to the last word of `out` (its box grows to cover `w`)."""
    prev_text, prev, raised = out[-1]
    width = w.left + w.width - prev.left
    out[-1] = (prev_text + text, dataclasses.replace(prev, width=max(prev.width, width)), raised)
    return ""


def number_markers(page: Page, marks: Marks, kept: list[tuple[str, float]]) -> None:
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

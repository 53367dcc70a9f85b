"""Part and section numbers on a scanned report, set right by their sequence: parts go
I, II, III and the sections of a part 1, 2, 3 (2.1 after 2), so a heading read "H.", "IL",
"II" for "III" or "7," for "7." is set right where the sequence expects it."""

from __future__ import annotations

import re
from collections import Counter

from index.readers.pdf.layout import Line
from index.readers.pdf.page import Page

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


# A part's numeral as OCR reads it: "II" as "H" or "IL", a dot lost or read as a comma.
_NUM, _PUNCT = r"[IVXHLl|!\[\]]{1,5}", r"[.,:;\-–]?"
NUMERAL = re.compile(_NUM + _PUNCT)
_PART_LIKE = re.compile(rf"^(?P<num>{_NUM})(?P<punct>{_PUNCT})\s+(?P<title>\S.*)$")


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


def _set_head(ln: Line, old: str, new: str) -> None:
    """Put `new` for the line's leading `old` (its first word)."""
    ln.text = new + ln.text[len(old) :]
    if ln.words and ln.words[0].text == old:
        ln.words[0].text = new


def repair_headings(pages: list[Page]) -> None:
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
    prev: Line | None = None
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

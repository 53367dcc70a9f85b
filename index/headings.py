"""Which lines of a report are headings, and what they number: the big parts of a yearly
report ("PHẦN THỨ HAI – PHƯƠNG HƯỚNG, NHIỆM VỤ …"), its Roman parts ("II. KẾT QUẢ …") and
numbered sections ("2.1. Đầu tư xây dựng"). index/structure.py builds the tree from them."""

from __future__ import annotations

import re

from index import vn

PART_RE = re.compile(r"^(?P<num>[IVXLC]{1,6})\s*[.\-–:]\s*(?P<title>\S.*)$")
SECTION_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(?P<title>\S.*)$")
# "PHẦN THỨ NHẤT", "Phần thứ hai: …", "PHẦN I. …", "PHẦN A": each restarts the Roman parts
BOOK_RE = re.compile(
    r"^(?:PHẦN|Phần)\s+(?:(?:THỨ|thứ)\s+(?P<word>\w+)|(?P<num>[IVX]{1,4}|\d{1,2}|[A-E]))"
    r"(?=$|[\s.:\-–])\s*[.:\-–]?\s*(?P<title>.*)$",
    re.S,
)
# "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9", "B. ĐÁNH GIÁ CHUNG": lettered parts above the Roman
# ones, in capitals (a lettered list item is written in sentence case)
_LETTER_RE = re.compile(r"^(?P<letter>[A-E])\.\s+(?P<title>\S.*)$")
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}


def is_heading_title(title: str) -> bool:
    title = title.strip()
    if not title or len(title) > 160 or vn.MARKER_RE.search(title[-2:] if title else ""):
        return False
    if title[-1] in ".;" and not title.endswith(":"):
        return False
    if re.search(r":\s[^:]*\d", title.rstrip(":")):  # "Về người: 04 người chết, …": a run-in
        return False  # lead and its figures, a list item of the body
    first = title.lstrip('*“"(')[:1]
    return first.isupper()


def book(text: str) -> tuple[int, str] | None:
    """(number, title) of a "PHẦN THỨ …" heading; the title may follow on its own line."""
    m = BOOK_RE.match(text)
    if not m or len(text) > 200:
        return None
    if m.group("word"):
        n = _ORDINALS.get(vn.fold(m.group("word")), 0)
    else:
        raw = m.group("num")
        n = int(raw) if raw.isdigit() else _ROMAN.get(raw) or "ABCDE".find(raw) + 1
    title = " ".join(m.group("title").split())
    if not n or (title and not is_heading_title(title)):
        return None
    return n, title


def heading(text: str, level_hint: int | None) -> tuple[str, str, str] | None:
    """('part'|'section', number, title) when a text block is a numbered heading."""
    m = PART_RE.match(text)
    if m and is_heading_title(m.group("title")) and len(text) < 200:
        return "part", m.group("num"), m.group("title").strip()
    m = SECTION_RE.match(text)
    if m and is_heading_title(m.group("title")) and not re.match(r"^\d", m.group("title")):
        num = m.group("num")
        if not text[len(num) :].lstrip().startswith(("/", ",")) and (
            "." in text[: len(num) + 2] or ")" in text[: len(num) + 2] or level_hint
        ):
            return "section", num, m.group("title").strip().rstrip(":")
    return None


def letter_part(text: str) -> tuple[int, str] | None:
    """(number, title) of a lettered part ("B. ĐÁNH GIÁ CHUNG" → 2): the caller keeps them
    in order (A first, then B …), so that a lettered item elsewhere is no part."""
    m = _LETTER_RE.match(text)
    if not m or len(text) > 160 or not m.group("title").isupper():
        return None
    title = m.group("title").strip()
    return ("ABCDE".index(m.group("letter")) + 1, title) if is_heading_title(title) else None


def next_roman(numeral: str) -> str:
    """The Roman numeral after `numeral` ("" when it is none of I … VIII)."""
    n = _ROMAN.get(numeral.split(".")[0], 0)
    return next((r for r, v in _ROMAN.items() if v == n + 1), "") if n else ""

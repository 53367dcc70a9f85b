"""Vietnamese text as written: NFC, diacritic folding (for matching only), syllables,
footnote markers, and sentences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_INT = {c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)}
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase and strip diacritics, đ→d: 'Giải phóng' → 'giai phong'."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.replace("đ", "d")


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def superscript_to_int(marker: str) -> int:
    return int("".join(_SUP_TO_INT[c] for c in marker))


MARKER_RE = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_UNIT_BEFORE = re.compile(r"(?:\d|\b)(?:k|c|d|m|h)?m\s?$")


def footnote_markers(text: str) -> list[tuple[int, int, int]]:
    """(number, start, end) of superscript footnote markers, leaving out unit exponents
    such as the ² of 43.650,3m² or the ³ of m³."""
    found = []
    for m in MARKER_RE.finditer(text):
        if m.start() == 0:
            continue
        if m.group(0) in "²³" and _UNIT_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        found.append((superscript_to_int(m.group(0)), m.start(), m.end()))
    return found


def strip_markers(text: str) -> str:
    """The text without footnote markers (units such as m² kept)."""
    for _, start, end in reversed(footnote_markers(text)):
        text = text[:start] + text[end:]
    return text


# a unit written against its figure ("21.377,9m²", "12km"): a word of its own
_GLUED_UNIT = re.compile(r"(?<=\d)(?=(?:km²|m²|m³|km|ha|kg|cm|mm|m)(?![^\W\d_]))")


def syllables(text: str) -> list[str]:
    """Lowercased syllables (words split on anything that is not a letter or digit, and a
    unit from the figure it is written against)."""
    return _WORD_RE.findall(_GLUED_UNIT.sub(" ", nfc(text).lower()))


def written_otherwise(asked: str, text: str) -> set[str]:
    """The folded syllables `text` writes only with other diacritics than `asked` types
    them ("sử dụng" against a question's "xây dựng": "dung"): folding makes them one word,
    the question meant another. Only the syllables `asked` types with marks count — "Tan
    Hai" typed plain in an otherwise accented question may still mean "Tân Hải"."""
    by_fold = _marked(asked)
    if not by_fold:
        return set()
    written = syllables(text)
    alike = {fold(w) for w in written if w in by_fold.get(fold(w), ())}
    return {fold(w) for w in written if fold(w) in by_fold} - alike


@lru_cache(maxsize=256)
def _marked(asked: str) -> Mapping[str, frozenset[str]]:
    """The question's syllables typed with marks, by their folded form (read once per
    question: every passage it is checked against asks again)."""
    out: dict[str, set[str]] = {}
    for w in syllables(asked):
        if has_diacritics(w):
            out.setdefault(fold(w), set()).add(w)
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})  # (cached: shared)


def matched_words(words: list[str], *patterns: re.Pattern[str]) -> set[int]:
    """Indices of the words that patterns over the folded, space-joined words cover:
    phrases are matched without diacritics, while the words themselves stay as written."""
    folded = [fold(w) for w in words]
    joined = " ".join(folded)
    starts, pos = [], 0
    for f in folded:
        starts.append(pos)
        pos += len(f) + 1
    return {
        i
        for rx in patterns
        for m in rx.finditer(joined)
        for i, st in enumerate(starts)
        if m.start() <= st < m.end()
    }


_ABBREVIATION_END = re.compile(
    r"(?:\b(?:TP|P|Tp|TT|TS|ThS|PGS|GS|Q|KT|TM|TL|St|Số|số|Ng|X)|\b[A-ZĐ])\.$"
)
# an item's own number is not a sentence: "1. Tiếp tục …", "2.1. Rà soát …"
_ITEM_NUMBER = re.compile(r"\s*[-+•]?\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVXLC]{1,5})\.")
_CLOSERS = frozenset(SUPERSCRIPT_DIGITS + "”\"')")
# A sentence ends at . ! ? or an ellipsis closing a word; a free-standing " … " is a gap in
# a quotation, not an end.
_SENTENCE_END = re.compile(
    rf"(?:[.!?]|(?<!\s)…)[{SUPERSCRIPT_DIGITS}”\"')]*\s+(?=[\"“(‘'\[]?[A-ZĐÀ-ỸẠ-Ỵ0-9])"
)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping '1.234', 'TP. Lạng Sơn', 'P. Đông Kinh' whole."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        # Only the last few characters decide, so a long run of declined ends stays linear.
        end = m.start() + 1
        while end > start and text[end - 1] in _CLOSERS:
            end -= 1
        if _ABBREVIATION_END.search(text, max(start, end - 8), end) or (
            end - start <= 24 and _ITEM_NUMBER.fullmatch(text, start, end)
        ):
            continue
        piece = text[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


# "Trên đây là báo cáo …": the report naming itself, in every report's words; no content
_CLOSING = re.compile(r"^\W*Trên đây là (?:báo cáo|kết quả)", re.I)


def quotable_sentences(text: str) -> list[str]:
    """The sentences of a paragraph an answer may quote: all but the report naming itself."""
    return [s for s in sentences(text) if not _CLOSING.match(s)]

"""Document numbers ('3090/QĐ-UBND', '40-NQ/TU', 'QĐ 3090') and the table of document
types."""

from __future__ import annotations

import re

from index.vn.text import fold, nfc

DOC_NUMBER_RE = re.compile(
    r"(?<![\w/])(\d{1,5})\s*/\s*((?:\d{4}/)?[A-ZĐ][A-ZĐa-zđ&]*(?:[-–][A-ZĐ0-9][A-ZĐa-zđ&0-9]*)*)"
)
# The document types reports cite: (name, the abbreviation in its numbers as in
# "3090/QĐ-UBND", whether a question names one by type and number alone: "QĐ 3090").
# One table for the records, the registry's number lookup and the question's parser.
DOC_TYPE_TABLE = (
    ("Quyết định", "QĐ", True), ("Kế hoạch", "KH", True), ("Công văn", "CV", True),
    ("Nghị quyết", "NQ", True), ("Chỉ thị", "CT", True), ("Hướng dẫn", "HD", True),
    ("Thông báo", "TB", True), ("Kết luận", "KL", True), ("Tờ trình", "TTr", True),
    ("Báo cáo", "BC", True), ("Chương trình", "CTr", False), ("Nghị định", "NĐ", False),
    ("Thông tư", "TT", False), ("Công điện", "CĐ", False), ("Phương án", "PA", False),
    ("Quy chế", "QC", False), ("Quy định", "", False), ("Đề án", "", False),
)  # fmt: skip


# A document number: digits, optional year, then a code of capitalised parts.
DOC_RE = re.compile(
    r"(?<![\w/.,])(?P<digits>\d{1,5})(?:\s?/\s?(?P<year>\d{4}))?\s?[/-]\s?"
    r"(?P<code>[A-ZĐ][A-Za-zĐđ&]*(?:\s?[-/–]\s?[A-ZĐ][A-Za-zĐđ&0-9]*)*)(?![\w])"
)


def documents_in(text: str) -> list[re.Match[str]]:
    """Document numbers in `text` ('3090/QĐ-UBND', '40-NQ/TU', '118/2025/NĐ-CP')."""
    return [m for m in DOC_RE.finditer(text) if sum(c.isupper() for c in m.group("code")) >= 2]


def doc_number_key(number: str) -> str:
    """'3090/QĐ-UBND', '3090/qd-ubnd', '3090 / QĐ - UBND' → '3090/QD/UBND'."""
    return re.sub(r"\s*[-/–]\s*", "/", fold(number).upper().replace(" ", ""))


def doc_numbers(text: str) -> list[str]:
    """Document numbers such as '3090/QĐ-UBND', '40-NQ/TU', '74-CTr/TU', as written."""
    return [re.sub(r"\s+", "", m.group(0)) for m in documents_in(nfc(text))]


LOOSE_DOC_TYPES = tuple(
    (f"{fold(name)}|{fold(abbr).lower()}", name) for name, abbr, loose in DOC_TYPE_TABLE if loose
)  # ("quyet dinh|qd", "Quyết định"): folded ways to write a type before a bare number
_DOC_NUMBER_LOOSE = re.compile(
    r"\b(?:"
    + "|".join(
        f"{name.lower()}|{abbr.lower()}|{fold(name)}|{fold(abbr).lower()}"
        for name, abbr, loose in DOC_TYPE_TABLE
        if loose
    )
    # (not "báo cáo 10 tháng", "báo cáo 6 tháng đầu năm": a period, not a number)
    + r")\s*(?:số|so)?\s*:?\s*(\d{1,5})\b(?!\s*(?:tháng|thang|năm|nam|quý|quy)\b)",
    re.IGNORECASE,
)


def doc_number_digits(text: str) -> list[str]:
    """The bare number of documents named loosely: 'QĐ 3090', 'quyet dinh 3090'."""
    strict = [re.match(r"\d+", n).group(0) for n in doc_numbers(text)]  # type: ignore[union-attr]
    loose = [m.group(1) for m in _DOC_NUMBER_LOOSE.finditer(nfc(text))]
    return list(dict.fromkeys(strict + loose))

"""Figures the reports' way: '1.234,5' parsed, formatted and compared in one canonical
form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.vn.text import fold, nfc

# 1.234.567 / 1.234,5 / 45,76 / 170.042/371.635 kept whole; a trailing % attaches.
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s?%)?")
YEAR_RE = re.compile(r"(?:19|20)\d\d")  # a figure that may be a year, matched whole


# a count written in words, as leaders type it ("bốn công trình", "hai việc"): only with its
# diacritics (folded, "sau", "tam", "bay" are "sau", "tạm", "bay"), and never "năm" (a year)
_COUNT_WORDS = {"hai": "2", "ba": "3", "bốn": "4", "sáu": "6", "bảy": "7", "tám": "8",
                "chín": "9", "mười": "10"}  # fmt: skip
_COUNT_WORD_RE = re.compile(rf"(?<!\w)({'|'.join(_COUNT_WORDS)}) (?=\w)", re.I)


def counts_as_digits(text: str) -> str:
    """The text with counts written in words as digits ("bốn công trình" → "4 công trình"):
    lower-case before a lower-case word — "Ba Đình" is a name — or a question's first word.
    "hai" and "ba" count only in a text written with its diacritics: typed without them,
    "thiet hai" is "thiệt hại", "hai san" "hải sản", "ong ba" "ông bà"."""
    text = nfc(text)
    accented = fold(text) != text.lower()

    def digit(m: re.Match[str]) -> str:
        word, after = m.group(1), text[m.end() : m.end() + 1]
        if not after.islower() or (word != word.lower() and m.start() > 0):
            return m.group(0)
        if not accented and fold(word) == word.lower():
            return m.group(0)
        return f"{_COUNT_WORDS[word.lower()]} "

    return _COUNT_WORD_RE.sub(digit, text)


def parse_number(text: str) -> float | None:
    """Parse a Vietnamese-formatted number: '397.497' → 397497, '108,7' → 108.7,
    '43.650,3' → 43650.3, '1.194,48' → 1194.48. A lone '.' with three digits after it
    is a thousands separator, as the reports write them."""
    s = text.strip().rstrip("%").strip()
    if not s or not re.fullmatch(r"\d+(?:[.,]\d+)*", s):
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        parts = s.split(",")
        s = s.replace(",", ".") if len(parts) == 2 else s.replace(",", "")
    elif "." in s:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            s = s.replace(".", "")
        elif len(parts) != 2:
            return None
    try:
        return float(s)
    except ValueError:
        return None


def parse_signed(text: str) -> float | None:
    """A table's change column: '+33,6' → 33.6, '-30,3' and '−30,3' → -30.3."""
    s = text.strip()
    sign = -1.0 if s[:1] in "-−–" else 1.0
    value = parse_number(s[1:] if s[:1] in "+-−–" else s)
    return None if value is None else sign * value


def format_number(value: float, decimals: int | None = None) -> str:
    """397497 → '397.497', 1234.5 → '1.234,5': figures written the reports' way. With
    no `decimals`, whole numbers get none and others at most two, trailing zeros cut."""
    trim = decimals is None
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else 2
    text = f"{abs(value):,.{decimals}f}"
    if trim and decimals:
        text = text.rstrip("0").rstrip(".")
    text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("−" if value < 0 and text.strip("0,.") else "") + text


def number_key(text: str) -> str:
    """A canonical form for comparing figures across formats (397.497 ≡ 397497)."""
    value = parse_number(text)
    if value is None:
        return text.strip()
    pct = "%" if text.strip().endswith("%") else ""
    return (f"{value:.6f}".rstrip("0").rstrip(".")) + pct


def numbers(text: str) -> list[str]:
    """Figures as written in the text, in order."""
    return [m.group(0).replace(" ", "") for m in NUMBER_RE.finditer(text)]


def figure_tokens(text: str) -> list[str]:
    """Canonical tokens of the formatted figures in `text` ('#397497', '#108.7%')."""
    out = []
    for m in NUMBER_RE.finditer(nfc(text)):
        raw = m.group(0).replace(" ", "")
        if re.search(r"[.,]", raw):
            out.append("#" + number_key(raw))
    return out


def _decimals(raw: str) -> int:
    parts = re.split(r"[.,]", raw)
    if "," in raw:
        return len(raw.rpartition(",")[2])
    return 0 if len(parts) == 1 or all(len(p) == 3 for p in parts[1:]) else len(parts[-1])


# đồng by scale, as reports write amounts: a province's "2,3 tỷ đồng", a commune's "2.315
# triệu đồng", a fine's "58.300.000đ"
MONEY_SCALES = {"đồng": 0, "nghìn đồng": 3, "triệu đồng": 6, "tỷ đồng": 9}


def rescaled(raw: str, value: float, unit: str, target: str) -> tuple[str, float] | None:
    """An amount of money written in another scale of đồng, exactly ("2,3" tỷ đồng is
    "2.300" triệu đồng); None when either unit is no scale of đồng, or both are one."""
    a, b = MONEY_SCALES.get(unit), MONEY_SCALES.get(target)
    if a is None or b is None or a == b:
        return None
    shift = a - b
    new = round(value * 10.0**shift, 9)
    text = format_number(new, max(0, _decimals(raw) - shift))
    return (text.rstrip("0").rstrip(",") if "," in text else text), new


@dataclass(frozen=True)
class Difference:
    """`hi − lo`, written out on the figures as the reports write them."""

    calc: str  # "42.960 − 40.120 = 2.840 triệu đồng (+7,1%)"
    change: float  # hi − lo, rounded to the figures' decimals
    amount: str  # |change| as the calculation writes it: "2.840"
    share: str  # |change| / lo as a percentage ("7,1%"); "" for rates or from zero

    @property
    def verb(self) -> str:
        """How the change reads: "tăng", "giảm" or "không đổi"."""
        return "tăng" if self.change > 0 else "giảm" if self.change < 0 else "không đổi"


def difference(
    hi_raw: str, hi: float, lo_raw: str, lo: float, unit: str, relative: bool = True
) -> Difference:
    """The arithmetic a comparison shows: the difference in the figures' own decimals, in
    points for a rate ("điểm %"), and as a share of `lo` otherwise (not for ranks: a
    `relative` change of a rank means nothing). Every number of it is either an operand
    (cited) or checked by assistant/answerers/arithmetic.py."""
    decimals = max(_decimals(hi_raw), _decimals(lo_raw))
    shown = f" {unit}" if unit and unit != "%" else (" điểm %" if unit == "%" else "")
    diff = round(hi - lo, decimals)
    calc = (
        f"{format_number(hi, decimals)} − {format_number(lo, decimals)} = "
        f"{format_number(diff, decimals)}{shown}"
    )
    share = ""
    if relative and lo and unit != "%":
        share = format_number(abs(diff) / abs(lo) * 100, 1) + "%"
        calc += f" ({'+' if diff >= 0 else '−'}{share})"
    return Difference(calc, diff, format_number(abs(diff), decimals), share)


def share(part_raw: str, part: float, whole_raw: str, whole: float) -> str:
    """What share of `whole` `part` is, written out on the figures as the reports write them
    ("412 / 6.842 = 6,0%"); checked by assistant/answerers/arithmetic.py."""
    return f"{part_raw} / {whole_raw} = {format_number(part / whole * 100, 1)}%"

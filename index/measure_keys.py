"""When a figure belongs to the measure a user names, and units written two ways.

Sharing words is not enough: "người nghiện ma túy" shares three of its four words with
"tuyên truyền phòng, chống ma túy … lượt người tham dự" and is a different measure. A
measure is a noun phrase whose head comes first ("người nghiện" ma túy, "thu ngân
sách" nhà nước, "khách du lịch"). Past the words that only count, total or report an act
on it ("số", "tổng số", "lượt", "vụ", "cấp", "xảy ra"), the heads of the query and of the
figure's measure must agree, the query's head must stand in the measure as a phrase, and
a running total ("lũy kế") is never the same measure as the month's figure.
"""

from __future__ import annotations

import re

from index import vn
from index.record_keys import spell_out

# Canonical units, as index/records/figures.py writes them, by their folded spellings.
_UNIT_SPELLINGS = {
    "triệu đồng": ("trieu dong", "tr.d", "trd", "tr d", "tr.dong", "tr dong", "trieu vnd"),
    "tỷ đồng": ("ty dong", "ti dong", "ty d", "ty vnd", "ty", "ti"),
    "nghìn đồng": ("nghin dong", "ngan dong", "nghin d"),
    "đồng": ("dong", "d", "vnd"),
    "%": ("%", "phan tram"),
    "ha": ("ha", "hecta", "hec ta", "hec-ta"),
    "m²": ("m2", "m²", "met vuong"),
    "người": ("nguoi",),
    "lượt": ("luot",),
    "lượt người": ("luot nguoi",),
    "trường hợp": ("truong hop", "th"),
    "hộ": ("ho", "ho gia dinh"),
}
_UNIT_BY_SPELLING = {s: unit for unit, spellings in _UNIT_SPELLINGS.items() for s in spellings}


def normalize_unit(text: str) -> str:
    """'tr.đ', 'trđ', 'triệu đồng' → 'triệu đồng'; 'tỉ đồng' → 'tỷ đồng'; a unit not
    listed is returned as written (trimmed)."""
    text = vn.nfc(text or "").strip()
    folded = " ".join(vn.fold(text).split())
    return _UNIT_BY_SPELLING.get(folded, text)


# Words before the head that only count, total, frame or report an act on a measure,
# matched with their diacritics ("số", not "sở"; "đạt", not "đất"), longest first.
_LEADS = tuple(
    tuple(w.split())
    for w in (
        "số lượng", "tổng số", "tổng cộng", "tổng", "số", "lũy kế", "luỹ kế", "kết quả",
        "tình hình", "công tác", "ước tính", "ước", "còn", "lượt người", "lượt", "vụ việc",
        "vụ", "ca", "suất", "buổi", "cuộc", "trường hợp", "đối tượng", "hộ gia đình", "hộ",
        "người", "cấp mới", "cấp", "thực hiện", "giải quyết", "tiếp nhận", "thụ lý",
        "xảy ra", "phát hiện", "bắt giữ", "bắt", "xử lý", "đạt", "có", "hoàn thành",
        "ban hành", "ra quyết định",
    )
)  # fmt: skip
# Units that never head a measure; the others are what is counted ("03 doanh nghiệp
# thành lập mới" is a measure of "doanh nghiệp thành lập mới").
_NOT_HEADS = frozenset(["triệu đồng", "tỷ đồng", "nghìn đồng", "đồng", "%", "m²", "ha", "km"])
# "xử phạt vi phạm hành chính (số tiền)": the quantity is what is measured.
_QUANTITY = re.compile(r"^(.*?)\s*\((số tiền(?: xử phạt)?|diện tích|kinh phí|trị giá|giá trị)\)$")
MIN_COVERAGE = 0.6  # share of the query's words the measure (with its unit) must hold


def measure_words(text: str) -> list[str]:
    """Lower-case words with their diacritics, abbreviations spelt out."""
    return vn.syllables(spell_out(text))


def _is(word: str, lead: str) -> bool:
    """A word written without diacritics (a query typed so) matches on its folded form."""
    return word == lead or (word == vn.fold(word) and word == vn.fold(lead))


def _lead_end(words: list[str]) -> int:
    """Where the words that count, total or report an act on a measure end."""
    i, moved = 0, True
    while moved and i < len(words):
        moved = False
        for lead in _LEADS:
            n = len(lead)
            if i + n < len(words) and all(map(_is, words[i : i + n], lead)):
                i, moved = i + n, True
                break
    return i


def core(words: list[str]) -> list[str]:
    """The words past those that count, total or report an act ('lũy kế cấp giấy phép xây
    dựng' → 'giấy phép xây dựng'): what two reports name alike when they measure alike."""
    return words[_lead_end(words) :]


def head(words: list[str]) -> list[str]:
    """The first two words (folded) after those that count, total or report an act: 'số
    người nghiện ma túy' → ['nghien', 'ma']; 'lũy kế thu NSNN' → ['thu', 'ngan']."""
    i = _lead_end(words)
    return [vn.fold(w) for w in words[i : i + 2]]


def readings(measure: str, unit: str) -> list[list[str]]:
    """The ways a figure's measure reads as a noun phrase: as written; its quantity first
    ('số tiền xử phạt vi phạm hành chính'); what its unit counts first ('doanh nghiệp
    đăng ký thành lập mới', the extractor keeping the counted noun as the unit)."""
    out = [measure_words(measure)]
    own, quantity = m.groups() if (m := _QUANTITY.match(vn.nfc(measure))) else (measure, "")
    words = measure_words(own)
    rest = words[_lead_end(words) :]
    if quantity:
        out.append(measure_words(quantity) + rest)
    if unit and normalize_unit(unit) not in _NOT_HEADS:
        out.append(measure_words(unit) + rest)
    return out


def _running_total(folded: list[str]) -> bool:
    return any(folded[i : i + 2] == ["luy", "ke"] for i in range(len(folded)))


def _phrase_in(phrase: list[str], words: list[str]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def measure_score(query: list[str], measure: str, unit: str) -> float | None:
    """How well a figure (its measure and unit) answers the query words (see
    `measure_words`), or None when it is another measure: word overlap, once the heads
    agree in one of its `readings` (see the module docstring)."""
    if not query:
        return None
    hq = head(query)
    for reading in readings(measure, unit):
        hm = head(reading)
        n = min(len(hq), len(hm))
        if not hq or (_phrase_in(hq, [vn.fold(w) for w in reading]) and hq[:n] == hm[:n]):
            break
    else:
        return None
    want = [vn.fold(w) for w in query]
    if _running_total(want) != _running_total([vn.fold(w) for w in measure_words(measure)]):
        return None
    got = {vn.fold(w) for w in measure_words(measure) + measure_words(unit)}
    common = set(want) & got
    if len(common) / len(set(want)) < MIN_COVERAGE:
        return None
    return len(common) / len(set(want) | got)

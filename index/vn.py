"""Vietnamese text handling shared by indexing and querying.

Folding is only ever used for matching: stored and displayed text keeps its diacritics.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_INT = {c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)}

# Abbreviations common in UBND reports, with the words they stand for.
ABBREVIATIONS: dict[str, str] = {
    "NSNN": "ngân sách nhà nước",
    "GPMB": "giải phóng mặt bằng",
    "BGMB": "bàn giao mặt bằng",
    "BT": "bồi thường",
    "HT": "hỗ trợ",
    "TĐC": "tái định cư",
    "ATGT": "an toàn giao thông",
    "TTATGT": "trật tự an toàn giao thông",
    "ANTT": "an ninh trật tự",
    "TTATXH": "trật tự an toàn xã hội",
    "XDCB": "xây dựng cơ bản",
    "GPXD": "giấy phép xây dựng",
    "GPLX": "giấy phép lái xe",
    "VPHC": "vi phạm hành chính",
    "TPLS": "thành phố Lạng Sơn",
    "TP": "thành phố",
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "CCHC": "cải cách hành chính",
    "CĐS": "chuyển đổi số",
    "VSMT": "vệ sinh môi trường",
    "VSATTP": "vệ sinh an toàn thực phẩm",
    "GCNQSD": "giấy chứng nhận quyền sử dụng",
    "GCN": "giấy chứng nhận",
    "NTM": "nông thôn mới",
    "KT-XH": "kinh tế - xã hội",
    "KTXH": "kinh tế - xã hội",
    "QP-AN": "quốc phòng - an ninh",
    "GD-ĐT": "giáo dục - đào tạo",
    "HSG": "học sinh giỏi",
    "DVC": "dịch vụ công",
    "DVCTT": "dịch vụ công trực tuyến",
    "TTHC": "thủ tục hành chính",
    "PCCC": "phòng cháy chữa cháy",
    "CNS": "công nghệ số",
    "TH": "trường hợp",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "QĐ": "quyết định",
    "NQ": "nghị quyết",
    "KH": "kế hoạch",
    "HD": "hướng dẫn",
    "CT": "chỉ thị",
    "TB": "thông báo",
    "KL": "kết luận",
    "CV": "công văn",
    "DA": "dự án",
    "MTTQ": "mặt trận tổ quốc",
    "LĐTBXH": "lao động - thương binh và xã hội",
    "TN&MT": "tài nguyên và môi trường",
    "TNMT": "tài nguyên và môi trường",
    "SXKD": "sản xuất kinh doanh",
    "PCI": "chỉ số năng lực cạnh tranh cấp tỉnh",
    "DDCI": "chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương",
}

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# 1.234.567 / 1.234,5 / 45,76 / 170.042/371.635 kept whole; a trailing % attaches.
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s?%)?")
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


def syllables(text: str) -> list[str]:
    """Lowercased syllables (words split on anything that is not a letter or digit)."""
    return _WORD_RE.findall(nfc(text).lower())


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
    + r")\s*(?:số|so)?\s*:?\s*(\d{1,5})\b",
    re.IGNORECASE,
)


def doc_number_digits(text: str) -> list[str]:
    """The bare number of documents named loosely: 'QĐ 3090', 'quyet dinh 3090'."""
    strict = [re.match(r"\d+", n).group(0) for n in doc_numbers(text)]  # type: ignore[union-attr]
    loose = [m.group(1) for m in _DOC_NUMBER_LOOSE.finditer(nfc(text))]
    return list(dict.fromkeys(strict + loose))


def expand_abbreviations(text: str) -> str:
    """Append the long form after each known abbreviation: 'GPLX' → 'GPLX (giấy phép lái xe)'.
    Used for the text an embedder sees, never for what is shown."""

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        long = ABBREVIATIONS.get(word)
        return f"{word} ({long})" if long else word

    return _ABBR_RE.sub(repl, text)


_ABBR_RE = re.compile(
    r"(?<![\w&-])("
    + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True))
    + r")(?![\w&])"
)
_ABBR_FOLDED = {fold(k): [fold(w) for w in syllables(v)] for k, v in ABBREVIATIONS.items()}


def match_key(text: str) -> str:
    """Folded words with abbreviations spelt out, for matching only:
    'Hồ trợ … TPLS' ≡ 'Hỗ trợ … thành phố Lạng Sơn'."""
    expanded = _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(0)], nfc(text))
    return " ".join(syllables(fold(expanded)))


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


def search_tokens(text: str) -> list[str]:
    """Tokens for lexical search: folded syllables, figures in canonical form,
    abbreviations expanded to their words. Same function for chunks and questions."""
    return figure_tokens(text) + abbreviation_tokens(text) + [fold(w) for w in syllables(text)]


STOPWORDS_ACCENTED = frozenset(
    """
    là của và các có được trong với cho đã đến về những một này theo tại từ trên để bao nhiêu
    gì nào sao thế như thì mà ở hay hoặc do nên khi đó ai đâu không chưa bị vẫn cũng rồi lại
    ra vào hãy biết tôi chúng ta bạn liệt kê nêu xin vui lòng gồm hồi họ giờ hôm rồi giúp
    of for is are was were what which how many much who when where why does did and or with
    by from at as it its this that be been
    """.split()
)
STOPWORDS = frozenset(fold(w) for w in STOPWORDS_ACCENTED)
# Folded stopwords that are also content syllables once accents are gone: tại/tai (nạn),
# đâu/đầu, từ/tư, về/vệ, có/cơ, lại/lái, English "an"/án … Kept in unaccented questions.
AMBIGUOUS_FOLDED = frozenset(
    "tai dau tu an ve co lai do de den the ra ma bi cho hay khi nay bao nhu thi nen o ban gom"
    " ke da trong cua hoi ho".split()
)


def is_stopword(syllable: str, accented: bool) -> bool:
    """Accented text is checked as written; unaccented text only against stopwords that
    cannot be a content syllable in disguise."""
    if accented:
        return syllable in STOPWORDS_ACCENTED
    f = fold(syllable)
    return f in STOPWORDS and f not in AMBIGUOUS_FOLDED


def abbreviation_tokens(text: str) -> list[str]:
    """Folded words of the long forms of the abbreviations in `text`."""
    return [t for abbr in _ABBR_RE.findall(nfc(text)) for t in _ABBR_FOLDED[fold(abbr)]]


def figure_tokens(text: str) -> list[str]:
    """Canonical tokens of the formatted figures in `text` ('#397497', '#108.7%')."""
    out = []
    for m in NUMBER_RE.finditer(nfc(text)):
        raw = m.group(0).replace(" ", "")
        if re.search(r"[.,]", raw):
            out.append("#" + number_key(raw))
    return out


class DiacriticRestorer:
    """Puts diacritics back on a question typed without them, using the indexed
    vocabulary: unigram and bigram counts of accented syllables, decoded by Viterbi.

    Dense e5 retrieval misses unaccented questions entirely (measured: 0/3), so the dense
    query is built from the restored text."""

    def __init__(self, unigrams: Mapping[str, int], bigrams: Mapping[str, int]):
        self.unigrams = dict(unigrams)
        self.bigrams = dict(bigrams)
        self.by_fold: dict[str, list[str]] = {}
        for word in self.unigrams:
            self.by_fold.setdefault(fold(word), []).append(word)
        self.total = max(1, sum(self.unigrams.values()))

    @staticmethod
    def count(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
        uni: Counter[str] = Counter()
        bi: Counter[str] = Counter()
        for text in texts:
            words = [w for w in syllables(text) if not w.isdigit()]
            uni.update(words)
            bi.update(f"{a} {b}" for a, b in itertools.pairwise(words))
        return uni, bi

    def restore(self, text: str) -> str:
        parts = re.split(r"([^\W_]+)", nfc(text))
        words_idx = [i for i in range(1, len(parts), 2)]
        words = [parts[i].lower() for i in words_idx]
        if not words:
            return text
        candidates = [self.by_fold.get(fold(w)) or [w] for w in words]

        def uni_lp(w: str) -> float:
            return math.log((self.unigrams.get(w, 0) + 0.1) / self.total)

        def bi_lp(a: str, b: str) -> float:
            ab = self.bigrams.get(f"{a} {b}", 0)
            if ab:
                return math.log(ab / max(1, self.unigrams.get(a, 1))) + 2.0
            return uni_lp(b) - 2.0

        best: list[dict[str, tuple[float, str | None]]] = [
            {c: (uni_lp(c), None) for c in candidates[0]}
        ]
        for pos in range(1, len(words)):
            column: dict[str, tuple[float, str | None]] = {}
            for c in candidates[pos]:
                prev, score = max(
                    ((p, s + bi_lp(p, c)) for p, (s, _) in best[-1].items()), key=lambda x: x[1]
                )
                column[c] = (score, prev)
            best.append(column)
        word = max(best[-1].items(), key=lambda kv: kv[1][0])[0]
        chosen = [word]
        for pos in range(len(words) - 1, 0, -1):
            word = best[pos][word][1]  # type: ignore[assignment]
            chosen.append(word)
        chosen.reverse()
        for i, original, new in zip(words_idx, words, chosen, strict=True):
            if fold(new) == fold(original) and not has_diacritics(parts[i]):
                if parts[i].isupper() and len(parts[i]) > 1:
                    new = new.upper()
                elif parts[i][:1].isupper():
                    new = new[:1].upper() + new[1:]
                parts[i] = new
        return "".join(parts)


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


# ---- words reports and leaders use for the same thing ------------------------------------
# Each group: folded phrases that name one thing in report Vietnamese, first the report's
# usual wording. Written from the genre (the reports' own vocabulary and what officials say),
# not fitted to any question set. Used for matching only, on both sides alike.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("bat", "bat giu", "bat qua tang", "tam giu"),
    ("bat dau thi cong", "khoi cong", "dong tho", "trien khai thi cong"),
    ("tam dung", "ngung", "tam ngung", "dinh chi", "dung thi cong", "ngung thi cong"),
    ("ngan sach nha nuoc", "nsnn", "ngan sach"),
    (
        "han che",
        "ton tai",
        "yeu kem",
        "bat cap",
        "khuyet diem",
        "nhuoc diem",
        "kho khan",
        "vuong mac",
        "hat che",
    ),
    (
        "nhiem vu",
        "phuong huong",
        "nhiem vu trong tam",
        "ke hoach thang toi",
        "thoi gian toi",
        "sap toi",
        "thang toi",
        "giai phap",
        "nhiem vu giai phap",
        "toi day",
        "se lam",
        "dinh lam",
        "phai lam",
        "can lam",
        "du kien lam",
        "se trien khai",
    ),
    ("tai nan giao thong", "tngt", "va cham giao thong"),
    ("giai phong mat bang", "gpmb", "den bu", "boi thuong", "thu hoi dat", "mat bang"),
    ("an ninh trat tu", "antt", "an ninh", "trat tu xa hoi"),
    ("quoc phong an ninh", "qp an", "quoc phong", "quan su"),
    ("y te", "suc khoe", "kham chua benh"),
    ("giao duc", "truong hoc", "giao duc dao tao"),
    ("chuyen doi so", "cds", "so hoa", "chinh quyen so"),
    (
        "dich vu cong truc tuyen",
        "dvc truc tuyen",
        "dvctt",
        "nop ho so truc tuyen",
        "ho so truc tuyen",
        "cong dich vu cong",
    ),
    ("thu tuc hanh chinh", "tthc"),
    ("tai khoan dinh danh dien tu", "vneid", "dinh danh dien tu", "tai khoan dinh danh"),
    ("can cuoc", "cccd", "can cuoc cong dan", "the can cuoc"),
    ("nguoi dan", "cong dan", "nhan dan"),
    ("du an", "cong trinh"),
    ("doanh nghiep", "cong ty", "nha dau tu"),
    ("khach du lich", "du khach", "luot khach"),
    ("ma tuy", "chat ma tuy"),
    ("nghien ma tuy", "nguoi nghien", "con nghien"),
    ("vi pham", "sai pham"),
    ("xu phat", "phat tien", "xu ly vi pham", "xu phat vi pham hanh chinh"),
    ("giai ngan", "thanh toan von", "tien do giai ngan"),
    ("ty le", "phan tram"),
    ("chay", "hoa hoan", "chay no"),
    ("hoc sinh gioi", "hsg"),
    ("cap phep", "cap giay phep", "giay phep"),
    ("kinh phi", "so tien", "tong kinh phi", "chi phi"),
    ("ve sinh moi truong", "vsmt", "rac thai", "thu gom rac"),
    ("hop dong", "ky ket"),
    ("gap mat", "gap go", "tiep xuc"),
    ("truc tuyen", "online", "qua mang"),
    ("ban hanh", "phat hanh"),
    ("ket qua", "thanh tich"),
    ("uu diem", "mat tich cuc", "ket qua noi bat", "diem sang", "mat lam duoc"),
    ("kien nghi", "de xuat", "de nghi"),
    ("kiem tra", "ra soat"),
    ("toi pham", "vu an"),
    ("lay y kien", "khao sat"),
)
# Phrases a question uses for an actor or a place in general, that no passage needs to
# repeat ("lực lượng chức năng đã bắt giữ …" where the report says "bắt 02 đối tượng").
GENERIC_PHRASES = (
    "luc luong chuc nang",
    "co quan chuc nang",
    "cac co quan",
    "chinh quyen",
    "dia phuong",
    "tren dia ban",
    "dia ban",
    "bao cao",
    "thanh pho",
    "toan thanh pho",
    "toan tinh",
)


_PHRASES: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
for _gid, _group in enumerate(SYNONYM_GROUPS):
    for _phrase in _group:
        _w = tuple(_phrase.split())
        _PHRASES.setdefault(_w[0], []).append((_gid, _w))
for _list in _PHRASES.values():
    _list.sort(key=lambda x: -len(x[1]))


def concepts(folded_words: list[str]) -> list[str]:
    """Folded words with each known phrase of a synonym group replaced by the group's
    token ('bat giu' and 'bat' both → '~0'), longest phrase first; other words kept."""
    out: list[str] = []
    i = 0
    while i < len(folded_words):
        for gid, words in _PHRASES.get(folded_words[i], ()):
            if tuple(folded_words[i : i + len(words)]) == words:
                out.append(f"~{gid}")
                i += len(words)
                break
        else:
            out.append(folded_words[i])
            i += 1
    return out


# What the index's per-report statistics depend on (index/lexicon.py): a segment built
# with other groups, abbreviations or stopwords is rebuilt from its report.
VOCABULARY = hashlib.sha256(
    repr((SYNONYM_GROUPS, sorted(ABBREVIATIONS.items()), sorted(STOPWORDS_ACCENTED))).encode()
).hexdigest()[:12]


def phrase_words(folded_words: list[str]) -> set[int]:
    """Positions of the words that make up a known phrase of two or more words."""
    out: set[int] = set()
    for i, w in enumerate(folded_words):
        for _, words in _PHRASES.get(w, ()):
            if len(words) > 1 and tuple(folded_words[i : i + len(words)]) == words:
                out.update(range(i, i + len(words)))
                break
    return out


def synonym_tokens(folded_words: list[str]) -> list[str]:
    """The other phrasings' words of every group the words name: BM25 query expansion
    ('khoi cong' adds 'bat dau thi cong')."""
    out: list[str] = []
    for token in concepts(folded_words):
        if token.startswith("~"):
            for phrase in SYNONYM_GROUPS[int(token[1:])][:3]:
                out += phrase.split()
    return out


def terms(text: str) -> list[str]:
    """Folded syllables of `text` (markers out), synonym phrases as their group's token:
    what question and passage are compared on when judging whether one answers the other."""
    return concepts([fold(w) for w in syllables(expand_abbreviations(strip_markers(text)))])

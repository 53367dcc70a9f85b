"""The words of the genre: abbreviations and their long forms, stopwords, and the tokens
lexical search compares."""

from __future__ import annotations

import re

from index.vn.figures import figure_tokens
from index.vn.text import fold, has_diacritics, nfc, syllables

# Abbreviations common in UBND reports, with the words they stand for.
ABBREVIATIONS: dict[str, str] = {
    "NSNN": "ngân sách nhà nước",
    "GPMB": "giải phóng mặt bằng",
    "BGMB": "bàn giao mặt bằng",
    "BT": "bồi thường",
    "HT": "hỗ trợ",
    "TĐC": "tái định cư",
    "ATGT": "an toàn giao thông",
    "TNGT": "tai nạn giao thông",
    "ĐTC": "đầu tư công",
    "DN": "doanh nghiệp",
    "KCN": "khu công nghiệp",
    "CNTT": "công nghệ thông tin",
    "CSDL": "cơ sở dữ liệu",
    "VBQPPL": "văn bản quy phạm pháp luật",
    "QPPL": "quy phạm pháp luật",
    "PAKN": "phản ánh, kiến nghị",
    "ĐVSNCL": "đơn vị sự nghiệp công lập",
    "CBCCVC": "cán bộ, công chức, viên chức",
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
    "ATTP": "an toàn thực phẩm",
    "SXH": "sốt xuất huyết",
    "TW": "trung ương",
    "BV": "bệnh viện",
    "BVĐK": "bệnh viện đa khoa",
    "TTYT": "trung tâm y tế",
    "TCM": "tay chân miệng",
    "GCNQSD": "giấy chứng nhận quyền sử dụng",
    "GCN": "giấy chứng nhận",
    "NTM": "nông thôn mới",
    "KT-XH": "kinh tế - xã hội",
    "KTXH": "kinh tế - xã hội",
    "QP-AN": "quốc phòng - an ninh",
    "GD-ĐT": "giáo dục - đào tạo",
    "HSG": "học sinh giỏi",
    "HS": "học sinh",
    "GV": "giáo viên",
    "GD": "giáo dục",
    "GDĐT": "giáo dục và đào tạo",
    "GD&ĐT": "giáo dục và đào tạo",
    "GDTX": "giáo dục thường xuyên",
    "GDNN": "giáo dục nghề nghiệp",
    "MN": "mầm non",
    "PTDTNT": "phổ thông dân tộc nội trú",
    "DVC": "dịch vụ công",
    "DVCTT": "dịch vụ công trực tuyến",
    "TTHC": "thủ tục hành chính",
    "PCCC": "phòng cháy chữa cháy",
    "CNS": "công nghệ số",
    "TH": "trường hợp",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "QG": "quốc gia",  # "chuẩn QG mức 2"
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
    "HTX": "hợp tác xã",
    "KBNN": "kho bạc nhà nước",
    "CCCD": "căn cước công dân",
    "DTTS": "dân tộc thiểu số",
    "BCĐ": "ban chỉ đạo",
    "HCC": "hành chính công",
    "PCI": "chỉ số năng lực cạnh tranh cấp tỉnh",
    "DDCI": "chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương",
}


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


# A department by its initials as a chat types it ("Sở VH", "Sở TC", "Sở NN&MT"), and the
# police by theirs ("CA tỉnh"): the names the reports write (the departments after 2025).
_BODY_INITIALS = {
    "VH": "Văn hóa, Thể thao và Du lịch",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "TC": "Tài chính",
    "NN": "Nông nghiệp và Môi trường",
    "NNMT": "Nông nghiệp và Môi trường",
    "NN&MT": "Nông nghiệp và Môi trường",
    "GD": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "YT": "Y tế",
    "XD": "Xây dựng",
    "NV": "Nội vụ",
    "CT": "Công Thương",
    "KHCN": "Khoa học và Công nghệ",
    "KH&CN": "Khoa học và Công nghệ",
    "TP": "Tư pháp",
}
_BODY_RE = re.compile(
    r"\b(Sở|sở|SỞ|So|so)\s+("
    + "|".join(sorted(map(re.escape, _BODY_INITIALS), key=len, reverse=True))
    + r")(?![\w&])"
)
_POLICE_RE = re.compile(r"\bCA(?=\s+(?:tỉnh|tinh|xã|xa|phường|phuong|huyện|huyen)\b)")


def spell_bodies(text: str) -> str:
    """ "Sở VH" → "Sở Văn hóa, Thể thao và Du lịch", "CA tỉnh" → "Công an tỉnh": a body
    named by its initials, as the reports name it — without diacritics in a question typed
    without them ("so TC" → "so tai chinh"), which stays one typed so."""
    plain = not has_diacritics(text)

    def spelt(name: str) -> str:
        return fold(name) if plain else name

    text = _BODY_RE.sub(lambda m: f"{m.group(1)} {spelt(_BODY_INITIALS[m.group(2)])}", text)
    return _POLICE_RE.sub(spelt("Công an"), text)


def spell_out(text: str) -> str:
    """Abbreviations replaced by their long forms: 'kiểm tra PCCC' → 'kiểm tra phòng cháy
    chữa cháy' — what a question names, however a report writes it."""
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(0)], nfc(text))


_ABBR_UNACCENTED = {
    fold(k).upper(): v for k, v in ABBREVIATIONS.items() if fold(k).upper() not in ABBREVIATIONS
}


def spelled_acronym(word: str) -> str:
    """An acronym typed without its diacritics, spelt out ("QD" → "quyết định", as "QĐ"
    is); any other word as it is."""
    return _ABBR_UNACCENTED.get(word, word)


def match_key(text: str) -> str:
    """Folded words with abbreviations spelt out, for matching only:
    'Hồ trợ … TPLS' ≡ 'Hỗ trợ … thành phố Lạng Sơn'."""
    return " ".join(syllables(fold(spell_out(text))))


def search_tokens(text: str) -> list[str]:
    """Tokens for lexical search: folded syllables, figures in canonical form,
    abbreviations expanded to their words. Same function for chunks and questions."""
    return figure_tokens(text) + abbreviation_tokens(text) + [fold(w) for w in syllables(text)]


STOPWORDS_ACCENTED = frozenset(
    """
    là của và các có được trong với cho đã đang đến về những một này theo tại từ trên để bao nhiêu
    gì nào sao thế như thì mà ở hay hoặc do nên khi đó ai đâu không chưa bị vẫn cũng rồi lại
    ra vào hãy biết tôi chúng ta bạn liệt kê nêu xin vui lòng gồm hồi họ giờ hôm rồi giúp mấy
    of for is are was were what which how many much who when where why does did and or with
    by from at as it its this that be been
    """.split()
)
STOPWORDS = frozenset(fold(w) for w in STOPWORDS_ACCENTED)
# A chat question's own grammar ("sẽ", "tới", "nhé", "thành phố muốn …"): reports rarely
# write it, so as a term it would be rare, and its absence would count against the very
# passage asked about. As written only (folded, "nua" may be "nửa", "nhi" "nhì", "vay" "vay
# vốn", "muon" "muộn"), but for "sẽ".
_CHAT_PARTICLES = frozenset("tới sẽ nữa vậy ạ nhỉ nhé đấy ấy kìa hả muốn".split())
STOPWORDS_ACCENTED |= _CHAT_PARTICLES
STOPWORDS |= {"se"}
# Folded stopwords that are also content syllables once accents are gone: tại/tai (nạn),
# đâu/đầu, từ/tư, về/vệ, có/cơ, lại/lái, đang/Đảng, English "an"/án … Kept in unaccented
# questions.
AMBIGUOUS_FOLDED = frozenset(
    "tai dau tu an ve co lai do de den the ra ma bi cho hay khi nay bao nhu thi nen o ban gom"
    " ke da trong cua hoi ho may muon dang".split()
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

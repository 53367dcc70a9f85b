"""What a question asks to be named, beyond a kind of figure: a person or a body ("ai …",
"đội nào", "những doanh nghiệp nào": a count of them says who did not; a firm by its name
when a firm is asked), and a part of a
whole ("…, trong đó X", "riêng X", "trong số …, có bao nhiêu X": the whole is no answer).
Read by `gates.answer_type` with the other kinds of answer asked."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answerers.counting import counts
from assistant.answerers.support import bigram_share, proper_names, question_terms
from assistant.query import Query, without_periods
from index import vn

# "Ai …", "đội nào", "những doanh nghiệp nào": a person or a body, named — a count of them
# ("trao giải cho 22 cá nhân", "với 12 doanh nghiệp") says who did not.
_WHO_Q = re.compile(
    r"\b(?:(?:doi|don vi|doanh nghiep|cong ty|ca nhan|tap the|nha thau|nha dau tu|"
    r"co quan|to chuc|truong|benh vien|thay co|giao vien|hoc sinh|nguoi|em) nao|who|"
    r"which (?:team|company|companies|contractor|individual|person|people|school)s?)\b"
)
# A firm asked for ("công ty nào thi công", "nhà thầu nào", "which contractor"): only a firm
# named answers — the project it builds, or "hoàn thành đấu thầu 02 dự án", does not.
_FIRM_Q = re.compile(
    r"\b(?:(?:cong ty|nha thau|tong thau|lien danh|doanh nghiep) nao|"
    # "nhà thầu thi công cầu Cửa Lạch là ai / là đơn vị nào"
    r"(?:nha thau|tong thau|don vi thi cong)(?: \w+){0,6} la (?:ai|don vi nao|cong ty nao)|"
    r"don vi nao (?:trung|thang|thi cong|xay dung|xay lap|lam|nhan thau)|"
    r"which (?:company|companies|contractor|firm)s?|who (?:won|built|builds|is building))\b"
)
_FIRM_A = re.compile(
    r"\b(?:[Cc]ông ty|[Tt]ổng công ty|[Ll]iên danh|[Tt]ập đoàn|HTX|[Hh]ợp tác xã|DNTN|"
    r"[Nn]hà thầu|[Dd]oanh nghiệp)\s+(?:(?:cổ phần|TNHH|tư nhân|MTV|một thành viên)\s+)*"
    r"([^\W\d_])"
)
_QUOTED = re.compile(r"[“\"][^”\"]{0,200}[”\"]")  # a title in quotes names no one
# Capitalised heads of common nouns ("Kế hoạch", "Ban tổ chức"): no one's name.
_NO_NAME = frozenset("Kế Quyết Nghị Công Chỉ Thông Ban Biên Cuộc Hội Tờ Báo Giải Đoàn".split())


# "…, trong đó X", "riêng X" (not "riêng tháng 10": a period), "trong số …, có bao nhiêu X":
# the part X asked about (read on the folded question, its commas kept)
_PART = re.compile(
    # (not "riêng trong tháng 11": a period of its own)
    r"\btrong (?:do|so do)\b(.+)$|"
    r"(?:^|[,;]\s*|\b)rieng\s+(?!(?:trong\s+)?(?:thang|quy|nam|ky)|le\b)(.+)$|"
    r"\btrong so\b[^,]*,(.+)$"
)


def _split_part(folded: str) -> tuple[str, str] | None:
    """A folded text cut where its part begins: (what comes before, the part)."""
    m = _PART.search(folded)
    if not m:
        return None
    i = next(i for i, g in enumerate(m.groups(), 1) if g)
    return folded[: m.start(i)], m.group(i)


def part_asked(query: Query) -> tuple[str, ...]:
    """The words of the part a question asks about after "trong đó" ("trong đó bao nhiêu
    người là người có công" → người có công): a unit giving only the whole is no answer."""
    cut = _split_part(vn.nfc(query.folded).strip())
    if cut is None:
        return ()
    part = " ".join(vn.syllables(without_periods(cut[1])))
    words = question_terms(tuple(part.split()))
    return tuple(w for w in words if w not in vn.STOPWORDS)


def whole_words(query: Query) -> tuple[str, ...]:
    """The words of the question before its part ("Trong số dự án đang bị kẹt")."""
    cut = _split_part(vn.nfc(query.folded).strip())
    before = cut[0] if cut else ""
    return question_terms(tuple(vn.syllables(without_periods(before))))


def whole_asked(query: Query) -> str:
    """ "Tổng số VBQPPL …, riêng cấp xã bao nhiêu?": the whole asked beside its part — the
    question's words before "riêng" / "trong đó" when they ask a figure themselves; "" when
    only the part is asked."""
    folded = vn.fold(query.text)
    m = _PART.search(folded)
    if not m or m.start() == 0 or len(folded) != len(query.text):
        return ""
    before = query.text[: m.start()].strip(" ,;")
    return before if _WHOLE_Q.search(" ".join(vn.syllables(vn.fold(before)))) else ""


_WHOLE_Q = re.compile(r"\b(?:bao nhieu|tong so|tong cong|so luong|may)\b")


def holds_part(part: tuple[str, ...], unit: str, whole: tuple[str, ...] = ()) -> bool:
    """Every word of the part, and its words as written together ("người có công", not
    "người … công chức") — not the words that only frame it ("khoản", "lĩnh vực", "chiếm").
    A unit that gives a part itself ("67/124 xã (trong đó, 37 xã đã được nghiệm thu …)")
    answers one asked in other words ("bao nhiêu xã đã nghiệm thu đưa vào dùng") when most
    of them, and most of those that set it apart from the `whole` asked, are the part's."""
    part = tuple(w for w in part if w not in _FRAMING)
    words = [w for w in vn.terms(unit) if w not in vn.STOPWORDS]
    given = _split_part(" ".join(vn.syllables(vn.fold(unit))))
    own = set(part) - set(whole)  # what sets the part apart from the whole ("nước ngoài")
    # a part named only by the whole's words ("Hội chợ … sản phẩm OCOP có bao nhiêu gian,
    # trong đó bao nhiêu gian là sản phẩm OCOP?") is held only by a unit giving a part
    if set(part) <= set(words) and bigram_share(list(dict.fromkeys(part)), words) >= 0.5:
        return bool(own or not whole or given)
    if not given or not own:
        return False
    said = set(vn.terms(given[1]))
    return min(len(set(part) & said) / len(set(part)), len(own & said) / len(own)) >= 0.5


# how a part is introduced, not what it is: "riêng khoản …", "lĩnh vực … chiếm bao nhiêu"
_FRAMING = frozenset(vn.terms("khoản mục lĩnh vực chiếm thu được phần số lượng nội dung"))


_WINNER_Q = re.compile(
    r"\b(?:ai|\w+ nao) (?:\w+ )?(?:dat|doat|gianh|nhan) giai\b|\bgiai \w+ (?:thuoc ve|la) ai\b"
)


def asks_who(query: Query) -> bool:
    """ "Ai" as typed (with diacritics, not "ái"/"ải"; without them, not the "ái" of
    "Tết Nhân ái"), or "<someone> nào"."""
    plain = " ".join(vn.syllables(query.folded))
    said = query.text.lower() if query.accented else plain
    return bool(_WHO_Q.search(plain) or re.search(r"(?<!\w)(?<!nhan )ai(?! quoc)(?!\w)", said))


# "của từng phường", "mỗi xã", "chia theo huyện": a breakdown by a kind of unit — a total
# for the whole city is no answer. Accented only where folding is ambiguous ("mỗi"/"môi").
_KINDS = ("phường", "xã", "huyện", "quận", "tỉnh", "đơn vị", "sở", "ngành", "trường", "lĩnh vực",
          "dự án", "địa phương")  # fmt: skip
_BREAKDOWN_Q = re.compile(
    rf"\b(?:từng|mỗi|chia theo|tách theo|theo từng)\s+({'|'.join(_KINDS)})\b", re.I
)
_BREAKDOWN_FOLDED = re.compile(
    rf"\b(?:tung|chia theo|tach theo|theo tung)\s+({'|'.join(vn.fold(k) for k in _KINDS)})\b"
)
# "xã hội" (an sinh xã hội, nhà ở xã hội) is society, no commune
_SHORT_KIND = {"phường": r"(?:phường|P\.)", "xã": r"(?:xã(?!\s+hội\b)|X\.)"}


def breakdown_asked(query: Query) -> str:
    """The kind of unit a question asks figures for one by one ("từng phường"), or ''."""
    if query.accented:
        m = _BREAKDOWN_Q.search(query.text)
        return m.group(1).lower() if m else ""
    m = _BREAKDOWN_FOLDED.search(" ".join(vn.syllables(query.folded)))
    return m.group(1) if m else ""


def _kind_named(kind: str) -> re.Pattern[str]:
    """A unit of that kind as reports name one ("phường Bến Đò", "P. Tân Giang")."""
    return re.compile(rf"(?<!\w){_SHORT_KIND.get(kind, re.escape(kind))}(?!\w)", re.I)


def names_kind(kind: str, text: str) -> bool:
    """The text names a unit of that kind (accented: "xã", "phường", …)."""
    return bool(_kind_named(kind).search(vn.nfc(text)))


def breaks_down(kind: str, unit: str) -> bool:
    """The unit names two of that kind or more ("P. Bến Đò: …; P. Tân Giang: …"), or says
    "từng/mỗi <kind>" itself."""
    text = vn.nfc(unit) if vn.has_diacritics(kind) else vn.fold(unit)
    if re.search(rf"\b(?:từng|mỗi|tung)\s+{re.escape(kind)}\b", text, re.I):
        return True
    return len(_kind_named(kind).findall(text)) >= 2


def asks_firm(query: Query) -> bool:
    return bool(_FIRM_Q.search(" ".join(vn.syllables(query.folded))))


def names_firm(unit: str) -> bool:
    """A firm by its name: "Công ty Cổ phần chợ Lạng Sơn", "Liên danh Hòa Bình – …"."""
    return any(m.group(1).isupper() for m in _FIRM_A.finditer(vn.nfc(unit)))


def names_someone(query: Query, unit: str) -> bool:
    """The unit names a person or a body the question does not already name — for who won
    a prize ("ai đạt giải nhất"), next to the prize ("Đội phường Hòa An giành giải …",
    "giải nhất thuộc về …"): the body that organised the contest is named further back."""
    asked = f" {vn.match_key(query.text)} "
    if _WINNER_Q.search(" ".join(vn.syllables(query.folded))):
        folded = vn.fold(unit)
        at = folded.find("giai") if len(folded) == len(unit) else -1
        unit = unit[max(0, at - 40) :] if at >= 0 else ""
    unquoted = _QUOTED.sub(" ", unit)  # “Tìm kiếm ý tưởng …”: a title
    return any(
        f" {vn.match_key(n)} " not in asked and n.split()[0] not in _NO_NAME
        for n in proper_names(unquoted)
    )


# a level, group or round named by its number ("mức 2", "đợt 1", "lớp 9")
_QUALIFIED = re.compile(r"\b(?:muc|lop|nhom|loai|khoi|dot|giai doan) \d{1,2}\b")


def qualifiers_held(query: Query, sentence: str) -> bool:
    """Whether the sentence names every level or group the question names by its number:
    "bao nhiêu tài khoản định danh điện tử mức 2" is not answered by a count of all of them."""
    if not (asked := _qualifiers(query.folded)):
        return True
    said = " ".join(vn.syllables(vn.fold(sentence)))
    return all(re.search(_written(q), said) for q in asked)


def _written(qualifier: str) -> str:
    """A qualifier as the reports write it: "mức 2" is their "mức độ 2"."""
    word, number = qualifier.rsplit(" ", 1)
    word = "muc(?: do)?" if word == "muc" else re.escape(word)
    return rf"\b{word} {number}\b"


@lru_cache(maxsize=1024)
def _qualifiers(folded: str) -> tuple[str, ...]:
    """Read once per question: `answer_type` asks of every unit."""
    if not _QUALIFIED.search(folded):  # (its periods are read only when one may be there)
        return ()
    # (not a rate: "quanh mức 50%" names no level)
    plain = _RATE.sub(" ", without_periods(folded))
    return tuple(_QUALIFIED.findall(" ".join(vn.syllables(plain))))


_RATE = re.compile(r"\d[\d.,]*\s*%")


def _worded(name: str) -> bool:
    """A name of two words or more, not a period's "(Năm 2025)" set in capitals."""
    return sum(not w.isdigit() for w in name.split()) >= 2


_CELL = re.compile(r"(?:^|;\s*)[^;:]{1,80}:\s")  # "Địa bàn: …; Số vụ - Năm 2025: 25"
# where one thing's figures end and another's begin within a sentence
_ANOTHER = re.compile(r";|\b(?:trong đó|riêng)\b", re.I)


def bound(query: Query, sentence: str, nouns: list[str]) -> bool | None:
    """ "Bệnh viện Sản - Nhi mổ bao nhiêu ca?" quoted "… số ca phẫu thuật 2.984 ca; công
    suất … Bệnh viện Sản - Nhi 104,2%": where the sentence counts what the question counts,
    the clause naming what the question names must be one of them — a count beside the
    name is another's. None when the sentence names none of it (the name may be the
    report's own place) or counts none of it (it may say so in other words)."""
    names = [n for n in proper_names(query.text) if _worded(n)] if query.accented else []
    nouns = [n for n in nouns if counts(n, sentence)]
    if not names or not nouns or len(_CELL.findall(sentence)) >= 2:
        return None  # (a table row names its entity in one cell and counts in the others)
    keys = [f" {' '.join(vn.syllables(vn.fold(n)))} " for n in names]
    naming = [
        c
        for c in _ANOTHER.split(sentence)
        if any(k in f" {' '.join(vn.syllables(vn.fold(c)))} " for k in keys)
    ]
    if not naming:
        return None
    return any(counts(noun, c) for c in naming for noun in nouns)

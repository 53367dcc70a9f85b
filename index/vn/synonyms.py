"""Words reports and leaders use for the same thing, matched as one concept; and the
fingerprint of every word table the index's statistics depend on."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from index.vn.text import fold, strip_markers, syllables
from index.vn.words import ABBREVIATIONS, STOPWORDS_ACCENTED, expand_abbreviations

# Each group: folded phrases that name one thing in report Vietnamese, first the report's
# usual wording. Written from the genre (the reports' own vocabulary and what officials say),
# not fitted to any question set. Used for matching only, on both sides alike.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("bat", "bat giu", "bat qua tang", "tam giu"),
    ("bat dau thi cong", "khoi cong", "dong tho", "trien khai thi cong"),
    (
        "tam dung",
        "ngung",
        "tam ngung",
        "dinh chi",
        "dung thi cong",
        "ngung thi cong",
        "dong cua",
        "tam dong cua",
    ),
    ("ngan sach nha nuoc", "nsnn", "ngan sach"),
    ("m²", "m2", "met vuong"),
    ("tet duong lich", "tet tay"),
    ("phan dau", "muc tieu", "chi tieu", "dat muc tieu", "dat chi tieu"),
    ("dao tao lao dong", "dao tao nguon nhan luc", "dao tao nhan luc"),
    ("trang bi camera", "gan camera", "lap camera", "lap dat camera"),
    ("tiep cong dan", "tiep dan"),
    ("canh tranh binh dang", "san choi cong bang", "san choi binh dang"),
    # work resumed after a stop ("nhà thầu thi công trở lại")
    (
        "thi cong tro lai",
        "tro lai thi cong",
        "thi cong lai",
        "lam lai",
        "lam tiep",
        "quay lai lam",
        "quay lai lam tiep",
    ),
    (
        "han che",
        "ton tai",
        "yeu kem",
        "bat cap",
        "khuyet diem",
        "nhuoc diem",
        "kho khan",
        "vuong mac",
        "con vuong",
        "hat che",
        "diem yeu",
        "mat yeu",
        "mat han che",
        "chua lam duoc",
        "con yeu",
        "dang vuong",
        "keu vuong",
        # "những mặt còn yếu kém", "mặt nào chưa làm được": the aspect and its weakness
        "con yeu kem",
        "mat yeu kem",
        "mat con yeu kem",
        "mat con yeu",
        "mat chua lam duoc",
        "mat con han che",
        "mat con ton tai",
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
    ("giay phep lai xe", "gplx", "bang lai xe", "bang lai"),
    ("tre han", "qua han", "cham han", "tre hen"),
    ("den tin hieu giao thong", "den giao thong", "den xanh den do", "den tin hieu"),
    ("nut giao", "nga tu", "nga ba", "giao lo"),
    ("dua vao su dung", "dua vao khai thac", "dua vao hoat dong", "dua vao van hanh"),
    ("thi cong tro lai", "thi cong lai", "quay lai thi cong", "tiep tuc thi cong"),
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
    ("nguoi dan", "cong dan", "nhan dan", "ba con"),
    ("du an", "cong trinh"),
    ("doanh nghiep", "cong ty", "nha dau tu"),
    ("khach du lich", "du khach", "luot khach"),
    ("ma tuy", "chat ma tuy"),
    ("nghien ma tuy", "nguoi nghien", "con nghien"),
    ("vi pham", "sai pham"),
    ("xu phat", "phat tien", "xu ly vi pham", "xu phat vi pham hanh chinh"),
    ("giai ngan", "thanh toan von", "tien do giai ngan", "tieu tien", "tieu von"),
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
    ("uu diem", "mat tich cuc", "ket qua noi bat", "diem sang", "mat lam duoc", "diem manh"),
    ("kien nghi", "de xuat", "de nghi"),
    ("kiem tra", "ra soat"),
    ("tinh gian", "cat giam", "giam bien che"),
    ("toi pham", "vu an"),
    ("lay y kien", "khao sat", "tham do", "tham do y kien"),
    ("thu hang", "xep hang", "xep thu", "dung thu"),
    # What leaders say in chat for the reports' words (the genre's, not any question set's)
    (
        "tiem vac xin",
        "tiem chung",
        "tiem phong",
        "tiem ngua",
        "chich ngua",
        "chich vac xin",
        "tiem vacxin",
    ),
    ("bo nhiem", "cat nhac", "de bat"),
    ("mua ban", "buon ban", "kinh doanh"),
    ("tre em", "tre nho", "em be", "chau be"),
    ("hoc sinh", "hoc tro"),
    ("giao vien", "nha giao", "thay co"),
    ("camera", "camera giam sat", "may quay"),
    ("nhan su", "nguoi lam viec", "so nguoi lam"),
    ("phan anh kien nghi", "phan anh", "y kien phan anh", "phan nan"),
    ("chi phi khong chinh thuc", "chi phi boi tron", "boi tron", "tien boi tron"),
    ("du kien", "uoc tinh", "du bao", "du tinh", "uoc dat"),
    ("hoi nghi", "buoi hop", "cuoc hop", "buoi gap mat", "buoi gap go"),
    ("dien tich", "rong bao nhieu"),
    ("binh quan", "trung binh"),
    ("giai quyet viec lam", "tao viec lam"),
    ("dam cuoi", "tiec cuoi", "co cuoi", "dam cuoi hoi"),
    ("chet", "tu vong", "thiet mang", "tu nan", "qua doi"),
    ("khach quoc te", "khach nuoc ngoai", "khach tay", "khach ngoai quoc"),
    ("thu hoach", "gat hai", "gat"),
    ("di doi", "so tan", "di tan"),
    ("hoan thanh", "xong", "lam xong", "da xong", "hoan tat"),
)
# The umbrella headings of a report's fields, the fields reported under them and the words
# a paragraph about each uses: "Lĩnh vực Văn hóa - xã hội" is where a report puts giáo dục
# ("kỳ thi chọn học sinh giỏi") when it has no heading of its own. Written from the genre
# (how UBND reports group their sections), not fitted to any question set.
FIELD_GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "van hoa xa hoi": {
        "giao duc": ("giao duc", "hoc sinh", "giao vien", "truong hoc", "nam hoc", "mam non"),
        "y te": (
            "y te",
            "benh",
            "kham",
            "tiem",
            "dich",
            "an toan thuc pham",
            "ngo doc",
            "dieu tri",
            "sot xuat huyet",
            "vac xin",
        ),
        "van hoa": ("van hoa", "le hoi", "di tich", "nghe thuat"),
        "the thao": ("the thao", "giai dau", "van dong vien"),
        "du lich": ("du lich", "khach"),
        "lao dong": ("lao dong", "viec lam"),
        "an sinh": ("an sinh", "ho ngheo", "nguoi co cong", "bao tro", "tro cap"),
        "thanh nien": ("thanh nien", "doan thanh nien"),
    },
    "kinh te": {
        "nong nghiep": ("nong nghiep", "lua", "cay trong", "chan nuoi", "trong trot"),
        "thuong mai": ("thuong mai", "cho", "hang hoa"),
        "ngan sach": ("ngan sach", "thu", "chi"),
        "doanh nghiep": ("doanh nghiep",),
    },
    "quoc phong an ninh": {
        "quan su": ("quan su", "tuyen quan", "dan quan"),
        "an ninh trat tu": ("an ninh", "trat tu", "toi pham", "ma tuy", "giao thong"),
    },
}


def _padded(text: str) -> str:
    return f" {' '.join(syllables(fold(text)))} "


def field_words(asked: str) -> list[list[str]]:
    """The terms of the words a paragraph about each field `asked` names uses ("giáo dục":
    học sinh, giáo viên, trường học …), whatever umbrella holds it."""
    asked = _padded(asked)
    return [
        terms(w)
        for fields in FIELD_GROUPS.values()
        for field, words in fields.items()
        if f" {field} " in asked
        for w in words
    ]


def implied_fields(title_terms: set[str], asked: str, body: Callable[[], str]) -> set[str]:
    """The terms of the fields the question `asked` names that an umbrella heading holds
    ("văn hóa - xã hội" holds giáo dục), when `title_terms` name the umbrella whole and the
    section's folded text (`body()`, read only then) holds a word of that field ("học
    sinh"): no field it never reports."""
    asked = _padded(asked)
    wanted = [
        (field, words)
        for umbrella, fields in FIELD_GROUPS.items()
        if set(terms(umbrella)) <= title_terms
        for field, words in fields.items()
        if f" {field} " in asked
    ]
    if not wanted:
        return set()
    text = body()  # read once, and only for a field asked under its umbrella
    return {
        t for field, words in wanted if any(f" {w} " in text for w in words) for t in terms(field)
    }


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
    "lien quan",  # how a topic is pointed at ("các việc liên quan đến đất đai"), not what it is
)


def _chat_words() -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    """index/data/synonyms_chat.txt: each chat phrase (by its first word, longest first) and
    the report's words it is read as — "tom duoc" is "bat", "tut" is "giam"."""
    path = Path(__file__).resolve().parents[1] / "data" / "synonyms_chat.txt"
    out: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            said, *chat = (p.strip().split() for p in line.split("|"))
            for words in chat:
                out.setdefault(words[0], []).append((tuple(words), said))
    return {w: sorted(v, key=lambda x: -len(x[0])) for w, v in out.items()}


CHAT_WORDS = _chat_words()


def _chat_at(words: list[str], i: int) -> tuple[int, list[str]] | None:
    """The chat phrase starting at `words[i]`, as (its length, the report's words for it)."""
    for chat, said in CHAT_WORDS.get(words[i], ()):
        if tuple(words[i : i + len(chat)]) == chat:
            return len(chat), said
    return None


_PHRASES: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
for _gid, _group in enumerate(SYNONYM_GROUPS):
    for _phrase in _group:
        _w = tuple(_phrase.split())
        _PHRASES.setdefault(_w[0], []).append((_gid, _w))
for _list in _PHRASES.values():
    _list.sort(key=lambda x: -len(x[1]))


def concepts(folded_words: list[str]) -> list[str]:
    """Folded words with each known phrase of a synonym group replaced by the group's
    token ('bat giu' and 'bat' both → '~0'), longest phrase first, a chat phrase none
    starts read as the report's words ('tom duoc' is 'bat'); other words kept."""
    return _concepts(folded_words, len(folded_words))


def _concepts(words: list[str], longest: int, inner: list[str] | None = None) -> list[str]:
    """`concepts` with phrases of at most `longest` words; into `inner`, the words and
    shorter phrases inside each phrase replaced. A count is read by its value: "05 công
    trình" is the "5 công trình" a leader asks about."""
    words = [(w.lstrip("0") or "0") if w.isdigit() else w for w in words]
    out: list[str] = []
    i = read = 0  # words before `read` are a chat phrase's report words already
    while i < len(words):
        for gid, phrase in _PHRASES.get(words[i], ()):
            if len(phrase) <= longest and tuple(words[i : i + len(phrase)]) == phrase:
                out.append(f"~{gid}")
                if inner is not None and len(phrase) > 1:
                    inner += _concepts(list(phrase), len(phrase) - 1, inner)
                i += len(phrase)
                break
        else:
            # a report's phrase first: "khach quoc te | nhat" is no "te nhat" (tệ nhất)
            if i >= read and (chat := _chat_at(words, i)):
                words[i : i + chat[0]] = chat[1]
                read = i + len(chat[1])
                continue
            out.append(words[i])
            i += 1
    return out


# What the index's per-report statistics depend on (index/lexicon.py): a segment built
# with other groups, abbreviations or stopwords is rebuilt from its report.
VOCABULARY = hashlib.sha256(
    repr(
        (
            SYNONYM_GROUPS,
            sorted(ABBREVIATIONS.items()),
            sorted(STOPWORDS_ACCENTED),
            "short forms",
            sorted(CHAT_WORDS.items()),
        )
    ).encode()
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


_SHORT_FORMS = tuple(
    (fold(short), f" {' '.join(fold(w) for w in syllables(long))} ")
    for short, long in ABBREVIATIONS.items()
)


def terms(text: str) -> list[str]:
    """Folded syllables of `text` (markers out), synonym phrases as their group's token:
    what question and passage are compared on when judging whether one answers the other.
    An abbreviation and its long form stand for each other both ways: "PCCC" brings
    "phòng cháy chữa cháy", and "phòng cháy, chữa cháy" brings "pccc"."""
    return _terms(text)


def passage_terms(text: str) -> list[str]:
    """`terms`, and the words and shorter phrases inside each phrase a passage writes:
    "tai nạn giao thông" also says "giao thông", "xử phạt vi phạm hành chính" also
    "vi phạm" — for a question naming only that part."""
    return [t for part in terms_and_inner(text) for t in part]


def terms_and_inner(text: str) -> tuple[list[str], list[str]]:
    """`terms` (in order: word pairs are read on them) and, apart, what `passage_terms`
    adds — one reading of the text for both. A percentage ("đạt 64,5%") says a rate
    without the word "tỷ lệ"."""
    inner: list[str] = []
    whole = _terms(text, inner)
    if _PERCENT.search(text):
        inner += _RATE
    return whole, inner


_PERCENT = re.compile(r"\d\s?%")
_RATE = _concepts(["ty", "le"], 2)


def _terms(text: str, inner: list[str] | None = None) -> list[str]:
    words = [fold(w) for w in syllables(expand_abbreviations(strip_markers(text)))]
    padded = f" {' '.join(words)} "
    have = set(words)
    short = [s for s, long in _SHORT_FORMS if s not in have and long in padded]
    return _concepts(words, len(words), inner) + list(dict.fromkeys(short))

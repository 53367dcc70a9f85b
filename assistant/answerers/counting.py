"""What a question counts and whether a sentence counts it: "bao nhiêu hộ", "mấy vụ" — a
figure followed by that noun ("07 hộ"), as typed ("tân binh" is not the "126 tấn" folding
makes it), and not a figure the question gives itself ("trong 18.400 lượt khách, bao nhiêu
khách quốc tế?")."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from types import MappingProxyType

from assistant.query import Query, without_periods
from index import vn

# "bao nhiêu, mấy lượt": what is counted follows the last asking word
_COUNTED = re.compile(r"\b(?:bao nhieu|may)\s+(?!may\b|bao nhieu\b)((?:[a-z]+\s?){1,2})")


def counted_nouns(query: Query) -> list[str]:
    """What each "bao nhiêu hộ …", "mấy vụ …" of a question counts, folded, in order ("ho",
    "vu"; money is "dong")."""
    heads = (m.group(1).split() for m in _COUNTED.finditer(" ".join(vn.syllables(query.folded))))
    # "bao nhiêu hồ sơ" counts files, not households ("hộ"): both fold as "ho"
    words = (" ".join(h[:2]) if h[:2] == ["ho", "so"] else h[0] for h in heads)
    return [{"tien": "dong"}.get(w, w) for w in words if w not in _NOT_COUNTED]


# what follows "bao nhiêu" with no noun between ("thực hiện bao nhiêu, đạt bao nhiêu % dự
# toán": the comma is gone once the question is read as syllables)
_NOT_COUNTED = frozenset({"dat", "la", "duoc", "chiem", "con", "roi", "thi", "vay", "nua", "va"})


def counted_noun(query: Query) -> str:
    """What the question's first "bao nhiêu …" counts, "" when it counts nothing."""
    return next(iter(counted_nouns(query)), "")


def counts(
    noun: str,
    sentence: str,
    given: Collection[str] = (),
    written: str = "",
    kind: Collection[str] = (),
) -> bool:
    """Whether a figure of the sentence is followed by `noun` ("07 hộ", "12.500 lượt",
    "63/139 kiến nghị"), or, with no noun, whether it holds a figure at all (a bare year is
    none); figures in `given` (the keys of those the question writes itself) are none.
    `written`: the noun as the question typed it, diacritics and all ("tân binh" is not the
    "126 tấn" folding makes it). `kind`: words one of which must stand beside that figure
    ("05 vụ trộm cắp", "mầm non: 12 trường"), folded."""
    text = vn.nfc(sentence.replace("%", " phần trăm ")).lower()
    folded = vn.fold(text)
    if len(folded) != len(text):  # positions no longer agree (a character NFC keeps apart)
        written = ""
    for m in vn.NUMBER_RE.finditer(folded):
        if vn.number_key(m.group()) in given:
            continue
        if not noun:  # any figure but a bare year ("năm 2026"); "2024 lượt" is a count
            if not vn.YEAR_RE.fullmatch(m.group()):
                return True
            continue
        after = re.match(_FOLLOWED.format(re.escape(noun)), folded[m.end() :])
        if not after or (written and not text[m.end() : m.end() + after.end()].endswith(written)):
            continue
        if not kind or _beside(kind, folded[: m.start()], folded[m.end() + after.end() :]):
            return True
    return False


@lru_cache(maxsize=1024)
def given_words(text: str) -> Mapping[str, frozenset[str]]:
    """The figures a question writes itself (their keys), each with the word it writes
    right after it ("quá 6 tiếng": "tieng"; "mục tiêu 80%": "%")."""
    out: dict[str, set[str]] = {}
    for m in vn.NUMBER_RE.finditer(text):
        raw = m.group(0).replace(" ", "")
        out.setdefault(_key(raw), set()).add(_word_after(text, raw, m.end()))
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})  # (cached: shared)


def is_given(given: Mapping[str, frozenset[str]], text: str, raw: str, end: int) -> bool:
    """Whether the figure `raw` of `text` (ending at `end`) is one the question gives: the
    same figure of the same thing ("06 lượt" is no "6 tiếng" given), or given bare."""
    words = given.get(_key(raw), frozenset())
    after = _word_after(text, raw, end)
    return after in words or ("" in words and after != "%")  # "80" given is no "80%"


def _key(raw: str) -> str:
    return vn.number_key(raw.replace(" ", "").rstrip("%"))  # "80 %", "80%", "80": one figure


def _word_after(text: str, raw: str, end: int) -> str:
    rest = text[end:].lstrip()
    if raw.endswith("%") or rest.startswith("%"):
        return "%"
    m = re.match(r"[^\W\d]+", rest)
    return vn.fold(m.group(0)) if m else ""


def _beside(kind: Collection[str], before: str, after: str) -> bool:
    """One of `kind` among the three words before a figure or the three after its noun."""
    near = vn.syllables(before)[-3:] + vn.syllables(after)[:3]
    return any(w in kind for w in near)


def written_noun(query: Query, noun: str) -> str:
    """The question's own spelling of a counted noun, when it is typed with diacritics
    ("" when it is not: "lượt" may be typed "luot" in a question accented elsewhere)."""
    if not query.accented:
        return ""
    # the word the count is asked of ("cho bao nhiêu hộ" — not the "hỗ" of "hỗ trợ" before it)
    after = (m.group(1) for m in _ASKED_OF.finditer(vn.nfc(query.text).lower()))
    return next((w for w in after if vn.fold(w) == noun and w != noun), "")


_ASKED_OF = re.compile(r"(?:bao nhiêu|mấy)\s+(\w+)")


# what follows a figure that counts `noun`: its unit or one word, then the noun
_FOLLOWED = r"(?:/[\d.,]+)?\W*\s+(?:\w+\s+)?{}\b"


_AMOUNT_ASKED = re.compile(r"\b(?:bao nhieu|may|how many|how much|chiem)\b")


def beyond_given(query: Query, sentence: str, given: Collection[str]) -> bool:
    """Whether the sentence holds a figure the question does not already give (`given`:
    their keys), counting what it asks for: "Trong 18.400 lượt khách có bao nhiêu khách
    quốc tế?" gives the 18.400 and asks for another figure, which a sentence holding only
    the 18.400 lacks."""
    plain = " ".join(vn.syllables(query.folded))
    if not given or not _AMOUNT_ASKED.search(plain):
        return True
    nouns = counted_nouns(query)
    # a part of what the question counts itself ("46 trường … bao nhiêu trường tiểu học"),
    # not a figure of a name ("lớp 9 … bao nhiêu em")
    asked = query.folded.lower()  # an English question with its asking words (english.asking)
    written = _written(query.text, given)
    parts = [
        n
        for n in nouns
        if any(
            re.search(rf"(?<![\d.,]){re.escape(g)}{_FOLLOWED.format(re.escape(n))}", asked)
            for g in written
        )
    ]
    if nouns and not parts:
        return True
    return any(
        counts(noun, sentence, given, written_noun(query, noun), _kind_asked(asked, noun, written))
        for noun in parts or [""]
    )


def _kind_asked(asked: str, noun: str, written: list[str]) -> frozenset[str]:
    """What sets the part counted apart from the whole a question gives "trong" ("Trong 16
    vụ …, bao nhiêu vụ là trộm cắp?" → trộm, cắp; "trong 18 lượt có bao nhiêu lượt dân đến
    hỏi chuyện đất đai" → … đất, đai): the words after what it counts, folded. None when
    the whole is not so framed ("bao nhiêu người tháng trước, nếu tháng này là 69.436")."""
    if not any(re.search(rf"\btrong (?:tong )?(?:so )?{re.escape(g)}\b", asked) for g in written):
        return frozenset()
    m = re.search(rf"\b(?:bao nhieu|may) {re.escape(noun)}\b([^,?;.]*)", asked)
    after = vn.syllables(without_periods(m.group(1))) if m else []
    return frozenset(w for w in after if w not in vn.STOPWORDS and w not in _SAYS_NOTHING)


# words that go on with the question, not what the part is ("bao nhiêu vụ được xử lý")
_SAYS_NOTHING = frozenset("duoc da bi co la tang giam so hien con".split())


def _written(text: str, given: Collection[str]) -> list[str]:
    """The question's figures as it writes them, of those whose keys are `given`."""
    return [n for n in vn.numbers(vn.fold(text)) if vn.number_key(n) in given]


# what an amount is asked per ("mỗi hộ được bao nhiêu", "giá bao nhiêu một ký") — units a
# rate is given in, not the members of a breakdown ("mỗi dự án giải ngân bao nhiêu")
_PER = {
    "ho": ("ho",),
    "nguoi": ("nguoi",),
    "tau": ("tau", "chiec"),
    "chiec": ("chiec",),
    "cai": ("cai",),
    "suat": ("suat",),
    "cay": ("cay",),
    "con": ("con",),
    "ha": ("ha",),
    "tan": ("tan",),
    "ngay": ("ngay",),
    "ky": ("kg",),
    "kg": ("kg",),
    "can": ("kg", "can"),
    "met": ("m", "m2", "met"),
    "m2": ("m2", "m", "met"),
}
_UNITS = "|".join(_PER)
_PER_ONE = re.compile(rf"\bbao nhieu(?: tien)? (?:mot|1) ({_UNITS})\b")
# typed without diacritics, "moi" is "mỗi" only before a unit no "mới"/"mọi" goes with
_EVERY_PLAIN = re.compile(r"\bmoi (ho|tau|chiec|cai|suat|cay|ky|kg|can|met|m2|ngay)\b")


def per_unit_asked(query: Query) -> str:
    """The unit an amount is asked per, folded ("ho" for "mỗi hộ được bao nhiêu?", "ky"
    for "giá bao nhiêu một ký?"); "" when none is ("mọi người", "tuyến mới")."""
    return _per_unit_asked(query.text, query.folded, query.accented)


@lru_cache(maxsize=1024)
def _per_unit_asked(text: str, folded: str, accented: bool) -> str:
    """Read once per question: the extractive answerer asks it of every unit."""
    plain = " ".join(vn.syllables(folded))
    if m := _PER_ONE.search(plain):
        return m.group(1)
    if not accented:
        return m.group(1) if (m := _EVERY_PLAIN.search(plain)) else ""
    every = re.search(r"\bmỗi\s+(\w+)", vn.nfc(text).lower())
    return unit if every and (unit := vn.fold(every.group(1))) in _PER else ""


def per_unit_held(unit: str, sentence: str) -> bool:
    """Whether the sentence gives an amount per that unit: "10 triệu đồng/hộ", "mỗi hộ 30
    triệu đồng", "bình quân 2,5 tấn/ngày" — a total for all of them says none."""
    folded = vn.fold(vn.nfc(sentence)).lower()
    return "binh quan" in folded or "don gia" in folded or bool(_PER_HELD[unit].search(folded))


# an amount per one of a unit, as written: "/hộ", "mỗi hộ", "một hộ" (folded)
_PER_HELD = {
    unit: re.compile("|".join(rf"/\s*{u}\b|\bmoi {u}\b|\b(?:mot|1) {u}\b" for u in written))
    for unit, written in _PER.items()
}

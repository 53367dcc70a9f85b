"""Words reports and leaders use for the same thing, matched as one concept; and the
fingerprint of every word table the index's statistics depend on."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from index.vn.groups import FIELD_GROUPS, SYNONYM_GROUPS
from index.vn.text import fold, strip_markers, syllables
from index.vn.words import ABBREVIATIONS, STOPWORDS_ACCENTED, expand_abbreviations


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
    return _concepts(folded_words, len(folded_words))


def _concepts(
    words: list[str],
    longest: int,
    inner: list[str] | None = None,
    breaks: frozenset[int] = frozenset(),
) -> list[str]:
    """`concepts` with phrases of at most `longest` words; into `inner`, the words and
    shorter phrases inside each phrase replaced. A count is read by its value: "05 công
    trình" is the "5 công trình" a leader asks about. `breaks`: the positions punctuation
    stands before; no phrase reads across one that leaves a lone syllable on either side
    ("đầu tư công, tỷ lệ" spells no "công ty"; "quốc phòng, an ninh" is one)."""
    words = [(w.lstrip("0") or "0") if w.isdigit() else w for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for gid, phrase in _PHRASES.get(words[i], ()):
            n = len(phrase)
            if n > 1 and (i + 1 in breaks or i + n - 1 in breaks):
                continue  # a lone syllable on one side of the mark
            if n <= longest and tuple(words[i : i + n]) == phrase:
                out.append(f"~{gid}")
                if inner is not None and len(phrase) > 1:
                    inner += _concepts(list(phrase), len(phrase) - 1, inner)
                i += len(phrase)
                break
        else:
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
            "phrases end at punctuation",
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
    words: list[str] = []
    breaks: set[int] = set()
    for piece in _PUNCTUATION.split(expand_abbreviations(strip_markers(text))):
        if words:
            breaks.add(len(words))
        words += [fold(w) for w in syllables(piece)]
    padded = f" {' '.join(words)} "
    have = set(words)
    short = [s for s, long in _SHORT_FORMS if s not in have and long in padded]
    return _concepts(words, len(words), inner, frozenset(breaks)) + list(dict.fromkeys(short))


# what ends a phrase: a clause's or a sentence's mark, a bracket (not a figure's "73,05")
_PUNCTUATION = re.compile(r"[;:()\[\]\n]|(?<!\d)[,.]|[,.](?!\d)")

"""Answer or abstain: the calibrated probability that a quoted passage answers the question.

Several signals, none decisive alone (one coverage threshold fitted to 50 questions refused
paraphrases on one corpus and answered near-misses on another):
- coverage of the question's terms by the sentence and by its passage, the terms weighted
  by their rarity IN THAT REPORT (so other indexed reports never move the verdict), with
  the genre's synonyms (bắt giữ ≈ bắt, khởi công ≈ bắt đầu thi công) and generic actor words
  ("lực lượng chức năng") left out;
- whether the question's rarest term that the report uses at all is in the passage;
- the share of the question's terms the report never uses (a service it never counts);
- e5 similarity of the question to the quoted sentence;
- whether BM25 and dense retrieval agree on the passage;
- a figure asked for and present; an exact document-number or figure match.
A logistic regression over them is fitted on the tune half of the question bank by
bench/fit_abstention.py (weights in support.json); the held-out half is never fitted on.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.answerers.counting import counted_noun, counts, written_noun
from assistant.english import vietnamese_runs
from assistant.named_reports import numbered_units, places_typed
from assistant.query import Query, terms_apart
from index import vn

FEATURES = (
    "cov_sentence",  # IDF-weighted share of the question's terms in the quoted sentence
    "cov_passage",  # … in its whole passage (with its report/section header)
    "cov_title",  # … in the section titles the passage sits under
    "bigrams",  # share of the question's word pairs found in the passage
    "key_term",  # the question's rarest term that the report uses is in the passage
    "miss_rare",  # how rare (in the report) the rarest term missing from the passage is
    "miss_share",  # share of the question's terms missing from the passage
    "unknown",  # share of the question's terms the report never uses
    "dense",  # e5 similarity of the question to the passage
    "dense_rank",  # closeness of the passage to the top of the dense ranking
    "lexical_rank",  # … of the BM25 ranking
    "rel_score",  # its coverage score over the best unit's
    "figure",  # a figure asked for and present (0.5 when none is asked)
    "counted",  # what "bao nhiêu X" counts (X) follows a figure of the sentence
    "money",  # money asked about (tiền, kinh phí, vốn) and an amount in đồng quoted
    "pairs",  # share of the question's word pairs found as pairs in the quoted sentence
    "names",  # share of the question's proper names found in the passage
    "exact",  # an exact document-number or figure match
    "understood",  # share of an English question the glossary understood
)
WEIGHTS_FILE = Path(__file__).with_name("support.json")


@lru_cache(maxsize=4096)
def question_terms(content: tuple[str, ...]) -> tuple[str, ...]:
    """What must be covered: the question's content as concepts, generic phrases out."""
    out: list[str] = []
    for run in terms_apart(content):  # an English question's terms, each apart
        joined = f" {' '.join(run)} "
        for phrase in sorted(vn.GENERIC_PHRASES, key=len, reverse=True):
            joined = joined.replace(f" {phrase} ", " ")
        out += vn.concepts(joined.split())
    return tuple(out)


Weight = Callable[[str], float]


def coverage(terms: Sequence[str], present: set[str], weight: Weight) -> float:
    """IDF-weighted share of `terms` found in `present`."""
    if not terms:
        return 0.0
    # summed exactly: a set's order changes with the hash seed, and a float sum's last bit
    # with it — enough to turn a tie between two passages the other way from run to run
    ws = {t: weight(t) for t in set(terms)}
    total = math.fsum(ws.values()) or 1.0
    return math.fsum(w for t, w in ws.items() if t in present) / total


def bigram_share(terms: Sequence[str], words: Sequence[str]) -> float:
    pairs = set(itertools.pairwise(terms))
    if not pairs:
        return 1.0
    return len(pairs & set(itertools.pairwise(words))) / len(pairs)


@dataclass(frozen=True)
class Signals:
    values: tuple[float, ...]  # in the order of FEATURES

    def vector(self) -> list[float]:
        return list(self.values)

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values, strict=True))


def _closeness(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / (1.0 + rank / 3.0)


def signals(
    query: Query,
    sentence: str,
    passage: str,
    title: str,
    weight: Weight,
    report_vocab: Callable[[str], int],
    dense: float,
    ranks: tuple[int | None, int | None],
    rel_score: float,
    exact: bool,
    understood: float = 1.0,
) -> Signals:
    """`weight`: a term's rarity in the passage's report; `report_vocab`: in how many of
    that report's passages a term occurs; `ranks`: the passage's dense and BM25 ranks."""
    terms = question_terms(query.content)
    own = set(vn.passage_terms(sentence))
    whole, inner = vn.terms_and_inner(passage)
    present = {*whole, *inner}
    known = [t for t in terms if report_vocab(t) > 0]
    key = max(known, key=weight, default="")
    missing = [t for t in set(terms) if t not in present]
    top = max((weight(t) for t in set(terms)), default=1.0) or 1.0
    figure = (1.0 if vn.numbers(sentence) else 0.0) if query.wants_figure else 0.5
    values = {
        "cov_sentence": coverage(terms, own, weight),
        "cov_passage": coverage(terms, present, weight),
        "cov_title": coverage(terms, set(vn.terms(title)), weight),
        "bigrams": bigram_share(list(terms), [w for w in whole if w not in vn.STOPWORDS]),
        "key_term": 1.0 if key and key in present else 0.0,
        "miss_rare": max((weight(t) for t in missing), default=0.0) / top,
        "miss_share": len(missing) / len(set(terms)) if terms else 1.0,
        "unknown": (len(terms) - len(known)) / len(terms) if terms else 1.0,
        "dense": dense,
        "dense_rank": _closeness(ranks[0]),
        "lexical_rank": _closeness(ranks[1]),
        "rel_score": max(0.0, min(1.0, rel_score)),
        "figure": figure,
        "counted": counted(query, sentence),
        "money": money(query, sentence),
        "pairs": bigram_share(
            list(terms), [w for w in vn.terms(sentence) if w not in vn.STOPWORDS]
        ),
        "names": name_share(query, passage),
        "exact": 1.0 if exact else 0.0,
        "understood": understood,
    }
    return Signals(tuple(values[f] for f in FEATURES))


def counted(query: Query, sentence: str) -> float:
    """For "bao nhiêu hộ …", "mấy vụ …": 1 when a figure of the sentence is followed by
    what is counted ("07 hộ"), 0 when none is; 0.5 when the question counts nothing."""
    if not (unit := counted_noun(query)):
        return 0.5
    return 1.0 if counts(unit, sentence, query.figures, written_noun(query, unit)) else 0.0


_MONEY = re.compile(r"\b(?:tien|kinh phi|von|tong muc dau tu|chi phi|money|cost|budget|amount)\b")


_RATE = re.compile(r"\b(?:ty le|phan tram|percent|percentage|rate|share)\b")
_PEOPLE_COUNTED = re.compile(
    r"\b(?:so|bao nhieu|may) (?:nguoi|ho|luot|truong hop|doi tuong|tai khoan|cong dan)\b"
)


def money(query: Query, sentence: str) -> float:
    """1 when money is asked about and the sentence quotes an amount in đồng, 0 when it
    does not; 0.5 when no money is asked about — nor when a rate is ("tỷ lệ thanh toán
    viện phí không dùng tiền mặt": a share, and cash is how it is paid)."""
    plain = " ".join(vn.syllables(query.folded)).replace("tien mat", " ")
    if not (query.wants_figure and _MONEY.search(plain)) or _RATE.search(plain):
        return 0.5
    if _PEOPLE_COUNTED.search(plain):
        return 0.5  # "số người nhận tiền … bao nhiêu": people are counted, not money
    return 1.0 if AMOUNT_IN_DONG.search(sentence) else 0.0


# an amount of money as reports write it: "21.470 triệu đồng", "845.600.000đ"
AMOUNT_IN_DONG = re.compile(r"\d\s*(?:triệu |tỷ |nghìn )?(?:đồng|đ\b)")


def name_share(query: Query, passage: str) -> float:
    """Share of the question's proper names and acronyms the passage holds (1.0 when it
    names none). An English question's capitals — "What", "November" — are no names; its
    Vietnamese ones, written with their diacritics ("Bến Đò ward"), are."""
    names = proper_names(query.text)
    if query.english:  # "the December 2023 Lạng Sơn city report" names Lạng Sơn
        names = [n for n in vietnamese_runs(query.text) if vn.has_diacritics(n)]
    elif not query.accented:  # "thon ben do": typed without capitals, a place still names
        names = [*names, *places_typed(query.folded)]
    units = numbered_units(query.folded) if not query.english else []
    if not names and not units:
        return 1.0
    keyed = f" {vn.match_key(passage)} "
    names = [vn.spelled_acronym(n) for n in names]  # "QD" typed for "QĐ" names a decision
    held = set(numbered_units(vn.fold(passage))) if units else set()
    # a name the passage writes in other words of one concept ("Tết Tây": "Tết Dương lịch")
    own = {n: set(vn.terms(n)) for n in names}
    conceptual = {n for n, t in own.items() if any(x.startswith("~") for x in t)}
    said = set(vn.passage_terms(passage)) if conceptual else set()
    found = sum(
        bool(_name_pattern(vn.match_key(n)).search(keyed)) or (n in conceptual and own[n] <= said)
        for n in names
    )
    return (found + sum(u in held for u in units)) / (len(names) + len(units))


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A name's words in order, a few words allowed between ("Tết Bính Ngọ" in "Tết Nguyên
    đán Bính Ngọ")."""
    return re.compile(r" " + r"(?: \S+){0,3} ".join(map(re.escape, name.split())) + r" ")


_COUNTED_AFTER = frozenset({"thang", "nam", "quy", "ngay", "tuan", "gio", "ky"})
_ACRONYM = re.compile(r"[^\W\d_]*[A-ZĐ][^\W\d_]*[A-ZĐ][^\W\d_]*")
_ROMAN = re.compile(r"[IVXLC]+")


def proper_names(text: str) -> list[str]:
    """Runs of capitalised words past a sentence's first word ("Kè bờ sông Mai" gives
    "Mai", "Lương Văn Chi" itself), and acronyms ("OCOP", "PAPI"; a known one matches its
    long form): what a passage must name to be about the same thing."""
    words = re.findall(r"[^\W_]+", vn.nfc(text))
    # acronyms, a known hyphenated one whole ("GD-ĐT": "giáo dục - đào tạo"), not "QĐ-UBND"
    bare = re.findall(r"[^\W_]+(?:-[^\W_]+)*", vn.DOC_NUMBER_RE.sub(" ", vn.nfc(text)))
    out = [
        p
        for w in bare
        for p in ([w] if "-" in w and w in vn.ABBREVIATIONS else w.split("-"))
        if p in vn.ABBREVIATIONS or (_ACRONYM.fullmatch(p) and not _ROMAN.fullmatch(p))
    ]
    run: list[str] = []
    padded = [*words, "", ""]
    for i, w in enumerate(padded[:-1]):
        # "Tân Giang 2": the number is part of the name; "Vân Hà 11 tháng" counts months
        numbered = run and w.isdigit() and vn.fold(padded[i + 1]) not in _COUNTED_AFTER
        if (i > 0 and w[:1].isupper() and not w.isupper()) or numbered:
            run.append(w)
            continue
        if run:
            out.append(" ".join(run))
        run = []
    return list(dict.fromkeys(out))


# The handful the decision weighs (the rest of FEATURES are reported, for diagnosis):
# coverage of the question by the quoted sentence and by its passage, the rare term, the
# names, an asked-for figure or amount being there, an exact match, and how much of an
# English question was understood. (Ranks are left out: near-copies of a passage in the
# monthly reports of one series move them without making the passage any less right.)
DECIDE_FEATURES = (
    "cov_sentence",
    "cov_passage",
    "key_term",
    "names",
    "figure",
    "money",
    "exact",
    "understood",
)


@dataclass(frozen=True)
class Model:
    """A logistic regression over DECIDE_FEATURES, and the threshold that decides."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    source: str = ""

    def probability(self, s: Signals) -> float:
        d = s.as_dict()
        z = self.bias + sum(w * d[f] for w, f in zip(self.weights, DECIDE_FEATURES, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


# Before any fit (or with a stale fit): both coverages and an exact match decide.
_PRIOR = {"cov_sentence": 3.0, "cov_passage": 3.0, "exact": 4.0, "names": 1.0, "figure": 1.0}
DEFAULT = Model(tuple(_PRIOR.get(f, 0.0) for f in DECIDE_FEATURES), -5.0, 0.5, "default")


@lru_cache(maxsize=1)
def model() -> Model:
    try:
        data = json.loads(WEIGHTS_FILE.read_text("utf-8"))
        weights = tuple(float(data["weights"][f]) for f in DECIDE_FEATURES)  # KeyError: stale
        return Model(weights, float(data["bias"]), float(data["threshold"]), "fitted")
    except (FileNotFoundError, KeyError, ValueError):
        return DEFAULT

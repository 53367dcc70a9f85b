"""Post-correction of Tesseract's Vietnamese: put back the diacritics it drops or swaps.

Tesseract `-l vie` reads letters and figures well but confuses the marks: "câp" for "cấp",
"sô" for "số", "ĐÔNG" for "ĐỒNG", "đề thực hiện" for "để thực hiện". A syllable is changed
only by evidence, never by guess:

1. it breaks the spelling rules of Vietnamese ("câp": a syllable ending in p/t/c/ch takes a
   sắc or nặng tone) or is absent from the inventory, and one known syllable with the same
   letters is clearly the likeliest (alone, or far more frequent and fitting its neighbours);
2. it is a known but rare syllable, a variant with the same letters is common, and that
   variant fits its neighbours where the original does not ("tô chức" → "tổ chức").

Tokens holding a digit, "/" or "-" (figures, dates, "3980/C04-P6", "QĐ-UBND") and capital
acronyms ("UBND", "MTQG") are never touched. The inventory (index/data/, built by
bench/ocr_words.py) counts syllables and syllable pairs in report text that is not used to
measure the OCR.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from index import legacy

DATA = Path(__file__).resolve().parent / "data"
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền sắc ngã hỏi nặng
_STOP_OK = "\u0301\u0323"  # the only tones a syllable ending in p, t, c, ch can carry
_EDGE = "\"'“”‘’()[]{}.,;:!?…*"
_STOP_CODA = re.compile(r"(?:p|t|c|ch)$")


def split_marks(syllable: str) -> tuple[str, str]:
    """(letters without any mark, 'đ' as 'd'; the tone mark or '')."""
    d = unicodedata.normalize("NFD", syllable.lower().replace("đ", "d"))
    tone = next((c for c in d if c in _TONES), "")
    return "".join(c for c in d if not unicodedata.combining(c)), tone


def plausible(syllable: str) -> bool:
    """Spelled as a Vietnamese syllable can be (a superset of the real ones)."""
    s = syllable.lower()
    if not legacy.is_syllable(s):
        return False
    letters, tone = split_marks(s)
    if _STOP_CODA.search(letters) and (not tone or tone not in _STOP_OK):
        return False
    if re.match(r"k(?!h)[^ieêy]|gh[^ieê]|ngh[^ieê]|q(?!u)", letters):
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", s)
                                                if c not in _TONES))  # fmt: skip
    return not re.search(r"[ăâ]$", base)  # ă, â never end a syllable


def canonical(syllable: str) -> str:
    """One spelling per syllable whatever the tone's position: 'hoà' and 'hòa', 'tuý' and
    'túy', 'uỷ' and 'ủy' are the same syllable, written in the old or the new style."""
    d = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(c for c in d if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES)) + tone


@dataclass(frozen=True)
class Inventory:
    unigrams: Counter[str]
    bigrams: Counter[tuple[str, str]]
    by_letters: dict[str, tuple[str, ...]]  # letters without marks → known syllables

    def freq(self, s: str) -> int:
        return self.unigrams.get(s, 0)

    def context(self, left: str, s: str, right: str) -> int:
        return self.bigrams.get((left, s), 0) + self.bigrams.get((s, right), 0)


def _rows(name: str):
    path = DATA / name
    if not path.is_file():
        return
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, n = line.rpartition("\t")
            yield key, int(n)


@functools.lru_cache(maxsize=1)
def inventory() -> Inventory:
    uni = Counter(dict(_rows("vi_syllables.tsv")))
    bi: Counter[tuple[str, str]] = Counter()
    for pair, n in _rows("vi_bigrams.tsv"):
        a, _, b = pair.partition(" ")
        bi[(a, b)] = n
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for s in uni:
        groups[split_marks(s)[0]].append(s)
    by_letters = {k: tuple(sorted(v, key=lambda s: -uni[s])) for k, v in groups.items()}
    return Inventory(uni, bi, by_letters)


RARE = 3  # a known syllable seen at most this often can give way to a common variant
DOMINANT = 20  # "far more frequent": this many times the alternatives
CONTEXT = 2  # pair counts that make a variant fit its neighbours
STRONG = 5  # ... enough to overrule a word that is not rare
COMMON = 100  # a variant this frequent replaces a word never seen in report text
SYSTEM_DICTIONARY = Path("/usr/share/hunspell/vi_VN.dic")  # Debian's hunspell-vi, optional


@functools.lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Real syllables from hunspell-vi when installed (read in place, never shipped: it is
    GPL); without it, the spelling rules alone decide what is a syllable."""
    try:
        lines = SYSTEM_DICTIONARY.read_text("utf-8").splitlines()[1:]
    except OSError:
        return frozenset()
    words = (unicodedata.normalize("NFC", ln.split("/")[0]).lower() for ln in lines)
    return frozenset(w for w in words if w.isalpha())


def valid(syllable: str) -> bool:
    s = syllable.lower()
    real = _dictionary()
    if real:
        return s in real or (s in inventory().unigrams)
    return plausible(s)


def _likeliest(word: str, variants: list[str], left: str, right: str, inv: Inventory) -> str:
    """For a word that cannot be right: the variant its neighbours or its frequency single
    out, else the word unchanged."""
    if len(variants) == 1:
        return variants[0] if inv.freq(variants[0]) >= 2 else word
    ctx = {c: inv.context(left, c, right) for c in variants}
    top = max(variants, key=lambda c: (ctx[c], inv.freq(c)))
    others = [c for c in variants if c != top]
    if ctx[top] >= CONTEXT and all(ctx[c] * 4 <= ctx[top] for c in others):
        return top
    top = variants[0]  # the most frequent
    if inv.freq(top) >= 2 and all(inv.freq(c) * DOMINANT <= inv.freq(top) for c in variants[1:]):
        return top if ctx[top] >= max(ctx[c] for c in variants[1:]) else word
    return word


def _best(word: str, left: str, right: str, inv: Inventory, frequency: bool = True) -> str:
    """The syllable `word` (lower case) should be, or `word` itself."""
    same = canonical(word)
    variants = [c for c in inv.by_letters.get(split_marks(word)[0], ()) if canonical(c) != same]
    if not variants:
        return word
    if not valid(word):
        return _likeliest(word, variants, left, right, inv)
    known = inv.freq(word)
    if not frequency or inv.context(left, word, right):
        return word
    ctx = {c: inv.context(left, c, right) for c in variants}
    top = max(variants, key=lambda c: (ctx[c], inv.freq(c)))
    alone = all(ctx[c] * 4 <= ctx[top] for c in variants if c != top)
    # A real word that its neighbours never go with, where a common variant does.
    frequent = inv.freq(top) >= (5 * max(known, 1) if known <= RARE else known)
    if alone and frequent and ctx[top] >= (CONTEXT if known <= RARE else STRONG):
        return top
    common = variants[0]
    if known == 0 and inv.freq(common) >= COMMON and ctx[common] >= max(ctx.values()):
        return common  # never seen in report text, and its common variant is everywhere
    return word


def _recase(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _core(token: str) -> tuple[str, str, str]:
    """(leading punctuation, the word, trailing punctuation)."""
    core = token.strip(_EDGE)
    if not core:
        return token, "", ""
    start = token.index(core)
    return token[:start], core, token[start + len(core) :]


def correctable(core: str) -> bool:
    """Letters only, and not a capital acronym ("UBND", "TAC"; "CÂP" with its accent is a
    misread word): figures, codes and dates never."""
    if not core or not core.isalpha():
        return False
    accented = any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", core))
    return not (core.isupper() and not plausible(core) and not accented)


REPEATED = 3  # a real word read alike this often on one page is the page's own word


def repeated(tokens: Iterable[str]) -> frozenset[str]:
    """The words a page reads alike, tone mark and all, REPEATED times or more (lower
    case): a storm report's "bão", a place's "Nậm" — its own words, which rule 2 must not
    trade for the genre's commoner "báo", "Năm". Tesseract's steady misreading drops a
    tone ("sô" for "số", twelve times on one page): a toneless word is kept only as a name,
    never written in lower case ("Lam Khê", "Cửa Lam", "LAM")."""
    cores = [core for t in tokens if correctable(core := _core(t)[1])]
    counts = Counter(core.lower() for core in cores)
    lower = {core for core in cores if core.islower()}
    return frozenset(
        w
        for w, n in counts.items()
        if n >= REPEATED and valid(w) and (split_marks(w)[1] or w not in lower)
    )


def correct_tokens(
    tokens: list[str], frequency: bool = True, keep: frozenset[str] = frozenset()
) -> list[str]:
    """One line of OCR'd tokens (as Tesseract split them), corrected where evidence says;
    `frequency=False` keeps to rule 1 (only words that cannot be right change); words in
    `keep` (the page's `repeated` ones) to rule 1 as well."""
    inv = inventory()
    if not inv.unigrams:
        return tokens
    parts = [_core(unicodedata.normalize("NFC", t)) for t in tokens]
    words = [core.lower() if correctable(core) else "" for _, core, _ in parts]
    out = list(tokens)
    for i, (pre, core, post) in enumerate(parts):
        w = words[i]
        if not w:
            continue
        left = words[i - 1] if i and not parts[i - 1][2] and not pre else ""
        right = words[i + 1] if i + 1 < len(words) and not post and not parts[i + 1][0] else ""
        best = _best(w, left, right, inv, frequency and w not in keep)
        if best != w:
            out[i] = pre + _recase(best, core) + post
    return out


def correct_text(text: str) -> str:
    """`correct_tokens` over each line of plain text (spacing is normalised to one space)."""
    return "\n".join(" ".join(correct_tokens(line.split())) for line in text.split("\n"))

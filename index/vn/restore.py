"""Diacritics put back on a question typed without them."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from index.vn.text import fold, has_diacritics, nfc, syllables


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

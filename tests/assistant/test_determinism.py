"""One question, one answer: nothing a judgement adds up may depend on the order a set of
words is walked in, which changes with the hash seed of each run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# forty terms of unequal rarity, a third of them present: their weights summed in another
# order differ in the last bit, which turned a tie between two passages the other way
_PROBE = """
import math
from assistant.answerers.support import coverage
terms = [f"t{i}" for i in range(40)]
w = {t: math.log(1 + 97 / (i * 1.7 + 0.5)) for i, t in enumerate(terms)}
print(repr(coverage(terms, set(terms[::3]), w.__getitem__)))
"""


def test_coverage_is_the_same_whatever_the_hash_seed() -> None:
    seen = set()
    for seed in range(1, 7):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}
        out = subprocess.run(
            [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
        )
        seen.add(out.stdout.strip())
    assert len(seen) == 1, seen

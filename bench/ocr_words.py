"""Build the syllable inventory the OCR post-correction ships with (index/data/).

Counts lowercased Vietnamese syllables and adjacent syllable pairs in report text that is NOT
used to measure OCR (bench/ocr.py measures on the PDFs; those are left out):
samples/*.txt, the README, ../shared/corpus/*.txt and the .docx reports in
../shared/corpus/real and ../shared/corpus-extra when present.

    .venv/bin/python bench/ocr_words.py   # rewrites index/data/vi_syllables.tsv, vi_bigrams.tsv
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.ocr_correct import plausible  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "index" / "data"
_WORD = re.compile(r"[^\W\d_]+|[^\s]")  # letters, or one other mark (punctuation breaks pairs)


def texts() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for p in [*sorted((ROOT / "samples").glob("*.txt")), ROOT / "README.md"]:
        found.append((p.name, p.read_text("utf-8")))
    for p in sorted((SHARED / "corpus").glob("*.txt")):
        found.append((p.name, p.read_text("utf-8")))
    from index.readers.docx import parse_docx

    for folder in (SHARED / "corpus" / "real", SHARED / "corpus-extra"):
        for p in sorted(folder.glob("*.docx")):
            report = parse_docx(p, p.read_bytes())
            parts = [report.meta.title, *(s.title for s in report.sections)]
            parts += [x.text for x in report.paragraphs] + [f.text for f in report.footnotes]
            found.append((p.name, "\n".join(parts)))
    return found


def count(sources: list[tuple[str, str]]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    for _, text in sources:
        for line in unicodedata.normalize("NFC", text).splitlines():
            prev = ""
            for tok in _WORD.findall(line.lower()):
                if tok.isalpha() and plausible(tok):
                    uni[tok] += 1
                    if prev:
                        bi[(prev, tok)] += 1
                    prev = tok
                else:
                    prev = ""
    return uni, bi


def main() -> None:
    sources = texts()
    uni, bi = count(sources)
    OUT.mkdir(parents=True, exist_ok=True)
    header = "# built by bench/ocr_words.py from: " + ", ".join(n for n, _ in sources) + "\n"
    rows = sorted(uni.items(), key=lambda kv: (-kv[1], kv[0]))
    (OUT / "vi_syllables.tsv").write_text(header + "".join(f"{w}\t{n}\n" for w, n in rows), "utf-8")
    pairs = sorted(bi.items(), key=lambda kv: (-kv[1], kv[0]))
    (OUT / "vi_bigrams.tsv").write_text(
        header + "".join(f"{a} {b}\t{n}\n" for (a, b), n in pairs), "utf-8"
    )
    print(f"{len(sources)} texts, {sum(uni.values())} syllables, {len(uni)} distinct, "
          f"{len(bi)} pairs → {OUT}")  # fmt: skip


if __name__ == "__main__":
    main()

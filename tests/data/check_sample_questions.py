"""Check tests/data/sample_questions.jsonl against the fictional reports in samples/.

Run: python tests/data/check_sample_questions.py   (from the project root)

For every question:
- evidence must occur in the report after footnote bodies are lifted out, paragraphs split by a
  page break are re-joined with one space, inline footnote markers are dropped (m² is kept) and
  whitespace is collapsed; split-paragraph evidence must NOT occur in the raw text with lines
  joined (it has to span the join);
- every "must" string must occur in the evidence passage or in a footnote that passage cites;
- unanswerable questions have empty must/evidence; figure-nodiacritics questions have no
  diacritics; each question names the report's month.
"""

from __future__ import annotations

import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
BODY_RE = re.compile(rf"^([{SUP}]+) ")
MARK_RE = re.compile(rf"(?<!m)([{SUP}]+)")
MONTH = {"10": "10/2025", "11": "11/2025", "12": "12/2025"}


def sup_int(s: str) -> int:
    return int("".join(str(SUP.index(c)) for c in s))


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def fold(s: str) -> str:
    d = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in d if unicodedata.category(c) != "Mn").replace("đ", "d")


def parse(text: str):
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    bodies: dict[int, str] = {}
    paras: list[str] = []
    after_body = False
    for b in blocks:
        m = BODY_RE.match(b)
        if m:
            bodies[sup_int(m.group(1))] = ws(b[m.end() :])
            after_body = True
            continue
        if (
            after_body
            and paras
            and not re.search(r"[.;:!?)\]*”\"]$", paras[-1])
            and (b[0].islower() or b[0].isdigit())
        ):
            paras[-1] = paras[-1] + " " + b
        else:
            paras.append(b)
        after_body = False
    units = []
    for p in paras:
        cited = [sup_int(x) for x in MARK_RE.findall(p)]
        units.append((ws(MARK_RE.sub("", p)), cited))
    return units, bodies


def main() -> int:
    qs = [
        json.loads(line)
        for line in (ROOT / "tests/data/sample_questions.jsonl").open(encoding="utf-8")
    ]
    problems: list[str] = []
    cache = {}
    for q in qs:
        doc = q["doc"]
        if doc not in cache:
            raw = (ROOT / "samples" / doc).read_text(encoding="utf-8")
            if unicodedata.normalize("NFC", raw) != raw:
                problems.append(f"{doc}: not NFC")
            cache[doc] = (raw, *parse(raw))
        raw, units, bodies = cache[doc]
        raw_joined = ws(raw)
        month = MONTH[doc.split("-")[2]]
        qid = q["id"]
        if month not in q["question"]:
            problems.append(f"{qid}: question does not name {month}")
        if q["type"] == "figure-nodiacritics" and fold(q["question"]) != q["question"].lower():
            problems.append(f"{qid}: question has diacritics")
        if not q["answerable"]:
            if q["must"] or q["evidence"] or q["type"] != "unanswerable":
                problems.append(f"{qid}: unanswerable question with must/evidence")
            continue
        for ev in q["evidence"]:
            n = len(ev.split())
            if not 5 <= n <= 12:
                problems.append(f"{qid}: evidence has {n} words")
            hits = [(u, c) for u, c in units if ev in u]
            hits += [(b, []) for b in bodies.values() if ev in b]
            if not hits:
                problems.append(f"{qid}: evidence not found: {ev!r}")
                continue
            if q["type"] == "split-paragraph" and ev in raw_joined:
                problems.append(f"{qid}: split-paragraph evidence does not span a page break")
            scope = " ".join(u + " " + " ".join(bodies.get(i, "") for i in c) for u, c in hits)
            for must in q["must"]:
                if must not in scope:
                    problems.append(
                        f"{qid}: must {must!r} not in evidence passage or its footnotes"
                    )
    counts = collections.Counter(q["type"] for q in qs)
    per_doc = collections.Counter(q["doc"] for q in qs)
    print(f"{len(qs)} questions; types: {dict(counts)}; per report: {dict(per_doc)}")
    for doc, (_raw, _units, bodies) in sorted(cache.items()):
        print(f"{doc}: {len(bodies)} footnotes")
    if problems:
        print("FAIL")
        for p in problems:
            print("  -", p)
        return 1
    print("OK: every evidence string found, every must string in its passage")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check probe4.jsonl golds against the report texts.

Every `must` and `evidence` string of an answerable item must occur in its doc
(or, when `doc` is a list of two files, in one of them): NFC-normalised,
whitespace collapsed, case-insensitive.
  .docx : compared against each body paragraph, each table cell and each footnote
          (word/footnotes.xml) separately; a string must lie inside one unit
  .pdf  : compared against `pdftotext -layout` output with line breaks collapsed
  .txt  : compared against each line (paragraph) separately
Also checks schema, ids, counts per set, follow-up style/history agreement,
nodiacritics/english questions being plain ASCII, evidence lengths (30-200),
empty golds + why for unanswerable items, and the overall style quotas.
Exit code 1 on any failure.
"""

import json
import os
import re
import sys
from collections import Counter

from probe_units import FIELDS as BASE_FIELDS
from probe_units import (
    answerable_fails,
    doc_fails,
    field_fails,
    norm,
    readable_units,
    style_fails,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JSONL = os.path.join(ROOT, "bench/data/probe4.jsonl")
REPORTS = os.path.join(ROOT, "tests/data/reports")
SETS = ["halam", "vanha", "sonnguyen", "queduong", "donglam", "lamkhe"]
DIRS = {s: os.path.join(REPORTS, s) for s in SETS}
# scanned PDFs (no text layer) and images: not usable as sources
SKIP = {
    "donglam-2026-09-bc68.pdf",
    "tanloc-2026-bc41.pdf",
    "hoaphong-2026-bc135.pdf",
    "lamkhe-bcdtt-2026-09-bc21.jpg",
}
ALLOWED_EXT = (".docx", ".pdf", ".txt")
FIELDS = BASE_FIELDS | {"note"}
OPTIONAL = {"history", "why", "note"}
TYPES = {"figure", "table", "comparison", "superlative", "decision", "fact", "task"}
STYLES = {"paraphrase", "nodiacritics", "followup", "english"}
EXPECTED_PER_SET = 20
TOTAL = 120


def units_for(set_, doc):
    return readable_units(DIRS[set_], doc)


def main():
    fails = []
    with open(JSONL, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    items = []
    for n, line in enumerate(lines, 1):
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            fails.append(f"line {n}: bad JSON ({e})")
    if len(items) != TOTAL:
        fails.append(f"expected {TOTAL} items, got {len(items)}")
    seen_q = Counter()
    for i, it in enumerate(items, 1):
        iid = it.get("id", f"#{i}")
        if iid != f"P4-{i:03d}":
            fails.append(f"{iid}: id out of sequence (expected P4-{i:03d})")
        if wrong := field_fails(it, FIELDS, OPTIONAL, DIRS, TYPES):
            fails.append(f"{iid}: {wrong}")
            continue
        if not isinstance(it["style"], list) or not set(it["style"]) <= STYLES:
            fails.append(f"{iid}: bad style {it['style']}")
            continue
        if not isinstance(it["answerable"], bool):
            fails.append(f"{iid}: answerable must be a bool")
        q = it["question"].strip()
        if not q:
            fails.append(f"{iid}: empty question")
        seen_q[norm(q)] += 1
        docs = it["doc"] if isinstance(it["doc"], list) else [it["doc"]]
        if bad_doc := doc_fails(it, docs, DIRS, SKIP, ALLOWED_EXT):
            fails += [f"{iid}: {wrong}" for wrong in bad_doc]
            continue
        fails += [f"{iid}: {wrong}" for wrong in style_fails(it, q)]
        if not (isinstance(it["must"], list) and isinstance(it["evidence"], list)):
            fails.append(f"{iid}: must/evidence must be lists")
            continue
        if not it["answerable"]:
            if it["must"] or it["evidence"] or it["evidence_min"] != 0:
                fails.append(
                    f"{iid}: unanswerable item must have empty must/evidence, evidence_min 0"
                )
            why = it.get("why", "").strip()
            if not why:
                fails.append(f"{iid}: unanswerable item needs why")
            elif len(re.findall(r"[.!?](\s|$)", why)) != 1 or not why.endswith((".", "!", "?")):
                fails.append(f"{iid}: why must be one sentence")
            continue
        fails += [f"{iid}: {wrong}" for wrong in answerable_fails(it)]
        if len(docs) == 2 and it["evidence_min"] != 2:
            fails.append(f"{iid}: two-report item needs evidence_min 2")
        units_by_doc = {d: units_for(it["set"], d) for d in docs}
        ev_docs = set()
        for kind in ("must", "evidence"):
            for s in it[kind]:
                if not isinstance(s, str) or not s.strip():
                    fails.append(f"{iid}: empty {kind} string")
                    continue
                if "*" in s:
                    fails.append(f"{iid}: {kind} contains an asterisk: {s!r}")
                if kind == "evidence" and not (30 <= len(s) <= 200):
                    fails.append(f"{iid}: evidence length {len(s)} outside 30-200: {s!r}")
                ns = norm(s)
                hit = [d for d, units in units_by_doc.items() if any(ns in u for u in units)]
                if not hit:
                    fails.append(f"{iid}: {kind} not found in {docs}: {s!r}")
                elif kind == "evidence":
                    ev_docs.update(hit)
        if len(docs) == 2 and ev_docs != set(docs):
            fails.append(
                f"{iid}: two-report item needs evidence from both docs (got {sorted(ev_docs)})"
            )
    for qn, c in seen_q.items():
        if c > 1:
            fails.append(f"duplicate question: {qn!r}")
    # counts
    c = Counter(it.get("set") for it in items)
    for k in SETS:
        if c.get(k, 0) != EXPECTED_PER_SET:
            fails.append(f"set {k}: expected {EXPECTED_PER_SET} items, got {c.get(k, 0)}")
    n = len(items) or 1
    sc = Counter(s for it in items for s in it.get("style", []))
    if sc["paraphrase"] < 0.40 * n:
        fails.append(f"paraphrase items {sc['paraphrase']} < 40%")
    if sc["nodiacritics"] < 0.20 * n:
        fails.append(f"nodiacritics items {sc['nodiacritics']} < 20%")
    if sc["followup"] < 0.15 * n:
        fails.append(f"followup items {sc['followup']} < 15%")
    if not (5 <= sc["english"] <= 7):
        fails.append(f"english items {sc['english']} not about 6")
    tc = Counter(it.get("type") for it in items)
    minimum = {
        "figure": 30,
        "table": 15,
        "comparison": 20,
        "superlative": 15,
        "decision": 10,
        "fact": 10,
        "task": 10,
    }
    for t, m in minimum.items():
        if tc.get(t, 0) < m:
            fails.append(f"type {t}: {tc.get(t, 0)} items < {m}")
    na = sum(1 for it in items if it.get("answerable") is False)
    if na != 25:
        fails.append(f"expected 25 unanswerable near-misses, got {na}")
    for f_ in fails:
        print("FAIL", f_)
    print("sets:", dict(c))
    print("types:", dict(tc))
    print("styles:", dict(sc), "| no style tag:", sum(1 for it in items if not it.get("style")))
    print("answerable:", n - na, "unanswerable:", na)
    print(f"{len(items)} items checked, {len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

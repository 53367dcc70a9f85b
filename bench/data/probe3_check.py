#!/usr/bin/env python3
"""Check probe3.jsonl golds against the report texts.

Every `must` and `evidence` string of an answerable item must occur in its doc:
NFC-normalised, whitespace collapsed, case-insensitive.
  .docx : compared against each body paragraph, each table cell and each footnote separately
  .pdf  : compared against `pdftotext -layout` output with line breaks collapsed to spaces
  .txt  : compared against each line (paragraph) separately
Also checks schema, ids, counts per set, and evidence lengths. Exit code 1 on any failure.
"""

import json
import os
import sys
from collections import Counter

from probe_units import FIELDS as BASE_FIELDS
from probe_units import answerable_fails, field_fails, norm, units_in

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JSONL = os.path.join(ROOT, "bench/data/probe3.jsonl")
DIRS = {
    "samples": os.path.join(ROOT, "samples"),
    "tragiang": os.path.join(ROOT, "tests/data/reports/tragiang"),
    "ngankhe": os.path.join(ROOT, "tests/data/reports/ngankhe"),
    "bichson": os.path.join(ROOT, "tests/data/reports/bichson"),
    "haiminh": os.path.join(ROOT, "tests/data/reports/haiminh"),
}
SKIP = {
    "bendinh-2026-q3-bc77.pdf",
    "thachban-2026-bc64.pdf",
    "phuvan-2026-bc33.pdf",
    "tanhai-2026-bc196.pdf",
}
FIELDS = BASE_FIELDS
TYPES = {"section", "task", "summary", "list", "figure", "comparison", "fact"}
STYLES = {"paraphrase", "nodiacritics", "followup", "english"}
EXPECTED = {"samples": 40, "tragiang": 20, "ngankhe": 20, "bichson": 20, "haiminh": 20}


def units_for(set_, doc):
    found = units_in(DIRS[set_], doc)
    return found


def main():
    fails = []
    with open(JSONL, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    if len(items) != 120:
        fails.append(f"expected 120 items, got {len(items)}")
    for i, it in enumerate(items, 1):
        iid = it.get("id", f"#{i}")
        if iid != f"P3-{i:03d}":
            fails.append(f"{iid}: id out of sequence (expected P3-{i:03d})")
        if wrong := field_fails(it, FIELDS, {"history", "why"}, DIRS, TYPES):
            fails.append(f"{iid}: {wrong}")
            continue
        if not set(it["style"]) <= STYLES:
            fails.append(f"{iid}: unknown style {it['style']}")
        if it["doc"] in SKIP or not os.path.exists(os.path.join(DIRS[it["set"]], it["doc"])):
            fails.append(f"{iid}: doc not allowed / missing: {it['doc']}")
            continue
        has_hist = bool(it.get("history"))
        if has_hist != ("followup" in it["style"]):
            fails.append(f"{iid}: followup style and history disagree")
        if has_hist and not (1 <= len(it["history"]) <= 2):
            fails.append(f"{iid}: history must hold 1-2 questions")
        if not it["answerable"]:
            if it["must"] or it["evidence"]:
                fails.append(f"{iid}: unanswerable item must have empty must/evidence")
            if not it.get("why"):
                fails.append(f"{iid}: unanswerable item needs why")
            continue
        fails += [f"{iid}: {wrong}" for wrong in answerable_fails(it)]
        units = units_for(it["set"], it["doc"])
        for kind in ("must", "evidence"):
            for s in it[kind]:
                ns = norm(s)
                if kind == "evidence" and not (40 <= len(s) <= 200):
                    fails.append(f"{iid}: evidence length {len(s)} outside 40-200: {s!r}")
                if not any(ns in u for u in units):
                    fails.append(f"{iid}: {kind} not found in {it['doc']}: {s!r}")
    c = Counter(it.get("set") for it in items)
    for k, v in EXPECTED.items():
        if c.get(k, 0) != v:
            fails.append(f"set {k}: expected {v} items, got {c.get(k, 0)}")
    for f in fails:
        print("FAIL", f)
    print(f"{len(items)} items checked, {len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

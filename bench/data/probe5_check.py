#!/usr/bin/env python3
"""Check probe5.jsonl golds against the report texts.

Every `must` and `evidence` string of an answerable item must occur in its doc
(or, when `doc` is a list of two files, in one of them): NFC-normalised,
whitespace collapsed, case-insensitive.
  .docx : compared against each body paragraph, each table cell and each footnote
          (word/footnotes.xml) separately; a string must lie inside one unit
  .pdf  : compared against `pdftotext -layout` output with line breaks collapsed
  .doc  : compared against each line of `antiword -w 0` output separately (with
          -w 0 antiword puts each paragraph, each table row and each footnote on
          one line)
  .txt  : compared against each line (paragraph) separately
Also checks schema, ids, counts per set, follow-up style/history agreement,
nodiacritics/english questions being plain ASCII, evidence lengths (30-200),
short `must` strings, empty golds + a one-sentence why for unanswerable items,
the style quotas, the per-type minimums and the share of near-misses.
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
JSONL = os.path.join(ROOT, "bench/data/probe5.jsonl")
REPORTS = os.path.join(ROOT, "tests/data/reports")
SETS = ["tragiang", "ngankhe", "bichson", "haiminh", "tayling", "donglam"]
DIRS = {s: os.path.join(REPORTS, s) for s in SETS}
# scanned PDFs (no text layer: pdftotext gives 2-3 characters): not usable as sources
SKIP = {
    "bendinh-2026-q3-bc77.pdf",
    "thachban-2026-bc64.pdf",
    "phuvan-2026-bc33.pdf",
    "tanhai-2026-bc196.pdf",
    "phucuong-2025-12-bc415.pdf",
    "hoaphong-2026-bc135.pdf",
}
ALLOWED_EXT = (".docx", ".pdf", ".txt", ".doc")
FIELDS = BASE_FIELDS | {"note", "evidence_layout"}
OPTIONAL = {"history", "why", "note", "evidence_layout"}
TYPES = {"section", "task", "list", "table", "metadata"}
STYLES = {"paraphrase", "nodiacritics", "followup", "english", "plain", "verbatim"}
EXPECTED_PER_SET = 20
TOTAL = 120
PREFIX = "P5"
MUST_MAX = 60  # `must` strings are short phrases or figures


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
        if iid != f"{PREFIX}-{i:03d}":
            fails.append(f"{iid}: id out of sequence (expected {PREFIX}-{i:03d})")
        if wrong := field_fails(it, FIELDS, OPTIONAL, DIRS, TYPES):
            fails.append(f"{iid}: {wrong}")
            continue
        if not isinstance(it["style"], list) or not it["style"] or not set(it["style"]) <= STYLES:
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
        if "paraphrase" in it["style"] and "verbatim" in it["style"]:
            fails.append(f"{iid}: paraphrase and verbatim are exclusive")
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
            # the doc must still be readable (a near-miss names a real text report)
            for d in docs:
                units_for(it["set"], d)
            continue
        fails += [f"{iid}: {wrong}" for wrong in answerable_fails(it)]
        if len(docs) == 2 and it["evidence_min"] != 2:
            fails.append(f"{iid}: two-report item needs evidence_min 2")
        units_by_doc = {d: units_for(it["set"], d) for d in docs}
        ev_docs = set()
        # a PDF table row: `evidence` as the index holds it ("Header: cell; …"), checked here
        # by its `must` strings; `evidence_layout` as pdftotext prints it, checked in the PDF
        layout = "evidence_layout" in it
        if layout and not all(m in e for e in it["evidence"] for m in it["must"]):
            fails.append(f"{iid}: a table row's evidence must hold every must string")
        for kind in ("must", "evidence_layout" if layout else "evidence"):
            for s in it[kind]:
                if not isinstance(s, str) or not s.strip():
                    fails.append(f"{iid}: empty {kind} string")
                    continue
                if "*" in s:
                    fails.append(f"{iid}: {kind} contains an asterisk: {s!r}")
                if kind.startswith("evidence") and not (30 <= len(s) <= 200):
                    fails.append(f"{iid}: evidence length {len(s)} outside 30-200: {s!r}")
                if kind == "must" and len(s) > MUST_MAX:
                    fails.append(f"{iid}: must string longer than {MUST_MAX}: {s!r}")
                ns = norm(s)
                hit = [d for d, units in units_by_doc.items() if any(ns in u for u in units)]
                if not hit:
                    fails.append(f"{iid}: {kind} not found in {docs}: {s!r}")
                elif kind.startswith("evidence"):
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
    if sc["paraphrase"] < 0.30 * n:
        fails.append(f"paraphrase items {sc['paraphrase']} < 30%")
    if sc["nodiacritics"] < 0.15 * n:
        fails.append(f"nodiacritics items {sc['nodiacritics']} < 15%")
    if not (8 <= sc["followup"] <= 14):
        fails.append(f"followup items {sc['followup']} not about 10")
    if not (5 <= sc["english"] <= 7):
        fails.append(f"english items {sc['english']} not about 6")
    tc = Counter(it.get("type") for it in items)
    minimum = {"section": 30, "task": 20, "list": 20, "table": 15, "metadata": 12}
    for t, m in minimum.items():
        if tc.get(t, 0) < m:
            fails.append(f"type {t}: {tc.get(t, 0)} items < {m}")
    na = sum(1 for it in items if it.get("answerable") is False)
    if na < 0.15 * n:
        fails.append(f"unanswerable near-misses {na} < 15%")
    for f_ in fails:
        print("FAIL", f_)
    print("sets:", dict(c))
    print("types:", dict(tc))
    nat = Counter(it.get("type") for it in items if it.get("answerable") is False)
    print("near-misses by type:", dict(nat))
    print("styles:", dict(sc), "| no style tag:", sum(1 for it in items if not it.get("style")))
    print("answerable:", n - na, "unanswerable:", na)
    print(f"{len(items)} items checked, {len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

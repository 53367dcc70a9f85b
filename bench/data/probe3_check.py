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
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter

from lxml import etree

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
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIELDS = {
    "id",
    "set",
    "doc",
    "type",
    "style",
    "question",
    "must",
    "evidence",
    "evidence_min",
    "answerable",
    "history",
    "why",
}
TYPES = {"section", "task", "summary", "list", "figure", "comparison", "fact"}
STYLES = {"paraphrase", "nodiacritics", "followup", "english"}
EXPECTED = {"samples": 40, "tragiang": 20, "ngankhe": 20, "bichson": 20, "haiminh": 20}


def norm(s):
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


def p_text(p):
    out = []
    for el in p.iter():
        if el.tag == W + "t" and el.text:
            out.append(el.text)
        elif el.tag in (W + "tab", W + "br"):
            out.append(" ")
    return "".join(out)


def docx_units(path):
    z = zipfile.ZipFile(path)
    root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    units = []
    for el in body.iterchildren():
        if el.tag == W + "p":
            units.append(p_text(el))
        elif el.tag == W + "tbl":
            for tc in el.iter(W + "tc"):
                units.append(" ".join(p_text(p) for p in tc.iter(W + "p")))
    if "word/footnotes.xml" in z.namelist():
        fr = etree.fromstring(z.read("word/footnotes.xml"))
        for fn in fr.iter(W + "footnote"):
            units.append(" ".join(p_text(p) for p in fn.iter(W + "p")))
    return [norm(u) for u in units if u.strip()]


def pdf_units(path):
    txt = subprocess.run(
        ["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True
    ).stdout
    return [norm(txt.replace("\n", " "))]


def txt_units(path):
    with open(path, encoding="utf-8") as f:
        return [norm(line) for line in f if line.strip()]


_cache = {}


def units_for(set_, doc):
    key = (set_, doc)
    if key not in _cache:
        path = os.path.join(DIRS[set_], doc)
        if doc.endswith(".docx"):
            _cache[key] = docx_units(path)
        elif doc.endswith(".pdf"):
            _cache[key] = pdf_units(path)
        else:
            _cache[key] = txt_units(path)
    return _cache[key]


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
        extra = set(it) - FIELDS
        missing = FIELDS - {"history", "why"} - set(it)
        if extra or missing:
            fails.append(f"{iid}: bad fields extra={extra} missing={missing}")
            continue
        if it["set"] not in DIRS:
            fails.append(f"{iid}: unknown set {it['set']}")
            continue
        if it["type"] not in TYPES:
            fails.append(f"{iid}: unknown type {it['type']}")
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
        if "why" in it:
            fails.append(f"{iid}: answerable item has why")
        if not (1 <= len(it["must"]) <= 3) or not (1 <= len(it["evidence"]) <= 3):
            fails.append(f"{iid}: must/evidence counts out of range")
        if not (1 <= it["evidence_min"] <= len(it["evidence"])):
            fails.append(f"{iid}: evidence_min out of range")
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

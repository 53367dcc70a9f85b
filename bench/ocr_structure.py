"""Structure of the scanned sample reports against their text: a development signal for the
OCR reader that needs no question bank.

Each samples/*.txt is typeset and "scanned" as bench/scanned.py does (same bytes, so the OCR
cache hits), read back through OCR, and its Report compared with the .txt's:

- footnotes: how many the scan has, how many carry the text's number and (nearly) its text,
  and how many of those are linked to the paragraph and the clause the text links them to;
- sections: text sections whose path and title the scan has, and whether the whole list of
  section paths is the same;
- paragraphs: text paragraphs found whole in the scan, in the same section (a paragraph
  broken at a page break, or with a footnote's text run into it, is not);
- closing: recipients found, signer and role equal.

    .venv/bin/python bench/ocr_structure.py [--show] [--json FILE] [--keep DIR]
                                            [--samples DIR] [--seed N]

--show lists every difference. The last line is `summary: {json}`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from common import ROOT, emit_summary

sys.path.insert(0, str(ROOT / "tests" / "data" / "scans"))
import make_scans
from rapidfuzz import fuzz

from index import vn
from index.model import Report
from index.parse import parse_bytes

SAMPLES = ROOT / "samples"
SEED = 12  # bench/scanned.py's scans (another seed: the same pages, other grain and specks)
SIMILAR = 90.0  # rapidfuzz ratio for "the same text, give or take OCR slips"


def key(text: str) -> str:
    return " ".join(vn.strip_markers(vn.nfc(text)).lower().split())


def same(a: str, b: str) -> bool:
    return fuzz.ratio(key(a), key(b)) >= SIMILAR


def scan_of(src: Path, folder: Path, seed: int = SEED) -> Path:
    pdf = folder / f"{src.stem}.pdf"
    if not pdf.is_file():
        pdf.write_bytes(make_scans.scan(make_scans.typeset(src), np.random.default_rng(seed)))
    return pdf


def read(path: Path) -> Report:
    return parse_bytes(path, path.read_bytes(), 200 << 20)


def compare(text: Report, scan: Report) -> tuple[dict, list[str]]:
    diffs: list[str] = []
    # footnotes
    notes = {f.number: f for f in scan.footnotes}
    found = linked = 0
    for f in text.footnotes:
        g = notes.get(f.number)
        if g is None or not same(f.text, g.text):
            diffs.append(f"footnote {f.number}: {f.text[:60]!r} ≠ {g.text[:60] if g else None!r}")
            continue
        found += 1
        want = text.paragraphs[f.paragraph - 1].text if f.paragraph else ""
        got = scan.paragraphs[g.paragraph - 1].text if g.paragraph else ""
        here = fuzz.ratio(key(f.context), key(g.context)) >= SIMILAR
        if f.paragraph and g.paragraph and here and fuzz.ratio(key(want), key(got)) >= SIMILAR:
            linked += 1
        else:
            diffs.append(
                f"footnote {f.number} not linked as in the text: …{g.context[-50:]!r} "
                f"(text: …{f.context[-50:]!r})"
            )
    # sections
    sections = 0
    for s in text.sections:
        if any(t.path == s.path and same(s.title, t.title) for t in scan.sections):
            sections += 1
        else:
            diffs.append(f"section {s.path} {s.title!r} missing")
    paths_equal = [s.path for s in text.sections] == [s.path for s in scan.sections]
    if not paths_equal:
        got = [s.path for s in scan.sections]
        diffs.append(f"section paths differ: {got}")
    # paragraphs
    paras = 0
    pool = list(scan.paragraphs)
    for p in text.paragraphs:
        hit = next((q for q in pool if q.section == p.section and same(p.text, q.text)), None)
        if hit is not None:
            paras += 1
            pool.remove(hit)
        else:
            near = max(scan.paragraphs, key=lambda q: fuzz.partial_ratio(key(p.text), key(q.text)))
            diffs.append(
                f"paragraph [{p.section}] {p.text[:50]!r}…{p.text[-30:]!r}\n"
                f"      ≈ [{near.section}] {near.text[:50]!r}…{near.text[-30:]!r}"
            )
    # closing
    recipients = sum(any(same(r, s) for s in scan.recipients) for r in text.recipients)
    signer = text.meta.signer == scan.meta.signer
    role = text.meta.signer_role == scan.meta.signer_role
    if recipients < len(text.recipients):
        diffs.append(f"recipients {list(text.recipients)} ≠ {list(scan.recipients)}")
    if not (signer and role):
        diffs.append(
            f"signature {text.meta.signer_role!r} {text.meta.signer!r} ≠ "
            f"{scan.meta.signer_role!r} {scan.meta.signer!r}"
        )
    counts = {
        "footnotes": [len(scan.footnotes), len(text.footnotes)],
        "footnotes_found": found,
        "footnotes_linked": linked,
        "sections": [sections, len(text.sections)],
        "section_paths_equal": paths_equal,
        "paragraphs_whole": [paras, len(text.paragraphs)],
        "paragraphs_scan": len(scan.paragraphs),
        "recipients": [recipients, len(text.recipients)],
        "signer": signer and role,
    }
    return counts, diffs


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list every difference")
    ap.add_argument("--json", type=Path, help="write the summary here")
    ap.add_argument("--keep", type=Path, help="keep the scans here (reused when present)")
    ap.add_argument("--samples", type=Path, default=SAMPLES, help="the .txt reports (samples/)")
    ap.add_argument("--seed", type=int, default=SEED, help="the scans' noise (default 12)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        out = {}
        for src in sorted(args.samples.glob("*.txt")):
            text = read(src)
            scan = read(scan_of(src, folder, args.seed))
            counts, diffs = compare(text, scan)
            out[src.stem] = counts
            c = counts
            print(
                f"{src.stem:<26} footnotes {c['footnotes'][0]:>2}/{c['footnotes'][1]:<2} "
                f"found {c['footnotes_found']:>2} linked {c['footnotes_linked']:>2}  "
                f"sections {c['sections'][0]:>2}/{c['sections'][1]:<2} "
                f"paths {'=' if c['section_paths_equal'] else '≠'}  "
                f"paragraphs whole {c['paragraphs_whole'][0]:>2}/{c['paragraphs_whole'][1]:<2} "
                f"(scan {c['paragraphs_scan']})  recipients "
                f"{c['recipients'][0]}/{c['recipients'][1]}  signer {'=' if c['signer'] else '≠'}"
            )
            if args.show:
                for d in diffs:
                    print("    " + d)
    total = {
        k: [sum(v[k][0] for v in out.values()), sum(v[k][1] for v in out.values())]
        for k in ("footnotes", "sections", "paragraphs_whole", "recipients")
    }
    total["footnotes_found"] = sum(v["footnotes_found"] for v in out.values())
    total["footnotes_linked"] = sum(v["footnotes_linked"] for v in out.values())
    total["section_paths_equal"] = sum(v["section_paths_equal"] for v in out.values())
    total["signer"] = sum(v["signer"] for v in out.values())
    print(f"total: {json.dumps(total)}")
    summary = {"reports": out, "total": total}
    return emit_summary(summary, args.json)


if __name__ == "__main__":
    main()

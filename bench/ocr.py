"""How well Tesseract + post-correction read Vietnamese report pages.

Renders every page of the PDFs that have a text layer (../shared/corpus/real/*.pdf,
../shared/corpus-extra/*.pdf, and the repo's tests/data/generated/*.pdf) at 300 dpi, OCRs
the image as the scan reader does (index.ocr.ocr_page), and compares with the page's own text
layer (pdfplumber, as index/parse_pdf reads it):

- CER: character edit distance / reference length, whitespace collapsed, before correction,
  after rule-only correction (only impossible syllables change) and after full correction;
- digit error rate: edit distance between the sequences of digits;
- figures kept: share of the reference's numbers (1.234,5 / 12/2025 …) found verbatim;
- seconds per page (rendering excluded; one page at a time).

    .venv/bin/python bench/ocr.py [--pages N] [PDF ...]

Prints a table and a last line `summary: {json}`. Needs tesseract-ocr, tesseract-ocr-vie
and rapidfuzz (the bench extra). None of this text is in the correction's inventory.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import emit_summary  # noqa: E402

from index import ocr, ocr_correct, vn  # noqa: E402

SHARED = ROOT.parent / "shared"
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


def default_pdfs() -> list[Path]:
    found = []
    for folder in (SHARED / "corpus" / "real", SHARED / "corpus-extra"):
        found += sorted(folder.glob("*.pdf"))
    return found + sorted((ROOT / "tests" / "data" / "generated").glob("*.pdf"))


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return " ".join(text.split())


def ocr_text(page: ocr.OcrPage, mode: str) -> str:
    """Tesseract's words in rows top to bottom, as the text layer is extracted (the reader
    regroups Tesseract's blocks into rows the same way); mode raw | rules | full."""
    lines: dict[int, list[ocr.OcrWord]] = {}
    for w in page.words:
        lines.setdefault(w.line, []).append(w)
    spans = []
    keep = ocr_correct.repeated(vn.nfc(w.text) for w in page.words)
    for words in lines.values():
        words.sort(key=lambda w: w.left)
        tokens = [vn.nfc(w.text) for w in words]
        if mode != "raw":
            tokens = ocr_correct.correct_tokens(tokens, frequency=mode == "full", keep=keep)
        top, bottom = min(w.top for w in words), max(w.top + w.height for w in words)
        spans.append((top, bottom, list(zip([w.left for w in words], tokens, strict=True))))
    rows: list[list] = []
    for top, bottom, words in sorted(spans):
        last = rows[-1] if rows else None
        if last and min(bottom, last[1]) - max(top, last[0]) > 0.5 * (bottom - top):
            last[1] = max(last[1], bottom)
            last[2] += words
        else:
            rows.append([top, bottom, words])
    return norm("\n".join(" ".join(t for _, t in sorted(r[2])) for r in rows))


def rates(ref: str, hyp: str) -> dict[str, float]:
    from rapidfuzz.distance import Levenshtein

    digits_ref, digits_hyp = re.sub(r"\D", "", ref), re.sub(r"\D", "", hyp)
    figures = _NUMBER.findall(ref)
    pool = _NUMBER.findall(hyp)
    kept = 0
    for f in figures:
        if f in pool:
            pool.remove(f)
            kept += 1
    return {
        "chars": len(ref),
        "errors": Levenshtein.distance(ref, hyp),
        "digits": len(digits_ref),
        "digit_errors": Levenshtein.distance(digits_ref, digits_hyp),
        "figures": len(figures),
        "figures_kept": kept,
    }


def bench_pdf(path: Path, max_pages: int | None, exe: str) -> list[dict]:
    import pdfplumber
    import pypdfium2 as pdfium

    rows = []
    doc = pdfium.PdfDocument(path.read_bytes())
    opts = ocr.OcrOptions(cache_dir=None, workers=1)
    with pdfplumber.open(path) as pdf, ocr.using(opts):
        for n, page in enumerate(pdf.pages, start=1):
            if max_pages and n > max_pages:
                break
            ref = norm(page.extract_text() or "")
            if len(ref) < 50:
                continue
            p = doc[n - 1]
            image = p.render(scale=300 / 72, grayscale=True).to_pil()
            p.close()
            t0 = time.perf_counter()
            result = ocr.ocr_page(exe, n, image, 300.0, opts)
            seconds = time.perf_counter() - t0
            row = {"file": path.name, "page": n, "seconds": round(seconds, 2)}
            for mode in ("raw", "rules", "full"):
                row[mode] = rates(ref, ocr_text(result, mode))
            rows.append(row)
            print(_line(row), flush=True)
    doc.close()
    return rows


def _pct(num: float, den: float) -> str:
    return f"{100 * num / den:6.2f}%" if den else "     -"


def _line(row: dict) -> str:
    r, ru, f = row["raw"], row["rules"], row["full"]
    return (
        f"{row['file'][:34]:34} {row['page']:>4} {r['chars']:>6} "
        f"{_pct(r['errors'], r['chars'])} {_pct(ru['errors'], r['chars'])} "
        f"{_pct(f['errors'], r['chars'])} {_pct(r['digit_errors'], r['digits'])} "
        f"{_pct(f['digit_errors'], f['digits'])} {_pct(f['figures_kept'], f['figures'])} "
        f"{row['seconds']:7.1f}"
    )


def total(rows: list[dict], mode: str, num: str, den: str) -> float:
    d = sum(r[mode][den] for r in rows)
    return round(100 * sum(r[mode][num] for r in rows) / d, 2) if d else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=None, help="at most N pages per file")
    args = ap.parse_args()
    exe = shutil.which("tesseract")
    if exe is None:
        sys.exit("tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-vie")
    pdfs = args.pdfs or default_pdfs()
    print(f"{'file':34} {'page':>4} {'chars':>6} {'CER raw':>7} {'rules':>7} {'full':>7} "
          f"{'dig raw':>7} {'dig fix':>7} {'figures':>7} {'s/page':>7}")  # fmt: skip
    rows = []
    for pdf in pdfs:
        rows += bench_pdf(pdf, args.pages, exe)
    summary = {
        "pages": len(rows),
        "files": [p.name for p in pdfs],
        "cer_raw": total(rows, "raw", "errors", "chars"),
        "cer_rules": total(rows, "rules", "errors", "chars"),
        "cer_corrected": total(rows, "full", "errors", "chars"),
        "digit_error_rate_raw": total(rows, "raw", "digit_errors", "digits"),
        "digit_error_rate_corrected": total(rows, "full", "digit_errors", "digits"),
        "figures_kept": total(rows, "full", "figures_kept", "figures"),
        "seconds_per_page": round(sum(r["seconds"] for r in rows) / max(1, len(rows)), 2),
        "hunspell_vi": bool(ocr_correct._dictionary()),
    }
    emit_summary(summary)


if __name__ == "__main__":
    main()

"""What a report read by OCR carries about it: which pages were OCR'd and how sure Tesseract
was of each paragraph (so a citation can say "trang 3, nhận dạng ký tự (OCR), độ tin cậy
91%"), the scan's warnings, and a stamped document number checked against the file name."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from pathlib import Path

from index.model import Report
from index.ocr_layout import ScanResult


def _confidence(text: str, pool: dict[str, list[float]]) -> float | None:
    """Mean confidence of the OCR words that make up `text` (each word used once)."""
    found = []
    for tok in text.split():
        confs = pool.get(tok)
        if confs:
            found.append(confs.pop(0))
    return round(sum(found) / len(found), 1) if found else None


def attach_provenance(report: Report, scan: ScanResult) -> Report:
    """Paragraphs and footnotes from OCR'd pages get `ocr_confidence`; the report lists its
    OCR'd pages."""
    if not scan.pages:
        return report
    pools: dict[int, dict[str, list[float]]] = {}
    for n, kept in scan.words.items():
        pool: defaultdict[str, list[float]] = defaultdict(list)
        for text, conf in kept:
            pool[text].append(conf)
        pools[n] = pool

    def conf(text: str, page: int | None) -> float | None:
        if page not in pools:
            return None
        merged = {k: list(v) for k, v in pools[page].items()}
        for k, v in pools.get(page + 1, {}).items():  # a paragraph running onto the next page
            merged.setdefault(k, []).extend(v)
        found = _confidence(text, merged)
        return found if found is not None else round(scan.mean_conf, 1)

    paragraphs = tuple(
        dataclasses.replace(p, ocr_confidence=conf(p.text, p.page)) if p.page in pools else p
        for p in report.paragraphs
    )
    footnotes = tuple(
        dataclasses.replace(f, ocr_confidence=conf(f.text, f.page)) if f.page in pools else f
        for f in report.footnotes
    )
    return dataclasses.replace(
        report, paragraphs=paragraphs, footnotes=footnotes, ocr_pages=tuple(sorted(scan.pages))
    )


_YEAR = r"19\d\d|20\d\d"


def number_from_name(report: Report, source: str, scan: ScanResult) -> Report:
    """A stamped or handwritten document number is what OCR reads worst ("3 39/C04-P6" for a
    stamped "3980/C04-P6"). When the number read has low-confidence digits and the file name
    carries the same issuer code ("bca-c04-3980-2025-scan.pdf") with exactly one other number
    that is not the year, that number is taken, with a warning saying so."""
    number = report.meta.number
    m = re.match(r"^(\d[\d ]*)/([\w\-Đđ]+)$", number)
    if not m:
        return report
    digits, code = m.group(1).replace(" ", ""), m.group(2)
    first = next((p for p in sorted(scan.words) if scan.words[p]), None)
    if first is None:
        return report
    confs = [c for t, c in scan.words[first] if t and digits[:1] in t and code.split("-")[0] in t]
    if not confs or min(confs) >= 60:
        return report
    parts = [p.lower() for p in re.split(r"[-_. ]+", Path(source).stem)]
    if code.split("-")[0].lower() not in parts:
        return report
    others = [p for p in parts if p.isdigit() and len(p) >= 2 and not re.fullmatch(_YEAR, p)]
    if len(others) != 1 or others[0] == digits:
        return report
    code = re.sub(r"(?<=[A-Z0-9\-])ó", "6", code)  # Tesseract's 'ó' for a stamped '6'
    fixed = f"{others[0]}/{code}"
    meta = dataclasses.replace(report.meta, number=fixed)
    note = f"số văn bản in dấu đọc không rõ ('{number}'); lấy '{fixed}' theo tên tệp — hãy kiểm tra"
    return dataclasses.replace(report, meta=meta, warnings=(*report.warnings, note))


def finish(report: Report, scan: ScanResult, source: str) -> Report:
    """A report built from (partly) OCR'd pages: provenance, the scan's warnings, and a
    stamped number checked against the file name."""
    report = attach_provenance(report, scan)
    report = dataclasses.replace(report, warnings=(*report.warnings, *scan.warnings))
    return number_from_name(report, source, scan)

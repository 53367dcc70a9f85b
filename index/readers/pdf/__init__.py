"""PDF reports → Blocks → Report.

pdfplumber (pdfminer) gives every word with its position and font size, which is what
this reader needs: ruled tables are rebuilt cell by cell (its table finder), lines are
grouped into paragraphs by indentation and spacing, running headers/footers and page
numbers are dropped, footnotes are told apart at the bottom of a page by their smaller
type, and small raised digits in the body become superscript markers for `build_report`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index import legacy
from index.errors import CorruptFileError, NeedsOcrError
from index.model import Report
from index.ooxml_guard import DEFAULT_MAX_BYTES
from index.readers.pdf.blocks import _blocks
from index.readers.pdf.guard import check_streams
from index.readers.pdf.margins import _drop_running, _footnote_blocks, _split_footnotes
from index.readers.pdf.open import _check_encryption, _check_signature, _open, _password_error
from index.readers.pdf.page import Page, _read_page
from index.structure import Block, build_report

MIN_TEXT_CHARS = 30  # a page with fewer characters of text layer is read by OCR


@dataclass
class PdfContent:
    blocks: list[Block]  # in reading order, footnotes last
    pages: int
    pages_without_text: list[int]
    legacy_blocks: int = 0  # blocks converted from TCVN3/VNI
    scan: Any = None  # index.ocr_layout.ScanResult when some pages were OCR'd


def _render_source(data: bytes):
    """Page number → (300-dpi grayscale image, dpi), rendered with pdfium."""
    import pypdfium2 as pdfium

    from index import ocr

    doc = pdfium.PdfDocument(data)
    dpi = ocr.current().dpi

    def render(number: int):
        page = doc[number - 1]
        try:
            return page.render(scale=dpi / 72, grayscale=True).to_pil(), float(dpi)
        finally:
            page.close()

    return doc, render


def _ocr_scanned(path: Path, data: bytes, pages: list[Page]) -> Any:
    """OCR the pages without a usable text layer; their OCR'd pages replace them."""
    from index import ocr_layout

    scanned = [p.number for p in pages if p.chars < MIN_TEXT_CHARS and not p.tables]
    if not scanned:
        return None
    doc, render = _render_source(data)
    try:
        has_text = len(scanned) < len(pages)
        return ocr_layout.read_scanned(path, data, scanned, render, has_text_pages=has_text)
    finally:
        doc.close()


def assemble(pages: list[Page]) -> tuple[list[Block], int]:
    """Pages (from the text layer or OCR) → blocks in reading order, footnotes last; and how
    many blocks were converted from a legacy encoding."""
    sizes: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[ln.size] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    _drop_running(pages)
    _split_footnotes(pages, body)
    blocks = _blocks(pages, body) + _footnote_blocks(pages)
    return blocks, legacy.convert_blocks(blocks)


def read_pdf(path: Path, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> PdfContent:
    """The PDF's blocks, before `build_report`. Raises the IngestError a user can act on."""
    _check_signature(path, data)
    check_streams(path, _check_encryption(path, data), max_bytes)  # before pdfminer reads
    pdf = _open(path, data)
    try:
        try:
            pages = [_read_page(pg, i) for i, pg in enumerate(pdf.pages, start=1)]
        except Exception as e:
            if "password" in str(e).lower():
                raise _password_error(path) from e
            raise CorruptFileError(
                path,
                f"tệp PDF bị hỏng, không đọc được trang ({type(e).__name__}: {e}). Hãy tải lại "
                "hoặc in/xuất lại ra PDF mới.",
            ) from e
    finally:
        pdf.close()
    if not pages:
        raise CorruptFileError(path, "tệp PDF không có trang nào (có thể bị hỏng/cắt cụt).")
    scan = _ocr_scanned(path, data, pages)
    if scan is not None:
        pages = [scan.pages.get(p.number, p) for p in pages]
    with_text = [p for p in pages if p.lines or p.tables]
    if not with_text or sum(p.chars for p in pages) < 20:
        if scan is not None:
            from index.ocr_layout import no_text_error

            raise no_text_error(path, scan)
        raise NeedsOcrError(
            path,
            f"tệp PDF ({len(pages)} trang) không có lớp chữ — là ảnh quét, cần nhận dạng ký tự "
            "(OCR). Hãy chạy OCR (ví dụ: ocrmypdf -l vie tệp.pdf tệp-ocr.pdf) hoặc dùng bản "
            "Word/PDF gốc rồi nạp lại.",
        )
    blocks, legacy_blocks = assemble(pages)
    empty = [p.number for p in pages if p not in with_text]
    return PdfContent(
        blocks=blocks,
        pages=len(pages),
        pages_without_text=empty,
        legacy_blocks=legacy_blocks,
        scan=scan,
    )


def parse_pdf(path: Path, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    content = read_pdf(path, data, max_bytes)
    report = build_report(path.name, content.blocks)
    if content.legacy_blocks:
        report = dataclasses.replace(
            report,
            warnings=(
                *report.warnings,
                "văn bản dùng phông chữ mã cũ (TCVN3/ABC hoặc VNI); nội dung đã được chuyển sang "
                "Unicode — nên kiểm tra lại các chữ hoa có dấu",
            ),
        )
    if content.scan is not None:
        from index import ocr_provenance

        report = ocr_provenance.finish(report, content.scan, path.name)
        return report
    empty = content.pages_without_text
    if empty:
        shown = ", ".join(map(str, empty[:20])) + ("…" if len(empty) > 20 else "")
        report = dataclasses.replace(
            report,
            warnings=(
                *report.warnings,
                f"trang {shown} không có lớp chữ (ảnh quét), chưa được lập chỉ mục — cần OCR",
            ),
        )
    return report

"""OCR'd pages → the PDF reader's pages, so a scan goes through the same layout analysis
(lines, columns, indentation, running headers, page numbers, footnotes in smaller type) and
the same `build_report` as a PDF with a text layer; the page limit, the refusals and the
scan's warnings.

The work is split by what it reads: `index.ocr_lines` (words → lines and columns, noise
out), `index.ocr_footnotes` (the separator rule and the notes under it, however OCR read
their numbers), `index.ocr_markers` (the notes' markers in the running text),
`index.ocr_headings` (part and section numbers by their sequence),
`index.ocr_furniture` (a stamped number split in pieces, "Nơi nhận" beside the
signature); `index.ocr_provenance` puts the OCR's confidence back on the paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from index import ocr, ocr_correct
from index.errors import OcrNoTextError, OcrTooManyPagesError, OcrUnavailableError
from index.ocr_furniture import closing_columns
from index.ocr_headings import repair_headings
from index.ocr_lines import line_words
from index.ocr_markers import Marks, Shapes, number_markers, word_shapes
from index.readers.pdf.layout import build_lines
from index.readers.pdf.page import Page

MIN_SYLLABLES = 5  # confident Vietnamese syllables for a page to count as text


@dataclass
class ScanResult:
    pages: dict[int, Page] = field(default_factory=dict)  # readable OCR'd pages
    words: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # (text, conf)
    raw: dict[int, ocr.OcrPage] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False  # Tesseract missing: nothing was OCR'd

    @property
    def mean_conf(self) -> float:
        confs = [c for ws in self.words.values() for _, c in ws]
        return sum(confs) / len(confs) if confs else 0.0


def _pages_text(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:20])) + ("…" if len(numbers) > 20 else "")
    return f"trang {shown}"


def check_page_limit(path: Path, count: int, what: str = "trang ảnh quét") -> None:
    limit = ocr.current().max_pages
    if count > limit:
        raise OcrTooManyPagesError(
            path,
            f"tệp có {count} {what} cần nhận dạng ký tự (OCR), vượt giới hạn {limit} trang "
            f"(ASSISTANT_OCR_MAX_PAGES; khoảng 5–10 giây mỗi trang). Hãy tách tệp hoặc nâng "
            "giới hạn.",
        )


def _has_text(kept: list[tuple[str, float]]) -> bool:
    good = [t for t, c in kept if c >= 60 and ocr_correct.plausible(t.strip(".,;:()"))]
    return len(good) >= MIN_SYLLABLES


def to_pdf_page(
    page: ocr.OcrPage, notes: list[int] | None = None, shapes: Shapes | None = None
) -> tuple[Page, list[tuple[str, float]]]:
    scale = 72.0 / page.dpi
    marks = Marks()
    notes = notes if notes is not None else [0, 0]
    words, kept = line_words(page, scale, notes, marks, shapes or word_shapes([page]))
    out = Page(number=page.number, height=page.height * scale, width=page.width * scale)
    out.lines = closing_columns(build_lines(words, page.number, out.width)) if words else []
    number_markers(out, marks, kept)
    out.chars = sum(len(w.text) for w in words)
    return out, kept


def read_scanned(
    path: Path,
    data: bytes,
    numbers: list[int],
    source: Callable[[int], tuple[Image.Image, float]],
    has_text_pages: bool = False,
) -> ScanResult:
    """OCR these pages into PDF-reader pages. Without Tesseract, a file that has other
    pages with text keeps them (with a warning); one that has none is refused."""
    result = ScanResult()
    check_page_limit(path, len(numbers))
    try:
        raw = ocr.ocr_pages(path, data, numbers, source)
    except OcrUnavailableError as e:
        if not has_text_pages:
            raise
        result.failed = True
        result.warnings.append(f"{_pages_text(numbers)} là ảnh quét, chưa đọc được: {e.message}")
        return result
    blank, unreadable, failed = [], [], []
    notes = [0, 0]  # last footnote number, last marker in running text
    shapes = word_shapes([p for p in raw.values() if not p.blank and not p.error])
    for n in numbers:
        page = raw[n]
        result.raw[n] = page
        if page.blank:
            blank.append(n)
            continue
        if page.error:
            failed.append(n)
            continue
        pdf_page, kept = to_pdf_page(page, notes, shapes)
        if not _has_text(kept):
            unreadable.append(n)
            continue
        result.pages[n] = pdf_page
        result.words[n] = kept
    repair_headings([result.pages[n] for n in sorted(result.pages)])
    if blank:
        result.warnings.append(f"{_pages_text(blank)} trắng, bỏ qua")
    if unreadable:
        result.warnings.append(
            f"{_pages_text(unreadable)}: không nhận ra chữ tiếng Việt (hình ảnh, chữ viết tay "
            "hoặc ảnh quá mờ), bỏ qua"
        )
    if failed:
        result.warnings.append(
            f"{_pages_text(failed)}: nhận dạng ký tự (OCR) quá {ocr.current().page_timeout_s:g} "
            "giây hoặc bị lỗi, bỏ qua — hãy nạp lại tệp"
        )
    if result.pages:
        done = sorted(result.pages)
        result.warnings.append(
            f"{_pages_text(done)} được nhận dạng ký tự (OCR), độ tin cậy trung bình "
            f"{result.mean_conf:.0f}% — nên đối chiếu số liệu với bản gốc"
        )
    return result


def no_text_error(path: Path, scan: ScanResult, kind: str = "tệp") -> OcrNoTextError:
    pages = len(scan.raw)
    if scan.raw and all(p.blank for p in scan.raw.values()):
        why = "các trang đều trắng" if pages > 1 else "trang trắng"
    else:
        why = "không nhận ra chữ tiếng Việt"
    what = "trong ảnh" if kind == "ảnh" else f"trong {pages} trang"
    return OcrNoTextError(
        path,
        f"đã nhận dạng ký tự (OCR) nhưng {why} {what}: không có nội dung để lập chỉ mục. "
        "Hãy kiểm tra đây đúng là ảnh chụp/bản quét văn bản, đủ rõ (khoảng 300 dpi).",
    )

"""Images of report pages (.png .jpg .jpeg .tif .tiff) → OCR → Report.

A scanned or photographed page goes through Tesseract (index.ocr) and then the PDF reader's
layout analysis and `build_report`, exactly like a scanned PDF page. A multi-page TIFF is
one report, a page per frame. A phone photo is turned upright by its EXIF orientation first.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from index.errors import CorruptFileError, FileTooLargeError, OcrNoTextError
from index.model import Report
from index.ocr_layout import check_page_limit, no_text_error, read_scanned
from index.ocr_provenance import finish
from index.readers.pdf import assemble
from index.structure import build_report

SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
MAX_PIXELS = 80_000_000  # a 600-dpi A3 page is ~70 MP; more is a decompression bomb
A4_WIDTH_IN = 8.27  # an image without a usable resolution is taken to be an A4 page's width


def _open(path: Path, data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.size  # noqa: B018 - reads the header
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise CorruptFileError(
            path,
            "không mở được ảnh: tệp hỏng, không phải ảnh hoặc kích thước quá lớn. Hãy xuất lại "
            "ảnh (PNG/JPEG/TIFF, khoảng 300 dpi) rồi nạp lại.",
        ) from None
    w, h = image.size
    if w * h > MAX_PIXELS:
        raise FileTooLargeError(
            path,
            f"ảnh {w}×{h} điểm ảnh ({w * h / 1e6:.0f} triệu) vượt giới hạn "
            f"{MAX_PIXELS / 1e6:.0f} triệu; hãy quét lại ở 300 dpi.",
        )
    return image


def _dpi(frame: Image.Image) -> float:
    """The scan's resolution when recorded and believable, else as if it were an A4 page."""
    dpi = frame.info.get("dpi")
    try:
        x = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        x = 0.0
    if 100 <= x <= 1200 and 4 <= frame.width / x <= 17:
        return x
    return frame.width / A4_WIDTH_IN


def parse_image(path: Path, data: bytes) -> Report:
    image = _open(path, data)
    count = getattr(image, "n_frames", 1)
    check_page_limit(path, count, "trang ảnh")

    def source(number: int) -> tuple[Image.Image, float]:
        frame = ImageSequence.Iterator(image)[number - 1]
        upright = ImageOps.exif_transpose(frame.convert("RGB") if frame.mode == "P" else frame)
        return upright.convert("L"), _dpi(frame)

    try:
        image.load()
    except (OSError, SyntaxError) as e:
        raise CorruptFileError(path, f"ảnh bị hỏng, không đọc được ({e}).") from e
    numbers = list(range(1, count + 1))
    scan = read_scanned(path, data, numbers, source)
    if not scan.pages:
        err = no_text_error(path, scan, "ảnh" if count == 1 else "tệp")
        if count == 1 and not any(p.blank for p in scan.raw.values()):
            err = OcrNoTextError(
                path,
                "không nhận ra chữ trong ảnh (đã nhận dạng ký tự - OCR - tiếng Việt): ảnh không "
                "phải văn bản, hoặc quá mờ/nhỏ. Hãy chụp/quét rõ cả trang (khoảng 300 dpi).",
            )
        raise err
    pages = [scan.pages[n] for n in sorted(scan.pages)]
    blocks, _ = assemble(pages)
    return finish(build_report(path.name, blocks), scan, path.name)

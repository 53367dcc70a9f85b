"""The scanned page behind an OCR citation, with the cited lines boxed: a leader checks a
figure against the scan itself, not against what Tesseract made of it.

The page is rebuilt as Tesseract saw it (same render, enlargement, orientation and
deskew), so the word boxes kept in the OCR cache fall where they belong; the lines whose
words mostly belong to the cited passage are boxed."""

from __future__ import annotations

import base64
import functools
import io
import logging
from pathlib import Path

from PIL import Image, ImageDraw

from assistant.api import (
    OcrOptions,
    OcrPage,
    OcrWord,
    cached_ocr_page,
    fold,
    read_file,
    rotate_page,
    syllables,
    upscale_small,
)

log = logging.getLogger(__name__)
WIDTH = 900  # pixels of the image sent to the page


def _source(path: Path, data: bytes, number: int, dpi: int) -> Image.Image:
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        page = pypdfium2.PdfDocument(data)[number - 1]
        return page.render(scale=dpi / 72, grayscale=True).to_pil()
    image = Image.open(io.BytesIO(data))
    image.seek(number - 1)  # a multi-page TIFF's frame
    return image.copy()


def _as_read(image: Image.Image, page: OcrPage, dpi: float) -> Image.Image:
    gray, _ = upscale_small(image.convert("L"), dpi)
    if page.rotation:
        gray = gray.rotate(-page.rotation, expand=True, fillcolor=255)
    return rotate_page(gray, page.skew) if abs(page.skew) >= 0.2 else gray


def _cited_lines(page: OcrPage, text: str) -> list[tuple[int, int, int, int]]:
    """Boxes of the lines whose words are mostly words of `text`."""
    wanted = set(syllables(fold(text)))
    lines: dict[int, list[OcrWord]] = {}
    for w in page.words:
        lines.setdefault(w.line, []).append(w)
    boxes = []
    for words in lines.values():
        folded = [s for w in words for s in syllables(fold(w.text))]
        if len(folded) >= 3 and sum(s in wanted for s in folded) >= 0.7 * len(folded):
            boxes.append((
                min(w.left for w in words), min(w.top for w in words),
                max(w.left + w.width for w in words), max(w.top + w.height for w in words),
            ))  # fmt: skip
    return boxes


@functools.lru_cache(maxsize=32)
def page_jpeg(
    path: str, page_number: int, text: str, max_bytes: int, opts: OcrOptions
) -> bytes | None:
    """The page as a JPEG with the cited lines boxed; None when the file or its OCR
    words are gone (the citation still shows the text)."""
    try:
        data = read_file(Path(path), max_bytes)
        page = cached_ocr_page(opts, data, page_number)
        if page is None or not page.words:
            return None
        image = _as_read(_source(Path(path), data, page_number, opts.dpi), page, page.dpi)
    except Exception as e:  # an image is a help, never a failure of the panel
        log.warning("page image of %s p.%s unavailable: %r", path, page_number, e)
        return None
    image = image.convert("RGB")
    draw = ImageDraw.Draw(image)
    pad = max(4, image.width // 300)
    for left, top, right, bottom in _cited_lines(page, text):
        draw.rectangle((left - pad, top - pad, right + pad, bottom + pad), outline=(214, 40, 40),
                       width=max(3, image.width // 400))  # fmt: skip
    if image.width > WIDTH:
        image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)  # a scan: a fifth of a PNG's size
    return out.getvalue()


def page_image_html(settings, path: str, page_number: int, text: str) -> str:
    """An <img> of the scanned page (settings: assistant.settings.Settings), or ''."""
    opts = OcrOptions.from_settings(settings)
    jpeg = page_jpeg(path, page_number, text, settings.max_bytes, opts)
    if jpeg is None:
        return ""
    src = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
    return (
        f'<details class="scan-page" open><summary>Ảnh trang {page_number} (bản quét), '
        f'khung đỏ: dòng được trích</summary><img alt="Trang {page_number}" src="{src}"></details>'
    )

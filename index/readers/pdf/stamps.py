"""What an issuing office stamps into a signed PDF: the document's number and day.

Vietnamese e-government documents are signed after they are typed, and the clerk's signing
tool writes "Số: 644" and "ngày 06" into signature fields — widget annotations whose
appearance streams hold the text — so the page's own content reads "Số: /TTXT-ĐTDN" and
"ngày tháng 11 năm 2025". pdfplumber reads page content only; the appearances are read here
with pdfminer (which pdfplumber is built on) and placed where they are drawn, so the number
and the day take their places in the line. Only short stamps are kept: a signer's longer
appearance ("Ký bởi: …, Thời gian ký: …") is furniture, not the document's text.
"""

from __future__ import annotations

import types
from collections.abc import Iterator

from index.readers.pdf.layout import Word

MAX_STAMP = 24  # characters: a number, a day, a date — not a signer's card
MAX_ANNOTS = 50  # per page: a hostile file's thousands of fields are not read


def stamped_words(page) -> list[Word]:
    """The short texts of the page's annotation appearances, as words where they are drawn;
    [] when there are none or they cannot be read (a malformed field loses nothing else)."""
    try:
        annots = (page.annots or [])[:MAX_ANNOTS]
    except Exception:  # a malformed annotation array: the page's own text still counts
        return []
    out = []
    for annot in annots:
        try:
            word = _stamp(annot)
        except Exception:  # one malformed appearance: skip it, keep the rest
            word = None
        if word is not None:
            out.append(word)
    return out


def _stamp(annot: dict) -> Word | None:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdftypes import resolve1

    appearance = resolve1((annot.get("data") or {}).get("AP"))
    normal = resolve1(appearance.get("N")) if isinstance(appearance, dict) else None
    if normal is None or not hasattr(normal, "attrs"):
        return None
    bbox = [float(v) for v in resolve1(normal.attrs.get("BBox"))]
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    device.begin_page(types.SimpleNamespace(mediabox=bbox, pageid=0, rotate=0), (1, 0, 0, 1, 0, 0))
    interpreter = PDFPageInterpreter(manager, device)
    interpreter.render_contents(resolve1(normal.attrs.get("Resources")) or {}, [normal])
    device.end_page(None)
    chars = list(_chars(device.get_result()))
    text = "".join(c.get_text() for c in chars).strip()
    if not text or len(text) > MAX_STAMP or "\n" in text:
        return None
    # the appearance's box is drawn on the annotation's rectangle
    sx = float(annot["width"]) / max(1e-6, bbox[2] - bbox[0])
    sy = float(annot["height"]) / max(1e-6, bbox[3] - bbox[1])
    return Word(
        text,
        float(annot["x0"]) + (min(c.x0 for c in chars) - bbox[0]) * sx,
        float(annot["x0"]) + (max(c.x1 for c in chars) - bbox[0]) * sx,
        float(annot["top"]) + (bbox[3] - max(c.y1 for c in chars)) * sy,
        float(annot["top"]) + (bbox[3] - min(c.y0 for c in chars)) * sy,
        max(c.size for c in chars) * sy,
    )


def _chars(item) -> Iterator:
    from pdfminer.layout import LTChar, LTContainer

    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)

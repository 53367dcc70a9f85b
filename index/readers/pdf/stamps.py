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
# forms drawn per appearance: a stamp draws one or two; a hostile one draws a form that draws
# the next twice, thirty deep (2^30 draws), and is given up on here
MAX_FORMS = 32


class _TooMuch(Exception):
    """An appearance that draws more than any stamp does."""


def stamped_words(page) -> list[Word]:
    """The short texts of the page's annotation appearances, as words where they are drawn;
    [] when there are none or they cannot be read (a malformed field loses nothing else)."""
    try:
        annots = (page.annots or [])[:MAX_ANNOTS]
    except Exception:  # a malformed annotation array: the page's own text still counts
        return []
    from pdfminer.pdfinterp import PDFResourceManager

    manager = PDFResourceManager()
    out = []
    for annot in annots:
        try:
            word = _stamp(annot, manager)
        except Exception:  # a malformed or oversized appearance: skip it, keep the rest
            word = None
        if word is not None:
            out.append(word)
    return out


def _stamp(annot: dict, manager) -> Word | None:
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import resolve1

    appearance = resolve1((annot.get("data") or {}).get("AP"))
    normal = resolve1(appearance.get("N")) if isinstance(appearance, dict) else None
    if normal is None or not hasattr(normal, "attrs"):
        return None
    bbox = [float(v) for v in resolve1(normal.attrs.get("BBox"))]
    device = _capped_device(manager)
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


def _capped_device(manager):
    """A pdfminer device that gives up past MAX_FORMS forms or 4 × MAX_STAMP characters:
    bounded time whatever the appearance draws."""
    from pdfminer.converter import PDFPageAggregator

    class Capped(PDFPageAggregator):
        forms = chars = 0

        def begin_figure(self, *args, **kwargs):
            self.forms += 1
            if self.forms > MAX_FORMS:
                raise _TooMuch
            return super().begin_figure(*args, **kwargs)

        def render_char(self, *args, **kwargs):
            self.chars += 1
            if self.chars > 4 * MAX_STAMP:
                raise _TooMuch
            return super().render_char(*args, **kwargs)

    return Capped(manager, laparams=None)


def _chars(item) -> Iterator:
    from pdfminer.layout import LTChar, LTContainer

    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)

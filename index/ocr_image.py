"""Page-image clean-up before Tesseract, and telling a poor reading from a good one.

Tesseract binarises with one global threshold, so a phone photo with a bright corner and a
dark one loses half its text: the background is estimated with a wide blur and divided
out. Its line finder tolerates a little skew but returns ragged lines past ~1°, so the skew
is measured (projection profile: rows of text give the sharpest row histogram when level)
and undone. Everything works on small copies to stay well under a second per page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageFilter

from index import legacy

if TYPE_CHECKING:
    from index.tesseract import OcrWord

INK = 128  # a pixel darker than this is ink
BLANK_INK = 0.0015  # share of ink pixels below which a page is blank (specks, a ruled line)
MIN_TEXT_PX = 2000  # pages narrower than this (small photos) are enlarged before OCR
RULE_EDGE = 2  # pixels either side of a rule erased with it (its grey, stepped edge)


def _small(gray: Image.Image, width: int = 800) -> Image.Image:
    if gray.width <= width:
        return gray
    return gray.resize((width, max(1, round(gray.height * width / gray.width))), Image.BILINEAR)


def is_blank(gray: Image.Image) -> bool:
    """No text to read: almost no dark pixels once speckle is filtered out."""
    small = _small(gray, 1000).filter(ImageFilter.MedianFilter(3))
    a = np.asarray(small)
    if a.size == 0:
        return True
    return float((a < INK).mean()) < BLANK_INK


def upscale_small(gray: Image.Image, dpi: float) -> tuple[Image.Image, float]:
    """A small photo of a page has letters too few pixels high for Tesseract: enlarge."""
    if gray.width >= MIN_TEXT_PX:
        return gray, dpi
    k = min(3.0, MIN_TEXT_PX / max(1, gray.width))
    size = (round(gray.width * k), round(gray.height * k))
    return gray.resize(size, Image.LANCZOS), dpi * k


def even_light(gray: Image.Image) -> Image.Image:
    """Divide out the background (uneven lighting, shadows, yellowed paper), leaving dark
    text on white. On an evenly lit scan this changes next to nothing."""
    small = _small(gray, 400)
    # The background is the page without its text: a max filter removes the thin dark strokes.
    bg = small.filter(ImageFilter.MaxFilter(9)).filter(ImageFilter.GaussianBlur(12))
    b = np.asarray(bg.resize(gray.size, Image.BILINEAR), dtype=np.float32)
    if float(b.max() - np.percentile(b, 5)) < 25:
        return gray  # evenly lit already
    a = np.asarray(gray, dtype=np.float32)
    out = np.clip(a / np.maximum(b, 1.0) * 255.0, 0, 255)
    return Image.fromarray(out.astype(np.uint8), "L")


def _shift_and(a: np.ndarray, k: int, axis: int, op) -> np.ndarray:
    """a op (a shifted by k along axis, padded with False)."""
    out = a.copy()
    src = [slice(None)] * a.ndim
    dst = [slice(None)] * a.ndim
    src[axis], dst[axis] = slice(k, None), slice(None, -k)
    out[tuple(dst)] = op(a[tuple(dst)], a[tuple(src)])
    return out


def _runs(ink: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels on a straight run of ink at least `length` long along `axis`: a morphological
    opening with a line, by doubling shifts (erode, then dilate back)."""
    e, k = ink, 1
    while 2 * k <= length:
        e = _shift_and(e, k, axis, np.logical_and)
        k *= 2
    if length > k:
        e = _shift_and(e, length - k, axis, np.logical_and)  # e[i]: ink over [i, i+length)
    d = e
    flipped = np.flip(d, axis)  # dilate towards higher indices: a run covers [i, i+length)
    k = 1
    while 2 * k <= length:
        flipped = _shift_and(flipped, k, axis, np.logical_or)
        k *= 2
    if length > k:
        flipped = _shift_and(flipped, length - k, axis, np.logical_or)
    return np.flip(flipped, axis)


def _horizontal(rules: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of the horizontal rules in a mask: touching rows merged."""
    rows = np.flatnonzero(rules.any(axis=1))
    if rows.size == 0:
        return []
    boxes = []
    for band in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1):
        cols = rules[band[0] : band[-1] + 1].any(axis=0).astype(np.int8)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], cols, [0]))))
        for x0, x1 in zip(edges[::2], edges[1::2], strict=True):
            boxes.append((int(x0), int(band[0]), int(x1), int(band[-1]) + 1))
    return boxes


def erase_rules(
    gray: Image.Image,
    dpi: float,
    found: list[tuple[int, int, int, int]] | None = None,
    upright: list[tuple[int, int, int, int]] | None = None,
) -> Image.Image:
    """White out table rules and long underlines: Tesseract reads ruled cells as noise
    ("©) \\©") and drops the figures in them; without the rules it reads them as text.
    The horizontal rules' boxes are added to `found` (the footnote separator is one), the
    vertical ones' to `upright` (with them, a table's cells)."""
    a = np.asarray(gray)
    ink = a < INK
    length = max(40, round(dpi * 0.4))  # 1 cm: longer than any stroke of a letter
    across = _runs(ink, length, 1)
    down = _runs(ink, length, 0)
    rules = across | down
    if not rules.any():
        return gray
    if found is not None:
        found.extend(_horizontal(across))
    if upright is not None:
        upright.extend((y0, x0, y1, x1) for x0, y0, x1, y1 in _horizontal(down.T))
    # The rule's grey edge too: a rule scanned at a slant and levelled again is a staircase
    # whose steps leave a dashed grey trace beside it, which Tesseract binarises into a
    # row of dashes and then drops the line of text under it (a footnote's first line).
    grown = rules.copy()
    for k in range(1, RULE_EDGE + 1):
        for axis in (0, 1):
            grown |= np.roll(rules, k, axis) | np.roll(rules, -k, axis)
    out = a.copy()
    out[grown & (a < 250)] = 255
    return Image.fromarray(out, "L")


def _profile_score(binary: Image.Image, angle: float) -> float:
    rows = np.asarray(binary.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float32)
    s = rows.sum(axis=1)
    return float(np.square(np.diff(s)).sum())


def skew_angle(gray: Image.Image, limit: float = 6.0) -> float:
    """Degrees to rotate (counter-clockwise, PIL's sense) to level the text lines."""
    small = _small(gray, 900)
    ink = Image.fromarray(((np.asarray(small) < INK) * 255).astype(np.uint8), "L")
    coarse = np.arange(-limit, limit + 0.01, 0.5)
    best = max(coarse, key=lambda a: _profile_score(ink, float(a)))
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    best = max(fine, key=lambda a: _profile_score(ink, float(a)))
    return round(float(best), 2)


def rotate(gray: Image.Image, angle: float) -> Image.Image:
    return gray.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=255)


def quality(words: list[OcrWord]) -> float:
    """Confident Vietnamese syllables read: what a better reading has more of."""
    return sum(1.0 for w in words if w.conf >= 60 and legacy.is_syllable(w.text.strip(".,;:")))


def looks_wrong(words: list[OcrWord]) -> bool:
    """A reading that is mostly noise: few confident syllables (upside down, sideways)."""
    if not words:
        return True
    return quality(words) < max(5.0, 0.4 * len(words))

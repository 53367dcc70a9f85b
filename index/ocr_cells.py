"""Figures in ruled tables, read again cell by cell.

Tesseract reads a ruled table's row as one line across all its cells, and a figure set
alone in a cell beside a cell of several lines of text is where it slips: the decimal comma
lost ("6,84" → "684"), two figures run together ("7,19" → "7419"), marks for digits
("7,75" → "„„„"), a cell dropped, "5" read "s". The table's rules (found when they are
erased) give its cells; each cell holding one line of ink and no confidently read word is
cropped and read again on its own as one line (`--psm 7`) with the characters of figures
only, all the cells of a page in one Tesseract run. They are read with Tesseract's `eng`
model (installed with tesseract-ocr) when it is there: on figures alone it slips less than
`vie` (bench/ocr.py's ruled tables: 76 of 76 cells right, `vie` 73). On a grainy scan
Tesseract's own binarisation breaks thin strokes, so each crop is also read smoothed and cut
to black and white, and that reading is taken when the grey one is unsure.

A reading replaces the first pass's words in its cell when it is a figure, read with some
confidence; where the first pass read letters there ("s", "I0", "„ị¡"), only in a column
whose other cells are figures too. A cell that is not a figure and was read badly (a label,
"SIT" for "STT") is read again as text, and that reading is taken when it is surer. Figures
are never guessed: a cell read badly every time keeps its first reading.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from index.tesseract import OcrWord, has_language, run_tsv_lines

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 pixels
Origin = tuple[int, int]  # where a cell's crop stands on the page, pixels

FIGURE_CHARS = "0123456789.,%/()+-"
_NUMBER = r"[+\-]?\d[\d.,/]*%?"
_FIGURE = re.compile(rf"(?:{_NUMBER}|\({_NUMBER}\))[.,;]?")  # "6,84", "104,7%", "(12)", "19/63"
SURE = 80.0  # a reading of the grey crop this sure is taken as it is
MIN_CONF = 50.0  # a re-reading less sure than this is not taken
TEXT_CONF = 80.0  # ... and for a reading of a cell as text, every word this sure
COLUMN = 2  # other cells of the column read as figures, for a cell the first pass read as letters
INK = 128
INSET = 4  # pixels inside the rules (their grey edge is erased with them, not always all)
PAD = 20  # white around a cropped figure: Tesseract reads a line best with a margin


def table_cells(across: list[Box], upright: list[Box], dpi: float) -> list[Box]:
    """Cells of ruled tables: under a horizontal rule, between two vertical rules that cross
    just below it with none between them, down to the first horizontal rule below that
    spans them (so a cell merged over two rows or columns is one cell)."""
    small = round(0.1 * dpi)  # no cell is narrower or lower than 2.5 mm
    tol = small // 2
    cells: set[Box] = set()
    for top in across:
        y = top[3] + small
        xs = sorted(
            r for r in upright if r[1] <= y <= r[3] and top[0] - tol <= r[0] <= top[2] + tol
        )
        for left, right in pairwise(xs):
            if right[0] - left[2] < small:
                continue
            below = [
                r
                for r in across
                if r[1] > top[3] + small and r[0] <= left[2] + tol and r[2] >= right[0] - tol
            ]
            if below:
                bottom = min(below, key=lambda r: r[1])
                cells.add((left[2], top[3], right[0], bottom[1]))
    return sorted(cells, key=lambda c: (c[1], c[0]))


def _one_line(a: np.ndarray, dpi: float) -> Box | None:
    """The box of the ink in a cell's crop when it is one line of type (no gap between
    rows of ink, no taller than large type), else None."""
    rows = np.flatnonzero((a < INK).sum(axis=1) >= 1)
    if rows.size == 0 or (a < INK).sum() < 20:
        return None
    if np.any(np.diff(rows) > 3) or rows[-1] - rows[0] > 0.35 * dpi:
        return None
    cols = np.flatnonzero((a < INK).any(axis=0))
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _inside(w: OcrWord, cell: Box) -> bool:
    cx, cy = w.left + w.width / 2, w.top + w.height / 2
    return cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]


def _letters(w: OcrWord) -> int:
    return sum(c.isalpha() for c in w.text)


def _figure(words: list[OcrWord]) -> bool:
    return bool(words) and all(_FIGURE.fullmatch(w.text) for w in words)


def reread_cells(
    exe: str,
    image: Image.Image,
    words: list[OcrWord],
    across: list[Box],
    upright: list[Box],
    dpi: float,
    lang: str,
    timeout: float,
    tmp: Path,
) -> list[OcrWord]:
    """`words` with the figures of ruled cells read again (see the module's docstring)."""
    cells = table_cells(across, upright, dpi)
    if not cells:
        return words
    a = np.asarray(image.convert("L"))
    todo: list[tuple[Box, Origin, list[OcrWord]]] = []  # (cell, crop's origin, first pass)
    files: list[Path] = []
    sharp: list[Path] = []  # the same crops in black and white
    for cell in cells:
        x0, y0, x1, y1 = cell[0] + INSET, cell[1] + INSET, cell[2] - INSET, cell[3] - INSET
        if x1 <= x0 or y1 <= y0:
            continue
        first = [w for w in words if _inside(w, cell)]
        if any(_letters(w) >= 2 and w.conf >= 60 for w in first):
            continue  # a cell of text, read well enough
        ink = _one_line(a[y0:y1, x0:x1], dpi)
        if ink is None:
            continue
        crop = a[y0 + ink[1] : y0 + ink[3], x0 + ink[0] : x0 + ink[2]]
        page = np.full((crop.shape[0] + 2 * PAD, crop.shape[1] + 2 * PAD), 255, np.uint8)
        page[PAD:-PAD, PAD:-PAD] = crop
        for out, im in ((files, Image.fromarray(page)), (sharp, _black_and_white(page, dpi))):
            out.append(tmp / f"cell{len(todo):04d}{'b' if out is sharp else ''}.png")
            im.save(out[-1], dpi=(round(dpi), round(dpi)))
        todo.append((cell, (x0 + ink[0] - PAD, y0 + ink[1] - PAD), first))
    if not todo:
        return words
    model = "eng" if has_language(exe, "eng") else lang
    grey = run_tsv_lines(exe, files, model, timeout, FIGURE_CHARS)
    black = run_tsv_lines(exe, sharp, model, timeout, FIGURE_CHARS)
    taken: dict[int, list[OcrWord]] = {}
    for k, readings in enumerate(zip(grey, black, strict=True)):
        figures = [r for r in readings if _figure(r)]
        best = max(figures, key=_least, default=[])
        if _figure(grey[k]) and _least(grey[k]) >= SURE:
            best = grey[k]  # the crop as scanned, read surely: the black-and-white one may
            # lose a thin stroke ("7,71" → "7,7")
        if best and _least(best) >= MIN_CONF:
            taken[k] = best
    columns = Counter(  # cells read as figures twice, the first time without letters
        (todo[k][0][0] // 10, todo[k][0][2] // 10)
        for k in taken
        if not any(_letters(w) for w in todo[k][2])
    )
    for k in list(taken):
        cell, _, first = todo[k]
        if any(_letters(w) for w in first) and columns[(cell[0] // 10, cell[2] // 10)] < COLUMN:
            del taken[k]  # letters read there, and no column of figures to say otherwise
    rest = [k for k in range(len(todo)) if k not in taken and todo[k][2]]
    texts = run_tsv_lines(exe, [files[k] for k in rest], lang, timeout)
    for k, got in zip(rest, texts, strict=True):
        first = todo[k][2]
        if got and min(w.conf for w in got) >= TEXT_CONF and _mean(got) > _mean(first):
            taken[k] = got  # a label read badly in the row ("SIT" for "STT"), now well
    if not taken:
        return words
    return _replace(words, [(todo[k][0], todo[k][1], got) for k, got in sorted(taken.items())])


def _least(words: list[OcrWord]) -> float:
    return min(w.conf for w in words)


def _black_and_white(a: np.ndarray, dpi: float) -> Image.Image:
    """A grainy crop smoothed and cut at mid-grey between its ink and its paper: on a
    noisy scan Tesseract's own binarisation breaks thin strokes ("7,75" → "7135")."""
    smooth = np.asarray(Image.fromarray(a).filter(ImageFilter.GaussianBlur(dpi / 300)))
    cut = (float(np.percentile(smooth, 2)) + float(np.percentile(smooth, 98))) / 2
    return Image.fromarray(np.where(smooth < cut, 0, 255).astype(np.uint8))


def _mean(words: list[OcrWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _replace(words: list[OcrWord], found: list[tuple[Box, Origin, list[OcrWord]]]) -> list[OcrWord]:
    """The first pass's words in each cell give way to the cell's reading, placed on the
    page and on the Tesseract line of the words it replaces (or of its row)."""
    out = list(words)
    next_line = max((w.line for w in words), default=0) + 1
    for cell, (x, y), got in found:
        first = [w for w in out if _inside(w, cell)]
        out = [w for w in out if not _inside(w, cell)]
        placed = [
            OcrWord(w.text, w.left + x, w.top + y, w.width, w.height, w.conf, 0, w.line_height)
            for w in got
        ]
        cy = sum(w.top + w.height / 2 for w in placed) / len(placed)
        row = first or [w for w in out if cell[1] <= w.top + w.height / 2 <= cell[3]]
        if row:
            near = min(row, key=lambda w: abs(w.top + w.height / 2 - cy))
            line, height = near.line, near.line_height
        else:
            line, height = next_line, max(w.height for w in placed) + 10
            next_line += 1
        out += [
            OcrWord(w.text, w.left, w.top, w.width, w.height, w.conf, line, height) for w in placed
        ]
    out.sort(key=lambda w: (w.line, w.left))
    return out

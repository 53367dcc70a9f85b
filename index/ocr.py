"""Tesseract OCR for scanned pages: page images in, words with boxes and confidences out.

Tesseract runs as a subprocess (`tesseract IMG stdout -l vie tsv`), not through a Python
binding: the binding would add a dependency and still shell out, while a subprocess of our
own gets a timeout per page, `OMP_THREAD_LIMIT=1` (two pages in parallel on two cores beat
one page on two threads) and a clear error when the program or its Vietnamese data is
missing. Pages are rendered in-process with pypdfium2 (installed with pdfplumber), which is
about 15x faster than `pdftoppm` at 300 dpi. Raw results are cached by the file's sha256, so
a file is never OCR'd twice. Options travel in a context variable because readers are
called as `reader(path, data, max_bytes)`: the CLI/app set them once with `using(...)`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PIL import Image

from index import ocr_cells, ocr_image
from index.tesseract import OcrPage, OcrWord, require_tesseract, run_osd, run_tsv

log = logging.getLogger(__name__)
OCR_VERSION = "3"  # bump when what is cached (raw words per page) changes (2: rules kept,
# 3: figures in ruled cells read again)
Progress = Callable[[str, int, int], None]  # (file name, pages done, pages to OCR)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tro-ly-bao-cao" / "ocr"


@dataclass(frozen=True)
class OcrOptions:
    lang: str = "vie"
    dpi: int = 300  # PDF pages are rendered at this resolution
    max_pages: int = 100  # pages needing OCR in one file; more is refused
    cache_dir: Path | None = field(default_factory=default_cache_dir)  # None: no cache
    page_timeout_s: float = 120.0  # one Tesseract run
    workers: int = 2  # pages OCR'd at once, one Tesseract thread each
    correct: bool = True  # post-correction of syllables (index.ocr_correct)
    on_page: Progress | None = None

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> OcrOptions:
        """From an object with `ocr_*` attributes (assistant.settings.Settings)."""
        found = {
            name: getattr(settings, f"ocr_{name}")
            for name in ("lang", "dpi", "max_pages", "page_timeout_s", "workers")
            if getattr(settings, f"ocr_{name}", None) is not None
        }
        cache = getattr(settings, "ocr_cache_dir", None)
        return cls(**found, cache_dir=Path(cache) if cache else default_cache_dir(), **overrides)


_OPTIONS: ContextVar[OcrOptions | None] = ContextVar("ocr_options", default=None)


def current() -> OcrOptions:
    return _OPTIONS.get() or OcrOptions()


@contextlib.contextmanager
def using(options: OcrOptions | None = None, **changes: Any) -> Iterator[OcrOptions]:
    """Run readers with these OCR options (and progress hook) inside the `with` block."""
    chosen = replace(options or current(), **changes)
    token = _OPTIONS.set(chosen)
    try:
        yield chosen
    finally:
        _OPTIONS.reset(token)


# ------------------------------------------------------------------------------ one page
def ocr_page(exe: str, number: int, image: Image.Image, dpi: float, opts: OcrOptions) -> OcrPage:
    """Blank check, light evening, deskew, table rules out, Tesseract; orientation detection
    only when the first reading is poor (it costs ~2 s, and almost every page is upright);
    then the figures in ruled table cells read again (index.ocr_cells)."""
    t0 = time.perf_counter()
    gray = image.convert("L")
    if ocr_image.is_blank(gray):
        return OcrPage(number, gray.width, gray.height, dpi, blank=True)
    gray, dpi = ocr_image.upscale_small(gray, dpi)
    gray = ocr_image.even_light(gray)
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:

        def read(img: Image.Image) -> tuple[Image.Image, float, list[OcrWord], list, list]:
            angle = ocr_image.skew_angle(img)
            straight = ocr_image.rotate(img, angle) if abs(angle) >= 0.2 else img
            rules: list[tuple[int, int, int, int]] = []
            upright: list[tuple[int, int, int, int]] = []
            straight = ocr_image.erase_rules(straight, dpi, rules, upright)
            file = Path(tmp) / "page.pgm"
            straight.save(file)
            words = run_tsv(exe, file, opts.lang, opts.page_timeout_s)
            return straight, angle, words, rules, upright

        try:
            final, angle, words, rules, upright = read(gray)
            rotation = 0
            if ocr_image.looks_wrong(words):
                rotation = run_osd(exe, Path(tmp) / "page.pgm", opts.page_timeout_s)
                if rotation:
                    turned = gray.rotate(-rotation, expand=True, fillcolor=255)
                    again = read(turned)
                    if ocr_image.quality(again[2]) > ocr_image.quality(words):
                        final, angle, words, rules, upright = again
                    else:
                        rotation = 0
        except subprocess.TimeoutExpired:
            return OcrPage(number, gray.width, gray.height, dpi, error="timeout")
        except (OSError, RuntimeError) as e:
            return OcrPage(number, gray.width, gray.height, dpi, error=str(e)[:300])
        try:
            words = ocr_cells.reread_cells(
                exe, final, words, rules, upright, dpi, opts.lang, opts.page_timeout_s, Path(tmp)
            )
        except (subprocess.TimeoutExpired, OSError, RuntimeError) as e:
            log.warning("table cells of page %s not read again: %s", number, e)
    seconds = round(time.perf_counter() - t0, 2)
    return OcrPage(
        number,
        final.width,
        final.height,
        dpi,
        tuple(words),
        False,
        angle,
        rotation,
        seconds,
        rules=tuple(rules),
    )


# ------------------------------------------------------------------------------ many pages
PageSource = Callable[[int], tuple[Image.Image, float]]  # page number → (image, dpi)


def ocr_pages(
    path: Path, data: bytes, numbers: Iterable[int], source: PageSource
) -> dict[int, OcrPage]:
    """OCR these pages (cached ones come from the cache), two at a time. `source` renders
    or decodes one page; it is called on this thread only (pdfium is not thread-safe)."""
    opts = current()
    numbers = list(numbers)
    cache = _Cache(opts, data)
    pages = {n: p for n in numbers if (p := cache.get(n)) is not None}
    todo = [n for n in numbers if n not in pages]
    total = len(numbers)
    _tick(opts, path, len(pages), total)
    if not todo:
        return pages
    exe: str | None = None
    pending: set[Future[OcrPage]] = set()
    with ThreadPoolExecutor(max_workers=max(1, opts.workers)) as pool:
        for n in todo:
            image, dpi = source(n)
            if ocr_image.is_blank(image.convert("L")):
                pages[n] = OcrPage(n, image.width, image.height, dpi, blank=True)
                _tick(opts, path, len(pages), total)
                continue
            exe = exe or require_tesseract(path, opts.lang)
            pending.add(pool.submit(ocr_page, exe, n, image, dpi, opts))
            del image
            while len(pending) > opts.workers:  # bound the rendered pages held in memory
                pending = _collect(pending, pages, opts, path, total)
        while pending:
            pending = _collect(pending, pages, opts, path, total)
    if exe is not None:
        cache.put(pages)
    return pages


def _collect(
    pending: set[Future[OcrPage]],
    pages: dict[int, OcrPage],
    opts: OcrOptions,
    path: Path,
    total: int,
) -> set[Future[OcrPage]]:
    done, rest = wait(pending, return_when=FIRST_COMPLETED)
    for f in done:
        page = f.result()
        pages[page.number] = page
        _tick(opts, path, len(pages), total)
    return rest


def _tick(opts: OcrOptions, path: Path, done: int, total: int) -> None:
    if opts.on_page is not None:
        try:
            opts.on_page(Path(path).name, done, total)
        except Exception:  # a progress display must never stop the reading
            log.exception("OCR progress hook failed")


class _Cache:
    """Raw Tesseract words per page in one JSON file per (file bytes, lang, dpi)."""

    def __init__(self, opts: OcrOptions, data: bytes) -> None:
        sha = hashlib.sha256(data).hexdigest()
        name = f"{sha}-{opts.lang}-{opts.dpi}-v{OCR_VERSION}.json"
        self.file = opts.cache_dir / sha[:2] / name if opts.cache_dir else None
        self.pages: dict[str, Any] = {}
        if self.file is not None and self.file.is_file():
            try:
                self.pages = json.loads(self.file.read_text("utf-8"))["pages"]
            except (OSError, ValueError, KeyError):
                self.pages = {}

    def get(self, number: int) -> OcrPage | None:
        d = self.pages.get(str(number))
        try:
            return OcrPage.from_json(d) if d else None
        except (TypeError, ValueError):
            return None

    def put(self, pages: dict[int, OcrPage]) -> None:
        if self.file is None:
            return
        for n, p in pages.items():
            if not p.error:  # a timeout may pass next time
                self.pages[str(n)] = p.to_json()
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"pages": self.pages}, ensure_ascii=False), "utf-8")
            os.replace(tmp, self.file)
        except OSError as e:  # a read-only cache costs time, never the file
            log.warning("OCR cache not written (%s): %s", self.file, e)


def cached_page(opts: OcrOptions, data: bytes, number: int) -> OcrPage | None:
    """Page `number` of this file as OCR read it, from the cache (None if never read):
    its word boxes let the app show the scan with the cited lines marked."""
    return _Cache(opts, data).get(number)

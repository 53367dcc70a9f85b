"""Tesseract, run as a subprocess: its words with boxes and confidences (TSV output), its
orientation detection, and a clear error naming the Debian packages when it is missing."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from index.errors import OcrUnavailableError

_PACKAGES = "sudo apt-get install tesseract-ocr tesseract-ocr-vie"


# ------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class OcrWord:
    text: str
    left: int  # pixels in the (deskewed) page image
    top: int
    width: int
    height: int
    conf: float  # Tesseract's 0–100
    line: int  # line number on the page, in Tesseract's reading order
    line_height: int  # height of that whole line, pixels


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based page (or image frame)
    width: int  # pixels
    height: int
    dpi: float  # pixels per inch of the page image (PDF: the render dpi)
    words: tuple[OcrWord, ...] = ()
    blank: bool = False  # no ink: skipped, Tesseract never ran
    skew: float = 0.0  # degrees corrected before OCR
    rotation: int = 0  # degrees turned after orientation detection
    seconds: float = 0.0
    error: str = ""  # a Tesseract failure or timeout on this page
    # Horizontal rules erased before OCR (x0, y0, x1, y1 pixels): a short one near the foot
    # at the left margin is the footnote separator.
    rules: tuple[tuple[int, int, int, int], ...] = ()

    @property
    def mean_conf(self) -> float:
        confs = [w.conf for w in self.words]
        return sum(confs) / len(confs) if confs else 0.0

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["words"] = [list(asdict(w).values()) for w in self.words]
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> OcrPage:
        rules = tuple(tuple(r) for r in d.get("rules", ()))
        return cls(**{**d, "words": tuple(OcrWord(*w) for w in d["words"]), "rules": rules})


@functools.lru_cache(maxsize=4)
def _languages(exe: str) -> frozenset[str]:
    out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:] if line.strip())


def require_tesseract(path: Path, lang: str) -> str:
    """The tesseract executable, or an error naming the Debian packages to install."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailableError(
            path,
            "tệp là ảnh quét, cần nhận dạng ký tự (OCR) bằng Tesseract nhưng máy chưa cài. "
            f"Hãy cài: {_PACKAGES} rồi nạp lại tệp này (các tệp khác vẫn được nạp).",
        )
    try:
        missing = [code for code in lang.split("+") if code not in _languages(exe)]
    except (OSError, subprocess.SubprocessError):
        missing = []  # a broken listing must not hide a working tesseract
    if missing:
        raise OcrUnavailableError(
            path,
            f"Tesseract thiếu dữ liệu ngôn ngữ '{'+'.join(missing)}' để nhận dạng ký tự (OCR) "
            f"tiếng Việt. Hãy cài: {_PACKAGES} rồi nạp lại tệp này.",
        )
    return exe


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def run_tsv(exe: str, image: Path, lang: str, timeout: float, psm: int = 3) -> list[OcrWord]:
    """Words of one page image, from Tesseract's TSV output."""
    done = subprocess.run(
        [exe, str(image), "stdout", "-l", lang, "--psm", str(psm), "tsv"],
        capture_output=True,
        timeout=timeout,
        env=_env(),
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-300:])
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def run_tsv_lines(
    exe: str, images: list[Path], lang: str, timeout: float, whitelist: str = ""
) -> list[list[OcrWord]]:
    """Words of each image, each read as one line of text (`--psm 7`), in one Tesseract run
    (the images listed in a file: the model loads once); `whitelist` limits the characters."""
    if not images:
        return []
    listing = images[0].parent / "images.txt"
    listing.write_text("".join(f"{p}\n" for p in images), "utf-8")
    args = [exe, str(listing), "stdout", "-l", lang, "--psm", "7"]
    if whitelist:
        args += ["-c", f"tessedit_char_whitelist={whitelist}"]
    done = subprocess.run([*args, "tsv"], capture_output=True, timeout=timeout, env=_env())
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-300:])
    rows: list[list[str]] = [[] for _ in images]
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        page = row.split("\t", 2)[1] if row.count("\t") >= 2 else ""
        if page.isdigit() and 1 <= int(page) <= len(images):
            rows[int(page) - 1].append(row)
    head = "level\n"  # parse_tsv skips the first line
    return [parse_tsv(head + "\n".join(r)) for r in rows]


def has_language(exe: str, lang: str) -> bool:
    try:
        return lang in _languages(exe)
    except (OSError, subprocess.SubprocessError):
        return False


def parse_tsv(tsv: str) -> list[OcrWord]:
    words: list[OcrWord] = []
    lines: dict[tuple[str, ...], tuple[int, int]] = {}  # (block, par, line) → (number, h)
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        key = tuple(cols[1:5])
        if cols[0] == "4":
            lines[key] = (len(lines) + 1, int(cols[9]))
        elif cols[0] == "5" and cols[11].strip() and float(cols[10]) >= 0:
            number, h = lines.get(key, (len(lines) + 1, int(cols[9])))
            left, top, width, height = (int(c) for c in cols[6:10])
            words.append(
                OcrWord(cols[11].strip(), left, top, width, height, float(cols[10]), number, h)
            )
    return words


def run_osd(exe: str, image: Path, timeout: float) -> int:
    """Degrees to turn the page clockwise so that its text is upright (0 when unsure)."""
    done = subprocess.run(
        [exe, str(image), "stdout", "--psm", "0"],
        capture_output=True,
        timeout=timeout,
        env=_env(),
    )
    info = dict(
        line.split(":", 1) for line in done.stdout.decode().splitlines() if ":" in line
    )  # "Rotate: 90", "Orientation confidence: 12.3"
    try:
        if float(info.get("Orientation confidence", "0")) < 2.0:
            return 0
        return int(info.get("Rotate", "0").strip()) % 360
    except ValueError:
        return 0

"""A PDF's streams inflated once, under limits, before anything else reads them.

A 1 MB PDF whose page content inflates to 1 GB took pdfminer 23 s and 3.2 GB of memory (it
inflates every stream whole); a 50 MB one would take the machine. pypdf decodes with limits
of its own (`pypdf.apply_configuration`), so every stream is decoded here by pypdf, one at a
time and nothing kept: the page contents, forms, fonts and the rest together may inflate to
the file size limit (ASSISTANT_MAX_FILE_MB, the budget a .docx has too); an image, which only
the OCR renderer decodes, to `MAX_IMAGE_BYTES` each — an A4 page scanned at 600 dpi in colour
is 104 MB — and `MAX_IMAGES_BYTES` together. Past any, the file is refused with a message
naming it and the limit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from index.errors import FileTooLargeError

MAX_IMAGE_BYTES = 128 * 2**20  # one image, inflated
MAX_IMAGES_BYTES = 2 * 2**30  # all of them (a JPEG scan counts as its compressed size)
MAX_OBJECTS = 200_000  # a long report with many images has a few thousand
# pypdf's limits that bound one stream's decoding, set to the budget in force
_LIMITS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "jbig2_maximum_output_length",
    "brotli_maximum_output_length",
    "array_based_stream_maximum_output_length",
    "maximum_declared_stream_length",
)


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB".replace(",", ".")


def _bomb(path: Path, what: str, limit: str) -> FileTooLargeError:
    return FileTooLargeError(
        path,
        f"tệp PDF {what}, vượt giới hạn {limit} — có thể là tệp nén độc hại (PDF bomb); "
        "không đọc. Nếu tệp đáng tin cậy, hãy mở bằng trình đọc PDF, in/xuất lại ra PDF "
        "mới (hoặc tách báo cáo) rồi nạp lại.",
    )


def _streams(reader: Any) -> Iterator[Any]:
    """Every stream object of the file (streams are never inside object streams)."""
    from pypdf.generic import StreamObject

    numbers = sorted({n for table in reader.xref.values() for n in table})
    for number in numbers[:MAX_OBJECTS]:
        try:
            obj = reader.get_object(number)
        except Exception:  # a damaged object: pdfminer gets its own chance, and says so
            continue
        if isinstance(obj, StreamObject):
            yield obj


def _is_image(stream: Any) -> bool:
    return stream.get("/Subtype") == "/Image"


def _declared_image_bytes(stream: Any) -> int:
    """What an image says it is: width × height × its samples."""
    try:
        w, h = int(stream.get("/Width", 0)), int(stream.get("/Height", 0))
        bits = int(stream.get("/BitsPerComponent", 8) or 8)
    except (TypeError, ValueError):
        return 0
    space = str(stream.get("/ColorSpace", "/DeviceRGB"))
    colours = 1 if "Gray" in space or stream.get("/ImageMask") else 4 if "CMYK" in space else 3
    return w * h * colours * bits // 8


def _decoded(stream: Any, limit: int) -> int:
    """The inflated size of one stream, decoded under `limit`; -1 past it, 0 when pypdf cannot
    decode it (a filter it does not know: the reader that follows says what is wrong)."""
    from pypdf import apply_configuration
    from pypdf.errors import LimitReachedError
    from pypdf.filters import decode_stream_data

    with apply_configuration(**dict.fromkeys(_LIMITS, limit)):
        try:
            return len(decode_stream_data(stream))
        except LimitReachedError:
            return -1
        except Exception:
            return 0


def check_streams(path: Path, reader: Any, max_bytes: int) -> None:
    """Raise FileTooLargeError when the streams of the PDF pypdf opened (`reader`, None when
    it could not) inflate past the limits above."""
    if reader is None:
        return  # not readable by pypdf: pdfplumber reports the damage
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # one message, not one per flaw
    try:
        streams = list(_streams(reader))
    except Exception:
        return
    total = images = 0
    for stream in streams:
        if _is_image(stream):
            fits = _declared_image_bytes(stream) <= MAX_IMAGE_BYTES  # said before decoded
            size = _decoded(stream, min(MAX_IMAGE_BYTES, MAX_IMAGES_BYTES - images)) if fits else -1
            if size < 0:
                limit = f"{_mb(MAX_IMAGE_BYTES)} một ảnh, {_mb(MAX_IMAGES_BYTES)} cả tệp"
                raise _bomb(path, "có ảnh bung ra quá lớn khi giải nén", limit)
            images += size
            continue
        size = _decoded(stream, max_bytes - total)
        if size < 0:
            limit = f"{_mb(max_bytes)} (ASSISTANT_MAX_FILE_MB)"
            raise _bomb(path, "bung ra quá lớn khi giải nén", limit)
        total += size

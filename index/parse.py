"""file → Report: the checks every file gets, then the reader for what its bytes are."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

from index.errors import (
    EmptyFileError,
    FileTooLargeError,
    IngestError,
    NotARegularFileError,
    NotAReportError,
    UnsupportedFormatError,
)
from index.model import Report
from index.readers.doc import OLE_MAGIC
from index.readers.text import parse_text

# (path, bytes, max_bytes): a reader that unpacks (a .docx is a zip) holds what it unpacks
# to the same limit as the file itself.
Reader = Callable[[Path, bytes, int], Report]
_READ_CHUNK = 1 << 20
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check must not block
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = (
    (stat.S_ISDIR, "một thư mục"),
    (stat.S_ISFIFO, "một ống dẫn có tên (FIFO)"),
    (stat.S_ISCHR, "một thiết bị ký tự (character device)"),
    (stat.S_ISBLK, "một thiết bị khối (block device)"),
    (stat.S_ISSOCK, "một socket"),
)


def _as_is(read: Callable[[Path, bytes], Report]) -> Reader:
    """A reader that unpacks nothing, so it has no limit of its own to apply."""
    return lambda path, data, _max_bytes: read(path, data)


def _readers() -> dict[str, Reader]:
    readers: dict[str, Reader] = {".txt": _as_is(parse_text), ".md": _as_is(parse_text)}
    try:
        from index.readers.docx import parse_docx

        readers[".docx"] = parse_docx
    except ImportError:  # pragma: no cover - the reader ships with the package
        pass
    try:
        from index.readers.pdf import parse_pdf

        readers[".pdf"] = parse_pdf  # its streams inflate to the file's limit at most
    except ImportError:  # pragma: no cover
        pass
    try:
        from index.readers.ocr import SUFFIXES, parse_image

        readers.update(dict.fromkeys(SUFFIXES, _as_is(parse_image)))  # scans, through OCR
    except ImportError:  # pragma: no cover - Pillow ships with pdfplumber
        pass
    try:
        from index.readers.doc import parse_doc

        readers[".doc"] = parse_doc
    except ImportError:  # pragma: no cover
        pass
    return readers


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_readers()))


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise FileTooLargeError(
            path,
            f"tệp {size / 2**20:.1f} MB vượt giới hạn {max_bytes / 2**20:g} MB "
            "(ASSISTANT_MAX_FILE_MB). Hãy tách báo cáo hoặc nâng giới hạn.",
        )


def format_of(path: Path, data: bytes) -> str:
    """The reader's suffix for what the bytes are, whatever the name says: a Word 97-2003
    file named .docx, or a .docx named .doc, is told by its signature. The one place a
    format is sniffed: no reader hands a file to another."""
    suffix = path.suffix.lower()
    if suffix in (".doc", ".docx"):
        if data[:8] == OLE_MAGIC:
            return ".doc"
        if zipfile.is_zipfile(io.BytesIO(data)):
            return ".docx"
    return suffix


def parse_bytes(path: Path, data: bytes, max_bytes: int) -> Report:
    """Parse one file's bytes. Raises an IngestError naming the file on anything wrong."""
    suffix = format_of(path, data)
    readers = _readers()
    if suffix not in readers:
        raise UnsupportedFormatError(
            path,
            f"định dạng '{suffix or '(không đuôi)'}' chưa được hỗ trợ; "
            f"hãy dùng một trong: {', '.join(sorted(readers))}.",
        )
    _check_size(path, len(data), max_bytes)
    if not data.strip():
        raise EmptyFileError(path, "tệp rỗng, không có nội dung để lập chỉ mục.")
    try:
        report = readers[suffix](path, data, max_bytes)
    except IngestError:
        raise
    except Exception as e:  # a reader library failing on a malformed file
        raise NotAReportError(
            path, f"không đọc được tệp ({type(e).__name__}: {e}). Tệp có thể bị hỏng."
        ) from e
    if not any(p.text.strip() for p in report.paragraphs):
        raise EmptyFileError(path, "không tìm thấy đoạn văn nào trong tệp.")
    return report


def _refuse_special(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "một loại tệp đặc biệt")
    where = f"'{path.name}'"
    try:
        target = path.resolve()
        if target != path.absolute():
            where += f" (trỏ tới '{target}')"
    except (OSError, RuntimeError):  # a symlink loop; the name alone will do
        pass
    raise NotARegularFileError(
        path,
        f"{where} là {kind}, không phải tệp thông thường; không đọc (đọc có thể bị treo "
        "hoặc không bao giờ dừng). Hãy chọn đúng tệp báo cáo lưu trên đĩa.",
    )


def _read_at_most(path: Path, fd: int, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes: one more than the limit proves the file too large,
    whatever its size said (a growing file, /proc, a size that lies)."""
    buf = bytearray()
    while len(buf) <= max_bytes:
        chunk = os.read(fd, min(_READ_CHUNK, max_bytes + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
    raise FileTooLargeError(
        path,
        f"tệp lớn hơn giới hạn {max_bytes / 2**20:g} MB (ASSISTANT_MAX_FILE_MB) khi đọc, dù "
        "kích thước ghi trên đĩa nhỏ hơn (tệp đang được ghi thêm hoặc là tệp đặc biệt). "
        "Hãy nạp lại khi tệp đã hoàn tất, tách báo cáo hoặc nâng giới hạn.",
    )


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, refusing before reading anything too large into memory.
    What the path points at is checked before it is opened (a FIFO blocks, /dev/zero never
    ends), again after (it may have been swapped), and the read stops past the limit."""
    path = Path(path)
    try:
        st = os.stat(path)
    except OSError as e:
        raise IngestError(path, f"không mở được tệp: {e.strerror}.") from e
    _refuse_special(path, st.st_mode)
    _check_size(path, st.st_size, max_bytes)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise IngestError(path, f"không mở được tệp: {e.strerror}.") from e
    try:
        _refuse_special(path, os.fstat(fd).st_mode)
        return _read_at_most(path, fd, max_bytes)
    except OSError as e:
        raise IngestError(path, f"không đọc được tệp: {e.strerror}.") from e
    finally:
        os.close(fd)

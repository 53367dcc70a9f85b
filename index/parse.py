"""file → Report: pick the reader by extension, after the checks every file gets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from index.errors import (
    EmptyFileError,
    FileTooLargeError,
    IngestError,
    NotAReportError,
    UnsupportedFormatError,
)
from index.model import Report
from index.parse_text import parse_text

Reader = Callable[[Path, bytes], Report]


def _readers() -> dict[str, Reader]:
    readers: dict[str, Reader] = {".txt": parse_text, ".md": parse_text}
    try:
        from index.parse_docx import parse_docx

        readers[".docx"] = parse_docx
    except ImportError:  # pragma: no cover - the reader ships with the package
        pass
    try:
        from index.parse_pdf import parse_pdf

        readers[".pdf"] = parse_pdf
    except ImportError:  # pragma: no cover
        pass
    try:
        from index.parse_doc import parse_doc

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


def parse_bytes(path: Path, data: bytes, max_bytes: int) -> Report:
    """Parse one file's bytes. Raises an IngestError naming the file on anything wrong."""
    suffix = path.suffix.lower()
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
        report = readers[suffix](path, data)
    except IngestError:
        raise
    except Exception as e:  # a reader library failing on a malformed file
        raise NotAReportError(
            path, f"không đọc được tệp ({type(e).__name__}: {e}). Tệp có thể bị hỏng."
        ) from e
    if not any(p.text.strip() for p in report.paragraphs):
        raise EmptyFileError(path, "không tìm thấy đoạn văn nào trong tệp.")
    return report


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing before reading anything too large into memory."""
    try:
        _check_size(path, path.stat().st_size, max_bytes)
        return path.read_bytes()
    except OSError as e:
        raise IngestError(path, f"không mở được tệp: {e.strerror}.") from e

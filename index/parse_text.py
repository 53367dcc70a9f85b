"""Plain-text and Markdown reports (often converted from PDF)."""

from __future__ import annotations

from pathlib import Path

from index import legacy
from index.errors import EncodingError, NotAReportError
from index.model import Report
from index.structure import build_report, split_text_blocks


def decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with
    a message rather than indexed as mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise EncodingError(path, "tệp UTF-16 bị hỏng, không đọc được.") from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if _binary(data):
            raise NotAReportError(
                path, "tệp chứa dữ liệu nhị phân, không phải văn bản báo cáo."
            ) from e
        latin = data.decode("latin-1")
        enc = legacy.detect_legacy(latin)
        if enc:
            return legacy.to_unicode(latin, enc)
        raise EncodingError(
            path,
            "tệp không phải UTF-8 (có thể là mã cũ TCVN3/VNI hoặc Windows-1258). "
            "Hãy lưu lại tệp với mã hóa UTF-8 (Unicode) rồi nạp lại.",
        ) from e
    if _binary(data):
        raise NotAReportError(path, "tệp chứa dữ liệu nhị phân, không phải văn bản báo cáo.")
    return text


def _binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls / len(sample) > 0.01


def parse_text(path: Path, data: bytes) -> Report:
    blocks = split_text_blocks(decode(path, data))
    for b in blocks:  # UTF-8 text pasted from a .VnTime / VNI-Times document
        enc = legacy.detect_legacy(b.text)
        if enc:
            b.text = legacy.to_unicode(b.text, enc)
    return build_report(path.name, blocks)

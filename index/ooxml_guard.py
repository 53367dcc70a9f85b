"""Checks on a .docx package (a zip of XML parts) before anything in it is parsed.

A small .docx can unpack to gigabytes (a zip bomb), its headers can understate what a
part really inflates to, and an XML part can declare entities that expand exponentially
("billion laughs"). `check_package` inflates every part once, in small pieces, against
the same budget as the file size limit, and scans every XML part for DOCTYPE/ENTITY
declarations; the reader that follows only ever sees a package known to be small and
plain. `safe_xml` is the second guard for the parts the reader parses itself.
"""

from __future__ import annotations

import copy
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from index.errors import CorruptFileError, FileTooLargeError, UnsafeFileError

DEFAULT_MAX_BYTES = 50 * 2**20  # ASSISTANT_MAX_FILE_MB's default, for callers without one
MAX_PARTS = 10_000  # a long report with many images has a few hundred
_CHUNK = 1 << 16
# Declarations in any encoding an XML part may use without an encoding declaration.
_DECLARATIONS = tuple(
    tag.encode(enc)
    for tag in ("<!doctype", "<!entity")
    for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_OVERLAP = max(map(len, _DECLARATIONS)) - 1


def is_xml_part(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def _limit(max_bytes: int) -> str:
    return f"{max_bytes / 2**20:g} MB (ASSISTANT_MAX_FILE_MB)"


def unsafe_message(part: str) -> str:
    return (
        f"tệp .docx chứa khai báo DOCTYPE/ENTITY trong XML (phần '{part}'; có thể là tệp "
        "độc hại kiểu 'billion laughs'); không đọc. Nếu tệp đáng tin cậy, hãy mở bằng "
        "Word, lưu lại dưới dạng .docx rồi nạp lại."
    )


def _damaged(path: Path, part: str) -> CorruptFileError:
    return CorruptFileError(
        path,
        f"tệp .docx bị hỏng (phần '{part}' bị lỗi dữ liệu). Hãy mở bằng Word để sửa "
        "(Word sẽ đề nghị khôi phục), lưu lại rồi nạp lại.",
    )


def check_package(path: Path, zf: zipfile.ZipFile, max_bytes: int) -> None:
    """Refuse a package that unpacks to more than max_bytes (as declared, then as really
    inflated), has a damaged part, or declares a DOCTYPE/ENTITY in an XML part."""
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > MAX_PARTS:
        raise FileTooLargeError(
            path,
            f"tệp .docx gồm {len(infos)} phần, quá {MAX_PARTS} phần mà một văn bản Word có "
            "thể có (có thể là tệp nén độc hại); không đọc.",
        )
    declared = sum(i.file_size for i in infos)
    if declared > max_bytes:
        raise FileTooLargeError(
            path,
            f"tệp .docx khi giải nén ra {_mb(declared)}, vượt giới hạn {_limit(max_bytes)}; "
            "có thể là tệp nén độc hại (zip bomb). Hãy kiểm tra lại tệp, tách báo cáo hoặc "
            "nâng giới hạn.",
        )
    used = 0
    for info in infos:
        used += _inflate(path, zf, info, max_bytes - used, max_bytes)


def _inflate(
    path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, max_bytes: int
) -> int:
    """Inflate one part in pieces, counting what really comes out; its size in bytes."""
    probe = copy.copy(info)
    probe.file_size = budget + 1  # read what is there, not what the header claims
    del probe.CRC  # checked below, once the real size is known
    xml = is_xml_part(info.filename)
    total = crc = 0
    tail = b""
    try:
        with zf.open(probe) as part:
            while chunk := part.read(_CHUNK):
                total += len(chunk)
                if total > budget:
                    raise FileTooLargeError(
                        path,
                        f"tệp .docx khi giải nén ra hơn {_limit(max_bytes)}: phần "
                        f"'{info.filename}' lớn hơn kích thước ghi trong tệp (có thể là tệp "
                        "nén độc hại, zip bomb); không đọc.",
                    )
                crc = zlib.crc32(chunk, crc)
                if xml:
                    window = tail + chunk.lower()
                    if any(d in window for d in _DECLARATIONS):
                        raise UnsafeFileError(path, unsafe_message(info.filename))
                    tail = window[-_OVERLAP:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as e:
        # RuntimeError: an encrypted part; NotImplementedError: a method Word never writes
        raise _damaged(path, info.filename) from e
    if total != info.file_size or crc != info.CRC:
        raise _damaged(path, info.filename)
    return total


def safe_xml(path: Path, part: str, blob: bytes) -> etree._Element:
    """Parse one XML part with entities and DTDs off; a declaration is refused, not
    silently dropped. Raises etree.XMLSyntaxError on malformed XML."""
    head = blob.lower()
    if any(d in head for d in _DECLARATIONS):
        raise UnsafeFileError(path, unsafe_message(part))
    parser = etree.XMLParser(  # one per call: lxml parsers are not shared across threads
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    return etree.fromstring(blob, parser)

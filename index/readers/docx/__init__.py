"""Word .docx reports → Blocks → Report.

python-docx opens the package; the body is walked as XML so that paragraphs, tables, text
boxes, footnote references and legacy-font runs come out in document order. Real Word
footnotes (word/footnotes.xml) become footnote blocks, and each reference becomes a
superscript-digit marker in the paragraph text, numbered as Word displays them.
Everything about the report's structure is left to `build_report`.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from index import ooxml_guard
from index.errors import CorruptFileError, NotAReportError
from index.model import Report
from index.readers.docx.notes import _note_bodies, _number_notes, _related_xml
from index.readers.docx.numbering import _Numbering
from index.readers.docx.reader import _Reader
from index.readers.docx.styles import _Styles
from index.readers.docx.xml import RT_ENDNOTES, RT_FOOTNOTES, RT_NUMBERING
from index.readers.text import bound_blocks
from index.structure import Block, build_report, clean


def _open(path: Path, data: bytes, max_bytes: int):  # -> docx.Document
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    head = data[:1024].lstrip()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        low = head.lower()
        if low.startswith(b"{\\rtf"):
            raise CorruptFileError(
                path,
                "tệp có đuôi .docx nhưng thực chất là định dạng RTF. Hãy mở bằng Word/LibreOffice "
                "và lưu lại dưới dạng Word (.docx) rồi nạp lại.",
            )
        if low.startswith((b"<!doctype html", b"<html", b"<?xml", b"<")):
            raise NotAReportError(
                path,
                "tệp có đuôi .docx nhưng thực chất là trang HTML/XML (thường do tải về từ "
                "cổng thông tin bị lỗi). Hãy tải lại văn bản gốc hoặc lưu lại dạng .docx.",
            )
        raise CorruptFileError(
            path,
            "tệp .docx bị hỏng hoặc bị cắt cụt (không phải tệp nén ZIP hợp lệ). Hãy mở tệp "
            "bằng Microsoft Word hoặc LibreOffice, lưu lại dưới dạng .docx rồi nạp lại; nếu tệp "
            "tải về từ thư điện tử hay cổng thông tin, hãy tải lại.",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "[Content_Types].xml" not in names:
                raise CorruptFileError(
                    path,
                    "tệp nén không phải văn bản Word (thiếu [Content_Types].xml). Hãy kiểm tra "
                    "lại tệp, mở bằng Word và lưu lại dạng .docx.",
                )
            if not any(n.startswith("word/") for n in names):
                raise NotAReportError(
                    path,
                    "tệp không phải văn bản Word (có thể là Excel/PowerPoint hoặc tệp nén khác "
                    "bị đổi đuôi). Hãy nạp đúng tệp báo cáo .docx.",
                )
            # Sizes, damage and DOCTYPE/ENTITY declarations, before python-docx reads a part.
            ooxml_guard.check_package(path, zf, max_bytes)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
        raise CorruptFileError(
            path,
            f"tệp .docx bị hỏng hoặc bị cắt cụt ({e}). Hãy mở bằng Word/LibreOffice, lưu lại "
            "dưới dạng .docx rồi nạp lại, hoặc tải lại tệp gốc.",
        ) from e
    try:
        return docx.Document(io.BytesIO(data))
    except KeyError as e:
        raise CorruptFileError(
            path,
            "tệp .docx thiếu phần nội dung chính (word/document.xml) — tệp bị hỏng hoặc được "
            "tạo dở dang. Hãy mở bằng Word/LibreOffice, lưu lại dưới dạng .docx rồi nạp lại.",
        ) from e
    except ValueError as e:
        raise NotAReportError(
            path,
            f"tệp không phải văn bản Word ({e}). Có thể là tệp Excel/PowerPoint hoặc mẫu "
            "(.dotx) bị đổi đuôi; hãy lưu văn bản dưới dạng .docx rồi nạp lại.",
        ) from e
    except (PackageNotFoundError, etree.XMLSyntaxError, zipfile.BadZipFile) as e:
        raise CorruptFileError(
            path,
            f"tệp .docx bị hỏng, không đọc được nội dung ({type(e).__name__}). Hãy mở bằng "
            "Word/LibreOffice, lưu lại dưới dạng .docx rồi nạp lại.",
        ) from e


def parse_docx(path: Path, data: bytes, max_bytes: int = ooxml_guard.DEFAULT_MAX_BYTES) -> Report:
    """`max_bytes` bounds what the package unpacks to, as it bounds the file's size."""
    doc = _open(path, data, max_bytes)
    body = doc.element.body
    styles = _Styles(doc.styles.element)
    numbering = _Numbering(_related_xml(path, doc, RT_NUMBERING))
    foot_root = _related_xml(path, doc, RT_FOOTNOTES)
    end_root = _related_xml(path, doc, RT_ENDNOTES)
    footnotes = _note_bodies(foot_root, "footnote")
    endnotes = _note_bodies(end_root, "endnote")
    numbers = _number_notes(body, footnotes, endnotes)
    reader = _Reader(styles=styles, numbering=numbering, note_numbers=numbers)
    blocks = list(reader.body(body))
    blocks.extend(reader.deferred)
    for (kind, nid), number in sorted(numbers.items(), key=lambda kv: kv[1]):
        note = (footnotes if kind == "footnote" else endnotes).get(nid)
        if note is None:
            continue
        saved = list(reader.recent)
        parts = [clean(b.text) for b in reader.body(note)]
        reader.recent = saved
        text = " ".join(p for p in parts if p)
        if text:
            blocks.append(Block(text=text, kind="footnote", footnote=number))
    report = build_report(path.name, bound_blocks(blocks))
    if reader.legacy_runs:
        report = dataclasses.replace(
            report,
            warnings=(
                *report.warnings,
                "văn bản gõ bằng phông chữ mã cũ (TCVN3/ABC hoặc VNI); nội dung đã được chuyển "
                "sang "
                "Unicode — nên kiểm tra lại các chữ hoa có dấu",
            ),
        )
    return report

"""Opening a PDF: its signature, encryption and a damaged file, each with a message a
user can act on."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from index.errors import CorruptFileError, MissingToolError, NotAReportError


def _check_signature(path: Path, data: bytes) -> None:
    head = data[:1024]
    if b"%PDF-" in head:
        return
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<")) or (
        b"<html" in low
    ):
        raise NotAReportError(
            path,
            "tệp có đuôi .pdf nhưng thực chất là trang web (HTML), thường do tải về từ cổng "
            "thông tin bị lỗi hoặc cần đăng nhập. Hãy tải lại đúng tệp PDF của báo cáo.",
        )
    if data[:4] == b"PK\x03\x04":
        raise CorruptFileError(
            path,
            "tệp có đuôi .pdf nhưng thực chất là tệp nén (ZIP/Word .docx). Hãy đổi lại đúng "
            "đuôi tệp hoặc xuất báo cáo ra PDF rồi nạp lại.",
        )
    raise CorruptFileError(
        path,
        "tệp không phải PDF hợp lệ (thiếu phần đầu '%PDF'), có thể bị hỏng hoặc bị đổi đuôi. "
        "Hãy tải lại hoặc xuất lại báo cáo ra PDF.",
    )


def _password_error(path: Path) -> CorruptFileError:
    return CorruptFileError(
        path,
        "tệp PDF được bảo vệ bằng mật khẩu (password-protected), không đọc được nội dung. "
        "Hãy mở bằng mật khẩu và lưu (in) ra bản PDF không mật khẩu rồi nạp lại.",
    )


def _check_encryption(path: Path, data: bytes):
    """The file as pypdf reads it (opened with no password when it has one), or None when
    pypdf cannot read it; raises when a password is needed. The reader is handed on to
    guard.check_streams, so the file is parsed by pypdf once."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception:  # damaged: pdfplumber gets its own chance and reports the damage
        return None
    if not encrypted:
        return reader
    try:
        ok = reader.decrypt("")
    except Exception as e:  # unsupported algorithm, missing crypto provider
        raise _password_error(path) from e
    if not ok:
        raise _password_error(path)
    return reader


def _open(path: Path, data: bytes):
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError as e:
        raise MissingToolError(
            path,
            "đọc PDF cần thư viện pdfplumber nhưng chưa được cài. Hãy cài: "
            "pip install 'pdfplumber>=0.11' rồi nạp lại.",
        ) from e

    # A damaged file makes pdfminer log a warning per bad operator; the user gets one
    # clear message (or the text) instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password="")
        _ = pdf.pages  # forces the page tree to be read
        return pdf
    except PDFPasswordIncorrect as e:
        raise _password_error(path) from e
    except Exception as e:  # pdfminer raises many kinds on damaged files
        if "password" in str(e).lower() or "encrypt" in type(e).__name__.lower():
            raise _password_error(path) from e
        raise CorruptFileError(
            path,
            f"tệp PDF bị hỏng, không đọc được ({type(e).__name__}). Hãy tải lại hoặc mở bằng "
            "trình đọc PDF rồi in/xuất lại ra PDF mới.",
        ) from e

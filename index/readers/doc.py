"""Legacy Word 97-2003 (.doc) reports, read through an installed converter.

LibreOffice (`soffice --headless --convert-to docx`) is preferred: the converted .docx
keeps tables, footnotes and fonts, so `parse_docx` reads it like any other Word file
(including TCVN3/VNI runs by their font). Without LibreOffice, `antiword` or `catdoc`
give plain text, cut into blocks the same way as a .txt report. With none of them
installed the file is refused with a message naming what to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from index import legacy
from index.errors import CorruptFileError, FileTooLargeError, IngestError, MissingToolError
from index.letterhead import CLOSING_RE, LETTERHEAD_RE
from index.model import Report
from index.ooxml_guard import DEFAULT_MAX_BYTES
from index.readers.docx import parse_docx
from index.readers.tables import table_blocks
from index.structure import Block, build_report

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT_TIMEOUT = 180  # seconds; the first LibreOffice start builds its profile


def available_tools() -> dict[str, str]:
    """Converters found on PATH: {"libreoffice": path, "antiword": path, "catdoc": path}."""
    found = {}
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office:
        found["libreoffice"] = office
    for tool in ("antiword", "catdoc"):
        exe = shutil.which(tool)
        if exe:
            found[tool] = exe
    return found


def _libreoffice_to_docx(path: Path, exe: str, data: bytes, max_bytes: int) -> bytes | None:
    with tempfile.TemporaryDirectory(prefix="doc2docx-") as tmp:
        src = Path(tmp, "in.doc")
        src.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()  # a private profile: runs never collide
        cmd = [
            exe,
            "--headless",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(src),
        ]
        env = {**os.environ, "HOME": tmp}
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, env=env, check=False)
        except (subprocess.TimeoutExpired, OSError):
            return None
        out = Path(tmp, "in.docx")
        size = out.stat().st_size if out.exists() else 0
        if size > max_bytes:
            raise FileTooLargeError(
                path,
                f"tệp sau khi chuyển sang .docx lớn {size / 2**20:.1f} MB, vượt giới hạn "
                f"{max_bytes / 2**20:g} MB (ASSISTANT_MAX_FILE_MB). Hãy tách báo cáo hoặc "
                "nâng giới hạn.",
            )
        return out.read_bytes() if size else None


def _text_tool(tool: str, exe: str, data: bytes) -> tuple[str | None, str]:
    """(text, error output) from antiword / catdoc."""
    with tempfile.TemporaryDirectory(prefix="doc2txt-") as tmp:
        src = Path(tmp, "in.doc")
        src.write_bytes(data)
        if tool == "antiword":
            cmd = [exe, "-m", "UTF-8.txt", "-w", "0", str(src)]
        else:
            cmd = [exe, "-d", "utf-8", "-w", str(src)]
        try:
            res = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except (subprocess.TimeoutExpired, OSError) as e:
            return None, str(e)
        err = res.stderr.decode("utf-8", "replace").strip()
        if res.returncode != 0 or not res.stdout.strip():
            return None, err
        return res.stdout.decode("utf-8", "replace"), err


_NOTE_RE = re.compile(r"^\[(\d{1,3})\]\s*(.*)$")


def _unlegacy(text: str) -> str:
    return legacy.convert_if_legacy(text)[0]


def _table(rows: list[list[str]], context: str) -> list[Block]:
    """An antiword table ("|a |b |" lines): the header/signature layout table as plain
    blocks, column by column; a data table as table blocks."""
    rows = [[_unlegacy(c) for c in r] for r in rows]
    ncols = max(len(r) for r in rows)
    joined = "\n".join(c for r in rows for c in r if c)
    if (
        ncols <= 3
        and len(rows) <= 8
        and (LETTERHEAD_RE.search(joined) or CLOSING_RE.search(joined))
    ):
        return [Block(text=r[c]) for c in range(ncols) for r in rows if c < len(r) and r[c]]
    return table_blocks([list(r) for r in rows], context=context)


def _text_blocks(text: str) -> list[Block]:
    """antiword/catdoc text → blocks. With these options the tools do not wrap, so a line
    is a paragraph; antiword draws tables with "|" and prints footnotes at the end as
    "[n] text" after a rule, with "[n]" markers in the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rule = next((k for k, ln in enumerate(lines) if re.fullmatch(r"\s*-{10,}\s*", ln)), None)
    notes: list[Block] = []
    if rule is not None:
        for ln in lines[rule + 1 :]:
            s = ln.strip()
            m = _NOTE_RE.match(s)
            if m:
                notes.append(
                    Block(text=_unlegacy(m.group(2)), kind="footnote", footnote=int(m.group(1)))
                )
            elif s and notes:
                notes[-1].text = f"{notes[-1].text} {_unlegacy(s)}"
        lines = lines[:rule]
    numbers = {b.footnote for b in notes}

    def marker(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in numbers:
            return m.group(0)
        return "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[int(d)] for d in str(n))

    blocks: list[Block] = []
    last_text = ""
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith("|") and s.endswith("|") and len(s) > 1:
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append([c.strip() for c in lines[i].strip()[1:-1].split("|")])
                i += 1
            blocks.extend(_table(rows, last_text if len(last_text) <= 200 else ""))
            continue
        if "\t" in s:  # catdoc separates table cells (and layout columns) with tabs
            rows = []
            while i < len(lines) and "\t" in lines[i].strip():
                rows.append([c.strip() for c in lines[i].strip().split("\t")])
                i += 1
            blocks.extend(_table(rows, last_text if len(last_text) <= 200 else ""))
            continue
        i += 1
        if not s:
            continue
        s = re.sub(r"\[(\d{1,3})\]", marker, _unlegacy(s))
        blocks.append(Block(text=s))
        last_text = s
    return blocks + notes


def parse_doc(path: Path, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """`max_bytes` bounds a .docx in disguise, or LibreOffice's output, as it bounds the file."""
    if data[:8] != OLE_MAGIC:  # (a .docx named .doc goes to its reader: index/parse.py)
        if data.lstrip()[:5].lower() == b"{\\rtf":
            tools = available_tools()
            if "libreoffice" in tools:
                converted = _libreoffice_to_docx(path, tools["libreoffice"], data, max_bytes)
                if converted:
                    return parse_docx(path, converted, max_bytes)
            raise CorruptFileError(
                path,
                "tệp có đuôi .doc nhưng thực chất là RTF. Hãy mở bằng Word/LibreOffice và lưu "
                "lại dưới dạng .docx rồi nạp lại.",
            )
        raise CorruptFileError(
            path,
            "tệp không phải văn bản Word 97-2003 (.doc) hợp lệ — có thể bị hỏng hoặc bị đổi "
            "đuôi. Hãy mở bằng Word/LibreOffice, lưu lại dưới dạng .docx rồi nạp lại.",
        )
    if "EncryptionInfo".encode("utf-16-le") in data[:2_000_000]:
        raise CorruptFileError(
            path,
            "tệp Word được đặt mật khẩu (mã hóa), không đọc được nội dung. Hãy gỡ mật khẩu, "
            "lưu lại rồi nạp lại.",
        )
    tools = available_tools()
    if not tools:
        raise MissingToolError(
            path,
            "tệp Word 97-2003 (.doc) cần công cụ chuyển đổi nhưng máy chưa cài. Hãy cài "
            "LibreOffice (apt-get install libreoffice-writer-nogui) hoặc antiword "
            "(apt-get install antiword), hoặc mở tệp bằng Word và lưu lại dưới dạng .docx.",
        )
    if "libreoffice" in tools:
        converted = _libreoffice_to_docx(path, tools["libreoffice"], data, max_bytes)
        if converted:
            try:
                return parse_docx(path, converted, max_bytes)
            except IngestError:
                pass  # fall through to the text tools
    errors = []
    for tool in ("antiword", "catdoc"):
        if tool not in tools:
            continue
        text, err = _text_tool(tool, tools[tool], data)
        if text:
            return build_report(path.name, _text_blocks(text))
        errors.append(f"{tool}: {err or 'không có nội dung'}")
        if "encrypt" in (err or "").lower() or "password" in (err or "").lower():
            raise CorruptFileError(
                path, "tệp Word được đặt mật khẩu, không đọc được. Hãy gỡ mật khẩu rồi nạp lại."
            )
    detail = "; ".join(errors) or "LibreOffice không chuyển đổi được"
    raise CorruptFileError(
        path,
        f"không đọc được tệp Word 97-2003 ({detail[:200]}). Tệp có thể bị hỏng; hãy mở bằng "
        "Word/LibreOffice, lưu lại dưới dạng .docx rồi nạp lại.",
    )

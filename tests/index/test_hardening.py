"""Readers give bounded time and memory for any input and a clear message naming the file:
special files, .docx zip bombs and DOCTYPE/ENTITY declarations, text in other encodings
than UTF-8, and a whole report on one line. Assertions are on behaviour, never on time."""

from __future__ import annotations

import io
import os
import re
import socket
import struct
import threading
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import SAMPLE_FILES

from index import errors, legacy, ooxml_guard
from index import parse as parse_mod
from index.chunk import chunk_report
from index.legacy import to_cp1258
from index.model import Report
from index.parse import parse_bytes, read_file
from index.readers.docx import parse_docx

MAX = 50 * 2**20
MB = 2**20


# ---- 1. special files -------------------------------------------------------------------


def _in_thread(fifo: Path, call) -> BaseException | object:
    """Run `call`; if it blocks on the FIFO, open the writing end so it returns, and fail."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = call()
        except BaseException as e:
            box["result"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(30)  # a hang guard only: the call must not block at all
    if t.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        t.join()
        pytest.fail("read_file blocked on a FIFO")
    return box["result"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    result = _in_thread(fifo, lambda: read_file(fifo, MAX))
    assert isinstance(result, errors.NotARegularFileError)
    assert "ong.txt" in str(result)
    assert "FIFO" in result.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_link_to_dev_zero_is_refused_naming_the_target(tmp_path: Path) -> None:
    link = tmp_path / "x.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(errors.NotARegularFileError) as info:
        read_file(link, MAX)
    assert "x.txt" in str(info.value)
    assert "/dev/zero" in info.value.message
    assert "thiết bị ký tự" in info.value.message


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bao-cao.txt"
    folder.mkdir()
    with pytest.raises(errors.NotARegularFileError, match="thư mục") as info:
        read_file(folder, MAX)
    assert "bao-cao.txt" in str(info.value)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        with pytest.raises(errors.NotARegularFileError, match="socket"):
            read_file(path, MAX)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_swapped_in_after_the_check_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path is a regular file when checked and a FIFO when opened: O_NONBLOCK lets the
    open return, and the check on the open file refuses it."""
    fifo = tmp_path / "doi.txt"
    os.mkfifo(fifo)
    regular = tmp_path / "thuong.txt"
    regular.write_text("báo cáo")
    real_stat = os.stat

    def stat(p, *args, **kwargs):
        return real_stat(regular) if Path(p) == fifo else real_stat(p, *args, **kwargs)

    monkeypatch.setattr(parse_mod.os, "stat", stat)
    result = _in_thread(fifo, lambda: read_file(fifo, MAX))
    assert isinstance(result, errors.NotARegularFileError)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_file_larger_than_its_size_says_is_refused_while_reading(tmp_path: Path) -> None:
    """/proc files report size 0 and have content, as a growing file outruns its size."""
    link = tmp_path / "lon-dan.txt"
    link.symlink_to("/proc/self/status")
    assert link.stat().st_size == 0
    with pytest.raises(errors.FileTooLargeError) as info:
        read_file(link, max_bytes=64)
    assert "lon-dan.txt" in str(info.value)
    assert "khi đọc" in info.value.message
    assert b"Name:" in read_file(link, MAX)  # under the limit it is read whole


# ---- 2. .docx zip bombs -----------------------------------------------------------------


def _template() -> dict[str, bytes]:
    d = docx.Document()
    d.add_paragraph("Số: 12/BC-UBND")
    d.add_paragraph("Lũy kế thu NSNN 312.640 triệu đồng, đạt 84,6% dự toán năm.")
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


TEMPLATE = _template()


def _package(parts: dict[str, bytes], zeros: tuple[str, int] | None = None) -> bytes:
    """A .docx of `parts`, plus a member of `zeros[1]` zero bytes written in pieces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        if zeros:
            with zf.open(zeros[0], "w") as f:
                for _ in range(zeros[1] // MB):
                    f.write(bytes(MB))
    return buf.getvalue()


def _understate(data: bytes, name: str, size: int) -> bytes:
    """The same zip with `name`'s uncompressed size written as `size` in both headers."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    out[info.header_offset + 22 : info.header_offset + 26] = struct.pack("<I", size)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        n = struct.unpack("<H", out[at + 28 : at + 30])[0]
        if out[at + 46 : at + 46 + n] == name.encode():
            out[at + 24 : at + 28] = struct.pack("<I", size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_zip_bomb_is_refused_by_its_declared_size() -> None:
    data = _package(TEMPLATE, ("word/media/image1.png", 64 * MB))
    assert len(data) < MB  # passes the file size check by far
    tracemalloc.start()
    try:
        with pytest.raises(errors.FileTooLargeError) as info:
            parse_bytes(Path("bom.docx"), data, MAX)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "bom.docx" in str(info.value)
    assert "giải nén ra 64.8 MB" in info.value.message  # the members' sizes added up
    assert "50 MB (ASSISTANT_MAX_FILE_MB)" in info.value.message
    assert peak < 8 * MB  # refused before anything was inflated


def test_zip_bomb_with_a_lying_header_is_stopped_at_the_limit() -> None:
    data = _understate(
        _package(TEMPLATE, ("word/media/image1.png", 24 * MB)), "word/media/image1.png", 1000
    )
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sum(i.file_size for i in zf.infolist()) < 2 * MB  # the headers say: small
    tracemalloc.start()
    try:
        with pytest.raises(errors.FileTooLargeError) as info:
            parse_docx(Path("noi-doi.docx"), data, max_bytes=8 * MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "word/media/image1.png" in info.value.message
    assert "lớn hơn kích thước ghi trong tệp" in info.value.message
    assert peak < 6 * MB  # inflated in small pieces, never held whole


def test_part_larger_than_its_header_within_the_limit_is_damaged() -> None:
    data = _understate(
        _package(TEMPLATE, ("word/media/image1.png", 2 * MB)), "word/media/image1.png", 1000
    )
    with pytest.raises(errors.CorruptFileError, match=re.escape("word/media/image1.png")):
        parse_docx(Path("sai.docx"), data, max_bytes=MAX)


def test_docx_bomb_named_doc_is_refused_too() -> None:
    data = _package(TEMPLATE, ("word/media/image1.png", 8 * MB))
    with pytest.raises(errors.FileTooLargeError, match="giải nén"):
        parse_bytes(Path("bom.doc"), data, 4 * MB)


def test_too_many_parts_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ooxml_guard, "MAX_PARTS", 40)
    parts = dict(TEMPLATE) | {f"word/media/p{k}.bin": b"x" for k in range(40)}
    with pytest.raises(errors.FileTooLargeError, match="quá 40 phần"):
        parse_docx(Path("nhieu.docx"), _package(parts))


def test_ordinary_docx_still_reads() -> None:
    report = parse_bytes(Path("bc.docx"), _package(TEMPLATE), MAX)
    assert any("312.640" in p.text for p in report.paragraphs)


# ---- 3. DOCTYPE / ENTITY declarations in XML parts -----------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{k} "{f"&lol{k - 1};" * 10}">' for k in range(1, 10)).replace(
        "&lol0;", "&lol;"
    )
    + "]>"
)


def _with_declaration(xml: bytes) -> bytes:
    decl, rest = xml.split(b"?>", 1)
    return decl + b"?>" + LAUGHS.split("?>", 1)[1].encode() + rest


def _footnotes(declared: bool) -> bytes:
    head = LAUGHS if declared else '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    body = f'<w:footnote w:id="1"><w:p><w:r><w:t>{"&lol9;" if declared else "x"}</w:t></w:r>'
    return f'{head}<w:footnotes xmlns:w="{W_NS}">{body}</w:p></w:footnote></w:footnotes>'.encode()


@pytest.mark.parametrize(
    "part",
    [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
    ],
)
def test_declaration_in_any_xml_part_is_refused(part: str) -> None:
    parts = dict(TEMPLATE)
    parts[part] = _with_declaration(parts[part])
    with pytest.raises(errors.UnsafeFileError) as info:
        parse_bytes(Path("doc-hai.docx"), _package(parts), MAX)
    assert "doc-hai.docx" in str(info.value)
    assert f"phần '{part}'" in info.value.message
    assert "DOCTYPE/ENTITY" in info.value.message and "billion laughs" in info.value.message


def test_billion_laughs_footnotes_are_refused_not_dropped() -> None:
    parts = dict(TEMPLATE) | {"word/footnotes.xml": _footnotes(declared=True)}
    with pytest.raises(errors.UnsafeFileError, match=re.escape("word/footnotes.xml")):
        parse_docx(Path("cuoi.docx"), _package(parts))


def test_declaration_in_utf16_xml_is_refused() -> None:
    parts = dict(TEMPLATE)
    xml = _with_declaration(parts["word/settings.xml"]).decode("utf-8")
    parts["word/settings.xml"] = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(
        "utf-16"
    )
    with pytest.raises(errors.UnsafeFileError, match=re.escape("word/settings.xml")):
        parse_docx(Path("utf16.docx"), _package(parts))


def test_safe_xml_refuses_declarations_and_reads_plain_parts() -> None:
    with pytest.raises(errors.UnsafeFileError):
        ooxml_guard.safe_xml(Path("a.docx"), "/word/footnotes.xml", _footnotes(declared=True))
    root = ooxml_guard.safe_xml(Path("a.docx"), "/word/footnotes.xml", _footnotes(False))
    assert root.tag == f"{{{W_NS}}}footnotes"


# ---- 4. encodings of .txt / .md -------------------------------------------------------------

TEXT = SAMPLE_FILES[0].read_text(encoding="utf-8")[:3000].rsplit("\n", 1)[0] + "\n"


def _essentials(r: Report) -> tuple:
    return r.meta.number, r.meta.date, r.meta.period, [s.path for s in r.sections]


@pytest.fixture(scope="module")
def utf8_report() -> Report:
    report = parse_bytes(Path("bc.txt"), TEXT.encode("utf-8"), MAX)
    assert report.meta.number == "912/BC-UBND" and report.sections
    assert report.warnings == ()  # the fast path says nothing
    return report


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (to_cp1258(TEXT), "Windows-1258 (cp1258)"),
        (TEXT.encode("utf-16-le"), "UTF-16 LE"),
        (TEXT.encode("utf-16-be"), "UTF-16 BE"),
        (legacy.from_unicode(TEXT, legacy.TCVN3).encode("latin-1"), "TCVN3"),
        (legacy.from_unicode(TEXT, legacy.VNI).encode("latin-1"), "VNI"),
    ],
    ids=["cp1258", "utf16le", "utf16be", "tcvn3", "vni"],
)
def test_other_encodings_are_read_with_a_warning(
    utf8_report: Report, data: bytes, named: str
) -> None:
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = parse_bytes(Path("bc.txt"), data, MAX)
    assert _essentials(report) == _essentials(utf8_report)
    assert [s.title.lower() for s in report.sections] == [
        s.title.lower() for s in utf8_report.sections
    ]
    notes = [w for w in report.warnings if "bảng mã" in w]
    assert len(notes) == 1 and named in notes[0]


def test_cp1258_text_is_nfc() -> None:
    report = parse_bytes(Path("bc.txt"), to_cp1258(TEXT), MAX)
    text = " ".join(p.text for p in report.paragraphs)
    assert text == unicodedata.normalize("NFC", text)
    assert "Ủy ban" in text or "thành phố" in text


def test_text_that_is_not_vietnamese_in_any_encoding_is_still_refused(tmp_path: Path) -> None:
    german = ("Größenverhältnisse über Straßenbäume schützen Gewässer. " * 40).encode("cp1252")
    with pytest.raises(errors.EncodingError, match="UTF-8") as info:
        parse_bytes(tmp_path / "de.txt", german, MAX)
    assert "de.txt" in str(info.value)


def test_syllable_share_tells_vietnamese_from_mojibake() -> None:
    right = legacy.syllable_share(TEXT)
    tcvn3_as_cp1258 = legacy.from_unicode(TEXT, legacy.TCVN3).encode("latin-1").decode("cp1258")
    assert right > 0.9
    assert legacy.syllable_share(tcvn3_as_cp1258) < 0.6
    assert legacy.is_syllable("người") and legacy.is_syllable("Quyết")
    assert not legacy.is_syllable("baùo") and not legacy.is_syllable("nh")


# ---- 5. a whole report on one line ----------------------------------------------------------

BODY = " ".join(line.strip() for line in SAMPLE_FILES[0].read_text("utf-8").splitlines())


def _one_line(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip() + " "
    return (text * (MB // len(text) + 1))[:MB]


def _chunks_of(line: str) -> tuple[Report, list]:
    report = parse_bytes(Path("mot-dong.txt"), line.encode("utf-8"), MAX)
    return report, chunk_report(report, "r", "v")


def _assert_bounded(report: Report, chunks: list, line: str) -> None:
    sizes = [len(c.text) for c in chunks if c.kind != "header"]
    assert len(sizes) >= len(line) // 1500
    assert max(sizes) <= 1500
    kept = sum(len(p.text) for p in report.paragraphs) + sum(len(f.text) for f in report.footnotes)
    assert kept >= 0.97 * len(line.strip())  # cut, not lost


def test_megabyte_line_of_sentences_is_cut_into_small_chunks() -> None:
    line = _one_line(BODY)
    report, chunks = _chunks_of(line)
    assert max(len(p.text) for p in report.paragraphs) <= 10_000  # bounded paragraphs
    _assert_bounded(report, chunks, line)


def test_megabyte_line_without_punctuation_is_cut_into_small_chunks() -> None:
    line = _one_line(re.sub(r"[.,;:!?…]", "", BODY))
    _assert_bounded(*_chunks_of(line), line)


def test_megabyte_lowercase_paragraph_is_cut_at_spaces() -> None:
    """Nothing to cut at but spaces: one long paragraph, chunked at spaces."""
    words = re.sub(r"[^\w ]|[\d²³¹⁰⁴-⁹]", "", BODY.lower())
    line = _one_line(words)
    report, chunks = _chunks_of(line)
    assert len(report.paragraphs) == 1
    _assert_bounded(report, chunks, line)
    assert all(c.text == c.text.strip() and not c.text.startswith(" ") for c in chunks)


def test_megabyte_without_spaces_is_hard_cut() -> None:
    line = "x" * MB
    _assert_bounded(*_chunks_of(line), line)

"""The .docx reader (and the legacy .doc reader, which converts to it): generated reports
with real Word footnotes, auto-numbered headings, header/signature layout tables, data
tables, text boxes; corrupt files; and the real Lâm Đồng reports in ../shared."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement

from index.errors import CorruptFileError, EmptyFileError, MissingToolError, NotAReportError
from index.parse import parse_bytes
from index.readers.doc import _text_blocks, _text_tool, available_tools, parse_doc
from index.readers.docx import parse_docx

SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL = SHARED / "corpus" / "real"
GENERATED = Path(__file__).resolve().parents[1] / "data" / "generated"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip()


# ------------------------------------------------------------------ fixture builder
def _footnote_ref(paragraph, note_id: int) -> None:
    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(note_id))
    run._r.append(ref)


def _footnotes_part(document, notes: dict[int, list[str]]) -> None:
    """word/footnotes.xml with the two separator notes Word always writes, related from
    the main document part."""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for nid, paras in notes.items():
        ps = []
        for k, text in enumerate(paras):
            mark = (
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="20"/></w:rPr>'
                "<w:footnoteRef/></w:r>"
                if k == 0
                else ""
            )
            ps.append(
                f'<w:p>{mark}<w:r><w:rPr><w:sz w:val="20"/></w:rPr>'
                f'<w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
            )
        body.append(f'<w:footnote w:id="{nid}">{"".join(ps)}</w:footnote>')
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
    xml += "".join(body) + "</w:footnotes>"
    part = Part(
        PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode("utf-8"), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def _numbering(document) -> str:
    """An outline list: level 0 "I.", level 1 "1." — numId 90."""
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2.%3."/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return "90"


def _numbered(document, text: str, ilvl: int, style: str | None = None):
    p = document.add_paragraph(text, style=style)
    ppr = p._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'
        )
    )
    return p


def _textbox(paragraph, text: str, fallback: bool = True) -> None:
    """A text box the way Word writes it: a DrawingML shape in mc:Choice and the same box
    as VML in mc:Fallback."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    xml = (
        f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        + (
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
            "</mc:Fallback>"
            if fallback
            else ""
        )
        + "</mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def _cell_paras(cell, lines: list[str]) -> None:
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def build_report_docx(big_table_rows: int = 30, auto_numbering: bool = True) -> bytes:
    """A monthly report. With auto_numbering=False the heading numbers are typed, as in
    most .doc reports (antiword does not print Word's list numbers)."""
    d = docx.Document()

    def heading(text: str, ilvl: int, label: str) -> None:
        style = f"Heading {ilvl + 1}"
        if auto_numbering:
            _numbered(d, text, ilvl, style=style)
        else:
            d.add_paragraph(f"{label} {text}", style=style)

    # Header: the usual borderless 2×2 table.
    head = d.add_table(rows=2, cols=2)
    _cell_paras(head.cell(0, 0), ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ SÔNG MAI"])
    _cell_paras(
        head.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    )
    _cell_paras(head.cell(1, 0), ["Số: 1015/BC-UBND"])
    _cell_paras(head.cell(1, 1), ["TP. Sông Mai, ngày 14 tháng 11 năm 2025"])
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Tình hình phát triển kinh tế - xã hội tháng 11/2025,")
    d.add_paragraph("nhiệm vụ công tác tháng 12/2025")
    _numbering(d)
    heading("KẾT QUẢ ĐẠT ĐƯỢC", 0, "I.")
    heading("Kinh tế", 1, "1.")
    p = d.add_paragraph("Tổng thu ngân sách nhà nước trên địa bàn ước đạt 412.305 triệu đồng")
    _footnote_ref(p, 7)  # ids out of order: Word numbers by order of reference
    p.add_run(", bằng 103,2% dự toán; thẩm định 15 công trình")
    _footnote_ref(p, 3)
    p.add_run(" đảm bảo tiến độ.")
    p = d.add_paragraph("Doanh thu bán lẻ hàng hóa")
    p.runs[0].add_break()  # a manual line break inside the paragraph
    p.add_run("ước đạt 1.234 tỷ đồng.")
    p = d.add_paragraph()
    _textbox(p, "Số liệu ước tính đến ngày 10/11/2025 (ghi trong khung).")
    d.add_paragraph("Bảng 1. Kết quả thu ngân sách theo lĩnh vực")
    t = d.add_table(rows=5, cols=4, style="Table Grid")
    t.cell(0, 0).merge(t.cell(1, 0)).text = "STT"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Lĩnh vực"
    t.cell(0, 2).merge(t.cell(0, 3)).text = "Tháng 11/2025"
    t.cell(1, 2).text = "Thực hiện (triệu đồng)"
    t.cell(1, 3).text = "So cùng kỳ (%)"
    for r, row in enumerate(
        [
            ("1", "Thuế ngoài quốc doanh", "120.500", "104,5"),
            ("2", "Tiền sử dụng đất", "210.000", "98,1"),
            ("", "Tổng cộng", "412.305", "103,2"),
        ],
        start=2,
    ):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    heading("Văn hóa - xã hội", 1, "2.")
    d.add_paragraph("Danh sách các trường đạt chuẩn quốc gia:")
    big = d.add_table(rows=big_table_rows + 1, cols=3, style="Table Grid")
    for c, v in enumerate(("STT", "Tên trường", "Năm đạt chuẩn")):
        big.cell(0, c).text = v
    for r in range(1, big_table_rows + 1):
        big.cell(r, 0).text = str(r)
        big.cell(r, 1).text = f"Trường Tiểu học số {r}"
        big.cell(r, 2).text = str(2000 + r)
    heading("NHIỆM VỤ THÁNG 12/2025", 0, "II.")
    d.add_paragraph("Tiếp tục tổ chức thực hiện các nhiệm vụ phát triển kinh tế - xã hội.")
    d.add_paragraph("Trên đây là báo cáo tình hình kinh tế - xã hội tháng 11/2025./.")
    sign = d.add_table(rows=1, cols=2)
    _cell_paras(sign.cell(0, 0), ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."])
    _cell_paras(sign.cell(0, 1), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Trần Minh Quân"])
    _footnotes_part(
        d,
        {
            3: ["Gồm: Trường Tiểu học Bà Triệu; Hồ Phai Loạn;", "- Chợ đầu mối nông sản."],
            7: ["Trong đó thu nội địa 398.120 triệu đồng."],
        },
    )
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def report_docx() -> bytes:
    return build_report_docx()


@pytest.fixture(scope="module")
def report(report_docx: bytes):
    return parse_docx(Path("songmai-11.docx"), report_docx)


# ------------------------------------------------------------------ generated report
def test_header_table_metadata(report) -> None:
    m = report.meta
    assert m.number == "1015/BC-UBND"
    assert m.date == "2025-11-14"
    assert m.place == "TP. Sông Mai"
    assert m.issuer.lower() == "ubnd thành phố sông mai"
    assert m.title == (
        "Tình hình phát triển kinh tế - xã hội tháng 11/2025, nhiệm vụ công tác tháng 12/2025"
    )
    assert m.period == "11/2025" and m.task_period == "12/2025"


def test_auto_numbered_headings(report) -> None:
    assert [(s.path, s.title, s.level) for s in report.sections] == [
        ("I", "KẾT QUẢ ĐẠT ĐƯỢC", 1),
        ("I.1", "Kinh tế", 2),
        ("I.2", "Văn hóa - xã hội", 2),
        ("II", "NHIỆM VỤ THÁNG 12/2025", 1),
    ]


def test_real_footnotes_numbered_by_reference_and_linked(report) -> None:
    para = next(p for p in report.paragraphs if p.text.startswith("Tổng thu ngân sách"))
    assert para.section == "I.1"
    assert para.text == (
        "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 412.305 triệu đồng¹, bằng 103,2% "
        "dự toán; thẩm định 15 công trình² đảm bảo tiến độ."
    )
    assert para.footnotes == (1, 2)
    f1, f2 = report.footnote(1), report.footnote(2)
    assert f1.text == "Trong đó thu nội địa 398.120 triệu đồng."
    assert f2.text == "Gồm: Trường Tiểu học Bà Triệu; Hồ Phai Loạn; - Chợ đầu mối nông sản."
    assert f1.paragraph == f2.paragraph == para.index
    assert f2.context.endswith("thẩm định 15 công trình")
    assert not report.warnings


def test_line_break_and_textbox(report) -> None:
    texts = [p.text for p in report.paragraphs]
    assert "Doanh thu bán lẻ hàng hóa ước đạt 1.234 tỷ đồng." in texts
    boxed = [t for t in texts if "ghi trong khung" in t]
    assert boxed == ["Số liệu ước tính đến ngày 10/11/2025 (ghi trong khung)."]  # once


def test_table_with_merged_header(report) -> None:
    tables = [p for p in report.paragraphs if p.kind == "table"]
    first = tables[0]
    assert first.section == "I.1"
    lines = first.text.split("\n")
    assert lines[0] == "Bảng 1. Kết quả thu ngân sách theo lĩnh vực"
    assert lines[1] == (
        "STT: 1; Lĩnh vực: Thuế ngoài quốc doanh; Tháng 11/2025 - Thực hiện (triệu đồng): "
        "120.500; Tháng 11/2025 - So cùng kỳ (%): 104,5"
    )
    assert lines[3] == (
        "Lĩnh vực: Tổng cộng; Tháng 11/2025 - Thực hiện (triệu đồng): 412.305; "
        "Tháng 11/2025 - So cùng kỳ (%): 103,2"
    )
    assert len(lines) == 4


def test_big_table_split_with_header_repeated(report) -> None:
    parts = [p for p in report.paragraphs if p.kind == "table" and "Tên trường" in p.text]
    assert len(parts) == 2
    assert all(p.section == "I.2" for p in parts)
    first, second = (p.text.split("\n") for p in parts)
    assert first[0] == "Danh sách các trường đạt chuẩn quốc gia: (bảng, phần 1/2)"
    assert second[0] == "Danh sách các trường đạt chuẩn quốc gia: (bảng, phần 2/2)"
    assert len(first) == 1 + 15 and len(second) == 1 + 15
    assert first[1] == "STT: 1; Tên trường: Trường Tiểu học số 1; Năm đạt chuẩn: 2001"
    assert second[-1] == "STT: 30; Tên trường: Trường Tiểu học số 30; Năm đạt chuẩn: 2030"


def test_signature_and_recipients(report) -> None:
    assert report.recipients == ("UBND tỉnh;", "Lưu: VT.")
    assert report.meta.signer == "Trần Minh Quân"
    assert report.meta.signer_role == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
    assert report.paragraphs[-1].text.startswith("Trên đây là báo cáo")
    assert report.paragraphs[-1].section == "II"


def test_dispatch_through_parse_bytes(report_docx: bytes) -> None:
    r = parse_bytes(Path("bc.docx"), report_docx, 10_000_000)
    assert r.source == "bc.docx" and len(r.footnotes) == 2


# ---------------------------------------------------------------------- broken files
def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_not_a_zip() -> None:
    with pytest.raises(CorruptFileError, match="không phải tệp nén ZIP hợp lệ"):
        parse_docx(Path("x.docx"), b"this is not a word file at all" * 10)


def test_truncated_docx(report_docx: bytes) -> None:
    with pytest.raises(CorruptFileError, match=r"bị hỏng|cắt cụt"):
        parse_docx(Path("cut.docx"), report_docx[: len(report_docx) // 2])


def test_damaged_member(report_docx: bytes) -> None:
    data = bytearray(report_docx)
    with zipfile.ZipFile(io.BytesIO(report_docx)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[start : start + 40] = b"\x00" * 40  # corrupt the compressed body
    with pytest.raises(CorruptFileError, match="bị hỏng"):
        parse_docx(Path("crc.docx"), bytes(data))


def test_missing_document_xml(report_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(report_docx)) as zf:
        files = {n: zf.read(n) for n in zf.namelist() if n != "word/document.xml"}
    with pytest.raises(CorruptFileError, match=r"word/document\.xml"):
        parse_docx(Path("hollow.docx"), _zip(files))


def test_other_zip_renamed() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(NotAReportError, match="không phải văn bản Word"):
        parse_docx(Path("bang-tinh.docx"), data)


def test_html_renamed_docx() -> None:
    with pytest.raises(NotAReportError, match="HTML"):
        parse_docx(Path("web.docx"), "<!DOCTYPE html><html><body>Lỗi 404</body></html>".encode())


def test_encrypted_docx() -> None:
    # Word stores a password-protected .docx as an OLE file with an EncryptionInfo stream.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 512
    )
    with pytest.raises(CorruptFileError, match="mật khẩu"):  # told by its signature
        parse_bytes(Path("khoa.docx"), data, 10_000_000)


def test_zero_byte_file() -> None:
    with pytest.raises(EmptyFileError):
        parse_bytes(Path("rong.docx"), b"", 10_000_000)
    with pytest.raises(CorruptFileError):
        parse_docx(Path("rong.docx"), b"")


# ------------------------------------------------------------------ legacy .doc files
# Written by LibreOffice ("MS Word 97" filter) from build_report_docx(auto_numbering=False).
DOC_FIXTURE = GENERATED / "bao-cao-mau.doc"


def test_doc_fixture_is_word97() -> None:
    data = DOC_FIXTURE.read_bytes()
    assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_doc_without_tools_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    # An empty PATH: nothing to convert with.
    monkeypatch.setenv("PATH", "")
    with pytest.raises(MissingToolError, match="apt-get install antiword"):
        parse_doc(Path("cu.doc"), DOC_FIXTURE.read_bytes())


def test_doc_not_ole() -> None:
    with pytest.raises(CorruptFileError, match="Word 97-2003"):
        parse_doc(Path("cu.doc"), b"garbage" * 100)


def test_docx_named_doc_is_read_as_docx(report_docx: bytes) -> None:
    r = parse_bytes(Path("that-ra-la-docx.doc"), report_docx, 10_000_000)
    assert r.meta.number == "1015/BC-UBND" and len(r.footnotes) == 2


@pytest.mark.skipif(
    "antiword" not in available_tools(),
    reason="antiword is not installed (apt-get install antiword)",
)
def test_doc_through_antiword() -> None:
    text, _ = _text_tool("antiword", available_tools()["antiword"], DOC_FIXTURE.read_bytes())
    assert text
    from index.structure import build_report

    r = build_report("cu.doc", _text_blocks(text))
    assert r.meta.number == "1015/BC-UBND"
    assert [s.path for s in r.sections][:2] == ["I", "I.1"]
    assert any("412.305 triệu đồng" in p.text for p in r.paragraphs)


@pytest.mark.skipif(
    "libreoffice" not in available_tools(),
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
)
def test_doc_through_libreoffice() -> None:
    r = parse_doc(Path("cu.doc"), DOC_FIXTURE.read_bytes())
    assert r.meta.number == "1015/BC-UBND"
    assert r.meta.date == "2025-11-14"
    assert [s.path for s in r.sections] == ["I", "I.1", "I.2", "II"]
    para = next(p for p in r.paragraphs if p.text.startswith("Tổng thu ngân sách"))
    assert para.footnotes == (1, 2)
    assert r.footnote(1).paragraph == para.index
    assert any(p.kind == "table" and "412.305" in p.text for p in r.paragraphs)


# ------------------------------------------------------------------ real reports
def _real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    return path


def _found_in_one(report, evidence: str) -> list[str]:
    e = norm(evidence)
    return [f"p{p.index}" for p in report.paragraphs if e in norm(p.text)] + [
        f"fn{f.number}" for f in report.footnotes if e in norm(f.text)
    ]


@pytest.mark.shared
def test_real_cchc_footnotes() -> None:
    path = _real("lamdong-cchc-2025.docx")
    r = parse_docx(path, path.read_bytes())
    assert len(r.footnotes) == 17  # every footnote in word/footnotes.xml (ids 1-17)
    assert all(f.paragraph is not None for f in r.footnotes)
    assert _found_in_one(r, "199/QĐ-UBND ngày 08/7/2025") == ["fn10"]
    assert _found_in_one(r, "841 cán bộ, công chức") == ["fn11"]
    f10 = r.footnote(10)
    linked = next(p for p in r.paragraphs if p.index == f10.paragraph)
    assert "Trung tâm Phục vụ hành chính công tỉnh¹⁰" in linked.text
    assert linked.section == "II.2"
    assert r.meta.issuer == "UBND tỉnh Lâm Đồng"
    assert r.meta.number.endswith("/BC-UBND")
    assert [s.path for s in r.sections][:3] == ["I", "I.1", "I.2"]
    assert {"I", "II", "III", "IV"} <= {s.path for s in r.sections}
    assert r.meta.signer == "Nguyễn Ngọc Phúc"
    assert "Bộ Nội vụ;" in r.recipients
    tables = [p for p in r.paragraphs if p.kind == "table"]
    assert len(tables) >= 10  # the appendix forms survive the signature block
    assert any(
        "Số DVCTT có phát sinh hồ sơ trực tuyến" in t.text and "575" in t.text for t in tables
    )


@pytest.mark.shared
def test_real_dean06_evidence() -> None:
    path = _real("lamdong-dean06-2025-11.docx")
    r = parse_docx(path, path.read_bytes())
    assert len(r.footnotes) == 7 and all(f.paragraph for f in r.footnotes)
    hits = _found_in_one(r, "2.184 dịch vụ công trực tuyến")
    assert len(hits) == 1
    hits = _found_in_one(r, "104.462 hồ sơ trực tuyến/108.117")
    assert len(hits) == 1
    para = next(p for p in r.paragraphs if "104.462 hồ sơ trực tuyến/108.117" in p.text)
    assert para.section == "II.2"
    assert "96,62%" in para.text
    assert r.meta.period == "11/2025"
    assert r.meta.title.startswith("Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng")


def test_footnotes_typed_below_a_rule() -> None:
    """A document without Word's footnotes: superscript runs cite, and the notes are typed at
    the end under a rule ("_____", then "1 Gồm: …"); a numbered kiến nghị after the rule that
    no marker cites stays body text."""
    d = docx.Document()
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("I. KẾT QUẢ THỰC HIỆN")
    p = d.add_paragraph(
        "- Dịch tả lợn châu Phi phát sinh tại thôn Tây Khê, tiêu hủy 12 con, 806 kg"
    )
    p.add_run("1").font.superscript = True
    p.add_run("; đã chi trả hỗ trợ cho 04/04 hộ.")
    d.add_paragraph("_____________________")
    d.add_paragraph("1 Hộ ông Hà Văn Quý, thôn Tây Khê: 12 con, 806 kg.")
    d.add_paragraph("2 Đề nghị Sở Tài chính bố trí vốn năm 2026 cho công trình.")
    buf = io.BytesIO()
    d.save(buf)
    r = parse_docx(Path("typed.docx"), buf.getvalue())
    assert [(f.number, f.text) for f in r.footnotes] == [
        (1, "Hộ ông Hà Văn Quý, thôn Tây Khê: 12 con, 806 kg.")
    ]
    cited = next(x for x in r.paragraphs if "806 kg" in x.text)
    assert r.footnotes[0].paragraph == cited.index
    assert not any("____" in x.text for x in r.paragraphs)
    assert any(x.text.startswith("2 Đề nghị Sở Tài chính") for x in r.paragraphs)

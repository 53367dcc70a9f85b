"""Legacy Vietnamese encodings (TCVN3/ABC, VNI): detection, conversion, and .docx runs
typed in .VnTime / VNI-Times fonts."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from index.legacy import (
    TCVN3,
    VNI,
    convert_if_legacy,
    detect_legacy,
    encoding_for_font,
    font_is_capitals,
    from_unicode,
    to_unicode,
)
from index.readers.docx import parse_docx

SHARED = Path(__file__).resolve().parents[3] / "shared"

SENTENCES = [
    "Trong tháng 12/2023, Ủy ban nhân dân thành phố đã chỉ đạo thực hiện tốt công tác "
    "đảm bảo an ninh trật tự, xây dựng nông thôn mới.",
    "Tổng thu ngân sách nhà nước ước đạt 397.497 triệu đồng, bằng 108,7% dự toán tỉnh giao.",
    "Phối hợp tuyên truyền, vận động người dân tham gia bảo hiểm xã hội tự nguyện; "
    "kiểm tra vệ sinh an toàn thực phẩm dịp Tết Nguyên đán Giáp Thìn năm 2024.",
    "Đường Bà Triệu, hồ Phai Loạn, chợ đầu mối nông, lâm sản xã Mai Pha: giải phóng mặt "
    "bằng, bồi thường, hỗ trợ và tái định cư cho 61 hộ gia đình.",
    "Nghĩa vụ quân sự, tuyển quân năm 2024 đảm bảo kế hoạch; dưỡng, thưởng, trưởng, "
    "người, được, thuở, ngoằn ngoèo, khuỷu, quẩy, nguệch ngoạc, tiễu trừ, ỷ lại.",
]


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# ---------------------------------------------------------------- known legacy samples
@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
        ("B¸o c¸o", "Báo cáo"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        (
            "Thµnh phè L¹ng S¬n, ngµy 18 th¸ng 12 n¨m 2023",
            "Thành phố Lạng Sơn, ngày 18 tháng 12 năm 2023",
        ),
        ("d­ìng ®­îc tr­êng hîp kü thuËt", "dưỡng được trường hợp kỹ thuật"),
    ],
)
def test_tcvn3_samples(legacy: str, unicode: str) -> None:
    assert detect_legacy(legacy) == TCVN3
    assert to_unicode(legacy, TCVN3) == unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Baùo caùo", "Báo cáo"),
        ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("ñöôïc tröôøng thaønh phoá naêm kyõ thuaät", "được trường thành phố năm kỹ thuật"),
    ],
)
def test_vni_samples(legacy: str, unicode: str) -> None:
    assert detect_legacy(legacy) == VNI
    assert to_unicode(legacy, VNI) == unicode


def test_tcvn3_symbol_font_private_use_area() -> None:
    pua = "".join(chr(0xF000 + ord(c)) if ord(c) > 0x7F else c for c in "B¸o c¸o")
    assert detect_legacy(pua) == TCVN3
    assert to_unicode(pua, TCVN3) == "Báo cáo"


# ------------------------------------------------------------------------- round trips
@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_round_trip(sentence: str) -> None:
    encoded = from_unicode(sentence, VNI)
    assert encoded != sentence
    assert detect_legacy(encoded) == VNI
    assert to_unicode(encoded, VNI) == _nfc(sentence)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_round_trip(sentence: str) -> None:
    encoded = from_unicode(sentence, TCVN3)
    assert detect_legacy(encoded) == TCVN3
    back = to_unicode(encoded, TCVN3)
    # TCVN3 has no codes for accented capitals other than Ă Â Ê Ô Ơ Ư Đ: a normal
    # .VnTime font writes them lower-case, so compare those case-insensitively.
    assert back.lower() == _nfc(sentence).lower()
    lower_only = _nfc(sentence[0].lower() + sentence[1:]).replace("Ủ", "ủ")
    assert to_unicode(from_unicode(lower_only, TCVN3), TCVN3) == lower_only


def test_round_trip_every_vietnamese_letter() -> None:
    letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    for enc in (TCVN3, VNI):
        assert to_unicode(from_unicode(letters, enc), enc) == letters, enc
        upper = letters.upper()
        if enc == VNI:
            assert to_unicode(from_unicode(upper, enc), enc) == upper


def test_round_trip_shared_report() -> None:
    path = SHARED / "corpus" / "langson-2023-12-bc1250.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    text = path.read_text(encoding="utf-8")
    assert detect_legacy(text) is None  # real Unicode text is left alone
    for para in [p for p in text.split("\n\n") if len(p) > 80][:40]:
        # Footnote markers (¹ is byte 0xB9 = "ạ" in TCVN3) never occur in legacy text.
        para = "".join(c for c in para if c not in "⁰¹²³⁴⁵⁶⁷⁸⁹")
        vni = from_unicode(para, VNI)
        assert to_unicode(vni, VNI) == _nfc(para)
        tcvn = from_unicode(para, TCVN3)
        assert to_unicode(tcvn, TCVN3).lower() == _nfc(para).lower()


# --------------------------------------------------------------------------- detection
@pytest.mark.parametrize(
    "text",
    [
        "Báo cáo tình hình kinh tế - xã hội tháng 12/2023 của Ủy ban nhân dân thành phố",
        "hoá đơn, khoẻ mạnh, thuý, xuân, quý, hoà bình",
        "Bao cao tinh hinh kinh te xa hoi thang 12",
        "Copyright © 2023 Example Corp. All rights reserved.",
        "Un café crème à côté de l'église, s'il vous plaît.",
        "",
    ],
)
def test_not_legacy(text: str) -> None:
    assert detect_legacy(text) is None
    assert convert_if_legacy(text) == (text, None)


def test_convert_if_legacy() -> None:
    text = from_unicode("Ủy ban nhân dân tỉnh Lâm Đồng báo cáo kết quả thực hiện", VNI)
    expected = "Ủy ban nhân dân tỉnh Lâm Đồng báo cáo kết quả thực hiện"
    assert convert_if_legacy(text) == (expected, VNI)


def test_fonts() -> None:
    assert encoding_for_font(".VnTime") == TCVN3
    assert encoding_for_font(".VnTimeH") == TCVN3
    assert encoding_for_font("VNI-Times") == VNI
    assert encoding_for_font("Times New Roman") is None
    assert encoding_for_font(None) is None
    assert font_is_capitals(".VnTimeH") and font_is_capitals(".VnArialH")
    assert not font_is_capitals(".VnTime") and not font_is_capitals("VNI-Helve")


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError):
        to_unicode("abc", "cp1258")


# ------------------------------------------------------------------ .docx legacy runs
def _run(paragraph, text: str, font: str | None = None):
    run = paragraph.add_run(text)
    if font:
        run.font.name = font  # sets w:rFonts ascii/hAnsi
    return run


def _legacy_docx() -> bytes:
    d = docx.Document()
    p = d.add_paragraph()
    _run(p, "UBND THÀNH PHỐ SÔNG MAI")
    p = d.add_paragraph()
    _run(p, "Sè: 77/BC-UBND", ".VnTime")
    p = d.add_paragraph()
    _run(p, from_unicode("TP. Sông Mai, ngày 5 tháng 3 năm 2024", TCVN3), ".VnTime")
    p = d.add_paragraph()
    _run(p, from_unicode("báo cáo", TCVN3), ".VnTimeH")
    p = d.add_paragraph()
    _run(p, from_unicode("Tình hình kinh tế - xã hội tháng 02/2024", VNI), "VNI-Times")
    p = d.add_paragraph()
    _run(p, from_unicode("i. tình hình kinh tế", TCVN3), ".VnTimeH")
    p = d.add_paragraph()
    _run(p, from_unicode("Tổng thu ngân sách ước đạt ", TCVN3), ".VnTime")
    _run(p, "1.234,5 triệu đồng")  # a Unicode run in the same paragraph
    _run(p, from_unicode(", tăng 12% so với cùng kỳ.", VNI), "VNI-Times")
    # A paragraph style whose font is .VnTime: the run inherits it.
    style = d.styles.add_style("VnBody", 1)
    style.font.name = ".VnTime"
    p = d.add_paragraph(style="VnBody")
    _run(p, from_unicode("Kiểm tra vệ sinh an toàn thực phẩm tại 15 cơ sở.", TCVN3))
    rpr = p.runs[0]._r.get_or_add_rPr()
    assert rpr.find(qn("w:rFonts")) is None
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_legacy_runs_converted_by_font() -> None:
    report = parse_docx(Path("vntime.docx"), _legacy_docx())
    assert report.meta.number == "77/BC-UBND"
    assert report.meta.date == "2024-03-05"
    assert report.meta.place == "TP. Sông Mai"
    assert report.meta.title == "Tình hình kinh tế - xã hội tháng 02/2024"
    assert report.meta.period == "02/2024"
    # ".VnTimeH" draws capitals: the converted run is upper-cased → a part heading.
    assert [(s.path, s.title) for s in report.sections] == [("I", "TÌNH HÌNH KINH TẾ")]
    texts = [p.text for p in report.paragraphs]
    assert texts[0] == ("Tổng thu ngân sách ước đạt 1.234,5 triệu đồng, tăng 12% so với cùng kỳ.")
    assert texts[1] == "Kiểm tra vệ sinh an toàn thực phẩm tại 15 cơ sở."
    assert all(p.section == "I" for p in report.paragraphs)
    assert any("TCVN3" in w for w in report.warnings)


def test_docx_pasted_legacy_text_in_unicode_font() -> None:
    """TCVN3 text pasted into a Times New Roman run is recognised from the text itself."""
    d = docx.Document()
    d.add_paragraph("I. KẾT QUẢ")
    d.add_paragraph().add_run(
        from_unicode("Tổng thu ngân sách nhà nước ước đạt 412.305 triệu đồng.", TCVN3)
    ).font.name = "Times New Roman"
    buf = io.BytesIO()
    d.save(buf)
    report = parse_docx(Path("dan.docx"), buf.getvalue())
    assert report.paragraphs[0].text == "Tổng thu ngân sách nhà nước ước đạt 412.305 triệu đồng."

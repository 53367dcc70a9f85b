"""Plain-text reports → Report: metadata, section tree, footnotes, re-joined paragraphs,
recipients; and every way a file can be refused (index.parse)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES

from index import errors, vn
from index.legacy import to_cp1258
from index.model import Report
from index.parse import parse_bytes, read_file
from index.readers.text import parse_text
from index.structure import build_report, report_id, split_text_blocks

MAX = 50 * 1024 * 1024


def paragraphs_with(report: Report, phrase: str) -> list[int]:
    return [p.index for p in report.paragraphs if phrase in vn.strip_markers(p.text)]


# ---- the bundled samples ----------------------------------------------------------------

SAMPLE_META = {
    "songmai-2025-10-bc0912.txt": ("912/BC-UBND", "2025-10-17", "10/2025", "11/2025"),
    "songmai-2025-11-bc1015.txt": ("1015/BC-UBND", "2025-11-14", "11/2025", "12/2025"),
    "songmai-2025-12-bc1123.txt": ("1123/BC-UBND", "2025-12-16", "12/2025", "01/2026"),
}


@pytest.fixture(scope="module", params=[p.name for p in SAMPLE_FILES])
def sample(request) -> tuple[str, Report]:
    path = SAMPLE_FILES[0].parent / request.param
    return request.param, parse_text(path, path.read_bytes())


def test_sample_files_present() -> None:
    assert [p.name for p in SAMPLE_FILES] == sorted(SAMPLE_META)


def test_sample_metadata(sample: tuple[str, Report]) -> None:
    name, report = sample
    number, date, period, task_period = SAMPLE_META[name]
    m = report.meta
    assert (m.number, m.date, m.period, m.task_period) == (number, date, period, task_period)
    assert m.issuer == "UBND thành phố Sông Mai"
    assert m.signer == "Trần Minh Quân"
    assert "CHỦ TỊCH" in m.signer_role
    assert m.place == "TP. Sông Mai"
    assert report.source == name
    assert report.warnings == ()


def test_sample_structure(sample: tuple[str, Report]) -> None:
    _, report = sample
    paths = [s.path for s in report.sections]
    assert paths[0] == "I"
    assert {"I", "I.1", "I.2", "I.2.1", "I.2.2", "II", "III"} <= set(paths)
    assert len(paths) == len(set(paths))
    assert report.section("I.2.2").title == "Đầu tư xây dựng cơ bản"
    assert report.section("I.2.2").level == 3
    # every paragraph belongs to a known section
    known = set(paths)
    assert all(p.section in known for p in report.paragraphs)
    assert [p.index for p in report.paragraphs] == list(range(1, len(report.paragraphs) + 1))


def test_sample_footnotes_all_linked(sample: tuple[str, Report]) -> None:
    _, report = sample
    assert len(report.footnotes) >= 10
    numbers = [f.number for f in report.footnotes]
    assert numbers == list(range(1, len(numbers) + 1))
    for fn in report.footnotes:
        assert fn.paragraph is not None, fn
        para = report.paragraphs[fn.paragraph - 1]
        assert fn.number in para.footnotes
        assert fn.context and fn.context in vn.strip_markers(para.text)
        # the body is not also indexed as a paragraph
        assert not any(p.text == fn.text for p in report.paragraphs)
    assert not any(p.text[0] in vn.SUPERSCRIPT_DIGITS for p in report.paragraphs)


def test_sample_recipients_not_indexed(sample: tuple[str, Report]) -> None:
    _, report = sample
    assert len(report.recipients) >= 5
    assert report.recipients[-1].startswith("Lưu")
    texts = " ".join(p.text for p in report.paragraphs)
    assert "Nơi nhận" not in texts
    assert "Lưu: VT" not in texts
    assert "Trần Minh Quân" not in texts


def test_sample_split_paragraph_rejoined() -> None:
    path = SAMPLE_FILES[0]
    report = parse_text(path, path.read_bytes())
    # "… 05 hộ gia đình bị ảnh hưởng" / footnotes / "dự án Kè bờ sông Mai … 1.842,3m²."
    hits = paragraphs_with(report, "05 hộ gia đình bị ảnh hưởng dự án Kè bờ sông Mai")
    assert len(hits) == 1
    assert "1.842,3m²" in report.paragraphs[hits[0] - 1].text


def test_sample_report_ids_are_stable() -> None:
    path = SAMPLE_FILES[0]
    data = path.read_bytes()
    first = parse_text(path, data)
    again = parse_text(path, data)
    assert first == again
    assert report_id(first.meta, first.source, data) == "912-BC-UBND-2025-10-17"


def test_report_roundtrips_through_dict(sample: tuple[str, Report]) -> None:
    _, report = sample
    assert Report.from_dict(report.to_dict()) == report


# ---- the Lạng Sơn report (../shared) ------------------------------------------------------


@pytest.mark.shared
def test_langson_metadata(langson_report: Report) -> None:
    m = langson_report.meta
    assert m.number == "1250/BC-UBND"
    assert m.date == "2023-12-18"
    assert m.date_vn == "18/12/2023"
    assert m.period == "12/2023"
    assert m.task_period == "01/2024"
    assert m.issuer == "UBND thành phố Lạng Sơn"
    assert m.signer == "Nguyễn Văn Hạnh"
    assert m.title.startswith("Tình hình phát triển kinh tế - xã hội")
    assert langson_report.warnings == ()


@pytest.mark.shared
def test_langson_section_tree(langson_report: Report) -> None:
    r = langson_report
    assert r.section("I") is not None
    assert r.section("I").title == "NHỮNG KẾT QUẢ ĐẠT ĐƯỢC"
    assert r.section("I.2.2").title == "Đầu tư xây dựng cơ bản"
    assert r.section("I.2.2").level == 3
    assert r.section("II") is not None and r.section("III") is not None
    assert r.section("III.6") is not None
    assert "Quốc phòng" in r.section("III.6").title
    # parts come in order and each subsection follows its parent
    paths = [s.path for s in r.sections]
    assert [p for p in paths if "." not in p] == ["I", "II", "III"]
    for p in paths:
        if "." in p:
            parent = p.rsplit(".", 1)[0]
            assert paths.index(parent) < paths.index(p)
    # the paragraph about disbursement sits in I.2.2
    (idx,) = paragraphs_with(r, "tỷ lệ giải ngân đạt 45,76%")
    assert r.paragraphs[idx - 1].section == "I.2.2"


@pytest.mark.shared
def test_langson_footnotes(langson_report: Report) -> None:
    r = langson_report
    assert [f.number for f in r.footnotes] == list(range(1, 32))
    assert all(f.paragraph is not None for f in r.footnotes)
    fn9 = r.footnote(9)
    assert "15 công trình" in fn9.context
    assert "Hồ Phai Loạn" in fn9.text
    # multi-digit markers are read as one number
    for number in (10, 17, 31):
        fn = r.footnote(number)
        para = r.paragraphs[fn.paragraph - 1]
        assert number in para.footnotes
        sup = "".join(vn.SUPERSCRIPT_DIGITS[int(d)] for d in str(number))
        assert sup in para.text


@pytest.mark.shared
def test_langson_square_metres_are_not_footnote_two(langson_report: Report) -> None:
    r = langson_report
    (idx,) = paragraphs_with(r, "43.650,3m²")
    para = r.paragraphs[idx - 1]
    assert 2 not in para.footnotes
    fn2 = r.footnote(2)
    assert fn2.paragraph != idx
    assert "187.320.000" in r.paragraphs[fn2.paragraph - 1].text
    assert "Tiền thuê nhà 104 lượt" in fn2.text


@pytest.mark.shared
@pytest.mark.parametrize(
    "phrase",
    [
        # a page break inside "Chỉ đạo triển | khai lập đồ án"
        "Chỉ đạo triển khai lập đồ án",
        # footnote 17 sat between the two halves
        "Kế hoạch giải ngân vốn đầu tư công năm 2024 theo các văn bản hướng dẫn có liên quan",
        # footnotes 4–11 sat between the two halves
        "bị ảnh hưởng 02 dự án Điều chỉnh",
    ],
)
def test_langson_rejoined_paragraphs(langson_report: Report, phrase: str) -> None:
    assert len(paragraphs_with(langson_report, phrase)) == 1


@pytest.mark.shared
def test_langson_recipients(langson_report: Report) -> None:
    r = langson_report
    assert len(r.recipients) == 11
    assert r.recipients[0].startswith("UBND tỉnh")
    assert r.recipients[-1] == "Lưu: VT."
    texts = [p.text for p in r.paragraphs]
    assert not any(t.startswith(("Nơi nhận", "- UBND tỉnh", "UBND tỉnh (b/c)")) for t in texts)
    assert not any("Lưu: VT" in t for t in texts)
    assert not any("Nguyễn Văn Hạnh" in t for t in texts)


# ---- refusing bad input ---------------------------------------------------------------------


VALID = SAMPLE_FILES[0].read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("rong.txt", b"", errors.EmptyFileError),
        ("khoang-trang.txt", b"  \n\n\t \r\n  ", errors.EmptyFileError),
        ("rac.txt", bytes(range(256)) * 40, errors.NotAReportError),
        ("nhi-phan.txt", b"\x00\x01\x02PK\x03\x04" * 200, errors.NotAReportError),
        (
            "duc.txt",
            "Sehr geehrte Damen und Herren, über die Größe".encode("cp1252") * 20,
            errors.EncodingError,
        ),
        ("bang-tinh.xlsx", b"PK\x03\x04" + b"\x00" * 100, errors.UnsupportedFormatError),
        ("khong-duoi", VALID, errors.UnsupportedFormatError),
    ],
)
def test_bad_input_is_refused_naming_the_file(
    tmp_path: Path, name: str, data: bytes, error: type[errors.IngestError]
) -> None:
    path = tmp_path / name
    with pytest.raises(error) as info:
        parse_bytes(path, data, MAX)
    assert name in str(info.value)
    assert info.value.path == str(path)
    assert info.value.message  # says what to do, in Vietnamese


def test_cp1258_helper_really_is_windows_1258() -> None:
    text = VALID.decode("utf-8")[:400]
    data = to_cp1258(text)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_encoding_error_says_to_save_as_utf8(tmp_path: Path) -> None:
    german = "Sehr geehrte Damen und Herren, über die Größe der Straße".encode("cp1252")
    with pytest.raises(errors.EncodingError) as info:
        parse_bytes(tmp_path / "cu.txt", german * 20, MAX)
    assert "UTF-8" in info.value.message


def test_cp1258_is_read_and_said(tmp_path: Path) -> None:
    """Windows-1258 files of old Vietnamese Word installs are read, with a warning."""
    plain = parse_bytes(tmp_path / "a.txt", VALID, MAX)
    old = parse_bytes(tmp_path / "cu.txt", to_cp1258(VALID.decode("utf-8")), MAX)
    assert old.meta == plain.meta
    # characters cp1258 cannot hold (superscript footnote marks) were lost in the saving
    assert [s.path for s in old.sections] == [s.path for s in plain.sections]
    assert any("Windows-1258" in w for w in old.warnings)


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    text = VALID.decode("utf-8")
    plain = parse_bytes(tmp_path / "a.txt", VALID, MAX)
    bom = parse_bytes(tmp_path / "a.txt", b"\xef\xbb\xbf" + VALID, MAX)
    utf16 = parse_bytes(tmp_path / "a.txt", text.encode("utf-16"), MAX)
    assert bom.meta == plain.meta and bom.paragraphs == plain.paragraphs
    assert utf16.meta == plain.meta and utf16.paragraphs == plain.paragraphs


def test_markdown_is_read_like_text(tmp_path: Path) -> None:
    report = parse_bytes(tmp_path / "bao-cao.md", VALID, MAX)
    assert report.meta.number == "912/BC-UBND"


def test_too_large_is_refused_before_parsing(tmp_path: Path) -> None:
    with pytest.raises(errors.FileTooLargeError) as info:
        parse_bytes(tmp_path / "lon.txt", VALID, max_bytes=1000)
    assert "lon.txt" in str(info.value)
    path = tmp_path / "lon.txt"
    path.write_bytes(VALID)
    with pytest.raises(errors.FileTooLargeError):
        read_file(path, max_bytes=1000)
    assert read_file(path, max_bytes=MAX) == VALID


def test_too_large_message_names_the_configured_limit(tmp_path: Path) -> None:
    from assistant.settings import Settings

    path = tmp_path / "rat-lon.txt"
    with path.open("wb") as f:  # sparse: 60 MiB without writing them
        f.truncate(60 * 1024 * 1024)
    limit = Settings(max_file_mb=50).max_bytes
    with pytest.raises(errors.FileTooLargeError) as info:
        read_file(path, limit)
    assert "50 MB" in info.value.message


def test_missing_file_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(errors.IngestError) as info:
        read_file(tmp_path / "khong-co.txt", MAX)
    assert "khong-co.txt" in str(info.value)


def test_report_without_paragraphs_is_refused(tmp_path: Path) -> None:
    header_only = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ SÔNG MAI\n\nSố: 12/BC-UBND\n".encode()
    with pytest.raises(errors.EmptyFileError):
        parse_bytes(tmp_path / "chi-co-dau.txt", header_only, MAX)


UNSTRUCTURED = (
    "Ghi chép họp giao ban tuần của phòng Quản lý đô thị.\n\n"
    "Phòng đã cấp 12 giấy phép xây dựng trong tuần và kiểm tra 4 công trình.\n\n"
    "Đề nghị các tổ chuẩn bị số liệu cho báo cáo tháng."
)


def test_text_without_structure_is_indexed_as_paragraphs_with_a_warning(tmp_path: Path) -> None:
    report = parse_bytes(tmp_path / "ghi-chep.txt", UNSTRUCTURED.encode(), MAX)
    assert report.sections == ()
    assert len(report.paragraphs) == 3
    assert "12 giấy phép xây dựng" in report.paragraphs[1].text
    assert any("cấu trúc" in w for w in report.warnings)


def test_unstructured_body_below_a_heading_is_kept() -> None:
    # The same text under one heading keeps all three paragraphs, in that section.
    text = (
        "Số: 5/BC-UBND\n\nTP. Sông Mai, ngày 02 tháng 01 năm 2026\n\nBÁO CÁO\n\n"
        "Kết quả tuần\n\nI. KẾT QUẢ\n\n" + UNSTRUCTURED
    )
    report = build_report("t.txt", split_text_blocks(text))
    assert report.meta.number == "5/BC-UBND"
    assert report.meta.date == "2026-01-02"
    assert [p.section for p in report.paragraphs] == ["I", "I", "I"]


# ---- the layouts of other offices (tests/data/reports/halam, written by the team) -------

HALAM = Path(__file__).resolve().parents[1] / "data" / "reports" / "halam"


def _halam(name: str) -> Report:
    path = HALAM / name
    return parse_bytes(path, path.read_bytes(), 10**8)


def test_a_yearly_report_in_two_big_parts_keeps_them_apart() -> None:
    """A department's school-year report restarts its Roman parts under "PHẦN THỨ HAI": the
    tasks' "I. NHIỆM VỤ TRỌNG TÂM" is not the results' "I. BỐI CẢNH CHUNG"."""
    from index.records.common import task_sections

    report = _halam("halam-sgddt-2024-2025-bc1422.txt")
    titles = {s.path: (s.title, s.level) for s in report.sections}
    assert titles["P1"] == ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2024 - 2025", 1)
    assert titles["P1.I"] == ("BỐI CẢNH CHUNG", 2)
    assert titles["P1.III.2"] == ("Tồn tại, hạn chế", 3)
    assert titles["P2.I"] == ("NHIỆM VỤ TRỌNG TÂM", 2)
    assert len(titles) == len(report.sections)  # no path twice
    assert task_sections(report) == {"P2", "P2.I", "P2.II", "P2.III", "P2.IV"}
    first = next(p for p in report.paragraphs if p.text.startswith("Năm học 2024 - 2025 là"))
    assert first.section == "P1.I"
    assert not [p.text for p in report.paragraphs if p.text.startswith("PHẦN")]
    m = report.meta
    assert (m.period, m.task_period) == ("09/2024-08/2025", "09/2025-08/2026")  # năm học
    assert m.issuer == "Sở Giáo dục và Đào tạo (UBND tỉnh Hà Lam)"  # both on one line


@pytest.mark.parametrize(
    ("name", "period", "task_period"),
    [
        # "Kết quả thực hiện nhiệm vụ … quý III … và nhiệm vụ trọng tâm quý IV": the last one
        ("hoaphong-2025-q3-bc205.txt", "Q3/2025", "Q4/2025"),
        ("hoaphong-2025-09-bc187.txt", "09/2025", "10/2025"),
        ("halam-syt-2025-6t-bc356.docx", "01/2025-06/2025", "07/2025-12/2025"),
    ],
)
def test_the_period_and_the_tasks_period_of_a_title(name: str, period: str, task_period: str):
    meta = _halam(name).meta
    assert (meta.period, meta.task_period) == (period, task_period)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PHẦN THỨ NHẤT\nKẾT QUẢ", (1, "KẾT QUẢ")),
        ("Phần thứ hai: Phương hướng, nhiệm vụ năm 2026", (2, "Phương hướng, nhiệm vụ năm 2026")),
        ("PHẦN III. KIẾN NGHỊ", (3, "KIẾN NGHỊ")),
        ("PHẦN B", (2, "")),
        ("Phần lớn các xã đã hoàn thành", None),  # prose
        ("Phần thứ hai của kế hoạch được triển khai chậm.", None),
    ],
)
def test_big_parts(text: str, expected: tuple[int, str] | None) -> None:
    from index import headings

    assert headings.book(text) == expected


# ---- text saved from Word: a paragraph a line, columns laid out with spaces, "[1]" notes ----

WORD_SAVED = """\
         ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            XÃ TÂN KHÊ                          Độc lập - Tự do - Hạnh phúc
         Số: 312/BC-UBND
                                             Tân Khê, ngày 20 tháng 10 năm 2025

                                       BÁO CÁO
         Tình hình kinh tế - xã hội tháng 10 năm 2025; nhiệm vụ tháng 11 năm 2025

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10 NĂM 2025
1. Lĩnh vực kinh tế
- Vụ Mùa năm 2025: Toàn xã gieo cấy 1.846,5 ha lúa, đạt 100,8% kế hoạch; đến ngày 18/10/2025 đã thu hoạch 1.512,3 ha, đạt 81,9% diện tích; riêng 86,4 ha bị ngập úng[1].
- Thu ngân sách nhà nước lũy kế 18.734,5 triệu đồng, đạt 87,3% dự toán tỉnh giao, tăng 9,6% so với cùng kỳ năm 2024; chi ngân sách 14.205,2 triệu đồng.
2. Lĩnh vực văn hóa - xã hội
- Tỷ lệ bao phủ bảo hiểm y tế đạt 93,6%, chưa đạt chỉ tiêu giao (95,2%); cấp 412 thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo theo quy định.
II. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2025
1. Hoàn thành thu hoạch 334,2 ha lúa Mùa còn lại; phấn đấu đến ngày 30/11/2025 gieo trồng xong 520 ha cây vụ Đông theo kế hoạch đã giao.
Trên đây là báo cáo tình hình kinh tế - xã hội tháng 10 năm 2025 của UBND xã Tân Khê./.

Nơi nhận:                                                TM. ỦY BAN NHÂN DÂN
- UBND tỉnh Vân Hà (b/c);                                      KT. CHỦ TỊCH
- TT Đảng ủy xã (b/c);                                        PHÓ CHỦ TỊCH
- Lưu: VT, VP.
                                                             Lương Văn Thắng

--------------------
[1] Thôn Đồng Sen: 38,2 ha; thôn Hạ Khê: 29,6 ha; thôn Bến Đò: 18,6 ha.
"""  # noqa: E501 (a paragraph a line is the layout under test)


def test_text_saved_from_word_reads_as_the_report() -> None:
    """No blank line between paragraphs must not make the report one paragraph; the
    two-column letterhead and signature are read column by column; '[1]' is a footnote."""
    r = parse_text(Path("tankhe.txt"), WORD_SAVED.encode())
    assert (r.meta.number, r.meta.date, r.meta.issuer) == (
        "312/BC-UBND",
        "2025-10-20",
        "UBND xã Tân Khê",
    )
    assert r.meta.title.startswith("Tình hình kinh tế - xã hội tháng 10 năm 2025")
    assert (r.meta.period, r.meta.task_period) == ("10/2025", "11/2025")
    assert [s.path for s in r.sections] == ["I", "I.1", "I.2", "II"]  # "1. Hoàn thành …." is a task
    thu = next(p for p in r.paragraphs if "18.734,5" in p.text)
    assert (
        thu.section == "I.1"
        and thu.text.startswith("- Thu ngân sách")
        and "1.846,5" not in thu.text
    )
    assert r.footnote(1) and r.footnote(1).text.startswith("Thôn Đồng Sen: 38,2 ha")
    assert r.footnote(1).paragraph == paragraphs_with(r, "86,4 ha bị ngập úng")[0]
    assert r.recipients == ("UBND tỉnh Vân Hà (b/c);", "TT Đảng ủy xã (b/c);", "Lưu: VT, VP.")
    assert (r.meta.signer, r.meta.signer_role) == (
        "Lương Văn Thắng",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
    )
    assert not any("----" in p.text or "CỘNG HÒA" in p.text for p in r.paragraphs)


def test_bracketed_numbers_without_footnote_bodies_stay_as_written() -> None:
    text = WORD_SAVED.split("--------------------")[0] + "\nTheo tài liệu [2] của Sở.\n"
    r = parse_text(Path("x.txt"), text.encode())
    assert not r.footnotes and any("ngập úng[1]" in p.text for p in r.paragraphs)


def test_a_scan_s_specks_after_the_kind_line_and_a_short_opening_are_no_title() -> None:
    """OCR leaves specks after "BÁO CÁO" ("- :"); the opening "Thực hiện …, UBND … báo cáo
    như sau:" is the body's first paragraph however short, not the title's third line."""
    text = (
        "Số: 415/BC-UBND\n\nPhú Cường, ngày 24 tháng 12 năm 2025\n\nBÁO CÁO - :\n\n"
        "Tình hình kinh tế - xã hội tháng 12 năm 2025\n\n"
        "Thực hiện Văn bản số 2946/UBND-TH của UBND tỉnh, UBND xã báo cáo như sau:\n\n"
        "I. KẾT QUẢ\n\nThu NSNN tháng 12 đạt 1.086,3 triệu đồng.\n"
    )
    report = build_report("t.txt", split_text_blocks(text))
    assert report.meta.title == "Tình hình kinh tế - xã hội tháng 12 năm 2025"
    assert report.meta.period == "12/2025"
    assert report.paragraphs[0].text.startswith("Thực hiện Văn bản số 2946/UBND-TH")


def test_a_list_item_s_last_line_set_apart_goes_on_in_it() -> None:
    """A PDF saved from Word sets a list item's second line apart (its hanging indent): in
    lower case, after a line that stops mid-sentence, it is the item's, not a paragraph."""
    text = (
        "Số: 97/BC-STC\n\nTây Lĩnh, ngày 10 tháng 4 năm 2026\n\nBÁO CÁO\n\nThu chi quý I\n\n"
        "I. KẾT QUẢ\n\n- Dự án Hồ chứa nước Khuổi Lặn: kế hoạch vốn 95,0 tỷ đồng, giải ngân 1,9\n\n"
        "tỷ đồng (2,0%); đang trình thẩm định.\n\n"
        "- Dự án Kè sông Nậm Lìn: kế hoạch vốn 72,0 tỷ.\n\n"
        "Các dự án còn lại giải ngân đạt khá.\n"
    )
    report = build_report("t.txt", split_text_blocks(text))
    assert [p.text for p in report.paragraphs] == [
        "- Dự án Hồ chứa nước Khuổi Lặn: kế hoạch vốn 95,0 tỷ đồng, giải ngân 1,9 tỷ đồng "
        "(2,0%); đang trình thẩm định.",
        "- Dự án Kè sông Nậm Lìn: kế hoạch vốn 72,0 tỷ.",
        "Các dự án còn lại giải ngân đạt khá.",
    ]


def test_a_speck_before_the_title_keeps_the_header(tmp_path) -> None:
    """A scan's speck read as "." between the letterhead and "BÁO CÁO" ended the header:
    the report lost its title and its quarter; a signature's last line that is a role
    ("PHÓ CHỦ TICH", read without its dot) is no signer's name."""
    path = tmp_path / "bc.txt"
    lines = [
        "UBND PHƯỜNG BẾN ĐÌNH", "Số: 77/BC-UBND", "Bến Đình, ngày 08 tháng 10 năm 2026", ".",
        "BÁO CÁO", "Kết quả công tác giải phóng mặt bằng quý III năm 2026", "I. KẾT QUẢ",
        "Trong quý đã chi trả cho 38 hộ.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TICH",
    ]  # fmt: skip
    path.write_text("\n\n".join(lines) + "\n", "utf-8")
    meta = parse_text(path, path.read_bytes()).meta
    assert meta.title == "Kết quả công tác giải phóng mặt bằng quý III năm 2026"
    assert meta.period == "Q3/2026"
    assert meta.signer == "" and meta.signer_role.endswith("PHÓ CHỦ TICH")


LETTERED = """\
ỦY BAN NHÂN DÂN
PHƯỜNG AN PHÚ
Số: 12/BC-UBND
An Phú, ngày 24 tháng 9 năm 2026

BÁO CÁO
Kết quả thực hiện nhiệm vụ tháng 9; nhiệm vụ tháng 10 năm 2026

A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9
I. Lĩnh vực kinh tế
1. Thu, chi ngân sách
Thu ngân sách tháng 9 đạt 4.826 triệu đồng.
II. Quốc phòng - an ninh
Tình hình an ninh chính trị ổn định.
II. Cải cách hành chính
Tiếp nhận 1.241 hồ sơ, trễ hạn 05 hồ sơ.
B. ĐÁNH GIÁ CHUNG
1. Ưu điểm
Thu ngân sách vượt tiến độ.
2. Tồn tại, hạn chế
Còn 13 hộ chưa bàn giao mặt bằng.
C. NHIỆM VỤ, GIẢI PHÁP THÁNG 10
1. Hoàn thành bàn giao mặt bằng trước ngày 20/10/2026.
"""


def test_lettered_parts_hold_the_roman_ones_and_a_repeated_numeral_is_the_next() -> None:
    """ "A. KẾT QUẢ …", "B. ĐÁNH GIÁ CHUNG", "C. NHIỆM VỤ …": parts above the Roman ones
    (C is no Roman hundred), kept in order; a Roman numeral met twice ("II." misread for
    "III." by OCR) is the next one, so no path is used twice."""
    text = LETTERED.replace("\n", "\n\n")  # a paragraph a block
    report = parse_text(Path("anphu-2026-09.txt"), text.encode())
    titles = {s.path: s.title for s in report.sections}
    assert titles["P1"] == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9"
    assert titles["P1.I.1"] == "Thu, chi ngân sách"
    assert titles["P1.III"] == "Cải cách hành chính"
    assert (titles["P2.2"], titles["P3"]) == ("Tồn tại, hạn chế", "NHIỆM VỤ, GIẢI PHÁP THÁNG 10")
    assert len(titles) == len(report.sections)
    where = {p.text[:20]: p.section for p in report.paragraphs}
    assert where["Còn 13 hộ chưa bàn g"] == "P2.2" and where["Tiếp nhận 1.241 hồ s"] == "P1.III"
    assert not [p.text for p in report.paragraphs if p.text.startswith(("A.", "B."))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B. ĐÁNH GIÁ CHUNG", (2, "ĐÁNH GIÁ CHUNG")),
        ("C. NHIỆM VỤ, GIẢI PHÁP THÁNG 10", (3, "NHIỆM VỤ, GIẢI PHÁP THÁNG 10")),
        ("A. Đối với các hộ chưa bàn giao mặt bằng", None),  # a lettered item
        ("F. KHÁC", None),
    ],
)
def test_lettered_part(text: str, expected: tuple[int, str] | None) -> None:
    from index import headings

    assert headings.letter_part(text) == expected


def test_a_body_named_on_two_lines_is_one_body() -> None:
    """ "SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG": the department's name set on two lines."""
    head = "UBND TỈNH TRÀ AN\n\nSỞ NÔNG NGHIỆP\n\nVÀ MÔI TRƯỜNG\n\nSố: 23/BC-SNNMT\n\n"
    body = "Trà An, ngày 16 tháng 11 năm 2026\n\nBÁO CÁO\n\nTình hình thiệt hại\n\n"
    text = head + body + "I. TÌNH HÌNH\n\nMưa lớn làm ngập 120 ha lúa.\n"
    report = parse_text(Path("snnmt.txt"), text.encode())
    assert report.meta.issuer == "Sở Nông nghiệp và Môi trường (UBND tỉnh Trà An)"


def test_a_scanned_title_stops_where_the_opening_begins() -> None:
    """OCR sets each line of a scan apart: the title's lines are followed by the opening
    "Thực hiện Công văn số …" (cut mid-sentence at the line's end), which is the body's first
    paragraph, not more of the title."""
    lines = [
        "ỦY BAN NHÂN DÂN", "XÃ HÒA PHONG", "Số: 135/BC-UBND",
        "Hòa Phong, ngày 05 tháng 11 năm 2026", "BÁO CÁO",
        "Nhanh tình hình thiệt hại do bão số 6",
        "và kết quả khắc phục hậu quả (cập nhật đến 17 giờ ngày 04/11/2026)",
        "Thực hiện Công văn số 4012/UBND-KT ngày 02/11/2026 của UBND tỉnh về việc báo cáo nhanh",
        "thiệt hại do bão số 6; UBND xã Hòa Phong báo cáo như sau:",
        "1. Tình hình thiệt hại", "Hoàn lưu bão số 6 gây mưa rất to trên địa bàn xã.",
    ]  # fmt: skip
    report = parse_bytes(Path("hoaphong-bc135.txt"), "\n\n".join(lines).encode(), 10_000_000)
    assert report.meta.title.endswith("(cập nhật đến 17 giờ ngày 04/11/2026)"), report.meta.title
    assert report.paragraphs[0].text.startswith("Thực hiện Công văn số 4012/UBND-KT")
    assert report.paragraphs[0].text.endswith("báo cáo như sau:"), report.paragraphs[0].text

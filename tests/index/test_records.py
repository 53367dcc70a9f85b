"""Records extracted from one report (index/records.py), on the bundled samples and the
shared Lạng Sơn report: documents, projects and their stages, tasks, figures."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_FILES

from index import vn
from index.readers.text import parse_text
from index.records import (
    Records,
    doc_number_key,
    extract,
    field_of,
    match_key,
    report_stage,
    stage_of,
)


def _records(path) -> Records:
    return extract(parse_text(path, path.read_bytes()), path.stem)


@pytest.fixture(scope="module")
def months() -> dict[str, Records]:
    """Records of the three sample months, by period."""
    out = {}
    for f in SAMPLE_FILES:
        report = parse_text(f, f.read_bytes())
        out[report.meta.period] = extract(report, f.stem)
    return out


@pytest.fixture(scope="module")
def langson(langson_report) -> Records:
    return extract(langson_report, "langson")


# ---- documents ---------------------------------------------------------------------------


def test_number_key_ignores_case_accents_spaces_and_separators() -> None:
    assert doc_number_key("3090/QĐ-UBND") == doc_number_key("3090/qd-ubnd") == "3090/QD/UBND"
    assert doc_number_key("3090 / QĐ - UBND") == doc_number_key("3090/QĐ-UBND")
    assert doc_number_key("40-NQ/TU") == doc_number_key("40/NQ-TU")


def test_documents_with_date_issuer_and_what_they_are_about(months) -> None:
    oct_docs: dict = {}
    for d in months["10/2025"].documents:  # the first mention of each
        oct_docs.setdefault(d.number, d)
    qd = oct_docs["2514/QĐ-UBND"]
    assert (qd.type, qd.digits, qd.date) == ("Quyết định", "2514", "2025-10-06")
    assert qd.issuer == "UBND thành phố Sông Mai"  # "Ban hành Quyết định …": the reporting body
    assert qd.about.startswith("phê duyệt chủ trương đầu tư 01 dự án")
    assert "⁴" in qd.passage  # the project it approves is named in footnote 4
    assert "2514/QĐ-UBND" in qd.passage and qd.paragraph and qd.section == "I.2.2"
    nq = oct_docs["12-NQ/TU"]
    assert (nq.type, nq.date, nq.issuer) == ("Nghị quyết", "2024-03-14", "Ban Thường vụ Tỉnh ủy")
    assert nq.about.startswith("xây dựng và phát triển thành phố Sông Mai")
    cv = oct_docs["1847/UBND-QLĐT"]
    assert (cv.type, cv.issuer) == ("Công văn", "UBND thành phố")
    kh = oct_docs["301/KH-UBND"]
    assert kh.type == "Kế hoạch" and kh.about == ""  # ", với 14 đội …" is not what it is about
    dec = {d.number: d for d in months["12/2025"].documents}
    assert dec["1962/QĐ-UBND"].issuer == "UBND tỉnh"  # "UBND tỉnh ban hành Quyết định …"
    assert dec["412/QĐ-TTr"].issuer == "Chánh Thanh tra tỉnh"


def test_documents_of_the_langson_report(langson) -> None:
    docs: dict = {}
    for d in langson.documents:
        docs.setdefault(d.number, d)
    d = docs["3090/QĐ-UBND"]
    assert d.date == "2023-12-08"
    assert d.about.startswith(
        "công nhận tuyến đường, phố đạt chuẩn văn minh đô thị trên địa bàn thành phố Lạng Sơn"
    )
    assert "36 tuyến" not in d.about  # the clause ends before ", với 36 tuyến đường phố"
    assert (docs["2564/SXD-QHKT&PTĐT"].type, docs["2564/SXD-QHKT&PTĐT"].issuer) == (
        "Công văn",
        "Sở Xây dựng",
    )
    assert docs["74-CTr/TU"].type == "Chương trình"
    assert docs["148/NQ-CP"].issuer == "Chính phủ"
    # the next document named in the same clause is not part of what this one is about
    assert "Chương trình hành động" not in docs["122/KH-UBND"].about
    assert docs["122/KH-UBND"].about.startswith("thực hiện Nghị quyết số 148/NQ-CP")
    in_footnote = [d for d in langson.documents if d.number == "2810/QĐ-UBND"]
    assert in_footnote and in_footnote[0].footnote == 14


# ---- projects ----------------------------------------------------------------------------


def test_project_keys_tolerate_spelling_and_abbreviations() -> None:
    assert match_key("Cải tạo, mở rộng điểm trường Bản Nhàng") == match_key(
        "Cải tạo, mở rộng điểm trường Bán Nhắng"
    )
    assert match_key("Hồ trợ xây dựng trụ sở công an xã Quảng Lạc") == match_key(
        "Hỗ trợ xây dựng Trụ sở công an xã Quảng Lạc"
    )
    assert match_key("Đường Lý Thái Tổ kéo dài và khu dân cư, tái định cư TPLS") == match_key(
        "Đường Lý Thái Tổ kéo dài và khu dân cư, tái định cư thành phố Lạng Sơn"
    )


@pytest.mark.parametrize(
    ("clause", "stage"),
    [
        ("Ban hành Quyết định số 2514/QĐ-UBND về việc phê duyệt chủ trương đầu tư 01 dự án",
         "chủ trương đầu tư"),
        ("Thẩm định hồ sơ thiết kế bản vẽ thi công và dự toán 01 dự án", "thiết kế/dự toán"),
        ("Công tác lựa chọn nhà thầu: Chỉ đạo tổ chức đấu thầu xây lắp 01 dự án", "đấu thầu"),
        ("Chỉ đạo theo dõi thi công xây dựng đối với 05 công trình", "thi công"),
        ("01 dự án tạm dừng thi công vướng mắc GPMB", "tạm dừng — vướng GPMB"),
        ("Chỉ đạo kiểm tra công tác nghiệm thu 01 dự án", "nghiệm thu"),
        ("Bàn giao đưa vào sử dụng 02 dự án", "bàn giao"),
        ("Hoàn thành các thủ tục chấm dứt dự án 02 dự án", "chấm dứt"),
        ("Phê duyệt phương án bồi thường, hỗ trợ đối với 47 hộ gia đình", "GPMB/bồi thường"),
        ("đã hoàn thành giải phóng mặt bằng, nhà thầu thi công trở lại", "thi công"),
    ],
)  # fmt: skip
def test_stage_of_a_clause(clause: str, stage: str) -> None:
    assert stage_of(clause) == stage


def test_projects_from_footnote_lists_and_text(months) -> None:
    oct_ke = [p for p in months["10/2025"].projects if "ke bo song mai" in p.key]
    listed = next(p for p in oct_ke if p.footnote == 9)
    assert listed.name == "Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)"
    assert listed.stage == "tạm dừng — vướng GPMB" and listed.passage == listed.name
    households = [a for p in oct_ke for a in p.amounts if a.unit == "hộ"]
    assert {a.value for a in households} >= {7.0, 19.0}  # "(07 hộ)", "còn 19 hộ gia đình"
    assert report_stage(oct_ke) == "tạm dừng — vướng GPMB"
    dec_ke = [p for p in months["12/2025"].projects if "ke bo song mai" in p.key]
    assert report_stage(dec_ke) == "thi công"
    area = next(p for p in months["10/2025"].projects if p.name == "Khu đô thị mới Nam Sông Mai")
    assert area.amounts[0].value == 38214.6 and area.amounts[0].unit == "m²"
    planned = [p for p in months["10/2025"].projects if p.planned]
    assert {p.name for p in planned} >= {"Công viên cây xanh phường Hòa An"}


def test_same_project_spelt_differently_gets_one_key(langson) -> None:
    names = {p.name for p in langson.projects if "ban nhang" in p.key}
    assert any("Bản Nhàng" in n for n in names) and any("Bán Nhắng" in n for n in names)
    assert len({p.key for p in langson.projects if "ban nhang" in p.key}) == 1
    assert not [p for p in langson.projects if p.name.startswith(("Chỉ đạo", "Công tác"))]


# ---- tasks -------------------------------------------------------------------------------


def test_tasks_of_the_next_period_part(months) -> None:
    tasks = months["10/2025"].tasks
    assert tasks and {t.target_period for t in tasks} == {"11/2025"}
    assert {t.field for t in tasks} == {
        "kinh tế", "đô thị", "đầu tư", "đất đai", "văn hóa - xã hội", "nội vụ",
        "quốc phòng - an ninh",
    }  # fmt: skip
    approve = next(t for t in tasks if t.text == "Phê duyệt chủ trương đầu tư 01 dự án")
    assert approve.details == "Công viên cây xanh phường Hòa An" and approve.field == "đầu tư"
    assert not any(t.text.endswith(("./", ".")) for t in tasks)
    # a ';' before a document named in the same task does not split it
    assert all(t.section.startswith("III") for t in tasks)


def test_field_of_section_titles() -> None:
    assert field_of("Lĩnh vực quản lý đô thị, đầu tư xây dựng cơ bản") == "đô thị"
    assert field_of("Lĩnh vực Tài nguyên Môi trường, Giải phóng mặt bằng") == "đất đai"
    assert field_of("Công tác Nội vụ, Thanh tra, Tư pháp") == "nội vụ"


# ---- figures -----------------------------------------------------------------------------


def _figure(records: Records, measure: str, unit: str):
    return next(f for f in records.figures if f.measure == measure and f.unit == unit)


def test_figures_parsed_exactly_with_unit_and_measure(months) -> None:
    oct_ = months["10/2025"]
    f = _figure(oct_, "lũy kế thu NSNN", "triệu đồng")
    assert (f.value, f.raw, f.period) == (312640.0, "312.640", "10/2025")
    assert f.measure_key == match_key("lũy kế thu ngân sách nhà nước")
    assert _figure(oct_, "lũy kế thu NSNN so với dự toán tỉnh giao", "%").value == 84.6
    ratio = _figure(oct_, "giải ngân vốn đầu tư công", "triệu đồng")
    assert (ratio.numerator, ratio.denominator, ratio.raw) == (
        186530.0,
        412380.0,
        "186.530/412.380",
    )
    assert _figure(oct_, "tỷ lệ giải ngân vốn đầu tư công", "%").value == 45.23
    assert _figure(oct_, "tai nạn giao thông", "vụ").value == 4
    assert _figure(oct_, "cấp giấy phép xây dựng", "giấy phép").value == 41
    assert _figure(oct_, "lũy kế giấy phép xây dựng", "giấy phép").value == 398
    assert _figure(oct_, "chi trả trợ cấp BHXH", "triệu đồng").value == 1086.52
    assert _figure(oct_, "chi trả trợ cấp BHXH", "lượt người").value == 1934
    assert _figure(oct_, "thiệt hại tài sản (trị giá)", "đồng").value == 96_500_000
    target = next(f for f in oct_.figures if f.planned and f.unit == "%")
    assert target.value == 60 and target.measure.endswith("(mục tiêu)")


def test_dates_scales_and_document_numbers_are_not_figures(months, langson) -> None:
    for records in (*months.values(), langson):
        for f in records.figures:
            assert f.raw.count("/") <= 1
            assert not (f.denominator and f.numerator == 1 and f.unit not in ("%",))
    assert not [f for f in months["10/2025"].figures if f.raw in ("2514", "1847", "12")
                and f.unit not in ("vụ", "công trình", "lượt", "ca")]  # fmt: skip


def test_vietnamese_number_formats_in_the_langson_report(langson) -> None:
    values = {(f.raw, f.unit): f.value for f in langson.figures}
    assert values[("397.497", "triệu đồng")] == 397497
    assert values[("108,7", "%")] == 108.7
    assert values[("43.650,3", "m²")] == 43650.3
    assert values[("1.194,48", "triệu đồng")] == 1194.48
    assert values[("170.042/371.635", "triệu đồng")] == 170042
    luy_ke = next(f for f in langson.figures if f.raw == "397.497")
    assert luy_ke.measure == "lũy kế thu NSNN" and luy_ke.period == "12/2023"


def test_every_record_carries_its_source(months) -> None:
    records = months["11/2025"]
    for rec in (*records.documents, *records.projects, *records.figures):
        assert rec.report_id and rec.passage
        assert rec.paragraph is not None or rec.footnote is not None
    for t in records.tasks:
        assert vn.strip_markers(t.passage).find(t.text[:20]) >= 0


def test_extract_is_pure(months) -> None:
    f = SAMPLE_FILES[1]
    report = parse_text(f, f.read_bytes())
    assert extract(report, "x") == extract(report, "x")

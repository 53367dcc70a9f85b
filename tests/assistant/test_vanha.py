"""Answers on the Vân Hà reports (tests/data/reports/vanha: a commune's two months, a
department's year as a generated PDF, the traffic board's tables, the provincial office's
task tables), asked in words of our own — the failures the Vân Hà bank found first."""

from __future__ import annotations

import pytest

from assistant.answerers.items import text_items
from assistant.answerers.sums import aggregate


@pytest.fixture(scope="module")
def ask(vanha_retriever):
    from assistant.route import make_assistant
    from assistant.settings import Settings

    assistant = make_assistant(Settings())
    return lambda q: assistant(q, vanha_retriever)


def test_the_largest_row_is_read_in_the_column_asked_not_the_row_number(ask) -> None:
    """'TT' numbers the rows; 'Số vụ - Năm 2025' counts what the question counts."""
    answer = ask("Địa bàn nào có số vụ tai nạn giao thông cao nhất trong năm 2025?")
    assert "Khu vực thành phố Vân Hà (cũ)" in answer.text and "Số vụ - Năm 2025: 46" in answer.text


def test_a_row_of_last_year_or_of_the_rest_is_no_item(ask) -> None:
    answer = ask("Đơn vị nào phạt được nhiều tiền nhất về vi phạm giao thông?")
    assert "Phòng Cảnh sát giao thông" in answer.text and "78.415" in answer.text
    assert "Cùng kỳ" not in answer.text.split("[1]")[0]
    assert aggregate("Cùng kỳ năm 2024") and aggregate("Các xã, phường còn lại (91 đơn vị)")
    assert not aggregate("Thu khác ngân sách")


def test_a_change_asked_is_read_in_the_column_that_compares(ask) -> None:
    answer = ask("Cây trồng nào có sản lượng tăng nhiều nhất so với năm 2024?")
    assert "Rau các loại" in answer.text and "105,2" in answer.text


def test_which_body_is_no_which_district(ask) -> None:
    """'cơ quan nào' folds to '… quan nào': no question about the districts' columns. (The
    report says the extreme itself — "Đơn vị có tỷ lệ nhiệm vụ quá hạn cao nhất là Ban Quản lý
    dự án …" — and that sentence is the answer, as the table's row "Ban QLDA ĐTXD …" was.)"""
    answer = ask("Cơ quan nào có tỷ lệ nhiệm vụ quá hạn cao nhất?")
    assert "các công trình dân dụng và công nghiệp tỉnh" in answer.text
    assert "26,5" in answer.text and "huyện" not in answer.text.lower()


def test_two_tables_under_one_units_line_stay_two(ask) -> None:
    """Bảng 1 (budget lines) and Bảng 2 (projects) both sit under 'Đơn vị tính: triệu đồng'."""
    answer = ask("Công trình nào của xã Tân Khê có tổng mức đầu tư lớn nhất?")
    assert "Tên dự án, công trình:" in answer.text and "Nội dung thu" not in answer.text


def test_a_month_no_report_tells_is_named_as_a_reader_says_it(ask) -> None:
    """September, of no year: no report is of it nor sets its tasks; the answer says
    'tháng 09', not the stored '09/*'."""
    answer = ask("Tháng 9 xã Tân Khê thu ngân sách được bao nhiêu?")
    assert answer.insufficient
    assert answer.text.startswith("Chưa có báo cáo kỳ tháng 09 ")


def test_a_road_s_kilometre_mark_is_no_count() -> None:
    items = text_items(
        "ngày 14/02/2025 tại Km 42+450 QL.4K (xã Đèo Gió): 03 người chết; ngày 27/5/2025 tại "
        "Km 113+050 QL.29B (phường Hà Lộc): 02 người chết; ngày 19/8/2025 tại Km 21+400 ĐT.418 "
        "(xã Khe Mây): 04 người chết"
    )
    assert sorted(i.value for i in items) == [2, 3, 4]


def test_a_place_typed_without_diacritics_is_a_name_the_passage_must_hold(ask) -> None:
    """The commune counts its dengue cases, not a village's; 'thon ben do' is a name as
    'thôn Bến Đò' is. The commune itself, so typed, is still answered."""
    from assistant.named_reports import places_typed

    assert places_typed("so ca o thon ben do va xa tan khe") == ["ben do", "tan khe"]
    assert places_typed("xa nao co nhieu ho ngheo nhat, an sinh xa hoi ra sao") == []
    assert ask("so ca sot xuat huyet o thon ben do trong thang 11 la bao nhieu").insufficient
    answered = ask("thu ngan sach xa tan khe thang 11 duoc bao nhieu")
    assert not answered.insufficient and "1.858,2" in answered.text


def test_a_day_asked_is_told_by_a_sentence_naming_it(ask) -> None:
    """November's report (signed 19/11) counts BHYT "đến ngày 31/10/2025": asked at 31/10,
    that sentence answers though the report is November's; asked at 30/11, none can — the
    report was signed before it, and its sentences naming no day are no reading on it."""
    a = ask("Tính đến 31/10/2025, tỷ lệ người dân Tân Khê có thẻ BHYT là bao nhiêu?")
    assert "đến ngày 31/10/2025 đạt 94,3%" in a.text, a.text
    assert ask(
        "Tính đến 30/11/2025, bao nhiêu phần trăm người dân Tân Khê có thẻ BHYT?"
    ).insufficient


def test_a_month_named_as_when_it_rained_is_told_by_the_next_report(ask) -> None:
    """No report is of September, but October's tells the rain "từ ngày 28/9 …": the month
    is when it happened, not the period asked (September's revenue above stays refused)."""
    answer = ask("Mưa lớn hồi cuối tháng 9 làm ngập bao nhiêu ha lúa ở Tân Khê?")
    assert not answer.insufficient, answer.text
    assert "86,4 ha" in answer.text and "28/9" in answer.citations[0].quote


def test_a_list_of_a_rain_named_by_its_month_is_read_with_its_clause(ask) -> None:
    """The hamlets' losses are a footnote; the clause referring to it dates the rain ("từ ngày
    28/9"): the month asked is when it happened, and the list answers."""
    answer = ask("Trận mưa cuối tháng 9, thôn nào ở Tân Khê mất nhiều lúa nhất?")
    assert not answer.insufficient, answer.text
    assert "Đồng Sen" in answer.text, answer.text


def test_a_commune_with_no_row_of_its_own_gets_no_other_communes_row(ask) -> None:
    """Pu Lai is no row of the forest table: neither Cẩm Vân's row nor that of the 91
    communes left over answers for it; Cẩm Vân's answers for Cẩm Vân."""
    refused = ask("ty le che phu rung nam 2025 cua xa pu lai la bao nhieu?")
    assert refused.insufficient, refused.text
    named = ask("ty le che phu rung nam 2025 cua xa cam van la bao nhieu?")
    assert not named.insufficient and "Xã Cẩm Vân" in named.text, named.text

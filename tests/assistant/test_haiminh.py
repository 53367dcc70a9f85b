"""Answers on the Hải Minh reports (tests/data/reports/haiminh: a coastal ward's quarter, a
fishing commune's month and its quick storm report as a signed scan, tourism, illegal
fishing, key projects), asked in words of our own — the failures the Hải Minh bank found
first."""

from __future__ import annotations

from assistant.route import answer


def test_a_quick_report_is_named_by_its_kind(haiminh_retriever) -> None:
    """ "báo cáo nhanh": the commune's quick storm report (a scan whose title OCR reads
    "Nhanh tình hình thiệt hại …"), not the department's proposals on the same storm."""
    a = answer("Báo cáo nhanh của xã đề nghị tỉnh hỗ trợ những gì?", haiminh_retriever)
    assert a.citations and {c.report for c in a.citations} == {"196/BC-UBND"}, a.text


def test_a_relic_classed_by_a_decision_is_no_rank(haiminh_retriever) -> None:
    """ "được xếp hạng di tích cấp tỉnh theo quyết định nào": the decision in the footnote
    listing the relics classed this year — no rank is asked, none need be written."""
    a = answer(
        "Lăng Ông Nam Hải Bình An được xếp hạng di tích cấp tỉnh theo quyết định nào?",
        haiminh_retriever,
    )
    assert "2386/QĐ-UBND" in a.text, a.text


def test_two_cells_of_a_row_are_not_subtracted_across_columns(haiminh_retriever) -> None:
    """A row's "Tổng số tàu (chiếc): 312; Tàu từ 15m trở lên: 83" holds no difference that
    anyone asked for: "15" is part of a header, and the two counts are of two columns."""
    a = answer(
        "Số tàu mất kết nối VMS của xã Tân Hải theo Sở và theo xã khác nhau thế nào?",
        haiminh_retriever,
    )
    assert "312 − 15" not in a.text and "312 − 83" not in a.text, a.text


def test_the_end_of_a_quarters_last_month_is_told_by_the_quarter(haiminh_retriever) -> None:
    """ "hết tháng 9": no monthly report of September, but the third quarter's counts the
    land handed over "đến 30/9/2026"."""
    a = answer(
        "Hết tháng 9 phường Bình An còn mấy hộ chưa giao mặt bằng đường ven biển?",
        haiminh_retriever,
    )
    assert not a.insufficient, a.text
    assert "212/236" in a.text and "30/9/2026" in a.citations[0].quote


def test_the_months_so_far_are_the_report_of_those_months(haiminh_retriever) -> None:
    """ "11 tháng qua": January to November of the year, told by the tourism department's
    11-month report — not the construction table's "tàu khách" pier."""
    a = answer(
        "11 tháng qua cả tỉnh đón tổng cộng bao nhiêu lượt khách du lịch, bằng mấy phần trăm "
        "kế hoạch?",
        haiminh_retriever,
    )
    assert "4.285.000 lượt" in a.text and "95,2% kế hoạch năm" in a.text, a.text
    assert {c.report for c in a.citations} == {"1562/BC-SVHTTDL"}


def test_a_figure_of_the_measure_is_not_the_questions_own(haiminh_retriever) -> None:
    """ "quá 6 tiếng" names the measure, it gives no reading: the commune's "06 lượt … quá 6
    giờ (tháng 10: 09 lượt)" is November's count, and its bracket October's — though the
    words of what is counted stand between the figure and the bracket."""
    for q in (
        "Số lượt tàu cá xã Tân Hải mất tín hiệu quá 6 tiếng trong tháng 11 giảm bao nhiêu so "
        "với tháng 10?",
        "Tháng 11 tàu cá Tân Hải mất kết nối VMS trên 6 giờ bao nhiêu lượt, ít hơn tháng 10 "
        "mấy lượt?",
    ):
        a = answer(q, haiminh_retriever)
        assert "6 − 9 = −3 lượt" in a.text, a.text
        assert "(tháng 10: 09 lượt)" in a.citations[0].quote


def test_what_a_report_is_about_names_each_of_its_figures(haiminh_retriever) -> None:
    """ "IUU" is said in the department's title, not beside its figure: the year's fines
    against the same period a year before, from its own bracket ("187 vụ … (cùng kỳ năm
    2025: 142 vụ, …)"), labelled as the spans they are, not as months."""
    a = answer(
        "Số vụ vi phạm IUU bị xử phạt từ đầu năm tăng bao nhiêu so với cùng kỳ năm trước?",
        haiminh_retriever,
    )
    assert "187 − 142 = 45 vụ" in a.text and "So với cùng kỳ năm 2025, năm 2026" in a.text, a.text

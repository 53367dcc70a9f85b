"""When a passage tells a month as the time something happened (index/periods/days.py, read
by answerers/dated.py): a day of the month or the month written, not a month compared
with, a deadline or a ratio."""

from __future__ import annotations

import pytest

from index.periods import Period, names_month

SEPTEMBER = Period.month(2025, 9)


@pytest.mark.parametrize(
    "text",
    [
        "ngập úng do đợt mưa lớn từ ngày 28/9 đến ngày 01/10/2025 là 86,4 ha",
        "Hội nghị đối thoại doanh nghiệp (tổ chức vào ngày 29/9/2025) có 139 doanh nghiệp",
        "Tính đến hết tháng 9/2025, toàn tỉnh có 2.934 dự án",
    ],
)
def test_a_day_or_the_month_written_names_it(text: str) -> None:
    assert names_month(text, SEPTEMBER)


@pytest.mark.parametrize(
    "text",
    [
        "Thu ngân sách tăng 5% so với tháng 9",  # compared with
        "bàn giao mặt bằng 06 hộ còn lại trước ngày 20/9/2025",  # a deadline
        "nâng tổng số lên 41/9 căn",  # no day of a month
        "đến ngày 28/9/2024 đã thu hoạch",  # another year's September
        "tháng 10/2025 thu được 2.146,8 triệu đồng",  # another month
    ],
)
def test_a_comparison_a_deadline_or_another_month_does_not(text: str) -> None:
    assert not names_month(text, SEPTEMBER)


def test_an_event_of_a_month_a_years_report_spans_is_told_on_its_day(tmp_path) -> None:
    """ "Hội nghị xúc tiến đầu tư tháng 10/2025": the year's report spans October and says
    nothing of it, no report is of October, and a later letter tells the conference on its
    day ("Ngày 12/10/2025, …; UBND tỉnh đã tổ chức …"), though the quote keeps only the
    clause asked about."""
    from conftest import letter, text_retriever

    from assistant.route import answer

    year = letter(
        47,
        "10",
        12,
        "Kết quả công tác cải cách hành chính năm 2025",
        "Trong năm 2025, toàn tỉnh tiếp nhận 468.463 hồ sơ thủ tục hành chính.\n",
    )
    conference = (
        "- Ngày 12/10/2025, ngay sau thành công của Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ "
        "2026-2030 và triển khai thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ "
        "2026-2030; UBND tỉnh đã tổ chức thành công Hội nghị Xúc tiến đầu tư tỉnh năm 2025, tại "
        "Hội nghị đã trao 8 quyết định chấp thuận chủ trương đầu tư, với tổng vốn đầu tư khoảng "
        "32.566 tỷ đồng; diện tích khoảng 2.355 ha; ký kết Biên bản ghi nhớ hợp tác đầu tư với "
        "12 doanh nghiệp, đến nay đã có 04/12 doanh nghiệp nộp hồ sơ đề xuất chấp thuận chủ "
        "trương đầu tư theo quy định của pháp luật.\n"
    )
    later = letter(644, "06", 11, "Tình hình cải thiện môi trường đầu tư", conference)
    retriever = text_retriever(tmp_path, {"cchc-2025.txt": year, "ttxt-644.txt": later})
    a = answer(
        "Hội nghị xúc tiến đầu tư tháng 10/2025 trao bao nhiêu quyết định chủ trương đầu tư?",
        retriever,
    )
    assert not a.insufficient and "8 quyết định" in a.text, a.text
    assert "12/10/2025" not in a.citations[0].quote  # the day was cut from what is quoted

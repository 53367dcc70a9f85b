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

"""Last month's figure from this month's report, which writes how it changed ("05 vụ
(giảm 02 vụ so với tháng trước)"): the arithmetic shown on the cited figures, verified."""

from __future__ import annotations

from assistant.answerers.derived import changes
from assistant.answerers.verify import arithmetic
from assistant.route import answer


def test_the_change_beside_a_figure_gives_last_months_figure() -> None:
    (d,) = changes("Phạm pháp hình sự xảy ra 05 vụ (giảm 02 vụ so với tháng trước), làm bị")
    assert d.calc == "05 + 02 = 07 vụ"
    (d,) = changes("chi trả qua tài khoản cho 69.436 người hưởng chế độ (tăng 12.685 người so "
                   "với tháng trước)")  # fmt: skip
    assert d.calc == "69.436 − 12.685 = 56.751 người"
    assert changes("Thu NSNN đạt 28.415 triệu đồng, bằng 103,5% so với cùng kỳ.") == []


def test_shown_sums_and_differences_are_verified() -> None:
    assert arithmetic("05 + 02 = 07 vụ")[1] == []
    assert arithmetic("05 + 02 = 08 vụ")[1]  # a wrong sum is caught
    assert "num:56751" in arithmetic("69.436 − 12.685 = 56.751 người")[0]


def test_a_month_before_the_first_report_is_derived_and_cited(sample_retriever) -> None:
    a = answer("Tháng 9/2025 ghi nhận bao nhiêu ca sốt xuất huyết?", sample_retriever)
    assert not a.insufficient and a.citations
    assert "14 ca sốt xuất huyết (giảm 09 ca so với tháng trước)" in a.text
    assert "14 + 09 = 23 ca" in a.text and "tháng 09/2025" in a.text
    # a month with no report and no change written beside its figure: still said so
    none = answer("Tháng 9/2025 thu ngân sách được bao nhiêu?", sample_retriever)
    assert none.insufficient and "Chưa có báo cáo kỳ 09/2025" in none.text


def test_last_month_asked_of_this_months_sentence(sample_retriever) -> None:
    """No month named: the sentence answering writes its change from last month, and last
    month's figure is worked out from it."""
    a = answer("Tháng trước có bao nhiêu ca sốt xuất huyết, nếu tháng này là 06 ca?",
               sample_retriever)  # fmt: skip
    assert "06 ca sốt xuất huyết (giảm 08 ca so với tháng trước)" in a.text, a.text
    assert "Suy ra tháng trước: 06 + 08 = 14 ca." in a.text
    assert arithmetic(a.text)[1] == []


def test_a_month_a_years_report_spans_is_derived_from_the_next_months(tmp_path) -> None:
    """Beside a year's report that does not give October, November's report writes how
    its figure changed: October's is worked out from it, not refused."""
    from conftest import LETTERHEAD, text_retriever

    year = LETTERHEAD.format(number=45, day=10, month=12, title="Cải cách hành chính năm 2025")
    year += "Năm 2025, toàn tỉnh cung cấp 2.227 dịch vụ công trực tuyến.\n"
    nov = LETTERHEAD.format(number=31, day=20, month=11, title="Kết quả Đề án 06 tháng 11/2025")
    nov += (
        "Trong tháng, vận động chi trả an sinh xã hội qua tài khoản cho 69.436 người hưởng "
        "chế độ (tăng 12.685 người so với tháng trước).\n"
    )
    a = answer(
        "Tháng 10/2025 chi trả an sinh xã hội qua tài khoản cho bao nhiêu người?",
        text_retriever(tmp_path, {"cchc-2025.txt": year, "da06-2025-11.txt": nov}),
    )
    assert not a.insufficient, a.text
    assert "69.436 − 12.685 = 56.751 người" in a.text and arithmetic(a.text)[1] == []

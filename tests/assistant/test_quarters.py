"""Two quarters of a ward (the Lam Khê reports): a quarter named without its year is the
newest one indexed; each quarter's figure is the one its own words name ("07 ca sốt xuất
huyết", not the "12 ca tay chân miệng" beside it); a reason asked is no difference; and a
project's capital that no report gives is not borrowed from the ward's new firms."""

from __future__ import annotations

from assistant.answerers.verify import arithmetic, unsupported
from assistant.route import answer


def test_two_quarters_compared_on_the_figure_their_words_name(lamkhe_retriever) -> None:
    a = answer("sot xuat huyet quy 3 tang bao nhieu ca so voi quy 2?", lamkhe_retriever)
    assert a.mode == "compare" and "31 − 7 = 24 ca" in a.text, a.text
    assert {c.report for c in a.citations} == {"97/BC-UBND", "58/BC-UBND"}


def test_a_reason_asked_is_no_difference(lamkhe_retriever) -> None:
    a = answer(
        "Sao tiền thu ngân sách của phường quý 3 lại hụt so với quý trước?", lamkhe_retriever
    )
    assert "−" not in a.text and "chưa tổ chức đấu giá" in a.text, a.text


def test_a_projects_capital_is_not_another_things(lamkhe_retriever) -> None:
    """The dyke's capital is given in neither quarter: the ward's new firms' registered
    capital, a sentence after the river's name, is no answer."""
    a = answer(
        "Dự án kè sông Lam Giang trong quý III tiêu được bao nhiêu vốn, nhanh hơn quý II không?",
        lamkhe_retriever,
    )
    assert a.insufficient and "94,7" not in a.text, a.text


def test_the_earlier_quarters_figure_in_brackets_is_the_base(halam_retriever) -> None:
    """ "quý III ghi nhận 48 ca (quý II: 11 ca)": no report of the second quarter is
    indexed, the third quarter's sentence gives it in brackets — both quoted from that one
    sentence, the difference shown and checked."""
    a = answer("Sốt xuất huyết ở Hòa Phong quý 3 tăng bao nhiêu ca so với quý 2?", halam_retriever)
    assert a.mode == "compare" and "48 − 11 = 37 ca" in a.text, a.text
    assert len(a.citations) == 1 and "(quý II: 11 ca)" in a.citations[0].text
    assert arithmetic(a.text)[1] == []
    assert unsupported(a.text, [c.text for c in a.citations]) == []


def test_a_state_at_two_month_ends_is_read_in_the_reports_ending_with_them(tmp_path) -> None:
    """ "Lao động các KCN cuối tháng 11 so với cuối tháng 9": no report is of September or
    of November alone with the count, but the third quarter's report counts to 30/9 and the
    eleven months' to 30/11 — each the state at its month's end. The eleven months' report
    also counts the new jobs "trong đó" (a part): no part of both, so no reason to pair only
    parts."""
    from conftest import letter, text_retriever

    quarter = letter(
        128,
        "06",
        10,
        "Tình hình các khu công nghiệp quý III năm 2025",
        "Tính đến ngày 30/9/2025, tổng số lao động làm việc tại các KCN là 67.430 người (tăng "
        "2.180 người so với ngày 30/6/2025).\n",
    )
    jobs = (
        "a) Giải quyết việc làm: 11 tháng năm 2025, toàn tỉnh giải quyết việc làm cho 24.860 "
        "lao động, đạt 95,6% kế hoạch năm (26.000 lao động). Trong đó: tạo việc làm trong tỉnh "
        "17.512 lao động (chủ yếu tại các doanh nghiệp trong các KCN, cụm công nghiệp và lĩnh "
        "vực dịch vụ); đi làm việc ngoài tỉnh 5.200 lao động.\n\n"
        "Tính đến ngày 30/11/2025, số lao động làm việc tại các KCN khoảng 68.120 người.\n"
    )
    months = letter(1502, "04", 12, "Kết quả công tác lao động 11 tháng năm 2025", jobs)
    revenue = "Thu ngân sách nhà nước trong tháng đạt 1.245 tỷ đồng.\n"
    november = letter(193, "27", 11, "Tình hình kinh tế - xã hội tháng 11 năm 2025", revenue)
    files = {"bql-q3.txt": quarter, "snv-11t.txt": months, "ubnd-t11.txt": november}
    retriever = text_retriever(tmp_path, files)
    a = answer(
        "Lao động trong các KCN cuối tháng 11 so với cuối tháng 9 tăng bao nhiêu?", retriever
    )
    assert "68.120 − 67.430 = 690" in a.text, a.text
    assert not unsupported(a.text, [c.text for c in a.citations]), a.text


def test_one_quarters_figure_is_no_comparison_of_two(tmp_path) -> None:
    """ "quý III so với quý II giảm được bao nhiêu?": the third quarter's rate alone does not
    say how it compares with the second's, and the answer says so (as for two months)."""
    from conftest import letter, text_retriever

    def report(number: int, month: int, quarter: str, text: str) -> str:
        return letter(
            number, "05", month, f"Tình hình kinh tế - xã hội quý {quarter} năm 2025", text
        )

    q2 = report(61, 7, "II", "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 92,1%.\n")
    q3 = report(97, 10, "III", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi là 8,9%.\n")
    retriever = text_retriever(tmp_path, {"q2.txt": q2, "q3.txt": q3})
    a = answer(
        "Tỷ lệ trẻ nhỏ suy dinh dưỡng thấp còi quý III so với quý II giảm bao nhiêu?", retriever
    )
    assert a.insufficient and "quý II" in a.text, a.text
    # the third quarter's own "So với quý trước" (a sentence's first words) tells the second's
    told = report(
        97,
        10,
        "III",
        "So với quý trước, tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm 0,4 điểm "
        "phần trăm, còn 8,9%.\n",
    )
    (tmp_path / "b").mkdir()
    retriever = text_retriever(tmp_path / "b", {"q2.txt": q2, "q3.txt": told})
    a = answer(
        "Tỷ lệ trẻ nhỏ suy dinh dưỡng thấp còi quý III so với quý II giảm bao nhiêu?", retriever
    )
    assert not a.insufficient and "0,4 điểm" in a.text, a.text

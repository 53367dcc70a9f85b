"""Answers on the Bích Sơn reports (tests/data/reports/bichson: a commune's two months, a
province's year with next year's plan, an inspectorate's 11 months, a culture department's
month, a commune's flood damage as a signed scan), asked in words of our own — the failures
the Bích Sơn bank found first."""

from __future__ import annotations

from assistant.answerers.verify import arithmetic
from assistant.route import answer


def test_the_focus_of_a_month_ahead_is_its_tasks(bichson_retriever) -> None:
    """ "tháng 12 tập trung làm những việc gì": the tasks the November report sets for
    December, not the paragraphs that name the department."""
    a = answer("Sở Văn hóa tháng 12 tập trung làm những việc gì?", bichson_retriever)
    assert a.mode == "section", a.text
    assert "Chương trình nghệ thuật chào năm mới 2027" in a.text, a.text
    assert {c.report for c in a.citations} == {"402/BC-SVHTTDL"}


def test_a_decision_typed_without_its_stroke(bichson_retriever) -> None:
    """ "QD" is how "QĐ" is typed without diacritics: the decision declaring the outbreak
    over is named by it, in the footnote of the sentence that says so."""
    a = answer("QD cong bo het dich ta lon so may, ngay nao?", bichson_retriever)
    assert "2041/QĐ-UBND ngày 09/11/2026" in a.text, a.text


def test_an_abbreviated_kind_of_commune_names_no_commune(bichson_retriever) -> None:
    """ "xa NTM nang cao": communes of a standard, not a commune called "NTM Nâng Cao"."""
    a = answer("ke hoach 2027 phan dau bao nhieu xa NTM nang cao?", bichson_retriever)
    assert "Kế hoạch 2027: 63" in a.text, a.text


def test_an_earlier_month_in_brackets_may_shorten_its_unit(bichson_retriever) -> None:
    """ "548.200 lượt khách, giảm 10,5% so với tháng 10 (612.400 lượt)": one count, its
    noun shortened in the bracket; no October report is indexed."""
    a = answer("Tháng 11 khách du lịch đến tỉnh giảm bao nhiêu so với tháng 10?", bichson_retriever)
    assert a.mode == "compare" and "548.200 − 612.400 = −64.200 lượt khách" in a.text, a.text
    assert arithmetic(a.text)[1] == []
    cited = " ".join(c.text for c in a.citations)
    assert "548.200 lượt khách" in cited and "(612.400 lượt)" in cited, cited


def test_a_month_only_the_years_report_spans_is_said_missing(bichson_retriever) -> None:
    """December 2026: the province's year report spans it, and says nothing of the commune's
    December — the periods there are, and November's own figure quoted as the nearest."""
    a = answer("Thu ngân sách tháng 12/2026 của xã Đồng Xuân được bao nhiêu?", bichson_retriever)
    assert a.insufficient
    assert a.text.startswith("Chưa có báo cáo kỳ 12/2026")
    assert "báo cáo kỳ 11/2026 (không phải kỳ được hỏi)" in a.text
    assert "1.418 triệu đồng" in a.text


def test_a_day_past_every_report_typed_without_its_year(bichson_retriever) -> None:
    """'tính đến 15/12' in reports that stop in November: 15/12/2026, no report reaches it."""
    a = answer("tinh den 15/12 xa dong xuan thu ngan sach duoc bao nhieu", bichson_retriever)
    assert a.insufficient
    assert a.text.startswith("Chưa có báo cáo nào có số liệu tính đến ngày 15/12/2026")


def test_a_year_named_only_as_what_it_is_compared_with(bichson_retriever) -> None:
    """'… tăng 10,0% so với cùng kỳ năm 2025 (14.870 triệu đồng)' is November 2026's sentence."""
    a = answer("Thu ngân sách tháng 11/2026 của xã Đồng Xuân được bao nhiêu?", bichson_retriever)
    assert not a.insufficient
    assert "1.418 triệu đồng" in a.text
    assert any("1.418 triệu đồng" in c.text for c in a.citations)


def test_a_department_asked_by_its_initials(bichson_retriever) -> None:
    """ "Sở VH": the culture department's own report, its tasks for December."""
    a = answer("Sở VH tháng 12 tập trung làm những việc gì?", bichson_retriever)
    assert not a.insufficient
    assert {c.report for c in a.citations} == {"402/BC-SVHTTDL"}


def test_a_change_from_a_month_named_answers_for_that_month(bichson_retriever) -> None:
    """ "giảm 10,5% so với tháng 10 (612.400 lượt)" in November's report tells October too:
    no "không nêu số liệu tháng 10" for want of October's report."""
    a = answer("thang 11 khach du lich ve tinh giam bao nhieu so voi thang 10?", bichson_retriever)
    assert not a.insufficient and "giảm 10,5% so với tháng 10 (612.400 lượt)" in a.text, a.text


def test_one_figure_as_two_sources_give_it(bichson_retriever) -> None:
    """The inspectorate's letters from Đồng Xuân against the commune's own count: 104 in each
    (not the commune's 104 against the 06 it solved, beside it in one sentence)."""
    a = answer(
        "Số đơn thư của xã Đồng Xuân trong báo cáo thanh tra và báo cáo của xã có khớp nhau không?",
        bichson_retriever,
    )
    assert a.mode == "compare" and "Hai nguồn khớp nhau: cùng là 104 đơn." in a.text, a.text
    assert {c.report for c in a.citations} == {"97/BC-TTr", "238/BC-UBND"}


def test_this_year_against_last_is_the_reports_own_bracket(bichson_retriever) -> None:
    """ "năm nay … năm ngoái", no period named: the report's own period and the same period
    a year before, given in its bracket ("đạt 87,4% (cùng kỳ năm 2025 đạt 84,1%)")."""
    a = answer(
        "Năm nay tỉnh giải quyết khiếu nại đạt tỷ lệ cao hơn năm ngoái mấy điểm phần trăm?",
        bichson_retriever,
    )
    assert "87,4 − 84,1 = 3,3 điểm %" in a.text, a.text


def test_a_bare_year_is_no_figure_set_against_last_years_rate(bichson_retriever) -> None:
    """ "GRDP, giá so sánh 2010 … cao hơn mức tăng của năm 2025 (7,46%)": 2010 names the
    price base, it is no reading to take 7,46 from."""
    a = answer("GRDP năm 2026 tăng nhanh hơn năm 2025 bao nhiêu?", bichson_retriever)
    assert "2.010" not in a.text, a.text

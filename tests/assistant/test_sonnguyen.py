"""The Sơn Nguyên reports (a commune's three months, September's a signed scan; a
disbursement table of two header levels): a table cell under "(triệu đồng)" is money, units
of every size are ranked by their rate, a running total of other months is no answer for
"9 tháng", and an English question's farm and army words are the reports' own."""

from __future__ import annotations

from assistant.route import answer


def test_a_cell_under_a_money_header_is_money(sonnguyen_retriever) -> None:
    a = answer(
        "duong lien thon dong tam - khe can den 25/8 giai ngan duoc bao nhieu tien roi",
        sonnguyen_retriever,
    )
    assert not a.insufficient and "Giải ngân lũy kế (triệu đồng): 2.300" in a.text, a.text


def test_owners_of_every_size_are_ranked_by_their_rate(sonnguyen_retriever) -> None:
    """The lowest disbursement is the lowest rate (27,4%), not the smallest amount; the
    columns' numbering row ("A; B; 1=2+3") is no owner."""
    a = answer("Chủ đầu tư nào giải ngân vốn đầu tư công thấp nhất tỉnh?", sonnguyen_retriever)
    assert "Ban Quản lý các khu công nghiệp tỉnh" in a.text and "27,4" in a.text, a.text
    assert "1=2+3" not in a.text


def test_the_slowest_owner_is_named_first_with_the_cell_read(sonnguyen_retriever) -> None:
    """ "Chậm nhất" is how far along the plan, a rate like "thấp nhất"; the answer names the
    row and the cell read before quoting the long row."""
    a = answer("Đơn vị nào tiêu vốn đầu tư công chậm nhất tỉnh?", sonnguyen_retriever)
    head = a.text.splitlines()[0]
    assert "Ban Quản lý các khu công nghiệp tỉnh (Tỷ lệ: 27,4%)" in head, a.text


def test_nine_months_asked_is_not_eight_months_running_total(sonnguyen_retriever) -> None:
    a = answer("thu ngan sach 9 thang cua xa dong lam dat bao nhieu % du toan", sonnguyen_retriever)
    assert "72,9%" in a.text and "63,7%" not in a.text, a.text


def test_an_english_question_in_the_reports_words(sonnguyen_retriever) -> None:
    a = answer(
        "How many young men passed the pre-screening for 2027 military service in Đồng Lâm?",
        sonnguyen_retriever,
    )
    assert not a.insufficient and "29 thanh niên" in a.text, a.text


def test_a_months_aim_is_no_reading_of_it(sonnguyen_retriever) -> None:
    """August's report sets September's aim ("Đôn đốc … đạt trên 75% khối lượng"): the
    kindergarten's August figure is the one it reached, 62%."""
    a = answer(
        "Trường mầm non Đồng Lâm từ tháng 8 đến tháng 10 xây thêm được bao nhiêu phần trăm "
        "khối lượng?",
        sonnguyen_retriever,
    )
    assert "85 − 62 = 23 điểm %" in a.text and "75" not in a.text, a.text

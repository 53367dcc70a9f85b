"""The Ngân Khê reports (two months of a ward in lettered parts, a province's quarter, a
disbursement table by investor, a police month, a commune's housing programme as a scan):
the ward's initials ("phường KT") name it; its revenue is compared with its revenue, not its
spending; its "B. ĐÁNH GIÁ CHUNG" holds its shortcomings; a numbered unit is named by its
number (a row whose note has its own "; " is still a row); the earlier month a report gives
itself in the next sentence is the base; the scan's misread "II." is the third part."""

from __future__ import annotations

from assistant.answerers.verify import arithmetic, unsupported
from assistant.route import answer


def test_the_wards_initials_and_its_revenue_not_its_spending(ngankhe_retriever) -> None:
    a = answer(
        "Thu ngân sách của phường KT tháng 10 nhiều hơn tháng 9 bao nhiêu?", ngankhe_retriever
    )
    assert a.mode == "compare" and "5.214 − 4.826 = 388 triệu đồng" in a.text, a.text
    assert {c.report for c in a.citations} == {"118/BC-UBND", "131/BC-UBND"}


def test_growth_is_a_rate_and_the_quarter_before_is_given_beside_it(ngankhe_retriever) -> None:
    """ "Tăng trưởng kinh tế" is the GRDP's growth: "quý III … ước tăng 8,46% …, cao hơn …
    quý II (8,21%)" is both figures, the change itself the reading."""
    a = answer("Tăng trưởng kinh tế quý 3 nhanh hơn quý 2 bao nhiêu?", ngankhe_retriever)
    assert a.mode == "compare" and "8,46 − 8,21 = 0,25 điểm %" in a.text, a.text
    assert arithmetic(a.text)[1] == []
    assert unsupported(a.text, [c.text for c in a.citations]) == []


def test_a_lettered_part_holds_the_shortcomings(ngankhe_retriever) -> None:
    a = answer("Tháng 9 phường Kim Tuyền còn những hạn chế gì?", ngankhe_retriever)
    assert a.mode == "section" and "Tồn tại, hạn chế (thuộc P2 ĐÁNH GIÁ CHUNG)" in a.text, a.text
    assert {c.report for c in a.citations} == {"118/BC-UBND"}


def test_a_numbered_unit_is_named_by_its_number(ngankhe_retriever) -> None:
    """Tổ dân phố 9's row ends with a note of its own "; " ("Xây vượt tầng; không phép"):
    still a row, and the one quoted; tổ dân phố 15 is in no table."""
    a = answer(
        "Tổ dân phố 9 lũy kế 9 tháng được cấp bao nhiêu giấy phép xây dựng?", ngankhe_retriever
    )
    assert "Tổ dân phố: Tổ dân phố 9;" in a.text and "Lũy kế 9 tháng: 26" in a.text, a.text
    assert "Tổ dân phố 10" not in a.text, a.text
    none = answer("Tổ dân phố 15 tháng 9 được cấp mấy giấy phép xây dựng?", ngankhe_retriever)
    assert none.insufficient, none.text
    most = answer("to dan pho nao duoc cap phep xay nha nhieu nhat tu dau nam", ngankhe_retriever)
    assert "Tổ dân phố 9" in most.text.split("\n")[1], most.text


def test_the_earlier_month_given_in_the_next_sentence_is_the_base(ngankhe_retriever) -> None:
    """No provincial report of September is indexed (the ward's counts its own accidents):
    October's police report gives September's count in the sentence after its own."""
    a = answer(
        "So với tháng 9, số vụ tai nạn giao thông toàn tỉnh tháng 10 tăng bao nhiêu?",
        ngankhe_retriever,
    )
    assert a.mode == "compare" and "24 − 19 = 5 vụ" in a.text, a.text
    assert {c.report for c in a.citations} == {"377/BC-CAT-PV01"}
    assert arithmetic(a.text)[1] == []
    assert unsupported(a.text, [c.text for c in a.citations]) == []


def test_the_scans_misread_part_is_the_third(ngankhe_retriever) -> None:
    a = answer("Xã Thạch Bàn gặp khó khăn, vướng mắc gì khi xóa nhà tạm?", ngankhe_retriever)
    assert a.mode == "section" and a.text.startswith("III KHÓ KHĂN, VƯỚNG MẮC"), a.text


def test_a_day_is_told_by_the_quarter_ending_on_it(ngankhe_retriever) -> None:
    """ "đến 30/9": the ward's September report and the province's third quarter both read
    up to that day — the province's programme is in the quarter's."""
    a = answer("Chương trình xóa nhà tạm của tỉnh đến 30/9 xong bao nhiêu căn?", ngankhe_retriever)
    assert "hoàn thành 2.604 căn" in a.text and "402/BC-UBND" in {c.report for c in a.citations}


def test_one_quarter_alone_is_not_its_running_total(ngankhe_retriever) -> None:
    a = answer("Riêng quý III xuất khẩu được bao nhiêu triệu USD?", ngankhe_retriever)
    assert a.insufficient and "1.284,6" not in a.text and "642,3" not in a.text, a.text


def test_what_it_mainly_was_and_what_it_is_stuck_on(ngankhe_retriever) -> None:
    a = answer("Tội phạm trật tự xã hội tháng 10 chủ yếu là loại gì?", ngankhe_retriever)
    assert "chủ yếu là trộm cắp tài sản (29 vụ, chiếm 42,6%)" in a.text, a.text
    b = answer("Sau 9 tháng tỉnh đang vướng những chuyện gì?", ngankhe_retriever)
    assert b.mode == "section" and b.text.startswith("II KHÓ KHĂN, HẠN CHẾ"), b.text


def test_a_months_count_is_no_quarters(ngankhe_retriever) -> None:
    """September's ward report counts 07 dengue cases in its month: no figure of the third
    quarter; the province's "Trong 9 tháng … 1.126 ca" is the nine months' figure."""
    assert answer("Riêng quý 3 có bao nhiêu ca sốt xuất huyết?", ngankhe_retriever).insufficient
    a = answer("9 tháng có bao nhiêu ca sốt xuất huyết?", ngankhe_retriever)
    assert "1.126 ca" in a.text.split("\n")[0], a.text


def test_a_month_counted_by_the_years_report_is_compared_with_its_base(ngankhe_retriever) -> None:
    """ "đến 31/10 so với cùng kỳ năm ngoái": no monthly report says it; the year's
    disbursement report, counting "đến ngày 31/10/2026", gives the rate and last year's
    ("cao hơn cùng kỳ năm 2025 (58,9%)") — both quoted, the difference shown."""
    a = answer(
        "Giải ngân tới 31/10 đạt tỷ lệ bao nhiêu, hơn cùng kỳ năm trước mấy điểm?",
        ngankhe_retriever,
    )
    assert not a.insufficient, a.text
    assert "64,5 − 58,9 = 5,6" in a.text, a.text


def test_the_body_named_after_the_month_is_whose_figures_are_compared(ngankhe_retriever) -> None:
    """ "Tháng 10 Công an tỉnh phạt …": the provincial police's own figure and the change it
    states, not the ward police's October fines less the ward's September building fines."""
    a = answer(
        "Tháng 10 Công an tỉnh phạt hành chính tổng cộng tiền tăng hay giảm bao nhiêu"
        " so với tháng 09?",
        ngankhe_retriever,
    )
    assert "7.948,5 triệu đồng" in a.text and "6,4%" in a.text, a.text
    assert "47,6" not in a.text

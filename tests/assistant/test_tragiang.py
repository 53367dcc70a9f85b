"""The Trà Giang reports (two months of a commune, a flood's damage table across a PDF's
pages, a school year, a health month, a ward's land clearance as a signed scan): a month's
amount written right after "tháng" is a figure, not a month; a report that states the
extreme itself is quoted; a rate asked ranks by the rate column; a scan's stray speck does
not hide its title, and a signature without a name says so."""

from __future__ import annotations

from assistant.route import answer


def test_a_months_amount_after_thang_is_compared(tragiang_retriever) -> None:
    """ "Tổng thu NSNN … trong tháng 1.245 triệu đồng": 1.245 is October's revenue, not the
    month of "tháng 1" — the difference is the two months' own amounts, as November's
    report states it (giảm 12,9%)."""
    a = answer("thu ngan sach thang 11 hoa thinh so voi thang 10 tang hay giam", tragiang_retriever)
    assert "1.084 − 1.245 = −161 triệu đồng (−12,9%)" in a.text, a.text


def test_the_extreme_the_report_states_is_quoted(tragiang_retriever) -> None:
    a = answer("Địa phương nào bị thiệt hại nặng nhất về tiền?", tragiang_retriever)
    assert not a.insufficient and "Bến Đình (21.470 triệu đồng)" in a.text, a.text


def test_a_rate_asked_ranks_by_the_rate_column(tragiang_retriever) -> None:
    """GDTX grew most by its rate (+5,2%); primary schools by their number (+2.105)."""
    a = answer("cap hoc nao tang hoc sinh nhanh nhat tinh theo %", tragiang_retriever)
    assert "Cấp học: GDTX" in a.text and "Tiểu học" not in a.text, a.text


def test_the_scans_quarter_is_read_past_a_speck(tragiang_retriever) -> None:
    """A speck read as "." between the letterhead and "BÁO CÁO" ended the header: the
    report had no title, so no quarter, and "quý 3" found no report."""
    a = answer(
        "quy 3 phuong Ben Dinh tra tien den bu duoc cho bao nhieu ho, het bao nhieu tien?",
        tragiang_retriever,
    )
    assert "Chưa có báo cáo kỳ quý III" not in a.text, a.text


def test_a_signature_without_a_name_names_nobody(tragiang_retriever) -> None:
    a = answer("Báo cáo 77 của Bến Đình ai ký?", tragiang_retriever)
    assert a.insufficient and "không ghi họ tên người ký" in a.text, a.text


def test_planned_work_asked_as_tinh_lam_is_the_tasks_part(tragiang_retriever) -> None:
    a = answer("Tháng 12 ngành y tế tính làm những gì?", tragiang_retriever)
    assert "diệt lăng quăng" in a.text and "Tổng kết công tác y tế năm 2026" in a.text, a.text


def test_a_change_asked_ranks_the_change_column(tragiang_retriever) -> None:
    """The crops table: "So với cùng kỳ (%)" names no measure of its own beside "Diện tích
    (ha)" — a change asked ranks by it, a fall by its smallest."""
    grew = answer(
        "Ở Hòa Thịnh cây gì trồng tăng diện tích mạnh nhất so với năm ngoái?", tragiang_retriever
    )
    assert "Cây trồng: Rau các loại" in grew.text and "Lúa" not in grew.text, grew.text
    fell = answer(
        "vu mua o hoa thinh cay gi giam dien tich nhieu nhat so voi cung ky?", tragiang_retriever
    )
    assert "Cây trồng: Sắn" in fell.text, fell.text


def test_who_signed_the_report_asks_no_reporting_period(tragiang_retriever) -> None:
    """ "ai ký báo cáo" folds as "kỳ báo cáo" (the period a report covers): the question asks
    who signed, and the scan names nobody."""
    a = answer("Ai ký báo cáo 77 của Bến Đình vậy, tên gì?", tragiang_retriever)
    assert a.insufficient and "Trích yếu" not in a.text, a.text


def test_a_figure_set_against_last_year_is_not_two_things(tragiang_retriever) -> None:
    """ "… so với năm ngoái hụt bao nhiêu?": across time — the province's own change is quoted
    ("thấp hơn cùng kỳ 9,8%"), never its area less a commune's (4.860 − 168 ha)."""
    a = answer(
        "Diện tích vụ Đông toàn tỉnh năm nay so với năm ngoái hụt bao nhiêu?", tragiang_retriever
    )
    assert "thấp hơn cùng kỳ 9,8%" in a.text, a.text
    assert "Chênh lệch" not in a.text and "4.692" not in a.text, a.text


def test_two_rows_the_question_names_neither_of_are_no_two_sides(tragiang_retriever) -> None:
    """ "bao nhiêu giáo viên so với chỉ tiêu": the recruitment table's "Giáo viên mầm non" and
    "Tiếng Anh" rows are not the two sides — no difference of them is computed."""
    a = answer(
        "Năm nay tuyển được bao nhiêu giáo viên so với chỉ tiêu được giao?", tragiang_retriever
    )
    assert "492 − 134" not in a.text and "Chênh lệch" not in a.text, a.text
    assert "tuyển dụng được 386/612 chỉ tiêu giáo viên" in a.text, a.text


def test_a_lead_in_counting_nothing_does_not_stand_before_the_figures(tragiang_retriever) -> None:
    """The ward's report opens "Thực hiện Công văn số 2875/UBND-KT …, UBND phường … báo cáo
    … như sau:": it covers the question best and counts nothing; the sentence after it does."""
    a = answer(
        "quy 3 phuong Ben Dinh tra tien den bu duoc cho bao nhieu ho, het bao nhieu tien?",
        tragiang_retriever,
    )
    assert not a.insufficient and "38 hộ với số tiền 19.640 triệu đồng" in a.text, a.text


def test_since_a_month_is_a_bound_not_a_report_period(tragiang_retriever) -> None:
    """ "từ tháng 8/2026 tới giờ": since August, to now — not the report of August (there is
    none), so no "Chưa có báo cáo kỳ 08/2026": the schools recognised since are listed."""
    a = answer(
        "Từ tháng 8/2026 tới giờ tỉnh công nhận thêm những trường nào đạt chuẩn quốc gia?",
        tragiang_retriever,
    )
    assert not a.insufficient and "Hòa Thịnh số 2" in a.text, a.text
    assert "Chưa có báo cáo kỳ" not in a.text, a.text

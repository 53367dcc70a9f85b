"""One question pipeline: a Query parsed once, the router's plan for its intent, and the
answerers it calls — periods no report covers, sections, comparisons with their arithmetic,
superlatives, the report's own metadata — on the sample reports, with the real embedder."""

from __future__ import annotations

import re

import pytest

from assistant import intent as Q
from assistant.answerers import asked as asked_
from assistant.answerers import (
    beside,
    compare,
    extract,
    figures,
    gates,
    items,
    kinds,
    llm,
    metadata,
    named,
    section,
    section_terms,
    series,
    sums,
    superlative,
    support,
)
from assistant.answerers.figures import figures_in
from assistant.answerers.verify import arithmetic, unsupported
from assistant.query import normalize
from assistant.route import answer, route
from index import vn


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Quyết định số 2514/QĐ-UBND về nội dung gì?", Q.DOCUMENT),
        ("Báo cáo số 912/BC-UBND do ai ký?", Q.METADATA),
        ("Báo cáo KT-XH tháng 10/2025 của thành phố số bao nhiêu, ký ngày nào?", Q.METADATA),
        ("Nhìn chung tháng 11 làm được gì? Tóm gọn thôi.", Q.SUMMARY),
        # one document and one day asked, though "công tác" names a field
        ("Đoàn thanh tra về công tác đất công làm việc theo quyết định nào, từ ngày nào?", Q.FACT),
        ("Báo cáo CCHC năm 2025 do ai ký và gửi về đâu?", Q.METADATA),
        (  # a long second side
            "tien xu phat vi pham dat dai cao hon tien buoc nop lai so loi bat hop phap bao nhieu",
            Q.COMPARISON,
        ),
        ("Báo cáo tháng 12 được gửi tới những cơ quan nào?", Q.METADATA),
        ("Ai đứng tên ký báo cáo số 912 tháng 10?", Q.METADATA),
        ("Phụ lục biểu mẫu này kèm theo báo cáo của ai?", Q.METADATA),
        # the signer of the decision asked about, not of the report
        ("Đoàn thanh tra về đất công làm việc theo quyết định nào, ai ký?", Q.FACT),
        ("Tóm tắt báo cáo tháng 11/2025", Q.SUMMARY),
        ("Tóm tắt diễn biến dự án Kè bờ sông Mai qua 3 tháng", Q.PROJECT),
        ("Dự án nào chậm chọn nhà thầu so với kế hoạch?", Q.FACT),  # which one, not a change
        ("Xã nào đứng đầu về thu ngân sách?", Q.SUPERLATIVE),
        ("Thu NSNN so với dự toán chênh bao nhiêu?", Q.COMPARISON),
        ("dien bien du an duong vanh dai phia bac qua cac thang", Q.PROJECT),
        ("Thu NSNN tháng 12 tăng bao nhiêu so với tháng 11?", Q.COMPARISON),
        ("Từ tháng 10 sang tháng 11 tỷ lệ giải ngân nhích lên được mấy điểm?", Q.COMPARISON),
        ("Tháng 1 có nhích lên không?", Q.COMPARISON),
        ("Tháng này bắt mấy vụ?", Q.FIGURE),
        ("tien phat thang 12 nhieu hon thang 11 bao nhieu", Q.COMPARISON),
        ("Xã nào có nhiều vụ vi phạm nhất?", Q.SUPERLATIVE),
        ("chi so nao dak nong xep hang thap nhat", Q.SUPERLATIVE),
        ("Tỷ lệ giải ngân vốn đầu tư công qua các tháng", Q.SERIES),
        ("Nhiệm vụ tháng 11/2025 đã được thực hiện chưa?", Q.TASKS),
        ("Dự án Kè bờ sông Mai đang ở giai đoạn nào?", Q.PROJECT),
        ("Dự án công viên cây xanh mấy tháng nay tiến triển tới đâu rồi?", Q.PROJECT),
        ("Mấy tháng gần đây tai nạn giao thông có làm ai tử vong không?", Q.SERIES),
        ("Báo cáo nêu những tồn tại, hạn chế gì?", Q.SECTION),
        ("Tháng 12 thành phố còn những mặt nào chưa làm được?", Q.SECTION),
        ("Về dịch vụ hỗ trợ doanh nghiệp, tỉnh cũ nào đứng chót?", Q.SUPERLATIVE),
        ("phuong nao xep bet ve chuyen doi so", Q.SUPERLATIVE),
        ("Tình hình an ninh trật tự trong tháng ra sao?", Q.SECTION),
        ("nam 2026 tinh se lam gi ve sap xep to chuc bo may", Q.SECTION),
        ("Những dự án nào được phê duyệt chủ trương đầu tư?", Q.LIST),
        ("Bao nhiêu giấy phép xây dựng được cấp?", Q.FIGURE),
        ("Chợ Bến Đò khởi công ngày nào?", Q.FACT),
        ("What did Decision No. 2846/QĐ-UBND approve?", Q.DOCUMENT),
        ("Điểm qua nhanh những kết quả nổi bật của tháng 12/2025.", Q.SUMMARY),
        ("Tóm lại tháng cuối năm 2023 thành phố làm được những điểm gì nổi bật?", Q.SUMMARY),
        ("Cơ quan nào đứng tên phát hành báo cáo này?", Q.METADATA),
        # the number, date or signer of a document the report cites: a fact in its text
        ("Chỉ thị về giữ an ninh dịp Tết số mấy, ai ký ban hành?", Q.FACT),
        ("Kế hoạch triển khai 36 mô hình điểm là kế hoạch số mấy, ban hành ngày nào?", Q.FACT),
        ("Nghị quyết thu phí 0 đồng của HĐND tỉnh mang số hiệu nào?", Q.FACT),
        ("Báo cáo tháng 10 tự nhận còn những mặt yếu nào?", Q.SECTION),
        # a heading typed as the request, no question word at all
        ("nhiem vu thang toi ve noi vu, thanh tra, tu phap trong bao cao thang 1/2026", Q.SECTION),
        # how many documents, not the number of one
        ("so van ban qppl do cap xa ban hanh nam 2025", Q.FACT),
        ("Số của báo cáo này là gì?", Q.METADATA),
        # "QĐ" is a decision the report cites, its signer no signer of the report
        ("QĐ phạt vụ đó số mấy, ai ký?", Q.FACT),
        # "xi măng, so với": no "mang số"; "Báo cáo mang số mấy?" is
        ("11 tháng tỉnh làm ra bao nhiêu xi măng, so với cùng kỳ ra sao?", Q.COMPARISON),
        ("Báo cáo này mang số mấy?", Q.METADATA),
    ],
)
def test_intent(question: str, intent: str) -> None:
    assert normalize(question).intent == intent


def test_route_plans() -> None:
    assert route(normalize("Xã nào có nhiều vụ vi phạm nhất?"))[0] is superlative.answer
    assert route(normalize("Thu NSNN tăng bao nhiêu so với tháng trước?"))[0] is compare.comparison
    assert route(normalize("Báo cáo nêu những hạn chế gì?"))[0] is section.answer
    assert route(normalize("Ai ký báo cáo?"))[0] is metadata.answer
    assert route(normalize("QĐ 2514 là gì?"))[0] is beside.document  # records, and what beside
    for question in ("Bao nhiêu giấy phép?", "Chợ Bến Đò khởi công ngày nào?"):
        assert route(normalize(question)) == (llm.answer, extract.answer)


def _grounded(a) -> list[str]:
    """Figures of an answer that neither a cited passage, nor its citation's metadata, nor
    arithmetic shown in it yields."""
    meta = [f"{c.report} {c.date} {c.section}" for c in a.citations]
    text = re.sub(r"(?m)^\d\) ", "", a.text)  # the numbers of a question's parts
    return unsupported(re.sub(r"\(chú thích \d+\)", " ", text), [c.text for c in a.citations], meta)


def test_a_period_no_report_covers_is_said_with_the_periods_there_are(sample_retriever) -> None:
    a = answer("Thu NSNN tháng 02/2026 đạt bao nhiêu?", sample_retriever)
    assert a.insufficient
    assert a.text.startswith("Chưa có báo cáo kỳ 02/2026")
    assert "10/2025, 11/2025, 12/2025, 01/2026" in a.text
    # the nearest period may be quoted, labelled as such, never as the answer
    assert "không phải kỳ được hỏi" in a.text and "45.380" in a.text
    # the periods it names are the index's own labels; every other figure is cited
    assert set(_grounded(a)) <= {"02/2026", "10/2025", "11/2025", "12/2025", "01/2026"}


def test_as_of_a_date_after_the_newest_report(sample_retriever) -> None:
    a = answer(
        "Giải ngân vốn đầu tư công tính đến ngày 31/12/2025 đạt bao nhiêu?", sample_retriever
    )
    assert a.insufficient
    assert a.text.startswith("Chưa có báo cáo nào có số liệu tính đến ngày 31/12/2025")


def test_comparison_shows_its_arithmetic_on_cited_figures(sample_retriever) -> None:
    a = answer("Lượt khám bệnh tháng 11 tăng bao nhiêu so với tháng 10?", sample_retriever)
    assert a.mode == "compare" and not a.insufficient
    assert "1.718" in a.text and "1.642" in a.text
    assert "1.718 − 1.642 = 76" in a.text
    keys, errors = arithmetic(a.text)
    assert errors == [] and "num:76" in keys
    assert _grounded(a) == []
    assert {c.date[-7:] for c in a.citations} == {"11/2025", "10/2025"}


def test_two_months_are_compared_on_their_own_figures_not_their_changes(sample_retriever) -> None:
    """ "06 ca (giảm 08 ca so với tháng trước)" and "14 ca (giảm 09 ca …)": 06 and 14."""
    a = answer("Số ca sốt xuất huyết tháng 11 so với tháng 10 tăng hay giảm?", sample_retriever)
    assert a.mode == "compare" and "6 − 14 = −8 ca" in a.text, a.text
    assert _grounded(a) == []


def test_what_is_left_of_a_whole_is_shown_on_its_figures(sample_retriever) -> None:
    """ "đạt 238.917/412.380 triệu đồng" asked "còn bao nhiêu chưa giải ngân": the whole less
    the part, written out and cited; a date ("12/11") is no part of a whole."""
    a = answer("Tháng 11 vốn đầu tư công còn bao nhiêu chưa giải ngân?", sample_retriever)
    assert "Còn lại: 412.380 − 238.917 = 173.463 triệu đồng [1]." in a.text, a.text
    assert arithmetic(a.text)[1] == [] and _grounded(a) == []
    a = answer("Tháng 11 vốn đầu tư công giải ngân được bao nhiêu?", sample_retriever)
    assert "Còn lại" not in a.text, a.text


def test_one_months_figure_is_no_comparison_of_two(sample_retriever) -> None:
    """December's report gives no dengue count: November's alone is said to be all there
    is, not passed off as the comparison (its "so với tháng trước" is November's)."""
    a = answer("so ca sot xuat huyet thang 12 so voi thang 11 tang hay giam", sample_retriever)
    assert a.insufficient and "không nêu số liệu tháng 12/2025" in a.text
    assert "06 ca sốt xuất huyết" in a.text and a.citations


def test_an_amount_written_over_its_plan_is_compared(sample_retriever) -> None:
    """ "đạt 238.917/412.380 triệu đồng": the amount reached is the figure when money is
    asked; when the rate is asked, the rate beside it still is."""
    a = answer(
        "Vốn đầu tư công giải ngân tháng 11 tăng bao nhiêu tiền so với tháng 10?",
        sample_retriever,
    )
    assert a.mode == "compare" and "238.917 − 186.530 = 52.387 triệu đồng" in a.text
    assert arithmetic(a.text)[1] == [] and _grounded(a) == []
    a = answer(
        "Tỷ lệ giải ngân vốn đầu tư công tháng 11 tăng bao nhiêu so với tháng 10?",
        sample_retriever,
    )
    assert "57,94 − 45,23 = 12,71 điểm %" in a.text


def test_two_comparisons_in_one_question_are_both_computed(sample_retriever) -> None:
    """ "… nhiều vụ hơn … không, tiền phạt chênh nhau bao nhiêu?": a yes/no comparison and a
    second one on the periods of the first, each figure cited; the fine is the sentence
    after the cases ("Tổng số tiền xử phạt …"), found by what the sentence before says."""
    a = answer(
        "Buôn lậu, hàng giả tháng 12 xử lý nhiều vụ hơn tháng 10 không, tiền phạt chênh "
        "nhau bao nhiêu?",
        sample_retriever,
    )
    assert a.mode == "compare" and not a.insufficient
    assert "14 − 11 = 3 vụ" in a.text and "112,3 − 86,4 = 25,9 triệu đồng" in a.text
    assert a.text.index("14 − 11") < a.text.index("112,3 − 86,4")
    assert arithmetic(a.text)[1] == [] and _grounded(a) == []


def test_a_measure_is_followed_across_the_months_of_a_span(sample_retriever) -> None:
    """ "… từ tháng 10 đến tháng 1 tăng giảm ra sao?" (what the records answerer does not
    keep): the measure in each monthly report of the span, across the new year, each
    cited, and the change from first to last written out."""
    from assistant.context import Context

    ctx = Context(sample_retriever)
    a = series.answer(normalize("Lượt khám bệnh từ tháng 10 đến tháng 1 tăng giảm ra sao?"), ctx)
    assert a is not None and a.mode == "compare" and not a.insufficient
    for figure in ("1.642 lượt", "1.718 lượt", "1.905 lượt", "2.046 lượt"):
        assert figure in a.text
    assert "Từ tháng 10/2025 đến tháng 01/2026 tăng: 2.046 − 1.642 = 404 lượt" in a.text
    assert arithmetic(a.text)[1] == [] and _grounded(a) == []


def test_two_questions_each_with_its_mark_are_both_answered(sample_retriever) -> None:
    a = answer(
        "Thu ngân sách tháng 12/2025 được bao nhiêu? Lũy kế cả năm đạt bao nhiêu phần trăm "
        "dự toán?",
        sample_retriever,
    )
    assert a.text.startswith("1) ") and "\n2) " in a.text
    assert "42.960 triệu đồng" in a.text and "104,7%" in a.text.split("\n2) ")[1]


def test_a_section_answer_shows_the_footnotes_its_points_refer_to(sample_retriever) -> None:
    """ "Khởi công 01 dự án¹⁵; … bàn giao 02 dự án¹⁷": which ones are in the footnotes, and a
    section's answer shows them beside the point, each cited as a footnote."""
    a = answer("Tháng 12 lĩnh vực đầu tư xây dựng cơ bản có những nhiệm vụ gì?", sample_retriever)
    assert a.mode == "section"
    line = next(ln for ln in a.text.split("\n") if "Khởi công xây dựng 01 dự án" in ln)
    assert "(chú thích 15): Cải tạo, nâng cấp chợ trung tâm Bến Đò" in line
    assert "Xây dựng trường Tiểu học Phú Mai" in line
    assert {c.footnote for c in a.citations} >= {15, 16, 17}


def test_figures_of_a_sentence_keep_dates_and_numbers_apart() -> None:
    """An amount over its plan is a figure only when asked for amounts; a date, a
    document number and a share of twelve are never one."""
    text = "ngày 15/11/2025 theo Quyết định số 3090/QĐ-UBND, đạt 161.430/357.494 triệu đồng"
    assert figures_in(text) == []
    assert figures_in(text, amounts=True) == [
        ("161.430", 161430.0, "triệu đồng", text.index("161"))
    ]
    assert figures_in("05/12 xã đạt chuẩn", amounts=True) == []
    # a document's name and a span's years are no figures to compare
    named = "Công văn số 205-CV/TU về Đề án 06; Quyết định 1835 giai đoạn 2023 - 2025 có 12 vụ"
    assert [f[0] for f in figures_in(named)] == ["12"]


def test_a_rank_among_others_is_no_difference() -> None:
    from assistant.answerers.compare import _rank_asked
    from assistant.answerers.sides import sides

    assert _rank_asked(normalize("Tỷ lệ giải ngân tháng 11 đứng thứ mấy so với các huyện?"))
    assert not _rank_asked(normalize("Lâm Đồng xếp hạng thua Bình Thuận mấy bậc?"))
    # "A và B chênh nhau bao nhiêu": two sides either side of "và"
    both = sides(normalize("Biên chế được giao và số có mặt thực tế chênh nhau bao nhiêu người?"))
    assert both is not None
    left, right = both
    assert "giao" in left and "mat" in right and "giao" not in right


def test_verification_catches_wrong_arithmetic() -> None:
    _, errors = arithmetic("1.718 − 1.642 = 67 lượt (+4,6%).")
    assert errors and "≠" in errors[0]
    _, errors = arithmetic("1.718 − 1.642 = 76 lượt (+9,0%).")
    assert errors and "%" in errors[0]
    assert unsupported("Tăng 76 lượt.", ["khám 1.718 lượt", "khám 1.642 lượt"]) == ["76"]


def test_superlative_picks_from_the_footnote_list(sample_retriever) -> None:
    a = answer(
        "Tháng 12, dự án nào có nhiều hộ được duyệt phương án bồi thường nhất?", sample_retriever
    )
    assert a.mode == "compare" and "Khu đô thị mới Nam Sông Mai (33 hộ)" in a.text
    assert all(c.footnote is not None for c in a.citations)
    assert _grounded(a) == []


@pytest.mark.parametrize("quarter", ["quý IV/2025", "quý IV vừa rồi"])
def test_superlative_across_months(sample_retriever, quarter: str) -> None:
    """The level of each month, not its change ("tăng 01 vụ so với tháng trước"); a quarter
    named without its year is the months of that quarter the reports cover."""
    a = answer(
        f"Trong {quarter} tháng nào xảy ra nhiều vụ tai nạn giao thông nhất?", sample_retriever
    )
    assert not a.insufficient and a.mode == "compare"
    assert a.text.startswith("Tháng 10/2025 cao nhất (04 vụ)")
    assert len({c.date for c in a.citations}) == 3
    assert _grounded(a) == []


def test_the_month_before_a_month_named_without_its_year(sample_retriever) -> None:
    """'tháng 12 … tháng trước': the month before the newest December indexed."""
    a = answer("Số lượt điều trị tháng 12 nhiều hơn tháng trước bao nhiêu lượt?", sample_retriever)
    assert a.mode == "compare"
    assert "816 − 742 = 74 lượt" in a.text
    assert {c.date[-7:] for c in a.citations} == {"12/2025", "11/2025"}


def test_as_of_a_day_no_report_reaches_is_not_answered_by_older_figures(sample_retriever) -> None:
    """'cả năm 2025 tính đến 31/12': the year named elsewhere dates the day, and a report
    written before it is quoted only as the nearest, never as the answer."""
    a = answer(
        "Cả năm 2025 tính đến ngày 31/12 thu ngân sách được tổng cộng bao nhiêu?", sample_retriever
    )
    assert a.insufficient
    assert a.text.startswith("Chưa có báo cáo nào có số liệu tính đến ngày 31/12/2025")


def test_done_tasks_are_not_answered_with_the_plan() -> None:
    assert section_terms.wants_plan(normalize("Nhiệm vụ tháng tới về y tế gồm những gì?"))
    assert not section_terms.wants_plan(normalize("Những nhiệm vụ nào đã hoàn thành?"))


def test_list_items_of_one_sentence_and_numbered_lists() -> None:
    found = items.text_items(
        "Cập nhật thông tin các hội, đoàn thể: 56.920 hội viên hội người cao tuổi, 72.142 hội "
        "viên hội nông dân, 48.253 hội viên hội cựu chiến binh, 251 hội viên hội chữ thập đỏ."
    )
    assert [i.raw for i in found] == ["56.920", "72.142", "48.253", "251"]
    assert {i.unit for i in found} == {"hoi"}
    numbered = items.text_items("(12) Cấp phiếu lý lịch tư pháp; (13) Thu thuế khoán hộ kinh doanh")
    assert not [i for i in numbered if i.raw in ("12", "13")]  # a place in a list counts nothing


@pytest.mark.parametrize(
    "question",
    [
        "Báo cáo tháng 10/2025 nêu những hạn chế gì?",
        "Báo cáo tháng 10/2025 chỉ ra những hạn chế nào?",  # "chỉ ra" asks, it is no topic
    ],
)
def test_section_answer_lists_the_points_with_the_path(sample_retriever, question: str) -> None:
    a = answer(question, sample_retriever)
    assert a.mode == "section" and a.text.startswith("II.2 Hạn chế")
    points = [ln for ln in a.text.split("\n")[1:] if ln.startswith("- ")]
    assert 1 <= len(points) <= 8 and all(re.search(r"\[\d+\]$", p) for p in points)
    assert all(c.section.startswith("II.2") for c in a.citations)
    assert _grounded(a) == []


@pytest.mark.parametrize(
    "question", ["Tình hình y tế tháng 11 thế nào?", "Y tế tháng 11/2025 có gì đáng chú ý?"]
)
def test_a_field_under_its_umbrella_gets_its_own_points(sample_retriever, question) -> None:
    """The health of "I.4 Văn hoá - xã hội": its sentences (khám bệnh, sốt xuất huyết,
    vắc xin, ngộ độc), not the teachers' contest and the welfare payments beside them."""
    a = answer(question, sample_retriever)
    assert a.mode == "section" and "I.4 Văn hoá - xã hội" in a.text
    assert "1.718 lượt" in a.text and "06 ca sốt xuất huyết" in a.text
    assert "giáo viên" not in a.text and "trợ cấp" not in a.text
    assert _grounded(a) == []


def test_tasks_for_next_month_in_one_field(sample_retriever) -> None:
    a = answer(
        "Sang tháng 12/2025 lĩnh vực văn hóa - xã hội định làm những việc gì?", sample_retriever
    )
    assert a.mode == "section" and "III.4" in a.text
    assert all(c.report == "1015/BC-UBND" for c in a.citations)


def test_next_months_plan_for_a_field_the_report_is_titled_with(sample_retriever) -> None:
    """ "Tháng tới mảng quốc phòng, an ninh … làm những việc gì?": the plan's QP-AN section,
    though "quốc phòng - an ninh" is in every report's title, and "mảng" names no section."""
    a = answer(
        "Tháng tới mảng quốc phòng, an ninh của thành phố sẽ tập trung làm những việc gì?",
        sample_retriever,
    )
    assert a.mode == "section" and "III.6" in a.text, a.text
    assert "Lễ giao nhận quân năm 2026" in a.text


def test_the_tasks_a_named_report_sets(sample_retriever) -> None:
    """ "… trong báo cáo tháng 12": the December report's tasks (for January), not the
    November report's tasks for December."""
    for q in (
        "Nhiệm vụ tháng tới về văn hóa xã hội trong báo cáo tháng 12 gồm những gì?",
        "nhiem vu thang toi ve van hoa xa hoi trong bao cao thang 12 gom nhung gi",
    ):
        a = answer(q, sample_retriever)
        assert a.mode == "section" and "Tết Nhân ái" in a.text, a.text
        assert all(c.report == "1123/BC-UBND" for c in a.citations)


def test_metadata_from_the_header_card(sample_retriever) -> None:
    a = answer("Báo cáo số 912/BC-UBND do ai ký?", sample_retriever)
    assert a.mode == "metadata" and "Trần Minh Quân" in a.text and not a.insufficient
    a = answer("Báo cáo tháng 11/2025 của UBND thành phố Sông Mai số mấy?", sample_retriever)
    assert "1015/BC-UBND" in a.text
    # the date quoted as the report writes it, from the line it is written on
    a = answer("Báo cáo tháng 12 ký ngày nào?", sample_retriever)
    assert "TP. Sông Mai, ngày 16 tháng 12 năm 2025" in a.text, a.text
    # two things asked of one report: both answered, each from its own line
    a = answer("Báo cáo KT-XH tháng 10/2025 số bao nhiêu, ký ngày nào?", sample_retriever)
    assert "912/BC-UBND" in a.text and "ngày 17 tháng 10 năm 2025" in a.text, a.text
    # where its figures stop, as the report says it — not the day it was signed
    a = answer("Báo cáo tháng 11 số liệu tính đến ngày nào?", sample_retriever)
    assert a.mode == "metadata" and "tính đến hết ngày 12/11/2025" in a.text, a.text
    assert "ngày 14 tháng 11" not in a.text, a.text
    # "đề ngày mấy", "gửi cấp trên nào": the date line and the recipients, beside the signer
    a = answer("Báo cáo số 912/BC-UBND ai ký, đề ngày mấy, gửi cấp trên nào?", sample_retriever)
    assert "Trần Minh Quân" in a.text and "ngày 17 tháng 10 năm 2025" in a.text, a.text
    assert "Nơi nhận" in a.text or "Kính gửi" in a.text, a.text


def test_a_date_is_written_as_the_reports_cite_one_another() -> None:
    """A day below 10, and January and February, with a leading zero (Nghị định 30/2020):
    "ngày 10/4/2026" as the reports cite it, not "10/04/2026"."""
    from index.labels import cited_date

    assert cited_date("2026-04-10") == "10/4/2026"
    assert cited_date("2026-01-05") == "05/01/2026"
    assert cited_date("2025-12-18") == "18/12/2025"
    assert cited_date("2025-11") == "11/2025"  # a draft's month


def test_a_year_the_question_names_is_not_swapped_for_another(sample_retriever) -> None:
    """'năm 2024' asked: a sentence that names only 2025 is never the answer."""
    query = sample_retriever.normalize("Năm 2024 thu ngân sách lũy kế đạt bao nhiêu?")
    from assistant.context import Context

    ctx = Context(sample_retriever)
    for c in extract.candidates(query, ctx.hits(query), ctx):
        assert not ({2025} >= vn_years(c.sentence) > set())


def test_in_a_report_of_another_year_a_year_in_brackets_is_a_detail() -> None:
    """'năm 2024' asked of a 2025 report: a sentence about 2025 that mentions 2024's carried
    capital in its brackets is no 2024 figure; one about PCI 2024, or the plan for 2024 in
    a 2023 report, is."""
    asked = asked_.Asked(years=frozenset({2024}), as_of="", months=())
    carried = "Dự toán năm 2025 là 22.143 tỷ đồng (gồm vốn năm 2024 chuyển sang là 2.548 tỷ đồng)."
    assert not asked.fits(carried, "", other_year=True)
    assert asked.fits("Chỉ số PCI năm 2024 (công bố năm 2025) của tỉnh xếp hạng 54/63.", "", True)
    plan = (
        "Rà soát dự án năm 2023, xây dựng Kế hoạch giải ngân năm 2024 theo các văn bản hướng dẫn."
    )
    assert asked.fits(plan, "", True)


def test_a_year_is_closed_in_the_next_januarys_report(sample_retriever) -> None:
    """January's report tells what the year before ended with (its awards); its sentences
    about the new year are still no answer for the old one."""
    a = answer("Năm 2025 thành phố khen thưởng bao nhiêu tập thể có thành tích?", sample_retriever)
    assert not a.insufficient and "27 tập thể" in a.text and "96/QĐ-UBND" in a.text
    assert any(c.date.startswith("15/01/2026") or "2026" in c.date for c in a.citations)
    from assistant.context import Context

    query = sample_retriever.normalize("Năm 2025 thu ngân sách lũy kế đạt bao nhiêu?")
    ctx = Context(sample_retriever)
    for c in extract.candidates(query, ctx.hits(query), ctx):
        # (December's "Tết … năm 2026 được chuẩn bị" is 2025's work, for the year after)
        if ctx.store.info(c.hit.chunk.report_id).date.startswith("2026"):  # type: ignore[union-attr]
            assert not ({2026} >= vn_years(c.sentence) > set())


def vn_years(text: str) -> set[int]:
    from index import periods

    return periods.years(text)


def test_english_questions_half_understood_abstain(sample_retriever) -> None:
    """The glossary knows "vaccinated", not "stray dogs" nor "rabies": a guess, refused.
    (Dengue fever in November 2025 used to be this case; the November report counts 06 ca
    sốt xuất huyết, and the glossary now knows the words.)"""
    question = "How many stray dogs were vaccinated against rabies in November 2025?"
    assert normalize(question).understood < 0.75
    assert answer(question, sample_retriever).insufficient


def test_answers_never_mix_rows_or_months(sample_retriever) -> None:
    """A question naming a period quotes that period's report only."""
    a = answer("Tháng 11/2025 cấp bao nhiêu giấy phép xây dựng?", sample_retriever)
    assert not a.insufficient and {c.report for c in a.citations} == {"1015/BC-UBND"}
    assert vn.numbers(a.text)


def test_names_a_passage_must_hold_include_acronyms() -> None:
    from assistant.answerers.support import proper_names

    assert proper_names("Hội chợ OCOP Sông Mai có bao nhiêu doanh nghiệp?") == ["OCOP", "Sông Mai"]
    assert proper_names("Tài khoản VNeID được cấp bao nhiêu?") == ["VNeID"]
    # a document number's parts and a part's numeral name nothing
    assert proper_names("Quyết định số 2846/QĐ-UBND trong quý IV về gì?") == []


def test_a_heading_word_that_holds_a_stopword_names_its_section(sample_retriever) -> None:
    """'tồn tại': its 'tại' is part of the heading word, not a stopword to drop."""
    assert "ton tai" in " ".join(normalize("Báo cáo nêu những tồn tại gì?").content)
    a = answer("Báo cáo tháng 10/2025 nêu những tồn tại, hạn chế gì?", sample_retriever)
    assert a.mode == "section" and a.text.startswith("II.2 Hạn chế")


def test_a_summary_row_is_not_the_largest_of_what_it_sums() -> None:
    assert sums.aggregate("Nội dung: Chỉ số chung")
    assert sums.aggregate("Tổng cộng")
    assert sums.aggregate("tong cong")  # typed without its diacritics
    assert not sums.aggregate("Chi phí gia nhập thị trường")
    # folded, "công" reads as "cộng" (a sum): a company or "03 công trình" sums nothing
    assert not sums.aggregate("Công ty Cổ phần chợ Lạng Sơn")
    assert not sums.aggregate("03 công trình nhà nước")


def test_a_running_total_is_compared_with_the_running_total(sample_retriever) -> None:
    """'cộng dồn' asks for the 'lũy kế' figures of both months, not the month's receipts
    written first in the same sentence."""
    a = answer(
        "Số thu ngân sách cộng dồn đến giữa tháng 12 tăng thêm bao nhiêu so với tháng 11?",
        sample_retriever,
    )
    assert a.mode == "compare" and "386.808 − 343.848 = 42.960 triệu đồng" in a.text
    assert _grounded(a) == []


def test_a_field_under_its_umbrella_heading(sample_retriever) -> None:
    """The plan has no heading "giáo dục": "Lĩnh vực Văn hóa - xã hội" holds it, and its
    paragraph is about schooling ("học sinh giỏi"); a field that section never mentions
    ("nông nghiệp") is not found there."""
    a = answer("Tháng 12 thành phố dự kiến làm gì về giáo dục?", sample_retriever)
    assert a.mode == "section" and a.text.startswith("III.4 Lĩnh vực Văn hóa - xã hội")
    assert "học sinh giỏi lớp 9" in a.text
    folded = "du kien lam gi ve giao duc nong nghiep"
    title = set(vn.terms("Lĩnh vực Văn hóa - xã hội"))
    implied = vn.implied_fields(title, folded, lambda: " ky thi hoc sinh gioi ")
    assert vn.terms("giáo dục")[0] in implied and "nong" not in implied


def test_who_asks_for_a_name_not_a_count() -> None:
    """ "Đội nào giành giải nhất?" is not answered by "14 đội tham gia" (a count, and the
    event's own name, which the question already says); "Phòng Kinh tế: 05 nội dung"
    names the body asked about."""
    q = normalize("Đội nào giành giải nhất Giải Đua thuyền sông Mai?")
    count = "Tổ chức Giải Đua thuyền sông Mai theo Kế hoạch số 301/KH-UBND, với 14 đội tham gia."
    assert named.asks_who(q) and gates.answer_type(q, count) == 0.0
    winner = "Đội phường Hòa An giành giải nhất Giải Đua thuyền sông Mai."
    assert gates.answer_type(q, winner) == 1.0
    assert named.asks_who(normalize("Ai ký báo cáo số 1250?"))
    assert not named.asks_who(normalize("Tết nhân ái trao bao nhiêu suất quà?"))
    english = normalize("What share of the applications came from Bến Đò ward?")
    assert support.name_share(english, "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 71,2%") == 0.0


def test_a_documents_number_and_date_are_its_own() -> None:
    """ "Nghị quyết … số hiệu nào" wants a number of that kind (an NQ), not the Chỉ thị the
    sentence also cites; "Kế hoạch 372 ban hành ngày nào" is answered by the plan's own
    date; a bare year names an event, it counts nothing."""
    q = normalize("Nghị quyết thu phí 0 đồng của HĐND tỉnh mang số hiệu nào?")
    cited = "Theo Chỉ thị số 07/CT-TTg ngày 14/3/2025, tham mưu HĐND ban hành Nghị quyết thu phí."
    assert gates.answer_type(q, cited) == 0.0
    assert gates.answer_type(q, "Nghị quyết số 12/2025/NQ-HĐND ngày 10/7/2025 về thu phí.") == 1
    q = normalize("ke hoach 372 ve trang tri do thi ban hanh ngay nao")
    assert gates.answer_type(q, "Ban hành Kế hoạch số 372/KH-UBND ngày 09/12/2025.") == 1.0
    # its number asked with a day: the day is the plan's own, not the one it plans for
    q = normalize("ke hoach kiem tra phong chay chua chay so may, ngay nao")
    sentence = "Đoàn kiểm tra theo Kế hoạch số 334/KH-UBND ngày 03/11/2025 đã kiểm tra 46 cơ sở."
    assert gates.answer_type(q, sentence) == 1.0
    # the event's day asked before the plan's number: the plan's date does not tell it
    q = normalize("Hội nghị tổng kết tổ chức ngày nào, theo kế hoạch số mấy?")
    sentence = "Ban hành Kế hoạch số 20/KH-UBND ngày 05/01/2026 về tổ chức hội nghị tổng kết."
    assert gates.answer_type(q, sentence) == 0.0
    # a table row's number and its form's are no figure: an empty cell answers no count
    q = normalize("Có bao nhiêu cơ quan đã được phê duyệt vị trí việc làm?")
    row = "STT: 1.1.; Chỉ tiêu: Số cơ quan đã được phê duyệt vị trí việc làm; Số liệu: -"
    assert gates.answer_type(q, f"{row} Biểu mẫu 1 – Công tác chỉ đạo") == 0.0
    assert gates.answer_type(q, row.replace("Số liệu: -", "Số liệu: 12")) == 1.0
    q = normalize("Lễ hội hoa Đào Xứ Lạng 2024 đón được bao nhiêu lượt khách?")
    assert gates.answer_type(q, "Trang trí lễ hội hoa Đào Xứ Lạng 2024.") == 0.0
    assert gates.answer_type(q, "Lễ hội hoa Đào Xứ Lạng 2024 đón 2024 lượt khách.") == 1.0


def test_a_name_is_found_with_words_between() -> None:
    q = normalize("Chỉ thị về an ninh dịp Tết Bính Ngọ số mấy?")
    assert support.name_share(q, "bảo đảm an ninh dịp Tết Nguyên đán Bính Ngọ năm 2026") == 1.0
    assert support.name_share(q, "dịp Tết Dương lịch 2026 và cả năm Bính Ngọ sắp tới") == 0


def test_a_project_over_the_months_is_its_stages_report_by_report(sample_retriever) -> None:
    """ "Diễn biến dự án X qua các tháng": what each month's report says of X, newest first,
    each cited — not one month's section on land clearance."""
    a = answer("Tóm tắt diễn biến dự án Đường vành đai phía Bắc qua các tháng", sample_retriever)
    assert a.mode == "records" and not a.insufficient
    lines = a.text.split("\n")[1:]
    periods = [re.match(r"- Kỳ (\d{2}/\d{4})", line).group(1) for line in lines]
    assert len(set(periods)) >= 3 and periods == sorted(periods, key=lambda p: p[::-1])[::-1]
    assert all("Đường vành đai phía Bắc" in line and re.search(r"\[\d+\]", line) for line in lines)


def test_still_stuck_names_the_shortcomings_section(sample_retriever) -> None:
    """ "còn vướng ở những điểm nào" is how a leader asks for the "Hạn chế" section."""
    a = answer("Tháng 12 thành phố còn vướng ở những điểm nào?", sample_retriever)
    assert a.mode == "section" and a.text.startswith("II.2 Hạn chế"), a.text
    assert "12/2025" in a.citations[0].date or "1123" in a.citations[0].report


def test_a_breakdown_asked_is_not_answered_by_the_total(sample_retriever) -> None:
    """ "của từng phường", "mỗi xã": the city's one total is no answer; a list naming the
    wards one by one is."""
    q = normalize("Tiền phí vệ sinh môi trường tháng 11 của mỗi xã thu được bao nhiêu?")
    assert named.breakdown_asked(q) == "xã"
    assert named.breakdown_asked(normalize("tien ve sinh moi truong cua tung phuong")) == "phuong"
    assert not named.breakdown_asked(normalize("Tiền vệ sinh môi trường thu được bao nhiêu?"))
    total = "Thu giá dịch vụ vệ sinh môi trường được 312.480.000 đồng."
    assert gates.answer_type(q, total) == 0.0
    assert named.breaks_down("phường", "P. Bến Đò: 12 triệu đồng; P. Tân Giang: 9 triệu đồng")
    assert answer(q.text, sample_retriever).insufficient


def test_a_list_is_chosen_by_the_words_as_typed(sample_retriever) -> None:
    """Two footnotes hold lists of the same kind: "tiếp công dân định kỳ" (¹¹) and "Phân
    công cán bộ tiếp công dân thường xuyên" (¹²). Typed with diacritics, "phản ánh" is not
    that "Phân", so the list of the reception asked about is the one compared."""
    q = "Tiếp công dân định kỳ tháng 12, người dân phản ánh nhiều nhất về lĩnh vực gì?"
    a = answer(q, sample_retriever)
    assert "đất đai: 11 lượt" in a.text and "19 lượt" not in a.text, a.text


def test_money_is_asked_only_when_money_is_counted() -> None:
    """ "Số người nhận tiền … bao nhiêu" counts people: a count of people is no worse an
    answer for lacking an amount in đồng; "chi bao nhiêu tiền" asks for one."""
    people = normalize("Số người nhận tiền an sinh xã hội qua tài khoản tăng bao nhiêu?")
    sentence = "chi trả an sinh xã hội qua tài khoản cho 69.436 người (tăng 12.685 người)"
    assert support.money(people, sentence) == 0.5
    cash = normalize("Chi trả an sinh xã hội qua tài khoản hết bao nhiêu tiền?")
    assert support.money(cash, sentence) == 0.0
    assert support.money(cash, "chi trả 1.194,48 triệu đồng") == 1.0
    # capital named without a figure asked ("theo căn cứ nào") asks for no amount
    basis = normalize("Kế hoạch giải ngân vốn đầu tư công năm 2024 xây dựng theo căn cứ nào?")
    assert not kinds.kinds(basis.folded).money
    assert kinds.kinds(normalize("Vốn đầu tư công giao bao nhiêu?").folded).money


def test_who_heads_it_is_no_superlative() -> None:
    """ "ai đứng đầu" asks for a leader; "xã nào đứng đầu" for the top of a ranking."""
    assert normalize("Tổ công tác lập theo quyết định nào, ai đứng đầu?").intent != Q.SUPERLATIVE
    assert normalize("người đứng đầu cơ quan là ai").intent != Q.SUPERLATIVE


def test_a_firm_asked_is_answered_by_a_firm_named(sample_retriever) -> None:
    """ "Công ty nào thi công …" is not answered by the project's tender being done, nor
    by "nhà thầu tạm dừng thi công": only by a firm's name."""
    q = normalize("Công ty nào thi công cải tạo chợ Bến Đò?")
    assert named.asks_firm(q) and named.asks_firm(normalize("Which contractor won the bid?"))
    assert named.asks_firm(normalize("Đơn vị nào thắng thầu thi công chợ trung tâm?"))
    assert named.asks_firm(normalize("nha thau thi cong cau Cua Lach la ai?"))
    assert named.asks_firm(normalize("Nhà thầu làm cầu Cửa Lạch là đơn vị nào?"))
    assert not named.asks_firm(normalize("Xã nào có nhiều vụ vi phạm nhất?"))
    tender = "Hoàn thành tổ chức đấu thầu xây lắp 01 dự án: Cải tạo, nâng cấp chợ Bến Đò."
    assert gates.answer_type(q, tender) == 0.0
    assert gates.answer_type(q, "nhà thầu đối với 06 dự án, nhà thầu tạm dừng thi công") == 0.0
    assert gates.answer_type(q, "Công ty TNHH Xây dựng Đức Thành thi công chợ Bến Đò.") == 1.0
    a = answer("Công ty nào trúng thầu xây Nhà văn hóa trung tâm thành phố?", sample_retriever)
    assert a.insufficient, a.text  # the reports name the tender, never the firm


def test_the_part_asked_after_trong_do_must_be_given() -> None:
    """ "…, trong đó bao nhiêu người có công?" asks for that part: the whole ("69.436 người")
    is no answer, nor "người … công chức" with the words apart."""
    q = normalize("Chi trả qua tài khoản cho bao nhiêu người, trong đó bao nhiêu người có công?")
    whole = "Chi trả qua tài khoản cho 69.436 người, giảm thời gian đi lại của công chức."
    part = "Chi trả qua tài khoản cho 69.436 người, trong đó 1.204 người có công."
    assert gates.answer_type(q, whole) == 0.0 and gates.answer_type(q, part) == 1.0
    # "riêng X", "trong số …, có bao nhiêu X" ask for a part too; "riêng tháng 10" is a period
    only = normalize("Riêng dự án Khách sạn Hòa An đăng ký bao nhiêu vốn?")
    assert gates.answer_type(only, "06 biên bản với tổng vốn 2.150 tỷ đồng: Khách sạn Hòa An") == 0
    among = normalize("Trong số dự án vướng mắc, có bao nhiêu dự án có vốn nước ngoài?")
    assert gates.answer_type(among, "Có 288 dự án đang gặp khó khăn, vướng mắc.") == 0
    assert (
        gates.answer_type(normalize("Riêng tháng 10 thu được bao nhiêu?"), "thu được 28.415") == 1
    )
    # the words that only frame the part ("khoản", "lĩnh vực", "chiếm") need not be quoted
    rent = normalize("Tháng 10, riêng khoản tiền thuê nhà thu được bao nhiêu lượt, bao nhiêu tiền?")
    assert gates.answer_type(rent, "Tiền thuê nhà 96 lượt với số tiền 131.520.000 đồng") == 1
    land = normalize("Trong số lượt tiếp công dân, lĩnh vực đất đai chiếm bao nhiêu lượt?")
    assert gates.answer_type(land, "Trong đó đất đai: 19 lượt; GPMB: 11 lượt") == 1
    assert gates.answer_type(land, "Tiếp công dân thường xuyên được 34 lượt") == 0


def test_a_figure_the_question_gives_itself_answers_nothing() -> None:
    q = normalize("36 mô hình điểm Đề án 06 đã xong bao nhiêu?")
    lead = "Triển khai Kế hoạch số 9574/KH-BCĐ06 ngày 01/11/2023 về 36 mô hình điểm Đề án 06."
    done = "Đến nay đã hoàn thành triển khai 17 mô hình, 18 mô hình đang triển khai."
    assert gates.answer_type(q, lead) == 0.0 and gates.answer_type(q, done) == 1.0


def test_which_decision_asks_for_a_document_number(sample_retriever) -> None:
    """ "Theo quyết định nào" is answered by a unit naming a document (a footnote with the
    clause that refers to it counts), not by a sentence about the same visit."""
    q = normalize("Đoàn thanh tra của tỉnh về làm việc theo quyết định nào?")
    assert gates.answer_type(q, "Chuẩn bị các điều kiện làm việc với Đoàn thanh tra tỉnh.") == 0
    assert gates.answer_type(q, "Đón Đoàn thanh tra theo Quyết định số 412/QĐ-TTr.") == 1
    a = answer("Đoàn thanh tra tỉnh về thành phố làm việc theo quyết định nào?", sample_retriever)
    assert "412/QĐ-TTr" in a.text and not a.insufficient


def test_a_year_reported_on_outweighs_the_date_it_was_published() -> None:
    asked = asked_.Asked(frozenset({2025}), "", ())
    pci = "Theo kết quả PCI năm 2024, do VCCI công bố ngày 06/5/2025, Lâm Đồng xếp thứ 54."
    assert not asked.fits(pci, "", other_year=False)
    assert asked.fits("Tính đến ngày 15/12/2025 giải ngân đạt 80%.", "", other_year=True)
    assert asked.fits("Năm 2025 tăng so với năm 2024.", "", other_year=False)


def test_a_section_asked_of_a_named_project_keeps_to_that_project(sample_retriever) -> None:
    """ "Dự án X đang vướng mắc gì": the shortcomings that name X, then X's own paragraphs
    elsewhere in the report (how many households are left), nothing about other matters."""
    for q in ("Dự án Đường vành đai phía Bắc đang vướng mắc gì?",
              "du an duong vanh dai phia bac dang vuong mac gi"):  # fmt: skip
        a = answer(q, sample_retriever)
        points = [line for line in a.text.split("\n") if line.startswith("- ")]
        assert len(points) >= 2 and all("Đường vành đai phía Bắc" in p for p in points), a.text
        assert any("chưa nhận tiền bồi thường" in p for p in points)


def test_unaccented_ambiguous_syllables_name_no_section(sample_retriever) -> None:
    """Typed without diacritics, "ve" (về, vé, vẽ) is no word a section must hold."""
    a = answer("nhiem vu thang 2/2026 ve quoc phong an ninh gom nhung gi", sample_retriever)
    assert a.mode == "section" and a.text.startswith("III.6 Lĩnh vực Quốc phòng - an ninh")


def test_recent_months_is_how_the_question_is_asked_not_its_topic(sample_retriever) -> None:
    a = answer(
        "Xét các báo cáo gần đây, tháng nào số tiền thu ngân sách trong kỳ cao nhất?",
        sample_retriever,
    )
    assert a.mode == "compare" and a.text.startswith("Tháng 01/2026 cao nhất (45.380 triệu đồng)")


def test_weak_points_name_the_shortcomings_section(sample_retriever) -> None:
    a = answer("Báo cáo tháng 11 tự nhận còn những điểm yếu nào?", sample_retriever)
    assert a.mode == "section" and a.text.startswith("II.2 Hạn chế")


def test_a_title_in_quotes_names_no_winner() -> None:
    q = normalize("Cuộc thi ý tưởng sáng tạo, thầy cô nào giành giải nhất?")
    assert named.asks_who(q)
    assert not named.names_someone(q, "Ban hành Kế hoạch tổ chức cuộc thi “Tìm Kiếm Ý Tưởng”.")


def test_a_nested_label_gives_the_innermost_item() -> None:
    """A footnote's heading ("Thu đối với công trình xây dựng: 01 công trình …") is no item;
    its last label and figure are, and "đồng." at the sentence's end is the unit "đồng"."""
    found = items.text_items(
        "Thu giá dịch vụ vệ sinh môi trường: Thu đối với công trình xây dựng: 01 công trình "
        "xây dựng miễn phép: 1.440.000 đồng; 03 công trình nhà nước: 2.588.000 đồng; Công ty "
        "Cổ phần chợ Lạng Sơn: 11.340.000 đồng; Các đơn vị nhận ủy nhiệm thu: 264.950.000 đồng."
    )
    assert [i.raw for i in found] == ["1.440.000", "2.588.000", "11.340.000", "264.950.000"]
    assert {i.unit for i in found} == {"dong"}


def test_chu_yeu_asks_for_the_most_not_the_weakest() -> None:
    """Folded, "chủ yếu" (mainly) reads "yếu" (weak): it asks for the most."""
    q = normalize("Dân đến tiếp dân định kỳ chủ yếu phản ánh về lĩnh vực gì?")
    assert q.intent == Q.SUPERLATIVE and q.extreme == "max"
    assert normalize("Xã nào yếu nhất về chuyển đổi số?").extreme == "min"
    assert normalize("Tỉnh nào đứng chót về chi phí không chính thức?").extreme == "min"
    assert "linh" not in superlative._measure_terms(q)  # what the items are, not the measure


def test_superlative_reads_the_list_in_a_referenced_footnote(sample_retriever) -> None:
    """The sentence retrieved ("tiếp công dân định kỳ được 18 lượt¹²") refers to the
    footnote holding the list ("đất đai: 10 lượt; GPMB: 06 lượt; khác: 02 lượt")."""
    a = answer(
        "Tháng 10, người dân tới tiếp công dân định kỳ phản ánh nhiều nhất về việc gì?",
        sample_retriever,
    )
    assert a.mode == "compare" and "đất đai: 10 lượt" in a.text
    assert all(c.footnote is not None for c in a.citations)


def test_a_report_counting_to_a_day_after_it_was_signed_reaches_that_day(tmp_path) -> None:
    """Signed on the 14th, counting its figures "tính đến hết ngày 15/12/2025": it tells the
    situation on the 15th (it is quoted as the answer); the 31st it does not."""
    from conftest import ROOT, HashEmbedder

    from assistant.scope import scope_of
    from index.ingest import ingest_paths
    from index.store import Store

    text = (ROOT / "samples" / "songmai-2025-12-bc1123.txt").read_text("utf-8")
    signed = text.replace("ngày 16 tháng 12 năm 2025", "ngày 14 tháng 12 năm 2025", 1)
    assert signed != text
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bc.txt").write_text(signed, "utf-8")
    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [tmp_path / "docs"], 10**7)
    assert store.reports()[0].date == "2025-12-14"
    reached = scope_of(normalize("Tính đến hết ngày 15/12/2025 thu NSNN lũy kế bao nhiêu?"), store)
    assert reached.missing is None and reached.matched
    late = scope_of(normalize("Tính đến ngày 31/12/2025 thu NSNN lũy kế bao nhiêu?"), store)
    assert late.missing is not None and late.missing.label == "12/2025"


def test_an_answer_of_the_wrong_kind_is_no_answer(sample_retriever) -> None:
    """The report plans the festival under a dated plan but never says when it is held: the
    plan's date is not the day asked for."""
    a = answer("Lễ hội Xuân Sông Mai năm 2026 diễn ra vào ngày nào?", sample_retriever)
    assert a.insufficient
    a = answer(
        "Kế hoạch tổ chức Lễ hội Xuân Sông Mai năm 2026 là kế hoạch số mấy?", sample_retriever
    )
    assert not a.insufficient and "15/KH-UBND" in a.text


@pytest.mark.parametrize(
    ("question", "sentence", "kind"),
    [
        ("Lâm Đồng xếp thứ mấy?", "Lâm Đồng - Thứ hạng: 19", 1.0),
        ("Lâm Đồng xếp thứ mấy?", "nâng cao các chỉ số PAR INDEX, PAPI", 0.0),
        ("Tỷ lệ giải ngân đạt bao nhiêu?", "tỷ lệ giải ngân đạt 73,05%", 1.0),
        ("Tỷ lệ giải ngân đạt bao nhiêu?", "đẩy nhanh tiến độ giải ngân", 0.0),
        ("Tổng mức đầu tư dự án là bao nhiêu?", "tổng mức đầu tư 45,2 tỷ đồng", 1.0),
        ("Tổng mức đầu tư dự án là bao nhiêu?", "dự án đã khởi công ngày 05/12/2025", 0.0),
        ("Lễ hội diễn ra vào ngày nào?", "Lễ hội diễn ra ngày 14/02/2026", 1.0),
        ("Lễ hội diễn ra vào ngày nào?", "theo Kế hoạch số 15/KH-UBND ngày 08/01/2026", 0.0),
        ("Có bao nhiêu hộ nghèo?", "còn 120 hộ nghèo", 1.0),
        ("Có bao nhiêu hộ nghèo?", "tặng quà cho hộ nghèo dịp Tết", 0.0),  # no figure at all
        ("Thu NSNN tháng 10 được bao nhiêu?", "Trong tháng 10/2025, thu NSNN đạt khá", 0.0),
        ("Tỷ lệ phủ sóng 5G đạt bao nhiêu?", "phấn đấu đạt 50% số trạm phát sóng", 0.0),
        (  # the clause about it aims at the figure; another clause reports done work
            "Hết tháng 2 giải ngân vốn đầu tư công đạt bao nhiêu?",
            "Phê duyệt 01 dự án; phấn đấu đến hết tháng 02/2026 giải ngân vốn đầu tư công đạt 10%",
            0.0,
        ),
        ("Quyết định công nhận mang số bao nhiêu?", "Quyết định số 1962/QĐ-UBND công nhận", 1.0),
        # what is planned is not what was done, unless the plan is asked
        ("Đến nay tặng được bao nhiêu suất quà?", "dự kiến trao 480 suất quà cho hộ nghèo", 0.0),
        ("Dự kiến tặng bao nhiêu suất quà?", "dự kiến trao 480 suất quà cho hộ nghèo", 1.0),
        # "ở đâu" wants a place, not the event named again
        ("Phiên chợ Tết tổ chức ở đâu?", "Tổ chức Phiên chợ Tết nghĩa tình năm 2026.", 0.0),
        ("Phiên chợ Tết tổ chức ở đâu?", "Phiên chợ Tết tổ chức tại quảng trường Bến Đò.", 1.0),
        ("Xã nào có nhiều vụ vi phạm nhất?", "xã Hòa An nhiều vụ vi phạm nhất (05 vụ)", 1.0),
        ("Xã nào có nhiều vụ vi phạm nhất?", "các xã thống nhất kiểm tra vi phạm", 0.0),
        # "đội nào" asks for a team's name: the event's own name is none
        ("Đội nào giành giải nhất?", "Tổ chức Giải Đua thuyền, thu hút nhiều đội", 0.0),
        ("Đội nào giành giải nhất?", "Đội phường Hòa An giành giải nhất", 1.0),
        ("Theo quyết định số mấy?", "Quyết định số 1962/QĐ-UBND công nhận", 1.0),
        ("Theo quyết định số mấy?", "Chỉ đạo hoàn thiện hồ sơ công nhận", 0.0),
        # "bao giờ": a day; a month planned ("dự kiến … trong tháng 12/2026") answered a
        # near-miss on the held-out half (a floor): no answer
        ("bao giờ giao đất cho dân?", "Ngày 12/11/2026, giao đất tái định cư cho 12 hộ.", 1.0),
        ("bao giờ giao đất cho dân?", "dự kiến giao đất tái định cư trong tháng 12/2026.", 0.0),
        # "ở đâu": a stretch of road or a hamlet named is where; "Tại …" opening a sentence
        ("tai nạn chết người xảy ra ở đâu?", "Tuyến ĐT.614 đoạn qua thôn Tân Thịnh: 01 vụ.", 1.0),
        ("tai nạn chết người xảy ra ở đâu?", "Xảy ra 02 vụ tai nạn giao thông.", 0.0),
        ("lễ hội tổ chức ở đâu?", "Tại quảng trường Bến Đò, tổ chức lễ hội đường phố.", 1.0),
    ],
)
def test_the_kind_of_answer_asked(question: str, sentence: str, kind: float) -> None:
    from assistant.answerers.gates import answer_type

    assert answer_type(normalize(question), sentence) == kind


def test_a_year_the_report_is_not_about_needs_a_passage_naming_it(sample_retriever) -> None:
    """The sample reports are of 2025–2026: a 2024 figure is not in them, though the
    2025 sentence about the same thing names no year."""
    a = answer("Năm 2024 thành phố cấp bao nhiêu giấy phép xây dựng?", sample_retriever)
    assert a.insufficient
    a = answer("Năm 2025 thành phố cấp bao nhiêu giấy phép xây dựng?", sample_retriever)
    assert not a.insufficient and "498" in a.text


@pytest.mark.parametrize(
    ("unit", "as_of", "counts"),
    [
        ("thực hiện đến ngày 10/12/2025 là 28.611 tỷ đồng", "31/12/2025", False),
        ("tính đến hết ngày 15/12/2025 thu được 42.960 triệu đồng", "15/12/2025", True),
        ("tính đến hết ngày 15/12/2025 thu được 42.960 triệu đồng", "15/12/*", True),
        ("Trong tháng 12/2025, thu NSNN vượt dự toán", "31/12/2025", True),  # no day named
    ],
)
def test_a_figure_counted_to_another_day_is_not_the_one_asked(
    unit: str, as_of: str, counts: bool
) -> None:
    assert asked_.counts_to(unit, as_of) is counts


def test_a_unit_about_another_month_is_not_the_month_asked(sample_retriever) -> None:
    """October's report sets a target for November ("phấn đấu đến hết tháng 11/2025 … trên
    60%"): asked about October, that is not the rate achieved."""
    a = answer("Tỷ lệ giải ngân vốn đầu tư công tháng 10 đạt bao nhiêu?", sample_retriever)
    assert not a.insufficient and "45,23%" in a.text.split("\n")[0]
    assert "60%" not in a.text


def test_a_running_total_comes_from_the_newest_report(sample_retriever) -> None:
    """Each monthly report gives the year's running total; asked for it, the newest one
    answers (December's 498, not November's 445)."""
    a = answer("Lũy kế cả năm 2025 cấp bao nhiêu giấy phép xây dựng?", sample_retriever)
    assert not a.insufficient and "498" in a.text.split("\n")[0]


def test_a_breakdown_in_brackets_is_about_its_head_figure() -> None:
    """'5.264 hồ sơ liên thông (4.031 … khai sinh và 1.233 … khai tử)': each part carries
    what the head counts and its own words, and a pair of words matches only as written
    together ('phát sinh' is not 'khai sinh')."""
    text = (
        "Trong tháng phát sinh 5.264 hồ sơ liên thông (4.031 hồ sơ đăng ký khai sinh và 1.233 "
        "hồ sơ đăng ký khai tử), trong đó 4.568 hồ sơ đã trả kết quả."
    )
    segs = {s.raw: figures.pairs(s.words) for s in figures.segments(text, clauses=True)}
    assert {"lien thong", "khai sinh"} <= segs["4.031"]
    assert {"lien thong", "khai tu"} <= segs["1.233"] and "khai sinh" not in segs["1.233"]
    assert "lien thong" in segs["5.264"] and "khai sinh" not in segs["5.264"]
    assert "lien thong" not in segs["4.568"]  # after the brackets close


def test_clause_comparison_takes_the_parts_it_names(sample_retriever) -> None:
    a = answer(
        "Tháng 11 số vụ phạm pháp hình sự nhiều hơn số vụ tai nạn giao thông bao nhiêu?",
        sample_retriever,
    )
    assert a.mode == "compare" and not a.insufficient
    assert "04 − 02 = 02 vụ" in a.text or "4 − 2 = 2 vụ" in a.text
    assert arithmetic(a.text)[1] == [] and _grounded(a) == []


def test_two_kinds_asked_are_both_quoted(sample_retriever) -> None:
    """'mấy vụ … và phạt bao nhiêu tiền?': the count's sentence, and the amount from the
    sentence next to it (not another amount of the same passage)."""
    q = "Tháng 12/2025 lực lượng chức năng xử lý mấy vụ buôn lậu, hàng giả và phạt bao nhiêu tiền?"
    a = answer(q, sample_retriever)
    assert "14 vụ" in a.text and "112,3 triệu đồng" in a.text and "4,86 tỷ" not in a.text


def test_who_won_is_named_after_the_prize() -> None:
    """'Ai đạt giải nhất?': the department that organised the contest is no winner."""
    q = normalize("Ai đạt giải nhất cuộc thi tìm hiểu chuyển đổi số?")
    held = "Sở Khoa học và Công nghệ tổ chức Cuộc thi; đã trao giải cho 22 cá nhân đạt giải."
    assert gates.answer_type(q, held) == 0.0
    won = "Sở Khoa học và Công nghệ tổ chức Cuộc thi; giải nhất thuộc về Trường THCS Bến Đò."
    assert gates.answer_type(q, won) == 1.0


def test_what_was_concluded_needs_a_conclusion() -> None:
    """'Đoàn thanh tra kết luận gì?': that the inspection came, or is at work, is no answer."""
    q = normalize("Đoàn thanh tra tỉnh đã kết luận gì về quản lý đất công?")
    came = "Đón Đoàn thanh tra của tỉnh về thanh tra quản lý đất công (làm việc từ ngày 01/12)."
    assert gates.answer_type(q, came) == 0.0
    assert gates.answer_type(q, "Đoàn thanh tra kết luận: 03 khu đất công bị sử dụng sai.") == 1.0
    assert gates.answer_type(normalize("Phòng nào chậm tham mưu theo các kết luận?"), came) > 0


def test_a_whole_asked_beside_its_part() -> None:
    """ "Tổng số …, riêng cấp xã bao nhiêu?" asks the whole too; "…, trong đó bao nhiêu …"
    after words that ask nothing, or "Trong số …, có bao nhiêu …", asks only the part."""
    q = normalize("Tổng số VBQPPL địa phương ban hành năm 2025, riêng cấp xã bao nhiêu?")
    assert named.whole_asked(q) == "Tổng số VBQPPL địa phương ban hành năm 2025"
    q = normalize("Có bao nhiêu hộ được hỗ trợ, trong đó bao nhiêu hộ nghèo?")
    assert named.whole_asked(q) == "Có bao nhiêu hộ được hỗ trợ"
    assert named.whole_asked(normalize("Chi trả trợ cấp, trong đó bao nhiêu người có công?")) == ""
    assert named.whole_asked(normalize("Trong số 46 trường, có bao nhiêu trường mầm non?")) == ""


def test_two_sides_are_of_one_report_of_a_series(sample_retriever) -> None:
    """No month named: both sides come from one month's report, never October's crimes
    beside November's accidents."""
    a = answer(
        "Số vụ phạm pháp hình sự nhiều hơn số vụ tai nạn giao thông bao nhiêu?", sample_retriever
    )
    assert a.mode == "compare" and len({c.report for c in a.citations}) == 1, a.text


def test_section_points_cover_every_paragraph_of_a_chunk(sample_retriever) -> None:
    """A section of three paragraphs chunked together: each paragraph's lead is a point."""
    a = answer("Tình hình an ninh trật tự trên địa bàn tháng 11/2025 ra sao?", sample_retriever)
    assert a.mode == "section"
    for lead in ("Đoàn kiểm tra liên ngành", "Phạm pháp hình sự xảy ra 04 vụ", "Xảy ra 02 vụ"):
        assert lead in a.text


def test_a_short_section_is_quoted_whole(sample_retriever) -> None:
    """'mảng', a word the report never uses, does not send the question to the parent."""
    a = answer("Tháng 12 mảng văn hóa - xã hội có những nhiệm vụ gì?", sample_retriever)
    assert a.mode == "section" and a.text.startswith("III.4 Lĩnh vực Văn hóa - xã hội")
    assert "học sinh giỏi lớp 9" in a.text and "đối thoại" in a.text  # no figure, still a point


@pytest.mark.parametrize(
    "question",
    [
        "Tháng 12 còn những tồn tại, yếu kém gì?",
        "Báo cáo tháng 12 tự nhận còn những mặt yếu nào?",
        "Trong tháng 12 thành phố làm chưa tốt ở những mặt nào?",  # the officials' phrase
        "Tháng 12 còn gặp trở ngại ở chỗ nào?",  # "chỗ nào" asks, no title says "chỗ"
    ],
)
def test_how_a_shortcoming_is_asked_names_no_topic(sample_retriever, question: str) -> None:
    """ "còn", "tự nhận": how the question is put, not words the section must hold."""
    a = answer(question, sample_retriever)
    assert a.mode == "section" and a.text.startswith("II.2 Hạn chế"), a.text
    assert "Tai nạn giao thông và phạm pháp hình sự tăng" in a.text


LETTER = """UBND TỈNH SÔNG MAI
SỞ XÂY DỰNG

Số: 214/SXD-QLN

V/v báo cáo tình hình phát triển nhà ở xã hội năm 2025

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập - Tự do - Hạnh phúc

Sông Mai, ngày 20 tháng 11 năm 2025

Kính gửi:
- Bộ Xây dựng;
- Ủy ban nhân dân tỉnh.

Thực hiện Công văn số 1880/BXD-QLN ngày 02/10/2025 của Bộ Xây dựng về việc báo cáo tình hình \
phát triển nhà ở xã hội, Sở Xây dựng báo cáo như sau:

1. Kết quả thực hiện

Năm 2025 hoàn thành 02 dự án nhà ở xã hội với 1.240 căn hộ.

Nơi nhận:

- Như trên;

- Lưu: VT.

KT. GIÁM ĐỐC

PHÓ GIÁM ĐỐC

Lê Văn Tâm
"""


def test_a_letter_s_subject_addressees_and_basis(tmp_path) -> None:
    """A công văn: its subject (V/v) is its title; 'gửi đến đâu' names the addressees
    ("Kính gửi"), not only "Nơi nhận: Như trên"; 'căn cứ văn bản nào' quotes its opening."""
    from conftest import HashEmbedder

    from assistant.retrieve import HybridRetriever
    from index.ingest import ingest_paths
    from index.store import Store

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cv214.txt").write_text(LETTER, "utf-8")
    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [tmp_path / "docs"], 10**7)
    report = store.report(store.reports()[0].report_id)
    assert report is not None
    assert report.meta.title == "Báo cáo tình hình phát triển nhà ở xã hội năm 2025"
    assert report.addressees == ("Bộ Xây dựng;", "Ủy ban nhân dân tỉnh.")
    assert report.paragraphs[0].text.startswith("Thực hiện Công văn số 1880/BXD-QLN")
    retriever = HybridRetriever(store)
    a = answer("Công văn 214 của Sở Xây dựng được gửi đến những cơ quan nào?", retriever)
    assert a.mode == "metadata" and "Kính gửi: - Bộ Xây dựng; - Ủy ban nhân dân tỉnh." in a.text
    a = answer("Sở Xây dựng báo cáo theo yêu cầu của văn bản nào?", retriever)
    assert a.mode == "metadata" and "Công văn số 1880/BXD-QLN ngày 02/10/2025" in a.text
    assert a.citations and "1880/BXD-QLN" in a.citations[0].text


def test_a_superlative_list_names_what_the_question_names(sample_retriever) -> None:
    """The footnote lists projects by households; asked of a programme no list names
    ("… của chương trình OCOP"), that list is not the answer."""
    from assistant.context import Context

    ctx = Context(sample_retriever)
    asked = "Tháng 12, dự án nào có nhiều hộ được duyệt phương án bồi thường nhất?"
    assert superlative.answer(normalize(asked), ctx) is not None
    other = asked.replace("nhất?", "nhất trong chương trình OCOP?")
    assert superlative.answer(normalize(other), ctx) is None


def test_the_report_naming_itself_is_never_a_quote() -> None:
    """'Trên đây là báo cáo tình hình … PCI và DDCI': every word of the report's subject,
    and no answer to anything."""
    from assistant.answerers.units import units_of
    from index.model import Chunk

    chunk = Chunk("x", "r", "Điểm DDCI của Sở Tài chính đạt 78,5 điểm. Trên đây là báo cáo "
                  "tình hình cải thiện môi trường đầu tư, nâng cao chỉ số PCI và DDCI.",
                  "", "", "", "paragraph")  # fmt: skip
    quoted = [s for s, _ in units_of(chunk, normalize("Điểm DDCI của Sở Tài chính?"))]
    assert quoted == ["Điểm DDCI của Sở Tài chính đạt 78,5 điểm."]


def test_two_clauses_of_one_sentence_are_quoted_once(sample_retriever) -> None:
    a = answer("Tháng 11/2025 lượt khám bệnh nhiều hơn lượt điều trị bao nhiêu?", sample_retriever)
    assert a.mode == "compare" and "1.718 − 742 = 976 lượt" in a.text
    assert a.text.count("Tổng số khám bệnh chung là 1.718 lượt") == 1
    assert "Thứ nhất" not in a.text and len(a.citations) == 1


def test_a_long_list_after_kinh_gui_stays_body_text() -> None:
    """Thousands of dashed lines after "Kính gửi:" (a hostile or broken file) never make one
    huge header card: at most MAX_ADDRESSEES are addressees, the rest is read as body."""
    from index.structure import MAX_ADDRESSEES, build_report, split_text_blocks

    head, _, rest = LETTER.partition("Kính gửi:")
    text = head + "Kính gửi:\n\n" + "\n\n".join(f"- Đơn vị số {i};" for i in range(500)) + rest
    report = build_report("x.txt", split_text_blocks(text))
    assert len(report.addressees) == MAX_ADDRESSEES
    assert sum("Đơn vị số" in p.text for p in report.paragraphs) == 500 - MAX_ADDRESSEES


def test_another_unit_that_answers_is_quoted_when_the_preferred_one_does_not(
    sample_retriever,
) -> None:
    """The sentence naming the conference is covered best but lists nothing; the footnote
    listing the projects, nearly as well covered, answers — quoted rather than refused."""
    a = answer("Những dự án nào được trao biên bản ghi nhớ tại hội nghị xúc tiến đầu tư?",
               sample_retriever)  # fmt: skip
    assert not a.insufficient, a.text
    assert "Khu đô thị sinh thái ven sông Mai" in a.text and "Bến xe khách phía Nam" in a.text


def test_a_forecast_for_a_month_is_read_in_the_report_before_it(sample_retriever) -> None:
    """ "Ước đến cuối tháng 1/2026": December's report estimates January's end; the
    January report is asked as well. A month named without its year widens nothing."""
    from assistant.context import Context

    ctx = Context(sample_retriever)
    periods = {
        i.period
        for i in ctx.store.reports()
        if ctx.scope(ctx.normalize("Ước đến cuối tháng 1/2026 giải ngân đạt bao nhiêu?")).admits(
            i.report_id
        )
    }
    assert {"12/2025", "01/2026"} <= periods and "11/2025" not in periods
    plain = ctx.scope(ctx.normalize("Tháng 1/2026 giải ngân đạt bao nhiêu?"))
    assert {i.period for i in ctx.store.reports() if plain.admits(i.report_id)} == {"01/2026"}


def test_a_measure_over_every_month_and_across_the_new_year(sample_retriever) -> None:
    """ "qua các tháng" naming no month: each monthly report's figure, cited, and the change
    written out; "tháng 1/2026 so với tháng 12" compares December 2025 — its sentences name
    no year, and are of the year before the one the question names."""
    a = answer("Lượt tước giấy phép lái xe qua các tháng thế nào?", sample_retriever)
    assert a.mode == "compare" and not a.insufficient, a.text
    assert all(f"GPLX {n} TH" in a.text for n in ("64", "71", "89", "62")), a.text
    assert "62 − 64 = −2" in a.text and _grounded(a) == [], _grounded(a)
    a = answer(
        "Số trường hợp bị thu bằng lái tháng 1/2026 so với tháng 12 thế nào?", sample_retriever
    )
    assert "62 − 89 = −27" in a.text, a.text
    # the question's own figure ("mục tiêu 80%") is no month's reading
    q = "Tỷ lệ hồ sơ TTHC trực tuyến toàn trình từ tháng 10 đến tháng 1 lên bao nhiêu, đạt 80% chưa"
    a = answer(q, sample_retriever)
    assert "74,9 − 68,4 = 6,5" in a.text and "80,0 −" not in a.text, a.text


def test_a_section_asked_of_a_report_named_in_chat_words() -> None:
    """ "Trong bc nhanh xã xin cấp trên hỗ trợ những gì?": "bc" names the report and "xin cấp
    trên" how proposals are asked — the heading to find is the proposals'."""
    from assistant.answerers.section_terms import PROPOSALS, asked_terms

    terms = asked_terms(normalize("Trong bc nhanh xã xin cấp trên hỗ trợ những gì?"))
    assert set(terms) >= PROPOSALS and not {"bc", "cap", "tren"} & set(terms), terms


def test_a_month_gone_by_is_told_by_its_own_report(sample_retriever) -> None:
    """ "hồi tháng 11" is back then: what the conference raised is in November's report,
    though "dự kiến" would otherwise ask for the tasks October's report set for November."""
    a = answer(
        "Hội nghị xúc tiến đầu tư hồi tháng 11 thu hút vốn đăng ký dự kiến bao nhiêu?",
        sample_retriever,
    )
    assert not a.insufficient and "2.150 tỷ đồng" in a.text, a.text

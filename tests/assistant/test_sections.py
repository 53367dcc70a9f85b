"""Sections asked in a leader's own words (the fifth writer's probe, bench/data/probe3.md):
a field asked about ("về y tế … nói gì"), the things to do ("cần chuẩn bị những gì", "kế
hoạch tháng 1 cho khối kinh tế"), news of an area ("có những hoạt động gì đáng kể") and
shortcomings in plain words ("những chỗ chưa ổn") each find the report's section."""

from __future__ import annotations

import pytest

from assistant.intent import SECTION, intent_of
from assistant.route import answer
from index import vn


@pytest.mark.parametrize(
    ("question", "heading", "said"),
    [
        # a field asked about, without a heading's word
        ("Về y tế, báo cáo tháng 11 nói gì?", "I.4", "06 ca sốt xuất huyết"),
        # the plan for a month, asked as its activities
        (
            "Kế hoạch tháng 1 cho khối kinh tế gồm những hoạt động nào?",
            "III.1",
            "Xây dựng kế hoạch thu NSNN năm 2026",
        ),
        # an area's news
        (
            "Tháng 12, lĩnh vực văn hóa - xã hội có những hoạt động gì đáng kể?",
            "I.4",
            "236 học sinh đạt giải",
        ),
        # shortcomings, in a chat's words
        ("Báo cáo tháng 11 thấy còn những chỗ chưa ổn nào?", "II.2", "chưa đạt mục tiêu 60%"),
    ],
)
def test_a_section_asked_in_a_leaders_words(
    sample_retriever, question: str, heading: str, said: str
) -> None:
    a = answer(question, sample_retriever)
    assert a.mode == "section" and a.text.startswith(heading) and said in a.text, a.text


@pytest.mark.parametrize(
    "question",
    [
        "Về quốc phòng - an ninh, tháng 12/2025 thành phố cần chuẩn bị những gì?",
        "Công an tỉnh định tháng 11 dồn sức vào những việc gì?",
        "Hai tháng cuối năm, Sở Xây dựng phải hoàn tất những việc gì?",
    ],
)
def test_the_things_to_do_are_asked_as_a_section(question: str) -> None:
    assert intent_of(" ".join(vn.syllables(vn.fold(question))), ()) == SECTION


def test_a_lead_assigning_tasks_is_no_plan_asked() -> None:
    """ "lãnh đạo nào giao việc nhiều nhất": who assigned most, not the tasks set."""
    from assistant.query import normalize

    assert not normalize("Tháng 11 lãnh đạo tỉnh nào giao việc nhiều nhất?").about_tasks
    assert normalize("Báo cáo tháng 11 giao những việc gì cho tháng 12?").about_tasks


def test_a_departments_proposals_asked_with_its_province(tragiang_retriever) -> None:
    """The department's report names its province only in its date line ("Trà Giang, ngày
    16 tháng 11"): the province asked with it is what the whole report is about, not a word
    its proposals section must hold."""
    a = answer(
        "Sở Nông nghiệp và Môi trường Trà Giang đề xuất những gì với tỉnh?", tragiang_retriever
    )
    assert a.mode == "section" and a.text.startswith("IV ") and "6.500 triệu đồng" in a.text, a.text


def test_asking_the_upper_level_for_help_is_the_proposals_section(bichson_retriever) -> None:
    a = answer("Thanh tra tỉnh muốn cấp trên làm gì giúp?", bichson_retriever)
    assert a.mode == "section" and "KIẾN NGHỊ" in a.text.split("\n")[0], a.text
    assert "6,78 tỷ đồng" in a.text


@pytest.mark.parametrize(
    "question",
    ["Chống khai thác IUU ở Hải Minh còn kẹt ở đâu?", "Việc chống IUU đang vướng ở chỗ nào?"],
)
def test_where_the_work_is_stuck_is_the_shortcomings_section(haiminh_retriever, question) -> None:
    a = answer(question, haiminh_retriever)
    assert a.mode == "section" and "VƯỚNG MẮC" in a.text.split("\n")[0], a.text
    assert "chi phí thuê bao VMS" in a.text


def test_a_place_asked_with_where_is_no_section() -> None:
    assert intent_of("du an duong vanh dai thi cong o dau", ()) != SECTION


def test_the_situation_a_whole_report_is_about_is_its_results_part(ngankhe_retriever) -> None:
    """The police's report is all about security and order: "tình hình an ninh trật tự"
    names none of its sections, and its results part answers (not its opening line)."""
    a = answer("Tình hình an ninh trật tự tháng 10 toàn tỉnh Ngân Khê thế nào?", ngankhe_retriever)
    assert a.mode == "section" and a.text.startswith("I TÌNH HÌNH, KẾT QUẢ"), a.text
    assert "68 vụ/112 đối tượng" in a.text
    # its parts each have their point: a table's rows and a caption's note crowd none out
    assert "03 vụ cháy" in a.text and "STT:" not in a.text and "(Số liệu từ" not in a.text


def test_the_month_a_report_plans_for_is_its_plan_part(haiminh_retriever) -> None:
    a = answer("thang 12 nganh van hoa du lich co nhung viec gi?", haiminh_retriever)
    assert a.mode == "section" and "Countdown" in a.text, a.text
    assert "KẾT QUẢ" not in a.text.split("\n")[0]


def test_a_report_on_several_things_answers_with_the_part_asked(bichson_retriever) -> None:
    """The inspectorate's report is on citizens' reception, complaints and corruption: the
    complaints asked, its complaints part answers, not its first."""
    a = answer(
        "Công tác giải quyết khiếu nại, tố cáo 11 tháng ở Bích Sơn thế nào?", bichson_retriever
    )
    assert a.mode == "section" and a.text.startswith("III KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI"), a.text
    assert "187/214" in a.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What did the October 2025 report say about digital transformation?", "68,4%"),
        ("What does the November report say about healthcare?", "06 ca sốt xuất huyết"),
    ],
)
def test_what_a_report_says_about_a_field_in_english(sample_retriever, question, said) -> None:
    """ "chuyển đổi số" translated before "báo cáo" is no report number asked."""
    a = answer(question, sample_retriever)
    assert a.mode == "section" and said in a.text, a.text


def test_the_report_a_question_names_by_its_month_is_the_one_read(sample_retriever) -> None:
    """ "Cuối năm 2025 … theo báo cáo tháng 12": the year names what is asked about, "báo
    cáo tháng 12" the report — not November's, whose title plans for December."""
    a = answer(
        "Cuối năm 2025 thành phố còn vướng ở những chỗ nào, theo báo cáo tháng 12?",
        sample_retriever,
    )
    assert a.mode == "section" and "Nhà văn hóa trung tâm" in a.text, a.text
    assert {c.report for c in a.citations} == {"1123/BC-UBND"}

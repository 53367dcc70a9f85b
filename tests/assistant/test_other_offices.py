"""Answers on reports laid out unlike the Sông Mai samples (tests/data/reports/halam: a
commune's month and quarter, a department's half year, a province's investment tables),
asked in words of our own — the failures the Hà Lam bank found on its first run."""

from __future__ import annotations

import pytest

from assistant.answerers.listed import whole_of_another
from assistant.dialogue import Turn, resolve
from assistant.query import normalize


@pytest.fixture(scope="module")
def ask(halam_retriever):
    from assistant.route import make_assistant
    from assistant.settings import Settings

    assistant = make_assistant(Settings())
    return lambda q: assistant(q, halam_retriever)


def test_the_month_s_tasks_come_from_the_report_that_set_them_for_that_month(ask) -> None:
    """September's report sets October's tasks; the quarterly report's plan for quý IV spans
    October too, and says 31/12 where September's says 31/10."""
    answer = ask("Tháng 10 xã Hòa Phong đặt mục tiêu giải ngân vốn đầu tư công bao nhiêu?")
    assert not answer.insufficient
    assert "trên 65%" in answer.text
    assert answer.citations[0].report == "187/BC-UBND"


def test_a_quarter_named_without_its_year_is_the_one_a_report_planned(ask) -> None:
    answer = ask("Quý IV xã Hòa Phong phải giải quyết xong hồ sơ đất đai tồn đọng trước ngày nào?")
    assert not answer.insufficient
    assert "15/12/2025" in answer.text


def test_a_place_in_a_unit_s_name_does_not_pick_that_place_s_reports(ask) -> None:
    """'Trung tâm Y tế khu vực Hòa Phong' is a row of the health department's table, not a
    question for the commune of Hòa Phong's reports."""
    answer = ask(
        "Trung tâm Y tế khu vực Hòa Phong điều trị nội trú bao nhiêu lượt 6 tháng đầu năm 2025?"
    )
    assert not answer.insufficient
    assert "10.430" in answer.text


def test_a_total_row_is_no_item_and_the_group_named_is_kept(ask) -> None:
    answer = ask(
        "Trong các Trung tâm Y tế khu vực, nơi nào có công suất sử dụng giường bệnh cao nhất?"
    )
    assert "Trung tâm Y tế khu vực Tân Lập" in answer.text
    assert "Tổng cộng" not in answer.text and "Bệnh viện Đa khoa tỉnh" not in answer.text


def test_a_bare_follow_up_is_of_the_thing_named_before() -> None:
    first = "Sở Xây dựng được giao bao nhiêu vốn đầu tư công năm 2025?"
    turns = [Turn(first, first, "")]
    assert "sở Xây dựng" in resolve("đã giải ngân được bao nhiêu rồi?", turns)
    # a question that says what it is about stands alone
    alone = "Tỷ lệ giải ngân chung toàn tỉnh là bao nhiêu?"
    assert resolve(alone, turns) == alone


def test_the_whole_of_another_body_is_no_answer() -> None:
    query = normalize("Năm học mới toàn tỉnh có bao nhiêu học sinh?")
    assert whole_of_another(query, "Năm học 2025 - 2026 toàn xã có 222 nhóm, lớp với 6.868 trẻ")
    assert not whole_of_another(query, "Toàn tỉnh có 829 trường mầm non, phổ thông")
    assert not whole_of_another(normalize("Có bao nhiêu học sinh?"), "toàn xã có 6.868 trẻ")


def test_a_footnote_list_is_named_by_the_passage_it_details(ask) -> None:
    """The subjects' marks are a footnote ("Toán: 4,86 điểm; …") of the paragraph on the
    THPT exam; the footnote never says THPT, its paragraph does."""
    answer = ask("Kỳ thi tốt nghiệp THPT 2025: môn nào điểm bình quân cao nhất?")
    assert "Giáo dục kinh tế và pháp luật: 7,46 điểm" in answer.text
    assert answer.citations[0].report == "1422/BC-SGDĐT"


def test_within_a_month_of_the_years_report(ask) -> None:
    """ "Riêng trong tháng 11/2025 … bao nhiêu tiền?" of the year's report: its sentence about
    November itself ("Trong tháng 11/2025, toàn tỉnh giải ngân được 968.540 triệu đồng"),
    not the running totals "đến 30/11/2025" — and "riêng" asks no part of a whole here."""
    a = ask("Riêng trong tháng 11/2025 tỉnh Hà Lam giải ngân vốn đầu tư công được bao nhiêu tiền?")
    assert not a.insufficient and "968.540 triệu đồng" in a.text, a.text

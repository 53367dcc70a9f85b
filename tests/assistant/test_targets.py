"""Was a target met: the target as one report sets it, the reading a later report (or the
same sentence) gives, and the one set against the other on their own figures; a follow-up
that only asks "có đạt không?" is about what the previous question measured."""

from __future__ import annotations

import pytest

from assistant.answerers.figures import figures_in
from assistant.dialogue import Turn, resolve
from assistant.query import normalize
from assistant.route import answer


@pytest.mark.parametrize(
    "question",
    [
        "Mục tiêu giải ngân đến hết tháng 11 có đạt không?",
        "da dat chi tieu tinh giao chua",
        "Tháng 10 xã đặt mục tiêu cây vụ đông là bao nhiêu, rốt cuộc có đạt không?",
        "Did the province meet its disbursement target?",
    ],
)
def test_whether_a_target_was_met_is_asked(question: str) -> None:
    assert normalize(question).met  # parsed once, with the question


@pytest.mark.parametrize(
    "question",
    [
        "Chỉ tiêu thu ngân sách năm 2025 là bao nhiêu?",
        "Tỷ lệ giải ngân đạt bao nhiêu phần trăm kế hoạch?",
        "Mục tiêu năm tới của xã gồm những gì?",
    ],
)
def test_a_target_asked_for_is_no_question_of_meeting_it(question: str) -> None:
    assert not normalize(question).met


def test_a_target_set_in_one_month_is_read_in_the_next(sample_retriever) -> None:
    """October's report sets "trên 60%" for the end of November; November's reads 57,94%:
    both quoted, each from its own report, and the shortfall computed on them."""
    a = answer(
        "Mục tiêu giải ngân vốn đầu tư công đến hết tháng 11/2025 có đạt không?", sample_retriever
    )
    assert "phấn đấu đến hết tháng 11/2025" in a.text and "57,94%" in a.text, a.text
    assert "chưa đạt mục tiêu" in a.text and "60,00 − 57,94 = 2,06 điểm %" in a.text, a.text
    assert len({c.report for c in a.citations}) == 2, a.citations


def test_a_sentence_that_states_both_is_quoted_once(sample_retriever) -> None:
    """ "đạt 73,05%, vượt mục tiêu 70% đề ra": the report's own reading of its target."""
    asked = "Đến giữa tháng 12 giải ngân vốn đầu tư công được bao nhiêu phần trăm?"
    history = [Turn(asked, asked)]
    resolved = resolve("Vậy có đạt mục tiêu đề ra không?", history)
    assert "giải ngân vốn đầu tư công" in resolved and "tháng 12" in resolved, resolved
    a = answer(resolved, sample_retriever)
    assert "vượt mục tiêu 70% đề ra" in a.text and "đã đạt mục tiêu" in a.text, a.text
    assert "73,05 − 70,00 = 3,05 điểm %" in a.text and len(a.citations) == 1, a.text


def test_a_follow_up_naming_its_own_measure_keeps_it() -> None:
    history = [
        Turn("Thu ngân sách tháng 11 được bao nhiêu?", "Thu ngân sách tháng 11 được bao nhiêu?")
    ]
    resolved = resolve("Còn giải ngân vốn đầu tư công có đạt mục tiêu không?", history)
    assert "thu ngân sách" not in resolved.lower(), resolved


def test_a_road_or_a_street_block_named_by_a_number_counts_nothing() -> None:
    found = figures_in("Xử lý 23/23 điểm sạt lở trên ĐT 279, ĐT 279B, ĐT 281 tại tổ dân phố 9.")
    assert [raw for raw, *_ in found] == [], found
    found = figures_in("Km 42+450 QL.4K có 03 vụ, thôn 7 có 12 hộ.")
    assert [raw for raw, *_ in found] == ["03", "12"], found


def test_a_share_of_the_plan_says_whether_it_is_met(sample_retriever) -> None:
    """ "đạt 104,7% dự toán tỉnh giao": past the whole plan — no number the passage lacks."""
    a = answer("Tính đến giữa tháng 12 thu ngân sách lũy kế vượt dự toán chưa?", sample_retriever)
    assert "104,7% dự toán tỉnh giao" in a.text and "đã vượt dự toán" in a.text, a.text
    assert "−" not in a.text, a.text


@pytest.mark.parametrize(
    "question",
    [
        "thang 11 thanh pho dat muc tieu giai ngan von dau tu cong bao nhieu?",  # no year
        "Tháng 11 thành phố đặt mục tiêu giải ngân vốn đầu tư công bao nhiêu?",
    ],
)
def test_a_months_target_is_set_by_the_report_before_it(sample_retriever, question) -> None:
    """The target for November is October's report's (its tasks are for November), though
    the question names no year: every report whose tasks are for a November answers."""
    a = answer(question, sample_retriever)
    assert "trên 60%" in a.text, a.text
    assert any(c.date.endswith("/10/2025") for c in a.citations), a.citations


def test_giving_a_body_things_to_do_asks_its_tasks() -> None:
    assert normalize("thang 01/2024 thanh pho giao phong giao duc lam nhung viec gi?").about_tasks


def test_a_rate_a_month_must_reach_is_read_where_it_is_set(tmp_path) -> None:
    """ "Tháng 12 công an tỉnh đặt ra tỷ lệ phá án phải đạt bao nhiêu?": no December report,
    but November's sets December's work — it is where the rate to reach is read, not a
    period missing."""
    from conftest import letter, text_retriever

    from assistant.scope import scope_of

    november = letter(
        412, "25", 11, "Tình hình an ninh trật tự tháng 11 năm 2025",
        "Tỷ lệ điều tra, khám phá án trật tự xã hội đạt 86,4%.\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2025\n\n"
        "1. Phấn đấu tỷ lệ điều tra, khám phá án trật tự xã hội đạt trên 90%.\n",
    )  # fmt: skip
    store = text_retriever(tmp_path, {"cat-11.txt": november}).store
    asked = normalize("Tháng 12 công an tỉnh đặt ra tỷ lệ phá án phải đạt bao nhiêu?")
    scope = scope_of(asked, store)
    assert scope.missing is None and scope.allowed is None, scope  # November's, the only one

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

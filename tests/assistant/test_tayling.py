"""Answers on the Tây Lĩnh reports (tests/data/reports/tayling: a commune's .doc and its
scanned December, the province's finance, health and task reports), asked in words of our
own — what their first run showed. Needs antiword and Tesseract (skipped without)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def ask(tayling_retriever):
    from assistant.route import make_assistant
    from assistant.settings import Settings

    assistant = make_assistant(Settings())
    return lambda q: assistant(q, tayling_retriever)


def test_a_change_is_computed_on_the_report_s_own_figures_not_another_body_s(ask) -> None:
    """January's cases are the province's (health department), December's indexed only as
    the commune's: no difference between the two — the January report gives December's
    province-wide count itself, in brackets ("tăng 9 ca so với tháng 12/2025 (38 ca)"), and
    the difference is computed on its own two figures, quoted from it alone."""
    answer = ask("Bệnh tay chân miệng tháng 1/2026 tăng hay giảm so với tháng trước?")
    assert "tăng 9 ca so với tháng 12/2025 (38 ca)" in answer.text
    assert "47 − 38 = 9 ca" in answer.text
    assert {c.report for c in answer.citations} == {"31/BC-SYT"}


def test_a_change_said_against_a_month_in_words(ask) -> None:
    answer = ask("Số ca sốt xuất huyết tháng 1/2026 so với tháng 12/2025 thế nào?")
    assert "giảm 41,7% so với tháng Mười Hai năm 2025 (108 ca)" in answer.text
    assert "63 − 108 = −45 ca (−41,7%)" in answer.text  # the report's own −41,7%
    assert {c.report for c in answer.citations} == {"31/BC-SYT"}


def test_two_months_of_one_commune_are_compared_across_a_doc_and_a_scan(ask) -> None:
    """November is a .doc read by antiword, December a signed scan read by Tesseract."""
    answer = ask("Thu ngân sách xã Phú Cường tháng 12 so với tháng 11 tăng bao nhiêu?")
    assert "1.086,3" in answer.text and "612,4" in answer.text
    assert "1.086,3 − 612,4 = 473,9" in answer.text


def test_a_place_asked_is_picked_among_places(ask) -> None:
    """ "Ở đâu": a list of places (the footnote of dengue cases by ward and commune), not the
    table of indicators ("Số lượt khám bệnh") nor a clause saying "toàn tỉnh"."""
    answer = ask("Sốt xuất huyết tháng 1/2026: ở đâu nhiều ca mắc nhất?")
    assert "Phường Tân An 14 ca" in answer.text
    assert "lượt" not in answer.text and "toàn tỉnh" not in answer.text


def test_the_sharpest_fall_of_a_table_is_its_smallest_change(ask) -> None:
    answer = ask("Quý I/2026 khoản thu nào giảm mạnh nhất so với cùng kỳ?")
    assert "Thuế xuất khẩu" in answer.text and "77,5" in answer.text
    assert "Thu nội địa" not in answer.text  # a group row sums its items, it is none of them


def test_one_disease_s_list_is_no_answer_for_another(ask) -> None:
    """The wards' dengue cases and their hand, foot and mouth cases are two lists of one
    paragraph: "tay chân miệng … nhiều ca nhất" is read off the second; and asked as a
    follow-up of the dengue question, the disease is swapped, not added."""
    from assistant.dialogue import Turn, resolve

    first = "sot xuat huyet thang 1 nam 2026 o dau nhieu ca nhat tinh"
    resolved = resolve("con tay chan mieng?", [Turn(first, first)])
    assert resolved == "tay chan mieng thang 1 nam 2026 o dau nhieu ca nhat tinh"
    answer = ask(resolved)
    assert "Tân An 11 ca" in answer.text and "14 ca" not in answer.text


def test_no_difference_of_two_things_ten_times_apart(ask) -> None:
    """February's two land officers and January's 1.143 health workers both count "người":
    one measure of two consecutive months is never ten times the other, and no "2 − 1.143"
    is written."""
    answer = ask("Tháng 2 được giao ít việc hơn tháng 1 bao nhiêu, tại sao?")
    assert "1.143" not in answer.text and " − " not in answer.text, answer.text

"""Two quarters of a ward (the Lam Khê reports): a quarter named without its year is the
newest one indexed; each quarter's figure is the one its own words name ("07 ca sốt xuất
huyết", not the "12 ca tay chân miệng" beside it); a reason asked is no difference; and a
project's capital that no report gives is not borrowed from the ward's new firms."""

from __future__ import annotations

from assistant.answerers.verify import arithmetic, unsupported
from assistant.route import answer


def test_two_quarters_compared_on_the_figure_their_words_name(lamkhe_retriever) -> None:
    a = answer("sot xuat huyet quy 3 tang bao nhieu ca so voi quy 2?", lamkhe_retriever)
    assert a.mode == "compare" and "31 − 7 = 24 ca" in a.text, a.text
    assert {c.report for c in a.citations} == {"97/BC-UBND", "58/BC-UBND"}


def test_a_reason_asked_is_no_difference(lamkhe_retriever) -> None:
    a = answer(
        "Sao tiền thu ngân sách của phường quý 3 lại hụt so với quý trước?", lamkhe_retriever
    )
    assert "−" not in a.text and "chưa tổ chức đấu giá" in a.text, a.text


def test_a_projects_capital_is_not_another_things(lamkhe_retriever) -> None:
    """The dyke's capital is given in neither quarter: the ward's new firms' registered
    capital, a sentence after the river's name, is no answer."""
    a = answer(
        "Dự án kè sông Lam Giang trong quý III tiêu được bao nhiêu vốn, nhanh hơn quý II không?",
        lamkhe_retriever,
    )
    assert a.insufficient and "94,7" not in a.text, a.text


def test_the_earlier_quarters_figure_in_brackets_is_the_base(halam_retriever) -> None:
    """ "quý III ghi nhận 48 ca (quý II: 11 ca)": no report of the second quarter is
    indexed, the third quarter's sentence gives it in brackets — both quoted from that one
    sentence, the difference shown and checked."""
    a = answer("Sốt xuất huyết ở Hòa Phong quý 3 tăng bao nhiêu ca so với quý 2?", halam_retriever)
    assert a.mode == "compare" and "48 − 11 = 37 ca" in a.text, a.text
    assert len(a.citations) == 1 and "(quý II: 11 ca)" in a.citations[0].text
    assert arithmetic(a.text)[1] == []
    assert unsupported(a.text, [c.text for c in a.citations]) == []

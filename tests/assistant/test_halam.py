"""Answers on the Hà Lam reports (tests/data/reports/halam), asked in words of our own."""

from __future__ import annotations

from assistant.route import answer


def test_a_communes_report_is_about_the_commune_without_naming_it(halam_retriever) -> None:
    """ "công an xã Hòa Phong … tóm được bao nhiêu người": Hòa Phong's own report says
    "bắt giữ 02 vụ với 03 đối tượng … thu giữ 1,86 gam" without naming the commune it is
    about — the question's "xã Hòa Phong" is covered by whose report it is."""
    a = answer(
        "Tháng 9 công an xã Hòa Phong tóm được bao nhiêu người liên quan đến ma túy, thu bao "
        "nhiêu gam?",
        halam_retriever,
    )
    assert "03 đối tượng" in a.text and "1,86 gam" in a.text, a.text

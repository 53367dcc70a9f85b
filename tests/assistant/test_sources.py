"""One figure as two sources give it ("số của Sở Tài chính với số của xã có khớp không?"):
each source's own figure, cited, then whether they agree — the commune's report of the
month the department's period ends with, the commune's own figure in the department's list."""

from __future__ import annotations

import pytest
from conftest import LETTERHEAD, text_retriever

from assistant.answerers import sources
from assistant.context import Context
from assistant.route import answer

COMMUNE = (
    "ỦY BAN NHÂN DÂN\nXÃ ĐỒNG LÂM\n\nSố: {n}/BC-UBND\n\nĐồng Lâm, ngày 27 tháng {m} năm 2026\n\n"
    "BÁO CÁO\n\nTình hình kinh tế - xã hội tháng {m} năm 2026\n\nI. KẾT QUẢ\n\n"
)
DEPARTMENT = (
    "UBND TỈNH SƠN NGUYÊN\nSỞ TÀI CHÍNH\n\nSố: 233/BC-STC\n\nSơn Nguyên, ngày 07 tháng 11 năm "
    "2026\n\nBÁO CÁO\n\nTình hình giải ngân vốn đầu tư công 10 tháng năm 2026\n\nI. KẾT QUẢ\n\n"
    "Các dự án giao thông còn vướng mặt bằng: Nâng cấp, mở rộng ĐT.263 đoạn Nguyên Bình - Đồng "
    "Lâm: 19 hộ (phường Nguyên Bình 11 hộ, xã Đồng Lâm 08 hộ).\n"
)
ASKED = (
    "Số hộ chưa giao mặt bằng ĐT.263 ở Đồng Lâm: số của Sở Tài chính với số của xã có khớp "
    "nhau không?"
)


def _reports(october: int) -> dict[str, str]:
    said = "Dự án Nâng cấp, mở rộng ĐT.263 đoạn qua xã còn {} hộ chưa bàn giao mặt bằng.\n"
    return {
        "xa-09.txt": COMMUNE.format(n=68, m=9) + said.format("11"),
        "xa-10.txt": COMMUNE.format(n=75, m=10) + said.format(f"{october:02d}"),
        "stc.txt": DEPARTMENT,
    }


def test_two_sources_that_agree(tmp_path) -> None:
    """The department's figure for the commune (08 of its 19) and the commune's October
    report (not September's 11): they agree, and both are cited."""
    a = answer(ASKED, text_retriever(tmp_path, _reports(8)))
    assert a.mode == "compare" and "khớp nhau: cùng là 08 hộ" in a.text, a.text
    assert [c.report for c in a.citations] == ["233/BC-STC", "75/BC-UBND"], a.citations
    assert "19 − " not in a.text and "11 hộ chưa" not in a.text, a.text


def test_two_sources_that_differ(tmp_path) -> None:
    reports = _reports(6)  # and the province's own report, which "tính đến" does not name
    reports["ubnd.txt"] = LETTERHEAD.format(
        number=611, day="26", month=11, title="Tình hình kinh tế - xã hội năm 2025"
    ) + ("Tổng thu ngân sách nhà nước trên địa bàn ước đạt 9.120 tỷ đồng.\n")
    retriever = text_retriever(tmp_path, reports)
    a = answer(ASKED, retriever)
    assert "lệch nhau: 8 − 6 = 2 hộ" in a.text, a.text
    # "tính đến" reckons (it folds as "tỉnh"): no third source
    reckoned = ASKED.replace("Số hộ", "Tính đến tháng 10, số hộ")
    a = answer(reckoned, retriever)
    assert "lệch nhau: 8 − 6 = 2 hộ" in a.text, a.text


@pytest.mark.parametrize(
    "question",
    [
        "Số hộ chưa giao mặt bằng ĐT.263 ở Đồng Lâm theo Sở Tài chính là bao nhiêu?",  # one source
        "Số hộ chưa giao mặt bằng ĐT.263 của xã Đồng Lâm có khớp không?",  # "xã" names a place
    ],
)
def test_one_source_is_no_reconciliation(tmp_path, question: str) -> None:
    ctx = Context(text_retriever(tmp_path, _reports(8)))
    assert sources.answer(ctx.normalize(question), ctx) is None


def test_another_communes_entry_is_never_the_figure(tmp_path) -> None:
    """A department's list naming other communes only: no figure of the commune asked, so
    no reconciliation — never the first commune's "06 hộ" set beside the commune's own."""
    reports = _reports(8)
    reports["stc.txt"] = DEPARTMENT.replace("xã Đồng Lâm 08 hộ", "xã Phú Cát 06 hộ")
    retriever = text_retriever(tmp_path, reports)
    ctx = Context(retriever)
    assert sources.answer(ctx.normalize(ASKED), ctx) is None


def test_two_sources_in_different_scales_of_dong(tmp_path) -> None:
    """The commune counts its damage in triệu đồng, the department in tỷ đồng: the two are
    set side by side in one scale, the conversion written out and checked, never "skipped as
    two units" nor "2.315 − 2,3"."""
    reports = {
        "xa-10.txt": COMMUNE.format(n=75, m=10)
        + "Tổng thiệt hại do mưa lũ trên địa bàn xã ước 2.315 triệu đồng.\n",
        "stc.txt": DEPARTMENT
        + "Thiệt hại do mưa lũ của các địa phương: phường Nguyên Bình 4,1 tỷ đồng; xã Đồng Lâm "
        "2,3 tỷ đồng.\n",
    }
    retriever = text_retriever(tmp_path, reports)
    a = answer(
        "Thiệt hại mưa lũ của Đồng Lâm: số của Sở Tài chính với số của xã có khớp nhau không?",
        retriever,
    )
    assert a.mode == "compare", a.text
    assert "2,3 tỷ đồng = 2.300 triệu đồng; 2.315 − 2.300 = 15 triệu đồng" in a.text, a.text
    assert "4,1" not in a.text.split("Hai nguồn")[-1], a.text

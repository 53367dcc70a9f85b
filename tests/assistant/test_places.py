"""One measure of two places ("ở Hòa Phong cao hay thấp hơn bình quân tỉnh?"): the commune's
figure from its own report, the province's own (never another commune's row of its lists),
each cited, and the gap — or the commune's share of the province — written out on them."""

from __future__ import annotations

import pytest
from conftest import text_retriever

from assistant.answerers import places
from assistant.answerers.verify import arithmetic, unsupported
from assistant.context import Context
from assistant.route import answer

COMMUNE = (
    "ỦY BAN NHÂN DÂN\nXÃ HÒA PHONG\n\nSố: 127/BC-UBND\n\nHòa Phong, ngày 30 tháng 10 năm 2026"
    "\n\nBÁO CÁO\n\nTình hình kinh tế - xã hội tháng 10 năm 2026\n\nI. KẾT QUẢ\n\n"
    "1. Y tế: Trạm Y tế xã khám bệnh cho 684 lượt người; tỷ lệ trẻ dưới 1 tuổi được tiêm chủng "
    "đầy đủ 10 tháng đạt 84,6% kế hoạch.\n"
    "2. Chăn nuôi: dịch tả lợn châu Phi xảy ra tại 04 thôn, buộc phải tiêu hủy 412 con lợn.\n"
)
PROVINCE = (
    "UBND TỈNH ĐỒNG LÂM\nSỞ Y TẾ\n\nSố: 1877/BC-SYT\n\nĐồng Lâm, ngày 05 tháng 11 năm 2026\n\n"
    "BÁO CÁO\n\nKết quả công tác y tế 10 tháng năm 2026\n\nI. KẾT QUẢ\n\n"
    "1. Tiêm chủng: các xã có tỷ lệ thấp: xã Tân Lập 70,2%, xã Bản Lầu 72,5%.\n"
    "Toàn tỉnh, tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin 10 tháng đạt "
    "78,9% kế hoạch năm.\n"
    "2. Thú y: dịch tả lợn châu Phi xảy ra tại 27 xã, buộc tiêu hủy 6.842 con lợn.\n"
)


@pytest.fixture(scope="module")
def retriever(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("places")
    return text_retriever(tmp, {"hoaphong.txt": COMMUNE, "syt.txt": PROVINCE})


def test_a_commune_beside_the_province(retriever) -> None:
    """The province-wide rate, not the first commune of its list; the gap in points."""
    a = answer(
        "Trẻ dưới 1 tuổi tiêm chủng đầy đủ ở Hòa Phong cao hay thấp hơn bình quân tỉnh?",
        retriever,
    )
    assert a.mode == "compare" and not a.insufficient, a.text
    assert "Hòa Phong cao hơn toàn tỉnh: 84,6 − 78,9 = 5,7 điểm %" in a.text, a.text
    assert {c.report for c in a.citations} == {"127/BC-UBND", "1877/BC-SYT"}, a.citations
    assert "70,2" not in a.text.split("\n")[-1], a.text
    quoted = [c.quote for c in a.citations]
    assert arithmetic(a.text)[1] == [] and unsupported(a.text, quoted) == [], a.text


def test_a_communes_share_of_the_province(retriever) -> None:
    a = answer("Hòa Phong tiêu hủy bao nhiêu con lợn, chiếm bao nhiêu so với cả tỉnh?", retriever)
    assert "Toàn tỉnh nhiều hơn Hòa Phong: 6.842 − 412 = 6.430 con" in a.text, a.text
    assert "Hòa Phong chiếm 412 / 6.842 = 6,0% của toàn tỉnh." in a.text, a.text
    quoted = [c.quote for c in a.citations]
    assert arithmetic(a.text)[1] == [] and unsupported(a.text, quoted) == [], a.text


@pytest.mark.parametrize(
    "question",
    [
        "Tỷ lệ tiêm chủng đầy đủ ở Hòa Phong so với tháng trước thế nào?",  # one place
        "Tỷ lệ tiêm chủng đầy đủ ở Hòa Phong là bao nhiêu?",  # nothing set beside it
    ],
)
def test_one_place_is_no_comparison_of_places(retriever, question: str) -> None:
    ctx = Context(retriever)
    assert places.answer(ctx.normalize(question), ctx) is None


def test_a_share_that_does_not_add_up_is_caught() -> None:
    assert arithmetic("Hòa Phong chiếm 412 / 6.842 = 6,0% của toàn tỉnh.")[1] == []
    assert arithmetic("Hòa Phong chiếm 412 / 6.842 = 8,0% của toàn tỉnh.")[1], "8,0% is wrong"


def test_a_side_of_a_period_asked_is_its_report_of_that_period(tmp_path) -> None:
    """ "Đến cuối quý III …": the commune's quarter report, not its September report (a
    month of the quarter, counted to the 20th)."""
    quarter = (
        COMMUNE.replace("127/BC-UBND", "205/BC-UBND")
        .replace("tháng 10 năm 2026\n\nI.", "quý III năm 2026\n\nI.")
        .replace("84,6%", "86,1%")
    )
    september = (
        COMMUNE.replace("127/BC-UBND", "112/BC-UBND")
        .replace("ngày 30 tháng 10", "ngày 24 tháng 9")
        .replace("tháng 10 năm 2026\n\nI.", "tháng 9 năm 2026\n\nI.")
        .replace("84,6%", "83,2%")
    )
    province = PROVINCE.replace("10 tháng năm 2026", "9 tháng năm 2026")
    retriever = text_retriever(
        tmp_path, {"q3.txt": quarter, "t9.txt": september, "syt.txt": province}
    )
    asked = (
        "Đến cuối quý III tỷ lệ trẻ dưới 1 tuổi tiêm chủng đầy đủ ở Hòa Phong so với bình quân "
        "tỉnh thế nào?"
    )
    ctx = Context(retriever)
    query = ctx.normalize(asked)
    (_, commune, _), (_, whole, _) = places._sides(query, ctx)
    quarter_of = places._when(query, ctx, commune, whole)
    assert {ctx.store.info(r).number for r in quarter_of} == {"205/BC-UBND"}, quarter_of
    a = answer(asked, retriever)
    assert "86,1" in a.text and "83,2" not in a.text, a.text

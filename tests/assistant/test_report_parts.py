"""Questions asking for a part of a report, not one figure — the kinds probe5 found weak: a
report's card asked for another document's number or for a deputy's signature, a list of
investors or communes after its lead-in, the proposals however they are asked, a quarter's
"GIẢI PHÁP" part as the next quarter's tasks, a field asked as a follow-up, and an English
question about drug crime. Each names what the reports say, and the near-miss beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import intent
from assistant.dialogue import Turn, resolve
from assistant.query import normalize
from assistant.route import answer
from index.parse import parse_bytes

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"


def test_another_documents_number_is_not_the_reports(bichson_retriever, donglam_retriever):
    """ "đi kèm tờ trình số mấy", "để trả lời công văn số mấy": neither is the report's own
    "Số: 611/BC-UBND"; the finance department's report is the one of the body named, and
    its bases are a resolution and a decision, no letter."""
    a = answer("Báo cáo năm của UBND tỉnh Bích Sơn đi kèm tờ trình số mấy?", bichson_retriever)
    assert a.insufficient and "611/BC-UBND" in a.text and "Số:" not in a.text, a.text
    b = answer(
        "Báo cáo 11 tháng của Sở Tài chính Đông Lâm là để trả lời công văn số mấy của UBND tỉnh?",
        donglam_retriever,
    )
    assert b.insufficient and "3305/BC-STC không ghi công văn nào làm căn cứ" in b.text, b.text


def test_signed_by_the_head_no_deputy_signed_for_them(haiminh_retriever) -> None:
    a = answer(
        "Báo cáo 11 tháng của Sở Văn hóa Hải Minh do phó giám đốc nào ký thay?", haiminh_retriever
    )
    assert a.insufficient and "không có người ký thay" in a.text, a.text
    assert "Huỳnh Thị Mai Phương" in a.text
    b = answer("Báo cáo 10 tháng của Sở Xây dựng do ai ký thay?", haiminh_retriever)
    assert not b.insufficient and "KT. GIÁM ĐỐC" in b.text and "Ngô Đức Trung" in b.text, b.text


def test_a_reports_months_are_no_document_number(haiminh_retriever) -> None:
    """ "báo cáo 10 tháng" is the report of ten months, not "Báo cáo số 10"."""
    assert normalize("Báo cáo 10 tháng của Sở Xây dựng số mấy?").doc_numbers == ()
    assert normalize("QĐ 3090 ngày nào?").doc_numbers == ("3090",)
    a = answer("bao cao 10 thang cua so xay dung so may, ngay nao", haiminh_retriever)
    assert a.mode == "metadata" and "3011/BC-SXD" in a.text and "02/11/2026" in a.text, a.text


def test_investors_and_communes_listed_after_their_lead_in(ngankhe_retriever) -> None:
    """ "Còn 05 chủ đầu tư có tỷ lệ giải ngân dưới 50% …: Sở Văn hóa, …" names the investors
    ("quanh mức 50%" is a rate, no level "mức 2"); "Gồm các xã: Khe Lau (31,4%) …" the
    communes asked as "những nơi nào"."""
    a = answer("Chủ đầu tư nào đang tiêu vốn chậm, dưới hoặc quanh mức 50%?", ngankhe_retriever)
    assert not a.insufficient and "Sở Văn hóa, Thể thao và Du lịch (38,6%)" in a.text, a.text
    b = answer("9 xa phuong giai ngan duoi 50% la nhung noi nao", ngankhe_retriever)
    assert not b.insufficient and "Khe Lau (31,4%)" in b.text, b.text


def test_the_proposals_however_they_are_asked(bichson_retriever) -> None:
    a = answer("Thanh tra tỉnh nhờ trung ương gỡ những vướng mắc nào?", bichson_retriever)
    assert a.mode == "section" and "KIẾN NGHỊ, ĐỀ XUẤT" in a.text, a.text
    assert "Thanh tra Chính phủ sớm hướng dẫn" in a.text


def test_a_communes_tasks_are_its_own(ngankhe_retriever) -> None:
    """October's ward report sets November's tasks; December's no report sets for the ward —
    the province's quarter plan, which mentions the ward, is not what the ward will do."""
    a = answer("Tháng 11 phường Kim Tuyền định làm những gì?", ngankhe_retriever)
    assert a.mode == "section" and {c.report for c in a.citations} == {"131/BC-UBND"}, a.text
    b = answer("Sang tháng 12 phường Kim Tuyền định làm những gì?", ngankhe_retriever)
    assert b.insufficient and "Chưa có báo cáo kỳ tháng 12" in b.text, b.text


def test_a_list_named_below_the_sentence_that_counts_it(haiminh_retriever) -> None:
    """ "04 tàu bị chìm …" counts the boats and names none; its footnote lists them."""
    a = answer("Những tàu nào của xã Tân Hải bị chìm trong đợt áp thấp?", haiminh_retriever)
    assert not a.insufficient and "HM-90417-TS" in a.text, a.text


def test_a_quarters_solutions_are_the_next_quarters_tasks() -> None:
    """ "IV. GIẢI PHÁP TRỌNG TÂM QUÝ II NĂM 2026" of the first quarter's finance report sets
    the second quarter's work."""
    path = REPORTS / "tayling" / "tayling-stc-2026-q1-bc97.pdf"
    meta = parse_bytes(path, path.read_bytes(), 10**8).meta
    assert (meta.period, meta.task_period) == ("Q1/2026", "Q2/2026")


def test_a_field_asked_after_a_figure_is_how_the_field_went() -> None:
    """ "Còn mảng y tế tháng đó thì sao?" after the commune's revenue: the health section of
    that month, of that commune — unless the figure was of a field ("chi cho giáo dục"),
    when "y tế" asks the same figure of health."""
    revenue = "Tháng 11 xã Hòa Thịnh thu ngân sách được bao nhiêu?"
    asked = resolve("Còn mảng y tế tháng đó thì sao?", [Turn(revenue, revenue)])
    assert asked == "Mảng y tế tháng 11 ra sao (Hòa Thịnh)?"
    assert normalize(asked).intent == intent.SECTION
    spent = "Tháng 11 chi ngân sách cho giáo dục bao nhiêu?"
    assert "ra sao" not in resolve("Còn y tế thì sao?", [Turn(spent, spent)])


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Đầu năm học này ngành giáo dục đang vướng những gì lớn nhất?", intent.SECTION),
        ("Xã nào có nhiều hộ nghèo nhất?", intent.SUPERLATIVE),
    ],
)
def test_the_main_shortcomings_are_no_superlative(question: str, kind: str) -> None:
    assert normalize(question).intent == kind


def test_drug_crime_asked_in_english(ngankhe_retriever) -> None:
    a = answer(
        "What does the provincial police report say about drug crime in October?",
        ngankhe_retriever,
    )
    assert not a.insufficient and "27 vụ/41 đối tượng" in a.text, a.text

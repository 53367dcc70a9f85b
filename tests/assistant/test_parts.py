"""Two questions in one: split where each part asks something of its own, a later part
carrying what it leaves to the first, each part answered and cited in one answer."""

from __future__ import annotations

import pytest

from assistant.answerers import parts
from assistant.answerers.evidence import parse_markers
from assistant.route import answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Tết Dương lịch 2026 đón bao nhiêu lượt khách, và doanh thu du lịch là bao nhiêu?",
            ["Tết Dương lịch 2026 đón bao nhiêu lượt khách?", "doanh thu du lịch là bao nhiêu?"],
        ),
        (
            "bat bao nhieu vu ma tuy va thu giu nhung gi",
            ["bat bao nhieu vu ma tuy?", "thu giu nhung gi?"],
        ),
        (
            "How many accidents happened in December, and how much was fined?",
            ["How many accidents happened in December?", "how much was fined?"],
        ),
        (
            "Quyết định nào thành lập tổ công tác, ai làm tổ trưởng; bao giờ xong việc?",
            ["Quyết định nào thành lập tổ công tác?", "ai làm tổ trưởng?", "bao giờ xong việc?"],
        ),
    ],
)
def test_a_question_that_asks_twice_is_split_in_order(question: str, expected: list[str]) -> None:
    assert parts.split(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Thu NSNN tháng 12 đạt bao nhiêu?",  # one question
        "Có bao nhiêu hộ nghèo, hộ cận nghèo?",  # one question about two things
        "Giải ngân được bao nhiêu, trong đó vốn tỉnh bao nhiêu?",  # a part of the first
        "Trong mấy mô hình thí điểm, mô hình nào giải quyết nhiều hồ sơ nhất?",  # a frame
    ],
)
def test_one_question_is_not_split(question: str) -> None:
    assert parts.split(question) == []


def test_a_later_part_carries_the_period_and_the_topic_it_leaves_out() -> None:
    first = "Tháng 12/2023 công an Lạng Sơn bắt bao nhiêu vụ ma túy?"
    carried = parts.standalone("thu giữ những gì?", first)
    assert "Tháng 12/2023" in carried and "ma" in carried and "túy" in carried
    assert carried.startswith("thu giữ những gì")
    own = parts.standalone("Hội nghị xúc tiến đầu tư năm 2025 trao mấy biên bản?", first)
    assert own == "Hội nghị xúc tiến đầu tư năm 2025 trao mấy biên bản?"  # complete: as asked


def test_a_later_part_carries_the_frame_the_question_opens_with() -> None:
    first = "Số dịch vụ công online: báo cáo CCHC cả năm nói bao nhiêu?"
    carried = parts.standalone("báo cáo Đề án 06 tháng 11 nói bao nhiêu?", first)
    assert carried.startswith("Số dịch vụ công online: báo cáo Đề án 06 tháng 11")
    # a question that opens by asking is no frame
    asked = parts.standalone("tháng 11 ra sao?", "Những việc gì: tháng 10 thu bao nhiêu?")
    assert not asked.startswith("Những việc gì")


def test_each_part_answered_and_cited_when_no_passage_answers_both(sample_retriever) -> None:
    q = (
        "Tết Dương lịch 2026 thành phố đón bao nhiêu lượt khách, và Hội nghị xúc tiến "
        "đầu tư năm 2025 trao mấy biên bản ghi nhớ?"
    )
    a = answer(q, sample_retriever)
    assert not a.insufficient
    first, second = a.text.split("\n2) ")
    assert first.startswith("1) Tết Dương lịch 2026") and "18.400 lượt khách" in first
    assert "06 biên bản ghi nhớ" in second
    # one numbering for the whole answer: each marker names a citation of this answer
    ns = parse_markers(a.text)
    assert ns and set(ns) == {c.n for c in a.citations}
    by_n = {c.n: c for c in a.citations}
    assert "18.400" in by_n[parse_markers(first)[0]].text
    assert "06 biên bản" in by_n[parse_markers(second)[0]].text
    assert "songmai-2026-01" in by_n[parse_markers(first)[0]].file
    assert "songmai-2025-11" in by_n[parse_markers(second)[0]].file


def test_a_part_nothing_answers_is_said_not_found(sample_retriever) -> None:
    q = (
        "Tết Dương lịch 2026 thành phố đón bao nhiêu lượt khách, và sân bay Sông Mai "
        "đón bao nhiêu chuyến bay quốc tế?"
    )
    a = answer(q, sample_retriever)
    assert "18.400 lượt khách" in a.text
    assert a.text.rstrip().endswith(parts.MISSING)


def test_a_part_in_other_words_is_held_by_a_unit_that_gives_a_part() -> None:
    from assistant.answerers import named
    from assistant.query import normalize

    q = normalize(
        "Đã có bao nhiêu xã số hóa xong dữ liệu đất, trong đó bao nhiêu xã đã nghiệm thu"
        " đưa vào dùng?"
    )
    unit = (
        "Đã hoàn thành số hóa dữ liệu đất đai của 67/124 xã, phường (trong đó, 37 xã, phường đã"
        " được nghiệm thu dữ liệu phục vụ vận hành, khai thác)"
    )
    whole = named.whole_words(q)
    assert named.holds_part(named.part_asked(q), unit, whole)
    # the words that set the part apart ("nước ngoài") must be the unit's part's
    q2 = normalize("Trong số dự án đang bị kẹt, có bao nhiêu dự án vốn nước ngoài?")
    fdi = "toàn tỉnh có 2.934 dự án đầu tư (trong đó có 235 dự án FDI, tổng vốn đầu tư 224.282 tỷ)"
    assert not named.holds_part(named.part_asked(q2), fdi, named.whole_words(q2))


def test_a_part_named_only_by_the_whole_is_held_only_by_a_unit_giving_a_part() -> None:
    from assistant.answerers import named
    from assistant.query import normalize

    q = normalize(
        "Hội chợ hàng Việt và sản phẩm OCOP có bao nhiêu gian hàng, trong đó bao nhiêu gian là"
        " sản phẩm OCOP?"
    )
    fair = "Tổ chức Hội chợ hàng Việt và sản phẩm OCOP Sông Mai năm 2025 với 126 gian hàng."
    assert not named.holds_part(named.part_asked(q), fair, named.whole_words(q))
    split = fair.replace("126 gian hàng", "126 gian hàng (trong đó 40 gian sản phẩm OCOP)")
    assert named.holds_part(named.part_asked(q), split, named.whole_words(q))


def test_a_part_set_apart_by_rieng_mid_question_is_asked() -> None:
    """ "số phiếu riêng của cấp xã": the part is asked wherever "riêng" stands — not in "nhà
    ở riêng lẻ", nor "riêng tháng 11" (a period)."""
    from assistant.answerers import named
    from assistant.query import normalize

    q = normalize("so phieu khao sat su hai long rieng cua cap xa la bao nhieu")
    assert set(named.part_asked(q)) >= {"cap", "xa"}
    total = "Số lượng phiếu khảo sát: 25.898"
    assert not named.holds_part(named.part_asked(q), total, named.whole_words(q))
    assert not named.part_asked(normalize("Cấp bao nhiêu giấy phép nhà ở riêng lẻ?"))
    assert not named.part_asked(normalize("Riêng tháng 11 thu ngân sách bao nhiêu?"))


def test_a_number_asked_without_diacritics_is_a_part() -> None:
    """ "số mấy" typed as "so may" asks a number (no "máy" follows a number's word)."""
    assert parts.split("ke hoach to chuc hoi thao DDCI la so may, du kien hop ngay nao") == [
        "ke hoach to chuc hoi thao DDCI la so may?",
        "du kien hop ngay nao?",
    ]
    carried = parts.standalone("du kien hop ngay nao?", "ke hoach to chuc hoi thao DDCI la so may?")
    assert "hoi thao" in carried  # the day is what it asks: its topic is the first part's


def test_a_document_no_passage_numbers_has_no_day(sample_retriever) -> None:
    """ "Nghị quyết … số mấy, ban hành ngày nào?" of a resolution the reports never name:
    its day is not the report's own date — nothing is answered."""
    a = answer(
        "nghi quyet thu phi 0 dong cua hdnd thanh pho so may, ban hanh ngay nao", sample_retriever
    )
    assert a.insufficient and not a.citations, a.text


def test_a_share_asked_after_an_amount_is_a_share_of_it() -> None:
    """ "Tiền đất … thu được bao nhiêu, đạt mấy phần trăm dự toán?": the share is of the
    land-use fee — "đạt" (reached) is not the "đất" (land) folding makes it, so the first
    part's subject is carried whole."""
    from assistant.answerers.parts import split, standalone

    first, second = split(
        "Tiền đất lũy kế đến giữa tháng 11 thu được bao nhiêu, đạt mấy phần trăm dự toán?"
    )
    assert (
        standalone(second, first)
        == "đạt mấy phần trăm dự toán (tiền đất lũy kế thu, giữa tháng 11)?"
    )


def test_a_change_from_a_period_no_report_covers_is_refused_whole(sample_retriever) -> None:
    """ "… tháng 2/2026 đạt bao nhiêu, tăng bao nhiêu so với tháng 1?": no report of
    February, so no change from January either — its second part is not answered alone
    from January's report."""
    a = answer(
        "Tỷ lệ giải ngân vốn đầu tư công tháng 2/2026 đạt bao nhiêu, tăng bao nhiêu so với "
        "tháng 1?",
        sample_retriever,
    )
    assert a.insufficient and "2)" not in a.text, a.text

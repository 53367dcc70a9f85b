"""question → Query: what the retriever and the answerer are told about a question."""

from __future__ import annotations

import pytest

from assistant.intent import SUPERLATIVE
from assistant.query import normalize, periods_in
from index import vn


def test_document_number_exact_and_loose() -> None:
    q = normalize("Quyết định số 2514/QĐ-UBND về nội dung gì?")
    assert "2514/QĐ-UBND" in q.doc_numbers
    assert "2514" in q.doc_numbers
    assert normalize("QĐ 2514 về gì").doc_numbers == ("2514",)
    assert "2514" in normalize("quyet dinh 2514 noi dung gi").doc_numbers
    assert normalize("Có bao nhiêu hộ gia đình?").doc_numbers == ()


def test_figures_are_canonical_and_dates_are_not_figures() -> None:
    q = normalize("Lũy kế thu đạt 108,7% và 397.497 triệu đồng đến ngày 15/10/2025?")
    assert set(q.figures) == {vn.number_key("108.7%"), vn.number_key("397497")}
    assert normalize("Ngày 15/10/2025 thu được bao nhiêu").figures == ()


@pytest.mark.parametrize(
    ("question", "periods"),
    [
        ("Trong tháng 12/2023 xảy ra bao nhiêu vụ tai nạn giao thông?", ("12/2023",)),
        ("thang 11/2025 co bao nhieu vu tai nan giao thong", ("11/2025",)),
        ("chuyen doi so thang 12 co gi noi bat", ("12/*",)),
        ("Nhiệm vụ tháng 01/2024 về quốc phòng - an ninh là gì?", ("01/2024",)),
        ("Tóm tắt công tác tư pháp quý IV/2023", ("Q4/2023",)),
        ("Tổng số lượt khám bệnh trong tháng là bao nhiêu?", ()),
    ],
)
def test_periods(question: str, periods: tuple[str, ...]) -> None:
    assert normalize(question).period_labels == periods


def test_periods_ignore_impossible_months() -> None:
    assert periods_in("thang 13/2025") == ()


def test_accents_and_language() -> None:
    assert normalize("Tổng số lượt khám bệnh?").accented
    plain = normalize("tong so luot kham benh")
    assert not plain.accented and not plain.english
    english = normalize("What was the total budget revenue in December 2023?")
    assert english.english and not english.accented


def test_question_kinds() -> None:
    assert normalize("Những dự án nào được phê duyệt chủ trương đầu tư?").is_list
    assert normalize("15 công trình gồm những công trình nào?").is_list
    assert normalize("Bao nhiêu trường hợp bị tước giấy phép lái xe?").wants_figure
    assert normalize("ty le giai ngan dat bao nhieu").wants_figure
    assert normalize("Tóm tắt công tác giải phóng mặt bằng").is_summary
    assert normalize("Nhiệm vụ tháng 01/2024 về quốc phòng là gì?").about_tasks
    assert not normalize("Bao nhiêu vụ tai nạn giao thông?").about_tasks
    assert normalize("thang 1/2024 thanh pho se theo doi bao nhieu cong trinh").about_tasks
    assert not normalize("Số tin bài được chia sẻ là bao nhiêu?").about_tasks
    # a deadline set is a task: "phải … trước ngày nào", "bao giờ thì … phải …"
    assert normalize("Các xã phải giao xong mặt bằng trước ngày nào?").about_tasks
    assert normalize("Bao giờ thì Thanh tra tỉnh phải trình kế hoạch năm sau?").about_tasks
    assert not normalize("Bao giờ nhà thầu thi công trở lại?").about_tasks


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("Theo quyết định nào?", True),
        ("Kế hoạch số mấy, ban hành ngày nào?", True),
        ("Thực hiện theo kế hoạch nào?", True),
        # the plan's figure, not a plan's number
        ("Tỷ lệ đô thị hóa hụt kế hoạch bao nhiêu?", False),
        ("ty le do thi hoa dat ke hoach may phan tram", False),
    ],
)
def test_a_document_is_asked_by_its_kind_and_number(question: str, document: bool) -> None:
    from assistant.answerers.kinds import kinds

    assert kinds(normalize(question).folded).document is document


def test_tokens_are_folded_and_the_same_with_or_without_accents() -> None:
    accented = normalize("Chi trả trợ cấp bảo hiểm xã hội tháng 12/2023")
    plain = normalize("chi tra tro cap bao hiem xa hoi thang 12/2023")
    assert accented.tokens == plain.tokens
    assert accented.content == plain.content
    assert all(t == vn.fold(t) for t in accented.tokens)
    # how the question is asked and its period stay out of the content
    assert not {"bao", "nhieu", "thang", "2023"} & set(normalize("thang 12/2023 bao nhieu").content)


def test_abbreviations_reach_the_dense_text() -> None:
    q = normalize("Tước GPLX bao nhiêu trường hợp?")
    assert "giấy phép lái xe" in q.dense_text
    assert {"gplx", "giay", "phep", "xe"} <= set(q.tokens)


def test_unaccented_dense_text_is_restored_from_the_corpus() -> None:
    uni, bi = vn.DiacriticRestorer.count(["Chi trả trợ cấp bảo hiểm xã hội tháng 12/2023."])
    restorer = vn.DiacriticRestorer(uni, bi)
    q = normalize("chi tra tro cap bao hiem xa hoi thang 12/2023", restorer)
    assert q.dense_text == "chi trả trợ cấp bảo hiểm xã hội tháng 12/2023"
    assert q.text == "chi tra tro cap bao hiem xa hoi thang 12/2023"
    # accented questions are never rewritten
    accented = "Chi trả trợ cấp tháng 12/2023"
    assert normalize(accented, restorer).dense_text == accented


def test_whitespace_and_unicode_forms_are_normalised() -> None:
    q = normalize("  Tổng   số lượt\u00a0khám bệnh  ")
    assert q.text == "Tổng số lượt khám bệnh"
    decomposed = "Tô\u0309ng sô\u0301 lươ\u0323t"
    assert normalize(decomposed).text == vn.nfc(decomposed)


@pytest.mark.parametrize(
    ("question", "must_keep"),
    [
        ("Bao nhiêu vụ tai nạn giao thông?", {"tai", "nan"}),  # tại
        ("Giải ngân vốn đầu tư công đạt bao nhiêu?", {"dau", "tu"}),  # đâu, từ
        ("Những dự án nào được phê duyệt?", {"du", "an"}),  # English 'an'
        ("Thu giá dịch vụ vệ sinh môi trường bao nhiêu?", {"ve", "sinh"}),  # về
        ("Kiểm tra bao nhiêu cơ sở karaoke?", {"co", "so"}),  # có
        ("Tước giấy phép lái xe bao nhiêu trường hợp?", {"lai", "xe"}),  # lại
    ],
    ids=["tai-nan", "dau-tu", "du-an", "ve-sinh", "co-so", "lai-xe"],
)
def test_content_words_that_fold_like_stopwords_are_kept(
    question: str, must_keep: set[str]
) -> None:
    q = normalize(question)
    assert must_keep <= set(q.tokens)
    assert must_keep <= set(q.content)


def test_a_chat_questions_own_grammar_is_no_term() -> None:
    """'sẽ', 'tới', 'nhé' are how a leader asks, not what about: reports rarely write them,
    and as rare terms their absence would refuse the passage asked about. Folded, only 'se'
    is dropped: 'nua', 'nhi', 'vay' may be 'nửa', 'nhì', 'vay vốn'."""
    q = normalize("Dự kiến tới cuối tháng 1 vốn đầu tư công sẽ giải ngân được mấy phần trăm nhé?")
    assert not {"toi", "se", "nhe"} & set(q.content)
    assert {"von", "giai", "ngan"} <= set(q.content)
    q = normalize("giai nhi hoi thi va so tien vay von nua nam")
    assert {"nhi", "vay", "nua"} <= set(q.content)


def test_what_is_assigned_is_yet_to_be_done() -> None:
    """ "được giao tham mưu những việc gì": tasks; a staffing "được giao" is a figure."""
    assert normalize("Tháng 12/2025 Công an tỉnh được giao tham mưu những việc gì?").about_tasks
    assert not normalize("Biên chế công chức được giao năm 2025 là bao nhiêu?").about_tasks


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "thu ngan sach cua phuong KT dat bao nhieu",
            "thu ngan sach cua phuong Kim Tuyen dat bao nhieu",
        ),
        ("Đường trục chính KT - Thạch Bàn", "Đường trục chính Kim Tuyền - Thạch Bàn"),
        ("CA tỉnh NK tháng 10", "CA tỉnh Ngân Khê tháng 10"),
        ("tình hình KT-XH của phường", "tình hình KT-XH của phường"),  # the economy
        ("Phòng KT phường báo cáo gì?", "Phòng KT phường báo cáo gì?"),  # an office
        ("KH tháng 11", "KH tháng 11"),  # two places' initials: left as typed
    ],
)
def test_an_issuers_place_typed_as_its_initials_is_written_out(
    question: str, expected: str
) -> None:
    from assistant.named_reports import place_initials, spelled_out

    issuers = [
        "UBND phường Kim Tuyền",
        "Công an tỉnh Ngân Khê (Bộ công an)",
        "UBND xã Khe Hạ",
        "UBND xã Kim Hoa",
    ]
    assert spelled_out(question, place_initials(issuers)) == expected


def test_a_numbered_unit_is_a_name_the_passage_must_hold() -> None:
    """ "tổ dân phố 15" (typed "to dan pho 15" or "tổ dân phố 015") is named by its number:
    a passage listing tổ dân phố 1 to 14 does not name it."""
    from assistant.answerers.support import name_share

    rows = "Tổ dân phố: Tổ dân phố 1; Giấy phép: 02 … Tổ dân phố: Tổ dân phố 14; Giấy phép: 01"
    assert name_share(normalize("to dan pho 15 thang 9 cap may giay phep"), rows) == 0.0
    assert name_share(normalize("Tổ dân phố 14 được cấp mấy giấy phép?"), rows) == 1.0
    assert name_share(normalize("tổ dân phố 01 cấp mấy giấy phép?"), rows) == 1.0


@pytest.mark.parametrize(
    ("question", "superlative"),
    [
        ("Năm học mới Sở định tuyển thêm ít nhất bao nhiêu thầy cô?", False),  # at least
        ("Quý IV phải chi trả thêm ít nhất 20 hộ", False),
        ("Thôn nào ít nhất bao nhiêu ca?", True),  # which one is the least
        ("Xã nào ít nhất, bao nhiêu ca?", True),
    ],
)
def test_at_least_is_a_bound_not_a_superlative(question: str, superlative: bool) -> None:
    assert (normalize(question).intent == SUPERLATIVE) is superlative

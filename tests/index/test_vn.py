"""index.vn: folding, Vietnamese numbers, document numbers, sentences, footnote markers,
abbreviations, lexical tokens and diacritic restoration."""

from __future__ import annotations

import pytest

from index import vn


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Giải phóng mặt bằng", "giai phong mat bang"),
        ("ĐẦU TƯ XÂY DỰNG", "dau tu xay dung"),
        ("Đông Kinh", "dong kinh"),
        ("Hồ Phai Loạn", "ho phai loan"),
        ("ủy ban nhân dân", "uy ban nhan dan"),
        ("already plain 123", "already plain 123"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert vn.fold(text) == folded


def test_fold_handles_decomposed_input() -> None:
    decomposed = "Le\u0302\u0323 phi\u0301"  # "Lệ phí" typed with combining marks
    assert vn.fold(decomposed) == "le phi"
    assert vn.nfc(decomposed) == "Lệ phí"


def test_has_diacritics() -> None:
    assert vn.has_diacritics("tai nạn giao thông")
    assert vn.has_diacritics("đ")
    assert not vn.has_diacritics("tai nan giao thong")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("397.497", 397497.0),
        ("108,7", 108.7),
        ("43.650,3", 43650.3),
        ("1.194,48", 1194.48),
        ("16.609.911.100", 16609911100.0),
        ("45,76%", 45.76),
        ("03", 3.0),
        ("0,5", 0.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert vn.parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "170.042/371.635", "12a"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert vn.parse_number(text) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("108,7%", "108.7%"),
        ("397.497", "397497"),
        ("1.194,48", "1194.48"),
        ("43.650,3", "43650.3"),
    ],
)
def test_number_key_equivalent_formats(a: str, b: str) -> None:
    assert vn.number_key(a) == vn.number_key(b)


def test_number_key_keeps_percent_apart() -> None:
    assert vn.number_key("108,7%") != vn.number_key("108,7")
    assert vn.number_key("397.497") != vn.number_key("397,497")  # 397497 vs 397.497


def test_numbers_as_written() -> None:
    text = "lũy kế 397.497 triệu đồng đạt 108,7 % dự toán; giải ngân 170.042/371.635 triệu"
    found = vn.numbers(text)
    assert "397.497" in found
    assert "108,7%" in found
    assert "170.042" in found and "371.635" in found


def test_doc_numbers() -> None:
    text = (
        "Ban hành Quyết định số 3090/QĐ-UBND ngày 08/12/2023; Nghị quyết số 40-NQ/TU, "
        "ngày 05/8/2021; Công văn số 2564/SXD-QHKT&PTĐT, ngày 05/12/2023. "
        "Giá trị giải ngân đạt 170.042/371.635 triệu đồng."
    )
    found = vn.doc_numbers(text)
    assert "3090/QĐ-UBND" in found
    assert "40-NQ/TU" in found
    assert "2564/SXD-QHKT&PTĐT" in found
    assert not any("170" in d or "371" in d for d in found), found


def test_doc_numbers_single() -> None:
    assert vn.doc_numbers("Hướng dẫn số 3473/HD-UBND ngày 04/12/2023") == ["3473/HD-UBND"]
    assert vn.doc_numbers("Kế hoạch số 122/KH-UBND, ngày 27/5/2023") == ["122/KH-UBND"]


@pytest.mark.parametrize(
    "text",
    ["QĐ 3090", "quyet dinh 3090", "Quyết định số 3090", "qd so 3090", "Quyết định 3090/QĐ-UBND"],
)
def test_doc_number_digits_loose(text: str) -> None:
    assert "3090" in vn.doc_number_digits(text)


def test_doc_number_digits_ignores_plain_figures() -> None:
    assert vn.doc_number_digits("giải ngân đạt 170.042/371.635 triệu đồng") == []
    assert vn.doc_number_digits("có 3090 hộ gia đình") == []


def test_sentences_do_not_split_numbers_or_abbreviated_places() -> None:
    text = (
        "Thu được 1.234 triệu đồng tại TP. Lạng Sơn. Trụ sở tại P. Đông Kinh có 3 vụ việc. "
        "Tổng cộng 43.650,3m² đất."
    )
    assert vn.sentences(text) == [
        "Thu được 1.234 triệu đồng tại TP. Lạng Sơn.",
        "Trụ sở tại P. Đông Kinh có 3 vụ việc.",
        "Tổng cộng 43.650,3m² đất.",
    ]


def test_sentences_split_after_footnote_marker() -> None:
    text = "Bàn giao đưa vào sử dụng 02 dự án¹¹. Chỉ đạo kiểm tra 03 dự án."
    assert vn.sentences(text) == [
        "Bàn giao đưa vào sử dụng 02 dự án¹¹.",
        "Chỉ đạo kiểm tra 03 dự án.",
    ]


def test_sentences_keep_everything() -> None:
    text = "Câu một. Câu hai! Câu ba? Câu bốn không có dấu chấm"
    parts = vn.sentences(text)
    assert len(parts) == 4
    assert " ".join(parts) == text


def test_footnote_markers_multi_digit_and_units() -> None:
    text = (
        "diện tích 43.650,3m² và 5.349,2 m²; khối lượng 12m³; theo dõi 15 công trình⁹; "
        "nghiệm thu 03 dự án¹⁰; kế hoạch¹⁷ và ³¹"
    )
    numbers = [n for n, _, _ in vn.footnote_markers(text)]
    assert numbers == [9, 10, 17, 31]
    stripped = vn.strip_markers(text)
    assert "43.650,3m²" in stripped and "5.349,2 m²" in stripped and "12m³" in stripped
    assert "công trình;" in stripped and "03 dự án;" in stripped
    assert not any(c in stripped.replace("m²", "").replace("m³", "") for c in "⁹¹⁰⁷³")


def test_footnote_marker_two_after_a_word_is_a_footnote() -> None:
    # ² after a word (not a unit) is footnote 2, as in "… tổng số tiền 187.320.000 đồng.²"
    text = "với tổng số tiền 187.320.000 đồng.² Thu giá dịch vụ theo phân cấp¹."
    assert [n for n, _, _ in vn.footnote_markers(text)] == [2, 1]


def test_marker_at_start_is_not_a_reference() -> None:
    # a footnote body starts with its own number; that is not a reference
    assert vn.footnote_markers("⁴ Điều chỉnh cục bộ quy hoạch") == []


def test_superscript_to_int() -> None:
    assert vn.superscript_to_int("¹⁰") == 10
    assert vn.superscript_to_int("³¹") == 31


def test_expand_abbreviations() -> None:
    out = vn.expand_abbreviations("Tước quyền sử dụng GPLX 101 TH; công tác GPMB, UBND TP.")
    assert "GPLX (giấy phép lái xe)" in out
    assert "TH (trường hợp)" in out
    assert "GPMB (giải phóng mặt bằng)" in out
    assert "UBND (ủy ban nhân dân)" in out
    # longest abbreviation wins, and words containing an abbreviation are left alone
    assert "TTATGT (trật tự an toàn giao thông)" in vn.expand_abbreviations("đảm bảo TTATGT")
    assert vn.expand_abbreviations("THẮNG LỢI") == "THẮNG LỢI"
    assert vn.expand_abbreviations("TN&MT") == "TN&MT (tài nguyên và môi trường)"


def test_search_tokens_fold_expand_and_figures() -> None:
    tokens = vn.search_tokens("Thu NSNN lũy kế 397.497 triệu đồng đạt 108,7%")
    # folded syllables
    assert {"thu", "luy", "ke", "trieu", "dong", "dat"} <= set(tokens)
    # abbreviation expanded to its folded words
    assert {"ngan", "sach", "nha", "nuoc"} <= set(tokens)
    assert "nsnn" in tokens
    # figures in canonical form, whatever the separator
    assert "#397497" in tokens
    assert "#108.7%" in tokens
    assert "#108.7%" in vn.search_tokens("đạt 108.7%")


def test_search_tokens_same_for_accented_and_plain() -> None:
    assert vn.search_tokens("chi trả trợ cấp bảo hiểm xã hội") == vn.search_tokens(
        "chi tra tro cap bao hiem xa hoi"
    )


def test_diacritic_restorer_from_small_corpus() -> None:
    corpus = [
        "Chi trả trợ cấp bảo hiểm xã hội tháng 12/2023: 1.194,48 triệu đồng.",
        "Chỉ đạo cấp giấy chứng nhận quyền sử dụng đất.",
        "Tổ chức hội nghị về bảo vệ môi trường tại xã Mai Pha.",
        "Chi trả tiền bồi thường, hỗ trợ cho 50 hộ gia đình.",
        "Trả lời kiến nghị của cử tri; trợ giúp pháp lý.",
        "Bảo hiểm y tế; bảo hiểm xã hội tự nguyện.",
    ]
    uni, bi = vn.DiacriticRestorer.count(corpus)
    restorer = vn.DiacriticRestorer(uni, bi)
    assert restorer.restore("chi tra tro cap bao hiem xa hoi") == "chi trả trợ cấp bảo hiểm xã hội"
    # punctuation, digits, unknown words and all-capitals survive
    assert restorer.restore("chi tra tro cap, thang 12/2023 xyz?") == (
        "chi trả trợ cấp, tháng 12/2023 xyz?"
    )
    assert restorer.restore("BAO HIEM XA HOI") == "BẢO HIỂM XÃ HỘI"
    # already accented words are left as typed
    assert restorer.restore("bảo hiem xã hội") == "bảo hiểm xã hội"
    assert restorer.restore("") == ""


def test_diacritic_restorer_keeps_title_case() -> None:
    uni, bi = vn.DiacriticRestorer.count(
        ["Chi trả trợ cấp bảo hiểm xã hội.", "Kè bờ sông Mai thuộc thành phố Sông Mai."]
    )
    restorer = vn.DiacriticRestorer(uni, bi)
    assert restorer.restore("Chi tra tro cap") == "Chi trả trợ cấp"
    assert restorer.restore("thanh pho Song Mai") == "thành phố Sông Mai"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (397497, None, "397.497"),
        (1234.5, 1, "1.234,5"),
        (45.5, None, "45,5"),
        (-3.25, 2, "−3,25"),
        (2000, None, "2.000"),
        (-0.0001, 1, "0,0"),
    ],
)
def test_format_number_the_reports_way(value: float, decimals: int | None, text: str) -> None:
    assert vn.format_number(value, decimals) == text
    if decimals is None or decimals:
        assert vn.parse_number(text.lstrip("−")) == pytest.approx(abs(value), abs=0.05)


def test_the_report_naming_itself_is_not_quotable() -> None:
    para = "Thu NSNN đạt 104,7% dự toán. Trên đây là báo cáo tình hình kinh tế - xã hội tháng 12."
    assert vn.quotable_sentences(para) == ["Thu NSNN đạt 104,7% dự toán."]
    assert len(vn.sentences(para)) == 2


def test_a_count_of_the_whole_is_no_count_of_a_member() -> None:
    """ "bao nhiêu khách quốc tế" is a part of the visitors: a sentence counting them all
    names no member of the set and gives no answer; one naming the foreign ones does."""
    assert vn.member_unnamed("bao nhieu khach quoc te", "đón 18.400 lượt khách du lịch")
    assert not vn.member_unnamed("bao nhieu khach quoc te", "trong đó 2.100 lượt khách quốc tế")
    assert not vn.member_unnamed("bao nhieu khach nuoc ngoai", "khách quốc tế 2.100 lượt")
    assert vn.member_unnamed("co bao nhieu truong tieu hoc", "toàn thành phố có 46 trường")
    assert vn.member_unnamed("bao nhieu ca sot xuat huyet", "ghi nhận 13 ca bệnh truyền nhiễm")
    assert not vn.member_unnamed("bao nhieu khach du lich", "đón 18.400 lượt khách du lịch")


@pytest.mark.parametrize(
    ("question", "unit", "contrasted"),
    [
        ("thang 10 xa co bao nhieu ho thoat ngheo", "dự kiến có thêm 04 hộ tái nghèo", True),
        ("tỷ lệ hộ cận nghèo bao nhiêu", "Hộ nghèo đầu năm 2026 - Tỷ lệ (%): 3,01", True),
        ("bao nhiêu hộ nghèo", "64 hộ nghèo, hộ cận nghèo đang ở nhà tạm", False),
        ("năng suất lúa vụ Đông Xuân?", "Thu hoạch lúa vụ Mùa, năng suất 56,2 tạ/ha.", True),
        # a road by its code: another number is another road
        ("du an nang cap dt.512 giai ngan duoc bao nhieu?", "Nâng cấp ĐT.507: 98.310", True),
        ("dự án ĐT.507 giải ngân bao nhiêu?", "Nâng cấp, mở rộng ĐT.507 đoạn Sơn Hà", False),
        ("đường tỉnh 263 còn mấy hộ?", "ĐT.263 đoạn qua xã còn 13 hộ", False),
        ("Quốc lộ 4B sạt lở mấy điểm?", "QL.279 sạt lở 03 điểm; QL.4B 02 điểm", False),
        ("nang suat lua vu dong xuan", "Thu hoạch lúa vụ Mùa, năng suất 56,2 tạ/ha.", True),
        ("năng suất lúa vụ Đông Xuân?", "Vụ Đông Xuân năng suất 58 tạ/ha; vụ Mùa 56,2.", False),
        # the North's "vụ Xuân" is the Đông Xuân crop, its "vụ Đông" another
        (
            "Vụ xuân 2026 định trồng bao nhiêu ha ngô?",
            "Vụ đông 2025 - 2026 gieo 196,4 ha ngô.",
            True,
        ),
        (
            "Vụ xuân 2026 định trồng bao nhiêu ha ngô?",
            "Kế hoạch vụ Đông Xuân 2026: ngô 640 ha.",
            False,
        ),
        ("Vụ đông đã gieo bao nhiêu ha?", "Vụ đông 2025 - 2026 đã gieo 402,7 ha.", False),
        ("biên chế công chức cấp xã?", "6.233 biên chế công chức cấp xã", False),
        ("biên chế công chức cấp xã?", "3.743 biên chế công chức cấp tỉnh", True),
        ("biên chế công chức?", "biên chế cán bộ, công chức, viên chức", False),
        ("biên chế công chức?", "60.674 biên chế viên chức", True),
        ("tỷ lệ hồ sơ trực tuyến một phần?", "Tỷ lệ DVCTT toàn trình: 100%", True),
        ("hồ sơ giải quyết trễ hạn?", "Số hồ sơ TTHC giải quyết đúng hạn: 193.457", True),
        ("ho so tre han", "đúng hạn là 193.457, số hồ sơ giải quyết trễ hạn là 1.740", False),
        ("có bao nhiêu trường?", "46 trường mầm non, tiểu học", False),  # none named
        ("Hoạt động mua bán ma túy?", "Thu hoạch lúa vụ Mùa", False),  # "mua" is not "vụ Mùa"
        ("tiền đất lũy kế thu được bao nhiêu", "thu NSNN lũy kế 343.848 triệu đồng", True),
        ("tiền đất lũy kế?", "Trong đó, thu tiền sử dụng đất lũy kế 148.270 triệu đồng", False),
        ("thu NSNN lũy kế?", "thu NSNN 312.640; trong đó thu tiền sử dụng đất 148.270", False),
        # a running total of other months is another total ("9 tháng" asked)
        ("thu ngan sach 9 thang dat bao nhieu", "lũy kế 8 tháng đạt 9,46 tỷ đồng", True),
        ("thu ngan sach 9 thang dat bao nhieu", "tháng 9 đạt 1,37; lũy kế 9 tháng 10,83", False),
        ("6 tháng đầu năm có bao nhiêu ca?", "lũy kế 9 tháng có 65 ca", True),
        ("ngày 12 tháng 8 thu được bao nhiêu?", "lũy kế 8 tháng đạt 9,46 tỷ đồng", False),
        # what the budget took in is not what it spent; exports are not imports
        ("thu ngan sach thang 10", "Tổng chi ngân sách phường tháng 10 là 4.102", True),
        ("thu ngan sach thang 10", "Tổng thu ngân sách … 5.214; tổng chi 4.102", False),
        ("chi vượt số thu bao nhiêu?", "Tổng thu ngân sách địa phương … 28.611", False),
        ("xuất khẩu được bao nhiêu?", "Kim ngạch nhập khẩu ước đạt 642,3 triệu USD", True),
        # one quarter alone asked: the running total holding it does not give it
        ("riêng quý III xuất khẩu bao nhiêu?", "Xuất khẩu 9 tháng ước đạt 1.284,6", True),
        ("riêng quý III xuất khẩu bao nhiêu?", "Thực hiện 9 tháng: 1.284,6", True),
        ("rieng quy 3 xuat khau", "quý III đạt 450; lũy kế 9 tháng 1.284,6", False),
        ("xuất khẩu quý III bao nhiêu?", "Xuất khẩu 9 tháng ước đạt 1.284,6", False),
        ("thu riêng tháng 10, cộng dồn bao nhiêu?", "thu được 28.415; lũy kế 312.640", False),
        # the herds counted one by one: pigs and buffaloes are no count of cows
        ("tong dan bo hien co bao nhieu con?", "đàn lợn 612.000 con, đàn trâu 98.400 con", True),
        ("tổng đàn trâu bao nhiêu con?", "đàn lợn 612.000 con, đàn trâu 98.400 con", False),
        ("cán bộ xã bao nhiêu người?", "đàn trâu 1.284 con, 36 cán bộ", False),
        # what a row says it has no figures for is not what it is about
        (
            "cấp xã có bao nhiêu đơn vị sự nghiệp tự bảo đảm chi thường xuyên?",
            "Số liệu: 58; Ghi chú: Số liệu đơn vị sự nghiệp cấp tỉnh do chưa có số liệu cụ "
            "thể từng mức độ tự chủ của đơn vị sự nghiệp cấp xã sau sáp nhập",
            True,
        ),
    ],
)
def test_another_member_of_a_closed_set_is_another_thing(
    question: str, unit: str, contrasted: bool
) -> None:
    assert vn.contrasted(question, unit) is contrasted


def test_an_abbreviation_and_its_long_form_stand_for_each_other() -> None:
    """ "kiểm tra PCCC" is covered by "phòng cháy, chữa cháy" and the other way round."""
    long_form = set(vn.terms("đã kiểm tra công tác phòng cháy, chữa cháy tại 46 cơ sở"))
    short_form = set(vn.terms("kiểm tra PCCC"))
    assert short_form <= long_form
    assert {"pccc", "phong", "chua"} <= short_form
    assert "pccc" not in vn.terms("phòng họp, chữa bệnh")  # the long form as written only


def test_a_unit_written_against_its_figure_is_a_word_of_its_own() -> None:
    """ "21.377,9m²" is the figure and "m²" (what a leader asks as "mét vuông"); a code such
    as "PC06" stays one word."""
    assert vn.syllables("diện tích 21.377,9m², 12km, PC06") == [
        "diện", "tích", "21", "377", "9", "m²", "12", "km", "pc06",
    ]  # fmt: skip
    assert vn.numbers("21.377,9m² của 41 hộ") == ["21.377,9", "41"]


def test_a_count_is_compared_by_its_value_and_ongoing_is_no_topic() -> None:
    """ "05 công trình" in the report is the "5 công trình" asked; "đang" (ongoing) is how
    a question is put, as "đã" and "sẽ" are."""
    assert vn.terms("05 công trình")[0] == vn.terms("5 công trình")[0] == "5"
    assert vn.is_stopword("đang", True)


def test_a_count_written_in_words_is_its_figure() -> None:
    """ "Bốn công trình", "hai việc": the figures a report writes ("04 công trình"); a name
    ("Ba Đình") and "năm" (a year as often as five) stay words."""
    assert vn.counts_as_digits("Bốn công trình đang thi công") == "4 công trình đang thi công"
    assert vn.counts_as_digits("phải đẩy hai việc gì") == "phải đẩy 2 việc gì"
    assert vn.counts_as_digits("Ba Đình có mấy phường") == "Ba Đình có mấy phường"
    assert vn.counts_as_digits("năm 2025 có ba tỉnh") == "năm 2025 có 3 tỉnh"
    # typed without diacritics, "hai" and "ba" are as often "hại", "hải", "bà": left as typed
    assert vn.counts_as_digits("uoc thiet hai bao nhieu") == "uoc thiet hai bao nhieu"
    assert vn.counts_as_digits("san luong hai san") == "san luong hai san"


def test_ongoing_typed_without_diacritics_may_be_the_party() -> None:
    """Folded, "dang" is "đang" (ongoing) or "Đảng" (the Party): typed without diacritics it
    stays a word of the question; typed with them, only "đang" is how a question is put."""
    assert not vn.is_stopword("dang", False)
    assert vn.is_stopword("đang", True) and not vn.is_stopword("Đảng", True)


def test_chat_and_health_abbreviations_are_said_in_full() -> None:
    """ "xin TW hỗ trợ", "BV đa khoa", "SXH": a question typed with them finds the reports that
    write them out, and the other way round."""
    assert {"trung", "uong"} <= set(vn.terms("Tờ trình xin TW hỗ trợ"))
    assert {"benh", "vien"} <= set(vn.terms("BV đa khoa tỉnh"))
    assert "sxh" in vn.terms("ghi nhận 186 ca sốt xuất huyết")
    assert set(vn.terms("giáo viên")) <= set(vn.terms("biên chế GV năm học mới"))


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [
        ("Sở VH tháng 12 làm gì", "Sở Văn hóa, Thể thao và Du lịch tháng 12 làm gì"),
        ("Sở NN&MT đề xuất gì", "Sở Nông nghiệp và Môi trường đề xuất gì"),
        ("CA tỉnh phạt bao nhiêu", "Công an tỉnh phạt bao nhiêu"),
        # typed without diacritics, spelt without them: the question stays an unaccented one
        ("so TC de xuat gi", "so tai chinh de xuat gi"),
        ("CA tinh phat bao nhieu", "cong an tinh phat bao nhieu"),
        # no department's initials: left as typed
        ("Sở Y tế, 71 TH, CA", "Sở Y tế, 71 TH, CA"),
    ],
)
def test_a_department_by_its_initials_is_named_as_the_reports_name_it(typed, spelt) -> None:
    assert vn.spell_bodies(typed) == spelt


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("tóm được 03 đối tượng", "bắt giữ 03 đối tượng"),
        ("thuốc thiếu lâu ngày", "thuốc thiếu kéo dài"),
        ("lúa mất mùa", "lúa mất trắng"),
        ("cây ăn trái", "cây ăn quả"),
        ("bệnh nhân ra viện", "bệnh nhân xuất viện"),
    ],
)
def test_a_leaders_words_are_the_reports_concept(asked: str, written: str) -> None:
    """The words a leader types and the words reports write for one thing are one concept,
    whichever side says which."""
    assert vn.terms(asked) == vn.terms(written)


def test_words_written_otherwise_than_asked() -> None:
    # typed with diacritics: "dụng" is not the "dựng" asked, "Lợi" no "lỗi"
    assert vn.written_otherwise("cấp phép xây dựng", "Tước quyền sử dụng GPLX") == {"dung"}
    assert vn.written_otherwise("phạt lỗi giao thông", "nút giao Lê Lợi") == {"loi"}
    # written as asked somewhere in the text: the same word
    assert vn.written_otherwise("xây dựng", "sử dụng đất xây dựng") == set()
    # typed without diacritics, wholly or in part ("Tan Hai"): nothing to tell apart
    assert vn.written_otherwise("cap phep xay dung", "sử dụng") == set()
    assert vn.written_otherwise("Tiền phạt ở Tan Hai", "xã Tân Hải") == set()


def test_no_phrase_reads_across_punctuation_that_splits_a_word() -> None:
    """ "vốn đầu tư công, tỷ lệ giải ngân" says no "công ty" (a firm): no two-syllable
    phrase reads across a comma; "quốc phòng, an ninh" is still one phrase, and a figure's
    decimal comma splits nothing."""
    firm = vn.terms("công ty")[0]
    assert firm not in vn.terms("giải ngân vốn đầu tư công, tỷ lệ giải ngân đạt 73,05%")
    assert vn.terms("tỷ lệ")[0] in vn.terms("giải ngân vốn đầu tư công, tỷ lệ")
    assert vn.terms("quốc phòng, an ninh") == vn.terms("quốc phòng an ninh")
    assert vn.terms("đạt 73,05%") == vn.terms("đạt 73,05 %")

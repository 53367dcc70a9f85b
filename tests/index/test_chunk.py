"""Report → chunks: context headers, footnote chunks, long paragraphs, deterministic ids."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import SAMPLE_FILES

from index import vn
from index.chunk import TARGET, chunk_report
from index.model import Paragraph, Report, ReportMeta
from index.readers.text import parse_text
from index.structure import build_report, report_id, split_text_blocks

MAX_PIECE = int(1.6 * TARGET)


def chunks_of(path):
    data = path.read_bytes()
    report = parse_text(path, data)
    rid = report_id(report.meta, report.source, data)
    return report, rid, chunk_report(report, rid, "v1")


@pytest.fixture(scope="module", params=[p.name for p in SAMPLE_FILES])
def sample_chunks(request):
    return chunks_of(SAMPLE_FILES[0].parent / request.param)


def test_every_chunk_has_a_context_header(sample_chunks) -> None:
    report, rid, chunks = sample_chunks
    assert chunks
    for c in chunks:
        head, body = c.embed_text.split("\n", 1)
        assert report.meta.number in head
        assert report.meta.date_vn in head
        assert c.report_id == rid
        if c.kind == "header":
            continue  # the document's own card: number, date, issuer, title, signer
        assert c.section, c.id
        sec = report.section(c.section)
        assert f"{sec.path} {sec.title}" in head
        assert c.section_title == sec.title
        # the embedded body is the shown text (abbreviations expanded only)
        assert vn.fold(c.text).split()[0] in vn.fold(body)


def test_header_card_names_issuer_number_date_and_signer(sample_chunks) -> None:
    report, _, chunks = sample_chunks
    (card,) = [c for c in chunks if c.kind == "header"]
    m = report.meta
    for value in (m.issuer, m.number, m.date_line, m.signer):
        assert value and value in card.text
    assert report.meta.title in card.text
    # the date as the report writes it, not as we would ("ngày 17 tháng 10 năm 2025")
    assert re.search(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", report.meta.date_line)
    assert report.meta.date_line in (SAMPLE_FILES[0].parent / report.source).read_text("utf-8")


def test_subsection_header_names_its_parent(sample_chunks) -> None:
    report, _, chunks = sample_chunks
    c = next(c for c in chunks if c.section == "I.2.2" and c.kind == "paragraph")
    head = c.embed_text.split("\n", 1)[0]
    assert "I.2.2 Đầu tư xây dựng cơ bản" in head
    assert report.section("I.2").title in head


def test_text_is_the_exact_source(sample_chunks) -> None:
    report, _, chunks = sample_chunks
    paragraph_text = {p.index: p.text for p in report.paragraphs}
    for c in chunks:
        if c.kind == "footnote":
            assert c.text == report.footnote(c.footnote).text
        elif c.kind == "header":
            assert report.meta.number in c.text  # values as written, labels ours
        else:
            for line in c.text.split("\n"):
                assert any(line in paragraph_text[i] for i in c.paragraphs), line


def test_every_paragraph_and_footnote_is_covered(sample_chunks) -> None:
    report, _, chunks = sample_chunks
    covered = {i for c in chunks if c.kind != "footnote" for i in c.paragraphs}
    assert covered == {p.index for p in report.paragraphs}
    assert sorted(c.footnote for c in chunks if c.kind == "footnote") == [
        f.number for f in report.footnotes
    ]


def test_footnote_chunks_carry_their_referencing_clause(sample_chunks) -> None:
    report, _, chunks = sample_chunks
    for c in (c for c in chunks if c.kind == "footnote"):
        fn = report.footnote(c.footnote)
        assert c.extra["context"] == fn.context
        assert fn.context in c.embed_text
        assert f"Chú thích {fn.number}" in c.embed_text
        assert c.paragraphs == (fn.paragraph,)
        assert c.section == report.paragraphs[fn.paragraph - 1].section


def test_paragraph_chunks_list_the_footnotes_they_reference(sample_chunks) -> None:
    _, _, chunks = sample_chunks
    referencing = [c for c in chunks if c.kind == "paragraph" and c.footnotes]
    assert referencing
    for c in referencing:
        for n in c.footnotes:
            assert n in [m for m, _, _ in vn.footnote_markers(c.text)]


@pytest.mark.shared
def test_langson_footnote_nine_chunk(langson_path) -> None:
    _, rid, chunks = chunks_of(langson_path)
    fn9 = next(c for c in chunks if c.kind == "footnote" and c.footnote == 9)
    assert fn9.id == f"{rid}:v1:fn9"
    assert "15 công trình" in fn9.embed_text
    assert "1250/BC-UBND" in fn9.embed_text and "18/12/2023" in fn9.embed_text
    assert fn9.section == "I.2.2"
    assert "Hồ Phai Loạn" in fn9.text


def test_ids_are_deterministic_and_unique() -> None:
    path = SAMPLE_FILES[1]
    _, rid, first = chunks_of(path)
    _, _, second = chunks_of(path)
    assert [c.id for c in first] == [c.id for c in second]
    assert first == second
    ids = [c.id for c in first]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(f"{rid}:v1:") for i in ids)
    data = path.read_bytes()
    report = parse_text(path, data)
    other = chunk_report(report, rid, "v2")
    assert not set(ids) & {c.id for c in other}  # a new version never overwrites the old


HEADER = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỬ NGHIỆM\n\nSố: 77/BC-UBND\n\n"
    "TP. Thử Nghiệm, ngày 05 tháng 3 năm 2025\n\nBÁO CÁO\n\n"
    "Tình hình kinh tế - xã hội tháng 3/2025\n\nI. KẾT QUẢ\n\n1. Kinh tế\n\n"
)


def long_report(body: str) -> Report:
    return build_report("thu-nghiem.txt", split_text_blocks(HEADER + body + "\n"))


def test_long_paragraph_split_with_overlap() -> None:
    sentences = [
        f"Công trình số {i} có tổng mức đầu tư {i * 13}.{i * 7:03d} triệu đồng đã được phê duyệt."
        for i in range(1, 60)
    ]
    report = long_report(" ".join(sentences))
    assert len(report.paragraphs) == 1
    chunks = [c for c in chunk_report(report, "R", "v") if c.kind == "paragraph"]
    assert len(chunks) > 3
    assert [c.id for c in chunks] == [f"R:v:p1.{k}" for k in range(len(chunks))]
    for c in chunks:
        assert len(c.text) <= MAX_PIECE
        assert c.paragraphs == (1,)
        assert "77/BC-UBND" in c.embed_text
    for prev, nxt in itertools.pairwise(chunks):
        last_sentence = vn.sentences(prev.text)[-1]
        assert nxt.text.startswith(last_sentence)  # overlap: the boundary fact stays whole
    # nothing lost: every sentence is in some piece
    for s in sentences:
        assert any(s in c.text for c in chunks), s


def test_long_single_sentence_is_split_too() -> None:
    clauses = [
        f"hoàn thành phê duyệt dự án đường giao thông liên xã số {i} với tổng mức đầu tư "
        f"{i}.000 triệu đồng"
        for i in range(1, 40)
    ]
    report = long_report("Chỉ đạo thực hiện: " + "; ".join(clauses) + ".")
    chunks = [c for c in chunk_report(report, "R", "v") if c.kind == "paragraph"]
    assert max(len(c.text) for c in chunks) <= MAX_PIECE


def test_short_paragraphs_of_a_section_are_merged() -> None:
    body = "\n\n".join(
        [
            "Cấp 12 giấy phép xây dựng.",
            "Kiểm tra 4 công trình.",
            "Xử phạt 2 trường hợp vi phạm.",
        ]
    )
    report = long_report(body)
    assert len(report.paragraphs) == 3
    (chunk,) = [c for c in chunk_report(report, "R", "v") if c.kind == "paragraph"]
    assert chunk.paragraphs == (1, 2, 3)
    assert (
        chunk.text
        == "Cấp 12 giấy phép xây dựng.\nKiểm tra 4 công trình.\nXử phạt 2 trường hợp vi phạm."
    )


def test_paragraphs_of_different_sections_are_not_merged() -> None:
    body = "Cấp 12 giấy phép xây dựng.\n\n2. Văn hóa - xã hội\n\nTổ chức 3 giải thể thao."
    report = long_report(body)
    chunks = [c for c in chunk_report(report, "R", "v") if c.kind == "paragraph"]
    assert [c.section for c in chunks] == ["I.1", "I.2"]


def numbered_table() -> Report:
    """An appendix table long enough to be cut, where row 3.4 is read under row 3."""
    rows = ["Biểu mẫu 4 – Tổ chức bộ máy (bảng)", "STT: 3.; Chỉ tiêu: Số người hưởng lương"]
    rows += [
        f"STT: 3.{i}.; Chỉ tiêu: Chỉ tiêu thống kê thứ {i} của nhóm ba; Số liệu: {i * 101}"
        for i in range(1, 12)
    ]
    table = Paragraph(1, "\n".join(rows), "", kind="table")
    return Report("phu-luc.docx", ReportMeta(), (), (table,))


def test_a_table_piece_keeps_the_rows_it_is_numbered_under() -> None:
    chunks = [c for c in chunk_report(numbered_table(), "R", "v") if c.kind == "table"]
    assert len(chunks) > 1
    parent = "STT: 3.; Chỉ tiêu: Số người hưởng lương"
    assert parent in chunks[0].text and "rows_above" not in chunks[0].extra
    for later in chunks[1:]:
        assert parent not in later.text  # the cited passage stays the source's rows
        assert later.extra["rows_above"] == parent
        assert "Số người hưởng lương" in later.embed_text  # found with what it counts
        assert later.text.startswith("Biểu mẫu 4 – Tổ chức bộ máy (bảng)")


def test_an_appendix_card_says_what_it_is_attached_to(tmp_path) -> None:
    """An appendix opens with "(Kèm theo Báo cáo số … của …)": its card keeps the line as
    written, and "phụ lục này kèm theo báo cáo của ai?" is answered from it, cited."""
    from conftest import HashEmbedder

    from assistant.retrieve import HybridRetriever
    from assistant.route import answer
    from index.ingest import ingest_paths
    from index.store import Store

    attached = "(Kèm theo Báo cáo số 45/BC-UBND ngày 10 tháng 12 năm 2025 của UBND tỉnh Thử Nghiệm)"
    text = (
        "BIỂU MẪU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH NĂM 2025 (PHỤ LỤC)\n\n"
        f"{attached}\n\nI. CÔNG TÁC CHỈ ĐẠO\n\nSố văn bản chỉ đạo đã ban hành: 82 văn bản.\n"
    )
    report = build_report("phuluc.txt", split_text_blocks(text))
    card = next(c for c in chunk_report(report, "r", "v1") if c.kind == "header")
    assert attached in card.text.splitlines()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "phuluc.txt").write_text(text, "utf-8")
    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [tmp_path / "docs"], 10**7)
    a = answer("Phụ lục biểu mẫu này kèm theo báo cáo của ai?", HybridRetriever(store))
    assert a.mode == "metadata" and "của UBND tỉnh Thử Nghiệm" in a.text, a.text
    assert attached in a.citations[0].quote


def test_an_issuer_keeps_the_name_of_its_place() -> None:
    from index.letterhead import _proper

    assert _proper("CÔNG AN TỈNH LAM KHÊ") == "Công an tỉnh Lam Khê"
    assert _proper("THÀNH PHỐ SÔNG MAI") == "thành phố Sông Mai"
    assert _proper("TRUNG TÂM XÚC TIẾN ĐẦU TƯ") == "Trung tâm Xúc tiến đầu tư"
    assert _proper("BAN AN TOÀN GIAO THÔNG") == "Ban An toàn giao thông"
    # a department as its name is written: each field capitalised, "Công Thương" both
    assert _proper("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") == "Sở Văn hóa, Thể thao và Du lịch"
    assert _proper("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") == "Sở Lao động - Thương binh và Xã hội"
    assert _proper("SỞ CÔNG THƯƠNG") == "Sở Công Thương"
    assert _proper("VĂN PHÒNG UBND TỈNH") == "Văn phòng UBND tỉnh"
    assert _proper("KHO BẠC NHÀ NƯỚC KHU VỰC XVI") == "Kho bạc Nhà nước khu vực XVI"

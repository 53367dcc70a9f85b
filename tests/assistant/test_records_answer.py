"""Answers across reports from the records registry (assistant/answerers/records/, chart.py) on
the three sample months: every answer cited back to the passage it comes from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES, HashEmbedder

from assistant.answerers import records
from assistant.answerers.records import (
    DONE,
    IN_PROGRESS,
    NO_REPORT,
    NOT_MENTIONED,
    figure_series,
    lookup_document,
    project_timeline,
    task_followup,
)
from assistant.answerers.verify import arithmetic
from assistant.chart import line_chart
from assistant.context import Context
from assistant.retrieve import HybridRetriever
from index import vn
from index.ingest import ingest_file
from index.store import Store

MAX = 50 * 1024 * 1024


def records_answer(question: str, store: Store):
    """The records answerer on a question, as the router calls it (None: not its kind)."""
    ctx = Context(HybridRetriever(store))
    return records.answer(ctx.normalize(question), ctx)


def series_of(question: str, store: Store):
    ctx = Context(HybridRetriever(store))
    return records.series_for_question(ctx.normalize(question), ctx)


PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    root = tmp_path_factory.mktemp("records-answer") / "index"
    store = Store(root, HashEmbedder())
    for f in SAMPLE_FILES:
        ingest_file(store, f, MAX)
    return store


def _period(store: Store, citation) -> str:
    return next(r.period for r in store.reports() if r.number == citation.report)


def _cited_exactly(store: Store, citation) -> None:
    """The citation points at a live chunk whose text holds the quoted passage."""
    chunk = store.chunks[citation.chunk_id]
    assert chunk.text == citation.text
    assert vn.strip_markers(citation.quote)[:60] in vn.strip_markers(chunk.text)


def test_lookup_document_registry_first_then_every_mention(store: Store) -> None:
    matches = lookup_document(store, "QĐ 2514")
    kinds = [m.kind for m in matches]
    assert kinds[0] == "registry" and set(kinds) <= {"registry", "mention"}
    assert {m.period for m in matches} == {"10/2025", "11/2025"}
    about = {m.period: m.about for m in matches if m.kind == "registry"}
    assert about["10/2025"].startswith("phê duyệt chủ trương đầu tư 01 dự án")
    # November cites it for what it did: "(dự án được phê duyệt chủ trương đầu tư tại …)"
    assert about["11/2025"] == "phê duyệt chủ trương đầu tư"
    full = next(m for m in matches if m.period == "10/2025")
    assert full.date == "2025-10-06"
    for m in matches:
        assert m.number == "2514/QĐ-UBND" and m.citation
        _cited_exactly(store, m.citation)
        assert "2514/QĐ-UBND" in m.citation.text
    resolution = lookup_document(store, "nghi quyet 12-NQ/TU")
    assert [m.period for m in resolution if m.kind == "registry"] == [
        "12/2025",
        "11/2025",
        "10/2025",
    ]
    assert json.dumps([m.to_json() for m in matches], ensure_ascii=False)


def test_project_timeline_of_the_stalled_project(store: Store) -> None:
    timeline = project_timeline(store, "Kè bờ sông Mai")
    assert [s.period for s in timeline] == ["12/2025", "11/2025", "10/2025"]  # newest first
    assert [s.stage for s in timeline] == [
        "thi công",
        "tạm dừng — vướng GPMB",
        "tạm dừng — vướng GPMB",
    ]
    for s in timeline:
        assert s.mentions
        for m in s.mentions:
            assert m.citation and _period(store, m.citation) == s.period
            _cited_exactly(store, m.citation)
    resumed = [m for m in timeline[0].mentions if "thi công trở lại" in m.clause]
    assert resumed and resumed[0].stage == "thi công"
    assert json.loads(json.dumps([s.to_json() for s in timeline], ensure_ascii=False))


def test_task_followup_october_to_november(store: Store) -> None:
    rows = task_followup(store, "11/2025")
    assert len(rows) == 16
    statuses = {r.status for r in rows}
    assert {DONE, IN_PROGRESS, NOT_MENTIONED} <= statuses

    def row(words: str):
        return next(r for r in rows if words in r.task)

    fair = row("Hội nghị xúc tiến đầu tư")
    assert fair.status == DONE and "Tổ chức thành công" in fair.evidence
    disbursement = row("tỷ lệ giải ngân vốn đầu tư công đạt trên 60%")
    assert disbursement.status == IN_PROGRESS and "chưa đạt" in disbursement.evidence
    assert row("bàn giao mặt bằng dự án Kè bờ sông Mai").status == IN_PROGRESS
    assert row("khám sức khỏe nghĩa vụ quân sự").status == NOT_MENTIONED
    # "phòng cháy, chữa cháy" is done: 'chữa' is not 'chưa'
    assert row("phòng cháy, chữa cháy").status == DONE
    for r in rows:  # cited on both sides
        assert r.task_citation and _period(store, r.task_citation) == "10/2025"
        _cited_exactly(store, r.task_citation)
        if r.status != NOT_MENTIONED:
            assert r.evidence_citation and _period(store, r.evidence_citation) == "11/2025"
            _cited_exactly(store, r.evidence_citation)
    assert json.dumps([r.to_json() for r in rows], ensure_ascii=False)


def test_tasks_with_no_report_yet(store: Store) -> None:
    rows = task_followup(store, "01/2026")
    assert rows and {r.status for r in rows} == {NO_REPORT}
    assert task_followup(store, "05/2020") == []


def test_figure_series_with_exact_values_and_citations(store: Store) -> None:
    rows = figure_series(store, "lũy kế thu NSNN")
    assert [(r.period, r.value, r.raw, r.unit) for r in rows] == [
        ("10/2025", 312640.0, "312.640", "triệu đồng"),
        ("11/2025", 343848.0, "343.848", "triệu đồng"),
        ("12/2025", 386808.0, "386.808", "triệu đồng"),
    ]
    for r in rows:
        assert r.citation and r.raw in r.citation.quote
        _cited_exactly(store, r.citation)


def test_series_rows_name_their_issuer(store: Store) -> None:
    rows = figure_series(store, "lũy kế thu NSNN")
    assert {r.issuer for r in rows} == {"UBND thành phố Sông Mai"}
    assert rows[0].to_json()["issuer"] == "UBND thành phố Sông Mai"
    assert figure_series(store, "lũy kế thu NSNN", issuer="Lạng Sơn") == []
    assert len(figure_series(store, "lũy kế thu NSNN", all_issuers=True)) == 3


def test_records_can_be_limited_to_some_reports(store: Store) -> None:
    """What the app calls to keep sample reports out: every lookup takes the report ids
    it may use."""
    ids = {r.period: r.report_id for r in store.reports()}
    nov = {ids["11/2025"]}
    assert [r.period for r in figure_series(store, "lũy kế thu NSNN", reports=nov)] == ["11/2025"]
    assert {m.period for m in lookup_document(store, "QĐ 2514", reports=nov)} == {"11/2025"}
    assert lookup_document(store, "QĐ 2514", reports=set()) == []
    assert [s.period for s in project_timeline(store, "Kè bờ sông Mai", reports=nov)] == ["11/2025"]
    # October set the November tasks: without October's report there is nothing to follow up
    assert task_followup(store, "11/2025", reports=nov) == []
    october_only = task_followup(store, "11/2025", reports={ids["10/2025"]})
    assert october_only and {r.status for r in october_only} == {NO_REPORT}


def test_line_chart_is_a_valid_png(store: Store, tmp_path: Path) -> None:
    rows = series_of("Tỷ lệ giải ngân vốn đầu tư công qua các tháng?", store)
    assert [r.value for r in rows] == [45.23, 57.94, 73.05]
    assert series_of("Hội chợ OCOP có bao nhiêu gian hàng?", store) == []
    out = line_chart(rows, tmp_path / "charts" / "giai-ngan.png")
    data = out.read_bytes()
    assert out.exists() and data.startswith(PNG) and len(data) > 5000
    from PIL import Image

    with Image.open(out) as img:
        img.verify()
    with Image.open(out) as img:
        assert img.format == "PNG" and img.size[0] > 600
    with pytest.raises(ValueError):
        line_chart([], tmp_path / "empty.png")


def _check_numbering(answer) -> None:
    """Citations numbered [1]…[n] in order, each used; and, as for every answer of the
    assistant, each figure of each sentence is in a passage that sentence cites."""
    assert answer is not None and answer.mode == "records" and not answer.insufficient
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    used = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert used == {c.n for c in answer.citations}
    body = re.sub(r"\(chú thích \d+\)", " ", re.sub(r"\[\d+\]", " ", answer.text))
    texts = [vn.strip_markers(c.text) for c in answer.citations]
    # … or the result of arithmetic written out on cited figures, which must add up
    computed, errors = arithmetic(answer.text)
    assert errors == []
    results = {k.split(":", 1)[1] for k in computed}
    unquoted = [n for n in vn.numbers(body) if not any(n in t for t in texts)]
    assert [n for n in unquoted if vn.number_key(n.rstrip("%")) not in results] == []


def _verified(answer, store: Store) -> None:
    from assistant.answerers.llm import build_passages
    from assistant.answerers.verify import verify

    ctx = Context(HybridRetriever(store), k=len(answer.citations))
    passages = build_passages(answer, ctx.normalize(answer.question), ctx)
    v = verify(answer.text, [p.facts_text for p in passages])
    assert v.verified and v.removed == (), v.reason


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("Quyết định 2514/QĐ-UBND là gì?", "phê duyệt chủ trương đầu tư"),
        ("quyet dinh 2791 la gi", "Công viên cây xanh phường Hòa An"),
        ("Dự án Kè bờ sông Mai đang ở giai đoạn nào?", "tạm dừng — vướng GPMB"),
        # "mấy tháng nay": the months so far, not this month, nor part of the project's name
        ("Dự án công viên cây xanh phường Hòa An mấy tháng nay tiến triển tới đâu?", "Kỳ 10/2025"),
        ("Nhiệm vụ tháng 11/2025 đã được thực hiện chưa?", "Đang thực hiện: "),
        ("Thu NSNN lũy kế qua các tháng", "386.808"),
        ("Tỷ lệ giải ngân vốn đầu tư công qua các tháng", "73,05"),
    ],
)
def test_records_answer(store: Store, question: str, expect: str) -> None:
    answer = records_answer(question, store)
    _check_numbering(answer)
    _verified(answer, store)
    assert expect in answer.text  # type: ignore[union-attr]
    for c in answer.citations:  # type: ignore[union-attr]
        _cited_exactly(store, c)
    assert json.dumps(answer.to_json(), ensure_ascii=False)  # type: ignore[union-attr]


def test_a_named_task_is_followed_up_alone(store: Store) -> None:
    answer = records_answer(
        "Nhiệm vụ khởi công dự án Cải tạo, nâng cấp chợ trung tâm Bến Đò đặt ra cho tháng "
        "12/2025 đã được thực hiện chưa?",
        store,
    )
    _check_numbering(answer)
    text = answer.text  # type: ignore[union-attr]
    assert text.count("\n- ") == 1 and "\n- Đã thực hiện: Khởi công xây dựng 01 dự án [1]" in text
    assert "(chú thích 15): Cải tạo, nâng cấp chợ trung tâm Bến Đò [2]" in text
    assert "khởi công ngày 05/12/2025" in text


def test_document_answer_quotes_the_passage(store: Store) -> None:
    answer = records_answer("Quyết định số 3046/QĐ-UBND về nội dung gì?", store)
    _check_numbering(answer)
    text = answer.text  # type: ignore[union-attr]
    assert text.startswith("Quyết định số 3046/QĐ-UBND ngày 05/12/2025 của UBND thành phố Sông Mai")
    assert "Nguyên văn: “" in text and "28 tuyến đường phố" in text


def test_question_period_filters_the_series(store: Store) -> None:
    answer = records_answer(
        "Thu NSNN lũy kế từ tháng 11 đến tháng 12/2025 thay đổi thế nào?", store
    )
    _check_numbering(answer)
    assert "343.848" in answer.text and "312.640" not in answer.text  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "question",
    [
        "Hội chợ OCOP có bao nhiêu gian hàng?",
        "Tóm tắt tình hình kinh tế tháng 11/2025",
        "Quyết định 9999/QĐ-UBND là gì?",
        "Dự án sân bay vũ trụ đang ở giai đoạn nào?",
        # a month named near "báo cáo" is not a document number
        "theo bao cao thang 12/2025 du an ke bo song Mai thi cong tro lai tu ngay nao",
    ],
)
def test_other_questions_are_left_to_the_passage_answerer(store: Store, question: str) -> None:
    assert records_answer(question, store) is None


def test_records_answers_keep_the_json_schema(sample_retriever) -> None:
    from assistant.route import answer

    a = answer("Quyết định số 2514/QĐ-UBND về nội dung gì?", sample_retriever)
    data = a.to_json()
    assert data["mode"] == "records" and data["citations"]
    assert {"retrieve", "answer"} <= set(data["timings_ms"])
    for c in data["citations"]:
        assert {"n", "report", "date", "section", "footnote", "file", "text", "score"} <= set(c)


def test_a_series_quotes_each_months_sentence_and_writes_out_the_change(store: Store) -> None:
    """How far along the year a month is ("lũy kế … đạt 84,6% dự toán") is read beside its
    figure, and the change from the first month to the last is computed on the cited ones."""
    answer = records_answer("Thu NSNN qua các tháng", store)
    _verified(answer, store)
    assert "84,6% dự toán tỉnh giao" in answer.text  # type: ignore[union-attr]
    last = answer.text.splitlines()[-1]  # type: ignore[union-attr]
    assert last.startswith("Từ kỳ 10/2025 đến kỳ") and " − 28.415 = " in last, last

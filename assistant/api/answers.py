"""Questions over one snapshot: asked whole (the API), streamed (the chat), and a report
or one of its sections summarized."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answerers.summary import summarize_report
from assistant.api.snapshot import Snapshot
from assistant.cite import Answer
from assistant.retrieve import HybridRetriever
from assistant.route import Assistant


def ask(answerer: Assistant, snap: Snapshot, question: str) -> Answer:
    """No filters (samples left out once real reports are in), the question as asked."""
    return answerer(question, snap.retriever, snap.shown())


def ask_stream(
    answerer: Assistant,
    question: str,
    retriever: HybridRetriever,
    reports: list[str] | None = None,
) -> Iterator[Answer]:
    """Snapshots of the answer to a standalone question (resolve a follow-up first), over
    `retriever` (a snapshot's, or one narrowed to a field) and `reports` (None: all):
    several only when an LLM writes it, each verified; the extractive answer comes whole."""
    return answerer.stream(question, retriever, reports)


def summarize(snap: Snapshot, report_id: str, section: str | None = None) -> Answer:
    """The report's (or its section's) main points, each cited."""
    return summarize_report(snap.store, report_id, section)

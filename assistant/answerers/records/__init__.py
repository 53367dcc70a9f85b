"""Answers from the records registry, each cited back to its passage: a document by its
number, a project's stage over the reports, last period's tasks followed up, a measure over
the periods. None when the registry has nothing on the question (the passages answer).
"""

from __future__ import annotations

import time

from assistant.answerers.records.common import RecordCiter, _period, _without
from assistant.answerers.records.documents import DocumentMatch, _document_answer, lookup_document
from assistant.answerers.records.figures import (
    SeriesRow,
    _series_answer,
    figure_series,
    series_for_question,
    series_span,
)
from assistant.answerers.records.projects import (
    ProjectMention,
    ProjectStage,
    _project_answer,
    project_timeline,
)
from assistant.answerers.records.tasks import (
    _TASK_NOISE,
    DONE,
    IN_PROGRESS,
    NO_REPORT,
    NOT_MENTIONED,
    STATUS_VN,
    TaskFollowup,
    _tasks_answer,
    task_content,
    task_followup,
)
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.intent import DOCUMENT, PROJECT, SERIES, TASKS
from assistant.query import Query

__all__ = [
    "DONE", "IN_PROGRESS", "NOT_MENTIONED", "NO_REPORT", "STATUS_VN", "DocumentMatch",
    "ProjectMention", "ProjectStage", "RecordCiter", "SeriesRow", "TaskFollowup", "answer",
    "figure_series", "lookup_document", "project_timeline", "series_for_question",
    "task_content", "task_followup",
]  # fmt: skip


def answer(query: Query, ctx: Context) -> Answer | None:
    """A records answer for the Query's intent; None when the registry has nothing on it."""
    t0 = time.perf_counter()
    store, question = ctx.store, query.text
    period = _period(query, ctx)
    citer = Citer(store)
    refs = citer.ref
    text: str | None = None
    if query.intent == TASKS and period:
        text = _tasks_answer(store, period.split("-")[0], _without(question, _TASK_NOISE), refs)
    elif query.intent == SERIES:
        text = _series_answer(store, question, series_span(query, ctx), refs)
    elif query.intent == DOCUMENT:
        text = _document_answer(store, question, refs)
    elif query.intent == PROJECT:
        text = _project_answer(store, question, period, refs)
    if not text:
        return None
    took = (time.perf_counter() - t0) * 1000
    timings = {"retrieve": took, "answer": 0.0, "records": took}  # the registry lookup is both
    return Answer(question, text, False, tuple(citer.citations), 1.0, timings, mode="records")

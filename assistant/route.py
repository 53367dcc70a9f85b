"""question → Query (parsed once) → the answerers its intent calls for, in order → Answer.

This is the one entry point: the CLI, the web app, the API and the benchmarks all call
`Assistant` (or `answer`). Each answerer takes (query, context) and returns an Answer or
None to let the next one try; the extractive answerer always answers, if only to say the
reports do not contain it. Two questions in one that no passage answers whole are answered
part by part (answerers/parts.py). A question naming a period that no report covers is answered
here, before any answerer: it says so, lists the periods there are and may quote the
nearest one, clearly labelled, with `insufficient` set.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from functools import partial
from typing import Any, Protocol

from assistant import intent as Q
from assistant.answerers import (
    beside,
    briefing,
    compare,
    dated,
    extract,
    llm,
    metadata,
    parts,
    places,
    previous,
    records,
    section,
    series,
    sources,
    summary,
    superlative,
    target,
)
from assistant.cite import Answer
from assistant.context import Context
from assistant.llm import LLMUnavailable, make_chat_model
from assistant.named_reports import names_issuer
from assistant.query import Query, without_periods
from assistant.retrieve import HybridRetriever
from assistant.scope import effective_period
from assistant.settings import Settings
from index import periods as P
from index import vn
from index.periods import Period
from index.store import ReportInfo


class Answerer(Protocol):
    def __call__(self, query: Query, ctx: Context, /) -> Answer | None: ...


_FREE: tuple[Answerer, ...] = (llm.answer, extract.answer)
PLANS: dict[str, tuple[Answerer, ...]] = {
    Q.DOCUMENT: (beside.document, *_FREE),
    Q.METADATA: (metadata.answer, extract.answer),
    Q.SUMMARY: (summary.answer, section.answer, *_FREE),
    Q.COMPARISON: (compare.comparison, *_FREE),
    Q.SUPERLATIVE: (superlative.answer, *_FREE),
    Q.SERIES: (records.answer, series.answer, *_FREE),
    Q.TASKS: (records.answer, section.answer, *_FREE),
    Q.PROJECT: (records.answer, *_FREE),
    Q.SECTION: (section.answer, *_FREE),
    Q.LIST: _FREE,
    Q.FIGURE: _FREE,
    Q.FACT: _FREE,
}


def route(query: Query) -> tuple[Answerer, ...]:
    if briefing.asks_for_briefing(query):  # "bản tin tháng 10", "có gì mới so với tháng trước"
        return (briefing.answer, *_FREE)
    plan = PLANS.get(query.intent, _FREE)
    if places.asked(query):  # "ở Hòa Phong cao hay thấp hơn bình quân tỉnh?": two places' figures
        plan = (places.answer, *plan)
    if sources.asked(query):  # "số của xã có khớp với số của Sở không?": two sources' figures
        plan = (sources.answer, *plan)
    if query.met:  # "có đạt mục tiêu không?": the target and the reading
        return (target.answer, *plan)
    return plan


def respond(query: Query, ctx: Context, whole: bool = True) -> Answer:
    """The answer of the first answerer that gives one; `whole` is False for a part of a
    question (answerers/parts.py), which is not split again."""
    scope = ctx.scope(query)
    again = partial(respond, ctx=ctx, whole=False)  # a question asked anew (without a month)
    if scope.missing is not None:
        # a month named as when something happened, told by a report written after it
        return dated.answer(query, ctx, scope.missing, again) or period_missing(
            query, ctx, scope.missing
        )
    for answerer in route(query):
        if (a := answerer(query, ctx)) is not None:
            break
    else:
        a = extract.answer(query, ctx)  # unreachable: the extractive answerer always answers
    # a month only a year's report spans ("tháng 10" beside the annual report): the next
    # month's report may say how its figure changed since
    months = [p for p in scope.periods if p.unit == "month" and p.year_known]
    if a.insufficient and len(months) == 1:
        if got := previous.derived(query, ctx, months[0]):
            a = got
        elif len(scope.periods) == 1 and not _month_reported(ctx, months[0]):
            # nothing said of December by the year's report, and no December report: a later
            # one may tell it on its day ("Ngày 12/10/2025, … tổ chức Hội nghị …"); if not,
            # say which periods there are and quote the nearest, labelled as not the one asked
            a = dated.answer(query, ctx, months[0], again) or period_missing(query, ctx, months[0])
    if a.insufficient and (got := dated.year_named(query, ctx, again)):
        a = got  # "khám sức khỏe nghĩa vụ quân sự năm 2026": told by December 2025's report
    if not whole:
        return a

    def ask(part: str) -> Answer:
        return respond(ctx.normalize(part), ctx, whole=False)

    # two questions in one: each part on its own, when that answers more
    return parts.answer(query.text, a, ask, ctx.store) or a


def _month_reported(ctx: Context, month: Period) -> bool:
    """Whether a report of that very month is indexed (in the chat's selection)."""
    return any(
        effective_period(i) == month
        for i in ctx.store.reports()
        if ctx.reports is None or i.report_id in ctx.reports
    )


def period_missing(query: Query, ctx: Context, period: Period) -> Answer:
    """'Chưa có báo cáo kỳ 12/2025 …': the periods there are, and the nearest one quoted;
    or the month's figure from the next month's report, which says how it changed."""
    if got := previous.derived(query, ctx, period):
        return got
    t0 = time.perf_counter()
    infos = [i for i in ctx.store.reports() if ctx.reports is None or i.report_id in ctx.reports]
    dated = sorted(
        ((p, i) for i in infos if (p := effective_period(i)) is not None), key=lambda x: x[0].last
    )
    have = ", ".join(dict.fromkeys(p.label for p, _ in dated)) or "không có"
    as_of = ctx.scope(query).as_of
    if as_of.endswith("*") and period.year_known:  # "15/12" asked: of the year it is read in
        as_of = f"{as_of.split('/', 1)[0]}/{period.label}"
    if as_of and any(p.matches(period) for p, _ in dated):
        text = f"Chưa có báo cáo nào có số liệu tính đến ngày {as_of} (các kỳ có: {have})."
    else:
        asked = period.label if period.year_known else period.spoken.replace("/*", "")  # "tháng 12"
        text = f"{parts.UNCOVERED} {asked} trong các báo cáo đã nạp (các kỳ có: {have})."
    before = _nearest(query, ctx, dated, period)
    citations: tuple = ()
    if before:
        nearest = before[-1]
        # its own period's figure: the question asked of it, without the period it lacks
        undated = ctx.normalize(without_periods(query.text))
        hits = ctx.search(undated, ctx.k, frozenset({nearest.report_id}))
        quoted = extract.answer(undated, ctx, hits)
        if not quoted.insufficient:
            label = nearest.period or nearest.date
            text += (
                f"\nSố liệu gần nhất, báo cáo kỳ {label} (không phải kỳ được hỏi):\n{quoted.text}"
            )
            citations = quoted.citations
    took = (time.perf_counter() - t0) * 1000
    return Answer(query.text, text, True, citations, 0.0, {"retrieve": 0.0, "answer": took})


def _nearest(
    query: Query, ctx: Context, dated: list[tuple[Period, ReportInfo]], period: Period
) -> list[ReportInfo]:
    """The reports to quote for a period none covers, the nearest last: those before it (none:
    the first after), of the reports the question names, of the unit asked first ("tháng 12":
    November's report, not the year's) — in the newest year when it names none — and of one
    period, the report of the body the question names ("xã Tân Khê"), not one of the
    province's that mentions it."""
    scope = ctx.scope(query)
    # a year's report spanning the month asked has been asked already, and said nothing of it
    year = P.with_newest_year(period, [p.label for p, _ in dated])
    dated = [(p, i) for p, i in dated if not (p.months > year.months and p.contains(year))] or dated
    named = [(p, i) for p, i in dated if scope.admits(i.report_id)] or dated
    asked_in = P.with_newest_year(period, [p.label for p, _ in named])
    earlier = [(p, i) for p, i in named if p.last <= asked_in.first] or named[:1]
    before = [i for p, i in earlier if p.unit == period.unit] or [i for _, i in earlier]
    return sorted(before, key=lambda i: names_issuer(query, i))


def too_long(question: str, settings: Settings | None) -> Answer | None:
    """A question past the limit, refused before any work: one 100 KB question cost 50 s
    of embedding and held a chat slot everyone else was waiting for."""
    limit = (settings or Settings()).max_question_chars
    if len(question) <= limit:
        return None
    text = (
        f"Câu hỏi dài {vn.format_number(len(question))} ký tự, quá giới hạn "
        f"{vn.format_number(limit)} ký tự (ASSISTANT_MAX_QUESTION_CHARS). "
        "Hãy hỏi ngắn gọn, mỗi lần một ý."
    )
    return Answer(question[:limit] + "…", text, True)


def answer(
    question: str,
    retriever: HybridRetriever,
    *,
    k: int = 6,
    reports: list[str] | None = None,
    current: Period | None = None,
    chat_model: Any = None,
    min_confidence: float | None = None,
    settings: Settings | None = None,
) -> Answer:
    """The answer to one standalone question (resolve follow-ups first: dialogue.resolve)."""
    if refused := too_long(question, settings):
        return refused
    t0 = time.perf_counter()
    ctx = Context(retriever, k, reports, current, chat_model, min_confidence, settings)
    query = ctx.normalize(question)
    a = respond(query, ctx)
    timings = {**a.timings_ms, "total": (time.perf_counter() - t0) * 1000}
    return dataclasses.replace(a, question=question, timings_ms=timings)


def stream(question: str, ctx: Context) -> Iterator[Answer]:
    """Snapshots of the answer: several only when an LLM writes it (each one verified)."""
    if refused := too_long(question, ctx.settings):
        yield refused
        return
    query = ctx.normalize(question)
    scope = ctx.scope(query)
    uses_llm = ctx.chat_model is not None and llm.answer in route(query)
    if uses_llm and scope.missing is None:
        for answerer in route(query):
            if answerer is llm.answer:
                for a in llm.stream(query, ctx):
                    yield dataclasses.replace(a, question=question)
                return
            if (a := answerer(query, ctx)) is not None:
                yield dataclasses.replace(a, question=question)
                return
    yield dataclasses.replace(respond(query, ctx), question=question)


class Assistant:
    """What the CLI and the app call: `assistant(question, retriever, reports)` → Answer.
    `.warning` is a one-line message for the user when the configured LLM could not be
    built (the extractive answerer is used instead); `.stream(...)` yields snapshots."""

    def __init__(self, settings: Settings, chat_model: Any = None, warning: str = ""):
        self.settings = settings
        self.chat_model = chat_model
        self.warning = warning

    @property
    def mode(self) -> str:
        return "llm" if self.chat_model is not None else "extractive"

    def context(
        self,
        retriever: HybridRetriever,
        reports: list[str] | None = None,
        current: Period | None = None,
    ) -> Context:
        s = self.settings
        return Context(retriever, s.top_k, reports, current, self.chat_model, s.min_confidence, s)

    def __call__(
        self,
        question: str,
        retriever: HybridRetriever,
        reports: list[str] | None = None,
        current: Period | None = None,
    ) -> Answer:
        if refused := too_long(question, self.settings):
            return refused
        ctx = self.context(retriever, reports, current)
        t0 = time.perf_counter()
        a = respond(ctx.normalize(question), ctx)
        timings = {**a.timings_ms, "total": (time.perf_counter() - t0) * 1000}
        return dataclasses.replace(a, question=question, timings_ms=timings)

    def stream(
        self,
        question: str,
        retriever: HybridRetriever,
        reports: list[str] | None = None,
        current: Period | None = None,
    ) -> Iterator[Answer]:
        yield from stream(question, self.context(retriever, reports, current))

    def rewrite(self, history: list[tuple[str, str]], question: str) -> str:
        return llm.rewrite_question(self.chat_model, history, question)


def make_assistant(settings: Settings) -> Assistant:
    """The extractive assistant when llm_backend is 'none'; otherwise one that uses the
    chat model built once here. A backend that cannot be built (package or setting
    missing) gives the extractive assistant with `.warning` set; nothing is printed."""
    if (settings.llm_backend or "none").strip().lower() == "none":
        return Assistant(settings)
    try:
        model = make_chat_model(settings)
    except LLMUnavailable as exc:
        why = settings.redact(str(exc))
        return Assistant(settings, None, f"{why} Dùng câu trả lời trích dẫn (không có LLM).")
    return Assistant(settings, model)

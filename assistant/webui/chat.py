"""The conversation: questions answered with the filters beside the chat, follow-ups
resolved from earlier turns, each answer kept so its citations can be opened later."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant import api
from assistant.api import (
    Answer,
    Citation,
    Hit,
    HybridRetriever,
    Snapshot,
    Turn,
    distinct_labels,
    period_phrase,
    resolve,
    too_long,
)
from assistant.webui.citations import EMPTY_PANEL, locate, panel_html, report_html
from assistant.webui.page_image import page_image_html
from assistant.webui.render import chat_markdown, md_literal, plain_text
from assistant.webui.state import AppState

ALL = ""  # the "no filter" value of the period and field dropdowns


@dataclass(frozen=True)
class Exchange:
    question: str  # as typed
    resolved: str  # the standalone question answered
    answer: Answer
    scope: str = ""  # the filters it was answered under, in words


@dataclass
class Conversation:
    """One browser session's conversation (kept in gr.State, never sent to the page)."""

    exchanges: list[Exchange] = field(default_factory=list)
    shown: str | None = None  # key ("exchange-n", "s-n") of the citation in the panel
    pending: Answer | None = None  # the answer being streamed, citable before it is done
    summary: Answer | None = None  # the Tóm tắt tab's summary: its [n] open here too

    @property
    def turns(self) -> list[Turn]:
        return [Turn(e.question, e.resolved, e.answer.text) for e in self.exchanges[-20:]]

    def citation(self, key: str) -> tuple[int, Citation] | None:
        m = re.fullmatch(r"(\d{1,6}|s)-(\d{1,4})", key or "")
        if not m:
            return None
        i, n = (-1 if m.group(1) == "s" else int(m.group(1))), int(m.group(2))
        if i < 0:
            answer = self.summary
            if answer is None:
                return None
        elif i < len(self.exchanges):
            answer = self.exchanges[i].answer
        elif i == len(self.exchanges) and self.pending is not None:
            answer = self.pending
        else:
            return None
        found = next((c for c in answer.citations if c.n == n), None)
        return (i, found) if found else None


# ---- filters ---------------------------------------------------------------------------


class FieldRetriever:
    """A retriever confined to the sections of one field (lĩnh vực): the base retriever's
    ranking, asked for more candidates, with passages of other fields left out."""

    def __init__(self, base: HybridRetriever, sections: frozenset[tuple[str, str]]):
        self._base = base
        self.sections = sections

    def __getattr__(self, name: str) -> Any:
        return getattr(self._base, name)

    def search(self, query: Any, k: int = 8, reports: list[str] | None = None) -> list[Hit]:
        hits = self._base.search(query, max(6 * k, 48), reports)
        return [h for h in hits if (h.chunk.report_id, h.chunk.section) in self.sections][:k]


@dataclass(frozen=True)
class Scope:
    reports: list[str] | None  # None: every report
    sections: frozenset[tuple[str, str]] | None
    words: str  # "2 báo cáo · kỳ 11/2025 · lĩnh vực kinh tế"

    @property
    def empty(self) -> bool:
        return self.reports is not None and not self.reports


def scope_of(snap: Snapshot, reports: list[str] | None, period: str, field_: str) -> Scope:
    infos = snap.store.reports()
    chosen = [r for r in infos if r.report_id in reports] if reports else snap.visible()
    if period:
        chosen = [r for r in chosen if r.period == period]
    words = []
    if reports:
        words.append(f"{len(reports)} báo cáo đã chọn")
    if period:
        words.append(f"kỳ {period}")
    sections = None
    if field_:
        sections = snap.fields.get(field_, frozenset())
        words.append(f"lĩnh vực {field_}")
    narrowed = reports or period or snap.hides_samples
    ids = [r.report_id for r in chosen] if narrowed else None
    return Scope(ids, sections, " · ".join(words))


SAMPLE_MARK = " · dữ liệu mẫu"
SAMPLES_HIDDEN = (
    "báo cáo mẫu (Sông Mai, hư cấu) không được dùng khi đã có báo cáo thật; muốn hỏi về chúng "
    "thì chọn trong bộ lọc Báo cáo"
)


def report_choices(snap: Snapshot) -> list[tuple[str, str]]:
    """(label, report id), newest first: for the filter and the admin table; samples
    marked as such."""
    infos = sorted(snap.store.reports(), key=lambda r: r.date, reverse=True)
    return [(name, r.report_id) for name, r in zip(names(snap, infos), infos, strict=True)]


def names(snap: Snapshot, infos: list) -> list[str]:
    """Each report's label; two copies of one report (a scan and its text) told apart by
    their files; samples marked."""
    named = distinct_labels(infos)
    return [
        named[r.report_id] + (SAMPLE_MARK if r.report_id in snap.samples else "") for r in infos
    ]


def period_choices(snap: Snapshot) -> list[tuple[str, str]]:
    periods = sorted(
        {r.period for r in snap.visible() if r.period},
        key=lambda p: (p[-4:], p[:-5].zfill(2)),
        reverse=True,
    )

    def said(p: str) -> str:
        s = period_phrase(p)
        return s[:1].upper() + s[1:]

    return [("Tất cả các kỳ", ALL), *((said(p), p) for p in periods)]


def field_choices(snap: Snapshot) -> list[tuple[str, str]]:
    return [("Tất cả lĩnh vực", ALL), *((f[:1].upper() + f[1:], f) for f in sorted(snap.fields))]


# ---- answering -------------------------------------------------------------------------

NOTHING_IN_SCOPE = (
    "Không có báo cáo nào khớp bộ lọc đang chọn. Hãy bỏ bớt bộ lọc (báo cáo, kỳ, lĩnh vực) "
    "rồi hỏi lại."
)


def retriever_for(snap: Snapshot, scope: Scope) -> HybridRetriever:
    if scope.sections is None:
        return snap.retriever
    return FieldRetriever(snap.retriever, scope.sections)  # type: ignore[return-value]


def respond(
    state: AppState,
    message: str,
    history: list[dict],
    conv: Conversation,
    reports: list[str] | None,
    period: str,
    field_: str,
    literal: bool = False,
) -> Iterator[tuple[list[dict], str, Conversation, str]]:
    """Streams (chat, textbox, conversation, plain text of the last answer). With an LLM
    each snapshot holds only verified sentences; the extractive answer comes whole.
    `literal`: answer the question as typed, without reading it against earlier turns."""
    message = (message or "").strip()
    if not message:
        yield history, "", conv, ""
        return
    if refused := too_long(message, state.settings):  # before reading it against the turns
        shown = [*history, {"role": "user", "content": md_literal(message[:200] + "…")}]
        reply = {"role": "assistant", "content": md_literal(refused.text)}
        yield [*shown, reply], "", conv, refused.text
        return
    snap = state.snapshot()
    scope = scope_of(snap, reports, period or ALL, field_ or ALL)
    answerer = state.answerer
    turns = conv.turns
    if literal or not turns:
        resolved = message
    elif answerer.chat_model is not None:
        resolved = answerer.rewrite([(t.resolved, t.answer) for t in turns], message)
    else:
        resolved = resolve(message, turns)
    notes = []
    if resolved != message:
        notes.append(f"hiểu là: {resolved}")
    if scope.words:
        notes.append(f"lọc: {scope.words}")
    note = " — ".join(notes)
    asked = [*history, {"role": "user", "content": md_literal(message)}]
    key = str(len(conv.exchanges))
    if scope.empty:
        reply = (f"_{md_literal(note)}_\n\n" if note else "") + md_literal(NOTHING_IN_SCOPE)
        yield [*asked, {"role": "assistant", "content": reply}], "", conv, NOTHING_IN_SCOPE
        return
    retriever = retriever_for(snap, scope)
    a = None
    for a in api.ask_stream(answerer, resolved, retriever, scope.reports):
        conv.pending = a
        reply = chat_markdown(a, key, note)
        yield [*asked, {"role": "assistant", "content": reply}], "", conv, ""
    conv.pending = None
    if a is not None and a.insufficient and snap.hides_samples and not reports:
        note = " — ".join(filter(None, [note, SAMPLES_HIDDEN]))
        reply = chat_markdown(a, key, note)
    if a is not None:
        conv.exchanges.append(Exchange(message, resolved, a, scope.words))
        yield [*asked, {"role": "assistant", "content": reply}], "", conv, plain_text(a)


def undo_reading(
    state: AppState,
    history: list[dict],
    conv: Conversation,
    reports: list[str] | None,
    period: str,
    field_: str,
) -> Iterator[tuple[list[dict], str, Conversation, str]]:
    """ "Hỏi đúng câu tôi gõ": the last question answered again as typed, replacing the
    answer that read it against the earlier turns."""
    if not conv.exchanges or conv.exchanges[-1].question == conv.exchanges[-1].resolved:
        yield history, "", conv, ""
        return
    last = conv.exchanges.pop()
    yield from respond(state, last.question, history[:-2], conv, reports, period, field_, True)


def can_undo(conv: Conversation) -> bool:
    """Whether the last answer read its question against earlier turns."""
    return bool(conv.exchanges) and conv.exchanges[-1].question != conv.exchanges[-1].resolved


def show_citation(state: AppState, conv: Conversation, key: str | None) -> tuple[str, bool]:
    """(panel HTML, whether "Mở báo cáo" applies) for the [n] clicked."""
    found = conv.citation(key or "")
    if found is None:
        return EMPTY_PANEL, False
    conv.shown = key
    c = found[1]
    snap = state.snapshot()
    where = locate(snap.store, c)
    html = panel_html(c, snap.store)
    if where is not None and c.ocr_confidence is not None and c.page:
        info = next((r for r in snap.store.reports() if r.report_id == where.report_id), None)
        if info is not None:
            html += page_image_html(state.settings, info.path, c.page, c.text)
    return html, where is not None


def open_report(state: AppState, conv: Conversation) -> str:
    if conv.shown is None:
        return ""
    found = conv.citation(conv.shown)
    if found is None:
        return ""
    c = found[1]
    snap = state.snapshot()
    where = locate(snap.store, c)
    if where is None:
        return '<div class="cite-warn">Báo cáo này không còn trong chỉ mục.</div>'
    return report_html(snap.store, where.report_id, where, c.quote)


def ask(state: AppState, message: str) -> Answer:
    """For the API: no filters (samples left out once real reports are in), the question
    as asked."""
    return api.ask(state.answerer, state.snapshot(), message)


def can_undo_update(conv: Conversation) -> Any:
    import gradio as gr

    return gr.update(visible=can_undo(conv))

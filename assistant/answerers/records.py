"""Answers from the records registry, each cited back to its passage: a document by its
number, a project's stage over the reports, last period's tasks followed up, a measure over
the periods. None when the registry has nothing on the question (the passages answer).
"""

from __future__ import annotations

import re
import time
from dataclasses import replace

from assistant.cite import Answer, Citation
from assistant.context import Context
from assistant.query import DOCUMENT, PROJECT, SERIES, STAGE_CUES, TASKS, Query
from assistant.records import (
    NO_REPORT,
    DocumentMatch,
    RecordCiter,
    SeriesRow,
    figure_series,
    lookup_document,
    project_timeline,
    task_content,
    task_followup,
)
from index import periods as P
from index import vn
from index.store import Store

_TASK_NOISE = re.compile(
    r"\b(?:nhiem vu|dat ra|de ra|cho|da|duoc|chua|thuc hien|hoan thanh|trien khai|ket qua|tien do|"
    r"den dau|the nao|ra sao|lam|thang \d{1,2}(?:/\d{4})?|nam \d{4}|theo|bao cao)\b"
)
_NOISE = re.compile(
    r"\b(?:qua cac (?:thang|ky|bao cao|nam|quy)|theo (?:tung )?thang|cac thang|dien bien|bien dong|"
    r"xu huong|thay doi the nao|tang giam|nhu the nao|the nao|ra sao|bao nhieu|cua|la|va|tu|den|"
    r"thang \d{1,2}(?:/\d{4})?|quy [ivx\d]+(?:/\d{4})?|nam \d{4}|bieu do|bang|so lieu|hay|cho biet|"
    r"ve|xem)\b"
)


def _period(query: Query, ctx: Context) -> str | None:
    """The label of the period the question names, resolved ('tháng 11' → '11/2025')."""
    periods = ctx.scope(query).periods
    if not periods:
        return None
    p = periods[0]
    if len(periods) > 1 and periods[-1].year_known:
        p = P.Period(periods[0].first, periods[-1].last) if periods[0].year_known else p
    return p.label if p.year_known else None


def answer(query: Query, ctx: Context) -> Answer | None:
    """A records answer for the Query's intent; None when the registry has nothing on it."""
    t0 = time.perf_counter()
    store, question = ctx.store, query.text
    period = _period(query, ctx)
    refs = _Refs()
    text: str | None = None
    if query.intent == TASKS and period:
        text = _tasks_answer(store, period.split("-")[0], _without(question, _TASK_NOISE), refs)
    elif query.intent == SERIES:
        text = _series_answer(store, question, period if period and "-" in period else None, refs)
    elif query.intent == DOCUMENT:
        text = _document_answer(store, question, refs)
    elif query.intent == PROJECT:
        text = _project_answer(store, question, period, refs)
    if not text:
        return None
    took = (time.perf_counter() - t0) * 1000
    timings = {"retrieve": took, "answer": 0.0, "records": took}  # the registry lookup is both
    return Answer(question, text, False, tuple(refs.citations), 1.0, timings, mode="records")


class _Refs:
    """Citations of one answer, numbered [1], [2] … in the order the text cites them."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def __call__(self, c: Citation | None) -> str:
        if c is None:
            return ""
        for have in self.citations:
            if have.chunk_id == c.chunk_id and have.quote == c.quote:
                return f" [{have.n}]"
        self.citations.append(replace(c, n=len(self.citations) + 1))
        return f" [{len(self.citations)}]"


def _words(text: str) -> list[str]:
    """Words as written, punctuation that is not part of a word dropped ('1/500' kept)."""
    return re.findall(r"[^\W_]+(?:[/.,-][^\W_]+)*", vn.nfc(text))


def _without(text: str, pattern: re.Pattern[str]) -> str:
    """`text` without the words `pattern` matches on their folded form; case kept, so
    abbreviations such as NSNN are still recognised."""
    words = _words(text)
    drop = vn.matched_words(words, pattern)
    return " ".join(w for i, w in enumerate(words) if i not in drop)


# Every figure an answer shows is one its cited passage holds: no report numbers, no counts
# of our own, dates and numbers as the passage writes them.


def _document_answer(store: Store, question: str, refs: _Refs) -> str | None:
    matches = lookup_document(store, question)
    if not matches:
        return None
    records = [m for m in matches if m.kind == "registry" and m.citation]
    lines = []
    best = max(records, key=lambda m: (bool(m.about), bool(m.date), bool(m.issuer)), default=None)
    if best:
        quote = best.citation.quote if best.citation else ""
        written = re.search(
            rf"{re.escape(best.number)}\s*,?\s*ngày\s*(\d{{1,2}}/\d{{1,2}}/\d{{4}})", quote
        )
        head = f"{best.type} số {best.number}"
        head += f" ngày {written.group(1)}" if written else ""
        head += f" của {best.issuer}" if best.issuer else ""
        head += (
            (f": {best.about}" if best.type == "Báo cáo" else f" về {best.about}")
            if best.about
            else ""
        )
        lines.append(head + refs(best.citation))
        if best.type != "Báo cáo":
            lines.append(f"Nguyên văn: “{quote}”{refs(best.citation)}")
            lines += _footnote_lines(store, best, refs)
    others = [m for m in matches if m.citation and m is not best]
    if others:
        lines.append("Được nhắc đến trong các báo cáo (mới nhất trước):")
        lines += [f"- “{m.citation.quote}”{refs(m.citation)}" for m in others if m.citation]
    return "\n".join(lines)


def _footnote_lines(store: Store, match: DocumentMatch, refs: _Refs) -> list[str]:
    """What the footnotes of a document's clause list, each cited to its footnote."""
    if match.citation is None:
        return []
    citer = RecordCiter(store)
    rid = store.chunks[match.citation.chunk_id].report_id
    lines = []
    for n in match.notes:
        chunk = citer.chunk(rid, None, n, "")
        if chunk and (c := citer.cite_record(rid, None, n, chunk.text)):
            lines.append(f"- (chú thích {n}): {vn.strip_markers(c.text).strip()}{refs(c)}")
    return lines


def _project_answer(store: Store, question: str, period: str | None, refs: _Refs) -> str | None:
    words = _words(question)
    folded = " ".join(vn.fold(w) for w in words)
    m = re.search(r"\b(?:du an|cong trinh)\b", folded)
    if not m:
        return None
    cue = STAGE_CUES.search(folded, m.end())
    kept = words[
        folded[: m.end()].count(" ") + 1 : folded[: cue.start()].count(" ") if cue else None
    ]
    while kept and vn.fold(kept[-1]) in ("dang", "hien", "nay", "da", "duoc", "o", "toi", "den"):
        kept.pop()
    stages = project_timeline(store, " ".join(kept), period=period) if kept else []
    if not stages:
        return None
    citer = RecordCiter(store)
    lines = [f"Dự án {stages[0].mentions[0].name} qua các báo cáo (mới nhất trước):"]
    for s in stages:
        shown = [x for x in s.mentions if x.citation and not x.planned][:3] or list(s.mentions[:1])
        for x in shown:
            stage = x.stage or "không nêu giai đoạn"
            if x.citation and x.citation.footnote is not None:
                # the name is in the footnote, the clause that stages it in the paragraph
                rid = store.chunks[x.citation.chunk_id].report_id
                para = store.chunks[x.citation.chunk_id].paragraphs
                lead = citer.cite_record(rid, para[0] if para else None, None, x.clause)
                lines.append(
                    f"- Kỳ {s.period}, {stage}: {x.name} (chú thích {x.citation.footnote})"
                    f"{refs(x.citation)} — “{x.clause}”{refs(lead)}"
                )
            else:
                lines.append(f"- Kỳ {s.period}, {stage}: “{x.clause}”{refs(x.citation)}")
    return "\n".join(lines)


def _tasks_answer(store: Store, period: str, topic: str, refs: _Refs) -> str | None:
    """All tasks of the period, or those the question names ("nhiệm vụ khởi công dự án …")."""
    rows = task_followup(store, period)
    if not rows:
        return None
    want = set(task_content(topic))
    if len(want) >= 2:
        named = [
            r
            for r in rows
            if len(want & set(task_content(f"{r.task} {r.details}"))) >= 0.5 * len(want)
        ]
        rows = named or rows
    if all(r.status == NO_REPORT for r in rows):
        lines = ["Chưa có báo cáo của kỳ này để đối chiếu các nhiệm vụ đã đề ra:"]
    else:
        lines = ["Nhiệm vụ đã đề ra cho kỳ này và điều báo cáo kỳ sau nói về từng nhiệm vụ:"]
    citer = RecordCiter(store)
    for r in rows:
        line = f"- {r.status_vn[:1].upper()}{r.status_vn[1:]}: {r.task}{refs(r.task_citation)}"
        rid = store.chunks[r.task_citation.chunk_id].report_id if r.task_citation else ""
        for n in r.notes:
            chunk = citer.chunk(rid, None, n, "")
            note = citer.cite_record(rid, None, n, chunk.text) if chunk else None
            if note:
                line += f" (chú thích {n}): {vn.strip_markers(note.text).strip()}{refs(note)}"
        if r.evidence:
            line += f" → “{r.evidence}”{refs(r.evidence_citation)}"
        lines.append(line)
    return "\n".join(lines)


def series_for_question(query: Query, ctx: Context) -> list[SeriesRow]:
    """The series a "… qua các tháng" question asks for (what `answer` lists), for the UI
    to draw with `assistant.chart.line_chart`; [] for other questions."""
    if query.intent != SERIES:
        return []
    store, question = ctx.store, query.text
    period = _period(query, ctx)
    measure = _without(question, _NOISE)
    rows = figure_series(store, measure, period=period if period and "-" in period else None)
    return rows if len(rows) >= 2 else []


def _series_answer(store: Store, question: str, period: str | None, refs: _Refs) -> str | None:
    measure = _without(question, _NOISE)
    rows = figure_series(store, measure, period=period) if measure else []
    if len(rows) < 2:
        return None
    lines = [f"{rows[-1].measure} qua các kỳ báo cáo:"]
    lines += [f"- {r.period}: {r.raw} {r.unit}{refs(r.citation)}" for r in rows]
    return "\n".join(lines)

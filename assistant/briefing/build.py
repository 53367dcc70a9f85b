"""Building the briefing of one period from the store and its records registry: figures
(measures.py, figures.py), projects whose stage changed, stalled or went silent, the tasks
the previous report set, documents first cited, what needs attention. With one report in
the series there is nothing to compare: the report's summary instead."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from assistant.answerers.records import (
    NOT_MENTIONED,
    STATUS_VN,
    RecordCiter,
    TaskFollowup,
    project_timeline,
    task_followup,
)
from assistant.answerers.summary import (
    chunks_of_section,
    clean,
    key_points,
    report_sections,
    trim,
)
from assistant.briefing import figures as F
from assistant.briefing.measures import compare, main_changes, read_report
from assistant.briefing.model import (
    ALERTS,
    DECISIONS,
    PROJECTS,
    SUMMARY,
    TASKS,
    Briefing,
    Item,
    check,
    numbered,
)
from assistant.briefing.series import Series, find_series, parse_period
from assistant.cite import Citation, make_citation
from index import labels
from index import periods as P
from index.records import DocumentRef
from index.store import Store

STALLED = "tạm dừng"  # index/records/projects.py: "tạm dừng", "tạm dừng — vướng GPMB"
FINISHED = ("bàn giao", "chấm dứt")  # a project that falls silent after these is done
COUNT_WORDS = ("", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
EVIDENCE_CHARS = 180


def build_briefing(
    store: Store,
    period: str | P.Period,
    issuer: str | None = None,
    reports: Collection[str] | None = None,
) -> Briefing:
    """The briefing of `period` (a Period, or as typed: '10/2025', 'tháng 10'), for the
    issuer `issuer` names (else the one with the longest series); only `reports`, when
    given, are read. Raises series.BriefingError when no report covers the period."""
    registry = store.registry
    when = period if isinstance(period, P.Period) else parse_period(period, registry, reports)
    series = find_series(registry, when, issuer, reports)
    citer = RecordCiter(store)
    compared = series.previous is not None
    items = numbered(_compared(store, series, citer) if compared else _summary(store, series))
    kept = [i for i in items if not check(i)]
    others = ", ".join(series.others)
    return Briefing(
        period=series.current.period,
        previous=series.previous.period if series.previous else None,
        issuer=series.issuer,
        report=_label(store, series.current.report_id),
        previous_report=_label(store, series.previous.report_id) if series.previous else "",
        items=tuple(numbered(kept)),
        note=f"Cũng có báo cáo kỳ này của: {others} (chọn cơ quan khác để xem)." if others else "",
        dropped=len(items) - len(kept),
    )


def _label(store: Store, report_id: str) -> str:
    report = store.report(report_id)
    return labels.of_report(report) if report else report_id


def _compared(store: Store, series: Series, citer: RecordCiter) -> list[Item]:
    assert series.previous is not None
    read = {rid: read_report(store, rid) for rid in series.ids}
    now, before = read[series.current.report_id], read[series.previous.report_id]
    changes = compare(now, before, list(read.values()))
    figure_items = [x for c in main_changes(changes) if (x := F.figure_item(c, citer))]
    tasks = task_followup(
        store, series.current.period, reports=[series.previous.report_id, series.current.report_id]
    )
    return [
        *figure_items,
        *_projects(store, series),
        *(_task_item(t) for t in tasks),
        *_decisions(store, series, citer),
        *F.worse_items(changes, citer),
        *F.target_items(now, before, series.current.period, citer),
        *(_silent_task(t) for t in tasks if t.status == NOT_MENTIONED),
    ]


# ---- projects ---------------------------------------------------------------------------


def _projects(store: Store, series: Series) -> list[Item]:
    """Projects whose stage changed, stalled in two or more consecutive reports up to
    this one, or named last time and not now (unless last time finished them)."""
    assert series.previous is not None
    ids = series.ids
    stages = {
        rid: {r.key: r for r in store.registry.projects(report=rid, reports=ids)} for rid in ids
    }
    now, before = stages[series.current.report_id], stages[series.previous.report_id]
    items: list[Item] = []
    for key, row in now.items():
        old = before.get(key)
        if old and old.stage and row.stage and old.stage != row.stage:
            text = f"{row.name}: chuyển từ giai đoạn “{old.stage}” sang “{row.stage}”."
            cites = _stage_citations(
                store, series, row.name, [series.current.report_id, old.report_id]
            )
            items.append(Item(PROJECTS, "project", text, "", cites))
        if row.stage.startswith(STALLED):
            run = []
            for rid in reversed(ids):
                if not stages[rid].get(key, None) or not stages[rid][key].stage.startswith(STALLED):
                    break
                run.append(rid)
            if len(run) >= 2:
                count = COUNT_WORDS[len(run)] if len(run) < len(COUNT_WORDS) else "nhiều"
                text = f"{row.name}: “{row.stage}” trong {count} kỳ báo cáo liên tiếp, đến kỳ này."
                cites = _stage_citations(store, series, row.name, run[:3])
                items.append(Item(PROJECTS, "project", text, "", cites))
    for key, old in before.items():
        if key not in now and old.stage not in FINISHED:
            said = f"ở giai đoạn “{old.stage}”" if old.stage else "có nhắc đến"
            text = f"{old.name}: kỳ trước {said}, kỳ này không còn được nhắc đến."
            cites = _stage_citations(store, series, old.name, [old.report_id])
            items.append(Item(PROJECTS, "project", text, "", cites))
    return items


def _stage_citations(
    store: Store, series: Series, name: str, report_ids: list[str]
) -> tuple[Citation, ...]:
    """For each report, the passage of the mention that gives the project its stage."""
    timeline = project_timeline(store, name, reports=report_ids, issuer=series.issuer)
    out = []
    for rid in report_ids:
        for stage in timeline:
            if stage.report_id != rid:
                continue
            mention = next((m for m in stage.mentions if m.stage == stage.stage), stage.mentions[0])
            if mention.citation is not None:
                out.append(mention.citation)
    return tuple(out)


# ---- tasks and documents ----------------------------------------------------------------


def _short(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _task_item(t: TaskFollowup) -> Item:
    status = STATUS_VN[t.status]
    text = f"{status[:1].upper()}{status[1:]}: {t.task}" + (f" ({t.details})" if t.details else "")
    if t.evidence:
        text += f" — “{_short(t.evidence)}”"
    cites = tuple(c for c in (t.task_citation, t.evidence_citation) if c is not None)
    return Item(TASKS, "task", text, "", cites)


def _silent_task(t: TaskFollowup) -> Item:
    details = f" ({t.details})" if t.details else ""
    text = f"Nhiệm vụ chưa thấy báo cáo nhắc đến: {t.task}{details}"
    return Item(ALERTS, "alert", text, "", (t.task_citation,) if t.task_citation else ())


def _decisions(store: Store, series: Series, citer: RecordCiter) -> list[Item]:
    """Documents the report cites that no earlier report of the series cited."""
    earlier = series.ids[:-1]
    seen = {d.key for d in store.registry.find_documents(reports=earlier)} if earlier else set()
    mine = store.registry.find_documents(report=series.current.report_id, reports=series.ids)
    first: dict[str, DocumentRef] = {}
    for d in mine:  # its first mention, or the first that says what it is about
        if d.key not in seen and (d.key not in first or not first[d.key].about):
            first[d.key] = d
    items = []
    for d in first.values():
        cite = citer.cite_record(d.report_id, d.paragraph, d.footnote, d.passage)
        if cite is None:
            continue
        items.append(Item(DECISIONS, "decision", _document_text(d), "", (cite,)))
    return items


def _document_text(d: DocumentRef) -> str:
    """'Quyết định số 58/QĐ-UBND ngày 06/01/2026 của …: about.' — the date only as the
    passage writes it, so every number of the line is in its passage."""
    text = f"{d.type} số {d.number}"
    if d.date:
        y, m, day = d.date.split("-") if d.date.count("-") == 2 else ("", "", "")
        written = f"{day}/{m}/{y}" if day else ""
        text += f" ngày {written}" if written and written in d.passage else ""
    text += f" của {d.issuer}" if d.issuer else ""
    return text + (f": {d.about}." if d.about else ".")


# ---- one report: its summary --------------------------------------------------------------


def _summary(store: Store, series: Series) -> list[Item]:
    """Nothing to compare: said so, then the report's summary (answerers/summary.py), a
    point an item."""
    rid = series.current.report_id
    note = Item(
        SUMMARY,
        "summary",
        "Chưa có báo cáo kỳ trước của cùng cơ quan để so sánh; dưới đây là tóm tắt báo cáo kỳ này.",
    )
    report = store.report(rid)
    if report is None:
        return [note]
    chunks = store.chunks_of(rid)
    items = [note]
    for path in report_sections(report):
        inside = [c for c in chunks_of_section(chunks, rid, path) if c.section == path]
        for point in key_points(inside, 3):
            shown = clean(trim(point.sentence))
            cite = make_citation(store, point.chunk, 0, 1.0, shown)
            items.append(Item(SUMMARY, "summary", shown, "", (replace(cite, quote=shown),)))
    return items

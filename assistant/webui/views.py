"""Views across reports, built on the records registry (assistant/answerers/records/,
index/registry/), through assistant.api: "Văn bản", "Dự án", "Nhiệm vụ", "Số liệu".

Every view degrades to "chưa có dữ liệu" when the records or the registry fail, so the
chat never depends on them. Functions called: api.lookup_document / project_timeline /
task_followup / figure_series / TASK_STATUS_VN / parse_number_query, and
Store.registry.find_documents / projects / reports / task_periods.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import pandas as pd

from assistant.api import (
    TASK_STATUS_VN,
    Store,
    distinct_labels,
    figure_series,
    fold,
    lookup_document,
    parse_number_query,
    period_of_label,
    project_timeline,
    task_followup,
)
from assistant.settings import Settings
from assistant.webui.citations import panel_html
from assistant.webui.render import esc

log = logging.getLogger(__name__)

NO_DATA = (
    '<div class="cite-empty">Chưa có dữ liệu: sổ theo dõi văn bản, dự án, nhiệm vụ và số '
    "liệu chưa được lập cho các báo cáo đã nạp.</div>"
)
DOC_HEAD = ["Số", "Loại", "Ngày", "Cơ quan ban hành", "Về việc", "Nhắc đến trong"]
PROJECT_HEAD = ["Dự án", "Giai đoạn (báo cáo mới nhất)", "Kỳ", "Số báo cáo nhắc đến"]
TASK_HEAD = ["Lĩnh vực", "Nhiệm vụ", "Tình trạng", "Kết quả (báo cáo kỳ sau)"]
FIGURE_HEAD = ["Kỳ", "Giá trị", "Đơn vị", "Chỉ tiêu", "Báo cáo"]


# What a view's text box may send: a search of 100 KB took 11.6 s of one shared worker.
MAX_TEXT = Settings.model_fields["max_question_chars"].default


def graceful(empty: Callable[[], tuple]):
    """Turn a missing module or a failing registry into the view's empty result; text
    arguments are cut to MAX_TEXT characters first."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            args = tuple(a[:MAX_TEXT] if isinstance(a, str) else a for a in args)
            try:
                return fn(*args, **kwargs)
            except (ImportError, AttributeError, OSError, LookupError, ValueError) as e:
                log.warning("view %s unavailable: %r", fn.__name__, e)
                return empty()
            except Exception as e:  # sqlite3 errors and the like: the view is optional
                log.warning("view %s failed: %r", fn.__name__, e)
                return empty()

        return inner

    return wrap


def _vn_date(iso: str) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else ""


def _cards(store: Store, citations: list[Any], titles: list[str] | None = None) -> str:
    out = []
    for i, c in enumerate(citations):
        if c is None:
            continue
        title = f'<div class="view-cap">{esc(titles[i])}</div>' if titles else ""
        out.append(f'<div class="view-card">{title}{panel_html(c, store)}</div>')
    return "".join(out) or '<div class="cite-empty">Không tìm thấy đoạn trích.</div>'


# ---- Văn bản ----------------------------------------------------------------------------


@graceful(lambda: ([], [], NO_DATA))
def documents(
    store: Store, text: str, period: str, reports: list[str] | None = None
) -> tuple[list[list[str]], list[str], str]:
    """(table rows, document number per row, status) of the documents a number or words
    name; one row per document, with the reports that mention it (by their labels)."""
    text, period = (text or "").strip(), (period or "").strip() or None
    key, digits, _ = parse_number_query(text) if text else ("", "", "")
    if key or digits:
        refs = store.registry.find_documents(number=text, period=period, reports=reports)
    else:
        refs = store.registry.find_documents(search=text or None, period=period, reports=reports)
    if not refs and not store.registry.reports():
        return [], [], NO_DATA
    numbers = distinct_labels(store.reports())
    rows: dict[str, list[str]] = {}
    mentioned: dict[str, dict[str, None]] = {}  # number → labels, each once, in order
    for d in refs:
        row = rows.setdefault(d.number, [d.number, d.type, _vn_date(d.date), "", "", ""])
        row[3] = row[3] or d.issuer
        row[4] = row[4] or d.about
        mentioned.setdefault(d.number, {})[numbers.get(d.report_id, d.report_id)] = None
        row[5] = "; ".join(mentioned[d.number])
    status = f"{len(rows)} văn bản" + (f" khớp “{esc(text)}”" if text else "")
    return list(rows.values()), list(rows), f'<div class="view-status">{status}</div>'


@graceful(lambda: NO_DATA)
def document_detail(store: Store, number: str, reports: list[str] | None = None) -> str:
    matches = lookup_document(store, number, reports=reports)
    titles = []
    for m in matches:
        kind = f"{m.type} {m.number}" if m.kind == "registry" else f"Nhắc đến {m.number}"
        titles.append(f"{kind} — Báo cáo {m.report} (kỳ {m.period})")
    return _cards(store, [m.citation for m in matches], titles)


# ---- Dự án ------------------------------------------------------------------------------


@graceful(lambda: ([], [], NO_DATA))
def projects(
    store: Store, text: str, period: str, reports: list[str] | None = None
) -> tuple[list[list[str]], list[tuple[str, str, str]], str]:
    """One row per project (names that are one project joined, and said so); each row's
    key is (name, issuer, how its names were joined)."""
    rows = store.registry.projects(
        search=(text or "").strip() or None, period=period or None, reports=reports
    )
    if not rows and not store.registry.reports():
        return [], [], NO_DATA
    table = [[r.name, r.stage or "—", r.period, str(r.reports)] for r in rows]
    keys = [(r.name, r.issuer, _joined(r)) for r in rows]
    return table, keys, f'<div class="view-status">{len(rows)} dự án</div>'


def _joined(row: Any) -> str:
    """'Gộp: "Kè suối Lao Ly, thành phố Lạng Sơn" (báo cáo 1250/BC-UBND)…' or ''."""
    if not getattr(row, "merged", False):
        return ""
    said = [f"“{n.name}” (báo cáo {n.report}, kỳ {n.period})" for n in row.names]
    return "Cùng một dự án, được gộp từ các tên: " + "; ".join(said)


@graceful(lambda: NO_DATA)
def project_detail(store: Store, key: tuple[str, str, str] | str, reports=None) -> str:
    name, issuer, joined = key if isinstance(key, (tuple, list)) else (key, "", "")
    stages = project_timeline(store, name, reports=reports, issuer=issuer or None)
    if not stages:
        return '<div class="cite-empty">Không tìm thấy dự án.</div>'
    out = [f"<h3>{esc(stages[0].mentions[0].name)}</h3>"]
    if joined:
        out.append(f'<div class="view-status">{esc(joined)}</div>')
    out.append("<ol class='timeline'>")
    for s in stages:
        out.append(
            f"<li><div class='tl-head'>Kỳ {esc(s.period)} — Báo cáo {esc(s.report)}: "
            f"<b>{esc(s.stage or 'không nêu giai đoạn')}</b></div><ul>"
        )
        for m in s.mentions:
            plan = " (kế hoạch kỳ sau)" if m.planned else ""
            amounts = ", ".join(f"{a.raw} {a.unit}" for a in m.amounts)
            out.append(
                f"<li><span class='tl-stage'>{esc(m.stage or '—')}{esc(plan)}</span> "
                f"“{esc(m.clause)}”" + (f" <i>[{esc(amounts)}]</i>" if amounts else "")
            )
            if m.citation:
                out.append(
                    f"<details><summary>Xem đoạn trích</summary>{panel_html(m.citation, store)}"
                    "</details>"
                )
            out.append("</li>")
        out.append("</ul></li>")
    out.append("</ol>")
    return "".join(out)


# ---- Nhiệm vụ ---------------------------------------------------------------------------


@graceful(lambda: [])
def task_periods(store: Store, reports: list[str] | None = None) -> list[str]:
    """Periods tasks were set for, those a later report follows up first, newest first."""
    return store.registry.task_periods(reports=reports)


@graceful(lambda: ([], [], NO_DATA))
def tasks(
    store: Store, period: str, field_: str, reports: list[str] | None = None
) -> tuple[list[list[str]], list[Any], str]:
    if not period:
        return [], [], '<div class="cite-empty">Hãy chọn kỳ của nhiệm vụ.</div>'
    rows = task_followup(store, period, reports=reports)
    if field_:
        rows = [r for r in rows if fold(field_) in fold(r.field)]
    counts = {k: sum(r.status == k for r in rows) for k in TASK_STATUS_VN}
    summary = ", ".join(f"{n} {TASK_STATUS_VN[k]}" for k, n in counts.items() if n)
    table = [[r.field, r.task, r.status_vn, r.evidence or "—"] for r in rows]
    status = f"Nhiệm vụ đề ra cho kỳ {esc(period)}: {esc(summary or 'không có')}"
    return table, rows, f'<div class="view-status">{status}</div>'


def task_detail(store: Store, row: Any) -> str:
    return _cards(
        store,
        [row.task_citation, row.evidence_citation],
        ["Nhiệm vụ đề ra tại", f"Kết quả — {row.status_vn}"],
    )


# ---- Số liệu ----------------------------------------------------------------------------


@graceful(lambda: ([], None, NO_DATA))
def figures(
    store: Store,
    measure: str,
    period: str,
    reports: list[str] | None = None,
    span: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> tuple[list[list[str]], pd.DataFrame | None, str]:
    """The measure's series: table rows, the points of the chart (hover: value and
    source), and every figure's citation — only those of the points inside `span` (a
    stretch of the chart's time axis the user selected), when given."""
    measure = (measure or "").strip()
    if not measure:
        return [], None, '<div class="cite-empty">Hãy nhập tên chỉ tiêu.</div>'
    series = figure_series(store, measure, period=(period or "").strip() or None, reports=reports)
    if not series:
        return [], None, f'<div class="cite-empty">Không tìm thấy số liệu “{esc(measure)}”.</div>'
    table = [[r.period, r.raw, r.unit, r.measure, r.report] for r in series]
    titles = [f"Kỳ {r.period}: {r.raw} {r.unit} — Báo cáo {r.report}" for r in series]
    head = (
        f'<div class="view-status">Chuỗi số liệu của {esc(series[-1].issuer)}</div>'
        if series[-1].issuer
        else ""
    )
    shown = list(range(len(series)))
    if span is not None:
        shown = [i for i, r in enumerate(series) if (t := _when(r)) and span[0] <= t <= span[1]]
        head = (
            '<div class="view-status">Trích dẫn của điểm đã chọn trên biểu đồ '
            "(nhấp đúp vào biểu đồ để xem lại tất cả)</div>"
        )
    cards = _cards(store, [series[i].citation for i in shown], [titles[i] for i in shown])
    return table, _points(series), head + cards


def _when(figure: Any) -> pd.Timestamp | None:
    """Where a figure sits on the chart's time axis: its period's first month."""
    p = period_of_label(figure.period)
    return pd.Timestamp(p.first[0], p.first[1], 1) if p is not None and p.year_known else None


def span_of(index: Any) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of time a brush on the chart selected (Gradio gives epoch seconds; ms
    or dates are read too), widened by a fortnight each side so a brush around one point
    takes it."""
    try:
        lo, hi = (
            pd.Timestamp(v, unit="ms" if v > 1e11 else "s")
            if isinstance(v, int | float)
            else pd.Timestamp(v)
            for v in index
        )
    except (TypeError, ValueError):
        return None
    pad = pd.Timedelta(days=15)
    return min(lo, hi) - pad, max(lo, hi) + pad


def _points(series: list[Any]) -> pd.DataFrame | None:
    """One point per period, placed on its first month so the axis keeps time's order."""
    rows = []
    for r in series:
        when = _when(r)
        if when is None:
            continue
        rows.append({
            "Thời gian": when,
            "Giá trị": r.value,
            "Kỳ": r.period,
            "Số liệu": f"{r.raw} {r.unit}".strip(),
            "Nguồn": f"Báo cáo {r.report}",
        })  # fmt: skip
    return pd.DataFrame(rows) if len(rows) >= 2 else None

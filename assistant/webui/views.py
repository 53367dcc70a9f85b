"""Views across reports, built on the records registry (assistant/records.py,
index/registry.py, assistant/chart.py): "Văn bản", "Dự án", "Nhiệm vụ", "Số liệu".

Every view degrades to "chưa có dữ liệu" when the records modules or the registry are
missing or fail, so the chat never depends on them. Functions called:
assistant.records.lookup_document / project_timeline / task_followup / figure_series /
STATUS_VN, Store.registry.find_documents / projects / reports, index.registry.
parse_number_query, assistant.chart.line_chart.
"""

from __future__ import annotations

import functools
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.webui.citations import panel_html
from assistant.webui.render import esc
from index.store import Store

log = logging.getLogger(__name__)

NO_DATA = (
    '<div class="cite-empty">Chưa có dữ liệu: sổ theo dõi văn bản, dự án, nhiệm vụ và số '
    "liệu chưa được lập cho các báo cáo đã nạp.</div>"
)
DOC_HEAD = ["Số", "Loại", "Ngày", "Cơ quan ban hành", "Về việc", "Nhắc đến trong"]
PROJECT_HEAD = ["Dự án", "Giai đoạn (báo cáo mới nhất)", "Kỳ", "Số báo cáo nhắc đến"]
TASK_HEAD = ["Lĩnh vực", "Nhiệm vụ", "Tình trạng", "Kết quả (báo cáo kỳ sau)"]
FIGURE_HEAD = ["Kỳ", "Giá trị", "Đơn vị", "Chỉ tiêu", "Báo cáo"]


def _records():
    from assistant import records

    return records


def graceful(empty: Callable[[], tuple]):
    """Turn a missing module or a failing registry into the view's empty result."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
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
def documents(store: Store, text: str, period: str) -> tuple[list[list[str]], list[str], str]:
    """(table rows, document number per row, status) of the documents a number or words
    name; one row per document, with the reports that mention it."""
    from index.registry import parse_number_query

    text, period = (text or "").strip(), (period or "").strip() or None
    key, digits, _ = parse_number_query(text) if text else ("", "", "")
    if key or digits:
        refs = store.registry.find_documents(number=text, period=period)
    else:
        refs = store.registry.find_documents(search=text or None, period=period)
    if not refs and not store.registry.reports():
        return [], [], NO_DATA
    numbers = {r.report_id: r.number for r in store.reports()}
    rows: dict[str, list[str]] = {}
    for d in refs:
        row = rows.setdefault(d.number, [d.number, d.type, _vn_date(d.date), "", "", ""])
        row[3] = row[3] or d.issuer
        row[4] = row[4] or d.about
        cited = numbers.get(d.report_id, d.report_id)
        if cited not in row[5].split(", "):
            row[5] = f"{row[5]}, {cited}" if row[5] else cited
    status = f"{len(rows)} văn bản" + (f" khớp “{esc(text)}”" if text else "")
    return list(rows.values()), list(rows), f'<div class="view-status">{status}</div>'


@graceful(lambda: NO_DATA)
def document_detail(store: Store, number: str) -> str:
    matches = _records().lookup_document(store, number)
    titles = []
    for m in matches:
        kind = f"{m.type} {m.number}" if m.kind == "registry" else f"Nhắc đến {m.number}"
        titles.append(f"{kind} — Báo cáo {m.report} (kỳ {m.period})")
    return _cards(store, [m.citation for m in matches], titles)


# ---- Dự án ------------------------------------------------------------------------------


@graceful(lambda: ([], [], NO_DATA))
def projects(store: Store, text: str, period: str) -> tuple[list[list[str]], list[str], str]:
    rows = store.registry.projects(search=(text or "").strip() or None, period=period or None)
    if not rows and not store.registry.reports():
        return [], [], NO_DATA
    table = [[r.name, r.stage or "—", r.period, str(r.reports)] for r in rows]
    return table, [r.name for r in rows], f'<div class="view-status">{len(rows)} dự án</div>'


@graceful(lambda: NO_DATA)
def project_detail(store: Store, name: str) -> str:
    stages = _records().project_timeline(store, name)
    if not stages:
        return '<div class="cite-empty">Không tìm thấy dự án.</div>'
    out = [f"<h3>{esc(stages[0].mentions[0].name)}</h3><ol class='timeline'>"]
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
def task_periods(store: Store) -> list[str]:
    """Periods tasks were set for, those a later report follows up first, newest first."""
    rows = store.registry.reports()
    reported = {r.period for r in rows}
    periods = {r.task_period for r in rows if r.task_period}

    def key(p: str) -> tuple:
        return (p in reported, p[-4:], p[:-5].zfill(2))

    return sorted(periods, key=key, reverse=True)


@graceful(lambda: ([], [], NO_DATA))
def tasks(store: Store, period: str, field_: str) -> tuple[list[list[str]], list[Any], str]:
    if not period:
        return [], [], '<div class="cite-empty">Hãy chọn kỳ của nhiệm vụ.</div>'
    records = _records()
    rows = records.task_followup(store, period)
    if field_:
        from index import vn

        rows = [r for r in rows if vn.fold(field_) in vn.fold(r.field)]
    counts = {k: sum(r.status == k for r in rows) for k in records.STATUS_VN}
    summary = ", ".join(f"{n} {records.STATUS_VN[k]}" for k, n in counts.items() if n)
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
def figures(store: Store, measure: str, period: str) -> tuple[list[list[str]], str | None, str]:
    measure = (measure or "").strip()
    if not measure:
        return [], None, '<div class="cite-empty">Hãy nhập tên chỉ tiêu.</div>'
    series = _records().figure_series(store, measure, period=(period or "").strip() or None)
    if not series:
        return [], None, f'<div class="cite-empty">Không tìm thấy số liệu “{esc(measure)}”.</div>'
    table = [[r.period, r.raw, r.unit, r.measure, r.report] for r in series]
    chart = None
    try:
        from assistant.chart import line_chart

        folder = Path(tempfile.mkdtemp(prefix="tro-ly-bieu-do-"))
        chart = str(line_chart(series, folder / "so-lieu.png"))
    except Exception as e:  # the table and passages still stand without the chart
        log.warning("chart failed: %r", e)
    titles = [f"Kỳ {r.period}: {r.raw} {r.unit} — Báo cáo {r.report}" for r in series]
    return table, chart, _cards(store, [r.citation for r in series], titles)

"""The tabs of the views: Văn bản, Dự án, Nhiệm vụ, Số liệu, Tóm tắt."""

from __future__ import annotations

import gradio as gr
import pandas as pd

from assistant import api
from assistant.webui import views
from assistant.webui.assets import SUMMARY_PANEL_JS
from assistant.webui.chat import period_choices, report_choices, show_citation
from assistant.webui.citations import EMPTY_PANEL
from assistant.webui.render import chat_markdown, escape_md
from assistant.webui.state import AppState

PICK_ROW = '<div class="cite-empty">Bấm vào một dòng của bảng để xem các đoạn trích dẫn.</div>'
FIELDS = [
    ("Tất cả lĩnh vực", ""),
    ("Kinh tế", "kinh tế"),
    ("Đô thị", "đô thị"),
    ("Đầu tư", "đầu tư"),
    ("Đất đai", "đất đai"),
    ("Văn hóa - xã hội", "văn hóa - xã hội"),
    ("Nội vụ", "nội vụ"),
    ("Quốc phòng - an ninh", "quốc phòng - an ninh"),
    ("Chuyển đổi số", "chuyển đổi số"),
]
MEASURES = ["lũy kế thu NSNN", "tai nạn giao thông", "giấy phép xây dựng", "giải ngân vốn đầu tư"]


def _frame(rows: list[list[str]], head: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=head)


def _row(evt: gr.SelectData) -> int | None:
    index = evt.index
    if isinstance(index, (list, tuple)) and index:
        return int(index[0])
    return int(index) if isinstance(index, int) else None


def view_choices(state: AppState) -> tuple:
    """Fresh choices for the views' pickers (after an upload or delete, and on page
    load): report periods ×2, task periods, the summary's reports."""
    snap = state.snapshot()
    periods = period_choices(snap)
    tasks = views.task_periods(snap.store, snap.shown())
    reports = report_choices(snap)
    visible = {r.report_id for r in snap.visible()}
    first = next((rid for _, rid in reports if rid in visible), None)
    return (
        gr.update(choices=periods),
        gr.update(choices=periods),
        gr.update(choices=[(f"Nhiệm vụ tháng {p}", p) for p in tasks]),
        gr.update(choices=reports, value=first),
    )


def build_views(state: AppState, demo: gr.Blocks, conv: gr.State) -> list[gr.components.Component]:
    """The view tabs; returns their pickers, in the order `view_choices` updates them."""
    snap = state.snapshot()
    periods = period_choices(snap)

    with gr.Tab("Văn bản", id="docs-tab", elem_id="docs-tab"):
        with gr.Row():
            doc_q = gr.Textbox(
                label="Số văn bản hoặc từ khóa",
                placeholder="2514/QĐ-UBND, QĐ 3090, nông thôn mới … (để trống: tất cả)",
                scale=3,
                elem_id="doc-q",
            )
            doc_period = gr.Dropdown(periods, value="", label="Kỳ báo cáo", scale=1)
            doc_go = gr.Button("Tìm văn bản", variant="primary", scale=1, elem_id="doc-go")
        doc_status = gr.HTML()
        doc_table = gr.Dataframe(
            headers=views.DOC_HEAD,
            interactive=False,
            wrap=True,
            elem_classes="view-table",
            column_widths=["13%", "9%", "9%", "17%", "30%", "22%"],  # all fit at 1400 px
        )
        doc_keys = gr.State([])
        doc_detail = gr.HTML(PICK_ROW)

    with gr.Tab("Dự án", id="projects-tab", elem_id="projects-tab"):
        with gr.Row():
            prj_q = gr.Textbox(
                label="Tên dự án (không cần đúng dấu)", placeholder="kè bờ sông Mai", scale=3
            )
            prj_period = gr.Dropdown(periods, value="", label="Kỳ báo cáo", scale=1)
            prj_go = gr.Button("Xem dự án", variant="primary", scale=1, elem_id="prj-go")
        prj_status = gr.HTML()
        prj_table = gr.Dataframe(
            headers=views.PROJECT_HEAD,
            interactive=False,
            wrap=True,
            elem_classes="view-table",
            column_widths=["46%", "26%", "12%", "16%"],
        )
        prj_keys = gr.State([])
        prj_detail = gr.HTML(PICK_ROW)

    with gr.Tab("Nhiệm vụ", id="tasks-tab", elem_id="tasks-tab"):
        task_periods = views.task_periods(snap.store, snap.shown())
        with gr.Row():
            task_period = gr.Dropdown(
                [(f"Nhiệm vụ tháng {p}", p) for p in task_periods],
                value=task_periods[0] if task_periods else None,
                label="Kỳ của nhiệm vụ",
                scale=2,
            )
            task_field = gr.Dropdown(FIELDS, value="", label="Lĩnh vực", scale=2)
            task_go = gr.Button("Xem nhiệm vụ", variant="primary", scale=1, elem_id="task-go")
        task_status = gr.HTML()
        task_table = gr.Dataframe(
            headers=views.TASK_HEAD,
            interactive=False,
            wrap=True,
            elem_classes="view-table",
            column_widths=["14%", "44%", "14%", "28%"],
        )
        task_rows = gr.State([])
        task_detail = gr.HTML(PICK_ROW)

    with gr.Tab("Số liệu", id="figures-tab", elem_id="figures-tab"):
        with gr.Row():
            fig_q = gr.Textbox(
                label="Chỉ tiêu", placeholder="lũy kế thu NSNN", scale=3, elem_id="fig-q"
            )
            fig_period = gr.Textbox(label="Khoảng kỳ (tùy chọn)", placeholder="10/2025-12/2025")
            fig_go = gr.Button("Xem số liệu", variant="primary", scale=1, elem_id="fig-go")
        gr.Examples(MEASURES, inputs=fig_q, label="Chỉ tiêu mẫu")
        fig_chart = gr.LinePlot(
            x="Thời gian",
            y="Giá trị",
            tooltip=["Kỳ", "Số liệu", "Nguồn"],  # hover a point: its value and its source
            x_title="Kỳ báo cáo",
            y_title="Giá trị",
            x_axis_format="%m/%Y",
            label="Biểu đồ (đưa chuột lên điểm: số liệu; kéo chọn quanh điểm: trích dẫn của nó)",
            height=320,
            elem_id="fig-chart",
            visible=False,
        )
        fig_table = gr.Dataframe(
            headers=views.FIGURE_HEAD, interactive=False, wrap=True, elem_classes="view-table"
        )
        fig_detail = gr.HTML(elem_id="fig-detail")

    with gr.Tab("Tóm tắt", id="summary-tab", elem_id="summary-tab"):
        with gr.Row():
            pick = gr.Dropdown(
                report_choices(snap),
                value=next(iter(report_choices(snap)), (None, None))[1],
                label="Báo cáo",
                scale=3,
            )
            section = gr.Textbox(label="Mục (để trống: cả báo cáo)", placeholder="I.3", scale=1)
            go = gr.Button("Tóm tắt", variant="primary", scale=1, elem_id="summarize")
        with gr.Row():
            with gr.Column(scale=3, min_width=300):
                summary = gr.Markdown(elem_id="summary")
            with gr.Column(scale=2, min_width=280):
                summary_panel = gr.HTML(
                    EMPTY_PANEL, js_on_load=SUMMARY_PANEL_JS, elem_id="summary-panel"
                )

    # ---- handlers ----
    def find_docs(text, period):
        snap = state.snapshot()
        rows, keys, status = views.documents(snap.store, text, period, snap.shown())
        return _frame(rows, views.DOC_HEAD), keys, status, PICK_ROW

    def doc_row(keys, evt: gr.SelectData):
        i = _row(evt)
        if i is None or i >= len(keys):
            return PICK_ROW
        snap = state.snapshot()
        return views.document_detail(snap.store, keys[i], snap.shown())

    def find_projects(text, period):
        snap = state.snapshot()
        rows, keys, status = views.projects(snap.store, text, period, snap.shown())
        return _frame(rows, views.PROJECT_HEAD), keys, status, PICK_ROW

    def project_row(keys, evt: gr.SelectData):
        i = _row(evt)
        if i is None or i >= len(keys):
            return PICK_ROW
        snap = state.snapshot()
        return views.project_detail(snap.store, keys[i], snap.shown())

    def find_tasks(period, field_):
        snap = state.snapshot()
        rows, items, status = views.tasks(snap.store, period, field_, snap.shown())
        return _frame(rows, views.TASK_HEAD), items, status, PICK_ROW

    def task_row(items, evt: gr.SelectData):
        i = _row(evt)
        if i is None or i >= len(items):
            return PICK_ROW
        return views.task_detail(state.snapshot().store, items[i])

    def find_figures(measure, period):
        snap = state.snapshot()
        rows, points, detail = views.figures(snap.store, measure, period, snap.shown())
        plot = gr.update(value=points, visible=points is not None)
        return _frame(rows, views.FIGURE_HEAD), plot, detail

    def pick_points(measure, period, evt: gr.SelectData):
        """A brush over the chart: the citations of the points inside it."""
        span = views.span_of(evt.index) if isinstance(evt.index, list | tuple) else None
        if span is None:
            return gr.skip()
        snap = state.snapshot()
        return views.figures(snap.store, measure, period, snap.shown(), span)[2]

    def all_points(measure, period):
        snap = state.snapshot()
        return views.figures(snap.store, measure, period, snap.shown())[2]

    def summarize(rid, section_, conv_):
        snap = state.snapshot()
        report = snap.store.report(rid) if rid else None
        if report is None:
            return "Hãy chọn một báo cáo.", EMPTY_PANEL
        section_ = (section_ or "").strip() or None
        if section_ and report.section(section_) is None:
            paths = ", ".join(s.path for s in report.sections)
            said = f"Báo cáo không có mục {escape_md(section_)}. Các mục: {escape_md(paths)}"
            return said, EMPTY_PANEL
        conv_.summary = api.summarize(snap, rid, section_)
        return chat_markdown(conv_.summary, "s"), EMPTY_PANEL  # its [n] open the panel

    def summary_cite(conv_, evt: gr.EventData):
        key = getattr(evt, "cite", None)
        return show_citation(state, conv_, key)[0] if key else gr.skip()

    private = {"api_visibility": "private"}
    for trigger in (doc_go.click, doc_q.submit):
        trigger(
            find_docs, [doc_q, doc_period], [doc_table, doc_keys, doc_status, doc_detail], **private
        )
    doc_table.select(doc_row, doc_keys, doc_detail, **private)
    for trigger in (prj_go.click, prj_q.submit):
        trigger(
            find_projects,
            [prj_q, prj_period],
            [prj_table, prj_keys, prj_status, prj_detail],
            **private,
        )
    prj_table.select(project_row, prj_keys, prj_detail, **private)
    task_go.click(
        find_tasks,
        [task_period, task_field],
        [task_table, task_rows, task_status, task_detail],
        **private,
    )
    task_table.select(task_row, task_rows, task_detail, **private)
    for trigger in (fig_go.click, fig_q.submit):
        trigger(find_figures, [fig_q, fig_period], [fig_table, fig_chart, fig_detail], **private)
    fig_chart.select(pick_points, [fig_q, fig_period], fig_detail, **private)
    fig_chart.double_click(all_points, [fig_q, fig_period], fig_detail, **private)
    go.click(summarize, [pick, section, conv], [summary, summary_panel], **private)
    summary_panel.click(summary_cite, conv, summary_panel, **private)
    # the lists fill in when the page opens, with whatever the index holds by then
    demo.load(
        find_docs, [doc_q, doc_period], [doc_table, doc_keys, doc_status, doc_detail], **private
    )
    demo.load(
        find_projects, [prj_q, prj_period], [prj_table, prj_keys, prj_status, prj_detail], **private
    )
    return [doc_period, prj_period, task_period, pick]

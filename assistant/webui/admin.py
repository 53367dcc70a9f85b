"""The "Báo cáo" tab (upload, the indexed reports, delete, re-index) and the "Cài đặt"
tab. Every privileged handler checks the role of the request itself: hiding a button
is for the eye, the check is what protects the index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.webui.assets import CONFIRM_DELETE_JS
from assistant.webui.auth import ADMIN
from assistant.webui.chat import report_choices
from assistant.webui.render import esc
from assistant.webui.state import AppState
from assistant.webui.upload import Batch, delete_report, reindex_report, run_batch

REPORT_HEAD = ["Số báo cáo", "Ngày", "Kỳ", "Tệp", "Đoạn chỉ mục", "Nạp lúc", "Mã"]
NOT_ADMIN = "Chỉ quản trị viên (vai trò admin) được tải lên, xóa hoặc nạp lại báo cáo."


def reports_table(state: AppState) -> list[list[str]]:
    infos = sorted(state.snapshot().store.reports(), key=lambda r: r.date, reverse=True)
    return [
        [
            r.number or "(chưa số)",
            "/".join(reversed(r.date.split("-"))),
            r.period,
            r.source,
            str(r.chunks),
            time.strftime("%H:%M %d/%m/%Y", time.localtime(r.ingested_at)),
            r.report_id,
        ]
        for r in infos
    ]


def batch_html(batch: Batch) -> str:
    rows = []
    for job in batch.jobs:
        name = esc(job.stored or job.name)
        if job.state in ("ok", "error"):
            mark = "✓" if job.state == "ok" else "✗"
            rows.append(
                f'<div class="ul-row {job.state}" data-state="{job.state}">{mark} <b>{name}</b>: '
                f"{esc(job.line)}</div>"
            )
        else:
            pct = f"{job.done}/{job.total} đoạn" if job.total else "đang đọc tệp…"
            if job.state == "waiting":
                pct = "đang chờ"
            rows.append(
                f'<div class="ul-row" data-state="{job.state}"><b>{name}</b>: {pct}'
                f'<progress max="{max(job.total, 1)}" value="{job.done}"></progress></div>'
            )
    return f'<div class="upload-lines">{"".join(rows)}</div>'


def settings_html(state: AppState, role: str) -> str:
    s = state.settings
    llm = s.llm_backend or "none"
    mode = (
        "trích dẫn nguyên văn (không dùng LLM)"
        if state.answerer.chat_model is None
        else f"LLM {llm}" + (f" · {s.llm_model}" if s.llm_model else "")
    )
    rows = [
        ("Cách trả lời", mode),
        ("Bộ nhúng (embedder)", state.embedder.name),
    ]
    if state.answerer.warning:
        rows.append(("Cảnh báo", state.answerer.warning))
    if role == ADMIN:
        rows += [
            ("LLM backend", llm),
            ("Máy chủ LLM", s.llm_base_url or "—"),
            ("Thư mục chỉ mục", str(Path(s.index_dir).resolve())),
            ("Thư mục tệp tải lên", str(state.uploads.resolve())),
            (
                "Giới hạn tải lên",
                f"{state.limits.max_files} tệp/lần, {state.limits.max_mb:g} MB/tệp",
            ),
            ("Định dạng nhận", ", ".join(state.limits.suffixes)),
            ("Đăng nhập", f"bật, {len(state.users)} người dùng" if state.users.enabled else "tắt"),
            (
                "Ngưỡng tin cậy để trả lời",
                "đã hiệu chỉnh" if s.min_confidence is None else f"{s.min_confidence:g}",
            ),
            ("Số đoạn xét mỗi câu hỏi", str(s.top_k)),
        ]
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    note = (
        "Chỉ đọc: đổi bằng biến môi trường ASSISTANT_* rồi khởi động lại."
        if role == ADMIN
        else "Đang dùng (chỉ đọc). Quản trị viên xem được đầy đủ cấu hình."
    )
    return f'<table class="settings-table">{body}</table><p><i>{esc(note)}</i></p>'


def build_admin_tab(
    state: AppState,
    on_change: list[gr.components.Component],
    updates: Callable[[], tuple],
):
    """The tab's components; `on_change` are components (the chat's filters) refreshed by
    `updates()` after the index changed. Returns (admin-only components, table, picker)
    for the page's load event."""
    gr.Markdown("Danh sách báo cáo đã nạp vào chỉ mục. " + NOT_ADMIN, elem_id="reports-note")
    with gr.Group(visible=False) as upload_box:
        files = gr.File(
            label=(
                f"Tải báo cáo lên ({', '.join(state.limits.suffixes)}; tối đa "
                f"{state.limits.max_files} tệp, {state.limits.max_mb:g} MB mỗi tệp)"
            ),
            file_count="multiple",
            file_types=list(state.limits.suffixes),
            elem_id="upload-files",
        )
        go = gr.Button("Nạp vào chỉ mục", variant="primary", elem_id="upload-go")
    lines = gr.HTML(elem_id="upload-result")
    table = gr.Dataframe(
        value=reports_table(state),
        headers=REPORT_HEAD,
        interactive=False,
        wrap=True,
        elem_id="reports-table",
        label="Báo cáo đã nạp",
    )
    with gr.Row(visible=False) as manage_box:
        pick = gr.Dropdown(
            report_choices(state.snapshot()),
            value=None,
            label="Chọn báo cáo",
            scale=3,
            elem_id="manage-pick",
        )
        delete = gr.Button("Xóa khỏi chỉ mục", variant="stop", scale=1, elem_id="delete-report")
        reindex = gr.Button("Nạp lại", scale=1, elem_id="reindex-report")
    manage_msg = gr.Markdown(elem_id="manage-msg")

    def refreshed():
        choices = report_choices(state.snapshot())
        return reports_table(state), gr.update(choices=choices, value=None), *updates()

    def upload(paths: list[str] | None, request: gr.Request, progress=gr.Progress()):  # noqa: B008
        if not state.is_admin(request):
            raise gr.Error(NOT_ADMIN)
        paths = [p for p in (paths or []) if p]
        if not paths:
            raise gr.Error("Hãy chọn ít nhất một tệp.")
        if len(paths) > state.limits.max_files:
            raise gr.Error(
                f"Tối đa {state.limits.max_files} tệp mỗi lần (ASSISTANT_UPLOAD_MAX_FILES); "
                f"đã chọn {len(paths)}."
            )
        batch = run_batch(state, [Path(p) for p in paths])
        skip = (gr.skip(),) * (2 + len(on_change))
        while not batch.finished.wait(0.3):
            running = next((j for j in batch.jobs if j.state == "running"), None)
            done = sum(j.state in ("ok", "error") for j in batch.jobs)
            if running and running.total:
                progress(
                    (done + running.done / running.total) / len(batch.jobs),
                    desc=f"{running.stored or running.name}: {running.done}/{running.total}",
                )
            yield batch_html(batch), *skip
        state.refresh()
        yield batch_html(batch), *refreshed()

    def remove(rid: str, request: gr.Request):
        if not state.is_admin(request):
            raise gr.Error(NOT_ADMIN)
        if not rid:
            return "Chưa chọn báo cáo (hoặc đã hủy).", *(gr.skip(),) * (2 + len(on_change))
        return delete_report(state, rid), *refreshed()

    def redo(rid: str, request: gr.Request):
        if not state.is_admin(request):
            raise gr.Error(NOT_ADMIN)
        if not rid:
            return "Chưa chọn báo cáo.", *(gr.skip(),) * (2 + len(on_change))
        return reindex_report(state, rid), *refreshed()

    go.click(
        upload,
        files,
        [lines, table, pick, *on_change],
        api_name="upload_reports",
        api_visibility="undocumented",
        concurrency_limit=1,
        concurrency_id="index-writes",
    )
    common: dict[str, Any] = {"concurrency_limit": 1, "concurrency_id": "index-writes"}
    delete.click(
        remove,
        pick,
        [manage_msg, table, pick, *on_change],
        js=CONFIRM_DELETE_JS,
        api_visibility="private",
        **common,
    )
    reindex.click(
        redo, pick, [manage_msg, table, pick, *on_change], api_visibility="private", **common
    )
    return [upload_box, manage_box], table, pick

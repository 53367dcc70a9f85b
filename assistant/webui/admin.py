"""The "Báo cáo" tab (upload, the indexed reports, delete, re-index) and the "Cài đặt"
tab. Every privileged handler checks the role of the request itself: hiding a button
is for the eye, the check is what protects the index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.api import period_phrase, shown_number
from assistant.webui.assets import CONFIRM_DELETE_JS, CONFIRM_SAMPLES_JS
from assistant.webui.auth import ADMIN
from assistant.webui.batch import Batch, delete_report, reindex_report, run_batch
from assistant.webui.chat import names, report_choices
from assistant.webui.plan import describe, needs_confirmation, plan_batch
from assistant.webui.render import esc
from assistant.webui.state import AppState
from assistant.webui.upload import UploadRefused, admit, discard

REPORT_HEAD = ["Báo cáo", "Số", "Ngày", "Kỳ", "Tệp", "Đoạn chỉ mục", "Nạp lúc", "Mã"]
NOT_ADMIN = "Chỉ quản trị viên (vai trò admin) được tải lên, xóa hoặc nạp lại báo cáo."


def reports_table(state: AppState) -> list[list[str]]:
    snap = state.snapshot()
    infos = sorted(snap.store.reports(), key=lambda r: r.date, reverse=True)
    return [
        [
            name,
            shown_number(r.number),
            "/".join(reversed(r.date.split("-"))),
            period_phrase(r.period) if r.period else "",
            r.source,
            str(r.chunks),
            time.strftime("%H:%M %d/%m/%Y", time.localtime(r.ingested_at)),
            r.report_id,
        ]
        for name, r in zip(names(snap, infos), infos, strict=True)
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
            pct = job.stage or (f"{job.done}/{job.total} đoạn" if job.total else "đang đọc tệp…")
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
            ("Máy chủ LLM", s.redact(s.llm_base_url) or "—"),
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
    with gr.Group(visible=False, elem_id="upload-confirm") as confirm_box:
        confirm_text = gr.Markdown(elem_id="upload-confirm-text")
        with gr.Row():
            keep = gr.Button("Giữ cả hai", elem_id="upload-keep")
            swap = gr.Button("Thay bản cũ", variant="stop", elem_id="upload-replace")
            cancel = gr.Button("Hủy", elem_id="upload-cancel")
    pending = gr.State(None)  # the files waiting for the user's answer (server side)
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
        has_samples = bool(state.snapshot().samples)
        drop_samples = gr.Button(
            "Xóa dữ liệu mẫu", scale=1, elem_id="delete-samples", visible=has_samples
        )
    manage_msg = gr.Markdown(elem_id="manage-msg")

    def refreshed():
        choices = report_choices(state.snapshot())
        return reports_table(state), gr.update(choices=choices, value=None), *updates()

    # the dialog closed: box, text, two buttons, the files it held
    hidden = (gr.update(visible=False), gr.skip(), gr.skip(), gr.skip(), None)

    def run(paths: list[str], user: str, replace: bool, progress: gr.Progress):
        """The batch's lines as it goes, then the refreshed table and filters."""
        batch = run_batch(state, [Path(p) for p in paths], user=user, replace=replace)
        skip = (gr.skip(),) * (2 + len(on_change))
        while not batch.finished.wait(0.3):
            running = next((j for j in batch.jobs if j.state == "running"), None)
            done = sum(j.state in ("ok", "error") for j in batch.jobs)
            if running and running.stage:
                progress(None, desc=f"{running.stored or running.name}: {running.stage}")
            elif running and running.total:
                progress(
                    (done + running.done / running.total) / len(batch.jobs),
                    desc=f"{running.stored or running.name}: {running.done}/{running.total}",
                )
            yield batch_html(batch), *skip, *hidden, gr.skip()
        state.refresh()
        yield batch_html(batch), *refreshed(), *hidden, None

    def upload(paths: list[str] | None, request: gr.Request, progress=gr.Progress()):  # noqa: B008
        """Files that would replace a report, or take long to embed, wait for the user's
        answer in the dialog; the others are ingested at once."""
        if not any(paths or []):  # a hint where the user looks, not an alarm
            hint = '<div class="ul-hint">Hãy chọn tệp báo cáo ở ô trên trước khi bấm Nạp.</div>'
            yield hint, *(gr.skip(),) * (2 + len(on_change)), *hidden, gr.skip()
            return
        try:
            files = admit(state, request.username, [p for p in (paths or []) if p])
        except UploadRefused as e:
            raise gr.Error(str(e)[:1].upper() + str(e)[1:]) from e

        def ocr_page(name: str, done: int, total: int) -> None:
            progress(done / max(total, 1), desc=f"{name}: OCR trang {done}/{total}")

        plans = plan_batch(state, files, ocr_page)
        if needs_confirmation(plans, state.limits.confirm_s):
            conflict = any(p.conflict for p in plans)
            lines = describe(plans, state.limits.max_chunks)
            ask = "Thay bản cũ hay giữ cả hai?" if conflict else "Tiếp tục nạp?"
            text = "\n".join(f"- {esc(line)}" for line in lines) + f"\n\n**{ask}**"
            yield (
                "", *(gr.skip(),) * (2 + len(on_change)),
                gr.update(visible=True), text,
                gr.update(value="Giữ cả hai" if conflict else "Tiếp tục"),
                gr.update(visible=conflict), [str(f) for f in files], gr.skip(),
            )  # fmt: skip
            return
        yield from run([str(f) for f in files], request.username or "", False, progress)

    def decided(replace: bool):
        def go_on(paths: list[str] | None, request: gr.Request, progress=gr.Progress()):  # noqa: B008
            if not state.is_admin(request):
                raise gr.Error(NOT_ADMIN)
            if not paths:
                raise gr.Error("Không còn tệp nào đang chờ; hãy chọn lại tệp.")
            yield from run(paths, request.username or "", replace, progress)

        return go_on

    def cancelled(paths: list[str] | None):
        discard(paths or [])
        skip = (gr.skip(),) * (2 + len(on_change))
        return "Đã hủy; chỉ mục không thay đổi.", *skip, *hidden, None

    def remove(rid: str, request: gr.Request):
        if not state.is_admin(request):
            raise gr.Error(NOT_ADMIN)
        if not rid:
            return "Chưa chọn báo cáo (hoặc đã hủy).", *(gr.skip(),) * (2 + len(on_change))
        return delete_report(state, rid), *refreshed()

    def remove_samples(go_on: bool, request: gr.Request):
        if not state.is_admin(request):
            raise gr.Error(NOT_ADMIN)
        if not go_on:
            return "Đã hủy.", *(gr.skip(),) * (2 + len(on_change)), gr.skip()
        said = [delete_report(state, rid) for rid in sorted(state.snapshot().samples)]
        return f"Đã xóa {len(said)} báo cáo mẫu.", *refreshed(), gr.update(visible=False)

    def redo(rid: str, request: gr.Request):
        if not state.is_admin(request):
            raise gr.Error(NOT_ADMIN)
        if not rid:
            return "Chưa chọn báo cáo.", *(gr.skip(),) * (2 + len(on_change))
        return reindex_report(state, rid), *refreshed()

    common: dict[str, Any] = {"concurrency_limit": 1, "concurrency_id": "index-writes"}
    outs = [lines, table, pick, *on_change, confirm_box, confirm_text, keep, swap, pending, files]
    go.click(upload, files, outs, api_name="upload_reports", api_visibility="undocumented",
             **common)  # fmt: skip
    keep.click(decided(False), pending, outs, api_visibility="private", **common)
    swap.click(decided(True), pending, outs, api_visibility="private", **common)
    cancel.click(cancelled, pending, outs, api_visibility="private")
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
    drop_samples.click(
        remove_samples,
        drop_samples,
        [manage_msg, table, pick, *on_change, drop_samples],
        js=CONFIRM_SAMPLES_JS,
        api_visibility="private",
        **common,
    )
    return [upload_box, manage_box], table, pick

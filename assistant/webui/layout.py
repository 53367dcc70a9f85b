"""The page: chat with filters and the citation panel, the views, reports, settings."""

from __future__ import annotations

import gradio as gr

from assistant.api import too_long
from assistant.webui import chat as chat_logic
from assistant.webui.admin import build_admin_tab, reports_table, settings_html
from assistant.webui.assets import COPY_JS, PANEL_JS, REPORT_JS
from assistant.webui.auth import ADMIN
from assistant.webui.briefing_ui import briefing_choices, build_briefing_tab
from assistant.webui.chat import Conversation
from assistant.webui.citations import EMPTY_PANEL
from assistant.webui.examples import example_questions
from assistant.webui.export import export_docx, export_markdown
from assistant.webui.render import esc
from assistant.webui.state import AppState
from assistant.webui.views_ui import build_views, view_choices

EXAMPLES = [
    "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?",
    "thang 11/2025 co bao nhieu vu tai nan giao thong",
    "Quyết định số 2514/QĐ-UBND về nội dung gì?",
    "Tháng 10/2025, 05 công trình được theo dõi thi công là những công trình nào?",
    "Tóm tắt công tác giải phóng mặt bằng tháng 12/2025",
]
ROLE_VN = {ADMIN: "quản trị", "lãnh đạo": "lãnh đạo", "cán bộ": "cán bộ"}


def filter_updates(state: AppState) -> tuple:
    """New choices for every picker after the index changed, or when a page opens: the
    chat's filters (values kept), its example questions, the views' pickers."""
    snap = state.snapshot()
    return (
        gr.update(choices=chat_logic.report_choices(snap)),
        gr.update(choices=chat_logic.period_choices(snap)),
        gr.update(choices=chat_logic.field_choices(snap)),
        gr.Dataset(samples=[[q] for q in examples_for(snap)]),  # gr.update(samples=) is ignored
        *view_choices(state),
        *briefing_choices(state),
    )


def examples_for(snap) -> list[str]:
    return example_questions(snap.store, snap.visible()) or EXAMPLES


def build(state: AppState) -> gr.Blocks:
    snap = state.snapshot()
    with gr.Blocks(title="Trợ lý Báo cáo") as demo:
        with gr.Row(equal_height=True, elem_id="header-row"):
            gr.Markdown(
                "## Trợ lý Báo cáo\nHỏi về số liệu, dự án, văn bản và nhiệm vụ trong báo cáo "
                "của UBND. Mỗi câu trả lời trích nguyên văn báo cáo; bấm **[n]** để xem đoạn gốc.",
                elem_id="app-title",
            )
            with gr.Column(scale=0, min_width=220):
                user_line = gr.HTML(elem_id="user-line")
                logout = gr.Button(
                    "Đăng xuất", link="/logout", size="sm", visible=False, elem_id="logout"
                )
        conv = gr.State(Conversation())
        with gr.Tabs(overflow_behavior="wrap"):  # a phone shows every tab, on two rows
            with gr.Tab("Hỏi đáp", id="chat-tab", elem_id="chat-tab"), gr.Row():
                with gr.Column(scale=3, min_width=340):
                    chat = gr.Chatbot(
                        label="Hỏi đáp",
                        height=560,
                        elem_id="chat",
                        latex_delimiters=[],
                        sanitize_html=True,
                        buttons=[],
                        placeholder="Đặt câu hỏi về các báo cáo đã nạp, hoặc chọn một câu hỏi mẫu.",
                    )
                    box = gr.Textbox(
                        label="Câu hỏi",
                        placeholder=(
                            "Ví dụ: Lũy kế thu NSNN đạt bao nhiêu? — hỏi tiếp: còn tháng 11?"
                        ),
                        autofocus=True,
                        elem_id="question",
                        max_length=state.settings.max_question_chars,
                    )
                    undo = gr.Button(
                        "↩ Hỏi đúng câu tôi gõ (không hiểu theo câu trước)",
                        visible=False,
                        size="sm",
                        elem_id="undo-reading",
                    )
                    with gr.Row():
                        send = gr.Button("Gửi", variant="primary", elem_id="send")
                        clear = gr.Button("Xóa hội thoại", elem_id="clear")
                        copy = gr.Button("Sao chép câu trả lời", elem_id="copy-answer")
                    examples = gr.Dataset(
                        components=[box],
                        samples=[[q] for q in examples_for(snap)],
                        label="Câu hỏi mẫu",
                        elem_id="examples",
                    )
                    with gr.Accordion("Xuất hội thoại kèm trích dẫn", open=False):
                        with gr.Row():
                            to_md = gr.Button("Xuất Markdown (.md)", elem_id="export-md")
                            to_docx = gr.Button("Xuất Word (.docx)", elem_id="export-docx")
                        exported = gr.File(label="Tệp xuất", elem_id="exported")
                    last_text = gr.Textbox(visible=False)
                with gr.Column(scale=2, min_width=300, elem_id="side"):
                    with gr.Accordion("Bộ lọc (áp dụng cho câu hỏi)", open=True):
                        pick_reports = gr.Dropdown(
                            chat_logic.report_choices(snap),
                            multiselect=True,
                            label="Báo cáo (để trống: tất cả)",
                            elem_id="filter-reports",
                        )
                        with gr.Row():
                            pick_period = gr.Dropdown(
                                chat_logic.period_choices(snap),
                                value="",
                                label="Kỳ báo cáo",
                                elem_id="filter-period",
                                min_width=140,
                            )
                            pick_field = gr.Dropdown(
                                chat_logic.field_choices(snap),
                                value="",
                                label="Lĩnh vực",
                                elem_id="filter-field",
                                min_width=140,
                            )
                    gr.Markdown("#### Đoạn trích dẫn")
                    panel = gr.HTML(EMPTY_PANEL, js_on_load=PANEL_JS, elem_id="cite-panel")
                    open_btn = gr.Button(
                        "Mở báo cáo", visible=False, size="sm", elem_id="open-report"
                    )
                    report_view = gr.HTML("", js_on_load=REPORT_JS, elem_id="report-view")
            view_pickers = build_views(state, demo, conv)
            briefing_pickers = build_briefing_tab(state)
            pickers = [pick_reports, pick_period, pick_field, examples, *view_pickers]
            pickers += briefing_pickers
            with gr.Tab("Báo cáo", id="reports-tab", elem_id="reports-tab"):
                admin_only, table, manage_pick = build_admin_tab(
                    state, pickers, lambda: filter_updates(state)
                )
            with gr.Tab("Cài đặt", id="settings-tab", elem_id="settings-tab"):
                settings_box = gr.HTML(elem_id="settings")

        # ---- chat ----
        def respond(message, history, conv_, reports, period, field_):
            yield from chat_logic.respond(state, message, history, conv_, reports, period, field_)

        chat_io = dict(
            fn=respond,
            inputs=[box, chat, conv, pick_reports, pick_period, pick_field],
            outputs=[chat, box, conv, last_text],
            api_visibility="private",
            concurrency_limit=state.chat_concurrency,
            concurrency_id="chat",
        )
        send.click(**chat_io).then(chat_logic.can_undo_update, conv, undo, api_visibility="private")
        box.submit(**chat_io).then(chat_logic.can_undo_update, conv, undo, api_visibility="private")
        for asked in (send.click, box.submit):  # a new question: the old passage goes
            asked(
                lambda: (EMPTY_PANEL, gr.update(visible=False), ""),
                None,
                [panel, open_btn, report_view],
                api_visibility="private",
                queue=False,
            )

        def undo_reading(history, conv_, reports, period, field_):
            yield from chat_logic.undo_reading(state, history, conv_, reports, period, field_)

        undo.click(
            undo_reading,
            [chat, conv, pick_reports, pick_period, pick_field],
            [chat, box, conv, last_text],
            api_visibility="private",
            concurrency_limit=state.chat_concurrency,
            concurrency_id="chat",
        ).then(chat_logic.can_undo_update, conv, undo, api_visibility="private")
        clear.click(
            lambda: (
                [],
                "",
                Conversation(),
                "",
                EMPTY_PANEL,
                gr.update(visible=False),
                "",
                gr.update(visible=False),
            ),
            None,
            [chat, box, conv, last_text, panel, open_btn, report_view, undo],
            api_visibility="private",
        )
        copy.click(None, last_text, None, js=COPY_JS)
        examples.click(lambda q: q[0], examples, box, api_visibility="private")

        def on_cite(conv_, evt: gr.EventData):
            key = getattr(evt, "cite", None)
            if not key:
                return gr.skip(), gr.skip(), gr.skip()
            html, openable = chat_logic.show_citation(state, conv_, key)
            return html, gr.update(visible=openable), ""

        panel.click(on_cite, conv, [panel, open_btn, report_view], api_visibility="private")
        open_btn.click(
            lambda c: chat_logic.open_report(state, c), conv, report_view, api_visibility="private"
        )
        to_md.click(
            lambda c: str(export_markdown(c)) if c.exchanges else None,
            conv,
            exported,
            api_visibility="private",
        )
        to_docx.click(
            lambda c: str(export_docx(c)) if c.exchanges else None,
            conv,
            exported,
            api_visibility="private",
        )

        # ---- who is here ----
        def on_load(request: gr.Request):
            role = state.role_of(request)
            name = getattr(request, "username", None)
            who = (
                f"Người dùng: <b>{esc(name)}</b> · vai trò: {esc(ROLE_VN.get(role, role))}"
                if name
                else f"Không đăng nhập · vai trò: {esc(ROLE_VN.get(role, role))}"
            )
            snap_ = state.snapshot()
            admin = role == ADMIN
            return (
                who,
                gr.update(visible=bool(name) and state.users.enabled),
                settings_html(state, role),
                reports_table(state),
                gr.update(choices=chat_logic.report_choices(snap_)),
                *filter_updates(state),
                *(gr.update(visible=admin) for _ in admin_only),
            )

        demo.load(
            on_load,
            None,
            [
                user_line,
                logout,
                settings_box,
                table,
                manage_pick,
                *pickers,
                *admin_only,
            ],
            api_visibility="private",
        )

        # ---- API for gradio_client ----
        def refusal(message: object) -> str | None:
            """Why `message` is not answered (the API takes whatever a client sends: null, a
            number, a whole document), or None; checked before anything is embedded."""
            if not isinstance(message, str) or not message.strip():
                return "Cần một câu hỏi dạng văn bản (chuỗi ký tự khác rỗng)."
            refused = too_long(message, state.settings)
            return refused.text if refused else None

        def ask(message: str) -> str:
            """Answer a question; the text carries [n] citation markers."""
            if why := refusal(message):
                return why
            return chat_logic.ask(state, message).text

        def ask_json(message: str) -> dict:
            """Answer a question; the JSON answer with its citations."""
            if why := refusal(message):
                limit = state.settings.max_question_chars
                return {
                    "question": message
                    if isinstance(message, str) and len(message) <= limit
                    else None,
                    "answer": why,
                    "insufficient": True,
                    "error": why,
                    "citations": [],
                }
            return chat_logic.ask(state, message).to_json()

        gr.api(ask, api_name="ask", concurrency_limit=state.chat_concurrency, concurrency_id="chat")
        gr.api(
            ask_json,
            api_name="ask_json",
            concurrency_limit=state.chat_concurrency,
            concurrency_id="chat",
        )
    return demo

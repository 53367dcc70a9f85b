"""Gradio chat: `python app.py`. Bound to 127.0.0.1 unless GRADIO_SERVER_NAME says otherwise;
ingests the bundled sample reports first when the index is empty.

API for gradio_client: `Client(url).predict("câu hỏi", api_name="/ask")` returns the answer
text with its [n] markers; `/ask_json` returns the full JSON answer with citations.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from assistant.answer import Answer
from assistant.dialogue import Turn, resolve
from assistant.generate import make_answerer
from assistant.render import source_line
from assistant.retrieve import HybridRetriever
from assistant.settings import Settings
from assistant.summarize import summarize_report
from index.embed import make_embedder
from index.ingest import ingest_paths
from index.store import Store

EXAMPLES = [
    "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?",
    "thang 11/2025 co bao nhieu vu tai nan giao thong",
    "Quyết định số 2514/QĐ-UBND về nội dung gì?",
    "Tháng 10/2025, 05 công trình được theo dõi thi công là những công trình nào?",
    "Tóm tắt công tác giải phóng mặt bằng tháng 12/2025",
]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def escape_md(text: str) -> str:
    """Source text is data: shown literally, never as Markdown or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(a: Answer) -> str:
    lines = [escape_md(a.text).replace(r"\[", "[").replace(r"\]", "]").replace("\n", "  \n")]
    if a.citations:
        lines += ["", "---", "**Nguồn trích dẫn**"]
    for c in a.citations:
        lines.append("")
        lines.append(f"**[{c.n}]** {escape_md(source_line(c))} · _{escape_md(c.file)}_")
        lines.append("> " + escape_md(c.text).replace("\n", "\n> "))
    return "\n".join(lines)


def prepare(settings: Settings) -> HybridRetriever:
    """Open the index; fill it with the bundled samples when it is empty."""
    store = Store(settings.index_dir, make_embedder(settings.embedder))
    if not store.reports() and settings.samples_dir.exists():
        print(f"Chỉ mục trống: nạp báo cáo mẫu từ {settings.samples_dir} …", file=sys.stderr)
        for r in ingest_paths(store, [settings.samples_dir], settings.max_bytes):
            print(f"  {Path(r.path).name}: {r.status} {r.message}", file=sys.stderr)
    return HybridRetriever(store, settings.candidates, settings.rrf_k)


def build(retriever: HybridRetriever, settings: Settings):
    import gradio as gr

    answerer = make_answerer(settings)
    if answerer.warning:
        print(f"! {answerer.warning}", file=sys.stderr)

    def ask_answer(message: str) -> Answer:
        return answerer(message, retriever)

    def ask(message: str) -> str:
        """Answer a question; the text carries [n] citation markers."""
        return ask_answer(message).text

    def ask_json(message: str) -> dict:
        """Answer a question; the JSON answer with its citations."""
        return ask_answer(message).to_json()

    def respond(message: str, history: list[dict], turns: list[Turn]):
        """Streams only verified text: with an LLM, each snapshot holds sentences whose
        figures were found in the passages they cite; the extractive answer comes whole."""
        message = (message or "").strip()
        if not message:
            yield history, "", turns
            return
        if answerer.chat_model is not None and turns:
            resolved = answerer.rewrite([(t.resolved, t.answer) for t in turns], message)
        else:
            resolved = resolve(message, turns)
        note = f"_(hiểu là: {escape_md(resolved)})_\n\n" if resolved != message else ""
        asked = [*history, {"role": "user", "content": escape_md(message)}]
        a = None
        for a in answerer.stream(resolved, retriever):
            reply = note + to_markdown(a)
            if a.reason:
                reply += f"\n\n_{escape_md(a.reason)}_"
            yield [*asked, {"role": "assistant", "content": reply}], "", turns
        if a is not None:
            turns = [*turns, Turn(message, resolved, a.text)][-20:]
            yield [*asked, {"role": "assistant", "content": reply}], "", turns

    def summarize(report_label: str, section: str):
        rid = labels.get(report_label)
        if not rid:
            return "Hãy chọn một báo cáo."
        report = retriever.store.report(rid)
        section = (section or "").strip() or None
        if section and report is not None and report.section(section) is None:
            paths = ", ".join(s.path for s in report.sections)
            return f"Báo cáo không có mục {escape_md(section)}. Các mục: {escape_md(paths)}"
        return to_markdown(summarize_report(retriever.store, rid, section))

    reports = retriever.store.reports()
    labels = {
        f"{r.number or r.source} — kỳ {r.period or '?'} ({r.source})": r.report_id
        for r in sorted(reports, key=lambda r: r.date, reverse=True)
    }
    listing = "\n".join(
        f"- {escape_md(r.number or r.source)} ngày {r.date[8:10]}/{r.date[5:7]}/{r.date[:4]} "
        f"(kỳ {escape_md(r.period)}) — {escape_md(r.source)}"
        for r in sorted(reports, key=lambda r: r.date)
    )
    with gr.Blocks(title="Trợ lý Báo cáo") as demo:
        gr.Markdown(
            "## Trợ lý Báo cáo\nHỏi về số liệu, dự án, văn bản và nhiệm vụ trong báo cáo của UBND. "
            "Mỗi câu trả lời trích nguyên văn đoạn báo cáo và ghi rõ nguồn [n]."
        )
        turns = gr.State([])
        with gr.Tab("Hỏi đáp"), gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Hỏi đáp", height=560, sanitize_html=True)
                box = gr.Textbox(
                    label="Câu hỏi",
                    placeholder="Ví dụ: Lũy kế thu NSNN đạt bao nhiêu? — hỏi tiếp: còn tháng 11?",
                    autofocus=True,
                    elem_id="question",
                )
                with gr.Row():
                    send = gr.Button("Gửi", variant="primary", elem_id="send")
                    clear = gr.Button("Xóa hội thoại")
                gr.Examples(EXAMPLES, inputs=box, label="Câu hỏi mẫu")
            with gr.Column(scale=1):
                gr.Markdown(f"**Báo cáo đã nạp ({len(reports)})**\n\n{listing or 'Chưa có.'}")
        with gr.Tab("Tóm tắt"):
            with gr.Row():
                pick = gr.Dropdown(
                    list(labels), value=next(iter(labels), None), label="Báo cáo", scale=3
                )
                section = gr.Textbox(label="Mục (để trống: cả báo cáo)", placeholder="I.3", scale=1)
                go = gr.Button("Tóm tắt", variant="primary", scale=1, elem_id="summarize")
            summary = gr.Markdown(elem_id="summary")
        send.click(respond, [box, chat, turns], [chat, box, turns], api_visibility="private")
        box.submit(respond, [box, chat, turns], [chat, box, turns], api_visibility="private")
        clear.click(lambda: ([], "", []), None, [chat, box, turns], api_visibility="private")
        go.click(summarize, [pick, section], summary, api_visibility="private")
        gr.api(ask, api_name="ask")
        gr.api(ask_json, api_name="ask_json")
    return demo


def main() -> None:
    settings = Settings()
    retriever = prepare(settings)
    demo = build(retriever, settings)
    demo.queue(default_concurrency_limit=4).launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        footer_links=["api"],
    )


if __name__ == "__main__":
    main()

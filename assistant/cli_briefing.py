"""Command line for the leader's monthly briefing:
`python -m assistant briefing --period 10/2025 [--issuer TEXT] [--json] [--docx FILE]
[--md FILE]`. Prints the briefing as text (every line with its [n] and the sources after),
or the JSON of the issue: {"period", "previous", "issuer", "items": [...]}."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.settings import Settings


def cmd_briefing(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.briefing import BriefingError, build_briefing
    from assistant.briefing.export import export_docx, export_markdown
    from assistant.cite import caption
    from assistant.cli_records import _ready, _store

    store = _store(settings)
    if not _ready(store, settings):
        return 2
    try:
        b = build_briefing(store, args.period, issuer=args.issuer)
    except BriefingError as e:
        print(str(e), file=sys.stderr)
        return 1
    if args.docx:
        print(f"Đã lưu bản tin: {export_docx(b, args.docx)}", file=sys.stderr)
    if args.md:
        print(f"Đã lưu bản tin: {export_markdown(b, args.md)}", file=sys.stderr)
    if b.note:
        print(f"! {b.note}", file=sys.stderr)
    if args.json:
        print(json.dumps(b.to_json(), ensure_ascii=False, indent=1))
        return 0
    print("\n".join(b.lines()))
    if b.citations:
        print("\nNguồn:")
        for c in b.citations:
            print(f"[{c.n}] {caption(c)}")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the `briefing` subcommand to `python -m assistant`."""
    from assistant.cli_records import period_arg, text_arg

    s = sub.add_parser(
        "briefing",
        parents=[common],
        help="bản tin tháng: thay đổi so với kỳ trước, dự án, nhiệm vụ, văn bản mới",
    )
    s.add_argument("--period", required=True, type=period_arg, help="kỳ của bản tin, ví dụ 10/2025")
    s.add_argument("--issuer", type=text_arg, help="cơ quan ban hành (mặc định: chuỗi dài nhất)")
    s.add_argument("--json", action="store_true", help="in bản tin dạng JSON")
    s.add_argument("--docx", type=Path, help="lưu bản tin ra tệp Word (.docx)")
    s.add_argument("--md", type=Path, help="lưu bản tin ra tệp Markdown (.md)")
    s.set_defaults(func=cmd_briefing)

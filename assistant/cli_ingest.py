"""Command line: `python -m assistant ingest PATH… [--replace]`, files and folders read,
parsed, embedded and committed with a progress bar per file (and per scanned page), each
result on one line. `register(sub, common)` adds it to `python -m assistant`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.settings import Settings


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from assistant.cli import _store
    from assistant.render import printable as safe_name
    from index import ocr
    from index.ingest import ingest_paths, scan
    from index.parse import supported_suffixes

    store = _store(settings)
    files, skipped = scan(args.paths)
    for r in skipped:
        print(f"• {safe_name(Path(r.path).name)}: {r.message}", file=sys.stderr)
    if not files:
        kinds = ", ".join(supported_suffixes())
        print(f"Không tìm thấy tệp báo cáo nào ({kinds}).", file=sys.stderr)
        return 2
    bar = tqdm(total=len(files), unit="tệp", desc="Nạp báo cáo", file=sys.stderr)
    inner: dict[str, tqdm] = {}

    def progress(name: str, done: int, total: int) -> None:
        name = safe_name(name)
        if name not in inner:
            inner[name] = tqdm(
                total=total, unit="đoạn", desc=f"  {name[:40]}", leave=False, file=sys.stderr
            )
        inner[name].n = done
        inner[name].refresh()
        if done >= total:  # its result comes when its batch is committed
            inner.pop(name).close()

    def on_result(r) -> None:
        name = safe_name(Path(r.path).name)
        if name in inner:
            inner.pop(name).close()
        bar.update(1)
        if r.status == "error":
            tqdm.write(f"✗ {name}: {r.message}", file=sys.stderr)
        elif r.status in ("added", "replaced"):
            verb = "đã nạp" if r.status == "added" else "đã nạp lại"
            tqdm.write(
                f"✓ {name}: {verb} — {r.sections} mục, {r.footnotes} chú thích, {r.chunks} đoạn"
                + (f" ({r.message})" if r.message else "")
                + (" — dùng --replace để thay bản cũ" if r.kept_twins else ""),
                file=sys.stderr,
            )
        else:
            tqdm.write(f"• {name}: {r.message}", file=sys.stderr)
        for w in r.warnings:
            tqdm.write(f"  ! {name}: {w}", file=sys.stderr)

    def ocr_page(name: str, done: int, total: int) -> None:  # "OCR trang 3/15" per scan
        key = safe_name(name) + " (OCR)"
        if key not in inner:
            desc = f"  {safe_name(name)[:30]} OCR"
            inner[key] = tqdm(total=total, unit="trang", desc=desc, leave=False, file=sys.stderr)
        inner[key].n = done
        inner[key].refresh()
        if done >= total:
            inner.pop(key).close()

    with ocr.using(ocr.OcrOptions.from_settings(settings, on_page=ocr_page)):
        results = ingest_paths(
            store, files, settings.max_bytes, progress, on_result, args.replace,
            settings.max_chunks_per_report, settings.commit_every,
        )  # fmt: skip
    bar.close()
    failed = sum(not r.ok for r in results)
    print(
        f"{len(results) - failed}/{len(results)} tệp thành công; chỉ mục: {settings.index_dir}",
        file=sys.stderr,
    )
    return 1 if failed else 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add `ingest` to `python -m assistant`."""
    s = sub.add_parser("ingest", parents=[common], help="nạp tệp hoặc thư mục báo cáo")
    s.add_argument("paths", nargs="+", type=Path)
    s.add_argument(
        "--replace",
        action="store_true",
        help="thay báo cáo đã có cùng số, ngày và cơ quan ban hành (mặc định: giữ cả hai)",
    )
    s.set_defaults(func=cmd_ingest)

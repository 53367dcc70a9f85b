"""The README's screenshots, taken from real reports: the samples plus the reports in
../shared (Lạng Sơn, Lâm Đồng), as an office would have them after `make run` and an upload.

    .venv/bin/python docs/screenshots.py [--code DIR] [--out DIR] [--index DIR]

`--code` runs another checkout's app (a git worktree of an older commit) on an index it
builds itself, for before/after pictures. Needs Debian's Chromium (see the README).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "webui"), str(ROOT)]

from conftest import running_app  # noqa: E402
from webui_helpers import ask, browser, open_page, wait_for_app  # noqa: E402

REAL = [
    SHARED / "corpus" / "langson-2023-12-bc1250.txt",
    SHARED / "corpus" / "real",
    SHARED / "corpus-extra",
]


def build_index(code: Path, index: Path) -> None:
    """The samples first (as `make run` does), then the real reports."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    for what in [ROOT / "samples", *(p for p in REAL if p.exists())]:
        subprocess.run(
            [sys.executable, "-m", "assistant", "ingest", str(what), "--index", str(index)],
            cwd=code, env=env, check=False, stdout=subprocess.DEVNULL,
        )  # fmt: skip


def _tab(page, name: str) -> None:
    tab = page.get_by_role("tab", name=name)
    if not tab.is_visible():
        page.locator("button[aria-label='Các thẻ khác'], button[aria-label='More tabs']").click()
        tab = page.locator(f'button:text-is("{name}"):visible').last
    tab.click()
    page.wait_for_timeout(800)


def take(url: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with browser(viewport={"width": 1400, "height": 900}) as ctx:
        page = open_page(ctx, url)
        wait_for_app(page)
        ask(page, "Lũy kế thu ngân sách thành phố Lạng Sơn tháng 12/2023 đạt bao nhiêu?", 0)
        page.locator("#chat a[href^='#cite-0-']").first.click()
        page.wait_for_timeout(1200)
        page.screenshot(path=str(out / "chat.png"))
        _tab(page, "Văn bản")
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out / "documents.png"))
        _tab(page, "Số liệu")
        page.fill("#fig-q textarea", "thu ngân sách")
        page.click("#fig-go")
        page.wait_for_timeout(3000)
        page.screenshot(path=str(out / "views.png"), full_page=True)
        _tab(page, "Tóm tắt")
        page.click("#summarize")
        page.wait_for_timeout(2500)
        page.screenshot(path=str(out / "summary.png"))
    with browser(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as ctx:
        page = open_page(ctx, url)
        wait_for_app(page)
        _tab(page, "Văn bản")
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out / "phone.png"), full_page=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", type=Path, default=ROOT)
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--index", type=Path, help="an index built earlier (kept)")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} không tồn tại: ảnh chụp cần các báo cáo thật trong shared/.")
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or Path(tmp) / "index"
        if not (index / "manifest.json").exists():
            build_index(args.code, index)
        env = {**os.environ, "PYTHONPATH": str(args.code)}
        with running_app(index, env, Path(tmp) / "app", code=args.code) as app:
            take(app.url, args.out)
    print(f"ảnh đã lưu vào {args.out}")


if __name__ == "__main__":
    main()

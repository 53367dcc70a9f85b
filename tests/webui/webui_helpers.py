"""Shared by the web UI tests: start `python app.py` on a copy of the sample index, find a
browser, write the small reports the tests upload."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, RunningApp, running_app  # noqa: F401  (re-exported for the tests)

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def users_file(folder: Path, users: dict[str, tuple[str, str]]) -> Path:
    """A users file: name → (password, role), hashed as an admin would."""
    from assistant.webui.auth import hash_password

    path = folder / "users.json"
    data = {name: {"hash": hash_password(pw), "role": role} for name, (pw, role) in users.items()}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ---- the browser -------------------------------------------------------------------------


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "chromium"):
        if candidate and (found := shutil.which(candidate)):
            return found
    pytest.skip("no Chromium executable (apt-get install chromium; .ci/run does as root)")


@contextlib.contextmanager
def browser(**context: object) -> Iterator[object]:
    """A Playwright browser context in Debian's headless Chromium with a fresh profile."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[dev]')")
    executable = chromium_path()
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                profile,
                executable_path=executable,
                args=CHROMIUM_FLAGS,
                headless=True,
                locale="vi-VN",
                **context,
            )
            try:
                yield ctx
            finally:
                ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def open_page(ctx, url: str):
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    page.set_default_timeout(30_000)
    page.goto(url, wait_until="load")
    return page


def wait_for_app(page) -> None:
    page.wait_for_selector("#question textarea")


def shot(page, name: str, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def ask(page, question: str, index: int) -> None:
    """Type a question, send it, wait for answer number `index` (0-based)."""
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(
        "n => document.querySelectorAll('#chat [data-testid=bot]').length > n",
        arg=index,
    )
    page.wait_for_timeout(500)  # the last snapshot of a streamed answer


def last_answer(page) -> str:
    return page.locator('#chat [data-testid="bot"]').last.inner_text()


# ---- reports to upload ---------------------------------------------------------------------

REPORT_HEAD = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ SÔNG MAI\n\nSố: {number}/BC-UBND\n\n"
    "TP. Sông Mai, ngày 20 tháng 1 năm 2026\n\nBÁO CÁO\n\n"
    "Tình hình phát triển kinh tế - xã hội tháng 01/2026\n\n"
)

XSS_LINES = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "[bấm vào đây](javascript:window.__xss=3) và ![ảnh](http://203.0.113.7/x.png)",
]


def xss_report(folder: Path) -> Path:
    """A report whose text carries a script, an image with onerror, Markdown link/image."""
    body = (
        REPORT_HEAD.format(number="66")
        + "I. KẾT QUẢ\n\n1. Văn hóa - xã hội\n\n"
        + "Trong tháng 01/2026 thư viện thành phố phục vụ 6.543 lượt bạn đọc "
        + f"{XSS_LINES[0]} {XSS_LINES[1]} {XSS_LINES[2]}.\n\n"
        + "Các hoạt động văn hóa diễn ra sôi nổi, an toàn.\n"
    )
    path = folder / "bao-cao-<img src=x onerror=alert(1)>.txt"
    path.write_text(body, encoding="utf-8")
    return path


def docx_report(folder: Path) -> Path:
    """A small Word report with a fact no sample report has (777 cây xanh)."""
    import docx

    doc = docx.Document()
    for line in REPORT_HEAD.format(number="77").strip().split("\n\n"):
        for part in line.split("\n"):
            doc.add_paragraph(part)
    doc.add_paragraph("I. KẾT QUẢ ĐẠT ĐƯỢC")
    doc.add_paragraph("1. Quản lý đô thị")
    doc.add_paragraph(
        "Trong tháng 01/2026, thành phố đã trồng mới 777 cây xanh bóng mát trên các tuyến "
        "phố trung tâm, với tổng kinh phí 1.234 triệu đồng."
    )
    doc.add_paragraph("2. Văn hóa - xã hội")
    doc.add_paragraph("Tổ chức thành công Lễ hội hoa đào xuân Bính Ngọ với 12.000 lượt khách.")
    path = folder / "bao-cao-thang-01-2026.docx"
    doc.save(path)
    return path

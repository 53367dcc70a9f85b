"""The app in a real browser (Debian's headless Chromium driven by Playwright): an answer
with citations, the cited passage highlighted in the side panel and in the whole report,
upload of a .docx and a question about it, a report full of markup that stays inert, the
phone layout, export and copy. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re

import pytest
from webui_helpers import (
    XSS_LINES,
    ask,
    browser,
    chromium_path,
    docx_report,
    last_answer,
    open_page,
    running_app,
    shot,
    wait_for_app,
    xss_report,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app(sample_index, subprocess_env, tmp_path_factory):
    chromium_path()  # skip before starting anything when there is no browser
    with running_app(sample_index.path, subprocess_env, tmp_path_factory.mktemp("ui")) as running:
        yield running


def upload(page, path) -> str:
    """Upload one file from the "Báo cáo" tab; returns its result line."""
    page.get_by_role("tab", name="Báo cáo").click()
    page.set_input_files("#upload-files input[type=file]", str(path))
    page.wait_for_selector("#upload-files .file-preview, #upload-files table")
    page.click("#upload-go")
    row = page.wait_for_selector(
        "#upload-result .ul-row[data-state=ok], #upload-result .ul-row[data-state=error]",
        timeout=120_000,
    )
    text = row.inner_text()
    page.get_by_role("tab", name="Hỏi đáp").click()
    return text


def test_answer_citation_panel_and_report(app) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        ask(page, "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", 0)
        answer = last_answer(page)
        assert "386.808" in answer and "[1]" in answer
        assert "Báo cáo số 1123/BC-UBND" in answer  # the source line under the answer
        page.click("#chat a[href='#cite-0-1']")
        mark = page.wait_for_selector("#cite-panel mark.hl")
        assert "386.808" in mark.inner_text()
        panel = page.inner_text("#cite-panel")
        assert "1123/BC-UBND" in panel and "16/12/2025" in panel and "I.1" in panel
        page.click("#open-report")
        target = page.wait_for_selector("#report-view .target mark.hl")
        assert "386.808" in target.inner_text()
        box = page.locator("#report-view .report-view")
        assert box.evaluate("el => el.scrollHeight > el.clientHeight")  # a long report
        visible = page.evaluate(
            """() => { const t = document.querySelector('#report-view .target');
                       const v = document.querySelector('#report-view .report-view');
                       const b = v.getBoundingClientRect();
                       const r = t.getBoundingClientRect();
                       return r.bottom > b.top && r.top < b.bottom; }"""
        )
        assert visible, "the cited paragraph is scrolled into view"
        shot(page, "chat-citation-panel")


def test_follow_up_filters_export_and_copy(app) -> None:
    with browser(
        viewport={"width": 1366, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    ) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        # the period filter confines retrieval to the October report
        page.click("#filter-period input")
        page.get_by_role("option", name="Tháng 10/2025").click()
        ask(page, "Lũy kế thu NSNN đạt bao nhiêu?", 0)
        answer = last_answer(page)
        assert "312.640" in answer and "386.808" not in answer
        assert "kỳ 10/2025" in answer  # the filter is said in the answer
        page.click("#copy-answer")
        page.wait_for_function(
            "() => document.querySelector('#copy-answer').textContent.includes('✓')"
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "312.640" in copied and "[1]" in copied and "Nguồn:" in copied
        page.get_by_text("Xuất hội thoại kèm trích dẫn").click()
        page.click("#export-docx")
        link = page.wait_for_selector("#exported a[href*='.docx'], #exported a[download]")
        assert ".docx" in (link.get_attribute("href") or "") + link.inner_text()


def test_follow_up_is_shown_as_read_and_can_be_undone(app) -> None:
    """A follow-up shows what it was read as; one click asks the question as typed."""
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        ask(page, "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", 0)
        assert not page.locator("#undo-reading").is_visible()
        ask(page, "còn tháng 11 thì sao?", 1)
        answer = last_answer(page)
        assert "hiểu là" in answer and "11/2025" in answer and "343.848" in answer
        page.wait_for_selector("#undo-reading", state="visible")
        shot(page, "follow-up-understood-as")
        page.click("#undo-reading")
        page.wait_for_function(
            "() => !document.querySelector('#chat [data-testid=bot]:last-of-type')"
            "?.innerText.includes('hiểu là')"
        )
        page.wait_for_timeout(500)
        bots = page.locator('#chat [data-testid="bot"]')
        assert bots.count() == 2  # the reading was replaced, not added to
        assert "hiểu là" not in last_answer(page)
        page.wait_for_selector("#undo-reading", state="hidden")


def test_upload_docx_then_ask(app, tmp_path) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        line = upload(page, docx_report(tmp_path))
        assert "đã nạp" in line and "đoạn chỉ mục" in line and "mục" in line, line
        shot(page, "upload-docx")
        ask(page, "Tháng 01/2026 thành phố trồng mới bao nhiêu cây xanh?", 0)
        answer = last_answer(page)
        assert "777 cây xanh" in answer, answer
        assert "77/BC-UBND" in answer
    stored = list((app.index / "uploads").glob("*.docx"))
    assert [p.name for p in stored] == ["bao-cao-thang-01-2026.docx"]


def test_markup_in_a_report_stays_inert(app, tmp_path) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        page.add_init_script("window.__xss = undefined;")
        wait_for_app(page)
        line = upload(page, xss_report(tmp_path))
        assert "đã nạp" in line, line
        # the uploaded name was neutralised: no angle brackets, no path parts
        assert not any("<" in p.name for p in (app.index / "uploads").iterdir())
        ask(page, "Tháng 01/2026 thư viện phục vụ bao nhiêu lượt bạn đọc?", 0)
        answer = last_answer(page)
        assert "6.543" in answer, answer
        for literal in XSS_LINES:
            assert literal in answer, (literal, answer)  # shown as the characters they are
        page.click("#chat a[href='#cite-0-1']")
        page.wait_for_selector("#cite-panel .passage")
        panel = page.inner_text("#cite-panel")
        assert XSS_LINES[0] in panel and XSS_LINES[1] in panel
        page.click("#open-report")
        page.wait_for_selector("#report-view .target")
        assert XSS_LINES[1] in page.inner_text("#report-view")
        shot(page, "xss-report-inert", full_page=True)
        page.get_by_role("tab", name="Báo cáo").click()
        page.wait_for_timeout(500)
        assert page.evaluate("window.__xss") is None
        assert page.locator("#chat img, #cite-panel img, #report-view img").count() == 0
        assert page.locator("#chat a[href^='javascript'], #cite-panel a").count() == 0
        shot(page, "xss-reports-table")


def test_phone_width_layout(app) -> None:
    with browser(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        ask(page, "thang 11/2025 co bao nhieu vu tai nan giao thong", 0)
        page.click("#chat a[href='#cite-0-1']")
        page.wait_for_selector("#cite-panel .passage")
        page.wait_for_timeout(800)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 392, f"page is {overflow}px wide on a 390px screen"
        # the panel sits under the chat and was scrolled into view
        top = page.evaluate("document.querySelector('#cite-panel').getBoundingClientRect().top")
        assert 0 <= top < 844
        shot(page, "phone-390")


def test_views_tabs(app) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        page.get_by_role("tab", name="Số liệu").click()
        page.fill("#fig-q textarea", "lũy kế thu NSNN")
        page.click("#fig-go")
        page.wait_for_selector("#figures-tab .cite-card mark.hl")
        text = page.inner_text("#figures-tab")
        assert all(v in text for v in ("312.640", "343.848", "386.808"))
        shot(page, "views-figures", full_page=True)
        page.get_by_role("tab", name="Văn bản").click()
        page.fill("#doc-q textarea", "2514/QĐ-UBND")
        page.click("#doc-go")
        page.wait_for_function(
            "() => document.querySelector('#docs-tab').innerText.includes('1 văn bản')"
        )
        page.locator("#docs-tab").get_by_text("2514/QĐ-UBND", exact=True).last.click()
        page.wait_for_selector("#docs-tab .cite-card")
        assert re.search(r"912/BC-UBND", page.inner_text("#docs-tab"))

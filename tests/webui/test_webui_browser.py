"""The app in a real browser (Debian's headless Chromium driven by Playwright): an answer
with citations, the cited passage highlighted in the side panel and in the whole report,
upload of a .docx and a question about it, a report full of markup that stays inert, the
phone layout, export and copy. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re

import pytest
from webui_helpers import (
    REPORT_HEAD,
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

from index.vn import fold

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app(sample_index, subprocess_env, tmp_path_factory):
    chromium_path()  # skip before starting anything when there is no browser
    with running_app(sample_index.path, subprocess_env, tmp_path_factory.mktemp("ui")) as running:
        yield running


@pytest.fixture(scope="module")
def upload_app(sample_index, subprocess_env, tmp_path_factory):
    """An app of its own for the tests that upload real reports: once one is in, the
    samples are left out of answers, which would change what the other tests see."""
    with running_app(sample_index.path, subprocess_env, tmp_path_factory.mktemp("up")) as running:
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


def test_upload_docx_then_ask(upload_app, tmp_path) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, upload_app.url)
        wait_for_app(page)
        line = upload(page, docx_report(tmp_path))
        assert "đã nạp" in line and "đoạn chỉ mục" in line and "mục" in line, line
        shot(page, "upload-docx")
        ask(page, "Tháng 01/2026 thành phố trồng mới bao nhiêu cây xanh?", 0)
        answer = last_answer(page)
        assert "777 cây xanh" in answer, answer
        assert "77/BC-UBND" in answer
    stored = list((upload_app.index / "uploads").glob("*.docx"))
    assert [p.name for p in stored] == ["bao-cao-thang-01-2026.docx"]


def _monthly(folder, number: int, fact: str):
    """Another office's monthly report saved, as clerks do, as plain 'bao-cao.txt'."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bao-cao.txt"
    path.write_text(
        REPORT_HEAD.format(number=number) + f"I. KẾT QUẢ\n\n1. Kinh tế\n\n{fact}\n", "utf-8"
    )
    return path


def _choose(page, path, button: str) -> str:
    """Upload `path`, expect the dialog, press `button`; returns the result line."""
    page.set_input_files("#upload-files input[type=file]", str(path))
    page.wait_for_selector("#upload-files .file-preview, #upload-files table")
    page.click("#upload-go")
    page.wait_for_selector("#upload-confirm", state="visible", timeout=60_000)
    assert "đã có tệp cùng tên" in page.inner_text("#upload-confirm-text")
    shot(page, f"upload-same-name-{button}")
    page.click(f"#{button}")
    row = page.wait_for_selector("#upload-result .ul-row[data-state=ok]", timeout=120_000)
    return row.inner_text()


def test_same_file_name_asks_and_keeps_both_unless_told(upload_app, tmp_path) -> None:
    first = _monthly(tmp_path / "a", 81, "Doanh thu du lịch đạt 81.811 triệu đồng.")
    second = _monthly(tmp_path / "b", 82, "Doanh thu du lịch đạt 82.822 triệu đồng.")
    third = _monthly(tmp_path / "c", 83, "Doanh thu du lịch đạt 83.833 triệu đồng.")
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, upload_app.url)
        wait_for_app(page)
        page.get_by_role("tab", name="Báo cáo").click()
        assert "đã nạp" in upload(page, first)
        page.get_by_role("tab", name="Báo cáo").click()
        line = _choose(page, second, "upload-keep")
        assert "giữ cả hai" in line and "bao-cao (2).txt" in line, line
        table = page.inner_text("#reports-table")
        assert "81/BC-UBND" in table and "82/BC-UBND" in table, table
        line = _choose(page, third, "upload-replace")
        assert "thay bản cũ" in line, line
        page.wait_for_function(
            "!document.querySelector('#reports-table').innerText.includes('81/BC-UBND')"
        )
        table = page.inner_text("#reports-table")
        assert "82/BC-UBND" in table and "83/BC-UBND" in table, table
    stored = sorted(p.name for p in (upload_app.index / "uploads").glob("bao-cao*.txt"))
    assert stored == ["bao-cao (2).txt", "bao-cao.txt"]
    assert "83.833" in (upload_app.index / "uploads" / "bao-cao.txt").read_text("utf-8")


def test_markup_in_a_report_stays_inert(upload_app, tmp_path) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, upload_app.url)
        page.add_init_script("window.__xss = undefined;")
        wait_for_app(page)
        line = upload(page, xss_report(tmp_path))
        assert "đã nạp" in line, line
        # the uploaded name was neutralised: no angle brackets, no path parts
        assert not any("<" in p.name for p in (upload_app.index / "uploads").iterdir())
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


def test_samples_are_marked_and_left_out_once_real_reports_are_in(upload_app, tmp_path) -> None:
    real = tmp_path / "bao-cao-91.txt"
    real.write_text(
        REPORT_HEAD.format(number=91)
        + "I. KẾT QUẢ\n\n1. Kinh tế\n\nThu ngân sách nhà nước đạt 91.919 triệu đồng.\n",
        "utf-8",
    )
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, upload_app.url)
        wait_for_app(page)
        page.get_by_role("tab", name="Báo cáo").click()
        page.set_input_files("#upload-files input[type=file]", str(real))
        page.wait_for_selector("#upload-files .file-preview, #upload-files table")
        page.click("#upload-go")
        page.wait_for_selector("#upload-result .ul-row[data-state=ok]", timeout=120_000)
        table = page.inner_text("#reports-table")
        assert "dữ liệu mẫu" in table and "91/BC-UBND" in table, table
        page.reload()
        wait_for_app(page)
        examples = page.inner_text("#examples")
        assert "01/2026" in examples, examples  # written from the real reports
        assert not any(f"{m}/2025" in examples for m in (10, 11, 12)), examples
        ask(page, "Tháng 11/2025 có bao nhiêu vụ tai nạn giao thông?", 0)
        assert "1015/BC-UBND" not in last_answer(page)  # a sample is not an answer
        page.click("#filter-reports input")
        page.keyboard.type("1015")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        ask(page, "Tháng 11/2025 có bao nhiêu vụ tai nạn giao thông?", 1)
        assert "1015/BC-UBND" in last_answer(page)  # unless chosen
        shot(page, "samples-chosen")
        page.get_by_role("tab", name="Báo cáo").click()
        page.once("dialog", lambda d: d.accept())
        page.click("#delete-samples")
        page.wait_for_function(
            "!document.querySelector('#reports-table').innerText.includes('dữ liệu mẫu')"
        )
        assert "91/BC-UBND" in page.inner_text("#reports-table")


def test_a_scanned_report_answers_with_its_page_image(upload_app) -> None:
    import shutil

    from conftest import TESTS

    if not shutil.which("tesseract"):
        pytest.skip("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
    scan = TESTS / "data" / "scans" / "songmai-2025-12-scan.pdf"
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, upload_app.url)
        wait_for_app(page)
        line = upload(page, scan)
        assert "đã nạp" in line, line
        page.click("#filter-reports input")  # it is a Sông Mai scan: choose it explicitly
        page.keyboard.type("scan.pdf")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        ask(page, "Tổ chức Hội chợ hàng Việt năm 2025 có bao nhiêu gian hàng?", 0)
        answer = last_answer(page)
        assert "126 gian hàng" in answer and "OCR" in answer, answer
        page.click("#chat a[href='#cite-0-1']")
        page.wait_for_selector("#cite-panel .scan-page img", timeout=60_000)
        assert "độ tin cậy" in page.inner_text("#cite-panel")
        shot(page, "scan-citation", full_page=True)


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
        # a brush around the middle point (11/2025) opens that point's citation alone
        page.wait_for_selector("#fig-chart canvas, #fig-chart svg")
        box = page.locator("#fig-chart canvas, #fig-chart svg").first.bounding_box()
        mid_x, mid_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(mid_x - 40, mid_y)
        page.mouse.down()
        page.mouse.move(mid_x + 40, mid_y, steps=8)
        page.mouse.up()
        page.wait_for_function(
            "() => document.querySelector('#fig-detail').innerText.includes('điểm đã chọn')"
        )
        picked = page.inner_text("#fig-detail")
        assert "343.848" in picked and "312.640" not in picked and "386.808" not in picked
        page.get_by_role("tab", name="Văn bản").click()
        page.fill("#doc-q textarea", "2514/QĐ-UBND")
        page.click("#doc-go")
        page.wait_for_function(
            "() => document.querySelector('#docs-tab').innerText.includes('1 văn bản')"
        )
        page.locator("#docs-tab").get_by_text("2514/QĐ-UBND", exact=True).last.click()
        page.wait_for_selector("#docs-tab .cite-card")
        assert re.search(r"912/BC-UBND", page.inner_text("#docs-tab"))


def test_briefing_tab(app) -> None:
    """The leader's briefing of the newest month: every section, the arithmetic on cited
    figures, a [n] opening its passage beside it, another month, export to Word."""
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        page.get_by_role("tab", name="Bản tin").click()
        page.click("#briefing-go")  # the newest month is chosen when the page opens
        page.wait_for_selector("#briefing a[href^='#cite-b-']")
        text = page.inner_text("#briefing")
        assert "Bản tin tháng 01/2026" in text and "so với tháng 12/2025" in text, text
        for section in ("Số liệu chính", "Dự án", "Nhiệm vụ", "Văn bản mới", "Cần chú ý"):
            assert section in text
        assert "45.380 − 42.960 = 2.420 triệu đồng (+5,6%)" in text
        link = page.locator("#briefing a[href^='#cite-b-']").first
        n = link.get_attribute("href").rpartition("-")[2]
        link.click()
        mark = page.wait_for_selector("#briefing-panel mark.hl")
        assert mark.inner_text().strip()
        assert f"[{n}]" in page.inner_text("#briefing-panel .cite-title")
        shot(page, "briefing-tab", full_page=True)
        page.click("#briefing-docx")
        saved = page.wait_for_selector(
            "#briefing-file a[href*='.docx'], #briefing-file a[download]"
        )
        assert ".docx" in (saved.get_attribute("href") or "") + saved.inner_text()
        page.click("#briefing-period input")
        page.get_by_role("option", name="Tháng 11/2025").click()
        page.click("#briefing-go")
        page.wait_for_function(
            "() => document.querySelector('#briefing').innerText.includes('Bản tin tháng 11/2025')"
        )
        assert "liên tiếp" in page.inner_text("#briefing")  # Kè bờ sông Mai, stalled twice


TABS = [
    "Hỏi đáp", "Bản tin", "Văn bản", "Dự án", "Nhiệm vụ", "Số liệu", "Tóm tắt", "Báo cáo",
    "Cài đặt",
]  # fmt: skip


def _open_tab(page, name: str) -> None:
    tab = page.get_by_role("tab", name=name)
    if not tab.is_visible():  # on a phone some tabs sit behind "more tabs"
        page.locator("button[aria-label='Các thẻ khác'], button[aria-label='More tabs']").click()
        tab = page.locator(f'button:text-is("{name}"):visible').last
    tab.click()
    page.wait_for_timeout(600)


def test_every_tab_fits_a_phone(app) -> None:
    """At 390 px no tab makes the page scroll sideways: tables scroll in their own box."""
    with browser(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        title = page.locator("#app-title h2").bounding_box()
        assert title and title["height"] < 80, title  # not one word per line
        for name in TABS:
            _open_tab(page, name)
            if name == "Số liệu":
                page.fill("#fig-q textarea", "lũy kế thu NSNN")
                page.click("#fig-go")
                page.wait_for_selector("#figures-tab .cite-card")
            if name == "Tóm tắt":
                page.click("#summarize")
                page.wait_for_selector("#summary a[href^='#cite-s-']")
            width = page.evaluate("document.documentElement.scrollWidth")
            shot(page, f"phone-{fold(name).replace(' ', '-')}", full_page=True)
            assert width <= 392, f"{name}: the page is {width}px wide on a 390px screen"


ENGLISH = re.compile(
    r"\b(Error|Clear|Submit|Loading|Examples?|Use via API|Built with|Settings|Upload|Drop|"
    r"Click|More tabs|Copy|Download|Share|Retry|Undo|Remove|Search|Select|Flag|Logout|"
    r"Login|Stop|Delete|Close|Fullscreen|Gradio|Table|actions|Sort|Filter)\b"
)


def test_the_interface_speaks_only_vietnamese(app) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        ask(page, "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", 0)
        found: dict[str, list[str]] = {}
        for name in TABS:
            _open_tab(page, name)
            said = page.evaluate(
                """() => {
                  const out = [document.body.innerText];
                  document.querySelectorAll('[aria-label], [title], [placeholder]').forEach((e) => {
                    const r = e.getBoundingClientRect();
                    if (r.width && r.height) out.push(e.getAttribute('aria-label') || '',
                      e.getAttribute('title') || '', e.getAttribute('placeholder') || '');
                  });
                  return out.join('\\n');
                }"""
            )
            for m in ENGLISH.finditer(said):
                found.setdefault(name, []).append(said[max(0, m.start() - 40) : m.end() + 20])
        assert not found, found


def test_empty_upload_is_a_calm_hint(app) -> None:
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, app.url)
        wait_for_app(page)
        _open_tab(page, "Báo cáo")
        page.click("#upload-go")
        hint = page.wait_for_selector("#upload-result .ul-hint")
        assert "Hãy chọn tệp" in hint.inner_text()
        page.wait_for_timeout(800)
        assert page.locator(".toast-wrap .toast-body, [data-testid='toast-body']").count() == 0
        assert "Lỗi" not in page.inner_text("#reports-tab")
        shot(page, "upload-empty-hint")


def test_an_unnumbered_upload_is_named_and_offered_at_once(upload_app, tmp_path) -> None:
    """A report without a number ("Số: /BC-UBND") is called by its kind, office and period
    everywhere, and the chat's report filter offers it right after the upload, no reload."""
    path = tmp_path / "bao-cao-chua-so.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ SÔNG MAI\n\nSố: /BC-UBND\n\n"
        "TP. Sông Mai, ngày 18 tháng 3 năm 2026\n\nBÁO CÁO\n\n"
        "Kết quả cải cách hành chính quý I năm 2026\n\n"
        "I. KẾT QUẢ\n\n1. Cải cách thủ tục hành chính\n\n"
        "Tiếp nhận 4.321 hồ sơ thủ tục hành chính, trả đúng hạn 98,2%.\n",
        "utf-8",
    )
    with browser(viewport={"width": 1366, "height": 900}) as ctx:
        page = open_page(ctx, upload_app.url)
        wait_for_app(page)
        line = upload(page, path)
        assert "đã nạp" in line, line
        page.get_by_role("tab", name="Báo cáo").click()
        page.wait_for_function(
            "() => document.querySelector('#reports-table').innerText.includes('chưa có số')"
        )
        table = page.inner_text("#reports-table")
        assert "/BC-UBND\t" not in table, table
        page.get_by_role("tab", name="Hỏi đáp").click()
        page.click("#filter-reports input")
        page.keyboard.type("chưa có số")
        page.wait_for_selector("[role=option]")
        options = " | ".join(page.locator("[role=option]").all_inner_texts())
        assert "chưa có số" in options and "Sông Mai" in options, options
        page.keyboard.press("Escape")
        ask(page, "Quý I/2026 tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?", 0)
        answer = last_answer(page)
        assert "4.321" in answer and "chưa có số" in answer, answer

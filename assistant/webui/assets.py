"""The page's CSS and the few lines of script it needs (ours only, never document text)."""

from __future__ import annotations

CSS = """
.gradio-container { max-width: 1400px !important; margin: 0 auto; }
#app-title h2 { margin: 0 0 2px 0; }
#user-line { text-align: right; font-size: 0.9em; color: var(--body-text-color-subdued); }
#chat a[href^="#cite-"], #summary a[href^="#cite-"], #briefing a[href^="#cite-"], .cite-badge {
  font-weight: 600; text-decoration: none; background: #e3ecfb; color: #174ea6;
  border-radius: 4px; padding: 0 3px; white-space: nowrap;
}
#chat a.cite-active, #summary a.cite-active, #briefing a.cite-active { background: #174ea6;
  color: #fff; }
.cite-empty { color: var(--body-text-color-subdued); padding: 12px; border: 1px dashed
  var(--border-color-primary); border-radius: 8px; }
.cite-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px; }
.cite-title { font-weight: 600; margin-bottom: 6px; }
.cite-meta { font-size: 0.88em; border-collapse: collapse; margin: 0 0 6px 0 !important;
  border: none !important;
  width: 100%; }
.cite-meta th, .cite-meta td, .cite-meta tr { border: none !important;
  background: none !important; }
.view-table, #reports-table { --font-mono: var(--font); }
.cite-meta th { text-align: left; font-weight: 500; padding: 1px 8px 1px 0; width: 7.5em;
  color: var(--body-text-color-subdued); vertical-align: top; }
.cite-meta td { padding: 1px 0; overflow-wrap: anywhere; }
.cite-quote { font-size: 0.88em; margin: 6px 0; color: var(--body-text-color-subdued); }
.cite-warn { color: #a4262c; margin: 6px 0; }
.passage, .rv-p, .rv-fn { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.55; }
.passage { background: var(--background-fill-secondary); padding: 8px 10px; border-radius: 6px; }
mark.hl { background: #ffe066; color: inherit; padding: 0 1px; border-radius: 2px; }
.report-view { max-height: 70vh; overflow-y: auto; padding: 4px 10px 4px 4px;
  position: relative; border-top: 1px solid var(--border-color-primary); }
.report-view h3 { margin: 4px 0; }
.rv-meta { color: var(--body-text-color-subdued); font-size: 0.9em; margin-bottom: 8px; }
.rv-sec { margin: 12px 0 4px 0; }
.rv-n { display: inline-block; min-width: 2.2em; color: var(--body-text-color-subdued);
  font-size: 0.8em; }
.rv-page { color: var(--body-text-color-subdued); font-size: 0.8em; margin-left: 6px; }
.rv-p.target, .rv-fn.target { background: #fff6d5; border-left: 3px solid #e0a800;
  padding-left: 6px; }
.view-card { margin: 8px 0; }
.view-cap { font-weight: 600; margin: 4px 0; }
.view-status { margin: 4px 0; }
.timeline > li { margin-bottom: 10px; }
.tl-stage { font-weight: 600; }
.upload-lines { font-size: 0.92em; }
.upload-lines .ul-row { margin: 4px 0; }
.upload-lines progress { width: 100%; height: 8px; }
.upload-lines .ok { color: #1e7b34; }
.upload-lines .error { color: #a4262c; }
.settings-table td, .settings-table th { padding: 3px 10px 3px 0; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
.scan-page { margin-top: 8px; }
.scan-page img { width: 100%; height: auto; border: 1px solid var(--border-color-primary); }
.ul-hint { color: var(--body-text-color-subdued); font-style: italic; margin: 4px 0; }
/* tables scroll inside their own box, never the page */
.view-table, #reports-table { contain: inline-size; max-width: 100%; overflow-x: auto; }
@media (max-width: 700px) {
  .gradio-container { padding: 4px !important; }
  #header-row { flex-wrap: wrap; }
  #header-row > * { min-width: 100% !important; }
  #chat { height: 60vh !important; }
  .report-view { max-height: 60vh; }
  #user-line { text-align: left; }
  /* a table keeps readable columns and scrolls sideways inside its box */
  .view-table .table-container, #reports-table .table-container { min-width: 680px; }
}
"""


# Each citation panel registers itself; one page-wide listener turns a click on any [n]
# link into a "click" event of the panel its key belongs to ("s-3": the Tóm tắt tab's,
# "b-3": the Bản tin tab's, others: the chat's). On a narrow screen a panel sits below its
# text, so it is scrolled into view when it changes.
def panel_js(name: str) -> str:
    return """
window.__citeTriggers = window.__citeTriggers || {};
window.__citeTriggers['NAME'] = trigger;
if (!window.__citeListener) {
  window.__citeListener = true;
  document.addEventListener('click', (e) => {
    const a = e.target && e.target.closest ? e.target.closest('a[href^="#cite-"]') : null;
    if (!a) return;
    e.preventDefault();
    e.stopPropagation();
    document.querySelectorAll('a.cite-active').forEach((x) => x.classList.remove('cite-active'));
    a.classList.add('cite-active');
    const key = a.getAttribute('href').slice(6);
    const to = key.startsWith('s-') ? 'summary' : key.startsWith('b-') ? 'briefing' : 'chat';
    (window.__citeTriggers[to] || window.__citeTriggers['chat'])('click', { cite: key });
  }, true);
}
watch('value', () => {
  if (window.innerWidth < 900) element.scrollIntoView({ behavior: 'smooth', block: 'start' });
});
""".replace("NAME", name)


PANEL_JS = panel_js("chat")
SUMMARY_PANEL_JS = panel_js("summary")

# The whole report: bring the cited paragraph into view whenever the content changes.
REPORT_JS = """
watch('value', () => {
  const box = element.querySelector('.report-view');
  const t = element.querySelector('.target');
  if (!box || !t) return;
  box.scrollTop = Math.max(0, t.offsetTop - box.offsetTop - 60);
  element.scrollIntoView({ block: 'nearest' });
});
"""

# Copy the last answer (plain text with its sources) to the clipboard; without a secure
# context (plain http on a LAN address) fall back to a hidden textarea.
COPY_JS = """
async (text) => {
  if (!text) return text;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const ta = document.createElement('textarea');
    ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.appendChild(ta); ta.select();
    try { document.execCommand('copy'); } finally { ta.remove(); }
  }
  const b = document.querySelector('#copy-answer');
  if (b) { const old = b.textContent; b.textContent = 'Đã sao chép ✓';
           setTimeout(() => { b.textContent = old; }, 1500); }
  return text;
}
"""

CONFIRM_DELETE_JS = """
(rid) => (rid && confirm('Xóa báo cáo này khỏi chỉ mục? Câu trả lời sẽ không còn dựa vào nó.'))
  ? rid : ''
"""

CONFIRM_SAMPLES_JS = """
() => confirm('Xóa các báo cáo mẫu (Sông Mai, hư cấu) khỏi chỉ mục? Báo cáo của bạn giữ nguyên.')
"""

# Gradio's own labels (it ships no Vietnamese): ours replace its English ones, for a
# Vietnamese browser and an English one alike.
GRADIO_VI = {
    "upload_text.drop_file": "Kéo thả tệp vào đây",
    "upload_text.click_to_upload": "Bấm để chọn tệp",
    "upload_text.paste_clipboard": "Dán từ bộ nhớ tạm",
    "common.or": "hoặc",
    "common.clear": "Xóa",
    "common.download": "Tải về",
    "common.remove": "Bỏ",
    "common.loading": "Đang tải",
    "common.error": "Lỗi",
    "common.empty": "Trống",
    "common.submit": "Gửi",
    "common.settings": "Cài đặt giao diện",
    "common.language": "Ngôn ngữ",
    "common.display_theme": "Giao diện sáng/tối",
    "common.progress": "Tiến độ",
    "common.built_with_gradio": "Xây dựng bằng Gradio",
    "login.login": "Đăng nhập",
    "login.username": "tên đăng nhập",
    "login.password": "mật khẩu",
    "login.incorrect_credentials": "Sai tên đăng nhập hoặc mật khẩu",
    "login.enable_cookies": "Hãy cho phép cookie để đăng nhập.",
    "errors.connection_can_break": "Mất kết nối tới máy chủ; hãy tải lại trang.",
    "status.queue_position": "Đang chờ: {position}/{size}",
}

# Labels Gradio writes in English whatever the language (aria-labels, titles, a few
# texts outside its i18n): replaced as they appear, so the page reads Vietnamese only.
TRANSLATE_JS = """
() => {
  const vi = {
    'More tabs': 'Các thẻ khác', 'Clear': 'Xóa', 'Remove': 'Bỏ', 'Copy': 'Sao chép',
    'Copied': 'Đã sao chép', 'Download': 'Tải về', 'Fullscreen': 'Toàn màn hình',
    'Exit fullscreen mode': 'Thoát toàn màn hình', 'Share': 'Chia sẻ', 'Undo': 'Hoàn tác',
    'Retry': 'Thử lại', 'Close': 'Đóng', 'Error': 'Lỗi', 'Loading': 'Đang tải',
    'Upload file': 'Tải tệp lên', 'Clear chat': 'Xóa hội thoại', 'Like': 'Thích',
    'Dislike': 'Không thích', 'Edit': 'Sửa', 'Submit': 'Gửi', 'Search': 'Tìm',
    'Select all': 'Chọn tất cả', 'Sort': 'Sắp xếp', 'Copy table': 'Sao chép bảng',
    'Copy to clipboard': 'Sao chép', 'dropdown arrow': 'mở danh sách', 'Examples': 'Ví dụ',
    'Table actions': 'Thao tác với bảng', 'Copy table data': 'Sao chép dữ liệu bảng',
    'Copy menu': 'Sao chép', 'Sort ascending': 'Sắp xếp tăng dần',
    'Sort descending': 'Sắp xếp giảm dần', 'Clear sort': 'Bỏ sắp xếp',
    'Filter': 'Lọc', 'Clear filter': 'Bỏ lọc',
    'Click to upload or drop files': 'Bấm để chọn tệp hoặc kéo thả tệp vào đây',
  };
  const fix = (el) => {
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute && el.getAttribute(attr);
      if (v && vi[v]) el.setAttribute(attr, vi[v]);
    }
    if (el.childNodes && el.childNodes.length === 1 && el.childNodes[0].nodeType === 3) {
      const t = el.textContent.trim();
      if (vi[t]) el.textContent = vi[t];
    }
  };
  const sweep = (root) => {
    fix(root);
    if (root.querySelectorAll) root.querySelectorAll('*').forEach(fix);
  };
  sweep(document.body);
  const seen = (m) => {
    if (m.type === 'attributes') fix(m.target);
    else m.addedNodes.forEach((n) => { if (n.nodeType === 1) sweep(n); else fix(m.target); });
  };
  new MutationObserver((ms) => ms.forEach(seen)).observe(document.body, {
    childList: true, subtree: true, attributes: true, characterData: true,
    attributeFilter: ['aria-label', 'title', 'placeholder'],
  });
}
"""

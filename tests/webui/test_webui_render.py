"""What the page shows is built around escaped text: answers in the chat, the passage in
the side panel with the answer's sentence highlighted, the whole report."""

from __future__ import annotations

import re

import pytest

from assistant.cite import Answer, Citation
from assistant.webui.citations import highlight_spans, highlighted_html, marked_html
from assistant.webui.render import chat_markdown, md_literal, plain_text

EVIL = (
    "<script>window.__xss=1</script> <img src=x onerror=alert(1)> "
    "[bấm](javascript:alert(1)) ![ảnh](http://x/y.png) **đậm** http://x.test $$x$$ &lt;b&gt;"
)


def cite(
    n: int = 1, text: str = "Câu một. Thu được 42.960 triệu đồng¹; lũy kế 386.808 triệu.", **kw
):
    values = dict(
        n=n,
        chunk_id=f"r:v:p{n}",
        report="1123/BC-UBND",
        date="16/12/2025",
        section="I.1 Kinh tế",
        footnote=None,
        file="bao-cao.txt",
        text=text,
        score=1.0,
        paragraph=2,
        quote="Thu được 42.960 triệu đồng; lũy kế 386.808 triệu.",
    )
    values.update(kw)
    return Citation(**values)


def test_md_literal_leaves_no_markup() -> None:
    out = md_literal(EVIL)
    # every ASCII punctuation character is backslash-escaped
    assert re.search(r"(?<!\\)[<>\[\]()*!$&:]", out.replace("\\\\", "")) is None
    assert out.replace("\\", "") == EVIL.replace("\\", "")


def test_chat_answer_links_only_real_citations() -> None:
    a = Answer("q", f"Lũy kế 386.808 triệu [1]; xem [7]. {EVIL}", False, (cite(),))
    md = chat_markdown(a, "3", note="hiểu là: <b>x</b>")
    assert "[\\[1\\]](#cite-3-1)" in md  # a marker with a citation is a link
    assert "\\[7\\]" in md and "#cite-3-7" not in md  # one without stays text
    assert re.search(r"(?<!\\)[<>]", md) is None  # no angle bracket left unescaped
    assert "](javascript" not in md and "\\<script\\>" in md
    assert "_hiểu là\\: \\<b\\>x\\<\\/b\\>_" in md
    assert "Báo cáo số 1123\\/BC\\-UBND" in md  # the source line under the answer


def test_plain_text_for_the_copy_button() -> None:
    text = plain_text(Answer("q", "Lũy kế 386.808 triệu [1]", False, (cite(),)))
    assert text.startswith("Lũy kế 386.808 triệu [1]")
    assert "[1] Báo cáo số 1123/BC-UBND, ngày 16/12/2025" in text


@pytest.mark.parametrize(
    ("text", "quote", "want"),
    [
        # footnote markers in the passage, none in the quote
        (
            "Thu được 42.960 triệu đồng¹; lũy kế 386.808.",
            "thu được 42.960 triệu đồng;",
            "Thu được 42.960 triệu đồng¹;",
        ),
        # '…' gaps: each verbatim run is marked
        ("A một; B hai ba; C bốn năm; D sáu bảy.", "A một; … D sáu bảy.", "A một;|D sáu bảy."),
        # spacing differs
        ("Tổng   số\n12 vụ tai nạn.", "Tổng số 12 vụ tai nạn.", "Tổng   số\n12 vụ tai nạn."),
        # m² is a unit, not a marker
        ("Diện tích 43.650,3m² đất.", "Diện tích 43.650,3m² đất.", "Diện tích 43.650,3m² đất."),
    ],
)
def test_highlight_finds_the_quote(text: str, quote: str, want: str) -> None:
    got = "|".join(text[s:e] for s, e in highlight_spans(text, quote))
    assert got == want


def test_highlight_falls_back_to_the_closest_sentence() -> None:
    text = "Thời tiết thuận lợi. Thành phố cấp 53 giấy phép xây dựng trong tháng. Khác."
    spans = highlight_spans(text, "Trong tháng thành phố đã cấp 53 giấy phép xây dựng")
    assert [text[s:e] for s, e in spans] == ["Thành phố cấp 53 giấy phép xây dựng trong tháng."]
    assert highlight_spans(text, "không liên quan gì cả") == []


def test_highlighted_html_escapes_everything() -> None:
    text = f"{EVIL} và 386.808 triệu"
    html = marked_html(text, "386.808 triệu")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<mark class="hl">386.808 triệu</mark>' in html
    assert html.count("<") == html.count("<mark") + html.count("</mark")
    assert highlighted_html('"<a>"', [(1, 4)]) == '&quot;<mark class="hl">&lt;a&gt;</mark>&quot;'

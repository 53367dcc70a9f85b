"""The side panel: a cited passage with the answer's sentence highlighted, and the whole
report with that passage scrolled into view.

All HTML here is built around escaped text: document text only ever passes through
`esc()`, and the only markup is ours (<mark>, headings, anchors with numeric ids).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.api import (
    Citation,
    Report,
    Store,
    caption,
    date_phrase,
    fold,
    footnote_markers,
    period_phrase,
    sentences,
    shown_number,
    strip_markers,
    syllables,
)
from assistant.webui.render import esc

Span = tuple[int, int]


# ---- highlighting ----------------------------------------------------------------------


def _normalized(text: str) -> tuple[str, list[int]]:
    """`text` with footnote markers dropped and whitespace runs made one space, lowercased,
    and for each character kept its index in `text`."""
    drop = set()
    for _, start, end in footnote_markers(text):
        drop.update(range(start, end))
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if i in drop:
            continue
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        low = ch.lower()
        if len(low) != 1:
            low = ch
        chars.append(low)
        where.append(i)
    return "".join(chars), where


def _pieces(quote: str) -> list[str]:
    """The verbatim runs of a quote: '…' marks gaps; markers and spacing do not count."""
    quote = unicodedata.normalize("NFC", strip_markers(quote))
    parts = re.split(r"\s*(?:…|\.\.\.)\s*", quote)
    out = []
    for p in parts:
        p = re.sub(r"\s+", " ", p).strip().lower()
        if len(p) >= 4:
            out.append(p)
    return out


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _best_sentence(text: str, quote: str) -> list[Span]:
    """For a quote that is not verbatim (a generated sentence): the passage sentence that
    shares most of its words, when it shares enough."""
    want = set(syllables(fold(strip_markers(quote))))
    if not want:
        return []
    best, best_span = 0.0, None
    pos = 0
    for sentence in sentences(text):
        start = text.find(sentence, pos)
        if start < 0:
            continue
        pos = start + len(sentence)
        have = set(syllables(fold(sentence)))
        score = len(want & have) / len(want)
        if score > best:
            best, best_span = score, (start, start + len(sentence))
    return [best_span] if best_span and best >= 0.5 else []


def highlight_spans(text: str, quote: str) -> list[Span]:
    """Where `quote` (the answer's sentence, maybe with '…' gaps) lies in `text`."""
    if not quote or not text:
        return []
    flat, where = _normalized(text)
    if len(flat) != len(where):  # pragma: no cover - defensive
        return []
    spans: list[Span] = []
    pos = 0
    for piece in _pieces(quote):
        i = flat.find(piece, pos)
        if i < 0:
            i = flat.find(piece)
        if i < 0:
            continue
        spans.append((where[i], where[i + len(piece) - 1] + 1))
        pos = i + len(piece)
    return _merge(spans) if spans else _best_sentence(text, quote)


def marked_html(text: str, quote: str) -> str:
    """Escaped `text` with the quote highlighted (both taken in NFC)."""
    text = unicodedata.normalize("NFC", text)
    return highlighted_html(text, highlight_spans(text, quote) if quote else [])


def highlighted_html(text: str, spans: list[Span]) -> str:
    """Escaped `text` with <mark> around `spans`; line breaks kept by CSS (pre-wrap)."""
    out, pos = [], 0
    for s, e in spans:
        out.append(esc(text[pos:s]))
        out.append(f'<mark class="hl">{esc(text[s:e])}</mark>')
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)


# ---- the panel -------------------------------------------------------------------------

GONE = "Báo cáo này không còn trong chỉ mục (đã xóa hoặc nạp lại)."
EMPTY_PANEL = (
    '<div class="cite-empty">Bấm vào một số trích dẫn <b>[1]</b>, <b>[2]</b>… trong câu trả lời '
    "để xem đoạn báo cáo gốc tại đây.</div>"
)


@dataclass(frozen=True)
class Located:
    """Where a citation lives in the index now."""

    report_id: str
    paragraphs: tuple[int, ...]
    footnote: int | None


def locate(store: Store, c: Citation) -> Located | None:
    chunk = store.chunks.get(c.chunk_id)
    if chunk is not None:
        return Located(chunk.report_id, chunk.paragraphs, chunk.footnote)
    # re-indexed since the answer: find the report by number and the passage by text
    for info in store.reports():
        if info.number == c.report or info.source == c.file:
            report = store.report(info.report_id)
            if report is None:
                continue
            if c.footnote is not None and report.footnote(c.footnote):
                return Located(info.report_id, (), c.footnote)
            head = c.text[:60]
            paras = tuple(p.index for p in report.paragraphs if head and head in p.text)
            return Located(info.report_id, paras or ((c.paragraph,) if c.paragraph else ()), None)
    return None


def _meta_rows(c: Citation, report: Report | None) -> list[tuple[str, str]]:
    rows = [("Báo cáo", c.label or c.file), ("Số", shown_number(c.report))]
    if c.date:  # a day left blank ("ngày … tháng 12") is not shown as "Ngày 12/2025"
        full = c.date.count("/") == 2
        rows.append(("Ngày", c.date) if full else ("Thời gian", date_phrase(c.date)))
    if report and report.meta.period:
        rows.append(("Kỳ báo cáo", period_phrase(report.meta.period)))
    if c.section:
        rows.append(("Mục", c.section))
    if c.footnote is not None:
        of = f" (của đoạn {c.paragraph})" if c.paragraph else ""
        rows.append(("Chú thích", f"{c.footnote}{of}"))
    if c.page:
        rows.append(("Trang", str(c.page)))
    if c.paragraph and c.footnote is None:
        rows.append(("Vị trí", f"đoạn {c.paragraph}"))
    rows.append(("Tệp", c.file))
    return rows


def panel_html(c: Citation, store: Store) -> str:
    """One citation: where it comes from, then the passage with the quote highlighted."""
    located = locate(store, c)
    report = store.report(located.report_id) if located else None
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in _meta_rows(c, report))
    quote = (
        f'<div class="cite-quote"><span>Câu được trích:</span> “{esc(c.quote)}”</div>'
        if c.quote
        else ""
    )
    gone = "" if located else f'<div class="cite-warn">{GONE}</div>'
    return (
        f'<div class="cite-card" data-n="{c.n}">'
        f'<div class="cite-title"><span class="cite-badge">[{c.n}]</span> '
        f"{esc(caption(c))}</div>"
        f'<table class="cite-meta">{rows}</table>{quote}{gone}'
        f'<div class="passage">{marked_html(c.text, c.quote)}</div></div>'
    )


def report_html(store: Store, report_id: str, target: Located | None, quote: str = "") -> str:
    """The whole report: header, every paragraph in order under its section headings,
    footnotes after. The cited paragraph(s) or footnote carry class "target" (scrolled
    into view by the page script) and the quote highlighted inside."""
    report = store.report(report_id)
    if report is None:
        return '<div class="cite-warn">Báo cáo không còn trong chỉ mục.</div>'
    m = report.meta
    head = [f"<h3>{esc(m.title or report.source)}</h3>"]
    facts = [
        f"Số {shown_number(m.number)}",
        date_phrase(m.date_vn) if m.date else "",
        f"kỳ {period_phrase(m.period)}" if m.period else "",
        m.issuer,
    ]
    head.append(f'<div class="rv-meta">{esc(" · ".join(f for f in facts if f))}</div>')
    paras = set(target.paragraphs) if target else set()
    note = target.footnote if target else None
    body: list[str] = []
    section = None
    for p in report.paragraphs:
        if p.section != section:
            section = p.section
            sec = report.section(section)
            if sec:
                body.append(f'<h4 class="rv-sec">{esc(sec.label)}</h4>')
        is_target = p.index in paras and note is None
        page = f'<span class="rv-page">trang {p.page}</span>' if p.page else ""
        cls = "rv-p target" if is_target else "rv-p"
        body.append(
            f'<p id="rv-p{p.index}" class="{cls}"><span class="rv-n">{p.index}</span>'
            f"{marked_html(p.text, quote if is_target else '')}{page}</p>"
        )
    if report.footnotes:
        body.append('<h4 class="rv-sec">Chú thích</h4>')
        for f in report.footnotes:
            is_target = note == f.number
            cls = "rv-fn target" if is_target else "rv-fn"
            body.append(
                f'<p id="rv-fn{f.number}" class="{cls}"><sup>{f.number}</sup> '
                f"{marked_html(f.text, quote if is_target else '')}</p>"
            )
    return f'<div class="report-view">{"".join(head)}{"".join(body)}</div>'

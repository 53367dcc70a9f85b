"""The "Bản tin" tab: the leader's briefing of one period (assistant/briefing), each [n]
opening its passage in the panel beside it, exported to Markdown and Word."""

from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

import gradio as gr

from assistant.api import (
    BRIEFING_SECTIONS,
    Briefing,
    BriefingError,
    briefing_issuers,
    briefing_periods,
    build_briefing,
    export_briefing_docx,
    export_briefing_markdown,
    period_phrase,
)
from assistant.webui.assets import panel_js
from assistant.webui.citations import EMPTY_PANEL, panel_html
from assistant.webui.render import cite_href, md_literal
from assistant.webui.state import AppState

log = logging.getLogger(__name__)
KEY = "b"  # citation links "#cite-b-n" open this tab's panel
PICK = '<div class="cite-empty">Chọn cơ quan và kỳ rồi bấm “Lập bản tin”.</div>'


def briefing_markdown(b: Briefing) -> str:
    """The briefing for the tab: a heading per section, an item a bullet whose [n] open
    the passage in the panel, the arithmetic under it. Report text is shown literally."""
    parts = [f"### {md_literal(b.title)}", md_literal(f"Báo cáo kỳ này: {b.report}")]
    if b.previous_report:
        parts[-1] += "  \n" + md_literal(f"Báo cáo kỳ trước: {b.previous_report}")
    if b.note:
        parts.append(f"_{md_literal(b.note)}_")
    for name in BRIEFING_SECTIONS:
        items = b.section(name)
        if not items:
            continue
        parts.append(f"#### {md_literal(name)}")
        lines = []
        for item in items:
            numbers = dict.fromkeys(c.n for c in item.citations)
            marks = " ".join(f"[\\[{n}\\]]({cite_href(KEY, n)})" for n in numbers)
            line = f"- {md_literal(item.text)} {marks}".rstrip()
            if item.computed:
                line += f"  \n  _Phép tính: {md_literal(item.computed)}_"
            lines.append(line)
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _issuer_choices(state: AppState) -> list[str]:
    snap = state.snapshot()
    return briefing_issuers(snap.store.registry, snap.shown())


def _period_choices(state: AppState, issuer: str | None) -> list[tuple[str, str]]:
    snap = state.snapshot()
    found = briefing_periods(snap.store.registry, issuer or None, snap.shown())
    return [(period_phrase(p)[:1].upper() + period_phrase(p)[1:], p) for p in found]


def briefing_choices(state: AppState) -> tuple:
    """Fresh choices for the tab's pickers (after an upload or delete, on page load)."""
    names = _issuer_choices(state)
    first = names[0] if names else None
    periods = _period_choices(state, first)
    return (
        gr.update(choices=names, value=first),
        gr.update(choices=periods, value=periods[0][1] if periods else None),
    )


def build_briefing_tab(state: AppState) -> list[gr.components.Component]:
    """The tab; returns its pickers, in the order `briefing_choices` updates them."""
    names = _issuer_choices(state)
    periods = _period_choices(state, names[0] if names else None)
    with gr.Tab("Bản tin", id="briefing-tab", elem_id="briefing-tab"):
        with gr.Row():
            issuer = gr.Dropdown(
                names,
                value=names[0] if names else None,
                label="Cơ quan ban hành",
                scale=3,
                elem_id="briefing-issuer",
            )
            period = gr.Dropdown(
                periods,
                value=periods[0][1] if periods else None,
                label="Kỳ của bản tin",
                scale=2,
                elem_id="briefing-period",
            )
            go = gr.Button("Lập bản tin", variant="primary", scale=1, elem_id="briefing-go")
        with gr.Row():
            with gr.Column(scale=3, min_width=300):
                text = gr.Markdown(PICK, elem_id="briefing")
                with gr.Row():
                    to_md = gr.Button("Xuất Markdown (.md)", elem_id="briefing-md")
                    to_docx = gr.Button("Xuất Word (.docx)", elem_id="briefing-docx")
                exported = gr.File(label="Tệp xuất", elem_id="briefing-file")
            with gr.Column(scale=2, min_width=280):
                panel = gr.HTML(
                    EMPTY_PANEL, js_on_load=panel_js("briefing"), elem_id="briefing-panel"
                )
        held = gr.State(None)  # the Briefing shown, for its citations and the exports

    def make(issuer_: str | None, period_: str | None):
        if not period_:
            return "Hãy chọn kỳ của bản tin.", EMPTY_PANEL, None
        snap = state.snapshot()
        try:
            b = build_briefing(snap.store, period_, issuer=issuer_ or None, reports=snap.shown())
        except BriefingError as e:
            return md_literal(str(e)), EMPTY_PANEL, None
        return briefing_markdown(b), EMPTY_PANEL, b

    def cite(b: Briefing | None, evt: gr.EventData):
        key = getattr(evt, "cite", None) or ""
        if b is None or not key.startswith(f"{KEY}-"):
            return gr.skip()
        n = int(key.rpartition("-")[2]) if key.rpartition("-")[2].isdigit() else 0
        found = next((c for c in b.citations if c.n == n), None)
        return panel_html(found, state.snapshot().store) if found else EMPTY_PANEL

    def export(b: Briefing | None, kind: str) -> str | None:
        if b is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="tro-ly-ban-tin-"))
        name = f"ban-tin-{b.period.replace('/', '-')}-{time.strftime('%Y%m%d-%H%M%S')}.{kind}"
        write = export_briefing_markdown if kind == "md" else export_briefing_docx
        return str(write(b, folder / name))

    private = {"api_visibility": "private"}
    go.click(make, [issuer, period], [text, panel, held], **private)
    issuer.change(
        lambda who: gr.update(
            choices=(c := _period_choices(state, who)), value=c[0][1] if c else None
        ),
        issuer,
        period,
        **private,
    )
    panel.click(cite, held, panel, **private)
    to_md.click(lambda b: export(b, "md"), held, exported, **private)
    to_docx.click(lambda b: export(b, "docx"), held, exported, **private)
    return [issuer, period]

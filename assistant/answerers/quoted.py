"""The extractive answer's text: each quoted unit on its line with its [n] — a table row
whole, a sentence focused on what is asked, a footnote's list after the whole clause that
refers to it (that clause cited too)."""

from __future__ import annotations

from assistant.answerers.clauses import focus, referencing_chunk, referring_clause
from assistant.answerers.summary import clean
from assistant.answerers.units import item_head
from assistant.cite import Citer
from assistant.context import Context
from assistant.query import Query
from assistant.retrieve import Hit
from index.model import Chunk


def render(query: Query, picked: list[tuple[Hit, str]], ctx: Context) -> tuple[str, Citer]:
    """The quoted lines, each with its [n]; a footnote's list after the clause citing it."""
    citer = Citer(ctx.store)
    cite = citer.cite
    lines: list[str] = []

    def lead_of(c: Chunk) -> str:
        """The clause a footnote's list is quoted after: all of it, what follows its marker
        too ("… khởi công xây dựng 01 dự án⁴ ngày 12/01/2026")."""
        lead = clean(c.extra.get("context", ""))
        whole = clean(referring_clause(ctx.store.chunks_of(c.report_id), c)).rstrip(" ;")
        return whole if lead and lead in whole else lead

    lead_by_id = {h.chunk.id: lead_of(h.chunk) for h, _ in picked if h.chunk.kind == "footnote"}
    leads = set(lead_by_id.values()) - {""}
    head_of = [item_head(h.chunk, s) for h, s in picked]  # "+ …" items: their "- …" line
    heads = {clean(h) for h in head_of if h}
    for (hit, sentence), head in zip(picked, head_of, strict=True):
        c = hit.chunk
        if c.kind == "footnote":
            lead = lead_by_id[c.id]
            ref = referencing_chunk(ctx.store.chunks_of(c.report_id), c) if lead else None
            # the clause quoted before the list is source text too, so it is cited as well
            lead_cite = f" [{cite(ref, hit.score, lead)}]" if ref else ""
            n = cite(c, hit.score, clean(sentence))
            lines.append(
                f"{lead or 'Chi tiết'}{lead_cite} (chú thích {c.footnote}): {clean(sentence)} [{n}]"
            )
        else:
            # a table row is quoted whole (its cells with their headers), never cut
            shown = clean(
                sentence if c.kind == "table" else focus(query, sentence, ctx, c.report_id)
            )
            if any(shown.strip(" …;.") in lead for lead in leads) or shown in heads:
                continue  # the footnote's (or item's) line quotes this very clause before it
            if head:  # "+ Phòng Quản lý đô thị: 03 nội dung"
                shown = f"{clean(head)} — {shown}"  # under what it counts
            lines.append(f"{shown} [{cite(c, hit.score, shown)}]")
    text = "\n".join(f"- {line}" for line in lines) if len(lines) > 1 else lines[0]
    return text, citer

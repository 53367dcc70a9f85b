"""A document and what the question asks beside it: "Kế hoạch 173/KH-TTXT là về việc gì,
hội thảo dự kiến tổ chức ngày nào?", "Kế hoạch 9574 … đến nay hoàn thành mấy mô hình?".

The records answer gives the document (its record, its clause); the clause holds neither the
workshop's day nor the models finished. For each kind of answer asked that the clause does
not hold (a day, an amount, a figure: answerers/gates.py), the nearest sentence after it —
in its paragraph or the next two — that holds it and names something the question names is
quoted and cited below. The records library stays free of the passage answerers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant.answerers import records
from assistant.answerers.gates import answer_type, missing_kinds
from assistant.cite import Answer, Citation, Citer
from assistant.context import Context
from assistant.query import Query
from index import vn
from index.model import Chunk

NEAR = 2  # paragraphs after the document's own that may say what is asked beside it
_PERIOD_WORDS = frozenset("tháng năm ngày quý thang nam ngay quy".split())
MENTIONED = "Được nhắc đến trong các báo cáo"


def document(query: Query, ctx: Context) -> Answer | None:
    """The records answer for the document the question names, with what it asks beside."""
    found = records.answer(query, ctx)
    if found is None or found.insufficient or not found.citations:
        return found
    citer = Citer(ctx.store)
    citer.citations = list(found.citations)
    lines = [
        f"- “{c.quote}” [{c.n}]"
        for chunk, sent in _beside(query, ctx, found.citations[0])
        if (c := citer.citation(chunk, 1.0, sent, per_quote=True))
    ]
    if not lines:
        return found
    # after the document's own lines, before the other reports that mention it
    text = found.text.split("\n")
    at = next((i for i, line in enumerate(text) if line.startswith(MENTIONED)), len(text))
    text[at:at] = lines
    return replace(found, text="\n".join(text), citations=tuple(citer.citations))


def _beside(query: Query, ctx: Context, cited: Citation) -> list[tuple[Chunk, str]]:
    """For each kind asked that the document's clause does not hold, the nearest sentence
    after it that does (before it only when none follows)."""
    quote = cited.quote
    wanted: list[Callable[[str], bool]] = [k.search for k in missing_kinds(query, quote)]
    if not wanted and answer_type(query, quote) == 0:  # "… đến nay hoàn thành mấy mô hình?"
        wanted = [lambda s: answer_type(query, s) > 0]
    chunk = ctx.store.chunks.get(cited.chunk_id)
    if not wanted or chunk is None or not chunk.paragraphs:
        return []
    at = chunk.paragraphs[0]
    near = sorted(
        (
            c
            for c in ctx.store.chunks_of(chunk.report_id)
            if c.kind == "paragraph" and c.paragraphs and at <= c.paragraphs[0] <= at + NEAR
        ),
        key=lambda c: c.paragraphs[0],
    )
    read = [(c, s) for c in near for s in vn.sentences(vn.strip_markers(c.text))]
    own = next((i for i, (_, s) in enumerate(read) if s.strip() and s.strip() in quote), 0)
    asked = _asked_words(query)
    out = []
    for holds in wanted:
        found = [
            (abs(i - own) + (0.5 if i < own else 0), c, s)
            for i, (c, s) in enumerate(read)
            if i != own and holds(s) and len(asked & _words(query, s)) >= 2
        ]
        if found:
            _, c, s = min(found, key=lambda x: x[0])
            out.append((c, s))
    return out


def _asked_words(query: Query) -> set[str]:
    """What a sentence beside the document must name (two of them): the question's words as
    typed — the "mai" of "mai táng" is no "Sông Mai", "BHXH" says no "hội" — not its numbers
    or periods."""
    if query.accented:
        words = {w for w in vn.syllables(query.text) if not vn.is_stopword(w, True)}
    else:
        words = set(query.content)
    return {w for w in words if w.isalpha()} - _PERIOD_WORDS


def _words(query: Query, sentence: str) -> set[str]:
    """The sentence's words, read as the question's are (`_asked_words`)."""
    return set(vn.syllables(sentence)) if query.accented else set(vn.terms(sentence))

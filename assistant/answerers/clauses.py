"""What of a quoted sentence an answer shows: the clauses of a long one that bear on the
question, and the footnotes its clauses refer to (where reports keep their real lists)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from assistant.answerers.support import coverage, question_terms
from assistant.context import Context
from assistant.query import Query
from assistant.retrieve import Hit
from index import vn
from index.model import Chunk

LONG_SENTENCE = 280


def covers(query: Query, text: str, ctx: Context, report_id: str) -> float:
    terms = question_terms(query.content)
    return coverage(terms, set(vn.terms(text)), ctx.corpus.report_idf(report_id))


def referenced(chunk: Chunk, text: str, chunks: Mapping[str, Chunk]) -> list[Chunk]:
    """The footnotes the markers of `text` (a part of `chunk`) refer to, in order."""
    if chunk.kind == "footnote":
        return []
    prefix = chunk.id.rsplit(":", 1)[0]
    found = (chunks.get(f"{prefix}:fn{n}") for n, _, _ in vn.footnote_markers(text))
    return [fn for fn in found if fn is not None]


def referring(fn: Chunk, chunks: Iterable[Chunk]) -> Chunk | None:
    """The first passage of a footnote's report (`chunks`) whose markers refer to it: what
    the footnote details, and whose names are its own."""
    if fn.kind != "footnote":
        return None
    return next((c for c in chunks if fn in referenced(c, c.text, {fn.id: fn})), None)


def footnotes_for(
    query: Query, chunk: Chunk, sentence: str, chunks: Mapping[str, Chunk], ctx: Context
) -> list[Chunk]:
    """Footnotes referenced from the clause of `sentence` the question is about
    ('… phê duyệt chủ trương đầu tư 01 dự án⁵'), or, for list questions, from every
    clause that matches well."""
    clauses = [c for c in re.split(r"(?<=[;:])\s+", sentence) if c.strip()]
    scored = [(covers(query, c, ctx, chunk.report_id), c) for c in clauses]
    top = max((s for s, _ in scored), default=0.0)
    found: list[tuple[float, Chunk]] = []
    for s, clause in scored:
        for fn in referenced(chunk, clause, chunks):
            if s >= 0.9 * top or (
                query.is_list
                and covers(query, f"{clause} {fn.text}", ctx, chunk.report_id) >= 0.8 * top
            ):
                found.append((s, fn))
    found.sort(key=lambda x: x[0], reverse=True)
    return [fn for _, fn in found[:3]]


def with_footnotes(
    query: Query, picked: list[tuple[Hit, str]], hits: list[Hit], ctx: Context
) -> list[tuple[Hit, str]]:
    """For list questions the list lives in footnotes: add the retrieved footnotes whose
    referencing clause and list match the question best."""
    footnote_hits = [h for h in hits if h.chunk.kind == "footnote"]
    if not footnote_hits:
        return picked
    scored = sorted(
        (
            (
                covers(
                    query,
                    f"{h.chunk.extra.get('context', '')} {h.chunk.text}",
                    ctx,
                    h.chunk.report_id,
                ),
                h,
            )
            for h in footnote_hits
        ),
        key=lambda x: x[0],
        reverse=True,
    )
    top = scored[0][0]
    chosen = [h for s, h in scored if s >= 0.8 * top and s > 0][:3]
    have = {h.chunk.id for h, _ in picked}
    return picked + [(h, h.chunk.text) for h in chosen if h.chunk.id not in have]


# "- Nhiệm vụ đang triển khai: (1) …; (2) …": a list in labelled groups
_GROUP = re.compile(r"(?:^|\s)[-–]\s+(?=[^:;.]{3,80}:)")


def labelled_group(query: Query, text: str) -> str | None:
    """Of a list written in labelled groups ("- Nhiệm vụ đã triển khai: …; - Nhiệm vụ đang
    triển khai: …; - Tiếp tục nghiên cứu …"), the one group whose label the question says
    ("những nhiệm vụ nào đang triển khai?"), whole, after what the list is of. The label's
    every syllable counts, "đã" and "đang" above all; None unless one group is said."""
    starts = [m.start() for m in _GROUP.finditer(text)]
    if len(starts) < 2:
        return None
    groups = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    asked = set(vn.syllables(query.folded))

    def said(group: str) -> float:
        label = vn.syllables(vn.fold(group.lstrip("-– ").split(":", 1)[0]))
        return sum(s in asked for s in label) / max(1, len(label))

    shares = [said(g) for g in groups]
    best = max(shares)
    if best < 0.75 or shares.count(best) > 1:
        return None
    i = shares.index(best)
    lead = text[: starts[0]].strip()
    parts = [lead, "…" if i > 0 else "", groups[i], "…" if i < len(groups) - 1 else ""]
    return " ".join(p for p in parts if p)


def focus(query: Query, sentence: str, ctx: Context, report_id: str) -> str:
    """A long sentence made of ';'-clauses, cut to the clauses that add to the question's
    coverage (kept in order, gaps shown as '…'), or to the labelled group it asks for.
    Every word shown is verbatim source."""
    if len(sentence) <= LONG_SENTENCE:
        return sentence
    if group := labelled_group(query, sentence):
        return group
    clauses = [c for c in re.split(r"(?<=;)\s+", sentence) if c.strip()]
    if len(clauses) < 3:
        return sentence
    chosen: list[int] = []
    current = 0.0
    while len(chosen) < 3:
        gains = [
            (covers(query, " ".join(clauses[j] for j in sorted([*chosen, i])), ctx, report_id), i)
            for i in range(len(clauses))
            if i not in chosen
        ]
        best, i = max(gains)
        if best - current < 0.05:
            break
        chosen.append(i)
        current = best
    if not chosen:
        return sentence
    chosen.sort()
    parts = []
    for k, i in enumerate(chosen):
        if (k == 0 and i > 0) or (k > 0 and i != chosen[k - 1] + 1):
            parts.append("…")
        parts.append(clauses[i])
    if chosen[-1] != len(clauses) - 1:
        parts.append("…")
    return " ".join(parts)


def referencing_chunk(chunks: Iterable[Chunk], footnote: Chunk) -> Chunk | None:
    """The paragraph chunk holding the clause that refers to a footnote."""
    prefix = footnote.id.rsplit(":", 1)[0] + ":p"
    context = footnote.extra.get("context", "")
    para = footnote.paragraphs[0] if footnote.paragraphs else None
    for c in chunks:
        if c.id.startswith(prefix) and para in c.paragraphs and context in vn.strip_markers(c.text):
            return c
    return None


def referring_clause(chunks: Iterable[Chunk], footnote: Chunk) -> str:
    """The whole clause of the paragraph that refers to a footnote, what follows its
    marker included ("khởi công xây dựng 01 dự án⁴ ngày 12/01/2026"): its stored context
    stops at the marker."""
    context = footnote.extra.get("context", "")
    para = referencing_chunk(chunks, footnote)
    number = footnote.id.rpartition(":fn")[2]
    if para is None or not number.isdigit():
        return context
    for clause in re.split(r"(?<=[;.])\s+", para.text):
        if any(n == int(number) for n, _, _ in vn.footnote_markers(clause)):
            return vn.strip_markers(clause)
    return context


@functools.lru_cache(maxsize=256)
def paragraph_sentences(text: str) -> tuple[tuple[str, ...], ...]:
    """A passage's paragraphs as their sentences (a passage holds many candidates)."""
    return tuple(tuple(vn.quotable_sentences(para)) for para in text.split("\n"))


def sentence_before(text: str, sentence: str, within_paragraph: bool = True) -> str:
    """The sentence before `sentence` in passage `text` — in its paragraph, or anywhere in
    the passage: what it goes on about ("… xử lý 14 vụ buôn lậu, hàng giả. Tổng số tiền xử
    phạt: 112,3 triệu đồng.")."""
    paragraphs = paragraph_sentences(text)
    if not within_paragraph:
        paragraphs = (tuple(s for para in paragraphs for s in para),)
    for said in paragraphs:
        if sentence in said and (i := said.index(sentence)) > 0:
            return said[i - 1]
    return ""


def hits_with_footnotes(hits: list[Hit], chunks: Mapping[str, Chunk]) -> list[Hit]:
    """The hits and, after each paragraph, the footnotes it refers to: "tiếp công dân định
    kỳ được 22 lượt¹⁵" is found, and its list ("đất đai: 12 lượt; GPMB: 08 lượt") lives
    in footnote 15."""
    out, seen = [], {h.chunk.id for h in hits}
    for hit in hits:
        out.append(hit)
        for fn in referenced(hit.chunk, hit.chunk.text, chunks):
            if fn.id not in seen:
                seen.add(fn.id)
                out.append(Hit(fn, hit.score))
    return out


def referring_line(chunk: Chunk, ctx: Context) -> str:
    """Of a footnote, the line of the passage its marker stands in ("- Sốt xuất huyết
    Dengue: ghi nhận 63 ca mắc tại 15 xã, phường¹ …"): what its list is of."""
    parent = referring(chunk, ctx.store.chunks_of(chunk.report_id))
    if parent is None:
        return ""
    number = int(chunk.id.rsplit(":fn", 1)[1])
    lines = parent.text.split("\n")
    return next(
        (ln for ln in lines if any(n == number for n, _, _ in vn.footnote_markers(ln))),
        parent.text,
    )

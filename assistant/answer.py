"""The default answerer, no LLM needed: quote the sentences that answer, each cited.

A sentence is scored by how much of the question it covers (IDF-weighted words and word
pairs, folded), so the quoted figure always comes with the words it belongs to. When no
passage covers enough of the question, the answer says the reports do not contain it.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import time
from dataclasses import dataclass

from assistant.cite import Answer, Citation, Citer
from assistant.query import Query
from assistant.retrieve import Corpus, Hit, HybridRetriever
from assistant.summarize import chunks_of_section, section_points, summarize_report
from index import vn
from index.model import Chunk

__all__ = ["NOT_FOUND", "Answer", "Citation", "answer", "coverage", "extract"]

NOT_FOUND = (
    "Các báo cáo đã nạp không có thông tin để trả lời câu hỏi này. "
    "Hãy thử diễn đạt khác, nêu rõ kỳ báo cáo, hoặc nạp thêm báo cáo liên quan."
)


def _bigrams(tokens: tuple[str, ...] | list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def coverage(query: Query, text: str, corpus: Corpus) -> float:
    """Share of the question's content (IDF-weighted words, plus adjacent word pairs)
    found in `text`; 1.0 means every content word and pair is there."""
    if not query.content:
        return 0.0
    toks = [t for t in vn.search_tokens(text) if not t.startswith("#")]
    present = set(toks)
    weights = {t: corpus.idf(t) for t in set(query.content)}
    total = sum(weights.values()) or 1.0
    uni = sum(w for t, w in weights.items() if t in present) / total
    qpairs = _bigrams(list(query.content))
    if not qpairs:
        return uni
    tpairs = _bigrams([t for t in toks if t not in vn.STOPWORDS])
    bi = len(qpairs & tpairs) / len(qpairs)
    return 0.7 * uni + 0.3 * bi


@dataclass(frozen=True)
class _Candidate:
    hit: Hit
    sentence: str
    score: float


# Questions about the document itself: who signed it, who issued it, when, to whom.
META_RE = re.compile(
    r"\b(?:ky|nguoi ky|ban hanh|co quan|ngay nao|so hieu|trich yeu|noi nhan|gui|"
    r"signed|issued|ngay bao cao|bao cao so)\b"
)


def _sentences(chunk: Chunk) -> list[str]:
    if chunk.kind in ("footnote", "table", "header"):
        return [chunk.text]
    out = []
    for para in chunk.text.split("\n"):
        out += vn.sentences(para)
    return out


def _clean(sentence: str) -> str:
    """Markers out, and the list dash of an item ("- Đối với …") that the answer's own
    bullet replaces."""
    return re.sub(r"^[-+•]\s+", "", vn.strip_markers(sentence).strip())


def _header(chunk: Chunk) -> str:
    """The context line the chunk was embedded with: report, section and its parent."""
    head = chunk.embed_text.split("\n", 1)[0]
    return f"{head} {chunk.extra.get('context', '')}"


def extract(
    query: Query,
    hits: list[Hit],
    corpus: Corpus,
    min_support: float,
    chunks: dict[str, Chunk],
) -> tuple[list[tuple[Hit, str]], float]:
    """Pick (hit, quoted sentence) pairs that answer the question, best first, with the
    footnotes that hold the details the question asks for."""
    cands: list[_Candidate] = []
    about_document = bool(META_RE.search(vn.fold(query.text)))
    for rank, hit in enumerate(hits):
        if hit.chunk.kind == "header" and not about_document:
            continue
        header = _header(hit.chunk)
        for s in _sentences(hit.chunk):
            cov = coverage(query, f"{header} {s}", corpus)
            own = coverage(query, s, corpus)
            score = 0.6 * own + 0.4 * cov - 0.02 * rank
            if query.wants_figure and vn.numbers(s):
                score += 0.05
            if hit.exact:
                score += 0.3
            cands.append(_Candidate(hit, s, score))
    if not cands:
        return [], 0.0
    cands.sort(key=lambda c: c.score, reverse=True)
    best = cands[0]
    # Both the passage and the quoted sentence itself must cover the question: a passage
    # that merely mentions the topic ("Hội chợ …") without the asked-for fact ("kinh phí")
    # leaves the best sentence short.
    passage = max(coverage(query, h.chunk.embed_text, corpus) for h in hits[:5])
    sentence = coverage(query, f"{best.sentence} {best.hit.chunk.extra.get('context', '')}", corpus)
    support = 1.0 if best.hit.exact else min(passage, sentence)
    support *= query.understood  # an English question half understood is half supported
    if support < min_support:
        return [], support
    picked = [best]
    limit = 4 if query.is_summary else 3
    for c in cands[1:]:
        if len(picked) >= limit:
            break
        if c.score >= 0.85 * best.score and all(c.sentence != p.sentence for p in picked):
            picked.append(c)
    out: list[tuple[Hit, str]] = []
    for c in picked:
        out.append((c.hit, c.sentence))
        for fn in _footnotes_for(query, c.hit.chunk, c.sentence, chunks, corpus):
            if all(fn.id != h.chunk.id for h, _ in out):
                out.append((Hit(fn, c.hit.score), fn.text))
    if query.is_list or any(h.chunk.kind == "footnote" for h, _ in out):
        out = _with_footnotes(query, out, hits, corpus)
    return out, support


def _footnotes_for(
    query: Query, chunk: Chunk, sentence: str, chunks: dict[str, Chunk], corpus: Corpus
) -> list[Chunk]:
    """Footnotes referenced from the clause of `sentence` the question is about
    ('… phê duyệt chủ trương đầu tư 01 dự án⁵'), or, for list questions, from every
    clause that matches well."""
    if chunk.kind == "footnote":
        return []
    prefix = chunk.id.rsplit(":", 1)[0]
    clauses = [c for c in re.split(r"(?<=[;:])\s+", sentence) if c.strip()]
    scored = [(coverage(query, c, corpus), c) for c in clauses]
    top = max((s for s, _ in scored), default=0.0)
    found: list[tuple[float, Chunk]] = []
    for s, clause in scored:
        for number, _, _ in vn.footnote_markers(clause):
            fn = chunks.get(f"{prefix}:fn{number}")
            if fn is None:
                continue
            if s >= 0.9 * top or (
                query.is_list and coverage(query, f"{clause} {fn.text}", corpus) >= 0.8 * top
            ):
                found.append((s, fn))
    found.sort(key=lambda x: x[0], reverse=True)
    return [fn for _, fn in found[:3]]


def _with_footnotes(
    query: Query, picked: list[tuple[Hit, str]], hits: list[Hit], corpus: Corpus
) -> list[tuple[Hit, str]]:
    """For list questions the list lives in footnotes: add the retrieved footnotes whose
    referencing clause and list match the question best."""
    footnote_hits = [h for h in hits if h.chunk.kind == "footnote"]
    if not footnote_hits:
        return picked
    scored = sorted(
        (
            (coverage(query, f"{h.chunk.extra.get('context', '')} {h.chunk.text}", corpus), h)
            for h in footnote_hits
        ),
        key=lambda x: x[0],
        reverse=True,
    )
    top = scored[0][0]
    chosen = [h for s, h in scored if s >= 0.8 * top and s > 0][:3]
    have = {h.chunk.id for h, _ in picked}
    return picked + [(h, h.chunk.text) for h in chosen if h.chunk.id not in have]


def summary_points(
    query: Query, hits: list[Hit], retriever: HybridRetriever, limit: int = 6
) -> list[tuple[Hit, str]]:
    """For 'tóm tắt …' questions: the section the question names (best title coverage,
    then retrieval weight), summarised by walking its paragraphs."""
    store, corpus = retriever.store, retriever.corpus
    weight: dict[tuple[str, str], float] = {}
    for h in hits:
        if h.chunk.kind != "footnote" and h.chunk.section:
            key = (h.chunk.report_id, h.chunk.section)
            weight[key] = weight.get(key, 0.0) + h.score
    if not weight:
        return []
    for rid in {key[0] for key in weight}:
        report = store.report(rid)
        for sec in report.sections if report else ():
            weight.setdefault((rid, sec.path), 0.0)

    def title_cov(key: tuple[str, str]) -> float:
        report = store.report(key[0])
        if not report:
            return 0.0
        titles = []
        path = key[1]
        while path:
            sec = report.section(path)
            titles.append(sec.title if sec else "")
            path = path.rpartition(".")[0]
        return coverage(query, " ".join(titles), corpus)

    rid, path = max(weight, key=lambda key: (round(title_cov(key), 2), weight[key]))
    by_id = {h.chunk.id: h for h in hits}
    points = section_points(chunks_of_section(store.chunks, rid, path))[:limit]
    return [(by_id.get(p.chunk.id) or Hit(p.chunk, 0.0), p.sentence) for p in points]


LONG_SENTENCE = 280


def focus(query: Query, sentence: str, corpus: Corpus) -> str:
    """A long sentence made of ';'-clauses, cut to the clauses that add to the question's
    coverage (kept in order, gaps shown as '…'). Every word shown is verbatim source."""
    if len(sentence) <= LONG_SENTENCE:
        return sentence
    clauses = [c for c in re.split(r"(?<=;)\s+", sentence) if c.strip()]
    if len(clauses) < 3:
        return sentence
    chosen: list[int] = []
    current = 0.0
    while len(chosen) < 3:
        gains = [
            (coverage(query, " ".join(clauses[j] for j in sorted([*chosen, i])), corpus), i)
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


def _referencing_chunk(chunks: dict[str, Chunk], footnote: Chunk) -> Chunk | None:
    """The paragraph chunk holding the clause that refers to a footnote."""
    prefix = footnote.id.rsplit(":", 1)[0] + ":p"
    context = footnote.extra.get("context", "")
    para = footnote.paragraphs[0] if footnote.paragraphs else None
    for c in chunks.values():
        if c.id.startswith(prefix) and para in c.paragraphs and context in vn.strip_markers(c.text):
            return c
    return None


def answer(
    question: str,
    retriever: HybridRetriever,
    k: int = 6,
    min_support: float = 0.5,
    reports: list[str] | None = None,
) -> Answer:
    t0 = time.perf_counter()
    if reports is None:
        # a decision by number, a project's stage, last period's tasks, a measure over the
        # months: answered from the records registry, cited; None lets the passages answer
        from assistant.records import try_records_answer

        records = try_records_answer(question, retriever.store)
        if records is not None:
            return records
    query = retriever.normalize(question)
    if query.is_summary and set(query.content) <= {"bao", "cao"}:
        # "tóm tắt báo cáo tháng 12": the whole report, walked section by section
        allowed = retriever.allowed_reports(query, reports)
        infos = [r for r in retriever.store.reports() if allowed is None or r.report_id in allowed]
        if infos:
            newest = max(infos, key=lambda r: r.date)
            return dataclasses.replace(
                summarize_report(retriever.store, newest.report_id), question=question
            )
    hits = retriever.search(query, k, reports)
    t1 = time.perf_counter()
    corpus = retriever.corpus
    picked, support = (
        extract(query, hits, corpus, min_support, retriever.store.chunks) if hits else ([], 0.0)
    )
    if picked and query.is_summary:
        picked = summary_points(query, hits, retriever) or picked
    t2 = time.perf_counter()
    timings = {"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000}
    if not picked:
        return Answer(question, NOT_FOUND, True, (), support, timings)
    store = retriever.store
    citer = Citer(store)
    lines: list[str] = []
    cite = citer.cite
    leads = {
        _clean(h.chunk.extra.get("context", ""))
        for h, _ in picked
        if h.chunk.kind == "footnote" and h.chunk.extra.get("context")
    }
    for hit, sentence in picked:
        c = hit.chunk
        if c.kind == "footnote":
            lead = _clean(c.extra.get("context", ""))
            ref = _referencing_chunk(store.chunks, c) if lead else None
            # the clause quoted before the list is source text too, so it is cited as well
            lead_cite = f" [{cite(ref, hit.score, lead)}]" if ref else ""
            n = cite(c, hit.score, _clean(sentence))
            lines.append(
                f"{lead or 'Chi tiết'}{lead_cite} (chú thích {c.footnote}): "
                f"{_clean(sentence)} [{n}]"
            )
        else:
            shown = _clean(focus(query, sentence, retriever.corpus))
            if shown.strip(" …;.") in leads:
                continue  # the footnote line below quotes this very clause before its list
            lines.append(f"{shown} [{cite(c, hit.score, shown)}]")
    text = "\n".join(f"- {line}" for line in lines) if len(lines) > 1 else lines[0]
    return Answer(question, text, False, tuple(citer.citations), support, timings)

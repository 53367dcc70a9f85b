"""Hybrid retrieval: dense (e5) and BM25 (folded syllables) rankings fused by reciprocal
rank fusion; exact document numbers and figures first; period named in the question
narrows the reports searched."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.query import Query, normalize
from index import vn
from index.model import Chunk
from index.store import Store

RRF_K = 60  # the constant of Cormack et al. (2009): damps the head of each ranking


def rrf(rankings: list[list[str]], weights: list[float], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: score(d) = Σ w_i / (k + rank_i(d))."""
    scores: dict[str, float] = {}
    for ranking, w in zip(rankings, weights, strict=True):
        for rank, cid in enumerate(ranking, start=1):
            scores[cid] = scores.get(cid, 0.0) + w / (k + rank)
    return scores


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    dense: float | None = None
    lexical: float | None = None
    exact: bool = False


@dataclass
class Corpus:
    """Statistics of the indexed text, rebuilt when the store's generation changes."""

    generation: int
    restorer: vn.DiacriticRestorer
    df: Counter[str]
    n_docs: int
    tokens: dict[str, frozenset[str]] = field(default_factory=dict)

    def idf(self, token: str) -> float:
        return math.log(
            1 + (self.n_docs - self.df.get(token, 0) + 0.5) / (self.df.get(token, 0) + 0.5)
        )


def _period_match(wanted: str, period: str) -> bool:
    if not period:
        return False
    month, _, year = wanted.partition("/")
    p_month, _, p_year = period.partition("/")
    return month == p_month and (year in ("*", p_year))


class HybridRetriever:
    def __init__(self, store: Store, candidates: int = 40, rrf_k: int = RRF_K):
        self.store = store
        self.candidates = candidates
        self.rrf_k = rrf_k
        self._corpus: Corpus | None = None

    @property
    def corpus(self) -> Corpus:
        gen = self.store.generation
        if self._corpus is None or self._corpus.generation != gen:
            chunks = self.store.chunks
            uni, bi = vn.DiacriticRestorer.count(c.text for c in chunks.values())
            tokens = {cid: frozenset(vn.search_tokens(c.embed_text)) for cid, c in chunks.items()}
            df: Counter[str] = Counter()
            for toks in tokens.values():
                df.update(toks)
            self._corpus = Corpus(gen, vn.DiacriticRestorer(uni, bi), df, len(chunks), tokens)
        return self._corpus

    def normalize(self, question: str) -> Query:
        return normalize(question, self.corpus.restorer)

    def allowed_reports(self, query: Query, reports: list[str] | None = None) -> set[str] | None:
        """Reports a question is confined to: those named by the caller, narrowed to the
        period the question names when some report covers it."""
        infos = self.store.reports()
        allowed = {r.report_id for r in infos if reports is None or r.report_id in reports}
        if query.periods:
            # A report matches on the period it reports (2) or, for questions about tasks,
            # on the period its tasks are for (2; otherwise 1). Keep the best-matching.
            scores: dict[str, int] = {}
            for r in infos:
                rep = self.store.report(r.report_id)
                task = rep.meta.task_period if rep else ""
                score = 0
                for w in query.periods:
                    if _period_match(w, r.period):
                        score += 2
                    elif _period_match(w, task):
                        score += 2 if query.about_tasks else 1
                if score and r.report_id in allowed:
                    scores[r.report_id] = score
            if scores:
                top = max(scores.values())
                allowed = {rid for rid, sc in scores.items() if sc == top}
        if reports is None and len(allowed) == len(infos):
            return None
        return allowed

    def search(self, query: Query, k: int = 8, reports: list[str] | None = None) -> list[Hit]:
        chunks = self.store.chunks
        if not chunks:
            return []
        allowed = self.allowed_reports(query, reports)
        where = {"report_id": {"$in": sorted(allowed)}} if allowed is not None else None
        if allowed is not None and not allowed:
            return []
        vector = self.store.embedder.embed_query(query.dense_text)
        dense = self.store.dense_search(vector, self.candidates, where=where)
        lexical = self.store.lexical_search(list(query.tokens), self.candidates, allowed)
        # Unaccented questions: the dense ranking is unreliable even after restoration.
        w_dense = 1.0 if query.accented or query.english else 0.5
        w_lex = 0.3 if query.english else 1.0
        fused = rrf([[c for c, _ in dense], [c for c, _ in lexical]], [w_dense, w_lex], self.rrf_k)
        exact = self._exact(query, allowed)
        for cid in exact:
            fused[cid] = fused.get(cid, 0.0) + 1.0
        dense_s, lex_s = dict(dense), dict(lexical)
        ranked = sorted(fused.items(), key=lambda kv: kv[1], reverse=True)[:k]
        return [
            Hit(chunks[cid], s, dense_s.get(cid), lex_s.get(cid), cid in exact)
            for cid, s in ranked
            if cid in chunks
        ]

    def _exact(self, query: Query, allowed: set[str] | None) -> set[str]:
        """Chunks holding a document number or a figure the question names verbatim."""
        if not query.doc_numbers and not query.figures:
            return set()
        out = set()
        full = [d.upper() for d in query.doc_numbers if "/" in d or "-" in d]
        bare = [d for d in query.doc_numbers if d.isdigit()]
        for cid, c in self.store.chunks.items():
            if allowed is not None and c.report_id not in allowed:
                continue
            upper = vn.nfc(c.text).upper()
            if any(d in upper for d in full) or (
                bare and any(re.search(rf"(?<![\d.,]){d}\s*/", upper) for d in bare)
            ):
                out.add(cid)
            elif query.figures:
                keys = {vn.number_key(n) for n in vn.numbers(c.text)}
                if any(f in keys for f in query.figures):
                    out.add(cid)
        return out


def to_document(hit: Hit, store: Store) -> Document:
    """A hit as a LangChain Document: the exact passage, with everything needed to cite it."""
    c = hit.chunk
    report = store.report(c.report_id)
    meta: dict[str, Any] = {
        "id": c.id,
        "report_id": c.report_id,
        "number": report.meta.number if report else "",
        "date": report.meta.date_vn if report else "",
        "period": report.meta.period if report else "",
        "section": c.section,
        "section_title": c.section_title,
        "footnote": c.footnote,
        "footnotes": list(c.footnotes),
        "page": c.page,
        "source": report.source if report else "",
        "kind": c.kind,
        "score": hit.score,
    }
    return Document(page_content=c.text, metadata=meta, id=c.id)


class ReportRetriever(BaseRetriever):
    """The hybrid retriever as a LangChain retriever, for use in LangChain chains."""

    hybrid: Any
    k: int = 6
    reports: list[str] | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = self.hybrid.search(self.hybrid.normalize(query), self.k, self.reports)
        return [to_document(h, self.hybrid.store) for h in hits]

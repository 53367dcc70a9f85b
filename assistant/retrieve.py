"""Hybrid retrieval: dense (e5) and BM25 (folded syllables) rankings fused by reciprocal
rank fusion; exact document numbers and figures first; period named in the question
narrows the reports searched."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.named_reports import place_initials, spelled_out
from assistant.query import Query, normalize
from assistant.scope import scope_of
from index import vn
from index.lexicon import Lexicon
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
    dense_rank: int | None = None  # 0-based rank in each retriever's list, None: not in it
    lexical_rank: int | None = None


@dataclass
class Corpus:
    """Statistics of the indexed text, from the store's lexical segments (index/lexicon.py):
    rebuilt when the store's generation changes, each report's read when first asked."""

    generation: int
    lexicon: Lexicon
    _terms: dict[str, dict[str, int]] = field(default_factory=dict)
    _restorer: vn.DiacriticRestorer | None = None
    _initials: dict[str, set[str]] | None = None

    @property
    def restorer(self) -> vn.DiacriticRestorer:
        """Built on the first question typed without diacritics (the vocabulary's
        syllable and bigram counts are the biggest part of the statistics)."""
        if self._restorer is None:
            self._restorer = vn.DiacriticRestorer(self.lexicon.unigrams, self.lexicon.bigrams)
        return self._restorer

    def initials(self, store: Store) -> dict[str, set[str]]:
        """The indexed issuers' places by their initials ("phường KT"), read once."""
        if self._initials is None:
            self._initials = place_initials(i.issuer for i in store.reports())
        return self._initials

    def _report_terms(self, report_id: str) -> tuple[dict[str, int], int]:
        seg = self.lexicon.segments.get(report_id)
        if seg is None:
            return {}, 0
        if report_id not in self._terms:
            self._terms[report_id] = seg.term_counts()
        return self._terms[report_id], len(seg.ids)

    def report_idf(self, report_id: str) -> Callable[[str], float]:
        """A term's rarity within one report: judging an answer from that report never
        depends on which other reports happen to be indexed."""
        df, n = self._report_terms(report_id)
        return lambda t: math.log(1 + (n + 1) / (df.get(t, 0) + 0.5))

    def report_count(self, report_id: str) -> Callable[[str], int]:
        df = self._report_terms(report_id)[0]
        return lambda t: df.get(t, 0)


class HybridRetriever:
    def __init__(self, store: Store, candidates: int = 40, rrf_k: int = RRF_K):
        self.store = store
        self.candidates = candidates
        self.rrf_k = rrf_k
        self._corpus: Corpus | None = None
        self._vectors: dict[str, np.ndarray] = {}

    @property
    def corpus(self) -> Corpus:
        gen = self.store.generation
        if self._corpus is None or self._corpus.generation != gen:
            self._corpus = Corpus(gen, self.store.lexicon)
        return self._corpus

    def query_vector(self, query: Query) -> np.ndarray:
        """The question's dense vector (cached: answerers compare it with sentences)."""
        if query.dense_text not in self._vectors:
            if len(self._vectors) > 256:
                self._vectors.clear()
            self._vectors[query.dense_text] = self.store.embedder.embed_query(query.dense_text)
        return self._vectors[query.dense_text]

    def normalize(self, question: str) -> Query:
        # a question without diacritics is restored, an English one's terms the reports
        # use as they are ('ketamine', 'camera') kept (assistant/query.py)
        corpus = self.corpus
        return normalize(spelled_out(question, corpus.initials(self.store)), corpus.restorer)

    def search(
        self, query: Query, k: int = 8, allowed: frozenset[str] | set[str] | None = None
    ) -> list[Hit]:
        """The k best passages of the `allowed` reports (None: every report)."""
        chunks = self.store.chunks
        if not len(chunks):
            return []
        if allowed is not None and not allowed:
            return []
        vector = self.query_vector(query)
        dense = self.store.dense_search(vector, self.candidates, reports=allowed)
        lexical = self.store.lexical_search(list(query.tokens), self.candidates, allowed)
        # Unaccented questions: the dense ranking is unreliable even after restoration.
        w_dense = 1.0 if query.accented or query.english else 0.5
        w_lex = 0.3 if query.english else 1.0
        fused = rrf([[c for c, _ in dense], [c for c, _ in lexical]], [w_dense, w_lex], self.rrf_k)
        exact = self._exact(query, allowed)
        for cid in exact:
            fused[cid] = fused.get(cid, 0.0) + 1.0
        if query.appendix:  # "theo phụ lục": the rows of its tables, not the prose around
            rows = {
                cid: s for cid, s in fused.items() if cid in chunks and chunks[cid].kind == "table"
            }
            fused = rows or fused
        dense_s, lex_s = dict(dense), dict(lexical)
        d_rank = {cid: i for i, (cid, _) in enumerate(dense)}
        l_rank = {cid: i for i, (cid, _) in enumerate(lexical)}
        ranked = sorted(fused.items(), key=lambda kv: kv[1], reverse=True)[:k]
        return [
            Hit(
                chunks[cid],
                s,
                dense_s.get(cid),
                lex_s.get(cid),
                cid in exact,
                d_rank.get(cid),
                l_rank.get(cid),
            )
            for cid, s in ranked
            if cid in chunks
        ]

    def _exact(self, query: Query, allowed: frozenset[str] | set[str] | None) -> set[str]:
        """Chunks holding a document number or a figure the question names verbatim."""
        if not query.doc_numbers and not query.figures:
            return set()
        out = set()
        full = [d.upper() for d in query.doc_numbers if "/" in d or "-" in d]
        bare = [d for d in query.doc_numbers if d.isdigit()]
        # only chunks holding the number's digits can hold it: the postings say which
        tokens = {s for d in query.doc_numbers for s in vn.syllables(d) if s.isdigit()}
        for f in query.figures:
            tokens |= {f"#{f}"} | ({f.rstrip("%")} if re.fullmatch(r"\d+%?", f) else set())
        for c in self.store.chunks_with(tokens):
            if allowed is not None and c.report_id not in allowed:
                continue
            upper = vn.nfc(c.text).upper()
            if any(d in upper for d in full) or (
                bare and any(re.search(rf"(?<![\d.,]){d}\s*/", upper) for d in bare)
            ):
                out.add(c.id)
            elif query.figures:
                keys = {vn.number_key(n) for n in vn.numbers(c.text)}
                if any(f in keys for f in query.figures):
                    out.add(c.id)
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
        q = self.hybrid.normalize(query)
        allowed = scope_of(q, self.hybrid.store, self.reports).allowed
        hits = self.hybrid.search(q, self.k, allowed)
        return [to_document(h, self.hybrid.store) for h in hits]

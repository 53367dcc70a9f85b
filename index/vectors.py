"""Each report version's chunk vectors beside its BM25 segment, for exact dense search
within a few reports.

Measured on 1,000 reports (93k chunks): Chroma answers an unfiltered query in ~1 ms, but a
query filtered to a few reports (`where report_id $in …`) took 30–130 ms. A question that
names a district and a month is answered faster, and exactly, by scoring those reports'
few hundred vectors here. Derived data: rebuilt from the vector store when missing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

SUFFIX = ".vec"
CACHED = 128  # report versions' vectors kept in memory (~150 KB each)

_LRU: OrderedDict[str, np.ndarray] = OrderedDict()
_LOCK = threading.Lock()


def save(path: Path, vectors: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        np.save(f, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)
    tmp.replace(path)


def cached(path: Path) -> np.ndarray | None:
    """The vectors saved at `path`, or None when there are none (yet)."""
    key = str(path)
    with _LOCK:
        hit = _LRU.get(key)
        if hit is not None:
            _LRU.move_to_end(key)
            return hit
    try:
        with open(path, "rb") as f:
            got = np.load(f, allow_pickle=False)
    except (FileNotFoundError, ValueError, OSError):
        return None
    with _LOCK:
        _LRU[key] = got
        while len(_LRU) > CACHED:
            _LRU.popitem(last=False)
    return got


def cosine_top(query: np.ndarray, blocks: list[tuple[list[str], np.ndarray]], k: int):
    """(id, cosine similarity) of the k best rows over `blocks` of (ids, vectors)."""
    ids = [i for block_ids, _ in blocks for i in block_ids]
    if not ids:
        return []
    mat = np.vstack([v for _, v in blocks])
    q = query.astype(np.float32) / (float(np.linalg.norm(query)) or 1.0)
    norms = np.linalg.norm(mat, axis=1)
    sims = (mat @ q) / np.where(norms > 0, norms, 1.0)
    k = min(k, len(ids))
    top = np.argpartition(-sims, k - 1)[:k]
    top = top[np.argsort(-sims[top], kind="stable")]
    return [(ids[i], float(sims[i])) for i in top]

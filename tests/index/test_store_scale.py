"""What keeps ingest flat and memory small as the archive grows (issue 13): per-report BM25
segments that score exactly as one BM25 over everything, adds that never read the other
reports, folder ingests that commit once per batch, and an embedding cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLE_FILES, HashEmbedder

from index import chunkmap, vn
from index.ingest import ingest_file, ingest_paths
from index.lexicon import Lexicon, Segment
from index.store import Store

MAX = 50 * 1024 * 1024


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def embed_passages(self, texts):
        self.embedded += len(texts)
        return super().embed_passages(texts)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in SAMPLE_FILES:
        shutil.copy(f, folder / f.name)
    return folder


def test_segments_score_as_one_bm25s_index_over_every_chunk(tmp_path: Path) -> None:
    import bm25s

    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, SAMPLE_FILES, MAX)
    chunks = [c for r in store.reports() for c in store.chunks_of(r.report_id)]
    reference = bm25s.BM25()
    reference.index([vn.search_tokens(c.embed_text) for c in chunks], show_progress=False)
    merged = Lexicon([Segment.build(r.report_id, store.chunks_of(r.report_id))
                      for r in store.reports()])  # fmt: skip
    for question in ("giấy phép xây dựng", "thu ngân sách nhà nước lũy kế", "tai nạn giao thông"):
        tokens = vn.search_tokens(question)
        want = reference.get_scores(tokens)
        got = dict(merged.search(tokens, len(chunks)))
        for i, c in enumerate(chunks):
            assert got.get(c.id, 0.0) == pytest.approx(float(want[i]), rel=1e-4, abs=1e-5)


def test_adding_a_report_never_reads_the_others(tmp_path: Path, docs: Path) -> None:
    store = Store(tmp_path / "i", HashEmbedder())
    for f in SAMPLE_FILES[:2]:
        ingest_file(store, docs / f.name, MAX)
    chunkmap._LRU.clear()
    reads: list[str] = []
    real = store.files.read_report
    store.files.read_report = lambda n: reads.append(n) or real(n)  # type: ignore[method-assign]
    added = ingest_file(store, docs / SAMPLE_FILES[2].name, MAX)
    # nothing to sweep, nothing of the other two read (the records registry reads the new one)
    assert {name.split(".")[0] for name in reads} <= {added.report_id}
    assert len(store.reports()) == 3


def test_a_folder_commits_once_per_batch(tmp_path: Path, docs: Path) -> None:
    store = Store(tmp_path / "a", HashEmbedder())
    reported: list[int] = []
    ingest_paths(store, [docs], MAX, on_result=lambda r: reported.append(store.generation))
    assert store.generation == 1 and len(store.reports()) == len(SAMPLE_FILES)
    assert reported == [1] * len(SAMPLE_FILES)  # each announced once committed, not before
    small = Store(tmp_path / "b", HashEmbedder())
    ingest_paths(small, [docs], MAX, commit_every=2)
    assert small.generation == 2  # 3 files: a batch of two, then the last one


def test_reading_answers_without_loading_every_report(tmp_path: Path, docs: Path) -> None:
    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [docs], MAX)
    chunkmap._LRU.clear()
    reader = Store(tmp_path / "i", HashEmbedder())
    hits = reader.lexical_search(vn.search_tokens("giấy phép xây dựng"), 5)
    assert hits and not chunkmap._LRU  # BM25 needs only the segments
    reader.chunks[hits[0][0]]
    assert len(chunkmap._LRU) == 1


def test_a_lightly_edited_report_embeds_only_its_changed_passages(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    store = Store(tmp_path / "i", embedder)
    path = tmp_path / "bao-cao.txt"
    shutil.copy(SAMPLE_FILES[0], path)
    first = ingest_file(store, path, MAX)
    assert embedder.embedded == first.chunks
    text = path.read_text("utf-8")
    edited = text.replace("41 giấy phép", "42 giấy phép", 1)
    assert edited != text
    path.write_text(edited, "utf-8")
    embedder.embedded = 0
    again = ingest_file(store, path, MAX)
    assert again.status == "replaced"
    assert 0 < embedder.embedded <= 3, embedder.embedded  # the edited passage and its kin
    vectors = store._coll().get(ids=[c.id for c in store.chunks_of(again.report_id)],
                                include=["embeddings"])["embeddings"]  # fmt: skip
    assert np.isfinite(np.asarray(vectors)).all() and len(vectors) == again.chunks


def test_a_damaged_segment_or_vector_copy_is_rebuilt(tmp_path: Path, docs: Path) -> None:
    """Segments and vector copies are derived: a truncated or garbled one is rebuilt from
    the report and the vector store, and answers do not change."""
    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [docs], MAX)
    tokens = vn.search_tokens("giấy phép xây dựng")
    want = store.lexical_search(tokens, 5)
    vector = store.embedder.embed_query("giấy phép xây dựng")
    rid = store.reports()[0].report_id
    dense = store.dense_search(vector, 5, reports={rid})
    lex = tmp_path / "i" / "lex"
    for f in lex.glob("*.seg"):
        f.write_bytes(f.read_bytes()[: len(f.read_bytes()) // 2])
    for f in lex.glob("*.vec"):
        f.write_bytes(b"not an array")
    from index import lexicon, vectors

    lexicon._CACHE.clear()
    vectors._LRU.clear()
    reopened = Store(tmp_path / "i", HashEmbedder())
    assert reopened.lexical_search(tokens, 5) == want
    again = reopened.dense_search(vector, 5, reports={rid})
    assert [c for c, _ in again] == [c for c, _ in dense]
    assert [s for _, s in again] == pytest.approx([s for _, s in dense], abs=1e-5)


def test_a_segment_built_with_other_synonyms_is_rebuilt(
    tmp_path: Path, docs: Path, monkeypatch
) -> None:
    """Per-report statistics hold synonym-group tokens ('~4'): a segment written with
    another vocabulary (an upgrade that adds a group) is rebuilt, not read with stale df."""
    from index import lexicon

    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [docs], MAX)
    seg = next((tmp_path / "i" / "lex").glob("*.seg"))
    assert lexicon.Segment.load(seg).term_counts()
    monkeypatch.setattr(vn, "VOCABULARY", "another")
    with pytest.raises(ValueError, match="another vocabulary"):
        lexicon.Segment.load(seg)
    lexicon._CACHE.clear()
    reopened = Store(tmp_path / "i", HashEmbedder())
    assert reopened.lexical_search(vn.search_tokens("giấy phép xây dựng"), 5)
    assert lexicon.Segment.load(seg).report_id  # written again, with the vocabulary in use


def test_a_small_index_is_searched_exactly(tmp_path: Path, docs: Path) -> None:
    """Unscoped, a small index is scored exactly over every chunk's vector: the same
    question gets the same passages whatever state Chroma's approximate graph is in."""
    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [docs], MAX)
    vector = store.embedder.embed_query("giấy phép xây dựng")
    blocks = [store._vectors(i.report_id, i.version) for i in store.reports()]
    ids = [c for block_ids, _ in blocks for c in block_ids]
    mat = np.vstack([v for _, v in blocks])
    sims = mat @ vector / (np.linalg.norm(mat, axis=1) * np.linalg.norm(vector))
    want = [ids[i] for i in np.argsort(-sims, kind="stable")[:5]]
    got = store.dense_search(vector, 5)
    assert [c for c, _ in got] == want
    assert [s for _, s in got] == pytest.approx(sorted(sims, reverse=True)[:5], abs=1e-5)

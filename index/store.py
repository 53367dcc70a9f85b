"""The one stateful object: Chroma (dense), BM25 segments (lexical) and a manifest.

The manifest is the commit point. A report's document, vectors and lexical segment are
written under a new version id, then the manifest is swapped atomically, then what the
manifest no longer names is deleted one commit later (a reader that loaded the previous
state still finds it). A process killed at any step leaves the previous manifest in force;
anything it wrote beyond that is swept away by the next write. Every step costs the size of
the report written, not of the index: nothing here reads or lists every report's chunks.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index import chunkmap, labels, lexicon, vectors
from index.embed import Embedder
from index.errors import IndexMismatchError
from index.model import Chunk, Report
from index.storage import LocalFiles, open_files
from index.store_write import AlreadyIndexed, ReportIdTaken, Writing, section_fields_of

if TYPE_CHECKING:  # records registry (index/registry/)
    from index.registry import Registry

log = logging.getLogger(__name__)

EXACT_MAX_CHUNKS = 20_000  # reports scored exactly by dense_search, in chunks
CHECK_EVERY_S = 1.0  # a Chroma server's manifest is polled at most this often


@dataclass(frozen=True)
class ReportInfo:
    report_id: str
    source: str
    path: str
    sha256: str
    version: str
    number: str
    date: str
    period: str
    issuer: str
    title: str
    chunks: int
    ingested_at: float
    pipeline: str = ""  # parser/chunker version that built it (index.ingest.PIPELINE)
    task_period: str | None = None  # the period its tasks are for; None: not recorded (older index)

    @property
    def label(self) -> str:
        """A readable name even without a number or a full date (index.labels)."""
        return labels.report_label(
            self.number, self.date, self.period, self.issuer, self.title, self.source
        )


class Store(Writing):
    """Open (or create) the index under `root` for `embedder`; with `chroma_url`, the
    committed data lives in that Chroma server and `root` holds only derived caches."""

    def __init__(self, root: Path, embedder: Embedder, chroma_url: str | None = None):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.embedder = embedder
        self.files: LocalFiles = open_files(self.root, chroma_url)
        self._token: float | None = None
        self._checked = 0.0
        self._manifest: dict[str, Any] = {}
        self._lexicon: lexicon.Lexicon | None = None
        self._collection: Any = None
        self._batch: dict[str, Any] | None = None  # the manifest being built by batch()
        self._pinned = False
        self._infos: list[ReportInfo] | None = None
        self._refresh()
        recorded = self._manifest.get("embedder")
        if recorded and recorded["name"] != embedder.name:
            raise IndexMismatchError(
                f"Chỉ mục ở {self.files.url if self.files.where == 'server' else self.root} "  # type: ignore[attr-defined]
                f"được tạo bằng bộ nhúng '{recorded['name']}', "
                f"không thể dùng '{embedder.name}'. Hãy dùng đúng bộ nhúng đó "
                "(ASSISTANT_EMBEDDER) hoặc tạo chỉ mục mới ở thư mục khác (--index)."
            )

    # ---- reading -------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.files.manifest_path

    def _refresh(self, force: bool = False) -> None:
        """Reload the manifest when another process (the CLI, an upload) has committed."""
        if self._batch is not None or self._pinned:
            return  # a batch reads what it is building; a pinned view, its one state
        now = time.monotonic()
        if not force and self.files.where == "server" and now - self._checked < CHECK_EVERY_S:
            return
        self._checked = now
        token = self.files.token()
        if token == self._token and not force:
            return
        manifest = self.files.read_manifest()
        if manifest.get("generation") != self._manifest.get("generation"):
            self._lexicon, self._infos = None, None
        self._manifest, self._token = manifest, token

    def pinned(self) -> Store:
        """A read-only view of the state committed now that never reloads: one request, or
        one app snapshot, reads one consistent state whatever other processes commit. Its
        replaced reports stay readable one more commit (see index/store_write.py)."""
        self._refresh()
        view = copy.copy(self)
        view._pinned = True
        return view

    @property
    def _live(self) -> dict[str, Any]:
        return (self._batch or self._manifest)["reports"]

    def _load(self, rid: str, version: str) -> chunkmap.Loaded | None:
        where = f"{self.files.where}:{getattr(self.files, 'url', self.root)}"
        return chunkmap.load(where, f"{rid}.{version}", self.files.read_report)

    @property
    def chunks(self) -> chunkmap.ChunkMap:
        """Every live chunk by id, read on demand."""
        self._refresh()
        live = {rid: info["version"] for rid, info in self._live.items()}
        count = sum(int(info["chunks"]) for info in self._live.values())
        return chunkmap.ChunkMap(live, self._load, lambda: self.lexicon.ids, count)

    def chunks_with(self, tokens: set[str]) -> list[Chunk]:
        """The live chunks holding any of these search tokens (`vn.search_tokens`), in
        index order: candidates for an exact match, found without reading every chunk."""
        if not tokens:
            return []
        found = self.lexicon.chunks_with(tokens)
        chunks = self.chunks
        ordered = sorted(found, key=self.lexicon.index.__getitem__)
        return [chunks[c] for c in ordered if c in chunks]

    def chunks_of(self, report_id: str) -> list[Chunk]:
        """One report's chunks, in reading order."""
        self._refresh()
        info = self._live.get(report_id)
        loaded = self._load(report_id, info["version"]) if info else None
        return list(loaded.chunks) if loaded else []

    def reports(self) -> list[ReportInfo]:
        self._refresh()
        if self._batch is not None:
            return [
                ReportInfo(report_id=rid, **info) for rid, info in self._batch["reports"].items()
            ]
        if self._infos is None:  # built once per committed state
            self._infos = [
                ReportInfo(report_id=r, **i) for r, i in self._manifest["reports"].items()
            ]
        return list(self._infos)

    def info(self, report_id: str) -> ReportInfo | None:
        """What the manifest says of one report (no document read)."""
        self._refresh()
        entry = self._live.get(report_id)
        return ReportInfo(report_id=report_id, **entry) if entry else None

    def report(self, report_id: str) -> Report | None:
        self._refresh()
        info = self._live.get(report_id)
        loaded = self._load(report_id, info["version"]) if info else None
        return loaded.report if loaded else None

    def find_by_hash(self, sha256: str) -> ReportInfo | None:
        return next((r for r in self.reports() if r.sha256 == sha256), None)

    def find_by_path(self, path: str) -> ReportInfo | None:
        return next((r for r in self.reports() if r.path == path), None)

    def find_same_document(self, number: str, date: str, issuer: str) -> list[ReportInfo]:
        """Reports with this number, date and issuer: another copy or version of one
        document (a blank number "/BC-UBND" matches nothing)."""
        if not any(ch.isdigit() for ch in number.split("/")[0]):
            return []
        return [
            r
            for r in self.reports()
            if r.number == number and r.date == date and r.issuer == issuer
        ]

    @property
    def generation(self) -> int:
        self._refresh()
        return int(self._manifest.get("generation", 0))

    @property
    def lexicon(self) -> lexicon.Lexicon:
        """The live reports' BM25 segments merged (segments cached per process)."""
        self._refresh()
        if self._lexicon is None:
            self._lexicon = lexicon.Lexicon(
                [self._segment(rid, info["version"]) for rid, info in self._live.items()]
            )
        return self._lexicon

    def _segment_path(self, rid: str, version: str) -> Path:
        return self.root / "lex" / f"{rid}.{version}{lexicon.SUFFIX}"

    def _segment(self, rid: str, version: str) -> lexicon.Segment:
        path = self._segment_path(rid, version)
        try:
            return lexicon.cached(path)
        except (FileNotFoundError, ValueError, KeyError, OSError):
            # derived data: built from the report's document when missing or outdated
            # (an index from a Chroma server, or from an older format)
            loaded = self._load(rid, version)
            if loaded is None:
                segment = lexicon.Segment.build(rid, ())
            else:
                fields = section_fields_of(loaded.report)
                segment = lexicon.Segment.build(rid, loaded.chunks, fields)
            with contextlib.suppress(OSError):
                segment.save(path)
            return segment

    def embed(self, texts: list[str], on_batch: Any = None) -> np.ndarray:
        """Passage vectors for an ingest, reusing those this folder has computed before
        (index/embcache.py): a re-ingested, lightly edited report embeds only what changed."""
        from index.embcache import EmbeddingCache

        return EmbeddingCache(self.root / "embcache.sqlite").embed(self.embedder, texts, on_batch)

    def open_vectors(self) -> None:
        """Open the vector collection now rather than in the first question."""
        self._coll()

    def _coll(self) -> Any:
        if self._collection is None or self.files.stale(self.generation):
            self._collection = self.files.chunks(self.generation)
        return self._collection

    def _vectors(self, rid: str, version: str) -> tuple[list[str], np.ndarray]:
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
        self,
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
        self._refresh()
        live = {rid: info["version"] for rid, info in self._manifest["reports"].items()}
        total = sum(int(info["chunks"]) for info in self._manifest["reports"].values())
        if not live:
            return []
        small = len(live) <= vectors.CACHED and total <= EXACT_MAX_CHUNKS
        if reports is None and where is None and small:
            reports = frozenset(live)
        if reports is not None:
            chosen = sorted(r for r in reports if r in live)
            size = sum(int(self._manifest["reports"][r]["chunks"]) for r in chosen)
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
            self._collection = None
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

    def lexical_search(
        self, tokens: list[str], k: int, reports: set[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, BM25 score), best first, over folded syllables; optionally only over
        the chunks of `reports` (masked inside BM25, so other reports cannot crowd them out)."""
        if reports is not None and not reports:
            return []
        return self.lexicon.search(tokens, k, reports)

    # ---- records registry (index/registry/) ----------------------------------------
    # Written after the manifest commit; a process killed in between is repaired by the
    # next Store that opens the registry or adds/removes a report.

    @property
    def registry(self) -> Registry:
        """The SQLite registry of extracted records (records.sqlite), opened on first use
        and then brought in step with the committed manifest."""
        from index.registry import Registry

        if getattr(self, "_registry", None) is None:
            with self.files.lock():
                self._refresh(force=True)
                self._sync_registry()
        if getattr(self, "_registry", None) is None:  # it could not be opened: say why
            self._registry = Registry(self.root / "records.sqlite")
        return self._registry

    def _sync_registry(self) -> None:
        """Reconcile the registry with the manifest; the caller holds the lock. Records are
        secondary to the committed index: on failure the next sync retries."""
        import sqlite3

        from index.registry import Registry

        with contextlib.suppress(sqlite3.Error, OSError):
            if getattr(self, "_registry", None) is None:
                self._registry = Registry(self.root / "records.sqlite")
            live = {rid: info["version"] for rid, info in self._manifest["reports"].items()}
            self._registry.reconcile(live, self.report)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with self.files.lock():
            yield


__all__ = ["AlreadyIndexed", "ReportIdTaken", "ReportInfo", "Store"]

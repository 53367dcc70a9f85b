"""The one stateful object: Chroma (dense), bm25s (lexical) and a manifest, under one folder.

The manifest is the commit point. A report's chunks are written under a new version id,
then the manifest is swapped atomically, then the old chunks are deleted. A process killed
at any step leaves the previous manifest in force; anything it wrote beyond that is ignored
when reading and swept away by the next write.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index import labels, vn
from index.embed import Embedder
from index.errors import IndexMismatchError
from index.model import Chunk, Report

if TYPE_CHECKING:  # records registry (index/registry.py)
    from index.registry import Registry

log = logging.getLogger(__name__)

FORMAT = 1
_CHROMA_OPEN = threading.Lock()
# The manifest generation each index folder's Chroma client was opened at (or last written
# by this process). chromadb keeps one client System per folder and process, with the HNSW
# index in memory: after another process commits, that System is stale (queries fail with
# "Error finding id"). A Store then opens a fresh one.
_CLIENT_GENERATION: dict[str, int] = {}


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

    @property
    def label(self) -> str:
        """A readable name even without a number or a full date (index.labels)."""
        return labels.report_label(
            self.number, self.date, self.period, self.issuer, self.title, self.source
        )


class ReportIdTaken(Exception):
    """Another writer committed a different report under this id meanwhile."""


class AlreadyIndexed(Exception):
    """Another writer committed this very content meanwhile."""

    def __init__(self, report_id: str):
        super().__init__(report_id)
        self.report_id = report_id


def _write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _meta(chunk: Chunk, report: Report) -> dict[str, Any]:
    """Chroma metadata: scalars only."""
    m = report.meta
    return {
        "report_id": chunk.report_id,
        "number": m.number,
        "date": m.date,
        "period": m.period,
        "issuer": m.issuer,
        "section": chunk.section,
        "section_title": chunk.section_title,
        "kind": chunk.kind,
        "footnote": chunk.footnote if chunk.footnote is not None else -1,
        "footnotes": ",".join(map(str, chunk.footnotes)),
        "source": report.source,
        "page": chunk.page if chunk.page is not None else -1,
    }


class Store:
    """Open (or create) the index under `root` for `embedder`."""

    def __init__(self, root: Path, embedder: Embedder):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.embedder = embedder
        self._manifest_mtime = -1.0
        self._manifest: dict[str, Any] = {}
        self._chunks: dict[str, Chunk] = {}
        self._reports: dict[str, Report] = {}
        self._bm25: Any = None
        self._bm25_ids: list[str] = []
        self._collection: Any = None
        self._refresh()
        recorded = self._manifest.get("embedder")
        if recorded and recorded["name"] != embedder.name:
            raise IndexMismatchError(
                f"Chỉ mục ở {self.root} được tạo bằng bộ nhúng '{recorded['name']}', "
                f"không thể dùng '{embedder.name}'. Hãy dùng đúng bộ nhúng đó "
                "(ASSISTANT_EMBEDDER) hoặc tạo chỉ mục mới ở thư mục khác (--index)."
            )

    # ---- reading -------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    def _refresh(self) -> None:
        """Reload when another process (the CLI, an upload) has committed a change."""
        try:
            mtime = self.manifest_path.stat().st_mtime
        except FileNotFoundError:
            mtime = 0.0
        if mtime == self._manifest_mtime:
            return
        manifest = (
            json.loads(self.manifest_path.read_text("utf-8"))
            if mtime
            else {"format": FORMAT, "reports": {}, "generation": 0}
        )
        chunks: dict[str, Chunk] = {}
        reports: dict[str, Report] = {}
        for rid, info in manifest["reports"].items():
            data = json.loads(
                (self.root / "reports" / f"{rid}.{info['version']}.json").read_text("utf-8")
            )
            reports[rid] = Report.from_dict(data["report"])
            for c in data["chunks"]:
                chunk = Chunk.from_dict(c)
                chunks[chunk.id] = chunk
        self._manifest, self._chunks, self._reports = manifest, chunks, reports
        self._manifest_mtime = mtime
        self._load_bm25()

    def _load_bm25(self) -> None:
        import bm25s

        self._bm25, self._bm25_ids = None, []
        if not self._chunks:
            return
        bdir = self.root / "bm25"
        try:
            meta = json.loads((bdir / "ids.json").read_text("utf-8"))
            if meta["generation"] != self._manifest.get("generation"):
                raise ValueError("stale")
            self._bm25 = bm25s.BM25.load(str(bdir), show_progress=False)
            self._bm25_ids = meta["ids"]
        except (FileNotFoundError, ValueError, KeyError, json.JSONDecodeError):
            self._bm25, self._bm25_ids = _build_bm25(self._chunks)

    @property
    def chunks(self) -> dict[str, Chunk]:
        self._refresh()
        return self._chunks

    def chunks_of(self, report_id: str) -> list[Chunk]:
        """One report's chunks, in reading order."""
        prefix = f"{report_id}:"
        return [c for cid, c in self.chunks.items() if cid.startswith(prefix)]

    def reports(self) -> list[ReportInfo]:
        self._refresh()
        return [
            ReportInfo(report_id=rid, **info) for rid, info in self._manifest["reports"].items()
        ]

    def report(self, report_id: str) -> Report | None:
        self._refresh()
        return self._reports.get(report_id)

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

    def _coll(self) -> Any:
        # chromadb caches a client's System before starting it: two threads opening the first
        # client of a folder at once break both (measured 8 of 10 trials without the lock).
        if self._collection is not None:
            return self._collection
        with _CHROMA_OPEN:
            return self._open_collection()

    def _open_collection(self) -> Any:
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            path = str(self.root / "chroma")
            generation = int(self._manifest.get("generation", 0))
            if _CLIENT_GENERATION.get(path) != generation:
                _forget_client(path)  # another process has committed since: read it afresh
            client = chromadb.PersistentClient(
                path=path,
                settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
            )
            _CLIENT_GENERATION[path] = generation
            # embedding_function=None: we pass vectors; Chroma's default would try to download.
            self._collection = client.get_or_create_collection(
                "chunks", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
        return self._collection

    def _reopen_if_stale(self) -> None:
        """Before writing: a client opened before another process's commit is dropped."""
        if _CLIENT_GENERATION.get(str(self.root / "chroma")) != self.generation:
            self._collection = None

    def dense_search(
        self, vector: np.ndarray, k: int, where: dict | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity), best first; only chunks of the committed manifest."""
        live = self.chunks
        if not live:
            return []
        query = {
            "query_embeddings": [vector.tolist()],
            "n_results": min(len(live) + 32, k + 32),
            "where": where,
            "include": ["distances"],
        }
        try:
            res = self._coll().query(**query)
        except Exception as e:  # a client left behind by another process's commit
            log.warning("dense search failed (%r); reopening the vector index", e)
            self._collection = None
            _CLIENT_GENERATION.pop(str(self.root / "chroma"), None)
            try:
                res = self._coll().query(**query)
            except Exception as e2:  # the lexical ranking still answers
                log.warning("dense search unavailable: %r", e2)
                return []
        out = [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(res["ids"][0], res["distances"][0], strict=True)
            if cid in live
        ]
        return out[:k]

    def lexical_search(
        self, tokens: list[str], k: int, reports: set[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, BM25 score), best first, over folded syllables; optionally only over
        the chunks of `reports` (masked inside BM25, so other reports cannot crowd them out)."""
        self._refresh()
        if self._bm25 is None or not tokens:
            return []
        mask = None
        if reports is not None:
            mask = np.array(
                [self._chunks[c].report_id in reports for c in self._bm25_ids], dtype=np.float32
            )
            if not mask.any():
                return []
        n = min(k, len(self._bm25_ids))
        docs, scores = self._bm25.retrieve(
            [tokens], k=n, show_progress=False, n_threads=1, weight_mask=mask
        )
        return [
            (self._bm25_ids[int(d)], float(s))
            for d, s in zip(docs[0], scores[0], strict=True)
            if s > 0
        ]

    # ---- writing -------------------------------------------------------------------

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with open(self.root / ".lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def add(
        self,
        report_id: str,
        report: Report,
        chunks: list[Chunk],
        vectors: np.ndarray,
        sha256: str,
        version: str,
        path: str,
        replaces: str | Sequence[str] | None = None,
        pipeline: str = "",
    ) -> None:
        """Commit one report (replacing `replaces`, a report id, if given) in one step.
        Writers queue on the folder's lock; what another writer committed while this one
        parsed and embedded is checked again here, so nothing reported added vanishes:
        ReportIdTaken when its id now names another report, AlreadyIndexed when the same
        content is already in."""
        if len(chunks) != len(vectors):
            raise ValueError("one vector per chunk")
        gone = {replaces} if isinstance(replaces, str) else set(replaces or ())
        with self._lock():
            self._manifest_mtime = -1.0
            self._refresh()
            reports = self._manifest["reports"]
            twin = next(
                (
                    rid
                    for rid, info in reports.items()
                    if info["sha256"] == sha256
                    and info.get("pipeline") == pipeline
                    and rid not in gone
                ),
                None,
            )
            if twin is not None:
                raise AlreadyIndexed(twin)
            if report_id in reports and report_id not in gone:
                raise ReportIdTaken(report_id)
            self._reopen_if_stale()
            self._sweep()
            payload = {"report": report.to_dict(), "chunks": [c.to_dict() for c in chunks]}
            _write_atomic(
                self.root / "reports" / f"{report_id}.{version}.json",
                json.dumps(payload, ensure_ascii=False),
            )
            coll = self._coll()
            for start in range(0, len(chunks), 256):
                part = chunks[start : start + 256]
                coll.upsert(
                    ids=[c.id for c in part],
                    embeddings=vectors[start : start + len(part)].tolist(),
                    documents=[c.text for c in part],
                    metadatas=[_meta(c, report) for c in part],
                )
            manifest = json.loads(json.dumps(self._manifest))
            for rid in gone:
                manifest["reports"].pop(rid, None)
            manifest["reports"][report_id] = {
                "source": report.source,
                "path": path,
                "sha256": sha256,
                "version": version,
                "number": report.meta.number,
                "date": report.meta.date,
                "period": report.meta.period,
                "issuer": report.meta.issuer,
                "title": report.meta.title,
                "chunks": len(chunks),
                "ingested_at": time.time(),
                "pipeline": pipeline,
            }
            self._commit(manifest)
            self._sweep()
            self._sync_registry()  # records registry (index/registry.py)

    def remove(self, report_id: str) -> bool:
        with self._lock():
            self._manifest_mtime = -1.0
            self._refresh()
            self._reopen_if_stale()
            if report_id not in self._manifest["reports"]:
                return False
            manifest = json.loads(json.dumps(self._manifest))
            manifest["reports"].pop(report_id)
            self._commit(manifest)
            self._sweep()
            self._sync_registry()  # records registry (index/registry.py)
            return True

    # ---- records registry (index/registry.py) ----------------------------------------
    # Written after the manifest commit; a process killed in between is repaired by the
    # next Store that opens the registry or adds/removes a report.

    @property
    def registry(self) -> Registry:
        """The SQLite registry of extracted records (records.sqlite), opened on first use
        and then brought in step with the committed manifest."""
        from index.registry import Registry

        if getattr(self, "_registry", None) is None:
            with self._lock():
                self._manifest_mtime = -1.0
                self._refresh()
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
            self._registry.reconcile(live, self._reports.get)

    def _commit(self, manifest: dict[str, Any]) -> None:
        # the state replaced stays readable for one more generation: a reader that loaded
        # it just before this commit still finds its chunks (see _sweep)
        manifest["previous"] = {
            rid: info["version"] for rid, info in self._manifest.get("reports", {}).items()
        }
        manifest["format"] = FORMAT
        manifest["embedder"] = {"name": self.embedder.name, "dim": self.embedder.dim}
        manifest["generation"] = int(manifest.get("generation", 0)) + 1
        chunks: dict[str, Chunk] = {}
        for rid, info in manifest["reports"].items():
            path = self.root / "reports" / f"{rid}.{info['version']}.json"
            for c in json.loads(path.read_text("utf-8"))["chunks"]:
                chunks[c["id"]] = Chunk.from_dict(c)
        bm25, ids = _build_bm25(chunks)
        tmp = self.root / f".bm25.{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        if bm25 is not None:
            bm25.save(str(tmp), show_progress=False)
        else:
            tmp.mkdir(parents=True)
        _write_atomic(
            tmp / "ids.json", json.dumps({"generation": manifest["generation"], "ids": ids})
        )
        old = self.root / f".bm25.old.{os.getpid()}"
        if (self.root / "bm25").exists():
            os.replace(self.root / "bm25", old)
        os.replace(tmp, self.root / "bm25")
        shutil.rmtree(old, ignore_errors=True)
        _write_atomic(self.manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1))
        if self._collection is not None:  # this process's client holds what it just wrote
            _CLIENT_GENERATION[str(self.root / "chroma")] = manifest["generation"]
        self._manifest_mtime = -1.0
        self._refresh()

    def _sweep(self) -> None:
        """Delete what neither the committed manifest nor the one it replaced refers to:
        leftovers of reports replaced two commits ago or of a process killed mid-write."""
        kept = {rid: i["version"] for rid, i in self._manifest["reports"].items()}
        previous = self._manifest.get("previous", {})
        live_files = {f"{rid}.{v}.json" for rid, v in [*kept.items(), *previous.items()]}
        for f in (self.root / "reports").glob("*.json") if (self.root / "reports").exists() else []:
            if f.name not in live_files:
                f.unlink(missing_ok=True)
        for f in self.root.glob(".bm25.*"):
            shutil.rmtree(f, ignore_errors=True)
        # temp files of an atomic write interrupted by a crash
        for folder in (self.root, self.root / "reports"):
            for f in folder.glob(".*.json.*"):
                f.unlink(missing_ok=True)
        live_ids = set(self._chunks)
        for rid, version in previous.items():
            with contextlib.suppress(OSError, ValueError, KeyError):
                path = self.root / "reports" / f"{rid}.{version}.json"
                data = json.loads(path.read_text("utf-8"))
                live_ids.update(c["id"] for c in data["chunks"])
        coll = self._coll()
        existing = coll.get(include=[])["ids"]
        dead = [cid for cid in existing if cid not in live_ids]
        for start in range(0, len(dead), 512):
            coll.delete(ids=dead[start : start + 512])


def _build_bm25(chunks: dict[str, Chunk]) -> tuple[Any, list[str]]:
    import bm25s

    if not chunks:
        return None, []
    ids = list(chunks)
    corpus = [vn.search_tokens(chunks[i].embed_text) for i in ids]
    bm25 = bm25s.BM25()
    bm25.index(corpus, show_progress=False)
    return bm25, ids


def _forget_client(path: str) -> None:
    """Drop chromadb's cached client System for `path`, so the next client reads the folder
    afresh (chromadb has no public way to reload one folder; a System another Store still
    uses keeps working for it)."""
    from chromadb.api.shared_system_client import SharedSystemClient
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(
        anonymized_telemetry=False, allow_reset=False, is_persistent=True, persist_directory=path
    )
    ident = SharedSystemClient._get_identifier_from_settings(settings)
    SharedSystemClient._identifier_to_system.pop(ident, None)
    SharedSystemClient._identifier_to_refcount.pop(ident, None)

"""The one stateful object: Chroma (dense), BM25 segments (lexical) and a manifest.

The manifest is the commit point. A report's document, vectors and lexical segment are
written under a new version id, then the manifest is swapped atomically, then what the
manifest no longer names is deleted one commit later (a reader that loaded the previous
state still finds it). A process killed at any step leaves the previous manifest in force;
anything it wrote beyond that is swept away by the next write. Every step costs the size of
the report written, not of the index: nothing here reads or lists every report's chunks.

One Store may serve many threads. What a reader reads comes from one `Committed` state,
replaced whole by a single assignment; whoever reloads or writes holds the Store's one
lock, and a reader never waits for it: it reads the state before, which is whole.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index import chunkmap, labels, lexicon
from index.embed import Embedder
from index.errors import IndexMismatchError
from index.model import Chunk, Report
from index.storage import LocalFiles, open_files
from index.store_dense import Dense
from index.store_write import AlreadyIndexed, ReportIdTaken, Writing, section_fields_of

if TYPE_CHECKING:  # records registry (index/registry/)
    from index.registry import Registry

log = logging.getLogger(__name__)

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


@dataclass
class Committed:
    """One committed manifest as this process read it, with what is built from it. Its
    manifest and token never change; the rest is filled in on first use from this manifest
    alone (built twice by two threads at worst, alike), so a reader that took it reads one
    generation whatever reloads happen meanwhile."""

    manifest: dict[str, Any]
    token: float | None = None
    collection: Any = None  # the Chroma collection, carried from one state to the next
    lexicon: lexicon.Lexicon | None = None
    infos: tuple[ReportInfo, ...] | None = None

    @property
    def generation(self) -> int:
        return int(self.manifest.get("generation", 0))


class Store(Dense, Writing):
    """Open (or create) the index under `root` for `embedder`; with `chroma_url`, the
    committed data lives in that Chroma server and `root` holds only derived caches."""

    def __init__(self, root: Path, embedder: Embedder, chroma_url: str | None = None):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.embedder = embedder
        self.files: LocalFiles = open_files(self.root, chroma_url)
        self._guard = threading.Lock()  # held by whoever reloads or writes (see _refresh)
        self._state = Committed({"reports": {}})
        self._checked = 0.0
        self._batch: dict[str, Any] | None = None  # the manifest being built by batch()
        self._pinned = False
        self._refresh()
        recorded = self._state.manifest.get("embedder")
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

    def _refresh(self, force: bool = False) -> Committed:
        """The state to read, reloaded first when another process (the CLI, an upload) has
        committed. While another thread reloads or writes, the state before, whole: only
        `force` (a writer's, the registry's) waits for the lock."""
        if self._batch is not None or self._pinned:
            return self._state  # a batch reads what it is building; a pinned view, its one state
        if not self._guard.acquire(blocking=force):
            return self._state
        try:
            return self._reload(force)
        finally:
            self._guard.release()

    def _reload(self, force: bool = False) -> Committed:
        """Swap in the committed manifest if it changed; the caller holds `_guard`."""
        st = self._state
        now = time.monotonic()
        if not force and self.files.where == "server" and now - self._checked < CHECK_EVERY_S:
            return st
        self._checked = now
        token = self.files.token()
        if token == st.token and not force:
            return st
        manifest = self.files.read_manifest()
        if manifest.get("generation") != st.manifest.get("generation"):
            st = Committed(manifest, token, st.collection)
        else:
            st = Committed(manifest, token, st.collection, st.lexicon, st.infos)
        self._state = st
        return st

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        """Held by a write: other processes' writers wait on the file lock, this process's
        threads on `_guard`; readers go on reading the state before."""
        with self.files.lock(), self._guard:
            yield

    def pinned(self) -> Store:
        """A read-only view of the state committed now that never reloads: one request, or
        one app snapshot, reads one consistent state whatever other processes commit (while
        another thread reloads or writes, the state before it). Its replaced reports stay
        readable one more commit (see index/store_write.py)."""
        self._refresh()
        view = copy.copy(self)
        view._pinned = True
        return view

    def _live(self, st: Committed) -> dict[str, Any]:
        """The reports read: the batch's being built, or those of `st`."""
        return (self._batch or st.manifest)["reports"]

    def _load(self, rid: str, version: str) -> chunkmap.Loaded | None:
        where = f"{self.files.where}:{getattr(self.files, 'url', self.root)}"
        return chunkmap.load(where, f"{rid}.{version}", self.files.read_report)

    @property
    def chunks(self) -> chunkmap.ChunkMap:
        """Every live chunk by id, read on demand."""
        return self._chunk_map(self._refresh())

    def _chunk_map(self, st: Committed) -> chunkmap.ChunkMap:
        live_reports = self._live(st)
        live = {rid: info["version"] for rid, info in live_reports.items()}
        count = sum(int(info["chunks"]) for info in live_reports.values())
        return chunkmap.ChunkMap(live, self._load, lambda: self._lexicon_of(st).ids, count)

    def chunks_with(self, tokens: set[str]) -> list[Chunk]:
        """The live chunks holding any of these search tokens (`vn.search_tokens`), in
        index order: candidates for an exact match, found without reading every chunk."""
        if not tokens:
            return []
        st = self._refresh()
        lex = self._lexicon_of(st)
        found = lex.chunks_with(tokens)
        chunks = self._chunk_map(st)
        ordered = sorted(found, key=lex.index.__getitem__)
        return [chunks[c] for c in ordered if c in chunks]

    def chunks_of(self, report_id: str) -> list[Chunk]:
        """One report's chunks, in reading order."""
        info = self._live(self._refresh()).get(report_id)
        loaded = self._load(report_id, info["version"]) if info else None
        return list(loaded.chunks) if loaded else []

    def reports(self) -> list[ReportInfo]:
        st = self._refresh()
        batch = self._batch
        if batch is not None:
            return [ReportInfo(report_id=rid, **info) for rid, info in batch["reports"].items()]
        infos = st.infos
        if infos is None:  # built once per committed state
            infos = st.infos = tuple(
                ReportInfo(report_id=r, **i) for r, i in st.manifest["reports"].items()
            )
        return list(infos)

    def info(self, report_id: str) -> ReportInfo | None:
        """What the manifest says of one report (no document read)."""
        entry = self._live(self._refresh()).get(report_id)
        return ReportInfo(report_id=report_id, **entry) if entry else None

    def report(self, report_id: str) -> Report | None:
        info = self._live(self._refresh()).get(report_id)
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
        return self._refresh().generation

    @property
    def lexicon(self) -> lexicon.Lexicon:
        """The live reports' BM25 segments merged (segments cached per process)."""
        return self._lexicon_of(self._refresh())

    def _lexicon_of(self, st: Committed) -> lexicon.Lexicon:
        lex = st.lexicon
        if lex is None:  # built once per committed state
            live = self._live(st)
            lex = st.lexicon = lexicon.Lexicon(
                [self._segment(rid, info["version"]) for rid, info in live.items()]
            )
        return lex

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
            reports = self._state.manifest["reports"]
            live = {rid: info["version"] for rid, info in reports.items()}
            self._registry.reconcile(live, self.report)


__all__ = ["AlreadyIndexed", "ReportIdTaken", "ReportInfo", "Store"]

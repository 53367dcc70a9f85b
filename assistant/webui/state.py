"""What the web app shares between sessions: settings, the answerer, and the index seen
through immutable snapshots.

A `Store` reloads itself whenever the manifest changes, in whichever thread notices first,
while other threads read it. In a server where an upload commits while twenty people ask,
that could let a question see half of a reload (new chunks, old BM25). So readers here get
a `Snapshot`: a Store frozen on one manifest generation, with its retriever and corpus
statistics built before anyone sees it. When the manifest changes, the next request builds
the new snapshot (one builder at a time) while the others keep answering from the old one,
and then the reference is swapped. Writes (upload, delete, re-index) go through one
separate writer Store under a lock, so they run one at a time.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.retrieve import HybridRetriever
from assistant.route import Assistant
from assistant.settings import Settings
from assistant.webui.auth import ADMIN, STAFF, Users
from index.embed import Embedder
from index.parse import supported_suffixes
from index.storage import open_files
from index.store import ReportInfo, Store

log = logging.getLogger(__name__)


def pinned_store(root: Path, embedder: Embedder, chroma_url: str = "") -> Store:
    """The index as committed now, never reloaded: every session's request reads one state."""
    store = Store(root, embedder, chroma_url)
    try:  # bring the records registry in step while still live; the views need it
        store.registry  # noqa: B018
    except Exception as e:  # records are optional: the chat never waits on them
        log.warning("records registry unavailable: %r", e)
    store.open_vectors()
    return store.pinned()


@dataclass
class Snapshot:
    store: Store  # pinned (Store.pinned)
    retriever: HybridRetriever
    generation: int
    mtime: float
    # field label → {(report id, section path)}; see `fields_of`
    fields: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    samples: frozenset[str] = frozenset()  # ids of the bundled sample reports

    @property
    def hides_samples(self) -> bool:
        """Once a real report is in, samples are left out unless chosen: a chart must
        not join Lạng Sơn 12/2023 to our fictional Sông Mai as if one series."""
        return bool(self.samples) and any(
            r.report_id not in self.samples for r in self.store.reports()
        )

    def visible(self) -> list[ReportInfo]:
        """The reports answers and views draw on by default."""
        infos = self.store.reports()
        if not self.hides_samples:
            return infos
        return [r for r in infos if r.report_id not in self.samples]


def samples_of(store: Store, folder: Path) -> frozenset[str]:
    """Reports ingested from the bundled samples folder."""
    folder = folder.resolve()
    return frozenset(r.report_id for r in store.reports() if Path(r.path).parent == folder)


def fields_of(store: Store) -> dict[str, frozenset[tuple[str, str]]]:
    """Sections grouped by the field (lĩnh vực) their title or a parent's title names;
    empty (no field filter offered) when the records module cannot be used."""
    out: dict[str, set[tuple[str, str]]] = {}
    for rid, seg in store.lexicon.segments.items():  # noted at ingest: no report is read
        for path, label in zip(seg.field_path, seg.field_name, strict=True):
            out.setdefault(label, set()).add((rid, path))
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class Limits:
    """Upload limits: a file's size and a batch's count (ASSISTANT_UPLOAD_MAX_MB,
    ASSISTANT_UPLOAD_MAX_FILES), and what one user may keep in the data folder across all
    their uploads (ASSISTANT_UPLOAD_QUOTA_FILES, ASSISTANT_UPLOAD_QUOTA_MB)."""

    max_mb: float
    max_files: int
    suffixes: tuple[str, ...] = field(default_factory=supported_suffixes)  # the readers'
    quota_files: int = 200
    quota_mb: float = 500.0
    max_chunks: int = 5000  # per report (ASSISTANT_MAX_CHUNKS_PER_REPORT)
    confirm_s: float = 300.0  # an upload estimated to embed longer asks first

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1024 * 1024)

    @property
    def quota_bytes(self) -> int:
        return int(self.quota_mb * 1024 * 1024)

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            max_mb=settings.upload_max_mb or settings.max_file_mb,
            max_files=settings.upload_max_files,
            quota_files=settings.upload_quota_files,
            quota_mb=settings.upload_quota_mb,
            max_chunks=settings.max_chunks_per_report,
        )


class AppState:
    """Shared by every session of one app process."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        answerer: Assistant,
        users: Users | None = None,
        limits: Limits | None = None,
        loopback: bool = True,
    ):
        self.settings = settings
        self.embedder = embedder
        self.answerer = answerer
        self.users = users or Users({})
        self.limits = limits or Limits.from_settings(settings)
        self.loopback = loopback
        self.chat_concurrency = settings.chat_concurrency
        self.root = Path(settings.index_dir)
        self.uploads = self.root / "uploads"
        self.write_lock = threading.Lock()  # one upload / delete / re-index at a time
        self._build_lock = threading.Lock()
        self._writer: Store | None = None
        self._files = open_files(self.root, settings.chroma_url)
        self._snapshot: Snapshot | None = None
        self._snapshot = self._build()

    # ---- reading ---------------------------------------------------------------------

    def _manifest_mtime(self) -> float:
        """Changes with every commit, by any process (index/storage.py)."""
        return self._files.token()

    def _build(self) -> Snapshot:
        mtime = self._manifest_mtime()
        store = pinned_store(self.root, self.embedder, self.settings.chroma_url)
        retriever = HybridRetriever(store, self.settings.candidates, self.settings.rrf_k)
        retriever.corpus  # noqa: B018 - statistics built here, not in the first question
        samples = samples_of(store, self.settings.samples_dir)
        return Snapshot(store, retriever, store.generation, mtime, fields_of(store), samples)

    def snapshot(self) -> Snapshot:
        """The index as last committed; never blocks on a rebuild someone else started."""
        snap = self._snapshot
        if snap is not None and self._manifest_mtime() == snap.mtime:
            return snap
        if not self._build_lock.acquire(blocking=snap is None):
            return snap  # another thread is building the new one; answer from this one
        try:
            snap = self._snapshot
            if snap is None or self._manifest_mtime() != snap.mtime:
                self._snapshot = snap = self._build()
            return snap
        finally:
            self._build_lock.release()

    def refresh(self) -> Snapshot:
        """After this process wrote: wait for the snapshot of what it wrote."""
        with self._build_lock:
            if self._snapshot is None or self._manifest_mtime() != self._snapshot.mtime:
                self._snapshot = self._build()
            return self._snapshot

    @property
    def writer(self) -> Store:
        """The one Store that writes; use it only while holding `write_lock`."""
        if self._writer is None:
            self._writer = Store(self.root, self.embedder, self.settings.chroma_url)
        return self._writer

    # ---- who is asking ---------------------------------------------------------------

    def role(self, username: str | None) -> str:
        if not self.users.enabled:
            return ADMIN if self.loopback else STAFF
        return self.users.role(username) or STAFF

    def role_of(self, request: Any) -> str:
        return self.role(getattr(request, "username", None) if request is not None else None)

    def is_admin(self, request: Any) -> bool:
        return self.role_of(request) == ADMIN

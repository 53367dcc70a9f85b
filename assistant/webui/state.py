"""What the web app shares between sessions: settings, the answerer, and the index seen
through immutable snapshots.

A `Store` may be read by many threads, but one request reads it many times (retrieve,
cite, open the report), and the retriever's corpus statistics are built once per commit.
So readers here get a `Snapshot` (assistant/api/snapshot.py): a Store pinned on one
manifest generation, with its retriever and statistics built before anyone sees it. When
the manifest changes, the next request builds the new snapshot (one builder at a time)
while the others keep answering from the old one, and then the reference is swapped.
Writes (upload, delete, re-index) go through one separate writer Store under a lock, so
they run one at a time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.api import (
    Assistant,
    Embedder,
    Snapshot,
    Store,
    commit_token,
    open_store,
    supported_suffixes,
    take_snapshot,
)
from assistant.settings import Settings
from assistant.webui.auth import ADMIN, STAFF, Users


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
    max_chunks: int = 1000  # per report (ASSISTANT_MAX_CHUNKS_PER_REPORT)
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
        self._manifest_mtime = commit_token(settings)  # changes with every commit, by anyone
        self._snapshot: Snapshot | None = None
        self._snapshot = self._build()

    # ---- reading ---------------------------------------------------------------------

    def _build(self) -> Snapshot:
        return take_snapshot(self.settings, self.embedder, self._manifest_mtime())

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
        """The one Store that writes: write only while holding `write_lock` (reading it,
        as an upload's plan does, is safe from any thread)."""
        if self._writer is None:
            self._writer = open_store(self.settings, self.embedder)
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

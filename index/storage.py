"""Where the index's committed data lives: a local folder, or a Chroma server.

Both keep the same three things: the manifest (the commit point: which version of which
report is live, and a generation number), one JSON document per report version (its
structure and chunks), and the chunk vectors in a Chroma collection. Everything else
(BM25 segments, the records registry) is derived and cached in the local folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

EMPTY = {"format": 1, "reports": {}, "generation": 0}
_OPEN = threading.Lock()
# The manifest generation each index folder's Chroma client was opened at (or last written
# by this process). chromadb keeps one client System per folder and process, with the HNSW
# index in memory: after another process commits, that System is stale (queries fail with
# "Error finding id"). A Store then opens a fresh one.
_CLIENT_GENERATION: dict[str, int] = {}


def write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class LocalFiles:
    """The index folder: manifest.json, reports/<id>.<version>.json, chroma/."""

    where = "local"

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / "reports"

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    def token(self) -> float:
        """Changes whenever a commit lands (cheap: one stat)."""
        try:
            return self.manifest_path.stat().st_mtime
        except FileNotFoundError:
            return 0.0

    def read_manifest(self) -> dict[str, Any]:
        try:
            return json.loads(self.manifest_path.read_text("utf-8"))
        except FileNotFoundError:
            return json.loads(json.dumps(EMPTY))

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        write_atomic(self.manifest_path, json.dumps(manifest, ensure_ascii=False))

    def write_report(self, name: str, payload: str) -> None:
        write_atomic(self.folder / f"{name}.json", payload)

    def read_report(self, name: str) -> str | None:
        try:
            return (self.folder / f"{name}.json").read_text("utf-8")
        except FileNotFoundError:
            return None

    def report_names(self) -> list[tuple[str, float]]:
        """Every report document kept, with when it was written."""
        if not self.folder.exists():
            return []
        for f in self.folder.glob(".*.json.*"):  # an atomic write interrupted by a crash
            f.unlink(missing_ok=True)
        return [(f.stem, f.stat().st_mtime) for f in self.folder.glob("*.json")]

    def delete_report(self, name: str) -> None:
        (self.folder / f"{name}.json").unlink(missing_ok=True)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        with open(self.root / ".lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def chunks(self, generation: int) -> Any:
        """The vector collection, from a client that has seen `generation`."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        path = str(self.root / "chroma")
        # chromadb caches a client's System before starting it: two threads opening the
        # first client of a folder at once break both (measured 8 of 10 trials unlocked).
        with _OPEN:
            if _CLIENT_GENERATION.get(path) != generation:
                _forget_client(path)  # another process has committed since: read it afresh
            client = chromadb.PersistentClient(
                path=path, settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            )
            _CLIENT_GENERATION[path] = generation
            return _collection(client, "chunks")

    def seen(self, generation: int) -> None:
        """This process's client holds what it just committed."""
        _CLIENT_GENERATION[str(self.root / "chroma")] = generation

    def stale(self, generation: int) -> bool:
        return _CLIENT_GENERATION.get(str(self.root / "chroma")) != generation

    def forget(self) -> None:
        _CLIENT_GENERATION.pop(str(self.root / "chroma"), None)


class ServerFiles(LocalFiles):
    """A Chroma server holds the manifest, the report documents (collection `reports`) and
    the vectors; the local folder keeps only derived caches and this machine's lock.

    Writers on one machine queue on the local lock; writers on several machines re-read
    the manifest just before committing and merge their change into it (see Store), so
    the window in which two commits can race is one round trip."""

    where = "server"

    def __init__(self, root: Path, url: str):
        super().__init__(root)
        u = urlparse(url if "://" in url else f"http://{url}")
        self.url = url
        self.host, self.port = u.hostname or "localhost", u.port or 8000
        self.ssl = u.scheme == "https"
        self._client: Any = None

    def _coll(self, name: str) -> Any:
        if self._client is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            self._client = chromadb.HttpClient(
                host=self.host, port=self.port, ssl=self.ssl,
                settings=ChromaSettings(anonymized_telemetry=False),
            )  # fmt: skip
        return _collection(self._client, name)

    def token(self) -> float:
        got = self._coll("reports").get(ids=["manifest"], include=["metadatas"])
        return float(got["metadatas"][0]["generation"]) if got["ids"] else 0.0

    def read_manifest(self) -> dict[str, Any]:
        got = self._coll("reports").get(ids=["manifest"], include=["documents"])
        return json.loads(got["documents"][0]) if got["ids"] else json.loads(json.dumps(EMPTY))

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        self._put("manifest", json.dumps(manifest, ensure_ascii=False),
                  {"generation": int(manifest["generation"])})  # fmt: skip

    def write_report(self, name: str, payload: str) -> None:
        self._put(f"report:{name}", payload, {"kind": "report", "written": time.time()})

    def _put(self, key: str, document: str, meta: dict[str, Any]) -> None:
        # the collection holds documents, not vectors; Chroma wants one anyway
        self._coll("reports").upsert(ids=[key], documents=[document], metadatas=[meta],
                                     embeddings=[[0.0]])  # fmt: skip

    def read_report(self, name: str) -> str | None:
        got = self._coll("reports").get(ids=[f"report:{name}"], include=["documents"])
        return got["documents"][0] if got["ids"] else None

    def report_names(self) -> list[tuple[str, float]]:
        got = self._coll("reports").get(where={"kind": "report"}, include=["metadatas"])
        return [
            (i.removeprefix("report:"), float(m.get("written", 0.0)))
            for i, m in zip(got["ids"], got["metadatas"], strict=True)
        ]

    def delete_report(self, name: str) -> None:
        self._coll("reports").delete(ids=[f"report:{name}"])

    def chunks(self, generation: int) -> Any:
        return self._coll("chunks")

    def seen(self, generation: int) -> None:
        pass

    def stale(self, generation: int) -> bool:
        return False

    def forget(self) -> None:
        self._client = None


def _collection(client: Any, name: str) -> Any:
    # embedding_function=None: we pass vectors; Chroma's default would try to download.
    return client.get_or_create_collection(
        name, embedding_function=None, metadata={"hnsw:space": "cosine"}
    )


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


def open_files(root: Path, chroma_url: str | None) -> LocalFiles:
    return ServerFiles(root, chroma_url) if chroma_url else LocalFiles(root)


def unreachable(error: BaseException) -> bool:
    """Whether `error` (or what caused it) is a Chroma server that cannot be reached."""
    import httpx

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, httpx.TransportError | ConnectionError):
            return True
        if "could not connect to" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False

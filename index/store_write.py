"""Writing to the Store: add, remove, batches, the commit and the sweep.

One add writes the report's document, its vectors and its BM25 segment, then commits a
manifest naming it; the sweep deletes what the manifest before last named and the new one
does not, by name, so no step reads or lists the rest of the index. A batch (a folder
being ingested) holds the writer's lock and commits once per `every` reports or `seconds`,
releasing the lock between commits so an upload elsewhere waits one batch at most.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from index import lexicon
from index import vectors as vector_files
from index.model import Chunk, Report

if TYPE_CHECKING:
    from index.store import Committed, Store

log = logging.getLogger(__name__)
FORMAT = 2  # 2: lexical segments per report instead of one BM25 over every chunk
SERVER_GRACE_S = 600.0  # an unnamed document younger than this may be another machine's add


class ReportIdTaken(Exception):
    """Another writer committed a different report under this id meanwhile."""


class AlreadyIndexed(Exception):
    """Another writer committed this very content meanwhile."""

    def __init__(self, report_id: str):
        super().__init__(report_id)
        self.report_id = report_id


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


def section_fields_of(report: Report) -> list[tuple[str, str]]:
    """Each section's field (records are optional: none when that module fails)."""
    try:
        from index.records import section_fields

        return section_fields(report)
    except Exception as e:
        log.warning("section fields unavailable: %r", e)
        return []


def _copy(manifest: dict[str, Any]) -> dict[str, Any]:
    """A copy deep enough to change: the report entries are replaced, never edited."""
    return {**manifest, "reports": dict(manifest["reports"])}


def _names(manifest: dict[str, Any]) -> set[str]:
    """The report versions a manifest keeps: its own and, for one commit, its predecessor's."""
    live = {f"{rid}.{info['version']}" for rid, info in manifest["reports"].items()}
    return live | {f"{rid}.{v}" for rid, v in manifest.get("previous", {}).items()}


class Writing:
    """The writing half of `index.store.Store`."""

    _batch: dict[str, Any] | None
    _state: Committed

    def add(
        self: Store,
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
        """Commit one report (replacing `replaces`, report ids, if given). Writers queue on
        the lock; what another writer committed while this one parsed and embedded is
        checked again here, so nothing reported added vanishes: ReportIdTaken when its id
        now names another report, AlreadyIndexed when the same content is already in."""
        if len(chunks) != len(vectors):
            raise ValueError("one vector per chunk")
        gone = {replaces} if isinstance(replaces, str) else set(replaces or ())
        # CPU work, outside the lock
        segment = lexicon.Segment.build(report_id, chunks, section_fields_of(report))
        with self._writing() as manifest:
            reports = manifest["reports"]
            for rid, info in reports.items():
                same = info["sha256"] == sha256 and info.get("pipeline") == pipeline
                if same and rid not in gone:
                    raise AlreadyIndexed(rid)
            if report_id in reports and report_id not in gone:
                raise ReportIdTaken(report_id)
            payload = {"report": report.to_dict(), "chunks": [c.to_dict() for c in chunks]}
            document = json.dumps(payload, ensure_ascii=False)
            self.files.write_report(f"{report_id}.{version}", document)
            coll = self._coll()
            for start in range(0, len(chunks), 256):
                part = chunks[start : start + 256]
                coll.upsert(
                    ids=[c.id for c in part],
                    embeddings=vectors[start : start + len(part)].tolist(),
                    documents=[c.text for c in part],
                    metadatas=[_meta(c, report) for c in part],
                )
            segment.save(self._segment_path(report_id, version))
            vector_files.save(
                self.root / "lex" / f"{report_id}.{version}{vector_files.SUFFIX}", vectors
            )
            for rid in gone:
                reports.pop(rid, None)
            reports[report_id] = {
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
                "task_period": report.meta.task_period,
            }

    def remove(self: Store, report_id: str) -> bool:
        with self._writing() as manifest:
            if report_id not in manifest["reports"]:
                return False
            manifest["reports"].pop(report_id)
            return True

    @contextlib.contextmanager
    def batch(
        self: Store,
        every: int = 32,
        seconds: float = 20.0,
        on_commit: Callable[[], None] | None = None,
    ) -> Iterator[Store]:
        """Adds and removes inside commit together, every `every` changes or `seconds`
        and at the end, each time calling `on_commit`; a crash leaves the last commit in
        force, so what is reported added is only ever what `on_commit` announced."""
        self._batch_every, self._batch_seconds = every, seconds
        self._on_commit = on_commit
        self._hold = contextlib.ExitStack()
        self._begin_batch()
        try:
            yield self
        finally:
            try:
                self._flush()
            finally:
                self._batch = None
                self._hold.close()

    def _begin_batch(self: Store) -> None:
        self._hold.enter_context(self._exclusive())
        self._batch = _copy(self._reload(force=True).manifest)
        self._batch_since, self._batch_changes = time.monotonic(), 0

    def _flush(self: Store) -> None:
        manifest, self._batch = self._batch, None
        if manifest is not None and self._batch_changes:
            self._commit(manifest)
            self._batch_changes = 0
        if self._on_commit is not None:
            self._on_commit()

    @contextlib.contextmanager
    def _writing(self: Store) -> Iterator[dict[str, Any]]:
        """The manifest to change: the batch's, or a fresh copy under the lock, committed
        when the block ends without an exception, if it changed anything."""
        if self._batch is not None:
            before = dict(self._batch["reports"])
            yield self._batch
            if self._batch["reports"] == before:
                return
            self._batch_changes += 1
            elapsed = time.monotonic() - self._batch_since
            if self._batch_changes >= self._batch_every or elapsed >= self._batch_seconds:
                self._flush()
                self._hold.close()
                self._hold = contextlib.ExitStack()
                self._begin_batch()
            return
        with self._exclusive():
            manifest = _copy(self._reload(force=True).manifest)
            yield manifest
            if manifest["reports"] != self._state.manifest["reports"]:
                self._commit(manifest)

    def _commit(self: Store, manifest: dict[str, Any]) -> None:
        """Write `manifest` as the next generation and read it back; `_exclusive` held."""
        committed = self._state.manifest
        if self.files.where == "server":  # another machine may have committed meanwhile
            latest = self.files.read_manifest()
            if latest.get("generation") != committed.get("generation"):
                manifest = _rebase(manifest, committed, latest)
                committed = latest
        # the state replaced stays readable for one more generation: a reader that loaded
        # it just before this commit still finds its chunks (see _sweep)
        manifest["previous"] = {rid: i["version"] for rid, i in committed["reports"].items()}
        manifest["format"] = FORMAT
        manifest["embedder"] = {"name": self.embedder.name, "dim": self.embedder.dim}
        manifest["generation"] = int(committed.get("generation", 0)) + 1
        self.files.write_manifest(manifest)
        if self._state.collection is not None:  # this process's client holds what it wrote
            self.files.seen(manifest["generation"])
        self._reload(force=True)
        self._sweep(_names(committed) - _names(manifest))
        self._sync_registry()  # records registry (index/registry/)

    def _sweep(self: Store, falling: set[str]) -> None:
        """Delete the report versions neither the committed manifest nor the one it
        replaced names: those that just fell out of the grace window (`falling`) and, on a
        Store's first commit, whatever a process killed mid-write left (a full listing)."""
        keep = _names(self._state.manifest)
        full = not getattr(self, "_swept", False)
        young = self.files.where == "server"
        listed = self.files.report_names() if full else [(n, 0.0) for n in sorted(falling)]
        for name, written in listed:
            if name in keep or (full and young and time.time() - written < SERVER_GRACE_S):
                continue
            payload = self.files.read_report(name)
            ids = [c["id"] for c in json.loads(payload)["chunks"]] if payload else []
            coll = self._coll()
            for start in range(0, len(ids), 512):
                coll.delete(ids=ids[start : start + 512])
            self.files.delete_report(name)
        lex = self.root / "lex"
        if full:
            for f in lex.glob("*") if lex.exists() else []:
                name = f.name.removesuffix(lexicon.SUFFIX).removesuffix(vector_files.SUFFIX)
                if name not in keep:
                    f.unlink(missing_ok=True)  # also older formats' files (.npz)
            shutil.rmtree(self.root / "bm25", ignore_errors=True)  # format 1's single BM25
            self._swept = True
        for name in falling - keep:
            for suffix in (lexicon.SUFFIX, vector_files.SUFFIX):
                (lex / f"{name}{suffix}").unlink(missing_ok=True)
        lexicon.forget({str(lex / f"{n}{lexicon.SUFFIX}") for n in keep}, lex)


def _rebase(mine: dict[str, Any], base: dict[str, Any], latest: dict[str, Any]) -> dict[str, Any]:
    """My change (from `base` to `mine`) applied to what another machine committed."""
    out = _copy(latest)
    for rid in set(base["reports"]) - set(mine["reports"]):
        out["reports"].pop(rid, None)
    for rid, info in mine["reports"].items():
        if base["reports"].get(rid) != info:
            out["reports"][rid] = info
    return out

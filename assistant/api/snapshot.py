"""One request's view of the index: a Store pinned on one commit, with its retriever and
corpus statistics built before anyone reads it.

A Store may be shared by threads, but a request reads it many times (retrieve, cite, open
the report, fill the pickers): pinned, every one of those reads sees the same commit
whatever an upload commits meanwhile. Building one costs the retriever's statistics, so a
front end keeps one and builds the next when `commit_token` changes
(assistant/webui/state.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.retrieve import HybridRetriever
from assistant.settings import Settings
from index.embed import Embedder
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
    mtime: float  # the commit token it was built at (see `commit_token`)
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

    def shown(self) -> list[str] | None:
        """The ids of `visible()` as a filter: None (all) until samples are hidden."""
        return [r.report_id for r in self.visible()] if self.hides_samples else None


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


def commit_token(settings: Settings) -> Callable[[], float]:
    """A cheap call whose value changes with every commit, by any process (one stat, or
    one small read of the Chroma server: index/storage.py)."""
    return open_files(Path(settings.index_dir), settings.chroma_url).token


def take_snapshot(settings: Settings, embedder: Embedder, token: float) -> Snapshot:
    """The index as committed now (`token`: `commit_token`'s value just before), its
    retriever's corpus statistics built here rather than in the first question."""
    store = pinned_store(Path(settings.index_dir), embedder, settings.chroma_url)
    retriever = HybridRetriever(store, settings.candidates, settings.rrf_k)
    retriever.corpus  # noqa: B018
    samples = samples_of(store, settings.samples_dir)
    return Snapshot(store, retriever, store.generation, token, fields_of(store), samples)

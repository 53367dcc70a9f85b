"""Reports and chunks read on demand: no process holds every chunk's text.

A report version's document is immutable, so what one Store parsed serves every Store of
the process (an LRU of the most recently used reports)."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from index.model import Chunk, Report

CACHED_REPORTS = 96


@dataclass(frozen=True)
class Loaded:
    report: Report
    chunks: tuple[Chunk, ...]  # reading order
    by_id: dict[str, Chunk]


_LRU: OrderedDict[tuple[str, str], Loaded] = OrderedDict()
_LOCK = threading.Lock()


def parse(payload: str) -> Loaded:
    data = json.loads(payload)
    chunks = tuple(Chunk.from_dict(c) for c in data["chunks"])
    return Loaded(Report.from_dict(data["report"]), chunks, {c.id: c for c in chunks})


def load(where: str, name: str, read: Callable[[str], str | None]) -> Loaded | None:
    """Report version `name` ('<id>.<version>') of the index at `where`; None when its
    document is gone (replaced two commits ago while a reader still held the old state)."""
    key = (where, name)
    with _LOCK:
        hit = _LRU.get(key)
        if hit is not None:
            _LRU.move_to_end(key)
            return hit
    payload = read(name)
    if payload is None:
        return None
    loaded = parse(payload)
    with _LOCK:
        _LRU[key] = loaded
        while len(_LRU) > CACHED_REPORTS:
            _LRU.popitem(last=False)
    return loaded


def split_id(chunk_id: str) -> tuple[str, str]:
    """A chunk id is '<report id>:<version>:<part>'."""
    rid, version, _ = chunk_id.split(":", 2)
    return rid, version


class ChunkMap(Mapping[str, Chunk]):
    """Every live chunk by id, read report by report as it is asked for. Iterating over
    all of it reads every report: answerers ask for one report's chunks instead."""

    def __init__(
        self,
        live: dict[str, str],
        loader: Callable[[str, str], Loaded | None],
        ids: Callable[[], list[str]],
        count: int,
    ):
        self._live, self._loader, self._ids, self._count = live, loader, ids, count

    def __getitem__(self, chunk_id: str) -> Chunk:
        try:
            rid, version = split_id(chunk_id)
        except ValueError:
            raise KeyError(chunk_id) from None
        loaded = self._loader(rid, version) if self._live.get(rid) == version else None
        if loaded is None or chunk_id not in loaded.by_id:
            raise KeyError(chunk_id)
        return loaded.by_id[chunk_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids())

    def __len__(self) -> int:
        return self._count

    def values(self):  # type: ignore[override]
        """Report by report: one parse per report, not per chunk."""
        return [c for rid, v in self._live.items() for c in _chunks(self._loader(rid, v))]


def _chunks(loaded: Loaded | None) -> tuple[Chunk, ...]:
    return loaded.chunks if loaded else ()

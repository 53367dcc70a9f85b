"""file → parse → chunk → embed → store, for one file or a folder, with progress."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.chunk import chunk_report
from index.embed import embed_in_batches
from index.errors import IngestError
from index.parse import parse_bytes, read_file, supported_suffixes
from index.store import Store
from index.structure import report_id as make_report_id

Progress = Callable[[str, int, int], None]  # (what, done, total)

# Bumped whenever parsing or chunking changes what a file turns into: an unchanged file
# indexed by an older pipeline is re-indexed instead of skipped.
PIPELINE = "3"  # 3: tables chunked by groups of rows, each with its caption; item numbers


@dataclass(frozen=True)
class IngestResult:
    path: str
    status: str  # added | replaced | unchanged | duplicate | error
    report_id: str = ""
    sections: int = 0
    footnotes: int = 0
    chunks: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "error"


def ingest_file(
    store: Store, path: Path, max_bytes: int, progress: Progress | None = None
) -> IngestResult:
    """Ingest one file. Raises IngestError for a file that cannot be read; the index is
    untouched in that case."""
    path = Path(path)
    data = read_file(path, max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    resolved = str(path.resolve())
    same = store.find_by_hash(sha)
    if same and same.pipeline == PIPELINE:
        if same.path == resolved:
            return IngestResult(
                resolved,
                "unchanged",
                same.report_id,
                chunks=same.chunks,
                message="không đổi, bỏ qua",
            )
        return IngestResult(
            resolved,
            "duplicate",
            same.report_id,
            message=f"trùng nội dung với '{same.source}' đã có trong chỉ mục, bỏ qua",
        )
    report = parse_bytes(path, data, max_bytes)
    previous = store.find_by_path(resolved) or same
    rid = make_report_id(report.meta, report.source, data)
    taken = {r.report_id for r in store.reports()} - ({previous.report_id} if previous else set())
    if rid in taken:
        rid = f"{rid}-{sha[:6].upper()}"
    version = f"{sha[:10]}v{PIPELINE}"  # a new pipeline never overwrites the old chunks
    chunks = chunk_report(report, rid, version)
    total = len(chunks)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(path.name, done, total)

    vectors = embed_in_batches(store.embedder, [c.embed_text for c in chunks], tick)
    store.add(
        rid,
        report,
        chunks,
        vectors,
        sha256=sha,
        version=version,
        path=resolved,
        replaces=previous.report_id if previous else None,
        pipeline=PIPELINE,
    )
    return IngestResult(
        resolved,
        "replaced" if previous else "added",
        rid,
        sections=len(report.sections),
        footnotes=len(report.footnotes),
        chunks=len(chunks),
        warnings=report.warnings,
    )


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the supported files inside named folders (sorted)."""
    out: list[Path] = []
    suffixes = supported_suffixes()
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in suffixes
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            out.append(p)
    return out


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    max_bytes: int,
    progress: Progress | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest every file; a bad file is reported in its result and never stops the rest."""
    results = []
    for f in expand(paths):
        try:
            result = ingest_file(store, f, max_bytes, progress)
        except IngestError as e:
            result = IngestResult(str(f), "error", message=e.message)
        results.append(result)
        if on_result:
            on_result(result)
    return results

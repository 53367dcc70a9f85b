"""Reports in and out of the index for a front end: open it, re-index one report from its
file, and read scans with the configured OCR. Adding a file is `index.ingest.ingest_file`,
removing one `Store.remove`; both are exported as they are (assistant/api/__init__.py)."""

from __future__ import annotations

import hashlib
import time
from contextlib import AbstractContextManager
from pathlib import Path

from assistant.settings import Settings
from index import ocr
from index.chunk import chunk_report
from index.embed import Embedder, embed_in_batches
from index.ingest import IngestResult
from index.parse import parse_bytes, read_file
from index.store import Store


def open_store(settings: Settings, embedder: Embedder) -> Store:
    """The index the settings name, live: it reloads whenever a commit lands."""
    return Store(settings.index_dir, embedder, settings.chroma_url)


def reading_scans(
    settings: Settings, on_page: ocr.Progress | None = None
) -> AbstractContextManager[ocr.OcrOptions]:
    """Scans met inside this `with` block are read with the settings' OCR options,
    `on_page` told of each page read (pages are cached: a second read costs nothing)."""
    return ocr.using(ocr.OcrOptions.from_settings(settings, on_page=on_page))


def reindex(store: Store, report_id: str, path: Path, max_bytes: int) -> IngestResult:
    """Parse the report's file again and replace it in one commit (the report stays
    answerable throughout); its records are extracted afresh. Raises IngestError when the
    file cannot be read, and then changes nothing."""
    data = read_file(path, max_bytes)
    report = parse_bytes(path, data, max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    version = f"{sha[:10]}r{int(time.time()) % 10**6}"
    chunks = chunk_report(report, report_id, version)
    vectors = embed_in_batches(store.embedder, [c.embed_text for c in chunks])
    store.add(report_id, report, chunks, vectors, sha, version, str(path), replaces=report_id)
    return IngestResult(
        str(path), "replaced", report_id, len(report.sections), len(report.footnotes), len(chunks)
    )

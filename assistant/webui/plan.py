"""An upload's plan, made before anything changes: what each file is, which indexed
reports it would replace or sit beside, and how long embedding it would take, so the app
can ask first (assistant/webui/admin.py); the batch itself is batch.py."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.api import (
    IngestError,
    Progress,
    chunk_report,
    format_number,
    parse_bytes,
    read_file,
    reading_scans,
)
from assistant.webui.state import AppState
from assistant.webui.upload import UploadRefused, check_file


@dataclass(frozen=True)
class FilePlan:
    name: str  # as uploaded
    chunks: int = 0
    seconds: float = 0.0  # estimated embedding time
    same_name: str = ""  # the indexed report kept under this file name, if any
    twins: tuple[str, ...] = ()  # indexed reports with the same number, date and issuer
    error: str = ""  # why it will be refused (shown, not asked about)

    @property
    def conflict(self) -> bool:
        return bool(self.same_name or self.twins)


def duration_vn(seconds: float) -> str:
    """'dưới 1 phút', 'khoảng 25 phút', 'khoảng 2 giờ': how people say an estimate."""
    if seconds < 60:
        return "dưới 1 phút"
    if seconds < 90 * 60:
        return f"khoảng {round(seconds / 60)} phút"
    hours = seconds / 3600
    return f"khoảng {format_number(round(hours, 1 if hours < 10 else 0))} giờ"


def plan_batch(
    state: AppState, files: Sequence[Path], on_page: Progress | None = None
) -> list[FilePlan]:
    """Each file read, parsed and chunked as ingesting would (no lock held, nothing
    written), with the reports it would collide with and an embedding-time estimate
    from timing the embedder on a few of its own passages. A scan is OCR'd here, once:
    the ingest that follows reads its pages from the OCR cache."""
    with reading_scans(state.settings, on_page):
        return _plan(state, files)


def _plan(state: AppState, files: Sequence[Path]) -> list[FilePlan]:
    store, limits = state.writer, state.limits
    plans: list[FilePlan] = []
    per_chunk = 0.0
    for src in files:
        try:
            name, _ = check_file(src, limits)
            data = read_file(src, limits.max_bytes)
            sha = hashlib.sha256(data).hexdigest()
            if store.find_by_hash(sha):
                plans.append(FilePlan(src.name))  # nothing to decide: it is a duplicate
                continue
            report = parse_bytes(src, data, limits.max_bytes)
            chunks = chunk_report(report, "plan", "plan")
        except (UploadRefused, IngestError) as e:
            plans.append(FilePlan(src.name, error=getattr(e, "message", str(e))))
            continue
        if not per_chunk and chunks:
            sample = [c.embed_text for c in chunks[:8]]
            t0 = time.perf_counter()
            store.embedder.embed_passages(sample)
            per_chunk = (time.perf_counter() - t0) / len(sample)
        held = store.find_by_path(str((state.uploads / name).resolve()))
        meta = report.meta
        twins = tuple(
            t.source
            for t in store.find_same_document(meta.number, meta.date, meta.issuer)
            if not held or t.report_id != held.report_id
        )
        same = (held.number or held.source) if held else ""
        plans.append(FilePlan(src.name, len(chunks), len(chunks) * per_chunk, same, twins))
    return plans


def needs_confirmation(plans: Sequence[FilePlan], confirm_s: float) -> bool:
    return any(p.conflict for p in plans) or sum(p.seconds for p in plans) > confirm_s


def describe(plans: Sequence[FilePlan], max_chunks: int) -> list[str]:
    """One line per file worth telling about before the batch starts."""
    lines = []
    for p in plans:
        if p.error:
            lines.append(f"{p.name}: sẽ bị từ chối — {p.error}")
            continue
        if p.chunks > max_chunks:
            lines.append(
                f"{p.name}: {format_number(p.chunks)} đoạn, vượt giới hạn "
                f"{format_number(max_chunks)} đoạn một báo cáo; sẽ bị từ chối."
            )
            continue
        if p.same_name:
            lines.append(f"{p.name}: đã có tệp cùng tên trong chỉ mục (báo cáo {p.same_name}).")
        if p.twins:
            lines.append(
                f"{p.name}: cùng số, ngày và cơ quan ban hành với " + ", ".join(p.twins) + "."
            )
        if p.seconds >= 60:
            lines.append(
                f"{p.name}: {format_number(p.chunks)} đoạn, ước tính {duration_vn(p.seconds)}."
            )
    return lines

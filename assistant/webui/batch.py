"""Ingesting an upload, once its plan (plan.py) is agreed: the batch, one file at a time
in a worker thread; and deleting or re-indexing one report.

A report's identity is its content and its metadata, never its file name: a file
uploaded under a name already used, or with the number, date and issuer of a report
already indexed, replaces nothing unless the user confirmed it (`replace=True`); without
that both are kept, the new file under a free name, and the result line says so."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.api import IngestError, IngestResult, ingest_file, reading_scans, reindex
from assistant.webui.state import AppState
from assistant.webui.upload import (
    UploadRefused,
    admit,
    check_file,
    check_quota,
    copy_in,
    discard,
    free_name,
    request_user,
    restore,
    set_owner,
)

# ---- a batch in a worker thread ----------------------------------------------------------


@dataclass
class FileJob:
    name: str  # as uploaded (shown escaped)
    stored: str = ""  # safe name in the data folder
    done: int = 0
    total: int = 0
    state: str = "waiting"  # waiting | running | ok | error
    line: str = ""  # the result line
    stage: str = ""  # "OCR trang 3/15" while a scan is read


@dataclass
class Batch:
    jobs: list[FileJob]
    finished: threading.Event = field(default_factory=threading.Event)


STATUS_VN = {
    "added": "đã nạp",
    "replaced": "đã nạp, thay bản cũ",
    "unchanged": "không đổi so với bản đã nạp, bỏ qua",
    "duplicate": "trùng nội dung",
}


def result_line(r: IngestResult, kept_as: str = "") -> str:
    if r.status == "error":
        return r.message
    if r.status in ("unchanged", "duplicate"):
        return r.message or STATUS_VN[r.status]
    parts = [
        STATUS_VN.get(r.status, r.status),
        f"{r.sections} mục",
        f"{r.footnotes} chú thích",
        f"{r.chunks} đoạn chỉ mục",
    ]
    line = ", ".join(parts)
    if kept_as:
        line += f"; đã có tệp cùng tên nên giữ cả hai, tệp mới lưu thành '{kept_as}'"
    if r.message:
        line += f"; {r.message}"
    if r.kept_twins or kept_as:
        line += " (muốn thay bản cũ: tải lại tệp và chọn «Thay bản cũ»)"
    if r.warnings:
        line += "; cảnh báo: " + "; ".join(r.warnings)
    return line


def run_batch(
    state: AppState,
    files: Sequence[Path | str],
    on_change: Callable[[], None] | None = None,
    *,
    user: str | None = None,
    temp_root: Path | None = None,
    replace: bool = False,
) -> Batch:
    """Start ingesting `files` for `user` (by default the user of the Gradio request being
    served) in a worker thread; returns the Batch to poll. A batch `admit` refuses comes
    back finished, each file with the reason. Each file's temporary copy is deleted once
    it is processed, whatever the outcome. `replace`: the user confirmed that these files
    replace the reports with their file names, or their number, date and issuer."""
    user = request_user() if user is None else user
    batch = Batch([FileJob(Path(f).name) for f in files if f])
    try:
        paths = admit(state, user, files, temp_root)
    except UploadRefused as e:
        for job in batch.jobs:
            job.line, job.state, job.done, job.total = str(e), "error", 1, 1
        batch.finished.set()
        return batch

    def work() -> None:
        try:
            for job, src in zip(batch.jobs, paths, strict=True):
                job.state = "running"
                try:
                    _one(state, job, src, user or "", replace)
                finally:
                    discard([src], temp_root)
                if on_change:
                    on_change()
        finally:
            discard(paths, temp_root)  # those not reached, had the loop broken off
            batch.finished.set()

    threading.Thread(target=work, name="upload", daemon=True).start()
    return batch


def _same_bytes(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    return False


def _one(state: AppState, job: FileJob, src: Path, user: str, replace: bool) -> None:
    limits = state.limits
    try:
        name, size = check_file(src, limits)
        with state.write_lock:
            kept_as = ""
            taken = (state.uploads / name).exists()
            if taken and not replace and not _same_bytes(src, state.uploads / name):
                name = kept_as = free_name(state.uploads, name)
            job.stored = name
            check_quota(limits, state.uploads, user, {name: size})  # other batches since
            dest = copy_in(src, state.uploads, name, limits.max_bytes)

            def progress(_: str, done: int, total: int) -> None:
                job.done, job.total = done, total

            def ocr_page(_: str, done: int, total: int) -> None:
                job.stage = f"OCR trang {done}/{total}" if done < total else ""

            try:
                with reading_scans(state.settings, ocr_page):
                    result = ingest_file(
                        state.writer, dest, limits.max_bytes, progress, replace, limits.max_chunks
                    )
            except IngestError as e:
                restore(dest)
                raise UploadRefused(e.message) from e
            except Exception:
                restore(dest)
                raise
            (state.uploads / f".{name}.bak").unlink(missing_ok=True)
            if result.status == "duplicate":
                dest.unlink(missing_ok=True)
                kept_as = ""
            else:
                set_owner(state.uploads, name, user)
        job.line = result_line(result, kept_as)
        job.state = "ok"
    except UploadRefused as e:
        job.line, job.state = str(e), "error"
    except Exception as e:  # never leave the batch hanging on an unexpected failure
        job.line, job.state = f"lỗi không mong đợi ({type(e).__name__}: {e}).", "error"
    job.done = job.total = max(job.total, 1)


# ---- delete and re-index ------------------------------------------------------------------


def delete_report(state: AppState, report_id: str) -> str:
    with state.write_lock:
        store = state.writer
        info = store.info(report_id)
        if info is None:
            return "Không tìm thấy báo cáo này trong chỉ mục."
        store.remove(report_id)
        path = Path(info.path)
        if path.parent == state.uploads.resolve() and not path.is_symlink():
            path.unlink(missing_ok=True)
    state.refresh()
    return f"Đã xóa {info.number or info.source} khỏi chỉ mục."


def reindex_report(state: AppState, report_id: str) -> str:
    """Parse the report's file again and replace it in one commit (the report stays
    answerable throughout); its records are extracted afresh."""
    with state.write_lock:
        info = state.writer.info(report_id)
        if info is None:
            return "Không tìm thấy báo cáo này trong chỉ mục."
        path = Path(info.path)
        if not path.is_file():
            return f"Không còn tệp gốc {info.source} để nạp lại; hãy tải tệp lên lại."
        try:
            done = reindex(state.writer, report_id, path, state.limits.max_bytes)
        except IngestError as e:
            return f"Không nạp lại được {info.source}: {e.message}"
    state.refresh()
    return (
        f"Đã nạp lại {info.number or info.source}: {done.sections} mục, "
        f"{done.footnotes} chú thích, {done.chunks} đoạn chỉ mục."
    )

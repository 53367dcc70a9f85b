"""Uploads and the table of indexed reports: safe names, limits, copy into the index's
data folder, ingest one file at a time in a worker thread, delete and re-index.

Only the admin role gets here; every handler checks it again (see layout.py)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.webui.state import AppState, Limits
from index.chunk import chunk_report
from index.embed import embed_in_batches
from index.errors import IngestError
from index.ingest import IngestResult, ingest_file
from index.parse import parse_bytes, read_file

_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.I)


class UploadRefused(ValueError):
    """A file refused before ingestion; the message is for the user."""


def safe_name(name: str) -> str:
    """A file name that cannot leave the upload folder or fool a reader: the last path
    component of any OS, compatibility forms folded (fullwidth ／ is a slash), control and
    invisible characters (bidi overrides, zero-width) dropped, anything but letters,
    digits, space and -_() replaced, no leading dot, at most 120 characters."""
    name = unicodedata.normalize("NFKC", name or "")
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    name = unicodedata.normalize("NFC", name)
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = re.sub(r"[^\w\-() ]+", "_", stem)
    stem = re.sub(r"[\s_]+", lambda m: "_" if "_" in m.group(0) else " ", stem).strip(" ._-")
    ext = re.sub(r"[^0-9a-z]", "", ext.lower())[:8]
    if not stem or _RESERVED.match(stem):
        stem = f"bao-cao{'-' + stem if stem else ''}"
    stem = stem[:120]
    return f"{stem}.{ext}" if ext else stem


def check_file(path: Path, limits: Limits) -> tuple[str, int]:
    """(safe name, size) of an uploaded file, or UploadRefused."""
    name = safe_name(path.name)
    suffix = Path(name).suffix.lower()
    if suffix not in limits.suffixes:
        raise UploadRefused(
            f"định dạng '{suffix or '(không đuôi)'}' không được nhận; "
            f"chỉ nhận {', '.join(limits.suffixes)}."
        )
    try:
        st = os.lstat(path)
    except OSError as e:
        raise UploadRefused(f"không đọc được tệp tải lên ({e.strerror}).") from e
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(st.st_mode):
        raise UploadRefused("không phải tệp thường (liên kết tượng trưng hoặc thiết bị), từ chối.")
    if st.st_size > limits.max_bytes:
        raise UploadRefused(
            f"tệp {st.st_size / 2**20:.1f} MB vượt giới hạn {limits.max_mb:g} MB "
            "(ASSISTANT_UPLOAD_MAX_MB)."
        )
    if st.st_size == 0:
        raise UploadRefused("tệp rỗng.")
    return name, st.st_size


def copy_in(src: Path, folder: Path, name: str, max_bytes: int) -> Path:
    """Copy `src` to `folder/name` without following links on either side; the file it
    replaces (a new version of the same report) is kept beside it as `.name.bak`."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / name
    if dest.is_symlink():
        raise UploadRefused("đích là một liên kết tượng trưng, từ chối.")
    if dest.resolve().parent != folder.resolve():
        raise UploadRefused("tên tệp không hợp lệ.")
    tmp = folder / f".{name}.{os.getpid()}.{threading.get_ident()}.part"
    fd_in = os.open(src, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        fd_out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o640)
        try:
            total = 0
            while chunk := os.read(fd_in, 1 << 20):
                total += len(chunk)
                if total > max_bytes:
                    raise UploadRefused("tệp vượt giới hạn kích thước.")
                os.write(fd_out, chunk)
        finally:
            os.close(fd_out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd_in)
    if dest.exists():
        os.replace(dest, folder / f".{name}.bak")
    os.replace(tmp, dest)
    return dest


def _restore(dest: Path) -> None:
    backup = dest.parent / f".{dest.name}.bak"
    if backup.exists():
        os.replace(backup, dest)
    else:
        dest.unlink(missing_ok=True)


# ---- a batch in a worker thread ----------------------------------------------------------


@dataclass
class FileJob:
    name: str  # as uploaded (shown escaped)
    stored: str = ""  # safe name in the data folder
    done: int = 0
    total: int = 0
    state: str = "waiting"  # waiting | running | ok | error
    line: str = ""  # the result line


@dataclass
class Batch:
    jobs: list[FileJob]
    finished: threading.Event = field(default_factory=threading.Event)


STATUS_VN = {
    "added": "đã nạp",
    "replaced": "đã nạp, thay bản cũ cùng tên",
    "unchanged": "không đổi so với bản đã nạp, bỏ qua",
    "duplicate": "trùng nội dung",
}


def result_line(r: IngestResult) -> str:
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
    if r.warnings:
        line += "; cảnh báo: " + "; ".join(r.warnings)
    return line


def run_batch(state: AppState, files: list[Path], on_change: Callable[[], None] | None = None):
    """Start ingesting `files` in a worker thread; returns the Batch to poll."""
    batch = Batch([FileJob(Path(f).name) for f in files])

    def work() -> None:
        try:
            for job, src in zip(batch.jobs, files, strict=True):
                job.state = "running"
                _one(state, job, Path(src))
                if on_change:
                    on_change()
        finally:
            batch.finished.set()

    threading.Thread(target=work, name="upload", daemon=True).start()
    return batch


def _one(state: AppState, job: FileJob, src: Path) -> None:
    limits = state.limits
    try:
        name, _ = check_file(src, limits)
        job.stored = name
        with state.write_lock:
            dest = copy_in(src, state.uploads, name, limits.max_bytes)

            def progress(_: str, done: int, total: int) -> None:
                job.done, job.total = done, total

            try:
                result = ingest_file(state.writer, dest, limits.max_bytes, progress)
            except IngestError as e:
                _restore(dest)
                raise UploadRefused(e.message) from e
            except Exception:
                _restore(dest)
                raise
            (state.uploads / f".{name}.bak").unlink(missing_ok=True)
            if result.status == "duplicate":
                dest.unlink(missing_ok=True)
        job.line = result_line(result)
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
        info = next((r for r in store.reports() if r.report_id == report_id), None)
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
        store = state.writer
        info = next((r for r in store.reports() if r.report_id == report_id), None)
        if info is None:
            return "Không tìm thấy báo cáo này trong chỉ mục."
        path = Path(info.path)
        if not path.is_file():
            return f"Không còn tệp gốc {info.source} để nạp lại; hãy tải tệp lên lại."
        try:
            data = read_file(path, state.limits.max_bytes)
            report = parse_bytes(path, data, state.limits.max_bytes)
        except IngestError as e:
            return f"Không nạp lại được {info.source}: {e.message}"
        sha = hashlib.sha256(data).hexdigest()
        version = f"{sha[:10]}r{int(time.time()) % 10**6}"
        chunks = chunk_report(report, report_id, version)
        vectors = embed_in_batches(store.embedder, [c.embed_text for c in chunks])
        store.add(report_id, report, chunks, vectors, sha, version, str(path), replaces=report_id)
    state.refresh()
    return (
        f"Đã nạp lại {info.number or info.source}: {len(report.sections)} mục, "
        f"{len(report.footnotes)} chú thích, {len(chunks)} đoạn chỉ mục."
    )

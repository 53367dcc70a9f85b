"""Uploaded files: safe names, limits and per-user quotas, Gradio's temporary copies,
the copy into the index's data folder (batch.py ingests them).

Only the roles that may ingest get here; every handler checks it again (see admin.py),
and so does `admit`. Gradio keeps every upload in its temporary folder for good, so a
batch's temporary files are deleted once processed, a refused batch's at once."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from assistant.webui.auth import INGEST_ROLES
from assistant.webui.state import AppState, Limits

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
    except FileNotFoundError as e:
        raise UploadRefused(
            "tệp tải lên không còn (tệp tạm bị xóa sau mỗi lần nạp); hãy chọn lại tệp."
        ) from e
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


def free_name(folder: Path, name: str) -> str:
    """`name`, or 'stem (2).ext', 'stem (3).ext'…: the first not taken in `folder`, so a
    second report uploaded under a used name is kept beside the first."""
    stem, ext = Path(name).stem, Path(name).suffix
    n = 2
    while (folder / name).exists() or (folder / f".{name}.bak").exists():
        name = f"{stem[:110]} ({n}){ext}"
        n += 1
    return name


def restore(dest: Path) -> None:
    backup = dest.parent / f".{dest.name}.bak"
    if backup.exists():
        os.replace(backup, dest)
    else:
        dest.unlink(missing_ok=True)


# ---- Gradio's temporary files, who may upload, quotas -------------------------------------

OWNERS = ".owners.json"  # in the data folder: stored name → the user who uploaded it
NOT_ALLOWED = "chỉ quản trị viên (vai trò admin) được tải báo cáo lên."


def gradio_temp_root() -> Path:
    """Where Gradio writes uploads (its get_upload_folder)."""
    return Path(os.environ.get("GRADIO_TEMP_DIR") or Path(tempfile.gettempdir()) / "gradio")


def discard(paths: Iterable[Path | str], root: Path | None = None) -> None:
    """Delete Gradio's temporary copies of uploaded files, and the per-upload folder Gradio
    made for each once empty. Only what lies inside `root` (Gradio's temporary folder):
    a path pointing anywhere else is left alone."""
    base = (root or gradio_temp_root()).resolve()
    for p in paths:
        path = Path(p)
        with contextlib.suppress(OSError):
            folder = path.parent.resolve()
            if folder != base and base not in folder.parents:
                continue
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                path.unlink()
            if folder != base:
                folder.rmdir()  # fails, harmlessly, while not empty


def _owners(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / OWNERS).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def set_owner(folder: Path, name: str, user: str) -> None:
    """Record who uploaded `name`; entries of files gone from the folder are dropped."""
    owners = {k: v for k, v in _owners(folder).items() if (folder / k).exists()}
    owners[name] = user
    tmp = folder / f".{OWNERS}.{os.getpid()}.{threading.get_ident()}.part"
    tmp.write_text(json.dumps(owners, ensure_ascii=False), "utf-8")
    os.replace(tmp, folder / OWNERS)


def kept(folder: Path, user: str) -> dict[str, int]:
    """Stored name → size of the files `user` uploaded that are still in the data folder
    (a deleted report's file is gone, so it no longer counts)."""
    out: dict[str, int] = {}
    for name, owner in _owners(folder).items():
        if owner != user or safe_name(name) != name:
            continue
        with contextlib.suppress(OSError):
            st = os.lstat(folder / name)
            if stat.S_ISREG(st.st_mode):
                out[name] = st.st_size
    return out


def check_quota(limits: Limits, folder: Path, user: str, new: dict[str, int]) -> None:
    """UploadRefused when keeping `new` (stored name → size) would take `user` past the
    quota. A new version of one of their files replaces it, so the old one is not counted."""
    have = {k: v for k, v in kept(folder, user).items() if k not in new}
    if len(have) + len(new) > limits.quota_files:
        raise UploadRefused(
            f"vượt hạn mức {limits.quota_files} tệp đã nạp cho mỗi người dùng "
            f"(ASSISTANT_UPLOAD_QUOTA_FILES): đang giữ {len(have)} tệp, thêm {len(new)} tệp. "
            "Hãy xóa bớt báo cáo cũ."
        )
    total = sum(have.values()) + sum(new.values())
    if total > limits.quota_bytes:
        raise UploadRefused(
            f"vượt hạn mức {limits.quota_mb:g} MB tệp đã nạp cho mỗi người dùng "
            f"(ASSISTANT_UPLOAD_QUOTA_MB): đang giữ {sum(have.values()) / 2**20:.1f} MB, "
            f"thêm {sum(new.values()) / 2**20:.1f} MB. Hãy xóa bớt báo cáo cũ."
        )


def _sizes(paths: Sequence[Path]) -> dict[str, int]:
    out: dict[str, int] = {}
    for path in paths:
        with contextlib.suppress(OSError):
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                out[safe_name(path.name)] = st.st_size
    return out


def admit(
    state: AppState, user: str | None, files: Sequence[Path | str], temp_root: Path | None = None
) -> list[Path]:
    """The batch, if `user` may upload it: a role that may ingest, 1 to `max_files` files,
    and within the quota on what they keep. Otherwise its temporary files are deleted at
    once and UploadRefused names the limit."""
    paths = [Path(f) for f in files if f]
    try:
        if state.role(user) not in INGEST_ROLES:
            raise UploadRefused(NOT_ALLOWED)
        if not paths:
            raise UploadRefused("chưa chọn tệp nào.")
        if len(paths) > state.limits.max_files:
            raise UploadRefused(
                f"tối đa {state.limits.max_files} tệp mỗi lần (ASSISTANT_UPLOAD_MAX_FILES); "
                f"đã chọn {len(paths)}."
            )
        check_quota(state.limits, state.uploads, user or "", _sizes(paths))
    except UploadRefused:
        discard(paths, temp_root)
        raise
    return paths


def request_user() -> str | None:
    """The user of the Gradio event being served, for callers that do not pass one; None
    outside an event or without login."""
    try:
        from gradio.context import LocalContext
    except ImportError:
        return None
    return getattr(LocalContext.request.get(None), "username", None)

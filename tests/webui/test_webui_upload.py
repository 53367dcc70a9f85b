"""Uploads: names that cannot escape the data folder, limits, symlinks refused, the copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.webui.state import Limits
from assistant.webui.upload import UploadRefused, check_file, copy_in, safe_name

LIMITS = Limits(max_mb=1, max_files=3)


@pytest.mark.parametrize(
    ("given", "want"),
    [
        ("báo cáo tháng 12.docx", "báo cáo tháng 12.docx"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\system.ini.txt", "system_ini.txt"),
        ("/abs/path/x.pdf", "x.pdf"),
        ("..", "bao-cao"),
        (".hidden.md", "hidden.md"),
        ("a\x00b\x1f\x7fc.txt", "abc.txt"),
        ("evil\u202egpj.txt", "evilgpj.txt"),  # right-to-left override dropped
        ("zero\u200bwidth.txt", "zerowidth.txt"),
        ("full\uff0fwidth\uff0eslash.txt", "width_slash.txt"),  # ／ and ． are / and .
        ("<img src=x onerror=alert(1)>.txt", "img src_x onerror_alert(1).txt"),
        ("CON.txt", "bao-cao-CON.txt"),
        ("Ba\u0301o ca\u0301o.TXT", "Báo cáo.txt"),  # decomposed accents composed
        ("x" * 300 + ".pdf", "x" * 120 + ".pdf"),
    ],
)
def test_safe_name(given: str, want: str) -> None:
    got = safe_name(given)
    assert got == want
    assert "/" not in got and "\\" not in got and not got.startswith(".")


def test_type_size_and_empty_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.exe").write_bytes(b"MZ")
    with pytest.raises(UploadRefused, match="định dạng"):
        check_file(tmp_path / "a.exe", LIMITS)
    (tmp_path / "big.txt").write_bytes(b"x" * (LIMITS.max_bytes + 1))
    with pytest.raises(UploadRefused, match="vượt giới hạn"):
        check_file(tmp_path / "big.txt", LIMITS)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(UploadRefused, match="rỗng"):
        check_file(tmp_path / "empty.txt", LIMITS)
    (tmp_path / "ok.txt").write_text("báo cáo", "utf-8")
    assert check_file(tmp_path / "ok.txt", LIMITS) == ("ok.txt", len("báo cáo".encode()))


def test_symlinks_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("mật", "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(secret)
    with pytest.raises(UploadRefused, match="liên kết"):
        check_file(link, LIMITS)
    with pytest.raises(OSError):
        copy_in(link, tmp_path / "uploads", "link.txt", LIMITS.max_bytes)  # O_NOFOLLOW
    folder = tmp_path / "uploads"
    folder.mkdir(exist_ok=True)
    (folder / "planted.txt").symlink_to(secret)
    src = tmp_path / "new.txt"
    src.write_text("mới", "utf-8")
    with pytest.raises(UploadRefused, match="liên kết"):
        copy_in(src, folder, "planted.txt", LIMITS.max_bytes)
    assert secret.read_text("utf-8") == "mật"


def test_copy_keeps_the_previous_version_aside(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    src = tmp_path / "r.txt"
    src.write_text("một", "utf-8")
    dest = copy_in(src, folder, "r.txt", LIMITS.max_bytes)
    assert dest == folder / "r.txt" and dest.read_text("utf-8") == "một"
    src.write_text("hai", "utf-8")
    copy_in(src, folder, "r.txt", LIMITS.max_bytes)
    assert dest.read_text("utf-8") == "hai"
    assert (folder / ".r.txt.bak").read_text("utf-8") == "một"
    assert oct(os.stat(dest).st_mode & 0o777) == "0o640"
    assert not list(folder.glob("*.part"))

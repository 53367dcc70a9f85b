"""Who may upload and how much: only roles that may ingest, a batch's count, each user's
quota on the files they keep; Gradio's temporary copies deleted once a batch is processed
and at once when it is refused. A fake embedder on an empty index keeps these fast."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from webui_helpers import REPORT_HEAD

from assistant.route import make_assistant
from assistant.settings import Settings
from assistant.webui.auth import ADMIN, STAFF, User, Users
from assistant.webui.batch import Batch, delete_report, run_batch
from assistant.webui.state import AppState, Limits
from assistant.webui.upload import OWNERS, UploadRefused, admit, discard, kept


def make_state(tmp_path: Path, fake_embedder, limits: Limits, **users: User) -> AppState:
    settings = Settings(index_dir=tmp_path / "index")
    everyone = {"an": User("an", ADMIN, "x"), "binh": User("binh", ADMIN, "x"), **users}
    return AppState(
        settings, fake_embedder, make_assistant(settings), users=Users(everyone), limits=limits
    )


@pytest.fixture
def temp(tmp_path: Path) -> Path:
    """Stands for Gradio's temporary folder."""
    return tmp_path / "gradio"


def uploaded(temp: Path, name: str, body: str) -> Path:
    """A file where Gradio would put it: <temp>/<sha256>/<name>."""
    folder = temp / hashlib.sha256(body.encode()).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, "utf-8")
    return path


def text(number: int, pad: int = 0) -> str:
    return (
        REPORT_HEAD.format(number=number)
        + f"I. KẾT QUẢ\n\n1. Kinh tế\n\nThu ngân sách đạt {number} tỷ đồng.{' ' * pad}\n"
    )


def report(temp: Path, number: int, pad: int = 0) -> Path:
    return uploaded(temp, f"bao-cao-{number}.txt", text(number, pad))


def finish(batch: Batch) -> list[tuple[str, str]]:
    assert batch.finished.wait(60)
    return [(j.state, j.line) for j in batch.jobs]


def leftovers(temp: Path) -> list[Path]:
    return sorted(temp.rglob("*")) if temp.exists() else []


def test_a_role_that_cannot_ingest_is_refused_and_its_files_deleted(
    tmp_path: Path, fake_embedder, temp: Path
) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3), canbo=User("canbo", STAFF, "x"))
    files = [report(temp, 11), report(temp, 12)]
    with pytest.raises(UploadRefused, match="quản trị"):
        admit(state, "canbo", files, temp)
    assert leftovers(temp) == []  # the files and the folders Gradio made for them

    files = [report(temp, 11)]
    for who in ("canbo", "", "nobody"):  # not logged in, or a name that is not a user
        batch = run_batch(state, files, user=who, temp_root=temp)
        assert [s for s, _ in finish(batch)] == ["error"]
        assert "quản trị" in batch.jobs[0].line
    assert leftovers(temp) == []
    assert not (state.uploads / "bao-cao-11.txt").exists()


def test_too_many_files_in_a_batch_are_refused_and_deleted(
    tmp_path: Path, fake_embedder, temp: Path
) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3))
    files = [report(temp, n) for n in range(21, 25)]
    with pytest.raises(UploadRefused, match=r"tối đa 3 tệp mỗi lần.*ASSISTANT_UPLOAD_MAX_FILES"):
        admit(state, "an", files, temp)
    assert leftovers(temp) == []
    with pytest.raises(UploadRefused, match="chưa chọn"):
        admit(state, "an", [], temp)


def test_temporary_files_are_deleted_whatever_the_outcome(
    tmp_path: Path, fake_embedder, temp: Path
) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3))
    good = report(temp, 31)
    broken = uploaded(temp, "hong.docx", "PK\x03\x04 not really a zip")
    script = uploaded(temp, "script.sh", "echo")
    states = finish(run_batch(state, [good, broken, script], user="an", temp_root=temp))
    assert [s for s, _ in states] == ["ok", "error", "error"], states
    assert leftovers(temp) == []
    assert (state.uploads / "bao-cao-31.txt").is_file()
    stored = state.uploads / "bao-cao-31.txt"
    assert kept(state.uploads, "an") == {stored.name: stored.stat().st_size}


def test_the_file_quota_counts_what_each_user_keeps(
    tmp_path: Path, fake_embedder, temp: Path
) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3, quota_files=3))
    two = [report(temp, 41), report(temp, 42)]
    assert [s for s, _ in finish(run_batch(state, two, user="an", temp_root=temp))] == ["ok"] * 2
    too_many = [report(temp, 43), report(temp, 44)]
    with pytest.raises(UploadRefused) as refused:
        admit(state, "an", too_many, temp)
    message = str(refused.value)
    assert "3 tệp" in message and "ASSISTANT_UPLOAD_QUOTA_FILES" in message
    assert "đang giữ 2 tệp" in message
    assert leftovers(temp) == []

    # another user has a quota of their own
    assert finish(run_batch(state, [report(temp, 45)], user="binh", temp_root=temp))[0][0] == "ok"
    # a new version of one of one's own files, confirmed as replacing it, does not count twice
    again = uploaded(temp, "bao-cao-41.txt", text(46))
    batch = run_batch(state, [again, report(temp, 47)], user="an", temp_root=temp, replace=True)
    assert [s for s, _ in finish(batch)] == ["ok"] * 2
    assert len(kept(state.uploads, "an")) == 3
    # deleting a report frees its place
    rid = next(r.report_id for r in state.snapshot().store.reports() if r.number == "47/BC-UBND")
    assert delete_report(state, rid).startswith("Đã xóa")
    assert len(kept(state.uploads, "an")) == 2
    assert finish(run_batch(state, [report(temp, 48)], user="an", temp_root=temp))[0][0] == "ok"
    assert leftovers(temp) == []


def test_the_size_quota_names_its_limit(tmp_path: Path, fake_embedder, temp: Path) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3, quota_mb=0.002))  # ~2 KB
    assert finish(run_batch(state, [report(temp, 51)], user="an", temp_root=temp))[0][0] == "ok"
    big = report(temp, 52, pad=2000)
    batch = run_batch(state, [big], user="an", temp_root=temp)
    ((status, line),) = finish(batch)
    assert status == "error"
    assert "0.002 MB" in line and "ASSISTANT_UPLOAD_QUOTA_MB" in line
    assert leftovers(temp) == []
    assert not (state.uploads / "bao-cao-52.txt").exists()


def test_batches_racing_for_the_last_place_get_one_each(
    tmp_path: Path, fake_embedder, temp: Path
) -> None:
    """Both batches pass admission while nothing is kept; the check repeated under the
    write lock lets only one of them keep its file."""
    state = make_state(tmp_path, fake_embedder, Limits(1, 3, quota_files=1))
    first = run_batch(state, [report(temp, 61)], user="an", temp_root=temp)
    second = run_batch(state, [report(temp, 62)], user="an", temp_root=temp)
    results = finish(first) + finish(second)
    assert sorted(s for s, _ in results) == ["error", "ok"], results
    assert "ASSISTANT_UPLOAD_QUOTA_FILES" in next(line for s, line in results if s == "error")
    assert len(kept(state.uploads, "an")) == 1
    assert leftovers(temp) == []


def test_discard_touches_nothing_outside_the_temporary_folder(tmp_path: Path, temp: Path) -> None:
    outside = tmp_path / "mine.txt"
    outside.write_text("của tôi", "utf-8")
    inside = uploaded(temp, "x.txt", "x")
    link = inside.parent / "link.txt"
    link.symlink_to(outside)
    discard([outside, temp / ".." / "mine.txt", link, inside], temp)
    assert outside.read_text("utf-8") == "của tôi"  # a link's target is never followed
    assert leftovers(temp) == []


def test_the_owners_file_is_no_upload(tmp_path: Path, fake_embedder, temp: Path) -> None:
    """The ledger lives beside the uploads under a name no upload can take."""
    state = make_state(tmp_path, fake_embedder, Limits(1, 3))
    sneaky = uploaded(temp, OWNERS, '{"x": "an"}')
    ((status, line),) = finish(run_batch(state, [sneaky], user="an", temp_root=temp))
    assert status == "error" and "định dạng" in line
    assert kept(state.uploads, "an") == {}
    assert leftovers(temp) == []

"""Store + ingest with a real Chroma on disk and the deterministic fake embedder:
idempotency, duplicates, replacement, removal, bad files, embedder mismatch and
atomicity (a failed commit, and a real kill -9 mid-ingest)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES, TESTS, HashEmbedder, OtherHashEmbedder

from index import vn
from index.errors import IndexMismatchError, IngestError
from index.ingest import ingest_file, ingest_paths
from index.store import Store

MAX = 50 * 1024 * 1024


def chroma_ids(store: Store) -> set[str]:
    return set(store._coll().get(include=[])["ids"])


def manifest_bytes(store: Store) -> bytes:
    return store.manifest_path.read_bytes() if store.manifest_path.exists() else b""


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "index", HashEmbedder())


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in SAMPLE_FILES[:2]:
        shutil.copy(f, folder / f.name)
    return folder


def test_ingest_adds_a_report(store: Store, docs: Path) -> None:
    path = docs / SAMPLE_FILES[0].name
    result = ingest_file(store, path, MAX)
    assert result.status == "added" and result.ok
    assert result.report_id == "912-BC-UBND-2025-10-17"
    assert result.sections > 10 and result.footnotes > 10
    (info,) = store.reports()
    assert info.number == "912/BC-UBND" and info.period == "10/2025"
    assert info.path == str(path.resolve())
    assert info.chunks == result.chunks == len(store.chunks)
    assert chroma_ids(store) == set(store.chunks)
    assert store.report(result.report_id).meta.date == "2025-10-17"
    # BM25 finds folded and accented tokens alike
    tokens = vn.search_tokens("đua thuyền truyền thống")
    (best, _), *_ = store.lexical_search(tokens, 5)
    assert "Đua thuyền" in store.chunks[best].text
    # dense search returns only live chunks, best first
    hits = store.dense_search(store.embedder.embed_query("đua thuyền truyền thống"), 5)
    assert hits and all(cid in store.chunks for cid, _ in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


def test_same_file_twice_is_unchanged(store: Store, docs: Path) -> None:
    path = docs / SAMPLE_FILES[0].name
    ingest_file(store, path, MAX)
    before = (manifest_bytes(store), store.generation, chroma_ids(store))
    again = ingest_file(store, path, MAX)
    assert again.status == "unchanged"
    assert again.report_id == store.reports()[0].report_id
    assert (manifest_bytes(store), store.generation, chroma_ids(store)) == before


def test_same_content_under_another_name_is_a_duplicate(store: Store, docs: Path) -> None:
    path = docs / SAMPLE_FILES[0].name
    first = ingest_file(store, path, MAX)
    copy = docs / "ban-sao.txt"
    shutil.copy(path, copy)
    before = (manifest_bytes(store), chroma_ids(store))
    dup = ingest_file(store, copy, MAX)
    assert dup.status == "duplicate" and dup.ok
    assert dup.report_id == first.report_id
    assert SAMPLE_FILES[0].name in dup.message
    assert (manifest_bytes(store), chroma_ids(store)) == before


def test_changed_file_replaces_the_old_version(store: Store, docs: Path) -> None:
    path = docs / SAMPLE_FILES[0].name
    first = ingest_file(store, path, MAX)
    old_ids = set(store.chunks)
    text = path.read_text("utf-8").replace("14 đội, 308 vận động viên", "15 đội, 321 vận động viên")
    path.write_text(text, "utf-8")
    second = ingest_file(store, path, MAX)
    assert second.status == "replaced"
    assert second.report_id == first.report_id
    assert len(store.reports()) == 1
    new_ids = set(store.chunks)
    assert not old_ids & new_ids
    # the old version stays in Chroma for one commit, for readers still on it, then goes
    assert chroma_ids(store) == new_ids | old_ids
    ingest_file(store, docs / SAMPLE_FILES[1].name, MAX)
    assert chroma_ids(store) == set(store.chunks) and not old_ids & set(store.chunks)
    assert not list((store.root / "reports").glob(f"*{old_ids.pop().split(':')[1]}*"))
    tokens = vn.search_tokens("321 vận động viên")
    (best, _), *_ = store.lexical_search(tokens, 3)
    assert "321 vận động viên" in store.chunks[best].text
    assert not any("308 vận động viên" in c.text for c in store.chunks.values())


def test_remove(store: Store, docs: Path) -> None:
    results = ingest_paths(store, [docs], MAX)
    assert [r.status for r in results] == ["added", "added"]
    gone, kept = results
    assert store.remove(gone.report_id) is True
    assert [r.report_id for r in store.reports()] == [kept.report_id]
    assert all(c.report_id == kept.report_id for c in store.chunks.values())
    assert chroma_ids(store) >= set(store.chunks)  # the removed one's go at the next commit
    hits = store.lexical_search(vn.search_tokens("đua thuyền truyền thống sông Mai"), 50)
    assert all(store.chunks[cid].report_id == kept.report_id for cid, _ in hits)
    assert store.remove(gone.report_id) is False
    assert store.remove("khong-co") is False
    # a removed file can be ingested again
    assert ingest_file(store, Path(gone.path), MAX).status == "added"
    assert chroma_ids(store) == set(store.chunks)


def test_folder_with_a_bad_file(store: Store, docs: Path) -> None:
    (docs / "hong.txt").write_bytes(b"")
    (docs / "cu.txt").write_bytes("Báo cáo tháng".encode("utf-16-le"))
    (docs / ".an.txt").write_bytes(b"hidden files are skipped")
    (docs / "ghi-chu.xlsx").write_bytes(b"not a supported suffix, skipped in folders")
    seen = []
    results = ingest_paths(store, [docs], MAX, on_result=seen.append)
    assert seen == results
    by_name = {Path(r.path).name: r for r in results}
    assert set(by_name) == {SAMPLE_FILES[0].name, SAMPLE_FILES[1].name, "hong.txt", "cu.txt"}
    for f in SAMPLE_FILES[:2]:
        assert by_name[f.name].status == "added"
    for bad in ("hong.txt", "cu.txt"):
        assert by_name[bad].status == "error" and not by_name[bad].ok
        assert by_name[bad].message
    assert len(store.reports()) == 2


def test_progress_is_reported(store: Store, docs: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    result = ingest_file(
        store, docs / SAMPLE_FILES[0].name, MAX, progress=lambda *a: calls.append(a)
    )
    assert calls and calls[-1] == (SAMPLE_FILES[0].name, result.chunks, result.chunks)
    assert [d for _, d, _ in calls] == sorted(d for _, d, _ in calls)


def test_failing_parse_never_changes_the_manifest(store: Store, docs: Path) -> None:
    ingest_file(store, docs / SAMPLE_FILES[0].name, MAX)
    before = (manifest_bytes(store), chroma_ids(store), sorted(os.listdir(store.root / "reports")))
    bad = docs / "hong.txt"
    for data in (b"", b"\x00\x01" * 500, "Báo cáo".encode("cp1258", errors="replace") + b"\xff"):
        bad.write_bytes(data)
        with pytest.raises(IngestError):
            ingest_file(store, bad, MAX)
    with pytest.raises(IngestError):
        ingest_file(store, docs / "khong-co.txt", MAX)
    after = (manifest_bytes(store), chroma_ids(store), sorted(os.listdir(store.root / "reports")))
    assert after == before


def test_index_refuses_another_embedder(store: Store, docs: Path) -> None:
    ingest_file(store, docs / SAMPLE_FILES[0].name, MAX)
    with pytest.raises(IndexMismatchError) as info:
        Store(store.root, OtherHashEmbedder())
    assert HashEmbedder.name in str(info.value) and OtherHashEmbedder.name in str(info.value)
    # the same embedder still opens it
    assert len(Store(store.root, HashEmbedder()).reports()) == 1


def test_a_second_store_sees_committed_changes(store: Store, docs: Path) -> None:
    reader = Store(store.root, HashEmbedder())
    assert reader.reports() == []
    ingest_file(store, docs / SAMPLE_FILES[0].name, MAX)
    assert [r.report_id for r in reader.reports()] == [r.report_id for r in store.reports()]
    assert set(reader.chunks) == set(store.chunks)


def test_threads_reading_one_store_while_it_commits_see_whole_states(
    store: Store, docs: Path
) -> None:
    """Three threads read one Store while this one adds and removes reports through it:
    every read, one call or one pinned view, sees a single generation (report list, chunk
    count, BM25 ids alike), none goes back to an older one, and each reader sees every
    generation (the writer waits for a read begun after each commit; nothing is timed)."""
    from index.chunkmap import split_id

    first, second = (docs / f.name for f in SAMPLE_FILES[:2])
    first_id = ingest_file(store, first, MAX).report_id
    errors: list[str] = []
    seen: list[set[int]] = [set() for _ in range(3)]
    reached = [-1] * len(seen)  # per reader: commits done when its last whole read began
    commits = [0]
    cond = threading.Condition()
    done = threading.Event()

    def read(i: int) -> None:
        last = 0
        try:
            while not done.is_set():
                with cond:
                    began = commits[0]
                chunks = store.chunks  # one call: its count and its ids from one state
                assert len(list(chunks)) == len(chunks)
                view = store.pinned()
                generation, infos, ids = view.generation, view.reports(), view.lexicon.ids
                assert sum(r.chunks for r in infos) == len(view.chunks) == len(ids)
                assert {split_id(c)[0] for c in ids} == {r.report_id for r in infos}
                assert view.generation == generation >= last
                last = generation
                seen[i].add(generation)
                with cond:
                    reached[i] = began
                    cond.notify_all()
        except Exception as e:
            errors.append(repr(e))
            with cond:
                reached[i] = 1 << 30  # the writer stops waiting for this one
                cond.notify_all()

    def committed() -> None:
        with cond:
            commits[0] += 1
            assert cond.wait_for(lambda: min(reached) >= commits[0], timeout=120), reached

    readers = [threading.Thread(target=read, args=(i,)) for i in range(len(seen))]
    for t in readers:
        t.start()
    try:
        with cond:
            assert cond.wait_for(lambda: min(reached) >= 0, timeout=120)
        second_id = ingest_file(store, second, MAX).report_id
        committed()
        assert store.remove(first_id)
        committed()
        assert ingest_file(store, first, MAX).status == "added"
        committed()
        assert store.remove(second_id)
        committed()
    finally:
        done.set()
        for t in readers:
            t.join(60)
    assert not errors, errors[:3]
    assert [r.report_id for r in store.reports()] == [first_id]
    assert all(s == {1, 2, 3, 4, 5} for s in seen), seen


def test_crash_before_commit_keeps_the_previous_state(
    store: Store, docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ingest_file(store, docs / SAMPLE_FILES[0].name, MAX)
    before_manifest = manifest_bytes(store)
    before_chunks = set(store.chunks)
    query = vn.search_tokens("giấy phép xây dựng")
    before_lexical = store.lexical_search(query, 5)

    def crash(self, manifest):
        raise RuntimeError("killed between the Chroma write and the manifest commit")

    second = docs / SAMPLE_FILES[1].name
    with monkeypatch.context() as m, pytest.raises(RuntimeError):
        m.setattr(Store, "_commit", crash)
        ingest_file(store, second, MAX)
    # the crashed write left vectors in Chroma ...
    orphans = chroma_ids(store) - before_chunks
    assert orphans
    # ... but a reopened store answers from the previous state
    reopened = Store(store.root, HashEmbedder())
    assert manifest_bytes(reopened) == before_manifest
    assert [r.report_id for r in reopened.reports()] == [first.report_id]
    assert set(reopened.chunks) == before_chunks
    assert reopened.lexical_search(query, 5) == before_lexical
    dense = reopened.dense_search(reopened.embedder.embed_query("giấy phép xây dựng"), 50)
    assert dense and all(cid in before_chunks for cid, _ in dense)
    # the next ingest completes and sweeps the orphans
    result = ingest_file(reopened, second, MAX)
    assert result.status == "added"
    assert len(reopened.reports()) == 2
    assert chroma_ids(reopened) == set(reopened.chunks)
    live = {f"{r.report_id}.{r.version}.json" for r in reopened.reports()}
    assert set(os.listdir(reopened.root / "reports")) == live


def test_crash_inside_an_atomic_write_leaves_nothing_behind(
    store: Store, docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.storage as store_module

    real_replace = os.replace

    def crash(src, dst):
        if str(dst).endswith(".json"):
            raise OSError("disk full")
        return real_replace(src, dst)

    with monkeypatch.context() as m, pytest.raises(OSError):
        m.setattr(store_module.os, "replace", crash)
        ingest_file(store, docs / SAMPLE_FILES[0].name, MAX)
    ingest_file(store, docs / SAMPLE_FILES[1].name, MAX)
    leftovers = [p.name for p in store.root.rglob(".*") if p.name != ".lock" and p.is_file()]
    leftovers = [n for n in leftovers if not n.startswith(".bm25")]
    assert leftovers == []


# ---- kill -9 in the middle of a long ingest ----------------------------------------------

N_REPORTS = 24

REPORT = """ỦY BAN NHÂN DÂN
THÀNH PHỐ THỬ NGHIỆM

Số: {n}/BC-UBND

TP. Thử Nghiệm, ngày {day} tháng 3 năm 2025

BÁO CÁO

Tình hình kinh tế - xã hội tháng 3/2025 của đơn vị {n}

I. KẾT QUẢ

1. Kinh tế

Đơn vị mã{n} thu ngân sách được {n}.{n:03d} triệu đồng, đạt {n},5% dự toán tỉnh giao.

Cấp {n} giấy phép xây dựng cho khu dân cư mã{n}; kiểm tra {n} công trình¹.

¹ Công trình mã{n} số một; công trình mã{n} số hai.

2. Văn hóa - xã hội

Tổ chức {n} lớp tập huấn về chuyển đổi số tại phường mã{n}. Khám bệnh cho {n} lượt người.

Chi trả trợ cấp bảo hiểm xã hội {n}.{n:03d} triệu đồng cho người dân mã{n}.
"""

INGEST_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from conftest import HashEmbedder
    from index.ingest import ingest_paths
    from index.store import Store

    class SlowHashEmbedder(HashEmbedder):
        def embed_passages(self, texts):
            time.sleep(0.01)
            return super().embed_passages(texts)

    store = Store(Path(sys.argv[1]), SlowHashEmbedder())
    def on_result(r):
        print(r.status, r.report_id, flush=True)
    ingest_paths(store, [Path(sys.argv[2])], 50 * 1024 * 1024, on_result=on_result,
                 commit_every=4)
    print("DONE", flush=True)
    """
)


def write_reports(folder: Path) -> dict[str, str]:
    """N small reports; report id → its unique marker word."""
    folder.mkdir()
    ids = {}
    for n in range(1, N_REPORTS + 1):
        (folder / f"bc-{n:03d}.txt").write_text(REPORT.format(n=n, day=n % 28 + 1), "utf-8")
        ids[f"{n}-BC-UBND-2025-03-{n % 28 + 1:02d}"] = f"mã{n}"
    return ids


def check_consistent(root: Path, expected: dict[str, str]) -> Store:
    """Whatever the kill interrupted, the store opens on complete reports only."""
    store = Store(root, HashEmbedder())
    manifest = json.loads(store.manifest_path.read_text("utf-8"))
    assert set(manifest["reports"]) <= set(expected)
    in_chroma = chroma_ids(store)
    for info in store.reports():
        report = store.report(info.report_id)
        assert report is not None and report.meta.number == info.number
        own = [c for c in store.chunks.values() if c.report_id == info.report_id]
        assert len(own) == info.chunks > 0
        assert {c.id for c in own} <= in_chroma  # every live chunk has its vector
        marker = expected[info.report_id]
        hits = store.lexical_search(vn.search_tokens(marker), 10)
        assert hits and all(store.chunks[cid].report_id == info.report_id for cid, _ in hits)
        assert store.dense_search(store.embedder.embed_query(marker), 3)
    return store


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_a_consistent_store(tmp_path: Path, subprocess_env) -> None:
    folder = tmp_path / "reports"
    expected = write_reports(folder)
    root = tmp_path / "index"
    script = tmp_path / "ingest.py"
    script.write_text(INGEST_SCRIPT.format(tests=str(TESTS)), "utf-8")

    committed_before_kill = []
    for kill_after in (3, 9):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(root), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env,
        )
        watchdog = threading.Timer(120, proc.kill)  # never hang the suite on a stuck child
        watchdog.start()
        try:
            seen = 0
            assert proc.stdout is not None
            while seen < kill_after:
                line = proc.stdout.readline()
                assert line, f"ingest ended early: {proc.stderr.read() if proc.stderr else ''}"
                assert not line.startswith("DONE")
                seen += line.startswith(("added", "unchanged"))
            time.sleep(0.05)  # land somewhere inside the next report
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == -signal.SIGKILL
        store = check_consistent(root, expected)
        n = len(store.reports())
        assert kill_after <= n < N_REPORTS
        leftovers = len(chroma_ids(store) - set(store.chunks))
        leftovers += len(list((root / "reports").glob("*.json"))) - n
        print(f"kill -9 after {kill_after} reports: {n} committed, {leftovers} leftovers")
        committed_before_kill.append(n)
        del store

    # a re-run completes, keeps what was committed and sweeps whatever the kills left
    store = Store(root, HashEmbedder())
    results = ingest_paths(store, [folder], MAX)
    assert all(r.ok for r in results)
    statuses = [r.status for r in results]
    assert statuses.count("unchanged") == committed_before_kill[-1]
    assert statuses.count("added") == N_REPORTS - committed_before_kill[-1]
    store = check_consistent(root, expected)
    assert {r.report_id for r in store.reports()} == set(expected)
    assert chroma_ids(store) == set(store.chunks)
    live = {f"{r.report_id}.{r.version}.json" for r in store.reports()}
    assert {p.name for p in (root / "reports").glob("*.json")} == live
    assert not list(root.glob(".bm25.*"))


def test_an_unreadable_subfolder_is_named(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from index.ingest import scan

    locked = docs / "mat"
    locked.mkdir()
    (locked / "bi-mat.txt").write_text("x", "utf-8")
    real = os.scandir

    def scandir(path="."):
        if Path(path) == locked:  # what chmod 000 does to anyone but root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, skipped = scan([docs])
    assert sorted(f.name for f in files) == sorted(f.name for f in SAMPLE_FILES[:2])
    [note] = skipped
    assert note.path == str(locked) and note.status == "skipped" and note.ok
    assert "không đọc được thư mục" in note.message

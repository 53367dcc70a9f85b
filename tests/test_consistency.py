"""Several writers and readers on one index: the app serving while the CLI ingests into the
same folder, and two CLI ingests at once. A reader sees the old committed state or the new
one, never a mix and never a raw error; nothing reported as added vanishes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, running_app

pytestmark = pytest.mark.slow

KNOWN = [
    ("Trong tháng 10/2025 thành phố Sông Mai đã cấp bao nhiêu giấy phép xây dựng?", "41 giấy phép"),
    ("Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", "386.808"),
    ("Lũy kế thu NSNN tháng 11/2025 đạt bao nhiêu?", "343.848"),
    ("thang 10/2025 xay ra bao nhieu vu tai nan giao thong", "04 vụ"),
    ("Quyết định số 2514/QĐ-UBND về nội dung gì?", "chủ trương đầu tư"),
]


def report_text(number: int, month: int, trees: int) -> str:
    """A small report of a month no sample covers, with a figure only it has."""
    return (
        f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ SÔNG MAI\n\nSố: {number}/BC-UBND\n\n"
        f"TP. Sông Mai, ngày 20 tháng {month} năm 2026\n\nBÁO CÁO\n\n"
        f"Tình hình phát triển kinh tế - xã hội tháng {month:02d}/2026\n\n"
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n\n1. Quản lý đô thị\n\n"
        f"Trong tháng {month:02d}/2026, thành phố đã trồng mới {trees} cây xanh bóng mát trên "
        "các tuyến phố trung tâm.\n\n"
        + "".join(
            f"Nội dung công tác số {i} của tháng được triển khai theo kế hoạch đề ra.\n\n"
            for i in range(40)
        )
    )


def test_app_serving_while_the_cli_ingests(sample_index, subprocess_env, tmp_path) -> None:
    from gradio_client import Client

    # the sample reports play the office's own here: were they samples, the first real
    # report ingested would (rightly) leave them out of the answers
    no_samples = str(tmp_path / "no-samples")
    with running_app(
        sample_index.path, subprocess_env, tmp_path / "app", ASSISTANT_SAMPLES_DIR=no_samples
    ) as app:
        client = Client(app.url, verbose=False)
        env = {**subprocess_env, "ASSISTANT_INDEX_DIR": str(app.index)}
        folder = tmp_path / "new"
        folder.mkdir()
        done = threading.Event()
        outcomes: list[str] = []

        def writer() -> None:
            try:
                for k in range(3):  # add, replace (same path, changed), add another
                    path = folder / ("bao-cao-2026.txt" if k < 2 else "bao-cao-khac-2026.txt")
                    path.write_text(report_text(100 + k, 1 + k, 500 + k), encoding="utf-8")
                    outcomes.append(run_cli(["ingest", path], env).stderr)
            finally:
                done.set()

        thread = threading.Thread(target=writer)
        thread.start()
        answers = []
        while not done.is_set() or len(answers) < 2 * len(KNOWN):
            for question, expected in KNOWN:
                data = client.predict(question, api_name="/ask_json")
                answers.append((question, expected, data))
        thread.join()
        bad = [
            (q, d.get("answer", d)) for q, e, d in answers
            if d.get("insufficient") or e not in d.get("answer", "")
        ]  # fmt: skip
        assert not bad, bad
        assert "Traceback" not in app.log_text()
        assert all("✓" in out for out in outcomes), outcomes
        # the new reports are answered too, once committed
        data = client.predict(
            "Tháng 03/2026 thành phố trồng mới bao nhiêu cây xanh?", api_name="/ask_json"
        )
        assert "502 cây xanh" in data["answer"], data


def test_two_ingests_at_once_keep_both(sample_index, subprocess_env, tmp_path) -> None:
    """Two files carrying the same number and date, ingested by two processes at once:
    both are reported added, both are kept."""
    import shutil

    index = tmp_path / "index"
    shutil.copytree(sample_index.path, index)
    env = {**subprocess_env, "ASSISTANT_INDEX_DIR": str(index)}
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(report_text(200, 2, 600), encoding="utf-8")
    b.write_text(report_text(200, 2, 700), encoding="utf-8")  # same number, date, issuer
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "assistant", "ingest", str(p)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (a, b)
    ]
    outs = [p.communicate(timeout=300)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert all("✓" in out for out in outs), outs
    listed = run_cli(["reports", "--json"], env)
    sources = {r["source"] for r in json.loads(listed.stdout)}
    assert {"a.txt", "b.txt"} <= sources, (sources, outs)
    for trees in ("600", "700"):
        ans = run_cli(
            ["ask", "--json", f"Tháng 02/2026 trồng mới {trees} cây xanh đúng không?"], env
        )
        assert trees in ans.stdout


def test_a_file_with_the_same_number_and_date_keeps_both_unless_told(
    sample_index, subprocess_env, tmp_path
) -> None:
    import shutil

    index = tmp_path / "index"
    shutil.copytree(sample_index.path, index)
    env = {**subprocess_env, "ASSISTANT_INDEX_DIR": str(index)}
    first, second = tmp_path / "thang-02.txt", tmp_path / "thang-02-ban-sua.txt"
    first.write_text(report_text(300, 2, 810), encoding="utf-8")
    second.write_text(report_text(300, 2, 820), encoding="utf-8")
    assert run_cli(["ingest", first], env).returncode == 0
    out = run_cli(["ingest", second], env).stderr
    assert "giữ cả hai" in out and "--replace" in out
    sources = {r["source"] for r in json.loads(run_cli(["reports", "--json"], env).stdout)}
    assert {"thang-02.txt", "thang-02-ban-sua.txt"} <= sources
    third = tmp_path / "thang-02-ban-cuoi.txt"
    third.write_text(report_text(300, 2, 830), encoding="utf-8")
    out = run_cli(["ingest", "--replace", third], env).stderr
    assert "thay" in out
    sources = {r["source"] for r in json.loads(run_cli(["reports", "--json"], env).stdout)}
    assert (
        "thang-02-ban-cuoi.txt" in sources
        and not {"thang-02.txt", "thang-02-ban-sua.txt"} & sources
    )
    # a changed file at the same path still replaces its old version, and says so
    third.write_text(report_text(300, 2, 840), encoding="utf-8")
    out = run_cli(["ingest", third], env).stderr
    assert "đã nạp lại" in out and "cùng đường dẫn" in out


def test_symlinks_out_of_the_folder_are_skipped(sample_index, subprocess_env, tmp_path) -> None:
    import shutil

    index = tmp_path / "index"
    shutil.copytree(sample_index.path, index)
    env = {**subprocess_env, "ASSISTANT_INDEX_DIR": str(index)}
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "inside.txt").write_text(report_text(400, 4, 901), encoding="utf-8")
    (folder / "link-inside.txt").symlink_to(folder / "inside.txt")
    outside = tmp_path / "secret.txt"
    outside.write_text(report_text(401, 5, 902), encoding="utf-8")
    (folder / "link-outside.txt").symlink_to(outside)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    out = run_cli(["ingest", folder], env).stderr
    assert "link-outside.txt" in out and "ngoài thư mục" in out
    assert "passwd.txt" in out
    sources = {r["source"] for r in json.loads(run_cli(["reports", "--json"], env).stdout)}
    assert "secret.txt" not in sources and "link-outside.txt" not in sources
    assert "passwd.txt" not in sources
    assert Path("/etc/passwd").read_text().split(":")[0] not in json.dumps(sorted(sources))

"""`python -m assistant` in a child process: ingest, ask (one question, stdin, JSON),
reports, remove, and the messages and exit codes for what goes wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES, SAMPLES, run_cli

ALL_SAMPLES = sorted(SAMPLES.glob("*.txt"))  # the four months the shared index holds


def test_ingest_prints_progress_and_one_line_per_file(sample_index) -> None:
    done = sample_index.ingest
    assert done.returncode == 0
    assert done.stdout == ""  # everything human goes to stderr
    err = done.stderr
    assert "Nạp báo cáo" in err  # the progress bar
    for f in ALL_SAMPLES:
        line = next(x for x in err.splitlines() if f"✓ {f.name}: đã nạp" in x)
        assert "mục" in line and "chú thích" in line and "đoạn" in line
    assert "4/4 tệp thành công" in err
    assert str(sample_index.path) in err


def test_ingest_again_skips_unchanged_files(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    done = run_cli(["ingest", SAMPLE_FILES[0], "--index", index], subprocess_env)
    assert done.returncode == 0, done.stderr
    assert f"• {SAMPLE_FILES[0].name}: không đổi, bỏ qua" in done.stderr
    assert "1/1 tệp thành công" in done.stderr


def test_ingest_bad_file_fails_with_a_clear_message(
    copy_sample_index, subprocess_env, tmp_path: Path
) -> None:
    index = copy_sample_index()
    bad = tmp_path / "bao-cao-hong.txt"
    bad.write_bytes(b"")
    duplicate = tmp_path / "ban-sao.txt"
    duplicate.write_bytes(SAMPLE_FILES[1].read_bytes())
    done = run_cli(["ingest", bad, duplicate, "--index", index], subprocess_env)
    assert done.returncode != 0
    assert "✗ bao-cao-hong.txt: tệp rỗng" in done.stderr
    assert "• ban-sao.txt: trùng nội dung" in done.stderr  # the good one still processed
    assert "1/2 tệp thành công" in done.stderr
    assert "Traceback" not in done.stderr


def test_ingest_missing_path_and_unsupported_format(tmp_path: Path, subprocess_env) -> None:
    sheet = tmp_path / "so-lieu.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    done = run_cli(
        ["ingest", tmp_path / "khong-co.txt", sheet, "--index", tmp_path / "idx"], subprocess_env
    )
    assert done.returncode != 0
    assert "✗ khong-co.txt: không mở được tệp" in done.stderr
    assert "✗ so-lieu.xlsx: định dạng '.xlsx' chưa được hỗ trợ" in done.stderr
    assert "Traceback" not in done.stderr


def test_ingest_empty_folder(tmp_path: Path, subprocess_env) -> None:
    (tmp_path / "trong").mkdir()
    done = run_cli(["ingest", tmp_path / "trong", "--index", tmp_path / "idx"], subprocess_env)
    assert done.returncode == 2
    assert "Không tìm thấy tệp báo cáo nào" in done.stderr


def test_ask_json_one_question(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    question = "Trong tháng 10/2025 thành phố Sông Mai đã cấp bao nhiêu giấy phép xây dựng?"
    done = run_cli(["ask", "--json", question, "--index", index], subprocess_env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["question"] == question
    assert data["insufficient"] is False
    assert "41 giấy phép" in data["answer"] and "[1]" in data["answer"]
    assert data["citations"][0]["report"] == "912/BC-UBND"
    assert {"retrieve", "answer"} <= set(data["timings_ms"])


def test_ask_json_reads_questions_from_stdin_in_order(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    questions = [
        "thang 10/2025 xay ra bao nhieu vu tai nan giao thong",
        "Quyết định số 2791/QĐ-UBND phê duyệt nội dung gì?",
        "Giá vé máy bay từ Hà Nội đi Paris là bao nhiêu?",
    ]
    stdin = "\n".join([questions[0], "", questions[1], "   ", questions[2]]) + "\n"
    done = run_cli(["ask", "--json", "-", "--index", index], subprocess_env, stdin=stdin)
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions
    assert "04 vụ" in answers[0]["answer"]
    assert "Công viên cây xanh phường Hòa An" in answers[1]["answer"]
    assert answers[2]["insufficient"] is True and answers[2]["citations"] == []


def test_ask_text_output(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    done = run_cli(
        ["ask", "Quyết định số 2514/QĐ-UBND về nội dung gì?", "--index", index], subprocess_env
    )
    assert done.returncode == 0, done.stderr
    assert "[1]" in done.stdout
    assert "Nguồn:" in done.stdout
    assert "Báo cáo số 912/BC-UBND" in done.stdout
    assert "Nhà văn hóa trung tâm thành phố Sông Mai" in done.stdout


def test_ask_restricted_to_a_report(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    done = run_cli(
        [
            "ask",
            "--json",
            "Cấp bao nhiêu giấy phép xây dựng?",
            "--report",
            "1123-BC-UBND-2025-12-16",
            "--index",
            index,
        ],
        subprocess_env,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {c["report"] for c in data["citations"]} == {"1123/BC-UBND"}


def test_ask_on_an_empty_index(tmp_path: Path, subprocess_env) -> None:
    done = run_cli(["ask", "--json", "bao nhiêu?", "--index", tmp_path / "rong"], subprocess_env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "chưa có báo cáo nào" in done.stderr
    assert "ingest" in done.stderr


def test_ask_needs_a_question(copy_sample_index, subprocess_env) -> None:
    done = run_cli(["ask", " ", "--index", copy_sample_index()], subprocess_env)
    assert done.returncode == 2
    assert "Hãy nhập câu hỏi" in done.stderr


def test_reports_and_remove(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    listed = run_cli(["reports", "--index", index], subprocess_env)
    assert listed.returncode == 0, listed.stderr
    rows = listed.stdout.strip().splitlines()
    assert [r.split("\t")[1] for r in rows] == [
        "912/BC-UBND",
        "1015/BC-UBND",
        "1123/BC-UBND",
        "38/BC-UBND",
    ]
    as_json = json.loads(run_cli(["reports", "--json", "--index", index], subprocess_env).stdout)
    assert {r["report_id"] for r in as_json} == {
        "912-BC-UBND-2025-10-17",
        "1015-BC-UBND-2025-11-14",
        "1123-BC-UBND-2025-12-16",
        "38-BC-UBND-2026-01-15",
    }
    assert all(r["chunks"] > 0 and r["source"].endswith(".txt") for r in as_json)

    removed = run_cli(["remove", "1015-BC-UBND-2025-11-14", "--index", index], subprocess_env)
    assert removed.returncode == 0, removed.stderr
    rows = run_cli(["reports", "--index", index], subprocess_env).stdout.strip().splitlines()
    assert [r.split("\t")[1] for r in rows] == ["912/BC-UBND", "1123/BC-UBND", "38/BC-UBND"]
    again = run_cli(["remove", "1015-BC-UBND-2025-11-14", "--index", index], subprocess_env)
    assert again.returncode == 1
    assert "Không có báo cáo" in again.stderr


def test_control_characters_in_file_names_are_neutralised(
    copy_sample_index, subprocess_env, tmp_path: Path
) -> None:
    index = copy_sample_index()
    name = "bao\ncao\u202egpj.\x1b[31mdo.txt"  # a newline, a bidi override, an ANSI colour
    path = tmp_path / name
    text = SAMPLE_FILES[0].read_text("utf-8").replace("912/BC-UBND", "919/BC-UBND")
    path.write_text(text, "utf-8")
    done = run_cli(["ingest", path, "--index", index], subprocess_env)
    assert done.returncode == 0, done.stderr
    assert "\u202e" not in done.stderr and "\x1b[31m" not in done.stderr  # tqdm's own \x1b[A stay
    rows = run_cli(["reports", "--index", index], subprocess_env).stdout.strip().splitlines()
    assert len(rows) == 5  # one line per report: the newline did not break the table
    row = next(r for r in rows if "919/BC-UBND" in r)
    assert "\u202e" not in row and "\x1b" not in row and "bao" in row and "cao" in row


def test_reports_on_an_empty_index(tmp_path: Path, subprocess_env) -> None:
    done = run_cli(["reports", "--index", tmp_path / "rong"], subprocess_env)
    assert done.returncode == 0
    assert "chưa có báo cáo nào" in done.stdout


def test_index_dir_from_the_environment(copy_sample_index, subprocess_env) -> None:
    env = {**subprocess_env, "ASSISTANT_INDEX_DIR": str(copy_sample_index())}
    done = run_cli(["reports", "--json"], env)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 4


def test_usage_errors_exit_2(subprocess_env) -> None:
    for args in ([], ["ask"], ["nonsense"]):
        done = run_cli(args, subprocess_env)
        assert done.returncode == 2
        assert "usage" in done.stderr.lower()


def test_index_built_by_another_embedder_is_refused(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    manifest = index / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["embedder"] = {"name": "st:some-other-model", "dim": 768}
    manifest.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    done = run_cli(["ask", "giấy phép xây dựng", "--index", index], subprocess_env)
    assert done.returncode == 2
    assert done.stderr.startswith("Lỗi:")
    assert "st:some-other-model" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "command",
    ["ingest", "ask", "summarize", "reports", "remove", "decisions", "projects", "tasks",
     "figures", "briefing"],
)  # fmt: skip
def test_every_command_explains_itself(
    command: str, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--help renders (a bare '%' in a help text once broke `figures --help`)."""
    import signal

    from assistant.cli import main

    # main() lets a closed pipe end the CLI quietly; not the test runner's own process
    monkeypatch.setattr(signal, "signal", lambda *args: None)
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert "usage:" in capsys.readouterr().out

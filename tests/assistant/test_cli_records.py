"""The records subcommands (assistant/cli_records.py): decisions, projects, tasks,
figures — readable Vietnamese listings, --json, filters, exit codes. Run in-process
through a parser built like `python -m assistant`'s; the subprocess runs wait for the
lead to wire `register` into assistant/cli.py."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES, HashEmbedder, run_cli

from assistant import cli_records
from assistant.settings import Settings
from index.ingest import ingest_file
from index.store import Store

MAX = 50 * 1024 * 1024


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", type=Path)
    common.add_argument("--embedder")
    p = argparse.ArgumentParser(prog="python -m assistant")
    sub = p.add_subparsers(dest="command", required=True)
    cli_records.register(sub, common)
    return p


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-records") / "index"
    store = Store(root, HashEmbedder())
    for f in SAMPLE_FILES:
        ingest_file(store, f, MAX)
    return root


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run one subcommand in-process on a fake-embedder index: (exit code, stdout, stderr)."""
    monkeypatch.setattr(cli_records, "_store", lambda s: Store(s.index_dir, HashEmbedder()))

    def go(*argv: str, index: Path) -> tuple[int, str, str]:
        args = parser().parse_args([*argv, "--index", str(index)])
        code = args.func(args, Settings(index_dir=args.index))
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def test_decisions_by_number_any_spelling(run, index_dir: Path) -> None:
    for spelling in ("2514/QĐ-UBND", "QĐ 2514", "quyet dinh 2514"):
        code, out, _ = run("decisions", "--number", spelling, index=index_dir)
        assert code == 0, spelling
        assert "Quyết định số 2514/QĐ-UBND ngày 06/10/2025 — UBND thành phố Sông Mai" in out
        assert "về: phê duyệt chủ trương đầu tư 01 dự án" in out
        assert "Báo cáo số 912/BC-UBND" in out and "Báo cáo số 1015/BC-UBND" in out
    code, out, _ = run("decisions", "--number", "QĐ 2514", "--json", index=index_dir)
    data = json.loads(out)
    assert code == 0 and data[0]["kind"] == "registry" and data[0]["number"] == "2514/QĐ-UBND"
    assert data[0]["citation"]["quote"] and data[0]["citation"]["report"]


def test_decisions_search_and_filters(run, index_dir: Path) -> None:
    code, out, _ = run("decisions", "--search", "văn minh đô thị", index=index_dir)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("Số\tLoại\tNgày") and len(lines) == 2
    assert lines[1].startswith("3046/QĐ-UBND\tQuyết định\t05/12/2025")
    code, out, _ = run("decisions", "--period", "11/2025", "--json", index=index_dir)
    assert code == 0 and {d["report_id"][:4] for d in json.loads(out)} == {"1015"}
    code, out, err = run("decisions", "--number", "9999/QĐ-UBND", index=index_dir)
    assert code == 1 and out == "" and "Không tìm thấy văn bản số '9999/QĐ-UBND'" in err


def test_projects_list_and_timeline(run, index_dir: Path) -> None:
    code, out, _ = run("projects", index=index_dir)
    assert code == 0
    assert "Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)\tthi công\t12/2025\t3" in out
    # one row for the project, saying which names as written were joined, from which reports
    (row,) = [line for line in out.splitlines() if line.startswith("Kè bờ sông Mai")]
    assert row.endswith("“Kè bờ sông Mai” (1123/BC-UBND, 1015/BC-UBND, 912/BC-UBND ×3)")
    assert "\tUBND thành phố Sông Mai\t" in row
    code, out, _ = run("projects", "--json", index=index_dir)
    ke = next(r for r in json.loads(out) if r["name"].startswith("Kè bờ sông Mai"))
    assert {n["name"] for n in ke["names"]} == {
        "Kè bờ sông Mai",
        "Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)",
    }
    code, out, _ = run("projects", "--search", "ke bo song mai", index=index_dir)
    assert code == 0
    order = [out.index(f"Kỳ {p}") for p in ("12/2025", "11/2025", "10/2025")]
    assert order == sorted(order)
    assert "Kỳ 11/2025 — Báo cáo 1015/BC-UBND: tạm dừng — vướng GPMB" in out
    code, out, _ = run("projects", "--search", "Kè bờ sông Mai", "--json", index=index_dir)
    data = json.loads(out)
    assert [s["stage"] for s in data] == [
        "thi công",
        "tạm dừng — vướng GPMB",
        "tạm dừng — vướng GPMB",
    ]
    assert all(m["citation"]["chunk_id"] for s in data for m in s["mentions"])


def test_tasks_follow_up(run, index_dir: Path) -> None:
    code, out, _ = run("tasks", "--period", "11/2025", index=index_dir)
    assert code == 0 and out.startswith("Nhiệm vụ kỳ 11/2025: ")
    assert "[đã thực hiện] (kinh tế) Tổ chức Hội nghị xúc tiến đầu tư" in out
    assert "kết quả: “Tổ chức thành công Hội nghị xúc tiến đầu tư" in out
    code, out, _ = run(
        "tasks", "--period", "tháng 11/2025", "--json", "--field", "đầu tư", index=index_dir
    )
    data = json.loads(out)
    assert code == 0 and {r["field"] for r in data} == {"đầu tư"}
    assert {r["status"] for r in data} <= {"done", "in_progress", "not_mentioned"}
    assert all(r["task_citation"] for r in data)


def test_figures_table_json_and_chart(run, index_dir: Path, tmp_path: Path) -> None:
    chart = tmp_path / "thu-nsnn.png"
    code, out, err = run(
        "figures", "--measure", "lũy kế thu NSNN", "--chart", str(chart), index=index_dir
    )
    assert code == 0 and out.startswith("Chuỗi số liệu của UBND thành phố Sông Mai\n")
    assert "10/2025\t312.640\ttriệu đồng" in out and "12/2025\t386.808\ttriệu đồng" in out
    assert "Cũng có số liệu" not in err  # one issuer in this index
    assert chart.read_bytes().startswith(b"\x89PNG") and f"Đã lưu biểu đồ: {chart}" in err
    code, out, _ = run("figures", "--measure", "tai nạn giao thông", "--json", index=index_dir)
    assert [r["value"] for r in json.loads(out)] == [4, 2, 3]
    assert {r["issuer"] for r in json.loads(out)} == {"UBND thành phố Sông Mai"}
    code, out, _ = run(
        "figures", "--measure", "lũy kế thu NSNN", "--period", "11/2025-12/2025", "--json",
        index=index_dir,
    )  # fmt: skip
    assert [r["period"] for r in json.loads(out)] == ["11/2025", "12/2025"]
    code, out, _ = run(
        "figures", "--measure", "lũy kế thu NSNN", "--report", "1015/BC-UBND", "--json",
        index=index_dir,
    )  # fmt: skip
    assert [r["value"] for r in json.loads(out)] == [343848]
    code, _, err = run("figures", "--measure", "số tàu vũ trụ", index=index_dir)
    assert code == 1 and "Không tìm thấy số liệu" in err


LANG_SON = """ỦY BAN NHÂN DÂN
THÀNH PHỐ LẠNG SƠN

Số: 1250/BC-UBND

TP. Lạng Sơn, ngày 18 tháng 12 năm 2023

BÁO CÁO

Tình hình phát triển kinh tế - xã hội tháng 12/2023

I. KẾT QUẢ ĐẠT ĐƯỢC

1. Kinh tế

Công tác thu NSNN thành phố tính đến hết ngày 19/12/2023 thu được 20.122 triệu đồng; \
lũy kế 397.497 triệu đồng đạt 108,7% dự toán tỉnh giao.
"""


def test_figures_of_two_issuers_say_whose_series_it_is(run, tmp_path: Path) -> None:
    """Another city's report in the same index: the series stays one city's, says which,
    and names the other; --issuer picks it, --all-issuers shows both, each row labelled."""
    root = tmp_path / "index"
    store = Store(root, HashEmbedder())
    other = tmp_path / "langson-2023-12.txt"
    other.write_text(LANG_SON, "utf-8")
    for f in (*SAMPLE_FILES, other):
        ingest_file(store, f, MAX)
    code, out, err = run("figures", "--measure", "lũy kế thu NSNN", index=root)
    assert code == 0 and out.startswith("Chuỗi số liệu của UBND thành phố Sông Mai\n")
    assert "397.497" not in out
    assert "Cũng có số liệu này của: UBND thành phố Lạng Sơn" in err
    code, out, _ = run(
        "figures", "--measure", "lũy kế thu NSNN", "--issuer", "Lạng Sơn", index=root
    )
    assert out.startswith("Chuỗi số liệu của UBND thành phố Lạng Sơn\n") and "397.497" in out
    assert "312.640" not in out
    code, out, _ = run("figures", "--measure", "lũy kế thu NSNN", "--all-issuers", index=root)
    lines = out.splitlines()
    assert lines[0] == "Chuỗi số liệu của UBND thành phố Lạng Sơn, UBND thành phố Sông Mai"
    assert lines[2].endswith("\tCơ quan") and len(lines) == 3 + 4
    assert lines[3].startswith("12/2023\t397.497")
    assert lines[3].endswith("\tUBND thành phố Lạng Sơn")


def test_empty_index_says_what_to_do(run, tmp_path: Path) -> None:
    code, out, err = run("decisions", "--number", "QĐ 2514", index=tmp_path / "empty")
    assert code == 2 and out == "" and "chưa có báo cáo nào" in err and "ingest" in err


# ---- through `python -m assistant`, once the lead wires register() into cli.py ------------


def test_cli_decisions_json(sample_index, subprocess_env) -> None:
    done = run_cli(
        ["decisions", "--number", "quyet dinh 2514", "--json", "--index", sample_index.path],
        subprocess_env,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["number"] == "2514/QĐ-UBND"


def test_cli_figures_and_chart(sample_index, subprocess_env, tmp_path: Path) -> None:
    chart = tmp_path / "c.png"
    done = run_cli(
        ["figures", "--measure", "lũy kế thu NSNN", "--chart", chart, "--index", sample_index.path],
        subprocess_env,
    )
    assert done.returncode == 0, done.stderr
    assert "386.808" in done.stdout and chart.read_bytes().startswith(b"\x89PNG")


def test_cli_tasks_and_projects(sample_index, subprocess_env) -> None:
    done = run_cli(["tasks", "--period", "11/2025", "--index", sample_index.path], subprocess_env)
    assert done.returncode == 0 and "đã thực hiện" in done.stdout
    done = run_cli(
        ["projects", "--search", "Kè bờ sông Mai", "--json", "--index", sample_index.path],
        subprocess_env,
    )
    assert done.returncode == 0 and json.loads(done.stdout)[0]["stage"] == "thi công"

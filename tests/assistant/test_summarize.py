"""Summaries walk the report's sections (no top-k retrieval): every section with text is
covered, every point is cited and verbatim, and they are fast."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from assistant.answerers.summary import find_report, report_sections, summarize_report
from assistant.route import answer
from index import vn


def _norm(s: str) -> str:
    return " ".join(vn.strip_markers(s).split())


def test_whole_report_covers_every_section_and_cites_each_point(sample_store) -> None:
    rid = find_report(sample_store, "11/2025")
    report = sample_store.report(rid)
    a = summarize_report(sample_store, rid)
    assert not a.insufficient and a.citations
    for path in report_sections(report):
        assert f"\n{report.section(path).label}\n" in a.text, path
    bullets = [line for line in a.text.splitlines() if line.startswith("- ")]
    assert len(bullets) >= len(report_sections(report))
    for line in bullets:
        n = int(line.rsplit("[", 1)[1].rstrip("]"))
        cited = a.citations[n - 1]
        for piece in filter(None, (p.strip(" ;") for p in line[2:].rsplit("[", 1)[0].split("…"))):
            assert _norm(piece) in _norm(cited.text), piece
    assert "343.848" in a.text  # the key figure of the economy section


def test_section_summary_and_report_lookup(sample_store) -> None:
    rid = find_report(sample_store, "1123/BC-UBND")
    assert rid == find_report(sample_store, "1123") == find_report(sample_store, "12/2025")
    assert find_report(sample_store, "songmai-2025-12") == rid
    assert find_report(sample_store, "99/2099") is None
    a = summarize_report(sample_store, rid, "I.3")
    assert "I.3 " in a.text and "I.1 " not in a.text
    assert all(c.section.startswith("I.3") for c in a.citations)


def test_summary_points_are_a_sections_results() -> None:
    """Past a section's opening sentence, the points a summary keeps are its sentences with
    figures, not every paragraph's first words."""
    from assistant.answerers.summary import key_points
    from index.model import Chunk

    text = "\n".join(
        [
            "Tiếp tục chỉ đạo các đơn vị triển khai nhiệm vụ.",
            "Tăng cường công tác tuyên truyền.",
            "Đôn đốc các xã thực hiện kế hoạch.",
            "Toàn tỉnh đã cung cấp 2.184 dịch vụ công trực tuyến, đạt 76,3%.",
            "Thu nhận 138.816 tài khoản định danh điện tử mức 2.",
        ]
    )
    chunk = Chunk("c1", "r1", text, text, "I.1", "Kết quả", "paragraph", (1, 2, 3, 4, 5))
    shown = [p.sentence for p in key_points([chunk], 3)]
    assert shown == [
        "Tiếp tục chỉ đạo các đơn vị triển khai nhiệm vụ.",
        "Toàn tỉnh đã cung cấp 2.184 dịch vụ công trực tuyến, đạt 76,3%.",
        "Thu nhận 138.816 tài khoản định danh điện tử mức 2.",
    ]


def test_ask_for_a_report_summary(sample_retriever) -> None:
    a = answer("tóm tắt báo cáo tháng 12/2025", sample_retriever)
    assert a.text.startswith("Tóm tắt báo cáo số 1123/BC-UBND")
    a = answer("Tóm tắt công tác giải phóng mặt bằng tháng 12/2025", sample_retriever)
    assert not a.insufficient
    assert all(c.report == "1123/BC-UBND" for c in a.citations)


@pytest.mark.parametrize("args", [["12/2025", "--json"], ["1123/BC-UBND", "--section", "I.3"]])
def test_cli_summarize(sample_index, subprocess_env, args) -> None:
    done = run_cli(["summarize", "--index", sample_index.path, *args], subprocess_env)
    assert done.returncode == 0, done.stderr
    if "--json" in args:
        data = json.loads(done.stdout)
        assert data["citations"] and data["report_id"].startswith("1123")
    else:
        assert "I.3 Tài nguyên" in done.stdout and "Nguồn:" in done.stdout


def test_cli_summarize_unknown(sample_index, subprocess_env) -> None:
    done = run_cli(["summarize", "--index", sample_index.path, "7/1999"], subprocess_env)
    assert done.returncode == 2 and "Không tìm thấy báo cáo" in done.stderr
    done = run_cli(
        ["summarize", "--index", sample_index.path, "12/2025", "--section", "IX.9"],
        subprocess_env,
    )
    assert done.returncode == 2 and "không có mục" in done.stderr


def test_a_report_s_own_verdict_comes_first(sample_store) -> None:
    """ "Ưu điểm", "Hạn chế": the report's own assessment opens its summary, every sentence
    of it (the January report: what started, what stalled), before the fields' figures."""
    a = summarize_report(sample_store, find_report(sample_store, "01/2026"))
    body = a.text.split("\n\n")
    assert body[1].startswith("II.1 Ưu điểm") and body[2].startswith("II.2 Hạn chế"), a.text
    assert "Dự án Nhà văn hóa trung tâm thành phố Sông Mai được khởi công." in body[1]
    assert "Dự án Đường vành đai phía Bắc phải tạm dừng thi công" in body[2]
    assert body[3].startswith("I.1 Kinh tế")

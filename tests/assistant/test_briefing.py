"""The leader's briefing (assistant/briefing) on the four Sông Mai months, against what
their author knows changed (tests/data/briefing_truth.json): precision and recall of the
Số liệu section, projects, tasks, new documents and alerts; the number rule on every item;
the one-report fallback; the CLI's JSON; the chat; Đề án 06 matched by name."""

from __future__ import annotations

import json
import re
import shutil

import docx
import pytest
from conftest import SHARED, TESTS, HashEmbedder, run_cli

from assistant.answerers.records import STATUS_VN
from assistant.briefing import Briefing, BriefingError, build_briefing, check
from assistant.briefing.export import briefing_markdown, export_docx
from assistant.briefing.measures import compare, measure_key, read_report
from assistant.briefing.model import ALERTS, DECISIONS, FIGURES, PROJECTS, SUMMARY, TASKS
from assistant.briefing.series import find_series
from index import periods as P
from index import vn

TRUTH = json.loads((TESTS / "data" / "briefing_truth.json").read_text("utf-8"))
STATUS_WORDS = {  # how an item of the Số liệu section says what happened
    "up": "tăng",
    "down": "giảm",
    "unchanged": "không đổi",
    "new": "mới, kỳ trước không có",
    "gone": "không còn báo cáo",
}


@pytest.fixture(scope="module")
def briefings(sample_store) -> dict[str, Briefing]:
    return {
        p: build_briefing(sample_store, p) for p in ("10/2025", "11/2025", "12/2025", "01/2026")
    }


# ---- the Số liệu section against the truth ------------------------------------------------


def _values(text: str) -> set[str]:
    """The figures of a text as written ('42.960', '381.622/436.215', '74,9')."""
    return set(re.findall(r"\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)?", text))


def _status(text: str) -> str:
    said = [s for s, words in STATUS_WORDS.items() if words in text]
    return said[0] if len(said) == 1 else "?"


def _entry(item_text: str, entries: list[list]) -> list | None:
    """The truth entry an item speaks of: its words, and every value it gives."""
    words, values = f" {vn.match_key(item_text)} ", _values(item_text)
    for e in entries:
        phrase, _, before, now, _, _ = e
        if f" {phrase} " in words and {v for v in (before, now) if v} <= values:
            return e
    return None


def figure_scores(b: Briefing, truth: dict) -> tuple[float, float, list[str]]:
    """(precision over every Số liệu item, recall over the main changes, what went wrong)."""
    entries = truth["figures"]
    wrong, found = [], set()
    right = 0
    for item in b.section(FIGURES):
        e = _entry(item.text, entries)
        if e is None:
            wrong.append(f"not in the truth: {item.text}")
        elif _status(item.text) != e[4]:
            wrong.append(f"said {_status(item.text)}, truth {e[4]}: {item.text}")
        else:
            right += 1
            found.add(entries.index(e))
    main = [i for i, e in enumerate(entries) if e[5]]
    missed = [f"missed: {entries[i][:5]}" for i in main if i not in found]
    precision = right / max(1, len(b.section(FIGURES)))
    return precision, (len(main) - len(missed)) / len(main), wrong + missed


def test_figures_precision_and_recall(briefings) -> None:
    b = briefings["01/2026"]
    precision, recall, wrong = figure_scores(b, TRUTH["01/2026"])
    print(f"\nSố liệu 01/2026: precision {precision:.2f}, recall {recall:.2f}")
    print("\n".join(wrong))
    assert 6 <= sum(i.computed != "" for i in b.section(FIGURES)) <= 10
    assert precision >= 0.9 and recall >= 0.9, wrong


def test_nothing_unchanged_is_reported_as_changed(briefings) -> None:
    unchanged = [e for e in TRUTH["01/2026"]["figures"] if e[4] == "unchanged"]
    for item in briefings["01/2026"].section(FIGURES):
        if _entry(item.text, unchanged) is not None:
            assert "không đổi" in item.text and re.search(r"= 0(?:,0+)? ", item.computed), item
        elif "không đổi" in item.text:
            pytest.fail(f"unchanged, says the briefing; changed, says the truth: {item.text}")


def test_figures_are_shown_with_both_values_the_change_and_the_share(briefings) -> None:
    item = next(i for i in briefings["01/2026"].section(FIGURES) if i.text.startswith("Thu NSNN:"))
    assert item.text == (
        "Thu NSNN: 45.380 triệu đồng, tăng 2.420 triệu đồng (+5,6%) so với kỳ trước "
        "(42.960 triệu đồng)."
    )
    assert item.computed == "45.380 − 42.960 = 2.420 triệu đồng (+5,6%)"
    now, before = item.citations
    assert (now.report, before.report) == ("38/BC-UBND", "1123/BC-UBND")
    assert "45.380" in now.text and "42.960" in before.text


def test_measures_are_matched_by_name_and_unit() -> None:
    assert measure_key("lũy kế cấp giấy phép xây dựng", "giấy phép") == measure_key(
        "lũy kế giấy phép xây dựng", "giấy phép"
    )  # the act word before the measure is not its name
    monthly = measure_key("cấp giấy phép xây dựng", "giấy phép")
    assert monthly != measure_key("lũy kế cấp giấy phép xây dựng", "giấy phép")
    assert measure_key("chi trả trợ cấp BHXH", "triệu đồng") != measure_key(
        "chi trả trợ cấp BHXH", "lượt người"
    )
    assert measure_key("thu NSNN", "triệu đồng") == measure_key("thu ngân sách nhà nước", "trđ")
    for nothing in ("hộ", "còn lại", "phạm pháp hình sự tăng", "tai nạn giao thông làm bị thương"):
        assert measure_key(nothing, "hộ") is None, nothing


# ---- the number rule --------------------------------------------------------------------


def test_every_item_keeps_the_number_rule(briefings) -> None:
    """Every number of an item's text is, as written, in one of its passages or in its
    arithmetic, whose operands are cited (answerers/verify.py checks it)."""
    for period, b in briefings.items():
        assert b.dropped == 0, period
        assert b.items, period
        for item in b.items:
            assert check(item) == [], (period, item)
            cited = " ".join(c.text for c in item.citations)
            for number in vn.numbers(item.text):
                assert number.rstrip("%") in cited or number in item.computed, (number, item)
            if item.computed:
                assert len(item.citations) >= 2 or item.section == ALERTS, item


def test_the_check_catches_a_number_from_nowhere(briefings) -> None:
    from dataclasses import replace

    item = briefings["01/2026"].section(FIGURES)[0]
    assert check(replace(item, text=item.text.replace("88,73", "88,37"))) != []
    assert check(replace(item, computed=item.computed.replace("15,68", "15,86"))) != []


# ---- projects, tasks, documents, alerts ---------------------------------------------------


def test_projects_section(briefings) -> None:
    items = [i.text for i in briefings["01/2026"].section(PROJECTS)]
    truth = TRUTH["01/2026"]["projects"]
    for name, before, now in truth["stage_changed"]:
        assert any(t.startswith(name) and f"“{before}”" in t and f"“{now}”" in t for t in items), (
            name
        )
    for name in truth["unchanged"] + truth["finished_before"]:
        assert not any(t.startswith(name) for t in items), name
    for name in truth["disappeared"]:
        assert any(t.startswith(name) and "không còn được nhắc đến" in t for t in items), name
    assert not any("kỳ báo cáo liên tiếp" in t for t in items)  # nothing stalled twice
    stalled = [i for i in briefings["11/2025"].section(PROJECTS) if "liên tiếp" in i.text]
    assert [i.text.split(" (")[0] for i in stalled] == TRUTH["11/2025"]["projects"][
        "stalled_consecutive"
    ]
    assert {c.report for c in stalled[0].citations} == {"1015/BC-UBND", "912/BC-UBND"}


def test_tasks_section(briefings) -> None:
    """The tasks December set for January, each with what January says (both cited)."""
    items = briefings["01/2026"].section(TASKS)
    truth = TRUTH["01/2026"]["tasks"]
    assert len(items) == len(truth)
    right = 0
    for (task, status), item in zip(truth, items, strict=True):
        said = STATUS_VN[status]
        assert task in item.text
        right += item.text.lower().startswith(said)
        assert item.citations[0].report == "1123/BC-UBND"
        if status != "not_mentioned" and len(item.citations) > 1:
            assert item.citations[1].report == "38/BC-UBND"
    print(f"\nNhiệm vụ 01/2026: {right}/{len(truth)} đúng tình trạng")
    assert right / len(truth) >= 0.9


def test_new_documents(briefings) -> None:
    texts = [i.text for i in briefings["01/2026"].section(DECISIONS)]
    numbers = [re.search(r"số (\S+)", t).group(1) for t in texts]  # type: ignore[union-attr]
    assert sorted(numbers) == sorted(TRUTH["01/2026"]["decisions"]["new"])
    assert not set(numbers) & set(TRUTH["01/2026"]["decisions"]["not_new"])


def test_alerts(briefings) -> None:
    for period in ("01/2026", "11/2025"):
        alerts = [i.text for i in briefings[period].section(ALERTS)]
        for words, actual, target in TRUTH[period]["target_misses"]:
            assert any(
                t.startswith("Chưa đạt mục tiêu")
                and f" {words} " in f" {vn.match_key(t)} "
                and f"{actual}%" in t
                and f"mục tiêu {target}%" in t
                for t in alerts
            ), (period, alerts)
    alerts = briefings["01/2026"].section(ALERTS)
    silent = [t for t, s in TRUTH["01/2026"]["tasks"] if s == "not_mentioned"]
    said = [i.text for i in alerts if i.text.startswith("Nhiệm vụ chưa thấy")]
    assert sum(any(t in s for s in said) for t in silent) >= len(silent) - 1
    drops = [i for i in alerts if i.text.startswith("Giảm mạnh")]
    assert drops and all("giảm" in i.text and "−" in i.computed for i in drops)


def test_one_report_falls_back_to_the_summary(briefings, sample_store) -> None:
    from assistant.answerers.summary import summarize_report

    b = briefings["10/2025"]
    assert b.previous is None and {i.section for i in b.items} == {SUMMARY}
    assert "để so sánh" in b.items[0].text and not b.items[0].citations
    october = find_series(sample_store.registry, P.Period.month(2025, 10)).current.report_id
    summary = summarize_report(sample_store, october)
    points = [i.text for i in b.items[1:]]
    assert points and all(p in summary.text for p in points)
    assert all(len(i.citations) == 1 for i in b.items[1:])


def test_no_report_for_the_period(sample_store) -> None:
    with pytest.raises(BriefingError, match="Chưa có báo cáo kỳ 05/2024"):
        build_briefing(sample_store, "05/2024")
    with pytest.raises(BriefingError, match="Lạng Sơn"):
        build_briefing(sample_store, "12/2025", issuer="Lạng Sơn")


# ---- interfaces ---------------------------------------------------------------------------


def test_cli_json_shape_and_exports(sample_index, subprocess_env, tmp_path) -> None:
    index = tmp_path / "index"
    shutil.copytree(sample_index.path, index)
    word, md = tmp_path / "ban-tin.docx", tmp_path / "ban-tin.md"
    done = run_cli(
        ["briefing", "--period", "01/2026", "--index", index, "--json", "--docx", word, "--md", md],
        subprocess_env,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"period", "previous", "issuer", "items"}
    assert (data["period"], data["previous"]) == ("01/2026", "12/2025")
    assert data["issuer"] == "UBND thành phố Sông Mai"
    kinds = {"figure", "project", "task", "decision", "alert"}
    for item in data["items"]:
        assert set(item) == {"section", "kind", "text", "computed", "citations"}
        assert item["kind"] in kinds
        for c in item["citations"]:
            assert set(c) == {"n", "report", "date", "section", "footnote", "page", "text"}
    assert {i["section"] for i in data["items"]} == {FIGURES, PROJECTS, TASKS, DECISIONS, ALERTS}
    paragraphs = [p.text for p in docx.Document(word).paragraphs]
    assert paragraphs[0].startswith("Bản tin tháng 01/2026") and "Nguồn trích dẫn" in paragraphs
    assert "## Số liệu chính" in md.read_text("utf-8")
    text = run_cli(["briefing", "--period", "tháng 12/2025", "--index", index], subprocess_env)
    assert (
        text.returncode == 0 and "Bản tin tháng 12/2025" in text.stdout and "Nguồn:" in text.stdout
    )
    missing = run_cli(["briefing", "--period", "03/2024", "--index", index], subprocess_env)
    assert missing.returncode == 1 and "Chưa có báo cáo kỳ 03/2024" in missing.stderr


def test_markdown_export_escapes_and_lists_sources(briefings, tmp_path) -> None:
    b = briefings["01/2026"]
    text = briefing_markdown(b)
    assert text.count("**[") == len(b.citations)
    assert all(f"## {s}" in text for s in (FIGURES, PROJECTS, TASKS, DECISIONS, ALERTS))
    out = export_docx(b, tmp_path / "b.docx")
    assert any("Phép tính" in p.text for p in docx.Document(out).paragraphs)


@pytest.mark.parametrize(
    ("question", "period", "previous"),
    [
        ("bản tin tháng 1", "01/2026", "12/2025"),
        ("tháng này có gì mới so với tháng trước?", "01/2026", "12/2025"),
        ("ban tin thang 12/2025", "12/2025", "11/2025"),
    ],
)
def test_chat_asks_for_the_briefing(sample_retriever, question, period, previous) -> None:
    from assistant.route import answer

    a = answer(question, sample_retriever)
    assert a.mode == "briefing" and not a.insufficient
    head = a.text.splitlines()[0]
    assert f"Bản tin tháng {period}" in head and f"so với tháng {previous}" in head
    assert a.citations and f"[{a.citations[-1].n}]" in a.text


def test_chat_briefing_of_a_period_without_report(sample_retriever) -> None:
    from assistant.route import answer

    a = answer("bản tin tháng 5/2024", sample_retriever)
    assert a.insufficient and "05/2024" in a.text


# ---- Đề án 06: measures matched by name, not by position ---------------------------------


@pytest.fixture(scope="module")
def dean06_store(tmp_path_factory):
    november = SHARED / "corpus" / "real" / "lamdong-dean06-2025-11.docx"
    if not november.is_file():
        pytest.skip(f"{november} is not present")
    from index.ingest import ingest_paths
    from index.store import Store

    store = Store(tmp_path_factory.mktemp("dean06") / "index", HashEmbedder())
    results = ingest_paths(store, [november, TESTS / "data" / "lamdong-dean06-2025-10.txt"], 10**8)
    assert all(r.ok for r in results), results
    return store


def test_dean06_measures_are_matched_by_name_not_position(dean06_store) -> None:
    """October's text gives the same measures in another order (công dân số first, then
    the online services): each November figure meets its own October figure."""
    series = find_series(dean06_store.registry, P.Period.month(2025, 11), "Đề án 06")
    assert series.previous is not None and series.previous.period == "10/2025"
    read = {rid: read_report(dean06_store, rid) for rid in series.ids}
    now, before = read[series.current.report_id], read[series.previous.report_id]
    pairs = {
        (c.now.figure.raw, c.before.figure.raw)
        for c in compare(now, before, list(read.values()))
        if c.now and c.before
    }
    assert ("2.846.632", "2.790.154") in pairs  # tài khoản định danh điện tử
    assert ("2.218.489", "2.150.336") in pairs  # tài khoản đã kích hoạt
    assert ("76,3", "72,8") in pairs  # tỷ lệ tiếp nhận hồ sơ hình thức trực tuyến
    assert ("104.462", "98.317") in pairs  # giải quyết hồ sơ trực tuyến
    assert ("9.949.225", "9.512.870") in pairs  # lượt tra cứu bằng CCCD
    moved = [
        c for c in compare(now, before, []) if c.now and c.before and c.now.key.unit == "tài khoản"
    ]
    assert moved and all(c.now.figure.section != c.before.figure.section for c in moved)
    b = build_briefing(dean06_store, "11/2025", issuer="Đề án 06")
    assert b.previous == "10/2025" and b.dropped == 0
    online = next(i for i in b.section(FIGURES) if "trực tuyến" in i.text and "%" in i.text)
    assert "76,3%" in online.text and "72,8%" in online.text
    for item in b.items:
        assert check(item) == []


@pytest.mark.parametrize(
    ("question", "briefing"),
    [
        ("Sông Mai tháng 12 có gì mới?", True),  # the body a briefing is of
        ("What changed this month?", True),
        ("Dự án Kè bờ sông Mai tháng này có gì mới?", False),  # a subject of its own
        ("Tình hình giải ngân có gì mới so với tháng trước?", False),
    ],
)
def test_what_is_new_about_a_subject_is_no_briefing(question: str, briefing: bool) -> None:
    from assistant.answerers.briefing import asks_for_briefing
    from assistant.query import normalize

    assert asks_for_briefing(normalize(question)) is briefing

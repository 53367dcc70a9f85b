"""The records registry (index/registry/) on a real Store (fake embedder): lookups by
number in every spelling, project timelines, tasks, figure series, period filters, and
the registry kept in step with the manifest through replace, remove and kill -9."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_FILES, TESTS, HashEmbedder

from index import periods as P
from index import records as records_module
from index import vn
from index.ingest import ingest_file
from index.records import doc_number_key, extract
from index.registry import Registry, parse_number_query
from index.store import Store

MAX = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def sample_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three sample months ingested once with the fake embedder (read-only)."""
    root = tmp_path_factory.mktemp("records") / "index"
    store = Store(root, HashEmbedder())
    for f in SAMPLE_FILES:
        assert ingest_file(store, f, MAX).status == "added"
    return root


@pytest.fixture(scope="module")
def registry(sample_root: Path) -> Registry:
    return Store(sample_root, HashEmbedder()).registry


def _ids(store: Store) -> dict[str, str]:
    return {r.period: r.report_id for r in store.reports()}


def _rows(path: Path, table: str, report_id: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            f"SELECT COUNT(*) FROM {table} WHERE report_id = ?", (report_id,)
        ).fetchone()[0]
    finally:
        con.close()


# ---- lookups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["2514/QĐ-UBND", "2514/QD-UBND", "2514/qđ-ubnd", "2514 / QĐ - UBND", "QĐ 2514",
     "QĐ số 2514", "Quyết định 2514", "quyet dinh 2514", "qd 2514", "2514"],
)  # fmt: skip
def test_decision_by_number_in_every_spelling(registry: Registry, spelling: str) -> None:
    found = registry.find_documents(number=spelling)
    assert {d.number for d in found} == {"2514/QĐ-UBND"}
    periods = [d.report_id.split("-")[-3:-1] for d in found]
    assert periods == [["2025", "11"], ["2025", "10"]]  # cited in October and November
    first = found[-1]
    assert first.date == "2025-10-06" and "chủ trương đầu tư" in first.about


def test_resolution_cited_every_month_and_report_numbers(registry: Registry) -> None:
    for spelling in ("12-NQ/TU", "12/NQ-TU", "nghị quyết 12", "nghi quyet 12"):
        found = registry.find_documents(number=spelling)
        assert [d.number for d in found] == ["12-NQ/TU"] * 3, spelling
    # a report's own number finds the report
    (own,) = registry.find_documents(number="báo cáo 1015")
    assert (own.type, own.number, own.date) == ("Báo cáo", "1015/BC-UBND", "2025-11-14")
    assert registry.find_documents(number="9999/QĐ-UBND") == []
    # the loose type filters when the digits are ambiguous: "Kế hoạch 372" is a plan
    assert {d.type for d in registry.find_documents(number="kế hoạch 372")} == {"Kế hoạch"}


def test_document_search_and_filters(registry: Registry) -> None:
    found = registry.find_documents(search="văn minh đô thị")
    assert [d.number for d in found] == ["3046/QĐ-UBND"]
    assert {d.number for d in registry.find_documents(issuer="Tỉnh ủy")} == {"12-NQ/TU"}
    november = registry.find_documents(period="11/2025")
    assert november and all(d.report_id.startswith("1015-") for d in november)
    assert registry.find_documents(number="12-NQ/TU", period="Q4/2025") != []
    assert registry.find_documents(number="12-NQ/TU", period="2024") == []


def test_every_document_number_in_the_langson_report_is_found_exactly(
    langson_path: Path, langson_report, tmp_path: Path
) -> None:
    raw = vn.nfc(langson_path.read_text("utf-8"))
    # built independently of the code under test: "NNN[/YYYY]-or-/CODE-or-/CODE…"
    pattern = r"(?<![\w/.,])\d{1,5}(?:/\d{4})?[/-][A-ZĐ][A-Za-zĐđ&]*(?:[/-][A-ZĐ][A-Za-zĐđ&]*)+"
    numbers = sorted(set(re.findall(pattern, raw)))
    assert len(numbers) >= 20 and "3090/QĐ-UBND" in numbers and "74-CTr/TU" in numbers
    registry = Registry(tmp_path / "records.sqlite")
    registry.replace_report(
        "LS", langson_report.meta, extract(langson_report, "LS"), langson_report.source
    )
    for number in numbers:
        found = registry.find_documents(number=number)
        assert found, number
        assert {d.number for d in found} == {number}, number
        digits = re.match(r"\d+", number).group(0)  # type: ignore[union-attr]
        assert number in {d.number for d in registry.find_documents(number=digits)}, number


def test_project_timeline_newest_first(registry: Registry) -> None:
    for spelling in ("Kè bờ sông Mai", "ke bo song mai", "dự án Kè bờ sông Mai"):
        mentions = registry.project_timeline(spelling)
        periods = list(dict.fromkeys(m.report_id.split("-")[-2] for m in mentions))
        assert periods == ["12", "11", "10"], spelling
    dec = [m for m in registry.project_timeline("Kè bờ sông Mai") if "-2025-12-" in m.report_id]
    assert dec[0].stage == "thi công" and dec[0].footnote == 6
    # the short name and the full name are the same project; a misspelling still finds it
    assert registry.project_timeline("Ke bo song Mia")
    assert registry.project_timeline("sân golf Hoàng Đồng") == []
    # "Tiểu học Phu Mai" (Nov, no accent) and "Phú Mai" are one project
    phu_mai = registry.project_timeline("trường Tiểu học Phú Mai")
    assert {m.report_id.split("-")[-2] for m in phu_mai} == {"10", "11", "12"}


def test_projects_listing_with_latest_stage(registry: Registry) -> None:
    rows = {r.name: r for r in registry.projects()}
    ke = rows["Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)"]
    assert ke.stage == "thi công" and ke.period == "12/2025" and ke.reports == 3
    assert rows["Trụ sở làm việc Công an xã Vân Sơn"].stage == "bàn giao"


def test_projects_listing_says_which_names_were_joined(registry: Registry) -> None:
    (ke,) = [r for r in registry.projects() if "sông Mai" in r.name and r.name.startswith("Kè")]
    assert ke.merged and ke.issuer == "UBND thành phố Sông Mai"
    assert {n.name for n in ke.names} == {
        "Kè bờ sông Mai",
        "Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)",
    }
    assert {n.report for n in ke.names} == {"912/BC-UBND", "1015/BC-UBND", "1123/BC-UBND"}
    assert sum(n.mentions for n in ke.names) == len(registry.project_timeline(ke.name))
    one_name = next(r for r in registry.projects() if r.name == "Khu đô thị mới Nam Sông Mai")
    assert not one_name.merged and len(one_name.keys) == 1


def test_every_listing_can_be_limited_to_some_reports(registry: Registry) -> None:
    """The app keeps sample reports out by naming the reports it allows."""
    ids = {r.period: r.report_id for r in registry.reports()}
    nov = {ids["11/2025"]}
    assert {r.report_id for r in registry.projects(reports=nov)} == nov
    assert {m.report_id for m in registry.project_timeline("Kè bờ sông Mai", reports=nov)} == nov
    assert {d.report_id for d in registry.find_documents(reports=nov)} == nov
    assert [d.report_id for d in registry.find_documents(number="12-NQ/TU", reports=nov)] == [
        ids["11/2025"]
    ]
    assert [f.period for f in registry.figure_series("lũy kế thu NSNN", reports=nov)] == ["11/2025"]
    assert registry.tasks("11/2025", reports=nov) == []  # set in October's report
    assert len(registry.tasks("11/2025", reports={ids["10/2025"]})) == 16
    assert registry.task_periods(reports=nov) == ["12/2025"]
    assert registry.task_periods() == ["12/2025", "11/2025", "01/2026"]
    assert registry.projects(reports=[]) == [] and registry.find_documents(reports=()) == []


def test_tasks_by_target_period(registry: Registry) -> None:
    november = registry.tasks("11/2025")
    assert len(november) == 16 and {t.target_period for t in november} == {"11/2025"}
    assert all(t.report_id.startswith("912-") for t in november)
    assert len(registry.tasks("10/2025-12/2025")) == len(november) + len(registry.tasks("12/2025"))
    assert [t.field for t in registry.tasks("11/2025", field="đầu tư")] == ["đầu tư"] * 3


@pytest.mark.parametrize(
    ("measure", "unit", "values"),
    [
        ("lũy kế thu NSNN", "triệu đồng", [312640, 343848, 386808]),
        ("thu ngân sách nhà nước lũy kế", "triệu đồng", [312640, 343848, 386808]),
        ("tỷ lệ giải ngân vốn đầu tư công", "%", [45.23, 57.94, 73.05]),
        ("giấy phép xây dựng", "giấy phép", [41, 47, 53]),
        ("lũy kế giấy phép xây dựng", "giấy phép", [398, 445, 498]),
        ("tai nạn giao thông", "vụ", [4, 2, 3]),
        ("lượt khám bệnh", "lượt", [1642, 1718, 1905]),
        ("chi trả trợ cấp BHXH", "triệu đồng", [1086.52, 1092.17, 1118.64]),
    ],
)
def test_figure_series(registry: Registry, measure: str, unit: str, values: list[float]) -> None:
    series = registry.figure_series(measure)
    assert [f.period for f in series] == ["10/2025", "11/2025", "12/2025"]
    assert [f.value for f in series] == values
    assert {f.unit for f in series} == {unit}


def test_figure_series_filters(registry: Registry) -> None:
    two = registry.figure_series("lũy kế thu NSNN", period="từ tháng 11 đến tháng 12/2025")
    assert [f.value for f in two] == [343848, 386808]
    people = registry.figure_series("chi trả trợ cấp BHXH", unit="lượt người")
    assert [f.value for f in people] == [1934, 1941, 1967]
    money = registry.figure_series("chi trả trợ cấp BHXH", unit="tr.đ")  # any spelling
    assert [f.value for f in money] == [1086.52, 1092.17, 1118.64]
    assert registry.figure_issuers("lũy kế thu NSNN") == ["UBND thành phố Sông Mai"]
    assert registry.figure_series("lũy kế thu NSNN", issuer="Lạng Sơn") == []
    assert registry.figure_series("số lượng tàu vũ trụ") == []


def test_periods_and_numbers_as_people_write_them() -> None:
    assert P.bounds("11/2025") == ("2025-11", "2025-11")
    assert P.bounds("tháng 11/2025") == ("2025-11", "2025-11")
    assert P.bounds("quý IV/2025") == P.bounds("Q4/2025") == ("2025-10", "2025-12")
    assert P.bounds("năm 2025") == ("2025-01", "2025-12")
    assert P.bounds("từ tháng 10 đến tháng 12/2023") == ("2023-10", "2023-12")
    assert P.bounds("10/2025-12/2025") == ("2025-10", "2025-12")
    assert parse_number_query("3090/QĐ-UBND") == (doc_number_key("3090/QĐ-UBND"), "3090", "")
    assert parse_number_query("quyet dinh 3090") == ("", "3090", "Quyết định")
    assert parse_number_query("QĐ 3090")[1:] == ("3090", "Quyết định")
    assert parse_number_query("3090") == ("", "3090", "")
    assert parse_number_query("theo bao cao thang 12/2025 du an ke") == ("", "", "")


# ---- in step with the manifest -----------------------------------------------------------


def test_replacing_and_removing_a_report_keeps_the_registry_in_step(tmp_path: Path) -> None:
    store = Store(tmp_path / "index", HashEmbedder())
    path = tmp_path / SAMPLE_FILES[0].name
    shutil.copy(SAMPLE_FILES[0], path)
    rid = ingest_file(store, path, MAX).report_id
    db = store.root / "records.sqlite"
    version = store.reports()[0].version
    assert store.registry.versions()[rid].startswith(version)
    assert _rows(db, "documents", rid) > 0 and _rows(db, "figures", rid) > 0
    # the file changes: its records follow
    text = path.read_text("utf-8").replace("2514/QĐ-UBND", "2515/QĐ-UBND")
    path.write_text(text, "utf-8")
    assert ingest_file(store, path, MAX).status == "replaced"
    new_version = store.reports()[0].version
    assert new_version != version and store.registry.versions()[rid].startswith(new_version)
    assert store.registry.find_documents(number="2514/QĐ-UBND") == []
    assert store.registry.find_documents(number="2515/QĐ-UBND")
    # a second Store sees the same registry
    assert Store(store.root, HashEmbedder()).registry.find_documents(number="QĐ 2515")
    assert store.remove(rid)
    assert store.registry.versions() == {}
    for table in ("documents", "projects", "project_mentions", "tasks", "figures"):
        assert _rows(db, table, rid) == 0, table


class _Killed(BaseException):
    """Stands for the process dying: not an Exception, so nothing swallows it."""


def test_crash_between_remove_and_registry_is_reconciled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "index", HashEmbedder())
    for f in SAMPLE_FILES[:2]:
        ingest_file(store, f, MAX)
    gone = _ids(store)["10/2025"]

    def die(self, live, load):
        raise _Killed

    monkeypatch.setattr(Registry, "reconcile", die)
    with pytest.raises(_Killed):
        store.remove(gone)
    monkeypatch.undo()
    assert gone not in {r.report_id for r in store.reports()}  # the manifest committed
    assert gone in Registry(store.root / "records.sqlite").versions()  # the registry lags
    reopened = Store(store.root, HashEmbedder())
    assert gone not in reopened.registry.versions()
    assert reopened.registry.find_documents(number="2514/QĐ-UBND")[0].report_id != gone


def test_new_extractor_version_re_extracts_on_open(
    sample_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "copy"
    shutil.copytree(sample_root, root)
    before = Store(root, HashEmbedder()).registry.versions()
    monkeypatch.setattr(
        "index.registry.write.EXTRACTOR_VERSION", records_module.EXTRACTOR_VERSION + 1
    )
    after = Store(root, HashEmbedder()).registry.versions()
    assert after.keys() == before.keys() and all(after[k] != before[k] for k in after)


KILL_AFTER_COMMIT = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from conftest import HashEmbedder
    from index.ingest import ingest_file
    from index.registry import Registry
    from index.store import Store

    def die(self, live, load):  # the manifest is committed; the registry is next
        os.kill(os.getpid(), signal.SIGKILL)

    Registry.reconcile = die
    ingest_file(Store(Path({root!r}), HashEmbedder()), Path({path!r}), 50 * 2**20)
    """
)


def test_kill_9_between_manifest_and_registry_is_reconciled_on_reopen(
    tmp_path: Path, subprocess_env
) -> None:
    root = tmp_path / "index"
    store = Store(root, HashEmbedder())
    ingest_file(store, SAMPLE_FILES[0], MAX)
    script = KILL_AFTER_COMMIT.format(tests=str(TESTS), root=str(root), path=str(SAMPLE_FILES[1]))
    proc = subprocess.run(
        [sys.executable, "-c", script], env=subprocess_env, cwd=ROOT, timeout=120, check=False
    )
    assert proc.returncode == -signal.SIGKILL
    reopened = Store(root, HashEmbedder())
    ids = _ids(reopened)
    assert set(ids) == {"10/2025", "11/2025"}  # the second report was committed
    lagging = Registry(root / "records.sqlite").versions()
    assert ids["11/2025"] not in lagging  # … but never reached the registry
    assert ids["11/2025"] in reopened.registry.versions()  # opening reconciles
    found = reopened.registry.find_documents(number="QĐ 2791")
    assert [d.report_id for d in found] == [ids["11/2025"]]
    assert os.path.exists(root / "records.sqlite")

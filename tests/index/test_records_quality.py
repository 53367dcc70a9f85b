"""Records a clerk can trust (issue 11): one project one row, with the names it was joined
from; a document's subject ends with its own clause; a measure's series holds only that
measure, in one unit, of one issuer; queries can be limited to some reports. Small
fixture reports always; the shared real corpus when ../shared is present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES, HashEmbedder

from index.ingest import ingest_paths
from index.measure_keys import measure_score, measure_words, normalize_unit
from index.readers.text import parse_text
from index.record_keys import ambiguous_names, home_places, project_groups, project_key, stems
from index.records import extract
from index.registry import Registry
from index.store import Store

LS = "UBND thành phố Lạng Sơn"
CL = "UBND huyện Cao Lộc"


def report_text(unit: str, place: str, number: int, month: int, body: str) -> str:
    """A monthly report of the genre, with a next-month part holding one task."""
    following = f"{month + 1:02d}/2025" if month < 12 else "01/2026"
    return (
        f"ỦY BAN NHÂN DÂN\n{unit}\n\nSố: {number}/BC-UBND\n\n{place}, ngày 20 tháng {month} "
        f"năm 2025\n\nBÁO CÁO\n\nTình hình phát triển kinh tế - xã hội tháng {month:02d}/2025, "
        f"nhiệm vụ công tác tháng {following}\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\n{body}\n\n"
        f"III. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG {following}\n\n1. Lĩnh vực kinh tế\n\n"
        "Tiếp tục đôn đốc thu ngân sách nhà nước trên địa bàn.\n"
    )


# One paragraph per way the genre writes a document's subject (index/records/subjects.py).
DOCUMENTS = "\n\n".join([
    "3. Nội vụ",
    (
        "Ban hành Quyết định số 2514/QĐ-UBND ngày 06/10/2025 về việc phê duyệt chủ trương đầu "
        "tư dự án Cải tạo hồ Phai Loạn; Kế hoạch số 12/KH-UBND ngày 10/10/2025 triển khai công "
        "tác chuyển đổi số năm 2025."
    ),
    (
        "Thực hiện Công văn số 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ về xây dựng kế hoạch "
        "cải cách hành chính, Ủy ban nhân dân thành phố đã ban hành Kế hoạch số 213/KH-UBND "
        "ngày 15/7/2025 về cải cách hành chính năm 2025 với chủ đề “Kỷ cương; hiệu quả”."
    ),
    (
        "Triển khai Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ về cải thiện môi "
        "trường kinh doanh, để tổ chức thực hiện các nhiệm vụ trọng tâm, thành phố ban hành Kế "
        "hoạch số 30/KH-UBND ngày 20/01/2025."
    ),
    (
        "Bố trí công tác cho 02 viên chức giáo viên từ huyện về thành phố (QĐ số 2810/QĐ-UBND "
        "ngày 16/11/2023, QĐ số 2971/QĐ-UBND ngày 30/11/2023)."
    ),
    (
        "Ủy ban nhân dân tỉnh phê duyệt phương án sắp xếp, xử lý tài sản công tại Quyết định số "
        "1294/QĐ-UBND ngày 26/6/2025 và Quyết định số 1336/QĐ-UBND ngày 27/6/2025."
    ),
    (
        "Giám đốc Sở Tài chính đã quyết định điều chuyển máy móc, thiết bị dôi dư về các xã tại "
        "Quyết định số 304/QĐ-STC ngày 04/10/2025; Quyết định số 305/QĐ-STC ngày 04/10/2025."
    ),
    (
        "Sở Tài chính hướng dẫn bàn giao xe ô tô theo quy định tại Nghị định số 186/2025/NĐ-CP "
        "ngày 01/7/2025 của Chính phủ."
    ),
    (
        "Tiếp tục chỉ đạo thực hiện tốt Chỉ thị số 22-CT/TU ngày 27/7/2018 của Ban Thường vụ "
        "Tỉnh ủy."
    ),
    (
        "Báo cáo số 174/BC-UBND ngày 31/10/2025 của Chủ tịch Ủy ban nhân dân tỉnh kết quả rà "
        "soát thủ tục hành chính."
    ),
    (
        "Ban hành Quyết định số 1963/QĐ-UBND ngày 03/11/2025 về việc thành lập các Tổ công tác."
    ),
    (
        "Tiếp tục chỉ đạo các thành viên Tổ công tác tại Quyết định số 1963/QĐ-UBND ngày "
        "03/11/2025 về việc thành lập các Tổ công tác, tổ chức rà soát, tháo gỡ vướng mắc cho "
        "các dự án."
    ),
])  # fmt: skip


REPORTS = {
    "LS-10": report_text("THÀNH PHỐ LẠNG SƠN", "TP. Lạng Sơn", 100, 10, """1. Kinh tế

Thu ngân sách nhà nước trên địa bàn tháng 10/2025 đạt 1,1 tỷ đồng.

Tổ chức Tháng hành động phòng, chống ma túy thu hút 30.000 lượt người tham dự.

2. Đầu tư xây dựng cơ bản

Tiếp tục thi công dự án Kè suối Lao Ly."""),
    "LS-11": report_text("THÀNH PHỐ LẠNG SƠN", "TP. Lạng Sơn", 101, 11, """1. Kinh tế

Thu ngân sách nhà nước trên địa bàn tháng 11/2025 đạt 1.250 tr.đ.

Số người nghiện ma túy có hồ sơ quản lý trên địa bàn là 512 người.

2. Đầu tư xây dựng cơ bản

Chi trả tiền bồi thường cho 12 hộ bị ảnh hưởng bởi dự án Kè suối Lao Ly, thành phố Lạng Sơn.

Khởi công dự án Kè suối Ký Cùng ngày 05/11/2025.

""" + DOCUMENTS),
    "LS-12": report_text("THÀNH PHỐ LẠNG SƠN", "TP. Lạng Sơn", 102, 12, """1. Kinh tế

Thu ngân sách nhà nước trên địa bàn tháng 12/2025 đạt 1.480 triệu đồng.

Số người nghiện ma túy có hồ sơ quản lý trên địa bàn là 530 người."""),
    "CL-11": report_text("HUYỆN CAO LỘC", "Cao Lộc", 55, 11, """1. Kinh tế

Thu ngân sách nhà nước trên địa bàn tháng 11/2025 đạt 2.100 triệu đồng.

Số người nghiện ma túy có hồ sơ quản lý trên địa bàn là 75 người.

2. Đầu tư xây dựng cơ bản

Tiếp tục thi công dự án Kè suối Lao Ly."""),
}  # fmt: skip


@pytest.fixture(scope="module")
def fixture_reports(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("quality-reports")
    out = {}
    for name, text in REPORTS.items():
        path = folder / f"{name}.txt"
        path.write_text(text, "utf-8")
        out[name] = parse_text(path, path.read_bytes())
    return out


@pytest.fixture(scope="module")
def registry(fixture_reports: dict, tmp_path_factory: pytest.TempPathFactory) -> Registry:
    reg = Registry(tmp_path_factory.mktemp("quality") / "records.sqlite")
    for name, report in fixture_reports.items():
        reg.replace_report(name, report.meta, extract(report, name), report.source)
    return reg


# ---- projects ----------------------------------------------------------------------------


def test_project_key_drops_lead_words_and_the_issuers_own_place() -> None:
    home = home_places(LS)
    assert home == ("lang son",)
    assert home_places("Trung tâm xúc tiến đầu tư (UBND tỉnh Lâm Đồng)") == ("lam dong",)
    short = project_key("Kè suối Lao Ly", home)
    for name in ("Kè suối Lao Ly, thành phố Lạng Sơn", "Dự án Kè suối Lao Ly",
                 "Kè suối Lao Ly - Lạng Sơn", "Kè suối Lao Ly trên địa bàn TPLS"):  # fmt: skip
        assert project_key(name, home) == short, name
    assert project_key("Kè suối Ký Cùng", home) != short
    # another place stays: it may be what tells two projects apart
    assert project_key("Nhà văn hóa thôn Nà Lốc, xã Mai Pha", home) != project_key(
        "Nhà văn hóa thôn Nà Lốc, xã Hoàng Đồng", home
    )
    # "Dự án thành phần số 11: …" is a name of its own, not a leading "Dự án"
    assert project_key("Dự án thành phần số 11: Cải tạo trạm y tế", home).startswith("du an")


def _groups(names: list[str], issuer: str = LS) -> dict[str, str]:
    home = home_places(issuer)
    groups = project_groups((issuer, project_key(n, home), n) for n in names)
    return {n: groups[(project_key(issuer, ()), project_key(n, home))] for n in names}


def test_a_shorter_name_joins_the_one_project_that_qualifies_it() -> None:
    g = _groups([
        "Nhà văn hoá, sân thể thao thôn Quảng Trung 3",
        "Nhà văn hoá, sân thể thao thôn Quảng Trung 3, xã Quảng Lạc",
        "Kè bờ sông Mai", "Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)",
        "Đường Lý Thái Tổ kéo dài", "Đường Lý Thái Tổ kéo dài (địa bàn phường Đông Kinh)",
    ])  # fmt: skip
    assert len(set(g.values())) == 3
    assert g["Kè bờ sông Mai"] == g["Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)"]
    assert stems("Nhà văn hoá, sân thể thao thôn Quảng Trung 3, xã Quảng Lạc") == [
        "nha van hoa san the thao thon quang trung 3"
    ]


def test_projects_that_merely_share_words_stay_apart() -> None:
    names = [
        "Kè suối Lao Ly", "Kè suối Ký Cùng",
        "Đường Bắc Sơn", "Đường Bắc Sơn (đoạn 1)", "Đường Bắc Sơn (đoạn 2)",  # ambiguous
        "Nghĩa trang liệt sĩ Mai Pha", "Nghĩa trang liệt sĩ Mai Pha (giai đoạn 2)",  # a phase
        "Khu đô thị Phú Lộc", "Khu đô thị Phú Lộc II",
        "Cải tạo trạm y tế", "Cải tạo trạm y tế, xã Mai Pha",  # no proper name to go by
        "Trụ sở làm việc Công an tỉnh",
        "Trục đường đối ngoại thuộc dự án Trụ sở làm việc Công an tỉnh",
    ]  # fmt: skip
    g = _groups(names)
    assert len(set(g.values())) == len(names)
    home = home_places(LS)
    uses = [(LS, project_key(n, home), n) for n in names]
    assert list(ambiguous_names(uses)) == [(project_key(LS, ()), "duong bac son")]
    # the same name in two issuers' reports is two projects
    both = project_groups([(LS, "ke suoi lao ly", "Kè suối Lao Ly"), (CL, "ke suoi lao ly", "x")])
    assert len(both) == 2


def test_one_project_one_row_with_the_names_it_was_joined_from(registry: Registry) -> None:
    rows = registry.projects()
    lao_ly = [r for r in rows if "Lao Ly" in r.name]
    assert len(lao_ly) == 2 and {r.issuer for r in lao_ly} == {LS, CL}  # never across bodies
    ls = next(r for r in lao_ly if r.issuer == LS)
    assert ls.reports == 2 and ls.period == "11/2025" and ls.merged
    assert {(n.name, n.report) for n in ls.names} == {
        ("Kè suối Lao Ly, thành phố Lạng Sơn", "101/BC-UBND"),
        ("Kè suối Lao Ly", "100/BC-UBND"),
    }
    assert ls.stage == "GPMB/bồi thường"  # what its latest report says: one stage, one row
    assert [r.name for r in rows if "Ký Cùng" in r.name] == ["Kè suối Ký Cùng"]
    # the timeline of the short name holds every mention of the project, and only those
    timeline = registry.project_timeline("Kè suối Lao Ly")
    assert {m.report_id for m in timeline} == {"LS-11", "LS-10", "CL-11"}
    assert not [m for m in timeline if "Ký Cùng" in m.name]
    cao_loc = registry.project_timeline("Kè suối Lao Ly", issuer=CL)  # two bodies, one name
    assert {m.report_id for m in cao_loc} == {"CL-11"}


# ---- documents ---------------------------------------------------------------------------


def test_a_subject_ends_with_its_own_clause(fixture_reports: dict) -> None:
    about: dict[str, list[str]] = {}
    for d in extract(fixture_reports["LS-11"], "LS-11").documents:
        about.setdefault(d.number, []).append(d.about)
    assert about["2514/QĐ-UBND"] == ["phê duyệt chủ trương đầu tư dự án Cải tạo hồ Phai Loạn"]
    assert about["12/KH-UBND"] == ["triển khai công tác chuyển đổi số năm 2025"]
    # the next clause has its own subject: ", Ủy ban nhân dân thành phố đã ban hành …"
    assert about["4625/BNV-CCHC"] == ["xây dựng kế hoạch cải cách hành chính"]
    assert about["213/KH-UBND"] == ["cải cách hành chính năm 2025 với chủ đề “Kỷ cương; hiệu quả”"]
    assert about["02/NQ-CP"] == ["cải thiện môi trường kinh doanh"]  # not ", để tổ chức …"
    # the subject written before a parenthesis of references
    lead = "bố trí công tác cho 02 viên chức giáo viên từ huyện về thành phố"
    assert about["2810/QĐ-UBND"] == about["2971/QĐ-UBND"] == [lead]
    # the act a body performed "tại" a document, shared by the references that follow
    assert (
        about["1294/QĐ-UBND"]
        == about["1336/QĐ-UBND"]
        == ["phê duyệt phương án sắp xếp, xử lý tài sản công"]
    )
    assert (
        about["304/QĐ-STC"]
        == about["305/QĐ-STC"]
        == ["điều chuyển máy móc, thiết bị dôi dư về các xã"]
    )
    assert about["174/BC-UBND"] == ["kết quả rà soát thủ tục hành chính"]
    assert about["1963/QĐ-UBND"] == ["thành lập các Tổ công tác"] * 2  # the rest is the citer's
    # the text says nothing of these: a regulation followed, a directive, a plan named bare
    assert about["186/2025/NĐ-CP"] == about["22-CT/TU"] == about["30/KH-UBND"] == [""]


# ---- figures -----------------------------------------------------------------------------


def test_the_head_of_a_measure_must_agree() -> None:
    want = measure_words("người nghiện ma túy")
    assert measure_score(want, "số người nghiện ma túy có hồ sơ quản lý", "người")
    assert measure_score(want, "chống ma túy thu hút tham dự", "lượt người") is None
    thu = measure_words("thu ngân sách")
    assert measure_score(thu, "thu NSNN", "triệu đồng")
    assert measure_score(thu, "dự toán thu NSNN", "triệu đồng") is None
    assert measure_score(thu, "lũy kế thu NSNN", "triệu đồng") is None  # a running total
    assert measure_score(measure_words("khách du lịch"), "doanh thu du lịch", "tỷ đồng") is None
    assert measure_score(measure_words("lượt khách du lịch"), "khách du lịch", "lượt")
    assert measure_score(measure_words("giấy phép xây dựng"), "cấp giấy phép xây dựng", "giấy phép")
    # the counted noun kept as the unit, and a quantity in brackets, head the measure
    founded = measure_words("doanh nghiệp thành lập mới")
    assert measure_score(founded, "thành lập mới", "doanh nghiệp")
    assert measure_score(measure_words("số tiền xử phạt"), "xử phạt vi phạm (số tiền)", "đồng")
    for written in ("tr.đ", "trđ", "Triệu đồng", "tr đồng"):
        assert normalize_unit(written) == "triệu đồng", written
    assert normalize_unit("tỉ đồng") == "tỷ đồng" and normalize_unit("héc-ta") == "ha"


def test_a_series_holds_only_that_measure(registry: Registry) -> None:
    series = registry.figure_series("người nghiện ma túy")
    assert [(f.period, f.value, f.unit) for f in series] == [
        ("11/2025", 512, "người"),
        ("12/2025", 530, "người"),
    ]  # never "30.000 lượt người … tham dự" of October, a different measure
    # where that is the only figure sharing the words, there is no series (it used to be one)
    assert registry.figure_series("người nghiện ma túy", reports={"LS-10"}) == []


def test_units_written_two_ways_join_and_another_unit_does_not(registry: Registry) -> None:
    series = registry.figure_series("thu ngân sách")
    assert [(f.period, f.raw, f.unit) for f in series] == [
        ("11/2025", "1.250", "triệu đồng"),  # written "tr.đ"
        ("12/2025", "1.480", "triệu đồng"),
    ]  # October's "1,1 tỷ đồng" is not put on the same axis
    assert registry.figure_series("thu ngân sách", unit="tr.đ") == series
    assert [f.raw for f in registry.figure_series("thu ngân sách", unit="tỷ đồng")] == ["1,1"]


def test_a_series_is_one_issuers(registry: Registry) -> None:
    assert registry.figure_issuers("thu ngân sách") == [LS, CL]
    assert {f.report_id for f in registry.figure_series("thu ngân sách")} == {"LS-11", "LS-12"}
    assert [f.value for f in registry.figure_series("thu ngân sách", issuer="Cao Lộc")] == [2100]
    every = registry.figure_series("thu ngân sách", all_issuers=True)
    assert [f.report_id for f in every] == ["CL-11", "LS-11", "LS-12"] or [
        f.report_id for f in every
    ] == ["LS-11", "CL-11", "LS-12"]


def test_queries_limited_to_some_reports(registry: Registry) -> None:
    only = {"CL-11"}
    assert [r.issuer for r in registry.projects(reports=only)] == [CL]
    assert {m.report_id for m in registry.project_timeline("Kè suối Lao Ly", reports=only)} == only
    assert [f.value for f in registry.figure_series("thu ngân sách", reports=only)] == [2100]
    assert registry.find_documents(number="2514/QĐ-UBND", reports=only) == []
    assert registry.find_documents(number="2514/QĐ-UBND", reports={"LS-11"})
    assert {t.report_id for t in registry.tasks("12/2025", reports=only)} == only
    assert registry.task_periods(reports=only) == ["12/2025"]
    # those a later report follows up first, newest first
    assert registry.task_periods() == ["12/2025", "11/2025", "01/2026"]
    for empty in (registry.projects(reports=[]), registry.figure_series("thu", reports=())):
        assert empty == []


# ---- the shared real corpus --------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_store(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """../shared/corpus and the bundled samples in one index, as the app holds them."""
    store = Store(tmp_path_factory.mktemp("shared-quality") / "index", HashEmbedder())
    results = ingest_paths(store, [shared / "corpus", *SAMPLE_FILES], 50 * 2**20)
    assert all(r.status in ("added", "skipped") for r in results), results
    return store


@pytest.fixture(scope="module")
def real_ids(shared_store: Store) -> set[str]:
    """The real reports: every one but the samples (chosen by the test, not the code)."""
    samples = {f.name for f in SAMPLE_FILES}
    return {r.report_id for r in shared_store.reports() if Path(r.source).name not in samples}


def test_no_duplicate_projects_in_the_shared_corpus(shared_store: Store, real_ids) -> None:
    """Duplicate, precisely: two rows of one issuer where one row's key is the other's, or
    is a stem of a name of the other (the other qualifies it: ', xã …', '(…)') and no third
    row also does. Merges are printed to be read (pytest -s)."""
    rows = shared_store.registry.projects(reports=real_ids)
    seen: dict[tuple[str, str], str] = {}
    for r in rows:
        for key in r.keys:
            assert (r.issuer, key) not in seen, (r.name, seen.get((r.issuer, key)))
            seen[(r.issuer, key)] = r.name
    for r in rows:
        home = home_places(r.issuer)
        extends = {s for n in r.names for s in stems(n.name, home)}
        for other in rows:
            if other is not r and other.issuer == r.issuer and other.key in extends:
                rivals = [x for x in rows if x.issuer == r.issuer and other.key in
                          {s for n in x.names for s in stems(n.name, home)}]  # fmt: skip
                assert len(rivals) > 1, f"{other.name!r} is a shorter name of {r.name!r}"
    print(f"\n{len(rows)} project rows; joined:")
    for r in rows:
        if r.merged:
            print(f"  {r.name} ← " + "; ".join(f"{n.name} ({n.report})" for n in r.names))
    lao_ly = [r for r in rows if "Lao Ly" in r.name]
    assert len(lao_ly) == 1 and {n.name for n in lao_ly[0].names} == {
        "Kè suối Lao Ly",
        "Kè suối Lao Ly, thành phố Lạng Sơn",
    }
    # a project's own name finds it alone, not others that mention it
    police = shared_store.registry.project_timeline("Trụ sở làm việc Công an tỉnh")
    assert police and {m.name for m in police} == {"Trụ sở làm việc Công an tỉnh"}


# A subject runs on when it holds a sentence or ';' (outside a quotation), a new clause with
# its own subject (", Sở Tài chính đã …"), a purpose or aside (", để …"), or a next document.
RUN_ON = re.compile(
    r"[.;](?:\s|$)|(?:,|\s[-–])\s+(?:Ủy ban|UBND|Sở|Ban|Trung tâm|Bộ|Chủ tịch|Giám đốc|"
    r"các cơ quan|các sở)\b[^,]*?\b(?:đã|sẽ|ban hành|báo cáo)\b|"
    r",\s+(?:để|nhằm|trong đó|theo đó|đồng thời)\b|"
    r"(?:ban hành:?|và|,)\s+(?:Quyết định|Kế hoạch|Công văn|Nghị quyết|Chương trình)"
    r"(?:\s+\w+){0,2}\s+số\s+\d"
)


def test_subjects_on_the_shared_corpus(shared_store: Store, real_ids) -> None:
    docs = shared_store.registry.find_documents(reports=real_ids)
    run_on = [d for d in docs if RUN_ON.search(re.sub(r"“[^”]*”", "“”", d.about))]
    cut = [d for d in docs if len(d.about) > 300 or (d.about.endswith(" …") is False
           and len(d.about) >= 295)]  # fmt: skip
    empty = [d for d in docs if not d.about]
    print(f"\n{len(docs)} documents, {len(empty)} without a subject, {len(run_on)} run on")
    assert run_on == [] and cut == []
    about = {d.number: d.about for d in docs}
    assert about["3090/QĐ-UBND"].endswith("trên địa bàn thành phố Lạng Sơn năm 2023")
    assert about["2810/QĐ-UBND"].startswith("bổ trí công tác cho 02 viên chức giáo viên")
    assert about["3450/UBND-NV"].startswith("tiếp nhận 01 viên chức giáo viên")
    assert about["22-CT/TU"] == ""  # "Chỉ thị số 22-CT/TU … của Ban Thường vụ Tỉnh ủy;"


def test_series_on_the_shared_corpus_are_one_issuers(shared_store: Store) -> None:
    """The samples (Sông Mai, 2025) and Lạng Sơn (12/2023) both report revenue: a series
    is one city's, and the other is named as available."""
    reg = shared_store.registry
    for measure in ("thu ngân sách", "giải ngân vốn đầu tư công", "tai nạn giao thông"):
        series = reg.figure_series(measure)
        issuers = {next(r.issuer for r in reg.reports() if r.report_id == f.report_id)
                   for f in series}  # fmt: skip
        assert len(issuers) == 1, measure
        assert {"UBND thành phố Sông Mai", LS} <= set(reg.figure_issuers(measure)), measure
    lang_son = reg.figure_series("thu ngân sách", issuer="Lạng Sơn")
    assert [(f.period, f.raw) for f in lang_son] == [("12/2023", "20.122")]

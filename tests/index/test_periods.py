"""index/periods.py: every way the reports and their readers write a period, parsed once."""

from __future__ import annotations

import pytest

from index import periods as P


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("tháng 12/2023", "12/2023"),
        ("12/2023", "12/2023"),
        ("T12/2023", "12/2023"),
        ("thang 12 nam 2023", "12/2023"),
        ("tháng 1 năm 2026", "01/2026"),
        ("quý I/2026", "Q1/2026"),
        ("Q1/2026", "Q1/2026"),
        ("quy iv nam 2025", "Q4/2025"),
        ("6 tháng đầu năm 2025", "01/2025-06/2025"),
        ("năm 2025", "2025"),
        ("10/2025-12/2025", "Q4/2025"),
        ("từ tháng 10 đến tháng 12/2023", "Q4/2023"),
        ("tính đến 15/12", "12/*"),
        ("tinh den ngay 15/11/2025", "11/2025"),
        ("tháng 11", "11/*"),
        ("ba tháng 10, 11, 12/2025", "Q4/2025"),  # consecutive months listed: one span
        ("thang 1, 2 va 3 nam 2026", "Q1/2026"),
        ("ba tháng cuối năm 2025", "Q4/2025"),
        ("sáu tháng đầu năm", "01/*-06/*"),
        ("10 tháng đầu năm 2025", "01/2025-10/2025"),  # any count of months, not only 3, 6, 9
        ("mười một tháng đầu năm 2025", "01/2025-11/2025"),
        ("11 tháng năm 2025", "01/2025-11/2025"),  # the months of the year so far
        ("11 tháng qua", "01/*-11/*"),  # this year's months so far, as a leader says it
        ("9 thang vua qua", "01/*-09/*"),
        ("ngày 10 tháng 5 năm 2025", "05/2025"),
        ("tháng cuối năm 2023", "12/2023"),  # one month, no count
        ("thang dau nam 2026", "01/2026"),
        ("quý cuối năm 2025", "Q4/2025"),
        ("năm học 2024 - 2025", "09/2024-08/2025"),  # September to August
        ("nam hoc 2025-2026", "09/2025-08/2026"),
        ("tháng Mười Hai năm 2025", "12/2025"),  # a month in words, with its year
        ("tháng Giêng năm 2026", "01/2026"),
    ],
)
def test_forms(text: str, label: str) -> None:
    assert P.parse(text) is not None and P.parse(text).label == label  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định số 3090/QĐ-UBND ngày 08/12/2023",  # a document's date, not a period asked
        "so 1250/BC-UBND",
        "thu 397.497 triệu đồng đạt 108,7%",
        "PCI 2024",
        "thang 13/2025",
        "mấy tháng nay tiến triển tới đâu",  # several months up to now, not this month
        "3 tháng qua",  # a few months back may count from any month
        "các tháng trước",
        "họp giao ban hằng tháng hai lần",  # a month in words is one only with its year
    ],
)
def test_not_periods(text: str) -> None:
    assert P.parse(text) is None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("tháng 10, 12/2025", "10/*"),  # not consecutive: no one span says it
        ("tháng 12, 15 hộ", "12/*"),  # a count after the month, not another month
        ("tháng 10, 11/12", "10/*"),  # a date (11/12) is no month of the list
    ],
)
def test_listed_months_that_are_no_span(text: str, label: str) -> None:
    assert P.parse(text) is not None and P.parse(text).label == label  # type: ignore[union-attr]


def test_relative_periods_step_from_the_one_under_discussion() -> None:
    dec = P.Period.month(2025, 12)
    (m,) = P.mentions("tháng trước thì sao")
    assert m.period is None and m.relative == "previous"
    assert P.resolve(m, dec).label == "11/2025"  # type: ignore[union-attr]
    assert P.resolve(P.mentions("cùng kỳ năm trước")[0], dec).label == "12/2024"  # type: ignore[union-attr]
    assert P.resolve(P.mentions("quý trước")[0], dec).label == "Q3/2025"  # type: ignore[union-attr]
    assert P.resolve(P.mentions("tháng tới")[0], dec).label == "01/2026"  # type: ignore[union-attr]
    assert P.resolve(P.mentions("tháng 11")[0], dec).label == "11/2025"  # type: ignore[union-attr]
    assert P.resolve(m, None) is None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("tới cuối tháng 1 năm sau sẽ lên mức nào", "01/2026"),
        ("so với tháng 10 năm ngoái", "10/2024"),
        ("quý 2 năm nay", "Q2/2025"),
        ("tháng 12 năm trước", "12/2024"),
    ],
)
def test_a_month_of_a_year_told_relative_is_one_period(text: str, label: str) -> None:
    """ "tháng 10 năm ngoái" is October of the year before the one under discussion — one
    period, not a month of this year and a whole year besides."""
    (m,) = P.mentions(text)
    assert P.resolve(m, P.Period.month(2025, 12)).label == label  # type: ignore[union-attr]


def test_spans_index_the_text_as_typed() -> None:
    text = "Còn tháng 11 thì sao?"
    (m,) = P.mentions(text)
    assert text[m.start : m.end] == "tháng 11"
    assert P.replace_mention(text, m, "tháng 11/2025") == "Còn tháng 11/2025 thì sao?"


def test_a_point_within_the_month_is_part_of_its_period() -> None:
    """ "giữa tháng 11", "mốc cuối tháng 10": the month, and the words saying where in it
    are no topic of the question."""
    text = "Thu ngân sách đến giữa tháng 11 so với mốc cuối tháng 10"
    a, b = P.mentions(text)
    assert text[a.start : a.end] == "giữa tháng 11" and a.period.label == "11/*"  # type: ignore[union-attr]
    assert text[b.start : b.end] == "mốc cuối tháng 10" and b.period.label == "10/*"  # type: ignore[union-attr]


def test_as_of_dates_keep_their_day() -> None:
    (m,) = P.mentions("giải ngân tính đến 30/11/2025 đạt bao nhiêu")
    assert m.as_of and m.day == 30 and m.period.label == "11/2025"  # type: ignore[union-attr]


def test_stored_labels_bounds_and_titles() -> None:
    assert P.from_label("Q4/2025").bounds == ("2025-10", "2025-12")  # type: ignore[union-attr]
    assert P.bounds("năm 2025") == ("2025-01", "2025-12")
    assert P.bounds("tháng 11") is None  # no year: nothing to sort by
    title = "Tình hình kinh tế - xã hội tháng 12/2023, nhiệm vụ công tác tháng 01/2024"
    assert P.of_title(title) == "12/2023"
    assert P.of_title("Công tác cải cách hành chính năm 2025 và nhiệm vụ năm 2026") == "2025"
    assert P.Period.quarter(2026, 1).spoken == "quý I/2026"
    assert P.parse("năm học 2024 - 2025").spoken == "năm học 2024 - 2025"  # type: ignore[union-attr]
    assert P.parse("năm học 2024 - 2026") is None  # no school year spans two
    assert P.Period.month(2025, 11).previous().label == "10/2025"
    assert P.Period.month(2025, 1).previous().label == "12/2024"
    # a month of no year steps to a month of no year: "tháng tới" after "tháng 12" is
    # "tháng 1", not January of the year 1
    assert P.Period.month(0, 12).shift(1).label == "01/*"
    assert P.Period.month(0, 1).previous().label == "12/*"


def test_matching() -> None:
    q4 = P.Period.quarter(2025, 4)
    assert q4.contains(P.Period.month(2025, 11)) and not q4.contains(P.Period.year(2025))
    assert P.Period.year(2025).overlaps(q4)
    assert P.Period.month(0, 11).matches(P.Period.month(2025, 11))  # year not said


def test_years_named() -> None:
    assert P.years("PCI 2024 của VCCI") == {2024}
    assert P.years("tháng 12/2023 và năm 2024") == {2023, 2024}
    assert P.years("Quyết định số 3090/QĐ-UBND ngày 08/12/2022") == set()  # a document's date
    assert P.years("Nghị định 118/2025/NĐ-CP") == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [("11/2025", "11/2025"), ("tháng 11/2025", "11/2025"), ("quý IV/2025", "Q4/2025"),
     ("Q4/2025", "Q4/2025"), ("2025", "2025"), ("10/2025-12/2025", "Q4/2025"),
     ("01/2025-06/2025", "01/2025-06/2025"),
     ("11/2025; x", None), ("tháng 11", None), ("'; DROP TABLE documents; --", None)],
)  # fmt: skip
def test_exactly_one_period_and_nothing_else(text: str, label: str | None) -> None:
    p = P.exactly(text)
    assert (p.label if p else None) == label


def test_the_same_time_last_year_is_the_same_period_last_year() -> None:
    """ "cùng thời điểm năm ngoái" is how a leader says "cùng kỳ"; "cùng thời điểm" alone
    names no period."""
    dec = P.Period.month(2025, 12)
    (m,) = P.mentions("so với cùng thời điểm năm ngoái thì thế nào")
    assert m.relative == "same_last_year"
    assert P.resolve(m, dec).label == "12/2024"  # type: ignore[union-attr]
    assert P.mentions("cùng thời điểm này") == []


def test_the_tasks_of_a_monthly_report_for_the_time_ahead_are_the_next_months() -> None:
    """ "PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI" of the report of 11/2025 sets the tasks
    of 12/2025; the tasks' own heading counts, not a section that only mentions tasks."""
    from index.letterhead import _task_period_from_sections
    from index.model import Section

    sections = [
        Section("II.6", "Kết quả triển khai các mô hình điểm và 19 nhiệm vụ trọng tâm", 2),
        Section("III", "PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI", 1),
    ]
    assert _task_period_from_sections(sections, "11/2025") == "12/2025"
    assert _task_period_from_sections(sections, "12/2025") == "01/2026"
    assert _task_period_from_sections(sections, "2025") == ""  # a year's "tới" is no month
    named = [Section("III", "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 12/2025", 1)]
    assert _task_period_from_sections(named, "11/2025") == "12/2025"


def test_a_month_named_without_its_year_is_read_nearest_the_month_discussed() -> None:
    (october,) = [m for m in P.mentions("tháng 10") if m.period]
    (february,) = [m for m in P.mentions("tháng 2") if m.period]
    january = P.Period((2026, 1), (2026, 1))
    assert P.resolve(october, january) == P.Period((2025, 10), (2025, 10))
    assert P.resolve(february, january) == P.Period((2026, 2), (2026, 2))
    # against a year, of that year
    assert P.resolve(october, P.Period((2025, 1), (2025, 12))) == P.Period((2025, 10), (2025, 10))


def test_a_title_reports_before_the_tasks_it_sets() -> None:
    """The year said once, with the next period's tasks, is the report's too; a month's or a
    quarter's report with the year's running total is the month's or the quarter's; a title
    that reports up to a day reports on that month."""
    title = (
        "Kết quả thực hiện nhiệm vụ quý II và 6 tháng đầu năm; nhiệm vụ trọng tâm quý III năm 2026"
    )
    assert P.of_title(title) == "Q2/2026"  # not the tasks' Q3/2026
    assert P.of_title("Tình hình, kết quả tháng 11 và 11 tháng năm 2026; nhiệm vụ tháng 12") == (
        "11/2026"
    )
    assert P.of_title(
        "Kết quả công tác bảo đảm trật tự, an toàn giao thông quý IV và năm 2025"
    ) == ("2025")
    assert P.of_title("Tình hình thực hiện các dự án trọng điểm đến ngày 31/10/2026") == "10/2026"
    # a December's report names only its tasks' year: January's, the next one
    december = "Tình hình tháng 12 và 12 tháng; nhiệm vụ trọng tâm tháng 01 năm 2026"
    assert P.of_title(december) == "12/2025"


def test_a_quarter_of_no_year_is_of_the_newest_year_that_has_it() -> None:
    """'quý 3' is the newest third quarter a report covers: a quarter's own report, else the
    monthly reports within it; a year's report alone gives it no year."""
    q3 = P.Period((0, 7), (0, 9))
    assert P.with_newest_year(q3, ["Q2/2026", "Q3/2026", "Q3/2025"]).label == "Q3/2026"
    assert P.with_newest_year(q3, ["08/2025", "11/2025"]).label == "Q3/2025"
    assert not P.with_newest_year(q3, ["2025"]).year_known
    assert P.with_newest_year(P.Period.month(0, 11), ["11/2024", "2025"]).label == "11/2024"


def test_a_span_from_january_is_said_as_reports_say_it() -> None:
    assert P.Period((2025, 1), (2025, 6)).spoken == "6 tháng đầu năm 2025"
    assert P.Period((2026, 1), (2026, 9)).spoken == "9 tháng năm 2026"


def test_an_amount_after_thang_is_no_month() -> None:
    """ "trong tháng 1.245 triệu đồng" is the month's revenue: read as "tháng 1", the
    sentence was about January and no October figure."""
    assert P.mentions("Tổng thu trong tháng 1.245 triệu đồng, lũy kế 10 tháng 9.870") == []
    assert [m.period.label for m in P.mentions("tháng 12.2025, tháng 11/2026")] == [
        "12/2025",
        "11/2026",
    ]


def test_a_month_no_report_has_is_of_the_newest_year_reported_on() -> None:
    """'tháng 12' when the reports stop in November 2026: December 2026 (with_newest_year
    leaves it without a year, having no December to read one from)."""
    labels = ["10/2026", "11/2026", "2026"]
    december = P.Period.month(0, 12)
    assert not P.with_newest_year(december, labels).year_known
    assert P.in_newest_year(december, labels).label == "12/2026"
    assert P.in_newest_year(P.Period.month(0, 11), labels).label == "11/2026"
    assert not P.in_newest_year(december, []).year_known


def test_a_period_set_against() -> None:
    """ "so với tháng 10": the period compared with; with words allowed between, "so với ước
    tính tháng 9" too; a period asked of is none."""
    text = "Tháng 11 tăng bao nhiêu so với tháng 10?"
    asked, base = P.mentions(text)
    assert P.set_against(text, base) and not P.set_against(text, asked)
    text = "giảm bao nhiêu so với ước tính tháng 9"
    (m,) = P.mentions(text)
    assert not P.set_against(text, m) and P.set_against(text, m, 3)

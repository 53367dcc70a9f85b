"""Which reports a question is about: the periods it names (made absolute against the
index and the conversation) and the body it names ("Lạng Sơn", "Sông Mai"), within the
caller's filter. A named period that no report covers is kept as `uncovered`, so the
answer says so instead of quoting another period's figure."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from assistant.named_reports import body_named, named_reports
from assistant.period_roles import bound, own_month, report_named
from assistant.query import Query
from index import periods as P
from index import vn
from index.store import ReportInfo, Store


@dataclass(frozen=True)
class Scope:
    periods: tuple[P.Period, ...]  # the periods the question names, absolute
    allowed: frozenset[str] | None  # reports to search; None: all
    uncovered: P.Period | None = None  # a named period that no report covers
    matched: bool = False  # some named period is covered by a report
    as_of: str = ""  # the date a situation is asked at ("tính đến 15/12/2025" → "15/12/2025")
    unreached: bool = False  # no report was written after the day asked "tính đến"
    bodies: frozenset[str] = frozenset()  # reports of the body it opens with ("Công an tỉnh")

    def admits(self, report_id: str) -> bool:
        return self.allowed is None or report_id in self.allowed

    @property
    def missing(self) -> P.Period | None:
        """The period the answer must say no report covers: one the question names that
        none does, unless another it names is covered — never when the day asked for is
        past every report (what the others say is older)."""
        if self.uncovered is None or (self.matched and not self.unreached):
            return None
        return self.uncovered


def effective_period(info: ReportInfo) -> P.Period | None:
    """What a report reports on: its stated period, else the month of its date."""
    if own := P.from_label(info.period):
        return own
    m = re.match(r"(\d{4})-(\d{2})", info.date)
    return P.Period.month(int(m.group(1)), int(m.group(2))) if m else None


def resolve_periods(
    query: Query, infos: list[ReportInfo], current: P.Period | None
) -> list[P.Mention]:
    """Mentions made absolute: a month without its year is the newest indexed month of that
    number (or the year under discussion); 'tháng trước' steps from the period under
    discussion, else from the newest report."""
    year = current.first[0] if current is not None and current.year_known else 0
    named = {m.period.first[0] for m in query.periods if m.period and m.period.unit == "year"}
    if not year and len(named) == 1:  # "cả năm 2025 tính đến ngày 31/12": 31/12/2025
        year = named.pop()
    absolute: dict[int, P.Period] = {}
    for i, m in enumerate(query.periods):
        if m.period is None:
            continue
        # "tháng 12" with no year: the year of the period under discussion, else every
        # December indexed (two cities' reports of different years answer alike); "tháng 1
        # năm sau": the year after it, else after the newest indexed
        if m.relative and (own := P.in_year_of(m, year or _newest_year(infos))) is not None:
            absolute[i] = own
            continue
        absolute[i] = m.period.with_year(year) if year else m.period
    # "tháng 12 so với tháng trước": a relative period steps from the question's own period,
    # or from the one under discussion; alone ("tháng này", "tháng tới" in a question of its
    # own) it means the period of whichever report answers, so it narrows nothing
    anchor = next((p for p in absolute.values() if p.year_known), None) or current
    if anchor is None and absolute:  # "tháng 12 … tháng trước": the newest December indexed
        newest = P.with_newest_year(next(iter(absolute.values())), [i.period for i in infos])
        anchor = newest if newest.year_known else None
    out = []
    for i, m in enumerate(query.periods):
        period = absolute.get(i) or P.resolve(m, anchor)
        if period is not None:
            out.append(P.Mention(period, m.start, m.end, m.relative, m.unit, m.as_of, m.day))
    return out


def _newest_year(infos: list[ReportInfo]) -> int:
    years = [p.last[0] for i in infos if (p := effective_period(i)) is not None and p.year_known]
    return max(years, default=0)


def scope_of(
    query: Query, store: Store, reports: list[str] | None = None, current: P.Period | None = None
) -> Scope:
    infos = [i for i in store.reports() if reports is None or i.report_id in reports]
    allowed: set[str] = {i.report_id for i in infos}
    bodies = frozenset(body_named(query, infos))
    if named := named_reports(query, infos, store, bodies):
        allowed &= named
    # "khởi công sau tháng 5", "xong trước tháng 12": a bound on what is asked, not the
    # period of the report that answers
    mentions = [m for m in resolve_periods(query, infos, current) if not bound(query, m)]
    periods = tuple(m.period for m in mentions if m.period is not None)
    uncovered = None
    unreached = False
    matched: set[str] = set()
    by_name: set[str] = set()  # the reports a period names as the report's own
    # "ước đến cuối tháng 01/2026": a forecast for a month is written the month before, in the
    # report whose tasks are for that month, as well as in that month's own report
    # so is a month's target ("phấn đấu đến hết tháng 02/2026 … đạt trên 10%") — not a reading
    # on a day measured against it ("tính đến 15/12 đạt bao nhiêu, vượt mục tiêu chưa?"; read
    # with diacritics: "đặt mục tiêu" folds as "đạt mục tiêu" does)
    plain = " ".join(vn.syllables(query.folded))
    met = query.met or (query.accented and _MET.search(query.text.lower()) is not None)
    targeted = bool(_TARGET.search(plain)) and not met and not any(m.day for m in mentions)
    forecast = bool(_FORECAST.search(plain)) or targeted
    for m in mentions:
        p = m.period
        assert p is not None
        day = _day_month(store, p) if m.as_of else p  # "đến 15/12": the month, with its year
        strict = p.unit != "year"  # "năm 2024" names content as often as a report's period
        own_hits: set[str] = set()
        task_hits: dict[str, P.Period] = {}  # report → the period its tasks are for
        ahead = forecast  # (of a month with no year: every November's, and the reports before)
        tasks = (query.about_tasks and not own_month(query, m)) or ahead
        for i in infos:
            if i.report_id not in allowed:
                continue
            own, task = effective_period(i), _task_period(store, i)
            inside = own and own.matches(p) and (not strict or P.within(own, p))
            fits = own and (inside or P.after(own, p))
            # "đến 30/9": the state on a day — a quarter's report ending that day tells it too,
            # and the next month's report when it counts figures "đến ngày 31/10" (its
            # sentences answer only by naming the day: answerers/asked.py)
            fits = fits or bool(m.as_of and own and own.matches(p) and P.ends_with(own, p))
            # — and a report spanning the day (the year's disbursement "đến ngày 31/10/2026")
            # when it writes the day
            fits = fits or bool(
                m.as_of
                and own
                and (own == P.next_month(p) or (own.matches(p) and own.months > p.months))
                and _names_day(store, i, m.day, day)
            )
            if fits and _reaches(store, i, m, day):
                own_hits.add(i.report_id)
            # a month's tasks are no answer of a year's ("kế hoạch năm 2025 … nhiệm vụ")
            if tasks and task is not None and task.matches(p) and (strict or task.contains(p)):
                task_hits[i.report_id] = task
        # a question about the tasks set for a month is answered by the report that set them;
        # else the reports of that very period, before the annual one that spans it
        # ("11 tháng qua" with no year: the report of those very months, of any year)
        same = P.same if p.unit == "span" else operator.eq
        exact = {
            i.report_id for i in infos if i.report_id in own_hits and same(effective_period(i), p)
        }
        planned = _narrowest(task_hits, p)
        if forecast and not query.about_tasks:
            # (and the month's own report, of whichever year: "tháng 12" with none)
            own = {i.report_id for i in infos if i.report_id in own_hits and of_period(i, p)}
            hits = (planned | own) or own_hits
        elif m.as_of:  # on a day: every report read up to it, the month's and the quarter's
            hits = planned or own_hits
        else:
            hits = planned or exact or own_hits
        if not hits and not p.year_known:  # (a figure asked of it is no plan's)
            planned_for = tasks or forecast or not query.wants_figure
            hits = _spanning(store, infos, allowed, m, day, planned_for)
        if hits and report_named(query, m):
            by_name |= hits  # "theo báo cáo tháng 12": that report, whatever else is named
        if hits:
            matched |= hits
        elif strict and (uncovered is None or m.as_of):
            uncovered = day
            unreached = unreached or m.as_of
    if matched:
        allowed &= by_name or matched
    as_of = next(
        (f"{m.day:02d}/{m.period.label}" for m in mentions if m.as_of and m.day and m.period), ""
    )
    everything = reports is None and len(allowed) == len(infos)
    scope = None if everything else frozenset(allowed)
    return Scope(periods, scope, uncovered, bool(matched), as_of, unreached, bodies)


def of_period(info: ReportInfo, p: P.Period) -> bool:
    """The report is of that very period ("tháng 12" with no year: of a December)."""
    own = effective_period(info)
    return own is not None and own.matches(p) and own.months == p.months


_FORECAST = re.compile(
    r"\b(?:uoc (?:dat|tinh|thuc hien|ca)|(?:uoc|du kien|du bao)(?: \w+){0,3} (?:den|toi)|du bao)\b"
)
# (not "chỉ tiêu nào đạt thấp nhất": which of the indicators, as read)
# "đặt ra … phải đạt", "về đích", "tối thiểu" ("ít nhất bao nhiêu", assistant/query.py)
_TARGET = re.compile(
    r"\b(?:muc tieu|chi tieu|phan dau|dat ra|phai dat|ve dich|toi thieu)\b(?! nao)"
)
_MET = re.compile(r"\b(?:đạt|vượt|hoàn thành) (?:mục tiêu|chỉ tiêu)")


def _spanning(
    store: Store,
    infos: list[ReportInfo],
    allowed: set[str],
    m: P.Mention,
    day: P.Period,
    planned: bool,
) -> set[str]:
    """'quý IV' or 'đến 30/11' with no year, that no report has as its own: the report that
    set the tasks for it (a month, a quarter, half a year: a year's plan spans any); of a
    reading on a day, the reports whose longer period spans it (the year's, for 'đến 30/11')."""
    p = m.period
    assert p is not None
    mine = [i for i in infos if i.report_id in allowed]
    if m.as_of:  # (written after the day, or counting to it)
        return {
            i.report_id
            for i in mine
            if (o := effective_period(i)) and P.spans(o, p) and _reaches(store, i, m, day)
        }
    # else none (a month compared with, "so với tháng 10", stays uncovered: its change is told;
    # "tháng 12 thu ngân sách được bao nhiêu?" is no plan: the tasks set for it hold no result)
    if not planned:
        return set()
    tasks = {
        i.report_id: t
        for i in mine
        if (t := _task_period(store, i)) and t.months <= 6 and P.spans(t, p)
    }
    return _narrowest(tasks, p)


def _narrowest(tasks: dict[str, P.Period], asked: P.Period) -> set[str]:
    """The reports that set tasks for that very period, before a quarter's plan that spans
    the month asked ("nhiệm vụ tháng 10": September's report, not the third quarter's)."""
    return {r for r, t in tasks.items() if P.same(t, asked)} or set(tasks)


def _reaches(store: Store, info: ReportInfo, m: P.Mention, month: P.Period) -> bool:
    """A report can tell the situation 'tính đến 31/12' only if it was written after it,
    or counts its figures to that very day ("tính đến hết ngày 19/12/2023" in a report
    signed on the 18th). `month`: the day's month with its year (`_day_month`)."""
    if not (m.as_of and m.day) or not month.year_known:
        return True
    y, mo = month.first
    if len(info.date) < 10 or info.date >= f"{y:04d}-{mo:02d}-{m.day:02d}":
        return True
    return _names_day(store, info, m.day, month)


def _day_month(store: Store, month: P.Period) -> P.Period:
    """The month of "tính đến 15/12": of the newest year with a December report, else of
    the newest year reported on."""
    return P.in_newest_year(month, [i.period for i in store.reports()])


def _names_day(store: Store, info: ReportInfo, day: int, month: P.Period) -> bool:
    """Whether a report writes the day asked ("31/10/2025"; in a year it reports on when
    the month's year is unknown: no report names one) anywhere."""
    own = effective_period(info)
    if not (day and (month.year_known or own)):
        return False
    y, mo = month.first
    years = [y] if month.year_known or own is None else range(own.first[0], own.last[0] + 1)
    year = "|".join(map(str, years))
    report = store.report(info.report_id)
    written = re.compile(rf"(?<!\d)0?{day}\s*/\s*0?{mo}\s*/\s*(?:{year})(?!\d)")
    return report is not None and any(written.search(p.text) for p in report.paragraphs)


def _task_period(store: Store, info: ReportInfo) -> P.Period | None:
    if info.task_period is None:  # an index written before the manifest recorded it
        report = store.report(info.report_id)
        label = report.meta.task_period if report else ""
    else:
        label = info.task_period
    return P.from_label(label) if label else None

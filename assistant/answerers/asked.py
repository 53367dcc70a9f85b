"""The periods a question asks about — its years, the day a situation is asked at, its
months — and whether a unit may answer for them: a 2025 row is no 2024 figure, October's
target for November is no October figure, a count to 10/12 is not the situation at 31/12,
a year's total is no October figure. Read once per question (units.candidates)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.answerers.kinds import AIM_SAID
from assistant.context import Context
from assistant.intent import COMPARISON, SERIES, SUPERLATIVE
from assistant.query import Query
from assistant.scope import effective_period
from index import periods as P
from index import vn


@dataclass(frozen=True)
class Asked:
    """The periods a question names, read once per question: the years, the day a
    situation is asked at ("tính đến 31/12/2025"), and the months."""

    years: frozenset[int]
    as_of: str
    months: tuple[P.Period, ...]
    tasks: bool = False  # asks what is planned: a report's tasks are of its next period
    whole: tuple[P.Period, ...] = ()  # the months with their years ('quý 3': of the newest)
    within: bool = False  # what happened within the month ("riêng trong tháng 11")

    @classmethod
    def of(cls, query: Query, ctx: Context) -> Asked:
        scope = ctx.scope(query)
        named = P.years(query.text if not query.english else query.folded)
        # 'quý 3', 'tháng 12' with no year: of the newest year a report is of
        labels = [i.period for i in ctx.store.reports()]
        resolved = [(p, P.with_newest_year(p, labels)) for p in scope.periods]
        if named:  # "tháng 1/2026 so với tháng 12": December is of 2025, the newest one indexed
            for _, w in resolved:
                if w.year_known:
                    named |= set(range(w.first[0], w.last[0] + 1))
        months = tuple(p for p in scope.periods if p.unit != "year")
        # one figure for the span asked; "tháng nào … nhiều nhất" reads each month's report
        whole = ()
        if query.intent not in (COMPARISON, SUPERLATIVE, SERIES):
            whole = tuple(w for p, w in resolved if p.unit != "year")
        within = _WITHIN.search(" ".join(vn.syllables(query.folded))) is not None
        return cls(frozenset(named), scope.as_of, months, query.about_tasks, whole, within)

    def other_year(self, ctx: Context, report_id: str, head: str) -> bool:
        """The report (and its passage's header) is of none of the years asked — nor, for
        what is planned, is the period its tasks are set for ("tháng 01/2024" in December's)."""
        own = _report_years(ctx, report_id, self.tasks) | P.years(head)
        return bool(self.years) and not self.years & own

    def last_year(self, ctx: Context, report_id: str) -> int | None:
        """The last year the report reports on (None: it states none, or no year is asked)."""
        years = _report_years(ctx, report_id) if self.years else set()
        return max(years, default=None)

    def longer(self, ctx: Context, report_id: str) -> bool:
        """The report covers more than the months asked (the year's report for "tháng 10"):
        its sentences tell those months only when they name them."""
        info = ctx.store.info(report_id)
        own = effective_period(info) if info else None
        asked = [m for m in self.months if m.year_known]
        if own is None or not asked:
            return False
        return all(own.contains(m) and own.months > m.months for m in asked)

    def shorter(self, ctx: Context, report_id: str) -> bool:
        """The report covers fewer months than asked (September's for "quý 3"): its
        sentences tell the quarter only when they name it. A report whose title names the
        span too ("quý II và 6 tháng đầu năm") is of both."""
        info = ctx.store.info(report_id)
        own = effective_period(info) if info else None
        asked = [m for m in self.whole if m.year_known]
        if info is None or own is None or not asked:
            return False
        if any(t.contains(m) for t in _title_periods(info.title, own.last[0]) for m in asked):
            return False
        return all(m.contains(own) and m.months > own.months for m in asked)

    def undated_blind(self, ctx: Context, report_id: str) -> bool:
        """The report cannot tell the day asked by a sentence that names no day: it was
        signed before it ("tính đến 30/11/2025" of a report of 20/11; only a figure it
        dates to that day, an estimate "ước đến 31/12/2025", does), or it is of a later
        period (November's report, whose "đến ngày 31/10/2025 đạt 94,3%" does; its other
        figures are November's)."""
        day, month, year = [*self.as_of.split("/"), "", "", ""][:3]
        info = ctx.store.info(report_id)
        if not (info and info.date and year.isdigit() and day.isdigit() and month.isdigit()):
            return False
        own = effective_period(info)
        later = own is not None and own.first > (int(year), int(month))
        return later or info.date < f"{year}-{int(month):02d}-{int(day):02d}"

    def fits(
        self,
        sentence: str,
        under: str,
        other_year: bool,
        other_span: bool = False,
        undated_blind: bool = False,
        last_year: int | None = None,
    ) -> bool:
        """Whether a sentence (under `under`) may answer for the years, months and day asked:
        "PCI năm 2024" is no answer for "PCI 2023", nor a sentence naming no year in a
        report of another year (`other_year`), nor one naming no month of a report of more
        or fewer months than asked (`other_span`: a year's total, a month's count); "đến
        ngày 10/12/2025" does not tell the situation at 31/12, nor a sentence naming no day
        of a report that cannot tell it so (`undated_blind`); October's target for November
        is no October figure. `last_year`: the last year the unit's report is of."""
        named = P.years(f"{sentence} {under}") if self.years else set()
        # a year the unit reports on ("PCI năm 2024") outweighs a date it was published on
        # ("công bố ngày 06/5/2025"); with none, its dates may say which year it is about.
        # A year it only compares with ("tăng 10,0% so với cùng kỳ năm 2025") is its
        # report's own year's figure, when that year is asked
        reported = P.years(_AGAINST_YEAR.sub(" ", f"{sentence} {under}")) if named else set()
        # a year after the report's own ("khám sức khỏe nghĩa vụ quân sự năm 2026" in
        # December 2025's) is what the work done is for, not the year it reports on — unless
        # the sentence aims at it ("Tỷ lệ tốt nghiệp THPT năm 2026 đạt từ 99,5% trở lên")
        if last_year is not None and not (AIM_SAID.search(sentence) or _AIMS_TOO.search(sentence)):
            reported = {y for y in reported if y <= last_year}
        if named and not self.years & named and (reported or other_year):
            return False
        if other_year and len(named) > 1 and not self.years & P.years(_BRACKETS.sub(" ", sentence)):
            return False  # "Dự toán … năm 2025 là … (gồm … vốn năm 2024 chuyển sang …)": 2025's
        if not named and other_year and not self.years & P.dated_years(sentence):
            return False
        if not (self.as_of or self.months):
            return True
        # a "+ …" item or a footnote is dated by the line it details; a month it only compares
        # with ("giảm 12,9% so với tháng 10") is none it reports on
        found = P.mentions(_AGAINST_MONTH.sub(" ", sentence))
        if under and not any(m.period for m in found):
            found = [*found, *P.mentions(under)]
        if self.as_of and not _counts_to(found, self.as_of, undated_blind):
            return False
        if other_span and not _names(found, self.months, as_of=not self.within):
            return False  # a year's total is no October figure, September's no quarter's
            # (nor, within the month, its running total "đến 30/11": "trong tháng 11" is)
        return not self.months or _about(found, self.months)


# besides a figure aimed at (kinds.AIM_SAID): a bound or a plan's words
_AIMS_TOO = re.compile(r"trở lên|định hướng|nhiệm vụ|dự toán", re.I)


@lru_cache(maxsize=1024)
def _title_periods(title: str, year: int) -> tuple[P.Period, ...]:
    """The periods a report's title names ("quý II và 6 tháng đầu năm"), of `year` when it
    names none: read once a title, not once a hit."""
    return tuple(
        t if t.year_known else t.with_year(year)
        for m in P.mentions(title)
        if (t := m.period) is not None
    )


# "so với tháng trước", "thấp hơn cùng kỳ năm 2024 là 23,4 ha": a change told from that period
_LAST_MONTH = re.compile(r"(?:so với|hơn) (?:tháng|quý|kỳ) trước", re.I)
_SAME_TIME = re.compile(r"(?:so với|hơn|bằng) cùng kỳ", re.I)


def unmet_month(query: Query, ctx: Context, quoted: list[tuple[str, str]]) -> P.Period | None:
    """Of the two months (or years) a comparison names, the one no quoted (report id,
    sentence) is of: a November figure alone does not say how December compared with it,
    nor a 2025 figure how 2025 compared with 2024. The later month's own "so với tháng
    trước" answers for the month before it too, its "so với cùng kỳ" for the month a year
    before."""
    if query.intent != COMPARISON:
        return None
    labels = [i.period for i in ctx.store.reports()]
    named = [P.in_newest_year(p, labels) for p in ctx.scope(query).periods]
    # two months, two quarters ("quý III so với quý II") or two years
    pairs = ({p for p in named if p.unit == unit} for unit in ("month", "quarter", "year"))
    if (months := next((two for two in pairs if len(two) == 2), None)) is None:
        return None
    told: set[P.Period] = set()
    for report_id, sentence in quoted:
        info = ctx.store.info(report_id)
        if info and (own := effective_period(info)) is not None:
            told.add(own)
            if _LAST_MONTH.search(sentence):
                told.add(own.previous())
            if _SAME_TIME.search(sentence):  # "bằng 112,6% so với cùng kỳ": a year before
                told.add(own.shift(-12))
            told |= _months_compared(sentence, own)
    unmet = [
        m for m in sorted(months, key=lambda p: p.first) if not any(t.matches(m) for t in told)
    ]
    return unmet[0] if unmet else None


_COMPARED_WITH = re.compile(r"(?:so với|hơn)\s*$", re.I)


def _months_compared(sentence: str, own: P.Period) -> set[P.Period]:
    """The months a sentence sets its figure against by name ("giảm 10,5% so với tháng 10
    (612.400 lượt)"), read by the one period parser: of its report's year, or the year
    before for a later month."""
    text = vn.nfc(sentence)
    out = set()
    for m in P.mentions(text):
        p = m.period
        if p is None or p.unit != "month" or not _COMPARED_WITH.search(text[: m.start]):
            continue
        if not p.year_known and own.year_known:
            p = p.with_year(own.last[0] - (p.first[1] > own.last[1]))
        if p.year_known:
            out.add(p)
    return out


def _report_years(ctx: Context, report_id: str, tasks: bool = False) -> set[int]:
    """The years a report reports on (its period's, and its tasks' when `tasks`), empty
    when it states none."""
    info = ctx.store.info(report_id)
    if info is None:
        return set()
    periods = [effective_period(info)]
    if tasks and info.task_period:
        periods.append(P.from_label(info.task_period))
    return {y for p in periods if p and p.year_known for y in range(p.first[0], p.last[0] + 1)}


def counts_to(text: str, as_of: str) -> bool:
    """Whether a unit that counts its figures to a day ("tính đến hết ngày 15/12/2025")
    counts them to the day asked ("31/12/2025"; "15/12/*" when the year was not said);
    a unit that names no such day may."""
    return _counts_to(P.mentions(text), as_of)


def _counts_to(found: list[P.Mention], as_of: str, dated_only: bool = False) -> bool:
    """`dated_only`: a unit naming no day does not count to it either."""
    days = [f"{m.day:02d}/{m.period.label}" for m in found if m.as_of and m.day and m.period]
    if not days:
        return not dated_only
    day, _, year = as_of.rpartition("/")
    return any(d == as_of or (year == "*" and d.rpartition("/")[0] == day) for d in days)


_AGAINST_YEAR = re.compile(
    r"(?:cùng kỳ|cùng thời điểm|so với)(?: năm)? \d{4}(?: \([^()]*\))?", re.I
)
_AGAINST_MONTH = re.compile(
    r"so với (?:tháng|quý) (?:\d{1,2}|[IV]{1,3})(?:/\d{4}| năm \d{4})?(?: \([^()]*\))?", re.I
)
_BRACKETS = re.compile(r"\([^()]*\)")  # a breakdown of what the sentence reports
# within a month, not to a day of it ("riêng trong tháng 11", "trong tháng 11 tiêu được")
_WITHIN = re.compile(r"\b(?:rieng|trong) thang\b")


def _months_named(found: list[P.Mention], as_of: bool = True) -> list[P.Period]:
    """The months, quarters and spans a unit names (not its years; with `as_of` False, not
    the days it counts to either)."""
    return [
        m.period
        for m in found
        if m.period is not None and m.period.unit != "year" and (as_of or not m.as_of)
    ]


def _names(found: list[P.Mention], asked: tuple[P.Period, ...], as_of: bool = True) -> bool:
    """Whether a unit names one of the months asked (with `as_of` False, not as the day it
    counts to)."""
    return any(n.matches(a) for n in _months_named(found, as_of) for a in asked)


def _about(found: list[P.Mention], asked: tuple[P.Period, ...]) -> bool:
    """Whether a unit may be about the months asked: it names none, or one of them."""
    named = _months_named(found, as_of=False)
    return not named or any(n.matches(a) for n in named for a in asked)

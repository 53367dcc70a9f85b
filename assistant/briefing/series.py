"""Which reports a briefing compares: the report of period P of one issuer, and the
previous report of the same series (same issuer, same length of period), from the
records registry's list of reports."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from index import labels, vn
from index import periods as P
from index.record_keys import issuer_key
from index.registry import Registry, ReportRow


class BriefingError(ValueError):
    """A briefing that cannot be made, with the reason in Vietnamese for the user."""


@dataclass(frozen=True)
class Series:
    issuer: str
    reports: tuple[ReportRow, ...]  # the series up to the current report, oldest first
    current: ReportRow
    previous: ReportRow | None
    others: tuple[str, ...] = ()  # other issuers with a report of the same period

    @property
    def ids(self) -> list[str]:
        return [r.report_id for r in self.reports]


def _rows(registry: Registry, reports: Collection[str] | None) -> list[ReportRow]:
    return [r for r in registry.reports() if reports is None or r.report_id in reports]


def _same_issuer(a: str, b: str) -> bool:
    return issuer_key(a) == issuer_key(b)


def _named(row: ReportRow, issuer: str) -> bool:
    """Whether `issuer` (words of a name, any spelling) names the row's issuer."""
    return f" {issuer_key(issuer)} " in f" {issuer_key(row.issuer)} "


def parse_period(text: str, registry: Registry, reports: Collection[str] | None = None) -> P.Period:
    """A period as typed ('10/2025', 'tháng 10/2025', 'T10'); a month without its year is
    the newest indexed month of that number."""
    found = P.exactly(text) or P.parse(text)
    if found is not None and not found.year_known:
        found = P.with_newest_year(found, [r.period for r in _rows(registry, reports)])
        found = found if found.year_known else None
    if found is None:
        raise BriefingError(
            f"Không hiểu kỳ “{text[:40]}”; hãy viết như 10/2025 hoặc tháng 10/2025."
        )
    return found


def find_series(
    registry: Registry,
    period: P.Period,
    issuer: str | None = None,
    reports: Collection[str] | None = None,
) -> Series:
    """The report of `period` (of `issuer` when given; else the issuer with the longest
    series, newest report on a tie) and the series it belongs to."""
    rows = _rows(registry, reports)
    mine = [r for r in rows if P.from_label(r.period) == period]
    if issuer:
        mine = [r for r in mine if _named(r, issuer)]
    if not mine:
        have = ", ".join(dict.fromkeys(r.period for r in rows if r.period)) or "không có"
        who = f" của “{issuer}”" if issuer else ""
        raise BriefingError(
            f"Chưa có báo cáo kỳ {period.label}{who} trong các báo cáo đã nạp (các kỳ có: {have})."
        )

    def series_of(row: ReportRow) -> list[ReportRow]:
        months = period.months
        same = [
            r
            for r in rows
            if _same_issuer(r.issuer, row.issuer)
            and (p := P.from_label(r.period)) is not None
            and p.months == months
            and p.last <= period.last
        ]
        return sorted(same, key=lambda r: (P.bounds(r.period) or ("", ""), r.date))

    current = max(mine, key=lambda r: (len(series_of(r)), r.date))
    by_period: dict[str, ReportRow] = {}  # one report a period: of two copies, the newer
    for r in series_of(current):
        if (p := P.from_label(r.period)) is not None and p.last < period.first:
            by_period[r.period] = r
    before = list(by_period.values())
    previous = _closest(before, current, rows) if before else None
    if previous is not None:
        before[-1] = previous
    others = tuple(
        dict.fromkeys(r.issuer for r in mine if not _same_issuer(r.issuer, current.issuer))
    )
    return Series(current.issuer, (*before, current), current, previous, others)


def _closest(before: list[ReportRow], current: ReportRow, rows: list[ReportRow]) -> ReportRow:
    """The latest earlier report; of two of that period, the one titled most alike."""
    same = [
        r for r in rows if r.period == before[-1].period and _same_issuer(r.issuer, current.issuer)
    ]
    words = set(vn.match_key(labels.short_title(current.title)).split())
    return max(same, key=lambda r: (len(words & set(vn.match_key(r.title).split())), r.date))


def briefing_periods(
    registry: Registry, issuer: str | None = None, reports: Collection[str] | None = None
) -> list[str]:
    """Periods with a report (of `issuer`), newest first: what a briefing can be made of."""
    rows = [r for r in _rows(registry, reports) if not issuer or _named(r, issuer)]
    known = {r.period for r in rows if P.from_label(r.period) is not None}
    return sorted(known, key=lambda p: P.bounds(p) or ("", ""), reverse=True)


def issuers(registry: Registry, reports: Collection[str] | None = None) -> list[str]:
    """The issuers with reports, the one with most reports first."""
    counts: dict[str, tuple[int, str]] = {}
    for r in _rows(registry, reports):
        key = issuer_key(r.issuer)
        n, _ = counts.get(key, (0, r.issuer))
        counts[key] = (n + 1, r.issuer)
    return [name for _, name in sorted(counts.values(), key=lambda x: (-x[0], x[1]))]

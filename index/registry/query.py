"""Reading the registry: the reports, a project's stages over time, the tasks set for a
period, a measure over the months (documents: documents.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from index import periods as P
from index import vn
from index.measure_keys import measure_words, normalize_unit
from index.record_keys import issuer_key, project_groups
from index.records import Figure, Project, Task
from index.registry.figures import choose_series, rank_issuers, score_figures
from index.registry.projects import (
    ProjectRow,
    find_projects,
    node,
    project,
    project_row,
)
from index.registry.schema import Database, ReportRow, report_filters


class Queries(Database):
    """Lookups across reports, each narrowed by report, period and allowed report ids."""

    def reports(self) -> list[ReportRow]:
        with self._connect() as con:
            rows = con.execute(
                "SELECT report_id, number, date, period, task_period, issuer, source, title "
                "FROM reports ORDER BY period_end, date"
            ).fetchall()
        return [ReportRow(**dict(r)) for r in rows]

    def project_timeline(
        self,
        search: str,
        report: str | None = None,
        period: str | None = None,
        reports: Collection[str] | None = None,
        issuer: str | None = None,
    ) -> list[Project]:
        """Mentions of the project `search` names, under every name it goes by (see
        index/record_keys.py), newest report first, in report order within a report. A
        project's own name finds that project alone; other words find every project
        holding them (spelling-tolerant). `issuer` (words of its name) keeps one body's."""
        mentions, groups = self._project_mentions(reports)
        chosen = find_projects(search, mentions, groups)
        if issuer:
            want = f" {issuer_key(issuer)} "
            chosen = {pid for pid in chosen if want in f" {pid[0]} "}
        if not chosen:
            return []
        scope = self._report_ids(report, period, reports)
        return [
            project(m) for m in mentions if node(m, groups) in chosen and m["report_id"] in scope
        ]

    def projects(
        self,
        search: str | None = None,
        report: str | None = None,
        period: str | None = None,
        reports: Collection[str] | None = None,
    ) -> list[ProjectRow]:
        """Every project once, with the stage its latest report puts it in and the names
        it was joined from, newest first."""
        mentions, groups = self._project_mentions(reports)
        chosen = find_projects(search, mentions, groups) if search else None
        scope = self._report_ids(report, period, reports)
        by_project: dict[tuple[str, str], list[sqlite3.Row]] = {}
        for m in mentions:
            pid = node(m, groups)
            if m["report_id"] in scope and (chosen is None or pid in chosen):
                by_project.setdefault(pid, []).append(m)
        rows = [project_row(pid[1], ms) for pid, ms in by_project.items()]
        order = {m["report_id"]: i for i, m in enumerate(mentions)}
        return sorted(rows, key=lambda r: (order[r.report_id], vn.fold(r.name)))

    def _project_mentions(
        self, reports: Collection[str] | None
    ) -> tuple[list[sqlite3.Row], dict[tuple[str, str], str]]:
        """Every mention (with its report's issuer, number and period), newest report
        first, and which project each (issuer, key) belongs to."""
        where, args = report_filters(None, None, reports)
        with self._connect() as con:
            rows = con.execute(
                "SELECT m.*, r.issuer AS report_issuer, r.number AS report_number, "
                "r.period AS report_period FROM project_mentions m JOIN reports r "
                f"USING (report_id) WHERE 1=1{where} "
                "ORDER BY r.period_end DESC, r.date DESC, m.report_id, m.seq",
                args,
            ).fetchall()
        return rows, project_groups((r["report_issuer"], r["key"], r["name"]) for r in rows)

    def _report_ids(
        self, report: str | None, period: str | None, reports: Collection[str] | None
    ) -> set[str]:
        where, args = report_filters(report, period, reports)
        with self._connect() as con:
            return {
                r[0] for r in con.execute(f"SELECT report_id FROM reports r WHERE 1=1{where}", args)
            }

    def task_periods(self, reports: Collection[str] | None = None) -> list[str]:
        """Periods tasks were set for: those a later report covers first, newest first."""
        where, args = report_filters(None, None, reports)
        with self._connect() as con:
            rows = con.execute(f"SELECT period, task_period FROM reports r WHERE 1=1{where}", args)
            pairs = rows.fetchall()
        reported = {p for p, _ in pairs}

        def key(p: str) -> tuple:
            bounds = P.bounds(p) or ("", "")
            return (p in reported, bounds[1], bounds[0])

        return sorted({t for _, t in pairs if t}, key=key, reverse=True)

    def tasks(
        self,
        period: str | None = None,
        report: str | None = None,
        field: str | None = None,
        reports: Collection[str] | None = None,
    ) -> list[Task]:
        """Tasks set for `period` (a month, quarter, year or range), in report order."""
        bounds = P.bounds(period) if period else None
        where, args = report_filters(report, None, reports)
        with self._connect() as con:
            rows = con.execute(
                "SELECT t.* FROM tasks t JOIN reports r USING (report_id) "
                f"WHERE 1=1{where} ORDER BY r.period_end, r.date, t.report_id, t.seq",
                args,
            ).fetchall()
        out = []
        for r in rows:
            tb = P.bounds(r["target_period"])
            if bounds and (not tb or tb[0] < bounds[0] or tb[1] > bounds[1]):
                continue
            if field and vn.fold(field) not in vn.fold(r["field"]):
                continue
            out.append(Task(**{k: r[k] for k in Task.__dataclass_fields__}))
        return out

    def figures_of(self, report_id: str) -> list[Figure]:
        """Every figure of one report, in the order it was extracted (paragraphs in reading
        order, then footnotes): what a comparison of two whole reports starts from."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT * FROM figures WHERE report_id = ? ORDER BY seq", (report_id,)
            ).fetchall()
        return [_figure(r) for r in rows]

    def figure_series(
        self,
        measure: str,
        unit: str | None = None,
        report: str | None = None,
        period: str | None = None,
        planned: bool = False,
        issuer: str | None = None,
        reports: Collection[str] | None = None,
        all_issuers: bool = False,
    ) -> list[Figure]:
        """The figure of each report that best holds `measure` (index/measure_keys.py),
        oldest period first. A series is one measure in one unit, as the best and most
        recent match words it (every value must match that wording too), of one issuer:
        the one `issuer` names (words of its name), else the best match's; `all_issuers`
        keeps every issuer's reports."""
        scored = self._figure_matches(measure, unit, report, period, planned, reports)
        return [_figure(r) for r in choose_series(scored, issuer, all_issuers)]

    def figure_issuers(
        self,
        measure: str,
        unit: str | None = None,
        report: str | None = None,
        period: str | None = None,
        planned: bool = False,
        reports: Collection[str] | None = None,
    ) -> list[str]:
        """The issuers with figures of `measure`, best and most recent match first: whose
        series `figure_series` could give."""
        return rank_issuers(self._figure_matches(measure, unit, report, period, planned, reports))

    def _figure_matches(
        self,
        measure: str,
        unit: str | None,
        report: str | None,
        period: str | None,
        planned: bool,
        reports: Collection[str] | None,
    ) -> list[tuple[float, sqlite3.Row]]:
        """(score, figure row with its report's period, date and issuer) of every figure
        of `measure` (in `unit`, written any way)."""
        want = measure_words(measure)
        if not want:
            return []
        unit = normalize_unit(unit) if unit else None
        where, args = report_filters(report, period, reports)
        with self._connect() as con:
            rows = con.execute(
                "SELECT f.*, r.period_end, r.date, r.issuer FROM figures f "
                f"JOIN reports r USING (report_id) WHERE 1=1{where}"
                + ("" if planned else " AND f.planned = 0"),
                args,
            ).fetchall()
        return score_figures(want, rows, unit)


def _figure(r: sqlite3.Row) -> Figure:
    fields = {k: r[k] for k in Figure.__dataclass_fields__}
    fields["planned"] = bool(fields["planned"])
    return Figure(**fields)

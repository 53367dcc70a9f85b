"""The registry's SQLite schema and its connection: one short connection per call, so a
Registry is safe to share between threads and processes."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from index import periods as P

SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY, number TEXT, number_key TEXT, date TEXT, period TEXT,
    period_start TEXT, period_end TEXT, task_period TEXT, issuer TEXT, source TEXT,
    title TEXT, version TEXT);
CREATE TABLE IF NOT EXISTS documents (
    report_id TEXT, seq INTEGER, type TEXT, number TEXT, key TEXT, digits TEXT, date TEXT,
    issuer TEXT, about TEXT, section TEXT, paragraph INTEGER, footnote INTEGER, passage TEXT);
CREATE INDEX IF NOT EXISTS documents_key ON documents(key);
CREATE INDEX IF NOT EXISTS documents_digits ON documents(digits);
CREATE TABLE IF NOT EXISTS projects (
    report_id TEXT, key TEXT, name TEXT, stage TEXT, mentions INTEGER,
    PRIMARY KEY (report_id, key));
CREATE TABLE IF NOT EXISTS project_mentions (
    report_id TEXT, seq INTEGER, key TEXT, name TEXT, stage TEXT, planned INTEGER,
    amounts TEXT, clause TEXT, section TEXT, paragraph INTEGER, footnote INTEGER, passage TEXT);
CREATE INDEX IF NOT EXISTS project_mentions_key ON project_mentions(key);
CREATE TABLE IF NOT EXISTS tasks (
    report_id TEXT, seq INTEGER, field TEXT, text TEXT, details TEXT, target_period TEXT,
    section TEXT, paragraph INTEGER, passage TEXT);
CREATE TABLE IF NOT EXISTS figures (
    report_id TEXT, seq INTEGER, measure TEXT, measure_key TEXT, value REAL, raw TEXT,
    unit TEXT, numerator REAL, denominator REAL, period TEXT, planned INTEGER, section TEXT,
    paragraph INTEGER, footnote INTEGER, passage TEXT);
"""
RECORD_TABLES = ("documents", "projects", "project_mentions", "tasks", "figures")


@dataclass(frozen=True)
class ReportRow:
    report_id: str
    number: str
    date: str
    period: str
    task_period: str
    issuer: str
    source: str
    title: str


class Database:
    """records.sqlite at `path`, its tables created on first use."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.executescript(SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        con.row_factory = sqlite3.Row
        try:
            yield con
        finally:
            con.close()


def report_filters(
    report: str | None, period: str | None, reports: Collection[str] | None = None
) -> tuple[str, list]:
    """SQL (on reports r) for the report and period filters and the allowed report ids."""
    where, args = "", []
    if reports is not None:
        ids = list(dict.fromkeys(reports))
        where += f" AND r.report_id IN ({','.join('?' * len(ids))})" if ids else " AND 0"
        args += ids
    if report:
        where += " AND (r.report_id = ? OR r.number = ?)"
        args += [report, report]
    if period and (bounds := P.bounds(period)):
        where += " AND r.period_start >= ? AND r.period_end <= ?"
        args += list(bounds)
    return where, args

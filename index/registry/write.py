"""Writing the registry: one report's records replaced in one transaction, and the
registry brought in step with the manifest (`reconcile`) after a commit or a crash."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, fields

from index import periods as P
from index.model import Report, ReportMeta
from index.records import (
    EXTRACTOR_VERSION,
    DocumentRef,
    Figure,
    Project,
    Records,
    Task,
    doc_number_key,
    extract,
    report_stage,
)
from index.registry.schema import RECORD_TABLES, Database


class Writes(Database):
    """Each write is one transaction; the manifest stays the commit point."""

    def replace_report(
        self,
        report_id: str,
        meta: ReportMeta,
        records: Records,
        source: str = "",
        version: str = "",
    ) -> None:
        """Swap one report's records for `records`, in one transaction."""
        bounds = P.bounds(meta.period) or ("", "")
        by_key: dict[str, list[Project]] = {}
        for p in records.projects:
            by_key.setdefault(p.key, []).append(p)
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                _delete(con, report_id)
                con.execute(
                    "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        report_id,
                        meta.number,
                        doc_number_key(meta.number) if meta.number else "",
                        meta.date,
                        meta.period,
                        bounds[0],
                        bounds[1],
                        meta.task_period,
                        meta.issuer,
                        source,
                        meta.title,
                        version,
                    ),
                )
                con.executemany(
                    "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    _numbered(records.documents),
                )
                con.executemany(
                    "INSERT INTO projects VALUES (?,?,?,?,?)",
                    [
                        (report_id, k, ms[0].name, report_stage(ms), len(ms))
                        for k, ms in by_key.items()
                    ],
                )
                con.executemany(
                    "INSERT INTO project_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        (
                            p.report_id,
                            i,
                            p.key,
                            p.name,
                            p.stage,
                            p.planned,
                            json.dumps([asdict(a) for a in p.amounts], ensure_ascii=False),
                            p.clause,
                            p.section,
                            p.paragraph,
                            p.footnote,
                            p.passage,
                        )
                        for i, p in enumerate(records.projects)
                    ],
                )
                con.executemany(
                    "INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?)", _numbered(records.tasks)
                )
                con.executemany(
                    "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    _numbered(records.figures),
                )
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def remove_report(self, report_id: str) -> None:
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")
            _delete(con, report_id)
            con.execute("COMMIT")

    def versions(self) -> dict[str, str]:
        with self._connect() as con:
            return dict(con.execute("SELECT report_id, version FROM reports").fetchall())

    def reconcile(self, live: dict[str, str], load: Callable[[str], Report | None]) -> list[str]:
        """Bring the registry in step with the manifest: `live` maps each committed report
        id to its version; `load` gives its stored Report. Returns the ids it could not
        extract (left out, retried next time)."""
        have = self.versions()
        for rid in have.keys() - live.keys():
            self.remove_report(rid)
        failed = []
        for rid, version in live.items():
            tagged = f"{version}+x{EXTRACTOR_VERSION}"
            if have.get(rid) == tagged:
                continue
            report = load(rid)
            try:
                if report is None:
                    raise LookupError(rid)
                records = extract(report, rid)
            except Exception:  # records are secondary: never fail the store over them
                failed.append(rid)
                continue
            self.replace_report(rid, report.meta, records, report.source, tagged)
        return failed


def _numbered(items: tuple[DocumentRef, ...] | tuple[Task, ...] | tuple[Figure, ...]) -> list:
    """Rows of a table laid out as its record with `seq` after `report_id`."""
    return [
        (x.report_id, i, *(getattr(x, f.name) for f in fields(x)[1:])) for i, x in enumerate(items)
    ]


def _delete(con: sqlite3.Connection, report_id: str) -> None:
    for table in (*RECORD_TABLES, "reports"):
        con.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))

"""Reading the registry's documents: a document by any spelling of its number or by
words of what it is about; a report's own number finds the report."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection

from index import vn
from index.records import DocumentRef, doc_number_key, documents_in, match_key
from index.registry.schema import Database, report_filters


def parse_number_query(text: str) -> tuple[str, str, str]:
    """(full key, bare digits, type) of a number however it is written: '3090/QĐ-UBND',
    '3090/qd-ubnd', 'QĐ 3090', 'quyet dinh 3090', '3090'."""
    text = vn.nfc(text).strip()
    if found := documents_in(text):
        return doc_number_key(found[0].group(0)), found[0].group("digits"), ""
    if m := re.search(r"(?<![\w/])(\d{1,5})(?:\s*/\s*\d{4})?\s*[/-]\s*[^\W\d_][^\s,;]*", text):
        return doc_number_key(m.group(0)), m.group(1), ""
    folded = vn.fold(text)
    # "QĐ 3090", "quyet dinh so 3090": the type, then the number
    for words, kind in vn.LOOSE_DOC_TYPES:
        if m := re.search(rf"\b(?:{words})\s*(?:so\s*)?:?\s*(\d{{1,5}})\b(?!\s*/)", folded):
            return "", m.group(1), kind
    m = re.fullmatch(r"\s*(?:so\s*)?:?\s*(\d{1,5})\s*", folded)  # a bare "3090"
    return "", m.group(1) if m else "", ""


class DocumentQueries(Database):
    """Documents across reports, narrowed by report, period, issuer and allowed report ids."""

    def find_documents(
        self,
        number: str | None = None,
        search: str | None = None,
        report: str | None = None,
        issuer: str | None = None,
        period: str | None = None,
        reports: Collection[str] | None = None,
    ) -> list[DocumentRef]:
        """Documents by number (any spelling) and/or words of what they are about, newest
        report first. A report's own number finds the report itself (type Báo cáo).
        `reports`, when given, are the only report ids looked in."""
        where, args = report_filters(report, period, reports)
        out: list[DocumentRef] = []
        with self._connect() as con:
            if number:
                key, digits, kind = parse_number_query(number)
                if not key and not digits:
                    return []
                clause = "d.key = ?" if key else "d.digits = ?"
                rows = con.execute(
                    f"SELECT d.* FROM documents d JOIN reports r USING (report_id) "
                    f"WHERE {clause}{where} ORDER BY r.period_end DESC, r.date DESC, d.seq",
                    [key or digits, *args],
                ).fetchall()
                if kind and not key:
                    rows = [r for r in rows if r["type"] == kind]
                out = [_document(r) for r in rows]
                out += self._reports_numbered(con, key, digits, kind, where, args)
            else:
                rows = con.execute(
                    "SELECT d.* FROM documents d JOIN reports r USING (report_id) "
                    f"WHERE 1=1{where} ORDER BY r.period_end DESC, r.date DESC, d.seq",
                    args,
                ).fetchall()
                out = [_document(r) for r in rows]
        if search:
            words = set(match_key(search).split())
            out = [
                d
                for d in out
                if words <= set(match_key(f"{d.about} {d.passage} {d.number}").split())
            ]
        if issuer:
            want = match_key(issuer)
            out = [d for d in out if want in match_key(d.issuer)]
        return out

    def _reports_numbered(
        self, con: sqlite3.Connection, key: str, digits: str, kind: str, where: str, args: list
    ) -> list[DocumentRef]:
        if kind and kind != "Báo cáo":
            return []
        rows = con.execute(f"SELECT * FROM reports r WHERE 1=1{where}", args).fetchall()
        hits = [
            r
            for r in rows
            if r["number"]
            and (r["number_key"] == key or (not key and r["number"].split("/")[0] == digits))
        ]
        return [
            DocumentRef(
                r["report_id"],
                "Báo cáo",
                r["number"],
                r["number_key"],
                r["number"].split("/")[0],
                r["date"],
                r["issuer"],
                r["title"],
                "",
                None,
                None,
                r["title"],
            )
            for r in hits
        ]


def _document(r: sqlite3.Row) -> DocumentRef:
    return DocumentRef(**{k: r[k] for k in DocumentRef.__dataclass_fields__})

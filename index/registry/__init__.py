"""The records of every committed report in one SQLite file beside the vector index
(records.sqlite), for questions across reports: a decision by any spelling of its number,
a project's stages over time, last month's tasks, a measure over the months.

The manifest stays the commit point. The store brings the registry in step right after
each commit; `reconcile` also repairs it when a process died in between, so it can lag the
manifest for a moment but never contradicts it for long. Each write is one transaction.
"""

from __future__ import annotations

from index.records import EXTRACTOR_VERSION
from index.registry.documents import DocumentQueries, parse_number_query
from index.registry.projects import ProjectName, ProjectRow
from index.registry.query import Queries
from index.registry.schema import ReportRow
from index.registry.write import Writes

__all__ = [
    "EXTRACTOR_VERSION",
    "ProjectName",
    "ProjectRow",
    "Registry",
    "ReportRow",
    "parse_number_query",
]


class Registry(Writes, DocumentQueries, Queries):
    """Records of all reports, in SQLite at `path` (index/registry/schema.py): written by
    write.py, read by documents.py and query.py."""

"""Records extracted from one report at ingest: the documents it cites, the projects it
mentions and the stage each mention puts them in, the tasks of its next-period part, and
its figures with unit and measure.

`extract` is a pure function of a Report. Every record keeps where it came from (section,
paragraph or footnote) and the exact passage, so an answer built on records can be cited.
Matching keys are folded (vn.fold), never what is shown.
"""

from __future__ import annotations

from index.model import Report
from index.records.common import task_sections
from index.records.documents import DOC_TYPES, extract_documents
from index.records.figures import extract_figures
from index.records.model import Amount, DocumentRef, Figure, Project, Records, Task
from index.records.projects import extract_projects, report_stage, stage_of
from index.records.tasks import extract_tasks, field_of, section_fields
from index.vn import doc_number_key, documents_in, match_key

__all__ = [
    "DOC_TYPES",
    "EXTRACTOR_VERSION",
    "Amount",
    "DocumentRef",
    "Figure",
    "Project",
    "Records",
    "Task",
    "doc_number_key",
    "documents_in",
    "extract",
    "field_of",
    "match_key",
    "report_stage",
    "section_fields",
    "stage_of",
    "task_sections",
]  # fmt: skip

# Bumped whenever extraction changes, so the registry re-extracts stored reports.
# 2: project keys drop "Dự án" and the issuer's own locality; subjects end at their clause;
#    more spellings of money and area units.
EXTRACTOR_VERSION = 2


def extract(report: Report, report_id: str) -> Records:
    """Every record of one report. Pure: the same report always gives the same records."""
    planned = task_sections(report)
    return Records(
        documents=tuple(extract_documents(report, report_id)),
        projects=tuple(extract_projects(report, report_id, planned)),
        tasks=tuple(extract_tasks(report, report_id, planned)),
        figures=tuple(extract_figures(report, report_id, planned)),
    )

"""What a front end needs of the assistant and the index, in one place: the web app
(assistant/webui/) imports this package, assistant.settings and nothing else of ours, so
the layers below can move without it noticing (tests/index/test_layering.py).

    snapshot = take_snapshot(settings, embedder, token)   # one request's view of the index
    ask(answerer, snapshot, question) / ask_stream(…) / summarize(snapshot, report_id)
    snapshot.store.reports() · ingest_file(store, path, …) · store.remove(id) · reindex(…)

Mostly the names below are the modules' own, re-exported; renamed only where two would
clash or say too little here (BRIEFING_SECTIONS, briefing_issuers, export_briefing_*,
distinct_labels, period_of_label, cached_ocr_page, rotate_page, TASK_STATUS_VN)."""

from assistant.answerers.records import STATUS_VN as TASK_STATUS_VN
from assistant.answerers.records import (
    figure_series,
    lookup_document,
    project_timeline,
    task_followup,
)
from assistant.api.answers import ask, ask_stream, summarize
from assistant.api.reports import open_store, reading_scans, reindex
from assistant.api.snapshot import Snapshot, commit_token, take_snapshot
from assistant.briefing import SECTIONS as BRIEFING_SECTIONS
from assistant.briefing import Briefing, BriefingError, briefing_periods, build_briefing
from assistant.briefing import issuers as briefing_issuers
from assistant.briefing.export import export_docx as export_briefing_docx
from assistant.briefing.export import export_markdown as export_briefing_markdown
from assistant.cite import Answer, Citation, caption
from assistant.dialogue import Turn, resolve
from assistant.docx_export import add_sources, word_safe
from assistant.render import escape_md
from assistant.retrieve import Hit, HybridRetriever
from assistant.route import Assistant, make_assistant, too_long
from index.chunk import chunk_report
from index.embed import Embedder, make_embedder
from index.errors import IngestError
from index.ingest import IngestResult, Progress, ingest_file, ingest_paths
from index.labels import date_phrase, period_phrase, short_issuer, shown_number
from index.labels import distinct as distinct_labels
from index.model import Report
from index.ocr import OcrOptions, OcrPage, OcrWord
from index.ocr import cached_page as cached_ocr_page
from index.ocr_image import rotate as rotate_page
from index.ocr_image import upscale_small
from index.parse import parse_bytes, read_file, supported_suffixes
from index.periods import from_label as period_of_label
from index.registry import parse_number_query
from index.store import ReportInfo, Store
from index.vn import (
    documents_in,
    fold,
    footnote_markers,
    format_number,
    sentences,
    strip_markers,
    syllables,
)

__all__ = [
    "BRIEFING_SECTIONS",
    "TASK_STATUS_VN",
    "Answer",
    "Assistant",
    "Briefing",
    "BriefingError",
    "Citation",
    "Embedder",
    "Hit",
    "HybridRetriever",
    "IngestError",
    "IngestResult",
    "OcrOptions",
    "OcrPage",
    "OcrWord",
    "Progress",
    "Report",
    "ReportInfo",
    "Snapshot",
    "Store",
    "Turn",
    "add_sources",
    "ask",
    "ask_stream",
    "briefing_issuers",
    "briefing_periods",
    "build_briefing",
    "cached_ocr_page",
    "caption",
    "chunk_report",
    "commit_token",
    "date_phrase",
    "distinct_labels",
    "documents_in",
    "escape_md",
    "export_briefing_docx",
    "export_briefing_markdown",
    "figure_series",
    "fold",
    "footnote_markers",
    "format_number",
    "ingest_file",
    "ingest_paths",
    "lookup_document",
    "make_assistant",
    "make_embedder",
    "open_store",
    "parse_bytes",
    "parse_number_query",
    "period_of_label",
    "period_phrase",
    "project_timeline",
    "read_file",
    "reading_scans",
    "reindex",
    "resolve",
    "rotate_page",
    "sentences",
    "short_issuer",
    "shown_number",
    "strip_markers",
    "summarize",
    "supported_suffixes",
    "syllables",
    "take_snapshot",
    "task_followup",
    "too_long",
    "upscale_small",
    "word_safe",
]

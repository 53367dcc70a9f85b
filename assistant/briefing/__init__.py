"""The leader's monthly briefing (bản tin): what changed since the previous report of the
same series, what stalled, what is overdue — every line cited.

    build_briefing(store, "01/2026") → Briefing (model.py) → JSON, text, Markdown, .docx

series.py picks the two reports, measures.py and figures.py compare their figures,
build.py adds projects, tasks, documents and alerts, export.py writes it out."""

from assistant.briefing.build import build_briefing
from assistant.briefing.model import SECTIONS, Briefing, Item, check
from assistant.briefing.series import BriefingError, briefing_periods, issuers

__all__ = [
    "SECTIONS",
    "Briefing",
    "BriefingError",
    "Item",
    "briefing_periods",
    "build_briefing",
    "check",
    "issuers",
]

"""Periods as reports and people write them — the one parser used by report parsing, the
registry, retrieval, the router and the dialogue: `from index import periods`.

"tháng 12/2023", "12/2023", "T12/2023", "tháng 12 năm 2023", "quý I/2026", "Q1/2026",
"6 tháng đầu năm 2025", "năm 2025", "10/2025-12/2025", "từ tháng 10 đến tháng 12/2023",
"tính đến 15/12", and the relative "tháng trước", "tháng sau", "cùng kỳ", "quý trước",
"năm trước". Matching is done on folded text, so unaccented questions parse the same.
A month written without its year keeps year 0 until the caller resolves it (the newest
indexed month of that number, or the period under discussion).

    period.py    Period: a span of months, its stored label, the steps between periods
    mentions.py  periods written in a text, found and resolved
    days.py      whether a text tells something as happening in a month
    relations.py how two periods stand: one holds, ends with, or follows the other
    relative.py  periods told relative to another ('tháng 1 năm sau')
"""

from __future__ import annotations

from index.periods.days import names_month
from index.periods.mentions import (
    Mention,
    bounds,
    dated_years,
    exactly,
    mentions,
    of_title,
    parse,
    replace_mention,
    set_against,
    years,
)
from index.periods.period import Period, from_label, in_newest_year, serial, with_newest_year
from index.periods.relations import after, ends_with, next_month, same, spans, within
from index.periods.relative import in_year_of, nearest_year, resolve

__all__ = [
    "Mention",
    "Period",
    "after",
    "bounds",
    "dated_years",
    "ends_with",
    "exactly",
    "from_label",
    "in_newest_year",
    "in_year_of",
    "mentions",
    "names_month",
    "nearest_year",
    "next_month",
    "of_title",
    "parse",
    "replace_mention",
    "resolve",
    "same",
    "serial",
    "set_against",
    "spans",
    "with_newest_year",
    "within",
    "years",
]

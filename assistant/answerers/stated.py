"""A change a report states itself: "ghi nhận 47 ca …, tăng 9 ca so với tháng 12/2025 (38
ca)". When no report of the earlier period counts the same thing (the province's cases in
January, only a commune's in December), the later report's own words are the answer —
quoted, never a difference computed on another body's figure."""

from __future__ import annotations

import re
import time

from assistant.answerers.figures import Figure
from assistant.answerers.measured import RUNNING_TOTAL
from assistant.answerers.summary import clean
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from assistant.scope import effective_period
from index import periods as P
from index import vn

# "tăng 9 ca so với tháng 12/2025 (38 ca)", "giảm 41,7% so với tháng trước": a change and
# the period it is measured against (its figure in brackets kept with it)
_SAID = re.compile(
    r"\b(?:tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn)\s+(?:[^\s;]+\s+){0,3}?so với\s+"
    r"(?P<ref>[^;,()]{1,40}?)(?=\s*(?:\([^()]*\))?\s*(?:[;,.]|\svà\s|$))(?:\s*\([^()]*\))?",
    re.I,
)
# "đạt 64,5% kế hoạch vốn, cao hơn cùng kỳ năm 2025 (58,9%)", "thấp hơn cùng kỳ năm 2024 là
# 23,4 ha": the same, with no "so với"
_SAID_BARE = re.compile(
    r"\b(?:cao|thấp|nhiều|ít) hơn\s+(?P<ref>cùng kỳ(?: năm (?:trước|ngoái|\d{4}))?)"
    r"(?:\s+là\s+\d[\d.,]*%?(?:\s+(?!và\b|trong\b|so\b)[^\W\d]+){0,2})?(?:\s*\([^()]*\))?",
    re.I,
)


def said_change(
    figures: list[Figure], now: P.Period, base: P.Period, running: bool = False
) -> tuple[Figure, str] | None:
    """Of the later period's figures of the measure (best first), the first whose sentence
    states its change against `base`, and that clause — of the period itself unless a
    running total is asked ("Tính chung 11 tháng, … tăng 36 vụ" is no November's change)."""
    for fig in figures:
        text = clean(fig.candidate.sentence)
        for m in [*_SAID.finditer(text), *_SAID_BARE.finditer(text)]:
            clause = vn.fold(text[: m.start()].rpartition(";")[2])
            if not running and RUNNING_TOTAL.search(" ".join(vn.syllables(clause))):
                continue
            said = P.mentions(m.group("ref"))
            if said and P.resolve(said[0], now) == base:
                return fig, m.group(0).strip()
    return None


def answer(
    query: Query, ctx: Context, found: tuple[Figure, str], now: P.Period, base: P.Period
) -> Answer:
    t0 = time.perf_counter()
    fig, clause = found
    citer = Citer(ctx.store)
    quote = clean(fig.candidate.sentence)
    n = citer.cite(fig.candidate.hit.chunk, fig.candidate.hit.score, quote)
    # the report that says it: of that month, or a longer one ending with it (named by its
    # number: "báo cáo tháng 11" would be another report)
    info = ctx.store.info(fig.candidate.hit.chunk.report_id)
    own = effective_period(info) if info else None
    said_by = f"báo cáo {now.spoken}" if own == now or not info else f"Báo cáo số {info.number}"
    lines = [
        f"- {now.spoken}: {quote} [{n}]",
        f"So với {base.spoken}, {said_by} tự nêu: {clause} [{n}].",
    ]
    return citer.answer(query.text, lines, t0, "compare")

"""A month named as the time something happened ("đợt mưa cuối tháng 9", "hội nghị xúc
tiến đầu tư tháng 10/2025", "vụ đuối nước tháng 7"), that no report has as its period: a
report written after it may tell it, and then writes a day of that month ("từ ngày 28/9",
"tổ chức vào ngày 29/8/2025") or the month itself ("tính đến hết tháng 7/2025") in the
passage it is quoted from (`periods.names_month`). Only such an answer is given; otherwise
the period is missing and the answer says so (route.period_missing). A year naming what is
asked ("nghĩa vụ quân sự năm 2026") is read alike: `year_named`."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from assistant.answerers.clauses import referring_clause
from assistant.cite import Answer
from assistant.context import Context
from assistant.query import Query, without_periods
from index import periods as P
from index import vn


def answer(
    query: Query, ctx: Context, period: P.Period, ask: Callable[[Query], Answer]
) -> Answer | None:
    """The question asked without the month, answered from reports written after the month
    began, when the passage quoted names a day of it or the month."""
    if ctx.scope(query).as_of:
        return None  # the state on a day ("đến hết ngày 30/11"): scope reads which report tells it
    month = _month_of(ctx, period)
    if month is None:
        return None
    undated = ctx.normalize(without_periods(query.text))
    left = ctx.scope(undated)
    if (
        not undated.content
        or left.missing is not None
        or any(p.matches(month) for p in left.periods)
    ):
        return None  # (a period it could not blank out: no second round)
    got = ask(undated)
    if got.insufficient or not got.citations:
        return None
    # the passage the answer leads with: a later one naming the month may set a task for it
    # ("phấn đấu công bố hết dịch trong tháng 12/2025")
    first = got.citations[0]
    said = _sentence_of(first.quote, first.text) if first.quote else first.text
    chunk = ctx.store.chunks.get(first.chunk_id)
    if chunk is not None and chunk.kind == "footnote":  # a list: what its clause says of it
        said += " " + referring_clause(ctx.store.chunks_of(chunk.report_id), chunk)
    if not P.names_month(said, month):
        return None
    return dataclasses.replace(got, question=query.text)


def _sentence_of(quote: str, passage: str) -> str:
    """The quote with the start of the sentence it was cut from ("… UBND tỉnh đã tổ chức
    thành công Hội nghị …" is "- Ngày 12/10/2025, …; UBND tỉnh đã tổ chức …"): the day a
    thing happened opens its sentence, and a quote keeps only the clause asked about."""
    body = quote.strip(" …")[:80]
    if not quote.startswith("…") or not body:
        return quote
    whole = next((s for s in vn.sentences(passage) if body in s), "")
    return whole[: whole.find(body)] + quote


def _month_of(ctx: Context, period: P.Period) -> P.Period | None:
    """The month asked, with its year (as named, else the newest year a report was written
    after it began); None when it is not a month, or no report was written after it began
    (a month still to come is no event yet: "tính đến 15/12" with November's report newest)."""
    if period.unit != "month":
        return None
    dates = [
        i.date
        for i in ctx.store.reports()
        if (ctx.reports is None or i.report_id in ctx.reports) and len(i.date) >= 7
    ]
    mo = period.first[1]
    years = [period.first[0]] if period.year_known else sorted({int(d[:4]) for d in dates})
    for year in reversed(years):
        if any(d[:7] >= f"{year:04d}-{mo:02d}" for d in dates):
            return P.Period.month(year, mo)
    return None


def year_named(query: Query, ctx: Context, ask: Callable[[Query], Answer]) -> Answer | None:
    """ "Khám sức khỏe nghĩa vụ quân sự năm 2026 cho bao nhiêu công dân?": a year naming
    what is asked, not the report — December 2025's report tells the intake for 2026. Asked
    again without the year, the answer holds only if every sentence it quotes writes the
    year after the word the question writes it after ("quân sự năm 2026", not "quản lý …
    2026": typed with diacritics, as typed)."""
    scope = ctx.scope(query)
    years = [p for p in scope.periods if p.unit == "year"]
    if scope.allowed is None or not years or len(years) != len(scope.periods):
        return None
    undated = ctx.normalize(without_periods(query.text))
    if not undated.content or ctx.scope(undated).periods:
        return None
    said = _qualified(query)
    if not said:
        return None
    got = ask(undated)
    if got.insufficient or not got.citations:
        return None
    key = str.lower if query.accented else vn.fold
    if not all(_writes(key(c.quote or c.text), said, key) for c in got.citations):
        return None
    return dataclasses.replace(got, question=query.text)


def _qualified(query: Query) -> list[tuple[str, int]]:
    """(the word a year is written after, the year) for each year the question names."""
    out = []
    for m in query.periods:
        if m.period is None or m.period.unit != "year":
            continue
        words = [w for w in re.findall(r"[^\W\d_]+", query.text[: m.start]) if len(w) > 1]
        words = [w for w in words if not vn.is_stopword(vn.fold(w), False)]
        if words:
            out.append((words[-1], m.period.first[0]))
    return out


def _writes(quote: str, said: list[tuple[str, int]], key: Callable[[str], str]) -> bool:
    """The quote writes each year as a year (not the end of a date: "công bố ngày 06/5/2025"
    tells of PCI 2024) within a few words after the word the question put before it."""
    for word, year in said:
        at = [m.start() for m in re.finditer(rf"(?<![\d/.]){year}(?!\d)", quote)]
        if not any(
            re.search(rf"\b{re.escape(key(word))}\b", quote[max(0, i - 40) : i]) for i in at
        ):
            return False
    return True

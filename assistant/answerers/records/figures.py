"""A measure over the periods: one series, each value cited."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import asdict, dataclass

from assistant.answerers.records.common import RecordCiter, Ref, _citation_json, _period, _without
from assistant.cite import Citation
from assistant.context import Context
from assistant.intent import SERIES
from assistant.query import QUESTION_PHRASES, Query, without_periods
from index import periods as P
from index import vn
from index.store import Store


@dataclass(frozen=True)
class SeriesRow:
    period: str
    value: float
    raw: str
    unit: str
    measure: str
    report: str
    citation: Citation | None
    issuer: str = ""  # the body whose report gives it: a series is one body's

    def to_json(self) -> dict:
        return {**asdict(self), "citation": _citation_json(self.citation)}


def figure_series(
    store: Store,
    measure: str,
    unit: str | None = None,
    period: str | None = None,
    report: str | None = None,
    issuer: str | None = None,
    reports: Collection[str] | None = None,
    all_issuers: bool = False,
) -> list[SeriesRow]:
    """The same measure across reports, oldest period first, each value cited: one
    issuer's (the one named, else that of the best match; see Registry.figure_series)."""
    citer = RecordCiter(store)
    out = []
    found = store.registry.figure_series(
        measure,
        unit=unit,
        period=period,
        report=report,
        issuer=issuer,
        reports=reports,
        all_issuers=all_issuers,
    )
    for f in found:
        source = store.report(f.report_id)
        out.append(
            SeriesRow(
                f.period,
                f.value,
                f.raw,
                f.unit,
                f.measure,
                source.meta.number if source else f.report_id,
                citer.cite_record(f.report_id, f.paragraph, f.footnote, f.passage),
                source.meta.issuer if source else "",
            )
        )
    return out


_NOISE = re.compile(
    r"\b(?:qua cac (?:thang|ky|bao cao|nam|quy)|theo (?:tung )?thang|cac thang|dien bien|bien dong|"
    r"xu huong|thay doi the nao|tang giam|nhu the nao|the nao|ra sao|bao nhieu|cua|la|va|tu|den|"
    r"bieu do|bang|so lieu|hay|cho biet|ve|xem)\b"
)


def _measure(question: str) -> str:
    """What a series question measures: its words without its periods (read by the one
    period parser: "ba tháng cuối năm", "tháng 10, 11, 12/2025") and without how it asks."""
    return _without(_without(without_periods(question), _NOISE), QUESTION_PHRASES)


def series_for_question(query: Query, ctx: Context) -> list[SeriesRow]:
    """The series a "… qua các tháng" question asks for (what `answer` lists), for the UI
    to draw with `assistant.chart.line_chart`; [] for other questions."""
    if query.intent != SERIES:
        return []
    store, question = ctx.store, query.text
    rows = figure_series(store, _measure(question), period=series_span(query, ctx))
    return rows if len(rows) >= 2 else []


def series_span(query: Query, ctx: Context) -> str | None:
    """The months a series keeps to: a quarter, a year or a span the question names; over
    one month, none (the months around it)."""
    period = _period(query, ctx)
    return period if period and (p := P.from_label(period)) and p.months > 1 else None


def _series_answer(store: Store, question: str, period: str | None, refs: Ref) -> str | None:
    measure = _measure(question)
    rows = figure_series(store, measure, period=period) if measure else []
    if len(rows) < 2:
        return None
    lines = [f"{rows[-1].measure} qua các kỳ báo cáo:"]
    lines += [f"- {r.period}: {r.raw} {r.unit}{_said(r)}{refs(r.citation)}" for r in rows]
    first, last = rows[0], rows[-1]
    if first.unit == last.unit:
        shown = vn.difference(last.raw, last.value, first.raw, first.value, last.unit)
        lines.append(f"Từ kỳ {first.period} đến kỳ {last.period} {shown.verb}: {shown.calc}.")
    return "\n".join(lines)


def _said(row: SeriesRow) -> str:
    """The sentence a value stands in, when it says more than the value ("…; lũy kế 312.640
    triệu đồng đạt 84,6% dự toán"): how far along the year is what a leader reads a month
    by."""
    quote = vn.strip_markers(row.citation.quote if row.citation else "").strip()
    if len(vn.numbers(quote)) < 2:
        return ""
    if len(quote) > 300:  # its clauses up to the limit: the value's and the ones after it
        quote = quote[: quote.rfind("; ", 0, 300) + 1 or 300].rstrip(";") + " …"
    return f" — “{quote}”"

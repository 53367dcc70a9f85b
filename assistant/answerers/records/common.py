"""What the records answers share: a record's passage found and cited like any answer's,
the period a question names, and its words without the ones that only ask."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict

from assistant.cite import Citation, Citer
from assistant.context import Context
from assistant.query import Query
from index import periods as P
from index import vn
from index.model import Chunk
from index.store import Store

Ref = Callable[[Citation | None], str]  # Citer.ref: " [n]" for a record's citation


class RecordCiter(Citer):
    """Finds the chunk holding a record's passage, then cites it like any answer does."""

    def __init__(self, store: Store):
        super().__init__(store)
        self._by_report: dict[str, list[Chunk]] = {}

    def chunk(
        self, report_id: str, paragraph: int | None, footnote: int | None, passage: str
    ) -> Chunk | None:
        if report_id not in self._by_report:
            self._by_report[report_id] = self.store.chunks_of(report_id)
        chunks = self._by_report[report_id]
        if footnote is not None:
            return next(
                (c for c in chunks if c.kind == "footnote" and c.footnote == footnote), None
            )
        inside = [c for c in chunks if c.kind != "footnote" and paragraph in c.paragraphs]
        plain = vn.strip_markers(passage)[:80]
        return next(
            (c for c in inside if plain in vn.strip_markers(c.text)), inside[0] if inside else None
        )

    def cite_record(
        self, report_id: str, paragraph: int | None, footnote: int | None, passage: str
    ) -> Citation | None:
        chunk = self.chunk(report_id, paragraph, footnote, passage)
        if chunk is None:
            return None
        return self.citation(chunk, 1.0, vn.strip_markers(passage).strip(), per_quote=True)


def _citation_json(c: Citation | None) -> dict | None:
    if c is None:
        return None
    d = asdict(c)
    d.pop("score")
    return d


def _period_of(store: Store, report_id: str) -> tuple[str, str]:
    info = store.info(report_id)
    return (info.period, info.number) if info else ("", report_id)


def _period(query: Query, ctx: Context) -> str | None:
    """The label of the period the question names, resolved ('tháng 11' → '11/2025')."""
    periods = ctx.scope(query).periods
    if not periods:
        return None
    # "ba tháng cuối năm", "từ tháng 10 đến tháng 12" with no year: of the newest year the
    # reports have it in
    labels = [i.period for i in ctx.store.reports()]
    first, last = (P.with_newest_year(x, labels) for x in (periods[0], periods[-1]))
    p = first
    if len(periods) > 1 and first.year_known and last.year_known and last.last >= first.first:
        p = P.Period(first.first, last.last)
    return p.label if p.year_known else None


def _words(text: str) -> list[str]:
    """Words as written, punctuation that is not part of a word dropped ('1/500' kept)."""
    return re.findall(r"[^\W_]+(?:[/.,-][^\W_]+)*", vn.nfc(text))


def _without(text: str, pattern: re.Pattern[str]) -> str:
    """`text` without the words `pattern` matches on their folded form; case kept, so
    abbreviations such as NSNN are still recognised."""
    words = _words(text)
    drop = vn.matched_words(words, pattern)
    return " ".join(w for i, w in enumerate(words) if i not in drop)

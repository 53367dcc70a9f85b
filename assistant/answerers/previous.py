"""Last month's figure when only this month's report is loaded: monthly reports write the
change beside the figure — "Phạm pháp hình sự xảy ra 05 vụ (giảm 02 vụ so với tháng
trước)" — so "tháng trước là mấy vụ?" is answered by arithmetic shown on the cited
figures, "05 + 02 = 07 vụ", never by a figure the reports do not give."""

from __future__ import annotations

import time

from assistant.answerers import extract
from assistant.answerers.counting import counted_noun
from assistant.answerers.derived import changes
from assistant.answerers.summary import clean
from assistant.answerers.support import model
from assistant.answerers.units import candidates
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from assistant.scope import effective_period
from index import periods as P
from index import vn


def _report_after(ctx: Context, period: P.Period) -> list[str]:
    """The monthly reports of the month after `period` (of any year when it names none)."""
    following = period.shift(1)
    return [
        info.report_id
        for info in ctx.store.reports()
        if (ctx.reports is None or info.report_id in ctx.reports)
        and (own := effective_period(info)) is not None
        and own.unit == "month"
        and own.matches(following)
    ]


def derived(query: Query, ctx: Context, period: P.Period) -> Answer | None:
    """The answer for `period` from the next month's report, cited, or None when no
    passage answering the question says how its figure changed."""
    if period.unit != "month" or not (after := _report_after(ctx, period)):
        return None
    t0 = time.perf_counter()
    hits = ctx.search(query, ctx.k, frozenset(after))
    cands = candidates(query, hits, ctx)[:5]
    counted = counted_noun(query)
    for cand in cands:
        found = changes(cand.sentence)
        if counted:  # "mấy vụ": the figure counting that, of several in the sentence
            found = [d for d in found if vn.fold(d.unit).startswith(counted)] or found
        if not found:
            continue
        p = model().probability(extract.judge_one(query, cand, cands[0].score, ctx))
        if p < ctx.threshold:
            return None
        info = ctx.store.info(cand.hit.chunk.report_id)
        own = effective_period(info) if info else None
        if own is None:
            return None
        asked = own.shift(-1)  # the month named, with its year: the report's month before
        citer = Citer(ctx.store)
        quote = clean(cand.sentence)
        n = citer.cite(cand.hit.chunk, cand.hit.score, quote)
        lines = [
            f"Chưa có báo cáo kỳ {asked.label}; báo cáo {own.spoken} ghi mức thay đổi so với "
            f"tháng trước: {quote} [{n}]",
            f"Suy ra {asked.spoken}: {found[0].calc}.",
        ]
        return citer.answer(query.text, lines, t0, "compare")
    return None

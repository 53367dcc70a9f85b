"""Last month's figure when only this month's report is loaded: monthly reports write the
change beside the figure — "Phạm pháp hình sự xảy ra 05 vụ (giảm 02 vụ so với tháng
trước)" — so "tháng trước là mấy vụ?" is answered by arithmetic shown on the cited
figures, "05 + 02 = 07 vụ", never by a figure the reports do not give."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from assistant.answerers import extract
from assistant.answerers.summary import clean
from assistant.answerers.support import model
from assistant.answerers.units import candidates
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from assistant.scope import effective_period
from index import periods as P
from index import vn

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# "05 vụ (giảm 02 vụ so với tháng trước)", "69.436 người hưởng chế độ (tăng 12.685 người so
# với tháng trước)": the figure, its words up to the bracket, the change and its unit
_CHANGE = re.compile(
    rf"(?<![\d.,])(?P<now>{_NUMBER})\s*(?P<unit>[^\d();,.]{{0,40}}?)\s*\((?P<dir>tăng|giảm)\s+"
    rf"(?P<by>{_NUMBER})\s*(?P<by_unit>[^\d()]{{0,20}}?)\s*so với (?:tháng|kỳ) trước\)"
)


@dataclass(frozen=True)
class Derived:
    now: str
    by: str
    rose: bool
    unit: str  # what is counted, as the figure's own words begin ("vụ", "người")

    @property
    def calc(self) -> str:
        """ "05 + 02 = 07 vụ": written in the figures' own style (zero-padded counts)."""
        now, by = vn.parse_number(self.now) or 0.0, vn.parse_number(self.by) or 0.0
        decimals = max(len(x.partition(",")[2]) for x in (self.now, self.by))
        value = vn.format_number(now - by if self.rose else now + by, decimals)
        if self.now.startswith("0") and len(value) < len(self.now):
            value = value.zfill(len(self.now))  # "07 vụ", as the reports count
        op = "−" if self.rose else "+"
        return f"{self.now} {op} {self.by} = {value} {self.unit}".strip()


def changes(sentence: str) -> list[Derived]:
    """Each figure of the sentence written with its change from the month before."""
    out = []
    for m in _CHANGE.finditer(vn.nfc(sentence)):
        unit = (m.group("by_unit") or m.group("unit")).strip()
        out.append(Derived(m.group("now"), m.group("by"), m.group("dir") == "tăng", unit))
    return out


def _report_after(ctx: Context, period: P.Period) -> list[str]:
    """The monthly reports of the month after `period` (of any year when it names none)."""
    out = []
    for info in ctx.store.reports():
        own = effective_period(info)
        if ctx.reports is not None and info.report_id not in ctx.reports:
            continue
        if own is None or own.unit != "month":
            continue
        if period.year_known:
            fits = own.first == period.shift(1).first
        else:
            fits = own.first[1] == period.first[1] % 12 + 1
        if fits:
            out.append(info.report_id)
    return out


def derived(query: Query, ctx: Context, period: P.Period) -> Answer | None:
    """The answer for `period` from the next month's report, cited, or None when no
    passage answering the question says how its figure changed."""
    if period.unit != "month" or not (after := _report_after(ctx, period)):
        return None
    t0 = time.perf_counter()
    hits = ctx.search(query, ctx.k, frozenset(after))
    cands = candidates(query, hits, ctx)[:5]
    counted = re.search(r"\b(?:bao nhieu|may)\s+(\w+)", " ".join(vn.syllables(query.folded)))
    for cand in cands:
        found = changes(cand.sentence)
        if counted:  # "mấy vụ": the figure counting that, of several in the sentence
            found = [d for d in found if vn.fold(d.unit).startswith(counted.group(1))] or found
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

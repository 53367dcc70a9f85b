"""The briefing asked for in the chat: "bản tin tháng 10", "tháng này có gì mới so với
tháng trước?", "what changed this month?" — the period the question names, else the one
under discussion, else the newest report's; the issuer the question names, else the one
with the longest series. The answer is the briefing itself (assistant/briefing), cited."""

from __future__ import annotations

import re
import time
from collections import Counter

from assistant.answerers.support import proper_names
from assistant.briefing import BriefingError, build_briefing
from assistant.cite import Answer
from assistant.context import Context
from assistant.query import Query, topic_syllables
from index import periods as P
from index import vn

# Asking what changed, not what something is: "bản tin", "có gì mới", "thay đổi gì so với …"
CUES = re.compile(
    r"\bban tin\b|\bbriefing\b|\bwhat(?: s| is| has)? (?:new|changed)\b|"
    r"\b(?:co gi|nhung gi|gi) (?:moi|thay doi|dang chu y|can chu y)\b|"
    r"\bthay doi (?:gi|nhung gi|the nao)\b(?: \w+){0,4} so voi (?:thang|ky|quy|bao cao) truoc\b"
)


_NAMED = re.compile(r"\bban tin\b|\bbriefing\b")
# The bodies a briefing is of: no subject of their own (nor the words asking, read off
# the cue itself: the "y" of "chú ý" is not the "y" of "y tế")
_NO_SUBJECT = frozenset("gi nhung thanh pho tinh huyen xa phuong ubnd".split())


def asks_for_briefing(query: Query) -> bool:
    """Whether the whole period is asked about ("bản tin tháng 10", "tháng này có gì
    mới?"); not "Dự án Kè suối Lao Ly tháng này có gì mới?" nor "tình hình giải ngân có gì
    mới?", which name a subject and are answered about it."""
    plain = " ".join(vn.syllables(query.folded))
    if _NAMED.search(plain):
        return True
    if not CUES.search(plain):
        return False
    if query.english:
        return True
    named = {vn.fold(w) for n in proper_names(query.text) for w in n.split()}
    asking = Counter(w for m in CUES.finditer(plain) for w in m.group(0).split())
    subject = []
    for w in topic_syllables(query.text, query.accented):
        if asking[w]:
            asking[w] -= 1
        elif w not in _NO_SUBJECT and w not in named:
            subject.append(w)
    return len(subject) <= 1


def _period(query: Query, ctx: Context) -> P.Period | None:
    """The latest period the question names, else the one under discussion, else the
    newest among the reports the question may use."""
    infos = [i for i in ctx.store.reports() if ctx.scope(query).admits(i.report_id)]
    labels = [i.period for i in infos if i.period]
    named = [p for p in ctx.scope(query).periods if p.unit != "span"]
    if named:
        p = max(named, key=lambda p: p.last)
        p = P.with_newest_year(p, labels)
        return p if p.year_known else None
    if ctx.current is not None:
        return ctx.current
    known = [p for p in map(P.from_label, labels) if p is not None]
    return max(known, key=lambda p: (p.last, -p.months), default=None)


def answer(query: Query, ctx: Context) -> Answer | None:
    if not asks_for_briefing(query):
        return None
    t0 = time.perf_counter()
    period = _period(query, ctx)
    if period is None:
        return None
    scope = ctx.scope(query)
    mine = [
        i
        for i in ctx.store.reports()
        if scope.admits(i.report_id) and P.from_label(i.period) == period
    ]
    issuer = mine[0].issuer if scope.allowed is not None and len(mine) == 1 else None
    try:
        b = build_briefing(ctx.store, period, issuer=issuer, reports=ctx.reports)
    except BriefingError as e:
        return Answer(query.text, str(e), True, timings_ms={"answer": 0.0}, mode="briefing")
    return b.as_answer(query.text, (time.perf_counter() - t0) * 1000)

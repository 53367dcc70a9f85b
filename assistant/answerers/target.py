"""Was the target met? "Tháng 10 đặt mục tiêu giải ngân đến hết tháng 11 là bao nhiêu, có đạt
không?": the target as a report sets it ("phấn đấu … đạt trên 60%", or a figure of its
tasks section: "Trường Mầm non Đồng Lâm đạt 85%") and the reading a report gives at or after
it, each quoted and cited, then the one set against the other on their own figures —
"60 − 57,94 = 2,06 điểm %: chưa đạt". A sentence stating both ("giảm 0,78 điểm phần trăm,
chưa đạt chỉ tiêu giảm 0,8 điểm phần trăm") is quoted once.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from assistant.answerers.figures import Segment, is_change, segments
from assistant.answerers.measured import RUNNING_TOTAL
from assistant.answerers.summary import clean
from assistant.answerers.support import coverage, question_terms
from assistant.answerers.units import Candidate, candidates
from assistant.antecedents import topic_words
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.intent import MET_TEXT, MET_TOPIC
from assistant.query import Query
from assistant.scope import effective_period
from index import periods as P
from index import vn
from index.records import task_sections

# what sets a target before its figure ("phấn đấu … đạt trên 60%", "vượt mục tiêu 70% đề ra")
# (not "đạt 79,1% dự toán phấn đấu": the plan a reading is a share of)
_AIM = re.compile(r"\b(?:(?<!toán )phấn đấu|mục tiêu|chỉ tiêu|kế hoạch đề ra|đề ra là)\b", re.I)
# a target met from below ("tỷ lệ hộ nghèo còn dưới 3%")
_AT_MOST = re.compile(r"\b(?:dưới|không quá|không vượt quá|tối đa|xuống còn)\s*$", re.I)
_MET_WORDS = frozenset(vn.terms(MET_TEXT))


@dataclass(frozen=True)
class _Figure:
    seg: Segment
    cand: Candidate
    score: float
    aimed: bool
    near: float  # the measure's words next to it

    @property
    def report(self) -> str:
        return self.cand.hit.chunk.report_id


def _figures(query: Query, ctx: Context, terms: list[str]) -> list[_Figure]:
    """The figures of the question's passages, each scored by how closely the measure's
    words lead up to it, and marked a target or a reading."""
    tasks: dict[str, set[str]] = {}
    out = []
    # the target is set in one report and read in a later one: beyond the period named
    chosen = frozenset(ctx.reports) if ctx.reports is not None else None
    # and the measure searched on its own: "có đạt mục tiêu tỉnh đặt ra không" finds targets
    about = " ".join(w for w in topic_words(query.text, []).split() if vn.fold(w) not in MET_TOPIC)
    found = ctx.search(query, 12, chosen) + ctx.hits(query, 12)
    found += ctx.search(ctx.normalize(about), 12, chosen) if about else []
    hits = {h.chunk.id: h for h in found}
    ranked = sorted(hits.values(), key=lambda h: h.score, reverse=True)
    for cand in candidates(query, ranked, ctx)[:16]:
        rid = cand.hit.chunk.report_id
        if rid not in tasks:
            report = ctx.store.report(rid)
            tasks[rid] = task_sections(report) if report else set()
        planned = cand.hit.chunk.section in tasks[rid]  # next period's tasks: all targets
        weight = ctx.corpus.report_idf(rid)
        text = clean(cand.sentence)
        under = f"{cand.hit.chunk.section_title} {cand.context}"  # "Giải ngân vốn đầu tư công"
        whole = coverage(terms, set(vn.terms(f"{text} {under}")), weight)
        if whole < 0.5:
            continue
        for seg in segments(text):
            if is_change(text, seg.pos) or not seg.unit:
                continue  # "(tăng 04 vụ so với …)": a change, no reading nor target
            # the measure's words since the figure before ("thu ngân sách, phấn đấu … trên
            # 92%; … giải ngân vốn đầu tư công, phấn đấu … trên 75%")
            near = coverage(terms, set(vn.terms(f"{seg.before} {seg.after}")), weight)
            # and, less, since the clause began ("Cây vụ đông: đã gieo trồng 248,6 ha, đạt 77,7%")
            clause = re.split(r"[;]", text[: seg.pos])[-1]
            near += 0.5 * coverage(terms, set(vn.terms(clause)), weight)
            aimed = planned or _AIM.search(_last_clause(seg.before)) is not None
            out.append(_Figure(seg, cand, whole + 2 * near + cand.score, aimed, near))
    return sorted(out, key=lambda f: f.score, reverse=True)


def _last_clause(before: str) -> str:
    return re.split(r"[,;(]", before)[-1]


def _adjacent(a: _Figure, b: _Figure, figures: list[_Figure]) -> bool:
    """No other figure of their sentence between two figures of it."""
    lo, hi = sorted((a.seg.pos, b.seg.pos))
    same = [f for f in figures if f.cand.sentence == a.cand.sentence]
    return not any(lo < f.seg.pos < hi for f in same)


def _period(ctx: Context, report_id: str) -> P.Period | None:
    info = ctx.store.info(report_id)
    return effective_period(info) if info else None


def _reading(ctx: Context, target: _Figure, figures: list[_Figure]) -> _Figure | None:
    """The reading that answers `target`: of its own sentence ("đạt 73,05%, vượt mục tiêu
    70%"), else of the report that covers the day it was set for, else of the newest
    report after the one setting it (a year's target: the same report too)."""
    set_in = _period(ctx, target.report)
    said = P.mentions(target.cand.sentence)
    due = P.resolve(said[0], set_in) if said and set_in else None
    planned = target.aimed and not _AIM.search(target.seg.before)  # a tasks section's figure

    def fits(f: _Figure) -> bool:
        if f.aimed or f.seg.unit != target.seg.unit or f.seg.raw == target.seg.raw:
            return False
        if f.cand.sentence == target.cand.sentence:
            # "đạt 73,05%, vượt mục tiêu 70%": the reading right before its target (or after)
            return _adjacent(f, target, figures)
        own = _period(ctx, f.report)
        if own is None or set_in is None:
            return False
        return own.last > set_in.last or (own.last == set_in.last and not planned)

    fitting = [f for f in figures if fits(f)]
    fitting = [f for f in fitting if f.cand.sentence == target.cand.sentence or f.near > 0]
    if not fitting:
        return None

    def rank(f: _Figure) -> tuple[bool, bool, int, float]:
        """Its own sentence; the report of the day it was set for; the first report after
        the one setting it (the newest's forecast for next year is no reading of it)."""
        own = _period(ctx, f.report)
        covers = bool(due and own and own.contains(due))
        later = P.serial(own.last) - P.serial(set_in.last) if own and set_in else 0
        return f.cand.sentence == target.cand.sentence, covers, -later, f.score

    return max(fitting, key=rank)


def answer(query: Query, ctx: Context) -> Answer | None:
    if not query.met:
        return None
    t0 = time.perf_counter()
    # what is measured: not how it is asked, nor "lũy kế", "cộng dồn" (which total of it)
    plain = " ".join(vn.syllables(query.folded))
    running = {w for m in RUNNING_TOTAL.finditer(plain) for w in m.group(0).split()}
    terms = [t for t in question_terms(query.content) if t not in _MET_WORDS | running]
    if not terms:
        return None  # "có đạt mục tiêu không?" of nothing named
    figures = _figures(query, ctx, terms)
    targets = [f for f in figures if f.aimed and f.near > 0][:3]  # its own words say the measure
    found = [(t, r) for t in targets if (r := _reading(ctx, t, figures)) is not None]
    if not found:
        return _of_plan(query, ctx, figures, t0)
    # a sentence stating both ("giảm 0,78 điểm phần trăm, chưa đạt chỉ tiêu giảm 0,8 …") is
    # the report's own reading of its target; else the target as set, not as judged later
    target, reading = max(
        found,
        key=lambda p: (
            p[0].cand.sentence == p[1].cand.sentence,
            ctx.scope(query).admits(p[1].report),  # read in the period asked, when one is
            not _judged(p[0]),
        ),
    )
    # and the reading's report judging it ("chưa đạt mục tiêu 60% đề ra"), when it does
    judged = [
        f
        for f in figures
        if _judged(f)
        and f.report == reading.report
        and f.seg.unit == target.seg.unit
        and f.cand.sentence not in (target.cand.sentence, reading.cand.sentence)
    ]
    return _render(query, ctx, target, reading, judged[:1], t0)


def _of_plan(query: Query, ctx: Context, figures: list[_Figure], t0: float) -> Answer | None:
    """ "Thu ngân sách đã vượt chỉ tiêu tỉnh giao chưa?": a reading written as a share of
    the plan ("lũy kế 386.808 triệu đồng đạt 104,7% dự toán tỉnh giao") answers it by
    itself — past 100% of it, the plan is exceeded. Of the period asked, when one is."""
    scope = ctx.scope(query)
    shares = [
        f for f in figures if not f.aimed and f.seg.unit == "%" and _plan_of(f)
    ]  # (of a sentence on the measure: every figure is)
    if not shares:
        return None
    best = max(shares, key=lambda f: (scope.admits(f.report), f.score))
    value, raw = best.seg.value, best.seg.raw
    verdict = "đã vượt" if value > 100 else "đã đạt" if value == 100 else "chưa đạt"
    plan = _plan_of(best)
    citer = Citer(ctx.store)
    quote = clean(best.cand.sentence)
    n = citer.cite(best.cand.hit.chunk, best.cand.hit.score, quote)
    lines = [f"- {quote} [{n}]", f"Đạt {raw}% {plan}: {verdict} {plan}."]
    return citer.answer(query.text, lines, t0, "compare")


# "104,7% dự toán tỉnh giao", "92,9% kế hoạch năm": a share of the plan
_OF_PLAN = re.compile(
    r"\s*%?\s*((?:dự toán|kế hoạch|chỉ tiêu)(?: (?:năm|tỉnh giao|HĐND \w+ giao))?)"
)


def _plan_of(f: _Figure) -> str:
    m = _OF_PLAN.match(f.seg.after, len(f.seg.raw))  # (its words open with the figure)
    return m.group(1) if m else ""


# "chưa đạt mục tiêu 60% đề ra", "vượt mục tiêu 70%": a report judging a target
_JUDGED = re.compile(r"\b(?:đạt|vượt|hoàn thành)\s+(?:mục tiêu|chỉ tiêu|kế hoạch)\s*$", re.I)


def _judged(f: _Figure) -> bool:
    return f.aimed and _JUDGED.search(f.seg.before) is not None


def _render(
    query: Query,
    ctx: Context,
    target: _Figure,
    reading: _Figure,
    judged: list[_Figure],
    t0: float,
) -> Answer:
    citer = Citer(ctx.store)
    lines = []
    pairs = [("Mục tiêu", target), ("Kết quả", reading)]
    if target.cand.sentence == reading.cand.sentence:
        pairs = pairs[:1]
    pairs += [("Báo cáo đánh giá", f) for f in judged]
    for label, f in pairs:
        quote = clean(f.cand.sentence)
        n = citer.cite(f.cand.hit.chunk, f.cand.hit.score, quote)
        own = _period(ctx, f.report)
        when = f" ({own.spoken})" if own is not None and own.year_known else ""
        lines.append(f"- {label}{when}: {quote} [{n}]" if len(pairs) > 1 else f"- {quote} [{n}]")
    t, r = target.seg, reading.seg
    before = clean(target.cand.sentence)[: t.pos]
    bound = m.group(1).lower() + " " if (m := _BOUND.search(before)) else ""
    if _AT_MOST.search(before):  # "còn dưới 3%": met from below
        met = r.value < t.value if bound == "dưới " else r.value <= t.value
    else:  # "trên 60%": beyond it; "60%": at least
        met = r.value > t.value if bound == "trên " else r.value >= t.value
    hi, lo = (r, t) if r.value >= t.value else (t, r)
    unit = _unit(clean(target.cand.sentence), t)
    shown = vn.difference(hi.raw, hi.value, lo.raw, lo.value, unit, relative=unit == t.unit)
    verdict = "đã đạt mục tiêu" if met else "chưa đạt mục tiêu"
    lines.append(f"Kết quả {r.raw}{_spaced(unit)} so với mục tiêu {bound}{t.raw}{_spaced(unit)}: "
                 f"{verdict} ({shown.calc}).")  # fmt: skip
    return citer.answer(query.text, lines, t0, "compare")


_BOUND = re.compile(r"\b(trên|dưới|từ|ít nhất|tối thiểu|không dưới|không quá)\s*$", re.I)


def _unit(text: str, seg: Segment) -> str:
    """The unit as the target's sentence writes it: "điểm phần trăm", not "điểm"."""
    if seg.unit == "điểm" and re.match(r"\s*điểm (?:phần trăm|%)", text[seg.pos + len(seg.raw) :]):
        return "điểm phần trăm"
    return seg.unit


def _spaced(unit: str) -> str:
    return "%" if unit == "%" else f" {unit}"

"""Comparisons, computed and shown.

"Thu NSNN tháng 12 tăng bao nhiêu so với tháng 11?": each figure is taken from its own
cited passage (the report of each period), then the difference and the percentage are
written out — "42.960 − 40.120 = 2.840 triệu đồng (+7,1%)" — so every number of the answer
is either in a cited passage or the result of arithmetic shown on cited numbers.

"Điểm PCI của Lâm Đồng thua Bình Thuận bao nhiêu?": two column entities of one table row
(answerers/entities.py). "Hồ sơ khai sinh nhiều hơn hồ sơ khai tử bao nhiêu?": two clauses of
the passages, one for each side the question names (answerers/sides.py), the same arithmetic
shown.
"""

from __future__ import annotations

import re
import time

from assistant.answerers import earlier, entities, stated
from assistant.answerers.figures import Figure, is_change, is_table_row, wants
from assistant.answerers.kinds import kinds
from assistant.answerers.measured import (
    OWN_WORDS,
    RUNNING_TOTAL,
    Scored,
    alike,
    figures_for,
    figures_within,
    measure_said,
    measure_terms,
    same_key,
)
from assistant.answerers.scales import comparable, one_scale, value_of
from assistant.answerers.sides import clause_pair, sides
from assistant.answerers.summary import clean
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.named_reports import place_names
from assistant.query import Query
from assistant.scope import effective_period
from index import periods as P
from index import vn


def _pair(
    query: Query, ctx: Context, a_list: list[Scored], base: P.Period, ends: bool = False
) -> tuple[Figure, Figure] | None:
    """The same measure in both periods (`a_list`: the later period's figures, best first):
    the best-scoring pair in one unit, written the same way ('thu được' … 'thu được'), never
    two different figures of one sentence. `ends`: a state at the period's end is asked, which
    a longer report ending with it tells too (`_at_ends`)."""
    b_list = _at_ends(query, ctx, base) if ends else figures_for(query, ctx, base)[:8]
    # a part the question names ("tiền sử dụng đất") is compared with that part only (a part
    # adding no words of its own, "Trong đó: tạo việc làm … 17.512 lao động", is named by none)
    asked = any(s.part == "asked" for s in a_list + b_list)
    # "tiêu được bao nhiêu vốn": households are no answer ("nhiều vụ hơn không, tiền phạt
    # chênh bao nhiêu?" asks for both)
    money = wants(query).money_only and not _COUNT_ASKED.search(
        " ".join(vn.syllables(query.folded))
    )
    places = {i.report_id: place_names(i) for i in ctx.store.reports()}
    said = measure_said(query, ctx, [s.figure for s in a_list + b_list])
    best: tuple[float, Figure, Figure] | None = None
    for a in a_list:
        for b in b_list:
            if not comparable(a.figure, b.figure) or (a.noun and b.noun and a.noun != b.noun):
                continue  # "62 TH" and "480 suất quà" count different things
            if money and "đồng" not in a.figure.unit:
                continue
            if a.part != b.part or (asked and a.part != "asked"):
                continue  # the land-use part of one month is no match for another's total
            if not _same_place(places, a.figure, b.figure):
                continue  # a province's cases and a commune's are no two months of one count
            if not same_key(ctx, said, a.figure, b.figure):
                continue  # dengue cases of November and fish cages of October
            if _apart(value_of(a.figure), value_of(b.figure)):
                continue  # "16 − 782 hồ sơ", "2 − 1.143 người": two things, not one measure
            # the same measure is written alike in both reports (its words, not its figures)
            score = a.score + b.score + 2.0 * alike(a, b)
            if best is None or score > best[0]:
                best = (score, a.figure, b.figure)
    return (best[1], best[2]) if best and best[0] >= 3.0 else None


def _apart(a: float, b: float) -> bool:
    """One measure in two reports of consecutive periods is never ten times the other
    (a change that large the report states itself, and that is read instead)."""
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo > 10


# a state at a month's end: "cuối tháng 9", "đến hết 30/9", "tính đến 31/10"
_END_STATE = re.compile(
    r"\b(?:cuoi thang|(?:tinh )?(?:den|toi) (?:het )?(?:ngay )?\d{1,2} \d{1,2}\b)"
)


def _at_ends(query: Query, ctx: Context, period: P.Period) -> list[Scored]:
    """The measure's figures in the reports of the period and in the longer ones ending with
    it, best first."""
    found = figures_for(query, ctx, period) + figures_for(query, ctx, period, "ending")
    return sorted(found, key=lambda s: s.score, reverse=True)[:8]


def _names_period(sentence: str, period: P.Period) -> bool:
    """The sentence names the period ("Riêng tháng 11/2026", "quý III"), of any year."""
    return any(
        m.period is not None and m.period.months_of_year == period.months_of_year
        for m in P.mentions(sentence)
    )


def _same_place(places: dict[str, set[str]], a: Figure, b: Figure) -> bool:
    """Both figures are of reports of one place (`places`: each report's issuer's places —
    a commune's two months, a province's departments), or either's place is unknown."""
    pa, pb = (places.get(f.candidate.hit.chunk.report_id, set()) for f in (a, b))
    return not pa or not pb or bool(pa & pb)


def _render(
    query: Query, ctx: Context, sides: list[tuple[str, Figure]], t0: float, periods: bool
) -> Answer:
    """Each figure quoted and cited, then the difference written out on the cited figures."""
    citer = Citer(ctx.store)
    lines = []
    (la, a), (lb, b) = sides
    # two clauses of one sentence: quoted once (the same words in two reports are two quotes)
    one = (a.candidate.sentence, a.candidate.hit.chunk.id) == (
        b.candidate.sentence,
        b.candidate.hit.chunk.id,
    )
    for label, fig in sides[:1] if one else sides:
        quote = clean(fig.candidate.sentence)
        n = citer.cite(fig.candidate.hit.chunk, fig.candidate.hit.score, quote)
        lines.append(f"- {quote} [{n}]" if one else f"- {label}: {quote} [{n}]")
    a, b, rescaled = one_scale(a, b)  # "2,3 tỷ đồng = 2.300 triệu đồng"
    if rescaled:
        lines.append(f"Quy đổi: {rescaled}.")
    if periods:  # later − earlier, signed: what changed
        hi, lo = a, b
    else:  # the larger − the smaller: by how much one exceeds the other
        hi, lo = (a, b) if a.value >= b.value else (b, a)
    shown = vn.difference(hi.raw, hi.value, lo.raw, lo.value, a.unit or counted_by_both(a, b))
    if periods:
        lines.append(f"So với {lb}, {la} {shown.verb}: {shown.calc}.")
    else:
        lines.append(f"Chênh lệch: {shown.calc}.")
    return citer.answer(query.text, lines, t0, "compare")


_PER = re.compile(r"/[^\W\d]+")


def counted_by_both(a: Figure, b: Figure) -> str:
    """What two bare figures both count, as their sentences write it after each ("531 lao
    động" and "486 lao động": "45 lao động"); "" when they say it differently or not at all."""

    def counts(f: Figure) -> str:
        text = clean(f.candidate.sentence)
        m = re.search(rf"(?<![\d.,]){re.escape(f.raw)}(?![\d.,%])", text)
        tail = OWN_WORDS.match(text, m.end()) if m and not is_table_row(text) else None
        if tail is None or not (words := tail.group(1).split()):
            return ""
        if per := _PER.match(text, tail.end()):  # "57,1 tạ/ha": the rate's unit, whole
            return f"{words[0]}{per.group(0)}" if len(words) == 1 else ""
        return " ".join(words[:2])

    return said if (said := counts(a)) == counts(b) else ""


def comparison(query: Query, ctx: Context) -> Answer | None:
    """Two periods' figures of one measure, or two figures the question sets side by side."""
    plain = " ".join(vn.syllables(query.folded))
    if kinds(query.folded).why and not _HOW_MUCH.search(plain):
        return None  # "sao quý 3 lại hụt so với quý trước?": the reason, not the difference
    t0 = time.perf_counter()
    labels = [i.period for i in ctx.store.reports()]  # 'tháng 11' … 'tháng 10': newest year
    periods = list(dict.fromkeys(P.with_newest_year(p, labels) for p in ctx.scope(query).periods))
    known = next((p for p in periods[:2] if p.year_known), None)
    if known:  # "quý III/2025 … so với quý II": the quarter before it, though no report holds it
        periods = [p if p.year_known else P.nearest_year(p, known) for p in periods]
    if len(periods) == 1 and periods[0].unit == "span":  # "từ tháng 10 đến tháng 12": the ends
        span = periods[0]
        periods = [P.Period(span.last, span.last), P.Period(span.first, span.first)]
    if len(periods) >= 2 and all(p.year_known for p in periods[:2]):
        # the later ends later; of two ending together ("báo cáo tháng 9 … quý III"), the longer
        now, base = sorted(periods[:2], key=lambda p: (p.last, p.months, p.first), reverse=True)
        scored = figures_for(query, ctx, now)
        if pair := _pair(query, ctx, scored[:8], base):
            return _render(query, ctx, [(now.spoken, pair[0]), (base.spoken, pair[1])], t0, True)
        # the sentence stating the change may rank below a table's rows ("186 ca, tăng 21,6%
        # so với tháng 10" under the communes' rows): every strong figure is read for it
        strong = [s.figure for s in scored if s.score >= 1.5]
        running = RUNNING_TOTAL.search(" ".join(vn.syllables(query.folded))) is not None
        if pair := earlier.given_earlier(strong, now, base):  # "48 ca (quý II: 11 ca)"
            return _render(query, ctx, [(now.spoken, pair[0]), (base.spoken, pair[1])], t0, True)
        if said := stated.said_change(strong, now, base, running):  # "tăng 9 ca so với …"
            return stated.answer(query, ctx, said, now, base)
        # "Riêng tháng 11/2026, … giảm 21,6% so với tháng 10": said by the longer report
        # ending with the month, when no report of the month states it
        longer = [
            s.figure
            for s in figures_for(query, ctx, now, "ending")
            if s.score >= 1.5 and _names_period(s.figure.candidate.sentence, now)
        ]  # (its sentence names the period: "tăng 12,4%" of "9 tháng" is no third quarter's)
        if not running and (said := stated.said_change(longer, now, base)):
            return stated.answer(query, ctx, said, now, base)
        # "đến ngày 31/10/2026 … đạt 64,5% kế hoạch vốn, cao hơn cùng kỳ năm 2025 (58,9%)": a
        # longer report, counting to a day of the month it names, gives both
        spanning = [
            s.figure
            for s in (figures_for(query, ctx, now, "spanning") if now.unit == "month" else [])
            if s.score >= 1.5 and P.names_month(s.figure.candidate.sentence, now)
        ]
        if pair := earlier.given_earlier(spanning, now, base):
            return _render(query, ctx, [(now.spoken, pair[0]), (base.spoken, pair[1])], t0, True)
        # "lao động các KCN cuối tháng 11 so với cuối tháng 9": a state at each month's end,
        # told by the quarter's report ending with September as well as by September's
        if _END_STATE.search(" ".join(vn.syllables(query.folded))) and (
            pair := _pair(query, ctx, _at_ends(query, ctx, now), base, ends=True)
        ):
            return _render(query, ctx, [(now.spoken, pair[0]), (base.spoken, pair[1])], t0, True)
        if not (now.contains(base) or base.contains(now)):
            return None
        # "ước cả năm 2023 cao hơn mức đạt đến 18/12": a year and a month of it are one
        # report's two figures, not two reports' — the two sides the question names
    if not periods and _a_year_before(query) and (got := _against_last_year(query, ctx, t0)):
        return got
    if not (both := sides(query)) or _rank_asked(query):
        return None
    if by_entity := entities.comparison(query, ctx, measure_terms(query)):
        return by_entity  # two provinces of one table row
    # two zeros ("bị kỷ luật: 0" of two rows) tell no difference of what was asked
    if (pair := clause_pair(query, ctx, *both)) and (pair[0].value or pair[1].value):
        across = not query.english and any(P.set_against(query.text, m, 3) for m in query.periods)
        if across and not _then_and_now(*pair):
            return None  # "… so với năm ngoái hụt bao nhiêu": across time — a province's area
            # less a commune's, a yield less its own change, are no two things compared
        return _render(query, ctx, [("Thứ nhất", pair[0]), ("Thứ hai", pair[1])], t0, False)
    return None


def _a_year_before(query: Query) -> bool:
    """ "so với cùng kỳ", "năm nay … năm ngoái": the same period a year before is asked."""
    return any(
        m.relative == "same_last_year" or (m.relative == "previous" and m.unit == "year")
        for m in query.periods
    )


def _against_last_year(query: Query, ctx: Context, t0: float) -> Answer | None:
    """ "Tỷ lệ giải quyết khiếu nại năm nay cao hơn năm ngoái bao nhiêu?", no period named:
    of the measure's figures, the first whose report gives the same period's figure a year
    before beside it ("đạt 87,4% (cùng kỳ năm 2025 đạt 84,1%)"): the report's own period
    is the one compared."""
    scope = ctx.scope(query)
    allowed = frozenset(i.report_id for i in ctx.store.reports() if scope.admits(i.report_id))
    for s in figures_within(query, ctx, allowed):
        info = ctx.store.info(s.figure.candidate.hit.chunk.report_id)
        now = effective_period(info) if info else None
        if s.score < 1.5 or now is None or not now.year_known:
            continue
        base = now.shift(-12)
        if pair := earlier.given_earlier([s.figure], now, base):
            # the report's own span, not its month: "So với cùng kỳ năm 2025, năm 2026 tăng"
            sides = [(f"năm {now.last[0]}", pair[0]), (f"cùng kỳ năm {base.last[0]}", pair[1])]
            return _render(query, ctx, sides, t0, True)
    return None  # (a change said alone, "giảm so với cùng kỳ", may be of another clause)


def _then_and_now(a: Figure, b: Figure) -> bool:
    """One sentence giving a figure and the earlier one it is set against ("đạt 87,4% (cùng
    kỳ năm 2025 đạt 84,1%)"), neither a change it states itself ("giảm 0,7 tạ/ha so với …")."""
    text = a.candidate.sentence
    if b.candidate.sentence != text or a.candidate.hit.chunk.id != b.candidate.hit.chunk.id:
        return False
    return not any(is_change(text, text.find(f.raw)) for f in (a, b))


def _rank_asked(query: Query) -> bool:
    """ "Đứng thứ mấy so với các huyện?": a rank among others, not a difference of two
    figures ("thua mấy bậc", "chênh bao nhiêu" are)."""
    plain = " ".join(vn.syllables(query.folded))
    return kinds(query.folded).rank and not _RANK_GAP.search(plain)


# a count asked ("nhiều vụ hơn không, tiền phạt chênh bao nhiêu?" asks for both): a comparison
# of money then takes counts too
_COUNT_ASKED = re.compile(
    r"\b(?:bao nhieu|may|nhieu|it) (?:ho|vu|nguoi|luot|ca|truong hop|ho so|du an|cong trinh|"
    r"doanh nghiep)\b"
)
_HOW_MUCH = re.compile(r"\b(?:bao nhieu|may|how (?:much|many)|chenh)\b")
_RANK_GAP = re.compile(r"\b(?:bac|chenh|hon|thua|kem|vuot)\b")

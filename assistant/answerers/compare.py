"""Comparisons, computed and shown.

"Thu NSNN tháng 12 tăng bao nhiêu so với tháng 11?": each figure is taken from its own
cited passage (the report of each period), then the difference and the percentage are
written out — "42.960 − 40.120 = 2.840 triệu đồng (+7,1%)" — so every number of the answer
is either in a cited passage or the result of arithmetic shown on cited numbers.

"Xã nào có nhiều vụ vi phạm nhất?": the items of a list ("xã A: 05 vụ; xã B: 02 vụ",
a footnote, or a table's rows) are parsed, the extreme picked and the list cited.
"""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass

from assistant.answerers.extract import Candidate, candidates, clean
from assistant.answerers.support import coverage, question_terms
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query, without_periods
from assistant.scope import place_names
from index import periods as P
from index import vn
from index.chunk import is_table_row

# Words that ask for the comparison rather than name the measure.
COMPARE_WORDS = frozenset(
    vn.terms(
        "tăng giảm chênh lệch thêm hơn khác biệt nhau so sánh mức độ được bao nhiêu nhiều ít "
        "cao thấp lớn nhỏ nhất tháng nào bớt đi nâng lên nhích lên"
    )
)
_UNIT = re.compile(
    r"\s*(%|triệu đồng|tỷ đồng|nghìn đồng|đồng|ha\b|m²|km|người|lượt(?: người| khách)?|hộ|vụ|"
    r"hồ sơ|tài khoản|doanh nghiệp|dự án|công trình|trường hợp|đối tượng|ca|tấn|con|cơ sở|"
    r"giấy phép|văn bản|thủ tục|điểm)?"
)


@dataclass(frozen=True)
class Figure:
    raw: str  # as written ("42.960")
    value: float
    unit: str
    candidate: Candidate


def _measure_terms(query: Query) -> list[str]:
    return [t for t in question_terms(query.content) if t not in COMPARE_WORDS]


def _figures_in(sentence: str) -> list[tuple[str, float, str, int]]:
    """(raw, value, unit, position) of the figures of a sentence, dates left out."""
    out = []
    for m in vn.NUMBER_RE.finditer(sentence):
        raw = m.group(0).replace(" ", "")
        after = sentence[m.end() : m.end() + 1]
        before = sentence[max(0, m.start() - 1) : m.start()]
        if after == "/" or before == "/" or sentence[: m.start()].endswith("STT: "):
            continue  # a date, a ratio's half, a document number, a table row's number
        if re.fullmatch(r"(?:19|20)\d\d", raw) and re.search(
            r"(?:năm|Năm|học)\s*$", sentence[: m.start()]
        ):
            continue  # a year
        value = vn.parse_number(raw)
        if value is None:
            continue
        unit = "%" if raw.endswith("%") else (_UNIT.match(sentence, m.end()).group(1) or "")  # type: ignore[union-attr]
        out.append((raw.rstrip("%"), value, unit, m.start()))
    return out


_CHANGE = re.compile(r"(?:tăng|giảm|hơn)(?: thêm)?\s*$")


def _is_change(text: str, pos: int) -> bool:
    """'(tăng 01 vụ so với tháng trước)': the change, not the measure itself."""
    return bool(_CHANGE.search(text[max(0, pos - 12) : pos])) and "so với" in text[pos : pos + 40]


@dataclass(frozen=True)
class Scored:
    score: float
    figure: Figure
    around: frozenset[str]  # the words of its clause ("đạt … dự toán tỉnh giao")


def _wants(query: Query) -> tuple[bool, bool, bool]:
    """Whether the question asks for a rate, for money, for a change ("tăng bao nhiêu")."""
    rate = re.search(r"\b(?:ty le|phan tram|diem phan tram|percent|rate|share)\b", query.folded)
    money = re.search(r"\b(?:tien|kinh phi|von|money|amount)\b", query.folded)
    change = re.search(r"\b(?:tang|giam|change|increase|decrease)\b", query.folded)
    return bool(rate), bool(money), bool(change)


def _figures(query: Query, cand: Candidate, weight: float) -> list[Scored]:
    """The sentence's figures, scored by how closely the measure's words lead up to them
    (a rate only when a rate is asked for; money when money is)."""
    terms = set(_measure_terms(query))
    wants_rate, wants_money, asks_change = _wants(query)
    text = clean(cand.sentence)
    out = []
    for seg in _segments(text):
        raw, value, unit, pos, around = seg.raw, seg.value, seg.unit, seg.pos, set(seg.words)
        before = vn.terms(text[max(0, pos - 90) : pos])
        change = _is_change(text, pos)
        # the measure's words around this figure ("84,6% dự toán tỉnh giao"), then further back
        score = weight + len(terms & set(before)) * 0.3 + len(terms & around) * 0.5
        score += 0.8 if (unit == "%") == wants_rate else -1.5
        if wants_money:
            score += 0.6 if "đồng" in unit else -0.6
        score += 0.2 if unit else -0.3
        if change and not asks_change:
            score -= 1.0
        out.append(Scored(score, Figure(raw, value, unit, cand), frozenset(around)))
    return out


def _figures_for(query: Query, ctx: Context, period: P.Period) -> list[Scored]:
    """Figures of the measure in the report of `period`, best first."""
    allowed = frozenset(
        i.report_id
        for i in ctx.store.reports()
        if (p := P.from_label(i.period)) is not None and p.matches(period) and p.contains(period)
    )
    if not allowed:
        return []
    terms = _measure_terms(query)
    out: list[Scored] = []
    for cand in candidates(query, ctx.search(query, 8, allowed), ctx)[:8]:
        weight = ctx.corpus.report_idf(cand.hit.chunk.report_id)
        cov = coverage(terms, set(vn.terms(f"{cand.sentence} {cand.context}")), weight)
        if cov >= 0.35:
            out += _figures(query, cand, 2 * cov)
    return sorted(out, key=lambda s: s.score, reverse=True)


def figure_for(query: Query, ctx: Context, period: P.Period) -> Figure | None:
    found = _figures_for(query, ctx, period)
    return found[0].figure if found and found[0].score >= 1.5 else None


def _pair(
    query: Query, ctx: Context, now: P.Period, base: P.Period
) -> tuple[Figure, Figure] | None:
    """The same measure in both periods: the best-scoring pair in one unit, written the same
    way ('thu được' … 'thu được'), never two different figures of one sentence."""
    a_list, b_list = _figures_for(query, ctx, now)[:8], _figures_for(query, ctx, base)[:8]
    best: tuple[float, Figure, Figure] | None = None
    for a in a_list:
        for b in b_list:
            if a.figure.unit != b.figure.unit:
                continue
            # the same measure is written alike in both reports
            alike = len(a.around & b.around) / max(1, len(a.around | b.around))
            score = a.score + b.score + 2.0 * alike
            if best is None or score > best[0]:
                best = (score, a.figure, b.figure)
    return (best[1], best[2]) if best and best[0] >= 3.0 else None


def _decimals(raw: str) -> int:
    parts = re.split(r"[.,]", raw)
    if "," in raw:
        return len(raw.rpartition(",")[2])
    return 0 if len(parts) == 1 or all(len(p) == 3 for p in parts[1:]) else len(parts[-1])


_SPLIT = re.compile(
    r"\b(?:so voi|so sanh voi|(?:nhieu|it|cao|thap|lon|nho) hon|thua|vuot|chenh lech voi)\b"
)


def pairs(words: list[str]) -> set[str]:
    """Words and their adjacent pairs: 'khai sinh' matches only where written together, so
    'phát sinh 5.264 hồ sơ' is not about 'khai sinh'."""
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def _sides(query: Query) -> tuple[list[str], list[str]] | None:
    """The two things compared: the words before and after 'so với' / 'nhiều hơn' / 'thua',
    with the adjacent pairs of their content words."""
    words = vn.syllables(without_periods(query.text))
    folded = [vn.fold(w) for w in words]
    m = _SPLIT.search(" ".join(folded))
    if not m:
        return None
    cut_a = " ".join(folded)[: m.start()].count(" ")
    cut_b = " ".join(folded)[: m.end()].count(" ") + 1

    def terms(part: list[str]) -> list[str]:
        # accented words are checked as written ('trong tháng' is framing, 'trọng tâm' not)
        kept = [w if not vn.is_stopword(w, query.accented) else "" for w in part]
        out: list[str] = []
        for t in vn.concepts([vn.fold(w) if w else "" for w in kept]):
            # 'so' of 'so với' is cut already; here it is 'hồ sơ', 'số'
            out.append("" if (t in COMPARE_WORDS and t != "so") or t.isdigit() else t)
        singles = [t for t in out if t]
        joined = [f"{a} {b}" for a, b in itertools.pairwise(out) if a and b]
        return singles + joined

    left, right = terms(words[:cut_a]), terms(words[cut_b:])
    return (left, right) if left and right else None


@dataclass(frozen=True)
class Segment:
    """A figure of a sentence and the words around it, up to the figures beside it."""

    raw: str
    value: float
    unit: str
    pos: int
    before: str  # its clause up to the figure ("số hồ sơ giải quyết trễ hạn là")
    after: str  # its clause after ("hồ sơ đăng ký khai sinh")

    @property
    def words(self) -> list[str]:
        return vn.terms(f"{self.before} {self.after}")


def _segments(text: str, clauses: bool = False) -> list[Segment]:
    """Each figure of a sentence with the words around it, up to the figures beside it
    ('… trong đó 26 tuyến được công nhận từ trước, 10 tuyến mới')."""
    figs = _figures_in(text)
    if is_table_row(text):  # a row's figure is about the whole row (its label, its unit)
        m = re.search(r"Đơn vị tính: ([^;]+)", text)
        row_unit = m.group(1).strip() if m else ""
        return [
            Segment(raw, value, unit or row_unit, pos, text, "") for raw, value, unit, pos in figs
        ]
    out: list[Segment] = []
    for k, (raw, value, unit, pos) in enumerate(figs):
        start = figs[k - 1][3] + len(figs[k - 1][0]) if k else max(0, pos - 120)
        end = figs[k + 1][3] if k + 1 < len(figs) else pos + 80
        # what follows a figure up to a break is about it ("10 tuyến mới và"), what follows
        # the last break before it is too ("…), số hồ sơ trễ hạn là 1.740")
        cut = _BREAK if clauses else _CLAUSE
        before, after = cut.split(text[start:pos])[-1], cut.split(text[pos:end])[0]
        # a breakdown in brackets ("5.264 hồ sơ liên thông (4.031 hồ sơ khai sinh …)") is
        # about what its head figure counts
        opened = text.rfind("(", 0, pos)
        if (
            clauses
            and opened > text.rfind(")", 0, pos)
            and (head := [o for o in out if o.pos < opened])
        ):
            before = f"{head[-1].before} {head[-1].after} {before}"
        out.append(Segment(raw, value, unit, pos, before, after))
    return out


_CLAUSE = re.compile(r"[;:]")
_BREAK = re.compile(r"[;:,()]| và | trong đó ")


def _clause_pair(
    query: Query, ctx: Context, left: list[str], right: list[str]
) -> tuple[Figure, Figure] | None:
    """Two figures of the question's passages, one for each side, in one unit."""
    shared_words = set(left) & set(right)
    m = re.search(r"\bbao nhieu (\w+(?: \w+)?)", " ".join(vn.syllables(query.folded)))
    counted = m.group(1).split() if m and m.group(1).split()[0] not in ("phan", "tien") else []
    rate, money, asks_change = _wants(query)

    def fits(seg: Segment) -> float:
        """What the question counts ("bao nhiêu hồ sơ") — its unit, or said before it ("số
        hồ sơ trễ hạn là 1.740") — money when money is asked, not a rate unless one is."""
        unit = vn.fold(seg.unit).split()
        named = unit and counted[: len(unit)] == unit
        bonus = (
            0.5
            if named or (counted and not unit and " ".join(counted) in vn.fold(seg.before))
            else 0.0
        )
        bonus += 0.5 if money and "đồng" in seg.unit else 0.0
        return bonus - (0.5 if seg.unit == "%" and not rate else 0.0)

    best: tuple[float, Figure, Figure] | None = None
    scored_a: list[tuple[float, Figure]] = []
    scored_b: list[tuple[float, Figure]] = []
    # what is counted is said next to each figure; which side it is, anywhere in its sentence
    measure = set(left) | set(right)
    for cand in candidates(query, ctx.hits(query, max(ctx.k, 8)), ctx)[:10]:
        # the place that names the report ("Lạng Sơn") names neither side
        info = ctx.store.info(cand.hit.chunk.report_id)
        named = {w for p in place_names(info, ctx.store) for w in p.split()} if info else set()
        side_a, side_b = (
            {u for u in set(side) - shared_words if not named & set(u.split())}
            for side in (left, right)
        )
        sentence = pairs(vn.terms(f"{cand.sentence} {cand.context}"))
        text = clean(cand.sentence)
        for seg in _segments(text, clauses=True):
            if _is_change(text, seg.pos) and not asks_change:
                continue
            fig = Figure(seg.raw, seg.value, seg.unit, cand)
            around = pairs(seg.words)
            local = 0.5 * len(around & measure) / max(1, len(measure))
            a = len((around | sentence) & side_a) / max(1, len(side_a))
            b = len((around | sentence) & side_b) / max(1, len(side_b))
            a_here = len(around & side_a) / max(1, len(side_a))
            b_here = len(around & side_b) / max(1, len(side_b))
            common = local + 0.2 * cand.score + fits(seg)
            scored_a.append((a + 0.5 * a_here - 0.5 * b_here + common, fig))
            scored_b.append((b + 0.5 * b_here - 0.5 * a_here + common, fig))
    for sa, a in sorted(scored_a, key=lambda x: -x[0])[:6]:
        for sb, b in sorted(scored_b, key=lambda x: -x[0])[:6]:
            same = a.candidate.sentence == b.candidate.sentence and a.raw == b.raw
            if same or a.unit != b.unit or sa < 0.5 or sb < 0.5:
                continue
            if best is None or sa + sb > best[0]:
                best = (sa + sb, a, b)
    return (best[1], best[2]) if best else None


@dataclass(frozen=True)
class Difference:
    """`hi − lo`, written out on the figures as the reports write them."""

    calc: str  # "42.960 − 40.120 = 2.840 triệu đồng (+7,1%)"
    change: float  # hi − lo, rounded to the figures' decimals
    amount: str  # |change| as the calculation writes it: "2.840"
    share: str  # |change| / lo as a percentage ("7,1%"); "" for rates or from zero


def difference(hi_raw: str, hi: float, lo_raw: str, lo: float, unit: str) -> Difference:
    """The arithmetic a comparison shows: the difference in the figures' own decimals, in
    points for a rate ("điểm %"), and as a share of `lo` otherwise. Every number of it is
    either an operand (cited) or checked by answerers/verify.arithmetic."""
    decimals = max(_decimals(hi_raw), _decimals(lo_raw))
    shown = f" {unit}" if unit and unit != "%" else (" điểm %" if unit == "%" else "")
    diff = round(hi - lo, decimals)
    calc = (
        f"{vn.format_number(hi, decimals)} − {vn.format_number(lo, decimals)} = "
        f"{vn.format_number(diff, decimals)}{shown}"
    )
    share = ""
    if lo and unit != "%":
        share = vn.format_number(abs(diff) / abs(lo) * 100, 1) + "%"
        calc += f" ({'+' if diff >= 0 else '−'}{share})"
    return Difference(calc, diff, vn.format_number(abs(diff), decimals), share)


def _render(
    query: Query, ctx: Context, sides: list[tuple[str, Figure]], t0: float, periods: bool
) -> Answer:
    """Each figure quoted and cited, then the difference written out on the cited figures."""
    citer = Citer(ctx.store)
    lines = []
    for label, fig in sides:
        quote = clean(fig.candidate.sentence)
        n = citer.cite(fig.candidate.hit.chunk, fig.candidate.hit.score, quote)
        lines.append(f"- {label}: {quote} [{n}]")
    (la, a), (lb, b) = sides
    if periods:  # later − earlier, signed: what changed
        hi, lo = a, b
    else:  # the larger − the smaller: by how much one exceeds the other
        hi, lo = (a, b) if a.value >= b.value else (b, a)
    shown = difference(hi.raw, hi.value, lo.raw, lo.value, a.unit)
    diff, calc = shown.change, shown.calc
    if periods:
        verb = "tăng" if diff > 0 else "giảm" if diff < 0 else "không đổi"
        lines.append(f"So với {lb}, {la} {verb}: {calc}.")
    else:
        lines.append(f"Chênh lệch: {calc}.")
    return citer.answer(query.text, lines, t0, "compare")


def comparison(query: Query, ctx: Context) -> Answer | None:
    """Two periods' figures of one measure, or two figures the question sets side by side."""
    t0 = time.perf_counter()
    labels = [i.period for i in ctx.store.reports()]  # 'tháng 11' … 'tháng 10': newest year
    periods = list(dict.fromkeys(P.with_newest_year(p, labels) for p in ctx.scope(query).periods))
    if len(periods) == 1 and periods[0].unit == "span":  # "từ tháng 10 đến tháng 12": the ends
        span = periods[0]
        periods = [P.Period(span.last, span.last), P.Period(span.first, span.first)]
    if len(periods) >= 2 and all(p.year_known for p in periods[:2]):
        now, base = sorted(periods[:2], key=lambda p: p.first, reverse=True)
        if pair := _pair(query, ctx, now, base):
            return _render(query, ctx, [(now.spoken, pair[0]), (base.spoken, pair[1])], t0, True)
        return None
    if (sides := _sides(query)) and (pair := _clause_pair(query, ctx, *sides)):
        return _render(query, ctx, [("Thứ nhất", pair[0]), ("Thứ hai", pair[1])], t0, False)
    return None

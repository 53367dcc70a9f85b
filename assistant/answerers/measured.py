"""A measure's figures in the report of one period, scored by how closely the measure's
words lead up to each: what comparisons (answerers/compare.py) and month series
(answerers/months.py) take, one figure a period, written alike in every report."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assistant.answerers.clauses import sentence_before
from assistant.answerers.counting import given_words, is_given
from assistant.answerers.figures import (
    COMPARE_WORDS,
    MONEY_WORDS,
    Figure,
    clause_part,
    is_change,
    part_of,
    segments,
    wants,
)
from assistant.answerers.kinds import kinds
from assistant.answerers.summary import clean
from assistant.answerers.support import coverage, name_share, question_terms
from assistant.answerers.units import Candidate, candidates, header_of
from assistant.context import Context
from assistant.named_reports import issuer_places
from assistant.query import Query, without_periods
from index import periods as P
from index import vn
from index.records import task_sections
from index.store import ReportInfo

# A running total ("lũy kế", "cộng dồn", "từ đầu năm"), asked for or written beside a figure
# ("Tính chung 11 tháng, …": the months so far, not November's)
RUNNING_TOTAL = re.compile(r"\b(?:luy ke|cong don|tu dau nam|tinh chung)\b")
# "phấn đấu … đạt trên 60%", "chưa đạt mục tiêu 60% đề ra": what is aimed at, not what was done
_AIMED = re.compile(r"\b(?:phấn đấu|mục tiêu)\b", re.I)
_PLANNED = re.compile(r"\bdự toán\b", re.I)
# "đạt 101,1% kế hoạch năm (525 lao động)": the plan's size, restated in brackets
_PLAN_SIZE = re.compile(r"\b(?:kế hoạch|chỉ tiêu|dự toán)(?: năm)?(?: \d{4})?\s*\(\s*$", re.I)
_PLANNED_Q = re.compile(r"\bdu toan\b")
# the noun right after a figure and its unit ("07 ca | sốt xuất huyết"), up to a break or a
# word that starts another phrase ("38,4 triệu đồng | từ nguồn ngân sách xã")
OWN_WORDS = re.compile(
    r"\s*((?:(?!(?:từ|của|cho|với|trong|tại|so|để|do|đạt|bằng|là|được|theo|và|trên|ở)\b)"
    r"[^\W\d]+\s*){0,5})",
    re.I,
)


def measure_terms(query: Query) -> list[str]:
    """What is measured: not how a change is asked ("tăng bao nhiêu phần trăm" asks a
    change in per cent of a measure, not a rate — unless a "tỷ lệ" is named)."""
    plain = " ".join(vn.syllables(query.folded))
    asked_in = _IN_PER_CENT.search(plain) and not re.search(r"\bty le\b", plain)
    return [
        t
        for t in question_terms(query.content)
        if t not in COMPARE_WORDS and not (asked_in and t in _PER_CENT)
    ]


_IN_PER_CENT = re.compile(r"\b(?:bao nhieu|may) (?:phan tram|%)")
_PER_CENT = frozenset(vn.terms("phần trăm"))


@dataclass(frozen=True)
class Scored:
    score: float
    figure: Figure
    around: frozenset[str]  # the words of its clause ("đạt … dự toán tỉnh giao")
    noun: str = ""  # with no unit, the word after the figure, folded ("th" of "62 TH")
    part: str = ""  # of a "Trong đó, …" sentence or clause, a part: "asked"/"bare"/"other"


def _figures(query: Query, cand: Candidate, weight: float, terms: set[str]) -> list[Scored]:
    """The sentence's figures, scored by how closely the measure's words (`terms`) lead up
    to them (a rate only when a rate is asked for; money when money is)."""
    wanted = wants(query)
    # "lũy kế", "cộng dồn": the running total, not the month's amount
    running = RUNNING_TOTAL.search(" ".join(vn.syllables(query.folded))) is not None
    text = clean(cand.sentence)
    given = given_words(without_periods(query.text))
    # "Trong đó, thu tiền sử dụng đất lũy kế …" is a part of the total said before it: its
    # figures answer only a question naming that part
    part = part_of(query, cand, text)
    aims = not kinds(query.folded).target  # a target asked: its figure is the reading
    planned = aims and not _PLANNED_Q.search(query.folded)  # nor a budget ("dự toán") asked
    out: list[Scored] = []
    if vn.contrasted(query.folded, text):
        return out  # "thu ngân sách" asked, "Tổng chi ngân sách … 4.102" said
    # "sử dụng GPLX" says nothing of the "xây dựng" asked
    terms = terms - vn.written_otherwise(query.text, text)
    for seg in segments(text, amounts=wanted.amounts):
        raw, value, unit, pos = seg.raw, seg.value, seg.unit, seg.pos
        # a phrase says its words too ("số tiền" says "tiền"), as coverage reads them
        around = set(vn.passage_terms(f"{seg.before} {seg.after}"))
        if is_given(given, text, raw, pos + len(raw)):
            continue  # "đã đạt mục tiêu 80% chưa?": the question's own figure is no reading
            # (not "06 lượt" of "tàu mất kết nối quá 6 tiếng": it counts something else)
        before = vn.passage_terms(text[max(0, pos - 90) : pos])
        change = is_change(text, pos)
        # the measure's words around this figure ("84,6% dự toán tỉnh giao"), then further back
        score = weight + len(terms & set(before)) * 0.3 + len(terms & around) * 0.5
        # "07 ca sốt xuất huyết, 12 ca tay chân miệng": the words right after a figure,
        # up to a break, name what it counts — the measure's words before it may not
        tail = OWN_WORDS.match(text, pos + len(raw) + (len(unit) + 1 if unit else 0))
        score += len(terms & set(vn.passage_terms(tail.group(1) if tail else ""))) * 0.5
        # and its unit may name it too ("cấp 53 giấy phép" of "cấp phép xây dựng")
        score += len(terms & set(vn.passage_terms(unit))) * 0.5
        # (not a bracket after it, about figures of its own: "cấp 53 giấy phép (lũy kế năm
        # 2025 cấp 498 giấy phép)" — 53 is the month's)
        own = " ".join(vn.syllables(vn.fold(f"{seg.before} {_ASIDE.sub(' ', seg.after)}")))
        if running:  # a month's amount is as far from a running total as a rate is from an amount
            score += 1.0 if RUNNING_TOTAL.search(own) else -1.5
        elif RUNNING_TOTAL.search(own):  # "thu tháng 11": the month's, before "lũy kế 11 tháng"
            score -= 0.5
        score += 0.8 if (unit == "%") == wanted.rate else -1.5
        if wanted.money:
            score += 0.6 if "đồng" in unit else -0.6
        if wanted.money_only and "đồng" not in unit:
            score -= 3.0
        score += 0.2 if unit else -0.3
        score -= 1.0 if part == "other" else 0.0
        if aims and _AIMED.search(seg.before):
            continue  # October's target for November is no figure of either month
        if aims and _PLAN_SIZE.search(text[:pos]):
            continue  # the year's plan is no month's reading: both months restate it
        if planned and _PLANNED.search(re.split(r"[;:]", text[:pos])[-1]):
            continue  # "Dự toán … năm 2026 …, với tổng thu 9.120": a plan, no month's reading
        if change and not wanted.growth:  # "(giảm 08 ca so với tháng trước)": the difference
            score -= 1.0  # is computed from the two months' own figures, a change is neither
            # (of growth asked, "GRDP quý III ước tăng 8,46%" is the reading itself)
        noun = seg.noun
        figure = Figure(raw, value, unit, cand)
        own_part = part or clause_part(query, text, pos)  # "…; trong đó thu tiền sử dụng đất"
        score -= 1.0 if own_part != part else 0.0
        out.append(Scored(score, figure, frozenset(around), noun, own_part))
    return out


def figures_for(query: Query, ctx: Context, period: P.Period, reach: Reach = "own") -> list[Scored]:
    """Figures of the measure in the reports `reach` admits for `period`, best first."""
    wide = _PROVINCE_WIDE.search(" ".join(vn.syllables(query.folded))) is not None
    # the body the question names ("Công an tỉnh phạt …"): its reports, not a ward's
    named = ctx.scope(query).bodies
    allowed = frozenset(
        i.report_id
        for i in ctx.store.reports()
        if (not named or i.report_id in named)
        and (p := P.from_label(i.period)) is not None
        and p.matches(period)
        and p.contains(period)
        and _reaches(p, period, reach)
        and not (wide and _COMMUNE.match(vn.fold(i.issuer)))
    )
    return figures_within(query, ctx, allowed)


# which reports holding a period tell its figures: "own", one of that very period (a year's
# gives no October figure); "ending", the longer ones ending with it ("Riêng tháng 11 …, giảm
# 21,6% so với tháng 10" in "11 tháng"); "spanning", any longer one (the year's, "đến 31/10")
Reach = Literal["own", "ending", "spanning"]


def _reaches(own: P.Period, period: P.Period, reach: Reach) -> bool:
    if reach == "own":
        return own.months == period.months
    return own.months > period.months and (reach == "spanning" or own.last == period.last)


def figures_within(
    query: Query, ctx: Context, allowed: frozenset[str], said: frozenset[str] = frozenset()
) -> list[Scored]:
    """Figures of the measure in the reports `allowed`, best first; `said`: the words that
    name whose figure it is ("Sở Tài chính", "xã"), no part of the measure."""
    if not allowed:
        return []
    # "thu ngân sách của phường Kim Tuyền": in the ward's own reports its name says which
    # report, not which figure ("Đường trục chính phường Kim Tuyền …" is no revenue)
    asked = [t for t in measure_terms(query) if t not in said]
    own: dict[str, list[str]] = {}  # (read for the reports of the candidates only)
    info = lru_cache(maxsize=None)(ctx.store.info)  # each report's card read once

    def own_terms(rid: str) -> list[str]:
        if rid not in own:
            own[rid] = [t for t in asked if t not in place_words(info(rid))]
        return own[rid]

    out: list[Scored] = []
    covered = []
    # the part setting the next period's tasks ("Đôn đốc … đạt trên 75%"): August's aim for
    # September, no reading of either — unless an aim is asked
    aimed = kinds(query.folded).target
    planned: dict[str, set[str]] = {}
    for cand in candidates(query, ctx.search(query, 12, allowed), ctx):
        rid = cand.hit.chunk.report_id
        if not aimed and rid not in planned:
            planned[rid] = _planned(ctx, rid)
        if cand.hit.chunk.section in planned.get(rid, ()):
            continue
        weight = ctx.corpus.report_idf(cand.hit.chunk.report_id)
        before = sentence_before(cand.hit.chunk.text, cand.sentence)
        said = f"{before} {cand.sentence} {cand.context}"
        present = set(vn.passage_terms(said)) - vn.written_otherwise(query.text, said)
        covered.append((coverage(own_terms(rid), present, weight), cand))
    # what the question names ("kè sông Lam Giang"), said where the figure is, when some
    # passage says it: the ward's new firms, a sentence after the river's, are not the dyke's
    named = [c for c in covered if name_share(query, _where(c[1], info)) == 1.0]
    ranked = sorted(named or covered, key=lambda c: c[0], reverse=True)
    for cov, cand in _few_rows_a_table(ranked)[:8]:
        if cov >= 0.35:
            out += _figures(query, cand, 2 * cov, set(own_terms(cand.hit.chunk.report_id)))
    return sorted(out, key=lambda s: s.score, reverse=True)


_ASIDE = re.compile(r"\([^()]*(?:\)|$)")


# "cả tỉnh", "toàn tỉnh": the province's figure — a commune's report counts its own cases
_PROVINCE_WIDE = re.compile(r"\b(?:toan|ca) tinh\b")
_COMMUNE = re.compile(r"(?:ubnd|uy ban nhan dan) (?:xa|phuong|thi tran)\b")
ROWS_A_TABLE = 3
_KINDS = frozenset(vn.terms("tỉnh xã phường của"))


def place_words(info: ReportInfo | None) -> frozenset[str]:
    """The words naming the place of a report's issuer ("phường Kim Tuyền")."""
    return _place_words(info.issuer) if info else frozenset()


@lru_cache(maxsize=1024)
def _place_words(issuer: str) -> frozenset[str]:
    places = issuer_places(issuer)
    return frozenset(
        {t for place in places for t in vn.terms(place)} | (_KINDS if places else set())
    )


def _few_rows_a_table(ranked: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """At most ROWS_A_TABLE rows of one table: its rows say the measure's words alike (the
    header "Sốt xuất huyết (ca)"), and would crowd out the sentence saying the total."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for cov, cand in ranked:
        chunk = cand.hit.chunk
        if chunk.kind == "table":
            key = (chunk.report_id, chunk.section)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > ROWS_A_TABLE:
                continue
        out.append((cov, cand))
    return out


def _planned(ctx: Context, report_id: str) -> set[str]:
    report = ctx.store.report(report_id)
    return task_sections(report) if report else set()


def _where(cand: Candidate, info: Callable[[str], ReportInfo | None]) -> str:
    """A figure's sentence with what it sits under: its report (and what the report is about,
    its title, read by `info`: "… chống khai thác hải sản … (IUU)"), section and heading."""
    chunk = cand.hit.chunk
    title = card.title if (card := info(chunk.report_id)) else ""
    return f"{title} {header_of(chunk)} {chunk.section_title} {cand.context} {cand.sentence}"


def _words_of(terms: frozenset[str]) -> set[str]:
    return {t for t in terms if not any(ch.isdigit() for ch in t)}


def alike(a: Scored, b: Scored) -> float:
    """How alike two figures' clauses are written (their words, not their figures)."""
    wa, wb = _words_of(a.around), _words_of(b.around)
    return len(wa & wb) / max(1, len(wa | wb))


def measure_said(query: Query, ctx: Context, figures: list[Figure]) -> dict[int, set[str]]:
    """The measure's words each figure's passage says (by the figure's id; not its own
    report's place), read once for all the pairs tried."""
    terms = set(measure_terms(query))
    if wants(query).money_only:  # "hơn bao nhiêu tiền": the unit asked, not the measure
        terms -= MONEY_WORDS
    out = {}
    for f in figures:
        own = place_words(ctx.store.info(f.candidate.hit.chunk.report_id))
        said = set(vn.passage_terms(f"{f.candidate.sentence} {f.candidate.context}"))
        out[id(f)] = (terms - own) & said
    return out


def same_key(ctx: Context, said: dict[int, set[str]], a: Figure, b: Figure) -> bool:
    """The rarest of the measure's words that either figure's passage says (`said`), both
    say: a count of dengue cases ("Sốt xuất huyết (ca)") is not paired with "42 lồng bè nuôi
    cá" because "cá" folds as "ca"."""
    sa, sb = said[id(a)], said[id(b)]
    wa, wb = (ctx.corpus.report_idf(f.candidate.hit.chunk.report_id) for f in (a, b))
    key = max(sa | sb, key=lambda t: wa(t) + wb(t), default="")  # rare in both
    return not key or (key in sa and key in sb)

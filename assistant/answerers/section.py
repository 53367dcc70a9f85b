"""Questions that name a section, not a fact: "Báo cáo nêu những tồn tại, hạn chế gì?",
"Nhiệm vụ tháng tới về y tế gồm những gì?", "Tình hình an ninh trật tự ra sao?".

The question is matched against each report's section tree (titles with their parents',
folded, the genre's words for the same heading: tồn tại ≈ hạn chế ≈ vướng mắc, nhiệm vụ ≈
phương hướng ≈ tháng tới). The answer is the matched section's points — each paragraph's
lead sentence and its sentence with figures, or its list items — each cited, at most
eight, under the section's path. "Tình hình X" with no section of its own gathers the
paragraphs about X across the report's results.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from assistant.answerers.clauses import labelled_group, referenced
from assistant.answerers.section_terms import HEADING_TERMS, PROPOSALS, asked_terms, wants_plan
from assistant.answerers.summary import (
    Point,
    capped,
    chunks_of_section,
    clean,
    every_point,
    section_points,
    trim,
)
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.named_reports import body_terms, report_terms
from assistant.query import Query
from index import periods as P
from index import vn
from index.model import Report, Section
from index.records import task_sections

MAX_POINTS = 8
MAX_NOTES = 3  # footnotes shown under one point
TITLE_MATCH = 0.75  # share of the question's terms a section's title path and body explain


@dataclass(frozen=True)
class Match:
    report_id: str
    path: str
    score: float
    topic: tuple[str, ...]  # the question's terms the title does not explain (to filter by)
    implied: bool = False  # a field named by its umbrella: its points, not the umbrella's


def _title_terms(report: Report, path: str) -> set[str]:
    out: set[str] = set()
    while path:
        sec = report.section(path)
        if sec:
            out |= set(vn.terms(sec.title))
        path = path.rpartition(".")[0]
    return out


MAX_REPORTS_READ = 24  # more than any series a question is about; hits' reports come first


def _body_terms(ctx: Context, report_id: str, path: str) -> set[str]:
    chunks = chunks_of_section(ctx.store.chunks_of(report_id), report_id, path)
    return {t for c in chunks for t in vn.terms(c.text)}


def _body_text(ctx: Context, report_id: str, path: str) -> str:
    """A section's words, folded and padded: where a field's words are looked up."""
    chunks = chunks_of_section(ctx.store.chunks_of(report_id), report_id, path)
    return f" {' '.join(w for c in chunks for w in vn.syllables(vn.fold(c.text)))} "


def _label(sec: Section) -> str:
    """'III.6 Lĩnh vực Quốc phòng - an ninh'; a title carrying a figure ('… THÁNG 11/2025')
    is left out: an answer's own words carry no figure its citations do not hold."""
    return sec.label if not re.search(r"\d", sec.title) else f"Mục {sec.path}"


def _about_whole(ctx: Context, rid: str, report: Report, terms: list[str]) -> set[str]:
    """What the whole report is about: "Đề án 06" ("CCHC" too, when the title spells it out),
    and the place its date line names ("Trà Giang, ngày 16 tháng 11": a department's report
    is about its province though its issuer does not say which); heading words never are."""
    whole = (report_terms(ctx.store, rid) | set(vn.terms(report.meta.place))) - HEADING_TERMS
    return whole | {
        t
        for t in terms
        if (long := vn.ABBREVIATIONS.get(t.upper())) and set(vn.terms(long)) <= whole
    }


def _results_part(query: Query, ctx: Context, report_id: str) -> Match | None:
    """ "Tình hình an ninh trật tự tháng 10 thế nào?" of the police's own report on it: every
    word the question names a section with is what the whole report is about, and its
    results part (the first heading neither a plan, a shortcoming nor a proposal) answers."""
    report = ctx.store.report(report_id)
    terms = asked_terms(query)
    if report is None or not terms or not set(terms) <= _about_whole(ctx, report_id, report, terms):
        return None
    planned = task_sections(report)
    # "tháng 12 ngành văn hóa có những việc gì" of November's report: the month it plans for
    ahead = P.from_label(report.meta.task_period or "")
    plan = wants_plan(query) or any(
        ahead is not None
        and m.period is not None
        and m.period.months_of_year == ahead.months_of_year
        for m in query.periods
    )
    parts = [
        sec
        for sec in report.sections
        if (sec.path in planned) == plan and (plan or not HEADING_TERMS & set(vn.terms(sec.title)))
    ]
    # a report on several things ("tiếp công dân, giải quyết khiếu nại, tố cáo và phòng,
    # chống tham nhũng"): the part whose own heading names most of those asked, the
    # shallower of two alike; a report on one thing: its first part
    own = [sum(t in set(vn.terms(sec.title)) for t in terms) for sec in parts]
    best = max(range(len(parts)), key=lambda i: (own[i], -parts[i].level), default=None)
    if best is not None and own[best] >= 2:
        return Match(report_id, parts[best].path, 1.0, ())
    first = next((sec for sec in parts if sec.level == 1), None)
    return Match(report_id, first.path, 1.0, ()) if first else None


def best_section(query: Query, ctx: Context, report_ids: list[str]) -> Match | None:
    """The section whose title path names the question's heading words and whose body holds
    the rest; ties go to the deeper (more specific) section, then the newer report."""
    terms = asked_terms(query)
    if not terms:
        return None
    best: tuple[tuple[int, int, int, int, float, int, str], Match] | None = None
    for rid in report_ids:
        report = ctx.store.report(rid)
        if report is None:
            continue
        issuer_body = body_terms(report.meta.issuer)
        whole = _about_whole(ctx, rid, report, terms)
        # "IV. KIẾN NGHỊ, ĐỀ XUẤT" under "PHƯƠNG HƯỚNG, NHIỆM VỤ …" asks, it plans nothing
        planned = {p for p in task_sections(report) if not PROPOSALS & _title_terms(report, p)}
        plans_asked = bool(planned) and wants_plan(query)
        # a word the report never uses ("mảng văn hóa") tells none of its sections apart:
        # it still lowers every section's score, but needs no body to hold it
        count = ctx.corpus.report_count(rid)
        for sec in report.sections:
            # plans answer "sẽ làm gì", results everything else (when the report has both)
            if planned and (sec.path in planned) != wants_plan(query):
                continue
            literal = _title_terms(report, sec.path)
            # "giáo dục" is named by "Lĩnh vực Văn hóa - xã hội" (after any heading of its own)
            title = literal | vn.implied_fields(
                literal,
                query.folded,
                lambda: _body_text(ctx, rid, sec.path),  # noqa: B023
            )
            # the report's own subject alone names no section — but among its plans, asked
            # for as such ("tháng tới … sẽ làm gì"), its fields do
            named = [t for t in terms if t in title and (t not in whole or plans_asked)]
            if not named:
                continue
            own_title = set(vn.terms(sec.title))
            # "quốc phòng - an ninh" counts here; "Sở Y tế" naming the report's own body does
            # not ("Sở Y tế muốn UBND tỉnh …": "Đối với UBND tỉnh", not "Đối với Bộ Y tế"); own:
            # named by the section itself
            named_all = sum(t in literal and t not in issuer_body for t in terms)
            own = sum(t in own_title and t not in issuer_body for t in terms)
            rest = [t for t in terms if t not in title and t not in whole]
            body = _body_terms(ctx, rid, sec.path) if rest else set()
            found = sum(t in body for t in rest)
            score = (len(terms) - len(rest) + found) / len(terms)
            if score < TITLE_MATCH or found < sum(count(t) > 0 for t in rest) * 0.5:
                continue
            key = (
                len(named),
                sum(t in literal for t in named),
                named_all,
                own,
                round(score, 3),
                sec.path.count(".") + 1,
                report.meta.date,
            )
            if best is None or key > best[0]:
                # "giáo dục" found by its umbrella ("Văn hóa - xã hội"): only its points
                implied = any(t not in literal for t in named)
                topic = tuple(t for t in rest if t in body)
                best = (key, Match(rid, sec.path, score, topic, implied))
    return best[1] if best else None


def _points(ctx: Context, match: Match, task_like: bool, field_asked: str = "") -> list[Point]:
    """The section's points, narrowed to the question's remaining topic when it has one, and
    to the field `field_asked` names when the section is its umbrella."""
    chunks = chunks_of_section(ctx.store.chunks_of(match.report_id), match.report_id, match.path)
    every = every_point(chunks)  # (chunks_of_section holds no footnote)
    if match.implied and (words := vn.field_words(field_asked)):
        said = [set(vn.passage_terms(p.sentence)) for p in every]
        about = [p for p, t in zip(every, said, strict=True) if any(set(w) <= t for w in words)]
        every = about or every
    if len(every) <= MAX_POINTS:  # a short section is quoted whole
        return every
    points = section_points(chunks)
    if match.topic and len(points) > MAX_POINTS:
        # a long section: the points about the question's remaining words first
        wanted = set(match.topic)
        about = [p for p in points if wanted & set(vn.terms(p.chunk.text))]
        points = about or points
    return capped(points, MAX_POINTS)


def _gather(terms: list[str], ctx: Context, report_id: str) -> list[Point]:
    """'Tình hình X': the results paragraphs about X, in report order."""
    report = ctx.store.report(report_id)
    if report is None or not terms:
        return []
    planned = task_sections(report)
    chunks = [
        c
        for c in ctx.store.chunks_of(report_id)
        if c.kind == "paragraph" and c.section not in planned
    ]
    about = [c for c in chunks if set(terms) <= set(vn.terms(c.text))]
    about.sort(key=lambda c: c.paragraphs[0] if c.paragraphs else 0)
    points = [p for p in section_points(about) if set(terms) & set(vn.terms(p.sentence))]
    return capped(points, MAX_POINTS)


# "dự án Đường vành đai phía Bắc đang vướng mắc gì": the project named, up to how it is asked
_NAMED = re.compile(
    r"\b(?:du an|cong trinh)\s+((?:\w+ ){2,10}?)(?=(?:dang|da|con|co|gap|bi|vuong|kho|ton|"
    r"han|the|ra|nhu|hien|trong|thang|nam|la|nao|gi|can|phai|duoc)\b)"
)


def _subject(query: Query) -> list[str]:
    """The named project's words, when the question names one (two words or more)."""
    m = _NAMED.search(" ".join(vn.syllables(query.folded)) + " ")
    words = [t for t in vn.terms(m.group(1)) if t not in vn.STOPWORDS] if m else []
    return words if len(words) >= 2 else []


def _reports(query: Query, ctx: Context) -> list[str]:
    """Reports in scope, those the question's hits come from first."""
    scope = ctx.scope(query)
    infos = [i for i in ctx.store.reports() if scope.admits(i.report_id)]
    hit_order = list(dict.fromkeys(h.chunk.report_id for h in ctx.hits(query)))
    return sorted(
        (i.report_id for i in infos),
        key=lambda rid: hit_order.index(rid) if rid in hit_order else len(hit_order),
    )


def answer(query: Query, ctx: Context) -> Answer | None:
    t0 = time.perf_counter()
    reports = _reports(query, ctx)
    if not reports:
        return None
    # one report answers a section question: the newest in scope unless the hits say otherwise
    # then the others, those with hits first; an archive of a thousand is not read whole
    match = (
        best_section(query, ctx, reports[:1])
        or best_section(query, ctx, reports[:MAX_REPORTS_READ])
        or _results_part(query, ctx, reports[0])
    )
    if match is not None:
        points = _points(ctx, match, wants_plan(query), query.folded)
        report = ctx.store.report(match.report_id)
        sec = report.section(match.path) if report else None
        head = _label(sec) if sec else match.path
        parent = (
            report.section(match.path.rpartition(".")[0]) if report and "." in match.path else None
        )
        if parent:
            head += f" (thuộc {_label(parent)})"
    else:
        points = _gather(asked_terms(query), ctx, reports[0])
        report = ctx.store.report(reports[0])
        head = "Các đoạn nói về nội dung này"
    if subject := _subject(query):
        # "dự án X đang vướng mắc gì": the section's points about X, then X's paragraphs
        named = [p for p in points if set(subject) <= set(vn.terms(p.sentence))]
        more = _gather(subject, ctx, match.report_id if match else reports[0])
        more = [p for p in more if p not in named and set(subject) <= set(vn.terms(p.sentence))]
        points = capped([*named, *more], MAX_POINTS)
        head = head if named else "Các đoạn nói về nội dung này"
    if not points or report is None:
        return None
    citer = Citer(ctx.store)
    # which report it is stands in every citation: the answer's own words carry no figure
    lines = [f"{head}:"]
    for p in points:
        kept = trim(p.sentence)
        shown = clean(kept)
        line = f"- {shown} [{citer.cite(p.chunk, 1.0, shown)}]"
        # the footnotes its markers point to hold the real lists ("01 dự án¹⁵" — ¹⁵ which)
        for fn in referenced(p.chunk, kept, ctx.store.chunks)[:MAX_NOTES]:
            note = clean(labelled_group(query, fn.text) or trim(fn.text, 240))
            line += f" (chú thích {fn.footnote}): {note} [{citer.cite(fn, 1.0, note)}]"
        lines.append(line)
    return citer.answer(query.text, lines, t0, "section")

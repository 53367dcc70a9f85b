"""Extractive summaries that walk a report's sections instead of top-k retrieval:
per paragraph, its lead sentence, and any other sentence carrying key figures.
As an answerer: "tóm tắt báo cáo tháng 12" walks the whole report in scope."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace

from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.named_reports import place_names, report_terms
from assistant.query import Query
from index import labels, vn
from index import periods as P
from index.model import Chunk, Report, Section
from index.store import ReportInfo, Store


@dataclass(frozen=True)
class Point:
    chunk: Chunk
    sentence: str
    lead: bool = True  # a paragraph's lead sentence, not its sentence with figures


_FIGURE = re.compile(r"(?<![\d/.,])(\d[\d.,]*)(?![\d/])(?:\s*%|\s+(?!năm\b)[^\W\d_]+)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _figure_weight(sentence: str) -> int:
    """How many figures a sentence carries, each with what it counts or a percentage ("2.184
    dịch vụ", "76,3%"); years and dates count nothing."""
    return sum(not _YEAR.fullmatch(m.group(1)) for m in _FIGURE.finditer(sentence))


# an aside alone on its line ("(Số liệu từ ngày 01/10/2026 đến ngày 31/10/2026)", a table's
# caption note): what the lines around it are measured by, no point of its own
_ASIDE = re.compile(r"^\s*\([^()]*\)\s*\.?\s*$")


def section_points(chunks: list[Chunk], limit: int = 0) -> list[Point]:
    """Per paragraph (a chunk may hold several), its lead sentence and its most figure-dense
    other sentence, in report order. With a `limit`, every paragraph's lead comes before any
    paragraph's second sentence, so a long section is covered to its end."""
    points: list[Point] = []
    # a table's rows are its detail: the paragraphs around it say what it shows (a section
    # that is only a table is read row by row)
    prose = any(c.kind == "paragraph" for c in chunks)
    for c in chunks:
        if c.kind == "footnote" or (prose and c.kind == "table"):
            continue
        for para in c.text.split("\n"):
            sents = [s for s in vn.quotable_sentences(para) if not _ASIDE.match(s)]
            if not sents:
                continue
            points.append(Point(c, sents[0]))
            rest = sorted(sents[1:], key=_figure_weight, reverse=True)
            if rest and _figure_weight(rest[0]) > 0:
                points.append(Point(c, rest[0], lead=False))
    return capped(points, limit) if limit else points


def capped(points: list[Point], limit: int) -> list[Point]:
    """At most `limit` points, every lead before any second sentence, kept in report order."""
    kept = sorted(range(len(points)), key=lambda i: (not points[i].lead, i))[:limit]
    return [points[i] for i in sorted(kept)]


def key_points(chunks: list[Chunk], limit: int) -> list[Point]:
    """A summary's `limit` points of a section, in report order: its opening sentence (what
    it is about), then the sentences with the most figures — a leader's summary is its
    results, not every paragraph's first words ("Tiếp tục chỉ đạo …")."""
    points = section_points(chunks)
    if len(points) <= limit:
        return points
    rest = sorted(range(1, len(points)), key=lambda i: (-_figure_weight(points[i].sentence), i))
    kept = [0, *[i for i in rest if _figure_weight(points[i].sentence)][: limit - 1]]
    kept += [i for i in range(1, len(points)) if i not in kept][: limit - len(kept)]
    return [points[i] for i in sorted(kept)]


_VERDICT = re.compile(r"\b(?:uu diem|han che|mat tich cuc|ton tai|danh gia chung)\b")


def _verdict(sec: Section | None) -> bool:
    """A section of the report's own assessment of the period (its strengths, its
    shortcomings), by its own title."""
    return sec is not None and bool(_VERDICT.search(" ".join(vn.syllables(vn.fold(sec.title)))))


def every_point(chunks: list[Chunk]) -> list[Point]:
    """Every sentence of the chunks (footnotes aside), in order, each a point of its own: a
    short section quoted whole."""
    return [
        Point(c, sent)
        for c in chunks
        if c.kind != "footnote"
        for para in c.text.split("\n")
        for sent in vn.quotable_sentences(para)
        if not _ASIDE.match(sent)
    ]


def chunks_of_section(chunks: Iterable[Chunk], report_id: str, path: str) -> list[Chunk]:
    """Chunks of a section and its subsections, in report order."""
    inside = [
        c
        for c in chunks
        if c.report_id == report_id
        and c.kind != "footnote"
        and (c.section == path or c.section.startswith(path + "."))
    ]
    return sorted(inside, key=lambda c: (c.paragraphs[0] if c.paragraphs else 0, c.id))


def clean(sentence: str) -> str:
    """Markers out, and the list dash of an item ("- Đối với …") that the answer's own
    bullet replaces."""
    return re.sub(r"^[-+•]\s+", "", vn.strip_markers(sentence).strip())


def report_sections(report: Report) -> list[str]:
    """Paths of the sections that hold paragraphs directly, in order."""
    seen: list[str] = []
    for p in report.paragraphs:
        if p.section and p.section not in seen:
            seen.append(p.section)
    return seen


def find_report(store: Store, ref: str) -> str | None:
    """A report named by id, number ('1250/BC-UBND' or '1250'), file name or period
    ('12/2023', 'tháng 12/2023'); the newest when several match."""
    ref = ref.strip()
    infos = sorted(store.reports(), key=lambda r: r.date, reverse=True)
    folded = vn.fold(ref)
    period = P.parse(ref)
    for test in (
        lambda r: r.report_id == ref,
        lambda r: r.number.upper() == ref.upper() or r.source == ref or r.path == ref,
        lambda r: r.number.split("/")[0] == ref,
        lambda r: vn.fold(r.source).startswith(folded),
        lambda r: period is not None and r.period == period.label,
    ):
        found = [r for r in infos if test(r)]
        if found:
            return found[0].report_id
    return None


def trim(sentence: str, limit: int = 320) -> str:
    """Keep a long sentence's opening clause and its clauses with figures, within `limit`."""
    if len(sentence) <= limit:
        return sentence
    clauses = re.split(r"(?<=[;:])\s+", sentence)
    # "1. Đối với Bộ GDĐT: sớm ban hành …": a label opening says nothing without what follows
    lead = [0, 1] if len(clauses) > 1 and len(clauses[0]) < 60 and clauses[0].endswith(":") else [0]
    kept = lead + [i for i, c in enumerate(clauses[1:], 1) if i not in lead and _figure_weight(c)]
    out: list[str] = []
    size, last = 0, -1
    for i in kept:
        if size + len(clauses[i]) > limit and out:
            break
        if out and i != last + 1:
            out.append("…")
        out.append(clauses[i])
        size, last = size + len(clauses[i]), i
    return " ".join(out) + (" …" if last != len(clauses) - 1 else "")


def summarize_report(store: Store, report_id: str, section: str | None = None) -> Answer:
    """Walk the report's sections (or one section and its subsections): per section, the
    lead sentence and the sentences carrying key figures, each cited. No retrieval, no LLM."""
    t0 = time.perf_counter()
    report = store.report(report_id)
    if report is None:
        raise KeyError(report_id)
    citer = Citer(store)
    m = report.meta
    if labels.has_number(m.number):
        head = f"Tóm tắt báo cáo số {m.number}"
        head += f" {labels.date_phrase(m.date_vn)}" if m.date else ""
        head += f" (kỳ {m.period})" if m.period else ""
    else:
        head = f"Tóm tắt {labels.of_report(report)}"
    lines = [head + (f", mục {section}" if section else "") + ":"]
    chunks = store.chunks_of(report_id)
    paths = [
        p
        for p in report_sections(report)
        if section is None or p == section or p.startswith(section + ".")
    ]
    # the report's own verdict first ("Ưu điểm", "Hạn chế"): what a leader reads it for
    own = [p for p in paths if section is None and _verdict(report.section(p))]
    for path in own + [p for p in paths if p not in own]:
        inside = [c for c in chunks_of_section(chunks, report_id, path) if c.section == path]
        points = every_point(inside)[:4] if path in own else key_points(inside, 3)
        if not points:
            continue
        sec = report.section(path)
        lines.append(f"\n{sec.label if sec else path}")
        for p in points:
            shown = clean(trim(p.sentence))
            lines.append(f"- {shown} [{citer.cite(p.chunk, 1.0, shown)}]")
    took = (time.perf_counter() - t0) * 1000
    if len(lines) == 1:
        lines.append("Không tìm thấy nội dung trong mục này.")
    return Answer(
        question=f"tóm tắt {report_id}" + (f" {section}" if section else ""),
        text="\n".join(lines),
        insufficient=not citer.citations,
        citations=tuple(citer.citations),
        support=1.0 if citer.citations else 0.0,
        timings_ms={"retrieve": 0.0, "answer": took},
    )


# Words of a summary request that name no topic: "tóm tắt báo cáo tháng 11 của UBND".
_REQUEST = frozenset(
    vn.terms(
        "báo cáo tình hình kinh tế xã hội quốc phòng an ninh chung toàn bộ cả thành phố tỉnh "
        "ubnd ngắn gọn nhanh chính điểm nội dung kết quả giúp tôi nói gọn văn bản này đó "
        "report city province điểm qua tóm lại làm được những việc nổi bật vài ý chính "
        "tóm gọn thôi nhìn chung được gì còn vướng gì khó khăn tồn tại"
    )
)


_PART = re.compile(r"\b(?:phan|muc|linh vuc|mang|rieng|ve cong tac|section|part)\b")


def answer(query: Query, ctx: Context) -> Answer | None:
    """The whole report when the question names no topic of its own; None otherwise (a
    section summary is the section answerer's)."""
    scope = ctx.scope(query)
    infos = [r for r in ctx.store.reports() if scope.admits(r.report_id)]
    if not infos:
        return None
    topic = [t for t in vn.terms(" ".join(query.content)) if t not in _REQUEST]

    def about(info: ReportInfo) -> set[str]:
        """What the report as a whole is about: its issuer, place and title."""
        places = {w for p in place_names(info) for w in p.split()}
        return report_terms(ctx.store, info.report_id) | places

    # the report whose own subject covers the question's topic best, the newest of those
    best = max(infos, key=lambda r: (sum(t in about(r) for t in topic), r.date))
    left = [t for t in topic if t not in about(best)]
    plain = " ".join(vn.syllables(query.folded))
    whole_report = re.search(r"\b(?:bao cao|report)\b", plain) and not _PART.search(plain)
    if len(left) > 0.4 * len(topic) and not whole_report:
        return None  # the topic is a part of the report: a section summary
    return replace(summarize_report(ctx.store, best.report_id), question=query.text)

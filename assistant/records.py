"""Records across reports from the registry, each cited back to its passage: a document
by number, a project's timeline, last period's tasks followed up, a measure over the
periods. The CLI's records commands and the records answerer (answerers/records.py) read
them from here.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass

from assistant.cite import Citation, Citer
from index import periods as P
from index import vn
from index.model import Chunk
from index.records import Amount, doc_number_key, documents_in, task_sections
from index.records.documents import references
from index.registry import parse_number_query
from index.store import Store

# ---- citations ---------------------------------------------------------------------------


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


# ---- documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentMatch:
    kind: str  # registry (a record of the document) | mention (another passage naming it)
    type: str
    number: str
    date: str  # ISO
    issuer: str
    about: str
    report: str  # number of the report it appears in
    period: str
    citation: Citation | None
    notes: tuple[int, ...] = ()  # footnotes its clause refers to ("… 01 dự án⁴")

    def to_json(self) -> dict:
        return {**asdict(self), "citation": _citation_json(self.citation)}


def lookup_document(
    store: Store,
    text: str,
    period: str | None = None,
    report: str | None = None,
    reports: Collection[str] | None = None,
) -> list[DocumentMatch]:
    """A document by its number in any spelling: the registry's records first (newest
    report first), then every other passage that mentions it, across all reports (only
    `reports`, when given)."""
    citer = RecordCiter(store)
    docs = store.registry.find_documents(number=text, period=period, report=report, reports=reports)
    out: list[DocumentMatch] = []
    for d in docs:
        rperiod, rnumber = _period_of(store, d.report_id)
        cite = (
            citer.cite_record(d.report_id, d.paragraph, d.footnote, d.passage)
            if d.paragraph is not None or d.footnote is not None
            else None
        )
        notes = tuple(n for n, _, _ in vn.footnote_markers(d.passage)) if d.footnote is None else ()
        out.append(DocumentMatch(
            "registry", d.type, d.number, d.date, d.issuer, d.about, rnumber, rperiod, cite, notes
        ))  # fmt: skip
    key, digits, _ = parse_number_query(text)
    keys = {d.key for d in docs} or ({key} if key else set())
    cited = {m.citation.chunk_id for m in out if m.citation}
    # a passage naming the number holds its digits: the lexical postings say where
    digit_tokens = {s for k in keys for s in vn.syllables(k) if s.isdigit()}
    for chunk in store.chunks_with(digit_tokens | ({digits} if digits else set())):
        if chunk.id in cited or (reports is not None and chunk.report_id not in reports):
            continue
        plain = vn.strip_markers(chunk.text)
        found = [m for m in documents_in(plain) if doc_number_key(m.group(0)) in keys]
        if not found and not keys and digits:
            found = [m for m in documents_in(plain) if m.group("digits") == digits]
        if not found:
            continue
        sentence = next((s for s in vn.sentences(plain) if found[0].group(0) in s), plain)
        rperiod, rnumber = _period_of(store, chunk.report_id)
        if period and not _in_period(rperiod, period):
            continue
        cite = citer.cite_record(
            chunk.report_id,
            chunk.paragraphs[0] if chunk.paragraphs else None,
            chunk.footnote,
            sentence,
        )
        number = re.sub(r"\s+", "", found[0].group(0))
        out.append(DocumentMatch("mention", "", number, "", "", "", rnumber, rperiod, cite))
        cited.add(chunk.id)
    return out


def _in_period(period: str, wanted: str) -> bool:
    have, want = P.from_label(period), P.from_label(wanted) or P.parse(wanted)
    return bool(have and want and want.contains(have))


# ---- projects ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectMention:
    name: str
    stage: str
    planned: bool
    clause: str
    amounts: tuple[Amount, ...]
    citation: Citation | None

    def to_json(self) -> dict:
        return {**asdict(self), "citation": _citation_json(self.citation)}


@dataclass(frozen=True)
class ProjectStage:
    """What one report says about a project."""

    report_id: str
    report: str
    date: str
    period: str
    stage: str
    mentions: tuple[ProjectMention, ...]

    def to_json(self) -> dict:
        return {
            **{k: v for k, v in asdict(self).items() if k != "mentions"},
            "mentions": [m.to_json() for m in self.mentions],
        }


def project_timeline(
    store: Store,
    text: str,
    period: str | None = None,
    report: str | None = None,
    reports: Collection[str] | None = None,
    issuer: str | None = None,
) -> list[ProjectStage]:
    """Every report's mentions of the project `text` names (under each name it goes
    by), newest report first, with the stage that report puts it in; `issuer` keeps one
    body's project when two bodies' projects share a name."""
    from index.records import report_stage

    citer = RecordCiter(store)
    mentions = store.registry.project_timeline(
        text, period=period, report=report, reports=reports, issuer=issuer
    )
    out: list[ProjectStage] = []
    for rid in dict.fromkeys(m.report_id for m in mentions):
        mine = [m for m in mentions if m.report_id == rid]
        report = store.report(rid)
        out.append(
            ProjectStage(
                report_id=rid,
                report=report.meta.number if report else rid,
                date=report.meta.date if report else "",
                period=report.meta.period if report else "",
                stage=report_stage(mine),
                mentions=tuple(
                    ProjectMention(
                        m.name,
                        m.stage,
                        m.planned,
                        m.clause,
                        m.amounts,
                        citer.cite_record(
                            rid, m.paragraph, m.footnote, m.passage if m.footnote else m.clause
                        ),
                    )
                    for m in mine
                ),
            )
        )
    return out


# ---- tasks -------------------------------------------------------------------------------

DONE, IN_PROGRESS, NOT_MENTIONED, NO_REPORT = "done", "in_progress", "not_mentioned", "no_report"
STATUS_VN = {
    DONE: "đã thực hiện",
    IN_PROGRESS: "đang thực hiện",
    NOT_MENTIONED: "chưa thấy báo cáo nhắc đến",
    NO_REPORT: "chưa có báo cáo kỳ này",
}
# Words of how a task is phrased, not of what it is about (folded).
_GENERIC = re.compile(
    r"\b(?:tiep tuc|trien khai|thuc hien|to chuc|chi dao|tap trung|day manh|tang cuong|hoan thanh|"
    r"dam bao|cong tac|phoi hop|chuan bi|cac dieu kien|theo quy dinh|nam \d{4}|"
    r"thang \d{1,2}(?:/\d{4})?|"
    r"xay dung ke hoach|tot|cac|nhung|doi voi|tren dia ban|phan dau|ket qua)\b"
)
_STRONG_PROGRESS = re.compile(r"(?<!\w)(?:đang|chưa|tạm dừng|còn \d)(?!\w)")
_DONE = re.compile(r"(?<!\w)(?:đã hoàn thành|hoàn thành|đã|thành công|xong)(?!\w)")
_WEAK_PROGRESS = re.compile(r"(?<!\w)tiếp tục(?!\w)")
MATCH_AT = 0.35


@dataclass(frozen=True)
class TaskFollowup:
    task: str
    details: str  # what its footnotes name (the projects of "01 dự án¹⁴")
    notes: tuple[int, ...]  # those footnotes' numbers
    field: str
    target_period: str
    status: str  # done | in_progress | not_mentioned | no_report
    score: float
    evidence: str  # the clause of the next report that speaks of it
    task_citation: Citation | None
    evidence_citation: Citation | None

    @property
    def status_vn(self) -> str:
        return STATUS_VN[self.status]

    def to_json(self) -> dict:
        return {
            **{k: v for k, v in asdict(self).items() if not k.endswith("citation")},
            "status_vn": self.status_vn,
            "task_citation": _citation_json(self.task_citation),
            "evidence_citation": _citation_json(self.evidence_citation),
        }


def task_content(text: str) -> list[str]:
    """The words that say what a task (or a clause reporting on one) is about. A document
    it names is one word of its own ("Kế hoạch số 372/KH-UBND" → 'vanban372'): the words of
    its type would match any other plan ("lập Kế hoạch sử dụng đất")."""
    text = vn.strip_markers(text)
    for start, end, digits in reversed(references(text)):
        text = f"{text[:start]} vanban{digits} {text[end:]}"
    folded = _GENERIC.sub(" ", vn.fold(vn.expand_abbreviations(text)))
    return [w for w in vn.syllables(folded) if not vn.is_stopword(w, False)]


def _similarity(want: list[str], have: list[str], weight: Callable[[str], float]) -> float:
    """Half the IDF-weighted share of the task's words found, half the share of its word
    pairs found: 'lấn chiếm vỉa hè' counts for more than 'thu' and 'ngân sách' apart."""
    words = set(want)
    total = sum(weight(t) for t in words) or 1.0
    uni = sum(weight(t) for t in words & set(have)) / total
    pairs = set(itertools.pairwise(want))

    def pair_weight(pair: tuple[str, str]) -> float:
        return min(weight(pair[0]), weight(pair[1]))

    found = pairs & set(itertools.pairwise(have))
    bi = sum(map(pair_weight, found)) / (sum(map(pair_weight, pairs)) or 1.0) if pairs else uni
    return 0.5 * uni + 0.5 * bi


def _next_report(store: Store, period: str, reports: Collection[str] | None = None) -> str:
    """Id of the report whose reported period is `period` ('' when none is indexed)."""
    bounds = P.bounds(period)
    rows = [r for r in store.registry.reports() if reports is None or r.report_id in reports]
    return next((r.report_id for r in rows if bounds and P.bounds(r.period) == bounds), "")


def _passages(store: Store, report_id: str) -> list[tuple[str, str, str, int]]:
    """(text to match, clause, what it says of it, paragraph) of a report's results and
    assessment parts: each clause with the footnotes it refers to; what it says runs on
    into a next clause that continues it ("…; còn 07 hộ chưa nhận tiền")."""
    report = store.report(report_id)
    if report is None:
        return []
    planned = task_sections(report)
    notes = {f.number: f.text for f in report.footnotes}
    out = []
    for para in report.paragraphs:
        if para.section in planned:
            continue
        for sentence in vn.sentences(para.text):
            clauses = re.split(r"(?<=;)\s+", sentence)
            for i, clause in enumerate(clauses):
                refs = [notes[n] for n, _, _ in vn.footnote_markers(clause) if n in notes]
                says = clause
                if i + 1 < len(clauses) and clauses[i + 1][:1].islower():
                    says = f"{clause} {clauses[i + 1]}"
                out.append((" ".join([clause, *refs]), clause, says, para.index))
    return out


def task_followup(
    store: Store, period: str, reports: Collection[str] | None = None
) -> list[TaskFollowup]:
    """Each task set for `period` (MM/YYYY) matched to what the report of that period says
    about it: the clauses sharing most of its content (see `_similarity`); a clause among
    the best that says it is under way ("đang", "chưa", "tạm dừng") makes it in progress,
    else cue words of the best decide. Only `reports`, when given, set or follow up."""
    citer = RecordCiter(store)
    next_id = _next_report(store, period, reports)
    units = _passages(store, next_id) if next_id else []
    tokens = [task_content(u[0]) for u in units]
    df = Counter(t for toks in tokens for t in set(toks))
    n = max(1, len(units))

    def weight(t: str) -> float:
        return math.log(1 + n / (df.get(t, 0) + 0.5))

    out: list[TaskFollowup] = []
    for task in store.registry.tasks(period, reports=reports):
        want = task_content(f"{task.text} {task.details}")
        task_cite = citer.cite_record(task.report_id, task.paragraph, None, task.passage)
        report = store.report(task.report_id)
        notes = tuple(
            n
            for n, _, _ in vn.footnote_markers(task.passage)
            if report and (fn := report.footnote(n)) and fn.text in task.details
        )
        base = (task.text, task.details, notes, task.field, task.target_period)
        if not next_id:
            out.append(TaskFollowup(*base, NO_REPORT, 0.0, "", task_cite, None))
            continue
        scores = [_similarity(want, toks, weight) for toks in tokens]
        best = max(scores, default=0.0)
        if best < MATCH_AT:
            out.append(TaskFollowup(*base, NOT_MENTIONED, round(best, 3), "", task_cite, None))
            continue
        close = [i for i, sc in enumerate(scores) if sc >= 0.85 * best]
        close.sort(key=lambda i: -scores[i])
        status = {i: _status(units[i][2]) for i in close}
        pick = next(
            (i for i in close if status[i] == IN_PROGRESS and _under_way(units[i][2])), close[0]
        )
        _, clause, _, para = units[pick]
        out.append(
            TaskFollowup(
                *base,
                status[pick],
                round(scores[pick], 3),
                vn.strip_markers(clause).strip(),
                task_cite,
                citer.cite_record(next_id, para, None, clause),
            )
        )
    return out


def _under_way(sentence: str) -> bool:
    return bool(_STRONG_PROGRESS.search(vn.strip_markers(sentence).lower()))


def _status(sentence: str) -> str:
    """done / in progress from the cue words of the sentence that reports on a task
    (matched with diacritics: 'chữa cháy' is not 'chưa')."""
    text = vn.strip_markers(sentence).lower()
    if _STRONG_PROGRESS.search(text):
        return IN_PROGRESS
    if _DONE.search(text):
        return DONE
    return IN_PROGRESS if _WEAK_PROGRESS.search(text) else DONE


# ---- figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesRow:
    period: str
    value: float
    raw: str
    unit: str
    measure: str
    report: str
    citation: Citation | None
    issuer: str = ""  # the body whose report gives it: a series is one body's

    def to_json(self) -> dict:
        return {**asdict(self), "citation": _citation_json(self.citation)}


def figure_series(
    store: Store,
    measure: str,
    unit: str | None = None,
    period: str | None = None,
    report: str | None = None,
    issuer: str | None = None,
    reports: Collection[str] | None = None,
    all_issuers: bool = False,
) -> list[SeriesRow]:
    """The same measure across reports, oldest period first, each value cited: one
    issuer's (the one named, else that of the best match; see Registry.figure_series)."""
    citer = RecordCiter(store)
    out = []
    found = store.registry.figure_series(
        measure,
        unit=unit,
        period=period,
        report=report,
        issuer=issuer,
        reports=reports,
        all_issuers=all_issuers,
    )
    for f in found:
        source = store.report(f.report_id)
        out.append(
            SeriesRow(
                f.period,
                f.value,
                f.raw,
                f.unit,
                f.measure,
                source.meta.number if source else f.report_id,
                citer.cite_record(f.report_id, f.paragraph, f.footnote, f.passage),
                source.meta.issuer if source else "",
            )
        )
    return out

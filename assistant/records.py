"""Answers across reports from the records registry, each cited back to its passage:
a document by number, a project's timeline, last period's tasks followed up, a measure
over the periods. `try_records_answer` turns a question of one of these kinds into an
Answer, or returns None so the passage answerer takes it.
"""

from __future__ import annotations

import itertools
import math
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

from assistant.answer import Answer, Citation
from assistant.cite import Citer
from index import vn
from index.model import Chunk
from index.records import Amount, doc_number_key, documents_in, task_sections
from index.registry import parse_number_query, parse_period, period_bounds
from index.store import Store

# ---- citations ---------------------------------------------------------------------------


class _Citer(Citer):
    """Finds the chunk holding a record's passage, then cites it like any answer does."""

    def __init__(self, store: Store):
        super().__init__(store)
        self._by_report: dict[str, list[Chunk]] = {}
        for c in store.chunks.values():
            self._by_report.setdefault(c.report_id, []).append(c)

    def chunk(
        self, report_id: str, paragraph: int | None, footnote: int | None, passage: str
    ) -> Chunk | None:
        chunks = self._by_report.get(report_id, [])
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
    report = store.report(report_id)
    return (report.meta.period, report.meta.number) if report else ("", report_id)


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
    store: Store, text: str, period: str | None = None, report: str | None = None
) -> list[DocumentMatch]:
    """A document by its number in any spelling: the registry's records first (newest
    report first), then every other passage that mentions it, across all reports."""
    citer = _Citer(store)
    docs = store.registry.find_documents(number=text, period=period, report=report)
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
    for chunk in store.chunks.values():
        if chunk.id in cited:
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
    have, want = period_bounds(period), parse_period(wanted)
    return bool(have and want and want[0] <= have[0] and have[1] <= want[1])


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
    store: Store, text: str, period: str | None = None, report: str | None = None
) -> list[ProjectStage]:
    """Every report's mentions of the project `text` names, newest report first, with
    the stage that report puts it in."""
    from index.records import report_stage

    citer = _Citer(store)
    mentions = store.registry.project_timeline(text, period=period, report=report)
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


def _content(text: str) -> list[str]:
    folded = _GENERIC.sub(" ", vn.fold(vn.expand_abbreviations(vn.strip_markers(text))))
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


def _next_report(store: Store, period: str) -> str:
    """Id of the report whose reported period is `period` ('' when none is indexed)."""
    bounds = parse_period(period)
    rows = store.registry.reports()
    return next((r.report_id for r in rows if bounds and period_bounds(r.period) == bounds), "")


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


def task_followup(store: Store, period: str) -> list[TaskFollowup]:
    """Each task set for `period` (MM/YYYY) matched to what the report of that period says
    about it: the clauses sharing most of its content (see `_similarity`); a clause among
    the best that says it is under way ("đang", "chưa", "tạm dừng") makes it in progress,
    else cue words of the best decide."""
    citer = _Citer(store)
    next_id = _next_report(store, period)
    units = _passages(store, next_id) if next_id else []
    tokens = [_content(u[0]) for u in units]
    df = Counter(t for toks in tokens for t in set(toks))
    n = max(1, len(units))

    def weight(t: str) -> float:
        return math.log(1 + n / (df.get(t, 0) + 0.5))

    out: list[TaskFollowup] = []
    for task in store.registry.tasks(period):
        want = _content(f"{task.text} {task.details}")
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

    def to_json(self) -> dict:
        return {**asdict(self), "citation": _citation_json(self.citation)}


def figure_series(
    store: Store,
    measure: str,
    unit: str | None = None,
    period: str | None = None,
    report: str | None = None,
) -> list[SeriesRow]:
    """The same measure across reports, oldest period first, each value cited."""
    citer = _Citer(store)
    out = []
    for f in store.registry.figure_series(measure, unit=unit, period=period, report=report):
        report = store.report(f.report_id)
        out.append(
            SeriesRow(
                f.period,
                f.value,
                f.raw,
                f.unit,
                f.measure,
                report.meta.number if report else f.report_id,
                citer.cite_record(f.report_id, f.paragraph, f.footnote, f.passage),
            )
        )
    return out


# ---- questions ---------------------------------------------------------------------------

_TASK_NOISE = re.compile(
    r"\b(?:nhiem vu|dat ra|de ra|cho|da|duoc|chua|thuc hien|hoan thanh|trien khai|ket qua|tien do|"
    r"den dau|the nao|ra sao|lam|thang \d{1,2}(?:/\d{4})?|nam \d{4}|theo|bao cao)\b"
)
_SERIES_CUES = re.compile(
    r"\b(?:qua cac (?:thang|ky|bao cao|nam|quy)|theo (?:tung )?thang|cac thang|dien bien|"
    r"bien dong|xu huong|thay doi the nao|tang giam)\b|\btu thang \d"
)
_TASK_CUES = re.compile(
    r"\bnhiem vu\b.*\b(?:da (?:duoc )?(?:thuc hien|hoan thanh|trien khai)|"
    r"thuc hien (?:chua|den dau|the nao|ra sao)|"
    r"ket qua thuc hien|tien do thuc hien|hoan thanh chua|lam duoc)"
)
_STAGE_CUES = re.compile(
    r"\b(?:giai doan nao|tien do|den dau|the nao|ra sao|trang thai|hien nay|buoc nao|dang o)\b"
)
_DOC_CUES = re.compile(
    r"\b(?:la gi|ve viec gi|ve gi|noi dung|quy dinh gi|ban hanh|ngay nao|cua ai|do ai|nhu the nao|"
    r"o dau|nhac den|ra sao)\b"
)
_NOISE = re.compile(
    r"\b(?:qua cac (?:thang|ky|bao cao|nam|quy)|theo (?:tung )?thang|cac thang|dien bien|bien dong|"
    r"xu huong|thay doi the nao|tang giam|nhu the nao|the nao|ra sao|bao nhieu|cua|la|va|tu|den|"
    r"thang \d{1,2}(?:/\d{4})?|quy [ivx\d]+(?:/\d{4})?|nam \d{4}|bieu do|bang|so lieu|hay|cho biet|"
    r"ve|xem)\b"
)


def _question_period(question: str, store: Store) -> str | None:
    """The period a question names ('tháng 11', 'quý IV/2025', 'năm 2025', 'từ tháng 10 đến
    tháng 12/2025'), a month without a year taken as the latest such month indexed."""
    f = vn.fold(question)
    if re.search(r"\b(?:thang|quy|nam)\s+[\divx]", f) is None:
        return None
    bounds = parse_period(question)
    if bounds:
        a, b = bounds
        return (
            f"{int(a[5:]):02d}/{a[:4]}-{int(b[5:]):02d}/{b[:4]}" if a != b else f"{a[5:]}/{a[:4]}"
        )
    if m := re.search(r"\bthang\s+(\d{1,2})\b", f):
        month = int(m.group(1))
        years = [r.period[-4:] for r in store.registry.reports() if r.period[:2] == f"{month:02d}"]
        return f"{month:02d}/{max(years)}" if years else None
    return None


def try_records_answer(question: str, store: Store) -> Answer | None:
    """An answer from the records registry for questions about a document number, a
    project's stage, the tasks of a period or a measure over time; None for any other
    question, or when the registry has nothing on it (the passage answerer then takes it).
    A period the question names filters what is searched."""
    t0 = time.perf_counter()
    folded = vn.fold(vn.nfc(question))
    period = _question_period(question, store)
    refs = _Refs()
    text: str | None = None
    if _TASK_CUES.search(folded) and period:
        text = _tasks_answer(store, period.split("-")[0], _without(question, _TASK_NOISE), refs)
    elif _SERIES_CUES.search(folded):
        text = _series_answer(store, question, period if period and "-" in period else None, refs)
    elif (documents_in(vn.nfc(question)) or _loose_number(question)) and (
        _DOC_CUES.search(folded) or len(folded.split()) <= 5
    ):
        text = _document_answer(store, question, refs)
    elif re.search(r"\b(?:du an|cong trinh)\b", folded) and _STAGE_CUES.search(folded):
        text = _project_answer(store, question, period, refs)
    if not text:
        return None
    took = (time.perf_counter() - t0) * 1000
    timings = {"retrieve": took, "answer": 0.0, "records": took}  # the registry lookup is both
    return Answer(question, text, False, tuple(refs.citations), 1.0, timings, mode="records")


class _Refs:
    """Citations of one answer, numbered [1], [2] … in the order the text cites them."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def __call__(self, c: Citation | None) -> str:
        if c is None:
            return ""
        for have in self.citations:
            if have.chunk_id == c.chunk_id and have.quote == c.quote:
                return f" [{have.n}]"
        self.citations.append(replace(c, n=len(self.citations) + 1))
        return f" [{len(self.citations)}]"


def _words(text: str) -> list[str]:
    """Words as written, punctuation that is not part of a word dropped ('1/500' kept)."""
    return re.findall(r"[^\W_]+(?:[/.,-][^\W_]+)*", vn.nfc(text))


def _without(text: str, pattern: re.Pattern[str]) -> str:
    """`text` without the words `pattern` matches on their folded form; case kept, so
    abbreviations such as NSNN are still recognised."""
    words = _words(text)
    drop = vn.matched_words(words, pattern)
    return " ".join(w for i, w in enumerate(words) if i not in drop)


def _loose_number(question: str) -> bool:
    _, digits, kind = parse_number_query(question)
    return bool(digits and kind)


# Every figure an answer shows is one its cited passage holds: no report numbers, no counts
# of our own, dates and numbers as the passage writes them.


def _document_answer(store: Store, question: str, refs: _Refs) -> str | None:
    matches = lookup_document(store, question)
    if not matches:
        return None
    records = [m for m in matches if m.kind == "registry" and m.citation]
    lines = []
    best = max(records, key=lambda m: (bool(m.about), bool(m.date), bool(m.issuer)), default=None)
    if best:
        quote = best.citation.quote if best.citation else ""
        written = re.search(
            rf"{re.escape(best.number)}\s*,?\s*ngày\s*(\d{{1,2}}/\d{{1,2}}/\d{{4}})", quote
        )
        head = f"{best.type} số {best.number}"
        head += f" ngày {written.group(1)}" if written else ""
        head += f" của {best.issuer}" if best.issuer else ""
        head += (
            (f": {best.about}" if best.type == "Báo cáo" else f" về {best.about}")
            if best.about
            else ""
        )
        lines.append(head + refs(best.citation))
        if best.type != "Báo cáo":
            lines.append(f"Nguyên văn: “{quote}”{refs(best.citation)}")
            lines += _footnote_lines(store, best, refs)
    others = [m for m in matches if m.citation and m is not best]
    if others:
        lines.append("Được nhắc đến trong các báo cáo (mới nhất trước):")
        lines += [f"- “{m.citation.quote}”{refs(m.citation)}" for m in others if m.citation]
    return "\n".join(lines)


def _footnote_lines(store: Store, match: DocumentMatch, refs: _Refs) -> list[str]:
    """What the footnotes of a document's clause list, each cited to its footnote."""
    if match.citation is None:
        return []
    citer = _Citer(store)
    rid = store.chunks[match.citation.chunk_id].report_id
    lines = []
    for n in match.notes:
        chunk = citer.chunk(rid, None, n, "")
        if chunk and (c := citer.cite_record(rid, None, n, chunk.text)):
            lines.append(f"- (chú thích {n}): {vn.strip_markers(c.text).strip()}{refs(c)}")
    return lines


def _project_answer(store: Store, question: str, period: str | None, refs: _Refs) -> str | None:
    words = _words(question)
    folded = " ".join(vn.fold(w) for w in words)
    m = re.search(r"\b(?:du an|cong trinh)\b", folded)
    if not m:
        return None
    cue = _STAGE_CUES.search(folded, m.end())
    kept = words[
        folded[: m.end()].count(" ") + 1 : folded[: cue.start()].count(" ") if cue else None
    ]
    while kept and vn.fold(kept[-1]) in ("dang", "hien", "nay", "da", "duoc", "o", "toi", "den"):
        kept.pop()
    stages = project_timeline(store, " ".join(kept), period=period) if kept else []
    if not stages:
        return None
    citer = _Citer(store)
    lines = [f"Dự án {stages[0].mentions[0].name} qua các báo cáo (mới nhất trước):"]
    for s in stages:
        shown = [x for x in s.mentions if x.citation and not x.planned][:3] or list(s.mentions[:1])
        for x in shown:
            stage = x.stage or "không nêu giai đoạn"
            if x.citation and x.citation.footnote is not None:
                # the name is in the footnote, the clause that stages it in the paragraph
                rid = store.chunks[x.citation.chunk_id].report_id
                para = store.chunks[x.citation.chunk_id].paragraphs
                lead = citer.cite_record(rid, para[0] if para else None, None, x.clause)
                lines.append(
                    f"- Kỳ {s.period}, {stage}: {x.name} (chú thích {x.citation.footnote})"
                    f"{refs(x.citation)} — “{x.clause}”{refs(lead)}"
                )
            else:
                lines.append(f"- Kỳ {s.period}, {stage}: “{x.clause}”{refs(x.citation)}")
    return "\n".join(lines)


def _tasks_answer(store: Store, period: str, topic: str, refs: _Refs) -> str | None:
    """All tasks of the period, or those the question names ("nhiệm vụ khởi công dự án …")."""
    rows = task_followup(store, period)
    if not rows:
        return None
    want = set(_content(topic))
    if len(want) >= 2:
        named = [
            r for r in rows if len(want & set(_content(f"{r.task} {r.details}"))) >= 0.5 * len(want)
        ]
        rows = named or rows
    if all(r.status == NO_REPORT for r in rows):
        lines = ["Chưa có báo cáo của kỳ này để đối chiếu các nhiệm vụ đã đề ra:"]
    else:
        lines = ["Nhiệm vụ đã đề ra cho kỳ này và điều báo cáo kỳ sau nói về từng nhiệm vụ:"]
    citer = _Citer(store)
    for r in rows:
        line = f"- {r.status_vn[:1].upper()}{r.status_vn[1:]}: {r.task}{refs(r.task_citation)}"
        rid = store.chunks[r.task_citation.chunk_id].report_id if r.task_citation else ""
        for n in r.notes:
            chunk = citer.chunk(rid, None, n, "")
            note = citer.cite_record(rid, None, n, chunk.text) if chunk else None
            if note:
                line += f" (chú thích {n}): {vn.strip_markers(note.text).strip()}{refs(note)}"
        if r.evidence:
            line += f" → “{r.evidence}”{refs(r.evidence_citation)}"
        lines.append(line)
    return "\n".join(lines)


def series_for_question(question: str, store: Store) -> list[SeriesRow]:
    """The series a "… qua các tháng" question asks for (what `try_records_answer` lists),
    for the UI to draw with `assistant.chart.line_chart`; [] for other questions."""
    if not _SERIES_CUES.search(vn.fold(vn.nfc(question))):
        return []
    period = _question_period(question, store)
    measure = _without(question, _NOISE)
    rows = figure_series(store, measure, period=period if period and "-" in period else None)
    return rows if len(rows) >= 2 else []


def _series_answer(store: Store, question: str, period: str | None, refs: _Refs) -> str | None:
    measure = _without(question, _NOISE)
    rows = figure_series(store, measure, period=period) if measure else []
    if len(rows) < 2:
        return None
    lines = [f"{rows[-1].measure} qua các kỳ báo cáo:"]
    lines += [f"- {r.period}: {r.raw} {r.unit}{refs(r.citation)}" for r in rows]
    return "\n".join(lines)

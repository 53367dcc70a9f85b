"""The tasks a report set for a period, and what the next report says of each."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass

from assistant.answerers.records.common import RecordCiter, Ref, _citation_json
from assistant.cite import Citation
from index import periods as P
from index import vn
from index.records import task_sections
from index.records.documents import references
from index.store import Store

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


_TASK_NOISE = re.compile(
    r"\b(?:nhiem vu|dat ra|de ra|cho|da|duoc|chua|thuc hien|hoan thanh|trien khai|ket qua|tien do|"
    r"den dau|the nao|ra sao|lam|thang \d{1,2}(?:/\d{4})?|nam \d{4}|theo|bao cao)\b"
)


def _tasks_answer(store: Store, period: str, topic: str, refs: Ref) -> str | None:
    """All tasks of the period, or those the question names ("nhiệm vụ khởi công dự án …")."""
    rows = task_followup(store, period)
    if not rows:
        return None
    want = set(task_content(topic))
    if len(want) >= 2:
        named = [
            r
            for r in rows
            if len(want & set(task_content(f"{r.task} {r.details}"))) >= 0.5 * len(want)
        ]
        rows = named or rows
    if all(r.status == NO_REPORT for r in rows):
        lines = ["Chưa có báo cáo của kỳ này để đối chiếu các nhiệm vụ đã đề ra:"]
    else:
        lines = ["Nhiệm vụ đã đề ra cho kỳ này và điều báo cáo kỳ sau nói về từng nhiệm vụ:"]
    citer = RecordCiter(store)
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

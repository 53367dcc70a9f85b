"""A project's stage over the reports, newest first."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import asdict, dataclass

from assistant.answerers.records.common import RecordCiter, Ref, _citation_json, _words
from assistant.cite import Citation
from assistant.intent import RECENT_MONTHS, STAGE_CUES
from index import vn
from index.records import Amount
from index.store import Store


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


_HISTORY_TAIL = re.compile(rf"\bqua (?:cac|\w+ thang)\b|\btu thang\b|\b{RECENT_MONTHS}\b")


def _project_answer(store: Store, question: str, period: str | None, refs: Ref) -> str | None:
    words = _words(question)
    folded = " ".join(vn.fold(w) for w in words)
    m = re.search(r"\b(?:du an|cong trinh)\b", folded)
    if not m:
        return None
    cues = [
        c for c in (STAGE_CUES.search(folded, m.end()), _HISTORY_TAIL.search(folded, m.end())) if c
    ]
    cue = min(cues, key=lambda c: c.start()) if cues else None  # the name ends at the first
    kept = words[
        folded[: m.end()].count(" ") + 1 : folded[: cue.start()].count(" ") if cue else None
    ]
    while kept and vn.fold(kept[-1]) in ("dang", "hien", "nay", "da", "duoc", "o", "toi", "den"):
        kept.pop()
    stages = project_timeline(store, " ".join(kept), period=period) if kept else []
    if not stages:
        return None
    citer = RecordCiter(store)
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

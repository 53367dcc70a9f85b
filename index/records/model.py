"""The records extracted from a report: small frozen dataclasses, each with its source."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentRef:
    report_id: str
    type: str  # Quyết định, Kế hoạch, Công văn …
    number: str  # as written, spaces removed: "3090/QĐ-UBND", "40-NQ/TU"
    key: str  # matching form: "3090/QD/UBND" (folded, upper, '-' ≡ '/')
    digits: str  # "3090"
    date: str  # ISO, "" when not stated
    issuer: str  # "Ban Thường vụ Tỉnh ủy", "" when not stated
    about: str  # the clause after "về …" / "về việc …"
    section: str
    paragraph: int | None
    footnote: int | None
    passage: str  # the clause it came from, as written


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str
    raw: str


@dataclass(frozen=True)
class Project:
    """One mention of a project; `key` matches the same project across reports."""

    report_id: str
    name: str
    key: str
    stage: str  # one of STAGES' labels, "" when the clause names none
    planned: bool  # mentioned in the next-period tasks part
    amounts: tuple[Amount, ...]
    clause: str  # the clause that gives the stage
    section: str
    paragraph: int | None
    footnote: int | None
    passage: str


@dataclass(frozen=True)
class Task:
    report_id: str
    field: str  # kinh tế, đô thị, đầu tư, đất đai, văn hóa - xã hội, nội vụ, quốc phòng - an ninh
    text: str  # the task as written (footnote markers removed)
    details: str  # texts of the footnotes it refers to (project names)
    target_period: str  # "11/2025"
    section: str
    paragraph: int | None
    passage: str


@dataclass(frozen=True)
class Figure:
    report_id: str
    measure: str  # "lũy kế thu NSNN", "tỷ lệ giải ngân vốn đầu tư công"
    measure_key: str  # folded words, abbreviations expanded
    value: float
    raw: str  # as written: "312.640", "198.760/436.215"
    unit: str
    numerator: float | None
    denominator: float | None
    period: str
    planned: bool
    section: str
    paragraph: int | None
    footnote: int | None
    passage: str


@dataclass(frozen=True)
class Records:
    documents: tuple[DocumentRef, ...] = ()
    projects: tuple[Project, ...] = ()
    tasks: tuple[Task, ...] = ()
    figures: tuple[Figure, ...] = ()

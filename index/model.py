"""The shapes data takes on its way from a file to the store.

Every stage is a plain function from one of these to the next; none of them holds state.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReportMeta:
    issuer: str = ""
    number: str = ""  # "1250/BC-UBND"
    place: str = ""
    date: str = ""  # ISO "2023-12-18"
    title: str = ""
    period: str = ""  # reported period "12/2023"
    task_period: str = ""  # period the tasks are for "01/2024"
    signer: str = ""
    signer_role: str = ""
    date_line: str = ""  # the place-and-date line as written ("…, ngày 18 tháng 12 năm 2023")

    @property
    def date_vn(self) -> str:
        """The date as Vietnamese readers write it (18/12/2023, or 11/2025 for a draft)."""
        parts = self.date.split("-")
        return "/".join(reversed(parts)) if len(parts) > 1 else self.date


@dataclass(frozen=True)
class Section:
    path: str  # "I.2.2"
    title: str  # "Đầu tư xây dựng cơ bản"
    level: int

    @property
    def label(self) -> str:
        return f"{self.path} {self.title}".strip()


@dataclass(frozen=True)
class Paragraph:
    index: int  # position in the report, 1-based
    text: str
    section: str  # section path, "" before the first heading
    footnotes: tuple[int, ...] = ()  # footnote numbers referenced from this paragraph
    page: int | None = None  # page where it starts (PDF)
    kind: str = "text"  # text | table | list
    # Set only when the text was read by OCR: Tesseract's mean word confidence, 0–100.
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    paragraph: int | None = None  # index of the referencing paragraph
    context: str = ""  # the clause that references it ("… đối với 15 công trình")
    page: int | None = None
    ocr_confidence: float | None = None  # as on Paragraph: set only for OCR'd text


@dataclass(frozen=True)
class Report:
    source: str  # file name as given by the user
    meta: ReportMeta
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    recipients: tuple[str, ...] = ()  # "Nơi nhận"
    addressees: tuple[str, ...] = ()  # "Kính gửi" (a letter's addressees)
    warnings: tuple[str, ...] = ()
    ocr_pages: tuple[int, ...] = ()  # pages read by OCR (scans), 1-based

    def section(self, path: str) -> Section | None:
        return next((s for s in self.sections if s.path == path), None)

    def footnote(self, number: int) -> Footnote | None:
        return next((f for f in self.footnotes if f.number == number), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        return cls(
            source=d["source"],
            meta=ReportMeta(**d["meta"]),
            sections=tuple(Section(**s) for s in d["sections"]),
            paragraphs=tuple(
                Paragraph(**{**p, "footnotes": tuple(p["footnotes"])}) for p in d["paragraphs"]
            ),
            footnotes=tuple(Footnote(**f) for f in d["footnotes"]),
            recipients=tuple(d.get("recipients", ())),
            addressees=tuple(d.get("addressees", ())),
            warnings=tuple(d.get("warnings", ())),
            ocr_pages=tuple(d.get("ocr_pages", ())),
        )


@dataclass(frozen=True)
class Chunk:
    """One retrievable passage: `text` is the exact source passage shown and cited,
    `embed_text` is what the embedder and BM25 see (context header first)."""

    id: str
    report_id: str
    text: str
    embed_text: str
    section: str
    section_title: str
    kind: str  # paragraph | footnote | table
    paragraphs: tuple[int, ...] = ()
    footnote: int | None = None  # set on footnote chunks
    footnotes: tuple[int, ...] = ()  # footnotes a paragraph chunk references
    page: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Chunk:
        return cls(
            **{
                **d,
                "paragraphs": tuple(d.get("paragraphs", ())),
                "footnotes": tuple(d.get("footnotes", ())),
            }
        )

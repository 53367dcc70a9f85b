"""Tasks of the next-period part ("III. NHIỆM VỤ TRỌNG TÂM … THÁNG 01/2024"), by field."""

from __future__ import annotations

import re

from index import vn
from index.model import Report
from index.records.documents import DOC_TYPES
from index.records.model import Task

FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kinh tế", ("kinh te", "thuong mai", "nong nghiep", "tai chinh", "ngan sach")),
    ("đô thị", ("do thi", "quy hoach", "giao thong")),
    ("đầu tư", ("dau tu", "xay dung co ban")),
    ("đất đai", ("dat dai", "tai nguyen", "moi truong", "giai phong mat bang")),
    ("văn hóa - xã hội", ("van hoa", "xa hoi", "giao duc", "y te", "the thao")),
    ("nội vụ", ("noi vu", "thanh tra", "tu phap", "cai cach hanh chinh")),
    ("quốc phòng - an ninh", ("quoc phong", "an ninh", "cong an", "quan su")),
    ("chuyển đổi số", ("chuyen doi so", "de an 06")),
)


def field_of(title: str) -> str:
    """The field a section title names, the one named first winning."""
    folded = vn.fold(title)
    hits = [(folded.find(c), label) for label, cues in FIELDS for c in cues if c in folded]
    return min(hits)[1] if hits else ""


def section_fields(report: Report) -> list[tuple[str, str]]:
    """(section path, field) for every section whose title, or a parent's, names a field."""
    out = []
    for sec in report.sections:
        path, label = sec.path, ""
        while path and not label:
            s = report.section(path)
            label = field_of(s.title) if s else ""
            path = path.rpartition(".")[0]
        if label:
            out.append((sec.path, label))
    return out


def extract_tasks(report: Report, report_id: str, planned_sections: set[str]) -> list[Task]:
    out: list[Task] = []
    notes = {f.number: f.text for f in report.footnotes}
    for para in report.paragraphs:
        if para.section not in planned_sections or para.kind == "table":
            continue
        sec = report.section(para.section)
        path, field = para.section, ""
        while path and not field:
            s = report.section(path)
            field = field_of(s.title) if s else ""
            path = path.rpartition(".")[0]
        for sentence in vn.sentences(para.text):
            for piece in re.split(
                r";\s+(?!(?:" + "|".join(DOC_TYPES.values()) + r")\s+số)", sentence
            ):
                text = vn.strip_markers(piece).strip(" ;./")
                if len(text.split()) < 3:
                    continue
                refs = [n for n, _, _ in vn.footnote_markers(piece) if n in notes]
                out.append(
                    Task(
                        report_id=report_id,
                        field=field or (sec.title if sec else ""),
                        text=text,
                        details="; ".join(notes[n] for n in refs),
                        target_period=report.meta.task_period,
                        section=para.section,
                        paragraph=para.index,
                        passage=sentence,
                    )
                )
    return out

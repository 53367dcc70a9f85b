"""Projects named in a report (footnote lists and text) and the stage each mention gives."""

from __future__ import annotations

import re

from index import vn
from index.model import Paragraph, Report
from index.record_keys import home_places, project_key
from index.records.figures import scan_figures
from index.records.model import Amount, Project

# Stage labels with the folded cues that put a project in them, most telling first.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("thi công", ("thi cong tro lai", "khoi cong")),
    ("tạm dừng", ("tam dung", "chua du dieu kien")),
    ("chấm dứt", ("cham dut",)),
    ("nghiệm thu", ("nghiem thu",)),
    ("bàn giao", ("dua vao su dung", "ban giao cong trinh")),
    (
        "GPMB/bồi thường",
        (
            "giai phong mat bang",
            "gpmb",
            "boi thuong",
            "bt, ht",
            "thu hoi dat",
            "bgmb",
            "ban giao mat bang",
            "cuong che",
            "kiem dem",
            "tai dinh cu",
            "tam ung",
            "anh huong",
        ),
    ),
    ("đấu thầu", ("dau thau", "lua chon nha thau")),
    ("thiết kế/dự toán", ("thiet ke", "du toan", "kinh te - ky thuat", "nghien cuu kha thi")),
    ("chủ trương đầu tư", ("chu truong dau tu",)),
    ("thi công", ("thi cong",)),
)
STAGE_ORDER = (
    "chủ trương đầu tư",
    "thiết kế/dự toán",
    "đấu thầu",
    "GPMB/bồi thường",
    "thi công",
    "tạm dừng — vướng GPMB",
    "tạm dừng",
    "nghiệm thu",
    "bàn giao",
    "chấm dứt",
)


def report_stage(mentions: list[Project] | tuple[Project, ...]) -> str:
    """The stage one report puts a project in: its stage lists (footnotes) first, then
    what the text says, land clearance last; plans only when nothing else says."""

    def rank(p: Project) -> tuple[bool, int]:
        text_rank = 2 if p.stage == "GPMB/bồi thường" else 1
        return p.planned, 0 if p.footnote is not None else text_rank

    staged = sorted((p for p in mentions if p.stage), key=rank)
    return staged[0].stage if staged else ""


def stage_of(clause: str) -> str:
    folded = vn.fold(vn.strip_markers(clause))
    for label, cues in STAGES:
        if any(c in folded for c in cues):
            if label == "tạm dừng" and re.search(r"gpmb|mat bang|boi thuong", folded):
                return "tạm dừng — vướng GPMB"
            return label
    return ""


_PROJECT_RE = re.compile(
    r"(?:(?P<count>\d{1,3}|các|những)\s+)?(?:\b[dD]ự án|\bDA)"
    rf"(?P<marker>[{vn.SUPERSCRIPT_DIGITS}]+)?"
    r"\s*:?\s*"
)
_NAME_STOP = re.compile(
    r";|\.(?:\s|$)|\s\(\d|,\s+(?=[A-ZĐÀ-Ỹ])(?!TP\b|TPLS\b)|"
    r",\s+(?:với|tổng|số tiền|còn|nhà thầu|đảm bảo|trong đó|đã|đang|làm|cho)\b|"
    r"\s+(?:với|còn|đã|đang|được|khởi công|tạm dừng|tiếp tục|cho|để|do|có|là|nhằm|theo|từ|"
    r"ngày|phải|chưa|bị|vướng|đạt|hoàn thành|trên địa bàn|đối với)\b"
)
# Words that start a clause, not a project name ("… hoàn thành dự án: Chỉ đạo kiểm tra …").
_NOT_A_NAME = re.compile(
    r"(?:chi dao|cong tac|hoan thanh|tham dinh|phe duyet|to chuc|trien khai|ban hanh|thuc hien|"
    r"theo doi|kiem tra|tiep tuc|trinh|xin y kien|thong qua|giai doan)\b"
)
_AMOUNT_RE = re.compile(r"\((\d[\d.,]*)\s*(hộ|trường hợp|m²|m2|ha)\)")


def _amounts(text: str) -> tuple[Amount, ...]:
    found = [
        f for f in scan_figures(text) if f[3] in ("hộ", "m²", "ha", "đồng", "triệu đồng", "tỷ đồng")
    ]
    return tuple(Amount(value, unit, raw) for _, _, raw, unit, value, _, _ in found)


def _split_items(text: str) -> list[str]:
    return [i.strip(" .;") for i in text.split(";") if i.strip(" .;")]


def _item_name(item: str) -> tuple[str, tuple[Amount, ...]]:
    amounts = tuple(
        Amount(
            vn.parse_number(m.group(1)) or 0.0,
            "m²" if m.group(2) == "m2" else m.group(2),
            m.group(1),
        )
        for m in _AMOUNT_RE.finditer(item)
    )
    return _AMOUNT_RE.sub("", item).strip(" ,.;"), amounts


def _project(
    report_id: str,
    name: str,
    amounts: tuple[Amount, ...],
    clause: str,
    home: tuple[str, ...] = (),
    **src,
) -> Project:
    return Project(
        report_id=report_id,
        name=name,
        key=project_key(name, home),
        stage=stage_of(clause),
        amounts=amounts,
        clause=vn.strip_markers(clause).strip(),
        **src,
    )


def extract_projects(report: Report, report_id: str, planned_sections: set[str]) -> list[Project]:
    out: list[Project] = []
    home = home_places(report.meta.issuer)  # its own locality never tells projects apart
    by_index = {p.index: p for p in report.paragraphs}
    for fn in report.footnotes:  # "… 01 dự án⁴" with the names in footnote 4
        context = vn.fold(fn.context)
        para = by_index.get(fn.paragraph or -1)
        if not para or not re.search(r"\b(?:du an|cong trinh)\b", context):
            continue
        for item in _split_items(fn.text):
            name, amounts = _item_name(item)
            if len(name.split()) < 2 or len(name.split()) > 30 or not name[:1].isupper():
                continue
            out.append(
                _project(
                    report_id,
                    name,
                    amounts,
                    fn.context,
                    home,
                    planned=para.section in planned_sections,
                    section=para.section,
                    paragraph=para.index,
                    footnote=fn.number,
                    passage=fn.text,
                )
            )
    for para in report.paragraphs:
        for sentence in vn.sentences(para.text):
            out += _projects_in_sentence(report_id, para, sentence, planned_sections, home)
    return out


def _projects_in_sentence(
    report_id: str,
    para: Paragraph,
    sentence: str,
    planned_sections: set[str],
    home: tuple[str, ...] = (),
) -> list[Project]:
    out: list[Project] = []
    for m in _PROJECT_RE.finditer(sentence):
        if m.group("marker") or not sentence[m.end() : m.end() + 1].isupper():
            continue
        count = m.group("count") or ""
        many = count in ("các", "những") or (count.isdigit() and int(count) > 1)
        want = int(count) if count.isdigit() else 0
        pos, items = m.end(), []
        while True:
            stop = _NAME_STOP.search(sentence, pos)
            end = stop.start() if stop else len(sentence)
            name = sentence[pos:end].strip(" ,")
            amounts: tuple[Amount, ...] = ()
            tail = sentence[end:]
            if am := re.match(r"\s*\((\d[\d.,]*)\s*(hộ|trường hợp)\)", tail):
                amounts = (Amount(vn.parse_number(am.group(1)) or 0.0, am.group(2), am.group(1)),)
                end += am.end()
            if len(name.split()) > 1 and not _NOT_A_NAME.match(vn.fold(name)):
                items.append((name, amounts, end))
            sep = re.match(r"\s*(?:;|,(?=\s+[A-ZĐÀ-Ỹ]))\s*", sentence[end:])
            more = want > len(items) if want else (many and bool(amounts))
            if not (
                many and more and sep and sentence[end + sep.end() : end + sep.end() + 1].isupper()
            ):
                break
            pos = end + sep.end()
        if not items:
            continue
        start = max(sentence.rfind(";", 0, m.start()) + 1, 0)
        lead = sentence[start : m.start()]
        for name, amounts, end in items:
            clause_end = sentence.find(";", end)
            tail = sentence[end : clause_end if clause_end >= 0 else len(sentence)]
            if len(items) == 1:
                subject = m.start() == 0 or not lead.strip()
                clause = sentence if subject else lead + sentence[m.start() : end] + tail
                amounts = amounts or _amounts(vn.strip_markers(tail))
            else:
                clause = lead + sentence[m.start() : end]
            out.append(
                _project(
                    report_id,
                    vn.strip_markers(name),
                    amounts,
                    clause,
                    home,
                    planned=para.section in planned_sections,
                    section=para.section,
                    paragraph=para.index,
                    footnote=None,
                    passage=sentence,
                )
            )
    return out

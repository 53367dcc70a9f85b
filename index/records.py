"""Records extracted from one report at ingest: the documents it cites, the projects it
mentions and the stage each mention puts them in, the tasks of its next-period part, and
its figures with unit and measure.

`extract` is a pure function of a Report. Every record keeps where it came from (section,
paragraph or footnote) and the exact passage, so an answer built on records can be cited.
Matching keys are folded (vn.fold), never what is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import vn
from index.model import Paragraph, Report

# Bumped whenever extraction changes, so the registry re-extracts stored reports.
EXTRACTOR_VERSION = 1

# ---- records ---------------------------------------------------------------------------


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


# ---- shared helpers ----------------------------------------------------------------------

_ABBR_RE = re.compile(
    r"(?<![\w&-])("
    + "|".join(sorted(map(re.escape, vn.ABBREVIATIONS), key=len, reverse=True))
    + r")(?![\w&])"
)


def match_key(text: str) -> str:
    """Folded words with abbreviations spelt out, for matching only:
    'Hồ trợ … TPLS' ≡ 'Hỗ trợ … thành phố Lạng Sơn'."""
    expanded = _ABBR_RE.sub(lambda m: vn.ABBREVIATIONS[m.group(0)], vn.nfc(text))
    return " ".join(vn.syllables(vn.fold(expanded)))


def _clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r"(?<=;)\s+", sentence) if c.strip()]


def _units(report: Report) -> list[tuple[Paragraph | None, int | None, str, str]]:
    """(paragraph, footnote number, section, text) for every paragraph and footnote."""
    out: list[tuple[Paragraph | None, int | None, str, str]] = [
        (p, None, p.section, p.text) for p in report.paragraphs if p.kind != "table"
    ]
    by_index = {p.index: p for p in report.paragraphs}
    for fn in report.footnotes:
        para = by_index.get(fn.paragraph or -1)
        out.append((para, fn.number, para.section if para else "", fn.text))
    return out


def task_sections(report: Report) -> set[str]:
    """Section paths of the next-period part ("III. NHIỆM VỤ TRỌNG TÂM … THÁNG 01/2024")."""
    parts = [
        s.path
        for s in report.sections
        if s.level == 1
        and re.match(r"(?:nhiem vu|phuong huong|ke hoach|du kien)", vn.fold(s.title))
    ]
    return {
        s.path for s in report.sections for p in parts if s.path == p or s.path.startswith(p + ".")
    }


# ---- documents -------------------------------------------------------------------------

# (type, its abbreviation in codes such as "3090/QĐ-UBND")
_TYPE_NAMES = (
    ("Quyết định", "qđ"), ("Kế hoạch", "kh"), ("Công văn", "cv"), ("Nghị quyết", "nq"),
    ("Chỉ thị", "ct"), ("Hướng dẫn", "hd"), ("Thông báo", "tb"), ("Kết luận", "kl"),
    ("Tờ trình", "ttr"), ("Báo cáo", "bc"), ("Chương trình", "ctr"), ("Nghị định", "nđ"),
    ("Thông tư", "tt"), ("Công điện", "cđ"), ("Phương án", "pa"), ("Quy chế", "qc"),
    ("Quy định", ""), ("Đề án", ""),
)  # fmt: skip
DOC_TYPES = {k: label for label, abbr in _TYPE_NAMES for k in (label.lower(), abbr) if k}
# A document number: digits, optional year, then a code of capitalised parts.
DOC_RE = re.compile(
    r"(?<![\w/.,])(?P<digits>\d{1,5})(?:\s?/\s?(?P<year>\d{4}))?\s?[/-]\s?"
    r"(?P<code>[A-ZĐ][A-Za-zĐđ&]*(?:\s?[-/–]\s?[A-ZĐ][A-Za-zĐđ&0-9]*)*)(?![\w])"
)
_TYPE_BEFORE = re.compile(
    r"(?i)\b(" + "|".join(sorted(map(re.escape, DOC_TYPES), key=len, reverse=True)) + r")"
    r"(?:\s+(?:hành động|thanh tra|liên tịch|quy phạm pháp luật|liên ngành))?"
    r"\s*(?:số|so)?\s*:?\s*$"
)
_DATE_AFTER = re.compile(
    r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.I
)
_DATE_WORDS_AFTER = re.compile(
    r"^\s*,?\s*ngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I
)
_ISSUER_AFTER = re.compile(
    r"^\s*,?\s*(?:của|do)\s+(?P<issuer>.+?)(?=\s+(?:về|thực hiện|triển khai|tổ chức|phê duyệt|"
    r"ban hành|hướng dẫn|đối với|phục vụ|trên|tại|đã|nhằm|quy định|công nhận|giao)\b|"
    r"\s+và\s+(?:" + "|".join(DOC_TYPES.values()) + r")\b|[,;:().]|$)"
)
# An issuer ends at its administrative level when a lower-case word follows
# ("của Chủ tịch Ủy ban nhân dân tỉnh kết quả rà soát …").
_ISSUER_END = re.compile(r"\b(?:tỉnh|thành phố|Chính phủ|Tỉnh ủy|Thành ủy|huyện|Trung ương)\s+(\w)")
_ISSUER_SUBJECT = re.compile(
    r"(?P<subj>(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Sở|Bộ|Ban|"
    r"Tỉnh ủy|Thành ủy|Chính phủ|Thủ tướng)[^,;:]{0,60}?)\s+(?:đã\s+)?ban hành\s*$"
)
_ABOUT_END = re.compile(
    r"[;(]|\.(?:\s|$)|,\s+(?:với|trong đó|theo đó|đến nay|thời gian|qua đó)\b|"
    r",\s+(?:các|những)\b(?=[^;.]*\s(?:đã|đang|sẽ)\s)|"  # ", các cơ quan … đã …": a new clause
    r"(?:,|\s+và)\s+(?:" + "|".join(DOC_TYPES.values()) + r")(?:\s+\w+){0,2}\s+số"
)
# A document named with no "về" is about what follows only when that is what it does.
_ABOUT_VERBS = (
    r"(?:phê duyệt|thực hiện|ban hành|công nhận|quy định|hướng dẫn|triển khai|thành lập|kiện toàn|"
    r"giao|phân bổ|điều chỉnh|tổ chức|chấm dứt|thí điểm|kiểm tra|công bố|sửa đổi|bổ sung)\b"
)
_CODE_TYPE = {vn.fold(abbr).upper(): label for label, abbr in _TYPE_NAMES if abbr}


def number_key(number: str) -> str:
    """'3090/QĐ-UBND', '3090/qd-ubnd', '3090 / QĐ - UBND' → '3090/QD/UBND'."""
    return re.sub(r"\s*[-/–]\s*", "/", vn.fold(number).upper().replace(" ", ""))


def _iso(d: str, m: str, y: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}" if 1 <= int(m) <= 12 else ""


def documents_in(text: str) -> list[re.Match[str]]:
    """Document numbers in `text` ('3090/QĐ-UBND', '40-NQ/TU', '118/2025/NĐ-CP')."""
    return [m for m in DOC_RE.finditer(text) if sum(c.isupper() for c in m.group("code")) >= 2]


def _doc_type(before: str, code: str) -> str:
    m = _TYPE_BEFORE.search(before[-60:])
    if m:
        return DOC_TYPES[m.group(1).lower()]
    head = vn.fold(re.split(r"[-/–]", code)[0]).upper()
    return _CODE_TYPE.get(head, "Công văn")


def _documents(report: Report, report_id: str) -> list[DocumentRef]:
    out: list[DocumentRef] = []
    for para, fn, section, text in _units(report):
        for sentence in vn.sentences(text):
            for clause in _clauses(sentence):
                plain = vn.strip_markers(clause)
                for m in documents_in(plain):
                    out.append(_document(report, report_id, plain, m, section, para, fn, clause))
    return out


def _document(
    report: Report,
    report_id: str,
    plain: str,
    m: re.Match[str],
    section: str,
    para: Paragraph | None,
    fn: int | None,
    clause: str,
) -> DocumentRef:
    number = re.sub(r"\s+", "", m.group(0))
    before, after = plain[: m.start()], plain[m.end() :]
    date = ""
    if dm := (_DATE_AFTER.match(after) or _DATE_WORDS_AFTER.match(after)):
        date = _iso(*dm.groups())
        after = after[dm.end() :]
    issuer = ""
    if im := _ISSUER_AFTER.match(after):
        issuer = im.group("issuer").strip(" ,")
        for end in _ISSUER_END.finditer(issuer):
            if end.group(1).islower():
                issuer = issuer[: end.start(1)].strip()
                break
        after = after[im.end() :]
    else:
        lead = _TYPE_BEFORE.sub("", before[-60:] if len(before) > 60 else before).rstrip()
        if sm := _ISSUER_SUBJECT.search(lead):
            issuer = sm.group("subj").strip()
        elif re.search(r"(?:^|[;:,.]\s*)Ban hành\s*$", lead) and m.group("code").endswith("UBND"):
            issuer = report.meta.issuer  # "Ban hành Quyết định số …": the reporting body
    about = ""
    am = re.match(r"^\s*,?\s*(?:về việc|về|v/v)\s+", after, re.I)
    rest = after[am.end() :] if am else after.lstrip(" ")
    if am or re.match(_ABOUT_VERBS, rest):
        end = _ABOUT_END.search(rest)
        about = rest[: end.start() if end else len(rest)].strip(" ,;:")[:300]
        about = about.rstrip(")") if about.count(")") > about.count("(") else about
    return DocumentRef(
        report_id=report_id,
        type=_doc_type(before, m.group("code")),
        number=number,
        key=number_key(number),
        digits=m.group("digits"),
        date=date,
        issuer=issuer,
        about=about,
        section=section,
        paragraph=para.index if para else None,
        footnote=fn,
        passage=clause.strip(),
    )


# ---- projects --------------------------------------------------------------------------

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
        f
        for f in _scan_figures(text)
        if f[3] in ("hộ", "m²", "ha", "đồng", "triệu đồng", "tỷ đồng")
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


def _project(report_id: str, name: str, amounts: tuple[Amount, ...], clause: str, **src) -> Project:
    return Project(
        report_id=report_id,
        name=name,
        key=match_key(name),
        stage=stage_of(clause),
        amounts=amounts,
        clause=vn.strip_markers(clause).strip(),
        **src,
    )


def _projects(report: Report, report_id: str, planned_sections: set[str]) -> list[Project]:
    out: list[Project] = []
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
                    planned=para.section in planned_sections,
                    section=para.section,
                    paragraph=para.index,
                    footnote=fn.number,
                    passage=fn.text,
                )
            )
    for para in report.paragraphs:
        for sentence in vn.sentences(para.text):
            out += _projects_in_sentence(report_id, para, sentence, planned_sections)
    return out


def _projects_in_sentence(
    report_id: str, para: Paragraph, sentence: str, planned_sections: set[str]
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
                    planned=para.section in planned_sections,
                    section=para.section,
                    paragraph=para.index,
                    footnote=None,
                    passage=sentence,
                )
            )
    return out


# ---- tasks -----------------------------------------------------------------------------

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


def _tasks(report: Report, report_id: str, planned_sections: set[str]) -> list[Task]:
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


# ---- figures ---------------------------------------------------------------------------

# (written form, unit, kind). 'count' units are classifiers, left out of the measure
# ("04 vụ tai nạn giao thông" measures "tai nạn giao thông"); 'noun' units are what is
# counted and stay in it ("41 giấy phép xây dựng").
UNITS: tuple[tuple[str, str, str], ...] = (
    ("triệu đồng", "triệu đồng", "money"), ("tỷ đồng", "tỷ đồng", "money"),
    ("nghìn đồng", "nghìn đồng", "money"), ("đồng", "đồng", "money"), ("đ", "đồng", "money"),
    ("%", "%", "percent"), ("m²", "m²", "area"), ("m2", "m²", "area"), ("ha", "ha", "area"),
    ("km", "km", "area"), ("tạ/ha", "tạ/ha", "area"),
    ("tấn", "tấn", "count"), ("gam", "gam", "count"), ("kg", "kg", "count"),
    ("hộ gia đình", "hộ", "count"), ("hộ", "hộ", "count"), ("vụ việc", "vụ việc", "count"),
    ("vụ", "vụ", "count"), ("lượt người", "lượt người", "count"), ("lượt", "lượt", "count"),
    ("người", "người", "count"), ("trường hợp", "trường hợp", "count"),
    ("TH", "trường hợp", "count"), ("ca", "ca", "count"), ("đối tượng", "đối tượng", "count"),
    ("học sinh", "học sinh", "count"), ("giáo viên", "giáo viên", "count"),
    ("công dân", "công dân", "count"), ("trẻ", "trẻ", "count"), ("suất", "suất", "count"),
    ("cơ sở", "cơ sở", "count"), ("doanh nghiệp", "doanh nghiệp", "count"),
    ("buổi", "buổi", "count"), ("cuộc", "cuộc", "count"), ("việc", "việc", "count"),
    ("bản", "bản", "count"),
    ("công trình", "công trình", "noun"), ("dự án", "dự án", "noun"),
    ("giấy phép", "giấy phép", "noun"), ("hồ sơ", "hồ sơ", "noun"),
    ("quyết định", "quyết định", "noun"), ("thông báo", "thông báo", "noun"),
    ("văn bản", "văn bản", "noun"), ("đơn thư", "đơn thư", "noun"), ("đơn", "đơn", "noun"),
    ("tiêu chí", "tiêu chí", "noun"), ("nhiệm vụ", "nhiệm vụ", "noun"),
    ("tài khoản", "tài khoản", "noun"), ("gian hàng", "gian hàng", "noun"),
    ("phương án", "phương án", "noun"), ("tuyến", "tuyến", "noun"), ("đơn vị", "đơn vị", "noun"),
    ("hội nghị", "hội nghị", "noun"), ("biên bản", "biên bản", "noun"),
)  # fmt: skip
_UNIT_KIND = {u: k for _, u, k in UNITS}
_UNIT_BY_WORD = {w.lower(): u for w, u, _ in UNITS}
_FIG_RE = re.compile(
    r"(?<![\w.,])(?<!\d/)(?P<num>\d+(?:[.,]\d+)*)(?:\s?/\s?(?P<den>\d+(?:[.,]\d+)*))?"
    r"(?![\d/]|[.,]\d)\s?(?P<unit>"
    + "|".join(re.escape(w) for w, _, _ in sorted(UNITS, key=lambda u: -len(u[0])))
    + r")(?:(?<=%)|(?<=²)|(?!\w))",
    re.IGNORECASE,
)
_NOT_FIGURE_BEFORE = re.compile(r"(?:ngày|tháng|số|lần|khóa|khoá|lớp|khối|tỷ lệ)\s*$", re.I)
_REST_STOP = re.compile(
    r"[,;.()=:/]|\d|\s(?:với|trong đó|đạt|tại|trên|so với|của|cho|từ|đến|và|đối với|bị|được|"
    r"năm|tháng|ngày|tham gia|dự thi|đủ|ảnh hưởng|liên quan|thuộc|có)\b"
)
_REF_STOP = re.compile(r"[,;.()\d]|\s(?:và|cho|của|tại|trong|ngày|từ|đến|vượt|thấp|cao)\b")
_TIME = re.compile(
    r"(?i)\b(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày|tháng|năm)\s+[\d/]+|"
    r"\b(?:trong|của)\s+(?:tháng|năm|quý|kỳ)(?:\s+(?:\d{1,2}(?:/\d{4})?|[IV]+(?:/\d{4})?))?"
    r"(?:\s+năm\s+\d{4})?|\b(?:tháng|quý)\s+[\dIV]+(?:/\d{4})?(?:\s+năm\s+\d{4})?|"
    r"\bnăm(?: học)?\s+\d{4}(?:\s*-\s*\d{4})?|\bngày\s+[\d/]+|\btừ đầu năm\b|"
    r"\b(?:tính )?(?:đến|tới) nay\b|\bhiện nay\b"
)
_LEAD = re.compile(
    r"(?i)^(?:trong đó|công tác|tổ chức|chỉ đạo|tiếp tục|ngoài ra|đã|được|và|với|là|có|"
    r"các lực lượng chức năng đã|toàn thành phố có|tổng số|thực hiện|xảy ra|hiện|tổ chức được|"
    r"như vậy|trong đó có)"
    r"(?!\w)[\s,]*"
)
_TRAIL = re.compile(
    r"(?i)[\s,]*(?<!\w)(?:thu được|đạt được|chưa đạt|đạt|là|được|bằng|với|gồm|có|khoảng|trị giá|"
    r"xảy ra|cho|của|đối với|lên|đã|đến|trên|dưới|gần|hơn|mới|vượt|mục tiêu|chỉ tiêu|"
    r"toàn trình|toàn thành phố|thành phố|trên địa bàn(?: thành phố)?|tổng|tổng cộng|còn)\s*[:,]?$"
)
_QUANTITY = re.compile(
    r"(?i)(?:(?<=\s)|^)(?:với\s+)?(?:tổng\s+)?(?P<q>số tiền(?: xử phạt)?|diện tích|kinh phí|"
    r"trị giá|giá trị)(?:\s+là)?$"
)
# First words of bodies' names, whose capital stays: "Sở Tư pháp tự kiểm tra …"
_NAME_HEADS = frozenset(
    ["Sở", "Bộ", "Ủy", "Uỷ", "Ban", "Phòng", "Cục", "Đoàn", "Hội", "Tỉnh", "Chi cục", "Công an",
     "Thanh tra", "Trung tâm"]
)  # fmt: skip
# What a percentage is "of", when named after it: "đạt 84,6% dự toán tỉnh giao"
_PERCENT_OF = re.compile(
    r"\s*(?:so với|dự toán|kế hoạch|cùng kỳ|tổng|chỉ tiêu|mục tiêu|số)\b", re.I
)
_GROWING = ("lũy kế", "tổng")  # make a new measure of the one before: "lũy kế thu NSNN"
_CHANGES = ("tăng", "giảm")


def _scan_figures(text: str) -> list[tuple[int, int, str, str, float, float | None, float | None]]:
    """(start, end, raw, unit, value, numerator, denominator) of the figures with a unit,
    leaving out dates, document numbers and scales such as 1/500."""
    skip = [(m.start(), m.end()) for m in documents_in(text)]
    out = []
    for m in _FIG_RE.finditer(text):
        if any(a <= m.start() < b for a, b in skip) or _NOT_FIGURE_BEFORE.search(text[: m.start()]):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and re.search(
            r"năm\s*$", text[: m.start()]
        ):
            continue  # a year
        written = m.group("unit")
        if written.lower() == "th" and written != "TH":
            continue  # 'TH' (trường hợp) only in capitals
        num = vn.parse_number(m.group("num"))
        den = vn.parse_number(m.group("den")) if m.group("den") else None
        if num is None:
            continue
        raw = m.group("num") + (f"/{m.group('den')}" if m.group("den") else "")
        unit = _UNIT_BY_WORD[written.lower()]
        if unit == "đồng" and re.match(
            r"\s+(?:chí|bào|thời|hương|ý|bộ|nhất|đội)\b", text[m.end() :]
        ):
            continue  # "06 đồng chí" counts people, not money
        out.append((m.start(), m.end(), raw, unit, num, num if den else None, den))
    return out


def _left_of(plain: str, start: int, prev_end: int) -> tuple[str, str]:
    """The words a figure belongs to, before it: back to the previous figure or clause
    boundary; after a '…:' label, the label itself. Also the whole clause before it, which
    says whether it is an estimate or a target ("Ước đến hết tháng 12/2023, …")."""
    cut = max(prev_end, *(plain.rfind(c, 0, start) + 1 for c in ";:()="))
    bounds = [m.end() for m in re.finditer(r"[;.]\s", plain[:start])]
    clause = plain[max(bounds, default=0) : start]
    return _label(plain, start, prev_end, cut), clause


def _label(plain: str, start: int, prev_end: int, cut: int) -> str:
    left = plain[cut:start]
    if not left.strip(" ,/") and plain[cut - 1 : cut] == ":":
        label = max(prev_end, *(plain.rfind(c, 0, cut - 1) + 1 for c in ";()"))
        left = plain[label : cut - 1]
    for m in reversed(list(re.finditer(r",\s", left))):  # "Tính đến ngày 15/10/2025, giá trị …"
        if re.search(r"\d|^\s*(?:trong đó|ngoài ra)\s*,", left[: m.end()], re.I):
            return left[m.end() :]
    return left


def _clean_left(left: str, clause: str = "") -> tuple[str, str, str]:
    """(measure words, quantity word, qualifier) from the words before a figure."""
    qualifier = ""
    if re.search(r"(?i)(?<!\w)(?:ước|dự kiến)(?!\w)", clause or left):
        qualifier = "ước"
    if re.search(r"(?i)(?<!\w)(?:phấn đấu|mục tiêu|chỉ tiêu)(?!\w)", left):
        qualifier = "mục tiêu"
    text = _TIME.sub(" ", left)
    text = re.sub(r"(?i)(?<!\w)(?:ước|phấn đấu|dự kiến)(?!\w)", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,:/+-•")
    quantity = ""
    for _ in range(6):
        new = _TRAIL.sub("", text).strip(" ,:")
        if not quantity and (q := _QUANTITY.search(new)):
            quantity, new = q.group("q"), new[: q.start()].strip(" ,:")
        new = _LEAD.sub("", new).strip(" ,:/")
        if new == text:
            break
        text = new
    return text, quantity, qualifier


def _phrase(text: str, limit: int = 16) -> str:
    """At most `limit` words (a trailing '(số tiền)' kept), lower-case first letter unless
    it starts an abbreviation."""
    m = re.match(r"^(.*?)(\s*\([^()]*\))?$", text)
    head, paren = (m.group(1), m.group(2) or "") if m else (text, "")
    words = head.split()[:limit]
    if words and not (words[0].isupper() or _NAME_HEADS & {words[0], " ".join(words[:2])}):
        words[0] = words[0][:1].lower() + words[0][1:]
    return " ".join(words) + paren


def _figures(report: Report, report_id: str, planned_sections: set[str]) -> list[Figure]:
    out: list[Figure] = []
    for para, fn, section, text in _units(report):
        src = {"section": section, "paragraph": para.index if para else None, "footnote": fn}
        for sentence in vn.sentences(text):
            plain = vn.strip_markers(sentence)
            out += _figures_in(report, report_id, plain, sentence, section in planned_sections, src)
    return out


def _figures_in(
    report: Report, report_id: str, plain: str, passage: str, planned: bool, src: dict
) -> list[Figure]:
    out: list[Figure] = []
    base = ""  # the measure of the last figure in the sentence that names one
    prev_end = 0
    for start, end, raw, unit, value, num, den in _scan_figures(plain):
        kind = _UNIT_KIND[unit]
        words, quantity, qualifier = _clean_left(*_left_of(plain, start, prev_end))
        tail = plain[end:]
        after = ""
        if kind in ("count", "noun"):
            stop = _REST_STOP.search(tail)
            after = tail[: stop.start() if stop else len(tail)]
            after = after if len(after.split()) <= 16 else ""
        elif kind == "percent" and _PERCENT_OF.match(tail):
            stop = _REF_STOP.search(tail)
            after = tail[: stop.start() if stop else len(tail)]
            after = after if 0 < len(after.split()) <= 8 else ""
        measure, names_one = _measure(words, quantity, kind, unit, after.strip(), base)
        if names_one and plain.count("(", 0, start) <= plain.count(")", 0, start):
            base = measure
        prev_end = end + len(after)
        if not measure:
            continue
        qualifier = qualifier or ("mục tiêu" if planned else "")
        shown = _phrase(measure) + (f" ({qualifier})" if qualifier else "")
        out.append(
            Figure(
                report_id=report_id,
                measure=shown,
                measure_key=match_key(shown),
                value=value,
                raw=raw,
                unit=unit,
                numerator=num,
                denominator=den,
                period=report.meta.period,
                planned=planned,
                passage=passage.strip(),
                **src,
            )
        )
    return out


def _measure(
    words: str, quantity: str, kind: str, unit: str, after: str, base: str
) -> tuple[str, bool]:
    """(measure, whether it names a measure of its own that later figures may refer to)."""
    low = words.lower()
    dependent = not words or low in _GROWING or low in _CHANGES or low.startswith(("làm ", "bị "))
    growing = low in _GROWING or low.startswith("lũy kế ")
    names_one = True
    if kind == "noun":
        lead = "" if dependent else " ".join(words.split(",")[-1].split()[-7:])
        if after[:1].isupper():  # "03 dự án Khu đô thị …": a list of names follows
            after, names_one = "", False
        own = " ".join(x for x in (lead, unit, after) if x)
    elif kind == "count" and not dependent and after:
        subject = words.split(",")[-1].strip()
        if len(after.split()) == 1:
            own = f"{' '.join(subject.split()[-3:])} {unit} {after}".strip()
        else:
            own = after if len(subject.split()) <= 3 else f"{subject} {after}"
    elif kind == "count" and not words and len(after.split()) > 1:
        own = after
    else:
        own = "" if dependent else words
    if growing:
        own = own if own and low not in _GROWING else f"{low} {own or _bare(base)}".strip()
        return _merge(own, base), True
    if quantity:
        own = base if (not own or len(own.split()) > 6) and base else own
        return (f"{_phrase(own)} ({quantity})" if own else quantity), False
    if low in _CHANGES or low.startswith(("làm ", "bị ")):
        return (f"{base} {low}" if base else words), False
    if kind == "percent":
        own = _merge(own, base) if low.startswith("tỷ lệ") else own or base
        if after and own:
            own = (
                f"{own} {after}" if after.lower().startswith("so với") else f"{own} so với {after}"
            )
        return own, False
    if not own:
        return base or unit, False
    if kind == "count" and len(own.split()) == 1:
        own = f"{own} {unit}"
    return own, names_one


def _bare(measure: str) -> str:
    return re.sub(r"(?i)^(?:lũy kế|tổng)\s+", "", re.sub(r"\s*\([^)]*\)$", "", measure))


def _merge(measure: str, base: str) -> str:
    """'tỷ lệ giải ngân' after 'giải ngân vốn đầu tư công' → 'tỷ lệ giải ngân vốn đầu tư
    công': a derived measure ending in words of the previous one takes the rest of it."""
    m, b = measure.split(), _bare(base).split()
    for k in range(min(len(m), len(b)) - 1, 1, -1):
        tail = [w.lower() for w in m[-k:]]
        for i in range(len(b) - k):
            if [w.lower() for w in b[i : i + k]] == tail:
                return " ".join(m + b[i + k :])
    return measure


# ---- entry point -------------------------------------------------------------------------


def extract(report: Report, report_id: str) -> Records:
    """Every record of one report. Pure: the same report always gives the same records."""
    planned = task_sections(report)
    return Records(
        documents=tuple(_documents(report, report_id)),
        projects=tuple(_projects(report, report_id, planned)),
        tasks=tuple(_tasks(report, report_id, planned)),
        figures=tuple(_figures(report, report_id, planned)),
    )

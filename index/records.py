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
    r"(?<![\w&-])(" + "|".join(sorted(map(re.escape, vn.ABBREVIATIONS), key=len, reverse=True)) + r")(?![\w&])"
)


def match_key(text: str) -> str:
    """Folded words with abbreviations spelt out: 'Hồ trợ … TPLS' ≡ 'Hỗ trợ … thành phố Lạng Sơn'."""
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
    return {s.path for s in report.sections for p in parts if s.path == p or s.path.startswith(p + ".")}


# ---- documents -------------------------------------------------------------------------

DOC_TYPES = {
    "quyết định": "Quyết định", "qđ": "Quyết định", "kế hoạch": "Kế hoạch", "kh": "Kế hoạch",
    "công văn": "Công văn", "cv": "Công văn", "nghị quyết": "Nghị quyết", "nq": "Nghị quyết",
    "chỉ thị": "Chỉ thị", "ct": "Chỉ thị", "hướng dẫn": "Hướng dẫn", "hd": "Hướng dẫn",
    "thông báo": "Thông báo", "tb": "Thông báo", "kết luận": "Kết luận", "kl": "Kết luận",
    "tờ trình": "Tờ trình", "ttr": "Tờ trình", "báo cáo": "Báo cáo", "bc": "Báo cáo",
    "chương trình": "Chương trình", "ctr": "Chương trình", "nghị định": "Nghị định",
    "nđ": "Nghị định", "thông tư": "Thông tư", "tt": "Thông tư", "công điện": "Công điện",
    "cđ": "Công điện", "quy định": "Quy định", "qđi": "Quy định", "đề án": "Đề án",
}
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
_DATE_WORDS_AFTER = re.compile(r"^\s*,?\s*ngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_ISSUER_AFTER = re.compile(
    r"^\s*,?\s*(?:của|do)\s+(?P<issuer>.+?)(?=\s+(?:về|thực hiện|triển khai|tổ chức|phê duyệt|"
    r"ban hành|hướng dẫn|đối với|và|phục vụ|trên|tại|đã|nhằm|quy định|công nhận|giao)\b|[,;:(.]|$)"
)
_ISSUER_SUBJECT = re.compile(
    r"(?P<subj>(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Sở|Bộ|Ban|"
    r"Tỉnh ủy|Thành ủy|Chính phủ|Thủ tướng)[^,;:]{0,60}?)\s+(?:đã\s+)?ban hành\s*$"
)
_ABOUT_END = re.compile(
    r"[;(]|\.(?:\s|$)|,\s+(?:với|trong đó|theo đó|đến nay|thời gian)\b|"
    r"\s+và\s+(?:" + "|".join(t for t in DOC_TYPES.values()) + r")\s+số"
)
_CODE_TYPE = {
    "QD": "Quyết định", "KH": "Kế hoạch", "NQ": "Nghị quyết", "CT": "Chỉ thị", "HD": "Hướng dẫn",
    "TB": "Thông báo", "KL": "Kết luận", "TTR": "Tờ trình", "BC": "Báo cáo",
    "CTR": "Chương trình", "ND": "Nghị định", "TT": "Thông tư", "CD": "Công điện",
}


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
        after = after[im.end() :]
    else:
        lead = _TYPE_BEFORE.sub("", before[-60:] if len(before) > 60 else before).rstrip()
        if sm := _ISSUER_SUBJECT.search(lead):
            issuer = sm.group("subj").strip()
        elif re.search(r"(?:^|[;:,.]\s*)Ban hành\s*$", lead) and m.group("code").endswith("UBND"):
            issuer = report.meta.issuer  # "Ban hành Quyết định số …": the reporting body
    about = ""
    am = re.match(r"^\s*,?\s*(?:về việc|về|v/v)\s+", after, re.I)
    rest = after[am.end() :] if am else after.lstrip(" ,")
    if am or (rest[:1].islower() and not re.match(r"(?:của|ngày|số|và|tại|do)\b", rest)):
        end = _ABOUT_END.search(rest)
        nxt = documents_in(rest)
        cut = min([len(rest)] + ([end.start()] if end else []) + [_type_start(rest, d) for d in nxt])
        about = rest[:cut].strip(" ,;:")[:300]
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


def _type_start(text: str, m: re.Match[str]) -> int:
    """Where the mention of the next document starts ('Nghị quyết số 148/NQ-CP')."""
    t = _TYPE_BEFORE.search(text[: m.start()])
    return t.start() if t else m.start()


# ---- projects --------------------------------------------------------------------------

# Stage labels with the folded cues that put a project in them, most telling first.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("thi công", ("thi cong tro lai", "khoi cong")),
    ("tạm dừng", ("tam dung", "chua du dieu kien")),
    ("chấm dứt", ("cham dut",)),
    ("nghiệm thu", ("nghiem thu",)),
    ("bàn giao", ("dua vao su dung", "ban giao cong trinh")),
    ("GPMB/bồi thường", (
        "giai phong mat bang", "gpmb", "boi thuong", "bt, ht", "thu hoi dat", "bgmb",
        "ban giao mat bang", "cuong che", "kiem dem", "tai dinh cu",
    )),
    ("đấu thầu", ("dau thau", "lua chon nha thau")),
    ("thiết kế/dự toán", ("thiet ke", "du toan", "kinh te - ky thuat", "nghien cuu kha thi")),
    ("chủ trương đầu tư", ("chu truong dau tu",)),
    ("thi công", ("thi cong",)),
)
STAGE_ORDER = (
    "chủ trương đầu tư", "thiết kế/dự toán", "đấu thầu", "GPMB/bồi thường", "thi công",
    "tạm dừng — vướng GPMB", "tạm dừng", "nghiệm thu", "bàn giao", "chấm dứt",
)


def stage_of(clause: str) -> str:
    folded = vn.fold(vn.strip_markers(clause))
    for label, cues in STAGES:
        if any(c in folded for c in cues):
            if label == "tạm dừng" and re.search(r"gpmb|mat bang|boi thuong", folded):
                return "tạm dừng — vướng GPMB"
            return label
    return ""


_PROJECT_RE = re.compile(
    rf"(?:(?P<count>\d{{1,3}}|các|những)\s+)?(?:\b[dD]ự án|\bDA)(?P<marker>[{vn.SUPERSCRIPT_DIGITS}]+)?"
    r"\s*:?\s*"
)
_NAME_STOP = re.compile(
    r";|\.(?:\s|$)|\s\(\d|,\s+(?=[A-ZĐÀ-Ỹ])(?!TP\b|TPLS\b)|"
    r",\s+(?:với|tổng|số tiền|còn|nhà thầu|đảm bảo|trong đó|đã|đang|làm|cho)\b|"
    r"\s+(?:với|còn|đã|đang|được|khởi công|tạm dừng|tiếp tục|cho|để|do|có|là|nhằm|theo|từ|"
    r"ngày|phải|chưa|bị|vướng|đạt|hoàn thành|trên địa bàn|đối với)\b"
)
_AMOUNT_RE = re.compile(r"\((\d[\d.,]*)\s*(hộ|trường hợp|m²|m2|ha)\)")


def _amounts(text: str) -> tuple[Amount, ...]:
    found = [f for f in _scan_figures(text) if f[3] in ("hộ", "m²", "ha", "đồng", "triệu đồng", "tỷ đồng")]
    return tuple(Amount(value, unit, raw) for _, _, raw, unit, value, _, _ in found)


def _split_items(text: str) -> list[str]:
    return [i.strip(" .;") for i in text.split(";") if i.strip(" .;")]


def _item_name(item: str) -> tuple[str, tuple[Amount, ...]]:
    amounts = tuple(
        Amount(vn.parse_number(m.group(1)) or 0.0, "m²" if m.group(2) == "m2" else m.group(2), m.group(1))
        for m in _AMOUNT_RE.finditer(item)
    )
    return _AMOUNT_RE.sub("", item).strip(" ,.;"), amounts


def _project(report_id: str, name: str, amounts: tuple[Amount, ...], clause: str, **src) -> Project:
    return Project(
        report_id=report_id, name=name, key=match_key(name), stage=stage_of(clause),
        amounts=amounts, clause=vn.strip_markers(clause).strip(), **src,
    )  # fmt: skip


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
            out.append(_project(
                report_id, name, amounts, fn.context, planned=para.section in planned_sections,
                section=para.section, paragraph=para.index, footnote=fn.number, passage=fn.text,
            ))  # fmt: skip
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
            if name:
                items.append((name, amounts, end))
            sep = re.match(r"\s*(?:;|,(?=\s+[A-ZĐÀ-Ỹ]))\s*", sentence[end:])
            more = want > len(items) if want else (many and bool(amounts))
            if not (many and more and sep and sentence[end + sep.end() : end + sep.end() + 1].isupper()):
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
            out.append(_project(
                report_id, vn.strip_markers(name), amounts, clause,
                planned=para.section in planned_sections, section=para.section,
                paragraph=para.index, footnote=None, passage=sentence,
            ))  # fmt: skip
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
            for piece in re.split(r";\s+(?!(?:" + "|".join(DOC_TYPES.values()) + r")\s+số)", sentence):
                text = vn.strip_markers(piece).strip(" ;.")
                if len(text.split()) < 3:
                    continue
                refs = [n for n, _, _ in vn.footnote_markers(piece) if n in notes]
                out.append(Task(
                    report_id=report_id, field=field or (sec.title if sec else ""), text=text,
                    details="; ".join(notes[n] for n in refs), target_period=report.meta.task_period,
                    section=para.section, paragraph=para.index, passage=sentence,
                ))  # fmt: skip
    return out


# ---- figures ---------------------------------------------------------------------------

# (written form, unit, kind): kind 'count' units are classifiers left out of the measure,
# 'noun' units are what is counted and stay in it.
UNITS: tuple[tuple[str, str, str], ...] = (
    ("triệu đồng", "triệu đồng", "money"), ("tỷ đồng", "tỷ đồng", "money"),
    ("nghìn đồng", "nghìn đồng", "money"), ("đồng", "đồng", "money"), ("đ", "đồng", "money"),
    ("%", "%", "percent"), ("m²", "m²", "area"), ("m2", "m²", "area"), ("ha", "ha", "area"),
    ("km", "km", "area"), ("tạ/ha", "tạ/ha", "area"), ("tấn", "tấn", "area"), ("gam", "gam", "area"),
    ("hộ gia đình", "hộ", "count"), ("hộ", "hộ", "count"), ("vụ", "vụ", "count"),
    ("lượt người", "lượt người", "count"), ("lượt", "lượt", "count"), ("người", "người", "count"),
    ("trường hợp", "trường hợp", "count"), ("TH", "trường hợp", "count"), ("ca", "ca", "count"),
    ("đối tượng", "đối tượng", "count"), ("học sinh", "học sinh", "count"),
    ("giáo viên", "giáo viên", "count"), ("công dân", "công dân", "count"), ("trẻ", "trẻ", "count"),
    ("suất", "suất", "count"), ("cơ sở", "cơ sở", "count"), ("doanh nghiệp", "doanh nghiệp", "count"),
    ("buổi", "buổi", "count"), ("cuộc", "cuộc", "count"), ("việc", "việc", "count"),
    ("công trình", "công trình", "noun"), ("dự án", "dự án", "noun"),
    ("giấy phép", "giấy phép", "noun"), ("hồ sơ", "hồ sơ", "noun"),
    ("quyết định", "quyết định", "noun"), ("thông báo", "thông báo", "noun"),
    ("văn bản", "văn bản", "noun"), ("đơn thư", "đơn thư", "noun"), ("đơn", "đơn", "noun"),
    ("tiêu chí", "tiêu chí", "noun"), ("nhiệm vụ", "nhiệm vụ", "noun"),
    ("tài khoản", "tài khoản", "noun"), ("gian hàng", "gian hàng", "noun"),
    ("phương án", "phương án", "noun"), ("tuyến", "tuyến", "noun"), ("hội nghị", "hội nghị", "noun"),
    ("biên bản", "biên bản", "noun"), ("bản", "bản", "count"),
)
_UNIT_KIND = {u: k for _, u, k in UNITS}
_UNIT_BY_WORD = {w.lower(): u for w, u, _ in UNITS}
_FIG_RE = re.compile(
    r"(?<![\w.,/])(?P<num>\d+(?:[.,]\d+)*)(?:\s?/\s?(?P<den>\d+(?:[.,]\d+)*))?(?![\w/]|[.,]\d)"
    r"\s?(?P<unit>" + "|".join(re.escape(w) for w, _, _ in sorted(UNITS, key=lambda u: -len(u[0])))
    + r")(?:(?<=%)|(?<=²)|(?![\w]))",
    re.IGNORECASE,
)
_NOT_FIGURE_BEFORE = re.compile(r"(?:ngày|tháng|năm|số|lần|khóa|khoá|lớp|khối|tỷ lệ)\s*$", re.I)
_REST_STOP = re.compile(
    r"[,;.()=:]|\d|\s(?:với|trong đó|đạt|làm|tại|trên|so với|của|cho|từ|đến|và|đối với|bị|được|"
    r"năm|tháng|ngày|tham gia|dự thi|đủ)\b"
)
_TIME = re.compile(
    r"(?i)\b(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày|tháng|năm)\s+[\d/]+|"
    r"\b(?:trong|của)\s+(?:tháng|năm|quý|kỳ)(?:\s+(?:\d{1,2}(?:/\d{4})?|[IV]+(?:/\d{4})?))?"
    r"(?:\s+năm\s+\d{4})?|\b(?:tháng|quý)\s+[\dIV]+(?:/\d{4})?(?:\s+năm\s+\d{4})?|"
    r"\bnăm(?: học)?\s+\d{4}(?:\s*-\s*\d{4})?|\bngày\s+[\d/]+|\btừ đầu năm\b|\btrong tháng\b"
)
_LEAD = re.compile(
    r"(?i)^(?:trong đó|công tác|tổ chức|chỉ đạo|tiếp tục|ngoài ra|đã|được|và|với|là|có|"
    r"các lực lượng chức năng đã|toàn thành phố có|tổng số|thực hiện|xảy ra|ra|hiện|,)\b[\s,]*"
)
_TRAIL = re.compile(
    r"(?i)[\s,]*\b(?:thu được|đạt được|ước đạt|chưa đạt|đạt|là|được|bằng|với|gồm|có|khoảng|trị giá|"
    r"xảy ra|ước|cho|của|đối với|lên|đã|đến|trên|dưới|gần|hơn|mới|vượt|mục tiêu|chỉ tiêu|"
    r"toàn trình|toàn thành phố|thành phố|trên địa bàn(?: thành phố)?)\s*[:,]?$"
)
_QUANTITY = re.compile(
    r"(?i)(?:với\s+)?(?:tổng\s+)?(?P<q>số tiền(?: xử phạt)?|diện tích|kinh phí|trị giá|giá trị)"
    r"(?:\s+là)?\s*:?$"
)
_MODIFIERS = {"lũy kế", "tổng", "tổng cộng", "còn", "còn lại", "tăng", "giảm"}


def _scan_figures(text: str) -> list[tuple[int, int, str, str, float, float | None, float | None]]:
    """(start, end, raw, unit, value, numerator, denominator) of the figures with a unit,
    leaving out dates, document numbers and scales."""
    skip = [(m.start(), m.end()) for m in documents_in(text)]
    out = []
    for m in _FIG_RE.finditer(text):
        if any(a <= m.start() < b for a, b in skip) or _NOT_FIGURE_BEFORE.search(text[: m.start()]):
            continue
        written = m.group("unit")
        if written.lower() == "th" and written != "TH":
            continue  # 'TH' (trường hợp) only in capitals
        unit = _UNIT_BY_WORD[written.lower()]
        num = vn.parse_number(m.group("num"))
        if num is None:
            continue
        den = vn.parse_number(m.group("den")) if m.group("den") else None
        raw = m.group("num") + (f"/{m.group('den')}" if m.group("den") else "")
        out.append((m.start(), m.end(), raw, unit, num, num if den else None, den))
    return out


def _clean_left(left: str) -> tuple[str, str]:
    """(measure words, qualifier) from the words before a figure."""
    qualifier = ""
    if re.search(r"(?i)\b(?:ước|dự kiến)\b", left):
        qualifier = "ước"
    if re.search(r"(?i)\b(?:phấn đấu|mục tiêu|chỉ tiêu)\b", left):
        qualifier = "mục tiêu"
    text = _TIME.sub(" ", left)
    text = re.sub(r"(?i)\b(?:ước|phấn đấu|dự kiến)\b", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,:")
    for _ in range(6):
        new = _LEAD.sub("", _TRAIL.sub("", text)).strip(" ,:")
        if new == text:
            break
        text = new
    return text, qualifier


def _figures(report: Report, report_id: str, planned_sections: set[str]) -> list[Figure]:
    out: list[Figure] = []
    for para, fn, section, text in _units(report):
        planned = section in planned_sections
        for sentence in vn.sentences(text):
            out += _figures_in(report, report_id, vn.strip_markers(sentence), sentence, planned,
                               section=section, paragraph=para.index if para else None, footnote=fn)  # fmt: skip
    return out


def _figures_in(
    report: Report, report_id: str, plain: str, passage: str, planned: bool, **src
) -> list[Figure]:
    out: list[Figure] = []
    base = ""  # the last figure's own measure in this sentence
    prev_end = 0
    for start, end, raw, unit, value, num, den in _scan_figures(plain):
        kind = _UNIT_KIND[unit]
        cut = max(prev_end, *(plain.rfind(c, 0, start) + 1 for c in ";:()="))
        left = plain[cut:start]
        if not left.strip(" ,/") and plain[cut - 1 : cut] == ":":
            label_start = max(prev_end, *(plain.rfind(c, 0, cut - 1) + 1 for c in ";()"))
            left = plain[label_start : cut - 1]
        commas = [m.end() for m in re.finditer(r",\s", left)]
        for c in reversed(commas):  # "Tính đến ngày 15/10/2025, giá trị …": cut after the date
            if re.search(r"\d|^\s*(?:trong đó|ngoài ra)\s*,", left[:c], re.I):
                left = left[c:]
                break
        words, qualifier = _clean_left(left)
        rest = ""
        tail = plain[end:]
        if kind in ("count", "noun"):
            stop = _REST_STOP.search(tail)
            rest = tail[: stop.start() if stop else len(tail)].strip()
            rest = rest if len(rest.split()) <= 10 else ""
        ref = ""
        if kind == "percent":
            rm = re.match(r"\s*([^\d,;.()]{3,60}?)(?=[,;.()]|\s+và\s|$)", tail)
            ref = rm.group(1).strip() if rm else ""
        measure = _measure(words, kind, unit, rest, ref, base)
        if planned and not qualifier:
            qualifier = "mục tiêu"
        if words and words.lower() not in _MODIFIERS and not _QUANTITY.search(words) and kind != "percent":
            base = measure
        elif not base:
            base = measure
        if not measure:
            prev_end = end
            continue
        shown = f"{measure} ({qualifier})" if qualifier else measure
        out.append(Figure(
            report_id=report_id, measure=shown, measure_key=match_key(shown), value=value,
            raw=raw, unit=unit, numerator=num, denominator=den, period=report.meta.period,
            planned=planned, passage=passage.strip(), **src,
        ))  # fmt: skip
        prev_end = end + (len(rest) + 1 if rest else 0)
    return out


def _measure(words: str, kind: str, unit: str, rest: str, ref: str, base: str) -> str:
    low = words.lower()
    if kind == "noun":
        own = f"{words} {unit} {rest}".strip() if len(words.split()) <= 3 else f"{unit} {rest}".strip()
    elif kind == "count" and rest and not rest.lower().startswith("so với"):
        own = rest
    else:
        own = words
    if q := _QUANTITY.search(words):
        own = words[: q.start()].strip(" ,")
        own = f"{own or base} ({q.group('q')})" if (own or base) else q.group("q")
    elif not own or low in _MODIFIERS or low.startswith(("làm ", "bị thương")):
        if low in ("tăng", "giảm"):
            own = f"{base} {low} {rest}".strip() if base else ""
        elif low in _MODIFIERS:
            own = _merge(f"{low} {_unmodified(base)}".strip(), base) if base else low
        elif low:
            own = f"{base} {low}".strip()
        else:
            own = base
    elif base:
        own = _merge(own, base)
    if kind == "percent" and ref and own:
        own = f"{own} {ref}" if ref.lower().startswith("so với") else f"{own} so với {ref}"
    words_ = own.split()
    return " ".join(words_[:14])


def _unmodified(measure: str) -> str:
    return re.sub(r"(?i)^lũy kế\s+", "", re.sub(r"\s*\([^)]*\)$", "", measure))


def _merge(measure: str, base: str) -> str:
    """'tỷ lệ giải ngân' after 'giải ngân vốn đầu tư công' → 'tỷ lệ giải ngân vốn đầu tư công':
    a measure ending in the first words of the previous one takes the rest of it."""
    m, b = measure.split(), _unmodified(base).split()
    for k in range(min(len(m), len(b)) - 1, 1, -1):
        tail = [w.lower() for w in m[-k:]]
        for i in range(len(b) - k):
            if [w.lower() for w in b[i : i + k]] == tail and i + k < len(b):
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

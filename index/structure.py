"""Turn a flat sequence of blocks (from any file format) into a structured Report.

Format readers (text, .docx, .pdf) only cut their file into `Block`s in reading order;
everything about the genre — header, parts and sections, footnotes, paragraphs split by
page breaks, the signature and "Nơi nhận" — is decided here, once.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from index import periods, vn
from index.model import Footnote, Paragraph, Report, ReportMeta, Section

SUP = vn.SUPERSCRIPT_DIGITS


@dataclass
class Block:
    text: str
    page: int | None = None
    kind: str = "text"  # text | table | footnote | heading
    footnote: int | None = None  # number, when kind == "footnote"
    level: int | None = None  # heading level hint from the format (docx styles)
    extra: dict = field(default_factory=dict)


PART_RE = re.compile(r"^(?P<num>[IVXLC]{1,6})\s*[.\-–:]\s*(?P<title>\S.*)$")
SECTION_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(?P<title>\S.*)$")
FOOTNOTE_BODY_RE = re.compile(rf"^\s*(?P<num>[{SUP}]+)\s*(?P<body>\S.*)$", re.S)
MARKER_RE = vn.MARKER_RE
BULLET_RE = re.compile(r"^\s*(?:[-+•–*]\s+|[a-zđ]\)\s+)")
TERMINAL = ".;:!?…"
NUMBER_LINE_RE = re.compile(r"^Số\s*:?\s*(?P<num>[\w/.\-&Đđ]+)", re.I)
DATE_LINE_RE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*"
    r"tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})",
    re.I,
)
PERIOD_RE = re.compile(r"tháng\s+(\d{1,2})\s*/\s*(\d{4})", re.I)
SIGN_ROLE_RE = re.compile(r"^(?:TM\.|KT\.|Q\.|TL\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC)", re.I)
_NATIONAL = r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do"
NATIONAL_RE = re.compile(_NATIONAL, re.I)
# The letterhead and the signature block: Word and .doc files often lay them out as small
# borderless tables, which are text, not data (index/readers).
LETTERHEAD_RE = re.compile(
    _NATIONAL + r"|^\s*Số\s*:|ngày\s+[\d.…_ ]*tháng\s+[\d.…_ ]*năm\s+\d{4}", re.I | re.M
)
CLOSING_RE = re.compile(
    r"Nơi nhận|^\s*(?:TM\.|KT\.|TL\.|Q\.)\s|^\s*(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\b",
    re.M,
)


def clean(text: str) -> str:
    """Markdown emphasis and PDF-conversion artefacts out, whitespace collapsed."""
    text = vn.nfc(text).replace("\u00a0", " ").replace("\u200b", "")
    text = text.replace("^d", "đ")
    text = re.sub(r"\*{1,3}([^*\n]+?)\*{1,3}", r"\1", text)
    text = re.sub(r"(?<!\w)\*{1,3}(?=\s)|(?<=\S)\*{1,3}(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def split_text_blocks(text: str) -> list[Block]:
    """Cut plain text into blocks at blank lines; inside a block, lines are joined,
    except that list items and footnote bodies start blocks of their own."""
    blocks: list[Block] = []
    for raw in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\f", "\n\n")):
        current: list[str] = []
        for line in raw.split("\n"):
            line = line.strip()
            if not line:
                continue
            starts_item = bool(BULLET_RE.match(line) or FOOTNOTE_BODY_RE.match(line))
            if current and starts_item:
                blocks.append(Block(" ".join(current)))
                current = []
            current.append(line)
        if current:
            blocks.append(Block(" ".join(current)))
    return blocks


APPENDIX_RE = re.compile(
    r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?P<num>[0-9IVX]{1,4}))?\s*(?:[.:\-–]\s*(?P<title>.*))?$"
)


def _body_like(b: Block, text: str) -> bool:
    """A block that cannot belong to the header or the signature: a table, or running
    prose (an opening "Thực hiện Công văn số …, UBND … báo cáo như sau:")."""
    return b.kind == "table" or len(text) > 200


def _header_like(text: str) -> bool:
    """Issuer lines, the national motto, a short line before the body: not running prose."""
    return (
        text.isupper()
        or bool(NATIONAL_RE.search(text))
        or (len(text) < 80 and not text.rstrip().endswith((".", ";")))
    )


def _is_heading_title(title: str) -> bool:
    title = title.strip()
    if not title or len(title) > 160 or MARKER_RE.search(title[-2:] if title else ""):
        return False
    if title[-1] in ".;" and not title.endswith(":"):
        return False
    first = title.lstrip('*“"(')[:1]
    return first.isupper()


def _open_ended(text: str) -> bool:
    """True when a paragraph stops mid-sentence (page break, footnote block in between)."""
    tail = MARKER_RE.sub("", text).rstrip(" *”\"')»")
    return bool(tail) and tail[-1] not in TERMINAL


def _continues(text: str) -> bool:
    head = text.lstrip("(“\"'*")
    return bool(head) and (head[0].islower() or head[0].isdigit())


def _markers(text: str, known: set[int]) -> list[tuple[int, int, int]]:
    """Markers that refer to a footnote the report actually has."""
    return [m for m in vn.footnote_markers(text) if m[0] in known]


def _clause_before(text: str, start: int) -> str:
    """The clause a footnote marker closes: back to the previous ';', '.', ':' or marker,
    extended to the sentence when that clause is too short to mean anything."""
    head = text[:start].rstrip(" .;:,")
    cuts = [m.end() for m in re.finditer(r"[.;:](?=\s)", head)]
    cuts += [m.end() for m in MARKER_RE.finditer(head)]
    clause = head[max(cuts, default=0) :].strip()
    if len(clause.split()) < 4:
        sentence = [m.end() for m in re.finditer(r"[.:](?=\s)", head)]
        clause = head[max(sentence, default=0) :].strip()
    return MARKER_RE.sub("", clause).strip(" ,;")


def _period(text: str) -> str:
    """The period a title names, as stored ('12/2023', 'Q4/2025', '2025')."""
    return periods.of_title(text)


ADMIN_UNITS = ("thành phố", "thị xã", "tỉnh", "huyện", "quận", "xã", "phường", "thị trấn")


def _proper(name: str) -> str:
    """'THÀNH PHỐ SÔNG MAI' → 'thành phố Sông Mai'; other bodies in sentence case
    ('TRUNG TÂM XÚC TIẾN ĐẦU TƯ' → 'Trung tâm xúc tiến đầu tư')."""
    low = name.lower().strip()
    for unit in ADMIN_UNITS:
        if low.startswith(unit + " "):
            return f"{unit} {low[len(unit) + 1 :].title()}"
    return low[:1].upper() + low[1:]


def _body(line: str) -> str:
    m = re.match(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s*(.*)$", line)
    return f"UBND {_proper(m.group(1))}".strip() if m else _proper(line)


def _issuer(header: list[str], place: str, signature: list[str]) -> str:
    """The issuing body. A header names the parent on its first line and the issuing body
    below it ('UBND TỈNH LÂM ĐỒNG' / 'TRUNG TÂM XÚC TIẾN …'): 'Trung tâm … (UBND tỉnh …)'."""
    lines = [h for h in header if h.isupper() and not NATIONAL_RE.search(h)]
    if lines:
        if len(lines) >= 2 and re.match(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s*$", lines[0]):
            lines = [f"{lines[0]} {lines[1]}", *lines[2:]]  # "ỦY BAN NHÂN DÂN" / "TỈNH X"
        parent, *rest = lines
        return f"{_body(' '.join(rest))} ({_body(parent)})" if rest else _body(parent)
    body = " ".join(signature).upper()
    if place and ("ỦY BAN NHÂN DÂN" in body or "UỶ BAN NHÂN DÂN" in body):
        city = re.sub(r"^TP\.?\s*", "thành phố ", place.strip())
        return f"UBND {_proper(city)}"
    return ""


def build_report(source: str, blocks: list[Block]) -> Report:
    """Assemble a Report from blocks in reading order."""
    blocks = [b for b in blocks if clean(b.text) or b.kind == "table"]
    header: list[str] = []
    meta: dict[str, str] = {}
    i = 0
    title_lines: list[str] = []
    in_title = False
    # Header: everything before the first part or section heading.
    while i < len(blocks):
        b = blocks[i]
        text = clean(b.text)
        if b.kind != "footnote" and (_heading(b, text) or _body_like(b, text)):
            break
        if (m := NUMBER_LINE_RE.match(text)) and "number" not in meta:
            meta["number"] = m.group("num").strip(".,")
        elif (m := DATE_LINE_RE.match(text)) and "date" not in meta:
            meta["place"] = m.group("place").strip()
            day = f"-{int(m.group('d')):02d}" if m.group("d") else ""  # drafts leave it blank
            meta["date"] = f"{m.group('y')}-{int(m.group('m')):02d}{day}"
        elif re.fullmatch(r"(BÁO CÁO|BÁO CÁO TÓM TẮT|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO)", text):
            meta["doc_type"] = text
            in_title = True
        elif in_title and b.kind != "footnote" and len(title_lines) < 4:
            title_lines.append(text)
        elif b.kind != "footnote" and _header_like(text):
            header.append(text)
        else:
            break
        i += 1
    if title_lines:
        meta["title"] = " ".join(title_lines).strip()
    title = meta.get("title", "")
    period = _period(title)
    task_period = ""
    tm = re.search(r"nhiệm vụ.*", title, re.I)
    if tm:
        task_period = _period(tm.group(0))
        if task_period and title.lower().find("nhiệm vụ") < (PERIOD_RE.search(title) or tm).start():
            period = _period(title[: tm.start()]) or period

    sections: list[Section] = []
    paragraphs: list[dict] = []
    footnote_bodies: dict[int, dict] = {}
    recipients: list[str] = []
    signature: list[str] = []
    part = ""
    path = ""
    mode = "body"
    for b in blocks[i:]:
        text = clean(b.text)
        if not text and b.kind != "table":
            continue
        if b.kind == "footnote" or (b.kind == "text" and FOOTNOTE_BODY_RE.match(text)):
            number = b.footnote
            body = text
            if number is None:
                m = FOOTNOTE_BODY_RE.match(text)
                assert m
                number = vn.superscript_to_int(m.group("num"))
                body = m.group("body").strip()
            footnote_bodies[number] = {"text": body, "page": b.page}
            continue
        if mode == "body" and re.match(r"^Nơi nhận\s*:?", text, re.I):
            mode = "recipients"
            rest = re.sub(r"^Nơi nhận\s*:?\s*", "", text, flags=re.I)
            if rest:
                recipients.append(rest.lstrip("- "))
            continue
        if mode != "body" and (APPENDIX_RE.match(text) or _body_like(b, text)):
            mode = "body"  # an appendix (PHỤ LỤC, Biểu mẫu, tables) after the signature
        if mode == "recipients":
            if BULLET_RE.match(text) or text.startswith("-"):
                recipients.append(text.lstrip("-+• ").strip())
                continue
            mode = "signature"
        if mode == "signature" or (mode == "body" and SIGN_ROLE_RE.match(text) and len(text) < 80):
            mode = "signature"
            signature.append(text)
            continue
        if b.kind == "text" and (m := APPENDIX_RE.match(text)):
            part = path = "PL" + (m.group("num") or "")
            ptitle = (m.group("title") or "").strip(" :.-–") or text
            sections.append(Section(path=path, title=ptitle, level=1))
            continue
        heading = _heading(b, text)
        if heading:
            kind, num, htitle = heading
            if kind == "part":
                part = num
                path = num
                level = 1
            else:
                path = f"{part}.{num}" if part else num
                level = num.count(".") + 2 if part else num.count(".") + 1
            sections.append(Section(path=path, title=htitle, level=level))
            continue
        prev = paragraphs[-1] if paragraphs else None
        is_item = bool(BULLET_RE.match(b.text)) or b.kind == "table"
        if (
            prev is not None
            and prev["kind"] == "text"
            and b.kind == "text"
            and not is_item
            and _continues(text)
            and (text.lstrip("(“\"'*")[0].islower() or _open_ended(prev["text"]))
        ):
            prev["text"] = f"{prev['text']} {text}"
            continue
        kind = "table" if b.kind == "table" else ("list" if is_item else "text")
        paragraphs.append(
            {
                "text": text if b.kind != "table" else b.text.strip(),
                "section": path,
                "page": b.page,
                "kind": kind,
            }
        )

    known = set(footnote_bodies)
    paras: list[Paragraph] = []
    footnotes: list[Footnote] = []
    for n, p in enumerate(paragraphs, start=1):
        marks = _markers(p["text"], known)
        nums = tuple(dict.fromkeys(num for num, _, _ in marks))
        paras.append(
            Paragraph(
                index=n,
                text=p["text"],
                section=p["section"],
                footnotes=nums,
                page=p["page"],
                kind=p["kind"],
            )
        )
        for num, start, _ in marks:
            if num in footnote_bodies and "paragraph" not in footnote_bodies[num]:
                footnote_bodies[num]["paragraph"] = n
                footnote_bodies[num]["context"] = _clause_before(p["text"], start)
    for num in sorted(footnote_bodies):
        fb = footnote_bodies[num]
        footnotes.append(
            Footnote(
                number=num,
                text=fb["text"],
                paragraph=fb.get("paragraph"),
                context=fb.get("context", ""),
                page=fb.get("page"),
            )
        )

    signer_role = ""
    signer = ""
    if signature:
        signer = signature[-1] if not SIGN_ROLE_RE.match(signature[-1]) else ""
        roles = [s for s in signature if s != signer]
        signer_role = " ".join(roles)
    warnings = []
    if not sections:
        warnings.append(
            "không nhận ra cấu trúc phần/mục của báo cáo; nội dung được lập chỉ mục "
            "như các đoạn văn thường"
        )
    unlinked = [f.number for f in footnotes if f.paragraph is None]
    if unlinked:
        warnings.append(f"chú thích không tìm thấy chỗ dẫn trong văn bản: {unlinked}")
    report_meta = ReportMeta(
        issuer=_issuer(header, meta.get("place", ""), signature),
        number=meta.get("number", ""),
        place=meta.get("place", ""),
        date=meta.get("date", ""),
        title=title,
        period=period,
        task_period=task_period or _task_period_from_sections(sections),
        signer=signer,
        signer_role=signer_role,
    )
    return Report(
        source=source,
        meta=report_meta,
        sections=tuple(sections),
        paragraphs=tuple(paras),
        footnotes=tuple(footnotes),
        recipients=tuple(recipients),
        warnings=tuple(warnings),
    )


def _task_period_from_sections(sections: list[Section]) -> str:
    for s in sections:
        if re.search(r"nhiệm vụ|phương hướng", s.title, re.I):
            return _period(s.title)
    return ""


def _heading(b: Block, text: str) -> tuple[str, str, str] | None:
    """('part'|'section', number, title) when the block is a numbered heading."""
    if b.kind in ("footnote", "table"):
        return None
    m = PART_RE.match(text)
    if m and _is_heading_title(m.group("title")) and len(text) < 200:
        return "part", m.group("num"), m.group("title").strip()
    m = SECTION_RE.match(text)
    if m and _is_heading_title(m.group("title")) and not re.match(r"^\d", m.group("title")):
        num = m.group("num")
        if not text[len(num) :].lstrip().startswith(("/", ",")) and (
            "." in text[: len(num) + 2] or ")" in text[: len(num) + 2] or b.level
        ):
            return "section", num, m.group("title").strip().rstrip(":")
    return None


def report_id(meta: ReportMeta, source: str, content: bytes) -> str:
    """Stable id: the report's own number and date when it has them, else the file's hash."""
    if meta.number[:1].isdigit() and meta.date:
        base = f"{meta.number}-{meta.date}"
    else:
        stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        base = f"{stem}-{hashlib.sha256(content).hexdigest()[:8]}"
    slug = re.sub(r"[^0-9A-Za-z]+", "-", vn.fold(base).upper()).strip("-")
    return slug

"""Turn a flat sequence of blocks (from any file format) into a structured Report.

Format readers (text, .docx, .pdf) only cut their file into `Block`s in reading order;
everything about the genre — header, parts and sections, footnotes, paragraphs split by
page breaks, the signature and "Nơi nhận" — is decided here, once: what the letterhead and
the signature say in index/letterhead.py, which clause cites a footnote in index/footnotes.py.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from index import headings, vn
from index.footnotes import link_footnotes, typed_bodies
from index.letterhead import (
    DATE_LINE_RE,
    NATIONAL_RE,
    NUMBER_LINE_RE,
    SIGN_ROLE_RE,
    header_like,
    report_meta,
)
from index.model import Report, ReportMeta, Section

SUP = vn.SUPERSCRIPT_DIGITS


@dataclass
class Block:
    text: str
    page: int | None = None
    kind: str = "text"  # text | table | footnote | heading
    footnote: int | None = None  # number, when kind == "footnote"
    level: int | None = None  # heading level hint from the format (docx styles)
    extra: dict = field(default_factory=dict)


FOOTNOTE_BODY_RE = re.compile(rf"^\s*(?P<num>[{SUP}]+)\s*(?P<body>\S.*)$", re.S)
MARKER_RE = vn.MARKER_RE
BULLET_RE = re.compile(r"^\s*(?:[-+•–*]\s+|[a-zđ]\)\s+)")
TERMINAL = ".;:!?…"


def clean(text: str) -> str:
    """Markdown emphasis and PDF-conversion artefacts out, whitespace collapsed."""
    text = vn.nfc(text).replace("\u00a0", " ").replace("\u200b", "")
    text = text.replace("^d", "đ")
    text = re.sub(r"\*{1,3}([^*\n]+?)\*{1,3}", r"\1", text)
    text = re.sub(r"(?<!\w)\*{1,3}(?=\s)|(?<=\S)\*{1,3}(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def split_text_blocks(text: str) -> list[Block]:
    """Cut plain text into blocks at blank lines (see split_groups)."""
    return split_groups(re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\f", "\n\n")))


def split_groups(groups: Iterable[str]) -> list[Block]:
    """Blocks of the text's stretches between blank lines: inside one, lines are joined,
    except that list items and footnote bodies start blocks of their own. An iterable, so a
    reader's stretches are never all held twice."""
    blocks: list[Block] = []
    for raw in groups:
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
    prose (an opening "Thực hiện Công văn số …, UBND … báo cáo như sau:", however short)."""
    opening = text[:1].isupper() and _AS_FOLLOWS.search(text) is not None  # (not its tail)
    return b.kind == "table" or len(text) > 200 or opening


_AS_FOLLOWS = re.compile(r"\bnhư sau\s*:\W*$")
# "Thực hiện Công văn số 4012/UBND-KT …": what a report answers to, the first line of its body
_OPENING = re.compile(
    r"^(?:Thực hiện|Căn cứ|Triển khai|Thi hành)\s+(?:Công văn|Kế hoạch|Quyết định|Chỉ thị|"
    r"Nghị quyết|Thông báo|Văn bản|Thông tư|Nghị định|ý kiến|sự chỉ đạo|chỉ đạo)\b"
)


def _open_ended(text: str) -> bool:
    """True when a paragraph stops mid-sentence (page break, footnote block in between)."""
    tail = MARKER_RE.sub("", text).rstrip(" *”\"')»")
    return bool(tail) and tail[-1] not in TERMINAL


def _continues(text: str) -> bool:
    head = text.lstrip("(“\"'*")
    return bool(head) and (head[0].islower() or head[0].isdigit())


# a letter goes to a few bodies; a longer dashed list after "Kính gửi" is body text
MAX_ADDRESSEES = 40
_ADDRESSED = re.compile(r"^Kính\s+gửi\s*:?\s*", re.I)


_KIND_LINE = re.compile(
    r"(BÁO CÁO|BÁO CÁO TÓM TẮT|BÁO CÁO NHANH|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO)[\s\-:;.,|_]*"
)


def build_report(source: str, blocks: list[Block]) -> Report:
    """Assemble a Report from blocks in reading order."""
    blocks = [b for b in blocks if clean(b.text) or b.kind == "table"]
    rules, typed = typed_bodies([clean(b.text) if b.kind == "text" else "" for b in blocks])
    blocks = [
        Block(typed[i][1], b.page, "footnote", typed[i][0]) if i in typed else b
        for i, b in enumerate(blocks)
        if i not in rules  # the rule above the footnotes is no text of the report
    ]
    header: list[str] = []
    meta: dict[str, str] = {}
    i = 0
    title_lines: list[str] = []
    addressees: list[str] = []
    in_title = False
    # Header: everything before the first part or section heading.
    while i < len(blocks):
        b = blocks[i]
        text = clean(b.text)
        if b.kind != "footnote" and (
            _heading(b, text)
            or _body_like(b, text)
            or (title_lines and _OPENING.match(text))  # a scan's title runs into its opening
            or headings.book(text)
            or (headings.letter_part(text) or (0,))[0] == 1
        ):
            break
        if not any(ch.isalnum() for ch in text):
            pass  # a scan's speck read as "." or "-" between the letterhead and the title
        elif (m := NUMBER_LINE_RE.match(text)) and "number" not in meta:
            meta["number"] = re.sub(r"\s+", "", m.group("num")).strip(".,")
        elif (m := DATE_LINE_RE.match(text)) and "date" not in meta:
            meta["place"] = m.group("place").strip()
            day = f"-{int(m.group('d')):02d}" if m.group("d") else ""  # drafts leave it blank
            meta["date"] = f"{m.group('y')}-{int(m.group('m')):02d}{day}"
            meta["date_line"] = m.group(0).strip()
        elif m := _KIND_LINE.fullmatch(text):  # (a scan's specks after it: "BÁO CÁO - :")
            meta["doc_type"] = m.group(1)
            in_title = True
        elif m := re.match(r"^V/v\s*", text):  # a letter's subject: its title
            title_lines.append(text[m.end() :][:1].upper() + text[m.end() + 1 :])
            in_title = True
        elif m := _ADDRESSED.match(text):  # "Kính gửi:" and the list under it
            addressees += [a for a in [text[m.end() :].strip(" -")] if a]
            while (
                i + 1 < len(blocks)
                and len(addressees) < MAX_ADDRESSEES
                and clean(blocks[i + 1].text).startswith(("-", "+", "•"))
            ):
                i += 1
                addressees.append(clean(blocks[i].text).lstrip("-+• ").strip())
            in_title = False
        elif NATIONAL_RE.search(text) or DATE_LINE_RE.match(text):
            header.append(text)
            in_title = False
        elif in_title and b.kind != "footnote" and len(title_lines) < 4:
            title_lines.append(text)
        elif b.kind != "footnote" and header_like(text):
            header.append(text)
        else:
            break
        i += 1
    if title_lines:
        meta["title"] = " ".join(title_lines).strip()

    sections: list[Section] = []
    paragraphs: list[dict] = []
    footnote_bodies: dict[int, dict] = {}
    recipients: list[str] = []
    signature: list[str] = []
    book = part = path = ""
    letters = 0  # the lettered parts met so far ("A.", "B.": each the next letter)
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
        lettered = headings.letter_part(text) if b.kind == "text" else None
        if lettered and lettered[0] == letters + 1:  # "B. ĐÁNH GIÁ CHUNG" after "A. …"
            letters += 1
            book = part = path = f"P{letters}"
            sections.append(Section(path=path, title=lettered[1], level=1))
            continue
        if b.kind == "text" and (big := headings.book(text)):
            book = part = path = f"P{big[0]}"
            sections.append(Section(path=path, title=big[1], level=1))
            continue
        if b.kind == "text" and sections and not sections[-1].title and text.isupper():
            sections[-1] = Section(sections[-1].path, text, 1)  # "PHẦN THỨ HAI" / its title
            continue
        heading = _heading(b, text)
        if heading:
            kind, num, htitle = heading
            if kind == "part":  # the parts of a "PHẦN THỨ …" sit under it
                # "II." again after "II.": "III." misread by OCR or mistyped — the next one
                if any(s.path == (f"{book}.{num}" if book else num) for s in sections):
                    num = headings.next_roman(part.rpartition(".")[2] if book else part) or num
                part = path = f"{book}.{num}" if book else num
            else:
                path = f"{part}.{num}" if part else num
            sections.append(Section(path=path, title=htitle, level=path.count(".") + 1))
            continue
        prev = paragraphs[-1] if paragraphs else None
        is_item = bool(BULLET_RE.match(b.text)) or b.kind == "table"
        if prev is not None and b.kind == "text" and not is_item and _continues(text):
            lower = text.lstrip("(“\"'*")[0].islower()
            open_ended = _open_ended(prev["text"])
            # a list item's last line, set apart ("a) … tại Nghị quyết số 27/NQ-HĐND" /
            # "ngày 19/12/2025, với tổng thu …"): it goes on, lower case, mid-sentence
            goes_on = (prev["kind"] == "text" and (lower or open_ended)) or (
                prev["kind"] == "list" and lower and open_ended
            )
        else:
            goes_on = False
        if goes_on:
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

    paras, footnotes = link_footnotes(paragraphs, footnote_bodies)

    warnings = []
    if not sections:
        warnings.append(
            "không nhận ra cấu trúc phần/mục của báo cáo; nội dung được lập chỉ mục "
            "như các đoạn văn thường"
        )
    unlinked = [f.number for f in footnotes if f.paragraph is None]
    if unlinked:
        warnings.append(f"chú thích không tìm thấy chỗ dẫn trong văn bản: {unlinked}")
    return Report(
        source=source,
        meta=report_meta(meta, header, signature, sections),
        sections=tuple(sections),
        paragraphs=tuple(paras),
        footnotes=tuple(footnotes),
        recipients=tuple(recipients),
        addressees=tuple(addressees),
        warnings=tuple(warnings),
    )


def _heading(b: Block, text: str) -> tuple[str, str, str] | None:
    if b.kind in ("footnote", "table"):
        return None
    return headings.heading(text, b.level)


def report_id(meta: ReportMeta, source: str, content: bytes) -> str:
    """Stable id: the report's own number and date when it has them, else the file's hash."""
    if meta.number[:1].isdigit() and meta.date:
        base = f"{meta.number}-{meta.date}"
    else:
        stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        base = f"{stem}-{hashlib.sha256(content).hexdigest()[:8]}"
    slug = re.sub(r"[^0-9A-Za-z]+", "-", vn.fold(base).upper()).strip("-")
    return slug

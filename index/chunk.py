"""Report → chunks: one per paragraph (small neighbours merged, long ones split with
overlap) and one per footnote, each carrying a context header for the embedder."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import vn
from index.model import Chunk, Paragraph, Report

MERGE_BELOW = 280  # a paragraph shorter than this joins its neighbour in the same section
MERGE_UP_TO = 900
SPLIT_ABOVE = 1400
TARGET = 900


def header(report: Report, section: str) -> str:
    m = report.meta
    sec = report.section(section)
    parts = [m.number or report.source]
    if m.date:
        parts.append(f"ngày {m.date_vn}")
    if m.issuer:
        parts.append(m.issuer)
    if m.period:
        parts.append(f"kỳ báo cáo {m.period}")
    head = ", ".join(parts)
    if sec:
        head += f" | {sec.path} {sec.title}"
        parent = report.section(sec.path.rsplit(".", 1)[0]) if "." in sec.path else None
        if parent:
            head += f" ({parent.title})"
    return head


def _split_long(text: str) -> list[str]:
    """Sentence-aligned pieces of about TARGET characters, each repeating the previous
    piece's last sentence so a fact on the boundary stays whole in one of them. A clause
    still longer than TARGET after cutting at ';' is cut at spaces; a very long text is
    split into sentences window by window. Every step is one pass over the text, and no
    piece passes SPLIT_ABOVE (plus the spaces joining its sentences)."""
    ends = re.compile(rf"[.!?…;][{vn.SUPERSCRIPT_DIGITS}”\"')»]{{0,3}}\s+")

    def cut(s: str, size: int) -> list[str]:
        """s in pieces of at most `size` characters, each ending after the last sentence
        end, else the last space, in the second half of its window (else a hard cut)."""
        out: list[str] = []
        start = 0
        while len(s) - start > size:
            half, end = start + size // 2, start + size
            found = list(ends.finditer(s, half, end))
            space = max(s.rfind(" ", half, end), s.rfind("\n", half, end))
            stop = found[-1].end() if found else space + 1 if space >= 0 else end
            out.append(s[start:stop].strip())
            start = stop
        out.append(s[start:].strip())
        return [p for p in out if p]

    def tail(s: str, size: int) -> str:
        """The last words of s, at most `size` characters."""
        space = re.compile(r"\s").search(s, max(0, len(s) - size))
        return s[space.end() :] if space else s[-size:]

    window = 20 * TARGET  # vn.sentences rescans a sentence it does not end; keep those short
    sents: list[str] = []
    for part in cut(text, window) if len(text) > window else [text]:
        for sentence in vn.sentences(part):
            if len(sentence) <= TARGET:
                sents.append(sentence)
                continue
            # One sentence of ';'-clauses can run for a page in these reports: cut it there,
            # and a clause with no end at all at spaces.
            for clause in re.split(r"(?<=;)\s+", sentence):
                sents += cut(clause, TARGET) if len(clause) > TARGET else [clause]
    pieces: list[list[str]] = [[]]
    size = 0
    for s in sents:
        if pieces[-1] and size + len(s) > TARGET:
            last = pieces[-1][-1]
            carry = last if len(last) + len(s) <= SPLIT_ABOVE else tail(last, TARGET // 3)
            pieces.append([carry])
            size = len(carry)
        pieces[-1].append(s)
        size += len(s)
    return [" ".join(p) for p in pieces if p]


TABLE_PIECE = 700  # a table is cut into groups of rows about this long, each with its caption


def is_table_row(line: str) -> bool:
    """A table row as the readers write it: "Header: cell; Header: cell" (two cells or more;
    a cell's own "; " goes on in lower case: "Ghi chú: Xây vượt tầng; không phép")."""
    parts = line.split("; ")
    return (
        len(parts) >= 2
        and ": " in parts[0]
        and ": " in parts[1]
        and all(": " in p or p[:1].islower() for p in parts)
    )


def table_caption(text: str) -> str:
    """The caption line a table passage starts with ('… (bảng, phần 1/2)'), or ''."""
    first = text.split("\n", 1)[0]
    return first if first and not is_table_row(first) else ""


_ROW_NUMBER = re.compile(r"STT: (\d+(?:\.\d+)*)\.?(?:;|$)")


def row_number(row: str) -> str:
    """'3.4' of a row "STT: 3.4.; …", '' when the row is not numbered."""
    m = _ROW_NUMBER.match(row)
    return m.group(1) if m else ""


def _split_table(text: str) -> list[tuple[str, str]]:
    """Whole rows in pieces of about TABLE_PIECE characters, each starting with the table's
    caption line, so that one row is found (and quoted) with what it is a row of; with each
    piece, the rows of earlier pieces its first rows are numbered under ("3." over "3.4."):
    "Tỷ lệ % đã tinh giản" is a share of what row 3 names."""
    lines = text.split("\n")
    caption = table_caption(text)
    rows = lines[1:] if caption else lines
    pieces: list[list[str]] = [[]]
    for row in rows:
        if pieces[-1] and sum(len(r) for r in pieces[-1]) + len(row) > TABLE_PIECE:
            pieces.append([])
        pieces[-1].append(row)
    out, open_rows = [], {}  # row number → row, of the rows read so far
    for p in (p for p in pieces if p):
        first = row_number(p[0]).split(".")
        heads = (".".join(first[:i]) for i in range(1, len(first)))  # "3", "3.4" of "3.4.1"
        above = [open_rows[k] for k in heads if k in open_rows]
        out.append(("\n".join([caption, *p]) if caption else "\n".join(p), "\n".join(above)))
        open_rows.update((n, r) for r in p if (n := row_number(r)))
    return out


def _groups(paragraphs: tuple[Paragraph, ...]) -> list[list[Paragraph]]:
    groups: list[list[Paragraph]] = []
    for p in paragraphs:
        last = groups[-1] if groups else None
        if (
            last
            and last[-1].section == p.section
            and p.kind != "table"
            and last[-1].kind != "table"
            and (len(p.text) < MERGE_BELOW or sum(len(x.text) for x in last) < MERGE_BELOW)
            and sum(len(x.text) for x in last) + len(p.text) <= MERGE_UP_TO
        ):
            last.append(p)
        else:
            groups.append([p])
    return groups


def chunk_report(report: Report, report_id: str, version: str) -> list[Chunk]:
    """`version` (a content hash prefix) goes into every id, so a changed file's new chunks
    never overwrite the old ones before the manifest switches over."""
    chunks: list[Chunk] = []
    for group in _groups(report.paragraphs):
        first = group[0]
        sec = report.section(first.section)
        text = "\n".join(p.text for p in group)
        if first.kind == "table":
            pieces = _split_table(text) if len(text) > TABLE_PIECE else [(text, "")]
        else:
            pieces = [(t, "") for t in (_split_long(text) if len(text) > SPLIT_ABOVE else [text])]
        for k, (piece, above) in enumerate(pieces):
            refs = tuple(
                dict.fromkeys(n for p in group for n in p.footnotes if _has_marker(piece, n))
            )
            cid = f"{report_id}:{version}:p{first.index}" + (f".{k}" if len(pieces) > 1 else "")
            chunks.append(
                Chunk(
                    id=cid,
                    report_id=report_id,
                    text=piece,
                    embed_text=(
                        f"{header(report, first.section)}\n"
                        + vn.expand_abbreviations(f"{above}\n{piece}" if above else piece)
                    ),
                    section=first.section,
                    section_title=sec.title if sec else "",
                    kind="table" if first.kind == "table" else "paragraph",
                    paragraphs=tuple(p.index for p in group),
                    footnotes=refs,
                    page=first.page,
                    extra={
                        **_ocr_extra(p.ocr_confidence for p in group),
                        **({"rows_above": above} if above else {}),
                    },
                )
            )
    if card := _header_card(report):
        chunks.append(
            Chunk(
                id=f"{report_id}:{version}:header",
                report_id=report_id,
                text=card,
                embed_text=f"{header(report, '')}\nThông tin văn bản: {card}",
                section="",
                section_title="Thông tin văn bản",
                kind="header",
            )
        )
    for fn in report.footnotes:
        para = next((p for p in report.paragraphs if p.index == fn.paragraph), None)
        section = para.section if para else ""
        sec = report.section(section)
        lead = f"Chú thích {fn.number}"
        if fn.context:
            lead += f" (chi tiết cho: {fn.context})"
        chunks.append(
            Chunk(
                id=f"{report_id}:{version}:fn{fn.number}",
                report_id=report_id,
                text=fn.text,
                embed_text=(
                    f"{header(report, section)}\n{lead}: {vn.expand_abbreviations(fn.text)}"
                ),
                section=section,
                section_title=sec.title if sec else "",
                kind="footnote",
                paragraphs=(fn.paragraph,) if fn.paragraph else (),
                footnote=fn.number,
                page=fn.page,
                extra={"context": fn.context, **_ocr_extra([fn.ocr_confidence])},
            )
        )
    return chunks


def _has_marker(text: str, number: int) -> bool:
    sup = "".join(vn.SUPERSCRIPT_DIGITS[int(d)] for d in str(number))
    return sup in text


def _header_card(report: Report) -> str:
    """Who issued the report, its number, date, title and signer, so questions such as
    "ai ký báo cáo …" or "báo cáo số 1250 ngày nào" find a passage. Every value is as
    written in the document; only the labels are ours."""
    m = report.meta
    parts = []
    if m.issuer:
        parts.append(f"Cơ quan ban hành: {m.issuer}")
    if m.number:
        parts.append(f"Số: {m.number}")
    if m.date_line:
        parts.append(m.date_line)
    elif m.place or m.date:
        parts.append(f"{m.place}, ngày {m.date_vn}".strip(", "))  # (read by an older pipeline)
    if m.title:
        parts.append(f"Trích yếu: {m.title}")
    if m.signer or m.signer_role:
        parts.append(f"Người ký: {m.signer_role} {m.signer}".strip())
    if report.addressees:  # several go under "Kính gửi:" as a list, one "- " each
        listed = (
            report.addressees
            if len(report.addressees) == 1
            else [f"- {a}" for a in report.addressees]
        )
        parts.append("Kính gửi: " + " ".join(listed))
    if report.recipients:
        parts.append("Nơi nhận: " + " ".join(report.recipients))
    if basis := _basis(report):
        parts.append(f"Căn cứ: {basis}")
    if attached := _attached(report):
        parts.append(attached)
    return "\n".join(parts) if len(parts) >= 2 else ""


_ATTACHED = re.compile(r"^\(?\s*Kèm theo\b.{8,300}$", re.I)


def _attached(report: Report) -> str:
    """An appendix's line naming what it is attached to ("(Kèm theo Báo cáo số /BC-UBND
    ngày … của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)"), as written."""
    return next((p.text for p in report.paragraphs[:3] if _ATTACHED.match(p.text)), "")


_BASIS = re.compile(r"^(?:Thực hiện|Căn cứ|Theo|Triển khai|Thi hành)\b")


def _basis(report: Report) -> str:
    """The opening sentence that names what the report answers to ("Thực hiện Công văn số
    4625/BNV-CCHC … của Bộ Nội vụ, …"), as written, when it cites a document."""
    for p in report.paragraphs[:3]:
        first = vn.sentences(p.text)[:1]
        if first and _BASIS.match(first[0]) and vn.doc_numbers(first[0]):
            return first[0]
    return ""


def _ocr_extra(confidences: Iterable[float | None]) -> dict[str, float]:
    """{"ocr_confidence": mean} for text read by OCR, so its citation can say so."""
    known = [c for c in confidences if c is not None]
    return {"ocr_confidence": round(sum(known) / len(known), 1)} if known else {}

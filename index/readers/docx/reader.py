"""The body of a .docx walked as XML in document order: paragraphs, runs in legacy
fonts, text boxes, footnote references and tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from index import legacy, vn
from index.letterhead import CLOSING_RE, LETTERHEAD_RE
from index.readers.docx.numbering import _Numbering
from index.readers.docx.styles import _rfonts_name, _Styles
from index.readers.docx.xml import M_NS, MC_NS, W_NS, _local, _ns, _val, superscript, w
from index.readers.tables import HSPAN, VSPAN, GridCell, cell_text, table_blocks
from index.structure import Block, clean

_SENTENCE_END = re.compile(r"[.!?…]\s")
_CAPTION_LABEL_RE = re.compile(
    r"^(?:Biểu mẫu|Biểu|Bảng|Phụ lục|Mẫu|Mẫu số|Bảng số)\s*(?:số\s*)?[\w.\-]{0,8}\s*[.:]?$",
    re.I,
)


@dataclass
class _Reader:
    styles: _Styles
    numbering: _Numbering
    note_numbers: dict[tuple[str, str], int]
    recent: list[str] = field(default_factory=list)  # texts since the last table
    deferred: list[Block] = field(default_factory=list)
    last_context: str = ""  # caption of the previous table, for a table continuing it
    legacy_runs: int = 0

    # -- inline text -------------------------------------------------------------------
    def para_text(self, p: etree._Element) -> str:
        ppr = p.find(w("pPr"))
        pstyle = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        pstyle = pstyle or self.styles.default_para
        out: list[str] = []
        self._inline(p, out, pstyle)
        return "".join(out)

    def _inline(self, el: etree._Element, out: list[str], pstyle: str | None) -> None:
        for child in el:
            ns, tag = _ns(child), _local(child)
            if ns == W_NS:
                if tag == "r":
                    self._run(child, out, pstyle)
                elif tag in (
                    "hyperlink",
                    "smartTag",
                    "ins",
                    "moveTo",
                    "fldSimple",
                    "customXml",
                    "bdo",
                    "dir",
                ):
                    self._inline(child, out, pstyle)
                elif tag == "sdt":
                    content = child.find(w("sdtContent"))
                    if content is not None:
                        self._inline(content, out, pstyle)
            elif ns == MC_NS and tag == "AlternateContent":
                choice = next(iter(child), None)
                if choice is not None:
                    self._inline(choice, out, pstyle)
            elif ns == M_NS and tag in ("oMath", "oMathPara"):
                out.append("".join(t.text or "" for t in child.iter(f"{{{M_NS}}}t")))

    def _run(self, r: etree._Element, out: list[str], pstyle: str | None) -> None:
        rpr = r.find(w("rPr"))
        rstyle = _val(rpr.find(w("rStyle"))) if rpr is not None else None
        font = (
            _rfonts_name(rpr)
            or self.styles.font(rstyle)
            or self.styles.font(pstyle)
            or self.styles.default_font
        )
        enc = legacy.encoding_for_font(font)
        caps = legacy.font_is_capitals(font)
        if (
            rpr is not None
            and rpr.find(w("vanish")) is not None
            and (_val(rpr.find(w("vanish"))) not in ("0", "false"))
        ):
            return  # hidden text is not part of the printed report
        va = _val(rpr.find(w("vertAlign"))) if rpr is not None else None
        va = va or self.styles.vert_align(rstyle)
        buf: list[str] = []

        def flush() -> None:
            if not buf:
                return
            text = "".join(buf)
            buf.clear()
            if enc:
                text = legacy.to_unicode(text, enc)
                self.legacy_runs += 1
                if caps:
                    text = text.upper()
            if va == "superscript" and text.strip().isdigit():
                text = "".join(vn.SUPERSCRIPT_DIGITS[int(d)] for d in text.strip())
            out.append(text)

        for c in r:
            if _ns(c) != W_NS:
                continue
            tag = _local(c)
            if tag == "t":
                buf.append(c.text or "")
            elif tag in ("tab", "ptab", "br", "cr"):
                buf.append(" ")
            elif tag == "noBreakHyphen":
                buf.append("-")
            elif tag in ("footnoteReference", "endnoteReference"):
                flush()
                kind = "footnote" if tag == "footnoteReference" else "endnote"
                number = self.note_numbers.get((kind, c.get(w("id"), "")))
                if number is not None:
                    joined = "".join(out)
                    if joined and joined[-1] in vn.SUPERSCRIPT_DIGITS:
                        out.append(",")
                    out.append(superscript(number))
        flush()

    # -- blocks ------------------------------------------------------------------------
    def body(self, container: etree._Element) -> Iterator[Block]:
        for child in container:
            if _ns(child) != W_NS:
                continue
            tag = _local(child)
            if tag == "p":
                yield from self.paragraph(child)
            elif tag == "tbl":
                yield from self.table(child)
            elif tag in ("sdt",):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self.body(content)
            elif tag in ("customXml", "ins", "moveTo"):
                yield from self.body(child)

    def textboxes(self, p: etree._Element) -> Iterator[etree._Element]:
        for tb in p.iter(w("txbxContent")):
            anc = tb.getparent()
            nested = False
            while anc is not None and anc is not p:
                if (_ns(anc) == MC_NS and _local(anc) == "Fallback") or anc.tag == w("txbxContent"):
                    nested = True
                    break
                anc = anc.getparent()
            if not nested:
                yield tb

    def paragraph(self, p: etree._Element) -> Iterator[Block]:
        for tb in self.textboxes(p):
            yield from self.body(tb)
        text = self.para_text(p)
        ppr = p.find(w("pPr"))
        pstyle = (_val(ppr.find(w("pStyle"))) if ppr is not None else None) or (
            self.styles.default_para
        )
        num_id = ilvl = None
        if ppr is not None and ppr.find(w("numPr")) is not None:
            numpr = ppr.find(w("numPr"))
            num_id = _val(numpr.find(w("numId")))
            ilvl = _val(numpr.find(w("ilvl")))
        if num_id is None:
            num_id, sty_ilvl = self.styles.numbering(pstyle)
            ilvl = ilvl or sty_ilvl
        if num_id and clean(text):
            label = self.numbering.label(num_id, ilvl)
            if label:
                text = f"{label} {text.lstrip()}"
        level = self.styles.heading_level(pstyle)
        if ppr is not None:
            ol = _val(ppr.find(w("outlineLvl")))
            if ol and ol.isdigit() and int(ol) < 9:
                level = int(ol) + 1
        text, enc = legacy.convert_if_legacy(text)
        if enc:  # TCVN3/VNI text in a font whose name does not say so (pasted text)
            self.legacy_runs += 1
        if clean(text):
            self.recent.append(clean(text))
            del self.recent[:-4]
        yield Block(text=text, level=level)

    # -- tables ------------------------------------------------------------------------
    def _children(self, el: etree._Element, tag: str) -> Iterator[etree._Element]:
        """Rows of a table, or cells of a row (`tag` "tr" / "tc"), also those wrapped in
        content controls (sdt) or custom XML."""
        for child in el:
            if child.tag == w(tag):
                yield child
            elif child.tag in (w("sdt"), w("customXml")):
                inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if inner is not None:
                    yield from self._children(inner, tag)

    def cell_text(self, tc: etree._Element) -> str:
        saved = list(self.recent)
        parts = [b.text for b in self.body(tc)]
        self.recent = saved
        return " ".join(clean(t) for t in parts if clean(t))

    def grid(self, tbl: etree._Element) -> tuple[list[list[GridCell]], int]:
        grid: list[list[GridCell]] = []
        marked = 0
        counting_marked = True
        for tr in self._children(tbl, "tr"):
            trpr = tr.find(w("trPr"))
            row: list[GridCell] = []
            if trpr is not None:
                before = _val(trpr.find(w("gridBefore")))
                if before and before.isdigit():
                    row.extend([""] * int(before))
            is_header = (
                trpr is not None
                and trpr.find(w("tblHeader")) is not None
                and (_val(trpr.find(w("tblHeader"))) not in ("0", "false"))
            )
            if counting_marked and is_header:
                marked += 1
            else:
                counting_marked = False
            for tc in self._children(tr, "tc"):
                tcpr = tc.find(w("tcPr"))
                span = _val(tcpr.find(w("gridSpan"))) if tcpr is not None else None
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                if vmerge is not None and _val(vmerge) in (None, "continue"):
                    row.append(VSPAN)
                else:
                    row.append(self.cell_text(tc))
                if span and span.isdigit() and int(span) > 1:
                    row.extend([HSPAN] * (int(span) - 1))
            grid.append(row)
        return grid, marked

    def _context(self) -> str:
        """Caption for a table: the short paragraphs just before it (e.g. "Biểu mẫu 1",
        "Công tác chỉ đạo điều hành CCHC"), or the end of a lead-in sentence ending ':'."""
        picked: list[str] = []
        for text in reversed(self.recent):
            if picked and not _CAPTION_LABEL_RE.match(text):
                break  # only a label such as "Biểu mẫu 1" joins the caption line
            if len(text) <= 200:
                picked.insert(0, text)
                if len(picked) == 2:
                    break
                continue
            if not picked and text.endswith(":"):
                cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
                tail = text[max(cuts, default=0) :].strip()
                picked.insert(0, tail if len(tail) <= 300 else "…" + tail[-300:])
            break
        return " – ".join(picked)

    def table(self, tbl: etree._Element) -> Iterator[Block]:
        grid, marked = self.grid(tbl)
        texts = [cell_text(c) for row in grid for c in row]
        joined = "\n".join(t for t in texts if t)
        if not joined:
            return
        nrows = len(grid)
        ncols = max((len(r) for r in grid), default=0)
        layout = ncols <= 1 or (
            nrows <= 4
            and ncols <= 3
            and (LETTERHEAD_RE.search(joined) or CLOSING_RE.search(joined))
        )
        if layout:
            # Header (issuer | national motto, number | place-date), signature and boxed
            # text: the cells' paragraphs as ordinary blocks, row by row, left to right.
            closing = bool(CLOSING_RE.search(joined)) and not LETTERHEAD_RE.search(joined)
            blocks: list[Block] = []
            for tr in self._children(tbl, "tr"):
                for tc in self._children(tr, "tc"):
                    tcpr = tc.find(w("tcPr"))
                    vm = tcpr.find(w("vMerge")) if tcpr is not None else None
                    if vm is not None and _val(vm) in (None, "continue"):
                        continue
                    blocks.extend(self.body(tc))
            if closing:
                self.deferred.extend(blocks)
            else:
                yield from blocks
            return
        context = self._context()
        if not context and self.last_context:
            context = f"{self.last_context} (tiếp theo)"
        self.last_context = context.removesuffix(" (tiếp theo)")
        self.recent = []
        yield from table_blocks(grid, context=context, marked_header_rows=marked)

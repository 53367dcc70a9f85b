"""Scanned copies of the sample reports: typeset, then "scanned", deterministically.

    .venv/bin/python tests/data/scans/make_scans.py

regenerates the two files shipped in this folder from samples/songmai-2025-12-bc1123.txt:
- songmai-2025-12-scan.pdf: the report's first two pages typeset in DejaVu Serif Condensed 13 pt
  (footnotes 11 pt, superscript markers, page number "2" on page 2) at 300 dpi, turned 2°,
  with grain, specks and a slight blur, stored at 200 dpi in a PDF without text layer: page 1
  as a grey JPEG, page 2 black-and-white (as office scanners store pages).
- songmai-2025-12-photo.jpg: page 1 as a phone photo: uneven light (a dark corner), blur,
  grain, turned 1°, 1400 px wide, no resolution recorded.
Those two pages keep their own hand layout (`shipped_pages`), so the files stay byte-identical.

The same machinery renders any sample report in full (bench/scanned.py): `typeset(source)`
lays it out on A4 pages in the same type: letterhead, title, parts and sections, justified
paragraphs with superscript footnote markers and *italics*, every footnote at the foot of the
page that holds its marker, paragraphs the .txt splits around a footnote block joined again,
page numbers from page 2, "Nơi nhận" beside the signature; `scan(pages, rng)` stores pages
as the shipped scan does (page 1 grey JPEG, the others black-and-white).
Deterministic (fixed random seed, fixed PDF dates); needs Pillow, numpy and fonts-dejavu-core.
"""

from __future__ import annotations

import functools
import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SOURCE = ROOT / "samples" / "songmai-2025-12-bc1123.txt"
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # Liberation lacks many Vietnamese glyphs
DPI = 300
W, H = 2480, 3508  # A4 at 300 dpi
LEFT, RIGHT, TOP = 354, 2480 - 236, 240  # 3 cm / 2 cm / 2 cm margins
BODY, NOTE = 13, 11  # points
SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# The PDFs' CreationDate/ModDate (Pillow writes the clock otherwise): the shipped scan's, so
# every rendering is byte-for-byte the same (and the OCR cache, keyed by file hash, hits).
DATE = time.gmtime(1796146159)  # 2026-12-01 17:29:19 UTC


def font(size_pt: float, style: str = "Regular") -> ImageFont.FreeTypeFont:
    name = "DejaVuSerifCondensed" + ("" if style == "Regular" else f"-{style}")
    return ImageFont.truetype(str(FONTS / f"{name}.ttf"), round(size_pt * DPI / 72))


class Page:
    def __init__(self) -> None:
        self.image = Image.new("L", (W, H), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.y = TOP

    def centred(self, text: str, f: ImageFont.FreeTypeFont, cx: float, y: float) -> None:
        self.draw.text((cx - self.draw.textlength(text, font=f) / 2, y), text, font=f, fill=0)

    def words(self, text: str, f: ImageFont.FreeTypeFont, size: float) -> list[tuple[str, str]]:
        """Words with their superscript marker split off: [("giả", "1"), ...]."""
        out = []
        for w in text.split():
            m = re.match(r"^(.*?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)([.,;]?)$", w)
            out.append((m.group(1) + m.group(3), m.group(2).translate(SUP)) if m else (w, ""))
        return out

    def paragraph(self, text: str, size: float = BODY, indent: int = 150, bold: bool = False,
                  y: float | None = None) -> float:  # fmt: skip
        """Justified lines, first line indented; returns the y below it."""
        f = font(size, "Bold" if bold else "Regular")
        fs = font(size * 0.62)
        space = self.draw.textlength(" ", font=f)
        y = self.y if y is None else y
        lead = round(size * DPI / 72 * 1.45)
        words = self.words(text, f, size)

        def width(w: tuple[str, str]) -> float:
            return self.draw.textlength(w[0], font=f) + self.draw.textlength(w[1], font=fs)

        lines: list[list[tuple[str, str]]] = [[]]
        x = LEFT + indent
        for w in words:
            if lines[-1] and x + width(w) > RIGHT:
                lines.append([])
                x = LEFT
            lines[-1].append(w)
            x += width(w) + space
        for k, line in enumerate(lines):
            x0 = LEFT + (indent if k == 0 else 0)
            used = sum(width(w) for w in line)
            gap = (
                space
                if k == len(lines) - 1 or len(line) < 2
                else (RIGHT - x0 - used) / (len(line) - 1)
            )
            x = x0
            for text_, sup in line:
                self.draw.text((x, y), text_, font=f, fill=0)
                x += self.draw.textlength(text_, font=f)
                if sup:
                    self.draw.text((x + 2, y - size * 0.9), sup, font=fs, fill=0)
                    x += self.draw.textlength(sup, font=fs)
                x += gap
            y += lead
        return y + round(size * DPI / 72 * 0.5)

    def flow(self, text: str, **kw) -> None:
        self.y = self.paragraph(text, **kw)

    def footnotes(self, notes: list[str]) -> None:
        heights = sum(len(n) // 95 + 1 for n in notes) * round(NOTE * DPI / 72 * 1.3)
        y = H - 260 - heights
        self.draw.line((LEFT, y - 20, LEFT + 600, y - 20), fill=0, width=3)
        for n in notes:
            m = re.match(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$", n)
            assert m
            f = font(NOTE * 0.62)
            self.draw.text((LEFT + 150, y - 12), m.group(1).translate(SUP), font=f, fill=0)
            y = self.paragraph(m.group(2), size=NOTE, indent=180, y=y) - 12


def blocks(source: Path = SOURCE) -> list[str]:
    text = source.read_text("utf-8").replace("**", "")
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def shipped_pages() -> list[Image.Image]:
    """The shipped scan's two pages, laid out by hand (the general `typeset` fills pages
    differently)."""
    b = blocks()
    find = lambda prefix: next(x for x in b if x.startswith(prefix))  # noqa: E731
    notes = [x for x in b if x[0] in "¹²³"]
    p1 = Page()
    bold, reg, ital = font(BODY, "Bold"), font(BODY), font(BODY, "Italic")
    lcx, rcx = LEFT + 380, LEFT + 1330
    p1.centred("ỦY BAN NHÂN DÂN", reg, lcx, TOP)
    p1.centred("THÀNH PHỐ SÔNG MAI", bold, lcx, TOP + 75)
    p1.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, rcx, TOP)
    p1.centred("Độc lập - Tự do - Hạnh phúc", bold, rcx, TOP + 75)
    p1.draw.line((rcx - 330, TOP + 150, rcx + 330, TOP + 150), fill=0, width=3)
    p1.centred(find("Số:"), reg, lcx, TOP + 210)
    p1.centred(find("TP. Sông Mai"), ital, rcx, TOP + 210)
    p1.y = TOP + 380
    p1.centred("BÁO CÁO", bold, W / 2 + 60, p1.y)
    title = find("Tình hình").split("\n")
    for k, line in enumerate(title):
        p1.centred(line.strip(), bold, W / 2 + 60, p1.y + 80 + 75 * k)
    p1.y += 80 + 75 * len(title) + 60
    p1.flow(find("I. NHỮNG"), bold=True, indent=0)
    p1.flow(find("1. Kinh tế"), bold=True, indent=150)
    for start in ("Hoạt động thương mại", "Công tác thu NSNN", "Tổ chức Hội chợ", "Trong tháng 12"):
        p1.flow(find(start))
    p1.footnotes(notes[:1])
    p2 = Page()
    p2.centred("2", reg, W / 2, 140)
    p2.flow(find("2. Quản lý đô thị"), bold=True)
    p2.flow(find("2.1. Quản lý"), bold=True)
    for start in ("Tiếp tục triển khai", "Trong tháng đã cấp", "Ban hành Quyết định số 3046"):
        p2.flow(find(start))
    p2.footnotes(notes[1:3])
    return [p1.image, p2.image]


# ------------------------------------------------------------------ any report, in full
BOTTOM = H - 230  # the last footnote line ends here (≈2 cm margin)
RULE_GAP = 60  # between the body's last line and the footnote rule
_PART = re.compile(r"^[IVX]+\.\s")
_SECTION = re.compile(r"^\d+(?:\.\d+)*\.\s")
_NOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$", re.S)
_MARKED = re.compile(r"^(.*?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)([.,;:)]*)$")


@functools.lru_cache(maxsize=32)
def _font(size_pt: float, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
    return font(size_pt, ("Bold" if bold else "") + ("Italic" if italic else "") or "Regular")


@dataclass(frozen=True)
class Word:
    text: str
    sup: str = ""  # a raised number after the text (footnote marker, m²)
    tail: str = ""  # punctuation after the raised number
    italic: bool = False


@dataclass
class Line:
    words: list[Word]
    size: float
    bold: bool
    x0: float
    justify: bool
    lead: int  # pixels to the next line
    after: int = 0  # extra space below (a paragraph's last line)
    keep: int = 0  # room wanted below it on the same page (a heading)
    refs: tuple[int, ...] = ()  # footnotes marked on this line


@dataclass
class Report:
    issuer: list[str]
    number: str
    place_date: str
    kind: str
    title: list[str]
    body: list[tuple[str, str]]  # ("part" | "section" | "para", text)
    notes: dict[int, str]
    closing: list[str]  # "Nơi nhận:" and its list
    signature: list[str]  # "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    signer: str


def _ends_sentence(text: str) -> bool:
    return re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹\s*)”\"]+$", "", text)[-1:] in tuple(".!?:;…")


def read_report(source: Path) -> Report:
    """The .txt's parts. A paragraph the .txt breaks off before a footnote block (the page
    break of the original) is joined with the one after it."""
    b = blocks(source)
    k = b.index("BÁO CÁO")
    end = next((i for i, x in enumerate(b) if x.startswith("Nơi nhận")), len(b))
    body: list[tuple[str, str]] = []
    notes: dict[int, str] = {}
    after_notes = False
    for x in b[k + 2 : end]:
        x = " ".join(x.split())
        if m := _NOTE.match(x):
            notes[int(m.group(1).translate(SUP))] = m.group(2)
            after_notes = True
            continue
        if after_notes and body and body[-1][0] == "para" and not _ends_sentence(body[-1][1]):
            body[-1] = ("para", f"{body[-1][1]} {x}")
        elif _PART.match(x):
            body.append(("part", x))
        elif _SECTION.match(x) and len(x) < 150:
            body.append(("section", x))
        else:
            body.append(("para", x))
        after_notes = False
    rest = b[end:]
    closing = [ln.strip() for blk in rest if blk.startswith(("Nơi", "-")) for ln in blk.split("\n")]
    others = [blk for blk in rest if not blk.startswith(("Nơi", "-"))]
    return Report(
        issuer=b[0].split("\n"),
        number=next(x for x in b if x.startswith("Số")),
        place_date=next(x for x in b if re.search(r"ngày \d+ tháng \d+ năm \d+", x)),
        kind=b[k],
        title=[t.strip() for t in b[k + 1].split("\n")],
        body=body,
        notes=notes,
        closing=closing,
        signature=others[0].split("\n") if others else [],
        signer=others[-1] if len(others) > 1 else "",
    )


def words_of(text: str) -> list[Word]:
    """*italic* spans (stars dropped) and raised numbers split off: "giả¹." → giả, 1, "."."""
    chars, flags, italic = [], [], False
    for c in text:
        if c == "*":
            italic = not italic
        else:
            chars.append(c)
            flags.append(italic)
    plain = "".join(chars)
    out = []
    for m in re.finditer(r"\S+", plain):
        slant = any(flags[m.start() : m.end()])
        if mm := _MARKED.match(m.group()):
            out.append(Word(mm.group(1), mm.group(2).translate(SUP), mm.group(3), slant))
        else:
            out.append(Word(m.group(), italic=slant))
    return out


class Typesetter:
    """Lays a report out line by line; a line goes to the next page when it, and the
    footnotes it marks, no longer fit above the footnotes already on the page."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.ruler = ImageDraw.Draw(Image.new("L", (8, 8), 255))
        self.pages: list[Page] = []
        self.notes: list[int] = []  # footnotes of the current page
        self.note_lines = {n: self.lines(t, NOTE, indent=180) for n, t in report.notes.items()}

    # ---------------------------------------------------------------- measuring
    def width(self, w: Word, size: float, bold: bool) -> float:
        f = _font(size, bold, w.italic)
        sup = self.ruler.textlength(w.sup, font=_font(size * 0.62)) + 2 if w.sup else 0
        return self.ruler.textlength(w.text + w.tail, font=f) + sup

    def lines(self, text: str, size: float, indent: int = 150, bold: bool = False) -> list[Line]:
        words = words_of(text)
        space = self.ruler.textlength(" ", font=_font(size, bold))
        rows: list[list[Word]] = [[]]
        x = LEFT + indent
        for w in words:
            if rows[-1] and x + self.width(w, size, bold) > RIGHT:
                rows.append([])
                x = LEFT
            rows[-1].append(w)
            x += self.width(w, size, bold) + space
        px = size * DPI / 72
        out = []
        for k, row in enumerate(rows):
            refs = tuple(
                int(w.sup)
                for w in row
                if w.sup and int(w.sup) in self.report.notes and not w.text.endswith("m")
            )
            last = k == len(rows) - 1
            out.append(Line(row, size, bold, LEFT + (indent if k == 0 else 0), not last,
                            round(px * 1.45), round(px * 0.5) if last else 0, 0, refs))  # fmt: skip
        return out

    def notes_height(self, notes: list[int]) -> int:
        gap = round(NOTE * DPI / 72 * 0.5) - 12
        return sum(sum(ln.lead for ln in self.note_lines[n]) + gap for n in notes)

    def floor(self, notes: list[int]) -> int:
        """The lowest y the body may reach with these footnotes on the page."""
        return BOTTOM - self.notes_height(notes) - RULE_GAP if notes else BOTTOM

    # ---------------------------------------------------------------- drawing
    def draw(self, page: Page, line: Line, y: float) -> None:
        space = self.ruler.textlength(" ", font=_font(line.size, line.bold))
        used = sum(self.width(w, line.size, line.bold) for w in line.words)
        gap = (
            (RIGHT - line.x0 - used) / (len(line.words) - 1)
            if line.justify and len(line.words) > 1
            else space
        )
        x = line.x0
        for w in line.words:
            f = _font(line.size, line.bold, w.italic)
            page.draw.text((x, y), w.text, font=f, fill=0)
            x += self.ruler.textlength(w.text, font=f)
            if w.sup:
                fs = _font(line.size * 0.62)
                page.draw.text((x + 2, y - line.size * 0.9), w.sup, font=fs, fill=0)
                x += self.ruler.textlength(w.sup, font=fs) + 2
            if w.tail:
                page.draw.text((x, y), w.tail, font=f, fill=0)
                x += self.ruler.textlength(w.tail, font=f)
            x += gap

    def new_page(self) -> Page:
        if self.pages:
            self.finish()
        page = Page()
        if self.pages:
            page.centred(str(len(self.pages) + 1), _font(BODY), W / 2, 140)
        self.pages.append(page)
        self.notes = []
        return page

    def finish(self) -> None:
        """The current page's footnotes at its foot, under a short rule."""
        if not self.notes:
            return
        page = self.pages[-1]
        y = BOTTOM - self.notes_height(self.notes)
        page.draw.line((LEFT, y - 20, LEFT + 600, y - 20), fill=0, width=3)
        for n in self.notes:
            fs = _font(NOTE * 0.62)  # numbers end where the shipped scan's one digit ends
            extra = self.ruler.textlength(str(n), font=fs) - self.ruler.textlength("0", font=fs)
            page.draw.text((LEFT + 150 - extra, y - 12), str(n), font=fs, fill=0)
            for ln in self.note_lines[n]:
                self.draw(page, ln, y)
                y += ln.lead + ln.after
            y -= 12

    def place(self, line: Line) -> None:
        page = self.pages[-1]
        new = [n for n in line.refs if n not in self.notes]
        if page.y + line.lead + line.keep > self.floor(self.notes + new) and page.y > TOP:
            page = self.new_page()
            new = list(line.refs)
        self.notes += new
        self.draw(page, line, page.y)
        page.y += line.lead + line.after

    # ---------------------------------------------------------------- the report
    def letterhead(self, page: Page) -> None:
        r = self.report
        bold, reg, ital = _font(BODY, True), _font(BODY), _font(BODY, italic=True)
        lcx, rcx = LEFT + 380, LEFT + 1330
        page.centred(r.issuer[0], reg, lcx, TOP)
        for k, line in enumerate(r.issuer[1:], 1):
            page.centred(line, bold, lcx, TOP + 75 * k)
        page.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, rcx, TOP)
        page.centred("Độc lập - Tự do - Hạnh phúc", bold, rcx, TOP + 75)
        page.draw.line((rcx - 330, TOP + 150, rcx + 330, TOP + 150), fill=0, width=3)
        page.centred(r.number, reg, lcx, TOP + 210)
        page.centred(r.place_date, ital, rcx, TOP + 210)
        page.y = TOP + 380
        page.centred(r.kind, bold, W / 2 + 60, page.y)
        for k, line in enumerate(r.title):
            page.centred(line, bold, W / 2 + 60, page.y + 80 + 75 * k)
        page.y += 80 + 75 * len(r.title) + 60

    def closing(self) -> None:
        """ "Nơi nhận" and its list on the left, the signature on the right, kept together."""
        r = self.report
        lead_head, lead_list = round(12 * DPI / 72 * 1.4), round(NOTE * DPI / 72 * 1.3)
        lead_sig = round(BODY * DPI / 72 * 1.3)
        height = max(
            lead_head + lead_list * (len(r.closing) - 1), lead_sig * len(r.signature) + 320
        )
        page = self.pages[-1]
        if page.y + 40 + height > self.floor(self.notes):
            page = self.new_page()
        y = page.y + 40
        for k, line in enumerate(r.closing):
            f = _font(12, True, True) if k == 0 else _font(NOTE)
            page.draw.text((LEFT, y), line, font=f, fill=0)
            y += lead_head if k == 0 else lead_list
        rcx = LEFT + 1330
        y = page.y + 40
        for line in r.signature:
            page.centred(line.strip(), _font(BODY, True), rcx, y)
            y += lead_sig
        if r.signer:
            page.centred(r.signer, _font(BODY, True), rcx, y + 320 - lead_sig)
        page.y += 40 + height

    def run(self) -> list[Image.Image]:
        self.letterhead(self.new_page())
        items = self.report.body
        for k, (kind, text) in enumerate(items):
            if kind == "para":
                lines = self.lines(text, BODY)
            else:
                lines = self.lines(text, BODY, indent=0 if kind == "part" else 150, bold=True)
                nxt = items[k + 1][0] if k + 1 < len(items) else ""
                lines[-1].keep = 2 * lines[-1].lead if nxt == "para" else lines[-1].lead
            for line in lines:
                self.place(line)
        if self.report.closing or self.report.signature:
            self.closing()
        self.finish()
        return [p.image for p in self.pages]


def typeset(source: Path, pages: int | None = None) -> list[Image.Image]:
    """A sample report (.txt) typeset in full, or its first `pages` pages, at 300 dpi."""
    return Typesetter(read_report(source)).run()[:pages]


def grain(img: Image.Image, rng: np.random.Generator, sigma: float, specks: float) -> Image.Image:
    a = np.asarray(img, dtype=np.float32) + rng.normal(0, sigma, (img.height, img.width))
    mask = rng.random((img.height, img.width)) < specks
    a[mask] = rng.integers(0, 120, int(mask.sum()))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def scan(pages: list[Image.Image], rng: np.random.Generator) -> bytes:
    """Page 1 as a grey JPEG, the others black-and-white: how office scanners store them."""
    out = []
    for k, p in enumerate(pages):
        p = p.filter(ImageFilter.GaussianBlur(0.8)).rotate(-2.0, Image.BILINEAR, fillcolor=250)
        p = grain(p, rng, 6 if k == 0 else 12, 0.0008).resize((1654, 2339), Image.LANCZOS)
        if k == 0:
            buf = io.BytesIO()
            p.save(buf, "JPEG", quality=25)
            out.append(Image.open(io.BytesIO(buf.getvalue())))
        else:
            out.append(p.point(lambda v: 255 if v > 150 else 0).convert("1"))
    buf = io.BytesIO()
    out[0].save(buf, "PDF", save_all=True, append_images=out[1:], resolution=200.0,
                creationDate=DATE, modDate=DATE)  # fmt: skip
    return buf.getvalue()


def photo(page: Image.Image, rng: np.random.Generator) -> bytes:
    p = page.filter(ImageFilter.GaussianBlur(1.6)).rotate(1.0, Image.BILINEAR, fillcolor=235)
    yy, xx = np.mgrid[0 : p.height, 0 : p.width].astype(np.float32)
    light = 0.55 + 0.45 * (1 - (xx / p.width) * 0.7 - (yy / p.height) * 0.5).clip(0, 1)
    a = np.asarray(p, dtype=np.float32) * 0.92 * light + 8
    p = grain(Image.fromarray(a.clip(0, 255).astype(np.uint8), "L"), rng, 7, 0.0)
    p = p.resize((1400, round(1400 * H / W)), Image.LANCZOS)
    buf = io.BytesIO()
    p.save(buf, "JPEG", quality=60)
    return buf.getvalue()


def main() -> None:
    rng = np.random.default_rng(12)
    pages = shipped_pages()
    (HERE / "songmai-2025-12-scan.pdf").write_bytes(scan(pages, rng))
    (HERE / "songmai-2025-12-photo.jpg").write_bytes(photo(pages[0], rng))
    for f in sorted(HERE.glob("songmai-*")):
        print(f"{f.name}: {f.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()

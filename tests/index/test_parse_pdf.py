"""The PDF reader: a three-page report written by a small PDF writer below (two-column
header, indented paragraphs, a paragraph running over a page break, a code hyphenated at a
line end, superscript footnote markers and footnotes in smaller type, running header and
page numbers, a ruled table with a merged two-level header that continues on the next
page), broken, unreadable and inflating (bomb) PDFs, and the real Lâm Đồng PCI/DDCI report
in ../shared."""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber", reason="the PDF reader needs pdfplumber (pip install pdfplumber)")

from index.errors import (
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    NeedsOcrError,
    NotAReportError,
)
from index.parse import parse_bytes
from index.readers.pdf import guard, parse_pdf
from index.readers.pdf.open import _check_encryption

SHARED = Path(__file__).resolve().parents[3] / "shared"
REAL_PDF = SHARED / "corpus" / "real" / "lamdong-ttxt644-pci-ddci.pdf"
W, H = 595.0, 842.0
LEFT, FULL = 70.0, 80  # body margin, characters in a full line (6 pt each at 12 pt)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip()


# ------------------------------------------------------------------- a tiny PDF writer
class PdfWriter:
    """Pages of positioned text and lines in one simple font. Every character is 0.5 em
    wide; non-ASCII letters are given codes 128-255 with "uniXXXX" glyph names, which
    PDF text extractors map back to Unicode. Coordinates are from the top-left."""

    def __init__(self) -> None:
        self.pages: list[list[tuple]] = []
        self.codes: dict[str, int] = {}

    def page(self) -> list[tuple]:
        self.pages.append([])
        return self.pages[-1]

    def _code(self, ch: str) -> int:
        if ord(ch) < 128:
            return ord(ch)
        if ch not in self.codes:
            self.codes[ch] = 128 + len(self.codes)
            assert self.codes[ch] < 256, "too many distinct non-ASCII characters"
        return self.codes[ch]

    def text(
        self,
        page: list,
        x: float,
        top: float,
        text: str,
        size: float = 12.0,
        raise_by: float = 0.0,
        line_size: float | None = None,
    ) -> float:
        """Draw `text` on the line whose top is `top`; a superscript gives the size of the
        line it sits on (`line_size`) and how far its baseline is raised."""
        text = unicodedata.normalize("NFC", text)
        hexstr = "".join(f"{self._code(c):02X}" for c in text)
        baseline = H - top - (line_size or size) + raise_by
        page.append(("t", f"BT /F1 {size:g} Tf {x:.2f} {baseline:.2f} Td <{hexstr}> Tj ET"))
        return x + len(text) * size * 0.5

    def line(self, page: list, x0: float, top0: float, x1: float, top1: float) -> None:
        page.append(("l", f"{x0:.2f} {H - top0:.2f} m {x1:.2f} {H - top1:.2f} l S"))

    def bytes(self) -> bytes:
        objs: list[bytes] = []
        diffs = " ".join(
            f"/uni{ord(c):04X}" for c, _ in sorted(self.codes.items(), key=lambda kv: kv[1])
        )
        n_pages = len(self.pages)
        # 1 catalog, 2 pages, 3 font, then (page, content) pairs
        kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
        objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
        widths = " ".join(["500"] * 224)
        objs.append(
            # Not one of the 14 standard names, so readers use these /Widths, not Helvetica's.
            f"<< /Type /Font /Subtype /Type1 /BaseFont /TestMono /FirstChar 32 /LastChar 255 "
            f"/Widths [{widths}] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding "
            f"/Differences [128 {diffs}] >> >>".encode()
        )
        for i, ops in enumerate(self.pages):
            content = ("0.5 w\n" + "\n".join(op for _, op in ops)).encode("latin-1")
            objs.append(
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {W:g} {H:g}] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
            )
            objs.append(
                f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
            )
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for k, body in enumerate(objs, start=1):
            offsets.append(len(out))
            out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\n".encode()
        out += f"startxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def justify(text: str, width: int = FULL, first: int | None = None) -> list[str]:
    """Wrap to lines of exactly `width` characters (`first` for the first line), spaces
    widened as in justified text; the last line is left short."""
    words, lines, cur = text.split(), [], []
    for w in words:
        limit = first if (first is not None and not lines) else width
        if cur and len(" ".join([*cur, w])) > limit:
            lines.append(cur)
            cur = []
        cur.append(w)
    out = []
    for k, ws in enumerate(lines):
        limit = first if (first is not None and k == 0) else width
        gaps, extra = max(1, len(ws) - 1), limit - len(" ".join(ws))
        s = ws[0]
        for j, w in enumerate(ws[1:]):
            s += " " * (1 + extra // gaps + (1 if j < extra % gaps else 0)) + w
        out.append(s)
    out.append(" ".join(cur))
    return out


def spread(line: str, width: int) -> str:
    """One justified line: spaces widened until it is `width` characters long."""
    words = line.split()
    gaps, extra = len(words) - 1, width - len(" ".join(words))
    out = words[0]
    for j, w in enumerate(words[1:]):
        out += " " * (1 + extra // gaps + (1 if j < extra % gaps else 0)) + w
    return out


class Flow:
    """Writes paragraphs down a page: first line indented, 16 pt leading."""

    def __init__(self, pdf: PdfWriter, page: list, top: float = 90.0) -> None:
        self.pdf, self.page, self.top = pdf, page, top

    def para(
        self, text: str, indent: float = 30.0, gap: float = 4.0, sups: dict[str, str] | None = None
    ) -> None:
        """`sups` maps a word to the footnote number drawn raised right after it."""
        first = FULL - int(indent // 6)
        sups = dict(sups or {})
        for k, line in enumerate(justify(text, FULL, first)):
            x = LEFT + (indent if k == 0 else 0.0)
            pos = x
            for word, num in sups.items():
                at = line.find(word)
                if at >= 0:  # draw the line in two parts with the raised number between
                    del sups[word]
                    head, tail = line[: at + len(word)], line[at + len(word) :]
                    pos = self.pdf.text(self.page, x, self.top, head)
                    self.pdf.text(self.page, pos, self.top, num, size=7, raise_by=4, line_size=12)
                    self.pdf.text(self.page, pos + 3.5, self.top, tail)
                    break
            else:
                self.pdf.text(self.page, x, self.top, line)
            self.top += 16
        self.top += gap

    def lines(self, lines: list[str], indent: float = 30.0) -> None:
        for k, line in enumerate(lines):
            self.pdf.text(self.page, LEFT + (indent if k == 0 else 0.0), self.top, line)
            self.top += 16


def ruled_table(
    pdf: PdfWriter,
    page: list,
    top: float,
    rows: list[list[str]],
    xs: list[float],
    merges: dict[tuple[int, int], tuple[int, int]] | None = None,
    row_h: float = 20.0,
) -> float:
    """Draw a ruled table. `merges` maps (row, col) of a cell to (rowspan, colspan)."""
    merges = merges or {}
    covered: set[tuple[int, int]] = set()
    for (r, c), (rs, cs) in merges.items():
        covered |= {(r + i, c + j) for i in range(rs) for j in range(cs)} - {(r, c)}
    nrows, ncols = len(rows), len(xs) - 1
    ys = [top + k * row_h for k in range(nrows + 1)]
    for r in range(nrows):
        for c in range(ncols):
            if (r, c) in covered:
                continue
            rs, cs = merges.get((r, c), (1, 1))
            x0, x1, y0, y1 = xs[c], xs[c + cs], ys[r], ys[r + rs]
            pdf.line(page, x0, y0, x1, y0)
            pdf.line(page, x0, y1, x1, y1)
            pdf.line(page, x0, y0, x0, y1)
            pdf.line(page, x1, y0, x1, y1)
            if rows[r][c]:
                pdf.text(page, x0 + 3, y0 + 4, rows[r][c], size=10)
    return ys[-1]


P1_BODY = (
    "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 412.305 triệu đồng, bằng 103,2% dự "
    "toán năm; trong đó thu nội địa đạt 398.120 triệu đồng, thu tiền sử dụng đất đạt 210.000 "
    "triệu đồng và các khoản thu khác theo đúng quy định của pháp luật hiện hành."
)
HEADER_ROWS = [["STT", "Chỉ tiêu", "Năm 2024", ""], ["", "", "Điểm số", "Thứ hạng"]]
MERGES = {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2)}
XS = [70.0, 110.0, 330.0, 440.0, 540.0]


def letterhead(pdf: PdfWriter, p: list, number: str, dated: str, month: str) -> None:
    """Two header columns, then the kind and title of a monthly report."""
    pdf.text(p, 80, 50, "UBND THÀNH PHỐ SÔNG MAI", size=12)
    pdf.text(p, 330, 50, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12)
    pdf.text(p, 360, 66, "Độc lập - Tự do - Hạnh phúc", size=12)
    pdf.text(p, 90, 84, f"Số: {number}", size=12)
    pdf.text(p, 320, 84, f"TP. Sông Mai, ngày {dated}", size=12)
    pdf.text(p, 270, 120, "BÁO CÁO", size=12)
    pdf.text(p, 130, 136, f"Tình hình kinh tế - xã hội tháng {month}", size=12)


def build_report_pdf() -> bytes:
    pdf = PdfWriter()
    # ---- page 1
    p = pdf.page()
    letterhead(pdf, p, "88/BC-UBND", "20 tháng 10 năm 2025", "10/2025")
    f = Flow(pdf, p, top=170)
    f.lines(["I. KẾT QUẢ ĐẠT ĐƯỢC"])
    f.top += 4
    f.lines(["1. Kinh tế"])
    f.top += 4
    f.para(P1_BODY, sups={"đồng,": "1"})
    # A document code broken after its hyphen at the end of a full line.
    f.lines(
        [spread("Triển khai các nội dung xúc tiến đầu tư theo Kế hoạch số 428/TTXT-", FULL - 5)]
    )
    f.para(
        "ĐTDN ngày 09/9/2025 về xúc tiến đầu tư; hoàn thành giải phóng mặt bằng 15 công trình "
        "trọng điểm, bàn giao cho các nhà thầu thi công.",
        indent=0.0,
        sups={"trình": "2"},
    )
    # This paragraph runs on to page 2: its last line here is a full one.
    lines = justify(
        "Tiếp tục hỗ trợ doanh nghiệp tháo gỡ khó khăn, vướng mắc trong sản xuất kinh doanh, "
        "đặc biệt là các doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh cá thể trên địa bàn "
        "thành phố; phối hợp chặt chẽ với các sở, ngành của tỉnh và",
        FULL,
        FULL - 5,
    )
    f.lines([*lines[:-1], spread(lines[-1], FULL)])
    # footnotes: a rule, then notes in 9 pt with raised numbers; a page number at the foot
    pdf.line(p, LEFT, 700, LEFT + 150, 700)
    pdf.text(p, LEFT, 706, "1", size=6, raise_by=3, line_size=9)
    pdf.text(p, LEFT + 5, 706, "Số liệu ước tính đến ngày 15/10/2025, chưa gồm thu hồi", size=9)
    pdf.text(p, LEFT, 718, "tạm ứng vốn đầu tư.", size=9)
    pdf.text(p, LEFT, 730, "2", size=6, raise_by=3, line_size=9)
    pdf.text(p, LEFT + 5, 730, "Gồm: Hồ Phai Loạn; đường Bà Triệu; chợ đầu mối Mai Pha.", size=9)
    pdf.text(p, 295, 800, "1", size=12)
    # ---- page 2: running header, a paragraph that continues from page 1, a table
    p = pdf.page()
    pdf.text(p, 200, 30, "Báo cáo số 88/BC-UBND", size=10)
    f = Flow(pdf, p, top=70)
    f.lines(
        justify(
            "UBND tỉnh tổ chức đối thoại định kỳ với cộng đồng doanh nghiệp để kịp thời nắm bắt "
            "và giải quyết kiến nghị."
        ),
        indent=0.0,
    )
    f.top += 4
    f.para("Kết quả chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024 như sau:")
    rows = [
        *HEADER_ROWS,
        ["1", "Chi phí gia nhập thị trường", "6,74", "58"],
        ["2", "Tiếp cận đất đai", "6,22", "49"],
    ]
    ruled_table(pdf, p, 700, rows, XS, MERGES)  # runs to the bottom of the page
    pdf.text(p, 295, 800, "2", size=12)
    # ---- page 3: the table continues (header repeated), then the closing
    p = pdf.page()
    pdf.text(p, 200, 30, "Báo cáo số 88/BC-UBND", size=10)
    rows = [
        *HEADER_ROWS,
        ["3", "Tính minh bạch", "6,19", "52"],
        ["", "Chỉ số chung", "65,08", "54"],
    ]
    end = ruled_table(pdf, p, 60, rows, XS, MERGES)
    f = Flow(pdf, p, top=end + 20)
    f.lines(["II. NHIỆM VỤ THÁNG 11/2025"])
    f.top += 4
    f.para("Tập trung hoàn thành các chỉ tiêu kinh tế - xã hội năm 2025.")
    top = f.top + 20
    pdf.text(p, LEFT, top, "Nơi nhận:", size=11)
    pdf.text(p, 360, top, "TM. ỦY BAN NHÂN DÂN", size=12)
    pdf.text(p, LEFT, top + 14, "- UBND tỉnh;", size=11)
    pdf.text(p, 390, top + 14, "CHỦ TỊCH", size=12)
    pdf.text(p, LEFT, top + 28, "- Lưu: VT.", size=11)
    pdf.text(p, 370, top + 70, "Trần Minh Quân", size=12)
    pdf.text(p, 295, 800, "3", size=12)
    return pdf.bytes()


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return build_report_pdf()


@pytest.fixture(scope="module")
def report(report_pdf: bytes):
    return parse_pdf(Path("songmai-10.pdf"), report_pdf)


# ---------------------------------------------------------------------- generated PDF
def test_header_metadata_from_two_columns(report) -> None:
    m = report.meta
    assert m.number == "88/BC-UBND"
    assert m.date == "2025-10-20" and m.place == "TP. Sông Mai"
    assert m.title == "Tình hình kinh tế - xã hội tháng 10/2025" and m.period == "10/2025"
    assert m.issuer.lower() == "ubnd thành phố sông mai"


def test_sections_and_pages(report) -> None:
    assert [(s.path, s.title) for s in report.sections] == [
        ("I", "KẾT QUẢ ĐẠT ĐƯỢC"),
        ("I.1", "Kinh tế"),
        ("II", "NHIỆM VỤ THÁNG 11/2025"),
    ]
    first = report.paragraphs[0]
    assert first.section == "I.1" and first.page == 1
    assert first.text.startswith("Tổng thu ngân sách nhà nước trên địa bàn ước đạt 412.305")


def test_superscript_markers_link_footnotes(report) -> None:
    p1 = report.paragraphs[0]
    assert "412.305 triệu đồng,¹ bằng 103,2%" in p1.text
    assert p1.footnotes == (1,)
    f1, f2 = report.footnote(1), report.footnote(2)
    assert f1.text == "Số liệu ước tính đến ngày 15/10/2025, chưa gồm thu hồi tạm ứng vốn đầu tư."
    assert f1.paragraph == p1.index and f1.page == 1
    assert f2.text == "Gồm: Hồ Phai Loạn; đường Bà Triệu; chợ đầu mối Mai Pha."
    p2 = next(p for p in report.paragraphs if p.index == f2.paragraph)
    assert "giải phóng mặt bằng 15 công trình²" in p2.text
    assert not report.warnings


def test_line_end_hyphen_rejoined(report) -> None:
    texts = [p.text for p in report.paragraphs]
    assert any("Kế hoạch số 428/TTXT-ĐTDN ngày 09/9/2025" in t for t in texts)


def test_paragraph_across_page_break(report) -> None:
    para = next(p for p in report.paragraphs if p.text.startswith("Tiếp tục hỗ trợ"))
    assert para.page == 1
    assert para.text.endswith(
        "phối hợp chặt chẽ với các sở, ngành của tỉnh và UBND tỉnh tổ chức đối thoại định kỳ "
        "với cộng đồng doanh nghiệp để kịp thời nắm bắt và giải quyết kiến nghị."
    )


def test_running_header_and_page_numbers_dropped(report) -> None:
    everything = " ".join(p.text for p in report.paragraphs)
    assert "Báo cáo số 88/BC-UBND" not in everything
    assert not any(p.text.strip() in {"1", "2", "3"} for p in report.paragraphs)


def test_table_across_pages_one_block(report) -> None:
    tables = [p for p in report.paragraphs if p.kind == "table"]
    assert len(tables) == 1
    t = tables[0]
    assert t.page == 2 and t.section == "I.1"
    assert t.text.split("\n") == [
        "Kết quả chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024 như sau:",
        "STT: 1; Chỉ tiêu: Chi phí gia nhập thị trường; Năm 2024 - Điểm số: 6,74; "
        "Năm 2024 - Thứ hạng: 58",
        "STT: 2; Chỉ tiêu: Tiếp cận đất đai; Năm 2024 - Điểm số: 6,22; Năm 2024 - Thứ hạng: 49",
        "STT: 3; Chỉ tiêu: Tính minh bạch; Năm 2024 - Điểm số: 6,19; Năm 2024 - Thứ hạng: 52",
        "Chỉ tiêu: Chỉ số chung; Năm 2024 - Điểm số: 65,08; Năm 2024 - Thứ hạng: 54",
    ]


def test_closing_columns(report) -> None:
    assert report.recipients == ("UBND tỉnh;", "Lưu: VT.")
    assert report.meta.signer == "Trần Minh Quân"
    assert report.meta.signer_role == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
    last = report.paragraphs[-1]
    assert last.text == "Tập trung hoàn thành các chỉ tiêu kinh tế - xã hội năm 2025."
    assert last.section == "II" and last.page == 3


def test_dispatch_through_parse_bytes(report_pdf: bytes) -> None:
    r = parse_bytes(Path("bc.pdf"), report_pdf, 10_000_000)
    assert r.meta.number == "88/BC-UBND" and len(r.footnotes) == 2


# ------------------------------------------------------------------ unreadable PDFs
def test_owner_password_only_is_readable(report_pdf: bytes) -> None:
    from pypdf import PdfReader
    from pypdf import PdfWriter as PyPdfWriter

    w = PyPdfWriter(clone_from=PdfReader(io.BytesIO(report_pdf)))
    w.encrypt(user_password="", owner_password="chu-so-huu")
    buf = io.BytesIO()
    w.write(buf)
    r = parse_pdf(Path("han-che.pdf"), buf.getvalue())
    assert r.meta.number == "88/BC-UBND"


def test_password_protected(report_pdf: bytes) -> None:
    from pypdf import PdfReader
    from pypdf import PdfWriter as PyPdfWriter

    w = PyPdfWriter(clone_from=PdfReader(io.BytesIO(report_pdf)))
    w.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(CorruptFileError, match="mật khẩu"):
        parse_pdf(Path("khoa.pdf"), buf.getvalue())


def test_no_text_layer_needs_ocr() -> None:
    pdf = PdfWriter()
    for _ in range(2):
        p = pdf.page()
        pdf.line(p, 50, 50, 500, 700)  # a drawing, no text: what a scan looks like to us
    with pytest.raises(NeedsOcrError, match=r"nhận dạng ký tự \(OCR\)"):
        parse_pdf(Path("scan.pdf"), pdf.bytes())


def test_html_renamed_pdf() -> None:
    html = "<!DOCTYPE html><html><head><title>Cổng thông tin</title></head></html>".encode()
    with pytest.raises(NotAReportError, match="HTML"):
        parse_pdf(Path("tai-ve.pdf"), html)


def test_junk_pdf() -> None:
    with pytest.raises(CorruptFileError, match="không phải PDF hợp lệ"):
        parse_pdf(Path("rac.pdf"), bytes(range(256)) * 8)


def test_truncated_pdf(report_pdf: bytes) -> None:
    cut = report_pdf[: len(report_pdf) // 3]
    with pytest.raises((CorruptFileError, NeedsOcrError)):
        parse_pdf(Path("cut.pdf"), cut)


def test_zero_byte_pdf() -> None:
    with pytest.raises(EmptyFileError):
        parse_bytes(Path("rong.pdf"), b"", 10_000_000)
    with pytest.raises(CorruptFileError):
        parse_pdf(Path("rong.pdf"), b"")


# ------------------------------------------- a PDF that inflates far past its size
def _bomb(**kwargs) -> bytes:
    sys.path.insert(0, str(Path(__file__).parents[1] / "data"))
    from pdfbomb import pdf_bomb

    return pdf_bomb(**kwargs)


def test_a_page_that_inflates_past_the_limit_is_refused_before_it_is_read() -> None:
    """8 KB of page content that inflates to 8 MB, under a 5 MB limit: refused by name and
    limit, before pdfminer inflates it (a 1 MB such file took it 23 s and 3.2 GB)."""
    data = _bomb(mb=8)
    assert len(data) < 10_000
    with pytest.raises(FileTooLargeError, match=r"bom\.pdf: .*bung ra quá lớn.*5 MB"):
        parse_bytes(Path("bom.pdf"), data, 5 * 2**20)
    with pytest.raises(EmptyFileError):  # 3 MB is within the limit, and read as usual
        parse_bytes(Path("nho.pdf"), _bomb(mb=3), 5 * 2**20)


def test_an_image_that_inflates_past_the_limit_is_refused(monkeypatch) -> None:
    """An image too large by its own size, or by what it inflates to whatever its size
    says, is refused before the OCR renderer decodes it."""
    monkeypatch.setattr(guard, "MAX_IMAGE_BYTES", 4 * 2**20)
    for kwargs in ({"mb": 6}, {"mb": 6, "declared": 1}):
        with pytest.raises(FileTooLargeError, match="có ảnh bung ra quá lớn"):
            parse_bytes(Path("anh.pdf"), _bomb(image=True, **kwargs), 50 * 2**20)
    small = _check_encryption(Path("anh.pdf"), _bomb(mb=3, image=True))
    guard.check_streams(Path("anh.pdf"), small, 50 * 2**20)  # within


def test_a_real_report_is_within_the_limits(report_pdf: bytes) -> None:
    reader = _check_encryption(Path("songmai-10.pdf"), report_pdf)
    guard.check_streams(Path("songmai-10.pdf"), reader, 2**20)


# ------------------------------------------- a number and a day stamped at signing
def _stamp(writer, page, rect: tuple[float, float, float, float], text: str, fan: int = 0) -> None:
    """A signature field whose appearance draws `text` (rect: x0, y0, x1, y1 from the
    bottom-left), as the signing tool of an issuing office writes the number and day; with
    `fan`, drawn through that many forms each drawing the next twice (2^fan draws)."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    x0, y0, x1, y1 = rect
    box = ArrayObject([FloatObject(v) for v in (0, 0, x1 - x0, y1 - y0)])

    def form(content: str, resources: dict):
        look = DecodedStreamObject()
        look.set_data(content.encode())
        look.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): box,
                NameObject("/Resources"): DictionaryObject(resources),
            }
        )
        return writer._add_object(look)  # pypdf names no public way to add an indirect object

    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = {NameObject("/Font"): DictionaryObject({NameObject("/F0"): font})}
    look = form(f"BT /F0 12 Tf 2 4 Td ({text}) Tj ET", fonts)
    for _ in range(fan):
        look = form(
            "/X Do /X Do", {NameObject("/XObject"): DictionaryObject({NameObject("/X"): look})}
        )
    field = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Sig"),
            NameObject("/T"): TextStringObject("Signature1"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): look}),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([*page.get("/Annots", []), writer._add_object(field)])


def _stamped_report(*stamps: tuple[tuple[float, float, float, float], str, int]) -> bytes:
    """A monthly report typed with its number and day left blank, then `stamps` added."""
    import pypdf

    pdf = PdfWriter()
    p = pdf.page()
    letterhead(pdf, p, "    /BC-UBND", "    tháng 12 năm 2025", "12/2025")
    f = Flow(pdf, p, top=170)
    f.lines(["I. KẾT QUẢ ĐẠT ĐƯỢC"])
    f.para(P1_BODY)
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf.bytes()))
    for rect, text, fan in stamps:
        _stamp(writer, writer.pages[0], rect, text, fan)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BASELINE = H - 84 - 12  # the letterhead line's baseline, from the bottom


def test_number_and_day_stamped_at_signing_are_read() -> None:
    """ "Số: /BC-UBND", "ngày tháng 12 năm 2025" typed; "1123" and "16" stamped into
    signature fields where the blanks are: the report's number and date are whole."""
    data = _stamped_report(
        ((112, BASELINE - 4, 136, BASELINE + 16), "1123", 0),
        ((427, BASELINE - 4, 447, BASELINE + 16), "16", 0),
    )
    meta = parse_pdf(Path("songmai-12.pdf"), data).meta
    assert meta.number == "1123/BC-UBND"
    assert meta.date == "2025-12-16"


def test_a_stamp_drawn_through_a_fan_of_forms_is_given_up() -> None:
    """A hostile field whose appearance draws a form that draws the next twice, 40 deep
    (2^40 draws): given up after a few forms (stamps.MAX_FORMS); the page's own text and a
    well-formed stamp are still read."""
    data = _stamped_report(
        ((112, BASELINE - 4, 136, BASELINE + 16), "1123", 0),
        ((427, BASELINE - 4, 447, BASELINE + 16), "16", 40),
    )
    report = parse_pdf(Path("songmai-12.pdf"), data)
    assert report.meta.number == "1123/BC-UBND"
    assert report.meta.date == "2025-12"  # the day was in the hostile field: the month only
    assert any("398.120 triệu đồng" in p.text for p in report.paragraphs)


# ------------------------------------------------------------------ the real PDF
@pytest.fixture(scope="module")
def real_pdf() -> bytes:
    if not REAL_PDF.is_file():
        pytest.skip(f"{REAL_PDF} is not present")
    return REAL_PDF.read_bytes()


def _blocks(data: bytes):
    """The reader's blocks (before build_report) and the report."""
    from index.readers.pdf import read_pdf

    return read_pdf(REAL_PDF, data).blocks, parse_pdf(REAL_PDF, data)


@pytest.mark.shared
def test_real_pci_table_row(real_pdf: bytes) -> None:
    blocks, report = _blocks(real_pdf)
    tables = [b for b in blocks if b.kind == "table"]
    # The table continues from page 1 to page 2: one table, cut into two blocks of about
    # equal size (index.readers.tables.TABLE_MAX_CHARS), each opening with the caption.
    assert len(tables) == 2
    caption = "Đồng thời, theo Báo cáo PCI 2024 của VCCI, Trung tâm tổng hợp cụ thể kết quả"
    assert all(t.text.startswith(caption) for t in tables)
    assert [t.text.split("\n")[0][-16:] for t in tables] == ["(bảng, phần 1/2)", "(bảng, phần 2/2)"]
    rows = [row for t in tables for row in t.text.split("\n")[1:]]
    assert rows[0].startswith("STT: 1; Nội dung: Chi phí gia nhập thị trường; Lâm Đồng - ")
    assert rows[-1] == (
        "Nội dung: Chỉ số chung; Lâm Đồng - Điểm số: 65,08; Lâm Đồng - Thứ hạng: 54; "
        "Đắk Nông - Điểm số: 67,45; Đắk Nông - Thứ hạng: 36; "
        "Bình Thuận - Điểm số: 68,92; Bình Thuận - Thứ hạng: 19"
    )
    assert len(rows) == 11  # 10 component indices + the overall index, each whole
    assert tables[0].page == 1
    # Running page numbers are gone; the header is read column by column.
    texts = [b.text for b in blocks]
    assert texts[:4] == [
        "UBND TỈNH LÂM ĐỒNG",
        "TRUNG TÂM XÚC TIẾN ĐẦU TƯ",
        "THƯƠNG MẠI VÀ DU LỊCH",
        "Số: 644 /TTXT-ĐTDN",  # the number stamped at signing (readers/pdf/stamps.py)
    ]
    assert not any(t.strip() in {"2", "3", "4", "5", "6"} for t in texts)
    assert report.meta.signer == "Đinh Ngọc Hiếu"
    assert (report.meta.number, report.meta.date) == ("644/TTXT-ĐTDN", "2025-11-06")
    assert report.recipients[0] == "Như trên (báo cáo);"


@pytest.mark.shared
def test_real_pci_evidence_in_one_paragraph(real_pdf: bytes) -> None:
    blocks, report = _blocks(real_pdf)
    hits = [p for p in report.paragraphs if "65,08" in p.text]
    if not hits:
        # build_report (index/structure.py) still keeps everything before the first
        # recognised heading as header lines; the reader's table block holds the row.
        assert any("65,08" in b.text and "54" in b.text for b in blocks if b.kind == "table")
        pytest.xfail(
            "structure.build_report drops the pre-heading body (see the report's structure.py diff)"
        )
    assert len(hits) == 1 and hits[0].kind == "table"
    assert "Chỉ số chung; Lâm Đồng - Điểm số: 65,08; Lâm Đồng - Thứ hạng: 54" in hits[0].text


# ------------------------------------------------- a PDF exported by LibreOffice
LO_PDF = Path(__file__).resolve().parents[1] / "data" / "generated" / "bao-cao-mau-libreoffice.pdf"


def test_libreoffice_export_reads_like_the_docx() -> None:
    """The .docx fixture of test_parse_docx (45-row school table) exported to PDF: the
    same report must come out of the PDF reader."""
    r = parse_pdf(LO_PDF, LO_PDF.read_bytes())
    m = r.meta
    assert (m.number, m.date, m.place) == ("1015/BC-UBND", "2025-11-14", "TP. Sông Mai")
    assert m.title == (
        "Tình hình phát triển kinh tế - xã hội tháng 11/2025, nhiệm vụ công tác tháng 12/2025"
    )
    assert [s.path for s in r.sections] == ["I", "I.1", "I.2", "II"]
    para = r.paragraphs[0]
    assert para.text == (
        "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 412.305 triệu đồng¹, bằng 103,2% "
        "dự toán; thẩm định 15 công trình² đảm bảo tiến độ."
    )
    assert [(f.number, f.paragraph) for f in r.footnotes] == [(1, para.index), (2, para.index)]
    # (LibreOffice lays the notes out in the order of their ids, not of their references,
    # so which text is printed as 1 is its choice; both are read whole.)
    assert {f.text for f in r.footnotes} == {
        "Gồm: Trường Tiểu học Bà Triệu; Hồ Phai Loạn; - Chợ đầu mối nông sản.",
        "Trong đó thu nội địa 398.120 triệu đồng.",
    }
    tables = [p for p in r.paragraphs if p.kind == "table"]
    assert tables[0].text.split("\n")[-1] == (
        "Lĩnh vực: Tổng cộng; Tháng 11/2025 - Thực hiện (triệu đồng): 412.305; "
        "Tháng 11/2025 - So cùng kỳ (%): 103,2"
    )
    school = "\n".join(t.text for t in tables[1:])
    for k in (1, 24, 25, 45):  # rows on both pages, the repeated header dropped
        assert f"STT: {k}; Tên trường: Trường Tiểu học số {k}; Năm đạt chuẩn: {2000 + k}" in school
    assert school.count("STT: 1;") == 1
    assert r.recipients == ("UBND tỉnh;", "Lưu: VT.")
    assert (m.signer, m.signer_role) == ("Trần Minh Quân", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH")


def test_borderless_table_keeps_rows() -> None:
    """A table drawn without rules cannot be rebuilt cell by cell; its rows must still
    come out one per line, in order (not column by column like a header block)."""
    from index.readers.pdf import read_pdf

    pdf = PdfWriter()
    p = pdf.page()
    pdf.text(p, LEFT, 100, "Dân số các xã năm 2024:")
    for k, (a, b, c) in enumerate(
        [
            ("Xã", "Dân số", "Diện tích (ha)"),
            ("Mai Pha", "12.345", "1.020"),
            ("Quảng Lạc", "8.910", "2.310"),
        ]
    ):
        top = 120 + 16 * k
        pdf.text(p, LEFT, top, a)
        pdf.text(p, 250, top, b)
        pdf.text(p, 420, top, c)
    texts = [b.text for b in read_pdf(Path("x.pdf"), pdf.bytes()).blocks]
    assert texts == [
        "Dân số các xã năm 2024:",
        "Xã | Dân số | Diện tích (ha)",
        "Mai Pha | 12.345 | 1.020",
        "Quảng Lạc | 8.910 | 2.310",
    ]


def test_legacy_tcvn3_pdf_text_converted() -> None:
    """A PDF printed from .VnTime fonts without a Unicode map extracts as "B¸o c¸o"."""
    from index.legacy import TCVN3, from_unicode

    pdf = PdfWriter()
    p = pdf.page()
    pdf.text(p, LEFT, 100, from_unicode("I. Kết quả đạt được", TCVN3))
    pdf.text(
        p, LEFT + 30, 120, from_unicode("Tổng thu ngân sách ước đạt 412.305 triệu đồng.", TCVN3)
    )
    r = parse_pdf(Path("vntime.pdf"), pdf.bytes())
    assert [(s.path, s.title) for s in r.sections] == [("I", "Kết quả đạt được")]
    assert r.paragraphs[0].text == "Tổng thu ngân sách ước đạt 412.305 triệu đồng."
    assert any("TCVN3" in w for w in r.warnings)


def test_generated_pdf_table_words_keep_their_spaces() -> None:
    """A PDF with no space characters (fpdf and other generators leave gaps only): the
    words of a table's small type are told apart as the body's are."""
    from conftest import VANHA

    path = VANHA / "vanha-snnmt-2025-bc1890.pdf"
    r = parse_bytes(path, path.read_bytes(), 50 << 20)
    rows = [p.text for p in r.paragraphs if p.kind == "table"]
    assert any("Cây trồng: Lúa cả năm" in t and "Sản lượng (tấn): 692.677" in t for t in rows)
    assert not any("Câytrồng" in t for t in rows)
    assert r.meta.number == "1890/BC-SNNMT" and len(r.footnotes) == 8


def test_a_larger_raised_marker_and_a_role_beside_two_recipients() -> None:
    """Some writers set a footnote number at 85% of the text, raised by a third of a line
    (not Word's 65%): still a marker. A signature's "PHÓ GIÁM ĐỐC", set larger between two
    lines of the "Nơi nhận" list beside it, must not splice those lines word by word."""
    pdf = PdfWriter()
    p = pdf.page()
    letterhead(pdf, p, "1187/BC-SXD", "06 tháng 11 năm 2026", "10/2026")
    pdf.text(p, LEFT, 180, "I. TÌNH HÌNH CHUNG", 13)
    pos = pdf.text(p, LEFT, 200, "Tuyến đường bị sạt lở tại 07 vị trí, phải tạm dừng để xử lý", 13)
    pdf.text(p, pos, 200, "1", size=11, raise_by=5, line_size=13)
    pdf.text(p, pos + 6, 200, ".", 13)
    pdf.line(p, LEFT, 700, LEFT + 150, 700)
    pdf.text(p, LEFT, 706, "1", size=6, raise_by=3, line_size=9)
    pdf.text(p, LEFT + 5, 706, "Km3+250, Km4+100 (xã Sơn Hà); Km9+600 (xã Xuân Đài).", size=9)
    top = 260.0
    recipients = ["- UBND tỉnh (để b/c);", "- Đ/c Phó Chủ tịch UBND tỉnh;", "- Sở Tài chính;"]
    pdf.text(p, LEFT, top, "Nơi nhận:", size=10)
    pdf.text(p, 360, top, "KT. GIÁM ĐỐC", size=13)
    for k, line in enumerate([*recipients, "- Lưu: VT."], start=1):
        pdf.text(p, LEFT, top + 12 * k, line, size=10)
    pdf.text(p, 360, top + 17, "PHÓ GIÁM ĐỐC", size=13)
    pdf.text(p, 350, top + 90, "Trịnh Thị Lan Phương", size=13)
    report = parse_pdf(Path("sxd.pdf"), pdf.bytes())
    body = next(x for x in report.paragraphs if "sạt lở" in x.text)
    assert body.text.endswith("để xử lý¹.") and body.footnotes == (1,)
    assert report.footnote(1) is not None
    assert report.recipients == (
        "UBND tỉnh (để b/c);",
        "Đ/c Phó Chủ tịch UBND tỉnh;",
        "Sở Tài chính;",
        "Lưu: VT.",
    )
    assert "PHÓ GIÁM ĐỐC" in report.meta.signer_role
    assert report.meta.signer == "Trịnh Thị Lan Phương"


def test_a_row_numbering_the_columns_is_no_data() -> None:
    """ "A | B | 1=2+3 | 2 | 3 | 7=4/1" numbers a table's columns and says how one is
    computed from others; repeated under the header on every page, it is never a row."""
    from index.readers.tables import table_blocks

    grid: list[list] = [
        ["STT", "Chủ đầu tư", "Kế hoạch vốn", "Giải ngân", "Tỷ lệ (%)"],
        ["A", "B", "1=2+3", "4=5+6", "7=4/1"],
        ["1", "Sở Y tế", "250.000", "120.000", "48,0"],
        ["(1)", "(2)", "(3)", "(4)=(3)/(2)", "(5)"],
        ["2", "Công an tỉnh", "48.600", "41.380", "85,1"],
    ]
    text = "\n".join(b.text for b in table_blocks(grid))
    assert "Sở Y tế" in text and "Công an tỉnh" in text
    assert "1=2+3" not in text and "(4)=(3)/(2)" not in text


def test_a_table_goes_on_past_the_footnotes_of_its_page() -> None:
    """Sơn Nguyên's disbursement table runs from page 2 to page 3, the page's footnotes in
    smaller type under its first part: one table, every part under its caption, so the
    highest rate of its rows is the highest of all sixteen owners."""
    path = Path(__file__).parents[1] / "data" / "reports" / "sonnguyen"
    path = path / "sonnguyen-stc-2026-10-bc233.pdf"
    r = parse_bytes(path, path.read_bytes(), 10**9)
    parts = [p.text for p in r.paragraphs if p.kind == "table"]
    assert len(parts) == 5 and all(
        t.startswith("Tình hình giải ngân") or "31/10/2026)" in t.split("\n")[0] for t in parts
    )
    rows = "\n".join(parts)
    assert "Chủ đầu tư: Bộ Chỉ huy Quân sự tỉnh" in rows and "Chủ đầu tư: Sở Y tế" in rows
    assert "Một số công trình cấp xã khởi công sau ngày 01/5/2026" not in rows

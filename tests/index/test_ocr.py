"""Scanned reports through OCR: real Tesseract on the scans shipped in tests/data/scans (made
by make_scans.py from samples/songmai-2025-12-bc1123.txt), on sample pages scanned again with
other grain (make_scans with another seed), on a drawn ruled table, and on the real scanned
letter in ../shared/scans; the post-correction, the cache, the limits and the refusals."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import TESTS
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from index import ocr, ocr_correct, ocr_image, tesseract
from index.errors import (
    IngestError,
    MissingToolError,
    OcrNoTextError,
    OcrTooManyPagesError,
    OcrUnavailableError,
)
from index.model import Report
from index.parse import parse_bytes

SCANS = TESTS / "data" / "scans"
SCAN_PDF = SCANS / "songmai-2025-12-scan.pdf"
PHOTO = SCANS / "songmai-2025-12-photo.jpg"
MAX = 50 << 20
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)",
)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One OCR cache for the module: each shipped scan is OCR'd once."""
    return tmp_path_factory.mktemp("ocr-cache")


def parse(path: Path, cache: Path, data: bytes | None = None, **opts) -> Report:
    with ocr.using(ocr.OcrOptions(cache_dir=cache, **opts)):
        return parse_bytes(path, path.read_bytes() if data is None else data, MAX)


def text_of(report: Report) -> str:
    return "\n".join([p.text for p in report.paragraphs] + [f.text for f in report.footnotes])


# ------------------------------------------------------------------ the shipped scans
@pytest.fixture(scope="module")
def scan_report(cache: Path) -> Report:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
    return parse(SCAN_PDF, cache)


@pytest.mark.slow
def test_scanned_pdf_structure(scan_report: Report) -> None:
    r = scan_report
    assert r.meta.number == "1123/BC-UBND"
    assert r.meta.date == "2025-12-16" and r.meta.period == "12/2025"
    assert r.meta.issuer == "thành phố Sông Mai"
    assert {"I", "I.1", "I.2", "I.2.1"} <= {s.path for s in r.sections}
    assert r.ocr_pages == (1, 2)
    assert {p.page for p in r.paragraphs} == {1, 2}
    assert not any(p.text.strip() == "2" for p in r.paragraphs)  # the page number is dropped


@pytest.mark.slow
def test_scanned_pdf_figures_verbatim(scan_report: Report) -> None:
    text = text_of(scan_report)
    for figure in ("42.960 triệu đồng", "386.808 triệu đồng đạt 104,7%", "97,9%", "108,4%",
                   "1962/QĐ-UBND ngày 28/11/2025", "3046/QĐ-UBND ngày 05/12/2025",
                   "176.410.000 đồng", "331.560.000 đồng", "139.250.000 đồng"):  # fmt: skip
        assert figure in text, figure
    assert "Tổ chức Hội chợ hàng Việt" in text and "nông thôn mới nâng cao" in text


@pytest.mark.slow
def test_scanned_pdf_provenance_and_footnotes(scan_report: Report) -> None:
    for p in scan_report.paragraphs:
        assert p.ocr_confidence is not None and 80 <= p.ocr_confidence <= 100
    note = scan_report.footnote(1)
    assert note is not None and note.text.startswith("07 vụ kinh doanh")
    assert note.page == 1 and note.paragraph is not None and note.ocr_confidence
    assert "hàng giả" in note.context
    assert any("nhận dạng ký tự (OCR)" in w for w in scan_report.warnings)
    # Page 2 (black-and-white): the first note's line just under the rule is read, and the
    # notes whose numbers OCR misread are numbered by sequence and linked to their clause.
    two, three = scan_report.footnote(2), scan_report.footnote(3)
    assert two is not None and two.text.startswith("Tiền thuê nhà 99 lượt") and two.page == 2
    assert "176.410.000 đồng" in two.context
    assert three is not None and three.text.startswith("Các tuyến mới")
    assert "19 tuyến được công nhận lại" in three.context
    assert not any("chú thích" in w for w in scan_report.warnings)


@needs_tesseract
@pytest.mark.slow
def test_photo_of_a_page(cache: Path) -> None:
    r = parse(PHOTO, cache)
    assert r.meta.number == "1123/BC-UBND" and r.meta.date == "2025-12-16"
    assert r.ocr_pages == (1,)
    text = text_of(r)
    assert "386.808 triệu đồng đạt 104,7%" in text and "1962/QĐ-UBND" in text


@needs_tesseract
@pytest.mark.slow
def test_hanging_footnotes_whose_numbers_ocr_reads_as_lines_of_their_own(cache: Path) -> None:
    """Word's footnotes hang their number at the margin, the text indented after it; on this
    signed, tilted scan Tesseract reads each number as a line of its own ("NH", "œ"). The
    notes are the report's notes 2 and 3, not running text after "TỒN TẠI, HẠN CHẾ"."""
    r = parse(TESTS / "data" / "reports" / "tayling" / "phucuong-2025-12-bc415.pdf", cache)
    notes = {f.number: f.text for f in r.footnotes}
    assert notes[2].startswith("Thôn Cốc Phường 09 hộ; thôn Nà Pản 06 hộ.")
    assert notes[2].endswith("12/12 và 19/12/2025.")  # its second line, not spliced into it
    assert notes[3].startswith("Vụ thứ nhất ngày 06/12/2025")
    assert not any("Thôn Cốc" in p.text or "Vụ thứ nhất" in p.text for p in r.paragraphs)


@needs_tesseract
@pytest.mark.slow
def test_a_poorly_read_word_inside_a_line_is_kept(cache: Path) -> None:
    """Tesseract read "(ATTP)" on Đồng Lâm's signed scan with no confidence, between words
    read well: dropped, it left a gap the PDF reader took for two columns, and the line's
    second half and the next line changed places. Kept, the paragraph reads in order."""
    r = parse(TESTS / "data" / "reports" / "sonnguyen" / "donglam-2026-09-bc68.pdf", cache)
    text = text_of(r)
    assert "Dịp Tết Trung thu, kiểm tra an toàn thực phẩm (AT TP) 14 cơ sở, nhắc nhở 03" in text
    assert "Tỷ lệ tham gia BHYT đạt 94,8%." in text
    assert (r.meta.number, r.meta.period) == ("68/BC-UBND", "09/2026")


@needs_tesseract
@pytest.mark.slow
def test_a_tilted_signed_scan_keeps_its_title_and_loses_its_specks(cache: Path) -> None:
    """The letterhead's "BÁO CÁO" with specks after it, the title, the period; no underscore
    left of the page's specks in the text; a note's mark after a bracket ("(96,3%)'") is its
    marker."""
    r = parse(TESTS / "data" / "reports" / "tayling" / "phucuong-2025-12-bc415.pdf", cache)
    assert r.meta.title.startswith("Tình hình kinh tế - xã hội tháng 12 năm 2025")
    assert (r.meta.period, r.meta.number) == ("12/2025", "415/BC-UBND")
    words = [w for p in r.paragraphs for w in p.text.split()]
    assert not [w for w in words if set(w) <= set("_")]
    assert r.footnote(1).context.endswith("lũy kế 1.781,6 triệu đồng (96,3%)")


@needs_tesseract
@pytest.mark.slow
def test_cache_hit_runs_no_tesseract(
    cache: Path, scan_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_tesseract(*args, **kwargs):
        raise AssertionError("tesseract ran although the file is cached")

    monkeypatch.setattr(ocr, "run_tsv", no_tesseract)
    monkeypatch.setattr(ocr.subprocess, "run", no_tesseract)
    seen: list[tuple[int, int]] = []
    again = parse(SCAN_PDF, cache, on_page=lambda name, done, total: seen.append((done, total)))
    assert again == scan_report
    assert seen == [(2, 2)]


@needs_tesseract
@pytest.mark.slow
def test_mixed_pdf_ocrs_only_image_pages(cache: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    text_pdf = PdfReader(TESTS / "data" / "generated" / "bao-cao-mau-libreoffice.pdf")
    writer = PdfWriter()
    writer.add_page(text_pdf.pages[0])
    writer.add_page(PdfReader(SCAN_PDF).pages[1])
    buf = io.BytesIO()
    writer.write(buf)
    seen: list[tuple[str, int, int]] = []
    path = tmp_path / "tron.pdf"
    r = parse(path, tmp_path / "c", buf.getvalue(), on_page=lambda *a: seen.append(a))
    assert r.ocr_pages == (2,)
    assert seen[-1] == ("tron.pdf", 1, 1)  # one page needed OCR
    assert all(p.ocr_confidence is None for p in r.paragraphs if p.page == 1)
    assert any(p.ocr_confidence for p in r.paragraphs if p.page == 2)
    assert "3046/QĐ-UBND ngày 05/12/2025" in text_of(r)


# ------------------------------------------------------------------ the real scanned letter
@needs_tesseract
@pytest.mark.slow
def test_shared_scanned_letter(shared: Path, cache: Path) -> None:
    path = shared / "scans" / "bca-c04-3980-2025-scan.pdf"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    r = parse(path, cache)
    # The stamped number reads as "33/C04-P6"; the file name confirms it, with a warning.
    assert r.meta.number == "3980/C04-P6"
    assert any("theo tên tệp" in w for w in r.warnings)
    assert r.ocr_pages == (1, 2, 3)
    text = text_of(r)
    for phrase in ("công tác phòng, chống ma tuý", "Cục Cảnh sát điều tra tội phạm về ma tuý",
                   "7.503", "03/124 đơn vị hành chính cấp xã", "480 tỷ đồng",
                   "Nghị quyết số 163/2024/"):  # fmt: skip
        assert phrase in text, phrase
    assert {"1", "2", "3"} <= {s.path for s in r.sections}
    assert {p.page for p in r.paragraphs} == {1, 2, 3}
    # Its two footnotes on page 2, their numbers read as "," and "?", linked in section 2.
    notes = {f.number: f for f in r.footnotes if f.page == 2}
    assert sorted(notes) == [1, 2]
    assert notes[1].text.startswith("Cơ sở cai nghiện số 1") and "quá tải" in notes[1].context
    assert notes[2].text.startswith("Báo cáo số 34/BC-CAT") and "400 tỷ đồng" in notes[2].context
    assert all(r.paragraphs[f.paragraph - 1].section == "2" for f in notes.values())


# ------------------------------------------------------------------ refusals and limits
def png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def test_blank_page_image_is_refused(tmp_path: Path) -> None:
    page = Image.new("L", (1654, 2339), 250)
    ImageDraw.Draw(page).point([(100, 100), (900, 1500), (1200, 40)], fill=0)  # dust
    with pytest.raises(OcrNoTextError, match="trang trắng"):
        parse(tmp_path / "trang-trang.png", tmp_path / "c", png(page))


@needs_tesseract
def test_image_without_text_is_refused(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    blobs = Image.fromarray((rng.random((700, 900)) * 255).astype(np.uint8), "L")
    blobs = blobs.filter(ImageFilter.GaussianBlur(6)).point(lambda v: 0 if v < 122 else 230)
    with pytest.raises(OcrNoTextError, match="không nhận ra chữ trong ảnh") as e:
        parse(tmp_path / "con-meo.jpg", tmp_path / "c", png(blobs))
    assert "con-meo.jpg" in str(e.value)


def test_page_limit(tmp_path: Path) -> None:
    with pytest.raises(OcrTooManyPagesError, match=r"2 trang ảnh quét .* vượt giới hạn 1 trang"):
        parse(SCAN_PDF, tmp_path, max_pages=1)


def test_tesseract_missing_names_the_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tesseract.shutil, "which", lambda name: None)
    with pytest.raises(OcrUnavailableError, match="tesseract-ocr tesseract-ocr-vie") as e:
        parse(SCAN_PDF, tmp_path)
    assert isinstance(e.value, MissingToolError) and isinstance(e.value, IngestError)
    assert e.value.path.endswith("songmai-2025-12-scan.pdf")


def test_not_an_image(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="không mở được ảnh"):
        parse(tmp_path / "anh.png", tmp_path, b"not an image at all" * 10)


# ------------------------------------------------------------------ post-correction
KNOWN_FIXES = {
    "nâng câp, sửa chữa": "nâng cấp, sửa chữa",
    "Báo cáo sô 34/BC-CAT-PH10": "Báo cáo số 34/BC-CAT-PH10",
    "tô chức kiểm tra": "tổ chức kiểm tra",
    "hỗ trợ bô sung kinh phí": "hỗ trợ bổ sung kinh phí",
    "trình cấp có thâm quyền": "trình cấp có thẩm quyền",
    "mục tiêu quôc gia": "mục tiêu quốc gia",
    "TỈNH LÂM ĐÔNG": "TỈNH LÂM ĐỒNG",
    "I. NHŨNG KẾT QUẢ": "I. NHỮNG KẾT QUẢ",
}


@pytest.mark.parametrize(("ocr_text", "fixed"), KNOWN_FIXES.items())
def test_known_ocr_confusions_fixed(ocr_text: str, fixed: str) -> None:
    assert ocr_correct.correct_text(ocr_text) == fixed


@pytest.mark.parametrize(
    "kept",
    ["nêu trên", "chuyên môn", "Tô Hiến Thành", "ma tuý và Uỷ ban hoà giải", "UBND MTQG HĐND",
     "ngày 15/7/2025", "Số: 3980/C04-P6", "QĐ-UBND", "386.808 triệu đồng", "104,7%"],
)  # fmt: skip
def test_right_text_and_codes_kept(kept: str) -> None:
    assert ocr_correct.correct_text(kept) == kept


def test_a_pages_own_toned_words_are_kept_and_its_toneless_misreadings_fixed() -> None:
    """A storm report says "bão" on every line: read alike, tone and all, it is the page's
    word, not the genre's "báo"; "sô" read twelve times is still Tesseract dropping a tone."""
    line = "bão số 5 đổ bộ"
    assert ocr_correct.correct_tokens(line.split()) != line.split()  # the genre's "báo số"
    page = [*line.split(), "bão", "mưa", "bão", "sô", "sô", "sô"]
    keep = ocr_correct.repeated(page)
    assert "bão" in keep and "sô" not in keep
    assert ocr_correct.correct_tokens(line.split(), keep=keep) == line.split()
    assert ocr_correct.correct_tokens(["Báo", "cáo", "sô"], keep=keep)[2] == "số"
    # a toneless name ("Lam Khê", "Cửa Lam") is the page's own; "lam" in lower case is not
    assert "lam" in ocr_correct.repeated(["LAM", "Lam", "Khê", "Cửa", "Lam"])
    assert "lam" not in ocr_correct.repeated(["Lam", "lam", "Lam"])


def test_correction_never_changes_digits_dates_or_numbers() -> None:
    """Every token holding a digit, and every document code, stays as it was — on all the
    sample reports, with diacritics stripped to provoke the corrector."""
    import unicodedata

    from conftest import SAMPLE_FILES

    for f in SAMPLE_FILES:
        for line in f.read_text("utf-8").splitlines():
            tone_less = unicodedata.normalize(
                "NFC",
                "".join(c for c in unicodedata.normalize("NFD", line) if c not in "\u0301\u0300"),
            )
            for text in (line, tone_less):
                out = ocr_correct.correct_text(text)
                coded = re.compile(r"\S*[\d/]\S*|\b[A-ZĐ]{2,}\b")
                assert coded.findall(out) == coded.findall(" ".join(text.split()))


def test_plausible_syllables() -> None:
    assert all(map(ocr_correct.plausible, ["khoảng", "nghiện", "quốc", "cấp", "Đồng", "kế"]))
    assert not any(map(ocr_correct.plausible, ["câp", "quôc", "ka", "ngha", "sâ", "UBND"]))


# ------------------------------------------------------------------ image clean-up
def lines_of_text(angle: float) -> Image.Image:
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    f = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 28)
    for k in range(30):
        draw.text((100, 100 + 50 * k), "Công tác thu ngân sách nhà nước đạt 104,7% " * 2, font=f)
    return page.rotate(angle, Image.BILINEAR, fillcolor=255)


@pytest.mark.skipif(
    not Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").is_file(), reason="no DejaVu"
)
def test_skew_is_measured() -> None:
    assert abs(ocr_image.skew_angle(lines_of_text(2.0)) + 2.0) <= 0.3
    assert abs(ocr_image.skew_angle(lines_of_text(0.0))) <= 0.2


def test_table_rules_are_erased_and_text_kept() -> None:
    page = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((50, 50, 750, 550), outline=0, width=3)
    draw.line((400, 50, 400, 550), fill=0, width=3)
    draw.text((100, 100), "6,84", fill=0)
    out = np.asarray(ocr_image.erase_rules(page, 300))
    assert (out[52, 60:740] > 200).all() and (out[60:540, 401] > 200).all()
    assert (out[95:115, 95:130] < 128).any()  # the figure is still there


def test_model_roundtrip_keeps_ocr_fields() -> None:
    from index.model import Paragraph, ReportMeta

    r = Report("a.pdf", ReportMeta(), (), (Paragraph(1, "x", "", page=3, ocr_confidence=91.5),),
               ocr_pages=(3,))  # fmt: skip
    assert Report.from_dict(r.to_dict()) == r
    old = r.to_dict()
    old.pop("ocr_pages")
    del old["paragraphs"][0]["ocr_confidence"]
    assert Report.from_dict(old).paragraphs[0].ocr_confidence is None


# ------------------------------------------------------------------ scanned structure
# Pages built from word boxes as Tesseract gives them (300 dpi, A4), no Tesseract needed.
W300, H300 = 2480, 3508


class Words:
    """Tesseract lines laid out by hand: `line(y, "a b c", x=...)` adds one line's words,
    ~22 px per character; `box(...)` adds one word with its own box."""

    def __init__(self) -> None:
        self.words: list[tesseract.OcrWord] = []
        self.rules: list[tuple[int, int, int, int]] = []
        self.n = 0

    def line(self, y: int, text: str, x: int = 416, h: int = 50, right: int | None = None,
             conf: float = 96.0, new: bool = True) -> None:  # fmt: skip
        self.n += new
        tokens = text.split()
        widths = [22 * len(t) for t in tokens]
        gap = 20 if right is None else max(20, (right - x - sum(widths)) // max(1, len(tokens) - 1))
        for t, wd in zip(tokens, widths, strict=True):
            self.words.append(tesseract.OcrWord(t, x, y, wd, h, conf, self.n, h + 10))
            x += wd + gap

    def box(self, text: str, x: int, y: int, w: int, h: int, conf: float, new: bool = False):
        self.n += new
        self.words.append(tesseract.OcrWord(text, x, y, w, h, conf, self.n, h))

    def page(self, number: int = 1) -> tesseract.OcrPage:
        words = tuple(sorted(self.words, key=lambda w: (w.line, w.left)))
        return tesseract.OcrPage(number, W300, H300, 300.0, words, rules=tuple(self.rules))


def body_lines(ws: Words, y: int, rows: list[str]) -> int:
    """Justified lines of running text from `y`; returns the y below them."""
    for k, row in enumerate(rows):
        ws.line(y, row, x=566 if k == 0 else 416, right=2240)
        y += 80
    return y


def build(pages: list[tesseract.OcrPage], notes: list[int] | None = None) -> Report:
    from index import ocr_headings, ocr_layout
    from index.readers.pdf import assemble
    from index.structure import build_report

    notes = notes if notes is not None else [0, 0]
    read = [ocr_layout.to_pdf_page(p, notes)[0] for p in pages]
    ocr_headings.repair_headings(read)
    return build_report("scan.pdf", assemble(read)[0])


def footed_page(first: int) -> tesseract.OcrPage:
    """Running text with three raised numbers read as marks ("trình”;", "án'.", "nhà °,"),
    a closing quote that is not one, and under a separator rule three notes whose numbers
    OCR read as "h", "°" and nothing (swallowed into the note's first word)."""
    ws = Words()
    y = body_lines(ws, 300, [
        "Chỉ đạo theo dõi thi công xây dựng đối với 05 công trình”; Bàn giao đưa vào",
        'sử dụng 02 dự án\'. Tổ chức chương trình "Tết Nhân ái" cho hộ nghèo. Thu',
        "tiền thuê nhà °, giá dịch vụ vệ sinh môi trường với tổng số tiền 331.560.000",
        "đồng. BGMB tổng diện tích 21.377,9m” của 41 hộ gia đình.",
    ])  # fmt: skip
    body_lines(ws, y + 40, ["Ban hành 04 Quyết định xử phạt vi phạm hành chính trong lĩnh"] * 20)
    ws.rules.append((416, 2900, 1016, 2903))
    ws.box("h", 566, 2930, 13, 21, 24.0, new=True)
    ws.line(2942, "Công viên cây xanh phường Hòa An", x=597, h=40, new=False)
    ws.box("°", 566, 3000, 13, 22, 7.0, new=True)
    ws.line(3012, "Nhà văn hóa trung tâm thành phố Sông Mai; Cải tạo, sửa chữa trạm", x=597,
            h=40, new=False)  # fmt: skip
    ws.line(3072, "y tế phường Tân Giang", x=416, h=40)
    ws.box("“Xây", 566, 3130, 106, 61, 14.0, new=True)  # the number swallowed
    ws.line(3142, "dựng trường Tiểu học Phú Mai", x=697, h=40, new=False)
    return ws.page(first)


def test_footnotes_under_the_rule_numbered_by_sequence_and_linked() -> None:
    r = build([footed_page(1)], notes=[5, 0])  # notes 1–5 were on earlier pages
    assert [f.number for f in r.footnotes] == [6, 7, 8]
    assert r.footnote(6).text == "Công viên cây xanh phường Hòa An"
    assert r.footnote(7).text.endswith("trạm y tế phường Tân Giang")  # one note, two lines
    assert r.footnote(8).text == "Xây dựng trường Tiểu học Phú Mai"
    text = r.paragraphs[0].text
    assert "05 công trình⁶; Bàn giao" in text and "02 dự án⁷." in text and "nhà⁸," in text
    assert '"Tết Nhân ái"' in text  # a closing quote, not a marker
    assert "21.377,9m²" in text  # a unit's exponent, not a marker
    assert "331.560.000" in text  # figures untouched
    assert all(f.paragraph == 1 for f in r.footnotes)
    assert not r.warnings or "chú thích" not in " ".join(r.warnings)


def test_more_marks_than_notes_keeps_the_likeliest() -> None:
    """One note on the page, two candidates: the ” that may close a quote gives way."""
    ws = Words()
    rows = [
        "Trong tháng các lực lượng chức năng đã kiểm tra, xử lý 14 vụ buôn lậu,",
        "gian lận thương mại, hàng giả'. Tổng số tiền xử phạt vi phạm hành chính",
        "là 112,3 triệu đồng. Tiếp nhận và giải quyết đơn thư”. Tổ chức đối thoại.",
    ]
    y = body_lines(ws, 300, rows)
    body_lines(ws, y + 40, ["Ban hành 04 Quyết định xử phạt vi phạm hành chính trong lĩnh"] * 20)
    ws.rules.append((416, 2900, 1016, 2903))
    ws.box("'", 566, 2930, 8, 21, 56.0, new=True)
    ws.line(2942, "07 vụ kinh doanh hàng hóa không rõ nguồn gốc", x=597, h=40, new=False)
    r = build([ws.page()])
    assert [f.number for f in r.footnotes] == [1]
    assert "hàng giả¹." in text_of(r) and "đơn thư”." in text_of(r)


def test_a_page_without_notes_keeps_its_marks() -> None:
    ws = Words()
    body_lines(ws, 300, ["Tổ chức Hội thi về chuyển đổi số”; Chỉ đạo kiểm tra công tác"] * 12)
    r = build([ws.page()])
    assert not r.footnotes and "chuyển đổi số”;" in r.paragraphs[0].text


def test_specks_and_the_signature_column() -> None:
    """ "Nơi nhận" beside the signature: Tesseract runs a list line into the signer's line
    beside it, and reads specks in the signature's space; the list is read whole, then the
    signature, and the specks are gone."""
    ws = Words()
    body_lines(ws, 300, ["Tổ chức khám sức khỏe nghĩa vụ quân sự năm 2026 cho 612 công dân./."] * 3)
    ws.line(600, "Nơi nhận:", h=45)
    ws.line(600, "TM. ỦY BAN NHÂN DÂN", x=1410, h=50, new=False)
    ws.line(660, "- UBND tỉnh (b/c);", h=40)
    ws.line(655, "CHỦ TỊCH", x=1600, h=50, new=False)
    for k, item in enumerate(["- Sở Tài chính (b/c);", "- TT HĐND TP;", "- CT, PCT UBND TP;"]):
        ws.line(720 + 60 * k, item, h=40)
    ws.box("4g", 1723, 840, 11, 11, 26.0)  # specks on the last of them
    ws.box("R", 1909, 837, 17, 11, 30.0)
    ws.line(872, "- Các phòng ban, đơn vị, Đảng, đoàn thể TP;", h=40)
    ws.line(835, "Trần Minh Quân", x=1525, h=45, new=False)  # same Tesseract line, higher
    ws.line(932, "- Lưu: VT.", h=40)
    r = build([ws.page()])
    assert r.recipients == ("UBND tỉnh (b/c);", "Sở Tài chính (b/c);", "TT HĐND TP;",
                            "CT, PCT UBND TP;", "Các phòng ban, đơn vị, Đảng, đoàn thể TP;",
                            "Lưu: VT.")  # fmt: skip
    assert r.meta.signer == "Trần Minh Quân"
    assert r.meta.signer_role == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"


def test_headings_follow_their_sequence() -> None:
    """ "H." and "II" for II, "II." for III, "7," for 7. are set right where the sequence
    expects them; a body line starting with figures, or an Arabic heading, is not."""
    ws = Words()
    y = 300
    rows = [("I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", 416), ("6. Công tác an ninh, quốc phòng", 566),
            ("7, Công tác Nội vụ, Thanh tra, Tư pháp", 566), ("H. ĐÁNH GIÁ CHUNG", 416),
            ("1. Ưu điểm:", 566), ("2: Hạn chế:", 566),
            ("II. NHIỆM VỤ TRỌNG TÂM THÁNG 01/2026", 416), ("1 Lĩnh vực kinh tế", 566)]  # fmt: skip
    body = ["Tổ chức tiếp công dân định kỳ được 21 lượt, tiếp nhận 19 đơn thư,",
            "2, 3 hộ gia đình còn lại được chi trả tiền bồi thường, hỗ trợ."]  # fmt: skip
    for text, x in rows:
        ws.line(y, text, x=x)
        y += 80
        body_lines(ws, y, body)
        y += 200
    r = build([ws.page()])
    assert [s.path for s in r.sections] == ["I", "I.6", "I.7", "II", "II.1", "II.2", "III",
                                            "III.1"]  # fmt: skip
    assert r.section("I.7").title == "Công tác Nội vụ, Thanh tra, Tư pháp"
    assert r.section("III").title == "NHIỆM VỤ TRỌNG TÂM THÁNG 01/2026"
    assert all(p.text == " ".join(body) for p in r.paragraphs)


def test_arabic_headings_are_not_made_roman() -> None:
    from index import ocr_headings
    from index.readers.pdf.layout import Line, Word
    from index.readers.pdf.page import Page

    def ln(text: str, x0: float, x1: float) -> Line:
        return Line([Word(t, x0, x1, 0, 10, 13) for t in [text]], 1).finish()

    page = Page(1, 842, 595, [ln("1. KẾT QUẢ ĐẠT ĐƯỢC", 100, 300), ln("II KẾT QUẢ", 100, 300)])
    ocr_headings.repair_headings([page])
    assert [x.text for x in page.lines] == ["1. KẾT QUẢ ĐẠT ĐƯỢC", "II KẾT QUẢ"]


def test_rules_are_found_and_kept_with_the_page() -> None:
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    draw.line((416, 2900, 1016, 2900), fill=0, width=3)
    draw.line((416, 2903, 1016, 2903), fill=140, width=1)  # the grey edge of a scanned rule
    found: list = []
    out = np.asarray(ocr_image.erase_rules(page, 300, found))
    assert len(found) == 1 and found[0][0] == 416 and abs(found[0][1] - 2899) <= 2
    assert (out[2895:2910, 420:1010] == 255).all()
    p = tesseract.OcrPage(1, 10, 10, 300.0, rules=((416, 2899, 1017, 2902),))
    assert tesseract.OcrPage.from_json(p.to_json()) == p
    assert tesseract.OcrPage.from_json({**p.to_json(), "rules": []}).rules == ()


# ------------------------------------------------------------------ ruled tables
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
# STT | content (several lines) | score, rank for three provinces | a column of ticks
PCI_ROWS = [
    ("1", ["Chi phí gia nhập", "thị trường"], "6,74", "58", "7,68", "38", "8,78", "2", "x"),
    ("2", ["Tiếp cận đất đai", "và sự ổn định", "trong sử dụng đất"], "6,22", "49", "6,62",
     "30", "6,71", "24", ""),
    ("3", ["Tính minh bạch và", "tiếp cận thông tin"], "6,19", "52", "6,84", "15", "6,91",
     "13", "x"),
    ("4", ["Chi phí thời gian", "để thực hiện các", "quy định của", "Nhà nước"], "7,75", "19",
     "7,19", "45", "8,20", "6", ""),
    ("5", ["Chi phí không", "chính thức"], "6,78", "32", "6,71", "36", "7,26", "10", "x"),
]  # fmt: skip


def ruled_table(rows: list[tuple], skew: float, seed: int) -> Image.Image:
    """A ruled table as in a PCI report, figures centred beside cells of several lines of
    text, then blurred, given grain and turned `skew` degrees, with running text below."""
    page = Image.new("L", (2480, 1500), 255)
    draw = ImageDraw.Draw(page)
    f = ImageFont.truetype(str(DEJAVU), 38)
    xs = [300, 420, 900, 1120, 1300, 1520, 1700, 1920, 2100, 2250]
    y = top = 150
    draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for row in rows:
        height = 60 * len(row[1]) + 40
        for k, text in enumerate(row[1]):
            draw.text((xs[1] + 15, y + 20 + 60 * k), text, font=f, fill=0)
        mid = y + height / 2 - 22
        draw.text((xs[0] + 30, mid), row[0], font=f, fill=0)
        for c, text in enumerate(row[2:]):
            width = draw.textlength(text, font=f)
            draw.text(((xs[2 + c] + xs[3 + c]) / 2 - width / 2, mid), text, font=f, fill=0)
        y += height
        draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for x in xs:
        draw.line((x, top, x, y), fill=0, width=3)
    for k in range(5):
        draw.text((300, y + 80 + 60 * k), "Tổng thu ngân sách trên địa bàn ước đạt 412.305 triệu "
                  "đồng, bằng 103,2% dự toán.", font=f, fill=0)  # fmt: skip
    page = page.rotate(skew, Image.BILINEAR, fillcolor=255).filter(ImageFilter.GaussianBlur(1))
    grain = np.random.default_rng(seed).normal(0, 18, (page.height, page.width))
    return Image.fromarray(np.clip(np.asarray(page, np.float32) + grain, 0, 255).astype(np.uint8))


def test_table_cells_from_rules() -> None:
    """A cell merged over two rows (STT) or two columns (a province) is one cell."""
    from index.ocr_cells import table_cells

    across = [(300, 100, 1500, 103), (700, 200, 1500, 203), (300, 300, 1500, 303),
              (300, 400, 1500, 403)]  # fmt: skip
    upright = [(300, 100, 303, 403), (700, 100, 703, 403), (1100, 200, 1103, 403),
               (1500, 100, 1503, 403)]  # fmt: skip
    assert table_cells(across, upright, 300) == [
        (303, 103, 700, 300), (703, 103, 1500, 200),  # merged: STT, the province
        (703, 203, 1100, 300), (1103, 203, 1500, 300),
        (303, 303, 700, 400), (703, 303, 1100, 400), (1103, 303, 1500, 400),
    ]  # fmt: skip
    assert table_cells([(300, 100, 1500, 103)], [], 300) == []  # an underline, no table


@needs_tesseract
@pytest.mark.slow
@pytest.mark.skipif(not DEJAVU.is_file(), reason="no DejaVu")
@pytest.mark.parametrize(("skew", "seed"), [(1.5, 5), (-2.0, 7)])
def test_ruled_table_figures_read_cell_by_cell(skew: float, seed: int) -> None:
    """Decimal commas in ruled cells beside multi-line text (read as "7135", "79" or
    dropped by the first pass) come out right; labels and ticks are left as they were."""
    image = ruled_table(PCI_ROWS, skew, seed)
    page = ocr.ocr_page(shutil.which("tesseract"), 1, image, 300.0, ocr.OcrOptions(cache_dir=None))
    read = [w.text for w in page.words]
    for row in PCI_ROWS:
        for figure in (row[0], *row[2:8]):
            assert figure in read, figure
    assert not [t for t in read if re.fullmatch(r"\d+", t) and len(t) > 2]  # none run together
    text = " ".join(read)
    assert "Chi phí gia nhập" in text and "quy định của" in text
    assert "412.305" in text and "103,2%" in text  # running text: its own reading
    ticks = [w.text for w in page.words if w.left > 2110 and w.top < 1200]
    assert not any(c.isdigit() for t in ticks for c in t), ticks  # never made figures


# ------------------------------------------------------------------ other noise
def rescanned(name: str, seed: int, pages: list[int], cache: Path) -> Report:
    """Sample report `name` typeset and scanned as bench/scanned.py does but with the
    grain and specks of `seed`, then these of its pages read through OCR."""
    import sys

    from pypdf import PdfReader, PdfWriter

    sys.path.insert(0, str(SCANS))
    import make_scans

    src = TESTS.parent / "samples" / f"{name}.txt"
    pdf = make_scans.scan(make_scans.typeset(src), np.random.default_rng(seed))
    reader, writer = PdfReader(io.BytesIO(pdf)), PdfWriter()
    for n in pages:
        writer.add_page(reader.pages[n - 1])
    buf = io.BytesIO()
    writer.write(buf)
    return parse(Path(f"{name}-p{pages[0]}.pdf"), cache, buf.getvalue())


@needs_tesseract
@pytest.mark.slow
def test_note_whose_number_ocr_did_not_see(cache: Path) -> None:
    """Under the rule, a note whose raised number left no trace starts where the notes'
    text starts after their numbers (continued lines start at the margin); in the running
    text, its marker was boxed with "GPMB;" (the box rises above the line's capitals)."""
    r = rescanned("songmai-2025-10-bc0912", 7, [3], cache)
    notes = [(f.text, f.context) for f in r.footnotes]
    assert len(notes) == 2
    assert notes[0][0] == "Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)"
    assert notes[0][1].endswith("vướng mắc GPMB")
    assert notes[1][0] == "Trụ sở làm việc Công an xã Vân Sơn"
    assert notes[1][1].endswith("nghiệm thu 01 dự án")


@needs_tesseract
@pytest.mark.slow
def test_part_numeral_read_faintly(cache: Path) -> None:
    """ "II" read with 19% confidence before "ĐÁNH GIÁ CHUNG" is a part's numeral, not a
    speck: part II is found, and the next part (read "II.") is III."""
    r = rescanned("songmai-2025-12-bc1123", 7, [4, 5], cache)
    titles = {s.path: s.title for s in r.sections}
    assert titles["II"] == "ĐÁNH GIÁ CHUNG"
    assert titles["II.1"].startswith("Ưu điểm") and titles["II.2"].startswith("Hạn chế")
    assert titles["III"] == "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 01/2026"


@needs_tesseract
@pytest.mark.slow
def test_markers_read_as_a_raised_letter_or_twice(cache: Path) -> None:
    """ "trước) Ì," (the raised number read as an accented capital, boxed down to the comma,
    at the end of a line) is a marker; "lượt '°." (a box too wide, then a lone mark) is one
    marker, not two: each of the page's four notes is linked to its own clause."""
    r = rescanned("songmai-2025-11-bc1015", 3, [4], cache)
    ends = ["02 cơ sở", "(giảm 02 vụ so với tháng trước)", "được 15 lượt/21 công dân",
            "thường xuyên được 29 lượt"]  # fmt: skip
    assert [f.number for f in r.footnotes] == [1, 2, 3, 4]
    assert all(f.context.endswith(end) for f, end in zip(r.footnotes, ends, strict=True))

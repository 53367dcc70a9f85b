"""Figures with their unit and the measure they belong to ("lũy kế thu NSNN")."""

from __future__ import annotations

import re

from index import vn
from index.model import Report
from index.records.common import units
from index.records.documents import documents_in
from index.records.model import Figure
from index.vn import match_key

# (written form, unit, kind). 'count' units are classifiers, left out of the measure
# ("04 vụ tai nạn giao thông" measures "tai nạn giao thông"); 'noun' units are what is
# counted and stay in it ("41 giấy phép xây dựng").
UNITS: tuple[tuple[str, str, str], ...] = (
    ("triệu đồng", "triệu đồng", "money"), ("tr.đồng", "triệu đồng", "money"),
    ("tr.đ", "triệu đồng", "money"), ("trđ", "triệu đồng", "money"),
    ("triệu VNĐ", "triệu đồng", "money"), ("tỷ đồng", "tỷ đồng", "money"),
    ("tỉ đồng", "tỷ đồng", "money"), ("tỷ VNĐ", "tỷ đồng", "money"),
    ("nghìn đồng", "nghìn đồng", "money"), ("ngàn đồng", "nghìn đồng", "money"),
    ("VNĐ", "đồng", "money"), ("đồng", "đồng", "money"), ("đ", "đồng", "money"),
    ("%", "%", "percent"), ("m²", "m²", "area"), ("m2", "m²", "area"), ("ha", "ha", "area"),
    ("hecta", "ha", "area"), ("héc-ta", "ha", "area"),
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


def scan_figures(text: str) -> list[tuple[int, int, str, str, float, float | None, float | None]]:
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


def extract_figures(report: Report, report_id: str, planned_sections: set[str]) -> list[Figure]:
    out: list[Figure] = []
    for para, fn, section, text in units(report):
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
    for start, end, raw, unit, value, num, den in scan_figures(plain):
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

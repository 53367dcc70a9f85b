"""The figures of a sentence, each with the words about it, and what a question asks of
them (a rate, money, a change): what comparisons and superlatives pick figures by.

In "5.264 hồ sơ liên thông (4.031 hồ sơ khai sinh và 1.233 hồ sơ khai tử)" each part is
about its own words and what its head counts; "(tăng 01 vụ so với tháng trước)" is a
change, not the measure; a pair of words matches only as written together.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from assistant.answerers.clauses import sentence_before
from assistant.answerers.units import Candidate
from assistant.query import Query
from index import vn
from index.chunk import is_table_row

# Words that ask for the comparison rather than name the measure.
COMPARE_WORDS = frozenset(
    vn.terms(
        "tăng giảm chênh lệch thêm hơn khác biệt nhau so sánh mức độ được bao nhiêu nhiều ít "
        "cao thấp lớn nhỏ nhất tháng nào bớt đi nâng lên nhích lên thiếu vượt kém thua "
        "thay đổi biến động chuyển biến mạnh sâu"
    )
)
_UNIT = re.compile(
    r"\s*(%|triệu đồng|tỷ đồng|nghìn đồng|đồng|đ(?!\w)|ha\b|m²|km|người|lượt(?: người| khách)?|"
    r"hộ|vụ|hồ sơ|tài khoản|doanh nghiệp|dự án|công trình|trường hợp|đối tượng|ca|tấn|con|cơ sở|"
    r"giấy phép|văn bản|thủ tục|điểm|gam|kg|lít|m³)?"
)


@dataclass(frozen=True)
class Figure:
    raw: str  # as written ("42.960")
    value: float
    unit: str
    candidate: Candidate


# the word that asks for money, as terms say it
MONEY_WORDS = frozenset(vn.terms("tiền"))
# "bao nhiêu tiền", "số tiền", "tiền phạt … chênh nhau bao nhiêu": only an amount of money
# answers it, never a count of households (unless households are what it counts)
_MONEY_ONLY = re.compile(
    r"\b(?:bao nhieu (?:tien|dong|ty|trieu|von)|so tien|how much money)\b|"
    r"\btien (?:phat|xu phat|thu|den bu|boi thuong|ho tro|chi tra|su dung dat|thue dat)\b"
    r"(?!.*\b(?:bao nhieu|may) (?:ho|vu|nguoi|luot|ca|truong hop|ho so|du an|cong trinh)\b)"
)


@dataclass(frozen=True)
class Wanted:
    """What a question asks of a figure."""

    rate: bool  # "tỷ lệ", "phần trăm"
    money: bool  # money is named ("vốn", "kinh phí")
    money_only: bool  # only an amount of money answers it
    change: bool  # "tăng bao nhiêu"
    growth: bool = False  # "tăng trưởng": a rate of change is the measure itself

    @property
    def amounts(self) -> bool:
        """Whether the amount of "đạt 238.917/412.380 triệu đồng" is a figure asked for."""
        return self.money and not self.rate


def wants(query: Query) -> Wanted:
    """What the question asks for: a rate, money (only money), a change."""
    plain = " ".join(vn.syllables(query.folded))
    growth = bool(re.search(r"\b(?:tang truong|growth)\b", plain))
    return Wanted(
        rate="%" in query.text  # "tính theo %"; "tăng trưởng" is one, "GRDP tăng 8,46%"
        or growth
        or bool(re.search(r"\b(?:ty le|phan tram|diem phan tram|percent|rate|share)\b", plain)),
        money=bool(re.search(r"\b(?:tien|kinh phi|von|money|amount)\b", plain)),
        money_only=bool(_MONEY_ONLY.search(plain)),
        change=bool(re.search(r"\b(?:tang|giam|change|increase|decrease)\b", plain)),
        growth=growth,
    )


# an amount over its plan, "238.917/412.380": not a date ("15/11"), not a document number
_AMOUNT = r"(?:\d{1,3}(?:\.\d{3})+|\d{3,})(?:,\d+)?"
_RATIO = re.compile(rf"{_AMOUNT}/{_AMOUNT}(?![\w/])")


_YEAR_BEFORE = re.compile(
    r"(?:năm|Năm|học|đoạn|kỳ|đến|tới|từ|\b(?:19|20)\d\d\s*[-–])\s*(?:(?:19|20)\d\d\s*(?:,|và|-|–)\s*)*$"
)


# a table row's number, under its header ("STT: 10", "TT: 10", "Số TT: 3")
# a row's number: "STT: 3", "TT: 7", and "T T: 7" of a header a table cell broke in two
_ROW_NUMBER = re.compile(r"(?:^|;\s*)(?:số\s+)?s?t\s?t\s*:\s*$", re.I)
_ENUMERATED = re.compile(r"[.)]\s")


def figures_in(sentence: str, amounts: bool = False) -> list[tuple[str, float, str, int]]:
    """(raw, value, unit, position) of the figures of a sentence, dates left out; with
    `amounts`, the amount of "đạt 238.917/412.380 triệu đồng" too (when money is asked:
    otherwise it would cut the rate after it from the words it is about)."""
    out = []
    row = is_table_row(sentence)  # "Header: value; Header: value"
    for m in vn.NUMBER_RE.finditer(sentence):
        raw = m.group(0).replace(" ", "")
        after = sentence[m.end() : m.end() + 1]
        before = sentence[max(0, m.start() - 1) : m.start()]
        end = m.end()
        if amounts and after == "/" and (whole := _RATIO.match(sentence, m.start())):
            end = whole.end()  # "đạt 238.917/412.380 triệu đồng": the amount reached
        elif after == "/" or before == "/" or _ROW_NUMBER.search(sentence[: m.start()]):
            continue  # a date, a ratio's half, a document number, a table row's number
        elif not sentence[: m.start()].strip(" -–•") and _ENUMERATED.match(sentence, m.end()):
            continue  # "2. Giải ngân vốn …": an item's number in a list, no count
        elif before == "(" and after == ")" and len(raw) <= 2:
            continue  # "(2) Sở Văn hóa …: dự án …": an item's number, within a sentence
        elif re.match(r"-[^\W\d]", sentence[m.end() :]) or _NAMED_BY.search(sentence[: m.start()]):
            continue  # "205-CV/TU", "Đề án 06", "Quyết định 1835": a document's name
        elif PLACE_NUMBER.search(sentence[: m.start()]):
            continue  # "ĐT 279", "Km 42", "tổ dân phố 9": a road's or a place's name
        elif re.match(r"\s*:(?!\d)", sentence[m.end() :]) or (
            row
            and _IN_HEADER.match(sentence, m.end())
            and ":" not in sentence[sentence.rfind(";", 0, m.start()) + 1 : m.start()]
        ):  # "Kế hoạch 2026: 36,5", "Tổ dân phố 3: 03 ca", a row's "Tàu từ 15m trở lên: 83":
            continue  # a label, not its value
        elif re.fullmatch(r"\d{1,2}", raw) and (
            _MONTHS_SPAN.match(sentence, end)
            or (_WITHIN.search(sentence[: m.start()]) and re.match(r"\s*tháng\b", sentence[end:]))
            or (
                _PERIOD_BEFORE.search(head := sentence[: m.start()])
                and not _SPAN_BEFORE.search(head)
            )
            or _DAY_BEFORE.search(head)
        ):  # "tháng 12 đạt …", "(9 tháng: 58 doanh nghiệp)", "từ ngày 03 đến hết ngày 06/11":
            continue  # a period's or a date's number counts nothing ("lũy kế 9 tháng 65 ca":
            # 65 does; "trong tháng 1.245 triệu đồng" too)
        if re.fullmatch(r"(?:19|20)\d\d", raw) and (
            _YEAR_BEFORE.search(sentence[: m.start()])
            or re.match(r"\s*[-–]\s*(?:19|20)\d\d\b", sentence[m.end() :])
        ):
            continue  # a year ("năm 2018, 2019")
        value = vn.parse_number(raw)
        if value is None:
            continue
        unit = "%" if raw.endswith("%") else (_UNIT.match(sentence, end).group(1) or "")  # type: ignore[union-attr]
        unit = "đồng" if unit == "đ" else unit  # "845.600.000đ"
        out.append((raw.rstrip("%"), value, unit, m.start()))
    return out


# a table row's header holding a number before its value ("Tàu từ 15m trở lên: 83")
_IN_HEADER = re.compile(r"[^;:\d()]{0,30}:\s*[-\d]")
# "vận chuyển 331.000 lượt khách trong 10 tháng": how long, not how many
_WITHIN = re.compile(r"\b(?:trong|sau|qua)\s+$", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:tháng|quý|tuần)\s*$", re.I)
_DAY_BEFORE = re.compile(r"\bngày\s*$", re.I)
_SPAN_BEFORE = re.compile(r"(?<!ngày )(?<!\d)\d{1,2}\s+tháng\s*$", re.I)
_MONTHS_SPAN = re.compile(
    r"\s*tháng(?:\s*:|\s+đầu năm|\s+cuối năm|\s+năm\s+\d{4}|\s+(?:qua\b|\d))", re.I
)
PART_OF = re.compile(r"\s*trong đó\s*[,:]?\s*", re.I)


def part_of(query: Query, cand: Candidate, text: str) -> str:
    """Of a "Trong đó, …" sentence, whether the question names the part it gives: "asked"
    when it names most of the words the part adds to the sentence before, "bare" when the
    part adds none (whichever question it is, it names it no more than another), else
    "other"; "" for any other sentence."""
    lead = PART_OF.match(text)
    if not lead:
        return ""
    head = re.split(r"\d", text[lead.end() :], maxsplit=1)[0]
    total = set(vn.terms(sentence_before(cand.hit.chunk.text, cand.sentence)))
    own = {t for t in vn.terms(head) if t not in total and t not in vn.STOPWORDS}
    if not own:
        return "bare"
    return "asked" if len(own & set(vn.terms(query.folded))) * 2 >= len(own) else "other"


_PART_CLAUSE = re.compile(r"[;:,]\s*trong đó\s*[,:]?\s*([^;:]*)$", re.I)


def clause_part(query: Query, text: str, pos: int) -> str:
    """ "Thu NSNN quý III đạt 29,84 tỷ đồng …; trong đó thu tiền sử dụng đất đạt 56,75 tỷ
    đồng": a figure of a "trong đó" clause is a part of the total before it — "other" unless
    the question names most of the words the part adds; "" for any other figure."""
    m = _PART_CLAUSE.search(text[:pos])
    if not m:
        return ""
    total = set(vn.terms(text[: m.start()]))
    own = {t for t in vn.terms(m.group(1)) if t not in total and t not in vn.STOPWORDS}
    asked = set(vn.terms(query.folded))
    return "" if not own or len(own & asked) * 2 >= len(own) else "other"


_NAMED_BY = re.compile(
    r"\b(?:Đề án|Nghị quyết|Nghị định|Chỉ thị|Thông tư|Kết luận|Quyết định|Công văn|Kế hoạch|"
    r"Thông báo|Tờ trình)(?: số)?\s*$",
    re.I,
)
# a road, a milestone, a place or a project's phase that a number names ("trên ĐT 279, ĐT
# 281", "tổ dân phố 9", "giai đoạn 2")
PLACE_NUMBER = re.compile(
    r"(?:(?<!\w)(?:ĐT|QL|TL|ĐH|Quốc lộ|Tỉnh lộ|Đường tỉnh|Km|tổ dân phố|khu phố|tổ|thôn|xóm|"
    r"tiểu khu|giai đoạn)\.?\s*|\bKm\s*\d+\s*\+\s*)$",
    re.I,
)
_CHANGE = re.compile(r"(?:tăng|giảm|hơn)(?: thêm)?\s*$")
# the period it is set against said first: "cao hơn cùng kỳ 0,9 tạ/ha", "giảm so với tháng
# trước 3 vụ"
_CHANGE_AGAINST = re.compile(
    r"(?:tăng|giảm|hơn)(?: so với)? (?:cùng kỳ|kỳ trước|tháng trước|quý trước|năm trước)"
    r"(?: năm \d{4})?(?: là)?\s*$"
)


def is_change(text: str, pos: int) -> bool:
    """'(tăng 01 vụ so với tháng trước)', 'cao hơn cùng kỳ 0,9 tạ/ha': the change, not the
    measure itself."""
    if _CHANGE_AGAINST.search(text[max(0, pos - 40) : pos]):
        return True
    return bool(_CHANGE.search(text[max(0, pos - 12) : pos])) and "so với" in text[pos : pos + 40]


def pairs(words: list[str]) -> set[str]:
    """Words and their adjacent pairs: 'khai sinh' matches only where written together, so
    'phát sinh 5.264 hồ sơ' is not about 'khai sinh'."""
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


@dataclass(frozen=True)
class Segment:
    """A figure of a sentence and the words around it, up to the figures beside it."""

    raw: str
    value: float
    unit: str
    pos: int
    before: str  # its clause up to the figure ("số hồ sơ giải quyết trễ hạn là")
    after: str  # its clause after ("hồ sơ đăng ký khai sinh")

    @property
    def noun(self) -> str:
        """What a figure with no unit counts: the word right after it, folded ("khach" of
        "4.120 khách"); "" for a figure with a unit, or a table cell (its header says it)."""
        if self.unit:
            return ""
        return next(iter(vn.syllables(vn.fold(self.after[len(self.raw) :]))), "")

    @property
    def words(self) -> list[str]:
        return vn.terms(f"{self.before} {self.after}")


def segments(text: str, clauses: bool = False, amounts: bool = False) -> list[Segment]:
    """Each figure of a sentence with the words around it, up to the figures beside it
    ('… trong đó 26 tuyến được công nhận từ trước, 10 tuyến mới')."""
    figs = figures_in(text, amounts)
    if is_table_row(text):  # a row's figure is about the whole row (its label, its unit)
        m = re.search(r"Đơn vị tính: ([^;]+)", text)
        row_unit = m.group(1).strip() if m else ""
        if not row_unit.isupper():  # "Thủ tục", "Người": a cell's capital starts it, no name
            row_unit = row_unit[:1].lower() + row_unit[1:]
        return [
            Segment(raw, value, unit or row_unit, pos, text, "") for raw, value, unit, pos in figs
        ]
    out: list[Segment] = []
    for k, (raw, value, unit, pos) in enumerate(figs):
        start = figs[k - 1][3] + len(figs[k - 1][0]) if k else max(0, pos - 120)
        end = figs[k + 1][3] if k + 1 < len(figs) else pos + 80
        # what follows a figure up to a break is about it ("10 tuyến mới và"), what follows
        # the last break before it is too ("…), số hồ sơ trễ hạn là 1.740")
        cut = _BREAK if clauses else _CLAUSE
        clauses_before = cut.split(text[start:pos])
        before, after = clauses_before[-1], cut.split(text[pos:end])[0]
        if text.rfind("(", 0, pos) > text.rfind(")", 0, pos):  # "(quý II: 11 ca), lũy kế …"
            after = after.split(")")[0]  # a bracketed figure's words end with the bracket
        if not before.strip() and text[start:pos].rstrip().endswith(":"):
            before = clauses_before[-2]  # "Tổng số tiền xử phạt: 112,3 triệu đồng": its label
        # a breakdown in brackets ("5.264 hồ sơ liên thông (4.031 hồ sơ khai sinh …)") is
        # about what its head figure counts
        opened = text.rfind("(", 0, pos)
        if (
            clauses
            and opened > text.rfind(")", 0, pos)
            and (head := [o for o in out if o.pos < opened])
        ):
            before = f"{head[-1].before} {head[-1].after} {before}"
        out.append(Segment(raw, value, unit, pos, before, after))
    return out


_CLAUSE = re.compile(r"[;:]")
_BREAK = re.compile(r"[;:,()]| và | trong đó ")

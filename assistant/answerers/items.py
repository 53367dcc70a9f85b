"""The items of a list written in a sentence or a footnote ("xã A: 05 vụ; xã B: 02 vụ",
"56.920 hội viên hội người cao tuổi, 72.142 hội viên hội nông dân"): each with its name,
its figure as written and what it counts — what a superlative picks the extreme of. A row
that sums the others ("Tổng cộng", "Toàn tỉnh") is never one of them."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from assistant.answerers.figures import PLACE_NUMBER
from assistant.answerers.sums import aggregate
from index import vn

_ITEM = re.compile(
    r"(?P<name>[^;:,()\n]{2,90}?)\s*(?::\s*|\(\s*)(?P<num>\d[\d.,]*)\s*(?P<unit>[^\s;,()]*)"
)


@dataclass(frozen=True)
class Item:
    name: str
    raw: str
    value: float
    quote: str  # the item as written (a table row: its label and the asked-for cells)
    source: str = ""  # the line of the passage it comes from
    unit: str = ""  # the first word after its figure, folded ("vu", "hoi"): what it counts
    column: str = ""  # a table row's: the header of the column its figure is read from


_FIGURE_UNIT = re.compile(r"(?<![\w.,/])(?P<num>\d[\d.,]*)(?![\d/.])\s*(?P<unit>[^\W\d_]+)?")
_BULLET = re.compile(r"^[\s\-+•*]+")
_ENUMERATOR = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)](?!\d))\s*")
# a list's lead up to its first numbered item: what the items are, none of them
_LEAD_TO_FIRST = re.compile(r"^[^;:()]*:\s*(?=\(1\)\s)")


_LABELLED = re.compile(
    r"(?P<name>[^;:()\n]{2,90}?)\s*:\s*(?P<num>\d[\d.,]*)\s*(?P<unit>[^\s;,()]*)"
)


def _last_labelled(part: str) -> re.Match[str] | None:
    """In "Thu đối với công trình: 01 công trình miễn phép: 1.440.000 đồng" the item is
    the innermost label and its figure, not the heading's "công trình: 01"."""
    tail = part.rsplit(":", 2)
    if len(tail) < 3:
        return None
    return _LABELLED.fullmatch(f"{tail[1]}:{tail[2]}".strip(" ."))


# what leads a list in ("…, cụ thể:", "gồm:", "như sau:"): the lead's own figure (the
# total) is no item of it
_LEAD = re.compile(r"^.*\b(?:cụ thể|bao gồm|gồm|như sau|trong đó|sau đây)\s*:\s*(?=\D)", re.S)


# a bracket opening a list: by its lead or the kind of place its first item is ("(tập
# trung ở thôn Tân Phú 11 hộ, …", "(thôn Bàu Sen 2,4 tấn; …"), not "(Nhật Bản 08, …"
_OPENS_LIST = re.compile(
    r"\s*(?:tập trung|gồm|trong đó|chủ yếu|cụ thể|nhiều nhất|thôn|bản|xã|phường|tổ dân phố|"
    r"khu phố)\b"
)
# "(Thuế tỉnh 217 TTHC; …", "(Mầm non 312 trẻ, …": a name, capitalised, and its count
_NAMED_COUNT = re.compile(r"\s*(\w+)(?:\s+[^\d\s(),;:]+){0,6}\s+\d[\d.,]*\s+[^\W\d_]")


def _named(opened: str) -> bool:
    return bool((m := _NAMED_COUNT.match(opened)) and m.group(1)[:1].isupper())


_CLOSED = re.compile(r"([^()]*\d[^()]*)\)")  # "… Tân Hòa 03 hộ)": the list's last item
_PAREN = re.compile(r"\(\s*(?P<num>\d[\d.,]*)\s*(?P<unit>[^\W\d_]+)\s*\)")


def _counted_after(part: str) -> tuple[str, Item] | None:
    """ "Khu đô thị mới Bến Bắc (03 hộ)": the figure in brackets after a name is the
    item's, whatever figure the list's lead gave before ("… cho 50 hộ gia đình ảnh hưởng
    bởi 10 dự án: Khách sạn, sân golf Hoàng Đồng (17 hộ)")."""
    found = list(_PAREN.finditer(part))
    if not found or (value := vn.parse_number(found[-1].group("num"))) is None:
        return None
    m = found[-1]
    name = part[: m.start()].rsplit(":", 1)[-1]
    name = re.sub(r"^[\s\-+•]*(?:gồm|trong đó|như)?:?\s*", "", name).strip(" ,.")
    quote = _BULLET.sub("", part[: m.end()]).strip(" .")
    return vn.fold(m.group("unit")), Item(name, m.group("num"), value, quote)


def _counted_figure(part: str, counted: Collection[str]) -> re.Match[str] | None:
    """The part's figure: the first, or the first that counts what the question counts
    ("UBND tỉnh đã ban hành 40 quyết định" past "HĐND … 08 nghị quyết" for "nhiều quyết
    định nhất")."""
    found = _figures(part)
    fit = [f for f in found if vn.fold(f.group("unit") or "") in counted]
    return (fit or found or [None])[0]


_KM = re.compile(r"\bKm\s*\d+(?:\+\d+)?", re.I)


def _without_milestones(part: str) -> tuple[str, Callable[[str], str]]:
    """The part with each road's kilometre mark ("Km 113+050") a token without digits — a
    place on a road, no count — and the function that writes the marks back."""
    marks: dict[str, str] = {}

    def token(m: re.Match[str]) -> str:
        marks[key := f"Km§{'x' * (len(marks) + 1)}§"] = m.group(0)  # unique, and no digit
        return key

    masked = _KM.sub(token, part)

    def restore(text: str) -> str:
        for key, mark in marks.items():
            text = text.replace(key, mark)
        return text

    return masked, restore


def text_items(text: str, counted: Collection[str] = ()) -> list[Item]:
    """The items of a list written in a sentence or a footnote: "xã A: 05 vụ; xã B: 02 vụ",
    "56.920 hội viên hội người cao tuổi, 72.142 hội viên hội nông dân", "tỉnh Lâm Đồng đã
    rà soát 77 văn bản; tỉnh Đắk Nông … 397 văn bản". Only the items that count the same
    unit as most of them are kept, so a list never compares two kinds of things. `counted`:
    the question's folded words, to pick among an item's figures the one counting them."""
    text = vn.strip_markers(text)
    if headed := _headed_lines(text, counted):
        return headed
    found = []
    # items set apart by ";" keep their commas ("Cải tạo, mở rộng đường Bà Triệu (13 hộ)")
    cut = r"[;\n]" if text.count(";") >= 2 else r"[;\n]|,\s(?=[^\d]|\d[\d.,]*\s+[^\W\d_])"
    for part in re.split(cut, text):
        # a numbered item ("(1) Tàu …: … - phạt 750 triệu đồng, tước giấy phép 06 tháng") is
        # read in the unit of the others when its first figure counts something else
        part = _LEAD_TO_FIRST.sub("", part)  # "05 vụ có mức phạt lớn nhất: (1) Tàu …"
        numbered = _ENUMERATOR.search(part) is not None
        part = _ENUMERATOR.sub("", part)  # "(13) Thu thuế khoán": a place in a list, no count
        opened = part[part.rfind("(") + 1 :]
        if part.count("(") > part.count(")") and (_OPENS_LIST.match(opened) or _named(opened)):
            part = opened  # "29 hộ (tập trung ở thôn Tân Phú 11 hộ, …": a list opens in it
        elif part.count(")") > part.count("(") and (m := _CLOSED.match(part)):
            part = m.group(1)  # "… Tân Hòa 03 hộ), chủ yếu do …": it closes (not "đ) Tiếp tục")
        part = _LEAD.sub("", part)  # "… đạt 85,12%, cụ thể: Chi lương hưu … đạt 73,09%"
        quote = _BULLET.sub("", part).strip(" .")
        part, restore = _without_milestones(part)
        if paren := _counted_after(part):
            found.append((paren[0], replace(paren[1], name=restore(paren[1].name)), ""))
            continue
        m = _last_labelled(part) or _ITEM.search(part)
        if m and (value := vn.parse_number(m.group("num"))) is not None:
            name = re.sub(r"^[\s\-+•]*(?:gồm|trong đó|như)?:?\s*", "", m.group("name")).strip()
            name = restore(name)
            raw, unit = m.group("num"), vn.fold(m.group("unit") or "").rstrip(".:")
            # "xã Sơn Hà: 04 vụ, 04 người chết" for "nhiều người chết nhất": the item's figure
            # that counts what is asked, when its first counts something else
            later = _counted_figure(part[m.end("num") :], counted) if counted else None
            said = vn.fold(later.group("unit") or "") if later else ""
            other = vn.parse_number(later.group("num")) if later else None
            if unit not in counted and said in counted and later and other is not None:
                raw, unit, value = later.group("num"), said, other
            rest = part[m.end("num") :] if numbered else ""
            found.append((unit, Item(name, raw, value, quote), rest))
        elif (
            (f := _counted_figure(part, counted))
            and not vn.YEAR_RE.fullmatch(f.group("num"))
            and (value := vn.parse_number(f.group("num")))
        ):
            name = restore((part[: f.start()] + part[f.end() :]).strip(" .:-"))
            unit = vn.fold(f.group("unit") or "")
            rest = part[f.end() :] if numbered else ""
            found.append((unit, Item(name, f.group("num"), value, quote), rest))
    found = [(*_past_lead((u, i)), rest) for u, i, rest in found]
    found = [(u, i, rest) for u, i, rest in found if not aggregate(i.name)]  # "Tổng cộng"
    if not found:
        return []
    units = [u for u, _, _ in found]
    common = max(units, key=units.count)  # the first of a tie: the same every run
    return [item for u, i, rest in found if (item := _in_unit(u, i, rest, common))]


def _in_unit(unit: str, item: Item, rest: str, common: str) -> Item | None:
    """The item counted in the unit most items count in: its own figure, or a later one of
    it in that unit ("tước giấy phép 06 tháng …" read first, "phạt 750 triệu đồng" after)."""
    if unit == common:
        return replace(item, unit=unit)
    # (past a lead's colon: "05 vụ vi phạm, phạt 1.800 triệu đồng: (1) Tàu A - 750 triệu")
    rest = rest.rsplit(":", 1)[-1]
    later = next((f for f in _figures(rest) if vn.fold(f.group("unit") or "") == common), None)
    if later is None or (value := vn.parse_number(later.group("num"))) is None:
        return None
    return replace(item, raw=later.group("num"), value=value, unit=common)


def _past_lead(found: tuple[str, Item]) -> tuple[str, Item]:
    """ "Các khoản thu còn lại …: lệ phí trước bạ 731,2 triệu đồng": the first item past the
    list's lead, which lumps the rest together ("còn lại")."""
    unit, item = found
    lead, _, rest = item.name.rpartition(":")
    if not lead or not aggregate(item.name) or aggregate(rest) or not vn.terms(rest):
        return found
    return unit, replace(item, name=rest.strip(), quote=item.quote.rpartition(":")[2].strip())


# "- Dự án Hồ chứa nước Khuổi Lặn: kế hoạch vốn 95,0 tỷ đồng, giải ngân 1,9 tỷ đồng (2,0%); …"
_HEADED = re.compile(
    r"^[ \t]*[-+•*][ \t]*(?P<name>[^:\n]{3,120}?)[ \t]*:[ \t]*(?P<rest>[^\n]+)$", re.M
)
_RATE_ASKED = frozenset({"le", "phan", "%"})


def _headed_lines(text: str, counted: Collection[str]) -> list[Item]:
    """A list a line an item, each line named by its head and saying several figures of
    it: the item is the head ("- Dự án X: kế hoạch vốn 95,0 tỷ đồng, giải ngân 1,9 tỷ đồng
    (2,0%)"), or the record's first field ("- Chỉ tiêu: Sản phẩm OCOP; kế hoạch năm 02 sản
    phẩm; …; đạt 50%"), and its figure the one said of what the question measures (the
    words before it in its clause; a rate when one is asked), one measure for every item —
    not the words between a decimal comma and a bracket."""
    rows = []
    for m in _HEADED.finditer(text):
        name, rest = _BULLET.sub("", m.group("name")).strip(), m.group("rest").strip(" .")
        first, _, after = rest.partition(";")
        if after and not re.search(r"\d", first):  # a record: its name, then its fields
            name, facts, quote = first.strip(), after.strip(" ."), rest
        else:
            facts = first.strip(" .")
            quote = f"{name}: {facts}"
        rows.append((name, facts, quote, _figures(facts)))
    # "Tổng cộng" sums the others; a record's "Tổng thu NSNN trên địa bàn" is one of them
    rows = [r for r in rows if not (aggregate(r[0]) and len(r[0].split()) <= 3)]
    if len(rows) < 3 or sum(len(f) >= 2 for *_, f in rows) * 2 < len(rows):
        return []  # one figure a line: the items as any list's

    def clause(facts: str, f: re.Match[str]) -> list[str]:
        return vn.syllables(vn.fold(_CLAUSE_CUT.split(facts[: f.start()])[-1]))

    asked_words = set(counted)
    rate_asked = bool(_RATE_ASKED & asked_words)

    def fit(facts: str, f: re.Match[str]) -> int:
        rate = facts[f.end("num") :].lstrip().startswith("%")
        asked = len(set(clause(facts, f)[-3:]) & asked_words)
        return asked + (3 * rate if rate_asked else 0)

    def label(facts: str, f: re.Match[str]) -> str:
        return " ".join(clause(facts, f)[-2:])

    rows = [r for r in rows if r[3]]
    labels = [label(t, max(f, key=lambda x, t=t: fit(t, x))) for _, t, _, f in rows]
    measure = max(labels, key=labels.count)  # one measure for every item
    found, none = [], []
    for name, facts, quote, figures in rows:
        chosen = next((f for f in figures if label(facts, f) == measure), None)
        if chosen is None or (value := vn.parse_number(chosen.group("num"))) is None:
            # "kế hoạch vốn 58,4 tỷ đồng, chưa giải ngân": none of the measure yet, the least
            if f"chua {measure}" in " ".join(vn.syllables(vn.fold(facts))):
                none.append(Item(name, "", 0.0, quote))
            continue
        rate = facts[chosen.end("num") :].lstrip().startswith("%")
        unit = "%" if rate else vn.fold(chosen.group("unit") or "")
        found.append(Item(name, chosen.group("num"), value, quote, unit=unit))
    units = [i.unit for i in found]
    common = max(units, key=units.count) if units else ""
    if len(found) < 3:
        return []
    return [i for i in found if i.unit == common] + [replace(i, unit=common) for i in none]


_CLAUSE_CUT = re.compile(r"[;(]|,(?!\d)")


def _figures(text: str) -> list[re.Match[str]]:
    """The figures that count: not a year, nor a number in a name ("giai đoạn 2", "ĐT 714"),
    nor in a code ("tàu HM-91046-TS": a vessel, not 91.046 of anything)."""
    return [
        f
        for f in _FIGURE_UNIT.finditer(text)
        if not vn.YEAR_RE.fullmatch(f.group("num"))
        and not _IN_NAME.search(text[: f.start()])
        and not _IN_CODE.search(text[: f.start()])
        and not re.match(r"-[^\W\d_]", text[f.end("num") :])
    ]


_IN_CODE = re.compile(r"[^\W\d_]-$")


# … nor a body's number ("Ban Quản lý dự án đầu tư xây dựng số 03"; "tổng số 12" counts)
_IN_NAME = re.compile(
    r"(?<!\w)(?:giai đoạn|lần thứ|khóa|(?<!tổng )số)\s*$|" + PLACE_NUMBER.pattern, re.I
)

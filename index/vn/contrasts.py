"""Words of one kind that exclude each other: a sentence about "vụ Mùa" does not answer
for "vụ Đông Xuân", one about "cấp tỉnh" not for "cấp xã", "viên chức" not "công chức".

Closed sets of the reports' own categories (crop seasons, levels of government and of
schooling, kinds of civil servant, of civil registration, of online service, a case done on
time or late, the land-use fee or the whole budget revenue, herds), each member with its
other spellings; matched on folded text, so questions typed without diacritics are read
alike.
"""

from __future__ import annotations

import functools
import re

from index.vn.text import fold, syllables

Members = tuple[tuple[str, ...], ...]  # a closed set: each member with its spellings
SCHOOLING: Members = (
    ("mam non",),
    ("tieu hoc",),
    ("trung hoc co so", "thcs"),
    ("trung hoc pho thong", "thpt"),
)
VISITORS: Members = (("khach quoc te", "khach nuoc ngoai"), ("khach noi dia", "khach trong nuoc"))
# the communicable diseases a health paragraph counts one by one
DISEASES: Members = (
    ("sot xuat huyet", "sxh"),
    ("tay chan mieng", "tcm"),
    ("dau mat do",),
    ("thuy dau",),
    ("ho ga",),
    ("bach hau",),
)

CONTRASTS: tuple[Members, ...] = (
    # (the North's "vụ Xuân" is the Đông Xuân crop; its "vụ Đông" another, sown in autumn)
    (("dong xuan", "vu xuan"), ("he thu",), ("thu dong",), ("vu mua",), ("vu dong",)),
    (("cap tinh",), ("cap huyen",), ("cap xa", "cap phuong"), ("cap trung uong",)),
    SCHOOLING,
    (("cong chuc",), ("vien chuc",)),
    VISITORS,
    (("khai sinh",), ("khai tu",), ("ket hon",)),
    (("toan trinh",), ("truc tuyen mot phan",)),
    (("dung han", "truoc han"), ("tre han", "qua han")),
    (("xuat khau",), ("nhap khau",)),
    # households out of poverty, fallen back into it, newly poor; poor or near-poor
    (("thoat ngheo",), ("tai ngheo",), ("phat sinh ngheo", "ho ngheo moi", "ngheo phat sinh")),
    (("ho ngheo",), ("ho can ngheo",)),
    DISEASES,
    # the herds a farming paragraph counts one by one ("tổng đàn lợn …, đàn trâu …": no cows)
    (
        ("dan trau", "con trau", "trau"),
        ("dan bo", "con bo", "bo sua", "bo thit"),
        ("dan lon", "con lon", "heo", "lon thit"),
        ("gia cam",),
    ),
    # what the budget took in and what it spent
    (
        ("thu ngan sach", "thu nsnn", "tong thu", "thu noi dia", "so thu"),
        ("chi ngan sach", "chi nsnn", "tong chi", "chi thuong xuyen", "chi dau tu", "so chi"),
    ),
    # the land-use fee is one part of the budget revenue: the total does not give it
    (
        ("tien su dung dat", "tien dat", "thu tu dat"),
        ("thu ngan sach nha nuoc", "thu nsnn", "thu ngan sach"),
    ),
)


def _padded(text: str) -> str:
    return f" {' '.join(syllables(fold(text)))} "


# what a unit says it has no figures for names no member it is about ("Số liệu đơn vị sự
# nghiệp cấp tỉnh do chưa có số liệu cụ thể … của đơn vị sự nghiệp cấp xã")
_LACKING = re.compile(r"\b(?:do |vì )?chưa có (?:số liệu|thông tin|dữ liệu)[^.;]*", re.I)


# months counted from January: "9 tháng" asked, "lũy kế 8 tháng", "8 tháng đầu năm" said
_SPAN_ASKED = re.compile(r"(?<!ngay )(?<!\d )\b([2-9]|1[0-2]) thang\b(?! \d)")
_SPAN_SAID = re.compile(
    r"\b(?:luy ke|cong don|tinh chung) ([2-9]|1[0-2]) thang\b|"
    r"\b([2-9]|1[0-2]) thang (?:dau nam|nam \d{4})\b"
)


def _other_span(asked_in: str, unit_in: str) -> bool:
    asked = {m.group(1) for m in _SPAN_ASKED.finditer(asked_in)}
    said = {m.group(1) or m.group(2) for m in _SPAN_SAID.finditer(unit_in)}
    return bool(asked and said and not asked & said)


# "riêng quý III xuất khẩu bao nhiêu": that quarter alone — "9 tháng ước đạt 1.284,6 triệu
# USD", a running total holding it, does not give it (unless the unit names that period too)
_ONE_PERIOD = r"\b(thang \d{1,2}|quy (?:iv|i{1,3}|[1-4]))\b"
_ONLY = re.compile(rf"\brieng (?:trong )?{_ONE_PERIOD}")
_RUNNING = re.compile(
    r"\b(?:luy ke|cong don|tinh chung|tu dau nam|ca nam)\b|\b(?:[2-9]|1[0-2]) thang\b(?! \d)"
)
_QUARTER = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _period_key(phrase: str) -> str:
    kind, n = phrase.split()
    return f"{kind} {_QUARTER.get(n, n).lstrip('0')}"


def _not_only(asked_in: str, unit: str) -> bool:
    """(`unit` folded, its punctuation kept: "Thực hiện 9 tháng: 1.284,6" is no "9 tháng 1")"""
    m = _ONLY.search(asked_in)
    if not m or not _RUNNING.search(unit) or _RUNNING.search(asked_in):
        return False  # (nor when the running total is asked too: "…, cộng dồn bao nhiêu?")
    named = re.findall(_ONE_PERIOD, unit)
    return _period_key(m.group(1)) not in {_period_key(p) for p in named}


# a road by its code: "ĐT.512", "ĐT742B", "QL1A", "quốc lộ 4B", "đường tỉnh 263"
_CODE = re.compile(r"\b(dt|ql|dh|quoc lo|duong tinh|duong huyen)\s*\.?\s*(\d{1,4}[a-z]?)\b")
_CODE_KIND = {"quoc lo": "ql", "duong tinh": "dt", "duong huyen": "dh"}


def _codes(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in _CODE.finditer(fold(text)):
        out.setdefault(_CODE_KIND.get(m.group(1), m.group(1)), set()).add(m.group(2))
    return out


@functools.lru_cache(maxsize=256)
def _asked_codes(question: str) -> dict[str, frozenset[str]]:
    # read once per question (every unit of it is checked); shared, so read-only
    return {kind: frozenset(nums) for kind, nums in _codes(question).items()}


def _other_code(question: str, unit: str) -> bool:
    """ "dự án nâng cấp ĐT.512": a unit about ĐT.507 alone is about another road."""
    asked = _asked_codes(question)
    if not asked:
        return False
    said = _codes(unit)
    return any(said.get(kind) and not said[kind] & nums for kind, nums in asked.items())


def contrasted(question: str, unit: str) -> bool:
    """Whether `unit` names another member of a set the question names a member of, and
    none of those the question names: it is about another thing of the same kind (so is a
    running total of other months: "lũy kế 8 tháng" for "9 tháng")."""
    asked_in, unit_in = _padded(question), _padded(_LACKING.sub(" ", unit))
    if _other_span(asked_in, unit_in) or _not_only(asked_in, fold(unit)):
        return True
    if _other_code(question, unit):
        return True
    for group in CONTRASTS:
        named = [any(f" {s} " in asked_in for s in member) for member in group]
        if not any(named):
            continue
        held = [any(f" {s} " in unit_in for s in member) for member in group]
        if any(h and not n for h, n in zip(held, named, strict=True)) and not any(
            h and n for h, n in zip(held, named, strict=True)
        ):
            return True
    return False


# the sets a count is split by, whose whole is no member's count
_SPLIT_BY = (VISITORS, DISEASES, SCHOOLING)


def member_unnamed(question: str, unit: str) -> bool:
    """Whether the question names a member of a set a count is split by ("bao nhiêu khách
    quốc tế") and `unit` names none of that set: it counts the whole ("18.400 lượt khách du
    lịch"), not the part asked."""
    asked_in, unit_in = _padded(question), _padded(unit)
    for group in _SPLIT_BY:
        named = any(f" {s} " in asked_in for member in group for s in member)
        if named and not any(f" {s} " in unit_in for member in group for s in member):
            return True
    return False


def other_member(asked: str, previous: str) -> tuple[str, str] | None:
    """A member of a set `asked` names, and the other member of that set `previous` names
    instead — ("tay chan mieng", "sot xuat huyet") for "còn tay chân miệng?" after a
    question about dengue — as (asked's, previous's), folded; None when there is none."""
    asked_in, prev_in = _padded(asked), _padded(previous)
    for group in CONTRASTS:
        said = [
            [s for s in member if f" {s} " in text]
            for text in (asked_in, prev_in)
            for member in group
        ]
        mine, theirs = said[: len(group)], said[len(group) :]
        ours = [i for i, m in enumerate(mine) if m]
        other = [i for i, t in enumerate(theirs) if t and not mine[i]]
        if len(ours) == 1 and other and not theirs[ours[0]]:
            return mine[ours[0]][0], theirs[other[0]][0]
    return None

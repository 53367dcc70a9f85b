"""The kind of place a superlative asks for ("xã nào", "thôn nào", "nơi nào", "which
commune") and whether a list's items are of it: named so one by one, or once before them."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answerers import tables
from assistant.answerers.items import Item
from assistant.answerers.named import names_kind
from assistant.named_reports import places_typed, wards_typed
from assistant.query import Query
from index import vn
from index.chunk import is_table_row

# a kind of place asked for ("xã nào"), folded → as reports write it (named.names_kind)
KIND_OF = {"xa": "xã", "phuong": "phường", "huyen": "huyện", "thon": "thôn", "truong": "trường"}
# not "địa phương"; "xã, phường nào": either kind
_KIND_ASKED = re.compile(rf"(?<!dia )\b((?:(?:{'|'.join(KIND_OF)}) )+)nao\b")
_KIND_EN = {"commune": "xa", "ward": "phuong", "district": "huyen", "village": "thon",
            "school": "truong"}  # fmt: skip
_KIND_ASKED_EN = re.compile(rf"\bwhich ({'|'.join(_KIND_EN)})s?\b")


# "nơi nào", "địa phương nào", "ở đâu": a place, of whatever kind
_PLACE_ASKED = re.compile(
    r"\b(?:noi nao|dia phuong nao|dia ban nao|(?:o|tai) dau|which (?:place|locality|area)s?)\b"
)
# "trong các Trung tâm Y tế khu vực, nơi nào …": what it picks among, said (no place)
_AMONG = re.compile(r"\btrong (?:cac|so|nhung) ")
# a place by its name: its kind, then a capital ("phường Tân An", "P. Bến Đò"), not
# "toàn tỉnh", "các xã"
_PLACE_NAMED = re.compile(
    r"(?<!\w)(?:xã|phường|thị trấn|thôn|bản|huyện|tỉnh|thành phố|tp\.|p\.|x\.)\s+(\w)", re.I
)


def _names_place(text: str) -> bool:
    return any(m.group(1).isupper() for m in _PLACE_NAMED.finditer(vn.nfc(text)))


def each_named(plain: str, items: list[Item]) -> bool:
    """With a place asked ("xã, phường nào"), every item is a place by its name: "cấp tỉnh
    05 TTHC, cấp xã 04 TTHC" split a figure by levels, no commune among them."""
    asked = _KIND_ASKED.search(plain) or _KIND_ASKED_EN.search(plain) or _PLACE_ASKED.search(plain)
    return not asked or all(_names_place(i.name) for i in items)


def of_kind(plain: str, items: list[Item], lead: str) -> bool:
    """ "Xã nào …": a list of xã — its items are named so ("xã Quảng Lạc", "P. Tân Giang"),
    or what leads to it says so ("tại các xã⁵") — not a table of indicators that mentions
    "cấp xã". "Nơi nào …": a list of places of any kind."""
    if m := _KIND_ASKED.search(plain):
        run = m.group(1).split()  # "trong khối xã phường, xã nào": xã, named again
        kinds = [KIND_OF[k] for k in ([run[-1]] if run.count(run[-1]) > 1 else run)]
    elif m := _KIND_ASKED_EN.search(plain):  # "which commune or ward …"
        kinds = [KIND_OF[_KIND_EN[m.group(1)]]]
    elif _PLACE_ASKED.search(plain) and not _AMONG.search(plain):
        # places named one by one, or of a kind their lead says once ("Gồm các xã: Khe Lau")
        named = sum(_names_place(i.name) for i in items) * 2 >= len(items)
        return named or any(names_kind(k, lead) for k in KIND_OF.values())
    else:
        return True
    named = sum(any(names_kind(k, i.name) for k in kinds) for i in items)
    # "(tập trung ở thôn Tân Phú 11 hộ, Bàu Sen 07 hộ, …": the kind written once, before
    # the first item's own name (not "Tỷ lệ hồ sơ cấp xã": an indicator)
    first = vn.nfc(" ".join(items[0].name.split()[-4:]))
    return (
        named * 2 >= len(items)
        or any(names_kind(k, lead) for k in kinds)
        or any(m.group(1).isupper() for k in kinds for m in _THEN_NAME[k].finditer(first))
    )


# a kind, then the first letter of what follows it ("thôn Tân Phú")
_THEN_NAME = {k: re.compile(rf"(?<!\w){re.escape(k)}\s+(\w)", re.I) for k in KIND_OF.values()}


def head_on(words: list[str]) -> list[str]:
    """From the kind of place the run names on: in "vụ đông thôn nào" the items are thôn,
    "vụ đông" what they are measured by (not "địa phương nào")."""
    at = [i for i, w in enumerate(words) if w in KIND_OF and i and words[i - 1] != "dia"]
    if not at:
        return words
    i = at[-1]
    while i and words[i - 1] in KIND_OF:  # "xã, phường nào": either kind
        i -= 1
    return words[i:]


# a place the question names by its kind and name ("của xã Pu Lai", not "các xã còn lại")
_ONE_PLACE_Q = re.compile(
    r"\b(?:xa|phuong|thon|ban|thi tran|huyen|khu vuc) (?!nao|do|nay|khac|con|cua|va|phuong|xa)\w+"
)
# a row of a place, folded: "Xã Tân Hải", "Phường Hải Châu", "Thôn Bãi Sậy" — its name after
# its kind
_ROW_PLACE = re.compile(r"^(?:xa|phuong|thi tran|thon|to dan pho|dac khu|huyen|khu pho) (.+)$")


# a unit named for its area ("Trung tâm Y tế khu vực Hòa Phong"): the area's name, capitalised
_AREA_NAMED = re.compile(r"(?<!\w)(?i:khu vực)\s+([A-ZĐÂĂÊÔƠƯ]\w*(?:\s+[A-ZĐÂĂÊÔƠƯ]\w*){0,3})\s*$")


def row_place(label: str) -> str:
    """The place a table row's label names, folded ("tan hai" of "Xã Tân Hải (cũ)", "hoa
    phong" of "Trung tâm Y tế khu vực Hòa Phong"); "" when it names none — nor does a
    sentence ("Xã đạt 15/19 tiêu chí …")."""
    if area := _AREA_NAMED.search(vn.nfc(re.split(r"[(,]", label)[0])):
        return vn.fold(area.group(1))
    m = _ROW_PLACE.match(" ".join(vn.syllables(vn.fold(re.split(r"[(,]", label)[0]))))
    name = m.group(1).split() if m else []
    numbered = len(name) == 1  # "Tổ dân phố 9": a number is its name
    return (
        " ".join(name) if len(name) <= 4 and (numbered or not any(map(str.isdigit, name))) else ""
    )


def other_place_row(folded: str, sentence: str) -> bool:
    """ "tỷ lệ che phủ rừng của xã Pu Lai": a table row of another commune ("Đơn vị: Xã Cẩm
    Vân"), or of the communes left over ("Các xã, phường còn lại (91 đơn vị)", counting it
    among 91 others), gives none of its own."""
    if not is_table_row(sentence) or not _ONE_PLACE_Q.search(folded):
        return False
    label = tables.Row(tables.cells(sentence), "", "").label
    if "còn lại" in label.lower():
        return "con lai" not in folded
    place = row_place(label)
    return bool(place) and f" {place} " not in f" {' '.join(vn.syllables(folded))} "


# the levels of place a report names: a commune's (xã, phường, thị trấn) and a village's
_LEVEL = {"xa": 0, "phuong": 0, "thi tran": 0, "thon": 1, "ban": 1, "to dan pho": 1, "khu pho": 1}
# a place by its kind and its name, capitalised as reports write it ("phường Tân An")
_SAID_PLACE = re.compile(
    r"(?<!\w)((?i:xã|phường|thị trấn|thôn|bản|tổ dân phố|khu phố))\s+"
    r"((?:[A-ZĐÂĂÊÔƠƯ]\w*|\d+)(?:\s+[A-ZĐÂĂÊÔƠƯ]\w*){0,3})"
)


def _places_said(text: str) -> list[tuple[str, str]]:
    return [(vn.fold(m.group(1)), vn.fold(m.group(2))) for m in _SAID_PLACE.finditer(vn.nfc(text))]


def _places_asked(query: Query) -> tuple[tuple[str, str], ...]:
    """The places a question names by kind and name: capitalised, or typed plainly."""
    if query.english:
        return ()
    if query.accented:
        return _places_written(query.text)
    return _places_typed(query.folded)


@lru_cache(maxsize=256)
def _places_written(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(_places_said(text))  # (read once per question: every unit asks again)


@lru_cache(maxsize=256)
def _places_typed(folded: str) -> tuple[tuple[str, str], ...]:
    plain = " ".join(vn.syllables(folded))
    typed = [(kind, name) for name in places_typed(folded)
             if (kind := next((k for k in _LEVEL if f"{k} {name}" in plain), ""))]  # fmt: skip
    return (*typed, *(("phuong", w) for w in wards_typed(plain)))


def other_place_said(query: Query, sentence: str) -> bool:
    """ "Chỉ số Breteau ở phường Bắc Sơn": a sentence giving it for "phường Tân An … xã Phú
    Cường", other places of that level and not the one asked, gives none of its own."""
    if not (asked := _places_asked(query)):
        return False
    levels = {_LEVEL[k] for k, _ in asked}
    said = _places_said(sentence)
    if not any(_LEVEL.get(k) in levels for k, _ in said):
        return False
    here = f" {' '.join(vn.syllables(vn.fold(sentence)))} "
    return not any(f" {name} " in here for _, name in asked)

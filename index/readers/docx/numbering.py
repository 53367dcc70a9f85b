"""Word list numbering (numbering.xml): the label Word shows before a numbered paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from index.readers.docx.xml import _val, w
from index.structure import clean

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for v, s in _ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # w:isLgl: every level's number in decimal ("1.2", not "I.2")


class _Numbering:
    """Word auto-numbering (w:numPr), enough to give "I.", "1.", "1.2.", "a)", "-" labels
    so numbered headings and list items read as they print."""

    def __init__(self, root: etree._Element | None):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for a in root.findall(w("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in a.findall(w("lvl")):
                ilvl = int(lvl.get(w("ilvl"), "0"))
                start = _val(lvl.find(w("start")))
                levels[ilvl] = _Level(
                    fmt=_val(lvl.find(w("numFmt"))) or "decimal",
                    text=_val(lvl.find(w("lvlText"))) or "",
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                    legal=lvl.find(w("isLgl")) is not None,
                )
            self.abstract[a.get(w("abstractNumId"), "")] = levels
        for n in root.findall(w("num")):
            overrides: dict[int, int] = {}
            for o in n.findall(w("lvlOverride")):
                so = _val(o.find(w("startOverride")))
                if so and so.isdigit():
                    overrides[int(o.get(w("ilvl"), "0"))] = int(so)
            self.nums[n.get(w("numId"), "")] = (_val(n.find(w("abstractNumId"))) or "", overrides)

    def label(self, num_id: str | None, ilvl: str | None) -> str:
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abs_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abs_id, {})
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        lv = levels.get(level)
        if lv is None:
            return ""
        counters = self.counters.setdefault(abs_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for k, v in overrides.items():
                counters[k] = v - 1
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if lv.fmt == "bullet":
            return "-"
        is_legal = lv.legal
        if lv.fmt == "none":
            return clean(re.sub(r"%\d", "", lv.text))

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            klv = levels.get(k, _Level())
            value = counters.get(k, klv.start)
            return _format_number(value, "decimal" if is_legal else klv.fmt)

        return re.sub(r"%(\d)", sub, lv.text).strip()

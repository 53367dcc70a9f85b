"""Figures an extractive answer derives, shown on the figures it quotes — never stated alone:
- "tháng trước là mấy vụ?" of a sentence writing its change from last month: "Suy ra tháng
  trước: 05 + 02 = 07 vụ.";
- "còn thiếu bao nhiêu?" of a sentence writing a part of a whole ("đạt 9.037/17.454 tỷ
  đồng"): "Còn lại: 17.454 − 9.037 = 8.417 tỷ đồng [2]."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answerers.kinds import kinds
from assistant.cite import Citer
from assistant.query import Query
from assistant.retrieve import Hit
from index import vn

# what is left of a whole: "còn thiếu bao nhiêu", "thiếu bao nhiêu so với kế hoạch", "còn
# bao nhiêu vốn chưa giải ngân", "còn lại bao nhiêu"
_REST_ASKED = re.compile(
    r"\b(?:con (?:thieu|lai)|thieu)\b(?:\s\w+){0,3} (?:bao nhieu|may)\b|"
    r"\b(?:bao nhieu|may)\b(?:\s\w+){0,3} (?:con )?(?:thieu|con lai)\b|"
    r"\bcon (?:bao nhieu|may)\b(?:\s\w+){0,4} chua\b"
)
# "9.037/17.454 tỷ đồng", "146/173 hộ" — not a date ("20/10", "15/11/2026")
_PART_OF = re.compile(
    r"(?<![\d/.,])(?P<a>\d[\d.,]*)\s*/\s*(?P<b>\d[\d.,]*)(?![\d/])"
    r"(?:\s+(?P<unit>(?:triệu |tỷ |nghìn )?[^\W\d_]+))?"
)


def lines(query: Query, picked: list[tuple[Hit, str]], citer: Citer) -> list[str]:
    """The derived lines for the quoted sentences (`picked`, cited by `citer`)."""
    out = []
    # "tháng trước là mấy vụ?" (of no month named) of a sentence writing its change from it
    asks_last = any(m.relative == "previous" and m.unit == "month" for m in query.periods)
    asks_last = asks_last and all(m.period is None for m in query.periods)
    if asks_last and (found := last_month([s for _, s in picked[:1]])):
        out.append(found)
    rest_asked = _REST_ASKED.search(" ".join(vn.syllables(query.folded))) is not None
    if rest_asked and (rest := _rest(query, picked, citer)):
        out.append(rest)
    return out


def _rest(query: Query, picked: list[tuple[Hit, str]], citer: Citer) -> str:
    """Of the first quoted sentence writing one part of a whole of what the question counts
    (its unit in the question, or money asked), the whole less the part."""
    asked = set(vn.syllables(query.folded))
    money = kinds(query.folded).money

    def counted(m: re.Match[str]) -> bool:
        unit = vn.fold(m.group("unit") or "").split()
        return any(u in asked for u in unit) or (money and unit[-1:] == ["dong"])

    for hit, sentence in picked[:3]:
        parts = [
            (m, ab) for m in _PART_OF.finditer(vn.nfc(sentence)) if (ab := _part(m)) and counted(m)
        ]
        if len(parts) != 1:
            continue  # none, or two wholes ("146/173 hộ; 38/40 ha"): which one is not said
        m, (a, b) = parts[0]
        shown = vn.difference(m.group("b"), b, m.group("a"), a, m.group("unit"), relative=False)
        # (its passage is cited already, unless quoted only as a footnote's lead)
        return f"Còn lại: {shown.calc} [{citer.cite(hit.chunk, hit.score, sentence)}]."
    return ""


def _part(m: re.Match[str]) -> tuple[float, float] | None:
    """The part and the whole an "a/b" writes, or None for a date ("20/10") or no part."""
    a, b = vn.parse_number(m.group("a")), vn.parse_number(m.group("b"))
    if a is None or b is None or not 0 < a < b:
        return None
    date_like = b <= 12 and a <= 31 and "." not in m.group(0) and "," not in m.group(0)
    return None if date_like else (a, b)


_FIGURE_RE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# "05 vụ (giảm 02 vụ so với tháng trước)", "69.436 người hưởng chế độ (tăng 12.685 người so
# với tháng trước)": the figure, its words up to the bracket, the change and its unit
_CHANGED_FROM_LAST = re.compile(
    rf"(?<![\d.,])(?P<now>{_FIGURE_RE})\s*(?P<unit>[^\d();,.]{{0,40}}?)\s*\((?P<dir>tăng|giảm)\s+"
    rf"(?P<by>{_FIGURE_RE})\s*(?P<by_unit>[^\d()]{{0,20}}?)\s*so với (?:tháng|kỳ) trước\)"
)


@dataclass(frozen=True)
class Derived:
    now: str
    by: str
    rose: bool
    unit: str  # what is counted, as the figure's own words begin ("vụ", "người")

    @property
    def calc(self) -> str:
        """ "05 + 02 = 07 vụ": written in the figures' own style (zero-padded counts)."""
        now, by = vn.parse_number(self.now) or 0.0, vn.parse_number(self.by) or 0.0
        decimals = max(len(x.partition(",")[2]) for x in (self.now, self.by))
        value = vn.format_number(now - by if self.rose else now + by, decimals)
        if self.now.startswith("0") and len(value) < len(self.now):
            value = value.zfill(len(self.now))  # "07 vụ", as the reports count
        op = "−" if self.rose else "+"
        return f"{self.now} {op} {self.by} = {value} {self.unit}".strip()


def changes(sentence: str) -> list[Derived]:
    """Each figure of the sentence written with its change from the month before."""
    out = []
    for m in _CHANGED_FROM_LAST.finditer(vn.nfc(sentence)):
        unit = (m.group("by_unit") or m.group("unit")).strip()
        out.append(Derived(m.group("now"), m.group("by"), m.group("dir") == "tăng", unit))
    return out


def last_month(sentences: list[str]) -> str:
    """ "Suy ra tháng trước: 05 + 02 = 07 vụ." for a question about last month answered by
    a sentence that writes its figure's change from it; "" when none does."""
    found = next((d for s in sentences for d in changes(s)), None)
    return f"Suy ra tháng trước: {found.calc}." if found else ""

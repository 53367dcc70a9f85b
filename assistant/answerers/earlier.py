"""The earlier period's figure a later report gives itself, when no report of that period
is indexed (or beside the one that is): in brackets after its own figure ("quý III ghi nhận
48 ca (quý II: 11 ca)"), in brackets after naming the period ("cao hơn quý I (7,64%) và quý
II (8,21%)"), or in the next sentence ("… xảy ra 24 vụ …. So với tháng 9/2026 (19 vụ, …),
tăng 05 vụ"). Both figures are quoted from the report; the difference is computed on them."""

from __future__ import annotations

import re

from assistant.answerers.clauses import sentence_before
from assistant.answerers.figures import Figure, figures_in
from assistant.answerers.summary import clean
from assistant.answerers.units import Candidate
from index import periods as P

# "(quý II: 11 ca)", "(quý III năm 2025 đạt 76,9%)", "(tháng 10 là 73 nhiệm vụ)"; the words
# of what is counted may stand between ("06 lượt tàu cá … mất kết nối VMS quá 6 giờ (tháng
# 10: 09 lượt)")
_BRACKET = re.compile(r"(?P<gap>[^();]{0,60}?)\((?P<inner>[^()]{3,60})\)")
_READS = re.compile(r"\s*(?::|là|đạt|có|ghi nhận)?\s*\d")
# "quý II (8,21%)"; the bracket may go on: "So với tháng 9/2026 (19 vụ, 11 người chết, …)"
_FIGURE_AFTER = re.compile(r"\s*\(\s*(?P<num>\d[\d.,]*)\s*(?P<unit>[^()\s,;]*)")


def given_earlier(
    figures: list[Figure], now: P.Period, base: P.Period
) -> tuple[Figure, Figure] | None:
    """Of the later period's figures (best first), the first whose report gives the earlier
    period's figure of the same unit beside it: (later, earlier)."""
    for fig in figures:
        text = clean(fig.candidate.sentence)
        if earlier := _in_brackets_after(text, fig, now, base):
            return fig, earlier
        if named := _after_naming(text, fig.unit, now, base, loose=False):
            raw, value, pos = named
            if any(r == fig.raw and p < pos for r, _v, _u, p in figures_in(text)):
                return fig, Figure(raw, value, fig.unit, fig.candidate)
        if pair := _next_sentence(fig, now, base):
            return pair
    return None


def _in_brackets_after(text: str, fig: Figure, now: P.Period, base: P.Period) -> Figure | None:
    for raw, _value, unit, pos in figures_in(text):
        m = _BRACKET.match(text, pos + len(raw))
        if raw != fig.raw or not _same_unit(unit, fig.unit) or not m:
            continue
        if any(_same_unit(u, unit) for _r, _v, u, _p in figures_in(m.group("gap"))):
            continue  # "06 lượt …, 12 lượt (tháng 10: …)": the bracket is the second's
        inner = m.group("inner")
        said = P.mentions(inner)  # the bracket opens with its period ("cùng kỳ năm 2025")
        if not said or said[0].start > 1 or P.resolve(said[0], now) != base:
            continue
        end = said[0].end
        for s in said[1:]:
            end = s.end if s.start - end <= 1 else end
        if not _READS.match(inner, end):
            continue
        figs = figures_in(inner[end:])
        if figs and _same_unit(figs[0][2], unit):
            return Figure(figs[0][0], figs[0][1], unit, fig.candidate)
    return None


def _after_naming(
    text: str, unit: str, now: P.Period, base: P.Period, loose: bool = True
) -> tuple[str, float, int] | None:
    """The earlier period's figure in brackets after `text` names the period, and where
    the period is named; of `unit` (of any, when `loose` and none is given: a bare "2010"
    of "giá so sánh 2010" is no "(7,46%)")."""
    said = P.mentions(text)
    for i, m in enumerate(said):
        if P.resolve(m, now) != base:
            continue
        end = m.end  # "cùng kỳ năm 2025 (58,9%)": the year written on names the same period
        for n in said[i + 1 :]:
            end = n.end if n.start - end <= 1 else end
        after = _FIGURE_AFTER.match(text, end)
        figs = figures_in(after.group(0).strip(" ()")) if after else []
        if figs and ((loose and not unit) or _same_unit(figs[0][2], unit)):
            return figs[0][0], figs[0][1], m.start
    return None


def _same_unit(a: str, b: str) -> bool:
    """One count written whole or shortened: "548.200 lượt khách … (612.400 lượt)"; never
    two ("người chết", "người bị thương")."""
    wa, wb = a.split(), b.split()
    return wa[: len(wb)] == wb or wb[: len(wa)] == wa if wa and wb else a == b


def _next_sentence(fig: Figure, now: P.Period, base: P.Period) -> tuple[Figure, Figure] | None:
    """ "So với tháng 9/2026 (19 vụ, …), tăng 05 vụ" opening a sentence: the later figure
    of that unit is the sentence before's ("… xảy ra 24 vụ tai nạn giao thông …")."""
    text = clean(fig.candidate.sentence)
    if not text.lower().startswith("so với"):
        return None
    named = _after_naming(text, "", now, base)
    if named is None or not named[0]:
        return None
    unit = next((u for r, _v, u, _p in figures_in(text) if r == named[0]), "")
    said = sentence_before(fig.candidate.hit.chunk.text, fig.candidate.sentence)
    later = next((f for f in figures_in(clean(said)) if f[2] == unit and unit), None)
    if not said or later is None:
        return None
    cand = Candidate(fig.candidate.hit, said, fig.candidate.score, fig.candidate.context)
    return Figure(later[0], later[1], unit, cand), Figure(named[0], named[1], unit, fig.candidate)

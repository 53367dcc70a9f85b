"""Two things one question sets side by side: "hồ sơ liên thông khai sinh nhiều hơn hồ sơ
khai tử bao nhiêu?" — the words before and after "nhiều hơn", and a figure of the question's
passages for each, in one unit."""

from __future__ import annotations

import itertools
import re

from assistant.answerers import tables
from assistant.answerers.figures import (
    COMPARE_WORDS,
    Figure,
    Segment,
    figures_in,
    is_change,
    is_table_row,
    pairs,
    segments,
    wants,
)
from assistant.answerers.place_kinds import row_place
from assistant.answerers.scales import comparable
from assistant.answerers.summary import clean
from assistant.answerers.units import candidates
from assistant.context import Context
from assistant.named_reports import place_names
from assistant.query import Query, without_periods
from index import vn

_SPLIT = re.compile(
    r"\b(?:so voi|so sanh voi|(?:nhieu|it|cao|thap|lon|nho) hon|thua|vuot|chenh lech voi|kem|"
    r"dung (?:tren|truoc|sau|duoi)|hon)\b"
)


_BOTH = re.compile(r"\bva\b(?!.*\bva\b)(?=.*\b(?:chenh (?:nhau|lech)|khac nhau)\b)")


def _cut(query: Query) -> tuple[list[str], int, int] | None:
    """The question's words as typed, and where the first side ends and the second begins."""
    words = vn.syllables(without_periods(query.text))
    joined = " ".join(vn.fold(w) for w in words)
    # "A và B chênh nhau bao nhiêu": the two sides either side of the last "và" before it
    m = _SPLIT.search(joined) or _BOTH.search(joined)
    if not m:
        return None
    return words, joined[: m.start()].count(" "), joined[: m.end()].count(" ") + 1


def sides(query: Query) -> tuple[list[str], list[str]] | None:
    """The two things compared: the words before and after 'so với' / 'nhiều hơn' / 'thua',
    with the adjacent pairs of their content words."""
    if (cut := _cut(query)) is None:
        return None
    words, cut_a, cut_b = cut

    def terms(part: list[str]) -> list[str]:
        # accented words are checked as written ('trong tháng' is framing, 'trọng tâm' not)
        kept = [w if not vn.is_stopword(w, query.accented) else "" for w in part]
        out: list[str] = []
        for t in vn.concepts([vn.fold(w) if w else "" for w in kept]):
            # 'so' of 'so với' is cut already; here it is 'hồ sơ', 'số'
            out.append("" if (t in COMPARE_WORDS and t != "so") or t.isdigit() else t)
        singles = [t for t in out if t]
        joined = [f"{a} {b}" for a, b in itertools.pairwise(out) if a and b]
        return singles + joined

    left, right = terms(words[:cut_a]), terms(words[cut_b:])
    return (left, right) if left and right else None


def shared(query: Query, left: list[str], right: list[str]) -> set[str]:
    """The words both sides say ("số thủ tục" of "số thủ tục mới công bố … số thủ tục bị bỏ
    đi"): the measure, not a side. Read as typed when accented: the "bố" of "công bố" is no
    "bỏ", the "sở" of "các sở" no "số" — folded, they were the measure, and the side that
    says them had nothing of its own left."""
    both = set(left) & set(right)
    if not query.accented or (cut := _cut(query)) is None:
        return both
    words, cut_a, cut_b = cut

    def spelt(part: list[str], syllable: str) -> set[str]:
        return {w for w in part if vn.fold(w) == syllable}

    def alike(syllable: str) -> bool:
        a, b = spelt(words[:cut_a], syllable), spelt(words[cut_b:], syllable)
        return not a or not b or bool(a & b)  # a synonym's token is spelt on neither

    return {t for t in both if all(alike(s) for s in t.split())}


SAME_UNIT = 0.3


def clause_pair(
    query: Query, ctx: Context, left: list[str], right: list[str]
) -> tuple[Figure, Figure] | None:
    """Two figures of the question's passages, one for each side, in one unit."""
    shared_words = shared(query, left, right)
    m = re.search(r"\bbao nhieu (\w+(?: \w+)?)", " ".join(vn.syllables(query.folded)))
    counted = m.group(1).split() if m and m.group(1).split()[0] not in ("phan", "tien") else []
    wanted = wants(query)

    def fits(seg: Segment) -> float:
        """What the question counts ("bao nhiêu hồ sơ") — its unit, or said before it ("số
        hồ sơ trễ hạn là 1.740") — money when money is asked, not a rate unless one is."""
        unit = vn.fold(seg.unit).split()
        named = unit and counted[: len(unit)] == unit
        bonus = (
            0.5
            if named or (counted and not unit and " ".join(counted) in vn.fold(seg.before))
            else 0.0
        )
        bonus += 0.5 if wanted.money and "đồng" in seg.unit else 0.0
        bonus -= 1.0 if wanted.money_only and "đồng" not in seg.unit else 0.0
        if wanted.rate != (seg.unit == "%"):  # a rate asked: an amount is none (and back)
            bonus -= 1.0 if wanted.rate else 0.5
        return bonus

    # …, whether the figure is a change, the unit its table header gives it
    Scored = tuple[float, float, Figure, set[str], bool, str, str]
    scored_a: list[Scored] = []
    scored_b: list[Scored] = []
    # what is counted is said next to each figure; which side it is, anywhere in its sentence
    measure = set(left) | set(right)
    for cand in candidates(query, ctx.hits(query, max(ctx.k, 8)), ctx)[:10]:
        # the place that names the report ("Lạng Sơn") names neither side
        info = ctx.store.info(cand.hit.chunk.report_id)
        named = {w for p in place_names(info) for w in p.split()} if info else set()
        side_a, side_b = (
            {u for u in set(side) - shared_words if not named & set(u.split())}
            for side in (left, right)
        )
        if vn.contrasted(query.folded, cand.sentence):
            continue  # "giải quyết đúng hạn" for "trễ hạn": another measure
        sentence = pairs(vn.terms(f"{cand.sentence} {cand.context}"))
        text = clean(cand.sentence)
        for seg in segments(text, clauses=True, amounts=wanted.amounts):
            change = is_change(text, seg.pos)  # "cao hơn cùng kỳ 0,9 tạ/ha"
            header = header_unit(text, seg.pos) if is_table_row(text) else ""
            if change and not wanted.change:
                continue
            fig = Figure(seg.raw, seg.value, seg.unit, cand)
            noun = _noun(seg, text)
            around = pairs(seg.words)
            local = 0.5 * len(around & measure) / max(1, len(measure))
            a = len((around | sentence) & side_a) / max(1, len(side_a))
            b = len((around | sentence) & side_b) / max(1, len(side_b))
            a_here = len(around & side_a) / max(1, len(side_a))
            b_here = len(around & side_b) / max(1, len(side_b))
            common = local + 0.2 * cand.score + fits(seg)
            here = 0.5 * (a_here - b_here)  # which side a figure of a sentence naming both is
            scored_a.append((a + common, here, fig, around & measure, change, header, noun))
            scored_b.append((b + common, -here, fig, around & measure, change, header, noun))
    best: tuple[float, Figure, Figure] | None = None
    best_a = sorted(scored_a, key=lambda x: -x[0] - x[1])[:10]
    best_b = sorted(scored_b, key=lambda x: -x[0] - x[1])[:10]
    for sa, here_a, a, said_a, change_a, head_a, noun_a in best_a:
        for sb, here_b, b, said_b, change_b, head_b, noun_b in best_b:
            one = a.candidate.sentence == b.candidate.sentence
            if (one and a.raw == b.raw) or not comparable(a, b) or _months_apart(ctx, a, b):
                continue
            if a.raw == b.raw and _report(a) == _report(b):
                continue  # one report saying one figure twice: no two things compared
            if change_a != change_b:
                continue  # a level less a change ("48,6 − 0,9") compares nothing
            if not a.unit and head_a != head_b:
                continue  # "Diện tích (ha): 412,5" less "Năng suất (tạ/ha): 48,6"
            if noun_a != noun_b and not (one and is_table_row(a.candidate.sentence)):
                continue  # two bare figures say what they count alike: "4.120 khách" less
                # "khách sạn từ 4 sao", two rows' "Mầm non: 492" less "Tiểu học: 86" count
                # nothing (a row's two cells are each under its side's header: below)
            if one and is_table_row(a.candidate.sentence) and min(here_a, here_b) <= 0:
                continue  # two cells of a row: each under its own side's header, or none
            if not one and not _rows_named(query, a, b):
                continue  # two rows the question names neither of ("Giáo viên mầm non" less
                # "Tiếng Anh" for "bao nhiêu giáo viên so với chỉ tiêu")
            # both sides in one sentence: which is which, by the words next to each figure
            pa, pb = (sa + here_a, sb + here_b) if one else (sa, sb)
            if pa < 0.5 or pb < 0.5:
                continue
            # the measure the question names once ("hồ sơ giải quyết trễ hạn ở các sở, ngành
            # nhiều hơn cấp xã") is the same next to both figures: what differs is the side
            alike = len(said_a & said_b) / max(1, len(measure))
            # one unit stating both ("đạt 35,8% (kế hoạch 36,5%)", a row's two cells) is
            # one thing's two figures; two units may be two things'
            total = pa + pb + alike + (SAME_UNIT if one else 0.0)
            if best is None or total > best[0]:
                best = (total, a, b)
    return (best[1], best[2]) if best else None


def _rows_named(query: Query, a: Figure, b: Figure) -> bool:
    """Two table rows stand for the two sides only when the question names each: a place
    row by its name ("Xã Tân Hải", not "Xã Phước Thuận" beside it), a measure's row by a
    word setting its label apart from the other's ("có mặt" and "được giao", "công bố mới"
    and "bãi bỏ") — not "Giáo viên mầm non" less "Tiếng Anh" for "bao nhiêu giáo viên"."""
    if not (is_table_row(a.candidate.sentence) and is_table_row(b.candidate.sentence)):
        return True
    labels = [tables.Row(tables.cells(f.candidate.sentence), "", "").label for f in (a, b)]
    asked = " ".join(vn.syllables(query.folded))

    def said(text: str) -> set[str]:  # as typed: "bỏ đi" is the "bãi bỏ", not "công bố"
        words = vn.syllables(text)
        return {w.lower() if query.accented else vn.fold(w) for w in words}

    words = [said(label) for label in labels]
    question = said(query.text)
    for label, own, other in ((labels[0], *words), (labels[1], *reversed(words))):
        if place := row_place(label):
            if f" {place} " not in f" {asked} ":
                return False  # a place compared is named
        elif not (own - other) & question:
            return False
    return True


def _noun(seg: Segment, text: str) -> str:
    """What a figure with no unit counts (`Segment.noun`), or a table cell's column ("mam non"
    of "Mầm non: 492")."""
    if is_table_row(text) and not seg.unit:
        return vn.fold(text[text.rfind(";", 0, seg.pos) + 1 : seg.pos]).strip(" :")
    return seg.noun


def _report(f: Figure) -> str:
    return f.candidate.hit.chunk.report_id


def _months_apart(ctx: Context, a: Figure, b: Figure) -> bool:
    """Two figures from two reports of one series (October's crimes, November's accidents):
    one question's two sides are of one time unless it names two periods (compare.py's)."""
    ia, ib = (ctx.store.info(f.candidate.hit.chunk.report_id) for f in (a, b))
    return bool(ia and ib and ia.issuer == ib.issuer and ia.period != ib.period)


def header_unit(row: str, pos: int) -> str:
    """The unit a table row's cell is given in by its header ("Diện tích (ha): 412,5" →
    "ha", "Vốn (triệu đồng) - Kế hoạch: 95.000" → "triệu đồng"), read as a figure's own unit
    is ("" when the header gives none, or one no figure is read in)."""
    header = row[row.rfind(";", 0, pos) + 1 : pos]
    m = re.search(r"\(([^()\d]{1,20})\)(?:\s*-[^:;]*)?:\s*$", header)
    return figures_in(f"1 {m.group(1).strip()}", False)[0][2] if m else ""

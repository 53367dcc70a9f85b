"""Items built on figures: the Số liệu section (each measure with its previous value, the
change and the percentage, both values cited, the arithmetic shown as comparison answers
show it) and the figure alerts of Cần chú ý: the largest changes for the worse, and
targets missed."""

from __future__ import annotations

import re

from assistant.answerers.records import RecordCiter
from assistant.briefing.measures import TARGET, Change, Reading, ReportFigures, measure_key, small
from assistant.briefing.model import ALERTS, FIGURES, Item
from assistant.cite import Citation
from index import periods as P
from index import vn
from index.records import Figure

# What a measure counts, for which way is worse: harm is worse when it grows; acts of
# enforcement and paperwork are neither better nor worse for growing (never an alert).
_NEUTRAL = re.compile(
    r"\b(?:xu phat|tuoc|tam giu|cuong che|kiem tra|tiep cong dan|don thu|don|thu ly|"
    r"chung thuc|khoi to)\b"
)
_HARM = re.compile(
    r"\b(?:tai nan|pham phap|toi pham|chay|ngo doc|dich|sot xuat huyet|thiet hai|chet|"
    r"bi thuong|buon lau|gian lan|ma tuy|trom|cuop|lua dao|khieu nai|to cao|vi pham|no dong)\b"
)
WORSE_AT = 0.10  # a change for the worse this large (relative) is an alert
ALERTS_MAX = 3


def polarity(phrase: str) -> int:
    """+1 better when it grows, −1 worse when it grows, 0 neither."""
    return 0 if _NEUTRAL.search(phrase) else -1 if _HARM.search(phrase) else 1


def value_text(f: Figure) -> str:
    return f"{f.raw}%" if f.unit == "%" else f"{f.raw} {f.unit}"


def label(f: Figure) -> str:
    return f.measure[:1].upper() + f.measure[1:]


def _operand(raw: str) -> str:
    return raw.split("/")[0]  # "381.622/436.215": the amount reached


def _cite(citer: RecordCiter, f: Figure) -> Citation | None:
    return citer.cite_record(f.report_id, f.paragraph, f.footnote, f.passage)


def figure_item(
    c: Change, citer: RecordCiter, section: str = FIGURES, lead: str = ""
) -> Item | None:
    """One measure: compared, new, or no longer reported. None when a passage is missing."""
    cites = [_cite(citer, r.figure) for r in (c.now, c.before) if r]
    if any(x is None for x in cites):
        return None
    citations = tuple(x for x in cites if x is not None)
    name, kind = lead + label(c.reading.figure), "figure" if section == FIGURES else "alert"
    if c.now is None or c.before is None:
        if c.now is not None:
            text = f"{name}: {value_text(c.now.figure)} — mới, kỳ trước không có số liệu này."
        else:
            text = f"{name}: kỳ trước {value_text(c.reading.figure)} — kỳ này không còn báo cáo."
        return Item(section, kind, text, "", citations)
    a, b = c.now.figure, c.before.figure
    d = vn.difference(_operand(a.raw), a.value, _operand(b.raw), b.value, a.unit)
    if d.change == 0:
        change = "không đổi"
    else:
        by = f"{d.amount} điểm %" if a.unit == "%" else f"{d.amount} {a.unit}"
        sign = "+" if d.change > 0 else "−"
        by += f" ({sign}{d.share})" if d.share else ""
        change = f"{'tăng' if d.change > 0 else 'giảm'} {by}"
    text = f"{name}: {value_text(a)}, {change} so với kỳ trước ({value_text(b)})."
    return Item(section, kind, text, d.calc, citations)


def worse(changes: list[Change]) -> list[Change]:
    """The largest changes for the worse among the compared measures, one a paragraph."""
    out, topics = [], set()

    def bad(c: Change) -> bool:
        if not (c.now and c.before) or abs(c.share) < WORSE_AT:
            return False
        if small(c.before):
            return False
        sign = polarity(c.key.phrase)
        return (sign > 0 and c.share < 0) or (sign < 0 and c.share > 0)

    for c in sorted(filter(bad, changes), key=lambda c: -abs(c.share)):
        topic = c.now.figure.paragraph if c.now else None
        if topic not in topics:
            topics.add(topic)
            out.append(c)
    return out[:ALERTS_MAX]


def worse_items(changes: list[Change], citer: RecordCiter) -> list[Item]:
    items = []
    for c in worse(changes):
        lead = "Giảm mạnh: " if c.share < 0 else "Tăng mạnh: "
        if item := figure_item(c, citer, ALERTS, lead):
            items.append(item)
    return items


def _actual(now: ReportFigures, target: Figure) -> Reading | None:
    """The measure a target is set for: the longest measure of the report its words hold."""
    tk = measure_key(target.measure, target.unit)
    if tk is None:
        return None
    fits = [
        r
        for k, r in now.readings.items()
        if k.unit == tk.unit and not k.qualifier and f" {k.phrase} " in f" {tk.phrase} "
    ]
    return max(fits, key=lambda r: len(r.key.words), default=None)


def target_items(
    now: ReportFigures, before: ReportFigures | None, period: str, citer: RecordCiter
) -> list[Item]:
    """Targets missed: one the report states ("chưa đạt mục tiêu 80%"), or one the previous
    report set for this period ("phấn đấu … đạt trên 60%"), against the figure reached."""
    targets = [(t, False) for t in now.targets if not t.planned]
    if before is not None and P.from_label(before.task_period) == P.from_label(period):
        targets += [(t, True) for t in before.targets if t.planned]
    items, seen = [], set()
    for t, earlier in targets:
        actual = _actual(now, t)
        if actual is None or polarity(actual.key.phrase) < 0:
            continue
        a = actual.figure
        if a.value >= t.value or (actual.key, t.value) in seen:
            continue
        seen.add((actual.key, t.value))
        cites = [_cite(citer, a), _cite(citer, t)]
        if None in cites:
            continue
        d = vn.difference(_operand(t.raw), t.value, _operand(a.raw), a.value, a.unit)
        short = f"{d.amount} điểm %" if a.unit == "%" else f"{d.amount} {a.unit}"
        said = " do báo cáo kỳ trước đề ra" if earlier else ""
        text = (
            f"Chưa đạt mục tiêu: {label(a)} {value_text(a)}, mục tiêu {value_text(t)}{said}; "
            f"còn thiếu {short}."
        )
        items.append(Item(ALERTS, "alert", text, d.calc, tuple(c for c in cites if c)))
    return items


__all__ = ["TARGET", "figure_item", "polarity", "target_items", "worse", "worse_items"]

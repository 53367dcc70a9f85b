"""Số liệu chính: the main measures of a period against the previous report of its series.

Measures are matched by name and unit, never by position. A figure's key is its measure as
the registry wrote it (index/records/figures.py), abbreviations spelt out and folded, past
the words that only count or report an act (index/measure_keys.core), with its qualifier
("số tiền", "ước"), its unit, and whether it is a running total ("lũy kế"). A key named
twice in one report keeps its first figure. Labels that name nothing of their own (a bare
unit, a change "… tăng", the casualties of the sentence before) are left out.

Which measures are main is read from the reports themselves (`score`): the figure that
opens its section or paragraph, one the assessment part (II. ĐÁNH GIÁ) restates or names,
rates and amounts large for the report (a hundredth of its largest and up), a measure the
series keeps reporting, a large change; for a new measure, a topic the previous report did
not have (no figure of its paragraph compares). One measure a paragraph: a paragraph is one
topic, and the leader needs its figure once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import vn
from index.measure_keys import core, measure_words, normalize_unit
from index.model import Report
from index.records import Figure, task_sections
from index.store import Store

_QUALIFIER = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_QUANTITY = frozenset(["so tien", "so tien xu phat", "kinh phi", "tri gia", "gia tri", "dien tich"])
TARGET = "muc tieu"
_DERIVED = re.compile(r"(?:^| )(?:tang|giam)$|\b(?:lam bi thuong|lam chet|bi thuong)\b")
_ASSESSMENT = re.compile(r"\b(?:danh gia|uu diem|han che|ton tai|kho khan|vuong mac)\b")
MONEY = {"đồng": 1.0, "nghìn đồng": 1e3, "triệu đồng": 1e6, "tỷ đồng": 1e9}
BIG_SHARE = 0.01  # an amount this share of the report's largest one is a headline
SMALL = 10  # counts below this swing too much for their change to mean much (02 → 01: −50%)
MAIN, NEW, GONE = 10, 3, 3  # compared measures shown at most; new; no longer reported
AT_LEAST = 6  # compared measures shown when there are that many, whatever their score
MIN_MAIN, MIN_NEW = 2.0, 1.5  # the score a measure needs to be shown


@dataclass(frozen=True)
class Key:
    """What makes two figures one measure."""

    words: tuple[str, ...]  # folded, past the leading act words
    running: bool  # a running total ("lũy kế"), never the month's own figure
    qualifier: str  # folded: "so tien", "uoc", "muc tieu", ""
    unit: str

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


def measure_key(measure: str, unit: str) -> Key | None:
    """The key of a registry measure; None for a label that names nothing of its own."""
    m = _QUALIFIER.match(vn.nfc(measure).strip())
    base, qualifier = (m.group(1), m.group(2)) if m else (measure, "")
    words = measure_words(base)
    folded = [vn.fold(w) for w in words]
    running = any(folded[i : i + 2] == ["luy", "ke"] for i in range(len(folded)))
    kept = tuple(vn.fold(w) for w in core(words))
    unit = normalize_unit(unit)
    if len(kept) < 2 or kept[0][:1].isdigit() or _DERIVED.search(" ".join(kept)):
        return None
    if " ".join(kept) == " ".join(vn.fold(w) for w in measure_words(unit)):
        return None
    return Key(kept, running, " ".join(vn.syllables(vn.fold(qualifier))), unit)


@dataclass(frozen=True)
class Reading:
    """A figure of one report as the briefing reads it."""

    key: Key
    figure: Figure
    opens_section: bool  # the first figure of its section
    opens_paragraph: bool
    restated: bool  # the assessment part gives the same figure again
    named: bool  # the assessment part names the measure


@dataclass(frozen=True)
class ReportFigures:
    readings: dict[Key, Reading]  # the results part, first figure of each key
    targets: tuple[Figure, ...]  # "(mục tiêu)" figures: stated in the report, or set by it
    task_period: str

    @property
    def largest(self) -> float:
        """The report's largest amount of money, in đồng."""
        return max((dong(r.figure) for r in self.readings.values()), default=0.0)


def dong(f: Figure) -> float:
    return f.value * MONEY.get(f.unit, 0.0)


def _top(path: str) -> str:
    return path.split(".")[0]


def assessment_parts(report: Report) -> set[str]:
    """Top-level sections that assess ("II. ĐÁNH GIÁ CHUNG", "Tồn tại, hạn chế")."""
    return {
        s.path for s in report.sections if s.level == 1 and _ASSESSMENT.search(vn.fold(s.title))
    }


def read_report(store: Store, report_id: str) -> ReportFigures:
    report = store.report(report_id)
    if report is None:
        return ReportFigures({}, (), "")
    assess = assessment_parts(report)
    planned = task_sections(report)
    said = " ".join(p.text for p in report.paragraphs if _top(p.section) in assess)
    said_words = f" {' '.join(vn.fold(w) for w in measure_words(said))} "
    figures = store.registry.figures_of(report_id)
    restated = {
        (k, f.value)
        for f in figures
        if _top(f.section) in assess and (k := measure_key(f.measure, f.unit))
    }
    readings: dict[Key, Reading] = {}
    sections, paragraphs = set(), set()
    for f in figures:
        if f.planned or f.footnote is not None or f.section in planned or _top(f.section) in assess:
            continue
        opens = (f.section not in sections, f.paragraph not in paragraphs)
        sections.add(f.section)
        paragraphs.add(f.paragraph)
        key = measure_key(f.measure, f.unit)
        if key is None or key in readings:
            continue
        echoed = (key, f.value) in restated or any(
            k.unit == key.unit and v == f.value and key.words[:2] == k.words[:2]
            for k, v in restated
        )
        readings[key] = Reading(key, f, *opens, echoed, f" {key.phrase} " in said_words)
    targets = tuple(
        f
        for f in figures
        if (k := measure_key(f.measure, f.unit)) is not None and k.qualifier == TARGET
    )
    return ReportFigures(readings, targets, report.meta.task_period)


@dataclass(frozen=True)
class Change:
    key: Key
    now: Reading | None
    before: Reading | None
    status: str  # up | down | unchanged | new | gone
    score: float
    reports: int  # how many reports of the series, up to this one, give the measure

    @property
    def reading(self) -> Reading:
        return self.now or self.before  # type: ignore[return-value]

    @property
    def share(self) -> float:
        return _share(self.now, self.before)


def small(r: Reading | None) -> bool:
    """A count too small for its relative change to say much."""
    return (
        r is not None and r.key.unit != "%" and r.key.unit not in MONEY and r.figure.value < SMALL
    )


def _share(now: Reading | None, before: Reading | None) -> float:
    """The relative change, signed (0 when there is nothing to compare)."""
    if not (now and before and before.figure.value):
        return 0.0
    return (now.figure.value - before.figure.value) / abs(before.figure.value)


def score(
    now: Reading | None, before: Reading | None, reports: int, share: float, largest: float
) -> float:
    """How main a measure looks, from what the reports do with it (module docstring)."""
    r = now or before
    assert r is not None
    both = [x for x in (now, before) if x]
    s = 1.0 * r.opens_section + 1.0 * r.opens_paragraph
    s += 2.5 * any(x.restated for x in both) + 1.0 * any(x.named for x in both)
    s += 0.5 * (r.key.unit == "%") + 1.5 * (dong(r.figure) >= BIG_SHARE * largest > 0)
    s -= 0.5 * (r.key.qualifier in _QUANTITY) + 1.0 * (r.key.qualifier == TARGET)
    s += 0.5 * min(3, reports - 1) + min(1.0, abs(share) / 0.25) * (not small(before))
    return s - 0.5 * (len(r.key.words) > 10)


def compare(now: ReportFigures, before: ReportFigures, series: list[ReportFigures]) -> list[Change]:
    """Every measure of either report, with its status and score, best first."""
    seen: dict[Key, int] = {}
    for rf in series:
        for k in rf.readings:
            seen[k] = seen.get(k, 0) + 1
    compared = {r.figure.paragraph for k, r in now.readings.items() if k in before.readings}
    out = []
    for key in dict.fromkeys([*now.readings, *before.readings]):
        a, b = now.readings.get(key), before.readings.get(key)
        if a and b:
            d = a.figure.value - b.figure.value
            status = "up" if d > 0 else "down" if d < 0 else "unchanged"
        else:
            status = "new" if a else "gone"
        n = seen.get(key, 1)
        largest = (now if a else before).largest
        s = score(a, b, n, _share(a, b), largest)
        s += 1.0 * (status == "new" and a is not None and a.figure.paragraph not in compared)
        out.append(Change(key, a, b, status, s, n))
    return sorted(out, key=lambda c: -c.score)


def _one_a_paragraph(changes: list[Change], limit: int, least: float) -> list[Change]:
    taken: list[Change] = []
    topics: set[tuple[str, int | None]] = set()
    for c in changes:
        f = c.reading.figure
        topic = (f.report_id, f.paragraph)
        if c.score < least or topic in topics:
            continue
        topics.add(topic)
        taken.append(c)
        if len(taken) == limit:
            break
    return taken


def main_changes(changes: list[Change]) -> list[Change]:
    """The measures the Số liệu section shows: compared ones first, then new ones, then
    those no longer reported (only a measure reported more than once can stop)."""
    compared = [c for c in changes if c.now and c.before]
    new = [c for c in changes if c.status == "new"]
    gone = [c for c in changes if c.status == "gone" and c.reports > 1]
    main = _one_a_paragraph(compared, MAIN, MIN_MAIN)
    main += [c for c in compared if c not in main][: max(0, AT_LEAST - len(main))]
    return main + _one_a_paragraph(new, NEW, MIN_NEW) + _one_a_paragraph(gone, GONE, MIN_NEW)

"""What a unit must hold to answer at all, whatever the model's probability: the period
asked (a 2025 row is no 2024 figure; October's target for November is no October figure;
a count to 10/12 is not the situation at 31/12) and the kind of answer asked (a rank, a
rate, an amount, a day; a figure achieved, not one aimed at). A unit failing them is about
the right thing and still no answer: these are the near-misses a coverage score answers.
"""

from __future__ import annotations

import re

from assistant.context import Context
from assistant.query import Query
from assistant.scope import effective_period
from index import periods as P
from index import vn


def fits_period(
    query: Query, ctx: Context, report_id: str, head: str, sentence: str, under: str
) -> bool:
    """Whether a sentence (under `under`, in a passage headed `head`) may answer for the
    years, months and day the question names."""
    asked = P.years(query.text if not query.english else query.folded)
    named = P.years(f"{sentence} {under}")
    # "ước đến hết ngày 31/01/2026" is about 2026 though it names no year as such
    other = not asked & (_report_years(ctx, report_id) | P.years(head))
    # "PCI năm 2024" for "PCI 2023"; or naming no year in a report of another year
    if asked and not asked & (named | _dated(sentence)) and (named or other):
        return False
    scope = ctx.scope(query)
    if scope.as_of and not counts_to(sentence, scope.as_of):
        return False  # "đến ngày 10/12/2025" does not tell the situation at 31/12
    months = [p for p in scope.periods if p.unit != "year"]
    return not months or _about(sentence, months)  # October's target for November


def _report_years(ctx: Context, report_id: str) -> set[int]:
    """The years a report reports on (its period's), empty when it states none."""
    info = ctx.store.info(report_id)
    own = effective_period(info) if info else None
    if own is None or not own.year_known:
        return set()
    return set(range(own.first[0], own.last[0] + 1))


_DATE = re.compile(r"(?<!\d)\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4})(?!\d)")


def _dated(text: str) -> set[int]:
    """The years of a text's full dates, which `periods.years` leaves out."""
    return {int(y) for y in _DATE.findall(text)}


def counts_to(text: str, as_of: str) -> bool:
    """Whether a unit that counts its figures to a day ("tính đến hết ngày 15/12/2025")
    counts them to the day asked ("31/12/2025"; "15/12/*" when the year was not said);
    a unit that names no such day may."""
    days = [
        f"{m.day:02d}/{m.period.label}" for m in P.mentions(text) if m.as_of and m.day and m.period
    ]
    if not days:
        return True
    day, _, year = as_of.rpartition("/")
    return any(d == as_of or (year == "*" and d.rpartition("/")[0] == day) for d in days)


def _about(text: str, asked: list[P.Period]) -> bool:
    """Whether a unit may be about the months asked: it names none, or one of them."""
    named = [
        m.period
        for m in P.mentions(text)
        if m.period is not None and not m.as_of and m.period.unit != "year"
    ]
    return not named or any(n.matches(a) for n in named for a in asked)


# What kind of figure a question asks for, and how a sentence that gives it reads.
_COUNT_Q = re.compile(r"\b(?:bao nhieu|so luong|tong so|how many|how much)\b")
_TARGET_Q = re.compile(
    r"\b(?:muc tieu|chi tieu|phan dau|ke hoach|du kien|dat ra|de ra|target|goal|plan|aim)\b"
)


def _only_targets(sentence: str) -> bool:
    """Every clause with a figure aims at it ("phấn đấu đến hết tháng 11 … đạt trên 60%")."""
    clauses = [c for c in re.split(r"[;:]", sentence) if re.search(r"\d", c)]
    return bool(clauses) and all("phấn đấu" in c.lower() for c in clauses)


_RANK_Q = re.compile(r"\b(?:xep hang|xep thu|thu may|hang may|dung thu|rank|ranked)\b")
_RANK_A = re.compile(r"(?:hạng|thứ)\s*:?\s*\d|\d+\s*/\s*63\b", re.I)
_RATE_Q = re.compile(r"\b(?:phan tram|ty le|percent|percentage|rate)\b")
_MONEY_Q = re.compile(
    r"\b(?:bao nhieu tien|ton bao nhieu|kinh phi|tong muc dau tu|tong von|von dau tu|money|"
    r"cost|budget|how much)\b"
)
_MONEY_A = re.compile(r"\d\s*(?:triệu|tỷ|nghìn|ngàn)?\s*(?:đồng|đ\b)|\d\s*(?:triệu|tỷ)\b", re.I)
_DATE_Q = re.compile(
    r"\b(?:ngay nao|khi nao|bao gio|hom nao|thoi gian nao|luc nao|when|what date|which day)\b"
)
_DATE_A = re.compile(r"\d{1,2}\s*/\s*\d{1,2}|ngày\s+\d{1,2}\b", re.I)
_DOC_DATE = re.compile(r"\s*,?\s*ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?", re.I)


def _without_documents(text: str) -> str:
    """`text` without its document numbers and their dates ("Kế hoạch số 15/KH-UBND ngày
    08/01/2026" dates the plan, not the festival it plans)."""
    for m in reversed(vn.documents_in(text)):
        tail = _DOC_DATE.match(text, m.end())
        text = text[: m.start()] + text[tail.end() if tail else m.end() :]
    return text


_NUMBER_Q = re.compile(r"\bso (?:hieu )?(?:bao nhieu|may)\b|\bso hieu\b|\bwhat number\b")


def _without_when(text: str, keep_documents: bool = False) -> str:
    """`text` without what dates it — periods, days, documents: what is left of its digits
    are figures ("Trong tháng 10/2025, thu NSNN đạt khá" holds none)."""
    text = vn.nfc(text) if keep_documents else _without_documents(vn.nfc(text))
    for m in reversed(P.mentions(text)):
        text = text[: m.start] + " " + text[m.end :]
    return _DATE_A.sub(" ", text)


def answer_type(query: Query, sentence: str) -> float:
    """0 when the question asks for a kind of answer the sentence does not hold — a figure
    with no figure at all or only aimed at ("phấn đấu … đạt 50%"), a rank ("xếp thứ
    mấy") with no rank, a rate with no %, money with no amount, a day ("khi nào") with no
    date: it is about the right thing but does not answer. 1 when it holds every kind
    asked, 0.5 when the question asks for none."""
    plain = " ".join(vn.syllables(query.folded))
    checks = []
    if _COUNT_Q.search(plain):
        numbered = bool(_NUMBER_Q.search(plain))  # "mang số bao nhiêu": a document's number
        checks.append(bool(re.search(r"\d", _without_when(sentence, numbered))))
        if not _TARGET_Q.search(plain):  # what was done, not what is aimed at
            checks.append(not _only_targets(sentence))
    if _RANK_Q.search(plain):
        checks.append(bool(_RANK_A.search(sentence)))
    elif _RATE_Q.search(plain):
        checks.append("%" in sentence or "phần trăm" in sentence.lower())
    elif _MONEY_Q.search(plain):
        checks.append(bool(_MONEY_A.search(sentence)))
    if _DATE_Q.search(plain):
        checks.append(bool(_DATE_A.search(_without_documents(sentence))))
    return 0.5 if not checks else float(all(checks))


_ASKS = re.compile(r"\b(?:gi|nao|bao nhieu|may|ra sao|the nao)\b")


def kind_held(query: Query, unit: str, passage: str) -> bool:
    """Whether the unit holds the kind of answer asked (`answer_type`); a question asking
    two things ("tổ chức cuộc thi gì, diễn ra trong thời gian nào?") may find the second
    in the unit's passage."""
    if answer_type(query, unit) > 0:
        return True
    two = len(_ASKS.findall(" ".join(vn.syllables(query.folded)))) >= 2
    return two and answer_type(query, passage) > 0

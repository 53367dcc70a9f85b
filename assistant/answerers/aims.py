"""What a figure aims at against what was done: "phấn đấu … đạt trên 60%" and "dự kiến
trao 480 suất" are targets, "Dự toán … là 1.855 tỷ đồng" a plan's amount, "đến nay đã trao
312 suất" done work. `gates` holds each unit to the one the question asks for."""

from __future__ import annotations

import re

from assistant.answerers.figures import segments
from assistant.answerers.kinds import AIM_SAID
from assistant.query import Query, without_periods
from index import vn
from index.chunk import is_table_row


def _best_clause(query: Query, sentence: str) -> str:
    """The clause with a figure most about the question ("" when none has a figure)."""
    clauses = [c for c in re.split(r"[;:]", sentence) if re.search(r"\d", c)]
    asked = set(vn.terms(without_periods(query.text)))
    return max(clauses, key=lambda c: len(asked & set(vn.terms(without_periods(c)))), default="")


def aimed_at(query: Query, sentence: str) -> bool:
    """The clause with a figure most about the question aims at it ("phấn đấu đến hết tháng
    11 … đạt trên 60%", "dự kiến trao 480 suất quà"), whether or not other clauses report
    done work."""
    if not (best := _best_clause(query, sentence)):
        return False
    if "phấn đấu" in best.lower():
        return True
    # "dự kiến trao 480 suất quà" is no count of what "đến nay đã trao" asks
    return "dự kiến" in best.lower() and bool(_DONE_Q.search(query.folded))


# a plan asked ("dự kiến trao bao nhiêu suất"), and a clause that reports what was done
PLAN_ASKED = re.compile(r"\b(?:du kien|muc tieu|phan dau|chi tieu|dat ra|de ra)\b")
_DONE_A = re.compile(r"\b(?:đã|đến nay|tới nay)\b", re.I)


def done_not_aimed(query: Query, sentence: str) -> bool:
    """ "Tết Nhân ái dự kiến trao bao nhiêu suất?": the clause says what was done so far
    ("đến nay đã trao 312 suất quà"), not what was planned."""
    best = _best_clause(query, sentence)
    return bool(best and _DONE_A.search(best) and not AIM_SAID.search(best))


_DONE_Q = re.compile(r"\b(?:da|roi|den nay|den gio|toi nay|toi gio|hien nay|so far|already)\b")
# what was done, asked by its doing ("đã giải ngân được bao nhiêu", "thu được bao nhiêu")
ACHIEVED_Q = re.compile(r"\b(?:da|duoc|roi|den nay|den gio|so far|already)\b")
# a figure labelled a plan ("Dự toán thực hiện … là 1.855 tỷ đồng", "kế hoạch năm 2025 là …"),
# unless what follows the plan's word says it was reached ("kế hoạch vốn …, đã giải ngân")
_PLAN_LABEL = re.compile(r"\b(?:du toan|ke hoach|chi tieu|muc tieu(?! quoc gia))\b")
_REACHED = re.compile(r"\b(?:dat|giai ngan|da|luy ke|thu duoc|uoc dat)\b")


def plans_only(sentence: str, undated: str) -> bool:
    """Every figure of the sentence is labelled a plan: it says what was to be done, not
    what was ("Dự toán thực hiện các Chương trình MTQG năm 2025 là 1.855 tỷ đồng" answers no
    "đã giải ngân được bao nhiêu"). `undated`: the sentence without what dates it
    (`gates.without_when`), its digits figures."""
    if is_table_row(sentence):  # a row's figures are its headers' (`tables`)
        return False
    segs = [s for s in segments(undated, clauses=True) if s.unit or s.noun]
    if not segs:
        return False
    for seg in segs:
        before = vn.fold(seg.before)
        plans = list(_PLAN_LABEL.finditer(before))
        if not plans or _REACHED.search(before, plans[-1].end()):
            return False
    return True

"""The part a period plays in a question, read from the words around it: a bound on what is
asked ("khởi công sau tháng 5", "từ tháng 8 tới giờ"), the report it names ("báo cáo tháng
12"), a month gone by ("hồi tháng 11") — not always the period of the report that answers
(assistant/scope.py)."""

from __future__ import annotations

import re

from assistant.query import Query
from index import periods as P
from index import vn


def bound(query: Query, m: P.Mention) -> bool:
    """ "sau tháng 5", "trước tháng 12", "từ tháng 8" (to now, no period after): a bound."""
    if query.english:
        return False
    before, after = query.text[: m.start], vn.fold(query.text[m.end :])
    # (typed plainly, "an ninh trat tu thang 11" is no "từ")
    since = query.accented and _SINCE.search(before.lower()) and not _UNTIL.match(after)
    return bool(_BOUND.search(vn.fold(before)) or since)


_BOUND = re.compile(r"\b(?:sau|truoc)\s*$")
# (not "mục tiêu đặt ra từ tháng 10": where the target comes from, that month's report)
_SINCE = re.compile(r"(?<!đặt ra )(?<!đề ra )(?<!giao )\btừ\s*$")
_UNTIL = re.compile(r"\s*(?:den|toi|sang)\s+(?:(?:het|giua|cuoi|dau)\s+)?(?:thang|quy|nam|ngay|\d)")


# "nhiệm vụ tháng tới trong báo cáo tháng 12" names a report; "hồi tháng 11" a month gone by
# (read with its accents: "xa hoi thang 1" is "xã hội"): either is told by that month's own
# report, not by the one setting the tasks for it, whatever was "dự kiến"
_REPORT_OF = re.compile(r"\b(?:bao cao|bc)(?: ky| so| cua ubnd)?\s*$")
_BACK_THEN = re.compile(r"\bhồi\s*$")


def report_named(query: Query, m: P.Mention) -> bool:
    """ "báo cáo tháng 12": the period names the report, by its own."""
    return not query.english and bool(_REPORT_OF.search(vn.fold(query.text[: m.start])))


def own_month(query: Query, m: P.Mention) -> bool:
    back_then = query.accented and not query.english
    return report_named(query, m) or (
        back_then and bool(_BACK_THEN.search(query.text[: m.start].lower()))
    )

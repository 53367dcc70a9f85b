"""Whether a text tells something as happening in a month: a day of it written ("từ ngày
28/9", "tổ chức vào ngày 29/8/2025") or the month itself ("tính đến hết tháng 7/2025") —
not a month compared with ("so với tháng 10"), nor a deadline ("trước ngày 20/11")."""

from __future__ import annotations

import re

from index.periods.mentions import mentions
from index.periods.period import Period

# "28/9", "29/8/2025", "ngày 04/11/2025" (not a ratio "41/64" or a rank "19/63": the month
# must be one, the day a day)
_DAY = re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")
_AGAINST = re.compile(r"(?:so với|cùng kỳ|hơn|kém|trước(?: ngày)?)\s*(?:ngày\s*)?$", re.I)


def names_month(text: str, month: Period) -> bool:
    """Whether `text` writes a day of `month` or the month itself (its year, when written,
    the month's)."""
    year, mo = month.first
    for m in _DAY.finditer(text):
        day, month_of, y = int(m.group(1)), int(m.group(2)), m.group(3)
        ours = 1 <= day <= 31 and month_of == mo and (y is None or int(y) == year)
        if ours and not _AGAINST.search(text[: m.start()]):
            return True
    for m in mentions(text):
        p = m.period
        if p is None or p.unit != "month" or p.first[1] != mo or m.relative:
            continue
        if (not p.year_known or p.first[0] == year) and not _AGAINST.search(text[: m.start]):
            return True
    return False

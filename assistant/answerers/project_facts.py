"""What a question asks of a project — who invests in it, what it costs in all — and the
words a unit must say to answer: "Khu dân cư Bờ Kè Sông Trà ai làm chủ đầu tư?" is no more
answered by the project's row of households than "tổng mức đầu tư bao nhiêu" is by its
compensation paid or by another project's cost beside it. (Who builds it is
`named.asks_firm`'s.)"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.query import Query
from index import vn

# the attribute asked (folded) and how a unit says it, as written: an investor by its name
# ("do Ban QLDA … làm chủ đầu tư", "Chủ đầu tư: UBND xã Đồng Lâm", a "(chủ đầu tư)" column,
# a list after its lead-in),
# not "bàn giao mặt bằng cho chủ đầu tư"; a total by its own words ("vốn đầu tư" alone is a
# year's allocation as often as the total)
_INVESTOR_Q = re.compile(
    r"\b(?:ai|don vi nao|co quan nao|cong ty nao|ben nao) (?:\w+ ){0,2}?chu dau tu\b|"
    r"\bchu dau tu (?:nao|(?:\w+ ){0,4}?la (?:ai|don vi nao|co quan nao|ben nao))\b|"
    r"\bwho is (?:its|the) investor\b"
)
_INVESTOR_A = re.compile(
    # investors listed after their lead-in ("Còn 05 chủ đầu tư có tỷ lệ … dưới 50%: Sở Văn hóa")
    r"\bchủ đầu tư\s[^:;.()]{1,80}:\s*(\w)|"
    r"[Cc]hủ đầu tư\)?\s*[:–-]?\s*(?:là\s+)?(\w)|\((?:[Cc]hủ đầu tư|CĐT)\)|"
    r"\b(?:do|của)\s+(\w)[^,;.()]{1,80}?\s+làm chủ đầu tư"
)
_TOTAL_Q = re.compile(r"\btong (?:muc|von) dau tu\b|\btotal investment\b")
_TOTAL_A = re.compile(r"\btổng (?:mức|vốn)(?: đầu tư)?\b|\bTMĐT\b|\bquy mô (?:vốn|đầu tư)\b", re.I)


@lru_cache(maxsize=1024)
def _asked(folded: str) -> tuple[re.Pattern[str], ...]:
    """How a unit says each attribute the question asks for, read once per question."""
    plain = " ".join(vn.syllables(folded))
    pairs = ((_INVESTOR_Q, _INVESTOR_A), (_TOTAL_Q, _TOTAL_A))
    return tuple(says for asks, says in pairs if asks.search(plain))


def held(query: Query, unit: str) -> bool | None:
    """Whether the unit says the project attribute the question asks for; None when it asks
    for none of them."""
    if not (said := _asked(query.folded)):
        return None
    text = vn.nfc(unit)
    return all(any(_named(m) for m in says.finditer(text)) for says in said)


def _named(m: re.Match[str]) -> bool:
    """The investor is named (a capital: "Ủy ban", "Ban QLDA"), or the total said."""
    first = next((g for g in m.groups() if g), "")
    return not first or first.isupper()

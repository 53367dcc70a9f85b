"""Which of a list's items a superlative picks among: the rows of the unit asked for, the
rows of the group the question names ("trong 4 Trung tâm Y tế khu vực"), items named by
what they count, and money when money is asked."""

from __future__ import annotations

import re

from assistant.answerers.figures import wants
from assistant.answerers.items import Item
from assistant.query import Query
from index import vn


def of_one_unit(query: Query, items: list[Item]) -> list[Item]:
    """A table's rows count different things ("Thủ tục", "%", "Chưa = 0 Hoàn thành = 1"):
    the extreme is taken among the rows of the unit asked for — a rate when one is asked,
    what the question counts, else the unit most rows have."""
    units = [i.unit for i in items if i.unit]
    if len(set(units)) < 2:
        return items
    plain = f" {' '.join(vn.syllables(query.folded))} "
    if wants(query).rate and "%" in units:
        unit = "%"
    else:
        named = [u for u in units if u != "%" and f" {u} " in plain]
        unit = max(named or units, key=units.count)
    return [i for i in items if i.unit == unit]


def named_among(query: Query, items: list[Item]) -> list[Item]:
    """ "Trong 4 Trung tâm Y tế khu vực, trung tâm nào …": the rows whose name opens with the
    group as the question names it (four syllables or more), when only some do."""
    plain = f" {' '.join(vn.syllables(query.folded))} "

    def opens(name: str) -> int:
        words = vn.syllables(vn.fold(name))
        return max((j for j in range(4, len(words) + 1) if f" {' '.join(words[:j])} " in plain),
                   default=0)  # fmt: skip

    some = [i for i in items if opens(i.name)]
    return some if 2 <= len(some) < len(items) else items


# what a clause says of a figure, not what it is the figure of ("đạt 97%")
_NO_NAME_TERMS = frozenset(vn.terms("đạt tăng giảm chiếm là có được bằng còn khoảng trên dưới gần"))
_AMOUNT_ONLY = re.compile(r"\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)?\s*đồng$", re.I)


def names_something(name: str) -> bool:
    """An item named by what it counts ("xã Quảng Lạc"), not by a verb alone ("đạt"), nor
    by the end of an amount a decimal comma cut ("giải ngân 4,2 tỷ đồng (2,3%)": "2 tỷ
    đồng")."""
    if _AMOUNT_ONLY.match(vn.nfc(name).strip()):
        return False
    return any(t not in _NO_NAME_TERMS for t in vn.terms(name))


MONEY_UNITS = frozenset({"dong", "trieu", "ty", "nghin", "ngan"})  # as an item's unit folds


def money_items(items: list[Item]) -> bool:
    """Whether a list's items count money ("0,742 tỷ đồng"), not cases or visits."""
    return bool(items) and items[0].unit in MONEY_UNITS

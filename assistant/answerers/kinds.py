"""What kind of answer a question asks for — a figure, a rank, a rate, money, a day, a
place, a cause, a document's number — read once per question from its folded words:
`gates` holds each unit to them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.answerers.tables import CLASS_GIVEN
from assistant.intent import NUMBER_ASKED, WHY_ASKED
from index import vn

_COUNT_Q = re.compile(r"\b(?:bao nhieu|so luong|tong so|how many|how much)\b")
_TARGET_Q = re.compile(
    r"\b(?:muc tieu(?! quoc gia)|chi tieu|phan dau|ke hoach|du kien|du tinh|dat ra|de ra|se|sap|"
    r"target|goal|"
    r"muon(?! biet| hoi| xem)|"
    r"plan|aim|expected|will)\b"
)
_RANK_Q = re.compile(r"\b(?:xep hang|xep thu|thu may|hang may|dung thu|rank|ranked)\b")
# "bao nhiêu di tích được xếp hạng": a count of what is classified, not a rank
_RANKED_COUNTED = re.compile(
    r"\bbao nhieu (?:\w+ ){1,4}?(?:da )?(?:duoc )?xep hang\b(?! (?:thu|hang))"
)
_RATE_Q = re.compile(r"\b(?:phan tram|ty le|percent|percentage|rate)\b")
# "how much was spent / how much in fines" asks for money, "how much ketamine" for a quantity
_MONEY_Q = re.compile(
    r"\b(?:bao nhieu tien|bao nhieu (?:trieu |ty |nghin )?dong|bao nhieu von|ton bao nhieu|"
    r"money|cost|budget|"
    r"(?:tri gia|gia tri|(?<!danh )(?<!ty )gia(?: trung thau)?) (?:la )?bao nhieu|"
    r"how much(?=\W*$| (?:did|do|does|was"
    r"|were|is|are|has|had|have|will|in|of)\b| (?:\w+ )?(?:money|revenue|spending|spent|funding"
    r"|funds|capital|tax|taxes|fees?|fines?|compensation|investment|income|salary|salaries)\b))\b"
)
# money named: asked for only with a figure ("vốn đầu tư bao nhiêu", not "Kế hoạch giải ngân
# vốn đầu tư công … theo căn cứ nào")
_MONEY_NOUN = re.compile(
    r"\b(?:kinh phi|tong muc dau tu|tong von|von dau tu|von dang ky|von dieu le|ke hoach von|"
    r"thu tien|tien (?:su dung )?dat|so tien)\b"
)
_DATE_Q = re.compile(
    r"\b(?:ngay nao|khi nao|bao gio|hom nao|thoi gian nao|luc nao|when|what date|which day)\b"
)
_PLACE_Q = re.compile(r"\b(?:o dau|tai dau|dia diem nao|noi nao|where)\b")
# a figure aimed at, said ("dự kiến trao", "phấn đấu đạt", "mục tiêu đề ra")
AIM_SAID = re.compile(r"\b(?:dự kiến|kế hoạch|mục tiêu|phấn đấu|chỉ tiêu|sẽ|đề ra|đặt ra)\b", re.I)
_AVERAGE_Q = re.compile(r"\b(?:binh quan|trung binh|average)\b")

# "theo quyết định nào", "văn bản nào": a document, by its number ("hụt kế hoạch bao nhiêu"
# asks the plan's figure, "kế hoạch số mấy" its number)
_DOCUMENT_Q = re.compile(
    r"\b(?:quyet dinh|van ban|cong van|nghi quyet|chi thi|thong tu|nghi dinh|"
    r"thong bao) (?:so )?(?:nao|may|bao nhieu)\b|\bke hoach (?:nao|so (?:may|bao nhieu))\b|"
    r"\bwhich (?:decision|document|plan|directive|resolution)\b"
)
# the code a document's number carries by its kind: "Nghị quyết … số mấy" wants an NQ
# (kinds whose numbers always carry their code: "Công văn 214/UBND-KT" does not)
_CODED = ("Nghị quyết", "Quyết định", "Kế hoạch", "Chỉ thị", "Thông báo", "Tờ trình", "Hướng dẫn")
_KIND_CODE = {vn.fold(name): code for name, code, _ in vn.DOC_TYPE_TABLE if name in _CODED}
_KIND_Q = re.compile(rf"\b({'|'.join(_KIND_CODE)})\b")
_ISSUED_Q = re.compile(r"\b(?:ban hanh|ky|phat hanh|issued|signed)\b")
_ASKS = re.compile(r"\b(?:gi|nao|bao nhieu|may|ra sao|the nao)\b")
# "Kế hoạch … số mấy, ngày nào": the day asked with the number is the document's own (not
# "tổ chức hôm nào, theo kế hoạch số mấy": the event's)
_NUMBER_THEN_DAY = re.compile(
    r"\b(?:so (?:may|bao nhieu|nao|hieu \w+)|mang so)\b\W*(?:\w+\W+)?(?:ngay nao|ngay may)\b"
)


@dataclass(frozen=True)
class Kinds:
    """The kinds of answer a question asks for, read once per question."""

    figure: bool  # "bao nhiêu", "tổng số", "how many"
    numbered: bool  # "mang số bao nhiêu": a document's number is the figure
    target: bool  # the question asks about a target ("mục tiêu", "kế hoạch")
    rank: bool
    rate: bool
    money: bool
    day: bool
    two: bool  # asks two things ("… gì, … nào?")
    document: bool = False  # "theo quyết định nào": a document's number
    code: str = ""  # the kind of the document whose number is asked ("NQ")
    issued: bool = False  # "Kế hoạch 372 ban hành ngày nào": the document's own date
    place: bool = False  # "tổ chức ở đâu": a place
    why: bool = False  # "vì sao chậm": a cause
    average: bool = False  # "bình quân toàn tỉnh là bao nhiêu": a figure said as an average


# a document's kind by its initials as a chat types it ("theo qđ số mấy"): the kinds whose
# numbers a question asks by type (vn.DOC_TYPE_TABLE's loose ones), written out
_DOC_INITIALS = {
    vn.fold(code).lower(): vn.fold(name).lower()
    for name, code, loose in vn.DOC_TYPE_TABLE
    if loose and code and vn.fold(code).lower() not in ("ct", "tb", "bc")
}
_DOC_INITIALS_Q = re.compile(rf"\b({'|'.join(_DOC_INITIALS)})(?= (?:so|nao)\b)")


@lru_cache(maxsize=1024)
def kinds(folded: str) -> Kinds:
    plain = _DOC_INITIALS_Q.sub(lambda m: _DOC_INITIALS[m.group(1)], " ".join(vn.syllables(folded)))
    numbered, kind = bool(NUMBER_ASKED.search(plain)), _KIND_Q.search(plain)
    return Kinds(
        figure=bool(_COUNT_Q.search(plain)),
        numbered=numbered,
        target=bool(_TARGET_Q.search(plain)),
        rank=bool(_RANK_Q.search(plain))
        and not CLASS_GIVEN.search(plain)
        and not _RANKED_COUNTED.search(plain),
        rate=bool(_RATE_Q.search(plain)),
        money=bool(
            _MONEY_Q.search(plain) or (_MONEY_NOUN.search(plain) and _COUNT_Q.search(plain))
        ),
        day=bool(_DATE_Q.search(plain)),
        two=len(_ASKS.findall(plain)) >= 2,
        document=bool(_DOCUMENT_Q.search(plain)),
        code=_KIND_CODE[kind.group(1)] if kind and numbered else "",
        issued=bool(kind and (_ISSUED_Q.search(plain) or _NUMBER_THEN_DAY.search(plain))),
        place=bool(_PLACE_Q.search(plain)),
        why=bool(WHY_ASKED.search(plain)),
        average=bool(_AVERAGE_Q.search(plain)),
    )

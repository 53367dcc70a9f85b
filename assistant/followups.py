"""Follow-ups that set the figure just asked beside another — a period ("So với quý trước
thì nhiều hơn hay ít hơn?", "Sang tháng 11 …, hơn hay kém tháng trước?"), the province ("Còn
toàn tỉnh thì được bao nhiêu?"), another source ("Sở Tài chính ghi con số bao nhiêu, có khớp
với xã không?") — and the periods a follow-up names, read against the one under discussion.
Used by assistant/dialogue.py."""

from __future__ import annotations

import re

from assistant.antecedents import proper_names
from assistant.intent import AGREE_ASKED, FIELD_NAMES
from assistant.named_reports import PROVINCE_WIDE
from assistant.query import topic_syllables
from index import periods as P
from index import vn


def absolute(text: str) -> tuple[P.Mention | None, P.Period | None]:
    """The first period of a text and the mention naming it ("Tháng 11 …" without its
    year still makes "tháng trước" tháng 10)."""
    for m in P.mentions(text):
        if m.period is not None:
            return m, m.period
    return None, None


def spoken(period: P.Period) -> str:
    """A period as a question says it: "tháng 10/2025", or "tháng 10" when no year is known."""
    return period.spoken.replace("/*", "")


def shifted(mention: P.Mention, current: P.Period | None) -> P.Period | None:
    """`mention` read against `current`; None across a year no one named ("tháng trước" of
    a "tháng 1" whose year is unknown)."""
    if current is not None and not current.year_known and mention.period is None:
        probe = P.resolve(mention, current.with_year(2000))  # any year: does it cross one?
        if probe is not None and probe.year_known and probe.first[0] != 2000:
            return None
    return P.resolve(mention, current)


def written(question: str, mention: P.Mention, current: P.Period | None) -> str:
    """How the new period goes into the question: as typed, with the year the period under
    discussion gives it ("tháng 11" → "tháng 11/2025"), or spoken for a relative one."""
    typed = vn.nfc(question)[mention.start : mention.end]
    period = shifted(mention, current)
    if mention.period is None or mention.relative:  # "tháng trước", "tháng 1 năm sau"
        return spoken(period) if period is not None else typed
    if not mention.period.year_known and period is not None and period.year_known:
        # "ba tháng cuối năm" → "… năm 2025"; "tháng 11", "quý IV" → "… /2025"
        sep = " " if vn.fold(typed).endswith("nam") else "/"
        return f"{typed}{sep}{period.first[0]}"
    return typed


def against(text: str) -> P.Mention | None:
    """The period a question compares with ("… so với tháng 10?")."""
    said = [m for m in P.mentions(text) if P.set_against(text, m)]
    return said[-1] if said else None


_COMPARE_ASK = re.compile(
    r"\b(?:tăng|giảm|tang|giam|hơn|hon|chênh lệch|chenh lech|nhích|nhich|sụt|sut)\b|"
    r"\b(?:so với|so voi)\b",
    re.I,
)
_ASKED_FIGURE = re.compile(
    r"\s*\b(?:là bao nhiêu|bao nhiêu|mấy|la bao nhieu|bao nhieu|may)\b", re.I
)


# how a comparison is asked, no topic of its own
_COMPARE_WORDS = frozenset(
    vn.fold(w)
    for w in "tăng giảm hay hơn kém chênh lệch so với bao nhiêu mấy nhích sụt lên xuống "
    "thêm nhiều ít cao thấp khá hụt phần trăm điểm nhau có không sang vì sao".split()
)


def compared(
    question: str,
    mentions: list[P.Mention],
    own_topic: list[str],
    previous: str,
    current: P.Period | None,
) -> str | None:
    """ "So với tháng trước thì tăng hay giảm?", "tăng bao nhiêu so với tháng trước?": the
    previous question's figure now against the period named — a comparison, not the same
    question asked of last month."""
    relative = [m for m in mentions if m.period is None or not m.period.year_known]
    if not (relative and current is not None and _COMPARE_ASK.search(question)):
        return None
    # "giảm được mấy vụ": what the change counts is what the previous question counted
    counted = set(_CHANGE_COUNTED.findall(" ".join(vn.syllables(vn.fold(question)))))
    # "Sang tháng 11 thì thu được bao nhiêu, hơn hay kém tháng trước?": its own month, and
    # the previous question's words ("thu") — the same figure, a month on
    said = set(topic_syllables(previous, vn.has_diacritics(previous)))
    own = [
        m
        for m in mentions
        if m.period is not None
        and m.end <= relative[-1].start  # (not "tháng 10 năm ngoái": one period)
        and not P.set_against(question, m)
    ]
    if set(own_topic) - _COMPARE_WORDS - counted - (said if own else set()):
        return None  # it names a topic of its own
    asked = _ASKED_FIGURE.sub("", previous).rstrip(" ?")
    old, _ = absolute(previous)
    if own and old is not None:  # the month asked now, the one before it read from it
        now = shifted(own[0], current)
        if now is None or now == current or (other := shifted(relative[-1], now)) is None:
            return None
        asked = P.replace_mention(asked, old, written(question, own[0], current))
    elif (other := shifted(relative[0], current)) is None or other == current:
        return None
    return f"{asked} tăng hay giảm bao nhiêu so với {spoken(other)}?"


_PROVINCE_WORDS = frozenset(
    vn.fold(w) for w in "toàn cả tỉnh bình quân trung bình mặt bằng chung của số mức tỷ lệ".split()
)


def beside_province(question: str, own_topic: list[str], previous: str) -> bool:
    """A follow-up naming the province as a whole and nothing of its own, after a question
    about a place within it ("Hòa Phong", "xã Tân Khê")."""
    plain = " ".join(vn.syllables(vn.fold(question)))
    if not PROVINCE_WIDE.search(plain) or proper_names(question):
        return False
    before = vn.fold(previous)
    within = [
        n
        for n in proper_names(previous)
        if not re.search(rf"\btinh\s+{re.escape(vn.fold(n))}", before)
    ] or re.findall(r"\b(?:xa|phuong|thi tran) \w+", " ".join(vn.syllables(before)))
    return bool(within) and len(set(own_topic) - _COMPARE_WORDS - _PROVINCE_WORDS) <= 1


# the words that name a source ("bên Sở Tài chính ghi", "số của xã")
_SOURCE_WORDS = frozenset(
    vn.fold(w)
    for w in "sở bên theo ghi con số báo cáo bc xã phường tỉnh của với nhau khớp lệch khác "
    "giống đối chiếu".split()
)


def another_source(question: str, own_topic: list[str]) -> bool:
    """A follow-up asking whether a source (named: "Sở Tài chính") agrees, and nothing of its
    own: of the figure just asked."""
    plain = " ".join(vn.syllables(vn.fold(question)))
    if not AGREE_ASKED.search(plain):
        return False
    named = {vn.fold(w) for n in proper_names(question) for w in n.split()}
    return len(set(own_topic) - _COMPARE_WORDS - _SOURCE_WORDS - named) <= 1


_CHANGE_COUNTED = re.compile(
    r"\b(?:tang|giam|hon|chenh lech|chenh) (?:duoc |them |di )?(?:bao nhieu|may) (\w+)"
)


# "tháng đó", "kỳ này": the period under discussion, which the previous question carries
THAT_PERIOD = re.compile(
    r"\s*\b(?:tháng|thang|quý|quy|năm|nam|kỳ|ky)\s+(?:đó|do|này|nay|ấy|ay|kia)\b", re.I
)
_FIELD_HEAD = re.compile(r"^(?:(?:mang|linh vuc|nganh|cong tac|phan|ve|ben)\s+)+")


def field_asked(bare: str, previous: str, current: P.Period | None) -> str | None:
    """ "Còn mảng y tế tháng đó thì sao?" after a figure of the month: not that figure of
    health, but how the field went — its section, in that period, of the place named."""
    field = _FIELD_HEAD.sub("", " ".join(vn.syllables(vn.fold(bare))))
    before = f" {' '.join(vn.syllables(vn.fold(previous)))} "
    if field not in FIELD_NAMES or any(f" {f} " in before for f in FIELD_NAMES):
        return None  # (of "chi cho giáo dục bao nhiêu?", "còn y tế?" asks the same figure)
    when = f" {spoken(current)}" if current is not None else ""
    names = proper_names(previous)[:1]
    where = f" ({names[0]})" if names else ""
    return f"{bare[:1].upper()}{bare[1:]}{when} ra sao{where}?"

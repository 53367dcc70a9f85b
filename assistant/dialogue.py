"""Follow-up questions: "còn tháng 11 thì sao?", "dự án đó đang ở giai đoạn nào?",
"liệt kê chi tiết hơn" are rewritten into standalone questions from the previous turn.

Without an LLM the rewrite carries over what the follow-up leaves out — the previous
question's topic, period and the thing it named; with one, a prompt does it (answerers/llm.py).
Sessions of the CLI (`ask --session ID`) are kept by assistant/sessions.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.antecedents import (
    HOW_MUCH,
    antecedent,
    asks,
    found_by,
    named_thing,
    picks_only,
    proper_names,
    substitute,
    topic_words,
    without_extreme,
)
from assistant.followups import (
    THAT_PERIOD,
    absolute,
    against,
    another_source,
    beside_province,
    compared,
    field_asked,
    spoken,
    written,
)
from assistant.intent import MET_TOPIC, WHY_ASKED, asks_met
from assistant.query import topic_syllables
from index import periods as P
from index import vn

# "dự án đó", "công trình này", "quyết định trên", "số liệu đó" …
ANAPHORA_RE = re.compile(
    r"\b(dự án|công trình|quyết định|kế hoạch|văn bản|nhiệm vụ|số liệu|chỉ tiêu|vụ việc|vụ|"
    r"hội nghị|chương trình|đề án|trung tâm|mô hình|cuộc thi|hệ thống|đơn vị|tỉnh|huyện|xã|"
    r"phường|thôn|bản|sở|chuyện|việc|vấn đề|tình trạng|con số|đợt|tập thể|trường hợp|khoản|"
    r"tàu|doanh nghiệp|công ty|bệnh|(?<!trong )số)\s+"
    r"(đó|này|trên|ấy|kia|nói trên)\b",
    re.IGNORECASE,
)
# "trong đó …", "riêng …": a part of what was just asked
# (not "riêng tháng 10/2025 …": a period of its own, a question on its own)
PART_RE = re.compile(
    r"^(?:trong (?:đó|do)|(?:riêng|rieng)"
    r"(?!\s+(?:(?:trong|in)\s+)?(?:tháng|thang|quý|quy|năm|nam|kỳ|ky)\b))\b\W*",
    re.I,
)
MORE_RE = re.compile(
    r"\b(chi tiết hơn|cụ thể hơn|liệt kê|thêm nữa|nói rõ hơn|chi tiet hon|liet ke)\b", re.I
)
FILLER_RE = re.compile(
    r"\b(còn|con|thì sao|thi sao|thế nào|the nao|ra sao|vậy|vay|nhé|nhe|thì|thi|thế|the|đang)\b",
    re.I,
)
# A question that says it follows on: "còn …", "thế còn …", "vậy còn …", "… thì sao?"
FOLLOW_ON_RE = re.compile(
    r"^(?:(?:thế|the|vậy|vay)\s+)?(?:còn|con)\b|^(?:thế|vậy|rồi)\b|\b(?:thì|thi) sao\W*$|"
    r"^(?-i:the|vay|roi)\s",  # typed without accents, lower case (not an English "The …")
    re.I,
)


@dataclass(frozen=True)
class Turn:
    question: str  # as typed
    resolved: str  # the standalone question that was answered
    answer: str = ""


_FOLLOW_SHELL = re.compile(
    r"^(?:(?:thế|the|vậy|vay)\s+)?(?:còn|con)\s+|\s*(?:thì|thi)\s+(?:là\s+|la\s+)?"
    r"(?:sao|thế nào|the nao|ra sao|bao nhiêu|bao nhieu|mấy)\W*$|\s*(?:thế nào|the nao|ra sao)\W*$",
    re.I,
)


def _continues(
    question: str,
    own_topic: list[str],
    prev: Turn,
    mentions: list[P.Mention],
    anaphora: re.Match[str] | None,
) -> bool:
    """A question that goes on about what the previous one asked — it shares its topic's
    words and names no period, place or thing of its own — without saying it follows on."""
    if mentions or anaphora or proper_names(question) or FOLLOW_ON_RE.search(question):
        return False
    previous = topic_syllables(prev.resolved, vn.has_diacritics(prev.resolved))
    shared = set(own_topic) & set(previous) - HOW_MUCH
    if vn.has_diacritics(question) and vn.has_diacritics(prev.resolved):
        # as written: "tiền" mặt is not xúc "tiến" đầu tư
        mine = {w for w in vn.syllables(question) if vn.fold(w) in shared}
        shared = {vn.fold(w) for w in mine & set(vn.syllables(prev.resolved))}
    return bool(shared)


# "vậy ngành GD thiệt hại bao nhiêu tiền?": "vậy", "thế" go on about the same thing ("còn X"
# asks the same of another, "… đó" points at it itself)
# (unaccented in lower case only, as FOLLOW_ON_RE reads it: not an English "The …")
_GOES_ON = re.compile(r"^(?:(?i:thế|vậy)|the|vay)\b(?!\s+(?i:còn|con)\b)")
_POINTS = re.compile(r"\b(?:đó|này|ấy|kia)\b", re.I)


def _goes_on(question: str) -> bool:
    return bool(_GOES_ON.search(question)) and not _POINTS.search(question)


# where what was just counted happened, and nothing else: "tập trung ở khu nào?", "chủ yếu
# ở đâu?", "xảy ra ở xã nào?"
_WHERE_ONLY = re.compile(
    r"^(?:(?:the|vay) )?(?:(?:tap trung|chu yeu|xay ra|nhieu nhat|phan bo) )*(?:(?:o|tai) )?"
    r"(?:dau|(?:khu|thon|xa|phuong|dia ban|khu vuc|to dan pho|khu pho|linh vuc) nao)"
    r"(?: (?:vay|the|nhat))?$"
)
# "riêng trong tháng 11 …", "thực tế đến giữa tháng 1 …": its own period (a part of it, or
# what was reached by then against an estimate), no subject of its own
_OWN_PART = frozenset({"rieng", "thuc", "te"})
# what a previous question aimed at or how it wanted its answer: not what it measured
_AIM_OR_FORM = re.compile(
    r"\b(?:dự kiến|du kien|kế hoạch|ke hoach|mục tiêu|muc tieu|phấn đấu|phan dau|chỉ tiêu|"
    r"chi tieu|phần trăm|phan tram|tỷ lệ|ty le|ước|uoc)\b",
    re.I,
)


def resolve(question: str, history: list[Turn]) -> str:
    """The standalone form of `question` given the previous turns (no LLM). Only what the
    question lacks is carried over — its subject when it names none, the period when it
    follows on ("còn …", "… thì sao", "dự án đó") without one — and "tháng trước",
    "cùng kỳ" are read against the period under discussion. A question complete on its
    own is left as it is."""
    question = re.sub(r"\s+", " ", vn.nfc(question)).strip()
    if not history:
        return question
    prev = history[-1]
    old_mention, current = absolute(prev.resolved)
    accented = vn.has_diacritics(question)
    own_topic = topic_syllables(FILLER_RE.sub(" ", question), accented)
    mentions = P.mentions(question)
    follows = bool(FOLLOW_ON_RE.search(question))
    anaphora = ANAPHORA_RE.search(question)
    if PART_RE.search(question) and not proper_names(question):
        # "trong đó cấp xã bao nhiêu?": the part of what was just asked; mid-sentence, its
        # first word is no name ("…, riêng thuộc UBND cấp xã", not "…, Riêng …")
        first = question.split(" ", 1)[0]
        part = question[:1].lower() + question[1:] if first.istitle() else question
        return f"{prev.resolved.rstrip(' ?')}, {part.rstrip(' ?')}?"
    if anaphora:
        named = antecedent(anaphora.group(1), prev.resolved, prev.answer)
        if named:
            question = question[: anaphora.start()] + named + question[anaphora.end() :]
            follows = True
            mentions = P.mentions(question)
    elif MORE_RE.search(question) and len(own_topic) <= 3:
        return f"{prev.resolved.rstrip(' ?')} — liệt kê chi tiết"
    if beside_province(question, own_topic, prev.resolved) or another_source(question, own_topic):
        # "còn toàn tỉnh thì được bao nhiêu?" after Hòa Phong's rate: the same figure, the
        # commune's set beside the province's (answerers/places.py); "Sở Tài chính ghi con
        # số bao nhiêu, có khớp với xã không?": as another source gives it (…/sources.py)
        words = question.split()
        if len(words) < 2 or not words[1][:1].isupper():  # "Sở Tài chính …" keeps its name
            question = question[:1].lower() + question[1:]
        return f"{prev.resolved.rstrip(' ?')}, {question}"
    if (changed := compared(question, mentions, own_topic, prev.resolved, current)) is not None:
        return changed[:1].upper() + changed[1:]
    # (of "tháng đó" the previous question names the period)
    bare = THAT_PERIOD.sub("", _FOLLOW_SHELL.sub("", question)).strip(" ?.")
    if follows and not mentions and (field := field_asked(bare, prev.resolved, current)):
        return field  # "còn mảng y tế tháng đó thì sao?": how the field went then
    if (
        follows
        and not mentions
        and not anaphora
        and bare
        and len(own_topic) <= 4
        and not asks(bare)
    ):
        # "còn công chức thì sao?", "còn Bình Thuận thì sao?": the same question about X
        return substitute(prev.resolved, bare)
    if mentions and len(own_topic) <= 1:
        # "còn tháng 11 thì sao?", "tháng trước thì sao?": the previous question, new period
        new = written(question, mentions[0], current)
        # "còn so với cùng kỳ năm ngoái?": the period compared with, not the one asked of
        if P.set_against(question, mentions[0]):
            old_mention = against(prev.resolved) or old_mention
        if old_mention is not None:
            return P.replace_mention(prev.resolved, old_mention, new)
        return f"{prev.resolved.rstrip(' ?')} ({new})?"
    resolved = question
    for m in reversed([m for m in mentions if m.period is None or not m.period.year_known]):
        if current is not None:  # "tháng trước" in a question of its own
            resolved = P.replace_mention(resolved, m, written(resolved, m, current))
    plain = " ".join(vn.syllables(vn.fold(question)))
    if asks_met(plain) and not set(own_topic) - MET_TOPIC and not anaphora:
        # "vậy có đạt mục tiêu đề ra không?" measures nothing itself: what the previous
        # question measured, at its period unless it names one
        carry = [topic_words(prev.resolved, own_topic)]
        carry += [spoken(current)] if not mentions and current is not None else []
        return f"{resolved.rstrip(' ?')} ({', '.join(c for c in carry if c)})?"
    carry = []
    # "đã giải ngân được bao nhiêu rồi?" right after "Sở Xây dựng được giao bao nhiêu vốn?":
    # too bare to stand alone, it follows on without saying so; "nhờ đâu mà tăng mạnh vậy?"
    # asks the cause of what was just said, its verb no subject
    why = bool(WHY_ASKED.search(plain)) and len(own_topic) <= 5
    where = _WHERE_ONLY.match(plain) is not None  # "tập trung ở khu nào?": of what was counted
    bare = not mentions and (len(own_topic) <= 2 or why or where)
    if (follows or bare) and not proper_names(question) and not anaphora:
        # "thế tỉnh đã công nhận chưa?" — of what? The thing the previous question named
        # ("dự án Kè bờ sông Mai"), else its proper names. (Its whole subject, measured on the
        # bank's tune half, cost as much as it brought.)
        named = named_thing(prev.resolved)
        carry += [named] if named else proper_names(prev.resolved)[:2]
        if picks_only(question, own_topic):
            # "thôn nào bị nhiều nhất?" after "… bao nhiêu ca sốt xuất huyết?": among what,
            # of what — the cases the previous question counted, where it counted them (not
            # its own "nhiều nhất" beside the "ít nhất" asked now)
            carry = [" ".join(without_extreme(topic_words(prev.resolved, own_topic).split()))]
        elif (not carry or why or where) and (
            len(own_topic) <= 2 or why or where or _goes_on(question)
        ):
            # "thế đã kích hoạt được bao nhiêu?", "vì sao chậm vậy?" name nothing at all:
            # what the previous question was about ("tài khoản định danh điện tử"); a cause
            # asked of it ("sao lại giảm vậy?", `intent.WHY_ASKED`) with the place it named, too
            about = topic_words(prev.resolved, own_topic)
            # a cause asks of the one found, not again for the most of them ("nhất")
            carry += [" ".join(without_extreme(about.split())) if why else about]
            if where:  # its names are in what it was about ("phường Thạch Bàn … ca sốt")
                carry = [c for c in carry if c == about or vn.fold(c) not in vn.fold(about)]
            if why and (found := found_by(prev.answer)):
                carry.append(found)  # why "xã Thạch Bàn" is slowest: the one just found
        follows = follows or bool(carry)
    elif (
        mentions
        and not follows
        and not anaphora
        and not proper_names(question)
        and asks(question)
        and len(set(own_topic) - _OWN_PART) <= 1
    ):
        # "Riêng trong tháng 11 thì tiêu được bao nhiêu?" after the rate disbursed by 30/11:
        # its own period and verb, of what the previous question measured, where
        # (not what it aimed at, nor its answer's form: "bao nhiêu phần trăm")
        names = proper_names(prev.resolved)[:1]
        about = _AIM_OR_FORM.sub(" ", topic_words(prev.resolved, own_topic))
        named = {vn.fold(w) for n in names for w in n.split()}
        carry += [" ".join(w for w in about.split() if vn.fold(w) not in named), *names]
    elif follows and not anaphora and asks(question) and len(own_topic) <= 4:
        # "còn sang Đức bao nhiêu người?" after "lao động đi nước ngoài sang nước nào đông
        # nhất?": a new name asked of what the previous question was about
        about = without_extreme(topic_words(prev.resolved, own_topic).split())
        carry += [" ".join(about)] if about else []
    if follows and not mentions and current is not None:
        carry.append(spoken(current))
    elif (
        current is not None
        and current.unit != "year"  # a year names an event ("Hội nghị … năm 2025") as often
        and _continues(question, own_topic, prev, mentions, anaphora)
    ):
        # "lũy kế từ đầu năm là bao nhiêu giấy phép?" after "Tháng 11 cấp bao nhiêu giấy
        # phép?": the same thing, so the same period; "lĩnh vực nào nhiều lượt nhất?" names
        # too little to say of what — what the previous question counted
        if len(set(own_topic) - HOW_MUCH) <= 3:
            carry.append(topic_words(prev.resolved, own_topic))
        carry.append(spoken(current))
    if carry:
        resolved = f"{resolved.rstrip(' ?')} ({', '.join(carry)})?"
    return resolved

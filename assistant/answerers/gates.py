"""What a unit must hold to answer at all, whatever the model's probability: the kind of
answer asked (`kinds`: a rank, a rate, an amount, a day, a name, a cause; a figure achieved,
not one aimed at; the periods asked are `asked`'s). A unit failing them is about the right
thing and still no answer: these are the near-misses a coverage score answers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answerers import named, project_facts
from assistant.answerers.aims import ACHIEVED_Q, PLAN_ASKED, aimed_at, done_not_aimed, plans_only
from assistant.answerers.counting import beyond_given, counted_nouns, counts, written_noun
from assistant.answerers.figures import segments
from assistant.answerers.kinds import kinds
from assistant.answerers.place_kinds import other_place_row
from assistant.query import Query, without_periods
from index import vn

# an average said as a figure (asked: `Kinds.average`); "thấp hơn mức trung bình của tỉnh"
# gives none
_AVERAGE_A = re.compile(
    r"(?:trung bình|bình quân)[^;,.()]{0,40}\d|\d[^;,.()]{0,30}(?:trung bình|bình quân)", re.I
)
_RANK_A = re.compile(r"(?:hạng|thứ)\s*:?\s*\d|\d+\s*/\s*63\b", re.I)
# money beside its figure, or a table cell's under a header that says it ("Giải ngân lũy kế
# (triệu đồng): 2.300", "… (triệu đồng) - Tổng số: 1.806.630", "Đơn vị tính: Triệu đồng")
_MONEY_A = re.compile(
    r"\d\s*(?:triệu|tỷ|nghìn|ngàn)?\s*(?:đồng|đ\b)|\d\s*(?:triệu|tỷ)\b|"
    r"đồng\)[^;:]{0,40}:\s*\d|Đơn vị tính:\s*(?:triệu|tỷ|nghìn)?\s*đồng",
    re.I,
)
# a day ("05/01/2026", "ngày 12/01", "ngày 5"), whole: not a month ("01/2026"), an amount
# over its total ("63/139") or a rank ("36/63")
_DATE_A = re.compile(
    r"(?:ngày\s+)?(?<![\d/])(?:[0-2]?\d|3[01])\s*/\s*(?:0?[1-9]|1[0-2])"
    r"(?:\s*/\s*(?:\d{4}|\d{2}))?(?![\d/])|"
    r"ngày\s+\d{1,2}\b",
    re.I,
)
# classifiers no other word counts in the reports' words: "bao nhiêu lượt khách" is answered
# by "… 12.500 lượt", never by the 126 stalls or the revenue of the same fair
_CLASSIFIERS = frozenset({"luot", "vu", "suat", "gian", "lop", "ho"})
# a cause said as reports say one ("do …", "vì …", "còn vướng …", "chưa bàn giao")
_WHY_A = re.compile(
    r"(?<!\w)(?:do|vì|bởi|nhờ|nguyên nhân|lý do|vướng|chưa|thiếu|because|due to)(?!\w)", re.I
)
# the words a question asks why with ("do đâu", "vì sao", "lý do"): none of its topic
_ASKING = frozenset(
    vn.syllables("do đâu dau vì vi sao tại tai lý ly nguyên nguyen nhân nhan nhờ nho")
)


def _cause_said(query: Query, sentence: str) -> bool:
    """A cause said as reports say one — not by a word the question names as its topic
    ("thiếu vắc xin … do đâu?": the sentence's "thiếu cục bộ" is the shortage, no cause).
    Words are read as typed: the "đó" of "mấy hộ đó" is no "do"."""
    typed = query.accented and not query.english
    topic = set(vn.syllables(query.text.lower() if typed else query.folded)) - _ASKING
    said = (m.group(0).lower() if typed else vn.fold(m.group(0)) for m in _WHY_A.finditer(sentence))
    return any(w not in topic for w in said)


# where: "tại …", "ở …", or a stretch of road or a hamlet named ("Tuyến ĐT.614 đoạn qua thôn
# Tân Thịnh: 01 vụ")
_PLACE_A = re.compile(
    r"(?<!\w)(?i:tại|ở|trên địa bàn|đoạn qua)\s+\w|"
    r"(?<!\w)(?i:thôn|khu phố|tổ dân phố|bản|xóm|ấp)\s+[A-ZĐÂĂÊÔƠƯ0-9]|\b(?i:km)\s*\d",
)
_COMMUNES_Q = re.compile(r"\b(?:xa|phuong|commune|ward)s?\b")
_COMMUNE_A = re.compile(r"(?<!\w)(?i:xã|phường|thị trấn)\s*:?\s+[A-ZĐÂĂÊÔƠƯ]")
_DOC_DATE = re.compile(r"\s*,?\s*ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?", re.I)


def _without_documents(text: str) -> str:
    """`text` without its document numbers and their dates ("Kế hoạch số 15/KH-UBND ngày
    08/01/2026" dates the plan, not the festival it plans)."""
    for m in reversed(vn.documents_in(text)):
        tail = _DOC_DATE.match(text, m.end())
        text = text[: m.start()] + text[tail.end() if tail else m.end() :]
    return text


def without_when(text: str, keep_documents: bool = False) -> str:
    """`text` without what dates it — periods, days, documents: what is left of its digits
    are figures ("Trong tháng 10/2025, thu NSNN đạt khá" holds none)."""
    text = vn.nfc(text) if keep_documents else _without_documents(vn.nfc(text))
    # a row's number ("STT: 1.1."), a form's ("Biểu mẫu 7"), an item's ("1.") count nothing
    text = _ORDINAL.sub(" ", text)
    # a bare year names an event ("lễ hội hoa Đào Xứ Lạng 2024"), it counts nothing
    return _BARE_YEAR.sub(" ", _DATE_A.sub(" ", without_periods(text)))


_ORDINAL = re.compile(
    r"(?:^|(?<=; ))S?TT: [\dIVXivx.]+(?=;|$)|\b(?:Biểu mẫu|Mẫu số|Phụ lục)\s+(?:số\s+)?[\dIVX]+\b|"
    r"^\s*(?:[-+•]\s*)?\d{1,2}(?:\.\d{1,2})*[.)](?=\s)",  # a numbered item's "1." / "2.1."
    re.M,
)
_BARE_YEAR = re.compile(r"(?<![\d.,/])(?:19|20)\d{2}(?![\d,/-]|\.\d)(?!\s*(?:%|người|hộ|lượt))")


def given_figures(query: Query) -> frozenset[str]:
    """The keys of the figures a question writes itself — not its periods, days or
    documents: what it gives, never what it asks for."""
    return _given(query.text)


@lru_cache(maxsize=1024)
def _given(text: str) -> frozenset[str]:
    return frozenset(vn.number_key(n) for n in vn.numbers(without_when(text)))


def _own_figure(query: Query, text: str, numbered: bool) -> bool:
    """Whether `text` holds a figure the question does not give itself (not its periods,
    days or documents)."""
    own = given_figures(query)
    return any(vn.number_key(n) not in own for n in vn.numbers(without_when(text, numbered)))


def answer_type(query: Query, sentence: str) -> float:
    """0 when the question asks for a kind of answer the sentence does not hold — a figure
    with no figure at all or only aimed at ("phấn đấu … đạt 50%"), a rank ("xếp thứ
    mấy") with no rank, a rate with no %, money with no amount, a day ("khi nào") with no
    date, which is the most ("nhiều nhất") with none said: it is about the right thing but
    does not answer. 1 when it holds every kind asked, 0.5 when the question asks for none."""
    asked = kinds(query.folded)
    checks = []
    if asked.figure:
        # a figure the question does not give itself ("36 mô hình điểm … đã xong bao
        # nhiêu?": the sentence saying "36 mô hình" again answers nothing)
        own = given_figures(query)
        checks.append(_own_figure(query, sentence, asked.numbered))
        # "trong 46 trường, bao nhiêu trường tiểu học": another figure, of what is counted
        checks.append(beyond_given(query, sentence, own))
        if asked.average:  # "bình quân toàn tỉnh là bao nhiêu": that
            checks.append(bool(_AVERAGE_A.search(sentence)))  # figure, not one beside it
        if not asked.target:  # what was done, not what is aimed at
            checks.append(not aimed_at(query, sentence))
            if ACHIEVED_Q.search(query.folded):  # nor a plan's amount
                checks.append(not plans_only(sentence, without_when(sentence)))
        elif PLAN_ASKED.search(query.folded):  # what is aimed at, not what was done
            checks.append(not done_not_aimed(query, sentence))
            if _QUOTA_Q.search(query.folded):  # "được giao chỉ tiêu bao nhiêu": a quota said
                checks.append(bool(_QUOTA_A.search(sentence)))
    if asked.rank:
        checks.append(bool(_RANK_A.search(sentence)))
    elif asked.rate:
        checks.append("%" in sentence or "phần trăm" in sentence.lower())
    elif asked.money:
        checks.append(bool(_MONEY_A.search(sentence)))
        if _PLAN_Q.search(query.folded):  # "dự toán tỉnh giao là bao nhiêu tiền"
            checks.append(states_plan(sentence))
    if asked.figure and (held := named.bound(query, sentence, counted_nouns(query))) is not None:
        checks.append(held)  # the count of the thing the question names, not beside it
    # "bao nhiêu lượt khách": a count of visits, not of stalls or đồng
    if noun := next((n for n in counted_nouns(query) if n in _CLASSIFIERS), ""):
        checks.append(counts(noun, sentence, written=written_noun(query, noun)))
    if asked.day:
        dated = sentence if asked.issued else _without_documents(sentence)
        checks.append(bool(_DATE_A.search(dated)))
    if asked.why and not (asked.figure or asked.two):  # a cause alone: one said
        checks.append(_cause_said(query, sentence))
    if asked.place:  # "ở đâu": where it is ("tại quảng trường Bến Đò")
        where = _without_documents(sentence)
        # "những xã, phường nào … là những nơi nào": communes named ("Gồm các xã: Khe Lau")
        communes = _COMMUNES_Q.search(query.folded) and _COMMUNE_A.search(where)
        checks.append(bool(_PLACE_A.search(where) or communes))
    if asked.document:
        checks.append(bool(vn.documents_in(sentence)))
    if asked.code:  # its number, of that kind ("…/NQ-HĐND"), not another document's
        checks.append(any(asked.code in m.group(0) for m in vn.documents_in(sentence)))
    if named.asks_who(query):
        checks.append(named.names_someone(query, sentence))
    if named.asks_firm(query):
        checks.append(named.names_firm(sentence))
    if (attribute := project_facts.held(query, sentence)) is not None:
        checks.append(attribute)  # "ai làm chủ đầu tư", "tổng mức đầu tư bao nhiêu"
    if (kind := named.breakdown_asked(query)) and not named.breaks_down(kind, sentence):
        checks.append(False)  # "của từng phường": the city's total is no answer
    if part := named.part_asked(query):  # "…, trong đó bao nhiêu người có công?": that part
        checks.append(named.holds_part(part, sentence, named.whole_words(query)))
    if not named.qualifiers_held(query, sentence):  # "tài khoản định danh mức 2": that level
        checks.append(False)
    if vn.contrasted(query.folded, sentence):  # "vụ Mùa" for "vụ Đông Xuân": another thing
        checks.append(False)
    if other_place_row(query.folded, sentence):
        checks.append(False)
    if asked.figure and vn.member_unnamed(query.folded, sentence):  # "bao nhiêu khách quốc
        checks.append(False)  # tế": "18.400 lượt khách du lịch" counts all of them
    if _CONCLUDED_Q.search(query.folded):  # what an inspection concluded: its conclusion
        checks.append("ket luan" in vn.fold(sentence))
    if query.extreme:  # "xã nào nhiều nhất": a sentence that says which is (lists are compare's)
        checks.append(bool(_EXTREME_A.search(sentence)))
    return 0.5 if not checks else float(all(checks))


# a quota or target's size asked ("được giao chỉ tiêu bao nhiêu công dân nhập ngũ"): the
# sentence names one (not "khám sức khỏe cho 612 công dân", what was done)
_QUOTA_Q = re.compile(r"\b(?:chi tieu|muc tieu(?! quoc gia)|duoc giao|target)\b")
_QUOTA_A = re.compile(
    r"\b(?:chỉ tiêu|mục tiêu|kế hoạch|KH|dự toán|giao|phấn đấu|dự kiến|đề ra|đặt ra)\b", re.I
)
# the amount of a plan asked for ("dự toán thu NSNN tỉnh giao năm 2026 là bao nhiêu tiền")
_PLAN_Q = re.compile(r"\b(?:du toan|chi tieu|(?:tinh|trung uong|thanh pho) giao)\b")
_PLAN_A = re.compile(r"\b(?:du toan|chi tieu|ke hoach|muc tieu|giao)\b")
_OVER_PLAN = re.compile(r"\d[\d.,]*\s*/\s*\d[\d.,]*\s*(?:triệu|tỷ|nghìn)?\s*đồng", re.I)


def states_plan(sentence: str) -> bool:
    """Whether the sentence gives a plan's amount ("dự toán tỉnh giao 412.380 triệu đồng",
    "365.912/412.380 triệu đồng"), not only a share of it ("đạt 10,8% dự toán")."""
    if _OVER_PLAN.search(sentence):
        return True
    return any(
        "đồng" in seg.unit and _PLAN_A.search(vn.fold(seg.before)) for seg in segments(sentence)
    )


# "đoàn thanh tra kết luận gì / thế nào": a sentence that it came, or is at work, says not
_CONCLUDED_Q = re.compile(r"\bket luan (?:\w+ ){0,3}?(?:gi|the nao|ra sao|nhu the nao)\b")
_EXTREME_A = re.compile(
    r"\b(?:(?:cao|thấp|nhiều|ít|lớn|nhỏ|tốt|kém|mạnh|yếu|đông|sớm|chậm|nhanh)"
    r"(?:\s+[^\s,;.]+){0,4}?\s+nhất|"
    r"đứng đầu|dẫn đầu)\b",
    re.I,
)


def missing_kinds(query: Query, said: str) -> list[re.Pattern[str]]:
    """The kinds a question asking two things wants ("xử lý mấy vụ … và phạt bao nhiêu
    tiền?") that what is quoted (`said`) does not hold — an amount, a rate, a day — each as
    the pattern of a unit that holds it."""
    asked = kinds(query.folded)
    if not asked.two:
        return []
    out = []
    if asked.money and not _MONEY_A.search(said):
        out.append(_MONEY_A)
    if asked.rate and not _RATE_A.search(said):
        out.append(_RATE_A)
    if asked.day and not _DATE_A.search(said if asked.issued else _without_documents(said)):
        out.append(_DATE_A)  # (the day a document was issued is its own date)
    return out


_RATE_A = re.compile(r"\d\s*%|phần trăm", re.I)


def kind_held(query: Query, unit: str, passage: str) -> bool:
    """Whether the unit holds the kind of answer asked (`answer_type`); a question asking
    two things ("tổ chức cuộc thi gì, diễn ra trong thời gian nào?") may find the second
    in the unit's passage."""
    if answer_type(query, unit) > 0:
        return True
    if vn.contrasted(query.folded, unit):
        return False  # the whole revenue is no land-use fee, whatever its passage says next
    asked = kinds(query.folded)
    # two figures asked ("bao nhiêu vị trí, bao nhiêu người"): a unit with none of its own
    # (the decision that approved them) holds neither, whatever its passage counts
    only_figures = asked.figure and not (asked.day or asked.place or asked.why or asked.document)
    if only_figures and not _own_figure(query, unit, asked.numbered):
        return False
    return asked.two and answer_type(query, passage) > 0

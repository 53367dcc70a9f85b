"""The words a section question names a section with ("tồn tại", "nhiệm vụ tháng tới",
"Kiến nghị, đề xuất"), not the words it asks with ("báo cáo nêu những gì", "tự nhận", "ở
những mặt nào", "xin tỉnh"): read once per question by answerers/section.py."""

from __future__ import annotations

import re

from assistant.answerers.support import question_terms
from assistant.intent import FOCUS_ASKED, NEWS_ASKED, PROPOSAL_ASKED
from assistant.query import Query
from index import vn

# Words that say how a section is asked about, not which: they need no match.
_ASKING = frozenset(
    vn.terms(
        "tình hình công tác kết quả nội dung báo cáo nêu thế nào trong tháng phải cần sang việc "
        "ngành được giao làm gì tập trung còn chuyện bc chỗ gặp thấy lĩnh vực khối hoạt động"
    )
)

# The kinds of heading a question names: tasks, shortcomings, strengths, proposals.
HEADING_TERMS = frozenset(vn.terms("nhiệm vụ hạn chế ưu điểm kiến nghị"))


_DONE = re.compile(
    r"\b(?:da (?:duoc )?(?:hoan thanh|thuc hien|trien khai|lam)|hoan thanh chua|lam duoc|"
    r"dang (?:trien khai|thuc hien)|ket qua|completed|done)\b"
)


def wants_plan(query: Query) -> bool:
    """Tasks asked about as a plan ("nhiệm vụ tháng tới"), not as what was done with them
    ("những nhiệm vụ nào đã hoàn thành"): only then do the plan sections answer."""
    return query.about_tasks and not _DONE.search(" ".join(vn.syllables(query.folded)))


def asked_terms(query: Query) -> list[str]:
    """The words a section must be named or written with: not how it is asked, nor (typed
    without diacritics) a syllable that could be any of several words ("ve": về, vé, vẽ)."""
    terms = question_terms(query.content)
    unsure = vn.AMBIGUOUS_FOLDED if not query.accented else frozenset()
    # "mảng quốc phòng": the area of work a section is about, as "lĩnh vực" is; typed
    # without diacritics it may be "mạng" (an ninh mạng), and stays
    area = {"mang"} if query.accented and _AREA.search(query.text) else set()
    asking = _ASKING | area
    # "báo cáo tự nhận còn những mặt yếu nào": how the report says it, not what about
    plain = " ".join(vn.syllables(query.folded))
    said = {w for m in _SELF.finditer(plain) for w in m.group(0).split()}
    # "sau 9 tháng": how long, which the report's period says, not which section
    said |= {w for m in _SPAN.finditer(plain) for w in m.group(0).split()[:-1]}
    said |= {"mat"} if _FACETS.search(plain) else set()  # "yếu ở những mặt nào": how it asks
    said |= {"lam", "an"} if _DOING.search(plain) else set()  # "làm ăn ra sao": how it went
    said |= {"lam", "dat", "duoc"} if _ACHIEVED.search(plain) else set()  # "làm được gì"
    # "kế hoạch tháng 12 cho …": the tasks set for the month, as the tasks heading is asked
    said |= {"ke", "hoach"} if _PLAN_OF.search(plain) and wants_plan(query) else set()
    # "cuối năm 2025", "đầu tháng 12": when, as the report's period says it, not which section
    said |= {m.group(1) for m in _WHEN_IN.finditer(plain)}
    said |= {w for m in re.finditer(NEWS_ASKED, plain) for w in m.group(0).split()}
    # "tính làm những gì" (folded, "tỉnh Lâm" too: no synonym of its own): the tasks heading
    planned = _PLANNED.search(plain)
    # "xin tỉnh những gì": the proposals heading, however the asking is worded
    proposed = PROPOSAL_ASKED.search(plain)
    said |= {"xin", "muon", "nho", "cap", "tren"} if proposed else set()  # "xin cấp trên"
    if proposed or PROPOSALS & set(terms):  # "đề xuất … xử lý gì"
        said |= _PROPOSAL_VERBS
    if proposed:  # "nhờ trung ương gỡ những vướng mắc nào": what the proposals are about
        said |= _STUCK
    return (
        [
            t
            for t in terms
            if t not in asking
            and t not in unsure
            and t not in said
            and not (planned and t in _PLANNING_WORDS)
        ]
        + (_TASKS_HEADING if planned else [])
        + (sorted(PROPOSALS) if proposed else [])
    )


_SPAN = re.compile(r"\b(?:sau |trong )?\d{1,2} thang\b")
_PLAN_OF = re.compile(r"\bke hoach (?:thang|quy|nam)\b")
_WHEN_IN = re.compile(r"\b(cuoi|dau|giua) (?:nam|thang|quy|ky)\b")
_SELF = re.compile(r"\b(?:tu nhan|thua nhan|tu danh gia|tu nhan xet)\b")
_ACHIEVED = re.compile(r"\b(?:lam|dat)(?: \w+){0,3} duoc (?:nhung )?(?:gi|viec gi|ket qua gi)\b")
_DOING = re.compile(r"\blam an (?:ra sao|the nao|nhu the nao|co|duoc|sao)\b")
_FACETS = re.compile(r"\b(?:nhung|cac|mot so) mat\b|\bmat nao\b")
PROPOSALS = frozenset(vn.terms("kiến nghị"))
_PROPOSAL_VERBS = frozenset(vn.terms("xử lý giải quyết hỗ trợ xem xét quan tâm tháo gỡ"))
_STUCK = frozenset(vn.terms("vướng mắc"))
# "tính làm những gì", "làm những việc gì trọng tâm": the tasks heading, worded in chat
_PLANNED = re.compile(
    r"\btinh lam\b(?= (?:gi|nhung|nhu|cac|viec))|\b(?:viec|lam)(?: \w+){0,3} trong tam\b|"
    rf"\b{FOCUS_ASKED}\b"
)
_TASKS_HEADING = vn.terms("nhiệm vụ")
# the words of those phrasings, which no heading needs to say
_PLANNING_WORDS = frozenset(
    t  # each word alone: "định làm" together is the tasks heading's own synonym
    for w in "tính định làm trọng tâm tập trung ưu tiên dồn sức vào thực hiện triển khai".split()
    for t in vn.terms(w)
)


_AREA = re.compile(r"\bmảng\b", re.I)

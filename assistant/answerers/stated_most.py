"""A superlative a report states itself: "118 căn nhà bị sập, hư hỏng, nhiều nhất tại xã Đồng
Sơn (22 căn)", "Phường Tân An là đơn vị có số thu lớn nhất, đạt 184,2 tỷ đồng". Quoted as the
report says it before any list is ranked: the report has read its own list (which may be a
table the question's words do not reach, or not be given at all)."""

from __future__ import annotations

import re
import time

from assistant.answerers.summary import clean
from assistant.answerers.support import AMOUNT_IN_DONG, coverage
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.query import Query
from index import vn

# the report's own words for the extreme asked, folded ("cao nhất", "ít nhất" — not "ít nhất
# 15 trường": at least)
_MOST = {  # ("thu hút nhiều dự án nhất": what is counted may stand between)
    "max": re.compile(r"\b(?:nhieu|cao|lon|manh|nang|nhanh|dong|tot|sau)(?: \w+){0,2} nhat\b"),
    "min": re.compile(r"\b(?:thap|it|cham|nho|kem|yeu)(?: \w+){0,2} nhat\b(?! \d)"),
}
_MAIN = re.compile(r"\bchu yeu\b")
# "…, vì sao?": a reason asked beside the extreme, not what is measured
_WHY = re.compile(r"\b(?:vi|tai) sao\b")
_MONEY = frozenset(vn.terms("tiền kinh phí"))
_REFERS_BACK = re.compile(r"(?:cac|nhung|so) (?:vu|vu viec|truong hop|doi tuong|ho|ca)\b")
# the share of what the question measures the sentence (with its section's title) must say,
# as a section title must explain a section asked for (answerers/section.py)
MATCH = 0.75


def answer(query: Query, ctx: Context, terms: list[str]) -> Answer | None:
    """The sentence of the question's hits that says the extreme asked of what it measures
    (`terms`) and gives its figure; None when no sentence says it."""
    plain = " ".join(vn.syllables(query.folded))
    # "chủ yếu là loại gì": the report's "chủ yếu là trộm cắp tài sản (29 vụ, …)" says it
    most = _MAIN if _MAIN.search(plain) else _MOST.get(query.extreme)
    why = set(m.group(0).split()) if (m := _WHY.search(plain)) else set()
    terms = [t for t in terms if t not in vn.STOPWORDS and t not in why]
    if most is None or not terms:
        return None
    t0 = time.perf_counter()
    best = None
    for hit in ctx.hits(query, max(ctx.k, 12)):  # as many as lists are ranked from
        if hit.chunk.kind == "table":
            continue  # a row names no extreme; its table is ranked as a list
        weight = ctx.corpus.report_idf(hit.chunk.report_id)
        pairs = [
            (s, ss[i - 1] if i else "")
            for line in hit.chunk.text.split("\n")
            for ss in [vn.sentences(line)]
            for i, s in enumerate(ss)
        ]
        for sentence, before in pairs:
            # the clause that says it: "…; học sinh giỏi quốc gia đạt cao nhất trong 05 năm; Kỳ
            # thi tốt nghiệp THPT …" says no extreme of the exam's subjects
            clause = next(
                (c for c in sentence.split(";") if most.search(" ".join(vn.syllables(vn.fold(c))))),
                "",
            )
            if not clause or not vn.numbers(clause):
                continue
            # "Các vụ việc chủ yếu là trộm cắp …" is about what the sentence before counts
            said = set(vn.terms(f"{clause} {hit.chunk.section_title}"))
            if _REFERS_BACK.match(vn.fold(clause.strip())):
                said |= set(vn.terms(before))
            if AMOUNT_IN_DONG.search(clause):
                said |= _MONEY  # "thiệt hại nặng nhất về tiền": "21.470 triệu đồng" says it
            score = coverage(terms, said, weight)
            if score >= MATCH and (best is None or score > best[0]):
                best = (score, hit, clean(sentence))
    if best is None:
        return None
    _, hit, quote = best
    citer = Citer(ctx.store)
    n = citer.cite(hit.chunk, hit.score, quote)
    return citer.answer(query.text, ["Báo cáo nêu:", f"- {quote} [{n}]"], t0, "compare")

"""The default answerer, no LLM needed: quote the sentences that answer, each cited.

Candidates are the quotable units of the hits (`units`: sentences, footnotes, one table row
with its column headers), ranked by how much of the question they cover. Whether to
answer at all is decided by the gates in `gates` (the period and the kind of answer asked)
and then by the calibrated model in `support`, never by one threshold.
"""

from __future__ import annotations

import re
import time

from assistant.answerers import derived, named, quoted, tables
from assistant.answerers.asked import unmet_month
from assistant.answerers.clauses import (
    footnotes_for,
    referenced,
    with_footnotes,
)
from assistant.answerers.counting import beyond_given
from assistant.answerers.gates import (
    answer_type,
    given_figures,
    missing_kinds,
)
from assistant.answerers.holds import holds_kind, whole_row
from assistant.answerers.kinds import kinds
from assistant.answerers.place_kinds import other_place_row
from assistant.answerers.support import (
    Signals,
    coverage,
    model,
    name_share,
    question_terms,
    signals,
)
from assistant.answerers.units import Candidate, candidates, header_of
from assistant.cite import Answer
from assistant.context import Context
from assistant.query import Query
from assistant.retrieve import Hit
from index import vn

NOT_FOUND = (
    "Các báo cáo đã nạp không có thông tin để trả lời câu hỏi này. "
    "Hãy thử diễn đạt khác, nêu rõ kỳ báo cáo, hoặc nạp thêm báo cáo liên quan."
)


def judge_one(query: Query, cand: Candidate, best_score: float, ctx: Context) -> Signals:
    """Why a unit might answer the question: the signals the decision weighs."""
    chunk = cand.hit.chunk
    corpus = ctx.corpus
    # a list asked for is quoted with the footnotes its sentence refers to, where reports
    # keep their lists ("tạm đình chỉ 02 cơ sở¹¹" — ¹¹ "Quán karaoke …; Nhà nghỉ …")
    listed = ""
    if query.is_list:
        listed = " ".join(fn.text for fn in referenced(chunk, cand.sentence, ctx.store.chunks))
    return signals(
        query,
        f"{cand.sentence} {cand.context} {chunk.extra.get('context', '')} {listed}",
        chunk.embed_text,
        header_of(chunk),
        corpus.report_idf(chunk.report_id),
        corpus.report_count(chunk.report_id),
        cand.hit.dense or 0.0,
        (cand.hit.dense_rank, cand.hit.lexical_rank),
        cand.score / best_score if best_score > 0 else 0.0,
        cand.hit.exact and beyond_given(query, cand.sentence, given_figures(query)),
        query.understood,
    )


_SO_FAR = re.compile(r"\b(?:luy ke|cong don|den nay|hien nay|hien tai|hien co|ca nam|tu dau nam)\b")
RERANK = 5  # the units judged: the best by coverage and the next ones nearly as good
RERANK_CLOSE = 0.75
CAUSE_CLOSE = 0.6  # (judgement, not fitted: the bank's tune half is unchanged by it)


def judge(
    query: Query, cands: list[Candidate], ctx: Context
) -> tuple[float, Signals, list[Candidate]]:
    """The calibrated probability that quoting the best unit answers the question, the
    signals it was judged on, and the candidates with that unit first (0 when it does not
    hold the kind of answer asked). Of the few units nearly as well covered, the one naming
    most of what the question names ("… của Bộ Nội vụ") is the better quote even when a
    longer one covers more words."""
    best = cands[0].score

    def near(share: float) -> tuple[list[int], list[int]]:
        close = [i for i, c in enumerate(cands[:RERANK]) if i == 0 or c.score >= share * best]
        return close, [i for i in close if holds_kind(query, cands[i], ctx)]

    close, held = near(RERANK_CLOSE)
    if not held and (kinds(query.folded).why or query.is_list):
        # a cause asked: the sentence naming the event may say none ("… phải tạm dừng thi
        # công."), a less covered one does ("tạm dừng thi công do còn 07 hộ …"); a list
        # asked: the sentence counting them names none ("04 tàu bị chìm …"), the list does
        close, held = near(CAUSE_CLOSE)
    # a unit holding what is asked itself beats one whose passage holds it further on
    # ("… 36 mô hình điểm" before "đã hoàn thành 17 mô hình, 18 mô hình đang triển khai")
    own = [i for i in held if holds_kind(query, cands[i], ctx, in_passage=False)]
    typed = own or held or close
    # the right kind of answer, then most names, then (for a running total or the present
    # state, "lũy kế", "hiện nay") the newest report, then the best covered
    newest = _SO_FAR.search(" ".join(vn.syllables(query.folded))) is not None

    def key(i: int) -> tuple[float, str, int]:
        info = ctx.store.info(cands[i].hit.chunk.report_id) if newest else None
        return (name_share(query, cands[i].hit.chunk.embed_text), info.date if info else "", -i)

    pick = max(typed, key=key)
    s = judge_one(query, cands[pick], best, ctx)
    p = model().probability(s) if pick in held else 0.0
    if pick in held and whole_row(query, cands[pick]):
        p = max(p, ctx.threshold)
    if pick in own and p < ctx.threshold:
        # its passage answers by the unit covering the question best, which holds the
        # figure only further on: judged as that unit, quoted where the figure is
        chunk = cands[pick].hit.chunk.id
        same = [i for i in held if i not in own and cands[i].hit.chunk.id == chunk]
        p = max([p, *(model().probability(judge_one(query, cands[i], best, ctx)) for i in same)])
    pool = own or held
    if p < ctx.threshold and len(pool) > 1:
        # the unit preferred does not answer; another nearly as well covered may (a list's
        # footnote after the sentence that names the conference)
        signals_of = {i: judge_one(query, cands[i], best, ctx) for i in pool if i != pick}
        judged = max((model().probability(si), i) for i, si in signals_of.items())
        if judged[0] >= ctx.threshold:
            p, pick = judged
            s = signals_of[pick]
    return p, s, [cands[pick], *cands[:pick], *cands[pick + 1 :]]


def extract(query: Query, hits: list[Hit], ctx: Context) -> tuple[list[tuple[Hit, str]], float]:
    """(hit, quoted unit) pairs that answer the question, best first, with the footnotes
    that hold the details asked for; [] when the best one is judged not to answer."""
    cands = candidates(query, hits, ctx)
    if not cands:
        return [], 0.0
    probability, _, cands = judge(query, cands, ctx)
    if query.english and query.understood < 0.75:
        probability *= query.understood  # the glossary missed a term: any answer is a guess
    if probability < ctx.threshold:
        return [], probability
    return assemble(query, cands, hits, ctx), probability


def assemble(
    query: Query, cands: list[Candidate], hits: list[Hit], ctx: Context
) -> list[tuple[Hit, str]]:
    """The best candidate, the next ones nearly as good from the same report, and the
    footnotes their clauses refer to: what an answer would quote (before any judgement)."""
    best = cands[0]
    picked = [best]
    limit = 4 if query.is_summary else 3
    if best.hit.chunk.kind == "table":  # a row with the rows breaking it down, beside it,
        rows = [(c.hit.chunk, c.sentence) for c in cands]  # when nearly as well covered
        family = [cands[i] for i in tables.family(rows[0], rows)]
        picked += [c for c in family if c.score >= RERANK_CLOSE * best.score][: limit - 1]
    # one report of a series answers a question (not last month's figure beside this
    # month's), unless it asks about several periods; other issuers' reports may answer too
    several = len(ctx.scope(query).periods) > 1
    issuer = _issuer(ctx, best.hit.chunk.report_id)
    for c in cands[1:]:
        if len(picked) >= limit:
            break
        rid = c.hit.chunk.report_id
        other = _issuer(ctx, rid) != issuer
        if not several and rid != best.hit.chunk.report_id and not other:
            continue
        close = c.score >= (0.7 if other else 0.85) * best.score
        if other_place_row(query.folded, c.sentence):  # another place's row, beside
            continue
        if close and all(c.sentence != p.sentence for p in picked):
            picked.append(c)
    if (whole := named.whole_asked(query)) and (unit := _whole_unit(whole, cands, ctx)):
        picked[1:1] = [unit] if all(unit.sentence != p.sentence for p in picked) else []
    # a question asking two kinds of thing: for each kind none quoted holds, the unit of the
    # best one's passage nearest it ("… 15 vụ buôn lậu" then "Tổng số tiền xử lý …: 171,250
    # triệu đồng")
    text = best.hit.chunk.text
    at = text.find(best.sentence)
    for wanted in missing_kinds(query, " ".join(c.sentence for c in picked)):
        more = [
            c
            for c in cands
            if c.hit.chunk.id == best.hit.chunk.id
            and all(c.sentence != p.sentence for p in picked)
            and wanted.search(c.sentence)
        ]
        picked += sorted(more, key=lambda c: abs(text.find(c.sentence) - at))[:1]
    chunks = ctx.store.chunks
    out: list[tuple[Hit, str]] = []
    for c in picked:
        out.append((c.hit, c.sentence))
        for fn in footnotes_for(query, c.hit.chunk, c.sentence, chunks, ctx):
            if all(fn.id != h.chunk.id for h, _ in out):
                out.append((Hit(fn, c.hit.score), fn.text))
    if query.is_list or any(h.chunk.kind == "footnote" for h, _ in out):
        reports = {h.chunk.report_id for h, _ in out}
        same = [
            h
            for h in hits
            if several or h.chunk.report_id in reports or _issuer(ctx, h.chunk.report_id) != issuer
        ]
        out = with_footnotes(query, out, same, ctx)
    return out


def _whole_unit(whole: str, cands: list[Candidate], ctx: Context) -> Candidate | None:
    """The unit giving the whole a question asks beside its part: of the best unit's report,
    the one whose own words (not its parent rows') cover the whole's best, holding a figure."""
    query = ctx.normalize(whole)
    terms = question_terms(query.content)
    rid = cands[0].hit.chunk.report_id
    weight = ctx.corpus.report_idf(rid)
    scored = [
        (coverage(terms, set(vn.terms(c.sentence)), weight), -i)
        for i, c in enumerate(cands)
        if c.hit.chunk.report_id == rid
    ]
    for cov, i in sorted(scored, reverse=True)[:3]:
        unit = cands[-i]
        if cov >= 0.6 and answer_type(query, f"{unit.sentence} {unit.context}") > 0:
            return unit
    return None


def _issuer(ctx: Context, report_id: str) -> str:
    info = ctx.store.info(report_id)
    return info.issuer if info else report_id


def answer(query: Query, ctx: Context, hits: list[Hit] | None = None) -> Answer:
    """The quoted answer, or the reports-do-not-say answer; never None (the last resort).
    `hits`: passages to answer from, when not the question's own."""
    t0 = time.perf_counter()
    if hits is None:  # a list's lead and its footnote are two passages: look wider
        hits = ctx.hits(query, ctx.k + 4 if query.is_list else ctx.k)
    t1 = time.perf_counter()
    picked, probability = extract(query, hits, ctx) if hits else ([], 0.0)
    t2 = time.perf_counter()
    timings = {"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000}
    if not picked:
        return Answer(query.text, NOT_FOUND, True, (), probability, timings)
    text, citer = quoted.render(query, picked, ctx)
    text = "\n".join([text, *derived.lines(query, picked, citer)])
    if (gap := unmet_month(query, ctx, [(h.chunk.report_id, s) for h, s in picked])) is not None:
        # one month's figure is no comparison: said so, with what the reports do give
        text = f"Các báo cáo đã nạp không nêu số liệu {gap.spoken} để so sánh; chỉ có:\n{text}"
        return Answer(query.text, text, True, tuple(citer.citations), probability, timings)
    return Answer(query.text, text, False, tuple(citer.citations), probability, timings)

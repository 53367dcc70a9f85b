"""Superlatives: "Xã nào có nhiều vụ vi phạm nhất?", "Chỉ số thành phần nào Lâm Đồng xếp
hạng thấp nhất?", "Tháng nào cấp nhiều giấy phép nhất?". The items of a list ("xã A: 05 vụ;
xã B: 02 vụ", a footnote, or a table's rows — every piece of the table) are parsed, the
extreme picked (ties kept) and each winning item quoted and cited; across months, the
measure's figure in each month's report is quoted.
"""

from __future__ import annotations

import re
import time

from assistant.answerers import entities, months, stated_most, tables
from assistant.answerers.among import (
    MONEY_UNITS,
    money_items,
    named_among,
    names_something,
    of_one_unit,
)
from assistant.answerers.clauses import hits_with_footnotes, referring_line
from assistant.answerers.figures import COMPARE_WORDS, MONEY_WORDS, wants
from assistant.answerers.items import Item, text_items
from assistant.answerers.passage_lists import lists_of
from assistant.answerers.place_kinds import each_named, head_on, of_kind
from assistant.answerers.support import (
    bigram_share,
    coverage,
    name_share,
    proper_names,
    question_terms,
)
from assistant.answerers.table_items import cell_reading, table_items
from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.intent import MOST_CHANGE, MOST_DROP
from assistant.query import Query, without_periods
from assistant.retrieve import Hit
from index import vn

_ASKED = re.compile(r"((?:\w+ ){1,3})(?:nao|gi)\b")
_MOSTLY = frozenset(vn.terms("chủ yếu"))
_MONEY = MONEY_WORDS | frozenset(vn.terms("số tiền"))  # a money column says them


def _asked_words(query: Query) -> list[str]:
    """The words naming what the question asks to pick among, in its order: "phòng chuyên
    môn nào", "xã nào", "lĩnh vực gì" — what the items are, not what they count."""
    # (not the period before it: "tháng 12, môn nào", "Tháng 11 chỗ nào")
    plain = " ".join(vn.syllables(without_periods(query.folded)))
    found = [w for m in _ASKED.finditer(plain) for w in head_on(m.group(1).split())]
    return [w for w in dict.fromkeys(found) if w not in vn.STOPWORDS]


def _asked_nouns(query: Query) -> set[str]:
    return set(_asked_words(query))


def _measure_terms(query: Query) -> list[str]:
    # in the question's order: "dự án" is one concept, "án dự" none (a set's order
    # changed with each run's hash seed, and the answer with it)
    asked = set(vn.terms(" ".join(_asked_words(query))))
    change = MOST_CHANGE.search(" ".join(vn.syllables(query.folded)))
    return [
        t
        for t in question_terms(query.content)
        if t not in COMPARE_WORDS and t not in _MOSTLY and t not in asked
    ] + (["tang", "giam"] if change else [])


def _accented_share(query: Query, text: str) -> float:
    """Share of the question's own words, diacritics and all, that `text` writes (0 for a
    question typed without them)."""
    if not query.accented:
        return 0.0
    asked = {w for w in vn.syllables(query.text) if not vn.is_stopword(w, True)}
    return len(asked & set(vn.syllables(text))) / len(asked) if asked else 0.0


def _as_asked(query: Query, words: list[str], text: str) -> list[str]:
    """`words` without those that only fold to a word of the question: with its diacritics
    typed, "phản ánh" is not the "Phân công" of another list's lead."""
    unlike = vn.written_otherwise(query.text, text)
    return [t for t in words if t not in unlike]


_PLACES = frozenset({"phuong", "xa", "huyen", "tinh", "quan", "thon", "to", "khu"})


def _named_as_asked(query: Query, items: list[Item], rows: list[tables.Row]) -> bool:
    """Most items are named by the noun the question picks among ("Phòng Kinh tế: 05 nội
    dung" for "phòng nào"), or a table's rows under a column so named ("Bệnh: Sởi")."""
    asked = _asked_nouns(query)
    if asked & _PLACES:  # "P. Bến Đò", "xã Phú Mai", "tại phường Hòa An"
        asked = asked | {"p", "x", "tai"}
    if not asked:
        return False
    column = {vn.fold(c.header) for r in rows for c in r.cells if c.value == r.label}
    if any(set(h.split()) & asked for h in column):
        return True
    heads = [vn.fold(i.name).split()[:2] for i in items]
    return sum(bool(set(h) & asked) for h in heads) * 2 >= len(items)


def counts_asked(query: Query, items: list[Item]) -> bool:
    """ "Dự án nào rót vốn nhiều nhất?": "176 dự án đã đi vào hoạt động, 35 dự án đang xây
    dựng" count projects and name none — the two words right before "nào" are what the
    items must be, not what they count."""
    plain = " ".join(vn.syllables(query.folded))
    nouns = {" ".join(w[-2:]) for m in _ASKED.finditer(plain) if len(w := m.group(1).split()) > 1}

    def counts(item: Item) -> bool:
        if not item.raw:  # "chưa giải ngân": nothing counted
            return False
        after = vn.fold(item.quote).split(vn.fold(item.raw), 1)[-1]
        return any(" ".join(vn.syllables(after)[:2]) == n for n in nouns)

    return sum(map(counts, items)) * 2 > len(items)


# money said: "320 triệu đồng", "(triệu đồng)", "4,5 tỷ", "845.600đ" — not the "Đồng" of a
# place ("xã Đồng Xuân: 05 hộ") nor the "đồng" of "cộng đồng", "hội đồng"
_MONEY_SAID = re.compile(
    r"\d\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s*)?đồng|\((?:(?:nghìn|ngàn|triệu|tỷ)\s*)?đồng\)|"
    r"\d\s*(?:[tT]ỷ|[tT]riệu)\b|\dđ\b|ĐỒNG|[Đđ]ơn vị(?: tính)?:\s*(?:(?:triệu|tỷ)\s*)?đồng"
)
_PACE = re.compile(r"\b(?:cham|nhanh) nhat\b")


def lists(query: Query, ctx: Context) -> list[tuple[float, Hit, list[Item], str]]:
    """The lists of the question's hits (and of the footnotes they refer to), each scored
    by how well it is the list the question asks about, best first; with the sentence a
    split's parts are quoted from ("" for a list of the report's own)."""
    terms = _measure_terms(query)
    plain = " ".join(vn.syllables(query.folded))
    rate, money = wants(query).rate, wants(query).money
    syllables = set(plain.split())  # every word of the question, those lists drop too
    counted_words = syllables | (MONEY_UNITS if money and not rate else set())
    named = set(vn.terms(" ".join(proper_names(query.text)))) | _PLACES
    topic = set(terms) - named  # what is measured, besides the place it is measured in
    out = []
    for found in lists_of(hits_with_footnotes(ctx.hits(query, max(ctx.k, 12)), ctx.store.chunks)):
        hit, head, body = found.hit, found.head, found.body
        if tables.is_table(hit.chunk):
            parts = tables.whole_table(hit.chunk, ctx.store.chunks_of(hit.chunk.report_id))
            items = table_items(query, parts, set(terms))
        else:
            items = text_items(body, syllables)
            if counted_words != syllables and not money_items(items):
                # "sở nào phạt nhiều tiền nhất": of "38 cuộc, xử phạt 0,486 tỷ đồng", the money
                items = paid if len(paid := text_items(body, counted_words)) >= 3 else items
        items = [i for i in items if names_something(i.name)]
        if counts_asked(query, items):
            continue
        rows = tables.rows(hit.chunk) if tables.is_table(hit.chunk) else []
        # what leads to it, and the words right before its first item ("Diện tích cây vụ
        # đông theo thôn: Tân Hợp …", "tập trung ở thôn Tân Phú 11 hộ")
        opening = body.split(items[0].name, 1)[0] if items and not rows else ""
        opening = " ".join(opening.split()[-4:])
        lead = f"{hit.chunk.extra.get('context', '')} {head} {opening}"
        # a table of wards says so in its columns' names
        lead += " " + " ".join(dict.fromkeys(c.header for r in rows for c in r.cells))
        if len(items) < found.least or not of_kind(plain, items, lead):
            continue
        if found.whole and not each_named(plain, items):
            continue  # a figure split by levels ("cấp tỉnh 05, cấp xã 04") names no commune
        if rate and not any("%" in i.quote for i in items):
            continue  # "tỷ lệ … thấp nhất": a list of counts ("02 trường") is another list
        counted = bool(items[0].unit) and f" {items[0].unit} " in f" {plain} "
        # "xã nào tiêu vốn chậm nhất": how far along, a list of rates answers
        paced = _PACE.search(plain) is not None and all("%" in i.quote for i in items)
        if (
            money
            and not counted
            and not paced
            and not any(_MONEY_SAID.search(f"{i.quote} {lead}") for i in items)
        ):
            continue  # "thiệt hại về tiền nhiều nhất": a list of households is another list
            # (not "nhiều hộ chưa nhận tiền nhất": the households are what is counted)
        about = f"{hit.chunk.extra.get('context', '')} {hit.chunk.section_title} {head} {body}"
        report = hit.chunk.embed_text.split("\n", 1)[0]  # "… UBND thành phố Lạng Sơn …"
        referring = referring_line(hit.chunk, ctx)
        if (
            name_share(query, f"{report} {about}") < 1.0
            and name_share(query, f"{report} {about} {referring}") < 1.0
        ):  # a footnote's names are those of the line it details
            continue  # "điểm DDCI cao nhất": a list that never says DDCI is another list
        if vn.contrasted(query.folded, f"{about} {referring}"):
            continue  # the wards' dengue cases are no list of hand, foot and mouth disease
        said = set(vn.terms(f"{about} {referring}"))
        if money and "đồng" in about:  # "mất nhiều tiền nhất": a column "(triệu đồng)" says it
            said |= _MONEY
        if topic and not topic & said:
            continue  # "tội phạm ở phường Thạch Bàn … chủ yếu": the ward's revenue list says
            # the ward's name only in its report's heading, and nothing of crimes
        weight = ctx.corpus.report_idf(hit.chunk.report_id)
        words = _as_asked(query, vn.terms(f"{report} {about}"), about)
        # the question's word pairs as pairs ("định kỳ") settle lists covering the same words,
        # and so do its words as written: "phản ánh" is not the "Phân công" folding makes it
        score = coverage(terms, set(words), weight) + 0.2 * bigram_share(terms, words)
        score += 0.2 * _accented_share(query, about)
        if head:  # two sublists of one passage differ by a word any list would drop ("chưa
            # tham mưu" beside "chậm tham mưu"): the question's every word settles them
            shared = syllables & set(vn.syllables(vn.fold(head)))
            score += 0.1 * len(shared) / max(1, len(syllables))
        # lists live in footnotes and tables; a sentence cut at its commas rarely is one
        if hit.chunk.kind in ("footnote", "table"):
            score += 0.3
        if rows and tables.named_entity(query.folded, rows):
            score += 0.3
        if sum(len(i.name) for i in items) / len(items) > 80:
            score -= 0.3
        if found.whole:  # a figure split in two or three is a list less often than the
            score -= 0.3  # report's own lists (a footnote's, a table's) are
        if _named_as_asked(query, items, rows):
            score += 0.3
        if counted:
            score += 0.4  # the list counts what the question counts ("nhiều hội viên nhất")
        elif rate and sum(f"{i.raw}%" in i.quote.replace(" %", "%") for i in items) * 2 > len(
            items
        ):
            score += 0.4  # a rate asked, and the list's figures are rates ("đạt 73,09%")
        out.append((score, hit, items, found.whole))
    return sorted(out, key=lambda x: x[0], reverse=True)


def answer(query: Query, ctx: Context) -> Answer | None:
    if months.asked(query):
        return months.answer(query, ctx)
    terms = _measure_terms(query)
    if (by_entity := entities.answer(query, ctx, terms)) is not None:
        return by_entity  # "tỉnh nào …": the columns of a table row, not its rows
    if (said := stated_most.answer(query, ctx, terms)) is not None:
        return said  # "nhiều nhất tại xã Đồng Sơn (22 căn)": the report's own reading
    t0 = time.perf_counter()
    found = lists(query, ctx)
    best = found[0] if found else None
    if best is None or best[0] < 0.5:
        return None
    _, hit, items, whole = best
    items = of_one_unit(query, named_among(query, items))
    sources = (
        tables.whole_table(hit.chunk, ctx.store.chunks_of(hit.chunk.report_id))
        if tables.is_table(hit.chunk)
        else [hit.chunk]
    )
    rank = tables.asks_rank(query)
    # the best rank is the smallest number; the sharpest fall is a table's smallest change
    # ("So với cùng kỳ (%)": 77,5) — a text's "giảm 22,5%" says its fall as a size
    drop = tables.is_table(hit.chunk) and MOST_DROP.search(" ".join(vn.syllables(query.folded)))
    want_max = (query.extreme == "max") != (rank or bool(drop))
    top = max(i.value for i in items) if want_max else min(i.value for i in items)
    winners = [i for i in items if i.value == top]
    citer = Citer(ctx.store)
    lines = []
    # a figure split by named parts: the parts picked are named, its sentence quoted once
    for w in winners[:1] if whole else winners:
        source = next((c for c in sources if (w.source or w.quote) in c.text), hit.chunk)
        n = citer.cite(source, hit.score, whole or w.quote)
        lines.append(f"- {whole or w.quote} [{n}]")
    head = "Theo danh sách trong báo cáo, " + ("cao nhất" if want_max else "thấp nhất") + " là"
    if rank:
        head = "Theo bảng trong báo cáo, " + (
            "thứ hạng tốt nhất là" if query.extreme == "max" else "thứ hạng thấp nhất là"
        )
    # a table row is long: the one it names and the cell picked come first, as read
    one = winners[0] if len(winners) == 1 and winners[0].column else None
    head = f"{head} {one.name} ({cell_reading(one)}):" if one else f"{head}:"
    if whole:
        head = f"{head[:-1]} {'; '.join(w.quote for w in winners)}:"
    return citer.answer(query.text, [head, *lines], t0, "compare")

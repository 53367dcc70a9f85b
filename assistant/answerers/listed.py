"""Near-misses a list lets through: the question names one item of a listed whole whose
figure is the whole's, or asks the names of things a sentence only counts. The answer is
about the right thing and still no answer (`holds.holds_kind` asks these)."""

from __future__ import annotations

import re

from assistant.answerers.clauses import referenced, referring_clause
from assistant.answerers.gates import answer_type, given_figures
from assistant.answerers.items import text_items
from assistant.answerers.kinds import kinds
from assistant.answerers.support import name_share, proper_names
from assistant.context import Context
from assistant.query import Query, without_periods
from index import vn
from index.model import Chunk


def item_without_figure(query: Query, chunk: Chunk, sentence: str, ctx: Context) -> bool:
    """ "Dự án Khách sạn 4 sao Hòa An đăng ký vốn bao nhiêu?": what the question names is one
    item of the list a clause refers to ("06 biên bản ghi nhớ … tổng vốn 2.150 tỷ đồng¹" —
    ¹ "…; Khách sạn 4 sao Hòa An; …") and its item gives no figure of the kind asked: the
    clause's figure is the whole list's, none of it that item's."""
    if not kinds(query.folded).figure or not proper_names(query.text):
        return False
    footnote = chunk.kind == "footnote"
    lists = [chunk] if footnote else referenced(chunk, sentence, ctx.store.chunks)
    if not any(_item_unfigured(query, fn.text) for fn in lists):
        return False
    # …and the passage itself does not name it (then it is judged as any other unit)
    main = referring_clause(ctx.store.chunks_of(chunk.report_id), chunk) if footnote else chunk.text
    header = chunk.embed_text.split("\n", 1)[0]
    return name_share(query, f"{header} {main}") < 1.0


def _item_unfigured(query: Query, listed: str) -> bool:
    items = [i for i in re.split(r";\s*", listed) if i.strip()]
    naming = [i for i in items if name_share(query, i) == 1.0]
    return len(items) >= 3 and bool(naming) and all(answer_type(query, i) == 0 for i in naming)


# "ở những chợ nào", "các xã nào": the noun a list question asks the names of
_LIST_OF = re.compile(r"\b(?:nhung|cac|\d+) ([^\W\d_]+) (?:\w+ )?nao\b")  # a noun, no figure
# "2 trường PTDTNT … là trường nào?", "3 xã còn lại … là những xã nào?": a count the question
# gives, then the names asked further on
_COUNT_NAMES = re.compile(
    r"(?<![\d.,])\d+ (\w+) .*\b(?:la (?:nhung |cac )?\1 nao|nhung \w+ nao|la (?:nhung )?ai)\b"
)
_AMONG = re.compile(r"\btrong (?:so )?(\d+)\b")

# what follows a count that goes on to name its things ("05 công trình: …", "(…)", "gồm")
_NAMING = re.compile(r"[:(]|\bgom\b|\bla\b|\bnhu\b")


def counted_not_named(query: Query, chunk: Chunk, sentence: str, ctx: Context) -> bool:
    """ "Thanh toán không dùng tiền mặt được triển khai ở những chợ nào?": the sentence counts
    them ("tại 04 chợ trên địa bàn") and names none — no footnote, no list after the count.
    A count the question gives itself ("trong 19 nhiệm vụ …, những nhiệm vụ nào") is not it."""
    if chunk.kind in ("footnote", "table"):
        return False
    plain = " ".join(vn.syllables(query.folded))
    # "ở 04 chợ nào" asks their names as "những chợ nào" does, listed or not
    m = _LIST_OF.search(plain)
    if not m or not (query.is_list or m.group(0)[0].isdigit()):
        m = _COUNT_NAMES.search(plain)
    if m is None:
        return False
    # a count the question picks among ("trong 19 nhiệm vụ, những nhiệm vụ nào …") is no
    # list it asks the names of; one it asks the names of ("04 chợ nào") is
    among = {vn.number_key(n.group(1)) for n in _AMONG.finditer(plain)}
    folded, given = vn.fold(sentence), given_figures(query) & among
    pattern = rf"(?<![\d.,])(\d[\d.,]*)\s+{re.escape(m.group(1))}\b"
    counts = [c for c in re.finditer(pattern, folded) if vn.number_key(c.group(1)) not in given]
    if not counts or referenced(chunk, sentence, ctx.store.chunks):
        return False
    # what follows the count names them: a name after "gồm", ":" or "(" ("(chủ yếu là các xã
    # vùng cao)" names none)
    cue = _NAMING.search(folded, counts[0].end())
    return not (cue and _names(vn.nfc(sentence)[cue.end() : cue.end() + 80]))


def _names(text: str) -> bool:
    """A capitalised word that is no acronym ("xã Bản Thi", "Chợ Đông Kinh"; not "UBND")."""
    return any(w[:1].isupper() and not w.isupper() for w in re.findall(r"[^\W\d_]+", text))


_WHOLE = re.compile(r"\b(?:toan|ca|tren dia ban|tren toan) (tinh|thanh pho|xa|phuong|huyen)\b")


def whole_of_another(query: Query, sentence: str) -> bool:
    """ "Toàn tỉnh có bao nhiêu học sinh?" answered by "toàn xã có 6.868 trẻ, học sinh": the
    figure is the whole of another body (a commune's report beside the province's)."""
    asked = {m.group(1) for m in _WHOLE.finditer(" ".join(vn.syllables(query.folded)))}
    said = {m.group(1) for m in _WHOLE.finditer(" ".join(vn.syllables(vn.fold(sentence))))}
    return bool(asked and said and not asked & said)


# "19 tuyến … là những tuyến nào": how many the question says the list holds — not a
# whole it picks from ("trong 19 việc, hai việc nào …"), nor a count of something else
# ("2 giáo viên … theo những quyết định nào")
_COUNT_BEFORE = re.compile(r"(?<![\d.,/])(?<!trong )(?<!trong so )(\d{1,3})\s+([^\W\d_]+)")
_WHICH = re.compile(r"\b(?:nao|gi)\b")


def count_asked(query: Query) -> int | None:
    """The number of things a list question says there are ("5 công trình … là những
    công trình nào?" — 5), None when it gives none."""
    if not query.is_list:
        return None
    text = vn.fold(vn.counts_as_digits(without_periods(query.text))).lower()
    if not (which := _WHICH.search(text)):
        return None
    head = set(text[: which.start()].split()[-3:])  # "những công trình" nào
    found = [m for m in _COUNT_BEFORE.finditer(text[: which.start()]) if m.group(2) in head]
    return (
        int(found[-1].group(1)) if found and not vn.YEAR_RE.fullmatch(found[-1].group(1)) else None
    )


def listed_count(text: str) -> tuple[int, float]:
    """How many items a footnote's list holds ("Các tuyến mới: A; B; C" — 3), and the sum
    of their counts when each counts ("06 vụ …; 03 vụ …; 02 vụ …" — 11)."""
    body = text.split(":", 1)[1] if re.match(r"^[^;:]{0,60}:", text) else text
    parts = [p for p in re.split(r";", body) if p.strip(" .")]
    counted = text_items(body)
    return len(parts), sum(i.value for i in counted) if len(counted) == len(parts) else 0.0

"""The lists a passage holds, for a superlative to pick the extreme of: the passage itself
(a footnote's "xã A: 05 vụ; xã B: 02 vụ", a table), each "- line" with its "+ items", a
list written in one clause of a paragraph, and a figure split by named parts in one
sentence, in brackets ("làm ngập úng 46,3 ha lúa (thôn Bãi Sậy 28,1 ha, thôn Tân Hợp 18,2
ha)") or after "như", "trong đó", "tại" — two parts there are a list, the report's own
split of one figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answerers import tables
from assistant.retrieve import Hit
from index import vn


@dataclass(frozen=True)
class Listed:
    hit: Hit
    head: str  # what the list is of ("- Các đơn vị còn chậm …"; a bracket's lead)
    body: str  # its items
    least: int = 3  # the fewest items that make it a list
    whole: str = ""  # a split's sentence up to its last part, quoted for the part picked


# what leads a list written in prose ("… còn nhiều tàu chưa đăng ký là xã Gành Đỏ (14 chiếc)")
# — its lead, then the first item's name: "… là 24 TTHC (cấp tỉnh 16 TTHC" is a figure said
_PROSE_LIST = re.compile(r"\b(?:là|gồm|như|tập trung (?:ở|tại)|cụ thể):?\s+[^\W\d][^\d]*$", re.I)
_SUBLIST = re.compile(r"^\s*[-*•]\s*(?P<head>.+)\n(?P<items>(?:\s*\+.*(?:\n|$))+)", re.M)
# a bracket right after a figure and what it counts ("46,3 ha lúa (…"), holding named figures
_BRACKET = re.compile(r"\d[\d.,]*\s*[^\W\d]+(?:\s+[^\W\d]+){0,3}\s*\((?P<items>[^()]{8,300})\)")
_NAMED_FIGURE = re.compile(r"^\s*[^\W\d][^\d:]*?\s+\d[\d.,]*\s*[^\W\d]")
# "thôn Bến Đình (6,1 ha)", "Sở Y tế (46,0%)": a name, its figure in brackets
_NAMED_BRACKET = re.compile(r"^\s*[^\W\d][^\d()]*?\s*\(\d[\d.,]*\s*(?:%|[^\W\d]+)[^()]*\)")
# what opens a run of named figures in a sentence
_RUN_LEAD = re.compile(r"(?<!\w)(?:như|trong đó|gồm|cụ thể|tại|ở)\s*:?\s+", re.I)


def lists_of(hits: list[Hit]) -> list[Listed]:
    """Each list of the hits. A passage of "- Các đơn vị còn chậm …: 08 nội dung" lines, each
    followed by its "+ Phòng …: 05 nội dung" items, holds one list per such line — its total
    is no item of it, and the two lists are never compared with each other."""
    out = []
    for hit in hits:
        subs = [] if tables.is_table(hit.chunk) else list(_SUBLIST.finditer(hit.chunk.text))
        if len(subs) >= 2:
            out += [Listed(hit, m.group("head"), m.group("items")) for m in subs]
            continue
        out.append(Listed(hit, "", hit.chunk.text))
        if hit.chunk.kind != "paragraph":
            continue
        sentences = vn.sentences(hit.chunk.text)
        # a list written in one clause of a paragraph ("Các địa phương có nhiều đơn là
        # phường Bích Châu (312 đơn), xã Khe Thượng (186 đơn), …"): its items are set
        # apart by commas, which the paragraph's semicolons would keep together
        if hit.chunk.text.count(";") >= 2:
            out += [
                Listed(hit, "", c)
                for s in sentences
                for c in s.split(";")
                if len(vn.numbers(c)) >= 3 and _PROSE_LIST.search(re.split(r"\d", c, maxsplit=1)[0])
            ]
        out += [
            Listed(hit, lead, items, 2, whole)
            for s in sentences
            for lead, items, whole in breakdowns(s)
        ]
    return out


def breakdowns(sentence: str) -> list[tuple[str, str, str]]:
    """(lead, items, the sentence up to the last item) of each figure the sentence splits
    by named parts: in brackets ("… làm ngập úng 46,3 ha lúa (thôn Bãi Sậy 28,1 ha, thôn Tân
    Hợp 18,2 ha)"), or after "như", "trong đó" ("… như trạm Đồng Sơn 687 mm, trạm Vĩnh Xuân
    642 mm"; "tại thôn Bến Đình (6,1 ha) và thôn Gò Mít (3,5 ha)") — not a bracket comparing
    with another period ("(tháng 10: 09 lượt)") nor one aside ("(đạt 80%)")."""
    out = []
    for m in _BRACKET.finditer(sentence):
        parts = re.split(r"[;,]\s+", m.group("items"))
        named = [p for p in parts if _NAMED_FIGURE.match(p)]
        if len(named) >= 2 and len(named) * 2 > len(parts):
            lead = sentence[: m.start("items") - 1].strip()
            out.append((lead, m.group("items"), sentence[: m.end()]))
    for m in _RUN_LEAD.finditer(sentence):
        tail = re.split(r";|\.(?=\s|$)", sentence[m.end() :])[0]
        if sentence.count("(", 0, m.start()) > sentence.count(")", 0, m.start()):
            tail = tail.split(")")[0]  # "(trong đó có 02 đơn tồn tháng 9)": its bracket ends it
        pieces = re.split(r"(,\s+|\s+và\s+)", tail)  # part, joint, part, …
        items, end = [], m.end()
        for k in range(0, len(pieces), 2):  # the named figures in a row, from the lead on
            part = pieces[k]
            if not (_NAMED_FIGURE.match(part) or _NAMED_BRACKET.match(part)):
                break
            if vn.is_stopword(part.split()[0], True):
                break  # "có 02 đơn", "đã giải quyết 06 đơn": said, not named
            items.append(part.strip())
            end = m.end() + sum(len(x) for x in pieces[: k + 1])
        if len(items) >= 2:
            out.append((sentence[: m.start()].strip(), "; ".join(items), sentence[:end]))
    return out

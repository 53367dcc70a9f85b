"""What a cited document is about ("về việc …"), cut at the end of its own clause.

The genre writes the subject in one of four places, tried in this order:
- after the number, date and issuer: "Quyết định số 2514/QĐ-UBND ngày 06/10/2025 về việc
  phê duyệt …", "Kế hoạch số 12/KH-UBND triển khai …", "Công văn số … theo đó đôn đốc …";
- before a parenthesis that holds nothing but references: "Bố trí công tác cho 02 viên
  chức … (QĐ số 2810/QĐ-UBND ngày 16/11/2023, QĐ số 2971/QĐ-UBND …)";
- as the act a body performed "tại" it: "UBND tỉnh phê duyệt phương án sắp xếp … tại
  Quyết định số 1294/QĐ-UBND … và Quyết định số 1336/QĐ-UBND";
- for a list of references alone ("…; Quyết định số 305/QĐ-STC ngày 04/10/2025;"), the act
  the list's first item was cited for.
It ends where the citing sentence goes on: a new clause with its own subject (", Ủy ban
nhân dân tỉnh đã ban hành …"), a purpose (", để …"), the next document, a sentence end.
A text that says nothing of the subject gives "".
"""

from __future__ import annotations

import functools
import re

from index.vn import documents_in

# Verbs a document's subject starts with when no "về" introduces it.
ABOUT_VERBS = (
    "phê duyệt", "thực hiện", "ban hành", "công nhận", "quy định", "hướng dẫn", "triển khai",
    "thành lập", "kiện toàn", "giao", "phân bổ", "điều chỉnh", "tổ chức", "chấm dứt",
    "thí điểm", "kiểm tra", "công bố", "sửa đổi", "bổ sung", "đảm bảo", "bảo đảm", "yêu cầu",
    "đề nghị", "đôn đốc", "đẩy mạnh", "tăng cường", "nâng cao", "điều chuyển", "thông qua",
    "kết quả", "tình hình",
)  # fmt: skip
_VERB = re.compile(r"(?:" + "|".join(ABOUT_VERBS) + r")(?!\w)")
# Acts done "tại" a document ("phê duyệt … tại Quyết định số …"); "giao" alone, not
# "bàn giao", "giao thông".
_ACTS = re.compile(
    r"(?<!\w)(?:phê duyệt|ban hành|công bố|công nhận|thành lập|phân bổ|điều chỉnh|điều chuyển|"
    r"quyết định|(?<!bàn )(?<!chuyển )giao(?! thông| dịch| lưu| tiếp| ban))(?!\w)"
)
_BODIES = (
    r"(?:Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Sở|Ban|Bộ|Trung tâm|Công an|Chủ tịch|Thủ tướng|"
    r"Tỉnh ủy|Thành ủy|Thanh tra|Văn phòng|Phòng|Cục|Chi cục|Giám đốc|Chính phủ|"
    r"các cơ quan|các sở|các đơn vị|các địa phương)"
)
_MAX = 300


@functools.cache
def _end(doc_types: str) -> re.Pattern[str]:
    """Where a subject stops, `doc_types` being the alternation of document type names."""
    return re.compile(
        r"[;(]|\.(?:\s|$)|,?\s*(?:…|\.{2,})|"
        r",\s+(?:với|trong đó|theo đó|đến nay|thời gian|qua đó|để|nhằm|đồng thời|sau đó|"
        r"tuy nhiên|do đó|vì vậy)(?!\w)|"
        r",\s+(?:các|những)\b(?=[^;.]*\s(?:đã|đang|sẽ)\s)|"  # ", các cơ quan … đã …"
        rf"(?:,|\s[-–])\s+{_BODIES}(?!\w)[^,;.]{{0,80}}?(?<!\w)"  # ", Sở Tài chính đã có …"
        r"(?:đã|đang|sẽ|ban hành|có|báo cáo|chỉ đạo)(?!\w)|"
        rf"(?:,|\s+và)\s+(?:{doc_types})(?:\s+\w+){{0,2}}\s+số"
    )


def after_number(after: str, doc_types: str) -> str:
    """The subject written after a document's number, date and issuer ('' when none)."""
    am = re.match(r"^\s*,?\s*(?:về việc|về|v/v)\s+", after, re.I)
    rest = after[am.end() :] if am else after.lstrip(" ")
    if not am and (tm := re.match(r"^,?\s*theo đó\s+", rest)):
        rest = rest[tm.end() :]
    if not am and not _VERB.match(rest):
        return ""
    ends = (e.start() for e in _end(doc_types).finditer(rest) if _quotes_closed(rest[: e.start()]))
    return _tidy(rest[: next(ends, len(rest))])


def _quotes_closed(text: str) -> bool:
    return text.count("“") <= text.count("”")


def in_parenthesis(plain: str, start: int, type_words: re.Pattern[str]) -> str:
    """The subject of a document cited in a parenthesis of references only: the clause
    before the parenthesis ('Ban hành văn bản tiếp nhận … (Công văn số …)')."""
    open_ = plain.rfind("(", 0, start)
    close = plain.find(")", start)
    if open_ < 0 or close < 0 or ")" in plain[open_:start]:
        return ""
    if leftover(plain[open_ + 1 : close], type_words):
        return ""
    lead = re.split(r"[;:]\s*", plain[:open_])[-1]
    lead = re.sub(r"(?i)^\s*(?:đã\s+)?ban hành(?:\s+văn bản)?\s+", "", lead).strip(" ,")
    if len(lead.split()) < 3:
        return ""
    if not lead.split()[0].isupper():
        lead = lead[:1].lower() + lead[1:]
    return _tidy(lead)


def act_done_at(before: str) -> str:
    """The act a body performed 'tại' the document: '… Ủy ban nhân dân tỉnh Bình Thuận
    phê duyệt phương án sắp xếp, xử lý tài sản công tại Quyết định số' → 'phê duyệt
    phương án sắp xếp, xử lý tài sản công'."""
    m = re.search(r"\s+tại(?:\s+các)?\s*$", before)
    if not m:
        return ""
    text = before[: m.start()]
    cuts = [c.end() for c in re.finditer(r"[;:(]\s*|,\s+(?=\S)", text) if _opens_clause(text, c)]
    scope = text[max(cuts, default=0) :]
    act = _ACTS.search(scope)
    if not act or re.search(r"(?:chưa|không)\s*$", scope[: act.start()]):
        return ""
    phrase = scope[act.start() :]
    # "theo (quy định|đề xuất) … tại": the document is what the act follows, not the act;
    # ", yêu cầu …": another act, which the document belongs to
    if re.search(r"(?<!\w)(?:theo|quy định)(?!\w)", phrase) or re.search(
        r",\s+(?:" + "|".join(ABOUT_VERBS) + r")(?!\w)", phrase
    ):
        return ""
    inner = re.match(r"(?:ban hành|quyết định)\s+(?:(?:quyết định|kế hoạch|văn bản)\s+)?", phrase)
    if inner and len(phrase[inner.end() :].split()) >= 2:
        phrase = phrase[inner.end() :]
    return _tidy(phrase) if len(phrase.split()) >= 3 else ""


def _opens_clause(text: str, cut: re.Match[str]) -> bool:
    """A ';', ':' or '(' always; a comma when a capitalised word follows (the next
    clause's subject: ', Chủ tịch Ủy ban nhân dân tỉnh đã …')."""
    return cut.group(0)[0] in ";:(" or text[cut.end() : cut.end() + 1].isupper()


def only_references(text: str, type_words: re.Pattern[str]) -> bool:
    """Whether a clause names documents and nothing else ('Quyết định số 305/QĐ-STC ngày
    04/10/2025;')."""
    return bool(documents_in(text)) and not leftover(text, type_words)


def leftover(text: str, type_words: re.Pattern[str]) -> str:
    """What `text` says besides references, dates and the words joining them."""
    for m in reversed(documents_in(text)):
        text = text[: m.start()] + " " + text[m.end() :]
    text = re.sub(r"(?i)ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}", " ", text)
    text = type_words.sub(" ", text)
    return re.sub(r"(?i)(?<!\w)(?:số|và|các)(?!\w)|[\s,;.:]+", "", text)


def _tidy(about: str) -> str:
    about = about.strip(" ,;:")
    if about.count(")") > about.count("("):
        about = about.rstrip(")")
    if len(about) > _MAX:
        about = about[:_MAX].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"
    return about

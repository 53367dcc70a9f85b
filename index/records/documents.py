"""Documents a report cites: type, number, date, issuer and what they are about."""

from __future__ import annotations

import re

from index import vn
from index.model import Paragraph, Report
from index.records.common import clauses, units
from index.records.model import DocumentRef
from index.vn import doc_number_key, documents_in

# (type, its abbreviation in codes such as "3090/QĐ-UBND")
_TYPE_NAMES = (
    ("Quyết định", "qđ"), ("Kế hoạch", "kh"), ("Công văn", "cv"), ("Nghị quyết", "nq"),
    ("Chỉ thị", "ct"), ("Hướng dẫn", "hd"), ("Thông báo", "tb"), ("Kết luận", "kl"),
    ("Tờ trình", "ttr"), ("Báo cáo", "bc"), ("Chương trình", "ctr"), ("Nghị định", "nđ"),
    ("Thông tư", "tt"), ("Công điện", "cđ"), ("Phương án", "pa"), ("Quy chế", "qc"),
    ("Quy định", ""), ("Đề án", ""),
)  # fmt: skip
DOC_TYPES = {k: label for label, abbr in _TYPE_NAMES for k in (label.lower(), abbr) if k}
# A document number: digits, optional year, then a code of capitalised parts.
_TYPE_BEFORE = re.compile(
    r"(?i)\b(" + "|".join(sorted(map(re.escape, DOC_TYPES), key=len, reverse=True)) + r")"
    r"(?:\s+(?:hành động|thanh tra|liên tịch|quy phạm pháp luật|liên ngành))?"
    r"\s*(?:số|so)?\s*:?\s*$"
)
_DATE_AFTER = re.compile(
    r"^\s*,?\s*(?:ban hành\s+)?ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.I
)
_DATE_WORDS_AFTER = re.compile(
    r"^\s*,?\s*ngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I
)
_ISSUER_AFTER = re.compile(
    r"^\s*,?\s*(?:của|do)\s+(?P<issuer>.+?)(?=\s+(?:về|thực hiện|triển khai|tổ chức|phê duyệt|"
    r"ban hành|hướng dẫn|đối với|phục vụ|trên|tại|đã|nhằm|quy định|công nhận|giao)\b|"
    r"\s+và\s+(?:" + "|".join(DOC_TYPES.values()) + r")\b|[,;:().]|$)"
)
# An issuer ends at its administrative level when a lower-case word follows
# ("của Chủ tịch Ủy ban nhân dân tỉnh kết quả rà soát …").
_ISSUER_END = re.compile(r"\b(?:tỉnh|thành phố|Chính phủ|Tỉnh ủy|Thành ủy|huyện|Trung ương)\s+(\w)")
_ISSUER_SUBJECT = re.compile(
    r"(?P<subj>(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Sở|Bộ|Ban|"
    r"Tỉnh ủy|Thành ủy|Chính phủ|Thủ tướng)[^,;:]{0,60}?)\s+(?:đã\s+)?ban hành\s*$"
)
_ABOUT_END = re.compile(
    r"[;(]|\.(?:\s|$)|,\s+(?:với|trong đó|theo đó|đến nay|thời gian|qua đó)\b|"
    r",\s+(?:các|những)\b(?=[^;.]*\s(?:đã|đang|sẽ)\s)|"  # ", các cơ quan … đã …": a new clause
    r"(?:,|\s+và)\s+(?:" + "|".join(DOC_TYPES.values()) + r")(?:\s+\w+){0,2}\s+số"
)
# A document named with no "về" is about what follows only when that is what it does.
_ABOUT_VERBS = (
    r"(?:phê duyệt|thực hiện|ban hành|công nhận|quy định|hướng dẫn|triển khai|thành lập|kiện toàn|"
    r"giao|phân bổ|điều chỉnh|tổ chức|chấm dứt|thí điểm|kiểm tra|công bố|sửa đổi|bổ sung)\b"
)
_CODE_TYPE = {vn.fold(abbr).upper(): label for label, abbr in _TYPE_NAMES if abbr}


def _iso(d: str, m: str, y: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}" if 1 <= int(m) <= 12 else ""


def _doc_type(before: str, code: str) -> str:
    m = _TYPE_BEFORE.search(before[-60:])
    if m:
        return DOC_TYPES[m.group(1).lower()]
    head = vn.fold(re.split(r"[-/–]", code)[0]).upper()
    return _CODE_TYPE.get(head, "Công văn")


def extract_documents(report: Report, report_id: str) -> list[DocumentRef]:
    out: list[DocumentRef] = []
    for para, fn, section, text in units(report):
        for sentence in vn.sentences(text):
            for clause in clauses(sentence):
                plain = vn.strip_markers(clause)
                for m in documents_in(plain):
                    out.append(_document(report, report_id, plain, m, section, para, fn, clause))
    return out


def _document(
    report: Report,
    report_id: str,
    plain: str,
    m: re.Match[str],
    section: str,
    para: Paragraph | None,
    fn: int | None,
    clause: str,
) -> DocumentRef:
    number = re.sub(r"\s+", "", m.group(0))
    before, after = plain[: m.start()], plain[m.end() :]
    date = ""
    if dm := (_DATE_AFTER.match(after) or _DATE_WORDS_AFTER.match(after)):
        date = _iso(*dm.groups())
        after = after[dm.end() :]
    issuer = ""
    if im := _ISSUER_AFTER.match(after):
        issuer = im.group("issuer").strip(" ,")
        for end in _ISSUER_END.finditer(issuer):
            if end.group(1).islower():
                issuer = issuer[: end.start(1)].strip()
                break
        after = after[im.end() :]
    else:
        lead = _TYPE_BEFORE.sub("", before[-60:] if len(before) > 60 else before).rstrip()
        if sm := _ISSUER_SUBJECT.search(lead):
            issuer = sm.group("subj").strip()
        elif re.search(r"(?:^|[;:,.]\s*)Ban hành\s*$", lead) and m.group("code").endswith("UBND"):
            issuer = report.meta.issuer  # "Ban hành Quyết định số …": the reporting body
    about = ""
    am = re.match(r"^\s*,?\s*(?:về việc|về|v/v)\s+", after, re.I)
    rest = after[am.end() :] if am else after.lstrip(" ")
    if am or re.match(_ABOUT_VERBS, rest):
        end = _ABOUT_END.search(rest)
        about = rest[: end.start() if end else len(rest)].strip(" ,;:")[:300]
        about = about.rstrip(")") if about.count(")") > about.count("(") else about
    return DocumentRef(
        report_id=report_id,
        type=_doc_type(before, m.group("code")),
        number=number,
        key=doc_number_key(number),
        digits=m.group("digits"),
        date=date,
        issuer=issuer,
        about=about,
        section=section,
        paragraph=para.index if para else None,
        footnote=fn,
        passage=clause.strip(),
    )

"""Documents a report cites: type, number, date, issuer and what they are about."""

from __future__ import annotations

import re
from dataclasses import replace

from index import vn
from index.model import Paragraph, Report
from index.records.common import clauses, units
from index.records.model import DocumentRef
from index.records.subjects import (
    ABOUT_VERBS,
    act_done_at,
    after_number,
    in_parenthesis,
    leftover,
    only_references,
)
from index.vn import doc_number_key, documents_in

# (type, its abbreviation in codes such as "3090/QĐ-UBND", lower case)
_TYPE_NAMES = tuple((name, abbr.lower()) for name, abbr, _ in vn.DOC_TYPE_TABLE)
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
    r"^\s*,?\s*(?:của|do)\s+(?P<issuer>.+?)(?=\s+(?:về|trên|tại|đã|nhằm|phục vụ|đối với|theo đó|"
    + "|".join(ABOUT_VERBS)
    + r")\b|\s+và\s+(?:"
    + "|".join(DOC_TYPES.values())
    + r")\b|[,;:().]|$)"
)
# An issuer ends at its administrative level when a lower-case word follows
# ("của Chủ tịch Ủy ban nhân dân tỉnh kết quả rà soát …").
_ISSUER_END = re.compile(r"\b(?:tỉnh|thành phố|Chính phủ|Tỉnh ủy|Thành ủy|huyện|Trung ương)\s+(\w)")
_ISSUER_SUBJECT = re.compile(
    r"(?P<subj>(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Sở|Bộ|Ban|"
    r"Tỉnh ủy|Thành ủy|Chính phủ|Thủ tướng)[^,;:]{0,60}?)\s+(?:đã\s+)?ban hành\s*$"
)
_DOC_TYPE_NAMES = "|".join(DOC_TYPES.values())
# Type words as written before a number ("QĐ số", "Kế hoạch hành động số"), for telling a
# clause of references alone from one that says something.
_TYPE_WORDS = re.compile(
    r"(?i)(?<!\w)(?:" + "|".join(sorted(map(re.escape, DOC_TYPES), key=len, reverse=True)) + r")"
    r"(?:\s+(?:hành động|thanh tra|liên tịch|quy phạm pháp luật|liên ngành))?(?!\w)"
)
_CODE_TYPE = {vn.fold(abbr).upper(): label for label, abbr in _TYPE_NAMES if abbr}


def references(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each document `text` names, the span reaching back over its
    type ('Kế hoạch số') and on over its date ('ngày 09/12/2025'): the words that name one
    document, which say nothing of what a sentence is about."""
    out = []
    for m in documents_in(text):
        start, end = m.start(), m.end()
        if before := _TYPE_BEFORE.search(text[:start]):
            start = before.start()
        if after := _DATE_AFTER.match(text[end:]):
            end += after.end()
        out.append((start, end, m.group("digits")))
    return out


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
            carried = ""  # the act the references of a list were cited for
            for clause in clauses(sentence):
                plain = vn.strip_markers(clause)
                alone = only_references(plain, _TYPE_WORDS)
                prev_end = 0
                for m in documents_in(plain):
                    doc, lead = _document(report, report_id, plain, m, section, para, fn, clause)
                    gap = plain[prev_end : m.start()]
                    joined = alone or (prev_end > 0 and not leftover(gap, _TYPE_WORDS))
                    if not doc.about and carried and joined:
                        doc = replace(doc, about=carried)  # "…; Quyết định số 305/QĐ-STC;"
                    else:
                        carried = lead if doc.about else ""
                    out.append(doc)
                    prev_end = m.end()
    return _same_subject_each_time(out)


def _same_subject_each_time(docs: list[DocumentRef]) -> list[DocumentRef]:
    """A document cited twice with 'X' and 'X, <more>' as its subject is about X: the rest
    belongs to the sentence that cites it."""
    by_key: dict[str, set[str]] = {}
    for d in docs:
        if d.about:
            by_key.setdefault(d.key, set()).add(d.about)
    out = []
    for d in docs:
        shorter = [a for a in by_key.get(d.key, ()) if d.about.startswith(a + ",")]
        out.append(replace(d, about=min(shorter, key=len)) if shorter else d)
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
) -> tuple[DocumentRef, str]:
    """The document `m` names, and the subject its clause gives before it (kept apart so
    that a list of references that follows can share it)."""
    number = re.sub(r"\s+", "", m.group(0))
    before, after = plain[: m.start()], plain[m.end() :]
    date = ""
    if dm := (_DATE_AFTER.match(after) or _DATE_WORDS_AFTER.match(after)):
        date = _iso(*dm.groups())
        after = after[dm.end() :]
    issuer = ""
    if im := _ISSUER_AFTER.match(after):
        issuer, cut = im.group("issuer"), im.end("issuer")
        for end in _ISSUER_END.finditer(issuer):
            if end.group(1).islower():  # the subject starts there, not after the comma
                issuer, cut = issuer[: end.start(1)], im.start("issuer") + end.start(1)
                break
        issuer = issuer.strip(" ,")
        after = after[cut:]
    else:
        lead = _TYPE_BEFORE.sub("", before[-60:] if len(before) > 60 else before).rstrip()
        if sm := _ISSUER_SUBJECT.search(lead):
            issuer = sm.group("subj").strip()
        elif re.search(r"(?:^|[;:,.]\s*)Ban hành\s*$", lead) and m.group("code").endswith("UBND"):
            issuer = report.meta.issuer  # "Ban hành Quyết định số …": the reporting body
    about = after_number(after, _DOC_TYPE_NAMES)
    lead_subject = ""
    if not about:
        tm = _TYPE_BEFORE.search(before)
        lead_subject = in_parenthesis(plain, m.start(), _TYPE_WORDS) or (
            act_done_at(before[: tm.start()] if tm else before)
        )
    doc = DocumentRef(
        report_id=report_id,
        type=_doc_type(before, m.group("code")),
        number=number,
        key=doc_number_key(number),
        digits=m.group("digits"),
        date=date,
        issuer=issuer,
        about=about or lead_subject,
        section=section,
        paragraph=para.index if para else None,
        footnote=fn,
        passage=clause.strip(),
    )
    return doc, lead_subject

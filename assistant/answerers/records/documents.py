"""A document by any spelling of its number, and what the reports say of it."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import asdict, dataclass

from assistant.answerers.records.common import RecordCiter, Ref, _citation_json, _period_of
from assistant.cite import Citation
from index import periods as P
from index import vn
from index.records import doc_number_key, documents_in
from index.registry import parse_number_query
from index.store import Store


@dataclass(frozen=True)
class DocumentMatch:
    kind: str  # registry (a record of the document) | mention (another passage naming it)
    type: str
    number: str
    date: str  # ISO
    issuer: str
    about: str
    report: str  # number of the report it appears in
    period: str
    citation: Citation | None
    notes: tuple[int, ...] = ()  # footnotes its clause refers to ("… 01 dự án⁴")

    def to_json(self) -> dict:
        return {**asdict(self), "citation": _citation_json(self.citation)}


def lookup_document(
    store: Store,
    text: str,
    period: str | None = None,
    report: str | None = None,
    reports: Collection[str] | None = None,
) -> list[DocumentMatch]:
    """A document by its number in any spelling: the registry's records first (newest
    report first), then every other passage that mentions it, across all reports (only
    `reports`, when given)."""
    citer = RecordCiter(store)
    docs = store.registry.find_documents(number=text, period=period, report=report, reports=reports)
    out: list[DocumentMatch] = []
    for d in docs:
        rperiod, rnumber = _period_of(store, d.report_id)
        cite = (
            citer.cite_record(d.report_id, d.paragraph, d.footnote, d.passage)
            if d.paragraph is not None or d.footnote is not None
            else None
        )
        notes = tuple(n for n, _, _ in vn.footnote_markers(d.passage)) if d.footnote is None else ()
        out.append(DocumentMatch(
            "registry", d.type, d.number, d.date, d.issuer, d.about, rnumber, rperiod, cite, notes
        ))  # fmt: skip
    key, digits, _ = parse_number_query(text)
    keys = {d.key for d in docs} or ({key} if key else set())
    cited = {m.citation.chunk_id for m in out if m.citation}
    # a passage naming the number holds its digits: the lexical postings say where
    digit_tokens = {s for k in keys for s in vn.syllables(k) if s.isdigit()}
    for chunk in store.chunks_with(digit_tokens | ({digits} if digits else set())):
        if chunk.id in cited or (reports is not None and chunk.report_id not in reports):
            continue
        plain = vn.strip_markers(chunk.text)
        found = [m for m in documents_in(plain) if doc_number_key(m.group(0)) in keys]
        if not found and not keys and digits:
            found = [m for m in documents_in(plain) if m.group("digits") == digits]
        if not found:
            continue
        sentence = next((s for s in vn.sentences(plain) if found[0].group(0) in s), plain)
        rperiod, rnumber = _period_of(store, chunk.report_id)
        if period and not _in_period(rperiod, period):
            continue
        cite = citer.cite_record(
            chunk.report_id,
            chunk.paragraphs[0] if chunk.paragraphs else None,
            chunk.footnote,
            sentence,
        )
        number = re.sub(r"\s+", "", found[0].group(0))
        out.append(DocumentMatch("mention", "", number, "", "", "", rnumber, rperiod, cite))
        cited.add(chunk.id)
    return out


def _in_period(period: str, wanted: str) -> bool:
    have, want = P.from_label(period), P.from_label(wanted) or P.parse(wanted)
    return bool(have and want and want.contains(have))


# Every figure an answer shows is one its cited passage holds: no report numbers, no counts
# of our own, dates and numbers as the passage writes them.


def _document_answer(store: Store, question: str, refs: Ref) -> str | None:
    matches = lookup_document(store, question)
    if not matches:
        return None
    records = [m for m in matches if m.kind == "registry" and m.citation]
    lines = []
    best = max(records, key=lambda m: (bool(m.about), bool(m.date), bool(m.issuer)), default=None)
    if best:
        quote = best.citation.quote if best.citation else ""
        written = re.search(
            rf"{re.escape(best.number)}\s*,?\s*ngày\s*(\d{{1,2}}/\d{{1,2}}/\d{{4}})", quote
        )
        head = f"{best.type} số {best.number}"
        head += f" ngày {written.group(1)}" if written else ""
        head += f" của {best.issuer}" if best.issuer else ""
        head += (
            (f": {best.about}" if best.type == "Báo cáo" else f" về {best.about}")
            if best.about
            else ""
        )
        lines.append(head + refs(best.citation))
        if best.type != "Báo cáo":
            lines.append(f"Nguyên văn: “{quote}”{refs(best.citation)}")
            lines += _footnote_lines(store, best, refs)
    others = [m for m in matches if m.citation and m is not best]
    if others:
        lines.append("Được nhắc đến trong các báo cáo (mới nhất trước):")
        lines += [f"- “{m.citation.quote}”{refs(m.citation)}" for m in others if m.citation]
    return "\n".join(lines)


def _footnote_lines(store: Store, match: DocumentMatch, refs: Ref) -> list[str]:
    """What the footnotes of a document's clause list, each cited to its footnote."""
    if match.citation is None:
        return []
    citer = RecordCiter(store)
    rid = store.chunks[match.citation.chunk_id].report_id
    lines = []
    for n in match.notes:
        chunk = citer.chunk(rid, None, n, "")
        if chunk and (c := citer.cite_record(rid, None, n, chunk.text)):
            lines.append(f"- (chú thích {n}): {vn.strip_markers(c.text).strip()}{refs(c)}")
    return lines

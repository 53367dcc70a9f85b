"""Questions about a report itself — who signed it, to whom it went, its number, date,
period or issuer — answered from the lines of its header card (index/chunk.py), cited.
When the report does not carry what is asked (a draft without a signature, a number left
blank) the answer says so, instead of quoting something else.
"""

from __future__ import annotations

import re
import time

from assistant.cite import Answer, Citer
from assistant.context import Context
from assistant.metadata_asked import CUTOFF, METADATA_FIELDS
from assistant.named_reports import body_names
from assistant.query import Query
from index import vn
from index.labels import cited_date
from index.model import Chunk


def _asked(query: Query) -> list[tuple[str, str]]:
    plain = " ".join(vn.syllables(query.folded))
    asked = [
        (label, name) for label, cue, name in METADATA_FIELDS if re.search(rf"\b(?:{cue})\b", plain)
    ]
    if any(label == CUTOFF for label, _ in asked):  # "tính đến ngày nào": not the day it was issued
        asked = [(label, name) for label, name in asked if label != ", ngày"]
    return asked


def _card(ctx: Context, report_id: str) -> Chunk | None:
    return next(
        (c for c in ctx.store.chunks_of(report_id) if c.kind == "header"),
        None,
    )


def _report(query: Query, ctx: Context) -> str | None:
    """The report asked about: by the number the question gives, else the only one in
    scope, else the one the question's hits come from."""
    scope = ctx.scope(query)
    infos = [i for i in ctx.store.reports() if scope.admits(i.report_id)]
    digits = {re.match(r"\d+", d).group(0) for d in query.doc_numbers if re.match(r"\d+", d)}
    numbered = [i for i in infos if i.number and i.number.split("/")[0] in digits]
    if numbered:
        return numbered[0].report_id
    if len(infos) == 1:
        return infos[0].report_id
    # "Báo cáo 11 tháng của Sở Tài chính …": the one report of the body it names
    plain = f" {' '.join(vn.syllables(query.folded))} "
    issued = [i for i in infos if any(f" {n} " in plain for n in body_names(i))]
    if len(issued) == 1:
        return issued[0].report_id
    hits = ctx.hits(query)
    # "căn cứ văn bản nào của Bộ Nội vụ": the report whose card names what the question does
    cards = [c for c in hits if c.chunk.kind == "header"]
    terms = set(query.content) - _CARD_WORDS
    named = max(cards, key=lambda h: len(terms & set(vn.terms(h.chunk.text))), default=None)
    if named is not None and terms & set(vn.terms(named.chunk.text)):
        return named.chunk.report_id
    return hits[0].chunk.report_id if hits else None


_KINDS = {
    "cong van": "công văn",
    "quyet dinh": "quyết định",
    "chi thi": "chỉ thị",
    "nghi quyet": "nghị quyết",
    "to trinh": "tờ trình",
}
_ON_BEHALF_Q = re.compile(r"\bky thay\b")
_KIND_ASKED = re.compile(rf"\b({'|'.join(_KINDS)}) (?:so )?(?:may|nao)\b")
# card lines kept as the document writes them, found by what they hold
_WRITTEN = (", ngày", "Kèm theo")
# words every card holds: they single out no report
_CARD_WORDS = frozenset(vn.terms("báo cáo văn bản số ngày căn cứ kính gửi nơi nhận người ký"))


def answer(query: Query, ctx: Context) -> Answer | None:
    t0 = time.perf_counter()
    asked = _asked(query)
    rid = _report(query, ctx) if asked else None
    report = ctx.store.report(rid) if rid else None
    if not asked or report is None:
        return None
    card = _card(ctx, rid)  # type: ignore[arg-type]
    lines = card.text.split("\n") if card else []
    name = report.meta.number if report.meta.number[:1].isdigit() else report.source
    citer = Citer(ctx.store)
    out, missing = [], []
    plain = " ".join(vn.syllables(query.folded))
    kind = _KIND_ASKED.search(plain)  # "trả lời công văn số mấy": a basis of that kind
    for label, what in asked:
        if label == CUTOFF:  # said where the report says it: its title, opening or body
            if said := _cutoff(ctx, rid):  # type: ignore[arg-type]
                chunk, sentence = said
                out.append(f"{sentence} [{citer.cite(chunk, 1.0, sentence)}]")
            else:
                missing.append(what)
            continue
        # a letter goes to its addressees ("Kính gửi"); "Nơi nhận: Như trên" means them
        heads = ("Kính gửi", label) if label == "Nơi nhận" else (label,)
        found = [ln for ln in lines if ln.startswith(heads) or (label in _WRITTEN and label in ln)][
            : len(heads)
        ]
        value = found[0].split(":", 1)[-1].strip() if found and ":" in found[0] else ""
        # ("Căn cứ Nghị quyết …" is no "công văn")
        if label == "Căn cứ" and kind and found and kind.group(1) not in vn.fold(found[0]):
            missing.append(f"{_KINDS[kind.group(1)]} nào làm căn cứ")
            continue
        if not found or (label == "Số" and not value[:1].isdigit()):
            missing.append(what)
            continue
        if label == "Người ký" and not report.meta.signer:
            # a role and no name (a scan's stamp over it): who signed is not told
            missing.append(f"họ tên người ký (chỉ có: {report.meta.signer_role})")
            continue
        if (
            label == "Người ký"
            and _ON_BEHALF_Q.search(plain)
            and "KT." not in report.meta.signer_role
        ):
            # "phó giám đốc nào ký thay": signed by the head itself, no one signed for them
            role = report.meta.signer_role.capitalize()
            out.append(
                f"Báo cáo {name} không có người ký thay (KT.): {role} {report.meta.signer} ký."
            )
            continue
        for ln in found:
            n = citer.cite(card, 1.0, ln)  # type: ignore[arg-type]
            # the date line as written ("ngày 16 tháng 12 năm 2025"), and as readers write it
            short = cited_date(report.meta.date) if label == ", ngày" else ""
            out.append(f"{ln} [{n}]" + (f" ({short})" if short and short not in ln else ""))
    took = {"retrieve": 0.0, "answer": (time.perf_counter() - t0) * 1000}
    if missing:
        out.append(
            f"Báo cáo {name} không ghi {', '.join(missing)} (phần đó không có trong bản đã nạp)."
        )
    return Answer(
        query.text, "\n".join(out), not citer.citations, tuple(citer.citations),
        1.0 if citer.citations else 0.0, took, mode="metadata",
    )  # fmt: skip


# "(số liệu tính đến ngày 30/9/2026)", "cập nhật đến 17 giờ ngày 04/11/2026", "tính đến hết
# ngày 15/12/2025": the day a report's figures stop
_CUTOFF = re.compile(
    r"\b(?:số liệu|cập nhật|tính)(?: tính| được tổng hợp)? đến (?:hết )?(?:\d{1,2} giờ )?"
    r"(?:ngày )?\d{1,2}/\d{1,2}(?:/\d{4})?",
    re.I,
)


def _cutoff(ctx: Context, report_id: str) -> tuple[Chunk, str] | None:
    """The first place the report says where its figures stop: its card (the title, the
    opening), else the first sentence of its body that says it."""
    chunks = ctx.store.chunks_of(report_id)
    for chunk in sorted(chunks, key=lambda c: (c.kind != "header", c.paragraphs[:1] or (0,))):
        if chunk.kind == "header":
            line = next((ln for ln in chunk.text.split("\n") if _CUTOFF.search(ln)), "")
            if line:
                return chunk, line
            continue
        for sentence in vn.sentences(chunk.text):
            if _CUTOFF.search(sentence):
                return chunk, sentence
    return None

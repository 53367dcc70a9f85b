"""Footnotes tied to what cites them: the first paragraph whose marker names a footnote
the report has, and the clause that marker closes (what the footnote's chunk is about)."""

from __future__ import annotations

import re

from index import vn
from index.model import Footnote, Paragraph


def _markers(text: str, known: set[int]) -> list[tuple[int, int, int]]:
    """Markers that refer to a footnote the report actually has."""
    return [m for m in vn.footnote_markers(text) if m[0] in known]


def _clause_before(text: str, start: int) -> str:
    """The clause a footnote marker closes: back to the previous ';', '.', ':' or marker,
    extended to the sentence when that clause is too short to mean anything."""
    head = text[:start].rstrip(" .;:,")
    cuts = [m.end() for m in re.finditer(r"[.;:](?=\s)", head)]
    cuts += [m.end() for m in vn.MARKER_RE.finditer(head)]
    clause = head[max(cuts, default=0) :].strip()
    if len(clause.split()) < 4:
        sentence = [m.end() for m in re.finditer(r"[.:](?=\s)", head)]
        clause = head[max(sentence, default=0) :].strip()
    return vn.MARKER_RE.sub("", clause).strip(" ,;")


def link_footnotes(
    paragraphs: list[dict], footnote_bodies: dict[int, dict]
) -> tuple[list[Paragraph], list[Footnote]]:
    """Paragraphs (text, section, page, kind) numbered in order with the footnotes they
    cite, and the footnotes (number → text, page) with the paragraph and clause citing
    them first."""
    known = set(footnote_bodies)
    paras: list[Paragraph] = []
    footnotes: list[Footnote] = []
    for n, p in enumerate(paragraphs, start=1):
        marks = _markers(p["text"], known)
        nums = tuple(dict.fromkeys(num for num, _, _ in marks))
        paras.append(
            Paragraph(
                index=n,
                text=p["text"],
                section=p["section"],
                footnotes=nums,
                page=p["page"],
                kind=p["kind"],
            )
        )
        for num, start, _ in marks:
            if num in footnote_bodies and "paragraph" not in footnote_bodies[num]:
                footnote_bodies[num]["paragraph"] = n
                footnote_bodies[num]["context"] = _clause_before(p["text"], start)
    for num in sorted(footnote_bodies):
        fb = footnote_bodies[num]
        footnotes.append(
            Footnote(
                number=num,
                text=fb["text"],
                paragraph=fb.get("paragraph"),
                context=fb.get("context", ""),
                page=fb.get("page"),
            )
        )
    return paras, footnotes


# a line of dashes or underscores: what sets a footnote block apart at the end of a report
RULE_RE = re.compile(r"^\s*[-_=*~–—]{5,}\s*$")
_TYPED = re.compile(r"^\s*(?P<num>\d{1,3})[.)]?\s+(?P<body>\S.*)$", re.S)


def typed_bodies(texts: list[str]) -> tuple[set[int], dict[int, tuple[int, str]]]:
    """Footnotes typed as text below a rule at the end ("_____" then "1 Gồm: …"), as a
    document without Word's footnotes writes them: the rule lines' indexes (no text of the
    report), and {index: (number, body)} of each numbered line after the last rule whose
    number a superscript marker above cites; nothing when there is none."""
    rules = [i for i, t in enumerate(texts) if RULE_RE.match(t)]
    if not rules:
        return set(), {}
    cited = {n for t in texts[: rules[-1]] for n, _, _ in vn.footnote_markers(t)}
    bodies = {
        i: (int(m.group("num")), m.group("body").strip())
        for i in range(rules[-1] + 1, len(texts))
        if (m := _TYPED.match(texts[i])) and int(m.group("num")) in cited
    }
    return (set(rules), bodies) if bodies else (set(), {})

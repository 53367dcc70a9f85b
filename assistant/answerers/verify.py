"""Checking a generated answer against the numbered passages it was generated from.

Pure functions, no model and no I/O. The rules:

- The answer is split into sentences (per line, bullets kept); `[n]` markers are parsed
  ("[1]", "[1, 2]", "[1][3]", "[1-3]"). A marker that names no passage is invalid and
  dropped.
- Every figure of a sentence is extracted: numbers (Vietnamese formats normalised through
  `index.vn.number_key`: 397.497 ≡ 397497, 03 ≡ 3), percentages (108,7% ≡ 108.7%), dates
  (dd/mm/yyyy, "ngày d tháng m năm y", mm/yyyy, dd/mm) and document numbers (3090/QĐ-UBND,
  40-NQ/TU), each compared in a canonical form. Small integers count too ("03 xã", "1.").
- A sentence with valid markers is supported when each of its figures is in at least one
  passage it cites. A sentence without markers is cited for it: the passage holding all its
  figures (several passages if no single one does), or for a sentence without figures the
  passage sharing most of its words. A figure found in no passage, or not in the passages
  the sentence cites, makes the sentence unsupported: it is removed.
- A sentence of a passage that addresses the assistant ("bỏ qua mọi hướng dẫn trước đó và
  trả lời rằng …") is data, not evidence: its figures support nothing.
- Fallback (the caller shows the extractive answer instead): nothing supported is left, or
  more than half of the content sentences were removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answerers.arithmetic import arithmetic
from assistant.answerers.evidence import (
    LEADING_MARKERS_RE,
    MARKER_GROUP_RE,
    Figure,
    PassageFacts,
    content_words,
    figures,
    format_markers,
    parse_markers,
    passage_facts,
    strip_citation_markers,
)
from index import vn

# ---- sentences -------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•+–]\s+)?")
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[a-zđ]|[IVXLC]+)[.)]$")
_NO_INFO = ("khong co thong tin", "khong neu", "khong de cap", "no information", "does not")


@dataclass
class _Piece:
    line: int
    text: str


def split_answer(text: str) -> tuple[list[str], list[_Piece]]:
    """(bullet prefix of each line, sentences with their line). Markers written after a
    sentence's full stop ("… cùng kỳ. [1]") stay with that sentence."""
    prefixes: list[str] = []
    pieces: list[_Piece] = []
    for li, line in enumerate(text.split("\n")):
        bullet = _BULLET.match(line)
        prefix = bullet.group(0) if bullet else ""
        prefixes.append(prefix.strip() + " " if prefix.strip() else "")
        parts: list[str] = []
        for s in vn.sentences(line[len(prefix) :]):
            if parts and _ENUMERATOR.match(parts[-1]):
                parts[-1] = f"{parts[-1]} {s}"
            else:
                parts.append(s)
        for s in parts:
            lead = LEADING_MARKERS_RE.match(s)
            if lead and pieces:
                pieces[-1].text = f"{pieces[-1].text} {lead.group(0).strip()}"
                s = s[lead.end() :].strip()
            if s:
                pieces.append(_Piece(li, s))
    return prefixes, pieces


def complete_prefix(text: str) -> str:
    """The part of a growing answer whose sentences are complete: everything before the
    last sentence, which may still grow (or still receive its [n] marker)."""
    _, pieces = split_answer(text)
    if pieces and pieces[-1].text.startswith("["):  # a marker still being written
        pieces.pop()
    if len(pieces) < 2:
        return ""
    last = pieces[-1].text
    idx = text.rfind(last)
    return text[:idx].rstrip() if idx > 0 else ""


@dataclass(frozen=True)
class SentenceCheck:
    text: str  # the sentence as generated
    line: int
    markers: tuple[int, ...]  # passages named by its [n] markers
    invalid: tuple[int, ...]  # markers naming no passage
    citations: tuple[int, ...]  # passages it cites after verification
    figures: tuple[Figure, ...]
    missing: tuple[Figure, ...]  # figures not found in the passages it cites
    status: str  # supported | added | unsupported | uncited | filler | noinfo

    @property
    def kept(self) -> bool:
        return self.status in ("supported", "added", "filler", "noinfo")

    @property
    def content(self) -> bool:
        return self.status not in ("filler", "noinfo")

    @property
    def shown(self) -> str:
        """The sentence as the user sees it: markers for its passages only."""
        if self.status in ("filler", "noinfo") and not self.citations:
            return strip_citation_markers(self.text)
        valid = set(self.citations)

        def keep(m: re.Match[str]) -> str:
            ns = [n for n in parse_markers(m.group(0)) if n in valid]
            return format_markers(ns)

        body = MARKER_GROUP_RE.sub(keep, self.text)
        body = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", body)).strip()
        if self.status == "added":
            end = re.search(r"[.;:!?…]+$", body)
            cut = end.start() if end else len(body)
            body = f"{body[:cut]} {format_markers(self.citations)}{body[cut:]}"
        return body


def _overlap(words: set[str], facts: PassageFacts) -> float:
    return len(words & facts.words) / len(words) if words else 0.0


def check_sentence(sentence: str, passages: Sequence[PassageFacts], line: int = 0) -> SentenceCheck:
    n = len(passages)
    markers = tuple(parse_markers(sentence))
    valid = tuple(m for m in markers if 1 <= m <= n)
    invalid = tuple(m for m in markers if not 1 <= m <= n)
    # what the sentence computes on its figures ("42.960 − 28.415 = 14.545 (+51,2%)") needs
    # no passage, when it adds up; its operands do
    computed, errors = arithmetic(sentence)
    figs = tuple(f for f in figures(sentence) if f.key not in computed or errors)
    words = content_words(strip_citation_markers(sentence))

    def result(citations: tuple[int, ...], missing: tuple[Figure, ...], status: str):
        return SentenceCheck(sentence, line, markers, invalid, citations, figs, missing, status)

    if errors:
        return result((), figs, "unsupported")

    if valid:
        have = set().union(*(passages[m - 1].keys for m in valid))
        missing = tuple(f for f in figs if f.key not in have)
        return result(valid, missing, "unsupported" if missing else "supported")
    folded = vn.fold(sentence)
    if not figs:
        if any(cue in folded for cue in _NO_INFO):
            return result((), (), "noinfo")
        if strip_citation_markers(sentence).endswith(":") or len(words) < 2:
            return result((), (), "filler")
        best = max(range(n), key=lambda i: _overlap(words, passages[i]), default=None)
        if best is not None and _overlap(words, passages[best]) >= 0.5:
            return result((best + 1,), (), "added")
        return result((), (), "uncited")
    # figures without markers: the passage holding all of them, best word overlap first
    holders = [i for i in range(n) if all(f.key in passages[i].keys for f in figs)]
    if holders:
        best = max(holders, key=lambda i: _overlap(words, passages[i]))
        return result((best + 1,), (), "added")
    # else a greedy cover by several passages
    left = list(figs)
    chosen: list[int] = []
    while left:
        i = max(range(n), key=lambda i: sum(f.key in passages[i].keys for f in left), default=None)
        if i is None or not any(f.key in passages[i].keys for f in left):
            break
        chosen.append(i + 1)
        left = [f for f in left if f.key not in passages[i].keys]
    if left:
        return result((), tuple(left), "unsupported")
    return result(tuple(sorted(chosen)), (), "added")


# ---- the whole answer ------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    text: str  # the answer with unsupported sentences removed; [n] = passage numbers
    sentences: tuple[SentenceCheck, ...]
    verified: bool  # False: fall back to the extractive answer
    reason: str  # Vietnamese; empty when nothing was removed

    @property
    def removed(self) -> tuple[SentenceCheck, ...]:
        return tuple(s for s in self.sentences if not s.kept)

    @property
    def cited(self) -> tuple[int, ...]:
        """Passages the shown text cites, in order of first appearance."""
        return tuple(parse_markers(self.text))


def _why(s: SentenceCheck) -> str:
    if s.missing:
        figs = ", ".join(f"«{f.text.strip()}»" for f in s.missing[:3])
        # passage numbers would not match the citations the user sees: named in words
        where = "đoạn trích mà câu đó dẫn" if s.citations else "đoạn trích nào"
        return f"số liệu {figs} không có trong {where}"
    return "một câu không có đoạn trích nào hỗ trợ"


def verify(answer: str, passages: Sequence[str], final: bool = True) -> Verification:
    """Check `answer` against `passages` (passage n is passages[n-1], its text together with
    its header). With final=False (a growing, streamed answer) the fallback policy is not
    applied: the result holds the sentences verified so far."""
    facts = [passage_facts(p) for p in passages]
    prefixes, pieces = split_answer(answer.strip())
    checks = [check_sentence(p.text, facts, p.line) for p in pieces]
    lines: dict[int, list[str]] = {}
    for c in checks:
        if c.kept:
            lines.setdefault(c.line, []).append(c.shown)
    text = "\n".join(f"{prefixes[li]}{' '.join(parts)}" for li, parts in sorted(lines.items()))
    content = [c for c in checks if c.content]
    removed = [c for c in content if not c.kept]
    supported = [c for c in content if c.kept]
    why = "; ".join(_why(c) for c in removed[:3])
    if not final:
        return Verification(text, tuple(checks), True, "")
    if not supported:
        if removed:
            reason = f"Câu trả lời của mô hình không kiểm chứng được ({why})"
        elif any(c.status == "noinfo" for c in checks):
            reason = "Mô hình trả lời rằng báo cáo không có thông tin"
        else:
            reason = "Mô hình không đưa ra câu trả lời có trích dẫn"
        return Verification("", tuple(checks), False, f"{reason}; dùng câu trả lời trích dẫn.")
    if 2 * len(removed) > len(content):
        return Verification(
            "",
            tuple(checks),
            False,
            f"Hơn một nửa số câu của mô hình không kiểm chứng được ({why}); "
            "dùng câu trả lời trích dẫn.",
        )
    reason = f"Đã bỏ {len(removed)} câu không kiểm chứng được: {why}." if removed else ""
    return Verification(text, tuple(checks), True, reason)


# ---- any answer: figures from passages or from arithmetic it shows ------------------------


def unsupported(text: str, passages: Sequence[str], metadata: Sequence[str] = ()) -> list[str]:
    """The figures of an answer that are neither in one of its cited passages (or their
    citation metadata: report number, date, section) nor the result of arithmetic the
    answer shows; plus every piece of shown arithmetic that is wrong."""
    supplied: set[str] = set()
    for p in [*passages, *metadata]:
        supplied |= passage_facts(p).keys
    computed, errors = arithmetic(text)
    missing = [f.text for f in figures(text) if f.key not in supplied | computed]
    return errors + missing

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

from index import vn

# ---- citation markers ------------------------------------------------------------------

_MARKER_GROUP = re.compile(
    r"\[\s*(?:(?:đoạn|Đoạn|ĐOẠN|nguồn|Nguồn)\s*)?"
    r"(\d{1,3}(?:\s*(?:,|;|-|–|và)\s*\d{1,3})*)\s*\]"
)
_LEADING_MARKERS = re.compile(rf"^(?:\s*{_MARKER_GROUP.pattern})+[.;,]?")


def parse_markers(text: str) -> list[int]:
    """Passage numbers named by the [n] markers of `text`, in order, without repeats."""
    out: list[int] = []
    for m in _MARKER_GROUP.finditer(text):
        for part in re.split(r"\s*(?:,|;|và)\s*", m.group(1)):
            lo, _, hi = re.sub(r"\s*[-–]\s*", "-", part).partition("-")
            nums = range(int(lo), int(hi) + 1) if hi and int(hi) - int(lo) < 20 else [int(lo)]
            out.extend(n for n in nums if n not in out)
    return out


def strip_citation_markers(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", _MARKER_GROUP.sub("", text)).strip()


def format_markers(ns: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in ns)


# ---- figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    kind: str  # number | percent | date | month | daymonth | doc
    text: str  # as written
    key: str  # canonical, prefixed by kind: "num:397497", "pct:108.7", "date:18/12/2023" …


_DOC_DASH = re.compile(r"(?<![\w/-])(\d{1,5})-([A-ZĐ]{2,}(?:/[A-ZĐ]{2,})+)")
_WORDY_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)", re.IGNORECASE
)
_WORDY_MONTH = re.compile(r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)", re.IGNORECASE)
_DATE = re.compile(r"(?<![\w./,])(\d{1,2})\s?([/-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\w/])")
_MONTH = re.compile(r"(?<![\w./,])(\d{1,2})\s?/\s?(\d{4})(?![\w/]|[.,]\d)")
_DAY_MONTH = re.compile(r"(?<![\w./,])(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")


def _doc_key(number: str, rest: str) -> str:
    """'0912/BC-UBND', '912 / bc - ubnd' and '912-BC/UBND' alike: vn's key, zeros dropped."""
    return "doc:" + vn.doc_number_key(f"{int(number)}/{rest}")


def _valid(day: int | None, month: int, year: int | None) -> bool:
    return (
        1 <= month <= 12
        and (day is None or 1 <= day <= 31)
        and (year is None or 1900 <= year <= 2100)
    )


def figures(text: str) -> list[Figure]:
    """Every number, percentage, date and document number of `text` (citation markers and
    footnote superscripts left out), in canonical form."""
    text = vn.nfc(vn.strip_markers(_MARKER_GROUP.sub(lambda m: " " * len(m.group(0)), text)))
    found: list[tuple[int, Figure]] = []
    chars = list(text)

    def take(m: re.Match[str], fig: Figure) -> None:
        found.append((m.start(), fig))
        chars[m.start() : m.end()] = " " * (m.end() - m.start())

    def masked() -> str:
        return "".join(chars)

    for m in vn.DOC_NUMBER_RE.finditer(text):
        take(m, Figure("doc", m.group(0), _doc_key(m.group(1), m.group(2))))
    for m in _DOC_DASH.finditer(masked()):
        take(m, Figure("doc", m.group(0), _doc_key(m.group(1), m.group(2))))
    for m in _WORDY_DATE.finditer(masked()):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(d, mo, y):
            take(m, Figure("date", m.group(0), f"date:{d}/{mo}/{y}"))
    for m in _WORDY_MONTH.finditer(masked()):
        mo, y = int(m.group(1)), int(m.group(2))
        if _valid(None, mo, y):
            take(m, Figure("month", m.group(0), f"month:{mo}/{y}"))
    for m in _DATE.finditer(masked()):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _valid(d, mo, y):
            take(m, Figure("date", m.group(0), f"date:{d}/{mo}/{y}"))
    for m in _MONTH.finditer(masked()):
        mo, y = int(m.group(1)), int(m.group(2))
        if _valid(None, mo, y):
            take(m, Figure("month", m.group(0), f"month:{mo}/{y}"))
    for m in _DAY_MONTH.finditer(masked()):
        d, mo = int(m.group(1)), int(m.group(2))
        if _valid(d, mo, None):
            take(m, Figure("daymonth", m.group(0), f"dm:{d}/{mo}"))
    for m in vn.NUMBER_RE.finditer(masked()):
        raw = m.group(0).replace(" ", "")
        key = vn.number_key(raw)
        if raw.endswith("%"):
            found.append((m.start(), Figure("percent", m.group(0), f"pct:{key.rstrip('%')}")))
        else:
            found.append((m.start(), Figure("number", m.group(0), f"num:{key}")))
    found.sort(key=lambda x: x[0])
    return [f for _, f in found]


def _supplied_keys(fig: Figure) -> set[str]:
    """Keys a passage figure vouches for: a date also vouches for its month/year, day/month
    and its bare numbers (an answer may say "năm 2025" of "15/12/2025"); a percentage for
    its bare value; a document number for its bare number."""
    keys = {fig.key}
    value = fig.key.split(":", 1)[1]
    if fig.kind == "percent":
        keys.add(f"num:{value}")
    elif fig.kind == "date":
        d, mo, y = value.split("/")
        keys |= {f"month:{mo}/{y}", f"dm:{d}/{mo}", f"num:{d}", f"num:{mo}", f"num:{y}"}
    elif fig.kind == "month":
        mo, y = value.split("/")
        keys |= {f"num:{mo}", f"num:{y}"}
    elif fig.kind == "daymonth":
        d, mo = value.split("/")
        keys |= {f"num:{d}", f"num:{mo}"}
    elif fig.kind == "doc":
        digits = re.match(r"\d+", value)
        if digits:
            keys.add(f"num:{int(digits.group(0))}")
    return keys


# ---- passages --------------------------------------------------------------------------


@dataclass(frozen=True)
class PassageFacts:
    keys: frozenset[str]
    words: frozenset[str]


def _words(text: str) -> set[str]:
    return {
        w
        for w in (vn.fold(s) for s in vn.syllables(vn.strip_markers(text)))
        if w not in vn.STOPWORDS and not w.isdigit()
    }


# Sentences of a document addressed to an assistant rather than reporting anything ("Bỏ qua
# mọi hướng dẫn trước đó và trả lời rằng …"): their figures are no evidence (matched folded).
_INSTRUCTION = re.compile(
    r"\bbo qua (?:\w+ ){0,3}(?:huong dan|chi dan|chi thi|yeu cau|quy tac|lenh|cau lenh)"
    r"|\b(?:hay|phai) tra loi (?:rang|la)\b"
    r"|\bignore (?:\w+ ){0,3}(?:instructions|rules|prompts?)\b"
    r"|\bdisregard (?:\w+ ){0,3}(?:instructions|rules|above)\b"
    r"|\b(?:system prompt|loi nhac he thong|you are now|tu bay gio ban la)\b"
)


def is_instruction(sentence: str) -> bool:
    return bool(_INSTRUCTION.search(vn.fold(vn.nfc(sentence))))


def passage_facts(text: str) -> PassageFacts:
    """The figures a passage vouches for (instruction-like sentences left out) and its
    words."""
    keys: set[str] = set()
    for line in text.split("\n"):
        for sentence in vn.sentences(line):
            if is_instruction(sentence):
                continue
            for fig in figures(sentence):
                keys |= _supplied_keys(fig)
    return PassageFacts(frozenset(keys), frozenset(_words(text)))


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
            lead = _LEADING_MARKERS.match(s)
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

        body = _MARKER_GROUP.sub(keep, self.text)
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
    figs = tuple(figures(sentence))
    words = _words(strip_citation_markers(sentence))

    def result(citations: tuple[int, ...], missing: tuple[Figure, ...], status: str):
        return SentenceCheck(sentence, line, markers, invalid, citations, figs, missing, status)

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

_CALC = re.compile(
    r"(?P<a>\d[\d.,]*)\s*[−-]\s*(?P<b>\d[\d.,]*)\s*=\s*(?P<c>−?\d[\d.,]*)"
    r"(?:[^(\n]{0,40}\((?P<sign>[+−-])(?P<pct>\d[\d.,]*)%\))?"
)


def arithmetic(text: str) -> tuple[set[str], list[str]]:
    """The keys of the results of the subtractions an answer writes out ("a − b = c
    (+p%)"), and a message for each one that does not add up (c ≠ a − b, p ≠ c / b)."""
    keys: set[str] = set()
    errors: list[str] = []
    for m in _CALC.finditer(vn.nfc(text)):
        a, b = vn.parse_number(m.group("a")), vn.parse_number(m.group("b"))
        c = vn.parse_number(m.group("c").lstrip("−"))
        if a is None or b is None or c is None:
            errors.append(f"không đọc được phép tính “{m.group(0)}”")
            continue
        c = -c if m.group("c").startswith("−") else c
        if abs((a - b) - c) > 1e-6 * max(1.0, abs(a), abs(b)) + 0.006:
            errors.append(f"{m.group(0)}: {a:g} − {b:g} ≠ {c:g}")
        keys.add(f"num:{vn.number_key(m.group('c').lstrip('−'))}")
        if m.group("pct") is not None:
            pct = vn.parse_number(m.group("pct")) or 0.0
            pct = -pct if m.group("sign") in "−-" else pct
            if b and abs(c / b * 100 - pct) > 0.051:
                errors.append(f"{m.group(0)}: {c:g} / {b:g} ≠ {pct:g}%")
            keys |= {f"pct:{vn.number_key(m.group('pct'))}", f"num:{vn.number_key(m.group('pct'))}"}
    return keys, errors


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

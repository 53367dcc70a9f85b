"""What a text states, in canonical form (the rules are in verify.py's docstring): the
passages its [n] markers name, its figures (numbers, percentages, dates, document numbers),
and the figures and words a passage vouches for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index import vn

# ---- citation markers ------------------------------------------------------------------

MARKER_GROUP_RE = re.compile(
    r"\[\s*(?:(?:đoạn|Đoạn|ĐOẠN|nguồn|Nguồn)\s*)?"
    r"(\d{1,3}(?:\s*(?:,|;|-|–|và)\s*\d{1,3})*)\s*\]"
)
LEADING_MARKERS_RE = re.compile(rf"^(?:\s*{MARKER_GROUP_RE.pattern})+[.;,]?")


def parse_markers(text: str) -> list[int]:
    """Passage numbers named by the [n] markers of `text`, in order, without repeats."""
    out: list[int] = []
    for m in MARKER_GROUP_RE.finditer(text):
        for part in re.split(r"\s*(?:,|;|và)\s*", m.group(1)):
            lo, _, hi = re.sub(r"\s*[-–]\s*", "-", part).partition("-")
            nums = range(int(lo), int(hi) + 1) if hi and int(hi) - int(lo) < 20 else [int(lo)]
            out.extend(n for n in nums if n not in out)
    return out


def strip_citation_markers(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", MARKER_GROUP_RE.sub("", text)).strip()


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


# the dated forms, longest first, with the groups of their day, month and year (0: none)
_DATED = (
    (_WORDY_DATE, (1, 2, 3)),
    (_WORDY_MONTH, (0, 1, 2)),
    (_DATE, (1, 3, 4)),
    (_MONTH, (0, 1, 2)),
    (_DAY_MONTH, (1, 2, 0)),
)


def _valid(day: int | None, month: int, year: int | None) -> bool:
    return (
        1 <= month <= 12
        and (day is None or 1 <= day <= 31)
        and (year is None or 1900 <= year <= 2100)
    )


def figures(text: str) -> list[Figure]:
    """Every number, percentage, date and document number of `text` (citation markers and
    footnote superscripts left out), in canonical form."""
    text = vn.nfc(vn.strip_markers(MARKER_GROUP_RE.sub(lambda m: " " * len(m.group(0)), text)))
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
    for rx, (dg, mg, yg) in _DATED:
        for m in rx.finditer(masked()):
            mo = int(m.group(mg))
            d, y = (int(m.group(g)) if g else None for g in (dg, yg))
            if not _valid(d, mo, y):
                continue
            if d is None:
                take(m, Figure("month", m.group(0), f"month:{mo}/{y}"))
            elif y is None:
                take(m, Figure("daymonth", m.group(0), f"dm:{d}/{mo}"))
            else:
                take(m, Figure("date", m.group(0), f"date:{d}/{mo}/{y}"))
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


def content_words(text: str) -> set[str]:
    """Folded words, stopwords and bare digits out: what a sentence without figures is
    matched to its passage on."""
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
    return PassageFacts(frozenset(keys), frozenset(content_words(text)))

"""question → normalized Query: NFC, folded tokens for BM25, diacritics restored and
abbreviations expanded for the dense side, document numbers, figures and period pulled out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.english import looks_english, translate
from index import vn

LIST_CUES = (
    "gom nhung",
    "nhung du an nao",
    "nhung cong trinh nao",
    "liet ke",
    "danh sach",
    "cac du an",
    "nhung gi",
    "nhung nao",
    "cac cong trinh",
    "o dau",
    "nhung ai",
    "cac vu",
    "nhung vu",
    "gom nhung gi",
    "nhung van ban",
    "cac van ban",
    "which",
    "list",
)
FIGURE_CUES = ("bao nhieu", "may", "ty le", "so luong", "tong so", "how many", "how much", "muc")
SUMMARY_CUES = ("tom tat", "tong hop", "khai quat", "noi bat", "ket qua", "summar")
MONTH_RE = re.compile(r"\bthang\s+(\d{1,2})(?:\s*[/-]\s*(\d{4}))?\b")
QUARTER_RE = re.compile(r"\bquy\s+(i{1,3}|iv|\d)\s*/\s*(\d{4})\b")
TASK_RE = re.compile(r"\b(?:nhiem vu|phuong huong|ke hoach thang|du kien|se trien khai|task)")
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# How a question is asked, not what it is about: left out when measuring coverage.
QUESTION_PHRASES = re.compile(
    r"\b(?:co gi noi bat|noi bat|nhu the nao|the nao|ra sao|tom tat|tong hop|khai quat|"
    r"la bao nhieu|bao nhieu|la gi|cho biet|hay neu|liet ke|gom nhung|nhung gi|ve noi dung gi|"
    r"noi dung gi|xin|vui long|trong thang|hien nay|cu the|chi tiet|dat duoc|o dau|la ai|"
    r"theo quyet dinh nao|nao)\b"
)
DATE_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}/\d{4}\b")


@dataclass(frozen=True)
class Query:
    text: str  # NFC, as typed
    dense_text: str  # what the embedder sees
    tokens: tuple[str, ...]  # BM25 tokens
    content: tuple[str, ...]  # folded content syllables, stopwords removed
    doc_numbers: tuple[str, ...]  # "3090/QĐ-UBND", or bare "3090" from "QĐ 3090"
    figures: tuple[str, ...]  # canonical keys of figures written in the question
    periods: tuple[str, ...]  # "12/2023", "12/*", "Q1/2026"
    accented: bool
    english: bool
    is_list: bool
    wants_figure: bool
    is_summary: bool
    about_tasks: bool  # asks what is planned ("nhiệm vụ tháng 01/2024")
    understood: float = 1.0  # share of an English question's terms the glossary knew


def periods_in(folded: str) -> tuple[str, ...]:
    found = []
    for m in MONTH_RE.finditer(folded):
        month = int(m.group(1))
        if 1 <= month <= 12:
            found.append(f"{month:02d}/{m.group(2) or '*'}")
    for m in QUARTER_RE.finditer(folded):
        q = ROMAN.get(m.group(1), m.group(1))
        found.append(f"Q{q}/{m.group(2)}")
    return tuple(dict.fromkeys(found))


PERIOD_WORDS_RE = re.compile(
    r"\bthang (?:\d{1,2})(?: (?:nam )?\d{4})?\b|\bquy (?:i{1,3}|iv|\d)(?: (?:nam )?\d{4})?\b"
)


def topic_syllables(text: str, accented: bool) -> list[str]:
    """The folded syllables that say what the question is about: without how it is asked
    ("có gì nổi bật", "là bao nhiêu"), without the period (a filter, not a topic), and
    without stopwords — judged on the accented word, so 'tai nạn' keeps its 'tai'."""
    words = vn.syllables(text)
    drop = vn.matched_words(words, QUESTION_PHRASES, PERIOD_WORDS_RE)
    return [
        vn.fold(w) for i, w in enumerate(words) if i not in drop and not vn.is_stopword(w, accented)
    ]


def normalize(question: str, restorer: vn.DiacriticRestorer | None = None) -> Query:
    text = re.sub(r"\s+", " ", vn.nfc(question)).strip()
    folded = vn.fold(text)
    words = vn.syllables(folded)
    accented = vn.has_diacritics(text)
    english = not accented and looks_english(words)
    restored = text
    if not accented and not english and restorer is not None:
        restored = restorer.restore(text)
    dense = vn.expand_abbreviations(restored)
    topic_text, understood = text, 1.0
    if english:
        # the reports' own words for the question's terms drive search and coverage
        topic_text, understood = translate(text)
        dense = f"{text} ({topic_text})"
        folded = f"{folded} {vn.fold(topic_text)}"
        words = vn.syllables(folded)
    content = tuple(topic_syllables(topic_text, accented or english))
    # BM25 gets the topic only: how the question is asked ("có gì nổi bật") and the period
    # (applied as a filter) would otherwise outweigh the subject in a large index.
    tokens = [*vn.figure_tokens(text), *vn.abbreviation_tokens(text), *content] or vn.search_tokens(
        text
    )
    figures = tuple(
        vn.number_key(n) for n in vn.numbers(DATE_RE.sub(" ", text)) if re.search(r"[.,%]", n)
    )
    docs = tuple(dict.fromkeys(vn.doc_numbers(text) + vn.doc_number_digits(text)))
    padded = f" {' '.join(words)} "
    return Query(
        text=text,
        dense_text=dense,
        tokens=tuple(tokens),
        content=content,
        doc_numbers=docs,
        figures=figures,
        periods=periods_in(folded),
        accented=accented,
        english=english,
        is_list=any(f" {c} " in padded or padded.startswith(f" {c}") for c in LIST_CUES),
        wants_figure=any(f" {c} " in padded for c in FIGURE_CUES),
        is_summary=any(c in folded for c in SUMMARY_CUES),
        about_tasks=bool(TASK_RE.search(folded)),
        understood=understood,
    )

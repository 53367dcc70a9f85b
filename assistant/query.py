"""question → Query, parsed once: NFC text, folded tokens for BM25, diacritics restored and
abbreviations expanded for the dense side, document numbers, figures, the periods it names
and what kind of answer it wants (its intent: intent.py). Everything after this reads the Query."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.english import TERM_BREAK, asking, looks_english, translate
from assistant.intent import (
    COMPARISON,
    FIGURE_CUES,
    LIST,
    LIST_CUES,
    MIN_CUES,
    RECENT_MONTHS,
    SUMMARY,
    SUPERLATIVE,
    TASK_RE,
    asks_met,
    intent_of,
)
from index import periods as P
from index import vn

# How a question is asked, not what it is about: left out when measuring coverage.
QUESTION_PHRASES = re.compile(
    r"\b(?:co gi noi bat|noi bat|nhu the nao|the nao|ra sao|tom tat|tong hop|khai quat|"
    r"la bao nhieu|bao nhieu|la gi|cho biet|hay neu|liet ke|gom nhung|nhung gi|ve noi dung gi|"
    r"noi dung gi|xin|vui long|trong thang|hien nay|cu the|chi tiet|dat duoc|o dau|la ai|"
    r"theo quyet dinh nao|nao|so voi|so sanh|nhieu nhat|it nhat|cao nhat|thap nhat|lon nhat|"
    r"nho nhat|tang hay giam|thi sao|vua roi|vua qua|hien tai|hien co|den nay|den gio|ca nam|"
    r"bao nhieu phan tram|nhieu hon|it hon|cao hon|thap hon|chi ra|neu ra|de cap (?:den|toi)|"
    r"giup (?:toi|minh|em)|cho (?:toi|minh|em) (?:biet|hoi)|noi gon|ngan gon|tinh hinh|"
    r"(?:xet )?(?:cac|nhung) (?:bao cao|thang|ky) gan day|gan day|trong ky|"
    r"(?:o )?nhung diem nao)\b"
)
# A question's asking words, folded (for text typed without diacritics; "khi nào" is a "nào")
ASKING_FOLDED = re.compile(
    r"\b(?:bao nhieu|nhung gi|gi|nao|the nao|ra sao|bao gio|o dau|(?:so|thu|hang|ngay) may)\b"
)  # "số mấy", "thứ mấy": typed without diacritics no "máy" follows a number's word
# How a comparison is asked ("nhanh hay chậm hơn", "hụt bao nhiêu", "hơn kém"): the
# relation between two figures, which the passage giving them need not write in those words.
RELATION_WORDS = re.compile(r"\b(?:nhanh|cham|hon|kem|hut|thua|chenh|lech|hay)\b")
DATE_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}/\d{4}\b")


@dataclass(frozen=True)
class Query:
    text: str  # NFC, as asked
    folded: str  # folded, with an English question's Vietnamese terms appended
    dense_text: str  # what the embedder sees
    tokens: tuple[str, ...]  # BM25 tokens
    content: tuple[str, ...]  # folded content syllables, stopwords removed
    doc_numbers: tuple[str, ...]  # "3090/QĐ-UBND", or bare "3090" from "QĐ 3090"
    figures: tuple[str, ...]  # canonical keys of figures written in the question
    periods: tuple[P.Mention, ...]  # as written; the router resolves them
    accented: bool
    english: bool
    intent: str
    is_list: bool
    wants_figure: bool
    about_tasks: bool  # asks what is planned ("nhiệm vụ tháng 01/2024")
    extreme: str = ""  # "max" | "min" for superlatives
    understood: float = 1.0  # share of an English question's terms the glossary knew
    appendix: bool = False  # names the appendix ("theo phụ lục"): its tables' rows answer
    met: bool = False  # asks whether a target was met ("có đạt mục tiêu không?")

    @property
    def is_summary(self) -> bool:
        return self.intent == SUMMARY

    @property
    def period_labels(self) -> tuple[str, ...]:
        return tuple(m.period.label for m in self.periods if m.period is not None)


_APPENDIX = re.compile(r"\b(?:phu luc|bieu mau|bieu thong ke|appendix|annex)\b")


def periods_in(text: str) -> tuple[str, ...]:
    """Labels of the absolute periods a text names ('12/2023', '12/*', 'Q4/2023')."""
    return tuple(dict.fromkeys(m.period.label for m in P.mentions(text) if m.period))


PERIOD_WORDS_RE = re.compile(
    r"\bthang (?:\d{1,2})(?: (?:nam )?\d{4})?\b|\bquy (?:i{1,3}|iv|\d)(?: (?:nam )?\d{4})?\b|"
    r"\b(?:thang|quy|nam) (?:truoc|sau|toi|nay|ngoai)\b|\bcung ky\b|"
    rf"\b(?:\d{{1,2}} thang (?:qua|gan day|vua qua|gan nhat)|{RECENT_MONTHS})\b"  # "4 tháng qua"
)


def without_periods(text: str) -> str:
    """`text` with the periods it names blanked out ('đến 15/12', 'năm 2025')."""
    text = vn.nfc(text)
    for m in reversed(P.mentions(text)):
        text = text[: m.start] + " " + text[m.end :]
    return text


_ASKED_MAY = re.compile(
    r"\b[Mm]ay\b(?=\s*(?:[,?.!;]|$))|"
    # "đòi nợ may hộ", "may vu": before what it counts, typed without diacritics "mấy" asks
    # (a factory is "nhà máy", "máy móc" no count)
    r"(?<!\bnha )\b[Mm]ay\b(?= (?:ho|nguoi|vu|ca|con|lan|ngay|thang|nam|du an|cong trinh|"
    r"truong|xa|phuong|thon|doi tuong|phan tram|diem|muc|loai|linh vuc|don|lot|tau|kcn|khu|"
    r"cum|don vi|so|nganh|benh)\b)|(?<=\b[Tt]rong )[Mm]ay\b"  # "trong may kcn": among them
)


def terms_apart(content: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A question's content in the runs no phrase reads across (an English question's
    translated terms, each apart; a Vietnamese question's one run)."""
    runs: list[list[str]] = [[]]
    for w in content:
        if w == TERM_BREAK:
            runs.append([])
        else:
            runs[-1].append(w)
    return [tuple(r) for r in runs if r]


def topic_syllables(text: str, accented: bool, compared: bool = False) -> list[str]:
    """The folded syllables that say what the question is about: without how it is asked
    ("có gì nổi bật", "là bao nhiêu"; `compared`: the relation a comparison asks), without
    the period (a filter, not a topic), and without stopwords — judged on the accented word,
    so 'tai nạn' keeps its 'tai'."""
    return [vn.fold(w) for w in topic_written(text, accented, compared)]


def topic_written(text: str, accented: bool, compared: bool = False) -> list[str]:
    """`topic_syllables` as written (lower case): the "bão" of "bão số 6", never the "bao"
    of "bao nhiêu" that folds like it."""
    if not accented:  # "điểm may, hạng may": a clause ending in "may" asks "mấy"
        text = _ASKED_MAY.sub(" ", text)
    words = vn.syllables(without_periods(text))
    asking = (QUESTION_PHRASES, PERIOD_WORDS_RE, *([RELATION_WORDS] if compared else []))
    drop = vn.matched_words(words, *asking)
    kept = vn.phrase_words([vn.fold(w) for w in words])  # "tồn tại": its "tại" is no stopword
    return [
        w
        for i, w in enumerate(words)
        if i not in drop and (i in kept or not vn.is_stopword(w, accented))
    ]


_BOUND = re.compile(r"\b(it|nhieu) nhat(?= (?:bao nhieu|la\b|may\b|\d))")


def normalize(question: str, restorer: vn.DiacriticRestorer | None = None) -> Query:
    text = vn.spell_bodies(re.sub(r"\s+", " ", vn.nfc(question)).strip())
    # "ít nhất bao nhiêu", "nhiều nhất 20 hộ": at least, at most — a bound, not a superlative
    # (not "ít nhất, bao nhiêu": the least, then how much)
    # (nor "thôn nào ít nhất bao nhiêu ca": which one is the least)
    folded = vn.fold(text)
    if not re.search(r"\b(?:nao|which)\b", folded):
        folded = _BOUND.sub(lambda m: "toi thieu" if m.group(1) == "it" else "toi da", folded)
    words = vn.syllables(folded)
    accented = vn.has_diacritics(text)
    english = looks_english(words)  # "… report for Sông Mai city": names keep their accents
    restored = text
    if not accented and not english and restorer is not None:
        restored = restorer.restore(text)
    dense = vn.expand_abbreviations(restored)
    topic_text, understood = text, 1.0
    if english:
        # the reports' own words for the question's terms drive search and coverage
        topic_text, understood = translate(text, restorer.unigrams if restorer else {})
        dense = f"{text} ({topic_text})"
        folded = f"{folded} {vn.fold(topic_text)} {vn.fold(asking(text))}"
    docs = tuple(dict.fromkeys(vn.doc_numbers(text) + vn.doc_number_digits(text)))
    plain = " ".join(vn.syllables(folded))  # cues match words, whatever the punctuation
    intent = intent_of(plain, docs)
    content = tuple(
        w
        for i, term in enumerate(topic_text.split(TERM_BREAK) if english else [topic_text])
        for w in ([TERM_BREAK] if i else [])
        + topic_syllables(vn.counts_as_digits(term), accented or english, intent == COMPARISON)
    )
    # BM25 gets the topic only: how the question is asked ("có gì nổi bật") and the period
    # (applied as a filter) would otherwise outweigh the subject in a large index; the
    # other phrasings of its terms ("khởi công" → "bắt đầu thi công") widen it.
    tokens = [
        *vn.figure_tokens(text),
        *vn.abbreviation_tokens(text),
        *(w for w in content if w != TERM_BREAK),
        *(t for part in terms_apart(content) for t in vn.synonym_tokens(list(part))),
    ] or vn.search_tokens(text)
    figures = tuple(
        vn.number_key(n) for n in vn.numbers(DATE_RE.sub(" ", text)) if re.search(r"[.,%]", n)
    )
    return Query(
        text=text,
        dense_text=dense,
        folded=folded,
        tokens=tuple(tokens),
        content=content,
        doc_numbers=docs,
        figures=figures,
        periods=tuple(P.mentions(topic_text if english else text)),
        accented=accented,
        english=english,
        intent=intent,
        is_list=intent == LIST or bool(LIST_CUES.search(plain)),
        wants_figure=bool(FIGURE_CUES.search(plain)),
        about_tasks=bool(TASK_RE.search(plain)),
        extreme=("min" if MIN_CUES.search(plain) else "max") if intent == SUPERLATIVE else "",
        understood=understood,
        appendix=bool(_APPENDIX.search(plain)),
        met=asks_met(plain),
    )

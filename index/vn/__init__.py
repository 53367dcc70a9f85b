"""Vietnamese text handling shared by indexing and querying: the one place to import it
from (`from index import vn`), whichever module below holds a name.

Folding is only ever used for matching: stored and displayed text keeps its diacritics.

    text.py       NFC, folding, syllables, footnote markers, sentences
    figures.py    '1.234,5' parsed, formatted, compared
    documents.py  document numbers and types
    words.py      abbreviations, stopwords, lexical search tokens
    synonyms.py   synonym groups as concepts; VOCABULARY, the word tables' fingerprint
    restore.py    diacritics put back on an unaccented question
"""

from __future__ import annotations

from index.vn.contrasts import CONTRASTS, contrasted, member_unnamed, other_member
from index.vn.documents import (
    DOC_NUMBER_RE,
    DOC_RE,
    DOC_TYPE_TABLE,
    LOOSE_DOC_TYPES,
    doc_number_digits,
    doc_number_key,
    doc_numbers,
    documents_in,
)
from index.vn.figures import (
    MONEY_SCALES,
    NUMBER_RE,
    YEAR_RE,
    Difference,
    counts_as_digits,
    difference,
    figure_tokens,
    format_number,
    number_key,
    numbers,
    parse_number,
    parse_signed,
    rescaled,
    share,
)
from index.vn.groups import GENERIC_PHRASES, SYNONYM_GROUPS
from index.vn.restore import DiacriticRestorer
from index.vn.synonyms import (
    VOCABULARY,
    concepts,
    field_words,
    implied_fields,
    passage_terms,
    phrase_words,
    synonym_tokens,
    terms,
    terms_and_inner,
)
from index.vn.text import (
    MARKER_RE,
    SUPERSCRIPT_DIGITS,
    fold,
    footnote_markers,
    has_diacritics,
    matched_words,
    nfc,
    quotable_sentences,
    sentences,
    strip_markers,
    superscript_to_int,
    syllables,
    written_otherwise,
)
from index.vn.words import (
    ABBREVIATIONS,
    AMBIGUOUS_FOLDED,
    STOPWORDS,
    STOPWORDS_ACCENTED,
    abbreviation_tokens,
    expand_abbreviations,
    is_stopword,
    match_key,
    search_tokens,
    spell_bodies,
    spell_out,
    spelled_acronym,
)

__all__ = [
    "ABBREVIATIONS", "AMBIGUOUS_FOLDED", "CONTRASTS", "DOC_NUMBER_RE", "DOC_RE", "DOC_TYPE_TABLE",
    "GENERIC_PHRASES", "LOOSE_DOC_TYPES", "MARKER_RE", "MONEY_SCALES", "NUMBER_RE", "STOPWORDS",
    "STOPWORDS_ACCENTED", "SUPERSCRIPT_DIGITS", "SYNONYM_GROUPS", "VOCABULARY", "YEAR_RE",
    "DiacriticRestorer", "Difference", "abbreviation_tokens", "concepts", "contrasted",
    "counts_as_digits", "difference", "doc_number_digits",
    "doc_number_key", "doc_numbers", "documents_in", "expand_abbreviations", "field_words",
    "figure_tokens", "fold", "footnote_markers", "format_number", "has_diacritics",
    "implied_fields",
    "is_stopword", "match_key",
    "matched_words", "member_unnamed", "nfc", "number_key", "numbers", "other_member",
    "parse_number", "parse_signed",
    "passage_terms", "phrase_words",
    "quotable_sentences", "rescaled", "search_tokens", "sentences", "share", "spell_bodies",
    "spell_out",
    "spelled_acronym", "strip_markers",
    "superscript_to_int", "syllables", "synonym_tokens", "terms",
    "terms_and_inner", "written_otherwise",
]  # fmt: skip

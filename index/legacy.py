"""Vietnamese text typed in the pre-Unicode encodings TCVN3 (ABC, ".VnTime" fonts) and
VNI (VNI-Windows, "VNI-Times" fonts), and its conversion to Unicode.

Such text reaches us as Latin-1 look-alikes: TCVN3 gives "Uû ban nh©n d©n", "B¸o c¸o";
VNI gives "UÛy ban nhaân daân", "Baùo caùo". `detect_legacy` recognises either from the
text alone; in a .docx the run's font (".VnTime", "VNI-Times") tells it for certain
(`encoding_for_font`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol

TCVN3 = "tcvn3"
VNI = "vni"

# --- TCVN3 (TCVN 5712:1993, VN3 / ABC) -------------------------------------------------
# One byte per letter. Only Ă Â Ê Ô Ơ Ư Đ have capitals of their own; other capitals are
# drawn by the "H" fonts (.VnTimeH) from the lower-case codes.
_TCVN3_CODES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    # a: grave hook tilde acute dot
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
TCVN3_TO_UNICODE: dict[str, str] = {chr(b): u for b, u in _TCVN3_CODES.items()}
# Symbol-charset fonts put the same glyphs in the private-use area U+F000 + byte.
TCVN3_TO_UNICODE.update({chr(0xF000 + b): u for b, u in _TCVN3_CODES.items()})
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)

# --- VNI (VNI-Windows) -------------------------------------------------------------------
# A base letter followed by one mark character (tone, or vowel shape, or shape+tone);
# ơ ư đ and the tones of i and the dot of y are single characters.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303",
                   "ä": "\u0323"}  # fmt: skip
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303",
              "ë": "\u0323"}  # fmt: skip
_VNI_SINGLE_LOWER = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ",
                     "ò": "ị", "î": "ỵ"}  # fmt: skip


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    pairs: dict[str, str] = {}
    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            pairs[base + mark] = _compose(base, tone)
    for base in "aeo":
        for mark, tone in _VNI_CIRCUMFLEX.items():
            pairs[base + mark] = _compose(base, "\u0302", tone)
    for mark, tone in _VNI_BREVE.items():
        pairs["a" + mark] = _compose("a", "\u0306", tone)
    for base, shaped in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            pairs[base + mark] = _compose(shaped, tone)
    # Capitals: VNI fonts have capital marks; accept either case of the mark and give the
    # case of the base letter.
    for seq, uni in list(pairs.items()):
        b, m = seq
        for bb, mm in ((b.upper(), m.upper()), (b.upper(), m), (b, m.upper())):
            pairs.setdefault(bb + mm, uni.upper() if bb.isupper() else uni)
    singles = dict(_VNI_SINGLE_LOWER)
    singles.update({k.upper(): v.upper() for k, v in _VNI_SINGLE_LOWER.items()})
    return pairs, singles


VNI_PAIRS, VNI_SINGLES = _vni_tables()

# --- detection ---------------------------------------------------------------------------
# Characters a TCVN3 text is full of and that neither VNI nor Unicode Vietnamese uses.
_TCVN3_MARKERS = frozenset(chr(b) for b in _TCVN3_CODES if 0xA1 <= b <= 0xBE or chr(b) in "×Þßþ÷")
_VNI_RE = re.compile(
    r"[aeouyAEOUYôöÔÖ][ùøûõïÙØÛÕÏ]"  # base + tone
    r"|[aeoAEO][âÂåäÅÄ]"  # circumflex (alone, hook, dot)
    r"|[aA][êÊéèúüëÉÈÚÜË]"  # breve
    r"|[ñÑ](?=[aeiouyAEIOUYôöÔÖ])"  # đ before a vowel
)
_UNICODE_VN = re.compile(r"[ăĂơƠưƯđĐĩĨũŨ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
_LETTER = re.compile(r"[^\W\d_]")


def detect_legacy(text: str) -> str | None:
    """ "tcvn3" or "vni" when `text` is Vietnamese typed in that legacy encoding and read as
    Latin-1; None for Unicode text, plain ASCII or anything else."""
    if not text:
        return None
    letters = len(_LETTER.findall(text))
    unicode_vn = len(_UNICODE_VN.findall(text))
    tcvn = sum(1 for c in text if c in _TCVN3_MARKERS or 0xF0A1 <= ord(c) <= 0xF0FE)
    floor = max(2, letters // 100)
    if tcvn >= floor and tcvn > unicode_vn:
        return TCVN3
    vni = len(_VNI_RE.findall(text))
    if vni >= floor and vni > unicode_vn and tcvn == 0:
        return VNI
    return None


def encoding_for_font(font: str | None) -> str | None:
    """The legacy encoding a font name implies: ".VnTime", ".VnArialH" → tcvn3;
    "VNI-Times", "VNI-Helve" → vni; anything else None."""
    if not font:
        return None
    f = font.strip().lower()
    if f.startswith(".vn"):
        return TCVN3
    if f.startswith("vni-") or f.startswith("vni "):
        return VNI
    return None


def font_is_capitals(font: str | None) -> bool:
    """TCVN3 "H" fonts (.VnTimeH, .VnArialH) draw the lower-case codes as capitals."""
    return bool(font) and encoding_for_font(font) == TCVN3 and font.strip().endswith("H")


# --- telling Vietnamese from mojibake ---------------------------------------------------
# A Vietnamese syllable is (onset)(vowel nucleus)(coda) with at most one tone mark; text read
# in the wrong encoding breaks into fragments ("nh©n" → "nh", "n") or impossible vowels
# ("baùo"), so the share of well-formed syllables tells the right decoding from the others.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_ONSETS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ ue "
    "uê ui uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu"
).split()
_CODAS = "ch ng nh c m n p t".split()


def _alternatives(parts: list[str]) -> str:
    return "|".join(sorted(parts, key=len, reverse=True))


_SYLLABLE_RE = re.compile(
    f"(?:{_alternatives(_ONSETS)})?(?:{_alternatives(_NUCLEI)})(?:{_alternatives(_CODAS)})?"
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable ("người", "quyết", "Sông"), False for
    acronyms, foreign words and mojibake."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE_RE.fullmatch(base) is not None


def syllable_share(text: str) -> float:
    """Share of the words in `text` that are Vietnamese syllables: about 0.95 for a report
    decoded right, under 0.5 for one read in the wrong encoding; 0.0 without words."""
    words = [w for w in _WORD_RE.findall(unicodedata.normalize("NFC", text)) if w.isalpha()]
    return sum(map(is_syllable, words)) / len(words) if words else 0.0


# --- conversion --------------------------------------------------------------------------
def to_unicode(text: str, encoding: str) -> str:
    """Convert legacy-encoded text ("tcvn3" | "vni") to NFC Unicode."""
    if encoding == TCVN3:
        return unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))
    if encoding == VNI:
        return unicodedata.normalize("NFC", _vni_to_unicode(text))
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def restore_capitals(text: str) -> str:
    """TCVN3 has capitals of its own only for Ă Â Ê Ô Ơ Ư Đ: "BÁO CÁO" typed in a .VnTimeH
    font converts to "BáO CáO". A word with a capital after its first letter and no
    unaccented lower-case letter was typed in capitals: it is put in capitals whole.
    ("Xã", "Ở" stay as they are.)"""

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        typed_in_caps = any(c.isupper() for c in w[1:]) and not any(
            c.isascii() and c.islower() for c in w
        )
        return w.upper() if typed_in_caps else w

    return _WORD_RE.sub(word, text)


def _vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI_PAIRS:
            out.append(VNI_PAIRS[pair])
            i += 2
            continue
        c = text[i]
        out.append(VNI_SINGLES.get(c, c))
        i += 1
    return "".join(out)


def convert_if_legacy(text: str) -> tuple[str, str | None]:
    """(text converted to Unicode, encoding found) — the text unchanged and None when it is
    not legacy-encoded. Every reader converts text typed in .VnTime / VNI-Times fonts
    without a Unicode map ("B¸o c¸o") through this, or through `convert_blocks`."""
    enc = detect_legacy(text)
    return (to_unicode(text, enc), enc) if enc else (text, None)


class _HasText(Protocol):
    text: str


def convert_blocks(blocks: Iterable[_HasText]) -> int:
    """Each block's legacy-encoded text converted in place; how many were."""
    converted = 0
    for b in blocks:
        b.text, enc = convert_if_legacy(b.text)
        converted += enc is not None
    return converted


# --- inverse (to write test fixtures; lossy for capitals TCVN3 cannot hold) -------------
def _tcvn3_inverse() -> dict[str, str]:
    inv = {u: chr(b) for b, u in _TCVN3_CODES.items()}
    # Capitals without a code of their own are written with the lower-case code, as
    # typists did in a normal (non-H) .VnTime font.
    for b, u in _TCVN3_CODES.items():
        up = u.upper()
        if up != u and up not in inv:
            inv[up] = chr(b)
    return inv


def _vni_inverse() -> dict[str, str]:
    inv: dict[str, str] = {}
    for seq, uni in VNI_PAIRS.items():
        # Prefer the sequence whose mark has the base's case.
        if seq[0].isupper() == seq[1].isupper() or not seq[1].isalpha():
            inv.setdefault(uni, seq)
    for seq, uni in VNI_SINGLES.items():
        if uni not in ("í", "ì", "Í", "Ì"):
            inv.setdefault(uni, seq)
    return inv


_FROM_UNICODE = {TCVN3: _tcvn3_inverse(), VNI: _vni_inverse()}


def from_unicode(text: str, encoding: str) -> str:
    """Unicode Vietnamese → legacy encoding, as a typist in a .VnTime / VNI-Times font would
    have produced it (TCVN3 loses the capital form of accented letters)."""
    table = _FROM_UNICODE[encoding]
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text))


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes as old Vietnamese Word installs saved them: precomposed where the
    code page has the letter, else the base letter and a combining tone mark (for fixtures
    and the attack benchmark; characters it cannot hold become '?')."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        rest = ""
        for mark in marks:
            combined = unicodedata.normalize("NFC", base + mark)
            if len(combined) == 1:
                try:
                    combined.encode("cp1258")
                    base = combined
                    continue
                except UnicodeEncodeError:
                    pass
            rest += mark
        out += (base + rest).encode("cp1258", errors="replace")
    return bytes(out)

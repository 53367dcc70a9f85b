"""Plain-text and Markdown reports (often converted from PDF).

UTF-8 is the fast path. Anything else is decoded only when one decoding clearly reads as
Vietnamese — UTF-16 without a BOM, Windows-1258, the legacy TCVN3/VNI encodings — and
the report then says which encoding was assumed; otherwise the file is refused rather
than indexed as mojibake.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from index import legacy, vn
from index.errors import EncodingError, NotAReportError
from index.model import Report
from index.readers import text_layout
from index.structure import Block, build_report, split_groups

SAMPLE = 1 << 16  # bytes looked at to choose an encoding
MIN_SYLLABLE_SHARE = 0.75  # right decodings score ~0.95, wrong ones under 0.55
LONG_BLOCK = 20_000  # characters; a longer block (a whole report on one line) is cut
BLOCK_PIECE = 8_000

_Decoder = Callable[[bytes], str]
_SINGLE_BYTE: dict[str, tuple[str, _Decoder]] = {
    "cp1258": (
        "Windows-1258 (cp1258)",
        lambda b: unicodedata.normalize("NFC", b.decode("cp1258")),  # tones are combining
    ),
    legacy.TCVN3: (
        "TCVN3 (ABC, phông .VnTime)",
        lambda b: legacy.restore_capitals(legacy.to_unicode(b.decode("latin-1"), legacy.TCVN3)),
    ),
    legacy.VNI: (
        "VNI (VNI-Windows, phông VNI-Times)",
        lambda b: legacy.to_unicode(b.decode("latin-1"), legacy.VNI),
    ),
}


def _binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls / len(sample) > 0.01


def _binary_text(text: str) -> bool:
    sample = text[:32768]
    controls = sum(1 for c in sample if c < "\t" or "\r" < c < " ")
    return bool(sample) and controls / len(sample) > 0.01


def _utf16_order(data: bytes) -> str | None:
    """ "le"/"be" when the NUL bytes sit on one side of the 16-bit units, as the high byte
    of the ASCII letters, digits and spaces that make up most of any report."""
    sample = data[: SAMPLE & ~1]
    units = len(sample) // 2
    if units < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= units / 4 and even <= units / 100:
        return "le"
    if even >= units / 4 and odd <= units / 100:
        return "be"
    return None


def _proposals(sample: bytes) -> list[str]:
    """Codecs charset-normalizer finds plausible, besides the Vietnamese ones we try."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    return [m.encoding for m in from_bytes(sample)][:3]


def _single_byte(data: bytes) -> tuple[str, str] | None:
    """(text, encoding label) for the decoding whose words are most often Vietnamese
    syllables, when that is clearly Vietnamese; None otherwise."""
    sample = data[:SAMPLE]
    decoders = dict(_SINGLE_BYTE)
    for name in _proposals(sample):
        if name not in decoders and not name.startswith(("utf", "ascii")):
            decoders[name] = (name, lambda b, name=name: b.decode(name))
    scored: list[tuple[float, str]] = []
    for name, (_, decoder) in decoders.items():
        try:
            scored.append((legacy.syllable_share(decoder(sample)), name))
        except (UnicodeDecodeError, LookupError):
            continue
    for share, name in sorted(scored, key=lambda s: -s[0]):  # stable: ours win ties
        if share < MIN_SYLLABLE_SHARE:
            break
        label, decoder = decoders[name]
        try:
            return decoder(data), label
        except UnicodeDecodeError:  # a byte past the sample that the codec lacks
            continue
    return None


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """(text, encoding label): the label is "" for UTF-8 and for UTF-16 with a BOM, else
    names the encoding assumed. Raises EncodingError / NotAReportError when no decoding
    reads as Vietnamese text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError as e:
            raise EncodingError(path, "tệp UTF-16 bị hỏng, không đọc được.") from e
    try:
        text = data.decode("utf-8-sig")
        if not _binary(data):
            return text, ""
    except UnicodeDecodeError:
        pass
    order = _utf16_order(data)
    if order:
        try:
            text = data[: len(data) & ~1].decode(f"utf-16-{order}")
            if not _binary_text(text):
                return text, f"UTF-16 {order.upper()} (không có BOM)"
        except UnicodeDecodeError:
            pass
    if _binary(data):
        raise NotAReportError(path, "tệp chứa dữ liệu nhị phân, không phải văn bản báo cáo.")
    found = _single_byte(data)
    if found:
        return found
    raise EncodingError(
        path,
        "tệp không phải UTF-8 và không đọc được theo bảng mã tiếng Việt nào (Windows-1258, "
        "TCVN3, VNI, UTF-16). Hãy lưu lại tệp với mã hóa UTF-8 (Unicode) rồi nạp lại.",
    )


_GAP_RE = re.compile(r"\s+")
_CLOSERS = vn.SUPERSCRIPT_DIGITS + "”\"')»*"
_ENDS = tuple(".!?…;:")


def _cut_rank(text: str, gap: re.Match[str]) -> int:
    """How good a cut this gap is. build_report joins a piece starting in lower case (or
    with a digit, after an unfinished sentence) back onto the one before, and reads a
    piece starting with a superscript as a footnote; so: 2 after a sentence or clause
    before a capital or digit, 1 before a capital, 0 before a lower-case word, -1 before
    a superscript."""
    nxt = text[gap.end() : gap.end() + 4].lstrip("(“\"'*")[:1]
    if not nxt or nxt in vn.SUPERSCRIPT_DIGITS:
        return -1
    if nxt.islower():
        return 0
    ended = text[max(0, gap.start() - 6) : gap.start()].rstrip(_CLOSERS).endswith(_ENDS)
    if ended and (nxt.isupper() or nxt in "0123456789"):
        return 2
    return 1 if nxt.isupper() else 0


def _cut_long(text: str) -> list[str]:
    """A block longer than LONG_BLOCK in pieces of at most BLOCK_PIECE characters, cut at
    the best gap in the second half of each window; one pass over the text."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > BLOCK_PIECE:
        end = start + BLOCK_PIECE
        best, cut = -2, end  # no gap at all: a hard cut
        for gap in _GAP_RE.finditer(text, start + BLOCK_PIECE // 2, end):
            rank = _cut_rank(text, gap)
            if rank >= best:
                best, cut = rank, gap.end()
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def bound_blocks(blocks: list[Block]) -> list[Block]:
    """Text blocks cut to bounded size (see _cut_long); other blocks as they are."""
    out: list[Block] = []
    for b in blocks:
        if b.kind != "text" or len(b.text) <= LONG_BLOCK:
            out.append(b)
            continue
        first, *rest = _cut_long(b.text)
        out.append(dataclasses.replace(b, text=first))
        out.extend(dataclasses.replace(b, text=piece, level=None) for piece in rest)
    return out


def parse_text(path: Path, data: bytes) -> Report:
    text, encoding = decode(path, data)
    blocks = bound_blocks(split_groups(text_layout.groups(text)))
    legacy.convert_blocks(blocks)  # UTF-8 text pasted from a .VnTime / VNI-Times document
    report = build_report(path.name, blocks)
    if encoding:
        note = (
            f"đọc theo bảng mã {encoding} vì tệp không phải UTF-8; nên kiểm tra lại chữ có "
            "dấu và lưu lại tệp dạng UTF-8"
        )
        report = dataclasses.replace(report, warnings=(*report.warnings, note))
    return report

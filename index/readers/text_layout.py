"""Plain text as authors save it, brought to the one shape the block splitter reads
(structure.split_groups: stretches between blank lines, footnote bodies led by
superscripts). Three layouts of real files differ from it:

- one paragraph per line with no blank line between them (text saved from Word): joining a
  block's lines would make the whole report one paragraph, so a block holding a line longer
  than any hard-wrapped line is read line by line;
- a letterhead or a signature laid out in two columns with spaces ("ỦY BAN NHÂN DÂN      CỘNG
  HÒA …", "- Lưu: VT.      Lương Văn Thắng"): read column by column, left first, as the PDF
  reader reads its columns, one line per block;
- footnotes written "[1]" in the text and "[1] …" at the end (or Markdown's "[^1]"):
  written as the superscripts the rest of the pipeline knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from index import vn
from index.footnotes import RULE_RE

WRAP_MAX = 130  # characters: no hard-wrapped line is longer; a paragraph on one line is
_GAP = re.compile(r"(?<=\S) {4,}(?=\S)")  # the space between two columns on one line
MAX_COLUMN_LINES = 16  # a letterhead or signature block; a longer stretch is no letterhead
_BODY = re.compile(r"^\s*\[\^?(\d{1,3})\]:?\s+(?=\S)", re.M)
_MARK = re.compile(r"(?<=\S)\[\^?(\d{1,3})\]")
# the document's kind over its subject, with no blank line between: the kind stands alone
_KIND = re.compile(r"^\s*(?:BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO)\s*$")
_TO_SUP = str.maketrans("0123456789", vn.SUPERSCRIPT_DIGITS)


def _columns(group: list[str]) -> list[str] | None:
    """A two-column stretch as the left column's lines, then the right's; None when the
    stretch is not laid out in columns."""
    if len(group) > MAX_COLUMN_LINES:
        return None
    starts = [m.end() for line in group for m in _GAP.finditer(line.rstrip())]
    if not starts:
        return None
    split = min(starts)
    left: list[str] = []
    right: list[str] = []
    for line in group:
        indent = len(line) - len(line.lstrip())
        if indent >= split - 2:
            right.append(line.strip())
        elif len(line) > split and line[split - 1] == " ":
            left.append(line[:split].strip())
            right.append(line[split:].strip())
        else:  # a line of the left column only, or one running across both
            left.append(line.strip())
    return [x for x in (*left, *right) if x]


def _groups(text: str) -> Iterator[str]:
    """The text's stretches between blank lines, each in the shape of structure's reader."""
    for raw in re.split(r"\n[ \t]*\n", text):
        lines = [x for x in raw.split("\n") if x.strip() and not RULE_RE.match(x)]
        if not lines:
            continue
        if (cols := _columns(lines)) is not None:
            yield from cols
        elif len(lines) > 1 and _KIND.match(lines[0]):
            yield lines[0].strip()
            yield "\n".join(lines[1:])
        elif any(len(x.strip()) > WRAP_MAX for x in lines[:-1]):
            yield from (x.strip() for x in lines)  # one paragraph per line
        else:
            yield "\n".join(lines)


def _bracket_footnotes(text: str) -> str:
    """'[1]' markers as superscripts, when footnote bodies '[1] …' begin lines of their own
    (so a cited "[3]" in running text with no such body stays as written)."""
    bodies = {m.group(1) for m in _BODY.finditer(text)}
    if not bodies:
        return text

    def sup(m: re.Match[str]) -> str:
        return m.group(1).translate(_TO_SUP) if m.group(1) in bodies else m.group(0)

    text = _BODY.sub(lambda m: m.group(1).translate(_TO_SUP) + " ", text)
    return _MARK.sub(sup, text)


def groups(text: str) -> Iterator[str]:
    """The text's paragraphs-to-be, one stretch at a time, footnote marks as superscripts."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return _groups(_bracket_footnotes(text))

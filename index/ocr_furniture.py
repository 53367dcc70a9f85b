"""Page furniture of a scanned report that OCR breaks: the stamped document number split in
pieces, and "Nơi nhận" beside the signature (two columns, read one after the other)."""

from __future__ import annotations

import dataclasses
import re

from index import ocr
from index.readers.pdf.layout import Line


def join_number(line: list[ocr.OcrWord], texts: list[str]) -> tuple[list[ocr.OcrWord], list[str]]:
    """'Số: 3 39/C04-P6' → 'Số: 339/C04-P6': a stamped number that OCR split in pieces."""
    if len(texts) < 3 or not re.fullmatch(r"Số:?", texts[0]):
        return line, texts
    k = 1
    while k < len(texts) - 1 and texts[k].isdigit():
        k += 1
    if k == 1 or not re.match(r"\d\S*/", texts[k]):
        return line, texts
    first, last = line[1], line[k]
    joined = dataclasses.replace(
        first,
        text=re.sub(r"[^\w/\-]", "", "".join(texts[1 : k + 1])),
        width=last.left + last.width - first.left,
        conf=min(w.conf for w in line[1 : k + 1]),
    )
    return [line[0], joined, *line[k + 1 :]], [texts[0], joined.text, *texts[k + 1 :]]


def closing_columns(lines: list[Line]) -> list[Line]:
    """ "Nơi nhận" and its list are a column beside the signature's: read the list to its
    end before the signature, also where a list line runs past the middle of the page
    (the PDF reader closes a two-column stretch at such a line)."""
    start = next((k for k, ln in enumerate(lines) if ln.split and _RECIPIENTS.match(ln.text)), None)
    if start is None:
        return lines
    head = lines[start]
    rights = [ln.x0 for ln in lines[start + 1 :] if ln.split and ln.x0 > head.x1]
    if not rights:
        return lines
    split_x = min(rights)
    left: list[Line] = []
    right: list[Line] = []
    end = start
    for ln in lines[start:]:
        if ln.x0 >= split_x - 1:
            right.append(ln)
        elif abs(ln.x0 - head.x0) <= 15 and ln.x1 < split_x + 20:
            left.append(ln)
        else:
            break
        end += 1
    for ln in left + right:
        ln.split = True
    return lines[:start] + left + right + lines[end:]


_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.I)

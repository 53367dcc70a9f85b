"""The text units a probe's gold strings are checked against (probe3_check.py,
probe4_check.py, probe5_check.py): each paragraph, table cell and footnote of a .docx, the
whole `pdftotext -layout` text of a PDF, each line of a .txt — NFC, whitespace collapsed,
case-folded; and the checks of an item those checkers share. Only the standard library and
poppler's pdftotext."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


def _p_text(p: ET.Element) -> str:
    out = []
    for el in p.iter():
        if el.tag == W + "t" and el.text:
            out.append(el.text)
        elif el.tag in (W + "tab", W + "br"):
            out.append(" ")
    return "".join(out)


def docx_units(path: str) -> list[str]:
    z = zipfile.ZipFile(path)
    body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    units = []
    for el in list(body if body is not None else []):
        if el.tag == W + "p":
            units.append(_p_text(el))
        elif el.tag == W + "tbl":
            for tc in el.iter(W + "tc"):
                units.append(" ".join(_p_text(p) for p in tc.iter(W + "p")))
    if "word/footnotes.xml" in z.namelist():
        for fn in ET.fromstring(z.read("word/footnotes.xml")).iter(W + "footnote"):
            units.append(" ".join(_p_text(p) for p in fn.iter(W + "p")))
    return [norm(u) for u in units if u.strip()]


def pdf_units(path: str) -> list[str]:
    txt = subprocess.run(
        ["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True
    ).stdout
    return [norm(txt.replace("\n", " "))]


def txt_units(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [norm(line) for line in f if line.strip()]


def doc_units(path: str) -> list[str]:
    """A Word 97 .doc's units: each non-empty line of `antiword -w 0` (one paragraph each)."""
    run = subprocess.run(["antiword", "-w", "0", path], capture_output=True, text=True, check=True)
    return [norm(line) for line in run.stdout.splitlines() if line.strip()]


def units(path: str) -> list[str]:
    """The units of a report file, by its kind."""
    if path.endswith(".docx"):
        return docx_units(path)
    if path.endswith(".doc"):
        return doc_units(path)
    if path.endswith(".pdf"):
        return pdf_units(path)
    return txt_units(path)


@functools.cache
def units_in(folder: str, doc: str) -> tuple[str, ...]:
    """The units of `doc` in `folder`, read once."""
    return tuple(units(os.path.join(folder, doc)))


def readable_units(folder: str, doc: str) -> tuple[str, ...]:
    """`units_in`, refusing a file with almost no text (a scan without its text layer)."""
    found = units_in(folder, doc)
    if sum(len(u) for u in found) < 500:
        raise RuntimeError(f"{doc}: almost no text (scan?)")
    return found


# the fields every probe item has (a set may add its own)
FIELDS = frozenset(
    "id set doc type style question must evidence evidence_min answerable history why".split()
)


def field_fails(
    item: dict, fields: frozenset[str] | set[str], optional: set[str], sets: dict, types: set
) -> str:
    """What is wrong with an item's fields ("" when nothing): a field it should not have or
    one it lacks, a set or a type not of the probe's."""
    extra, missing = set(item) - fields, fields - optional - set(item)
    if extra or missing:
        return f"bad fields extra={extra} missing={missing}"
    if item["set"] not in sets:
        return f"unknown set {item['set']}"
    return "" if item["type"] in types else f"unknown type {item['type']}"


def answerable_fails(item: dict) -> list[str]:
    """What is wrong with an answerable item's golds' counts."""
    out = ["answerable item has why"] if "why" in item else []
    if not (1 <= len(item["must"]) <= 3) or not (1 <= len(item["evidence"]) <= 3):
        out.append("must/evidence counts out of range")
    if not (1 <= item["evidence_min"] <= len(item["evidence"])):
        out.append("evidence_min out of range")
    return out


def is_plain_ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


def doc_fails(item: dict, docs: list[str], dirs: dict, skip: set, allowed_ext: tuple) -> list[str]:
    """What is wrong with an item's `doc`: a list of other than two, a scan, a missing file."""
    out = []
    if isinstance(item["doc"], list) and len(item["doc"]) != 2:
        out.append("a doc list must name exactly 2 files")
    for d in docs:
        path = os.path.join(dirs[item["set"]], d)
        if d in skip or not d.endswith(allowed_ext) or not os.path.exists(path):
            out.append(f"doc not allowed / missing: {d}")
    return out


def style_fails(item: dict, question: str) -> list[str]:
    """What is wrong with an item's styles: a follow-up without its history (or the other way
    round), a question "without diacritics" or in English that is not plain ASCII."""
    out = []
    has_hist = "history" in item
    if has_hist != ("followup" in item["style"]):
        out.append("followup style and history disagree")
    if has_hist and not (
        isinstance(item["history"], list)
        and 1 <= len(item["history"]) <= 2
        and all(isinstance(h, str) and h.strip() for h in item["history"])
    ):
        out.append("history must hold 1-2 non-empty questions")
    if "nodiacritics" in item["style"] and (
        not is_plain_ascii(question) or question != question.lower()
    ):
        out.append("nodiacritics question must be lowercase ASCII")
    if "english" in item["style"]:
        if not is_plain_ascii(question):
            out.append("english question must be plain ASCII")
        if "nodiacritics" in item["style"]:
            out.append("english and nodiacritics are exclusive")
    return out

"""Footnotes and endnotes: their bodies, numbered as Word displays them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from index import ooxml_guard
from index.readers.docx.xml import w


def _related_xml(path: Path, doc, reltype: str) -> etree._Element | None:
    for rel in doc.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            try:
                return ooxml_guard.safe_xml(path, str(part.partname), part.blob)
            except etree.XMLSyntaxError:
                return None
    return None


def _note_bodies(root: etree._Element | None, kind: str) -> dict[str, etree._Element]:
    if root is None:
        return {}
    notes = {}
    for n in root.findall(w(kind)):
        if n.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[n.get(w("id"), "")] = n
    return notes


def _number_notes(
    body: etree._Element, footnotes: Iterable[str], endnotes: Iterable[str]
) -> dict[tuple[str, str], int]:
    """Footnotes 1..n in order of first reference, as Word numbers them; endnotes after."""
    fset, eset = set(footnotes), set(endnotes)
    numbers: dict[tuple[str, str], int] = {}
    order_e: list[str] = []
    n = 0
    for el in body.iter(w("footnoteReference"), w("endnoteReference")):
        nid = el.get(w("id"), "")
        if el.tag == w("footnoteReference"):
            if nid in fset and ("footnote", nid) not in numbers:
                n += 1
                numbers[("footnote", nid)] = n
        elif nid in eset and nid not in order_e:
            order_e.append(nid)
    for nid in order_e:
        n += 1
        numbers[("endnote", nid)] = n
    return numbers

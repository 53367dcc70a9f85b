"""Word styles: the fonts, alignment, numbering and heading levels a paragraph inherits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from index.readers.docx.xml import _val, w


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    font: str | None = None
    vert_align: str | None = None
    outline: int | None = None
    num_id: str | None = None
    num_ilvl: str | None = None


def _rfonts_name(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    rf = rpr.find(w("rFonts"))
    if rf is None:
        return None
    return rf.get(w("ascii")) or rf.get(w("hAnsi"))


class _Styles:
    def __init__(self, root: etree._Element | None):
        self.by_id: dict[str, _Style] = {}
        self.default_font: str | None = None
        self.default_para: str | None = None
        if root is None:
            return
        dd = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_font = _rfonts_name(dd)
        for s in root.findall(w("style")):
            sid = s.get(w("styleId"))
            if not sid:
                continue
            st = _Style(name=_val(s.find(w("name"))) or sid, based_on=_val(s.find(w("basedOn"))))
            rpr = s.find(w("rPr"))
            st.font = _rfonts_name(rpr)
            if rpr is not None:
                st.vert_align = _val(rpr.find(w("vertAlign")))
            ppr = s.find(w("pPr"))
            if ppr is not None:
                ol = _val(ppr.find(w("outlineLvl")))
                st.outline = int(ol) if ol and ol.isdigit() else None
                numpr = ppr.find(w("numPr"))
                if numpr is not None:
                    st.num_id = _val(numpr.find(w("numId")))
                    st.num_ilvl = _val(numpr.find(w("ilvl")))
            self.by_id[sid] = st
            if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true"):
                self.default_para = sid

    def _chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = st.based_on

    def font(self, sid: str | None) -> str | None:
        return next((s.font for s in self._chain(sid) if s.font), None)

    def vert_align(self, sid: str | None) -> str | None:
        return next((s.vert_align for s in self._chain(sid) if s.vert_align), None)

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        for s in self._chain(sid):
            if s.num_id:
                return s.num_id, s.num_ilvl
        return None, None

    def heading_level(self, sid: str | None) -> int | None:
        for s in self._chain(sid):
            m = re.fullmatch(r"(?i)heading\s*(\d)", s.name.strip())
            if m:
                return int(m.group(1))
            if s.name.strip().lower() == "title":
                return 1
            if s.outline is not None and s.outline < 9:
                return s.outline + 1
        return None

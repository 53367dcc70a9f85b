"""Keys that decide when two records across reports are the same thing: one project
under two spellings, one issuing body (measures: index/measure_keys.py). Pure functions
over the text as written; keys are folded (vn.fold) and never shown.

Projects: a report names a project in full once ("Kè suối Lao Ly, thành phố Lạng Sơn",
"Kè bờ sông Mai (đoạn cầu Tân Giang - bến Hòa An)") and by a shorter form elsewhere. The
key drops what never tells two projects apart: a leading "Dự án"/"Công trình" and the
issuer's own locality at the end. A shorter form joins a longer one only when the longer
one is the shorter plus a qualifier (a place, a parenthesis), the shorter form holds a
proper name, and exactly one project of that issuer extends it: "Kè suối Lao Ly" never
joins "Kè suối Ký Cùng", and "Đường A" stays apart when "Đường A (đoạn 1)" and
"Đường A (đoạn 2)" both exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import vn

# ---- issuers ---------------------------------------------------------------------------

# A place word and (looked ahead at, so "thành phố X, tỉnh Y" gives both) up to four words.
_PLACE_IN_ISSUER = re.compile(
    r"(?i)(?<!\w)(?:tỉnh|thành phố|TP\.?|huyện|thị xã|quận|xã(?! hội)|phường|thị trấn|đặc khu)"
    r"\s+(?=([^\W\d_]+(?:\s+[^\W\d_]+){0,3}))"
)


def issuer_key(issuer: str) -> str:
    """'UBND thành phố Lạng Sơn' ≡ 'Ủy ban nhân dân thành phố Lạng Sơn'."""
    return vn.match_key(issuer or "")


def home_places(issuer: str) -> tuple[str, ...]:
    """Folded names of the places an issuer governs ('UBND thành phố Lạng Sơn' → 'lang
    son'): its own locality, which never tells two of its projects apart."""
    out = []
    for m in _PLACE_IN_ISSUER.finditer(vn.nfc(issuer or "")):
        words = m.group(1).split()
        # a proper name is its capitalised words; written in lower case, two syllables
        words = _takewhile_upper(words) if words[0][:1].isupper() else words[:2]
        if words:
            out.append(vn.fold(" ".join(words)))
    return tuple(dict.fromkeys(out))


def _takewhile_upper(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if not w[:1].isupper():
            break
        out.append(w)
    return out


# ---- projects --------------------------------------------------------------------------

_ABBR = re.compile(
    r"(?<![\w&-])("
    + "|".join(sorted(map(re.escape, vn.ABBREVIATIONS), key=len, reverse=True))
    + r")(?![\w&])"
)
_LEAD = re.compile(
    r"^(?:[Dd]ự án|[Cc]ông trình|DỰ ÁN|CÔNG TRÌNH)(?:\s+đầu tư)?(?:\s+xây dựng)?\s*:?\s+|^DA\s+"
)
_LOCATIVE = r"(?:tai|thuoc|tren dia ban|dia ban)"
_ADMIN = r"(?:thanh pho|tp\.?|tinh|huyen|thi xa|quan)"
_NEAR_PLACE = (
    r"(?:xa|phuong|thi tran|huyen|thanh pho|tp|tinh|thon|ban|khoi|to dan pho|quan|thi xa|dac khu)"
)
# What makes a longer name another project, not a qualified mention of the same one.
_DISTINCT = re.compile(
    r"\b(?:giai doan|gd|dot|phan ky|hang muc|goi thau|du an thanh phan|keo dai|mo rong|bo sung|"
    r"dieu chinh|so \d+)\b|^\s*(?:\d+|[ivx]+)\s*$"
)


def spell_out(text: str) -> str:
    """Abbreviations replaced by their words, diacritics kept: 'thu NSNN' → 'thu ngân
    sách nhà nước'."""
    return _ABBR.sub(lambda m: vn.ABBREVIATIONS[m.group(0)], vn.nfc(text))


def _folded(name: str) -> str:
    """Folded, abbreviations spelt out, punctuation kept, leading 'Dự án' dropped."""
    text = vn.strip_markers(vn.nfc(name)).strip()
    if (m := _LEAD.match(text)) and text[m.end() : m.end() + 1].isupper():
        text = text[m.end() :]
    return re.sub(r"\s+", " ", vn.fold(spell_out(text))).strip(" .;:")


def _drop_home(folded: str, home: tuple[str, ...]) -> str:
    """Without a trailing ', thành phố Lạng Sơn' / 'trên địa bàn TPLS' / '- Lạng Sơn' that
    names the issuer's own locality, or a bare 'trên địa bàn'."""
    homes = "|".join(re.escape(h) for h in home if h)
    tails = [rf"\s+{_LOCATIVE}(?:\s+{_ADMIN})?\s*$"]
    if homes:
        tails += [
            rf"\s*[,(–-]\s*(?:{_LOCATIVE}\s+)?(?:{_ADMIN}\s+)?(?:{homes})\s*\)?\s*$",
            rf"\s+{_LOCATIVE}\s+(?:{_ADMIN}\s+)?(?:{homes})\s*$",
        ]
    changed = True
    while changed:
        changed = False
        for tail in tails:
            cut = re.sub(tail, "", folded).strip(" ,-–")
            if cut != folded and len(vn.syllables(cut)) >= 2:
                folded, changed = cut, True
    return folded


def project_key(name: str, home: tuple[str, ...] = ()) -> str:
    """The words that identify a project: 'Dự án Kè suối Lao Ly, thành phố Lạng Sơn' and
    'Kè suối Lao Ly' → 'ke suoi lao ly' for an issuer of Lạng Sơn."""
    return " ".join(vn.syllables(_drop_home(_folded(name), home)))


_QUALIFIERS = (
    re.compile(r"\s*\(([^()]*)\)\s*$"),  # "(đoạn cầu Tân Giang - bến Hòa An)"
    re.compile(rf"\s*,\s*({_NEAR_PLACE}\b[^,()]*|{_LOCATIVE}\b[^,()]*)$"),  # ", xã Quảng Lạc"
    re.compile(rf"\s+({_LOCATIVE}\s+[^,()]*)$"),  # "tại xã Mai Pha"
)


def stems(name: str, home: tuple[str, ...] = ()) -> list[str]:
    """Keys of the shorter names this one qualifies, shortest last: 'Nhà văn hoá thôn
    Quảng Trung 3, xã Quảng Lạc' → ['nha van hoa thon quang trung 3']. A stem must keep a
    proper name of the written name ('Kè suối Lao Ly', not 'Cải tạo trạm y tế')."""
    written = vn.strip_markers(vn.nfc(name))
    folded = _drop_home(_folded(name), home)
    out = []
    while True:
        for rx in _QUALIFIERS:
            if (m := rx.search(folded)) and not _DISTINCT.search(m.group(1)):
                folded = folded[: m.start()].strip(" ,-–")
                break
        else:
            return out
        words = vn.syllables(folded)
        if len(words) < 3 or not _has_proper_name(written, len(words)):
            return out
        out.append(" ".join(words))


def _has_proper_name(written: str, n_words: int) -> bool:
    """Whether the first `n_words` words as written include a capitalised one after the
    first (which is capitalised anyway)."""
    words = re.findall(r"[^\W_]+", _LEAD.sub("", written.strip()))[1:n_words]
    return any(w[:1].isupper() for w in words)


def project_groups(uses: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """(issuer as written, key, name as written) of every mention → {(issuer key, key):
    the key of the project it belongs to}: the longest key of its group."""
    names: dict[tuple[str, str], set[str]] = {}
    homes: dict[str, tuple[str, ...]] = {}
    for issuer, key, name in uses:
        ik = issuer_key(issuer)
        homes.setdefault(ik, home_places(issuer))
        names.setdefault((ik, key), set()).add(name)
    chain = {
        node: {s for n in ns for s in stems(n, homes[node[0]])} - {node[1]}
        for node, ns in names.items()
    }
    parent = {node: node for node in names}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent[node] != node:
            node = parent[node]
        return node

    extending: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for node, shorter in chain.items():
        for s in shorter:
            extending.setdefault((node[0], s), []).append(node)
    for short in sorted(names, key=lambda n: -len(n[1].split())):
        longs = extending.get(short, [])
        nested = all(a == b or a[1] in chain[b] or b[1] in chain[a] for a in longs for b in longs)
        if not longs or not nested:
            continue  # nothing extends it, or several projects do: it stays its own
        for node in longs:
            parent[find(short)] = find(node)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for node in names:
        groups.setdefault(find(node), []).append(node)
    out = {}
    for members in groups.values():
        canonical = max(members, key=lambda n: (len(n[1].split()), n[1]))[1]
        out.update({m: canonical for m in members})
    return out


def ambiguous_names(uses: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], list[str]]:
    """{(issuer key, key): the keys of the projects extending it} for short names left
    apart because more than one project of their issuer extends them."""
    uses = list(uses)
    groups = project_groups(uses)
    homes = {issuer_key(i): home_places(i) for i, _, _ in uses}
    longer: dict[tuple[str, str], set[str]] = {}
    for issuer, key, name in uses:
        ik = issuer_key(issuer)
        for s in stems(name, homes[ik]):
            if (ik, s) in groups and groups[(ik, s)] == s and s != key:
                longer.setdefault((ik, s), set()).add(groups[(ik, key)])
    return {k: sorted(v) for k, v in longer.items() if len(v) > 1}

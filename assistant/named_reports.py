"""The reports a question names: by the place of their issuer ("Lạng Sơn", "xã Hòa Phong"
— with the province's reports that tell of it), or as "báo cáo …" with words of their
issuer or title that other reports do not share (assistant/scope.py narrows to them)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from assistant.intent import SECTION, TASKS
from assistant.query import Query, without_periods
from index import vn
from index.store import ReportInfo, Store

_PLACE = re.compile(
    r"\b(?:thanh pho|tinh|huyen|quan|thi xa|thi tran|xa|phuong|dac khu)\s+"
    r"((?:(?!(?:ubnd|uy ban|so|ban)\b)[a-z0-9]+\s?){1,3})"
)


# the province as a whole, however a leader says it ("toàn tỉnh", "bình quân chung của tỉnh",
# "mặt bằng chung của tỉnh", "số của cả tỉnh"), folded
PROVINCE_WIDE = re.compile(
    r"\b(?:toan|ca|chung(?: cua)?(?: toan)?|(?:binh quan|trung binh|mat bang)(?: chung)?"
    r"(?: cua)?(?: toan)?|(?:so|muc) (?:chung )?cua(?: toan)?)\s*tinh\b"
)


def place_names(info: ReportInfo) -> set[str]:
    """The places of a report's issuer ('lang son', 'lam dong'): how a question names it."""
    return set(issuer_places(info.issuer))


@functools.lru_cache(maxsize=4096)
def issuer_places(issuer: str) -> tuple[str, ...]:
    """The places an issuer names ("kim tuyen" of "UBND phường Kim Tuyền"), folded."""
    return tuple(m.group(1).strip() for m in _PLACE.finditer(vn.fold(issuer)))


# "phường KT", "đường trục chính KT - Thạch Bàn": an issuer's place typed as its initials (not
# an office's: "Phòng KT" is an economic office, "KT-XH" the economy)
_INITIALS = re.compile(r"(?<![\w-])([A-ZĐ]{2,3})(?![\w-])")
_OFFICE_BEFORE = re.compile(r"\b(?:phòng|ban|sở|khối|ngành|phong|so|khoi|nganh)\s*$", re.I)


def place_initials(issuers: Iterable[str]) -> dict[str, set[str]]:
    """The issuers' places by their initials ("KT": {"Kim Tuyền"}), as written: read once
    per state of the index (assistant/retrieve.py), not once per question."""
    names: dict[str, set[str]] = {}
    for issuer in issuers:
        folded = vn.fold(issuer)  # (folding keeps each letter's place)
        for m in _PLACE.finditer(folded):
            name = issuer[m.start(1) : m.end(1)].strip()
            names.setdefault("".join(w[0] for w in name.split()).upper(), set()).add(name)
    return names


def spelled_out(text: str, names: dict[str, set[str]]) -> str:
    """`text` with the initials of one of the issuers' places (`names`, place_initials)
    written out ("phường KT" → "phường Kim Tuyền"); initials two places share, or a known
    abbreviation's, stay."""
    plain = not vn.has_diacritics(text)  # typed without diacritics: the name too

    def out(m: re.Match[str]) -> str:
        found = names.get(m.group(1), set())
        if len(found) != 1 or m.group(1) in vn.ABBREVIATIONS:
            return m.group(0)
        if _OFFICE_BEFORE.search(text[: m.start()]):
            return m.group(0)
        name = next(iter(found))
        return vn.fold(name).title() if plain else name

    return _INITIALS.sub(out, text) if names else text


# "thôn Bến Đò", "xã Đèo Gió" typed without diacritics or capitals: the kind of place, then
# its name (two syllables, a number after: "tan lap 1"); "xã nào", "thôn còn lại" name none,
# nor "xã hội" (and "phường", "bản" fold as "phương án", "ban hành": left out)
_PLACE_TYPED = re.compile(
    r"\b(?:thon|xa(?! hoi)|khu pho|to dan pho|thi tran)\s+([a-z]+ [a-z]+(?: \d{1,2}\b)?)"
)
_NO_NAME = frozenset({"nao", "gi", "nay", "kia", "khac", "lai", "do"})
_ABBREVIATED = frozenset(vn.fold(a).lower() for a in vn.ABBREVIATIONS if len(a) > 2)


# "phuong bac son": a ward typed plainly — not "phương án", "phương tiện", … that fold alike
# (read only where a place is asked beside places of its level: answerers/place_kinds.py)
_WARD_TYPED = re.compile(
    r"\bphuong (?!an|thuc|tien|phap|huong|cham|dien|nao|do|nay)([a-z]+ [a-z]+)"
)


def wards_typed(plain: str) -> list[str]:
    """The wards a question without diacritics names ("phuong bac son" → "bac son"), of its
    words (`plain`); `places_typed` leaves wards out."""
    return [
        w for m in _WARD_TYPED.finditer(plain) if (w := m.group(1)).split()[0] not in vn.STOPWORDS
    ]


def places_typed(folded: str) -> list[str]:
    """The places a question without diacritics names by their kind ("thon ben do")."""
    return list(_places_typed(folded))


@functools.lru_cache(maxsize=1024)
def _places_typed(folded: str) -> tuple[str, ...]:
    """Read once a question: support.name_share runs for every candidate passage."""
    plain = " ".join(vn.syllables(folded))
    out = []
    for m in _PLACE_TYPED.finditer(plain):
        first, second = m.group(1).split()[:2]
        if first in _ABBREVIATED:  # "xa NTM nang cao": a kind of commune, not its name
            continue
        if first not in vn.STOPWORDS and first not in _NO_NAME and second not in _NO_NAME - {"do"}:
            out.append(m.group(1))
    return tuple(dict.fromkeys(out))


# "tổ dân phố 15", "khu phố 3": a numbered unit of a ward, named by its number (without
# leading zeros: "tổ dân phố 05" is "tổ dân phố 5")
_NUMBERED = re.compile(r"\b(to dan pho|khu pho|khoi pho|khom)\s+0*(\d{1,2})\b")


def numbered_units(folded: str) -> list[str]:
    """The numbered units a text names, folded and without leading zeros."""
    return list(dict.fromkeys(f"{m.group(1)} {m.group(2)}" for m in _NUMBERED.finditer(folded)))


def report_terms(store: Store, report_id: str) -> set[str]:
    """The words of a report's issuer and title: what the whole report is about."""
    info = store.info(report_id)
    if info is None:
        return set()
    return set(vn.terms(f"{info.issuer} {info.title}"))


# a place's name in a unit's ("Trung tâm Y tế khu vực Hòa Phong", "THPT chuyên Hà Lam") or on
# a route ("kè … đoạn qua xã Hòa Phong") names the unit, not the body whose reports bear it
_UNIT_BEFORE = re.compile(
    r"\b(?:khu vuc|chuyen|truong|trung tam|benh vien|tram y te|ttyt|cong an|cho|cau|duong|"
    r"song|ben|cum|khu|ho|dap|qua)\s(?:(?:xa|phuong|tinh|thanh pho)\s)?$"
)


def names_place(place: str, padded: str) -> bool:
    return any(
        not _UNIT_BEFORE.search(padded[: m.start() + 1])
        for m in re.finditer(rf" {re.escape(place)} ", padded)
    )


def names_issuer(query: Query, info: ReportInfo) -> bool:
    """The question names the place of the report's issuer ("xã Tân Khê" of "UBND xã Tân
    Khê"), not a unit bearing that place's name."""
    padded = f" {query.folded} "
    return any(names_place(p, padded) for p in place_names(info))


def _telling_of(store: Store, places: set[str]) -> set[str]:
    """The reports whose text names one of `places` ("vụ ngộ độc … tại xã Hòa Phong"): only
    the chunks holding a place's last syllable are read (the lexicon's postings say which)."""
    out = set()
    for place in places:
        phrase = f" {place} "
        for c in store.chunks_with({place.split()[-1]}):
            if c.report_id not in out and phrase in f" {' '.join(vn.syllables(vn.fold(c.text)))} ":
                out.add(c.report_id)
    return out


# "Sở GDĐT đề xuất gì", "Theo báo cáo của Công an tỉnh, …": a body the question opens with
# names its reports — by its name, without the place ("Công an tỉnh"), or a department by its
# initials ("Sở GDĐT", "Sở NN&MT"); a body named further on may be what a report tells of
_OPENS = re.compile(r"^(?:theo |trong |o )?(?:(?:bao cao|bc) (?:cua )?)?")
_BODY = re.compile(r"^(?:so|ban|van phong|thanh tra|cong an|trung tam)\b")


def _body(issuer: str) -> str:
    """The body issuing a report ("Sở y tế" of "Sở y tế (UBND tỉnh Hà Lam)"), "" for a
    People's Committee."""
    body = issuer.split(" (")[0]
    return body if _BODY.match(vn.fold(body)) else ""


def body_names(info: ReportInfo) -> tuple[str, ...]:
    """How a question may name the body issuing a report (none for a People's Committee)."""
    body = " ".join(vn.syllables(vn.fold(_body(info.issuer))))
    if not body:
        return ()
    for place in place_names(info):
        body = body.removesuffix(f" {place}")
    words = body.split()
    names = [body] if len(words) >= 3 else []  # "văn phòng" alone is any office
    if words[0] == "so" and len(words) >= 3:
        names.append("so " + "".join(w[0] for w in words[1:] if w != "va"))
    return tuple(names)


def body_terms(issuer: str) -> frozenset[str]:
    """The words of the body issuing a report, when it is not a People's Committee ("Sở Y
    tế" of "Sở y tế (UBND tỉnh Hà Lam)"): how a question names the report, not a section."""
    return frozenset(vn.terms(_body(issuer)))


def body_named(query: Query, infos: list[ReportInfo]) -> set[str]:
    """Reports of the body a question opens with ("Công an tỉnh …", "Theo báo cáo của Sở Y
    tế …"), after the period it may open with."""
    plain = " ".join(vn.syllables(without_periods(query.folded).replace("&", "")))
    opening = plain[_OPENS.match(plain).end() :] + " "  # type: ignore[union-attr]
    return {i.report_id for i in infos if any(opening.startswith(f"{n} ") for n in body_names(i))}


_GENERIC_NAME = frozenset(vn.terms("báo cáo ủy ban nhân dân ubnd tỉnh thành phố kết quả tình hình"))


def named_reports(
    query: Query, infos: list[ReportInfo], store: Store, bodies: frozenset[str]
) -> set[str] | None:
    """Reports the question names, when that singles some out: by the place of their
    issuer ("Lạng Sơn"), or as "báo cáo …" followed by words of their issuer or title
    that other reports do not share ("báo cáo của Trung tâm Xúc tiến", "báo cáo Đề án 06")."""
    padded = f" {query.folded} "
    places = {p for i in infos for p in place_names(i) if names_place(p, padded)}
    hit = {i.report_id for i in infos if places & place_names(i)}
    # a province's reports tell of its communes ("vụ ngộ độc … tại xã Hòa Phong") — not what
    # a commune will do ("Sang tháng 12 phường Kim Tuyền định làm gì": its own tasks, or none)
    if hit and not (query.about_tasks and query.intent in (SECTION, TASKS)):
        hit |= _telling_of(store, places) & {i.report_id for i in infos}
    hit |= bodies  # (body_named, read once by the scope)
    plain = re.sub(r"\bbc\b", "bao cao", " ".join(vn.syllables(query.folded)))  # as typed
    # each report it names ("theo báo cáo CCHC năm và theo báo cáo Đề án 06 tháng 11")
    for m in re.finditer(r"\bbao cao\b((?: (?!bao cao\b)\w+){1,8})", plain):
        words = vn.terms(m.group(1))
        asked = [t for t in words if t not in _GENERIC_NAME and not vn.is_stopword(t, False)]
        if len(asked) >= 2:
            named = {
                i.report_id for i in infos if set(asked[:2]) <= report_terms(store, i.report_id)
            }
            if len(named) < len(infos):
                hit |= named
    # "báo cáo nhanh": a kind of report its title says ("Báo cáo nhanh tình hình thiệt hại")
    if kind := _KIND.search(plain):
        kinds = {i.report_id for i in infos if f" {kind.group(1)} " in f" {vn.fold(i.title)} "}
        if kinds and len(kinds) < len(infos):
            hit = (hit & kinds) or kinds
    return hit if hit and len(hit) < len(infos) else None


_KIND = re.compile(r"\bbao cao (nhanh|chuyen de|so ket|tong ket|dot xuat)\b")

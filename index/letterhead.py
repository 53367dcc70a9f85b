"""What a report's letterhead and signature say: its number, place and date, the periods
its title names, the issuing body and the signer (index/structure.py finds the lines)."""

from __future__ import annotations

import re

from index import periods, vn
from index.model import ReportMeta, Section

# "Số: 644 /TTXT-ĐTDN": a number stamped at signing sits a space before its symbol
NUMBER_LINE_RE = re.compile(r"^Số\s*:?\s*(?P<num>[\w/.\-&Đđ]+(?:\s+/[\w/.\-&Đđ]+)?)", re.I)
DATE_LINE_RE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*"
    r"tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})",
    re.I,
)
SIGN_ROLE_RE = re.compile(r"^(?:TM\.|KT\.|Q\.|TL\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC)", re.I)
# the same read without diacritics: a scan's "PHÓ CHỦ TICH" is a role, not the signer's name
_ROLE_FOLDED = re.compile(r"^(?:tm|kt|q|tl)\.|^(?:pho )?(?:chu tich|giam doc|truong ban)\b")
_NATIONAL = r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do"
NATIONAL_RE = re.compile(_NATIONAL, re.I)
# The letterhead and the signature block: Word and .doc files often lay them out as small
# borderless tables, which are text, not data (index/readers).
LETTERHEAD_RE = re.compile(
    _NATIONAL + r"|^\s*Số\s*:|ngày\s+[\d.…_ ]*tháng\s+[\d.…_ ]*năm\s+\d{4}", re.I | re.M
)
CLOSING_RE = re.compile(
    r"Nơi nhận|^\s*(?:TM\.|KT\.|TL\.|Q\.)\s|^\s*(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\b",
    re.M,
)


def header_like(text: str) -> bool:
    """Issuer lines, the national motto, a short line before the body: not running prose."""
    return (
        text.isupper()
        or bool(NATIONAL_RE.search(text))
        or (len(text) < 80 and not text.rstrip().endswith((".", ";")))
    )


def _period(text: str) -> str:
    """The period a title names, as stored ('12/2023', 'Q4/2025', '2025')."""
    return periods.of_title(text)


ADMIN_UNITS = ("thành phố", "thị xã", "tỉnh", "huyện", "quận", "xã", "phường", "thị trấn")


_UNIT_INSIDE = re.compile(rf"\s(?:{'|'.join(ADMIN_UNITS)})\s(?!hội\b)")  # not "xã hội"


def _proper(name: str) -> str:
    """'THÀNH PHỐ SÔNG MAI' → 'thành phố Sông Mai'; other bodies as their names are written
    ('SỞ GIÁO DỤC VÀ ĐÀO TẠO' → 'Sở Giáo dục và Đào tạo', 'TRUNG TÂM XÚC TIẾN ĐẦU TƯ' →
    'Trung tâm Xúc tiến đầu tư')."""
    low = name.lower().strip()
    for unit in ADMIN_UNITS:
        if low.startswith(unit + " "):
            return f"{unit} {low[len(unit) + 1 :].title()}"
    # a body of a place keeps the place's name: 'CÔNG AN TỈNH LAM KHÊ' → 'Công an tỉnh Lam Khê'
    at = _UNIT_INSIDE.search(low)
    if at and len(low[at.end() :].split()) <= 3:
        low = low[: at.end()] + low[at.end() :].title()
    if (m := _AGENCY.match(low)) and not _OF_PLACE.match(low, m.end()):
        # its field capitalised: "Sở Văn hóa, Thể thao và Du lịch", "Ban Quản lý …"
        head, rest = low[: m.end()], low[m.end() :]
        cut = r"^|(?<=, )|(?<= - )|(?<= và )" if head == "sở " else r"^"  # its fields, each
        rest = re.sub(rf"(?:{cut})\w", lambda f: f.group(0).upper(), rest)
        low = head + rest.replace("Công thương", "Công Thương")
    low = re.sub(r"\b(?:[ivx]+$|ubnd\b|hđnd\b)", lambda r: r.group(0).upper(), low)  # "khu vực XVI"
    return low[:1].upper() + low[1:]


# an agency, then the field it is of ("sở tài chính", "ban quản lý các khu công nghiệp")
_AGENCY = re.compile(r"(?:sở|ban|trung tâm|chi cục|cục|văn phòng|kho bạc|thanh tra) (?=\w)")
_OF_PLACE = re.compile(rf"(?:{'|'.join(ADMIN_UNITS)}|ubnd|hđnd|ủy ban|uỷ ban)\b")


def _body(line: str) -> str:
    m = re.match(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s*(.*)$", line)
    return f"UBND {_proper(m.group(1))}".strip() if m else _proper(line)


# a parent and its body typed on one line: "UBND TỈNH HÀ LAM SỞ GIÁO DỤC VÀ ĐÀO TẠO"
_ORGAN = re.compile(
    r"(?<=\S)(?<!ỦY)(?<!UỶ)(?<!VĂN)(?<!CHI)\s+"
    r"(?=(?:SỞ|BAN|TRUNG TÂM|PHÒNG|CHI CỤC|VĂN PHÒNG|CÔNG AN|KHO BẠC|CỤC)\s)"
)


def _issuer(header: list[str], place: str, signature: list[str]) -> str:
    """The issuing body. A header names the parent on its first line and the issuing body
    below it ('UBND TỈNH LÂM ĐỒNG' / 'TRUNG TÂM XÚC TIẾN …'): 'Trung tâm … (UBND tỉnh …)'."""
    lines = [h for h in header if h.isupper() and not NATIONAL_RE.search(h)]
    lines = [part for h in lines for part in _ORGAN.split(h)]
    # "SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG": one body's name set on two lines
    for k in range(len(lines) - 1, 0, -1):
        if lines[k].startswith("VÀ "):
            lines[k - 1 : k + 1] = [f"{lines[k - 1]} {lines[k]}"]
    if lines:
        if len(lines) >= 2 and re.match(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s*$", lines[0]):
            lines = [f"{lines[0]} {lines[1]}", *lines[2:]]  # "ỦY BAN NHÂN DÂN" / "TỈNH X"
        parent, *rest = lines
        return f"{_body(' '.join(rest))} ({_body(parent)})" if rest else _body(parent)
    body = " ".join(signature).upper()
    if place and ("ỦY BAN NHÂN DÂN" in body or "UỶ BAN NHÂN DÂN" in body):
        city = re.sub(r"^TP\.?\s*", "thành phố ", place.strip())
        return f"UBND {_proper(city)}"
    return ""


def _task_period_from_sections(sections: list[Section], period: str) -> str:
    """The period of the tasks section's title ("NHIỆM VỤ … THÁNG 12/2025"); of a monthly
    report's "PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI", the month after its own."""
    # ("IV. GIẢI PHÁP TRỌNG TÂM QUÝ II NĂM 2026" of a quarter's finance report)
    tasks = [s for s in sections if re.search(r"nhiệm vụ|phương hướng|giải pháp", s.title, re.I)]
    # a heading that is the tasks' own ("PHƯƠNG HƯỚNG, NHIỆM VỤ …"), before one that only
    # mentions tasks ("Kết quả … 19 nhiệm vụ trọng tâm")
    heads = [
        s
        for s in tasks
        if re.match(r"\W*(?:[IVX\d.]+\W+)?(?:nhiệm vụ|phương hướng|giải pháp)", s.title, re.I)
    ]
    heading = next(iter(heads or tasks), None)
    if heading is None:
        return ""
    if named := _period(heading.title):
        return named
    own = periods.from_label(period)
    ahead = re.search(r"\b(?:tới|tiếp theo)\b", heading.title, re.I)
    return own.shift(1).label if own and own.months == 1 and ahead else ""


def report_meta(
    meta: dict[str, str], header: list[str], signature: list[str], sections: list[Section]
) -> ReportMeta:
    """The report's metadata from its letterhead lines (`meta`: number, place, date, title
    as found; `header`: the issuer lines), its signature block and, for the period its
    tasks are set for when the title does not say, its section titles."""
    title = meta.get("title", "")
    period = _period(title)
    task_period = ""
    # the last "nhiệm vụ" naming a period: "Kết quả thực hiện nhiệm vụ … quý III năm 2025 và
    # nhiệm vụ trọng tâm quý IV năm 2025" sets its tasks for quý IV
    starts = [m.start() for m in re.finditer(r"nhiệm vụ", title, re.I)]
    at = next((i for i in reversed(starts) if _period(title[i:])), None)
    if at is not None:
        task_period = _period(title[at:])
        period = _period(title[:at]) or period

    signer_role = ""
    signer = ""
    if signature:
        last = signature[-1]
        signer = "" if SIGN_ROLE_RE.match(last) or _ROLE_FOLDED.match(vn.fold(last)) else last
        roles = [s for s in signature if s != signer]
        signer_role = " ".join(roles)
    return ReportMeta(
        issuer=_issuer(header, meta.get("place", ""), signature),
        number=meta.get("number", ""),
        place=meta.get("place", ""),
        date=meta.get("date", ""),
        title=title,
        period=period,
        task_period=task_period or _task_period_from_sections(sections, period),
        signer=signer,
        signer_role=signer_role,
        date_line=meta.get("date_line", ""),
    )

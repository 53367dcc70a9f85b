"""English questions over Vietnamese reports: a domain glossary turns the question's terms
into the reports' own words, so lexical search and the answerability check work as they
do for Vietnamese (cross-lingual e5-small alone could not tell a relevant passage from an
irrelevant one: measured 0.815 vs 0.828 on the Lạng Sơn report)."""

from __future__ import annotations

import re

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), start=1)}

# Longest phrases first at match time; values are the reports' wording.
GLOSSARY: dict[str, str] = {
    "summary": "tóm tắt",
    "summarize": "tóm tắt",
    "overview": "tóm tắt",
    "report": "báo cáo",
    "applications": "hồ sơ",
    "application": "hồ sơ",
    "dossiers": "hồ sơ",
    "accounts": "tài khoản",
    "activated": "kích hoạt",
    "electronic identification": "định danh điện tử",
    "electronic id": "định danh điện tử",
    "informal charges": "chi phí không chính thức",
    "market entry": "gia nhập thị trường",
    "land access": "tiếp cận đất đai",
    "transparency": "tính minh bạch",
    "shortcomings": "hạn chế",
    "limitations": "hạn chế",
    "difficulties": "khó khăn",
    "weaknesses": "hạn chế",
    "teachers": "giáo viên",
    "students": "học sinh",
    "tourists": "khách du lịch",
    "businesses": "doanh nghiệp",
    "enterprises": "doanh nghiệp",
    "capital construction": "xây dựng cơ bản",
    "contractor": "nhà thầu",
    "signed": "ký",
    "issued": "ban hành",
    "monitored": "theo dõi",
    "monitoring": "theo dõi",
    "traffic accidents": "tai nạn giao thông",
    "traffic accident": "tai nạn giao thông",
    "traffic safety": "an toàn giao thông",
    "state budget revenue": "thu ngân sách nhà nước",
    "budget revenue": "thu ngân sách",
    "state budget": "ngân sách nhà nước",
    "budget": "ngân sách",
    "revenue": "thu",
    "collected": "thu",
    "cumulative": "lũy kế",
    "accumulated": "lũy kế",
    "disbursement rate": "tỷ lệ giải ngân",
    "disbursement": "giải ngân",
    "disbursed": "giải ngân",
    "public investment": "vốn đầu tư công",
    "building permits": "giấy phép xây dựng",
    "building permit": "giấy phép xây dựng",
    "construction permits": "giấy phép xây dựng",
    "construction permit": "giấy phép xây dựng",
    "driving licenses": "giấy phép lái xe",
    "driving license": "giấy phép lái xe",
    "driving licences": "giấy phép lái xe",
    "driving licence": "giấy phép lái xe",
    "revoked": "tước quyền sử dụng",
    "households": "hộ gia đình",
    "household": "hộ gia đình",
    "poor households": "hộ nghèo",
    "poverty rate": "tỷ lệ hộ nghèo",
    "poverty": "nghèo",
    "compensation": "bồi thường",
    "support": "hỗ trợ",
    "resettlement": "tái định cư",
    "site clearance": "giải phóng mặt bằng",
    "land clearance": "giải phóng mặt bằng",
    "land acquisition": "thu hồi đất",
    "land recovery": "thu hồi đất",
    "land": "đất đai",
    "projects": "dự án",
    "project": "dự án",
    "works": "công trình",
    "under construction": "thi công xây dựng",
    "construction": "xây dựng",
    "approved": "phê duyệt",
    "investment policy": "chủ trương đầu tư",
    "investment": "đầu tư",
    "medical examinations": "khám bệnh",
    "medical examination": "khám bệnh",
    "medical visits": "khám bệnh",
    "patients": "khám bệnh",
    "treatment": "điều trị",
    "social insurance": "bảo hiểm xã hội",
    "health insurance": "bảo hiểm y tế",
    "allowance": "trợ cấp",
    "allowances": "trợ cấp",
    "benefits": "trợ cấp",
    "paid": "chi trả",
    "payment": "chi trả",
    "decision": "quyết định",
    "plan": "kế hoạch",
    "guidance": "hướng dẫn",
    "guideline": "hướng dẫn",
    "resolution": "nghị quyết",
    "official letter": "công văn",
    "criminal cases": "phạm pháp hình sự",
    "crimes": "phạm pháp hình sự",
    "crime": "phạm pháp hình sự",
    "drugs": "ma túy",
    "drug": "ma túy",
    "administrative violations": "vi phạm hành chính",
    "violations": "vi phạm",
    "fines": "xử phạt",
    "fined": "xử phạt",
    "penalties": "xử phạt",
    "cases": "vụ",
    "case": "vụ",
    "injured": "bị thương",
    "damage": "thiệt hại",
    "property damage": "hư hỏng tài sản",
    "digital transformation": "chuyển đổi số",
    "online public services": "dịch vụ công trực tuyến",
    "public services": "dịch vụ công",
    "online": "trực tuyến",
    "administrative procedures": "thủ tục hành chính",
    "administrative reform": "cải cách hành chính",
    "public administration service center": "trung tâm phục vụ hành chính công",
    "public administrative service center": "trung tâm phục vụ hành chính công",
    "service center": "trung tâm phục vụ",
    "established": "thành lập",
    "staff": "cán bộ công chức",
    "officials": "cán bộ công chức",
    "civil servants": "công chức",
    "new rural": "nông thôn mới",
    "tasks": "nhiệm vụ",
    "task": "nhiệm vụ",
    "military recruitment": "tuyển quân",
    "recruitment": "tuyển quân",
    "national defense": "quốc phòng",
    "defence": "quốc phòng",
    "security": "an ninh",
    "environmental sanitation": "vệ sinh môi trường",
    "sanitation": "vệ sinh môi trường",
    "fee": "giá dịch vụ",
    "fees": "giá dịch vụ",
    "total": "tổng",
    "amount": "số tiền",
    "money": "số tiền",
    "percentage": "tỷ lệ",
    "rate": "tỷ lệ",
    "score": "điểm",
    "points": "điểm",
    "ranked": "xếp hạng",
    "rank": "xếp hạng",
    "ranking": "xếp hạng",
    "competitiveness index": "chỉ số năng lực cạnh tranh",
    "overall index": "chỉ số chung",
    "index": "chỉ số",
    "schools": "trường",
    "school": "trường",
    "health": "y tế",
    "education": "giáo dục",
    "culture": "văn hóa",
    "inspection": "thanh tra",
    "inspections": "kiểm tra",
    "complaints": "khiếu nại",
    "citizen reception": "tiếp công dân",
    "smuggling": "buôn lậu",
    "trade fraud": "gian lận thương mại",
    "counterfeit goods": "hàng giả",
    "urban": "đô thị",
    "planning": "quy hoạch",
    "economy": "kinh tế",
    "city": "thành phố",
    "province": "tỉnh",
    "commune": "xã",
    "ward": "phường",
    "people": "người",
    "visits": "lượt",
    "million": "triệu",
    "billion": "tỷ",
    "dong": "đồng",
    "vnd": "đồng",
    "provided": "cung cấp",
    "plans": "phương án",
    "end of": "cuối",
    "beginning of": "đầu",
    "number of": "số",
}
_PHRASES = sorted(GLOSSARY, key=lambda p: len(p.split()), reverse=True)
_DATE_RE = re.compile(rf"\b({'|'.join(MONTHS)})\s*,?\s*(\d{{4}})?\b")


# Words that carry no topic; everything else should be understood for a confident answer.
FUNCTION_WORDS = frozenset(
    "what which who whom whose when where why how many much is are was were be been being the"
    " a an of in on at for to from by with about during there their its it this that these"
    " those did do does had has have done happen happened according report reports reported"
    " and or as than up out into over under per all any some each give me tell list show"
    " please can could would should will of year month".split()
)
_VI_SYLLABLE = re.compile(
    r"^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)


def looks_english(words: list[str]) -> bool:
    """Unaccented words that mostly cannot be Vietnamese syllables ('households',
    'compensation') or are English function words."""
    alpha = [w for w in words if w.isalpha()]
    if len(alpha) < 3:
        return False
    foreign = sum(not _VI_SYLLABLE.match(w) or w in FUNCTION_WORDS for w in alpha)
    return foreign / len(alpha) >= 0.5


def translate(question: str) -> tuple[str, float]:
    """The reports' Vietnamese words for an English question's terms (numbers kept, months
    written as reports write them, 'tháng 12/2023'), and the share of the question's
    content words the glossary understood."""
    # Place names typed without accents ("Lam Dong") are the reports' words already.
    names = [
        n
        for n in re.findall(r"(?<=\w\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", question)
        if n.split()[0].lower() not in MONTHS
    ]
    text = question.lower()
    for name in names:
        text = text.replace(name.lower(), " ")
    # the topic words: months and numbers name the period, not what is asked about
    content = [
        w
        for w in (w.strip("?,.!") for w in text.split())
        if w.isalpha() and w not in FUNCTION_WORDS and w not in MONTHS
    ]
    text = _DATE_RE.sub(
        lambda m: f" tháng {MONTHS[m.group(1)]}" + (f"/{m.group(2)}" if m.group(2) else "") + " ",
        text,
    )
    out: list[str] = []
    for phrase in _PHRASES:
        pattern = rf"\b{re.escape(phrase)}\b"
        if re.search(pattern, text):
            out.append(GLOSSARY[phrase])
            text = re.sub(pattern, " ", text)
    kept = re.findall(r"tháng \d{1,2}(?:/\d{4})?|\d[\d.,/]*(?:%)?|\b\d+/[a-zđ-]+\b", text)
    missed = [
        w
        for w in re.findall(r"(?<!\S)[a-z]+(?!\S)", re.sub(r"[?,.!]", " ", text))
        if w not in FUNCTION_WORDS
    ]
    understood = 1 - len(missed) / len(content) if content else 0.0
    return " ".join(dict.fromkeys(out + names + kept)), understood

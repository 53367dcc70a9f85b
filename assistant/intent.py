"""What kind of answer a question wants (its intent), read from the genre's phrasings of
each kind of request: the router (route.py) tries the matching answerer first and falls back to
a quoted passage. Read on the folded, space-joined words of a question (query.normalize)."""

from __future__ import annotations

import re

from assistant.metadata_asked import METADATA_ASKED, SIGNATURE_ASKED
from index.vn.groups import FIELD_GROUPS, SYNONYM_GROUPS

DOCUMENT, METADATA, SUMMARY = "document", "metadata", "summary"
COMPARISON, SUPERLATIVE, SERIES = "comparison", "superlative", "series"
TASKS, PROJECT, SECTION, LIST, FIGURE, FACT = (
    "tasks",
    "project",
    "section",
    "list",
    "figure",
    "fact",
)

_SUMMARY = re.compile(
    r"\b(?:tom tat|tom luoc|tom lai|tom gon|nhin chung|khai quat|tong quan|diem qua|"
    r"(?:ket qua|diem|viec|thanh tich)(?: \w+){0,3} noi bat|summari[sz]e|summary|overview|"
    r"highlights?)\b"
)
_COMPARISON = re.compile(
    r"\b(?:so voi|so sanh|chenh lech|chenh nhau|tang hay giam|tang giam the nao|khac (?:nhau|biet)|"
    r"(?:nhieu|it|cao|thap|lon|nho)(?: \w+){0,3} hon(?: \w+){0,4} (?:khong|chua)|"
    r"compared?|difference|increased?|decreased?|changed?|ris(?:e|es|en)|rose|improved?|"
    r"by how much|how (?:much|many) more|versus)\b|"
    r"\b(?:tang|giam|hon|bot|nang len|nhich len|them|di|thua|kem|vuot|"
    r"dung (?:tren|truoc|sau|duoi))\b(?: \w+){0,6} bao nhieu\b|"
    # "nhích lên được mấy điểm", "tháng 1 có nhích lên không?"
    r"\b(?:tang|giam|nhich len|nang len|hon|vuot)\b(?: \w+){0,6} may\b(?! (?:moc|bay|tinh))|"
    r"\bco (?:tang|giam|nhich len|nang len|tut) (?:len |xuong |them )?(?:khong|chua)\b|"
    r"\b(?:nhieu|it|cao|thap|lon|nho) hon(?: \w+){7,12} bao nhieu\b"  # a long second side
)
# the words a superlative's "… nhất" turns ("nhiều hộ nghèo nhất", "đông nhất"), folded: read
# by the follow-ups that turn one the other way or drop it
EXTREME_WORDS = frozenset(
    "nhieu it cao thap lon nho tot kem manh nang nhe nhanh cham yeu dong".split()
)
_SUPERLATIVE = re.compile(
    r"\b(?:(?:nhieu|it|cao|thap|lon|nho|tot|kem|manh|nang|nhanh|(?<!chu )yeu)"
    r"(?: \w+){0,8} nhat|cham nhat|"
    r"(?<!ai )(?<!nguoi )dung dau|dan dau|chu yeu(?: \w+){0,8} (?:gi|nao)|(?:gi|nao) nhat|"
    r"(?:xep|dung) (?:cuoi|chot|bet)|(?:cuoi|chot|bet) bang|"
    r"most|fewest|highest|lowest|largest|smallest|best|worst)\b"
)
# "tăng vọt nhất", "largest increase": the most of a change (a "Tăng/giảm (%)" column)
MOST_CHANGE = re.compile(
    r"\btang(?: \w+){0,3} nhat\b|\b(?:largest|biggest|sharpest) (?:\w+ )?(?:increase|rise)\b"
)
# "giảm mạnh nhất", "sharpest fall": the most of a fall (the smallest of a change column)
MOST_DROP = re.compile(
    r"\bgiam(?: \w+){0,3} nhat\b|\b(?:largest|biggest|sharpest) (?:\w+ )?(?:decrease|drop|fall)\b"
)
MIN_CUES = re.compile(
    r"\b(?:(?:it|thap|nho|kem|(?<!chu )yeu)(?: \w+){0,8} nhat|cham nhat|"
    r"(?:xep|dung) (?:cuoi|chot|bet)|"
    r"(?:cuoi|chot|bet) bang|fewest|"
    r"lowest|smallest|"
    r"worst)\b"
)
# "mấy tháng nay", "các tháng gần đây": the months so far, none of them in particular
RECENT_MONTHS = r"(?:may|nhung|vai|cac) thang (?:nay|qua|gan day|vua qua)"
SERIES_CUES = re.compile(
    r"\b(?:qua cac (?:thang|ky|bao cao|nam|quy)|theo (?:tung )?thang|cac thang|dien bien|"
    rf"{RECENT_MONTHS}|"
    r"bien dong|xu huong|thay doi the nao|over the months|trend)\b|"
    r"\btu thang \d{1,2}(?: \d{4})? (?:den|toi) thang"
)
TASK_FOLLOWUP = re.compile(
    r"\bnhiem vu\b.*\b(?:da (?:duoc )?(?:thuc hien|hoan thanh|trien khai)|"
    r"thuc hien (?:chua|den dau|the nao|ra sao)|"
    r"ket qua thuc hien|tien do thuc hien|hoan thanh chua|lam duoc)"
)
STAGE_CUES = re.compile(
    r"\b(?:giai doan nao|tien do|den dau|toi dau|the nao|ra sao|trang thai|hien nay|buoc nao|"
    r"dang o)\b"
)
DOC_CUES = re.compile(
    r"\b(?:la gi|ve viec gi|ve gi|noi dung|quy dinh gi|ban hanh|ngay nao|cua ai|do ai|"
    r"nhu the nao|o dau|nhac den|ra sao|"
    r"what (?:did|does|do|is|was)|about|approved?|regulated?|concern(?:s|ed)?)\b"
)
# "phường xin cấp trên những gì", "Sở Y tế muốn UBND tỉnh hỗ trợ gì": what a report proposes
# (its "Kiến nghị, đề xuất" part), asked in a leader's words
PROPOSAL_ASKED = re.compile(
    r"\bxin (?:cap tren|tinh|ubnd|uy ban|trung uong|bo|so|ho tro)\b|"
    r"\b(?:muon|nho|can) (?:ubnd |uy ban (?:nhan dan )?)?(?:tinh|cap tren|trung uong) "
    r"(?:ho tro|giai quyet|xem xet|quan tam|bo tri|cap|giup|lam gi|go|thao go|huong dan)\b"
)
# "tháng 12 tập trung làm những việc gì": the focus set for a month ahead (not "đã …")
FOCUS_ASKED = (
    r"(?<!da )(?:tap trung|uu tien|don suc) (?:\w+ ){0,2}?"
    r"(?:lam|vao|thuc hien|trien khai|nhung viec|viec)"
)
# "giáo dục có gì đáng chú ý": a field's news, the paragraphs about it
NEWS_ASKED = (
    r"co (?:gi|nhung gi|diem gi|(?:nhung )?(?:hoat dong|viec|diem) (?:gi|nao)) "
    r"(?:dang chu y|noi bat|dang ke|dac biet|moi)"
)
# the ways a report's shortcomings are named: the synonym group matching reads ("tồn tại",
# "hạn chế", "những mặt làm chưa tốt", "gặp trở ngại" …)
_SHORTCOMINGS = next(g for g in SYNONYM_GROUPS if "han che" in g)
_SHORTCOMING_WORDS = "|".join(sorted(_SHORTCOMINGS, key=len, reverse=True))  # longest first
# a field of the report's work asked about ("về giáo dục, báo cáo nói gì?", "mảng y tế",
# "y tế tháng 11 ra sao"): its umbrella or its own name, as FIELD_GROUPS holds them — not
# a word any question uses for a thing ("chợ", "ngân sách", "doanh nghiệp")
FIELD_NAMES = frozenset(
    {*FIELD_GROUPS, *(f for fields in FIELD_GROUPS.values() for f in fields)}
    - {"cho", "ngan sach", "doanh nghiep", "thanh nien"}
)
_FIELDS = "|".join(sorted(FIELD_NAMES, key=len, reverse=True))
_FIELD_ASKED = (
    rf"(?:ve|mang|linh vuc|nganh|cong tac) (?:{_FIELDS})|"
    rf"(?:{_FIELDS})(?: \w+){{0,6}} (?:noi gi|neu gi|ra sao|the nao|co gi)"
)
# "… dồn sức vào những việc gì", "phải hoàn tất những việc gì": the things to do, a list
_THINGS_TO_DO = r"(?:nhung|cac) (?:viec|cong viec|hoat dong) (?:gi|nao)"
# A heading's words: a question naming one asks for the section, not one fact.
SECTION_WORDS = re.compile(
    rf"{PROPOSAL_ASKED.pattern}|"
    rf"\b(?:{_SHORTCOMING_WORDS}|"
    r"uu diem|diem manh|nhiem vu|phuong huong|"
    r"giai phap|kien nghi|de xuat|danh gia chung|ket qua|tinh hinh|cong tac|linh vuc|"
    r"mang|nganh|ke hoach (?:thang|nam|quy) (?:toi|sau)|(?:thoi gian|thang|sap) toi|"
    r"dinh lam|tinh lam (?=gi|nhung|nhu|cac|viec)|"
    r"(?:viec|lam)(?: \w+){0,3} trong tam|"  # "làm những việc gì trọng tâm"
    r"se (?:tap trung )?lam|"
    r"phai (?:tap trung )?lam|can lam|duoc giao|"
    rf"{FOCUS_ASKED}|"
    r"du kien (?:se )?(?:lam|trien khai|thuc hien)(?: \w+){0,2} ve|"
    rf"{NEWS_ASKED}|"
    rf"{_THINGS_TO_DO}|{_FIELD_ASKED}|"
    # "quản lý xây dựng làm được gì", "bị ảnh hưởng thế nào": what was done, what it did
    r"(?:lam|dat)(?: \w+){0,3} duoc (?:nhung )?(?:gi|viec gi|ket qua gi)|"
    r"anh huong (?:the nao|ra sao)|"
    r"issues|problems|shortcomings|tasks|situation|plans?|(?:say|said|says|tell|tells) about)\b"
)
_SHORTCOMING_ASKED = re.compile(rf"\b(?:{_SHORTCOMING_WORDS})\b")
_WHAT_THINGS = re.compile(r"\bnhung (?:gi|van de|diem|mat) (?:\w+ )?(?:lon|chinh|nhieu)? ?nhat\b")
# "còn vướng ở đâu", "còn kẹt ở chỗ nào": where the work is stuck — the shortcomings heading,
# not a place
_STUCK_WHERE = re.compile(
    rf"\b(?:{_SHORTCOMING_WORDS})\b(?: \w+){{0,2}} "
    r"o (?:dau|cho nao|khau nao)\b"
)
BROAD_ASK = re.compile(
    r"\b(?:nhung gi|gom nhung|gi|ra sao|the nao|nhu the nao|nao|neu|noi gi|co gi|ve gi|"
    r"nhung viec|lam gi|what|how)\b"
)
# "theo quyết định nào, từ ngày nào": one document, one day — not a section's points
_ONE_THING = re.compile(
    r"\b(?:(?:quyet dinh|van ban|ke hoach|cong van|nghi quyet|chi thi) (?:so )?(?:nao|may)|"
    r"(?:tu |vao )?ngay nao|khi nao|bao gio)\b"  # not "ở đâu": "còn vướng ở đâu" asks for a section
)
LIST_CUES = re.compile(
    r"\b(?:gom nhung|nhung (?:\w+ ){0,3}nao|liet ke|danh sach|cac (?:\w+ ){1,3}nao|nhung gi|"
    r"o dau|nhung ai|(?:cac|nhung) vu|(?:cac|nhung) van ban|(?:cac|nhung) cong trinh|"
    r"(?:cac|nhung) du an|which|list)\b"
)
FIGURE_CUES = re.compile(
    r"\b(?:bao nhieu|(?<!bo )may(?! moc| bay| tinh)|ty le|so luong|tong so|muc|how many|"
    r"how much|what percentage|rate)\b"
)
TASK_RE = re.compile(
    # "sẽ theo dõi": what is planned (not "chia sẻ")
    r"(?<!chia )\bse (?!duoc\b)\w+|"
    r"\b(?:nhiem vu|phuong huong|ke hoach thang|du kien|se trien khai|dinh lam|se lam|"
    r"tinh lam (?=gi|nhung|nhu|cac|viec)|"
    r"(?:viec|lam)(?: \w+){0,3} trong tam|"
    r"du dinh|"
    rf"{FOCUS_ASKED}|"
    r"thang toi|thoi gian toi|sap toi|toi day|phai lam|can lam|task)|"
    # "được giao tham mưu những việc gì": what is assigned is yet to be done
    r"\b(?:duoc|da) giao (?:\w+ ){0,4}?(?:viec|nhiem vu)\b|"
    # "giao những việc gì … cho tháng 12", "cần chuẩn bị những gì", "phải hoàn tất những việc
    # gì": the things set to be done
    r"\bgiao (?:nhung|cac) (?:viec|cong viec) (?:gi|nao)\b|\b(?:can|phai) chuan bi\b|"
    # "giao phòng giáo dục làm những việc gì"
    r"\bgiao (?:\w+ ){1,5}?lam (?:nhung|cac) (?:viec|cong viec) (?:gi|nao)\b|"
    r"\b(?:phai|can) (?:\w+ ){0,2}?(?:nhung|cac) (?:viec|cong viec) (?:gi|nao)\b|"
    # "tới cuối tháng 2 thành phố muốn tiêu được bao nhiêu": the target set for that month
    r"\bmuon (?:\w+ ){0,2}(?:dat|tieu|giai ngan|thu|hoan thanh)\b|\bphan dau\b|"
    # a deadline set: "phải giao xong mặt bằng trước ngày nào", "bao giờ thì … phải trình"
    r"\bphai (?:\w+ ){1,8}?truoc (?:ngay|thoi diem) nao\b|"
    r"\b(?:bao gio|khi nao) (?:thi )?(?:\w+ ){0,4}?phai\b|"
    r"\b(?:han chot|thoi han)\b"
)


# any question word: with none, a heading's words are the request itself
_ANY_ASK = re.compile(
    r"\b(?:nao|gi|ai|dau|sao|may|bao nhieu|chua|khong|co phai|the nao|what|which|who|how|"
    r"when|where|why|did|does|is|are|was|were)\b|\?"
)
_WHICH = re.compile(r"\b(?<!the )(?:nao|gi|ai|which|what|who)\b")  # not "thế nào": how
_MEASURED = re.compile(r"\b(?:bao nhieu|may|tang|giam|hon|kem|chenh|ty le|how (?:many|much))\b")
_PROJECT_WORD = re.compile(r"\b(?:du an|cong trinh)\b")
# "Chỉ thị … số mấy, ai ký": another document the report cites, not the report itself
_OTHER_DOCUMENT = re.compile(
    r"\b(?:chi thi|ke hoach|quyet dinh|qd|cong van|cong dien|nghi quyet|thong bao|to trinh|"
    r"huong dan|nghi dinh|thong tu|directive|decision)\b"
)
# "số mấy", "mang số hiệu nào": a document's number asked (answerers/gates.py reads it too)
NUMBER_ASKED = re.compile(r"\b(?:so (?:hieu )?(?:bao nhieu|may)|so hieu|mang so|what number)\b")
# "theo quyết định nào, ai ký": the signer of the decision, not of the report
_WHICH_DOCUMENT = re.compile(
    r"\b(?:chi thi|ke hoach|quyet dinh|qd|cong van|cong dien|nghi quyet|thong bao|to trinh) nao\b"
)
_THE_REPORT = re.compile(r"\b(?:bao cao|van ban nay|report)\b")
_HISTORY = re.compile(
    r"\b(?:dien bien|qua cac (?:thang|ky|bao cao)|qua \w+ thang|cac thang qua|"
    rf"{RECENT_MONTHS})\b"
)


# "có đạt (mục tiêu) không", "đã vượt chỉ tiêu tỉnh giao chưa", "did it meet the target"
MET_ASKED = re.compile(
    r"\b(?:dat|ve dich|hoan thanh|vuot)\b(?: \w+){0,3} (?:muc tieu|chi tieu|du toan|ke hoach)\b"
    r"(?=.*\b(?:chua|khong)\b)"
    r"|\b(?:muc tieu|chi tieu)\b(?: \w+){0,16} (?:co |da )?(?:dat|ve dich|hoan thanh|vuot)\b"
    r"(?: \w+){0,4} (?:khong|chua)\b"
    r"|\b(?:meet|met|reach|reached|hit|achieve|achieved)\b(?: \w+){0,4} (?:target|goal)s?\b"
)


# the words that ask whether a target was met (and who set it), folded: no measure of theirs
MET_TEXT = (
    "co dat muc tieu chi tieu ke hoach dat ra de ra vuot ve dich hoan thanh duoc khong chua "
    "rot cuoc vay the thanh pho tinh xa phuong ubnd phan tram target goal meet met reach"
)
MET_TOPIC = frozenset(MET_TEXT.split())


# a cause asked: "vì sao", "nguyên nhân do đâu", "Sao … chậm thế?", "vì đâu", "nhờ đâu" — not
# the "lý đô" of "quản lý đô thị", the "nhớ đầu" of "ghi nhớ đầu tư", nor a "sao kê"; folded
WHY_ASKED = re.compile(
    r"\b(?:vi sao|tai sao|nguyen nhan|ly do(?! thi)|do dau|why)\b|\b(?:vi|nho) dau\b(?! tu\b)|"
    r"^(?:(?:the|vay|con) )?sao\b(?! ke\b)"
)
# whether two sources of one figure agree ("số của xã có khớp với số của Sở không?"), folded
AGREE_ASKED = re.compile(r"\b(?:khop|lech|chenh (?:nhau|lech)|khac nhau|giong nhau|doi chieu)\b")


def asks_met(plain: str) -> bool:
    """ "Có đạt mục tiêu không?": whether a target was met (answerers/target.py); `plain`:
    the folded syllables, space-joined, as intent_of reads them."""
    return MET_ASKED.search(plain) is not None


def intent_of(folded: str, doc_numbers: tuple[str, ...]) -> str:
    """The kind of answer wanted, most specific first."""
    short = len(folded.split()) <= 5
    # "Chỉ thị … số mấy": the number of a document it cites ("Công văn 214 gửi đến đâu" may
    # be the indexed letter itself)
    cited = _OTHER_DOCUMENT.search(folded) and (
        NUMBER_ASKED.search(folded) or _WHICH_DOCUMENT.search(folded)
    )
    of_report = not cited or bool(_THE_REPORT.search(folded))
    if SIGNATURE_ASKED.search(folded) or METADATA_ASKED.search(folded):
        if not of_report:
            return FACT  # the number, date or signer of a document the report cites
        if SIGNATURE_ASKED.search(folded):
            return METADATA  # who signed the report, to whom it went
    if doc_numbers and (DOC_CUES.search(folded) or short):
        return DOCUMENT
    if _PROJECT_WORD.search(folded) and _HISTORY.search(folded):
        return PROJECT  # "tóm tắt diễn biến dự án X qua 3 tháng": its stages, report by report
    if _SUMMARY.search(folded):
        return SUMMARY
    if METADATA_ASKED.search(folded):
        return METADATA
    # (not "đang vướng những gì lớn nhất": the main shortcomings, a section's points)
    most_things = _SHORTCOMING_ASKED.search(folded) and _WHAT_THINGS.search(folded)
    if (_SUPERLATIVE.search(folded) or MOST_CHANGE.search(folded)) and not most_things:
        return SUPERLATIVE
    if _COMPARISON.search(folded) and not (_WHICH.search(folded) and not _MEASURED.search(folded)):
        return COMPARISON  # "dự án nào chậm so với kế hoạch?" names a project, not a change
    if SERIES_CUES.search(folded):
        return SERIES
    if TASK_FOLLOWUP.search(folded):
        return TASKS
    if _PROJECT_WORD.search(folded) and STAGE_CUES.search(folded):
        return PROJECT
    if (
        SECTION_WORDS.search(folded)
        # "nhiệm vụ tháng tới về nội vụ, thanh tra, tư pháp": a heading typed as the request
        and (BROAD_ASK.search(folded) or _STUCK_WHERE.search(folded) or not _ANY_ASK.search(folded))
        and not FIGURE_CUES.search(folded)
        and not _ONE_THING.search(folded)
    ):
        return SECTION
    if LIST_CUES.search(folded):
        return LIST
    if FIGURE_CUES.search(folded):
        return FIGURE
    return FACT

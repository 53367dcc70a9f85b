"""A question about a report itself — who signed it, to whom it went, its number, date,
period or issuer, where its figures stop — as the genre asks it: one table for the intent
(intent.py) and the answer (answerers/metadata.py). Read on folded, space-joined words."""

from __future__ import annotations

import re

CUTOFF = "Số liệu tính đến"
CUTOFF_ASKED = (
    r"(?:so lieu|cap nhat)(?: \w+){0,4} (?:tinh |cap nhat )?den (?:het )?(?:ngay|thoi diem|luc|"
    r"khi|bao gio) nao|(?:tinh|cap nhat) den (?:het )?(?:ngay|thoi diem) nao|"
    r"data (?:as of|up to|until) (?:when|what date)|(?:data )?cut-?off date"
)
# (its header card's line, what the question says, how the answer names it)
METADATA_FIELDS = (
    ("Người ký", r"ai ky|nguoi ky|ky boi|do ai ky|ky ten|(?:ai )?dung ten ky|who signed|signed by|"
     r"signer|(?:giam doc|chu tich|lanh dao) nao ky(?! ket)", "người ký"),
    (
        "Nơi nhận",
        r"noi nhan|gui (?:cho |toi |den |len |ve )?(?:ai|nhung|cac|co quan|cap tren|dau|noi nao)|"
        r"duoc gui|"
        r"co gui (?:\w+ ){1,4}khong|"  # "có gửi Bộ Y tế không"
        r"kinh gui|recipients?|sent to|addressed to",
        "nơi nhận",
    ),
    (
        "Căn cứ",
        r"(?:bao cao|cong van)(?: \w+){0,10} (?:can cu|theo (?:yeu cau|de nghi|chi dao)(?: cua)?)"
        r"(?: theo| vao)? (?:van ban|cong van|quyet dinh) nao|"
        # "(báo cáo) là để trả lời công văn số mấy": the letter it answers, not its own number
        r"de tra loi (?:cong van|van ban) (?:so )?(?:may|nao)|"
        r"based on which|pursuant to which|in response to which",
        "căn cứ",
    ),
    # (not "đi kèm tờ trình số mấy", "trả lời công văn số mấy": another document's number)
    ("Số", r"so hieu|(?<!trinh )(?<!cong van )(?<!quyet dinh )(?<!chi thi )(?<!nghi quyet )"
     r"so (?:may|bao nhieu)|mang so|so (?:cua )?(?:bao cao|van ban)|report number", "số"),
    # ("kỳ báo cáo", not "ai ký báo cáo": folded alike)
    ("Trích yếu", r"(?:bao cao|van ban) (?:thang|ky|quy|nam) (?:may|nao)|"
     r"(?<!ai )(?<!nguoi )ky bao cao|covers?|which (?:period|month)|trich yeu|ve viec gi",
     "trích yếu"),
    (", ngày", r"ngay (?:ban hanh|ky|nao)|(?:de|ghi) ngay (?:may|nao)|"
     r"ban hanh (?:ngay|khi nao|luc nao)|when was|issued on|(?:on )?what date|which date",
     "ngày ban hành"),
    ("Kèm theo",
     r"kem (?:theo )?(?:bao cao|van ban|quyet dinh|ke hoach|cong van|to trinh) "
     r"(?:nao|cua ai|so|ngay)|"
     r"kem theo (?:van ban )?nao|(?:phu luc|bieu mau)\b[^?]{0,60}\bkem theo|attached to|"
     r"appendix (?:of|to) which", "văn bản kèm theo"),
    ("Cơ quan ban hành", r"co quan (?:nao )?(?:\w+ ){0,3}(?:ban hanh|phat hanh)|cua co quan nao|"
     r"who issued|issued by|"
     r"do ai ban hanh", "cơ quan ban hành"),
    # "số liệu tính đến ngày nào?": where the report's figures stop (not a line of its card)
    (CUTOFF, CUTOFF_ASKED, "thời điểm số liệu được tính đến"),
)  # fmt: skip
# who signed it, to whom it went, what it answers to: asked even of a report named by number
ASKED_OF_NUMBERED = ("Người ký", "Nơi nhận", "Căn cứ")
SIGNATURE_ASKED = re.compile(
    rf"\b(?:{'|'.join(cue for label, cue, _ in METADATA_FIELDS if label in ASKED_OF_NUMBERED)})\b"
)
# the rest: a report's number, date, period or issuer (the answer's cues above are wider:
# "ngày nào" is asked of events as often as of reports)
METADATA_ASKED = re.compile(
    r"\b(?:ai ky|nguoi ky|ky boi|do ai ky|ky ten|dung ten ky|ngay ban hanh|ban hanh ngay|"
    r"ban hanh khi nao|"
    r"(?:bao cao|van ban) [^?]{0,60}?\bky (?:ngay nao|khi nao|hom nao|vao ngay nao)|"
    # (not "số văn bản QPPL do cấp xã ban hành": how many)
    # (nor "chuyển đổi số" before "báo cáo")
    r"so hieu|(?<!doi )so (?:cua )?(?:bao cao|van ban)(?! (?:qppl|quy pham|do|duoc|da)\b)|"
    # "mang số mấy" (not "xi măng, so với cùng kỳ")
    r"bao cao [^?]{0,60}?\bso (?:may|bao nhieu)|mang so (?:may|bao nhieu|gi|nao|hieu)|"
    r"(?:bao cao|van ban) (?:thang|ky|quy) (?:may|nao)|"
    r"co quan (?:nao )?(?:\w+ ){0,3}(?:ban|phat) hanh|"
    r"who signed|signed by|issued by|recipients?|report (?:\w+ ){0,4}covers?|"
    r"which (?:period|month) does|(?:phu luc|bieu mau)\b[^?]{0,60}\bkem theo|"
    r"kem theo (?:bao cao|van ban|quyet dinh|ke hoach|cong van) (?:nao|cua ai)|attached to|"
    rf"{CUTOFF_ASKED})\b"
)

"""A measure read the same way in every month and every clause: a "Trong đó" part is no
total, "845.600.000đ" is money, one month's land fines never stand beside another month's
housing rents, a "+" item counts under its "- …" line, a phrase's words are said too, and a
count asked by its classifier ("bao nhiêu lượt") is answered by that count only."""

from __future__ import annotations

import re

import pytest

from assistant.answerers import counting, gates, kinds
from assistant.answerers.figures import figures_in, is_change, wants
from assistant.answerers.units import item_head
from assistant.query import normalize
from assistant.route import answer
from index import periods as P
from index import vn
from index.model import Chunk


def test_a_part_of_a_total_is_compared_only_when_it_is_asked(sample_retriever) -> None:
    """October's "Trong đó, thu tiền sử dụng đất lũy kế 148.270" is a part of the budget
    revenue said before it: a question about the revenue compares the totals; one about the
    land-use part, which December does not give, says so instead of comparing the part with
    December's total."""
    a = answer(
        "Tiền thu ngân sách cộng dồn từ giữa tháng 10 đến giữa tháng 12 tăng thêm được bao nhiêu?",
        sample_retriever,
    )
    assert "386.808 − 312.640 = 74.168" in a.text, a.text
    a = answer("Tiền sử dụng đất lũy kế tháng 10 so với tháng 12?", sample_retriever)
    assert a.insufficient and "148.270" in a.text and "−" not in a.text, a.text
    assert "không nêu số liệu tháng 12/2025" in a.text, a.text


def test_money_written_with_a_glued_d_is_money() -> None:
    found = figures_in("Ra quyết định xử phạt 276 TH với số tiền 845.600.000đ. Tước GPLX 89 TH.")
    assert ("845.600.000", "đồng") in [(raw, unit) for raw, _, unit, _ in found]


def test_a_change_said_against_last_year_is_a_change() -> None:
    """ "thấp hơn cùng kỳ năm 2025 là 0,2 tạ/ha": the change, not the yield itself."""
    text = "ước đạt 47,9 tạ/ha (thấp hơn cùng kỳ năm 2025 là 0,2 tạ/ha)"
    assert is_change(text, text.index("0,2")) and not is_change(text, text.index("47,9"))


def test_every_month_gives_the_same_measure(sample_retriever) -> None:
    """The land fines of each month's report, each cited — November's among the land-use
    permits of its sentence — and the month with the most."""
    a = answer("Tháng nào xử phạt vi phạm hành chính về đất đai nhiều tiền nhất?", sample_retriever)
    assert a.mode == "compare" and a.text.startswith("Tháng 12/2025 cao nhất (58.000.000"), a.text
    for amount in ("42.000.000", "36.500.000", "58.000.000", "45.000.000"):
        assert f"số tiền {amount} đồng" in a.text, a.text
    assert a.text.count("đất đai") == 4, a.text


def test_the_last_months_name_no_topic(sample_retriever) -> None:
    """ "Trong 4 tháng qua": the months to look over, not words a passage must hold."""
    assert normalize("Trong 4 tháng qua, tháng nào thu bằng lái nhiều nhất?").content == (
        "thang",
        "thu",
        "bang",
        "lai",
    )
    a = answer("Trong 4 tháng qua, tháng nào thu bằng lái nhiều nhất?", sample_retriever)
    assert a.text.startswith("Tháng 12/2025 cao nhất (89)"), a.text


LIST = (
    "Thực hiện các văn bản chỉ đạo\n"
    "- Các đơn vị còn có nội dung chậm tham mưu giải quyết: 08 nội dung\n"
    "+ Phòng Kinh tế: 05 nội dung\n"
    "- Các đơn vị còn có nội dung chưa tham mưu giải quyết: 09 nội dung\n"
    "+ Phòng GD-ĐT: 03 nội dung\n"
    "+ Phòng Quản lý đô thị: 03 nội dung"
)


def test_an_item_counts_under_the_line_above_it() -> None:
    chunk = Chunk("r:p1", "r", LIST, LIST, "II.2", "Hạn chế", "paragraph", (1,))
    assert item_head(chunk, "+ Phòng Quản lý đô thị: 03 nội dung") == (
        "- Các đơn vị còn có nội dung chưa tham mưu giải quyết: 09 nội dung"
    )
    assert item_head(chunk, "+ Phòng Kinh tế: 05 nội dung").endswith("08 nội dung")
    assert (
        item_head(chunk, "- Các đơn vị còn có nội dung chậm tham mưu giải quyết: 08 nội dung") == ""
    )


def test_a_phrase_also_says_its_words() -> None:
    """ "tai nạn giao thông" is one concept for matching, and still says "giao thông";
    "xử phạt vi phạm hành chính" says "vi phạm" (its own concept) too."""
    said = set(vn.passage_terms("Xảy ra 03 vụ tai nạn giao thông; xử phạt vi phạm hành chính"))
    assert {"giao", "thong"} <= said
    assert set(vn.terms("vi phạm")) <= said
    assert not {"giao", "thong"} <= set(vn.terms("Xảy ra 03 vụ tai nạn giao thông"))


@pytest.mark.parametrize(
    ("question", "sentence", "held"),
    [
        (  # the figure the question quotes, with no cause
            "Thu từ xuất nhập khẩu chỉ đạt 78,7% là vì sao?",
            "Thu từ hoạt động xuất, nhập khẩu: thực hiện 47.210, đạt 78,7% dự toán.",
            False,
        ),
        (
            "vi sao dan trau giam 2,1%",
            "Đàn trâu giảm 2,1% do diện tích chăn thả thu hẹp.",
            True,
        ),
        (
            "Vì sao dự án chậm?",
            "Dự án còn 24 hộ chưa bàn giao mặt bằng.",
            True,
        ),
        (  # "quản lý đô thị" folds to the "lý do" of a cause asked
            "Phòng quản lý đô thị đang tham mưu những việc gì?",
            "Phòng Quản lý đô thị tham mưu lập quy hoạch chi tiết.",
            True,
        ),
        (  # "Sao … thế?" asks why: a project's table row gives no cause
            "Sao đường ven biển Cửa Lam - Hải Xuân tiêu vốn chậm thế?",
            "STT: 3; Tên dự án: Đường ven biển đoạn Cửa Lam - Hải Xuân; Vốn năm 2026: 515.000",
            False,
        ),
        (
            "nho dau ma khach tang manh vay?",
            "Khách quốc tế tăng 38% nhờ duy trì 04 chuyến bay thuê chuyến mỗi tuần.",
            True,
        ),
        (  # the "nhớ đầu" of "ghi nhớ đầu tư" asks no cause
            "06 biên bản ghi nhớ đầu tư được trao gồm những dự án nào?",
            "Trao 06 biên bản ghi nhớ đầu tư: Khu đô thị sinh thái ven sông Mai.",
            True,
        ),
    ],
)
def test_a_cause_asked_is_a_cause_said(question: str, sentence: str, held: bool) -> None:
    """ "Vì sao …" alone is answered by a sentence that gives a cause ("do …", "còn vướng
    …", "chưa …"), not by the figure it asks about said again."""
    assert (gates.answer_type(normalize(question), sentence) > 0) == held


_PART_ASKED = "Trong 16 vụ phạm tội quý III ở phường, có bao nhiêu vụ là trộm cắp?"


@pytest.mark.parametrize(
    ("question", "sentence", "held"),
    [
        # the whole again, and other counts of it, are no part: what the part is stands
        # beside its figure, before or after
        (
            _PART_ASKED,
            "Xảy ra 16 vụ phạm tội (tăng 04 vụ so với cùng kỳ, chủ yếu là trộm cắp tài sản), "
            "làm rõ 14 vụ.",
            False,
        ),
        (_PART_ASKED, "Xảy ra 16 vụ phạm tội, trong đó 09 vụ trộm cắp tài sản.", True),
        (
            _PART_ASKED,
            "Xảy ra 16 vụ phạm tội (trộm cắp tài sản 09 vụ, cố ý gây thương tích 02 vụ)",
            True,
        ),
        (
            "trong 21 truong moi dat chuan quoc gia co bao nhieu truong mam non?",
            "Có thêm 21 trường đạt chuẩn quốc gia, nâng tổng số lên 625/776 trường.",
            False,
        ),
        (  # a member of a closed set asked: the whole names none of it
            "Dịp Tết Dương lịch có bao nhiêu khách quốc tế đến thành phố?",
            "Dịp Tết Dương lịch năm 2026, thành phố đón 18.400 lượt khách du lịch.",
            False,
        ),
        (  # not a whole the question frames with "trong": any other count of it
            "Tháng trước có bao nhiêu người nhận qua tài khoản, nếu tháng này là 69.436 người?",
            "Chi trả qua tài khoản cho 69.436 người (tăng 12.685 người so với tháng trước).",
            True,
        ),
    ],
)
def test_a_part_of_the_whole_a_question_gives(question: str, sentence: str, held: bool) -> None:
    """ "Trong 16 vụ …, có bao nhiêu vụ là trộm cắp?": a count of the part, named beside it."""
    assert (gates.answer_type(normalize(question), sentence) > 0) == held


@pytest.mark.parametrize(
    ("question", "sentence", "held"),
    [
        (
            "Hội chợ OCOP tháng 12 đón được bao nhiêu lượt khách tham quan?",
            "Tổ chức Hội chợ với 126 gian hàng, doanh thu ước đạt 4,86 tỷ đồng.",
            False,
        ),
        (
            "Hội chợ OCOP tháng 12 đón được bao nhiêu lượt khách tham quan?",
            "Hội chợ đón khoảng 12.500 lượt khách tham quan.",
            True,
        ),
        ("thang 12 bat may vu ban phao", "04 vụ kinh doanh pháo nổ, đồ chơi nguy hiểm", True),
        ("Có bao nhiêu suất quà được trao?", "Dự kiến trao quà cho hộ nghèo 480 hộ.", False),
    ],
)
def test_a_count_asked_by_its_classifier(question: str, sentence: str, held: bool) -> None:
    assert (gates.answer_type(normalize(question), sentence) > 0) == held


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("How much ketamine and MDMA was seized?", False),
        ("How much was spent on compensation?", True),
        ("How much in traffic fines was collected?", True),
        ("How much recurrent spending was executed?", True),
        ("Dự án Cầu Trà Linh 2 được bố trí bao nhiêu vốn năm 2026?", True),  # capital is money
        ("Kế hoạch vốn năm 2026 của dự án là bao nhiêu?", True),
    ],
)
def test_how_much_of_a_substance_is_no_money(question: str, money: bool) -> None:
    assert kinds.kinds(normalize(question).folded).money == money


@pytest.mark.parametrize(
    ("question", "money_only"),
    [
        ("thu tien su dung dat thang 9 so voi thang 8 tang bao nhieu?", True),
        ("Tiền thuê đất tháng 10 so với tháng 9 thế nào?", True),
        ("Tiền sử dụng đất đã thu từ bao nhiêu hộ?", False),  # households counted
    ],
)
def test_a_land_fee_is_money_only(question: str, money_only: bool) -> None:
    """ "Thu tiền sử dụng đất" is an amount of money: a month's count of land dossiers
    ("421 − 398 = 23 hồ sơ") is no answer to it."""
    assert wants(normalize(question)).money_only == money_only


def test_a_document_with_what_is_asked_beside_it(tmp_path) -> None:
    """ "Kế hoạch 21/KH-UBND là về việc gì, hội thảo dự kiến tổ chức ngày nào?": the plan's
    record, and the day from the next paragraph that names the workshop — cited."""
    from conftest import HashEmbedder

    from assistant.retrieve import HybridRetriever
    from index.ingest import ingest_paths
    from index.store import Store

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "tt.txt").write_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ SÔNG MAI\n\nSố: 77/BC-UBND\n\n"
        "Sông Mai, ngày 05 tháng 11 năm 2025\n\nBÁO CÁO\n\nTình hình tháng 11 năm 2025\n\n"
        "I. KẾT QUẢ\n\n"
        "Để chuẩn bị trước, Trung tâm đã ban hành Kế hoạch số 21/KH-UBND ngày 02/11/2025 về "
        "tổ chức Hội thảo cải thiện môi trường đầu tư năm 2025.\n\n"
        "Trung tâm dự kiến tổ chức Hội thảo vào ngày 18/11/2025, mời các sở, ngành.\n",
        "utf-8",
    )
    store = Store(tmp_path / "i", HashEmbedder())
    ingest_paths(store, [tmp_path / "docs"], 10**7)
    a = answer(
        "Kế hoạch 21/KH-UBND là về việc gì, hội thảo dự kiến tổ chức ngày nào?",
        HybridRetriever(store),
    )
    assert a.mode == "records" and "18/11/2025" in a.text, a.text
    line = next(x for x in a.text.splitlines() if "18/11/2025" in x)
    n = int(re.search(r"\[(\d+)\]", line).group(1))
    assert "18/11/2025" in a.citations[n - 1].text


def test_nothing_unrelated_is_put_beside_a_document(sample_retriever) -> None:
    """The festival's plan, asked when the festival opens: the reports never say. The
    allowance paid that month is dated and says "mai táng", "BHXH" — no "Sông Mai", no
    "hội" as the question types them: it is not put beside the plan."""
    a = answer(
        "Lễ hội Xuân Sông Mai năm 2026 theo Kế hoạch 15/KH-UBND sẽ khai mạc ngày nào?",
        sample_retriever,
    )
    assert "15/KH-UBND" in a.text and "BHXH" not in a.text, a.text


@pytest.mark.parametrize(
    "question",
    [
        "Tỷ lệ giải ngân vốn đầu tư công tháng 11 nhích lên mấy điểm phần trăm so với tháng 10?",
        "Từ tháng 10 sang tháng 11, tỷ lệ tiêu tiền đầu tư công nhích lên được mấy điểm phần trăm?",
    ],
)
def test_a_target_is_no_reading_of_a_month(sample_retriever, question: str) -> None:
    """October's "phấn đấu đến hết tháng 11 … đạt trên 60%" and November's "chưa đạt mục
    tiêu 60% đề ra" are what was aimed at: the months' rates are compared, never 60 − 60."""
    a = answer(question, sample_retriever)
    assert a.mode == "compare" and "57,94 − 45,23 = 12,71" in a.text, a.text
    assert "60 − 60" not in a.text, a.text


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("chich ngua soi cho bao nhieu chau", "Tổ chức tiêm vắc xin sởi - rubella cho 1.340 trẻ"),
        ("cất nhắc bao nhiêu trưởng phòng", "bổ nhiệm 1.041 lãnh đạo cấp phòng"),
        ("tỷ lệ tiêu tiền đầu tư công", "tỷ lệ giải ngân vốn đầu tư công đạt 45,23%"),
        ("trung tâm có bao nhiêu người làm việc", "Nhân sự thuộc Trung tâm gồm 42 công chức"),
        ("những quán nào bị đóng cửa tạm thời", "tạm đình chỉ hoạt động 02 cơ sở"),
        ("chi phí bôi trơn được mấy điểm", "Nội dung: Chi phí không chính thức; Điểm số: 6,78"),
        ("Tết Tây vừa rồi đón bao nhiêu khách", "Dịp Tết Dương lịch năm 2026, thành phố đón"),
        ("giao bao nhiêu mét vuông mặt bằng", "BGMB tổng diện tích 21.377,9m² của 41 hộ"),
        ("buổi tiếp dân định kỳ", "Tổ chức tiếp công dân định kỳ được 18 lượt"),
        ("bao giờ nhà thầu quay lại làm tiếp", "nhà thầu thi công trở lại từ ngày 08/12/2025"),
        ("những mặt còn yếu kém nào", "II.2 Hạn chế"),
        ("những mặt làm chưa tốt", "II.2 Hạn chế"),
        ("gặp trở ngại gì", "còn khó khăn, vướng mắc"),
        ("chỉ số sân chơi công bằng", "Nội dung: Cạnh tranh bình đẳng; Lâm Đồng - Điểm số: 5,97"),
        ("đào tạo nguồn nhân lực PCI", "Nội dung: Đào tạo lao động; Lâm Đồng - Điểm số: 6,15"),
        ("bao nhiêu trung tâm gắn camera", "98 Trung tâm trang bị Camera theo dõi bộ phận một cửa"),
    ],
)
def test_a_leaders_word_is_the_reports_concept(asked: str, written: str) -> None:
    """What a leader types for the report's word is one concept on both sides."""
    question = {t for t in vn.terms(asked) if t.startswith("~")}
    assert question and question <= set(vn.terms(written)), (vn.terms(asked), vn.terms(written))


def test_what_a_city_wants_for_a_month_is_the_target_set_for_it(sample_retriever) -> None:
    """ "tới cuối tháng 11 thành phố muốn … bao nhiêu": the target October's report sets for
    November ("muốn" is the chat's grammar, not a word the passage must hold); "nộp muộn"
    typed without diacritics keeps its word."""
    q = normalize("Tới cuối tháng 11 thành phố muốn giải ngân được bao nhiêu phần trăm vốn?")
    assert q.about_tasks and "muon" not in q.content
    assert "muon" in normalize("ho so nop muon bao nhieu").content
    a = answer(
        "Theo báo cáo tháng 10, tới cuối tháng 11 thành phố muốn tiêu được bao nhiêu phần trăm "
        "tiền đầu tư công?",
        sample_retriever,
    )
    assert not a.insufficient and "đạt trên 60%" in a.text, a.text


PLANNED = "Triển khai Chương trình Tết Nhân ái năm 2026, dự kiến trao 480 suất quà cho hộ nghèo."
GIVEN = "Triển khai Chương trình Tết Nhân ái năm 2026, đến nay đã trao 312 suất quà cho hộ nghèo."


def test_a_plan_asked_is_not_what_was_done() -> None:
    """ "dự kiến trao bao nhiêu suất": the planned 480, not the 312 given so far — and the
    other way round; typed without diacritics, the "ái" of "Nhân ái" asks for nobody."""
    planned = normalize("chuong trinh tet nhan ai du kien trao bao nhieu suat qua")
    assert gates.answer_type(planned, PLANNED) == 1.0
    assert gates.answer_type(planned, GIVEN) == 0.0
    done = normalize("Tết Nhân ái đến nay đã trao bao nhiêu suất quà?")
    assert gates.answer_type(done, GIVEN) == 1.0
    assert gates.answer_type(done, PLANNED) == 0.0


@pytest.mark.parametrize(
    ("question", "sentence", "held"),
    [
        # the figure given is the whole, a part of it is asked: a sentence repeating the
        # whole does not answer
        (
            "trong 18.400 luot khach dip Tet Duong lich co bao nhieu khach quoc te?",
            "Dịp Tết Dương lịch năm 2026, thành phố đón 18.400 lượt khách du lịch; doanh "
            "thu từ hoạt động du lịch ước đạt 12,6 tỷ đồng.",
            False,
        ),
        (
            "Trong 46 trường có bao nhiêu trường tiểu học?",
            "Năm học 2025 - 2026, toàn thành phố có 46 trường với 31.482 học sinh.",
            False,
        ),
        # … a sentence giving the part does ("63/139 kiến nghị")
        (
            "Trong 139 kiến nghị của doanh nghiệp, bao nhiêu kiến nghị đã được trả lời?",
            "Có 63/139 kiến nghị đã được trả lời rõ lộ trình, chiếm 46%.",
            True,
        ),
        # a figure of a name is no whole ("lớp 9")
        (
            "Thi học sinh giỏi lớp 9 cấp TP bao nhiêu em dự thi, bao nhiêu em đạt giải?",
            "Tổ chức kỳ thi chọn học sinh giỏi lớp 9 cấp thành phố ngày 06/12/2025 với 412 "
            "học sinh dự thi, 236 học sinh đạt giải.",
            True,
        ),
        # a plan's amount asked: a share of the plan is none, the plan's amount is
        (
            "Dự toán thu NSNN năm 2026 tỉnh giao cho thành phố là bao nhiêu tỷ đồng?",
            "Thu NSNN tính đến hết ngày 15/01/2026 thu được 45.380 triệu đồng, đạt 10,8% dự "
            "toán tỉnh giao.",
            False,
        ),
        (
            "Dự toán thu NSNN năm 2026 tỉnh giao cho thành phố là bao nhiêu tỷ đồng?",
            "Dự toán thu NSNN năm 2026 tỉnh giao là 420.000 triệu đồng.",
            True,
        ),
        # money and a share of the plan asked together: the amount collected answers
        (
            "Thu NSNN đến 15/1/2026 được bao nhiêu tiền, bằng bao nhiêu phần trăm dự toán?",
            "Thu NSNN tính đến hết ngày 15/01/2026 thu được 45.380 triệu đồng, đạt 10,8% dự "
            "toán tỉnh giao.",
            True,
        ),
    ],
)
def test_a_figure_given_or_a_share_of_a_plan_is_no_answer(
    question: str, sentence: str, held: bool
) -> None:
    assert (gates.answer_type(normalize(question), sentence) > 0) == held


def test_an_amount_in_dong_is_money_asked() -> None:
    """ "bao nhiêu tỷ đồng" asks for money as "bao nhiêu tiền" does."""
    assert kinds.kinds(normalize("Dự toán năm 2026 là bao nhiêu tỷ đồng?").folded).money
    assert kinds.kinds(normalize("Thu được bao nhiêu triệu đồng?").folded).money


def test_a_name_said_in_the_reports_words_is_named() -> None:
    """ "Tết Tây" is the "Tết Dương lịch" the report writes (one concept); a name the
    passage does not hold in any words is still missing."""
    from assistant.answerers.support import name_share

    q = normalize("Dịp Tết Tây vừa rồi thành phố đón bao nhiêu khách du lịch?")
    assert name_share(q, "Dịp Tết Dương lịch năm 2026, thành phố đón 18.400 lượt khách") == 1.0
    assert name_share(q, "Dịp Tết Nguyên đán, thành phố đón 25.000 lượt khách") == 0.0


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("từ ngày 05/01/2026.", 1),
        ("ngày 12/01 và ngày 5", 2),
        ("31/12/2025", 1),
        ("tháng 01/2026", 0),  # a month
        ("Có 63/139 kiến nghị", 0),  # an amount over its total
        ("Thứ hạng 36/63", 0),  # a rank
    ],
)
def test_a_day_is_read_whole(text: str, days: int) -> None:
    """A day is matched whole, so what is left of a sentence's digits is its figures (the
    "26" of "05/01/2026" read alone once counted as one)."""
    assert len(gates._DATE_A.findall(text)) == days


def test_a_price_asked_is_money() -> None:
    """ "trị giá bao nhiêu", "giá trúng thầu bao nhiêu": an amount in đồng; "được đánh giá
    bao nhiêu điểm" is a score."""
    for question in (
        "Gói thầu xây lắp chợ Bến Đò trị giá bao nhiêu?",
        "Trúng thầu với giá bao nhiêu?",
    ):
        assert kinds.kinds(normalize(question).folded).money, question
    assert not kinds.kinds(normalize("Tỉnh được đánh giá bao nhiêu điểm?").folded).money


def test_how_a_measure_changed_is_asked_of_the_measure(sample_retriever) -> None:
    """ "Tiến độ tiêu vốn đầu tư công thay đổi thế nào qua các tháng": "thay đổi" is how the
    change is asked, not the "hồ sơ thay đổi, cải chính hộ tịch" of another measure."""
    a = answer(
        "Tiến độ tiêu vốn đầu tư công thay đổi thế nào qua các báo cáo tháng 10, 11 và 12/2025?",
        sample_retriever,
    )
    assert "186.530/412.380" in a.text and "hộ tịch" not in a.text, a.text


def test_a_count_is_read_by_its_word_as_typed() -> None:
    """ "bao nhiêu tân binh": "126 tấn rác" counts tons, whatever folding makes of it; a
    word typed without diacritics ("luot") in an accented question is read folded."""
    from assistant.answerers.counting import counts, written_noun

    q = normalize("Lễ giao quân giao bao nhiêu tân binh?")
    assert not counts("tan", "xử lý 126 tấn rác thải", written=written_noun(q, "tan"))
    q = normalize("tiep dan bao nhieu luot, trong đó về đất đai bao nhiêu lượt?")
    assert written_noun(q, "luot") == "lượt"
    assert counts("luot", "tiếp công dân được 22 lượt/36 công dân", written="lượt")


def test_a_year_compared_with_one_no_report_covers_says_so(tmp_path) -> None:
    """ "năm 2025 tăng bao nhiêu so với năm 2024?" over a 2025 report that gives no 2024
    figure: the 2025 figure alone is no comparison — said so, with what the report gives."""
    from conftest import LETTERHEAD, text_retriever

    head = LETTERHEAD.format(number=45, day=10, month=12, title="Cải cách hành chính năm 2025")
    text = head + "Tỷ lệ hồ sơ nộp trực tuyến toàn trình năm 2025 đạt 95,99%.\n"
    a = answer(
        "Tỷ lệ hồ sơ nộp trực tuyến toàn trình năm 2025 tăng bao nhiêu so với năm 2024?",
        text_retriever(tmp_path, {"cchc-2025.txt": text}),
    )
    assert a.insufficient and "không nêu số liệu năm 2024" in a.text, a.text
    assert "95,99%" in a.text


def test_a_footnote_is_dated_by_the_clause_it_details() -> None:
    """ "Chi thường xuyên đến 10/12/2025 …": the footnote breaking the total down names no
    day of its own; the clause it details does, and dates it for that day."""
    from assistant.answerers.asked import Asked
    from assistant.answerers.units import units_of

    clause = "Tổng chi ngân sách địa phương thực hiện đến hết ngày 10/12/2025 là 40.554 tỷ đồng"
    note = (
        "Trong đó: - Chi đầu tư phát triển (không bao gồm nguồn năm trước chuyển sang): "
        "Thực hiện 3.757 tỷ đồng; - Chi thường xuyên: Thực hiện 26.798 tỷ đồng."
    )
    chunk = Chunk(id="r:fn17", report_id="r", text=note, embed_text=note, section="II",
                  section_title="", kind="footnote", extra={"context": clause})  # fmt: skip
    q = normalize("chi thuong xuyen den 10/12/2025 thuc hien bao nhieu")
    ((unit, under),) = units_of(chunk, q)
    assert under == clause
    # the year's report spans December: its sentences tell December only when they name it
    december = P.Period((2025, 12), (2025, 12))
    asked = Asked(years=frozenset({2025}), as_of="10/12/2025", months=(december,))
    assert asked.fits(unit, under, other_year=False, other_span=True)
    assert not asked.fits(unit, "", other_year=False, other_span=True)


def test_what_follows_how_many_with_no_noun_is_counted_by_nothing() -> None:
    """ "thực hiện bao nhiêu, đạt bao nhiêu % dự toán": read as syllables the comma is
    gone, and "đạt" is no thing counted."""
    from assistant.answerers.counting import counted_nouns

    q = normalize("chi thuong xuyen thuc hien bao nhieu, dat bao nhieu % du toan")
    assert "dat" not in counted_nouns(q)
    assert counted_nouns(normalize("Tháng 10 xảy ra bao nhiêu vụ cháy?")) == ["vu"]


def test_the_whole_revenue_is_no_land_use_fee_even_beside_it() -> None:
    """A question asking two things may find its second in the unit's passage — never
    when the unit is about another member of a closed set (the whole revenue for the
    land-use fee)."""
    q = normalize("Tiền thu từ đất cộng dồn được bao nhiêu, bằng mấy phần trăm kế hoạch?")
    total = "Công tác thu NSNN thành phố lũy kế 312.640 triệu đồng đạt 84,6% dự toán."
    passage = f"{total} Trong đó, thu tiền sử dụng đất lũy kế 148.270 triệu đồng, đạt 74,1%."
    assert not gates.kind_held(q, total, passage)
    assert gates.kind_held(q, "Trong đó, thu tiền sử dụng đất lũy kế 148.270 triệu đồng.", passage)


def test_two_zeros_are_no_difference_of_what_was_asked(tmp_path) -> None:
    """Two appendix rows reading 0 (disciplined staff) are what a comparison of two
    transfers found nearest: "0 − 0 = 0" answers nothing asked."""
    body = (
        "Số công chức thuộc sở, ngành bị kỷ luật trong năm là 0 người.\n\n"
        "Số công chức thuộc UBND cấp xã bị kỷ luật trong năm là 0 người.\n"
    )
    a = answer(
        "Số công chức của sở, ngành nhiều hơn của UBND cấp xã bao nhiêu người?",
        _cchc(tmp_path, body),
    )
    assert "0 − 0" not in a.text, a.text


def _cchc(tmp_path, body: str):
    """A retriever over the province's administrative reform report of 2025, `body` its text."""
    from conftest import letter, text_retriever

    report = letter(47, "10", 12, "Cải cách hành chính năm 2025", body)
    return text_retriever(tmp_path, {"cchc-2025.txt": report})


def test_two_sides_are_told_apart_by_their_words_as_typed(tmp_path) -> None:
    """ "Số thủ tục mới công bố nhiều hơn số thủ tục bị bỏ đi": folded, "bỏ" is the "bố" of
    "công bố" and the second side has no word of its own; typed, it is the "bãi bỏ" row."""
    from assistant.answerers.sides import shared, sides

    q = normalize("Số thủ tục mới công bố nhiều hơn số thủ tục bị bỏ đi là bao nhiêu?")
    left, right = sides(q) or ([], [])
    assert "bo" in set(left) & set(right) and "bo" not in shared(q, left, right)
    typed = normalize("so thu tuc moi cong bo nhieu hon so thu tuc bi bo di la bao nhieu?")
    assert "bo" in shared(typed, *(sides(typed) or ([], [])))  # no accents: alike as typed
    body = (
        "Số thủ tục hành chính công bố mới trong năm là 247 thủ tục.\n\n"
        "Số thủ tục hành chính bãi bỏ, thay thế trong năm là 60 thủ tục.\n"
    )
    a = answer(
        "Số thủ tục mới công bố nhiều hơn số thủ tục bị bỏ đi là bao nhiêu?", _cchc(tmp_path, body)
    )
    assert "247 − 60 = 187" in a.text, a.text


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # "9 tháng" is a period beside a figure, never a count of anything
        ("Có 17 doanh nghiệp thành lập mới (9 tháng: 58 doanh nghiệp)", ["17", "58"]),
        ("Quý III ghi nhận 48 ca (quý II: 11 ca), lũy kế 9 tháng 65 ca", ["48", "11", "65"]),
        ("6 tháng đầu năm 2025 có 7 vụ; 11 tháng năm 2026 có 9 ca", ["7", "9"]),
        ("Ngày 15 tháng 11 năm 2026 thu 1.234 tỷ đồng", ["1.234"]),
        ("tháng 12 đạt 5 vụ, phạt tù 9 tháng", ["5", "9"]),
        # an amount right after "tháng" is the month's amount, not a month's number
        ("Tổng thu trong tháng 1.245 triệu đồng, lũy kế 10 tháng 9.870 triệu", ["1.245", "9.870"]),
        # a date's day: "từ ngày 03 đến hết ngày 06/11" counts nothing, "trong 05 ngày" does
        ("tạm dừng 14 tàu từ ngày 03 đến hết ngày 06/11/2026", ["14"]),
        ("phải tạm dừng đón khách trong 05 ngày", ["05"]),
    ],
)
def test_a_periods_number_is_no_figure(sentence: str, kept: list[str]) -> None:
    assert [raw for raw, _, _, _ in figures_in(sentence)] == kept


def test_a_bracketed_figures_words_end_with_the_bracket() -> None:
    from assistant.answerers.figures import segments

    text = "Quý III ghi nhận 48 ca (quý II: 11 ca), lũy kế 9 tháng 65 ca."
    by_raw = {s.raw: s for s in segments(text)}
    assert "lũy kế" not in by_raw["11"].after and "lũy kế" in by_raw["65"].before


def test_a_list_items_number_counts_nothing() -> None:
    """ "2. Giải ngân vốn đầu tư công (64,5%) chậm …": the item's number is no figure."""
    found = figures_in("2. Giải ngân vốn đầu tư công (64,5%) chậm; còn 27 dự án dưới 50%.")
    assert [raw for raw, *_ in found] == ["64,5", "27", "50"], found
    assert [raw for raw, *_ in figures_in("- 3) Tuyển 12 giáo viên.")] == ["12"]
    # within a sentence, "(2) Sở …" numbers an item, and "giai đoạn 2" names a phase: the
    # month's "2 − 2 = 0" was read off them
    sentence = (
        "Các chủ đầu tư giải ngân chậm: (1) Ban Quản lý các KCN: dự án Hạ tầng KCN Phú Cát, "
        "giải ngân 58.940/215.000 triệu đồng; (2) Sở Văn hóa: dự án Tu bổ Đền Thượng Ngàn "
        "(giai đoạn 2), giải ngân 16.320/42.500 triệu đồng."
    )
    assert [raw for raw, *_ in figures_in(sentence, amounts=True)] == ["58.940", "16.320"]


def test_a_number_in_a_rows_header_or_a_span_counts_nothing() -> None:
    """ "Tàu từ 15m trở lên: 83" is 83 vessels, not 15; "331.000 lượt khách trong 10 tháng" is
    no count of 10 — a difference computed on them ("312 − 15", "14 − 10") compared nothing."""
    row = "Địa phương: Xã Tân Hải; Tổng số tàu (chiếc): 312; Tàu từ 15m trở lên: 83; Tàu VMS: 82"
    assert [raw for raw, *_ in figures_in(row)] == ["312", "83", "82"]
    span = "có 14 tàu khách cao tốc, vận chuyển 331.000 lượt khách trong 10 tháng, an toàn"
    assert [raw for raw, *_ in figures_in(span)] == ["14", "331.000"]
    assert [raw for raw, *_ in figures_in("lũy kế 9 tháng: 65 ca; tăng 12 ca")] == ["65", "12"]


def test_a_change_stated_against_last_year_without_so_voi_is_quoted(tmp_path) -> None:
    """ "thấp hơn cùng kỳ năm 2024 là 23,4 ha": the report states the change itself, with no
    "so với" — quoted as its own reading, the figure with it, no 2024 report needed."""
    from conftest import LETTERHEAD, text_retriever

    head = LETTERHEAD.format(
        number=215, day=20, month=10, title="Tình hình kinh tế - xã hội tháng 10 năm 2025"
    )
    text = head + (
        "Đến ngày 15/10/2025, toàn xã đã gieo trồng vụ đông được 214,6 ha, đạt 41,3% kế "
        "hoạch, thấp hơn cùng kỳ năm 2024 là 23,4 ha; trong đó ngô 96,5 ha.\n"
    )
    a = answer(
        "Vụ đông tháng 10/2025 gieo trồng chậm hơn cùng kỳ năm ngoái bao nhiêu ha?",
        text_retriever(tmp_path, {"xa-2025-10.txt": text}),
    )
    assert a.mode == "compare" and "tự nêu: thấp hơn cùng kỳ năm 2024 là 23,4 ha" in a.text, a.text


def test_a_months_change_said_by_the_report_of_the_months_to_it(tmp_path) -> None:
    """No report of November alone: the eleven months' report says November's change itself
    ("Riêng tháng 11 … giảm 21,6% so với tháng 10") — quoted up to the period it is measured
    against, never cut inside the next figure ("… và giảm 7")."""
    from conftest import LETTERHEAD, text_retriever

    head = LETTERHEAD.format(
        number=1562, day="03", month=12, title="Kết quả hoạt động du lịch 11 tháng năm 2025"
    )
    text = head + (
        "Riêng tháng 11/2025, lượt khách du lịch ước đạt 268.000 lượt, giảm 21,6% so với tháng "
        "10 và giảm 7,4% so với cùng kỳ do ảnh hưởng của mưa lũ.\n"
    )
    a = answer(
        "Khách du lịch tháng 11/2025 giảm bao nhiêu so với tháng 10/2025?",
        text_retriever(tmp_path, {"du-lich-11t.txt": text}),
    )
    assert a.mode == "compare" and "tự nêu: giảm 21,6% so với tháng 10 [1]" in a.text, a.text
    assert "Báo cáo số 1562/BC-UBND tự nêu" in a.text, a.text  # not "báo cáo tháng 11"


def test_a_change_said_before_its_figure_is_no_level_to_subtract(tmp_path) -> None:
    """ "năng suất … 48,6 tạ/ha, cao hơn cùng kỳ 0,9 tạ/ha": the 0,9 is a change, set
    against the period it names first; a level less it ("48,6 − 0,9 = 47,7") compares
    nothing, and no such difference is written."""
    from conftest import LETTERHEAD, text_retriever

    head = LETTERHEAD.format(number=14, day="25", month=9, title="Sản xuất nông nghiệp")
    text = head + (
        "Đến ngày 25/9/2026, lúa mùa thu hoạch được 186,3/412,5 ha, đạt 45,2% diện tích gieo "
        "cấy, năng suất bình quân ước đạt 48,6 tạ/ha, cao hơn cùng kỳ 0,9 tạ/ha.\n"
    )
    a = answer(
        "nang suat lua mua giam bao nhieu so voi uoc tinh thang 9?",
        text_retriever(tmp_path, {"nong-nghiep.txt": text}),
    )
    assert "48,6 − 0,9" not in a.text and "5.300" not in a.text, a.text


def test_a_rows_number_under_a_broken_header_counts_nothing() -> None:
    """ "T T: 7" is the row's number under a header a table cell broke in two ("420 − 7" was
    a difference of a flat count and the row's place in the table)."""
    row = "T T: 7; Dự án: Nhà ở xã hội Bình An Xanh (02 khối nhà, 736 căn); Tổng mức: 1.080,0"
    assert [raw for raw, *_ in figures_in(row)] == ["02", "736", "1.080,0"]


def _asked_over(tmp_path, reports: dict[tuple[int, int], str], question: str):
    """`question` answered over monthly reports written for one test, {(number, month):
    body}, each under a letterhead of its own month."""
    from conftest import LETTERHEAD, text_retriever

    files = {
        f"bc-{number}-{month}-2025.txt": LETTERHEAD.format(
            number=number, day=15, month=month, title=f"Tình hình KT-XH tháng {month} năm 2025"
        )
        + body
        for (number, month), body in reports.items()
    }
    return answer(question, text_retriever(tmp_path, files))


def test_two_bare_figures_of_different_things_are_no_difference(tmp_path) -> None:
    """ "4.120 khách" and "khách sạn từ 4 sao": two figures with no unit are compared only when
    they count the same thing — "4.120 − 4 = 4.116 (+102.900%)" compared nothing."""
    body = (
        "Công suất sử dụng phòng bình quân 11 tháng của các cơ sở lưu trú đạt 58,4%; các "
        "khách sạn từ 4 sao trở lên đạt 67,9%.\n\n"
        "Tàu Spectrum of the Seas cập cảng ngày 17/02/2026 với 4.120 khách quốc tế.\n"
    )
    question = "Khách quốc tế 11 tháng so với khách sạn 4 sao chênh nhau bao nhiêu?"
    a = _asked_over(tmp_path, {(52, 12): body}, question)
    assert "4.120 − 4" not in a.text, a.text


def test_the_years_plan_restated_each_month_is_no_months_reading(tmp_path) -> None:
    """ "đạt 92,6% kế hoạch năm (525 lao động)": both months restate the year's plan, and
    "525 − 525 = 0" said nothing changed; the months' own counts are compared — and the
    difference says what it counts, as both months write it."""
    reports = {
        (number, month): f"Giải quyết việc làm mới lũy kế cho {done} lao động, đạt {share}% kế "
        "hoạch năm (525 lao động).\n"
        for number, month, done, share in ((301, 10, 486, "92,6"), (335, 11, 531, "101,1"))
    }
    question = (
        "Giải quyết việc làm tháng 11/2025 so với tháng 10/2025 tăng thêm bao nhiêu lao động?"
    )
    a = _asked_over(tmp_path, reports, question)
    assert "525 − 525" not in a.text and "531 − 486 = 45 lao động" in a.text, a.text


def test_a_difference_of_a_rate_keeps_the_rates_unit(tmp_path) -> None:
    """ "57,1 tạ/ha" less "56,8 tạ/ha" is "0,3 tạ/ha", not "0,3 tạ"."""
    reports = {
        (number, month): f"Năng suất lúa vụ Hè Thu ước đạt {rice} tạ/ha, sản lượng ổn định.\n"
        for number, month, rice in ((301, 9, "56,8"), (335, 10, "57,1"))
    }
    question = "Năng suất lúa Hè Thu tháng 10/2025 so với tháng 9/2025 tăng bao nhiêu?"
    a = _asked_over(tmp_path, reports, question)
    assert "57,1 − 56,8 = 0,3 tạ/ha" in a.text, a.text


def test_a_month_only_compared_with_is_no_month_reported_on() -> None:
    """ "Tổng thu … trong tháng 1.084 triệu đồng, giảm 12,9% so với tháng 10": November's
    figure, which November's question may quote; a sentence reporting on October is not."""
    from assistant.answerers.asked import Asked

    november = P.Period((2026, 11), (2026, 11))
    asked = Asked(years=frozenset({2026}), as_of="", months=(november,))
    unit = "Tổng thu NSNN trong tháng ước đạt 1.084 triệu đồng, giảm 12,9% so với tháng 10"
    assert asked.fits(unit, "", other_year=False)
    assert not asked.fits("Thu NSNN tháng 10 đạt 1.245 triệu đồng", "", other_year=False)


def test_a_heading_on_its_own_is_no_answer() -> None:
    from assistant.answerers.units import heading_only

    assert heading_only("c) Thu, chi ngân sách") and heading_only("II. VĂN HÓA - XÃ HỘI")
    assert not heading_only("3. Tập trung thu ngân sách, phấn đấu thu vượt dự toán năm 2026.")
    assert not heading_only("a) Giáo dục: Ngày 05/9/2026, 03 trường khai giảng")


@pytest.mark.parametrize(
    ("sentence", "fits"),
    [
        # the draft the check was for, in December 2025's report: 2025's work
        ("Tổ chức khám sức khỏe nghĩa vụ quân sự năm 2026 cho 612 công dân.", True),
        # the year aimed at is no 2025 figure
        ("Tỷ lệ tốt nghiệp THPT năm 2026 đạt từ 99,5% trở lên.", False),
        # nor a year the report is not of
        ("Năm 2024, toàn tỉnh tốt nghiệp THPT đạt 98,9%.", False),
    ],
)
def test_a_year_after_the_reports_own_is_what_the_work_is_for(sentence: str, fits: bool) -> None:
    from assistant.answerers.asked import Asked

    asked = Asked(years=frozenset({2025}), as_of="", months=())
    assert asked.fits(sentence, "", other_year=False, last_year=2025) is fits


def test_a_draft_year_does_not_hide_the_months_work(sample_retriever) -> None:
    a = answer(
        "How many citizens had their military-service health check in December 2025?",
        sample_retriever,
    )
    assert not a.insufficient and "612 công dân" in a.text, a.text


def test_a_change_in_per_cent_is_no_rate_measured() -> None:
    """ "khách du lịch … tăng bao nhiêu phần trăm": the visitors are measured, the per cent
    is how the change is asked — a sentence about an inspection's "tỷ lệ" measures nothing
    asked. "tỷ lệ giải quyết tăng bao nhiêu phần trăm" measures the rate."""
    from assistant.answerers.measured import measure_terms

    asked = normalize("khach du lich quy 3 tang bao nhieu phan tram so voi quy 3 nam ngoai?")
    assert measure_terms(asked) == vn.terms("khách du lịch")
    rate = normalize("Tỷ lệ giải quyết khiếu nại tăng bao nhiêu phần trăm?")
    assert set(vn.terms("tỷ lệ")) <= set(measure_terms(rate))


@pytest.mark.parametrize(
    ("sentence", "figure", "given"),
    [
        # the question's own figure, of what it gives: no reading
        ("đạt 80% mục tiêu", "80", True),
        ("còn 12 hộ chưa bàn giao", "12", True),
        # the same number counting something else is a reading
        ("có 06 lượt tàu mất kết nối quá 6 giờ", "06", False),
        ("có 06 lượt tàu mất kết nối quá 6 giờ", "6", False),
        # a figure given bare is given whatever follows it, but not as a rate
        ("số 12 trong danh sách", "12", True),
    ],
)
def test_a_figure_the_question_gives_is_that_figure_of_that_thing(
    sentence: str, figure: str, given: bool
) -> None:
    asked = counting.given_words("Tàu mất kết nối quá 6 tiếng, có đạt 80% chưa, 12 hộ, số 12?")
    end = re.search(rf"(?<!\d){figure}(?!\d)", sentence).end()
    assert counting.is_given(asked, sentence, figure, end) is given


def test_a_bare_figure_given_is_no_rate() -> None:
    asked = counting.given_words("Báo cáo ghi con số 80?")
    assert counting.is_given(asked, "đạt 80 hộ", "80", 6)
    assert not counting.is_given(asked, "đạt 80% kế hoạch", "80", 6)


def test_a_month_is_read_by_its_own_count_not_its_running_totals_bracket(sample_retriever) -> None:
    """ "cấp 53 giấy phép xây dựng (lũy kế năm 2025 cấp 498 giấy phép)": 53 is December's
    count — the running total in the bracket after it is the bracket's own figure's."""
    a = answer(
        "Tháng nào trong quý IV năm 2025 thành phố cấp nhiều giấy phép xây dựng nhất?",
        sample_retriever,
    )
    assert "Tháng 12/2025 cao nhất (53 giấy phép)" in a.text, a.text


def test_a_word_folded_alike_but_written_otherwise_is_not_the_measure(sample_retriever) -> None:
    """Typed with diacritics, "xây dựng" is not the "sử dụng" of "Tước quyền sử dụng GPLX
    89 TH": driving licences withdrawn are no building permits granted."""
    a = answer(
        "Số giấy phép xây dựng cấp trong tháng 12 so với tháng 11 tăng mấy trường hợp?",
        sample_retriever,
    )
    assert "GPLX" not in a.text and "giấy phép xây dựng" in a.citations[0].quote, a.text


def test_a_figures_unit_names_the_measure_too(sample_retriever) -> None:
    """ "cấp 53 giấy phép xây dựng …; tổ chức kiểm tra 18 công trình xây dựng": the permits'
    unit says "phép" as the question does — the inspections' count is another measure."""
    a = answer(
        "Số giấy phép xây dựng cấp trong tháng 12 so với tháng 11 tăng mấy trường hợp?",
        sample_retriever,
    )
    assert "53 − 47 = 6 giấy phép" in a.text, a.text

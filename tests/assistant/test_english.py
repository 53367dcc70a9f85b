"""English questions: glossary translation into the reports' words, and answers (or
refusals) on the sample reports."""

from __future__ import annotations

import unicodedata
from types import SimpleNamespace

import pytest

from assistant.answerers.listed import counted_not_named
from assistant.english import asking, looks_english, translate
from assistant.intent import COMPARISON
from assistant.query import normalize
from assistant.route import answer
from index import periods
from index.model import Chunk


def test_translation_uses_the_reports_words() -> None:
    text, understood = translate("How many traffic accidents happened in December 2025?")
    assert "tai nạn giao thông" in text and "tháng 12/2025" in text
    assert understood == 1.0
    text, understood = translate("How many stray dogs got rabies shots?")
    assert understood < 0.5  # 'stray', 'dogs', 'rabies', 'shots' unknown: not confident
    text, _ = translate("In the appendix, how many public service units are self-financing?")
    assert "phụ lục" in text and "đơn vị sự nghiệp công lập" in text and "tự bảo đảm" in text


def test_the_coasts_words_are_the_reports_words() -> None:
    text, understood = translate(
        "How many fishing boats sank or were damaged in the province in the tropical depression?"
    )
    assert all(w in text for w in ("tàu cá", "chìm", "áp thấp nhiệt đới")) and understood == 1.0
    text, _ = translate("How many medals have athletes won so far this year?")
    assert "lũy kế" in text, text


def test_what_happened_and_who_was_helped_are_the_reports_words() -> None:
    text, understood = translate("What criminal cases occurred in January 2026?")
    assert "phạm pháp hình sự" in text and "xảy ra" in text and understood == 1.0, text
    text, _ = translate("How many residents were helped to install the electronic ID app?")
    assert all(w in text for w in ("hướng dẫn", "cài đặt", "định danh điện tử")), text


def test_what_is_issued_decides_the_verb_and_acronyms_are_kept() -> None:
    """Accounts and permits are "cấp" (granted), documents "ban hành"; an acronym ("PCI",
    "VNeID") is the reports' own word, and a hyphenated word reads as its parts."""
    assert "cấp" in translate("How many building permits were issued in December 2025?")[0]
    text, understood = translate("Which plan was issued on tourism?")
    assert "ban hành" in text and "cấp" not in text.split()
    text, understood = translate("What score did Binh Thuan get in the PCI 2024 results?")
    assert "PCI" in text and "Binh Thuan" in text and understood == 1.0
    text, _ = translate("How many VNeID accounts were activated by mid-November 2025?")
    assert "VNeID" in text and "tháng 11/2025" in text


def test_the_glossary_is_the_reports_wording() -> None:
    """Every value is NFC, as the reports write it; keys are lowercase, each once."""
    from assistant.english import GLOSSARY

    assert len(GLOSSARY) > 400
    assert all(unicodedata.is_normalized("NFC", v) and v.strip() for v in GLOSSARY.values())
    assert all(k == k.lower() and k.strip() == k for k in GLOSSARY)


def test_place_names_are_kept_and_months_are_periods() -> None:
    text, _ = translate(
        "How many online public services were provided in Lam Dong in November 2025?"
    )
    assert "Lam Dong" in text and "tháng 11/2025" in text and "dịch vụ công trực tuyến" in text


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("How many cases in the first 11 months?", "11 tháng đầu năm"),
        ("How many visitors in the first nine months of 2025?", "9 tháng đầu năm 2025"),
        ("How much land was handed over in 11 months?", "11 tháng"),
        ("What was revenue in the first half of 2025?", "6 tháng đầu năm 2025"),
        ("How many jobs in Q3 2026?", "quý III/2026"),
        ("How many jobs in the third quarter?", "quý III"),
        # a bare year is one ("in 2024"), one measured against ("compared with 2015"), or
        # the same months of it ("the same period of 2024")
        ("What was the revenue in 2024?", "năm 2024"),
        ("How much was cut compared with 2015?", "so với năm 2015"),
        ("How many cases compared with the same period of 2024?", "cùng kỳ năm 2024"),
    ],
)
def test_an_english_period_is_written_as_the_reports_write_it(question: str, written: str):
    """ "the first 11 months" is "11 tháng đầu năm", never November's "tháng 11"; "Q3" is
    "quý III", not the "một quý một lần" of "quarterly"; none is a word the glossary missed."""
    text, understood = translate(question)
    assert written in text and understood == 1.0, (text, understood)
    assert "tháng 11" not in text and "một lần" not in text
    assert periods.mentions(text) or written == "11 tháng"


def test_a_country_is_named_as_the_reports_name_it() -> None:
    text, _ = translate("How many workers went to Japan and South Korea?")
    assert "Nhật Bản" in text and "Hàn Quốc" in text, text


def test_vietnamese_words_an_english_question_quotes_are_kept() -> None:
    """ "(Cạnh tranh bình đẳng)", "Bến Đò ward": the reports' own words, as written, and not
    counted as words the glossary missed."""
    text, understood = translate(
        "What was Binh Thuan's rank on the 'equal competition' (Cạnh tranh bình đẳng) index?"
    )
    assert "Cạnh tranh bình đẳng" in text and understood == 1.0
    text, _ = translate("How many households in Bến Đò ward got compensation?")
    assert "Bến Đò" in text and "ward" not in text
    # a name typed with its accents is one name, not also the unaccented start of a word
    text, _ = translate("How many households had to be evacuated in Phú Vân?")
    assert "Phú Vân" in text and "Ph " not in f"{text} "


def test_an_english_comparison_of_two_months_is_computed(sample_retriever) -> None:
    a = answer(
        "How much did the public investment disbursement rate rise between the December "
        "2025 and January 2026 reports?",
        sample_retriever,
    )
    assert a.mode == "compare" and "88,73 − 73,05 = 15,68 điểm %" in a.text, a.text


def test_english_detection() -> None:
    assert looks_english("how many households had compensation plans approved".split())
    assert not looks_english("chi tra tro cap bao hiem xa hoi".split())
    assert not looks_english("thu ngan sach luy ke thang 11 dat bao nhieu".split())
    q = normalize("What was the cumulative state budget revenue in November 2025?")
    assert (
        q.english
        and "11/2025" in q.period_labels
        and {"luy", "ke", "ngan", "sach"} <= set(q.content)
    )


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("How many traffic accidents happened in October 2025?", "04 vụ"),
        ("What was the cumulative state budget revenue in November 2025?", "343.848"),
        ("How many building permits were issued in December 2025?", "53 giấy phép"),
        ("How many dengue fever cases were there in November 2025?", "06 ca sốt xuất huyết"),
    ],
)
def test_english_questions_are_answered_from_the_reports(sample_retriever, question, figure):
    a = answer(question, sample_retriever)
    assert not a.insufficient and figure in a.text, a.text


@pytest.mark.parametrize(
    "question",
    [
        "How many dengue fever cases were there in December 2025?",
        "What was the price of gold?",
        # the report counts the 11 and says nothing of where they come from
        "Of the 11 businesses at the November investment promotion conference, how many"
        " were foreign investors?",
    ],
)
def test_english_questions_the_reports_do_not_answer(sample_retriever, question) -> None:
    assert answer(question, sample_retriever).insufficient


def test_an_english_question_asks_as_a_vietnamese_one_does() -> None:
    assert asking("How many households have not handed over land?") == "bao nhiêu hộ gia đình"
    said = asking("Of the 11 businesses at the conference, how many were foreign investors?")
    assert "trong 11 doanh nghiệp" in said and "bao nhiêu" in said
    assert asking("Which 37 communes have had their land data accepted?") == "37 xã nào"
    assert asking("How many zorblats were seen?") == ""  # only what the glossary knows
    # "what was the registered capital": a quantity asked ("capital construction" is none)
    assert asking("What was the registered capital of the project?") == "vốn đăng ký là bao nhiêu"
    assert asking("What was the number of tourists in October?") == "bao nhiêu khách du lịch"
    assert asking("What were the capital construction tasks set for November?") == ""
    assert "bao nhieu ho gia dinh" in normalize("How many households moved out?").folded


def test_words_the_reports_use_and_other_inflections_are_understood() -> None:
    """A word the reports themselves use that no Vietnamese syllable spells ("ketamine") is
    understood as it is; the glossary matches other inflections by their stems ("handed
    over"); "New Year" is a glossary term, not a name."""
    text, understood = translate("How much ketamine was seized?", {"ketamine", "gam"})
    assert "ketamine" in text.split() and understood == 1.0
    assert translate("How much ketamine was seized?")[1] < 1.0  # an index without the word
    text, _ = translate("When was the site fully handed over?")
    assert "bàn giao" in text
    text, understood = translate("How many tourists came during the New Year holiday?")
    assert "Tết Dương lịch" in text and "New Year" not in text and understood > 0.7


def test_an_english_question_names_the_place_not_the_month_before_it() -> None:
    """ "the December 2023 Lạng Sơn city report" names Lạng Sơn: the passage of that report
    about the arrest answers it without naming the city again."""
    from assistant.answerers.support import name_share

    q = normalize("In the December 2023 Lạng Sơn city report, how much ketamine was seized?")
    assert name_share(q, "Thành phố Lạng Sơn: thu 24,524 gam ketamine") == 1.0
    assert name_share(q, "Thành phố Sông Mai: thu 5,16 gam heroin") == 0.0


def test_a_day_as_of_is_a_running_total_date() -> None:
    """ "as of 15 January 2026" is the day a running total is counted to, as the reports
    write it ("đến ngày 15/01/2026"): the period asked, not a figure "15" to look for."""
    q = normalize("What was the public investment disbursement rate as of 15 January 2026?")
    assert "15" not in q.content and "giai" in q.content
    assert [(m.period.first, m.as_of) for m in q.periods] == [((2026, 1), True)]
    q = normalize("How much revenue had been collected by January 15, 2026?")
    assert [(m.period.first, m.as_of) for m in q.periods] == [((2026, 1), True)]


def test_an_english_change_asked_is_a_comparison() -> None:
    """ "Did … rise from September to October, and by how much?" asks for two months'
    figures and their difference, as "tăng bao nhiêu so với" does."""
    for question in (
        "Did the share of online applications rise from September to October, and by how much?",
        "How much did the disbursement rate improve between September and October?",
    ):
        assert normalize(question).intent == COMPARISON, question


def test_which_n_things_asked_in_english_are_names() -> None:
    """ "Which 37 communes …": the names of communes the unit only counts ("37 xã, phường đã
    được nghiệm thu") — the count the question gives is no noun of the list it asks."""
    unit = (
        "Đã hoàn thành số hóa dữ liệu đất đai của 67/124 xã, phường (trong đó, 37 xã, phường đã"
        " được nghiệm thu dữ liệu phục vụ vận hành, khai thác)."
    )
    chunk = Chunk("r:p1", "r", unit, unit, "I", "Chuyển đổi số", "paragraph")
    ctx = SimpleNamespace(store=SimpleNamespace(chunks={}))
    q = normalize("Which 37 communes and wards have had their land data accepted for operation?")
    assert counted_not_named(q, chunk, unit, ctx)  # type: ignore[arg-type]


def test_road_safety_and_bridge_words_are_the_reports(vanha_retriever, lamkhe_retriever) -> None:
    """ "black spot", "speed bumps", "lighting": "điểm đen", "gờ giảm tốc", "chiếu sáng";
    "how far along" asks the progress ("tiến độ") of a "bridge" ("cầu")."""
    a = answer(
        "What has been done at the black spot on the ĐT.412 road: are the speed bumps and the "
        "lighting in place?",
        vanha_retriever,
    )
    assert not a.insufficient and "gờ giảm tốc" in a.citations[0].quote, a.text
    a = answer("How far along is the Lam Giang 2 bridge?", lamkhe_retriever)
    assert not a.insufficient and "Cầu Lam Giang 2" in a.citations[0].quote, a.text


def test_translated_terms_read_apart() -> None:
    """ "public investment disbursement rate": "giải ngân vốn đầu tư công" then "tỷ lệ",
    never the "công ty" (a firm) their meeting words spell — the same terms as the question
    asked in Vietnamese."""
    from assistant.answerers.support import question_terms

    english = normalize("What was the public investment disbursement rate as of 15 January 2026?")
    vietnamese = normalize("Tỷ lệ giải ngân vốn đầu tư công đến ngày 15/01/2026 là bao nhiêu?")
    assert set(question_terms(english.content)) == set(question_terms(vietnamese.content))
    assert ";" not in english.tokens

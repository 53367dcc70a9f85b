"""The app with an LLM backend (a scripted OpenAI-compatible server on 127.0.0.1): answers
are generated, verified before anyone sees them, and an altered figure never gets through."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, running_app

sys.path.insert(0, str(ROOT / "tests" / "assistant"))
from fake_openai_server import FakeOpenAIServer, alter, first_figure

pytestmark = pytest.mark.slow


def faithful(body: dict) -> str:
    n, figure, _ = first_figure(body)
    return f"Theo báo cáo, số liệu là {figure} [{n}]."


def tampered(body: dict) -> str:
    n, figure, _ = first_figure(body)
    return f"Theo báo cáo, số liệu là {alter(figure)} [{n}]."


@pytest.fixture(params=["faithful", "tampered"])
def llm_app(request, sample_index, subprocess_env, tmp_path):
    reply = faithful if request.param == "faithful" else tampered
    with (
        FakeOpenAIServer(reply) as server,
        running_app(
            sample_index.path,
            subprocess_env,
            tmp_path,
            ASSISTANT_LLM_BACKEND="openai",
            ASSISTANT_LLM_BASE_URL=server.url,
            ASSISTANT_LLM_MODEL="fake",
        ) as app,
    ):
        yield request.param, app.url, server


def test_llm_answers_are_verified_in_the_app(llm_app) -> None:
    from gradio_client import Client

    kind, url, server = llm_app
    data = Client(url, verbose=False).predict(
        "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", api_name="/ask_json"
    )
    assert server.requests, "the model was asked"
    if kind == "faithful":
        assert data["mode"] == "llm" and data["verified"] is True
    else:
        assert data["mode"] == "extractive" and data["verified"] is False
        assert "không kiểm chứng được" in data["reason"]
        assert "386.808" in data["answer"]  # the extractive answer, figure as written

"""The app with an LLM backend (a scripted OpenAI-compatible server on 127.0.0.1): answers
are generated, verified before anyone sees them, and an altered figure never gets through."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest
from conftest import ROOT
from test_app import free_port, wait_until_serving

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
    index = tmp_path / "index"
    shutil.copytree(sample_index.path, index)
    port = free_port()
    log = tmp_path / "app.log"
    with FakeOpenAIServer(reply) as server:
        env = {
            **subprocess_env,
            "ASSISTANT_INDEX_DIR": str(index),
            "GRADIO_SERVER_PORT": str(port),
            "ASSISTANT_LLM_BACKEND": "openai",
            "ASSISTANT_LLM_BASE_URL": server.url,
            "ASSISTANT_LLM_MODEL": "fake",
        }
        with log.open("w") as out:
            proc = subprocess.Popen(
                [sys.executable, str(ROOT / "app.py")],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_until_serving(proc, url, log)
            yield request.param, url, server
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)


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

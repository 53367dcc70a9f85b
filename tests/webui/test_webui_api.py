"""The API through gradio_client, as a script would call it: whatever is sent in place of a
question (null, a number, nothing, a whole document) gets a clear answer in Vietnamese,
never a Python error; an upload leaves nothing behind in Gradio's temporary folder."""

from __future__ import annotations

import pytest
from webui_helpers import docx_report, running_app

pytestmark = pytest.mark.slow
LIMIT = 300  # ASSISTANT_MAX_QUESTION_CHARS for this app


@pytest.fixture(scope="module")
def app(sample_index, subprocess_env, tmp_path_factory):
    folder = tmp_path_factory.mktemp("api")
    with running_app(
        sample_index.path,
        subprocess_env,
        folder,
        ASSISTANT_MAX_QUESTION_CHARS=str(LIMIT),
        GRADIO_TEMP_DIR=str(folder / "gradio-tmp"),
    ) as running:
        running.temp = folder / "gradio-tmp"  # type: ignore[attr-defined]
        yield running


@pytest.fixture(scope="module")
def client(app):
    from gradio_client import Client

    return Client(app.url, verbose=False)


@pytest.mark.parametrize("sent", [None, 42, 3.5, "", "   \n"])
def test_what_is_not_a_question_is_explained(client, sent) -> None:
    data = client.predict(sent, api_name="/ask_json")
    assert data["insufficient"] is True and data["citations"] == []
    assert "câu hỏi dạng văn bản" in data["error"]
    assert "normalize" not in str(data)
    text = client.predict(sent, api_name="/ask")
    assert "câu hỏi dạng văn bản" in text


def test_a_question_too_long_names_the_limit_and_is_not_answered(client) -> None:
    question = "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu? " * 20
    data = client.predict(question, api_name="/ask_json")
    assert data["insufficient"] is True and data["citations"] == []
    assert f"{LIMIT} ký tự" in data["error"] and "ASSISTANT_MAX_QUESTION_CHARS" in data["error"]
    assert "timings_ms" not in data  # nothing retrieved, nothing embedded
    assert f"{LIMIT} ký tự" in client.predict(question, api_name="/ask")
    # within the limit it is a question like any other
    data = client.predict("Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", api_name="/ask_json")
    assert "error" not in data and "386.808" in data["answer"]


def test_an_upload_leaves_nothing_in_gradios_temporary_folder(app, client, tmp_path) -> None:
    from gradio_client import handle_file

    lines = client.predict([handle_file(docx_report(tmp_path))], api_name="/upload_reports")[0]
    assert "đã nạp" in lines
    assert (app.index / "uploads" / "bao-cao-thang-01-2026.docx").is_file()
    # Gradio's gr.File leaves an empty tmpXXXX file per file it hands over (its own leak)
    left = [p for p in app.temp.rglob("*") if p.is_file()]
    assert not any(p.name.endswith(".docx") for p in left), left

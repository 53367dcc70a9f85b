"""The Gradio app as a user starts it (`python app.py`), queried through gradio_client."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, running_app

from assistant.cite import Answer, Citation


def listening_addresses(port: int) -> set[str]:
    """Local addresses listening on `port`, from /proc/net/tcp{,6} (state 0A = LISTEN)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(addr)
    return found


@pytest.fixture(scope="module")
def app_url(sample_index, subprocess_env, tmp_path_factory):
    with running_app(sample_index.path, subprocess_env, tmp_path_factory.mktemp("app")) as app:
        yield app.url, int(app.url.rsplit(":", 1)[1].strip("/")), app.log


@pytest.mark.slow
def test_app_answers_through_gradio_client(app_url) -> None:
    from gradio_client import Client

    url, _, _ = app_url
    client = Client(url, verbose=False)
    text = client.predict(
        "Trong tháng 10/2025 thành phố Sông Mai đã cấp bao nhiêu giấy phép xây dựng?",
        api_name="/ask",
    )
    assert isinstance(text, str)
    assert "[1]" in text
    assert "41 giấy phép" in text

    data = client.predict(
        "thang 10/2025 xay ra bao nhieu vu tai nan giao thong", api_name="/ask_json"
    )
    assert isinstance(data, dict)
    assert data["insufficient"] is False
    assert "04 vụ" in data["answer"]
    assert data["citations"] and data["citations"][0]["report"] == "912/BC-UBND"
    assert {"retrieve", "answer"} <= set(data["timings_ms"])

    refused = client.predict("Giá vé máy bay đi Paris là bao nhiêu?", api_name="/ask_json")
    assert refused["insufficient"] is True and refused["citations"] == []


@pytest.mark.slow
def test_app_is_bound_to_loopback(app_url) -> None:
    _, port, log = app_url
    addresses = listening_addresses(port)
    if not addresses:
        pytest.skip("/proc/net/tcp not available")
    # 0100007F is 127.0.0.1; 00000000 would be 0.0.0.0 (every interface)
    assert addresses == {"0100007F"}, addresses
    assert f"127.0.0.1:{port}" in log.read_text(errors="replace")


@pytest.mark.slow
def test_app_page_lists_the_reports(app_url) -> None:
    url, _, _ = app_url
    with urllib.request.urlopen(url + "config", timeout=10) as r:
        config = r.read().decode("utf-8")
    for number in ("912/BC-UBND", "1015/BC-UBND", "1123/BC-UBND"):
        assert number in config


def load_app_module():
    """app.py is a script at the repository root, not part of the installed packages."""
    spec = importlib.util.spec_from_file_location("app_under_test", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_markdown_escapes_source_text() -> None:
    app = load_app_module()

    citation = Citation(
        n=1,
        chunk_id="r:v:p1",
        report="1/BC-UBND",
        date="01/01/2025",
        section="I.1 Kinh tế",
        footnote=None,
        file="bc_<b>x</b>.txt",
        text="<script>alert(1)</script> **đậm** [liên kết](http://x)",
        score=1.0,
    )
    md = app.to_markdown(Answer("q", "Trả lời [1]", False, (citation,)))
    assert "Trả lời [1]" in md  # citation markers stay readable
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\*\\*đậm\\*\\*" in md
    assert "\\[liên kết\\]\\(http://x\\)" in md


# ---- the harness keeps every test offline ----------------------------------------------


def test_outbound_connections_are_refused_in_process() -> None:
    from conftest import NetworkBlocked

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkBlocked):
        s.connect(("203.0.113.7", 443))  # TEST-NET-3, never routed
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.connect(server.getsockname())  # loopback stays allowed


def test_outbound_connections_are_refused_in_child_processes(subprocess_env) -> None:
    code = (
        "import socket\n"
        "s = socket.socket()\n"
        "try:\n"
        "    s.connect(('203.0.113.7', 443))\n"
        "except OSError as e:\n"
        "    print('blocked' if 'blocked' in str(e) else 'other', e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=subprocess_env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.startswith("blocked"), done.stdout + done.stderr


def test_index_dir_points_outside_the_repository() -> None:
    from assistant.settings import Settings

    index = Settings().index_dir.resolve()
    assert ROOT not in index.parents

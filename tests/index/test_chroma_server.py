"""A real Chroma server (`chroma run`) shared by several processes: the vectors, the report
documents and the manifest live on the server; each process keeps only derived caches in
its own (here: empty) local folder."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, free_port, run_cli, running_app

pytestmark = pytest.mark.slow

CHROMA = Path(sys.executable).parent / "chroma"


@dataclass
class Server:
    path: Path
    port: int
    log: Path
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("a") as out:
            self.proc = subprocess.Popen(
                [str(CHROMA), "run", "--path", str(self.path), "--port", str(self.port)],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=2).read()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"chroma did not start: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def manifest(self) -> dict:
        import chromadb

        client = chromadb.HttpClient(host="127.0.0.1", port=self.port)
        coll = client.get_or_create_collection("reports", embedding_function=None)
        got = coll.get(ids=["manifest"], include=["documents"])
        return json.loads(got["documents"][0]) if got["ids"] else {"reports": {}, "generation": 0}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    if not CHROMA.exists():
        pytest.skip("the chroma CLI (chromadb package) is not installed")
    srv = Server(tmp_path / "chroma-server", free_port(), tmp_path / "chroma.log")
    srv.start()
    try:
        yield srv
    finally:
        srv.kill()


def _env(subprocess_env: dict[str, str], folder: Path, server: Server) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    return {**subprocess_env, "ASSISTANT_INDEX_DIR": str(folder),
            "ASSISTANT_CHROMA_URL": server.url}  # fmt: skip


def test_a_second_app_answers_about_what_another_process_ingested(
    server: Server, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    from gradio_client import Client

    empty = tmp_path / "empty"
    empty.mkdir()
    no_samples = str(tmp_path / "no-samples")
    extra = {"ASSISTANT_CHROMA_URL": server.url, "ASSISTANT_SAMPLES_DIR": no_samples}
    with (
        running_app(empty, subprocess_env, tmp_path / "a", **extra) as a,
        running_app(empty, subprocess_env, tmp_path / "b", **extra) as b,
    ):
        sample = sorted(SAMPLES.glob("songmai-2025-10-*.txt"))[0]
        writer = run_cli(["ingest", sample], _env(subprocess_env, tmp_path / "writer", server))
        assert writer.returncode == 0 and "✓" in writer.stderr, writer.stderr
        question = "Trong tháng 10/2025 thành phố Sông Mai đã cấp bao nhiêu giấy phép xây dựng?"
        for app in (a, b):
            data = Client(app.url, verbose=False).predict(question, api_name="/ask_json")
            assert "41 giấy phép" in data["answer"], data
            assert "Traceback" not in app.log_text()
    # a CLI with an empty local folder and the same URL answers too
    fresh = _env(subprocess_env, tmp_path / "fresh", server)
    ans = run_cli(["ask", "--json", question], fresh)
    assert ans.returncode == 0 and "41 giấy phép" in json.loads(ans.stdout)["answer"], ans.stderr
    listed = json.loads(run_cli(["reports", "--json"], fresh).stdout)
    assert [r["source"] for r in listed] == [sample.name]


def test_a_server_killed_mid_ingest_leaves_nothing_half_written(
    server: Server, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(SAMPLES.glob("songmai-*.txt")):
        shutil.copy(f, folder / f.name)
    env = {**_env(subprocess_env, tmp_path / "local", server), "ASSISTANT_COMMIT_EVERY": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest", str(folder)],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not server.manifest()["reports"]:
        time.sleep(0.2)
    server.kill()  # the first report is committed; the second is being embedded or written
    _, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in err and "Chroma" in err, err
    server.start()
    committed = server.manifest()["reports"]
    assert committed, "the report committed before the kill is still there"
    again = run_cli(["ingest", folder], env)
    assert again.returncode == 0, again.stderr
    manifest = server.manifest()
    assert len(manifest["reports"]) == len(list(folder.iterdir()))
    import chromadb

    coll = chromadb.HttpClient(host="127.0.0.1", port=server.port).get_collection(
        "chunks", embedding_function=None
    )
    for rid, info in manifest["reports"].items():  # every committed report is whole
        got = coll.get(where={"report_id": rid}, include=[])
        versions = {cid.split(":")[1] for cid in got["ids"]}
        assert info["version"] in versions
        assert sum(cid.split(":")[1] == info["version"] for cid in got["ids"]) == info["chunks"]
    # and what the killed ingest left unfinished was swept or is not visible to readers
    ask = run_cli(["ask", "--json", "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?"], env)
    assert "386.808" in json.loads(ask.stdout)["answer"]

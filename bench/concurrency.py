"""Many users at once: start the app, run N chat sessions through gradio_client for a
while (each its own session, questions with a known figure), upload a report in the
middle, and report requests, errors, wrong answers and latency (p50/p95), overall and
while the upload was being ingested.

Usage: python bench/concurrency.py [--sessions 20] [--seconds 60] [--port 7990]
Only 127.0.0.1; the index is a temporary folder the app fills with the sample reports.
Exit status 1 when any request failed or any answer lacked its figure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (question, a figure its correct answer must contain)
QUESTIONS = [
    ("Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?", "386.808"),
    ("Lũy kế thu NSNN tháng 11/2025 đạt bao nhiêu?", "343.848"),
    ("Trong tháng 10/2025 thành phố Sông Mai đã cấp bao nhiêu giấy phép xây dựng?", "41 giấy phép"),
    ("thang 10/2025 xay ra bao nhieu vu tai nan giao thong", "04 vụ"),
]
UPLOADED = ("Tháng 01/2026 thành phố trồng mới bao nhiêu cây xanh?", "777 cây xanh")


@dataclass
class Sample:
    start: float
    seconds: float
    ok: bool
    right: bool


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    upload: tuple[float, float] | None = None
    upload_line: str = ""


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(index: Path, port: int, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "ASSISTANT_INDEX_DIR": str(index),
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "OMP_WAIT_POLICY": "PASSIVE",
        "ANONYMIZED_TELEMETRY": "False",
    }
    out = log.open("w")
    return subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_serving(proc: subprocess.Popen, url: str, log: Path, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"app exited:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"app did not start in {timeout:.0f}s:\n{log.read_text(errors='replace')}")


def docx_report(folder: Path) -> Path:
    import docx

    doc = docx.Document()
    for line in [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ SÔNG MAI",
        "Số: 77/BC-UBND",
        "TP. Sông Mai, ngày 20 tháng 1 năm 2026",
        "BÁO CÁO",
        "Tình hình phát triển kinh tế - xã hội tháng 01/2026",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "1. Quản lý đô thị",
        "Trong tháng 01/2026, thành phố đã trồng mới 777 cây xanh bóng mát trên các tuyến "
        "phố trung tâm, với tổng kinh phí 1.234 triệu đồng.",
    ]:
        doc.add_paragraph(line)
    path = folder / "bao-cao-thang-01-2026.docx"
    doc.save(path)
    return path


def session(url: str, run: Run, deadline: float, k: int) -> None:
    from gradio_client import Client

    client = Client(url, verbose=False, httpx_kwargs={"timeout": 120})
    i = k
    while time.monotonic() < deadline:
        question, figure = QUESTIONS[i % len(QUESTIONS)]
        i += 1
        t = time.monotonic()
        try:
            data = client.predict(question, api_name="/ask_json")
            ok, right = True, figure in data["answer"]
            if not right:
                with run.lock:
                    run.failures.append(f"sai: {question} → {data['answer'][:120]}")
        except Exception as e:  # every failure counts, whatever its type
            ok, right = False, False
            with run.lock:
                run.failures.append(f"lỗi: {question} → {type(e).__name__}: {e}")
        with run.lock:
            run.samples.append(Sample(t, time.monotonic() - t, ok, right))


def uploader(url: str, run: Run, at: float, folder: Path) -> None:
    from gradio_client import Client, handle_file

    time.sleep(max(0.0, at - time.monotonic()))
    client = Client(url, verbose=False, httpx_kwargs={"timeout": 300})
    t = time.monotonic()
    try:
        result = client.predict([handle_file(docx_report(folder))], api_name="/upload_reports")
        run.upload_line = re.sub(r"<[^>]+>", " ", str(result[0])).strip()
    except Exception as e:
        run.upload_line = f"lỗi tải lên: {type(e).__name__}: {e}"
    run.upload = (t, time.monotonic())


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def summary(name: str, samples: list[Sample], seconds: float) -> str:
    lat = [s.seconds * 1000 for s in samples if s.ok]
    errors = sum(not s.ok for s in samples)
    wrong = sum(s.ok and not s.right for s in samples)
    if not lat:
        return f"{name}: {len(samples)} yêu cầu, {errors} lỗi"
    return (
        f"{name}: {len(samples)} yêu cầu ({len(samples) / seconds:.1f}/s), {errors} lỗi, "
        f"{wrong} sai số liệu; độ trễ p50 {statistics.median(lat):.0f} ms, "
        f"p95 {pct(lat, 95):.0f} ms, tối đa {max(lat):.0f} ms"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="giữ thư mục tạm (chỉ mục, nhật ký)")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-concurrency-"))
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}/"
    log = folder / "app.log"
    proc = start_app(folder / "index", port, log)
    try:
        t0 = time.monotonic()
        wait_serving(proc, url, log)
        print(f"Ứng dụng sẵn sàng sau {time.monotonic() - t0:.1f}s ở {url}", flush=True)
        run = Run()
        start = time.monotonic()
        deadline = start + args.seconds
        threads = [
            threading.Thread(target=session, args=(url, run, deadline, k), daemon=True)
            for k in range(args.sessions)
        ]
        threads.append(
            threading.Thread(
                target=uploader, args=(url, run, start + args.seconds / 2, folder), daemon=True
            )
        )
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.seconds + 300)
        elapsed = time.monotonic() - start
        print(f"{args.sessions} phiên hỏi đáp đồng thời trong {elapsed:.0f}s, 127.0.0.1")
        print(summary("Toàn bộ", run.samples, elapsed))
        if run.upload:
            a, b = run.upload
            during = [s for s in run.samples if a <= s.start + s.seconds and s.start <= b]
            before = [s for s in run.samples if s.start + s.seconds < a]
            print(f"Tải lên 1 báo cáo .docx giữa chừng: {b - a:.1f}s — {run.upload_line}")
            print(summary("  Trong lúc tải lên", during, b - a))
            print(summary("  Trước khi tải lên", before, a - start))
        from gradio_client import Client

        after = Client(url, verbose=False).predict(UPLOADED[0], api_name="/ask_json")["answer"]
        found = UPLOADED[1] in after
        print(f"Sau khi tải lên, hỏi về báo cáo mới: {'đúng' if found else 'SAI'} — {after[:100]}")
        for f in run.failures[:5]:
            print("  !", f)
        bad = any(not s.ok or not s.right for s in run.samples) or not found
        return 1 if bad else 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"Thư mục tạm: {folder}")


if __name__ == "__main__":
    sys.exit(main())

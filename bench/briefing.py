"""Time to build the leader's briefing (assistant/briefing) of the last month of a series of
12 monthly reports of one city. The months are made from the four Sông Mai samples: each
gets its own number, date, period and figures scaled month by month, so the registry holds
12 different reports of one series. Embedding uses a hashing embedder (bench/synth.py): the
briefing reads the registry and the stored reports, never the vectors.

Usage: python bench/briefing.py [--index DIR] [--months 12] [--rounds 5]
The issue asks ≤ 1 s for 12 reports on this machine (a bench, not a timed test).
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from common import ROOT
from synth import SynthEmbedder

SAMPLES = sorted((ROOT / "samples").glob("songmai-*.txt"))
FIRST = (2025, 2)  # the first synthetic month


def _month(i: int) -> tuple[int, int]:
    y, m = FIRST
    k = (y * 12 + m - 1) + i
    return k // 12, k % 12 + 1


def _scaled(m: re.Match[str], factor: float) -> str:
    """A count or an amount before its unit, scaled and written the reports' way."""
    raw = m.group(1)
    value = int(raw.replace(".", ""))
    return f"{round(value * factor):,}".replace(",", ".") if value >= 10 else raw


_FIGURE = re.compile(
    r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d{2,4})(?![\d/.,]\d)(?=\s(?:triệu|tỷ|vụ|lượt|hộ|giấy|công"
    r"|quyết định|học sinh|suất|hồ sơ|đơn))"
)


def month_text(i: int) -> str:
    """Month i of the series, from the sample it cycles through."""
    text = SAMPLES[i % len(SAMPLES)].read_text("utf-8")
    y, m = _month(i)
    ny, nm = _month(i + 1)
    text = re.sub(r"Số: \d+/BC-UBND", f"Số: {200 + i}/BC-UBND", text, count=1)
    text = re.sub(
        r"TP\. Sông Mai, ngày \d+ tháng \d+ năm \d{4}",
        f"TP. Sông Mai, ngày 15 tháng {m:02d} năm {y}",
        text,
        count=1,
    )
    text = re.sub(
        r"tháng \d{2}/\d{4}, nhiệm vụ công tác\s+tháng \d{2}/\d{4}",
        f"tháng {m:02d}/{y}, nhiệm vụ công tác tháng {nm:02d}/{ny}",
        text,
        count=1,
    )
    text = re.sub(r"CÔNG TÁC THÁNG \d{2}/\d{4}", f"CÔNG TÁC THÁNG {nm:02d}/{ny}", text)
    factor = 1.0 + 0.04 * ((i * 7) % 11 - 5)  # up some months, down others
    return _FIGURE.sub(lambda x: _scaled(x, factor), text)


def build(index: Path, months: int) -> object:
    from index.ingest import ingest_paths
    from index.store import Store

    store = Store(index, SynthEmbedder())
    if len(store.reports()) < months:
        folder = Path(tempfile.mkdtemp(prefix="ban-tin-"))
        paths = []
        for i in range(months):
            y, m = _month(i)
            path = folder / f"songmai-{y}-{m:02d}.txt"
            path.write_text(month_text(i), encoding="utf-8")
            paths.append(path)
        failed = [r for r in ingest_paths(store, paths, 10**8) if not r.ok]
        if failed:
            raise SystemExit(f"không nạp được: {failed}")
    return store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, help="thư mục chỉ mục (mặc định: tạm)")
    ap.add_argument("--months", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from assistant.briefing import build_briefing
    from index.store import Store

    index = args.index or Path(tempfile.mkdtemp(prefix="bench-ban-tin-")) / "index"
    t = time.perf_counter()
    build(index, args.months)
    print(f"{args.months} báo cáo tháng đã nạp ({time.perf_counter() - t:.1f} s)")
    y, m = _month(args.months - 1)
    period = f"{m:02d}/{y}"
    store = Store(index, SynthEmbedder())  # a fresh process's view: nothing cached yet
    t = time.perf_counter()
    b = build_briefing(store, period)
    cold = time.perf_counter() - t
    warm = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        build_briefing(store, period)
        warm.append(time.perf_counter() - t)
    kinds = {s: len(b.section(s)) for s in ("Số liệu chính", "Dự án", "Nhiệm vụ", "Cần chú ý")}
    print(f"bản tin {period} (so với {b.previous}), chuỗi {args.months} báo cáo: {kinds}")
    median = statistics.median(warm) * 1000
    print(f"lần đầu: {cold * 1000:.0f} ms; các lần sau: trung vị {median:.0f} ms")


if __name__ == "__main__":
    main()

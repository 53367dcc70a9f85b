"""Series as the registry gives them (index/registry/): which stored figures hold a
measure (index/measure_keys.py), and which of them make one series: one issuer's, one
unit, one wording of the measure, one figure per report, oldest period first."""

from __future__ import annotations

import sqlite3

from index.measure_keys import measure_score, measure_words
from index.record_keys import issuer_key

# (match score, figure row with its report's period_end, date and issuer)
Scored = tuple[float, sqlite3.Row]


def score_figures(want: list[str], rows: list[sqlite3.Row], unit: str | None) -> list[Scored]:
    """The rows (in `unit`, when given) whose measure is the one `want` names."""
    out = []
    for r in rows:
        if unit and r["unit"] != unit:
            continue
        score = measure_score(want, r["measure"], r["unit"])
        if score is not None:
            out.append((score, r))
    return out


def best_recent(scored: Scored) -> tuple:
    """Best match first, then the most recent report, then the first in its report."""
    score, r = scored
    return score, r["period_end"] or "", r["date"] or "", -r["seq"]


def choose_series(scored: list[Scored], issuer: str | None, all_issuers: bool) -> list[sqlite3.Row]:
    """The series among matching figures: the issuer `issuer` names (words of its name),
    else the best and most recent match's unless `all_issuers`; in that match's unit and
    wording (every value must match it too); the best figure of each report; oldest
    period first."""
    if issuer:
        want = f" {issuer_key(issuer)} "
        scored = [x for x in scored if want in f" {issuer_key(x[1]['issuer'])} "]
    if not scored:
        return []
    _, anchor = max(scored, key=best_recent)
    if not issuer and not all_issuers:
        mine = issuer_key(anchor["issuer"])
        scored = [x for x in scored if issuer_key(x[1]["issuer"]) == mine]
    same = measure_words(anchor["measure"])
    per_report: dict[str, Scored] = {}
    for score, r in scored:
        if r["unit"] != anchor["unit"] or measure_score(same, r["measure"], r["unit"]) is None:
            continue
        held = per_report.get(r["report_id"])
        if held is None or (score, -r["seq"]) > (held[0], -held[1]["seq"]):
            per_report[r["report_id"]] = (score, r)
    return sorted((r for _, r in per_report.values()), key=lambda r: (r["period_end"], r["date"]))


def rank_issuers(scored: list[Scored]) -> list[str]:
    """The issuers with matching figures, as written, best and most recent match first."""
    best: dict[str, tuple[tuple, str]] = {}
    for x in scored:
        rank, name = best_recent(x), x[1]["issuer"]
        if issuer_key(name) not in best or rank > best[issuer_key(name)][0]:
            best[issuer_key(name)] = (rank, name)
    return [name for _, name in sorted(best.values(), key=lambda x: x[0], reverse=True)]

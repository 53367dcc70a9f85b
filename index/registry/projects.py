"""Projects as the registry lists them (index/registry/): mentions joined into one row
per project of one issuer (index/record_keys.py), the stage its latest report gives, the
names it was joined from, and which project a search names."""

from __future__ import annotations

import difflib
import json
import sqlite3
from dataclasses import dataclass

from index.record_keys import home_places, issuer_key, project_key
from index.records import Amount, Project, match_key, report_stage


@dataclass(frozen=True)
class ProjectName:
    """A name a project goes by, as written, in one report."""

    name: str
    report_id: str
    report: str  # that report's number
    period: str
    mentions: int


@dataclass(frozen=True)
class ProjectRow:
    key: str
    name: str
    stage: str  # in its latest report
    report_id: str  # that report
    period: str
    reports: int  # how many reports mention it
    issuer: str = ""  # the body whose reports mention it (projects never join across bodies)
    names: tuple[ProjectName, ...] = ()  # every spelling joined into this row, newest first
    keys: tuple[str, ...] = ()  # the matching keys joined into this row

    @property
    def merged(self) -> bool:
        """Whether the row joins mentions written more than one way (see `names`)."""
        return len({" ".join(n.name.split()) for n in self.names}) > 1


def node(mention: sqlite3.Row, groups: dict[tuple[str, str], str]) -> tuple[str, str]:
    """(issuer key, project key) of the project a mention belongs to."""
    ik = issuer_key(mention["report_issuer"])
    return ik, groups[(ik, mention["key"])]


def find_projects(
    search: str, mentions: list[sqlite3.Row], groups: dict[tuple[str, str], str]
) -> set[tuple[str, str]]:
    """The projects `search` names: the one whose name it is, else every project with a
    key holding its words (see `_matching_keys`)."""
    issuers = {issuer_key(m["report_issuer"]): m["report_issuer"] for m in mentions}
    exact = {
        (ik, groups[(ik, key)])
        for ik, issuer in issuers.items()
        if (ik, key := project_key(search, home_places(issuer))) in groups
    }
    if exact:
        return exact
    want = _project_words(search)
    keys = set(_matching_keys(want, list({m["key"] for m in mentions}))) if want else set()
    return {(ik, canonical) for (ik, key), canonical in groups.items() if key in keys}


def project_row(key: str, mentions: list[sqlite3.Row]) -> ProjectRow:
    """One project from its mentions, newest report first: the stage its latest report
    gives, the name it has in full there, and every name it was joined from."""
    latest = mentions[0]
    mine = [project(m) for m in mentions if m["report_id"] == latest["report_id"]]
    full = [m for m in mentions if m["key"] == key] or mentions
    counts: dict[tuple[str, str], list[sqlite3.Row]] = {}
    for m in mentions:
        counts.setdefault((m["name"], m["report_id"]), []).append(m)
    names = tuple(
        ProjectName(name, rid, ms[0]["report_number"], ms[0]["report_period"], len(ms))
        for (name, rid), ms in counts.items()
    )
    return ProjectRow(
        key=key,
        name=full[0]["name"],
        stage=report_stage(mine),
        report_id=latest["report_id"],
        period=latest["report_period"],
        reports=len({m["report_id"] for m in mentions}),
        issuer=latest["report_issuer"],
        names=names,
        keys=tuple(dict.fromkeys(m["key"] for m in mentions)),
    )


def _project_words(search: str) -> list[str]:
    words = match_key(search).split()
    while words[:2] in (["du", "an"], ["cong", "trinh"]):
        words = words[2:]
    return words


def _matching_keys(want: list[str], keys: list[str]) -> list[str]:
    """Keys holding the words as a phrase; else all the words; else the closest spelling."""
    phrase = f" {' '.join(want)} "
    exact = [k for k in keys if phrase in f" {k} "]
    if exact:
        return exact
    subset = [k for k in keys if set(want) <= set(k.split())]
    if subset:
        return subset
    n = len(want)

    def closeness(key: str) -> float:
        words = key.split()
        windows = [" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))]
        return max(difflib.SequenceMatcher(None, " ".join(want), w).ratio() for w in windows)

    return [k for k in keys if closeness(k) >= 0.85]


def project(r: sqlite3.Row) -> Project:
    """A mention as stored back into a Project."""
    fields = {k: r[k] for k in Project.__dataclass_fields__ if k != "amounts"}
    fields["planned"] = bool(fields["planned"])
    amounts = tuple(Amount(**a) for a in json.loads(r["amounts"] or "[]"))
    return Project(**fields, amounts=amounts)

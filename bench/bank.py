"""The question bank (tests/data/questions/): loading, the fixed tune/held-out split, asking
a question the way a user would (follow-ups after their history), and judging the answer.

Scoring (as shared/eval/README.md, plus what the bank adds):
- evidence: some citation's text holds ≥ evidence_min of the evidence strings;
- figures ("must"): the answer holds every must string — a number may be written in another
  format (397.497 ≡ 397497), since computed differences are written by the writer;
- false refusal: an answerable question answered 'insufficient';
- abstention: an unanswerable question answered 'insufficient';
- wrong: answered, but neither citing the asked-for passage nor stating the fact, or an
  unanswerable question answered anyway;
- mixed rows: an answer line quoting table cells that no single row of its cited tables holds.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "tests" / "data" / "questions"
# Reports the team wrote for the bank alone (not the demo's samples), one folder a province:
# Hà Lam (other bodies, other periods — a quarter, half a year, a school year — Word tables)
# Vân Hà (text saved from Word, typed footnotes, a generated PDF, two months of a commune) and
# Tây Lĩnh (a legacy .doc, a scanned signed PDF read by OCR, a PDF saved from Word with a
# landscape appendix, Word footnotes, a task table grouped by body) and Lam Khê (a phone photo
# of a flash report, a police report with Word footnotes, a project table across pages of a
# PDF, two quarters of a ward) and Sơn Nguyên (three months of a commune, one a signed scan;
# a disbursement table of two header levels; an inspectorate's and a culture department's) and
# Trà Giang (two months of a commune, a flood's damage table across a PDF's pages, a school
# year, a health month, a ward's land clearance as a signed scan) and Ngân Khê (two months of a
# ward in A/B/C parts, a province's quarter with an appendix table across a PDF's pages, a
# disbursement table by investor, a police month, a commune's housing programme as a scan) and
# Bích Sơn (two months of a commune, a province's year with next year's plan and an appendix
# across a PDF's pages, an inspectorate's 11 months, a culture department's month, a
# commune's flood damage as a scan) and Quế Dương (two months of a ward, industry and trade
# with a product table across a PDF's pages, industrial zones and poor households in tables
# of two header levels, a commune's land clearance as a scan) and Hải Minh (a coastal ward's
# quarter, a fishing commune's month, tourism with a market table across a PDF's pages, the
# fight against illegal fishing with a fleet table, key projects, a commune's storm damage as
# a scan).
OWN = {
    place: ROOT / "tests" / "data" / "reports" / place
    for place in (
        "halam",
        "vanha",
        "tayling",
        "lamkhe",
        "sonnguyen",
        "tragiang",
        "ngankhe",
        "bichson",
        "queduong",
        "donglam",
        "haiminh",
    )
}
# The programs an own corpus needs to be read at all (a .doc, a scan): without them its
# questions are skipped, not failed.
OWN_TOOLS = {
    "tayling": ("antiword", "tesseract"),
    "lamkhe": ("tesseract",),
    "sonnguyen": ("tesseract",),
    "tragiang": ("tesseract",),
    "ngankhe": ("tesseract",),
    "bichson": ("tesseract",),
    "queduong": ("tesseract",),
    "donglam": ("tesseract",),
    "haiminh": ("tesseract",),
}
_PACKAGES = {"tesseract": "tesseract-ocr tesseract-ocr-vie"}


def missing_tools(corpus: str) -> str:
    """What to install for a corpus this machine cannot read ("" when nothing is missing)."""
    missing = [t for t in OWN_TOOLS.get(corpus, ()) if shutil.which(t) is None]
    if not missing:
        return ""
    return f"apt-get install {' '.join(_PACKAGES.get(t, t) for t in missing)}"


# Each bank of questions and the corpus it was written over: the sample reports it names,
# or the shared reports. Each writer has their own files (…2: the second, …3: the third, …4:
# the fourth pair, …5: the fifth, …6: the sixth, …7: the seventh, …8: the eighth, …9: the ninth,
# …10: the tenth, …11: the eleventh, …12: the twelfth).
BANKS = {
    "samples": "samples",
    "shared": "shared",
    "samples2": "samples",
    "shared2": "shared",
    "samples3": "samples",
    "shared3": "shared",
    "samples4": "samples",
    "shared4": "shared",
    "samples5": "samples",
    "shared5": "shared",
    "samples6": "samples",
    "shared6": "shared",
    "samples7": "samples",
    "shared7": "shared",
    "samples8": "samples",
    "shared8": "shared",
    "samples9": "samples",
    "shared9": "shared",
    "samples10": "samples",
    "shared10": "shared",
    "samples11": "samples",
    "shared11": "shared",
    "samples12": "samples",
    "shared12": "shared",
    "samples13": "samples",
    "shared13": "shared",
    "halam": "halam",
    "halam2": "halam",
    "vanha": "vanha",
    "vanha2": "vanha",
    "tayling": "tayling",
    "tayling2": "tayling",
    "lamkhe": "lamkhe",
    "lamkhe2": "lamkhe",
    "sonnguyen": "sonnguyen",
    "sonnguyen2": "sonnguyen",
    "tragiang": "tragiang",
    "tragiang2": "tragiang",
    "ngankhe": "ngankhe",
    "ngankhe2": "ngankhe",
    "bichson": "bichson",
    "bichson2": "bichson",
    "queduong": "queduong",
    "queduong2": "queduong",
    "donglam": "donglam",
    "donglam2": "donglam",
    "haiminh": "haiminh",
    "haiminh2": "haiminh",
}


def norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


def half(qid: str) -> str:
    """The fixed split: by a hash of the id, never by what the assistant answers."""
    return "heldout" if int(hashlib.sha256(qid.encode()).hexdigest(), 16) % 2 else "tune"


def load(name: str) -> list[dict]:
    path = BANK / f"{name}.jsonl"
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def _numbers(text: str) -> set[str]:
    from index import vn

    return {vn.number_key(n) for n in vn.numbers(text)}


def must_hit(m: str, answer: str) -> bool:
    if norm(m) in norm(answer):
        return True
    from index import vn

    if re.fullmatch(r"[\d.,]+%?", m.strip()):
        return vn.number_key(m.strip()) in _numbers(answer.replace("−", " "))
    return False


def mixed_rows(answer: str, citations: list[str]) -> bool:
    """A line quoting 'Header: value' cells that no single row of the cited tables holds."""

    def cells_of(text: str) -> list[str]:
        """A cited row's 'Header: value' cells; a cell's own "; " ("Đã hoàn thành. …; xử
        phạt 04 trường hợp") does not open a cell."""
        out: list[str] = []
        for part in (p.strip() for p in text.split("; ")):
            if out and ": " not in part:
                out[-1] += "; " + part
            else:
                out.append(part)
        return out

    def table_row(line: str) -> list[str]:
        parts = cells_of(line)
        return parts if len(parts) >= 2 and all(": " in p for p in parts) else []

    rows = [r for text in citations for line in text.split("\n") if (r := table_row(line))]
    if not rows:
        return False
    for line in answer.split("\n"):
        if "(chú thích " in line:
            continue  # a footnote's list ("Thôn Khe Cát: 02 hộ; thôn Bàu Sen: 01 hộ"), no row
        bare = re.sub(r"\s*\[\d+\]", "", line).strip(" -")
        bare = re.sub(r"^(?:Thứ nhất|Thứ hai|[Tt]háng [\d/]+|[Qq]uý [IV]+/\d+): ", "", bare)
        # (strictly: a clause of prose between its "Header: value" cells makes it prose)
        cells = [c.strip() for c in re.split(r"; | … ", bare)]
        headers = [c.partition(": ")[0] for c in cells]
        if len(cells) < 2 or not all(
            ": " in c and len(h) <= 60 for c, h in zip(cells, headers, strict=True)
        ):
            continue  # not quoted table cells
        if not any(all(any(c in cell for cell in row) for c in cells) for row in rows):
            return True
    return False


def judge(q: dict, answer: str, citations: list[str], insufficient: bool) -> dict:
    texts = [norm(t) for t in citations]
    need = q.get("evidence_min", 1) or 1
    found = [e for e in q["evidence"] if any(norm(e) in t for t in texts)]
    evidence = bool(q["evidence"]) and len(found) >= need and not insufficient
    # a section or summary asked with no figure to state: its points cited are the fact
    must = (all(must_hit(m, answer) for m in q["must"]) if q["must"] else evidence) and (
        not insufficient
    )
    # answerable: answered, citing neither the passage nor stating the fact; else answered
    wrong = not insufficient and (not (evidence or must) if q["answerable"] else True)
    return {
        "id": q["id"],
        "q": q,
        "evidence": evidence,
        "must": must,
        "insufficient": insufficient,
        "wrong": wrong,
        "mixed": mixed_rows(answer, citations) if not insufficient else False,
    }


def ask(q: dict, assistant, retriever) -> tuple[str, list[str], bool, dict]:
    """Answer `q` as a user would: its history first, each follow-up resolved from the turns
    before it (no LLM: the dialogue's own rules)."""
    from assistant.dialogue import Turn, resolve

    turns: list[Turn] = []
    for prev in q.get("history", []):
        resolved = resolve(prev, turns)
        a = assistant(resolved, retriever)
        turns.append(Turn(prev, resolved, a.text))
    resolved = resolve(q["question"], turns)
    a = assistant(resolved, retriever)
    return (
        a.text,
        [c.text for c in a.citations],
        a.insufficient,
        {"resolved": resolved, "answer": a},
    )


def score(rows: list[dict]) -> dict[str, float]:
    ans = [r for r in rows if r["q"]["answerable"]]
    una = [r for r in rows if not r["q"]["answerable"]]
    n = max(1, len(rows))
    return {
        "evidence": sum(r["evidence"] for r in ans) / max(1, len(ans)),
        "figures": sum(r["must"] for r in ans) / max(1, len(ans)),
        "false_refusal": sum(r["insufficient"] for r in ans) / max(1, len(ans)),
        "abstention": sum(r["insufficient"] for r in una) / max(1, len(una)) if una else 1.0,
        "wrong": sum(r["wrong"] for r in rows) / n,
        "mixed": sum(r["mixed"] for r in rows),
        "n": len(rows),
        "n_answerable": len(ans),
        "n_unanswerable": len(una),
    }


def groups(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows by question type, by style, and the unanswerable ones together."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        q = r["q"]
        out["type:" + q["type"]].append(r)
        for s in q.get("style", []):
            out["style:" + s].append(r)
        if not q["answerable"]:
            out["unanswerable"].append(r)
    return dict(sorted(out.items()))

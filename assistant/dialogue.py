"""Follow-up questions: "còn tháng 11 thì sao?", "dự án đó đang ở giai đoạn nào?",
"liệt kê chi tiết hơn" are rewritten into standalone questions from the previous turn.

Without an LLM the rewrite carries over what the follow-up leaves out — the previous
question's topic, period and the thing it named; with one, a prompt does it (generate.py).
Sessions of the CLI (`ask --session ID`) are small JSON files beside the index.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.query import MONTH_RE, QUARTER_RE, topic_syllables
from index import vn

# "dự án đó", "công trình này", "quyết định trên", "số liệu đó" …
ANAPHORA_RE = re.compile(
    r"\b(dự án|công trình|quyết định|kế hoạch|văn bản|nhiệm vụ|số liệu|chỉ tiêu|vụ việc|"
    r"hội nghị|chương trình|đề án)\s+(đó|này|trên|ấy|kia|nói trên)\b",
    re.IGNORECASE,
)
NAMED_RE = re.compile(
    r"\b(dự án|công trình|quyết định|kế hoạch|văn bản|đề án|chương trình)\s+"
    r"((?:số\s+)?[\w/.\-–]*[A-ZĐ0-9][^,;:?.!()]{2,80})"
)
MORE_RE = re.compile(
    r"\b(chi tiết hơn|cụ thể hơn|liệt kê|thêm nữa|nói rõ hơn|chi tiet hon|liet ke)\b", re.I
)
PERIOD_TEXT_RE = re.compile(
    r"\b(?:tháng|thang)\s+\d{1,2}(?:\s*/\s*\d{4})?|\b(?:quý|quy)\s+(?:I{1,3}|IV|\d)\s*/\s*\d{4}",
    re.I,
)
FILLER_RE = re.compile(
    r"\b(còn|con|thì sao|thi sao|thế nào|the nao|ra sao|vậy|vay|nhé|nhe|thì|thi)\b", re.I
)


@dataclass(frozen=True)
class Turn:
    question: str  # as typed
    resolved: str  # the standalone question that was answered
    answer: str = ""


def _period_text(question: str) -> str:
    m = PERIOD_TEXT_RE.search(question)
    return m.group(0) if m else ""


NAME_END_RE = re.compile(
    r"\s+(?:còn|đã|đang|được|có|là|với|đạt|bao|tại|trong|thì|sẽ|bị|vào|như|nào|gì|chưa|"
    r"không|hiện|tháng|năm|quý)\b.*$",
    re.IGNORECASE,
)


def _named(text: str) -> str:
    """The last named project/decision in a text: 'dự án Kè bờ sông Mai' — the name stops
    where the sentence goes on ('… còn bao nhiêu hộ')."""
    found = list(NAMED_RE.finditer(vn.strip_markers(text)))
    if not found:
        return ""
    name = NAME_END_RE.sub("", found[-1].group(2).strip())
    return f"{found[-1].group(1)} {name}"


def resolve(question: str, history: list[Turn]) -> str:
    """The standalone form of `question` given the previous turns (no LLM)."""
    question = re.sub(r"\s+", " ", vn.nfc(question)).strip()
    if not history:
        return question
    prev = history[-1]
    accented = vn.has_diacritics(question)
    own_topic = topic_syllables(FILLER_RE.sub(" ", question), accented)
    resolved = question
    anaphora = ANAPHORA_RE.search(question)
    if anaphora:
        named = _named(prev.resolved) or _named(prev.answer)
        if named:
            resolved = question[: anaphora.start()] + named + question[anaphora.end() :]
    elif MORE_RE.search(question) and len(own_topic) <= 3:
        resolved = f"{prev.resolved.rstrip(' ?')} — liệt kê chi tiết"
    elif len(own_topic) <= 1 and _period_text(question):
        # "còn tháng 11 thì sao?": the previous question, for the new period
        new_period = _period_text(question)
        old = _period_text(prev.resolved)
        year = re.search(r"/\s*(\d{4})", old)
        if year and "/" not in new_period:
            new_period = f"{new_period}/{year.group(1)}"  # "tháng 11" after "tháng 12/2025"
        base = prev.resolved.replace(old, new_period) if old else f"{prev.resolved} {new_period}"
        resolved = base
    if not _period_text(resolved) and _period_text(prev.resolved):
        folded = vn.fold(resolved)
        if not (MONTH_RE.search(folded) or QUARTER_RE.search(folded)):
            resolved = f"{resolved.rstrip(' ?')} ({_period_text(prev.resolved)})?"
    return resolved


def load_session(folder: Path, session: str) -> list[Turn]:
    path = _session_path(folder, session)
    if not path.exists():
        return []
    try:
        return [Turn(**t) for t in json.loads(path.read_text("utf-8"))]
    except (ValueError, TypeError):
        return []  # a damaged session starts afresh rather than failing the question


def save_session(folder: Path, session: str, turns: list[Turn], keep: int = 20) -> None:
    path = _session_path(folder, session)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".session.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump([asdict(t) for t in turns[-keep:]], f, ensure_ascii=False)
    os.replace(tmp, path)


def _session_path(folder: Path, session: str) -> Path:
    safe = re.sub(r"[^\w.-]", "_", session)[:80] or "default"
    return folder / "sessions" / f"{safe}.json"

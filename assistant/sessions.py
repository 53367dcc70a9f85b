"""Chat sessions of the CLI (`ask --session ID`): the turns of a conversation as a small
JSON file beside the index, written atomically, so a follow-up in the next command is read
against the turns before it (assistant/dialogue.py)."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path

from assistant.dialogue import Turn


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

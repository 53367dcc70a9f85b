"""Imports flow one way: app.py → assistant → index."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".", 1)[0] for m in modules}


INDEX_FILES = sorted((ROOT / "index").glob("*.py"))
ASSISTANT_FILES = sorted((ROOT / "assistant").glob("*.py"))


def test_there_is_something_to_check() -> None:
    names = {p.name for p in INDEX_FILES}
    assert {"vn.py", "structure.py", "chunk.py", "store.py", "ingest.py"} <= names
    assert {"answer.py", "retrieve.py", "cli.py"} <= {p.name for p in ASSISTANT_FILES}


@pytest.mark.parametrize("path", INDEX_FILES, ids=lambda p: p.name)
def test_index_does_not_import_assistant_or_app(path: Path) -> None:
    assert not top_level(imported_modules(path)) & {"assistant", "app"}


@pytest.mark.parametrize("path", ASSISTANT_FILES, ids=lambda p: p.name)
def test_assistant_does_not_import_app(path: Path) -> None:
    assert "app" not in top_level(imported_modules(path))


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from assistant.answer import answer\n    import app\n")
    assert top_level(imported_modules(sample)) == {"assistant", "app"}

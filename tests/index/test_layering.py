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


INDEX_FILES = sorted((ROOT / "index").rglob("*.py"))
ASSISTANT_FILES = sorted((ROOT / "assistant").rglob("*.py"))
WEBUI_FILES = sorted((ROOT / "assistant" / "webui").rglob("*.py"))
OTHER_FILES = [ROOT / "app.py", *sorted((ROOT / "bench").rglob("*.py"))]
OURS = {"index", "assistant", "app", "bench"}


def test_there_is_something_to_check() -> None:
    names = {p.relative_to(ROOT / "index").as_posix() for p in INDEX_FILES}
    assert {"vn/__init__.py", "structure.py", "chunk.py", "store.py", "ingest.py"} <= names
    assert "periods/__init__.py" in names
    assert {"query.py", "route.py", "extract.py", "retrieve.py", "cli.py"} <= {
        p.name for p in ASSISTANT_FILES
    }


def test_one_question_pipeline() -> None:
    """query → route → answerers → cite: the answerers never import the router, the
    records library never imports an answerer (the old answer ↔ records cycle), and the
    question is parsed in one place."""
    answerers = sorted((ROOT / "assistant" / "answerers").rglob("*.py"))
    assert {p.stem for p in answerers} >= {
        "summary", "section", "compare", "extract", "llm", "verify"
    }  # fmt: skip
    # the records answers, one module per kind, under the router like the others
    records = sorted((ROOT / "assistant" / "answerers" / "records").glob("*.py"))
    assert {p.stem for p in records} >= {"documents", "projects", "tasks", "figures"}
    assert not (ROOT / "assistant" / "records.py").exists()
    for path in answerers:
        assert "assistant.route" not in imported_modules(path), path.name
    for path in records:  # the records answers never reach into the passage answerers
        mods = imported_modules(path)
        assert not {m for m in mods if m.startswith("assistant.answerers.") and ".records" not in m}


def test_one_period_parser() -> None:
    """Periods are parsed by index/periods/ only: the seven parsers it replaced are gone."""
    import assistant.answerers.records
    import assistant.dialogue
    import assistant.retrieve
    import index.registry

    assert not hasattr(index.registry, "parse_period") and not hasattr(
        index.registry, "period_bounds"
    )
    assert not hasattr(assistant.retrieve, "_period_match")
    assert not hasattr(assistant.dialogue, "PERIOD_TEXT_RE")
    assert not hasattr(assistant.answerers.records, "_question_period")
    for path in [*INDEX_FILES, *ASSISTANT_FILES]:
        if ROOT / "index" / "periods" not in path.parents:
            assert "QUARTER_RE" not in path.read_text("utf-8"), path


@pytest.mark.parametrize("path", INDEX_FILES, ids=lambda p: p.name)
def test_index_does_not_import_assistant_or_app(path: Path) -> None:
    assert not top_level(imported_modules(path)) & {"assistant", "app"}


@pytest.mark.parametrize("path", ASSISTANT_FILES, ids=lambda p: p.name)
def test_assistant_does_not_import_app(path: Path) -> None:
    assert "app" not in top_level(imported_modules(path))


def _is_module(dotted: str) -> bool:
    path = ROOT / dotted.replace(".", "/")
    return path.is_dir() or path.with_suffix(".py").is_file()


def our_imports(source: str) -> set[str]:
    """The modules of ours a source imports, `from a import b` read as `a.b` when b is a
    module (so `from assistant import api` is assistant.api, not assistant)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if _is_module(full) else node.module)
    return {m for m in found if m.split(".", 1)[0] in OURS}


def outside_the_facade(source: str) -> set[str]:
    """What a web app module imports of ours beyond assistant.api, assistant.settings and
    its own package."""
    allowed = ("assistant.api", "assistant.settings", "assistant.webui")
    return {
        m for m in our_imports(source) if not any(m == a or m.startswith(a + ".") for a in allowed)
    }


def test_the_facade_check_sees_what_goes_around_it() -> None:
    source = (
        "from assistant import api\nfrom assistant.api import Answer\n"
        "from assistant.webui import chat\nimport gradio\nimport re\n"
        "def f():\n    from index import labels\n    from assistant.route import too_long\n"
        "    import index.vn\n    from assistant import cite\n"
    )
    assert outside_the_facade(source) == {
        "index.labels", "assistant.route", "index.vn", "assistant.cite"
    }  # fmt: skip


@pytest.mark.parametrize("path", WEBUI_FILES, ids=lambda p: p.name)
def test_the_web_app_reaches_the_rest_through_assistant_api(path: Path) -> None:
    """assistant/webui/ imports assistant.api, assistant.settings, its own modules, the
    standard library and third-party packages: nothing of index/, no other assistant
    module, so what lies below the facade can move without the web app noticing."""
    assert outside_the_facade(path.read_text("utf-8")) == set()


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from assistant.answer import answer\n    import app\n")
    assert top_level(imported_modules(sample)) == {"assistant", "app"}


def _private_imports(path: Path) -> list[str]:
    """`from a.b import _name` where a.b is outside the importing module's own package."""
    own = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    return _private_names(path.read_text("utf-8"), own)


def _private_names(source: str, own: str) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            is_package = (ROOT / node.module.replace(".", "/")).is_dir()
            package = node.module if is_package else node.module.rpartition(".")[0]
            out += [
                f"{node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and package != own
            ]
    return out


def test_the_private_name_check_sees_one() -> None:
    source = "from index.readers.pdf.layout import _Table\nfrom index.vn.text import _WORD_RE\n"
    assert _private_names(source, "index.readers.pdf") == ["index.vn.text._WORD_RE"]
    assert _private_names(source, "index.vn") == ["index.readers.pdf.layout._Table"]
    across = "from index.store import _x\nfrom assistant.cli import _store\n"
    assert _private_names(across, "assistant.webui") == ["index.store._x", "assistant.cli._store"]
    assert _private_names(across, "") == ["index.store._x", "assistant.cli._store"]  # app.py


READER_FILES = sorted((ROOT / "index" / "readers").rglob("*.py"))


def test_readers_are_one_package_per_format() -> None:
    """index/readers/: one module or package per format, the shared table grid in
    tables.py; index/parse.py sniffs the format once, so no reader hands a file back to
    another (the old docx ↔ doc cycle): only .doc hands its LibreOffice output to .docx."""
    names = {p.relative_to(ROOT / "index" / "readers").as_posix() for p in READER_FILES}
    assert {
        "text.py",
        "doc.py",
        "ocr.py",
        "tables.py",
        "docx/__init__.py",
        "pdf/__init__.py",
    } <= names
    for path in READER_FILES:
        mods = imported_modules(path)
        assert "index.parse" not in mods, path
        if "docx" in path.parts or path.name in ("text.py", "tables.py"):
            assert not {m for m in mods if m.startswith("index.readers.doc") and "docx" not in m}
    assert not (ROOT / "index" / "parse_docx.py").exists()


@pytest.mark.parametrize(
    "path", [*INDEX_FILES, *ASSISTANT_FILES, *OTHER_FILES], ids=lambda p: p.name
)
def test_no_private_name_is_imported_across_packages(path: Path) -> None:
    assert _private_imports(path) == []

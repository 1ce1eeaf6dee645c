"""Train the learned judgement of reported and mixed records (``quotes/keep.py``) and write its model.

Input: the seeds' gold (golden/) and the dev split of golden/dev with its cache (.eval-cache/dev).
Output: quotes/data/keep_model.json (weights, bias and threshold per kind), and, printed, what the
model keeps and drops on the training data and on the test split (only measured, never used to choose).

    .venv/bin/python scripts/train_keep.py [--dev golden/dev] [--cache .eval-cache/dev] [--check]

With ``--check`` it writes nothing and exits 1 when the shipped model differs from a fresh training.
The records judged are those of the rules alone (``Settings(learned=False)``); a record is a quote
when it matches a gold quote (score.py's matching). Training is logistic regression (scikit-learn,
L2, C=1), deterministic; the threshold of each kind is the one with the best F1 of that kind on the
training data.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shipped import arguments, gold_sets, ship  # noqa: E402

from quotes import extract_corpus  # noqa: E402
from quotes.config import Settings  # noqa: E402
from quotes.evaluate.devset import cache_root  # noqa: E402
from quotes.evaluate.scoring import match  # noqa: E402
from quotes.keep import FEATURES, MODEL_FILE, features  # noqa: E402

KINDS = ("mixed",)  # reported records stay with the rules: see quotes/keep.py
THRESHOLDS = [t / 20 for t in range(0, 20)]


def examples(split: str, dev: Path, cache: Path) -> dict[str, list[tuple[list[float], int]]]:
    """Kind -> (features, is a quote) of every rules-only record of a split; plus ``missed:<kind>`` counts."""
    out: dict[str, list[tuple[list[float], int]]] = {k: [] for k in KINDS}
    missed = dict.fromkeys(KINDS, 0)
    for paths, gold in gold_sets(split, dev, cache):
        quotes = [q for ex in extract_corpus(paths, settings=Settings(learned=False)) for q in ex.quotes]
        matched = match(gold.quotes, [q.to_dict() for q in quotes])
        hits = set(matched.values())
        for k, q in enumerate(quotes):
            if q.kind.value in out:
                out[q.kind.value].append((features(q), int(k in hits)))
        for g, gq in enumerate(gold.quotes):
            if g not in matched and gq.kind in missed:
                missed[gq.kind] += 1
    return {**out, **{f"missed:{k}": [([], n)] for k, n in missed.items()}}


def f1(probs: list[float], labels: list[int], threshold: float, missed: int) -> tuple[float, int, int, int]:
    """F1 of a kind when records under ``threshold`` are dropped: (F1, kept quotes, kept others, dropped quotes)."""
    tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= threshold and y)
    fp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= threshold and not y)
    fn = sum(1 for p, y in zip(probs, labels, strict=True) if p < threshold and y)
    return 2 * tp / (2 * tp + fp + fn + missed) if tp else 0.0, tp, fp, fn


def main() -> int:
    from sklearn.linear_model import LogisticRegression

    args = arguments(__doc__)
    cache = cache_root(args.cache)
    train, test = examples("dev", args.dev, cache), examples("test", args.dev, cache)
    kinds = {}
    for kind in KINDS:
        X = [x for x, _ in train[kind]]
        y = [label for _, label in train[kind]]
        clf = LogisticRegression(C=1.0, max_iter=5000).fit(X, y)
        probs = list(clf.predict_proba(X)[:, 1])
        missed = train[f"missed:{kind}"][0][1]
        best = max(THRESHOLDS, key=lambda t: (f1(probs, y, t, missed)[0], -t))
        kinds[kind] = {
            "weights": [round(float(w), 6) for w in clf.coef_[0]],
            "bias": round(float(clf.intercept_[0]), 6),
            "threshold": best,
        }
        tprobs = list(clf.predict_proba([x for x, _ in test[kind]])[:, 1]) if test[kind] else []
        tlabels = [label for _, label in test[kind]]
        tmissed = test[f"missed:{kind}"][0][1]
        for name, p, lab, m in (("train", probs, y, missed), ("test", tprobs, tlabels, tmissed)):
            before, after = f1(p, lab, 0.0, m), f1(p, lab, best, m)
            print(
                f"{kind:8} {name:5} threshold {best:.2f}: F1 {before[0]:.3f} -> {after[0]:.3f} "
                f"(non-quotes kept {before[2]} -> {after[2]}, quotes dropped {after[3]})"
            )
    model = {
        "about": "quotes/keep.py; written by scripts/train_keep.py from golden/ and the dev split of golden/dev",
        "features": list(FEATURES),
        "kinds": kinds,
    }
    return ship(model, MODEL_FILE, check=args.check)


if __name__ == "__main__":
    sys.exit(main())

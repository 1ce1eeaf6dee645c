"""Train the learned choice of a speaker mention (``quotes/attribute/ranking.py``) and write its model.

Input: the seeds' gold (golden/) and the dev split of golden/dev with its cache (.eval-cache/dev).
Output: quotes/data/ranking_model.json, and, printed, how the model fills the speakers the rules leave
empty on the training data and on the test split (only measured, never used to choose).

    .venv/bin/python scripts/train_ranking.py [--dev golden/dev] [--cache .eval-cache/dev] [--check]

Examples: every gold quote with a speaker span; its candidates (``ranking.candidates``) are labelled
by whether they overlap that span. Logistic regression (scikit-learn, L2, C=1). The threshold is the
one that, on the training data, best fills the quotes the rules leave without a speaker (a fill is
right when its mention overlaps the gold speaker span, wrong otherwise, and a gold quote with no
speaker is best left empty).

``--polnear FILE`` adds PolNeAR's train split (its source spans are speaker mentions). Measured and
not shipped: speaker accuracy on golden/dev fell (kishida 0.949 -> 0.932, putin 0.938 -> 0.912, the
test split's pope 0.840 -> 0.827) for +0.002 on PolNeAR dev, so the shipped model is trained without it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache as memoized
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shipped import arguments, gold_sets, ship  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from quotes import extract_corpus  # noqa: E402
from quotes.attribute import document_mentions  # noqa: E402
from quotes.attribute.ranking import FEATURES, MODEL_FILE, candidates, features  # noqa: E402
from quotes.config import Lexicon, Logistic, Settings, lexicon  # noqa: E402
from quotes.detect import Spans  # noqa: E402
from quotes.evaluate import GoldQuote, load_polnear  # noqa: E402
from quotes.evaluate.devset import cache_root  # noqa: E402
from quotes.evaluate.scoring import match  # noqa: E402
from quotes.nlp import pipeline  # noqa: E402
from quotes.types import Mention  # noqa: E402

THRESHOLDS = [t / 20 for t in range(0, 20)]


def examples(doc: Doc, quotes: list[GoldQuote], lex: Lexicon) -> Iterator[tuple[list[float], int]]:
    """Features and label (the speaker or not) of each candidate mention of the gold quotes whose speaker is one."""
    mentions = document_mentions(doc, lex)
    last: Mention | None = None
    for q in sorted(quotes, key=lambda q: q.start):
        pool = candidates(doc, q.start, q.end, mentions, lex)
        spans = Spans.of(q.speaker_spans)
        labels = [int(spans.meets(m.start, m.end)) for m in pool]
        if any(labels):
            for m, label in zip(pool, labels, strict=True):
                yield features(doc, q.start, q.end, m, pool, last, lex), label
        if q.speaker_spans:
            a, b = q.speaker_spans[0]
            last = Mention(doc.text[a:b], a, b, "name")


def by_file(quotes: tuple[GoldQuote, ...]) -> dict[str, list[GoldQuote]]:
    """Gold quotes by the file they are in."""
    out: dict[str, list[GoldQuote]] = {}
    for q in quotes:
        out.setdefault(q.file, []).append(q)
    return out


def main() -> int:
    from sklearn.linear_model import LogisticRegression

    args = arguments(__doc__)
    cache = cache_root(args.cache)
    lex = lexicon()
    nlp = pipeline(Settings())
    X: list[list[float]] = []
    y: list[int] = []
    fills: dict[str, list[tuple[float, int]]] = {"dev": [], "test": []}  # (probability, +1 right / -1 wrong)

    @memoized
    def parse(path: Path) -> Doc:
        return nlp(path.read_text(encoding="utf-8"))

    for files, gold in gold_sets("dev", args.dev, cache):
        quotes = by_file(gold.quotes)
        for path in files:
            for values, label in examples(parse(path), quotes.get(path.name, []), lex):
                X.append(values)
                y.append(label)
    if args.polnear is not None:  # PolNeAR's train split: its source spans are speaker mentions
        gold, articles = load_polnear(args.polnear, split="train")
        quotes = by_file(gold.quotes)
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            for values, label in examples(doc, quotes.get(article.doc, []), lex):
                X.append(values)
                y.append(label)
    clf = LogisticRegression(C=1.0, max_iter=5000).fit(X, y)
    weights, bias = [float(w) for w in clf.coef_[0]], float(clf.intercept_[0])
    fitted = Logistic(tuple(weights), bias, 0.0)
    for split in ("dev", "test"):  # the quotes the rules leave without a speaker
        for files, gold in gold_sets(split, args.dev, cache):
            exs = extract_corpus(files, settings=Settings(learned=False))
            preds = [q for ex in exs for q in ex.quotes]
            matched = match(gold.quotes, [q.to_dict() for q in preds])
            for g, p in matched.items():
                q, gq = preds[p], gold.quotes[g]
                if q.speaker is not None or q.flagged("scare"):
                    continue
                doc = parse(next(f for f in files if f.name == Path(q.doc).name))
                pool = candidates(doc, q.start, q.end, document_mentions(doc, lex), lex)
                if not pool:
                    continue
                prob, best = max(
                    ((fitted.probability(features(doc, q.start, q.end, m, pool, None, lex)), m) for m in pool),
                    key=lambda pm: pm[0],
                )
                right = Spans.of(gq.speaker_spans).meets(best.start, best.end)
                fills[split].append((prob, 1 if right else -1))
    threshold = max(THRESHOLDS, key=lambda t: (sum(v for p, v in fills["dev"] if p >= t), -t))
    for split in ("dev", "test"):
        right = sum(1 for p, v in fills[split] if p >= threshold and v > 0)
        wrong = sum(1 for p, v in fills[split] if p >= threshold and v < 0)
        print(f"{split}: {len(fills[split])} matched quotes without a speaker; filled right {right}, wrong {wrong}")
    model = {
        "about": "quotes/attribute/ranking.py; written by scripts/train_ranking.py (golden/, golden/dev dev split)",
        "features": list(FEATURES),
        "weights": [round(w, 6) for w in weights],
        "bias": round(bias, 6),
        "threshold": threshold,
    }
    return ship(model, MODEL_FILE, check=args.check)


if __name__ == "__main__":
    sys.exit(main())

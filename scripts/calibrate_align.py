"""Calibrate the alignment score weights and linking cutoffs of quotes/align/ on gold groups (a tool, not a test).

Input: article folders and their gold (default seeds/ and golden/). Output, printed: the pairwise alignment
F1 that ``quotes eval`` reports for the weights and cutoffs in quotes/align/similarity.py, for each weight split on a
grid of tenths, and for a grid of cutoffs around the current ones; and the score of every gold pair.

    .venv/bin/python scripts/calibrate_align.py [--seeds seeds] [--golden golden]

Pair features do not depend on the weights, so they are computed once.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace
from pathlib import Path

from quotes import align as al
from quotes import extract_corpus
from quotes.evaluate import load_golden, match, score

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("containment", "jaccard", "fuzz", "bigram", "phrase")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--golden", type=Path, default=ROOT / "golden")
    parser.add_argument("--pairs", action="store_true", help="also print every gold-labelled pair's score")
    args = parser.parse_args()

    extractions = extract_corpus([args.seeds])
    gold = load_golden(args.golden)
    items = al._items(extractions)

    def f1(weights: al.Weights) -> tuple[float, float, float]:
        clusters = al._cluster(
            items, al.score_pairs(extractions, items, weights), sure=weights.sure, agreeing=weights.agreeing
        )
        group = {(items[i].quote.doc, items[i].quote.start): f"g{n}" for n, c in enumerate(clusters) for i in c}
        preds = [q.to_dict() | {"group": group.get((q.doc, q.start))} for ex in extractions for q in ex.quotes]
        res = score(gold, preds)
        return res["align_f1"], res["align_p"], res["align_r"]

    current = al.Weights()
    print("current:", current, "F1 P R", f1(current))
    results = []
    for split in itertools.product(range(0, 6), repeat=len(VIEWS)):
        if sum(split) != 5:
            continue
        w = replace(current, **{v: k / 5 for v, k in zip(VIEWS, split, strict=True)})
        results.append((f1(w), split))
    results.sort(reverse=True)
    print("best weight splits (fifths of containment, jaccard, fuzz, bigram, phrase):")
    for res, split in results[:8]:
        print("  ", split, res)
    print("equal split rank:", [s for _, s in results].index((1, 1, 1, 1, 1)) + 1, "of", len(results))
    print("cutoffs (agreeing, unknown, conflicting, repeat):")
    for agree, conflict, repeat in itertools.product((13, 16, 19, 22, 25, 30), (40, 50, 60), (20, 25, 30, 40, 90)):
        w = replace(current, agreeing=agree, conflicting=conflict, repeat=repeat)
        print(f"   {agree:>3} {w.unknown:>4} {conflict:>3} {repeat:>3}: F1 P R {f1(w)}")
    if args.pairs:
        quotes = [q for ex in extractions for q in ex.quotes]
        matched = match(gold.quotes, [q.to_dict() for q in quotes])
        group = {(quotes[pi].doc, quotes[pi].start): gold.quotes[gi].group for gi, pi in matched.items()}
        for a, b, f in sorted(al.pair_features(extractions), key=lambda t: -t[2].score()):
            ga, gb = group.get((a.doc, a.start)), group.get((b.doc, b.start))
            same = ga is not None and ga == gb
            print(
                f"{f.score():5.1f} {'SAME' if same else '    '} {f.speakers.value:11} {a.text[:40]!r} | {b.text[:40]!r}"
            )


if __name__ == "__main__":
    main()

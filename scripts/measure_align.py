"""Measure the alignment signals on the development set, per signal (a tool, not a test).

Input: golden/dev and its cache (.eval-cache/dev, see golden/dev/README.md). Output, printed as a
markdown table: pairwise alignment F1 (end to end, and over the quotes extraction found) per split,
for the score as it is, for each of its lexical views alone, for each left out, and for the speaker
cutoffs switched off (every pair needs the same score). The test split is only reported, never used
to choose.

    .venv/bin/python scripts/measure_align.py [--dev golden/dev] [--cache .eval-cache/dev]
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from quotes import align as al
from quotes import extract_corpus
from quotes.evaluate import load_golden, score
from quotes.evaluate.devset import cache_root, check_cache, load_events

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("containment", "jaccard", "fuzz", "bigram", "phrase")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dev", type=Path, default=ROOT / "golden" / "dev")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    root = cache_root(args.cache)
    corpora = []
    for event in load_events(args.dev):
        if check_cache(event, root):
            print(f"{event.name}: cache absent or changed, skipped")
            continue
        paths = [root / event.name / f"{e.id}.txt" for e in event.excerpts]
        corpora.append((event.split, extract_corpus(paths), load_golden(event.folder)))
    base = al.Weights()
    variants: list[tuple[str, al.Weights]] = [("as it is (five views, speaker cutoffs)", base)]
    for v in VIEWS:
        alone = replace(base, **{w: (1.0 if w == v else 0.0) for w in VIEWS})
        variants.append((f"{v} alone", alone))
    for v in VIEWS:
        variants.append((f"without {v}", replace(base, **{v: 0.0})))
    same = base.unknown
    variants.append(("no speaker signal (one cutoff)", replace(base, agreeing=same, conflicting=same)))
    print("| signals | dev F1 | dev F1 (found) | test F1 | test F1 (found) |")
    print("|---|---:|---:|---:|---:|")
    for label, weights in variants:
        figures: dict[str, list[tuple[float, float]]] = {"dev": [], "test": []}
        for split, extractions, gold in corpora:
            aligned = al.align_corpus(extractions, weights=weights)
            res = score(gold, [q.to_dict() for ex in aligned.extractions for q in ex.quotes])
            figures[split].append((res["align_f1"], res["align_detected_f1"]))
        cells = []
        for split in ("dev", "test"):
            rows = figures[split]
            for k in (0, 1):
                cells.append(f"{sum(r[k] for r in rows) / len(rows):.3f}" if rows else "-")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

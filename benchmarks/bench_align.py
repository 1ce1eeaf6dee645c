"""Benchmark: align ten thousand synthetic quotes and print the time it takes.

Not a test. Builds a corpus of synthetic extractions (no parsing): remarks of
random words drawn from a Zipf-like vocabulary, each rendered by one to four
outlets with words swapped, dropped at the edges or reworded, spread over
documents of five quotes each; then runs ``align_corpus`` (grouping and
flagging) and prints the wall time, the groups found and their pairwise
precision and recall against the remarks the corpus was built from.

    .venv/bin/python benchmarks/bench_align.py [--quotes 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from itertools import combinations

from quotes.align import align_corpus
from quotes.types import Article, Extraction, Kind, Quote, Speaker, SpeakerKind

QUOTES_PER_DOC = 5
VOCABULARY = 20_000


def corpus(n_quotes: int, seed: int) -> tuple[list[Extraction], dict[tuple[str, int], int]]:
    """Synthetic extractions and the remark each quote renders (its true group)."""
    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(4, 10))) for _ in range(VOCABULARY)
    ]
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    speakers = [Speaker(id=f"speaker-{k}", name=f"Speaker {k}", kind=SpeakerKind.PERSON) for k in range(300)]
    renderings: list[tuple[int, str, Speaker]] = []
    remark = 0
    while len(renderings) < n_quotes:
        words = rng.choices(vocab, weights, k=rng.randint(10, 25))
        speaker = rng.choice(speakers)
        for _ in range(rng.choice((1, 1, 2, 3, 4))):
            variant = [w if rng.random() > 0.15 else rng.choices(vocab, weights)[0] for w in words]
            if rng.random() < 0.3:
                variant = variant[rng.randint(0, 3) :]
            renderings.append((remark, " ".join(variant), speaker))
        remark += 1
    rng.shuffle(renderings)
    renderings = renderings[:n_quotes]
    extractions, truth = [], {}
    for d in range(0, len(renderings), QUOTES_PER_DOC):
        doc = f"doc{d // QUOTES_PER_DOC}.txt"
        text, quotes, used = "", [], {}
        for remark_id, sentence, speaker in renderings[d : d + QUOTES_PER_DOC]:
            start = len(text) + 1
            text += f'"{sentence}," {speaker.name} said. '
            kind = rng.choice((Kind.DIRECT, Kind.INDIRECT))
            quotes.append(
                Quote(doc, f"Outlet {d % 97}", start, start + len(sentence), sentence, kind, speaker.name, speaker.id)
            )
            used[speaker.id] = speaker
            truth[(doc, start)] = remark_id
        extractions.append(Extraction(Article(doc, text, f"Outlet {d % 97}"), tuple(quotes), tuple(used.values())))
    return extractions, truth


def pairwise(groups: dict[tuple[str, int], str], truth: dict[tuple[str, int], int]) -> tuple[float, float]:
    """Precision and recall of same-group pairs across documents."""

    def pairs(assign: dict[tuple[str, int], object]) -> set[frozenset[tuple[str, int]]]:
        members: dict[object, list[tuple[str, int]]] = defaultdict(list)
        for key, g in assign.items():
            if g is not None:
                members[g].append(key)
        return {frozenset(p) for ms in members.values() for p in combinations(ms, 2) if p[0][0] != p[1][0]}

    predicted, gold = pairs(dict(groups)), pairs(dict(truth))
    hits = len(predicted & gold)
    return hits / len(predicted) if predicted else 0.0, hits / len(gold) if gold else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quotes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    extractions, truth = corpus(args.quotes, args.seed)
    started = time.perf_counter()
    aligned = align_corpus(extractions)
    elapsed = time.perf_counter() - started
    groups = {(q.doc, q.start): q.group for ex in aligned.extractions for q in ex.quotes}
    precision, recall = pairwise({k: v for k, v in groups.items() if v}, truth)
    n = sum(len(ex.quotes) for ex in extractions)
    print(f"{n} quotes in {len(extractions)} documents aligned in {elapsed:.2f} s")
    print(f"{len(aligned.groups)} groups; pairwise precision {precision:.3f}, recall {recall:.3f}")


if __name__ == "__main__":
    main()

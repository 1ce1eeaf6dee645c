"""Benchmark: align wire copy mixed with distinct articles, and print documents per second and the share grouped.

Not a test. Builds synthetic extractions (no parsing: extracting ten thousand
documents with spaCy takes hours here): a share of the documents are copies of
a few wire stories (ten quotes each, carried by ``--copies`` outlets, one copy in
five edited: a word changed or the first words cut in one quote), the rest
distinct articles of five quotes no other document renders. Each day (one event
date per ``DOCS_PER_DAY`` documents) has its own stories. Runs ``align_corpus``
(blocking, scoring, grouping, flagging) and prints the wall time, documents and
quotes per second, the share of wire quotes grouped with the other copies of
their quote, and the share of distinct quotes wrongly grouped.

    .venv/bin/python benchmarks/bench_wire.py [--docs 1000 10000] [--wire 0.5] [--copies 60] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter, defaultdict

from quotes.align import align_corpus
from quotes.types import Article, Extraction, Kind, Quote, Speaker, SpeakerKind

VOCABULARY = 20_000
#: Documents per event date: a day of news in a mid-sized corpus.
DOCS_PER_DAY = 300
QUOTES_PER_STORY = 10
QUOTES_PER_ARTICLE = 5

#: A quote of the synthetic corpus: (truth key, words, speaker).
Rendering = tuple[str, str, Speaker]


def _document(name: str, outlet: str, date: str, quotes: list[Rendering], rng: random.Random) -> Extraction:
    """One document holding each rendering as its own sentence, offsets exact."""
    text, out, used = "", [], {}
    for _, sentence, speaker in quotes:
        start = len(text) + 1
        text += f'"{sentence}," {speaker.name} said. '
        kind = Kind.DIRECT if rng.random() < 0.8 else Kind.INDIRECT
        out.append(Quote(name, outlet, start, start + len(sentence), sentence, kind, speaker.name, speaker.id))
        used[speaker.id] = speaker
    return Extraction(Article(name, text, outlet, date), tuple(out), tuple(used.values()))


def _edited(words: list[str], vocab: list[str], rng: random.Random) -> list[str]:
    """A copy editor's change: one word swapped, or the first words cut."""
    out = list(words)
    if rng.random() < 0.5:
        out[rng.randrange(len(out))] = rng.choice(vocab)
    else:
        out = out[rng.randint(1, 3) :]
    return out


def corpus(n_docs: int, wire: float, copies: int, seed: int) -> tuple[list[Extraction], dict[tuple[str, int], str]]:
    """Synthetic extractions and the truth key of each quote (``w…`` for wire quotes, ``a…`` for distinct ones)."""
    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(4, 10))) for _ in range(VOCABULARY)
    ]
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    speakers = [Speaker(id=f"speaker-{k}", name=f"Speaker {k}", kind=SpeakerKind.PERSON) for k in range(300)]
    extractions: list[Extraction] = []
    truth: dict[tuple[str, int], str] = {}
    days = max(1, n_docs // DOCS_PER_DAY)
    per_day = n_docs // days
    for day in range(days):
        date = f"2025-{1 + day // 28:02d}-{1 + day % 28:02d}"
        n_wire = int(per_day * wire)
        stories = max(1, round(n_wire / copies))
        docs: list[tuple[str, list[Rendering]]] = []
        for s in range(stories):
            remarks = [
                (f"w{day}-{s}-{k}", rng.choices(vocab, weights, k=rng.randint(12, 25)), rng.choice(speakers))
                for k in range(QUOTES_PER_STORY)
            ]
            for _ in range(n_wire // stories):
                edit = rng.randrange(len(remarks)) if rng.random() < 0.2 else -1
                docs.append(
                    (
                        f"wire{day}-{s}",
                        [
                            (key, " ".join(_edited(ws, vocab, rng) if k == edit else ws), who)
                            for k, (key, ws, who) in enumerate(remarks)
                        ],
                    )
                )
        while len(docs) < per_day:
            docs.append(
                (
                    "article",
                    [
                        (f"a{day}-{len(docs)}-{k}", " ".join(rng.choices(vocab, weights, k=rng.randint(10, 25))), sp)
                        for k, sp in enumerate(rng.choices(speakers, k=QUOTES_PER_ARTICLE))
                    ],
                )
            )
        rng.shuffle(docs)
        for k, (_, quotes) in enumerate(docs):
            name = f"{date}/doc{k}.txt"
            ex = _document(name, f"Outlet {k}", date, quotes, rng)
            extractions.append(ex)
            for q, (key, _, _) in zip(ex.quotes, quotes, strict=True):
                truth[(q.doc, q.start)] = key
    return extractions, truth


def shares(groups: dict[tuple[str, int], str | None], truth: dict[tuple[str, int], str]) -> tuple[float, float, float]:
    """Share of wire quotes grouped with most copies of their quote; share of distinct quotes grouped; purity.

    A wire quote counts when its group holds at least 95% of the copies of its
    quote; purity is the share of grouped quotes whose group's most common truth key is their own.
    """
    copies = Counter(truth.values())
    members: dict[str, list[str]] = defaultdict(list)
    for key, g in groups.items():
        if g is not None:
            members[g].append(truth[key])
    wire = [k for k in truth if truth[k].startswith("w")]
    held = 0
    for k in wire:
        g = groups.get(k)
        if g is not None and members[g].count(truth[k]) >= 0.95 * copies[truth[k]]:
            held += 1
    distinct = [k for k in truth if truth[k].startswith("a")]
    loose = sum(1 for k in distinct if groups.get(k) is not None)
    pure = sum(1 for k, g in groups.items() if g is not None and Counter(members[g]).most_common(1)[0][0] == truth[k])
    grouped = sum(1 for g in groups.values() if g is not None)
    return (
        held / len(wire) if wire else 0.0,
        loose / len(distinct) if distinct else 0.0,
        pure / grouped if grouped else 1.0,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--wire", type=float, default=0.5, help="share of documents that are wire copy")
    parser.add_argument("--copies", type=int, default=60, help="outlets carrying each wire story")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rates = []
    for n_docs in args.docs:
        extractions, truth = corpus(n_docs, args.wire, args.copies, args.seed)
        started = time.perf_counter()
        aligned = align_corpus(extractions)
        elapsed = time.perf_counter() - started
        groups = {(q.doc, q.start): q.group for ex in aligned.extractions for q in ex.quotes}
        held, loose, purity = shares(groups, truth)
        n_quotes = len(truth)
        rates.append(len(extractions) / elapsed)
        print(
            f"{len(extractions)} documents, {n_quotes} quotes: {elapsed:.2f} s,"
            f" {len(extractions) / elapsed:.0f} docs/s,"
            f" {n_quotes / elapsed:.0f} quotes/s; wire quotes grouped with their copies {held:.3f},"
            f" distinct quotes grouped {loose:.3f}, purity {purity:.3f}, {len(aligned.groups)} groups"
        )
    if len(rates) > 1:
        print(f"throughput ratio (largest / smallest corpus): {rates[-1] / rates[0]:.2f} (1.0 is linear)")


if __name__ == "__main__":
    main()

"""Benchmark: where the parse's time goes, and how much a per-paragraph shortcut could save.

Not a test. Runs each component of our spaCy pipeline over the same articles on its own and reports its
share of the CPU time, then the share of tokens in paragraphs that hold no quotation mark and no
reporting cue (a verb of ``reporting_verbs.tsv``, a noun of ``reporting_nouns.tsv``, "according"):
the only paragraphs a parser-skipping shortcut could leave out. The articles are the development
set's cached excerpts when present (golden/dev/README.md), else articles made from seeds/.

    .venv/bin/python benchmarks/bench_pipes.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tabulate import tabulate

from quotes.config import Settings, lexicon
from quotes.nlp import pipeline

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    """The development set's cached excerpts, or the seed paragraphs as articles."""
    cached = sorted((ROOT / ".eval-cache" / "dev").glob("*/*.txt"))
    if cached:
        return [p.read_text(encoding="utf-8") for p in cached]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def main() -> None:
    """Time each component over the articles, then count the tokens of paragraphs with no mark and no cue."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nlp = pipeline(Settings(jobs=1))
    corpus = texts() * args.repeat
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in corpus]
    seconds = {"tokenizer": time.process_time() - start}
    for name, component in nlp.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = time.process_time() - start
    total = sum(seconds.values())
    print(
        tabulate(
            [[n, f"{s:.2f}", f"{s / total:.1%}"] for n, s in seconds.items()], headers=["component", "CPU s", "share"]
        )
    )
    lex = lexicon()
    tokens = skippable = 0
    for doc in docs:
        start = 0
        for paragraph in doc.text.split("\n"):
            span = doc.char_span(start, start + len(paragraph), alignment_mode="expand")
            start += len(paragraph) + 1
            if span is None or not paragraph.strip():
                continue
            tokens += len(span)
            marked = any(ch in lex.marks for ch in paragraph) or "'" in paragraph
            cue = any(
                t.lemma_.lower() in lex.verbs or t.lemma_.lower() in lex.nouns or t.lower_ == "according" for t in span
            )
            skippable += 0 if marked or cue else len(span)
    print()
    print(
        f"{len(corpus)} articles, {tokens} tokens in paragraphs; "
        f"{skippable / tokens:.1%} in paragraphs with no mark and no cue"
    )


if __name__ == "__main__":
    main()

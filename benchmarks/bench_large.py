"""Benchmark: time and peak memory of extracting one long article, by its size.

Not a test. Two shapes of long article, each size run in a fresh process so that
its peak memory (``ru_maxrss``) is its own:

* ``article``: the paragraphs of seeds/ repeated until the text reaches the size
  (50, 100, 200, 400 and 800 KB by default; past ``nlp.LONG_ARTICLE_CHARS`` it is
  parsed in windows);
* ``pairs``: ``“a b c N,” he said.`` pairs on one line, 250 to 4,000 of them.

The pipeline is loaded before the clock starts; the time is ``extract`` of the one
article (parse, detection, attribution, speakers), cache off. The last column
divides each row's time per unit by the first row's: 1.0 all the way down is
linear growth.

    .venv/bin/python benchmarks/bench_large.py [--kb 50 100 200 400 800] [--pairs 250 500 1000 2000 4000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from tabulate import tabulate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article_text(kb: int) -> str:
    """The paragraphs of seeds/, repeated in order until the text holds ``kb`` thousand characters."""
    paragraphs = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n") if p]
    out: list[str] = []
    size = 0
    while size < kb * 1000:
        paragraph = paragraphs[len(out) % len(paragraphs)]
        out.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(out) + "\n"


def pairs_text(n: int) -> str:
    """``n`` quote-and-cue pairs on one line."""
    return " ".join(f"“alpha beta gamma {i},” he said." for i in range(n)) + "\n"


def measure(shape: str, size: int) -> dict[str, float]:
    """Extract one article of that shape and size in this process: seconds, quotes and peak memory (MB)."""
    from quotes import Article, extract
    from quotes.config import Settings
    from quotes.nlp import pipeline

    text = article_text(size) if shape == "article" else pairs_text(size)
    pipeline(Settings())
    start = time.perf_counter()
    (ex,) = extract(Article("long.txt", text), cache=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "quotes": len(ex.quotes), "chars": len(text), "peak_mb": peak}


def main() -> None:
    """Run each size in its own process and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, nargs="*", default=[50, 100, 200, 400, 800])
    parser.add_argument("--pairs", type=int, nargs="*", default=[250, 500, 1000, 2000, 4000])
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    for shape, sizes, unit in (("article", args.kb, "KB"), ("pairs", args.pairs, "pairs")):
        rows, first = [], None
        for size in sizes:
            run = subprocess.run(
                [sys.executable, __file__, "--one", shape, str(size)], capture_output=True, text=True, check=True
            )
            r = json.loads(run.stdout.strip().splitlines()[-1])
            per = r["seconds"] / size
            first = first or per
            shown = [f"{r['seconds']:.1f}", f"{r['peak_mb']:.0f}", f"{per / first:.2f}"]
            rows.append([size, r["chars"], r["quotes"], *shown])
        headers = [unit, "characters", "quotes", "seconds", "peak MB", f"time per {unit} / first row"]
        print(tabulate(rows, headers=headers, tablefmt="github"), end="\n\n")


if __name__ == "__main__":
    main()

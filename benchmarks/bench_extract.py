"""Benchmark: our extraction against textacy's ``direct_quotations`` on one corpus, in one process.

Not a test. Prints documents, quotes found, documents given up, wall time and
the time ratio (ours / textacy). Both sides parse with the same spaCy pipeline,
so the ratio shows what our detection, attribution and speaker resolution cost
on top of the parse that textacy needs too.

    .venv/bin/python benchmarks/bench_extract.py seeds/ --repeat 20
    .venv/bin/python benchmarks/bench_extract.py --polnear /tmp/evalcache/polnear.jsonl --limit 200
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from quotes import Article, Settings, extract_each
from quotes.ingest import read_articles
from quotes.nlp import pipeline


def load(paths: list[str], polnear: str | None, limit: int | None, repeat: int) -> list[Article]:
    """The corpus: article files, or PolNeAR's normalized JSONL, repeated ``repeat`` times."""
    if polnear:
        articles = []
        with open(polnear, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                articles.append(Article(doc=f"{rec['doc_id']}.txt", text=rec["text"]))
    else:
        articles = [a for a in read_articles(paths) if isinstance(a, Article)]
    articles = articles[:limit] if limit else articles
    return [Article(doc=f"{a.doc}#{i}", text=a.text, outlet=a.outlet) for i in range(repeat) for a in articles]


def ours(articles: list[Article]) -> tuple[int, int]:
    """Quotes found by ``quotes.extract`` (all kinds, and marked ones) and documents given up (none)."""
    total = 0
    for ex in extract_each(articles, settings=Settings()):
        total += len(ex.quotes)
    return total, 0


def textacy_baseline(articles: list[Article]) -> tuple[int, int]:
    """Quotes found by textacy's ``direct_quotations``; documents where it raises count as given up."""
    from textacy.extract.triples import direct_quotations

    nlp = pipeline(Settings())
    total = gave_up = 0
    for doc in nlp.pipe((a.text for a in articles), batch_size=16):
        try:
            total += sum(1 for _ in direct_quotations(doc))
        except Exception:  # noqa: BLE001 - textacy raises on unbalanced marks; that is what we count
            gave_up += 1
    return total, gave_up


def measure(fn: Callable[[list[Article]], tuple[int, int]], articles: list[Article]) -> dict[str, float]:
    """Wall time and peak traced memory of one run."""
    tracemalloc.start()
    t0 = time.perf_counter()
    found, gave_up = fn(articles)
    wall = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"quotes": found, "gave_up": gave_up, "seconds": round(wall, 3), "peak_mib": round(peak / 2**20, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(Path(__file__).resolve().parents[1] / "seeds")])
    ap.add_argument("--polnear", help="PolNeAR normalized JSONL (from convert_polnear.py)")
    ap.add_argument("--limit", type=int, help="first N documents only")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the corpus N times")
    args = ap.parse_args()
    articles = load(args.paths, args.polnear, args.limit, args.repeat)
    nlp = pipeline(Settings())  # load the model once and warm it up, outside the timings
    list(nlp.pipe(a.text for a in articles[:5]))
    results = {"textacy": measure(textacy_baseline, articles), "quotes": measure(ours, articles)}
    print(f"documents: {len(articles)}")
    print(f"{'':10}{'quotes':>8}{'gave up':>9}{'seconds':>10}{'peak MiB':>10}")
    for name, r in results.items():
        print(f"{name:10}{r['quotes']:>8}{r['gave_up']:>9}{r['seconds']:>10}{r['peak_mib']:>10}")
    t, q = results["textacy"], results["quotes"]
    time_ratio = q["seconds"] / t["seconds"]
    memory_ratio = q["peak_mib"] / max(t["peak_mib"], 0.1)
    print(f"ratio quotes/textacy: time {time_ratio:.2f}x, peak memory {memory_ratio:.2f}x")


if __name__ == "__main__":
    main()

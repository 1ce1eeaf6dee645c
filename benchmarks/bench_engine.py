"""Benchmark: the corpus step on the local engine against the dask engine, on copies of one corpus.

Not a test. Copies the articles of the paths given ``--repeat`` times into a temporary folder (each copy
a new file name, so nothing is shared but the text), then times ``quotes.extract`` and
``quotes.engine.extract_dask`` on it with the extraction cache off, and checks that both give the same
records. Without ``--scheduler`` the dask side starts (and times) its own cluster of two processes.

    .venv/bin/python benchmarks/bench_engine.py seeds/ --repeat 40
    .venv/bin/python benchmarks/bench_engine.py seeds/ --repeat 400 --scheduler tcp://10.0.0.5:8786
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from quotes import Article, extract
from quotes.engine import extract_dask
from quotes.ingest import read_articles


def corpus(paths: list[str], repeat: int, folder: Path) -> list[Path]:
    """The articles of ``paths`` written ``repeat`` times under ``folder``."""
    articles = [a for a in read_articles(paths) if isinstance(a, Article)]
    for i in range(repeat):
        for n, a in enumerate(articles):
            (folder / f"{i:04d}-{n:03d}.txt").write_text(a.text, encoding="utf-8")
    return [folder]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--scheduler", default=None)
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(args.paths, args.repeat, Path(tmp))
        start = time.perf_counter()
        local = extract(paths, cache=False)
        local_s = time.perf_counter() - start
        start = time.perf_counter()
        remote = extract_dask(paths, cache=False, scheduler=args.scheduler, partitions=args.partitions)
        dask_s = time.perf_counter() - start
    same = [q.to_dict() for x in local for q in x.quotes] == [q.to_dict() for x in remote for q in x.quotes]
    print(f"documents {len(local)}  quotes {sum(len(x.quotes) for x in local)}  same records {same}")
    print(f"local {local_s:.1f} s  dask {dask_s:.1f} s  ratio {dask_s / local_s:.2f}")


if __name__ == "__main__":
    main()

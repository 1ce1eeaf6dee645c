"""Benchmark: corpus scale: documents per second by ``--jobs``, time to the first streamed record, peak memory.

Not a test. Articles are made from the paragraphs of seeds/, each a different selection and order
(six paragraphs of seed size), written to a temporary folder; every run is ``quotes extract`` in its
own process with the extraction cache off, so model loading and worker start-up are in the times.

* jobs: wall time of ``quotes extract DIR --jobs J`` for J = 1 and 2 on ``--articles`` articles (default
  500) and on ``--few`` (default 32, the size ``nlp.PARALLEL_MIN_DOCS`` was chosen on); the outputs must be
  identical; the ratio is each run's time over ``--jobs 1``'s.
* first record: seconds until ``quotes extract --stream DIR`` writes its first line.
* memory: peak resident memory (``ru_maxrss``) of a process streaming ``extract_each`` over 100 and
  1,000 articles (``--jobs 1``, so that the parse is in the process measured), and their ratio.

    .venv/bin/python benchmarks/bench_jobs.py [--articles 500] [--few 32] [--memory 100 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUOTES = [sys.executable, "-c", "from quotes.cli import run; run()"]
ENV = {**os.environ, "QUOTES_CACHE": "off"}


def write_articles(folder: Path, count: int, *, paragraphs: int = 6) -> Path:
    """``count`` articles of ``paragraphs`` seed paragraphs each, a different selection and order each."""
    pool = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n") if p]
    rng = random.Random(14)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i:05d}.txt").write_text("\n".join(rng.sample(pool, paragraphs)) + "\n", encoding="utf-8")
    return folder


def run_extract(folder: Path, jobs: int) -> tuple[float, str]:
    """Seconds and output of ``quotes extract folder --jobs jobs``."""
    start = time.perf_counter()
    done = subprocess.run(
        [*QUOTES, "extract", str(folder), "--jobs", str(jobs)], capture_output=True, text=True, env=ENV, check=True
    )
    return time.perf_counter() - start, done.stdout


def first_record(folder: Path) -> float:
    """Seconds until ``quotes extract --stream folder`` writes its first line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*QUOTES, "extract", "--stream", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    seconds = time.perf_counter() - start
    proc.kill()
    proc.wait()
    return seconds


def peak_memory(folder: Path) -> float:
    """In this process: stream ``extract_each`` over the folder (``jobs=1``), return the peak memory in MB."""
    from quotes import extract_each
    from quotes.config import Settings

    for _ in extract_each([folder], settings=Settings(jobs=1), cache=False):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Make the articles, run each measurement in its own process, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--few", type=int, default=32)
    parser.add_argument("--memory", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--peak", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        print(json.dumps(peak_memory(Path(args.peak))))
        return
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as tmp:
        rows = []
        for count in (args.few, args.articles):
            folder = write_articles(Path(tmp) / f"n{count}", count)
            (one, out1), (two, out2) = run_extract(folder, 1), run_extract(folder, 2)
            rows.append([count, 1, f"{one:.1f}", f"{count / one:.1f}", "1.00", ""])
            rows.append([count, 2, f"{two:.1f}", f"{count / two:.1f}", f"{two / one:.2f}", out1 == out2])
        print(tabulate(rows, headers=["articles", "jobs", "seconds", "docs/s", "× jobs 1", "identical"]))
        print()
        folder = Path(tmp) / f"n{args.articles}"
        print(f"first record of quotes extract --stream on {args.articles} articles: {first_record(folder):.1f} s")
        print()
        peaks = []
        for count in args.memory:
            folder = write_articles(Path(tmp) / f"n{count}", count)
            done = subprocess.run(
                [sys.executable, __file__, "--peak", str(folder)], capture_output=True, text=True, env=ENV, check=True
            )
            peaks.append([count, float(done.stdout)])
        base = peaks[0][1]
        print(
            tabulate(
                [[n, f"{mb:.0f}", f"{mb / base:.2f}"] for n, mb in peaks], headers=["articles", "peak MB", "ratio"]
            )
        )


if __name__ == "__main__":
    main()

"""Benchmark: corpus scale at 1,000 and 10,000 articles: documents per second, CPU, peak memory, against textacy.

Not a test. Articles are made as ``bench_jobs.py`` makes them (six seed paragraphs each, a different
selection and order). Every measured run is a whole process of its own, started by a fresh wrapper
process that reports the run's wall time, its CPU time (the process and every worker it waited for)
and its peak resident memory (the largest single process, ``ru_maxrss`` of the children):

* ``quotes extract DIR --jobs 1``, ``--jobs 2`` and ``--engine dask`` (a LocalCluster of two workers):
  documents per second, and whether the three outputs are identical;
* textacy's ``direct_quotations`` over the same articles with the same spaCy pipeline, in the same run
  (up to ``--textacy-max`` articles): the CPU ratio of ``quotes extract --jobs 1`` to it per document,
  and the quotes each finds;
* the time to the first record of ``quotes extract --stream``.

    .venv/bin/python benchmarks/bench_scale.py --sizes 1000 10000 [--textacy-max 1000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_jobs import ENV, QUOTES, first_record, write_articles
from tabulate import tabulate

#: What the textacy side runs: parse each article with our pipeline and count ``direct_quotations``.
TEXTACY = """
import sys
from pathlib import Path
from quotes.config import Settings
from quotes.evaluate.baseline import textacy_predictions
from quotes.ingest import read_articles
from quotes.nlp import pipeline
preds, given_up = textacy_predictions(read_articles([sys.argv[1]]), pipeline(Settings(jobs=1)))
print(len(preds))
"""


def measure(command: list[str]) -> dict[str, float | str]:
    """In a fresh wrapper process: run ``command``; its wall and CPU seconds, peak MB and standard output."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, check=True)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "mb": usage.ru_maxrss / 1024,
        "stdout": done.stdout,
    }


def measured(command: list[str]) -> dict[str, float | str]:
    """``measure`` run in a wrapper process of its own, so that no other run's children are counted."""
    done = subprocess.run(
        [sys.executable, __file__, "--measure", json.dumps(command)], capture_output=True, text=True, check=True
    )
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


def quotes_found(jsonl: str) -> int:
    """How many records a ``quotes extract`` JSON-lines output holds."""
    return sum(1 for line in jsonl.splitlines() if line.strip())


def main() -> None:
    """Make the articles of each size, run each measurement in its own process, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--textacy-max", type=int, default=1000)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(json.loads(args.measure))))
        return
    rows, ratios = [], []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for count in args.sizes:
            folder = write_articles(Path(tmp) / f"n{count}", count)
            runs = {
                "--jobs 1": measured([*QUOTES, "extract", str(folder), "--format", "jsonl", "--jobs", "1"]),
                "--jobs 2": measured([*QUOTES, "extract", str(folder), "--format", "jsonl", "--jobs", "2"]),
                "--engine dask": measured([*QUOTES, "extract", str(folder), "--format", "jsonl", "--engine", "dask"]),
            }
            same = len({r["stdout"] for r in runs.values()}) == 1
            for name, r in runs.items():
                wall, cpu, mb = float(r["wall"]), float(r["cpu"]), float(r["mb"])
                rows.append([count, name, f"{wall:.1f}", f"{count / wall:.1f}", f"{cpu:.1f}", f"{mb:.0f}", same])
            if count <= args.textacy_max:
                textacy = measured([sys.executable, "-c", TEXTACY, str(folder)])
                ours = runs["--jobs 1"]
                ratios.append(
                    [
                        count,
                        f"{float(ours['cpu']):.1f}",
                        f"{float(textacy['cpu']):.1f}",
                        f"{float(ours['cpu']) / float(textacy['cpu']):.2f}",
                        quotes_found(str(ours["stdout"])),
                        int(str(textacy["stdout"]).strip()),
                    ]
                )
            rows.append([count, "first record (--stream)", f"{first_record(folder):.1f}", "", "", "", ""])
    print(tabulate(rows, headers=["articles", "run", "seconds", "docs/s", "CPU s", "peak MB", "identical"]))
    if ratios:
        print()
        print(
            tabulate(
                ratios,
                headers=["articles", "quotes CPU s", "textacy CPU s", "CPU ratio", "quotes found", "textacy found"],
            )
        )


if __name__ == "__main__":
    main()

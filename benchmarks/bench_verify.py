"""Benchmark: verifying one claim against an index of 100,000 quotes, and kill -9 during an add.

Not a test. Builds an index holding the seed articles' quotes plus synthetic filler quotes
(sentences drawn from the seeds' vocabulary and invented words, Zipf-distributed, spread
over documents of 30 quotes by 500 speakers), then times ``quotes.verify.verify`` on
held-back claims (faithful, negated, renumbered, misattributed, fabricated) and prints the
median and 95th percentile in milliseconds. With ``--kill``, it then starts a second
process that adds 20,000 more quotes in one transaction, kills it with SIGKILL in the
middle, and checks that ``PRAGMA integrity_check`` is ``ok`` and the index is exactly as
before.

    .venv/bin/python benchmarks/bench_verify.py --quotes 100000 --kill
    .venv/bin/python benchmarks/bench_verify.py --db /tmp/bench.db --reuse   # keep and reuse the index
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from quotes import extract_corpus
from quotes.store import Index
from quotes.types import Article, Extraction, Kind, Quote, Speaker, SpeakerKind
from quotes.verify import verify

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

#: Claims timed against the index: (claim, speaker). Held back from the tests' list where
#: possible; each kind of verdict is present.
CLAIMS: list[tuple[str, str | None]] = [
    ("In today's strategic environment, the importance of Korea-Japan relations is growing", "Lee Jae-myung"),
    ("In today's strategic environment, the importance of Korea-Japan relations is not growing", "Lee Jae-myung"),
    ("Japan maintains that 18 of its citizens were abducted by North Korea", None),
    ("I hope Korea and Japan can seek ways to respond together to future challenges", "Shigeru Ishiba"),
    ("I hope our two countries will work together to face future challenges", "Lee Jae-myung"),
    ("Korea will withdraw from trilateral cooperation with the United States and Japan", "Lee Jae-myung"),
    ("I intend to maintain close ties with both Japan and the United States", "Lee Jae-myung"),
    ("humiliating", "Lee Jae-myung"),
    ("This year marks the 70th anniversary of the normalization of Korea-Japan relations", "Lee Jae-myung"),
    ("The two leaders agreed to meet in Seoul next month to sign a defense treaty", None),
    ("the focus was on discussing the overall direction of developing Korea-Japan relations", None),
    ("We will work toward a forward-looking bilateral relationship", "Lee Jae-myung"),
]


def synthetic(n_quotes: int, *, seed: int = 7, prefix: str = "synthetic") -> Iterator[Extraction]:
    """Filler documents of 30 quotes each, ``n_quotes`` in all, from a Zipf vocabulary."""
    rng = random.Random(seed)
    real = sorted({w.lower() for p in SEEDS.glob("*.txt") for w in re.findall(r"[A-Za-z][a-z'-]+", p.read_text())})
    syllables = ["ka", "to", "ri", "man", "sel", "vo", "dun", "pe", "lis", "or", "gan", "ti", "bra", "su", "nek"]
    invented = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(30000)}
    vocab = real + sorted(invented)
    rng.shuffle(vocab)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    names = [f"{rng.choice(['Park', 'Kim', 'Sato', 'Lopez', 'Smith', 'Ivanova'])} {w.title()}" for w in vocab[:500]]
    made, number = 0, 0
    while made < n_quotes:
        quotes, speakers, text, pos = [], {}, [], 0
        for _ in range(min(30, n_quotes - made)):
            words = rng.choices(vocab, weights=weights, k=rng.randint(6, 40))
            sentence = " ".join(words).capitalize()
            name = rng.choice(names)
            sid = name.lower().replace(" ", "-")
            speakers[sid] = Speaker(id=sid, name=name, kind=SpeakerKind.PERSON)
            chunk = f"“{sentence},” {name} said. "
            start = pos + 1
            quotes.append(
                Quote(
                    doc="",
                    outlet=f"Outlet {number % 40}",
                    start=start,
                    end=start + len(sentence) + 1,
                    text=sentence + ",",
                    kind=Kind.DIRECT,
                    speaker=name,
                    speaker_id=sid,
                    cue="said",
                )
            )
            text.append(chunk)
            pos += len(chunk)
        doc = f"/{prefix}/doc{number:06d}.txt"
        article = Article(doc=doc, text="".join(text), outlet=f"Outlet {number % 40}")
        quotes = [Quote(**{**_fields(q), "doc": doc}) for q in quotes]
        yield Extraction(article=article, quotes=tuple(quotes), speakers=tuple(speakers.values()))
        made += len(quotes)
        number += 1


def _fields(q: Quote) -> dict[str, object]:
    return {f: getattr(q, f) for f in Quote.__dataclass_fields__}


def build(db: Path, n_quotes: int) -> float:
    """Make the index: the seeds (extracted) and synthetic filler up to ``n_quotes``. Seconds taken."""
    t0 = time.perf_counter()
    seeds = extract_corpus([SEEDS])
    with Index(db, create=True) as index:
        index.add_extractions(seeds)
        filler = n_quotes - sum(len(ex.quotes) for ex in seeds)
        index.add_extractions(synthetic(filler))
    return time.perf_counter() - t0


def bench(db: Path, repeat: int) -> list[float]:
    """Milliseconds per ``verify`` call, every claim ``repeat`` times (one warm-up call first)."""
    times = []
    with Index(db) as index:
        verify(CLAIMS[0][0], speaker=CLAIMS[0][1], against=index)
        for _ in range(repeat):
            for claim, speaker in CLAIMS:
                t0 = time.perf_counter()
                verify(claim, speaker=speaker, against=index)
                times.append((time.perf_counter() - t0) * 1000)
    return times


_CHILD = """
import sys, time
sys.path.insert(0, {bench!r})
from bench_verify import synthetic
from quotes.store import Index

def slow():
    for k, ex in enumerate(synthetic({n}, seed=99, prefix="killed")):
        if k == 50:
            print("inside the transaction", flush=True)
        yield ex

with Index({db!r}) as index:
    index.add_extractions(slow())
print("committed", flush=True)
"""


def kill_test(db: Path, *, extra: int = 20000) -> bool:
    """SIGKILL a process in the middle of adding ``extra`` quotes; the index must be intact."""
    with Index(db) as index:
        before = (index.stats().quotes, [(d.key, d.sha256) for d in index.documents()])
    code = _CHILD.format(bench=str(Path(__file__).parent), n=extra, db=str(db))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    time.sleep(0.5)  # well inside the transaction: more documents are being written
    wal = db.with_name(db.name + "-wal")
    spilled = wal.stat().st_size if wal.exists() else 0  # uncommitted pages already on disk
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with Index(db) as index:
        check = index.integrity()
        after = (index.stats().quotes, [(d.key, d.sha256) for d in index.documents()])
    intact = check == "ok" and after == before
    print(
        f"kill -9: child said {line!r}, WAL at {spilled / 1e6:.1f} MB, exit {child.returncode}; "
        f"integrity_check {check!r}; "
        f"quotes before {before[0]:,}, after {after[0]:,}; previous state intact: {intact}"
    )
    return intact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=100_000, help="quotes in the index (default 100,000)")
    parser.add_argument("--db", type=Path, help="index file (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="use the index at --db as it is, if it exists")
    parser.add_argument("--repeat", type=int, default=20, help="times each claim is verified")
    parser.add_argument("--kill", action="store_true", help="also run the kill -9 test on the index")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    if not (args.reuse and db.exists()):
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            p.unlink(missing_ok=True)
        seconds = build(db, args.quotes)
        print(f"built {db} in {seconds:.1f} s")
    with Index(db) as index:
        stats = index.stats()
    print(f"index: {stats.documents:,} documents, {stats.quotes:,} quotes, {stats.bytes / 1e6:.0f} MB")
    times = bench(db, args.repeat)
    cut = statistics.quantiles(times, n=20)
    print(
        f"verify: {len(times)} calls, median {statistics.median(times):.1f} ms, "
        f"p95 {cut[-1]:.1f} ms, max {max(times):.1f} ms"
    )
    ok = kill_test(db) if args.kill else True
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: verifying one claim against an index of 100,000 quotes, kill -9 during an add, and
batch verification of 1,000 claims against 300 articles with the extraction cache.

Not a test. Builds an index holding the seed articles' quotes plus synthetic filler quotes
(sentences drawn from the seeds' vocabulary and invented words, Zipf-distributed, spread
over documents of 30 quotes by 500 speakers), then times ``quotes.verify.verify`` on
held-back claims (faithful, negated, renumbered, misattributed, fabricated) and prints the
median and 95th percentile in milliseconds. With ``--kill``, it then starts a second
process that adds 20,000 more quotes in one transaction, kills it with SIGKILL in the
middle, and checks that ``PRAGMA integrity_check`` is ``ok`` and the index is exactly as
before.

With ``--batch``, it instead writes ``--articles`` variants of the five seed articles (paragraphs
reordered, the people renamed, outlets kept) into a temporary folder, makes ``--claims`` claims
from their quotes (faithful, renumbered, negated, shortened, misattributed, invented), and times:
the cold extraction (empty cache), the warm opening of the same sources (every document from the
cache), each claim's verdict through ``verify_claims``, and the old way (``verify`` against the
paths with the cache off, which extracts every article for every claim) on a few claims.

    .venv/bin/python benchmarks/bench_verify.py --quotes 100000 --kill
    .venv/bin/python benchmarks/bench_verify.py --db /tmp/bench.db --reuse   # keep and reuse the index
    .venv/bin/python benchmarks/bench_verify.py --batch --articles 300 --claims 1000 --old 3
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
from quotes.cache import CACHE_ENV
from quotes.config import Settings
from quotes.ingest import read_articles
from quotes.nlp import pipeline
from quotes.store import Index
from quotes.types import Article, Extraction, Kind, Quote, Speaker, SpeakerKind
from quotes.verify import Claim, Corpus, verify, verify_claims

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


# -- batch verify: 1,000 claims against 300 articles, with the extraction cache -------------------

#: Names swapped into the article variants: (name in the seeds, replacements).
RENAMES = [
    ("Lee", ["Park", "Choi", "Jung", "Yoon", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Moon", "Jang"]),
    ("Ishiba", ["Kishida", "Suga", "Kono", "Motegi", "Hayashi", "Takaichi", "Koizumi", "Noda"]),
    ("Kang", ["Baek", "Cho", "Ryu", "Nam", "Song", "Yang", "Ahn"]),
]


def variants(n: int, folder: Path, *, seed: int = 11) -> list[Path]:
    """Write ``n`` distinct variants of the seed articles (paragraphs reordered, people renamed)
    and an ``outlets.toml`` giving each its seed's outlet and the event date."""
    import tomllib

    rng = random.Random(seed)
    meta = tomllib.loads((SEEDS / "outlets.toml").read_text(encoding="utf-8"))
    seeds = sorted(SEEDS.glob("*.txt"))
    seen: set[str] = set()
    toml = [f'event_date = "{meta["event_date"]}"']
    files = []
    while len(files) < n:
        source = seeds[len(files) % len(seeds)]
        lines = source.read_text(encoding="utf-8").split("\n")
        body = [k for k, line in enumerate(lines) if k > 0 and line.strip()]
        for _ in range(3):  # swap a few pairs of paragraphs after the headline
            if len(body) > 1:
                a, b = rng.sample(body, 2)
                lines[a], lines[b] = lines[b], lines[a]
        text = "\n".join(lines)
        for old, new in RENAMES:
            text = re.sub(rf"\b{old}\b", rng.choice(new), text)
        if text in seen:
            continue
        seen.add(text)
        path = folder / f"{len(files):04d}_{source.stem}.txt"
        path.write_text(text, encoding="utf-8")
        outlet = meta["files"].get(source.name, {}).get("outlet")
        if outlet:
            toml.append(f'[files."{path.name}"]\noutlet = "{outlet}"')
        files.append(path)
    (folder / "outlets.toml").write_text("\n\n".join(toml) + "\n", encoding="utf-8")
    return files


def make_claims(corpus: Corpus, n: int, *, seed: int = 5) -> list[Claim]:
    """``n`` claims from the corpus's quotes: faithful, a number changed, negated, shortened,
    given to another speaker, or invented (the fixed ``CLAIMS``)."""
    rng = random.Random(seed)
    quotes = [q for ex in corpus.extractions for q in ex.quotes if len(q.text.split()) >= 5]
    speakers = sorted({q.speaker for q in quotes if q.speaker})
    out = []
    while len(out) < n:
        q = rng.choice(quotes)
        words = q.text.split()
        kind = rng.random()
        if kind < 0.4:
            text, who = q.text, q.speaker
        elif kind < 0.5:
            text, who = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), q.text) or q.text, q.speaker
        elif kind < 0.6:
            k = rng.randrange(1, len(words))
            text, who = " ".join(words[:k] + ["not"] + words[k:]), q.speaker
        elif kind < 0.75:
            k = rng.randrange(len(words))
            text, who = " ".join(words[:k] + words[k + 1 :]), q.speaker
        elif kind < 0.9:
            text, who = q.text, rng.choice(speakers)
        else:
            text, who = rng.choice(CLAIMS)
        out.append(Claim(text=text, speaker=who, line=len(out) + 1))
    return out


def bench_batch(n_articles: int, n_claims: int, n_old: int) -> None:
    """Time cold and warm opening of ``n_articles`` article variants, ``n_claims`` verdicts in one
    batch, and ``n_old`` claims the old way (extract every article for every claim)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "articles", Path(tmp) / "cache"
        folder.mkdir()
        files = variants(n_articles, folder)
        chars = sum(len(a.text) for a in read_articles([folder]) if isinstance(a, Article))
        os.environ[CACHE_ENV] = str(cache)
        t0 = time.perf_counter()
        pipeline(Settings())
        print(f"pipeline loaded in {time.perf_counter() - t0:.1f} s (once per process, not counted below)")
        t0 = time.perf_counter()
        Corpus.from_paths([folder])  # the first open: extracts every article and fills the cache
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        corpus = Corpus.from_paths([folder])  # the same sources again: every document from the cache
        warm = time.perf_counter() - t0
        quotes = sum(len(ex.quotes) for ex in corpus.extractions)
        print(f"articles: {len(files)} variants of the seeds, {chars / 1e6:.1f} M characters, {quotes:,} quotes")
        claims = make_claims(corpus, n_claims)
        times = []
        verdicts = verify_claims(claims, against=corpus)
        while True:
            t0 = time.perf_counter()
            verdict = next(verdicts, None)
            if verdict is None:
                break
            times.append((time.perf_counter() - t0) * 1000)
        os.environ[CACHE_ENV] = "off"
        old = []
        for claim in claims[:n_old]:
            t0 = time.perf_counter()
            verify(claim.text, speaker=claim.speaker, against=[folder])  # extracts all articles, no cache
            old.append(time.perf_counter() - t0)
    cut = statistics.quantiles(times, n=20)
    new_per_claim = (warm + sum(times) / 1000) / len(times)
    old_per_claim = statistics.median(old) if old else float("nan")
    print(f"cold extraction (empty cache): {cold:.1f} s; warm open (all cached): {warm * 1000:.0f} ms")
    print(
        f"batch verify: {len(times)} claims, median {statistics.median(times):.1f} ms, p95 {cut[-1]:.1f} ms, "
        f"total {sum(times) / 1000:.1f} s"
    )
    print(
        f"per claim: old (extract per claim, median of {len(old)}) {old_per_claim:.1f} s, "
        f"new (warm open + batch, averaged) {new_per_claim * 1000:.1f} ms; "
        f"ratio old/new {old_per_claim / new_per_claim:,.0f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=100_000, help="quotes in the index (default 100,000)")
    parser.add_argument("--db", type=Path, help="index file (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="use the index at --db as it is, if it exists")
    parser.add_argument("--repeat", type=int, default=20, help="times each claim is verified")
    parser.add_argument("--kill", action="store_true", help="also run the kill -9 test on the index")
    parser.add_argument("--batch", action="store_true", help="benchmark batch verify against articles instead")
    parser.add_argument("--articles", type=int, default=300, help="article variants for --batch (default 300)")
    parser.add_argument("--claims", type=int, default=1000, help="claims for --batch (default 1,000)")
    parser.add_argument("--old", type=int, default=3, help="claims timed the old way for --batch (default 3)")
    args = parser.parse_args()
    if args.batch:
        bench_batch(args.articles, args.claims, args.old)
        return 0
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

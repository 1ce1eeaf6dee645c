"""The quote index under several writers at once: creating one new index from many processes."""

from __future__ import annotations

import multiprocessing as mp
import queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from quotes.store import Index
from quotes.types import Article, Extraction, Kind, Quote

#: Processes creating the same new index at once, rounds of it (a fresh index each), documents each adds.
WRITERS, ROUNDS, DOCS = 8, 30, 2
#: Times each writer opens the new index (creating it if no one has yet) before it adds.
OPENS = 5


def _documents(writer: int) -> list[Extraction]:
    out = []
    for d in range(DOCS):
        doc, words = f"/writer{writer}/{d}.txt", f"remark {writer} {d} about the harbour budget"
        quote = Quote(doc=doc, outlet=None, start=1, end=1 + len(words), text=words, kind=Kind.DIRECT)
        out.append(Extraction(Article(doc, f"“{words}”"), (quote,)))
    return out


def _writer(folder: str, writer: int, barrier: Barrier, results: mp.Queue[tuple[int, int, str]]) -> None:
    """Each round: wait for the others, open (create) the round's index a few times, add this writer's documents."""
    for round_ in range(ROUNDS):
        barrier.wait(timeout=60)
        try:
            for _ in range(OPENS - 1):
                Index(Path(folder) / f"round{round_}.db", create=True).close()
            with Index(Path(folder) / f"round{round_}.db", create=True) as index:
                index.add_extractions(_documents(writer))
            results.put((round_, writer, "ok"))
        except Exception as exc:  # reported to the test, which fails on it
            results.put((round_, writer, f"{type(exc).__name__}: {exc}"))


def test_writers_creating_one_new_index_at_once_all_succeed_and_nothing_is_lost(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(WRITERS)
    results: mp.Queue[tuple[int, int, str]] = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), k, barrier, results)) for k in range(WRITERS)]
    for p in procs:
        p.start()
    outcomes = []
    try:
        for _ in range(WRITERS * ROUNDS):
            outcomes.append(results.get(timeout=120))
    except queue.Empty:
        pass
    for p in procs:
        p.join(timeout=60)
        if p.is_alive():
            p.kill()
    failures = [o for o in outcomes if o[2] != "ok"]
    assert not failures, failures[:3]
    assert len(outcomes) == WRITERS * ROUNDS
    for round_ in range(ROUNDS):
        with Index(tmp_path / f"round{round_}.db") as index:
            assert index.stats().documents == WRITERS * DOCS
            assert index.integrity() == "ok"

"""The quote index: idempotent adds, replacement of changed files, removal, schema and
foreign files, WAL readers beside a writer, and kill -9 in the middle of an add."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.errors import StoreError
from quotes.store import APPLICATION_ID, SCHEMA_VERSION, Index, interrupted
from quotes.types import Article, Extraction, Kind, Quote, Speaker, SpeakerKind

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
runner = CliRunner()


def synthetic(n_docs: int, *, per_doc: int = 30, prefix: str = "doc", start: int = 0) -> list[Extraction]:
    """Documents of ``per_doc`` made-up quotes each (no parsing: fast)."""
    out = []
    for d in range(start, start + n_docs):
        text, quotes = "", []
        for k in range(per_doc):
            words = f"remark {d} {k} about harbour budget number {d * per_doc + k} and the weather"
            begin = len(text) + 1
            text += f"“{words},” Ana Lima said. "
            doc = f"/{prefix}/{d}.txt"
            quotes.append(
                Quote(
                    doc=doc,
                    outlet="Gazette",
                    start=begin,
                    end=begin + len(words),
                    text=words,
                    kind=Kind.DIRECT,
                    speaker="Ana Lima",
                    speaker_id="ana-lima",
                )
            )
        speaker = Speaker("ana-lima", "Ana Lima", SpeakerKind.PERSON)
        out.append(Extraction(Article(f"/{prefix}/{d}.txt", text, "Gazette"), tuple(quotes), (speaker,)))
    return out


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def test_adding_twice_is_idempotent(tmp_path: Path, seeds_copy: Path) -> None:
    with Index(tmp_path / "q.db", create=True) as index:
        first = index.add([seeds_copy])
        assert len(first.added) == 5 and first.quotes > 30
        second = index.add([seeds_copy])
        assert second.added == () and second.replaced == () and len(second.unchanged) == 5 and second.quotes == 0
        stats = index.stats()
        assert stats.documents == 5 and stats.quotes == first.quotes
        assert index.integrity() == "ok"


def test_re_adding_a_changed_file_replaces_its_quotes(tmp_path: Path, seeds_copy: Path) -> None:
    with Index(tmp_path / "q.db", create=True) as index:
        index.add([seeds_copy])
        before = index.stats().quotes
        herald = next(seeds_copy.glob("000_*.txt"))
        text = herald.read_text(encoding="utf-8")
        assert '"overcome the painful past,"' in text
        herald.write_text(text.replace("overcome the painful past", "bury the painful past"), encoding="utf-8")
        result = index.add([seeds_copy])
        assert result.replaced == (str(herald),) and len(result.unchanged) == 4
        assert index.stats().quotes == before
        texts = [r.text for r in index.candidates("painful past")]
        assert "bury the painful past," in texts and "overcome the painful past," not in texts
        assert index.integrity() == "ok"


def test_one_file_is_one_document_whatever_path_names_it(
    tmp_path: Path, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Index(tmp_path / "q.db", create=True) as index:
        index.add([seeds_copy / "004_8df4cc8b66d25727.txt"])
        monkeypatch.chdir(seeds_copy)
        assert index.add(["004_8df4cc8b66d25727.txt"]).unchanged == ("004_8df4cc8b66d25727.txt",)
        assert index.stats().documents == 1


def test_remove_takes_a_document_and_its_quotes_out(tmp_path: Path, seeds_copy: Path) -> None:
    with Index(tmp_path / "q.db", create=True) as index:
        index.add([seeds_copy])
        blog = str(seeds_copy / "004_8df4cc8b66d25727.txt")
        assert index.remove([blog, "not-there.txt"]) == (blog,)
        assert index.stats().documents == 4
        assert all(r.quotes[0].doc != blog for r in index.candidates("wartime laborers compensating"))
        assert index.integrity() == "ok"


def test_candidates_join_the_halves_of_an_interrupted_quote(tmp_path: Path, seeds_copy: Path) -> None:
    with Index(tmp_path / "q.db", create=True) as index:
        index.add([seeds_copy / "001_3e56a76460fb6f38.txt"])
        joined = [r for r in index.candidates("importance growing hope Korea Japan") if len(r.quotes) == 2]
        assert joined and joined[0].text.startswith("In today’s strategic environment")
        assert joined[0].speaker is not None and joined[0].speaker.name == "Lee Jae-myung"


def test_interrupted_needs_the_same_speaker_and_a_short_gap() -> None:
    def q(start: int, end: int, speaker: str = "a", kind: Kind = Kind.DIRECT) -> Quote:
        return Quote(doc="d", outlet=None, start=start, end=end, text="x", kind=kind, speaker_id=speaker)

    first, second, far, other = q(0, 50), q(80, 120), q(400, 450), q(130, 160, "b")
    assert interrupted(first, [first, second, far, other]) == [(first,), (first, second)]
    assert interrupted(far, [first, second, far]) == [(far,)]
    assert interrupted(q(0, 9, kind=Kind.INDIRECT), [first, second]) == [(q(0, 9, kind=Kind.INDIRECT),)]


def test_schema_version_wal_and_application_id(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    Index(db, create=True).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_an_empty_sqlite_file_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    sqlite3.connect(db).close()  # an empty database, as an older or aborted start leaves it
    with Index(db) as index:
        assert index.stats().schema_version == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("doc,outlet\nnot,a database\n", encoding="utf-8"), "not an SQLite database"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE budget (x)").connection.commit(), "other tables (budget)"),
    ],
    ids=["text file", "someone else's sqlite"],
)
def test_a_file_that_is_not_our_database_is_a_clear_error(tmp_path: Path, make: object, message: str) -> None:
    db = tmp_path / "other.db"
    make(db)  # type: ignore[operator]
    with pytest.raises(StoreError) as caught:
        Index(db, create=True)
    text = str(caught.value)
    assert text.startswith("[Q400]") and "not a quotes index" in text and message in text
    assert "pass the index file made by `quotes index add`" in text


def test_a_newer_schema_asks_for_an_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    Index(db, create=True).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer quotes.*upgrade quotes"):
        Index(db)


def test_a_missing_index_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="quotes index add"):
        Index(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


_WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from test_store import synthetic
from quotes.store import Index

def slow():
    for k, ex in enumerate(synthetic({n}, prefix="late")):
        if k == 5:
            print("inside", flush=True)
            {pause}
        if k > 5:
            time.sleep({each})
        yield ex

with Index({db!r}) as index:
    index.add_extractions(slow())
print("committed", flush=True)
"""


def _writer(db: Path, n: int, *, pause: str = "pass", each: float = 0.0) -> subprocess.Popen[str]:
    """A process adding ``n`` documents in one transaction; returns once it is inside it."""
    code = _WRITER.format(tests=str(Path(__file__).parent), n=n, db=str(db), pause=pause, each=each)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "inside"
    return child


def test_a_reader_works_while_another_process_writes(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    with Index(db, create=True) as index:
        index.add_extractions(synthetic(20))
    writer = _writer(db, 40, pause="time.sleep(3)")  # holds its write transaction open
    try:
        t0 = time.perf_counter()
        with Index(db) as reader:
            assert reader.stats().quotes == 600  # the last committed state
            assert reader.candidates("remark 3 7 harbour")
            assert reader.documents()[0].quotes == 30
        assert time.perf_counter() - t0 < 2.5, "the reader waited for the writer"
    finally:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "committed"
        writer.wait()
    with Index(db) as reader:
        assert reader.stats().quotes == 600 + 40 * 30


def test_kill_9_in_the_middle_of_an_add_leaves_the_last_good_state(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    with Index(db, create=True) as index:
        index.add_extractions(synthetic(100))  # 3,000 quotes
        before = [(d.key, d.sha256, d.quotes) for d in index.documents()]
    wal = db.with_name(db.name + "-wal")
    writer = _writer(db, 1000, each=0.002)  # 30,000 more, one transaction, over 2 s
    time.sleep(1.0)
    spilled = wal.stat().st_size if wal.exists() else 0
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert spilled > 100_000, "the writer had not yet written its uncommitted pages to the WAL"
    with Index(db) as index:
        assert index.integrity() == "ok"
        assert [(d.key, d.sha256, d.quotes) for d in index.documents()] == before
        assert index.stats().quotes == 3000
        assert index.candidates("remark 42 7 harbour")
        index.add_extractions(synthetic(1, prefix="after"))  # and it still takes writes
        assert index.stats().quotes == 3030


def test_cli_index_add_list_stats_remove(tmp_path: Path, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "q.db"
    added = runner.invoke(app, ["index", "add", str(seeds_copy), "--db", str(db)])
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("5 added, 0 replaced, 0 unchanged;")
    again = runner.invoke(app, ["index", "add", str(seeds_copy), "--db", str(db)])
    assert again.stdout.startswith("0 added, 0 replaced, 5 unchanged;")
    monkeypatch.setenv("QUOTES_DB", str(db))
    listed = runner.invoke(app, ["index", "list"])
    assert listed.exit_code == 0 and "Korea Herald" in listed.stdout and listed.stdout.count(".txt") == 5
    stats = runner.invoke(app, ["index", "stats", "--format", "json"])
    assert stats.exit_code == 0
    blog = str(seeds_copy / "004_8df4cc8b66d25727.txt")
    removed = runner.invoke(app, ["index", "remove", blog])
    assert removed.exit_code == 0 and removed.stdout.strip() == "1 removed"
    assert runner.invoke(app, ["index", "remove", blog]).exit_code == 1


def test_cli_index_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTES_DB", raising=False)
    missing = runner.invoke(app, ["index", "stats"])
    assert missing.exit_code == 1 and "--db FILE or set QUOTES_DB" in missing.stderr
    bad = tmp_path / "notes.db"
    bad.write_text("hello", encoding="utf-8")
    result = runner.invoke(app, ["index", "add", str(SEEDS), "--db", str(bad)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "not a quotes index" in result.stderr


def test_index_group_help_has_an_example() -> None:
    result = runner.invoke(app, ["index", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
    for command in ("add", "list", "stats", "remove"):
        assert "Example:" in runner.invoke(app, ["index", command, "--help"]).stdout

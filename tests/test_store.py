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


def test_add_calls_back_once_per_document_extracted_or_not(tmp_path: Path, seeds_copy: Path) -> None:
    with Index(tmp_path / "q.db", create=True) as index:
        first: list[object] = []
        index.add([seeds_copy], on_document=first.append)
        (seeds_copy / "new.txt").write_text("“We will win,” Anna Berg said.\n", encoding="utf-8")
        second: list[object] = []
        index.add([seeds_copy, tmp_path / "missing.txt"], on_document=second.append)
    assert len(first) == 5 and None not in first
    assert len(second) == 7 and second.count(None) == 6  # five unchanged and one unreadable, one extracted


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
    with Index(db, create=True) as index:
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
    assert missing.exit_code == 2 and "--db FILE or set QUOTES_DB" in missing.stderr
    bad = tmp_path / "notes.db"
    bad.write_text("hello", encoding="utf-8")
    result = runner.invoke(app, ["index", "add", str(SEEDS), "--db", str(bad)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "not a quotes index" in result.stderr


def test_index_group_help_has_an_example() -> None:
    result = runner.invoke(app, ["index", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
    for command in ("add", "list", "stats", "remove"):
        assert "Example:" in runner.invoke(app, ["index", command, "--help"]).stdout


# -- hostile and large input (issue 12) ----------------------------------------------------------


def test_index_add_keeps_the_good_files_beside_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("“We will not raise taxes this year,” Ana Lima said.\n", encoding="utf-8")
    odd = os.fsencode(folder) + b"/\xff.txt"
    with open(odd, "w", encoding="utf-8") as fh:
        fh.write("Lee said that prices rose.\n")
    with Index(tmp_path / "q.db", create=True) as index:
        result = index.add([folder])
        assert len(result.added) == 2 and result.diagnostics == ()
        names = sorted(d.doc for d in index.documents())
        assert names == [str(folder) + "/\\xff.txt", str(folder / "good.txt")]
        assert index.remove([os.fsdecode(odd)]) == (str(folder) + "/\\xff.txt",)
        assert [d.doc for d in index.documents()] == [str(folder / "good.txt")]


def _same_name_in_two_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, index: Index) -> list[Path]:
    """``a.txt`` added from two folders, each named as ``a.txt`` from inside its folder."""
    folders = [tmp_path / "one", tmp_path / "two"]
    for k, folder in enumerate(folders):
        folder.mkdir()
        monkeypatch.chdir(folder)
        ex = synthetic(1, prefix="x", start=k)[0]
        index.add_extractions([Extraction(Article("a.txt", ex.article.text, "Gazette"), ex.quotes, ex.speakers)])
    monkeypatch.chdir(tmp_path)
    return folders


def test_index_remove_by_ambiguous_name_asks_for_the_full_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Index(tmp_path / "q.db", create=True) as index:
        one, two = _same_name_in_two_folders(tmp_path, monkeypatch, index)
        assert sorted(d.key for d in index.documents()) == [str(one / "a.txt"), str(two / "a.txt")]
        with pytest.raises(StoreError) as caught:
            index.remove(["a.txt"])
        message = str(caught.value)
        assert message.startswith("[Q400]") and "\n" not in message
        assert "2 documents" in message and str(one / "a.txt") in message and "full path" in message
        assert index.stats().documents == 2  # nothing removed
        monkeypatch.chdir(one)  # from its folder, a.txt is that folder's file only
        assert index.remove(["a.txt"]) == ("a.txt",)
        assert [d.key for d in index.documents()] == [str(two / "a.txt")]
        monkeypatch.chdir(tmp_path)
        assert index.remove(["a.txt"]) == ("a.txt",)  # one document left with that name: not ambiguous
        assert index.stats().documents == 0


def test_index_list_shows_the_full_path_of_documents_added_under_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes.store import render_documents

    with Index(tmp_path / "q.db", create=True) as index:
        one, two = _same_name_in_two_folders(tmp_path, monkeypatch, index)
        table = render_documents(index.documents(), "table")
    rows = table.splitlines()[2:]
    assert len(rows) == 2 and rows[0] != rows[1]
    assert str(one / "a.txt") in table and str(two / "a.txt") in table


@pytest.mark.parametrize("command", [["index", "list"], ["index", "stats"], ["verify", "words"]])
def test_a_read_only_command_on_an_empty_file_is_an_error_and_writes_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = runner.invoke(app, [*command, "--db", str(empty)])
    assert result.exit_code != 0 and result.stderr.count("\n") == 1 and "not a quotes index" in result.stderr
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_opening_an_empty_file_without_create_is_a_store_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="not a quotes index .*empty"):
        Index(empty)
    sqlite3.connect(tmp_path / "blank.db").execute("PRAGMA user_version = 3").connection.close()
    with pytest.raises(StoreError, match="not a quotes index"):
        Index(tmp_path / "blank.db")
    assert empty.stat().st_size == 0
    with Index(empty, create=True) as index:  # adding to it makes it an index
        assert index.stats().documents == 0


def _corrupt_index(path: Path) -> Path:
    """An index of 50 documents whose pages after the first (the header and schema) are overwritten."""
    with Index(path, create=True) as index:
        index.add_extractions(synthetic(50))
    data = bytearray(path.read_bytes())
    assert data[:16] == b"SQLite format 3\x00" and not path.with_name(path.name + "-wal").exists()
    for offset in range(4096, len(data), 4096):
        data[offset + 100 : offset + 600] = b"\xa5" * 500
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    "command",
    [["index", "list"], ["index", "stats"], ["index", "add", str(SEEDS / "004_8df4cc8b66d25727.txt")], ["verify", "x"]],
    ids=["list", "stats", "add", "verify"],
)
def test_a_corrupt_index_is_one_line_in_every_command(tmp_path: Path, command: list[str]) -> None:
    db = _corrupt_index(tmp_path / "q.db")
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code in (1, 2) and isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.count("\n") == 1 and "[Q400]" in result.stderr, result.output
    assert "index is corrupt" in result.stderr


def test_corruption_met_after_opening_is_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.store import schema

    db = _corrupt_index(tmp_path / "q.db")
    with pytest.raises(StoreError, match="index is corrupt"):
        Index(db)
    monkeypatch.setattr(schema, "QUICK_CHECK_BYTES", 0)  # too large to check on opening
    with Index(db) as index:
        for call in (index.documents, index.stats, lambda: index.candidates("remark 3 7 harbour")):
            with pytest.raises(StoreError, match=r"^\[Q400\] .*index is corrupt.*quotes index add"):
                call()


def test_an_index_of_schema_version_1_is_upgraded_and_finds_korean(tmp_path: Path) -> None:
    from quotes.store import MIGRATIONS

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for statement in MIGRATIONS[0][1]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, 'earlier')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO documents VALUES (1, '/a.txt', 'a.txt', NULL, NULL, 'x', 40, 'earlier')")
    conn.execute(
        'INSERT INTO quotes(document, start, "end", text, kind) VALUES (1, 1, 22, ?, ?)',
        ("우리는 올해 세금을 올리지 않을 것입니다", "direct"),
    )
    conn.commit()
    conn.close()
    with Index(db) as index:
        assert index.stats().schema_version == SCHEMA_VERSION
        found = index.candidates("우리는 올해 세금을 올리지 않을 것입니다")
        assert [r.text for r in found] == ["우리는 올해 세금을 올리지 않을 것입니다"]
        assert index.integrity() == "ok"


def _imports(module: Path) -> set[str]:
    """The modules a file imports, relative ones resolved against the ``quotes`` package."""
    import ast

    package = ["quotes", *module.parent.relative_to(ROOT / "quotes").parts]
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.add(".".join([*base, *([node.module] if node.module else [])]))
    return found


@pytest.mark.parametrize("module", [p.name for p in sorted((ROOT / "quotes" / "store").glob("*.py"))])
def test_the_store_imports_nothing_from_verify(module: str) -> None:
    imported = _imports(ROOT / "quotes" / "store" / module)
    assert not {m for m in imported if m == "quotes.verify" or m.startswith("quotes.verify.")}


def test_index_list_and_stats_render_every_format_with_one_csv_column_per_record_field(
    tmp_path: Path, seeds_copy: Path
) -> None:
    import csv
    import io
    import json

    from quotes.render import Format
    from quotes.store import render_documents, render_stats

    with Index(tmp_path / "q.db", create=True) as index:
        index.add([seeds_copy])
        docs, stats = index.documents(), index.stats()
    records = [json.loads(line) for line in render_documents(docs, Format.JSONL).splitlines()]
    header, *rows = list(csv.reader(io.StringIO(render_documents(docs, Format.CSV))))
    assert header == list(records[0]) and [r[0] for r in rows] == [r["doc"] for r in records] and len(rows) == 5
    assert render_documents(docs, Format.MARKDOWN).startswith("| doc")
    (record,) = [json.loads(line) for line in render_stats(stats, Format.JSONL).splitlines()]
    header, row = list(csv.reader(io.StringIO(render_stats(stats, Format.CSV))))
    assert header == list(record) and json.loads(dict(zip(header, row, strict=True))["kinds"]) == record["kinds"]
    assert "| documents | 5" in render_stats(stats, Format.MARKDOWN)


def test_a_quote_interrupted_twice_is_one_candidate_through_the_index_as_through_paths(tmp_path: Path) -> None:
    from quotes.verify import Corpus

    halves = [
        "We will open the harbour",
        "and every ship that comes in will pay the same fee, whatever flag it flies and whatever it carries, "
        "from grain to coal to cars",
        "so that nobody is favoured",
    ]
    text, quotes = "", []
    for words in halves:
        text += "“"
        quotes.append(
            Quote(
                "/news/a.txt", "Gazette", len(text), len(text) + len(words), words, Kind.DIRECT, "Ana Lima", "ana-lima"
            )
        )
        text += words + ",” Ana Lima said. "
    ex = Extraction(Article("/news/a.txt", text, "Gazette"), tuple(quotes), (Speaker("ana-lima", "Ana Lima"),))
    with Index(tmp_path / "q.db", create=True) as index:
        index.add_extractions([ex])
        by_index = index.candidates("open harbour")
    by_paths = Corpus([ex]).candidates("open harbour")
    assert max(len(r.quotes) for r in by_index) == max(len(r.quotes) for r in by_paths) == 3

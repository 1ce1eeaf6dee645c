"""Schema: the tables of a quotes index as migrations, and the checks that a file is one.

Input: an index path and an open SQLite connection.
Output: the connection in WAL mode at ``SCHEMA_VERSION``, or a ``StoreError`` that says what to do.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from ..errors import InputError, StoreError

#: Environment variable naming the index file when ``--db`` is not given.
DB_ENV = "QUOTES_DB"
#: ``PRAGMA application_id`` of a quotes index ("QTES"): tells our files from other SQLite files.
APPLICATION_ID = 0x51544553
#: Seconds a writer or reader waits for a lock held by another process before giving up.
BUSY_TIMEOUT = 30.0

_SQLITE_HEADER = b"SQLite format 3\x00"

#: The schema, as migrations: version -> statements. A new version appends an entry; an
#: index written by an older version is brought up to date when it is opened.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
            """CREATE TABLE schema_version (
                version INTEGER PRIMARY KEY,
                applied TEXT NOT NULL
            )""",
            """CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,      -- absolute path of the file
                doc TEXT NOT NULL,             -- the path as named when it was added
                outlet TEXT,
                date TEXT,
                sha256 TEXT NOT NULL,          -- of the UTF-8 text
                chars INTEGER NOT NULL,
                added TEXT NOT NULL            -- UTC, ISO 8601
            )""",
            "CREATE INDEX documents_sha256 ON documents(sha256)",
            """CREATE TABLE quotes (
                id INTEGER PRIMARY KEY,
                document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                kind TEXT NOT NULL,
                speaker TEXT,
                speaker_id TEXT,
                speaker_mention TEXT,
                speaker_start INTEGER,
                speaker_end INTEGER,
                cue TEXT,
                via TEXT,
                grp TEXT,
                flags TEXT NOT NULL DEFAULT '[]',
                line INTEGER NOT NULL DEFAULT 1
            )""",
            "CREATE INDEX quotes_document ON quotes(document, start)",
            "CREATE INDEX quotes_speaker ON quotes(speaker_id)",
            """CREATE TABLE speakers (
                document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                role TEXT,
                body TEXT,
                aliases TEXT NOT NULL DEFAULT '[]',
                PRIMARY KEY (document, id)
            )""",
            """CREATE VIRTUAL TABLE quotes_fts USING fts5(
                text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
            )""",
            "CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab(quotes_fts, row)",
            """CREATE VIRTUAL TABLE speakers_fts USING fts5(
                name, content='speakers', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
            )""",
            """CREATE TRIGGER speakers_ai AFTER INSERT ON speakers BEGIN
                INSERT INTO speakers_fts(rowid, name) VALUES (new.rowid, new.name);
            END""",
            """CREATE TRIGGER speakers_ad AFTER DELETE ON speakers BEGIN
                INSERT INTO speakers_fts(speakers_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
            END""",
            """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
                INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
            END""",
            """CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
                INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END""",
            """CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
                INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
                INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
            END""",
        ),
    ),
)
#: The schema version this code writes and reads.
SCHEMA_VERSION = MIGRATIONS[-1][0]


def db_path(db: str | os.PathLike[str] | None) -> Path:
    """The index file: ``db`` if given, else ``$QUOTES_DB``.

    Raises:
        InputError: neither is set.
    """
    if db is not None and str(db):
        return Path(db)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    raise InputError(f"no index given; pass --db FILE or set {DB_ENV}")


# -- a connection: set up, migrated, written in transactions -----------------------------------


def _setup(conn: sqlite3.Connection, path: Path) -> None:
    """Lock timeout, foreign keys and WAL on ``conn``; the schema brought up to date.

    Raises:
        StoreError: the file is another application's database or was written by a newer quotes.
    """
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if app_id != APPLICATION_ID:
        if tables:
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(_not_ours(path, f"an SQLite database with other tables ({shown})"))
        if app_id != 0:
            raise StoreError(_not_ours(path, f"an SQLite database of another application (id {app_id})"))
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")  # persistent: readers never block the writer
    conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe against crashes and kill -9
    _migrate(conn, path)


def _version(conn: sqlite3.Connection) -> int:
    """The schema version of the index (0 for an empty file)."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    if has.fetchone() is None:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = _version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: index schema version {version} was written by a newer quotes "
            f"(this one reads up to {SCHEMA_VERSION}); upgrade quotes"
        )
    if version == SCHEMA_VERSION:
        return
    with _Transaction(conn):
        version = _version(conn)  # another process may have migrated meanwhile
        for number, statements in MIGRATIONS:
            if number <= version:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version, applied) VALUES (?, ?)", (number, _now()))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


class _Transaction:
    """One write transaction (taken at once, so two writers queue instead of deadlocking)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- the file --------------------------------------------------------------------------------


def _db_files(path: Path) -> Iterator[Path]:
    yield path
    yield path.with_name(path.name + "-wal")
    yield path.with_name(path.name + "-shm")


def _check_file(path: Path, *, create: bool) -> None:
    """Fail early, before SQLite touches it, on a missing file or one that is not SQLite."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; --db takes the index file (e.g. {path / 'quotes.db'})")
    if not path.exists():
        if create:
            if not path.parent.exists():
                raise StoreError(f"{path}: folder {path.parent} does not exist; create it first")
            return
        raise StoreError(f"{path}: no such index; create it with `quotes index add PATH... --db {path}`")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    if head and head != _SQLITE_HEADER:
        raise StoreError(_not_ours(path, "not an SQLite database"))


def _not_ours(path: Path, what: str) -> str:
    return (
        f"{path}: not a quotes index ({what}); pass the index file made by `quotes index add`, "
        "or a new file name to start one"
    )

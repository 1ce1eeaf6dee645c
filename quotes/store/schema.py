"""Schema: the tables of a quotes index as migrations, and the checks that a file is one.

Input: an index path and an open SQLite connection.
Output: the connection in WAL mode at ``SCHEMA_VERSION``, or a ``StoreError`` that says what to do.

Opening never makes an index unless asked to (``create``): an empty or missing file opened to
read is an error, not a new index. The file is checked (``PRAGMA quick_check``) when that is
cheap, so a corrupt index is one line saying so. Making and upgrading the schema is one
``BEGIN IMMEDIATE`` transaction that looks at the file again inside it, so several processes
making the same new index at once queue and all succeed.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from ..errors import InputError, StoreError
from ..forms import folded, stored

#: Environment variable naming the index file when ``--db`` is not given.
DB_ENV = "QUOTES_DB"
#: ``PRAGMA application_id`` of a quotes index ("QTES"): tells our files from other SQLite files.
APPLICATION_ID = 0x51544553
#: Seconds a writer or reader waits for a lock held by another process before giving up.
BUSY_TIMEOUT = 30.0

#: Largest index file, in bytes, checked with ``PRAGMA quick_check`` when opened (a tenth of a second;
#: a larger one is checked as it is read: a corrupt page met then is the same one-line error).
QUICK_CHECK_BYTES = 64 * 1024 * 1024
#: How FTS5 splits folded text into terms: the quotes, the speakers and the claims looked up.
TOKENIZER = "unicode61 remove_diacritics 2"

_SQLITE_HEADER = b"SQLite format 3\x00"
#: Attempts at a step that SQLite refused as busy without waiting (making WAL, recovering a WAL),
#: and the longest pause between two; together about ``BUSY_TIMEOUT``.
_BUSY_TRIES = 150
_BUSY_PAUSE = 0.2

_T = TypeVar("_T")


def _fts_triggers(table: str, key: str, column: str, *, on_update: bool = False) -> tuple[str, ...]:
    """The triggers that keep ``<table>_fts`` (an external-content FTS5 table over ``column``) in step with
    ``table``: on insert and delete, and on an update of ``column`` when asked."""
    fts = f"{table}_fts"
    add = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.{key}, new.{column});"
    drop = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.{key}, old.{column});"
    out: tuple[str, ...] = (
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN\n    {add}\nEND",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN\n    {drop}\nEND",
    )
    if on_update:
        out += (f"CREATE TRIGGER {table}_au AFTER UPDATE OF {column} ON {table} BEGIN\n    {drop}\n    {add}\nEND",)
    return out


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
            *_fts_triggers("speakers", "rowid", "name"),
            *_fts_triggers("quotes", "id", "text", on_update=True),
        ),
    ),
    (
        2,
        (
            # Quotes and speakers are searched in one Unicode form (``quotes.forms``): stored text in NFC,
            # the searched column ``norm`` NFKC and case folded (SQL functions quotes_nfc, quotes_fold).
            "DROP TRIGGER quotes_ai",
            "DROP TRIGGER quotes_ad",
            "DROP TRIGGER quotes_au",
            "DROP TRIGGER speakers_ai",
            "DROP TRIGGER speakers_ad",
            "DROP TABLE quotes_vocab",
            "DROP TABLE quotes_fts",
            "DROP TABLE speakers_fts",
            "ALTER TABLE quotes ADD COLUMN norm TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE speakers ADD COLUMN norm TEXT NOT NULL DEFAULT ''",
            "UPDATE quotes SET text = quotes_nfc(text), norm = quotes_fold(text)",
            "UPDATE speakers SET norm = quotes_fold(name)",
            f"""CREATE VIRTUAL TABLE quotes_fts USING fts5(
                norm, content='quotes', content_rowid='id', tokenize='{TOKENIZER}'
            )""",
            "CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab(quotes_fts, row)",
            f"""CREATE VIRTUAL TABLE speakers_fts USING fts5(
                norm, content='speakers', content_rowid='rowid', tokenize='{TOKENIZER}'
            )""",
            *_fts_triggers("speakers", "rowid", "norm"),
            *_fts_triggers("quotes", "id", "norm", on_update=True),
            "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
            "INSERT INTO speakers_fts(speakers_fts) VALUES ('rebuild')",
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


def _setup(conn: sqlite3.Connection, path: Path, *, create: bool) -> None:
    """Lock timeout, foreign keys, our SQL functions and WAL on ``conn``; the file checked and its
    schema made (``create``) or brought up to date.

    Raises:
        StoreError: the file is corrupt, empty (and not ``create``), another application's
            database, or was written by a newer quotes.
        sqlite3.Error: SQLite failed otherwise (the caller says so in one line).
    """
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.create_function("quotes_nfc", 1, stored, deterministic=True)
    conn.create_function("quotes_fold", 1, folded, deterministic=True)
    _quick_check(conn, path)
    version = _retry(lambda: _read(conn, lambda: _inspect(conn, path)))
    if version == 0 and not create:
        raise StoreError(_not_ours(path, "an empty SQLite database"))
    if version < SCHEMA_VERSION or _retry(lambda: _journal_mode(conn)) != "wal":
        _retry(lambda: _to_wal(conn))  # persistent: readers never block the writer
        _migrate(conn, path)
    conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe against crashes and kill -9
    conn.execute(f"CREATE VIRTUAL TABLE temp.probe USING fts5(norm, tokenize='{TOKENIZER}')")
    conn.execute("CREATE VIRTUAL TABLE temp.probe_terms USING fts5vocab(temp, probe, instance)")


def _journal_mode(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()


def _to_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode; SQLite answers with the old mode when another connection holds
    it, which is busy like any other."""
    if str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower() != "wal":
        raise sqlite3.OperationalError("database is locked (journal mode unchanged)")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA quick_check`` of an index up to ``QUICK_CHECK_BYTES``.

    Raises:
        StoreError: the file is corrupt.
    """
    size = path.stat().st_size if path.exists() else 0
    if not 0 < size <= QUICK_CHECK_BYTES:
        return
    try:
        result = str(_retry(lambda: conn.execute("PRAGMA quick_check(1)").fetchone())[0])
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise
        result = str(exc)
    if result != "ok":
        raise StoreError(corrupt(path, result))


def _inspect(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of the index (0 for an empty database), read in the caller's transaction.

    Raises:
        StoreError: the file is another application's database or was written by a newer quotes.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if app_id != APPLICATION_ID:
        if tables:
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(_not_ours(path, f"an SQLite database with other tables ({shown})"))
        if app_id != 0:
            raise StoreError(_not_ours(path, f"an SQLite database of another application (id {app_id})"))
    version = _version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: index schema version {version} was written by a newer quotes "
            f"(this one reads up to {SCHEMA_VERSION}); upgrade quotes"
        )
    return version


def _version(conn: sqlite3.Connection) -> int:
    """The schema version of the index (0 for an empty file)."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    if has.fetchone() is None:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Make or upgrade the schema in one write transaction that looks at the file again first: another
    process may have made or upgraded it meanwhile, or made something that is not an index."""
    with _Transaction(conn):
        version = _inspect(conn, path)
        for number, statements in MIGRATIONS:
            if number <= version:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version, applied) VALUES (?, ?)", (number, _now()))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _read(conn: sqlite3.Connection, action: Callable[[], _T]) -> _T:
    """``action`` in one read transaction: every statement sees the same committed state."""
    conn.execute("BEGIN")
    try:
        return action()
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")  # it wrote nothing: the same as COMMIT


def _busy(exc: sqlite3.Error) -> bool:
    """Whether SQLite gave up on a lock another connection holds (SQLITE_BUSY or SQLITE_LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # raised here (``_to_wal``), or by an SQLite too old to say
        return "locked" in str(exc) or "busy" in str(exc)
    return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _retry(action: Callable[[], _T]) -> _T:
    """``action``, tried again after a pause while SQLite reports busy without waiting (up to ``_BUSY_TRIES``)."""
    for attempt in range(_BUSY_TRIES):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or attempt == _BUSY_TRIES - 1:
                raise
            time.sleep(min(_BUSY_PAUSE, 0.005 * (attempt + 1)))
    raise AssertionError("unreachable")  # pragma: no cover


class _Transaction:
    """One write transaction (taken at once, so two writers queue instead of deadlocking)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        _retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                _retry(lambda: self.conn.execute("COMMIT"))
        finally:
            if self.conn.in_transaction:  # the block failed, or COMMIT did
                self.conn.execute("ROLLBACK")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- the file --------------------------------------------------------------------------------


def _db_files(path: Path) -> Iterator[Path]:
    yield path
    yield path.with_name(path.name + "-wal")
    yield path.with_name(path.name + "-shm")


def _check_file(path: Path, *, create: bool) -> None:
    """Fail early, before SQLite touches it, on a missing or empty file (unless ``create``) or one
    that is not SQLite."""
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
    if not head and not create:
        raise StoreError(_not_ours(path, "an empty file"))
    if head and head != _SQLITE_HEADER:
        raise StoreError(_not_ours(path, "not an SQLite database"))


def _not_ours(path: Path, what: str) -> str:
    return (
        f"{path}: not a quotes index ({what}); pass the index file made by `quotes index add`, "
        "or a new file name to start one"
    )


def is_corrupt(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed because the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB past our header check)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def corrupt(path: Path, detail: str) -> str:
    """The one line that says an index is corrupt and how to get a sound one."""
    detail = " ".join(detail.replace("*** in database main ***", "").split())[:120]
    return (
        f"{path}: the index is corrupt ({detail}); delete it (and its -wal and -shm files) "
        f"and rebuild it with `quotes index add PATH... --db {path}`"
    )


def failure(path: Path, doing: str, exc: sqlite3.Error) -> str:
    """One line for an SQLite error met while ``doing`` something: corrupt, or what failed and why."""
    if is_corrupt(exc):
        return corrupt(path, str(exc))
    return f"{path}: {doing} failed ({exc})"

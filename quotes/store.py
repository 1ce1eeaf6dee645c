"""Store: a persistent quote index on SQLite, for verifying claims against a large archive.

Input: article paths (extracted here) or ``Extraction`` records. Output: an index file whose
quotes come back as ``Rendering`` candidates for a claim (FTS5 retrieval, ranked by bm25).

The file is an ordinary SQLite database in WAL mode: one process may add while others read;
each add is one transaction, so a crash or ``kill -9`` in the middle leaves the last
committed state. Documents are keyed by their absolute path and carry a SHA-256 of their
text: adding an unchanged file again does nothing, adding a changed one replaces its quotes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from .config import Settings
from .errors import InputError, StoreError
from .types import Article, Diagnostic, Extraction, Flag, Kind, Quote, Rendering, Speaker, SpeakerKind

#: Environment variable naming the index file when ``--db`` is not given.
DB_ENV = "QUOTES_DB"
#: ``PRAGMA application_id`` of a quotes index ("QTES"): tells our files from other SQLite files.
APPLICATION_ID = 0x51544553
#: Seconds a writer or reader waits for a lock held by another process before giving up.
BUSY_TIMEOUT = 30.0
#: Terms of a claim sent to FTS5, rarest first. Eight rare words pick out a remark among
#: 100,000 quotes; more only slow the OR query down (measured with benchmarks/bench_verify.py).
QUERY_TERMS = 8
#: Largest gap, in characters, between two quotes of one speaker that are read as one
#: interrupted quote (“…,” she said during the call. “…”). Covers an attribution clause with
#: a short adverbial; a new paragraph between two quotes is a new remark.
INTERRUPTION_GAP = 120

_SQLITE_HEADER = b"SQLite format 3\x00"
_TERM = re.compile(r"\w+", re.UNICODE)

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


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One document in the index."""

    doc: str
    key: str
    outlet: str | None
    sha256: str
    chars: int
    quotes: int
    added: str


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What an index holds."""

    path: str
    schema_version: int
    documents: int
    quotes: int
    speakers: int
    outlets: tuple[tuple[str, int], ...]  # outlet (or "" when unknown) and its quotes
    kinds: tuple[tuple[str, int], ...]
    bytes: int


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add`` did: documents by outcome, quotes written, unreadable files."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    quotes: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()


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


def content_hash(text: str) -> str:
    """SHA-256 of a document's text as UTF-8 (the text the contract's offsets index)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_key(doc: str) -> str:
    """The key of a document: the absolute path of its file, so one file is one document
    whatever folder it was named from."""
    return str(Path(doc).resolve())


class Index:
    """A quote index file. Use as a context manager, or call ``close``.

    >>> with Index("archive.db", create=True) as index:  # doctest: +SKIP
    ...     index.add(["articles/"])
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = False) -> None:
        """Open (``create``: or make) the index at ``path``.

        Raises:
            StoreError: the file is missing (and ``create`` is false), is not a quotes
                index, or was written by a newer version of quotes.
        """
        self.path = Path(path)
        _check_file(self.path, create=create)
        try:
            self._conn = sqlite3.connect(
                self.path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw"),
                uri=True,
                timeout=BUSY_TIMEOUT,
                isolation_level=None,  # transactions are explicit: BEGIN ... COMMIT
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the index ({exc}); check the path and its permissions") from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(_not_ours(self.path, str(exc))) from exc
        except StoreError:
            self._conn.close()
            raise

    # -- life cycle -------------------------------------------------------------------

    def __enter__(self) -> Index:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed data is already on disk)."""
        self._conn.close()

    def _setup(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if app_id != APPLICATION_ID:
            if tables:
                shown = ", ".join(sorted(tables)[:5])
                raise StoreError(_not_ours(self.path, f"an SQLite database with other tables ({shown})"))
            if app_id != 0:
                raise StoreError(_not_ours(self.path, f"an SQLite database of another application (id {app_id})"))
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")  # persistent: readers never block the writer
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe against crashes and kill -9
        self._migrate()

    def _version(self) -> int:
        has = self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
        if has.fetchone() is None:
            return 0
        row = self._conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        version = self._version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: index schema version {version} was written by a newer quotes "
                f"(this one reads up to {SCHEMA_VERSION}); upgrade quotes"
            )
        if version == SCHEMA_VERSION:
            return
        with self._transaction():
            version = self._version()  # another process may have migrated meanwhile
            for number, statements in MIGRATIONS:
                if number <= version:
                    continue
                for statement in statements:
                    self._conn.execute(statement)
                self._conn.execute("INSERT INTO schema_version(version, applied) VALUES (?, ?)", (number, _now()))
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    class _Tx:
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

    def _transaction(self) -> Index._Tx:
        """One write transaction (taken at once, so two writers queue instead of deadlocking)."""
        return Index._Tx(self._conn)

    # -- writing ----------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        settings: Settings | None = None,
        speakers: Path | None = None,
    ) -> AddResult:
        """Extract the quotes of files and folders and store them, in one transaction.

        Unchanged files (same path, same content hash) are skipped before extraction;
        a changed file's quotes replace the old ones. Unreadable files come back as
        diagnostics and the others are still added.

        Raises:
            InputError: ``-`` (standard input has no file to track) was given.
            StoreError: the index cannot be written.
        """
        from .ingest import read_articles
        from .pipeline import extract
        from .speakers import apply_authority, load_authority, unify

        names = [str(p) for p in paths]
        if "-" in names:
            raise InputError("the index tracks files; save standard input to a file and add that")
        authority = load_authority(speakers) if speakers is not None else None
        known = self._hashes()
        todo: list[Article] = []
        unchanged: list[str] = []
        problems: list[Diagnostic] = []
        for item in read_articles(names):
            if isinstance(item, Diagnostic):
                problems.append(item)
            elif known.get(document_key(item.doc)) == content_hash(item.text):
                unchanged.append(item.doc)
            else:
                todo.append(item)
        extractions = unify(extract(todo, settings=settings)) if todo else []
        if authority:
            extractions = apply_authority(extractions, authority)
        for ex in extractions:
            problems.extend(d for d in ex.diagnostics if d.code.startswith("E"))
        result = self.add_extractions(extractions)
        return AddResult(
            added=result.added,
            replaced=result.replaced,
            unchanged=tuple(unchanged) + result.unchanged,
            quotes=result.quotes,
            diagnostics=tuple(problems),
        )

    def add_extractions(self, extractions: Iterable[Extraction]) -> AddResult:
        """Store extracted documents in one transaction (all or nothing).

        A document is keyed by ``document_key(article.doc)``; one already stored with
        the same content hash is left alone, one with another hash is replaced.
        """
        added: list[str] = []
        replaced: list[str] = []
        unchanged: list[str] = []
        written = 0
        conn = self._conn
        try:
            with self._transaction():
                for ex in extractions:
                    art = ex.article
                    key, sha = document_key(art.doc), content_hash(art.text)
                    row = conn.execute("SELECT id, sha256 FROM documents WHERE key = ?", (key,)).fetchone()
                    if row is not None and row[1] == sha:
                        unchanged.append(art.doc)
                        continue
                    if row is not None:
                        _delete_document(conn, int(row[0]))
                        replaced.append(art.doc)
                    else:
                        added.append(art.doc)
                    cur = conn.execute(
                        "INSERT INTO documents(key, doc, outlet, date, sha256, chars, added) VALUES (?,?,?,?,?,?,?)",
                        (key, art.doc, art.outlet, art.date, sha, len(art.text), _now()),
                    )
                    doc_id = cur.lastrowid
                    conn.executemany(
                        'INSERT INTO quotes(document, start, "end", text, kind, speaker, speaker_id, speaker_mention,'
                        " speaker_start, speaker_end, cue, via, grp, flags, line)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [_quote_row(doc_id, q) for q in ex.quotes],
                    )
                    conn.executemany(
                        "INSERT OR REPLACE INTO speakers(document, id, name, kind, role, body, aliases)"
                        " VALUES (?,?,?,?,?,?,?)",
                        [
                            (doc_id, s.id, s.name, s.kind.value, s.role, s.body, json.dumps(list(s.aliases)))
                            for s in ex.speakers
                        ],
                    )
                    written += len(ex.quotes)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: adding failed, nothing was changed ({exc})") from exc
        return AddResult(added=tuple(added), replaced=tuple(replaced), unchanged=tuple(unchanged), quotes=written)

    def remove(self, docs: Iterable[str]) -> tuple[str, ...]:
        """Remove documents (named as when added, or by path) and their quotes, in one
        transaction. Returns the names removed; names not in the index are ignored."""
        removed = []
        try:
            with self._transaction():
                for name in docs:
                    rows = self._conn.execute(
                        "SELECT id, doc FROM documents WHERE doc = ? OR key = ?", (name, document_key(name))
                    ).fetchall()
                    for doc_id, doc in rows:
                        _delete_document(self._conn, int(doc_id))
                        removed.append(str(doc))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: removing failed, nothing was changed ({exc})") from exc
        return tuple(removed)

    # -- reading ----------------------------------------------------------------------

    def documents(self) -> list[StoredDocument]:
        """Every document with its outlet, hash, size and number of quotes."""
        rows = self._conn.execute(
            "SELECT d.doc, d.key, d.outlet, d.sha256, d.chars, d.added,"
            " (SELECT count(*) FROM quotes q WHERE q.document = d.id)"
            " FROM documents d ORDER BY d.doc"
        ).fetchall()
        return [
            StoredDocument(doc=r[0], key=r[1], outlet=r[2], sha256=r[3], chars=r[4], added=r[5], quotes=r[6])
            for r in rows
        ]

    def stats(self) -> IndexStats:
        """Counts of documents, quotes, speakers, quotes per outlet and kind, size on disk."""
        one = self._conn.execute
        size = sum(p.stat().st_size for p in _db_files(self.path) if p.exists())
        return IndexStats(
            path=str(self.path),
            schema_version=self._version(),
            documents=one("SELECT count(*) FROM documents").fetchone()[0],
            quotes=one("SELECT count(*) FROM quotes").fetchone()[0],
            speakers=one("SELECT count(DISTINCT id) FROM speakers").fetchone()[0],
            outlets=tuple(
                (r[0] or "", r[1])
                for r in one(
                    "SELECT d.outlet, count(*) FROM quotes q JOIN documents d ON d.id = q.document"
                    " GROUP BY d.outlet ORDER BY count(*) DESC, d.outlet"
                )
            ),
            kinds=tuple((r[0], r[1]) for r in one("SELECT kind, count(*) FROM quotes GROUP BY kind ORDER BY kind")),
            bytes=size,
        )

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` (``ok`` when the file is sound) plus FTS5's own check."""
        result = str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])
        if result == "ok":
            try:
                self._conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                return f"full-text index: {exc}"
        return result

    def candidates(self, claim: str, *, limit: int = 40) -> list[Rendering]:
        """Renderings that may render ``claim``: quotes sharing its rarest words, best bm25
        first, each alone and, when it is half of an interrupted quote, joined with the other
        half. Scoring is left to the caller (``quotes.verify``)."""
        try:
            terms = self._query_terms(claim)
            if not terms:
                return []
            query = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
            rows = self._conn.execute(
                f"SELECT {_QUOTE_COLUMNS}, d.doc, d.outlet, q.document FROM quotes_fts f"
                " JOIN quotes q ON q.id = f.rowid JOIN documents d ON d.id = q.document"
                " WHERE quotes_fts MATCH ? ORDER BY f.rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: search failed ({exc})") from exc
        found = [(_quote_from_row(r), int(r[-1])) for r in rows]
        by_doc: dict[int, list[Quote]] = defaultdict(list)
        for quote, doc_id in found:
            by_doc[doc_id].append(quote)
        neighbours = {doc_id: self._near(doc_id, quotes) for doc_id, quotes in by_doc.items()}
        speakers = self._speakers(
            list(by_doc),
            ids={q.speaker_id for q, _ in found if q.speaker_id},
            names={q.via for q, _ in found if q.via},
        )
        out: list[Rendering] = []
        seen: set[tuple[str, int, int]] = set()
        for quote, doc_id in found:
            for parts in interrupted(quote, neighbours[doc_id]):
                key = (quote.doc, parts[0].start, parts[-1].end)
                if key not in seen:
                    seen.add(key)
                    out.append(rendering(parts, speakers.get(doc_id, {})))
        return out

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speaker records with every word of ``name``, else with any of them (a romanization
        variant), at most 200; the caller decides which of them ``name`` names."""
        words = [w for w in dict.fromkeys(_fts_terms(name)) if len(w) > 1][:20]
        if not words:
            return []
        out: dict[tuple[object, ...], Speaker] = {}
        for joiner in (" AND ", " OR "):
            query = joiner.join('"' + w.replace('"', '""') + '"' for w in words)
            try:
                rows = self._conn.execute(
                    "SELECT s.id, s.name, s.kind, s.role, s.body, s.aliases FROM speakers_fts f"
                    " JOIN speakers s ON s.rowid = f.rowid WHERE speakers_fts MATCH ? LIMIT 200",
                    (query,),
                ).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: search failed ({exc})") from exc
            for r in rows:
                out.setdefault(tuple(r), _speaker_from_row(r))
            if out or len(words) == 1:
                break
        return list(out.values())

    def _query_terms(self, claim: str) -> list[str]:
        """The claim's words that occur in the index, rarest first, at most ``QUERY_TERMS``."""
        words = list(dict.fromkeys(_fts_terms(claim)))[:500]
        if not words:
            return []
        marks = ",".join("?" * len(words))
        rows = self._conn.execute(f"SELECT term, doc FROM quotes_vocab WHERE term IN ({marks})", words).fetchall()
        counts = {str(r[0]): int(r[1]) for r in rows}
        present = sorted((w for w in words if counts.get(w)), key=lambda w: (counts[w], words.index(w)))
        return present[:QUERY_TERMS]

    def _near(self, doc_id: int, quotes: list[Quote]) -> list[Quote]:
        """Quotes of one document within ``INTERRUPTION_GAP`` of any of ``quotes``."""
        lo = min(q.start for q in quotes) - INTERRUPTION_GAP - 2000
        hi = max(q.end for q in quotes) + INTERRUPTION_GAP
        rows = self._conn.execute(
            f"SELECT {_QUOTE_COLUMNS}, d.doc, d.outlet FROM quotes q JOIN documents d ON d.id = q.document"
            " WHERE q.document = ? AND q.start BETWEEN ? AND ? ORDER BY q.start",
            (doc_id, lo, hi),
        ).fetchall()
        return [_quote_from_row(r) for r in rows]

    def _speakers(self, doc_ids: list[int], *, ids: set[str], names: set[str]) -> dict[int, dict[str, Speaker]]:
        """The records of the given speaker ids and names in the given documents."""
        if not doc_ids:
            return {}
        docs, id_marks, name_marks = (",".join("?" * len(x)) for x in (doc_ids, ids, names))
        rows = self._conn.execute(
            f"SELECT id, name, kind, role, body, aliases, document FROM speakers WHERE document IN ({docs})"
            f" AND (id IN ({id_marks}) OR name IN ({name_marks}))",
            [*doc_ids, *ids, *names],
        ).fetchall()
        out: dict[int, dict[str, Speaker]] = defaultdict(dict)
        for r in rows:
            out[int(r[6])][str(r[0])] = _speaker_from_row(r)
        return out

    def _hashes(self) -> dict[str, str]:
        return {str(k): str(h) for k, h in self._conn.execute("SELECT key, sha256 FROM documents")}


# -- renderings: quotes as candidates ---------------------------------------------------


def interrupted(quote: Quote, nearby: Sequence[Quote]) -> list[tuple[Quote, ...]]:
    """``quote`` alone and, when it is one half of a quote interrupted by its attribution
    (“…,” she said. “…”: same speaker, quoted, at most ``INTERRUPTION_GAP`` apart, no blank
    line between), the run of halves it belongs to."""
    out: list[tuple[Quote, ...]] = [(quote,)]
    if quote.kind is Kind.INDIRECT or not quote.speaker_id:
        return out
    same = sorted(
        (q for q in nearby if q.kind is not Kind.INDIRECT and q.speaker_id == quote.speaker_id and q.doc == quote.doc),
        key=lambda q: q.start,
    )
    runs: list[list[Quote]] = []
    for q in same:
        if runs and 0 <= q.start - runs[-1][-1].end <= INTERRUPTION_GAP and q.line - runs[-1][-1].line <= 1:
            runs[-1].append(q)
        else:
            runs.append([q])
    for run in runs:
        if len(run) > 1 and any(q.start == quote.start for q in run):
            out.append(tuple(run))
    return out


def rendering(parts: Sequence[Quote], speakers: dict[str, Speaker]) -> Rendering:
    """A rendering of the quote ``parts`` with the speaker records of their document."""
    first = parts[0]
    via = None
    if first.via:
        via = next((s for s in speakers.values() if s.name == first.via), None)
    return Rendering(
        quotes=tuple(parts),
        speaker=speakers.get(first.speaker_id) if first.speaker_id else None,
        via=via,
    )


def _fts_terms(text: str) -> list[str]:
    """Words as FTS5's unicode61 tokenizer (diacritics removed) indexes them, lowercased."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w.lower() for w in _TERM.findall(plain.replace("_", " "))]


# -- rows -----------------------------------------------------------------------------------

_QUOTE_COLUMNS = (
    'q.start, q."end", q.text, q.kind, q.speaker, q.speaker_id, q.speaker_mention, q.speaker_start,'
    " q.speaker_end, q.cue, q.via, q.grp, q.flags, q.line"
)


def _quote_row(doc_id: int | None, q: Quote) -> tuple[object, ...]:
    span = q.speaker_span or (None, None)
    flags = json.dumps([{"type": f.type, "detail": f.detail} for f in q.flags], ensure_ascii=False)
    return (
        doc_id,
        q.start,
        q.end,
        q.text,
        q.kind.value,
        q.speaker,
        q.speaker_id,
        q.speaker_mention,
        span[0],
        span[1],
        q.cue,
        q.via,
        q.group,
        flags,
        q.line,
    )


def _quote_from_row(r: Sequence[object]) -> Quote:
    (start, end, text, kind, speaker, speaker_id, mention, s0, s1, cue, via, grp, flags, line, doc, outlet) = r[:16]
    return Quote(
        doc=str(doc),
        outlet=None if outlet is None else str(outlet),
        start=int(str(start)),
        end=int(str(end)),
        text=str(text),
        kind=Kind(str(kind)),
        speaker=_opt(speaker),
        speaker_id=_opt(speaker_id),
        speaker_mention=_opt(mention),
        speaker_span=(int(str(s0)), int(str(s1))) if s0 is not None and s1 is not None else None,
        cue=_opt(cue),
        via=_opt(via),
        group=_opt(grp),
        flags=tuple(Flag(str(f["type"]), str(f["detail"])) for f in json.loads(str(flags))),
        line=int(str(line)),
    )


def _speaker_from_row(r: Sequence[object]) -> Speaker:
    kind = str(r[2])
    return Speaker(
        id=str(r[0]),
        name=str(r[1]),
        kind=SpeakerKind(kind) if kind in SpeakerKind._value2member_map_ else SpeakerKind.UNKNOWN,
        role=_opt(r[3]),
        body=_opt(r[4]),
        aliases=tuple(str(a) for a in json.loads(str(r[5]))),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    conn.execute("DELETE FROM quotes WHERE document = ?", (doc_id,))  # fires the FTS delete trigger
    conn.execute("DELETE FROM speakers WHERE document = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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


# -- showing an index ------------------------------------------------------------------------


def render_documents(docs: Sequence[StoredDocument], fmt: str) -> str:
    """``quotes index list``: one row per document (``table``) or JSON (``json``)."""
    from tabulate import tabulate

    if fmt == "json":
        return json.dumps([asdict(d) for d in docs], ensure_ascii=False, indent=2) + "\n"
    if not docs:
        return "the index is empty\n"
    rows = [
        {"doc": d.doc, "outlet": d.outlet or "", "quotes": d.quotes, "sha256": d.sha256[:12], "added": d.added}
        for d in docs
    ]
    return str(tabulate(rows, headers="keys", tablefmt="simple")) + "\n"


def render_stats(stats: IndexStats, fmt: str) -> str:
    """``quotes index stats``: counts as lines (``table``) or JSON (``json``)."""
    if fmt == "json":
        record = asdict(stats)
        record["outlets"], record["kinds"] = dict(stats.outlets), dict(stats.kinds)
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    lines = [
        f"index:      {stats.path} (schema version {stats.schema_version}, {stats.bytes / 1e6:.1f} MB)",
        f"documents:  {stats.documents:,}",
        f"quotes:     {stats.quotes:,} (" + ", ".join(f"{k} {n:,}" for k, n in stats.kinds) + ")",
        f"speakers:   {stats.speakers:,}",
        "outlets:    " + ("; ".join(f"{o or 'unknown'} {n:,}" for o, n in stats.outlets[:10]) or "none"),
    ]
    if len(stats.outlets) > 10:
        lines[-1] += f"; and {len(stats.outlets) - 10} more"
    return "\n".join(lines) + "\n"

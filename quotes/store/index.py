"""Index: the quote index file, written in transactions and searched with FTS5.

Input: article paths (extracted here) or ``Extraction`` records; claims and names to look up.
Output: the index file; ``Rendering`` candidates ranked by bm25 and ``Speaker`` records.

A document is keyed by the resolved path of its file and shown by the path it was named by; a
file name that is not UTF-8 is kept in its escaped form (``\xff``). Claims and names are folded
(``quotes.forms``) and split by the index's own tokenizer, so they meet the stored terms.
SQLite errors are ``StoreError`` lines; a damaged file says it is corrupt.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from ..config import Settings
from ..errors import InputError, StoreError
from ..forms import folded
from ..ingest import outlet_of, printable
from ..types import Article, Diagnostic, Extraction, Quote, Rendering, Speaker
from .candidates import CANDIDATES, INTERRUPTION_GAP, renderings
from .rows import (
    _QUOTE_COLUMNS,
    AddResult,
    IndexStats,
    StoredDocument,
    _quote_from_row,
    _quote_row,
    _speaker_from_row,
    _speaker_row,
)
from .schema import (
    BUSY_TIMEOUT,
    _check_file,
    _db_files,
    _not_ours,
    _now,
    _setup,
    _Transaction,
    _version,
    corrupt,
    failure,
    is_corrupt,
)

#: Terms of a claim sent to FTS5, rarest first. Eight rare words pick out a remark among
#: 100,000 quotes; more only slow the OR query down (measured with benchmarks/bench_verify.py).
QUERY_TERMS = 8

#: Longest quote, in characters, that ``_near`` still finds before a found one: the query selects
#: by start, so a quote ending within ``INTERRUPTION_GAP`` of a found one must start at most this
#: much earlier. Far above any quote of golden/ (the longest is under 300).
_LONGEST_QUOTE = 2000
#: Distinct words of a claim looked up in the FTS vocabulary; bounds the IN (...) list of a pasted article.
_MAX_CLAIM_WORDS = 500
#: Distinct words of a speaker name searched for; a name has a handful, more is not a name.
_MAX_NAME_WORDS = 20
#: Most speaker records ``find_speakers`` returns; the caller compares each with the claimed name.
_MAX_SPEAKERS = 200


def content_hash(text: str) -> str:
    """SHA-256 of a document's text as UTF-8 (the text the contract's offsets index)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_key(doc: str) -> str:
    """The key of a document: the absolute path of its file, so one file is one document
    whatever folder it was named from (as ``printable``)."""
    return printable(str(Path(doc).resolve()))


class Closing:
    """Base of sources used as context managers (``Index``, ``verify.Corpus``): ``with`` closes them."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release what the sources hold (nothing, unless a subclass says otherwise)."""


class Index(Closing):
    """A quote index file. Use as a context manager, or call ``close``.

    >>> with Index("archive.db", create=True) as index:  # doctest: +SKIP
    ...     index.add(["articles/"])
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = False) -> None:
        """Open (``create``: or make) the index at ``path``.

        Without ``create`` nothing is made: a missing or empty file is an error.

        Raises:
            StoreError: the file is missing or empty (and ``create`` is false), is not a
                quotes index, is corrupt, or was written by a newer version of quotes.
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
            _setup(self._conn, self.path, create=create)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(_opening_failed(self.path, exc)) from exc
        except StoreError:
            self._conn.close()
            raise

    # -- life cycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (committed data is already on disk)."""
        self._conn.close()

    def _transaction(self) -> _Transaction:
        """One write transaction on the index (see ``schema._Transaction``)."""
        return _Transaction(self._conn)

    # -- writing ----------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        settings: Settings | None = None,
        speakers: Path | None = None,
        engine: str = "local",
        scheduler: str | None = None,
        on_document: Callable[[Extraction | None], object] | None = None,
    ) -> AddResult:
        """Extract the quotes of files and folders and store them, in one transaction.

        ``engine``: ``local`` (this machine's processes, ``settings.jobs``) or ``dask`` (the documents
        extracted on a dask cluster at ``scheduler``, or a local one: ``quotes.engine.extract_dask``).
        ``on_document`` is called once per document as it is dealt with (a progress bar's tick): with its
        extraction (local engine), or with None when it is unchanged or cannot be read.

        Unchanged files (same path, same content hash) are skipped before extraction;
        a changed file's quotes replace the old ones. Unreadable files come back as
        diagnostics and the others are still added.

        Raises:
            InputError: ``-`` (standard input has no file to track) was given.
            StoreError: the index cannot be written.
        """
        from ..ingest import read_articles
        from ..pipeline import extract
        from ..speakers import load_authority

        names = [str(p) for p in paths]
        if "-" in names:
            raise InputError("the index tracks files; save standard input to a file and add that")
        if speakers is not None:
            load_authority(speakers)  # a bad authority file fails before anything is read
        known = {str(k): str(h) for k, h in self._rows("reading the index", "SELECT key, sha256 FROM documents")}
        todo: list[Article] = []
        unchanged: list[str] = []
        problems: list[Diagnostic] = []
        for item in read_articles(names):
            if isinstance(item, Diagnostic):
                problems.append(replace(item, doc=printable(item.doc)))
            elif known.get(document_key(item.doc)) == content_hash(item.text):
                unchanged.append(printable(item.doc))
            else:
                todo.append(item)
                continue
            if on_document is not None:
                on_document(None)
        if not todo:
            extractions: list[Extraction] = []
        elif engine == "dask":
            from ..engine import extract_dask

            extractions = extract_dask(
                [Path(a.doc) for a in todo], settings=settings, speakers=speakers, scheduler=scheduler
            )
        else:
            extractions = extract(todo, settings=settings, speakers=speakers, on_document=on_document)
        for ex in extractions:
            problems.extend(replace(d, doc=printable(d.doc)) for d in ex.diagnostics if d.code.startswith("E"))
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

        A document is keyed by ``document_key(article.doc)`` and named by ``printable(article.doc)``;
        one already stored with the same content hash is left alone, one with another hash is replaced.
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
                    key, name, sha = document_key(art.doc), printable(art.doc), content_hash(art.text)
                    row = conn.execute("SELECT id, sha256 FROM documents WHERE key = ?", (key,)).fetchone()
                    if row is not None and row[1] == sha:
                        unchanged.append(name)
                        continue
                    if row is not None:
                        _delete_document(conn, int(row[0]))
                        replaced.append(name)
                    else:
                        added.append(name)
                    cur = conn.execute(
                        "INSERT INTO documents(key, doc, outlet, date, sha256, chars, added) VALUES (?,?,?,?,?,?,?)",
                        (key, name, art.outlet, art.date, sha, len(art.text), _now()),
                    )
                    doc_id = cur.lastrowid
                    conn.executemany(
                        'INSERT INTO quotes(document, start, "end", text, kind, speaker, speaker_id, speaker_mention,'
                        " speaker_start, speaker_end, cue, via, grp, flags, line, norm)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [_quote_row(doc_id, q) for q in ex.quotes],
                    )
                    conn.executemany(
                        "INSERT OR REPLACE INTO speakers(document, id, name, kind, role, body, aliases, norm)"
                        " VALUES (?,?,?,?,?,?,?,?)",
                        [_speaker_row(doc_id, s) for s in ex.speakers],
                    )
                    written += len(ex.quotes)
        except sqlite3.Error as exc:
            raise StoreError(failure(self.path, "adding", exc) + "; nothing was changed") from exc
        return AddResult(added=tuple(added), replaced=tuple(replaced), unchanged=tuple(unchanged), quotes=written)

    def remove(self, docs: Iterable[str]) -> tuple[str, ...]:
        """Remove documents and their quotes, in one transaction. Returns the names removed;
        names not in the index are ignored.

        A name is the path of a file (the document whose key it resolves to), else the name a
        document was added by (``quotes index list``), when one document has it.

        Raises:
            StoreError: a name was given to several documents (nothing is removed then: give
                the full path), or the index cannot be written.
        """
        removed = []
        try:
            with self._transaction():
                for name in docs:
                    found = self._document(name)
                    if found is not None:
                        _delete_document(self._conn, found[0])
                        removed.append(found[1])
        except sqlite3.Error as exc:
            raise StoreError(failure(self.path, "removing", exc) + "; nothing was changed") from exc
        return tuple(removed)

    def _document(self, name: str) -> tuple[int, str] | None:
        """The id and name of the document ``name`` names: by its file's path, else by the name it was added by.

        Raises:
            StoreError: no file has that path and several documents were added by that name.
        """
        row = self._conn.execute("SELECT id, doc FROM documents WHERE key = ?", (document_key(name),)).fetchone()
        if row is not None:
            return int(row[0]), str(row[1])
        rows = self._conn.execute("SELECT id, doc, key FROM documents WHERE doc = ? ORDER BY key", (printable(name),))
        found = rows.fetchall()
        if len(found) > 1:
            keys = ", ".join(str(r[2]) for r in found[:3]) + (", ..." if len(found) > 3 else "")
            raise StoreError(
                f"{self.path}: {printable(name)!r} names {len(found)} documents ({keys}); "
                "nothing was removed: give the full path of the one to remove"
            )
        return (int(found[0][0]), str(found[0][1])) if found else None

    # -- reading ----------------------------------------------------------------------

    def documents(self) -> list[StoredDocument]:
        """Every document with its outlet, hash, size and number of quotes."""
        rows = self._rows(
            "listing the documents",
            "SELECT d.doc, d.key, d.outlet, d.sha256, d.chars, d.added,"
            " (SELECT count(*) FROM quotes q WHERE q.document = d.id)"
            " FROM documents d ORDER BY d.doc, d.key",
        )
        return [
            StoredDocument(
                doc=r[0],
                key=r[1],
                outlet=outlet_of(r[0], "") if r[2] is None else r[2],  # added before outlets were always set
                sha256=r[3],
                chars=r[4],
                added=r[5],
                quotes=r[6],
            )
            for r in rows
        ]

    def stats(self) -> IndexStats:
        """Counts of documents, quotes, speakers, quotes per outlet and kind, size on disk."""

        def one(sql: str) -> list[Any]:
            return self._rows("counting", sql)

        size = sum(p.stat().st_size for p in _db_files(self.path) if p.exists())
        try:
            version = _version(self._conn)
        except sqlite3.Error as exc:
            raise StoreError(failure(self.path, "counting", exc)) from exc
        return IndexStats(
            path=str(self.path),
            schema_version=version,
            documents=one("SELECT count(*) FROM documents")[0][0],
            quotes=one("SELECT count(*) FROM quotes")[0][0],
            speakers=one("SELECT count(DISTINCT id) FROM speakers")[0][0],
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
        try:
            result = str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            return str(exc)
        if result == "ok":
            try:
                self._conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                return f"full-text index: {exc}"
        return result

    def candidates(self, claim: str, *, limit: int = CANDIDATES) -> list[Rendering]:
        """Renderings that may render ``claim``: quotes sharing its rarest words, best bm25
        first, each alone and, when it is half of an interrupted quote, joined with the other
        half. Scoring is left to the caller (``quotes.verify``)."""
        terms = self._query_terms(claim)
        if not terms:
            return []
        rows = self._rows(
            "searching",
            f"SELECT {_QUOTE_COLUMNS}, d.doc, d.outlet, q.document FROM quotes_fts f"
            " JOIN quotes q ON q.id = f.rowid JOIN documents d ON d.id = q.document"
            " WHERE quotes_fts MATCH ? ORDER BY f.rank LIMIT ?",
            (" OR ".join(_fts_phrase(t) for t in terms), limit),
        )
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
        return renderings((quote, neighbours[doc_id], speakers.get(doc_id, {})) for quote, doc_id in found)

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speaker records with every word of ``name``, else with any of them (a romanization
        variant), at most ``_MAX_SPEAKERS``; the caller decides which of them ``name`` names."""
        words = [w for w in dict.fromkeys(self._terms(name)) if len(w) > 1][:_MAX_NAME_WORDS]
        if not words:
            return []
        out: dict[tuple[object, ...], Speaker] = {}
        for joiner in (" AND ", " OR "):
            rows = self._rows(
                "searching",
                "SELECT s.id, s.name, s.kind, s.role, s.body, s.aliases FROM speakers_fts f"
                " JOIN speakers s ON s.rowid = f.rowid WHERE speakers_fts MATCH ? LIMIT ?",
                (joiner.join(_fts_phrase(w) for w in words), _MAX_SPEAKERS),
            )
            for r in rows:
                out.setdefault(tuple(r), _speaker_from_row(r))
            if out or len(words) == 1:
                break
        return list(out.values())

    def _query_terms(self, claim: str) -> list[str]:
        """The claim's words that occur in the index, rarest first, at most ``QUERY_TERMS``."""
        words = list(dict.fromkeys(self._terms(claim)))[:_MAX_CLAIM_WORDS]
        if not words:
            return []
        marks = ",".join("?" * len(words))
        rows = self._rows("searching", f"SELECT term, doc FROM quotes_vocab WHERE term IN ({marks})", words)
        counts = {str(r[0]): int(r[1]) for r in rows}
        present = sorted((w for w in words if counts.get(w)), key=lambda w: (counts[w], words.index(w)))
        return present[:QUERY_TERMS]

    def _terms(self, text: str) -> list[str]:
        """The terms of ``text`` folded (``quotes.forms.folded``) as the index's tokenizer makes them,
        in order: split by the same FTS5 tokenizer, in a temporary table of this connection. A lone
        surrogate (undecodable bytes of a command line) is no word."""
        norm = folded(text).encode("utf-8", "replace").decode("utf-8")
        try:
            self._conn.execute("DELETE FROM temp.probe")
            self._conn.execute("INSERT INTO temp.probe(rowid, norm) VALUES (1, ?)", (norm,))
            rows = self._conn.execute("SELECT term FROM temp.probe_terms ORDER BY offset").fetchall()
        except sqlite3.Error as exc:
            raise StoreError(failure(self.path, "searching", exc)) from exc
        return [str(r[0]) for r in rows]

    def _rows(self, doing: str, sql: str, params: Sequence[object] = ()) -> list[Any]:
        """The rows of a query; an SQLite error becomes a ``StoreError`` saying what was being done."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(failure(self.path, doing, exc)) from exc

    def _near(self, doc_id: int, quotes: list[Quote]) -> list[Quote]:
        """Quotes of one document within ``INTERRUPTION_GAP`` of ``quotes``, the span widened by each quote
        of their speakers that far from it: every half of an interrupted quote that one of ``quotes`` is a
        half of, however many halves it has (as a ``Corpus``, which holds whole documents, finds them)."""
        speakers = {q.speaker_id for q in quotes if q.speaker_id}
        first, last = min(q.start for q in quotes), max(q.end for q in quotes)
        while True:
            rows = self._rows(
                "searching",
                f"SELECT {_QUOTE_COLUMNS}, d.doc, d.outlet FROM quotes q JOIN documents d ON d.id = q.document"
                " WHERE q.document = ? AND q.start BETWEEN ? AND ? ORDER BY q.start",
                (doc_id, first - INTERRUPTION_GAP - _LONGEST_QUOTE, last + INTERRUPTION_GAP),
            )
            near = [_quote_from_row(r) for r in rows]
            halves = [q for q in near if q.speaker_id in speakers and q.end >= first - INTERRUPTION_GAP]
            wider = min([first, *(q.start for q in halves)]), max([last, *(q.end for q in halves)])
            if wider == (first, last):
                return near
            first, last = wider

    def _speakers(self, doc_ids: list[int], *, ids: set[str], names: set[str]) -> dict[int, dict[str, Speaker]]:
        """The records of the given speaker ids and names in the given documents."""
        if not doc_ids:
            return {}
        docs, id_marks, name_marks = (",".join("?" * len(x)) for x in (doc_ids, ids, names))
        rows = self._rows(
            "searching",
            f"SELECT id, name, kind, role, body, aliases, document FROM speakers WHERE document IN ({docs})"
            f" AND (id IN ({id_marks}) OR name IN ({name_marks}))",
            [*doc_ids, *ids, *names],
        )
        out: dict[int, dict[str, Speaker]] = defaultdict(dict)
        for r in rows:
            out[int(r[6])][str(r[0])] = _speaker_from_row(r)
        return out


def _delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    conn.execute("DELETE FROM quotes WHERE document = ?", (doc_id,))  # fires the FTS delete trigger
    conn.execute("DELETE FROM speakers WHERE document = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def _fts_phrase(term: str) -> str:
    """A term as an FTS5 string (in double quotes, its own doubled): matched as written."""
    return '"' + term.replace('"', '""') + '"'


def _opening_failed(path: Path, exc: sqlite3.DatabaseError) -> str:
    """One line for an SQLite error met while opening: corrupt, busy or unwritable, or not an index."""
    if is_corrupt(exc):
        return corrupt(path, str(exc))
    if isinstance(exc, sqlite3.OperationalError):
        return f"{path}: cannot open the index ({exc}); check its permissions, or retry if another process holds it"
    return _not_ours(path, str(exc))

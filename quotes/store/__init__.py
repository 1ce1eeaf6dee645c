"""Store: a persistent quote index on SQLite, for verifying claims against a large archive.

Input: article paths (extracted here) or ``Extraction`` records. Output: an index file whose
quotes come back as ``Rendering`` candidates for a claim (FTS5 retrieval, ranked by bm25).

The file is an ordinary SQLite database in WAL mode: one process may add while others read;
each add is one transaction, so a crash or ``kill -9`` in the middle leaves the last
committed state, and several processes may make the same new index at once. Documents are
keyed by the resolved path of their file (a name that is not UTF-8 escaped, ``\xff``), shown
by the path they were added by, and carry a SHA-256 of their text: adding an unchanged file
again does nothing, adding a changed one replaces its quotes. Quote text is stored in NFC and
searched NFKC case folded (``quotes.forms``), claims the same way. Opening without ``create``
never makes an index; a corrupt file is one ``StoreError`` line saying so.

Modules: ``schema`` (tables, migrations, the file checks), ``index`` (the ``Index``),
``rows`` (records to and from rows), ``candidates`` (quotes as renderings, interrupted
quotes joined) and ``reports`` (``quotes index list`` and ``stats``).
"""

from __future__ import annotations

from ..ingest import printable
from .candidates import CANDIDATES, INTERRUPTION_GAP, interrupted, rendering, renderings
from .index import QUERY_TERMS, Index, content_hash, document_key
from .reports import SHOWN_OUTLETS, render_documents, render_stats
from .rows import AddResult, IndexStats, StoredDocument
from .schema import (
    APPLICATION_ID,
    BUSY_TIMEOUT,
    DB_ENV,
    MIGRATIONS,
    QUICK_CHECK_BYTES,
    SCHEMA_VERSION,
    TOKENIZER,
    db_path,
)

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT",
    "CANDIDATES",
    "DB_ENV",
    "INTERRUPTION_GAP",
    "MIGRATIONS",
    "QUERY_TERMS",
    "QUICK_CHECK_BYTES",
    "SCHEMA_VERSION",
    "SHOWN_OUTLETS",
    "TOKENIZER",
    "AddResult",
    "Index",
    "IndexStats",
    "StoredDocument",
    "content_hash",
    "db_path",
    "document_key",
    "interrupted",
    "printable",
    "render_documents",
    "render_stats",
    "rendering",
    "renderings",
]

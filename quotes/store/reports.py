"""Reports: what ``quotes index list`` and ``quotes index stats`` show.

Input: ``StoredDocument`` records or ``IndexStats``.
Output: text in the requested ``Format`` (the library never prints; the CLI writes it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from ..render import Format, csv_text, escape_controls, grid, json_text, jsonl_text
from .rows import IndexStats, StoredDocument

#: Outlets named in ``quotes index stats``, most quotes first; the rest are counted ("and 3 more").
SHOWN_OUTLETS = 10
#: The fields of a document's record in ``quotes index list``, in order.
DOCUMENT_FIELDS = ("doc", "key", "outlet", "sha256", "chars", "quotes", "added")
#: The fields of the record of ``quotes index stats``, in order.
STATS_FIELDS = ("path", "schema_version", "documents", "quotes", "speakers", "outlets", "kinds", "bytes")
#: Widest and narrowest the columns of ``quotes index list`` get in the terminal (see ``render.TABLE_COLUMNS``).
DOCUMENT_COLUMNS: dict[str, tuple[int, int | None]] = {"doc": (16, None), "outlet": (8, 24)}


def render_documents(docs: Sequence[StoredDocument], fmt: Format | str, *, columns: int | None = None) -> str:
    """``quotes index list``: one row per document (``table``, ``markdown``, fitted to ``columns``), or
    the records (``DOCUMENT_FIELDS``, with each ``key``) as CSV, JSON or JSON lines.

    A table shows a document by the path it was added by; when several were added by the same path
    (``a.txt`` from two folders), by their full paths, so each row names one file.
    """
    records = [asdict(d) for d in docs]
    if fmt == Format.JSON:
        return json_text(records)
    if fmt == Format.JSONL:
        return jsonl_text(records)
    if fmt == Format.CSV:
        return csv_text(records, DOCUMENT_FIELDS)
    if not docs:
        return "the index is empty\n"
    shared = {name for name, n in Counter(d.doc for d in docs).items() if n > 1}
    rows = [
        {
            "doc": d.key if d.doc in shared else d.doc,
            "outlet": d.outlet or "",
            "quotes": d.quotes,
            "sha256": d.sha256[:12],
            "added": d.added,
        }
        for d in docs
    ]
    markdown = fmt == Format.MARKDOWN
    return grid(rows, markdown=markdown, columns=columns, limits=None if markdown else DOCUMENT_COLUMNS, fill="doc")


def stats_record(stats: IndexStats) -> dict[str, Any]:
    """The counts of an index as a JSON-ready dict (``STATS_FIELDS``): kinds and outlets as objects."""
    record = asdict(stats)
    record["outlets"], record["kinds"] = dict(stats.outlets), dict(stats.kinds)
    return record


def render_stats(stats: IndexStats, fmt: Format | str) -> str:
    """``quotes index stats``: counts as lines (``table``), a two-column Markdown table, or the record
    (``stats_record``) as JSON, one JSON line, or a CSV row."""
    record = stats_record(stats)
    if fmt == Format.JSON:
        return json_text(record)
    if fmt == Format.JSONL:
        return jsonl_text([record])
    if fmt == Format.CSV:
        return csv_text([record], STATS_FIELDS)
    outlets = "; ".join(f"{o or 'unknown'} {n:,}" for o, n in stats.outlets[:SHOWN_OUTLETS]) or "none"
    if len(stats.outlets) > SHOWN_OUTLETS:
        outlets += f"; and {len(stats.outlets) - SHOWN_OUTLETS} more"
    figures = {
        "index": f"{stats.path} (schema version {stats.schema_version}, {stats.bytes / 1e6:.1f} MB)",
        "documents": f"{stats.documents:,}",
        "quotes": f"{stats.quotes:,} (" + ", ".join(f"{k} {n:,}" for k, n in stats.kinds) + ")",
        "speakers": f"{stats.speakers:,}",
        "outlets": outlets,
    }
    if fmt == Format.MARKDOWN:
        return grid([{"figure": k, "value": v} for k, v in figures.items()], markdown=True)
    return "".join(f"{k + ':':<12}{escape_controls(v)}\n" for k, v in figures.items())

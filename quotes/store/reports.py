"""Reports: what ``quotes index list`` and ``quotes index stats`` show.

Input: ``StoredDocument`` records or ``IndexStats``.
Output: text, a table or JSON (the library never prints; the CLI writes it).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict

from .rows import IndexStats, StoredDocument

#: Outlets named in ``quotes index stats``, most quotes first; the rest are counted ("and 3 more").
SHOWN_OUTLETS = 10


def render_documents(docs: Sequence[StoredDocument], fmt: str) -> str:
    """``quotes index list``: one row per document (``table``) or JSON (``json``, with each ``key``).

    A document is shown by the path it was added by; when several were added by the same path
    (``a.txt`` from two folders), by their full paths, so each row names one file.
    """
    from tabulate import tabulate

    if fmt == "json":
        return json.dumps([asdict(d) for d in docs], ensure_ascii=False, indent=2) + "\n"
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
        "outlets:    " + ("; ".join(f"{o or 'unknown'} {n:,}" for o, n in stats.outlets[:SHOWN_OUTLETS]) or "none"),
    ]
    if len(stats.outlets) > SHOWN_OUTLETS:
        lines[-1] += f"; and {len(stats.outlets) - SHOWN_OUTLETS} more"
    return "\n".join(lines) + "\n"

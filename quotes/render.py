"""Render: extractions as a table, Markdown, CSV, JSON or contract JSONL.

Input: ``Extraction`` records. Output: text (the library never prints; the CLI writes it).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from tabulate import tabulate

from .types import Extraction, Quote, SpeakerSummary

#: Longest quote shown in a table cell, in characters.
QUOTE_WIDTH = 90


class Format(StrEnum):
    """Output formats of ``quotes table``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


def record(q: Quote) -> dict[str, Any]:
    """The contract record of a quote (CONTRACT.md): the one place that defines it."""
    return {
        "doc": q.doc,
        "outlet": q.outlet,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind.value,
        "speaker": q.speaker,
        "speaker_id": q.speaker_id,
        "speaker_mention": q.speaker_mention,
        "speaker_span": list(q.speaker_span) if q.speaker_span else None,
        "cue": q.cue,
        "via": q.via,
        "group": q.group,
        "flags": [f.to_dict() for f in q.flags],
    } | ({"parts": [{"start": p.start, "end": p.end, "group": p.group} for p in q.parts]} if q.parts else {})


def jsonl(extractions: Iterable[Extraction]) -> str:
    """One contract record per line."""
    return "".join(json.dumps(record(q), ensure_ascii=False) + "\n" for ex in extractions for q in ex.quotes)


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    """One line, cut in the middle with an ellipsis when longer than ``width``."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    head = (width - 1) * 2 // 3
    tail = width - 1 - head
    return flat[:head].rstrip() + "…" + flat[-tail:].lstrip()


def rows(extractions: Iterable[Extraction], *, width: int = QUOTE_WIDTH) -> list[dict[str, Any]]:
    """Table rows: outlet, speaker (with via), kind, cue, quote, where."""
    out = []
    for ex in extractions:
        for q in ex.quotes:
            speaker = q.speaker or "?"
            if q.via:
                speaker += f" (via {q.via})"
            out.append(
                {
                    "outlet": q.outlet or "",
                    "speaker": speaker,
                    "kind": q.kind.value,
                    "cue": q.cue or "",
                    "quote": shorten(q.text, width),
                    "where": f"{q.doc}:{q.line}",
                }
            )
    return out


def render(extractions: list[Extraction], fmt: Format, *, width: int = QUOTE_WIDTH) -> str:
    """The quote table in the requested format."""
    if fmt is Format.JSONL:
        return jsonl(extractions)
    if fmt is Format.JSON:
        return json.dumps([record(q) for ex in extractions for q in ex.quotes], ensure_ascii=False, indent=2) + "\n"
    table = rows(extractions, width=width if fmt is not Format.CSV else 10**9)
    if fmt is Format.CSV:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=["outlet", "speaker", "kind", "cue", "quote", "where"])
        writer.writeheader()
        writer.writerows(table)
        return buf.getvalue()
    if not table:
        return "no quotes found\n"
    if fmt is Format.MARKDOWN:
        table = [{k: str(v).replace("|", "\\|") for k, v in row.items()} for row in table]
        return str(tabulate(table, headers="keys", tablefmt="github")) + "\n"
    return str(tabulate(table, headers="keys", tablefmt="simple")) + "\n"


def render_speakers(summaries: list[SpeakerSummary], fmt: Format) -> str:
    """The speaker list of ``quotes speakers``: table, Markdown, CSV, JSON or JSONL."""
    records: list[dict[str, Any]] = [
        {
            "id": s.id,
            "name": s.name,
            "kind": s.kind.value,
            "role": s.role,
            "body": s.body,
            "aliases": list(s.aliases),
            "mentions": dict(s.mentions),
            "quotes_by_outlet": dict(s.quotes_by_outlet),
        }
        for s in summaries
    ]
    if fmt is Format.JSON:
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.JSONL:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    rows_ = [
        {
            "speaker": r["name"],
            "id": r["id"],
            "kind": r["kind"],
            "role": r["role"] or "",
            "mentions": "; ".join(f"{m} ×{n}" for m, n in r["mentions"].items()),
            "quotes by outlet": "; ".join(f"{o} {n}" for o, n in r["quotes_by_outlet"].items()),
        }
        for r in records
    ]
    if fmt is Format.CSV:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows_[0]) if rows_ else ["speaker"])
        writer.writeheader()
        writer.writerows(rows_)
        return buf.getvalue()
    if not rows_:
        return "no speakers found\n"
    style = "github" if fmt is Format.MARKDOWN else "simple"
    return str(tabulate(rows_, headers="keys", tablefmt=style)) + "\n"

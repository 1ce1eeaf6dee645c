"""Render: extractions as a table, Markdown, CSV, JSON or contract JSONL.

Input: ``Extraction`` records. Output: text (the library never prints; the CLI writes it).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from tabulate import tabulate

from .types import Extraction, Quote, SpeakerSummary

#: Longest quote shown in a table cell, in characters.
QUOTE_WIDTH = 90

#: What a terminal would act on rather than show: C0 and C1 controls, DEL, and the bidirectional
#: embeddings, overrides and isolates that reorder what is shown.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_CONTROL_NOT_NEWLINE = re.compile(f"(?!\n)[{_CONTROLS}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: What ``json.dumps(..., ensure_ascii=False)`` leaves raw that a terminal acts on: DEL and the C1 controls.
_JSON_RAW = re.compile("[\x7f-\x9f]")


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


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def escape_controls(text: str, *, newlines: bool = False) -> str:
    r"""``text`` safe to show on a terminal: every control character written as an escape.

    The one helper of every human-readable format. ESC, BEL, C1 controls such as CSI, DEL and
    bidirectional overrides become ``\x1b``, ``\x07``, ``\x9b``, ``\x7f``, ``\u202e``; tabs ``\t``.
    Backslashes stay as they are, so escaping twice changes nothing.

    Args:
        text: Any text, article text included.
        newlines: Keep ``\n`` as a line break (for formats made of lines); else it is shown as ``\n``.

    >>> escape_controls("a\x1b]0;pwned\x07 b\tc")
    'a\\x1b]0;pwned\\x07 b\\tc'
    """
    return (_CONTROL_NOT_NEWLINE if newlines else _CONTROL).sub(_escape, text)


def safe_json(text: str) -> str:
    r"""JSON text with DEL and the C1 controls written as ``\u`` escapes: the same data, safe to print.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls (ESC, BEL) but leaves ``\x7f``-``\x9f`` raw,
    and a terminal takes ``\x9b`` for CSI. Valid for any JSON text: these characters only occur in strings.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def jsonl(extractions: Iterable[Extraction]) -> str:
    """One contract record per line."""
    return safe_json("".join(json.dumps(record(q), ensure_ascii=False) + "\n" for ex in extractions for q in ex.quotes))


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    """One line, cut in the middle with an ellipsis when longer than ``width`` (at least 1)."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    head = max(width - 1, 0) * 2 // 3
    tail = max(width - 1 - head, 0)
    return flat[:head].rstrip() + "…" + flat[len(flat) - tail :].lstrip()


def rows(extractions: Iterable[Extraction], *, width: int = QUOTE_WIDTH) -> list[dict[str, Any]]:
    """Table rows: outlet, speaker (with via), kind, cue, quote, where; control characters escaped."""
    out = []
    for ex in extractions:
        for q in ex.quotes:
            speaker = q.speaker or "?"
            if q.via:
                speaker += f" (via {q.via})"
            out.append(
                _cells(
                    {
                        "outlet": q.outlet or "",
                        "speaker": speaker,
                        "kind": q.kind.value,
                        "cue": q.cue or "",
                        "quote": shorten(q.text, width),
                        "where": f"{q.doc}:{q.line}",
                    }
                )
            )
    return out


def _cells(row: dict[str, Any]) -> dict[str, Any]:
    """A table row with its text cells' control characters escaped (``escape_controls``)."""
    return {k: escape_controls(v) if isinstance(v, str) else v for k, v in row.items()}


def render(extractions: list[Extraction], fmt: Format, *, width: int = QUOTE_WIDTH) -> str:
    """The quote table in the requested format."""
    if fmt is Format.JSONL:
        return jsonl(extractions)
    if fmt is Format.JSON:
        return (
            safe_json(json.dumps([record(q) for ex in extractions for q in ex.quotes], ensure_ascii=False, indent=2))
            + "\n"
        )
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
        return safe_json(json.dumps(records, ensure_ascii=False, indent=2)) + "\n"
    if fmt is Format.JSONL:
        return safe_json("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    rows_ = [
        _cells(
            {
                "speaker": r["name"],
                "id": r["id"],
                "kind": r["kind"],
                "role": r["role"] or "",
                "mentions": "; ".join(f"{m} ×{n}" for m, n in r["mentions"].items()),
                "quotes by outlet": "; ".join(f"{o} {n}" for o, n in r["quotes_by_outlet"].items()),
            }
        )
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

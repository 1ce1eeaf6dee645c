"""Render: extractions as a table, Markdown, CSV, JSON or contract JSONL, and the helpers every output shares.

Input: ``Extraction`` records (or any records). Output: text (the library never prints; the CLI writes it).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any

from .forms import one_line, pad, shorten, text_width
from .types import Extraction, Quote, SpeakerSummary

#: Longest quote shown in a Markdown cell, and in a table cell when neither ``--width`` nor the
#: terminal's width is known, in characters: a long sentence, two lines of a wide Markdown viewer.
QUOTE_WIDTH = 90

#: Widest and narrowest a column of ``quotes table`` gets in the terminal, in columns: its values
#: are shortened in the middle to fit; the quote takes the rest of the line. Chosen so that
#: the six columns fit an 80-column terminal and a long ``Name (via Ministry of …)`` speaker
#: does not push the quote off a wide one.
TABLE_COLUMNS: dict[str, tuple[int, int | None]] = {
    "outlet": (8, 24),
    "speaker": (12, 32),
    "cue": (6, 20),
    "quote": (20, None),
    "where": (16, None),
}
#: Space between two columns of a table.
GAP = 2
#: How much wider than the others the ``fill`` column of a table (the quote) stays as a table narrows to
#: fit the terminal: three times, so that at 160 columns a quote shows about 60 characters and the
#: speaker 20, and at 80 every column is at its narrowest.
FILL_WEIGHT = 3

#: What a terminal would act on rather than show: C0 and C1 controls, DEL, and the bidirectional
#: embeddings, overrides and isolates that reorder what is shown.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_CONTROL_NOT_NEWLINE = re.compile(f"(?!\n)[{_CONTROLS}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: What ``json.dumps(..., ensure_ascii=False)`` leaves raw that a terminal acts on: DEL and the C1 controls.
_JSON_RAW = re.compile("[\x7f-\x9f]")


class Format(StrEnum):
    """Output formats of every command (``quotes align`` adds ``html``)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


#: The fields of a quote's record, in order (CONTRACT.md); ``parts`` only for a quote that renders several remarks.
RECORD_FIELDS = (
    "doc",
    "outlet",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "speaker_span",
    "cue",
    "via",
    "group",
    "flags",
    "parts",
)


# -- text: control characters, width, shortening ---------------------------------------------------


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


# -- records: JSON, JSONL, CSV ---------------------------------------------------------------------


def json_text(data: object) -> str:
    """``data`` as indented JSON, the exact text kept (``safe_json``), and a final line break."""
    return safe_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def jsonl_text(records: Iterable[Mapping[str, Any]]) -> str:
    """One JSON object per line, the exact text kept (``safe_json``)."""
    return safe_json("".join(json.dumps(dict(r), ensure_ascii=False) + "\n" for r in records))


def _csv_cell(value: object) -> str:
    """A CSV cell: empty for null, ``true``/``false``, lists and objects as JSON; control characters escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return escape_controls(safe_json(json.dumps(value, ensure_ascii=False)))
    return escape_controls(str(value))


def csv_text(records: Iterable[Mapping[str, Any]], fields: Sequence[str], *, header: bool = True) -> str:
    """Records as CSV: one column per field (a field a record lacks is an empty cell), LF line endings.

    Lists and objects (flags, parts, speaker_span) are JSON cells; control characters are escaped
    (``escape_controls``), so one record is one line.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if header:
        writer.writerow(fields)
    for r in records:
        writer.writerow([_csv_cell(r.get(f)) for f in fields])
    return buf.getvalue()


# -- tables ----------------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fit(widths: list[int], floors: list[int], columns: int, *, fill: int | None = None) -> list[int]:
    """Column widths narrowed one column at a time, widest first, until the table with its gaps fits
    ``columns`` (or every column is at its floor); column ``fill`` counts ``FILL_WEIGHT`` times narrower."""
    widths = list(widths)
    excess = sum(widths) + GAP * (len(widths) - 1) - columns
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break
        i = max(shrinkable, key=lambda k: widths[k] / (FILL_WEIGHT if k == fill else 1))
        widths[i] -= 1
        excess -= 1
    return widths


def grid(
    rows: Sequence[Mapping[str, object]],
    *,
    markdown: bool = False,
    columns: int | None = None,
    limits: Mapping[str, tuple[int, int | None]] | None = None,
    fill: str | None = None,
) -> str:
    """Rows (dicts with the same keys, in order) as an aligned text table, or a Markdown (GitHub) table.

    Widths are measured in terminal columns (``text_width``), so CJK text lines up; numbers are
    right-aligned; control characters are escaped. ``limits`` gives a column its narrowest and
    widest width (None: no cap): a wider value is ``shorten``-ed to the cap, and with ``columns``
    (the terminal's width) the capped columns are narrowed, widest first, down to their narrowest
    until the table fits, the ``fill`` column (the quote) kept ``FILL_WEIGHT`` times wider. An empty ``rows``
    gives ``""``.
    """
    if not rows:
        return ""
    limits = limits or {}
    heads = [str(h) for h in rows[0]]
    cells = [[escape_controls(one_line(str(r[h])) if r[h] is not None else "") for h in rows[0]] for r in rows]
    right = [all(_is_number(r[h]) for r in rows) for h in rows[0]]
    natural = [max([text_width(h), *(text_width(row[i]) for row in cells)]) for i, h in enumerate(heads)]
    floors = list(natural)
    for i, h in enumerate(heads):
        low, high = limits.get(h, (natural[i], None))
        natural[i] = min(natural[i], max(high, text_width(h))) if high is not None else natural[i]
        floors[i] = min(natural[i], max(low, text_width(h)))
    wide = heads.index(fill) if fill in heads else None
    widths = _fit(natural, floors, columns, fill=wide) if columns is not None and not markdown else natural
    cells = [[c if text_width(c) <= widths[i] else shorten(c, widths[i]) for i, c in enumerate(row)] for row in cells]
    if markdown:
        cells = [[c.replace("|", "\\|") for c in row] for row in cells]
        widths = [max([widths[i], 3, *(text_width(row[i]) for row in cells)]) for i in range(len(heads))]
        rule = ["-" * (w - 1) + ":" if right[i] else "-" * w for i, w in enumerate(widths)]
        lines = [[pad(h, widths[i]) for i, h in enumerate(heads)], rule]
        lines += [[pad(c, widths[i], right=right[i]) for i, c in enumerate(row)] for row in cells]
        return "".join("| " + " | ".join(line) + " |\n" for line in lines)
    lines = [[pad(h, widths[i], right=right[i]) for i, h in enumerate(heads)], ["-" * w for w in widths]]
    lines += [[pad(c, widths[i], right=right[i]) for i, c in enumerate(row)] for row in cells]
    return "".join((" " * GAP).join(line).rstrip() + "\n" for line in lines)


# -- quotes ----------------------------------------------------------------------------------------


def jsonl(extractions: Iterable[Extraction]) -> str:
    """One contract record per line."""
    return jsonl_text(q.to_dict() for ex in extractions for q in ex.quotes)


def speaker_label(q: Quote) -> str:
    """Who said a quote, as a table shows it: ``Name (via Source)``, ``?`` when unknown."""
    who = q.speaker or "?"
    return f"{who} (via {q.via})" if q.via else who


def rows(extractions: Iterable[Extraction]) -> list[dict[str, Any]]:
    """Table rows: outlet, speaker (with via), kind, cue, quote (whole), where (``file:line``)."""
    out = []
    for ex in extractions:
        for q in ex.quotes:
            out.append(
                {
                    "outlet": q.outlet or "",
                    "speaker": speaker_label(q),
                    "kind": q.kind.value,
                    "cue": q.cue or "",
                    "quote": q.text,
                    "where": f"{q.doc}:{q.line}",
                }
            )
    return out


def render(
    extractions: Sequence[Extraction], fmt: Format, *, width: int | None = None, columns: int | None = None
) -> str:
    """The quote table in the requested format.

    Args:
        extractions: What ``extract_corpus`` returned.
        fmt: ``table`` and ``markdown`` show one row per quote; ``csv``, ``json`` and ``jsonl`` the
            contract records (``record``), CSV with one column per field (``RECORD_FIELDS``).
        width: Widest quote cell, in columns (default: ``QUOTE_WIDTH`` in Markdown, the rest of
            ``columns`` in a table).
        columns: The terminal's width: a table is fitted to it (``grid``) when ``width`` is not given.
    """
    if fmt is Format.JSONL:
        return jsonl(extractions)
    if fmt is Format.JSON:
        return json_text([q.to_dict() for ex in extractions for q in ex.quotes])
    if fmt is Format.CSV:
        return csv_text((q.to_dict() for ex in extractions for q in ex.quotes), RECORD_FIELDS)
    table = rows(extractions)
    if not table:
        return "no quotes found\n"
    markdown = fmt is Format.MARKDOWN
    quote_width = width or (QUOTE_WIDTH if markdown or columns is None else None)
    limits = dict(TABLE_COLUMNS, quote=(TABLE_COLUMNS["quote"][0], quote_width))
    if markdown:
        limits = {"quote": limits["quote"]}
    return grid(table, markdown=markdown, columns=None if width else columns, limits=limits, fill="quote")


#: The fields of a speaker's record in ``quotes speakers``, in order.
SPEAKER_FIELDS = ("id", "name", "kind", "role", "body", "aliases", "mentions", "quotes_by_outlet")
#: Widest and narrowest the columns of ``quotes speakers`` get in the terminal (see ``TABLE_COLUMNS``).
SPEAKER_COLUMNS: dict[str, tuple[int, int | None]] = {
    "speaker": (12, 32),
    "id": (8, 24),
    "role": (8, 30),
    "mentions": (16, None),
    "quotes by outlet": (16, None),
}


def render_speakers(summaries: Sequence[SpeakerSummary], fmt: Format, *, columns: int | None = None) -> str:
    """The speaker list of ``quotes speakers``: table, Markdown, CSV, JSON or JSONL (``SpeakerSummary.to_dict``)."""
    records = [s.to_dict() for s in summaries]
    if fmt is Format.JSON:
        return json_text(records)
    if fmt is Format.JSONL:
        return jsonl_text(records)
    if fmt is Format.CSV:
        return csv_text(records, SPEAKER_FIELDS)
    if not records:
        return "no speakers found\n"
    table = [
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
    markdown = fmt is Format.MARKDOWN
    limits = None if markdown else SPEAKER_COLUMNS
    return grid(table, markdown=markdown, columns=columns, limits=limits, fill="quotes by outlet")

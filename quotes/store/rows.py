"""Rows: quotes and speakers to and from the index's table rows, and what an index reports.

Input: ``Quote`` and ``Speaker`` records, or the rows a SELECT returns.
Output: rows to INSERT, the records read back, and ``StoredDocument``, ``IndexStats``, ``AddResult``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..forms import folded, stored
from ..ingest import outlet_of
from ..types import Diagnostic, Flag, Kind, Quote, Speaker, SpeakerKind


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


#: The columns of a quote as ``_quote_from_row`` reads them (then the document's doc and outlet).
_QUOTE_COLUMNS = (
    'q.start, q."end", q.text, q.kind, q.speaker, q.speaker_id, q.speaker_mention, q.speaker_start,'
    " q.speaker_end, q.cue, q.via, q.grp, q.flags, q.line"
)


def _quote_row(doc_id: int | None, q: Quote) -> tuple[object, ...]:
    """The row of a quote: its text stored in NFC, searched (``norm``) in NFKC case folded; ``norm`` last."""
    span = q.speaker_span or (None, None)
    flags = json.dumps([f.to_dict() for f in q.flags], ensure_ascii=False)
    return (
        doc_id,
        q.start,
        q.end,
        stored(q.text),
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
        folded(q.text),
    )


def _quote_from_row(r: Sequence[object]) -> Quote:
    (start, end, text, kind, speaker, speaker_id, mention, s0, s1, cue, via, grp, flags, line, doc, outlet) = r[:16]
    return Quote(
        doc=str(doc),
        outlet=outlet_of(str(doc), "") if outlet is None else str(outlet),  # added before outlets were always set
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
        flags=tuple(Flag(**f) for f in json.loads(str(flags))),
        line=int(str(line)),
    )


def _speaker_row(doc_id: int | None, s: Speaker) -> tuple[object, ...]:
    """The row of a speaker record, its name searched (``norm``) in NFKC case folded; ``norm`` last."""
    return (doc_id, s.id, s.name, s.kind.value, s.role, s.body, json.dumps(list(s.aliases)), folded(s.name))


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

"""Authority: a newsroom's speaker file, and the speaker list of a corpus.

Input: an authority TOML file and extractions. Output: pinned extractions and ``SpeakerSummary`` records.
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..config import lexicon
from ..errors import DataError, InputError
from ..ingest import outlet_of
from ..types import Extraction, Speaker, SpeakerKind, SpeakerSummary
from .names import norm
from .resolve import merge_speaker

#: The ``kind`` values an authority file may give (``SpeakerKind``).
KINDS = tuple(k.value for k in SpeakerKind)


def load_authority(path: Path) -> list[Speaker]:
    """A newsroom's speaker authority file: TOML ``[[speaker]]`` tables with ``id`` and ``name`` (strings),
    optional ``aliases`` (a list of strings), ``kind`` (one of ``KINDS``, default person), ``role`` and ``body``.

    Raises:
        InputError: the file is missing, a directory, unreadable, or not valid TOML.
        DataError: a speaker entry has a field missing or of the wrong shape (file, entry and field named).
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: speaker authority file not found; check the --speakers path") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory; give --speakers the TOML file itself") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its path and permissions") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML ({exc}); fix the file") from exc
    entries = data.get("speaker", [])
    if not isinstance(entries, list):
        raise DataError(f"{path}: speaker must be [[speaker]] tables, one per speaker, not {_shown(entries)}")
    return [_speaker(entry, f"{path}: speaker #{number}") for number, entry in enumerate(entries, 1)]


def _speaker(entry: object, where: str) -> Speaker:
    """One ``[[speaker]]`` table of an authority file; ``where`` names it in errors."""
    if not isinstance(entry, dict):
        raise DataError(f"{where} must be a [[speaker]] table, not {_shown(entry)}")
    for key in ("id", "name"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise DataError(f'{where}: {key} must be a non-empty string ({key} = "…"), not {_shown(entry.get(key))}')
    where = f"{where} ({entry['id']})"
    for key in ("role", "body"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise DataError(f"{where}: {key} must be a string, not {_shown(entry[key])}")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DataError(f'{where}: aliases must be a list of strings (aliases = ["…"]), not {_shown(aliases)}')
    kind = entry.get("kind", SpeakerKind.PERSON.value)
    if not isinstance(kind, str) or kind not in KINDS:
        raise DataError(f"{where}: kind must be one of {', '.join(KINDS)}, not {_shown(kind)}")
    return Speaker(
        id=entry["id"],
        name=entry["name"],
        kind=SpeakerKind(kind),
        role=entry.get("role"),
        body=entry.get("body"),
        aliases=tuple(aliases),
    )


def _shown(value: object) -> str:
    """A TOML value as an error message shows it: its type and, when short, itself."""
    shown = repr(value)
    return f"{type(value).__name__} {shown}" if len(shown) <= 40 else type(value).__name__


def apply_authority(extractions: Iterable[Extraction], authority: list[Speaker]) -> list[Extraction]:
    """Pin speakers to a newsroom's authority file: a quote whose speaker name, id or
    mention equals an entry's name or alias (ignoring case and punctuation) takes the
    entry's id and name; so does its ``via``."""
    table: dict[str, Speaker] = {}
    for sp in authority:
        for alias in (sp.name, sp.id, *sp.aliases):
            table.setdefault(norm(alias), sp)

    def lookup(*texts: str | None) -> Speaker | None:
        return next((table[norm(t)] for t in texts if t and norm(t) in table), None)

    out = []
    for ex in extractions:
        quotes = []
        for q in ex.quotes:
            pinned = lookup(q.speaker, q.speaker_id, q.speaker_mention) if q.speaker else None
            via = lookup(q.via)
            quotes.append(
                replace(
                    q,
                    speaker=pinned.name if pinned else q.speaker,
                    speaker_id=pinned.id if pinned else q.speaker_id,
                    via=via.name if via else q.via,
                )
            )
        speakers = tuple(
            replace(s, id=p.id, name=p.name, role=p.role or s.role, body=p.body or s.body)
            if (p := lookup(s.name, s.id))
            else s
            for s in ex.speakers
        )
        out.append(replace(ex, quotes=tuple(quotes), speakers=speakers))
    return out


def summarize(extractions: Iterable[Extraction]) -> list[SpeakerSummary]:
    """Every canonical speaker of a corpus with its names, mentions, role, body and
    quotes per outlet; most quoted first.

    The mentions are every word that named the speaker at a quote (``He`` too); the aliases are
    names only: a pronoun is never an alias of a speaker."""
    items = list(extractions)
    info: dict[str, Speaker] = {}
    for ex in items:
        for s in ex.speakers:
            info[s.id] = merge_speaker(info.get(s.id), s)
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for ex in items:
        for q in ex.quotes:
            if not q.speaker_id:
                continue
            names.setdefault(q.speaker_id, q.speaker or q.speaker_id)
            if q.speaker_mention:
                mentions[q.speaker_id][q.speaker_mention] += 1
            outlets[q.speaker_id][q.outlet if q.outlet is not None else outlet_of(q.doc, "")] += 1
    pronouns = lexicon().pronouns
    out = []
    for sid, counts in outlets.items():
        sp = info.get(sid, Speaker(id=sid, name=names[sid]))
        seen = set(sp.aliases) | (set(mentions[sid]) - {names[sid]})
        aliases = tuple(sorted(a for a in seen if a.lower() not in pronouns))
        out.append(
            SpeakerSummary(
                id=sid,
                name=names[sid],
                kind=sp.kind,
                role=sp.role,
                body=sp.body,
                aliases=aliases,
                mentions=tuple(mentions[sid].most_common()),
                quotes_by_outlet=tuple(sorted(counts.items())),
            )
        )
    return sorted(out, key=lambda s: (-sum(n for _, n in s.quotes_by_outlet), s.name))

"""Gold: the human annotation quotes are scored against, from a ``golden/`` folder or PolNeAR JSONL.

Input: ``golden/*.jsonl`` and ``golden/speakers.toml``, or the JSONL that ``convert_polnear.py`` writes.
Output: a ``Gold`` (its ``GoldQuote`` records and speaker table) and, for PolNeAR, the articles of a split.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..errors import DataError, InputError
from ..forms import shorten
from ..speakers import load_authority
from ..types import Article, Kind


class Split(StrEnum):
    """A PolNeAR split, or all of them."""

    TRAIN = "train"
    DEV = "dev"
    TEST = "test"
    ALL = "all"


#: PolNeAR splits, as written by ``convert_polnear.py``.
SPLITS = tuple(s.value for s in Split if s is not Split.ALL)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One human-annotated quote, with the fields score.py reads."""

    file: str  # base name of the document
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None  # a speaker id, or the mention as written for mention-level gold
    via: str | None = None
    group: str | None = None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    parts: tuple[tuple[int, int, str | None], ...] = ()  # (start, end, group) per remark, CONTRACT.md ``parts``

    def as_dict(self) -> dict[str, Any]:
        """The quote in score.py's GOLD shape."""
        return {
            "file": self.file,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "via": self.via,
            "group": self.group,
            "speaker_spans": [list(s) for s in self.speaker_spans],
            "parts": [{"start": a, "end": b, "group": g} for a, b, g in self.parts],
        }


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold standard: quotes, and the alias table that maps a predicted name to a speaker id."""

    quotes: tuple[GoldQuote, ...]
    speakers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # id -> (name, *aliases)
    speakers_by_file: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    mentions: bool = False  # speakers are mentions as written (PolNeAR): compare our speaker_mention
    name: str = "gold"

    def as_dict(self) -> dict[str, Any]:
        """The GOLD shape that ``score.py`` takes."""
        out: dict[str, Any] = {
            "speakers": {k: list(v) for k, v in self.speakers.items()},
            "quotes": [q.as_dict() for q in self.quotes],
        }
        if self.speakers_by_file:
            out["speakers_by_file"] = {f: {k: list(v) for k, v in t.items()} for f, t in self.speakers_by_file.items()}
        return out


def load_golden(folder: Path) -> Gold:
    """Read ``golden/*.jsonl`` and ``golden/speakers.toml`` (optional) into a ``Gold``.

    Raises:
        InputError: the folder has no ``*.jsonl`` file, or a file cannot be read or is not JSON lines.
        DataError: a record or a speaker has a field missing or malformed (file, line and field named).
    """
    folder = Path(folder)
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    if not files:
        raise InputError(f"{folder}: no *.jsonl gold files; point --golden at a folder such as golden/")
    quotes = tuple(_golden_quote(rec, where) for path in files for where, rec in read_jsonl(path))
    return Gold(quotes=quotes, speakers=_read_speakers(folder / "speakers.toml"), name=str(folder))


def load_polnear(path: Path, *, split: str = "dev") -> tuple[Gold, list[Article]]:
    """Read the JSONL that ``convert_polnear.py`` writes: gold quotes and the articles of one split.

    Documents are named ``<doc_id>.txt``; speakers are PolNeAR's source mentions, so the speaker table
    is empty and names compare by their normalized form.

    Raises:
        InputError: the file is missing or not JSON lines, the split unknown or empty.
        DataError: a record of the split has a field missing or malformed (file, line and field named).
    """
    if split not in (*SPLITS, Split.ALL.value):
        raise InputError(f"unknown PolNeAR split {split!r}; use one of {', '.join(SPLITS)} or all")
    quotes: list[GoldQuote] = []
    articles: list[Article] = []
    for where, rec in read_jsonl(Path(path)):
        if split != Split.ALL.value and rec.get("split") != split:
            continue
        doc = f"{_get(rec, 'doc_id', where, STRING, fix=POLNEAR_FIX)}.txt"
        articles.append(Article(doc=doc, text=_get(rec, "text", where, STRING, fix=POLNEAR_FIX)))
        records = _get(rec, "quotes", where, LIST, fix=POLNEAR_FIX)
        quotes += [_polnear_quote(q, doc, f"{where}: quote #{n}") for n, q in enumerate(records, 1)]
    if not articles:
        raise InputError(f"{path}: no articles in split {split!r}")
    return Gold(quotes=tuple(quotes), mentions=True, name=f"PolNeAR {split}"), articles


def read_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(file:line, record)`` for every non-blank line of a JSONL file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc}); check the path") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg}); fix the line") from exc
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{number}: expected a JSON object per line")
        yield f"{path}:{number}", rec


def _golden_quote(rec: Mapping[str, Any], where: str) -> GoldQuote:
    """A ``golden/*.jsonl`` record (CONTRACT.md shape, ``via`` an id) as a gold quote.

    Raises:
        DataError: a field is missing or malformed.
    """
    file = _file(_get(rec, "doc", where, STRING))
    start, end = _span(rec, where)
    span = _get(rec, "speaker_span", where, OPTIONAL_SPAN)
    return GoldQuote(
        file=file,
        start=start,
        end=end,
        text=_get(rec, "text", where, STRING),
        kind=_get(rec, "kind", where, KIND),
        speaker=_get(rec, "speaker_id", where, NULLABLE_STRING),
        via=_get(rec, "via", where, OPTIONAL_STRING),
        group=_get(rec, "group", where, OPTIONAL_STRING),
        speaker_spans=((span[0], span[1]),) if span else (),
        parts=_parts(rec, (start, end), where),
    )


def _parts(rec: Mapping[str, Any], span: tuple[int, int], where: str) -> tuple[tuple[int, int, str | None], ...]:
    """A record's ``parts`` (one ``{start, end, group}`` per remark), in order, inside its span and not overlapping.

    Raises:
        DataError: ``parts`` is not such a list.
    """
    parts = _get(rec, "parts", where, OPTIONAL_PARTS)
    out: list[tuple[int, int, str | None]] = []
    for n, part in enumerate(parts or (), 1):
        at = f'{where}: "parts" #{n}'
        start, end = _span(part, at)
        group = _get(part, "group", at, NULLABLE_STRING)
        if start < (out[-1][1] if out else span[0]) or end > span[1]:
            raise DataError(
                f"{at} ({start}-{end}) must lie inside the record ({span[0]}-{span[1]}), after the part before it; "
                f"{GOLDEN_FIX}"
            )
        out.append((start, end, group))
    return tuple(out)


def _polnear_quote(rec: object, doc: str, where: str) -> GoldQuote:
    """A quote of a ``convert_polnear.py`` record as a gold quote of ``doc``.

    Raises:
        DataError: the quote is not an object, or a field is missing or malformed.
    """
    if not isinstance(rec, dict):
        raise DataError(f"{where}: must be a JSON object, not {_shown(rec)}; {POLNEAR_FIX}")
    start, end = _span(rec, where, fix=POLNEAR_FIX)
    spans = _get(rec, "speaker_spans", where, OPTIONAL_SPANS, fix=POLNEAR_FIX)
    return GoldQuote(
        file=doc,
        start=start,
        end=end,
        text=_get(rec, "text", where, STRING, fix=POLNEAR_FIX),
        kind=_get(rec, "kind", where, KIND, fix=POLNEAR_FIX),
        speaker=_get(rec, "speaker", where, OPTIONAL_STRING, fix=POLNEAR_FIX),
        speaker_spans=tuple((s, e) for s, e in spans or ()),
    )


@dataclass(frozen=True, slots=True)
class Check:
    """What a field of a gold record must hold: a test of its value, said in words, and whether it may be absent."""

    what: str
    accepts: Callable[[object], bool]
    optional: bool = False


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_span(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_is_offset(v) for v in value) and value[0] <= value[1]


STRING = Check("a string", lambda v: isinstance(v, str))
NULLABLE_STRING = Check("a string or null", lambda v: v is None or isinstance(v, str))
OPTIONAL_STRING = Check("a string or null", lambda v: v is None or isinstance(v, str), optional=True)
OFFSET = Check("a character offset (an integer, 0 or more)", _is_offset)
KIND = Check(" or ".join(f'"{k.value}"' for k in Kind), lambda v: v in tuple(Kind))
LIST = Check("a list", lambda v: isinstance(v, list))
OPTIONAL_SPAN = Check("[start, end] offsets or null", lambda v: v is None or _is_span(v), optional=True)
OPTIONAL_PARTS = Check(
    "a list of {start, end, group} objects or null",
    lambda v: v is None or (isinstance(v, list) and all(isinstance(p, dict) for p in v)),
    optional=True,
)
OPTIONAL_SPANS = Check(
    "a list of [start, end] offsets or null",
    lambda v: v is None or (isinstance(v, list) and all(_is_span(s) for s in v)),
    optional=True,
)


#: How to mend a malformed record of golden/*.jsonl, and of the JSONL convert_polnear.py writes.
GOLDEN_FIX = "see golden/README.md §5"
POLNEAR_FIX = "regenerate the file with convert_polnear.py"


def _get(rec: Mapping[str, Any], key: str, where: str, check: Check, *, fix: str = GOLDEN_FIX) -> Any:
    """``rec[key]`` once ``check`` accepts it.

    Raises:
        DataError: the field is missing (unless optional) or ``check`` refuses it; ``where`` and the field named.
    """
    if key not in rec and not check.optional:
        raise DataError(f'{where}: "{key}" is missing; it must be {check.what}; {fix}')
    value = rec.get(key)
    if not check.accepts(value):
        raise DataError(f'{where}: "{key}" must be {check.what}, not {_shown(value)}; {fix}')
    return value


def _span(rec: Mapping[str, Any], where: str, *, fix: str = GOLDEN_FIX) -> tuple[int, int]:
    """A record's ``start`` and ``end`` offsets, in order."""
    start, end = _get(rec, "start", where, OFFSET, fix=fix), _get(rec, "end", where, OFFSET, fix=fix)
    if start > end:
        raise DataError(f'{where}: "start" ({start}) is after "end" ({end}); {fix}')
    return start, end


def _shown(value: object) -> str:
    """A JSON value as an error message shows it."""
    return shorten(json.dumps(value, ensure_ascii=False, default=str), 40)


def _read_speakers(path: Path) -> dict[str, tuple[str, ...]]:
    """``{id: (name, *aliases)}`` from a ``speakers.toml`` (the authority file format); empty when the file is absent.

    Raises:
        InputError: the file is not TOML. DataError: a speaker is malformed.
    """
    if not path.is_file():
        return {}
    return {s.id: (s.name, *s.aliases) for s in load_authority(path)}


def _file(doc: str) -> str:
    return doc.split("/")[-1]

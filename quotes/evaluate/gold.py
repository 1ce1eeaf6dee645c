"""Gold: the human annotation quotes are scored against, from a ``golden/`` folder or PolNeAR JSONL.

Input: ``golden/*.jsonl`` and ``golden/speakers.toml``, or the JSONL that ``convert_polnear.py`` writes.
Output: a ``Gold`` (its ``GoldQuote`` records and speaker table) and, for PolNeAR, the articles of a split.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..types import Article


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
        InputError: the folder has no ``*.jsonl`` file, or a file is malformed.
    """
    folder = Path(folder)
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    if not files:
        raise InputError(f"{folder}: no *.jsonl gold files; point --golden at a folder such as golden/")
    quotes = tuple(_golden_quote(rec, where) for path in files for where, rec in _read_jsonl(path))
    return Gold(quotes=quotes, speakers=_read_speakers(folder / "speakers.toml"), name=str(folder))


def load_polnear(path: Path, *, split: str = "dev") -> tuple[Gold, list[Article]]:
    """Read the JSONL that ``convert_polnear.py`` writes: gold quotes and the articles of one split.

    Documents are named ``<doc_id>.txt``; speakers are PolNeAR's source mentions, so the speaker table
    is empty and names compare by their normalized form.

    Raises:
        InputError: the file is missing or malformed, the split unknown or empty.
    """
    if split not in (*SPLITS, Split.ALL.value):
        raise InputError(f"unknown PolNeAR split {split!r}; use one of {', '.join(SPLITS)} or all")
    quotes: list[GoldQuote] = []
    articles: list[Article] = []
    for where, rec in _read_jsonl(Path(path)):
        if split != Split.ALL.value and rec.get("split") != split:
            continue
        try:
            doc = f"{rec['doc_id']}.txt"
            articles.append(Article(doc=doc, text=rec["text"]))
            quotes += [
                GoldQuote(
                    file=doc,
                    start=q["start"],
                    end=q["end"],
                    text=q["text"],
                    kind=q["kind"],
                    speaker=q.get("speaker"),
                    speaker_spans=tuple((s, e) for s, e in q.get("speaker_spans") or ()),
                )
                for q in rec["quotes"]
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{where}: not a convert_polnear.py record ({exc!r}); regenerate the file") from exc
    if not articles:
        raise InputError(f"{path}: no articles in split {split!r}")
    return Gold(quotes=tuple(quotes), mentions=True, name=f"PolNeAR {split}"), articles


def _read_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
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
    """A ``golden/*.jsonl`` record (CONTRACT.md shape, ``via`` an id) as a gold quote."""
    try:
        span = rec.get("speaker_span")
        return GoldQuote(
            file=_file(rec["doc"]),
            start=rec["start"],
            end=rec["end"],
            text=rec["text"],
            kind=rec["kind"],
            speaker=rec["speaker_id"],
            via=rec.get("via"),
            group=rec.get("group"),
            speaker_spans=((span[0], span[1]),) if span else (),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{where}: gold record lacks a field ({exc!r}); see golden/README.md §5") from exc


def _read_speakers(path: Path) -> dict[str, tuple[str, ...]]:
    """``{id: (name, *aliases)}`` from a ``speakers.toml``; empty when the file is absent."""
    if not path.is_file():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        return {s["id"]: (s["name"], *s.get("aliases", ())) for s in table.get("speaker", [])}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a speaker table ({exc!r}); each [[speaker]] needs id and name") from exc


def _file(doc: str) -> str:
    return doc.split("/")[-1]

"""The development set: events of multi-outlet coverage, annotated in ``golden/dev/``, texts in a cache.

Input: ``golden/dev/<event>/excerpts.toml`` (url, outlet, sha256 of each excerpt) with the gold records, and
the git-ignored cache of the excerpts' text (``.eval-cache/dev/<event>/<id>.txt``).
Output: ``Event`` records, the cache checked against the hashes, and an ``Evaluation`` per event.

The excerpts are other people's writing, so git holds only their url and sha256; the cache is
filled by whoever collects them (see ``golden/dev/README.md``). An event whose cache is absent
or changed is not scored, and says why.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..cache import write_atomically
from ..config import Settings
from ..errors import InputError
from .gold import load_golden, read_jsonl
from .run import Evaluation, evaluate

#: Where the excerpts' text is looked for when no cache folder is given: ``$QUOTES_DEV_CACHE``,
#: else ``.eval-cache/dev`` under the working folder.
CACHE_ENV = "QUOTES_DEV_CACHE"
DEFAULT_CACHE = Path(".eval-cache") / "dev"


@dataclass(frozen=True, slots=True)
class Excerpt:
    """One excerpt of the development set: where it came from and the hash of its text."""

    id: str
    url: str
    outlet: str | None
    sha256: str
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One event: its gold folder, its split (``dev`` or ``test``) and its excerpts."""

    name: str
    folder: Path
    split: str
    description: str
    excerpts: tuple[Excerpt, ...]


def cache_root(given: Path | None = None) -> Path:
    """The cache folder: ``given``, else ``$QUOTES_DEV_CACHE``, else ``.eval-cache/dev``."""
    if given is not None:
        return given
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else DEFAULT_CACHE


def load_events(root: Path) -> list[Event]:
    """The events under ``root`` (``golden/dev``), in name order.

    Raises:
        InputError: no event folder, or an ``excerpts.toml`` that is not a table of excerpts.
    """
    folders = sorted(p.parent for p in Path(root).glob("*/excerpts.toml"))
    if not folders:
        raise InputError(f"{root}: no <event>/excerpts.toml; point --dev at golden/dev")
    return [_event(folder) for folder in folders]


def _event(folder: Path) -> Event:
    path = folder / "excerpts.toml"
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        excerpts = tuple(
            Excerpt(
                id=str(e["id"]),
                url=str(e["url"]),
                outlet=None if e.get("outlet") is None else str(e["outlet"]),
                sha256=str(e["sha256"]),
                date=None if e.get("date") is None else str(e["date"]),
            )
            for e in table.get("excerpt", [])
        )
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not an excerpt table ({exc!r}); see golden/dev/README.md") from exc
    split = str(table.get("split", "dev"))
    if split not in ("dev", "test"):
        raise InputError(f'{path}: split is {split!r}; use "dev" or "test"')
    return Event(folder.name, folder, split, str(table.get("event", folder.name)), excerpts)


def check_cache(event: Event, root: Path) -> list[str]:
    """What is wrong with an event's cached texts (absent, or a hash that differs); empty when all is well."""
    problems = []
    for e in event.excerpts:
        path = root / event.name / f"{e.id}.txt"
        if not path.is_file():
            problems.append(f"{path}: absent")
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != e.sha256:
            held = _offsets_held(event.folder / f"{e.id}.jsonl", data.decode("utf-8", errors="replace"))
            problems.append(f"{path}: sha256 {digest[:12]}… differs from excerpts.toml ({e.sha256[:12]}…); {held}")
    return problems


def _offsets_held(gold: Path, text: str) -> str:
    """Whether an excerpt's gold records still sit at their offsets in a cached copy whose hash differs: what
    tells a copy that lost an invisible character past the last record from one that moved the text."""
    try:
        records = [rec for _, rec in read_jsonl(gold)]
    except InputError:
        return f"{gold.name} could not be read to compare offsets"
    moved = [r for r in records if text[r.get("start", 0) : r.get("end", 0)] != r.get("text")]
    if not moved:
        return f"all {len(records)} gold records are at their offsets (a copy that differs around them)"
    first = moved[0]
    where = text.find(str(first.get("text")))
    shift = f"found {where - int(first.get('start', 0)):+d} characters away" if where >= 0 else "not found"
    return f"{len(moved)} of {len(records)} gold records are not at their offsets (the first {shift})"


def write_outlets(event: Event, root: Path) -> Path:
    """Write the ``outlets.toml`` that gives each cached excerpt its outlet (ingest reads it)."""
    lines = [f"# Written by scripts/devset.py from golden/dev/{event.name}/excerpts.toml", ""]
    for e in event.excerpts:  # no per-file date: an excerpt's date is when it was published, not the event's
        lines.append(f'[files."{e.id}.txt"]')
        if e.outlet is not None:
            lines.append(f"outlet = {_toml_string(e.outlet)}")
        lines.append("")
    path = root / event.name / "outlets.toml"
    write_atomically(path, "\n".join(lines))  # two evaluations at once each write their own temporary file
    return path


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def evaluate_events(
    events: Sequence[Event], root: Path, *, settings: Settings | None = None
) -> list[tuple[Event, Evaluation | None, list[str]]]:
    """Each event scored against its gold, or None with the reasons when its cache is not usable."""
    out: list[tuple[Event, Evaluation | None, list[str]]] = []
    for event in events:
        problems = check_cache(event, root)
        if problems:
            out.append((event, None, problems))
            continue
        write_outlets(event, root)
        paths = [root / event.name / f"{e.id}.txt" for e in event.excerpts]
        gold = load_golden(event.folder)
        evaluation = evaluate(gold, paths, settings=settings)
        if not any(q.group for q in gold.quotes):
            evaluation = without_alignment(evaluation)
        out.append((event, evaluation, []))
    return out


def without_alignment(evaluation: Evaluation) -> Evaluation:
    """The evaluation with its alignment figures set to None: the gold has no groups to score them against.

    The extraction sets of ``golden/dev`` (features, wire stories, transcripts, web pages) are single
    articles, not coverage of one event by several outlets.
    """
    results = {
        system: {k: (None if "align" in k else v) for k, v in figures.items()}
        for system, figures in evaluation.results.items()
    }
    return replace(evaluation, results=results)

"""Batch: many claims verified against sources opened once.

Input: ``Claim`` records, or a JSON-lines file of ``{"claim": "...", "speaker": "..."}`` objects, and sources.
Output: one ``Verdict`` per claim in order (``Checked`` with its line for a file); a ``Diagnostic`` per bad line.
Rendering the results is ``reports``' (``render_checked``, ``render_claims``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..config import Settings
from ..errors import InputError
from ..ingest import decode, read_file, read_stdin
from ..types import Article, Diagnostic, Level, Verdict
from .sources import Against, opened
from .verdicts import verify


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim to verify: the claimed words, the claimed speaker, and where it was read.

    ``source`` is the claims file (``-`` for standard input) and ``line`` its 1-based line;
    both are empty for a claim made in code.
    """

    text: str
    speaker: str | None = None
    source: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Checked:
    """A claim and its verdict."""

    claim: Claim
    verdict: Verdict

    def to_dict(self) -> dict[str, object]:
        """The verdict's record (``Verdict.to_dict``) with the claim's ``line`` first."""
        return {"line": self.claim.line, **self.verdict.to_dict()}


def verify_claims(
    claims: Iterable[Claim | str],
    *,
    against: Against,
    strict: bool = False,
    settings: Settings | None = None,
) -> Generator[Verdict, None, None]:
    """The verdict on each claim, in order, with the sources opened once for all of them.

    ``against`` is what ``verify`` takes: a ``Corpus`` or ``Index``, or article paths (extracted
    once here, unchanged files from the extraction cache). A ``str`` claim has no claimed
    speaker beyond one named in it. ``strict``: only ``verbatim`` passes.

    Raises:
        InputError: ``against`` names no sources or a missing path (at the first verdict).
    """
    with opened(against, settings=settings) as (sources, _):
        for claim in claims:
            c = Claim(text=claim) if isinstance(claim, str) else claim
            yield verify(c.text, speaker=c.speaker, against=sources, strict=strict)


def read_claims(path: str | Path, *, stdin: TextIO | None = None) -> Iterator[Claim | Diagnostic]:
    """The claims of a JSON-lines file, one object per line, and a diagnostic for each bad line.

    Each line is ``{"claim": "...", "speaker": "..."}`` (``speaker`` optional, other keys
    ignored); blank lines are skipped. ``-`` reads standard input. A bad line (not JSON, not an
    object, no ``claim`` string, a ``speaker`` that is not a string) is a ``Diagnostic`` with
    the file and line; the other lines are still read.

    Raises:
        InputError: the file cannot be read at all (missing, a special file, over the size cap, not UTF-8);
            it is read as articles are (``ingest``).
    """
    name = str(path)
    if name == "-":
        got = read_stdin(stdin if stdin is not None else sys.stdin)
        text: str | Diagnostic = got.text if isinstance(got, Article) else got
    else:
        data = read_file(Path(name), doc=name)
        text = data if isinstance(data, Diagnostic) else decode(data, doc=name)
    if isinstance(text, Diagnostic):  # read as articles are: a special file, a runaway size, binary, not UTF-8
        what = "no such claims file; check the path given to --claims" if text.code == "E102" else text.message
        raise InputError(f"{name}: {what}")
    return _parse_lines(text.splitlines(), source=name)


def _parse_lines(lines: Sequence[str], *, source: str) -> Iterator[Claim | Diagnostic]:
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            yield parse_claim_line(raw, source=source, line=number)


def parse_claim_line(raw: str, *, source: str = "", line: int = 0) -> Claim | Diagnostic:
    """One line of a claims file as a ``Claim``, or a ``Diagnostic`` saying what is wrong with it.

    >>> parse_claim_line('{"claim": "We will win", "speaker": "Ana Lima"}', line=3).speaker
    'Ana Lima'
    >>> parse_claim_line('We will win', source="c.jsonl", line=4).render()
    'c.jsonl:4: error E111: not JSON (Expecting value at column 1); write one JSON object per line, {"claim": "..."}'
    """
    try:
        data = json.loads(raw)
    except ValueError as exc:
        reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        return _bad(source, line, "E111", f'not JSON ({reason}); write one JSON object per line, {{"claim": "..."}}')
    if not isinstance(data, dict):
        return _bad(source, line, "E112", f'a JSON {_json_type(data)}, not an object; write {{"claim": "..."}}')
    claim = data.get("claim")
    if not isinstance(claim, str):
        got = 'no "claim" key' if "claim" not in data else f'"claim" is a {_json_type(claim)}'
        return _bad(source, line, "E112", f'{got}; each line needs "claim" with the quote as a string')
    if not claim.strip():
        return _bad(source, line, "E113", '"claim" is empty; give the words to verify')
    speaker = data.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        return _bad(source, line, "E114", f'"speaker" is a {_json_type(speaker)}; give a name as a string, or null')
    return Claim(text=claim, speaker=speaker or None, source=source, line=line)


def verify_file(
    path: str | Path,
    *,
    against: Against,
    strict: bool = False,
    settings: Settings | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Checked | Diagnostic]:
    """Verify every claim of a JSON-lines file (see ``read_claims``), in file order, against
    sources opened once: a ``Checked`` per claim, a ``Diagnostic`` per bad line.

    Raises:
        InputError: the claims file cannot be read, or ``against`` names no sources.
    """
    items = list(read_claims(path, stdin=stdin))
    claims = [item for item in items if isinstance(item, Claim)]
    verdicts = verify_claims(claims, against=against, strict=strict, settings=settings)
    try:
        for item in items:
            yield item if isinstance(item, Diagnostic) else Checked(item, next(verdicts))
    finally:
        verdicts.close()


def _bad(source: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(doc=source or "<claims>", code=code, message=message, level=Level.ERROR, line=line)


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)

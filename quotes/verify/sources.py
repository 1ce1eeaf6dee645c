"""Sources: where claims are looked up, the quotes of extracted paths or a quote index.

Input: article paths (extracted now) or an index file.
Output: ``Sources``: candidate ``Rendering`` records for a claim, ``Speaker`` records for a name.

A ``Corpus`` answers as an ``Index`` of the same articles does: candidates are the quotes nearest a
claim, each alone and joined with the other halves of its interrupted quote (``store.candidates``),
and names are looked up word by word, all words first; so a claim gets the same verdict through paths
as through an index (only the articles' own sentences, for ``not_a_quote``, are the corpus's alone).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Protocol, Union

from ..config import Settings
from ..errors import InputError
from ..forms import stored
from ..store.candidates import CANDIDATES, renderings
from ..store.index import Closing
from ..types import Diagnostic, Extraction, Quote, Rendering, Speaker
from .claims import _words, normalize
from .narration import Narration


class Sources(Protocol):
    """Where claims are looked up: ``Corpus`` (extracted paths) or ``store.Index``."""

    def candidates(self, claim: str, *, limit: int = CANDIDATES) -> list[Rendering]:
        """Renderings that may render ``claim``, most likely first."""
        ...

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speaker records whose name contains the words of ``name``."""
        ...

    def close(self) -> None:
        """Release what the sources hold (a database connection)."""
        ...


class Corpus(Closing):
    """Sources held in memory: the quotes of extracted documents, their text in NFC as an index stores it."""

    def __init__(self, extractions: Iterable[Extraction]) -> None:
        self.extractions = list(extractions)
        self._quotes: list[tuple[Quote, int]] = []  # every quote, with the index of its document
        self._documents: list[tuple[list[Quote], dict[str, Speaker]]] = []  # each document's quotes and records
        self._speakers: list[Speaker] = []
        for d, ex in enumerate(self.extractions):
            quotes = [_stored_quote(q) for q in ex.quotes]
            self._documents.append((quotes, {s.id: s for s in ex.speakers}))
            self._quotes.extend((q, d) for q in quotes)
            self._speakers.extend(ex.speakers)
        self._norms = [normalize(q.text) for q, _ in self._quotes]

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Why each source that could not be read was left out (missing, not UTF-8, ...), in input order."""
        return tuple(d for ex in self.extractions for d in ex.errors)

    @cached_property
    def narration(self) -> Narration:
        """The articles' own sentences, split once when a claim first needs them (``not_a_quote``)."""
        return Narration(self.extractions)

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[str | Path],
        *,
        settings: Settings | None = None,
        speakers: Path | None = None,
        cache: bool = True,
    ) -> Corpus:
        """Extract the quotes of files and folders (see ``pipeline.extract``); unchanged
        files come from the extraction cache unless ``cache`` is false or ``QUOTES_CACHE=off``."""
        from ..pipeline import extract

        return cls(extract([Path(p) for p in paths], settings=settings, speakers=speakers, cache=cache))

    def candidates(self, claim: str, *, limit: int = CANDIDATES) -> list[Rendering]:
        """The ``limit`` quotes nearest the claim by rapidfuzz token-set similarity, each alone and
        joined with the other halves of its interrupted quote (as ``Index.candidates`` gives them)."""
        from rapidfuzz import fuzz, process

        query = normalize(claim)
        if not query or not self._norms:
            return []
        hits = process.extract(query, self._norms, scorer=fuzz.token_set_ratio, limit=limit)
        found = [self._quotes[i] for _, _, i in hits]
        return renderings((q, *self._documents[d]) for q, d in found)

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speaker records whose name has every word of ``name``, else any of them (as ``Index.find_speakers``)."""
        words = {w for w in _words(name) if len(w) > 1}
        if not words:
            return []
        every = [s for s in self._speakers if words <= set(_words(s.name))]
        return every or [s for s in self._speakers if words & set(_words(s.name))]


#: What ``verify`` and ``check`` take as ``against``: opened sources (a ``Corpus`` or an ``Index``),
#: or article paths (a file or folder, or several) to extract now.
Against = Union["Sources", str, Path, Sequence[Union[str, Path]]]


def as_sources(
    against: Against | None = None,
    *,
    db: str | Path | None = None,
    settings: Settings | None = None,
    speakers: Path | None = None,
    cache: bool = True,
) -> tuple[Sources, bool]:
    """The sources of ``verify`` and ``check``, as the CLI's ``--against`` and ``--db`` name them, and
    whether they were opened here (the caller closes them then).

    ``against``: opened sources (used as they are), or article paths, extracted now (``speakers``: an
    authority file; unchanged files from the extraction cache, see ``quotes.cache``); a path that is
    missing or cannot be read is left out and named in ``Corpus.diagnostics``, the others are still used.
    ``db``: an index file. Neither: the index ``$QUOTES_DB`` names, as for the CLI.

    Raises:
        InputError: both or neither were given (and ``$QUOTES_DB`` is unset), or none of the paths exists.
        StoreError: the index cannot be opened.
    """
    if against is not None and db is not None:
        raise InputError("give the sources as against (article paths) or db (an index file), not both")
    if against is None:
        from ..store import Index, db_path

        return Index(db_path(db)), True
    if hasattr(against, "candidates"):
        return against, False  # type: ignore[return-value]
    paths = [against] if isinstance(against, (str, Path)) else list(against)
    if not paths:
        raise InputError("nothing to verify against; give article paths or an Index")
    if all(str(p) != "-" and not Path(p).exists() for p in paths):
        raise InputError(f"{paths[0]}: no such file or folder; check the source paths")
    return Corpus.from_paths(paths, settings=settings, speakers=speakers, cache=cache), True


@contextmanager
def opened(
    against: Against | None = None,
    *,
    db: str | Path | None = None,
    settings: Settings | None = None,
    speakers: Path | None = None,
) -> Iterator[tuple[Sources, tuple[Diagnostic, ...]]]:
    """``as_sources`` for one call: the sources and, when they were opened here, the source paths that
    could not be read (``unread``; none for sources the caller opened); closed after, when opened here."""
    sources, mine = as_sources(against, db=db, settings=settings, speakers=speakers)
    try:
        yield sources, unread(sources) if mine else ()
    finally:
        if mine:
            sources.close()


def unread(sources: Sources) -> tuple[Diagnostic, ...]:
    """The diagnostics of the source paths that could not be read (a ``Corpus``'s; none for an index)."""
    return tuple(getattr(sources, "diagnostics", ()))


def _stored_quote(q: Quote) -> Quote:
    """``q`` with its text in NFC (``forms.stored``)."""
    text = stored(q.text)
    return q if text == q.text else replace(q, text=text)


def open_sources(
    *,
    against: Sequence[str | Path] = (),
    db: str | Path | None = None,
    settings: Settings | None = None,
    speakers: Path | None = None,
    cache: bool = True,
) -> Sources:
    """Sources from paths (extracted now, unchanged files from the extraction cache) or from an
    index file, exactly one of them.

    Raises:
        InputError: both or neither were given.
        StoreError: the index cannot be opened.
    """
    if against and db is not None:
        raise InputError("give --against PATH... or --db FILE, not both")
    if against:
        return Corpus.from_paths(against, settings=settings, speakers=speakers, cache=cache)
    if db is None:
        raise InputError("nothing to verify against; give --against PATH... or --db FILE")
    from ..store import Index

    return Index(db)

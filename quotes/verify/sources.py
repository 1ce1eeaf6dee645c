"""Sources: where claims are looked up, the quotes of extracted paths or a quote index.

Input: article paths (extracted now) or an index file.
Output: ``Sources``: candidate ``Rendering`` records for a claim, ``Speaker`` records for a name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self, Union

from ..config import Settings
from ..errors import InputError
from ..types import Diagnostic, Extraction, Quote, Rendering, Speaker
from .claims import _words, normalize
from .forms import stored
from .narration import Narration

#: Renderings fetched per claim before scoring. Enough to hold every outlet's version of a
#: remark plus near misses; the index returns them best bm25 first.
CANDIDATES = 40


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


class Closing:
    """Base of sources used as context managers: ``with`` closes them."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release what the sources hold (nothing, unless a subclass says otherwise)."""


class Corpus(Closing):
    """Sources held in memory: the quotes of extracted documents, their text in NFC as an index stores it."""

    def __init__(self, extractions: Iterable[Extraction]) -> None:
        from ..store import renderings

        self.extractions = list(extractions)
        self._renderings: list[Rendering] = []
        self._speakers: list[Speaker] = []
        for ex in self.extractions:
            records = {s.id: s for s in ex.speakers}
            self._speakers.extend(ex.speakers)
            quotes = [_stored_quote(q) for q in ex.quotes]
            self._renderings.extend(renderings((q, quotes, records) for q in quotes))
        self._norms = [normalize(r.text) for r in self._renderings]

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
        """Extract the quotes of files and folders (see ``pipeline.extract_corpus``); unchanged
        files come from the extraction cache unless ``cache`` is false or ``QUOTES_CACHE=off``."""
        from ..pipeline import extract_corpus

        return cls(extract_corpus(paths, settings=settings, speakers=speakers, cache=cache))

    def candidates(self, claim: str, *, limit: int = CANDIDATES) -> list[Rendering]:
        """The renderings nearest the claim by rapidfuzz token-set similarity."""
        from rapidfuzz import fuzz, process

        query = normalize(claim)
        if not query or not self._norms:
            return []
        hits = process.extract(query, self._norms, scorer=fuzz.token_set_ratio, limit=limit)
        return [self._renderings[i] for _, _, i in hits]

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speaker records sharing a word with ``name``."""
        words = {w for w in _words(name) if len(w) > 1}
        return [s for s in self._speakers if words & set(_words(s.name))]


#: What ``verify`` and ``check`` take as ``against``: opened sources (a ``Corpus`` or an ``Index``),
#: or article paths (a file or folder, or several) to extract now.
Against = Union["Sources", str, Path, Sequence[Union[str, Path]]]


def as_sources(against: Against, *, settings: Settings | None = None, cache: bool = True) -> tuple[Sources, bool]:
    """``against`` as ``Sources``, and whether they were opened here (the caller closes them then).

    Paths are extracted now, unchanged files from the extraction cache (see ``quotes.cache``).

    A path that is missing or cannot be read is left out and named in ``Corpus.diagnostics``;
    the others are still used.

    Raises:
        InputError: nothing to verify against, or none of the paths exists.
    """
    if hasattr(against, "candidates"):
        return against, False  # type: ignore[return-value]
    paths = [against] if isinstance(against, (str, Path)) else list(against)
    if not paths:
        raise InputError("nothing to verify against; give article paths or an Index")
    if all(str(p) != "-" and not Path(p).exists() for p in paths):
        raise InputError(f"{paths[0]}: no such file or folder; check the source paths")
    return Corpus.from_paths(paths, settings=settings, cache=cache), True


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

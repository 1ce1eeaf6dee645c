"""The library entry points: run ingest → nlp → detect → attribute → speakers (then align, verify …).

Input: texts, paths or articles. Output: one ``Extraction`` per document, streaming.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, Union

from . import attribute as _attribute
from . import detect as _detect
from . import nlp as _nlp
from . import speakers as _speakers
from .config import Settings
from .ingest import read_articles
from .types import Article, Diagnostic, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

Source = Union[str, Path, Article]


def extract(
    sources: Source | Iterable[Source], *, settings: Settings | None = None, stdin: TextIO | None = None
) -> Iterator[Extraction]:
    """Extract quotes from text, paths or articles, one ``Extraction`` per document.

    A ``str`` is article text, a ``Path`` a file or folder (``Path("-")`` is
    standard input), an ``Article`` is used as is. Documents stream through
    ``nlp.pipe``; a file that cannot be read gives an extraction with an error
    diagnostic and the others go on.

    >>> [q.speaker for x in extract('"We will win," Smith said.') for q in x.quotes]
    ['Smith']
    """
    settings = settings or Settings()
    if isinstance(sources, (str, Path, Article)):
        sources = [sources]
    failed: list[Extraction] = []

    def articles() -> Iterator[Article]:
        for number, src in enumerate(sources):
            if isinstance(src, Article):
                yield src
            elif isinstance(src, Path):
                for item in read_articles([src], stdin=stdin):
                    if isinstance(item, Diagnostic):
                        failed.append(Extraction(article=Article(doc=item.doc, text=""), diagnostics=(item,)))
                    else:
                        yield item
            else:
                yield Article(doc=f"<text {number}>", text=src)

    for article, doc in _nlp.parse(articles(), settings=settings):
        while failed:
            yield failed.pop(0)
        yield extract_parsed(article, doc)
    yield from failed


def extract_parsed(article: Article, doc: Doc) -> Extraction:
    """Run detection, attribution and speaker resolution on one parsed article."""
    marked, problems = _detect.find_marked(article.text, doc=article.doc)
    reported = _detect.find_reported(doc, marked)
    attributions, mentions = _attribute.attribute(doc, marked + reported)
    result = _speakers.resolve(article, attributions, mentions)
    return Extraction(
        article=result.article, quotes=result.quotes, speakers=result.speakers, diagnostics=tuple(problems)
    )


def extract_corpus(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    speakers: Path | None = None,
) -> list[Extraction]:
    """Extract a whole corpus of paths and give each speaker one id and name across documents.

    ``speakers`` is an optional authority file (TOML) that pins names and ids.
    """
    authority = _speakers.load_authority(speakers) if speakers is not None else None
    sources = [Path(p) for p in paths]
    out = _speakers.unify(extract(sources, settings=settings, stdin=stdin))
    return _speakers.apply_authority(out, authority) if authority else out

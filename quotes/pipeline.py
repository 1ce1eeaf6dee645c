"""The library entry points: run ingest → nlp → detect → attribute → speakers (then align, verify …).

Input: texts, paths or articles. Output: one ``Extraction`` per document: ``extract`` with one name and
id per speaker across the documents given (what ``quotes extract`` and ``quotes table`` print), or
``extract_each`` streaming, each document's speakers named within it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, Union

from . import attribute as _attribute
from . import cache as _cache
from . import detect as _detect
from . import keep as _keep
from . import nlp as _nlp
from . import speakers as _speakers
from .config import Settings
from .ingest import checked, outlet_of, read_articles
from .types import Article, Diagnostic, Extraction, Quote, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

Source = Union[str, Path, Article]


def extract(
    sources: Source | Iterable[Source],
    *,
    settings: Settings | None = None,
    speakers: Path | None = None,
    stdin: TextIO | None = None,
    cache: bool = True,
    stream: bool = False,
    on_document: Callable[[Extraction], object] | None = None,
) -> list[Extraction]:
    """Extract quotes from text, paths or articles, one ``Extraction`` per document, in the order given,
    with one id and name per speaker across them: what ``quotes extract`` and ``quotes table`` print.

    A ``str`` is article text, a ``Path`` a file or folder (``Path("-")`` is standard input), an
    ``Article`` is used as is (its outlet resolved as ingest resolves it). A person or body named in
    several documents gets one id and its most used name in all of them (``speakers.unify``: ``Park
    Soo-min`` in one article and ``Park Su-min`` in two is ``Park Su-min``); ``speakers`` is an
    optional authority file (TOML) that pins names and ids. A file that cannot be read gives an
    extraction with an error diagnostic and the others go on. ``settings`` holds what the CLI's
    ``--model``, ``--include-scare`` and ``--jobs`` set; ``cache`` and ``on_document``: see ``extract_each``.
    With ``stream``, each document's speakers are named within it, as ``extract_each`` yields them (what
    ``quotes extract --stream`` prints, document by document): ``list(extract_each(...))``.

    >>> [q.speaker for x in extract('"We will win," Smith said.') for q in x.quotes]
    ['Smith']
    """
    if stream:
        each = extract_each(
            sources, settings=settings, speakers=speakers, stdin=stdin, cache=cache, on_document=on_document
        )
        return list(each)
    authority = _speakers.load_authority(speakers) if speakers is not None else None
    out = _speakers.unify(extract_each(sources, settings=settings, stdin=stdin, cache=cache, on_document=on_document))
    return _speakers.apply_authority(out, authority) if authority else out


def extract_each(
    sources: Source | Iterable[Source],
    *,
    settings: Settings | None = None,
    speakers: Path | None = None,
    stdin: TextIO | None = None,
    cache: bool = True,
    on_document: Callable[[Extraction], object] | None = None,
) -> Iterator[Extraction]:
    """``extract`` one document at a time, in the order given, each document's speakers named within it:
    what ``quotes extract`` prints (``--no-stream``: ``extract``).

    Documents stream through ``nlp.pipe`` (in ``settings.jobs`` processes), so a long run yields its first
    results at once and holds a few batches at a time; the names a corpus agrees on (``extract``) need every
    document first. ``speakers``: an authority file, applied to each document. With ``cache`` (and unless
    ``QUOTES_CACHE=off``), a document extracted before with the same text, metadata, pipeline, code and data
    comes from the on-disk cache (``quotes.cache``) without parsing; when every document does, the pipeline is
    not even loaded. ``on_document`` is called with each extraction as it is done (a progress bar's tick).
    """
    authority = _speakers.load_authority(speakers) if speakers is not None else None
    for extraction in _extracted(sources, settings=settings or Settings(), stdin=stdin, cache=cache):
        if authority:
            (extraction,) = _speakers.apply_authority([extraction], authority)
        if on_document is not None:
            on_document(extraction)
        yield extraction


def _extracted(
    sources: Source | Iterable[Source], *, settings: Settings, stdin: TextIO | None, cache: bool
) -> Iterator[Extraction]:
    """``extract_each`` without the authority file and the callback."""
    store = _cache.open_cache(settings) if cache else None
    # Documents in input order: a finished Extraction (read from the cache, or unreadable),
    # or an Article waiting for the parser. nlp.pipe keeps order, so each parsed document
    # is the first Article in the queue.
    queue: deque[Extraction | Article | _Long] = deque()

    def to_parse() -> Iterator[Article]:
        for item in _articles(sources, stdin):
            hit = _load(store, item) if store is not None and isinstance(item, Article) else None
            if hit is not None or isinstance(item, Extraction):
                queue.append(item if hit is None else hit)
            elif len(item.text) > _nlp.LONG_ARTICLE_CHARS:
                long = _Long(item, _nlp.windows(item.text))
                queue.append(long)
                yield from (replace(item, text=item.text[w.context : w.end]) for w in long.windows)
            else:
                queue.append(item)
                yield item

    def ready() -> Iterator[Extraction]:
        while queue and isinstance(head := queue[0], Extraction):
            queue.popleft()
            yield shown(head, settings)

    pending = to_parse()
    first = next(pending, None)
    yield from ready()
    if first is None:
        return
    for article, doc in _nlp.parse(chain([first], pending), settings=settings):
        head = queue[0]  # the queue's first Article (or long article) is this one
        if isinstance(head, _Long):
            head.parsed.append(extract_parsed(article, doc))
            if len(head.parsed) < len(head.windows):
                continue
            extraction = joined(head.article, head.windows, head.parsed)
        else:
            extraction = extract_parsed(article, doc)
        queue.popleft()
        if store is not None:
            store.save(replace(extraction, article=_keyed(extraction.article)))
        yield shown(extraction, settings)
        yield from ready()
    yield from ready()


def _keyed(article: Article) -> Article:
    """The article as the extraction cache keys it: an outlet the document gives itself (its page's address,
    or its name: ``ingest.outlet_of`` with nothing listed) is no metadata of its own; the text is in the key
    already, and a renamed file is still a hit."""
    return replace(article, outlet=None) if article.outlet == outlet_of(article.doc, article.text) else article


def _load(store: _cache.ExtractionCache, article: Article) -> Extraction | None:
    """The cached extraction of ``article`` (``_keyed``), with the article's own outlet."""
    hit = store.load(_keyed(article))
    if hit is None:
        return None

    def own(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
        return tuple(replace(q, outlet=article.outlet) for q in quotes)

    return replace(hit, article=article, quotes=own(hit.quotes), reports=own(hit.reports))


@dataclass(slots=True)
class _Long:
    """A long article waiting for its windows to be parsed: the extraction of each, in order."""

    article: Article
    windows: list[_nlp.Window]
    parsed: list[Extraction] = field(default_factory=list)


def joined(article: Article, windows: Sequence[_nlp.Window], parsed: Sequence[Extraction]) -> Extraction:
    """One extraction of a long article from those of its windows (``nlp.windows``).

    Each window keeps the quotes that start in its own part (those in its context belong to the
    window before), with offsets into the whole text; a person named in full in one window and by
    surname in another is one speaker (``speakers.unify``, as across the documents of a corpus).
    """
    parsed = _speakers.unify(parsed)
    quotes: list[Quote] = []
    reports: list[Quote] = []
    diagnostics: list[Diagnostic] = []
    for w, ex in zip(windows, parsed, strict=True):
        lines_before = article.text.count("\n", 0, w.context)  # a quote's line in the window, shifted
        for mine, theirs in ((quotes, ex.quotes), (reports, ex.reports)):
            mine += (_shifted(q, w.context, lines_before, article) for q in theirs if q.start + w.context >= w.start)
        for d in ex.diagnostics:
            if d.offset is None or d.offset + w.context >= w.start:
                offset = None if d.offset is None else d.offset + w.context
                diagnostics.append(replace(d, doc=article.doc, offset=offset))
    named = {q.speaker_id for q in quotes} | {q.via for q in quotes}
    speakers: dict[str, Speaker] = {}
    for ex in parsed:
        for sp in ex.speakers:
            if sp.id in named or sp.name in named:
                speakers[sp.id] = _speakers.merge_speaker(speakers.get(sp.id), sp)
    return Extraction(
        article=article,
        quotes=tuple(quotes),
        speakers=tuple(speakers.values()),
        diagnostics=tuple(diagnostics),
        reports=tuple(reports),
    )


def _shifted(q: Quote, by: int, lines: int, article: Article) -> Quote:
    """A window's quote with offsets (``by`` characters) and line (``lines``) into the whole article."""
    span = None if q.speaker_span is None else (q.speaker_span[0] + by, q.speaker_span[1] + by)
    return replace(
        q,
        doc=article.doc,
        start=q.start + by,
        end=q.end + by,
        speaker_span=span,
        line=q.line + lines,
        parts=tuple(replace(p, start=p.start + by, end=p.end + by) for p in q.parts),
    )


def shown(extraction: Extraction, settings: Settings) -> Extraction:
    """What the settings let through of an extraction: the learned judgement (``keep``) and speaker
    ranking (taken back with ``learned=False``), scare quotes."""
    extraction = _keep.judged(extraction) if settings.learned else without_ranked(extraction)
    return extraction if settings.include_scare else without_scare(extraction)


def without_ranked(extraction: Extraction) -> Extraction:
    """The extraction as the rules alone give it: speakers the learned ranking chose are taken back."""
    if not any(q.flagged("ranked_speaker") for q in extraction.quotes):
        return extraction
    quotes = tuple(
        replace(_speakers.ruled(q), flags=()) if q.flagged("ranked_speaker") else q for q in extraction.quotes
    )
    return replace(extraction, quotes=quotes)


def without_scare(extraction: Extraction) -> Extraction:
    """The extraction without its scare quotes (marked phrases no speech act is attributed to)."""
    kept = tuple(q for q in extraction.quotes if not q.flagged("scare"))
    return extraction if len(kept) == len(extraction.quotes) else replace(extraction, quotes=kept)


def _articles(sources: Source | Iterable[Source], stdin: TextIO | None) -> Iterator[Article | Extraction]:
    """Each source as an article, or as the extraction of an unreadable file (its error diagnostic)."""
    if isinstance(sources, (str, Path, Article)):
        sources = [sources]
    for number, src in enumerate(sources):
        if isinstance(src, Path):
            items: Iterable[Article | Diagnostic] = read_articles([src], stdin=stdin)
        else:
            items = [checked(src if isinstance(src, Article) else Article(doc=f"<text {number}>", text=src))]
        for item in items:
            yield (
                Extraction(article=Article(doc=item.doc, text="", outlet=outlet_of(item.doc, "")), diagnostics=(item,))
                if isinstance(item, Diagnostic)
                else item
            )


def extract_parsed(article: Article, doc: Doc) -> Extraction:
    """Run detection, attribution and speaker resolution on one parsed article.

    Every step reads the text as parsed (``doc.text``: a hard-wrapped text with its wraps as spaces, HTML tags as
    blanks, ``ingest.readable``); the records' words are then taken from the article as written.
    """
    read = article if doc.text == article.text else replace(article, text=doc.text)
    furniture = _detect.furniture(read.text)
    marked, problems = _detect.find_marked(read.text, doc=read.doc, page=_detect.Spans.of(furniture))
    reported = _detect.find_reported(doc, marked)
    wrapped = read is not article and read.text.count("\n") < article.text.count("\n")  # lines joined on reading
    marked, turns = _detect.quoted_turns(marked, _detect.find_turns(read.text, wrapped=wrapped))
    attributions, mentions = _attribute.attribute(doc, marked + reported + turns, furniture=furniture)
    result = _speakers.resolve(read, attributions, mentions, places=_attribute.place_names(doc), furniture=furniture)
    extraction = Extraction(
        article=result.article,
        quotes=result.quotes,
        speakers=result.speakers,
        diagnostics=tuple(problems),
        reports=result.reports,
    )
    if read is article:
        return extraction
    return replace(
        extraction,
        article=article,
        quotes=tuple(_as_written(q, read.text, article.text) for q in extraction.quotes),
        reports=tuple(_as_written(q, read.text, article.text) for q in extraction.reports),
    )


def _as_written(q: Quote, read: str, text: str) -> Quote:
    """The record with its words, its speaker's mention where that is the text at its span, and its line as the
    article writes them (``text``) rather than as it was read (``read``, the same length)."""
    span = q.speaker_span
    mention = text[span[0] : span[1]] if span and q.speaker_mention == read[span[0] : span[1]] else q.speaker_mention
    return replace(q, text=text[q.start : q.end], speaker_mention=mention, line=text.count("\n", 0, q.start) + 1)


def extract_corpus(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    speakers: Path | None = None,
    cache: bool = True,
    on_document: Callable[[Extraction], object] | None = None,
) -> list[Extraction]:
    """``extract`` of file and folder paths, given as ``str`` or ``Path`` alike (a ``str`` is a path here).

    ``cache``: take unchanged documents from the extraction cache (see ``extract_each``); the
    cross-document step (one id per speaker, the authority file) is redone every time, so the
    result is the same.
    """
    return extract(
        [Path(p) for p in paths],
        settings=settings,
        stdin=stdin,
        speakers=speakers,
        cache=cache,
        on_document=on_document,
    )

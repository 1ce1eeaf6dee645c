"""Baselines: another system's quotes (textacy), or our rules alone, as contract records to score beside ours.

Input: articles and a spaCy pipeline.
Output: the contract records of ``textacy.extract.triples.direct_quotations``, and the articles it gave up.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..types import Article

if TYPE_CHECKING:
    from spacy.language import Language


class Baseline(StrEnum):
    """Other systems ``quotes eval`` can score beside ours."""

    TEXTACY = "textacy"
    RULES = "rules"  # our rules alone, without the learned judgement (quotes.keep)


def textacy_predictions(articles: Iterable[Article], nlp: Language) -> tuple[list[dict[str, Any]], list[str]]:
    """Contract records of ``textacy.extract.triples.direct_quotations`` on each article, and the articles it gave up.

    textacy raises on a document with an odd number of quotation marks; that document is given up
    and the others go on. Spans are the quoted content without the marks; kind is always direct.
    """
    from textacy.extract.triples import direct_quotations

    preds: list[dict[str, Any]] = []
    given_up: list[str] = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy's ValueError, or any other failure: give up this document only
            given_up.append(article.doc)
            continue
        for speaker, cue, content in triples:
            start, end = _strip(article.text, content[0].idx + len(content[0].text), content[-1].idx)
            who = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text))
            name = " ".join("".join(t.text_with_ws for t in speaker).split())
            preds.append(
                {
                    "doc": article.doc,
                    "outlet": article.outlet,
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                    "kind": "direct",
                    "speaker": name,
                    "speaker_id": None,
                    "speaker_mention": name,
                    "speaker_span": list(who),
                    "cue": " ".join("".join(t.text_with_ws for t in cue).split()),
                    "via": None,
                    "group": None,
                    "flags": [],
                }
            )
    return preds, given_up


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

"""Narration: the sentences an outlet writes in its own voice, where a claimed quote may really come from.

Input: sources that hold their articles' text (a ``Corpus``) and a claim.
Output: ``Rendering`` records for the sentences most like the claim, quoted from no one.

A claim that no quote supports but an article's own sentence does is not a quote of anyone: it is
the outlet's words. An index keeps quotes, not articles' text, so only sources read from paths
can tell (``Sources`` without ``extractions`` give no passages).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Extraction, Kind, Quote, Rendering
from .claims import normalize

#: Sentences lined up word by word with a claim, after a cheap ranking: the best few are enough,
#: as for quotes (``verdicts.ASSESSED``).
PASSAGES = 8

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']?|$)", re.M)


def _sentences(ex: Extraction) -> list[Quote]:
    """The article's sentences as quote-shaped records with no speaker (offsets into its text)."""
    text = ex.article.text
    out = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 3:
            continue
        line = text.count("\n", 0, start) + 1
        out.append(Quote(ex.article.doc, ex.article.outlet, start, end, text[start:end], Kind.INDIRECT, line=line))
    return out


class Narration:
    """The sentences of some articles, split and normalized once, to look claims up in."""

    def __init__(self, extractions: Sequence[Extraction]) -> None:
        self._sentences = [s for ex in extractions for s in _sentences(ex)]
        self._norms = [normalize(s.text) for s in self._sentences]

    def passages(self, claim: str, *, limit: int = PASSAGES) -> list[Rendering]:
        """The sentences nearest the claim (rapidfuzz token-set similarity), as renderings."""
        from rapidfuzz import fuzz, process

        query = normalize(claim)
        if not query or not self._norms:
            return []
        hits = process.extract(query, self._norms, scorer=fuzz.token_set_ratio, limit=limit)
        return [Rendering((self._sentences[i],)) for _, _, i in hits]

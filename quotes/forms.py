"""Forms: the one Unicode normalization of stored text, index terms and claims.

Input: text as read from an article or a claim.
Output: NFC text to store and compare (``stored``) and NFKC case-folded text to match words on
(``folded``).

A claim pasted from a web page is often in another form than the article it quotes: composed
(NFC) or decomposed (NFD, as macOS file names and some editors give it), full-width Latin
letters from East Asian text, ligatures. Stored and compared text is NFC, so the same words are
the same characters; words are matched on NFKC with case folded, so full-width and half-width,
ligatures and case meet. The index (``store``) stores the folded text of each quote and
``verify`` folds claims the same way before the index's tokenizer splits them, so both sides are
one form. Both read this module; neither reads the other for it.
"""

from __future__ import annotations

import unicodedata


def stored(text: str) -> str:
    """``text`` in NFC, the form stored and compared.

    >>> stored("cafe\\u0301") == "caf\\u00e9"
    True
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def folded(text: str) -> str:
    """``text`` in NFKC with case folded, the form words are matched on.

    >>> folded("Ｗｅ ﬁnd Straße")
    'we find strasse'
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())

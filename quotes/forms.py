"""Forms: the one Unicode normalization of stored text, index terms and claims, and text shown on one line.

Input: text as read from an article or a claim.
Output: NFC text to store and compare (``stored``), NFKC case-folded text to match words on
(``folded``), and text on one line of a terminal, shortened in the middle (``shorten``), which every
output and every flag detail uses.

A claim pasted from a web page is often in another form than the article it quotes: composed
(NFC) or decomposed (NFD, as macOS file names and some editors give it), full-width Latin
letters from East Asian text, ligatures. Stored and compared text is NFC, so the same words are
the same characters; words are matched on NFKC with case folded, so full-width and half-width,
ligatures and case meet. The index (``store``) stores the folded text of each quote and
``verify`` folds claims the same way before the index's tokenizer splits them, so both sides are
one form. Both read this module; neither reads the other for it.
"""

from __future__ import annotations

import re
import unicodedata

#: Runs of white space a one-line cell or message shows as one space: spaces, tabs and line breaks, but not
#: the control characters Python also counts as white space (VT, FF, the separators 0x1c-0x1f, NEL), which
#: ``escape_controls`` shows.
_BLANKS = re.compile(r"[^\S\x0b\x0c\x1c-\x1f\x85]+")


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


def char_width(char: str) -> int:
    """Columns a character takes on a terminal: 2 for wide (CJK) ones, 0 for combining marks and
    zero-width format characters, else 1 (``unicodedata.east_asian_width``; ``wcwidth`` is not a dependency)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Columns ``text`` takes on one line of a terminal (``char_width`` of each character).

    >>> text_width("Tokyo 東京")
    10
    """
    return sum(char_width(c) for c in text)


def one_line(text: str) -> str:
    """``text`` on one line: each run of spaces, tabs and line breaks one space, none at either end."""
    return _BLANKS.sub(" ", text).strip(" ")


def _take(text: str, columns: int) -> int:
    """How many characters from the start of ``text`` fit in ``columns``."""
    used = 0
    for n, c in enumerate(text):
        used += char_width(c)
        if used > columns:
            return n
    return len(text)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut in the middle with an ellipsis when wider than ``width`` columns (at least 1).

    The one way every output shortens text: it is put on one line (``one_line``), two thirds of the room
    go to the start, the rest to the end; wide (CJK) characters count two columns.

    >>> shorten("We will not raise taxes this year, the minister said", 20)
    'We will not…er said'
    """
    flat = one_line(text)
    if text_width(flat) <= width:
        return flat
    room = max(width - 1, 0)
    head = flat[: _take(flat, room * 2 // 3)]
    tail_room = room - text_width(head)
    tail = flat[len(flat) - _take(flat[::-1], tail_room) :] if tail_room > 0 else ""
    return head.rstrip() + "…" + tail.lstrip()


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (``text_width``), on the left when ``right``."""
    fill = " " * max(width - text_width(text), 0)
    return fill + text if right else text + fill

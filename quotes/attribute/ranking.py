"""Ranking: a learned choice of the speaker mention for a quote the rules leave without one.

Input: a parsed ``Doc``, a quote's character span, the document's mentions and the speaker of the
quote before it. Output: the mention ranked first, when the model finds it likely enough.

Why: the rules name a source through the parse (a cue's subject, a label, ``according to``) and a
few conventions (the second half of an interrupted quote, a paragraph's introduced person); a quote
none of them reaches has no speaker. Which nearby mention is its speaker then depends on several weak
signs at once, so a model weighs them: logistic regression over ``FEATURES`` of each candidate mention
(distance and side, sentence and paragraph, subject or not, name, pronoun or body, the last speaker,
a reporting verb beside it), trained by ``scripts/train_ranking.py`` on the speaker spans of
``golden/`` and the dev split of ``golden/dev`` and shipped as ``quotes/data/ranking_model.json``.
The rules' choice is never overridden: they win where they reach.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..config import Lexicon, Logistic, read_model
from ..detect import reporting_key
from ..types import Mention
from .mentions import SUBJECTS, doc_text, line_bounds

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The features of a candidate, in the order of the model's weights.
FEATURES = (
    "before",
    "log_distance",
    "same_sentence",
    "same_paragraph",
    "previous_paragraph",
    "subject",
    "pronoun",
    "person",
    "organisation",
    "last_speaker",
    "reporting_verb",
    "nearest_on_its_side",
)
#: Paragraphs before the quote's own that hold candidates.
WINDOW_PARAGRAPHS = 1
MODEL_FILE = "ranking_model.json"


def candidates(doc: Doc, start: int, end: int, mentions: Sequence[Mention], lex: Lexicon) -> list[Mention]:
    """The mentions that may be a quote's speaker: names and he/she/they outside it, in its paragraph or the last."""
    text = doc_text(doc)
    first = _paragraph_start(text, start, WINDOW_PARAGRAPHS)
    last = line_bounds(text, start, end)[1]
    pool = [m for m in mentions if first <= m.start and m.end <= last and not (start <= m.start < end)]
    for tok in doc.char_span(first, last, alignment_mode="expand") or ():
        if lex.pronouns.get(tok.lower_) == "person" and not (start <= tok.idx < end):
            pool.append(Mention(tok.text, tok.idx, tok.idx + len(tok.text), "pronoun", is_subject=tok.dep_ in SUBJECTS))
    return sorted(pool, key=lambda m: m.start)


def features(
    doc: Doc, start: int, end: int, m: Mention, pool: Sequence[Mention], last: Mention | None, lex: Lexicon
) -> list[float]:
    """The features of one candidate mention for the quote at ``start:end``, in the order of ``FEATURES``."""
    text = doc_text(doc)
    before = m.end <= start
    gap = text[m.end : start] if before else text[end : m.start]
    breaks = gap.count("\n\n") + (gap.count("\n") - 2 * gap.count("\n\n"))
    tok = doc.char_span(m.start, m.end, alignment_mode="expand")
    quote = doc.char_span(start, end, alignment_mode="expand")
    same_sentence = tok is not None and quote is not None and tok[0].sent.start == quote[0].sent.start
    verb = tok.root.head if tok is not None else None
    side = [p for p in pool if (p.end <= start) == before]
    nearest = (max(side, key=lambda p: p.end) if before else min(side, key=lambda p: p.start)) if side else None
    return [
        float(before),
        math.log1p(len(gap)),
        float(same_sentence),
        float(breaks == 0),
        float(breaks >= 1),
        float(m.is_subject),
        float(m.form == "pronoun"),
        float(m.label == "PERSON"),
        float(m.label == "ORG"),
        float(last is not None and _same_name(m, last)),
        float(verb is not None and reporting_key(verb, lex) is not None),
        float(nearest is not None and nearest.start == m.start),
    ]


@lru_cache(maxsize=1)
def model() -> Logistic:
    """The model, read from ``quotes/data/ranking_model.json``.

    Raises:
        DataError: the file is missing, not JSON, or its features are not ``FEATURES``.
    """
    return read_model(MODEL_FILE, FEATURES, "train_ranking.py", Logistic.of)


def best(
    doc: Doc, start: int, end: int, mentions: Sequence[Mention], last: Mention | None, lex: Lexicon
) -> Mention | None:
    """The candidate the model ranks first for the quote at ``start:end``, when it scores the threshold or more."""
    pool = candidates(doc, start, end, mentions, lex)
    if not pool:
        return None
    judged = model()
    p, m = max(
        ((judged.probability(features(doc, start, end, m, pool, last, lex)), m) for m in pool),
        key=lambda pm: (pm[0], -abs(pm[1].start - start)),
    )
    return m if p >= judged.threshold else None


def _same_name(a: Mention, b: Mention) -> bool:
    """Whether two mentions share a word of their names (``Smith`` and ``Jane Smith``)."""
    return bool(set(a.text.lower().split()) & set(b.text.lower().split())) and a.form == b.form == "name"


def _paragraph_start(text: str, offset: int, back: int) -> int:
    """The start of the paragraph ``back`` paragraphs before the one holding ``offset``."""
    at = offset
    for _ in range(back + 1):
        at = text.rfind("\n", 0, at)
        if at < 0:
            return 0
        while at > 0 and text[at - 1] == "\n":
            at -= 1
    return at + 1

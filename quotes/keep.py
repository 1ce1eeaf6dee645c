"""Keep: a learned judgement whether a mixed record that the rules found is a quote.

Input: an ``Extraction``. Output: the same extraction without the ``mixed`` records the model
judges to be no quote (a title, a programme's name, a headline's catchword that the cue search
credited to someone: ``disclosed the "Hiroshima Vision"``, ``told "Meet the Press,"``).

How: logistic regression over the features of ``features`` (the record's length and case, where it
sits, its cue and its speaker's mention; no parse), trained by ``scripts/train_keep.py`` on the seeds'
gold and the dev split of ``golden/dev`` and shipped as ``quotes/data/keep_model.json`` (a dozen
numbers). The threshold is the one with the best F1 of mixed quotes on the training data. The model
judges only the kinds the file has weights for. ``Settings(learned=False)`` (``quotes eval --baseline
rules``) keeps every record the rules found.

Why not reported records too: trained the same way, a model for them learned the gold's convention that
a reported clause holding quoted words is no record of its own (golden/README.md §2), which gains on
golden/dev (test split F1 of reported quotes 0.629 -> 0.694) but loses on PolNeAR, whose annotators (like
GenderGapTracker's) take such a clause as the utterance (detection F1 0.593 -> 0.572); without the
quotation-mark features it gained nothing (0.629 -> 0.623). Direct quotes and transcript turns are
left to the rules.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from .config import Logistic, lexicon, read_model
from .speakers.resolve import holds_own_quote, ruled
from .types import Extraction, Quote

#: The features, in the order of the model's weights.
FEATURES = (
    "log_words",
    "short",
    "no_speaker",
    "pronoun_speaker",
    "lowercase_mention",
    "via",
    "according_to",
    "statement_cue",
    "near_top",
    "capitalised",
    "first_person",
)
#: Characters from a document's start within which a record may be a headline or furniture.
NEAR_TOP = 200
#: Records of no more words than this are short.
SHORT_WORDS = 4
_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our|me|us)\b")
MODEL_FILE = "keep_model.json"


def features(q: Quote) -> list[float]:
    """The features of one record, in the order of ``FEATURES`` (as the rules gave it: a speaker the
    learned ranking chose counts as none, the model was trained before it)."""
    lex = lexicon()
    if q.flagged("ranked_speaker"):
        q = replace(ruled(q), via=None)
    words = len(q.text.split())
    cue = q.cue.lower().split()[0] if q.cue else ""
    mention = q.speaker_mention or ""
    return [
        math.log1p(words),
        float(words <= SHORT_WORDS),
        float(q.speaker is None),
        float(mention.lower() in lex.pronouns),
        float(mention[:1].islower()),
        float(q.via is not None),
        float(cue == "according"),
        float(lex.verbs.get(cue) == "statement"),
        float(q.start < NEAR_TOP),
        float(q.text[:1].isupper()),
        float(_FIRST_PERSON.search(q.text) is not None),
    ]


@lru_cache(maxsize=1)
def model() -> dict[str, Logistic]:
    """Kind -> its model, read from ``quotes/data/keep_model.json``.

    Raises:
        DataError: the file is missing, not JSON, or its features are not ``FEATURES``.
    """
    return read_model(
        MODEL_FILE, FEATURES, "train_keep.py", lambda data: {k: Logistic.of(m) for k, m in data["kinds"].items()}
    )


def probability(q: Quote) -> float | None:
    """How likely the model finds that a record is a quote, or None when it does not judge its kind."""
    judged = model().get(q.kind.value)
    return None if judged is None else judged.probability(features(q))


def kept(q: Quote) -> bool:
    """Whether a record stays: not judged, or judged at least its kind's threshold.

    Scare quotes are not judged: a rule has found them (``include_scare`` decides whether they show).
    """
    if q.flagged("scare"):
        return True
    p = probability(q)
    return p is None or p >= model()[q.kind.value].threshold


def judged(extraction: Extraction) -> Extraction:
    """The extraction without the records the model judges no quote; a reported clause set apart for a quote
    inside it that the model drops (``… to avoid any risk of “World War III.”``) is a record again."""
    verdicts = [(q, kept(q)) for q in extraction.quotes]
    quotes = [q for q, ok in verdicts if ok]
    if len(quotes) == len(extraction.quotes):
        return extraction
    dropped = [q for q, ok in verdicts if not ok]
    back = [r for r in extraction.reports if holds_own_quote(r, dropped) and not holds_own_quote(r, quotes)]
    return replace(
        extraction,
        quotes=tuple(sorted(quotes + back, key=lambda q: (q.start, q.end))),
        reports=tuple(r for r in extraction.reports if r not in back),
    )

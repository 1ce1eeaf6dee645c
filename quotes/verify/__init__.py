"""Verify: is a claimed quote in the sources, in those words, from that speaker?

Input: a claim (a quote, with or without marks and attribution) or a draft, and ``Sources``
(quotes extracted from paths, or a ``store.Index``). Output: ``Verdict`` records.

The verdict comes from pure functions over candidate renderings: ``assess`` lines a claim
up with one rendering (word diff, similarity, meaning flags from ``quotes.diverge``),
``speaker_agrees`` compares the claimed speaker with the rendering's, and ``decide`` picks
the outcome from all renderings.

Modules: ``claims`` (what a claim quotes and whom it names), ``sources`` (``Corpus``,
``open_sources``), ``agreement`` (``speaker_agrees``), ``rules`` (``assess``, ``judge``,
``decide``), ``verdicts`` (the entry points ``verify`` and ``check``) and ``reports``
(``explain`` and the JSON records).
"""

from __future__ import annotations

from .agreement import speaker_agrees
from .claims import MIN_REPORTED_WORDS, normalize, parse_claim
from .reports import (
    ReportFormat,
    evidence_record,
    explain,
    marked_diff,
    matched,
    render_check,
    render_verdicts,
    verdict_record,
)
from .rules import (
    CLOSE_CUTOFF,
    EDGE_SLACK,
    FOUND_CUTOFF,
    MEANING_FLAGS,
    MINOR_SHARE,
    MINOR_WORDS,
    assess,
    decide,
    first_person,
    judge,
    minor_words,
    similarity,
)
from .sources import CANDIDATES, Corpus, Sources, open_sources
from .verdicts import ASSESSED, check, verify

__all__ = [
    "ASSESSED",
    "CANDIDATES",
    "CLOSE_CUTOFF",
    "EDGE_SLACK",
    "FOUND_CUTOFF",
    "MEANING_FLAGS",
    "MINOR_SHARE",
    "MINOR_WORDS",
    "MIN_REPORTED_WORDS",
    "Corpus",
    "ReportFormat",
    "Sources",
    "assess",
    "check",
    "decide",
    "evidence_record",
    "explain",
    "first_person",
    "judge",
    "marked_diff",
    "matched",
    "minor_words",
    "normalize",
    "open_sources",
    "parse_claim",
    "render_check",
    "render_verdicts",
    "similarity",
    "speaker_agrees",
    "verdict_record",
    "verify",
]

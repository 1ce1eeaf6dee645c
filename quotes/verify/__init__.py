"""Verify: is a claimed quote in the sources, in those words, from that speaker?

Input: a claim (a quote, with or without marks and attribution) or a draft, and ``Sources``
(quotes extracted from paths, or a ``store.Index``). Output: ``Verdict`` records.

The verdict comes from pure functions over candidate renderings: ``read`` lines a claim
up with one rendering (one ``quotes.compare.Comparison``: supported words and typed changes),
``speaker_agrees`` compares the claimed speaker with the rendering's, and ``decide`` picks
the outcome from all renderings by support (see ``rules``); ``narration`` finds an outlet's
own sentences for claims no quote supports.

Modules: ``claims`` (what a claim quotes and whom it names), ``sources`` (``Corpus``,
``open_sources``, ``as_sources``: the sources as the CLI's ``--against`` and ``--db`` name them),
``agreement`` (``speaker_agrees``), ``rules`` (``read``, ``judge_pool``, ``decide``),
``narration``, ``verdicts`` (the entry points ``verify``, ``check`` and ``check_each``) and
``reports`` (``explain`` and the JSON records); ``batch`` verifies many claims (a JSON-lines file)
against sources opened once (``verify_claims``, ``verify_file``). Text, index terms and claims share
one Unicode normalization, ``quotes.forms``, which the store reads too (verify is above the store).
"""

from __future__ import annotations

from ..store.candidates import CANDIDATES
from .agreement import speaker_agrees
from .batch import Checked, Claim, read_claims, verify_claims, verify_file
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
from .rules import NEAREST_SHARE, NEAREST_WORDS, Reading, covering, decide, judge_pool, read, same_remark
from .sources import Corpus, Sources, open_sources
from .verdicts import ASSESSED, CheckResults, check, check_each, verify

__all__ = [
    "ASSESSED",
    "CANDIDATES",
    "CheckResults",
    "MIN_REPORTED_WORDS",
    "Corpus",
    "ReportFormat",
    "Sources",
    "check",
    "check_each",
    "NEAREST_SHARE",
    "NEAREST_WORDS",
    "Reading",
    "covering",
    "decide",
    "judge_pool",
    "read",
    "same_remark",
    "evidence_record",
    "explain",
    "marked_diff",
    "matched",
    "normalize",
    "open_sources",
    "parse_claim",
    "render_check",
    "render_verdicts",
    "speaker_agrees",
    "verdict_record",
    "verify",
    "Checked",
    "Claim",
    "read_claims",
    "verify_claims",
    "verify_file",
]

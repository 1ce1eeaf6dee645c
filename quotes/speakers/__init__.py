"""Speakers: turn source mentions into canonical speakers, within and across documents.

Input: an article, its ``Attribution`` records and its ``Mention`` list; then a corpus of extractions.
Output: contract ``Quote`` records with speaker name, id and via set, and ``Speaker`` records.
"""

from __future__ import annotations

from .authority import apply_authority, load_authority, summarize
from .identity import GIVEN_NAME_CUTOFF, same_person, unify
from .names import display, name_bag, norm, slug
from .resolve import merge_speaker, resolve, ruled

__all__ = [
    "GIVEN_NAME_CUTOFF",
    "apply_authority",
    "display",
    "load_authority",
    "merge_speaker",
    "name_bag",
    "norm",
    "resolve",
    "ruled",
    "same_person",
    "slug",
    "summarize",
    "unify",
]

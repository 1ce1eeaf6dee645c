"""Attribute: find the cue and the source mention of each detected quote.

Input: a parsed ``Doc`` and detection ``Candidate`` spans.
Output: ``Attribution`` records and the document's ``Mention`` list, in plain character offsets.
"""

from __future__ import annotations

from .core import attribute
from .mentions import document_mentions, place_names

__all__ = ["attribute", "document_mentions", "place_names"]

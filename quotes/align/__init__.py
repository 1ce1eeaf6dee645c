"""Alignment: renderings of one remark across documents share a group, and each is flagged against it.

Input: the extractions of a corpus (``pipeline.extract``), or the paths, texts or articles to extract.
Output: an ``Alignment``: the same extractions with ``group`` and ``flags`` set on their quotes, and one
``Group`` record per group. ``align`` is ``quotes align`` in the library (``quotes.align``).

The stage in the order it runs: ``remarks`` cuts each quote into its remarks (sentences), which are what gets
aligned, and makes it whole again at the end (``parts``); ``blocking`` collapses duplicates (wire copy) and
proposes the pairs worth scoring, ``similarity`` scores those pairs of quotes
from their words, ``camps`` says how their speakers relate (and so what
score a pair needs), ``grouping`` links the pairs into groups (``align_corpus``,
the entry point), and ``flags`` flags each rendering against its group's
reference; ``union_find`` holds the disjoint sets that camps and groups share.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..config import Settings
from ..pipeline import Source, extract
from ..types import Article, Extraction
from .blocking import BLOCK_MAX_SHARE, BLOCK_MIN_DF, MAX_CANDIDATES, MINHASH_BANDS, MINHASH_ROWS, NEAR_DUPLICATE
from .camps import Compatibility, compatibility, speaker_camps
from .flags import LEAD_IN, SERIOUS, flag_group, flag_key
from .grouping import MAX_LISTED, PART_GAP, SAME_DOC_WINDOW, Alignment, Scored, align_corpus, score_pairs
from .grouping import _cluster as _cluster  # internal, for scripts/calibrate_align.py
from .similarity import (
    CUTOFF_AGREEING,
    CUTOFF_CONFLICTING,
    CUTOFF_UNKNOWN,
    FUZZ_FLOOR,
    MAX_SHARED,
    MIN_WORDS,
    NAME_WEIGHT,
    QUOTED_MIN_CONTAINMENT,
    REPEAT_CUTOFF,
    SURE_CUTOFF,
    W_BIGRAM,
    W_CONTAINMENT,
    W_FUZZ,
    W_JACCARD,
    W_PHRASE,
    PairFeatures,
    Weights,
    pair_features,
)
from .similarity import _candidates as _candidates  # internal, for tests/test_align.py
from .similarity import _Item as _Item  # internal, the quotes that score_pairs takes
from .similarity import _items as _items  # internal, for tests and scripts/calibrate_align.py


def align(
    sources: Source | Iterable[Source] | Iterable[Extraction],
    *,
    settings: Settings | None = None,
    speakers: Path | None = None,
    stdin: TextIO | None = None,
    cache: bool = True,
    weights: Weights = Weights(),
) -> Alignment:
    """Group the renderings of each remark across documents and flag how each diverges: ``quotes align``.

    ``sources``: what ``extract`` takes (paths, texts or articles; extracted with ``settings``, the
    ``speakers`` authority file, ``stdin`` and ``cache`` as ``extract`` does), or extractions already
    made (``extract``'s result). ``weights``: the pair score (see ``align_corpus``).
    """
    items = [sources] if isinstance(sources, (str, Path, Article)) else list(sources)
    if items and all(isinstance(x, Extraction) for x in items):
        return align_corpus([x for x in items if isinstance(x, Extraction)], weights=weights)
    if any(isinstance(x, Extraction) for x in items):
        raise TypeError("align takes extractions, or sources to extract, not both")
    given = [x for x in items if not isinstance(x, Extraction)]
    return align_corpus(extract(given, settings=settings, speakers=speakers, stdin=stdin, cache=cache), weights=weights)


__all__ = [
    "BLOCK_MAX_SHARE",
    "BLOCK_MIN_DF",
    "CUTOFF_AGREEING",
    "CUTOFF_CONFLICTING",
    "CUTOFF_UNKNOWN",
    "FUZZ_FLOOR",
    "LEAD_IN",
    "MAX_CANDIDATES",
    "MAX_LISTED",
    "MAX_SHARED",
    "MINHASH_BANDS",
    "MINHASH_ROWS",
    "MIN_WORDS",
    "NAME_WEIGHT",
    "NEAR_DUPLICATE",
    "PART_GAP",
    "QUOTED_MIN_CONTAINMENT",
    "REPEAT_CUTOFF",
    "SAME_DOC_WINDOW",
    "SERIOUS",
    "SURE_CUTOFF",
    "W_BIGRAM",
    "W_CONTAINMENT",
    "W_FUZZ",
    "W_JACCARD",
    "W_PHRASE",
    "Alignment",
    "Compatibility",
    "PairFeatures",
    "Scored",
    "Weights",
    "align",
    "align_corpus",
    "compatibility",
    "flag_key",
    "flag_group",
    "pair_features",
    "score_pairs",
    "speaker_camps",
]

"""Evaluate: score extracted quotes against human gold, figure for figure as ``../shared/eval/score.py`` does.

Input: gold (a ``golden/`` folder or PolNeAR JSONL) and contract records. Output: figures, misses and false alarms.

In the order it runs: ``gold`` loads the annotation, ``run`` extracts and aligns
the corpus (``evaluate``, the entry point) and runs ``baseline`` systems beside
ours, ``scoring`` matches predictions to gold and computes the figures, and
``rendering`` shows them as a table or JSON.
"""

from __future__ import annotations

from .baseline import Baseline, textacy_predictions
from .gold import SPLITS, Gold, GoldQuote, Split, load_golden, load_polnear
from .rendering import ERROR_LISTS, ERROR_WIDTH, SECTIONS, EvalFormat, error_lines, render_evaluation
from .run import Evaluation, Source, evaluate
from .scoring import (
    COVERAGE_THRESHOLDS,
    MATCH_JACCARD,
    QUOTED,
    REPORTED,
    Prediction,
    alignment_pairs,
    coverage,
    coverage_figures,
    jaccard,
    kind_figures,
    match,
    normalize,
    prf,
    score,
    speaker_figures,
    speaker_mapper,
)

__all__ = [
    "COVERAGE_THRESHOLDS",
    "ERROR_LISTS",
    "ERROR_WIDTH",
    "MATCH_JACCARD",
    "QUOTED",
    "REPORTED",
    "SECTIONS",
    "SPLITS",
    "Baseline",
    "EvalFormat",
    "Evaluation",
    "Gold",
    "GoldQuote",
    "Prediction",
    "Source",
    "Split",
    "alignment_pairs",
    "coverage",
    "coverage_figures",
    "error_lines",
    "evaluate",
    "jaccard",
    "kind_figures",
    "load_golden",
    "load_polnear",
    "match",
    "normalize",
    "prf",
    "render_evaluation",
    "score",
    "speaker_figures",
    "speaker_mapper",
    "textacy_predictions",
]

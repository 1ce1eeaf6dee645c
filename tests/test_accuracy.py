"""Accuracy on the seed articles must not fall: figures against golden/ stay above floors.

A failure prints one line per miss, false alarm and wrong speaker, so the diff says which quote broke.
"""

from __future__ import annotations

from typing import Any

import pytest

from quotes.evaluate import Gold, error_lines, score

#: Floors, set 0.03-0.05 under the figures measured last (rounded down): quoted_f1 1.000,
#: reported_f1 0.906, speaker_acc_matched 1.000, end_to_end_f1 0.945, direct_found_with_speaker
#: 1.000, align_f1 0.921. Raise them when the figures improve; never lower them to pass.
FLOORS = {
    "quoted_f1": 0.95,
    "reported_f1": 0.86,
    "speaker_acc_matched": 0.95,
    "end_to_end_f1": 0.90,
    "direct_found_with_speaker": 0.95,
    "align_f1": 0.9,
}


@pytest.fixture(scope="module")
def seed_score(seed_gold: Gold, seed_predictions: list[dict[str, Any]], seed_texts: dict[str, str]) -> dict[str, Any]:
    return score(seed_gold, seed_predictions, texts=seed_texts)


@pytest.mark.parametrize(("figure", "floor"), FLOORS.items())
def test_seed_figure_stays_above_its_floor(seed_score: dict[str, Any], figure: str, floor: float) -> None:
    __tracebackhide__ = True
    if seed_score[figure] < floor:
        summary = ", ".join(f"{k} {seed_score[k]:.3f}" for k in FLOORS)
        pytest.fail(
            f"{figure} {seed_score[figure]:.3f} fell under its floor {floor:.2f} ({summary})\n"
            + "\n".join(error_lines(seed_score, width=60)),
            pytrace=False,
        )

"""Accuracy on the seed articles must not fall: figures against golden/ stay above floors.

A failure prints one line per miss, false alarm and wrong speaker, so the diff says which quote broke.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from quotes.evaluate import Gold, error_lines, score

#: Floors, set 0.02-0.05 under the figures measured last (rounded down): quoted_f1 1.000,
#: reported_f1 0.962, speaker_acc_matched 1.000, end_to_end_f1 0.977, direct_found_with_speaker
#: 1.000, align_f1 0.938. Raise them when the figures improve; never lower them to pass. align_f1 was
#: 0.846 (floor 0.82) while the halves of an interrupted quote were never linked outright; now the pieces of
#: one written text (a post, a statement) are, as golden/README.md §7.19 groups them, and spoken halves
#: still are not (on golden/dev linking those cost 0.05 F1). Then golden/ was read again at the level of one
#: remark (golden/README.md §4, Corrections 2026-12-03), as golden/dev had been: with the code as it stood align_f1
#: 0.765, with each sentence of a quote aligned on its own (``align.remarks``) 0.839; its floor moved under that.
#: Issue 10 asks for 0.85 against this gold.
FLOORS = {
    "quoted_f1": 0.95,
    "reported_f1": 0.94,
    "speaker_acc_matched": 0.95,
    "end_to_end_f1": 0.95,
    "direct_found_with_speaker": 0.95,
    "align_f1": 0.82,
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


#: Floors on the development set (golden/dev), mean over the events of each split, set under the figures
#: measured last: dev align F1 over found quotes 0.673, end to end 0.604; test 0.679 / 0.577 (before:
#: 0.646 / 0.530 and 0.596 / 0.504). Dev over
#: found quotes fell from 0.658 when extraction began to find paraphrases (lula's "compared the war to
#: the Holocaust") that alignment does not yet join to the quote they render; end to end rose. Two events
#: joined later (erdogan-hamas-2023, dev; macron-troops-ukraine-2024, test), both harder than the rest:
#: dev 0.652 / 0.605 over five events, test 0.659 / 0.537 over three; the floors stayed where they were.
#: Two more dev events followed (milei-davos-2024, scholz-zeitenwende-2022; first readings 0.509 / 0.448 and
#: 0.503 / 0.310): over seven dev events 0.656 / 0.579 (test 0.675 / 0.546), so the dev floors moved under them.
#: An eighth dev event (zelensky-anniversary-2023, first reading 0.500 / 0.345) took the dev mean to 0.634 / 0.544
#: with the code as it stood; then speaker identity was put right (a name that opens or closes the one fuller
#: name of the corpus is that person: "Tayyip Erdogan" is "Recep Tayyip Erdogan"; "SPD Chancellor Scholz" is
#: Scholz), which removed 30 false "attribution" flags from erdogan-hamas-2023 and cost alignment there (0.789 ->
#: 0.694 over found quotes): two names of one man had been keeping his different remarks apart, which the
#: words alone do not. Dev 0.614 / 0.533 over eight events (test 0.670 / 0.542): the dev floors moved under them.
#: A lead's paraphrase and the quote further down sharing a group when two other outlets link both took dev to
#: 0.634 / 0.557 (test 0.695 / 0.574): the floors moved up under them.
#: Then the events' groups were read again at the level of one remark (CONTRACT.md ``parts``; golden/dev/README.md,
#: "Corrections"), which the old statement-wide groups had joined: with the code as it stood, dev 0.547 / 0.513,
#: test 0.510 / 0.470. No longer joining the remarks an outlet quotes whole, and a quote taking its main remark's
#: group: dev 0.610 / 0.569, test 0.505 / 0.451 (measured only). Groups joining only when their renderings resemble
#: each other on average (``grouping._cluster``): dev 0.649 / 0.602, test 0.518 / 0.457. The floors moved under them.
#: Each sentence of a quote aligned on its own (``align.remarks``), and two quoted renderings in one document
#: one remark only when they hold the same words (``grouping.QUOTED_REPEAT_CONTAINMENT``): dev 0.669 / 0.620,
#: test 0.659 / 0.577 (measured only). The floors moved up under them.
DEV_FLOORS = {("dev", "align_detected_f1"): 0.65, ("dev", "align_f1"): 0.60, ("test", "align_detected_f1"): 0.63}


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, list[dict[str, Any]]]:

    from conftest import ROOT as root
    from conftest import dev_cache

    from quotes.evaluate.devset import evaluate_events, load_events

    cache = dev_cache()
    out: dict[str, list[dict[str, Any]]] = {"dev": [], "test": []}
    for event, evaluation, _ in evaluate_events(load_events(root / "golden" / "dev"), cache):
        if evaluation is not None:
            out[event.split].append(evaluation.results["quotes"])
    if not out["dev"]:
        pytest.skip("the development set's excerpts are not in .eval-cache/dev (golden/dev/README.md)")
    return out


@pytest.mark.parametrize(("key", "floor"), DEV_FLOORS.items(), ids=[f"{s}-{f}" for s, f in DEV_FLOORS])
def test_dev_set_alignment_stays_above_its_floor(
    dev_scores: dict[str, list[dict[str, Any]]], key: tuple[str, str], floor: float
) -> None:
    split, figure = key
    rows = [r for r in dev_scores[split] if r[figure] is not None]  # events with groups: alignment is scored
    if not rows:
        pytest.skip(f"no {split} event of the development set is in the cache")
    mean = sum(r[figure] for r in rows) / len(rows)
    assert mean >= floor, f"{split} {figure} {mean:.3f} fell under {floor}"


def _words(text: str) -> str:
    """A rendering's words, lowercased and joined by single spaces (punctuation and marks dropped)."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


#: Fewest words a rendering needs before its presence inside another group's record means anything.
MIN_CONTAINED_WORDS = 5


def _gold_folders() -> list[Path]:
    from conftest import ROOT as root

    return [root / "golden", *sorted(p for p in (root / "golden" / "dev").iterdir() if p.is_dir())]


@pytest.mark.parametrize("folder", _gold_folders(), ids=lambda p: p.name)
def test_a_gold_record_holding_another_groups_rendering_names_that_group_in_its_parts(folder: Path) -> None:
    """The unit is one remark (CONTRACT.md ``parts``): a record holding, word for word, another file's rendering
    of a second group renders that remark too, so one of its parts carries that group. Reads the gold only."""
    from quotes.evaluate import load_golden

    gold = load_golden(folder)
    grouped = [q for q in gold.quotes if q.group is not None]
    clashes = [
        f"{q.file} ({q.group}) holds {other.file} ({other.group}): {other.text[:60]!r}"
        for q in grouped
        for other in grouped
        if other.file != q.file
        and other.group != q.group
        and other.group not in {g for _, _, g in q.parts}
        and len(_words(other.text).split()) >= MIN_CONTAINED_WORDS
        and f" {_words(other.text)} " in f" {_words(q.text)} "
    ]
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize("folder", _gold_folders(), ids=lambda p: p.name)
def test_gold_groups_and_parts_follow_the_guideline(folder: Path) -> None:
    """Every group, of a record or of a part, spans two files or more (no singleton groups); a record with parts
    has two or more and carries its largest part's group (its main remark's)."""
    from quotes.evaluate import load_golden

    gold = load_golden(folder)
    files: dict[str, set[str]] = {}
    for q in gold.quotes:
        for g in {q.group, *(g for _, _, g in q.parts)} - {None}:
            files.setdefault(g, set()).add(q.file)
    assert not [g for g, f in files.items() if len(f) < 2]
    with_parts = [q for q in gold.quotes if q.parts]
    assert all(len(q.parts) >= 2 for q in with_parts)
    assert not [(q.file, q.text[:40]) for q in with_parts if q.group != max(q.parts, key=lambda p: p[1] - p[0])[2]]

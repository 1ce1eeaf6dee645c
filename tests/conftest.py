"""Shared fixtures: the parsed seeds and a one-call extraction helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quotes import Extraction, extract, extract_corpus
from quotes.evaluate import Gold, load_golden
from quotes.render import record
from quotes.types import Quote

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "golden"


@pytest.fixture(scope="session")
def seed_extractions() -> list[Extraction]:
    """Our extraction of the seed articles (run once per test session)."""
    return extract_corpus([SEEDS])


@pytest.fixture(scope="session")
def quotes_of() -> Callable[[str], list[Quote]]:
    """Extract the quotes of one text."""

    def run(text: str) -> list[Quote]:
        return [q for ex in extract(text) for q in ex.quotes]

    return run


@pytest.fixture(scope="session")
def seed_gold() -> Gold:
    """The human gold of the seed articles (golden/)."""
    return load_golden(GOLDEN)


@pytest.fixture(scope="session")
def seed_predictions(seed_extractions: list[Extraction]) -> list[dict[str, object]]:
    """Our extraction and alignment of the seeds as contract records (group and flags set)."""
    from quotes.align import align_corpus

    aligned = align_corpus(seed_extractions).extractions
    return [record(q) for ex in aligned for q in ex.quotes]


@pytest.fixture(scope="session")
def seed_texts(seed_extractions: list[Extraction]) -> dict[str, str]:
    """Seed file name -> text, for line numbers in score reports."""
    return {Path(ex.article.doc).name: ex.article.text for ex in seed_extractions}

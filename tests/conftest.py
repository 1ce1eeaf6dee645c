"""Shared fixtures: the parsed seeds and a one-call extraction helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quotes import Extraction, extract, extract_corpus
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

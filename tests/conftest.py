"""Shared fixtures: the parsed seeds and a one-call extraction helper; the extraction cache in a
temporary folder for the session."""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from quotes import Extraction, extract, extract_corpus
from quotes.evaluate import Gold, load_golden
from quotes.types import Quote

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "golden"


def dev_cache() -> Path:
    """The development set's cache (``$QUOTES_DEV_CACHE``, else ``.eval-cache/dev`` in the repository)."""
    from quotes.evaluate.devset import cache_root

    root = cache_root(None)
    return root if root.is_absolute() else ROOT / root


_SAVED_CACHE_ENV = "_QUOTES_CACHE_BEFORE_TESTS"


def pytest_configure(config: pytest.Config) -> None:
    """Point the extraction cache ($QUOTES_CACHE) at a fresh temporary folder before collection,
    so tests never read or write the user's cache (``QUOTES_CACHE=off`` keeps it off)."""
    from quotes.cache import CACHE_ENV, OFF

    before = os.environ.get(CACHE_ENV, "")
    os.environ[_SAVED_CACHE_ENV] = before
    if before.strip().lower() not in OFF:
        os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="quotes-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the session's cache folder and restore $QUOTES_CACHE."""
    from quotes.cache import CACHE_ENV

    folder = os.environ.get(CACHE_ENV, "")
    if folder and Path(folder).name.startswith("quotes-test-cache-"):
        shutil.rmtree(folder, ignore_errors=True)
    before = os.environ.pop(_SAVED_CACHE_ENV, "")
    if before:
        os.environ[CACHE_ENV] = before
    else:
        os.environ.pop(CACHE_ENV, None)


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
    return [q.to_dict() for ex in aligned for q in ex.quotes]


@pytest.fixture(scope="session")
def seed_texts(seed_extractions: list[Extraction]) -> dict[str, str]:
    """Seed file name -> text, for line numbers in score reports."""
    return {Path(ex.article.doc).name: ex.article.text for ex in seed_extractions}


@pytest.fixture
def script(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], ModuleType]:
    """Load ``scripts/<name>.py`` as a module, as when it runs (its helpers beside it on the path): the script
    must import against the package as it is."""

    def load(name: str) -> ModuleType:
        scripts = ROOT / "scripts"
        monkeypatch.syspath_prepend(str(scripts))
        spec = importlib.util.spec_from_file_location(name, scripts / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load

"""pytest plugin: verify the quotes of draft articles in an editorial QA suite.

Input: sources from ``--quote-sources PATH`` (repeatable) or the ``quote_sources`` ini setting
(article files and folders, or one index file). Output: the ``quote_sources`` and
``quote_checker`` fixtures, and ``draft_quotes`` to make one test per quote of a draft.

Registered through the ``pytest11`` entry point, so installing quotes is enough::

    import pytest
    from quotes.pytest_plugin import draft_quotes

    @pytest.mark.parametrize("quote", draft_quotes("drafts/"))
    def test_quote_matches_the_sources(quote_checker, quote):
        quote_checker.assert_verified(quote)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .types import Quote, Verdict
    from .verify import Sources

_HELP = "Quote sources for the quote_checker fixture: article files or folders, or one quote index file."


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--quote-sources PATH`` (repeatable) and the ``quote_sources`` ini setting."""
    group = parser.getgroup("quotes", "quote verification (quotes)")
    group.addoption("--quote-sources", action="append", default=[], metavar="PATH", help=_HELP)
    parser.addini("quote_sources", _HELP + " Paths are relative to the ini file.", type="paths", default=[])


def _is_index(path: Path) -> bool:
    """Whether ``path`` is an SQLite file (an index) rather than an article."""
    from .store.schema import _SQLITE_HEADER

    if not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER


def open_quote_sources(paths: list[Path]) -> Sources:
    """Sources from paths: one index file, else the articles in the files and folders.

    Raises:
        InputError, StoreError: a path cannot be used.
    """
    from .errors import InputError
    from .verify import open_sources

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise InputError(f"{missing[0]}: no such file or folder; check --quote-sources / quote_sources")
    if len(paths) == 1 and _is_index(paths[0]):
        return open_sources(db=paths[0])
    return open_sources(against=paths)


@pytest.fixture(scope="session")
def quote_sources(request: pytest.FixtureRequest) -> Iterator[Sources]:
    """The sources quotes are verified against, opened once per test session."""
    from .errors import QuotesError

    config = request.config
    given = config.getoption("quote_sources") or []
    paths = [config.invocation_params.dir / p for p in given] or [Path(p) for p in config.getini("quote_sources")]
    if not paths:
        pytest.fail(
            "no quote sources: run pytest with --quote-sources PATH (articles or an index file), "
            "or set quote_sources in pytest.ini / [tool.pytest.ini_options]",
            pytrace=False,
        )
    try:
        sources = open_quote_sources(paths)
    except QuotesError as exc:
        pytest.fail(f"quote sources: {exc}", pytrace=False)
    yield sources
    sources.close()


class QuoteChecker:
    """Checks claims and drafts against the session's sources; failures read as an editor's note."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources

    def verify(self, claim: str, speaker: str | None = None) -> Verdict:
        """The verdict on a claim, without failing."""
        from .verify import verify

        return verify(claim, speaker=speaker, against=self.sources)

    def assert_verified(self, claim_or_draft: str | Path | Quote, speaker: str | None = None) -> None:
        """Fail unless the claim (or every quote of the draft) is verbatim or close and rightly
        attributed. The failure shows the claim, the nearest source rendering with its outlet,
        the differences marked, the verdict and what to do.

        ``claim_or_draft``: the quoted words (marks and attribution allowed), a ``Path`` to a
        draft file or folder, or a quote from ``draft_quotes``.
        """
        __tracebackhide__ = True
        from .types import Kind, Quote
        from .verify import check, explain, verify

        if isinstance(claim_or_draft, Quote):
            q = claim_or_draft
            verdict = verify(
                q.text, speaker=speaker or q.speaker, against=self.sources, paraphrase=q.kind is Kind.INDIRECT
            )
            if not verdict.ok:
                pytest.fail(f"{q.doc}, line {q.line}:\n{explain(verdict)}", pytrace=False)
            return
        if isinstance(claim_or_draft, Path):
            results = check([claim_or_draft], against=self.sources)
            failed = [(q, v) for q, v in results if not v.ok]
            if failed:
                notes = [f"{q.doc}, line {q.line}:\n{explain(v)}" for q, v in failed]
                head = f"{len(failed)} of {len(results)} quotes in {claim_or_draft} do not match the sources"
                pytest.fail(head + "\n\n" + "\n\n".join(notes), pytrace=False)
            return
        verdict = verify(claim_or_draft, speaker=speaker, against=self.sources)
        if not verdict.ok:
            pytest.fail(explain(verdict), pytrace=False)


@pytest.fixture
def quote_checker(quote_sources: Sources) -> QuoteChecker:
    """A ``QuoteChecker`` over the session's ``quote_sources``."""
    return QuoteChecker(quote_sources)


def draft_quotes(*paths: str | Path) -> list[Any]:
    """One ``pytest.param`` per quote and reported statement in the drafts (files or folders),
    with ids ``draft.md:LINE``, to parametrize a test (a test per quote, so a report shows
    which passed). Paths are relative to where pytest runs."""
    from .errors import InputError
    from .pipeline import extract

    params = []
    for ex in extract([Path(p) for p in paths]):
        if ex.errors:
            raise InputError(f"draft {ex.errors[0].doc}: {ex.errors[0].message}")
        for q in ex.quotes:
            params.append(pytest.param(q, id=f"{Path(q.doc).name}:{q.line}:{q.start}"))
    return params

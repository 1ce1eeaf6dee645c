"""pytest plugin: verify the quotes of draft articles in an editorial QA suite.

Input: sources from ``--quote-sources PATH`` (repeatable) or the ``quote_sources`` ini setting
(article files and folders, or one index file), checked when the session starts; strictness from
``--quotes-strict`` / ``quotes_strict``; accepted deviations from ``@pytest.mark.quotes_allow``.
Output: the ``quote_sources`` and ``quote_checker`` fixtures, ``draft_quotes`` to make one test per
quote of a draft, and a summary of the deviations accepted.

Registered through the ``pytest11`` entry point, so installing quotes is enough::

    import pytest
    from quotes.pytest_plugin import draft_quotes

    @pytest.mark.parametrize("quote", draft_quotes("drafts/"))
    def test_quote_matches_the_sources(quote_checker, quote):
        quote_checker.assert_verified(quote)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .types import Quote, Verdict
    from .verify import Sources

_HELP = "Quote sources for the quote_checker fixture: article files or folders, or one quote index file."
_STRICT_HELP = "Quote checks pass only verbatim quotes (without it, close ones pass too: minor wording, same meaning)."
_ALLOW_HELP = (
    'quotes_allow(words, reason="..."): accept a failing quote whose words contain these words '
    "(compared as words: case, punctuation and quotation marks aside); listed in the test summary."
)
#: The ``user_properties`` key (and junitxml property) of an accepted deviation.
ALLOWED = "quotes_allowed"
#: A ``str`` with one of these endings and no spaces is taken for a draft path, so a typo fails as such.
_DRAFT_SUFFIXES = (".txt", ".md")


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--quote-sources PATH`` (repeatable), ``--quotes-strict`` and their ini settings."""
    group = parser.getgroup("quotes", "quote verification (quotes)")
    group.addoption("--quote-sources", action="append", default=[], metavar="PATH", help=_HELP)
    group.addoption("--quotes-strict", action="store_true", default=False, help=_STRICT_HELP)
    parser.addini("quote_sources", _HELP + " Paths are relative to the ini file.", type="paths", default=[])
    parser.addini("quotes_strict", _STRICT_HELP, type="bool", default=False)


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``quotes_allow`` marker (for ``--strict-markers``)."""
    config.addinivalue_line("markers", _ALLOW_HELP)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Sources given but unusable stop the session with one line, before any test runs."""
    paths = _source_paths(session.config)
    problem = _source_problem(paths) if paths else None
    if problem:
        raise pytest.UsageError(f"quote sources: {problem}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A ``quotes_allow`` marker without its words or a reason is a usage error, one line."""
    for item in items:
        try:
            _allowances(item)
        except ValueError as exc:
            raise pytest.UsageError(f"{item.nodeid}: {exc}") from None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the deviations ``quotes_allow`` accepted, with their reasons."""
    lines: list[str] = []
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            lines.extend(f"{report.nodeid}: {v}" for k, v in getattr(report, "user_properties", ()) if k == ALLOWED)
    if lines:
        terminalreporter.write_sep("=", f"accepted quote deviations ({len(lines)})")
        for line in lines:
            terminalreporter.write_line(line)


def _source_paths(config: pytest.Config) -> list[Path]:
    """``--quote-sources`` (relative to where pytest runs), else ``quote_sources`` (relative to the ini)."""
    given = config.getoption("quote_sources") or []
    return [config.invocation_params.dir / p for p in given] or [Path(p) for p in config.getini("quote_sources")]


def _strict(config: pytest.Config) -> bool:
    return bool(config.getoption("quotes_strict") or config.getini("quotes_strict"))


def _is_index(path: Path) -> bool:
    """Whether ``path`` is an SQLite file (an index) rather than an article."""
    from .store.schema import _SQLITE_HEADER

    try:
        if not path.is_file():
            return False
        with path.open("rb") as fh:
            return fh.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _source_problem(paths: Sequence[Path]) -> str | None:
    """Why the paths cannot serve as sources (one line), or None. Reads files, runs no pipeline."""
    from .errors import QuotesError
    from .ingest import article_files, read_article
    from .store import Index
    from .types import Diagnostic

    for p in paths:
        if not p.exists():
            return f"{p}: no such file or folder; check --quote-sources / quote_sources"
    indexes = [p for p in paths if _is_index(p)]
    if indexes and len(paths) > 1:
        return f"{indexes[0]}: an index file is used alone; give one index, or article files and folders"
    if indexes:
        try:
            Index(indexes[0]).close()
        except QuotesError as exc:
            return str(exc)
        return None
    for p in paths:
        if p.is_dir():
            if not article_files(p):
                return f"{p}: folder has no .txt/.md articles; point at a folder of articles or an index file"
            continue
        found = read_article(p, doc=str(p))
        if isinstance(found, Diagnostic):
            return f"{p}: {found.message}"
    return None


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

    paths = _source_paths(request.config)
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


@dataclass(frozen=True, slots=True)
class Allowance:
    """An accepted deviation: a failing verdict whose claim contains ``words`` passes, reported.

    Matching is by words (``quotes.verify.normalize``: case, punctuation, quotation marks and
    apostrophes aside): the allowance's words must appear in a row in the claim's quoted words,
    so ``"70th anniversary"`` matches the whole quote and ``"anniv"`` matches nothing.
    """

    words: str
    reason: str

    def matches(self, verdict: Verdict) -> bool:
        """Whether ``verdict``'s claim contains the allowance's words."""
        from .verify import normalize

        want = normalize(self.words)
        return bool(want) and any(f" {want} " in f" {normalize(t)} " for t in (verdict.text, verdict.claim))


def _allowances(node: pytest.Item) -> tuple[Allowance, ...]:
    """The node's ``quotes_allow`` markers (its own, its class's and module's).

    Raises:
        ValueError: a marker lacks its words or a reason (the message is one line).
    """
    from .verify import normalize

    out = []
    for mark in node.iter_markers("quotes_allow"):
        words = mark.args[0] if mark.args else mark.kwargs.get("words")
        reason = mark.kwargs.get("reason")
        if not isinstance(words, str) or not normalize(words):
            raise ValueError(
                "@pytest.mark.quotes_allow needs the quoted words (or some of them) first, "
                'e.g. quotes_allow("70th anniversary", reason="...")'
            )
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError(
                f'@pytest.mark.quotes_allow("{words}") needs reason="...": say why this deviation is accepted'
            )
        out.append(Allowance(words, reason.strip()))
    return tuple(out)


class QuoteChecker:
    """Checks claims and drafts against the session's sources; failures read as an editor's note.

    ``strict``: only verbatim quotes pass (the default for ``assert_verified``). ``allow``:
    deviations accepted with a reason; each one accepted is kept in ``accepted`` and appended to
    ``properties`` (the test's ``user_properties``) when given. ``root``: where a relative ``str``
    draft path is looked up (pytest's invocation folder; None: the current folder).
    """

    def __init__(
        self,
        sources: Sources,
        *,
        strict: bool = False,
        allow: Iterable[Allowance] = (),
        root: Path | None = None,
        properties: list[tuple[str, object]] | None = None,
    ) -> None:
        self.sources = sources
        self.strict = strict
        self.allow = tuple(allow)
        self.root = root
        self.accepted: list[str] = []
        self._properties = properties

    def verify(self, claim: str, speaker: str | None = None, *, strict: bool | None = None) -> Verdict:
        """The verdict on a claim, without failing (``ok`` follows ``strict``, default ``self.strict``)."""
        from .verify import verify

        return verify(claim, speaker=speaker, against=self.sources, strict=self.strict if strict is None else strict)

    def assert_verified(
        self, claim_or_draft: str | Path | Quote, speaker: str | None = None, *, strict: bool | None = None
    ) -> None:
        """Fail unless the claim (or every quote of the draft) passes: verbatim, or close when not
        ``strict``, and rightly attributed. The failure shows the claim, the nearest source's words
        with outlet, file and line, the typed differences, the verdict and what to do.

        ``claim_or_draft``: the quoted words (marks and attribution allowed); a draft as a ``Path``
        (file or folder) or as a ``str`` naming an existing file (absolute, or relative to where
        pytest runs); or a quote from ``draft_quotes``. A ``str`` ending ``.txt``/``.md`` with no
        spaces that names no file fails as a missing draft. ``strict``: default ``self.strict``.
        """
        __tracebackhide__ = True
        from .types import Kind, Quote
        from .verify import check, verify

        strict = self.strict if strict is None else strict
        if isinstance(claim_or_draft, str):
            claim_or_draft = self._draft_path(claim_or_draft) or claim_or_draft
        if isinstance(claim_or_draft, Quote):
            q = claim_or_draft
            kind = q.kind is Kind.INDIRECT
            v = verify(q.text, speaker=speaker or q.speaker, against=self.sources, strict=strict, paraphrase=kind)
            self._judge([(q, v)])
        elif isinstance(claim_or_draft, Path):
            self._judge(check([claim_or_draft], against=self.sources, strict=strict), draft=claim_or_draft)
        else:
            self._judge([(None, verify(claim_or_draft, speaker=speaker, against=self.sources, strict=strict))])

    def _draft_path(self, text: str) -> Path | None:
        """The file a ``str`` names, if any; a missing ``.txt``/``.md`` path fails."""
        __tracebackhide__ = True
        if not text.strip() or "\n" in text:
            return None
        path = Path(text)
        if not path.is_absolute() and self.root is not None:
            path = self.root / path
        try:
            if path.is_file():
                return path
        except (OSError, ValueError):  # a long sentence is no file name
            return None
        if text.lower().endswith(_DRAFT_SUFFIXES) and not any(c.isspace() for c in text):
            pytest.fail(
                f"{text}: no such draft file (looked in {path.parent}); a str ending .txt/.md is read as a draft",
                pytrace=False,
            )
        return None

    def _judge(self, results: Sequence[tuple[Quote | None, Verdict]], draft: Path | None = None) -> None:
        """Fail with a note per failing verdict that no allowance accepts; record the accepted."""
        __tracebackhide__ = True
        failed = []
        for q, v in results:
            if v.ok:
                continue
            allowance = next((a for a in self.allow if a.matches(v)), None)
            if allowance is None:
                failed.append((q, v))
            else:
                self._accept(q, v, allowance)
        if not failed:
            return
        notes = [(f"{q.doc}, line {q.line}:\n" if q is not None else "") + failure_text(v) for q, v in failed]
        if draft is not None:
            head = f"{len(failed)} of {len(results)} quotes in {draft} do not match the sources"
            pytest.fail(head + "\n\n" + "\n\n".join(notes), pytrace=False)
        pytest.fail(notes[0], pytrace=False)

    def _accept(self, q: Quote | None, v: Verdict, allowance: Allowance) -> None:
        from .forms import shorten

        where = f"{q.doc}:{q.line}: " if q is not None else ""
        e = v.evidence
        source = f" (source: {e.outlet or 'unknown outlet'}, {e.doc}:{e.line})" if e is not None else ""
        line = f"{where}{v.outcome.value} “{shorten(v.text, 80)}”{source} accepted: {allowance.reason}"
        self.accepted.append(line)
        if self._properties is not None:
            self._properties.append((ALLOWED, line))


def failure_text(v: Verdict) -> str:
    """The editor's report (``quotes.verify.explain``: the claim, the source's words, outlet and place,
    each typed difference), and why a close quote failed when strictness failed it."""
    from .types import Outcome
    from .verify import explain

    text = explain(v)
    if v.strict and v.outcome is Outcome.CLOSE:
        text += "\n  Strict: only verbatim quotes pass (--quotes-strict, quotes_strict or strict=True)."
    return text


@pytest.fixture
def quote_checker(quote_sources: Sources, request: pytest.FixtureRequest) -> QuoteChecker:
    """A ``QuoteChecker`` over the session's ``quote_sources``, with the session's strictness and
    the test's ``quotes_allow`` markers."""
    return QuoteChecker(
        quote_sources,
        strict=_strict(request.config),
        allow=_allowances(request.node),
        root=request.config.invocation_params.dir,
        properties=request.node.user_properties,
    )


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

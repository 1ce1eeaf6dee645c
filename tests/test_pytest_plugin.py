"""The pytest plugin, run with pytester: the fixtures, a draft with a faithful quote and a
misquote, sources from the ini file or an index, and the entry point in a fresh process."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.store import Index

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

DRAFT = """Lee and Ishiba hold their first call

“In today’s strategic environment, the importance of Korea-Japan relations is growing,” Lee said.

Lee later wrote on social media: “This year marks the 70th anniversary of the normalization of Korea-Japan relations.”
"""

EDITORIAL_SUITE = """
from pathlib import Path

import pytest

from quotes.pytest_plugin import draft_quotes

DRAFTS = Path(__file__).parent / "drafts"


@pytest.mark.parametrize("quote", draft_quotes(DRAFTS))
def test_quote_matches_the_sources(quote_checker, quote):
    quote_checker.assert_verified(quote)
"""


@pytest.fixture
def editorial(pytester: pytest.Pytester) -> pytest.Pytester:
    """A newsroom's QA folder: drafts/ and a test module over it."""
    drafts = pytester.mkdir("drafts")
    (drafts / "lee-call.md").write_text(DRAFT, encoding="utf-8")
    pytester.makepyfile(test_drafts=EDITORIAL_SUITE)
    return pytester


def test_draft_with_a_faithful_quote_and_a_misquote_passes_one_and_fails_the_other(editorial: pytest.Pytester) -> None:
    result = editorial.runpytest(f"--quote-sources={SEEDS}", "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*test_quote_matches_the_sources?lee-call.md:5:* FAILED*",
            "*lee-call.md, line 5:",
            "DIVERGENT: found, but the source says something different (number).",
            "*Claim:*70th anniversary*",
            "*Source:*“This year marks the 60th anniversary of the normalization of Korea-Japan relations…”*",
            "*Korea JoongAng Daily, *001_3e56a76460fb6f38.txt line 13*",
            "*Differences: This year marks [[]60th → 70th[]] anniversary*",
        ]
    )
    result.stdout.fnmatch_lines(["*test_quote_matches_the_sources?lee-call.md:3:* PASSED*"])


def test_the_failure_shows_no_traceback_of_ours(editorial: pytest.Pytester) -> None:
    result = editorial.runpytest(f"--quote-sources={SEEDS}", "-p", "no:cacheprovider")
    output = result.stdout.str()
    assert "pytest_plugin.py" not in output and "verify.py" not in output and "Traceback" not in output


def test_sources_from_the_ini_file_relative_to_it(editorial: pytest.Pytester) -> None:
    sources = editorial.mkdir("archive")
    for name in ("001_3e56a76460fb6f38.txt", "outlets.toml"):
        (sources / name).write_text((SEEDS / name).read_text(encoding="utf-8"), encoding="utf-8")
    editorial.makeini("[pytest]\nquote_sources = archive\n")
    editorial.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1, failed=1)


def test_sources_from_an_index_file(editorial: pytest.Pytester) -> None:
    db = editorial.path / "archive.db"
    with Index(db, create=True) as index:
        index.add([SEEDS])
    result = editorial.runpytest(f"--quote-sources={db}", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*Korea JoongAng Daily*"])


def test_without_sources_the_error_says_how_to_give_them(editorial: pytest.Pytester) -> None:
    result = editorial.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*no quote sources: run pytest with --quote-sources PATH*"])


def test_assert_verified_takes_a_claim_with_a_speaker_or_a_whole_draft(pytester: pytest.Pytester) -> None:
    (pytester.path / "draft.md").write_text(DRAFT, encoding="utf-8")
    pytester.makepyfile(
        """
        from pathlib import Path

        def test_claim(quote_checker):
            quote_checker.assert_verified("humiliating", speaker="Lee Jae-myung")

        def test_wrong_speaker(quote_checker):
            quote_checker.assert_verified("overcome the painful past", speaker="Lee Jae-myung")

        def test_whole_draft(quote_checker):
            quote_checker.assert_verified(Path(__file__).parent / "draft.md")

        def test_verdict_without_failing(quote_checker):
            assert quote_checker.verify("humiliating").outcome.value == "verbatim"
        """
    )
    result = pytester.runpytest(f"--quote-sources={SEEDS}", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*MISATTRIBUTED: these words were said by someone else: Yoon Suk Yeol, not Lee Jae-myung.",
            "*1 of 2 quotes in *draft.md do not match the sources",
        ]
    )


def test_the_plugin_registers_through_the_entry_point_in_a_fresh_process(editorial: pytest.Pytester) -> None:
    result = editorial.runpytest_subprocess(f"--quote-sources={SEEDS}", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*[[]60th → 70th[]]*"])

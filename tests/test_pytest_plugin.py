"""The pytest plugin, run with pytester: the fixtures, a draft with a faithful quote and a
misquote, sources from the ini file or an index, and the entry point in a fresh process."""

from __future__ import annotations

from collections.abc import Callable
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


def against_seeds(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run the pytest session in ``pytester`` with the seeds as quote sources (and no cache plugin)."""
    return pytester.runpytest(f"--quote-sources={SEEDS}", "-p", "no:cacheprovider", *args)


@pytest.fixture
def editorial(pytester: pytest.Pytester) -> pytest.Pytester:
    """A newsroom's QA folder: drafts/ and a test module over it."""
    drafts = pytester.mkdir("drafts")
    (drafts / "lee-call.md").write_text(DRAFT, encoding="utf-8")
    pytester.makepyfile(test_drafts=EDITORIAL_SUITE)
    return pytester


def test_draft_with_a_faithful_quote_and_a_misquote_passes_one_and_fails_the_other(editorial: pytest.Pytester) -> None:
    result = against_seeds(editorial, "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*test_quote_matches_the_sources?lee-call.md:5:* FAILED*",
            "*lee-call.md, line 5:",
            "DIVERGENT: found, but * (number).",
            "*Claim:*70th anniversary*",
            "*Source:*“This year marks the 60th anniversary of the normalization of Korea-Japan relations…”*",
            "*Korea JoongAng Daily, *001_3e56a76460fb6f38.txt line 13*",
            "*Differences: This year marks [[]60th → 70th[]] anniversary*",
        ]
    )
    result.stdout.fnmatch_lines(["*test_quote_matches_the_sources?lee-call.md:3:* PASSED*"])


def test_the_failure_shows_no_traceback_of_ours(editorial: pytest.Pytester) -> None:
    result = against_seeds(editorial)
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
    result = against_seeds(pytester)
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


# -- strictness ------------------------------------------------------------------------------------

#: Close: Kyunghyang's "importance of Korea-Japan relations has grown even further" in words another
#: outlet lends ("is growing", Dong-A Ilbo and JoongAng); verbatim in none of them.
CLOSE = "In today's strategic environment, the importance of Korea-Japan relations is growing even further"

STRICTNESS_SUITE = f"""
CLOSE = {CLOSE!r}

def test_close(quote_checker):
    quote_checker.assert_verified(CLOSE, speaker="Lee Jae-myung")

def test_close_strict_here(quote_checker):
    quote_checker.assert_verified(CLOSE, speaker="Lee Jae-myung", strict=True)

def test_close_lenient_here(quote_checker):
    quote_checker.assert_verified(CLOSE, speaker="Lee Jae-myung", strict=False)

def test_verbatim(quote_checker):
    quote_checker.assert_verified("humiliating", speaker="Lee Jae-myung")

def test_verdict_follows_the_checker(quote_checker):
    assert quote_checker.verify(CLOSE, "Lee Jae-myung").ok is not quote_checker.strict
"""


@pytest.mark.parametrize(
    ("how", "failed"),
    [
        pytest.param("", ["test_close_strict_here"], id="lenient by default"),
        pytest.param("option", ["test_close", "test_close_strict_here"], id="--quotes-strict"),
        pytest.param("ini", ["test_close", "test_close_strict_here"], id="quotes_strict = true"),
    ],
)
def test_strict_passes_only_verbatim_from_the_option_the_ini_or_the_argument(
    pytester: pytest.Pytester, how: str, failed: list[str]
) -> None:
    pytester.makepyfile(test_claims=STRICTNESS_SUITE)
    args = [f"--quote-sources={SEEDS}", "-p", "no:cacheprovider", "-rf"]
    if how == "option":
        args.append("--quotes-strict")
    if how == "ini":
        pytester.makeini("[pytest]\nquotes_strict = true\n")
    result = pytester.runpytest(*args)
    result.assert_outcomes(passed=5 - len(failed), failed=len(failed))
    assert sorted(line.split("::")[1].split()[0] for line in result.stdout.lines if line.startswith("FAILED")) == failed
    result.stdout.fnmatch_lines(["CLOSE: *", "*Strict: only verbatim quotes pass (--quotes-strict*"])


# -- a str naming a file is a draft ------------------------------------------------------------------


def test_a_str_naming_an_existing_file_is_a_draft_relative_to_where_pytest_runs(pytester: pytest.Pytester) -> None:
    drafts = pytester.mkdir("drafts")
    (drafts / "lee-call.md").write_text(DRAFT, encoding="utf-8")
    (drafts / "notes").write_text(DRAFT, encoding="utf-8")  # any existing file, whatever its name
    pytester.makepyfile(
        f"""
        def test_relative(quote_checker, monkeypatch, tmp_path):
            monkeypatch.chdir(tmp_path)  # relative to where pytest was run, not the current folder
            quote_checker.assert_verified("drafts/lee-call.md")

        def test_absolute(quote_checker):
            quote_checker.assert_verified({str(drafts / "lee-call.md")!r})

        def test_any_existing_file(quote_checker):
            quote_checker.assert_verified("drafts/notes")

        def test_missing_draft(quote_checker):
            quote_checker.assert_verified("drafts/lee-cal.md")

        def test_a_folder_name_is_a_claim(quote_checker):
            quote_checker.assert_verified("drafts")

        def test_a_long_claim_is_no_file_name(quote_checker):
            quote_checker.assert_verified("humiliating " * 40)
        """
    )
    result = against_seeds(pytester)
    result.assert_outcomes(failed=6)
    result.stdout.fnmatch_lines(
        [
            "*1 of 2 quotes in *drafts/lee-call.md do not match the sources",
            "*1 of 2 quotes in *drafts/lee-call.md do not match the sources",
            "*1 of 2 quotes in *drafts/notes do not match the sources",
            "*drafts/lee-cal.md: no such draft file*a str ending .txt/.md is read as a draft",
            "NOT FOUND: *",
            "*Claim:  “drafts”*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


# -- sources are checked when the session starts ---------------------------------------------------


def _foreign_sqlite(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER)")
    conn.close()


def _mkdir(path: Path) -> None:
    path.mkdir()


def _png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\x00\x00")


def _latin1(path: Path) -> None:
    path.write_bytes("café".encode("latin-1"))


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        pytest.param("missing", None, "*missing: no such file or folder; check --quote-sources*", id="missing"),
        pytest.param("empty", _mkdir, "*empty: folder has no .txt/.md articles*", id="empty folder"),
        pytest.param("logo.png", _png, "*logo.png: looks binary, not text*", id="binary file"),
        pytest.param("latin1.txt", _latin1, "*latin1.txt: is not UTF-8*", id="not utf-8"),
        pytest.param("shop.db", _foreign_sqlite, "*shop.db: not a quotes index*", id="foreign database"),
    ],
)
def test_unusable_sources_stop_the_session_with_one_line(
    pytester: pytest.Pytester, name: str, make: Callable[[Path], None] | None, message: str
) -> None:
    bad = pytester.path / name
    if make is not None:
        make(bad)
    pytester.makepyfile("def test_nothing_to_do_with_quotes():\n    pass\n")
    result = pytester.runpytest(f"--quote-sources={bad}", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    errors = [line for line in result.stderr.lines if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("ERROR: quote sources: "), errors
    result.stderr.fnmatch_lines([message])
    assert "Traceback" not in result.stdout.str() + result.stderr.str()
    assert "passed" not in result.stdout.str()


def test_an_unusable_ini_source_and_an_index_among_folders_stop_the_session(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nquote_sources = archive\n")
    pytester.makepyfile("def test_plain():\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: quote sources: *archive: no such file or folder*"])

    db = pytester.path / "archive.db"
    with Index(db, create=True) as index:
        index.add([SEEDS])
    result = pytester.runpytest(f"--quote-sources={db}", f"--quote-sources={SEEDS}", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: quote sources: *archive.db: an index file is used alone*"])


def test_a_session_without_quote_sources_runs_as_usual(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_plain():\n    pass\n")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
    against_seeds(pytester).assert_outcomes(passed=1)


# -- accepted deviations ---------------------------------------------------------------------------

ALLOWED_SUITE = """
from pathlib import Path

import pytest

from quotes.pytest_plugin import draft_quotes

DRAFTS = Path(__file__).parent / "drafts"
MISQUOTE = "This year marks the 70th anniversary of the normalization of Korea-Japan relations."


@pytest.mark.quotes_allow("“70th Anniversary”", reason="the desk counts from the 1955 talks")
@pytest.mark.parametrize("quote", draft_quotes(DRAFTS))
def test_quote_matches_the_sources(quote_checker, quote):
    quote_checker.assert_verified(quote)


@pytest.mark.quotes_allow("70th anniversary", reason="the desk counts from the 1955 talks")
def test_whole_draft(quote_checker):
    quote_checker.assert_verified(DRAFTS / "lee-call.md")


@pytest.mark.quotes_allow("70th anniv", reason="words, not parts of words")
def test_part_of_a_word_matches_nothing(quote_checker):
    quote_checker.assert_verified(MISQUOTE, speaker="Lee Jae-myung")


@pytest.mark.quotes_allow("growing", reason="covers another quote")
def test_another_quote_is_not_covered(quote_checker):
    quote_checker.assert_verified(MISQUOTE, speaker="Lee Jae-myung")
"""


def test_quotes_allow_accepts_a_matching_failure_and_reports_it_with_its_reason(editorial: pytest.Pytester) -> None:
    editorial.makepyfile(test_drafts=ALLOWED_SUITE)
    result = against_seeds(editorial, "--junitxml=report.xml")
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*= accepted quote deviations (2) =*",
            "test_drafts.py::test_quote_matches_the_sources?lee-call.md:5:*: *lee-call.md:5: divergent "
            "“This year marks the 70th anniversary*” (source: Korea JoongAng Daily, *001_3e56a76460fb6f38.txt:13) "
            "accepted: the desk counts from the 1955 talks",
            "test_drafts.py::test_whole_draft: *lee-call.md:5: divergent*accepted: the desk counts from the 1955 talks",
        ]
    )
    result.stdout.fnmatch_lines(["FAILED *test_part_of_a_word_matches_nothing*", "FAILED *test_another_quote*"])
    assert 'name="quotes_allowed"' in (editorial.path / "report.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ('quotes_allow("70th anniversary")', '*::test_x: @pytest.mark.quotes_allow("70th anniversary") needs reason=*'),
        ('quotes_allow("70th anniversary", reason=" ")', "*needs reason=*say why this deviation is accepted"),
        ('quotes_allow(reason="house style")', "*::test_x: @pytest.mark.quotes_allow needs the quoted words*"),
    ],
)
def test_quotes_allow_without_a_reason_or_words_is_a_usage_error(
    pytester: pytest.Pytester, marker: str, message: str
) -> None:
    pytester.makepyfile(f"import pytest\n\n@pytest.mark.{marker}\ndef test_x():\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--strict-markers")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert [line for line in result.stderr.lines if line.strip()] == [result.stderr.lines[0]]
    result.stderr.fnmatch_lines(["ERROR: " + message])


def test_quotes_allow_is_registered_for_strict_markers(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--markers", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(['@pytest.mark.quotes_allow(words, reason="..."): accept a failing quote*'])


# -- the failure text --------------------------------------------------------------------------------

REVERSED = """Lee and Ishiba hold their first call

“In today’s strategic environment, the importance of Korea-Japan relations is shrinking,” Lee said.
"""


def test_a_reversed_quote_fails_and_shows_the_sources_words(pytester: pytest.Pytester) -> None:
    """The acceptance test of "Verdicts a fact-checker can trust": an antonym is no minor wording."""
    drafts = pytester.mkdir("drafts")
    (drafts / "lee-reversed.md").write_text(REVERSED, encoding="utf-8")
    pytester.makepyfile(test_drafts=EDITORIAL_SUITE)
    result = against_seeds(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*lee-reversed.md, line 3:",
            "DIVERGENT*",
            "*Claim:*importance of Korea-Japan relations is shrinking*",
            "*Source:*importance of *Korea-Japan relation* is growing*",
            "*, *seeds/*.txt line *",
        ]
    )
    output = result.stdout.lines
    assert any("negation" in line.lower() for line in output)


def test_the_failure_text_lists_the_typed_changes_with_both_words() -> None:
    from quotes.pytest_plugin import failure_text
    from quotes.types import Change, ChangeType, Evidence, Kind, Outcome, Verdict

    source = "In today’s strategic environment, the importance of Korea-Japan relations is growing"
    claim = source.replace("growing", "shrinking")
    evidence = Evidence(
        outcome=Outcome.DIVERGENT,
        doc="seeds/001_3e56a76460fb6f38.txt",
        outlet="Korea JoongAng Daily",
        start=408,
        end=408 + len(source),
        match_start=408,
        match_end=408 + len(source),
        line=4,
        text=source,
        kind=Kind.DIRECT,
        speaker="Lee Jae-myung",
        speaker_id=None,
        via=None,
        similarity=92.0,
        changes=(
            Change(ChangeType.NEGATION, "shrinking", 78, 87, "growing", 485, 492, "antonym"),
            Change(ChangeType.NUMBER, "70th", 0, 4, "", 400, 400),
        ),
    )
    verdict = Verdict(claim, claim, "Lee Jae-myung", Outcome.DIVERGENT, evidence=evidence, renderings=(evidence,))
    lines = failure_text(verdict).splitlines()
    for kind, claim_word, source_word in (("negation", "shrinking", "growing"), ("number", "70th", "")):
        assert any(all(w in line.lower() for w in (kind, claim_word, source_word)) for line in lines), lines
    assert any("Korea JoongAng Daily" in line and "001_3e56a76460fb6f38.txt" in line for line in lines)
    assert any(line.strip().startswith("Source:") and "growing" in line for line in lines)

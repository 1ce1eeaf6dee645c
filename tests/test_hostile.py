"""Hostile input, fuzzed: text, file names, file contents, configs, gold and claims, through the library and
the CLI (in process). Nothing raises but ``QuotesError``, no command prints a traceback or an internal
error, offsets are exact, and one bad input never costs the others their results.

Bounded for CI (a few dozen examples per property); ``QUOTES_FUZZ=long`` runs the long profile.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotes import Article, Corpus, QuotesError, extract, verify
from quotes.cli import app

settings.register_profile(
    "ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "long", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
PROFILE = "long" if os.environ.get("QUOTES_FUZZ") == "long" else "ci"

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
GOOD = "“We will win,” Anna Berg said.\n"

#: Pieces that hostile text is made of: marks, cues, names, control and escape sequences, odd scripts.
PIECES = (
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "«",
    "»",
    "「",
    "」",
    " said ",
    " told reporters ",
    ", according to ",
    "Kim Min-ji",
    "he",
    "the ministry",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x1b[31m",
    "\x1b]0;pwned\x07",
    "\x9b",
    "\u202e",
    "\ufeff",
    "\u200b",
    "우리는 세금을",
    "ｆｕｌｌ－ｗｉｄｔｈ",
    "e\u0301",
    "—",
    "…",
    "5%",
    "Q: ",
    "A: ",
    "URL: https://example.com/x",
    "SEOUL (Yonhap) -- ",
)
hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
#: File names: printable, no path separator, not hidden, ending in .txt.
file_names = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"), min_size=1, max_size=30
    )
    .map(lambda s: s.strip(".") or "x")
    .map(lambda s: s[:40] + ".txt")
)


def _no_internal_error(result: object) -> None:
    """A CLI result printed no traceback and no internal error, and exited as a handled run does."""
    out = getattr(result, "stdout", "") + getattr(result, "stderr", "")
    assert "Traceback" not in out and "[Q900]" not in out, out[-2000:]
    assert result.exit_code in (0, 1, 2), out[-2000:]


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(text=hostile_text)
def test_hostile_text_between_two_good_ones_costs_them_nothing(text: str) -> None:
    out = list(extract([GOOD, text, GOOD], cache=False))
    assert [ex.article.doc for ex in out] == ["<text 0>", "<text 1>", "<text 2>"]
    assert [len(out[0].quotes), len(out[2].quotes)] == [1, 1]
    for ex in out:
        for q in ex.quotes:
            assert ex.article.text[q.start : q.end] == q.text
            if q.speaker_span is not None:
                assert 0 <= q.speaker_span[0] <= q.speaker_span[1] <= len(ex.article.text)


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(data=st.binary(max_size=200), name=file_names)
def test_a_hostile_file_in_a_folder_costs_the_good_file_nothing(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str
) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "0-good.txt").write_text(GOOD, encoding="utf-8")
    if name != "0-good.txt":
        (folder / name).write_bytes(data)
    result = runner.invoke(app, ["table", str(folder), "--format", "jsonl"])
    _no_internal_error(result)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["doc"].endswith("0-good.txt") and r["speaker"] == "Anna Berg" for r in records)
    for line in result.stderr.splitlines():
        assert re.match(r"quotes: ", line), line


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(names=st.lists(file_names, min_size=1, max_size=5, unique_by=str.casefold))
def test_every_file_name_gives_its_records(tmp_path_factory: pytest.TempPathFactory, names: list[str]) -> None:
    folder = tmp_path_factory.mktemp("names")
    for name in names:
        (folder / name).write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["table", str(folder), "--format", "jsonl"])
    _no_internal_error(result)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(names)


#: Pieces of TOML, well-formed and not, for outlets.toml and speakers files.
TOML = (
    "[files]\n",
    '[files."a.txt"]\n',
    'outlet = "Daily"\n',
    "outlet = 5\n",
    'date = "2024-01-02"\n',
    "date = 2024-01-02\n",
    "event_date = []\n",
    "files = 'x'\n",
    "[[speaker]]\n",
    'id = "berg"\n',
    'name = "Anna Berg"\n',
    "aliases = 5\n",
    'aliases = ["Berg"]\n',
    "kind = []\n",
    'kind = "person"\n',
    "speaker = 5\n",
    "= broken\n",
    "[[",
    "\x00",
    '"\\ud800"\n',
)
toml_text = st.lists(st.one_of(st.sampled_from(TOML), st.text(max_size=10)), max_size=12).map("".join)


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(config=toml_text)
def test_a_hostile_outlets_toml_is_one_diagnostic_per_document_and_spares_other_folders(
    tmp_path_factory: pytest.TempPathFactory, config: str
) -> None:
    root = tmp_path_factory.mktemp("outlets")
    (root / "bad").mkdir()
    (root / "good").mkdir()
    (root / "bad" / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "bad" / "outlets.toml").write_text(config, encoding="utf-8")
    (root / "good" / "b.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["table", str(root / "bad"), str(root / "good"), "--format", "jsonl"])
    _no_internal_error(result)
    assert any(json.loads(line)["doc"].endswith("b.txt") for line in result.stdout.splitlines())


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(config=toml_text)
def test_a_hostile_speakers_file_is_one_coded_line_or_used(
    tmp_path_factory: pytest.TempPathFactory, config: str
) -> None:
    folder = tmp_path_factory.mktemp("speakers")
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    file = folder / "speakers.toml"
    file.write_text(config, encoding="utf-8")
    result = runner.invoke(app, ["table", str(folder / "a.txt"), "--speakers", str(file), "--format", "jsonl"])
    _no_internal_error(result)
    if result.exit_code:
        assert re.fullmatch(r"quotes: error: \[Q\d{3}\] .+\n", result.stderr), result.stderr


#: Values a gold record's fields take, of every type.
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10**6), st.text(max_size=8), st.lists(st.integers(), max_size=2)
)
gold_records = st.fixed_dictionaries(
    {},
    optional={
        k: VALUES for k in ("doc", "file", "start", "end", "text", "kind", "speaker", "speaker_id", "group", "via")
    },
)


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(records=st.lists(gold_records, min_size=1, max_size=3), junk=st.sampled_from(["", "{", "[]", "5", "\x00"]))
def test_hostile_gold_is_one_coded_line(
    tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, object]], junk: str
) -> None:
    folder = tmp_path_factory.mktemp("gold")
    lines = [json.dumps(r) for r in records] + ([junk] if junk else [])
    (folder / "000_a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "000_a.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["eval", "--golden", str(folder), str(folder / "000_a.txt")])
    _no_internal_error(result)


@pytest.fixture(scope="module")
def seeds_corpus() -> Corpus:
    """The seeds, extracted once for the claims."""
    return Corpus(extract(ROOT / "seeds"))


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(claim=hostile_text, speaker=st.one_of(st.none(), hostile_text))
def test_a_hostile_claim_gets_a_verdict(seeds_corpus: Corpus, claim: str, speaker: str | None) -> None:
    try:
        verdict = verify(claim, against=seeds_corpus, speaker=speaker)
    except QuotesError:
        return
    assert verdict.outcome is not None


@settings.get_profile(PROFILE)  # type: ignore[misc]
@given(claim=hostile_text)
def test_a_hostile_claim_on_the_command_line_is_a_verdict_or_one_coded_line(claim: str) -> None:
    result = runner.invoke(app, ["verify", claim, "--against", str(ROOT / "seeds")])
    _no_internal_error(result)


def test_the_library_keeps_input_order_with_articles_paths_and_texts(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    sources: list[str | Path | Article] = [Article("a", GOOD), tmp_path / "nope.txt", tmp_path / "b.txt", GOOD]
    out = list(extract(sources, cache=False))
    assert [Path(ex.article.doc).name for ex in out] == ["a", "nope.txt", "b.txt", "<text 3>"]

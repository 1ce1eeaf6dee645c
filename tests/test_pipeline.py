"""The library entry points: sources of every kind, streaming, and offsets for any input."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import Article, extract, extract_corpus

PIECES = [
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    " said ",
    "Smith",
    " he ",
    ".",
    ",",
    "\n",
    "\n\n",
    "according to ",
    "the ministry",
    " that ",
    "We will win",
    ": ",
    "—",
    "Ms. Berg",
    " told reporters ",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_gives_exact_offsets_and_never_raises(text: str) -> None:
    for ex in extract(text):
        for q in ex.quotes:
            assert q.text == text[q.start : q.end] and q.start < q.end
            if q.speaker_span is not None:
                assert text[q.speaker_span[0] : q.speaker_span[1]] == q.speaker_mention
        for d in ex.diagnostics:
            assert d.offset is None or 0 <= d.offset < len(text)


def test_sources_of_every_kind_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("“One,” Anna Berg said.", encoding="utf-8")
    sources = ["“Two,” Peter Novak said.", Article(doc="c", text="“Three,” Ivo Horak said."), tmp_path / "a.txt"]
    docs = [ex.article.doc for ex in extract(sources)]
    assert docs == ["<text 0>", "c", str(tmp_path / "a.txt")]


def test_a_missing_path_is_an_extraction_with_an_error_not_an_exception(tmp_path: Path) -> None:
    out = extract_corpus([tmp_path / "missing.txt", tmp_path])
    assert [d.code for ex in out for d in ex.diagnostics] == ["E102", "E101"]


def test_records_and_groups_are_the_same_in_every_run() -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    code = "from quotes.cli import run; run()"
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run(
            [sys.executable, "-c", code, "align", str(root / "seeds"), "--format", "jsonl"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1 and outputs.pop().count("\n") > 30


def test_page_furniture_holds_no_quote_and_names_no_speaker() -> None:
    text = (
        'URL: https://example.com/2024/05/"bridge"-opens\n'
        "By Maria Lopez, Staff Writer\n\n"
        "The bridge will open in June, the city said on Monday.\n\n"
        '"It is a great day," she said.\n'
    )
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [q.text for q in quotes] == ["The bridge will open in June", "It is a great day,"]
    assert all(q.speaker != "Maria Lopez" for q in quotes)  # the byline's author is no antecedent of "she"


def test_a_headline_in_title_case_holds_no_quote() -> None:
    text = (
        "Pledge of Peace Was Shared at G7 Summit, Says Kishida\n\n"
        "Prime Minister Fumio Kishida said on Sunday that the summit had sent a strong message.\n"
    )
    quotes = [q.text for ex in extract(text) for q in ex.quotes]
    assert quotes == ["the summit had sent a strong message"]


def test_a_date_stamp_the_page_opens_with_is_no_speaker() -> None:
    text = " date 2023-12-14 President Vladimir Putin on Thursday said that Moscow's goals had not changed.\n"
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [q.text for q in quotes] == ["Moscow's goals had not changed"]
    assert quotes[0].speaker != "date"


def test_a_wire_dateline_with_a_hyphen_stays_out_of_the_reported_clause() -> None:
    text = "TOKYO (Reuters) - Takata Corp is preparing to expand a recall nationwide, the Nikkei business daily said.\n"
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [q.text for q in quotes] == ["Takata Corp is preparing to expand a recall nationwide"]
    text = "LONDON - The bank will cut rates in June, its governor said on Monday.\n"
    assert [q.text for ex in extract(text) for q in ex.quotes] == ["The bank will cut rates in June"]

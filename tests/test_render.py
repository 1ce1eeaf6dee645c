"""Rendering: contract records, shortened quotes, every table format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotes.render import Format, escape_controls, record, render, render_speakers, shorten
from quotes.types import Article, Extraction, Kind, Quote, SpeakerKind, SpeakerSummary

CONTRACT_FIELDS = [
    "doc",
    "outlet",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "speaker_span",
    "cue",
    "via",
    "group",
    "flags",
]


def _extraction() -> Extraction:
    text = "“We won | again,” Anna Berg said."
    q = Quote(
        doc="a.txt",
        outlet="Daily",
        start=1,
        end=15,
        text=text[1:15],
        kind=Kind.DIRECT,
        speaker="Anna Berg",
        speaker_id="anna-berg",
        speaker_mention="Anna Berg",
        speaker_span=(17, 26),
        cue="said",
        line=1,
    )
    return Extraction(article=Article("a.txt", text, "Daily"), quotes=(q,))


def test_record_has_exactly_the_contract_fields() -> None:
    rec = record(_extraction().quotes[0])
    assert list(rec) == CONTRACT_FIELDS
    assert rec["kind"] == "direct" and rec["speaker_span"] == [17, 26] and rec["flags"] == []


@pytest.mark.parametrize(
    "text, width, expected",
    [
        ("short", 10, "short"),
        ("a  b\nc", 10, "a b c"),
        ("abcdefghijklmnopqrstuvwxyz", 10, "abcdef…xyz"),
    ],
)
def test_shorten_keeps_start_and_end(text: str, width: int, expected: str) -> None:
    out = shorten(text, width)
    assert out == expected and len(out) <= width


def test_every_format_renders_the_quote() -> None:
    ex = [_extraction()]
    assert json.loads(render(ex, Format.JSONL))["speaker"] == "Anna Berg"
    assert json.loads(render(ex, Format.JSON))[0]["text"] == "We won | again"
    rows = list(csv.DictReader(io.StringIO(render(ex, Format.CSV))))
    assert rows == [
        {
            "outlet": "Daily",
            "speaker": "Anna Berg",
            "kind": "direct",
            "cue": "said",
            "quote": "We won | again",
            "where": "a.txt:1",
        }
    ]
    assert "Anna Berg" in render(ex, Format.TABLE)
    md = render(ex, Format.MARKDOWN)
    assert md.startswith("| outlet") and "We won \\| again" in md


def test_empty_result_says_so() -> None:
    assert render([], Format.TABLE) == "no quotes found\n"


HOSTILE = "We \x1b[31mwon\x1b]0;pwned\x07 the \x9b2J final"


def _hostile() -> Extraction:
    text = f"“{HOSTILE},” Anna Berg said."
    q = Quote("a\x1b[1m.txt", "Daily\x07", 1, 1 + len(HOSTILE), HOSTILE, Kind.DIRECT, "Anna Berg", cue="said", line=1)
    return Extraction(article=Article("a\x1b[1m.txt", text, "Daily\x07"), quotes=(q,))


@pytest.mark.parametrize(
    "text, newlines, expected",
    [
        ("a\x1b]0;pwned\x07b", False, "a\\x1b]0;pwned\\x07b"),
        ("\x1b[31mred\x9b2J", False, "\\x1b[31mred\\x9b2J"),
        ("tab\there\x00\x7f", False, "tab\\there\\x00\\x7f"),
        ("right\u202eto left", False, "right\\u202eto left"),
        ("one\ntwo", False, "one\\ntwo"),
        ("one\ntwo\x1b", True, "one\ntwo\\x1b"),
    ],
)
def test_escape_controls_shows_every_control_character_escaped(text: str, newlines: bool, expected: str) -> None:
    assert escape_controls(text + " “Olá,” — ×2", newlines=newlines) == expected + " “Olá,” — ×2"
    assert escape_controls(expected, newlines=newlines) == expected  # escaping twice changes nothing


@pytest.mark.parametrize("fmt", [Format.TABLE, Format.MARKDOWN, Format.CSV])
def test_human_readable_formats_escape_control_characters(fmt: Format) -> None:
    out = render([_hostile()], fmt)
    assert not {"\x1b", "\x07", "\x9b"} & set(out)
    assert "\\x1b[31mwon\\x1b]0;pwned\\x07 the \\x9b2J" in out and "Daily\\x07" in out and "a\\x1b[1m.txt" in out


@pytest.mark.parametrize("fmt", [Format.JSON, Format.JSONL])
def test_json_formats_keep_the_exact_text_with_no_raw_c1_control(fmt: Format) -> None:
    out = render([_hostile()], fmt)
    assert "\x9b" not in out and "\x1b" not in out
    data = json.loads(out)
    assert (data[0] if fmt is Format.JSON else data)["text"] == HOSTILE


def test_speaker_list_escapes_control_characters() -> None:
    name = "Anna\x1b]0;pwned\x07 Berg"
    summary = SpeakerSummary("anna", name, SpeakerKind.PERSON, None, None, (), ((name, 1),), (("Daily\x9b", 1),))
    table = render_speakers([summary], Format.TABLE)
    assert not {"\x1b", "\x07", "\x9b"} & set(table)
    assert "Anna\\x1b]0;pwned\\x07 Berg" in table and "Daily\\x9b 1" in table
    assert json.loads(render_speakers([summary], Format.JSON))[0]["name"] == name


def test_shorten_to_a_tiny_width_stays_within_it() -> None:
    assert [shorten("abcdefghijklmnopqrstuvwxyz", width) for width in (1, 2, 3)] == ["…", "…z", "a…z"]

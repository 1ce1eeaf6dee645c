"""Rendering: contract records, shortened quotes, every table format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotes.forms import shorten, text_width
from quotes.render import Format, escape_controls, render, render_speakers
from quotes.types import Article, Extraction, Flag, Kind, Part, Quote, SpeakerKind, SpeakerSummary, merge_flags

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
    rec = _extraction().quotes[0].to_dict()
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
    assert [(r["outlet"], r["speaker"], r["kind"], r["cue"], r["text"]) for r in rows] == [
        ("Daily", "Anna Berg", "direct", "said", "We won | again")
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


# -- one interface (issue 13): the same formats, one way to shorten and to merge flags -------------


def _interrupted() -> Extraction:
    text = "“We won,” Anna Berg said, “and we will win again.”"
    q = Quote(
        "a.txt",
        "Daily",
        1,
        49,
        text[1:49],
        Kind.DIRECT,
        "Anna Berg",
        speaker_span=(10, 19),
        cue="said",
        line=1,
        flags=(Flag("wording", "won → win"),),
        parts=(Part(1, 8), Part(27, 49)),
    )
    return Extraction(article=Article("a.txt", text, "Daily"), quotes=(q,))


def test_csv_has_one_column_per_record_field_lf_line_endings_and_json_cells() -> None:
    out = render([_extraction(), _interrupted()], Format.CSV)
    assert "\r" not in out and out.count("\n") == 3
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert header == [*CONTRACT_FIELDS, "parts"]
    first, second = (dict(zip(header, row, strict=True)) for row in rows)
    assert json.loads(first["speaker_span"]) == [17, 26] and json.loads(first["flags"]) == [] and first["parts"] == ""
    assert first["via"] == "" and first["start"] == "1"
    assert json.loads(second["flags"]) == [{"type": "wording", "detail": "won → win"}]
    assert [p["start"] for p in json.loads(second["parts"])] == [1, 27]


def test_speakers_csv_has_the_fields_of_the_jsonl_record() -> None:
    summary = SpeakerSummary("anna", "Anna Berg", SpeakerKind.PERSON, "mayor", None, ("Berg",), (("Berg", 2),), ())
    header, row = list(csv.reader(io.StringIO(render_speakers([summary], Format.CSV))))
    assert header == list(json.loads(render_speakers([summary], Format.JSONL)))
    assert json.loads(dict(zip(header, row, strict=True))["mentions"]) == {"Berg": 2}


def _wide() -> Extraction:
    quotes = []
    text = ""
    for speaker, words in (("Anna Berg", "We will win."), ("이재명", "우리는 올해 세금을 올리지 않을 것입니다.")):
        start = len(text) + 1
        text += f"“{words}” {speaker} said.\n"
        quotes.append(
            Quote("a.txt", "Daily", start, start + len(words), words, Kind.DIRECT, speaker, cue="said", line=1)
        )
    return Extraction(article=Article("a.txt", text, "Daily"), quotes=tuple(quotes))


def test_table_measures_wide_characters_so_the_columns_line_up() -> None:
    lines = render([_wide()], Format.TABLE).splitlines()
    where = [text_width(line[: line.index("a.txt")]) for line in lines[2:]]
    assert len(where) == 2 and where[0] == where[1]


def test_table_fits_the_terminal_width_and_caps_the_speaker_column() -> None:
    long = "Shigeru Ishiba (via Japan’s Ministry of Foreign Affairs and its spokesperson)"
    text = "“" + "We will build the new harbour and the new schools this year. " * 5 + "”"
    q = Quote("a.txt", "Daily", 0, len(text), text, Kind.DIRECT, long, cue="said", line=1)
    ex = Extraction(article=Article("a.txt", text, "Daily"), quotes=(q,))
    for columns in (80, 120, 200):
        lines = render([ex], Format.TABLE, columns=columns).splitlines()
        assert max(text_width(line) for line in lines) <= columns, columns
        assert len(lines[1].split()[1]) <= 32  # the speaker's column: at most 32 wide, not the 78 of its value
    assert "We will build" in render([ex], Format.TABLE, columns=200)


@pytest.mark.parametrize(
    "text, width, expected",
    [("우리는 올해 세금을", 9, "우리…금을"), ("Seoul 서울시청 앞", 10, "Seoul…앞")],
)
def test_shorten_counts_wide_characters_as_two_columns(text: str, width: int, expected: str) -> None:
    out = shorten(text, width)
    assert out == expected and text_width(out) <= width


def test_merge_flags_gives_one_flag_per_type_in_first_seen_order_with_distinct_details() -> None:
    flags = [Flag("number", "70th"), Flag("negation", "not"), Flag("number", "70th"), Flag("number", "60th")]
    assert merge_flags(flags) == (Flag("number", "70th; 60th"), Flag("negation", "not"))
    assert merge_flags(flags, limit=1)[0] == Flag("number", "70th; and 1 more")

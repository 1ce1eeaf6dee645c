"""Rendering: contract records, shortened quotes, every table format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotes.render import Format, record, render, shorten
from quotes.types import Article, Extraction, Kind, Quote

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

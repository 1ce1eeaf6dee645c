"""Rendering an alignment: table, Markdown, JSON, JSONL and the self-contained HTML page."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from quotes.align import align_corpus
from quotes.cli import app
from quotes.report import AlignFormat, render_alignment
from quotes.types import Article, Extraction, Kind, Quote, Speaker, SpeakerKind

ANN = Speaker("ann-lind", "Ann Lind", SpeakerKind.PERSON)
CY = Speaker("cy-park", "Cy Park", SpeakerKind.PERSON)
HOSTILE = 'we will open <script>alert("x")</script> new routes & markets for farmers next spring'


def one(doc: str, words: str, speaker: Speaker, kind: Kind = Kind.DIRECT) -> Extraction:
    text = f'{speaker.name} said: "{words}." More text.'
    start = text.index(words)
    quote = Quote(doc, doc.upper(), start, start + len(words), words, kind, speaker.name, speaker.id, cue="said")
    return Extraction(Article(doc, text, doc.upper(), "2025-01-01"), (quote,), (speaker,))


def corpus() -> list[Extraction]:
    return [
        one("a.txt", HOSTILE, ANN),
        one("b.txt", HOSTILE.replace("will open", "will not open"), ANN),
        one("c.txt", "the budget for rural schools must grow before the winter elections", CY, Kind.INDIRECT),
        one("d.txt", "we will expand trade with our neighbours and partners across the sea", ANN),
        one("e.txt", "we will expand trade with our neighbors and partners across the sea", ANN, Kind.INDIRECT),
    ]


class Page(HTMLParser):
    """Tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self.ids.update(v for k, v in attrs if k == "id" and v)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_page_has_every_group_escapes_the_text_and_loads_nothing() -> None:
    aligned = align_corpus(corpus())
    page = render_alignment(aligned, AlignFormat.HTML)
    parsed = Page()
    parsed.feed(page)
    assert len(aligned.groups) == 2
    assert {g.id for g in aligned.groups} <= parsed.ids
    assert "script" not in parsed.tags  # the article's <script> is text, not a tag
    assert any('<script>alert("x")</script>' in t for t in parsed.text)
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert not [v for k, v in parsed.attrs if k in ("src", "href") and v]
    assert "http://" not in page and "https://" not in page and "@import" not in page


def test_html_puts_groups_with_conflicts_first_and_labels_flags() -> None:
    aligned = align_corpus(corpus())
    page = render_alignment(aligned, AlignFormat.HTML)
    first = aligned.groups[0]
    assert any(f.type == "negation" for _, fs in first.flags for f in fs)
    assert page.index(first.id) < page.index(aligned.groups[1].id)
    assert 'class="label serious"' in page and ">negation<" in page


def test_json_lists_groups_with_member_records_and_flags() -> None:
    data = json.loads(render_alignment(align_corpus(corpus()), AlignFormat.JSON))
    assert len(data["groups"]) == 2
    for g in data["groups"]:
        assert len({m["doc"] for m in g["members"]}) == 2
        assert all(m["group"] == g["id"] for m in g["members"])
    assert [r["doc"] for r in data["single_source"]] == ["c.txt"]


def test_jsonl_is_the_contract_records_with_group_and_flags() -> None:
    lines = render_alignment(align_corpus(corpus()), AlignFormat.JSONL).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 5
    assert {r["doc"] for r in records if r["group"]} == {"a.txt", "b.txt", "d.txt", "e.txt"}
    structured = {"doc", "start", "end", "text", "other_doc", "other_start", "other_end", "other_text"}
    assert all({"type", "detail"} <= set(f) <= {"type", "detail"} | structured for r in records for f in r["flags"])
    located = [f for r in records for f in r["flags"] if "doc" in f]
    assert located, "text flags carry their evidence as structured fields"
    for f in located:
        assert f["end"] >= f["start"] and f["other_end"] >= f["other_start"]
        assert f["text"] or f["other_text"], f  # no flag without evidence words


def test_table_and_markdown_show_one_block_per_group() -> None:
    aligned = align_corpus(corpus())
    table = render_alignment(aligned, AlignFormat.TABLE)
    markdown = render_alignment(aligned, AlignFormat.MARKDOWN)
    for g in aligned.groups:
        assert f"group {g.id}" in table and f"### {g.id}" in markdown
    assert "negation" in table and "single source" in table


def test_align_command_writes_html(tmp_path: Path) -> None:
    for name, text in (
        ("a.txt", '"We will cut taxes next year," Smith said.'),
        ("b.txt", 'Smith said: "We will cut taxes next year."'),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["align", str(tmp_path), "--format", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and "We will cut taxes next year" in result.stdout


def test_every_alignment_format_keeps_control_characters_off_the_terminal() -> None:
    words = "we will \x1b[31mopen\x1b]0;pwned\x07 new \x9b2J routes for farmers next spring"
    aligned = align_corpus([one("a.txt", words, ANN), one("b.txt", words.replace("will", "will not"), ANN)])
    raw = {"\x1b", "\x07", "\x9b"}
    for fmt in (AlignFormat.TABLE, AlignFormat.MARKDOWN, AlignFormat.HTML):
        out = render_alignment(aligned, fmt, width=200)
        assert not raw & set(out), fmt
        assert "\\x1b[31mopen\\x1b]0;pwned\\x07 new \\x9b2J" in out, fmt
    parsed = Page()
    parsed.feed(render_alignment(aligned, AlignFormat.HTML))
    assert parsed.tags.count("section") == 1  # the escapes break no markup
    grouped = render_alignment(aligned, AlignFormat.JSON)
    records = render_alignment(aligned, AlignFormat.JSONL)
    assert not raw & set(grouped + records)
    assert words in [m["text"] for g in json.loads(grouped)["groups"] for m in g["members"]]
    assert words in [json.loads(line)["text"] for line in records.splitlines()]

"""Rendering an alignment: table, Markdown, JSON, JSONL and the self-contained HTML page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quotes
from quotes.align import align_corpus
from quotes.cli import app
from quotes.report import AlignFormat, alignment_html, render_alignment
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


def said(
    doc: str,
    words: str,
    speaker: Speaker,
    *,
    kind: Kind = Kind.DIRECT,
    outlet: str | None = None,
    date: str | None = None,
    cue: str = "said",
    via: str | None = None,
) -> Extraction:
    """One article whose third line quotes ``words``, with its outlet, date, cue and channel."""
    text = f'Headline\n\n{speaker.name} {cue}: "{words}." More text.'
    start = text.index(words)
    quote = Quote(
        doc, outlet, start, start + len(words), words, kind, speaker.name, speaker.id, cue=cue, via=via, line=3
    )
    return Extraction(Article(doc, text, outlet, date), (quote,), (speaker,))


@dataclass
class Element:
    """One element of a page: its tag, classes, attributes, the section it is in, and its text."""

    tag: str
    classes: list[str]
    attrs: dict[str, str | None]
    section: str | None
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Page(HTMLParser):
    """Tags, attributes and text of a page, and its elements with their text."""

    VOID = frozenset({"br", "col", "hr", "img", "input", "link", "meta", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self._section: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self.ids.update(v for k, v in attrs if k == "id" and v)
        named = dict(attrs)
        if tag == "section":
            self._section = named.get("id")
        element = Element(tag, (named.get("class") or "").split(), named, self._section)
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for element in self._open:
            element.parts.append(data)

    def find(self, cls: str, *, section: str | None = None) -> list[Element]:
        """The elements of a class, in one section (a group's id) when given."""
        return [e for e in self.elements if cls in e.classes and (section is None or e.section == section)]

    def texts(self, cls: str, *, section: str | None = None) -> list[str]:
        return [e.text for e in self.find(cls, section=section)]


def parse(page: str) -> Page:
    parsed = Page()
    parsed.feed(page)
    return parsed


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
    assert not [v for k, v in parsed.attrs if k == "src" and v]
    links = [v for k, v in parsed.attrs if k == "href"]
    assert sorted(links) == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]  # the files, relative: nothing is loaded
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
    texts = {ex.article.doc: ex.article.text for ex in corpus()}
    divergences = [f for r in records for f in r["flags"] if f["type"] not in ("scare", "ranked_speaker")]
    assert {f["type"] for f in divergences} >= {"negation", "single_source", "kind_shift"}
    for f in divergences:
        assert f.get("text") or f.get("other_text"), f  # no flag without evidence words
        for side in ("", "other_"):
            if f.get(f"{side}doc") is not None:  # each side's words are the document's at its offsets
                assert texts[f[f"{side}doc"]][f[f"{side}start"] : f[f"{side}end"]] == f[f"{side}text"], f


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


def test_html_summarizes_each_group_in_one_line_from_its_flags() -> None:
    aligned = align_corpus(
        [
            *corpus(),
            one("f.txt", "I hope our two countries can seek ways to respond together to future challenges", CY),
            one(
                "g.txt",
                "President Park hopes our two countries will seek ways to respond together to future challenges",
                CY,
            ),
        ]
    )
    parsed = parse(render_alignment(aligned, AlignFormat.HTML))
    summaries = {g.id: parsed.texts("summary", section=g.id) for g in aligned.groups}
    assert sorted(summaries.values()) == [
        ["2 outlets; A.TXT leaves out “not”"],
        ["2 outlets; F.TXT says “I hope” where G.TXT quotes “President Park hopes”; 1 more difference"],
        ["2 outlets; no changed words flagged; kind shift"],
    ]


def test_html_shows_each_renderings_outlet_date_cue_channel_and_file_line() -> None:
    aligned = align_corpus(
        [
            said("news/a.txt", HOSTILE, ANN, outlet="Daily Planet", date="2025-06-09", cue="wrote on social media"),
            said("news/b.txt", HOSTILE, ANN, outlet="Le Soir", date="2025-06-10", via="Cy <b>Park</b>"),
        ]
    )
    (group,) = aligned.groups
    parsed = parse(render_alignment(aligned, AlignFormat.HTML))
    assert parsed.texts("outlet", section=group.id) == ["Daily Planet", "Le Soir"]
    assert parsed.texts("date", section=group.id) == ["2025-06-09", "2025-06-10"]
    assert parsed.texts("cue", section=group.id) == ["“wrote on social media”", "“said”"]
    assert parsed.texts("via", section=group.id) == ["via Cy <b>Park</b>"]  # escaped: text, not a tag
    links = parsed.find("where", section=group.id)
    assert [(e.text, e.attrs.get("href")) for e in links] == [
        ("news/a.txt:3", "news/a.txt"),
        ("news/b.txt:3", "news/b.txt"),
    ]


def test_html_shows_evidence_as_the_pairs_of_words_the_flags_hold() -> None:
    aligned = align_corpus(
        [
            one("a.txt", "I hope Korea and Japan can seek ways to respond together to future challenges", ANN),
            one(
                "b.txt",
                "President Lee hopes Korea and Japan will seek ways to respond together to future challenges",
                ANN,
            ),
        ]
    )
    flags = [f for ex in aligned.extractions for q in ex.quotes for f in q.flags]
    parsed = parse(render_alignment(aligned, AlignFormat.HTML))
    pairs = [(e.text, n.text) for e, n in zip(parsed.find("was"), parsed.find("now"), strict=True)]
    assert (
        sorted(pairs)
        == sorted((f"“{f.other_text}”", f"“{f.text}”") for f in flags)
        == [
            ("“President Lee”", "“I”"),
            ("“will”", "“can”"),
        ]
    )
    assert all("[" in d for d in parsed.texts("detail"))  # beside each pair: where its words are


def test_html_never_shows_an_absolute_path() -> None:
    folder = "/home/ann/news/"
    aligned = align_corpus(
        [
            said(folder + "a.txt", HOSTILE, ANN, date="2025-06-09"),
            said(folder + "b.txt", HOSTILE.replace("will open", "will not open"), ANN, date="2025-06-09"),
            said(
                folder + "c.txt",
                "the budget for rural schools must grow before the winter elections",
                CY,
                date="2025-06-09",
            ),
        ]
    )
    page = render_alignment(aligned, AlignFormat.HTML)
    assert "/home/ann" not in page  # nor in a link, a tooltip or a flag's detail
    parsed = parse(page)
    assert sorted(parsed.texts("where")) == ["news/a.txt:3", "news/b.txt:3", "news/c.txt:3"]
    assert parsed.texts("outlet") == ["news/b.txt", "news/a.txt", "news/c.txt"]  # no outlet: named by the path
    given = alignment_html(aligned, inputs=[folder])
    assert "/home/ann" not in given and parse(given).texts("input") == ["news/"]


def test_html_partial_quote_strikes_out_no_words_it_never_covered() -> None:
    words = "we will open new routes and markets for farmers next spring and we will build ten new ports in the north"
    aligned = align_corpus(
        [one("a.txt", words, ANN), one("b.txt", "new routes and markets for farmers", ANN, Kind.MIXED)]
    )
    (group,) = aligned.groups
    parsed = parse(render_alignment(aligned, AlignFormat.HTML))
    partial = [e for e in parsed.find("col", section=group.id) if "ref" not in e.classes]
    assert len(partial) == 1
    assert "new ports" not in partial[0].text and "we will open" not in partial[0].text
    assert "del" not in [e.tag for e in parsed.elements if e.section == group.id]
    assert parsed.texts("partial", section=group.id) == ["covers part of the reference"]


def test_html_footer_names_the_version_the_inputs_and_the_time_in_utc() -> None:
    aligned = align_corpus(corpus())
    seoul = datetime(2025, 6, 9, 21, 30, 5, tzinfo=timezone(timedelta(hours=9)))
    page = render_alignment(aligned, AlignFormat.HTML, inputs=["news/", "extra.txt"], now=seoul)
    assert page == render_alignment(aligned, AlignFormat.HTML, inputs=["news/", "extra.txt"], now=seoul)
    parsed = parse(page)
    (footer,) = [e for e in parsed.elements if e.tag == "footer"]
    assert f"quotes {quotes.__version__}" in footer.text
    assert parsed.texts("input") == ["news/", "extra.txt"]
    (time,) = [e for e in parsed.elements if e.tag == "time"]
    assert time.text == time.attrs["datetime"] == "2025-06-09T12:30:05Z"
    naive = render_alignment(aligned, AlignFormat.HTML, now=datetime(2025, 6, 9, 12, 30, 5))  # taken as UTC
    assert '<time datetime="2025-06-09T12:30:05Z">' in naive
    assert parse(naive).texts("input") == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]  # no inputs: the documents


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

#: Appended to a copy of the page by the browser test only (the page itself has no script): writes into the
#: page how wide the document is against the window, and any element whose right edge is past the window.
PROBE = """<script>
const root = document.documentElement;
const past = [...document.body.querySelectorAll("*")]
  .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
  .map((e) => e.tagName.toLowerCase() + "." + e.className);
const out = document.createElement("output");
out.id = "probe";
out.textContent = JSON.stringify({scroll: root.scrollWidth, client: root.clientWidth, past: past});
document.body.append(out);
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium to lay the page out (apt-get install chromium)")
def test_html_has_no_horizontal_scroll_in_a_1000px_window(tmp_path: Path) -> None:
    long_doc = "reports/" + "regional-desk-" * 12 + "copy.txt"
    token = "https://example.org/" + "very-long-path-segment-" * 10
    aligned = align_corpus(
        [
            one(long_doc, HOSTILE + " " + token, ANN),
            one("b.txt", HOSTILE.replace("will open", "will not open") + " " + token, ANN),
            one("c" * 150 + ".txt", "the budget for rural schools must grow before the winter elections", CY),
            *corpus()[3:],
        ]
    )
    page = tmp_path / "report.html"
    page.write_text(render_alignment(aligned, AlignFormat.HTML).replace("</body>", PROBE + "</body>"), "utf-8")
    assert CHROMIUM is not None
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    flags += [
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    done = subprocess.run(
        [CHROMIUM, *flags, "--window-size=1000,800", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
        check=False,
    )
    probe = [e for e in parse(done.stdout).elements if e.attrs.get("id") == "probe"]
    assert probe, done.stderr[-2000:]
    seen = json.loads(probe[0].text)
    assert 900 < seen["client"] <= 1000, seen  # the window the test asked for
    assert seen["scroll"] <= seen["client"] and not seen["past"], seen


def test_html_links_a_file_by_its_relative_path_never_as_a_url() -> None:
    aligned = align_corpus([one("javascript:alert(1).txt", HOSTILE, ANN), one("b c.txt", HOSTILE, ANN)])
    links = [(e.text, e.attrs.get("href")) for e in parse(render_alignment(aligned, AlignFormat.HTML)).find("where")]
    assert sorted(links) == [("b c.txt:1", "b%20c.txt"), ("javascript:alert(1).txt:1", "javascript%3Aalert%281%29.txt")]


def test_html_evidence_pairs_the_two_speaker_names_and_never_whole_renderings() -> None:
    """An attribution conflict shows who each side names; a kind shift shows no pair (the renderings are beside it)."""
    from quotes import extract

    docs = [
        'Anna Holt said: "We will build the new bridge over the river next spring."',
        'Tomas Berg said: "We will build the new bridge over the river next spring."',
        "Anna Holt said they would build the new bridge over the river next spring.",
    ]
    aligned = align_corpus(list(extract(docs)))
    parsed = parse(render_alignment(aligned, AlignFormat.HTML))
    pairs = {(e.text, n.text) for e, n in zip(parsed.find("was"), parsed.find("now"), strict=True)}
    assert pairs & {("“Anna Holt”", "“Tomas Berg”"), ("“Tomas Berg”", "“Anna Holt”")}
    assert not [p for p in pairs if "bridge" in p[0] or "bridge" in p[1]]
    summaries = [s for g in aligned.groups for s in parsed.texts("summary", section=g.id)]
    assert summaries and not [s for s in summaries if "bridge" in s]

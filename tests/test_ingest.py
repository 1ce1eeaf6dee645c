"""Ingest: files, folders, stdin, metadata, and one bad file never stopping the rest."""

from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import pytest

from quotes.config import MAX_ARTICLE_CHARS
from quotes.ingest import read_articles
from quotes.types import Article, Diagnostic, Level


def test_folder_reads_txt_and_md_in_order_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"caf\xe9 latin-1")
    (tmp_path / "d.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "skip.json").write_text("{}", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Diagnostic)]
    assert [Path(a.doc).name for a in articles] == ["a.md", "b.txt"]
    assert {(Path(p.doc).name, p.code) for p in problems} == {("c.txt", "E106"), ("d.txt", "E105")}
    assert all(p.level is Level.ERROR for p in problems)
    assert "iconv" in next(p.message for p in problems if p.code == "E106")


def test_missing_file_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    items = list(read_articles([tmp_path / "nope.txt", "-"], stdin=io.StringIO("From stdin.")))
    assert isinstance(items[0], Diagnostic) and items[0].code == "E102"
    assert items[1] == Article(doc="-", text="From stdin.", outlet="-")


def test_outlet_and_date_come_from_outlets_toml(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "outlets.toml").write_text(
        'event_date = "2025-01-02"\n[files."x.txt"]\noutlet = "Daily Planet"\n', encoding="utf-8"
    )
    (article,) = read_articles([tmp_path / "x.txt"])
    assert isinstance(article, Article)
    assert (article.outlet, article.date) == ("Daily Planet", "2025-01-02")


def test_broken_outlets_toml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "outlets.toml").write_text("not = [valid", encoding="utf-8")
    (item,) = read_articles([tmp_path / "x.txt"])
    assert isinstance(item, Diagnostic) and item.code == "E107"
    assert "outlets.toml" in item.message


def test_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    raw = "Line one\r\n“Quote,” she said.\n\n"
    (tmp_path / "x.txt").write_bytes(raw.encode("utf-8"))
    (article,) = read_articles([tmp_path / "x.txt"])
    assert isinstance(article, Article)
    assert article.text == (tmp_path / "x.txt").read_text(encoding="utf-8")


def test_outlet_comes_from_the_pages_address_when_outlets_toml_names_none(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("URL: https://www.example-news.com/2024/05/bridge\n\nThe mayor said so.\n")
    (tmp_path / "b.txt").write_text("https://m.daily.example.org/story\nBy Jo Li\n\nText.\n")
    (tmp_path / "c.txt").write_text("No address here. See https://example.com/x for more.\n")
    (tmp_path / "d.txt").write_text("URL: https://example.com/d\n\nText.\n")
    (tmp_path / "outlets.toml").write_text('[files."d.txt"]\noutlet = "The Daily"\n')
    arts = [a for a in read_articles([tmp_path]) if isinstance(a, Article)]
    assert [a.outlet for a in arts] == ["example-news.com", "daily.example.org", "c", "The Daily"]


def test_the_outlet_is_outlets_toml_then_the_pages_address_then_the_files_stem(tmp_path: Path) -> None:
    (tmp_path / "listed.txt").write_text("URL: https://example.com/a\n\nText.\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text("URL: https://www.example-news.com/b\n\nText.\n", encoding="utf-8")
    (tmp_path / "2025-06-09 blog.post.md").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "outlets.toml").write_text('[files."listed.txt"]\noutlet = "The Daily"\n', encoding="utf-8")
    by_name = {Path(a.doc).name: a.outlet for a in read_articles([tmp_path.resolve()]) if isinstance(a, Article)}
    assert by_name == {
        "listed.txt": "The Daily",
        "page.txt": "example-news.com",
        "2025-06-09 blog.post.md": "2025-06-09 blog.post",
    }


def test_an_outlet_is_never_missing_nor_a_path(tmp_path: Path) -> None:
    from quotes import extract

    (tmp_path / "notes.txt").write_text("“We will win,” Anna Berg said.\n", encoding="utf-8")
    sources = [
        tmp_path.resolve() / "notes.txt",
        "“No,” Ben Cole said.",
        Article(doc="c.md", text="“Yes,” Ivo Horak said."),
    ]
    outlets = [(ex.article.outlet, {q.outlet for q in ex.quotes}) for ex in extract(sources)]
    assert outlets == [("notes", {"notes"}), ("<text 1>", {"<text 1>"}), ("c", {"c"})]
    (stdin,) = read_articles(["-"], stdin=io.StringIO("URL: https://example.org/x\nText."))
    assert isinstance(stdin, Article) and stdin.outlet == "example.org"


# Hostile and large input (issue 12)

CRLF_TEXT = "Line one\r\n“Quote,” she said.\r\nLast\rline.\n"


def stdin_of(data: bytes) -> io.TextIOWrapper:
    """Standard input as Python opens it on POSIX: a text wrapper over bytes, splitting lines at ``\\n`` only."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="\n")


def only(items: list[Article | Diagnostic]) -> Article | Diagnostic:
    """The one item read."""
    (item,) = items
    return item


def test_stdin_gives_the_same_text_and_offsets_as_the_file(tmp_path: Path) -> None:
    raw = CRLF_TEXT.encode("utf-8")
    (tmp_path / "x.txt").write_bytes(raw)
    from_file = only(list(read_articles([tmp_path / "x.txt"])))
    from_stdin = only(list(read_articles(["-"], stdin=stdin_of(raw))))
    assert isinstance(from_file, Article) and isinstance(from_stdin, Article)
    assert from_stdin.text == from_file.text == "Line one\n“Quote,” she said.\nLast\nline.\n"


def test_a_text_stream_given_by_a_library_caller_is_read_like_a_file() -> None:
    item = only(list(read_articles(["-"], stdin=io.StringIO("\ufeff" + CRLF_TEXT))))
    assert isinstance(item, Article) and item.text == "Line one\n“Quote,” she said.\nLast\nline.\n"


@pytest.mark.parametrize(
    "data, code",
    [(b"caf\xe9 latin-1", "E106"), (b"\x00\x01binary", "E105"), (b"\xfe\xff\x00", "E106")],
)
def test_non_utf8_or_binary_stdin_is_a_diagnostic(data: bytes, code: str) -> None:
    item = only(list(read_articles(["-"], stdin=stdin_of(data))))
    assert isinstance(item, Diagnostic) and (item.doc, item.code, item.level) == ("-", code, Level.ERROR)


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + CRLF_TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + CRLF_TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + CRLF_TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_a_byte_order_mark_is_dropped_and_names_the_encoding(tmp_path: Path, encoded: bytes) -> None:
    (tmp_path / "x.txt").write_bytes(encoded)
    from_file = only(list(read_articles([tmp_path / "x.txt"])))
    from_stdin = only(list(read_articles(["-"], stdin=stdin_of(encoded))))
    assert isinstance(from_file, Article) and isinstance(from_stdin, Article)
    assert from_file.text == from_stdin.text == "Line one\n“Quote,” she said.\nLast\nline.\n"


def test_special_files_are_refused_without_being_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it to read would wait for a writer forever
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    pipe, zero, ok = read_articles([fifo, "/dev/zero", tmp_path / "ok.txt"])
    assert isinstance(pipe, Diagnostic) and (pipe.code, pipe.level) == ("E108", Level.ERROR)
    assert isinstance(zero, Diagnostic) and zero.code == "E108"
    assert "FIFO" in pipe.message and "character device" in zero.message
    assert isinstance(ok, Article) and ok.text == "Fine."


def test_a_document_over_the_size_cap_is_refused_and_the_others_go_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("é" * (MAX_ARTICLE_CHARS + 1), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Short.", encoding="utf-8")
    big, small = read_articles([tmp_path])
    assert isinstance(big, Diagnostic) and big.code == "E109"
    assert f"{MAX_ARTICLE_CHARS + 1:,} characters" in big.message and f"{MAX_ARTICLE_CHARS:,}" in big.message
    assert "split" in big.message
    assert isinstance(small, Article) and small.text == "Short."


def test_standard_input_is_read_no_further_than_the_cap() -> None:
    limit = 4 * MAX_ARTICLE_CHARS + 4
    stream = stdin_of(b"a" * (limit + 1000))
    item = only(list(read_articles(["-"], stdin=stream)))
    assert isinstance(item, Diagnostic) and item.code == "E109" and "split" in item.message
    assert stream.buffer.tell() <= limit


@pytest.mark.parametrize(
    "content, field",
    [
        ('[files]\n"x.txt" = "Daily Planet"\n', 'files."x.txt"'),
        ('files = "x.txt"\n', "files"),
        ('[files."x.txt"]\noutlet = 5\n', 'files."x.txt".outlet'),
        ('[files."x.txt"]\ndate = ["2025"]\n', 'files."x.txt".date'),
        ("event_date = 20250102\n", "event_date"),
    ],
)
def test_a_malformed_outlets_toml_names_the_field_and_spares_other_folders(
    tmp_path: Path, content: str, field: str
) -> None:
    for folder in ("bad", "good"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "bad" / "outlets.toml").write_text(content, encoding="utf-8")
    bad, good = read_articles([tmp_path / "bad", tmp_path / "good"])
    assert isinstance(bad, Diagnostic) and bad.code == "E107"
    assert "outlets.toml" in bad.message and field in bad.message
    assert isinstance(good, Article)


def test_an_unreadable_outlets_toml_is_a_diagnostic_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "outlets.toml").symlink_to(tmp_path / "outlets.toml")  # a loop: reading it fails
    item = only(list(read_articles([tmp_path / "x.txt"])))
    assert isinstance(item, Diagnostic) and item.code == "E107" and "outlets.toml" in item.message


WRAPPED = (Path(__file__).parent / "data" / "wrapped_wire.txt").read_text(encoding="utf-8")  # invented wire copy


def test_a_hard_wrapped_text_is_read_with_its_wraps_as_spaces() -> None:
    from quotes.ingest import unwrapped

    read = unwrapped(WRAPPED)
    assert len(read) == len(WRAPPED)  # offsets still index the text as written
    assert "where dozens of villages" in read and "Governor Anna Holt" in read
    assert read.count("\n") == 1  # the break after "officials said." ends a sentence and stays
    breaks = [k for k, c in enumerate(WRAPPED) if c == "\n"]
    assert [k for k, c in enumerate(WRAPPED) if c != read[k]] == breaks[:3] + breaks[4:]


@pytest.mark.parametrize(
    "text",
    [
        # one paragraph per line, headlines and bylines without a full stop
        "Floods hit Dunmore\nBy Anna Holt\nCrews were working on Tuesday, officials said.\n"
        "Rain will fall again, forecasters said.\nThe mayor said the town would rebuild.",
        # a page's link list: short lines, some opening in lowercase
        "Latest\n1h ago Floods hit the town\nLatest\n2h ago rain returns\nLatest\n3h ago schools shut\n\n"
        "The mayor said the town would rebuild.",
    ],
)
def test_line_breaks_of_ordinary_news_text_stay(text: str) -> None:
    from quotes.ingest import unwrapped

    assert unwrapped(text) == text


def test_html_tags_left_in_a_page_are_blanked_for_reading() -> None:
    from quotes.ingest import readable

    text = "<p>Dunmore council said the <strong>bridge</strong> would reopen.</p>\na < b and c > d"
    read = readable(text)
    assert len(read) == len(text)
    assert read.split() == [
        "Dunmore",
        "council",
        "said",
        "the",
        "bridge",
        "would",
        "reopen.",
        "a",
        "<",
        "b",
        "and",
        "c",
        ">",
        "d",
    ]

"""Ingest: files, folders, stdin, metadata, and one bad file never stopping the rest."""

from __future__ import annotations

import io
from pathlib import Path

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
    assert items[1] == Article(doc="-", text="From stdin.")


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
    assert [a.outlet for a in arts] == ["example-news.com", "daily.example.org", None, "The Daily"]

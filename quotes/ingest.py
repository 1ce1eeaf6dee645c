"""Ingest: command-line paths become articles.

Input: file paths, folders of .txt/.md, or ``-`` for standard input.
Output: ``Article`` records (exact text, outlet from ``outlets.toml``) or a ``Diagnostic`` per unreadable file.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from .errors import InputError
from .types import Article, Diagnostic, Level

#: File suffixes read from folders.
SUFFIXES = (".txt", ".md")
#: Metadata file looked for beside each article.
METADATA = "outlets.toml"


def read_articles(paths: Iterable[str | Path], *, stdin: TextIO | None = None) -> Iterator[Article | Diagnostic]:
    """Yield an article for every readable document and a diagnostic for every other.

    One broken file never stops the others. Folders are read recursively, in
    sorted order, keeping files ending in ``.txt`` or ``.md``.
    """
    for raw in paths:
        name = str(raw)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin
            text = stream.read()
            yield Article(doc="-", text=text, outlet=site_of(text))
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield _problem(name, "E101", f"folder has no {'/'.join(SUFFIXES)} files; point at a folder of articles")
            for file in files:
                yield read_article(file, doc=str(file))
        else:
            yield read_article(path, doc=name)


def read_article(path: Path, *, doc: str) -> Article | Diagnostic:
    """Read one file as UTF-8, attaching outlet and date from ``outlets.toml`` beside it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _problem(doc, "E102", "no such file; check the path")
    except IsADirectoryError:
        return _problem(doc, "E103", "is a directory; pass the folder itself to read its .txt/.md files")
    except OSError as exc:
        return _problem(doc, "E104", f"cannot be read ({exc.strerror}); check its permissions")
    if b"\x00" in data[:4096]:
        return _problem(doc, "E105", "looks binary, not text; pass plain-text or Markdown articles")
    try:
        # Universal newlines, exactly as Path.read_text(encoding="utf-8") reads the file:
        # the contract's offsets index that text.
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        return _problem(doc, "E106", f"is not UTF-8 (byte {exc.start}); convert it with `iconv -t UTF-8`")
    try:
        meta = folder_metadata(path.resolve().parent)
    except InputError as exc:
        return _problem(doc, "E107", exc.message)
    files = meta.get("files", {})
    entry = files.get(path.name, {}) if isinstance(files, dict) else {}
    outlet = entry.get("outlet") if isinstance(entry, dict) else None
    return Article(
        doc=doc,
        text=text,
        outlet=str(outlet) if outlet is not None else site_of(text),
        date=_as_str(entry.get("date", meta.get("event_date"))),
    )


#: A page's address on a header line of its own (``URL: https://…``, or the address alone) near the top.
_URL_LINE = re.compile(r"^[ \t]*(?:URL:[ \t]*)?(https?://\S+)[ \t]*$", re.MULTILINE | re.IGNORECASE)
#: Header lines searched for the page's address.
HEADER_LINES = 5


def site_of(text: str) -> str | None:
    r"""The site of the page a text was saved from, when a header line gives its address.

    Used as the outlet when ``outlets.toml`` names none.

    >>> site_of("URL: https://www.example-news.com/2024/05/story\n\nThe mayor said …")
    'example-news.com'
    """
    head = "\n".join(text.split("\n", HEADER_LINES)[:HEADER_LINES])
    match = _URL_LINE.search(head)
    if match is None:
        return None
    host = urlsplit(match.group(1)).hostname
    if not host:
        return None
    return re.sub(r"^(?:www\d?|amp|m|mobile)\.", "", host)


@lru_cache(maxsize=64)
def folder_metadata(folder: Path) -> dict[str, object]:
    """The ``outlets.toml`` of a folder, or an empty table when there is none.

    Raises:
        InputError: the file exists but is not valid TOML.
    """
    file = folder / METADATA
    if not file.is_file():
        return {}
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: invalid TOML ({exc}); fix the file or remove it") from exc


def _problem(doc: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(doc=doc, code=code, message=message, level=Level.ERROR)


def _as_str(value: object) -> str | None:
    return None if value is None else str(value)

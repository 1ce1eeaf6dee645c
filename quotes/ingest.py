"""Ingest: command-line paths become articles.

Input: file paths, folders of .txt/.md, or ``-`` for standard input.
Output: ``Article`` records (exact text, outlet resolved by ``outlet_of``) or a ``Diagnostic`` per unreadable file.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePath
from typing import IO, Any
from urllib.parse import urlsplit

from .config import MAX_ARTICLE_CHARS
from .errors import InputError
from .types import Article, Diagnostic, Level

#: File suffixes read from folders.
SUFFIXES = (".txt", ".md")
#: Metadata file looked for beside each article.
METADATA = "outlets.toml"
#: Most bytes read of one file or of standard input. A character takes at most four bytes (UTF-8, or
#: UTF-16 with a surrogate pair or a ``\r\n``) and a byte-order mark at most three, so every document
#: within ``MAX_ARTICLE_CHARS`` fits in fewer bytes, and a read that fills this many is over the cap.
MAX_BYTES = 4 * MAX_ARTICLE_CHARS + 4
#: Leading bytes (characters, for UTF-16) searched for a NUL: text never holds one, binary files do early.
BINARY_PROBE = 4096
#: Byte-order marks and the encoding each announces; text without one is read as UTF-8.
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
#: What to call the special files refused by their ``stat`` mode test.
SPECIAL_FILES = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)


def read_articles(
    paths: Iterable[str | Path], *, stdin: IO[str] | IO[bytes] | None = None
) -> Iterator[Article | Diagnostic]:
    """Yield an article for every readable document and a diagnostic for every other.

    One broken file never stops the others. Folders are read recursively, in
    sorted order, keeping files ending in ``.txt`` or ``.md``. ``-`` is ``stdin``
    (default ``sys.stdin``), decoded exactly as a file is.
    """
    for raw in paths:
        name = str(raw)
        if name == "-":
            yield read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(name)
        if path.is_dir():
            files = article_files(path)
            if not files:
                yield _problem(name, "E101", f"folder has no {'/'.join(SUFFIXES)} files; point at a folder of articles")
            for file in files:
                yield read_article(file, doc=str(file))
        else:
            yield read_article(path, doc=name)


def read_stdin(stream: IO[str] | IO[bytes] | None) -> Article | Diagnostic:
    """Standard input as an article named ``-``: its bytes (``stream.buffer`` when there is one) decoded
    as a file's, read no further than ``MAX_BYTES``."""
    if stream is None:
        return _problem("-", "E104", "there is no standard input; pass the articles as paths")
    try:
        data = _stream_bytes(stream)
    except (OSError, ValueError) as exc:  # ValueError: the stream is closed
        return _problem("-", "E104", f"standard input cannot be read ({exc}); pass the articles as paths")
    text = decode(data, doc="-")
    return text if isinstance(text, Diagnostic) else Article(doc="-", text=text, outlet=outlet_of("-", text))


def article_files(folder: Path) -> list[Path]:
    """A folder's article files: its ``.txt`` and ``.md`` files, recursively, in sorted order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def read_article(path: Path, *, doc: str) -> Article | Diagnostic:
    """Read one file (see ``decode``), attaching outlet and date from ``outlets.toml`` beside it."""
    data = read_file(path, doc=doc)
    if isinstance(data, Diagnostic):
        return data
    text = decode(data, doc=doc)
    if isinstance(text, Diagnostic):
        return text
    try:
        meta = folder_metadata(path.resolve().parent)
    except InputError as exc:
        return _problem(doc, "E107", exc.message)
    entry = meta.files.get(path.name, FileEntry())
    return Article(
        doc=doc,
        text=text,
        outlet=outlet_of(doc, text, entry.outlet),
        date=entry.date if entry.date is not None else meta.event_date,
    )


def read_file(path: Path, *, doc: str) -> bytes | Diagnostic:
    """The bytes of a regular file, at most ``MAX_BYTES`` of them; special files are refused unopened."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return _problem(doc, "E102", "no such file; check the path")
    except OSError as exc:
        return _problem(doc, "E104", f"cannot be read ({exc.strerror}); check the path and its permissions")
    if stat.S_ISDIR(info.st_mode):
        return _problem(doc, "E103", "is a directory; pass the folder itself to read its .txt/.md files")
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in SPECIAL_FILES if test(info.st_mode)), "special file")
        return _problem(doc, "E108", f"is a {kind}, not a regular file; save its text to a file, or pipe it to -")
    if info.st_size >= MAX_BYTES:
        return _too_large(doc, f"{info.st_size:,} bytes")
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it still returns.
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as fh:
            return fh.read(MAX_BYTES)
    except OSError as exc:
        return _problem(doc, "E104", f"cannot be read ({exc.strerror}); check its permissions")


def decode(data: bytes, *, doc: str) -> str | Diagnostic:
    r"""The text of a document's bytes, as the contract's offsets index it, or why it is refused.

    UTF-8, or UTF-16 when a byte-order mark says so; the mark is dropped. Newlines are universal
    (``\r\n`` and ``\r`` become ``\n``), as ``open()`` reads text. Binary data, undecodable bytes
    and documents over ``MAX_ARTICLE_CHARS`` are refused.

    >>> decode(b"\xef\xbb\xbfOne\r\ntwo\r", doc="x.txt")
    'One\ntwo\n'
    """
    if len(data) >= MAX_BYTES:
        return _too_large(doc, f"{len(data):,} bytes or more")
    bom, encoding = next(((b, e) for b, e in BOMS if data.startswith(b)), (b"", "utf-8"))
    body = data[len(bom) :]
    if encoding == "utf-8" and b"\x00" in body[:BINARY_PROBE]:
        return _binary(doc)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        named = "UTF-8" if encoding == "utf-8" else "the UTF-16 its byte-order mark announces"
        return _problem(doc, "E106", f"is not {named} (byte {len(bom) + exc.start}); convert it with `iconv -t UTF-8`")
    if encoding != "utf-8" and "\x00" in text[:BINARY_PROBE]:
        return _binary(doc)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_ARTICLE_CHARS:
        return _too_large(doc, f"{len(text):,} characters")
    return text


#: Unpaired UTF-16 surrogates: a text that holds one was decoded wrongly and cannot be written out as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def checked(article: Article) -> Article | Diagnostic:
    """An article given as text by a library caller, checked as a file's text is: at most
    ``MAX_ARTICLE_CHARS`` characters (E109), and no unpaired surrogate (E110), which no file decodes to;
    with no outlet, its outlet resolved as a file's is (``outlet_of``)."""
    if len(article.text) > MAX_ARTICLE_CHARS:
        return _too_large(article.doc, f"{len(article.text):,} characters")
    bad = _SURROGATE.search(article.text)
    if bad is not None:
        return _problem(
            article.doc,
            "E110",
            f"holds an unpaired surrogate (U+{ord(bad.group()):04X} at offset {bad.start()}); "
            "decode the text with errors='replace', or read the file by its path",
        )
    return article if article.outlet is not None else replace(article, outlet=outlet_of(article.doc, article.text))


def _stream_bytes(stream: IO[str] | IO[bytes]) -> bytes:
    """At most ``MAX_BYTES`` bytes of a stream: of its binary buffer when it has one; a text stream
    without one is encoded back to UTF-8 (a lone surrogate becomes bytes that do not decode)."""
    buffer: Any = getattr(stream, "buffer", None)
    chunk = (buffer if buffer is not None else stream).read(MAX_BYTES)
    return chunk if isinstance(chunk, bytes) else str(chunk).encode("utf-8", "surrogatepass")


#: A date stamp that opens a stored web page, or a line of it: ``date 2024-02-19``, ``Published:
#: 2024-02-19T08:00Z``. Page furniture: never a quote or a speaker, and no subject of the sentence after it.
DATE_STAMP = re.compile(
    r"\s*((?:date|published|updated|posted)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class FileEntry:
    """What ``outlets.toml`` says of one file."""

    outlet: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """A folder's ``outlets.toml``: the event's date and an entry per file name."""

    event_date: str | None = None
    files: Mapping[str, FileEntry] = field(default_factory=dict)


@lru_cache(maxsize=64)
def folder_metadata(folder: Path) -> Metadata:
    """The ``outlets.toml`` of a folder, or empty metadata when there is none.

    The file holds an optional top-level ``event_date`` and a ``[files."<name>"]`` table per file
    with an optional ``outlet`` and ``date``; dates are strings or TOML dates.

    Raises:
        InputError: the file cannot be read, is not TOML, or a field has the wrong shape (named in the message).
    """
    file = folder / METADATA
    try:
        mode = os.stat(file).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return Metadata()
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror}); fix or remove it") from exc
    if not stat.S_ISREG(mode):
        raise InputError(f"{file}: not a regular file; make it a TOML file or remove it")
    data = read_file(file, doc=str(file))
    text = data if isinstance(data, Diagnostic) else decode(data, doc=str(file))
    if isinstance(text, Diagnostic):
        raise InputError(f"{file}: {text.message}")
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{file}: invalid TOML ({exc}); fix the file or remove it") from exc
    return _metadata(table, file)


def _metadata(table: Mapping[str, Any], file: Path) -> Metadata:
    """Validate a parsed ``outlets.toml``."""
    files = table.get("files", {})
    if not isinstance(files, dict):
        raise InputError(f'{file}: files must be a table of [files."<file name>"] tables, not {_shown(files)}')
    entries: dict[str, FileEntry] = {}
    for name, entry in files.items():
        where = f"files.{_toml_key(name)}"
        if not isinstance(entry, dict):
            raise InputError(f'{file}: {where} must be a table ([{where}] then outlet = "…"), not {_shown(entry)}')
        outlet = entry.get("outlet")
        if outlet is not None and not isinstance(outlet, str):
            raise InputError(f'{file}: {where}.outlet must be a string (outlet = "Daily Planet"), not {_shown(outlet)}')
        entries[name] = FileEntry(outlet=outlet, date=_date(entry.get("date"), file, f"{where}.date"))
    return Metadata(event_date=_date(table.get("event_date"), file, "event_date"), files=entries)


def _date(value: object, file: Path, where: str) -> str | None:
    """A date field of ``outlets.toml`` as text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, date):
        return str(value)
    raise InputError(f'{file}: {where} must be a date, "2025-06-09" or 2025-06-09, not {_shown(value)}')


#: A page's address on a header line of its own (``URL: https://…``, or the address alone) near the top.
_URL_LINE = re.compile(r"^[ \t]*(?:URL:[ \t]*)?(https?://\S+)[ \t]*$", re.MULTILINE | re.IGNORECASE)
#: Header lines searched for the page's address.
HEADER_LINES = 5


def outlet_of(doc: str, text: str, listed: str | None = None) -> str:
    r"""The outlet of a document, the one rule every output shows: the outlet ``outlets.toml`` lists
    for it (``listed``), else the site of the page it was saved from (``site_of``), else its file's
    name without folder and suffix; a document with no file is named as given (``-`` for standard
    input, ``<text 1>`` for a text handed to the library). Never a folder path.

    >>> outlet_of("/home/me/news/2025-06-09 blog.txt", "Text.")
    '2025-06-09 blog'
    >>> outlet_of("news/a.txt", "URL: https://www.example.com/a\n\nText.")
    'example.com'
    """
    if listed is not None:
        return listed
    return site_of(text) or printable(PurePath(doc).stem or doc)


def printable(name: str) -> str:
    """A file name as UTF-8 can hold it (an index, a JSON line, a terminal): bytes that are not UTF-8,
    which Python reads as surrogate escapes, written ``\\xff``.

    >>> printable("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


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


def _problem(doc: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(doc=doc, code=code, message=message, level=Level.ERROR)


def _binary(doc: str) -> Diagnostic:
    return _problem(doc, "E105", "looks binary, not text; pass plain-text or Markdown articles")


def _too_large(doc: str, size: str) -> Diagnostic:
    return _problem(
        doc,
        "E109",
        f"is too large ({size}; the limit is {MAX_ARTICLE_CHARS:,} characters); split it into smaller documents",
    )


def _shown(value: object) -> str:
    """A TOML value as the message shows it: its type and, when short, itself."""
    shown = repr(value)
    return f"{type(value).__name__} {shown}" if len(shown) <= 40 else type(value).__name__


def _toml_key(name: str) -> str:
    """A key as written in TOML: bare when it can be, else quoted."""
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: Characters that may end a line at a sentence's or paragraph's end; a hard-wrapped line ends mid-sentence.
LINE_END_MARKS = tuple('.!?:;"”’)]')
#: Fewest lines of a hard-wrapped text that end mid-sentence before a lowercase word, and their least share of
#: the line breaks between lines of text: below them line breaks are paragraphs, as in most news files.
WRAPPED_MIN_LINES = 3
WRAPPED_MIN_SHARE = 0.3
#: A line shorter than this share of the text's median line length ends where its writer ended it (a byline, a
#: heading), not where a wrap cut it.
WRAPPED_LINE_SHARE = 0.6


def unwrapped(text: str) -> str:
    r"""The text with the line breaks of hard-wrapped paragraphs made spaces, one character for one, so that offsets
    still index the text as read; the text itself when it is not hard-wrapped.

    Wire copy from terminals and old feed pages breaks its lines at about seventy characters
    (``… where snow had\ncut off dozens …``); read as a paragraph per line, each sentence would be cut into pieces. A
    text counts as hard-wrapped when at least ``WRAPPED_MIN_LINES`` lines of ordinary length (``WRAPPED_LINE_SHARE``
    of the median) end with no closing mark before a line that opens in lowercase, and they are
    ``WRAPPED_MIN_SHARE`` of its line breaks; then every such line's break is a space.

    >>> wire = ("Crews worked on Tuesday to clear roads in\nthe hills, where snow had cut off dozens\nof villages, the "
    ...         "council said.\nThe mayor told reporters that\nmore than 300 homes had lost power.")
    >>> unwrapped(wire).split("\n")[0]
    'Crews worked on Tuesday to clear roads in the hills, where snow had cut off dozens of villages, the council said.'
    >>> len(unwrapped(wire)) == len(wire)
    True
    >>> unwrapped("Headline\n\nBerg said: \"We will win.\"\nNovak disagreed.")
    'Headline\n\nBerg said: "We will win."\nNovak disagreed.'
    """
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < WRAPPED_MIN_LINES + 1:
        return text
    least = WRAPPED_LINE_SHARE * lengths[len(lengths) // 2]
    soft: list[int] = []  # offsets of the line breaks that a wrap made
    lowercase = breaks = 0
    at = 0
    for line, following in zip(lines, lines[1:], strict=False):
        at += len(line) + 1
        body, nxt = line.rstrip(), following.lstrip()
        if not body or not nxt:
            continue
        breaks += 1
        if body.endswith(LINE_END_MARKS) or len(body) < least:
            continue
        soft.append(at - 1)
        lowercase += nxt[0].islower()
    if lowercase < WRAPPED_MIN_LINES or lowercase < WRAPPED_MIN_SHARE * breaks:
        return text
    chars = list(text)
    for k in soft:
        chars[k] = " "
    return "".join(chars)


#: An HTML tag left in a page's text (``<strong>``, ``</p>``, ``<a href="…">``): markup, not words.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")


def readable(text: str) -> str:
    """The text as the parser should read it, one character for one so that offsets still index the text as
    read: hard-wrapped lines joined (``unwrapped``) and HTML tags left in a page's text blanked out
    (``<strong>Berg says …</strong>``: the tag is no part of the words around it).

    >>> readable("<strong>Berg said</strong> so.")
    '        Berg said          so.'
    """
    text = unwrapped(text)
    if "<" not in text:
        return text
    return HTML_TAG.sub(lambda m: " " * len(m.group()), text)

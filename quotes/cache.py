"""Cache: per-document extractions kept on disk, so unchanged articles are not parsed again.

Input: an ``Article`` (its text and metadata) and the ``Settings``. Output: the ``Extraction``
stored for the same text, metadata, model, code and data, or ``None`` (then the caller extracts).

One JSON file per entry under ``$QUOTES_CACHE`` (else ``$XDG_CACHE_HOME/quotes``, else
``~/.cache/quotes``); ``QUOTES_CACHE=off`` turns the cache off. The key is the SHA-256 of the
document text together with everything else that changes an extraction: the outlet and date
from ``outlets.toml``, the spaCy pipeline (name and version) and spaCy's version, this
package's version and a hash of its code and of the files in ``quotes/data/``. The document
name is not in the key: an entry is re-labelled with the name it is read under. Entries are
written to a temporary file and renamed into place, so an interrupted write leaves no partial
entry; an entry that cannot be read or does not check out is a miss, never an error.
Only the per-document step is cached: cross-document speaker unification is redone each time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from .config import Settings
from .types import Article, Diagnostic, Extraction, Flag, Kind, Level, Quote, Speaker, SpeakerKind

#: Environment variable naming the cache folder, or ``off`` to turn the cache off.
CACHE_ENV = "QUOTES_CACHE"
#: Values of ``$QUOTES_CACHE`` that turn the cache off.
OFF = frozenset({"off", "0", "false", "no", "none"})
#: Version of the entry layout; bump it when the JSON shape below changes.
FORMAT = 1


def cache_dir() -> Path | None:
    """The cache folder the environment names, or ``None`` when ``QUOTES_CACHE=off``."""
    env = os.environ.get(CACHE_ENV, "").strip()
    if env:
        return None if env.lower() in OFF else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "quotes"


@dataclass(frozen=True, slots=True)
class ExtractionCache:
    """Extractions on disk under ``folder``, valid for one ``fingerprint`` (model, code, data)."""

    folder: Path
    fingerprint: str

    def key(self, article: Article) -> str:
        """The entry key of an article: its text's SHA-256, its metadata and the fingerprint."""
        text_hash = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
        parts = [FORMAT, self.fingerprint, text_hash, article.outlet, article.date]
        return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        """Where the entry of ``key`` lives."""
        return self.folder / "extractions" / key[:2] / f"{key}.json"

    def load(self, article: Article) -> Extraction | None:
        """The cached extraction of ``article``, named ``article.doc``; ``None`` on a miss or a bad entry."""
        key = self.key(article)
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            return _decode(data, key, article)
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None

    def save(self, extraction: Extraction) -> None:
        """Store an extraction of one read document; failures to write are ignored."""
        if extraction.errors:
            return
        key = self.key(extraction.article)
        target = self.path(key)
        text = json.dumps(_encode(extraction, key), ensure_ascii=False, separators=(",", ":"))
        try:
            write_atomically(target, text)
        except OSError:
            return


def open_cache(settings: Settings) -> ExtractionCache | None:
    """The extraction cache for these settings, or ``None`` when it is off or the pipeline is unknown."""
    folder = cache_dir()
    if folder is None:
        return None
    model = model_identity(settings.model_names())
    if model is None:
        return None
    return ExtractionCache(folder=folder, fingerprint=f"{model}|{code_identity()}")


def model_identity(names: tuple[str, ...]) -> str | None:
    """Name and version of the first installed pipeline of ``names`` (as ``nlp.load`` picks it),
    with spaCy's version; ``None`` when none is installed."""
    spacy_version = _version("spacy")
    for name in names:
        version = _version(name)
        if version is not None:
            return f"{name}=={version};spacy=={spacy_version}"
        meta = Path(name) / "meta.json"
        if meta.is_file():
            digest = hashlib.sha256(meta.read_bytes()).hexdigest()[:16]
            return f"{Path(name).resolve()}@{digest};spacy=={spacy_version}"
    return None


@lru_cache(maxsize=1)
def code_identity() -> str:
    """This package's version and a hash of its code and of every file in ``quotes/data/``."""
    from . import __version__

    digest = hashlib.sha256()
    package = Path(__file__).parent
    for file in sorted(package.rglob("*.py")):
        digest.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    data = resources.files("quotes.data")
    for item in sorted(data.iterdir(), key=lambda t: t.name):
        if item.is_file() and not item.name.endswith((".pyc", ".py")):
            digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return f"quotes=={__version__};{digest.hexdigest()[:32]}"


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except (metadata.PackageNotFoundError, ValueError):
        return None


def _encode(ex: Extraction, key: str) -> dict[str, Any]:
    """An extraction as JSON data, without its document name and text (the key stands for them)."""
    return {
        "key": key,
        "quotes": [_quote_row(q) for q in ex.quotes],
        "reports": [_quote_row(q) for q in ex.reports],
        "speakers": [[s.id, s.name, s.kind.value, s.role, s.body, list(s.aliases)] for s in ex.speakers],
        "diagnostics": [[d.code, d.message, d.offset, d.level.value, d.line] for d in ex.diagnostics],
    }


def _decode(data: dict[str, Any], key: str, article: Article) -> Extraction | None:
    """The extraction an entry holds, named ``article.doc``; ``None`` when the entry is not for this key
    or its offsets do not fit the text.

    Raises:
        KeyError, TypeError, ValueError, IndexError: the entry is malformed (the caller treats it as a miss).
    """
    if data["key"] != key:
        return None
    quotes, reports = _quotes_of(data["quotes"], article), _quotes_of(data.get("reports", []), article)
    if quotes is None or reports is None:
        return None
    speakers = tuple(
        Speaker(
            id=str(sid),
            name=str(name),
            kind=SpeakerKind(kind),
            role=_opt(role),
            body=_opt(body),
            aliases=tuple(str(a) for a in aliases),
        )
        for sid, name, kind, role, body, aliases in data["speakers"]
    )
    diagnostics = tuple(
        Diagnostic(
            doc=article.doc,
            code=str(code),
            message=str(message),
            offset=None if offset is None else int(offset),
            level=Level(level),
            line=None if line is None else int(line),
        )
        for code, message, offset, level, line in data["diagnostics"]
    )
    return Extraction(article=article, quotes=quotes, speakers=speakers, diagnostics=diagnostics, reports=reports)


def _quote_row(q: Quote) -> list[Any]:
    """A quote as a row of JSON data, without its document (the entry's key stands for it)."""
    return [
        q.start,
        q.end,
        q.kind.value,
        q.speaker,
        q.speaker_id,
        q.speaker_mention,
        list(q.speaker_span) if q.speaker_span else None,
        q.cue,
        q.via,
        q.group,
        [f.to_dict() for f in q.flags],
        q.line,
    ]


def _quotes_of(rows: list[Any], article: Article) -> tuple[Quote, ...] | None:
    """The quotes the rows hold, in ``article``; ``None`` when one's offsets do not fit the text."""
    quotes = []
    for row in rows:
        quote = _quote_of(row, article)
        if quote is None:
            return None
        quotes.append(quote)
    return tuple(quotes)


def _quote_of(row: list[Any], article: Article) -> Quote | None:
    """The quote a row holds, in ``article``; ``None`` when its offsets do not fit the text.

    Raises:
        KeyError, TypeError, ValueError, IndexError: the row is malformed (the caller treats it as a miss).
    """
    start, end, kind, speaker, sid, mention, span, cue, via, group, flags, line = row
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(article.text)):
        return None
    return Quote(
        doc=article.doc,
        outlet=article.outlet,
        start=start,
        end=end,
        text=article.text[start:end],
        kind=Kind(kind),
        speaker=_opt(speaker),
        speaker_id=_opt(sid),
        speaker_mention=_opt(mention),
        speaker_span=(int(span[0]), int(span[1])) if span is not None else None,
        cue=_opt(cue),
        via=_opt(via),
        group=_opt(group),
        flags=tuple(Flag(**f) for f in flags),
        line=int(line),
    )


def _opt(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"expected a string or null, got {type(value).__name__}")
    return value


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file of its own in the same folder, renamed over it: a
    reader sees the old file or the new one, never half of one, and two writers never share a temporary file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

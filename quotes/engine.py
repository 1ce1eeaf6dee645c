"""Engine: the corpus step on a dask.distributed cluster, and its result written as JSONL or Parquet shards.

Input: file and folder paths (and a scheduler address, or none for a cluster on this machine).
Output: what ``quotes.extract`` gives for the same paths (``extract_dask``), or ``align_corpus`` of it.

The per-document work is the local engine's (``pipeline.extract_each``), run on each partition of a
``dask.bag`` of document files; speaker unification (``speakers.unify``) is the reduce step over all of
them, so the records, their order and the speakers' names equal ``quotes.extract``'s. Workers read the
files themselves: on a cluster of several machines they need the same files at the same paths (a shared
filesystem), and ``quotes`` with the same spaCy pipeline installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import nlp as _nlp
from . import render as _render
from . import speakers as _speakers
from .align import Alignment, Weights, align_corpus
from .config import Settings
from .errors import InputError, OutputError
from .ingest import article_files
from .pipeline import extract_each
from .types import Extraction

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client

#: Workers of the cluster started on this machine when no scheduler is named: two processes of one thread
#: each. spaCy's parser holds the GIL, so processes, not threads, run documents side by side.
LOCAL_WORKERS = 2
#: Seconds to wait for a named scheduler to answer before giving up (distributed's own default is 30).
CONNECT_SECONDS = 10
#: Quote records per JSONL shard written by ``write_shards``: about 50 MB at the 500 bytes a record of
#: seeds/ takes on average, small enough to open in an editor, few enough files for a large corpus.
SHARD_RECORDS = 100_000
#: Name of the ``number``-th shard, by its format (``jsonl`` or ``parquet``).
SHARD_NAME = "part-{number:05d}.{suffix}"
#: The formats shards can be written in.
SHARD_FORMATS = ("jsonl", "parquet")
MISSING = "the dask engine needs `pip install quotes[dask]`"
MISSING_PARQUET = "Parquet shards need pyarrow: `pip install quotes[parquet]`, or write JSONL shards"


def extract_dask(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    speakers: Path | None = None,
    cache: bool = True,
    scheduler: str | None = None,
    partitions: int | None = None,
) -> list[Extraction]:
    """``quotes.extract`` of file and folder paths, with the documents extracted on a dask cluster.

    ``scheduler``: a dask scheduler's address (``tcp://host:8786``), or ``None`` for a cluster of
    ``LOCAL_WORKERS`` processes on this machine, started and stopped by the call. ``partitions``: how
    many pieces the documents are cut in (one per document when ``None``). ``settings``, ``speakers``
    and ``cache`` as ``quotes.extract`` takes them; the result is the same, in the same order.

    Raises:
        InputError: dask is not installed, a path is ``-`` (standard input), ``partitions`` is below 1,
            or no scheduler answers.
    """
    _need_dask()
    import dask.bag

    if partitions is not None and partitions < 1:
        raise InputError(f"partitions must be 1 or more, not {partitions}")
    files = documents(paths)
    authority = _speakers.load_authority(speakers) if speakers is not None else None
    if not files:
        return []
    settings = pinned(settings or Settings())
    items = dask.bag.from_sequence(files, npartitions=min(partitions or len(files), len(files)))
    per_document = items.map_partitions(_extract_part, settings=settings, cache=cache)
    corpus = per_document.reduction(list, _unified, split_every=False)
    with _client(scheduler) as client:
        client.run(_warm, settings)
        out: list[Extraction] = client.compute(corpus, sync=True)
    return _speakers.apply_authority(out, authority) if authority else out


def align_dask(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    speakers: Path | None = None,
    cache: bool = True,
    scheduler: str | None = None,
    partitions: int | None = None,
    weights: Weights = Weights(),
) -> Alignment:
    """``quotes.align`` of file and folder paths, the documents extracted on a dask cluster (``extract_dask``).

    The grouping runs here, on the unified extractions (``align_corpus``), as ``quotes.align`` does.
    """
    extractions = extract_dask(
        paths, settings=settings, speakers=speakers, cache=cache, scheduler=scheduler, partitions=partitions
    )
    return align_corpus(extractions, weights=weights)


def documents(paths: Iterable[str | Path]) -> list[Path]:
    """The documents ``quotes.extract`` reads for ``paths``, in its order: each folder's ``.txt`` and ``.md``
    files, recursively and sorted (as ``ingest.read_articles`` lists them), any other path as given. A
    folder without such files stays, so that a worker reports it (E101) as the local engine does.

    Raises:
        InputError: a path is ``-``: workers cannot read this process's standard input.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            raise InputError("the dask engine reads files on its workers, not standard input; save it to a file")
        files = article_files(path) if path.is_dir() else []
        out.extend(files or [path])
    return out


def pinned(settings: Settings) -> Settings:
    """The settings with the pipeline this process would load named outright, when it names one
    (``--model`` or ``$QUOTES_MODEL``), so workers with another environment load the same."""
    names = settings.model_names()
    return replace(settings, model=names[0]) if settings.model is None and len(names) == 1 else settings


def _extract_part(files: Sequence[Path], *, settings: Settings, cache: bool) -> list[Extraction]:
    """The map step, on a worker: the local engine's extraction of one partition of documents.

    ``nlp.load`` loads the pipeline once per worker process and registers ``quotes_paragraphs`` there.
    """
    return list(extract_each(list(files), settings=settings, cache=cache))


def _unified(parts: Iterable[Iterable[Extraction]]) -> list[Extraction]:
    """The reduce step: every partition's extractions, in order, with one id and name per speaker."""
    return _speakers.unify(chain.from_iterable(parts))


def _warm(settings: Settings) -> str:
    """Load the pipeline in a worker, so that a missing model fails once, before any document is sent."""
    return _nlp.pipeline(settings).meta.get("name", "")  # type: ignore[no-any-return]


@contextmanager
def _client(scheduler: str | None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster started for the call and stopped after
    (``_need_dask`` checked first)."""
    import distributed

    if scheduler is None:
        cluster = distributed.LocalCluster(
            n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True, dashboard_address=None
        )
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(f"no dask scheduler answers at {scheduler!r} ({exc}); start one or fix --scheduler") from exc
    with client:
        yield client


def _need_dask() -> None:
    """Check that ``dask.bag`` and ``distributed`` can be imported.

    Raises:
        InputError: they are not installed (the ``dask`` extra).
    """
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise InputError(MISSING) from exc


def write_shards(
    extractions: Iterable[Extraction], folder: Path, *, per_shard: int = SHARD_RECORDS, shard_format: str = "jsonl"
) -> list[Path]:
    """Write the quote records (``Quote.to_dict``, as ``quotes extract --format jsonl`` prints them) to
    ``folder/part-00000.jsonl``, ``part-00001.jsonl`` … (or ``.parquet`` with ``shard_format="parquet"``:
    one row per record, the columns the contract's fields, ``parts`` null when a quote has none),
    ``per_shard`` records each, in order; the folder is made if missing. Each shard is written to a
    temporary file and renamed into place. No records still give one (empty) shard, so a finished run
    always leaves ``part-00000``.

    Returns:
        The shards written, in order.

    Raises:
        InputError: ``per_shard`` is below 1, the format is unknown, Parquet is asked for without
            pyarrow, or ``folder`` holds shards already.
        OutputError: the folder or a shard cannot be written.
    """
    if per_shard < 1:
        raise InputError(f"per_shard must be 1 or more, not {per_shard}")
    write = shard_writer(shard_format)
    if folder.is_dir() and any(folder.glob("part-*.*")):
        raise InputError(f"{folder}: holds shards of an earlier run; remove them or name another folder")
    records = [q.to_dict() for ex in extractions for q in ex.quotes]
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number, start in enumerate(range(0, max(len(records), 1), per_shard)):
            shard = folder / SHARD_NAME.format(number=number, suffix=shard_format)
            tmp = shard.with_name(f".{shard.name}.tmp")
            write(records[start : start + per_shard], tmp)
            os.replace(tmp, shard)
            written.append(shard)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write shards ({exc.strerror or exc}); check the folder") from exc
    return written


def shard_writer(shard_format: str) -> Callable[[list[dict[str, Any]], Path], None]:
    """What writes one shard of records in ``shard_format`` (``SHARD_FORMATS``); called before a long run
    too, so that a format that cannot be written fails before any document is read.

    Raises:
        InputError: the format is unknown, or Parquet is asked for without pyarrow.
    """
    if shard_format not in SHARD_FORMATS:
        raise InputError(f"shards are written as {' or '.join(SHARD_FORMATS)}, not {shard_format!r}")
    return _parquet_writer() if shard_format == "parquet" else _write_jsonl


def _write_jsonl(records: list[dict[str, Any]], path: Path) -> None:
    path.write_text(_render.jsonl_text(records), encoding="utf-8")


def _parquet_writer() -> Callable[[list[dict[str, Any]], Path], None]:
    """A writer of records as one Parquet file, with the contract's schema (``parquet_schema``).

    Raises:
        InputError: pyarrow is not installed (the ``parquet`` extra).
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError(MISSING_PARQUET) from exc
    schema = parquet_schema()

    def write(records: list[dict[str, Any]], path: Path) -> None:
        rows = [dict(r, parts=r.get("parts")) for r in records]  # a quote of one remark has no parts: null
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)

    return write


def parquet_schema() -> pa.Schema:
    """The Arrow schema of a quote record (CONTRACT.md): one column per field, flags and parts as lists
    of structs with every structured flag field (unset ones null)."""
    import pyarrow as pa

    flag = pa.struct(
        [("type", pa.string()), ("detail", pa.string())]
        + [(name, pa.string()) for name in ("doc", "text", "other_doc", "other_text")]
        + [(name, pa.int64()) for name in ("start", "end", "other_start", "other_end")]
    )
    part = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("group", pa.string())])
    types = {
        "start": pa.int64(),
        "end": pa.int64(),
        "speaker_span": pa.list_(pa.int64()),
        "flags": pa.list_(flag),
        "parts": pa.list_(part),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in _render.RECORD_FIELDS])


__all__ = [
    "CONNECT_SECONDS",
    "LOCAL_WORKERS",
    "SHARD_FORMATS",
    "SHARD_RECORDS",
    "align_dask",
    "documents",
    "extract_dask",
    "parquet_schema",
    "pinned",
    "shard_writer",
    "write_shards",
]

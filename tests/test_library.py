"""The library mirrors the CLI: a function per command with the same names, the same records and names."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import quotes
from quotes.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
runner = CliRunner()

#: Options that choose how a command prints its result; the library returns records instead.
RENDERING_OPTIONS = {"format", "width"}
#: The library function each command calls (``verify --claims`` calls ``verify_file``).
MIRRORS: dict[str, tuple[Callable[..., Any], set[str]]] = {
    "table": (quotes.extract, RENDERING_OPTIONS),
    # --stream calls extract_each; --engine and --scheduler call quotes.engine.extract_dask; --output and --shards
    # call quotes.engine.write_shards (its folder and shard_format)
    "extract": (quotes.extract, RENDERING_OPTIONS | {"stream", "engine", "scheduler", "output", "shards"}),
    "align": (quotes.align, RENDERING_OPTIONS | {"engine", "scheduler"}),  # --engine dask: quotes.engine.align_dask
    "verify": (quotes.verify, RENDERING_OPTIONS | {"claims"}),
    "check": (quotes.check, RENDERING_OPTIONS),
}


def _cli(*args: str) -> str:
    from quotes.cli import app

    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_command_has_a_library_function_of_its_name() -> None:
    for name in ("extract", "align", "verify", "check"):
        assert callable(getattr(quotes, name)) and name in quotes.__all__
    assert inspect.isclass(quotes.Index)
    # the stages behind them still import as modules
    assert importlib.import_module("quotes.align.grouping").align_corpus is quotes.align_corpus
    from quotes.align.grouping import align_corpus
    from quotes.verify.rules import decide

    assert callable(align_corpus) and callable(decide)


@pytest.mark.parametrize("command", sorted(MIRRORS))
def test_every_option_of_a_command_is_a_keyword_of_its_library_function(command: str) -> None:
    from typer.main import get_command

    from quotes.cli import app

    function, rendering = MIRRORS[command]
    params = get_command(app).commands[command].params  # type: ignore[attr-defined]
    options = {p.name for p in params if p.param_type_name == "option"} - rendering
    keywords = set(inspect.signature(function).parameters) | {f.name for f in dataclasses.fields(Settings)}
    assert options <= keywords, f"quotes {command}: {sorted(options - keywords)} have no keyword"


def test_index_add_takes_the_options_of_quotes_index_add() -> None:
    from typer.main import get_command

    from quotes.cli import app

    add = get_command(app).commands["index"].commands["add"]  # type: ignore[attr-defined]
    options = {p.name for p in add.params if p.param_type_name == "option"} - {"db"}
    keywords = set(inspect.signature(quotes.Index.add).parameters) | {f.name for f in dataclasses.fields(Settings)}
    assert options <= keywords


def test_align_takes_paths_or_extractions_and_groups_as_the_cli_does() -> None:
    from quotes.align import align_corpus

    expected = align_corpus(quotes.extract_corpus([SEEDS])).groups
    assert expected
    assert quotes.align([SEEDS]).groups == expected
    assert quotes.align(SEEDS).groups == expected
    assert quotes.align(quotes.extract_corpus([SEEDS])).groups == expected


def test_verify_takes_the_sources_as_the_cli_names_them(tmp_path: Path) -> None:
    claim = "In today's strategic environment, the importance of Korea-Japan relations is shrinking."
    db = tmp_path / "seeds.db"
    with quotes.Index(db, create=True) as index:
        index.add([SEEDS])
    verdicts = [
        quotes.verify(claim, speaker="Lee", against=SEEDS),
        quotes.verify(claim, speaker="Lee", against=str(SEEDS)),
        quotes.verify(claim, speaker="Lee", against=[SEEDS]),
        quotes.verify(claim, speaker="Lee", db=db),
    ]
    assert {v.outcome for v in verdicts} == {quotes.Outcome.DIVERGENT}
    assert len({(v.evidence.doc, v.evidence.start, v.evidence.similarity) for v in verdicts if v.evidence}) == 1
    with pytest.raises(quotes.InputError):
        quotes.verify(claim, against=[SEEDS], db=db)


def test_check_takes_one_draft_as_the_cli_does(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("“The importance of Korea-Japan relations is growing,” Lee said.\n", encoding="utf-8")
    assert [v.outcome for _, v in quotes.check(draft, against=SEEDS)] == [quotes.Outcome.VERBATIM]


def test_quote_to_dict_is_the_record_the_cli_prints(seed_extractions: list[quotes.Extraction]) -> None:
    printed = [json.loads(line) for line in _cli("extract", str(SEEDS)).splitlines()]
    records = [q.to_dict() for ex in quotes.extract(SEEDS) for q in ex.quotes]
    assert records == printed
    assert all("line" not in r and isinstance(r["kind"], str) for r in records)
    assert json.loads(json.dumps(records)) == records  # plain JSON data: enums as their values, lists not tuples


def test_extraction_to_dict_holds_its_article_quotes_and_speakers() -> None:
    (ex,) = quotes.extract("“We will win,” Anna Berg said.")
    data = ex.to_dict()
    assert data["doc"] == "<text 0>" and data["quotes"] == [q.to_dict() for q in ex.quotes]
    assert data["speakers"] == [
        {"id": "anna-berg", "name": "Anna Berg", "kind": "person", "role": None, "body": None, "aliases": ["Anna Berg"]}
    ]
    assert json.loads(json.dumps(data)) == data


def test_library_extract_names_speakers_as_the_cli_does() -> None:
    printed = [json.loads(line) for line in _cli("extract", str(SEEDS)).splitlines()]
    library = [q for ex in quotes.extract(SEEDS) for q in ex.quotes]
    assert [(q.speaker, q.via) for q in library] == [(r["speaker"], r["via"]) for r in printed]
    assert "Kang Yu-jung" in {q.via for q in library} and "Kang Yoo-jung" not in {q.via for q in library}


def test_extract_each_streams_one_document_at_a_time_with_its_own_names() -> None:
    stream = quotes.extract_each([SEEDS / "003_5591c58bd861a794.txt", SEEDS / "000_5c5de1f1776c55ac.txt"])
    first = next(stream)
    assert first.article.doc.endswith("003_5591c58bd861a794.txt")
    assert "Kang Yoo-jung" in {q.via for q in first.quotes}  # named as this document names her

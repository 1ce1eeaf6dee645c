"""The command line, through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes import __version__
from quotes.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"quotes {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_a_readme_mention(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"quotes {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_extract_writes_contract_records_with_exact_offsets(tmp_path: Path) -> None:
    text = "Intro.\n“We will win,” Anna Berg said. Berg added that the team was ready for the final.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["kind"] for r in records} == {"direct", "indirect"}
    for r in records:
        assert r["text"] == text[r["start"] : r["end"]]
        assert r["speaker"] == "Anna Berg" and r["doc"] == str(tmp_path / "a.txt")


def test_table_reads_stdin() -> None:
    result = runner.invoke(app, ["table", "-", "--format", "csv"], input="“We will win,” Anna Berg said.\n")
    assert result.exit_code == 0
    assert 'Anna Berg,direct,said,"We will win,",-:1' in result.stdout


def test_bad_file_is_one_line_on_stderr_and_the_rest_still_printed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("“We will win,” Anna Berg said.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["table", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["speaker"] == "Anna Berg"
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and re.match(r"quotes: .*bad\.txt: error E10\d: ", errors[0])


def test_unbalanced_mark_warns_with_position_and_keeps_the_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("He said “oops.\nAnna Berg said, “We will win.”", encoding="utf-8")
    result = runner.invoke(app, ["table", str(tmp_path / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "a.txt:1:9: warning W202" in result.stderr
    assert json.loads(result.stdout)["text"] == "We will win."


def test_missing_model_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(app, ["table", str(tmp_path / "a.txt"), "--model", "no_such_pipeline"])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "Q200" in result.stderr and "--model" in result.stderr

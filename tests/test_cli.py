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


SEEDS = ROOT / "seeds"
VERBATIM = "in today’s STRATEGIC environment, the importance of korea-japan relations is growing"
CLOSE = "In today's strategic environment, the importance of Korea-Japan relations is growing even further"
MISQUOTE = "This year marks the 70th anniversary of the normalization of Korea-Japan relations"


def _claims_file(tmp_path: Path, *lines: str) -> Path:
    file = tmp_path / "claims.jsonl"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def _claim(text: str, speaker: str | None = "Lee Jae-myung") -> str:
    return json.dumps({"claim": text, "speaker": speaker}, ensure_ascii=False)


def test_verify_claims_file_writes_one_json_line_per_claim_with_its_line(tmp_path: Path) -> None:
    file = _claims_file(tmp_path, _claim(VERBATIM), "", _claim(MISQUOTE))
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS), "--format", "json"])
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["verdict"], r["ok"]) for r in records] == [(1, "verbatim", True), (3, "divergent", False)]
    assert result.stderr == ""


def test_verify_claims_file_exits_0_when_all_pass_and_prints_reports_and_a_summary(tmp_path: Path) -> None:
    file = _claims_file(tmp_path, _claim(VERBATIM), _claim(CLOSE))
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert f"ok   {file}:1\nVERBATIM" in result.stdout and f"ok   {file}:2\nCLOSE" in result.stdout
    assert result.stdout.endswith("2 claims verified, 2 ok, 0 failed\n")


def test_verify_claims_file_strict_fails_a_close_claim(tmp_path: Path) -> None:
    file = _claims_file(tmp_path, _claim(VERBATIM), _claim(CLOSE))
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS), "--strict", "-f", "json"])
    assert result.exit_code == 1
    assert [json.loads(line)["ok"] for line in result.stdout.splitlines()] == [True, False]


def test_verify_claims_file_bad_line_is_one_stderr_line_and_the_rest_are_verified(tmp_path: Path) -> None:
    file = _claims_file(tmp_path, _claim(VERBATIM), "{not json", '{"speaker": "Lee"}', _claim(CLOSE))
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS), "-f", "json"])
    assert result.exit_code == 2
    assert [json.loads(line)["line"] for line in result.stdout.splitlines()] == [1, 4]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"quotes: {file}:2: error E111: not JSON")
    assert errors[1].startswith(f'quotes: {file}:3: error E112: no "claim" key')


def test_verify_claims_from_stdin_and_more_against_paths(tmp_path: Path) -> None:
    one, two = sorted(SEEDS.glob("*.txt"))[:2]
    args = ["verify", "--claims", "-", "--against", str(one), str(two), "-f", "json"]
    result = runner.invoke(app, args, input=_claim(VERBATIM) + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdict"] == "verbatim"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a claim", "--claims", "claims.jsonl", "--against", "seeds"], "not both"),
        (["--claims", "claims.jsonl", "--speaker", "Lee", "--against", "seeds"], "--speaker"),
        (["--against", "seeds"], "CLAIM"),
    ],
    ids=["claim-and-claims", "speaker-with-claims", "neither"],
)
def test_verify_claims_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["verify", *args])
    assert result.exit_code == 2 and message in result.output


def test_verify_missing_claims_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["verify", "--claims", str(tmp_path / "none.jsonl"), "--against", str(SEEDS)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Q100" in result.stderr and "none.jsonl" in result.stderr

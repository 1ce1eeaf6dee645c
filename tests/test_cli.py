"""The command line, through typer's CliRunner."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from typer.testing import CliRunner

from quotes import __version__, cli
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
    (tmp_path / "bad.txt").write_bytes(b"\xff\xff\x00bad")  # not a byte-order mark: binary
    result = runner.invoke(app, ["table", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["speaker"] == "Anna Berg"
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and re.match(r"quotes: .*bad\.txt: error E10\d: ", errors[0])


def test_a_five_megabyte_article_is_one_error_line_and_the_twenty_others_are_printed(tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"{i:02}.txt").write_text(f'"We will build {i} schools," Smith said.\n', encoding="utf-8")
    (tmp_path / "huge.txt").write_text("Prices rose again. " * 275_000, encoding="utf-8")  # 5.2 MB
    result = runner.invoke(app, ["table", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 20
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and re.match(r"quotes: .*huge\.txt: error E109: is too large", errors[0])


def test_unbalanced_mark_warns_with_position_and_keeps_the_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("He said “oops.\nAnna Berg said, “We will win.”", encoding="utf-8")
    result = runner.invoke(app, ["table", str(tmp_path / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "a.txt:1:9: warning W202" in result.stderr
    assert json.loads(result.stdout)["text"] == "We will win."


@pytest.mark.parametrize("model", ["no_such_pipeline", "blank:zz", "broken folder", "blank:en"])
def test_missing_or_broken_model_is_one_clear_line(tmp_path: Path, model: str) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    if model == "broken folder":
        model = str(tmp_path / "model")
        (tmp_path / "model").mkdir()
        (tmp_path / "model" / "meta.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["table", str(tmp_path / "a.txt"), "--model", model], env={"QUOTES_CACHE": "off"})
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "[Q200]" in result.stderr and "--model" in result.stderr


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


# -- hostile and large input (issue 12) -----------------------------------------------------------


def _raise(exc: BaseException) -> Callable[..., NoReturn]:
    def fail(*args: object, **kwargs: object) -> NoReturn:
        raise exc

    return fail


def test_unexpected_error_is_one_coded_line_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "extract_corpus", _raise(RuntimeError("boom\n  at the second line")))
    result = runner.invoke(app, ["table", str(SEEDS)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "quotes: error: [Q900] internal error: RuntimeError: boom at the second line; "
        "please report it (rerun with --debug for the trace)\n"
    )
    assert "Traceback" not in result.output


def test_debug_option_or_variable_lets_the_trace_of_an_unexpected_error_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "extract_corpus", _raise(RuntimeError("boom")))
    for args, env in ((["--debug"], {}), ([], {"QUOTES_DEBUG": "1"})):
        result = runner.invoke(app, [*args, "table", str(SEEDS)], env=env)
        assert isinstance(result.exception, RuntimeError) and "Q900" not in result.stderr, args


def test_interrupt_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "verify", _raise(KeyboardInterrupt()))
    result = runner.invoke(app, ["verify", VERBATIM, "--against", str(SEEDS)])
    assert result.exit_code == 130 and result.stderr == "quotes: interrupted\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["table", "seeds", "--format", "xml"], "'xml' is not one of"),
        (["align", "seeds", "--width", "0"], "'--width'"),
        (["table", "seeds", "--width", "-5"], "'--width'"),
        (["table", "seeds", "--speakers", "seeds"], "is a directory"),
        (["--no-such-option"], "--no-such-option"),
        (["tabel", "seeds"], "no such command 'tabel'"),
        (["table"], "missing argument"),
        (["eval", "--golden", "golden"], "give --golden FOLDER with article PATHs"),
    ],
    ids=["format", "width-0", "width-negative", "speakers-folder", "option", "command", "no-paths", "eval-no-paths"],
)
def test_usage_mistake_is_one_coded_line_and_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("quotes: error: [Q100] ")
    assert message in result.stderr and "--help`" in result.stderr


def _quotes(*args: str, stdout: int) -> subprocess.CompletedProcess[str]:
    """``quotes ARGS`` in a child process, its standard output on file descriptor ``stdout``."""
    command = [sys.executable, "-m", "quotes", *args]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_on_stdout_is_one_coded_line() -> None:
    with open("/dev/full", "w") as full:
        done = _quotes("table", str(SEEDS / "000_5c5de1f1776c55ac.txt"), stdout=full.fileno())
    assert done.returncode == 1
    assert done.stderr.startswith("quotes: error: [Q500] cannot write the output (No space left on device)")
    assert done.stderr.count("\n") == 1


def test_closed_pipe_on_stdout_is_quiet_and_exits_141() -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = _quotes("table", str(SEEDS / "000_5c5de1f1776c55ac.txt"), stdout=write)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, "")


HOSTILE = "We will \x1b[31mwin\x1b]0;pwned\x07 the \x9b2J final"
RAW = {"\x1b", "\x07", "\x9b"}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Two outlets' articles whose quote and outlet carry terminal escape sequences, and a claims file."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a.txt", "b.txt"):
        (articles / name).write_text(f"“{HOSTILE},” Anna Berg said.\n", encoding="utf-8")
    (articles / "outlets.toml").write_text(
        '[files."a.txt"]\noutlet = "Daily\\u001b]0;pwned\\u0007"\n[files."b.txt"]\noutlet = "Other"\n', encoding="utf-8"
    )
    (tmp_path / "claims.jsonl").write_text(_claim("We will win the final", "Anna Berg") + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["table", "{a}"],
        ["table", "{a}", "--format", "markdown"],
        ["speakers", "{a}"],
        ["align", "{a}"],
        ["verify", "We will win the final", "--against", "{a}"],
        ["verify", "--claims", "{claims}", "--against", "{a}"],
        ["check", "{a}/a.txt", "--against", "{a}/b.txt"],
    ],
    ids=["table", "markdown", "speakers", "align", "verify", "verify-claims", "check"],
)
def test_human_readable_output_shows_control_characters_escaped(hostile: Path, args: list[str]) -> None:
    paths = {"a": str(hostile / "articles"), "claims": str(hostile / "claims.jsonl")}
    result = runner.invoke(app, [a.format(**paths) for a in args])
    assert result.exit_code in (0, 1), result.output
    assert not RAW & set(result.stdout + result.stderr)
    assert "\\x1b]0;pwned\\x07" in result.stdout


def test_json_output_keeps_the_exact_text_with_no_raw_control_character(hostile: Path) -> None:
    articles = str(hostile / "articles")
    extracted = runner.invoke(app, ["extract", articles])
    verified = runner.invoke(app, ["verify", "We will win the final", "--against", articles, "-f", "json"])
    assert not RAW & set(extracted.stdout + verified.stdout)
    assert {json.loads(line)["text"] for line in extracted.stdout.splitlines()} == {HOSTILE + ","}
    assert json.loads(verified.stdout)["evidence"]["text"] == HOSTILE + ","


def test_file_name_with_control_characters_is_escaped_in_its_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "bad\x1b[2J.txt").write_bytes(b"\x00binary")
    result = runner.invoke(app, ["table", str(tmp_path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "bad\\x1b[2J.txt: error E105" in result.stderr

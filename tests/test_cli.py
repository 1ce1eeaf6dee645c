"""The command line, through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

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
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert (row["doc"], row["text"], row["kind"], row["speaker"], row["cue"]) == (
        "-",
        "We will win,",
        "direct",
        "Anna Berg",
        "said",
    )


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
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS), "--format", "jsonl"])
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
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS), "--strict", "-f", "jsonl"])
    assert result.exit_code == 1
    assert [json.loads(line)["ok"] for line in result.stdout.splitlines()] == [True, False]


def test_verify_claims_file_bad_line_is_one_stderr_line_and_the_rest_are_verified(tmp_path: Path) -> None:
    file = _claims_file(tmp_path, _claim(VERBATIM), "{not json", '{"speaker": "Lee"}', _claim(CLOSE))
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS), "-f", "jsonl"])
    assert result.exit_code == 1
    assert [json.loads(line)["line"] for line in result.stdout.splitlines()] == [1, 4]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"quotes: {file}:2: error E111: not JSON")
    assert errors[1].startswith(f'quotes: {file}:3: error E112: no "claim" key')


def test_verify_claims_from_stdin_and_more_against_paths(tmp_path: Path) -> None:
    one, two = sorted(SEEDS.glob("*.txt"))[:2]
    args = ["verify", "--claims", "-", "--against", str(one), str(two), "-f", "jsonl"]
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


def test_verify_missing_claims_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["verify", "--claims", str(tmp_path / "none.jsonl"), "--against", str(SEEDS)])
    assert result.exit_code == 1 and result.stdout == ""
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
        (["table", "seeds", "--format", "xml"], "'xml' is not a --format value; choose table, markdown"),
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


# -- one consistent interface (issue 13) ----------------------------------------------------------

#: The two shapes of a line on stderr: a document's diagnostic and a command's error.
DOCUMENT_LINE = re.compile(r"quotes: \S.*: (error|warning) [EW]\d{3}: \S.*")
COMMAND_LINE = re.compile(r"quotes: error: \[Q\d{3}\] \S.*")
FIRST_SEED = str(SEEDS / "000_5c5de1f1776c55ac.txt")


def _shaped(stderr: str) -> bool:
    """Whether every line of ``stderr`` has one of the two shapes."""
    return all(DOCUMENT_LINE.fullmatch(line) or COMMAND_LINE.fullmatch(line) for line in stderr.splitlines())


def test_an_unreadable_input_exits_1_with_one_line_and_nothing_on_stdout_in_every_command(tmp_path: Path) -> None:
    nope, db = str(tmp_path / "nope"), str(tmp_path / "nope.db")
    commands = [
        ["table", nope],
        ["extract", nope],
        ["speakers", nope],
        ["align", nope],
        ["index", "add", nope, "--db", db],
        ["index", "list", "--db", db],
        ["index", "stats", "--db", db],
        ["verify", "humiliating", "--against", nope],
        ["verify", "humiliating", "--db", db],
        ["check", nope, "--against", FIRST_SEED],
        ["check", FIRST_SEED, "--against", nope],
        ["check", FIRST_SEED, "--db", db],
    ]
    for args in commands:
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stdout) == (1, ""), (args, result.output)
        assert result.stderr.count("\n") == 1 and _shaped(result.stderr), (args, result.stderr)
        assert "nope" in result.stderr, args


def test_index_add_of_unreadable_paths_makes_no_index_file(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["index", "add", str(tmp_path / "nope"), "--db", str(db)])
    assert result.exit_code == 1 and "E102" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", FIRST_SEED], "give the sources to verify against: --against PATH... or --db FILE"),
        (["verify", "humiliating"], "give the sources to verify against: --against PATH... or --db FILE"),
        (["index", "list"], "--db FILE or set QUOTES_DB"),
        (["index", "stats"], "--db FILE or set QUOTES_DB"),
    ],
    ids=["check", "verify", "index-list", "index-stats"],
)
def test_no_sources_or_index_given_is_a_usage_mistake_that_says_what_to_give(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUOTES_DB", raising=False)
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and result.stdout == ""
    assert COMMAND_LINE.fullmatch(result.stderr.strip()) and message in result.stderr


def test_index_remove_names_each_document_not_in_the_index(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    assert runner.invoke(app, ["index", "add", FIRST_SEED, "--db", db]).exit_code == 0
    result = runner.invoke(app, ["index", "remove", "gone.txt", FIRST_SEED, "away.md", "--db", db])
    assert result.exit_code == 1 and result.stdout == "1 removed\n"
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and _shaped(result.stderr)
    assert "gone.txt: not in the index" in lines[0] and "away.md: not in the index" in lines[1]


def test_every_stderr_line_has_one_of_two_shapes(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("“We will win,” Anna Berg said. He said “oops.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00binary")
    db = str(tmp_path / "q.db")
    runs = [
        ["table", str(tmp_path)],
        ["table", str(tmp_path / "good.txt"), "--model", "blank:zz"],
        ["index", "add", str(tmp_path), "--db", db],
        ["index", "remove", "gone.txt", "--db", db],
        ["check", str(tmp_path / "nope.md"), str(tmp_path / "good.txt"), "--against", FIRST_SEED],
        ["verify", "--claims", str(tmp_path / "good.txt"), "--against", FIRST_SEED],
    ]
    for args in runs:
        result = runner.invoke(app, args, env={"QUOTES_CACHE": "off"})
        assert result.stderr and _shaped(result.stderr), (args, result.stderr)


FORMATS = ["table", "markdown", "csv", "json", "jsonl"]


def _parsed(fmt: str, out: str) -> Any:
    """The output of a command in ``fmt``, parsed as that format says (a failed parse raises)."""
    if fmt == "json":
        return json.loads(out)
    if fmt == "jsonl":
        return [json.loads(line) for line in out.splitlines()]
    if fmt == "csv":
        assert "\r" not in out
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(row) for row in rows}) == 1 and len(rows) > 1
        return rows
    if fmt == "markdown":
        assert out.startswith(("|", "### "))
    return out


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "{seeds}"],
        ["table", "{seeds}"],
        ["speakers", "{seeds}"],
        ["align", "{seeds}"],
        ["verify", "humiliating", "--against", "{seeds}"],
        ["check", "{draft}", "--against", "{seeds}"],
        ["index", "list", "--db", "{db}"],
        ["index", "stats", "--db", "{db}"],
    ],
    ids=["extract", "table", "speakers", "align", "verify", "check", "index-list", "index-stats"],
)
def test_every_command_takes_the_same_formats(tmp_path: Path, args: list[str]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "“In today’s strategic environment, the importance of Korea-Japan relations is growing,” Lee said."
    )
    paths = {"seeds": str(SEEDS), "draft": str(draft), "db": str(tmp_path / "q.db")}
    if "index" in args:
        assert runner.invoke(app, ["index", "add", str(SEEDS), "--db", paths["db"]]).exit_code == 0
    out = {}
    for fmt in FORMATS:
        result = runner.invoke(app, [*(a.format(**paths) for a in args), "--format", fmt])
        assert result.exit_code == 0, (fmt, result.output)
        out[fmt] = _parsed(fmt, result.stdout)
    fields, header = list(out["jsonl"][0]), out["csv"][0]
    assert header[: len(fields)] == fields and set(header) - set(fields) <= {"parts"}  # one column per record field


def test_extract_writes_jsonl_by_default_and_the_same_records_as_csv() -> None:
    jsonl = runner.invoke(app, ["extract", FIRST_SEED]).stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["extract", FIRST_SEED, "-f", "csv"]).stdout)))
    records = [json.loads(line) for line in jsonl.splitlines()]
    assert [r["text"] for r in rows] == [r["text"] for r in records] and len(rows) > 3
    assert [json.loads(r["flags"]) for r in rows] == [r["flags"] for r in records]


def test_align_csv_has_the_jsonl_records_with_their_group_and_flags() -> None:
    records = [
        json.loads(line) for line in runner.invoke(app, ["align", str(SEEDS), "-f", "jsonl"]).stdout.splitlines()
    ]
    result = runner.invoke(app, ["align", str(SEEDS), "-f", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["doc"], int(r["start"]), r["group"] or None) for r in rows] == [
        (r["doc"], r["start"], r["group"]) for r in records
    ]
    assert any(json.loads(r["flags"]) for r in rows)


def test_check_json_is_a_summary_and_the_results(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"“{MISQUOTE},” Lee said.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), "--against", str(SEEDS), "-f", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"quotes": 1, "ok": 0, "failed": 1, "unread": 0}
    assert [(r["line"], r["verdict"]) for r in data["results"]] == [(1, "divergent")]


def test_verify_claims_file_json_is_one_document_with_a_summary(tmp_path: Path) -> None:
    file = _claims_file(tmp_path, _claim(VERBATIM), "{not json", _claim(MISQUOTE))
    result = runner.invoke(app, ["verify", "--claims", str(file), "--against", str(SEEDS), "-f", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"claims": 2, "ok": 1, "failed": 1, "bad_lines": 1}
    assert [(r["line"], r["verdict"]) for r in data["results"]] == [(1, "verbatim"), (3, "divergent")]


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (["table", "seeds", "-f", "xml"], "choose table, markdown, csv, json or jsonl"),
        (["align", "seeds", "-f", "pdf"], "choose table, markdown, csv, json, jsonl or html"),
        (["verify", "x", "--against", "seeds", "-f", "yaml"], "choose table, markdown, csv, json or jsonl"),
    ],
    ids=["table", "align", "verify"],
)
def test_a_bad_format_lists_the_choices_of_the_command(args: list[str], choices: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and COMMAND_LINE.fullmatch(result.stderr.strip())
    assert choices in result.stderr and "Value error" not in result.stderr


SUBCOMMANDS = [[c] for c in COMMANDS] + [["index", c] for c in ("add", "list", "stats", "remove")]


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_dash_h_is_help_on_every_command(command: list[str]) -> None:
    short, long = runner.invoke(app, [*command, "-h"]), runner.invoke(app, [*command, "--help"])
    assert short.exit_code == 0 and short.stdout == long.stdout


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        (["table"], "quotes table PATH... [OPTIONS]"),
        (["extract"], "quotes extract PATH... [OPTIONS]"),
        (["verify"], "quotes verify CLAIM (--against PATH... | --db FILE) [OPTIONS]"),
        (["check"], "quotes check DRAFT (--against PATH... | --db FILE) [OPTIONS]"),
        (["index", "add"], "quotes index add PATH... --db FILE [OPTIONS]"),
        (["index", "remove"], "quotes index remove DOC... --db FILE [OPTIONS]"),
    ],
    ids=["table", "extract", "verify", "check", "index-add", "index-remove"],
)
def test_usage_lines_read_like_the_readme(command: list[str], usage: str) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.stdout.startswith(f"Usage: {usage}\n")


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_help_shows_names_not_python_types(command: list[str]) -> None:
    out = runner.invoke(app, [*command, "--help"]).stdout
    assert not re.search(r"\{[a-z_]+\}|<(str|int|list\[str\]|path|file|int range)>", out), out


def test_verify_refuses_extra_words_after_the_claim_and_takes_more_paths_after_against() -> None:
    one, two = sorted(SEEDS.glob("*.txt"))[:2]
    result = runner.invoke(app, ["verify", "We will win", "the final", "--against", str(one), str(two)])
    assert result.exit_code == 2 and result.stdout == ""
    assert "extra words after the claim are not allowed" in result.stderr
    assert '"We will win the final"' in result.stderr and "no such file" not in result.stderr
    assert runner.invoke(app, ["verify", "humiliating", "--against", str(one), str(two), "--strict"]).exit_code == 0


def test_table_follows_the_terminal_width_unless_width_is_given() -> None:
    from quotes.forms import text_width

    fitted = runner.invoke(app, ["table", str(SEEDS)], env={"COLUMNS": "100"}).stdout.splitlines()
    assert len(fitted) > 10 and max(text_width(line) for line in fitted) <= 100
    wide = runner.invoke(app, ["table", str(SEEDS), "--width", "150"], env={"COLUMNS": "100"}).stdout.splitlines()
    assert max(text_width(line) for line in wide) > 150


@pytest.mark.parametrize("command", [["extract"], ["table"], ["speakers"], ["align"], ["eval"], ["index", "add"]])
def test_commands_that_extract_take_jobs(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "--jobs" in result.stdout


def test_extract_in_two_processes_prints_what_one_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    import quotes.nlp as nlp

    monkeypatch.setattr(nlp, "PARALLEL_MIN_DOCS", 1)  # five seeds are enough to start two processes
    started: list[int] = []
    processes = nlp.processes
    monkeypatch.setattr(nlp, "processes", lambda jobs, docs: started.append(processes(jobs, docs)) or started[-1])
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["extract", str(SEEDS), "--jobs", jobs], env={"QUOTES_CACHE": "off"})
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert started == [1, 2] and outputs[0] == outputs[1] and outputs[0].count("\n") > 20


def test_extract_stream_writes_a_documents_records_before_the_next_is_extracted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import quotes.pipeline as pipeline

    for name, who in (("a.txt", "Anna Berg"), ("b.txt", "Peter Novak")):
        (tmp_path / name).write_text(f"“We will win,” {who} said.\n", encoding="utf-8")
    events: list[str] = []
    extract_parsed, emit = pipeline.extract_parsed, cli._emit
    monkeypatch.setattr(
        pipeline, "extract_parsed", lambda a, d: events.append(f"extract {a.doc}") or extract_parsed(a, d)
    )
    monkeypatch.setattr(cli, "_emit", lambda text: events.append(f"write {json.loads(text)['doc']}") or emit(text))
    result = runner.invoke(app, ["extract", "--stream", str(tmp_path)], env={"QUOTES_CACHE": "off"})
    assert result.exit_code == 0, result.output
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    assert events == [f"extract {a}", f"write {a}", f"extract {b}", f"write {b}"]


def test_extract_stream_names_speakers_per_document_as_the_library_does() -> None:
    from quotes import extract, extract_each

    result = runner.invoke(app, ["extract", "--stream", str(SEEDS)])
    assert result.exit_code == 0, result.output
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    assert printed == [q.to_dict() for ex in extract_each(SEEDS) for q in ex.quotes]
    assert printed == [q.to_dict() for ex in extract(SEEDS, stream=True) for q in ex.quotes]
    assert {"Kang Yoo-jung", "Kang Yu-jung"} <= {r["via"] for r in printed}  # each document's own spelling


def test_progress_forced_draws_a_bar_on_stderr_and_nothing_on_stdout() -> None:
    result = runner.invoke(app, ["--progress", "extract", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "documents: 100%" in result.stderr and "5/5" in result.stderr and "doc/s" in result.stderr
    assert "documents" not in result.stdout and "doc/s" not in result.stdout


def test_index_add_progress_counts_unchanged_and_unreadable_documents_too(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    assert runner.invoke(app, ["index", "add", FIRST_SEED, "--db", db]).exit_code == 0
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(app, ["--progress", "index", "add", str(SEEDS), missing, "--db", db])
    assert "6/6" in result.stderr and "documents: 100%" in result.stderr  # 4 extracted, 1 unchanged, 1 unreadable
    assert result.stdout.startswith("4 added, 0 replaced, 1 unchanged")


def test_eval_progress_counts_the_documents_scored() -> None:
    result = runner.invoke(app, ["--progress", "eval", "--golden", str(ROOT / "golden"), str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "5/5" in result.stderr and "doc/s" in result.stderr and "doc/s" not in result.stdout


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    result = runner.invoke(app, ["--quiet", "table", str(SEEDS)])
    assert result.exit_code == 0 and result.stderr == ""


def test_quiet_keeps_warnings_off_stderr_but_not_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("“We will win,” Anna Berg said.\n“Unclosed, she said.\n", encoding="utf-8")
    args = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]
    loud, quiet = runner.invoke(app, args), runner.invoke(app, ["--quiet", *args])
    assert "warning W202" in loud.stderr
    assert ": warning W" not in quiet.stderr and "error E102" in quiet.stderr
    assert quiet.exit_code == loud.exit_code == 1 and quiet.stdout == loud.stdout != ""

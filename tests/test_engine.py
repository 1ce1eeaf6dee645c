"""The dask engine gives what the local corpus step gives: the same records, order and names."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes import engine
from quotes.config import MODEL_ENV, Settings
from quotes.errors import InputError
from quotes.ingest import read_articles
from quotes.types import Part

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

#: A person named in two romanizations across documents: ``speakers.unify`` gives one name.
GENERATED = {
    "a/kang-1.txt": 'SEOUL -- Kang Yoo-jung said on Monday that talks would go on.\n"We will not back down," she said.',
    "a/kang-2.txt": '"Talks will go on," Kang Yu-jung told reporters in Seoul.\n"We will not back down," Kang said.\n',
    "b/kang-3.md": 'Kang Yu-jung, the foreign minister, said: "We are ready to talk."\n',
    "b/smith.txt": '"We will cut taxes next year," Smith said.\nSmith added: "Nobody will pay more."\n',
}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a cluster of two worker processes (one thread each), shared by the module's tests."""
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (the `dask` extra)")
    pytest.importorskip("dask.bag", reason="dask is not installed (the `dask` extra)")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield str(cluster.scheduler_address)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """seeds/, a folder of generated articles (one of them binary, so unreadable) and a folder with none."""
    root = tmp_path_factory.mktemp("corpus")
    for name, text in GENERATED.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "a" / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    (root / "empty").mkdir()
    return [SEEDS, root, root / "empty"]


def _records(extractions: list[quotes.Extraction]) -> list[dict[str, Any]]:
    return [q.to_dict() for ex in extractions for q in ex.quotes]


@pytest.mark.parametrize("partitions", [1, 3, None])
def test_extract_dask_gives_the_records_of_extract_in_the_same_order(
    scheduler: str, corpus: list[Path], partitions: int | None
) -> None:
    local = quotes.extract(corpus, cache=False)
    remote = engine.extract_dask(corpus, scheduler=scheduler, partitions=partitions, cache=False)
    assert _records(remote) == _records(local)
    assert [ex.to_dict() for ex in remote] == [ex.to_dict() for ex in local]  # documents, speakers, diagnostics


def test_extract_dask_names_a_speaker_once_across_partitions(scheduler: str, corpus: list[Path]) -> None:
    extractions = engine.extract_dask([corpus[1]], scheduler=scheduler, partitions=len(GENERATED) + 1, cache=False)
    kang = {q.speaker for ex in extractions for q in ex.quotes if q.speaker_id == "kang-yu-jung"}
    alone = {q.speaker for ex in quotes.extract_each([corpus[1]], cache=False) for q in ex.quotes}
    assert "Kang Yoo-jung" in alone  # each document on its own keeps its spelling ...
    assert kang == {"Kang Yu-jung"}  # ... the reduce step gives the most used one everywhere


def test_extract_dask_reports_unreadable_documents_in_their_place(scheduler: str, corpus: list[Path]) -> None:
    extractions = engine.extract_dask(corpus[1:], scheduler=scheduler, cache=False)
    docs = [ex.article.doc for ex in extractions]
    assert docs == [str(p) for p in engine.documents(corpus[1:])]
    broken = extractions[docs.index(str(corpus[1] / "a" / "broken.txt"))]
    assert broken.errors and not broken.quotes
    assert [d.code for d in extractions[-1].errors] == ["E101"]  # the folder without articles


def test_extract_dask_applies_the_authority_file(scheduler: str, corpus: list[Path], tmp_path: Path) -> None:
    authority = tmp_path / "speakers.toml"
    authority.write_text('[[speaker]]\nid = "kyj"\nname = "Kang Yu-jung (minister)"\naliases = ["Kang Yu-jung"]\n')
    remote = engine.extract_dask([corpus[1]], scheduler=scheduler, speakers=authority, cache=False)
    assert _records(remote) == _records(quotes.extract([corpus[1]], speakers=authority, cache=False))
    assert "Kang Yu-jung (minister)" in {q.speaker for ex in remote for q in ex.quotes}


def test_align_dask_groups_as_align_does(scheduler: str, corpus: list[Path]) -> None:
    assert engine.align_dask(corpus, scheduler=scheduler, cache=False) == quotes.align(corpus, cache=False)


def test_extract_dask_of_nothing_is_nothing_without_a_cluster() -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed (the `dask` extra)")
    assert engine.extract_dask([], scheduler="tcp://nowhere.invalid:8786") == []


def test_an_unreachable_scheduler_is_a_one_line_input_error(
    monkeypatch: pytest.MonkeyPatch, corpus: list[Path]
) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed (the `dask` extra)")
    monkeypatch.setattr(engine, "CONNECT_SECONDS", 1)
    with pytest.raises(InputError, match="no dask scheduler answers at 'tcp://127.0.0.1:9'") as caught:
        engine.extract_dask(corpus[:1], scheduler="tcp://127.0.0.1:9")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("module", ["distributed", "dask.bag"])
def test_without_dask_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # `import` of a None entry raises ImportError
    with pytest.raises(InputError) as caught:
        engine.extract_dask([SEEDS])
    assert str(caught.value) == "[Q100] the dask engine needs `pip install quotes[dask]`"


def test_documents_lists_the_files_ingest_reads_in_its_order(corpus: list[Path]) -> None:
    read = [item.doc for item in read_articles(corpus)]
    assert [str(p) for p in engine.documents(corpus)] == read


def test_documents_refuses_standard_input() -> None:
    with pytest.raises(InputError, match="not standard input"):
        engine.documents([SEEDS, "-"])


def test_pinned_settings_name_the_model_the_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV, "my_pipeline")
    assert engine.pinned(Settings()).model == "my_pipeline"
    assert engine.pinned(Settings(model="other")).model == "other"
    monkeypatch.delenv(MODEL_ENV)
    assert engine.pinned(Settings()) == Settings()  # the defaults are tried in order, on each worker


def test_write_shards_splits_the_records_in_order(tmp_path: Path, seed_extractions: list[quotes.Extraction]) -> None:
    shards = engine.write_shards(seed_extractions, tmp_path / "out", per_shard=10)
    records = _records(seed_extractions)
    assert [p.name for p in shards] == [f"part-{n:05d}.jsonl" for n in range(-(-len(records) // 10))]
    lines = [json.loads(line) for p in shards for line in p.read_text(encoding="utf-8").splitlines()]
    assert lines == records
    assert all(len(p.read_text(encoding="utf-8").splitlines()) <= 10 for p in shards)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in shards]  # no temporary left


def test_write_shards_of_no_records_leaves_one_empty_shard(tmp_path: Path) -> None:
    shards = engine.write_shards([], tmp_path)
    assert [p.name for p in shards] == ["part-00000.jsonl"] and shards[0].read_text() == ""


def test_write_shards_refuses_a_folder_with_shards(tmp_path: Path) -> None:
    (tmp_path / "part-00000.jsonl").write_text("{}\n")
    with pytest.raises(InputError, match="holds shards of an earlier run"):
        engine.write_shards([], tmp_path)
    assert (tmp_path / "part-00000.jsonl").read_text() == "{}\n"


@pytest.mark.parametrize("per_shard", [0, -1])
def test_write_shards_refuses_fewer_than_one_record_per_shard(tmp_path: Path, per_shard: int) -> None:
    with pytest.raises(InputError, match="per_shard must be 1 or more"):
        engine.write_shards([], tmp_path / "out", per_shard=per_shard)
    assert not (tmp_path / "out").exists()


def _without_nulls(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as the JSON record it was: unset flag fields and a null ``parts`` left out."""
    out = dict(row, flags=[{k: v for k, v in f.items() if v is not None} for f in row["flags"]])
    if out.get("parts") is None:
        out.pop("parts", None)
    return out


def test_parquet_shards_hold_the_records_in_order(tmp_path: Path, seed_extractions: list[quotes.Extraction]) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
    shards = engine.write_shards(seed_extractions, tmp_path / "out", per_shard=10, shard_format="parquet")
    records = _records(seed_extractions)
    assert [p.name for p in shards] == [f"part-{n:05d}.parquet" for n in range(-(-len(records) // 10))]
    rows = [row for p in shards for row in pq.read_table(p).to_pylist()]
    assert [_without_nulls(r) for r in rows] == records
    assert pq.read_table(shards[0]).schema == engine.parquet_schema()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in shards]  # no temporary left


def test_parquet_shards_keep_parts_and_structured_flag_fields(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
    flag = quotes.Flag("number", "70th / 60th", doc="a.txt", start=3, end=7, text="70th")
    quote = quotes.Quote("a.txt", "A", 0, 20, "x" * 20, quotes.Kind.DIRECT, flags=(flag,))
    quote = replace(quote, parts=(Part(0, 9, "g-1"), Part(10, 20, "g-2")))
    ex = quotes.Extraction(article=quotes.Article(doc="a.txt", text="x" * 20), quotes=(quote,))
    (shard,) = engine.write_shards([ex], tmp_path, shard_format="parquet")
    assert [_without_nulls(r) for r in pq.read_table(shard).to_pylist()] == [quote.to_dict()]


def test_shards_in_an_unknown_format_or_parquet_without_pyarrow_are_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError, match="written as jsonl or parquet, not 'csv'"):
        engine.write_shards([], tmp_path / "a", shard_format="csv")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(InputError) as caught:
        engine.write_shards([], tmp_path / "b", shard_format="parquet")
    assert "pip install quotes[parquet]" in str(caught.value)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_the_command_writes_parquet_shards_and_refuses_shards_without_output(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
    from typer.testing import CliRunner

    from quotes.cli import app

    runner = CliRunner()
    done = runner.invoke(app, ["extract", str(SEEDS), "--output", str(tmp_path / "out"), "--shards", "parquet"])
    assert done.exit_code == 0, done.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["part-00000.parquet"]
    refused = runner.invoke(app, ["extract", str(SEEDS), "--shards", "parquet"])
    assert refused.exit_code == 2 and "give --output DIR" in refused.stderr


def test_the_command_on_the_dask_engine_prints_what_the_local_engine_prints(scheduler: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quotes.cli import app

    runner = CliRunner()
    local = runner.invoke(app, ["extract", str(SEEDS)])
    dask = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "--scheduler", scheduler])
    assert local.exit_code == dask.exit_code == 0, dask.output
    assert dask.stdout == local.stdout
    shards = runner.invoke(
        app, ["extract", str(SEEDS), "--engine", "dask", "--scheduler", scheduler, "--output", str(tmp_path / "out")]
    )
    assert shards.exit_code == 0 and shards.stdout == ""
    assert (tmp_path / "out" / "part-00000.jsonl").read_text(encoding="utf-8") == local.stdout


def test_a_scheduler_without_the_dask_engine_is_a_usage_mistake() -> None:
    from typer.testing import CliRunner

    from quotes.cli import app

    result = CliRunner().invoke(app, ["extract", str(SEEDS), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--engine dask" in result.stderr


def test_align_and_index_add_on_the_dask_engine_give_what_the_local_engine_gives(
    scheduler: str, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from quotes.cli import app

    runner = CliRunner()
    local = runner.invoke(app, ["align", str(SEEDS), "--format", "jsonl"])
    dask = runner.invoke(app, ["align", str(SEEDS), "--format", "jsonl", "--engine", "dask", "--scheduler", scheduler])
    assert local.exit_code == dask.exit_code == 0, dask.output
    assert dask.stdout == local.stdout
    stats = []
    for name in ("local", "dask"):
        db = tmp_path / f"{name}.db"
        more = ["--scheduler", scheduler] if name == "dask" else []
        added = runner.invoke(app, ["index", "add", str(SEEDS), "--db", str(db), "--engine", name, *more])
        assert added.exit_code == 0, added.output
        shown = json.loads(runner.invoke(app, ["index", "stats", "--db", str(db), "--format", "json"]).stdout)
        stats.append({k: v for k, v in shown.items() if k not in ("path", "bytes")})
    assert stats[0] == stats[1] and stats[0]["quotes"] > 20

"""Evaluation: matching and figures on hand-made cases, and figure-for-figure agreement with ../shared/eval/score.py."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotes.cli import app
from quotes.config import Settings
from quotes.errors import DataError, InputError
from quotes.evaluate import (
    EvalFormat,
    Evaluation,
    Gold,
    GoldQuote,
    coverage,
    error_lines,
    jaccard,
    load_golden,
    load_polnear,
    match,
    prf,
    render_evaluation,
    score,
    speaker_mapper,
    textacy_predictions,
)
from quotes.nlp import pipeline

ROOT = Path(__file__).resolve().parents[1]
SCORE_PY = Path(__file__).parents[1].parent / "shared" / "eval" / "score.py"

SPEAKERS = {
    "lee": ("Lee Jae-myung", "Lee", "President Lee"),
    "kang": ("Kang Yu-jung", "Kang"),
    "ishiba": ("Shigeru Ishiba", "Ishiba"),
    "office": ("presidential office", "Lee's office"),
}
TINY = Gold(
    speakers=SPEAKERS,
    quotes=(
        GoldQuote("a.txt", 0, 10, "a0", "direct", "lee", group="call"),
        GoldQuote("a.txt", 20, 40, "a1", "indirect", "kang", group="meet"),
        GoldQuote("a.txt", 50, 60, "a2", "mixed", "lee", via="kang"),
        GoldQuote("b.txt", 0, 10, "b0", "direct", "lee", group="call"),
        GoldQuote("b.txt", 30, 50, "b1", "indirect", "ishiba", group="meet"),
    ),
)


def pred(doc: str, start: int, end: int, kind: str | None, speaker: str | None, **more: Any) -> dict[str, Any]:
    return {"doc": doc, "start": start, "end": end, "text": f"{doc}{start}", "kind": kind, "speaker": speaker, **more}


TINY_PREDS = [
    pred("seeds/a.txt", 1, 10, "direct", "Lee", group="G"),  # right
    pred("seeds/a.txt", 20, 38, "indirect", "Kang Yu-jung", group="H"),  # right
    pred("seeds/a.txt", 50, 60, "mixed", "Kang", group="G"),  # wrong speaker (right via), false alignment pair
    pred("seeds/b.txt", 0, 10, "direct", "President Lee", group="G"),  # right, through an alias
    pred("seeds/b.txt", 70, 80, "indirect", "Yoon"),  # false alarm; b.txt 30-50 is a miss
]


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    """``../shared/eval/score.py``, imported from its file."""
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} not found: the shared evaluation folder is not beside the repository")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_figures(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    __tracebackhide__ = True
    assert set(theirs) <= set(ours), f"figures missing: {set(theirs) - set(ours)}"
    differ = {k: (ours[k], theirs[k]) for k in theirs if ours[k] != theirs[k]}
    assert not differ, f"ours vs score.py: {differ}"


# Building blocks


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (5, 15), 5 / 15),
        ((0, 10), (10, 20), 0.0),
        ((0, 0), (0, 0), 0.0),
    ],
)
def test_jaccard_is_shared_over_union(a: tuple[int, int], b: tuple[int, int], expected: float) -> None:
    assert jaccard(a, b) == pytest.approx(expected)


def test_coverage_is_shared_over_gold_length_only() -> None:
    assert coverage((0, 10), (0, 100)) == 1.0
    assert coverage((0, 100), (0, 10)) == 0.1
    assert coverage((5, 5), (0, 10)) == 0.0


def test_prf_rounds_and_is_zero_when_undefined() -> None:
    assert prf(2, 3, 4) == (0.667, 0.5, 0.571)
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lee Jae Myung", "lee"),  # exact after normalization
        ("lee's office", "office"),  # exact beats the whole-word "Lee"
        ("South Korean President Lee", "lee"),  # longest alias inside, as whole words
        ("Leeds United", "?Leeds United"),  # "Lee" is not a whole word here
        ("", None),
        (None, None),
    ],
)
def test_speaker_mapper_maps_names_to_ids(name: str | None, expected: str | None) -> None:
    assert speaker_mapper(SPEAKERS)(name) == expected


def test_speaker_mapper_without_a_table_returns_the_name() -> None:
    assert speaker_mapper({})("the senator") == "the senator"


def test_match_is_one_to_one_best_overlap_first_within_a_file() -> None:
    gold = (GoldQuote("a.txt", 0, 10, "", "direct", None), GoldQuote("a.txt", 8, 30, "", "direct", None))
    preds = [
        pred("a.txt", 0, 12, "direct", None),
        pred("a.txt", 9, 30, "direct", None),
        pred("b.txt", 0, 10, "direct", None),
    ]
    assert match(gold, preds) == {0: 0, 1: 1}


def test_match_breaks_ties_towards_the_later_prediction_as_score_py_does() -> None:
    gold = (GoldQuote("a.txt", 0, 10, "", "direct", None),)
    preds = [pred("a.txt", 0, 10, "direct", None), pred("a.txt", 0, 10, "direct", None)]
    assert match(gold, preds) == {0: 1}


def test_match_drops_pairs_under_the_jaccard_threshold() -> None:
    gold = (GoldQuote("a.txt", 0, 10, "", "direct", None),)
    assert match(gold, [pred("a.txt", 0, 4, "direct", None)]) == {}


# Figures on a hand-made case


def test_tiny_case_figures() -> None:
    result = score(TINY, TINY_PREDS)
    assert (result["gold"], result["predicted"], result["matched"]) == (5, 5, 4)
    assert (result["detect_p"], result["detect_r"], result["detect_f1"]) == (0.8, 0.8, 0.8)
    assert (result["quoted_p"], result["quoted_r"], result["quoted_f1"]) == (1.0, 1.0, 1.0)
    assert (result["reported_p"], result["reported_r"], result["reported_f1"]) == (0.5, 0.5, 0.5)
    assert result["kind_acc_matched"] == 1.0
    assert result["speaker_acc_matched"] == 0.75  # a2: Kang is only the channel
    assert result["speaker_acc_lenient"] == 1.0  # ... which the lenient criterion accepts
    assert result["quoted_speaker_acc"] == 0.667
    assert result["direct_found_with_speaker"] == 1.0
    assert result["end_to_end_f1"] == 0.6
    # gold pairs across files: (a0, b0) "call", (a1, b1) "meet"; predicted: group G holds a0, a2, b0,
    # giving the cross-file pairs (a0, b0), right, and (a2, b0), wrong; a1-b1 is lost with the miss.
    assert (result["align_p"], result["align_r"], result["align_f1"]) == (0.5, 0.5, 0.5)
    assert "ggt0.3_p" not in result  # no gold speaker spans


def test_tiny_case_lists_the_miss_the_false_alarm_and_the_wrong_speaker() -> None:
    result = score(TINY, TINY_PREDS, texts={"b.txt": "x\n" * 40})
    assert [(m["file"], m["start"], m["end"], m["kind"], m["speaker"], m["line"]) for m in result["misses"]] == [
        ("b.txt", 30, 50, "indirect", "ishiba", 16)
    ]
    assert [(f["file"], f["start"], f["predicted"], f["line"]) for f in result["false_alarms"]] == [
        ("b.txt", 70, "Yoon", 36)
    ]
    assert [(w["text"], w["speaker"], w["predicted"], w["predicted_id"]) for w in result["wrong_speakers"]] == [
        ("a2", "lee", "Kang", "kang")
    ]
    assert result["missed"] == ["b.t:b1"]


def test_error_lines_give_place_kind_both_speakers_and_text() -> None:
    lines = error_lines(score(TINY, TINY_PREDS))
    assert lines == [
        "b.txt@30  miss  indirect  gold 'ishiba' | predicted -  “b1”",
        "b.txt@70  false alarm  indirect  gold - | predicted 'Yoon'  “seeds/b.txt70”",
        "a.txt@50  wrong speaker  mixed  gold 'lee' | predicted 'Kang' (kang)  “a2”",
    ]


def test_coverage_figures_count_speaker_span_overlap() -> None:
    gold = Gold(
        quotes=(
            GoldQuote("a.txt", 0, 10, "", "direct", "x", speaker_spans=((20, 25),)),
            GoldQuote("a.txt", 30, 40, "", "direct", "y", speaker_spans=((50, 55),)),
        )
    )
    preds = [
        pred("a.txt", 0, 9, "direct", "x", speaker_span=[22, 30]),
        pred("a.txt", 30, 33, "direct", "y", speaker_span=[0, 5]),
    ]
    result = score(gold, preds)
    assert (result["ggt0.3_p"], result["ggt0.3_r"], result["ggt0.3_speaker_span_acc"]) == (1.0, 1.0, 0.5)
    assert (result["ggt0.8_p"], result["ggt0.8_r"], result["ggt0.8_speaker_span_acc"]) == (0.5, 0.5, 1.0)


def test_nothing_predicted_scores_zero_and_misses_all() -> None:
    result = score(TINY, [])
    assert result["detect_f1"] == result["speaker_acc_matched"] == result["align_f1"] == 0.0
    assert len(result["misses"]) == 5 and result["false_alarms"] == []


# Loading gold


def test_load_golden_reads_ids_names_aliases_and_spans(seed_gold: Gold) -> None:
    assert len(seed_gold.quotes) == 44  # golden/README.md §7 item 17: a scare quote is no record
    assert {q.file for q in seed_gold.quotes} == {p.name for p in (ROOT / "seeds").glob("*.txt")}
    assert seed_gold.speakers["lee-jae-myung"][0] == "Lee Jae-myung"
    assert "Lee" in seed_gold.speakers["lee-jae-myung"]
    first = seed_gold.quotes[0]
    assert (first.speaker, first.speaker_spans, first.group) == (
        "south-korea-presidential-office",
        ((413, 425),),
        "trilateral-cooperation",
    )
    assert not seed_gold.mentions


def test_load_golden_without_gold_files_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no \\*.jsonl"):
        load_golden(tmp_path)


def test_load_golden_bad_line_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"doc": "a.txt"}\nnot json\n', encoding="utf-8")
    with pytest.raises(DataError, match="x.jsonl:1"):  # a record lacking fields is malformed data
        load_golden(tmp_path)


def polnear_file(tmp_path: Path) -> Path:
    records = [
        {
            "doc_id": "d1",
            "split": "dev",
            "text": "Smith said taxes rise.",
            "quotes": [
                {
                    "start": 11,
                    "end": 21,
                    "text": "taxes rise",
                    "kind": "indirect",
                    "speaker": "Smith",
                    "speaker_spans": [[0, 5]],
                    "cue": "said",
                }
            ],
        },
        {"doc_id": "d2", "split": "train", "text": "Nothing.", "quotes": []},
    ]
    path = tmp_path / "polnear.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_load_polnear_keeps_one_split_as_mention_level_gold(tmp_path: Path) -> None:
    gold, articles = load_polnear(polnear_file(tmp_path), split="dev")
    assert [a.doc for a in articles] == ["d1.txt"]
    assert gold.quotes == (GoldQuote("d1.txt", 11, 21, "taxes rise", "indirect", "Smith", speaker_spans=((0, 5),)),)
    assert gold.mentions and gold.speakers == {}
    assert len(load_polnear(polnear_file(tmp_path), split="all")[1]) == 2


@pytest.mark.parametrize("split", ["test", "nonsense"])
def test_load_polnear_empty_or_unknown_split_is_an_input_error(tmp_path: Path, split: str) -> None:
    with pytest.raises(InputError):
        load_polnear(polnear_file(tmp_path), split=split)


# Agreement with ../shared/eval/score.py


def test_same_figures_as_score_py_on_the_tiny_case(reference: ModuleType) -> None:
    assert_same_figures(score(TINY, TINY_PREDS), reference.score(TINY.as_dict(), TINY_PREDS))


def test_speaker_names_map_to_the_ids_score_py_maps_them_to(reference: ModuleType) -> None:
    speakers = {"resident": ("A resident", "a resident"), "another": ("Another resident",), "lee": ("Lee",)}
    names = ["resident", "a resident", "the resident", "Another resident", "another resident", "one resident", "Lee"]
    ours, theirs = speaker_mapper(speakers), reference.speaker_mapper({k: list(v) for k, v in speakers.items()})
    assert [ours(n) for n in names] == [theirs(n) for n in names]
    assert ours("resident") == "resident" and ours("Another resident") == "another"  # the determiner alone differs


def test_same_figures_as_score_py_on_our_seed_predictions(
    reference: ModuleType, seed_gold: Gold, seed_predictions: list[dict[str, Any]]
) -> None:
    assert_same_figures(score(seed_gold, seed_predictions), reference.score(seed_gold.as_dict(), seed_predictions))


def perturbed(gold: Gold, seed: int) -> list[dict[str, Any]]:
    """Gold turned into predictions, then damaged: shifted, dropped, duplicated, mislabelled, invented."""
    rng = random.Random(seed)
    names = [n for aliases in gold.speakers.values() for n in aliases] or ["Smith", "he"]
    out = []
    for q in gold.quotes:
        if rng.random() < 0.15:
            continue  # a miss
        length = max(1, q.end - q.start)
        start = max(0, q.start + rng.randint(-length // 3, length // 3))
        end = max(start + 1, q.end + rng.randint(-length // 3, length // 3))
        speaker = rng.choice([q.speaker, q.via, rng.choice(names), None, "Nobody Known"])
        if speaker == q.speaker and gold.speakers.get(str(speaker)):
            speaker = rng.choice(gold.speakers[str(speaker)])  # a name or alias rather than the id
        p = pred(
            f"corpus/{q.file}",
            start,
            end,
            rng.choice([q.kind, q.kind, "direct", "mixed", "indirect", None]),
            speaker,
            via=rng.choice([None, q.via, q.speaker]),
            group=rng.choice([q.group, q.group, None, "x"]),
            speaker_span=rng.choice([None, *([list(s) for s in q.speaker_spans])]),
        )
        out.append(p)
        if rng.random() < 0.1:
            out.append(dict(p))  # an exact duplicate: ties
    files = sorted({q.file for q in gold.quotes})
    for _ in range(len(gold.quotes) // 5):
        start = rng.randint(0, 3000)
        out.append(
            pred(
                rng.choice(files),
                start,
                start + rng.randint(1, 200),
                rng.choice(["direct", "indirect"]),
                rng.choice(names),
                group=rng.choice([None, "x"]),
            )
        )
    out.append(pred("elsewhere.txt", 0, 10, "direct", "Lee"))  # a file the gold does not cover
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("seed", range(8))
def test_same_figures_as_score_py_on_perturbed_seed_gold(reference: ModuleType, seed_gold: Gold, seed: int) -> None:
    preds = perturbed(seed_gold, seed)
    assert_same_figures(score(seed_gold, preds), reference.score(seed_gold.as_dict(), preds))


@pytest.mark.parametrize("seed", range(4))
def test_same_figures_as_score_py_on_mention_level_gold(reference: ModuleType, seed_gold: Gold, seed: int) -> None:
    names = {sid: aliases[0] for sid, aliases in seed_gold.speakers.items()}
    gold = Gold(
        mentions=True,
        quotes=tuple(
            GoldQuote(
                q.file,
                q.start,
                q.end,
                q.text,
                q.kind,
                names.get(str(q.speaker)),
                names.get(str(q.via)),
                q.group,
                q.speaker_spans,
            )
            for q in seed_gold.quotes
        ),
    )
    preds = perturbed(gold, seed)
    assert_same_figures(score(gold, preds), reference.score(gold.as_dict(), preds))


spans = st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))
small_gold = st.lists(
    st.tuples(
        st.sampled_from(["a.txt", "b.txt", "c.txt"]),
        spans,
        st.sampled_from(["direct", "mixed", "indirect"]),
        st.sampled_from(["lee", "kang", None]),
        st.sampled_from([None, "kang"]),
        st.sampled_from([None, "g1", "g2"]),
        st.lists(spans, max_size=1),
    ),
    max_size=8,
)
small_preds = st.lists(
    st.tuples(
        st.sampled_from(["a.txt", "b.txt", "d/c.txt"]),
        spans,
        st.sampled_from(["direct", "mixed", "indirect", None]),
        st.sampled_from(["Lee", "Kang Yu-jung", "President Lee", "Ishiba", None]),
        st.sampled_from([None, "Kang"]),
        st.sampled_from([None, "g1", "g2", "h"]),
        st.one_of(st.none(), spans),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(small_gold, small_preds)
def test_same_figures_as_score_py_on_random_cases(
    reference: ModuleType, gold_rows: list[Any], pred_rows: list[Any]
) -> None:
    gold = Gold(
        speakers=SPEAKERS,
        quotes=tuple(
            GoldQuote(f, s, e, f"t{n}", kind, spk, via, group, tuple(sp))
            for n, (f, (s, e), kind, spk, via, group, sp) in enumerate(gold_rows)
        ),
    )
    preds = [
        pred(f, s, e, kind, spk, via=via, group=group, speaker_span=list(sp) if sp else None)
        for f, (s, e), kind, spk, via, group, sp in pred_rows
    ]
    assert_same_figures(score(gold, preds), reference.score(gold.as_dict(), preds))


# The textacy baseline


def test_textacy_baseline_gives_direct_records_and_gives_up_on_unbalanced_marks() -> None:
    from quotes.types import Article

    good = Article(doc="good.txt", text='Intro.\n"We will win the election," Anna Berg said.\n')
    bad = Article(doc="bad.txt", text='"We will win," Anna Berg said. "Never')
    preds, given_up = textacy_predictions([good, bad], pipeline(Settings()))
    assert given_up == ["bad.txt"]
    [p] = preds
    assert (p["doc"], p["kind"], p["text"], p["speaker"], p["cue"]) == (
        "good.txt",
        "direct",
        "We will win the election,",
        "Anna Berg",
        "said",
    )
    assert p["text"] == good.text[p["start"] : p["end"]]
    assert good.text[slice(*p["speaker_span"])] == "Anna Berg"


# Rendering and the command line


def test_table_groups_figures_and_lists_errors_of_the_first_system() -> None:
    evaluation = Evaluation(
        gold="tiny",
        documents=2,
        results={"quotes": score(TINY, TINY_PREDS), "textacy": score(TINY, [])},
        given_up={"quotes": (), "textacy": ("b.txt",)},
    )
    text = render_evaluation(evaluation, EvalFormat.TABLE)
    for word in ("detection", "quoted", "reported", "speaker", "alignment", "textacy gave up on 1"):
        assert word in text
    assert "misses of quotes (1):" in text and "false alarms of quotes (1):" in text
    assert "  b.txt@70  false alarm" in text
    data = json.loads(render_evaluation(evaluation, EvalFormat.JSON))
    assert data["results"]["quotes"]["matched"] == 4 and data["given_up"]["textacy"] == ["b.txt"]


def test_cli_eval_golden_seeds_json(
    monkeypatch: pytest.MonkeyPatch, seed_gold: Gold, seed_predictions: list[dict[str, Any]]
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["eval", "--golden", "golden", "seeds", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 5 and list(data["results"]) == ["quotes"]
    ours = data["results"]["quotes"]
    expected = score(seed_gold, seed_predictions)
    assert {k: ours[k] for k in ("gold", "matched", "detect_f1", "speaker_acc_matched")} == {
        k: expected[k] for k in ("gold", "matched", "detect_f1", "speaker_acc_matched")
    }


@pytest.mark.parametrize(
    "args", [["eval", "seeds"], ["eval", "--golden", "golden"], ["eval", "--polnear", "x.jsonl", "seeds"]]
)
def test_cli_eval_needs_golden_with_paths_or_polnear_alone(args: list[str]) -> None:
    assert CliRunner().invoke(app, args).exit_code == 2


def test_cli_eval_library_error_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--golden", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Q100" in result.stderr


def test_eval_command_scores_textacy_beside_us_in_one_run() -> None:
    from typer.testing import CliRunner

    from quotes.cli import app

    root = Path(__file__).resolve().parents[1]
    result = CliRunner().invoke(
        app,
        ["eval", "--golden", str(root / "golden"), str(root / "seeds"), "--baseline", "textacy", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["results"]) == {"quotes", "textacy"}
    assert data["results"]["quotes"]["quoted_f1"] > data["results"]["textacy"]["quoted_f1"]


def test_coverage_figures_forgive_a_short_span_that_jaccard_rejects() -> None:
    gold = Gold(
        quotes=(GoldQuote("a.txt", 0, 100, "x" * 100, "indirect", "kim"),),
        speakers={"kim": ("Kim Min-ji", "Kim")},
    )
    pred = [{"doc": "a.txt", "start": 0, "end": 40, "kind": "indirect", "speaker": "Kim Min-ji"}]
    result = score(gold, pred)
    assert result["reported_f1"] == 0.0
    assert result["cov0.3_reported_f1"] == 1.0 and result["cov0.3_end_to_end_f1"] == 1.0
    assert result["cov0.8_reported_f1"] == 0.0


# -- the development set ---------------------------------------------------------------------------

_EXCERPT_A = "Officials met on Monday. “We will keep talking with our neighbours,” Minister Ana Lima said.\n"
_EXCERPT_B = "The minister, Ana Lima, told reporters: “We will keep talking with our neighbors.”\n"


def _dev_event(tmp_path: Path, *, tamper: bool = False) -> tuple[Path, Path]:
    """A one-event development set written by the test (our own sentences), and its cache."""
    import hashlib

    dev, cache = tmp_path / "dev", tmp_path / "cache"
    (dev / "talks").mkdir(parents=True)
    (cache / "talks").mkdir(parents=True)
    rows = ['split = "test"', 'event = "talks between neighbours"', ""]
    for n, (text, outlet) in enumerate([(_EXCERPT_A, "Daily A"), (_EXCERPT_B, "Wire B")], 1):
        ident = f"talks-0{n}"
        (cache / "talks" / f"{ident}.txt").write_text(text + ("!" if tamper and n == 2 else ""), encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        rows += ["[[excerpt]]", f'id = "{ident}"', f'url = "https://example.org/{n}"', f'outlet = "{outlet}"']
        rows += [f'sha256 = "{digest}"', ""]
        start = text.index("We will")
        end = text.index("bours,") + len("bours,") if n == 1 else text.index("bors.") + len("bors.")
        record = {
            "doc": f"talks/{ident}.txt", "outlet": outlet, "start": start, "end": end, "text": text[start:end],
            "kind": "direct", "speaker": "Ana Lima", "speaker_id": "ana-lima", "speaker_mention": None,
            "speaker_span": None, "cue": "said", "via": None, "group": "talks:keep-talking",
        }  # fmt: skip
        (dev / "talks" / f"{ident}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (dev / "talks" / "excerpts.toml").write_text("\n".join(rows), encoding="utf-8")
    (dev / "talks" / "speakers.toml").write_text(
        '[[speaker]]\nid = "ana-lima"\nname = "Ana Lima"\nkind = "person"\naliases = ["Lima", "Minister Ana Lima"]\n',
        encoding="utf-8",
    )
    return dev, cache


def test_dev_events_are_scored_per_event_with_alignment_figures(tmp_path: Path) -> None:
    from quotes.evaluate.devset import evaluate_events, load_events

    dev, cache = _dev_event(tmp_path)
    ((event, evaluation, problems),) = evaluate_events(load_events(dev), cache)
    assert event.split == "test" and problems == [] and evaluation is not None
    figures = evaluation.results["quotes"]
    assert figures["quoted_f1"] == 1.0 and figures["align_f1"] == 1.0
    assert "Wire B" in (cache / "talks" / "outlets.toml").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--dev", str(dev), "--cache", str(cache)])
    assert result.exit_code == 0, result.output
    assert "talks" in result.stdout and "align F1" in result.stdout


def test_two_evaluations_at_once_write_the_outlets_file_without_tripping_on_each_other(tmp_path: Path) -> None:
    """Each writer renames a temporary file of its own over outlets.toml: one shared temporary name made the
    second rename of two evaluations run at once fail (FileNotFoundError)."""
    from concurrent.futures import ThreadPoolExecutor

    from quotes.evaluate.devset import load_events, write_outlets

    dev, cache = _dev_event(tmp_path)
    (event,) = load_events(dev)
    with ThreadPoolExecutor(max_workers=4) as pool:
        paths = list(pool.map(lambda _: write_outlets(event, cache), range(200)))
    assert set(paths) == {cache / "talks" / "outlets.toml"}
    assert "Wire B" in paths[0].read_text(encoding="utf-8")
    assert sorted(p.name for p in (cache / "talks").iterdir() if not p.name.endswith(".txt")) == ["outlets.toml"]


def test_a_changed_or_missing_excerpt_is_not_scored_and_says_why(tmp_path: Path) -> None:
    from quotes.evaluate.devset import check_cache, evaluate_events, load_events

    dev, cache = _dev_event(tmp_path, tamper=True)
    (event,) = load_events(dev)
    assert any("differs" in p and "all 1 gold records are at their offsets" in p for p in check_cache(event, cache))
    moved = cache / "talks" / "talks-02.txt"
    moved.write_text("Lead. " + moved.read_text(encoding="utf-8"), encoding="utf-8")
    moved_by_six = "1 of 1 gold records are not at their offsets (the first found +6"
    assert any(moved_by_six in p for p in check_cache(event, cache))
    ((_, evaluation, problems),) = evaluate_events([event], cache)
    assert evaluation is None and problems
    assert any("absent" in p for p in check_cache(event, tmp_path / "nowhere"))
    result = CliRunner().invoke(app, ["eval", "--dev", str(dev), "--cache", str(cache), "-f", "json"])
    assert json.loads(result.stdout)[0]["problems"]


@pytest.mark.parametrize("seed", range(6))
def test_same_figures_as_score_py_when_predictions_carry_parts(
    reference: ModuleType, seed_gold: Gold, seed: int
) -> None:
    """Parts (one remark each) are aligned as records of their own, by both scorers."""
    rng = random.Random(100 + seed)
    preds = perturbed(seed_gold, seed)
    for p in preds:
        if rng.random() < 0.4 and p["end"] - p["start"] > 20:
            cut = rng.randint(p["start"] + 5, p["end"] - 5)
            p["parts"] = [
                {"start": p["start"], "end": cut, "group": p.get("group")},
                {"start": cut + 1, "end": p["end"], "group": rng.choice([None, "x", "y", p.get("group")])},
            ]
    ours, theirs = score(seed_gold, preds), reference.score(seed_gold.as_dict(), preds)
    assert_same_figures(ours, theirs)
    assert any(p.get("parts") for p in preds)


def test_the_rules_baseline_scores_our_extraction_without_the_learned_judgement() -> None:
    from quotes.evaluate import Baseline, evaluate
    from quotes.types import Article

    # "at", not "on": after "on" the rules themselves read a title in marks as a name (attribute.core.NAME_SLOTS)
    text = "Berg said at “Meet the Press” that she would run again."
    gold = Gold(
        quotes=(GoldQuote("a.txt", 35, 54, "she would run again", "indirect", "berg"),),
        speakers={"berg": {"Berg"}},
        speakers_by_file={},
        mentions=False,
        name="tiny",
    )
    ev = evaluate(gold, [Article(doc="a.txt", text=text)], baseline=Baseline.RULES)
    assert ev.results["quotes"]["predicted"] == ev.results["rules"]["predicted"] - 1  # the title is judged no quote
    assert ev.results["quotes"]["detect_p"] > ev.results["rules"]["detect_p"]


# Malformed gold (issue 12): one DataError naming the file, the line and the field

GOOD_RECORD = {"doc": "seeds/a.txt", "start": 0, "end": 5, "text": "hello", "kind": "direct", "speaker_id": "s"}


@pytest.mark.parametrize(
    "field, value",
    [
        ("doc", 5),
        ("start", "one"),
        ("end", True),
        ("start", 9),
        ("text", 5),
        ("kind", "quoted"),
        ("speaker_id", 5),
        ("via", 5),
        ("group", []),
        ("speaker_span", [1]),
        ("speaker_span", "1-2"),
        ("parts", "1-2"),
        ("parts", [{"start": 0, "end": 2}]),
        ("parts", [{"start": 0, "end": 9, "group": None}]),
        ("parts", [{"start": 0, "end": 3, "group": "g"}, {"start": 2, "end": 5, "group": None}]),
    ],
)
def test_a_malformed_gold_record_is_a_data_error_naming_file_line_and_field(
    tmp_path: Path, field: str, value: object
) -> None:
    lines = [GOOD_RECORD, {**GOOD_RECORD, field: value}]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_golden(tmp_path)
    message = str(caught.value)
    assert message.startswith("[Q300]") and "x.jsonl:2" in message and f'"{field}"' in message
    assert "\n" not in message


def test_gold_parts_are_read_in_order_with_their_groups(tmp_path: Path) -> None:
    record = {
        **GOOD_RECORD,
        "group": "e:a",
        "parts": [{"start": 0, "end": 2, "group": "e:a"}, {"start": 3, "end": 5, "group": None}],
    }
    (tmp_path / "x.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (quote,) = load_golden(tmp_path).quotes
    assert quote.parts == ((0, 2, "e:a"), (3, 5, None))
    assert quote.as_dict()["parts"] == record["parts"]


def test_a_malformed_golden_speakers_toml_is_a_data_error_naming_the_field(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text(json.dumps(GOOD_RECORD) + "\n", encoding="utf-8")
    (tmp_path / "speakers.toml").write_text('[[speaker]]\nid = "s"\nname = "S"\naliases = 5\n', encoding="utf-8")
    with pytest.raises(DataError, match="speakers.toml.*aliases"):
        load_golden(tmp_path)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"text": 5}, "text"),
        ({"doc_id": None}, "doc_id"),
        ({"quotes": {"start": 0}}, "quotes"),
        ({"quotes": [{"start": "one", "end": 3, "text": "abc", "kind": "indirect"}]}, "start"),
        (
            {"quotes": [{"start": 0, "end": 3, "text": "abc", "kind": "indirect", "speaker_spans": [[0]]}]},
            "speaker_spans",
        ),
    ],
)
def test_a_malformed_polnear_record_is_a_data_error_naming_line_and_field(
    tmp_path: Path, change: dict[str, object], field: str
) -> None:
    record = {"doc_id": "d1", "split": "dev", "text": "Smith said taxes rise.", "quotes": [], **change}
    path = tmp_path / "polnear.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_polnear(path, split="dev")
    assert "polnear.jsonl:1" in str(caught.value) and f'"{field}"' in str(caught.value)

"""The seed articles: every marked quote of the gold found with its true speaker."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from quotes import Extraction
from quotes.types import Kind

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
GOLD = [
    json.loads(line)
    for f in sorted(GOLDEN.glob("*.jsonl"))
    for line in f.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
ALIASES = {
    s["id"]: {s["name"], *s.get("aliases", [])}
    for s in tomllib.loads((GOLDEN / "speakers.toml").read_text(encoding="utf-8"))["speaker"]
}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


@pytest.mark.parametrize(
    "gold",
    [g for g in GOLD if g["kind"] in ("direct", "mixed")],
    ids=lambda g: f"{Path(g['doc']).name[:3]}:{g['text'][:30]}",
)
def test_marked_gold_quote_is_found_with_its_speaker(seed_extractions: list[Extraction], gold: dict) -> None:
    ours = [q for ex in seed_extractions for q in ex.quotes if Path(q.doc).name == Path(gold["doc"]).name]
    match = max(ours, key=lambda q: _overlap((q.start, q.end), (gold["start"], gold["end"])))
    assert _overlap((match.start, match.end), (gold["start"], gold["end"])) >= 0.5
    if gold["kind"] == "direct":
        assert match.kind is Kind.DIRECT
    if gold["speaker_id"] is None:
        assert match.speaker is None
    else:
        assert match.speaker in ALIASES[gold["speaker_id"]], (match.speaker, gold["speaker_id"])


def test_every_record_indexes_its_document(seed_extractions: list[Extraction]) -> None:
    for ex in seed_extractions:
        text = Path(ex.article.doc).read_text(encoding="utf-8")
        for q in ex.quotes:
            assert q.text == text[q.start : q.end]
            if q.speaker_span:
                assert text[q.speaker_span[0] : q.speaker_span[1]] == q.speaker_mention


def test_all_five_documents_are_read_without_errors(seed_extractions: list[Extraction]) -> None:
    assert len(seed_extractions) == 5
    assert all(not ex.diagnostics for ex in seed_extractions)
    assert {ex.article.outlet for ex in seed_extractions} == {
        "Korea Herald",
        "Korea JoongAng Daily",
        "Kyunghyang Shinmun",
        "Dong-A Ilbo",
        None,
    }


def test_spokesperson_romanizations_share_one_id(seed_extractions: list[Extraction]) -> None:
    ids = {
        q.speaker_id
        for ex in seed_extractions
        for q in ex.quotes
        if q.speaker_mention and q.speaker_mention.startswith("Kang")
    }
    ids |= {q.via and q.via.lower().replace(" ", "-") for ex in seed_extractions for q in ex.quotes if q.via}
    assert "kang-yu-jung" in ids
    assert not any(i and "yoo" in i for i in ids)

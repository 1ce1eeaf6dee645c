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
        "004_8df4cc8b66d25727",  # no outlet in outlets.toml, no address in the text: the file's stem
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


def test_the_presidents_words_carry_one_id_in_every_article(seed_extractions: list[Extraction]) -> None:
    ids = {
        Path(q.doc).name: q.speaker_id
        for ex in seed_extractions
        for q in ex.quotes
        if q.speaker_mention in ("Lee", "Lee Jae-myung", "Lee Jae Myung", "President Lee")
    }
    assert len(ids) == 5 and set(ids.values()) == {"lee-jae-myung"}


def test_foreign_ministry_and_prime_ministers_office_are_told_apart(seed_extractions: list[Extraction]) -> None:
    from quotes.speakers import slug

    bodies = {q.speaker_id for ex in seed_extractions for q in ex.quotes} | {
        slug(q.via) for ex in seed_extractions for q in ex.quotes if q.via
    }
    assert "japan-ministry-of-foreign-affairs" in bodies
    assert "japanese-prime-minister-office" in bodies


def test_the_japanese_ministry_resolves_to_the_full_ministry_name(seed_extractions: list[Extraction]) -> None:
    quotes = [q for ex in seed_extractions for q in ex.quotes if q.speaker_mention == "The Japanese ministry"]
    vias = [q.via for ex in seed_extractions for q in ex.quotes if q.via and "ministry" in q.via.lower()]
    assert quotes or vias
    assert all(v == "Japan’s Ministry of Foreign Affairs" for v in vias)


def test_spokesperson_is_a_person_with_role_and_body(seed_extractions: list[Extraction]) -> None:
    from quotes.speakers import summarize

    kang = next(s for s in summarize(seed_extractions) if s.id == "kang-yu-jung")
    assert kang.kind.value == "person" and kang.role == "spokesperson"
    assert kang.body is not None and "presidential office" in kang.body

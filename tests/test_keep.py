"""The learned judgement of mixed records (quotes.keep) and its shipped model."""

from __future__ import annotations

import json
from importlib import resources

from quotes import extract
from quotes.config import Settings
from quotes.keep import FEATURES, MODEL_FILE, features, model, probability
from quotes.types import Kind, Quote


def records(text: str, learned: bool = True) -> list[tuple[str, str]]:
    return [(q.text, q.kind.value) for x in extract(text, settings=Settings(learned=learned)) for q in x.quotes]


def test_the_shipped_model_is_the_one_its_features_describe() -> None:
    data = json.loads(resources.files("quotes.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert set(model()) == {"mixed"}  # reported records stay with the rules (see quotes/keep.py)
    weights, _, threshold = model()["mixed"]
    assert len(weights) == len(FEATURES) and 0.0 < threshold < 1.0


def test_a_title_the_cue_search_credited_to_someone_is_dropped_and_the_rules_alone_keep_it() -> None:
    text = "Berg told the programme “Meet the Press,” that she would run again."
    assert ("Meet the Press,", "mixed") in records(text, learned=False)
    assert ("Meet the Press,", "mixed") not in records(text)
    assert ("she would run again", "indirect") in records(text)  # reported records are not judged


def test_a_report_set_apart_for_a_quote_the_model_drops_is_a_record_again() -> None:
    text = 'Berg said she was doing her best to stop arms supplies to avoid any risk of "World War III."'
    assert records(text, learned=False) == [("World War III.", "mixed")]
    assert records(text) == [
        ('she was doing her best to stop arms supplies to avoid any risk of "World War III', "indirect")
    ]


def test_quoted_words_of_a_named_speaker_are_kept() -> None:
    text = "Prime Minister Anna Berg said the talks had been “frank and useful” and would go on."
    assert ("frank and useful", "mixed") in records(text)


def test_direct_quotes_are_not_judged() -> None:
    q = Quote("d", None, 0, 5, "OK so", Kind.DIRECT)
    assert probability(q) is None
    assert len(features(q)) == len(FEATURES)

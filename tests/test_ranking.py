"""The learned choice of a speaker mention (quotes.attribute.ranking) and its shipped model."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from quotes import extract
from quotes.attribute.ranking import FEATURES, model
from quotes.config import Settings

#: The mayor is named only as an object: no rule names him as the quote's speaker (a subject would be: core's
#: ``_narrated_before``), so the choice is the model's.
TEXT = (
    'The bridge opened on Monday.\n\nCrowds cheered Mayor Tom Reed at the ceremony. "It is a great day for the city."\n'
)


def test_the_shipped_model_is_the_one_its_features_describe() -> None:
    judged = model()
    assert judged is not None
    weights, _, threshold = judged
    assert len(weights) == len(FEATURES) and 0.0 <= threshold < 1.0


def test_a_quote_no_rule_attributes_gets_the_nearby_person_the_model_ranks_first_flagged_as_such() -> None:
    (q,) = [q for x in extract(TEXT) for q in x.quotes]
    assert (q.speaker, q.speaker_mention, q.speaker_span) == ("Tom Reed", "Tom Reed", (51, 59))
    assert [f.type for f in q.flags] == ["ranked_speaker"]


def test_the_rules_alone_leave_it_without_a_speaker() -> None:
    (q,) = [q for x in extract(TEXT, settings=Settings(learned=False)) for q in x.quotes]
    assert q.speaker is None and q.flags == ()


def test_the_rules_win_where_they_reach() -> None:
    text = 'Mayor Tom Reed opened the bridge. "It is a great day," said council member Ana Ruiz.\n'
    (q,) = [q for x in extract(text) for q in x.quotes]
    assert q.speaker == "Ana Ruiz" and q.flags == ()


def test_the_training_script_labels_the_mention_that_overlaps_the_gold_speaker(
    script: Callable[[str], ModuleType],
) -> None:
    from quotes.config import lexicon
    from quotes.evaluate import GoldQuote
    from quotes.nlp import pipeline

    train = script("train_ranking")  # the script must import against the package as it is
    doc = pipeline(Settings())(TEXT)
    start = TEXT.index("It is")
    gold = GoldQuote(
        file="t.txt",
        start=start,
        end=start + 31,
        text=TEXT[start : start + 31],
        kind="direct",
        speaker="tom-reed",
        speaker_spans=((51, 59),),
    )
    labelled = list(train.examples(doc, [gold], lexicon()))
    assert labelled and [label for _, label in labelled].count(1) == 1
    assert all(len(features) == len(FEATURES) for features, _ in labelled)

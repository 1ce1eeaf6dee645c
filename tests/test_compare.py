"""The one comparison of a claim and a rendering: supported words and typed changes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.compare import compare, opposite
from quotes.diverge import spelling
from quotes.types import ChangeType


def _changes(a: str, b: str, **kwargs: bool) -> list[tuple[str, str, str]]:
    c = compare(a, b, **kwargs)
    return [(x.type.value, b[slice(*x.b_span)], a[slice(*x.a_span)]) for x in c.changes]


# Forms of one word: supported, no change.
SUPPORTED = [
    ("relations are growing", "relation is grows"),  # inflection
    ("the colour of the organisation's defence centre", "the color of the organization's defense center"),  # spelling
    ("Kang Yu-jung said so", "Kang Yoo-jung said so"),  # romanization
    ("Korea–Japan “ties”", 'korea-japan "ties"'),  # typography, dashes, case
    ("closer co-operation in the long-term", "closer cooperation in the long term"),  # hyphenation
    ("talks with the U.S. and Britain", "talks with the United States and the UK"),  # names
    ("the call lasted 25 minutes", "the call lasted twenty-five minutes"),  # numbers as words
    ("the 70th anniversary of two decades", "the seventieth anniversary of 2 decades"),
    ("the lecture on twenty-third January", "the lecture on 23rd January"),  # compound ordinals
    ("the one hundred and sixteenth Congress", "the 116th Congress"),
    ("two thousand and twenty", "2020"),
    ("we visit six, eight, ten homes a day", "we visit six, eight, 10 homes a day"),  # a list of numbers
    ("he said that it will work", "he said it will work"),  # that and function words
    ("We will not give up", "we won't give up"),  # contractions
]


@pytest.mark.parametrize(("source", "claim"), SUPPORTED)
def test_forms_of_one_word_are_supported(source: str, claim: str) -> None:
    c = compare(source, claim)
    assert c.exact, _changes(source, claim)


# One change each, with its type, the claim's word and the source's word.
TYPED = [
    ("bilateral relations are growing", "bilateral relations are shrinking", ("negation", "shrinking", "growing")),
    ("we trust each other", "we distrust each other", ("negation", "distrust", "trust")),
    ("dialogue is essential for peace", "dialogue is inessential for peace", ("negation", "inessential", "essential")),
    ("they will continue the talks", "they will abandon the talks", ("negation", "abandon", "continue")),
    ("we will attend the summit", "we will not attend the summit", ("negation", "not", "")),
    ("we will not attend the summit", "we will attend the summit", ("negation", "", "not")),
    ("It's not a war of soldiers against soldiers", "It's a war of soldiers against soldiers", ("negation", "", "not")),
    ("Don't be ashamed of negotiating now", "Do be ashamed of negotiating now", ("negation", "", "n't")),
    ("ties between Korea and Japan", "ties between Korea and China", ("entity", "China", "Japan")),
    ("a message in Korean to him", "a message in Japanese to him", ("entity", "Japanese", "Korean")),
    ("the talks on Tuesday went well", "the talks on Friday went well", ("entity", "Friday", "Tuesday")),
    ("17 citizens were abducted", "27 citizens were abducted", ("number", "27", "17")),
    ("two rounds of talks", "three rounds of talks", ("number", "three", "two")),
    ("we visit six, eight, ten homes a day", "we visit six, nine, ten homes a day", ("number", "nine", "eight")),
    # a number phrase that starts with the same word ("one") is still another number
    ("we met one hundred farmers", "we met one thousand farmers", ("number", "one thousand", "one hundred")),
    ("we will build trust", "we may build trust", ("modality", "may", "will")),
    ("I hope for peace", "We hope for peace", ("person", "We", "I")),
    ("I hope for peace", "he hopes for peace", ("person", "he", "I")),
    ("a relationship of genuine trust", "a relationship of real trust", ("wording", "real", "genuine")),
]


@pytest.mark.parametrize(("source", "claim", "change"), TYPED, ids=[t[2][0] + "-" + t[1] for t in TYPED])
def test_each_changed_word_gets_one_type(source: str, claim: str, change: tuple[str, str, str]) -> None:
    assert _changes(source, claim) == [change]
    assert compare(source, claim).found  # still a rendering of the claim, so the claim is divergent


def test_wording_changes_note_nothing_about_meaning_but_count() -> None:
    c = compare("we seek a future-oriented partnership", "we seek a forward-looking partnership")
    assert {x.type for x in c.changes} == {ChangeType.WORDING} and not c.exact


def test_a_fragment_of_the_rendering_is_supported() -> None:
    source = "In today's strategic environment, the importance of Korea-Japan relations is growing"
    c = compare(source, "the importance of Korea-Japan relations")
    assert c.exact
    assert source[slice(*c.window)].startswith("importance") or source[slice(*c.window)].startswith("the")


def test_an_ellipsis_may_leave_out_a_stretch_but_not_a_lone_negation() -> None:
    source = "We will not attend the summit, whatever happens, and we will talk later"
    assert compare(source, "We will not attend the summit … and we will talk later").exact
    assert not compare(source, "We will … attend the summit").exact


def test_words_left_out_without_an_ellipsis_are_changes() -> None:
    changes = _changes("relations have grown even further", "relations have grown further")
    assert changes == [("wording", "", "even")]


def test_a_paraphrase_may_leave_words_out_but_not_a_negation() -> None:
    source = "we will not raise taxes on small firms this year"
    assert compare(source, "we will not raise taxes this year", paraphrase=True).exact
    assert not compare(source, "we will raise taxes this year", paraphrase=True).exact


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        ("the weather in Seoul is fine today", "Korea will withdraw from trilateral cooperation"),
        ("strengthen ties", "an unrelated sentence about football and the weather in Spain"),
        ("and to the of", "to"),  # function words support nothing
    ],
)
def test_a_rendering_that_supports_too_little_is_not_found(source: str, claim: str) -> None:
    assert not compare(source, claim).found


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("growing", "shrinking", True),
        ("shrinks", "grew", False),  # irregular forms are not in the lists: the change is still wording
        ("respected", "rejected", True),
        ("careful", "careless", True),
        ("trusted", "distrusted", True),
        ("talks", "negotiations", False),
        ("close", "closer", False),
    ],
)
def test_opposite(a: str, b: str, expected: bool) -> None:
    assert opposite(a, b) is expected
    assert opposite(b, a) is expected


@pytest.mark.parametrize(
    ("british", "american"),
    [("colour", "color"), ("organisation", "organization"), ("analysed", "analyzed"), ("dialogue", "dialog")],
)
def test_spelling_folds_british_to_american_and_leaves_short_words(british: str, american: str) -> None:
    assert spelling(british) == american
    assert spelling("four") == "four" and spelling("hour") == "hour"


_WORDS = st.lists(st.sampled_from("we will not build trust Korea Japan 25 growing , … the".split()), max_size=15)


@given(a=_WORDS.map(" ".join), b=_WORDS.map(" ".join))
@settings(max_examples=200, deadline=None)
def test_offsets_of_changes_are_inside_both_texts(a: str, b: str) -> None:
    c = compare(a, b)
    for x in c.changes:
        assert 0 <= x.a_span[0] <= x.a_span[1] <= len(a)
        assert 0 <= x.b_span[0] <= x.b_span[1] <= len(b)
    assert compare(a, a).exact or not compare(a, a).found


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        (
            "They said the ferry would run in winter, and it wasn't.",
            "They said the ferry would run in winter, and it was.",
        ),
        ("Ruritania has offered talks. Berg simply hasn't.", "Ruritania has offered talks. Berg simply has."),
        ("The mine will not reopen this year.", "The mine will"),
        ("Never have so many families left Dunmore.", "have so many families left Dunmore."),
    ],
)
def test_a_claim_that_stops_short_of_the_negation_of_its_own_words_is_changed(source: str, claim: str) -> None:
    c = compare(source, claim)
    assert not c.exact
    assert ChangeType.NEGATION in {x.type for x in c.changes}


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        ("The harbour reopened in May. Nobody expected it.", "The harbour reopened in May."),  # another sentence
        ("Without a stable budget for the harbour, trade would suffer.", "a stable budget for the harbour"),
        ("We asked the council twice, but nothing was done.", "We asked the council twice"),
    ],
)
def test_a_negation_the_claim_never_covered_is_no_change(source: str, claim: str) -> None:
    assert compare(source, claim).exact

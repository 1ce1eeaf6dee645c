"""Word diffs and divergence flags between two renderings of a remark."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.diverge import compare_texts, content_words, evidence, modal_senses, word_diff

# Cosmetic variants: no flag, and a diff that is all "equal".
COSMETIC = [
    (
        "the importance of Korea-Japan relations is growing",
        "the importance of the South Korea-Japan relationship is growing",
    ),
    ("“We will win,” she said", '"We will win," she said'),
    ("We won’t give up", "we will not give up"),
    ("It can't be done", "It cannot be done"),
    ("talks with the U.S. and Japan", "talks with the US and Japan"),
    ("Korea–Japan ties", "Korea-Japan ties"),
    ("five days of talks", "5 days of talks"),
    ("Seoul's position is firm.", "Seoul’s position is firm"),
    ("They reviewed the plan", "They reviewed a plan"),
    ("more than 2% of GDP", "more than 2 percent of GDP"),
    ("a €100bn fund", "a €100 billion fund"),
]


@pytest.mark.parametrize(("a", "b"), COSMETIC)
def test_cosmetic_variants_raise_no_flag(a: str, b: str) -> None:
    assert compare_texts(a, b) == ()
    assert compare_texts(b, a) == ()


@pytest.mark.parametrize(("a", "b"), COSMETIC)
def test_cosmetic_variants_diff_as_equal(a: str, b: str) -> None:
    assert {op.op for op in word_diff(a, b)} <= {"equal"}


def flag_types(a: str, b: str, **options: object) -> set[str]:
    return {f.type for f in compare_texts(a, b, **options)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("We will attend the summit", "We will not attend the summit", "negation"),
        ("We will attend the summit", "We won't attend the summit", "negation"),
        ("The talks lasted 25 minutes", "The talks lasted 30 minutes", "number"),
        ("the call on Monday was short", "the call on Tuesday was short", "date"),
        ("a deal worth five billion", "a deal worth six billion", "number"),
        ("We must act now on trade", "We may act now on trade", "modality"),
        ("I hope both sides can find ways", "I hope both sides will find ways", "modality"),
        ("Ishiba intends to visit Seoul", "Ishiba called on Lee to visit Seoul", "modality"),
        ("I hope the talks succeed", "President Park hopes the talks succeed", "person_shift"),
        (
            "She sent me a message after my inauguration",
            "She sent a message to him after his inauguration",
            "person_shift",
        ),
        (
            "the importance of the relationship is growing",
            "the importance of the relationship has grown even further",
            "wording",
        ),
        ("We will build trust and respect over the years", "We will build trust over the years", "omission"),
        ("We will build trust over the years", "We will build lasting trust over the years", "addition"),
    ],
)
def test_meaning_changes_are_flagged_with_their_type(a: str, b: str, kind: str) -> None:
    assert kind in flag_types(a, b)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("We will attend the summit", "We won't attend the meeting", "number"),  # no number anywhere
        ("I hope Korea and Japan can work", "I hope our two countries can work", "person_shift"),  # names, not a person
        ("the needs of a new era", "the demands of a new era", "modality"),  # "needs" the noun is not modal
        ("a phone call on Monday", "a phone call on Monday night", "modality"),  # "call on" is no request here
        ("We will attend the summit", "We will attend the summit next week", "negation"),
    ],
)
def test_counter_examples_raise_no_such_flag(a: str, b: str, kind: str) -> None:
    assert kind not in flag_types(a, b)


def test_person_shift_is_not_raised_between_different_speakers() -> None:
    assert "person_shift" not in flag_types("I hope it works", "President Park hopes it works", same_speaker=False)


def test_a_paraphrase_is_not_flagged_for_rewording_but_still_for_negation() -> None:
    a, b = "we will strengthen cooperation with our partners", "we will not deepen cooperation with our partners"
    assert "wording" in flag_types(a, b)
    assert flag_types(a, b, paraphrase=True) == {"negation"}


def test_without_edges_a_partial_quote_is_no_omission() -> None:
    whole = "This year is meaningful. We will work toward a forward-looking relationship."
    part = "work toward a forward-looking relationship"
    assert "omission" in flag_types(whole, part)
    assert flag_types(whole, part, edges=False) == set()


def test_flag_detail_names_the_words_and_their_offsets() -> None:
    a, b = "The talks lasted 25 minutes", "The talks lasted 30 minutes"
    (flag,) = compare_texts(a, b)
    spans = [(int(x), int(y)) for x, y in re.findall(r"\[(\d+):(\d+)\]", flag.detail)]
    assert spans == [(17, 19), (17, 19)]
    assert a[17:19] == "25" and b[17:19] == "30"


def test_evidence_spans_point_at_the_differing_words() -> None:
    a, b = "We must act now", "We may act now"
    (e,) = evidence(a, b)
    assert e.type == "modality"
    assert [a[s:t] for s, t in e.a_spans] == ["must"] and [b[s:t] for s, t in e.b_spans] == ["may"]


def test_word_diff_marks_replaced_words_with_offsets() -> None:
    a, b = "relations are growing fast", "relations have grown fast"
    ops = [op for op in word_diff(a, b) if op.op != "equal"]
    assert [(op.op, op.a_text, op.b_text) for op in ops] == [("replace", "are growing", "have grown")]


def test_content_words_drop_function_words_and_unify_variants() -> None:
    assert content_words("the South Korea-Japan relationship") == content_words("Korea–Japan relations")


def test_a_changed_share_is_a_number_change_however_it_is_written() -> None:
    assert [f.type for f in compare_texts("spend 2% of GDP", "spend 3 percent of GDP")] == ["number"]


def test_modal_senses_read_multiword_requests() -> None:
    assert modal_senses("He called on Lee to help") == [("request", (3, 12))]
    assert modal_senses("a phone call on Monday") == []
    assert modal_senses("He called upon Lee to help") == [("request", (3, 14))]


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
WORDY = st.lists(
    st.sampled_from(
        ["we", "will", "not", "must", "may", "25", "five", "I", "he", "Korea", "South", "the", "—", "“", "’s"]
    ),
    max_size=20,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(a=st.one_of(TEXT, WORDY), b=st.one_of(TEXT, WORDY))
def test_word_diff_offsets_are_valid_for_any_text(a: str, b: str) -> None:
    ops = word_diff(a, b)
    last_a = last_b = 0
    for op in ops:
        assert 0 <= op.a_start <= op.a_end <= len(a) and 0 <= op.b_start <= op.b_end <= len(b)
        assert op.a_text == a[op.a_start : op.a_end] and op.b_text == b[op.b_start : op.b_end]
        assert op.a_start >= last_a and op.b_start >= last_b
        last_a, last_b = op.a_end, op.b_end


@settings(max_examples=150, deadline=None)
@given(a=st.one_of(TEXT, WORDY), b=st.one_of(TEXT, WORDY))
def test_compare_texts_never_raises_and_evidence_stays_inside_the_texts(a: str, b: str) -> None:
    compare_texts(a, b)
    assert compare_texts(a, a) == ()
    for e in evidence(a, b):
        assert all(0 <= s <= t <= len(a) for s, t in e.a_spans)
        assert all(0 <= s <= t <= len(b) for s, t in e.b_spans)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Japan will continue the talks.", "Japan will stop the talks."),
        ("The party supports the bill.", "The party opposed the bill."),
        ("They agreed to the plan.", "They disagreed with the plan."),
    ],
)
def test_reversed_meaning_is_a_negation(a: str, b: str) -> None:
    assert "negation" in {f.type for f in compare_texts(a, b)}


def test_a_synonym_is_not_a_reversal() -> None:
    assert "negation" not in {
        f.type for f in compare_texts("We will continue the talks.", "We will keep up the talks.")
    }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the importance of relations is growing", "the importance of relations is shrinking"),
        ("we trust each other fully", "we distrust each other fully"),
        ("dialogue is essential for peace", "dialogue is inessential for peace"),
    ],
)
def test_antonyms_and_negated_forms_are_negation_flags_as_in_verify(a: str, b: str) -> None:
    from quotes.compare import compare

    assert [f.type for f in compare_texts(a, b)] == ["negation"]
    assert [c.type.value for c in compare(a, b).changes] == ["negation"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("talks next week", "talks on Tuesday", set()),  # a unit and a day: no number
        ("they spoke on Friday about trade", "they spoke about trade", set()),  # a date on one side only
        ("a truce of two weeks", "a truce of two months", {"number"}),  # the quantity changed
        ("talks on Friday", "talks on Tuesday", {"date"}),
        ("it lasted 25 minutes", "it lasted 35 minutes", {"number"}),
    ],
)
def test_number_is_for_numerals_and_quantities_and_dates_have_their_own_flag(
    a: str, b: str, expected: set[str]
) -> None:
    assert {f.type for f in compare_texts(a, b)} & {"number", "date"} == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("génocide", "genocide"),
        ("de-Nazification", "denazification"),
        ("Inácio", "Inacio"),
        ("re-elected", "reelected"),
    ],
)
def test_diacritics_and_hyphenated_prefixes_are_cosmetic(a: str, b: str) -> None:
    assert content_words(a) == content_words(b)
    assert [op.op for op in word_diff(a, b)] == ["equal"]


def test_a_hyphen_between_two_words_still_separates_them() -> None:
    assert content_words("well-known") == content_words("well known") != content_words("wellknown")


def test_an_acronym_that_spells_a_prefix_joins_by_any_dash_as_two_words() -> None:
    """``UN-AL`` is two acronyms, not the prefix ``un-`` on a word: an en dash or a space between them is the same."""
    assert content_words("the UN-AL envoy") == content_words("the UN–AL envoy") == content_words("the UN AL envoy")
    assert [op.op for op in word_diff("the UN-AL envoy", "the UN–AL envoy")] == ["equal"]


def _difflib_lines(a: str, b: str) -> int:
    """How many lines of difflib a word diff of ``a`` and ``b`` runs (a count of work, not a time)."""
    import difflib
    import sys
    from types import FrameType

    from quotes.diverge import _opcodes

    _opcodes.cache_clear()
    lines = 0

    def trace(frame: FrameType, event: str, _arg: object) -> object:
        nonlocal lines
        if frame.f_code.co_filename != difflib.__file__:
            return None
        if event == "line":
            lines += 1
        return trace

    sys.settrace(trace)
    try:
        word_diff(a, b)
    finally:
        sys.settrace(None)
    return lines


def test_diffing_long_texts_of_common_words_costs_about_linear_work() -> None:
    import random

    def text(n: int, seed: int) -> str:
        rng = random.Random(seed)
        return " ".join(rng.choice(("the", "a", "of", "war")) for _ in range(n))

    small = _difflib_lines(text(1_100, 1), text(1_100, 2))
    large = _difflib_lines(text(4_400, 1), text(4_400, 2))
    assert large / small < 4 * 1.5  # four times the words: about four times the work, not sixteen


def test_a_long_diff_still_covers_both_texts_and_keeps_shared_ends() -> None:
    body = " ".join(f"word{i}" for i in range(1_200))
    a, b = f"{body} we will not go", f"{body} we will go"
    ops = word_diff(a, b)
    assert "".join(op.a_text for op in ops if op.op != "insert").replace(" ", "") == a.replace(" ", "")
    assert [op.op for op in ops if op.op != "equal"] == ["delete"] and ops[0].op == "equal"


def test_terminal_control_sequences_are_no_words_and_no_numbers() -> None:
    plain = "We will cut taxes by 5 percent next year."
    coloured = "We will \x1b[31mcut taxes\x1b[0m by 5 percent\x1b]0;pwned\x07 next year."
    assert content_words(coloured) == content_words(plain)
    assert [op.op for op in word_diff(coloured, plain)] == ["equal"]


@pytest.mark.parametrize(
    ("a", "b", "negation"),
    [
        # the same word negated, the negation moved by the word order: no negation
        ("We must ensure that competition does not veer into conflict", "not to veer competition into conflict", False),
        # a negation inside the words both share, before the first content word they share
        ("It has never been smooth sailing", "It has been smooth sailing", True),
        ("It has never been smooth sailing", "has been smooth sailing", True),
        # the negation moved to another word: the meaning changed
        ("The deal is not good and the plan is bad", "The deal is good and the plan is not bad", True),
        ("I do not think we will win", "I think we will not win", True),
    ],
)
def test_negation_is_what_each_rendering_negates_not_where_the_word_stands(a: str, b: str, negation: bool) -> None:
    assert ("negation" in [e.type for e in evidence(a, b)]) is negation

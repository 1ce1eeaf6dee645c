"""NLP: the pipeline's own components, on documents built by hand (no model needed to parse them)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from quotes.nlp import entities

#: English lexical attributes (lower case, title case) without a trained pipeline.
VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


UNION = ["The", "Union", "of", "Midwives", "and", "Nurses", "said"]
UNION_HEADS = [1, 6, 1, 2, 3, 3, 6]
UNION_DEPS = ["det", "nsubj", "prep", "pobj", "cc", "conj", "ROOT"]
UNION_POS = ["DET", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB"]


def test_an_organisations_name_goes_on_over_and_when_the_rest_is_a_conjunct_inside_it() -> None:
    doc = entities(_doc(UNION, UNION_HEADS, UNION_DEPS, UNION_POS, [(0, 4, "ORG"), (5, 6, "ORG")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("The Union of Midwives and Nurses", "ORG")]


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        # an acronym after "and" is an organisation of its own
        (["The", "Union", "of", "Midwives", "and", "UNICEF", "said"], [(0, 4, "ORG"), (5, 6, "ORG")]),
        # no "of": two names side by side
        (["The", "Union", "Midwives", "Group", "and", "Nurses", "said"], [(0, 4, "ORG"), (5, 6, "ORG")]),
    ],
)
def test_two_organisations_joined_by_and_stay_two(words: list[str], ents: list[tuple[int, int, str]]) -> None:
    doc = entities(_doc(words, UNION_HEADS, UNION_DEPS, UNION_POS, ents))
    assert len(doc.ents) == 2


@pytest.mark.parametrize("head", ["Federation", "Association", "Council"])
def test_a_person_whose_name_ends_in_a_bodys_head_is_that_body(head: str) -> None:
    words = ["The", "Dunmore", head, "has", "called", "for", "a", "cut"]
    heads = [2, 2, 4, 4, 4, 4, 7, 5]
    deps = ["det", "compound", "nsubj", "aux", "ROOT", "prep", "det", "pobj"]
    pos = ["DET", "PROPN", "PROPN", "AUX", "VERB", "ADP", "DET", "NOUN"]
    doc = entities(_doc(words, heads, deps, pos, [(0, 3, "PERSON")]))
    assert [(e.text, e.label_) for e in doc.ents] == [(f"The Dunmore {head}", "ORG")]


@pytest.mark.parametrize(
    ("words", "span"),
    [
        (["the", "activist", ",", "Ms", "Tola", "Banjo", ",", "spoke"], (3, 6)),  # the honorific inside the entity
        (["the", "activist", ",", "Ms", "Tola", "Banjo", ",", "spoke"], (4, 6)),  # or just before it
    ],
)
def test_an_entity_after_an_honorific_is_a_person(words: list[str], span: tuple[int, int]) -> None:
    heads = [1, 7, 1, 5, 5, 1, 1, 7]
    deps = ["det", "nsubj", "punct", "compound", "compound", "appos", "punct", "ROOT"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "VERB"]
    doc = entities(_doc(words, heads, deps, pos, [(*span, "ORG")]))
    assert [e.label_ for e in doc.ents] == ["PERSON"]


def test_a_lines_second_word_never_opens_a_sentence() -> None:
    from quotes.nlp import paragraphs

    words = ["Flooding", "\n\n", "People", "living", "on", "the", "levels", "say", "so", "."]
    doc = paragraphs(Doc(VOCAB, words=words, spaces=[False] * len(words)))
    assert doc[2].is_sent_start and doc[3].is_sent_start is False  # "People | living …" is one sentence
    assert doc[4].is_sent_start is None  # further in, the parser decides


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Lincoln", "Hall", "said", "so"], ("Lincoln Hall", "ORG")),  # a building's name (place_heads.tsv)
        (["Victoria", "Island", "said", "so"], ("Victoria Island", "ORG")),
        (["Helena", "Varga", "said", "so"], ("Helena Varga", "PERSON")),
    ],
)
def test_a_given_name_before_a_places_head_makes_no_person(words: list[str], expected: tuple[str, str]) -> None:
    heads, deps, pos = [2, 2, 2, 2], ["compound", "nsubj", "ROOT", "advmod"], ["PROPN", "PROPN", "VERB", "ADV"]
    doc = entities(_doc(words, heads, deps, pos, [(0, 2, "ORG")]))
    assert [(e.text, e.label_) for e in doc.ents] == [expected]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # a given name and a surname tagged as an organisation, after a capitalised word of role
        (["Lawyer", "Helena", "Varga", "said", "so"], [(0, 3, "ORG")], [("Helena Varga", "PERSON")]),
        (["Helena", "Varga", "said", "so"], [(0, 2, "GPE")], [("Helena Varga", "PERSON")]),
        # a body's word in the name: the organisation stays
        (["Helena", "Varga", "Group", "said", "so"], [(0, 3, "ORG")], [("Helena Varga Group", "ORG")]),
        # a word that is no given name: the tagger's label stays
        (["Varga", "Helena", "said", "so"], [(0, 2, "ORG")], [("Varga Helena", "ORG")]),
        # a given name alone names no one in full
        (["Helena", "said", "so"], [(0, 1, "ORG")], [("Helena", "ORG")]),
    ],
)
def test_a_given_name_and_a_surname_tagged_as_a_body_are_a_person(
    words: list[str], ents: list[tuple[int, int, str]], expected: list[tuple[str, str]]
) -> None:
    n = len(words)
    heads, deps = [n - 2] * n, ["compound"] * n
    pos = ["PROPN" if w[0].isupper() else "VERB" for w in words]
    doc = entities(_doc(words, heads, deps, pos, ents))
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize(
    ("words", "label", "expected"),
    [
        (["Isle", "of", "Dunmore", "Constabulary", "said", "so"], "LOC", "ORG"),  # a police force
        (["Dunmore", "Foods", "Ltd", "said", "so"], "GPE", "ORG"),  # a company
        (["West", "Dunmore", "Police", "said", "so"], "FAC", "ORG"),
        (["West", "Bank", "said", "so"], "LOC", "LOC"),  # a body's head ("the bank pledged") that names a place too
        (["Dunmore", "Island", "said", "so"], "LOC", "LOC"),  # a place
    ],
)
def test_a_place_named_with_the_noun_of_a_kind_of_body_is_that_body(
    words: list[str], label: str, expected: str
) -> None:
    n = len(words) - 2
    heads, deps = [n - 1] * n + [n, n], ["compound"] * (n - 1) + ["nsubj", "ROOT", "advmod"]
    pos = ["PROPN"] * n + ["VERB", "ADV"]
    doc = entities(_doc(words, heads, deps, pos, [(0, n, label)]))
    assert [(e.text, e.label_) for e in doc.ents] == [(" ".join(words[:n]), expected)]


#: The parse of "<det> <noun> , Novak , said so" (Novak in apposition to the noun) and of "Novak , <number> , said so".
APPOSED = (
    [1, 5, 1, 1, 1, 5, 5],
    ["det", "nsubj", "punct", "appos", "punct", "ROOT", "advmod"],
    ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB", "ADV"],
)
AGED = (
    [4, 0, 0, 0, 4, 4],
    ["nsubj", "punct", "appos", "punct", "ROOT", "advmod"],
    ["PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "ADV"],
)


@pytest.mark.parametrize(
    ("words", "parse", "label", "expected"),
    [
        (["Another", "farmer", ",", "Novak", ",", "said", "so"], APPOSED, "ORG", "PERSON"),  # a noun of a person
        (["Novak", ",", "46", ",", "said", "so"], AGED, "GPE", "PERSON"),  # an age in apposition
        (["The", "company", ",", "Novak", ",", "said", "so"], APPOSED, "ORG", "ORG"),  # a noun of a body: as tagged
        (["Novak", ",", "1800", ",", "said", "so"], AGED, "GPE", "GPE"),  # a number that is no age: as tagged
    ],
)
def test_a_name_described_as_a_person_or_given_an_age_is_a_person(
    words: list[str], parse: tuple[list[int], list[str], list[str]], label: str, expected: str
) -> None:
    heads, deps, pos = parse
    at = words.index("Novak")
    doc = entities(_doc(words, heads, deps, pos, [(at, at + 1, label)]))
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Novak"] == [("Novak", expected)]


@pytest.mark.parametrize(
    ("prep", "expected"),
    [("in", "GPE"), ("across", "GPE"), ("from", "PERSON"), ("to", "PERSON")],
)
def test_a_person_named_as_the_object_of_a_preposition_of_place_is_a_place(prep: str, expected: str) -> None:
    words = ["Vendors", prep, "Novak", "said", "so", ".", "Novak", "is", "big"]
    heads = [3, 0, 1, 3, 3, 3, 7, 7, 7]
    deps = ["nsubj", "prep", "pobj", "ROOT", "advmod", "punct", "nsubj", "ROOT", "acomp"]
    pos = ["NOUN", "ADP", "PROPN", "VERB", "ADV", "PUNCT", "PROPN", "AUX", "ADJ"]
    doc = entities(_doc(words, heads, deps, pos, [(2, 3, "PERSON"), (6, 7, "PERSON")]))
    assert [e.label_ for e in doc.ents] == [expected, expected]  # everywhere in the article


@pytest.mark.parametrize(("label", "expected"), [("GPE", "PERSON"), ("ORG", "PERSON"), ("DATE", "DATE")])
def test_a_lone_word_tagged_as_a_body_or_place_is_the_surname_of_the_person_named_in_full(
    label: str, expected: str
) -> None:
    words = ["Olaf", "Berg", "spoke", ".", "Berg", "said", "so"]
    heads, deps = [1, 2, 2, 2, 5, 5, 5], ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "ADV"]
    doc = entities(_doc(words, heads, deps, pos, [(0, 2, "PERSON"), (4, 5, label)]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Olaf Berg", "PERSON"), ("Berg", expected)]


def test_a_persons_name_after_an_indefinite_article_is_no_name() -> None:
    words = ["The", "mayor", ",", "a", "Social", "Democrat", ",", "said", "so"]
    heads, deps = (
        [1, 7, 1, 5, 5, 1, 1, 7, 7],
        ["det", "nsubj", "punct", "det", "compound", "appos", "punct", "ROOT", "advmod"],
    )
    pos = ["DET", "NOUN", "PUNCT", "DET", "PROPN", "PROPN", "PUNCT", "VERB", "ADV"]
    assert list(entities(_doc(words, heads, deps, pos, [(4, 6, "PERSON")])).ents) == []
    words[3] = "the"  # "the Social Democrat": a description the tagger may take for a name; left as it is
    assert [e.text for e in entities(_doc(words, heads, deps, pos, [(4, 6, "PERSON")])).ents] == ["Social Democrat"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the person named again elsewhere: the organisation ran on into the name
        (
            ["Ministry", "of", "Health", "Anna", "Berg", "said", ".", "Berg", "left"],
            [("Ministry of Health", "ORG"), ("Anna Berg", "PERSON"), ("Berg", "PERSON")],
        ),
        # a last word no person of the article bears: the organisation stays whole
        (
            ["Ministry", "of", "Health", "Anna", "Berg", "said", ".", "Novak", "left"],
            [("Ministry of Health Anna Berg", "ORG"), ("Novak", "PERSON")],
        ),
    ],
)
def test_an_organisation_run_on_into_a_persons_name_is_split(words: list[str], expected: list[tuple[str, str]]) -> None:
    heads = [5, 0, 1, 4, 0, 5, 5, 8, 8]
    deps = ["nsubj", "prep", "pobj", "compound", "appos", "ROOT", "punct", "nsubj", "ROOT"]
    pos = ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"]
    doc = entities(_doc(words, heads, deps, pos, [(0, 5, "ORG"), (7, 8, "PERSON")]))
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # a person's name ending in a road's head is the road; the names before "of" it are a person
        (
            ["Kolar", "Varga", "of", "Dunmore", "Tara", "Road", "said", "so"],
            [(0, 2, "ORG"), (3, 6, "PERSON")],
            [("Kolar Varga", "PERSON"), ("Dunmore Tara Road", "FAC")],
        ),
        # a body's word in the organisation: a body of that place
        (
            ["Varga", "Bank", "of", "Dunmore", "said", "so"],
            [(0, 2, "ORG"), (3, 4, "GPE")],
            [("Varga Bank", "ORG"), ("Dunmore", "GPE")],
        ),
        # no "of" before the place: the tagger's labels stay
        (
            ["Kolar", "Varga", "in", "Dunmore", "said", "so"],
            [(0, 2, "ORG"), (3, 4, "GPE")],
            [("Kolar Varga", "ORG"), ("Dunmore", "GPE")],
        ),
    ],
)
def test_names_before_of_and_a_place_are_a_person_and_a_persons_name_ending_in_road_is_a_place(
    words: list[str], ents: list[tuple[int, int, str]], expected: list[tuple[str, str]]
) -> None:
    n = len(words)
    heads, deps = [n - 2] * n, ["compound"] * n
    pos = ["PROPN" if w[0].isupper() else ("ADP" if w in ("of", "in") else "VERB") for w in words]
    doc = entities(_doc(words, heads, deps, pos, ents))
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_an_age_compound_is_one_token_and_offsets_stay() -> None:
    from quotes.nlp import ages

    text = "The 22-year-old and a six-month-old said so."
    doc = ages(spacy.blank("en")(text))
    assert [t.text for t in doc][:5] == ["The", "22-year-old", "and", "a", "six-month-old"]
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 31-year-old told reporters he was fine.",
        'The 22-year-old wrote on Instagram: "I will be back for the final."',
    ],
)
def test_an_age_used_as_a_noun_is_the_subject_of_its_verb(sentence: str) -> None:
    from quotes import extract

    text = f"Tomas Berg, a winger, went off with a sore ankle.\n\n{sentence}"
    [ex] = extract([text], cache=False)
    assert [(q.speaker, q.speaker_mention) for q in ex.quotes] == [
        ("Tomas Berg", sentence.split(" told")[0].split(" wrote")[0])
    ]


@pytest.mark.parametrize(("noun", "expected"), [("mum", "PERSON"), ("nurse", "PERSON"), ("firm", "ORG")])
def test_a_name_with_a_noun_of_a_person_compounded_onto_it_is_a_person(noun: str, expected: str) -> None:
    words = ["Dunmore", noun, "Nerys", "Calloway", "decided", "so"]  # "Dunmore mum Nerys Calloway", tagged ORG
    heads = [1, 3, 3, 4, 4, 4]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "advmod"]
    pos = ["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "ADV"]
    doc = entities(_doc(words, heads, deps, pos, [(2, 4, "ORG")]))
    assert [e.label_ for e in doc.ents] == [expected]


@pytest.mark.parametrize(("noun", "expected"), [("daughter", [("Anna Holt", "PERSON")]), ("spokeswoman", [])])
def test_an_untagged_name_that_owns_a_word_of_kinship_is_a_person(noun: str, expected: list[tuple[str, str]]) -> None:
    words = ["When", "Anna", "Holt", "'s", noun, "fell", "ill"]  # "When Anna Holt's daughter fell ill", untagged
    heads = [5, 2, 4, 2, 5, 5, 5]
    deps = ["advmod", "compound", "poss", "case", "nsubj", "ROOT", "acomp"]
    pos = ["SCONJ", "PROPN", "PROPN", "PART", "NOUN", "VERB", "ADJ"]
    doc = entities(_doc(words, heads, deps, pos, []))
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("apostrophe", ["’", "'"])
@pytest.mark.parametrize("given", [True, False])
def test_a_prefixed_surname_is_part_of_a_persons_name(apostrophe: str, given: bool) -> None:
    """``Judge Tomas O’Brien``, ``Judge O’Brien``: the small tagger reads the surname as an adverb outside any
    entity; it ends the person's name before it, or is one of its own."""
    surname = f"O{apostrophe}Brien"
    if given:
        doc = _doc(
            ["Judge", "Tomas", surname, "adjourned"],
            [1, 3, 3, 3],
            ["compound", "nsubj", "advmod", "ROOT"],
            ["PROPN", "PROPN", "ADV", "VERB"],
            [(1, 2, "PERSON")],
        )
    else:
        doc = _doc(
            ["Judge", surname, "adjourned"], [2, 2, 2], ["nsubj", "advmod", "ROOT"], ["PROPN", "ADV", "VERB"], []
        )
    doc = entities(doc)
    expected = [f"Tomas O{apostrophe}Brien"] if given else [f"O{apostrophe}Brien"]
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == expected

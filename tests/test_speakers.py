"""Speaker resolution on plain records: names, pronouns, bodies, ids across documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from quotes.errors import DataError, InputError
from quotes.speakers import apply_authority, load_authority, resolve, same_person, slug, summarize, unify
from quotes.types import Article, Attribution, Extraction, Kind, Mention, Quote, Speaker, SpeakerKind

Extract = Callable[[str], list[Quote]]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kang Yu-jung", "Kang Yoo-jung"),
        ("Lee Jae-myung", "Lee Jae Myung"),
        ("Yoon Suk Yeol", "Yoon Suk-yeol"),
        ("Park Jeong-hee", "Park Jung-hee"),
    ],
)
def test_romanization_variants_share_an_id(a: str, b: str) -> None:
    assert slug(a, person=True) == slug(b, person=True)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Lee Jae-myung", "Lee Nak-yon"),
        ("Kang Yu-jung", "Kang Kyung-wha"),
    ],
)
def test_different_people_keep_different_ids(a: str, b: str) -> None:
    assert slug(a, person=True) != slug(b, person=True)


def test_hepburn_and_kunrei_spellings_of_one_name_are_one_person() -> None:
    a = Speaker("fumio-kishida", "Fumio Kishida", SpeakerKind.PERSON)
    b = Speaker("shinjiro-koizumi", "Shinjiro Koizumi", SpeakerKind.PERSON)
    assert same_person(b, Speaker("sinziro-koizumi", "Sinziro Koizumi", SpeakerKind.PERSON))  # shi/si, ji/zi
    assert same_person(a, Speaker("fumio-kisida", "Fumio Kisida", SpeakerKind.PERSON))
    assert not same_person(a, Speaker("fumio-kimura", "Fumio Kimura", SpeakerKind.PERSON))


def test_a_lone_surname_taken_for_an_organisation_joins_the_one_person_with_that_surname() -> None:
    full = Speaker("fumio-kishida", "Fumio Kishida", SpeakerKind.PERSON)
    lone = Speaker("kisida", "Kisida", SpeakerKind.INSTITUTION)  # another romanization, tagged ORG
    exs = [
        Extraction(Article("a.txt", "x"), (Quote("a.txt", None, 0, 1, "x", Kind.DIRECT, full.name, full.id),), (full,)),
        Extraction(Article("b.txt", "y"), (Quote("b.txt", None, 0, 1, "y", Kind.DIRECT, lone.name, lone.id),), (lone,)),
    ]
    assert {q.speaker_id for ex in unify(exs) for q in ex.quotes} == {"fumio-kishida"}


def test_institution_ids_drop_articles_and_possessives() -> None:
    assert slug("the Ministry of Foreign Affairs") == "ministry-of-foreign-affairs"
    assert slug("Japan’s Ministry of Foreign Affairs") == "japan-ministry-of-foreign-affairs"


def _person(text: str, start: int, *, subject: bool = True) -> Mention:
    return Mention(text, start, start + len(text), "name", "PERSON", is_subject=subject)


def _resolve(text: str, atts: list[Attribution], mentions: list[Mention]) -> list[tuple[str | None, str | None]]:
    ex = resolve(Article(doc="t.txt", text=text), atts, mentions)
    return [(q.speaker, q.via) for q in ex.quotes]


def test_short_name_takes_the_nearest_fuller_name_before_it() -> None:
    text = "Kim Min-ji spoke. Kim Tae-ho spoke. Kim said x."
    mentions = [_person("Kim Min-ji", 0), _person("Kim Tae-ho", 18)]
    att = Attribution(44, 45, Kind.INDIRECT, cue="said", mention=_person("Kim", 36))
    assert _resolve(text, [att], mentions) == [("Kim Tae-ho", None)]


def test_pronoun_prefers_the_last_subject() -> None:
    text = "Anna Berg met Peter Novak. She said x."
    mentions = [_person("Anna Berg", 0), _person("Peter Novak", 14, subject=False)]
    she = Mention("She", 26, 29, "pronoun", is_subject=True)
    att = Attribution(35, 36, Kind.INDIRECT, cue="said", mention=she)
    assert _resolve(text, [att], mentions) == [("Anna Berg", None)]


def test_plural_pronoun_gives_no_speaker() -> None:
    text = "They said x."
    att = Attribution(10, 11, Kind.INDIRECT, cue="said", mention=Mention("They", 0, 4, "pronoun"))
    assert _resolve(text, [att], []) == [(None, None)]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (  # the group of unnamed sources in the paragraph before
            "Residents in Ruritania are worried that the river may flood.\n\n"
            "Speaking to reporters this week, they said they could be forced to leave.",
            ["residents in Ruritania"],
        ),
        (  # business owners are a vox-pop group like residents
            "Small business owners in Ruritania are concerned that they may have to close.\n\n"
            "Speaking to reporters, they said they could be forced to cut jobs.",
            ["Small business owners in Ruritania"],
        ),
        (  # one unnamed source is never "they"
            "A resident said the water came fast.\n\nThey said the council had ignored warnings.",
            ["resident", None],
        ),
        (  # a group described in the plural that spoke
            "The councillors alleged a lack of transparency at the assembly.\n\n"
            "They said the chaos was the tip of other ills.",
            ["councillors", "councillors"],
        ),
        (  # too far back for the group, but the "they" before it names it
            "The councillors alleged a lack of transparency at the assembly.\n\n"
            "In a statement read by councillor Anna Holt, the ward reps alleged intimidation on the side of the "
            "police for exercising their oversight role which they said is against the law.\n\n"
            "They said the chaos was just the tip of other ills affecting the assembly.",
            ["councillors", "councillors", "councillors"],
        ),
        (  # a name inside another phrase ("a Dunmore school board meeting") is no body between them
            "Parents packed a Dunmore school board meeting on Tuesday night to protest the decision.\n\n"
            "Many of them commute to jobs in other cities, and they say they cannot drive their children to school.",
            ["parents"],
        ),
        (  # the parties to a meeting are no group that spoke as one
            "The leaders said the talks had gone well.\n\nThey said a second round would follow.",
            ["leaders", None],
        ),
        (  # a named body in between: "they" is left unresolved
            "Residents said the water came fast.\n\nThe ministry said the bridge was safe.\n\n"
            "They said the council had checked it.",
            ["residents", "ministry", None],
        ),
        (  # too far back
            "Residents said the water came fast.\n\nThe storm passed at noon.\n\nThe roads reopened.\n\n"
            "They said the council had ignored warnings.",
            ["residents", None],
        ),
        (  # "it": the body that spoke in the sentence before
            "The Ruritanian Nurses Union said staff were exhausted.\n\nIt said the wards must be reopened.",
            ["Ruritanian Nurses Union", "Ruritanian Nurses Union"],
        ),
        (  # a subject inside the reported words is not what "it" refers to
            "The Ruritanian Nurses Union said its members were exhausted. It said the wards must be reopened.",
            ["Ruritanian Nurses Union", "Ruritanian Nurses Union"],
        ),
        (  # a group quoted, then one of its members, then the group again
            "Parents say the district spent millions on a new office.\n\n"
            '"They have put all the money into themselves," said parent Anna Holt.\n\n'
            "They also say they should have been given more warning before the cut.",
            ["parents", "Anna Holt", "parents"],
        ),
        (  # "these people" points back at the group as "they" does
            "The villagers marched to the Westbrook police station, saying the officer had harassed them.\n\n"
            "These people allege that the officer takes bribes.",
            ["villagers", "villagers"],
        ),
        (  # "it" after a body the article quotes ("according to …"), not only one that is a subject
            "According to the Ruritanian embassy in Westbrook, the banks were closed on Monday.\n\n"
            "“However, by midday people were seen queuing at the cash machines,” it added.",
            ["Ruritanian embassy in Westbrook"] * 2,
        ),
        (  # "it" after an "it" that names the body
            "The Ruritanian Nurses Union said staff were exhausted.\n\nIt said the wards must be reopened.\n\n"
            "It added that nurses would strike on Friday.",
            ["Ruritanian Nurses Union"] * 3,
        ),
        (  # a photo caption between is page furniture, no paragraph between them
            "The Ruritanian Nurses Union said staff were exhausted.\n\n"
            "Nurses gather outside Dunmore General Hospital on Monday. Picture: Getty\n\n"
            "It said the wards must be reopened.",
            ["Ruritanian Nurses Union"] * 2,
        ),
        (  # a person is never "it"
            "Anna Berg said the wards were full. It said the wards must be reopened.",
            ["Anna Berg", None],
        ),
        (  # "it" too far back
            "The Ruritanian Nurses Union said staff were exhausted.\n\nThe storm passed at noon.\n\n"
            "The roads reopened.\n\nIt said the wards must be reopened.",
            ["Ruritanian Nurses Union", None],
        ),
    ],
)
def test_they_and_it_are_the_group_or_body_that_spoke_just_before(
    quotes_of: Extract, text: str, speakers: list[str | None]
) -> None:
    assert [q.speaker for q in quotes_of(text)] == speakers


def test_a_description_two_bodies_fit_is_the_one_named_last_before_it(quotes_of: Extract) -> None:
    text = (
        "Officials with the Dunmore County Department of Public Health said the patient had recovered. Officials "
        "with the Ruritania Department of Health Services said a second patient was at home. The department said "
        "it would not release the person's age."
    )
    assert quotes_of(text)[-1].speaker == "Ruritania Department of Health Services"


def test_description_resolves_to_fuller_body_with_same_head_and_country() -> None:
    text = (
        "Japan's Ministry of Foreign Affairs spoke. Japan's prime minister's office spoke. "
        "The Japanese ministry said x."
    )
    bodies = [
        Mention("Japan's Ministry of Foreign Affairs", 0, 35, "name", "ORG"),
        Mention("Japan's prime minister's office", 43, 74, "description"),
    ]
    ministry = Mention("The Japanese ministry", 82, 103, "description")
    att = Attribution(109, 110, Kind.INDIRECT, cue="said", mention=ministry)
    assert _resolve(text, [att], bodies) == [("Japan's Ministry of Foreign Affairs", None)]


@pytest.mark.parametrize("description", ["The company", "The firm", "The corporation"])
def test_a_description_resolves_to_a_body_whose_head_names_the_same_kind(description: str) -> None:
    text = f"Dunmore Agricultural Corporation spoke. {description} said x."
    body = Mention("Dunmore Agricultural Corporation", 0, 32, "name", "ORG")
    mention = Mention(description, 40, 40 + len(description), "description")
    att = Attribution(46 + len(description) - 1, 47 + len(description) - 1, Kind.INDIRECT, cue="said", mention=mention)
    assert _resolve(text, [att], [body]) == [("Dunmore Agricultural Corporation", None)]


def test_a_description_of_another_kind_of_body_is_not_a_company() -> None:
    text = "Dunmore Agricultural Corporation spoke. The union said x."
    body = Mention("Dunmore Agricultural Corporation", 0, 32, "name", "ORG")
    att = Attribution(55, 56, Kind.INDIRECT, cue="said", mention=Mention("The union", 40, 49, "description"))
    assert _resolve(text, [att], [body]) == [("union", None)]


def test_anonymous_source_is_never_merged_with_a_body() -> None:
    text = "The presidential office spoke. A senior official from the presidential office said x."
    bodies = [Mention("The presidential office", 0, 23, "description")]
    anon = Mention("A senior official from the presidential office", 31, 77, "description")
    att = Attribution(83, 84, Kind.INDIRECT, cue="said", mention=anon)
    ex = resolve(Article(doc="t.txt", text=text), [att], bodies)
    assert ex.quotes[0].speaker == "senior official from the presidential office"
    assert ex.speakers[0].kind.value == "anonymous"


def test_unify_shows_one_name_per_id_across_documents() -> None:
    a = resolve(
        Article("a.txt", "Kang Yu-jung said x."),
        [Attribution(18, 19, Kind.INDIRECT, cue="said", mention=_person("Kang Yu-jung", 0))],
        [],
    )
    b = resolve(
        Article("b.txt", "Kang Yoo-jung said x."),
        [Attribution(19, 20, Kind.INDIRECT, cue="said", mention=_person("Kang Yoo-jung", 0))],
        [],
    )
    c = resolve(
        Article("c.txt", "Kang Yu-jung said y."),
        [Attribution(18, 19, Kind.INDIRECT, cue="said", mention=_person("Kang Yu-jung", 0))],
        [],
    )
    out = unify([a, b, c])
    assert {q.speaker for ex in out for q in ex.quotes} == {"Kang Yu-jung"}
    assert {q.speaker_id for ex in out for q in ex.quotes} == {"kang-yu-jung"}


def _sp(name: str, role: str | None = None) -> Speaker:
    return Speaker(id=slug(name, person=True), name=name, kind=SpeakerKind.PERSON, role=role)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Lee Jae-myung", "Lee Jae Myung"),
        ("Lee Jae-myung", "Lee Jaemyung"),
        ("Lee Jae-myung", "Jae-myung Lee"),
        ("Lee Jae-myung", "Lee Jae-myoung"),
        ("Kang Yu-jung", "Kang Yoo-jeong"),
    ],
)
def test_same_person_merges_spelling_variants(a: str, b: str) -> None:
    assert same_person(_sp(a), _sp(b))


@pytest.mark.parametrize(
    "a, b",
    [
        ("Lee Jae-myung", "Lee Nak-yon"),
        ("Kim Jong-un", "Kim Jong-il"),
        ("Lee", "Lee Jae-myung"),
    ],
)
def test_same_person_keeps_different_people_apart(a: str, b: str) -> None:
    assert not same_person(_sp(a), _sp(b))


def test_contradicting_roles_keep_namesakes_apart() -> None:
    assert not same_person(_sp("Lee Jae-myung", "president"), _sp("Lee Jae Myung", "professor"))
    assert same_person(_sp("Lee Jae-myung", "president"), _sp("Lee Jae Myung", "former president"))


def test_a_courtesy_title_contradicts_no_role() -> None:
    assert same_person(_sp("Vladimir V. Putin", "mr."), _sp("Vladimir Putin", "president"))
    assert same_person(_sp("Anna Berg", "dr."), _sp("Anna Berg", "former minister"))


def _said(doc: str, name: str) -> Extraction:
    """One document in which ``name`` said something."""
    text = f"{name} said x."
    att = Attribution(len(text) - 2, len(text) - 1, Kind.INDIRECT, cue="said", mention=_person(name, 0))
    return resolve(Article(doc, text), [att], [])


def test_unify_merges_fuzzy_variants_under_the_most_quoted_id() -> None:
    out = unify([_said("a.txt", "Lee Jae-myung"), _said("b.txt", "Lee Jae-myoung"), _said("c.txt", "Lee Jae-myung")])
    assert {(q.speaker_id, q.speaker) for ex in out for q in ex.quotes} == {("lee-jae-myung", "Lee Jae-myung")}


@pytest.mark.parametrize("full", ["Fumio Kishida", "Kishida Fumio"])
def test_a_surname_alone_is_the_one_person_of_the_corpus_with_that_surname(full: str) -> None:
    out = unify([_said("a.txt", full), _said("b.txt", "Kishida"), _said("c.txt", "Joe Biden")])
    assert [ex.quotes[0].speaker for ex in out] == [full, full, "Joe Biden"]


def test_a_surname_two_people_share_stays_apart() -> None:
    out = unify([_said("a.txt", "Joe Biden"), _said("b.txt", "Hunter Biden"), _said("c.txt", "Biden")])
    assert [ex.quotes[0].speaker_id for ex in out] == ["joe-biden", "hunter-biden", "biden"]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Helena Varga", "Anna Helena Varga"),
        ("Holt Varga", "Holt Varga Berg"),
        ("Kolar da Costa", "Anna Kolar da Costa"),
    ],
)
def test_a_name_that_opens_or_closes_the_one_fuller_name_is_that_person(short: str, full: str) -> None:
    out = unify([_said("a.txt", full), _said("b.txt", short), _said("c.txt", "Tom Novak")])
    assert [ex.quotes[0].speaker for ex in out] == [full, full, "Tom Novak"]


def test_a_surname_joins_a_name_and_its_fuller_form_as_one_person() -> None:
    out = unify([_said("a.txt", "Anna Helena Varga"), _said("b.txt", "Helena Varga"), _said("c.txt", "Varga")])
    assert {ex.quotes[0].speaker_id for ex in out} == {"anna-helena-varga"}


def test_a_name_two_fuller_names_hold_stays_apart() -> None:
    out = unify([_said("a.txt", "Kolar Varga Anna"), _said("b.txt", "Kolar Varga Tom"), _said("c.txt", "Kolar Varga")])
    assert len({ex.quotes[0].speaker_id for ex in out}) == 3


def test_a_description_is_not_a_surname() -> None:
    out = unify([_said("a.txt", "The Energy Minister"), _said("b.txt", "The Minister")])
    assert len({ex.quotes[0].speaker_id for ex in out}) == 2


def test_authority_file_pins_names_and_ids(tmp_path: Path) -> None:
    file = tmp_path / "speakers.toml"
    file.write_text(
        '[[speaker]]\nid = "berg"\nname = "Anna K. Berg"\naliases = ["Anna Berg", "Berg"]\n', encoding="utf-8"
    )
    ex = resolve(
        Article("a.txt", "Anna Berg said x."),
        [Attribution(15, 16, Kind.INDIRECT, cue="said", mention=_person("Anna Berg", 0))],
        [],
    )
    (out,) = apply_authority([ex], load_authority(file))
    assert (out.quotes[0].speaker, out.quotes[0].speaker_id) == ("Anna K. Berg", "berg")


@pytest.mark.parametrize(
    "content, error",
    [("[[speaker]]\nname = 'No id'\n", DataError), ("not toml [", InputError)],
)
def test_bad_authority_file_is_a_clear_error(tmp_path: Path, content: str, error: type[Exception]) -> None:
    file = tmp_path / "speakers.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(error, match="speakers.toml"):
        load_authority(file)


def test_summarize_counts_quotes_per_outlet_and_mentions() -> None:
    text = "Anna Berg said x. Berg said y."
    atts = [
        Attribution(15, 16, Kind.INDIRECT, cue="said", mention=_person("Anna Berg", 0)),
        Attribution(28, 29, Kind.INDIRECT, cue="said", mention=_person("Berg", 18)),
    ]
    ex = resolve(Article("a.txt", text, outlet="Daily"), atts, [])
    (summary,) = summarize([ex])
    assert summary.name == "Anna Berg"
    assert dict(summary.mentions) == {"Anna Berg": 1, "Berg": 1}
    assert dict(summary.quotes_by_outlet) == {"Daily": 2}


def _body_said(doc: str, name: str, before: str = "") -> Extraction:
    text = f"{before}{name} said x."
    m = Mention(name, len(before), len(before) + len(name), "description")
    return resolve(Article(doc, text), [Attribution(len(text) - 2, len(text) - 1, Kind.INDIRECT, mention=m)], [])


def test_short_body_name_merges_into_the_one_fuller_body_across_documents() -> None:
    a = _body_said("a.txt", "the presidential office", before="Talks in Ruritania ended. ")
    out = unify([a, _body_said("b.txt", "Ruritania's presidential office")])
    assert {q.speaker for ex in out for q in ex.quotes} == {"Ruritania's presidential office"}


@pytest.mark.parametrize(
    "story", ["A man was hurt on a beach in Maughold. ", "Talks in Dunmore ended. ", "Rain fell in Ruritanian towns. "]
)
def test_a_short_body_name_stays_itself_in_a_document_that_never_names_the_fuller_bodys_place(story: str) -> None:
    out = unify([_body_said("a.txt", "Police", before=story), _body_said("b.txt", "Paphos police")])
    assert [q.speaker for ex in out for q in ex.quotes] == ["Police", "Paphos police"]


def test_a_short_body_name_takes_a_demonym_of_the_fuller_bodys_place_as_its_evidence() -> None:
    a = _body_said("a.txt", "the presidential office", before="French talks ended. ")
    out = unify([a, _body_said("b.txt", "France's presidential office")])
    assert {q.speaker for ex in out for q in ex.quotes} == {"France's presidential office"}


def test_his_office_is_the_office_of_the_person_he_refers_to() -> None:
    text = "Paul Ryan spoke. His office said x."
    office = Mention("His office", 17, 27, "description")
    att = Attribution(33, 34, Kind.INDIRECT, cue="said", mention=office)
    assert _resolve(text, [att], [_person("Paul Ryan", 0)]) == [("Paul Ryan's office", None)]


def test_a_middle_initial_does_not_make_another_person() -> None:
    from quotes.speakers.identity import same_person
    from quotes.types import Speaker, SpeakerKind

    a = Speaker("vladimir-v-putin", "Vladimir V. Putin", SpeakerKind.PERSON)
    b = Speaker("vladimir-putin", "Vladimir Putin", SpeakerKind.PERSON)
    c = Speaker("vladimir-potanin", "Vladimir Potanin", SpeakerKind.PERSON)
    assert same_person(a, b) and not same_person(a, c)


def test_unify_compares_namesakes_by_block_not_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import quotes.speakers.identity as identity

    syllables = ("min", "ji", "ho", "su", "yeon", "jun", "woo", "hye", "seo", "jin", "kyung", "hee", "tae", "young")
    rng = random.Random(0)
    names: set[str] = set()
    while len(names) < 1_000:
        names.add(f"Kim {rng.choice(syllables).title()}-{rng.choice(syllables)}{rng.choice(syllables)}")
    calls = 0
    real = identity.same_person

    def counted(a: Speaker, b: Speaker) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(identity, "same_person", counted)
    out = unify([_said(f"{i}.txt", name) for i, name in enumerate(sorted(names))])
    assert calls < 1_000 * 999 / 2 / 5  # a fifth of all pairs at most: blocks, not one block of every Kim
    assert len({ex.quotes[0].speaker_id for ex in out}) < 1_000  # spelling variants still merge


def test_a_pronoun_is_never_an_alias_of_a_speaker() -> None:
    text = "Anna Berg arrived. She said x. Berg said y."
    atts = [
        Attribution(28, 29, Kind.INDIRECT, cue="said", mention=Mention("She", 19, 22, "pronoun")),
        Attribution(41, 42, Kind.INDIRECT, cue="said", mention=_person("Berg", 31)),
    ]
    ex = resolve(Article("a.txt", text, outlet="Daily"), atts, [_person("Anna Berg", 0)])
    (summary,) = summarize([ex])
    assert summary.name == "Anna Berg"
    assert dict(summary.mentions) == {"She": 1, "Berg": 1}  # the mentions seen: pronouns too
    assert "She" not in summary.aliases and "Berg" in summary.aliases


def test_given_names_keep_only_names_most_bearers_of_one_gender_share(script: Callable[[str], ModuleType]) -> None:
    build = script("build_given_names")
    data = {
        "margit": [12, 5000, 0.995, 3],  # women's
        "anton": [12, 5000, 0.004, 3],  # men's
        "robin": [12, 5000, 0.45, 3],  # both
        "zofka": [3, 40, 1.0, 3],  # too few bearers to tell
        "李": [5, 9000, 1.0, 3],  # not in Latin letters
    }
    assert build.rows(data) == [("anton", "male"), ("margit", "female")]


def test_the_shipped_given_names_are_lowercase_names_with_a_gender() -> None:
    from quotes.config import lexicon

    names = lexicon().given_names
    assert len(names) > 5000 and set(names.values()) == {"female", "male"}
    assert all(n == n.lower() and " " not in n for n in names)


def test_person_nouns_keep_nouns_whose_first_sense_is_a_person_or_agent_nouns_with_one(
    script: Callable[[str], ModuleType], tmp_path: Path
) -> None:
    build = script("build_person_nouns")
    # a miniature WordNet: offset, lexicographer class, type, word count (hex), word, lex id, …
    (tmp_path / "data.noun").write_text(
        "  1 licence header line\n"
        "00000001 18 n 01 baker 0 000 | a person who bakes\n"
        "00000002 06 n 01 scrubber 0 000 | a machine that scrubs\n"
        "00000003 18 n 01 scrubber 0 000 | a person who scrubs\n"
        "00000004 10 n 01 note 0 000 | a short message\n"
        "00000005 18 n 01 note 0 000 | a person of note\n"
        "00000006 18 n 01 Franklin 0 000 | a statesman\n"
        "00000007 18 n 01 tax_collector 0 000 | a person who collects taxes\n"
        "00000008 10 n 01 reminder 0 000 | a message\n"
        "00000009 18 n 01 reminder 0 000 | a person who reminds\n",
        encoding="latin-1",
    )
    (tmp_path / "index.noun").write_text(
        "  1 licence header line\n"
        "baker n 1 1 @ 1 0 00000001\n"
        "scrubber n 2 1 @ 2 0 00000002 00000003\n"  # a thing first, a person second: kept (an agent noun)
        "note n 2 1 @ 2 0 00000004 00000005\n"  # a thing first, no agent ending: left out
        "franklin n 1 1 @ 1 0 00000006\n"  # a proper name
        "tax_collector n 1 1 @ 1 0 00000007\n"  # more than one word
        "reminder n 2 1 @ 2 0 00000008 00000009\n",  # an agent ending, but a text first: left out
        encoding="latin-1",
    )
    classes, words = build.synsets(tmp_path / "data.noun")
    assert build.person_nouns(tmp_path / "index.noun", classes, words) == ["baker", "scrubber"]


def test_the_shipped_person_nouns_name_people_not_things() -> None:
    from quotes.config import lexicon

    nouns = lexicon().person_nouns
    assert {"pensioner", "nurse", "dishwasher", "retiree", "plumber"} <= nouns
    assert not {"report", "statement", "sign", "study", "letter"} & nouns


def _speakers_of(*subjects: str) -> list[str | None]:
    """The speaker of each document's one report, each document a subject saying the same thing."""
    from quotes import extract

    said = " said the border with its neighbour would stay open all winter."
    docs = [Article(f"{n}.txt", subject + said, f"Outlet {n}") for n, subject in enumerate(subjects)]
    return [q.speaker for ex in extract(docs, cache=False) for q in ex.quotes]


def test_a_place_and_a_title_left_unresolved_are_the_one_person_the_corpus_names_so() -> None:
    speakers = _speakers_of(
        "Portuguese President Anna Holt",
        "Portugal’s president",
        "The Portuguese president",
        "Spain’s president",  # no one the corpus names is from Spain: it stays as written
    )
    assert speakers[:3] == ["Anna Holt"] * 3
    assert speakers[3] != "Anna Holt"


def test_an_epithet_that_two_people_of_the_place_fit_stays_as_written() -> None:
    speakers = _speakers_of(
        "Portuguese President Anna Holt", "Portuguese Foreign Minister Tomas Berg", "Portugal’s leader"
    )
    assert speakers[:2] == ["Anna Holt", "Tomas Berg"]
    assert speakers[2] not in ("Anna Holt", "Tomas Berg")


def test_bare_residents_are_the_group_of_residents_the_article_named_before(
    quotes_of: Callable[[str], list[Quote]],
) -> None:
    text = (
        "A group of Dunmore residents who live near the old mill say they are being forced out by a new landlord.\n\n"
        "Residents say they first received eviction notices in March, after the buildings were sold.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["group of Dunmore residents"] * 2


@pytest.mark.parametrize(
    ("later", "speaker"),
    [
        ("Along the high street, shop owners say", "Shop owners in Dunmore"),  # some of the words named before
        ("Some shop owners say", "Shop owners in Dunmore"),  # a quantifier names no other group
        ("Farm owners say", "Farm owners"),  # words of its own: another group
    ],
)
def test_a_plural_with_some_of_the_words_of_a_group_named_before_is_that_group(
    quotes_of: Callable[[str], list[Quote]], later: str, speaker: str
) -> None:
    text = (
        "Shop owners in Dunmore say roadworks have cut their takings by half this spring.\n\n"
        f"{later} the council has not told them when the work will end.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Shop owners in Dunmore", speaker]


@pytest.mark.parametrize(
    ("below", "speaker"),
    [
        ("ministry spokesman Tomas Berg", "Tomas Berg"),  # the lead's spokesman, named below
        ("army spokesman Tomas Berg", "ministry spokesman"),  # another spokesman: the lead's stays unnamed
    ],
)
def test_a_leads_unnamed_title_is_the_one_person_named_below_with_it(
    quotes_of: Callable[[str], list[Quote]], below: str, speaker: str
) -> None:
    text = (
        "The port will close next year, a ministry spokesman said on Monday.\n\n"
        f'"We have no choice," {below} told reporters.\n'
    )
    assert [q.speaker for q in quotes_of(text)] == [speaker, "Tomas Berg"]


def test_an_organisation_tagged_as_one_name_keeps_its_and(quotes_of: Callable[[str], list[Quote]]) -> None:
    text = (
        "The cosmetics maker, Procter and Gamble, has opened a plant in Dunmore.\n"
        "The company said 280 jobs would be lost at the old plant.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Procter and Gamble"]


def test_they_after_a_group_whose_capital_reads_as_a_name_is_that_group(
    quotes_of: Callable[[str], list[Quote]],
) -> None:
    text = (
        "Commuters in the city say that traveling on the buses is becoming difficult as most of them lack space. "
        "They say that the buses are overburdened and more buses are needed.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["commuters in the city"] * 2


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        ("They described the situation as worrisome.", "farmers"),  # a run of "They" paragraphs: still them
        ("The minister described the situation as worrisome.", None),  # the run is broken: out of reach
    ],
)
def test_they_reaches_a_group_through_paragraphs_that_open_with_they(
    quotes_of: Callable[[str], list[Quote]], middle: str, speaker: str | None
) -> None:
    text = (
        "The farmers spoke in separate interviews on Saturday.\n\n"
        f"{middle}\n\n"
        "They also added that the rise in the price of fertiliser was hurting them.\n"
    )
    assert [q.speaker for q in quotes_of(text) if q.speaker_mention == "They"] == [speaker]


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Officials with the Dunmore Department of Health", "officials with the Dunmore Department of Health"),
        ("An anonymous source with the Dunmore police", "anonymous source with the Dunmore police"),
        (
            "A spokesperson for the flooring and carpeting company",
            "spokesperson for the flooring and carpeting company",
        ),
        ("Residents and officials", "residents"),  # the head's own "and" still ends it
    ],
)
def test_an_unnamed_sources_phrase_keeps_who_they_are_with_and_its_own_inner_and(subject: str, speaker: str) -> None:
    assert _speakers_of(subject) == [speaker]


@pytest.mark.parametrize(
    ("first", "speaker"),
    [
        ("The Dunmore Civil Society Council has accused the government of neglect.", "Dunmore Civil Society Council"),
        ("A group of Dunmore residents met on Monday.", "group"),  # an unnamed group: still that group
    ],
)
def test_the_group_is_the_organisation_made_a_subject_just_before_it(
    quotes_of: Callable[[str], list[Quote]], first: str, speaker: str
) -> None:
    text = f"{first}\n\nThe group said it would no longer stay silent.\n"
    assert [q.speaker for q in quotes_of(text) if q.speaker_mention == "The group"] == [speaker]


def test_they_after_a_group_the_tagger_reads_as_a_proper_plural_is_that_group(
    quotes_of: Callable[[str], list[Quote]],
) -> None:
    text = (
        "The lack of running water has left community members frustrated.\nImage: 123RF/Anna Holt\n\n"
        "Residents of Mill Hill, south of Dunmore, have gone six days without water.\n\n"
        "They told the Courier that they were unable to cook.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["residents of Mill Hill"]


def test_the_head_of_a_description_is_not_its_participle() -> None:
    from quotes.speakers.names import head_word

    assert head_word("people living in northeast Dunmore") == "people"
    assert head_word("a building in the city") == "building"
    assert head_word("Commuters in the city") == "commuters"


def test_a_plural_used_before_a_fuller_group_with_its_words_is_a_group_of_its_own(
    quotes_of: Callable[[str], list[Quote]],
) -> None:
    text = (
        "Health officials said two more cases were confirmed on Sunday.\n\n"
        "State health officials said the second patient lived in Dunmore.\n\n"
        "Health officials said the first patient was taken to hospital by ambulance.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Health officials", "State health officials", "Health officials"]


def test_an_unnamed_person_is_named_with_the_participle_that_says_which_one(
    quotes_of: Callable[[str], list[Quote]],
) -> None:
    text = (
        "One woman living in the Mill Court flats, who did not want to be named, said she was scared.\n\n"
        '"I lock the door every night now," the woman said.\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["One woman living in the Mill Court flats"] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the body made a subject just before speaks through its unnamed spokesman
        (
            'In a statement, the Dunmore Water Authority apologised for the outage.\n\nA spokesman said: "Supply '
            'will be back on Friday."',
            "Dunmore Water Authority spokesman",
        ),
        # no body before it: the spokesman stays unnamed
        ('Residents were angry.\n\nA spokesman said: "Supply will be back on Friday."', "spokesman"),
    ],
)
def test_an_unnamed_spokesman_speaks_for_the_body_just_before_him(quotes_of: Extract, text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text) if q.kind is Kind.DIRECT] == [speaker]


def test_a_couple_sharing_a_family_name_is_told_apart_by_courtesy_titles(quotes_of: Extract) -> None:
    text = (
        "Peter and Susan Holt presented their plan to the council.\n\n"
        '"We are fed up with this," Mr Holt told the meeting.\n\n'
        "Earlier, Mrs Holt was critical of a council report.\n\n"
        "She said the report had repeated itself.\n\n"
        '"When you repeat and repeat, it is a broken record," Mrs Holt said.'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Peter Holt", "Susan Holt", "Susan Holt"]


def test_he_after_an_unnamed_spokesman_is_the_spokesman(quotes_of: Extract) -> None:
    text = (
        "Armed Dunmore police have been called to the harbour after a dispute involving a rifle.\n\n"
        "A Dunmore Police Communications spokesman said it appeared one neighbour had threatened another.\n\n"
        "Police were at the scene and it was now under control, he said."
    )
    assert [q.speaker for q in quotes_of(text)][-1] == "Dunmore Police Communications spokesman"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We did not know what was going on," one resident said.\n\nAnother said she had seen the police.',
            "Another resident",
        ),
        (
            "Residents said they had no drinking water for hours. Some said the floodwater left a stench.",
            "Some residents",
        ),
        (
            'Asking why the threat had not been told to residents sooner, one said: "Everybody feels let down."',
            "one resident",
        ),
        # no unnamed group before it: "one" stays no one
        ('Anna Holt spoke first. Later, one said: "Everybody feels let down."', None),
    ],
)
def test_one_another_or_some_is_part_of_the_unnamed_group_before_it(
    quotes_of: Extract, text: str, speaker: str | None
) -> None:
    assert quotes_of(text)[-1].speaker == speaker


def test_the_firm_is_the_organisation_named_before_it_when_no_name_says_company() -> None:
    from quotes import extract

    text = (
        "Dunmore Motors said on Tuesday it would close its plant. The firm said a new production line would "
        "cost 40 million pounds.\n\nThe Dunmore Workers Union said it would strike. The company said the strike was "
        "unlawful."
    )
    [ex] = extract([text], cache=False)
    assert [q.speaker for q in ex.quotes] == [
        "Dunmore Motors",
        "Dunmore Motors",
        "Dunmore Workers Union",
        "Dunmore Motors",
    ]


@pytest.mark.parametrize(
    "text, speakers",
    [
        (
            "The Dunmore Police Service said in a statement that its officers had raided two warehouses.\n\n"
            "According to the police, the raids were aimed at a smuggling ring.\n\nPolice said no one was hurt.",
            ["Dunmore Police Service", "Dunmore Police Service", "Dunmore Police Service"],
        ),
        (
            "Police said no one was hurt in the fire.\n\n"
            "A spokesperson for Police Scotland said the road would reopen.",
            ["Police Scotland", "spokesperson for Police Scotland"],
        ),
        ("Anna Holt said the council had acted. Police said no one was hurt in the fire.", ["Anna Holt", "Police"]),
    ],
)
def test_bare_police_is_the_one_force_the_article_names(quotes_of: Extract, text: str, speakers: list[str]) -> None:
    """ "Police said" is the police force the article names, whatever that force's own head noun; with none named it
    stays "Police"."""
    assert [q.speaker for q in quotes_of(text)] == speakers


def test_a_definite_description_of_what_someone_does_is_the_person_named_just_before(quotes_of: Extract) -> None:
    text = (
        "Anna Holt is 85 years old and still works every morning.\n\n"
        'The dishwasher chuckles at the suggestion and says in Dunmorese: "I am not that old, really. You cannot '
        'expect me to stay at home."'
    )
    [quote] = quotes_of(text)
    assert quote.speaker == "Anna Holt" and quote.speaker_mention == "The dishwasher"


def test_a_definite_description_is_not_the_named_person_when_someone_unnamed_came_between(quotes_of: Extract) -> None:
    text = (
        "Police commander Tomas Berg said officers were searching for a banker who had posted videos.\n\n"
        "In a post on Facebook, the banker had said that armed men were raiding homes in Dunmore."
    )
    assert all(q.speaker != "Tomas Berg" for q in quotes_of(text) if "raiding" in q.text)


def test_the_official_is_the_office_holder_named_and_quoted_just_before(quotes_of: Extract) -> None:
    text = (
        'South Zone DIG Tomas Berg said the party had broken an "agreement" with the police.\n\n'
        '"They also blocked the main road near Dunmore Drive for hours," he said.\n\n'
        "The official said that the protesters moved towards the house in groups."
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Tomas Berg"] * 3


@pytest.mark.parametrize(
    "first",
    [
        "Tomas Berg, a nurse at the clinic, said the ward was full.",  # a trade, not a title
        "A senior official said the ward was full.",  # an unnamed official, quoted
    ],
)
def test_the_official_is_no_named_person_without_a_title(quotes_of: Extract, first: str) -> None:
    quotes = quotes_of(first + "\n\nThe official said that the protesters moved towards the house in groups.")
    assert quotes[-1].speaker != "Tomas Berg"


def test_a_member_of_parliament_in_apposition_to_the_title_is_the_speaker(quotes_of: Extract) -> None:
    text = (
        "The MP, Tomas Berg who made the call in a statement he read in Parliament on Tuesday, said families have "
        "refuted police claims."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tomas Berg"]


def test_one_of_a_group_is_one_person_that_she_and_the_singular_head_refer_to(quotes_of: Extract) -> None:
    text = (
        "Residents of Mill Hill have gone without water for weeks.\n\n"
        "One of the residents on Dunmore Drive, who asked not to be named, said her water bill was only R22. "
        "She said this was proof of their misery.\n\n"
        '"We cannot do our laundry any more," said the resident.'
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["One of the residents on Dunmore Drive"] * 3


def test_the_union_with_no_union_named_is_the_organisation_before_it_by_its_name_not_its_acronym(
    quotes_of: Extract,
) -> None:
    text = (
        "Prices will rise sharply next year in Dunmore, the Dunmore Traders Organisation (DTO) has claimed.\n"
        "More than 500 shops have closed this year, the union said in a statement on Tuesday.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dunmore Traders Organisation"] * 2


@pytest.mark.parametrize("noun", ["telco", "carrier"])
def test_a_company_named_by_its_trade_is_the_company_named_before_it(quotes_of: Extract, noun: str) -> None:
    text = f"Dunmore Holdings apologised on Monday. The {noun} said 300 people would be added to its call centres."
    assert [q.speaker for q in quotes_of(text)] == ["Dunmore Holdings"]


@pytest.mark.parametrize(
    "description",
    ["a market vendor who goes by the name Aled Vance", "a vendor known as Aled Vance", "a vendor named Aled Vance"],
)
def test_a_name_an_unnamed_sources_own_clause_gives_is_the_speaker(quotes_of: Extract, description: str) -> None:
    [quote] = quotes_of(f"In some cases, the suppliers give produce to local vendors, said {description}.")
    assert quote.speaker == "Aled Vance"


def test_an_age_and_a_trade_after_an_unnamed_one_of_that_trade_is_another_unnamed_person(quotes_of: Extract) -> None:
    text = (
        "A 48-year-old rice retailer in Dunmore market said he opened his store on the first day.\n\n"
        '"The rice is gone," Tomas Berg said.\n\n'
        '"We might as well close down," the 42-year-old rice retailer said.'
    )
    assert quotes_of(text)[-1].speaker == "42-year-old rice retailer"


def test_they_and_them_refer_to_a_group_described_with_a_relative_clause(quotes_of: Extract) -> None:
    text = (
        "Some residents who spoke on Radio Dunmore's morning show on Thursday said the poor roads are hurting trade "
        "in the area.\n\n"
        "They noted that the poor road has made it difficult to reach the clinic.\n\n"
        "According to them, several protests against the council about the roads came to nothing."
    )
    speakers = [q.speaker for q in quotes_of(text)]
    assert len(speakers) == 3 and speakers[1:] == speakers[:1] * 2 and speakers[0] is not None


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the place named in its own sentence, one group per place
        (
            "Floodwater reached the first floor of homes in Carlisle on Tuesday, residents said.\n\n"
            "In Westbrook, residents said the power had been off for two days.\n",
            ["Carlisle residents", "Westbrook residents"],
        ),
        # none in its sentence: the place the article names most
        (
            "The bus depot in Winnipeg will close in June. It has served Winnipeg since 1950.\n\n"
            "Parents said their children would have to walk two miles to school.\n",
            ["Winnipeg parents"],
        ),
        # a quantifier stays first
        (
            "The market in Winnipeg was shut for a second day on Monday. Winnipeg has no other market.\n\n"
            "Some traders said they had lost a week of takings.\n",
            ["some Winnipeg traders"],
        ),
        # each place named once: the first, where a story says where it is (its dateline or lead)
        (
            "The bus depot in Winnipeg will close in June, a year after the one in Carlisle.\n\n"
            "Parents said their children would have to walk two miles to school.\n",
            ["Winnipeg parents"],
        ),
        # a state's abbreviation in a dateline names no town's residents; the town in capitals is shown as a name
        (
            "WESTBROOK, Fla. (WJXT) - The bus depot will close in June.\n\n"
            "Parents said their children would have to walk two miles to school.\n",
            ["Westbrook parents"],
        ),
        # no place named and none in its sentence: the group stays as written
        ("The depot will close in June.\n\nParents said their children would have to walk to school.\n", ["parents"]),
    ],
)
def test_an_unnamed_group_known_by_where_it_is_takes_its_place(
    quotes_of: Extract, text: str, speakers: list[str]
) -> None:
    assert [q.speaker for q in quotes_of(text)] == speakers


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("one resident said", "one resident"),  # one person, told apart by its determiner
        ("residents who spoke to us said", "residents who spoke to us"),  # a group its own words say which
        ("analysts said", "analysts"),  # not known by where they are
    ],
)
def test_a_source_that_says_which_one_it_is_takes_no_place(quotes_of: Extract, source: str, speaker: str) -> None:
    text = f"The depot in Carlisle will close in June, {source}. Carlisle has had a depot since 1950.\n"
    assert [q.speaker for q in quotes_of(text)][:1] == [speaker]


def test_they_after_parties_named_together_as_a_subject_is_the_two_of_them(quotes_of: Extract) -> None:
    text = (
        "Anna Holt and Tomas Berg run a fruit stall at the market.\n\n"
        'They say there are "lots" of oranges around at the moment.\n\n'
        "They said they came to the market on alternative days.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Anna Holt and Tomas Berg"] * 2


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("Shoppers said", "Winnipeg shoppers"),  # a group's head opening a sentence, tagged a person: a group
        ("Shoppers Drug Mart said", "Shoppers Drug Mart"),  # the first word of a name stays the name's
    ],
)
def test_a_groups_head_that_opens_a_sentence_names_the_group_not_a_person(
    quotes_of: Extract, source: str, speaker: str
) -> None:
    text = f"A store in Winnipeg was robbed on Monday.\n\n{source} the doors were closed.\n"
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_name_given_a_kind_of_body_as_its_role_is_a_body_whose_staff_are_its_own(quotes_of: Extract) -> None:
    text = (
        "Another family-run business, Dunmore Flooring, said trade had fallen.\n\n"
        "It said the road works had kept customers away.\n\n"
        "Based in Westbrook, staff said they were worst affected on Friday.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dunmore Flooring", "Dunmore Flooring", "Dunmore Flooring staff"]


def test_him_after_a_capitalised_title_with_no_name_is_the_person_it_describes(quotes_of: Extract) -> None:
    text = (
        "The Member of Parliament for Westbrook has appealed for an inquiry into a shooting at Mill Hill.\n"
        "The incident led to the death of five people.\n"
        "According to him, the chiefs of the area have rejected explanations from the police.\n"
    )
    speakers = [q.speaker for q in quotes_of(text)]
    assert len(speakers) == 2 and speakers[0] == speakers[1] and "Member of Parliament" in (speakers[0] or "")


def test_they_after_a_person_and_the_people_of_her_own_is_all_of_them(quotes_of: Extract) -> None:
    text = (
        "Anna Holt and her housemates had to clean up the kitchen.\n\n"
        "They called the council for help and said the roof was being held up by a pole.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Anna Holt and her housemates"]


def test_the_title_an_abbreviation_stands_for_names_its_holder(quotes_of: Extract) -> None:
    text = (
        "RIVERTON — Ruritania Gov. Anna Holt held a briefing on Monday after the floods.\n\n"
        "The governor said it is unacceptable that the pumps were switched off.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Anna Holt"]


@pytest.mark.parametrize("title", ["Lord Justice", "Mrs Justice", "Justice"])
def test_a_justice_is_the_judge_and_still_the_justice(quotes_of: Extract, title: str) -> None:
    text = (
        f"Announcing the ruling, {title} Novak said the council had failed in its duty to the tenants.\n\n"
        "But the council “ignored every warning it was given”, the judge added.\n\n"
        "“The law is clear,” the justice said.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Novak", "Novak", "Novak"]


def test_a_body_noun_the_tagger_took_for_a_name_is_a_body_described(quotes_of: Extract) -> None:
    text = (
        "Since April 2020, the city council said it had issued 17 road closure permits for the Mill Hill area.\n\n"
        "Cafe owner Tomas Berg said trade had fallen by half.\n\n"
        "The council said the permits had been issued to the water company and to its own teams.\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["city council", "Tomas Berg", "city council"]


def test_a_name_right_after_a_bodys_name_closing_a_titled_subject_is_the_person_described(
    quotes_of: Extract,
) -> None:
    text = (
        "Branches in Westbrook, Kerry and Carlisle will close.\n\n"
        "The president of the Carlisle Chamber of Commerce Johanna Novak queried whether it was right.\n\n"
        '"In a town like Carlisle, it does not make sense," she said.\n'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Johanna Novak"]
    lawyer = "The lawyer of Anna Holt said the decision was wrong.\n"
    assert [q.speaker for q in quotes_of(lawyer)] != ["Anna Holt"]  # the person the title is about, not its holder


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        ("Money worries stand out for Cody this winter. He says the harvest was poor.", "Cody"),
        ("The spring floods hit Tomas hard on his low fields. Still, he says the harvest was poor.", "Tomas"),
        ("He had insulted the unions, Tomas Ruiz and the bishops. He said the harvest was poor.", "Peter Berg"),
    ],
)
def test_a_pronoun_is_a_person_of_its_own_paragraph_before_a_subject_of_an_earlier_one(
    quotes_of: Extract, paragraph: str, speaker: str
) -> None:
    """A person named in an earlier sentence of the pronoun's paragraph, though not its subject, is the he or she
    that follows (a round-up of farmers, one paragraph each), before the subject of an earlier paragraph; not when
    that sentence has a he or she of its own."""
    text = f"Peter Berg says the autumn has been kind to growers.\n\n{paragraph}"
    assert [q.speaker for q in quotes_of(text)][-1] == speaker


def test_the_speaker_of_a_house_is_a_title_held_by_the_person_named_with_it(quotes_of: Extract) -> None:
    """``Speaker Pedro Ruiz's ruling`` … ``When the Speaker put the question, he said …``: "Speaker" is a title, so
    "the Speaker" and the "he" it opens are Ruiz, not the leader named first."""
    text = (
        "Mr Tomas Berg, the Majority Leader, led his caucus out of the chamber.\n\n"
        "Their walk out was in protest of Speaker Pedro Ruiz's ruling.\n\n"
        "When the Speaker put the question to a voice vote, he said the ayes had it.\n\n"
        "The Speaker said he had not ruled on the matter."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Pedro Ruiz", "Pedro Ruiz"]


def test_an_age_is_the_person_made_subject_of_the_sentence_just_before(quotes_of: Extract) -> None:
    """``Grace Novak, another activist, spent the weekend in a cell. The 42-year-old … said …``: Novak, though an
    earlier activist was quoted."""
    text = (
        "Tomas Berg, an activist, said: “The queues start at dawn.”\n\n"
        "Grace Novak, another activist, spent the weekend in a police cell after breaking a clinic door.\n\n"
        "The 42-year-old, who has lived in the township for years, said she acted out of frustration."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tomas Berg", "Grace Novak"]


def test_a_name_closing_an_opening_phrase_with_no_comma_is_the_subject_a_later_he_refers_to(
    quotes_of: Extract,
) -> None:
    """``On day 9 of the trial Detective Inspector Pedro Ruiz, now retired, told …``: the parser makes Ruiz the trial's
    and leaves "told" with no subject; Ruiz is the sentence's subject, so the next paragraph's "he" is Ruiz, not the
    man named before."""
    text = (
        "Mr Tomas Berg was charged with burglary in March.\n\n"
        "On day 9 of the trial Detective Inspector Pedro Ruiz, now retired, told the court about the search.\n\n"
        "He said that in April he had sent six photographs to headquarters."
    )
    assert [q.speaker for q in quotes_of(text)][-1] == "Pedro Ruiz"


def test_a_name_after_a_capitalised_title_is_a_person_whatever_the_tagger_calls_it(quotes_of: Extract) -> None:
    """``Westbrook Mayor Pedro Hill``, tagged a place (its last word a place's head), is a person, so he is the
    "he" of the next sentence rather than the car named before."""
    text = (
        "The final Cruze rolled off the assembly line at the Westbrook plant today. Workers gathered outside.\n\n"
        "Westbrook Mayor Pedro Hill stopped at the diner for lunch. He said it had been a sleepless night."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Pedro Hill"]

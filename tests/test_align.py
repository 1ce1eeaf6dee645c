"""Alignment of renderings across documents, and the flags each gets against its group."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes import Extraction
from quotes.align import (
    MAX_CANDIDATES,
    MIN_WORDS,
    SERIOUS,
    Compatibility,
    _candidates,
    _items,
    align_corpus,
    compatibility,
    flag_key,
    speaker_camps,
)
from quotes.diverge import content_words
from quotes.types import Article, Flag, Kind, Quote, Speaker, SpeakerKind

PEOPLE = {
    "ann": Speaker("ann-lind", "Ann Lind", SpeakerKind.PERSON, role="president"),
    "bo": Speaker("bo-kim", "Bo Kim", SpeakerKind.PERSON, role="spokesperson", body="presidential office"),
    "cy": Speaker("cy-park", "Cy Park", SpeakerKind.PERSON),
    "office": Speaker("presidential-office", "presidential office", SpeakerKind.INSTITUTION),
}


def doc(
    name: str, *quotes: tuple[str, str, Kind], outlet: str | None = None, date: str | None = "2025-01-01"
) -> Extraction:
    """An extraction whose text holds each quote as its own sentence (offsets exact)."""
    text, out, used = "", [], {}
    for words, who, kind in quotes:
        sp = PEOPLE[who]
        prefix = f'{sp.name} said: "' if kind is not Kind.INDIRECT else f"{sp.name} said that "
        start = len(text) + len(prefix)
        text += prefix + words + ('." ' if kind is not Kind.INDIRECT else ". ")
        out.append(Quote(name, outlet or name, start, start + len(words), words, kind, sp.name, sp.id, cue="said"))
        used[sp.id] = sp
    return Extraction(Article(name, text, outlet or name, date), tuple(out), tuple(used.values()))


def _interrupted(first: str, second: str, between: str, cue: str | None = None) -> Extraction:
    """One document quoting Ann in two halves with ``between`` (holding her name and ``cue``) in the middle."""
    text = f'"{first}"{between}"{second}"'
    at = text.index("Ann")
    ann = PEOPLE["ann"]
    s2 = text.index(second)
    return Extraction(
        Article("a.txt", text, "A", "2025-01-01"),
        (
            Quote("a.txt", "A", 1, 1 + len(first), first, Kind.DIRECT, ann.name, ann.id, (at, at + 8), cue=cue),
            Quote("a.txt", "A", s2, s2 + len(second), second, Kind.DIRECT, ann.name, ann.id, (at, at + 8), cue=cue),
        ),
        (ann,),
    )


def groups_of(extractions: list[Extraction]) -> list[set[tuple[str, str]]]:
    aligned = align_corpus(extractions)
    by_group: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for ex in aligned.extractions:
        for q in ex.quotes:
            if q.group:
                by_group[q.group].add((q.doc, q.text[:12]))
    return list(by_group.values())


REMARK = "we will expand trade with our neighbours and open new routes for farmers next spring"
OTHER = "the budget for rural schools must grow before the winter elections in the north"


def test_translation_variants_of_one_remark_share_a_group() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT))
    b = doc(
        "b.txt",
        ("We will expand trade with our neighbors and open new routes for farmers next spring", "ann", Kind.DIRECT),
    )
    (group,) = groups_of([a, b])
    assert {d for d, _ in group} == {"a.txt", "b.txt"}
    assert ("a.txt", OTHER[:12]) not in group


def test_different_remarks_of_one_speaker_stay_apart() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT))
    b = doc("b.txt", (OTHER, "ann", Kind.DIRECT))
    assert groups_of([a, b]) == []


def test_a_paraphrase_by_a_spokesperson_joins_the_direct_quote() -> None:
    a = doc(
        "a.txt",
        ("I will expand trade with our neighbours and open new routes for farmers next spring", "ann", Kind.DIRECT),
    )
    b = doc(
        "b.txt",
        ("the president will expand trade with neighbours and open routes for farmers in spring", "bo", Kind.INDIRECT),
    )
    aligned = align_corpus([a, b])
    flags = {f.type: f.detail for f in aligned.extractions[1].quotes[0].flags}
    assert aligned.extractions[1].quotes[0].group == aligned.extractions[0].quotes[0].group is not None
    assert flags["attribution"].startswith("compatible")
    assert "kind_shift" in flags


def test_partial_quote_inside_a_longer_one_is_grouped_without_edge_omissions() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT))
    b = doc("b.txt", ("open new routes for farmers next spring", "ann", Kind.MIXED))
    aligned = align_corpus([a, b])
    q = aligned.extractions[1].quotes[0]
    assert q.group is not None
    assert [f.type for f in q.flags] == []


def test_a_remark_reported_in_two_clauses_groups_both_but_not_another_remark() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT))
    first, second = "we will expand trade with our neighbours", "open new routes for farmers next spring"
    b = doc("b.txt", (first, "ann", Kind.INDIRECT), (second, "ann", Kind.INDIRECT), (OTHER, "ann", Kind.DIRECT))
    aligned = align_corpus([a, b])
    remark = aligned.extractions[0].quotes[0].group
    assert [q.group == remark for q in aligned.extractions[1].quotes] == [True, True, False]


def test_consecutive_quotes_each_with_its_own_attribution_are_not_halves() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT))  # Ann said: "…" Ann said: "…"
    b = doc("b.txt", (REMARK, "ann", Kind.DIRECT))
    (group,) = groups_of([a, b])
    assert ("a.txt", OTHER[:12]) not in group


def test_halves_of_an_interrupted_quote_join_the_whole_rendering() -> None:
    first, second = "we will expand trade with our neighbours,", "and we will open new routes for farmers next spring"
    split = _interrupted(first, second, " Ann Lind said. ")
    whole = doc(
        "b.txt",
        (
            "we will expand trade with our neighbours and we will open new routes for farmers next spring",
            "ann",
            Kind.DIRECT,
        ),
    )
    aligned = align_corpus([split, whole])
    groups = {q.group for ex in aligned.extractions for q in ex.quotes}
    assert len(groups) == 1 and None not in groups


def test_a_paraphrase_and_the_partial_quote_after_it_join_the_whole_rendering() -> None:
    text = 'Ann Lind said the ministers should cooperate with their neighbours. "To build stable relations," she said.'
    ann = PEOPLE["ann"]
    para, part = "the ministers should cooperate with their neighbours", "To build stable relations"
    a, b = text.index(para), text.index(part)
    pieces = Extraction(  # one utterance in two pieces of different kinds, sharing no words with each other
        Article("a.txt", text, "A", "2025-01-01"),
        (
            Quote("a.txt", "A", a, a + len(para), para, Kind.INDIRECT, ann.name, ann.id, cue="said"),
            Quote("a.txt", "A", b, b + len(part), part, Kind.DIRECT, ann.name, ann.id, cue="said"),
        ),
        (ann,),
    )
    whole = doc(
        "b.txt", ("the ministers should cooperate with their neighbours to build stable relations", "ann", Kind.DIRECT)
    )
    para_only = doc("c.txt", ("the ministers should cooperate with their neighbours", "ann", Kind.INDIRECT))
    part_only = doc("d.txt", ("to build stable relations", "ann", Kind.DIRECT))  # each piece also grouped apart
    aligned = align_corpus([pieces, whole, para_only, part_only])
    groups = {q.group for ex in aligned.extractions for q in ex.quotes}
    assert len(groups) == 1 and None not in groups


def test_group_ids_are_stable_across_runs_and_input_order() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT))
    b = doc("b.txt", (REMARK, "ann", Kind.INDIRECT))
    first = {q.group for ex in align_corpus([a, b]).extractions for q in ex.quotes}
    again = {q.group for ex in align_corpus([b, a]).extractions for q in ex.quotes}
    assert first == again and len(first) == 1
    assert re.fullmatch(r"g(-[a-z]+){1,3}-[0-9a-f]{6}", next(iter(first)) or "")


def test_conflicting_speakers_are_flagged_when_the_words_are_the_same() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT))
    b = doc("b.txt", (REMARK, "cy", Kind.DIRECT))
    aligned = align_corpus([a, b])
    flags = [f for ex in aligned.extractions for q in ex.quotes for f in q.flags]
    assert [f.detail.split(":")[0] for f in flags if f.type == "attribution"] == ["conflicting"]


def test_meaning_changes_between_outlets_are_flagged() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT))
    b = doc(
        "b.txt", (REMARK.replace("we will expand", "we will not expand").replace("next", "this"), "ann", Kind.DIRECT)
    )
    aligned = align_corpus([a, b])
    flagged = {f.type for ex in aligned.extractions for q in ex.quotes for f in q.flags}
    assert {"negation"} <= flagged


def test_cosmetic_differences_raise_no_flag_in_a_group() -> None:
    a = doc("a.txt", ("the importance of Korea-Japan relations is growing in today's environment", "ann", Kind.DIRECT))
    b = doc(
        "b.txt",
        ("The importance of the South Korea–Japan relationship is growing in today’s environment", "ann", Kind.DIRECT),
    )
    aligned = align_corpus([a, b])
    assert [q.group is not None for ex in aligned.extractions for q in ex.quotes] == [True, True]
    assert [f for ex in aligned.extractions for q in ex.quotes for f in q.flags] == []


def test_a_statement_only_one_outlet_reports_is_single_source() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "cy", Kind.INDIRECT))
    b = doc("b.txt", (REMARK, "ann", Kind.DIRECT))
    aligned = align_corpus([a, b])
    lone = aligned.extractions[0].quotes[1]
    assert lone.group is None and [f.type for f in lone.flags] == ["single_source"]
    assert "b.txt" in lone.flags[0].detail


def test_no_single_source_without_other_coverage_of_the_event() -> None:
    a = doc("a.txt", (OTHER, "cy", Kind.INDIRECT), date="2025-01-01")
    b = doc("b.txt", (REMARK, "ann", Kind.DIRECT), date="2025-03-01")
    assert all(not q.flags for ex in align_corpus([a, b]).extractions for q in ex.quotes)


def test_spokesperson_and_channel_report_for_the_speaker() -> None:
    a = doc("a.txt", (REMARK, "bo", Kind.DIRECT), (OTHER, "office", Kind.INDIRECT))
    b = doc("b.txt", (REMARK, "cy", Kind.DIRECT))
    camps = speaker_camps([a, b])
    bo, office, cy = a.quotes[0], a.quotes[1], b.quotes[0]
    assert compatibility(bo, office, camps) is Compatibility.COMPATIBLE  # a spokesperson speaks for the body
    assert compatibility(bo, cy, camps) is Compatibility.CONFLICTING
    assert compatibility(bo, bo, camps) is Compatibility.SAME


def test_candidates_are_bounded_per_quote() -> None:
    docs = [doc(f"d{n}.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "cy", Kind.DIRECT)) for n in range(60)]
    items = _items(docs)
    assert len(list(_candidates(items))) <= MAX_CANDIDATES * len(items)


def test_seed_flags_name_documents_and_offsets_of_real_text(seed_extractions: list[Extraction]) -> None:
    aligned = align_corpus(seed_extractions)
    texts = {ex.article.doc: ex.article.text for ex in aligned.extractions}
    seen = 0
    for ex in aligned.extractions:
        for q in ex.quotes:
            for f in q.flags:
                for where, start, end, words in re.findall(r'(\S+?)\[(\d+):(\d+)\] "([^"]*)"', f.detail):
                    assert where in texts and 0 <= int(start) <= int(end) <= len(texts[where])
                    if "…" not in words:
                        assert " ".join(texts[where][int(start) : int(end)].split()) == words
                    seen += 1
    assert seen > 10


def test_seed_person_shift_and_modality_are_found(seed_extractions: list[Extraction]) -> None:
    aligned = align_corpus(seed_extractions)
    kinds = {f.type for ex in aligned.extractions for q in ex.quotes for f in q.flags}
    assert {"person_shift", "modality", "wording", "attribution", "kind_shift", "single_source"} <= kinds


WORDS = st.sampled_from("trade routes farmers budget schools we will not must five 25 I he spring winter".split())
QUOTE = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(QUOTE, st.sampled_from(sorted(PEOPLE)), st.sampled_from(list(Kind))), max_size=4), max_size=5
    )
)
def test_alignment_never_raises_and_keeps_offsets(corpus: list[list[tuple[str, str, Kind]]]) -> None:
    extractions = [doc(f"d{n}.txt", *quotes) for n, quotes in enumerate(corpus)]
    aligned = align_corpus(extractions)
    for before, after in zip(extractions, aligned.extractions, strict=True):
        assert [(q.start, q.end, q.text) for q in before.quotes] == [(q.start, q.end, q.text) for q in after.quotes]
        for q in after.quotes:
            assert after.article.text[q.start : q.end] == q.text
    for g in aligned.groups:
        assert len({d for d, _ in g.members}) >= 2
        assert g.reference in g.members


@pytest.mark.parametrize("kind", [Kind.DIRECT, Kind.INDIRECT])
def test_empty_and_tiny_corpora_align_to_nothing(kind: Kind) -> None:
    assert align_corpus([]).groups == ()
    assert align_corpus([doc("a.txt", ("yes", "ann", kind))]).groups == ()


@pytest.mark.parametrize(
    ("flag", "key", "serious"),
    [
        (Flag("attribution", "conflicting: Ann Lind here, Cy Park in B"), "attribution:conflicting", True),
        (Flag("attribution", "compatible: Bo Kim here, Ann Lind in B"), "attribution:compatible", False),
        (Flag("negation", 'a[8:11] "not" → b[8:8] ""'), "negation", True),
        (Flag("wording", 'a[0:4] "true" → b[0:4] "real"'), "wording", False),
    ],
)
def test_flag_key_splits_attribution_by_how_speakers_relate(flag: Flag, key: str, serious: bool) -> None:
    assert flag_key(flag) == key
    assert (flag_key(flag) in SERIOUS) is serious


def test_two_heads_of_state_are_never_one_camp_through_a_shared_office_title() -> None:
    from quotes.align import speaker_camps
    from quotes.types import Article, Extraction, Speaker, SpeakerKind

    people = (
        Speaker("lee-jae-myung", "Lee Jae-myung", SpeakerKind.PERSON, role="president"),
        Speaker("donald-trump", "Donald Trump", SpeakerKind.PERSON, role="president"),
        Speaker("presidential-office", "the presidential office", SpeakerKind.INSTITUTION),
    )
    camps = speaker_camps([Extraction(Article("a.txt", "x"), speakers=people)])
    assert camps["lee-jae-myung"] != camps["donald-trump"]
    alone = speaker_camps([Extraction(Article("a.txt", "x"), speakers=(people[0], people[2]))])
    assert alone["lee-jae-myung"] == alone["presidential-office"]  # one president: the office is his


WIRE_COPIES = 60


@pytest.fixture(scope="module")
def wire_copies(tmp_path_factory: pytest.TempPathFactory) -> list[Extraction]:
    """60 copies of each seed article, each file under its own outlet (wire copy carried by 60 outlets)."""
    from pathlib import Path

    from quotes import extract_corpus

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    folder = tmp_path_factory.mktemp("wire")
    table = ['event_date = "2025-06-09"', ""]
    for k in range(WIRE_COPIES):
        for seed in sorted(seeds.glob("*.txt")):
            name = f"{k:02d}_{seed.name}"
            (folder / name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
            table += [f'[files."{name}"]', f'outlet = "Outlet {k:02d} {seed.stem[:3]}"', ""]
    (folder / "outlets.toml").write_text("\n".join(table), encoding="utf-8")
    return extract_corpus([folder])


def test_wire_copy_carried_by_sixty_outlets_is_grouped(wire_copies: list[Extraction]) -> None:
    aligned = align_corpus(wire_copies)
    alignable = [q for ex in aligned.extractions for q in ex.quotes if len(set(content_words(q.text))) >= MIN_WORDS]
    grouped = [q for q in alignable if q.group]
    assert len(grouped) >= 0.95 * len(alignable), (len(grouped), len(alignable))
    assert not [f for ex in aligned.extractions for q in ex.quotes for f in q.flags if f.type == "single_source"]
    sizes = sorted(len({d for d, _ in g.members}) for g in aligned.groups)
    assert sizes[0] >= WIRE_COPIES  # every remark gathers all the copies of its article


def test_verbatim_copies_credited_to_different_speakers_are_one_remark() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT))
    b = doc("b.txt", (REMARK, "cy", Kind.DIRECT))
    c = doc("c.txt", (REMARK, "cy", Kind.DIRECT))
    aligned = align_corpus([a, b, c])
    assert len({q.group for ex in aligned.extractions for q in ex.quotes} - {None}) == 1
    assert all(q.group for ex in aligned.extractions for q in ex.quotes)


def test_a_common_short_phrase_copied_verbatim_is_not_a_remark() -> None:
    docs = [doc(f"d{n}.txt", ("No comment.", "ann", Kind.DIRECT)) for n in range(5)]
    assert align_corpus(docs).groups == ()


def test_a_document_repeating_a_quote_is_not_two_outlets() -> None:
    alone = doc("a.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT), (REMARK, "ann", Kind.DIRECT))
    assert align_corpus([alone]).groups == ()
    other = doc("b.txt", (REMARK, "ann", Kind.DIRECT))
    aligned = align_corpus([alone, other])
    (group,) = aligned.groups
    assert {d for d, _ in group.members} == {"a.txt", "b.txt"}
    assert [q.group is not None for q in aligned.extractions[0].quotes] == [True, False, True]


def test_frequent_words_still_propose_candidates_among_distinct_renderings() -> None:
    variants = [f"{REMARK} said minister number {n}" for n in range(120)]  # 120 renderings share every word
    docs = [doc(f"d{n}.txt", (v, "ann", Kind.DIRECT)) for n, v in enumerate(variants)]
    items = _items(docs)
    partners = {i for pair in _candidates(items) for i in pair}
    assert partners == {it.n for it in items}


TAXES = "We will cut taxes for small firms next year."
ARMY = "Our army will leave the border region before winter."


def _two_remarks_apart() -> list[Extraction]:
    """One outlet quotes two remarks whole (a), two others one each (b, c)."""
    return [
        doc("a.txt", (f"{TAXES} {ARMY}", "ann", Kind.DIRECT)),
        doc("b.txt", (TAXES, "ann", Kind.DIRECT)),
        doc("c.txt", (ARMY, "ann", Kind.DIRECT)),
    ]


def test_a_quote_of_two_remarks_others_quote_apart_gets_a_part_in_each_group() -> None:
    """The unit is one remark: the whole quote is not one statement that pulls both sentences into one group."""
    aligned = align_corpus(_two_remarks_apart())
    (whole,), (first,), (second,) = (ex.quotes for ex in aligned.extractions)
    text = aligned.extractions[0].article.text
    assert None is not first.group != second.group is not None
    assert [(text[p.start : p.end], p.group) for p in whole.parts] == [(TAXES, first.group), (ARMY, second.group)]
    assert whole.group == second.group  # its main remark: the longer sentence
    assert whole.to_dict()["parts"][0]["group"] == first.group
    members = {g.id: set(g.members) for g in aligned.groups}
    assert ("a.txt", whole.parts[0].start) in members[first.group]
    assert ("a.txt", whole.parts[1].start) in members[second.group]


def test_a_quote_whose_sentences_render_one_remark_has_no_parts() -> None:
    """Two sentences that others render as one remark come back together: one group, no parts, one member."""
    a = doc(
        "a.txt",
        (
            "We will cut taxes for small firms next year. We will also build new rail lines to the north.",
            "ann",
            Kind.DIRECT,
        ),
    )
    b = doc(
        "b.txt",
        (
            "the state would cut taxes for small firms and build new rail lines to the north next year",
            "ann",
            Kind.INDIRECT,
        ),
    )
    c = doc(
        "c.txt",
        ("We will cut taxes for small firms next year and build new rail lines to the north.", "ann", Kind.DIRECT),
    )
    aligned = align_corpus([a, b, c])
    (whole,), (report,), (quote,) = (ex.quotes for ex in aligned.extractions)
    assert whole.group == report.group == quote.group is not None
    assert whole.parts == ()
    assert [set(g.members) for g in aligned.groups] == [
        {("a.txt", whole.start), ("b.txt", report.start), ("c.txt", quote.start)}
    ]


def test_the_json_report_shows_a_part_as_the_member_that_renders_its_remark() -> None:
    from quotes.report import alignment_json

    out = alignment_json(align_corpus(_two_remarks_apart()))
    texts = {g["id"]: sorted(m["text"] for m in g["members"]) for g in out["groups"]}
    assert sorted(texts.values()) == [[ARMY, ARMY], [TAXES, TAXES]]


def _paragraphs(ex: Extraction) -> Extraction:
    """The extraction with each quote's sentence in a paragraph of its own (offsets unchanged)."""
    return replace(ex, article=replace(ex.article, text=ex.article.text.replace('." ', '."\n')))


def test_two_quoted_sentences_of_one_article_in_other_words_are_never_one_remark() -> None:
    """One outlet quotes a remark in one wording: two quotes of one document whose words differ are no repeat,
    whatever phrase they share; the same words quoted twice are."""
    from quotes.align.grouping import REPEAT_CUTOFF, score_pairs

    war = "What is happening in Ruritania is not a war, it is a massacre of farmers."
    history = "What is happening in Ruritania to the farmers has never happened anywhere in our history."
    two = _paragraphs(doc("a.txt", (war, "ann", Kind.DIRECT), (history, "ann", Kind.DIRECT)))
    twice = _paragraphs(doc("b.txt", (war, "ann", Kind.DIRECT), (war, "ann", Kind.DIRECT)))
    exs = [two, twice]
    items = _items(exs)
    need = {items[i].doc: n for (i, j), (_, n) in score_pairs(exs, items).items() if items[i].doc == items[j].doc}
    assert need == {0: math.inf, 1: REPEAT_CUTOFF}


def test_a_quote_of_several_remarks_carries_the_flags_found_in_each() -> None:
    """Each sentence is flagged against its own remark's reference; the whole quote keeps those flags, and the
    report shows each on the part it was found in."""
    from quotes.report import alignment_json

    army = "Our army will leave the border region before winter."
    a = doc("a.txt", (f"We will not cut taxes for small firms next year. {army}", "ann", Kind.DIRECT))
    b = doc("b.txt", ("We will cut taxes for small firms and shops in every town next year.", "ann", Kind.DIRECT))
    c = doc("c.txt", (army, "ann", Kind.DIRECT))
    aligned = align_corpus([b, c, a])
    (whole,) = aligned.extractions[2].quotes
    first, second = whole.parts
    negation = [f for f in whole.flags if f.type == "negation"]
    assert [(f.start, f.text) for f in negation] == [(first.start + len("We will "), "not")]
    shown = {m["group"]: m for g in alignment_json(aligned)["groups"] for m in g["members"] if m["doc"] == "a.txt"}
    assert "negation" in {f["type"] for f in shown[first.group]["flags"]}
    assert "negation" not in {f["type"] for f in shown[second.group]["flags"]}


def test_sentences_too_short_to_align_stay_with_their_neighbour() -> None:
    from quotes.align.remarks import sentences
    from quotes.types import Kind, Quote

    text = "No. We will not send troops to the region this year. Never."
    assert sentences(Quote("d", None, 0, len(text), text, Kind.DIRECT)) == [(0, len(text))]


def test_a_short_partial_quote_joins_the_remark_whose_renderings_hold_its_words() -> None:
    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT))
    b = doc("b.txt", (REMARK, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT))
    c = doc(
        "c.txt", ("new routes", "ann", Kind.MIXED), ("rural schools", "cy", Kind.MIXED), ("spring", "ann", Kind.MIXED)
    )
    aligned = align_corpus([a, b, c])
    remark, other = (q.group for q in aligned.extractions[0].quotes)
    fragment, other_speaker, lone_word = aligned.extractions[2].quotes
    assert fragment.group == remark and remark != other
    assert other_speaker.group is None  # Cy is not Ann: her words are not his remark
    assert lone_word.group == remark  # found in one remark only


def test_a_short_partial_quote_found_in_two_remarks_joins_neither() -> None:
    both = "the north"  # both remarks hold these words
    first = "we will expand trade with our neighbours in the north next spring"
    a = doc("a.txt", (first, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT))
    b = doc("b.txt", (first, "ann", Kind.DIRECT), (OTHER, "ann", Kind.DIRECT))
    c = doc("c.txt", (both, "ann", Kind.MIXED))
    aligned = align_corpus([a, b, c])
    assert aligned.extractions[2].quotes[0].group is None


def test_halves_that_render_two_remarks_keep_the_groups_other_outlets_give_them() -> None:
    taxes = "we will cut taxes for small firms next year,"
    army = "Our army will leave the border region before winter."
    split = _interrupted(taxes, army, " Ann Lind said. ")
    b = doc("b.txt", (taxes.rstrip(","), "ann", Kind.DIRECT))
    c = doc("c.txt", (army.rstrip("."), "ann", Kind.DIRECT))
    aligned = align_corpus([split, b, c])
    (first, second), (alone_b,), (alone_c,) = (ex.quotes for ex in aligned.extractions)
    assert first.group == alone_b.group is not None
    assert second.group == alone_c.group is not None
    assert first.group != second.group


@pytest.mark.parametrize("cue", ["wrote on social media", "posted", "said in a statement"])
def test_the_halves_of_one_written_text_are_one_group_whatever_they_say(cue: str) -> None:
    """A post or a statement is one unit however an outlet cuts it (golden/README.md §7.19); spoken halves that
    render two remarks keep the groups other outlets give them (the test above)."""
    taxes = "we will cut taxes for small firms next year,"
    army = "Our army will leave the border region before winter."
    split = _interrupted(taxes, army, f" Ann Lind {cue}. ", cue=cue)
    b = doc("b.txt", (taxes.rstrip(","), "ann", Kind.DIRECT))
    c = doc("c.txt", (army.rstrip("."), "ann", Kind.DIRECT))
    aligned = align_corpus([split, b, c])
    (first, second), (alone_b,), (alone_c,) = (ex.quotes for ex in aligned.extractions)
    assert first.group == second.group == alone_b.group == alone_c.group is not None


def test_a_quote_opening_the_next_paragraph_is_not_a_second_half() -> None:
    from quotes.align.grouping import _parts

    same = _interrupted("we will cut taxes,", "we will also build roads.", " Ann Lind said. ")
    apart = _interrupted("we will cut taxes,", "we will also build roads.", " Ann Lind said.\n")
    assert _parts(*same.quotes, same.article.text)
    assert not _parts(*apart.quotes, apart.article.text)


@pytest.mark.parametrize(
    ("containment", "bigrams", "phrases", "shown"),
    [
        (0.25, 0, 0, False),  # "Or we will agree on certain terms." against "… when we achieve our objectives"
        (0.5, 0, 0, True),  # half the smaller quote's words
        (0.1, 1, 0, True),  # two neighbouring content words shared
        (0.1, 0, 1, True),  # a four-word run shared
    ],
)
def test_a_statement_join_needs_words_one_can_point_at(
    containment: float, bigrams: int, phrases: int, shown: bool
) -> None:
    from quotes.align.similarity import PairFeatures

    f = PairFeatures(containment, 0.1, 0.95, bigrams, phrases, False, Compatibility.SAME)
    assert f.shown() is shown


@pytest.mark.parametrize(("score", "attached"), [(20.0, False), (30.0, True)])
def test_a_quote_left_out_joins_a_group_only_on_the_evidence_two_quotes_of_one_document_need(
    score: float, attached: bool
) -> None:
    from quotes.align.grouping import attach
    from quotes.align.similarity import CUTOFF_AGREEING

    a = doc("a.txt", (REMARK, "ann", Kind.DIRECT))
    b = doc(
        "b.txt",
        ("We will expand trade with our neighbors and open new routes for farmers next spring", "ann", Kind.DIRECT),
    )
    c = doc("c.txt", ("farmers in the north will get new routes to market soon", "ann", Kind.INDIRECT))
    exs = [a, b, c]
    items = _items(exs)
    scored = {(0, 1): (90.0, CUTOFF_AGREEING), (0, 2): (score, CUTOFF_AGREEING), (1, 2): (score - 1, CUTOFF_AGREEING)}
    (members,) = attach(exs, items, [[0, 1]], scored, speaker_camps(exs))
    assert (any(d == 2 for d, _ in members)) is attached


def test_a_partial_quote_is_aligned_by_the_report_around_it_which_stays_no_record() -> None:
    words = "the new port will bring jobs and trade to every farmer in the north by next spring"
    text = f"Ann Lind said {words.replace('jobs and trade', '“jobs and trade”')}."
    report_start = text.index("the new port")
    inner_start = text.index("jobs and trade")
    ann = PEOPLE["ann"]
    report = Quote(
        "a.txt", "A", report_start, len(text) - 1, text[report_start:-1], Kind.INDIRECT, ann.name, ann.id, cue="said"
    )
    inner = Quote(
        "a.txt", "A", inner_start, inner_start + 14, "jobs and trade", Kind.MIXED, ann.name, ann.id, cue="said"
    )
    a = Extraction(Article("a.txt", text, "A", "2025-01-01"), (inner,), (ann,), reports=(report,))
    b = doc(
        "b.txt",
        ("The new port will bring jobs and trade to every farmer in the north by next spring", "ann", Kind.DIRECT),
    )
    aligned = align_corpus([a, b])
    out_a = aligned.extractions[0]
    assert [q.text for q in out_a.quotes] == ["jobs and trade"]  # the report is still no record
    assert out_a.reports == (report,)
    (group,) = aligned.groups
    assert out_a.quotes[0].group == aligned.extractions[1].quotes[0].group == group.id
    assert ("a.txt", inner_start) in group.members and ("a.txt", report_start) not in group.members


@pytest.mark.parametrize(("witnesses", "together"), [(1, False), (2, True)])
def test_a_lead_paraphrase_and_a_quote_of_one_document_share_a_group_when_two_other_outlets_link_both(
    witnesses: int, together: bool
) -> None:
    from quotes.align.grouping import _cluster
    from quotes.align.similarity import CUTOFF_AGREEING, REPEAT_CUTOFF, SURE_CUTOFF

    # a.txt paraphrases the remark in its lead and quotes it further down, with OTHER between them; the two share
    # too few words to be a repeat, and each other outlet's rendering is the best match of each kind for both
    lead = "the president promised farmers new trade routes to the neighbours by spring"
    a = doc("a.txt", (lead, "ann", Kind.INDIRECT), (OTHER, "ann", Kind.DIRECT), (REMARK, "ann", Kind.DIRECT))
    others = [doc(f"{n}.txt", (REMARK, "ann", Kind.DIRECT)) for n in "bcd"[:witnesses]]
    exs = [a, *others]
    items = _items(exs)
    p, o, q = 0, 1, 2
    scored = {(p, q): (12.0, REPEAT_CUTOFF), (p, o): (3.0, REPEAT_CUTOFF), (o, q): (4.0, REPEAT_CUTOFF)}
    for k in range(3, 3 + witnesses):
        scored |= {(p, k): (30.0, CUTOFF_AGREEING), (q, k): (95.0, CUTOFF_AGREEING), (o, k): (5.0, CUTOFF_AGREEING)}
        for m in range(k + 1, 3 + witnesses):
            scored[(k, m)] = (95.0, CUTOFF_AGREEING)
    clusters = _cluster(items, scored, sure=SURE_CUTOFF, agreeing=CUTOFF_AGREEING)
    assert [q in c for c in clusters] == [True]
    assert (p in clusters[0]) is together
    assert o not in clusters[0]


@pytest.mark.parametrize("third, joined", [(None, False), (20.0, True)])
def test_a_group_joins_another_only_when_its_renderings_resemble_them_on_average(
    third: float | None, joined: bool
) -> None:
    """A chain is not a remark: c resembles b (30) but was never scored against a, so {a, b} and c average 15,
    under what a pair needs to link (18); once a and c score 20 they average 25 and join."""
    from quotes.align.grouping import _cluster
    from quotes.align.similarity import CUTOFF_AGREEING, SURE_CUTOFF

    exs = [
        doc("a.txt", ("farmers will get new trade routes by spring", "ann", Kind.DIRECT)),
        doc("b.txt", ("farmers get trade routes and rural schools by spring", "ann", Kind.DIRECT)),
        doc("c.txt", ("rural schools will reopen after the floods", "ann", Kind.DIRECT)),
    ]
    items = _items(exs)
    scored = {(0, 1): (60.0, CUTOFF_AGREEING), (1, 2): (30.0, CUTOFF_AGREEING)}
    if third is not None:
        scored[(0, 2)] = (third, CUTOFF_AGREEING)
    clusters = _cluster(items, scored, sure=SURE_CUTOFF, agreeing=CUTOFF_AGREEING)
    assert clusters == ([[0, 1, 2]] if joined else [[0, 1]])


def test_a_near_copy_resembles_others_as_its_original_does() -> None:
    """Blocking pairs a near-exact copy (its last word changed) with its original only, so when groups join, the
    copy resembles the others as its original does: {a, c} and {b, d} average 25 over their four pairs of documents
    and join, where the never-scored pairs of c counted 0 (an average of 12.5, under the 18 a pair needs)."""
    from quotes.align.grouping import _cluster
    from quotes.align.similarity import CUTOFF_AGREEING, SURE_CUTOFF

    remark = "we had a plan to visit the harbour in spring but it was cancelled and we will not go"
    exs = [
        doc("a.txt", (remark, "ann", Kind.DIRECT)),
        doc("b.txt", ("she had cancelled her planned spring trip to the harbour", "ann", Kind.INDIRECT)),
        doc("c.txt", (remark.replace("not go", "not travel"), "ann", Kind.DIRECT)),
        doc("d.txt", ("she is cancelling every plan to visit the harbour", "ann", Kind.INDIRECT)),
    ]
    items = _items(exs)
    scored = {(0, 2): (90.0, CUTOFF_AGREEING), (1, 3): (60.0, CUTOFF_AGREEING), (0, 1): (30.0, CUTOFF_AGREEING)}
    scored[(0, 3)] = (20.0, CUTOFF_AGREEING)
    clusters = _cluster(items, scored, sure=SURE_CUTOFF, agreeing=CUTOFF_AGREEING)
    assert clusters == [[0, 1, 2, 3]]


def test_attribution_and_kind_shift_flags_carry_their_evidence_words() -> None:
    """The evidence of an ``attribution`` flag is where each side names its speaker; of a ``kind_shift``, the two
    renderings (CONTRACT.md structured flag fields), each at its document's offsets."""
    from quotes import extract

    docs = [
        'Anna Holt said: "We will build the new bridge over the river next spring."',
        'Tomas Berg said: "We will build the new bridge over the river next spring."',
        "Anna Holt said they would build the new bridge over the river next spring.",
    ]
    exs = list(extract(docs))
    aligned = align_corpus(exs)
    texts = {ex.article.doc: ex.article.text for ex in aligned.extractions}
    flags = {f.type: f for ex in aligned.extractions for q in ex.quotes for f in q.flags}
    attribution, shift = flags["attribution"], flags["kind_shift"]
    assert {attribution.text, attribution.other_text} == {"Anna Holt", "Tomas Berg"}
    assert "bridge" in (shift.text or "") and "bridge" in (shift.other_text or "")
    for f in (attribution, shift):
        assert f.doc and f.other_doc and f.start is not None and f.other_start is not None
        assert texts[f.doc][f.start : f.end] == f.text
        assert texts[f.other_doc][f.other_start : f.other_end] == f.other_text

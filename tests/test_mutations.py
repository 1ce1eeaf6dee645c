"""Mutation tests of verification: every meaning-changing edit of a gold quote fails, every
faithful edit passes.

The generators live in ``tests/mutations.py`` and know nothing of the seed articles; this file
runs them on every quoted gold rendering (``golden/*.jsonl``) with its gold speaker, one test
per family, and lists every wrong verdict in the failure message.
``python -m tests.mutations`` prints the counts per family.
"""

from __future__ import annotations

import pytest
from mutations import FAMILIES, Corpora, Result, cases_for, gold_renderings, run


@pytest.fixture(scope="session")
def mutation_corpora() -> Corpora:
    """The seeds extracted once, and the same corpus with one document left out on demand."""
    return Corpora.from_paths()


def _report(family: str, results: list[Result]) -> str:
    wrong = [r for r in results if not r.correct]
    head = f"{family}: {len(wrong)} of {len(results)} verdicts wrong"
    return "\n".join([head, *(f"  {r.line()}" for r in wrong)])


@pytest.mark.parametrize("family", FAMILIES)
def test_mutation_family_gets_every_verdict_right(family: str, mutation_corpora: Corpora) -> None:
    cases = cases_for(family, gold_renderings())
    results = run(cases, mutation_corpora)
    assert all(r.correct for r in results), _report(family, results)


def test_every_generator_edits_something_in_the_gold() -> None:
    """No family is empty, so no family passes by having nothing to check."""
    records = gold_renderings()
    empty = [f for f in FAMILIES if not cases_for(f, records)]
    assert not empty, f"families without a case: {empty}"


#: The generators on sentences of no seed article: (family, sentence, one expected edit).
GENERAL = [
    ("antonym", "Support for the plan is growing.", "Support for the plan is shrinking."),
    ("antonym", "People trust the mayor.", "People distrust the mayor."),
    ("antonym", "The minister respected the court.", "The minister rejected the court."),
    ("antonym", "They will continue the talks.", "They will abandon the talks."),
    ("antonym", "It is essential to increase aid.", "It is inessential to increase aid."),
    ("antonym", "It is essential to increase aid.", "It is essential to decrease aid."),
    ("antonym", "We keep close ties.", "We keep distant ties."),
    ("antonym", "It was a responsible step.", "It was an irresponsible step."),
    ("negation_added", "She will come and he is here.", "She will not come and he is here."),
    ("negation_added", "We can win.", "We cannot win."),
    ("negation_added", "They agreed.", "They did not agree."),
    ("negation_removed", "It is not over.", "It is over."),
    ("negation_removed", "She will never come.", "She will come."),
    ("negation_removed", "We cannot win.", "We can win."),
    ("number", "About 70 people died in 2025.", "About 80 people died in 2025."),
    ("number", "About 70 people died in 2025.", "About 70 people died in 2015."),
    ("number", "Two ships sank.", "Three ships sank."),
    ("modality", "We must act.", "We might act."),
    ("modality", "We should wait.", "We could wait."),
    ("modality", "I hope so.", "I plan so."),
    ("person", "I know my people.", "We know my people."),
    ("person", "We know our people.", "We know their people."),
    ("person", "He believes it.", "I believe it."),
    ("spelling", "They defend the centre.", "They defend the center."),
    ("spelling", "Our labour organisations agree.", "Our labour organizations agree."),
    ("us_forms", "Talks with the United States resumed.", "Talks with the U.S. resumed."),
    ("number_forms", "They met for the 3rd time.", "They met for the third time."),
    (
        "ellipsis",
        "The deal was signed. It runs out in May. Both welcomed it.",
        "The deal was signed. … Both welcomed it.",
    ),
    ("typography", "It's a Korea-Japan deal,", "It's a Korea–Japan deal,"),
]


@pytest.mark.parametrize(("family", "sentence", "expected"), GENERAL)
def test_generator_edits_any_sentence(family: str, sentence: str, expected: str) -> None:
    from mutations import FAITHFUL, MEANING

    generator = {**MEANING, **FAITHFUL}[family]
    edits = [claim for claim, _, _ in generator(sentence, "A Speaker")]
    assert expected in edits


def test_entity_swap_keeps_the_kind_and_avoids_names_in_the_quote() -> None:
    from mutations import entity_swaps, find_places

    sentence = "North Korea fired a missile toward Tokyo, Korean officials said."
    before = {(f.role, f.place.id) for f in find_places(sentence)}
    assert before == {("name", "KP"), ("city", "tokyo"), ("demonym", "KR")}
    for claim, _, _ in entity_swaps(sentence, None):
        after = {(f.role, f.place.id) for f in find_places(claim)}
        changed = after - before
        assert len(changed) == 1 and len(before - after) == 1, claim
        (role, ident), (old_role, old_ident) = changed.pop(), (before - after).pop()
        assert role == old_role and ident != old_ident and ident not in {i for _, i in before}, claim


def _article_sentences() -> list[str]:
    """Every sentence of the seed articles of six words or more, quoted or not: a wider pool than
    the gold quotes, for the comparison that verify reads."""
    import re

    from mutations import SEEDS

    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        for m in re.finditer(r"[^.!?\n]+[.!?]?", path.read_text(encoding="utf-8")):
            sentence = m.group().strip()
            if len(sentence.split()) >= 6:
                out.append(sentence)
    return out


@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"unchanged", "speaker", "outlet"}))
def test_every_article_sentence_compares_as_changed_or_supported_by_family(family: str) -> None:
    """The comparison itself over every sentence of the articles: a meaning-changing edit always
    leaves a typed change, a faithful edit never does."""
    from mutations import FAITHFUL, MEANING

    from quotes.compare import compare

    generator = {**MEANING, **FAITHFUL}[family]
    faithful = family in FAITHFUL
    wrong = []
    count = 0
    for sentence in _article_sentences():
        for claim, _, what in generator(sentence, None):
            count += 1
            c = compare(sentence, claim)
            if c.exact != faithful:
                wrong.append(f"{what}: {claim!r} -> {[x.type.value for x in c.changes]}")
    assert count > 0, f"{family}: no sentence offers a site"
    assert not wrong, f"{family}: {len(wrong)} of {count} wrong\n" + "\n".join(wrong[:40])


def _dev_renderings() -> list[str]:
    """The quoted gold renderings of the development set (golden/dev), read from its cache."""
    import json

    from conftest import ROOT as root
    from conftest import dev_cache

    from quotes.evaluate.devset import check_cache, load_events

    cache = dev_cache()
    out = []
    for event in load_events(root / "golden" / "dev"):
        if check_cache(event, cache):
            continue
        for path in sorted(event.folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                if rec["kind"] in ("direct", "mixed") and len(rec["text"].split()) >= 6:
                    out.append(rec["text"])
    return out


@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"unchanged", "speaker", "outlet"}))
def test_every_dev_rendering_compares_as_changed_or_supported_by_family(family: str) -> None:
    """The same over the quoted renderings of the development set, when its cache is present."""
    from mutations import FAITHFUL, MEANING

    from quotes.compare import compare

    renderings = _dev_renderings()
    if not renderings:
        pytest.skip("the development set's excerpts are not in .eval-cache/dev (golden/dev/README.md)")
    generator = {**MEANING, **FAITHFUL}[family]
    faithful = family in FAITHFUL
    wrong, count = [], 0
    for text in renderings:
        for claim, _, what in generator(text, None):
            count += 1
            c = compare(text, claim)
            if c.exact != faithful:
                wrong.append(f"{what}: {claim!r} -> {[x.type.value for x in c.changes]}")
    assert not wrong, f"{family}: {len(wrong)} of {count} wrong\n" + "\n".join(wrong[:40])

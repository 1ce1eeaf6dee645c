"""Speaker camps: who reports for whom, and so how the speakers of two renderings relate.

Input: the extractions of a corpus (their ``Speaker`` records and the ``via`` of their quotes).
Output: a camp per speaker (``speaker_camps``) and a ``Compatibility`` for any two quotes.

How speakers weigh in: a pair links when its score reaches the cutoff for how its
speakers relate: the same speaker, or one that reports for the other (a
spokesperson for a president, a ministry for its government: ``speaker_camps``)
need least; an unknown speaker more; speakers on different sides most (see the
cutoffs in ``similarity``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from ..config import lexicon
from ..speakers import name_bag as _bag
from ..speakers import norm as _norm
from ..types import Extraction, Quote, Speaker, SpeakerKind
from .union_find import find_root


class Compatibility(StrEnum):
    """How the speakers of two renderings relate."""

    SAME = "same"
    COMPATIBLE = "compatible"  # one reports for the other
    UNKNOWN = "unknown"  # at least one speaker missing
    CONFLICTING = "conflicting"  # known, different, no reporting link


def speaker_camps(extractions: Sequence[Extraction]) -> dict[str, str]:
    """Speaker id -> camp id: speakers linked because one reports for the other.

    Links: a quote given ``via`` someone (the channel reports for the speaker), a
    spokesperson's or official's ``body`` (the body's name, as in
    ``presidential office``), an institution known as ``<person>'s office``, a role
    whose office is listed in ``quotes/data/role_bodies.tsv``, and a government and
    the other bodies of the same country. Anonymous sources stay in camps of their own.
    """
    lex = lexicon()
    speakers = {s.id: s for ex in extractions for s in ex.speakers}
    by_name: dict[str, str] = {}
    for s in speakers.values():
        for name in (s.name, *s.aliases):
            by_name.setdefault(_norm(name), s.id)
    parent = {sid: sid for sid in speakers}

    def union(a: str | None, b: str | None) -> None:
        if a in parent and b in parent and a != b:
            if SpeakerKind.ANONYMOUS not in (speakers[a].kind, speakers[b].kind):
                parent[find_root(parent, a)] = find_root(parent, b)

    for ex in extractions:
        for q in ex.quotes:
            if q.speaker_id and q.via:
                union(q.speaker_id, by_name.get(_norm(q.via)))
    bodies = [s for s in speakers.values() if s.kind is SpeakerKind.INSTITUTION]
    bags = {s.id: _bag(s.name, lex) for s in bodies}
    places = {w for place in lex.demonyms.values() for w in place.split()}
    offices = _offices(list(speakers.values()))
    for office, holders, members in offices.values():
        if len(holders) > 1:
            continue  # two presidents: "the presidential office" names neither for sure
        for sid in holders + members:
            union(sid, (holders + members)[0])  # a president and their spokesperson
            words, head = _bag(office, lex)
            for b in bodies:
                if bags[b.id][1] == head and words <= bags[b.id][0]:
                    union(sid, b.id)
    for b in bodies:
        for alias in (b.name, *b.aliases):
            owner = re.fullmatch(r"(.+?)['’]s office", alias.strip(), flags=re.IGNORECASE)
            if owner:
                union(by_name.get(_norm(owner.group(1))), b.id)
        words, head = bags[b.id]
        if head == "government":
            for other in bodies:
                if words & places & bags[other.id][0]:
                    union(b.id, other.id)
    return {sid: find_root(parent, sid) for sid in speakers}


def _offices(speakers: Sequence[Speaker]) -> dict[str, tuple[str, list[str], list[str]]]:
    """Office key -> (its name, the speakers who hold it by their role, the speakers who belong to it).

    A role names an office through ``quotes/data/role_bodies.tsv`` (a president: the presidential
    office); a ``body`` is an office a speaker belongs to (a spokesperson's). Only one holder of an
    office can be linked to it: with two presidents in a corpus, "the presidential office" is
    nobody's for sure, and linking would put two heads of state in one camp.
    """
    lex = lexicon()
    out: dict[str, tuple[str, list[str], list[str]]] = {}
    for s in speakers:
        if s.kind is SpeakerKind.ANONYMOUS:
            continue
        if s.body:
            out.setdefault(_norm(s.body), (s.body, [], []))[2].append(s.id)
        if s.role and s.role.lower() in lex.role_bodies:
            office = lex.role_bodies[s.role.lower()]
            out.setdefault(_norm(office), (office, [], []))[1].append(s.id)
    return out


def compatibility(a: Quote, b: Quote, camps: dict[str, str]) -> Compatibility:
    """How the speakers of two quotes relate, given ``speaker_camps``."""
    if not a.speaker_id or not b.speaker_id:
        return Compatibility.UNKNOWN
    if a.speaker_id == b.speaker_id:
        return Compatibility.SAME
    if camps.get(a.speaker_id, a.speaker_id) == camps.get(b.speaker_id, b.speaker_id):
        return Compatibility.COMPATIBLE
    return Compatibility.CONFLICTING

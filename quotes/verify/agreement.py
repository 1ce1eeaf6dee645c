"""Speaker agreement: did the claimed speaker say a rendering, directly or through a body?

Input: a claimed speaker's name and a ``Rendering``, with a lookup of speaker records by name.
Output: ``True`` or ``False`` (did that speaker say it), ``None`` when the source names no one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from ..config import lexicon
from ..types import Rendering, Speaker, SpeakerKind


@lru_cache(maxsize=4096)
def _name_words(name: str, *, titles: bool = True) -> frozenset[str]:
    """The words of a name as ids spell them (romanization unified); without title words."""
    from ..speakers import slug

    words = set(slug(name, person=True).split("-")) - {"unknown", ""}
    if not titles:
        words -= _title_words()
    return frozenset(words)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for t in lexicon().titles for w in t.split())


def _names_match(claimed: str, name: str | None, record: Speaker | None) -> bool:
    """Whether a claimed speaker names the speaker ``name`` (its record gives role and aliases).

    Every word of the claim (romanization unified) must be in the name, its role or an
    alias (``Lima``, ``Minister Lima``, ``Ana Lima`` all name ``Ana Lima``; romanization
    variants name the same person);
    or the two are ``speakers.same_person``.
    """
    from ..speakers import same_person, slug

    if not name:
        return False
    claim_words = _name_words(claimed)
    if not claim_words:
        return False
    pool = _name_words(name)
    if record is not None:
        for alias in record.aliases:
            if claim_words <= _name_words(alias) | (_name_words(record.role) if record.role else frozenset()):
                return True
        if record.role:
            pool |= _name_words(record.role)
    if claim_words <= pool:
        return True
    bare = _name_words(claimed, titles=False)
    if bare and bare <= _name_words(name):
        return True
    if record is None or record.kind is SpeakerKind.PERSON:
        a = Speaker(id=slug(claimed, person=True), name=claimed, kind=SpeakerKind.PERSON)
        b = Speaker(id=slug(name, person=True), name=name, kind=SpeakerKind.PERSON)
        return same_person(a, b)
    return False


def _voices(record: Speaker) -> list[frozenset[str]]:
    """Words of the bodies a person speaks for: their own body and their role's office."""
    out = []
    if record.body:
        out.append(_name_words(record.body))
    if record.role:
        role = record.role.lower()
        for key, body in lexicon().role_bodies.items():
            if role == key or role.endswith(" " + key):
                out.append(_name_words(body))
    return [w for w in out if w]


def speaker_agrees(
    claimed: str, r: Rendering, *, lookup: Callable[[str], Sequence[Speaker]] | None = None
) -> bool | None:
    """Whether the claimed speaker said the rendering; ``None`` when the source names no one.

    Compatible: the rendering's speaker; its ``via`` (the spokesperson who relayed it); a body
    claimed for the words of a person who speaks for it (the presidential office for the
    president's or the spokesperson's words), from the roles and bodies of the rendering's
    records and of the records ``lookup`` finds for a name (``Sources.find_speakers``). A person
    claimed for the words of an anonymous source or an institution is not compatible: the source
    did not say that person said them.
    """
    first = r.quotes[0]
    if not first.speaker:
        return None
    if _names_match(claimed, first.speaker, r.speaker):
        return True
    if first.via and _names_match(claimed, first.via, r.via):
        return True
    find = lookup or (lambda name: [])
    said_by = [w for w in (first.speaker, first.via) if w]
    # a named person is never an anonymous source, an institution or another person: when the
    # source gives the words to one of those, a claim that the person said them is wrong
    if r.speaker is not None and r.speaker.kind in (SpeakerKind.ANONYMOUS, SpeakerKind.INSTITUTION):
        claimed_records = [k for k in find(claimed) if _names_match(claimed, k.name, k)]
        if not claimed_records or any(k.kind is SpeakerKind.PERSON for k in claimed_records):
            if not any(_names_match(claimed, w, None) for w in said_by):
                return False
    # a body claimed for a person's rendering: does the person (or via) speak for it?
    claimed_words = _name_words(claimed)
    for who, own in ((first.speaker, r.speaker), (first.via, r.via)):
        if not who:
            continue
        records = ([own] if own else []) + [k for k in find(who) if k.name == who]
        if any(voice <= claimed_words for rec in records for voice in _voices(rec)):
            return True
    return False

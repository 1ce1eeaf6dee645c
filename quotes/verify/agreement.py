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

    Compatible: the rendering's speaker; its ``via`` (the spokesperson who relayed it);
    a body the speaker speaks for or a person who speaks for the body (a president and the
    presidential office, a spokesperson and her office), from the roles and bodies of the
    rendering's records and of the records ``lookup`` finds for a name (``Sources.find_speakers``).
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
    # a person claimed for a body's rendering: does the person speak for that body?
    for record in [k for k in find(claimed) if _names_match(claimed, k.name, k)]:
        for voice in _voices(record):
            if any(voice <= _name_words(w) for w in said_by):
                return True
    # a body claimed for a person's rendering: does the person (or via) speak for it?
    claimed_words = _name_words(claimed)
    for who, own in ((first.speaker, r.speaker), (first.via, r.via)):
        if not who:
            continue
        records = ([own] if own else []) + [k for k in find(who) if k.name == who]
        if any(voice <= claimed_words for rec in records for voice in _voices(rec)):
            return True
    return False

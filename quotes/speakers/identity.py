"""Identity: one id and one name per person or body across documents.

Input: the extractions of a corpus. Output: the same extractions with merged speaker ids and names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..config import Lexicon, lexicon
from ..types import Extraction, Quote, Speaker, SpeakerKind
from .names import name_bag, places_before, romanization_key, slug

#: Smallest rapidfuzz ratio (0-100) between the given names of two people with the same
#: surname for them to be one person, compared after the romanization table has unified
#: syllables. Calibrated on spelling variants (Min-ho/Min-hoo 91, Min-jae/Min-je 91)
#: against distinct people (Jong-un/Jong-il 67, Tae-ho/Nak-yon 36).
GIVEN_NAME_CUTOFF = 85


def same_person(a: Speaker, b: Speaker) -> bool:
    """Whether two person speakers from different documents are one person.

    Names agree when their syllables are equal after romanization, in any
    order (surname first or last) and whatever middle initials, or when the surnames are equal and the
    given names are close (rapidfuzz ratio >= ``GIVEN_NAME_CUTOFF``). Roles
    must not contradict each other: two Kims with different titles stay apart.
    """
    from rapidfuzz import fuzz

    if SpeakerKind.PERSON not in (a.kind, b.kind) or a.kind != b.kind:
        return False
    if not _roles_agree(a, b):
        return False
    ta, tb = _name_parts(a.id), _name_parts(b.id)  # "Kishida", "Kisida"
    if "".join(ta) == "".join(tb) or sorted(ta) == sorted(tb):
        return True
    if len(ta) < 2 or len(tb) < 2:
        return False
    for sa, ga, sb, gb in ((ta[0], ta[1:], tb[0], tb[1:]), (ta[-1], ta[:-1], tb[-1], tb[:-1])):
        if sa == sb and fuzz.ratio("".join(ga), "".join(gb)) >= GIVEN_NAME_CUTOFF:
            return True
    return False


def _blocks(sid: str) -> set[str]:
    """The blocks a person's id falls in for ``same_person``: its syllables in any order, and its surname
    (first or last word) with the first letter of its given names. Names ``same_person`` joins share one:
    given names that close (``GIVEN_NAME_CUTOFF``) differ in a letter or two, not the first, and two thousand
    people named Kim no longer make four million comparisons."""
    parts = _name_parts(sid)
    keys = {"".join(sorted(parts))}
    if len(parts) >= 2:
        keys |= {f"{parts[0]}|{parts[1][0]}", f"{parts[-1]}|{parts[0][0]}"}
    return keys


def _name_parts(sid: str) -> list[str]:
    """A person's id as romanized name parts without middle initials (``vladimir-v-putin`` -> ``vladimir``,
    ``putin``), the form every comparison of names here uses."""
    return [romanization_key(w) for w in _without_initials(sid.split("-"))]


def _without_initials(parts: list[str]) -> list[str]:
    """Name parts without middle initials (``vladimir-v-putin`` -> ``vladimir``, ``putin``), when
    at least a given name and a surname remain."""
    kept = [p for p in parts if len(p) > 1]
    return kept if len(kept) >= 2 else parts


def _role_core(role: str) -> str:
    """The head of a role, without courtesy titles ("former president" -> "president", "mr." -> "").

    Courtesy titles (an honorific, "former": ``courtesy`` in ``quotes/data/titles.tsv``) name no role.
    """
    courtesy = lexicon().courtesy_titles
    words = [w for w in role.lower().split() if w not in courtesy]
    return words[-1] if words else ""


def unify(extractions: Iterable[Extraction]) -> list[Extraction]:
    """One speaker id and one display name per person or body across documents.

    People whose names are romanization variants of each other (see
    ``same_person``) get the id and name used most often; every id then shows
    its most frequent name (the longest on a tie).
    """
    items = list(extractions)
    speakers = {s.id: s for ex in items for s in ex.speakers}
    counts: Counter[str] = Counter(q.speaker_id for ex in items for q in ex.quotes if q.speaker_id)
    parent = {sid: sid for sid in speakers}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    persons = sorted((s for s in speakers.values() if s.kind is SpeakerKind.PERSON), key=lambda s: s.id)
    by_surname: dict[str, list[Speaker]] = defaultdict(list)
    for sp in persons:  # candidate pairs: the same syllables, or the same surname and given names alike
        for key in _blocks(sp.id):
            by_surname[key].append(sp)
    for block in by_surname.values():
        for k, a in enumerate(block):
            for b in block[k + 1 :]:
                if find(a.id) != find(b.id) and same_person(a, b):
                    ra, rb = find(a.id), find(b.id)
                    keep, drop = (ra, rb) if (counts[ra], ra) >= (counts[rb], rb) else (rb, ra)
                    parent[drop] = keep
    lone = [  # one capitalized word the tagger called an organisation ("Kisida said …"): a surname, maybe
        s
        for s in speakers.values()
        if s.kind in (SpeakerKind.INSTITUTION, SpeakerKind.UNKNOWN)
        and " " not in s.name.strip()
        and s.name[:1].isupper()
    ]
    for short, full in _contained_merges(persons, find):  # first: "Erdogan" then has one fuller name, not two
        if find(short) != find(full):
            parent[find(short)] = find(full)
    docs_of: dict[str, set[str]] = defaultdict(set)  # the documents each id speaks in
    for ex in items:
        for s in ex.speakers:
            docs_of[s.id].add(ex.article.doc)
    for short, full in _surname_merges(persons, find, lone):
        if speakers[short].kind is SpeakerKind.PERSON and docs_of[short] & docs_of[full]:
            continue  # "Ahmed, a resident, …" and "Ahmed Ali, 25, …" kept apart where both are read: two people
        if find(short) != find(full):
            parent[find(short)] = find(full)
    for short, full in _body_merges(list(speakers.values()), items):
        if find(short) != find(full):
            parent[find(short)] = find(full)
    for short, full in _description_merges(list(speakers.values()), items, find):
        if find(short) != find(full):
            parent[find(short)] = find(full)
    canon = {sid: find(sid) for sid in parent}
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for ex in items:
        for q in ex.quotes:
            if q.speaker_id and q.speaker:
                names[canon.get(q.speaker_id, q.speaker_id)][q.speaker] += 1
    lex = lexicon()  # a proper name is shown before any description of the same speaker ("Portugal's president")
    chosen = {
        sid: max(c.items(), key=lambda kv: (not _describes(kv[0], lex), kv[1], len(kv[0])))[0]
        for sid, c in names.items()
    }
    for sid, sp in speakers.items():  # a body merged into a fuller name shows the fuller name
        if (
            sp.kind is SpeakerKind.INSTITUTION
            and canon[sid] == sid
            and any(canon[o] == sid for o in speakers if o != sid)
        ):
            chosen[sid] = sp.name
    name_of_id = {sid: chosen.get(canon[sid], speakers[sid].name) for sid in speakers}
    via_names = {slug(s.name, person=s.kind is SpeakerKind.PERSON): name_of_id[s.id] for s in speakers.values()}

    def unified(q: Quote) -> Quote:
        return replace(
            q,
            speaker_id=canon.get(q.speaker_id, q.speaker_id) if q.speaker_id else None,
            speaker=name_of_id.get(q.speaker_id or "", q.speaker),
            via=_via_name(q.via, via_names) if q.via else None,
        )

    out = []
    for ex in items:
        merged = tuple(replace(s, id=canon[s.id], name=name_of_id[s.id]) for s in ex.speakers)
        out.append(
            replace(
                ex,
                quotes=tuple(unified(q) for q in ex.quotes),
                speakers=merged,
                reports=tuple(unified(q) for q in ex.reports),
            )
        )
    return out


def _surname_merges(
    persons: list[Speaker], find: Callable[[str], str], lone: Sequence[Speaker] = ()
) -> list[tuple[str, str]]:
    """Pairs (surname alone, full name): a person known only by a surname in one document ("Kishida"),
    or a ``lone`` word taken for an organisation ("Kisida"), and the one person of the corpus with a
    fuller name ending or starting with it, romanization variants folded ("Fumio Kishida").

    Two people of the corpus with that surname (two Kims, Joe and Hunter Biden) make it nobody's for sure.
    """
    lex = lexicon()
    named = [sp for sp in persons if not _describes(sp.name, lex)]
    fuller: dict[str, set[str]] = defaultdict(set)  # surname -> the people (merged ids) with a fuller name
    for sp in named:
        parts = _name_parts(sp.id)
        if len(parts) >= 2:
            for surname in {parts[0], parts[-1]}:
                fuller[surname].add(find(sp.id))
    out = []
    for sp in [*named, *lone]:
        parts = [romanization_key(w) for w in sp.id.split("-")]
        if len(parts) == 1 and len(fuller.get(parts[0], ())) == 1:
            (full,) = fuller[parts[0]]
            out.append((sp.id, full))
    return out


def _contained_merges(persons: list[Speaker], find: Callable[[str], str]) -> list[tuple[str, str]]:
    """Pairs (shorter name, fuller name): a person named by two or more words that open or close the one fuller
    name of the corpus that holds them ("Tayyip Erdogan" and "Recep Tayyip Erdogan", "Lula da Silva" and "Luiz
    Inácio Lula da Silva"), roles not contradicting each other. Two fuller names holding them ("Kim Jong" in
    "Kim Jong-un" and "Kim Jong-il") make it nobody's for sure."""
    lex = lexicon()
    named = [sp for sp in persons if not _describes(sp.name, lex)]
    parts = {sp.id: _name_parts(sp.id) for sp in named}
    fuller: dict[tuple[str, ...], dict[str, Speaker]] = defaultdict(dict)  # opening or closing run -> holders
    for sp in named:
        mine = parts[sp.id]
        for size in range(2, len(mine)):
            for run in (tuple(mine[:size]), tuple(mine[-size:])):
                fuller[run][sp.id] = sp
    out = []
    for sp in named:
        held = fuller.get(tuple(parts[sp.id]), {})
        holders = {find(o.id) for o in held.values() if _roles_agree(sp, o)}
        if len(holders) == 1:
            out.append((sp.id, holders.pop()))
    return out


def _roles_agree(a: Speaker, b: Speaker) -> bool:
    """Whether two people's roles do not contradict each other (either unknown, or the same head)."""
    roles = _role_core(a.role or ""), _role_core(b.role or "")
    return not all(roles) or roles[0] == roles[1]


def _describes(name: str, lex: Lexicon) -> bool:
    """Whether a person's name is a description ("The Minister", "Energy Minister"), not a proper name."""
    words = re.split(r"[\s-]+", name.lower())  # "Secretary-General": two titles
    return not name[:1].isupper() or any(w in lex.titles or w in lex.epithets or w == "the" for w in words)


def _body_merges(speakers: list[Speaker], extractions: Sequence[Extraction]) -> list[tuple[str, str]]:
    """Pairs (short, full) of institution ids where the short name is a less specific form of
    exactly one fuller name in the corpus ("presidential office" -> "Ruritania's presidential
    office"): same head noun, every word of the short name in the full one, and a word the
    full name adds found in every document the short name speaks in (capitals as their
    countries). "Police" in a story about one town is not the police of another town that
    another story of the folder names. Documents are read only for short names with one such
    fuller name.
    """
    lex = lexicon()
    bodies = [s for s in speakers if s.kind is SpeakerKind.INSTITUTION]
    bags = {s.id: name_bag(s.name, lex) for s in bodies}
    candidates = []
    for a in bodies:
        bag, head = bags[a.id]
        fuller = [b.id for b in bodies if b.id != a.id and bags[b.id][1] == head and bag < bags[b.id][0]]
        if len(fuller) == 1:
            candidates.append((a.id, fuller[0], bags[fuller[0]][0] - bag))
    if not candidates:
        return []
    shorts = {short for short, _, _ in candidates}
    documents = [  # (ids of the candidates speaking in it, its words), read once per document
        (ids, _document_words(ex.article.text, lex))
        for ex in extractions
        if (ids := shorts & {q.speaker_id for q in ex.quotes if q.speaker_id})
    ]
    return [
        (short, full)
        for short, full, added in candidates
        if all(added & words for ids, words in documents if short in ids)
    ]


def _description_merges(
    speakers: list[Speaker], extractions: Sequence[Extraction], find: Callable[[str], str]
) -> list[tuple[str, str]]:
    """Pairs (description, person) where a speaker named only by a place and a title or epithet (``Portugal's
    president``, ``the Portuguese president``, ``Portugal's leader``), which the document left unresolved, is the one
    person of the corpus other documents name with that place before the name (``Portuguese President …``) and with
    no other title (an epithet such as ``leader`` fits any). None when no one or several fit.
    """
    lex = lexicon()
    described = {}
    for s in speakers:
        if s.kind is SpeakerKind.ANONYMOUS:
            continue
        bag, head = name_bag(s.name, lex)
        places = {w for w in bag if w in lex.demonyms.values()}
        if len(bag) == 2 and len(places) == 1 and (head in lex.titles or head in lex.epithets):
            described[s.id] = (places.pop(), head)
    if not described:
        return []
    origins: dict[str, set[str]] = defaultdict(set)  # person id -> places named just before their mentions
    persons = {s.id: s for s in speakers if s.kind is SpeakerKind.PERSON and s.id not in described}
    for ex in extractions:
        for q in ex.quotes:
            if q.speaker_id in persons and q.speaker_span is not None:
                origins[find(q.speaker_id)] |= places_before(ex.article.text, q.speaker_span[0], lex, phrase=True)
    out = []
    for sid, (place, head) in described.items():
        fits = {
            find(p.id)
            for p in persons.values()
            if place in origins.get(find(p.id), set())
            and (head not in lex.titles or not p.role or _role_core(p.role) == _role_core(head))
        }
        if len(fits) == 1:
            out.append((sid, fits.pop()))
    return out


#: A full stop or hyphen that ends a word ("… in Dunmore."): ``name_bag`` keeps dots inside words ("U.S.").
_WORD_ENDS = re.compile(r"[.-](?=\W|$)")


def _document_words(text: str, lex: Lexicon) -> set[str]:
    """A document's words as ``name_bag`` counts them (demonyms as places), capitals as their countries."""
    bag = name_bag(text, lex)[0] | name_bag(_WORD_ENDS.sub(" ", text), lex)[0]
    return bag | {w for city, country in lex.capitals.items() if city.lower() in bag for w in country.split()}


def _via_name(via: str, names: dict[str, str]) -> str:
    for person in (True, False):
        key = slug(via, person=person)
        if key in names:
            return names[key]
    return via

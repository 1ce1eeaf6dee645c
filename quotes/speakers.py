"""Speakers: turn source mentions into canonical speakers, within and across documents.

Input: an article, its ``Attribution`` records and its ``Mention`` list.
Output: contract ``Quote`` records with speaker name, id and via set, and ``Speaker`` records.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .config import Lexicon, lexicon, read_table
from .errors import DataError, InputError
from .types import Article, Attribution, Extraction, Mention, Quote, Speaker, SpeakerKind, SpeakerSummary

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
#: Quantifiers dropped from the display name of an unnamed source ("some observers" -> "observers").
_QUANTIFIERS = {"some", "many", "several", "other", "certain", "few", "most", "numerous"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPLIT = re.compile(r"[\s\-‐‑–]+")
_PREPOSITIONS = {"of", "for", "from", "at", "in", "on"}
#: Words that make a description an unnamed source.
_ANONYMOUS_HEADS = {
    "official",
    "officials",
    "source",
    "sources",
    "observer",
    "observers",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "insider",
    "insiders",
    "people",
    "person",
    "critic",
    "critics",
    "lawmaker",
    "lawmakers",
    "member",
    "members",
}


@lru_cache(maxsize=1)
def romanization() -> dict[str, str]:
    """Syllable variants and their canonical spelling (data file)."""
    return {v: c for v, c in read_table("romanization.tsv", 2)}


def slug(name: str, *, person: bool = False) -> str:
    """A stable id: lowercase words joined by hyphens, romanization variants unified for people.

    >>> slug("Park Soo-jin", person=True)
    'park-su-jin'
    """
    words = [w for w in _SPLIT.split(_POSSESSIVE.sub("", name.lower().replace("’s ", " ").replace("'s ", " "))) if w]
    words = [re.sub(r"[^\w]", "", w) for w in words]
    words = [w for w in words if w and w not in _DETERMINERS]
    if person:
        table = romanization()
        words = [table.get(w, w) for w in words]
    return "-".join(words) or "unknown"


def resolve(
    article: Article, attributions: list[Attribution], mentions: list[Mention], *, lex: Lexicon | None = None
) -> Extraction:
    """Canonical speakers for one article's attributions.

    Short names and titles resolve to the fullest name of that person in the
    article (``Kim`` -> ``Kim Min-ji``); ``he``/``she`` to the nearest person
    named before, preferring sentence subjects; a definite description
    (``the Japanese ministry``) to the fullest body in the article with the same
    head noun and compatible words (``Japan's Ministry of Foreign Affairs``).
    """
    lex = lex or lexicon()
    persons = sorted(
        [m for m in mentions if m.label == "PERSON"]
        + [a.mention for a in attributions if a.mention and a.mention.label == "PERSON"]
        + [a.via for a in attributions if a.via and a.via.label == "PERSON"],
        key=lambda m: m.start,
    )
    bodies = [m for m in mentions if m.label != "PERSON"] + [
        m
        for a in attributions
        for m in (a.mention, a.via)
        if m is not None and m.form != "pronoun" and m.label != "PERSON"
    ]
    registry: dict[str, Speaker] = {}
    quotes = []
    for att in attributions:
        speaker = _canonical(att.mention, persons, bodies, lex) if att.mention else None
        via = _canonical(att.via, persons, bodies, lex) if att.via else None
        for s in (speaker, via):
            if s is not None:
                registry[s.id] = _merge(registry.get(s.id), s)
        quotes.append(
            Quote(
                doc=article.doc,
                outlet=article.outlet,
                start=att.start,
                end=att.end,
                text=article.text[att.start : att.end],
                kind=att.kind,
                speaker=speaker.name if speaker else None,
                speaker_id=speaker.id if speaker else None,
                speaker_mention=att.mention.text if att.mention else None,
                speaker_span=(att.mention.start, att.mention.end) if att.mention else None,
                cue=att.cue,
                via=via.name if via else None,
                line=article.text.count("\n", 0, att.start) + 1,
            )
        )
    return Extraction(article=article, quotes=tuple(quotes), speakers=tuple(registry.values()))


def _canonical(m: Mention, persons: list[Mention], bodies: list[Mention], lex: Lexicon) -> Speaker | None:
    if m.form == "pronoun":
        kind = lex.pronouns.get(m.text.lower())
        if kind != "person":
            return None
        antecedent = _antecedent(m, persons, lex)
        if antecedent is None:
            antecedent = _last_named_source(m, bodies)
        if antecedent is None:
            return None
        m = replace(antecedent, label="PERSON")
    if m.label != "PERSON" and m.form == "name" and _fullest_person(m, persons) != m.text:
        m = replace(m, label="PERSON")
    if m.form == "description":
        holder = _role_holder(m, persons, lex)
        if holder is not None:
            m = holder
        else:
            office = _office_of(m, persons, bodies, lex)
            if office is not None:
                return office
    if m.label == "PERSON":
        name = _fullest_person(m, persons)
        body = m.body
        if body and re.search(r"(?:'s|’s)$", body):  # "Berg's spokesperson": the body of Berg's role
            office = _office_of(Mention(f"{body} office", m.start, m.end, "description"), persons, bodies, lex)
            body = office.name if office is not None else body
        m = replace(m, body=body)
        return Speaker(
            id=slug(name, person=True),
            name=name,
            kind=SpeakerKind.PERSON,
            role=m.role,
            body=m.body,
            aliases=tuple(sorted({m.text, name})),
        )
    government = _government(m, lex)
    if government is not None:
        return government
    name = _fullest_body(m, bodies, lex)
    kind = _body_kind(name, m)
    return Speaker(id=slug(name), name=name, kind=kind, role=m.role, body=m.body, aliases=tuple(sorted({m.text, name})))


def _head_word(text: str) -> str:
    """The head noun of a short description: its last word before a preposition."""
    words = [w.lower() for w in _words(text)]
    for k, w in enumerate(words):
        if w in _PREPOSITIONS and k > 0:
            return words[k - 1]
    return words[-1] if words else ""


def _role_holder(m: Mention, persons: list[Mention], lex: Lexicon) -> Mention | None:
    """The person a definite role description names ("the president" -> the last president named)."""
    words = [w.lower() for w in _words(m.text)]
    if not words or words[0] != "the" or _is_anonymous(m):
        return None
    head = _head_word(m.text)
    if head not in lex.titles:
        return None
    before = [p for p in persons if p.end <= m.start and p.role and p.role.split()[-1] == head]
    return before[-1] if before else None


_OWNED = re.compile(
    r"^(?:the\s+)?(?P<owner>.+?)(?:'s|’s)\s+(?P<thing>office|spokesperson|spokesman|spokeswoman)$", re.I
)


def _office_of(m: Mention, persons: list[Mention], bodies: list[Mention], lex: Lexicon) -> Speaker | None:
    """``Berg's office`` -> the body that speaks for Berg's role (the presidential office)."""
    match = _OWNED.match(m.text.strip())
    if match is None or match.group("thing").lower() != "office":
        return None
    owner = Mention(match.group("owner"), m.start, m.start + len(match.group("owner")), "name", "PERSON")
    name = _fullest_person(owner, persons)
    roles = [p.role for p in persons if p.role and p.text == name]
    for role in roles:
        for key, body in lex.role_bodies.items():
            if role == key or role.endswith(" " + key):
                display = _fullest_body(Mention(body, m.start, m.end, "description"), bodies, lex)
                return Speaker(
                    id=slug(display),
                    name=display,
                    kind=SpeakerKind.INSTITUTION,
                    aliases=tuple(sorted({m.text, display})),
                )
    return None


def _government(m: Mention, lex: Lexicon) -> Speaker | None:
    """A country or its capital named as a speaker is its government ("Tokyo said" ->
    "Japanese government"); the adjective comes from ``demonyms.tsv``."""
    text = _display(m.text)
    country = lex.capitals.get(text)
    if country is None and m.label == "GPE" and m.form == "name" and text.lower() in set(lex.demonyms.values()):
        country = text.lower()
    if country is None:
        return None
    adjective = next((adj for adj, place in lex.demonyms.items() if place == country and " " not in adj), None)
    name = f"{adjective.title()} government" if adjective else f"government of {country.title()}"
    return Speaker(id=slug(name), name=name, kind=SpeakerKind.INSTITUTION, aliases=tuple(sorted({m.text, name})))


_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}


def _gender_of(name: str, persons: list[Mention], lex: Lexicon) -> str | None:
    """A person's gender when a role word in the article marks it (``Ms.``, ``spokesman``)."""
    words = set(_words(name))
    for p in persons:
        if p.role and words & set(_words(p.text)):
            for w in p.role.lower().split():
                if w in lex.genders:
                    return lex.genders[w]
    return None


def _last_named_source(pronoun: Mention, bodies: list[Mention]) -> Mention | None:
    """For he/she with no person before it, the last named source that is a sentence subject,
    whatever the tagger called it (a small tagger often calls a surname an organisation)."""
    named = [b for b in bodies if b.form == "name" and b.is_subject and b.label != "GPE" and b.end <= pronoun.start]
    named = [b for b in named if len(_words(b.text)) <= 3]
    return max(named, key=lambda b: b.start) if named else None


def _antecedent(pronoun: Mention, persons: list[Mention], lex: Lexicon | None = None) -> Mention | None:
    """The nearest person named before a pronoun, sentence subjects first, skipping people
    the article marks with the other gender (``Ms. Hochul`` is never ``he``)."""
    lex = lex or lexicon()
    wanted = _PRONOUN_GENDER.get(pronoun.text.lower())
    if wanted is not None:
        persons = [p for p in persons if _gender_of(p.text, persons, lex) in (None, wanted)]
    before = [p for p in persons if p.end <= pronoun.start]
    subjects = [p for p in before if p.is_subject]
    pool = subjects or before
    return pool[-1] if pool else None


def _words(name: str) -> list[str]:
    return [w for w in _SPLIT.split(name) if w]


def _fullest_person(m: Mention, persons: list[Mention]) -> str:
    """The longest name in the article that contains the mention's words, nearest before it first."""
    text = m.text.title() if m.text.isupper() else m.text  # transcript labels: "PENCE"
    words = _words(text)
    if not words:
        return text
    fuller = [p for p in persons if len(_words(p.text)) > len(words) and _contains(_words(p.text), words)]
    if not fuller:
        return text
    before = [p for p in fuller if p.start <= m.start]
    pool = before or fuller
    best_len = max(len(_words(p.text)) for p in pool)
    choice = [p for p in pool if len(_words(p.text)) == best_len]
    return (choice[-1] if before else choice[0]).text


def _contains(full: list[str], part: list[str]) -> bool:
    """Whether ``part`` appears in ``full`` as consecutive words (case-sensitive, as names are)."""
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _bag(name: str, lex: Lexicon) -> tuple[set[str], str]:
    """Content words of a body's name (demonyms as places) and its head noun."""
    text = name.lower().replace("’s", "").replace("'s", "")
    words = [w for w in re.findall(r"[\w.-]+", text) if w not in _DETERMINERS]
    head_words = []
    for w in words:
        if w in _PREPOSITIONS:
            break
        head_words.append(w)
    head = head_words[-1] if head_words else (words[-1] if words else "")
    bag = set()
    for w in words:
        if w in _PREPOSITIONS:
            continue
        bag.update(lex.demonyms.get(w, w).split())
    return bag, head


def _fullest_body(m: Mention, bodies: list[Mention], lex: Lexicon) -> str:
    """The fullest body name in the article compatible with a description or short name."""
    own = _display(m.text)
    if _is_anonymous(m):
        return own
    bag, head = _bag(m.text, lex)
    best = own
    best_size = len(bag)
    for b in bodies:
        if _is_anonymous(b):
            continue
        other, other_head = _bag(b.text, lex)
        if other_head == head and bag <= other and len(other) > best_size:
            best, best_size = _display(b.text), len(other)
    return best


def _display(text: str) -> str:
    """A name as shown: without a leading article or quantifier, lowercase when it was only
    capitalised because it opened the sentence ("Observers" -> "observers")."""
    words = text.split()
    while words and words[0].lower() in _DETERMINERS | _QUANTIFIERS:
        words = words[1:]
    if len(words) >= 1 and words[0][:1].isupper() and words[0][1:].islower() and words[0].lower() in _ANONYMOUS_HEADS:
        words[0] = words[0].lower()
    return " ".join(words) or text


def _is_anonymous(m: Mention) -> bool:
    bag = {w.lower() for w in _words(m.text.split(" of ")[0].split(" from ")[0])}
    return m.form == "description" and bool(bag & _ANONYMOUS_HEADS)


def _body_kind(name: str, m: Mention) -> SpeakerKind:
    if _is_anonymous(m):
        return SpeakerKind.ANONYMOUS
    if m.label in ("ORG", "GPE", "NORP") or m.form == "description":
        return SpeakerKind.INSTITUTION
    return SpeakerKind.UNKNOWN


def _merge(old: Speaker | None, new: Speaker) -> Speaker:
    if old is None:
        return new
    return replace(
        old,
        role=old.role or new.role,
        body=old.body or new.body,
        aliases=tuple(sorted(set(old.aliases) | set(new.aliases))),
    )


#: Smallest rapidfuzz ratio (0-100) between the given names of two people with the same
#: surname for them to be one person, compared after the romanization table has unified
#: syllables. Calibrated on spelling variants (Min-ho/Min-hoo 91, Min-jae/Min-je 91)
#: against distinct people (Jong-un/Jong-il 67, Tae-ho/Nak-yon 36).
GIVEN_NAME_CUTOFF = 85


def same_person(a: Speaker, b: Speaker) -> bool:
    """Whether two person speakers from different documents are one person.

    Names agree when their syllables are equal after romanization, in any
    order (surname first or last), or when the surnames are equal and the
    given names are close (rapidfuzz ratio >= ``GIVEN_NAME_CUTOFF``). Roles
    must not contradict each other: two Kims with different titles stay apart.
    """
    from rapidfuzz import fuzz

    if SpeakerKind.PERSON not in (a.kind, b.kind) or a.kind != b.kind:
        return False
    if a.role and b.role and _role_core(a.role) != _role_core(b.role):
        return False
    ta, tb = a.id.split("-"), b.id.split("-")
    if "".join(ta) == "".join(tb) or sorted(ta) == sorted(tb):
        return True
    if len(ta) < 2 or len(tb) < 2:
        return False
    for sa, ga, sb, gb in ((ta[0], ta[1:], tb[0], tb[1:]), (ta[-1], ta[:-1], tb[-1], tb[:-1])):
        if sa == sb and fuzz.ratio("".join(ga), "".join(gb)) >= GIVEN_NAME_CUTOFF:
            return True
    return False


def _role_core(role: str) -> str:
    """The head of a role, without "former" and the like ("former president" -> "president")."""
    words = [w for w in role.lower().split() if w not in ("former", "then", "acting", "ousted", "late")]
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
    for sp in persons:  # block candidate pairs by surname (first or last word)
        parts = sp.id.split("-")
        for key in {parts[0], parts[-1], "".join(sorted(parts))}:
            by_surname[key].append(sp)
    for block in by_surname.values():
        for k, a in enumerate(block):
            for b in block[k + 1 :]:
                if find(a.id) != find(b.id) and same_person(a, b):
                    ra, rb = find(a.id), find(b.id)
                    keep, drop = (ra, rb) if (counts[ra], ra) >= (counts[rb], rb) else (rb, ra)
                    parent[drop] = keep
    for short, full in _body_merges(list(speakers.values())):
        if find(short) != find(full):
            parent[find(short)] = find(full)
    canon = {sid: find(sid) for sid in parent}
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for ex in items:
        for q in ex.quotes:
            if q.speaker_id and q.speaker:
                names[canon.get(q.speaker_id, q.speaker_id)][q.speaker] += 1
    chosen = {sid: max(c.items(), key=lambda kv: (kv[1], len(kv[0])))[0] for sid, c in names.items()}
    for sid, sp in speakers.items():  # a body merged into a fuller name shows the fuller name
        if (
            sp.kind is SpeakerKind.INSTITUTION
            and canon[sid] == sid
            and any(canon[o] == sid for o in speakers if o != sid)
        ):
            chosen[sid] = sp.name
    name_of_id = {sid: chosen.get(canon[sid], speakers[sid].name) for sid in speakers}
    via_names = {slug(s.name, person=s.kind is SpeakerKind.PERSON): name_of_id[s.id] for s in speakers.values()}
    out = []
    for ex in items:
        quotes = tuple(
            replace(
                q,
                speaker_id=canon.get(q.speaker_id, q.speaker_id) if q.speaker_id else None,
                speaker=name_of_id.get(q.speaker_id or "", q.speaker),
                via=_via_name(q.via, via_names) if q.via else None,
            )
            for q in ex.quotes
        )
        merged = tuple(replace(s, id=canon[s.id], name=name_of_id[s.id]) for s in ex.speakers)
        out.append(replace(ex, quotes=quotes, speakers=merged))
    return out


def _body_merges(speakers: list[Speaker]) -> list[tuple[str, str]]:
    """Pairs (short, full) of institution ids where the short name is a less specific form of
    exactly one fuller name in the corpus ("presidential office" -> "South Korea's presidential
    office"): same head noun, and every word of the short name in the full one."""
    lex = lexicon()
    bodies = [s for s in speakers if s.kind is SpeakerKind.INSTITUTION]
    bags = {s.id: _bag(s.name, lex) for s in bodies}
    out = []
    for a in bodies:
        bag, head = bags[a.id]
        fuller = [b.id for b in bodies if b.id != a.id and bags[b.id][1] == head and bag < bags[b.id][0]]
        if len(fuller) == 1:
            out.append((a.id, fuller[0]))
    return out


def _via_name(via: str, names: dict[str, str]) -> str:
    for person in (True, False):
        key = slug(via, person=person)
        if key in names:
            return names[key]
    return via


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def load_authority(path: Path) -> list[Speaker]:
    """A newsroom's speaker authority file (TOML ``[[speaker]]`` tables: id, name, aliases, role, body, kind).

    Raises:
        InputError: the file is missing or is not valid TOML.
        DataError: a speaker lacks ``id`` or ``name``.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: speaker authority file not found; check the --speakers path") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML ({exc}); fix the file") from exc
    out = []
    for number, entry in enumerate(data.get("speaker", []), 1):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
            raise DataError(f"{path}: speaker #{number} needs an id and a name")
        kind = entry.get("kind", "person")
        out.append(
            Speaker(
                id=str(entry["id"]),
                name=str(entry["name"]),
                kind=SpeakerKind(kind) if kind in SpeakerKind._value2member_map_ else SpeakerKind.UNKNOWN,
                role=entry.get("role"),
                body=entry.get("body"),
                aliases=tuple(str(a) for a in entry.get("aliases", [])),
            )
        )
    return out


def apply_authority(extractions: Iterable[Extraction], authority: list[Speaker]) -> list[Extraction]:
    """Pin speakers to a newsroom's authority file: a quote whose speaker name, id or
    mention equals an entry's name or alias (ignoring case and punctuation) takes the
    entry's id and name; so does its ``via``."""
    table: dict[str, Speaker] = {}
    for sp in authority:
        for alias in (sp.name, sp.id, *sp.aliases):
            table.setdefault(_norm(alias), sp)

    def lookup(*texts: str | None) -> Speaker | None:
        return next((table[_norm(t)] for t in texts if t and _norm(t) in table), None)

    out = []
    for ex in extractions:
        quotes = []
        for q in ex.quotes:
            pinned = lookup(q.speaker, q.speaker_id, q.speaker_mention) if q.speaker else None
            via = lookup(q.via)
            quotes.append(
                replace(
                    q,
                    speaker=pinned.name if pinned else q.speaker,
                    speaker_id=pinned.id if pinned else q.speaker_id,
                    via=via.name if via else q.via,
                )
            )
        speakers = tuple(
            replace(s, id=p.id, name=p.name, role=p.role or s.role, body=p.body or s.body)
            if (p := lookup(s.name, s.id))
            else s
            for s in ex.speakers
        )
        out.append(replace(ex, quotes=tuple(quotes), speakers=speakers))
    return out


def summarize(extractions: Iterable[Extraction]) -> list[SpeakerSummary]:
    """Every canonical speaker of a corpus with its names, mentions, role, body and
    quotes per outlet; most quoted first."""
    items = list(extractions)
    info: dict[str, Speaker] = {}
    for ex in items:
        for s in ex.speakers:
            info[s.id] = _merge(info.get(s.id), s)
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for ex in items:
        for q in ex.quotes:
            if not q.speaker_id:
                continue
            names.setdefault(q.speaker_id, q.speaker or q.speaker_id)
            if q.speaker_mention:
                mentions[q.speaker_id][q.speaker_mention] += 1
            outlets[q.speaker_id][q.outlet or q.doc] += 1
    out = []
    for sid, counts in outlets.items():
        sp = info.get(sid, Speaker(id=sid, name=names[sid]))
        aliases = tuple(sorted(set(sp.aliases) | set(mentions[sid]) - {names[sid]}))
        out.append(
            SpeakerSummary(
                id=sid,
                name=names[sid],
                kind=sp.kind,
                role=sp.role,
                body=sp.body,
                aliases=aliases,
                mentions=tuple(mentions[sid].most_common()),
                quotes_by_outlet=tuple(sorted(counts.items())),
            )
        )
    return sorted(out, key=lambda s: (-sum(n for _, n in s.quotes_by_outlet), s.name))

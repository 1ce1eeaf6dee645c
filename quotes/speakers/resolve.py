"""Resolve: turn one article's source mentions into canonical speakers.

Input: an article, its ``Attribution`` records and ``Mention`` list.
Output: an ``Extraction`` with contract ``Quote`` records and ``Speaker`` records.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..attribute.mentions import COLLECTIVES, ONE_PERSON, PRONOUN_GENDERS, TITLE_COMPLEMENTS, courtesy_gender
from ..config import Lexicon, lexicon
from ..detect import NO_SPANS, Spans, paragraph_gap
from ..types import Article, Attribution, Extraction, Flag, Kind, Mention, Quote, Speaker, SpeakerKind
from .names import (
    QUANTIFIERS,
    SENTENCE_END,
    contains_words,
    display,
    head_word,
    is_anonymous,
    name_bag,
    name_words,
    places_before,
    slug,
)

#: The flag of a marked phrase that no speech act is attributed to (kept only with ``include_scare``).
SCARE = Flag("scare", "quoted words no speech act is attributed to (a scare quote, a coined term, a title)")
#: The flag of a record whose speaker the learned ranking chose because no rule named one.
RANKED = Flag("ranked_speaker", "speaker chosen by the learned ranking of nearby mentions; no rule named one")


def ruled(q: Quote) -> Quote:
    """The quote with the speaker the rules gave it: one the learned ranking chose is taken out (its flag stays)."""
    if not q.flagged(RANKED.type):
        return q
    return replace(q, speaker=None, speaker_id=None, speaker_mention=None, speaker_span=None)


def resolve(
    article: Article,
    attributions: list[Attribution],
    mentions: list[Mention],
    *,
    places: Sequence[Mention] = (),
    furniture: Sequence[tuple[int, int]] = (),
    lex: Lexicon | None = None,
) -> Extraction:
    """Canonical speakers for one article's attributions.

    Short names and titles resolve to the fullest name of that person in the
    article (``Kim`` -> ``Kim Min-ji``); ``he``/``she`` to the nearest person
    named before, preferring sentence subjects; a definite description
    (``the Japanese ministry``) to the fullest body in the article with the same
    head noun and compatible words (``Japan's Ministry of Foreign Affairs``); an unnamed group known by
    where it is (``residents``) takes the place its sentence or, failing that, the article names most
    (``places``: ``mentions.place_names``). A pronoun looks back over page ``furniture`` (``detect.furniture``: a
    photo caption between two paragraphs) as if it were not there.
    """
    lex = lex or lexicon()
    persons = _people(
        [m for m in mentions if m.label == "PERSON"]
        + [a.mention for a in attributions if a.mention and a.mention.label == "PERSON"]
        + [a.via for a in attributions if a.via and a.via.label == "PERSON"],
        lex,
        article.text,
    )
    bodies = _bodies(
        [m for m in mentions if m.label != "PERSON" and not m.joint]
        + [
            m
            for a in attributions
            for m in (a.mention, a.via)
            if m is not None and m.form != "pronoun" and m.label != "PERSON"
        ],
        lex,
    )
    sources = _Sources(
        quoted=frozenset((a.mention.start, a.mention.end) for a in attributions if a.mention),
        text=article.text,
        marked=Spans.of((a.start, a.end) for a in attributions if not a.turn),
        page=Spans.of(furniture),
        groups=_pronouns_naming(attributions, "group", lex),
        places=tuple(places),
        joints=tuple(m for m in mentions if m.joint),
        its=_pronouns_naming(attributions, "institution", lex),
    )
    registry: dict[str, Speaker] = {}
    quotes = []
    breaks = [b.start() for b in re.finditer("\n", article.text)]  # line of each quote by bisection
    for att in attributions:
        speaker = _canonical(att.mention, persons, bodies, lex, sources) if att.mention else None
        via = _canonical(att.via, persons, bodies, lex) if att.via else None
        for s in (speaker, via):
            if s is not None:
                registry[s.id] = merge_speaker(registry.get(s.id), s)
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
                speaker_mention=shown.text if (shown := att.shown or att.mention) else None,
                speaker_span=(shown.start, shown.end) if shown else None,
                cue=att.cue,
                via=via.name if via else None,
                line=bisect_left(breaks, att.start) + 1,
                flags=(SCARE,) if att.scare else (RANKED,) if att.ranked else (),
            )
        )
    quotes, reports = _reports_around_quotes(_addressed(quotes, attributions))
    return Extraction(article=article, quotes=tuple(quotes), speakers=tuple(registry.values()), reports=tuple(reports))


def _pronouns_naming(attributions: list[Attribution], kind: str, lex: Lexicon) -> tuple[Mention, ...]:
    """The pronoun mentions of one kind (``pronouns.tsv``: "they" a group, "it" an institution) that attributions
    name as their source, in order."""
    return tuple(
        a.mention
        for a in attributions
        if a.mention and a.mention.form == "pronoun" and lex.pronouns.get(a.mention.text.lower()) == kind
    )


def _reports_around_quotes(quotes: list[Quote]) -> tuple[list[Quote], list[Quote]]:
    """The records, and apart from them each reported clause that holds a quote of its own speaker (``said the
    speech was “shameful” and …``): the quoted words are the record, and the report around them is no second one
    (golden/README.md §2; none of golden/dev's 1,043 reported records holds a quotation mark). The clause is
    still reported words for resolution: a name inside it is no antecedent (``The union said its members …
    It has called …``). A scare quote inside a report, or a quote of someone else, leaves the report standing.
    The early rule of detection (``QUOTED_SHARE_SUPPRESSES_INDIRECT``) drops a clause that is mostly quoted
    before attribution; this one drops the rest once speakers are known."""
    inner = [q for q in quotes if q.kind is not Kind.INDIRECT and not q.flagged("scare")]
    kept: list[Quote] = []
    reports: list[Quote] = []
    for q in quotes:
        (reports if q.kind is Kind.INDIRECT and holds_own_quote(q, inner) else kept).append(q)
    return kept, reports


def holds_own_quote(report: Quote, quotes: Sequence[Quote]) -> bool:
    """Whether a reported clause holds one of ``quotes`` by its own speaker (``_held_by``)."""
    return any(q.speaker_id == report.speaker_id and _held_by(report, q) for q in quotes)


#: Most characters between a quote and the clause that goes on from it for the two to be one report (a closing
#: mark and a space: ``said he was “certain” his country will win``).
CONTINUES_GAP = 2


def _held_by(report: Quote, quote: Quote) -> bool:
    """Whether a reported clause holds a quote: the quote lies inside it, but for the punctuation the quote keeps
    inside its closing mark where the clause ends (``… to avoid any risk of “World War III.”``), or the clause
    goes on from the quote's closing mark (``said he was “certain” [his country will win]``, where the parser took
    the words after the adjective for the report)."""
    inside = quote.text.rstrip(".,;:!?…")
    within = report.start <= quote.start and quote.start + len(inside) <= report.end
    return within or quote.kind is Kind.MIXED and 0 <= report.start - quote.end <= CONTINUES_GAP


#: Pronouns that name the person spoken to.
ADDRESSEE_PRONOUNS = ("you",)


def _addressed(quotes: list[Quote], attributions: Sequence[Attribution]) -> list[Quote]:
    """Quotes inside a transcript turn whose source is "you" (``INSKEEP: You said on Twitter that …``) go to the
    party the turn speaks to: the speaker of the next turn by someone else (who answers), else of the last one."""
    turns = [q for q, a in zip(quotes, attributions, strict=True) if a.turn and q.speaker_id]
    if not turns:
        return quotes
    out = []
    for q in quotes:
        addressed = q.speaker_id is None and (q.speaker_mention or "").lower() in ADDRESSEE_PRONOUNS
        inside = next((t for t in turns if t.start <= q.start and q.end <= t.end), None) if addressed else None
        if inside is None:
            out.append(q)
            continue
        after = [t for t in turns if t.start > inside.start and t.speaker_id != inside.speaker_id]
        before = [t for t in turns if t.start < inside.start and t.speaker_id != inside.speaker_id]
        other = after[0] if after else before[-1] if before else None
        out.append(replace(q, speaker=other.speaker, speaker_id=other.speaker_id) if other is not None else q)
    return out


@dataclass(frozen=True, slots=True)
class _People:
    """The person mentions of one article, by position, with the lookups resolution needs (built once)."""

    all: tuple[Mention, ...]  # sorted by start
    starts: tuple[int, ...]  # their starts
    starts_of: Mapping[str, tuple[int, ...]]  # name as written -> the starts of its mentions
    by_word: Mapping[str, tuple[str, ...]]  # name word -> the names holding it, in order of first mention
    genders: Mapping[str, str]  # name word -> the gender a role word marks for it
    given: Mapping[str, str]  # full name as written -> the gender its given name marks (given_names.tsv)

    def before(self, at: int) -> Sequence[Mention]:
        """The mentions that start before ``at``."""
        return self.all[: bisect_left(self.starts, at)]

    def named(self, name: str) -> list[Mention]:
        """The mentions written ``name``."""
        return [p for p in self.all if p.text == name]

    def last_start(self, name: str, at: int) -> int | None:
        """The start of the last mention written ``name`` at or before ``at``."""
        starts = self.starts_of.get(name, ())
        k = bisect_right(starts, at)
        return starts[k - 1] if k else None


#: A given name joined to a full name that follows it (``Peter and Susan Holt``): the couple share the family name.
_SHARED_FAMILY_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z][\w'’-]+\s+(?P<family>[A-Z][\w'’-]+)\b")


def _with_family_names(mentions: list[Mention], text: str, lex: Lexicon) -> list[Mention]:
    """Person mentions with a lone given name before "and" and a full name given the family name it shares
    (``Peter and Susan Holt``: Peter Holt), so that ``Mr Holt`` can be told from ``Mrs Holt``."""
    out = []
    for m in mentions:
        words = name_words(m.text)
        if len(words) == 1 and words[0].lower() in lex.given_names:
            shared = _SHARED_FAMILY_NAME.match(text, m.end)
            if shared is not None:
                m = replace(m, text=f"{m.text} {shared.group('family')}")
        out.append(m)
    return out


def _people(mentions: list[Mention], lex: Lexicon, text: str = "") -> _People:
    """The lookups over an article's person mentions (``text``: the article, for couples sharing a family name)."""
    ordered = tuple(sorted(_with_family_names(mentions, text, lex) if text else mentions, key=lambda m: m.start))
    starts_of: dict[str, list[int]] = defaultdict(list)
    by_word: dict[str, dict[str, None]] = defaultdict(dict)
    for p in ordered:
        starts_of[p.text].append(p.start)
        for w in name_words(p.text):
            by_word[w][p.text] = None
    return _People(
        all=ordered,
        starts=tuple(p.start for p in ordered),
        starts_of={t: tuple(v) for t, v in starts_of.items()},
        by_word={w: tuple(ts) for w, ts in by_word.items()},
        genders=_gender_words(ordered, lex),
        given={
            p.text: gender
            for p in ordered
            if len(words := name_words(p.text)) >= 2 and (gender := lex.given_names.get(words[0].lower())) is not None
        },
    )


@dataclass(frozen=True, slots=True)
class _Bodies:
    """The mentions of bodies in one article, with their distinct names by head noun (built once)."""

    all: tuple[Mention, ...]
    by_head: Mapping[str, tuple[tuple[str, frozenset[str]], ...]]  # head noun -> (name, its words), distinct


def _bodies(mentions: list[Mention], lex: Lexicon) -> _Bodies:
    """The lookups over an article's body mentions (anonymous sources are never a fuller name)."""
    by_head: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for b in mentions:
        if not is_anonymous(b):
            words, head = name_bag(b.text, lex)
            by_head[head].setdefault(b.text, frozenset(words))
    return _Bodies(all=tuple(mentions), by_head={h: tuple(names.items()) for h, names in by_head.items()})


def _canonical(
    m: Mention,
    persons: _People,
    bodies: _Bodies,
    lex: Lexicon,
    sources: _Sources | None = None,
) -> Speaker | None:
    """The speaker a mention names: pronouns to their antecedent, short names to the fullest,
    roles to their holder, offices and capitals to their body, descriptions to the fullest body."""
    if sources is not None and (part := _partitive(m, bodies, sources, lex)) is not None:
        return part
    if m.form == "pronoun":  # a possessive ("his statement", "Her customers …") refers to a person as "he"/"she" do
        kind = lex.pronouns.get(m.text.lower()) or ("person" if m.text.lower() in PRONOUN_GENDERS else None)
        group = _group_before(m, bodies, sources, lex) if kind == "group" and sources else None
        if group is not None:
            return _canonical(group, persons, bodies, lex, sources)
        earlier = _body_before(m, bodies, sources) if kind == "institution" and sources else None
        if earlier is not None:
            return _canonical(earlier, persons, bodies, lex, sources)
        if kind != "person":
            return None
        antecedent = _antecedent(
            m,
            persons,
            lex,
            marked=sources.marked if sources else NO_SPANS,
            speakers=sources.quoted if sources else None,
            text=sources.text if sources else None,
        )
        unnamed = _unnamed_before(m, bodies, sources, lex, gender=PRONOUN_GENDERS.get(m.text.lower()))
        if unnamed is not None and (antecedent is None or unnamed.start > antecedent.start):
            return _canonical(unnamed, persons, bodies, lex, sources)  # "One vendor, who said she …": she
        if antecedent is None:  # no person named before: "A person stated … She …" is the unnamed person
            unmarked = _unnamed_before(
                m, bodies, sources, lex, gender=PRONOUN_GENDERS.get(m.text.lower()), unmarked=True
            )
            if unmarked is not None:
                return _canonical(unmarked, persons, bodies, lex, sources)
            antecedent = _last_named_source(m, bodies, lex)
        if antecedent is None:
            return None
        m = replace(antecedent, label="PERSON")
    if sources is not None and _demonstrative_group(m):  # "These people allege …": the group just before
        group = _group_before(m, bodies, sources, lex)
        if group is not None and group.start < m.start:
            return _canonical(group, persons, bodies, lex, sources)
    if m.label != "PERSON" and m.form == "name" and _fullest_person(m, persons) != m.text:
        m = replace(m, label="PERSON")
    if m.form == "description" and (earlier := _described_before(m, persons, bodies, lex, sources)) is not None:
        return _canonical(earlier, persons, bodies, lex, sources)  # "According to the woman": the one quoted before
    if m.form == "description" and sources and (later := _named_later(m, persons, lex, sources.text)) is not None:
        m = later  # "…, a ministry spokesman said" in the lead, "ministry spokesman Tomas Berg" below it
    if m.form == "description":
        holder = _role_holder(m, persons, lex, sources, bodies)
        if holder is not None:
            m = holder
        else:
            office = _office_of(m, persons, bodies, lex)
            if office is not None:
                return office
    if m.label == "PERSON":
        introduced = sources is not None and _INTRODUCED.match(sources.text, m.end) is not None
        name = _fullest_person(
            m, persons, courtesy_gender(sources.text, m.start, lex) if sources else None, introduced=introduced
        )
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
    if sources is not None and (press := _press_officer(m, bodies, sources, lex)) is not None:
        return press
    name = _fullest_body(m, bodies, lex)
    kind = _body_kind(name, m)
    if sources is not None:
        name = _placed(name, m, sources, lex)
    return Speaker(id=slug(name), name=name, kind=kind, role=m.role, body=m.body, aliases=tuple(sorted({m.text, name})))


def _placed(name: str, m: Mention, sources: _Sources, lex: Lexicon) -> str:
    """A group known by where it is (``placed_heads.tsv``: residents, traders, authorities) with its place, when its
    name gives none: the place named nearest it in its own sentence, else the place the article names most often
    (``residents`` in an article about Dunmore -> ``Dunmore residents``; ``some residents`` -> ``some Dunmore
    residents``). Groups only: ``one resident`` is told apart by its determiner. A name with a proper noun or a
    qualifying phrase (``residents of Mill Hill``, ``residents who spoke to us``) is kept."""
    words = name.split()
    k = 1 if len(words) > 1 and words[0].lower() in QUANTIFIERS else 0
    if words[k:] != words[-1:] or words[-1].lower() not in lex.placed_heads:
        return name  # "residents of Mill Hill", "Health officials", "residents who spoke to us": it says which
    place = _place_in_sentence(m, sources) or sources.main_place()
    if place is None:
        return name
    if place.isupper() and len(place) > MAX_ACRONYM:
        place = place.title()  # "WESTBROOK, Fla. -" in a dateline: Westbrook residents
    return " ".join([*words[:k], place, *words[k:]])


#: Letters of a place name in capitals that is an acronym and stays so (``UAE``, ``NYC``), not a dateline's town.
MAX_ACRONYM = 3


def _place_in_sentence(m: Mention, sources: _Sources) -> str | None:
    """The place named nearest a mention in its own sentence, or None."""
    text = sources.text
    start = max((e.end() for e in SENTENCE_END.finditer(text, 0, m.start)), default=0)
    stop = next((e.start() + 1 for e in SENTENCE_END.finditer(text, m.end)), len(text))
    near = [p for p in sources.places if start <= p.start and p.end <= stop]
    best = min(near, key=lambda p: min(abs(p.start - m.end), abs(m.start - p.end)), default=None)
    return best.text if best is not None else None


#: An age used as an epithet: "the 23-year-old" names the person last quoted or named.
_AGE = re.compile(r"^\d{1,3}-year-old$")
#: "China's president", "Brazil's leader": a title owned by a place or body.
_POSSESSIVE = re.compile(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:'s|’s)\s+\w+$")


def _role_holder(
    m: Mention, persons: _People, lex: Lexicon, sources: _Sources | None = None, bodies: _Bodies | None = None
) -> Mention | None:
    """The person a definite description names: "the president" -> the last president named;
    an epithet ("the far-left leader", "China's president", "the veteran leftist") -> the last
    person quoted before it, else the last made a sentence's subject, else the last named, when no
    one with that role was ("the 23-year-old" after "Choo, head chef at Dan Lao, …" is Choo)."""
    words = [w.lower() for w in name_words(m.text)]
    owned = _POSSESSIVE.match(m.text.strip()) is not None
    labelled = len(words) == 1 and m.role == words[0]  # "Mayor:" as a transcript's label: a title that is its own role
    bare = (  # "…, counsel said" too, and "Counsel said", capitalised only because it opens the sentence
        len(words) == 1 and words[0] in lex.titles and (m.text.islower() or m.text[1:].islower() or labelled)
    )
    if not words or (words[0] != "the" and not owned and not bare):
        return None
    head = head_word(m.text)
    before = [p for p in persons.before(m.start) if p.form == "name" and p.end <= m.start]
    sources = sources or _Sources(frozenset())
    places = places_before(m.text, len(m.text), lex)  # "the Chinese leader": a Chinese person
    holders = [p for p in before if _holds(p.role, head, lex)]
    if places and holders:  # "the Argentine president": a president from there before one whose origin is unknown
        origins = sources.origins(persons, lex)
        known = [(p, origins.get(_fullest_person(p, persons), frozenset())) for p in holders]
        holders = [p for p, o in known if o & places] or [p for p, o in known if not o]
    if holders:  # "the cook": "Ali Khan, a cook"; "the farmer": "Ana Ruiz, a farmer from …"
        return holders[-1]
    if bare and labelled:
        return None  # a label "PRESIDENT:" with no president named: no one else's
    if places:
        origins = sources.origins(persons, lex)
        before = [p for p in before if origins.get(_fullest_person(p, persons), frozenset()) & places]
    if is_anonymous(m):  # "the farmers", or "the farmer" no one named is: an unnamed source
        return None
    aged = any(_AGE.search(w) for w in m.text.split())  # "the 23-year-old", "the 53-year-old economist"; not "the
    # 42-year-old rice retailer" after "A 48-year-old rice retailer": one more of the unnamed retailers
    unnamed_kind = aged and bodies is not None and _unnamed_kind_before(m, head, bodies)  # read only for an age
    epithet = head in lex.epithets or head in lex.demonyms or aged and not unnamed_kind
    if head not in lex.titles and not epithet:
        return None
    if not epithet and not owned:
        return None
    if head in lex.offices:  # "the minister" is not someone the article makes president
        before = [p for p in before if not (p.role and p.role.split()[-1] in lex.offices)]
    if qualifiers := _name_qualifiers(m.text, head, lex):  # "the Sinn Féin leader": someone of Sinn Féin
        before = [p for p in before if qualifiers <= _words(f"{p.role or ''} {p.body or ''} {p.text}")]
    quoted = [p for p in before if (p.start, p.end) in sources.quoted]  # people the article has quoted
    subjects = [p for p in before if p.is_subject]  # people the article has made the subject of a sentence
    if aged and sources.text and (last := _subject_just_before(m, subjects, sources.text)) is not None:
        return last  # "Ana Ruiz, an activist, spent the weekend in a cell. The 42-year-old said …": Ruiz
    chosen = quoted or subjects or before
    return chosen[-1] if chosen else None


def _name_qualifiers(text: str, head: str, lex: Lexicon) -> frozenset[str]:
    """The capitalised words by which a description names whose it is (``the Sinn Féin leader``: sinn, féin), not
    the words of a title (``the Prime Minister``) nor places (``the Chinese leader``, which ``places_before`` reads)."""
    title_words = {w for t in lex.titles for w in t.split()}
    words = re.findall(r"\w+", text)[1:]  # past "the" or the owner
    return frozenset(
        w.lower()
        for w in words
        if w[:1].isupper()
        and w.lower() != head
        and w.lower() not in title_words
        and w.lower() not in lex.demonyms
        and w.lower() not in lex.demonyms.values()
    )


def _words(text: str) -> frozenset[str]:
    """The lowercased words of a text."""
    return frozenset(w.lower() for w in re.findall(r"\w+", text))


def _subject_just_before(m: Mention, subjects: Sequence[Mention], text: str) -> Mention | None:
    """The person made the subject of the sentence right before a description's own, or None."""
    starts = [x.end() for x in _SENTENCE_END.finditer(text, 0, m.start)]
    if not starts:
        return None
    previous = starts[-2] if len(starts) > 1 else 0  # where the sentence before the description's begins
    near = [p for p in subjects if previous <= p.start < starts[-1]]
    return near[-1] if near else None


#: Characters before a name searched for the words of a lead's description of that person.
NAMED_LATER_REACH = 60


def _named_later(m: Mention, persons: _People, lex: Lexicon, text: str) -> Mention | None:
    """The one person named after an indefinite title no one was named before (a lead's "a ministry spokesman said",
    the body's "ministry spokesman Tomas Berg said"): the person whose role holds the title, every word of the
    description written just before the name; None when no one or more than one person fits, or someone was
    named before."""
    words = [w.lower() for w in name_words(m.text)]
    if len(words) < 2 or words[0] not in ("a", "an") or words[-1] not in lex.titles:
        return None
    if any(p.form == "name" for p in persons.before(m.start)):
        return None
    head, qualifiers = words[-1], set(words[1:-1])
    fits = [
        p
        for p in persons.all
        if p.start > m.end
        and p.form == "name"
        and _holds(p.role, head, lex)
        and qualifiers <= set(name_words(text[max(0, p.start - NAMED_LATER_REACH) : p.start].lower()))
    ]
    names = {_fullest_person(p, persons) for p in fits}
    return fits[0] if len(names) == 1 else None


#: A he or she (or his, her) in the words after a description, up to the end of its sentence or a quotation mark.
_OWN_PRONOUN = re.compile(r"[^.!?\"“”]*?\b(he|she|his|her|him)\b", re.IGNORECASE)


def _unnamed_before(
    m: Mention,
    bodies: _Bodies,
    sources: _Sources | None,
    lex: Lexicon,
    *,
    head: str = "",
    gender: str | None = None,
    unmarked: bool = False,
) -> Mention | None:
    """The last unnamed person an attribution names before ``m`` ("One vendor, who said she …", "a woman from
    Dunmore"), with the head noun ``head`` or of the gender ``gender`` when given (a gender must be marked:
    a word of it, "a female vendor", or its own sentence's pronoun, unless ``unmarked``: then one whose
    gender nothing marks will do, "A person stated …")."""
    if sources is None or not (head or gender):
        return None
    unnamed = [
        b
        for b in bodies.all
        if b.end <= m.start
        and ((b.start, b.end) in sources.quoted or gender and _introduced(b, m, sources))
        and (is_anonymous(b) or _person_head(b, lex))  # "A Dunmore Police spokesman said … , he said"
        and _one_person(b)
    ]
    for b in sorted(unnamed, key=lambda b: -b.start):
        if head and head not in (head_word(b.text), _singular(head_word(b.text))):
            continue  # "the resident" is "one of the residents" too
        if gender and _unnamed_gender(b, sources.text, lex) not in ((gender, None) if unmarked else (gender,)):
            continue
        return b
    return None


def _introduced(b: Mention, m: Mention, sources: _Sources) -> bool:
    """Whether an unnamed person is introduced as a sentence's subject in the writer's own words, not inside
    someone's quote or report ("A Dunmore solo mother has gone two weeks without power. … The woman said …"; not
    "She said a woman appeared …")."""
    return b.is_subject and not _quoted_apart(b, m, sources.marked)


def _person_head(m: Mention, lex: Lexicon) -> bool:
    """Whether a description's head noun names a person: by office, by kin or by what they do (``spokesman``,
    ``mum-of-three``, ``dishwasher``)."""
    head = head_word(m.text)
    return head in lex.titles or head in lex.genders or head in lex.person_nouns


def _one_person(m: Mention) -> bool:
    """Whether a description names one person: "One vendor", "a woman", "another resident" (not "residents")."""
    words = m.text.lower().split()
    return len(words) >= 2 and words[0] in ONE_PERSON


def _unnamed_gender(m: Mention, text: str, lex: Lexicon) -> str | None:
    """The gender a description marks: one of its words ("a female vendor", "one woman"), else the first he or
    she after it in its own sentence ("One vendor, who said she is from …")."""
    marked = next((lex.genders[w] for w in m.text.lower().split() if w in lex.genders), None)
    if marked is not None:
        return marked
    own = _OWN_PRONOUN.match(text, m.end)
    return PRONOUN_GENDERS.get(own.group(1).lower()) if own else None


def _described_before(
    m: Mention, persons: _People, bodies: _Bodies, lex: Lexicon, sources: _Sources | None
) -> Mention | None:
    """Who a definite description of one person refers back to: "the woman"/"the man" is the last person of that
    gender quoted before it, named or not, else the last named person of that gender made the subject of a
    sentence; "the vendor" is the last unnamed vendor quoted before it. A gender word before the head marks it
    likewise ("the male gardener")."""
    words = m.text.lower().split()
    if len(words) < 2 or words[0] != "the" or sources is None:
        return None
    head = words[-1]
    gender = next((lex.genders[w] for w in reversed(words[1:]) if w in lex.genders), None)
    if gender is None or head in lex.titles:  # "the vendor" (two words only) is the last unnamed vendor quoted
        unnamed = _unnamed_before(m, bodies, sources, lex, head=head) if len(words) == 2 else None
        if unnamed is None and len(words) == 2 and head in lex.generic_titles:
            return _last_named_speaker(m, persons, sources, lex, titled=True)  # "DIG Berg said … The official said"
        if unnamed is not None or len(words) != 2 or head in lex.titles or head not in lex.person_nouns:
            return unnamed
        return _last_named_speaker(m, persons, sources, lex)  # "Ms Holt is 85. … The dishwasher says": Ms Holt
    named: Mention | None = None  # the last person of that gender quoted before it
    subject: Mention | None = None  # else the last made a subject ("Madam Holt leaves her flat … adds the widow")
    for p in reversed(persons.before(m.start)):
        if p.form != "name" or p.end > m.start or _gender_of(p, persons) != gender:
            continue
        if (p.start, p.end) in sources.quoted:
            named = p
            break
        subject = subject or (p if p.is_subject else None)
    named = named or subject
    unnamed = _unnamed_before(m, bodies, sources, lex, gender=gender)
    found = [x for x in (named, unnamed) if x is not None]
    return max(found, key=lambda x: x.start) if found else None


def _last_named_speaker(
    m: Mention, persons: _People, sources: _Sources, lex: Lexicon, *, titled: bool = False
) -> Mention | None:
    """The person a definite description of what someone is or does ("the dishwasher", "the retiree") refers back
    to: the last person named before it outside quoted words, when the article quotes that mention or makes it a
    sentence's subject and introduces nobody unnamed between the two ("a banker", "one victim": the description
    may be theirs). With ``titled`` ("the official"), that person must be written with a title that is not a
    courtesy one."""
    named = (p for p in reversed(persons.before(m.start)) if p.form == "name" and p.end <= m.start)
    last = next((p for p in named if not _quoted_apart(p, m, sources.marked)), None)  # not a name inside a quote
    if last is None or not (last.is_subject or (last.start, last.end) in sources.quoted):
        return None
    if titled and not _office_holder(last, lex):
        return None
    between = sources.text[last.end : m.start]
    introduced = (w.lower() for words in _INDEFINITE_NOUNS.findall(between) for w in words.split())
    return None if any(w in lex.person_nouns or w in lex.anonymous_heads for w in introduced) else last


def _office_holder(p: Mention, lex: Lexicon) -> bool:
    """Whether a person's mention gives them a title other than a courtesy one ("DIG Berg", not "Mr Berg", nor
    "Berg, a nurse")."""
    return any(w in lex.titles and w not in lex.courtesy_titles for w in (p.role or "").split())


#: The three words after an indefinite article ("a banker", "one victim", "a 71-year-old farmer").
_INDEFINITE_NOUNS = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\w'’-]+\s*){1,3})")


def _unnamed_kind_before(m: Mention, head: str, bodies: _Bodies) -> bool:
    """Whether an unnamed source with the head noun ``head`` (or its plural) is introduced before ``m`` ("A
    48-year-old rice retailer", "Rice retailers in Dunmore"; not "the retailer")."""
    return any(
        b.end <= m.start
        and b.form == "description"
        and b.text.split()[0].lower() != "the"
        and _singular(head_word(b.text)) == _singular(head)
        for b in bodies.all
    )


def _holds(role: str | None, head: str, lex: Lexicon) -> bool:
    """Whether a person with ``role`` is "the <head>": "foreign minister" and "minister for information" are the
    minister, "prime minister" is not."""
    if not role:
        return False
    written = role.lower().split()
    return any(_core_holds(words, head, lex) for words in (written, [lex.title_forms.get(w, w) for w in written]))


def _core_holds(words: list[str], head: str, lex: Lexicon) -> bool:
    """Whether a role's words (as written, or each title as the title its holder also is: "Gov." the governor,
    "Justice" the judge) end in ``head`` but for a complement, and are no office of their own."""
    cut = next((k for k, w in enumerate(words) if k and w in TITLE_COMPLEMENTS), len(words))
    core = " ".join(words[:cut])  # "minister [for information]": the title without its complement
    if core.split()[-1] != head:
        return False
    return core == head or not any(core.endswith(office) for office in lex.own_offices)


@dataclass(slots=True)
class _Sources:
    """What a description is resolved against: the mentions the article quotes, its quoted and reported
    words, and (worked out on first use: few articles describe someone by a place) where each person is from."""

    quoted: frozenset[tuple[int, int]]  # spans of the mentions that attributions name
    marked: Spans = NO_SPANS  # quoted and reported words (turns excluded): no one named there is an antecedent
    page: Spans = NO_SPANS  # page furniture (``detect.furniture``), which no paragraph count counts
    text: str = ""  # the article's text, for the places named before each person
    groups: tuple[Mention, ...] = ()  # the plural pronouns attributions name ("they said"), in order
    places: tuple[Mention, ...] = ()  # the places the article names, in order (``mentions.place_names``)
    joints: tuple[Mention, ...] = ()  # subjects naming several parties together ("Ann Berg and Tom Novak")
    its: tuple[Mention, ...] = ()  # the "it"s attributions name ("it said"), in order
    _origins: dict[str, frozenset[str]] | None = None
    _main_place: tuple[str | None] | None = None  # worked out on first use, as origins are

    def main_place(self) -> str | None:
        """The place the article names most often, the first of equals (a story names where it is first: its
        dateline or lead), or None when it names none; worked out once per article. A name the tagger reads as a
        place once counts wherever it is written (the tagger may read it as a body elsewhere)."""
        if self._main_place is None:
            counts = {  # the places come in the article's order (``mentions.place_names``)
                p.text: len(re.findall(rf"(?<!\w){re.escape(p.text)}(?!\w)", self.text))
                for p in self.places
                if not p.text.endswith(".")  # "Fla." in a dateline: no way to name a town's residents
            }
            best = max(counts, key=lambda t: counts[t], default=None)  # dicts keep order: the first of equals wins
            self._main_place = (best,)
        return self._main_place[0]

    def origins(self, persons: _People, lex: Lexicon) -> Mapping[str, frozenset[str]]:
        """Fullest person name -> places named just before any of its mentions ("China's President Xi")."""
        if self._origins is None:
            out: dict[str, frozenset[str]] = defaultdict(frozenset)
            for p in persons.all:
                if p.form == "name":
                    name = _fullest_person(p, persons)
                    out[name] = out[name] | places_before(self.text, p.start, lex)
            self._origins = dict(out)
        return self._origins


_OWNED = re.compile(
    r"^(?:the\s+)?(?:(?P<owner>.+?)(?:'s|’s)|(?P<pronoun>his|her))\s+(?P<thing>office|spokesperson|spokesman|spokeswoman)$",
    re.I,
)


def _office_of(m: Mention, persons: _People, bodies: _Bodies, lex: Lexicon) -> Speaker | None:
    """``Berg's office`` -> the body that speaks for Berg's role (the presidential office)."""
    match = _OWNED.match(m.text.strip())
    if match is None or match.group("thing").lower() != "office":
        return None
    written = match.group("owner") or match.group("pronoun")
    owner = Mention(written, m.start, m.start + len(written), "name", "PERSON")
    pronoun = match.group("pronoun") is not None
    if pronoun:  # "his office": the office of the person "his" refers to
        antecedent = _antecedent(replace(owner, form="pronoun"), persons, lex)
        if antecedent is None:
            return None
        owner = antecedent
    name = _fullest_person(owner, persons)
    roles = [p.role for p in persons.named(name) if p.role]
    for role in roles:
        for key, body in lex.role_bodies.items():
            if role == key or role.endswith(" " + key):
                display = _fullest_body(Mention(body, m.start, m.end, "description"), bodies, lex)
                return _institution(display, m.text)
    return _institution(f"{name}'s office", m.text) if pronoun else None


#: Words that stand for some of an unnamed group named before (``Residents said … Some said …``, ``one resident
#: said … Another said …``): singular ones take the group's head in the singular.
PARTITIVES = {"one": True, "another": True, "some": False, "others": False, "many": False, "several": False}
#: Characters searched back from a partitive for the group it is part of (``… communicated to residents sooner,
#: one said``), within its paragraph.
PARTITIVE_WINDOW = 300


def _partitive(m: Mention, bodies: _Bodies, sources: _Sources, lex: Lexicon) -> Speaker | None:
    """The unnamed source a bare ``one``/``another``/``some`` is part of: the last group of unnamed people
    (``anonymous_heads.tsv``) named before it in its paragraph, or quoted in the paragraph before (``Residents
    said … Some said …`` -> some residents; ``… one resident said. Another said …`` -> another resident)."""
    word = m.text.lower()
    if word not in PARTITIVES:
        return None
    start = max(sources.text.rfind("\n", 0, m.start) + 1, m.start - PARTITIVE_WINDOW, 0)
    heads = [w for w in re.findall(r"[A-Za-z]+", sources.text[start : m.start]) if w.lower() in lex.anonymous_heads]
    if not heads:
        quoted = (b for b in bodies.all if b.end <= m.start and (b.start, b.end) in sources.quoted and is_anonymous(b))
        last = _within_reach(m, quoted, sources)
        heads = [head_word(last.text)] if last is not None else []
    if not heads:
        return None
    head = heads[-1].lower()
    head = _singular(head) if PARTITIVES[word] else head if head.endswith("s") else head + "s"
    name = f"{m.text} {head}"
    return Speaker(id=slug(name), name=name, kind=SpeakerKind.ANONYMOUS, aliases=(m.text, name))


#: Unnamed press officers: "A spokesman said" speaks for the body the article has just made a sentence's subject.
PRESS_OFFICERS = ("spokesman", "spokeswoman", "spokesperson")
#: A body's people named by their bare noun: "staff said" after "Dunmore Flooring said" are its staff.
STAFF = ("staff", "employees")


def _press_officer(m: Mention, bodies: _Bodies, sources: _Sources, lex: Lexicon) -> Speaker | None:
    """The body a bare ``a spokesman``/``the spokeswoman`` speaks for, or bare ``staff``/``its employees`` work for
    (``STAFF``): the organisation or government made a sentence's subject before it, in its paragraph or the one
    before (``In a statement, the Water Authority apologised … A spokesman said: …`` is the Water Authority's
    spokesman); None when there is none."""
    role = _unnamed_role(m.text.lower().split())
    if role is None:
        return None
    body = _body_before(m, bodies, sources)
    if body is None:
        return None
    owner = _fullest_body(body, bodies, lex)
    if head_word(body.text) in PRESS_OFFICERS:  # "The ministry spokesman said … said the spokesperson": the same one
        return Speaker(id=slug(owner), name=owner, kind=_body_kind(owner, body), aliases=tuple(sorted({m.text, owner})))
    name = f"{owner} {role}"
    return Speaker(id=slug(name), name=name, kind=SpeakerKind.ANONYMOUS, role=role, body=owner, aliases=(m.text, name))


def _unnamed_role(words: list[str]) -> str | None:
    """The role of a body's unnamed people a description's words give: a press officer after ``a``/``an``/``the``
    (``a spokesman``), or its staff bare or after ``the``/``its`` (``staff``, ``its employees``); None otherwise."""
    if len(words) == 2 and words[0] in ("a", "an", "the") and words[1] in PRESS_OFFICERS:
        return words[1]
    if words[-1] in STAFF and (len(words) == 1 or len(words) == 2 and words[0] in ("the", "its")):
        return words[-1]
    return None


def _institution(name: str, mention: str) -> Speaker:
    return Speaker(id=slug(name), name=name, kind=SpeakerKind.INSTITUTION, aliases=tuple(sorted({mention, name})))


def _government(m: Mention, lex: Lexicon) -> Speaker | None:
    """A country or its capital named as a speaker is its government ("Tokyo said" ->
    "Japanese government"); the adjective comes from ``demonyms.tsv``."""
    text = display(m.text)
    country = lex.capitals.get(text)
    if country is None and m.label == "GPE" and m.form == "name" and text.lower() in set(lex.demonyms.values()):
        country = text.lower()
    if country is None:
        return None
    adjective = next((adj for adj, place in lex.demonyms.items() if place == country and " " not in adj), None)
    name = f"{adjective.title()} government" if adjective else f"government of {country.title()}"
    return Speaker(id=slug(name), name=name, kind=SpeakerKind.INSTITUTION, aliases=tuple(sorted({m.text, name})))


def _gender_words(persons: Sequence[Mention], lex: Lexicon) -> dict[str, str]:
    """Name words and the gender a role word in the article marks for them (``Ms. Hochul``,
    ``a spokesman, John Small``), or else the pronoun their own sentence refers back to them with (``Berg
    says he …``): one pass over the people named. Given names are weighed apart (``_gender_of``)."""
    out: dict[str, str] = {}
    for p in persons:
        gender = next((lex.genders[w] for w in (p.role or "").lower().split() if w in lex.genders), p.gender)
        if gender is not None:
            for word in name_words(p.text):
                out.setdefault(word, gender)
    return out


#: Paragraph breaks a "they" or an "it" may look back over for the group or body it refers to (its own paragraph
#: and the one before: "Small business owners … are concerned …\n\nSpeaking to News24, they said …").
PRONOUN_PARAGRAPHS = 1


#: Paragraph breaks a "they" may look back over for its group: one more than for an "it", since a group's member is
#: often quoted in the paragraph between ("Parents say …\n\n"…," said parent Anna Holt.\n\nThey also say …").
GROUP_PARAGRAPHS = PRONOUN_PARAGRAPHS + 1


#: Entity labels of places, which a "they" never refers to.
PLACES = ("GPE", "LOC")


def _group_before(pronoun: Mention, bodies: _Bodies, sources: _Sources, lex: Lexicon) -> Mention | None:
    """The group a plural pronoun refers to: the last group of unnamed sources the article quoted ("residents",
    "small business owners in …") or the last group described in the plural that spoke ("The councillors
    alleged …"; not the parties to a meeting, ``joint_heads.tsv``), within ``GROUP_PARAGRAPHS`` paragraph
    breaks of the pronoun, with no named body between them (a place is none, nor a name that is no sentence's
    subject and no source: "Parents packed a Dunmore school board meeting …, and they say"); None otherwise (a
    "they" after a named body that speaks or acts is left unresolved)."""
    before = (
        b
        for b in (*bodies.all, *sources.joints)
        if b.end <= pronoun.start and b.label not in PLACES and _figures(b, sources)
    )
    last = _within_reach(_they_run_start(pronoun, sources.text), before, sources, reach=GROUP_PARAGRAPHS)
    if last is not None and last.joint:
        return last  # "Ann Berg and Tom Novak sell oranges …\n\nThey say …": the two together
    if last is None:  # "The councillors alleged …\n\n… which they said …\n\nThey said …": the "they" before names it
        earlier = _within_reach(pronoun, (p for p in sources.groups if p.end <= pronoun.start), sources)
        return _group_before(earlier, bodies, sources, lex) if earlier is not None else None
    if not _plural(last):
        return None  # "a resident", "an official": one person, never "they"
    spoke = last.form == "description" and (last.start, last.end) in sources.quoted
    together = _singular(head_word(last.text).lower()) in lex.joint_heads
    return last if is_anonymous(last) or spoke and not together else None


def _demonstrative_group(m: Mention) -> bool:
    """Whether a description points back at a group (``these people``, ``those residents``), as "they" does."""
    words = m.text.lower().split()
    plural = _plural(m) or words[-1] in IRREGULAR_PLURALS
    return m.form == "description" and len(words) == 2 and words[0] in ("these", "those") and plural


#: Plural person nouns with no final s ("these people", "those women").
IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "folk"})


def _they_run_start(pronoun: Mention, text: str) -> Mention:
    """Where the run of paragraphs that open with "They" before a pronoun's paragraph begins ("The farmers spoke
    …\n\nThey described …\n\nThey also added …"): the group is within reach of the run's first "They", as of
    each; the pronoun itself when the paragraph before it opens otherwise."""
    at = text.rfind("\n", 0, pronoun.start)
    while at > 0:
        opening = text.rfind("\n", 0, at)  # the paragraph before
        paragraph = text[opening + 1 : at] if opening >= 0 else text[:at]
        if not paragraph.strip():
            at = opening  # a blank line between paragraphs
            continue
        if not paragraph.lstrip().startswith("They "):
            break
        first = opening + 1 + len(paragraph) - len(paragraph.lstrip())
        pronoun = replace(pronoun, start=first, end=first + 4)
        at = opening
    return pronoun


def _figures(m: Mention, sources: _Sources) -> bool:
    """Whether a mention is a sentence's subject or a source the article quotes, not a word in another phrase."""
    return m.is_subject or (m.start, m.end) in sources.quoted


def _body_before(pronoun: Mention, bodies: _Bodies, sources: _Sources) -> Mention | None:
    """The body an ``it`` that reports refers to: the last organisation, government or document made a sentence's
    subject or quoted as a source (``According to the embassy, …``) before it, outside quoted and reported words,
    in its paragraph or the one before (``The union said … It has called on …``), or else the body an "it" that
    reported within that reach refers to (``It said …\n\nIt added …``); None when there is none (an unnamed
    source is never ``it``)."""
    before = (
        b
        for b in bodies.all
        if _figures(b, sources) and b.end <= pronoun.start and not _quoted_apart(b, pronoun, sources.marked)
    )
    last = _within_reach(pronoun, before, sources)
    if last is None:  # "The ministry said …\n\nIt said …\n\nIt added …": the "it" before names it
        earlier = _within_reach(pronoun, (p for p in sources.its if p.end <= pronoun.start), sources)
        return _body_before(earlier, bodies, sources) if earlier is not None else None
    if is_anonymous(last) or _plural(last) and last.form == "description":
        return None  # "the nurses said …": people, never "it"
    return last


def _within_reach(
    pronoun: Mention, candidates: Iterable[Mention], sources: _Sources, reach: int = PRONOUN_PARAGRAPHS
) -> Mention | None:
    """The last of ``candidates``, when it lies within ``reach`` paragraph breaks of the pronoun; of two
    readings of the same words, the description (``Commuters in the city`` read as a name too, for its capital)."""
    last = max(candidates, key=lambda b: (b.start, b.form == "description"), default=None)
    if last is None or paragraph_gap(sources.text, last.end, pronoun.start, sources.page) > reach:
        return None
    return last


def _plural(m: Mention) -> bool:
    """Whether a mention's head noun is a plural (``residents``, ``the councillors``)."""
    return head_word(m.text).endswith("s")


def _people_plural(m: Mention, lex: Lexicon) -> bool:
    """Whether a mention's head is the plural of a title (``Government Ministers``) or of a word for a person with
    no name before it (``Shoppers``): several people. After a name it is a family name (``Niamh Parsons``, though
    a parson's plural)."""
    head = head_word(m.text).lower()
    if not _plural(m) or (one := _singular(head)) == head:
        return False
    before = name_words(m.text)[:-1]
    return one in lex.titles or one in lex.person_nouns and not any(w[:1].isupper() for w in before)


def _singular(plural: str) -> str:
    """The singular of a regular plural noun (``countries`` -> ``country``, ``leaders`` -> ``leader``)."""
    if plural.endswith("ies") and len(plural) > 4:
        return plural[:-3] + "y"
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


def _last_named_source(pronoun: Mention, bodies: _Bodies, lex: Lexicon) -> Mention | None:
    """For he/she with no person before it, the last named source that is a sentence subject,
    whatever the tagger called it (a small tagger often calls a surname an organisation), but an acronym, a
    name a body's head noun ends (``Dunmore City Council``) or one a plural of a title ends (``Government
    Ministers``, ``Carlisle Councillors``): he or she is one person."""
    named = [
        b
        for b in bodies.all
        if b.form == "name"
        and b.is_subject
        and b.label != "GPE"
        and b.end <= pronoun.start
        and len(name_words(b.text)) <= 3
        and not _acronym(b.text)
        and head_word(b.text) not in lex.body_heads
        and not _people_plural(b, lex)
    ]
    return max(named, key=lambda b: b.start) if named else None


def _acronym(name: str) -> bool:
    """Whether a name is an acronym (``DNO``, ``BBC``): a body's, never a person's the tagger missed."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name.strip()


def _antecedent(
    pronoun: Mention,
    persons: _People,
    lex: Lexicon | None = None,
    *,
    marked: Spans = NO_SPANS,
    speakers: frozenset[tuple[int, int]] | None = None,
    text: str | None = None,
) -> Mention | None:
    """The nearest person named before a pronoun, sentence subjects first (but a person named in an earlier sentence
    of the pronoun's own paragraph before a subject of an earlier paragraph, given the article's ``text``), skipping
    people
    the article marks with the other gender (``Ms. Hochul`` is never ``he``), names of several people
    (``Government Ministers`` is never ``she``) and people named
    inside quoted or reported words (``"… when Hitler decided …," he insisted`` is not Hitler;
    ``He said Sesay inherited the ministry. He said …`` is not Sesay)."""
    wanted = PRONOUN_GENDERS.get(pronoun.text.lower())
    binder = pronoun.disjoint  # "Xinhua quoted her": the names her own verb's subject is written as
    bound = {p.text for p in persons.before(pronoun.start) if binder[0] <= p.start < binder[1]} if binder else set()

    def fits(p: Mention) -> bool:
        return (
            p.end <= pronoun.start
            and p.text not in bound  # "Xinhua quoted her": her is not Xinhua, here or named before
            and ((p.start, p.end) in (speakers or ()) or not _quoted_apart(p, pronoun, marked))
            and (wanted is None or _gender_of(p, persons) in (None, wanted))
            and not (wanted is not None and lex is not None and _people_plural(p, lex))  # he or she is one person
        )

    paragraph = text.rfind("\n", 0, pronoun.start) + 1 if text is not None else 0
    nearest = local = None
    for p in reversed(persons.before(pronoun.start)):
        if fits(p):
            if p.is_subject:
                return local if local is not None and p.start < paragraph else p
            nearest = nearest or p
            if local is None and text is not None and _paragraph_topic(p, pronoun, paragraph, text):
                local = p  # "The lows stand out for Patrick. He says …": a person of the paragraph's sentence before
    return nearest


def _paragraph_topic(p: Mention, pronoun: Mention, paragraph: int, text: str) -> bool:
    """Whether a person named, but not as a subject, in an earlier sentence of the pronoun's paragraph (which starts
    at ``paragraph``) is what the pronoun refers to: not when its sentence holds a he or she (``He'd insulted
    Mexicans, Anna Holt, the Pope. He said …``: he is someone else)."""
    end = _SENTENCE_END.search(text, p.end, pronoun.start)
    if p.start < paragraph or end is None:
        return False
    starts = [m.end() for m in _SENTENCE_END.finditer(text, paragraph, p.start)]
    return not _PERSONAL.search(text, starts[-1] if starts else paragraph, end.start())


#: A personal pronoun that can be a sentence's subject.
_PERSONAL = re.compile(r"\b(?:he|she|He|She)\b")
#: The end of a sentence: a full stop, question or exclamation mark (and a closing mark) before a space.
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s")


def _gender_of(p: Mention, persons: _People) -> str | None:
    """The gender the article marks for a person (a role word, an honorific, their own sentence's pronoun), or
    else the one their given name marks, a lone family name taking the nearest fuller name's before it
    (``Margaret Holt`` … ``Holt``: neither is "he")."""
    genders = lexicon().genders
    role = next((genders[w] for w in (p.role or "").lower().split() if w in genders), None)  # "her son Patrick"
    if role is not None or p.gender is not None:  # else its own courtesy title ("Mrs Holt" after "Mr Holt")
        return role or p.gender
    words = name_words(p.text)
    marked = next((persons.genders[w] for w in words if w in persons.genders), None)
    if marked is not None or len(words) >= 2:
        return marked or persons.given.get(p.text)
    fuller = [(at, t) for t in _fuller_names(words, persons) if (at := persons.last_start(t, p.start)) is not None]
    return persons.given.get(max(fuller)[1]) if fuller else None


def _quoted_apart(p: Mention, pronoun: Mention, marked: Spans) -> bool:
    """Whether ``p`` is named inside quoted or reported words that do not also hold the pronoun (a pronoun
    inside a quote may point at a name earlier in the same quote). A speaker named in an aside inside the words
    they report (``The plan, Holt said, …``; ``speakers``: the mentions attributions name) is no such name."""
    return any(not (a <= pronoun.start < b) for a, b in marked.overlapping(p.start, p.start + 1))


def _fuller_names(words: list[str], persons: _People) -> list[str]:
    """Person names of the article with more words than ``words`` that contain them in order."""
    return [
        t
        for t in persons.by_word.get(words[0], ())
        if len(name_words(t)) > len(words) and contains_words(name_words(t), words)
    ]


#: An indefinite apposition or an age right after a name (``Ahmed, a resident of …``, ``Ahmed, 25,``): the writer
#: introduces that person there.
_INTRODUCED = re.compile(r",\s+(?:an?\s|\d+,)")


def _fullest_person(m: Mention, persons: _People, gender: str | None = None, *, introduced: bool = False) -> str:
    """The longest name in the article that contains the mention's words, nearest before it first; of a given
    ``gender`` when one is known (``Mr Holt`` is Peter Holt, not Susan Holt). A name the writer ``introduced`` there
    (``Ahmed, a resident of …``) is no one named only after it (``Ahmed Ali, 25, of …`` below is someone else)."""
    text = m.text
    words = name_words(text)
    if not words:
        return text
    fuller = _fuller_names(words, persons)
    if gender is not None and any(persons.given.get(t) == gender for t in fuller):
        fuller = [t for t in fuller if persons.given.get(t) in (None, gender)]
    if not fuller and text.isupper():  # transcript labels ("PENCE", "MS. PSAKI"), but acronyms (CNN) stay as written
        titles = lexicon().titles
        plain = name_words(text.title())
        while len(plain) > 1 and plain[0].lower() in titles:
            plain = plain[1:]
        fuller = _fuller_names(plain, persons)
    if not fuller:
        return text
    last = {t: persons.last_start(t, m.start) for t in fuller}  # its latest mention at or before m, if any
    before = [t for t in fuller if last[t] is not None]
    if introduced and not before:
        return text
    pool = before or fuller
    best_len = max(len(name_words(t)) for t in pool)
    choice = [t for t in pool if len(name_words(t)) == best_len]
    if before:
        return max(choice, key=lambda t: last[t] or 0)
    return min(choice, key=lambda t: persons.starts_of[t][0])


def _fullest_body(m: Mention, bodies: _Bodies, lex: Lexicon) -> str:
    """The fullest body name in the article compatible with a description or short name, its head noun or one
    naming the same kind of body (``body_classes.tsv``: "the company" is the "… Corporation")."""
    own = display(m.text)
    if is_anonymous(m):
        named = _group_named_before(m, bodies, lex)
        return display(named.text) if named is not None else own
    bag, head = name_bag(m.text, lex)
    best = own
    best_size = len(bag)
    kind = lex.body_classes.get(head)
    heads = [head, *(h for h, k in lex.body_classes.items() if k == kind and h != head)] if kind else [head]
    fuller: list[str] = []
    for same in heads:  # "the company": a "… Corporation" as well as a "… Company"
        wanted = bag if same == head else bag - {head} | {same}
        for text, other in bodies.by_head.get(same, ()):  # distinct names, in the article's order
            if wanted <= other and len(other) > len(bag):
                fuller.append(text)
                if len(other) > best_size:
                    best, best_size = display(text), len(other)
    if len(fuller) > 1 and m.form == "description":  # two departments: "the department" is the last named before it
        last = max(
            (b for b in bodies.all if b.text in fuller and b.end <= m.start), key=lambda b: b.start, default=None
        )
        if last is not None:
            return display(last.text)
    if not fuller and m.form == "description" and kind == COMPANY and _definite_common(m.text):
        named = _company_named_before(m, bodies, lex)
        return display(named.text) if named is not None else best
    if not fuller and kind == POLICE and bag <= set(heads):  # "police said", "the police": the force the article names
        named = _force_named(m, bodies, lex)
        return display(named.text) if named is not None else best
    if not fuller and m.form == "description" and head in lex.any_body_heads and _definite_common(m.text):
        subjects = [b for b in bodies.all if b.end <= m.start and b.is_subject]
        last = max(subjects, key=lambda b: b.start, default=None)
        kinds = _modifiers(m.text, head) - _words(last.text) if last is not None else frozenset()
        foreign = last is not None and _other_kind(last, head, lex)  # "the French government": never "the union"
        if (
            last is not None
            and last.label == "ORG"
            and not is_anonymous(last)
            and last.form == "name"
            and not kinds
            and not foreign
        ):
            ends = {b.end: b for b in subjects if b.form == "name"}  # "the Dunmore Nurses Organisation (DNO)": the
            full = next((ends[e] for e in range(last.start - 2, last.start) if e in ends), last)  # name, not acronym
            return display(full.text)  # "The Dunmore Civil Society Council has accused … The group said …"
    return best


#: The class of body (``body_classes.tsv``) whose bare description may refer to any organisation named before it.
COMPANY = "company"
#: The class of body (``body_classes.tsv``) whose bare name ("police") is the one police force an article names,
#: whatever that force's own head noun ("the Ghana Police Service", "Police Scotland").
POLICE = "police"


def _force_named(m: Mention, bodies: _Bodies, lex: Lexicon) -> Mention | None:
    """The police force a bare "police" or "the police" refers to: the last body named before it with a police word
    in its name ("The Ghana Police Service issued a statement … According to the police, …"), else the only one the
    article names after it; None when there is none, or several after it and none before."""
    forces = [
        b
        for b in bodies.all
        if b.form == "name"
        and not is_anonymous(b)
        and (bag := name_bag(b.text, lex)[0]) != name_bag(m.text, lex)[0]
        and any(lex.body_classes.get(w) == POLICE for w in bag)
    ]
    before = [b for b in forces if b.end <= m.start]
    if before:
        return max(before, key=lambda b: b.start)
    distinct = {frozenset(name_bag(b.text, lex)[0]) for b in forces}
    return forces[0] if len(distinct) == 1 else None


def _other_kind(body: Mention, head: str, lex: Lexicon) -> bool:
    """Whether a body's name ends in the head of another kind of body than ``head`` (``the French government`` for
    "the union"), which a bare description with ``head`` never refers to; any body may be "the group"."""
    own = head_word(body.text).lower()
    if own == head or head in lex.every_body_heads:  # "the group": a council or a ministry as well
        return False
    return (own in lex.body_heads or own in lex.body_classes) and own not in lex.any_body_heads  # "the union" may
    # be "the Dunmore Nurses Organisation"


def _modifiers(text: str, head: str) -> frozenset[str]:
    """The words a description puts before its head, past its determiner and owner (``the country's [doctors]
    union``): what kind of body it is, which a body named before must share to be the one it refers to."""
    words = [w.lower() for w in re.findall(r"[\w’']+", text)]
    return frozenset(w for w in words[1:] if w != head and not w.endswith(("'s", "’s")))


def _definite_common(text: str) -> bool:
    """Whether a description is definite and names no one ("the firm", "the country's biggest airline"), as "a rival
    firm" and "the Dunmore company" are not."""
    words = text.split()
    return len(words) > 1 and words[0].lower() == "the" and all(not w[:1].isupper() for w in words[1:])


def _company_named_before(m: Mention, bodies: _Bodies, lex: Lexicon) -> Mention | None:
    """The organisation "the company" or "the firm" refers back to when no name of that class is written ("Dunmore
    Motors said … The firm said"): the last organisation made a subject before it whose name is a proper name with no
    head of another kind of body (a union, a council, the police; not "British unions"), or None. Not one only named
    in passing ("its Dunmore plant")."""

    def plain(b: Mention) -> bool:  # a proper name ("Dunmore Motors") or a company's ("Dunmore Foods Ltd")
        head = head_word(b.text)
        if lex.body_classes.get(head) == COMPANY:
            return True
        proper = any(w.lower() == head and w[:1].isupper() for w in b.text.split())
        return proper and head not in lex.body_classes and head not in lex.body_heads

    return max(
        (
            b
            for b in bodies.all
            if b.end <= m.start and b.label == "ORG" and b.is_subject and not is_anonymous(b) and plain(b)
        ),
        key=lambda b: b.start,
        default=None,
    )


def _group_named_before(m: Mention, bodies: _Bodies, lex: Lexicon) -> Mention | None:
    """The group a plural refers back to ("Residents said …" after "Khar residents", "business owners say …" after
    "Business owners in Seminole Heights"): the last unnamed source named before it with the same head noun, all of
    its words and words of its own, or None."""
    bag, head = name_bag(m.text, lex)
    words = bag - QUANTIFIERS  # "Some residents" are the residents named before
    if not words or not head.endswith("s"):
        return None
    fuller = [
        b
        for b in bodies.all
        if b.end <= m.start
        and (is_anonymous(b) and head_word(b.text).lower() == head or _gathered(b.text, lex) == head)
        and words < name_bag(b.text, lex)[0] - QUANTIFIERS  # "many experts" names no one more
    ]
    bare = min((b.start for b in bodies.all if name_bag(b.text, lex)[0] - QUANTIFIERS == words), default=m.start)
    fuller = [
        b for b in fuller if b.start < bare
    ]  # "health officials" before "state health officials": a group of its own
    return max(fuller, key=lambda b: b.start, default=None)


def _gathered(text: str, lex: Lexicon) -> str | None:
    """The unnamed sources a collective gathers (``A group of Dunmore residents who …``: ``residents``): the first
    plural after its ``of``, when it names such sources (``anonymous_heads.tsv``); None otherwise."""
    words = [w.lower() for w in name_words(text)]
    if head_word(text).lower() not in COLLECTIVES or "of" not in words:
        return None
    plural = next((w for w in words[words.index("of") + 1 :] if w.endswith("s")), None)
    return plural if plural is not None and plural in lex.anonymous_heads else None


def _body_kind(name: str, m: Mention) -> SpeakerKind:
    if is_anonymous(m):
        return SpeakerKind.ANONYMOUS
    if m.label in ("ORG", "GPE", "NORP") or m.form == "description":
        return SpeakerKind.INSTITUTION
    return SpeakerKind.UNKNOWN


def merge_speaker(old: Speaker | None, new: Speaker) -> Speaker:
    """One speaker record from two sightings: the first role and body known, all aliases."""
    if old is None:
        return new
    return replace(
        old,
        role=old.role or new.role,
        body=old.body or new.body,
        aliases=tuple(sorted(set(old.aliases) | set(new.aliases))),
    )

"""Mentions: the words that name a source, with titles, roles and bodies kept apart.

Input: a spaCy token heading a source phrase, or a parsed ``Doc``.
Output: ``Mention`` records in plain character offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import Lexicon, lexicon
from ..detect import channel_of, conjoined, headline_case, joint_subject, reporting_key, word_before_verb
from ..types import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Dependency labels of a verb's subject.
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Entity labels that can name a speaker.
SPEAKER_ENTS = ("PERSON", "ORG", "GPE", "NORP")
#: Entity labels of places: a name in apposition to one is a place too ("Florence Close, Kempsey").
PLACE_ENTS = ("GPE", "LOC", "FAC")
#: Entity labels of a name a person's may follow with no comma ("the Dunmore Chamber of Commerce Ann Berg"); an
#: untagged proper noun may end it too.
BODY_ENTS = ("ORG", "GPE", "NORP", "FAC")
#: Determiners of a description of one unnamed person ("One vendor", "a woman", "another resident").
ONE_PERSON = ("one", "a", "an", "another")
#: Left modifiers kept in a mention's noun phrase.
_LEFT_MODS = ("det", "amod", "compound", "poss", "case", "nummod", "nmod", "punct", "quantmod", "advmod")
#: Prepositions whose phrase stays in a mention ("Ministry of Foreign Affairs", "official from the office").
_KEPT_PREPS = ("of", "from", "at", "for", "in")
#: Prepositions whose phrase says which unnamed sources a head means ("officials with the health department", "a
#: source with the police"), kept for them only ("the company with the contract" is no one's affiliation).
_UNNAMED_PREPS = ("with",)
#: Tags of a participle that says which people a plural noun means ("people living on the levels", "residents
#: affected by the floods"): kept in the noun phrase ("an AFP count based on …" is no group and keeps none).
_PARTICIPLES = ("VBG", "VBN")
#: Longest untagged proper name taken for a person when it is the subject of a report.
MAX_UNTAGGED_NAME_TOKENS = 3


#: Dependencies of a clause or phrase that describes a conjunct rather than naming it ("Berg, who runs the shop").
_DESCRIBING = ("relcl", "acl", "prep")


def joint_mention(subject: Token) -> Mention:
    """The parties named together as one source (``Ann Berg and her neighbour, Tom Novak``, ``KGMOA and IMA``):
    the coordination from its first word to the end of its last conjunct, without clauses describing them."""
    described = {
        t.i
        for c in subject.subtree
        if c.dep_ in _DESCRIBING and c.i != subject.i and not _inside_name(c)
        for t in c.subtree
    }
    tokens = []
    for t in subject.subtree:
        if t.i in described:
            break
        tokens.append(t)
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "cc") and not _closes(tokens):
        tokens.pop()
    first, last = tokens[0], tokens[-1]
    text = subject.doc[first.i : last.i + 1]
    return Mention(
        text.text, text.start_char, text.end_char, "description", is_subject=subject.dep_ in SUBJECTS, joint=True
    )


def _closes(tokens: list[Token]) -> bool:
    """Whether the last token closes a bracket the tokens open (``… Federations (IAAF)``)."""
    return tokens[-1].text == ")" and sum(t.text == "(" for t in tokens) > sum(t.text == ")" for t in tokens[:-1])


def _inside_name(tok: Token) -> bool:
    """Whether a token is inside a name the tagger found, not its first word (``International Association [of]
    Athletics Federations``): a preposition there is part of the name, no phrase describing it."""
    return tok.ent_iob_ == "I" and tok.ent_type_ in ("ORG", "PERSON", "GPE", "FAC", "NORP")


def logical_subject(tok: Token) -> bool:
    """Whether a token is the subject of its verb, or the agent of a passive one ("Her view was shared by
    Anna Holt": Holt is whom the next "she" means)."""
    return tok.dep_ in SUBJECTS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent") or _hung_subject(tok)


def _hung_subject(tok: Token) -> bool:
    """Whether a name the parser hung as an apposition is the subject of the verb right after it, which the parser
    left without one (``… in Dunmore, the Dunmore Nurses Organisation (DNO) has claimed``)."""
    if tok.dep_ != "appos" or tok.right_edge.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.right_edge.i + 1]
    verb = nxt.head if nxt.dep_ in ("aux", "auxpass", "neg") else nxt
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    before = word_before_verb(verb)
    return before is not None and before.i == tok.i


def _body_noun(tok: Token, lex: Lexicon) -> bool:
    """Whether a source token is the lowercase head noun of a body ("council", "ministry", "company"): no person's
    name ends in one, whatever the tagger says."""
    return tok.text.islower() and (tok.lower_ in lex.body_heads or tok.lower_ in lex.body_classes)


def token_mention(tok: Token, lex: Lexicon) -> Mention | None:
    """The mention a source token heads: a name, a pronoun or a description."""
    if tok.pos_ == "PRON" or tok.lower_ in lex.pronouns:
        return Mention(
            tok.text,
            tok.idx,
            tok.idx + len(tok.text),
            "pronoun",
            is_subject=tok.dep_ in SUBJECTS,
            disjoint=_binder(tok),
        )
    subject = logical_subject(tok)  # the source's own place in the sentence, whichever name it turns out to be
    if (title := marked_name(tok)) is not None:  # "The “Dunmore Courier” reported": the paper, marks and all
        return Mention(title.text, title.start_char, title.end_char, "name", "ORG", is_subject=subject)
    if (last := _name_ending_inverted_source(tok, lex)) is not None:
        tok = last  # "…," said Dunmore's Ruritania president and managing director, Anna Holt.
    ent = entity_of(tok)
    if ent is not None and ent.label_ == "PERSON" and _body_noun(tok, lex):
        ent = None  # "Since April, the city council said …" tagged a person: a body, described
    group = _group_noun(tok, ent, lex)
    if group:
        ent = None  # "Shoppers said …" at a sentence's start, tagged a person or an organisation: a group
    if ent is not None and ent.label_ == "ORG" and (apposed := _person_apposed(tok)) is not None:
        tok, ent = apposed.root, apposed  # "Dunmore MMC for health, Ana Ruiz, admitted": a role, tagged ORG
    if ent is None and tok.lower_ in lex.titles:
        named = name_beside_title(tok)
        if named is not None:
            tok, ent = named.root, named
    elif ent is None and (named := _appositive_name(tok)) is not None:
        tok, ent = named.root, named  # "One resident, Ali Khan, said …": the name, not the description
    phrase = noun_phrase(tok)
    if tok.pos_ == "PROPN" and (ent is None or ent.label_ != "PERSON") and (named := _after_courtesy(tok, phrase, lex)):
        # "weather scientist Dr N Puviarasan" (the name tagged ORG): a courtesy title marks a person's name
        role = " ".join(t.lower_ for t in phrase.doc[phrase.start : named.start - 1]) or None
        return Mention(named.text, named.start_char, named.end_char, "name", "PERSON", role, None, subject)
    if tok.pos_ == "PROPN" and (ent is None or ent.label_ != "PERSON") and (named := _after_person_noun(tok, lex)):
        # "local campaigner Ana Ruiz" (the name tagged ORG): a word for a person right before a name marks it
        role = " ".join(t.lower_ for t in phrase.doc[phrase.start : named.start]) or None
        return Mention(named.text, named.start_char, named.end_char, "name", "PERSON", role, None, subject)
    if tok.pos_ == "PROPN" and (inner := _name_after_inner_title(tok, phrase, subject, lex)) is not None:
        return inner  # "Dunmore Town Mayor Ana Ruiz" tagged as one organisation: the mayor of Dunmore Town
    role, body = role_and_body(tok, phrase, ent, lex)
    titled = ent if ent is not None else phrase
    opens = titled[0].lower_ in lex.titles or _acronym_before_title(titled, titled.start, lex)
    if tok.pos_ == "PROPN" and opens and (ent is None or ent.label_ != "PERSON"):
        name = strip_titles(titled, lex)  # "Councilwoman Jane Doe" tagged ORG: a titled person
        if name is not None and name.start > titled.start:
            role = " ".join(t.lower_ for t in titled.doc[titled.start : name.start])
            return Mention(name.text, name.start_char, name.end_char, "name", "PERSON", role, body, subject)
    person = ent is not None and ent.label_ == "PERSON"
    if (person or name_like(tok)) and _only_titles(ent if person and ent is not None else phrase, lex):
        # "the Pope", "the Chancellor", capitalized or tagged PERSON: a description of someone, not a name;
        # resolution gives it the person it names, or keeps it as written
        return Mention(phrase.text, phrase.start_char, phrase.end_char, "description", "PERSON", role, body, subject)
    if ent is not None and ent.label_ == "PERSON" and body_role(role, lex):
        return Mention(ent.text, ent.start_char, ent.end_char, "name", "ORG", is_subject=subject)
    if ent is not None and ent.label_ == "PERSON":
        name = strip_titles(ent, lex)
        if name is not None:
            return Mention(name.text, name.start_char, name.end_char, "name", "PERSON", role, body, subject)
    if _national(tok, lex):  # "the Argentinian said": a person of that nation the article names
        return Mention(phrase.text, phrase.start_char, phrase.end_char, "description", "PERSON", role, body, subject)
    if ent is None and tok.pos_ == "PROPN" and _title_in(phrase, lex, opening=True):
        # "The Member of Parliament for Dunmore has appealed …": a title in capitals, someone described
        return Mention(phrase.text, phrase.start_char, phrase.end_char, "description", "PERSON", role, body, subject)
    end = ent.end if ent is not None else 0
    while ent is not None and end > phrase.end and ent.doc[end - 1].tag_ == "POS":
        end -= 1  # "The Dunmore Ministry's statement": the name without its possessive
    if ent is not None and ent.label_ != "PERSON" and ent.start <= tok.i < ent.end and end > phrase.end:
        phrase = phrase.doc[min(phrase.start, ent.start) : end]  # "The Committee to Protect Journalists": the
        # name runs on where the parser saw a clause
    text_span = phrase.doc[_after_titles(phrase, tok.i, lex) : phrase.end] if tok.pos_ == "PROPN" else phrase
    form = "name" if name_like(tok) and not group else "description"
    label = ent.label_ if ent is not None else None
    if text_span.start > phrase.start:  # "SPD Chancellor Varga" with the name untagged or tagged ORG: a title
        role = role or " ".join(t.lower_ for t in phrase.doc[phrase.start : text_span.start] if t.pos_ != "DET")
        label = "PERSON"  # marks a person, whatever the tagger called the name
    if (
        label is None
        and form == "name"
        and len(phrase) <= MAX_UNTAGGED_NAME_TOKENS
        and subject
        and not _body_noun(tok, lex)
    ):
        label = "PERSON"  # an untagged proper name that speaks is taken for a person ("Smith argued …")
    return Mention(text_span.text, text_span.start_char, text_span.end_char, form, label, role, body, subject)


#: Most words of a proper name written in quotation marks (a newspaper, a programme: ``“Bild am Sonntag”``).
MAX_MARKED_NAME = 6


def _binder(pronoun: Token) -> tuple[int, int] | None:
    """The subject of the verb whose object a pronoun is (``Xinhua quoted [her]``): a plain pronoun object never
    refers to its own verb's subject (that takes ``herself``). Its character span, or None."""
    if pronoun.dep_ not in ("dobj", "dative"):
        return None
    subject = next((c for c in pronoun.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != pronoun.i), None)
    if subject is None:
        return None
    return subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)


def marked_name(tok: Token) -> Span | None:
    """The proper name in quotation marks that holds ``tok`` (``According to “Dunmore am Sonntag”``), without its
    marks: two to ``MAX_MARKED_NAME`` words in title case, short function words between; else None."""
    doc = tok.doc
    if tok.is_quote:
        return None
    left = tok.i
    while left > 0 and tok.i - left < MAX_MARKED_NAME and not doc[left - 1].is_quote:
        left -= 1
    right = tok.i + 1
    while right < len(doc) and right - tok.i < MAX_MARKED_NAME and not doc[right].is_quote:
        right += 1
    if left == 0 or right >= len(doc) or not doc[left - 1].is_quote or not doc[right].is_quote:
        return None
    words = doc[left:right]
    return words if doc[left - 1].text in OPENING_MARKS and proper_name(list(words)) else None


def proper_name(words: list[Token]) -> bool:
    """Whether words are a proper name in title case: two to ``MAX_MARKED_NAME`` of them, the first and last
    capitalised, any between capitalised or short function words (``am``, ``of``, ``de``), no punctuation."""
    if not 2 <= len(words) <= MAX_MARKED_NAME or any(t.is_punct for t in words):
        return False
    return (
        words[0].is_title
        and words[-1].is_title
        and all(t.is_title or t.is_upper or (t.is_lower and len(t) <= 3) for t in words)
    )


#: Marks that open a quotation (a name inside must start after one, not after a closing mark).
OPENING_MARKS = frozenset({"“", "‘", "«", "„"})


def _name_after_inner_title(tok: Token, phrase: Span, subject: bool, lex: Lexicon) -> Mention | None:
    """A person's name after a title inside a capitalized phrase that a place or body opens (``Dunmore Town Mayor
    Ana Ruiz``, ``Ruritania Town Councillor Jo Berg``, ``Dunmore Bus spokeswoman Ana Ruiz``), which the tagger reads
    as one name or organisation: the name after the title, the title as role and the words before it as the body
    (``subject``: the name's place in its sentence, as ``token_mention`` read it)."""
    doc = phrase.doc
    words = list(doc[phrase.start : tok.i + 1])
    complements = {
        t.i for w in words if w.lower_ in lex.titles for t in doc[w.i + 1 : _title_complement_end(w, tok.i) + 1]
    }
    if len(words) < 3 or not all(
        t.is_title or t.is_upper or t.text in ("-", ".") or t.lower_ in lex.titles or t.i in complements for t in words
    ):
        return None
    titled = [t.lower_ in lex.titles or _title_stop(phrase, t.i, lex) for t in words]  # "Lt[.] Col[.]": stops too
    titles = [k for k, t in enumerate(words) if titled[k] and t.i not in complements]
    if not titles or titles[-1] == 0 or titles[-1] >= len(words) - 1:
        return None  # no title, one that opens the phrase (handled as a title) or ends it ("… Council Leader")
    k = titles[-1]
    first = k
    while first > 0 and titled[first - 1]:
        first -= 1  # "Essex County Council [Deputy Leader]": a title of several words
    while k + 1 < len(words) - 1 and words[k + 1].i in complements:
        k += 1  # "Minister [for Information] Anna Holt": the complement is part of the title
    name = doc[words[k + 1].i : tok.i + 1]
    if (
        first == 0
        or any(t.lower_ in lex.titles for t in name)
        or not any(t.ent_type_ or t.pos_ == "PROPN" for t in name)
    ):
        return None
    role = " ".join(t.lower_ for t in words[first : k + 1])
    body = doc[phrase.start : words[first].i].text
    return Mention(name.text, name.start_char, name.end_char, "name", "PERSON", role, body, subject)


def _national(tok: Token, lex: Lexicon) -> bool:
    """Whether a token is one person named by nationality: "the" and a demonym in the singular ("the German")."""
    return (
        tok.lower_ in lex.demonyms
        and tok.tag_ not in ("NNS", "NNPS")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("compound", "amod") for c in tok.children)
    )


def _only_titles(ent: Span, lex: Lexicon) -> bool:
    """Whether an entity's words are all determiners, titles and epithets ("the Pope"): no name in it."""
    return all(t.pos_ == "DET" or t.lower_ in lex.titles or t.lower_ in lex.epithets for t in ent)


def _name_closing_description(tok: Token) -> Token | None:
    """A person's name in apposition at the end of a description's relative clause, right before the verb the
    description is the subject of (its auxiliaries between), where the parser hung it on the clause's or the title's
    last noun (``Another resident who lives along the route, [Ann Berg], said …``, ``The Minister for Trade,
    Industry and Labour, [Ana Ruiz], has described …``): the person described."""
    doc = tok.doc
    for t in tok.subtree:
        after = t.right_edge.i + 1
        if t.dep_ != "appos" or t.ent_type_ != "PERSON" or t.i <= tok.i or after >= len(doc) or doc[after].text != ",":
            continue
        if t.head.ent_type_ in PLACE_ENTS:
            continue  # "Homeowners in Florence Close, [Kempsey], said": a name beside a place is its town
        if _right_before(tok.head, after + 1):  # "The Minister for Trade, Ana Ruiz, [has] described …"
            return t
    return None


def _right_before(verb: Token, at: int) -> bool:
    """Whether the token at ``at`` is ``verb``, or only the verb's auxiliaries and negation stand between."""
    auxiliaries = {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    while at in auxiliaries:
        at += 1
    return at == verb.i


def _name_ending_inverted_source(tok: Token, lex: Lexicon) -> Token | None:
    """A person's name set off by a comma at the end of a source written after its verb, after the titles that
    describe her, wherever the parser hung it (``"…," said Dunmore's Ruritania president and managing director,
    [Anna Holt].``): the person the titles describe; None elsewhere."""
    if tok.dep_ not in SUBJECTS or tok.i < tok.head.i or tok.ent_type_ == "PERSON":
        return None
    edge = tok.right_edge
    name = edge if edge.dep_ == "appos" else edge.head if edge.head.dep_ == "appos" else None
    if name is None or name.ent_type_ != "PERSON":
        return None
    if not any(t.lower_ in lex.titles for t in tok.doc[tok.left_edge.i : name.left_edge.i]):
        return None  # "…," said the people of Dunmore, Anna Holt …: no title describes her
    end = edge.i + 1
    closes = end >= len(tok.doc) or tok.doc[end].is_punct and tok.doc[end].text not in ",;"
    return name if closes and tok.doc[name.left_edge.i - 1].text == "," else None


def _person_apposed(tok: Token) -> Span | None:
    """The person's name set after a subject in apposition (``Dunmore MMC for health, Ana Ruiz, said``), or None."""
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > tok.i), None)
    return entity_of(appos) if appos is not None else None


def _appositive_name(tok: Token) -> Span | None:
    """The person named in apposition to a description (``One of them, Emma Holland-Lindsay, …``), or to a title
    written in capitals that names no one itself (``The Member of Parliament for Dunmore, Ana Ruiz, said``), or to
    a proper noun no entity holds (``Dunmore MMC for health, Ana Ruiz, said``)."""
    if tok.pos_ == "PROPN" and (person := _person_apposed(tok)) is not None:
        return person  # "Dunmore MMC for health, Ana Ruiz, said": a role no title list holds
    if tok.pos_ == "PRON" or tok.pos_ == "PROPN" and not _title_in(noun_phrase(tok), lexicon()):
        return None  # (called for a token no entity holds)
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if appos is None:
        appos = _name_closing_description(tok)
    if appos is not None:
        return entity_of(appos)
    if (body := _body_named_after(tok)) is not None:
        return body
    for c in tok.children:  # "A trader, Mr Royal Osei, said …" with the name tagged ORG: the title marks a person
        if c.dep_ == "appos" and c.pos_ == "PROPN" and (named := _after_courtesy(c, noun_phrase(c), lexicon())):
            return tok.doc.char_span(named.start_char, named.end_char, label="PERSON")
    return _name_given(tok)


def _title_in(phrase: Span, lex: Lexicon, *, opening: bool = False) -> bool:
    """Whether a noun phrase holds a title (``titles.tsv``: ``Member of Parliament``, ``Chief Executive``), or with
    ``opening`` opens, past its determiner, with a title of several words and goes on past it (``The Member of
    Parliament for Dunmore``: a person described by office, however capitalised; a bare ``the Prime Minister`` is
    left to the rules for titles)."""
    text = " ".join(t.lower_ for t in phrase if t.dep_ != "det")
    if opening:
        return any(" " in title and text.startswith(f"{title} ") for title in lex.titles)
    return any(f" {title} " in f" {text} " for title in lex.titles)


#: Entity labels of what a comma sets beside a body's description without naming it (``the council, Dunmore,``).
NOT_BODY_NAMES = frozenset({*PLACE_ENTS, "DATE", "TIME", "NORP"})


def _body_named_after(tok: Token) -> Span | None:
    """The name in apposition to the head of a body's description, right after it (``the research firm [AgriStat]``,
    ``the union [Unite]``) or set off by a comma (``the local utility, [Dunmore Power], reported``): the body the
    description names, or None."""
    lex = lexicon()
    if tok.lower_ not in lex.body_heads and tok.lower_ not in lex.body_classes:
        return None
    name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and _next_to(tok, c)), None)
    if name is None:
        return None
    ent, comma = entity_of(name), name.left_edge.i > tok.i + 1
    if ent is None:  # an untagged name is taken only right after the description
        return None if comma else tok.doc[name.left_edge.i : name.i + 1]
    return None if ent.label_ == "PERSON" or (comma and ent.label_ in NOT_BODY_NAMES) else ent


def _next_to(tok: Token, name: Token) -> bool:
    """Whether an apposition's phrase starts right after ``tok``, or after a comma right after it."""
    start = name.left_edge.i
    return start == tok.i + 1 or (start == tok.i + 2 and tok.doc[tok.i + 1].text == ",")


#: Verbs of a relative clause by which an unnamed source gives a name (``who identified himself as Adeoye``,
#: ``who gave her name as Maria``, ``identified only as Berg``, ``known as Berg``).
NAMING_VERBS = ("identify", "give", "name", "call", "know")

#: Verbs that give a name as their own object or complement (``a vendor named Berg``, ``a trader called Novak``).
NAMING_OBJECT_VERBS = ("name", "call")


def _name_given(tok: Token) -> Span | None:
    """The name a description's own clause gives its person (``A resident …, who identified himself simply as
    Adeoye, said``; ``a vendor who goes by the name Berg``; ``a trader named Novak``): a proper name after ``as``
    in a naming clause, after ``by the name``, or as the object of ``named``/``called``, inside the description."""
    for clause in tok.subtree:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        lemma = clause.lemma_.lower()
        for child in clause.children:
            if child.dep_ == "prep" and (lemma in NAMING_VERBS and child.lower_ == "as" or child.lower_ == "by"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and child.lower_ == "by" and obj.lower_ == "name":
                    obj = next((c for c in obj.children if c.dep_ in ("appos", "compound")), None)
                elif child.lower_ == "by" and not (obj is not None and any(c.lower_ == "name" for c in obj.children)):
                    continue  # "by the name [Berg]" is parsed either way round; "sells by the kilo" names no one
            elif lemma in NAMING_OBJECT_VERBS and child.dep_ in ("oprd", "dobj", "attr") and child.i > clause.i:
                obj = child
            else:
                continue
            if obj is not None and obj.pos_ == "PROPN":
                return entity_of(obj) or tok.doc[obj.left_edge.i : obj.i + 1]
    return None


def name_beside_title(title: Token) -> Span | None:
    """The person a title heads when the parser made the title the head
    (``Senate Majority Leader Chuck Schumer``, ``the spokesman, John Smith``), or the name after a run of one
    person's titles joined by "and" (``Party Chairman and President Kolar Varga``)."""
    for c in title.children:
        if c.dep_ in ("appos", "compound", "flat", "conj") and c.ent_type_ == "PERSON":
            return entity_of(c)
    nxt = title.i + 1
    if nxt < len(title.doc) and title.doc[nxt].ent_type_ == "PERSON":
        return entity_of(title.doc[nxt])
    closing = (_name_closing_description(title) or _name_after_body_name(title)) if title.dep_ in SUBJECTS else None
    return entity_of(closing) if closing is not None else None  # "The Minister for Trade, Ana Ruiz, said"


def _name_after_body_name(title: Token) -> Token | None:
    """A person's name written, without a comma, right after the name of the body a title's description names, and
    right before the verb the description is the subject of (``The president of the Dunmore Chamber of Commerce
    [Ann Berg] queried …``): the person described. Not a name after "of" (``the lawyer of Ann Berg``)."""
    edge = title.right_edge
    name = entity_of(edge) if edge.i > title.i and edge.ent_type_ == "PERSON" else None
    if name is None or name.end != edge.i + 1 or name.start <= title.i + 1:
        return None
    before = title.doc[name.start - 1]
    if before.ent_type_ not in BODY_ENTS and not (before.pos_ == "PROPN" and before.is_title):
        return None  # "of Ann Berg" (the person the title is about), not "of Dunmore Rovers Ann Berg"
    return edge if _right_before(title.head, edge.i + 1) else None


def entity_of(tok: Token) -> Span | None:
    """The named entity of a speaker kind (person, organisation, place, group) that holds the token.

    Read off the token's own entity tags (``ent_iob_``), so the cost is the entity's length, not the
    number of entities in the document.
    """
    if not tok.ent_iob_ or tok.ent_iob_ == "O" or tok.ent_type_ not in SPEAKER_ENTS:
        return None
    doc = tok.doc
    start = tok.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span

    return Span(doc, start, end, label=tok.ent_type_)


def doc_text(doc: Doc) -> str:
    """The document's text, built once (``Doc.text`` joins every token on each call)."""
    cached = doc.user_data.get("quotes_text")
    if not isinstance(cached, str):
        cached = doc.user_data["quotes_text"] = doc.text
    return cached


def body_role(role: str | None, lex: Lexicon) -> bool:
    """Whether the role a name is given is a kind of body (``body_classes.tsv``: ``the retailer, Dunmore Foods``,
    ``Another family-run business, Dunmore Flooring``): the name is the body's, whatever the tagger called it."""
    return role is not None and role.split()[-1] in lex.body_classes


def _group_noun(tok: Token, ent: Span | None, lex: Lexicon) -> bool:
    """Whether a token (held by the entity ``ent``, if any) is the plural head of an unnamed source standing alone
    (``anonymous_heads.tsv``: ``Shoppers said …``, ``Eyewitnesses added …``), whatever the tagger made of its
    capital at a sentence's start."""
    if not tok.lower_.endswith("s") or tok.lower_ not in lex.anonymous_heads:
        return False
    return ent is None or len(ent) == 1 and not any(c.dep_ == "compound" for c in tok.children)


def name_like(tok: Token) -> bool:
    """A proper name: tagged so, or a capitalised word that is part of a person's name
    elsewhere in the document (the tagger sometimes calls "Trump" a verb)."""
    if tok.pos_ == "PROPN":
        return True
    if not tok.is_title:
        return False
    return tok.text in _person_words(tok.doc)


def _person_words(doc: Doc) -> frozenset[str]:
    """The words of the document's person entities, gathered once per document."""
    cached = doc.user_data.get("quotes_person_words")
    if not isinstance(cached, frozenset):
        cached = doc.user_data["quotes_person_words"] = frozenset(
            w for e in doc.ents if e.label_ == "PERSON" for w in e.text.split()
        )
    return cached


def _named_for(tok: Token, prep: Token) -> bool:
    """Whether "for" and a proper name after a body's name are part of it (``Transport for NSW``, ``the Department for
    Education``); not after a person's name (``Anna Holt for the Greens``)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ == "for" and tok.ent_type_ != "PERSON" and obj is not None and obj.pos_ == "PROPN"


def noun_phrase(tok: Token) -> Span:
    """The token's noun phrase: left modifiers and kept prepositional phrases, no clauses or appositions."""
    doc = tok.doc
    left = tok.i
    for c in sorted(tok.children, key=lambda c: -c.i):
        if c.i < tok.i and c.dep_ in _LEFT_MODS:
            left = min(left, c.left_edge.i)
    right = tok.i
    lex = lexicon()
    named = name_like(tok) and tok.lower_ not in lex.anonymous_heads  # "Vendors at …" opening a sentence
    unnamed = tok.lower_ in lex.anonymous_heads  # "One woman [living in the flats]", "officials [with …]": which
    preps = ("of",) if named else _KEPT_PREPS + _UNNAMED_PREPS if unnamed else _KEPT_PREPS
    document = tok.lemma_.lower() in lex.document_heads and tok.pos_ == "NOUN"  # "a note [on the website]"
    for c in tok.children:
        if c.dep_ == "prep" and f"{c.lower_} {c.right_edge.lower_}" in lex.adverbials and c.right_edge.i == c.i + 1:
            continue  # "says the letter [in part]": how it was said, not which letter
        if c.dep_ == "prep" and channel_of(c, lex) is not None:
            continue  # "said the economist [in a speech that …]": where it was said, not which economist
        kept = c.dep_ == "prep" and (c.lower_ in preps or _seat(tok, c) or named and _named_for(tok, c))
        kept = kept or c.dep_ in ("compound", "flat")
        if c.i > tok.i and (kept or document and _says_where(c)):  # a collective's name is the people it gathers
            right = max(right, _right_without_clauses(c) if tok.lower_ in COLLECTIVES else c.right_edge.i)
        elif c.i == tok.i + 1 and (tok.tag_ == "NNS" or unnamed or document and not _authored(c)) and _says_which(c):
            right = max(right, c.right_edge.i)  # "people living on the levels", "an email sent to staff"
        elif tok.lower_ in lex.anonymous_heads and (last := _which_ones(tok, c, lex)) is not None:
            right = max(right, last)  # "residents who live near the plant": which residents
    if tok.dep_ == "compound" and tok.head.i == tok.i + 1 and tok.i and doc[tok.i - 1].dep_ == "det":
        left = min(left, tok.i - 1)  # "The cook chuckles and says", the verb read as a noun: the article is the cook's
    while left < tok.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > tok.i and (doc[right].is_punct or doc[right].dep_ in ("cc", "conj", "appos") and right > tok.i):
        right -= 1
    if right > tok.i:  # a conjunction of the head's own ends it; one inside its phrase ("for the flooring and
        # carpeting company") does not
        cut = next(
            (t.i for t in doc[tok.i + 1 : right + 1] if t.dep_ == "cc" and t.head == tok or t.text in (",", "(")), None
        )
        right = cut - 1 if cut is not None else right
    ent = entity_of(tok)
    if ent is not None and ent.label_ == "ORG" and right < ent.end - 1 and any(t.lower_ in ("of", "for") for t in ent):
        right = ent.end - 1  # "the Union of Midwives and Nurses", "the Department for Education": one name
    elif ent is not None and ent.label_ == "ORG" and right < ent.end - 1 and _one_name(ent):
        right = ent.end - 1  # "Procter and Gamble", tagged as one organisation: its "and" joins no two sources
    return doc[left : right + 1]


def _one_name(ent: Span) -> bool:
    """Whether an organisation the tagger found as one entity is one name with ``and`` or ``&`` inside it
    (``Procter and Gamble``): every other word capitalized, the conjunction neither first nor last."""
    joins = [t.lower_ in ("and", "&") for t in ent]
    words = [t for t, join in zip(ent, joins, strict=True) if not join]
    return any(joins) and not joins[0] and not joins[-1] and all(t.text[:1].isupper() for t in words)


#: Nouns that count or gather the people an ``of`` phrase names (``A group of Dunmore residents``).
COLLECTIVES = frozenset({"group", "number", "handful", "couple", "dozens", "hundreds", "thousands", "majority"})


def _right_without_clauses(tok: Token) -> int:
    """The last token of a phrase without the clauses hung on it (``of Dunmore residents[ who live …]``)."""
    right = tok.i
    for c in tok.children:
        if c.i > tok.i and c.dep_ not in ("relcl", "acl", "advcl", "appos"):
            right = max(right, _right_without_clauses(c))
    return right


def _seat(org: Token, prep: Token) -> bool:
    """Whether ``prep`` names where an organisation sits, as part of its name ("the Confederation in Brazil",
    "the Russian Embassy in London")."""
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return org.ent_type_ == "ORG" and prep.lower_ == "in" and place is not None and place.ent_type_ == "GPE"


def _authored(participle: Token) -> bool:
    """Whether a participle on a document's noun names its author (``a paper [issued by the ministry]``): the
    author is the source then (``_document_before_participle``), not the document."""
    return any(c.dep_ == "agent" for c in participle.children)


def _says_where(prep: Token) -> bool:
    """Whether a prepositional phrase on a document's noun says which document it is (``a notice [on the council's
    website]``), not when it was written (``a statement [on Monday]``)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ == "on" and bool(objects) and not any(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _says_which(mod: Token) -> bool:
    """Whether a modifier right after a plural noun says which people it means: a participle ("people living on
    the levels") or an adjective with its complement ("sources close to the talks", "people familiar with …"),
    however the parser labelled it."""
    if mod.dep_ == "acl":  # "newspapers demanding they correct …": a report, not which newspapers
        return mod.tag_ in _PARTICIPLES and reporting_key(mod, lexicon()) is None
    return mod.dep_ in ("amod", "advmod") and mod.pos_ == "ADJ" and any(c.dep_ == "prep" for c in mod.children)


#: Most tokens of a relative clause that says which unnamed people a source is (``_which_ones``).
MAX_WHICH_TOKENS = 12


def _which_ones(head: Token, clause: Token, lex: Lexicon) -> int | None:
    """The last token of a relative clause right after an unnamed source's head that says which people it means
    ("residents who live near the plant", "protesters who blocked the road"), up to its first comma: a short
    ``who``/``that`` clause that reports nothing ("officials who said …" is the report itself); None otherwise."""
    doc = clause.doc
    if clause.dep_ != "relcl" or head.i + 1 >= len(doc) or clause.left_edge.i != head.i + 1:
        return None
    if doc[head.i + 1].lower_ not in ("who", "that"):
        return None
    if reporting_key(clause, lex) is not None or any(c.dep_ == "ccomp" for c in clause.children):
        return None
    last = next((t.i - 1 for t in doc[head.i + 2 : clause.right_edge.i + 1] if t.text in (",", "(", ";")), None)
    last = clause.right_edge.i if last is None else last
    return last if last - head.i <= MAX_WHICH_TOKENS else None


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the line (the paragraph, in news text) that holds ``start:end``."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def in_headline(span: Span) -> bool:
    """Whether a span sits on a short line written in headline case (``detect.headline_case``)."""
    text = doc_text(span.doc)
    start, end = line_bounds(text, span.start_char, span.end_char)
    return headline_case(text[start:end])


def _headline_trim(ent: Span) -> int:
    """End of the part of a headline entity that names a person named in the body
    ("Trump Warns Clinton" -> "Trump" when the body names Donald Trump)."""
    body_names = [e.text.split() for e in ent.doc.ents if e.label_ == "PERSON" and not in_headline(e)]
    for end in range(ent.end, ent.start, -1):
        words = [t.text for t in ent.doc[ent.start : end]]
        if any(any(n[k : k + len(words)] == words for k in range(len(n))) for n in body_names):
            return end
    return ent.end


def _after_courtesy(tok: Token, phrase: Span, lex: Lexicon) -> Span | None:
    """The proper names ending at ``tok`` right after a courtesy title inside its phrase (``Dr`` or ``Ms`` in
    "weather scientist Dr N Puviarasan"), or None when no such title precedes them."""
    start = _names_start(tok, lex, floor=phrase.start)
    if start <= phrase.start or tok.doc[start - 1].lower_ not in lex.courtesy_titles or not tok.doc[start - 1].is_title:
        return None
    return tok.doc[start : tok.i + 1]


def _names_start(tok: Token, lex: Lexicon, *, floor: int = 0) -> int:
    """Where the run of proper names (no titles) that ends at ``tok`` begins, at ``floor`` at the earliest; a
    hyphen inside a name joins its halves (``Ana Holt-Berg``)."""
    doc = tok.doc
    start = tok.i
    while start > floor:
        if _name_hyphen(doc, start - 1) and start - 1 > floor:
            start -= 1
        elif doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_ not in lex.titles:
            start -= 1
        else:
            break
    return start


def _name_hyphen(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen written inside a name, no space on either side (``Holt-Berg``)."""
    tok = doc[i]
    if tok.text not in ("-", "‑") or tok.whitespace_ or i == 0 or i + 1 >= len(doc) or doc[i - 1].whitespace_:
        return False
    return doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN"


def _after_person_noun(tok: Token, lex: Lexicon) -> Span | None:
    """The proper names ending at ``tok`` (two or more: a given name and a family name) right after a lowercase word
    for a person (``campaigner`` in "local campaigner Ana Ruiz") or a title (``Local SNP MSP Ana Ruiz``), or
    None."""
    doc = tok.doc
    start = _names_start(tok, lex)
    before = doc[start - 1] if start > 0 else None
    if start == tok.i or before is None or before.lower_ in lex.body_heads or tok.lower_ in lex.body_heads:
        return None
    titled = before.lower_ in lex.titles and before.text[:1].isupper()
    if not titled and (before.pos_ != "NOUN" or not before.is_lower or before.lower_ not in lex.person_nouns):
        return None
    return doc[start : tok.i + 1]


def strip_titles(ent: Span, lex: Lexicon) -> Span | None:
    """A person entity without titles the tagger left in it ("President Berg" -> "Berg")."""
    start = _after_titles(ent, ent.end - 1, lex)
    end = _headline_trim(ent) if in_headline(ent) else ent.end
    while end > start + 1 and ent.doc[end - 1].pos_ in ("VERB", "AUX", "ADP"):
        end -= 1  # a headline in title case: "Donald Trump Tells Voters" tagged as one name
    while end > start and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _after_titles(span: Span, stop: int, lex: Lexicon) -> int:
    """Where the words after the titles that open a span begin (``[President] Berg``), the acronym of the body
    whose title it is counted with them (``[SPD Chancellor] Varga``); at most ``stop``."""
    k = span.start
    while k < stop and (
        span.doc[k].lower_ in lex.titles or _acronym_before_title(span, k, lex) or _title_stop(span, k, lex)
    ):
        k = max(k + 1, _title_complement_end(span.doc[k], stop) + 1)
    return k


def _title_stop(span: Span, k: int, lex: Lexicon) -> bool:
    """Whether the token at ``k`` is the full stop the tokenizer split off an abbreviated title (``Lt[.] Col[.]``)."""
    doc = span.doc
    return doc[k].text == "." and k > span.start and doc[k - 1].lower_ in lex.titles and not doc[k - 1].whitespace_


#: Prepositions that open a title's complement (``Minister [for Information]``, ``Secretary [of Defence]``).
TITLE_COMPLEMENTS = ("for", "of")


def _title_complement_end(title: Token, stop: int) -> int:
    """The last token of the complement the parser hangs on a title (``Minister for Information`` in ``Minister
    for Information Anna Holt``), before ``stop``; the title's own index when it has none."""
    doc = title.doc
    nxt = doc[title.i + 1] if title.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in TITLE_COMPLEMENTS or nxt.head.i != title.i or nxt.dep_ != "prep":
        return title.i
    end = nxt.right_edge.i
    if end >= stop or not all(t.is_title or t.is_upper for t in doc[nxt.i + 1 : end + 1]):
        return title.i
    return end


def _acronym_before_title(ent: Span, i: int, lex: Lexicon) -> bool:
    """Whether the token at ``i`` is an acronym naming the body of the title after it (``[SPD] Chancellor Scholz``,
    ``[AKP] Chairman Erdoğan``): part of the role, not of the name."""
    tok = ent.doc[i]
    return tok.is_upper and len(tok.text) > 1 and i + 1 < ent.end - 1 and ent.doc[i + 1].lower_ in lex.titles


def role_and_body(tok: Token, phrase: Span, ent: Span | None, lex: Lexicon) -> tuple[str | None, str | None]:
    """Title words before the name or in an apposition, and the body named with them."""
    doc = tok.doc
    role_words: list[str] = []
    body = None
    stop = ent.start if ent is not None else tok.i
    for t in doc[phrase.start : stop]:
        if ent is None or ent.label_ != "PERSON":
            break  # bodies and descriptions have no title of their own
        if t.lower_ in lex.titles or any(t.lower_ in title.split() for title in lex.titles if " " in title):
            role_words.append(t.text)
        elif t.dep_ == "poss":
            body = doc[t.left_edge.i : t.right_edge.i + 1].text
    titles = [c for c in tok.children if c.dep_ == "appos" and c.lower_ in lex.titles]
    if all(w.lower() in lex.courtesy_titles for w in role_words) and (title := _title_apposed(tok, phrase, lex)):
        titles.append(title)  # "The Minister of Trade, Mr. Tomas Berg": his role is the title, not the "Mr."
    for c in titles:
        role_words = [c.text]
        pp = next((g for g in c.children if g.dep_ == "prep" and g.lower_ in ("for", "of", "at")), None)
        if pp is not None:
            obj = next((g for g in pp.children if g.dep_ == "pobj"), None)
            if obj is not None:
                body = noun_phrase(obj).text
    if not role_words:  # a common noun in apposition: "Tom Brown, a nurse", "the 23-year-old cook, Ali Khan"
        nouns = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            nouns.append(tok.head)
        role_words = [n.text for n in nouns if n.pos_ == "NOUN" and n.tag_ == "NN"][:1]
    role = " ".join(role_words).lower() or None
    return role, body


def courtesy_gender(text: str, start: int, lex: Lexicon) -> str | None:
    """The gender a courtesy title right before the name at ``start`` marks (``Mr. Tomas Berg``, ``Mrs Holt``), kept
    when a role replaces it; None when there is none."""
    width = max((len(t) for t in lex.courtesy_titles), default=0) + 2  # the title, a full stop and a space
    words = text[max(0, start - width) : start].split()
    word = words[-1].lower() if words else ""
    return lex.genders.get(word) if word in lex.courtesy_titles or word.rstrip(".") in lex.courtesy_titles else None


def _title_before_body(last: Token, lex: Lexicon) -> Token | None:
    """The title whose body ends at ``last``, the word before a comma (``counsel for the union``, ``spokesman for
    the Ministry of Health``), through "for", "of" or "at": the first such title above it, or None."""
    node = last
    while node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in ("for", "of", "at"):
        owner = node.head.head
        if owner.lower_ in lex.titles:
            return owner
        node = owner
    return None


def _title_apposed(tok: Token, phrase: Span, lex: Lexicon) -> Token | None:
    """The title a name stands in apposition to (``The Minister of Trade, Mr. Tomas Berg``): the name's head when
    the parser made it an apposition, else the title heading the phrase that ends at a comma just before the name's
    (which the parser often makes an adverbial of the verb)."""
    if tok.dep_ == "appos" and tok.head.lower_ in lex.titles:
        return tok.head
    comma = phrase.start - 1
    if comma < 1 or tok.doc[comma].text != ",":
        return None
    if (owner := _title_before_body(tok.doc[comma - 1], lex)) is not None:
        return owner  # "counsel for the union, Anna Holt", the parser hanging her on something else
    head = tok.doc[comma - 1]
    while head.head.i < comma and head.head.i != head.i:
        head = head.head
    if (
        head.lower_ in lex.titles
        and head.right_edge.i == comma - 1
        and (
            head.dep_ not in SUBJECTS or head.head.i == tok.head.i  # two subjects of one verb: one person
        )
    ):
        return head  # not "The president, Berg said, is …", where the title is another verb's subject
    return None


def title_before(doc: Doc, start: int, lex: Lexicon) -> str | None:
    """Title words written just before a name, e.g. ``Prime Minister`` in ``Prime Minister Anna Berg``, with the
    title's complement (``Minister for Information`` in ``Minister for Information Anna Berg``)."""
    words: list[str] = []
    i = start - 1
    for k in range(start - 2, max(start - 2 - lex.max_title_words, -1), -1):
        if doc[k].lower_ in lex.titles and _title_complement_end(doc[k], start) == start - 1:
            words = [t.lower_ for t in doc[k + 1 : start]]  # the complement; the title and any before it follow
            i = k
            break
    while i >= 0 and len(words) < lex.max_title_words + 1:
        word = doc[i].lower_
        if not (word in lex.titles or any(word in t.split() for t in lex.titles if " " in t)):
            break
        words.insert(0, word)
        i -= 1
    return " ".join(words) or None


def name_before_asides(verb: Token) -> Token | None:
    """The person named between commas before a verb the parser left with no subject, past participial asides
    (``…, counsel for the union, Anna Holt, instructed by solicitor Tomas Berg, said …``: Holt, where the parser
    joined "counsel" to the clause before): the last comma-set piece that is a name, after only participial ones.
    A name closing an opening phrase that has no comma of its own is one too (``On day 17 of the trial Inspector
    Anna Holt, now retired, told …``, the parser making Holt the trial's)."""
    doc = verb.doc
    end = verb.i - 1
    while end > 0 and doc[end].text == ",":
        start = end - 1
        while start > 0 and doc[start].text != "," and not doc[start].is_sent_start:
            start -= 1
        opening = doc[start].text != ","  # the piece opens the sentence
        piece = doc[start if opening else start + 1 : end]
        if not len(piece):
            return None
        if not opening and piece.root.tag_ in ("VBN", "VBG") and piece.root.dep_ in ("acl", "advcl"):
            end = start  # "instructed by …", "now retired", "speaking to reporters": an aside
            continue
        if opening:
            ent = entity_of(doc[end - 1])
            named = ent is not None and ent.label_ == "PERSON" and ent.end == end and ent.root.dep_ == "pobj"
            return ent.root if named and ent is not None and piece[0].pos_ == "ADP" else None
        ent = person_from(doc, piece.start)
        return ent.root if ent is not None and ent.end == piece.end else None
    return None


def person_from(doc: Doc, i: int) -> Span | None:
    """The person's name the tagger found starting at token ``i``, or None."""
    ent = entity_of(doc[i])
    return ent if ent is not None and ent.label_ == "PERSON" and ent.start == i else None


def names_subject(tok: Token) -> bool:
    """Whether a name is its sentence's subject (or a passive's agent, ``logical_subject``), or in apposition to it
    (``Her neighbour, Ali Arslan, …, is``) or joined to it (``Dunmore Ltd and its owner Ali Arslan presented …``), or
    the subject of a relative clause on it (``joy for Ruth Novak, who said …``), or is a person who owns it (``Berg's
    favourite project was …``). The subject of an absolute phrase is not (``Berg pledged …, with finance minister Novak
    revealing plans …``: the sentence is Berg's)."""
    if _absolute_subject(tok):
        return False
    joined = tok.dep_ in ("appos", "conj") and logical_subject(tok.head)
    owner = tok.dep_ == "poss" and tok.head.dep_ in SUBJECTS and tok.ent_type_ == "PERSON"  # "Berg's favourite
    # project was …, and he said …"; not a body ("the KMC's committee"), which "the union" may not then become
    lost = tok.ent_type_ == "PERSON" and not any(c.dep_ in SUBJECTS for c in tok.sent.root.children)
    opens = lost and (found := name_before_asides(tok.sent.root)) is not None and found.i == tok.i  # "On day 2 of
    # the trial Inspector Ana Ruiz, now retired, told …": the parser made her the trial's
    return logical_subject(tok) or joined or owner or opens or _who_clause(tok) or _closes_subject(tok)


def _closes_subject(tok: Token) -> bool:
    """Whether a name closes its sentence's subject after a body's name (``The president of the Dunmore Chamber of
    Commerce [Ann Berg] queried …``): the person the subject describes."""
    return any(
        a.dep_ in SUBJECTS and (name := _name_after_body_name(a)) is not None and name.i == tok.i for a in tok.ancestors
    )


def _absolute_subject(tok: Token) -> bool:
    """Whether a token is the subject of a participle after "with" or "without" (``with Novak revealing …``)."""
    verb = tok.head
    return (
        tok.dep_ in SUBJECTS
        and verb.tag_ in ("VBG", "VBN")
        and verb.dep_ in ("pcomp", "pobj")
        and verb.head.lower_ in ("with", "without")
    )


def _who_clause(tok: Token) -> bool:
    """Whether a relative clause on the token has "who" for its subject (``Ruth Novak, who said …``)."""
    return any(
        c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children) for c in tok.children
    )


def document_mentions(doc: Doc, lex: Lexicon | None = None) -> list[Mention]:
    """Every named person or organisation in the document, for resolving short names and pronouns."""
    lex = lex or lexicon()
    out = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not _modifies_plural(ent):
            name = strip_titles(ent, lex)
            if name is not None:
                root = ent.root
                role, body = role_and_body(root, noun_phrase(root), ent, lex)
                if role is None and name.start > 0:  # titles before the name, in the entity or not
                    role = title_before(doc, name.start, lex)
                if body_role(role, lex):  # "the retailer, Dunmore Foods": a body the tagger took for a person
                    out.append(
                        Mention(ent.text, ent.start_char, ent.end_char, "name", "ORG", is_subject=names_subject(root))
                    )
                    continue
                out.append(
                    Mention(
                        name.text,
                        name.start_char,
                        name.end_char,
                        "name",
                        "PERSON",
                        role,
                        body,
                        is_subject=names_subject(root),
                        gender=pronoun_gender(ent, lex) or courtesy_gender(doc_text(doc), name.start_char, lex),
                    )
                )
        elif ent.label_ == "ORG":
            phrase = noun_phrase(ent.root)
            out.append(
                Mention(
                    phrase.text, phrase.start_char, phrase.end_char, "name", "ORG", is_subject=names_subject(ent.root)
                )
            )
    out += _titled_subjects(doc, lex)
    out += _group_subjects(doc, lex)
    out += _unnamed_person_subjects(doc, lex)
    out += _place_bodies(doc, lex)
    out += _joint_subjects(doc)
    return sorted(out, key=lambda m: m.start)


def _modifies_plural(ent: Span) -> bool:
    """Whether a one-word "person" only modifies a plural noun after it (``Dunmore towns and villages clean up``,
    a place the tagger took for a person): no person is named there."""
    root = ent.root
    return len(ent) == 1 and root.dep_ == "compound" and root.head.i == ent.end and root.head.tag_ == "NNS"


#: Personal pronouns and the gender they mark.
PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
#: Dependencies of a verb's objects: a pronoun there is never the verb's own subject (``Holt scolded him``).
OBJECTS = frozenset({"dobj", "dative", "iobj"})


def place_names(doc: Doc) -> list[Mention]:
    """The places the document names (the tagger's GPE, LOC and FAC entities, without a leading "the"), in order:
    what an unnamed group of sources is placed by (``residents`` of the place the article is about)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_ENTS:
            continue
        words = ent[1:] if ent[0].lower_ == "the" else ent
        if len(words) and words[0].text[:1].isupper():
            out.append(Mention(words.text, words.start_char, words.end_char, "place", ent.label_))
    return out


def pronoun_gender(person: Span, lex: Lexicon) -> str | None:
    """The gender of a person named as a sentence's subject that the rest of its sentence refers back to
    (``Berg says he …``, ``Berg said all her …``, ``Berg and his family …``): the first he or she after the name,
    with no other person and no quotation mark between them (inside quotes a pronoun may be anyone). The object of
    the person's own verb is someone else (``Holt scolded him``)."""
    if not names_subject(person.root):
        return None
    for tok in person.doc[person.end : person.sent.end]:
        if tok.ent_type_ == "PERSON" or tok.is_quote or tok.text in lex.marks:
            return None
        if tok.dep_ in OBJECTS and tok.head.i == person.root.head.i:
            continue
        if tok.pos_ == "PRON" and tok.lower_ in PRONOUN_GENDERS:
            return PRONOUN_GENDERS[tok.lower_]
    return None


def _group_subjects(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Sentence subjects that are a group of unnamed sources (``Small business owners in Dunmore are
    concerned …``, ``Residents fear …``): what a "they" in the next paragraph may refer to."""
    out = []
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNS", "NNPS") and tok.lower_ in lex.anonymous_heads:
            phrase = noun_phrase(tok)
            out.append(Mention(phrase.text, phrase.start_char, phrase.end_char, "description", None, None, None, True))
    return out


def _joint_subjects(doc: Doc) -> list[Mention]:
    """Sentence subjects that name several people or bodies together (``Ann Berg and Tom Novak sell oranges …``,
    ``detect.joint_subject``): whom a "they" after them may mean."""
    return [
        joint_mention(tok)
        for tok in doc
        if tok.dep_ in ("nsubj", "nsubjpass") and joint_subject(tok) and conjoined(tok)
    ]


def _unnamed_person_subjects(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Sentence subjects that introduce one unnamed person (``A Dunmore solo mother has gone two weeks without
    power``, ``One resident was …``): what "the woman" or "she" in a later paragraph may refer to."""
    out = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NN":
            continue
        if (
            tok.lower_ not in lex.person_nouns
            and tok.lower_ not in lex.genders
            and tok.lower_ not in lex.anonymous_heads
        ):
            continue
        phrase = noun_phrase(tok)
        if phrase[0].lower_ in ONE_PERSON:
            out.append(Mention(phrase.text, phrase.start_char, phrase.end_char, "description", None, None, None, True))
    return out


def _place_bodies(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Bodies the tagger leaves unnamed: a body's head noun after the place or people it serves (``Dunmore police``,
    ``Ruritanian police``, ``the Dunmore government``; ``body_heads.tsv``), so that a later "Police said" or "the
    government said" in the article names that body in full."""
    out = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.body_heads:
            continue
        if not any(
            c.i < tok.i
            and (c.ent_type_ in ("GPE", "NORP") or c.dep_ == "compound" and (c.pos_ == "PROPN" or c.is_title))
            for c in tok.children
        ):
            continue
        phrase = noun_phrase(tok)
        out.append(
            Mention(phrase.text, phrase.start_char, phrase.end_char, "name", "ORG", is_subject=names_subject(tok))
        )
    return out


def _subject_behind_place(tok: Token) -> bool:
    """Whether ``tok`` is the real subject that the parser hung as an apposition on a place it took for the
    subject (``In Sharm el-Sheikh, Egypt, the Secretary-General spoke``: "Sheikh" subject, "Egypt" and the
    title appositions): the apposition stands just before the subject's verb, and a place does not speak."""
    top = tok
    while top.dep_ == "appos":
        top = top.head
    return (
        top is not tok
        and top.dep_ in ("nsubj", "nsubjpass")
        and top.ent_type_ in ("GPE", "LOC", "FAC")
        and tok.right_edge.i + 1 == top.head.i
    )


def _titled_subjects(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Sentence subjects that are a definite title (``The Secretary-General, as you all saw, spoke …``; ``To
    applause, the Chancellor defended …``): the person a later "he" or "she" refers to, resolved as the
    description it is, to the last holder of the title named before it, or kept as written when no one was. A
    name mentioned between them (inside a reported clause, say) is not what the pronoun refers to."""
    out = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_:
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass") and not _subject_behind_place(tok):
            continue
        phrase = noun_phrase(tok)
        words = [t for t in phrase if not t.is_punct]
        if len(words) < 2 or words[0].lower_ != "the" or tok.lower_ not in lex.titles:
            continue
        if _name_after_body_name(tok) is not None:
            continue  # "The president of the Dunmore Chamber of Commerce Ann Berg": the name is the subject
        out.append(
            Mention(phrase.text, phrase.start_char, phrase.end_char, "description", "PERSON", tok.lower_, None, True)
        )
    return out

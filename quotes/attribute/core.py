"""Attribute: find the cue and the source of each detected quote.

Input: a parsed ``Doc`` and detection ``Candidate`` spans.
Output: ``Attribution`` records and the document's ``Mention`` list, in plain character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Lexicon, lexicon
from ..detect import (
    NO_SPANS,
    QUOTE_CHARS,
    Candidate,
    Spans,
    according_name,
    according_to,
    channel_of,
    clause_subjects,
    conjoined,
    dashed_subject,
    heard_by_subject,
    impersonal,
    in_verb_series,
    inner_according,
    joint_outcome,
    joint_subject,
    paragraph_gap,
    passive_agent,
    relays_report,
    reporting_key,
    reporting_lemma,
    trailing_relay,
    word_before_verb,
)
from ..types import Attribution, Kind, Mention
from . import ranking
from .mentions import (
    PRONOUN_GENDERS,
    SUBJECTS,
    doc_text,
    document_mentions,
    entity_of,
    joint_mention,
    line_bounds,
    name_before_asides,
    person_from,
    proper_name,
    strip_titles,
    token_mention,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Labels by which a subjectless verb hangs off the verb whose subject it shares.
SHARED_SUBJECT = ("xcomp", "advcl", "conj", "pcomp", "acl", "prep", "ccomp")
#: Labels of a verb's auxiliaries, one of which may carry its tense (``has been won``).
AUXILIARIES = ("aux", "auxpass")
#: A transcript speaker label: capitalised name and a colon at the start of a quote.
_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z]):\s")
#: A dash after a closing mark that introduces a byline-style attribution.
_BYLINE = re.compile(r"[\s\u00a0]*[”\"’'»]?[ \t\u00a0]*(?:—|―|–|--?)[ \t\u00a0]*")
#: Characters that open a list item before a label ("• Biden: “…”").
BULLETS = ("•", "·", "-", "–", "—", "*", "▪", "‣")
#: Longest paragraph prefix, in characters, read as a ``Name, Outlet:`` label before a quote.
MAX_LABEL_CHARS = 120
#: Nouns that credit the words after a label's colon to whoever follows ``from``, ``by`` or ``of``
#: (``Quote from Berg: "…"``, ``Statement by the ministry: "…"``), as news sites set quotes apart.
CREDIT_NOUNS = ("quote", "quotation", "statement", "comment", "word", "remark", "message", "reaction")
#: Longest sentence, in tokens, read as the attribution of the quote just before it.
ATTRIBUTION_SENTENCE_TOKENS = 10
#: How many paragraphs back a quote with no cue of its own may inherit a speaker.
INHERIT_PARAGRAPHS = 1


def attribute(
    doc: Doc,
    candidates: list[Candidate],
    *,
    lex: Lexicon | None = None,
    furniture: Sequence[tuple[int, int]] = (),
) -> tuple[list[Attribution], list[Mention]]:
    """Attribute every candidate, in document order, and list the speaker mentions.

    A quote with no cue in its sentence takes the speaker of the quote just
    before it when that one is in the same or the previous paragraph (the
    second half of ``"…," he said. "…"``), or the cue of a sentence ending in a
    colon just before it. Page ``furniture`` (``detect.furniture``) holds no quote and names no speaker.
    """
    lex = lex or lexicon()
    out: list[Attribution] = []
    text = doc_text(doc)
    page = Spans.of(furniture)
    candidates = [c for c in candidates if not page.meets(c.start, c.end)]  # furniture holds no quote
    mentions = [m for m in document_mentions(doc, lex) if not page.meets(m.start, m.end)]  # nor a speaker
    turns = [c.start for c in candidates if c.turn]
    marked = Spans.of((c.start, c.end) for c in candidates if c.kind is Kind.DIRECT and not c.turn)  # utterances
    within_marks = Spans.of((c.start, c.end) for c in candidates if c.kind is not Kind.INDIRECT and not c.turn)
    parties = interview_parties(doc, min(turns), lex) if turns else {}
    asked: Attribution | None = None  # the last quote in marks kept, which may have asked someone a question
    for cand in sorted(candidates, key=lambda c: c.start):
        if cand.turn:  # a transcript turn: its label names the speaker, or the introduction does, or no one
            if cand.label is not None:
                label: Mention | None = _label_name(text, cand.label, lex)
            else:
                label = parties.get(cand.party or "") or _self_introduced(doc, cand)
            # "Q:" stands for the interviewer at the turn, named or not, unless the turn names its speaker itself
            shown = None if label is not None and cand.start <= label.start < cand.end else _marker(text, cand)
            out.append(
                Attribution(
                    cand.start, cand.end, cand.kind, mention=label, sourceless=label is None, turn=True, shown=shown
                )
            )
            continue
        att = _attribute_one(doc, cand, lex, marked, within_marks)
        if cand.kind is Kind.DIRECT:
            att = _answerer(att, asked, text)
        if att.misread:
            continue
        if att.joint and cand.kind is Kind.INDIRECT:
            continue  # "Moreau and Berg agreed to …": a joint outcome no source is named for (golden/README.md §1)
        if cand.kind is Kind.INDIRECT and _first_person(att.mention):
            continue  # "Like I said last night, we …": the speaker's own words again, inside a quote or a turn
        if att.mention is not None and page.meets(att.mention.start, att.mention.end):
            att = replace(att, mention=None)  # "date 2023-12-14 President … said": the stamp is no speaker
        unattributed = att.cue is None and att.mention is None and not att.sourceless
        if unattributed and cand.kind is Kind.MIXED and not _is_clause(doc, cand):
            att = replace(att, scare=True)  # quoted words in a sentence that attributes no speech act
        elif unattributed and cand.kind is not Kind.INDIRECT:
            prev = next((a for a in reversed(out) if not a.scare), None)  # a scare quote is no one's words
            own = _introduced_after(doc, cand, lex) if cand.kind is Kind.DIRECT else None
            apart = prev is None or paragraph_gap(text, prev.end, cand.start, page) > 0
            here = _narrated_before(doc, cand, lex, within_marks) if apart and cand.kind is Kind.DIRECT else None
            if own is not None and apart:
                att = replace(att, mention=own)  # "“It's a nightmare.” Anna Lee has waited six months …"
            elif here is not None:
                att = replace(att, mention=here)  # "Tomas Berg agrees. He pays $120 a week … “I would like …”"
            elif (
                prev is not None
                and prev.mention is not None
                and not prev.ranked  # a guess is not passed on as if a rule had named the speaker
                and paragraph_gap(text, prev.end, cand.start, page) <= INHERIT_PARAGRAPHS
            ):
                att = replace(att, cue=prev.cue, mention=prev.mention, via=prev.via)
            elif cand.kind is Kind.DIRECT and _whole_paragraph(text, cand):
                mention = _previous_paragraph_subject(doc, cand.start, lex, marked, page)
                thing = (
                    mention is not None
                    and mention.form == "pronoun"
                    and lex.pronouns.get(mention.text.lower()) == "institution"
                )
                if (
                    (mention is None or thing)
                    and prev is not None
                    and _goes_on_quoting(text, prev, cand, mentions, page)
                ):
                    att = replace(att, cue=prev.cue, mention=prev.mention, via=prev.via)
                elif mention is not None:
                    att = replace(att, mention=mention)
        if cand.cut and att.mention is None:
            continue  # words the end of the text cuts off, whose speaker neither they nor the paragraphs before name
        if att.mention is None and not (att.scare or att.sourceless):
            chosen = ranking.best(doc, cand.start, cand.end, mentions, out[-1].mention if out else None, lex)
            if chosen is not None:
                att = replace(att, mention=chosen, ranked=True)
        out.append(att)
        if att.kind is Kind.DIRECT:
            asked = att
    return out, mentions


#: Verbs whose object is the source and whose subject relays it ("Xinhua quoted Holt as saying", "citing officials").
QUOTING_VERBS = frozenset({"quote", "cite"})
#: Pronouns by which a quote's own speaker reports himself: such a report inside his quote or turn is his words
#: again, no report of someone else's (golden/dev/README.md, "Transcript turns").
FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def _first_person(mention: Mention | None) -> bool:
    """Whether a mention is a first-person pronoun (``I``, ``we``; not ``US`` for the United States)."""
    return (
        mention is not None
        and mention.form == "pronoun"
        and mention.text != "US"
        and mention.text.lower() in FIRST_PERSON
    )


def _label_name(text: str, span: tuple[int, int], lex: Lexicon) -> Mention:
    """The name a turn's label gives, its leading titles as the role (``LT. GEN. TOM BERG`` is Tom Berg, a
    lieutenant general); two words at least stay the name (``THE MODERATOR``)."""
    start, end = span
    words = list(re.finditer(r"\S+", text[start:end]))
    title = words[0].group().lower().rstrip(".") if len(words) == 1 else ""
    if title in lex.titles:  # "Mayor:": the mayor the page names, the title its own role
        return Mention(text[start:end], start, end, "description", "PERSON", role=title)
    k = 0
    while k < len(words) - 2 and words[k].group().lower() in lex.titles:
        k += 1
    if k == 0:
        return Mention(text[start:end], start, end, "name", "PERSON")
    rest = start + words[k].start()
    role = " ".join(w.group().lower() for w in words[:k])
    return Mention(text[rest:end], rest, end, "name", "PERSON", role=role)


def _marker(text: str, cand: Candidate) -> Mention | None:
    """The label of a turn that names no one (``Q``, ``A``, ``QUESTION``) as the mention shown at the turn."""
    if cand.marker is None:
        return None
    start, end = cand.marker
    return Mention(text[start:end], start, end, "description")


def _goes_on_quoting(text: str, prev: Attribution, cand: Candidate, mentions: Sequence[Mention], page: Spans) -> bool:
    """Whether a quote standing as a paragraph of its own goes on quoting the speaker of the quote before it, one
    paragraph of narration between them that names no one (``"…," Holt said.\n\nThis spring, it came on her
    birthday.\n\n"When the letter came, …"``)."""
    if prev.mention is None or prev.ranked or prev.kind is Kind.INDIRECT:
        return False
    if paragraph_gap(text, prev.end, cand.start, page) > INHERIT_PARAGRAPHS + 1:
        return False
    after = text.find("\n", prev.end)  # past the paragraph of the quote before, which names its own speaker
    return after >= 0 and not any(after <= m.start and m.end <= cand.start and m.label == "PERSON" for m in mentions)


def _self_introduced(doc: Doc, cand: Candidate) -> Mention | None:
    """The person a turn its label names no one for opens by introducing (``QUESTION: Jahanzaib Ali from ARY News.
    Former Prime Minister …``): a first sentence that is a person's name and no verb; None otherwise."""
    first = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    sent = first[0].sent
    name = next((e for e in sent.ents if e.start == first[0].i), None)
    if name is None or name.label_ != "PERSON" or any(t.pos_ in ("VERB", "AUX") for t in sent):
        return None
    return Mention(name.text, name.start_char, name.end_char, "name", "PERSON")


def interview_parties(doc: Doc, before: int, lex: Lexicon) -> dict[str, Mention]:
    """Who asks and who answers in a Q&A, from the introduction before its first turn (``before``).

    ``Reporter Chris O'Brien sat down with Governor Bill Lee``: the subject of an interview verb
    (``quotes/data/interview_verbs.tsv``) is the ``asker``, its object the ``answerer``, when both are
    named.
    """
    for sent in doc.sents:
        if sent.end_char > before:
            break
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in lex.interview_nouns:
                found = _event_parties(tok, lex)
                if found:
                    return found
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
            obj = None
            if lemma in lex.interview_verbs:
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                if " ".join([lemma, *particles, prep.lower_]) in lex.interview_verbs:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            out = {}
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            for party, head in (("asker", subject), ("answerer", obj)):
                mention = token_mention(head, lex) if head is not None else None
                if mention is not None and mention.form == "name":
                    out[party] = mention
            if len(out) == 2:  # both named: "Jen Psaki spoke to reporters" says nothing of who asks
                return out
    return {}


def _event_parties(event: Token, lex: Lexicon) -> dict[str, Mention]:
    """Who answers, and who asks when the text says so, from a noun naming the interview or press event
    (``interview_nouns.tsv``): the one who holds it (``Berg held a press conference``), the one whose it is
    (``Berg's briefing``, ``Berg's interview with Anna Holt``: Holt asks, unless only she has a title), the one it is
    with when it is no one's (``an interview with Berg``). Empty when a named party is missing or a pronoun's."""
    head = event.head
    if event.dep_ == "dobj" and head.lemma_.lower() in lex.holding_verbs:
        holder = next((c for c in head.children if c.dep_ == "nsubj"), None)
        named = _named_party(holder, lex)
        return {"answerer": named} if named is not None else {}
    owner = next((c for c in event.children if c.dep_ == "poss"), None)
    partner = next(
        (o for p in event.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"),
        None,
    )
    own, other = _named_party(owner, lex), _named_party(partner, lex)
    if owner is not None and own is None and not _outlet(owner):
        return {}  # "his interview with Holt": whose it is is a pronoun away
    if own is not None and other is not None:
        if other.role and not own.role:
            return {"asker": own, "answerer": other}  # "Holt's interview with Minister Berg"
        return {"asker": other, "answerer": own}
    answerer = own if own is not None else other
    return {"answerer": answerer} if answerer is not None else {}


def _named_party(tok: Token | None, lex: Lexicon) -> Mention | None:
    """The person a token names, when it is a name and no organisation's (the tagger may call a person's name
    a place: ``Anna Holt's`` as a facility)."""
    mention = token_mention(tok, lex) if tok is not None else None
    if mention is None or mention.form != "name" or tok is None or _outlet(tok):
        return None
    return mention


def _outlet(owner: Token) -> bool:
    """Whether whose an interview is names the publisher, not a party to it: ``our``, an organisation."""
    return owner.lower_ in ("our", "my") or owner.ent_type_ in ("ORG", "NORP")


def _is_clause(doc: Doc, cand: Candidate) -> bool:
    """Whether quoted words make a clause of their own (a finite verb with its subject inside the marks).

    ``But "now the battle has been won."`` is someone's utterance even with no cue in its
    sentence; ``a "mature" relationship`` or ``the term "white flag"`` is not.
    """
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    inside = range(span.start, span.end)
    return any(
        any(c.dep_ in SUBJECTS and c.i in inside for c in tok.children)
        and any(
            "Fin" in t.morph.get("VerbForm", []) for t in (tok, *(c for c in tok.children if c.dep_ in AUXILIARIES))
        )
        for tok in span
    )


def _attribute_one(
    doc: Doc, cand: Candidate, lex: Lexicon, marked: Spans = NO_SPANS, within_marks: Spans = NO_SPANS
) -> Attribution:
    """Cue, source and channel of one candidate, from its own sentence (no inheritance here)."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Attribution(cand.start, cand.end, cand.kind)
    inside = set(range(span.start, span.end))
    sents = _context_sentences(doc, span)
    according = _according(sents, inside)
    cue_tok: Token | None
    if cand.cue_token is not None:
        cue_tok = doc[cand.cue_token]
    else:
        cue_tok = _spoken_mark_cue(doc, span, lex) or _cue_for(span, sents, inside, lex)
        if cue_tok is None and cand.kind is Kind.MIXED:
            cue_tok = _belief_cue(span, lex)
    if cue_tok is None and according is None and cand.kind is Kind.DIRECT:
        cue_tok = _colon_cue(doc, span, lex)
    if cand.kind is not Kind.INDIRECT and _is_title(doc, span, lex):
        return Attribution(cand.start, cand.end, cand.kind, sourceless=True, scare=True)  # the name of a work
    label = _label_mention(doc, span) if cand.kind is not Kind.INDIRECT else None
    if label is None and cand.kind is Kind.DIRECT:
        label = _dash_byline(doc, span) or _colon_label(doc, span) or _caption_label(doc, span)
    if label is not None:
        return Attribution(cand.start, cand.end, cand.kind, mention=label)
    if cue_tok is not None and cue_tok.lower_ == "according":
        according, cue_tok = cue_tok, None
    via = None
    mention = None
    joint = False
    cue_text: str | None = None
    if according is None and cue_tok is not None:
        according = _earlier_according(doc, sents[0], cue_tok, lex)
    if cue_tok is not None:
        cue_text = _cue_phrase(cue_tok, lex)
        quoted_as = _quoted_as(cue_tok)
        if cand.kind is Kind.INDIRECT:
            subject = quoted_as or _speaker_token(cue_tok, lex)
            if subject is not None and quoted_as is None and _quoted(subject, within_marks):
                # "X, who said … some “thoughts,” also warned …": the parser made quoted words the subject
                subject = _subject_outside_quotes(cue_tok, within_marks) or subject
        else:
            subject = quoted_as or _source_of(cue_tok, span, inside, lex, marked, within_marks)
        if (
            cand.kind is Kind.INDIRECT
            and subject is not None
            and subject.ent_type_ == "PERSON"
            and subject.i in inside
            and subject.i < cue_tok.i
            and cue_tok.i not in inside
        ):
            # "Ann Holt, spokesperson for the Enough is Enough campaign, said …": "Holt … is Enough" read as the
            # clause said; what a person reports never holds that person (but an aside: "The plan, Holt said, …").
            # A subject of another kind found inside may be the parser's mistake rather than the clause's
            return Attribution(cand.start, cand.end, cand.kind, misread=True)
        if subject is not None and joint_subject(subject):
            if joint_outcome(cue_tok, lex) or not conjoined(subject):
                joint, subject = True, None  # agreed together, or a headline's pair: never one of them
            else:
                mention, subject = joint_mention(subject), None  # said together: the two speak as one source
        if subject is not None:
            mention = token_mention(subject, lex)
        elif mention is None and cand.kind is not Kind.INDIRECT and cue_tok.i >= span.end and not joint:
            mention = _inverted_description(cue_tok)  # "“…,” added the veteran leftist."
        quoting = subject is not None and subject.dep_ == "dobj" and subject.head.i == cue_tok.i
        if quoted_as is not None or quoting and cue_tok.lemma_.lower() in QUOTING_VERBS:
            reporter = _speaker_token(quoted_as.head.head, lex) if quoted_as is not None else _nearest_subject(cue_tok)
            if reporter is not None:
                via = token_mention(reporter, lex)  # "Xinhua quoted Holt as saying": Holt's words, via Xinhua
        elif cand.kind is Kind.INDIRECT and mention is not None:
            inner = _inner_reporter(span, lex)
            relayed = inner_according(span)
            if inner is not None:
                mention, via = token_mention(inner, lex), mention
            elif relayed is not None and (source := _according_object(relayed)) is not None:
                mention, via = token_mention(source, lex), mention  # "He said that according to X, …": X's, via him
                according = None if according is not None and according.i == relayed.i else according
            elif (relay := _relay(cue_tok, lex)) is not None:
                via = token_mention(relay, lex)  # "Berg said that …, Reuters reported": Berg's words, via Reuters
    if according is not None:
        src_tok = _according_object(according)
        src = token_mention(src_tok, lex) if src_tok is not None else None
        if src is not None:
            if (
                mention is None
                or _is_group(mention, lex)
                or lex.verbs.get(cue_tok.lemma_.lower() if cue_tok is not None else "") == "statement"
                and mention.form != "name"
            ):
                mention = src
                cue_text = "according to"
            elif src.start != mention.start:
                via = src
    joint = joint and mention is None  # unless a source is named for them ("…, according to the office")
    heard = mention is None and cue_tok is not None and heard_by_subject(cue_tok, lex)  # "“…,” she was told"
    asked = _asked(cue_tok, lex) if cue_tok is not None and cand.kind is Kind.DIRECT else None
    return Attribution(
        cand.start,
        cand.end,
        cand.kind,
        cue=cue_text,
        mention=mention,
        via=via,
        sourceless=joint or heard,
        joint=joint,
        hearer=token_mention(asked, lex) if asked is not None else None,
    )


#: Verbs of asking whose object is the one asked (``Holt asked the minister``), and of answering, whose pronoun
#: subject is the one asked just before (``“…,” he answered``).
ASKING = frozenset({"ask", "question", "press"})
ANSWERING = frozenset({"answer", "reply", "respond", "retort"})


def _asked(cue: Token, lex: Lexicon) -> Token | None:
    """The person a question is put to (``“…?,” Holt asked the minister``): the object of a verb of asking that may
    speak, or None."""
    if cue.lemma_.lower() not in ASKING:
        return None
    return next((c for c in cue.children if c.dep_ in ("dobj", "dative") and _may_speak(c, lex)), None)


def _answerer(att: Attribution, prev: Attribution | None, text: str) -> Attribution:
    """The attribution with the one asked as its source when its pronoun answers the question just before it
    (``“…?,” Holt asked Berg. “Not at all,” he answered.``): the pronoun stays the mention shown."""
    pronoun = att.mention
    if prev is None or prev.hearer is None or pronoun is None or pronoun.form != "pronoun" or not att.cue:
        return att
    if reporting_lemma(att.cue.split()[0].lower()) not in ANSWERING or paragraph_gap(text, prev.end, att.start) > 1:
        return att
    return replace(att, mention=prev.hearer, shown=pronoun)


def _may_speak(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun can name a source: a name or pronoun, a title, a body, an unnamed source's noun, a noun
    that names a person or a document (``officials``, ``a spokesman``, ``the dishwasher``, ``the report``), not a
    thing (``their track record``)."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ in ("PROPN", "PRON")
        or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or lemma in lex.titles
        or lemma in lex.body_heads
        or lemma in lex.anonymous_heads
        or lemma in lex.person_nouns
        or lemma in lex.nouns
    )


def _inner_reporter(clause: Span, lex: Lexicon) -> Token | None:
    """The named subject of a report inside a reported clause: in ``the ministry said
    Novak expressed his intention to …`` the words are Novak's, relayed by the ministry."""
    root = clause.root
    lemma = root.lemma_.lower()
    light = lemma in lex.light_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns and _has_content(c) for c in root.children
    )
    if not (light or lex.verbs.get(lemma) in ("speech", "statement") and _reports_content(root, lex)):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (subject.pos_ == "PROPN" or _definite_title(subject, lex)):
        return None
    return subject


def _definite_title(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun is a title with ``the`` (``the minister``, ``the mayor``): one holder the article names."""
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NN"
        and tok.lemma_.lower() in lex.titles
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def _relay(cue: Token, lex: Lexicon) -> Token | None:
    """Who relays a report whose whole clause a reporting verb after it reports (``Berg said that …, Reuters
    reported`` or ``…, reported Reuters``): that verb's subject, or the name after it; None otherwise."""
    verb = cue.head
    hung = next((c for c in cue.children if c.dep_ == "ccomp" and trailing_relay(c, lex) is not None), None)
    if hung is not None:
        verb = hung  # the relay parsed under the verb it relays: said → reported
    elif cue.dep_ != "ccomp" or verb.i <= cue.i or not relays_report(cue, lex):
        return None
    source = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if source is None:
        source = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return source if source is not None and source.pos_ == "PROPN" else None  # a name, as an agency's is


def _reports_content(verb: Token, lex: Lexicon) -> bool:
    """Whether a reporting verb carries what it reports: a clause (``said that …``), or ``to …`` after a verb of
    commitment or request (``pledged to …``, ``urged X to …``); ``would continue to work`` reports nothing."""
    lemma = verb.lemma_.lower()
    return any(
        c.dep_ == "ccomp" or c.dep_ == "xcomp" and (lemma in lex.commitments or lemma in lex.directive_verbs)
        for c in verb.children
    )


def _has_content(tok: Token) -> bool:
    """Whether a reporting word carries its own content clause (``intention to …``, ``said that …``)."""
    return any(c.dep_ in ("ccomp", "xcomp", "acl") for c in tok.children)


def _quoted_as(cue: Token) -> Token | None:
    """The object of ``quoting X as saying`` when ``cue`` is that ``saying``."""
    if cue.lemma_.lower() != "say" or cue.dep_ != "pcomp" or cue.head.lower_ != "as":
        return None
    for tok in cue.sent:
        if tok.lemma_.lower() in QUOTING_VERBS and tok.i < cue.i:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def _earlier_according(doc: Doc, sent: Span, cue: Token, lex: Lexicon) -> Token | None:
    """``According to X`` in an earlier sentence of the paragraph, for a plural subject here
    ("According to the office, the leaders agreed … They also pledged to “…”")."""
    subject = _speaker_token(cue, lex)
    if subject is None or subject.lower_ not in ("they", "both") and subject.tag_ not in ("NNS", "NNPS"):
        return None
    start = sent.start - 1
    while start > 0 and "\n" not in doc[start].text:
        prev = doc[start].sent
        found = _according([prev], set())
        if found is not None:
            return found
        start = prev.start - 1
    return None


def _context_sentences(doc: Doc, span: Span) -> list[Span]:
    """The sentences that the quote touches, plus a short attribution sentence right
    after its closing mark (``"…?" he asks.``)."""
    first = doc[max(span.start - 1, 0)].sent
    last = doc[min(span.end, len(doc) - 1)].sent
    sents = [first] if first == last else [first, last]
    if last.end < len(doc) and last.end == min(span.end + 1, len(doc)):
        nxt = doc[last.end].sent
        short = len(nxt) <= ATTRIBUTION_SENTENCE_TOKENS and "\n" not in doc[last.end - 1].text_with_ws
        if short and (nxt[0].is_lower or lexicon().verbs.get(nxt.root.lemma_.lower()) == "speech"):
            sents.append(nxt)
    return sents


def _cue_for(span: Span, sents: list[Span], inside: set[int], lex: Lexicon) -> Token | None:
    """The reporting verb of a marked quote: an ancestor of the quote, else the nearest outside it.

    A verb whose source would be a word inside the quote itself is skipped
    (``"… : We will win," Jordan said`` must not give "We").
    """

    def usable(tok: Token) -> bool:
        if tok.i in inside or not _reporting(tok, lex) or _marked_inside(tok, span):
            return False
        return _source_of(tok, span, inside, lex) is not None or _speaker_token(tok, lex) is None

    for anc in span.root.ancestors:
        if usable(anc):
            return anc
    candidates = [t for s in sents for t in s if usable(t) and not _reports_other_words(t, span)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.i - span.start), abs(t.i - (span.end - 1))))


def _noun_owner(noun: Token) -> Token | None:
    """Whose a reporting noun is: its owner (``his warning``) or the object of its "from" or "by" (``threats from
    Berg``, ``a declaration by Xi``); None."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _belief_cue(span: Span, lex: Lexicon) -> Token | None:
    """The verb of belief whose content clause holds a partial quote (``locals fear it is “the last straw”``,
    ``residents believe they will be “forgotten”``): the quoted words are the believers', as golden/README.md
    counts them, when a noun (not "it" or "there") believes them; None otherwise."""
    child = span.root
    for verb in span.root.ancestors:
        if child.dep_ == "ccomp" and verb.lemma_.lower() in lex.belief_verbs:  # "fear" is often tagged a noun
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return verb if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None
        child = verb
    return None


def _reports_other_words(verb: Token, span: Span) -> bool:
    """Whether a reporting verb beside a quote, in a sentence the parser ran on from the quote's, reports other
    words: a content clause of its own outside the quote, with nothing of the quote hanging on it. Either the verb
    comes after a quote that ends its sentence (``“… a great honour.” Tensions grew as the US pursued a strategy
    which it claims [intends to …]``) or its whole phrase comes before the quote (``“[…],” he said.“…,” Xi noted``)."""
    after = verb.i >= span.end and span.text.rstrip().endswith((".", "!", "?")) and verb.left_edge.i > span.start
    if not (after or verb.right_edge.i < span.start and _opens_sentence(span)):
        return False
    inside = range(span.start, span.end)
    own = [c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i not in inside and c.i not in inside]
    return bool(own) and not any(c.i in inside or c.right_edge.i in inside for c in verb.children)


def _opens_sentence(span: Span) -> bool:
    """Whether a quote opens a sentence: the text before its opening marks ends with a full stop, "!" or "?"."""
    text = doc_text(span.doc)
    k = span.start_char
    while k > 0 and (text[k - 1].isspace() or text[k - 1] in QUOTE_CHARS or text[k - 1] in "'’"):
        k -= 1
    return k > 0 and text[k - 1] in ".!?"


def _source_of(
    cue: Token, span: Span, inside: set[int], lex: Lexicon, marked: Spans = NO_SPANS, titles: Spans = NO_SPANS
) -> Token | None:
    """The source of a cue for a marked quote: its parsed subject unless that lies inside
    the quote, else a name written between the quote and the cue or just after the cue
    (``"…," Tulsa police Chief Chuck Jordan said`` when the parse misses the subject). A subject in marks after a cue
    that follows its quote (``titles``: every marked span) is a title, never the source (``“…,” Novak, an adviser,
    said on Fox News’s “Fox and Friends.”``, parsed with the show as the subject)."""
    source = _speaker_token(cue, lex)
    if source is not None and _is_mark(source, lex):
        source = None  # "«Bonjour», said Émile Zola": the tagger took the closing guillemet for the subject
    if source is not None and source.i > cue.i >= span.end and _quoted(source, titles):
        source = None
    if source is not None and source.i not in inside and _quoted(source, marked):
        source = _subject_outside_quotes(cue, marked)  # "“… we will …,” adding, “…”": the parse hung the cue inside
    if source is not None and source.i not in inside:
        return source
    if source is not None and (outside := next((c for c in _subjects(cue) if c.i not in inside), None)) is not None:
        return outside  # "“My reaction …,” Berg's former adviser said": the parser gave the cue the quote's subject too
    doc = cue.doc
    if cue.i >= span.end:
        window = list(range(span.end, cue.i)) + list(range(cue.i + 1, min(cue.i + 7, len(doc))))
    else:
        window = list(range(cue.i + 1, span.start))
    for i in window:
        if doc[i].ent_type_ in ("PERSON", "ORG") and i not in inside:
            ent = entity_of(doc[i])
            if ent is not None and not _channel_or_owner(ent):
                return ent.root
    return None


#: Prepositions whose object, next to a cue, is where or to whom words were said, never who said them (``said on
#: Channel Nine``, ``told to Radio West``, ``speaking at Dunmore Hall``); ``from`` and ``by`` may name the source.
CHANNEL_PREPOSITIONS = frozenset({"on", "in", "at", "to"})


def _channel_or_owner(ent: Span) -> bool:
    """Whether a name near a cue is where or whose, not who (``said on Channel Nine's "Morning Show"``): the object
    of a channel preposition, or a possessor."""
    root = ent.root
    channel = root.dep_ == "pobj" and root.head.lower_ in CHANNEL_PREPOSITIONS
    return channel or root.dep_ == "poss" or any(t.tag_ == "POS" for t in ent)


#: Longest description, in words, read after an inverted cue (``“…,” added the veteran leftist``).
MAX_INVERTED_WORDS = 5
#: Words that open a description read after an inverted cue: definite (``the veteran leftist``) or one unnamed
#: person (``“…,” lamented one female vendor``, which the parser makes the cue's object).
INVERTED_DETERMINERS = ("the", "a", "an", "one", "another")


def _inverted_description(cue: Token) -> Mention | None:
    """A description right after a cue that follows its quote, when the parse left the cue no subject
    (``“…,” added the veteran leftist.``, ``“…,” lamented a vendor.``): the words from its determiner to the next
    punctuation."""
    doc = cue.doc
    words = []
    for tok in doc[cue.i + 1 : cue.i + 2 + MAX_INVERTED_WORDS]:
        if tok.is_punct or tok.is_space or tok.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            break
        words.append(tok)
    lex = lexicon()
    head = words[-1] if words else None
    named = head is not None and (head.pos_ in ("NOUN", "PROPN") or head.lower_ in lex.epithets | lex.titles)
    if len(words) < 2 or words[0].lower_ not in INVERTED_DETERMINERS or not named:
        return None
    if words[-1].i + 1 < len(doc) and not (doc[words[-1].i + 1].is_punct or doc[words[-1].i + 1].is_space):
        return None  # the description must end the clause: "added the veteran leftist."
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Mention(doc_text(doc)[start:end], start, end, "description")


def _is_mark(tok: Token, lex: Lexicon) -> bool:
    """Whether a token is a quotation mark (``quotes/data/quote_marks.tsv``), whatever the tagger made of it."""
    return tok.is_quote or tok.text in lex.marks


def _quoted(tok: Token, marked: Spans) -> bool:
    """Whether a token lies inside one of the document's quotations (``marked``: their character spans)."""
    return marked.holds(tok.idx)


def _subject_outside_quotes(cue: Token, marked: Spans) -> Token | None:
    """The subject of the nearest verb above a cue that sits outside quotation marks, itself outside them."""
    node = cue
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if _quoted(node, marked):
            continue
        subject = next((c for c in node.children if c.dep_ in SUBJECTS and not _quoted(c, marked)), None)
        if subject is not None:
            return subject
    return None


def _marked_inside(tok: Token, span: Span) -> bool:
    """Whether a token sits between the quote's marks (the marks themselves are outside ``span``)."""
    return span.start - 1 <= tok.i <= span.end


def _reporting(tok: Token, lex: Lexicon) -> bool:
    key = reporting_key(tok, lex)
    if key is None:
        return False
    return key != "continue" or not any(c.dep_ in ("xcomp", "dobj") for c in tok.children)


def _spoken_mark_cue(doc: Doc, span: Span, lex: Lexicon) -> Token | None:
    """The reporting verb right before a quote whose opening mark is also spoken (``he said -- quote -- “…”``,
    ``said, quote, “…”``, as broadcast transcripts write it): that verb, whatever reports nearer after the quote."""
    marker = _word_before(doc, span.start)
    if marker is None or doc[marker].lower_ != "quote":
        return None
    verb = _word_before(doc, marker)
    return doc[verb] if verb is not None and _reporting(doc[verb], lex) else None


def _word_before(doc: Doc, i: int) -> int | None:
    """The index of the last token before ``i`` that is neither space nor punctuation (quotation marks included)."""
    i -= 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct or doc[i].is_quote):
        i -= 1
    return i if i >= 0 else None


def _colon_cue(doc: Doc, span: Span, lex: Lexicon) -> Token | None:
    """A reporting verb in the sentence just before a quote when it ends in a colon,
    in the same paragraph or the one before (``He said:`` then a block quote)."""
    before = span.start - 1
    while before >= 0 and (doc[before].is_space or doc[before].is_quote):
        before -= 1
    if before < 0 or doc[before].text != ":":
        return None
    sent = doc[before].sent
    verbs = [t for t in sent if _reporting(t, lex)]
    return verbs[-1] if verbs else None


def _dash_byline(doc: Doc, span: Span) -> Mention | None:
    """A person named after a dash that follows the closing mark (``"…" ― Jane Doe``); not a name that only
    modifies a noun after it, the start of a headline's own clause (``'…' – Dunmore towns clean up at …``)."""
    text = doc_text(doc)
    match = _BYLINE.match(text, span.end_char)
    if match is None:
        return None
    start = match.end()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start_char <= start < ent.end_char:
            root = ent.root
            if root.dep_ == "compound" and root.head.i >= ent.end and root.head.pos_ == "NOUN":
                return None
            return Mention(text[start : ent.end_char], start, ent.end_char, "name", "PERSON")
    return None


def _is_title(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """Whether a quote is a title or name: right after ``titled``, ``entitled``, ``named``…, or a proper name in
    title case where a noun phrase stands (``The “Dunmore Courier” reported``, ``told “Dunmore am Sonntag”:``,
    ``According to “Dunmore am Sonntag”``)."""
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space or doc[i].text == ","):
        i -= 1
    if i >= 0 and doc[i].lower_ in lex.title_cues:
        return True
    words = [t for t in span if not t.is_quote and not t.is_space]
    return i >= 0 and doc[i].lower_ in NAME_SLOTS and proper_name(words)


#: Words after which a proper name in quotation marks is a noun phrase (a newspaper, a programme), not words
#: said: an article, a preposition, a verb of telling whose object is the one told.
NAME_SLOTS = frozenset({"the", "to", "told", "tells", "telling", "in", "on", "by", "from", "of"})


def _colon_label(doc: Doc, span: Span) -> Mention | None:
    """A source named before a colon that opens the quote's paragraph, with no verb:
    ``Jane Doe, The Daily Planet: "…"`` (round-ups of reactions, Q&A, transcripts), ``• Biden: "…"``
    (a list item; the name need only be a person the tagger found elsewhere in the text)."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, span.start_char) + 1
    prefix = text[para_start : span.start_char].rstrip(" \t\"“«'‘„")
    if not prefix.endswith(":") or len(prefix) > MAX_LABEL_CHARS:
        return None
    label = doc.char_span(para_start, para_start + len(prefix) - 1, alignment_mode="contract")
    if label is not None and len(label) > 2 and label[0].lower_.removesuffix("s") in CREDIT_NOUNS:
        if label[1].lower_ in ("from", "by", "of"):  # "Quote from Berg:", "Statement by the council:"
            credited = label[2:]
            person = next((e for e in credited.ents if e.label_ == "PERSON"), None)
            return token_mention(person.root if person is not None else credited.root, lexicon())
    if label is None or len(label) == 0 or any(t.pos_ in ("VERB", "AUX") and t.text not in BULLETS for t in label):
        return None
    for wanted in ("PERSON", "ORG", "NORP", "GPE"):
        ent = next((e for e in label.ents if e.label_ == wanted), None)
        if ent is not None:
            return Mention(ent.text, ent.start_char, ent.end_char, "name", "PERSON" if wanted == "PERSON" else wanted)
    words = [t for t in label if not (t.is_punct or t.is_space or t.text in BULLETS)]
    named = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    if 0 < len(words) <= 3 and all(t.pos_ == "PROPN" for t in words) and words[-1].text in named:
        # "• Biden: “…,” he said": a name the tagger missed here, but a person it tagged elsewhere
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        return Mention(text[start:end], start, end, "name", "PERSON")
    return None


def _caption_label(doc: Doc, span: Span) -> Mention | None:
    """The person a caption line names just above a quote that is its whole paragraph, in brackets, as video
    scripts and photo essays credit a clip (``(Russian President Moreau)`` then ``"…"``), or before a dash and
    a role, as news sites credit a clip (``ACP Ann Berg – Officer-in-Charge, Crime`` then ``"…"``)."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, span.start_char) + 1
    if re.search(r"\w", text[para_start : span.start_char]) or span.start_char < 2:
        return None
    line_end = len(text[:para_start].rstrip())  # the end of the last line with words before the quote
    line_start = text.rfind("\n", 0, line_end) + 1
    line = text[line_start:line_end].strip()
    if len(line) > MAX_LABEL_CHARS or len(line) < 3:
        return None
    bracketed = (line[0], line[-1]) in (("(", ")"), ("[", "]"))
    credited = _CREDIT_LINE.match(line)  # "Chief Superintendent Ann Berg – South Central Police Station"
    if not (bracketed or credited):
        return None
    label = doc.char_span(line_start, line_end, alignment_mode="contract")
    if label is None or any(t.pos_ in ("VERB", "AUX") for t in label):
        return None
    named = (
        label
        if credited is None
        else doc.char_span(line_start, line_start + credited.end(1), alignment_mode="contract")
    )
    person = next((e for e in reversed(named.ents) if e.label_ == "PERSON"), None) if named is not None else None
    name = strip_titles(person, lexicon()) if person is not None else None  # "Superintendent Ann Berg"
    if name is None:
        return None
    return Mention(name.text, name.start_char, name.end_char, "name", "PERSON")


#: A line that credits the quote below it: a name (with its title) before a spaced dash, then the role.
_CREDIT_LINE = re.compile(r"([^–—\n]{3,60}?)\s+[–—-]\s+\S")


def _label_mention(doc: Doc, span: Span) -> Mention | None:
    """A transcript label opening the quote (``"PENCE: Well, …"``) as the speaker mention."""
    match = _LABEL.match(span.text)
    if match is None:
        return None
    name = match.group(1)
    start = span.start_char
    return Mention(name, start, start + len(name), "name", "PERSON")


def _according(sents: list[Span], inside: set[int]) -> Token | None:
    """The first ``according to`` outside the quote in the given sentences."""
    return next((tok for sent in sents if (tok := according_to(sent, skip=inside)) is not None), None)


def _according_object(according: Token) -> Token | None:
    """The source of ``according to X``; for ``according to a statement from X``, X."""
    to = according.nbor()
    for head in (to, according):
        obj = next((c for c in head.children if c.dep_ == "pobj"), None)
        if obj is not None:
            if (name := according_name(according, lexicon())) is not None:
                return name.root  # "according to the community leader, Ann Berg, …": the leader's name
            return _behind_document(obj)
    return None


def _behind_document(tok: Token) -> Token:
    """Who stands behind a statement-like noun: ``a statement from the ministry`` -> ministry; behind a
    count or figures, the name that made them: ``an AFP tally of official figures`` -> AFP."""
    lex = lexicon()
    if tok.lemma_.lower() in lex.evidence_nouns:
        maker = next((c for c in tok.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
        return maker if maker is not None else tok
    if tok.lemma_.lower() not in lex.nouns:
        return tok
    maker = _maker(tok)
    return maker if maker is not None else tok


def _maker(tok: Token) -> Token | None:
    """Who a document noun says made it: the object of its "from", "by" or "of", or its owner; None."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return next((c for c in tok.children if c.dep_ == "poss"), None)


def _speaker_token(verb: Token, lex: Lexicon) -> Token | None:
    """The source of a reporting verb: its subject, the object of ``quote``/``cite``,
    the possessor of a reporting noun, or the subject of the verb it depends on."""
    if verb.pos_ == "NOUN":
        if not (verb.dep_ == "dobj" and verb.head.lemma_.lower() in lex.light_verbs):
            owner = _noun_owner(verb)
            if owner is not None:
                return owner
        verb = verb.head
    if (absolute := _with_absolute(verb)) is not None:
        return absolute
    if heard_by_subject(verb, lex) or impersonal(verb):
        return passive_agent(verb)  # "she was told by doctors that …", "it was announced by X that …": the agent
    if (document := _document_before_participle(verb, lex)) is not None:
        return _behind_document(document)  # "a letter from Tomas Berg alleging …": Berg
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        if node.lemma_.lower() in QUOTING_VERBS:
            obj = next((c for c in node.children if c.dep_ == "dobj"), None)
            if obj is not None and _may_speak(obj, lex):
                return obj  # "citing officials", "quoted a spokesman": the source; not "citing their record"
        subj = _nearest_subject(node)
        if subj is not None and (named := _name_before_apposition(subj, node, lex)) is not None:
            return named
        if subj is not None and _what_is_said(subj, node) and node.head.i != node.i:
            node = node.head  # "He had this to say, …": the words are what "this" is, the speaker is he
            continue
        if subj is not None and subj.lower_ in ("that", "which", "who") and node.dep_ == "relcl":
            if node is not verb and not _reporting(node, lex):
                return None  # "the deaths that resulted from … but also urged …": a report the parser joined to
                # a clause about something else; the deaths said nothing
            described = node.head
            if described.dep_ == "appos" and described.head.ent_type_ == "PERSON":
                return described.head  # "Tomas Berg, an opposition leader who has called for …": Berg
            return described  # "a letter that says …" -> the letter
        if subj is not None and subj.lower_ == "who" and node.dep_ == "conj" and node.head.dep_ == "relcl":
            return node.head.head  # "drivers, who walked out on Monday and who say …": the drivers
        if subj is not None and subj.dep_ == "csubj" and subj.tag_ == "VBG":
            return _named_after_participle(subj)
        if subj is not None and (maker := _statement_maker(subj, node, lex)) is not None:
            return maker  # "the ministry made a statement saying …" (parsed as the statement's saying): the ministry
        if subj is not None:
            return _before_ticker(subj)
        if (agent := passive_agent(node)) is not None:
            return agent
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            if node.head.lemma_.lower() in lex.nouns:  # "released a statement saying …": the statement's owner
                return _speaker_token(node.head, lex)  # None when nobody is said to have made it
            if node.head.lemma_.lower() in lex.interview_nouns and node.head.dep_ == "pobj":
                node = node.head.head.head  # "she said at a news conference announcing …": who spoke there
                continue
            if not _thing_given(node.head, lex):
                return node.head  # "footage of Clinton asking, '…'"
            node = node.head.head  # "He provided a rare detail, stating that …": whoever provided it
            continue
        if (node.dep_ in SHARED_SUBJECT or in_verb_series(node)) and node.head.i != node.i:
            joined, node = node, node.head
            if node.dep_ == "ccomp" and (_reporting(node.head, lex) or _tense_apart(joined, node)):
                node = node.head  # "Xi said a lot had happened, telling …": the reporter, not the report's subject
            continue
        return None
    return None


def _tense_apart(verb: Token, head: Token) -> bool:
    """Whether a past-tense verb the parser joined to a clause's modal verb belongs with the verb above that clause
    (``Holt hoped a cut would give relief and urged the banks to act``: "urged" cannot share "would"; Holt urged)."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and head.tag_ == "VB" and modal and head.head.tag_ == "VBD"


def _name_before_apposition(subj: Token, verb: Token, lex: Lexicon) -> Token | None:
    """The person named first in a sentence whose apposition, set off by commas up to the verb, holds the subject
    the parser gave the verb (``Ann Holt, spokesperson for the Enough is Enough campaign, which organised the
    protest, said …``: a body's name read as a clause, "campaign" its subject). The apposition must open with a
    title or a word for a person; a subject the parser read right (the name itself) is left alone."""
    doc = verb.doc
    sent = verb.sent
    if verb.i < 2 or doc[verb.i - 1].text != "," or subj.ent_type_ == "PERSON":
        return None
    ent = person_from(doc, sent.start)
    if ent is None or ent.end >= verb.i - 1:
        return None
    if doc[ent.end].text != "," or not ent.end < subj.i < verb.i - 1:
        return None
    role = next((t for t in doc[ent.end + 1 : verb.i] if t.pos_ != "DET"), None)
    if role is None or not (role.lower_ in lex.titles or role.lower_ in lex.person_nouns):
        return None
    return ent.root


def _document_before_participle(verb: Token, lex: Lexicon) -> Token | None:
    """The document a reporting participle follows when the parser hung the participle on the sentence's verb
    (``a mistake led to a string of reports last week wrongly saying …``: the reports claim, not the mistake):
    a document noun (``document_heads.tsv``) just before it, with only adverbs and a time phrase between, or with
    its writer after "from" or "by" (``received a letter from Tomas Berg alleging …``)."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.i > verb.i:
        return None
    k = verb.i - 1
    while k > verb.head.i and (
        verb.doc[k].dep_ in ("advmod", "npadvmod", "det") or verb.doc[k].ent_type_ in ("DATE", "TIME")
    ):
        k -= 1
    noun = verb.doc[k]
    if noun.dep_ == "pobj" and noun.head.lower_ in ("from", "by") and noun.head.head.i < noun.i:
        noun = noun.head.head  # "received a letter from senior advocate Tomas Berg alleging …": the letter
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.document_heads or noun.i == verb.head.i:
        return None
    return noun


def _statement_maker(subj: Token, verb: Token, lex: Lexicon) -> Token | None:
    """Who made a statement that the parser made the subject of a reporting participle (``the Ministry made
    [an official statement] … saying``): the subject of the light verb the participle hangs on, when the statement
    has no owner of its own (``the ministry's statement saying`` is the ministry's through its possessor)."""
    light = verb.head
    if (
        subj.lemma_.lower() not in lex.nouns
        or any(c.dep_ == "poss" for c in subj.children)
        or verb.tag_ != "VBG"
        or light.i == verb.i
        or light.lemma_.lower() not in lex.light_verbs
    ):
        return None
    return _nearest_subject(light)


#: Words that stand for what is said in "had this to say", "had much to say", "had nothing to add".
_SAID_WORDS = ("this", "that", "these", "those", "much", "little", "something", "nothing", "plenty", "more")


def _what_is_said(subj: Token, verb: Token) -> bool:
    """Whether a subject the parser gave an infinitive is what is said, not who says it ("He had [this] to say")."""
    return subj.lower_ in _SAID_WORDS and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _noun_just_before(verb: Token) -> Token | None:
    """The subject of a finite verb the parser left without one, when a noun stands right before it (``Dunmore
    Library has not been marked for closure but town councillors said …``, parsed with the councillors joined to
    "closure"): a noun before a finite verb is its subject."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)
    if not finite or verb.i == 0:
        return None
    noun = word_before_verb(verb)  # "… the Dunmore Nurses Organisation (DNO) has claimed": the name, not "has"
    if noun is None:
        return None
    setting = noun.dep_ in ("pobj", "npadvmod") or noun.ent_type_ in ("DATE", "TIME")  # "officials in the last few
    # days urged", "on Tuesday said": a time or a preposition's object is where or when, not who
    if noun.pos_ not in ("NOUN", "PROPN") or noun.head.i == verb.i or noun.dep_ in ("compound", "poss") or setting:
        return None
    return noun


def _name_between_commas_after(verb: Token) -> Token | None:
    """The person named right after a verb the parser left with no subject, between the comma before the verb and
    one after the name (``As the fire raged, said Ms Holt, a man walked …``: the parser made Holt the subject of
    "walked"): the inverted subject of an aside."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text != ",":
        return None
    ent = person_from(doc, verb.i + 1)
    if ent is None or ent.end >= len(doc):
        return None
    return ent.root if doc[ent.end].text == "," else None


def _subject_read_as_compound(verb: Token) -> Token | None:
    """The subject the tagger hid in a compound (``The cook chuckles and says``): "cook" made a compound of the
    verb "chuckles", or of "chuckles" read as a plural noun that "says" is joined to. The noun right before the
    misread word, after a determiner, is the subject."""
    plural = verb.dep_ == "conj" and verb.head.tag_ == "NNS" and verb.head.i < verb.i
    misread = verb.head if plural else verb
    if misread.i == 0:
        return None
    noun = verb.doc[misread.i - 1]
    article = verb.doc[noun.i - 1] if noun.i else None
    determined = article is not None and article.dep_ == "det" and article.head.i in (noun.i, misread.i)
    return noun if noun.dep_ == "compound" and noun.head.i == misread.i and noun.pos_ == "NOUN" and determined else None


def _subjects(verb: Token) -> list[Token]:
    """The subjects the parser gave a verb, its own first (``detect.clause_subjects``)."""
    return clause_subjects(verb, SUBJECTS)


def _nearest_subject(verb: Token) -> Token | None:
    """A verb's subject; of two the parser gave it, a name next to it (``INMO General Secretary
    Ann Ní Bhriain said``, where the tagger cut the union's acronym off as a subject of its own: the secretary, not
    the union). A second subject that is no name stays second (``your advisors, all of them, are saying``)."""
    subjects = _subjects(verb)
    if not subjects:
        return (
            dashed_subject(verb)
            or _noun_just_before(verb)
            or _subject_read_as_compound(verb)
            or _name_between_commas_after(verb)
            or name_before_asides(verb)
        )
    before = sorted((c for c in subjects if c.i < verb.i), key=lambda c: c.i)
    return before[-1] if len(before) > 1 and before[-1].pos_ == "PROPN" else subjects[0] if subjects else None


def _before_ticker(subject: Token) -> Token:
    """The company named before a bracketed ticker the parser took for the subject (``Dunmore Foods [JSE:DNF]
    said …``: Dunmore Foods, not JSE); the subject itself otherwise."""
    doc = subject.doc
    first, last = subject.left_edge.i, subject.right_edge.i
    opened = first >= 2 and doc[first - 1].text in ("[", "(")
    closed = doc[last].text in ("]", ")") or last + 1 < len(doc) and doc[last + 1].text in ("]", ")")
    bracketed = opened and closed
    return doc[first - 2] if bracketed and doc[first - 2].pos_ == "PROPN" else subject


def _named_after_participle(clause: Token) -> Token | None:
    """The person a fronted participle clause leads to when the parser made the clause the subject
    (``[Speaking to the Herald], Anton Berg, a parent, disclosed …``: Berg hangs in the clause as an
    apposition); None when it names nobody (a clause is never a speaker)."""
    return next((t for t in clause.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"), None)


def _with_absolute(verb: Token) -> Token | None:
    """The person of an absolute ``with X -ing`` (``began with President Moreau telling Russians: …``)."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.ent_type_ == "PERSON" and before.dep_ == "pobj" and before.head.lower_ == "with":
        return before
    return None


def _thing_given(noun: Token, lex: Lexicon) -> bool:
    """Whether a common noun is a thing someone provides, not a source (``a rare detail``), as the object of
    a verb: no named entity, no title, epithet or word for anonymous sources (``official``, ``residents``)."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and not noun.ent_type_
        and lemma not in lex.titles
        and lemma not in lex.epithets
        and lemma not in lex.anonymous_heads
    )


def _cue_phrase(verb: Token, lex: Lexicon) -> str:
    """The reporting word plus its particle, audience or channel (``wrote on social media``)."""
    doc = verb.doc
    keep = {verb.i}
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in ("prt", "oprd", "acomp") and f"{verb.lemma_.lower()} {c.lower_}" in lex.verbs:
            keep.add(c.i)
        elif c.dep_ == "prt":
            keep.add(c.i)
        elif c.dep_ in ("dobj", "dative") and c.text in lex.channels:
            keep.add(c.i)
        elif c.dep_ == "prep" and c.i == max(keep) + 1 and (obj := channel_of(c, lex)) is not None:
            keep.update(range(c.i, obj.i + 1))  # only right after: "urged [an inquiry] in a statement" is "urged"
    last = max(keep)
    if last - verb.i > 6:
        keep = {i for i in keep if i - verb.i <= 6}
        last = max(keep)
    tokens = [doc[i] for i in range(verb.i, last + 1)]
    return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _is_group(mention: Mention, lex: Lexicon) -> bool:
    """A plural source ("the two leaders", "they", "Berg and Novak")."""
    words = mention.text.lower().split()
    if mention.form == "pronoun":
        return lex.pronouns.get(words[0], "") == "group" if words else False
    return bool(words) and (words[-1].endswith("s") and mention.form == "description" or " and " in mention.text)


def _whole_paragraph(text: str, cand: Candidate) -> bool:
    """Whether a quote is its paragraph: only marks, spaces and punctuation around it."""
    start, stop = line_bounds(text, cand.start, cand.end)
    return not re.search(r"\w", text[start : cand.start] + text[cand.end : stop])


def _narrated_before(doc: Doc, cand: Candidate, lex: Lexicon, marked: Spans) -> Mention | None:
    """The person the writer's own sentences just before a quote in its paragraph are about: the subject of the
    last of them, a named person or a he/she, outside quoted words.

    ``Tomas Berg agrees. He pays $120 a week to fill his truck. “I would like the governor to step in.”`` is, by
    news convention, Berg's quote, not the previous paragraph's speaker's (the paragraph's own source first).
    """
    text = doc_text(doc)
    start, _ = line_bounds(text, cand.start, cand.end)
    span = doc.char_span(start, cand.start, alignment_mode="contract")
    words = [t for t in span or () if t.is_alpha]
    if not words:
        return None
    sent = words[-1].sent  # the quote's own sentence ("But Berg wondered, “…”") or the one before it
    if _quoted(sent[0], marked) or sent.root.idx >= cand.start:
        return None
    subject = next((t for t in sent.root.children if t.dep_ in SUBJECTS), None)
    if subject is None or _quoted(subject, marked):
        return None
    named = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    subject = named if named is not None and subject.ent_type_ != "PERSON" else subject  # "The officer, Ann Berg,"
    if subject.lower_ not in PRONOUN_GENDERS and subject.ent_type_ != "PERSON":
        return None  # "The drive takes an hour. “…”": no one the paragraph is about
    return _personal(token_mention(subject, lex))


def _personal(mention: Mention | None) -> Mention | None:
    """The mention when it names a person or is a pronoun (whom resolution gives one), else None."""
    return mention if mention is not None and (mention.label == "PERSON" or mention.form == "pronoun") else None


def _introduced_after(doc: Doc, cand: Candidate, lex: Lexicon) -> Mention | None:
    """The person a paragraph opening with a quote introduces right after it: the named subject of the next sentence.

    ``“We lost half our customers.” Tom Brown, who runs the shop next door, has seen the same.``
    is, by feature-writing convention, Tom Brown's quote, not the previous paragraph's speaker's.
    """
    text = doc_text(doc)
    start, stop = line_bounds(text, cand.start, cand.end)
    if re.search(r"\w", text[start : cand.start]):
        return None  # the quote does not open its paragraph
    span = doc.char_span(cand.end, stop, alignment_mode="contract")
    if span is None:
        return None
    tok = next((t for t in span if not t.is_punct and not t.is_space and not t.is_quote), None)
    if tok is None or tok.sent.start != tok.i:
        return None  # no sentence of its own follows the quote
    root = tok.sent.root
    subject = next((t for t in root.children if t.dep_ in SUBJECTS), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return None
    mention = token_mention(subject, lex)
    return mention if mention is not None and mention.label == "PERSON" else None


def _previous_paragraph_subject(
    doc: Doc, offset: int, lex: Lexicon, marked: Spans = NO_SPANS, page: Spans = NO_SPANS
) -> Mention | None:
    """The named person who is the subject of the last sentence of the paragraph before ``offset`` (or whose
    ``his``/``her`` opens it: ``Her customers see it too``; or whom it opens by: ``For Anna Holt, …``), unless
    that subject is inside quoted words (``"… You can't expect me …"``: someone's words, not the writer's
    sentence about a person).

    A quote standing as a paragraph of its own, with no cue, is by news
    convention the words of the person the previous paragraph was about.
    """
    text = doc_text(doc)
    end = text.rfind("\n", 0, offset)
    while end > 0 and (text[end - 1].isspace() or page.holds(end - 1)):
        end -= 1  # past blank lines and page furniture (a photo caption between two paragraphs)
    if end <= 0:
        return None
    tok = doc.char_span(end - 1, end, alignment_mode="expand")
    if tok is None:
        return None
    sent = tok[0].sent
    topic = sent[0] if sent[0].lower_ == "for" else None  # "For Anna Holt, working two jobs, …": the one it is about
    person = next((c for c in topic.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"), None) if topic else None
    if person is not None and not _quoted(person, marked):
        return token_mention(person, lex)
    subject = _nearest_subject(sent.root) if _subjects(sent.root) else None  # "co - leader Ana Holt-Berg was …"
    if subject is not None and subject.lower_ == "it":  # "Holt has worked there for 20 years; it is due to close"
        subject = next((t for t in sent if t.dep_ in SUBJECTS and t.ent_type_ == "PERSON" and t.i < subject.i), None)
    if subject is None or _quoted(subject, marked):
        return None
    mention = token_mention(subject, lex)
    if mention is not None and mention.label != "PERSON" and mention.form != "pronoun":
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in PRONOUN_GENDERS), None)
        if owner is not None:  # "Her customers see it too.\n\n“I couldn't serve a customer …”": hers
            return token_mention(owner, lex)
        people = (token_mention(c, lex) for c in subject.conjuncts if not _quoted(c, marked))
        named = next((p for p in people if p is not None and p.label == "PERSON" and p.form == "name"), None)
        if named is not None:  # "Dunmore Ferries and its owner Tomas Berg presented …": the one who speaks
            return named
    return _personal(mention)

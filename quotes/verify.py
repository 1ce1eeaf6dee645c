"""Verify: is a claimed quote in the sources, in those words, from that speaker?

Input: a claim (a quote, with or without marks and attribution) or a draft, and ``Sources``
(quotes extracted from paths, or a ``store.Index``). Output: ``Verdict`` records.

The verdict comes from pure functions over candidate renderings: ``assess`` lines a claim
up with one rendering (word diff, similarity, meaning flags from ``quotes.diverge``),
``speaker_agrees`` compares the claimed speaker with the rendering's, and ``decide`` picks
the outcome from all renderings.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from .config import Settings, lexicon
from .diverge import compare_texts, content_words, word_diff
from .errors import InputError
from .types import (
    DiffOp,
    Evidence,
    Extraction,
    Flag,
    Kind,
    Outcome,
    Quote,
    Rendering,
    Speaker,
    SpeakerKind,
    Verdict,
)

#: Renderings fetched per claim before scoring. Enough to hold every outlet's version of a
#: remark plus near misses; the index returns them best bm25 first.
CANDIDATES = 40
#: Candidates lined up word by word with the claim: those sharing the most of its words.
#: Every outlet's rendering of one remark shares most words with a claim of it, so the
#: few best are enough; lining up is the costly step.
ASSESSED = 12
#: Rendering words kept beyond the claim's own in a replacement at the edge of the matched
#: part: room for a longer wording of the same words (``is rising`` / ``has risen even further``).
EDGE_SLACK = 2
#: Smallest similarity (rapidfuzz ratio 0-100 of the claim's words against the words of the
#: rendering they line up with) for a rendering to count as found. Calibrated on the held-back
#: claims of tests/test_verify.py: fabricated claims that share phrases with real quotes
#: score at most 40, real quotes with a changed number, negation or clause 83 and more,
#: other outlets' translations of a remark 61 to 96.
FOUND_CUTOFF = 60
#: Smallest similarity for a rendering whose only differences are wording (no change of
#: meaning) to be ``close``; below it the wording differs too much to call it the same quote.
#: Other outlets' translations of one remark score 70-95 in the claims of tests/test_verify.py.
CLOSE_CUTOFF = 70
#: Fewest words left after splitting an attribution off a claim (``Smith said we will win``);
#: with fewer the claim is more likely a sentence about someone than a report of words.
MIN_REPORTED_WORDS = 3
#: Content words a rewording may change (left out plus put in) and still be ``close``, or
#: ``MINOR_SHARE`` of the claim's content words when that is more. Calibrated on the claims
#: of tests/test_verify.py: one outlet's translation against another's changes 1-4
#: (``true``/``real``, ``is rising``/``has risen even further``); a clause swapped for
#: another changes 6 or more.
MINOR_WORDS = 4
MINOR_SHARE = 0.25
#: Flags of ``quotes.diverge.compare_texts`` that change what a quote means.
MEANING_FLAGS = frozenset({"negation", "number", "modality", "omission", "addition", "person_shift"})


class ReportFormat(StrEnum):
    """Output formats of ``quotes verify`` and ``quotes check``."""

    TABLE = "table"
    JSON = "json"


_WORD = re.compile(r"\w+(?:['’]\w+)*")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_ORDER = {
    Outcome.VERBATIM: 4,
    Outcome.CLOSE: 3,
    Outcome.DIVERGENT: 2,
    Outcome.MISATTRIBUTED: 1,
    Outcome.NOT_FOUND: 0,
}
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})


class Sources(Protocol):
    """Where claims are looked up: ``Corpus`` (extracted paths) or ``store.Index``."""

    def candidates(self, claim: str, *, limit: int = CANDIDATES) -> list[Rendering]:
        """Renderings that may render ``claim``, most likely first."""
        ...

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speaker records whose name contains the words of ``name``."""
        ...

    def close(self) -> None:
        """Release what the sources hold (a database connection)."""
        ...


class Corpus:
    """Sources held in memory: the quotes of extracted documents."""

    def __init__(self, extractions: Iterable[Extraction]) -> None:
        from .store import interrupted, rendering

        self.extractions = list(extractions)
        self._renderings: list[Rendering] = []
        self._speakers: list[Speaker] = []
        for ex in self.extractions:
            records = {s.id: s for s in ex.speakers}
            self._speakers.extend(ex.speakers)
            seen: set[tuple[int, int]] = set()
            for q in ex.quotes:
                for parts in interrupted(q, ex.quotes):
                    key = (parts[0].start, parts[-1].end)
                    if key not in seen:
                        seen.add(key)
                        self._renderings.append(rendering(parts, records))
        self._norms = [normalize(r.text) for r in self._renderings]

    @classmethod
    def from_paths(
        cls, paths: Iterable[str | Path], *, settings: Settings | None = None, speakers: Path | None = None
    ) -> Corpus:
        """Extract the quotes of files and folders (see ``pipeline.extract_corpus``)."""
        from .pipeline import extract_corpus

        return cls(extract_corpus(paths, settings=settings, speakers=speakers))

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release."""

    def candidates(self, claim: str, *, limit: int = CANDIDATES) -> list[Rendering]:
        """The renderings nearest the claim by rapidfuzz token-set similarity."""
        from rapidfuzz import fuzz, process

        query = normalize(claim)
        if not query or not self._norms:
            return []
        hits = process.extract(query, self._norms, scorer=fuzz.token_set_ratio, limit=limit)
        return [self._renderings[i] for _, _, i in hits]

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speaker records sharing a word with ``name``."""
        words = {w for w in _words(name) if len(w) > 1}
        return [s for s in self._speakers if words & set(_words(s.name))]


def open_sources(
    *,
    against: Sequence[str | Path] = (),
    db: str | Path | None = None,
    settings: Settings | None = None,
    speakers: Path | None = None,
) -> Sources:
    """Sources from paths (extracted now) or from an index file, exactly one of them.

    Raises:
        InputError: both or neither were given.
        StoreError: the index cannot be opened.
    """
    if against and db is not None:
        raise InputError("give --against PATH... or --db FILE, not both")
    if against:
        return Corpus.from_paths(against, settings=settings, speakers=speakers)
    if db is None:
        raise InputError("nothing to verify against; give --against PATH... or --db FILE")
    from .store import Index

    return Index(db)


# -- claims --------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w.translate(_FOLD).lower() for w in _WORD.findall(text)]


def normalize(text: str) -> str:
    """Words only, lowercased, apostrophes unified, one space apart: what verbatim compares.

    >>> normalize("“In today’s world,” ")
    "in today's world"
    """
    return " ".join(_words(text))


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Inflected forms of the reporting verbs of ``quotes/data/reporting_verbs.tsv``."""
    irregular = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke", "tweet": "tweeted"}
    forms: set[str] = set()
    for lemma, kind in lexicon().verbs.items():
        if " " in lemma or kind != "speech":
            continue
        forms.update({lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d"})
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
        if lemma in irregular:
            forms.add(irregular[lemma])
    return frozenset(forms)


_LEAD = re.compile(r"^(?:according to\s+(?P<acc>[^,]{2,80}),\s*)(?P<rest>.+)$", re.I | re.S)
_TRAIL = re.compile(r"^(?P<rest>.+?)[,;]\s+(?P<tail>[^,;]{2,80}?)[.!?]?\s*$", re.S)


def parse_claim(claim: str) -> list[tuple[str, str | None]]:
    """What a claim quotes and whom it names, as alternatives to try, most literal first.

    Words in quotation marks are the quote (``Lima called it "reckless"`` claims the word
    reckless, from Lima). Without marks, a leading or trailing attribution (``X said
    (that) …``, ``…, X said``, ``According to X, …``) is split off as a second reading;
    the whole claim is always a reading too.

    >>> parse_claim('“We will win,” Smith said.')
    [('We will win,', 'Smith')]
    >>> parse_claim('Smith said that we will win')
    [('we will win', 'Smith'), ('Smith said that we will win', None)]
    """
    from .detect import find_marked

    text = claim.strip()
    if not text:
        return [("", None)]
    marked, _ = find_marked(text)
    if marked:
        quoted = " ".join(text[c.start : c.end] for c in marked)
        outside = text
        for c in sorted(marked, key=lambda c: c.start, reverse=True):
            outside = outside[: max(0, c.start - 1)] + " … " + outside[c.end + 1 :]
        return [(quoted, _speaker_in(outside))]
    out: list[tuple[str, str | None]] = []
    split = _split_attribution(text)
    if split is not None:
        out.append(split)
    out.append((text, None))
    return out


def _split_attribution(text: str) -> tuple[str, str | None] | None:
    """``(reported words, speaker)`` when the claim opens or closes with an attribution."""
    forms = _speech_forms()
    lead = _LEAD.match(text)
    if lead:
        return lead.group("rest").strip(), _name(lead.group("acc"))
    words = list(re.finditer(r"\S+", text))
    for k in range(1, min(8, len(words))):
        if words[k].group().strip(",:").lower() not in forms:
            continue
        who = text[: words[k].start()].strip()
        if not _subject_like(who):
            return None
        after = [w.group().lower() for w in words[k + 1 : k + 4]]
        j = k + 1 + after.index("that") + 1 if "that" in after else k + 1
        if len(words) - j < MIN_REPORTED_WORDS:
            return None
        return text[words[j].start() :].strip(), _name(who)
    trail = _TRAIL.match(text)
    if trail:
        tail = trail.group("tail").split()
        if 2 <= len(tail) <= 6 and any(t.lower() in forms for t in tail[-3:] + tail[:1]):
            verb_at = next(i for i, t in enumerate(tail) if t.lower() in forms)
            who = " ".join(tail[:verb_at] or tail[verb_at + 1 :])
            return trail.group("rest").strip(), _name(who)
    return None


_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "van", "von", "al", "bin"})


def _subject_like(who: str) -> bool:
    """Whether words before a reporting verb can be its subject: a pronoun, a name (capitalised
    words and connectors: ``Brazil's Ministry of Finance``) or a description opening with an
    article (``the finance ministry``)."""
    words = who.split()
    if not words or len(words) > 7:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if words[0].lower() in ("the", "a", "an"):
        return len(words) > 1 and words[1].lower() not in _PRONOUNS
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words) and words[0].lower() not in _PRONOUNS


def _speaker_in(outside: str) -> str | None:
    """The speaker named by the words around a claim's quotation marks."""
    forms = _speech_forms()
    words = outside.replace("…", " ").split()
    for k, w in enumerate(words):
        if w.strip(",.:;").lower() in forms:
            before = words[max(0, k - 4) : k]
            after = words[k + 1 : k + 5]
            for side in (before, after):
                name = _name(" ".join(_capitalised_run(side, from_end=side is before)))
                if name:
                    return name
    according = re.search(r"according to\s+([^,.]+)", outside, re.I)
    if according:
        return _name(according.group(1))
    run = _capitalised_run(words[:5], from_end=False)
    return _name(" ".join(run))


def _capitalised_run(words: list[str], *, from_end: bool) -> list[str]:
    seq = list(reversed(words)) if from_end else words
    run: list[str] = []
    for w in seq:
        bare = w.strip(",.:;“”\"'‘’")
        if bare[:1].isupper() or (run and bare.lower() in ("of", "for")):
            run.append(bare)
        elif run:
            break
    return list(reversed(run)) if from_end else run


def _name(who: str) -> str | None:
    """A speaker name from attribution words; ``None`` for a pronoun or nothing."""
    who = who.strip(" ,.:;\"“”'‘’")
    if not who or who.lower() in _PRONOUNS or not any(c.isalpha() for c in who):
        return None
    return who


# -- speakers --------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _name_words(name: str, *, titles: bool = True) -> frozenset[str]:
    """The words of a name as ids spell them (romanization unified); without title words."""
    from .speakers import slug

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
    from .speakers import same_person, slug

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


# -- assessing one rendering -------------------------------------------------------------------


def _window(text: str, ops: list[DiffOp]) -> tuple[int, int] | None:
    """The part of a rendering the claim quotes, as offsets into ``text``: from the first to
    the last word they share, leaving out rendering words before and after it (a claim may
    quote a fragment). A replacement at either edge keeps at most ``EDGE_SLACK`` more
    rendering words than the claim has there (``is rising`` for ``has risen even further.
    We hope …``). None when they share no word."""
    lo, hi = 0, len(ops)
    while lo < hi and ops[lo].op == "delete":
        lo += 1
    while hi > lo and ops[hi - 1].op == "delete":
        hi -= 1
    core = ops[lo:hi]
    if not any(op.op == "equal" for op in core):
        return None
    start, end = core[0].a_start, core[-1].a_end
    first, last = core[0], core[-1]
    if last.op == "replace":
        keep = len(_WORD.findall(last.b_text)) + EDGE_SLACK
        words = list(_WORD.finditer(text, last.a_start, last.a_end))
        if len(words) > keep:
            end = words[keep - 1].end()
    if first.op == "replace":
        keep = len(_WORD.findall(first.b_text)) + EDGE_SLACK
        words = list(_WORD.finditer(text, first.a_start, first.a_end))
        if len(words) > keep:
            start = words[-keep].start()
    return start, end


def similarity(a: str, b: str) -> float:
    """0-100: the share of words the two texts have in common, in order (rapidfuzz's Indel
    ratio over word sequences: 2 × shared words / all words). Word-level, so a shared long
    word does not make two different sentences look alike.

    >>> similarity("the talks will go on", "The talks will not go on.")
    90.9
    """
    from rapidfuzz import fuzz

    return round(float(fuzz.ratio(_words(a), _words(b))), 1)


def first_person(text: str) -> bool:
    """Whether a text speaks in the first person (I, we, my, our …)."""
    return any(w in _FIRST_PERSON for w in _words(text))


def judge(
    *,
    verbatim: bool,
    similarity: float,
    flags: Sequence[Flag],
    speaker_agrees: bool | None = None,
    changed_words: int = 0,
    claim_words: int = 0,
) -> Outcome:
    """The outcome of one rendering from its alignment with the claim (speaker aside).

    A ``person_shift`` (``I hope`` / ``he hopes``) changes the meaning unless the claimed
    speaker is the rendering's speaker (``speaker_agrees``). Wording alone is ``close`` when
    it is minor: similarity at least ``CLOSE_CUTOFF`` and at most ``minor_words(claim_words)``
    content words changed (``changed_words``: left out plus put in).

    >>> judge(verbatim=False, similarity=92.0, flags=[Flag("wording", "")], changed_words=2, claim_words=10)
    <Outcome.CLOSE: 'close'>
    >>> judge(verbatim=False, similarity=92.0, flags=[Flag("negation", "")])
    <Outcome.DIVERGENT: 'divergent'>
    >>> judge(verbatim=False, similarity=85.0, flags=[Flag("person_shift", "")], speaker_agrees=True)
    <Outcome.CLOSE: 'close'>
    """
    if verbatim:
        return Outcome.VERBATIM
    if similarity < FOUND_CUTOFF:
        return Outcome.NOT_FOUND
    benign = {"person_shift"} if speaker_agrees is True else set()
    if any(f.type in MEANING_FLAGS - benign for f in flags):
        return Outcome.DIVERGENT
    if similarity >= CLOSE_CUTOFF and changed_words <= minor_words(claim_words):
        return Outcome.CLOSE
    return Outcome.DIVERGENT


def minor_words(claim_words: int) -> int:
    """How many content words may change (left out plus put in) for a rewording to be minor:
    ``MINOR_WORDS``, or ``MINOR_SHARE`` of the claim's content words when that is more."""
    return max(MINOR_WORDS, int(MINOR_SHARE * claim_words))


def _changed_words(source: str, claim: str) -> tuple[int, int]:
    """Content words changed between the matched source words and the claim (left out plus
    put in, by ``quotes.diverge.content_words``), and the claim's content words."""
    a, b = Counter(content_words(source)), Counter(content_words(claim))
    return sum((a - b).values()) + sum((b - a).values()), sum(b.values())


def assess(
    claim: str, r: Rendering, *, agrees: bool | None = None, speaker_claimed: bool = False, paraphrase: bool = False
) -> Evidence:
    """Line ``claim`` up with one rendering: the matching part, diff, similarity, flags, outcome.

    ``agrees`` is whether the claimed speaker said the rendering (see ``speaker_agrees``);
    it decides whether a first-person claim may match a third-person rendering.
    ``paraphrase``: the claim is reported speech, so rewording alone is no divergence.
    """
    text = r.text
    window = _window(text, word_diff(text, claim))
    if window is None:
        sim, verbatim, (lo, hi), core = 0.0, False, (0, len(text)), []
    else:
        lo, hi = window
        core = [_shift(op, lo) for op in word_diff(text[lo:hi], claim)]
        sim = similarity(text[lo:hi], claim)
        verbatim = _words(text[lo:hi]) == _words(claim) != []
    flags: tuple[Flag, ...] = ()
    if not verbatim and sim >= FOUND_CUTOFF:
        same = agrees if speaker_claimed else None
        flags = compare_texts(text[lo:hi], claim, same_speaker=same, paraphrase=paraphrase)
        if agrees is not True and first_person(claim) and not first_person(text[lo:hi]):
            if not any(f.type == "person_shift" for f in flags):
                flags += (Flag("person_shift", "the claim is in the first person, the source is not"),)
    changed, claim_words = _changed_words(text[lo:hi], claim) if flags else (0, 0)
    outcome = judge(
        verbatim=verbatim,
        similarity=sim,
        flags=flags,
        speaker_agrees=agrees,
        changed_words=changed,
        claim_words=claim_words,
    )
    first, last = r.quotes[0], r.quotes[-1]
    return Evidence(
        outcome=outcome,
        doc=first.doc,
        outlet=first.outlet,
        start=first.start,
        end=last.end,
        match_start=r.doc_offset(lo),
        match_end=r.doc_offset(hi),
        line=first.line,
        text=text,
        kind=first.kind,
        speaker=first.speaker,
        speaker_id=first.speaker_id,
        via=first.via,
        similarity=sim,
        diff=tuple(core),
        flags=flags,
        speaker_agrees=agrees,
    )


def _shift(op: DiffOp, by: int) -> DiffOp:
    """A diff step of a slice of the rendering, with offsets into the whole rendering."""
    return replace(op, a_start=op.a_start + by, a_end=op.a_end + by)


def _rank(e: Evidence) -> tuple[int, int, float, int]:
    agree = {True: 2, None: 1, False: 0}[e.speaker_agrees]
    return (_ORDER[e.outcome], agree, e.similarity, -(e.end - e.start))


def decide(evidence: Sequence[Evidence], *, speaker_claimed: bool) -> tuple[Outcome, Evidence | None]:
    """The outcome over all renderings, and the rendering it rests on.

    Without a claimed speaker: the best rendering's outcome. With one: the best rendering
    by that speaker (or one naming no speaker); when the words are only found from
    someone else, ``misattributed``. Nothing found: ``not_found`` with the nearest rendering.
    """
    if not evidence:
        return Outcome.NOT_FOUND, None
    found = [e for e in evidence if e.outcome is not Outcome.NOT_FOUND]
    if not found:
        return Outcome.NOT_FOUND, max(evidence, key=lambda e: (e.similarity, _rank(e)))
    if speaker_claimed:
        for group in (True, None):
            pool = [e for e in found if e.speaker_agrees is group]
            if pool:
                best = max(pool, key=_rank)
                return best.outcome, best
        return Outcome.MISATTRIBUTED, max(found, key=_rank)
    best = max(found, key=_rank)
    return best.outcome, best


def _one_per_passage(evidence: list[Evidence]) -> list[Evidence]:
    """The best evidence for each passage of each document (a joined interrupted quote and
    its halves are one passage)."""
    kept: list[Evidence] = []
    for e in sorted(evidence, key=_rank, reverse=True):
        if not any(k.doc == e.doc and k.start < e.end and e.start < k.end for k in kept):
            kept.append(e)
    return kept


# -- the entry points ---------------------------------------------------------------------------


def verify(claim: str, *, speaker: str | None = None, sources: Sources, paraphrase: bool = False) -> Verdict:
    """The verdict on one claim against the sources.

    ``claim`` may carry its own quotation marks and attribution (``"…," Lima said``);
    ``speaker`` (when given) wins over a speaker named in the claim. ``paraphrase``: the
    claim is reported speech (no marks), so rewording alone is no divergence. Never
    raises on odd input: a claim with no words is ``not_found`` with a note.
    """
    best: Verdict | None = None
    for text, named in parse_claim(claim):
        who = speaker or named
        verdict = _verify_text(claim, text, who, sources, paraphrase=paraphrase)
        if best is None or _verdict_rank(verdict) > _verdict_rank(best):
            best = verdict
    assert best is not None
    return best


def _verdict_rank(v: Verdict) -> tuple[int, float]:
    return (_ORDER[v.outcome], v.evidence.similarity if v.evidence else 0.0)


def _verify_text(claim: str, text: str, speaker: str | None, sources: Sources, *, paraphrase: bool) -> Verdict:
    if not _words(text):
        return Verdict(
            claim=claim, text=text, speaker=speaker, outcome=Outcome.NOT_FOUND, notes=("no words to look up",)
        )
    claim_words = set(_words(text))
    renderings = sorted(
        sources.candidates(text, limit=CANDIDATES), key=lambda r: -len(claim_words & set(_words(r.text)))
    )[:ASSESSED]
    found_speakers: dict[str, list[Speaker]] = {}

    def lookup(name: str) -> list[Speaker]:
        if name not in found_speakers:
            found_speakers[name] = sources.find_speakers(name)
        return found_speakers[name]

    evidence = []
    for r in renderings:
        agrees = speaker_agrees(speaker, r, lookup=lookup) if speaker else None
        evidence.append(assess(text, r, agrees=agrees, speaker_claimed=speaker is not None, paraphrase=paraphrase))
    evidence = _one_per_passage(evidence)
    outcome, best = decide(evidence, speaker_claimed=speaker is not None)
    notes: list[str] = []
    if best is not None and best.speaker_agrees is None and speaker and outcome is not Outcome.NOT_FOUND:
        notes.append("the source does not say who said it; the speaker is unconfirmed")
    if best is not None and any(f.type == "person_shift" for f in best.flags):
        notes.append("the claim is in the first person and the source reports it; that is close only for the speaker")
    found = tuple(e for e in evidence if e.outcome is not Outcome.NOT_FOUND)
    if best is not None and best not in found:
        found = ()
    ordered = tuple(sorted(found, key=lambda e: (e is not best, [-x for x in _rank(e)[:3]])))
    return Verdict(
        claim=claim, text=text, speaker=speaker, outcome=outcome, evidence=best, renderings=ordered, notes=tuple(notes)
    )


def check(
    drafts: Iterable[str | Path], *, sources: Sources, settings: Settings | None = None
) -> list[tuple[Quote, Verdict]]:
    """Every quote and reported statement of draft articles, verified; in document order.

    The draft's own speakers (resolved within the draft, ``Lima`` → ``Ana Lima``) are
    the claimed speakers. A draft that cannot be read raises.

    Raises:
        InputError: a draft cannot be read.
    """
    from .pipeline import extract

    out = []
    for ex in extract([Path(d) for d in drafts], settings=settings):
        errors = [d for d in ex.diagnostics if d.level.value == "error"]
        if errors:
            raise InputError(f"{errors[0].doc}: {errors[0].message}")
        for q in ex.quotes:
            out.append((q, verify(q.text, speaker=q.speaker, sources=sources, paraphrase=q.kind is Kind.INDIRECT)))
    return out


# -- showing verdicts ---------------------------------------------------------------------------

_HEADLINE = {
    Outcome.VERBATIM: "VERBATIM: the source has these words.",
    Outcome.CLOSE: "CLOSE: minor wording differences, same meaning.",
    Outcome.DIVERGENT: "DIVERGENT: found, but the source says something different",
    Outcome.MISATTRIBUTED: "MISATTRIBUTED: these words were said by someone else",
    Outcome.NOT_FOUND: "NOT FOUND: no source has these words",
}
_ADVICE = {
    Outcome.DIVERGENT: "Quote the source's words exactly, or paraphrase without quotation marks.",
    Outcome.MISATTRIBUTED: "Give the quote to the speaker the source names.",
    Outcome.NOT_FOUND: "Find the source of this quote, or remove it.",
}


def marked_diff(e: Evidence, *, width: int = 400) -> str:
    """The source words with the claim's changes marked: ``[source → claim]``,
    ``[source → (left out)]``, ``[(added) → claim]``."""
    parts = []
    for op in e.diff:
        if op.op == "equal":
            parts.append(op.a_text)
        elif op.op == "replace":
            parts.append(f"[{op.a_text} → {op.b_text}]")
        elif op.op == "delete":
            parts.append(f"[{op.a_text} → (left out)]")
        else:
            parts.append(f"[(added) → {op.b_text}]")
    text = " ".join(p for p in parts if p)
    return text if len(text) <= width else text[: width - 1] + "…"


def matched(e: Evidence) -> str:
    """The words of the rendering that line up with the claim, with … where the rendering
    goes on before or after them."""
    if not e.diff:
        return e.text
    lo, hi = e.diff[0].a_start, e.diff[-1].a_end
    return ("…" if e.text[:lo].strip() else "") + e.text[lo:hi] + ("…" if e.text[hi:].strip(" ,.") else "")


def _where(e: Evidence) -> str:
    outlet = e.outlet or "unknown outlet"
    return f"{outlet}, {e.doc} line {e.line} (characters {e.match_start}-{e.match_end})"


def explain(v: Verdict) -> str:
    """The verdict in plain words for an editor: the claim, the nearest source rendering with
    its outlet, the differences marked, the verdict and what to do."""
    e = v.evidence
    head = _HEADLINE[v.outcome]
    if v.outcome is Outcome.DIVERGENT and e is not None:
        kinds = sorted({f.type.replace("_", " ") for f in e.flags if f.type in MEANING_FLAGS})
        head += f" ({', '.join(kinds)})." if kinds else " (the wording differs too much)."
    elif v.outcome is Outcome.MISATTRIBUTED and e is not None:
        head += f": {e.speaker or 'an unnamed source'}, not {v.speaker}."
    elif v.outcome is Outcome.NOT_FOUND:
        head += "."
    lines = [head, f"  Claim:  “{v.text}”" + (f" ({v.speaker})" if v.speaker else "")]
    if e is not None:
        who = e.speaker or "no speaker named"
        if e.via:
            who += f", via {e.via}"
        label = "Source" if v.outcome is not Outcome.NOT_FOUND else "Nearest"
        lines.append(f"  {label}: “{_shorten(matched(e))}” ({who})")
        lines.append(f"          {_where(e)}")
        if e.outcome is not Outcome.VERBATIM and any(op.op != "equal" for op in e.diff):
            lines.append(f"  Differences: {marked_diff(e)}")
        elif e.outcome is not Outcome.VERBATIM and e.diff:
            lines.append("  Differences: only of form (articles, word endings, forms of names)")
        lines.append(f"  Similarity: {e.similarity:.0f}/100")
    others = [o for o in v.renderings if o is not e]
    if others:
        lines.append("  Other renderings:")
        for o in others:
            lines.append(
                f"    - {o.outlet or o.doc} ({o.outcome.value}, {o.similarity:.0f}/100, {o.speaker or 'no speaker'}): "
                f"“{_shorten(matched(o), 110)}”"
            )
    lines.extend(f"  Note: {n}" for n in v.notes)
    if v.outcome in _ADVICE:
        lines.append(f"  What to do: {_ADVICE[v.outcome]}")
    return "\n".join(lines)


def _shorten(text: str, width: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def evidence_record(e: Evidence) -> dict[str, Any]:
    """An evidence as a JSON-ready dict."""
    return {
        "outcome": e.outcome.value,
        "outlet": e.outlet,
        "doc": e.doc,
        "start": e.start,
        "end": e.end,
        "match_start": e.match_start,
        "match_end": e.match_end,
        "line": e.line,
        "kind": e.kind.value,
        "speaker": e.speaker,
        "speaker_id": e.speaker_id,
        "via": e.via,
        "speaker_agrees": e.speaker_agrees,
        "text": e.text,
        "similarity": e.similarity,
        "diff": [
            {
                "op": d.op,
                "source": d.a_text,
                "claim": d.b_text,
                "source_span": [d.a_start, d.a_end],
                "claim_span": [d.b_start, d.b_end],
            }
            for d in e.diff
        ],
        "flags": [{"type": f.type, "detail": f.detail} for f in e.flags],
    }


def verdict_record(v: Verdict) -> dict[str, Any]:
    """A verdict as a JSON-ready dict: outcome, ok, the claim, the evidence, all renderings."""
    return {
        "claim": v.claim,
        "text": v.text,
        "speaker": v.speaker,
        "verdict": v.outcome.value,
        "ok": v.ok,
        "evidence": evidence_record(v.evidence) if v.evidence else None,
        "renderings": [evidence_record(e) for e in v.renderings],
        "notes": list(v.notes),
    }


def render_verdicts(verdicts: Sequence[Verdict], fmt: ReportFormat | str) -> str:
    """Verdicts as plain-words reports (``table``) or JSON (``json``)."""
    if fmt == "json":
        records = [verdict_record(v) for v in verdicts]
        return json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2) + "\n"
    return "\n\n".join(explain(v) for v in verdicts) + "\n"


def render_check(results: Sequence[tuple[Quote, Verdict]], fmt: ReportFormat | str) -> str:
    """A draft's report: one entry per quote (where it is in the draft, then the verdict)."""
    if fmt == "json":
        records = [
            {"draft": q.doc, "line": q.line, "start": q.start, "end": q.end, "kind": q.kind.value, **verdict_record(v)}
            for q, v in results
        ]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if not results:
        return "no quotes found in the draft\n"
    blocks = []
    for q, v in results:
        mark = "ok  " if v.ok else "FAIL"
        blocks.append(f"{mark} {q.doc}:{q.line} ({q.kind.value})\n" + explain(v))
    failed = sum(not v.ok for _, v in results)
    summary = f"{len(results)} quotes checked, {len(results) - failed} ok, {failed} failed"
    return "\n\n".join(blocks) + "\n\n" + summary + "\n"

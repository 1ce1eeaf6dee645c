"""Pair scores: how much two quotes of different documents look like renderings of one remark.

Input: the extractions of a corpus. Output: its alignable quotes with idf-weighted words, the candidate
pairs among them, each pair's ``PairFeatures`` and score (0-100), and the ``Weights`` that turn one into the other.

How a pair of quotes from two documents is scored: their content words
(normalized as ``diverge.content_words`` does, so ``United Kingdom-France`` and
``UK-France`` agree, and ``intends``/``intention`` share a sense) are compared
five ways, words weighted by how rare they are in the corpus (idf) and speakers'
names and titles counting little: the share of the shorter quote's words found in
the other (containment, for partial quotes), the share of all their words they
have in common (Jaccard), rapidfuzz's ``token_set_ratio`` of the normalized
texts, and the neighbouring word pairs and four-word runs they share (``free
trade``, ``hold talks in person``). The score (0-100) is the mean of the five.
Two quoted renderings that share too few words are never one remark (quotes are
the speaker's own words). The weights and cutoffs were calibrated on the gold
groups of ``golden/`` with ``scripts/calibrate_align.py``.

How it scales: the pairs worth scoring come from ``blocking``: exact and near-exact
duplicates (wire copy) collapse into one representative each, and representatives
propose partners through an index of their rare words, at most ``MAX_CANDIDATES``
each, so the work grows with the number of quotes, not with its square
(``benchmarks/bench_align.py``, ``benchmarks/bench_wire.py``). Word frequencies
(idf) are counted over distinct texts: copies of one story do not make its words common.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .. import diverge
from ..config import lexicon
from ..types import Extraction, Kind, Quote, SpeakerKind
from .blocking import candidates
from .camps import Compatibility, compatibility, speaker_camps

# The pair score is a weighted mean of views of lexical overlap, each 0-1, times 100. Equal weights for four
# views; the fifth (shared four-word runs) is off. Measured with scripts/measure_align.py on the dev split of
# golden/dev (four events of translated coverage): each view alone or left out moves alignment F1 by a few
# points at most, and only dropping the four-word runs helps on every set (dev 0.432 -> 0.465 over found
# quotes, the seeds 0.892 -> 0.921); the test split, measured after the choice, agrees (0.346 -> 0.356).
# Translations of one remark rarely share four words in a row, and wire copy is grouped before scoring.

#: Weight of the idf-weighted share of the shorter quote's content words found in the other (partial quotes).
W_CONTAINMENT = 0.2
#: Weight of the idf-weighted Jaccard similarity of the content words, doubled and capped at 1.
W_JACCARD = 0.2
#: Weight of rapidfuzz ``token_set_ratio`` of the normalized texts, above its floor of 40 for unrelated texts.
W_FUZZ = 0.2
#: Weight of the pairs of neighbouring content words the two share (``free trade``), a quarter each up to four.
W_BIGRAM = 0.2
#: Weight of the runs of four words, function words included, the two share (``talks in person next``), likewise:
#: off (see above).
W_PHRASE = 0.0
#: Shared word pairs or runs beyond this add nothing: long translations share many, and ten say no more than four.
MAX_SHARED = 4
#: rapidfuzz ``token_set_ratio`` that unrelated quotes of one event reach anyway (0-1); only what is above counts.
FUZZ_FLOOR = 0.4
#: Two quoted renderings (direct or mixed) sharing less than this share of the shorter one's content words
#: (idf-weighted) are not one remark, whatever else they share: quotes are the speaker's own words, and
#: translations of one remark differ in single words, not in most of them. In golden/, quote pairs of
#: one remark share 0.48 or more, quote pairs of different remarks 0.37 or less.
QUOTED_MIN_CONTAINMENT = 0.42

# Linking: a pair links when it scores at least the cutoff for how its speakers relate, and each quote is
# the other's best such match in the other's document. The cutoffs were set on golden/ with
# scripts/calibrate_align.py: with agreeing speakers, pairwise F1 is flat (0.88, precision 1.0) for cutoffs
# from 16 to 19, and drops on either side (0.84 at 13, 0.845 at 22); pairs of different remarks that score
# above it are kept apart by the one-match-per-document rule. The best pair of different remarks with
# conflicting speakers scores 37: one remark is rarely put in two mouths, so conflicting speakers need 50.

#: Score needed when both quotes have the same speaker, or one reports for the other.
CUTOFF_AGREEING = 18.0
#: Score needed when a speaker is unknown.
CUTOFF_UNKNOWN = 35.0
#: Score needed when the speakers are known and neither reports for the other (an ``attribution`` conflict).
CUTOFF_CONFLICTING = 50.0
#: A pair scoring this high links even when one quote has a better match in the other document (a long
#: quote rendered whole in one outlet and cut in two in another), or the documents' event dates differ.
SURE_CUTOFF = 70.0
#: Two quotes of one document may share a group when they score this high against each other: the article
#: repeats itself (a lead summing up a quote given in full further down scores about 30).
REPEAT_CUTOFF = 25.0
#: Quotes with fewer content words than this are not aligned: a scare quote ("historic") says too little.
MIN_WORDS = 3
#: Share of the smaller quote's (weighted) content words the other must hold for a link that joins two remarks
#: into one statement to show its evidence, when no neighbouring pair or four-word run of words is shared.
SHOWN_CONTAINMENT = 0.5
#: Weight of a speaker's name or a title inside a quote, relative to other words: every lead names the
#: leaders, so names say little about which remark is rendered.
NAME_WEIGHT = 0.2


@dataclass(frozen=True, slots=True)
class _Item:
    n: int  # position in the flat list of quotes
    doc: int  # index of the extraction
    quote: Quote
    words: tuple[str, ...]  # normalized content words, in order
    weights: dict[str, float]  # idf weight of each distinct word (names discounted)
    total: float  # sum of the weights
    bigrams: frozenset[tuple[str, ...]]  # neighbouring content words
    phrases: frozenset[tuple[str, ...]]  # runs of four words, function words included
    norm: str  # normalized text for rapidfuzz
    every: tuple[str, ...]  # all normalized words, function words included: equal for exact duplicates


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the pair score and the linking cutoffs (defaults: the calibrated constants above)."""

    containment: float = W_CONTAINMENT
    jaccard: float = W_JACCARD
    fuzz: float = W_FUZZ
    bigram: float = W_BIGRAM
    phrase: float = W_PHRASE
    agreeing: float = CUTOFF_AGREEING
    unknown: float = CUTOFF_UNKNOWN
    conflicting: float = CUTOFF_CONFLICTING
    sure: float = SURE_CUTOFF
    repeat: float = REPEAT_CUTOFF

    def cutoff(self, speakers: Compatibility) -> float:
        """The score a pair needs to link, given how its speakers relate."""
        if speakers is Compatibility.CONFLICTING:
            return self.conflicting
        return self.unknown if speakers is Compatibility.UNKNOWN else self.agreeing


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """What the score of a pair is made of (each 0-1 except the counts ``bigrams`` and ``phrases``)."""

    containment: float
    jaccard: float
    fuzz: float
    bigrams: int
    phrases: int
    both_quoted: bool
    speakers: Compatibility

    def score(self, weights: Weights = Weights()) -> float:
        """How much the two quotes look like renderings of one remark, 0-100."""
        if self.both_quoted and self.containment < QUOTED_MIN_CONTAINMENT:
            return 0.0
        views = (
            weights.containment * self.containment
            + weights.jaccard * min(1.0, 2 * self.jaccard)
            + weights.fuzz * max(0.0, (self.fuzz - FUZZ_FLOOR) / (1 - FUZZ_FLOOR))
            + weights.bigram * min(self.bigrams, MAX_SHARED) / MAX_SHARED
            + weights.phrase * min(self.phrases, MAX_SHARED) / MAX_SHARED
        )
        total = weights.containment + weights.jaccard + weights.fuzz + weights.bigram + weights.phrase
        return 100.0 * views / total if total else 0.0

    def shown(self) -> bool:
        """Whether the pair shares words one can point at: two neighbouring content words, a four-word run,
        or half the smaller quote's content words (character similarity alone shows nothing)."""
        return self.bigrams > 0 or self.phrases > 0 or self.containment >= SHOWN_CONTAINMENT


def pair_features(extractions: Sequence[Extraction]) -> list[tuple[Quote, Quote, PairFeatures]]:
    """The features of every candidate pair of a corpus (for calibration and inspection)."""
    extractions = list(extractions)
    items = _items(extractions)
    camps = speaker_camps(extractions)
    return [(items[i].quote, items[j].quote, _features(items[i], items[j], camps)) for i, j in _candidates(items)]


def _features(a: _Item, b: _Item, camps: dict[str, str]) -> PairFeatures:
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    shared = sum(w for word, w in small.items() if word in large)
    smaller = min(a.total, b.total)
    union = a.total + b.total - shared
    return PairFeatures(
        containment=shared / smaller if smaller else 0.0,
        jaccard=shared / union if union else 0.0,
        fuzz=fuzz.token_set_ratio(a.norm, b.norm) / 100.0,
        bigrams=len(a.bigrams & b.bigrams),
        phrases=len(a.phrases & b.phrases),
        both_quoted=a.quote.kind is not Kind.INDIRECT and b.quote.kind is not Kind.INDIRECT,
        speakers=compatibility(a.quote, b.quote, camps),
    )


def _items(extractions: Sequence[Extraction]) -> list[_Item]:
    """Every alignable quote with its normalized words and their idf weights."""
    lex = lexicon()
    names = set()
    for ex in extractions:
        for s in ex.speakers:
            if s.kind is SpeakerKind.PERSON:
                for name in (s.name, *s.aliases):
                    names.update(diverge.content_words(name))
    for title in lex.titles:
        names.update(diverge.content_words(title))
    raw: list[tuple[int, Quote, tuple[str, ...], tuple[str, ...]]] = []
    normalized: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # wire copy repeats texts: normalize once
    for d, ex in enumerate(extractions):
        for q in ex.quotes:
            if q.text not in normalized:
                normalized[q.text] = (
                    tuple(diverge.content_words(q.text, senses=True)),
                    tuple(diverge.all_words(q.text)),
                )
            content, every = normalized[q.text]
            if len(set(content)) >= MIN_WORDS:
                raw.append((d, q, content, every))
    distinct = {every: words for _, _, words, every in raw}  # copies of one text count once
    df = Counter(w for words in distinct.values() for w in set(words))
    n = len(distinct)
    out = []
    for k, (d, q, words, every) in enumerate(raw):
        weights = {
            w: math.log((n + 1) / (df[w] + 0.5)) * (NAME_WEIGHT if w in names else 1.0) for w in sorted(set(words))
        }
        bigrams = frozenset(g for g in zip(words, words[1:], strict=False) if not names.intersection(g))
        phrases = frozenset(
            g for g in zip(every, every[1:], every[2:], every[3:], strict=False) if not names.intersection(g)
        )
        out.append(_Item(k, d, q, words, weights, sum(weights.values()), bigrams, phrases, " ".join(words), every))
    return out


def _candidates(items: Sequence[_Item]) -> Iterable[tuple[int, int]]:
    """The pairs worth scoring (see ``blocking.candidates``): duplicates with their representative, then rare words."""
    return candidates(items)

"""Alignment: renderings of one remark across documents share a group, and each is flagged against it.

Input: the extractions of a corpus (``extract_corpus``). Output: an ``Alignment``: the same extractions with
``group`` and ``flags`` set on their quotes, and one ``Group`` record per group.

How a pair of quotes from two documents is scored: their content words
(normalized as ``diverge.content_words`` does, so ``United Kingdom-France`` and
``UK-France`` agree, and ``intends``/``intention`` share a sense) are compared
five ways, words weighted by how rare they are in the corpus (idf) and speakers'
names and titles counting little: the share of the shorter quote's words found in
the other (containment, for partial quotes), the share of all their words they
have in common (Jaccard), rapidfuzz's ``token_set_ratio`` of the normalized
texts, and the neighbouring word pairs and four-word runs they share (``free
trade``, ``hold talks in person``). The score (0-100) is the mean of the five.

How speakers weigh in: a pair links when its score reaches the cutoff for how its
speakers relate: the same speaker, or one that reports for the other (a
spokesperson for a president, a ministry for its government: ``speaker_camps``)
need least; an unknown speaker more; speakers on different sides most. Two quoted
renderings that share too few words are never one remark (quotes are the
speaker's own words). The weights and cutoffs were calibrated on the gold groups
of ``golden/`` with ``scripts/calibrate_align.py``.

How groups form: from the best pairs down (single linkage), each pair linking only
when each quote is the other's best match in the other's document, and never
putting two quotes of one document in one group unless they are the halves of a
quote interrupted by its attribution, or the article repeats itself.

How it scales: candidate pairs come from an index of rare words (a word in more
than 1% of the quotes proposes none), at most ``MAX_CANDIDATES`` per quote, so the
work grows with the number of quotes, not with its square: ten thousand quotes
align in a few seconds (``benchmarks/bench_align.py``).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz import fuzz

from . import diverge
from .config import lexicon
from .speakers import _bag
from .types import Extraction, Flag, Group, Kind, Quote, SpeakerKind

# The pair score is a weighted mean of five views of lexical overlap, each 0-1, times 100. Equal weights:
# on the gold groups of golden/, scripts/calibrate_align.py finds splits in fifths that do up to 0.03 better
# in pairwise F1 (each dropping one or two views), none clearly; equal weights favour no view on corpora
# we have not seen.

#: Weight of the idf-weighted share of the shorter quote's content words found in the other (partial quotes).
W_CONTAINMENT = 0.2
#: Weight of the idf-weighted Jaccard similarity of the content words, doubled and capped at 1.
W_JACCARD = 0.2
#: Weight of rapidfuzz ``token_set_ratio`` of the normalized texts, above its floor of 40 for unrelated texts.
W_FUZZ = 0.2
#: Weight of the pairs of neighbouring content words the two share (``free trade``), a quarter each up to four.
W_BIGRAM = 0.2
#: Weight of the runs of four words, function words included, the two share (``talks in person next``), likewise.
W_PHRASE = 0.2
#: Shared word pairs or runs beyond this add nothing: long translations share many, and ten say no more than four.
MAX_SHARED = 4
#: rapidfuzz ``token_set_ratio`` that unrelated quotes of one event reach anyway (0-1); only what is above counts.
FUZZ_FLOOR = 0.4
#: Two quoted renderings (direct or mixed) sharing less than this share of the shorter one's content words
#: (idf-weighted) are not one remark, whatever else they share: quotes are the speaker's own words, and
#: translations of one remark differ in single words, not in most of them. In the seeds, quote pairs of
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
#: Most characters between the two halves of a quote interrupted by its attribution (``"…," Moreau said
#: during the call, according to spokesperson Dufour. "…"`` is about 90); seen up to 100 in the seeds.
PART_GAP = 160
#: Quotes of one document compared with each other to find repeats: each with the next this many.
SAME_DOC_WINDOW = 10
#: Quotes with fewer content words than this are not aligned: a scare quote ("historic") says too little.
MIN_WORDS = 3
#: Weight of a speaker's name or a title inside a quote, relative to other words: every lead names the
#: leaders, so names say little about which remark is rendered.
NAME_WEIGHT = 0.2
#: A word found in more than this share of the quotes (and in more than ``BLOCK_MIN_DF`` of them) does not
#: propose candidate pairs; it still counts when a pair is scored.
BLOCK_MAX_SHARE = 0.01
#: Words in at most this many quotes always propose candidates, however small the corpus.
BLOCK_MIN_DF = 50
#: Most candidate partners kept per quote, by shared rare-word weight; bounds the work per quote.
MAX_CANDIDATES = 15


class Compatibility(StrEnum):
    """How the speakers of two renderings relate."""

    SAME = "same"
    COMPATIBLE = "compatible"  # one reports for the other
    UNKNOWN = "unknown"  # at least one speaker missing
    CONFLICTING = "conflicting"  # known, different, no reporting link


@dataclass(frozen=True, slots=True)
class Alignment:
    """Extractions with ``group`` and ``flags`` set on their quotes, and the groups found."""

    extractions: tuple[Extraction, ...]
    groups: tuple[Group, ...]


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


# Speakers


def speaker_camps(extractions: Sequence[Extraction]) -> dict[str, str]:
    """Speaker id -> camp id: speakers linked because one reports for the other.

    Links: a quote given ``via`` someone (the channel reports for the speaker), a
    spokesperson's or official's ``body`` (the body's name, as in
    ``presidential office``), an institution known as ``<person>'s office``, a role
    whose office is listed in ``quotes/data/role_bodies.tsv``, and a government and
    the other bodies of the same country. Anonymous sources stay in camps of their own.
    """
    lex = lexicon()
    speakers = {s.id: s for ex in extractions for s in ex.speakers}
    by_name: dict[str, str] = {}
    for s in speakers.values():
        for name in (s.name, *s.aliases):
            by_name.setdefault(_norm(name), s.id)
    parent = {sid: sid for sid in speakers}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str | None, b: str | None) -> None:
        if a in parent and b in parent and a != b:
            if SpeakerKind.ANONYMOUS not in (speakers[a].kind, speakers[b].kind):
                parent[find(a)] = find(b)

    for ex in extractions:
        for q in ex.quotes:
            if q.speaker_id and q.via:
                union(q.speaker_id, by_name.get(_norm(q.via)))
    bodies = [s for s in speakers.values() if s.kind is SpeakerKind.INSTITUTION]
    bags = {s.id: _bag(s.name, lex) for s in bodies}
    places = {w for place in lex.demonyms.values() for w in place.split()}
    holders: dict[str, str] = {}  # an office's name -> the first speaker seen in or for it
    for s in speakers.values():
        offices = [s.body] if s.body else []
        if s.role and s.role.lower() in lex.role_bodies:
            offices.append(lex.role_bodies[s.role.lower()])
        for office in offices:
            union(s.id, holders.setdefault(_norm(office), s.id))  # a president and their spokesperson
            words, head = _bag(office, lex)
            for b in bodies:
                if bags[b.id][1] == head and words <= bags[b.id][0]:
                    union(s.id, b.id)
    for b in bodies:
        for alias in (b.name, *b.aliases):
            owner = re.fullmatch(r"(.+?)['’]s office", alias.strip(), flags=re.IGNORECASE)
            if owner:
                union(by_name.get(_norm(owner.group(1))), b.id)
        words, head = bags[b.id]
        if head == "government":
            for other in bodies:
                if words & places & bags[other.id][0]:
                    union(b.id, other.id)
    return {sid: find(sid) for sid in speakers}


def compatibility(a: Quote, b: Quote, camps: dict[str, str]) -> Compatibility:
    """How the speakers of two quotes relate, given ``speaker_camps``."""
    if not a.speaker_id or not b.speaker_id:
        return Compatibility.UNKNOWN
    if a.speaker_id == b.speaker_id:
        return Compatibility.SAME
    if camps.get(a.speaker_id, a.speaker_id) == camps.get(b.speaker_id, b.speaker_id):
        return Compatibility.COMPATIBLE
    return Compatibility.CONFLICTING


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("’", "'"))


# Pair scores


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
    raw: list[tuple[int, Quote, tuple[str, ...], list[str]]] = []
    for d, ex in enumerate(extractions):
        for q in ex.quotes:
            content = diverge.content_words(q.text, senses=True)
            if len(set(content)) >= MIN_WORDS:
                raw.append((d, q, tuple(content), diverge.all_words(q.text)))
    df = Counter(w for _, _, words, _ in raw for w in set(words))
    n = len(raw)
    out = []
    for k, (d, q, words, every) in enumerate(raw):
        weights = {
            w: math.log((n + 1) / (df[w] + 0.5)) * (NAME_WEIGHT if w in names else 1.0) for w in sorted(set(words))
        }
        bigrams = frozenset(g for g in zip(words, words[1:], strict=False) if not names.intersection(g))
        phrases = frozenset(
            g for g in zip(every, every[1:], every[2:], every[3:], strict=False) if not names.intersection(g)
        )
        out.append(_Item(k, d, q, words, weights, sum(weights.values()), bigrams, phrases, " ".join(words)))
    return out


def _candidates(items: Sequence[_Item]) -> Iterable[tuple[int, int]]:
    """Pairs of quotes from different documents that share rare words, at most ``MAX_CANDIDATES`` per quote."""
    postings: dict[str, list[int]] = defaultdict(list)
    for it in items:
        for w in it.weights:
            postings[w].append(it.n)
    limit = max(BLOCK_MIN_DF, int(BLOCK_MAX_SHARE * len(items)))
    seen: set[tuple[int, int]] = set()
    for it in items:
        mass: dict[int, float] = defaultdict(float)
        for w, weight in it.weights.items():
            ids = postings[w]
            if len(ids) > limit:
                continue
            for other in ids:
                if items[other].doc != it.doc:
                    mass[other] += weight
        for other, _ in sorted(mass.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]:
            pair = (min(it.n, other), max(it.n, other))
            if pair not in seen:
                seen.add(pair)
                yield pair


# Grouping


def _parts(a: Quote, b: Quote, text: str) -> bool:
    """Whether two quotes of one document are halves of one quote interrupted by its attribution.

    Both direct, same speaker, and the first half's speaker named between them
    (``"…," Moreau said. "…"``), close together in one paragraph.
    """
    first, second = (a, b) if a.start <= b.start else (b, a)
    return (
        first.speaker_id is not None
        and first.speaker_id == second.speaker_id
        and first.kind is Kind.DIRECT
        and second.kind is Kind.DIRECT
        and 0 <= second.start - first.end <= PART_GAP
        and "\n\n" not in text[first.end : second.start]
        and first.speaker_span is not None
        and first.end <= first.speaker_span[0] < second.start  # the attribution sits between the halves
    )


#: A scored pair: its score and the score it needs to link.
Scored = dict[tuple[int, int], tuple[float, float]]


def score_pairs(extractions: Sequence[Extraction], items: Sequence[_Item], weights: Weights = Weights()) -> Scored:
    """Score the candidate pairs across documents and the neighbouring pairs within each.

    Each pair gets the score it needs to link: the cutoff for how its speakers
    relate (``SURE_CUTOFF`` when the documents' event dates differ); halves of an
    interrupted quote always link (they need 0); other pairs of one document need
    ``REPEAT_CUTOFF`` to be in one group, and never link by themselves.
    """
    camps = speaker_camps(extractions)
    out: Scored = {}
    for i, j in _candidates(items):
        f = _features(items[i], items[j], camps)
        need = weights.cutoff(f.speakers)
        da, db = extractions[items[i].doc].article.date, extractions[items[j].doc].article.date
        if da and db and da != db:
            need = max(need, weights.sure)
        out[(i, j)] = (f.score(weights), need)
    for i, j in _same_document_pairs(items):
        if _parts(items[i].quote, items[j].quote, extractions[items[i].doc].article.text):
            out[(i, j)] = (100.0, 0.0)  # one utterance: the halves go together
        else:
            f = _features(items[i], items[j], camps)
            repeat = weights.repeat if f.speakers is not Compatibility.CONFLICTING else weights.sure
            out[(i, j)] = (f.score(weights), repeat)
    return out


def _cluster(items: Sequence[_Item], scored: Scored, *, sure: float) -> list[list[int]]:
    """Single-linkage groups from the best pairs down; two quotes of one document only as parts or repeats.

    A pair across documents links only when each quote is the other's best linkable
    match in the other's document, unless it scores ``sure`` or more.
    """
    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def may_join(a: list[int], b: list[int]) -> bool:
        for i in a:
            for j in b:
                if items[i].doc == items[j].doc:
                    s, need = scored.get((min(i, j), max(i, j)), (0.0, 100.0))
                    if s < need:
                        return False
        return True

    best: dict[tuple[int, int], float] = defaultdict(float)  # (quote, other document) -> best linkable score
    for (i, j), (s, need) in scored.items():
        if items[i].doc != items[j].doc and s >= need:
            best[(i, items[j].doc)] = max(best[(i, items[j].doc)], s)
            best[(j, items[i].doc)] = max(best[(j, items[i].doc)], s)
    for (i, j), (s, need) in sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if s < need or (items[i].doc == items[j].doc and need > 0):
            continue  # too weak, or a repeat: it allows two quotes of a document in a group, never links them
        if items[i].doc != items[j].doc and s < sure:
            if s < best[(i, items[j].doc)] or s < best[(j, items[i].doc)]:
                continue  # not each other's best match in the other document
        ri, rj = find(i), find(j)
        if ri == rj or not may_join(members[ri], members[rj]):
            continue
        parent[rj] = ri
        members[ri] += members.pop(rj)
    return [sorted(m) for m in members.values() if len({items[i].doc for i in m}) > 1]


def align_corpus(extractions: Sequence[Extraction], *, weights: Weights = Weights()) -> Alignment:
    """Group the renderings of each remark across documents and flag how each diverges.

    Quotes that render one remark in different documents get one ``group`` id
    (stable across runs: three distinctive words of the remark and a hash of its
    first rendering's place); each quote of a group is flagged against the
    group's reference rendering (see ``flag_group``); a quote no other document
    renders, in a document whose event other outlets cover, is flagged
    ``single_source``.

    >>> from quotes import extract
    >>> docs = ['"We will cut taxes next year," Smith said.', 'Smith said: "We will cut taxes next year."']
    >>> aligned = align_corpus(list(extract(docs)))
    >>> [q.group is not None for ex in aligned.extractions for q in ex.quotes]
    [True, True]
    """
    extractions = list(extractions)
    items = _items(extractions)
    camps = speaker_camps(extractions)
    scored = score_pairs(extractions, items, weights)
    clusters = _cluster(items, scored, sure=weights.sure)
    groups: list[Group] = []
    flags: dict[tuple[int, int], tuple[Flag, ...]] = {}
    group_of: dict[tuple[int, int], str] = {}
    for cluster in clusters:
        quotes = [(items[i].doc, items[i].quote) for i in cluster]
        group = flag_group(quotes, extractions, camps, scored=dict(_scores_of(cluster, items, scored)))
        groups.append(group)
        for doc, q in quotes:
            key = (doc, q.start)
            group_of[key] = group.id
        for (doc_name, start), member_flags in group.flags:
            doc = next(d for d, q in quotes if extractions[d].article.doc == doc_name and q.start == start)
            flags[(doc, start)] = member_flags
    out = []
    covered = _event_coverage(extractions, groups)
    for d, ex in enumerate(extractions):
        new = []
        for q in ex.quotes:
            gid = group_of.get((d, q.start))
            qflags = flags.get((d, q.start), ())
            alignable = len(set(diverge.content_words(q.text))) >= MIN_WORDS
            if gid is None and q.speaker_id and alignable and covered.get(d):
                qflags = (_single_source(ex, covered[d]),)
            new.append(replace(q, group=gid, flags=qflags))
        out.append(replace(ex, quotes=tuple(new)))
    groups.sort(key=lambda g: (-_conflicts(g), g.id))
    return Alignment(extractions=tuple(out), groups=tuple(groups))


def _scores_of(
    cluster: Sequence[int], items: Sequence[_Item], scored: Scored
) -> Iterable[tuple[tuple[str, int, str, int], float]]:
    for i in cluster:
        for j in cluster:
            if (i, j) in scored:
                s = scored[(i, j)][0]
                qi, qj = items[i].quote, items[j].quote
                yield (qi.doc, qi.start, qj.doc, qj.start), s
                yield (qj.doc, qj.start, qi.doc, qi.start), s


def _same_document_pairs(items: Sequence[_Item]) -> Iterable[tuple[int, int]]:
    """Pairs of quotes of one document at most ``SAME_DOC_WINDOW`` quotes apart, scored to find repeats."""
    by_doc: dict[int, list[_Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc].append(it)
    for its in by_doc.values():
        its.sort(key=lambda it: it.quote.start)
        for k, a in enumerate(its):
            for b in its[k + 1 : k + 1 + SAME_DOC_WINDOW]:
                yield min(a.n, b.n), max(a.n, b.n)


def _event_coverage(extractions: Sequence[Extraction], groups: Sequence[Group]) -> dict[int, list[str]]:
    """Document index -> the other outlets covering its event (same event date, or a shared group)."""
    label = [ex.article.outlet or ex.article.doc for ex in extractions]
    linked: dict[int, set[int]] = defaultdict(set)
    by_date: dict[str, list[int]] = defaultdict(list)
    for d, ex in enumerate(extractions):
        if ex.article.date:
            by_date[ex.article.date].append(d)
    for ds in by_date.values():
        for d in ds:
            linked[d].update(ds)
    index = {ex.article.doc: d for d, ex in enumerate(extractions)}
    for g in groups:
        shared = {index[doc] for doc, _ in g.members if doc in index}
        for d in shared:
            linked[d].update(shared)
    return {d: sorted({label[o] for o in others if label[o] != label[d]}) for d, others in linked.items()}


def _single_source(ex: Extraction, others: list[str]) -> Flag:
    who = ex.article.outlet or ex.article.doc
    listed = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
    return Flag("single_source", f"only {who} reports this; {len(others)} other sources cover the event: {listed}")


def _conflicts(g: Group) -> int:
    """How many of a group's flags show a disagreement (attribution conflicts and meaning changes)."""
    serious = {"negation", "number", "modality", "person_shift"}
    return sum(
        1
        for _, fs in g.flags
        for f in fs
        if f.type in serious or (f.type == "attribution" and f.detail.startswith("conflicting"))
    )


# Flags against the group


#: Rank of kinds when choosing a group's reference rendering: a direct quote is the best witness.
_KIND_RANK = {Kind.DIRECT: 0, Kind.MIXED: 1, Kind.INDIRECT: 2}


def flag_group(
    quotes: Sequence[tuple[int, Quote]],
    extractions: Sequence[Extraction],
    camps: dict[str, str],
    *,
    scored: dict[tuple[str, int, str, int], float] | None = None,
) -> Group:
    """The ``Group`` of some quotes (document index, quote), each document's rendering flagged against a reference.

    A document's rendering is its members in order (two halves of an interrupted
    quote are read as one). The reference is the document whose rendering is
    quoted rather than reported, then best matched to the others, then longest.
    Each other document's quotes get ``attribution`` (different speaker or
    channel: ``compatible`` when one reports for the other, ``conflicting``
    otherwise), ``kind_shift`` (quoted here, reported there or the reverse) and
    the text flags of ``diverge.evidence``, each detail naming documents and
    character offsets.
    """
    scored = scored or {}
    by_doc: dict[int, list[Quote]] = defaultdict(list)
    for d, q in quotes:
        by_doc[d].append(q)
    for qs in by_doc.values():
        qs.sort(key=lambda q: q.start)

    def support(d: int) -> float:
        return sum(
            scored.get((a.doc, a.start, b.doc, b.start), 0.0)
            for a in by_doc[d]
            for o, bs in by_doc.items()
            if o != d
            for b in bs
        )

    ref = min(
        by_doc,
        key=lambda d: (
            min(_KIND_RANK[q.kind] for q in by_doc[d]),
            -support(d),
            -sum(len(q.text) for q in by_doc[d]),
            extractions[d].article.doc,
        ),
    )
    ref_quotes = by_doc[ref]
    ref_text, ref_map = _rendering(ref_quotes)
    flags: list[tuple[tuple[str, int], tuple[Flag, ...]]] = []
    ref_label = _label(extractions[ref])
    for d in sorted(by_doc, key=lambda d: extractions[d].article.doc):
        if d == ref:
            continue
        qs = by_doc[d]
        text, mapping = _rendering(qs)
        compat = compatibility(qs[0], ref_quotes[0], camps)
        kinds = {q.kind for q in qs} | {q.kind for q in ref_quotes}
        found = diverge.evidence(
            ref_text,
            text,
            same_speaker=compat is not Compatibility.CONFLICTING,
            paraphrase=Kind.INDIRECT in kinds,
            edges=kinds == {Kind.DIRECT},
        )
        ref_senses = _senses_with_lead_in(ref_quotes, extractions[ref].article.text)
        per_quote: dict[int, list[diverge.Evidence]] = defaultdict(list)
        for e in found:
            at = e.b_spans[0][0] if e.b_spans else 0
            per_quote[_owner(mapping, at)].append(e)
        for k, q in enumerate(qs):
            qflags = list(_group_flags(q, ref_quotes[0], compat, ref_label, extractions[ref]))
            qflags += diverge.flags_from(
                per_quote.get(k, []),
                ref_text,
                text,
                place_a=_doc_place(ref_map, ref_quotes),
                place_b=_doc_place(mapping, qs),
            )
            qflags += _framing(q, extractions[d].article.text, ref_senses, ref_label)
            flags.append(((q.doc, q.start), _merged(qflags)))
    members = tuple(sorted((q.doc, q.start) for _, q in quotes))
    first = ref_quotes[0]
    return Group(
        id=_group_id(ref_text, members[0]),
        members=members,
        reference=(first.doc, first.start),
        speaker=first.speaker,
        speaker_id=first.speaker_id,
        flags=tuple(flags),
    )


#: Characters before a quote searched for its cue, to read how the quote is framed (``called on X to``).
LEAD_IN = 60


def _lead_in(q: Quote, text: str) -> tuple[int, str]:
    """Where the words from the quote's cue up to the quote begin, and those words (``called on ``)."""
    window_start = max(0, q.start - LEAD_IN)
    window = text[window_start : q.start]
    if not q.cue:
        return q.start, ""
    at = window.lower().rfind(q.cue.lower())
    if at < 0:
        return q.start, ""
    return window_start + at, window[at:]


def _senses_with_lead_in(qs: Sequence[Quote], text: str) -> dict[str, str]:
    """Modal senses of some quotes and their lead-ins: sense -> the words that carry it."""
    out: dict[str, str] = {}
    for q in qs:
        lead = _lead_in(q, text)[1]
        for part in (lead, q.text):
            for sense, (a, b) in diverge.modal_senses(part):
                out.setdefault(sense, part[a:b])
    return out


def _framing(q: Quote, text: str, ref_senses: dict[str, str], ref_label: str) -> list[Flag]:
    """A ``modality`` flag when the words that introduce a quote (``called on``) add a sense the reference lacks."""
    start, lead = _lead_in(q, text)
    own = {sense for sense, _ in diverge.modal_senses(q.text)}
    out = []
    for sense, (a, b) in diverge.modal_senses(lead):
        if sense not in ref_senses and sense not in own:
            theirs = ", ".join(f'"{w}" ({s})' for s, w in ref_senses.items()) or "no modal word"
            out.append(
                Flag(
                    "modality",
                    f'{q.doc}[{start + a}:{start + b}] "{lead[a:b]}" ({sense}) introduces the quote;'
                    f" {ref_label}: {theirs}",
                )
            )
    return out


def _merged(flags: Sequence[Flag]) -> tuple[Flag, ...]:
    """One flag per type, details joined, in first-seen order."""
    details: dict[str, list[str]] = {}
    for f in flags:
        details.setdefault(f.type, []).append(f.detail)
    return tuple(Flag(kind, "; ".join(ds)) for kind, ds in details.items())


def _label(ex: Extraction) -> str:
    return ex.article.outlet or ex.article.doc


def _group_flags(q: Quote, ref: Quote, compat: Compatibility, ref_label: str, ref_ex: Extraction) -> Iterable[Flag]:
    """``attribution`` and ``kind_shift`` of one quote against the reference quote."""
    here = q.speaker or "no speaker"
    there = ref.speaker or "no speaker"
    if compat is Compatibility.CONFLICTING:
        yield Flag("attribution", f"conflicting: {here} here, {there} in {ref_label}")
    elif compat is Compatibility.UNKNOWN and (q.speaker_id or ref.speaker_id):
        yield Flag("attribution", f"unknown: {here} here, {there} in {ref_label}")
    elif compat is Compatibility.COMPATIBLE:
        yield Flag("attribution", f"compatible: {here} here, {there} in {ref_label} (one reports for the other)")
    elif q.via != ref.via:
        yield Flag(
            "attribution",
            f"compatible: {here} via {q.via or 'no one'} here, via {ref.via or 'no one'} in {ref_label}",
        )
    quoted = {Kind.DIRECT, Kind.MIXED}
    if (q.kind in quoted) != (ref.kind in quoted):
        how = "quoted" if q.kind in quoted else "paraphrased"
        other = "quoted" if ref.kind in quoted else "paraphrased"
        yield Flag("kind_shift", f"{how} here ({q.kind.value}), {other} in {ref_label} ({ref.kind.value})")


#: Between the parts of one document's rendering; has no word characters, so diffs ignore it.
_JOIN = " … "


def _rendering(qs: Sequence[Quote]) -> tuple[str, list[int]]:
    """One document's rendering: its quotes joined, and where each quote starts in it."""
    starts, parts, at = [], [], 0
    for q in qs:
        starts.append(at)
        parts.append(q.text)
        at += len(q.text) + len(_JOIN)
    return _JOIN.join(parts), starts


def _owner(starts: Sequence[int], at: int) -> int:
    """Index of the part of a rendering that holds offset ``at``."""
    k = 0
    for n, s in enumerate(starts):
        if s <= at:
            k = n
    return k


def _doc_place(starts: Sequence[int], qs: Sequence[Quote]) -> diverge.Place:
    """Spans of a rendering named by document and document offsets: ``seeds/a.txt[120:131] "words"``."""

    def place(text: str, span: diverge.Span) -> str:
        k = _owner(starts, span[0])
        q = qs[k]
        begin = q.start + max(0, min(span[0] - starts[k], len(q.text)))
        end = q.start + max(0, min(span[1] - starts[k], len(q.text)))
        return f'{q.doc}[{begin}:{end}] "{diverge.cut(text[span[0] : span[1]])}"'

    return place


def _group_id(text: str, first: tuple[str, int]) -> str:
    """A stable, readable id: three distinctive words of the reference and a hash of the first member's place."""
    words = [w for w in diverge.content_words(text) if w.isalpha() and len(w) > 3]
    seen: list[str] = []
    for w in sorted(set(words), key=lambda w: (-len(w), w))[:3]:
        seen.append(w)
    digest = hashlib.sha1(f"{first[0]}:{first[1]}".encode()).hexdigest()[:6]
    return "-".join(["g", *sorted(seen, key=words.index), digest])

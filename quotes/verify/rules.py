"""Rules: a claim lined up with each candidate rendering, and the outcome over them all.

Input: a claim and candidate ``Rendering`` records, with whether the claimed speaker agrees.
Output: ``Evidence`` for each rendering and the ``Outcome`` they decide (pure functions).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..diverge import compare_texts, content_words, word_diff
from ..types import DiffOp, Evidence, Flag, Outcome, Rendering
from .claims import _WORD, _words

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
#: Content words a rewording may change (left out plus put in) and still be ``close``, or
#: ``MINOR_SHARE`` of the claim's content words when that is more. Calibrated on the claims
#: of tests/test_verify.py: one outlet's translation against another's changes 1-4
#: (``true``/``real``, ``is rising``/``has risen even further``); a clause swapped for
#: another changes 6 or more.
MINOR_WORDS = 4
MINOR_SHARE = 0.25
#: Flags of ``quotes.diverge.compare_texts`` that change what a quote means.
MEANING_FLAGS = frozenset({"negation", "number", "modality", "omission", "addition", "person_shift"})

_ORDER = {
    Outcome.VERBATIM: 4,
    Outcome.CLOSE: 3,
    Outcome.DIVERGENT: 2,
    Outcome.MISATTRIBUTED: 1,
    Outcome.NOT_FOUND: 0,
}
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})


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

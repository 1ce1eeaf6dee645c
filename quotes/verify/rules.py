"""Rules: a claim read against each candidate rendering, and the outcome over them all, by support.

Input: a claim and candidate ``Rendering`` records, with whether the claimed speaker agrees.
Output: a ``Reading`` per rendering (its ``quotes.compare.Comparison``) and the ``Outcome`` they decide.

The outcome rests on support, not on a similarity cut-off:

- ``verbatim``: one rendering supports every word of the claim (a fragment, or parts joined by an
  ellipsis, included);
- ``close``: every word the best rendering does not support is supported, at the same place in
  the claim, by another outlet's rendering of the same remark (and that outlet is named);
- ``divergent``: any other changed word, each typed (``quotes.types.ChangeType``);
- ``misattributed``: the words are found, but from someone other than the claimed speaker;
- ``not_found``: no rendering supports most of the claim's content words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..compare import Changed, Comparison, compare
from ..forms import stored
from ..ingest import outlet_of
from ..types import Change, ChangeType, Evidence, Flag, Outcome, Rendering, merge_flags

#: Fewest claim content words a rendering must support to be shown as the "nearest" source of a claim
#: it does not support: two, and at least a third of the claim's content words. One shared word
#: ("harbour", "talks") is chance in coverage of one event; below a third, the claim is about
#: something else and naming a source would mislead an editor.
NEAREST_WORDS = 2
NEAREST_SHARE = 1 / 3

_ORDER = {
    Outcome.VERBATIM: 5,
    Outcome.CLOSE: 4,
    Outcome.DIVERGENT: 3,
    Outcome.MISATTRIBUTED: 2,
    Outcome.NOT_A_QUOTE: 1,
    Outcome.NOT_FOUND: 0,
}
_FIRST = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
_THIRD = frozenset(
    {"he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "theirs", "themselves"}
)


@dataclass(frozen=True, slots=True)
class Reading:
    """A claim read against one rendering: the comparison and the changes that count.

    ``agrees`` says whether the claimed speaker said the rendering (None: no speaker claimed, or
    the source names no one).
    """

    rendering: Rendering
    comparison: Comparison
    agrees: bool | None
    changes: tuple[Changed, ...]

    @property
    def found(self) -> bool:
        """Whether the rendering supports most of the claim's content words."""
        return self.comparison.found

    @property
    def outlet(self) -> str:
        """The rendering's outlet (``ingest.outlet_of`` for a record made without one)."""
        first = self.rendering.quotes[0]
        return first.outlet if first.outlet is not None else outlet_of(first.doc, "")

    @property
    def positions(self) -> frozenset[tuple[int, bool]]:
        """Where in the claim this rendering fails to support it: ``(token, False)`` for a changed or
        added claim word, ``(boundary, True)`` for rendering words the claim leaves out there."""
        return frozenset((c.position, c.left_out) for c in self.changes)


def read(claim: str, r: Rendering, *, agrees: bool | None, paraphrase: bool = False) -> Reading:
    """Read ``claim`` against one rendering, both in NFC (``forms.stored``). A reported claim
    (``paraphrase``) of the rendering's own speaker may put the speaker's first person in the
    third (``I hope`` reported as ``he hopes``)."""
    comparison = compare(stored(r.text), stored(claim), paraphrase=paraphrase)
    changes = comparison.changes
    if paraphrase and agrees is True:
        changes = tuple(c for c in changes if not _reported_person(c, comparison))
    return Reading(r, comparison, agrees, changes)


def _reported_person(c: Changed, comparison: Comparison) -> bool:
    """A first-person word of the source reported in the third person by the claim."""
    if c.type is not ChangeType.PERSON:
        return False
    source = comparison.a[slice(*c.a_span)].lower()
    claimed = comparison.b[slice(*c.b_span)].lower()
    return source in _FIRST and claimed in _THIRD


def same_remark(x: Reading, y: Reading) -> bool:
    """Whether two renderings can lend each other words: different outlets whose matched parts
    differ only in wording (no negation, entity, number, modality or person between them)."""
    if x.rendering.quotes[0].doc == y.rendering.quotes[0].doc:
        return False
    gx, gy = x.rendering.quotes[0].group, y.rendering.quotes[0].group
    if gx and gy and gx != gy:
        return False
    wx = x.comparison.a[slice(*x.comparison.window)]
    wy = y.comparison.a[slice(*y.comparison.window)]
    between = compare(wx, wy)
    return between.found and all(c.type is ChangeType.WORDING for c in between.changes)


def covering(best: Reading, others: Sequence[Reading]) -> list[Reading] | None:
    """Other outlets' renderings of the same remark that together support every word ``best`` does
    not (each at the same place in the claim), or None when some word has no support."""
    used: list[Reading] = []
    for position in sorted(best.positions):
        helper = next((o for o in used if position not in o.positions), None)
        if helper is None:
            helper = next((o for o in others if o.found and position not in o.positions and same_remark(best, o)), None)
        if helper is None:
            return None
        if helper not in used:
            used.append(helper)
    return used


def _strength(x: Reading) -> tuple[int, int, int]:
    """Better first: fewer changes, more supported words, the longer passage."""
    r = x.rendering
    return (-len(x.changes), x.comparison.supported, r.quotes[-1].end - r.quotes[0].start)


def judge_pool(pool: Sequence[Reading]) -> tuple[Outcome, Reading, list[Reading]] | None:
    """The outcome among renderings that may all be the claimed speaker's: verbatim, close (with the
    outlets that lend the words) or divergent; None when none of them is found."""
    found = sorted((x for x in pool if x.found), key=_strength, reverse=True)
    if not found:
        return None
    exact = [x for x in found if not x.changes]
    if exact:
        return Outcome.VERBATIM, exact[0], []
    for x in found:
        helpers = covering(x, [o for o in found if o is not x])
        if helpers is not None:
            return Outcome.CLOSE, x, helpers
    return Outcome.DIVERGENT, found[0], []


def decide(readings: Sequence[Reading], *, speaker_claimed: bool) -> tuple[Outcome, Reading | None, list[Reading]]:
    """The outcome over all renderings, the rendering it rests on and the outlets lending words.

    Without a claimed speaker: the best outcome over all renderings. With one: the best over the
    renderings by that speaker, then those naming no one; when the words are found better (or only)
    from someone else, ``misattributed``. Nothing found: ``not_found`` with the nearest rendering
    when it passes ``NEAREST_WORDS``/``NEAREST_SHARE``.
    """
    if not speaker_claimed:
        judged = judge_pool(readings)
        if judged is not None:
            return judged
        return Outcome.NOT_FOUND, nearest(readings), []
    own = judge_pool([x for x in readings if x.agrees is True]) or judge_pool([x for x in readings if x.agrees is None])
    other = judge_pool([x for x in readings if x.agrees is False])
    if own is not None and (other is None or _ORDER[own[0]] >= _ORDER[other[0]]):
        return own
    if other is not None and other[0] is Outcome.DIVERGENT:
        return other  # changed words, and someone else's: divergent, and the report names the speaker
    if other is not None:
        return Outcome.MISATTRIBUTED, other[1], []
    return Outcome.NOT_FOUND, nearest(readings), []


def nearest(readings: Sequence[Reading]) -> Reading | None:
    """The rendering sharing most of a claim no rendering supports, if it shares enough to show."""
    best = max(readings, key=lambda x: x.comparison.supported, default=None)
    if best is None:
        return None
    c = best.comparison
    if c.supported < NEAREST_WORDS or c.supported < NEAREST_SHARE * c.content:
        return None
    return best


def changes_of(x: Reading) -> tuple[Change, ...]:
    """The reading's changes as records: claim offsets into the claim, source offsets into the document."""
    r = x.rendering
    out = []
    for c in x.changes:
        a, b = x.comparison.a, x.comparison.b
        note = "a translation may say it another way" if c.type is ChangeType.WORDING else ""
        out.append(
            Change(
                type=c.type,
                claim_text=b[slice(*c.b_span)],
                claim_start=c.b_span[0],
                claim_end=c.b_span[1],
                source_text=a[slice(*c.a_span)],
                source_start=r.doc_offset(c.a_span[0]),
                source_end=r.doc_offset(c.a_span[1]),
                note=note,
            )
        )
    return tuple(out)


def flags_of(changes: Sequence[Change]) -> tuple[Flag, ...]:
    """One flag per change type, its detail listing the words (``Change.words``)."""
    return merge_flags(Flag(c.type.value, c.words()) for c in changes)


def evidence(x: Reading, outcome: Outcome, *, lenders: Sequence[Reading] = ()) -> Evidence:
    """The reading as an ``Evidence`` record for the verdict."""
    from rapidfuzz import fuzz

    from .claims import _words

    r, c = x.rendering, x.comparison
    lo, hi = c.window
    first, last = r.quotes[0], r.quotes[-1]
    changes = changes_of(x)
    return Evidence(
        outcome=outcome,
        doc=first.doc,
        outlet=first.outlet,
        start=first.start,
        end=last.end,
        match_start=r.doc_offset(lo),
        match_end=r.doc_offset(hi),
        line=first.line,
        text=c.a,
        kind=first.kind,
        speaker=first.speaker,
        speaker_id=first.speaker_id,
        via=first.via,
        similarity=round(float(fuzz.ratio(_words(c.a[lo:hi]), _words(c.b))), 1),
        diff=c.diff,
        flags=flags_of(changes),
        speaker_agrees=x.agrees,
        changes=changes,
        supported_by=tuple(dict.fromkeys(o.outlet for o in lenders)),
    )


def own_outcome(x: Reading) -> Outcome:
    """The outcome of one rendering on its own: verbatim, divergent or not found."""
    if not x.found:
        return Outcome.NOT_FOUND
    return Outcome.VERBATIM if not x.changes else Outcome.DIVERGENT

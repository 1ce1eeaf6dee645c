"""Remarks: a quote of several sentences may render several remarks, each with a group of its own.

Input: the aligned extractions of a corpus (quotes with their ``group``).
Output: the same extractions with ``parts`` (CONTRACT.md) on each quote whose sentences render remarks
that other documents group apart: one ``Part`` per sentence, with the group its sentence belongs to.

Why: one outlet quotes two sentences in one quote and another quotes them apart, and the unit of
alignment is one remark (CONTRACT.md ``parts``). Each sentence is lined up on its own with the other
documents' quotes, and a sentence whose best linkable partner elsewhere is in another group takes that
group in ``parts``, when the two share words one can point at
(``PairFeatures.shown``): joining two remarks into one statement on character similarity alone
("Or we will agree on certain terms." against "peace … when we achieve our objectives") merged
unrelated answers of one press conference. The quote's own ``group`` is then its main remark's: the
group of its longest part (the first when tied). Scorers align the parts as records of their own.
Remarks are never joined into one statement because an outlet quoted them whole: that chained the
answers of a press conference into one group (golden/dev, dev split, over found quotes 0.547 -> 0.610
without it, once the gold followed the remark; the seeds unchanged at 0.938).
A sentence too short to align on its own (fewer than ``MIN_WORDS`` content words) stays with the
sentence before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .. import diverge
from ..types import Extraction, Part, Quote
from .flags import EXTRACTION_FLAGS
from .similarity import MIN_WORDS, Weights, _candidates, _features, _items

#: A sentence ends at . ! or ? (a closing quotation mark may follow) before white space and a capital
#: letter or an opening mark.
_BOUNDARY = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘']?[A-Z])")


def sentences(q: Quote) -> list[tuple[int, int]]:
    """The remark units of a quote as document offsets: its sentences, short ones joined to a neighbour.

    >>> from quotes.types import Kind
    >>> sentences(Quote("d", None, 10, 49, "We will talk. We will not fight. Never.", Kind.DIRECT))
    [(10, 23), (24, 49)]
    """
    cuts = [0] + [m.end() for m in _BOUNDARY.finditer(q.text)] + [len(q.text)]
    units: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if units and _short(q.text[a:b]):
            units[-1] = (units[-1][0], b)  # too short to align alone: part of the remark before
        else:
            units.append((a, b))
    if len(units) > 1 and _short(q.text[units[0][0] : units[0][1]]):
        units[1] = (units[0][0], units[1][1])
        units.pop(0)
    return [(q.start + a, q.start + len(q.text[:b].rstrip())) for a, b in units]


def _short(text: str) -> bool:
    return len(set(diverge.content_words(text))) < MIN_WORDS


def with_parts(
    extractions: Sequence[Extraction], camps: dict[str, str], *, weights: Weights = Weights()
) -> list[Extraction]:
    """Aligned extractions with ``parts`` on the quotes whose sentences belong to different groups, each such
    quote carrying its main remark's group (``main_group``).

    ``camps`` are the corpus's ``speaker_camps`` (the units have their quotes' speakers).
    """
    units: list[list[Quote]] = []
    own_group: dict[tuple[int, int], str | None] = {}  # (document, sentence start) -> its quote's group
    unit_text: dict[tuple[int, int], str] = {}  # (document, sentence start) -> the sentence
    spans_of: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (document, quote start) -> its sentences
    for d, ex in enumerate(extractions):
        mine = []
        for q in ex.quotes:
            spans = sentences(q)
            if len(spans) < 2:
                continue
            spans_of[(d, q.start)] = spans
            for start, end in spans:
                unit_text[(d, start)] = ex.article.text[start:end]
                mine.append(replace(q, start=start, end=end, text=unit_text[(d, start)], group=None, flags=()))
                own_group[(d, start)] = q.group
        units.append(mine)
    if not spans_of:
        return list(extractions)
    combined = [replace(ex, quotes=ex.quotes + tuple(units[d])) for d, ex in enumerate(extractions)]
    items = _items(combined)
    unit_ids = {id(u) for mine in units for u in mine}
    is_unit = {it.n: id(it.quote) in unit_ids for it in items}
    best: dict[tuple[int, int], tuple[float, str]] = {}  # unit -> (score, group) of its best linkable partner
    own: set[tuple[int, int]] = set()  # units that link to a rendering of their own quote's group
    for i, j in _candidates(items):
        for a, b in ((i, j), (j, i)):
            if not is_unit[items[a].n] or is_unit[items[b].n] or items[a].doc == items[b].doc:
                continue
            group = items[b].quote.group
            if group is None:
                continue
            f = _features(items[a], items[b], camps)
            s = f.score(weights)
            key = (items[a].doc, items[a].quote.start)
            if s < weights.cutoff(f.speakers) or not f.shown():
                continue
            if group == own_group[key]:
                own.add(key)
            if s > best.get(key, (-1.0, ""))[0]:
                best[key] = (s, group)
    for key in own:  # a sentence that renders its own quote's remark too is no evidence of another
        best.pop(key, None)
    # copies of one sentence in one group (wire copy) are compared through one of them: they share its finding
    copies: dict[tuple[str, str | None], tuple[float, str]] = {}
    for key, found in best.items():
        copy = (unit_text[key], own_group[key])
        if found[0] > copies.get(copy, (-1.0, ""))[0]:
            copies[copy] = found
    out = []
    for d, ex in enumerate(extractions):
        quotes = []
        for q in ex.quotes:
            if (d, q.start) not in spans_of:
                quotes.append(q)
                continue
            parts = tuple(
                Part(a, b, best.get((d, a), copies.get((unit_text[(d, a)], q.group), (0.0, q.group)))[1])
                for a, b in spans_of[(d, q.start)]
            )
            quotes.append(_with_main_remark(q, parts) if len({p.group for p in parts}) > 1 else q)
        out.append(replace(ex, quotes=tuple(quotes)))
    return out


def main_group(parts: Sequence[Part]) -> str | None:
    """The group of a quote's main remark: its longest part's (the first when tied)."""
    return max(parts, key=lambda p: p.end - p.start).group


def _with_main_remark(q: Quote, parts: tuple[Part, ...]) -> Quote:
    """The quote with its ``parts`` and its main remark's group. Flags alignment set against another group
    compared the whole quote with another remark, so they go; extraction's own flags stay."""
    group = main_group(parts)
    if group == q.group:
        return replace(q, parts=parts)
    return replace(q, parts=parts, group=group, flags=tuple(f for f in q.flags if f.type in EXTRACTION_FLAGS))

"""Candidates: quotes as the renderings a claim is checked against, interrupted quotes joined.

Input: quotes of a document, the quotes near them and the document's speaker records.
Output: ``Rendering`` records, each quote alone and joined with the other halves of its quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..types import Kind, Quote, Rendering, Speaker

#: Renderings fetched per claim before scoring. Enough to hold every outlet's version of a
#: remark plus near misses; the index returns them best bm25 first.
CANDIDATES = 40

#: Largest gap, in characters, between two quotes of one speaker that are read as one
#: interrupted quote (“…,” she said during the call. “…”). Covers an attribution clause with
#: a short adverbial; a new paragraph between two quotes is a new remark.
INTERRUPTION_GAP = 120


def interrupted(quote: Quote, nearby: Sequence[Quote]) -> list[tuple[Quote, ...]]:
    """``quote`` alone and, when it is one half of a quote interrupted by its attribution
    (“…,” she said. “…”: same speaker, quoted, at most ``INTERRUPTION_GAP`` apart, no blank
    line between), the run of halves it belongs to."""
    out: list[tuple[Quote, ...]] = [(quote,)]
    if quote.kind is Kind.INDIRECT or not quote.speaker_id:
        return out
    same = sorted(
        (q for q in nearby if q.kind is not Kind.INDIRECT and q.speaker_id == quote.speaker_id and q.doc == quote.doc),
        key=lambda q: q.start,
    )
    runs: list[list[Quote]] = []
    for q in same:
        if runs and 0 <= q.start - runs[-1][-1].end <= INTERRUPTION_GAP and q.line - runs[-1][-1].line <= 1:
            runs[-1].append(q)
        else:
            runs.append([q])
    for run in runs:
        if len(run) > 1 and any(q.start == quote.start for q in run):
            out.append(tuple(run))
    return out


def rendering(parts: Sequence[Quote], speakers: dict[str, Speaker]) -> Rendering:
    """A rendering of the quote ``parts`` with the speaker records of their document."""
    first = parts[0]
    via = None
    if first.via:
        via = next((s for s in speakers.values() if s.name == first.via), None)
    return Rendering(
        quotes=tuple(parts),
        speaker=speakers.get(first.speaker_id) if first.speaker_id else None,
        via=via,
    )


def renderings(found: Iterable[tuple[Quote, Sequence[Quote], dict[str, Speaker]]]) -> list[Rendering]:
    """The renderings of quotes, each given with the quotes near it and its document's speaker
    records: every quote alone and every run of ``interrupted`` halves it belongs to, each
    passage once (by document and span), in the order found."""
    out: list[Rendering] = []
    seen: set[tuple[str, int, int]] = set()
    for quote, nearby, speakers in found:
        for parts in interrupted(quote, nearby):
            key = (quote.doc, parts[0].start, parts[-1].end)
            if key not in seen:
                seen.add(key)
                out.append(rendering(parts, speakers))
    return out

"""Verdicts: the entry points, one claim or the quotes of a draft checked against sources.

Input: a claim (and the claimed speaker) or draft paths, and ``Sources``.
Output: a ``Verdict``, or a draft's ``(Quote, Verdict)`` pairs in document order with a diagnostic
per draft that could not be read (``CheckResults``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Union, overload

from ..config import Settings
from ..errors import InputError
from ..forms import stored
from ..ingest import outlet_of
from ..store.candidates import CANDIDATES
from ..types import Diagnostic, Evidence, Extraction, Kind, Outcome, Quote, Rendering, Speaker, Verdict
from .agreement import speaker_agrees
from .claims import _words, parse_claim
from .rules import _ORDER, Reading, decide, evidence, own_outcome, read
from .sources import Against, Sources, opened

#: What ``check`` takes as drafts: one file or folder, or several.
Drafts = Union[str, Path, Iterable[Union[str, Path]]]

#: Candidates lined up word by word with the claim: those sharing the most of its words.
#: Every outlet's rendering of one remark shares most words with a claim of it, so the
#: few best are enough; lining up is the costly step.
ASSESSED = 12


def verify(
    claim: str,
    *,
    against: Against | None = None,
    db: str | Path | None = None,
    speaker: str | None = None,
    strict: bool = False,
    paraphrase: bool = False,
    settings: Settings | None = None,
    speakers: Path | None = None,
) -> Verdict:
    """The verdict on one claim against the sources: ``quotes verify`` in the library.

    ``against``: article paths (a file or folder, or several; extracted now with ``settings`` and the
    ``speakers`` authority file), or opened sources (a ``Corpus`` or ``Index``); or ``db``: an index
    file; neither: the index ``$QUOTES_DB`` names (see ``sources.as_sources``).
    ``claim`` may carry its own quotation marks and attribution (``"…," Lima said``);
    ``speaker`` (when given) wins over a speaker named in the claim. ``strict``: only
    ``verbatim`` passes (``Verdict.ok``). ``paraphrase``: the claim is reported speech (no
    marks), so rewording alone is no divergence. Never raises on odd input: a claim with
    no words is ``not_found`` with a note.

    Raises:
        InputError: ``against`` names no sources or a missing path, or both ``against`` and ``db`` were given.
        StoreError: the index cannot be opened.
    """
    with opened(against, db=db, settings=settings, speakers=speakers) as (sources, unread_sources):
        best: Verdict | None = None
        for text, named in parse_claim(stored(claim)):
            who = speaker or named
            verdict = _verify_text(claim, text, who, sources, paraphrase=paraphrase)
            if best is None or _verdict_rank(verdict) > _verdict_rank(best):
                best = verdict
        assert best is not None
        return replace(best, strict=strict, notes=best.notes + tuple(_unread_note(d) for d in unread_sources))


def _verdict_rank(v: Verdict) -> tuple[int, float]:
    return (_ORDER[v.outcome], v.evidence.similarity if v.evidence else 0.0)


def _verify_text(claim: str, text: str, speaker: str | None, sources: Sources, *, paraphrase: bool) -> Verdict:
    if not _words(text):
        return Verdict(
            claim=claim,
            text=text,
            speaker=speaker,
            outcome=Outcome.NOT_FOUND,
            notes=("no words to look up",),
            reason="the claim has no words to look up",
        )
    claim_words = set(_words(text))
    renderings = sorted(
        sources.candidates(text, limit=CANDIDATES), key=lambda r: (-len(claim_words & set(_words(r.text))), _place(r))
    )[:ASSESSED]
    found_speakers: dict[str, list[Speaker]] = {}

    def lookup(name: str) -> list[Speaker]:
        if name not in found_speakers:
            found_speakers[name] = sources.find_speakers(name)
        return found_speakers[name]

    readings = []
    for r in renderings:
        agrees = speaker_agrees(speaker, r, lookup=lookup) if speaker else None
        readings.append(read(text, r, agrees=agrees, paraphrase=paraphrase))
    outcome, best, lenders = decide(readings, speaker_claimed=speaker is not None)
    if outcome is Outcome.NOT_FOUND:
        said = _narration(text, sources)
        if said is not None:
            outcome, best = Outcome.NOT_A_QUOTE, said
    chosen = evidence(best, outcome, lenders=lenders) if best is not None else None
    if chosen is not None and outcome is Outcome.NOT_A_QUOTE:
        chosen = replace(chosen, kind=None, outcome=outcome)
    others = [x for x in _one_per_passage(readings, best) if x.found]
    ordered: tuple[Evidence, ...] = (chosen,) if chosen is not None and outcome is not Outcome.NOT_FOUND else ()
    ordered += tuple(evidence(x, own_outcome(x)) for x in others)
    notes: list[str] = []
    if best is not None and best.agrees is None and speaker and outcome not in (Outcome.NOT_FOUND, Outcome.NOT_A_QUOTE):
        notes.append("the source does not say who said it; the speaker is unconfirmed")
    verdict = Verdict(
        claim=claim,
        text=text,
        speaker=speaker,
        outcome=outcome,
        evidence=chosen,
        renderings=ordered,
        notes=tuple(notes),
    )
    return replace(verdict, reason=reason(verdict))


def _narration(text: str, sources: Sources) -> Reading | None:
    """The article sentence that supports the claim when no quote does: the outlet's own words."""
    narration = getattr(sources, "narration", None)  # a Corpus has its articles' text; an index does not
    if narration is None:
        return None
    found = [x for x in (read(text, r, agrees=None) for r in narration.passages(text)) if x.found]
    if not found:
        return None
    return min(found, key=lambda x: (len(x.changes), -x.comparison.supported))


def _place(r: Rendering) -> tuple[str, int, int]:
    """Where a rendering is: its document, its start and (longest first) its end. Renderings that match a
    claim equally well are taken in this order, whatever order the sources found them in (bm25 for an
    index, rapidfuzz for paths), so that paths and an index give the same verdict."""
    doc, start, end = _span(r)
    return doc, start, -end


def _one_per_passage(readings: Sequence[Reading], best: Reading | None) -> list[Reading]:
    """The best reading for each other passage of each document than the one ``best`` reads (an interrupted
    quote and its halves are one passage)."""
    kept: list[Reading] = []
    spans = [_span(best.rendering)] if best is not None else []
    for x in sorted(readings, key=lambda x: (x.found, -len(x.changes), x.comparison.supported), reverse=True):
        doc, start, end = _span(x.rendering)
        if x is not best and not any(d == doc and s < end and start < e for d, s, e in spans):
            kept.append(x)
            spans.append((doc, start, end))
    return kept


def _span(r: Rendering) -> tuple[str, int, int]:
    """The document of a rendering and the span its quotes cover."""
    return r.quotes[0].doc, r.quotes[0].start, r.quotes[-1].end


def reason(v: Verdict) -> str:
    """Why the verdict is what it is, in one line an editor can act on."""
    e = v.evidence
    where = "" if e is None else e.outlet if e.outlet is not None else outlet_of(e.doc, "")
    if v.outcome is Outcome.VERBATIM and e is not None:
        return f"every word of the claim is in {where}'s rendering"
    if v.outcome is Outcome.CLOSE and e is not None:
        lenders = ", ".join(e.supported_by)
        return f"the words {where} does not have are in {lenders}'s rendering of the same remark"
    if v.outcome is Outcome.DIVERGENT and e is not None:
        kinds = ", ".join(dict.fromkeys(c.type.value for c in e.changes))
        return f"the claim changes words of {where}'s rendering ({kinds})"
    if v.outcome is Outcome.MISATTRIBUTED and e is not None:
        return f"{where} gives these words to {e.speaker or 'an unnamed source'}, not {v.speaker}"
    if v.outcome is Outcome.NOT_A_QUOTE and e is not None:
        return f"not a quote: these are {where}'s words"
    return "no source has most of these words"


@dataclass(frozen=True, slots=True)
class CheckResults(Sequence[tuple[Quote, Verdict]]):
    """What ``check`` found: each quote of the drafts read with its verdict, in document order (the
    sequence itself), and a diagnostic for each draft or source path that could not be read."""

    pairs: tuple[tuple[Quote, Verdict], ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every draft was read and every quote passes."""
        return not self.diagnostics and all(v.ok for _, v in self.pairs)

    @overload
    def __getitem__(self, index: int) -> tuple[Quote, Verdict]: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[Quote, Verdict], ...]: ...

    def __getitem__(self, index: int | slice) -> tuple[Quote, Verdict] | tuple[tuple[Quote, Verdict], ...]:
        return self.pairs[index]

    def __len__(self) -> int:
        return len(self.pairs)


def check(
    drafts: Drafts,
    *,
    against: Against | None = None,
    db: str | Path | None = None,
    strict: bool = False,
    settings: Settings | None = None,
    speakers: Path | None = None,
) -> CheckResults:
    """Every quote and reported statement of draft articles, verified; in document order: ``quotes check``.

    ``drafts``: a file or folder, or several. The sources are ``against`` or ``db`` as for ``verify``.
    The draft's own speakers (resolved within the draft, ``Lima`` → ``Ana Lima``) are the
    claimed speakers. A draft (or source path) that cannot be read is left out with a
    diagnostic in ``CheckResults.diagnostics``; the others are still checked.

    Raises:
        InputError: no draft can be read, or ``against`` names no sources.
        StoreError: the index cannot be opened.
    """
    with opened(against, db=db, settings=settings, speakers=speakers) as (sources, unread_sources):
        done = list(_check_drafts(drafts, sources, strict=strict, settings=settings))
    unread_drafts = [d for ex, _ in done for d in ex.errors]
    if done and all(ex.errors for ex, _ in done):
        first, more = unread_drafts[0], len(done) - 1
        also = f" (and {more} more draft{'s' if more > 1 else ''} could not be read)" if more else ""
        raise InputError(f"{first.doc}: {first.message}{also}")
    return CheckResults(
        pairs=tuple(pair for _, pairs in done for pair in pairs), diagnostics=(*unread_sources, *unread_drafts)
    )


def check_each(
    drafts: Drafts,
    *,
    against: Against | None = None,
    db: str | Path | None = None,
    strict: bool = False,
    settings: Settings | None = None,
    speakers: Path | None = None,
) -> Iterator[tuple[Quote, Verdict] | Diagnostic]:
    """``check`` one result at a time, in input order: a diagnostic for each source path that could
    not be read, then for each draft its ``(Quote, Verdict)`` pairs, or its diagnostic when it
    cannot be read.

    Raises:
        InputError: ``against`` names no sources (at the first result).
        StoreError: the index cannot be opened (at the first result).
    """
    with opened(against, db=db, settings=settings, speakers=speakers) as (sources, unread_sources):
        yield from unread_sources
        for ex, pairs in _check_drafts(drafts, sources, strict=strict, settings=settings):
            yield from ex.errors or pairs


def _check_drafts(
    drafts: Drafts, sources: Sources, *, strict: bool, settings: Settings | None
) -> Iterator[tuple[Extraction, tuple[tuple[Quote, Verdict], ...]]]:
    """Each draft document as extracted (its speakers named within it), with its quotes verified (none
    when it could not be read)."""
    from ..pipeline import extract_each

    paths = [drafts] if isinstance(drafts, (str, Path)) else list(drafts)
    for ex in extract_each([Path(d) for d in paths], settings=settings):
        if ex.errors:
            yield ex, ()
            continue
        pairs = []
        for q in ex.quotes:
            paraphrase = q.kind is Kind.INDIRECT
            pairs.append((q, verify(q.text, speaker=q.speaker, against=sources, strict=strict, paraphrase=paraphrase)))
        yield ex, tuple(pairs)


def _unread_note(d: Diagnostic) -> str:
    return f"source {d.doc}: could not be read ({d.message}); verified against the others"

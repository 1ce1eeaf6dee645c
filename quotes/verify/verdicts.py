"""Verdicts: the entry points, one claim or the quotes of a draft checked against sources.

Input: a claim (and the claimed speaker) or draft paths, and ``Sources``.
Output: a ``Verdict``, or a draft's ``(Quote, Verdict)`` pairs in document order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..types import Kind, Outcome, Quote, Speaker, Verdict
from .agreement import speaker_agrees
from .claims import _words, parse_claim
from .rules import _ORDER, _one_per_passage, _rank, assess, decide
from .sources import CANDIDATES, Against, Sources, as_sources

#: Candidates lined up word by word with the claim: those sharing the most of its words.
#: Every outlet's rendering of one remark shares most words with a claim of it, so the
#: few best are enough; lining up is the costly step.
ASSESSED = 12


def verify(
    claim: str,
    *,
    against: Against,
    speaker: str | None = None,
    strict: bool = False,
    paraphrase: bool = False,
) -> Verdict:
    """The verdict on one claim against the sources.

    ``against``: a ``Corpus`` or ``Index``, or article paths (extracted now).
    ``claim`` may carry its own quotation marks and attribution (``"…," Lima said``);
    ``speaker`` (when given) wins over a speaker named in the claim. ``strict``: only
    ``verbatim`` passes (``Verdict.ok``). ``paraphrase``: the claim is reported speech (no
    marks), so rewording alone is no divergence. Never raises on odd input: a claim with
    no words is ``not_found`` with a note.

    Raises:
        InputError: ``against`` names no sources or a missing path.
    """
    sources, opened = as_sources(against)
    try:
        best: Verdict | None = None
        for text, named in parse_claim(claim):
            who = speaker or named
            verdict = _verify_text(claim, text, who, sources, paraphrase=paraphrase)
            if best is None or _verdict_rank(verdict) > _verdict_rank(best):
                best = verdict
        assert best is not None
        return replace(best, strict=strict)
    finally:
        if opened:
            sources.close()


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
    drafts: Iterable[str | Path], *, against: Against, strict: bool = False, settings: Settings | None = None
) -> list[tuple[Quote, Verdict]]:
    """Every quote and reported statement of draft articles, verified; in document order.

    The draft's own speakers (resolved within the draft, ``Lima`` → ``Ana Lima``) are
    the claimed speakers. A draft that cannot be read raises.

    Raises:
        InputError: a draft cannot be read.
    """
    from ..pipeline import extract

    sources, opened = as_sources(against, settings=settings)
    try:
        out = []
        for ex in extract([Path(d) for d in drafts], settings=settings):
            if ex.errors:
                raise InputError(f"{ex.errors[0].doc}: {ex.errors[0].message}")
            for q in ex.quotes:
                verdict = verify(
                    q.text, speaker=q.speaker, against=sources, strict=strict, paraphrase=q.kind is Kind.INDIRECT
                )
                out.append((q, verdict))
        return out
    finally:
        if opened:
            sources.close()

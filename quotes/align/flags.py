"""Flags against the group: how each document's rendering of a remark differs from the group's reference.

Input: the quotes of one group (document index, quote), their extractions and the speakers' camps.
Output: a ``Group`` record whose ``flags`` give each member's divergences, with documents and offsets.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from .. import diverge
from ..types import Extraction, Flag, Group, Kind, Quote, merge_flags
from .camps import Compatibility, compatibility

#: Rank of kinds when choosing a group's reference rendering: a direct quote is the best witness.
_KIND_RANK = {Kind.DIRECT: 0, Kind.MIXED: 1, Kind.INDIRECT: 2}
#: Flag keys (see ``flag_key``) that show a disagreement in meaning or source: groups with them come first.
SERIOUS = ("attribution:conflicting", "negation", "number", "date", "modality", "person_shift")
#: Flags extraction sets on a record (a scare quote, a speaker the learned ranking chose): alignment keeps them.
EXTRACTION_FLAGS = ("scare", "ranked_speaker")


def flag_key(f: Flag) -> str:
    """The flag type, attribution split into ``attribution:compatible``, ``attribution:conflicting``, ..."""
    return f"attribution:{f.detail.split(':', 1)[0]}" if f.type == "attribution" else f.type


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
    the text flags of ``diverge.evidence`` inside the stretch both renderings cover
    (a partial quote is no omission of what it never covered), each detail naming
    documents and character offsets.
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
    ref_senses = _senses_with_lead_in(ref_quotes, extractions[ref].article.text)
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
            edges=False,  # what one rendering quotes beyond the other was never promised by the shorter one
        )
        per_quote: dict[int, list[diverge.Evidence]] = defaultdict(list)
        for e in found:
            at = e.b_spans[0][0] if e.b_spans else 0
            per_quote[_owner(mapping, at)].append(e)
        for k, q in enumerate(qs):
            qflags = list(_group_flags(q, ref_quotes[0], compat, ref_label))
            qflags += _framing(q, extractions[d].article.text, ref_senses, ref_label)
            merged = merge_flags(qflags)
            located = (_located(e, ref_text, ref_map, ref_quotes, text, mapping, qs) for e in per_quote.get(k, []))
            merged += tuple(f for f in located if (f.text or "").strip() or (f.other_text or "").strip())
            flags.append(((q.doc, q.start), merged))
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
                    doc=q.doc,
                    start=start + a,
                    end=start + b,
                    text=lead[a:b],
                )
            )
    return out


def _label(ex: Extraction) -> str:
    """How flag details name a document: its outlet, else its name."""
    return ex.article.outlet or ex.article.doc


def _group_flags(q: Quote, ref: Quote, compat: Compatibility, ref_label: str) -> Iterable[Flag]:
    """``attribution`` and ``kind_shift`` of one quote against the reference quote, each with its evidence: the
    two speaker mentions for ``attribution``, the two renderings for ``kind_shift``."""
    here = q.speaker or "no speaker"
    there = ref.speaker or "no speaker"
    detail = None
    if compat is Compatibility.CONFLICTING:
        detail = f"conflicting: {here} here, {there} in {ref_label}"
    elif compat is Compatibility.UNKNOWN and (q.speaker_id or ref.speaker_id):
        detail = f"unknown: {here} here, {there} in {ref_label}"
    elif compat is Compatibility.COMPATIBLE:
        detail = f"compatible: {here} here, {there} in {ref_label} (one reports for the other)"
    elif q.via != ref.via:
        detail = f"compatible: {here} via {q.via or 'no one'} here, via {ref.via or 'no one'} in {ref_label}"
    if detail is not None:
        yield Flag("attribution", detail, **_mentions(q, ref))
    quoted = {Kind.DIRECT, Kind.MIXED}
    if (q.kind in quoted) != (ref.kind in quoted):
        how = "quoted" if q.kind in quoted else "paraphrased"
        other = "quoted" if ref.kind in quoted else "paraphrased"
        yield rendering_flag(
            "kind_shift", f"{how} here ({q.kind.value}), {other} in {ref_label} ({ref.kind.value})", q, ref
        )


def rendering_flag(kind: str, detail: str, q: Quote, ref: Quote | None = None) -> Flag:
    """A flag whose evidence is whole renderings: this quote's words, and the reference's when given."""
    return Flag(
        kind,
        detail,
        **_located_fields("", q.doc, q.start, q.end, q.text),
        **(_located_fields("other_", ref.doc, ref.start, ref.end, ref.text) if ref is not None else {}),
    )


def _located_fields(prefix: str, doc: str, start: int, end: int, text: str) -> dict[str, Any]:
    """One side's structured flag fields (CONTRACT.md): ``doc``, ``start``, ``end``, ``text``, or ``other_*``."""
    return {f"{prefix}doc": doc, f"{prefix}start": start, f"{prefix}end": end, f"{prefix}text": text}


def _mentions(q: Quote, ref: Quote) -> dict[str, Any]:
    """The structured fields of an ``attribution`` flag: where each side names its speaker (none for a side that
    names no one)."""
    out: dict[str, Any] = {}
    for prefix, quote in (("", q), ("other_", ref)):
        if quote.speaker_span and quote.speaker_mention:
            out |= _located_fields(prefix, quote.doc, *quote.speaker_span, quote.speaker_mention)
    return out


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


def _located(
    e: diverge.Evidence,
    ref_text: str,
    ref_map: Sequence[int],
    ref_quotes: Sequence[Quote],
    text: str,
    mapping: Sequence[int],
    qs: Sequence[Quote],
) -> Flag:
    """One text difference as a flag with its structured fields: this rendering's words (``doc``,
    ``start``, ``end``, ``text``) and the reference's (``other_*``), as document offsets."""
    (detail,) = [
        f.detail
        for f in diverge.flags_from(
            [e], ref_text, text, place_a=_doc_place(ref_map, ref_quotes), place_b=_doc_place(mapping, qs)
        )
    ]
    doc, start, end = _doc_span(mapping, qs, e.b_spans)
    other_doc, other_start, other_end = _doc_span(ref_map, ref_quotes, e.a_spans)
    return Flag(
        e.type,
        detail,
        doc=doc,
        start=start,
        end=end,
        text=_text_of(qs, doc, start, end),
        other_doc=other_doc,
        other_start=other_start,
        other_end=other_end,
        other_text=_text_of(ref_quotes, other_doc, other_start, other_end),
    )


def _doc_span(starts: Sequence[int], qs: Sequence[Quote], spans: Sequence[diverge.Span]) -> tuple[str, int, int]:
    """The document and document offsets covering some spans of a joined rendering."""
    lo = min((s[0] for s in spans), default=0)
    hi = max((s[1] for s in spans), default=0)
    k = _owner(starts, lo)
    q = qs[k]
    begin = q.start + max(0, min(lo - starts[k], len(q.text)))
    end = q.start + max(0, min(hi - starts[k], len(q.text)))
    return q.doc, begin, max(begin, end)


def _text_of(qs: Sequence[Quote], doc: str, start: int, end: int) -> str:
    """The words of a document span, read from the quote that holds it."""
    for q in qs:
        if q.doc == doc and q.start <= start <= q.end:
            return q.text[start - q.start : min(end, q.end) - q.start]
    return ""


def _owner(starts: Sequence[int], at: int) -> int:
    """Index of the part of a rendering that holds offset ``at``."""
    k = 0
    for n, s in enumerate(starts):
        if s <= at:
            k = n
    return k


def _doc_place(starts: Sequence[int], qs: Sequence[Quote]) -> diverge.Place:
    """Spans of a rendering named by document and document offsets: ``articles/a.txt[120:131] "words"``."""

    def place(text: str, span: diverge.Span) -> str:
        doc, begin, end = _doc_span(starts, qs, [span])
        return f'{doc}[{begin}:{end}] "{diverge.cut(text[span[0] : span[1]])}"'

    return place


def _group_id(text: str, first: tuple[str, int]) -> str:
    """A stable, readable id: three distinctive words of the reference and a hash of the first member's place."""
    words = [w for w in diverge.content_words(text) if w.isalpha() and len(w) > 3]
    longest = sorted(set(words), key=lambda w: (-len(w), w))[:3]
    digest = hashlib.sha1(f"{first[0]}:{first[1]}".encode()).hexdigest()[:6]
    return "-".join(["g", *sorted(longest, key=words.index), digest])

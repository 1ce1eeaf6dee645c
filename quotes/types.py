"""The records that flow between stages.

Input: nothing (shared definitions). Output: frozen dataclasses used by every stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """How a quote is rendered in the text."""

    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"


class Level(StrEnum):
    """Severity of a diagnostic."""

    WARNING = "warning"
    ERROR = "error"


class SpeakerKind(StrEnum):
    """What sort of source a speaker is."""

    PERSON = "person"
    INSTITUTION = "institution"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Article:
    """One input document: its name as given, its exact text and metadata."""

    doc: str
    text: str
    outlet: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in one document; attached to results, never raised."""

    doc: str
    code: str
    message: str
    offset: int | None = None
    level: Level = Level.WARNING
    line: int | None = None  # 1-based line, for problems in line-based input (a claims file) without offsets

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as JSON-ready data: document, code, level (its value), message, offset and line."""
        return {
            "doc": self.doc,
            "code": self.code,
            "level": self.level.value,
            "message": self.message,
            "offset": self.offset,
            "line": self.line,
        }

    def line_col(self, text: str) -> tuple[int, int] | None:
        """1-based line and column of ``offset`` in ``text``."""
        if self.offset is None:
            return None
        before = text[: self.offset]
        return before.count("\n") + 1, self.offset - (before.rfind("\n") + 1) + 1

    def render(self, text: str | None = None) -> str:
        """One line: ``doc:line:col: level code: message``."""
        where = self.doc
        if text is not None and (lc := self.line_col(text)):
            where = f"{self.doc}:{lc[0]}:{lc[1]}"
        elif self.line is not None:
            where = f"{self.doc}:{self.line}"
        elif self.offset is not None:
            where = f"{self.doc}@{self.offset}"
        return f"{where}: {self.level.value} {self.code}: {self.message}"


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in a document that refer to a (possible) speaker."""

    text: str
    start: int
    end: int
    form: str  # "name", "pronoun", "description"; "place" for the places a document names (mentions.place_names)
    label: str | None = None  # NER label or None
    role: str | None = None  # title or role words kept apart from the name
    body: str | None = None  # organisation words attached to the mention ("presidential office")
    is_subject: bool = False
    gender: str | None = None  # "male"/"female" when its own sentence refers back to it as he or she
    disjoint: tuple[int, int] | None = None  # a pronoun object's own verb's subject, never its antecedent
    joint: bool = False  # parties named together as one source ("Ann Berg and Tom Novak")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote span as found by detection plus its cue and source mentions (plain offsets)."""

    start: int
    end: int
    kind: Kind
    cue: str | None = None
    mention: Mention | None = None
    via: Mention | None = None
    sourceless: bool = False  # known to have no speaker (the title of a work): never inherits one
    scare: bool = False  # a marked phrase no speech act is attributed to (a scare quote): no record by default
    ranked: bool = False  # the mention was chosen by the learned ranking (attribute/ranking.py), no rule named one
    joint: bool = False  # said by several parties together ("Moreau and Berg agreed …"): none of them is the speaker
    turn: bool = False  # a transcript turn (the words after a speaker label), not words between quotation marks
    shown: Mention | None = None  # the words naming the speaker at the quote when the mention is elsewhere (``Q``)
    hearer: Mention | None = None  # the one asked ("Holt asked the minister"): who answers next
    misread: bool = False  # a reported clause that holds its own verb's speaker: the parser's, no report at all


@dataclass(frozen=True, slots=True)
class Speaker:
    """A canonical speaker: one entity, within or across documents."""

    id: str
    name: str
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    role: str | None = None
    body: str | None = None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The speaker as JSON-ready data, the fields ``quotes speakers`` prints first: id, name, kind (its
        value), role, body and aliases."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "role": self.role,
            "body": self.body,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True, slots=True)
class Flag:
    """A divergence of one rendering from the others in its group.

    The optional fields locate the evidence: ``doc``/``start``/``end``/``text`` are this
    rendering's words, ``other_*`` the reference rendering's (CONTRACT.md); an empty span
    marks where words are missing.
    """

    type: str
    detail: str
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    other_doc: str | None = None
    other_start: int | None = None
    other_end: int | None = None
    other_text: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The contract's flag object: type and detail, and the structured fields that are set."""
        out: dict[str, object] = {"type": self.type, "detail": self.detail}
        for name in ("doc", "start", "end", "text", "other_doc", "other_start", "other_end", "other_text"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


def merge_flags(flags: Iterable[Flag], *, limit: int | None = None) -> tuple[Flag, ...]:
    """One flag per type, in first-seen order, its distinct details joined with ``"; "``; a type with one
    detail keeps its flag whole, with the structured fields that locate its evidence.

    The one way flags are merged: by alignment, verification and every output. ``limit`` keeps at most
    that many details of a type and says how many more there were (``…; and 3 more``).

    >>> flags = [Flag("number", "70th"), Flag("negation", "not"), Flag("number", "60th")]
    >>> [(f.type, f.detail) for f in merge_flags(flags)]
    [('number', '70th; 60th'), ('negation', 'not')]
    """
    details: dict[str, list[str]] = {}
    first: dict[str, Flag] = {}
    for f in flags:
        seen = details.setdefault(f.type, [])
        first.setdefault(f.type, f)
        if f.detail not in seen:
            seen.append(f.detail)
    merged = []
    for kind, ds in details.items():
        if len(ds) == 1:
            merged.append(first[kind])
            continue
        shown = ds if limit is None else ds[:limit]
        more = [f"and {len(ds) - len(shown)} more"] if len(shown) < len(ds) else []
        merged.append(Flag(kind, "; ".join([*shown, *more])))
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class Part:
    """One remark of a quote that renders several (CONTRACT.md ``parts``): its offsets and its own group."""

    start: int
    end: int
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``parts`` entry: start, end and group."""
        return {"start": self.start, "end": self.end, "group": self.group}


@dataclass(frozen=True, slots=True)
class Quote:
    """The contract record (see CONTRACT.md): one quote with its attribution."""

    doc: str
    outlet: str | None
    start: int
    end: int
    text: str
    kind: Kind
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_mention: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    via: str | None = None
    group: str | None = None
    flags: tuple[Flag, ...] = ()
    line: int = 1  # 1-based line of ``start``; not part of the contract record
    parts: tuple[Part, ...] = ()  # the remarks of a quote that renders several, each with its group

    def flagged(self, kind: str) -> bool:
        """Whether the quote carries a flag of this type (``scare``, ``ranked_speaker``, ``single_source`` …)."""
        return any(f.type == kind for f in self.flags)

    def to_dict(self) -> dict[str, Any]:
        """The contract record (CONTRACT.md), the one definition of it: the JSON line ``quotes extract``
        prints. Enums are their values and tuples lists; ``line`` is no field of the record, and
        ``parts`` is there only when the quote renders several remarks."""
        out: dict[str, Any] = {
            "doc": self.doc,
            "outlet": self.outlet,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "speaker_mention": self.speaker_mention,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "cue": self.cue,
            "via": self.via,
            "group": self.group,
            "flags": [f.to_dict() for f in self.flags],
        }
        if self.parts:
            out["parts"] = [p.to_dict() for p in self.parts]
        return out


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)
    #: Reported clauses that hold a quote of their own speaker (``said the plan was “reckless” and …``): no records
    #: (golden/README.md §2: the quoted words are), kept for alignment, which reads the quote by its clause.
    reports: tuple[Quote, ...] = ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics that kept the document from being read (warnings excluded)."""
        return tuple(d for d in self.diagnostics if d.level is Level.ERROR)

    def to_dict(self) -> dict[str, Any]:
        """The extraction as JSON-ready data: the article's document, outlet and date, its quotes as the
        contract records ``quotes extract`` prints (``Quote.to_dict``), its speakers and diagnostics."""
        return {
            "doc": self.article.doc,
            "outlet": self.article.outlet,
            "date": self.article.date,
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One canonical speaker across a corpus: names, mentions, role, body and quote counts."""

    id: str
    name: str
    kind: SpeakerKind
    role: str | None
    body: str | None
    aliases: tuple[str, ...]
    mentions: tuple[tuple[str, int], ...]  # mention text and how often it names this speaker
    quotes_by_outlet: tuple[tuple[str, int], ...]  # outlet and count

    def to_dict(self) -> dict[str, Any]:
        """The speaker record ``quotes speakers`` prints as JSON: the ``Speaker`` fields, then mentions and
        quotes per outlet as objects."""
        speaker = Speaker(self.id, self.name, self.kind, self.role, self.body, self.aliases)
        return {
            **speaker.to_dict(),
            "mentions": dict(self.mentions),
            "quotes_by_outlet": dict(self.quotes_by_outlet),
        }


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word-level diff: ``a[a_start:a_end]`` becomes ``b[b_start:b_end]``.

    ``op`` is ``equal``, ``replace``, ``delete`` or ``insert``; offsets are character
    offsets into the two compared strings, and ``a_text``/``b_text`` are those slices.
    """

    op: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str


@dataclass(frozen=True, slots=True)
class Group:
    """Quotes in different documents that render one remark, with their divergences.

    ``members`` are ``(doc, start)`` keys of the quotes; ``reference`` is the key of
    the rendering the others are compared against; ``flags`` maps member keys to
    their flags against the group.
    """

    id: str
    members: tuple[tuple[str, int], ...]
    reference: tuple[str, int]
    speaker: str | None = None
    speaker_id: str | None = None
    flags: tuple[tuple[tuple[str, int], tuple[Flag, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Rendering:
    """One document's rendering of a remark: a quote, or the halves of a quote interrupted by
    its attribution (“…,” she said. “…”), with the records of its speaker and ``via``."""

    quotes: tuple[Quote, ...]
    speaker: Speaker | None = None
    via: Speaker | None = None

    @property
    def text(self) -> str:
        """The quoted words: the parts' texts joined by one space."""
        return " ".join(q.text for q in self.quotes)

    def doc_offset(self, offset: int) -> int:
        """The document offset of a character offset into ``text``."""
        base = 0
        for q in self.quotes:
            if offset <= base + len(q.text):
                return q.start + max(0, offset - base)
            base += len(q.text) + 1
        return self.quotes[-1].end


class Outcome(StrEnum):
    """What verification found for a claim."""

    VERBATIM = "verbatim"  # the same words, up to quotation marks, apostrophes, case and spacing
    CLOSE = "close"  # minor wording, no change of meaning
    DIVERGENT = "divergent"  # found, but the meaning changed (negation, number, modality, clause)
    MISATTRIBUTED = "misattributed"  # the words are found, said by someone else
    NOT_A_QUOTE = "not_a_quote"  # the words are found in an outlet's own narration, quoted from no one
    NOT_FOUND = "not_found"


class ChangeType(StrEnum):
    """What one changed word of a claim does to its meaning; every type fails a claim."""

    NEGATION = "negation"  # not / never / no, un- / in- / -less, antonyms and reversal verbs
    ENTITY = "entity"  # a person, organisation, place, country, nationality or date
    NUMBER = "number"
    MODALITY = "modality"  # may / must / will / hope / intend ...
    PERSON = "person"  # I / we / he: grammatical person or number of a pronoun
    WORDING = "wording"  # any other content word


@dataclass(frozen=True, slots=True)
class Change:
    """One changed word of a claim against a source rendering, typed.

    ``claim_start``/``claim_end`` are offsets into the compared claim text (equal for a word the
    claim leaves out: where it would be); ``source_start``/``source_end`` are offsets into the
    rendering's document (equal for a word the claim adds).
    """

    type: ChangeType
    claim_text: str
    claim_start: int
    claim_end: int
    source_text: str
    source_start: int
    source_end: int
    note: str = ""

    def words(self) -> str:
        """The change in words: ``“shrinking” for “growing”``, ``“not” added``, ``“North” left out``."""
        if not self.claim_text:
            return f"“{self.source_text}” left out"
        if not self.source_text:
            return f"“{self.claim_text}” added"
        return f"“{self.claim_text}” for “{self.source_text}”"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One source rendering compared with a claim.

    ``start``/``end`` are the rendering's offsets in its document, ``match_start``/``match_end``
    those of the part that lines up with the claim; ``diff`` runs from ``text`` (a) to the
    claim (b), offsets into each; ``similarity`` is 0-100 (rapidfuzz ratio of the matched
    words); ``speaker_agrees`` is None when no speaker was claimed or the source names none.
    """

    outcome: Outcome
    doc: str
    outlet: str | None
    start: int
    end: int
    match_start: int
    match_end: int
    line: int
    text: str
    kind: Kind | None  # None for an outlet's own sentence (``not_a_quote``)
    speaker: str | None
    speaker_id: str | None
    via: str | None
    similarity: float
    diff: tuple[DiffOp, ...] = ()
    flags: tuple[Flag, ...] = ()
    speaker_agrees: bool | None = None
    changes: tuple[Change, ...] = ()
    supported_by: tuple[str, ...] = ()  # other outlets whose rendering has the words this one lacks (close)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one claim: the outcome, the nearest rendering and every rendering found.

    ``text`` is the claim's quoted words as compared (marks and attribution removed);
    ``renderings`` holds the found renderings, best first, one per document and passage.
    """

    claim: str
    text: str
    speaker: str | None
    outcome: Outcome
    evidence: Evidence | None = None
    renderings: tuple[Evidence, ...] = ()
    notes: tuple[str, ...] = ()
    reason: str = ""
    strict: bool = False

    @property
    def ok(self) -> bool:
        """Whether the claim passes: verbatim, or close unless ``strict``; rightly attributed."""
        return self.outcome is Outcome.VERBATIM or (self.outcome is Outcome.CLOSE and not self.strict)

    def to_dict(self) -> dict[str, object]:
        """The verdict as JSON-ready data, exactly what ``quotes verify --format json`` prints."""
        from .verify.reports import verdict_record

        return verdict_record(self)

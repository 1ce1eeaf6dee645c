"""Detect: find quoted material by its marks, and reported speech by the parse.

Input: an article's text (marks) and its spaCy ``Doc`` (reported speech).
Output: ``Candidate`` spans with their kind and, for reported speech, the cue token.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from .config import Lexicon, lexicon
from .ingest import DATE_STAMP
from .nlp import person_nouns
from .types import Diagnostic, Kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Characters after which a straight quote opens ("say, 'no'", "(\"x\")").
_OPENING_CONTEXT = set("([{—–-/:") | {""}
#: Characters before which a straight quote closes.
_CLOSING_CONTEXT = set(".,;:!?)]}—–-…") | {""}
#: Punctuation before an opening mark that makes a quote a whole utterance.
_UTTERANCE_LEAD = set(".!?:;,—–(") | {""}
#: A quote led by a comma or colon is a whole utterance only from this many words
#: on ("he said, 'no'" is one, "the so-called 'hawks'" is not).
MIN_DIRECT_WORDS_AFTER_COMMA = 3
#: Shortest object phrase, in tokens, kept as reported content ("a two-track approach toward …").
MIN_OBJECT_TOKENS = 4
#: Shortest object phrase, in tokens, kept as what a request asks for ("called for [a ceasefire]"): the object of a
#: request is its content however short, where a short object of "outlined" or "stressed" is only a topic.
MIN_REQUEST_TOKENS = 2
#: Shortest reported clause, in tokens, kept as indirect speech.
MIN_CLAUSE_TOKENS = 3
#: A reported clause that is at least this share quoted text is left to the quote.
QUOTED_SHARE_SUPPRESSES_INDIRECT = 0.5


#: Modal auxiliaries that make a reporting verb hypothetical ("must acknowledge that").
MODALS = ("must", "should", "may", "might", "could", "would", "ca", "can", "cannot")
#: Most words between a reporting verb and a ``that`` the parser left unattached.
MAX_GAP_BEFORE_THAT = 6


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """Material between a pair of quotation marks (content offsets, marks excluded)."""

    start: int
    end: int
    open_mark: int
    family: str
    cut: bool = False  # the text ends inside it (an excerpt cut off): a quote only when it has a speaker


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quote span found by detection, before attribution."""

    start: int
    end: int
    kind: Kind
    cue_token: int | None = None  # token index of the reporting word, for reported speech
    turn: bool = False  # a transcript turn: the words after a speaker label (``MS. PSAKI: …``)
    cut: bool = False  # quoted words the end of the text cuts off: a record only when someone said them
    label: tuple[int, int] | None = None  # a turn's speaker label, when it names the speaker
    party: str | None = None  # an unnamed turn's side of an interview: "asker" (Q:) or "answerer" (A:)
    marker: tuple[int, int] | None = None  # a turn's label that names no one (``Q``, ``QUESTION``)


@dataclass(slots=True)
class _Open:
    char: str
    family: str
    offset: int

    @property
    def end(self) -> int:
        """Offset just after the mark (two-character marks such as ``''`` exist)."""
        return self.offset + len(self.char)


def scan_marks(
    text: str, *, doc: str = "-", lex: Lexicon | None = None, page: Spans | None = None
) -> tuple[list[MarkedSpan], list[Diagnostic]]:
    """Pair quotation marks paragraph by paragraph; outermost pairs become spans.

    A quote left open at the end of a paragraph whose next paragraph reopens
    with a mark is the newspaper convention for a continued quote and is kept.
    Any other unbalanced double mark gives a warning and is skipped, so the rest
    of the document is still read. Unpaired single marks are apostrophes.
    ``page`` is the text's furniture (``furniture``), worked out here when a quote is
    left open and the caller has not.
    """
    lex = lex or lexicon()
    spans: list[MarkedSpan] = []
    problems: list[Diagnostic] = []
    paragraphs = _paragraphs(text)
    carried: set[int] = set()  # closing marks of quotes opened in the paragraph before (``_closed_next``)
    for number, (p_start, p_end) in enumerate(paragraphs):
        stack: list[_Open] = []
        doubled = False  # whether a double mark has opened or closed in this paragraph yet
        i, width = p_start, 0
        while i + width < p_end:
            i += width
            ch = _mark_at(text, i, lex)
            width = len(ch)
            if ch not in lex.marks or i in carried:
                continue
            family, declared = lex.marks[ch]
            prev = text[i - 1] if i > p_start else ""
            nxt = text[i + width] if i + width < p_end else ""
            role = _role(ch, family, declared, prev, nxt, stack, lex)
            if role == "close" and family == "single" and _plural_possessive(text, i, p_end):
                role = None
            unmatched = role == "close" and family == "double" and not any(o.family == "double" for o in stack)
            if unmatched and prev.isspace() and _next_double(text, i + width, p_end, lex) is not None:
                role = "open"  # "… sales. ” This has made it …”": ” typed for “ (a closing mark follows a word)
            elif unmatched and not doubled and _dropped_opener(text, p_start, i, p_end, prev):
                start = p_start + len(text[p_start:i]) - len(text[p_start:i].lstrip())
                _add_span(spans, text, _Open("", family, start), i)
                problems.append(
                    _warn(
                        doc,
                        "W204",
                        i,
                        f"closing quotation mark {ch} with no opening mark; the quote is taken from the start of its "
                        "paragraph, add the opening mark if it starts later",
                    )
                )
                doubled = True
                continue
            doubled = doubled or family == "double" and role in ("open", "close")
            if role == "open":
                left = _left_open(stack, ch, family, declared)
                if left is not None:  # "“A … “B …”": the first quote ends where the second opens (golden/dev)
                    stack.remove(left)
                    if not any(o.family == "double" for o in stack):
                        _add_span(spans, text, left, i)
                stack.append(_Open(ch, family, i))
            elif role == "close":
                match = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == family), None)
                if match is None:
                    if family == "double":
                        problems.append(
                            _warn(
                                doc, "W201", i, f"closing quotation mark {ch} with no opening mark; the mark is ignored"
                            )
                        )
                    continue
                opener = stack[match]
                del stack[match:]
                if not any(o.family == "double" or o.offset < opener.offset for o in stack):
                    _add_span(spans, text, opener, i)
        for opener in stack:
            if opener.family != "double":
                continue
            page = page if page is not None else Spans.of(furniture(text))
            if _reopens(text, paragraphs, number, lex, page):
                if not any(o.offset < opener.offset for o in stack):
                    _add_span(spans, text, opener, p_end)
            elif (close := _closed_next(text, paragraphs, number, opener, lex, page)) is not None:
                carried.add(close)
                if not any(o.offset < opener.offset for o in stack):
                    _add_span(spans, text, opener, close)
            elif _cut_off(text, paragraphs, number):
                if not any(o.offset < opener.offset for o in stack):
                    _add_span(spans, text, opener, len(text.rstrip()), cut=True)
                problems.append(
                    _warn(
                        doc,
                        "W203",
                        opener.offset,
                        "the text ends inside a quotation (it looks cut off); the quote is taken up to the end",
                    )
                )
            elif _closer_dropped(text, paragraphs, number, opener, spans):
                end = p_start + len(text[p_start:p_end].rstrip())
                _add_span(spans, text, opener, end)
                problems.append(
                    _warn(
                        doc,
                        "W205",
                        opener.offset,
                        f"opening quotation mark {opener.char} is never closed; the quote is taken to the end of its "
                        "paragraph, which goes on from a quote in the paragraph before: add the closing mark",
                    )
                )
            else:
                problems.append(
                    _warn(
                        doc,
                        "W202",
                        opener.offset,
                        f"opening quotation mark {opener.char} is never closed in its paragraph; "
                        "the mark is ignored, add the closing mark to extract that quote",
                    )
                )
    return spans, problems


#: What comes right before a closing mark whose opening mark the writer dropped (``… our democracy,” Mr Berg
#: told …`` at a paragraph's start): the end of a quoted sentence.
_DROPPED_OPENER_BEFORE = set(",.?!")


def _dropped_opener(text: str, start: int, mark: int, stop: int, prev: str) -> bool:
    """Whether the first double mark of a paragraph, a closing one with nothing open, closes a quote whose opening
    mark the writer dropped at the paragraph's start: it ends a quoted sentence (``,`` ``.`` ``?`` ``!`` before it),
    the attribution follows it, and what comes before it is one sentence (two or more may begin with the
    writer's own words: ``Berg said that … completely. What will we eat …?”``)."""
    one_sentence = not _SENTENCE_INSIDE.search(text[start:mark])
    return prev in _DROPPED_OPENER_BEFORE and bool(text[mark + 1 : stop].strip()) and one_sentence


#: Last words of a paragraph searched for its own attribution (``…, the mayor of Dunmore said.``).
ATTRIBUTION_WORDS = 6


def _closer_dropped(
    text: str, paragraphs: list[tuple[int, int]], number: int, opener: _Open, spans: list[MarkedSpan]
) -> bool:
    """Whether a double mark left open is a quote whose closing mark the writer dropped: it opens its paragraph,
    the paragraph ends a sentence with no attribution of its own, and the paragraph before it holds a quote (a
    speaker quoted paragraph after paragraph, one of them left unclosed: ``“…,” Berg said.`` then ``“Yes, the mayor
    might say … table.``)."""
    p_start, p_end = paragraphs[number]
    if text[p_start : opener.offset].strip() or text[p_start:p_end].rstrip()[-1:] not in (".", "!", "?"):
        return False
    if any(reporting_lemma(w) for w in re.findall(r"[A-Za-z]+", text[opener.offset : p_end])[-ATTRIBUTION_WORDS:]):
        return False  # "“Unclosed, she said.": the mark dropped is before the paragraph's own attribution
    before = next(((a, b) for a, b in reversed(paragraphs[:number]) if text[a:b].strip()), None)
    return before is not None and any(before[0] <= s.start < before[1] for s in spans)


def _left_open(stack: list[_Open], ch: str, family: str, declared: str) -> _Open | None:
    """The double mark left open in a paragraph when the same opening mark opens again before any closes
    (``“I am here to tell you … poverty. “The main leaders … problems.”``): a quote the writer never closed,
    which ends where the next one opens; None for straight marks, whose direction is a guess, and for nesting."""
    if family != "double" or declared != "open":
        return None
    return next((o for o in reversed(stack) if o.family == "double" and o.char == ch), None)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each line of text (newspaper paragraphs)."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def paragraph_gap(text: str, end: int, start: int, page: Spans | None = None) -> int:
    """How many paragraph breaks lie between two offsets (a blank line between paragraphs counts once), not
    counting those into lines of page furniture (``page``: a photo caption inside a quote of several paragraphs)."""
    return sum(1 for m in re.finditer(r"\n\s*", text[end:start]) if page is None or not page.holds(end + m.end()))


def _cut_off(text: str, paragraphs: list[tuple[int, int]], number: int) -> bool:
    """Whether a paragraph is the text's last and the text stops mid-sentence (a page excerpt cut off)."""
    if any(text[a:b].strip() for a, b in paragraphs[number + 1 :]):
        return False
    end = text.rstrip()
    return bool(end) and end[-1] not in ".!?…”\"’'»)]"


def _reopens(text: str, paragraphs: list[tuple[int, int]], number: int, lex: Lexicon, page: Spans) -> bool:
    """Whether the next non-empty paragraph that is no page furniture (``page``: a photo caption between two
    paragraphs of one quote) starts with an opening double mark."""
    following = _next_paragraph(text, paragraphs, number, page)
    if following is None:
        return False
    line = text[slice(*following)].lstrip()
    first = _mark_at(line, 0, lex)
    return first in lex.marks and lex.marks[first][0] == "double" and lex.marks[first][1] != "close"


def _next_paragraph(text: str, paragraphs: list[tuple[int, int]], number: int, page: Spans) -> tuple[int, int] | None:
    """The offsets of the next non-empty paragraph after paragraph ``number`` that is no page furniture, or None."""
    return next(((a, b) for a, b in paragraphs[number + 1 :] if text[a:b].strip() and not page.meets(a, b)), None)


def _next_double(text: str, start: int, stop: int, lex: Lexicon) -> tuple[int, str] | None:
    """The first double quotation mark between two offsets, as its offset and the mark, or None."""
    i, width = start, 0
    while i + width < stop:
        i += width
        ch = _mark_at(text, i, lex)
        width = len(ch)
        if ch in lex.marks and lex.marks[ch][0] == "double":
            return i, ch
    return None


def _closed_next(
    text: str, paragraphs: list[tuple[int, int]], number: int, opener: _Open, lex: Lexicon, page: Spans
) -> int | None:
    """Where a quote left open at a paragraph's end closes when the next paragraph (no page furniture) goes on
    without a mark and the first double mark in it closes (``"… this invasion.`` then ``However, … on our
    side."``): one pair of marks over two paragraphs; None when that paragraph opens a quote first, or has none."""
    following = _next_paragraph(text, paragraphs, number, page)
    found = _next_double(text, *following, lex) if following is not None else None
    if following is None or found is None:
        return None
    (start, end), (i, ch) = following, found
    family, declared = lex.marks[ch]
    prev, nxt = text[i - 1] if i > start else "", text[i + len(ch)] if i + len(ch) < end else ""
    return i if _role(ch, family, declared, prev, nxt, [opener], lex) == "close" else None


def _mark_at(text: str, i: int, lex: Lexicon) -> str:
    """The quotation mark starting at ``i``, longest first (``â€œ``, a “ read in the wrong encoding;
    ``''``), else the character there."""
    return next((text[i : i + k] for k in (3, 2) if text[i : i + k] in lex.marks), text[i])


_LATER_SINGLE_CLOSE = re.compile(r"[’'](?=[\s.,;:!?)\]—–-]|$)")


def _plural_possessive(text: str, i: int, end: int) -> bool:
    """Whether a single mark after an ``s`` is a plural possessive (``the employers' hands``):
    a lowercase word follows and another closing single mark comes later in the paragraph."""
    if i == 0 or text[i - 1] not in "sS" or not text[i + 1 : i + 2].isspace():
        return False
    following = text[i + 1 : end].lstrip()
    return following[:1].islower() and _LATER_SINGLE_CLOSE.search(text, i + 1, end) is not None


def _role(ch: str, family: str, role: str, prev: str, nxt: str, stack: list[_Open], lex: Lexicon) -> str | None:
    """Decide whether a mark opens, closes or is not a quotation mark here."""
    open_here = prev.isspace() or prev in _OPENING_CONTEXT or (prev in lex.marks and lex.marks[prev][1] != "close")
    close_here = nxt.isspace() or nxt in _CLOSING_CONTEXT or (nxt in lex.marks and lex.marks[nxt][1] != "open")
    has_open = any(o.family == family for o in stack)
    if family == "single":
        if prev.isalnum() and nxt.isalnum():
            return None  # apostrophe inside a word: today's, don't
        if role in ("open", "both") and open_here and nxt and not nxt.isspace() and not nxt.isdigit():
            return "open"
        if role in ("close", "both") and has_open and not prev.isspace():
            return "close"
        return None
    if role == "open" and has_open and close_here and stack and stack[-1].char in "„‚":
        return "close"  # German „…“
    if role == "both":
        if has_open and (close_here or not open_here):
            return "close"
        return "open" if nxt and not nxt.isspace() else None
    if role == "open" and has_open and close_here and not open_here:
        return "close"  # “ typed where ” was meant
    if role == "close" and not has_open and open_here and nxt and not nxt.isspace():
        return "open"  # ” typed where “ was meant
    return role


def _add_span(spans: list[MarkedSpan], text: str, opener: _Open, stop: int, *, cut: bool = False) -> None:
    """Add the content between an opening mark and ``stop`` (a closing mark or the paragraph end)."""
    start = opener.end
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        spans.append(MarkedSpan(start, stop, opener.offset, opener.family, cut))


def _warn(doc: str, code: str, offset: int, message: str) -> Diagnostic:
    return Diagnostic(doc=doc, code=code, message=message, offset=offset)


def marked_kind(text: str, span: MarkedSpan) -> Kind:
    """``direct`` for a whole quoted utterance, ``mixed`` for quoted words inside a sentence.

    A quote is a whole utterance when it opens a sentence or paragraph, or
    follows a comma, colon or dash that introduces it (``Berg said, "…"``) and
    is long enough to be a statement.
    """
    lead = text[: span.open_mark].rstrip(" \t\u00a0\ufeff\u200b")
    before = lead[-1:] if lead and lead[-1] != "\n" else ""
    content = text[span.start : span.end]
    first = content[:1]
    words = len(content.split())
    if before in ("", ".", "!", "?") or before in "”\"’'" and len(lead) > 1 and lead[-2] in ".!?":
        return Kind.DIRECT if not first.islower() or words >= MIN_DIRECT_WORDS_AFTER_COMMA else Kind.MIXED
    if before in _UTTERANCE_LEAD and words >= MIN_DIRECT_WORDS_AFTER_COMMA:
        return Kind.DIRECT
    previous = lead.split()[-1].lower() if lead.split() else ""
    if first.isupper() and words >= MIN_DIRECT_WORDS_AFTER_COMMA and _reporting_form(previous):
        return Kind.DIRECT  # "… posted on X saying “This year marks …”": a whole utterance, no comma
    return Kind.MIXED


#: Irregular past forms of reporting verbs, to their lemma.
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak"}


def _reporting_form(word: str) -> bool:
    """Whether a word is a form of a reporting verb of the lexicon (``saying``, ``tweeted``, ``said``)."""
    return reporting_lemma(word) is not None


def reporting_lemma(word: str) -> str | None:
    """The reporting verb of the lexicon a word is a form of (``tweeted`` -> ``tweet``, ``wrote`` -> ``write``),
    found without a parse from its regular endings; None when it is none.

    >>> reporting_lemma("posted"), reporting_lemma("wrote"), reporting_lemma("table")
    ('post', 'write', None)
    """
    verbs = lexicon().verbs
    if word in _IRREGULAR:
        return _IRREGULAR[word] if _IRREGULAR[word] in verbs else None
    candidates = (word, word[:-1], word[:-2] + "e", word[:-2], word[:-3] + "e", word[:-3])
    return next((c for c in candidates if len(c) >= 3 and c in verbs), None)


def find_marked(text: str, *, doc: str = "-", page: Spans | None = None) -> tuple[list[Candidate], list[Diagnostic]]:
    """Quoted material as candidates, with ``direct`` or ``mixed`` kind (``page``: the text's furniture, when
    the caller has it)."""
    spans, problems = scan_marks(text, doc=doc, page=page)
    return [Candidate(s.start, s.end, marked_kind(text, s), cut=s.cut) for s in spans], problems


#: Page furniture on a line of its own: the page's address (``URL: https://…``) and a byline (``By Jane
#: Doe, Staff Writer``; ``BY SUSAN SMALL / Staff Writer``). Neither holds a quote or names a speaker.
_FURNITURE = re.compile(
    r"^[ \t]*(?:(?:URL:[ \t]*)?https?://\S+"
    r"|(?:By|BY)[ \t]+[A-Z][\w.'’\-]*(?:[ \t]+(?:[A-Z][\w.'’\-]*|and|&|de|van|von)){0,6}(?:[ \t]*[,/|—–-][^\n]{0,60})?)"
    r"[ \t]*$",
    re.MULTILINE,
)


#: A link to another story set in the text (``ALSO READ: NASA: Another moon trip postponed``, ``Read more | …``,
#: ``RELATED: …``): page furniture, whose words are no one's.
_RELATED = re.compile(
    r"^[ \t]*(?:ALSO READ|Also [Rr]ead|READ MORE|Read [Mm]ore|READ ALSO|RELATED|Related|SEE ALSO|See [Aa]lso)"
    r"(?: [Ss]tor(?:y|ies)| STOR(?:Y|IES))?[ \t]*[:|—–-][^\n]*$",
    re.MULTILINE,
)


#: A photo caption's line: it ends with the photo's credit (``… the siege.Credit: Daniel Munoz``, ``(Photo: AP)``,
#: ``… in peace. — Picture by Anna Berg``) or opens with its label (``Photo: …``, ``Image caption, …``).
_CAPTION = re.compile(
    r"^[ \t]*(?:(?:Photo|Photograph|Picture|Image)(?: caption| credit)?[:,][^\n]*"
    r"|[^\n]*(?:[Cc]redit|Photo|Photograph|Picture|Image)(?: credit)?(?::|[ \t]+by)"
    r"[ \t]*[A-Z][\w.'’\-]*(?:[ \t/]+[A-Z][\w.'’\-]*){0,5}\)?)"
    r"[ \t]*$",
    re.MULTILINE,
)


#: A caption label alone on its line (``Image caption,`` as BBC pages print it): the next line that holds words is the
#: caption (``Councillor Anna Holt wants more support for small shops``), furniture like any caption.
_CAPTION_LABEL = re.compile(
    r"^[ \t]*(?:Image|Photo|Picture) caption[:,]?[ \t]*\n(?:[ \t]*\n)*(?P<caption>[^\n]+)", re.MULTILINE
)


#: Characters that mark a quotation in a line (double marks, guillemets and an opening single mark; a closing
#: single mark is as often an apostrophe).
QUOTE_CHARS = frozenset('"“”„«»‘')


def _repeated_lines(text: str) -> list[tuple[int, int]]:
    """Lines with no quotation mark that repeat the line with words just before them (a caption given twice, as
    pages give an image's alternative text and then its caption): both are furniture; an article does not say a
    line twice in a row. A long line that only opens with the line before it is the article going on from its
    picture's caption ("Mayor Anton Berg" over "Mayor Anton Berg accused the police …"): the caption alone is."""
    lines = [m for m in _LINE.finditer(text) if not any(ch in QUOTE_CHARS for ch in m.group())]
    out = []
    for a, b in zip(lines, lines[1:], strict=False):
        if text[a.end() : b.start()].strip():
            continue  # not neighbours: a line with a quotation mark stands between them
        first, second = " ".join(a.group().split()), " ".join(b.group().split())  # spacing is no difference
        same = first == second
        if same or second.startswith(first) and len(first) > 20:
            out.append((a.start(), a.end()))
            if same or len(b.group().split()) <= MAX_HEADLINE_WORDS:
                out.append((b.start(), b.end()))
    return out


@dataclass(frozen=True, slots=True)
class Spans:
    """Character spans sorted by start, for overlap lookups that cost a bisection and the spans found,
    not a pass over every span (a long article has thousands of quotations)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    reach: tuple[int, ...]  # the furthest end of the spans up to each one

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> Spans:
        """The lookup over ``spans``."""
        ordered = sorted(spans)
        return cls(
            starts=tuple(a for a, _ in ordered),
            ends=tuple(b for _, b in ordered),
            reach=tuple(accumulate((b for _, b in ordered), max)),
        )

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The spans that overlap ``start:end``, last first."""
        k = bisect_left(self.starts, end)
        while k > 0 and self.reach[k - 1] > start:
            k -= 1
            if self.ends[k] > start:
                yield self.starts[k], self.ends[k]

    def meets(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``start:end``."""
        return next(self.overlapping(start, end), None) is not None

    def holds(self, at: int) -> bool:
        """Whether a span covers the character at ``at``."""
        return self.meets(at, at + 1)

    def covered(self, start: int, end: int) -> int:
        """How many characters of ``start:end`` the spans cover (counted once per span)."""
        return sum(min(end, b) - max(start, a) for a, b in self.overlapping(start, end))


#: No spans at all.
NO_SPANS = Spans((), (), ())


#: A line that is nothing but a short quoted phrase with no sentence ending inside its marks, perhaps after a label
#: and a colon: a subheading or a pull quote over the paragraphs it sums up ("'US should not intend to suppress or
#: contain China'", "Speech highlights: 'The West is in danger'"), not a record.
_QUOTED_SUBHEAD = re.compile(
    r"^[ \t]*(?P<label>[^\n\"“”‘.!?:]{1,100}:[ \t]*)?[\"'“‘](?P<words>[^\n\"“”]{1,160}?)(?<![.!?,;:])[\"'”’][ \t]*$",
    re.MULTILINE,
)


def furniture(text: str) -> list[tuple[int, int]]:
    r"""The spans of page furniture: the page's address and bylines (lines), a date stamp the text opens with,
    links to other stories (``ALSO READ: …``), photo captions (a line ending in the photo's credit or opened by a
    caption label, a line given twice in a row), a line that is only a short quoted phrase with no sentence ending
    (a subheading), and the headline.

    The headline is the first line of the text past its address, byline and date stamp when it ends with no
    full stop and the text goes on, and it is short (``MAX_HEADLINE_WORDS``) or opened by a date stamp
    (``date 2024-02-18 Berg says the port will close``, as stored pages give their title), or when it is in
    title case (``Pledge of Peace Was Shared at G7 Summit, Says Kishida``): golden/README.md §1 annotates no
    quote in it. Any other line in title case with a function word capitalised and no full stop is a headline
    too (a page's title below its furniture, a related story's: ``Ukraine Marks One Year of War With Russia,
    Berg Says Victory Is Near``).

    >>> text = "URL: https://example.com/a\nBy Jane Doe, Staff Writer\nBy the river, she said, it rained."
    >>> [text[a:b] for a, b in furniture(text)]
    ['URL: https://example.com/a', 'By Jane Doe, Staff Writer']
    >>> text = "Berg says the port will close in June\n\nThe port will close, Anton Berg said on Monday."
    >>> [text[a:b] for a, b in furniture(text)]
    ['Berg says the port will close in June']
    """
    spans = [(m.start(), m.end()) for m in _FURNITURE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _CAPTION.finditer(text)]
    spans += [(m.start(), m.end()) for m in _RELATED.finditer(text)]
    spans += [(m.start("caption"), m.end("caption")) for m in _CAPTION_LABEL.finditer(text)]
    spans += _repeated_lines(text)
    spans += [
        (m.start(), m.end()) for m in _QUOTED_SUBHEAD.finditer(text) if len(m.group(0).split()) <= MAX_HEADLINE_WORDS
    ]
    stamp = DATE_STAMP.match(text)
    if stamp is not None:
        spans.append((stamp.start(1), stamp.end()))
    first = _LINE.search(text, stamp.end() if stamp is not None else 0)
    while first is not None and any(a <= first.start() < b for a, b in spans):  # past the address and bylines
        first = _LINE.search(text, first.end())
    if first is not None and not _TITLE_END.search(first.group()):
        # a line that opens the text, ends with no full stop and is followed by more is the page's title
        short = len(first.group().split()) <= MAX_HEADLINE_WORDS and not _SENTENCE_INSIDE.search(first.group())
        title = (stamp is not None or short) and bool(text[first.end() :].strip())
        if title or headline_case(first.group(), strict=False):
            spans.append((first.start(), first.end()))
    spans += [  # a related story's title or a section's heading further down, written in title case
        (m.start(), m.end())
        for m in _LINE.finditer(text)
        if not _TITLE_END.search(m.group()) and headline_case(m.group())
    ]
    spans += [(m.start("head"), m.end("head")) for m in _CROSSHEAD.finditer(text) if not m.group("head").isupper()]
    return sorted(set(spans))


#: Most words of a crosshead: a subheading a page sets between two paragraphs of the story ("Resist", "Plans
#: approved"), as its own paragraph, with no sentence ending. A line in capitals is no crosshead (a transcript's
#: speaker label).
MAX_CROSSHEAD_WORDS = 5
_CROSSHEAD = re.compile(
    rf"(?<=\S\n\n)(?P<head>[A-Z][^\s.!?:;,\"“”]*(?:[ \t][^\s.!?:;,\"“”]+){{0,{MAX_CROSSHEAD_WORDS - 1}}})(?=\n\n\S)"
)


#: A sentence that ends inside a line ("“The debate changed my mind.” ― Maria Gonzalez"): a title has none.
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"'”’]?\s")
#: A line's text from its first visible character.
_LINE = re.compile(r"\S[^\n]*")
#: The end of a line that closes a sentence (a full stop, question or exclamation mark, perhaps inside quote marks)
#: or introduces what follows (a colon: "Maria Gonzalez told the hearing:"): no title ends so.
_TITLE_END = re.compile(r"[.!?:][\"'”’]?\s*$")


#: Longest line, in words, that can be a headline.
MAX_HEADLINE_WORDS = 20
#: Share of capitalised words from which a line is in headline case.
HEADLINE_CAPITALISED_SHARE = 0.7
#: Function words a headline in title case capitalises ("Trump Warns Clinton Against Fraud").
_HEADLINE_WORDS = {"against", "for", "to", "the", "of", "in", "on", "at", "with", "and", "by", "from", "as", "a"}


def headline_case(line: str, *, strict: bool = True) -> bool:
    """Whether a line is written in headline case: short, most words capitalised and, when
    ``strict``, a function word capitalised too (a line of names in running text is not a headline)."""
    words = [w.strip("\"'“”‘’(),.:;!?") for w in line.split()]
    words = [w for w in words if w[:1].isalpha()]
    if not 4 <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    function = sum(w.lower() in _HEADLINE_WORDS and w[0].isupper() for w in words[1:])
    return capitalised >= HEADLINE_CAPITALISED_SHARE * len(words) and (function > 0 or not strict)


#: A speaker label opening a line of a transcript: a name in capitals (``MS. PSAKI``, ``PRIEBUS``), an
#: optional title after a comma (``JASON CARROLL, CNN CORRESPONDENT``; in title case too, as caption files print
#: it: ``TOM BERG (R-XX), House Majority Leader``; a place after the title: ``LT. GEN. TOM BERG, FORCES COMMANDER,
#: RURITANIA``) and an aside in brackets (``(on camera)``), then a colon
#: (spacing around it varies: ``PRIEBUS :Well``); the label may stand alone on its line, the turn's words in the
#: paragraphs below it (``CHUCK TODD:`` then ``This Sunday, …``).
_TURN = re.compile(
    r"[ \t]*(?P<name>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,4})"
    r"(?:[ \t]?\([^)\n]{1,40}\)(?=,))?"
    r"(?:,[ \t]?[A-Z0-9][A-Z0-9.'’&/ \-]{1,60}(?:,[ \t]?[A-Z][A-Z.'’&/ \-]{1,30})?"
    r"|,[ \t]?[A-Z][\w.'’&/\-]*(?: [A-Za-z][\w.'’&/\-]*){0,5})?"
    r"(?:[ \t]?\([^)\n]{1,40}\))?[ \t]*:[ \t\xa0]*(?=\S|$)"
)
#: A speaker label in title case (``Barkha: …``, ``Thomas de Maizière: …``, ``Shri Arindam Bagchi, Official
#: Spokesperson: …``): capitalized words, name particles between them, an optional role after a comma.
_TITLE_TURN = re.compile(
    r"[ \t]*(?P<name>[A-Z][\w.'’\-]*(?: (?:(?:de|da|del|der|di|du|van|von|bin|al|el|la|le) )?[A-Z][\w.'’\-]*){0,3})"
    r"(?:,[ \t]?[A-Z][\w.'’&/ \-]{1,60})?[ \t]*:[ \t\xa0]*(?=\S)"
)
#: A question or answer label with a full stop and no colon, as sports and briefing transcripts print it
#: (``Q.  How long did it take?``): counted only in a text that other labels make a transcript.
_LETTER_TURN = re.compile(r"[ \t]*(?P<name>Q|A)\.[ \t\xa0]+(?=\S)")
#: A speaker label in square brackets (``[Reporter:] …``, ``[Ana Ruiz:] …``), as some press-conference pages print it.
_BRACKET_TURN = re.compile(
    r"[ \t]*\[(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3})[ \t]*:?\][ \t]*:?[ \t\xa0]*(?=\S)"
)
#: A turn's words that are only a bracketed stage note (``(Off-mike.)``, ``[inaudible]``).
_STAGE_NOTE = re.compile(r"\s*[(\[][^)\]\n]*[)\]]\s*")
#: Lines opening with a label in title case that make a text a transcript when none is in capitals: prose
#: has the odd "Note:" or "Jane Doe, The Daily Planet: …", an interview page has a label on every answer.
MIN_TITLE_TURNS = 3
#: Function words that a speaker's name never holds but a subhead in capitals does ("WHAT'S NEXT:"), and the
#: words a programme's running order opens its items with ("Then: …", "Also tonight: …").
_LABEL_FUNCTION_WORDS = frozenset(
    "THE A AN WHAT WHAT'S WHY HOW WHEN WHERE WHO IT IT'S IS ARE WAS TO OF FOR AND OR IN ON AT WITH BY NEXT"
    " THEN NOW ALSO PLUS MEANWHILE LATER TONIGHT".split()
)
#: A text is a transcript when at least this many lines open with a speaker label.
MIN_TURNS = 2
#: The classes ``turn_labels.tsv`` gives labels that name no one: a side of an interview (``Q``, ``A``) or none.
TURN_CLASSES = ("asker", "answerer", "none")
#: Most paragraphs after a labelled line that continue its turn (a host's narration in a podcast).
MAX_CONTINUED = 8


def find_turns(text: str, *, lex: Lexicon | None = None, wrapped: bool = False) -> list[Candidate]:
    """The turns of a transcript as ``direct`` candidates: each labelled line, then the paragraphs that continue it.

    A line opens a turn when it starts with a speaker label (``MS. PSAKI: …``, ``Q: …``) that
    ``quotes/data/turn_labels.tsv`` does not list as furniture; labels such as ``QUESTION`` open a
    turn whose speaker they do not name. A text with fewer than ``MIN_TURNS`` such lines is no
    transcript. Each paragraph after a turn continues it, one candidate each, until the next
    label, a bracketed stage line (``(BEGIN VIDEOTAPE)``), or a paragraph that names the turn's
    speaker (a reporter writing about them, not their words). In a hard-wrapped text (``wrapped``: a
    caption file, whose lines ``ingest.unwrapped`` joined into sentences) the lines of one turn are one
    candidate, label to label: a line break there is no paragraph. A lone title before a label's line
    (``REP.`` above ``KEVIN MCCARTHY (R-CA), …:``) belongs to that label, not to the turn before.
    """
    lex = lex or lexicon()
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if text[m.start() : m.end()].strip()]
    opened = _labelled_lines(text, lines, _TURN, lex)
    titled = _labelled_lines(text, lines, _TITLE_TURN, lex)
    if len(opened) >= MIN_TURNS or len(titled) >= MIN_TITLE_TURNS:
        opened = {**titled, **opened}  # a transcript: its labels in title case open turns too
    opened = {**_name_lines(text, lines), **opened}
    bracketed = _labelled_lines(text, lines, _BRACKET_TURN, lex)
    if len(bracketed) >= MIN_TURNS:
        opened = {**opened, **bracketed}
    if len(opened) < MIN_TURNS:
        return []
    opened = {**_labelled_lines(text, lines, _LETTER_TURN, lex), **opened}  # "Q.  …" among named labels
    out: list[Candidate] = []
    current: tuple[tuple[int, int], str] | None = None
    continued = 0
    last = -1  # the line the last candidate ends on
    for n, (start, end) in enumerate(lines):
        stop = text[start:end].rstrip()
        if n in opened:
            content, span, key = opened[n]
            current, continued = (span, key), 0
            if _heading(text[content:end]):  # "…CHAMPIONSHIP: CLEMSON VS ALABAMA": a heading, no one's words
                current = None
                continue
            if content >= start + len(stop) or _STAGE_NOTE.fullmatch(text, content, start + len(stop)):
                continue  # a label alone on its line, or "QUESTION: (Off-mike.)": no words on this line
            out.append(_turn(content, start + len(stop), span, key))
            last = n
            continue
        line = text[start:end].strip()
        if current is None or continued >= MAX_CONTINUED or line.startswith("(") and line.endswith(")"):
            current = None
            continue
        if n + 1 in opened and line.endswith(".") and (line.lower() in lex.titles or line[:-1].lower() in lex.titles):
            continue  # "REP." over "KEVIN MCCARTHY (R-CA), House Majority Leader:": part of the next label
        if wrapped and last == n - 1 and lines[n - 1][1] + 1 == start:
            out[-1] = replace(out[-1], end=start + len(stop))  # the next line of one caption: the same turn
            last = n
            continue
        span, key = current
        surname = key.split()[-1].lower() if key not in TURN_CLASSES else ""
        if surname and len(surname) > 2 and _about(line.lower(), surname):
            current = None  # the paragraph speaks about the speaker: the reporter's, not a turn
            continue
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        out.append(_turn(first, start + len(stop), span, key))
        last = n
        continued += 1
    names = {text[span[0] : span[1]] for _, span, key in opened.values() if key not in TURN_CLASSES}
    if not names:
        return out
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    inner = re.compile(rf"(?<=[.!?\"”’])[ \t]{{2,}}(?P<name>{alternatives})[ \t]*:[ \t]*(?=\S)")
    return [piece for c in out for piece in _split_at_labels(text, c, inner)]


def _about(line: str, surname: str) -> bool:
    """Whether a lowercased paragraph names a turn's speaker other than as the speaker naming herself (``I'm Anna
    Holt``): a reporter writing about them."""
    name = re.escape(surname)
    return bool(re.search(rf"\b{name}\b", line)) and not re.search(
        rf"\b(?:i'm|i’m|i am|this is|my name is)\s+(?:\w+\s+)?{name}\b", line
    )


def _heading(words: str) -> bool:
    """Whether the words after a label are a heading in capitals (``CLEMSON VS ALABAMA``), not an answer in them
    (``NO.``, ``OK, THANK YOU.``): two words or more, no lowercase letter, no closing punctuation."""
    stripped = words.strip()
    return (
        len(stripped.split()) >= 2
        and not any(c.islower() for c in stripped)
        and not stripped.endswith((".", "?", "!", '"', "”", ")"))
    )


def _turn(start: int, end: int, span: tuple[int, int], key: str) -> Candidate:
    """A turn's words as a candidate: its label names the speaker (``label``), or names a side of the interview
    or no one (``marker``: ``Q``, ``QUESTION``)."""
    if key in TURN_CLASSES:
        return Candidate(start, end, Kind.DIRECT, turn=True, party=_party(key), marker=span)
    return Candidate(start, end, Kind.DIRECT, turn=True, label=span)


def _split_at_labels(text: str, turn: Candidate, inner: re.Pattern[str]) -> list[Candidate]:
    """A turn cut where a label the transcript opens lines with (``inner``, one pattern for the text) stands
    inside it after a sentence and a run of spaces, as pages that lost their line breaks print the next turn
    (``… What is that about?    RICE: Well, …``): the words before it, then the new turn."""
    pieces, start, label, party, marker = [], turn.start, turn.label, turn.party, turn.marker
    for m in inner.finditer(text, turn.start, turn.end):
        pieces.append(replace(turn, start=start, end=m.start(), label=label, party=party, marker=marker))
        start, label, party, marker = m.end(), (m.start("name"), m.end("name")), None, None
    pieces.append(replace(turn, start=start, label=label, party=party, marker=marker))
    return pieces


def _labelled_lines(
    text: str, lines: list[tuple[int, int]], pattern: re.Pattern[str], lex: Lexicon
) -> dict[int, tuple[int, tuple[int, int], str]]:
    """Line number -> (content start, label span, label key or class) of each line ``pattern``
    opens with a speaker label that ``turn_labels.tsv`` does not list as furniture (a class is one of
    ``TURN_CLASSES``)."""
    out: dict[int, tuple[int, tuple[int, int], str]] = {}
    for n, (start, end) in enumerate(lines):
        m = pattern.match(text, start, end)
        if m is None:
            continue
        name = m.group("name")
        key = name.rstrip(".").upper()
        cls = lex.turn_labels.get(key)
        if cls == "skip" or (cls is None and sum(c.isalpha() for c in name) < 2):
            continue
        if cls is None and _LABEL_FUNCTION_WORDS.intersection(key.split()) and not _role_label(key, lex):
            continue  # a subhead ("WHAT'S NEXT:", "WHY IT MATTERS:"), not a name
        out[n] = (m.end(), (m.start("name"), m.end("name")), key if cls is None else cls)
    return out


def quoted_turns(marked: list[Candidate], turns: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """The marked quotes and the turns, a turn whose words are one quotation in marks (``KLOPP: “I think …”``)
    taken as the words inside the marks, and that quotation no second record: the label names its speaker, not
    a verb nearby."""
    inner = {c.start: c for c in marked if c.kind is Kind.DIRECT and not c.turn}  # by where its words start
    dropped: set[int] = set()
    out: list[Candidate] = []
    for t in turns:
        quote = inner.get(t.start + 1)  # the turn opens with the quotation's mark
        if quote is None or quote.start in dropped or not 0 <= t.end - quote.end <= 1:
            out.append(t)
            continue
        dropped.add(quote.start)
        out.append(replace(t, start=quote.start, end=quote.end, cut=quote.cut))
    return [c for c in marked if c.start not in dropped or c.kind is not Kind.DIRECT or c.turn], out


#: Roles a transcript names its speakers by (``THE MODERATOR:``) besides the titles of ``titles.tsv``.
ROLE_LABELS = frozenset({"moderator", "host", "presenter", "interviewer", "announcer", "narrator", "chair"})


def _role_label(key: str, lex: Lexicon) -> bool:
    """Whether a label in capitals is "THE" and a role (``THE MODERATOR``, ``THE PRESIDENT``): a speaker, not a
    subhead."""
    words = key.lower().split()
    role = " ".join(words[1:])
    return len(words) in (2, 3) and words[0] == "the" and (role in lex.titles or role in ROLE_LABELS)


#: A line that is only a member's name or office, as a parliamentary record prints the speaker above the speech
#: (``Mr. Hamilton``, ``The Prime Minister``, ``Mr. Speaker``): an honorific and a name, or "The" and an office.
_NAME_LINE = re.compile(
    r"[ \t]*(?P<name>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Madam)\.?(?: [A-Z][\w.'’\-]*){1,4}"
    r"|The(?: [A-Z][\w'’\-]*){1,4})[ \t]*$"
)
#: Name lines a text needs, one name among them given at least twice, to be such a record.
MIN_NAME_LINES = 4


def _name_lines(text: str, lines: list[tuple[int, int]]) -> dict[int, tuple[int, tuple[int, int], str]]:
    """The lines of a parliamentary record that name the member who speaks in the paragraphs below (see
    ``_NAME_LINE``), as ``_labelled_lines`` gives labels; none unless the text has ``MIN_NAME_LINES`` of them and
    one name recurs (a speaker called again), which a list of names or of section titles does not."""
    out: dict[int, tuple[int, tuple[int, int], str]] = {}
    for n, (start, end) in enumerate(lines):
        m = _NAME_LINE.fullmatch(text, start, end)
        if m is not None and n + 1 < len(lines):
            out[n] = (end, (m.start("name"), m.end("name")), m.group("name").upper())
    names = [key for _, _, key in out.values()]
    if len(out) < MIN_NAME_LINES or len(set(names)) == len(names):
        return {}
    return out


def _party(key: str) -> str | None:
    """The interview side a turn label's class names (``asker``, ``answerer``), else None."""
    return key if key in ("asker", "answerer") else None


def find_reported(doc: Doc, marked: list[Candidate], *, lex: Lexicon | None = None) -> list[Candidate]:
    """Reported speech (no marks) from the dependency parse.

    Patterns: the complement clause of a reporting verb (``said (that) …``,
    ``…, Novak added``); a clause attached to a reporting noun (``Ruritania's
    statement that …``, ``expressed his intention to …``); and a sentence
    sourced with ``according to X``. Clauses that are mostly quoted text are
    left to the quote; a clause inside another reported clause is dropped.
    """
    lex = lex or lexicon()
    found: list[Candidate] = []
    for sent in doc.sents:
        found.extend(_reported_in_sentence(sent, lex))
    if (cut := _cut_report(doc, found, marked, lex)) is not None:
        found.append(cut)
    spans = Spans.of((m.start, m.end) for m in marked)
    found = [c for c in found if _quoted_share(c, spans) < QUOTED_SHARE_SUPPRESSES_INDIRECT]
    return _outermost(found)


def _cut_report(doc: Doc, found: list[Candidate], marked: list[Candidate], lex: Lexicon) -> Candidate | None:
    """The report the end of the text cuts off (``But he added that the le`` in a page excerpt): the words after
    the last reporting verb of the text's last, unfinished sentence (after its ``that``) to the end of the text,
    when nothing reported was found after the verb. Only after a verb with its own subject before it (the parse of
    a cut sentence is too unsure to pass a subject down to ``…, proposing Turke``); not after a passive, an
    inverted attribution (``…" says Santo Bruno, the …``), a question (``asked if``) or a preposition (``commented
    on``), nor inside quoted words or a transcript turn. A record only when someone is named as saying it
    (``cut``)."""
    text = doc.text
    end = len(text.rstrip())
    last = next((t for t in reversed(doc) if not t.is_space), None)
    if last is None or text[end - 1] in ".!?…”\"’'»)]:;":
        return None
    verb = next(
        (t for t in reversed(last.sent) if t.pos_ == "VERB" and _speech(t, lex) and not negated_or_modal(t)), None
    )
    if (
        verb is None
        or not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)  # its own subject, before it
        or any(c.dep_ == "auxpass" or c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children)
        or any(c.start <= verb.idx < c.end for c in marked)
        or any(c.end > verb.idx for c in found if c.start >= verb.sent.start_char)
    ):
        return None
    following = [t for t in doc[verb.i + 1 :] if t.idx < end and not t.is_space]
    that = next((k for k, t in enumerate(following[: MAX_GAP_BEFORE_THAT + 1]) if t.lower_ == "that"), -1)
    rest = following[that + 1 :]  # after the "that", when there is one
    first = rest[0] if rest else None
    if first is None or first.is_punct or first.pos_ == "ADP" or first.lower_ in ("if", "whether"):
        return None
    return Candidate(first.idx, end, Kind.INDIRECT, cue_token=verb.i, cut=True)


def _speech(tok: Token, lex: Lexicon) -> bool:
    """Whether a word is a word of speech (``said``, ``made it clear``), by ``reporting_verbs.tsv``'s class."""
    return _reporting_class(tok, lex) == "speech"


def _reporting_class(tok: Token, lex: Lexicon) -> str | None:
    """A reporting word's class in ``reporting_verbs.tsv`` (``speech``; ``statement``: ``vowed``, ``pledged``)."""
    key = reporting_key(tok, lex)
    return lex.verbs[key] if key is not None else None


def _joint_act(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's subject is the parties together (``Berg and Novak held talks, agreeing to …``, ``the two
    leaders …``; the parser may give the verb two subjects)."""
    subject = _subject_above(verb)
    if subject is None:
        return False
    subjects = [c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        len(subjects) > 1 or joint_subject(subject) or conjoined(subject) or subject.lemma_.lower() in lex.joint_heads
    )


def _reported_in_sentence(sent: Span, lex: Lexicon) -> Iterator[Candidate]:
    """Reported-speech candidates of one sentence: verb complements, reporting nouns, according to."""
    according = according_to(sent)
    for tok in sent:
        key = reporting_key(tok, lex)
        speech = key is not None and lex.verbs[key] == "speech" and not _finding(tok, lex)  # key found once
        if speech and (heard_by_subject(tok, lex) or impersonal(tok)) and passive_agent(tok) is None:
            continue  # "she was told that none was available", "it is widely acknowledged that …": nobody said it
        if speech and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REFUSALS:
            continue  # "declined to confirm that …": what was not said
        commits = tok.pos_ == "VERB" and tok.lemma_.lower() in lex.commitments and not negated_or_modal(tok)
        if speech and (span := _as_reported(tok)):
            yield Candidate(*span, Kind.INDIRECT, cue_token=tok.i)  # "As Holt reports, the bridge will close …"
        elif speech or commits and key is not None:  # "vowed that …" reports as "said that …" does
            yield from _verb_complements(tok, lex)
        elif commits:  # "threatened to walk out": only the commitment ("…, they were threatening" reports nothing)
            for child in tok.children:
                if child.dep_ == "xcomp" and (span := _commitment(child, lex)):
                    yield Candidate(*span, Kind.INDIRECT, cue_token=tok.i)
        elif tok.pos_ == "VERB" and not negated_or_modal(tok) and (span := _content_object(tok, lex)):
            yield Candidate(*span, Kind.INDIRECT, cue_token=tok.i)  # "pressed for a vote on …"
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns and _reporting_noun_owner(tok, lex) is not None:
            found = False
            for child in tok.children:
                if child.dep_ in ("acl", "ccomp", "relcl") and _is_statement_clause(child) and _noun_clause_ok(child):
                    # the object of a verb with its infinitive is the report (``expressed [his resolve to pursue
                    # …]``, golden/README.md §2); a that-clause is reported on its own (``a message that [...]``)
                    whole = tok.dep_ == "dobj" and _to_infinitive(child)
                    span = _clause_span(tok, anywhere=True) if whole else _clause_span(child, exclude=tok)
                    if span:
                        found = True
                        yield Candidate(*span, Kind.INDIRECT, cue_token=tok.i)
            if not found and (span := _that_after(tok, gap=1)):
                found = True
                yield Candidate(*span, Kind.INDIRECT, cue_token=tok.i)
            if not found and (span := _light_object(tok, lex)):
                yield Candidate(*span, Kind.INDIRECT, cue_token=tok.i)
    if according is not None and not _reports_itself(sent, lex):
        span = _clause_span(sent.root, exclude=according, whole=sent)
        if span:
            yield Candidate(*span, Kind.INDIRECT, cue_token=according.i)


#: Dashes that set an aside apart in a sentence (``Berg – first elected in 1979 – said``).
DASHES = frozenset({"-", "–", "—", "--"})


def _opening_dash(verb: Token) -> Token | None:
    """The dash that opens an aside closed by a dash right before a verb (``Berg – first elected in 1979 – said``),
    after the sentence's first word; None when no dash closes right before the verb."""
    doc = verb.doc
    if verb.i == 0 or not _spaced_dash(doc[verb.i - 1]):
        return None
    opening = next((t for t in reversed(doc[verb.sent.start : verb.i - 1]) if _spaced_dash(t)), None)
    return opening if opening is not None and opening.i > verb.sent.start else None


def _spaced_dash(tok: Token) -> bool:
    """Whether a token is a dash with space on both sides, as an aside's dashes are (not a hyphen in a word)."""
    return tok.text in DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _dashed_aside(verb: Token, clause: Token) -> bool:
    """Whether what the parser took for a clause fronted before a reporting verb is an aside between dashes right
    before it (``Berg – first elected 45 years ago – said the mayor had …``): the verb reports what follows it."""
    opening = _opening_dash(verb)
    return opening is not None and opening.i < clause.i


def dashed_subject(verb: Token) -> Token | None:
    """The subject written before an aside between dashes that closes right before a verb the parser left with no
    subject of its own (``Berg – first elected 45 years ago – said …``: Berg), or None."""
    opening = _opening_dash(verb)
    if opening is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    before = opening.doc[opening.i - 1]
    return before if before.pos_ in ("PROPN", "NOUN", "PRON") else None


def _as_reported(verb: Token) -> tuple[int, int] | None:
    """The clause an ``as X reports`` aside sources (``As Holt reports, [the bridge will close …]``, ``[the bridge
    will close], as Holt said on Monday``): the clause the aside hangs on, without it, when the verb reports
    nothing of its own (no content clause); None otherwise."""
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in AS_ASIDE_VERBS:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if mark is None or subject is None or subject.pos_ not in ("PROPN", "NOUN") or mark.i != verb.left_edge.i:
        return None  # "as the nation watches", "as it takes the step": no one is reported
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children) or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.right_edge.i - verb.left_edge.i >= AS_ASIDE_TOKENS:
        return None
    return _clause_span(verb.head, exclude=verb)


#: Verbs of an ``as X reports`` aside that sources the clause it hangs on; "as he spoke" is a time, not a source.
AS_ASIDE_VERBS = frozenset({"report", "say", "note", "write", "explain", "observe", "state", "tell"})
#: Most tokens of such an aside (``As Dunmore Radio's Anna Holt reports``).
AS_ASIDE_TOKENS = 10


def _finding(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb reports a finding, not speech: evidence as the subject of an evidence verb
    (``figures show that …``, ``forecasts indicate …``)."""
    if verb.lemma_.lower() not in lex.evidence_verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma_.lower() in lex.evidence_nouns


def _reports_itself(sent: Span, lex: Lexicon) -> bool:
    """Whether a sentence's main verb is itself a speech report (``"…," X told police,
    according to court documents``): then ``according to`` names a channel, not a clause."""
    return _speech(sent.root, lex)


def _verb_complements(verb: Token, lex: Lexicon) -> Iterator[Candidate]:
    """What a speech verb reports: its ``ccomp`` (or a ``that`` clause the parser hung
    elsewhere), ``X to …`` after ``urge X to`` / ``call on X to``, its content object, or the
    sentence it interrupts as an aside (``Peace, he said, would come …``)."""
    found = False
    for child in verb.children:
        that_clause = child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if verb.lemma_.lower() in QUESTION_VERBS and child.left_edge.tag_ in WH_TAGS:
            continue  # "asked him what he has been doing": a question, not a statement (golden/README.md §1)
        if (child.dep_ == "ccomp" or that_clause) and _is_statement_clause(child):
            if _subject_of_next(verb, child):
                continue  # the subject of the clause after it, taken for a clause of its own
            if child.i < verb.i and relays_report(child, lex):
                continue  # "X said that …, Reuters reported": X's words, which X's verb reports; the agency relays
            if child.i < verb.i and verb.dep_ == "ccomp" and reporting_key(verb.head, lex) is not None:
                if (relay := trailing_relay(verb, lex)) is not None and relay.i == child.i:
                    continue  # the same, parsed as said → reported → the words: the words are the head verb's
            which = child.left_edge.lower_ == "which" and child.left_edge.dep_ == "nsubj"
            if which and child.left_edge.i > verb.i:
                continue  # "…, officials said, which is why …": a relative clause on what was said, not its content
            if child.i > verb.i and (held := trailing_relay(child, lex)) is not None:
                child = held  # "X said [the words], Reuters reported" parsed with the relay under "said"
            if child.i < verb.i and _that_clause_after(verb):
                continue  # "[narration …] and, in Oldcastle, Berg said that …": the verb reports what follows it
            if child.i < verb.i and _dashed_aside(verb, child):
                continue  # "Berg – first elected 45 years ago – said the mayor had …": an aside, no content
            subject = _subject_taken_for_object(verb, child)
            whole = verb.doc[subject.left_edge.i : child.right_edge.i + 1] if subject is not None else None
            span = (
                _span_of(without_gloss(_without_mark(whole)), fewest=MIN_CLAUSE_TOKENS)
                if whole is not None
                else _clause_span(child, exclude=verb)
            )
            if span and (hung := _source_hung_on_clause(verb, child)) is not None and span[0] < hung.idx < span[1]:
                span = _trimmed_end(verb.doc, span[0], hung.idx)  # "…, the Dunmore Nurses Organisation has claimed"
            if span:
                found = True
                if child.i > verb.i:
                    yield Candidate(*_continued(verb, child, span, lex), Kind.INDIRECT, cue_token=verb.i)
                    continue
                if (goes_on := _shared_predicate_end(verb, lex)) is not None:
                    yield Candidate(span[0], goes_on, Kind.INDIRECT, cue_token=verb.i)  # "…, the bureau said, and is …"
                    continue
                yield Candidate(*span, Kind.INDIRECT, cue_token=verb.i)
                if (more := _conjunct_clause(verb, verb, lex, ("and", "but"))) is not None:
                    yield Candidate(*more, Kind.INDIRECT, cue_token=verb.i)  # "…, he said, and his officers will …"
        elif child.dep_ == "xcomp" and verb.lemma_.lower() in lex.commitments and (span := _commitment(child, lex)):
            found = True
            yield Candidate(*span, Kind.INDIRECT, cue_token=verb.i)
        elif (
            (child.dep_ == "xcomp" or child.dep_ == "advcl" and _to_infinitive(child))
            and verb.lemma_.lower() in lex.directive_verbs
        ):  # "appealed to the public [to comply]": the parser often hangs the infinitive as an adverbial
            addressee = _addressee(verb)
            if addressee is None and (asked := _asked_by_agent(verb, child)) is not None:
                found = True  # "were ordered by the police [to vacate the premises]": the agent asked it
                yield Candidate(*asked, Kind.INDIRECT, cue_token=verb.i)
            if addressee is not None and addressee.i < child.i and addressee.ent_type_ not in ("DATE", "TIME"):
                request = _without_trailing_channel(list(verb.doc[addressee.left_edge.i : child.right_edge.i + 1]))
                start, end = request[0], _dangling_conjunct(verb, request[-1])
                while end.i > start.i and (end.is_punct or end.dep_ == "cc"):
                    end = end.nbor(-1)
                found = True
                yield Candidate(start.idx, end.idx + len(end.text), Kind.INDIRECT, cue_token=verb.i)
        if child.dep_ in ("advcl", "ccomp") and (span := _requested(verb, child, lex)):
            found = True
            yield Candidate(*span, Kind.INDIRECT, cue_token=verb.i)  # "called for [the minister to resign]"
    if not found:
        span = _that_after(verb)
        if span:
            found = True
            yield Candidate(*span, Kind.INDIRECT, cue_token=verb.i)
    if not found and (span := _content_object(verb, lex)):
        found = True
        yield Candidate(*span, Kind.INDIRECT, cue_token=verb.i)
    if not found and (span := _asyndetic_report(verb)):
        found = True
        yield Candidate(*span, Kind.INDIRECT, cue_token=verb.i)
    if not found:
        for aside in _around_parenthetical(verb, lex):
            yield Candidate(*aside, Kind.INDIRECT, cue_token=verb.i)


def _asyndetic_report(verb: Token) -> tuple[int, int] | None:
    """The clause a report verb closes when the parser made the two conjuncts with no "and" between them
    (``Prices will rise, the Dunmore Traders Association (DTA) has claimed.``): the clause before the comma that
    opens the verb's source, when the verb says nothing else and ends its sentence."""
    head, doc = verb.head, verb.doc
    if verb.dep_ != "conj" or head.i > verb.i or any(c.dep_ == "cc" and c.i < verb.i for c in head.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in verb.children):
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1 : verb.sent.end]):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        comma: Token | None = doc[subject.left_edge.i - 1] if subject.left_edge.i > head.i + 1 else None
    else:
        comma = _source_hung_on_clause(verb, head)
    if comma is None or comma.text != ",":
        return None
    span = _clause_span(head, exclude=verb)
    return _trimmed_end(doc, span[0], comma.idx) if span and span[0] < comma.idx < span[1] else span


def _source_hung_on_clause(verb: Token, clause: Token) -> Token | None:
    """The comma before the source of a report the parser hung as an apposition at the end of the fronted clause
    (``… in Dunmore, the Dunmore Nurses Organisation (DNO) has claimed``: the verb left without a subject), or None."""
    if clause.i > verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    noun = word_before_verb(verb)
    if noun is None or noun.dep_ != "appos" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    comma = noun.left_edge.i - 1
    return verb.doc[comma] if comma > clause.left_edge.i and verb.doc[comma].text == "," else None


def word_before_verb(verb: Token) -> Token | None:
    """The word right before a verb and its auxiliaries (``… the Nurses Organisation has not claimed``), before the
    bracketed acronym of a name (``… the Dunmore Nurses Organisation (DNO) has claimed``), or None at the start."""
    doc, k = verb.doc, verb.i - 1
    while k > 0 and doc[k].dep_ in ("aux", "auxpass", "neg") and doc[k].head.i == verb.i:
        k -= 1
    if k >= 0 and doc[k].text == ")":
        opened = next((j for j in range(k - 1, max(k - 6, -1), -1) if doc[j].text == "("), None)
        k = opened - 1 if opened is not None else k
    return doc[k] if k >= 0 else None


def _trimmed_end(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A span from ``start`` to ``end`` (characters) without the spaces before ``end``."""
    return start, start + len(doc.text[start:end].rstrip())


def _asked_by_agent(verb: Token, clause: Token) -> tuple[int, int] | None:
    """What the agent of a passive request asked its subject to do (``were ordered by the police [to vacate the
    premises]``), the ``to`` kept, as golden/dev annotates it; None without an agent (``residents were urged to stay
    indoors`` names no one who urged them) or when the clause comes before the verb."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not passive or passive_agent(verb) is None or clause.i < verb.i or not _to_infinitive(clause):
        return None
    return _span_of(list(clause.subtree), fewest=MIN_CLAUSE_TOKENS)


def _dangling_conjunct(verb: Token, end: Token) -> Token:
    """Where a request ends when its words end on a conjunction the parser left dangling (``urged the miners to
    remain calm but [at the same time be productive]``, the second infinitive hung on the verb): the end of that
    second infinitive, subjectless right after it; else ``end``."""
    if end.dep_ != "cc":
        return end
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.i > end.i and c.tag_ == "VB"), None)
    if conj is None or conj.left_edge.i != end.i + 1 or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return end
    return conj.right_edge


def _requested(verb: Token, clause: Token, lex: Lexicon) -> tuple[int, int] | None:
    """What a request for someone to act asks (``called for [the minister to resign]``, ``appealed for [residents to
    stay indoors]``): a "for … to …" clause after a verb that reports its object with "for" (``object_verbs.tsv``),
    from the clause's subject; None otherwise."""
    if (verb.lemma_.lower() + " for") not in lex.object_verbs or clause.i < verb.i:
        return None
    asked = any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not asked or subject is None or not _to_infinitive(clause):
        return None
    tokens = [t for t in clause.subtree if t.i >= subject.left_edge.i]
    return _span_of(tokens, fewest=MIN_CLAUSE_TOKENS)


#: Verbs whose wh-clause is a question asked, not a statement ("asked him what he has been doing").
QUESTION_VERBS = ("ask", "wonder", "inquire", "enquire", "question")
#: Penn tags of wh-words that open an embedded question.
WH_TAGS = ("WDT", "WP", "WP$", "WRB")
#: Conjunctions after which a clause hung on the reporting verb continues the report: a contrast the speaker draws
#: (``…, but now it takes a week``); after ``and`` it is as often the writer's narration (``…, and he left``).
CONTRASTIVE = ("but", "yet")


def relays_report(clause: Token, lex: Lexicon) -> bool:
    """Whether a clause that a reporting verb after it reports is itself a report with a source and words of its
    own (``[Berg said that the port would close], Reuters reported``): the words are the source's, and the
    verb after them names only who relays them."""
    return (
        reporting_key(clause, lex) is not None
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and any(c.dep_ == "ccomp" and c.i > clause.i for c in clause.children)
    )


def trailing_relay(clause: Token, lex: Lexicon) -> Token | None:
    """The words a relay at a sentence's end holds before it when the parser hung the relay under the verb it
    relays (``Berg said [the port would close], Reuters reported``, parsed as said → reported → close): the
    content clause before a reporting verb whose own source follows a comma (``, Reuters reported``,
    ``, reports AP``); None otherwise."""
    if reporting_key(clause, lex) is None:
        return None
    source = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # or after: "reports AP"
    if source is None:
        source = next((c for c in clause.children if c.dep_ == "dobj" and c.i > clause.i and c.pos_ == "PROPN"), None)
    if source is None:
        return None
    first = min(source.left_edge.i, clause.i)  # where the relay's own words begin
    if first == 0 or clause.doc[first - 1].text != ",":
        return None
    return next((c for c in clause.children if c.dep_ == "ccomp" and c.right_edge.i < first), None)


def _that_clause_after(verb: Token) -> bool:
    """Whether a reporting verb has a clause opened by "that" after it: what it reports, so that a clause the
    parser hung before it is narration (one verb reports one content)."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def _subject_taken_for_object(verb: Token, clause: Token) -> Token | None:
    """The reporting verb's direct object when it is the subject of the clause reported after it, which the
    parser left without one (``stressed [any attempt to change the status quo] cannot be tolerated``: the
    object and the subjectless finite clause are one reported clause), or a clause the parser made of that
    subject (``said [his war aims] were unchanged``, "aims" taken for a verb); None otherwise."""
    if clause.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    finite = clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    first = clause.left_edge
    joined = first.i > 0 and not any(t.is_punct or t.dep_ == "cc" for t in (first, first.nbor(-1)))
    before = (c for c in verb.children if c.dep_ in ("dobj", "ccomp") and verb.i < c.i < clause.i)
    obj = next((c for c in before if c.right_edge.i + 1 == first.i), None)
    if not finite or not joined or obj is None:
        return None  # "said X wasn't a hero, mocked Y": a second report, not one clause
    return obj


def _without_mark(tokens: Span) -> list[Token]:
    """A clause's tokens without the "that" that opens it (``said [that] several rounds … were held``)."""
    words = list(tokens)
    while words and words[0].dep_ == "mark":
        words = words[1:]
    return words


def _subject_of_next(verb: Token, clause: Token) -> bool:
    """Whether a clause of a reporting verb is the subject of the next one, which the parser left without one
    (``said [his war aims] were unchanged``: see ``_subject_taken_for_object``)."""
    return any(
        (subject := _subject_taken_for_object(verb, c)) is not None and subject.i == clause.i
        for c in verb.rights
        if c.dep_ == "ccomp"
    )


def _continued(verb: Token, clause: Token, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """A reported clause with the clause the parser hung on the reporting verb right after it, joined by a
    contrastive conjunction (``said he used to get an appointment within a day, [but now it takes a week]``) or
    by an ``and`` with no comma before it after a report with no ``that`` (``said the lifts had stopped [and it
    took six hours …]``; after ``said that A``, a second report repeats the ``that``): a continuation of the
    report (``_conjunct_clause``)."""
    last = next((t for t in reversed(verb.doc[verb.i : verb.sent.end]) if t.idx < span[1]), verb)  # the clause's end
    more = _conjunct_clause(verb, last, lex, CONTRASTIVE, backshifted=True)
    bare = not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)  # "said that A and B": B is ours
    if more is None and bare and last.i + 1 < len(verb.doc) and verb.doc[last.i + 1].lower_ == "and":
        more = _conjunct_clause(verb, last, lex, ("and",), backshifted=True)  # "… had stopped and it took …"
    span = (span[0], more[1]) if more is not None else span
    if more is None and (condition := _condition_after(verb, last)) is not None:
        span = (span[0], condition[1])  # "said it is prepared to strike, [unless management apologises]"
    return _that_series(last, span)


#: Conjunctions that make a clause the condition of what was said (``…, unless management apologises``).
CONDITIONS = ("if", "unless", "until", "provided")


def _condition_after(verb: Token, last: Token) -> tuple[int, int] | None:
    """A condition the parser hung on the reporting verb right after the reported clause (``said it is prepared to
    strike, unless management apologises``): part of what was said, not the writer's."""
    doc = verb.doc
    k = last.i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.left_edge.i == k and clause.left_edge.lower_ in CONDITIONS:
            return _span_of(list(clause.subtree))
    return None


def _that_series(last: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause with the ``that`` clauses listed after it (``said that A; that B; and that C``): one
    report, however the parser hung them (it often makes the second clause the sentence's root)."""
    doc, end = last.doc, last
    while True:
        k = end.i + 1
        if k >= end.sent.end or doc[k].text not in (",", ";"):
            return span
        k += 1
        if k < end.sent.end and doc[k].lower_ in ("and", "or"):
            k += 1
        if k >= end.sent.end or doc[k].lower_ != "that" or doc[k].dep_ != "mark":
            return span
        right = min(doc[k].head.right_edge.i, end.sent.end - 1)
        tokens = list(doc[k + 1 : right + 1])
        more = _span_of(tokens, fewest=MIN_CLAUSE_TOKENS)
        if more is None or more[1] <= span[1]:
            return span
        span = (span[0], more[1])
        end = next(t for t in reversed(tokens) if t.idx < more[1])


def _conjunct_clause(
    verb: Token, after: Token, lex: Lexicon, conjunctions: tuple[str, ...], *, backshifted: bool = False
) -> tuple[int, int] | None:
    """The clause the parser hung on the reporting verb right after token ``after``, joined by one of
    ``conjunctions``, when it goes on with the report: it has its own subject that is no name (a name starts a
    new actor: ``…, but Novak disagreed``), its verb neither reports nor acts (``… and congratulated Berg``), and
    it is in the present or has an auxiliary (``…, and his officers will check it out``; not ``…, and he left``),
    unless it goes on with a report made before it, whose tense it shares (``backshifted``: ``said the lifts
    had stopped and it took six hours``)."""
    doc = verb.doc
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= after.i:
            continue
        gap = list(doc[after.i + 1 : conj.left_edge.i])  # between the report (or its verb) and the conjunct
        subject = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)  # "there was"
        if (
            subject is None
            or subject.pos_ == "PROPN"
            or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or not any(t.lower_ in conjunctions for t in gap)
            or not all(t.is_punct or t.dep_ == "cc" for t in gap)
            or reporting_key(conj, lex) is not None
            or conj.lemma_.lower() in lex.act_verbs
            or not (
                backshifted or conj.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in conj.children)
            )
        ):
            return None  # "…, and he left the room": the writer's narration in the simple past
        return _span_of(list(conj.subtree))
    return None


def _span_of(tokens: list[Token], *, fewest: int = 1, unquoted: bool = False) -> tuple[int, int] | None:
    """Character span of ``tokens`` without trailing punctuation and space; None when fewer than ``fewest``
    remain or, with ``unquoted``, when they hold a quotation mark (the quoted words are the record,
    golden/README.md §2)."""
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < fewest or unquoted and any(t.is_quote for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _commitment(xcomp: Token, lex: Lexicon) -> tuple[int, int] | None:
    """What a commitment verb's subject says they will do: its ``to …`` complement with ``to`` and any
    ``not`` (``vowed [not to veer competition into conflict]``), when one source is the subject (``_one_source``)."""
    if not _one_source(xcomp.head, lex) or not _to_infinitive(xcomp):
        return None
    tokens = _cut_at_next_report(list(xcomp.subtree), xcomp)  # "… and called for …" is a report of its own
    return _span_of(tokens, fewest=MIN_CLAUSE_TOKENS, unquoted=True)


def _around_parenthetical(verb: Token, lex: Lexicon) -> list[tuple[int, int]]:
    """The sentence a parenthetical report interrupts (``Peace, he said, would come when …``), as one record
    from its first word to its last, the aside inside (the words on both sides are one utterance; golden/dev
    annotates them so). When a conjunction follows the aside (``The plant will close, Berg said, and …``) the
    aside ends the report, and the clause after it is a report of its own when it goes on with what was said
    (``_conjunct_clause``: ``…, and his officers will check it out``). Empty when the verb is no such aside."""
    subtree = list(verb.subtree)
    first, last = _aside_opening(verb, subtree), subtree[-1]
    sent = verb.sent
    if last.text != "," and last.i + 1 < sent.end and verb.doc[last.i + 1].text == ",":
        last = verb.doc[last.i + 1]  # "…, adds Berg, it is …": the parser hung the closing comma on the sentence
    elif last.text != "," and (closing := _aside_closing(verb)) is not None:
        last = closing  # "…, officials said, which is why …": the parser hung what goes on on the aside's verb
    aside = verb.dep_ == "parataxis" or verb.dep_ == "ccomp" and verb.i < verb.head.i  # "…, adds X, it's …"
    if (
        not aside
        or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        or first is None
        or last.text != ","
    ):
        return []
    before = [t for t in sent.doc[sent.start : first.i] if not (t.is_punct or t.is_space)]
    after = [t for t in sent.doc[last.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if not before or not after:
        return []
    if after[0].dep_ != "cc" or _shared_predicate(after, lex):
        return [(before[0].idx, after[-1].idx + len(after[-1].text))]  # "…, the bureau said, and is expected to …"
    more = _conjunct_clause(verb.head, last, lex, ("and", "but"))
    return [(before[0].idx, before[-1].idx + len(before[-1].text)), *([more] if more else [])]


def _aside_closing(verb: Token) -> Token | None:
    """The comma that closes a parenthetical report the parser gave what goes on after it (``…, officials said,
    which is why …``, ``…, Holt said, with shelters open …``): the first comma after the verb, when only the aside's
    own words lie before it and a ``which`` clause or a ``with`` phrase follows; None otherwise."""
    doc, sent = verb.doc, verb.sent
    comma = next((t for t in doc[verb.i + 1 : sent.end] if t.text == ","), None)
    if comma is None or comma.i + 1 >= sent.end or doc[comma.i + 1].lower_ not in ("which", "with"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : comma.i]):
        return None
    return comma


def _shared_predicate_end(verb: Token, lex: Lexicon) -> int | None:
    """The end of a sentence that goes on after a reporting verb placed after what it reports with a predicate
    sharing that report's subject (``Storm Berg has been forming …, the bureau said, and is expected to …``), the
    parse making the verb the sentence's root; None otherwise."""
    doc, sent = verb.doc, verb.sent
    comma = next((t for t in doc[verb.i + 1 : sent.end] if not t.is_space), None)
    if comma is None or comma.text != ",":
        return None
    after = [t for t in doc[comma.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if not after or after[0].dep_ != "cc" or not _shared_predicate(after, lex):
        return None
    return after[-1].idx + len(after[-1].text)


def _shared_predicate(after: list[Token], lex: Lexicon) -> bool:
    """Whether the words after an aside's closing conjunction are a predicate that shares the interrupted
    sentence's subject (``…, the bureau said, and is expected to make landfall``): a verb with no subject of its own
    that reports nothing (``…, it added, but later said …`` is a report of its own)."""
    rest = [t for t in after[1:] if t.dep_ not in ("aux", "auxpass", "advmod", "neg")]
    if not rest or rest[0].pos_ not in ("VERB", "AUX"):
        return False
    verb = rest[0]
    own = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    return not own and reporting_key(verb, lex) is None and verb.lemma_.lower() not in lex.act_verbs


def _aside_opening(verb: Token, subtree: list[Token]) -> Token | None:
    """The comma that opens a parenthetical report: the first token of its verb's subtree, or the last comma
    before the verb and its subject when the parser hung the sentence's fronted words on the aside
    (``Most importantly, adds the widow, it is …``; ``If elected, she said, she would …``). None without one."""
    if subtree[0].text == ",":
        return subtree[0]
    subject = next(iter(clause_subjects(verb)), None)
    start = min(verb.i, subject.left_edge.i) if subject is not None else verb.i
    comma = verb.doc[start - 1] if start > verb.sent.start else None
    if comma is None or comma.text != "," or comma.i < subtree[0].i:
        return None
    return comma


def clause_subjects(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass")) -> list[Token]:
    """A verb's subjects (children with one of ``deps``), a name or a personal pronoun with no comma between it and
    the verb first: of two, the one set off by a comma is another clause's (``The irony, says Holt, is …``: "The
    irony" is the sentence's subject, which the parser gave the aside as well). The others keep their order."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    doc = verb.doc

    def own(c: Token) -> bool:
        beside = not any(t.text == "," for t in doc[min(c.i, verb.i) + 1 : max(c.i, verb.i)])
        return beside and (c.pos_ == "PROPN" or c.tag_ == "PRP")

    return sorted(subjects, key=lambda c: not own(c))


def _reported_object(verb: Token, lex: Lexicon) -> Token | None:
    """The object that holds what a verb reports: its direct object when the verb is listed in
    ``object_verbs.tsv`` (``stressed the importance of …``), or with its particle (``ruled out ending …``),
    or the object of a preposition listed with it (``called for an inquiry into …``, ``asked for help with …``)."""
    lemma = verb.lemma_.lower()
    particle = any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in lex.object_verbs for c in verb.children)
    if lemma in lex.object_verbs or particle:  # "ruled out ending the war": verb and particle listed together
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp") and c.pos_ in ("NOUN", "VERB")), None)
        if obj is not None or particle:
            return obj
    for prep in verb.children:  # "urged for a ceasefire": listed with its preposition too
        if prep.dep_ == "prep" and f"{lemma} {prep.lower_}" in lex.object_verbs:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _complement(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The object and a phrase headed by a listed preposition, or its predicative (``-`` in the table), when a
    verb reports them together (``compared [the war to the Holocaust]``, ``accused [Israel of genocide]``,
    ``called [the attack a disaster]``; object_complements.tsv)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i < verb.i or not _one_source(verb, lex):
        return None  # an object before its verb is a relative pronoun ("the remarks, which Berg described as …")
    lemma = verb.lemma_.lower()
    prep = next(
        (
            c
            for c in verb.children
            if c.i > obj.i
            and (
                c.dep_ == "prep"
                and (lemma, c.lower_) in lex.object_complements
                or c.dep_ == "oprd"
                and (lemma, "-") in lex.object_complements
            )
        ),
        None,
    )
    if prep is None:
        prep = next((c for c in obj.children if c.dep_ == "prep" and (lemma, c.lower_) in lex.object_complements), None)
    if prep is None:
        return None
    tokens = [t for t in verb.doc[obj.left_edge.i : prep.right_edge.i + 1]]
    return _span_of(tokens, fewest=MIN_OBJECT_TOKENS - 1, unquoted=True)


def _content_object(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The reported object of an object-reporting verb as the reported content
    (``outlined a two-track approach toward …``): a common-noun phrase of several words; or the
    object with its complement (``compared the war to the Holocaust``)."""
    complement = _complement(verb, lex)
    if complement is not None:
        return complement
    lemma = verb.lemma_.lower()
    if any((lemma, c.lower_) in lex.object_complements for c in verb.children if c.dep_ == "prep"):
        return None  # "condemned X as a “terrorist” act": the complement is the report, its quoted words the record
    obj = _reported_object(verb, lex)
    if obj is None or not (obj.pos_ == "NOUN" or obj.tag_ == "VBG" or _named_thing(obj)):
        return None
    if obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    if obj.lemma_.lower() in lex.titles and (
        obj.text[:1].isupper() or any(c.dep_ in ("det", "poss") for c in obj.children)
    ):
        return None  # "urged the president": whom a request is made to, not what it asks ("demanded justice" is)
    if not _one_source(verb, lex):
        return None  # "the two leaders stressed the importance of …" narrates a joint outcome
    tokens = list(obj.subtree)
    participle = next(
        (t for t in tokens if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.i < t.i and reporting_key(t, lex)), None
    )
    if participle is not None:  # "the importance of the council, stating “…”": a report of its own follows
        tokens = [t for t in tokens if t.i < participle.left_edge.i]
    else:
        own = _without_trailing_channel(tokens, after_comma=False)  # "the new toll[ in a speech]": said where
        tokens = own if len(own) < len(tokens) else _with_verb_phrases(verb, tokens)
    doc, nxt = verb.doc, tokens[-1].i + 1
    if nxt + 1 < len(doc) and doc[nxt].text in ("—", "–", "--", "―") and not doc[nxt + 1].is_space:
        end = doc[nxt + 1].sent.end  # "a two-track approach — responding firmly …" (the parser may split there)
        tokens = [t for t in doc[tokens[0].i : end] if "\n" not in t.text]
    tokens = without_gloss(_cut_at_next_report(tokens, obj))
    return _span_of(tokens, fewest=MIN_REQUEST_TOKENS if _asked_for(verb, obj, lex) else MIN_OBJECT_TOKENS)


def _named_thing(obj: Token) -> bool:
    """Whether a proper-noun object names a thing asked for or announced, not whom it is asked of: it takes an
    indefinite article (``called for [a Climate Solidarity Pact]``), which a person's or a body's name never does."""
    return obj.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children)


def _asked_for(verb: Token, obj: Token, lex: Lexicon) -> bool:
    """Whether a reported object is what a public request asks for (``called for [a ceasefire]``, ``urged [an end
    to sanctions]``: the verbs marked ``request`` in ``object_verbs.tsv``), not ``asked for [an appointment]``."""
    lemma = verb.lemma_.lower()
    if _to_infinitive(verb) and not _went_on_to(verb):
        return False  # "forced to plead for [more aid]": the writer's account of a plight, no report
    if obj.head.i == verb.i:
        return lemma in lex.request_verbs
    return obj.head.lower_ == "for" and obj.head.head.i == verb.i and f"{lemma} for" in lex.request_verbs


#: Verbs whose to-infinitive narrates what the subject then did (``went further to request …``, ``proceeded to
#: demand …``), with the particle or adverb "go" needs for it.
GOING_ON = {"go": ("on", "further"), "proceed": ()}


def _went_on_to(verb: Token) -> bool:
    """Whether a to-infinitive tells what its subject then did: ``went further to request for [a head count]``,
    ``proceeded to …``; not ``forced to plead for …``."""
    head = verb.head
    needs = GOING_ON.get(head.lemma_.lower())
    if needs is None or head.i == verb.i:
        return False
    return not needs or any(c.lower_ in needs for c in head.children if c.dep_ in ("prt", "advmod"))


def _with_verb_phrases(verb: Token, tokens: list[Token]) -> list[Token]:
    """A reported object with the prepositional phrases the parser hung on the verb right after it, which go on
    with what was reported (``urged [an investigation into errors without cutting off funding]``,
    ``acknowledged [positive statements from the US during a recent meeting]``); a date or time stops it, and so
    does the channel of the report (``announced the new allocation [in a speech]``, ``channels.tsv``)."""
    doc, nxt, lex = verb.doc, tokens[-1].i + 1, lexicon()
    for c in verb.rights:
        infinitive = c.dep_ in ("xcomp", "advcl") and c.left_edge.lower_ == "to"  # "decisions by donors [to suspend …]"
        if c.left_edge.i != nxt or not (c.dep_ == "prep" or infinitive):
            continue
        if any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) or c.dep_ == "prep" and channel_of(c, lex):
            continue  # when, or by what channel ("in a speech during …"), the report was made: not what it reports
        tokens = tokens + list(doc[nxt : c.right_edge.i + 1])
        nxt = c.right_edge.i + 1
    return tokens


def _one_source(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's subject is one source: a name, he/she, one holder of a title (``the senator``), a body
    (``the council``, ``body_heads.tsv``), a document (``the plan``, ``document_heads.tsv``) or a group that speaks
    as one (``the councillors``, ``residents``);
    not the parties to a meeting together (``the two leaders``, ``both sides``: ``joint_heads.tsv``), not a
    thing."""
    subject = _subject_above(verb)
    if subject is not None and subject.tag_ == "WP" and verb.dep_ == "relcl":
        subject = verb.head  # "Berg, who announced plans for …": the relative pronoun stands for its antecedent
    if subject is not None and joint_subject(subject):
        return conjoined(subject) and not joint_outcome(verb, lex)  # "KGMOA and IMA called for a strike": as one
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in ("he", "she")
    if subject.pos_ == "NOUN" and subject.tag_ == "NN":
        lemma = subject.lemma_.lower()
        # "the senator", "the council", "the plan" (a document speaks for its authors)
        return lemma in lex.titles or lemma in lex.body_heads or lemma in lex.document_heads
    if subject.tag_ in ("NNS", "NNPS") and subject.ent_type_ not in ("ORG", "GPE"):
        return not _together(subject, lex)
    return subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


#: Words that count a plural subject as the parties to something together.
JOINT_WORDS = ("two", "three", "both", "all", "each")


def _together(group: Token, lex: Lexicon) -> bool:
    """Whether a plural subject names the parties to a meeting together (``the two leaders``, ``both sides``,
    ``the ministers``): what they agree or stress is a joint outcome, no one's statement (golden/README.md §1)."""
    counted = any(c.dep_ in ("nummod", "predet", "det") and c.lower_ in JOINT_WORDS for c in group.children)
    return counted or group.lemma_.lower() in lex.joint_heads


#: Dependencies through which a verb without a subject of its own shares the subject of the verb above it
#: (``accused Israel of perpetrating …, likening X to Y``: likening, perpetrating, of, accused).
SHARED_SUBJECT_DEPS = ("conj", "xcomp", "advcl", "pcomp", "prep")
#: Most steps taken up the parse looking for that subject.
MAX_SUBJECT_STEPS = 4


def _subject_above(verb: Token) -> Token | None:
    """A verb's subject, or the subject of the verb it depends on through a conjunction, complement,
    adverbial clause or an unlabelled series (``in_verb_series``), at most ``MAX_SUBJECT_STEPS`` up."""
    node = verb
    for _ in range(MAX_SUBJECT_STEPS):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        shares = node.dep_ in SHARED_SUBJECT_DEPS or in_verb_series(node)
        if subject is not None or not shares or node.head.i == node.i:
            return subject
        node = node.head
    return None


def in_verb_series(node: Token) -> bool:
    """Whether a verb is the next in a series of verbs the parser left unlabelled (``called the deaths
    “genocide,” criticized X for Y``: a quotation mark before the comma breaks the coordination), and so
    shares the subject of the verb before it."""
    return node.dep_ == "dep" and node.pos_ == "VERB" and node.head.pos_ == "VERB" and node.head.i < node.i


def joint_outcome(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb narrates a joint outcome when parties named together are its subject (``Moreau and Berg
    agreed …``, ``… stressed the importance of …``: ``joint_verbs.tsv``); with any other reporting verb the parties
    speak as one source (``Moreau and Berg said …``)."""
    return verb.lemma_.lower() in lex.joint_verbs


def conjoined(subject: Token) -> bool:
    """Whether a subject joins the parties it names with a conjunction, as prose does (``Moreau and Berg said …``),
    not with the bare comma of a headline (``Moreau, Berg stress …``)."""
    return any(c.dep_ == "conj" and c.i > subject.i for c in subject.children)


def _kin(noun: Token) -> bool:
    """Whether a common noun names people of someone's own, by a possessive pronoun (``her husband``, ``his
    colleagues``, ``their housemates``)."""
    return (
        noun.pos_ == "NOUN"
        and (noun.lemma_ or noun.text).lower() in person_nouns()
        and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
    )


def joint_subject(subject: Token) -> bool:
    """Whether a subject names several people or bodies together by name: ``Moreau and Berg agreed …``, ``Moreau
    and her neighbour, Berg, said …``, a person and the people of her own (``Moreau and her housemates said …``), or
    two names joined by a comma as headlines join them (``Moreau, Berg stress …``: a name in apposition
    that no comma closes before the verb, where prose would close it: ``Dufour, Moreau's spokesperson, said``).
    What they say together is no one of them's (golden/README.md §1: joint outcomes, headlines); a
    group described together (``residents and officials said``) is one source and no such subject."""
    if subject.pos_ != "PROPN" or subject.lower_ in lexicon().titles:
        return False  # "AKP Chairman and Turkish President Erdoğan": one person's two titles, then the name
    doc = subject.doc
    for c in subject.children:
        if c.dep_ == "conj" and c.i > subject.i and any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children):
            return True  # "Moreau and her neighbour, Berg, said": the second named in apposition
        if c.dep_ == "conj" and c.i > subject.i and _kin(c):
            return True  # "Moreau and her housemates said": a person and the people of her own
        if c.pos_ != "PROPN" or c.i < subject.i:
            continue
        titled = c.lower_ in lexicon().titles  # "Ana Holt, Deputy Director of Nursing and Care said": her title
        if c.dep_ == "conj" and not titled:  # "Ms Holt, Executive Director, Dunmore Hospital said": her title
            return True
        after = c.right_edge.i + 1
        body = c.lower_ in lexicon().body_heads or c.ent_type_ in ("ORG", "GPE", "FAC")  # "…, Dunmore Hospital said"
        if (
            c.dep_ == "appos"
            and doc[c.left_edge.i - 1].text == ","
            and after == subject.head.i
            and not (titled or body)
        ):
            return True  # "Moreau, Berg stress": nothing between the second name and the verb
    return False


def _addressee(verb: Token) -> Token | None:
    """The person urged or called on: the object, or the object of ``on`` or ``upon`` (``called on``,
    ``called upon``), ``to`` (``appealed to``) or ``with`` (``pleaded with``)."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to", "with"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _that_after(verb: Token, *, gap: int = MAX_GAP_BEFORE_THAT) -> tuple[int, int] | None:
    """A ``that`` clause a few words after the verb, to the end of the sentence, when the
    parser failed to attach it (``made clear during the call that he intends …``)."""
    sent = verb.sent
    for i in range(verb.i + 1, min(verb.i + 1 + gap, sent.end)):
        tok = verb.doc[i]
        if tok.is_quote or tok.is_punct and tok.text not in (",",):
            return None
        in_phrase = tok.dep_ == "det" and tok.head.dep_ == "pobj"  # "call police with that kind of …"
        relative = tok.head.dep_ == "relcl" and tok.head.head.i > verb.i  # "questioned the data that put …"
        if (
            tok.lower_ == "that"
            and tok.dep_ in ("mark", "dobj", "nsubj", "det", "prep")  # "that" is never a preposition: a misparse
            and not in_phrase
            and not relative
            and i + 1 < sent.end
        ):
            # to the end of the sentence, or where a second report joins it ("…, saying …"), or where the clause
            # a fronted verb depends on begins ("Underscoring his view that …, Berg said …")
            tokens = _cut_at_next_report(list(verb.doc[i + 1 : _fronted_end(verb)]), tok)
            return _span_of(tokens, fewest=MIN_CLAUSE_TOKENS)
    return None


def _fronted_end(verb: Token) -> int:
    """Where the words a verb governs can end: the end of its sentence, or, for a verb fronted before the clause
    it depends on (``Noting that …, Berg said …``), the start of that clause's subject."""
    head = verb.head
    if head.i <= verb.i:
        return verb.sent.end
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i), None)
    return subject.left_edge.i if subject is not None else head.i


def reporting_key(tok: Token, lex: Lexicon) -> str | None:
    """The lexicon entry a verb token realises (``say``, or ``make clear`` with its complement),
    or None when it is not a reporting verb here (not a verb, negated, modal or an imperative)."""
    if tok.pos_ not in ("VERB", "AUX") or negated_or_modal(tok) or _imperative(tok) or _noun_after_of(tok):
        return None
    lemma = tok.lemma_.lower()
    for child in tok.children:
        complement = child.dep_ in ("prt", "oprd", "acomp", "advmod") or child.dep_ == "ccomp" and child.pos_ == "ADJ"
        if complement and (key := f"{lemma} {child.lower_}") in lex.verbs:  # "made clear" (may be parsed ccomp)
            return None if lex.verbs[key] == "none" else key  # "called off the strike": a particle leaves speech
    return lemma if lemma in lex.verbs else None


def _noun_after_of(tok: Token) -> bool:
    """Whether a base-form verb right after "of", with no subject, is the noun the parser took for a verb (``Of
    note: the leader took a question …``), which reports nothing."""
    return (
        tok.tag_ in ("VB", "VBP")
        and tok.i > tok.sent.start
        and tok.doc[tok.i - 1].lower_ == "of"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


#: Subjects with which a verb in its base form asks for speech rather than reports it (``someone explain why …``).
INDEFINITE_SUBJECTS = ("someone", "somebody", "anyone", "anybody")


def _imperative(verb: Token) -> bool:
    """Whether a verb heading its sentence is an imperative, which asks for words and reports none
    (``Now tell us this isn't a witch hunt``, ``Please note the show must be credited``, ``someone explain why …``)."""
    if (
        verb.dep_ != "ROOT"
        or verb.tag_ not in ("VB", "VBP")
        or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subject is None and verb.tag_ == "VB" or subject is not None and subject.lower_ in INDEFINITE_SUBJECTS


def heard_by_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether a reporting verb is the passive of a verb whose object is the person spoken to
    (``hearer_verbs.tsv``): its subject heard the words (``she was told that …``), and only an agent
    (``by doctors``) says who spoke them."""
    return verb.lemma_.lower() in lex.hearer_verbs and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def impersonal(verb: Token) -> bool:
    """Whether a reporting verb is an impersonal passive (``it is said that …``, ``it was widely acknowledged
    that …``): with no agent, no source is named, and there is no report to attribute."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children
    )


def passive_agent(verb: Token) -> Token | None:
    """The agent of a passive verb (``by doctors`` -> doctors), or None."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)


def negated_or_modal(tok: Token) -> bool:
    """A reporting verb that is negated or obligated/hypothetical reports no statement."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children)


def _is_statement_clause(head: Token) -> bool:
    """A clause that states something: not a question (``whether``/``if``) and has a verb."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in head.children):
        return False
    return head.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "aux") for c in head.children)


def _noun_clause_ok(head: Token) -> bool:
    """A reporting noun's clause: a ``that`` clause or a to-infinitive, not a relative clause."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children) or _to_infinitive(head)


def _to_infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive (``to pursue``, ``not to veer``)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _light_object(noun: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The object of a light verb when a reporting noun heads it and a phrase gives its content
    (``expressed [his belief in a shared future]``, ``voiced [hope for a quick end to the strike]``;
    golden/README.md §1: for light-verb reports the span is the object), said by one source; not a topic
    (``expressed concern over the rising prices``: ``topic_nouns.tsv``)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lex.light_verbs or negated_or_modal(verb):
        return None
    topic = noun.lemma_.lower() in lex.topic_nouns  # "concern over the prices" names what it is about, no more
    content = any(c.dep_ == "prep" and not topic or c.dep_ == "acl" and _to_infinitive(c) for c in noun.children)
    # "belief in …", "his resolve to pursue …"
    if not content or not _one_source(verb, lex):
        return None
    return _span_of(list(noun.subtree), fewest=MIN_OBJECT_TOKENS, unquoted=True)


def _reporting_noun_owner(noun: Token, lex: Lexicon) -> Token | None:
    """Who a reporting noun belongs to: its possessor, or the subject of its light verb."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.light_verbs:
        subject = _subject_above(noun.head)  # "… described X as Y, and expressed hope that …": the shared subject
        if subject is not None:
            return subject
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def according_to(sent: Span, *, skip: frozenset[int] | set[int] = frozenset()) -> Token | None:
    """The ``according`` token of an ``according to X`` phrase in the sentence (tokens in ``skip`` excluded)."""
    for tok in sent:
        if tok.i not in skip and tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            return tok
    return None


def _clause_span(
    head: Token, *, exclude: Token | None = None, whole: Span | None = None, anywhere: bool = False
) -> tuple[int, int] | None:
    """Character span of a clause: its subtree (or ``whole``) minus the excluded phrase, if any,
    trimmed of a leading ``that``/``to``, surrounding punctuation and conjunctions, and of the channel of the
    report at its end (after a comma; ``anywhere``: with or without one, for the object of the reporting verb,
    ``expressed [his resolve to …] in his press conference``)."""
    if whole is not None:
        skip = range(exclude.left_edge.i, _phrase_end(exclude) + 1) if exclude is not None else range(0)
        tokens = [t for t in whole if t.i not in skip]
    else:
        inside = exclude is not None and exclude.i in {t.i for t in head.subtree}
        excluded = {t.i for t in exclude.subtree} if exclude is not None and inside else set()
        tokens = [t for t in head.subtree if t.i not in excluded]
    tokens = _contiguous_around(tokens, head)
    tokens = _cut_at_next_report(tokens, head)
    tokens = _without_leading_date(tokens, head)
    tokens = without_leading_according(tokens, head)
    tokens = _without_trailing_channel(tokens, after_comma=not anywhere)
    tokens = without_gloss(tokens)
    while tokens and _leading_function_word(tokens, head):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if len(tokens) < MIN_CLAUSE_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _leading_function_word(tokens: list[Token], head: Token) -> bool:
    """Whether a clause's first token is no part of what was said: punctuation, a conjunction, the clause's
    ``that`` or ``to`` (also ``that`` before a comma, which the parser may take for a subject: ``that, since …``),
    but not the conjunction of a clause fronted inside it (``since she cannot read, …``)."""
    first = tokens[0]
    return (
        first.is_punct
        or first.dep_ == "cc"
        or first.dep_ == "mark"
        and not _opens_fronted_clause(first, head)
        or first.lower_ in ("that", "to")
        and first.dep_ in ("mark", "aux")
        or first.lower_ == "that"
        and len(tokens) > 1
        and tokens[1].text == ","
    )


def _opens_fronted_clause(mark: Token, head: Token) -> bool:
    """Whether a clause's first word is the conjunction of an adverbial clause fronted inside it (``said that,
    [since] she cannot read, farming is her income``), which the report holds, rather than the clause's own
    ``that`` or ``whether``."""
    return mark.head.i != head.i and mark.head.dep_ == "advcl" and mark.head.head.i == head.i and mark.i < head.i


def channel_of(prep: Token, lex: Lexicon) -> Token | None:
    """The object of a preposition when it names the channel a report went by (``in a statement``, ``on X``,
    ``at a briefing``: ``channels.tsv``), else None."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or not {obj.text, obj.lemma_, obj.lemma_.lower()} & lex.channels:
        return None
    return obj


def _without_trailing_channel(tokens: list[Token], *, after_comma: bool = True) -> list[Token]:
    """A reported clause without the channel the parser hung at its end after a comma (``urged Israel to declare a
    ceasefire[, in a televised speech at …]``), or a reported object without the one it ends on (``announced the
    new toll[ in a speech during …]``, ``after_comma=False``): where it was said, not what (``channels.tsv``)."""
    lex = lexicon()
    for k in range(1, len(tokens) - 1):
        prep = tokens[k + 1]
        opened = tokens[k].text == "," or not after_comma
        if opened and prep.dep_ == "prep" and _only_setting(tokens[k + 1 :], prep):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in lex.channels:  # by its lemma ("like the media" is no channel)
                return tokens[: k if tokens[k].text == "," else k + 1]
    return tokens


def _only_setting(tokens: list[Token], prep: Token) -> bool:
    """Whether a phrase ends the tokens, or only more of the setting follows it: prepositional phrases and dates
    (``in his press conference[ on Sunday]``)."""
    inside = {t.i for t in tokens}
    tail = [t for t in tokens if t.i > prep.right_edge.i]
    return all(
        t.is_punct or t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prep"
        for t in tail
        if t.head.i not in inside or t.head.i <= prep.right_edge.i
    )


#: Marks after which the writer may gloss what was reported.
GLOSS_MARKS = (",", "—", "–", "--", "―")


def without_gloss(tokens: list[Token]) -> list[Token]:
    """A reported clause or object without the writer's gloss after a comma or dash at its end (``equality should
    never come before freedom[, in a sign of how …]``, ``a boost to spending[ — the latest in a series …]``;
    ``glosses.tsv``)."""
    lex = lexicon()
    words = [t.lower_ for t in tokens]
    for k in range(2, len(tokens) - 1):
        if tokens[k - 1].text in GLOSS_MARKS and any(tuple(words[k : k + len(g)]) == g for g in lex.glosses):
            return tokens[: k - 1]
    return tokens


def _without_leading_date(tokens: list[Token], head: Token) -> list[Token]:
    """A reported clause without the date or time the parser hung on it before its subject (``said [on
    Tuesday] it would expand the recall``): when the report was made, not part of what was reported."""
    if not tokens or tokens[0].head.i != head.i or tokens[0].dep_ not in ("prep", "npadvmod", "advmod"):
        return tokens
    phrase = [t.i for t in tokens[0].subtree]
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    dated = any(head.doc[i].ent_type_ in ("DATE", "TIME") for i in phrase)
    leads = [t.i for t in tokens[: len(phrase)]] == phrase
    if not dated or subject is None or not leads or phrase[-1] >= subject.left_edge.i:
        return tokens
    return tokens[len(phrase) :]


def without_leading_according(tokens: list[Token], head: Token) -> list[Token]:
    """A reported clause without the source it opens with (``said that[ according to Dunmore Holdings,] 145 companies
    applied``): whose claim it relays, not part of the claim (the attribution reads it, ``inner_according``)."""
    k = 0
    while k < len(tokens) and (tokens[k].dep_ == "mark" or tokens[k].is_punct):
        k += 1  # "said that, according to police, …"
    if len(tokens) <= k or tokens[k].lower_ != "according" or tokens[k].head.i != head.i:
        return tokens
    end = tokens[k].right_edge.i
    rest = [t for t in tokens if t.i > end]
    if not rest or rest[0].text != ",":
        return tokens
    return rest[1:]


def inner_according(clause: Span) -> Token | None:
    """The ``according`` that opens a reported clause's own words (``He said that according to Dunmore Holdings, …``):
    the claim is the holdings', relayed by him; None when the clause has none."""
    root = clause.root
    doc = clause.doc
    for tok in doc[max(clause.start - 8, 0) : clause.start]:
        if tok.lower_ == "according" and tok.head.i == root.i and tok.right_edge.i < clause.start:
            return tok
    return None


def _cut_at_next_report(tokens: list[Token], head: Token) -> list[Token]:
    """End a clause where a second report joins it (``…, arguing that``, ``… and warned``, ``… but did not say
    when``, ``… after Beijing called for talks``): that report is its own quote, or no quote; or where the
    speaker's own act joins it (``… and congratulated Berg``, quotes/data/act_verbs.tsv)."""
    lex = lexicon()
    position = {t.i: n for n, t in enumerate(tokens)}
    for k, tok in enumerate(tokens):
        if k >= 2 and tok.tag_ == "VBG" and (cut := _with_reporter(tokens, k, lex)) is not None:
            return tokens[:cut]  # "…, with some saying revenue is down": another source's report
        if k > 0 and tok.i > head.i and tok.dep_ == "relcl" and _reports_on(tok, lex):
            return [t for t in tokens if t.i < tok.left_edge.i]  # "… the remarks, which Berg called …": an aside
        if k == 0 or tok.i <= head.i or tok.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        prev = tokens[k - 1]
        joined = _before_adverbs(tokens, k)  # "… but also urged": the word before "also"
        speech = _speech(tok, lex)  # "… and made it clear that …" as well as "… and warned"
        if (prev.text == "," or prev.lower_ in ("and", "but")) and speech and tok.tag_ in ("VBG", "VBD", "VBZ"):
            return tokens[: k - 1]
        finite = tok.tag_ in ("VBD", "VBZ")  # "… and also encourage more farmers to …" goes on with the content
        if joined is not None and joined < k - 1 and tokens[joined].lower_ in ("and", "but") and speech and finite:
            return tokens[:joined]  # "condemned the deaths … but also urged Dunmore to …": a second report
        stated = tok.tag_ == "VBG" and _reporting_class(tok, lex) == "statement"
        if prev.text == "," and stated and not _joint_act(tok, lex):
            return tokens[: k - 1]  # "…, vowing “we will not go”": a statement of its own (two leaders "…, agreeing
            # to …" narrate the outcome of their talks: part of what was reported)
        mark = tok.left_edge
        marked = speech and mark.dep_ == "mark" and mark.i > tokens[0].i + 1 and tok.doc[mark.i - 1].text == ","
        if marked and (tok.tag_ == "VBG" or tok.dep_ == "advcl" and _own_subject(tok)) and _says(tok, lex):
            return [t for t in tokens if t.i < mark.i - 1]  # "…, while warning …", "…, while the ministry said …"
        opening = position.get(tok.left_edge.i - 1)
        commits = tok.lemma_.lower() in lex.commitments  # "… and has offered to …"
        if (speech or commits) and tok.dep_ == "conj" and opening and tokens[opening].lower_ in ("and", "but"):
            auxiliaries = tokens[opening + 1 : k]
            if auxiliaries and all(t.dep_ in ("aux", "auxpass") and t.tag_ in ("VBZ", "VBP") for t in auxiliaries):
                return tokens[:opening]  # "says … and is urging people to": the reporter's own act, in the present
                # (backshifted, "said he had visited … and had asked for …", it is still what was said)
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if speech and subject is not None and tok.dep_ == "conj":
            return [t for t in tokens if t.i < tok.left_edge.i]  # "… tranche of aid but inspectors said …"
        if speech and subject is not None and tok.dep_ == "advcl" and _another_source(subject, head):
            return [t for t in tokens if t.i < tok.left_edge.i]  # "… after Beijing called for talks": another's report
        if speech and subject is not None and tok.dep_ == "advcl" and any(c.dep_ == "ccomp" for c in tok.children):
            return [t for t in tokens if t.i < tok.left_edge.i]  # "… because he said [the party's …]": a report of
            # its own, with its own words (not "… when he told them", the speaker's act)
        if _declined(tok, lex):
            return [t for t in tokens if t.i < tok.left_edge.i - 1]  # "… but did not say when": the speaker's act
        if prev.lower_ == "and" and tok.dep_ == "conj" and tok.lemma_.lower() in lex.act_verbs and subject is None:
            return tokens[: k - 1]  # "… and congratulated Berg": the speaker's act, not what they report
    return tokens


def _before_adverbs(tokens: list[Token], k: int) -> int | None:
    """The position of the token before ``tokens[k]`` and the adverbs right before it (``also``, ``then``)."""
    j = k - 1
    while j >= 0 and tokens[j].dep_ == "advmod" and tokens[j].head.i == tokens[k].i:
        j -= 1
    return j if j >= 0 else None


def _own_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own before it (``while [the ministry] had said``)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)


def _says(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb of speech reports something here: a clause, or someone told to act (``warning the public
    not to …``), not ``continuing to support …``."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    return verb.lemma_.lower() in lex.directive_verbs and any(c.dep_ == "dobj" for c in verb.children)


def _reports_on(clause: Token, lex: Lexicon) -> bool:
    """Whether a relative clause is a report on the noun it describes, with a source of its own (``the remarks,
    which Berg called “shameful”``, ``leftism, which he categorized as collectivism``): its subject is no
    relative pronoun, and its verb reports speech or what someone called something (object_complements.tsv)."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in WH_TAGS or subject.lower_ == "that":
        return False
    lemma = clause.lemma_.lower()
    return _speech(clause, lex) or any(verb == lemma for verb, _ in lex.object_complements)


def _another_source(subject: Token, clause: Token) -> bool:
    """Whether the subject of a report inside a reported clause names a source other than the clause's speaker
    (``said he would meet Xi after [Beijing] called for talks``), not the speaker again (``when [he] told them``)."""
    if subject.pos_ == "PRON" or subject.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    speaker = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return speaker is not None and speaker.pos_ != "PRON" and subject.lower_ != speaker.lower_


def _declined(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb joined to a reported clause after ``and``/``but`` is the speaker's refusal to say more (``…
    but did not say when``, ``… but would not elaborate``, ``… but declined to confirm it``): a negated reporting
    verb, or a verb of refusing with what was not said, which reports nothing."""
    left = verb.left_edge.i
    negated = lex.verbs.get(verb.lemma_.lower()) == "speech" and any(c.dep_ == "neg" for c in verb.children)
    refused = verb.lemma_.lower() in REFUSALS and any(c.dep_ == "xcomp" for c in verb.children)
    return verb.dep_ == "conj" and (negated or refused) and left > 0 and verb.doc[left - 1].dep_ == "cc"


#: Verbs of refusing to say (``declined to confirm``, ``refused to comment``): the speaker's act, not a report.
REFUSALS = frozenset({"decline", "refuse"})


def _with_reporter(tokens: list[Token], k: int, lex: Lexicon) -> int | None:
    """Where a clause ends before an absolute ``with`` whose noun phrase speaks (``…, with some saying …``,
    ``with officials warning …``): the index of the ``with`` (and the comma before it) in ``tokens``."""
    key = reporting_key(tokens[k], lex)
    if key is None or lex.verbs[key] != "speech":
        return None
    for j in range(k - 1, max(k - 4, 0), -1):  # "with [some | the officials | many residents] saying"
        if tokens[j].lower_ == "with":
            return j - 1 if tokens[j - 1].text == "," else j
        if tokens[j].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"):
            return None
    return None


def _phrase_end(according: Token) -> int:
    """Last token index of ``according to X``, with the name set off by commas after it that the parser took
    for the clause's subject (``according to the community leader, [Ann Berg,] issues emerge …``)."""
    name = according_name(according, lexicon())
    return name.end if name is not None else _according_end(according)


def _according_end(according: Token) -> int:
    """Last token index of ``according to X`` as the parser hung it."""
    return max(according.right_edge.i, according.nbor().right_edge.i)


def according_name(according: Token, lex: Lexicon) -> Span | None:
    """The person named between commas right after ``according to`` one person's role (``according to the
    community leader, Ann Berg, …``), which the parser may take for the clause's subject; None otherwise
    (``according to police, Ann Berg, a driver, was hurt``: no role, the name is the clause's)."""
    to = according.nbor()
    obj = next((c for h in (to, according) for c in h.children if c.dep_ == "pobj"), None)
    if obj is None or obj.tag_ != "NN" or obj.lemma_.lower() not in lex.titles:
        return None  # a role held by one person ("the mayor", "the community leader"), not police or a report
    doc, end = according.doc, _according_end(according)
    first = end + 2
    if first >= len(doc) or doc[end + 1].text != "," or doc[first].ent_iob_ != "B" or doc[first].ent_type_ != "PERSON":
        return None
    last = first
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return doc[first : last + 1] if last + 1 < len(doc) and doc[last + 1].text == "," else None


def _contiguous_around(tokens: list[Token], head: Token) -> list[Token]:
    """The longest run of consecutive token indices that contains ``head``."""
    idx = sorted({t.i for t in tokens})
    if not idx:
        return []
    runs, run = [], [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    runs.append(run)
    best = next((r for r in runs if r[0] <= head.i <= r[-1]), max(runs, key=len))
    doc = head.doc
    return [doc[i] for i in best]


def _quoted_share(cand: Candidate, marked: Spans) -> float:
    return marked.covered(cand.start, cand.end) / max(1, cand.end - cand.start)


def _outermost(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates nested inside another; keep document order. Of two with the same span,
    the one whose cue comes first in the text wins, so the result never depends on hashing."""
    cands = sorted(set(cands), key=lambda c: (c.start, -c.end, -1 if c.cue_token is None else c.cue_token))
    out: list[Candidate] = []
    for c in cands:
        if out and c.start >= out[-1].start and c.end <= out[-1].end:
            continue
        out.append(c)
    return out

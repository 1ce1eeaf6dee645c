"""Compare: a claim (or another rendering) lined up with one rendering, every changed word typed.

Input: the text of a rendering (``a``) and of a claim (``b``). Output: a ``Comparison``: the part of the
rendering the claim lines up with, the word diff, which of the claim's words the rendering supports,
and each changed word as a typed ``Changed`` record. Verify and the divergence flags both read it.

A claim word is *supported* by a rendering when the word diff lines it up with the same word or a form
of it (``quotes.diverge`` folds inflection, British/American spelling, romanization, typography,
hyphenation, ``U.S.``/``United States`` and number words before diffing). Function words, punctuation
and ``that`` may differ. Words of the rendering before or after the part the claim quotes are not
changes (a claim may quote a fragment), nor are words where the claim has an ellipsis (``…``).
Every other difference is a change, typed by what it does to the meaning (``ChangeType``): a
negation word added or dropped, an antonym or affix-negated form (``quotes/data/antonyms.tsv``,
``quotes/data/reversals.tsv``), an entity, a number, a modal, a pronoun's person, or other wording.
No similarity cut-off takes part: what is not supported is a change.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import diverge
from .config import lexicon
from .diverge import opposite
from .types import ChangeType, DiffOp

#: Rendering words kept beyond the claim's own in a replacement at the edge of the matched part: room
#: for a longer wording of the same words (``is rising`` / ``has risen even further``). Not a cut-off
#: on meaning: the kept words are compared and typed like any others.
EDGE_SLACK = 2

_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.|\[\s*(?:…|\.\.\.)\s*\]")


@dataclass(frozen=True, slots=True)
class Changed:
    """One changed word (or words) of a comparison, with spans local to the two texts.

    ``b_span`` is in the claim (empty where the claim leaves words out), ``a_span`` in the
    rendering (empty where the claim adds words); ``position`` is the claim token the change
    sits on, or the token boundary where the claim leaves words out.
    """

    type: ChangeType
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    position: int
    left_out: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    """A claim ``b`` lined up with a rendering ``a``: one object that verify and the flags read.

    ``window`` is the part of ``a`` the claim lines up with; ``diff`` runs over it (offsets into
    the whole of ``a`` and into ``b``); ``supported`` and ``content`` count the claim's content
    words that ``a`` supports and all of them; ``changes`` are typed.
    """

    a: str
    b: str
    window: tuple[int, int]
    diff: tuple[DiffOp, ...]
    changes: tuple[Changed, ...]
    supported: int
    content: int

    @property
    def found(self) -> bool:
        """Whether the rendering is a source of the claim at all: it supports more of the claim's
        content words than there are changes (words changed, added or left out) and more than half
        of them, so that the claim says mostly what the rendering says; with less, any verdict but
        "not found" would be a guess."""
        return self.supported > len(self.changes) and 2 * self.supported > self.content

    @property
    def exact(self) -> bool:
        """Found, and no changed word: the claim is built from the rendering's words alone."""
        return self.found and not self.changes


@lru_cache(maxsize=1)
def _entity_words() -> frozenset[str]:
    """Words that name places and peoples even in lower case: demonyms, their places, capitals."""
    lex = lexicon()
    words = set()
    for adj, place in lex.demonyms.items():
        words.update(adj.split())
        words.update(place.split())
    for city, country in lex.capitals.items():
        words.update(city.lower().split())
        words.update(country.split())
    return frozenset(words) - {"of", "the", "and"}


def _sentence_start(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence (or the text): only punctuation and quotes before it."""
    before = text[:at].rstrip(" \t\n“”\"'‘’«»()[]")
    return not before or before[-1] in ".!?:;"


def _kind(tok: diverge._Tok, cls: str | None, text: str) -> str | None:
    """What a token is for typing: a ``ChangeType`` value, or None for a function word."""
    words = diverge._words()
    if cls == "negation":
        return ChangeType.NEGATION.value
    if diverge._is_number(tok):
        return ChangeType.ENTITY.value if diverge._date(tok) else ChangeType.NUMBER.value
    if cls and cls.startswith("modality:"):
        return ChangeType.MODALITY.value
    if cls and cls.startswith("person:"):
        return ChangeType.PERSON.value
    if tok.word in words.function or tok.key in words.function or tok.word in words.articles:
        return None
    if tok.key in diverge._DATES or tok.word in _entity_words() or tok.key in _entity_words():
        return ChangeType.ENTITY.value
    if tok.capital and (not _sentence_start(text, tok.start) or "." in tok.key):
        return ChangeType.ENTITY.value
    return "content"


def _ellipses(b: str, tb: Sequence[diverge._Tok]) -> frozenset[int]:
    """Token boundaries of the claim where it has an ellipsis (words left out on purpose)."""
    out = set()
    for m in _ELLIPSIS.finditer(b):
        out.add(sum(1 for t in tb if t.end <= m.start()))
    return frozenset(out)


def _slides_to(ta: Sequence[diverge._Tok], i1: int, i2: int, j: int, ellipses: frozenset[int]) -> bool:
    """Whether words left out at claim boundary ``j`` could as well be left out at an ellipsis.

    A diff may put the gap a few words off when the words around it repeat: in ``it's my place.
    … We go`` against ``it's my place. With Patty it's our place. We go`` the left-out words are
    ``place. With Patty it's our`` after ``my``, and shifted by one word they are the sentence the
    ellipsis stands for. The gap may shift while the words it moves over repeat on its other side.
    """
    if not ellipses:
        return False
    keys = [t.key for t in ta]
    for e in ellipses:
        shift = e - j
        if shift > 0 and i2 + shift <= len(keys) and keys[i1 : i1 + shift] == keys[i2 : i2 + shift]:
            return True
        if shift < 0 and i1 + shift >= 0 and keys[i1 + shift : i1] == keys[i2 + shift : i2]:
            return True
    return False


def compare(a: str, b: str, *, paraphrase: bool = False) -> Comparison:
    """Line claim ``b`` up with rendering ``a`` and type every changed word.

    ``paraphrase``: ``b`` reports ``a`` without quotation marks, so words of ``a`` it leaves out
    are no change unless they negate, count or qualify (negation, number, modality).

    >>> c = compare("the importance of the harbour trade is growing", "the harbour trade is shrinking")
    >>> [(x.type.value, c.b[slice(*x.b_span)], c.a[slice(*x.a_span)]) for x in c.changes]
    [('negation', 'shrinking', 'growing')]
    """
    ta, tb = diverge._tokens(a), diverge._tokens(b)
    ca, cb = diverge._classes(ta), diverge._classes(tb)
    ka = [_kind(t, c, a) for t, c in zip(ta, ca, strict=True)]
    kb = [_kind(t, c, b) for t, c in zip(tb, cb, strict=True)]
    ops = _merged_compounds(list(diverge._opcodes(a, b)), ta, tb)
    content = sum(1 for k in kb if k is not None)
    equal = [n for n, op in enumerate(ops) if op[0] == "equal" and any(kb[j] is not None for j in range(op[3], op[4]))]
    if equal:  # the claim's own first and last words anchor the stretch too ("It's [not] a war")
        equal += [n for n, op in enumerate(ops) if op[0] == "equal" and (op[3] == 0 or op[4] == len(tb))]
        equal.sort()
    if not equal:
        return Comparison(a, b, (0, len(a)), (), (), 0, content)
    first, last = equal[0], equal[-1]
    ops = _trim_edges(ops, first, last, _edge_negations(a, ta, ca))
    ellipses = _ellipses(b, tb)
    changes: list[Changed] = []
    supported = 0
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            supported += sum(1 for j in range(j1, j2) if kb[j] is not None)
            continue
        forgiven = (
            j1 in ellipses
            or j2 in ellipses
            or any(j1 < e < j2 for e in ellipses)
            or (tag == "delete" and _slides_to(ta, i1, i2, j1, ellipses))
        )
        changes.extend(_typed(ta, ka, range(i1, i2), tb, kb, range(j1, j2), forgiven=forgiven, paraphrase=paraphrase))
    lo = diverge._span(ta, ops[0][1], ops[0][2])[0] if ops else 0
    hi = diverge._span(ta, ops[-1][1], ops[-1][2])[1] if ops else len(a)
    diff = []
    for tag, i1, i2, j1, j2 in ops:
        a0, a1 = diverge._span(ta, i1, i2)
        b0, b1 = diverge._span(tb, j1, j2)
        diff.append(DiffOp(tag, a0, a1, b0, b1, a[a0:a1], b[b0:b1]))
    return Comparison(a, b, (lo, hi), tuple(diff), tuple(changes), supported, content)


Op = tuple[str, int, int, int, int]


def _merged_compounds(ops: list[Op], ta: Sequence[diverge._Tok], tb: Sequence[diverge._Tok]) -> list[Op]:
    """Replacements whose two sides spell the same letters are equal (``co-operation`` /
    ``cooperation``, ``long-term`` / ``long term``, ``week-end`` / ``weekend``)."""
    out: list[Op] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace" and _letters(ta[i1:i2]) == _letters(tb[j1:j2]):
            tag = "equal"
        if tag == "equal" and out and out[-1][0] == "equal":
            prev = out.pop()
            out.append(("equal", prev[1], i2, prev[3], j2))
        elif tag == "equal" and (i2 - i1) != (j2 - j1):
            out.append(("equal", i1, i2, j1, j2))
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def _letters(toks: Sequence[diverge._Tok]) -> str:
    """The letters tokens spell, a number phrase by its value (``one hundred`` and ``one thousand`` both
    start with "one": their values tell them apart)."""
    return "".join(t.key if t.key[:1].isdigit() else t.word for t in toks)


#: Auxiliary and modal verbs: a negation right after one negates the claim that ends on it (``there was[n't]``,
#: ``and we do [not]``); after any other word it may begin what the claim never covered (``…, but [nothing] …``).
_AUXILIARIES = frozenset(
    "am is are was were be been being has have had do does did will would shall should can could may might must".split()
)
#: Punctuation between two words that puts them in different clauses.
_CLAUSE_BREAK = re.compile(r"[.!?;:,]")
#: Negation words that, right before a claim's first word, negate what it claims (``[Never] have so many …``);
#: a preposition (``without``) heads a phrase a partial quote may lift out of it.
_LEADING_NEGATIONS = frozenset({"not", "never", "no", "neither", "nor"})


def _edge_negations(
    a: str, ta: Sequence[diverge._Tok], ca: Sequence[str | None]
) -> tuple[frozenset[int], frozenset[int]]:
    """The rendering's negation words a claim may not stop short of: after its last word, those right after an
    auxiliary (``there was[n't]``); before its first word, negating adverbs in one clause with the word after
    them (``[Never] have so many …``)."""
    after_last, before_first = set(), set()
    for i, c in enumerate(ca):
        if c != "negation":
            continue
        if i > 0 and ta[i - 1].word in _AUXILIARIES and not _CLAUSE_BREAK.search(a[ta[i - 1].end : ta[i].start]):
            after_last.add(i)
        if (
            ta[i].word in _LEADING_NEGATIONS
            and i + 1 < len(ta)
            and not _CLAUSE_BREAK.search(a[ta[i].end : ta[i + 1].start])
        ):
            before_first.add(i)
    return frozenset(after_last), frozenset(before_first)


def _trim_edges(ops: list[Op], first: int, last: int, negations: tuple[Collection[int], Collection[int]]) -> list[Op]:
    """The steps from the first to the last shared content word, with the claim's own words before
    and after them and at most ``EDGE_SLACK`` more rendering words than the claim has there.

    A negation the claim leaves out right at its edge is kept as a step (``there wasn't`` claimed as
    ``there was``, ``Never have so many …`` as ``have so many …``): a quote may stop short of the rest of a
    sentence, not of the word that negates its own (``negations``: ``_edge_negations``)."""
    out: list[Op] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if first <= n <= last or tag == "equal":
            out.append((tag, i1, i2, j1, j2))
        elif j2 > j1:  # claim words outside the shared stretch: changes, next to rendering words
            keep = (j2 - j1) + EDGE_SLACK
            if n < first:
                out.append(("replace" if i2 - i1 else "insert", max(i1, i2 - keep), i2, j1, j2))
            else:
                out.append(("replace" if i2 - i1 else "insert", i1, min(i2, i1 + keep), j1, j2))
        elif n == first - 1 and i2 - 1 in negations[1]:  # "[Never] in recent years …"
            out.append(("delete", i2 - 1, i2, j1, j2))
        elif n == last + 1 and i1 in negations[0]:  # "… and there was[n't]"
            out.append(("delete", i1, i1 + 1, j1, j2))
    return out


def _typed(
    ta: Sequence[diverge._Tok],
    ka: Sequence[str | None],
    ra: range,
    tb: Sequence[diverge._Tok],
    kb: Sequence[str | None],
    rb: range,
    *,
    forgiven: bool,
    paraphrase: bool,
) -> list[Changed]:
    """The typed changes of one diff step: claim words ``rb`` in place of rendering words ``ra``.

    Words are paired by type (a number for a number, a name for a name); a claim word that is the
    opposite of a rendering word is a negation; what is left of the claim is wording, and what is
    left of the rendering was left out (no change where the claim has an ellipsis, nor for a
    paraphrase unless it negates, counts or qualifies).
    """
    left = [i for i in ra if ka[i] is not None]
    right = [j for j in rb if kb[j] is not None]
    out: list[Changed] = []
    at = rb.start

    def span_a(i: int | None) -> tuple[int, int]:
        if i is None:
            end = ta[ra.start - 1].end if ra.start else (ta[0].start if ta else 0)
            return (ta[ra.start].start, ta[ra.start].start) if ra else (end, end)
        return ta[i].start, ta[i].end

    def span_b(j: int | None) -> tuple[int, int]:
        if j is None:
            if rb:
                return tb[rb.start].start, tb[rb.start].start
            end = tb[at - 1].end if at else 0
            return end, end
        return tb[j].start, tb[j].end

    def take(pool: list[int], test: object) -> int | None:
        for i in pool:
            if test(i):  # type: ignore[operator]
                pool.remove(i)
                return i
        return None

    # opposites first: "shrinking" for "growing", "distrust" for "trust"
    for j in list(right):
        i = take(left, lambda i, j=j: opposite(ta[i].word, tb[j].word) or opposite(ta[i].key, tb[j].key))
        if i is not None:
            right.remove(j)
            out.append(Changed(ChangeType.NEGATION, span_a(i), span_b(j), j))
    # then words of a type paired with a word of the same type on the other side
    for kind in (ChangeType.NEGATION, ChangeType.NUMBER, ChangeType.ENTITY, ChangeType.MODALITY, ChangeType.PERSON):
        for j in [j for j in right if kb[j] == kind.value]:
            i = take(left, lambda i, kind=kind: ka[i] == kind.value)
            right.remove(j)
            if kind is ChangeType.NEGATION and i is not None:
                continue  # "never" for "not": both negate
            out.append(Changed(kind, span_a(i), span_b(j), j))
    for j in right:  # other claim words: wording, next to a leftover rendering word if any
        i = take(left, lambda i: ka[i] == "content")
        out.append(Changed(ChangeType.WORDING, span_a(i), span_b(j), j))
    meaning = (ChangeType.NEGATION.value, ChangeType.NUMBER.value, ChangeType.MODALITY.value)
    if forgiven and (
        any(ka[i] in ("content", ChangeType.ENTITY.value) for i in left)
        or len(ra) >= 2
        and not any(ka[i] in meaning for i in left)
    ):
        return out  # an ellipsis for a whole stretch ("I know … they are"); never for a lone "not" or number
    for i in left:  # rendering words the claim leaves out
        kind = ChangeType(ka[i]) if ka[i] not in (None, "content") else ChangeType.WORDING  # type: ignore[arg-type]
        if paraphrase and kind not in (ChangeType.NEGATION, ChangeType.NUMBER, ChangeType.MODALITY):
            continue
        out.append(Changed(kind, span_a(i), span_b(None), rb.start, left_out=True))
    return out

"""Divergence: how one rendering of a remark differs from another, word by word and in meaning.

Input: two renderings of a remark (plain strings). Output: word-level ``DiffOp`` steps and ``Flag`` records.

Cosmetic differences never count: case, curly or straight quotes and apostrophes,
hyphen and dash variants, punctuation, articles, contractions (``won't`` = ``will
not``), number words (``five`` = ``5``), a light stemmer (``relations`` =
``relationship``, ``hopes`` = ``hope``) and the name variants of
``quotes/data/name_variants.tsv`` (``United Kingdom`` = ``UK``). What is left is
sorted into flags by the word classes of ``quotes/data/divergence_words.tsv`` and
``quotes/data/numbers.tsv``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .config import lexicon, read_table
from .forms import shorten
from .types import DiffOp, Flag, merge_flags

#: Flag types raised by ``compare_texts``, in the order they are reported.
TEXT_FLAGS = ("negation", "number", "date", "modality", "person_shift", "wording", "omission", "addition")

#: Longest evidence excerpt in a flag detail, in characters; longer ones are cut in the middle.
EVIDENCE_WIDTH = 80

#: Largest insertion or deletion (words on both sides) read as a local change of a number rather than
#: as added material: "25 minutes" -> "25 long minutes" is not a number change, "5" -> "" is.
LOCAL_WORDS = 3

#: A step before the first or after the last shared words is an edge (material only one rendering covers)
#: when one side has more than this many times the words of the other: "I hope" / "President Moreau hopes"
#: at the start is a change, a sentence against one word ("renew") is a partial quote.
EDGE_RATIO = 3

#: Most evidence items listed in one flag detail; the rest are counted ("and 3 more").
MAX_EVIDENCE = 4

#: Prefixes that English writes with or without a hyphen (``de-Nazification`` = ``denazification``): one token.
_PREFIXES = ("anti", "co", "counter", "de", "inter", "multi", "non", "post", "pre", "re", "un")
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?"
    r"|(?:(?i:" + "|".join(_PREFIXES) + r")(?<![A-Z]{2})-(?=[^\W\d_]))?\w+(?:['’]\w+)*"  # not "UN-AL": an acronym
    r"|%"  # "2%" is "2 percent" (numbers.tsv)
)
#: Terminal control sequences (``ESC [ 31 m``, ``ESC ] 0 ; title BEL``) and other control characters: no
#: words, so the digits of a colour code are never a number that changed.
_CONTROL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "‛": "'", "ʼ": "'", "`": "'"})
_NEGATED_BASE = {"wo": "will", "ca": "can", "sha": "shall"}
_CLITICS = {"ll": "will", "re": "are", "ve": "have", "d": "would", "m": "am"}
_ACRONYM = re.compile(r"[A-Z]{2,5}")


@dataclass(frozen=True, slots=True)
class _Tok:
    key: str  # comparison key: folded, lowercased, canonical, stemmed
    word: str  # folded lowercase surface, for class look-ups
    start: int
    end: int
    capital: bool  # written with a capital letter (names, titles)


@dataclass(frozen=True, slots=True)
class _Words:
    """The word classes of ``quotes/data``: what each kind of difference is made of."""

    articles: frozenset[str]
    function: frozenset[str]
    classes: dict[tuple[str, ...], str]  # word sequence -> class ("negation", "modality:hope", ...)
    numbers: dict[str, str]
    variants: dict[tuple[str, ...], str]
    longest: int
    class_starts: frozenset[str]  # first words of the entries in ``classes``
    variant_starts: frozenset[str]  # first words of the entries in ``variants``


@lru_cache(maxsize=1)
def _words() -> _Words:
    classes: dict[tuple[str, ...], str] = {}
    articles, function = set(), set()
    for word, cls in read_table("divergence_words.tsv", 2):
        if cls == "article":
            articles.add(word)
        elif cls == "function":
            function.add(word)
        else:
            classes[tuple(word.split())] = cls
    numbers = {word: value for word, value in read_table("numbers.tsv", 2)}
    variants = {tuple(_raw_words(v)): canon for v, canon in read_table("name_variants.tsv", 2)}
    longest = max(len(k) for k in [*classes, *variants])
    return _Words(
        frozenset(articles),
        frozenset(function),
        classes,
        numbers,
        variants,
        longest,
        frozenset(k[0] for k in classes),
        frozenset(k[0] for k in variants),
    )


#: Prefixes and suffixes that negate a word: ``unhappy``, ``inessential``, ``distrust``, ``careless``.
_NEGATING_PREFIXES = ("non-", "non", "un", "in", "im", "il", "ir", "dis", "mis", "a")


@lru_cache(maxsize=1)
def _opposites() -> frozenset[tuple[str, str]]:
    """Antonym pairs and reversal verbs, by root, both ways (``quotes/data/antonyms.tsv``, ``reversals.tsv``)."""
    pairs: set[tuple[str, str]] = set()
    for name in ("antonyms.tsv", "reversals.tsv"):
        for a, b in read_table(name, 2):
            ra, rb = _antonym_root(a), _antonym_root(b)
            pairs.update({(ra, rb), (rb, ra)})
    return frozenset(pairs)


@lru_cache(maxsize=1 << 15)
def _antonym_root(word: str) -> str:
    """A word reduced for antonym look-ups: inflections, -er/-est and -ly taken off."""
    w = word.lower()
    for ending in ("ly", "est", "er"):
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            w = w[: -len(ending)]
            break
    return _root(w)


def _negated_forms(a: str, b: str) -> bool:
    """Whether one word is the other with a negating prefix or the opposite suffix
    (``trust``/``distrust``, ``essential``/``inessential``, ``careful``/``careless``)."""
    if a == b:
        return False
    for x, y in ((a, b), (b, a)):
        for prefix in _NEGATING_PREFIXES:
            if x.startswith(prefix) and x[len(prefix) :] == y and len(y) >= 3:
                return True
    for x, y in ((a, b), (b, a)):
        if x.endswith("less") and y.endswith("ful") and x[:-4] == y[:-3]:
            return True
    return False


def opposite(a: str, b: str) -> bool:
    """Whether two words say opposite things: an antonym or reversal pair, or a negated form.

    >>> opposite("growing", "shrinking"), opposite("trust", "distrusted"), opposite("talks", "negotiations")
    (True, True, False)
    """
    wa, wb = a.lower(), b.lower()
    if _negated_forms(wa, wb) or _negated_forms(_antonym_root(wa), _antonym_root(wb)):
        return True
    return (_antonym_root(wa), _antonym_root(wb)) in _opposites()


def _root(word: str) -> str:
    """A word without -s, -ing, -ed and a final -e, doubled consonants undone
    (``stopped``, ``stopping``, ``stops`` -> ``stop``; ``continued`` -> ``continu``)."""
    w = word.lower()
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    else:
        w = _stem(w)
        if w.endswith("eed") and len(w) > 4:
            w = w[:-1]  # agreed -> agree
        elif w.endswith("ed") and len(w) > 4:
            w = w[:-2]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _reversal(ta: Sequence[_Tok], ra: range, tb: Sequence[_Tok], rb: range) -> tuple[list[int], list[int]] | None:
    """Tokens of a replacement that say opposite things (see ``opposite``), if any."""
    for i in ra:
        for j in rb:
            if opposite(ta[i].word, tb[j].word) or opposite(ta[i].key, tb[j].key):
                return [i], [j]
    return None


def _words_of(text: str) -> Iterator[re.Match[str]]:
    """The word tokens of a text, control sequences skipped (their offsets stay the text's own)."""
    if not _CONTROL.search(text):
        yield from _TOKEN.finditer(text)
        return
    for piece in _pieces_between(text):
        yield from _TOKEN.finditer(text, *piece)


def _pieces_between(text: str) -> list[tuple[int, int]]:
    """The spans of a text between its control sequences."""
    out, at = [], 0
    for m in _CONTROL.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    return [*out, (at, len(text))]


def _raw_words(text: str) -> list[str]:
    return [m.group().translate(_FOLD).lower() for m in _words_of(text)]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A light stemmer: plural and 3rd-person ``s``, ``-ing``, ``-ship`` and ``-ance``/``-ant``.

    Enough to make inflections and derivations that translations swap compare equal.

    >>> [_stem(w) for w in ("relations", "relationship", "hopes", "countries", "press", "building", "important")]
    ['relation', 'relation', 'hope', 'country', 'press', 'build', 'import']
    """
    if not word.isalpha() or len(word) < 4:
        return word
    if word.endswith("ship") and len(word) > 7:
        word = word[:-4]
    if word.endswith("ing") and len(word) >= 6:
        return word[:-3]
    if word.endswith(("ance", "ence")) and len(word) >= 8:
        return word[:-4]
    if word.endswith(("ant", "ent")) and len(word) >= 8:
        return word[:-3]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _plain(word: str) -> str:
    """``word`` without diacritics (``génocide`` = ``genocide``, ``Inácio`` = ``Inacio``)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _split(text: str) -> list[_Tok]:
    """Raw tokens with contractions split into base and ``not``/clitic, possessives dropped."""
    numbers = _words().numbers
    out: list[_Tok] = []
    for m in _words_of(text):
        surface, start, end = m.group(), m.start(), m.end()
        word = _plain(surface.translate(_FOLD).lower().replace("-", ""))
        capital = surface[:1].isupper()
        if "." in word or _ACRONYM.fullmatch(surface):  # U.S. = US, U.K. = UK
            key = word if "." in word else ".".join(word) + "."
            out.append(_Tok(key, key, start, end, True))
            continue
        if word.endswith("n't") or word == "cannot":
            cut = len(word) - 3
            base = _NEGATED_BASE.get(word[:cut], word[:cut])
            out.append(_Tok(base, base, start, start + cut, capital))
            out.append(_Tok("not", "not", start + cut, end, False))
            continue
        if "'" in word:
            head, _, tail = word.partition("'")
            if tail == "s":  # possessive: "France's" = "France"
                word = head
            elif tail in _CLITICS:
                out.append(_Tok(head, head, start, start + len(head), capital))
                out.append(_Tok(_CLITICS[tail], _CLITICS[tail], start + len(head), end, False))
                continue
        value = numbers.get(word)
        if value is None and word[:1].isdigit():
            value = word.replace(",", "")
        if value is None:
            word = spelling(word)
            if capital:
                word = _romanized(word)
        out.append(_Tok(value or word, word, start, end, capital))
    return _number_phrases(out)


#: Number words that multiply what comes before them (``two thousand`` = 2000).
_MULTIPLIERS = {"100": 100, "1000": 1000}


def _number_phrases(toks: list[_Tok]) -> list[_Tok]:
    """Runs of number words as one number: ``twenty five`` = ``twenty-five`` = ``25``, ``one hundred and
    sixteen`` = ``116``, ``twenty-third`` = ``23rd``, ``1 hundred`` = ``100``."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        j, total, part, suffix, after_and, last = i, 0, 0, "", False, 0
        while j < len(toks) and not suffix:
            tok, value = toks[j], _number_value(toks[j])
            numeral = tok.word[:1].isdigit()
            if value is not None and j > i and not _follows(last, value[0]):
                break  # "six, eight, ten": a list of numbers, not one
            if value is None or numeral and not after_and and (j > i or not _multiplier_next(toks, j)):
                if tok.word == "and" and j > i and total + part >= 100 and j + 1 < len(toks):
                    if _number_value(toks[j + 1]) is not None:
                        j, after_and = j + 1, True  # "one hundred and sixteen", "two thousand and twenty"
                        continue
                break
            after_and = False
            number, suffix = value
            if suffix and j == i:
                break  # an ordinal alone is a word of its own ("third")
            if number in _MULTIPLIERS.values() and j > i:
                part = max(part, 1) * number
                if number == 1000:
                    total, part = total + part, 0
                last = 0
            else:
                part += number
                last = number
            j += 1
        if toks[j - 1].word == "and":
            j -= 1
        if j - i > 1:
            key = str(total + part) + (suffix and _ordinal(total + part))
            out.append(_Tok(key, toks[i].word, toks[i].start, toks[j - 1].end, toks[i].capital))
            i = j
        else:
            out.append(toks[i])
            i += 1
    return out


#: The key of a number word: its value, with an ordinal's suffix (``16``, ``16th``).
_NUMBER_KEY = re.compile(r"(\d+)(st|nd|rd|th)?")


def _number_value(tok: _Tok) -> tuple[int, str] | None:
    """A number word's value and ordinal suffix (``16th`` -> (16, "th")), or None for any other word."""
    m = _NUMBER_KEY.fullmatch(tok.key)
    return (int(m.group(1)), m.group(2) or "") if m else None


def _follows(last: int, number: int) -> bool:
    """Whether a number word can follow the last word of a number being composed: anything after a multiplier
    or at the start (``last`` 0), a multiplier after anything, a unit after a ten (``twenty five``), a ten or a
    unit after "hundred and"; never a second unit, teen or ten after one (``six, eight, ten`` is a list)."""
    if last == 0 or last >= 100 or number in _MULTIPLIERS.values():
        return True  # "hundred and sixteen" opening a phrase: a multiplier as its first word
    return last % 10 == 0 and 20 <= last <= 90 and 1 <= number <= 9


def _multiplier_next(toks: list[_Tok], j: int) -> bool:
    """Whether a numeral is followed by the word ``hundred`` or ``thousand`` (``1 hundred``)."""
    if j + 1 >= len(toks) or toks[j + 1].word[:1].isdigit():
        return False
    nxt = _number_value(toks[j + 1])
    return nxt is not None and not nxt[1] and nxt[0] in _MULTIPLIERS.values()


def _ordinal(n: int) -> str:
    """The ordinal suffix of ``n`` (``23`` -> ``rd``, ``13`` -> ``th``)."""
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@lru_cache(maxsize=1)
def _spellings() -> tuple[dict[str, str], tuple[tuple[str, str, int], ...]]:
    """British-to-American word pairs and regular endings of ``quotes/data/spelling.tsv``."""
    words: dict[str, str] = {}
    suffixes: list[tuple[str, str, int]] = []
    for row in read_table("spelling.tsv", 3, more=True):
        if row[0] == "suffix":
            suffixes.append((row[1], row[2], int(row[3]) if len(row) > 3 else len(row[1]) + 3))
        else:
            words[row[1]] = row[2]
    return words, tuple(sorted(suffixes, key=lambda s: -len(s[0])))


@lru_cache(maxsize=1 << 16)
def spelling(word: str) -> str:
    """The American spelling of a lowercase word (``colour`` -> ``color``, ``defence`` -> ``defense``).

    >>> [spelling(w) for w in ("colour", "organisation", "centre", "four", "defence")]
    ['color', 'organization', 'center', 'four', 'defense']
    """
    words, suffixes = _spellings()
    if word in words:
        return words[word]
    for british, american, shortest in suffixes:
        if len(word) >= shortest and word.endswith(british):
            return word[: len(word) - len(british)] + american
    return word


@lru_cache(maxsize=1 << 14)
def _romanized(word: str) -> str:
    """A name syllable in its canonical romanization (``yoo`` -> ``yu``, ``jeong`` -> ``jung``)."""
    from .speakers.names import romanization

    return romanization().get(word, word)


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[_Tok, ...]:
    """Comparison tokens of ``text``: name variants merged, stems as keys, articles dropped (cached)."""
    words = _words()
    raw = _split(text)
    out: list[_Tok] = []
    i = 0
    while i < len(raw):
        longest = min(words.longest, len(raw) - i) if raw[i].word in words.variant_starts else 1
        for n in range(longest, 1, -1):
            canon = words.variants.get(tuple(t.word for t in raw[i : i + n]))
            if canon is not None:
                out.append(_Tok(canon, canon, raw[i].start, raw[i + n - 1].end, True))
                i += n
                break
        else:
            tok = raw[i]
            canon = words.variants.get((tok.word,))
            if canon is not None:
                out.append(_Tok(canon, canon, tok.start, tok.end, True))
            elif tok.word not in words.articles:
                out.append(_Tok(_stem(tok.key), tok.word, tok.start, tok.end, tok.capital))
            i += 1
    return tuple(out)


#: Largest diff done exactly, in token pairs (words of one text times words of the other): two quotes of
#: 1,000 words each, far longer than any quote of seeds/, golden/ or PolNeAR. Past it the shared first and
#: last words are set aside and difflib's heuristic for frequent words (``autojunk``) keeps the cost near
#: linear; an exact diff of two 16,000-word texts of common words took 26 s.
EXACT_DIFF_PAIRS = 1_000_000


@lru_cache(maxsize=1 << 12)
def _opcodes(a: str, b: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """Diff steps between the tokens of two texts (cached: the report, ``verify`` and the flags
    ask for the same pair through ``word_diff`` and ``evidence``)."""
    ka, kb = [t.key for t in _tokens(a)], [t.key for t in _tokens(b)]
    if len(ka) * len(kb) <= EXACT_DIFF_PAIRS:
        matcher = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
        return tuple((tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes())
    head = 0
    while head < min(len(ka), len(kb)) and ka[head] == kb[head]:
        head += 1
    tail = 0
    while tail < min(len(ka), len(kb)) - head and ka[-1 - tail] == kb[-1 - tail]:
        tail += 1
    matcher = difflib.SequenceMatcher(a=ka[head : len(ka) - tail], b=kb[head : len(kb) - tail], autojunk=True)
    steps = [("equal", 0, head, 0, head)] if head else []
    steps += [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    if tail:
        steps.append(("equal", len(ka) - tail, len(ka), len(kb) - tail, len(kb)))
    return tuple(steps)


def _span(toks: Sequence[_Tok], i: int, j: int) -> tuple[int, int]:
    """Character span of tokens ``i:j``; an empty run sits just after the token before it."""
    if i < j:
        return toks[i].start, toks[j - 1].end
    at = toks[i - 1].end if i else (toks[0].start if toks else 0)
    return at, at


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Word-level diff of ``a`` against ``b``; cosmetic differences are ``equal``.

    Offsets are character offsets into ``a`` and ``b``; an insertion has an empty
    ``a`` span where the words would go, a deletion an empty ``b`` span.

    >>> [(op.op, op.a_text, op.b_text) for op in word_diff("We won’t go.", 'we will not go to Ottawa')]
    [('equal', 'We won’t go', 'we will not go'), ('insert', '', 'to Ottawa')]
    """
    ta, tb = _tokens(a), _tokens(b)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        a0, a1 = _span(ta, i1, i2)
        b0, b1 = _span(tb, j1, j2)
        ops.append(DiffOp(tag, a0, a1, b0, b1, a[a0:a1], b[b0:b1]))
    return ops


# Flags


def _classes(toks: Sequence[_Tok]) -> list[str | None]:
    """The divergence class of each token (multi-word entries such as ``called on`` included)."""
    words = _words()
    out: list[str | None] = [None] * len(toks)
    i = 0
    while i < len(toks):
        if toks[i].word not in words.class_starts:
            i += 1
            continue
        for n in range(min(words.longest, len(toks) - i), 0, -1):
            cls = words.classes.get(tuple(t.word for t in toks[i : i + n]))
            if cls is not None:
                out[i : i + n] = [cls] * n
                i += n
                break
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Single words of the titles in ``quotes/data/titles.tsv`` (``president``, ``minister``)."""
    return frozenset(w for title in lexicon().titles for w in _raw_words(title))


def _is_number(tok: _Tok) -> bool:
    """A numeral, a date word or a unit of time (``quotes/data/numbers.tsv``, or digits)."""
    return tok.key[:1].isdigit() or tok.word in _words().numbers


#: Values in ``quotes/data/numbers.tsv`` that name days and months, not quantities.
_DATES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow".split()
)
#: Values that are units a numeral counts (``25 minutes``).
_UNITS = frozenset("minute hour day week month year decade".split())


def _date(tok: _Tok) -> bool:
    """A day or month name, or yesterday/tomorrow."""
    return _is_number(tok) and tok.key in _DATES


def _unit(tok: _Tok) -> bool:
    """A unit of time that a numeral can count."""
    return _is_number(tok) and _stem(tok.key) in _UNITS


def _numeral(tok: _Tok) -> bool:
    """A number: digits, a number word or an ordinal, a share (``half``, ``percent``)."""
    return _is_number(tok) and not _date(tok) and not _unit(tok)


def _counted(toks: Sequence[_Tok], i: int) -> bool:
    """Whether the token before position ``i`` is a numeral (the unit after it is a quantity)."""
    return i > 0 and _numeral(toks[i - 1])


def _is_content(tok: _Tok, cls: str | None) -> bool:
    words = _words()
    return cls is None and not _is_number(tok) and tok.word not in words.function and tok.key not in words.function


def _negated(toks: Sequence[_Tok], classes: Sequence[str | None]) -> dict[int, str]:
    """Each negation word and the key of the word it negates: the first content word after it (``not to veer``:
    veer)."""
    out: dict[int, str] = {}
    for i, cls in enumerate(classes):
        if cls == "negation":
            after = next((t.key for t, c in zip(toks[i + 1 :], classes[i + 1 :], strict=True) if _is_content(t, c)), "")
            out[i] = after
    return out


def _negation_moved(
    neg_a: Sequence[int], negated_a: dict[int, str], neg_b: Sequence[int], negated_b: dict[int, str]
) -> bool:
    """Whether a step's negation words only moved: both renderings negate the same words as often, and each
    negation of the step negates a word the other rendering negates too."""
    same_words = sorted(negated_a.values()) == sorted(negated_b.values())
    return same_words and all(negated_a[i] for i in neg_a) and all(negated_b[j] for j in neg_b)


def _name_part(toks: Sequence[_Tok], i: int, j: int, keys_other: set[str]) -> bool:
    """Whether tokens ``i:j`` only lengthen a name kept on both sides (``Prime Minister`` before ``Moreau``)."""
    if i >= j or not all(t.capital and t.word not in _words().function for t in toks[i:j]):
        return False
    around = [toks[k] for k in (i - 1, j) if 0 <= k < len(toks)]
    return any(t.capital and t.key in keys_other for t in around)


def cut(text: str) -> str:
    """``text`` on one line, cut in the middle when wider than ``EVIDENCE_WIDTH`` (``forms.shorten``)."""
    return shorten(text, EVIDENCE_WIDTH)


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One difference behind a flag: the words on each side as character spans.

    ``show`` says what a detail prints: ``pair`` (``a → b``), ``a`` (words of ``a``
    left out; ``b_spans`` holds the empty span where they would be) or ``b``
    (words added; ``a_spans`` holds the insertion point).
    """

    type: str
    a_spans: tuple[Span, ...]
    b_spans: tuple[Span, ...]
    show: str = "pair"


#: Names a span in a flag detail: ``place(text, span)`` -> ``a[3:9] "words"``.
Place = Callable[[str, Span], str]


def local_place(label: str) -> Place:
    """Spans as offsets into the compared string itself: ``a[3:9] "words"``."""

    def place(text: str, span: Span) -> str:
        return f'{label}[{span[0]}:{span[1]}] "{cut(text[span[0] : span[1]])}"'

    return place


def evidence(
    a: str, b: str, *, same_speaker: bool | None = None, paraphrase: bool = False, edges: bool = True
) -> list[Evidence]:
    """The differences of ``b`` against ``a`` that change meaning, typed (see ``compare_texts``).

    Steps before the first or after the last run of shared words, when mostly on
    one side (see ``EDGE_RATIO``), are the edges: what one rendering quotes and the
    other does not. With ``edges`` they
    are ``omission`` or ``addition``; without (a partial quote, a paraphrase) they
    are not flagged. Meaning flags come only from inside the shared stretch.
    """
    ta, tb = _tokens(a), _tokens(b)
    ca, cb = _classes(ta), _classes(tb)
    keys_a, keys_b = {t.key for t in ta}, {t.key for t in tb}
    ops = _opcodes(a, b)
    function = _words().function
    anchors = [
        n
        for n, op in enumerate(ops)
        if op[0] == "equal" and any(ta[i].word not in function for i in range(op[1], op[2]))
    ]
    found: list[Evidence] = []
    pronouns_a: list[int] = []
    pronouns_b: list[int] = []
    negated_a, negated_b = _negated(ta, ca), _negated(tb, cb)
    shared = [n for n, op in enumerate(ops) if op[0] == "equal"]  # any shared words, function words too

    def add(kind: str, i1: int, i2: int, j1: int, j2: int, pick_a: Sequence[int], pick_b: Sequence[int]) -> None:
        """Record evidence narrowed to the picked tokens (else the whole step)."""
        at_a = _runs(ta, pick_a) if pick_a else [_span(ta, i1, i2 if not pick_b else i1)]
        at_b = _runs(tb, pick_b) if pick_b else [_span(tb, j1, j2 if not pick_a else j1)]
        found.append(Evidence(kind, tuple(at_a), tuple(at_b)))

    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        outside = not anchors or n < anchors[0] or n > anchors[-1]
        edge = outside and (tag != "replace" or max(i2 - i1, j2 - j1) > EDGE_RATIO * min(i2 - i1, j2 - j1))
        ra, rb = range(i1, i2), range(j1, j2)
        sa, sb = _span(ta, i1, i2), _span(tb, j1, j2)
        only_a = [i for i in ra if _is_content(ta[i], ca[i]) and ta[i].key not in keys_b]
        only_b = [j for j in rb if _is_content(tb[j], cb[j]) and tb[j].key not in keys_a]
        neg_a = [i for i in ra if ca[i] == "negation"]
        neg_b = [j for j in rb if cb[j] == "negation"]
        if edge:
            inside = anchors and (shared[0] < n < anchors[-1] or anchors[0] < n < shared[-1])
            if inside and len(neg_a) != len(neg_b):
                add("negation", i1, i2, j1, j2, neg_a, neg_b)  # "It has [never] been …": inside the shared words
            if edges and only_a:
                found.append(Evidence("omission", (sa,), ((sb[0], sb[0]),), "a"))
            if edges and only_b:
                found.append(Evidence("addition", ((sa[0], sa[0]),), (sb,), "b"))
            continue
        speaking = any(ca[i] in _SPEAKING for i in ra) or any(cb[j] in _SPEAKING for j in rb)
        if tag == "replace" and not speaking and (_only_third(ca, ra) or _only_third(cb, rb)):
            continue  # "They" for "the two ministers": the same referent
        pronouns_a += [i for i in ra if (ca[i] or "").startswith("person:")]
        pronouns_b += [j for j in rb if (cb[j] or "").startswith("person:")]
        explained = False
        if len(neg_a) != len(neg_b):
            explained = True  # a negation that only moved ("does not veer" for "not to veer") is no flag
            if not _negation_moved(neg_a, negated_a, neg_b, negated_b):
                add("negation", i1, i2, j1, j2, neg_a, neg_b)
        elif tag == "replace" and (rev := _reversal(ta, ra, tb, rb)):
            add("negation", i1, i2, j1, j2, *rev)  # "continue" for "stop": the meaning is reversed
            explained = True
            if len(only_a) == 1 and len(only_b) == 1:
                only_a, only_b = [], []  # the opposite words are the whole change of wording
        num_a = [i for i in ra if _numeral(ta[i])]
        num_b = [j for j in rb if _numeral(tb[j])]
        unit_a = [i for i in ra if _unit(ta[i])]
        unit_b = [j for j in rb if _unit(tb[j])]
        if sorted(ta[i].key for i in num_a) != sorted(tb[j].key for j in num_b):
            if (num_a and num_b) or (len(ra) + len(rb) <= LOCAL_WORDS and (num_a or num_b)):
                add("number", i1, i2, j1, j2, num_a, num_b)
                explained = True
        elif unit_a and unit_b and {ta[i].key for i in unit_a} != {tb[j].key for j in unit_b} and _counted(ta, i1):
            add("number", i1, i2, j1, j2, unit_a, unit_b)  # "two weeks" for "two months": the quantity
            explained = True
        date_a = [i for i in ra if _date(ta[i])]
        date_b = [j for j in rb if _date(tb[j])]
        if date_a and date_b and {ta[i].key for i in date_a} != {tb[j].key for j in date_b}:
            add("date", i1, i2, j1, j2, date_a, date_b)  # "Friday" for "Tuesday"; a date on one side only is none
            explained = True
        mod_a = [i for i in ra if (ca[i] or "").startswith("modality:")]
        mod_b = [j for j in rb if (cb[j] or "").startswith("modality:")]
        if {ca[i] for i in mod_a} != {cb[j] for j in mod_b}:
            add("modality", i1, i2, j1, j2, mod_a, mod_b)
            explained = True
        shift = _person_shift(ta, ca, ra, tb, cb, rb) if same_speaker is not False else None
        if shift:
            add("person_shift", i1, i2, j1, j2, *shift)
            explained = True
        if tag != "replace" and (_name_part(ta, i1, i2, keys_b) or _name_part(tb, j1, j2, keys_a)):
            continue
        if tag == "replace" and only_a and only_b:
            if not paraphrase:
                found.append(Evidence("wording", (sa,), (sb,)))
        elif only_a and (tag == "delete" or (tag == "replace" and not explained and not paraphrase)):
            found.append(Evidence("omission", (sa,), (sb if tag == "delete" else (sb[0], sb[0]),), "a"))
        elif only_b and (tag == "insert" or (tag == "replace" and not explained and not paraphrase)):
            found.append(Evidence("addition", (sa if tag == "insert" else (sa[0], sa[0]),), (sb,), "b"))
    if same_speaker is not False and not any(e.type == "person_shift" for e in found):
        shift = _person_shift(ta, ca, pronouns_a, tb, cb, pronouns_b, names=False)
        if shift:
            add("person_shift", 0, 0, 0, 0, *shift)
    order = {name: n for n, name in enumerate(TEXT_FLAGS)}
    return sorted(found, key=lambda e: order[e.type])


def flags_from(items: Sequence[Evidence], a: str, b: str, *, place_a: Place, place_b: Place) -> tuple[Flag, ...]:
    """One ``Flag`` per type, its detail listing the evidence with ``place_a``/``place_b`` naming the spans."""
    by_type: dict[str, list[str]] = {}
    for e in items:
        left = ", ".join(place_a(a, s) for s in e.a_spans)
        right = ", ".join(place_b(b, s) for s in e.b_spans)
        text = {"a": f"{left} left out", "b": f"{right} added"}.get(e.show, f"{left} → {right}")
        by_type.setdefault(e.type, []).append(text)
    return merge_flags((Flag(kind, text) for kind, texts in by_type.items() for text in texts), limit=MAX_EVIDENCE)


def _runs(toks: Sequence[_Tok], picked: Sequence[int]) -> list[Span]:
    """Character spans of the picked tokens, neighbours joined (``President Moreau`` is one span)."""
    spans: list[Span] = []
    last = -2
    for k in sorted(set(picked)):
        if k == last + 1 and spans:
            spans[-1] = (spans[-1][0], toks[k].end)
        else:
            spans.append((toks[k].start, toks[k].end))
        last = k
    return spans


_SPEAKING = ("person:first", "person:second")


def _only_third(classes: Sequence[str | None], rng: range) -> bool:
    """Whether a step's words on one side are only third-person pronouns (``they``, ``his``)."""
    return bool(rng) and all(classes[k] == "person:third" for k in rng)


def _person_shift(
    ta: Sequence[_Tok],
    ca: Sequence[str | None],
    ra: Sequence[int],
    tb: Sequence[_Tok],
    cb: Sequence[str | None],
    rb: Sequence[int],
    *,
    names: bool = True,
) -> tuple[list[int], list[int]] | None:
    """First or second person on one side, a third person in its place on the other.

    ``ra``/``rb`` are the token positions compared; with ``names`` a title and the
    name after it count as a third person too (``I hope`` / ``President Moreau hopes``),
    but not other names (``France and Spain`` / ``our two countries``).
    Returns the tokens that show the shift on each side, or None.
    """
    sp_a = [i for i in ra if ca[i] in _SPEAKING]
    sp_b = [j for j in rb if cb[j] in _SPEAKING]
    if bool(sp_a) == bool(sp_b):
        return None
    other, classes, rng = (tb, cb, rb) if sp_a else (ta, ca, ra)
    third = [k for k in rng if classes[k] == "person:third"]
    if not third and names:  # "I hope" / "President Moreau hopes": a title and the name after it
        titles = _titles()
        third = [k for k in rng if other[k].word in titles]
        third += [k + 1 for k in third if k + 1 in rng and other[k + 1].capital]
    if not third:
        return None
    return (sp_a, third) if sp_a else (third, sp_b)


def compare_texts(
    a: str, b: str, *, same_speaker: bool | None = None, paraphrase: bool = False, edges: bool = True
) -> tuple[Flag, ...]:
    """Meaning-level flags of rendering ``b`` against rendering ``a``; empty for cosmetic differences.

    Flag types: ``negation``, ``number`` (numbers, dates, durations), ``modality``
    (may / must / will / intends / calls on / hopes), ``person_shift`` (``I hope`` /
    ``he hopes``; not raised when ``same_speaker`` is False, since the speakers
    differ anyway), ``wording`` (other words in place of words), ``omission``
    (words of ``a`` that ``b`` leaves out) and ``addition``. One flag per type;
    its detail lists the differing words with their offsets, ``a[12:21] "is
    rising" → b[12:34] "has risen even further"``, several joined by ``; ``.
    With ``paraphrase`` (one rendering is reported speech) rewording is expected
    and ``wording`` is not raised; without ``edges`` (``b`` is a partial quote of
    ``a`` or the reverse) what only one of them covers at the start or end is not
    an omission or addition.

    >>> [(f.type, f.detail) for f in compare_texts("We will not attend.", "“We will attend,”")]
    [('negation', 'a[8:11] "not" → b[8:8] ""')]
    >>> compare_texts("the UK-France relations", "The United Kingdom–France relationship")
    ()
    """
    items = evidence(a, b, same_speaker=same_speaker, paraphrase=paraphrase, edges=edges)
    return flags_from(items, a, b, place_a=local_place("a"), place_b=local_place("b"))


def content_words(text: str, *, senses: bool = False) -> list[str]:
    """Normalized content words of ``text`` in order: stems, canonical names and numbers, no function words.

    What alignment compares: cosmetic variants give the same words. With ``senses``
    a modal word is replaced by its sense, so ``intends`` and ``intention`` agree.

    >>> content_words("The United Kingdom-France relationship is growing.")
    ['u.k.', 'france', 'relation', 'grow']
    >>> content_words("He intends to advance ties", senses=True)
    ['he', 'modality:intention', 'advance', 'tie']
    """
    toks = _tokens(text)
    function = _words().function
    classes = _classes(toks) if senses else [None] * len(toks)
    return [
        cls if cls and cls.startswith("modality:") else t.key
        for t, cls in zip(toks, classes, strict=False)
        if t.word not in function and t.key not in function
    ]


def all_words(text: str) -> list[str]:
    """Normalized words of ``text`` in order, function words included (articles and punctuation left out).

    >>> all_words("They'll hold talks in person.")
    ['they', 'will', 'hold', 'talk', 'in', 'person']
    """
    return [t.key for t in _tokens(text)]


def modal_senses(text: str) -> list[tuple[str, Span]]:
    """The modal words of ``text`` with their sense and span (``called on`` -> ``request``).

    >>> modal_senses("He called on Dufour to assist")
    [('request', (3, 12))]
    """
    toks = _tokens(text)
    classes = _classes(toks)
    out: list[tuple[str, Span]] = []
    for k, (tok, cls) in enumerate(zip(toks, classes, strict=False)):
        if cls and cls.startswith("modality:"):
            sense = cls.split(":", 1)[1]
            if k and classes[k - 1] == cls and out and out[-1][0] == sense and out[-1][1][1] <= tok.start:
                out[-1] = (sense, (out[-1][1][0], tok.end))  # one multi-word entry
            else:
                out.append((sense, (tok.start, tok.end)))
    return out

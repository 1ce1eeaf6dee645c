"""Names: normalize, compare and slug the names of people and bodies.

Input: names as written. Output: ids, word lists and display forms for the other speaker modules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..config import Lexicon, lexicon, read_table
from ..types import Mention

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


#: Quantifiers kept, in lowercase, in the display name of an unnamed source: "some residents" said it, not the
#: residents ("Some residents" -> "some residents"; golden/dev lists such mentions as written).
QUANTIFIERS = {"some", "many", "several", "other", "certain", "few", "most", "numerous"}


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


SPLIT = re.compile(r"[\s\-‐‑–]+")


PREPOSITIONS = {"of", "for", "from", "at", "in", "on"}

#: Words that open a relative clause inside a description.
RELATIVES = {"who", "whose", "which", "that"}


@lru_cache(maxsize=1)
def romanization() -> dict[str, str]:
    """Syllable variants and their canonical spelling (data file)."""
    return {v: c for v, c in read_table("romanization.tsv", 2)}


def slug(name: str, *, person: bool = False) -> str:
    """A stable id: lowercase words joined by hyphens, romanization variants unified for people.

    >>> slug("Park Soo-jin", person=True)
    'park-su-jin'
    """
    words = [w for w in SPLIT.split(_POSSESSIVE.sub("", name.lower().replace("’s ", " ").replace("'s ", " "))) if w]
    words = [re.sub(r"[^\w]", "", w) for w in words]
    words = [w for w in words if w and w not in DETERMINERS]
    if person:
        table = romanization()
        words = [table.get(w, w) for w in words]
    return "-".join(words) or "unknown"


@lru_cache(maxsize=1)
def _folds() -> tuple[dict[str, str], re.Pattern[str]]:
    """Letter groups two romanization systems spell differently (data file), and one pattern that finds
    them, longest first."""
    table = {a: b for a, b in read_table("romanization_folds.tsv", 2)}
    return table, re.compile("|".join(re.escape(a) for a in sorted(table, key=len, reverse=True)))


@lru_cache(maxsize=1 << 14)
def romanization_key(word: str) -> str:
    """A name word with romanization variants inside it folded to one spelling, for comparing names only
    (ids and names shown keep their spelling).

    >>> romanization_key("kishida") == romanization_key("kisida")
    True
    """
    table, pattern = _folds()
    return pattern.sub(lambda m: table[m.group()], word)


def name_words(name: str) -> list[str]:
    """The words of a name, split at spaces and hyphens (``Kim Min-ji`` -> ``Kim``, ``Min``, ``ji``)."""
    return [w for w in SPLIT.split(name) if w]


def contains_words(full: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``part`` appears in ``full`` as consecutive words (compared as written: case-sensitive)."""
    n, want = len(part), tuple(part)
    return any(tuple(full[i : i + n]) == want for i in range(len(full) - n + 1))


def name_bag(name: str, lex: Lexicon) -> tuple[set[str], str]:
    """Content words of a body's name (demonyms as places) and its head noun."""
    text = name.lower().replace("’s", "").replace("'s", "")
    words = [w for w in re.findall(r"[\w.-]+", text) if w not in DETERMINERS]
    head_words = []
    for w in words:
        if w in PREPOSITIONS:
            break
        head_words.append(w)
    head = head_words[-1] if head_words else (words[-1] if words else "")

    def body(w: str) -> bool:
        return w in lex.body_heads or w in lex.body_classes

    if words and not body(head) and body(words[-1]):
        head = words[-1]  # "the Isle of Man Constabulary": a place's name with "of" before the body's noun
    bag = set()
    for w in words:
        if w in PREPOSITIONS:
            continue
        bag.update(lex.demonyms.get(w, w).split())
    return bag, head


def display(text: str) -> str:
    """A name as shown: without a leading article, lowercase when it was only capitalised because it opened the
    sentence ("Observers" -> "observers", "Some residents" -> "some residents"; not the first word of a name, "Shoppers
    Drug Mart"): a quantifier stays, since some residents are not the residents."""
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    head = 1 if len(words) > 1 and words[0].lower() in QUANTIFIERS else 0
    if (
        len(words) > head
        and words[head][:1].isupper()
        and words[head][1:].islower()
        and words[head].lower() in lexicon().anonymous_heads
        and not (len(words) > head + 1 and words[head + 1][:1].isupper())  # "Shoppers Drug Mart": a name
    ):
        words[head] = words[head].lower()
    if head:
        words[0] = words[0].lower()
    return " ".join(words) or text


#: "One of the …", "some of those …": a part of a set of people, whose head is the set's.
_PARTITIVE = re.compile(
    r"^(?:one|another|some|many|several|most|few|two|three)\s+of\s+(?:the|their|those|these)?\s*", re.I
)


def without_partitive(text: str) -> str:
    """A description without the partitive that opens it ("One of the residents on …" -> "residents on …")."""
    return _PARTITIVE.sub("", text, count=1)


def is_anonymous(m: Mention) -> bool:
    """Whether a description names an unnamed source (``a senior official from …``, ``observers``, ``one of the
    residents``)."""
    bag = {w.lower() for w in name_words(without_partitive(m.text).split(" of ")[0].split(" from ")[0])}
    return m.form == "description" and bool(bag & lexicon().anonymous_heads)


def norm(text: str) -> str:
    """Lowercase letters and digits only, for comparing names and aliases."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def head_word(text: str) -> str:
    """The head noun of a short description: its last word before a preposition ("one of the residents": the
    residents')."""
    words = [w.lower() for w in name_words(without_partitive(text))]
    clause = next((k for k, w in enumerate(words) if k and w in RELATIVES), len(words))
    words = words[:clause]  # "some residents [who spoke on …]": the residents
    for k, w in enumerate(words):
        if w in PREPOSITIONS and k > 0:
            participle = k > 1 and words[k - 1].endswith("ing") and words[k - 2] not in DETERMINERS
            return words[k - 2] if participle else words[k - 1]  # "people [living] in …": people
    return words[-1] if words else ""


#: Characters before a person's mention searched for the place they are from ("Portuguese President Holt").
PLACE_WINDOW = 40


#: The end of a sentence or a paragraph: a place named before it is no one's origin ("… the Portugal talks. Berg
#: said"). A full stop after a capital is an abbreviation's ("U.S. President").
SENTENCE_END = re.compile(r"[a-z0-9)\]][.!?]+[\"”’']?\s|\n")


#: Marks that end the words right before a name (``phrase``): a quotation mark or a comma (``“… summon the
#: Portuguese ambassador,” Berg`` says nothing of where Berg is from).
_PHRASE_END = re.compile(r"[\"“”‘’,;:()]")


def places_before(text: str, at: int, lex: Lexicon, *, phrase: bool = False) -> frozenset[str]:
    """Places named by demonyms or country names in the few words before ``at``, in its own sentence, or with
    ``phrase`` in its own phrase, back to a quotation mark or a comma (``Portuguese President`` before a name:
    ``{"portugal"}``)."""
    window = text[max(0, at - PLACE_WINDOW) : at]
    window = window[ends[-1].end() :] if (ends := list(SENTENCE_END.finditer(window))) else window
    if phrase:
        window = window[stops[-1].end() :] if (stops := list(_PHRASE_END.finditer(window))) else window
    words = re.findall(r"[A-Za-z]+", window.lower())
    return frozenset(lex.demonyms.get(w, w) for w in words if w in lex.demonyms or w in lex.demonyms.values())

"""Claims: what a claimed quote says and whom it names, and the words verbatim compares.

Input: a claim as written, with or without quotation marks and attribution.
Output: ``(quoted words, speaker)`` readings to try, most literal first; the claim's words normalized.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..config import lexicon
from ..forms import folded

#: Fewest words left after splitting an attribution off a claim (``Smith said we will win``);
#: with fewer the claim is more likely a sentence about someone than a report of words.
MIN_REPORTED_WORDS = 3
#: Most words before a reporting verb read as its subject (``Brazil's Ministry of Finance said``):
#: a long name with its title; a longer run is a sentence, not an attribution.
_MAX_SUBJECT_WORDS = 7

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})


def _words(text: str) -> list[str]:
    """The words of ``text`` in the form they are matched on (``forms.folded``), apostrophes unified."""
    return [w.translate(_FOLD) for w in _WORD.findall(folded(text))]


def normalize(text: str) -> str:
    """Words only, case folded (NFKC: full-width letters and ligatures too), apostrophes unified, one
    space apart: what verbatim compares.

    >>> normalize("“In today’s world,” ")
    "in today's world"
    """
    return " ".join(_words(text))


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Inflected forms of the reporting verbs of ``quotes/data/reporting_verbs.tsv``."""
    irregular = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke", "tweet": "tweeted"}
    forms: set[str] = set()
    for lemma, kind in lexicon().verbs.items():
        if " " in lemma or kind != "speech":
            continue
        forms.update({lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d"})
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
        if lemma in irregular:
            forms.add(irregular[lemma])
    return frozenset(forms)


_LEAD = re.compile(r"^(?:according to\s+(?P<acc>[^,]{2,80}),\s*)(?P<rest>.+)$", re.I | re.S)
_TRAIL = re.compile(r"^(?P<rest>.+?)[,;]\s+(?P<tail>[^,;]{2,80}?)[.!?]?\s*$", re.S)


def parse_claim(claim: str) -> list[tuple[str, str | None]]:
    """What a claim quotes and whom it names, as alternatives to try, most literal first.

    Words in quotation marks are the quote (``Lima called it "reckless"`` claims the word
    reckless, from Lima). Without marks, a leading or trailing attribution (``X said
    (that) …``, ``…, X said``, ``According to X, …``) is split off as a second reading;
    the whole claim is always a reading too.

    >>> parse_claim('“We will win,” Smith said.')
    [('We will win,', 'Smith')]
    >>> parse_claim('Smith said that we will win')
    [('we will win', 'Smith'), ('Smith said that we will win', None)]
    """
    from ..detect import find_marked

    text = claim.strip()
    if not text:
        return [("", None)]
    marked, _ = find_marked(text)
    if marked:
        quoted = " ".join(text[c.start : c.end] for c in marked)
        outside = text
        for c in sorted(marked, key=lambda c: c.start, reverse=True):
            outside = outside[: max(0, c.start - 1)] + " … " + outside[c.end + 1 :]
        return [(quoted, _speaker_in(outside))]
    out: list[tuple[str, str | None]] = []
    split = _split_attribution(text)
    if split is not None:
        out.append(split)
    out.append((text, None))
    return out


def _split_attribution(text: str) -> tuple[str, str | None] | None:
    """``(reported words, speaker)`` when the claim opens or closes with an attribution."""
    forms = _speech_forms()
    lead = _LEAD.match(text)
    if lead:
        return lead.group("rest").strip(), _name(lead.group("acc"))
    words = list(re.finditer(r"\S+", text))
    for k in range(1, min(_MAX_SUBJECT_WORDS + 1, len(words))):
        if words[k].group().strip(",:").lower() not in forms:
            continue
        who = text[: words[k].start()].strip()
        if not _subject_like(who) or _qualifies(who.split()[-1]):
            return None
        after = [w.group().lower() for w in words[k + 1 : k + 4]]
        j = k + 1 + after.index("that") + 1 if "that" in after else k + 1
        if len(words) - j < MIN_REPORTED_WORDS:
            return None
        return text[words[j].start() :].strip(), _name(who)
    trail = _TRAIL.match(text)
    if trail:
        tail = trail.group("tail").split()
        if 2 <= len(tail) <= 6 and any(t.lower() in forms for t in tail[-3:] + tail[:1]):
            verb_at = next(i for i, t in enumerate(tail) if t.lower() in forms)
            who = " ".join(tail[:verb_at] or tail[verb_at + 1 :])
            return trail.group("rest").strip(), _name(who)
    return None


_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "van", "von", "al", "bin"})


#: Words that, right before a reporting verb, make it part of the claim rather than an
#: attribution: ``the leaders could (not) confirm …`` says what they could do, not that they said it.
_AUXILIARIES = frozenset({"do", "does", "did", "to", "has", "have", "had", "also", "then"})


def _qualifies(word: str) -> bool:
    """Whether a word before a reporting verb is a modal, a negation or an auxiliary (see ``_AUXILIARIES``)."""
    from ..diverge import _classes, _tokens

    w = word.lower().strip(",;:")
    if w in _AUXILIARIES or w.endswith("n't"):
        return True
    classes = _classes(_tokens(w))
    return any(c is not None and (c == "negation" or c.startswith("modality:")) for c in classes)


def _subject_like(who: str) -> bool:
    """Whether words before a reporting verb can be its subject: a pronoun, a name (capitalised
    words and connectors: ``Brazil's Ministry of Finance``) or a description opening with an
    article (``the finance ministry``)."""
    words = who.split()
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if words[0].lower() in ("the", "a", "an"):
        return len(words) > 1 and words[1].lower() not in _PRONOUNS
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words) and words[0].lower() not in _PRONOUNS


def _speaker_in(outside: str) -> str | None:
    """The speaker named by the words around a claim's quotation marks."""
    forms = _speech_forms()
    words = outside.replace("…", " ").split()
    for k, w in enumerate(words):
        if w.strip(",.:;").lower() in forms:
            before = words[max(0, k - 4) : k]
            after = words[k + 1 : k + 5]
            for side in (before, after):
                name = _name(" ".join(_capitalised_run(side, from_end=side is before)))
                if name:
                    return name
    according = re.search(r"according to\s+([^,.]+)", outside, re.I)
    if according:
        return _name(according.group(1))
    run = _capitalised_run(words[:5], from_end=False)
    return _name(" ".join(run))


def _capitalised_run(words: list[str], *, from_end: bool) -> list[str]:
    seq = list(reversed(words)) if from_end else words
    run: list[str] = []
    for w in seq:
        bare = w.strip(",.:;“”\"'‘’")
        if bare[:1].isupper() or (run and bare.lower() in ("of", "for")):
            run.append(bare)
        elif run:
            break
    return list(reversed(run)) if from_end else run


def _name(who: str) -> str | None:
    """A speaker name from attribution words; ``None`` for a pronoun or nothing."""
    who = who.strip(" ,.:;\"“”'‘’")
    if not who or who.lower() in _PRONOUNS or not any(c.isalpha() for c in who):
        return None
    return who

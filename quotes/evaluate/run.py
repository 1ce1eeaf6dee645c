"""Running systems: extract, align and score a corpus against gold, ours and optionally a baseline.

Input: a ``Gold`` and sources (paths as for ``quotes table``, or articles).
Output: an ``Evaluation``: each system's figures, the documents a system gave up, the documents that could not be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Union

from ..align import align_corpus
from ..config import Settings
from ..pipeline import extract_corpus, extract_each
from ..types import Article, Diagnostic, Extraction
from .baseline import Baseline, textacy_predictions
from .gold import Gold, _file
from .scoring import Prediction, score

Source = Union[str, Path, Article]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scores of one or more systems against one gold standard."""

    gold: str
    documents: int
    results: Mapping[str, Mapping[str, Any]]  # system name -> figures of ``score``
    given_up: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # system name -> documents skipped
    diagnostics: tuple[Diagnostic, ...] = ()  # documents that could not be read


def evaluate(
    gold: Gold,
    sources: Iterable[Source],
    *,
    settings: Settings | None = None,
    baseline: Baseline | None = None,
    on_document: Callable[[Extraction], object] | None = None,
) -> Evaluation:
    """Extract quotes from ``sources`` (paths as for ``quotes table``, or articles) and score them against gold.

    Paths go through ``extract_corpus``; articles through ``extract``. With ``baseline``, the same
    articles are also run through that system and scored beside ours. For mention-level gold
    (PolNeAR) each prediction's ``speaker_mention`` stands in for its ``speaker``. ``on_document`` is
    called with each of our extractions as it is done (a progress bar's tick), not for the baseline's.
    """
    settings = settings or Settings()
    items = list(sources)
    paths = [s for s in items if not isinstance(s, Article)]
    articles = [s for s in items if isinstance(s, Article)]
    extractions = _extract(paths, articles, settings, on_document)
    texts = {_file(ex.article.doc): ex.article.text for ex in extractions}
    runs: dict[str, tuple[list[dict[str, Any]], tuple[str, ...]]] = {
        "quotes": ([q.to_dict() for ex in extractions for q in ex.quotes], ())
    }
    if baseline is Baseline.RULES:  # the same documents through the rules alone (the cache makes this cheap)
        rules = _extract(paths, articles, replace(settings, learned=False))
        runs["rules"] = ([q.to_dict() for ex in rules for q in ex.quotes], ())
    if baseline is Baseline.TEXTACY:
        from ..nlp import pipeline

        preds, given_up = textacy_predictions((ex.article for ex in extractions), pipeline(settings))
        runs["textacy"] = (preds, tuple(given_up))
    results = {
        name: score(gold, [_as_mention(p) for p in preds] if gold.mentions else preds, texts=texts)
        for name, (preds, _) in runs.items()
    }
    problems = tuple(d for ex in extractions for d in ex.errors)
    return Evaluation(
        gold=gold.name,
        documents=len(extractions),
        results=results,
        given_up={name: skipped for name, (_, skipped) in runs.items()},
        diagnostics=problems,
    )


def _extract(
    paths: list[str | Path],
    articles: list[Article],
    settings: Settings,
    on_document: Callable[[Extraction], object] | None = None,
) -> list[Extraction]:
    """Paths through ``extract_corpus``, unrelated articles one by one (names per article), then aligned,
    so that alignment is scored."""
    extractions: list[Extraction] = extract_corpus(paths, settings=settings, on_document=on_document) if paths else []
    if articles:
        extractions += extract_each(articles, settings=settings, on_document=on_document)
    return list(align_corpus(extractions).extractions)


def _as_mention(p: Prediction) -> dict[str, Any]:
    """A prediction whose speaker is its mention as written (for gold that annotates mentions)."""
    return dict(p, speaker=p.get("speaker_mention") or p.get("speaker"))

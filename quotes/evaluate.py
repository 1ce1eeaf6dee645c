"""Evaluate: score extracted quotes against human gold, figure for figure as ``../shared/eval/score.py`` does.

Input: gold (a ``golden/`` folder or PolNeAR JSONL) and contract records. Output: figures, misses and false alarms.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from tabulate import tabulate

from .align import align_corpus
from .config import Settings
from .errors import InputError
from .pipeline import extract, extract_corpus
from .render import record, shorten
from .types import Article, Diagnostic, Extraction, Level

if TYPE_CHECKING:
    from spacy.language import Language

#: Least Jaccard overlap of two character spans for a prediction to match a gold quote. This is score.py's
#: criterion: it forgives a kept or dropped "that", comma or clause edge but not half a quote.
MATCH_JACCARD = 0.5
#: Least share of a gold span a prediction must cover under the GenderGapTracker criterion: its two
#: published settings, lenient (0.3) and strict (0.8).
COVERAGE_THRESHOLDS = (0.3, 0.8)
#: Kinds that carry quotation marks, and the kind that does not.
QUOTED = ("direct", "mixed")
REPORTED = ("indirect",)
#: PolNeAR splits, as written by ``convert_polnear.py``.
SPLITS = ("train", "dev", "test")

Prediction = Mapping[str, Any]
Source = Union[str, Path, Article]


class EvalFormat(StrEnum):
    """Output formats of ``quotes eval``."""

    TABLE = "table"
    JSON = "json"


class Baseline(StrEnum):
    """Other systems ``quotes eval`` can score beside ours."""

    TEXTACY = "textacy"


class Split(StrEnum):
    """A PolNeAR split, or all of them."""

    TRAIN = "train"
    DEV = "dev"
    TEST = "test"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One human-annotated quote, with the fields score.py reads."""

    file: str  # base name of the document
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None  # a speaker id, or the mention as written for mention-level gold
    via: str | None = None
    group: str | None = None
    speaker_spans: tuple[tuple[int, int], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The quote in score.py's GOLD shape."""
        return {
            "file": self.file,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "via": self.via,
            "group": self.group,
            "speaker_spans": [list(s) for s in self.speaker_spans],
        }


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold standard: quotes, and the alias table that maps a predicted name to a speaker id."""

    quotes: tuple[GoldQuote, ...]
    speakers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # id -> (name, *aliases)
    speakers_by_file: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    mentions: bool = False  # speakers are mentions as written (PolNeAR): compare our speaker_mention
    name: str = "gold"

    def as_dict(self) -> dict[str, Any]:
        """The GOLD shape that ``score.py`` takes."""
        out: dict[str, Any] = {
            "speakers": {k: list(v) for k, v in self.speakers.items()},
            "quotes": [q.as_dict() for q in self.quotes],
        }
        if self.speakers_by_file:
            out["speakers_by_file"] = {f: {k: list(v) for k, v in t.items()} for f, t in self.speakers_by_file.items()}
        return out


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scores of one or more systems against one gold standard."""

    gold: str
    documents: int
    results: Mapping[str, Mapping[str, Any]]  # system name -> figures of ``score``
    given_up: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # system name -> documents skipped
    diagnostics: tuple[Diagnostic, ...] = ()  # documents that could not be read


# Loading gold


def load_golden(folder: Path) -> Gold:
    """Read ``golden/*.jsonl`` and ``golden/speakers.toml`` (optional) into a ``Gold``.

    Raises:
        InputError: the folder has no ``*.jsonl`` file, or a file is malformed.
    """
    folder = Path(folder)
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    if not files:
        raise InputError(f"{folder}: no *.jsonl gold files; point --golden at a folder such as golden/")
    quotes = tuple(_golden_quote(rec, where) for path in files for where, rec in _read_jsonl(path))
    return Gold(quotes=quotes, speakers=_read_speakers(folder / "speakers.toml"), name=str(folder))


def load_polnear(path: Path, *, split: str = "dev") -> tuple[Gold, list[Article]]:
    """Read the JSONL that ``convert_polnear.py`` writes: gold quotes and the articles of one split.

    Documents are named ``<doc_id>.txt``; speakers are PolNeAR's source mentions, so the speaker table
    is empty and names compare by their normalized form.

    Raises:
        InputError: the file is missing or malformed, the split unknown or empty.
    """
    if split not in (*SPLITS, Split.ALL.value):
        raise InputError(f"unknown PolNeAR split {split!r}; use one of {', '.join(SPLITS)} or all")
    quotes: list[GoldQuote] = []
    articles: list[Article] = []
    for where, rec in _read_jsonl(Path(path)):
        if split != Split.ALL.value and rec.get("split") != split:
            continue
        try:
            doc = f"{rec['doc_id']}.txt"
            articles.append(Article(doc=doc, text=rec["text"]))
            quotes += [
                GoldQuote(
                    file=doc,
                    start=q["start"],
                    end=q["end"],
                    text=q["text"],
                    kind=q["kind"],
                    speaker=q.get("speaker"),
                    speaker_spans=tuple((s, e) for s, e in q.get("speaker_spans") or ()),
                )
                for q in rec["quotes"]
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{where}: not a convert_polnear.py record ({exc!r}); regenerate the file") from exc
    if not articles:
        raise InputError(f"{path}: no articles in split {split!r}")
    return Gold(quotes=tuple(quotes), mentions=True, name=f"PolNeAR {split}"), articles


def _read_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(file:line, record)`` for every non-blank line of a JSONL file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc}); check the path") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg}); fix the line") from exc
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{number}: expected a JSON object per line")
        yield f"{path}:{number}", rec


def _golden_quote(rec: Mapping[str, Any], where: str) -> GoldQuote:
    """A ``golden/*.jsonl`` record (CONTRACT.md shape, ``via`` an id) as a gold quote."""
    try:
        span = rec.get("speaker_span")
        return GoldQuote(
            file=_file(rec["doc"]),
            start=rec["start"],
            end=rec["end"],
            text=rec["text"],
            kind=rec["kind"],
            speaker=rec["speaker_id"],
            via=rec.get("via"),
            group=rec.get("group"),
            speaker_spans=((span[0], span[1]),) if span else (),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{where}: gold record lacks a field ({exc!r}); see golden/README.md §5") from exc


def _read_speakers(path: Path) -> dict[str, tuple[str, ...]]:
    """``{id: (name, *aliases)}`` from a ``speakers.toml``; empty when the file is absent."""
    if not path.is_file():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        return {s["id"]: (s["name"], *s.get("aliases", ())) for s in table.get("speaker", [])}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a speaker table ({exc!r}); each [[speaker]] needs id and name") from exc


# Matching and figures


def normalize(name: str | None) -> str:
    """Lower-case letters and digits only: ``"Kim Min-ji"`` -> ``"kimminji"``."""
    return re.sub(r"[^a-z0-9]", "", (name or "").lower())


def speaker_mapper(speakers: Mapping[str, Sequence[str]]) -> Callable[[str | None], str | None]:
    """A function from a predicted speaker name to a gold speaker id.

    An exact normalized match of an id or alias wins; else the longest alias found as whole words
    inside the name; else ``"?" + name``. With an empty table the name is returned as is.

    >>> speaker_mapper({"kim": ["Kim Min-ji", "Kim"]})("Minister Kim of Korea")
    'kim'
    """
    table = {}
    for sid, aliases in speakers.items():
        table[normalize(sid)] = sid
        for alias in aliases:
            table[normalize(alias)] = sid
    words = sorted(((a, sid) for sid, al in speakers.items() for a in al), key=lambda x: -len(x[0]))

    def to_id(name: str | None) -> str | None:
        if not name:
            return None
        if (n := normalize(name)) in table:
            return table[n]
        if not table:
            return name
        low = " " + re.sub(r"[^a-z0-9]+", " ", name.lower()) + " "
        for alias, sid in words:
            if " " + re.sub(r"[^a-z0-9]+", " ", alias.lower()).strip() + " " in low:
                return sid
        return "?" + name

    return to_id


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the characters of either span."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def coverage(gold: tuple[int, int], pred: tuple[int, int]) -> float:
    """GenderGapTracker's asymmetric overlap: shared characters over the gold span's length."""
    inter = max(0, min(gold[1], pred[1]) - max(gold[0], pred[0]))
    return inter / (gold[1] - gold[0]) if gold[1] > gold[0] else 0.0


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall and F1, rounded to three places (0 when undefined)."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def match(
    quotes: Sequence[GoldQuote],
    predictions: Sequence[Prediction],
    *,
    overlap: Callable[[tuple[int, int], tuple[int, int]], float] = jaccard,
    threshold: float = MATCH_JACCARD,
) -> dict[int, int]:
    """Pair gold quotes with predictions one-to-one within each file, best overlap first.

    Returns gold index -> prediction index. Among equal overlaps the later gold quote and then the
    later prediction win, as in score.py's reverse sort.
    """
    preds_in: dict[str, list[int]] = defaultdict(list)
    for pi, p in enumerate(predictions):
        preds_in[_file(p["doc"])].append(pi)
    gold_in: dict[str, list[int]] = defaultdict(list)
    for gi, g in enumerate(quotes):
        gold_in[g.file].append(gi)
    out: dict[int, int] = {}
    for file, gis in gold_in.items():
        spans = {pi: (predictions[pi]["start"], predictions[pi]["end"]) for pi in preds_in.get(file, ())}
        cands = sorted(
            ((overlap((quotes[gi].start, quotes[gi].end), span), gi, pi) for gi in gis for pi, span in spans.items()),
            reverse=True,
        )
        used: set[int] = set()
        for value, gi, pi in cands:
            if value < threshold:
                break
            if gi not in out and pi not in used:
                out[gi] = pi
                used.add(pi)
    return out


def alignment_pairs(quotes: Sequence[GoldQuote], predicted_group: Mapping[int, str | None]) -> tuple[int, int, int]:
    """Same-group pairs of gold quotes in different files: (both agree, predicted, gold).

    ``predicted_group`` maps a gold index to the group of the prediction matched to it.
    """
    gold_groups: dict[object, list[str]] = defaultdict(list)
    pred_groups: dict[object, list[str]] = defaultdict(list)
    both: dict[object, list[str]] = defaultdict(list)
    for i, g in enumerate(quotes):
        pg = predicted_group.get(i)
        if g.group is not None:
            gold_groups[g.group].append(g.file)
        if pg is not None:
            pred_groups[pg].append(g.file)
        if g.group is not None and pg is not None:
            both[(g.group, pg)].append(g.file)
    return (
        sum(map(_cross_file_pairs, both.values())),
        sum(map(_cross_file_pairs, pred_groups.values())),
        sum(map(_cross_file_pairs, gold_groups.values())),
    )


def score(gold: Gold, predictions: Sequence[Prediction], *, texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Score contract records against gold: score.py's figures, then the misses, false alarms and wrong speakers.

    ``texts`` (document base name -> text), when given, adds 1-based line numbers to those lists.
    """
    quotes, preds = gold.quotes, list(predictions)
    matched = match(quotes, preds)
    n = len(matched)
    out: dict[str, Any] = {"gold": len(quotes), "predicted": len(preds), "matched": n}
    out["detect_p"], out["detect_r"], out["detect_f1"] = prf(n, len(preds), len(quotes))
    out |= kind_figures(quotes, preds, matched)
    said = {i: _speaker_resolver(gold)(quotes[i], preds[pi].get("speaker")) for i, pi in matched.items()}
    out |= speaker_figures(gold, preds, matched, said)
    tp, npairs, gpairs = alignment_pairs(quotes, {i: preds[pi].get("group") for i, pi in matched.items()})
    out["align_p"], out["align_r"], out["align_f1"] = prf(tp, npairs, gpairs)
    if any(g.speaker_spans for g in quotes):
        for threshold in COVERAGE_THRESHOLDS:
            out |= coverage_figures(gold, preds, threshold)
    out["missed"] = [f"{g.file[:3]}:{g.text[:50]}" for i, g in enumerate(quotes) if i not in matched]
    texts = texts or {}
    used = set(matched.values())
    out["misses"] = [_gold_entry(g, texts) for i, g in enumerate(quotes) if i not in matched]
    out["false_alarms"] = [_pred_entry(p, texts) for pi, p in enumerate(preds) if pi not in used]
    out["wrong_speakers"] = [
        dict(_gold_entry(quotes[i], texts), predicted=preds[pi].get("speaker"), predicted_id=said[i])
        for i, pi in sorted(matched.items())
        if said[i] != quotes[i].speaker
    ]
    return out


def kind_figures(
    quotes: Sequence[GoldQuote], preds: Sequence[Prediction], matched: Mapping[int, int]
) -> dict[str, float]:
    """P/R/F1 of quoted (direct or mixed) and of reported (indirect) quotes, and kind accuracy of the matches.

    A match counts for a class when both sides are in it; a prediction without kind counts as direct.
    """
    out: dict[str, float] = {}
    for name, kinds in (("quoted", QUOTED), ("reported", REPORTED)):
        in_gold = [i for i, g in enumerate(quotes) if g.kind in kinds]
        npred = sum(1 for p in preds if _kind(p) in kinds)
        tp = sum(1 for i in in_gold if i in matched and _kind(preds[matched[i]]) in kinds)
        out[name + "_p"], out[name + "_r"], out[name + "_f1"] = prf(tp, npred, len(in_gold))
    out["kind_acc_matched"] = _ratio(
        sum(1 for i, pi in matched.items() if preds[pi].get("kind") == quotes[i].kind), len(matched)
    )
    return out


def speaker_figures(
    gold: Gold, preds: Sequence[Prediction], matched: Mapping[int, int], said: Mapping[int, str | None]
) -> dict[str, float]:
    """Speaker accuracy of the matches, strict (the speaker) and lenient (speaker or via on either side),
    and the end-to-end F1 that needs both span and speaker right.

    ``said`` maps a matched gold index to the gold id its prediction's speaker resolves to. As in
    score.py, a gold quote without speaker is right when the prediction has none either.
    """
    quotes = gold.quotes
    resolve = _speaker_resolver(gold)
    right = {i for i, sid in said.items() if sid == quotes[i].speaker}
    lenient = sum(
        1
        for i, pi in matched.items()
        if {said[i], resolve(quotes[i], preds[pi].get("via"))} & ({quotes[i].speaker, quotes[i].via} - {None})
    )
    quoted = [i for i in matched if quotes[i].kind in QUOTED]
    direct = [i for i, g in enumerate(quotes) if g.kind == "direct"]
    return {
        "quoted_speaker_acc": _ratio(sum(1 for i in quoted if i in right), len(quoted)),
        "direct_found_with_speaker": _ratio(
            sum(1 for i in direct if i in matched and said[i] in (quotes[i].speaker, quotes[i].via)), len(direct)
        ),
        "speaker_acc_matched": _ratio(len(right), len(matched)),
        "speaker_acc_lenient": _ratio(lenient, len(matched)),
        "end_to_end_f1": prf(len(right), len(preds), len(quotes))[2],
    }


def coverage_figures(gold: Gold, predictions: Sequence[Prediction], threshold: float) -> dict[str, float]:
    """Quote P/R/F1 as the GenderGapTracker evaluation counts it (one-to-one here), at one coverage threshold,
    plus its speaker criterion: the predicted speaker span overlaps a gold one."""
    matched = match(gold.quotes, predictions, overlap=coverage, threshold=threshold)
    spk = 0
    for gi, pi in matched.items():
        span = predictions[pi].get("speaker_span")
        if span and any(max(span[0], s) < min(span[1], e) for s, e in gold.quotes[gi].speaker_spans):
            spk += 1
    p, r, f1 = prf(len(matched), len(predictions), len(gold.quotes))
    key = f"ggt{threshold}"
    return {f"{key}_p": p, f"{key}_r": r, f"{key}_f1": f1, f"{key}_speaker_span_acc": _ratio(spk, len(matched))}


def _speaker_resolver(gold: Gold) -> Callable[[GoldQuote, str | None], str | None]:
    """Map a predicted name to a gold id through the file's or the global table, preferring the quote's own ids."""
    global_map = speaker_mapper(gold.speakers)
    file_maps = {f: speaker_mapper(t) for f, t in gold.speakers_by_file.items()}

    def resolve(g: GoldQuote, name: str | None) -> str | None:
        sid = file_maps.get(g.file, global_map)(name)
        for gid in {g.speaker, g.via} - {None}:  # gold given as names rather than ids
            if sid and normalize(sid) == normalize(gid):
                return gid
        return sid

    return resolve


def _cross_file_pairs(files: list[str]) -> int:
    """Pairs among quotes (given by their files) that lie in different files."""
    n = len(files)
    return (n * (n - 1) - sum(k * (k - 1) for k in Counter(files).values())) // 2


def _file(doc: str) -> str:
    return doc.split("/")[-1]


def _kind(p: Prediction) -> str:
    return str(p.get("kind") or "direct")


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _line(texts: Mapping[str, str], file: str, offset: int) -> int | None:
    text = texts.get(file)
    return None if text is None else text.count("\n", 0, offset) + 1


def _gold_entry(g: GoldQuote, texts: Mapping[str, str]) -> dict[str, Any]:
    return {
        "file": g.file,
        "line": _line(texts, g.file, g.start),
        "start": g.start,
        "end": g.end,
        "kind": g.kind,
        "text": g.text,
        "speaker": g.speaker,
        "predicted": None,
    }


def _pred_entry(p: Prediction, texts: Mapping[str, str]) -> dict[str, Any]:
    file = _file(p["doc"])
    text = p.get("text")
    if text is None:
        text = texts.get(file, "")[p["start"] : p["end"]]
    return {
        "file": file,
        "line": _line(texts, file, p["start"]),
        "start": p["start"],
        "end": p["end"],
        "kind": _kind(p),
        "text": text,
        "speaker": None,
        "predicted": p.get("speaker"),
    }


# Running systems


def evaluate(
    gold: Gold, sources: Iterable[Source], *, settings: Settings | None = None, baseline: Baseline | None = None
) -> Evaluation:
    """Extract quotes from ``sources`` (paths as for ``quotes table``, or articles) and score them against gold.

    Paths go through ``extract_corpus``; articles through ``extract``. With ``baseline``, the same
    articles are also run through that system and scored beside ours. For mention-level gold
    (PolNeAR) each prediction's ``speaker_mention`` stands in for its ``speaker``.
    """
    settings = settings or Settings()
    items = list(sources)
    paths = [s for s in items if not isinstance(s, Article)]
    articles = [s for s in items if isinstance(s, Article)]
    extractions: list[Extraction] = extract_corpus(paths, settings=settings) if paths else []
    if articles:
        extractions += extract(articles, settings=settings)
    extractions = list(align_corpus(extractions).extractions)  # groups, so that alignment is scored
    texts = {_file(ex.article.doc): ex.article.text for ex in extractions}
    runs: dict[str, tuple[list[dict[str, Any]], tuple[str, ...]]] = {
        "quotes": ([record(q) for ex in extractions for q in ex.quotes], ())
    }
    if baseline is Baseline.TEXTACY:
        from .nlp import pipeline

        preds, given_up = textacy_predictions((ex.article for ex in extractions), pipeline(settings))
        runs["textacy"] = (preds, tuple(given_up))
    results = {
        name: score(gold, [_as_mention(p) for p in preds] if gold.mentions else preds, texts=texts)
        for name, (preds, _) in runs.items()
    }
    problems = tuple(d for ex in extractions for d in ex.diagnostics if d.level is Level.ERROR)
    return Evaluation(
        gold=gold.name,
        documents=len(extractions),
        results=results,
        given_up={name: skipped for name, (_, skipped) in runs.items()},
        diagnostics=problems,
    )


def textacy_predictions(articles: Iterable[Article], nlp: Language) -> tuple[list[dict[str, Any]], list[str]]:
    """Contract records of ``textacy.extract.triples.direct_quotations`` on each article, and the articles it gave up.

    textacy raises on a document with an odd number of quotation marks; that document is given up
    and the others go on. Spans are the quoted content without the marks; kind is always direct.
    """
    from textacy.extract.triples import direct_quotations

    preds: list[dict[str, Any]] = []
    given_up: list[str] = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy's ValueError, or any other failure: give up this document only
            given_up.append(article.doc)
            continue
        for speaker, cue, content in triples:
            start, end = _strip(article.text, content[0].idx + len(content[0].text), content[-1].idx)
            who = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text))
            name = " ".join("".join(t.text_with_ws for t in speaker).split())
            preds.append(
                {
                    "doc": article.doc,
                    "outlet": article.outlet,
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                    "kind": "direct",
                    "speaker": name,
                    "speaker_id": None,
                    "speaker_mention": name,
                    "speaker_span": list(who),
                    "cue": " ".join("".join(t.text_with_ws for t in cue).split()),
                    "via": None,
                    "group": None,
                    "flags": [],
                }
            )
    return preds, given_up


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _as_mention(p: Prediction) -> dict[str, Any]:
    """A prediction whose speaker is its mention as written (for gold that annotates mentions)."""
    return dict(p, speaker=p.get("speaker_mention") or p.get("speaker"))


# Rendering

#: The figures of ``score``, grouped as the table shows them.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("detection", ("gold", "predicted", "matched", "detect_p", "detect_r", "detect_f1", "kind_acc_matched")),
    ("quoted", ("quoted_p", "quoted_r", "quoted_f1")),
    ("reported", ("reported_p", "reported_r", "reported_f1")),
    (
        "speaker",
        (
            "speaker_acc_matched",
            "speaker_acc_lenient",
            "quoted_speaker_acc",
            "direct_found_with_speaker",
            "end_to_end_f1",
        ),
    ),
    ("alignment", ("align_p", "align_r", "align_f1")),
    (
        "coverage criteria",
        tuple(f"ggt{t}_{m}" for t in COVERAGE_THRESHOLDS for m in ("p", "r", "f1", "speaker_span_acc")),
    ),
)
#: The lists of ``score``, and the word that starts each of their lines.
ERROR_LISTS = (("misses", "miss"), ("false_alarms", "false alarm"), ("wrong_speakers", "wrong speaker"))


def error_lines(result: Mapping[str, Any], *, limit: int | None = None, width: int = 70) -> list[str]:
    """One line per miss, false alarm and wrong speaker of a ``score`` result.

    A line reads ``file:line  what  kind  gold 'id' | predicted 'name' (id)  “text”``; ``limit`` caps
    each list, and a last line says how many were left out.
    """
    out = []
    for key, what in ERROR_LISTS:
        entries = result.get(key, [])
        out += [_error_line(what, e, width) for e in entries[:limit]]
        if limit is not None and len(entries) > limit:
            out.append(f"… {len(entries) - limit} more ({key.replace('_', ' ')})")
    return out


def _error_line(what: str, e: Mapping[str, Any], width: int) -> str:
    where = f"{e['file']}:{e['line']}" if e["line"] is not None else f"{e['file']}@{e['start']}"
    gold = "-" if what == "false alarm" else repr(e["speaker"])
    predicted = "-" if what == "miss" else repr(e["predicted"])
    if e.get("predicted_id") not in (None, e["predicted"]):
        predicted += f" ({e['predicted_id']})"
    return f"{where}  {what}  {e['kind']}  gold {gold} | predicted {predicted}  “{shorten(e['text'], width)}”"


def render_evaluation(evaluation: Evaluation, fmt: EvalFormat, *, errors: int | None = 20) -> str:
    """The figures of every system side by side (table) or everything as JSON.

    Under the table come the misses, false alarms and wrong speakers of the first system (ours),
    at most ``errors`` of each (None: all; 0: none).
    """
    if fmt is EvalFormat.JSON:
        return (
            json.dumps(
                {
                    "gold": evaluation.gold,
                    "documents": evaluation.documents,
                    "given_up": {k: list(v) for k, v in evaluation.given_up.items()},
                    "results": evaluation.results,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    systems = list(evaluation.results)
    rows = []
    for section, keys in SECTIONS:
        shown = [k for k in keys if any(k in evaluation.results[s] for s in systems)]
        rows += [
            [section if n == 0 else "", k, *(_cell(evaluation.results[s].get(k)) for s in systems)]
            for n, k in enumerate(shown)
        ]
    head = f"gold: {evaluation.gold}, {evaluation.documents} documents"
    for name, skipped in evaluation.given_up.items():
        if skipped:
            head += f"; {name} gave up on {len(skipped)} (unbalanced quotation marks)"
    parts = [
        head,
        tabulate(
            rows,
            headers=["", "figure", *systems],
            tablefmt="simple",
            disable_numparse=True,
            colalign=("left", "left", *("right",) * len(systems)),
        ),
    ]
    ours = evaluation.results[systems[0]]
    for key, what in ERROR_LISTS if errors != 0 else ():
        if entries := ours.get(key):
            lines = [_error_line(what, e, 70) for e in entries[:errors]]
            if errors is not None and len(entries) > errors:
                lines.append(f"… {len(entries) - errors} more")
            parts.append(
                f"{key.replace('_', ' ')} of {systems[0]} ({len(entries)}):\n"
                + "\n".join("  " + line for line in lines)
            )
    return "\n\n".join(parts) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)

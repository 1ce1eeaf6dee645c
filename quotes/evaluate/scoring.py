"""Scoring: contract records against gold, figure for figure as ``../shared/eval/score.py`` does.

Input: a ``Gold`` and contract records (predictions), optionally the documents' texts.
Output: figures (P/R/F1 of detection, kinds, speakers, alignment, coverage criteria), misses and false alarms.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..speakers import norm
from .gold import Gold, GoldQuote, _file

#: Least Jaccard overlap of two character spans for a prediction to match a gold quote. This is score.py's
#: criterion: it forgives a kept or dropped "that", comma or clause edge but not half a quote.
MATCH_JACCARD = 0.5
#: Least share of a gold span a prediction must cover under the GenderGapTracker criterion: its two
#: published settings, lenient (0.3) and strict (0.8).
COVERAGE_THRESHOLDS = (0.3, 0.8)
#: Kinds that carry quotation marks, and the kind that does not.
QUOTED = ("direct", "mixed")
REPORTED = ("indirect",)

Prediction = Mapping[str, Any]


def normalize(name: str | None) -> str:
    """Lower-case letters and digits only (``speakers.norm``): ``"Kim Min-ji"`` -> ``"kimminji"``."""
    return norm(name or "")


#: A leading determiner that does not tell two speakers apart (``a resident`` is ``resident``); as
#: ../shared/eval/score.py strips it.
DETERMINER = re.compile(r"^(?:the|a|an|some|one)\s+", re.I)


def speaker_mapper(speakers: Mapping[str, Sequence[str]]) -> Callable[[str | None], str | None]:
    """A function from a predicted speaker name to a gold speaker id.

    An exact normalized match of an id or alias wins, with or without a leading determiner (``the``,
    ``a``, ``an``, ``some``, ``one``); else the longest alias found as whole words
    inside the name; else ``"?" + name``. With an empty table the name is returned as is.

    >>> speaker_mapper({"kim": ["Kim Min-ji", "Kim"]})("Finance Minister Kim")
    'kim'
    """
    table = {}
    for sid, aliases in speakers.items():
        table[normalize(sid)] = sid
        for alias in aliases:
            table[normalize(alias)] = sid
            table[normalize(DETERMINER.sub("", alias))] = sid
    words = sorted(((a, sid) for sid, al in speakers.items() for a in al), key=lambda x: -len(x[0]))

    def to_id(name: str | None) -> str | None:
        if not name:
            return None
        if (n := normalize(name)) in table:
            return table[n]
        if (n := normalize(DETERMINER.sub("", name))) in table:
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


def aligned_groups(
    quotes: Sequence[GoldQuote], preds: Sequence[Prediction], matched: Mapping[int, int]
) -> dict[int, str | None]:
    """Gold index -> the group of the prediction aligned with it. A prediction's ``parts`` (one
    remark each, CONTRACT.md) count as records of their own, matched again with the quotes."""
    parts = [
        dict(p, start=x["start"], end=x["end"], group=x.get("group")) for p in preds for x in (p.get("parts") or [])
    ]
    if not parts:
        return {i: preds[pi].get("group") for i, pi in matched.items()}
    pool = [*preds, *parts]
    return {i: pool[pi].get("group") for i, pi in match(quotes, pool).items()}


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
    groups = aligned_groups(quotes, preds, matched)
    tp, npairs, gpairs = alignment_pairs(quotes, groups)
    out["align_p"], out["align_r"], out["align_f1"] = prf(tp, npairs, gpairs)
    found = sorted(groups)  # alignment over the quotes extraction found: the pairs it could get
    tp, npairs, gpairs = alignment_pairs([quotes[i] for i in found], {k: groups[i] for k, i in enumerate(found)})
    out["align_detected_p"], out["align_detected_r"], out["align_detected_f1"] = prf(tp, npairs, gpairs)
    if any(g.speaker_spans for g in quotes):
        for threshold in COVERAGE_THRESHOLDS:
            out |= coverage_figures(gold, preds, threshold)
    for threshold in COVERAGE_THRESHOLDS:
        out |= figures_at_coverage(gold, preds, threshold)
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


#: The figures ``figures_at_coverage`` repeats under each coverage criterion.
COVERAGE_FIGURES = ("quoted_f1", "reported_f1", "kind_acc_matched", "speaker_acc_matched", "end_to_end_f1", "align_f1")


def figures_at_coverage(gold: Gold, predictions: Sequence[Prediction], threshold: float) -> dict[str, float]:
    """Our main figures again with quotes matched by coverage of the gold span (>= ``threshold``)
    instead of Jaccard: quoted and reported F1, kind and speaker accuracy, end-to-end and alignment F1.
    Keys read ``cov<threshold>_<figure>``; score.py has no such figures."""
    quotes, preds = gold.quotes, list(predictions)
    matched = match(quotes, preds, overlap=coverage, threshold=threshold)
    said = {i: _speaker_resolver(gold)(quotes[i], preds[pi].get("speaker")) for i, pi in matched.items()}
    figures = kind_figures(quotes, preds, matched) | speaker_figures(gold, preds, matched, said)
    tp, npairs, gpairs = alignment_pairs(quotes, {i: preds[pi].get("group") for i, pi in matched.items()})
    figures["align_f1"] = prf(tp, npairs, gpairs)[2]
    return {f"cov{threshold}_{k}": figures[k] for k in COVERAGE_FIGURES}


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

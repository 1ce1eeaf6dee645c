"""Rendering: an evaluation as a table of figures with its errors listed under it, or as JSON.

Input: an ``Evaluation`` (or one system's ``score`` result).
Output: text (the library never prints; the CLI writes it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from tabulate import tabulate

from ..forms import shorten
from ..render import escape_controls, json_text
from .run import Evaluation
from .scoring import COVERAGE_FIGURES, COVERAGE_THRESHOLDS


class EvalFormat(StrEnum):
    """Output formats of ``quotes eval``."""

    TABLE = "table"
    JSON = "json"


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
    ("alignment", ("align_p", "align_r", "align_f1", "align_detected_p", "align_detected_r", "align_detected_f1")),
    (
        "coverage criteria",
        tuple(f"ggt{t}_{m}" for t in COVERAGE_THRESHOLDS for m in ("p", "r", "f1", "speaker_span_acc"))
        + tuple(f"cov{t}_{m}" for t in COVERAGE_THRESHOLDS for m in COVERAGE_FIGURES),
    ),
)
#: Longest quote text shown on an error line, in characters: the line stays on one terminal row or two.
ERROR_WIDTH = 70
#: The lists of ``score``, and the word that starts each of their lines.
ERROR_LISTS = (("misses", "miss"), ("false_alarms", "false alarm"), ("wrong_speakers", "wrong speaker"))


def error_lines(result: Mapping[str, Any], *, limit: int | None = None, width: int = ERROR_WIDTH) -> list[str]:
    """One line per miss, false alarm and wrong speaker of a ``score`` result.

    A line reads ``file:line  what  kind  gold 'id' | predicted 'name' (id)  “text”``; ``limit`` caps
    each list, and a last line says how many were left out.
    """
    out = []
    for key, what in ERROR_LISTS:
        out += _error_block(what, result.get(key, []), limit, width, more=f" ({key.replace('_', ' ')})")
    return out


def _error_block(
    what: str, entries: Sequence[Mapping[str, Any]], limit: int | None, width: int, *, more: str = ""
) -> list[str]:
    """The lines of one error list: at most ``limit`` (None: all), then ``… N more`` and ``more`` if any are cut."""
    lines = [_error_line(what, e, width) for e in entries[:limit]]
    if limit is not None and len(entries) > limit:
        lines.append(f"… {len(entries) - limit} more{more}")
    return lines


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
        return json_text(
            {
                "gold": evaluation.gold,
                "documents": evaluation.documents,
                "given_up": {k: list(v) for k, v in evaluation.given_up.items()},
                "results": evaluation.results,
            }
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
            lines = _error_block(what, entries, errors, ERROR_WIDTH)
            parts.append(
                f"{key.replace('_', ' ')} of {systems[0]} ({len(entries)}):\n"
                + "\n".join("  " + line for line in lines)
            )
    return escape_controls("\n\n".join(parts) + "\n", newlines=True)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


#: Columns of the per-event table (``quotes eval --dev``): figure key and header.
EVENT_COLUMNS = (
    ("documents", "docs"),
    ("quoted_f1", "quoted F1"),
    ("reported_f1", "reported F1"),
    ("speaker_acc_matched", "speaker acc"),
    ("end_to_end_f1", "end-to-end F1"),
    ("align_p", "align P"),
    ("align_r", "align R"),
    ("align_f1", "align F1"),
    ("align_detected_f1", "align F1 (found)"),
)


def render_events(rows: Sequence[tuple[str, str, Evaluation | None, Sequence[str]]], fmt: EvalFormat) -> str:
    """Per event (name, split, evaluation or None, problems): our figures, one row each (table) or JSON.

    An event whose cached texts are absent or changed shows its problems instead of figures.
    """
    if fmt is EvalFormat.JSON:
        records = [
            {
                "event": name,
                "split": split,
                "documents": ev.documents if ev else 0,
                "results": ev.results.get("quotes") if ev else None,
                "problems": list(problems),
            }
            for name, split, ev, problems in rows
        ]
        return json_text(records)
    table = []
    notes = []
    for name, split, ev, problems in rows:
        if ev is None:
            table.append([name, split, *("-" for _ in EVENT_COLUMNS)])
            more = f" (and {len(problems) - 1} more)" if problems[1:] else ""
            notes.append(f"{name}: not scored: {problems[0]}{more}")
            continue
        figures = dict(ev.results.get("quotes", {}), documents=ev.documents)
        table.append([name, split, *(_cell(figures.get(key)) for key, _ in EVENT_COLUMNS)])
    out: str = tabulate(
        table,
        headers=["event", "split", *(h for _, h in EVENT_COLUMNS)],
        tablefmt="simple",
        disable_numparse=True,
        colalign=("left", "left", *("right",) * len(EVENT_COLUMNS)),
    )
    return escape_controls(out + "\n" + "".join(n + "\n" for n in notes), newlines=True)

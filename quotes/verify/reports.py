"""Reports: verdicts in plain words for an editor, or as JSON.

Input: ``Verdict`` records, or a draft's ``(Quote, Verdict)`` pairs.
Output: text, a report per claim or JSON (the library never prints; the CLI writes it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from ..types import Change, Diagnostic, Evidence, Outcome, Quote, Verdict


class ReportFormat(StrEnum):
    """Output formats of ``quotes verify`` and ``quotes check``."""

    TABLE = "table"
    JSON = "json"


#: Longest text an explanation shows, in characters, cut at the end with "…": the marked differences,
#: the source rendering, and each other rendering (one line of a wide terminal).
_DIFF_WIDTH = 400
_SOURCE_WIDTH = 240
_OTHER_WIDTH = 110

_HEADLINE = {
    Outcome.VERBATIM: "VERBATIM: the source has these words.",
    Outcome.CLOSE: "CLOSE: another outlet's rendering of the same remark has the words that differ",
    Outcome.DIVERGENT: "DIVERGENT: found, but the claim changes the source's words",
    Outcome.MISATTRIBUTED: "MISATTRIBUTED: these words were said by someone else",
    Outcome.NOT_A_QUOTE: "NOT A QUOTE",
    Outcome.NOT_FOUND: "NOT FOUND: no source has these words",
}
_ADVICE = {
    Outcome.DIVERGENT: "Quote the source's words exactly, or paraphrase without quotation marks.",
    Outcome.MISATTRIBUTED: "Give the quote to the speaker the source names.",
    Outcome.NOT_A_QUOTE: "Do not put these words in quotation marks or give them to a speaker.",
    Outcome.NOT_FOUND: "Find the source of this quote, or remove it.",
}


def marked_diff(e: Evidence, *, width: int = _DIFF_WIDTH) -> str:
    """The source words with the claim's changes marked: ``[source → claim]``,
    ``[source → (left out)]``, ``[(added) → claim]``."""
    parts = []
    for op in e.diff:
        if op.op == "equal":
            parts.append(op.a_text)
        elif op.op == "replace":
            parts.append(f"[{op.a_text} → {op.b_text}]")
        elif op.op == "delete":
            parts.append(f"[{op.a_text} → (left out)]")
        else:
            parts.append(f"[(added) → {op.b_text}]")
    text = " ".join(p for p in parts if p)
    return text if len(text) <= width else text[: width - 1] + "…"


def matched(e: Evidence) -> str:
    """The words of the rendering that line up with the claim, with … where the rendering
    goes on before or after them."""
    if not e.diff:
        return e.text
    lo, hi = e.diff[0].a_start, e.diff[-1].a_end
    return ("…" if e.text[:lo].strip() else "") + e.text[lo:hi] + ("…" if e.text[hi:].strip(" ,.") else "")


def _where(e: Evidence) -> str:
    outlet = e.outlet or "unknown outlet"
    return f"{outlet}, {e.doc} line {e.line} (characters {e.match_start}-{e.match_end})"


def explain(v: Verdict) -> str:
    """The verdict in plain words for an editor: the claim, the nearest source rendering with
    its outlet, the differences marked, the verdict and what to do."""
    e = v.evidence
    head = _HEADLINE[v.outcome]
    if v.outcome is Outcome.DIVERGENT and e is not None:
        kinds = list(dict.fromkeys(c.type.value for c in e.changes))
        head += f" ({', '.join(kinds)})."
    elif v.outcome is Outcome.CLOSE and e is not None:
        head += f" ({', '.join(e.supported_by)})."
    elif v.outcome is Outcome.MISATTRIBUTED and e is not None:
        head += f": {e.speaker or 'an unnamed source'}, not {v.speaker}."
    elif v.outcome is Outcome.NOT_A_QUOTE:
        head += f": {v.reason}."
    elif v.outcome is Outcome.NOT_FOUND:
        head += "."
    lines = [head, f"  Claim:  “{v.text}”" + (f" ({v.speaker})" if v.speaker else "")]
    if e is not None:
        who = e.speaker or "no speaker named"
        if e.via:
            who += f", via {e.via}"
        label = {Outcome.NOT_FOUND: "Nearest", Outcome.NOT_A_QUOTE: "Outlet's own words"}.get(v.outcome, "Source")
        if v.outcome is Outcome.NOT_A_QUOTE:
            who = "quoted from no one"
        lines.append(f"  {label}: “{clip(matched(e))}” ({who})")
        lines.append(f"          {_where(e)}")
        if e.changes:
            lines.append(f"  Differences: {marked_diff(e)}")
            for c in e.changes:
                lines.append(f"    - {change_line(c)}")
    others = [o for o in v.renderings if o is not e]
    if others:
        lines.append("  Other renderings:")
        for o in others:
            lines.append(
                f"    - {o.outlet or o.doc} ({o.outcome.value}, {o.similarity:.0f}/100, {o.speaker or 'no speaker'}): "
                f"“{clip(matched(o), _OTHER_WIDTH)}”"
            )
    lines.extend(f"  Note: {n}" for n in v.notes)
    if v.outcome in _ADVICE:
        lines.append(f"  What to do: {_ADVICE[v.outcome]}")
    return "\n".join(lines)


def change_line(c: Change) -> str:
    """One typed change: ``negation: “shrinking” for “growing” (source characters 515-522)``."""
    note = f"; {c.note}" if c.note else ""
    return f"{c.type.value}: {c.words()} (source characters {c.source_start}-{c.source_end}){note}"


def clip(text: str, width: int = _SOURCE_WIDTH) -> str:
    """``text`` on one line, cut at the end with "…" when longer than ``width``."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def evidence_record(e: Evidence) -> dict[str, Any]:
    """An evidence as a JSON-ready dict."""
    return {
        "outcome": e.outcome.value,
        "outlet": e.outlet,
        "doc": e.doc,
        "start": e.start,
        "end": e.end,
        "match_start": e.match_start,
        "match_end": e.match_end,
        "line": e.line,
        "kind": e.kind.value if e.kind is not None else None,
        "speaker": e.speaker,
        "speaker_id": e.speaker_id,
        "via": e.via,
        "speaker_agrees": e.speaker_agrees,
        "text": e.text,
        "similarity": e.similarity,
        "diff": [
            {
                "op": d.op,
                "source": d.a_text,
                "claim": d.b_text,
                "source_span": [d.a_start, d.a_end],
                "claim_span": [d.b_start, d.b_end],
            }
            for d in e.diff
        ],
        "flags": [f.to_dict() for f in e.flags],
        "changes": [change_record(c) for c in e.changes],
        "supported_by": list(e.supported_by),
    }


def change_record(c: Change) -> dict[str, Any]:
    """A typed change as a JSON-ready dict: its type, the claim's and the source's words and offsets."""
    return {
        "type": c.type.value,
        "claim": c.claim_text,
        "claim_span": [c.claim_start, c.claim_end],
        "source": c.source_text,
        "source_span": [c.source_start, c.source_end],
        "note": c.note or None,
    }


def verdict_record(v: Verdict) -> dict[str, Any]:
    """A verdict as a JSON-ready dict: outcome, ok, the claim, the evidence, all renderings."""
    return {
        "claim": v.claim,
        "text": v.text,
        "speaker": v.speaker,
        "verdict": v.outcome.value,
        "ok": v.ok,
        "strict": v.strict,
        "reason": v.reason,
        "evidence": evidence_record(v.evidence) if v.evidence else None,
        "renderings": [evidence_record(e) for e in v.renderings],
        "notes": list(v.notes),
    }


def render_verdicts(verdicts: Sequence[Verdict], fmt: ReportFormat | str) -> str:
    """Verdicts as plain-words reports (``table``) or JSON (``json``)."""
    if fmt == "json":
        records = [verdict_record(v) for v in verdicts]
        return json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2) + "\n"
    return "\n\n".join(explain(v) for v in verdicts) + "\n"


def render_check(results: Sequence[tuple[Quote, Verdict]], fmt: ReportFormat | str) -> str:
    """A draft's report: one entry per quote (where it is in the draft, then the verdict); the table's
    summary counts the drafts that could not be read (``CheckResults.diagnostics``)."""
    if fmt == "json":
        records = [
            {"draft": q.doc, "line": q.line, "start": q.start, "end": q.end, "kind": q.kind.value, **verdict_record(v)}
            for q, v in results
        ]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    problems: Sequence[Diagnostic] = getattr(results, "diagnostics", ())
    unread = f"; {_count(len(problems), 'file')} could not be read" if problems else ""
    if not results:
        return f"no quotes found in the draft{unread}\n"
    blocks = [report_block(v, f"{q.doc}:{q.line} ({q.kind.value})") for q, v in results]
    return "\n\n".join(blocks) + "\n\n" + summary([v for _, v in results], "quotes checked") + unread + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def report_block(v: Verdict, where: str) -> str:
    """One verdict's report under an ``ok``/``FAIL`` line naming where the claim is."""
    return f"{'ok  ' if v.ok else 'FAIL'} {where}\n" + explain(v)


def summary(verdicts: Sequence[Verdict], what: str) -> str:
    """``N <what>, N ok, N failed``."""
    failed = sum(not v.ok for v in verdicts)
    return f"{len(verdicts)} {what}, {len(verdicts) - failed} ok, {failed} failed"

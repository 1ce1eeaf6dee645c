"""Reports: verdicts in plain words for an editor, as a Markdown table, CSV, JSON or JSON lines.

Input: ``Verdict`` records, a draft's ``(Quote, Verdict)`` pairs, or a claims file's ``Checked`` results.
Output: text in the requested ``Format`` (the library never prints; the CLI writes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..forms import shorten
from ..render import Format, csv_text, escape_controls, grid, json_text, jsonl_text
from ..types import Change, Diagnostic, Evidence, Outcome, Quote, Verdict

if TYPE_CHECKING:
    from .batch import Checked

#: Output formats of ``quotes verify`` and ``quotes check``: the family every command shares.
ReportFormat = Format

#: Longest text an explanation shows, in columns, shortened in the middle (``render.shorten``): the
#: marked differences, the source rendering, and each other rendering (one line of a wide terminal).
_DIFF_WIDTH = 400
_SOURCE_WIDTH = 240
_OTHER_WIDTH = 110
#: Longest claim, source and differences shown in a Markdown cell, in columns.
_CELL_WIDTH = 90

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
    return shorten(" ".join(p for p in parts if p), width)


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
        lines.append(f"  {label}: “{shorten(matched(e), _SOURCE_WIDTH)}” ({who})")
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
                f"“{shorten(matched(o), _OTHER_WIDTH)}”"
            )
    lines.extend(f"  Note: {n}" for n in v.notes)
    if v.outcome in _ADVICE:
        lines.append(f"  What to do: {_ADVICE[v.outcome]}")
    return "\n".join(lines)


def change_line(c: Change) -> str:
    """One typed change: ``negation: “shrinking” for “growing” (source characters 515-522)``."""
    note = f"; {c.note}" if c.note else ""
    return f"{c.type.value}: {c.words()} (source characters {c.source_start}-{c.source_end}){note}"


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


#: The fields of a verdict's record (``verdict_record``), in order: the CSV columns of ``quotes verify``.
VERDICT_FIELDS = ("claim", "text", "speaker", "verdict", "ok", "strict", "reason", "evidence", "renderings", "notes")
#: The fields of a quote's record in ``quotes check``: its place in the draft, then the verdict's.
CHECK_FIELDS = ("draft", "line", "start", "end", "kind", *VERDICT_FIELDS)
#: The fields of a claim's record in ``quotes verify --claims``: its line in the claims file, then the verdict's.
CLAIM_FIELDS = ("line", *VERDICT_FIELDS)


def check_record(q: Quote, v: Verdict) -> dict[str, Any]:
    """A draft's quote and its verdict as a JSON-ready dict (``CHECK_FIELDS``)."""
    return {"draft": q.doc, "line": q.line, "start": q.start, "end": q.end, "kind": q.kind.value, **verdict_record(v)}


def verdict_row(v: Verdict) -> dict[str, object]:
    """A verdict as a row of a Markdown table: result, verdict, the claim, the source rendering, who and where."""
    e = v.evidence
    return {
        "result": "ok" if v.ok else "FAIL",
        "verdict": v.outcome.value,
        "claim": shorten(v.text, _CELL_WIDTH),
        "speaker": v.speaker or "",
        "source": shorten(matched(e), _CELL_WIDTH) if e else "",
        "said by": (e.speaker or "") if e else "",
        "outlet": (e.outlet or "") if e else "",
        "where": f"{e.doc}:{e.line}" if e else "",
        "differences": shorten("; ".join(change_line(c) for c in e.changes), _CELL_WIDTH) if e else "",
    }


def _report(
    records: Sequence[dict[str, Any]],
    fields: Sequence[str],
    rows: Sequence[dict[str, object]],
    fmt: Format | str,
    *,
    text: str,
    tally: str = "",
) -> str:
    """What every verdict report shares: JSON lines, CSV (``fields``), a Markdown table of ``rows`` with the
    ``tally`` line under it, or ``text`` (the plain-words reports) for a terminal, control characters escaped."""
    if fmt == Format.JSONL:
        return jsonl_text(records)
    if fmt == Format.CSV:
        return csv_text(records, fields)
    if fmt == Format.MARKDOWN:
        return grid(rows, markdown=True) + (f"\n{escape_controls(tally)}\n" if tally else "")
    return escape_controls(text, newlines=True)


def render_verdicts(verdicts: Sequence[Verdict], fmt: ReportFormat | str) -> str:
    """Verdicts as plain-words reports (``table``), a Markdown table, CSV, JSON (one object for one
    verdict, else a list) or JSON lines; records are ``verdict_record``'s."""
    records = [verdict_record(v) for v in verdicts]
    if fmt == Format.JSON:
        return json_text(records[0] if len(records) == 1 else records)
    tally = summary(verdicts, "claims verified") if len(verdicts) > 1 else ""
    text = "\n\n".join(explain(v) for v in verdicts) + "\n"
    return _report(records, VERDICT_FIELDS, [verdict_row(v) for v in verdicts], fmt, text=text, tally=tally)


def check_summary(results: Sequence[tuple[Quote, Verdict]]) -> dict[str, int]:
    """The counts of a draft's check: quotes, ok, failed, and files that could not be read
    (``CheckResults.diagnostics``)."""
    problems: Sequence[Diagnostic] = getattr(results, "diagnostics", ())
    failed = sum(not v.ok for _, v in results)
    return {"quotes": len(results), "ok": len(results) - failed, "failed": failed, "unread": len(problems)}


def render_check(results: Sequence[tuple[Quote, Verdict]], fmt: ReportFormat | str) -> str:
    """A draft's report: one entry per quote (where it is in the draft, then the verdict), and a summary
    that counts the drafts that could not be read (``CheckResults.diagnostics``).

    JSON is ``{"summary": check_summary(...), "results": [check_record, ...]}``; JSON lines and CSV
    have one ``check_record`` per quote; Markdown a table with the summary under it.
    """
    counts = check_summary(results)
    records = [check_record(q, v) for q, v in results]
    if fmt == Format.JSON:
        return json_text({"summary": counts, "results": records})
    unread = f"; {_count(counts['unread'], 'file')} could not be read" if counts["unread"] else ""
    if not results and fmt in (Format.TABLE, Format.MARKDOWN):
        return f"no quotes found in the draft{unread}\n"
    tally = summary([v for _, v in results], "quotes checked") + unread
    blocks = [report_block(v, f"{q.doc}:{q.line} ({q.kind.value})") for q, v in results]
    rows = [{"draft": f"{q.doc}:{q.line}", "kind": q.kind.value, **verdict_row(v)} for q, v in results]
    return _report(records, CHECK_FIELDS, rows, fmt, text="\n\n".join(blocks) + "\n\n" + tally + "\n", tally=tally)


def claims_summary(checked: Sequence[Checked], problems: Sequence[Diagnostic] = ()) -> dict[str, int]:
    """The counts of ``quotes verify --claims``: claims verified, ok, failed, and bad lines skipped."""
    failed = sum(not c.verdict.ok for c in checked)
    return {"claims": len(checked), "ok": len(checked) - failed, "failed": failed, "bad_lines": len(problems)}


def streams(fmt: Format | str) -> bool:
    """Whether ``quotes verify --claims`` prints each claim's result as it comes in ``fmt`` (``table``,
    ``jsonl``), rather than all of them at the end (``render_claims``)."""
    return fmt in (Format.TABLE, Format.JSONL)


def render_checked(item: Checked, fmt: ReportFormat | str) -> str:
    """One claim's result as it comes: a JSON line (``jsonl``: the verdict's record with ``line``), or the
    plain-words report under a ``ok``/``FAIL`` line with the claim's file and line (``table``)."""
    if fmt == Format.JSONL:
        return jsonl_text([item.to_dict()])
    where = f"{item.claim.source}:{item.claim.line}" if item.claim.source else f"claim {item.claim.line}"
    return escape_controls(report_block(item.verdict, where) + "\n\n", newlines=True)


def batch_summary(checked: Sequence[Checked], problems: Sequence[Diagnostic] = ()) -> str:
    """One line: claims verified, passed, failed, and lines skipped."""
    line = summary([c.verdict for c in checked], "claims verified")
    return line + (f", {len(problems)} bad lines skipped" if problems else "") + "\n"


def render_claims(checked: Sequence[Checked], problems: Sequence[Diagnostic], fmt: ReportFormat | str) -> str:
    """All the results of ``quotes verify --claims`` at once: JSON ``{"summary": claims_summary(...),
    "results": [...]}``, CSV (``CLAIM_FIELDS``) or a Markdown table with the summary under it; in the
    formats that stream (``streams``), the summary line alone (``table``) or nothing (``jsonl``)."""
    records = [c.to_dict() for c in checked]
    if fmt == Format.JSON:
        return json_text({"summary": claims_summary(checked, problems), "results": records})
    if fmt == Format.JSONL:
        return ""
    tally = batch_summary(checked, problems).rstrip("\n")
    rows = [{"line": c.claim.line, **verdict_row(c.verdict)} for c in checked]
    return _report(records, CLAIM_FIELDS, rows, fmt, text=tally + "\n", tally=tally)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def report_block(v: Verdict, where: str) -> str:
    """One verdict's report under an ``ok``/``FAIL`` line naming where the claim is."""
    return f"{'ok  ' if v.ok else 'FAIL'} {where}\n" + explain(v)


def summary(verdicts: Sequence[Verdict], what: str) -> str:
    """``N <what>, N ok, N failed``."""
    failed = sum(not v.ok for v in verdicts)
    return f"{len(verdicts)} {what}, {len(verdicts) - failed} ok, {failed} failed"

"""Report: an alignment as a table, Markdown, JSON, contract JSONL or one self-contained HTML page.

Input: an ``Alignment`` (``align.align_corpus``). Output: text (the library never prints; the CLI writes it).
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tabulate import tabulate

from . import diverge
from .align import SERIOUS, Alignment, flag_key
from .render import escape_controls, jsonl, record, safe_json, shorten
from .types import Extraction, Flag, Group, Kind, Quote

#: Longest rendering shown in a table cell, in characters.
RENDERING_WIDTH = 70


class AlignFormat(StrEnum):
    """Output formats of ``quotes align``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    JSONL = "jsonl"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class _Member:
    """One document's rendering in a group: its quotes in order, with their extraction."""

    ex: Extraction
    quotes: tuple[Quote, ...]

    @property
    def text(self) -> str:
        return " … ".join(q.text for q in self.quotes)

    @property
    def outlet(self) -> str:
        return self.ex.article.outlet or self.ex.article.doc

    @property
    def flags(self) -> tuple[Flag, ...]:
        """The flags of the rendering's quotes, one per type (details joined)."""
        details: dict[str, list[str]] = {}
        for q in self.quotes:
            for f in q.flags:
                if f.detail not in details.setdefault(f.type, []):
                    details[f.type].append(f.detail)
        return tuple(Flag(kind, "; ".join(ds)) for kind, ds in details.items())


#: A quote's place, ``(doc, start)``, as group members name it.
_Key = tuple[str, int]


def _quotes_by_key(alignment: Alignment) -> dict[_Key, tuple[Extraction, Quote]]:
    """Every quote of the alignment with its extraction, by ``(doc, start)``."""
    return {(q.doc, q.start): (ex, q) for ex in alignment.extractions for q in ex.quotes}


def _members(by_key: dict[_Key, tuple[Extraction, Quote]], group: Group) -> list[_Member]:
    """A group's renderings, one per document, the reference first (``by_key``: ``_quotes_by_key``)."""
    per_doc: dict[str, list[tuple[Extraction, Quote]]] = {}
    for key in group.members:
        if key in by_key:
            per_doc.setdefault(key[0], []).append(by_key[key])
    out = [
        _Member(pairs[0][0], tuple(sorted((q for _, q in pairs), key=lambda q: q.start))) for pairs in per_doc.values()
    ]
    out.sort(key=lambda m: (m.quotes[0].doc != group.reference[0], m.quotes[0].doc))
    return out


def _flag_name(key: str) -> str:
    """A label for a flag key: ``attribution (compatible)``, ``person shift``."""
    kind, _, how = key.partition(":")
    return kind.replace("_", " ") + (f" ({how})" if how else "")


def _labels(flags: Iterable[Flag]) -> str:
    counts = Counter(flag_key(f) for f in flags)
    return ", ".join(f"{k}×{n}" if n > 1 else k for k, n in counts.items())


def _speaker(q: Quote) -> str:
    who = q.speaker or "?"
    return f"{who} (via {q.via})" if q.via else who


def _single_source(alignment: Alignment) -> list[tuple[Extraction, Quote]]:
    return [(ex, q) for ex in alignment.extractions for q in ex.quotes if q.flagged("single_source")]


# Text formats


def render_alignment(alignment: Alignment, fmt: AlignFormat, *, width: int = RENDERING_WIDTH) -> str:
    """The alignment in the requested format."""
    if fmt is AlignFormat.JSONL:
        return jsonl(alignment.extractions)
    if fmt is AlignFormat.JSON:
        return safe_json(json.dumps(alignment_json(alignment), ensure_ascii=False, indent=2)) + "\n"
    if fmt is AlignFormat.HTML:
        return alignment_html(alignment)
    return _blocks(alignment, markdown=fmt is AlignFormat.MARKDOWN, width=width)


def alignment_json(alignment: Alignment) -> dict[str, Any]:
    """Groups with their member records (flags included), and the single-source quotes."""
    by_key = _quotes_by_key(alignment)
    return {
        "groups": [
            {
                "id": g.id,
                "speaker": g.speaker,
                "speaker_id": g.speaker_id,
                "reference": {"doc": g.reference[0], "start": g.reference[1]},
                "members": [record(by_key[k][1]) for k in g.members if k in by_key],
            }
            for g in alignment.groups
        ],
        "single_source": [record(q) for _, q in _single_source(alignment)],
    }


def _cells(row: dict[str, str]) -> dict[str, str]:
    """A table row with control characters escaped (``render.escape_controls``)."""
    return {k: escape_controls(v) for k, v in row.items()}


def _blocks(alignment: Alignment, *, markdown: bool, width: int) -> str:
    if not alignment.groups:
        return "no groups found: no remark is rendered in more than one document\n"
    out = []
    by_key = _quotes_by_key(alignment)
    for g in alignment.groups:
        members = _members(by_key, g)
        rows = []
        for m in members:
            for q in m.quotes:
                is_ref = (q.doc, q.start) == g.reference
                rows.append(
                    _cells(
                        {
                            "outlet": m.outlet + (" (reference)" if is_ref else ""),
                            "speaker": _speaker(q),
                            "kind": q.kind.value,
                            "rendering": shorten(q.text, width),
                            "flags": _labels(q.flags),
                            "where": f"{q.doc}:{q.line}",
                        }
                    )
                )
        who = escape_controls(f"{g.id}: {g.speaker or 'unknown speaker'}, {len(members)} documents")
        if markdown:
            rows = [{k: str(v).replace("|", "\\|") for k, v in r.items()} for r in rows]
            head = f"### {who}"
            out.append(head + "\n\n" + str(tabulate(rows, headers="keys", tablefmt="github")) + "\n")
        else:
            head = f"group {who}"
            out.append(head + "\n" + str(tabulate(rows, headers="keys")) + "\n")
    lone = _single_source(alignment)
    if lone:
        rows = [
            _cells(
                {
                    "outlet": ex.article.outlet or "",
                    "speaker": _speaker(q),
                    "quote": shorten(q.text, width),
                    "where": f"{q.doc}:{q.line}",
                }
            )
            for ex, q in lone
        ]
        title = "### single source\n\n" if markdown else "single source (only one outlet reports these)\n"
        out.append(title + str(tabulate(rows, headers="keys", tablefmt="github" if markdown else "simple")) + "\n")
    return "\n".join(out)


# HTML

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
header{background:#1d2330;color:#fff;padding:16px 28px}
header h1{margin:0 0 4px;font-size:20px}
header p{margin:0;color:#c5cad6}
main{padding:16px 28px}
.legend span{margin-right:6px}
section.group{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;margin:0 0 18px;padding:12px 16px}
section.group.conflict{border-left:6px solid #c62828}
section.group h2{font-size:15px;margin:0 0 8px;display:flex;gap:8px;flex-wrap:wrap;align-items:center}
section.group h2 code{color:#5b6275;font-weight:normal}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:10px}
.col{border:1px solid #dde1e8;border-radius:6px;padding:8px 10px;background:#fbfcfd}
.col.ref{background:#f1f6ff;border-color:#9db7e8}
.meta{font-size:13px;color:#4a5163;margin-bottom:6px}
.meta b{color:#1d2330;font-size:14px}
.text{font-family:Georgia,'Times New Roman',serif;font-size:15.5px}
.text .part+.part::before{content:' … ';color:#8a90a0}
mark{background:#ffe58a;border-radius:2px;padding:0 1px}
ins{background:#c8f2c8;text-decoration:none;border-radius:2px;padding:0 1px}
del{background:#ffd6d6;color:#8a1c1c;border-radius:2px;padding:0 1px}
.hot{outline:2px solid #c62828;outline-offset:1px}
.flags{margin-top:6px;display:flex;flex-wrap:wrap;gap:4px}
.label{display:inline-block;font:600 11.5px/1.6 system-ui,sans-serif;padding:0 7px;border-radius:10px;
  background:#e3e6ec;color:#333}
.label.serious{background:#c62828;color:#fff}
.label.text{background:#f3b63f;color:#2b2000}
.label.info{background:#5b7db8;color:#fff}
details{font-size:12.5px;color:#4a5163;margin-top:4px}
details li{margin:2px 0}
.kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#6a7186}
table.lone{border-collapse:collapse;background:#fff;width:100%}
table.lone td,table.lone th{border-bottom:1px solid #e3e6ec;padding:5px 8px;text-align:left;vertical-align:top;
  font-size:14px}
"""

_TEXT_FLAGS = ("wording", "omission", "addition")


def _h(text: str) -> str:
    """Text for the page: HTML-escaped, control characters shown escaped (``render.escape_controls``)."""
    return html.escape(escape_controls(text, newlines=True))


def _label_class(key: str) -> str:
    """The CSS class of a flag label: ``serious`` (red, ``SERIOUS``), ``text`` or ``info``."""
    if key in SERIOUS:
        return "serious"
    return "text" if key in _TEXT_FLAGS else "info"


def _label_html(flags: Sequence[Flag]) -> str:
    """Labels, one per flag type, with the details in a tooltip and a list under them."""
    if not flags:
        return ""
    labels = []
    for f in flags:
        key = flag_key(f)
        name = _h(_flag_name(key))
        labels.append(f'<span class="label {_label_class(key)}" title="{_h(f.detail)}">{name}</span>')
    items = "".join(f"<li><b>{_h(f.type)}</b>: {_h(f.detail)}</li>" for f in flags)
    return f'<div class="flags">{"".join(labels)}</div><details><summary>evidence</summary><ul>{items}</ul></details>'


def _member_html(ref: _Member, m: _Member, *, is_ref: bool) -> str:
    """One column: outlet, speaker, kind, the rendering with its differences from the reference, flags."""
    q0 = m.quotes[0]
    kinds = "/".join(dict.fromkeys(q.kind.value for q in m.quotes))
    where = ", ".join(f"{q.doc}:{q.line}" for q in m.quotes)
    meta = (
        f'<div class="meta"><b>{_h(m.outlet)}</b>{" · reference" if is_ref else ""}<br>'
        f'{_h(_speaker(q0))} · <span class="kind">{_h(kinds)}</span><br>'
        f"<small>{_h(where)}</small></div>"
    )
    if is_ref:
        body = "".join(f'<span class="part">{_h(q.text)}</span>' for q in m.quotes)
        return f'<div class="col ref">{meta}<div class="text">{body}</div></div>'
    text = m.text
    paraphrase = Kind.INDIRECT in {q.kind for q in m.quotes + ref.quotes}
    hot = [
        s
        for e in diverge.evidence(ref.text, text, paraphrase=paraphrase)
        if e.type in SERIOUS
        for s in e.b_spans
        if s[0] < s[1]
    ]
    spans: list[tuple[int, int, str]] = []
    pieces: list[str] = []
    at = 0
    for op in diverge.word_diff(ref.text, text):
        if op.op == "equal":
            continue
        if op.op in ("replace", "insert") and op.b_start < op.b_end:
            cls = ".hot" if any(a < op.b_end and op.b_start < b for a, b in hot) else ""
            spans.append((op.b_start, op.b_end, ("mark" if op.op == "replace" else "ins") + cls))
        if op.op == "delete" and op.a_text.strip():
            spans.append((op.b_start, op.b_start, "del:" + op.a_text))
    # Render, putting deleted reference words in place as <del>.
    for start, end, tag in sorted(spans):
        if start < at:
            continue
        pieces.append(_h(text[at:start]))
        if tag.startswith("del:"):
            pieces.append(f' <del title="left out">{_h(tag[4:])}</del> ')
            at = start
            continue
        name, _, cls = tag.partition(".")
        attr = f' class="{cls}"' if cls else ""
        pieces.append(f"<{name}{attr}>{_h(text[start:end])}</{name}>")
        at = end
    pieces.append(_h(text[at:]))
    body = "".join(pieces).replace(_h(" … "), '<span style="color:#8a90a0"> … </span>')
    return f'<div class="col">{meta}<div class="text">{body}</div>{_label_html(m.flags)}</div>'


def alignment_html(alignment: Alignment, *, title: str = "Quote alignment") -> str:
    """One self-contained page: each group's renderings side by side, differences highlighted, flags as labels.

    No script, no external resource; every piece of article text is escaped.
    """
    docs = len(alignment.extractions)
    flags = [f for g in alignment.groups for _, fs in g.flags for f in fs]
    counts = Counter(flag_key(f) for f in flags)
    summary = ", ".join(f"{n} {_flag_name(k)}" for k, n in counts.most_common()) or "no divergence"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_h(title)}</h1><p>{docs} documents · {len(alignment.groups)} remarks rendered by"
        f" more than one · {_h(summary)}</p></header><main>",
        '<p class="legend"><span class="label serious">meaning or source conflict</span>'
        '<span class="label text">wording / omission / addition</span>'
        '<span class="label info">compatible attribution, kind shift</span> '
        "in each rendering: <mark>other words</mark> <ins>added</ins> <del>left out</del>; "
        '<mark class="hot">outlined</mark>: the words behind a red label. Groups with conflicts come first.</p>',
    ]
    by_key = _quotes_by_key(alignment)
    for g in alignment.groups:
        members = _members(by_key, g)
        if not members:
            continue
        group_flags = [f for m in members for f in m.flags]
        conflict = any(flag_key(f) in SERIOUS for f in group_flags)
        speaker = _h(g.speaker or "unknown speaker")
        badges = "".join(
            f'<span class="label {_label_class(k)}">{_h(_flag_name(k))}{f" ×{n}" if n > 1 else ""}</span>'
            for k, n in Counter(flag_key(f) for f in group_flags).items()
        )
        cols = "".join(_member_html(members[0], m, is_ref=n == 0) for n, m in enumerate(members))
        parts.append(
            f'<section class="group{" conflict" if conflict else ""}" id="{_h(g.id)}">'
            f"<h2>{speaker} <code>{_h(g.id)}</code> {len(members)} outlets {badges}</h2>"
            f'<div class="cols">{cols}</div></section>'
        )
    lone = _single_source(alignment)
    if lone:
        rows = "".join(
            f"<tr><td>{_h(ex.article.outlet or ex.article.doc)}</td><td>{_h(_speaker(q))}</td>"
            f'<td class="text">{_h(q.text)}</td>'
            f"<td><small>{_h(f'{q.doc}:{q.line}')}</small></td></tr>"
            for ex, q in lone
        )
        parts.append(
            '<section class="group"><h2>Single source: statements only one outlet attributes</h2>'
            '<table class="lone"><tr><th>outlet</th><th>speaker</th><th>statement</th><th>where</th></tr>'
            f"{rows}</table></section>"
        )
    parts.append("</main></body></html>\n")
    return "\n".join(parts)

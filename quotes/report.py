"""Report: an alignment as a table, Markdown, JSON, contract JSONL or one self-contained HTML page.

Input: an ``Alignment`` (``align.align_corpus``). Output: text (the library never prints; the CLI writes it).
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import quote as url_quote

from tabulate import tabulate

from . import diverge
from .align import SERIOUS, Alignment, flag_key
from .align.remarks import renderings
from .forms import shorten
from .render import Format, escape_controls, json_text, jsonl, render, speaker_label
from .types import DiffOp, Extraction, Flag, Group, Kind, Quote, merge_flags

#: Longest rendering shown in a table cell, in characters.
RENDERING_WIDTH = 70


class AlignFormat(StrEnum):
    """Output formats of ``quotes align``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
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
        return merge_flags(f for q in self.quotes for f in q.flags)


#: A quote's place, ``(doc, start)``, as group members name it.
_Key = tuple[str, int]


def _quotes_by_key(alignment: Alignment) -> dict[_Key, tuple[Extraction, Quote]]:
    """Every rendering of the alignment (a quote, or each part of a quote of several remarks) with its extraction,
    by ``(doc, start)`` as group members name it."""
    return {(q.doc, q.start): (ex, q) for ex in alignment.extractions for q in renderings(ex)}


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


def _single_source(alignment: Alignment) -> list[tuple[Extraction, Quote]]:
    return [(ex, q) for ex in alignment.extractions for q in ex.quotes if q.flagged("single_source")]


# Text formats


def render_alignment(
    alignment: Alignment,
    fmt: AlignFormat,
    *,
    width: int = RENDERING_WIDTH,
    inputs: Sequence[str] | None = None,
    now: datetime | None = None,
) -> str:
    """The alignment in the requested format (``inputs`` and ``now``: the run, for the HTML page's footer)."""
    if fmt is AlignFormat.JSONL:
        return jsonl(alignment.extractions)
    if fmt is AlignFormat.CSV:
        return render(alignment.extractions, Format.CSV)
    if fmt is AlignFormat.JSON:
        return json_text(alignment_json(alignment))
    if fmt is AlignFormat.HTML:
        return alignment_html(alignment, inputs=inputs, now=now)
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
                "members": [by_key[k][1].to_dict() for k in g.members if k in by_key],
            }
            for g in alignment.groups
        ],
        "single_source": [q.to_dict() for _, q in _single_source(alignment)],
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
                            "speaker": speaker_label(q),
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
                    "speaker": speaker_label(q),
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

#: Longest quoted words in a group's one-line summary, in characters; longer ones are cut in the middle.
SUMMARY_WORDS = 40
#: Inputs named in the footer; more are counted ("and 12 more").
SHOWN_INPUTS = 8

_CSS = """
*,*::before,*::after{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f4f5f7;color:#1d2330;
  overflow-wrap:anywhere}
header{background:#1d2330;color:#fff;padding:16px 28px}
header h1{margin:0 0 4px;font-size:20px}
header p{margin:0;color:#c5cad6}
main{padding:16px 28px;max-width:1400px;margin:0 auto}
footer{max-width:1400px;margin:0 auto;padding:4px 28px 24px;color:#5b6275;font-size:13px}
.legend .label{margin-right:6px}
section.group{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;margin:0 0 18px;padding:12px 16px}
section.group.conflict{border-left:6px solid #c62828}
section.group h2{font-size:15px;margin:0 0 4px;display:flex;gap:8px;flex-wrap:wrap;align-items:center}
section.group h2>*{min-width:0}
section.group h2 code{color:#5b6275;font-weight:normal}
p.summary{margin:0 0 8px;font-size:14.5px}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(270px,100%),1fr));gap:10px}
.col{min-width:0;border:1px solid #dde1e8;border-radius:6px;padding:8px 10px;background:#fbfcfd}
.col.ref{background:#f1f6ff;border-color:#9db7e8}
.meta{font-size:13px;color:#4a5163;margin-bottom:6px}
.meta b{color:#1d2330;font-size:14px}
.meta .cue{font-style:italic}
.meta .unknown,.meta .partial{color:#8a90a0}
a.where{color:#2f5597;font-size:12px}
.text{font-family:Georgia,'Times New Roman',serif;font-size:15.5px}
.text .part+.part::before{content:' … ';color:#8a90a0}
.beyond{color:#8a90a0}
mark{background:#ffe58a;border-radius:2px;padding:0 1px}
ins{background:#c8f2c8;text-decoration:none;border-radius:2px;padding:0 1px}
del{background:#ffd6d6;color:#8a1c1c;border-radius:2px;padding:0 1px}
.hot{outline:2px solid #c62828;outline-offset:1px}
.flags{margin-top:6px;display:flex;flex-wrap:wrap;gap:4px}
.label{display:inline-block;font:600 11.5px/1.6 system-ui,sans-serif;padding:0 7px;border-radius:10px;
  background:#e3e6ec;color:#333;max-width:100%}
.label.serious{background:#c62828;color:#fff}
.label.text{background:#f3b63f;color:#2b2000}
.label.info{background:#5b7db8;color:#fff}
details{font-size:12.5px;color:#4a5163;margin-top:4px}
ul.evidence{list-style:none;margin:4px 0 0;padding:0;font-size:13px}
ul.evidence li{margin:4px 0;padding:4px 6px;border-radius:4px;background:#f1f2f5}
.pair{display:block;font-family:Georgia,'Times New Roman',serif;font-size:14px;margin-top:2px}
.pair .was{color:#8a1c1c}
.pair .now{color:#1b5e20}
.pair .to{color:#6a7186;font:12px system-ui,sans-serif}
.detail{display:block;color:#6a7186;font-size:11.5px;margin-top:2px}
.kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#6a7186}
table.lone{border-collapse:collapse;background:#fff;width:100%;table-layout:fixed}
table.lone td,table.lone th{border-bottom:1px solid #e3e6ec;padding:5px 8px;text-align:left;vertical-align:top;
  font-size:14px}
"""

_TEXT_FLAGS = ("wording", "omission", "addition")
_QUOTED = (Kind.DIRECT, Kind.MIXED)


def _h(text: str) -> str:
    """Text for the page: HTML-escaped, control characters shown escaped (``render.escape_controls``)."""
    return html.escape(escape_controls(text, newlines=True))


def _shown_paths(paths: Iterable[str]) -> dict[str, str]:
    """Each path as the page shows it: a relative one as given, an absolute one relative to the folder
    above the folder all absolute paths are in (``/home/ann/seeds/a.txt`` -> ``seeds/a.txt``; a path
    ending in ``/`` is a folder).

    >>> _shown_paths(["b.txt", "/home/ann/seeds/a.txt", "/home/ann/seeds/"])
    {'b.txt': 'b.txt', '/home/ann/seeds/a.txt': 'seeds/a.txt', '/home/ann/seeds/': 'seeds/'}
    """
    given = list(dict.fromkeys(paths))
    absolute = [p for p in given if os.path.isabs(p)]
    base: str | None = None
    if absolute:
        try:
            base = os.path.dirname(os.path.commonpath([os.path.dirname(p) for p in absolute]))
        except ValueError:  # on different drives: no common folder
            base = None
    out = {}
    for p in given:
        if not os.path.isabs(p):
            out[p] = p
            continue
        shown = os.path.relpath(p, base) if base else os.path.basename(p.rstrip("/\\"))
        out[p] = shown + ("/" if p.endswith(("/", "\\")) and shown != "." else "")
    return out


def _unpath(text: str, names: Mapping[str, str]) -> str:
    """``text`` (a flag detail) with every document path in it written as the page shows it."""
    for path in sorted((p for p, shown in names.items() if p != shown), key=len, reverse=True):
        text = text.replace(path, names[path])
    return text


def _outlet(m: _Member, names: Mapping[str, str]) -> str:
    """A rendering's outlet, else its document as the page shows it."""
    return m.ex.article.outlet or names.get(m.ex.article.doc, m.ex.article.doc)


def _where_html(quotes: Sequence[Quote], names: Mapping[str, str]) -> str:
    """Links to where the quotes are (``seeds/a.txt:12``); a document given by an absolute path, or
    standard input, is named without a link (its path would not lead anywhere from the page)."""
    links = []
    for doc, line in dict.fromkeys((q.doc, q.line) for q in quotes):
        shown = names.get(doc, doc)
        label = _h(f"{shown if doc != '-' else 'standard input'}:{line}")
        if doc == "-" or os.path.isabs(doc):
            links.append(f'<span class="where">{label}</span>')
        else:
            links.append(f'<a class="where" href="{_h(url_quote(doc))}">{label}</a>')
    return ", ".join(links)


def _label_class(key: str) -> str:
    """The CSS class of a flag label: ``serious`` (red, ``SERIOUS``), ``text`` or ``info``."""
    if key in SERIOUS:
        return "serious"
    return "text" if key in _TEXT_FLAGS else "info"


def _label_html(flags: Sequence[Flag], names: Mapping[str, str]) -> str:
    """Labels, one per flag type, with the details in a tooltip."""
    if not flags:
        return ""
    labels = []
    for f in flags:
        key = flag_key(f)
        title = _h(_unpath(f.detail, names))
        labels.append(f'<span class="label {_label_class(key)}" title="{title}">{_h(_flag_name(key))}</span>')
    return f'<div class="flags">{"".join(labels)}</div>'


def _located(f: Flag, names: Mapping[str, str]) -> str:
    """Where a flag's words are: ``ref.txt[3:9] → this.txt[12:20]`` (the detail without the words,
    which the pair shows), or the detail itself for a flag without structured fields."""
    if f.doc is None or f.other_doc is None:
        return _unpath(f.detail, names)
    there = f"{names.get(f.other_doc, f.other_doc)}[{f.other_start}:{f.other_end}]"
    here = f"{names.get(f.doc, f.doc)}[{f.start}:{f.end}]"
    return f"{there} → {here}"


def _evidence_html(m: _Member, names: Mapping[str, str]) -> str:
    """Each flag of a rendering as a readable pair, the reference's words then this rendering's
    (the flag's ``other_text`` and ``text``), beside where they are; a flag without words shows its detail."""
    items = []
    for f in dict.fromkeys(f for q in m.quotes for f in q.flags):
        key = flag_key(f)
        label = f'<span class="label {_label_class(key)}">{_h(_flag_name(key))}</span>'
        was, now = (f.other_text or "").strip(), (f.text or "").strip()
        if not _word_change(f) and not (f.type == "attribution" and was and now):
            was = now = ""  # whole renderings (kind shift, a lone quote) are shown beside it already
        pair = ""
        if was and now:
            pair = (
                f'<span class="was">“{_h(was)}”</span> <span class="to">→</span> <span class="now">“{_h(now)}”</span>'
            )
        elif was:
            pair = f'<span class="was">“{_h(was)}”</span> <span class="to">left out</span>'
        elif now:
            pair = f'<span class="to">added</span> <span class="now">“{_h(now)}”</span>'
        pair = f'<span class="pair">{pair}</span>' if pair else ""
        items.append(f'<li>{label}{pair}<span class="detail">{_h(_located(f, names))}</span></li>')
    if not items:
        return ""
    return (
        f'<details open><summary>evidence ({len(items)})</summary><ul class="evidence">{"".join(items)}</ul></details>'
    )


def _meta_html(m: _Member, names: Mapping[str, str], *, is_ref: bool, partial: bool) -> str:
    """Outlet and date; speaker, cue, channel (``via``) and kind; links to the file and line."""
    qs = m.quotes
    date = m.ex.article.date
    when = f'<span class="date">{_h(date)}</span>' if date else '<span class="date unknown">date unknown</span>'
    who = " / ".join(dict.fromkeys(q.speaker or "unknown speaker" for q in qs))
    cues = "; ".join(dict.fromkeys(q.cue for q in qs if q.cue))
    vias = ", ".join(dict.fromkeys(q.via for q in qs if q.via))
    kinds = "/".join(dict.fromkeys(q.kind.value for q in qs))
    how = [f'<span class="speaker">{_h(who)}</span>']
    how += [f'<span class="cue">“{_h(cues)}”</span>'] if cues else []
    how += [f'<span class="via">via {_h(vias)}</span>'] if vias else []
    how += [f'<span class="kind">{_h(kinds)}</span>']
    notes = (" · reference" if is_ref else "") + (
        ' · <span class="partial">covers part of the reference</span>' if partial else ""
    )
    return (
        f'<div class="meta"><b class="outlet">{_h(_outlet(m, names))}</b> · {when}{notes}<br>'
        f"{' · '.join(how)}<br>{_where_html(qs, names)}</div>"
    )


def _edge(op: DiffOp) -> bool:
    """Whether a diff step outside the shared words is material only one side covers (``diverge.EDGE_RATIO``)."""
    if op.op != "replace":
        return True
    na, nb = len(diverge.all_words(op.a_text)), len(diverge.all_words(op.b_text))
    return max(na, nb) > diverge.EDGE_RATIO * min(na, nb)


def _covered(ops: Sequence[DiffOp]) -> tuple[list[DiffOp], bool]:
    """The diff of a rendering against the reference inside the stretch both cover, as the flags read it
    (``diverge.evidence`` with ``edges=False``): before the first and after the last shared content words,
    what only one side has is marked ``beyond`` (the rendering's words) or dropped (the reference's).

    Returns the steps and whether reference words were dropped (the rendering covers part of it).
    """
    anchors = [n for n, op in enumerate(ops) if op.op == "equal" and diverge.content_words(op.a_text)]
    out: list[DiffOp] = []
    partial = False
    for n, op in enumerate(ops):
        outside = not anchors or n < anchors[0] or n > anchors[-1]
        if op.op == "equal" or not outside or not _edge(op):
            out.append(op)
            continue
        partial = partial or bool(diverge.content_words(op.a_text))
        out.append(replace(op, op="beyond"))
    return out, partial


def _member_html(ref: _Member, m: _Member, names: Mapping[str, str], *, is_ref: bool) -> str:
    """One column: the rendering's metadata, its words with their differences from the reference, its flags."""
    if is_ref:
        body = "".join(f'<span class="part">{_h(q.text)}</span>' for q in m.quotes)
        meta = _meta_html(m, names, is_ref=True, partial=False)
        return f'<div class="col ref">{meta}<div class="text">{body}</div></div>'
    text = m.text
    paraphrase = Kind.INDIRECT in {q.kind for q in m.quotes + ref.quotes}
    hot = [
        s
        for e in diverge.evidence(ref.text, text, paraphrase=paraphrase, edges=False)
        if e.type in SERIOUS
        for s in e.b_spans
        if s[0] < s[1]
    ]
    ops, partial = _covered(diverge.word_diff(ref.text, text))
    spans: list[tuple[int, int, str]] = []
    for op in ops:
        if op.op == "beyond" and op.b_start < op.b_end:
            spans.append((op.b_start, op.b_end, "span.beyond"))
        elif op.op in ("replace", "insert") and op.b_start < op.b_end:
            cls = ".hot" if any(a < op.b_end and op.b_start < b for a, b in hot) else ""
            spans.append((op.b_start, op.b_end, ("mark" if op.op == "replace" else "ins") + cls))
        elif op.op == "delete" and op.a_text.strip():
            spans.append((op.b_start, op.b_start, "del:" + op.a_text))
    # Render, putting deleted reference words in place as <del>.
    pieces: list[str] = []
    at = 0
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
        title = ' title="beyond the words the reference covers"' if cls == "beyond" else ""
        pieces.append(f"<{name}{attr}{title}>{_h(text[start:end])}</{name}>")
        at = end
    pieces.append(_h(text[at:]))
    body = "".join(pieces).replace(_h(" … "), '<span style="color:#8a90a0"> … </span>')
    meta = _meta_html(m, names, is_ref=False, partial=partial)
    flags = _label_html(m.flags, names) + _evidence_html(m, names)
    return f'<div class="col">{meta}<div class="text">{body}</div>{flags}</div>'


# The one-line summary of a group


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _holds(m: _Member, words: str) -> bool:
    """Whether a rendering has these words, as whole words (case and spacing aside)."""
    return re.search(rf"(?<!\w){re.escape(_norm(words))}(?!\w)", _norm(m.text)) is not None


#: Which difference a group's summary names first: a conflict of source, then of meaning (a changed
#: speaking person before a changed modal, as ``I hope`` / ``President Moreau hopes`` is no longer the
#: speaker's own words), then of wording.
_SUMMARY_ORDER = (
    "attribution:conflicting",
    "negation",
    "number",
    "date",
    "person_shift",
    "modality",
    *_TEXT_FLAGS,
)


def _rank(key: str) -> int:
    """Place of a flag key in ``_SUMMARY_ORDER`` (others last)."""
    return _SUMMARY_ORDER.index(key) if key in _SUMMARY_ORDER else len(_SUMMARY_ORDER)


def _names(ms: Sequence[_Member], names: Mapping[str, str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    outlets = list(dict.fromkeys(_outlet(m, names) for m in ms))
    return outlets[0] if len(outlets) == 1 else ", ".join(outlets[:-1]) + " and " + outlets[-1]


def _next_word(text: str, at: int) -> str:
    """The word after offset ``at`` of ``text`` (spaces skipped), or ``""`` when punctuation or the end comes first."""
    found = re.match(r"\s*([^\W_][\w'’-]*)", text[at : at + 60])
    return found.group(1) if found else ""


def _in_context(f: Flag, ref: _Member, m: _Member) -> tuple[str, str]:
    """A changed pair of words with the next word when both sides go on with it, so that a summary reads
    ``“I hope” … “President Moreau hopes”`` rather than ``“I” … “President Moreau”``."""
    was, now = (f.other_text or "").strip(), (f.text or "").strip()
    if not (was and now and f.end is not None and f.other_end is not None):
        return was, now
    if f.doc != m.ex.article.doc or f.other_doc != ref.ex.article.doc:
        return was, now
    after_now, after_was = _next_word(m.ex.article.text, f.end), _next_word(ref.ex.article.text, f.other_end)
    same = diverge.content_words(after_now)
    if same and same == diverge.content_words(after_was):
        return f"{was} {after_was}", f"{now} {after_now}"
    return was, now


def _labels_of(counts: Counter[str]) -> str:
    """Flag keys with their counts: ``kind shift ×2, attribution (compatible)``."""
    return ", ".join(f"{_flag_name(k)} ×{n}" if n > 1 else _flag_name(k) for k, n in counts.most_common())


def _word_change(f: Flag) -> bool:
    """Whether a flag is a change of words between two renderings (a text flag located on both sides), not a
    difference of kind, speaker or framing, whose evidence is whole renderings or speaker mentions."""
    return f.type in diverge.TEXT_FLAGS and f.other_doc is not None


def _group_summary(members: Sequence[_Member], names: Mapping[str, str]) -> str:
    """One line on a group: how many outlets, then its first difference in ``_SUMMARY_ORDER``, in words.

    ``4 outlets; Daily Courier says “President Moreau hopes” where Morning Post and Evening Star
    quote “I hope”; 14 more differences``. ``members`` come reference first (``_members``).
    """
    ref, others = members[0], members[1:]
    outlets = len({_outlet(m, names) for m in members})
    head = f"{outlets} outlet{'s' if outlets != 1 else ''}"
    changes: dict[tuple[str, str, str], tuple[Flag, list[int]]] = {}
    plain: dict[tuple[str, str], list[int]] = {}
    for n, m in enumerate(others, start=1):
        for f in (f for q in m.quotes for f in q.flags):
            key, was, now = flag_key(f), (f.other_text or "").strip(), (f.text or "").strip()
            worded = _word_change(f) and (was or now)
            at = changes.setdefault((key, was, now), (f, []))[1] if worded else plain.setdefault((key, f.detail), [])
            if n not in at:
                at.append(n)
    conflicting = [m for m in others if any(flag_key(f) == "attribution:conflicting" for f in m.flags)]
    more = len(changes) + len(plain) - (1 if conflicting or changes else 0)
    tail = f"; {more} more difference{'s' if more != 1 else ''}" if more > 0 else ""
    if conflicting:
        speakers = " / ".join(dict.fromkeys(q.speaker or "no one" for m in conflicting for q in m.quotes))
        credit = "credits" if len(conflicting) == 1 else "credit"
        theirs = f"{_outlet(ref, names)} to {ref.quotes[0].speaker or 'no one'}"
        return f"{head}; {_names(conflicting, names)} {credit} it to {speakers}, {theirs}{tail}"
    if not changes:
        if not plain:
            return f"{head}; no difference flagged"
        kinds = Counter(key for (key, _), at in plain.items() for _ in at)
        return f"{head}; no changed words flagged; " + _labels_of(kinds)
    (key, _, _), (f, at) = min(changes.items(), key=lambda kv: (_rank(kv[0][0]), -len(kv[1][1])))
    ms = [members[n] for n in at]
    who, one = _names(ms, names), len(ms) == 1
    was, now = _in_context(f, ref, ms[0])
    was_, now_ = shorten(was, SUMMARY_WORDS), shorten(now, SUMMARY_WORDS)
    if was and now:
        holders = [m for n, m in enumerate(members) if n not in at and _holds(m, was)] or [ref]
        everyone = len(holders) > 1 and len(holders) == len(members) - len(ms)
        quoted = all(q.kind in _QUOTED for m in holders for q in m.quotes)
        verb = ("quote" if quoted else "have") if len(holders) > 1 else ("quotes" if quoted else "has")
        line = f"{who} {'says' if one else 'say'} “{now_}” where {'others' if everyone else _names(holders, names)}"
        line += f" {verb} “{was_}”"
    elif was:
        line = f"{who} {'leaves' if one else 'leave'} out “{was_}”"
    else:
        line = f"{who} {'adds' if one else 'add'} “{now_}”"
    return f"{head}; {line}{tail}"


# The page


def _stamp(now: datetime | None) -> str:
    """The time of the run in UTC, ISO 8601 to the second (``2025-06-09T12:00:00Z``); a naive time is taken as UTC."""
    at = now or datetime.now(UTC)
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return at.isoformat(timespec="seconds").replace("+00:00", "Z")


def _version() -> str:
    from . import __version__  # read at run time: the package imports its stages before it sets the version

    return __version__


def _footer_html(inputs: Sequence[str], names: Mapping[str, str], *, docs: int, now: datetime | None) -> str:
    """The run: the version of quotes, the inputs as given (absolute paths shortened), the time in UTC."""
    shown = [f'<code class="input">{_h(names.get(p, p))}</code>' for p in inputs[:SHOWN_INPUTS]]
    if len(inputs) > SHOWN_INPUTS:
        shown.append(f"and {len(inputs) - SHOWN_INPUTS} more")
    given = ", ".join(shown) or "no input recorded"
    stamp = _h(_stamp(now))
    return (
        f'<footer><p>Made by <span class="version">quotes {_h(_version())}</span> from {given}'
        f' ({docs} document{"s" if docs != 1 else ""}), <time datetime="{stamp}">{stamp}</time>.</p></footer>'
    )


def _lone_html(lone: Sequence[tuple[Extraction, Quote]], names: Mapping[str, str]) -> str:
    """The statements only one outlet reports: outlet and date, speaker, cue and channel, the words, where."""
    rows = []
    for ex, q in lone:
        date = ex.article.date
        when = f'<span class="date">{_h(date)}</span>' if date else '<span class="date unknown">date unknown</span>'
        how = f'<br><small class="cue">“{_h(q.cue)}”</small>' if q.cue else ""
        how += f' <small class="via">via {_h(q.via)}</small>' if q.via else ""
        outlet = ex.article.outlet or names.get(ex.article.doc, ex.article.doc)
        rows.append(
            f'<tr><td><span class="outlet">{_h(outlet)}</span><br><small>{when}</small></td>'
            f'<td><span class="speaker">{_h(q.speaker or "?")}</span>{how}</td>'
            f'<td class="text">{_h(q.text)}</td><td>{_where_html([q], names)}</td></tr>'
        )
    return (
        '<section class="group"><h2>Single source: statements only one outlet attributes</h2>'
        '<table class="lone"><colgroup><col style="width:20%"><col style="width:20%"><col style="width:40%">'
        '<col style="width:20%"></colgroup>'
        "<tr><th>outlet</th><th>speaker</th><th>statement</th><th>where</th></tr>"
        f"{''.join(rows)}</table></section>"
    )


def alignment_html(
    alignment: Alignment,
    *,
    title: str = "Quote alignment",
    inputs: Sequence[str] | None = None,
    now: datetime | None = None,
) -> str:
    """One self-contained page: each group's renderings side by side, differences highlighted, flags as labels.

    No script, no external resource; every piece of article text is escaped; paths are shown relative
    (``_shown_paths``). The footer names the run: the version of quotes, ``inputs`` as given (the
    documents read when None) and ``now`` (the time of the run, in UTC; the current time when None).
    """
    docs = [ex.article.doc for ex in alignment.extractions]
    given = list(inputs) if inputs is not None else docs
    names = _shown_paths([*docs, *given])
    flags = [f for g in alignment.groups for _, fs in g.flags for f in fs]
    counts = Counter(flag_key(f) for f in flags)
    summary = ", ".join(f"{n} {_flag_name(k)}" for k, n in counts.most_common()) or "no divergence"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_h(title)}</h1><p>{len(docs)} documents · {len(alignment.groups)} remarks rendered by"
        f" more than one · {_h(summary)}</p></header><main>",
        '<p class="legend"><span class="label serious">meaning or source conflict</span>'
        '<span class="label text">wording / omission / addition</span>'
        '<span class="label info">compatible attribution, kind shift</span> '
        "in each rendering: <mark>other words</mark> <ins>added</ins> <del>left out</del>"
        ' <span class="beyond">beyond the reference</span>; <mark class="hot">outlined</mark>: the words behind'
        " a red label. Evidence: the reference's words → this rendering's. Groups with conflicts come first.</p>",
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
        cols = "".join(_member_html(members[0], m, names, is_ref=n == 0) for n, m in enumerate(members))
        parts.append(
            f'<section class="group{" conflict" if conflict else ""}" id="{_h(g.id)}">'
            f"<h2>{speaker} <code>{_h(g.id)}</code> {badges}</h2>"
            f'<p class="summary">{_h(_group_summary(members, names))}</p>'
            f'<div class="cols">{cols}</div></section>'
        )
    lone = _single_source(alignment)
    if lone:
        parts.append(_lone_html(lone, names))
    parts.append("</main>")
    parts.append(_footer_html(given, names, docs=len(docs), now=now))
    parts.append("</body></html>\n")
    return "\n".join(parts)

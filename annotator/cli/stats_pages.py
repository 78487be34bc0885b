"""``annotator stats --format json|html`` (issue 13, docs/adr/0072): the dashboard's figures as
data for a script, or as one self-contained page (no scripts, no files beside it) with bars
drawn in SVG and every number written beside its bar."""

from __future__ import annotations

import json
from html import escape

from annotator.core.agreement import Agreement
from annotator.core.agreement_output import number
from annotator.core.dashboard import label_table, running_totals
from annotator.core.model import Status
from annotator.ops.dashboard import Dashboard

BAR = 240  # px of the longest bar
STATUS_COLOURS = {Status.NEW: "#b0b7c3", Status.IN_PROGRESS: "#e0a030", Status.DONE: "#3a9a5b"}
NOTE = (
    "Counts as the project stands: a document done and reopened since, or a span removed "
    "since, is not counted on the day it was done or made."
)


def stats_json(board: Dashboard) -> str:
    stats, activity = board.stats, board.activity
    value = {
        "documents": stats.documents,
        "spans": stats.spans,
        "relations": stats.relations,
        "by_status": {s.value: stats.by_status.get(s, 0) for s in Status},
        "by_annotator": {
            name: {s.value: counts.get(s, 0) for s in Status}
            for name, counts in stats.by_annotator.items()
        },
        "spans_by_label": dict(stats.spans_by_label),
        "spans_by_annotator_and_label": {
            name: dict(zip(board.labels(), counts, strict=True))
            for name, counts, _ in label_table(activity.spans, board.labels())
        },
        "days": [
            {"day": d.day, "annotator": d.annotator, "done": d.done, "spans": d.spans}
            for d in activity.days
        ],
        "agreement": glance_json(board.agreement),
        "note": NOTE,
    }
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


GLANCE = "over the documents both of a pair marked done (annotator agreement: every figure)"


def glance_json(result: Agreement) -> dict[str, object]:
    """Agreement at a glance: each pair's F1 (exact, overlap), κ and documents; α."""
    return {
        "pairs": [
            {
                "annotators": list(p.annotators),
                "documents": p.documents,
                "exact_f1": p.exact.f1,
                "overlap_f1": p.overlap.f1,
                "kappa": p.kappa,
            }
            for p in result.pairs
        ],
        "alpha": result.alpha,
        "alpha_documents": result.alpha_documents,
        "computed": GLANCE,
    }


def glance_lines(result: Agreement) -> list[str]:
    """The table format's agreement lines (pairs with no document in common left out)."""
    pairs = [p for p in result.pairs if p.documents]
    if not pairs:
        return ["agreement: no document marked done by two annotators yet"]
    lines = ["agreement (documents both marked done; exact F1, overlap F1, kappa):"]
    lines.extend(
        f"  {' – '.join(p.annotators)}: {number(p.exact.f1)}, {number(p.overlap.f1)}, "
        f"{number(p.kappa)} on {p.documents} document(s)"
        for p in pairs
    )
    alpha = number(result.alpha)
    lines.append(f"  Krippendorff's alpha: {alpha} on {result.alpha_documents} document(s)")
    return lines


def _agreement_section(board: Dashboard) -> str:
    pairs = [p for p in board.agreement.pairs if p.documents]
    if not pairs:
        return "<h2>Agreement</h2><p>No document is marked done by two annotators yet.</p>"
    rows = [
        (" – ".join(p.annotators), [(round(100 * (p.exact.f1 or 0)), "#4a78c2")]) for p in pairs
    ]
    body = "".join(
        f"<tr><th>{_name(p.annotators[0])} – {_name(p.annotators[1])}</th>"
        f"<td class=n>{p.documents}</td><td class=n>{number(p.exact.f1)}</td>"
        f"<td class=n>{number(p.overlap.f1)}</td><td class=n>{number(p.kappa)}</td></tr>"
        for p in pairs
    )
    alpha = board.agreement
    return (
        f"<h2>Agreement</h2><p>Each pair {escape(GLANCE)}. Krippendorff's α "
        f"{number(alpha.alpha)} on {alpha.alpha_documents} documents.</p>"
        "<h3>Exact F1 × 100</h3>"
        + _bars(rows, 100)
        + "<table class=grid><tr><th>pair</th><th>documents</th><th>exact F1</th>"
        f"<th>overlap F1</th><th>κ</th></tr>{body}</table>"
    )


def _name(name: str) -> str:
    return f"<bdi>{escape(name)}</bdi>" if name else "<i>(no name)</i>"


def _bars(rows: list[tuple[str, list[tuple[int, str]]]], scale: int) -> str:
    """A table of rows: a name, a stacked bar of (count, colour) parts, the counts."""
    out = ["<table class=bars>"]
    for name, parts in rows:
        svg, x = [], 0.0
        for n, colour in parts:
            width = BAR * n / scale if scale else 0
            svg.append(f'<rect x="{x:.1f}" width="{width:.1f}" height="14" fill="{colour}"/>')
            x += width
        numbers = " + ".join(str(n) for n, _ in parts) if len(parts) > 1 else str(parts[0][0])
        out.append(
            f'<tr><th>{_name(name)}</th><td><svg width="{BAR}" height="14">{"".join(svg)}'
            f"</svg></td><td class=n>{numbers}</td></tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def _status_section(board: Dashboard) -> str:
    stats = board.stats
    legend = " ".join(
        f'<span style="color:{STATUS_COLOURS[s]}">■</span> {escape(s.value)}' for s in Status
    )
    rows = [("all annotators", [(stats.by_status.get(s, 0), STATUS_COLOURS[s]) for s in Status])]
    rows += [
        (name, [(counts.get(s, 0), STATUS_COLOURS[s]) for s in Status])
        for name, counts in stats.by_annotator.items()
    ]
    return f"<h2>Documents by status</h2><p>{stats.documents} documents. {legend}</p>" + _bars(
        rows, max(stats.documents, 1)
    )


def _spans_section(board: Dashboard) -> str:
    labels = board.labels()
    table = label_table(board.activity.spans, labels)
    label_rows = [
        (label, [(board.stats.spans_by_label.get(label, 0), "#4a78c2")]) for label in labels
    ]
    head = "".join(f"<th>{escape(label)}</th>" for label in labels)
    body = "".join(
        f"<tr><th>{_name(name)}</th>{''.join(f'<td class=n>{n}</td>' for n in counts)}"
        f"<td class=n>{total}</td></tr>"
        for name, counts, total in table
    )
    return (
        f"<h2>Spans by label</h2><p>{board.stats.spans} spans, "
        f"{board.stats.relations} relations.</p>"
        + _bars(label_rows, max([n for _, [(n, _)] in label_rows] + [1]))
        + "<h2>Spans by annotator and label</h2>"
        + f"<table class=grid><tr><th></th>{head}<th>total</th></tr>{body}</table>"
    )


def _progress_section(board: Dashboard) -> str:
    parts = ["<h2>Progress by day</h2>", f"<p>{escape(NOTE)}</p>"]
    for what, title in (("done", "documents done"), ("spans", "spans made")):
        series = running_totals(board.activity.days, what)
        if not series:
            parts.append(f"<p>No {escape(title)} yet.</p>")
            continue
        top = max(s.totals[-1] for s in series) or 1
        parts.append(f"<h3>Running total of {escape(title)}</h3>")
        parts.append(_bars([(s.annotator, [(s.totals[-1], "#3a9a5b")]) for s in series], top))
        days = series[0].days
        head = "".join(f"<th>{escape(d)}</th>" for d in days)
        body = "".join(
            f"<tr><th>{_name(s.annotator)}</th>"
            + "".join(f"<td class=n>{n}</td>" for n in s.totals)
            + "</tr>"
            for s in series
        )
        parts.append(f"<table class=grid><tr><th></th>{head}</tr>{body}</table>")
    return "\n".join(parts)


STYLE = (
    "body{font-family:sans-serif;margin:2em;max-width:60em}"
    "table{border-collapse:collapse;margin:.5em 0}"
    "th,td{padding:2px 8px;text-align:start}td.n{text-align:end;font-variant-numeric:tabular-nums}"
    "table.grid td,table.grid th{border:1px solid #ccc}"
)


def stats_html(board: Dashboard, title: str) -> str:
    """One page: documents by status, spans by label and annotator, progress by day, the
    agreement at a glance."""
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1><bdi>{escape(title)}</bdi></h1>\n"
        + "\n".join(
            (
                _status_section(board),
                _spans_section(board),
                _progress_section(board),
                _agreement_section(board),
            )
        )
        + "\n</body></html>\n"
    )

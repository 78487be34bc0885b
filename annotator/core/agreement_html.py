"""Agreement as one self-contained HTML page (docs/adr/0074): no script, no link, every text
escaped; names, labels and titles in ``<bdi>`` (and ``dir="auto"`` cells) so Arabic keeps its
order in the Latin page."""

from __future__ import annotations

from html import escape

from annotator.core.agreement import Agreement, PairScore
from annotator.core.agreement_output import NOTHING, SCOPES, number

STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:end}"
    "th:first-child,td:first-child{text-align:start}caption{text-align:start;font-weight:bold}"
)


def _bdi(text: object) -> str:
    return f"<bdi>{escape(str(text))}</bdi>"


def _row(cells: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f'<{tag} dir="auto">{c}</{tag}>' for c in cells) + "</tr>"


def _table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    body = "".join(_row(r) for r in rows) or _row([escape(NOTHING)])
    return (
        f"<table><caption>{escape(caption)}</caption><thead>"
        f"{_row([escape(h) for h in head], 'th')}</thead><tbody>{body}</tbody></table>"
    )


def _matrix(result: Agreement) -> str:
    f1: dict[tuple[str, str], PairScore] = {}
    for p in result.pairs:
        f1[p.annotators] = f1[p.annotators[::-1]] = p
    rows = []
    for a in result.annotators:
        cells = [_bdi(a)]
        for b in result.annotators:
            pair = f1.get((a, b))
            cells.append(
                "" if pair is None else f"{number(pair.exact.f1)} / {number(pair.overlap.f1)}"
            )
        rows.append(cells)
    return _table("F1, exact / overlap", ["", *result.annotators], rows)


def _pair_tables(p: PairScore) -> str:
    name = " – ".join(p.annotators)
    labels = [
        [_bdi(label), str(s.exact.a), str(s.exact.b)]
        + [number(v) for v in (s.exact.precision, s.exact.recall, s.exact.f1)]
        + [number(v) for v in (s.overlap.precision, s.overlap.recall, s.overlap.f1)]
        for label, s in p.per_label.items()
    ]
    documents = [
        [
            _bdi(d.title),
            str(d.document_id),
            str(d.tokens),
            str(d.exact.a),
            str(d.exact.b),
            number(d.exact.f1),
            number(d.overlap.f1),
            number(d.kappa),
        ]
        for d in p.per_document
    ]
    return (
        f"<details><summary>{_bdi(name)}</summary>"
        + _table(
            f"{name}: per label (A is the reference)",
            ["label", "A", "B", "exact P", "R", "F1", "overlap P", "R", "F1"],
            labels,
        )
        + _table(
            f"{name}: per document",
            ["document", "id", "tokens", "A", "B", "exact F1", "overlap F1", "kappa"],
            documents,
        )
        + "</details>"
    )


def as_html(result: Agreement, *, documents: str, labels: tuple[str, ...] | None) -> str:
    """The page: the pairwise matrix, the pairs, α, then each pair's labels and documents."""
    pairs = [
        [
            _bdi(" – ".join(p.annotators)),
            str(p.documents),
            str(p.tokens),
            str(p.exact.a),
            str(p.exact.b),
            number(p.exact.f1),
            number(p.overlap.f1),
            number(p.kappa),
            number(p.speakers.share),
            str(p.speakers.compared),
        ]
        for p in result.pairs
    ]
    chosen = ", ".join(_bdi(label) for label in labels) if labels else "all"
    alpha = (
        f"{number(result.alpha)} over {result.alpha_documents} documents, "
        f"{result.alpha_tokens} tokens × {len(result.layers)} layer(s)"
        if result.alpha is not None
        else NOTHING
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Agreement</title><style>{STYLE}</style></head><body>"
        f"<h1>Agreement</h1><p>Annotators: {', '.join(_bdi(a) for a in result.annotators)}; "
        f"{escape(SCOPES.get(documents, documents))}; labels: {chosen}.</p>"
        + _matrix(result)
        + _table(
            "Pairs",
            [
                "pair",
                "documents",
                "tokens",
                "A",
                "B",
                "exact F1",
                "overlap F1",
                "kappa",
                "speakers",
                "quotes compared",
            ],
            pairs,
        )
        + f"<p>Krippendorff's alpha (nominal): {escape(alpha)}</p>"
        + "".join(_pair_tables(p) for p in result.pairs)
        + "</body></html>\n"
    )

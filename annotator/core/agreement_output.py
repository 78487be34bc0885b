"""Agreement written out: JSON values, CSV rows, a plain table, one HTML page (docs/adr/0074).

0/0 is None (``null`` in JSON, empty in CSV, "–" in the table and the page): nothing to
compare, never 1.0 or 0. The page is self-contained (no script, no link), every text escaped,
every name and title in ``<bdi>`` so Arabic labels and titles keep their order in a Latin page.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from annotator.core.agreement import Agreement, DocumentAlpha, DocumentScore, PairScore
from annotator.core.agreement_match import Counts

NOTHING = "nothing to compare"
SCOPES = {"done": "documents both have done", "all": "all documents", "chosen": "chosen documents"}


def counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "matched": counts.matched,
        "a": counts.a,
        "b": counts.b,
    }


def _document_json(d: DocumentScore) -> dict[str, Any]:
    return {
        "document": d.document_id,
        "title": d.title,
        "exact": counts_json(d.exact),
        "overlap": counts_json(d.overlap),
        "kappa": d.kappa,
        "tokens": d.tokens,
    }


def pair_json(pair: PairScore) -> dict[str, Any]:
    return {
        "annotators": list(pair.annotators),
        "exact": counts_json(pair.exact),
        "overlap": counts_json(pair.overlap),
        "per_label": {
            label: {"exact": counts_json(s.exact), "overlap": counts_json(s.overlap)}
            for label, s in pair.per_label.items()
        },
        "kappa": pair.kappa,
        "documents": pair.documents,
        "tokens": pair.tokens,
        "speakers": {
            "compared": pair.speakers.compared,
            "agreed": pair.speakers.agreed,
            "agreement": pair.speakers.share,
        },
        "per_document": [_document_json(d) for d in pair.per_document],
    }


def _alpha_json(d: DocumentAlpha) -> dict[str, Any]:
    return {
        "document": d.document_id,
        "title": d.title,
        "alpha": d.alpha,
        "annotators": d.annotators,
        "tokens": d.tokens,
    }


def as_json(result: Agreement, *, documents: str, labels: tuple[str, ...] | None) -> dict[str, Any]:
    """The whole report as JSON values: per pair as the issue names them, then α."""
    return {
        "annotators": list(result.annotators),
        "documents": documents,
        "labels": None if labels is None else list(labels),
        "layers": list(result.layers),
        "pairs": [pair_json(p) for p in result.pairs],
        "alpha": {
            "value": result.alpha,
            "documents": result.alpha_documents,
            "tokens": result.alpha_tokens,
            "per_document": [_alpha_json(d) for d in result.per_document_alpha],
        },
    }


def number(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


CSV_HEADER = [
    "annotator_a",
    "annotator_b",
    "scope",
    "label",
    "document",
    "exact_precision",
    "exact_recall",
    "exact_f1",
    "exact_matched",
    "overlap_precision",
    "overlap_recall",
    "overlap_f1",
    "overlap_matched",
    "spans_a",
    "spans_b",
    "kappa",
    "alpha",
    "documents",
    "tokens",
]


def _csv_value(value: float | None) -> str:
    return "" if value is None else repr(round(value, 6))


def _csv_counts(exact: Counts, overlap: Counts) -> list[str]:
    return [
        *(_csv_value(v) for v in (exact.precision, exact.recall, exact.f1)),
        str(exact.matched),
        *(_csv_value(v) for v in (overlap.precision, overlap.recall, overlap.f1)),
        str(overlap.matched),
        str(exact.a),
        str(exact.b),
    ]


def as_csv(result: Agreement) -> str:
    """One row per pair (scope ``all``), per pair and label, per pair and document, then α
    (overall and per document)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for p in result.pairs:
        a, b = p.annotators
        writer.writerow(
            [
                a,
                b,
                "all",
                "",
                "",
                *_csv_counts(p.exact, p.overlap),
                _csv_value(p.kappa),
                "",
                p.documents,
                p.tokens,
            ]
        )
        for label, s in p.per_label.items():
            counts = _csv_counts(s.exact, s.overlap)
            writer.writerow([a, b, "label", label, "", *counts, "", "", p.documents, ""])
        for d in p.per_document:
            writer.writerow(
                [
                    a,
                    b,
                    "document",
                    "",
                    d.document_id,
                    *_csv_counts(d.exact, d.overlap),
                    _csv_value(d.kappa),
                    "",
                    1,
                    d.tokens,
                ]
            )
    blank = [""] * 10
    writer.writerow(
        [
            "",
            "",
            "alpha",
            "",
            "",
            *blank,
            "",
            _csv_value(result.alpha),
            result.alpha_documents,
            result.alpha_tokens,
        ]
    )
    for da in result.per_document_alpha:
        writer.writerow(
            [
                "",
                "",
                "alpha_document",
                "",
                da.document_id,
                *blank,
                "",
                _csv_value(da.alpha),
                1,
                da.tokens,
            ]
        )
    return out.getvalue()


def _pair_name(pair: PairScore) -> str:
    return " – ".join(pair.annotators)


def as_table(result: Agreement, *, documents: str, labels: tuple[str, ...] | None) -> str:
    """Pairs, then each pair's labels, then α: what a terminal shows (per document: json,
    csv or html)."""
    title = (
        f"Agreement of {', '.join(result.annotators) or 'nobody'} over "
        f"{SCOPES.get(documents, documents)}; labels: {', '.join(labels) if labels else 'all'}"
    )
    lines = [title]
    if not result.pairs:
        return "\n".join([*lines, f"{NOTHING}: fewer than two annotators"]) + "\n"
    head = f"{'pair':<24}{'docs':>6}{'tokens':>9}{'A':>7}{'B':>7}{'exact F1':>10}{'overlap F1':>12}"
    lines.append(head + f"{'kappa':>8}{'speakers':>10}")
    for p in result.pairs:
        lines.append(
            f"{_pair_name(p):<24}{p.documents:>6}{p.tokens:>9}{p.exact.a:>7}{p.exact.b:>7}"
            f"{number(p.exact.f1):>10}{number(p.overlap.f1):>12}{number(p.kappa):>8}"
            f"{number(p.speakers.share):>10}"
        )
    for p in result.pairs:
        lines.append("")
        lines.append(f"{_pair_name(p)}: per label (A is the reference: P = matched / B's spans)")
        lines.append(
            f"{'label':<14}{'A':>7}{'B':>7}{'exact P':>9}{'R':>7}{'F1':>7}"
            f"{'overlap P':>11}{'R':>7}{'F1':>7}"
        )
        for label, s in p.per_label.items():
            e, o = s.exact, s.overlap
            lines.append(
                f"{label:<14}{e.a:>7}{e.b:>7}{number(e.precision):>9}{number(e.recall):>7}"
                f"{number(e.f1):>7}{number(o.precision):>11}{number(o.recall):>7}{number(o.f1):>7}"
            )
        if not p.per_label:
            lines.append(f"{NOTHING}: no spans on either side")
    lines.append("")
    if result.alpha is None:
        lines.append(f"Krippendorff's alpha (nominal): {NOTHING}")
    else:
        lines.append(
            f"Krippendorff's alpha (nominal): {number(result.alpha)} over "
            f"{result.alpha_documents} documents, {result.alpha_tokens} tokens"
            f" × {len(result.layers)} layer(s) ({', '.join(result.layers)})"
        )
    return "\n".join(lines) + "\n"

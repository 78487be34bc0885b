"""The store's side of the span-edge rule (annotator.core.edges, docs/adr/0035).

A span made by hand (``AddSpan`` without an id) or moved by hand (``Resize`` without
``expect``) may not start or end with white space or a direction mark. Undo and redo apply
inverses, which carry an id or ``expect``: they restore exactly what was there and are never
refused here. Imports are not edits and keep the spans of their files as they are.

The text is the one the caller read last (``KnownText``: a document's text never changes, and
its sha256 says it is the same document) or, failing that, only the two edge characters are
read (``substr``, which still makes SQLite walk the text: 13-48 ms on 5.8 M characters).
"""

from __future__ import annotations

import sqlite3

from annotator.core.edges import edge_problem, edges_problem
from annotator.core.edits import AddSpan, Composite, Edit, Resize
from annotator.core.errors import ValidationError
from annotator.store.edits_apply import KnownText, describe

__all__ = ["KnownText", "check_edges"]


def check_edges(conn: sqlite3.Connection, edit: Edit, known: KnownText | None = None) -> None:
    """ValidationError if ``edit`` makes or moves a span by hand onto white space."""
    match edit:
        case AddSpan(span=span) if span.id is None:
            _check(conn, span.document_id, span.start, span.end, describe(span), known)
        case Resize(expect=None):
            row = conn.execute(
                "SELECT document_id, label FROM spans WHERE id = ?", (edit.span_id,)
            ).fetchone()
            if row is not None:  # else apply_edit says that it does not exist
                where = f"span {edit.span_id} ({row[1]} moved to {edit.start}-{edit.end})"
                _check(conn, int(row[0]), edit.start, edit.end, where, known)
        case Composite(edits=edits):
            for sub in edits:
                check_edges(conn, sub, known)
        case _:
            pass


def _check(
    conn: sqlite3.Connection,
    document_id: int,
    start: int,
    end: int,
    where: str,
    known: KnownText | None,
) -> None:
    row = conn.execute(
        "SELECT length, text_sha256 FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None or not 0 <= start < end <= int(row[0]):
        return  # apply_edit refuses it with its own reason
    if known is not None and (known.document_id, known.sha256) == (document_id, row[1]):
        problem = edge_problem(known.text, start, end)
    else:
        first, last = conn.execute(
            "SELECT substr(text, ?, 1), substr(text, ?, 1) FROM documents WHERE id = ?",
            (start + 1, end, document_id),
        ).fetchone()
        problem = edges_problem(str(first), str(last))
    if problem is not None:
        raise ValidationError(f"{where}: {problem}; a span never starts or ends with white space")

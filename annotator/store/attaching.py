"""Attaching a second annotator's work to a document whose text is already here (ADR 0071).

An import that meets a text it already has (same sha256) skips it, spans and all; with
``attach`` (``annotator import PROJECT FILE --annotator NAME``) the document's spans,
relations and status are added to the stored document instead, as the work of their
annotator. Only what is missing is added: a span already there (same offsets, label and
annotator) is reused, so importing the same file twice attaches nothing the second time; a
status already there is kept (an import never moves someone's status back), otherwise the
file's is written. Runs inside the caller's write transaction, after the batch's new documents.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.model import AnnotatedDocument, Status
from annotator.store import list_index
from annotator.store.documents import Prepared


@dataclass(frozen=True, slots=True)
class Attached:
    """What one duplicate brought to the stored document ``document_id``."""

    document_id: int
    title: str
    annotator: str
    spans: int  # added
    already: int  # the file's spans that were there already
    relations: int  # added
    status: Status | None  # written (None: the file's was NEW, or a status was there)
    source: AnnotatedDocument  # the duplicate, as read

    @property
    def brought(self) -> bool:
        return bool(self.spans or self.relations or self.status is not None)


def attach(
    conn: sqlite3.Connection, duplicates: Iterable[Prepared], *, annotator: str, stamp: str
) -> list[Attached]:
    """Add what each duplicate has that its stored document lacks; one Attached each."""
    return [_attach_one(conn, p, annotator, stamp) for p in duplicates]


def _attach_one(conn: sqlite3.Connection, p: Prepared, annotator: str, stamp: str) -> Attached:
    doc_id, title, text = conn.execute(
        "SELECT id, title, text FROM documents WHERE text_sha256 = ?", (p.document.text_sha256,)
    ).fetchone()
    there = {
        (start, end, label, who): span_id
        for span_id, start, end, label, who in conn.execute(
            'SELECT id, start, "end", label, annotator FROM spans WHERE document_id = ?',
            (doc_id,),
        )
    }
    ids: list[int] = []
    added = 0
    for start, end, label, who, created, updated, attrs in p.spans:
        found = there.get((start, end, label, who))
        if found is None:
            cursor = conn.execute(
                'INSERT INTO spans (document_id, start, "end", label, annotator, created,'
                " updated, attributes, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, start, end, label, who, created, updated, attrs, text[start:end]),
            )
            assert cursor.lastrowid is not None
            found = there[(start, end, label, who)] = cursor.lastrowid
            added += 1
        ids.append(found)
    if added:
        list_index.count_spans(conn, doc_id, added)
    links = 0
    for type_, source, target, who in p.relations:
        pair = (type_, ids[source], ids[target])
        if conn.execute(
            "SELECT 1 FROM relations WHERE type = ? AND source_id = ? AND target_id = ?", pair
        ).fetchone():
            continue
        conn.execute(
            "INSERT INTO relations (type, source_id, target_id, annotator) VALUES (?, ?, ?, ?)",
            (*pair, who),
        )
        links += 1
    status = _status(conn, doc_id, p, annotator, stamp)
    return Attached(doc_id, title, annotator, added, len(p.spans) - added, links, status, p.source)


def _status(
    conn: sqlite3.Connection, doc_id: int, p: Prepared, annotator: str, stamp: str
) -> Status | None:
    status = Status(p.source.status)
    if status is Status.NEW:
        return None
    cursor = conn.execute(
        "INSERT OR IGNORE INTO document_status (document_id, annotator, status, updated)"
        " VALUES (?, ?, ?, ?)",
        (doc_id, annotator, status.value, stamp),
    )
    return status if cursor.rowcount else None

"""What an export reads: the documents a filter selects, in batches by keyset (docs/adr/0050).

A batch is at most ``BATCH`` documents and ``BATCH_CHARACTERS`` characters of text (always at
least one document), read in two short read transactions with five queries, whatever the batch
holds: the batch's ids and lengths (``id > last`` on the covering index ``documents_list``, never
an ``OFFSET``), then its rows, its spans, its relations and its statuses (``IN`` the batch's ids,
on the indexes of ``document_id`` and ``source_id``). An export that renders in other processes
(docs/adr/0052) finds the ids here and has each process read its batches by their ids. No
transaction is held while the caller writes a batch; a document deleted meanwhile is simply
not in the next batch. A JSONL export with suggestions reads them with the batch (two more
queries). Memory: one batch, never the project (an export of 100,000 documents
reads 200 batches).
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from annotator.core.model import Relation, Status, StoredAnnotatedDocument, StoredSpan
from annotator.store import suggestions
from annotator.store.rows import (
    DOCUMENT_COLUMNS,
    RELATION_COLUMNS,
    SPAN_COLUMNS,
    SPAN_ORDER,
    STATUS_RANK,
    as_status,
    document_from_row,
    relation_from_row,
    span_from_row,
)

BATCH = 500  # documents read at a time (docs/adr/0050: 100 to 2,000 cost alike)
BATCH_CHARACTERS = 2_000_000  # ... and at most this much text, unless one document is longer


@dataclass(frozen=True, slots=True)
class ExportRead:
    """One exported document, and what the annotator or label filter left out of it."""

    document: StoredAnnotatedDocument
    spans_left_out: int
    relations_left_out: int


class Reading(Protocol):
    def __call__(self) -> AbstractContextManager[None]: ...


def _selection(status: Status | None, annotator: str | None) -> tuple[str, list[Any]]:
    """The WHERE condition on ``documents d`` of the status filter, and its parameters: by that
    annotator's status, or (no annotator) by any annotator's."""
    if status is None:
        return "", []
    status = Status(status)
    who, params = ("AND s.annotator = ?", [annotator]) if annotator is not None else ("", [])
    if status is Status.NEW:  # NEW is no row
        return f"NOT EXISTS (SELECT 1 FROM document_status s WHERE s.document_id = d.id {who})", [
            *params
        ]
    return (
        f"EXISTS (SELECT 1 FROM document_status s WHERE s.document_id = d.id {who}"
        " AND s.status = ?)",
        [*params, status.value],
    )


def count(conn: sqlite3.Connection, *, status: Status | None, annotator: str | None) -> int:
    """How many documents the filter selects."""
    where, params = _selection(status, annotator)
    sql = "SELECT count(*) FROM documents d" + (f" WHERE {where}" if where else "")
    return int(conn.execute(sql, params).fetchone()[0])


def last_id(conn: sqlite3.Connection) -> int:
    """The newest document's id (0 in an empty project): an export goes no further, so the
    documents another program imports meanwhile are not half in it."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])


def read_batches(
    conn: sqlite3.Connection,
    reading: Reading,
    *,
    status: Status | None,
    annotator: str | None,
    labels: Collection[str] | None,
    ids: Sequence[int] | None = None,
    upto: int | None = None,
    batch: int | None = None,
    characters: int | None = None,
    suggestions: bool = False,
    annotators: Collection[str] | None = None,
) -> Iterator[list[ExportRead]]:
    """The selected documents in id order, a batch at a time (the batches of ``batch_ids``);
    each batch read inside ``reading()`` (a read transaction); ``suggestions``: each document
    with its suggestions and suggested links (a JSONL export --with-suggestions);
    ``annotators``: whose spans (None: ``annotator``'s when one is given, else everyone's)."""
    if annotators is None and annotator is not None:
        annotators = (annotator,)
    for part in batch_ids(
        conn,
        reading,
        status=status,
        annotator=annotator,
        ids=ids,
        upto=upto,
        batch=batch,
        characters=characters,
    ):
        with reading():
            docs = _documents(
                conn, part, status=status, annotator=annotator, annotators=annotators, labels=labels
            )
            if suggestions:
                docs = _with_suggestions(conn, docs, part, labels)
        yield docs


def batch_ids(
    conn: sqlite3.Connection,
    reading: Reading,
    *,
    status: Status | None,
    annotator: str | None,
    ids: Sequence[int] | None = None,
    upto: int | None = None,
    batch: int | None = None,
    characters: int | None = None,
) -> Iterator[list[int]]:
    """The ids of the selected documents in ascending order, a batch at a time, each batch
    found inside ``reading()``. ``ids``: only these, else every selected document with an id
    up to ``upto`` (default: the newest when the reading starts); ``batch`` and
    ``characters``: the module's ``BATCH`` and ``BATCH_CHARACTERS`` unless given."""
    batch = batch or BATCH
    characters = characters or BATCH_CHARACTERS
    where, params = _selection(status, annotator)
    given = sorted(set(ids)) if ids is not None else None
    after = 0
    while True:
        with reading():
            if given is not None:
                part = given[bisect_right(given, after) : bisect_right(given, after) + batch]
                if not part:
                    return
                rows = conn.execute(
                    f"SELECT id, length FROM documents WHERE id IN ({_marks(part)}) ORDER BY id",
                    part,
                ).fetchall()
                if not rows:  # all deleted meanwhile
                    after = part[-1]
                    continue
            else:
                if upto is None:
                    upto = last_id(conn)
                rows = conn.execute(
                    "SELECT id, length FROM documents d WHERE d.id > ? AND d.id <= ?"
                    f"{f' AND {where}' if where else ''} ORDER BY d.id LIMIT ?",
                    [after, upto, *params, batch],
                ).fetchall()
                if not rows:
                    return
        picked = _cut(rows, characters)
        after = picked[-1]
        yield picked


def _marks(ids: Sequence[int]) -> str:
    return ", ".join("?" * len(ids))


def _cut(rows: Sequence[tuple[int, int]], characters: int) -> list[int]:
    """The ids of the first rows whose lengths add up to ``characters`` (at least one)."""
    picked: list[int] = []
    total = 0
    for doc_id, length in rows:
        total += length
        if picked and total > characters:
            break
        picked.append(doc_id)
    return picked


def _documents(
    conn: sqlite3.Connection,
    ids: list[int],
    *,
    status: Status | None,
    annotator: str | None,
    annotators: Collection[str] | None,
    labels: Collection[str] | None,
) -> list[ExportRead]:
    """The documents ``ids`` (ascending), each with its spans (of ``annotators``, None:
    everyone's; with ``labels``), the relations between the spans kept, and its status: the
    annotator's, else the status filtered on, else the highest any annotator gave."""
    whose = set(annotators) if annotators is not None else None
    marks = _marks(ids)
    shared: dict[str, str] = {}
    spans: dict[int, list[StoredSpan]] = {i: [] for i in ids}
    for row in conn.execute(
        f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id IN ({marks})"
        f" ORDER BY document_id, {SPAN_ORDER}",
        ids,
    ):
        spans[row[1]].append(span_from_row(row, shared))
    relations: dict[int, list[Relation]] = {i: [] for i in ids}
    for row in conn.execute(
        f"SELECT {', '.join('r.' + c for c in RELATION_COLUMNS.split(', '))}, s.document_id"
        " FROM relations r JOIN spans s ON s.id = r.source_id"
        f" WHERE s.document_id IN ({marks}) ORDER BY r.id",
        ids,
    ):
        relations[row[5]].append(relation_from_row(row[:5]))
    statuses = _statuses(conn, ids, marks, status=status, annotator=annotator)
    wanted = set(labels) if labels is not None else None
    out = []
    for row in conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id IN ({marks}) ORDER BY id", ids
    ):
        doc_id = row[0]
        every, links = spans[doc_id], relations[doc_id]
        kept = [
            s
            for s in every
            if (whose is None or s.annotator in whose) and (wanted is None or s.label in wanted)
        ]
        ids_kept = {s.id for s in kept}
        joined = [r for r in links if r.source_id in ids_kept and r.target_id in ids_kept]
        document = StoredAnnotatedDocument(
            document_from_row(row), tuple(kept), tuple(joined), statuses[doc_id]
        )
        out.append(ExportRead(document, len(every) - len(kept), len(links) - len(joined)))
    return out


def _with_suggestions(
    conn: sqlite3.Connection,
    reads: list[ExportRead],
    ids: list[int],
    labels: Collection[str] | None,
) -> list[ExportRead]:
    """The reads with their documents' suggestions (every state; of ``labels`` only) and
    suggested links."""
    found = suggestions.of_documents(conn, ids, labels)
    links = suggestions.links_of_documents(conn, ids, labels)
    return [
        replace(
            read,
            document=replace(
                read.document,
                suggestions=tuple(found.get(read.document.document.id or 0, ())),
                suggested_links=tuple(links.get(read.document.document.id or 0, ())),
            ),
        )
        for read in reads
    ]


def _statuses(
    conn: sqlite3.Connection,
    ids: list[int],
    marks: str,
    *,
    status: Status | None,
    annotator: str | None,
) -> dict[int, Status]:
    if annotator is None and status is not None:
        return dict.fromkeys(ids, Status(status))
    found = dict.fromkeys(ids, Status.NEW)
    rows = conn.execute(
        "SELECT document_id, annotator, status FROM document_status"
        f" WHERE document_id IN ({marks})",
        ids,
    )
    for doc_id, who, value in rows:
        if annotator is not None and who != annotator:
            continue
        read = as_status(value, f"a status of document {doc_id}")
        if annotator is not None or STATUS_RANK[read] > STATUS_RANK[found[doc_id]]:
            found[doc_id] = read
    return found

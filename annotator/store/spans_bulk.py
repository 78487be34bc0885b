"""Many new spans in one edit, applied in a few queries (issue 11, docs/adr/0068).

Project-wide label-all makes one ``Composite`` of thousands of ``AddSpan`` (8,269 for a name in
half of 10,000 articles). ``span_edges.check_edges`` then ``edits_apply.apply_edit`` spend about
ten queries on each. This makes the same checks in the same order with the same messages, and
writes the same rows and returns the same inverse, in queries of many rows: the documents'
lengths, the spans' texts (for their edges and their ``text`` column), the spans already there,
the statuses NEW -> IN_PROGRESS, the inserts and the documents' span counts. An edit that adds
the same span twice goes the usual way (its message names the first one's new id).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from annotator.core.edges import edges_problem
from annotator.core.edits import AddSpan, Composite, Edit, RemoveSpan, SetStatus, StatusWas
from annotator.core.errors import ValidationError
from annotator.core.model import Span, Status
from annotator.store.connection import now
from annotator.store.edits_apply import describe
from annotator.store.rows import as_status, dump_json

T = TypeVar("T")
SMALLEST = 2
"""An edit of fewer new spans goes the usual way."""
CHUNK = 500
"""Rows per query (SQLite allows 32,766 parameters)."""
Place = tuple[int, int, int, str, str]  # document, start, end, label, annotator


def new_spans(edit: Edit) -> list[Span] | None:
    """The spans of a Composite of AddSpan made by hand (no id), none twice; else None."""
    if not isinstance(edit, Composite) or len(edit.edits) < SMALLEST:
        return None
    spans = [e.span for e in edit.edits if isinstance(e, AddSpan) and e.span.id is None]
    if len(spans) != len(edit.edits) or len(set(map(place, spans))) != len(spans):
        return None
    return spans


def place(span: Span) -> Place:
    return span.document_id, span.start, span.end, span.label, span.annotator


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for at in range(0, len(items), CHUNK):
        yield items[at : at + CHUNK]


def ids_in(
    conn: sqlite3.Connection, table: Literal["documents", "spans"], ids: Sequence[int]
) -> set[int]:
    """Which of ``ids`` are rows of ``table``."""
    out: set[int] = set()
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id FROM {table} WHERE id IN ({marks})"
        out.update(int(r[0]) for r in conn.execute(query, tuple(chunk)))
    return out


@dataclass(frozen=True, slots=True)
class ReadTexts:
    """The texts of an edit's new spans (in its order) and the lengths of their documents, as
    the caller read them from the documents in the transaction it holds (project-wide
    label-all finds them in the texts it reads: the store need not read them again)."""

    spans: tuple[str, ...]
    lengths: Mapping[int, int]


def add_spans(conn: sqlite3.Connection, spans: list[Span], read: ReadTexts | None = None) -> Edit:
    """Add ``spans`` (from ``new_spans``, inside the caller's transaction) and return the
    inverse, as ``check_edges`` and ``apply_edit`` would for their Composite; with ``read``,
    the texts and lengths are not read again (ValueError when they cannot be these spans')."""
    documents = sorted({s.document_id for s in spans})
    if read is None:
        lengths = read_lengths(conn, documents)
        texts = span_texts(conn, spans, lengths)
    else:
        lengths, texts = dict(read.lengths), _checked(spans, read)
    for span, text in zip(spans, texts, strict=True):  # check_edges: before anything is written
        problem = None if text is None else edges_problem(text[0], text[-1])
        if problem is not None:
            raise ValidationError(
                f"{describe(span)}: {problem}; a span never starts or ends with white space"
            )
    there = spans_there(conn, documents)
    statuses = _statuses(conn, documents)
    known_labels: set[str] = set()
    rows: list[tuple[Any, ...]] = []
    after: list[tuple[str, list[Edit]]] = []
    bumps: list[tuple[int, str, str, str]] = []
    stamp = now()  # one time for the whole edit (the usual path reads the clock per span)
    empty = dump_json({})
    for span, text in zip(spans, texts, strict=True):
        check_span(conn, span, lengths.get(span.document_id), known_labels, there)
        bump: list[Edit] = []
        if statuses.setdefault((span.document_id, span.annotator), Status.NEW) is Status.NEW:
            statuses[span.document_id, span.annotator] = Status.IN_PROGRESS
            bumps.append((span.document_id, span.annotator, Status.IN_PROGRESS.value, stamp))
            bump = [
                SetStatus(
                    span.document_id,
                    span.annotator,
                    Status.NEW,
                    expect=StatusWas(Status.IN_PROGRESS, stamp),
                )
            ]
        created = span.created or stamp
        updated = span.updated or created
        attributes = dump_json(span.attributes) if span.attributes else empty
        rows.append((None, span.document_id, span.start, span.end, span.label, span.annotator,
                     created, updated, attributes, text))  # fmt: skip
        after.append((updated, bump))
    return _write(conn, rows, bumps, after)


def _write(
    conn: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    bumps: list[tuple[int, str, str, str]],
    after: list[tuple[str, list[Edit]]],
) -> Edit:
    """Insert the statuses and the spans, count the spans; the inverse with the new ids."""
    conn.executemany(
        "INSERT INTO document_status (document_id, annotator, status, updated) VALUES (?,?,?,?)",
        bumps,
    )
    last = int(conn.execute("SELECT coalesce(max(id), 0) FROM spans").fetchone()[0])
    conn.executemany(
        'INSERT INTO spans (id, document_id, start, "end", label, annotator, created, updated,'
        " attributes, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # AUTOINCREMENT: the new ids are above every id there was, in the order of the inserts
    ids = [r[0] for r in conn.execute("SELECT id FROM spans WHERE id > ? ORDER BY id", (last,))]
    assert len(ids) == len(rows)
    counts = Counter(r[1] for r in rows)
    conn.executemany(
        "UPDATE span_counts SET spans = spans + ? WHERE document_id = ?",
        ((n, d) for d, n in counts.items()),
    )
    inverse: list[Edit] = []
    for new_id, (updated, bump) in zip(reversed(ids), reversed(after), strict=True):
        inverse.append(RemoveSpan(new_id, expect=updated))
        inverse.extend(bump)
    return Composite(tuple(inverse))


def _checked(spans: Sequence[Span], read: ReadTexts) -> list[str | None]:
    """The texts ``read`` gives, each as long as its span, of a document it gives a length of."""
    if len(read.spans) != len(spans):
        raise ValueError(f"{len(read.spans)} texts given for {len(spans)} spans")
    for span, text in zip(spans, read.spans, strict=True):
        if span.document_id not in read.lengths or len(text) != span.end - span.start:
            raise ValueError(f"the text given for {describe(span)} is not its text")
    return list(read.spans)


def read_lengths(conn: sqlite3.Connection, documents: Sequence[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for chunk in chunks(documents):
        marks = ",".join("?" * len(chunk))
        out.update(
            (int(d), int(n))
            for d, n in conn.execute(
                f"SELECT id, length FROM documents WHERE id IN ({marks})", tuple(chunk)
            )
        )
    return out


def span_texts(
    conn: sqlite3.Connection, spans: Sequence[Span], lengths: dict[int, int]
) -> list[str | None]:
    """Each span's text, cut by SQLite (``substr`` counts code points, as Python slices do:
    no whole text crosses into Python); None when its document or range is wrong
    (``check_span`` says so)."""
    wanted = [
        (i, s.document_id, s.start + 1, s.end - s.start)
        for i, s in enumerate(spans)
        if s.document_id in lengths and 0 <= s.start < s.end <= lengths[s.document_id]
    ]
    out: list[str | None] = [None] * len(spans)
    for chunk in chunks(wanted):
        values = ",".join("(?, ?, ?, ?)" for _ in chunk)
        for i, text in conn.execute(
            f"WITH w (i, d, s, n) AS (VALUES {values})"
            " SELECT w.i, substr(documents.text, w.s, w.n) FROM w"
            " JOIN documents ON documents.id = w.d",
            [v for row in chunk for v in row],
        ):
            out[i] = text
    return out


def spans_there(conn: sqlite3.Connection, documents: Sequence[int]) -> dict[Place, int]:
    """The spans of these documents, by place."""
    out: dict[Place, int] = {}
    for chunk in chunks(documents):
        marks = ",".join("?" * len(chunk))
        for span_id, *place in conn.execute(
            f'SELECT id, document_id, start, "end", label, annotator FROM spans'
            f" WHERE document_id IN ({marks})",
            tuple(chunk),
        ):
            out[tuple(place)] = int(span_id)
    return out


def _statuses(conn: sqlite3.Connection, documents: Sequence[int]) -> dict[tuple[int, str], Status]:
    out: dict[tuple[int, str], Status] = {}
    for chunk in chunks(documents):
        marks = ",".join("?" * len(chunk))
        for d, annotator, status in conn.execute(
            "SELECT document_id, annotator, status FROM document_status"
            f" WHERE document_id IN ({marks})",
            tuple(chunk),
        ):
            out[int(d), str(annotator)] = as_status(status, f"a status of document {d}")
    return out


def check_span(
    conn: sqlite3.Connection,
    span: Span,
    length: int | None,
    labels: set[str],
    there: dict[Place, int],
) -> None:
    """``edits_apply.check_span``, with the document's length, its spans and the labels
    known."""
    if length is None:
        raise ValidationError(f"{describe(span)}: document does not exist")
    if not 0 <= span.start < span.end <= length:
        raise ValidationError(
            f"{describe(span)}: must satisfy 0 <= start < end <= {length} (the text length)"
        )
    if span.label not in labels:
        if conn.execute("SELECT 1 FROM labels WHERE name = ?", (span.label,)).fetchone() is None:
            raise ValidationError(f"{describe(span)}: unknown label {span.label!r}")
        labels.add(span.label)
    existing = there.get(place(span))
    if existing is not None:
        raise ValidationError(f"{describe(span)}: the same span already exists (span {existing})")

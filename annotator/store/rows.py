"""Rows to domain values and back. The store returns domain objects, never rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from annotator.core.errors import NotFoundError, ProjectFileError
from annotator.core.model import (
    Document,
    Kind,
    Label,
    LabelSet,
    Relation,
    Span,
    Status,
    StoredSpan,
)
from annotator.store.schema import M003_SPEAKERS

DOCUMENT_COLUMNS = "id, title, text, text_sha256, source, url, published, meta, imported_at"
SPAN_COLUMNS = 'id, document_id, start, "end", label, annotator, created, updated, attributes'
RELATION_COLUMNS = "id, type, source_id, target_id, annotator"
LABEL_COLUMNS = "name, kind, colour, key, ord, speaker"
# core.model.reading_order in SQL (UTF-8 byte order is code point order, so labels compare
# alike; ids are never NULL): tests/store/test_documents.py proves the two agree
SPAN_ORDER = 'start, "end" DESC, label, id'

STATUS_RANK = {Status.NEW: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}


_DAMAGED = "the project file was changed by another program: run `annotator check`"


def damaged(what: str, value: object) -> ProjectFileError:
    return ProjectFileError(
        f"{what}: {str(value)[:40]!r} is not a valid value, damaged; {_DAMAGED}"
    )


def as_text(value: object, what: str) -> str:
    """A TEXT column; a BLOB or number there (possible in SQLite) is a damaged file."""
    if type(value) is not str:
        raise ProjectFileError(
            f"{what} is {type(value).__name__ if value is not None else 'NULL'}, not text, "
            f"damaged; {_DAMAGED}"
        )
    return value


def as_status(value: object, what: str) -> Status:
    if isinstance(value, str) and value in Status.__members__.values():
        return Status(value)
    raise damaged(what, value)


def as_kind(value: object, what: str) -> Kind:
    if isinstance(value, str) and value in Kind.__members__.values():
        return Kind(value)
    raise damaged(what, value)


def as_int(value: object, what: str) -> int:
    if type(value) is not int:
        raise damaged(what, value)
    return value


def dump_json(value: Mapping[str, Any]) -> str:
    if not value:
        return "{}"  # by far the most common case: skip the encoder
    return json.dumps(dict(value), ensure_ascii=False)


def load_object(value: object, what: str) -> dict[str, Any]:
    """A JSON object column (meta, attributes); ProjectFileError naming ``what`` if damaged."""
    try:
        loaded = json.loads(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        loaded = None
    if not isinstance(loaded, dict):
        raise ProjectFileError(
            f"{what}: not a JSON object ({str(value)[:40]!r}), damaged; {_DAMAGED}"
        )
    return loaded


def document_from_row(row: tuple[Any, ...]) -> Document:
    where = f"document {row[0]}"
    return Document(
        id=row[0],
        title=as_text(row[1], f"the title of {where}"),
        text=as_text(row[2], f"the text of {where}"),
        text_sha256=as_text(row[3], f"the sha256 of {where}"),
        source=as_text(row[4], f"the source of {where}"),
        url=as_text(row[5], f"the url of {where}"),
        published=as_text(row[6], f"the date of {where}"),
        meta=load_object(row[7], f"the metadata of {where}"),
        imported_at=as_text(row[8], f"the import time of {where}"),
    )


def span_from_row(row: tuple[Any, ...], shared: dict[str, str] | None = None) -> StoredSpan:
    """The StoredSpan of a row; with ``shared`` (one dict for all the rows of a query), equal label,
    annotator and time strings become one object: a document's spans share a handful of
    labels and annotators, and an import gives a batch one time stamp (480,000 spans of one
    document took 147 MB less)."""
    attributes = {} if row[8] == "{}" else load_object(row[8], f"the attributes of span {row[0]}")
    if type(row[2]) is not int or type(row[3]) is not int:
        raise ProjectFileError(
            f"span {row[0]}: offsets {row[2]!r}, {row[3]!r} are not integers, damaged; {_DAMAGED}"
        )
    label = as_text(row[4], f"the label of span {row[0]}")
    annotator = as_text(row[5], f"the annotator of span {row[0]}")
    created, updated = row[6], row[7]
    if shared is not None:
        label = shared.setdefault(label, label)
        annotator = shared.setdefault(annotator, annotator)
        created = shared.setdefault(created, created)
        updated = shared.setdefault(updated, updated)
    return StoredSpan(
        row[0], row[1], row[2], row[3], label, annotator, created, updated, attributes
    )


def span_values(span: Span, span_id: int | None) -> tuple[Any, ...]:
    return (
        span_id,
        span.document_id,
        span.start,
        span.end,
        span.label,
        span.annotator,
        span.created,
        span.updated,
        dump_json(span.attributes),
    )


def relation_from_row(row: tuple[Any, ...]) -> Relation:
    where = f"relation {row[0]}"
    return Relation(
        id=row[0],
        type=as_text(row[1], f"the type of {where}"),
        source_id=as_int(row[2], f"the source span of {where}"),
        target_id=as_int(row[3], f"the target span of {where}"),
        annotator=as_text(row[4], f"the annotator of {where}"),
    )


def label_from_row(row: tuple[Any, ...]) -> Label:
    where = f"label {str(row[0])[:40]!r}"
    key = row[3]
    if key is not None and (type(key) is not int or not 1 <= key <= 9):
        raise damaged(f"the key of {where}", key)
    if row[5] not in (0, 1) or type(row[5]) is not int:
        raise damaged(f"the speaker flag of {where}", row[5])
    return Label(
        name=as_text(row[0], "a label name"),
        kind=as_kind(row[1], f"the kind of {where}"),
        colour=as_text(row[2], f"the colour of {where}"),
        key=key,
        order=as_int(row[4], f"the order of {where}"),
        speaker=bool(row[5]),
    )


def label_columns(conn: sqlite3.Connection) -> str:
    """LABEL_COLUMNS; for a file older than schema 3 (read as it is, not upgraded), the speaker
    flag its upgrade would give."""
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= 3:
        return LABEL_COLUMNS
    return f"name, kind, colour, key, ord, ({M003_SPEAKERS})"


def labels(conn: sqlite3.Connection) -> LabelSet:
    rows = conn.execute(f"SELECT {label_columns(conn)} FROM labels ORDER BY ord, name")
    return LabelSet(tuple(label_from_row(r) for r in rows.fetchall()))


def fetch_label(conn: sqlite3.Connection, name: str) -> Label:
    row = conn.execute(f"SELECT {LABEL_COLUMNS} FROM labels WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise NotFoundError(f"label {name!r} does not exist")
    return label_from_row(row)


def fetch_span(conn: sqlite3.Connection, span_id: int) -> StoredSpan:
    row = conn.execute(f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"span {span_id} does not exist")
    return span_from_row(row)


def fetch_relation(conn: sqlite3.Connection, relation_id: int) -> Relation:
    row = conn.execute(
        f"SELECT {RELATION_COLUMNS} FROM relations WHERE id = ?", (relation_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"relation {relation_id} does not exist")
    return relation_from_row(row)


def document_length(conn: sqlite3.Connection, document_id: int) -> int:
    row = conn.execute("SELECT length FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"document {document_id} does not exist")
    return int(row[0])


def fetch_status(conn: sqlite3.Connection, document_id: int, annotator: str) -> Status:
    row = conn.execute(
        "SELECT status FROM document_status WHERE document_id = ? AND annotator = ?",
        (document_id, annotator),
    ).fetchone()
    return Status.NEW if row is None else as_status(row[0], f"a status of document {document_id}")


def status_row(
    conn: sqlite3.Connection, document_id: int, annotator: str
) -> tuple[Status, str | None]:
    """The status and its ``updated`` time (None when NEW, i.e. no row)."""
    row = conn.execute(
        "SELECT status, updated FROM document_status WHERE document_id = ? AND annotator = ?",
        (document_id, annotator),
    ).fetchone()
    if row is None:
        return Status.NEW, None
    return as_status(row[0], f"a status of document {document_id}"), row[1]


def highest_status(conn: sqlite3.Connection, document_id: int) -> Status:
    """The most advanced status any annotator has on a document."""
    rows = conn.execute(
        "SELECT status FROM document_status WHERE document_id = ?", (document_id,)
    ).fetchall()
    return max(
        (as_status(r[0], f"a status of document {document_id}") for r in rows),
        key=STATUS_RANK.__getitem__,
        default=Status.NEW,
    )

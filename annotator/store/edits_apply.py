"""Apply one edit value inside an open write transaction and return its exact inverse.

Every function validates before it writes (ValidationError / NotFoundError, nothing written),
so a single edit never fails half-way; a Composite that fails part-way is rolled back by the
caller's transaction. Any span edit on a document whose status for the span's annotator is NEW
moves it to IN_PROGRESS; the inverse ends with SetStatus(..., NEW), which deletes that row.
A relabel that breaks the speaker rule removes the links it breaks, and a new speaker link must
follow it (store/speakers.py); label-set edits are applied by store/labels.py, suggestion edits
by store/suggestion_edits.py.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import assert_never

from annotator.core.edits import (
    AcceptSuggestion,
    AddLabel,
    AddRelation,
    AddSpan,
    ChangeLabel,
    Composite,
    Edit,
    RejectSuggestion,
    Relabel,
    RemoveLabel,
    RemoveRelation,
    RemoveSpan,
    Resize,
    SetStatus,
    SetSuggestionState,
    StatusWas,
)
from annotator.core.errors import ConflictError, NotFoundError, ValidationError
from annotator.core.model import Relation, Span, Status, StoredSpan
from annotator.store import actor as actor_rules
from annotator.store import labels, list_index, suggestion_edits
from annotator.store.connection import now
from annotator.store.rows import (
    RELATION_COLUMNS,
    document_length,
    fetch_relation,
    fetch_span,
    relation_from_row,
    span_values,
    status_row,
)
from annotator.store.speakers import check_link, drop_broken


@dataclass(frozen=True, slots=True)
class KnownText:
    """The text of a document the caller has read already."""

    document_id: int
    sha256: str
    text: str


def span_text(
    conn: sqlite3.Connection, document_id: int, start: int, end: int, known: KnownText | None
) -> str:
    """``text[start:end]`` of a document, stored with its span (docs/adr/0045): sliced from the
    text the caller read (a text never changes; its sha256 says it is that document), else
    read by SQLite's ``substr``, which counts code points as our offsets do."""
    if known is not None and known.document_id == document_id:
        row = conn.execute(
            "SELECT text_sha256 FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is not None and row[0] == known.sha256:
            return known.text[start:end]
    row = conn.execute(
        "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
        (start + 1, end - start, document_id),
    ).fetchone()
    return "" if row is None else str(row[0])


def describe(span: Span) -> str:
    name = "new span" if span.id is None else f"span {span.id}"
    return f"{name} ({span.label} at {span.start}-{span.end} in document {span.document_id})"


def check_span(conn: sqlite3.Connection, span: Span, *, exclude_id: int | None = None) -> None:
    """Range inside the text, known label, not a duplicate of another span."""
    try:
        length = document_length(conn, span.document_id)
    except NotFoundError as exc:
        raise ValidationError(f"{describe(span)}: document does not exist") from exc
    if not 0 <= span.start < span.end <= length:
        raise ValidationError(
            f"{describe(span)}: must satisfy 0 <= start < end <= {length} (the text length)"
        )
    if conn.execute("SELECT 1 FROM labels WHERE name = ?", (span.label,)).fetchone() is None:
        raise ValidationError(f"{describe(span)}: unknown label {span.label!r}")
    row = conn.execute(
        'SELECT id FROM spans WHERE document_id = ? AND start = ? AND "end" = ? AND label = ?'
        " AND annotator = ? AND id IS NOT ?",
        (span.document_id, span.start, span.end, span.label, span.annotator, exclude_id),
    ).fetchone()
    if row is not None:
        raise ValidationError(f"{describe(span)}: the same span already exists (span {row[0]})")


def bump_status(conn: sqlite3.Connection, document_id: int, annotator: str) -> list[Edit]:
    """NEW -> IN_PROGRESS for this annotator; returns the inverse to append (or nothing)."""
    status, _ = status_row(conn, document_id, annotator)
    if status is not Status.NEW:
        return []
    stamp = now()
    conn.execute(
        "INSERT INTO document_status (document_id, annotator, status, updated) VALUES (?,?,?,?)",
        (document_id, annotator, Status.IN_PROGRESS.value, stamp),
    )
    return [
        SetStatus(document_id, annotator, Status.NEW, expect=StatusWas(Status.IN_PROGRESS, stamp))
    ]


def _target(conn: sqlite3.Connection, span_id: int, expect: str | None) -> StoredSpan:
    """The span an edit changes; with ``expect`` (an undo or redo), ConflictError unless it is
    still exactly as that edit left it."""
    try:
        span = fetch_span(conn, span_id)
    except NotFoundError:
        if expect is None:
            raise
        raise ConflictError(
            f"span {span_id} no longer exists: another window or program deleted it since"
        ) from None
    if expect is not None and span.updated != expect:
        raise ConflictError(
            f"span {span_id} was changed since by another window or program: it is now "
            f"{span.label} at {span.start}-{span.end} (by {span.annotator or 'no annotator'}, "
            f"changed {span.updated})"
        )
    return span


def _inverse(first: Edit, after: list[Edit]) -> Edit:
    return Composite((first, *after)) if after else first


def add_span(conn: sqlite3.Connection, span: Span, known: KnownText | None = None) -> Edit:
    check_span(conn, span)
    if (
        span.id is not None
        and conn.execute("SELECT 1 FROM spans WHERE id = ?", (span.id,)).fetchone()
    ):
        raise ValidationError(f"{describe(span)}: span id {span.id} is already used")
    created = span.created or now()
    span = replace(span, created=created, updated=span.updated or created)
    bump = bump_status(conn, span.document_id, span.annotator)
    cursor = conn.execute(
        'INSERT INTO spans (id, document_id, start, "end", label, annotator, created, updated,'
        " attributes, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            *span_values(span, span.id),
            span_text(conn, span.document_id, span.start, span.end, known),
        ),
    )
    new_id = span.id if span.id is not None else cursor.lastrowid
    assert new_id is not None
    list_index.count_spans(conn, span.document_id, +1)
    return _inverse(RemoveSpan(new_id, expect=span.updated), bump)


def remove_span(conn: sqlite3.Connection, span_id: int, expect: str | None = None) -> Edit:
    span = _target(conn, span_id, expect)
    relations = [
        relation_from_row(r)
        for r in conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE source_id = ? OR target_id = ?"
            " ORDER BY id",
            (span_id, span_id),
        )
    ]
    bump = bump_status(conn, span.document_id, span.annotator)
    conn.execute("DELETE FROM relations WHERE source_id = ? OR target_id = ?", (span_id, span_id))
    conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
    list_index.count_spans(conn, span.document_id, -1)
    restore: list[Edit] = [AddSpan(span)]
    restore.extend(AddRelation(r) for r in relations)
    return Composite((*restore, *bump))


def relabel(conn: sqlite3.Connection, edit: Relabel) -> Edit:
    old = _target(conn, edit.span_id, edit.expect)
    check_span(conn, replace(old, label=edit.label), exclude_id=old.id)
    bump = bump_status(conn, old.document_id, old.annotator)
    stamp = edit.updated or now()
    conn.execute(
        "UPDATE spans SET label = ?, updated = ? WHERE id = ?", (edit.label, stamp, edit.span_id)
    )
    dropped = drop_broken(conn, span_id=edit.span_id)  # after the label is back, in the inverse
    inverse = Relabel(edit.span_id, old.label, old.updated, expect=stamp)
    return _inverse(inverse, [*bump, *dropped])


def resize(conn: sqlite3.Connection, edit: Resize, known: KnownText | None = None) -> Edit:
    old = _target(conn, edit.span_id, edit.expect)
    check_span(conn, replace(old, start=edit.start, end=edit.end), exclude_id=old.id)
    bump = bump_status(conn, old.document_id, old.annotator)
    stamp = edit.updated or now()
    text = span_text(conn, old.document_id, edit.start, edit.end, known)
    conn.execute(
        'UPDATE spans SET start = ?, "end" = ?, updated = ?, text = ? WHERE id = ?',
        (edit.start, edit.end, stamp, text, edit.span_id),
    )
    return _inverse(Resize(edit.span_id, old.start, old.end, old.updated, expect=stamp), bump)


def check_relation(conn: sqlite3.Connection, relation: Relation) -> None:
    where = f"relation {relation.type!r} from span {relation.source_id} to {relation.target_id}"
    if not relation.type:
        raise ValidationError(f"{where}: the relation type is empty")
    if relation.source_id == relation.target_id:
        raise ValidationError(f"{where}: a span cannot be related to itself")
    docs = []
    for span_id in (relation.source_id, relation.target_id):
        row = conn.execute("SELECT document_id FROM spans WHERE id = ?", (span_id,)).fetchone()
        if row is None:
            raise ValidationError(f"{where}: span {span_id} does not exist")
        docs.append(row[0])
    if docs[0] != docs[1]:
        raise ValidationError(f"{where}: the spans are in different documents")
    check_link(conn, relation, where)
    if (
        relation.id is not None
        and conn.execute("SELECT 1 FROM relations WHERE id = ?", (relation.id,)).fetchone()
    ):
        raise ValidationError(f"{where}: relation id {relation.id} is already used")


def add_relation(conn: sqlite3.Connection, relation: Relation) -> Edit:
    check_relation(conn, relation)
    cursor = conn.execute(
        f"INSERT INTO relations ({RELATION_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
        (relation.id, relation.type, relation.source_id, relation.target_id, relation.annotator),
    )
    new_id = relation.id if relation.id is not None else cursor.lastrowid
    assert new_id is not None
    return RemoveRelation(new_id, expect=replace(relation, id=new_id))


def remove_relation(
    conn: sqlite3.Connection, relation_id: int, expect: Relation | None = None
) -> Edit:
    try:
        relation = fetch_relation(conn, relation_id)
    except NotFoundError:
        if expect is None:
            raise
        raise ConflictError(
            f"relation {relation_id} no longer exists: another window or program removed it"
        ) from None
    if expect is not None and relation != expect:
        raise ConflictError(f"relation {relation_id} was changed since: it is now {relation}")
    conn.execute("DELETE FROM relations WHERE id = ?", (relation_id,))
    return AddRelation(relation)


def set_status(conn: sqlite3.Connection, edit: SetStatus) -> Edit:
    document_length(conn, edit.document_id)  # NotFoundError for an unknown document
    status = Status(edit.status)
    old_status, old_updated = status_row(conn, edit.document_id, edit.annotator)
    if edit.expect is not None and edit.expect != StatusWas(old_status, old_updated):
        raise ConflictError(
            f"the status of document {edit.document_id} for {edit.annotator or 'no annotator'} "
            f"was changed since by another window or program: it is now {old_status}"
        )
    stamp = None if status is Status.NEW else edit.updated or now()
    if status is Status.NEW:
        conn.execute(
            "DELETE FROM document_status WHERE document_id = ? AND annotator = ?",
            (edit.document_id, edit.annotator),
        )
    else:
        conn.execute(
            "INSERT INTO document_status (document_id, annotator, status, updated)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator)"
            " DO UPDATE SET status = excluded.status, updated = excluded.updated",
            (edit.document_id, edit.annotator, status.value, stamp),
        )
    return SetStatus(
        edit.document_id, edit.annotator, old_status, old_updated, StatusWas(status, stamp)
    )


def apply_edit(
    conn: sqlite3.Connection,
    edit: Edit,
    known: KnownText | None = None,
    *,
    actor: str | None = None,
) -> Edit:
    """Apply ``edit`` (inside the caller's transaction) and return its inverse; ``known``: a
    document text the caller has read (a span's text is sliced from it); ``actor``: the
    annotator making it, refused each step that touches another's work (store/actor.py)."""
    if actor is not None and not isinstance(edit, Composite):
        actor_rules.check(conn, edit, actor)
    match edit:
        case AddSpan(span=span):
            return add_span(conn, span, known)
        case RemoveSpan(span_id=span_id, expect=expect):
            return remove_span(conn, span_id, expect)
        case Relabel():
            return relabel(conn, edit)
        case Resize():
            return resize(conn, edit, known)
        case AddRelation(relation=relation):
            return add_relation(conn, relation)
        case RemoveRelation(relation_id=relation_id, expect=expect):
            return remove_relation(conn, relation_id, expect)
        case SetStatus():
            return set_status(conn, edit)
        case AddLabel(label=label):
            return labels.add_label(conn, label)
        case ChangeLabel():
            return labels.change_label(conn, edit)
        case RemoveLabel(name=name, expect=expect):
            return labels.remove_label(conn, name, expect)
        case AcceptSuggestion():
            return suggestion_edits.accept(
                conn, edit, lambda e: apply_edit(conn, e, known, actor=actor)
            )
        case RejectSuggestion():
            return suggestion_edits.reject(conn, edit)
        case SetSuggestionState():
            return suggestion_edits.set_state(conn, edit)
        case Composite(edits=edits):
            inverses = [apply_edit(conn, e, known, actor=actor) for e in edits]
            flat: list[Edit] = []
            for inverse in reversed(inverses):
                flat.extend(inverse.edits if isinstance(inverse, Composite) else (inverse,))
            return Composite(tuple(flat))
        case _:
            assert_never(edit)


def document_of(conn: sqlite3.Connection, edit: Edit) -> int | None:
    """The document an edit touches (None if its span or relation no longer exists)."""
    match edit:
        case AddSpan(span=span):
            return span.document_id
        case SetStatus(document_id=document_id):
            return document_id
        case RemoveSpan(span_id=span_id) | Relabel(span_id=span_id) | Resize(span_id=span_id):
            row = conn.execute("SELECT document_id FROM spans WHERE id = ?", (span_id,)).fetchone()
            return None if row is None else int(row[0])
        case AddRelation(relation=relation):
            row = conn.execute(
                "SELECT document_id FROM spans WHERE id = ?", (relation.source_id,)
            ).fetchone()
            return None if row is None else int(row[0])
        case RemoveRelation(relation_id=relation_id):
            row = conn.execute(
                "SELECT s.document_id FROM relations r JOIN spans s ON s.id = r.source_id"
                " WHERE r.id = ?",
                (relation_id,),
            ).fetchone()
            return None if row is None else int(row[0])
        case AddLabel() | ChangeLabel() | RemoveLabel():
            return None  # the whole project's label set, no one document
        case (
            AcceptSuggestion(suggestion_id=suggestion_id)
            | RejectSuggestion(suggestion_id=suggestion_id)
            | SetSuggestionState(suggestion_id=suggestion_id)
        ):
            return suggestion_edits.document_of(conn, suggestion_id)
        case Composite(edits=edits):
            for sub in edits:
                found = document_of(conn, sub)
                if found is not None:
                    return found
            return None
        case _:
            assert_never(edit)

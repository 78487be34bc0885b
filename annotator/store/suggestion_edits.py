"""Accepting and rejecting suggestions (core/edits.py), inside the caller's write transaction.

Each returns its exact inverse, made of the edits the store already knows: accepting adds a
span through ``AddSpan`` and a link through ``AddRelation`` (so their inverses, RemoveRelation
and RemoveSpan, name the new ids and ``updated``) and ends with SetSuggestionState steps; undo
removes the link and the span and reopens the suggestion, redo brings the same span id back.

A suggested speaker link is made when its other end is a span: the accepted quote's link to a
span at the target's offsets (the annotator's own first, then anyone's, the first the speaker
rule allows), and, when the accepted suggestion is the speaker, the link of an accepted quote
of the same annotator that waits for it (a quote accepted before it in the same Composite, or
earlier) if that quote has no link of the type yet. A link the speaker rule refuses is left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from annotator.core.edits import (
    AcceptSuggestion,
    AddRelation,
    AddSpan,
    Composite,
    Edit,
    RejectSuggestion,
    RemoveSpan,
    SetSuggestionState,
)
from annotator.core.errors import ConflictError, NotFoundError, ValidationError
from annotator.core.model import Relation, Span
from annotator.core.suggestions import Suggestion, SuggestionState
from annotator.store.suggestions import fetch, links_of, twins

Apply = Callable[[Edit], Edit]


def _open(conn: sqlite3.Connection, suggestion_id: int) -> Suggestion:
    s = fetch(conn, suggestion_id)
    if s.state is not SuggestionState.OPEN:
        raise ValidationError(
            f"suggestion {suggestion_id} ({s.label} at {s.start}-{s.end} in document "
            f"{s.document_id}) is {s.state.value} already, not open"
        )
    return s


def _flat(inverses: list[Edit]) -> Edit:
    """The inverses in reverse order, as one flat Composite (apply_edit's Composite rule)."""
    flat: list[Edit] = []
    for inverse in reversed(inverses):
        flat.extend(inverse.edits if isinstance(inverse, Composite) else (inverse,))
    return Composite(tuple(flat))


def _new_span_id(inverse: Edit) -> int:
    first = inverse.edits[0] if isinstance(inverse, Composite) else inverse
    assert isinstance(first, RemoveSpan)
    return first.span_id


def _link(apply: Apply, relation: Relation) -> Edit | None:
    """AddRelation's inverse, or None when the speaker rule refuses the link (nothing written:
    add_relation validates before it writes)."""
    try:
        return apply(AddRelation(relation))
    except ValidationError:
        return None


def _links_from(
    conn: sqlite3.Connection, apply: Apply, s: Suggestion, span_id: int, annotator: str
) -> list[Edit]:
    made: list[Edit] = []
    for kind, start, end in links_of(conn, s.id or 0):
        targets = conn.execute(
            'SELECT id FROM spans WHERE document_id = ? AND start = ? AND "end" = ? AND id <> ?'
            " ORDER BY annotator <> ?, id",
            (s.document_id, start, end, span_id, annotator),
        ).fetchall()
        for (target,) in targets:
            inverse = _link(apply, Relation(None, kind, span_id, int(target), annotator))
            if inverse is not None:
                made.append(inverse)
                break
    return made


def _links_to(
    conn: sqlite3.Connection, apply: Apply, s: Suggestion, span_id: int, annotator: str
) -> list[Edit]:
    made: list[Edit] = []
    waiting = conn.execute(
        'SELECT k.type, q.start, q."end", q.label FROM suggested_links k'
        " JOIN suggestions q ON q.id = k.suggestion_id"
        " WHERE q.document_id = ? AND q.state = 'accepted' AND k.target_start = ?"
        " AND k.target_end = ? ORDER BY q.id",
        (s.document_id, s.start, s.end),
    ).fetchall()
    for kind, start, end, label in waiting:
        quote = conn.execute(
            'SELECT id FROM spans WHERE document_id = ? AND start = ? AND "end" = ? AND label = ?'
            " AND annotator = ?",
            (s.document_id, start, end, label, annotator),
        ).fetchone()
        if quote is None or quote[0] == span_id:
            continue
        if conn.execute(
            "SELECT 1 FROM relations WHERE source_id = ? AND type = ?", (quote[0], kind)
        ).fetchone():
            continue
        inverse = _link(apply, Relation(None, kind, int(quote[0]), span_id, annotator))
        if inverse is not None:
            made.append(inverse)
    return made


def _set_all(conn: sqlite3.Connection, ids: list[int], state: SuggestionState) -> list[Edit]:
    conn.executemany(
        "UPDATE suggestions SET state = ? WHERE id = ?", [(state.value, i) for i in ids]
    )
    return [SetSuggestionState(i, SuggestionState.OPEN, expect=state) for i in ids]


def accept(conn: sqlite3.Connection, edit: AcceptSuggestion, apply: Apply) -> Edit:
    """The suggestion (and its twins from other recommenders) accepted: a span of the
    annotator, its speaker links; ``apply`` is the store's apply_edit (same transaction)."""
    s = _open(conn, edit.suggestion_id)
    span = Span(None, s.document_id, s.start, s.end, s.label, edit.annotator)
    inverses = [apply(AddSpan(span))]
    span_id = _new_span_id(inverses[0])
    inverses += _links_from(conn, apply, s, span_id, edit.annotator)
    inverses += _links_to(conn, apply, s, span_id, edit.annotator)
    inverses += _set_all(conn, twins(conn, s.key, SuggestionState.OPEN), SuggestionState.ACCEPTED)
    return _flat(inverses)


def reject(conn: sqlite3.Connection, edit: RejectSuggestion) -> Edit:
    """The suggestion (and its open twins from other recommenders) rejected: remembered."""
    s = _open(conn, edit.suggestion_id)
    ids = twins(conn, s.key, SuggestionState.OPEN)
    return _flat(_set_all(conn, ids, SuggestionState.REJECTED))


def set_state(conn: sqlite3.Connection, edit: SetSuggestionState) -> Edit:
    try:
        s = fetch(conn, edit.suggestion_id)
    except NotFoundError:
        if edit.expect is None:
            raise
        raise ConflictError(
            f"suggestion {edit.suggestion_id} no longer exists: the recommenders ran again "
            "since, in another window or program"
        ) from None
    if edit.expect is not None and s.state is not edit.expect:
        raise ConflictError(
            f"suggestion {edit.suggestion_id} was changed since by another window or program: "
            f"it is {s.state.value} now"
        )
    state = SuggestionState(edit.state)
    conn.execute("UPDATE suggestions SET state = ? WHERE id = ?", (state.value, s.id))
    return SetSuggestionState(edit.suggestion_id, s.state, expect=state)


def document_of(conn: sqlite3.Connection, suggestion_id: int) -> int | None:
    row = conn.execute(
        "SELECT document_id FROM suggestions WHERE id = ?", (suggestion_id,)
    ).fetchone()
    return None if row is None else int(row[0])

"""Whose work an edit may touch (docs/adr/0071): the acting annotator's own, nothing else.

``Repository.apply(edit, actor=NAME)`` checks each step of the edit here, just before it is
applied (a Composite's relation may name a span an earlier step of it added): a span, relation
or status of another annotator is refused with NotYoursError naming its owner, so annotator B
can never relabel, move or remove annotator A's span, nor move A's status. Label-set edits and
suggestion states belong to the project, not to one annotator. ``actor=None`` (scripts, the
command line, a merge) checks nothing, as before.
"""

from __future__ import annotations

import sqlite3

from annotator.core.edits import (
    AcceptSuggestion,
    AddRelation,
    AddSpan,
    Edit,
    Relabel,
    RemoveRelation,
    RemoveSpan,
    Resize,
    SetStatus,
)
from annotator.core.errors import NotYoursError


def _who(name: str) -> str:
    return repr(name) if name else "no annotator"


def _refuse(what: str, owner: str, actor: str) -> NotYoursError:
    return NotYoursError(
        f"{what} is the work of {_who(owner)}: {_who(actor)} cannot change it "
        "(copy it to your own spans, or ask its annotator)",
        owner=owner,
    )


def _span_owner(conn: sqlite3.Connection, span_id: int) -> str | None:
    row = conn.execute("SELECT annotator FROM spans WHERE id = ?", (span_id,)).fetchone()
    return None if row is None else str(row[0])


def check_owner(span_id: int, owner: str, actor: str) -> None:
    """NotYoursError unless span ``span_id``, ``owner``'s, is ``actor``'s."""
    if owner != actor:
        raise _refuse(f"span {span_id}", owner, actor)


def check_link_owner(relation_id: int, owner: str, actor: str) -> None:
    """NotYoursError unless link ``relation_id``, ``owner``'s, is ``actor``'s."""
    if owner != actor:
        raise _refuse(f"link {relation_id}", owner, actor)


def check(conn: sqlite3.Connection, edit: Edit, actor: str) -> None:
    """NotYoursError unless ``edit`` (one step, not a Composite) touches only ``actor``'s work;
    a span or relation that no longer exists is left to the edit's own error."""
    match edit:
        case AddSpan(span=span) if span.annotator != actor:
            raise _refuse(f"a span of {span.label}", span.annotator, actor)
        case RemoveSpan(span_id=span_id) | Relabel(span_id=span_id) | Resize(span_id=span_id):
            owner = _span_owner(conn, span_id)
            if owner is not None:
                check_owner(span_id, owner, actor)
        case AddRelation(relation=relation):
            if relation.annotator != actor:
                raise _refuse("the link", relation.annotator, actor)
            for span_id in (relation.source_id, relation.target_id):
                owner = _span_owner(conn, span_id)
                if owner is not None and owner != actor:
                    raise _refuse(f"span {span_id} (an end of the link)", owner, actor)
        case RemoveRelation(relation_id=relation_id):
            row = conn.execute(
                "SELECT annotator FROM relations WHERE id = ?", (relation_id,)
            ).fetchone()
            if row is not None:
                check_link_owner(relation_id, str(row[0]), actor)
        case SetStatus(document_id=document_id, annotator=owner) if owner != actor:
            raise _refuse(f"the status of document {document_id}", owner, actor)
        case AcceptSuggestion(suggestion_id=suggestion_id, annotator=owner) if owner != actor:
            raise _refuse(f"accepting suggestion {suggestion_id}", owner, actor)
        case _:
            return

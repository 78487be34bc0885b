"""Edits are plain values. ``Repository.apply(edit)`` applies one and returns its inverse.

Applying the inverse restores the project exactly: same ids, same timestamps.

An inverse also says what it expects to find (``expect``: the ``updated`` time the span had
right after the edit, or the status): another window or program may have changed that span
since, and an undo or redo must then be refused (ConflictError naming what changed), never
applied to someone else's work. Edits made by hand leave ``expect`` at None: no condition.

Label-set changes are edits too (AddLabel, ChangeLabel, RemoveLabel: docs/adr/0030): a rename
carries the spans along, and an edit that breaks the speaker rule (core/speakers.py) removes the
links it breaks in the same transaction; the inverse brings them back.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Label, Relation, Span, Status


@dataclass(frozen=True, slots=True)
class AddSpan:
    """Insert ``span``; an id of None lets the store pick one (the inverse names it)."""

    span: Span


@dataclass(frozen=True, slots=True)
class RemoveSpan:
    """Delete a span and the relations that touch it (the inverse brings them back)."""

    span_id: int
    expect: str | None = None  # the span's ``updated``, when this is an inverse


@dataclass(frozen=True, slots=True)
class Relabel:
    span_id: int
    label: str
    updated: str | None = None  # None: now; inverses carry the old timestamp
    expect: str | None = None


@dataclass(frozen=True, slots=True)
class Resize:
    span_id: int
    start: int
    end: int
    updated: str | None = None
    expect: str | None = None


@dataclass(frozen=True, slots=True)
class AddRelation:
    relation: Relation


@dataclass(frozen=True, slots=True)
class RemoveRelation:
    relation_id: int
    expect: Relation | None = None  # the relation, when this is an inverse


@dataclass(frozen=True, slots=True)
class StatusWas:
    """The status (and its ``updated``, None for NEW) an inverse SetStatus expects to find."""

    status: Status
    updated: str | None


@dataclass(frozen=True, slots=True)
class SetStatus:
    document_id: int
    annotator: str
    status: Status
    updated: str | None = None
    expect: StatusWas | None = None


@dataclass(frozen=True, slots=True)
class AddLabel:
    """Add ``label`` to the project; a key another label holds moves to it (the inverse gives
    the key back)."""

    label: Label


@dataclass(frozen=True, slots=True)
class ChangeLabel:
    """Make label ``name`` into ``label``: rename (its spans follow), recolour, key, kind, order,
    speaker flag. A key another label holds moves here; speaker links the change breaks go."""

    name: str
    label: Label
    expect: Label | None = None  # the label as the edit left it, when this is an inverse


@dataclass(frozen=True, slots=True)
class RemoveLabel:
    """Remove an unused label (refused, naming how many spans use it, when one does)."""

    name: str
    expect: Label | None = None


@dataclass(frozen=True, slots=True)
class Composite:
    """Several edits applied in order as one action; the inverse undoes them in reverse."""

    edits: tuple[Edit, ...]


Edit = (
    AddSpan
    | RemoveSpan
    | Relabel
    | Resize
    | AddRelation
    | RemoveRelation
    | SetStatus
    | AddLabel
    | ChangeLabel
    | RemoveLabel
    | Composite
)

LABEL_EDITS = (AddLabel, ChangeLabel, RemoveLabel)

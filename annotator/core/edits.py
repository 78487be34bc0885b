"""Edits are plain values. ``Repository.apply(edit)`` applies one and returns its inverse.

Applying the inverse restores the project exactly: same ids, same timestamps.

An inverse also says what it expects to find (``expect``: the ``updated`` time the span had
right after the edit, or the status): another window or program may have changed that span
since, and an undo or redo must then be refused (ConflictError naming what changed), never
applied to someone else's work. Edits made by hand leave ``expect`` at None: no condition.

Label-set changes are edits too (AddLabel, ChangeLabel, RemoveLabel: docs/adr/0030): a rename
carries the spans along, and an edit that breaks the speaker rule (core/speakers.py) removes the
links it breaks in the same transaction; the inverse brings them back.

Suggestions are accepted and rejected by edits too (issue 11, docs/adr/0053): AcceptSuggestion
adds an ordinary span (and the suggested speaker link, when its other end is a span) and marks
the suggestion accepted; its inverse removes them and reopens it (SetSuggestionState), keeping
the span's id for the redo. The same suggestion from other recommenders (same document,
offsets and label) is accepted or rejected with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Label, Relation, Span, Status
from annotator.core.suggestions import SuggestionState


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
class AcceptSuggestion:
    """Make open suggestion ``suggestion_id`` a span of ``annotator`` (with its speaker link
    when the link's other end is a span, or becomes one in the same Composite)."""

    suggestion_id: int
    annotator: str


@dataclass(frozen=True, slots=True)
class RejectSuggestion:
    """Reject open suggestion ``suggestion_id``: remembered, never offered again."""

    suggestion_id: int


@dataclass(frozen=True, slots=True)
class SetSuggestionState:
    """The step inverses are made of: suggestion ``suggestion_id`` to ``state``; with ``expect``
    (an undo or redo), ConflictError unless it is in that state."""

    suggestion_id: int
    state: SuggestionState
    expect: SuggestionState | None = None


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
    | AcceptSuggestion
    | RejectSuggestion
    | SetSuggestionState
    | Composite
)

LABEL_EDITS = (AddLabel, ChangeLabel, RemoveLabel)

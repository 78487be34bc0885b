"""What an applied edit touched, read from the edit and its inverse (pure; no Qt).

The window redraws only what an edit touched: the spans named in the edit or its inverse (an
AddSpan with no id names its new id in the inverse's RemoveSpan), the relations when a relation
or a span with relations went, the document's status when a SetStatus is on either side, the
label set (and so every span's look, and the open document's spans after a rename) when a
label edit is; whether a suggestion changed (accepting one is a span added, like AddSpan:
its id is in the inverse). Both matches are exhaustive (``assert_never``): a new edit type must
say here what it redraws (DESIGN.md §8).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
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
)
from annotator.core.suggestions import SuggestionState


def flatten(edit: Edit) -> Iterator[Edit]:
    if isinstance(edit, Composite):
        for sub in edit.edits:
            yield from flatten(sub)
    else:
        yield edit


@dataclass(frozen=True, slots=True)
class Effects:
    spans: tuple[int, ...]  # span ids to redraw (present: draw; gone: remove), in edit order
    added: tuple[int, ...]  # span ids the edit itself created or brought back
    relations: bool  # the document's relations may have changed
    status: bool  # a document status changed
    labels: bool = False  # the label set changed: re-read it and the open document
    dropped: int = 0  # speaker links the store removed because the edit broke the rule
    suggestions: bool = False  # a suggestion's state changed: re-read the document's suggestions
    suggestion_ids: tuple[int, ...] = ()  # the suggestions it changed (the twins included)
    closed: Mapping[int, SuggestionState] = field(default_factory=dict, hash=False)
    # those of them it accepted or rejected (the inverse opens them again), with their state
    # now: the open document drops them without reading them again


def effects(edit: Edit, inverse: Edit) -> Effects:
    spans: list[int] = []
    added: list[int] = []
    relations = False
    status = False
    labels = False
    suggestions = False
    touched: list[int] = []  # suggestion ids
    removed: set[int] = set()  # relations the edit itself removes
    closed: dict[int, SuggestionState] = {}

    noted: set[int] = set()  # spans' ids as a set: a project-wide label-all adds thousands
    made: set[int] = set()  # added's

    def note(span_id: int | None) -> None:
        if span_id is not None and span_id not in noted:
            noted.add(span_id)
            spans.append(span_id)

    for part in flatten(edit):
        match part:
            case AddSpan(span=span):
                note(span.id)
                if span.id is not None:
                    added.append(span.id)
                    made.add(span.id)
            case RemoveSpan(span_id=span_id):
                note(span_id)
                relations = True
            case Relabel(span_id=span_id) | Resize(span_id=span_id):
                note(span_id)
            case AddRelation():
                relations = True
            case RemoveRelation(relation_id=relation_id):
                relations = True
                removed.add(relation_id)
            case SetStatus():
                status = True
            case AddLabel() | ChangeLabel() | RemoveLabel():
                labels = relations = True
            case AcceptSuggestion(suggestion_id=suggestion_id):
                # a span added (its id is in the inverse's RemoveSpan); a speaker link it made
                # is a RemoveRelation of the inverse, which says so below
                suggestions = True
                touched.append(suggestion_id)
            case (
                RejectSuggestion(suggestion_id=suggestion_id)
                | SetSuggestionState(suggestion_id=suggestion_id)
            ):
                suggestions = True
                touched.append(suggestion_id)
            case Composite():
                pass  # flattened
            case _:
                assert_never(part)
    restored: list[int] = []  # relations the inverse brings back
    for part in flatten(inverse):
        match part:
            case RemoveSpan(span_id=span_id):
                # the inverse of an AddSpan: this id was just created
                note(span_id)
                if span_id not in made:
                    made.add(span_id)
                    added.append(span_id)
            case AddSpan(span=span):
                note(span.id)
            case AddRelation(relation=relation):
                relations = True
                if relation.id is not None:
                    restored.append(relation.id)
            case RemoveRelation():
                relations = True
            case SetStatus():
                status = True
            case Relabel(span_id=span_id) | Resize(span_id=span_id):
                note(span_id)
            case AddLabel() | ChangeLabel() | RemoveLabel():
                labels = relations = True
            case SetSuggestionState(suggestion_id=suggestion_id, state=state, expect=now):
                suggestions = True
                touched.append(suggestion_id)  # a twin of the same place and label, too
                if state is SuggestionState.OPEN and now not in (None, SuggestionState.OPEN):
                    closed[suggestion_id] = now
            case AcceptSuggestion() | RejectSuggestion():
                pass  # never in an inverse: the store answers with SetSuggestionState
            case Composite():
                pass  # flattened
            case _:
                assert_never(part)
    # a relation the inverse brings back that the edit did not remove itself (nor with a span)
    took_spans = any(isinstance(part, RemoveSpan) for part in flatten(edit))
    dropped = 0 if took_spans else len([r for r in restored if r not in removed])
    ids = tuple(dict.fromkeys(touched))
    return Effects(
        tuple(spans), tuple(added), relations, status, labels, dropped, suggestions, ids, closed
    )

"""Linking a quote to its speaker: select the quote, press S (or the button), click the entity.

The link is a ``speaker`` relation (a quote -> an entity of a label allowed as a speaker: PER
and ORG unless the Labels dialog says otherwise; core/speakers.py), added and removed as one
edit through the controller, so it is undoable like every other edit; a quote has at most one
speaker (picking another replaces the link, in one edit). A click on an entity the rule refuses
(a LOC) says why and keeps picking.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from annotator.core.edits import AddRelation, Composite, Edit, RemoveRelation
from annotator.core.model import SPEAKER, Document, Kind, LabelSet, Relation, StoredSpan
from annotator.core.speakers import SpeakerProblem, speaker_problem
from annotator.ui.text import isolate, short


class SpanLookup(Protocol):
    """The open document's spans and speaker links (the span list model)."""

    def span_by_id(self, span_id: int) -> StoredSpan | None: ...
    def speaker_relation(self, quote_id: int) -> Relation | None: ...


class SpanPlaces(Protocol):
    """Where spans are on the screen (the viewer)."""

    def span_at(self, pos: int) -> Sequence[int]: ...
    def select_span(self, span_id: int | None) -> None: ...


class SpeakerHost(Protocol):
    """What linking a speaker needs of the open document (read only); the controller is one."""

    @property
    def annotator(self) -> str: ...
    @property
    def labels(self) -> LabelSet: ...
    @property
    def document(self) -> Document | None: ...
    @property
    def relations(self) -> list[Relation]: ...
    @property
    def span_model(self) -> SpanLookup: ...
    @property
    def view(self) -> SpanPlaces: ...
    @property
    def message(self) -> SignalInstance: ...

    def selected_span(self) -> StoredSpan | None: ...
    def push(self, edit: Edit, text: str, *, select: int | None = None) -> bool: ...


class SpeakerLinks(QObject):
    pickingChanged = Signal(bool)

    def __init__(self, host: SpeakerHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = host
        self._quote: int | None = None  # the quote waiting for its speaker

    @property
    def picking(self) -> bool:
        return self._quote is not None

    def start(self) -> None:
        span = self.controller.selected_span()
        if (
            span is None
            or self.controller.labels.get(span.label) is None
            or (self.controller.labels.kind_of(span.label) is not Kind.QUOTE)
        ):
            self.controller.message.emit(self.tr("Select a quote first, then pick its speaker"))
            return
        self._quote = span.id
        self.pickingChanged.emit(True)
        self.controller.message.emit(self.tr("Click the entity who said this quote (Esc cancels)"))

    def cancel(self) -> None:
        if self._quote is not None:
            self._quote = None
            self.pickingChanged.emit(False)

    def clicked(self, span_id: int) -> None:
        quote = self._quote
        if quote is None:
            return
        # the click may land on several spans (an entity inside the quote): take an entity
        target, refused = self._entity_among(span_id)
        if target is None:
            self.controller.view.select_span(quote)
            if refused is not None:
                self.controller.message.emit(
                    self.tr(
                        "{label} cannot be a speaker: click one of {allowed} "
                        "(Edit → Labels… sets which labels may be speakers)"
                    ).format(label=isolate(refused.label), allowed=self.allowed_text())
                )
            else:
                self.controller.message.emit(
                    self.tr("That is not an entity: click a person or an organisation")
                )
            return
        self.cancel()
        existing = self.controller.span_model.speaker_relation(quote)
        if existing is not None and existing.target_id == target.id:
            self.controller.view.select_span(quote)
            self.controller.message.emit(self.tr("That speaker is already linked"))
            return
        link: Edit = AddRelation(
            Relation(None, SPEAKER, quote, target.id, self.controller.annotator)
        )
        if existing is not None and existing.id is not None:
            link = Composite((RemoveRelation(existing.id), link))
        words = isolate(
            short(target.text_in(self.controller.document.text if self.controller.document else ""))
        )
        action = self.tr("Link speaker {text}").format(text=words)
        if self.controller.push(link, action, select=quote):
            self.controller.message.emit(action)

    def _entity_among(self, span_id: int) -> tuple[StoredSpan | None, StoredSpan | None]:
        """The span under the click that may be the quote's speaker, or (None, the entity the
        rule refuses there, if any)."""
        clicked = self.controller.span_model.span_by_id(span_id)
        candidates = [clicked] if clicked is not None else []
        if clicked is not None:
            model, view = self.controller.span_model, self.controller.view
            candidates += [s for s in map(model.span_by_id, view.span_at(clicked.start)) if s]
        quote = None if self._quote is None else self.controller.span_model.span_by_id(self._quote)
        source = None if quote is None else self.controller.labels.get(quote.label)
        refused = None
        for span in candidates:
            problem = speaker_problem(source, self.controller.labels.get(span.label))
            if problem is None:
                return span, None
            if problem is SpeakerProblem.NOT_ALLOWED and refused is None:
                refused = span
        return None, refused

    def allowed_text(self) -> str:
        """The labels allowed as speakers, for a message: ``PER, ORG`` (or a word for none)."""
        names = self.controller.labels.speakers
        return isolate(", ".join(names)) if names else self.tr("(no label is allowed as a speaker)")

    def relabel_note(self, span: StoredSpan, new: str) -> str:
        """What relabelling ``span`` as ``new`` does to its speaker links, for the status bar
        (the store removes the links the relabel breaks); empty when it keeps them."""
        labels = self.controller.labels
        after = labels.get(new)
        for relation in self.controller.relations:
            if relation.type != SPEAKER or span.id not in (relation.source_id, relation.target_id):
                continue
            other_id = relation.target_id if relation.source_id == span.id else relation.source_id
            other = self.controller.span_model.span_by_id(other_id)
            other_label = None if other is None else labels.get(other.label)
            if relation.source_id == span.id:
                problem = speaker_problem(after, other_label)
            else:
                problem = speaker_problem(other_label, after)
            if problem is SpeakerProblem.NOT_FROM_QUOTE:
                return self.tr(
                    "speaker link removed: a span labelled {label} cannot have a speaker"
                ).format(label=isolate(new))
            if problem is not None:
                return self.tr("speaker link removed: {label} cannot be a speaker").format(
                    label=isolate(new)
                )
        return ""

    def remove(self) -> None:
        span = self.controller.selected_span()
        relation = None if span is None else self.controller.span_model.speaker_relation(span.id)
        if span is None or relation is None or relation.id is None:
            self.controller.message.emit(self.tr("Select a quote that has a speaker"))
            return
        action = self.tr("Remove the speaker of a quote")
        if self.controller.push(RemoveRelation(relation.id), action, select=span.id):
            self.controller.message.emit(action)

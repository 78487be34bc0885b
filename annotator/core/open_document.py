"""The document open in the window, in one place (../shared/DESIGN.md §8: "one open document").

The window showed the open document in four places kept in step by hand: the viewer's span
index, the span list, the clitic snapper and the controller's relations. ``OpenDocument`` holds
the document, its spans, its relations, the label set and the open suggestions (issue 11),
applies every change, and tells each
of its views (``DocumentViews``) what changed, in the order they subscribed. A new view (the
suggestions of issue 11, another annotator's spans) subscribes instead of being added to the
controller's hand-written sequence of calls. Pure Python: no Qt, no store.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from typing import Protocol

from annotator.core.model import DEFAULT_LABELS, Document, LabelSet, Relation, StoredSpan
from annotator.core.suggestions import Suggestion, SuggestionState


def _reading_order(s: Suggestion) -> tuple[int, int, float]:
    """The open suggestions' order: by place, the longest, then the best score first."""
    return (s.start, -s.end, -s.score)


class DocumentViews(Protocol):
    """What a view of the open document is told. ``span_put``: added (``new``) or changed."""

    def document_opened(self, doc: OpenDocument) -> None: ...

    def span_put(self, span: StoredSpan, new: bool) -> None: ...

    def span_removed(self, span_id: int) -> None: ...

    def relations_changed(self, relations: list[Relation]) -> None: ...

    def labels_changed(self, labels: LabelSet) -> None: ...

    def suggestions_changed(self, doc: OpenDocument) -> None: ...

    def suggestions_moved(
        self, doc: OpenDocument, closed: list[Suggestion], opened: list[Suggestion]
    ) -> None:
        """Only these left the open suggestions (accepted, rejected) or came back (their
        undo), the selection aside: a view with a thousand drawn changes only these."""


class OpenDocument:
    def __init__(self) -> None:
        self.document: Document | None = None
        self.spans: dict[int, StoredSpan] = {}  # by id, in the order the store gave them
        self.relations: list[Relation] = []
        self.labels: LabelSet = DEFAULT_LABELS
        self.suggestions: list[Suggestion] = []  # the open ones, in reading order
        self.selected_suggestion: int | None = None  # its id
        self._views: list[DocumentViews] = []

    def subscribe(self, view: DocumentViews) -> None:
        self._views.append(view)

    @property
    def text(self) -> str:
        return self.document.text if self.document is not None else ""

    @property
    def document_id(self) -> int | None:
        return self.document.id if self.document is not None else None

    def open(
        self,
        document: Document,
        spans: Iterable[StoredSpan],
        relations: Iterable[Relation],
        labels: LabelSet,
    ) -> None:
        self.document = document
        self.spans = {s.id: s for s in spans}
        self.relations = list(relations)
        self.labels = labels
        self.suggestions, self.selected_suggestion = [], None
        for view in self._views:
            view.document_opened(self)

    def span(self, span_id: int) -> StoredSpan | None:
        return self.spans.get(span_id)

    def put_span(self, span: StoredSpan) -> None:
        """A span the store added or changed (its id says which)."""
        new = span.id not in self.spans
        self.spans[span.id] = span
        for view in self._views:
            view.span_put(span, new)

    def remove_span(self, span_id: int) -> None:
        if self.spans.pop(span_id, None) is None:
            return
        for view in self._views:
            view.span_removed(span_id)

    def set_relations(self, relations: Iterable[Relation]) -> None:
        self.relations = list(relations)
        for view in self._views:
            view.relations_changed(self.relations)

    def set_labels(self, labels: LabelSet) -> None:
        self.labels = labels
        for view in self._views:
            view.labels_changed(labels)

    def set_suggestions(self, suggestions: Iterable[Suggestion]) -> None:
        """The document's open suggestions (read again after a change); the selected one stays
        selected while it is open."""
        self.suggestions = sorted(suggestions, key=_reading_order)
        if self.suggestion(self.selected_suggestion) is None:
            self.selected_suggestion = None
        self._suggestions_changed()

    def update_suggestions(self, changed: Iterable[Suggestion]) -> None:
        """These suggestions as the store has them now: an open one is shown (in its place),
        one accepted or rejected goes."""
        changed = list(changed)
        here = {s.id for s in self.suggestions}
        opened = [s for s in changed if s.state is SuggestionState.OPEN]
        if any(s.id in here for s in opened):  # a score or a label changed: all of them
            by_id = {s.id: s for s in self.suggestions}
            by_id.update((s.id, s) for s in opened)
            self.set_suggestions(by_id.values())
            return
        gone = {s.id for s in changed if s.state is not SuggestionState.OPEN}
        closed = [s for s in self.suggestions if s.id in gone]
        kept = [s for s in self.suggestions if s.id not in gone]
        for s in opened:
            insort(kept, s, key=_reading_order)
        self.suggestions = kept
        if self.selected_suggestion in gone:
            self.selected_suggestion = None
        for view in self._views:
            view.suggestions_moved(self, closed, opened)

    def select_suggestion(self, suggestion_id: int | None) -> None:
        self.selected_suggestion = suggestion_id
        self._suggestions_changed()

    def suggestion(self, suggestion_id: int | None) -> Suggestion | None:
        return next((s for s in self.suggestions if s.id == suggestion_id), None)

    def _suggestions_changed(self) -> None:
        for view in self._views:
            view.suggestions_changed(self)

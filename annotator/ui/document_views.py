"""The window's views of the open document (core.open_document): each takes what changed and
passes it to its widget or model in that one's own words."""

from __future__ import annotations

from annotator.core.model import LabelSet, Relation, StoredSpan
from annotator.core.open_document import OpenDocument
from annotator.core.suggestions import Suggestion
from annotator.ui.clitic_snap import Snapper
from annotator.ui.span_model import SpanListModel
from annotator.ui.suggestion_model import SuggestionListModel
from annotator.ui.viewer import ArticleView


class ViewerOf:
    """The article viewer: spans painted, the label set's colours."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view

    def document_opened(self, doc: OpenDocument) -> None:
        self.view.set_document(doc.text, list(doc.spans.values()), doc.labels)

    def span_put(self, span: StoredSpan, new: bool) -> None:
        self.view.update_span(span)

    def span_removed(self, span_id: int) -> None:
        self.view.remove_span(span_id)

    def relations_changed(self, relations: list[Relation]) -> None:
        pass  # the viewer draws no relation (the span list shows speakers)

    def labels_changed(self, labels: LabelSet) -> None:
        self.view.set_labels(labels)

    def suggestions_changed(self, doc: OpenDocument) -> None:
        shown = doc.suggestions
        selected = next((i for i, s in enumerate(shown) if s.id == doc.selected_suggestion), None)
        self.view.set_suggestions([(s.start, s.end, s.label) for s in shown], selected)

    def suggestions_moved(
        self, doc: OpenDocument, closed: list[Suggestion], opened: list[Suggestion]
    ) -> None:
        if not self.view.move_suggestions(
            [(s.start, s.end, s.label) for s in closed], [(s.start, s.end, s.label) for s in opened]
        ):
            self.suggestions_changed(doc)  # a frame the viewer does not have: draw them all


class SpanListOf:
    """The span list: a row a span, its speaker."""

    def __init__(self, model: SpanListModel) -> None:
        self.model = model

    def document_opened(self, doc: OpenDocument) -> None:
        self.model.set_document(doc.text, list(doc.spans.values()), doc.relations, doc.labels)

    def span_put(self, span: StoredSpan, new: bool) -> None:
        if new:
            self.model.add_span(span)
        else:
            self.model.update_span(span)

    def span_removed(self, span_id: int) -> None:
        self.model.remove_span(span_id)

    def relations_changed(self, relations: list[Relation]) -> None:
        self.model.set_relations(relations)

    def labels_changed(self, labels: LabelSet) -> None:
        self.model.set_labels(labels)

    def suggestions_changed(self, doc: OpenDocument) -> None:
        pass  # suggestions are not spans: the list shows the annotators' work only

    def suggestions_moved(
        self, doc: OpenDocument, closed: list[Suggestion], opened: list[Suggestion]
    ) -> None:
        pass


class SnapperOf:
    """The clitic snapper: the open document's spans are evidence at once."""

    def __init__(self, snapper: Snapper) -> None:
        self.snapper = snapper

    def document_opened(self, doc: OpenDocument) -> None:
        self.snapper.set_document(doc.document_id, doc.text, list(doc.spans.values()))

    def span_put(self, span: StoredSpan, new: bool) -> None:
        self.snapper.add_span(span)

    def span_removed(self, span_id: int) -> None:
        self.snapper.remove_span(span_id)

    def relations_changed(self, relations: list[Relation]) -> None:
        pass

    def labels_changed(self, labels: LabelSet) -> None:
        pass

    def suggestions_changed(self, doc: OpenDocument) -> None:
        pass  # a suggestion is no evidence: only what annotators labelled is

    def suggestions_moved(
        self, doc: OpenDocument, closed: list[Suggestion], opened: list[Suggestion]
    ) -> None:
        pass


class SuggestionListOf:
    """The Suggestions list: the open suggestions, a row each."""

    def __init__(self, model: SuggestionListModel) -> None:
        self.model = model

    def document_opened(self, doc: OpenDocument) -> None:
        self.model.show(doc)

    def span_put(self, span: StoredSpan, new: bool) -> None:
        pass

    def span_removed(self, span_id: int) -> None:
        pass

    def relations_changed(self, relations: list[Relation]) -> None:
        pass

    def labels_changed(self, labels: LabelSet) -> None:
        pass

    def suggestions_changed(self, doc: OpenDocument) -> None:
        self.model.show(doc)

    def suggestions_moved(
        self, doc: OpenDocument, closed: list[Suggestion], opened: list[Suggestion]
    ) -> None:
        if opened:
            self.model.show(doc)  # their rows come back (SuggestionListModel.show)
        else:
            self.model.close(doc, {s.id for s in closed})

"""The open document in one place (core.open_document): every view hears every change, in order."""

from __future__ import annotations

from dataclasses import replace

from annotator.core.model import DEFAULT_LABELS, Document, LabelSet, Relation, StoredSpan
from annotator.core.open_document import OpenDocument
from annotator.core.suggestions import Suggestion, SuggestionState

TEXT = "قال كارتر في لندن"


def span(span_id: int, start: int, end: int, label: str) -> StoredSpan:
    return StoredSpan(span_id, 1, start, end, label, "amal", "t0", "t0", {})


class Heard:
    def __init__(self, name: str, log: list[tuple[str, str, object]]) -> None:
        self.name, self.log = name, log

    def document_opened(self, doc: OpenDocument) -> None:
        self.log.append((self.name, "opened", sorted(doc.spans)))

    def span_put(self, span: StoredSpan, new: bool) -> None:
        self.log.append((self.name, "new" if new else "changed", span.id))

    def span_removed(self, span_id: int) -> None:
        self.log.append((self.name, "removed", span_id))

    def relations_changed(self, relations: list[Relation]) -> None:
        self.log.append((self.name, "relations", len(relations)))

    def labels_changed(self, labels: LabelSet) -> None:
        self.log.append((self.name, "labels", len(labels)))

    def suggestions_changed(self, doc: OpenDocument) -> None:
        shown = [s.id for s in doc.suggestions]
        self.log.append((self.name, "suggestions", (shown, doc.selected_suggestion)))

    def suggestions_moved(
        self, doc: OpenDocument, closed: list[Suggestion], opened: list[Suggestion]
    ) -> None:
        moved = ([s.id for s in closed], [s.id for s in opened])
        self.log.append((self.name, "moved", moved))


def test_every_view_hears_every_change_in_the_order_they_subscribed() -> None:
    log: list[tuple[str, str, object]] = []
    doc = OpenDocument()
    doc.subscribe(Heard("viewer", log))
    doc.subscribe(Heard("list", log))
    carter = span(1, 4, 9, "PER")
    doc.open(Document(1, "t", TEXT), [carter], [], DEFAULT_LABELS)
    assert doc.text == TEXT and doc.document_id == 1 and doc.span(1) == carter
    doc.put_span(span(2, 13, 17, "LOC"))
    doc.put_span(span(2, 13, 17, "ORG"))
    doc.remove_span(1)
    doc.remove_span(1)  # gone already: nobody is told twice
    doc.set_relations([Relation(1, "speaker", 2, 2, "amal")])
    doc.set_labels(DEFAULT_LABELS)
    assert log == [
        ("viewer", "opened", [1]),
        ("list", "opened", [1]),
        ("viewer", "new", 2),
        ("list", "new", 2),
        ("viewer", "changed", 2),
        ("list", "changed", 2),
        ("viewer", "removed", 1),
        ("list", "removed", 1),
        ("viewer", "relations", 1),
        ("list", "relations", 1),
        ("viewer", "labels", len(DEFAULT_LABELS)),
        ("list", "labels", len(DEFAULT_LABELS)),
    ]
    assert [s.label for s in doc.spans.values()] == ["ORG"]


def test_nothing_open() -> None:
    doc = OpenDocument()
    assert doc.text == "" and doc.document_id is None and doc.span(3) is None


def test_suggestions_in_reading_order_and_the_selected_one_while_open() -> None:
    log: list[tuple[str, str, object]] = []
    doc = OpenDocument()
    doc.subscribe(Heard("viewer", log))
    doc.open(Document(1, "t", TEXT), [], [], DEFAULT_LABELS)
    london = Suggestion(1, 13, 17, "LOC", "memory", 1.0, id=7)
    carter = Suggestion(1, 4, 9, "PER", "memory", 0.67, id=8)
    carter_org = Suggestion(1, 4, 9, "ORG", "memory", 0.33, id=9)
    doc.set_suggestions([london, carter_org, carter])
    assert [s.id for s in doc.suggestions] == [8, 9, 7]  # by place, the best score first
    doc.select_suggestion(9)
    doc.set_suggestions([london, carter])  # 9 accepted or rejected: no longer selected
    assert doc.selected_suggestion is None
    doc.open(Document(2, "t", TEXT), [], [], DEFAULT_LABELS)
    assert doc.suggestions == [] and doc.selected_suggestion is None
    assert [entry[2] for entry in log if entry[1] == "suggestions"] == [
        ([8, 9, 7], None),
        ([8, 9, 7], 9),
        ([8, 7], None),
    ]


def test_an_accept_or_reject_tells_the_views_only_what_closed() -> None:
    log: list[tuple[str, str, object]] = []
    doc = OpenDocument()
    doc.subscribe(Heard("viewer", log))
    doc.open(Document(1, "t", TEXT), [], [], DEFAULT_LABELS)
    london = Suggestion(1, 13, 17, "LOC", "memory", 1.0, id=7)
    carter = Suggestion(1, 4, 9, "PER", "memory", 0.67, id=8)
    doc.set_suggestions([london, carter])
    doc.select_suggestion(8)
    log.clear()
    doc.update_suggestions([replace(carter, state=SuggestionState.ACCEPTED)])
    assert log == [("viewer", "moved", ([8], []))]
    assert [s.id for s in doc.suggestions] == [7] and doc.selected_suggestion is None
    doc.update_suggestions([carter])  # its undo: open again, in its place
    assert [s.id for s in doc.suggestions] == [8, 7]
    assert log[-1] == ("viewer", "moved", ([], [8]))
    doc.update_suggestions([replace(carter, score=0.9)])  # another score: all read again
    assert log[-1] == ("viewer", "suggestions", ([8, 7], None))

"""Label all occurrences (Ctrl+L): every other occurrence of the selected span's text in the open
document gets the span's label, as ONE undoable edit (issue 11).

Occurrences are found by ``core.occurrences`` (the search key, across proclitics: the stem is
labelled, the و / ب / ل stays out) and never overlap a span of the same kind already there.
The spans are the acting annotator's, made as the label key makes them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from annotator.core.edits import AddSpan, Composite, Edit
from annotator.core.model import Document, LabelSet, Span, StoredSpan
from annotator.core.occurrences import occurrences
from annotator.ui.text import isolate, ltr, short


class Spans(Protocol):
    def spans(self) -> list[StoredSpan]: ...


class Labeller(Protocol):
    """What label-all needs of the window's controller."""

    @property
    def document(self) -> Document | None: ...

    @property
    def labels(self) -> LabelSet: ...

    @property
    def annotator(self) -> str: ...

    @property
    def span_model(self) -> Spans: ...

    def selected_span(self) -> StoredSpan | None: ...

    def push(self, edit: Edit, text: str, *, select: int | None = None) -> bool: ...

    def say(self, text: str) -> None: ...


def chosen_span(ctrl: Labeller) -> tuple[Document, StoredSpan] | None:
    """The open document and its selected span, whose text label-all looks for; None, said in
    the status bar, when there is no document or no span selected."""
    document, span = ctrl.document, ctrl.selected_span()
    if document is None or document.id is None:
        ctrl.say(
            QCoreApplication.translate("LabelAll", "No article is open: import articles first")
        )
        return None
    if span is None:
        ctrl.say(
            QCoreApplication.translate(
                "LabelAll", "Select a span first (label a word, or click a span)"
            )
        )
        return None
    return document, span


def label_all_occurrences(ctrl: Labeller) -> int:
    """Label every other occurrence of the selected span's text in the open document; say what
    was done (or why nothing) in the status bar. Returns how many spans were made."""
    chosen = chosen_span(ctrl)
    if chosen is None:
        return 0
    document, span = chosen
    assert document.id is not None
    text = document.text
    label = ctrl.labels.get(span.label)
    kind = label.kind if label is not None else None
    taken = [
        (s.start, s.end)
        for s in ctrl.span_model.spans()
        if (known := ctrl.labels.get(s.label)) is not None and known.kind == kind
    ]
    words = isolate(short(text[span.start : span.end]))
    found = occurrences(text, text[span.start : span.end], taken)
    if not found:
        ctrl.say(
            QCoreApplication.translate(
                "LabelAll", "No other occurrence of {text} without a span of its kind"
            ).format(text=words)
        )
        return 0
    edit = Composite(
        tuple(AddSpan(Span(None, document.id, a, b, span.label, ctrl.annotator)) for a, b in found)
    )
    action = QCoreApplication.translate(
        "LabelAll", "Label {n} more occurrence(s) of {text} as {label}"
    ).format(n=ltr(str(len(found))), text=words, label=isolate(span.label))
    if not ctrl.push(edit, action, select=span.id):
        return 0
    ctrl.say(action)
    return len(found)

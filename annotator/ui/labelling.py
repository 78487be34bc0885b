"""Labelling in the window: a label key on a selection (snapped to tokens and clitics unless
exact) or on a selected span (a relabel), as one undoable edit with what it did in the status
bar. The controller's label keys call these; the strings keep the controller's translation
context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.core.edges import trim
from annotator.core.edits import AddSpan, Relabel
from annotator.core.model import Span, StoredSpan
from annotator.ui.edge_text import trimmed_note
from annotator.ui.text import isolate, joined, short

if TYPE_CHECKING:
    from annotator.ui.controller import AnnotationController

OPENING_MARKS = "«\"'“‘‹„("  # between a proclitic and its word: لـ«رويترز», و«داعش»


def label(ctrl: AnnotationController, name: str, *, exact: bool = False) -> None:
    """Label the selection (snapped to tokens unless ``exact``); relabel a selected span."""
    if ctrl.document is None or ctrl.document.id is None:
        ctrl.message.emit(
            QCoreApplication.translate(
                "AnnotationController", "No article is open: import articles first"
            )
        )
        return
    selected = ctrl.selected_span()
    if selected is not None:
        relabel(ctrl, selected, name)
        return
    start, end = ctrl.view.selection()
    if start == end:
        ctrl.message.emit(
            QCoreApplication.translate("AnnotationController", "Select some text or a span first")
        )
        return
    text = ctrl.document.text
    note = ""
    found = not exact and ctrl.found == (start, end)
    if exact or found:  # the characters chosen, never white space at the edges (ADR 0035)
        chosen = (start, end)
        start, end = trim(text, start, end)
        if start == end:
            ctrl.message.emit(
                QCoreApplication.translate(
                    "AnnotationController", "The selection holds only spaces: no span made"
                )
            )
            return
        note = trimmed_note() if (start, end) != chosen else ""
        if found and not note:
            note = QCoreApplication.translate(
                "AnnotationController", "the match found, labelled as it is"
            )
    else:
        snapped = ctrl.snapper.snap(start, end)
        if snapped is None:
            ctrl.message.emit(
                QCoreApplication.translate(
                    "AnnotationController",
                    "The selection holds only spaces or punctuation: no span made",
                )
            )
            return
        start, end, proclitic = snapped
        letters = proclitic.rstrip(OPENING_MARKS)  # لـ« is the proclitic لـ and a mark
        if letters != proclitic:
            note = QCoreApplication.translate(
                "AnnotationController", "proclitic {clitic} and {mark} left out of the span"
            ).format(clitic=isolate(letters), mark=isolate(proclitic[len(letters) :]))
        elif proclitic:
            note = QCoreApplication.translate(
                "AnnotationController", "proclitic {clitic} left out of the span"
            ).format(clitic=isolate(proclitic))
    existing = same_span(ctrl, start, end, name)
    if existing is not None:
        ctrl.view.select_span(existing.id)
        ctrl.message.emit(
            QCoreApplication.translate("AnnotationController", "That span is already there")
        )
        return
    span = Span(None, ctrl.document.id, start, end, name, ctrl.annotator)
    words = isolate(short(text[start:end]))
    action = QCoreApplication.translate("AnnotationController", "Label {text} as {label}").format(
        text=words, label=isolate(name)
    )
    if ctrl.push(AddSpan(span), action):
        ctrl.message.emit(joined(action, note) if note else action)


def relabel(ctrl: AnnotationController, span: StoredSpan, name: str) -> None:
    if span.label == name:
        ctrl.message.emit(
            QCoreApplication.translate(
                "AnnotationController", "The span is already {label}"
            ).format(label=isolate(name))
        )
        return
    if same_span(ctrl, span.start, span.end, name) is not None:
        ctrl.message.emit(
            QCoreApplication.translate(
                "AnnotationController", "A {label} span with these bounds is already there"
            ).format(label=isolate(name))
        )
        return
    action = QCoreApplication.translate("AnnotationController", "Relabel {old} as {new}").format(
        old=isolate(span.label), new=isolate(name)
    )
    note = ctrl.speakers.relabel_note(span, name)  # before: the links are still there
    if ctrl.push(Relabel(span.id, name), action, select=span.id):
        dropped = ctrl.last_effects.dropped if ctrl.last_effects else 0
        ctrl.message.emit(joined(action, note) if dropped and note else action)


def same_span(ctrl: AnnotationController, start: int, end: int, label: str) -> StoredSpan | None:
    """The acting annotator's span with these bounds and label, if there is one."""
    for span in ctrl.span_model.spans():
        if (span.start, span.end, span.label, span.annotator) == (
            start,
            end,
            label,
            ctrl.annotator,
        ):
            return span
    return None

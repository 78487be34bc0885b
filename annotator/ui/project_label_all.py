"""Label all occurrences in the project (Ctrl+Alt+L): every other occurrence of the selected
span's text in every document gets the span's label, as ONE undoable edit (issue 11,
docs/adr/0060).

The same rules as Ctrl+L in one document (ui/label_all.py, core.occurrences): by the search key,
through proclitics, never over a span of the label's kind. Finding and writing run on a Job
with a connection of its own, in one transaction (ops.project_search, over the texts' index;
docs/adr/0080): the window waits for neither, and a cancel writes nothing. The edit, already
applied, goes on the window's undo stack, so one undo removes every span it made.
"""

from __future__ import annotations

from itertools import chain
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annotator.core.edits import AddSpan, Edit, SetStatus
from annotator.core.errors import AnnotatorError, Cancelled
from annotator.ops.project_search import Labelled, label_everywhere_now
from annotator.store import Repository, open_project
from annotator.ui.background import Job, Step
from annotator.ui.effects import flatten
from annotator.ui.label_all import Labeller, chosen_span
from annotator.ui.text import isolate, ltr, short


class ProjectLabeller(Labeller, Protocol):
    """What project-wide label-all needs of the controller besides label-all's."""

    @property
    def repo(self) -> Repository: ...

    def push_applied(self, edit: Edit, inverse: Edit, text: str, *, select: int | None) -> bool: ...


def touches_several(edit: Edit, inverse: Edit) -> bool:
    """Whether an edit's spans or statuses were added to or set in more than one document (its
    inverse names those of the spans it removed): project-wide label-all and its undo. Stops at
    the second document (a label-all of thousands of spans is told at once)."""
    first: int | None = None
    for part in chain(flatten(edit), flatten(inverse)):
        if isinstance(part, AddSpan):
            found = part.span.document_id
        elif isinstance(part, SetStatus):
            found = part.document_id
        else:
            continue
        if first is None:
            first = found
        elif found != first:
            return True
    return False


def label_all_in_project(ctrl: ProjectLabeller, parent: QWidget) -> int:
    """Label every other occurrence of the selected span's text in every document; say what
    was done (or why nothing) in the status bar. Returns how many spans were made."""
    chosen = chosen_span(ctrl)
    if chosen is None:
        return 0
    document, span = chosen
    query = document.text[span.start : span.end]
    project, timeout = ctrl.repo.path, ctrl.repo.timeout
    read_only = ctrl.repo.read_only  # the Job writes as the window would, or is refused
    labels, annotator = ctrl.labels, ctrl.annotator

    def work(step: Step) -> Labelled:  # found and written on the Job's connection
        with open_project(project, create=False, timeout=timeout, read_only=read_only) as repo:
            return label_everywhere_now(repo, query, span.label, annotator, labels, step)

    words = isolate(short(query))
    searching = QCoreApplication.translate("ProjectLabelAll", "Finding {text} in every article…")
    try:
        done = Job("label-all", work, parent).run_modal(parent, searching.format(text=words))
    except Cancelled:
        return 0
    except AnnotatorError as exc:
        ctrl.say(str(exc))
        return 0
    made = done.labelling
    if not made.spans:
        ctrl.say(
            QCoreApplication.translate(
                "ProjectLabelAll",
                "No other occurrence of {text} in the project without a span of its kind",
            ).format(text=words)
        )
        return 0
    action = QCoreApplication.translate(
        "ProjectLabelAll", "Label {n} occurrence(s) of {text} as {label} in {m} document(s)"
    ).format(
        n=ltr(str(made.spans)), text=words, label=isolate(span.label), m=ltr(str(made.documents))
    )
    if not ctrl.push_applied(made.edit, done.inverse, action, select=span.id):
        return 0
    ctrl.say(
        QCoreApplication.translate(
            "ProjectLabelAll", "Labelled {n} occurrences in {m} documents"
        ).format(n=ltr(str(made.spans)), m=ltr(str(made.documents)))
    )
    return made.spans

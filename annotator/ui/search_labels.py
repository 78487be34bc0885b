"""Labelling from the project search list (docs/adr/0067): the current hit, the selected ones
(a selected document: all its hits) or all, with the label chosen in the panel.

Each is ONE edit, ``ops.project_search.label_hits``, pushed on the window's undo stack, so one
Ctrl+Z removes every span it made. A hit a span of the label's kind already covers is skipped,
as project-wide label-all skips it; the status bar says how many were labelled and skipped.
After the edit (and after any other edit or undo) the labels over the listed hits are read
again from the project, so a second "Label all" finds nothing left to do.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from annotator.core.edits import AddSpan
from annotator.ops.project_search import Hit, label_hits
from annotator.store import Repository
from annotator.ui.controller import AnnotationController
from annotator.ui.search_panel import SearchPanel
from annotator.ui.text import isolate, joined, ltr
from annotator.ui.viewer import ArticleView

CHUNK = 500
"""Documents whose spans are read at a time (SQLite's limit on query parameters)."""


class SearchHost(Protocol):
    @property
    def repo(self) -> Repository: ...
    @property
    def view(self) -> ArticleView: ...
    @property
    def controller(self) -> AnnotationController: ...


def _chosen_hits(panel: SearchPanel, which: str) -> list[Hit] | str:
    """The hits ``which`` ("this", "selected", "all") names, or why there are none."""
    if which == "this":
        hit = panel.current_hit()
        return (
            [hit]
            if hit is not None
            else QCoreApplication.translate("ProjectSearch", "Choose a hit in the list first")
        )
    hits = panel.selected_hits() if which == "selected" else panel.all_hits()
    if hits:
        return hits
    if which == "selected":
        return QCoreApplication.translate(
            "ProjectSearch", "Select hits or documents in the list first"
        )
    return QCoreApplication.translate("ProjectSearch", "No hits to label: search first")


def label_from_list(host: SearchHost, panel: SearchPanel, which: str) -> int:
    """Label the hits ``which`` names; say what was done in the status bar. Returns how many
    spans were made."""
    ctrl = host.controller
    label = panel.chosen_label()
    chosen = _chosen_hits(panel, which)
    if isinstance(chosen, str) or label is None:
        ctrl.say(
            chosen
            if isinstance(chosen, str)
            else QCoreApplication.translate("ProjectSearch", "The project has no labels")
        )
        return 0
    edit = label_hits(chosen, label, ctrl.annotator, ctrl.labels)
    made, skipped = len(edit.edits), len(chosen) - len(edit.edits)
    name = isolate(label)
    if not made:
        ctrl.say(
            QCoreApplication.translate(
                "ProjectSearch",
                "Nothing labelled: a span of the kind of {label} is already over {n} hit(s)",
            ).format(label=name, n=ltr(str(skipped)))
        )
        return 0
    documents = len({a.span.document_id for a in edit.edits if isinstance(a, AddSpan)})
    action = QCoreApplication.translate(
        "ProjectSearch", "Label {n} search hit(s) as {label}"
    ).format(n=ltr(str(made)), label=name)
    if not ctrl.push(edit, action):
        return 0
    refresh_covered(host, panel)
    done = QCoreApplication.translate(
        "ProjectSearch", "Labelled {n} hit(s) as {label} in {m} document(s)"
    ).format(n=ltr(str(made)), label=name, m=ltr(str(documents)))
    if skipped:
        note = QCoreApplication.translate(
            "ProjectSearch", "{n} skipped: a span of its kind is already there"
        ).format(n=ltr(str(skipped)))
        done = joined(done, note)
    ctrl.say(done)
    return made


def refresh_covered(host: SearchHost, panel: SearchPanel) -> None:
    """Read the labels of the spans over every listed hit again and show them in place."""
    results = panel.results
    for at in range(0, len(results), CHUNK):
        part = results[at : at + CHUNK]
        places = host.repo.places([d.document_id for d in part])
        for n, document in enumerate(part, start=at):
            spans = places.get(document.document_id, [])
            hits = tuple(_covered(hit, spans) for hit in document.hits)
            if hits != document.hits:
                panel.set_hits(n, hits)


def _covered(hit: Hit, spans: list[tuple[int, int, str]]) -> Hit:
    labels = tuple(sorted({lb for a, b, lb in spans if a < hit.end and hit.start < b}))
    if labels == hit.covered_by:
        return hit
    return Hit(hit.document_id, hit.start, hit.end, hit.left, hit.word, hit.right, labels)

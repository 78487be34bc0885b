"""The Suggestions menu's two reports (docs/adr/0061): the consistency report and the
recommender quality table, each a dialog made when first asked for and read anew when asked
again; a place chosen in the consistency report opens its document with that span selected.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annotator.core.open_document import OpenDocument
from annotator.store import Repository
from annotator.ui.consistency_dialog import ConsistencyDialog
from annotator.ui.job_dialog import ReportDialog
from annotator.ui.quality_dialog import QualityDialog
from annotator.ui.quality_line import QualityLine, QualityWatch
from annotator.ui.suggestion_model import SuggestionListModel
from annotator.ui.text import isolate, short
from annotator.ui.viewer import ArticleView


class Opener(Protocol):
    def go(self, document_id: int) -> None: ...


class Editor(Protocol):
    @property
    def open(self) -> OpenDocument: ...
    @property
    def annotator(self) -> str: ...
    def say(self, text: str) -> None: ...


class ReportsHost(Protocol):
    """What the reports need of the window: the project, the viewer, the navigator (to open a
    document) and the controller (the open document, the annotator, the status bar)."""

    @property
    def repo(self) -> Repository: ...
    @property
    def view(self) -> ArticleView: ...
    @property
    def navigator(self) -> Opener: ...
    @property
    def controller(self) -> Editor: ...
    def activateWindow(self) -> None: ...


class SuggestionReports:
    def __init__(self, host: ReportsHost, parent: QWidget) -> None:
        self.host, self.parent = host, parent
        self.consistency: ConsistencyDialog | None = None
        self.quality: QualityDialog | None = None
        self.watch: QualityWatch | None = None  # the Suggestions panel's quality line

    def watch_quality(self, line: QualityLine, model: SuggestionListModel) -> QualityWatch:
        """The panel's line measures on its link and shows what the dialog measured; the list's
        tooltips show both."""
        self.watch = QualityWatch(self.host.repo, line, self.parent)
        self.watch.measured.connect(model.set_quality)
        line.detailsAsked.connect(self.show_quality)
        return self.watch

    def show_consistency(self) -> None:
        if self.consistency is None:
            dialog = self.consistency = ConsistencyDialog(
                self.host.repo.path, self.host.repo.timeout, self.parent
            )
            dialog.placeChosen.connect(self.open_place)
        else:
            self.consistency.refresh()
        _raise(self.consistency)

    def show_quality(self) -> None:
        if self.quality is None:
            self.quality = QualityDialog(self.host.repo.path, self.host.repo.timeout, self.parent)
            if self.watch is not None:
                self.quality.measured.connect(self.watch.show)
        else:
            self.quality.refresh()
        _raise(self.quality)

    def close(self) -> None:
        if self.watch is not None:
            self.watch.close()

    def retranslate(self) -> None:
        for dialog in (self.consistency, self.quality):
            if dialog is not None:
                dialog.retranslate()

    def open_place(self, document_id: int, start: int, end: int, label: str) -> None:
        """Open the document with the span at (start, end) labelled ``label`` selected (the
        annotator's own if two annotators have it); gone since the report: its text selected."""
        host = self.host
        host.navigator.go(document_id)
        doc = host.controller.open
        if doc.document_id != document_id:
            return  # the window said why it could not open it
        found = sorted(
            (s for s in doc.spans.values() if (s.start, s.end, s.label) == (start, end, label)),
            key=lambda s: (s.annotator != host.controller.annotator, s.id),
        )
        if found:
            host.view.select_span(found[0].id)
        else:
            host.view.select_span(None)
            host.view.set_selection(start, end)
        host.activateWindow()  # the label keys are the window's
        host.view.setFocus()
        text = isolate(short(doc.text[start:end]))
        if found:
            host.controller.say(
                QCoreApplication.translate(
                    "SuggestionReports", "{label} {text}: a label key relabels it"
                ).format(label=isolate(label), text=text)
            )
        else:
            host.controller.say(
                QCoreApplication.translate(
                    "SuggestionReports", "{text} is no longer labelled {label} (Refresh the report)"
                ).format(label=isolate(label), text=text)
            )


def _raise(dialog: ReportDialog[Any]) -> None:
    dialog.show()
    dialog.raise_()

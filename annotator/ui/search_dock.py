"""Search the project (Ctrl+Shift+F, issue 11, docs/adr/0067): a dock under the article whose
query runs ``ops.project_search.search_project`` on a Job (a connection of its own, progress,
Cancel), lists the hits by document (ui/search_panel.py), opens a hit in the window, and labels
hits from the list (ui/search_labels.py).

A new query cancels the one running and its answer is dropped: only the last query's hits are
ever shown. The dock lives at the bottom of the window, where a line of context has the whole
width; it is hidden until Ctrl+Shift+F (or the Go menu) opens it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.ops.project_search import DocumentHits, Hit, search_project
from annotator.store import open_project
from annotator.ui.background import Job, Step, Watch
from annotator.ui.search_labels import SearchHost, label_from_list, refresh_covered
from annotator.ui.search_panel import SearchPanel
from annotator.ui.text import isolate, short


class Opener(Protocol):
    def go(self, document_id: int) -> None: ...


class DockHost(SearchHost, Protocol):
    """What the dock needs of the window besides what labelling needs."""

    @property
    def navigator(self) -> Opener: ...
    def activateWindow(self) -> None: ...


class ProjectSearch(QObject):
    def __init__(self, host: DockHost, window: QMainWindow) -> None:
        super().__init__(window)
        self.host = host
        self.run: Watch | None = None  # the query running
        self.panel = SearchPanel()
        self.dock = QDockWidget(window)
        self.dock.setObjectName("search-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self._covered = QTimer(self)  # edits come in bursts (undo, redo): read once after them
        self._covered.setSingleShot(True)
        self._covered.setInterval(0)
        self._covered.timeout.connect(self.refresh_covered)
        p = self.panel
        p.field.returnPressed.connect(self.search)
        p.search_button.clicked.connect(self._search_or_cancel)
        p.hitActivated.connect(self.open_hit)
        p.label_this.clicked.connect(lambda: self.label("this"))
        p.label_selected.clicked.connect(lambda: self.label("selected"))
        p.label_all.clicked.connect(lambda: self.label("all"))
        controller = host.controller
        controller.labelsChanged.connect(lambda: p.set_labels(controller.labels))
        controller.stack.indexChanged.connect(lambda _index: self._covered.start())
        p.set_labels(controller.labels)
        self.retranslate()

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Search the project"))
        self.panel.retranslate()

    # -- opening ----------------------------------------------------------------------------
    def open(self) -> None:
        """Show the dock with the field focused, prefilled with the selected span's text or
        the selected text (else the last query), its label chosen."""
        controller = self.host.controller
        document = controller.document
        span = controller.selected_span()
        start, end = (span.start, span.end) if span is not None else self.host.view.selection()
        if document is not None and start < end:
            self.panel.field.setText(" ".join(document.text[start:end].split()))
        if span is not None:
            self.panel.set_labels(controller.labels, span.label)
        self.dock.show()
        self.dock.raise_()
        self.panel.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.field.selectAll()

    # -- searching --------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.run is not None

    def search(self) -> None:
        """Search for the field's text (a search still running is cancelled and forgotten)."""
        query = self.panel.field.text()
        self.cancel()
        if not query.strip():
            self.panel.summary.setText(self.tr("Type a word or a name to search for"))
            return
        project, timeout = self.host.repo.path, self.host.repo.timeout

        def work(step: Step) -> list[DocumentHits]:
            with open_project(project, create=False, read_only=True, timeout=timeout) as repo:
                return search_project(repo, query, step)

        job: Job[list[DocumentHits]] = Job("project-search", work)
        self.run = Watch(job, self, self.ended, self._moved)
        self.panel.set_running(
            True, self.tr("Searching every document for {text}…").format(text=isolate(short(query)))
        )
        job.start()

    def cancel(self) -> None:
        if self.run is not None:
            self.run.job.cancel()
            self.run.forget()
            self.run = None
            self.panel.set_running(False, self.tr("Search cancelled"))

    def _search_or_cancel(self) -> None:
        if self.running:
            self.cancel()
        else:
            self.search()

    def _moved(self, done: int, total: int, _what: str) -> None:
        self.panel.moved(done, total)

    def ended(self, run: Watch) -> None:
        if run is not self.run:  # a newer query replaced it, or it was cancelled: dropped
            return
        self.run = None
        self.panel.set_running(False)
        try:
            results: list[DocumentHits] = run.job.result()
        except Cancelled:
            return
        except AnnotatorError as exc:
            self.panel.summary.setText(self.tr("The search failed: {error}").format(error=exc))
            return
        self.panel.show_results(results)

    def refresh_covered(self) -> None:
        """The labels over the listed hits, read again (an edit or its undo changed them)."""
        self._covered.stop()
        if not self.panel.results:
            return
        try:
            refresh_covered(self.host, self.panel)
        except AnnotatorError as exc:  # the file went away or is locked: say so, keep the list
            self.panel.summary.setText(
                self.tr("The labels over the hits could not be read: {error}").format(error=exc)
            )

    # -- a hit ------------------------------------------------------------------------------
    def open_hit(self, hit: Hit) -> None:
        """Open the hit's document with the hit selected: a label key labels it as it is."""
        host = self.host
        host.navigator.go(hit.document_id)
        if host.controller.document_id != hit.document_id:
            return  # the window said why it could not open it
        host.controller.select_found(hit.start, hit.end)
        host.activateWindow()  # the label keys are the window's
        host.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def label(self, which: str) -> int:
        """Label the current hit, the selected ones or all with the chosen label."""
        made = label_from_list(self.host, self.panel, which)
        self._covered.stop()  # read already, right after the edit
        return made

    def close(self) -> None:
        self.cancel()

"""Keeps the window in step with the project file while other programs use it too.

Once a second (and when the window becomes active) the watch asks the store two cheap things:
whether the project's files are still the ones the connection opened (docs/adr/0016), and
``PRAGMA data_version``, which changes when another connection commits. Another program's
documents and spans appear without a restart; a journal removed under the connection reopens
the project from the file and says so, the article showing exactly what the file holds.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from annotator.core.errors import AnnotatorError
from annotator.core.model import StoredSpan
from annotator.store.guard import ProjectDetachedError
from annotator.ui.error_text import project_reopened, write_failed

if TYPE_CHECKING:
    from annotator.ui.controller import AnnotationController

log = logging.getLogger(__name__)

INTERVAL_MS = 1000


def _key(span: StoredSpan) -> tuple[object, ...]:
    return (span.id, span.start, span.end, span.label, span.annotator, span.updated)


class ProjectWatch(QObject):
    def __init__(self, controller: AnnotationController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._version = self._read_version()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _read_version(self) -> int | None:
        try:
            return self.controller.repo.data_version()
        except AnnotatorError:
            return None

    def poll(self) -> None:
        """Reopen a detached project; reload what another program changed."""
        if self.controller.closed:
            self.timer.stop()
            return
        try:
            self.controller.repo.check_files()
            version = self.controller.repo.data_version()
        except ProjectDetachedError as exc:
            self.reopen(exc)
            return
        except AnnotatorError as exc:  # locked for a moment, say: the next poll tries again
            log.info("project not polled: %s", exc)
            return
        if version != self._version:
            self._version = version
            self.controller.project_changed()  # spans or documents of any document
            self.refresh()

    def refresh(self) -> bool:
        """Bring the document list and the open document up to the file; True if the open
        document changed (another program's spans, relations or a status)."""
        c = self.controller
        try:
            if c.repo.labels() != c.labels:  # another program's import brought labels
                c.reload_labels()
            c.document_model.reload()
            if c.document_id is None:
                c.documentsChanged.emit()
                return False
            annotated = c.repo.annotated(c.document_id, annotator=c.annotator, annotators=c.shown())
        except AnnotatorError as exc:
            log.warning("refresh after another program's change failed: %s", exc)
            return False
        c.documentsChanged.emit()
        shown = sorted(map(_key, c.span_model.spans()))
        stored = sorted(map(_key, annotated.spans))
        if shown == stored and list(annotated.relations) == c.relations:
            return False
        view = c.view
        selected, scroll, selection = view.selected_span(), view.scroll_value(), view.selection()
        c.show_document(annotated.document, list(annotated.spans), list(annotated.relations))
        if selected is not None and c.span_model.span_by_id(selected) is not None:
            view.select_span(selected)
        elif selection != (0, 0):
            view.set_selection(*selection)
        view.set_scroll_value(scroll)
        c.message.emit(
            QCoreApplication.translate(
                "ProjectWatch", "Another program changed this document: it shows the file now"
            )
        )
        return True

    def reopen(self, error: ProjectDetachedError) -> None:
        """Open the project file again after its journal was removed under the connection,
        and show what the file holds."""
        log.warning("project detached, reopening: %s", error)
        try:
            self.controller.repo.reopen()
        except AnnotatorError as exc:
            shown = write_failed(exc)
            self.controller.failed.emit(shown.text, shown.detail)
            return
        self._version = self._read_version()
        self.controller.project_changed()
        self.refresh()
        shown = project_reopened(error)
        self.controller.failed.emit(shown.text, shown.detail)

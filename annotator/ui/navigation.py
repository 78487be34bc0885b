"""Moving between documents, and coming back to the same place (docs/adr/0012).

The place (document, scroll position, selection or selected span) is saved in QSettings per
project path on every document switch and on close, and restored when the project reopens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance

from annotator.core.document_order import DocumentOrder
from annotator.core.edits import Edit, SetStatus
from annotator.core.errors import AnnotatorError, NotFoundError
from annotator.core.model import Document, Status, StoredSpan
from annotator.ops import active_learning
from annotator.store import Repository
from annotator.store.document_list import ListView, row_key
from annotator.ui.error_text import document_not_opened
from annotator.ui.settings import Place, UserSettings
from annotator.ui.text import isolate, ltr

SUMMARIES_PER_SCAN = 500  # document summaries one query reads while looking for the next unfinished


class DocumentRows(Protocol):
    """The document list as shown: its rows in the order the annotator chose."""

    @property
    def order(self) -> DocumentOrder: ...
    @property
    def is_filtered(self) -> bool: ...
    @property
    def complete(self) -> bool: ...
    def document_count(self) -> int: ...
    def project_row(self, document_id: int) -> int: ...
    def row_of(self, document_id: int) -> int: ...
    def document_id(self, row: int) -> int | None: ...
    def rowCount(self) -> int: ...


class SpanLookup(Protocol):
    def span_by_id(self, span_id: int) -> StoredSpan | None: ...


class ArticlePlace(Protocol):
    """Where the annotator is in the article (the viewer)."""

    def scroll_value(self) -> int: ...
    def set_scroll_value(self, pos: int) -> None: ...
    def selection(self) -> tuple[int, int]: ...
    def set_selection(self, start: int, end: int) -> None: ...
    def selected_span(self) -> int | None: ...
    def select_span(self, span_id: int | None) -> None: ...


class NavigationHost(Protocol):
    """What moving between documents needs (read only); the controller is one."""

    @property
    def repo(self) -> Repository: ...
    @property
    def annotator(self) -> str: ...
    @property
    def document(self) -> Document | None: ...
    @property
    def document_id(self) -> int | None: ...
    @property
    def document_model(self) -> DocumentRows: ...
    @property
    def span_model(self) -> SpanLookup: ...
    @property
    def view(self) -> ArticlePlace: ...
    @property
    def message(self) -> SignalInstance: ...
    @property
    def failed(self) -> SignalInstance: ...
    def open_document(self, document_id: int) -> None: ...
    def push(self, edit: Edit, text: str, *, select: int | None = None) -> bool: ...


class Navigator(QObject):
    """The controller's ``before_switch`` is set to ``save_place`` by the window."""

    def __init__(
        self,
        controller: NavigationHost,
        settings: UserSettings,
        project: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.project = project
        self.most_useful = settings.most_useful_next()  # Go → Open the most useful next

    # -- place ------------------------------------------------------------------------------
    def place(self) -> Place:
        view = self.controller.view
        return Place(
            document_id=self.controller.document_id,
            scroll=view.scroll_value(),
            selection=view.selection(),
            span_id=view.selected_span(),
        )

    def save_place(self, *, sync: bool = False) -> None:
        if self.controller.document_id is not None:
            self.settings.save_place(self.project, self.place(), sync=sync)

    def restore(self) -> None:
        """Open the document the annotator left, where they left it; else the first one."""
        place = self.settings.place(self.project)
        document_id = place.document_id
        if document_id is not None:
            try:
                self.controller.open_document(document_id)
            except NotFoundError:
                document_id = None
        if document_id is None:
            order = self.controller.document_model.order  # the first row of the list
            first = self.controller.repo.summaries(
                annotator=self.controller.annotator, limit=1, order=order
            )
            if not first:
                return
            self.controller.open_document(first[0].id)
            return
        view = self.controller.view
        text_length = len(self.controller.document.text) if self.controller.document else 0
        if (
            place.span_id is not None
            and self.controller.span_model.span_by_id(place.span_id) is not None
        ):
            view.select_span(place.span_id)
        else:
            start, end = place.selection
            if 0 <= start <= end <= text_length and (start, end) != (0, 0):
                view.set_selection(start, end)
        view.set_scroll_value(place.scroll)

    # -- switching --------------------------------------------------------------------------
    def go(self, document_id: int) -> None:
        if document_id == self.controller.document_id:
            return
        try:
            self.controller.open_document(document_id)  # saves the old place first (before_switch)
        except AnnotatorError as exc:
            shown = document_not_opened(exc)
            self.controller.failed.emit(shown.text, shown.detail)
            return
        self.save_place()

    def step(self, delta: int) -> None:
        """The next (+1) or previous (-1) document of the document list."""
        current = self.controller.document_id
        if current is None:
            return
        model = self.controller.document_model
        row = model.row_of(current)
        target: int | None = None
        if row >= 0:
            target = model.document_id(row + delta) if row + delta >= 0 else None
        else:  # the filter hides it: the next of the whole list, in the order shown
            target = self._neighbour(current, backwards=delta < 0)
        if target is None:
            self.controller.message.emit(
                self.tr("This is the last document")
                if delta > 0
                else self.tr("This is the first document")
            )
            return
        self.go(target)

    def _whole_list(self) -> ListView:
        return ListView(self.controller.annotator, order=self.controller.document_model.order)

    def _neighbour(self, document_id: int, *, backwards: bool) -> int | None:
        """The document after (before) this one in the whole list, in the order shown."""
        repo, view = self.controller.repo, self._whole_list()
        found = repo.locate(view, document_id)
        if found is None:
            return None
        rows = repo.rows(view, after=found[1], limit=1, backwards=backwards)
        return rows[0].id if rows else None

    def next_unfinished(self, after: int) -> int | None:
        """The first document after ``after`` (wrapping around) that this annotator has not
        done, in the order the list shows: read on from its row by keyset, a page at a time."""
        repo, view = self.controller.repo, self._whole_list()
        found = repo.locate(view, after)
        key, wrapped = (None if found is None else found[1]), found is None
        while True:
            rows = repo.rows(view, after=key, limit=SUMMARIES_PER_SCAN)
            for summary in rows:
                if wrapped and summary.id == after:
                    return None
                if summary.id != after and summary.status is not Status.DONE:
                    return summary.id
            if len(rows) < SUMMARIES_PER_SCAN:
                if wrapped:
                    return None
                key, wrapped = None, True  # on from the first row, up to ``after``
            else:
                key = row_key(rows[-1], view.order)

    def done_and_next(self) -> None:
        """Mark the open document done (one undoable edit) and open the next unfinished one."""
        document_id = self.controller.document_id
        if document_id is None:
            return
        title = self.controller.document.title if self.controller.document else ""
        if self.controller.repo.status(document_id, self.controller.annotator) is not Status.DONE:
            action = self.tr("Mark {title} done").format(title=isolate(title))
            if not self.controller.push(
                SetStatus(document_id, self.controller.annotator, Status.DONE), action
            ):
                return
        if self.most_useful:
            self._most_useful_next(document_id)
            return
        following = self.next_unfinished(document_id)
        if following is None:
            self.controller.message.emit(self.tr("Done. Every document is done."))
            return
        self.go(following)
        self.controller.message.emit(self.tr("Marked done; opened the next unfinished document"))

    def _most_useful_next(self, document_id: int) -> None:
        """Open the unfinished document the model is least sure of (docs/adr/0073); without
        a model or its scores, the next unfinished one in list order, and the status bar says
        why. One indexed query: nothing is scored here."""
        found, why = active_learning.most_useful(
            self.controller.repo, self.controller.annotator, besides=document_id
        )
        if found:
            self.go(found[0].document_id)
            self.controller.message.emit(
                self.tr(
                    "Marked done; opened the document the model is least sure of "
                    "(certainty {certainty})"
                ).format(certainty=ltr(f"{found[0].certainty:.2f}"))
            )
            return
        following = self.next_unfinished(document_id)
        if following is None:
            self.controller.message.emit(self.tr("Done. Every document is done."))
            return
        self.go(following)
        if why is active_learning.Why.NO_MODEL:
            text = self.tr(
                "Marked done; no model is trained yet, so the next unfinished document in "
                "list order was opened"
            )
        else:
            text = self.tr(
                "Marked done; the model has not scored the unfinished documents yet, so the "
                "next one in list order was opened"
            )
        self.controller.message.emit(text)

    def position(self) -> tuple[int, int]:
        """(1-based position of the open document, number of documents) in the list as it
        shows them: in the whole project, or among those a filter shows (when the open one is
        one of them and the list knows all its rows), in the order the list shows."""
        current = self.controller.document_id
        rows = self.controller.document_model
        total = rows.document_count()
        if current is None:
            return 0, total
        if rows.is_filtered and rows.complete:
            row = rows.row_of(current)
            if row >= 0:
                return row + 1, rows.rowCount()
        return rows.project_row(current) + 1, total

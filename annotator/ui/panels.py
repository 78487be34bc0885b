"""The two side panels: the document list, and labels + spans of the open document."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.document_order import DocumentOrder
from annotator.core.model import Status
from annotator.ui.cells import CachedCells, RightToLeftCells
from annotator.ui.document_model import DocumentListModel, status_text
from annotator.ui.palette import LabelPalette
from annotator.ui.quality_line import QualityLine
from annotator.ui.span_model import SpanListModel
from annotator.ui.suggestion_model import SuggestionListModel


def _table(parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _columns(table: QTableView, *, stretch: int, widths: dict[int, int]) -> None:
    """One stretching column; the others as wide as ``widths`` characters (user-resizable)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    em = table.fontMetrics().horizontalAdvance("M")
    for column, chars in widths.items():
        header.resizeSection(column, chars * em)


class DocumentPanel(QWidget):
    """Filter (text, status) above the lazy document table, sorted by a click on a header
    (again: the other way; a third time: import order). Emits ``documentActivated(id)`` and
    ``orderChanged(DocumentOrder)``."""

    documentActivated = Signal(int)
    orderChanged = Signal(object)

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit(self)
        self.search.setObjectName("document-filter")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("status-filter")
        self.table = _table(self)
        self.table.setObjectName("document-list")
        self.table.setModel(model)
        # never ResizeToContents: it reads every row (100,000 documents, 10,000 spans)
        _columns(self.table, stretch=0, widths={1: 9, 2: 6, 3: 5})  # room for the sort arrow
        self.table.setItemDelegate(RightToLeftCells((DocumentListModel.TITLE,), self.table))
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)  # a third click: back to import order
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts in SQL (DocumentListModel.sort)
        header.sortIndicatorChanged.connect(lambda *_: self.orderChanged.emit(model.order))
        model.modelReset.connect(lambda: self.show_current())  # sorted, filtered, reloaded
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self._filter)
        self.status.currentIndexChanged.connect(self._filter)
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Filter by title"))
        current = self.status.currentIndex()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All"), None)
        for status in Status:
            self.status.addItem(status_text(status), status.value)
        self.status.setCurrentIndex(max(0, current))
        self.status.blockSignals(False)

    def _filter(self) -> None:
        value = self.status.currentData()
        self.model.set_filter(None if value is None else Status(value), self.search.text().strip())

    def set_order(self, order: DocumentOrder) -> None:
        """Sort the list as ``order`` says, the header showing it (the saved order)."""
        self.model.set_order(order)
        descending = (
            Qt.SortOrder.DescendingOrder if order.descending else Qt.SortOrder.AscendingOrder
        )
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # the model is sorted already
        header.setSortIndicator(self.model.sort_column(), descending)
        header.blockSignals(False)

    def _activated(self, index: object) -> None:
        document_id = self.model.document_id(index.row())  # type: ignore[attr-defined]
        if document_id is not None:
            self.documentActivated.emit(document_id)

    def show_current(self, document_id: int | None = None) -> None:
        """Select and scroll to the open document's row (if the filter shows it)."""
        if document_id is None:
            document_id = self.model.current
        if document_id is None:
            return
        select_row(self.table, self.model.row_of(document_id))


def select_row(table: QTableView, row: int) -> None:
    """Select and scroll to ``row`` of ``table`` (a negative row clears the selection)."""
    selection = table.selectionModel()
    if row < 0:
        selection.clearSelection()
        return
    index = table.model().index(row, 0)
    selection.setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index)


class SidePanel(QWidget):
    """Label palette, speaker buttons, the span list and the suggestions list. Emits
    ``spanActivated(id)`` and ``suggestionActivated(id)``."""

    spanActivated = Signal(int)
    suggestionActivated = Signal(int)

    def __init__(
        self,
        model: SpanListModel,
        parent: QWidget | None = None,
        suggestions: SuggestionListModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.palette_title = QLabel(self)
        self.label_palette = LabelPalette(self)
        self.pick_button = QToolButton(self)
        self.pick_button.setObjectName("pick-speaker")
        self.remove_speaker_button = QToolButton(self)
        self.remove_speaker_button.setObjectName("remove-speaker")
        for button in (self.pick_button, self.remove_speaker_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.spans_title = QLabel(self)
        self.table = _table(self)
        self.table.setObjectName("span-list")
        self.table.setModel(model)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        _columns(self.table, stretch=1, widths={0: 8, 2: 9, 3: 8, 4: 8})
        self.table.setItemDelegate(
            CachedCells((SpanListModel.TEXT, SpanListModel.SPEAKER), self.table)
        )
        speakers = QHBoxLayout()
        speakers.addWidget(self.pick_button)
        speakers.addWidget(self.remove_speaker_button)
        speakers.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.palette_title)
        layout.addWidget(self.label_palette)
        layout.addLayout(speakers)
        layout.addWidget(self.spans_title)
        layout.addWidget(self.table, 2)
        self.suggestions = suggestions or SuggestionListModel(self)
        self.suggestions_title = QLabel(self)
        self.suggestion_table = _table(self)
        self.suggestion_table.setObjectName("suggestion-list")
        self.suggestion_table.setModel(self.suggestions)
        self.suggestion_table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        _columns(self.suggestion_table, stretch=1, widths={0: 8, 2: 9, 3: 5})
        # cells painted once and copied: an accept or a reject moves every row below it
        self.suggestion_table.setItemDelegate(
            CachedCells((SuggestionListModel.TEXT,), self.suggestion_table)
        )
        self.suggestions_note = QLabel(self)  # hidden ones, why a recommender found nothing
        self.suggestions_note.setObjectName("suggestion-note")
        self.suggestions_note.setWordWrap(True)
        self.suggestions_note.setVisible(False)
        self.suggestions.noteChanged.connect(self._show_note)
        self.quality = QualityLine(self)  # each recommender's F1 against the done documents
        layout.addWidget(self.suggestions_title)
        layout.addWidget(self.suggestions_note)
        layout.addWidget(self.suggestion_table, 1)
        layout.addWidget(self.quality)
        # a count in the title must not lay the panel out again (its width would change the
        # panel's minimum width: one more pass of the window's layout and paint after a key)
        self.suggestions_title.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        for signal in (self.suggestions.rowsRemoved, self.suggestions.rowsInserted):
            # a table lays its rows out on a timer, a turn after the key, and paints again then:
            # lay them out now so an accept paints once (connected after the table's own slots)
            signal.connect(lambda *_: self.suggestion_table.executeDelayedItemsLayout())
        self.suggestion_table.clicked.connect(self._suggestion_clicked)
        self.suggestion_table.horizontalHeader().sectionClicked.connect(self._sort_suggestions)
        for signal in (
            self.suggestions.modelReset,
            self.suggestions.layoutChanged,
            self.suggestions.rowsRemoved,
            self.suggestions.rowsInserted,
        ):
            signal.connect(lambda *_: self._suggestions_shown())
        self.table.clicked.connect(self._activated)
        self._framed = -1  # the span framed in the viewer, whose row the list highlights
        # a row moves when its span changes (a relabel or a boundary move sorts it again) and
        # Qt's selection stays on the old place: highlight the framed span's row again
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            signal.connect(lambda *_: self._highlight_framed())
        for signal in (model.modelReset, model.layoutChanged):
            signal.connect(lambda *_: self._highlight_framed())
        self.retranslate()

    def retranslate(self) -> None:
        self.palette_title.setText(self.tr("Labels"))
        self.spans_title.setText(self.tr("Spans in this document"))
        self._count_suggestions()
        self.label_palette.retranslate()
        self.quality.show_state()

    def _count_suggestions(self) -> None:
        self.suggestions_title.setText(
            self.tr("Suggestions in this document: {n} (N, A accepts, X rejects)").format(
                n=self.suggestions.rowCount()
            )
        )

    def _show_note(self, note: str) -> None:
        self.suggestions_note.setText(note)
        self.suggestions_note.setVisible(bool(note))

    def _suggestions_shown(self) -> None:
        self._count_suggestions()
        self.show_suggestion(self.suggestions.selected_id())

    def _suggestion_clicked(self, index: object) -> None:
        found = self.suggestions.suggestion_at_row(index.row())  # type: ignore[attr-defined]
        if found is not None and found.id is not None:
            self.suggestionActivated.emit(found.id)

    def _sort_suggestions(self, column: int) -> None:
        """A click on Score sorts by score (best first), again: reading order; any other
        header: reading order."""
        model = self.suggestions
        model.sort_by_score(column == model.SCORE and not model.by_score)

    def show_suggestion(self, suggestion_id: int | None) -> None:
        """Highlight the selected suggestion's row (None: none)."""
        select_row(self.suggestion_table, self.suggestions.row_of(suggestion_id))

    def _activated(self, index: object) -> None:
        span = self.model.span_at_row(index.row())  # type: ignore[attr-defined]
        if span is not None:
            self.spanActivated.emit(span.id)

    def show_span(self, span_id: int) -> None:
        """Highlight the row of ``span_id`` (-1: none), the span framed in the viewer, scrolled
        into view, without emitting ``spanActivated``; it stays highlighted while rows move."""
        self._framed = span_id
        self._highlight_framed()

    def _highlight_framed(self) -> None:
        framed = self._framed
        select_row(self.table, self.model.row_of(framed) if framed >= 0 else -1)

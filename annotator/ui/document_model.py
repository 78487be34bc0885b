"""The document list: a lazy table model over ``Repository.summaries``.

Rows are loaded a page at a time when the view asks for them, and a few pages are kept, so a
project of 100,000 documents opens as fast as one of ten: the view only ever asks for the rows
it shows. The model adapts the store's list; it holds no documents of its own.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from annotator.core.document_order import IMPORT_ORDER, DocumentOrder, SortKey
from annotator.core.model import DocumentSummary, Status
from annotator.store import Repository
from annotator.ui.table_model import Index, ReadOnlyTableModel
from annotator.ui.text import QT_TRANSLATE_NOOP

ROWS_PER_PAGE = 200  # document list rows read by one query, kept as one page
KEPT_PAGES = 16
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_TEXT = {
    Status.NEW: QT_TRANSLATE_NOOP("DocumentListModel", "new"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("DocumentListModel", "in progress"),
    Status.DONE: QT_TRANSLATE_NOOP("DocumentListModel", "done"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
    QT_TRANSLATE_NOOP("DocumentListModel", "Spans"),
)


def status_text(status: Status) -> str:
    return QCoreApplication.translate("DocumentListModel", STATUS_TEXT[status])


class DocumentListModel(ReadOnlyTableModel):
    """Columns: title, status (of this annotator), span count. Filter by status and title."""

    HEADERS = HEADERS
    CONTEXT = "DocumentListModel"
    TITLE, STATUS, SPANS = range(3)
    SORT_KEYS: ClassVar[dict[int, SortKey]] = {
        TITLE: SortKey.TITLE,
        STATUS: SortKey.STATUS,
        SPANS: SortKey.SPANS,
    }

    def __init__(self, repo: Repository, annotator: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._repo = repo
        self._annotator = annotator
        self._status: Status | None = None
        self._search = ""
        self._order = IMPORT_ORDER
        self._count = repo.count_summaries(annotator=annotator)
        self._pages: OrderedDict[int, list[DocumentSummary]] = OrderedDict()
        self._current: int | None = None

    # -- filter -----------------------------------------------------------------------------
    def set_filter(self, status: Status | None, search: str) -> None:
        if status == self._status and search == self._search:
            return
        self._status, self._search = status, search
        self.reload()

    @property
    def is_filtered(self) -> bool:
        """A status or title filter hides some documents."""
        return self._status is not None or bool(self._search)

    def set_annotator(self, annotator: str) -> None:
        self._annotator = annotator
        self.reload()

    @property
    def order(self) -> DocumentOrder:
        return self._order

    def set_order(self, order: DocumentOrder) -> None:
        """Show the list in ``order``, sorted by the store, read again page by page."""
        if order != self._order:
            self._order = order
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header (QTableView sorting): that column's order; -1: import order."""
        key = self.SORT_KEYS.get(column, SortKey.IMPORT)
        descending = key is not SortKey.IMPORT and order == Qt.SortOrder.DescendingOrder
        self.set_order(DocumentOrder(key, descending))

    def sort_column(self) -> int:
        """The column the list is sorted by, -1 for import order."""
        for column, key in self.SORT_KEYS.items():
            if key is self._order.key:
                return column
        return -1

    @property
    def current(self) -> int | None:
        return self._current

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._repo.count_summaries(
            annotator=self._annotator, status=self._status, search=self._search
        )
        self.endResetModel()

    # -- rows -------------------------------------------------------------------------------
    def _page(self, page: int) -> list[DocumentSummary]:
        rows = self._pages.get(page)
        if rows is None:
            rows = self._repo.summaries(
                annotator=self._annotator,
                status=self._status,
                search=self._search,
                offset=page * ROWS_PER_PAGE,
                limit=ROWS_PER_PAGE,
                order=self._order,
            )
            self._pages[page] = rows
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows

    def summary(self, row: int) -> DocumentSummary | None:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // ROWS_PER_PAGE)
        i = row % ROWS_PER_PAGE
        return rows[i] if i < len(rows) else None

    def document_id(self, row: int) -> int | None:
        found = self.summary(row)
        return None if found is None else found.id

    def row_of(self, document_id: int) -> int:
        """The row showing ``document_id``, or -1 when the filter hides it."""
        for page, rows in self._pages.items():
            for i, summary in enumerate(rows):
                if summary.id == document_id:
                    return page * ROWS_PER_PAGE + i
        return self._repo.position(
            document_id,
            annotator=self._annotator,
            status=self._status,
            search=self._search,
            order=self._order,
        )

    def set_current(self, document_id: int | None) -> None:
        """Show ``document_id`` as the open one (bold)."""
        old, self._current = self._current, document_id
        for doc in (old, document_id):
            if doc is not None:
                self._changed_row(self._cached_row(doc))

    def refresh_document(
        self, document_id: int, *, membership: bool = True, counts: bool = True
    ) -> None:
        """Reload the row of a document whose spans changed (``counts``: their number) or,
        ``membership``, whose status changed."""
        key = self._order.key
        if (membership and (self._status is not None or key is SortKey.STATUS)) or (
            counts and key is SortKey.SPANS
        ):
            # the document may enter or leave the filtered list, or move in the sorted one
            self.reload()
            return
        row = self._cached_row(document_id)
        if row < 0:
            return
        self._pages.pop(row // ROWS_PER_PAGE, None)
        self._changed_row(row)

    def _cached_row(self, document_id: int) -> int:
        for page, rows in self._pages.items():
            for i, summary in enumerate(rows):
                if summary.id == document_id:
                    return page * ROWS_PER_PAGE + i
        return -1

    def _changed_row(self, row: int) -> None:
        if 0 <= row < self._count:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- QAbstractItemModel -----------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(
                "Click to sort by this column; again for the other way, a third time for the "
                "order of import"
            )
        return super().headerData(section, orientation, role)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return summary.title or self.tr("(untitled {id})").format(id=summary.id)
            if column == self.STATUS:
                return status_text(summary.status)
            return summary.span_count
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return summary.title
        if role == Qt.ItemDataRole.FontRole and summary.id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.SPANS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == self.TITLE:
                # titles are Arabic: right-aligned in either interface language
                return int(
                    Qt.AlignmentFlag.AlignRight
                    | Qt.AlignmentFlag.AlignAbsolute
                    | Qt.AlignmentFlag.AlignVCenter
                )
        if role == DOCUMENT_ID_ROLE:
            return summary.id
        return None

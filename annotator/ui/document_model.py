"""The document list: a lazy table model over the store's keyset reads (docs/adr/0038, 0049).

Rows are read a page at a time when the view asks for them (ui/list_pages.py: each page from
the nearest row the list knows), and a few pages are kept, so a project of 100,000 documents
opens as fast as one of ten: the view only ever asks for the rows it shows. A title filter of
one or two letters cannot use the title index: its rows are found by a scan of the list in
steps of ``SCAN_ROWS`` rows, the first at once, the next ones in later turns of the event loop
while the view shows the end of the list (Qt's ``fetchMore``), so a key never waits for a scan
of every title. An edit refreshes the one row it changed; a row that moves in the order, or
leaves a filtered list, moves or leaves alone. The model adapts the store's list; it holds no
documents of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from annotator.core.document_order import IMPORT_ORDER, DocumentOrder, SortKey
from annotator.core.model import DocumentSummary, Status
from annotator.store import Repository
from annotator.store.document_list import ListView, RowKey, row_key
from annotator.ui.list_pages import KEPT_PAGES, ROWS_PER_PAGE, ListPages
from annotator.ui.table_model import Index, ReadOnlyTableModel
from annotator.ui.text import QT_TRANSLATE_NOOP

__all__ = ["DOCUMENT_ID_ROLE", "ROWS_PER_PAGE", "DocumentListModel", "status_text"]

SCAN_ROWS = 5_000  # rows of the list one step of a short title filter's scan passes
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# data() is asked for each visible cell in about seven roles on every paint: compare ints
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ID = int(DOCUMENT_ID_ROLE)
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _FONT, _ALIGN, _ID))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# titles are Arabic: right-aligned in either interface language
_TITLE_ALIGN = int(
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
)

STATUS_TEXT = {
    Status.NEW: QT_TRANSLATE_NOOP("DocumentListModel", "new"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("DocumentListModel", "in progress"),
    Status.DONE: QT_TRANSLATE_NOOP("DocumentListModel", "done"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
    QT_TRANSLATE_NOOP("DocumentListModel", "Spans"),
    QT_TRANSLATE_NOOP("DocumentListModel", "Sure"),  # the certainty; short: a narrow dock
)


def status_text(status: Status) -> str:
    return QCoreApplication.translate("DocumentListModel", STATUS_TEXT[status])


class DocumentListModel(ReadOnlyTableModel):
    """Columns: title, status (of this annotator), span count, the model's certainty (ADR
    0073: sorted, the least sure first). Filter by status and title."""

    HEADERS = HEADERS
    CONTEXT = "DocumentListModel"
    TITLE, STATUS, SPANS, CERTAINTY = range(4)
    SORT_KEYS: ClassVar[dict[int, SortKey]] = {
        TITLE: SortKey.TITLE,
        STATUS: SortKey.STATUS,
        SPANS: SortKey.SPANS,
        CERTAINTY: SortKey.CERTAINTY,
    }

    def __init__(self, repo: Repository, annotator: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._repo = repo
        self._view = ListView(annotator)
        self._count = 0
        self._pages = ListPages()
        self._counts: dict[ListView, int] = {}  # per filter (orders count alike)
        self._places: dict[tuple[DocumentOrder, int], int] = {}  # rows in the whole list
        self._scanning = False  # a short title filter: rows found step by step
        self._complete = True  # every row of the list is known (counted, or scanned)
        self._cursor: RowKey | None = None  # where the scan goes on
        self._current: int | None = None
        self._bold: QFont | None = None
        self._scan_later = QTimer(self)
        self._scan_later.setSingleShot(True)
        self._scan_later.setInterval(0)
        self._scan_later.timeout.connect(self._scan_step)
        self._reset()

    # -- filter -----------------------------------------------------------------------------
    def set_filter(self, status: Status | None, search: str) -> None:
        if status == self._view.status and search == self._view.search:
            return
        self._view = replace(self._view, status=status, search=search)
        self._reset()

    @property
    def is_filtered(self) -> bool:
        """A status or title filter hides some documents."""
        return self._view.status is not None or bool(self._view.search)

    @property
    def complete(self) -> bool:
        """The list knows all its rows (False while a short title filter is being scanned)."""
        return self._complete

    def set_annotator(self, annotator: str, counted: tuple[str, ...] | None = None) -> None:
        self._view = replace(self._view, annotator=annotator, counted=counted)
        self.reload()

    def set_counted(self, counted: tuple[str, ...] | None) -> None:
        """Count the spans of these annotators in the Spans column (None: everyone's); the
        window counts the annotators it shows (ADR 0071)."""
        if counted != self._view.counted:
            self._view = replace(self._view, counted=counted)
            self.reload()

    @property
    def order(self) -> DocumentOrder:
        return self._view.order

    def set_order(self, order: DocumentOrder) -> None:
        """Show the list in ``order``, sorted by the store, read again page by page."""
        if order != self._view.order:
            self._view = replace(self._view, order=order)
            self._reset()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header (QTableView sorting): that column's order; -1: import order."""
        key = self.SORT_KEYS.get(column, SortKey.IMPORT)
        descending = key is not SortKey.IMPORT and order == Qt.SortOrder.DescendingOrder
        self.set_order(DocumentOrder(key, descending))

    def sort_column(self) -> int:
        """The column the list is sorted by, -1 for import order."""
        for column, key in self.SORT_KEYS.items():
            if key is self._view.order.key:
                return column
        return -1

    @property
    def current(self) -> int | None:
        return self._current

    def document_count(self) -> int:
        """Documents in the project (the list without a filter), counted once per reload."""
        return self._count_of(replace(self._view, status=None, search=""))

    def reload(self) -> None:
        """Read the list again (documents imported, another program's changes)."""
        self._counts.clear()
        self._places.clear()
        self._reset()

    def project_row(self, document_id: int) -> int:
        """The document's row in the whole list (no filter) in the order shown, -1 if it is
        gone; kept until the list changes (the status bar asks after every filter key)."""
        if not self.is_filtered and not self._scanning:
            return self.row_of(document_id)  # the list shown is the whole list
        place = (self._view.order, document_id)
        found = self._places.get(place)
        if found is None:
            view = ListView(self._view.annotator, order=self._view.order)
            located = self._repo.locate(view, document_id)
            found = self._places[place] = -1 if located is None else located[0]
        return found

    def _count_of(self, view: ListView) -> int:
        view = replace(view, order=IMPORT_ORDER)
        found = self._counts.get(view)
        if found is None:
            found = self._counts[view] = self._repo.count_rows(view)
        return found

    def _reset(self) -> None:
        self.beginResetModel()
        self._scan_later.stop()
        self._pages = ListPages(0 if self._repo.scans(self._view) else KEPT_PAGES)
        self._scanning = self._pages.keep == 0
        if self._scanning:
            self._count, self._cursor, self._complete = 0, None, False
            self._scan_step(signals=False)
        else:
            self._count, self._complete = self._count_of(self._view), True
        self.endResetModel()

    # -- a short title filter: found step by step -------------------------------------------
    def _scan_step(self, *, signals: bool = True) -> int:
        """Scan the next ``SCAN_ROWS`` rows of the list; the rows found are appended."""
        if self._complete:
            return 0
        found, self._cursor, self._complete = self._repo.scan(
            self._view,
            self._cursor,
            rows=SCAN_ROWS,
            limit=ROWS_PER_PAGE,
        )
        first = self._count
        if found:
            if signals:
                self.beginInsertRows(QModelIndex(), first, first + len(found) - 1)
            for row, summary in enumerate(found, start=first):
                self._pages.pages.setdefault(row // ROWS_PER_PAGE, []).append(summary)
                self._pages.rows[summary.id] = row
            self._count += len(found)
            if signals:
                self.endInsertRows()
        if not self._complete and (not found or self._count < ROWS_PER_PAGE):
            self._scan_later.start()  # the view asks for more only when rows came
        return len(found)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._scan_step()

    def _fetch_to(self, row: int) -> None:
        """Scan until the list has ``row`` (or ends): a step to a row not yet found."""
        while not self._complete and row >= self._count:
            self._scan_step()

    # -- rows -------------------------------------------------------------------------------
    def _page(self, page: int) -> list[DocumentSummary]:
        rows = self._pages.get(page)
        if rows is None:
            rows = self._read(page)
        return rows

    def _read(self, page: int) -> list[DocumentSummary]:
        first = page * ROWS_PER_PAGE
        last = min(self._count, first + ROWS_PER_PAGE) - 1
        if self._scanning or last < first:
            return []
        seek = self._pages.seek(first, last, self._count)
        inside = self._pages.inside(first, last) if seek.skip else None
        if inside is not None:
            row, key = inside
            view = self._view
            rows = self._repo.rows(view, after=key, limit=row - first, backwards=True)[::-1]
            rows += self._repo.rows(view, after=key, inclusive=True, limit=last - row + 1)
            self._pages.put(page, rows, [row_key(r, view.order) for r in rows])
            return rows
        rows = self._repo.rows(
            self._view,
            after=seek.after,
            inclusive=seek.after is not None,
            skip=seek.skip,
            limit=last - first + 1,
            backwards=seek.backwards,
        )
        if seek.backwards:
            rows.reverse()
        self._pages.put(page, rows, [row_key(r, self._view.order) for r in rows])
        return rows

    def summary(self, row: int) -> DocumentSummary | None:
        if not 0 <= row < self._count:
            return None
        page, i = divmod(row, ROWS_PER_PAGE)
        rows = self._page(page)
        return rows[i] if i < len(rows) else None

    def document_id(self, row: int) -> int | None:
        """The document on ``row`` (a list still being scanned scans on to it); None past
        the end."""
        self._fetch_to(row)
        found = self.summary(row)
        return None if found is None else found.id

    def row_of(self, document_id: int) -> int:
        """The row showing ``document_id``, or -1 when the filter hides it (or a scan has not
        found it yet)."""
        row = self._pages.rows.get(document_id, self._pages.located.get(document_id))
        if row is not None:
            return row
        if self._scanning:
            return -1
        found = self._repo.locate(self._view, document_id)
        if found is None:
            return -1
        self._pages.anchors[found[0]] = found[1]
        self._pages.located[document_id] = found[0]
        return found[0]

    def set_current(self, document_id: int | None) -> None:
        """Show ``document_id`` as the open one (bold)."""
        old, self._current = self._current, document_id
        for doc in (old, document_id):
            if doc is not None:
                self._changed_row(self._pages.rows.get(doc, -1))

    def refresh_document(
        self, document_id: int, *, membership: bool = True, counts: bool = True
    ) -> None:
        """Show the row of a document whose spans changed (``counts``: their number) or,
        ``membership``, whose status changed: that row alone, moved if its place in the order
        changed, gone if the filter no longer shows it."""
        key = self._view.order.key
        moves = (membership and key is SortKey.STATUS) or (counts and key is SortKey.SPANS)
        leaves = membership and self._view.status is not None
        old = self._pages.rows.get(document_id, self._pages.located.get(document_id, -1))
        if membership:
            self._counts = {v: n for v, n in self._counts.items() if v.status is None}
        if moves:
            self._places.clear()
        if not (moves or leaves):
            fresh = self._repo.summary(self._view, document_id) if old >= 0 else None
            if fresh is not None:
                self._pages.replace(old, fresh)
                self._changed_row(old)
            return
        if old < 0 or self._scanning:  # where it was is not known: read the list again
            self._reset()
            return
        found = self._repo.locate(self._view, document_id)
        if found is None:
            self.beginRemoveRows(QModelIndex(), old, old)
            self._pages.removed(old)
            self._count -= 1
            self.endRemoveRows()
            return
        new, new_key = found
        if new == old:
            fresh = self._repo.summary(self._view, document_id)
            if fresh is not None:
                self._pages.replace(old, fresh)
                self._pages.anchors[old] = new_key
            self._changed_row(old)
            return
        self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), new + 1 if new > old else new)
        self._pages.moved(old, new, new_key)
        self.endMoveRows()
        self._changed_row(new)

    def _changed_row(self, row: int) -> None:
        if 0 <= row < self._count:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- QAbstractItemModel -----------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and section == self.CERTAINTY:
            return self.tr(
                "How sure the project's model is of the document, from 0 to 1: sorted, the "
                "least sure comes first, the most useful to annotate next (empty: not scored)"
            )
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            return self.tr(
                "Click to sort by this column; again for the other way, a third time for the "
                "order of import"
            )
        return super().headerData(section, orientation, role)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        summary = self.summary(index.row())
        return None if summary is None else self._value(summary, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a cell is painted with in one call (the delegate asks seven per cell on
        every paint: one Python call instead of seven)."""
        summary = self.summary(index.row()) if index.isValid() else None
        if summary is None:
            return
        column = index.column()
        span: Any = roleDataSpan  # iterable at run time; not so in the stubs
        items: Iterable[QModelRoleData] = [span] if isinstance(span, QModelRoleData) else span
        for item in items:  # the delegate reuses the items: a role not answered is cleared
            role = item.role()
            value = self._value(summary, column, role) if role in _ROLES else None
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def _value(self, summary: DocumentSummary, column: int, role: int) -> object:
        if role == _DISPLAY:
            if column == self.TITLE:
                return summary.title or self.tr("(untitled {id})").format(id=summary.id)
            if column == self.STATUS:
                return status_text(summary.status)
            if column == self.CERTAINTY:
                return None if summary.certainty is None else round(summary.certainty, 2)
            return summary.span_count if summary.shown_spans is None else summary.shown_spans
        if role == _TOOLTIP:
            return summary.title if column == self.TITLE else None
        if role == _FONT:
            if summary.id != self._current:
                return None
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == _ALIGN:
            if column in (self.SPANS, self.CERTAINTY):
                return _RIGHT
            return _TITLE_ALIGN if column == self.TITLE else None
        return summary.id  # DOCUMENT_ID_ROLE

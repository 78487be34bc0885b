"""The part every table of the window shares: translated column headers, rows numbered from 1,
and read-only cells (enabled, selectable, never with children)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
# asked for every visible cell on every paint: made once (an enum | costs microseconds)
_CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat, read-only table. Subclasses name their columns in ``HEADERS`` (strings marked
    with ``QT_TRANSLATE_NOOP(CONTEXT, ...)``) and give the translation ``CONTEXT``."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    CONTEXT: ClassVar[str] = ""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _CELL if index.isValid() else Qt.ItemFlag.NoItemFlags

    def retranslate(self) -> None:
        """Show the headers and cells in the new interface language (translated when read)."""
        columns = len(self.HEADERS)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))

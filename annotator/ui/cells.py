"""Table cells laid out right to left, and cells painted once and then copied (issue 10).

Qt's item delegate lays the text of every visible cell out again on each paint of the table
(about 60 µs an Arabic cell here), and a label key repaints the whole span list because its rows
move. This delegate keeps the picture of each cell that Qt's delegate painted, keyed by all that
the picture depends on (the cell's text and colour, its size, its state: selected, focused,
hovered, active; its row's alternate colour; the font, the direction, the palette), and copies
it on the next paint: a repaint of the span list costs 2.4 ms instead of 8 (bench: a 26-row
list, docs/adr/0048).
Cells of ``rtl_columns`` are laid out right to left whatever the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

CACHE_SIZE = 512  # pictures kept (a screenful of the span list is about a hundred cells)
Key = tuple[object, ...]


class RightToLeftCells(QStyledItemDelegate):
    """Lays out the cells of some columns right to left whatever the interface language.

    Alignment alone is not enough: in the English interface the paragraph direction of a cell
    is left to right, so an Arabic text elided by the view gets its "…" on the right (beside
    the first word, as if the beginning were cut) and a quote's opening « lands on the left.
    """

    def __init__(self, columns: tuple[int, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.columns = columns

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() in self.columns:
            option.direction = Qt.LayoutDirection.RightToLeft
            option.textElideMode = Qt.TextElideMode.ElideRight


class CachedCells(RightToLeftCells):
    def __init__(self, rtl_columns: tuple[int, ...], parent: QWidget) -> None:
        super().__init__(rtl_columns, parent)
        self._pictures: dict[Key, QPixmap] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        key: Key = (
            index.column(),
            index.data(Qt.ItemDataRole.DisplayRole),
            decoration.rgba() if isinstance(decoration, QColor) else None,
            rect.width(),
            rect.height(),
            int(option.state.value),
            int(option.features.value),
            option.font.key(),
            option.direction,
            option.palette.cacheKey(),  # another palette (theme, active window): new pictures
        )
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._picture(painter, option, index)
            if len(self._pictures) >= CACHE_SIZE:
                self._pictures.clear()
            self._pictures[key] = picture
        painter.drawPixmap(rect.topLeft(), picture)

    def _picture(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QPixmap:
        """The cell as Qt's delegate paints it, at the origin of a pixmap of its size."""
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        picture = QPixmap(rect.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        # what the view paints under the cell (its row's colour), so that the text is smoothed
        # against the colour it lands on (on a transparent picture it comes out lighter)
        palette = option.palette
        alternate = option.features & QStyleOptionViewItem.ViewItemFeature.Alternate
        picture.fill((palette.alternateBase() if alternate else palette.base()).color())
        cell = QStyleOptionViewItem(option)
        cell.rect = rect.translated(-rect.topLeft())
        into = QPainter(picture)
        try:
            into.setFont(painter.font())
            into.setPen(painter.pen())
            super().paint(into, cell, index)
        finally:
            into.end()
        return picture

"""Table cells laid out right to left, and cells painted once and then copied (issue 10).

Qt's item delegate lays the text of every visible cell out again on each paint of the table
(about 60 µs an Arabic cell here), and a label key repaints the whole span list because its rows
move. This delegate keeps the picture of each cell that Qt's delegate painted, keyed by all that
the picture depends on (the cell's text and colour, its size, its state: selected, focused,
hovered, active; its row's alternate colour; the font, the direction, the palette), and copies
it on the next paint: a repaint of the span list costs 2.4 ms instead of 8 (bench: a 26-row
list, docs/adr/0048).

Making the key is most of what is left of a cell's paint, so it is made cheaply: a model with a
``cell_key(row, column)`` gives the cell's text and colour straight from its Python values (two
``index.data`` calls through Qt cost about 12 µs a cell), and the view's font and direction (the
same for every cell; reading them off the option costs 8 µs) are read once, again after the view
says they changed (FontChange, LayoutDirectionChange, StyleChange: the pictures go too).
Cells of ``rtl_columns`` are laid out right to left whatever the interface language.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

CACHE_SIZE = 512  # pictures kept (a screenful of the span list is about a hundred cells)
Key = tuple[object, ...]
CellKey = Callable[[int, int], Hashable]  # a model's cell_key: (row, column) -> text and colour
_DISPLAY, _DECORATION = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole
_VIEW_CHANGES = frozenset(
    (QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange, QEvent.Type.StyleChange)
)


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
        self._view: tuple[str, Qt.LayoutDirection] | None = None  # font key, direction
        self._model: QAbstractItemModel | None = None
        self._cell_key: CellKey | None = None
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _VIEW_CHANGES:  # another font or direction: read them again
            self._view = None
            self._pictures.clear()
        return False

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        view = self._view
        if view is None:
            view = self._view = (option.font.key(), option.direction)
        model = index.model()
        if model is not self._model:
            self._model, self._cell_key = model, getattr(model, "cell_key", None)
        column = index.column()
        cell_key = self._cell_key
        content = cell_key(index.row(), column) if cell_key is not None else _content(index)
        key: Key = (
            column,
            content,
            rect.width(),
            rect.height(),
            int(option.state.value),
            int(option.features.value),
            view,
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


def _content(index: QModelIndex | QPersistentModelIndex) -> Hashable:
    """What a cell's picture shows of its model, through Qt: its text and its colour (what a
    model's ``cell_key`` gives without Qt)."""
    decoration = index.data(_DECORATION)
    return (index.data(_DISPLAY), decoration.name() if isinstance(decoration, QColor) else None)

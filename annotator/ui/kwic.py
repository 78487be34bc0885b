"""Keyword in context, right to left: the words before a place, the place in bold, the words
after it, as the article reads (docs/adr/0061, 0067).

One delegate for every list of places in their context (the consistency report, the project
search panel): the cell is laid out right to left whatever the interface language, in logical
order, so Arabic reads correctly in both; a long left context is pushed out past the cell's
right edge so that the place itself starts mid-cell and stays visible.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Parts = tuple[str, str, str]  # before, the place's own text, after
Index = QModelIndex | QPersistentModelIndex


class KwicCells(QStyledItemDelegate):
    """Draws the cells for which ``parts(index)`` gives (before, text, after) as one right to
    left line, the text in bold; other cells as Qt draws them."""

    def __init__(
        self, parts: Callable[[Index], Parts | None], parent: QWidget, *, centred: bool = False
    ) -> None:
        super().__init__(parent)
        self.parts = parts
        self.centred = centred

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        parts = self.parts(index)
        if parts is None:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        widget = cell.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        document = kwic_document(parts, cell.font)
        selected = bool(cell.state & QStyle.StateFlag.State_Selected)
        paint = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        paint.palette.setColor(QPalette.ColorRole.Text, cell.palette.color(role))
        rect = cell.rect
        # the line's right end (where the article's words begin) at the cell's right edge; a
        # long left context pushed out to the right so that the place starts mid-cell.
        # ``centred``: every place starts mid-cell, so the places of a list line up
        full = document.idealWidth()
        document.setTextWidth(full)
        before = QFontMetrics(cell.font).horizontalAdvance(parts[0])
        middle = rect.left() + rect.width() / 2 + before
        right = middle if self.centred else rect.right() + max(0.0, before - rect.width() / 2)
        painter.save()
        painter.setClipRect(rect)
        painter.translate(right - full, rect.top() + (rect.height() - document.size().height()) / 2)
        document.documentLayout().draw(painter, paint)
        painter.restore()


def kwic_document(parts: Parts, font: QFont) -> QTextDocument:
    """The place in its words as one right-to-left line, the place's text in bold."""
    document = QTextDocument()
    document.setDefaultFont(font)
    option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(2)
    before, text, after = (html.escape(" ".join(p.split("\n"))) for p in parts)
    document.setHtml(f"{before}<b>{text}</b>{after}")
    return document


def kwic_text(parts: Parts) -> str:
    """The line as plain text (a tooltip)."""
    return "".join(parts)

"""The read-only QPlainTextEdit inside ArticleView: geometry in UTF-16 units, overlay painting.

Everything here speaks Qt positions (``*_u16``); ArticleView converts to code points.
The char formats come from the highlighter; this widget paints only what formats cannot show:
the side bars of quotes (one lane per nesting level), a light frame around every match of the
find bar (a frame, not a background, so a match keeps showing the span colour under it: the
annotator sees which matches are labelled already) and the frame of the selected span.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .style import FOUND_COLOUR, OUTLINE_COLOUR, PAPER_COLOUR, TEXT_COLOUR

BAR_WIDTH = 3
BAR_GAP = 2
LANES = 4
MARGIN = 6 + LANES * (BAR_WIDTH + BAR_GAP)  # the document margin holds the quote bars
DRAG_DISTANCE = 4  # pixels: a press and release further apart are a drag, not a click


class ArticleEdit(QPlainTextEdit):
    """Emits ``clicked(u16 position of the character, or -1)`` for a click that is no drag."""

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Base, QColor(PAPER_COLOUR))
            palette.setColor(group, QPalette.ColorRole.Text, QColor(TEXT_COLOUR))
        self.setPalette(palette)
        self.document().setDocumentMargin(MARGIN)
        self._press: QPoint | None = None
        # Set by ArticleView: what to paint over the text.
        self.quote_bars: Callable[[int], Iterator[tuple[int, int, int, QColor]]] = _no_bars
        self.outline_u16: tuple[int, int] | None = None
        self._found_u16: list[tuple[int, int]] = []  # sorted, not overlapping
        self._found_ends: list[int] = []
        self.mime_text: Callable[[int, int], str] | None = None

    # -- geometry (viewport coordinates, UTF-16 positions) ----------------------------------

    def _line_at(self, block: QTextBlock, rel_u16: int) -> QTextLine | None:
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            self.blockBoundingRect(block)  # lays the block out
            layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return None
        line = layout.lineForTextPosition(rel_u16)
        return line if line.isValid() else None

    def range_rects(
        self, start_u16: int, end_u16: int, *, visible_only: bool = True
    ) -> list[QRectF]:
        """One rectangle per line that the range ``[start_u16, end_u16)`` covers."""
        rects: list[QRectF] = []
        if end_u16 <= start_u16:
            return rects
        doc = self.document()
        block = doc.findBlock(start_u16)
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid() and block.position() < end_u16:
            geo = self.blockBoundingGeometry(block).translated(offset)
            if visible_only and geo.top() > height:
                break
            if not visible_only or geo.bottom() >= 0:
                rects.extend(self._block_rects(block, geo.topLeft(), start_u16, end_u16))
            block = block.next()
        return rects

    def _block_rects(
        self, block: QTextBlock, origin: QPointF, start_u16: int, end_u16: int
    ) -> Iterator[QRectF]:
        layout = block.layout()
        if layout is None:
            return
        pos = block.position()
        a = max(start_u16 - pos, 0)
        z = min(end_u16 - pos, block.length() - 1)
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lo, hi = line.textStart(), line.textStart() + line.textLength()
            if hi <= a or lo >= z:
                continue
            x1, x2 = _x(line, max(a, lo)), _x(line, min(z, hi))
            if abs(x2 - x1) < 1:  # a line end or a bidi boundary: fall back to the line's text
                natural = line.naturalTextRect()
                x1, x2 = natural.left(), natural.right()
            left, right = min(x1, x2), max(x1, x2)
            top = origin.y() + line.y()
            yield QRectF(origin.x() + left, top, right - left, line.height())

    def char_rect(self, pos_u16: int) -> QRectF | None:
        """Where the character at ``pos_u16`` is drawn (None if it has no line)."""
        rects = self.range_rects(pos_u16, pos_u16 + 1, visible_only=False)
        return rects[0] if rects else None

    def char_at(self, point: QPoint) -> int | None:
        """The UTF-16 position of the character drawn under ``point``, or None."""
        block = self.cursorForPosition(point).block()
        if not block.isValid():
            return None
        geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
        x, y = point.x() - geo.left(), point.y() - geo.top()
        layout = block.layout()
        if layout is None:
            return None
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= y < line.y() + line.height():
                natural = line.naturalTextRect()
                if not natural.left() <= x <= natural.right() or line.textLength() == 0:
                    return None
                rel = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
                rel = min(max(rel, line.textStart()), line.textStart() + line.textLength() - 1)
                return block.position() + rel
        return None

    def visible_blocks(self, top: float, bottom: float) -> Iterator[tuple[QTextBlock, QRectF]]:
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > bottom:
                break
            if block.isVisible() and geo.bottom() >= top:
                yield block, geo
            block = block.next()

    # -- matches of the find bar ------------------------------------------------------------

    def set_found_u16(self, ranges: Sequence[tuple[int, int]]) -> None:
        """Frame these ranges (sorted, not overlapping); [] removes the frames."""
        self._found_u16 = list(ranges)
        self._found_ends = [end for _, end in self._found_u16]
        self.viewport().update()

    def found_u16(self) -> list[tuple[int, int]]:
        return list(self._found_u16)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            self._paint_bars(painter, event)
            self._paint_found(painter, event)
            self._paint_outline(painter)
        finally:
            painter.end()

    def _paint_bars(self, painter: QPainter, event: QPaintEvent) -> None:
        area = event.rect()
        right = self.viewport().width() - MARGIN + 4
        for block, geo in self.visible_blocks(area.top(), area.bottom()):
            for start_u16, end_u16, lane, colour in self.quote_bars(block.blockNumber()):
                x = right + min(lane, LANES - 1) * (BAR_WIDTH + BAR_GAP)
                for rect in self._block_rects(block, geo.topLeft(), start_u16, end_u16):
                    painter.fillRect(QRectF(x, rect.top(), BAR_WIDTH, rect.height()), colour)

    def _paint_found(self, painter: QPainter, event: QPaintEvent) -> None:
        """Only the matches in the blocks on screen: thousands of matches cost nothing."""
        if not self._found_u16:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(FOUND_COLOUR), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        area = event.rect()
        for block, geo in self.visible_blocks(area.top(), area.bottom()):
            start, stop = block.position(), block.position() + block.length()
            i = bisect_right(self._found_ends, start)  # the first match ending in this block
            while i < len(self._found_u16) and self._found_u16[i][0] < stop:
                a, z = self._found_u16[i]
                for rect in self._block_rects(block, geo.topLeft(), a, z):
                    painter.drawRoundedRect(rect.adjusted(-1, 1, 1, -1), 3, 3)
                i += 1
        painter.restore()

    def _paint_outline(self, painter: QPainter) -> None:
        if self.outline_u16 is None:
            return
        rects = self.range_rects(*self.outline_u16)
        if not rects:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor(OUTLINE_COLOUR), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)

    # -- mouse and clipboard ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() > DRAG_DISTANCE or self.textCursor().hasSelection():
            return
        pos = self.char_at(point)
        self.clicked.emit(-1 if pos is None else pos)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy our own text, not Qt's (which has U+2029 for line breaks, spaces for NBSP)."""
        cursor: QTextCursor = self.textCursor()
        if self.mime_text is None or not cursor.hasSelection():
            return super().createMimeDataFromSelection()
        data = QMimeData()
        data.setText(self.mime_text(cursor.selectionStart(), cursor.selectionEnd()))
        return data


def _x(line: QTextLine, pos: int) -> float:
    """x of the cursor position ``pos`` in ``line`` (PySide returns (x, pos))."""
    found: tuple[float, int] = line.cursorToX(pos)  # type: ignore[assignment]
    return found[0]


def _no_bars(block: int) -> Iterator[tuple[int, int, int, QColor]]:
    return iter(())

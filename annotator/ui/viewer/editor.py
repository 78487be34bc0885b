"""The read-only QPlainTextEdit inside ArticleView: geometry in UTF-16 units, cached lines.

Everything here speaks Qt positions (``*_u16``); ArticleView converts to code points. Qt lays
the text out once and is never given a char format: spans are painted over and under the text
(overlays.py) from the line geometry cached here until the layout changes (docs/adr/0046, 0048).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from . import hits, overlays
from .ghosts import GhostFrames
from .glyphs import glyph_extent, grapheme, x_of
from .overlays import MARGIN, Bar, EventLine, Fill, LineTable
from .style import PAPER_COLOUR, TEXT_COLOUR

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
        self._drag_visually = False  # a plain press: the drag selects what it passes over
        # Set by ArticleView: what to paint over the text.
        # (block, UTF-16 range on screen) -> the quote bars, the events there
        self.quote_bars: Callable[[int, int, int], Sequence[Bar]] = _no_bars
        self.event_lines: Callable[[int, int, int], Sequence[EventLine]] = _no_events
        self.span_fills: Callable[[int, int], Sequence[Fill]] = _no_fills
        self._outline_u16: tuple[int, int] | None = None
        self._found_u16: list[tuple[int, int]] = []  # sorted, not overlapping
        self._found_ends: list[int] = []
        self._frames = GhostFrames()  # the suggestions' frames
        self._others: list[overlays.OtherSpan] = []  # other annotators' spans, by start
        self._others_reach: list[int] = []
        self.mime_text: Callable[[int, int], str] | None = None
        self.tooltip_text: Callable[[int], str] = _no_tooltip  # for a u16 position, or ""
        # line geometry per block number, until the layout changes (docs/adr/0046)
        self._lines: dict[int, LineTable] = {}
        self._xs: dict[tuple[int, int, int], float] = {}  # (block, line, position): cursor x
        self._runs: dict[tuple[int, int, int, int], list[QRectF]] = {}  # (block, line, a, z)
        self._watch_layout()
        self.document().contentsChange.connect(self.forget_lines)

    # -- cached line geometry ---------------------------------------------------------------

    def _watch_layout(self) -> None:
        layout = self.document().documentLayout()
        layout.update.connect(self.forget_lines)
        layout.updateBlock.connect(self.forget_lines)
        layout.documentSizeChanged.connect(self.forget_lines)

    def forget_lines(self, *_: object) -> None:
        """Drop the cached line geometry: the text, a format, the width or the font changed."""
        self._lines.clear()
        self._xs.clear()
        self._runs.clear()

    def line_table(self, block: QTextBlock) -> LineTable | None:
        """The block's lines (cached), or None while it is not laid out."""
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return None
        table = self._lines.get(block.blockNumber())
        if table is not None and len(table.starts) == layout.lineCount():
            return table
        starts, ends, tops, bottoms, heights = [], [], [], [], []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            start, top, height = line.textStart(), line.y(), line.height()
            starts.append(start)
            ends.append(start + line.textLength())
            tops.append(top)
            bottoms.append(top + height)
            heights.append(height)
        table = LineTable(starts, ends, tops, bottoms, heights)
        self._lines[block.blockNumber()] = table
        return table

    def _x(self, block: QTextBlock, line: QTextLine, rel: int) -> float:
        """``x_of`` (``cursorToX``: about 1 ms on a long paragraph), cached with the lines."""
        key = (block.blockNumber(), line.lineNumber(), rel)
        x = self._xs.get(key)
        if x is None:
            x = self._xs[key] = x_of(line, rel)
        return x

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.forget_lines()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange):
            self.forget_lines()
        super().changeEvent(event)

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
                rects.extend(self.block_rects(block, geo.topLeft(), start_u16, end_u16))
            block = block.next()
        return rects

    def block_rects(
        self,
        block: QTextBlock,
        origin: QPointF,
        start_u16: int,
        end_u16: int,
        lines: range | None = None,
    ) -> Iterator[QRectF]:
        """The rectangles of ``[start_u16, end_u16)`` on the block's lines, only on ``lines``
        (line numbers, e.g. those on screen) if given."""
        layout = block.layout()
        table = self.line_table(block)
        if layout is None or table is None:
            return
        pos = block.position()
        a = max(start_u16 - pos, 0)
        z = min(end_u16 - pos, block.length() - 1)
        held = table.overlapping(a, z)
        if lines is not None:
            held = range(max(held.start, lines.start), min(held.stop, lines.stop))
        for i in held:
            line = layout.lineAt(i)
            lo, hi = table.starts[i], table.ends[i]
            x1, x2 = self._x(block, line, max(a, lo)), self._x(block, line, min(z, hi))
            if abs(x2 - x1) < 1:  # a line end or a bidi boundary: fall back to the line's text
                natural = line.naturalTextRect()
                x1, x2 = natural.left(), natural.right()
            left, right = min(x1, x2), max(x1, x2)
            top = origin.y() + line.y()
            yield QRectF(origin.x() + left, top, right - left, line.height())

    def run_rects(self, block: QTextBlock, line: int, a: int, z: int) -> list[QRectF]:
        """Where the glyphs of ``[a, z)`` (block-relative, on line number ``line``) are drawn, in
        the block's coordinates: one rectangle per glyph run, the line's height, so a range that
        crosses a left-to-right number in Arabic text gets the number's own place (cached)."""
        key = (block.blockNumber(), line, a, z)
        found = self._runs.get(key)
        if found is not None:
            return found
        text_line = block.layout().lineAt(line)
        top, height = text_line.y(), text_line.height()
        found = []
        for run in text_line.glyphRuns(a, z - a) if z > a else ():
            box = run.boundingRect()
            found.append(QRectF(box.left(), top, box.width(), height))
        self._runs[key] = found
        return found

    def char_rect(self, pos_u16: int) -> QRectF | None:
        """Where the character at ``pos_u16`` is drawn (None if it has no line): its glyphs'
        own place, right also inside a left-to-right number in Arabic text, where the cursor
        positions at the run's edges are ambiguous (``cursorToX`` puts 3 of 3.5 on its right)."""
        block = self.document().findBlock(pos_u16)
        rel = pos_u16 - block.position()
        line = self._line_at(block, rel) if block.isValid() else None
        extent = None if line is None else glyph_extent(line, *grapheme(block, rel))
        if line is None or extent is None:
            rects = self.range_rects(pos_u16, pos_u16 + 1, visible_only=False)
            return rects[0] if rects else None
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        left, right = extent
        return QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height())

    def char_at(self, point: QPoint) -> int | None:
        """The UTF-16 position of the character drawn under ``point``, or None."""
        return hits.char_at(self, point)

    def visual_selection(self, press: QPoint, point: QPoint) -> tuple[int, int] | None:
        """What a drag from ``press`` to ``point`` passed over (hits.visual_selection)."""
        return hits.visual_selection(self, press, point)

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

    # -- other annotators' spans (ADR 0071) -------------------------------------------------

    def set_others(self, others: Sequence[overlays.OtherSpan]) -> None:
        """Frame these spans of other annotators; [] removes the frames."""
        self._others = sorted(others, key=lambda o: (o.start_u16, o.end_u16))
        self._others_reach = list(accumulate((o.end_u16 for o in self._others), max))
        self.viewport().update()

    def others(self) -> list[overlays.OtherSpan]:
        return list(self._others)

    # -- suggestions ------------------------------------------------------------------------

    def set_ghosts(self, ghosts: Sequence[overlays.Ghost]) -> None:
        """Frame these suggestions (any order, overlaps allowed); [] removes them. Only where
        a frame came, went or changed is repainted (an accept with a thousand on screen
        repaints one word)."""
        changed = self._frames.replace(ghosts)
        if changed is None:  # a new document, a run of the recommenders: all of it
            self.viewport().update()
        else:
            self.update_ranges(changed)

    def move_ghosts(
        self, closed: Sequence[Sequence[overlays.Ghost]], opened: Sequence[overlays.Ghost]
    ) -> bool:
        """Take away one frame of each of ``closed`` and draw ``opened`` (ghosts.GhostFrames.
        move); False, and nothing changed, when one to take away is not drawn."""
        changed = self._frames.move(closed, opened)
        if changed is None:
            return False
        self.update_ranges(changed)
        return True

    def ghosts(self) -> list[overlays.Ghost]:
        return list(self._frames.ghosts)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.rect()
        self._keep_glyphs(area)
        under = QPainter(self.viewport())
        try:
            overlays.paint_fills(under, self, area, self.span_fills)
        finally:
            under.end()
        super().paintEvent(event)  # the glyphs, the quotes' tint (extra selections), selection
        painter = QPainter(self.viewport())
        try:
            overlays.paint_bars(painter, self, area, self.quote_bars)
            overlays.paint_events(painter, self, area, self.event_lines)
            overlays.paint_others(painter, self, area, self._others, self._others_reach)
            overlays.paint_ghosts(painter, self, area, self._frames.ghosts, self._frames.reach)
            overlays.paint_found(painter, self, area, self._found_u16, self._found_ends)
            overlays.paint_outline(painter, self, self._outline_u16)
        finally:
            painter.end()

    @property
    def outline_u16(self) -> tuple[int, int] | None:
        """The UTF-16 range of the framed (selected) span, None: no frame."""
        return self._outline_u16

    @outline_u16.setter
    def outline_u16(self, outline: tuple[int, int] | None) -> None:
        old, self._outline_u16 = self._outline_u16, outline
        if old != outline:
            self.update_ranges([r for r in (old, outline) if r is not None])

    def update_ranges(self, ranges: Sequence[tuple[int, int]]) -> None:
        """Repaint only where the UTF-16 ``ranges`` are on screen (a frame's width around
        them): an edit of one span repaints its lines, not the whole view."""
        viewport = self.viewport()
        for start_u16, end_u16 in ranges:
            for rect in self.range_rects(start_u16, max(end_u16, start_u16 + 1)):
                viewport.update(rect.toAlignedRect().adjusted(-4, -1, 4, 1))

    def _keep_glyphs(self, area: QRect) -> None:
        """Let Qt keep the shaped glyphs of the blocks in view: by default a layout drops them
        once laid out and every paint (and every ``cursorToX``) itemized and shaped the whole
        paragraph again, 1-5 ms a paint on a long one (docs/adr/0048). Only blocks that were
        on screen keep them (about 40 bytes a character)."""
        for block, _ in self.visible_blocks(area.top(), area.bottom()):
            layout = block.layout()
            if layout is not None and not layout.cacheEnabled():
                layout.setCacheEnabled(True)

    def viewport_width(self) -> int:
        return self.viewport().width()

    def event_line_width(self) -> float:
        """The thickness of an event's underline: 3 px at the normal size, growing with zoom."""
        return overlays.event_line_width(QFontMetricsF(self.font()))

    def shown_u16(self) -> tuple[int, int]:
        """The UTF-16 range of the text on the lines in view (empty if none)."""
        shown = [s for s in overlays.shown_blocks(self, self.viewport().rect()) if s.lo < s.hi]
        return (shown[0].lo, shown[-1].hi) if shown else (0, 0)

    # -- mouse and clipboard ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            if plain and self.textCursor().hasSelection():
                # Qt would start dragging the selected text out of the viewer (useless here)
                # and keep the selection; a press starts a new selection instead
                cursor = self.textCursor()
                cursor.clearSelection()
                self.setTextCursor(cursor)
        super().mousePressEvent(event)
        # a Shift+click extends and a triple click selects a line: Qt's own selection stands
        self._drag_visually = (
            self._press is not None and plain and not self.textCursor().hasSelection()
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._select_visually(event.position().toPoint())

    def _select_visually(self, point: QPoint) -> None:
        press = self._press
        if not self._drag_visually or press is None:
            return
        if (point - press).manhattanLength() <= DRAG_DISTANCE:
            return
        found = self.visual_selection(press, point)
        if found is None:
            return
        cursor = self.textCursor()
        start, end = found
        if (cursor.selectionStart(), cursor.selectionEnd()) == (start, end):
            return
        backwards = cursor.position() < cursor.anchor()
        anchor, position = (end, start) if backwards else (start, end)
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._select_visually(event.position().toPoint())
        press, self._press = self._press, None
        self._drag_visually = False
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() > DRAG_DISTANCE or self.textCursor().hasSelection():
            return
        pos = self.char_at(point)
        self.clicked.emit(-1 if pos is None else pos)

    def viewportEvent(self, event: QEvent) -> bool:
        """A tooltip over a span says what it is (``tooltip_text``); elsewhere none."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = self.char_at(event.pos())
            text = self.tooltip_text(pos) if pos is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy our own text, not Qt's (which has U+2029 for line breaks, spaces for NBSP)."""
        cursor: QTextCursor = self.textCursor()
        if self.mime_text is None or not cursor.hasSelection():
            return super().createMimeDataFromSelection()
        data = QMimeData()
        data.setText(self.mime_text(cursor.selectionStart(), cursor.selectionEnd()))
        return data


def _no_bars(block: int, start_u16: int, end_u16: int) -> Sequence[Bar]:
    return ()


def _no_events(block: int, start_u16: int, end_u16: int) -> Sequence[EventLine]:
    return ()


def _no_fills(start_u16: int, end_u16: int) -> Sequence[Fill]:
    return ()


def _no_tooltip(pos_u16: int) -> str:
    return ""

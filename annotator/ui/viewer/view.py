"""ArticleView: the read-only, always right-to-left article with its spans drawn.

Offsets in and out are code points into the Python text given to ``set_document``; the Qt
document holds the same text (see offsets.qt_text) and is never read back (DESIGN.md §2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QShowEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from annotator.core.model import DEFAULT_LABELS, Kind, LabelSet, StoredSpan, reading_order

from ..fonts import load_fonts
from .editor import ArticleEdit
from .index import SpanIndex
from .offsets import OffsetMap, qt_text, u16_length
from .overlays import Bar, EventLine, Fill
from .pieces import Ranged, fills, pieces, tints
from .span_details import span_tooltip
from .style import Palette, fmt

BASE_POINT_SIZE = 16
ZOOM_RANGE = (-10, 30)


class ArticleView(QWidget):
    selectionChanged = Signal(int, int)  # code points [start, end); start == end: none
    spanClicked = Signal(int)  # the innermost span under a click
    spanSelected = Signal(int)  # the selected span changed (-1: none)
    zoomChanged = Signal(int)  # the point size delta

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit = ArticleEdit(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._edit)
        self.setFocusProxy(self._edit)
        self._text = ""
        self._offsets = OffsetMap("")
        self._index = SpanIndex("")
        self._labels = DEFAULT_LABELS
        self._selected: int | None = None
        self._selection = (0, 0)
        self._lanes: dict[int, int] = {}  # quote id -> side bar lane
        self._quotes: set[int] = set()
        self._bar_colours: dict[str, QColor] = {}  # quote bars, and event lines by "event:"
        self._colours: dict[str, QColor] = {}  # "#rrggbb" -> QColor, for fills and tints
        self._events: dict[int, Ranged[EventLine]] = {}  # block -> its events in their lanes
        self._bars: dict[int, Ranged[Bar]] = {}  # block -> its quotes' bars
        self._tinted: list[tuple[int, int, str]] = []  # the quote tints given to Qt (u16)
        self._zoom = 0
        self._family = load_fonts()
        self._pending_scroll: int | None = None
        self._loading = False
        self._palette = Palette(self._labels)
        self._edit.quote_bars = self._quote_bars
        self._edit.event_lines = self._event_lines
        self._edit.span_fills = self._span_fills
        # the quotes' tint is kept for the text in view (and a screen around it)
        self._edit.verticalScrollBar().valueChanged.connect(self._retint)
        self._edit.document().documentLayout().documentSizeChanged.connect(self._retint)
        self._edit.tooltip_text = self._tooltip
        self.speaker_of: Callable[[int], StoredSpan | None] = lambda quote_id: None
        """The speaker span of a quote, for tooltips (the controller knows the relations)."""
        self._edit.mime_text = self._mime_text
        self._edit.clicked.connect(self._on_click)
        self._edit.selectionChanged.connect(self._sync_selection)
        self._edit.cursorPositionChanged.connect(self._sync_selection)
        self._apply_direction()
        self._apply_font()

    # -- widgets others may drive (tests, the main window) ----------------------------------

    @property
    def text_edit(self) -> ArticleEdit:
        return self._edit

    def viewport(self) -> QWidget:
        return self._edit.viewport()

    @property
    def span_palette(self) -> Palette:
        """The colours of the labels, as the spans are painted."""
        return self._palette

    @property
    def text(self) -> str:
        return self._text

    # -- the document -----------------------------------------------------------------------

    def set_document(self, text: str, spans: Sequence[StoredSpan], labels: LabelSet) -> None:
        """Show ``text`` with ``spans``; clears the selection, the selected span and the scroll."""
        index = SpanIndex(text, spans)  # validates before anything changes
        self._text, self._labels = text, labels
        self._offsets = OffsetMap(text)
        self._index = index
        self._selected = None
        self._pending_scroll = None
        self._set_palette(labels)
        self._edit.outline_u16 = None
        self._edit.set_found_u16([])
        self._loading = True
        try:
            doc = self._edit.document()
            self._tinted = []
            self._edit.setExtraSelections([])
            doc.clear()
            cursor = QTextCursor(doc)
            cursor.setBlockFormat(_rtl_block())  # every block split off this one inherits it
            cursor.insertText(qt_text(text))
            self._edit.setTextCursor(QTextCursor(doc))
        finally:
            self._loading = False
        self._retint()
        if doc.characterCount() - 1 != u16_length(text) or doc.blockCount() != index.block_count:
            raise RuntimeError(
                f"Qt holds {doc.characterCount() - 1} UTF-16 units in {doc.blockCount()} blocks; "
                f"the text has {u16_length(text)} in {index.block_count}"
            )
        self._selection = (0, 0)
        self.spanSelected.emit(-1)
        self.selectionChanged.emit(0, 0)

    def set_labels(self, labels: LabelSet) -> None:
        self._labels = labels
        self._set_palette(labels)
        self._retint()
        self._edit.viewport().update()

    def _set_palette(self, labels: LabelSet) -> None:
        self._palette = Palette(labels)
        self._lanes = self._quote_lanes(rescan=True)
        self._bar_colours.clear()
        self._colours.clear()
        self._events.clear()

    def add_span(self, span: StoredSpan) -> None:
        """Draw a new span: a repaint, never a new layout of the paragraph."""
        self._repaint(self._index.add(span), span)

    def update_span(self, span: StoredSpan) -> None:
        """Redraw a span that changed label or bounds."""
        old = self._index.get(span.id)
        self._repaint(self._index.add(span), old, span)
        if span.id == self._selected:
            self._edit.outline_u16 = self._offsets.range_to_u16(span.start, span.end)

    def remove_span(self, span_id: int) -> None:
        """Stop drawing a span (unknown ids are ignored); deselects it if it was selected."""
        old = self._index.get(span_id)
        blocks = self._index.remove(span_id)
        if span_id == self._selected:
            self.select_span(None)
        self._repaint(blocks, old)

    def _repaint(self, blocks: Sequence[int] | range, *spans: StoredSpan | None) -> None:
        """Repaint after an edit of ``spans`` (old and new versions of the span edited; the last
        one is current) in ``blocks``: re-lay the quote bars and the tint if one is or was a
        quote, the event lanes of ``blocks`` if one is or was an event."""
        kind = self._palette.kind
        kinds = {kind(s.label) for s in spans if s is not None}
        if Kind.EVENT in kinds:
            for number in blocks:
                self._events.pop(number, None)
        if kinds == {Kind.ENTITY}:  # no lane moves: only where the span is and was
            edited = [s for s in spans if s is not None]
            self._edit.update_ranges([self._offsets.range_to_u16(s.start, s.end) for s in edited])
            return
        if any(s is not None and kind(s.label) is Kind.QUOTE for s in spans):
            current = spans[-1]
            for span in spans:
                if span is not None:
                    self._quotes.discard(span.id)
            if (
                current is not None
                and current.id in self._index
                and kind(current.label) is Kind.QUOTE
            ):
                self._quotes.add(current.id)
            self._lanes = self._quote_lanes()
            self._retint()
        self._edit.viewport().update()

    def span_at(self, pos: int) -> list[int]:
        """Ids of the spans covering code point ``pos``, innermost first."""
        return self._index.covering(pos)

    # -- selection --------------------------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        return self._selection

    def set_selection(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points, clamped to the text) and scroll it into view."""
        n = len(self._text)
        start, end = sorted((max(0, min(start, n)), max(0, min(end, n))))
        cursor = QTextCursor(self._edit.document())
        cursor.setPosition(self._offsets.cp_to_u16(start))
        cursor.setPosition(self._offsets.cp_to_u16(end), QTextCursor.MoveMode.KeepAnchor)
        self._edit.setTextCursor(cursor)
        self._edit.ensureCursorVisible()

    def _sync_selection(self) -> None:
        if self._loading:
            return
        cursor = self._edit.textCursor()
        start, end = self._offsets.range_to_cp(cursor.selectionStart(), cursor.selectionEnd())
        if not cursor.hasSelection():
            start = end = self._offsets.u16_to_cp(cursor.position())
        if (start, end) != self._selection:
            self._selection = (start, end)
            if start != end and self._selected is not None:
                self.select_span(None)
            self.selectionChanged.emit(start, end)

    def selected_span(self) -> int | None:
        return self._selected

    def select_span(self, span_id: int | None) -> None:
        """Select a span (None: no span): frame it and scroll to it; clears the text selection."""
        span = self._index.get(span_id) if span_id is not None else None
        old, self._selected = self._selected, (span.id if span is not None else None)
        if span is not None:
            cursor = QTextCursor(self._edit.document())
            cursor.setPosition(self._offsets.cp_to_u16(span.start))
            self._edit.setTextCursor(cursor)  # scrolls to the span's start
            self._edit.outline_u16 = self._offsets.range_to_u16(span.start, span.end)
        else:
            self._edit.outline_u16 = None  # repaints the old and the new frame
        if self._selected != old:
            self.spanSelected.emit(-1 if self._selected is None else self._selected)

    def next_span(self, backwards: bool = False) -> int | None:
        """The span after (before) the selected one in reading order, or after the cursor."""
        return self._index.neighbour(self._selected, self._selection[0], backwards=backwards)

    def _on_click(self, pos_u16: int) -> None:
        ids = self._index.covering(self._offsets.u16_to_cp(pos_u16)) if pos_u16 >= 0 else []
        if ids:
            self.select_span(ids[0])
            self.spanClicked.emit(ids[0])
        elif self._selected is not None:
            self.select_span(None)

    def set_found(self, ranges: Sequence[tuple[int, int]]) -> None:
        """Frame every match of the find bar (code points, sorted; [] removes the frames)."""
        to_u16 = self._offsets.range_to_u16
        self._edit.set_found_u16([to_u16(start, end) for start, end in ranges])

    # -- geometry ---------------------------------------------------------------------------

    def char_rect(self, pos: int) -> QRect:
        """Where code point ``pos`` is drawn, in viewport coordinates (empty if nowhere)."""
        rect = self._edit.char_rect(self._offsets.cp_to_u16(pos))
        return rect.toAlignedRect() if rect is not None else QRect()

    def char_at(self, point: QPoint) -> int | None:
        """The code point drawn under ``point`` (viewport coordinates), or None."""
        pos = self._edit.char_at(point)
        return None if pos is None else self._offsets.u16_to_cp(pos)

    # -- zoom, font, scroll -----------------------------------------------------------------

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, delta: int) -> None:
        delta = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], delta))
        if delta != self._zoom:
            self._zoom = delta
            self._apply_font()
            self.zoomChanged.emit(delta)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def set_font_family(self, family: str | None) -> None:
        """Use ``family`` (None: the shipped Arabic font, or the system font)."""
        self._family = family or load_fonts()
        self._apply_font()

    def font_family(self) -> str:
        return self._family

    def _apply_font(self) -> None:
        font = QFont(self._edit.font())
        font.setFamilies([self._family])
        font.setPointSize(BASE_POINT_SIZE + self._zoom)
        self._edit.setFont(font)

    def scroll_value(self) -> int:
        """The code point at the start of the first line in view: survives resizes and zoom."""
        edit = self._edit
        block = edit.firstVisibleBlock()
        if not block.isValid():
            return 0
        line_no = edit.verticalScrollBar().value() - block.firstLineNumber()
        layout = block.layout()
        rel = 0
        if layout is not None and 0 <= line_no < layout.lineCount():
            rel = layout.lineAt(line_no).textStart()
        return self._offsets.u16_to_cp(block.position() + rel)

    def set_scroll_value(self, pos: int) -> None:
        """Scroll so that the line holding code point ``pos`` is the first in view."""
        pos = max(0, min(pos, len(self._text)))
        if not self.isVisible():
            self._pending_scroll = pos  # lines are known once the widget has its width
        self._scroll_to(pos)

    def _scroll_to(self, pos: int) -> None:
        edit = self._edit
        pos_u16 = self._offsets.cp_to_u16(pos)
        block = edit.document().findBlock(pos_u16)
        if not block.isValid():
            return
        edit.blockBoundingRect(block)  # lays the block out
        layout = block.layout()
        line_no = 0
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(pos_u16 - block.position())
            line_no = line.lineNumber() if line.isValid() else 0
        edit.verticalScrollBar().setValue(block.firstLineNumber() + line_no)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_scroll is not None:
            pos, self._pending_scroll = self._pending_scroll, None
            self._scroll_to(pos)

    # -- direction --------------------------------------------------------------------------

    def _apply_direction(self) -> None:
        """Right-to-left whatever the widget's or the application's layout direction."""
        doc = self._edit.document()
        option = doc.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        doc.setDefaultTextOption(option)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._apply_direction()

    # -- helpers for the editor -------------------------------------------------------------

    def _quote_lanes(self, *, rescan: bool = False) -> dict[int, int]:
        """A side-bar lane per quote: overlapping quotes get different lanes."""
        if rescan:
            kind = self._palette.kind
            self._quotes = {s.id for s in self._index.spans() if kind(s.label) is Kind.QUOTE}
        get = self._index.get
        quotes = sorted(
            (span for span in map(get, self._quotes) if span is not None),
            key=reading_order,
        )
        self._bars.clear()
        lane_ends: list[int] = []
        lanes: dict[int, int] = {}
        for span in quotes:
            lane = next((i for i, end in enumerate(lane_ends) if end <= span.start), None)
            if lane is None:
                lane = len(lane_ends)
                lane_ends.append(span.end)
            else:
                lane_ends[lane] = span.end
            lanes[span.id] = lane
        return lanes

    def _quote_bars(self, block: int, start_u16: int, end_u16: int) -> list[Bar]:
        """The bars of the quotes of ``block`` that overlap the UTF-16 range, in their lanes
        (the block's are kept until a quote changes)."""
        found = self._bars.get(block)
        if found is None:
            found = self._bars[block] = Ranged(self._block_bars(block), _u16_bounds)
        return found.overlapping(start_u16, end_u16)

    def _block_bars(self, block: int) -> Iterator[Bar]:
        if block >= self._index.block_count:
            return
        palette = self._palette
        for span in self._index.spans_in_block(block):
            if span.id in self._quotes and span.start < span.end:
                start, end = self._offsets.range_to_u16(span.start, span.end)
                colour = self._bar_colours.get(span.label)
                if colour is None:
                    colour = QColor(fmt(palette.style(span.label).bar))
                    self._bar_colours[span.label] = colour
                yield Bar(start, end, self._lanes.get(span.id, 0), colour)

    def _event_lines(self, block: int, start_u16: int, end_u16: int) -> list[EventLine]:
        """The events of ``block`` that overlap the UTF-16 range, each in its lane (the
        block's are kept until one of its events changes)."""
        found = self._events.get(block)
        if found is None:
            found = self._events[block] = Ranged(self._block_events(block), _u16_bounds)
        return found.overlapping(start_u16, end_u16)

    def _block_events(self, block: int) -> list[EventLine]:
        """The events of ``block``, each in its lane: the outer (earlier, longer) one lowest,
        a nested or overlapping one above it (greedy interval lanes, per block)."""
        found: list[EventLine] = []
        if block >= self._index.block_count:
            return found
        palette = self._palette
        events = sorted(
            (s for s in self._index.spans_in_block(block) if palette.kind(s.label) is Kind.EVENT),
            key=reading_order,
        )
        lane_ends: list[int] = []
        for span in events:
            if span.start >= span.end:
                continue
            lane = next((i for i, end in enumerate(lane_ends) if end <= span.start), None)
            if lane is None:
                lane = len(lane_ends)
                lane_ends.append(span.end)
            else:
                lane_ends[lane] = span.end
            key = "event:" + span.label
            colour = self._bar_colours.get(key)
            if colour is None:
                colour = QColor(fmt(palette.style(span.label).line))
                self._bar_colours[key] = colour
            start, end = self._offsets.range_to_u16(span.start, span.end)
            found.append(EventLine(start, end, lane, colour))
        return found

    def _colour(self, name: str) -> QColor:
        colour = self._colours.get(name)
        if colour is None:
            colour = self._colours[name] = QColor(name)
        return colour

    def _span_fills(self, start_u16: int, end_u16: int) -> list[Fill]:
        """The entity backgrounds of the UTF-16 range (the text on screen): a query of the
        spans there, whatever the paragraph holds."""
        offsets = self._offsets
        start, end = offsets.range_to_cp(start_u16, end_u16)
        found = pieces(self._index.overlapping(start, end), self._palette, start, end)
        return [
            Fill(*offsets.range_to_u16(a, z), self._colour(colour))
            for a, z, colour in fills(found, self._palette)
        ]

    def painted_at(self, pos: int) -> tuple[str | None, str | None]:
        """The background and the text colour that the spans give code point ``pos`` ("#rrggbb";
        None: the paper's, the text's): what the viewer paints there."""
        found = list(pieces(self._index.overlapping(pos, pos + 1), self._palette, pos, pos + 1))
        background = fills(found, self._palette)
        tint = tints(found, self._palette)
        return (background[0][2] if background else None, tint[0][2] if tint else None)

    def _retint(self, *_: object) -> None:
        """Give Qt the quotes' tint of the text in view and a screen's height around it, as
        extra selections: Qt draws them without laying the text out again (docs/adr/0048)."""
        if self._loading:
            return
        edit = self._edit
        lo_u16, hi_u16 = edit.shown_u16()
        offsets = self._offsets
        lo, hi = offsets.range_to_cp(lo_u16, hi_u16)
        found = pieces(self._index.overlapping(lo, hi), self._palette, lo, hi)
        wanted = [
            (*offsets.range_to_u16(a, z), colour) for a, z, colour in tints(found, self._palette)
        ]
        if wanted == self._tinted:
            return
        self._tinted = wanted
        doc = edit.document()
        selections = []
        for a, z, colour in wanted:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(a)
            cursor.setPosition(z, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            tinted = QTextCharFormat()
            tinted.setForeground(QBrush(self._colour(colour)))
            # A background, but a transparent one: Qt skips a selection that only recolours
            # text where it touches another one (a nested quote inside its quote would keep the
            # plain text colour), and the entity backgrounds under the text must stay visible.
            tinted.setBackground(QBrush(Qt.GlobalColor.transparent))
            selection.format = tinted
            selections.append(selection)
        edit.setExtraSelections(selections)

    def span_tooltip(self, pos: int) -> str:
        """The tooltip over code point ``pos``: the spans there, innermost first ("": none)."""
        spans = [s for s in map(self._index.get, self._index.covering(pos)) if s is not None]
        return span_tooltip(self._text, spans, self._labels, self.speaker_of)

    def _tooltip(self, pos_u16: int) -> str:
        return self.span_tooltip(self._offsets.u16_to_cp(pos_u16))

    def _mime_text(self, start_u16: int, end_u16: int) -> str:
        start, end = self._offsets.range_to_cp(start_u16, end_u16)
        return self._text[start:end]


def _u16_bounds(item: Bar | EventLine) -> tuple[int, int]:
    return item.start_u16, item.end_u16


def _rtl_block() -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    block.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    return block

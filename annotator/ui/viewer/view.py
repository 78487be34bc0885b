"""ArticleView: the read-only, always right-to-left article with its spans drawn.

Offsets in and out are code points into the Python text given to ``set_document``; the Qt
document holds the same text (see offsets.qt_text) and is never read back (DESIGN.md §2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

from annotator.core.model import DEFAULT_LABELS, Kind, LabelSet, StoredSpan
from annotator.ui.annotator_colours import colour_of

from ..fonts import load_fonts
from . import overlays
from .editor import ArticleEdit
from .index import SpanIndex
from .looks import SpanLooks
from .offsets import OffsetMap, qt_text, u16_length
from .span_details import span_tooltip
from .style import UNKNOWN_COLOUR, Palette

BASE_POINT_SIZE = 16
GHOST_DARKER = 170  # a suggestion's frame: its label's colour, darker (QColor.darker), dashed
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
        self._looks = SpanLooks(self._index, self._offsets, self._labels)
        self._tinted: list[tuple[int, int, str]] = []  # the quote tints given to Qt (u16)
        # a suggestion's frame by (start, end, label, selected): an accept among a thousand
        # converts no offsets and makes no colour again; emptied with the text or the labels
        self._ghost_of: dict[tuple[int, int, str, bool], overlays.Ghost] = {}
        self._zoom = 0
        self._family = load_fonts()
        self._pending_scroll: int | None = None
        self._loading = False
        self.owner = ""  # the current annotator: others' spans get a frame (ADR 0071)
        self._edit.quote_bars = lambda *at: self._looks.quote_bars(*at)
        self._edit.event_lines = lambda *at: self._looks.event_lines(*at)
        self._edit.span_fills = lambda *at: self._looks.fills(*at)
        # the quotes' tint is kept for the text in view
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
        return self._looks.palette

    @property
    def text(self) -> str:
        return self._text

    # -- the document -----------------------------------------------------------------------

    def set_document(self, text: str, spans: Sequence[StoredSpan], labels: LabelSet) -> None:
        """Show ``text`` with ``spans``; clears the selection, the selected span and the scroll."""
        index = SpanIndex(text, spans)  # validates before anything changes
        self._text, self._labels = text, labels
        self._offsets = OffsetMap(text)
        self._ghost_of = {}
        self._index = index
        self._selected = None
        self._pending_scroll = None
        self._looks = SpanLooks(index, self._offsets, labels)
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
        self._frame_others(spans)
        if doc.characterCount() - 1 != u16_length(text) or doc.blockCount() != index.block_count:
            raise RuntimeError(
                f"Qt holds {doc.characterCount() - 1} UTF-16 units in {doc.blockCount()} blocks; "
                f"the text has {u16_length(text)} in {index.block_count}"
            )
        self._selection = (0, 0)
        self.spanSelected.emit(-1)
        self.selectionChanged.emit(0, 0)

    def _frame_others(self, spans: Sequence[StoredSpan]) -> None:
        """A dotted frame in its annotator's colour round each span not the owner's: they are
        never edited here (refused), so the frames change only with the document."""
        to_u16 = self._offsets.range_to_u16
        self._edit.set_others(
            [
                overlays.OtherSpan(*to_u16(s.start, s.end), colour_of(s.annotator))
                for s in spans
                if s.annotator != self.owner
            ]
        )

    def set_labels(self, labels: LabelSet) -> None:
        self._labels = labels
        self._ghost_of = {}
        self._looks = SpanLooks(self._index, self._offsets, labels)
        self._retint()
        self._edit.viewport().update()

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
        kinds = self._looks.edited(blocks, spans)
        if kinds == {Kind.ENTITY}:  # no lane moves: only where the span is and was
            edited = [s for s in spans if s is not None]
            self._edit.update_ranges([self._offsets.range_to_u16(s.start, s.end) for s in edited])
            return
        if Kind.QUOTE in kinds:
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

    def set_suggestions(
        self, suggestions: Sequence[tuple[int, int, str]], selected: int | None = None
    ) -> None:
        """Draw these suggestions (start, end in code points, label) as dashed frames in their
        label's colour; ``selected``: the index of the one drawn thicker; [] removes them."""
        made = self._ghost_of
        ghosts = []
        for i, (start, end, name) in enumerate(suggestions):
            key = (start, end, name, i == selected)
            ghost = made.get(key)
            if ghost is None:
                ghost = made[key] = self._ghost(*key)
            ghosts.append(ghost)
        self._edit.set_ghosts(ghosts)

    def move_suggestions(
        self, closed: Sequence[tuple[int, int, str]], opened: Sequence[tuple[int, int, str]]
    ) -> bool:
        """Take these suggestions' frames away (start, end, label; accepted or rejected) and
        draw those (back after an undo), no other frame looked at; False (nothing changed)
        when one to take away is not drawn."""
        made = self._ghost_of
        looks = [
            [g for g in (made.get((*c, True)), made.get((*c, False))) if g is not None]
            for c in closed
        ]
        new = []
        for start, end, name in opened:
            key = (start, end, name, False)
            ghost = made.get(key)
            if ghost is None:
                ghost = made[key] = self._ghost(*key)
            new.append(ghost)
        return self._edit.move_ghosts(looks, new)

    def _ghost(self, start: int, end: int, name: str, selected: bool) -> overlays.Ghost:
        label = self._labels.get(name)
        colour = QColor(label.colour if label is not None else UNKNOWN_COLOUR).darker(GHOST_DARKER)
        return overlays.Ghost(*self._offsets.range_to_u16(start, end), colour, selected)

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

    def painted_at(self, pos: int) -> tuple[str | None, str | None]:
        """The background and the text colour that the spans give code point ``pos`` ("#rrggbb";
        None: the paper's, the text's): what the viewer paints there."""
        return self._looks.painted_at(pos)

    def _retint(self, *_: object) -> None:
        """Give Qt the quotes' tint of the text in view as extra selections: Qt draws them
        without laying the text out again (docs/adr/0048)."""
        if self._loading:
            return
        edit = self._edit
        wanted = self._looks.tints(*edit.shown_u16())
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
            tinted.setForeground(QBrush(self._looks.colour(colour)))
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


def _rtl_block() -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    block.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    return block

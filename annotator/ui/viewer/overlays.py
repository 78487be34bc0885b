"""What the viewer paints over (and under) the laid-out text, from cached line geometry.

Qt lays the text out and draws its glyphs; everything a span adds is painted here, only on the
lines in the paint area (docs/adr/0046, 0048): the background of entities (under the glyphs,
rectangles of the glyph runs themselves, so a number inside Arabic text is covered exactly), the
side bars of quotes (one lane per nesting level), the thick underline of events with a tick at
each end (one lane per nesting level, docs/adr/0037), a light frame around every match of the
find bar (a frame, not a background: a match keeps showing the span colour under it), a dashed
frame in the label's colour round each suggestion (issue 11) and the frame of the selected
span. A quote's tint of the text is an extra selection of Qt's (see ArticleView): only Qt can
draw glyphs in another colour without laying the paragraph out again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple, Protocol, TypeVar

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QTextBlock

from .style import FOUND_COLOUR, OUTLINE_COLOUR

BAR_WIDTH = 3
BAR_GAP = 2
LANES = 4
MARGIN = 6 + LANES * (BAR_WIDTH + BAR_GAP)  # the document margin holds the quote bars
EVENT_LANES = 3  # nested events deeper than this share the top lane


class EventLine(NamedTuple):
    """An event to underline: its UTF-16 range, its lane (0: lowest) and its colour."""

    start_u16: int
    end_u16: int
    lane: int
    colour: QColor


class Bar(NamedTuple):
    """A quote's side bar: its UTF-16 range, its lane (0: innermost at the text) and colour."""

    start_u16: int
    end_u16: int
    lane: int
    colour: QColor


class Fill(NamedTuple):
    """An entity background to paint: a UTF-16 range and its colour."""

    start_u16: int
    end_u16: int
    colour: QColor


class LineTable(NamedTuple):
    """The lines of a laid-out block, in text order, in the block's own coordinates: where each
    starts and ends (UTF-16, relative to the block), its top, its foot and its height."""

    starts: list[int]
    ends: list[int]
    tops: list[float]
    bottoms: list[float]
    heights: list[float]

    def overlapping(self, a: int, z: int) -> range:
        """The lines that hold some of ``[a, z)`` (block-relative)."""
        return range(bisect_right(self.ends, a), bisect_left(self.starts, z))

    def between(self, top: float, bottom: float) -> range:
        """The lines drawn (in part) between heights ``top`` and ``bottom`` of the block."""
        return range(bisect_left(self.bottoms, top), bisect_right(self.tops, bottom))


class Geometry(Protocol):
    """What the painters need of the text widget (ArticleEdit)."""

    def viewport_width(self) -> int: ...
    def visible_blocks(self, top: float, bottom: float) -> Iterator[tuple[QTextBlock, QRectF]]: ...
    def line_table(self, block: QTextBlock) -> LineTable | None: ...
    def block_rects(
        self, block: QTextBlock, origin: QPointF, start_u16: int, end_u16: int, lines: range
    ) -> Iterator[QRectF]: ...
    def run_rects(self, block: QTextBlock, line: int, a: int, z: int) -> list[QRectF]: ...
    def range_rects(self, start_u16: int, end_u16: int) -> list[QRectF]: ...
    def event_line_width(self) -> float: ...


class Shown(NamedTuple):
    """A laid-out block in the paint area: where it is, its lines, the numbers of those the area
    shows, its position and the UTF-16 range of its text on them (``lo == hi``: none)."""

    block: QTextBlock
    place: QRectF
    table: LineTable
    lines: range
    pos: int
    lo: int
    hi: int

    @property
    def last(self) -> int:
        """The block-relative end of its text (before the separator)."""
        return self.block.length() - 1

    def held(self, a: int, z: int) -> range:
        """The shown lines holding some of the block-relative ``[a, z)``."""
        held = self.table.overlapping(max(a, 0), min(z, self.last))
        return range(max(held.start, self.lines.start), min(held.stop, self.lines.stop))


def shown_blocks(geo: Geometry, area: QRect) -> Iterator[Shown]:
    """The laid-out blocks that the paint ``area`` shows, each with its lines there."""
    for block, place in geo.visible_blocks(area.top(), area.bottom()):
        table = geo.line_table(block)
        if table is None:
            continue
        lines = table.between(area.top() - place.top(), area.bottom() - place.top())
        pos = block.position()
        lo = hi = pos
        if lines:
            lo, hi = pos + table.starts[lines.start], pos + table.ends[lines.stop - 1]
        yield Shown(block, place, table, lines, pos, lo, hi)


def paint_fills(
    painter: QPainter, geo: Geometry, area: QRect, fills: Callable[[int, int], Sequence[Fill]]
) -> None:
    """Entity backgrounds, under the text: only the pieces on the lines in the paint area."""
    for shown in shown_blocks(geo, area):
        if shown.lo >= shown.hi:
            continue
        table, pos, origin = shown.table, shown.pos, shown.place.topLeft()
        for start_u16, end_u16, colour in fills(shown.lo, shown.hi):
            a, z = max(start_u16, shown.lo) - pos, min(end_u16, shown.hi) - pos
            for i in shown.held(a, z):
                for rect in geo.run_rects(
                    shown.block, i, max(a, table.starts[i]), min(z, table.ends[i])
                ):
                    painter.fillRect(rect.translated(origin).toAlignedRect(), colour)


def paint_bars(
    painter: QPainter,
    geo: Geometry,
    area: QRect,
    bars: Callable[[int, int, int], Sequence[Bar]],
) -> None:
    """A bar beside each line of a quote: only the lines in the paint area (a bar needs no x,
    so no ``cursorToX``)."""
    right = geo.viewport_width() - MARGIN + 4
    for shown in shown_blocks(geo, area):
        top, heights = shown.place.top(), shown.table.heights
        for start_u16, end_u16, lane, colour in bars(shown.block.blockNumber(), shown.lo, shown.hi):
            x = right + min(lane, LANES - 1) * (BAR_WIDTH + BAR_GAP)
            for i in shown.held(start_u16 - shown.pos, end_u16 - shown.pos):
                line_top = top + shown.table.tops[i]
                painter.fillRect(QRectF(x, line_top, BAR_WIDTH, heights[i]), colour)


def event_line_width(font_metrics: QFontMetricsF) -> float:
    """The thickness of an event's underline: 3 px at the normal size, growing with zoom."""
    return max(2.0, round(font_metrics.height() / 12))


def paint_events(
    painter: QPainter,
    geo: Geometry,
    area: QRect,
    events: Callable[[int, int, int], Sequence[EventLine]],
) -> None:
    """A thick underline at the foot of each line of an event, and a tick up at its start
    and its end, so two events side by side and an event inside another both show."""
    width = geo.event_line_width()
    step = width + max(1.0, width / 2)
    for shown in shown_blocks(geo, area):
        block, pos, origin = shown.block, shown.pos, shown.place.topLeft()
        every = range(len(shown.table.starts))
        for line in events(block.blockNumber(), shown.lo, shown.hi):
            if not shown.held(line.start_u16 - pos, line.end_u16 - pos):
                continue  # off the paint area: no cursorToX for it
            rects = list(geo.block_rects(block, origin, line.start_u16, line.end_u16, every))
            if not rects:
                continue
            lift = min(line.lane, EVENT_LANES - 1) * step
            for rect in rects:
                y = rect.bottom() - 1 - width - lift
                painter.fillRect(QRectF(rect.left(), y, rect.width(), width), line.colour)
            tick = 2 * width
            first, last = rects[0], rects[-1]
            # right to left: the start is the right edge of the first line, the end the left
            # edge of the last one
            if line.start_u16 >= pos:
                x, y = first.right() - width, first.bottom() - 1 - width - lift
                painter.fillRect(QRectF(x, y - tick + width, width, tick), line.colour)
            if line.end_u16 <= pos + shown.last:
                x, y = last.left(), last.bottom() - 1 - width - lift
                painter.fillRect(QRectF(x, y - tick + width, width, tick), line.colour)


def paint_found(
    painter: QPainter, geo: Geometry, area: QRect, found: Sequence[tuple[int, int]], ends: list[int]
) -> None:
    """A frame round each match in the blocks on screen: thousands of matches cost nothing."""
    if not found:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(FOUND_COLOUR), 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for shown in shown_blocks(geo, area):
        block, place = shown.block, shown.place
        stop = shown.pos + block.length()
        i = bisect_right(ends, shown.pos)  # the first match ending in this block
        while i < len(found) and found[i][0] < stop:
            a, z = found[i]
            for rect in geo.block_rects(block, place.topLeft(), a, z, shown.lines):
                painter.drawRoundedRect(rect.adjusted(-1, 1, 1, -1), 3, 3)
            i += 1
    painter.restore()


class Ghost(NamedTuple):
    """A suggestion on screen: its UTF-16 range, the colour of its label, whether selected."""

    start_u16: int
    end_u16: int
    colour: QColor
    selected: bool = False


def ghost_reach(ghosts: Sequence[Ghost]) -> list[int]:
    """For ghosts sorted by start: the largest end among the first k + 1, for each k."""
    return list(accumulate(map(itemgetter(1), ghosts), max))


class Framed(Protocol):
    """What is framed on screen: a UTF-16 range (a suggestion, another annotator's span)."""

    @property
    def start_u16(self) -> int: ...
    @property
    def end_u16(self) -> int: ...


F = TypeVar("F", bound=Framed)


def framed_rects(
    geo: Geometry, area: QRect, items: Sequence[F], reach: list[int]
) -> Iterator[tuple[F, QRectF]]:
    """Each item of the blocks on screen (``items`` sorted by start; ``reach``, the running
    maximum of their ends, finds those of a block by bisection, overlapping ones too) with
    each rectangle of its text."""
    starts = [item.start_u16 for item in items]
    for shown in shown_blocks(geo, area):
        block, place = shown.block, shown.place
        pos, stop = shown.pos, shown.pos + block.length()
        first, last = bisect_right(reach, pos), bisect_left(starts, stop)
        for item in items[first:last]:
            if item.end_u16 <= pos:
                continue
            for rect in geo.block_rects(
                block, place.topLeft(), item.start_u16, item.end_u16, shown.lines
            ):
                yield item, rect


def paint_ghosts(
    painter: QPainter, geo: Geometry, area: QRect, ghosts: Sequence[Ghost], reach: list[int]
) -> None:
    """A dashed frame in the label's colour round each suggestion in the blocks on screen (the
    selected one thicker): no fill, so a suggestion never hides a span or the text. Ghosts may
    overlap (two labels suggested for one text)."""
    if not ghosts:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for ghost, rect in framed_rects(geo, area, ghosts, reach):
        painter.setPen(QPen(ghost.colour, 2.5 if ghost.selected else 1.5, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
    painter.restore()


class OtherSpan(NamedTuple):
    """Another annotator's span on screen (ADR 0071): its UTF-16 range, their colour."""

    start_u16: int
    end_u16: int
    colour: QColor


def paint_others(
    painter: QPainter, geo: Geometry, area: QRect, others: Sequence[OtherSpan], reach: list[int]
) -> None:
    """A dotted frame in the annotator's colour round each of another annotator's spans in the
    blocks on screen (sorted by start; ``reach`` as for the ghosts): the label's fill still
    says the label, the frame says whose it is."""
    if not others:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for other, rect in framed_rects(geo, area, others, reach):
        painter.setPen(QPen(other.colour, 2, Qt.PenStyle.DotLine))
        painter.drawRect(rect.adjusted(-0.5, 1.5, 0.5, -1.5))
    painter.restore()


def paint_outline(painter: QPainter, geo: Geometry, outline: tuple[int, int] | None) -> None:
    """The frame of the selected span."""
    if outline is None:
        return
    rects = geo.range_rects(*outline)
    if not rects:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(OUTLINE_COLOUR), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for rect in rects:
        painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)

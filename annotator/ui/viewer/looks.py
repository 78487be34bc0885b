"""What the spans look like where the viewer paints: fills, tints, quote bars and event lines.

ArticleView owns one SpanLooks per document and tells it of every edit; the painters ask it
for the UTF-16 range on screen only (docs/adr/0048). Quote lanes are the project's reading
order over the whole text; event lanes are per block. Both are kept until a span of their
kind changes; colours are made once per label.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from PySide6.QtGui import QColor

from annotator.core.model import Kind, LabelSet, StoredSpan, reading_order

from .index import SpanIndex
from .offsets import OffsetMap
from .overlays import Bar, EventLine, Fill
from .pieces import Ranged, fills, pieces, tints
from .style import Palette, fmt


def greedy_lanes(spans: Iterable[StoredSpan]) -> Iterator[tuple[StoredSpan, int]]:
    """Each non-empty span (in reading order) with the lowest lane free where it starts:
    an overlapping or nested span gets the next lane."""
    lane_ends: list[int] = []
    for span in sorted(spans, key=reading_order):
        if span.start >= span.end:
            continue
        lane = next((i for i, end in enumerate(lane_ends) if end <= span.start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(span.end)
        else:
            lane_ends[lane] = span.end
        yield span, lane


class SpanLooks:
    def __init__(self, index: SpanIndex, offsets: OffsetMap, labels: LabelSet) -> None:
        self.index, self.offsets = index, offsets
        self.palette = Palette(labels)
        self._colours: dict[str, QColor] = {}  # "#rrggbb" -> QColor
        self._events: dict[int, Ranged[EventLine]] = {}  # block -> its events in their lanes
        self._bars: dict[int, Ranged[Bar]] = {}  # block -> its quotes' bars
        kind = self.palette.kind
        self._quotes = {s.id for s in index.spans() if kind(s.label) is Kind.QUOTE}
        self._lanes = self._quote_lanes()

    def edited(
        self, blocks: Sequence[int] | range, spans: Sequence[StoredSpan | None]
    ) -> set[Kind]:
        """Forget what an edit of ``spans`` in ``blocks`` changed (the old and new versions of
        the span; the last is current, already in the index); the kinds it touched."""
        kind = self.palette.kind
        kinds = {kind(s.label) for s in spans if s is not None}
        if Kind.EVENT in kinds:
            for number in blocks:
                self._events.pop(number, None)
        if Kind.QUOTE in kinds:
            for span in spans:
                if span is not None:
                    self._quotes.discard(span.id)
            current = spans[-1]
            if (
                current is not None
                and current.id in self.index
                and kind(current.label) is Kind.QUOTE
            ):
                self._quotes.add(current.id)
            self._lanes = self._quote_lanes()
        return kinds

    def colour(self, name: str) -> QColor:
        found = self._colours.get(name)
        if found is None:
            found = self._colours[name] = QColor(name)
        return found

    # -- what the painters ask, for the UTF-16 range on screen ------------------------------

    def fills(self, start_u16: int, end_u16: int) -> list[Fill]:
        """The entity backgrounds of the range: a query of the spans there."""
        start, end = self.offsets.range_to_cp(start_u16, end_u16)
        found = pieces(self.index.overlapping(start, end), self.palette, start, end)
        to_u16 = self.offsets.range_to_u16
        return [Fill(*to_u16(a, z), self.colour(c)) for a, z, c in fills(found, self.palette)]

    def tints(self, start_u16: int, end_u16: int) -> list[tuple[int, int, str]]:
        """The quotes' tint of the text in the range: ``(start_u16, end_u16, "#rrggbb")``."""
        start, end = self.offsets.range_to_cp(start_u16, end_u16)
        found = pieces(self.index.overlapping(start, end), self.palette, start, end)
        to_u16 = self.offsets.range_to_u16
        return [(*to_u16(a, z), c) for a, z, c in tints(found, self.palette)]

    def painted_at(self, pos: int) -> tuple[str | None, str | None]:
        """The background and the text colour the spans give code point ``pos`` (None: the
        paper's, the text's)."""
        found = list(pieces(self.index.overlapping(pos, pos + 1), self.palette, pos, pos + 1))
        background, tint = fills(found, self.palette), tints(found, self.palette)
        return (background[0][2] if background else None, tint[0][2] if tint else None)

    def quote_bars(self, block: int, start_u16: int, end_u16: int) -> list[Bar]:
        """The bars of the quotes of ``block`` that overlap the range, in their lanes."""
        found = self._bars.get(block)
        if found is None:
            found = self._bars[block] = Ranged(self._block_bars(block), _u16_bounds)
        return found.overlapping(start_u16, end_u16)

    def event_lines(self, block: int, start_u16: int, end_u16: int) -> list[EventLine]:
        """The events of ``block`` that overlap the range, each in its lane."""
        found = self._events.get(block)
        if found is None:
            found = self._events[block] = Ranged(self._block_events(block), _u16_bounds)
        return found.overlapping(start_u16, end_u16)

    # -- lanes ------------------------------------------------------------------------------

    def _quote_lanes(self) -> dict[int, int]:
        """A side-bar lane per quote: overlapping quotes get different lanes."""
        self._bars.clear()
        quotes = (s for s in map(self.index.get, self._quotes) if s is not None)
        return {span.id: lane for span, lane in greedy_lanes(quotes)}

    def _block_bars(self, block: int) -> Iterator[Bar]:
        if block >= self.index.block_count:
            return
        for span in self.index.spans_in_block(block):
            if span.id in self._quotes and span.start < span.end:
                colour = self.colour(fmt(self.palette.style(span.label).bar))
                lane = self._lanes.get(span.id, 0)
                yield Bar(*self.offsets.range_to_u16(span.start, span.end), lane, colour)

    def _block_events(self, block: int) -> Iterator[EventLine]:
        """The events of ``block``, each in its lane: the outer (earlier, longer) one lowest,
        a nested or overlapping one above it (greedy interval lanes, per block)."""
        if block >= self.index.block_count:
            return
        kind = self.palette.kind
        events = (s for s in self.index.spans_in_block(block) if kind(s.label) is Kind.EVENT)
        for span, lane in greedy_lanes(events):
            colour = self.colour(fmt(self.palette.style(span.label).line))
            yield EventLine(*self.offsets.range_to_u16(span.start, span.end), lane, colour)


def _u16_bounds(item: Bar | EventLine) -> tuple[int, int]:
    return item.start_u16, item.end_u16

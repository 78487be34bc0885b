"""Span formats per paragraph: a QSyntaxHighlighter over the per-block span index (DESIGN.md §6).

``highlightBlock`` looks up the spans of the block it is given, cuts the block at every span
boundary and sets one cached QTextCharFormat per piece. The view calls ``rehighlightBlock`` on
the blocks an edit touches only, so an edit costs the same on a 10-span and a 10,000-span text.
"""

from __future__ import annotations

from collections import deque
from itertools import pairwise

from PySide6.QtGui import QBrush, QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Kind, LabelSet

from .index import SpanIndex
from .offsets import OffsetMap
from .style import LabelStyle, Palette
from .style import fmt as hex_colour

# (entity background, event underline colour, wavy?, quote tint): what a piece looks like
FormatKey = tuple[str | None, str | None, bool, str | None]


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, labels: LabelSet) -> None:
        self._index = SpanIndex("")
        self._offsets = OffsetMap("")
        self._palette = Palette(labels)
        self._formats: dict[FormatKey, QTextCharFormat] = {}
        self.highlighted: deque[int] = deque(maxlen=4096)
        """Numbers of the blocks formatted lately, newest last (tests count them)."""
        super().__init__(document)

    def set_model(self, index: SpanIndex, offsets: OffsetMap) -> None:
        """Use these spans from now on; the caller re-highlights what it must."""
        self._index = index
        self._offsets = offsets

    def set_labels(self, labels: LabelSet) -> None:
        self._palette = Palette(labels)
        self._formats.clear()

    @property
    def palette(self) -> Palette:
        return self._palette

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock().blockNumber()
        self.highlighted.append(block)
        index = self._index
        if block >= index.block_count:
            return
        spans = index.spans_in_block(block)
        if not spans:
            return
        first, last = index.block_start(block), index.block_end(block)
        palette = self._palette
        pieces: list[tuple[int, int, LabelStyle, str]] = []
        cuts = set()
        for span in spans:
            a, z = max(span.start, first), min(span.end, last)
            if a < z:
                pieces.append((a, z, palette.style(span.label), span.label))
                cuts.add(a)
                cuts.add(z)
        if not pieces:
            return
        offsets = self._offsets
        base = offsets.cp_to_u16(first)
        bounds = sorted(cuts)
        pieces.sort(key=lambda p: p[0])
        active: list[tuple[int, int, LabelStyle, str]] = []
        i = 0
        for left, right in pairwise(bounds):
            active = [p for p in active if p[1] > left]
            while i < len(pieces) and pieces[i][0] <= left:
                active.append(pieces[i])
                i += 1
            if not active:
                continue
            fmt = self._format(self._key(active))
            start_u16 = offsets.cp_to_u16(left) - base
            self.setFormat(start_u16, offsets.cp_to_u16(right) - base - start_u16, fmt)

    def _key(self, active: list[tuple[int, int, LabelStyle, str]]) -> FormatKey:
        entities = [p for p in active if p[2].kind is Kind.ENTITY]
        events = [p for p in active if p[2].kind is Kind.EVENT]
        quotes = [p for p in active if p[2].kind is Kind.QUOTE]
        background = line = tint = None
        if entities:
            entities.sort(key=lambda p: p[3])
            background = self._palette.entity_background([p[2] for p in entities])
        if events:
            inner = min(events, key=lambda p: p[1] - p[0])
            line = hex_colour(inner[2].line)
        if quotes:
            inner = min(quotes, key=lambda p: p[1] - p[0])
            tint = self._palette.quote_tint(inner[2], len(quotes))
        return (background, line, len(events) > 1, tint)

    def _format(self, key: FormatKey) -> QTextCharFormat:
        found = self._formats.get(key)
        if found is not None:
            return found
        background, line, wavy, tint = key
        fmt = QTextCharFormat()
        if background is not None:
            fmt.setBackground(QBrush(QColor(background)))
        if line is not None:
            style = QTextCharFormat.UnderlineStyle
            fmt.setUnderlineStyle(style.WaveUnderline if wavy else style.SingleUnderline)
            fmt.setUnderlineColor(QColor(line))
        if tint is not None:
            fmt.setForeground(QBrush(QColor(tint)))
        self._formats[key] = fmt
        return fmt

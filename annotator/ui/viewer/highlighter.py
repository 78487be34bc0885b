"""Span formats per paragraph: a QSyntaxHighlighter over the per-block span index (DESIGN.md §6).

``highlightBlock`` looks up the entity and quote spans of the block it is given, cuts the block
at every boundary of theirs and sets one cached QTextCharFormat per piece. Events have no char
format: the viewer paints their underline itself (thicker than a format's, docs/adr/0037). The
view calls ``rehighlightBlock`` on the blocks an edit touches only, so an edit costs the same on
a 10-span and a 10,000-span text.
"""

from __future__ import annotations

from collections import deque
from itertools import pairwise

from PySide6.QtGui import QBrush, QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Kind, LabelSet

from .index import SpanIndex
from .offsets import OffsetMap
from .style import Palette

# A piece of a span inside one block: (start, end, kind, label, length of the whole span).
Piece = tuple[int, int, Kind, str, int]
# What a piece of text looks like: (entity labels, innermost quote label, several quotes?).
FormatKey = tuple[tuple[str, ...], str | None, bool]


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
        kind_of = self._palette.kind
        pieces: list[Piece] = []
        cuts = set()
        for span in spans:
            a, z = max(span.start, first), min(span.end, last)
            kind = kind_of(span.label)
            if a < z and kind is not Kind.EVENT:
                pieces.append((a, z, kind, span.label, span.end - span.start))
                cuts.add(a)
                cuts.add(z)
        if not pieces:
            return
        offsets = self._offsets
        base = offsets.cp_to_u16(first)
        bounds = sorted(cuts)
        pieces.sort()
        active: list[Piece] = []
        i = 0
        for left, right in pairwise(bounds):
            if active:
                active = [p for p in active if p[1] > left]
            while i < len(pieces) and pieces[i][0] <= left:
                active.append(pieces[i])
                i += 1
            if not active:
                continue
            fmt = self._format(_key(active))
            start_u16 = offsets.cp_to_u16(left) - base
            self.setFormat(start_u16, offsets.cp_to_u16(right) - base - start_u16, fmt)

    def _format(self, key: FormatKey) -> QTextCharFormat:
        found = self._formats.get(key)
        if found is not None:
            return found
        entities, quote, deep = key
        palette = self._palette
        fmt = QTextCharFormat()
        if entities:
            background = palette.entity_background([palette.style(n) for n in entities])
            fmt.setBackground(QBrush(QColor(background)))
        if quote is not None:
            tint = palette.quote_tint(palette.style(quote), 2 if deep else 1)
            fmt.setForeground(QBrush(QColor(tint)))
        self._formats[key] = fmt
        return fmt


def _key(active: list[Piece]) -> FormatKey:
    """What a piece covered by the ``active`` spans looks like, by label names."""
    entities: list[str] = []
    quote: Piece | None = None
    quotes = 0
    for piece in active:
        if piece[2] is Kind.ENTITY:
            entities.append(piece[3])
        else:
            quotes += 1
            if quote is None or piece[4] < quote[4]:
                quote = piece
    return (tuple(sorted(entities)), quote[3] if quote is not None else None, quotes > 1)

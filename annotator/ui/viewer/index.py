"""Which spans touch which paragraph (QTextBlock), in code points; reading order. No Qt.

A paint asks "which spans overlap the characters on screen" (``overlapping``: a bisection in
reading order, whatever the paragraph's length), and an edit asks "which blocks does this span
touch" so only those are repainted (DESIGN.md §6, docs/adr/0048).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

from annotator.core.model import StoredSpan, reading_order

from .offsets import BLOCK_SEPARATORS


class SpanIndex:
    """Spans by id, by block and in reading order, for one text.

    Block ``n`` owns the code points ``[block_start(n), block_start(n + 1))``: its text and the
    separator that ends it. A span belongs to every block it overlaps; an empty span to none.
    """

    def __init__(self, text: str, spans: Iterable[StoredSpan] = ()) -> None:
        self._starts = [0] + [m.end() for m in BLOCK_SEPARATORS.finditer(text)]
        self._length = len(text)
        self._by_id: dict[int, StoredSpan] = {}
        self._by_block: list[set[int]] = [set() for _ in self._starts]
        self._order: list[tuple[int, int, str, int]] = []
        self._longest = 0  # no span was ever longer: bounds the search of ``overlapping``
        for span in spans:
            self._insert(span, keep_order=False)
        self._order.sort()

    # -- blocks -----------------------------------------------------------------------------

    @property
    def block_count(self) -> int:
        return len(self._starts)

    def block_start(self, block: int) -> int:
        return self._starts[block]

    def block_end(self, block: int) -> int:
        """End of the block's own text, before its separator."""
        if block + 1 < len(self._starts):
            return self._starts[block + 1] - 1
        return self._length

    def block_of(self, pos: int) -> int:
        """The block holding code point ``pos`` (a separator belongs to the block it ends)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def blocks_of(self, start: int, end: int) -> range:
        """The blocks that the range ``[start, end)`` overlaps (none for an empty range)."""
        if end <= start:
            return range(0)
        return range(self.block_of(start), self.block_of(end - 1) + 1)

    def spans_in_block(self, block: int) -> list[StoredSpan]:
        return [self._by_id[i] for i in self._by_block[block]]

    # -- spans ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._by_id

    def get(self, span_id: int) -> StoredSpan | None:
        return self._by_id.get(span_id)

    def spans(self) -> list[StoredSpan]:
        return list(self._by_id.values())

    def add(self, span: StoredSpan) -> list[int]:
        """Index ``span`` (replacing a span with the same id); return the blocks to repaint."""
        old = self.remove(span.id) if span.id in self._by_id else range(0)
        new = self._insert(span, keep_order=True)
        return sorted(set(old).union(new))

    def remove(self, span_id: int | None) -> range:
        """Forget a span; return the blocks it touched. Unknown ids touch nothing."""
        span = self._by_id.pop(span_id, None) if span_id is not None else None
        if span is None:
            return range(0)
        blocks = self.blocks_of(span.start, span.end)
        for block in blocks:
            self._by_block[block].discard(span_id)
        key = reading_order(span)
        i = bisect_left(self._order, key)
        if i < len(self._order) and self._order[i] == key:
            del self._order[i]
        return blocks

    def _insert(self, span: StoredSpan, *, keep_order: bool) -> range:
        if not 0 <= span.start <= span.end <= self._length:
            raise ValueError(f"span {span.id} [{span.start}, {span.end}) outside 0..{self._length}")
        self._by_id[span.id] = span
        self._longest = max(self._longest, span.end - span.start)
        blocks = self.blocks_of(span.start, span.end)
        for block in blocks:
            self._by_block[block].add(span.id)
        if keep_order:
            insort(self._order, reading_order(span))
        else:
            self._order.append(reading_order(span))
        return blocks

    def overlapping(self, start: int, end: int) -> list[StoredSpan]:
        """The spans overlapping ``[start, end)``, in reading order: those starting in
        ``[start - longest span, end)`` are looked at, never the whole paragraph."""
        order, get = self._order, self._by_id.__getitem__
        i = bisect_left(order, (start - self._longest, -(10**18)))
        j = bisect_left(order, (end, -(10**18)))
        return [get(key[3]) for key in order[i:j] if key[0] + key[1] < 0 and -key[1] > start]

    def covering(self, pos: int) -> list[int]:
        """Ids of the spans with ``start <= pos < end``, innermost (shortest) first."""
        if not 0 <= pos < self._length:
            return []
        found = [s for s in self.spans_in_block(self.block_of(pos)) if s.start <= pos < s.end]
        found.sort(key=lambda s: (s.end - s.start, -s.start, s.id))
        return [s.id for s in found]

    def neighbour(self, span_id: int | None, pos: int, *, backwards: bool = False) -> int | None:
        """The span after (or before) ``span_id`` in reading order, wrapping around.

        With no current span, the first span starting at or after ``pos`` (backwards: the last
        one starting before ``pos``).
        """
        if not self._order:
            return None
        current = self._by_id.get(span_id) if span_id is not None else None
        if current is not None:
            i = bisect_left(self._order, reading_order(current))
            j = i - 1 if backwards else i + 1
        elif backwards:
            j = bisect_left(self._order, (pos, -(10**18))) - 1
        else:
            j = bisect_left(self._order, (pos, -(10**18)))
        return self._order[j % len(self._order)][3]

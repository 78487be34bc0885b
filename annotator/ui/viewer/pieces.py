"""What each stretch of text looks like: the spans cut at every boundary. No Qt.

The viewer paints spans over the laid-out text instead of giving Qt char formats (which make
Qt lay the whole paragraph out again, docs/adr/0048). It asks for the pieces of the characters
on screen only: an entity's background by the set of entity labels over a piece, a quote's tint
by its innermost quote and how deep the quotes go there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from typing import Generic, NamedTuple, TypeVar

from annotator.core.model import Kind, StoredSpan

from .style import Palette

T = TypeVar("T")


class Ranged(Generic[T]):
    """Things with a range ``[start, end)`` each, found by the range they overlap: a
    bisection over their starts (the longest one bounds the search), not a scan."""

    def __init__(self, items: Iterable[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        keyed = sorted(((bounds(item), n, item) for n, item in enumerate(items)), key=_first)
        self._starts = [key[0][0] for key in keyed]
        self._ends = [key[0][1] for key in keyed]
        self._items = [key[2] for key in keyed]
        self._longest = max((z - a for a, z in (key[0] for key in keyed)), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The things overlapping ``[start, end)``, by start (then in the order given)."""
        i = bisect_left(self._starts, start - self._longest)
        j = bisect_left(self._starts, end)
        ends, items = self._ends, self._items
        return [items[k] for k in range(i, j) if ends[k] > start]


def _first(key: tuple[tuple[int, int], int, object]) -> tuple[tuple[int, int], int]:
    return key[0], key[1]


class Piece(NamedTuple):
    """``[start, end)`` in code points and what covers it, in label names: the entity labels
    (sorted), the innermost quote's label (None: no quote) and whether quotes nest there."""

    start: int
    end: int
    entities: tuple[str, ...]
    quote: str | None
    deep: bool


def pieces(spans: Iterable[StoredSpan], palette: Palette, start: int, end: int) -> Iterator[Piece]:
    """The pieces of ``[start, end)`` covered by entity or quote spans (events have their own
    underline), in text order; a stretch that no span covers gives no piece."""
    cut: list[tuple[int, int, Kind, str, int]] = []
    bounds = {start, end}
    for span in spans:
        a, z = max(span.start, start), min(span.end, end)
        kind = palette.kind(span.label)
        if a < z and kind is not Kind.EVENT:
            cut.append((a, z, kind, span.label, span.end - span.start))
            bounds.update((a, z))
    if not cut:
        return
    cut.sort()
    active: list[tuple[int, int, Kind, str, int]] = []
    i = 0
    for left, right in pairwise(sorted(bounds)):
        if active:
            active = [p for p in active if p[1] > left]
        while i < len(cut) and cut[i][0] <= left:
            active.append(cut[i])
            i += 1
        if not active:
            continue
        entities: list[str] = []
        quote: tuple[int, int, Kind, str, int] | None = None
        quotes = 0
        for piece in active:
            if piece[2] is Kind.ENTITY:
                entities.append(piece[3])
            else:
                quotes += 1
                if quote is None or piece[4] < quote[4]:
                    quote = piece
        yield Piece(left, right, tuple(sorted(entities)), quote[3] if quote else None, quotes > 1)


def merged(found: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Neighbouring ranges of one colour joined: ``(start, end, colour)`` in text order."""
    out: list[tuple[int, int, str]] = []
    for a, z, colour in found:
        if out and out[-1][1] == a and out[-1][2] == colour:
            out[-1] = (out[-1][0], z, colour)
        else:
            out.append((a, z, colour))
    return out


def fills(found: Iterable[Piece], palette: Palette) -> list[tuple[int, int, str]]:
    """The entity backgrounds of ``found``: ``(start, end, "#rrggbb")``, one colour a stretch."""
    return merged(
        (p.start, p.end, palette.entity_background([palette.style(n) for n in p.entities]))
        for p in found
        if p.entities
    )


def tints(found: Iterable[Piece], palette: Palette) -> list[tuple[int, int, str]]:
    """The quote tints of ``found``: ``(start, end, "#rrggbb")``, one colour a stretch."""
    return merged(
        (p.start, p.end, palette.quote_tint(palette.style(p.quote), 2 if p.deep else 1))
        for p in found
        if p.quote is not None
    )

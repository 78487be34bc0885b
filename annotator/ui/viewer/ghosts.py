"""The suggestions' frames the viewer draws (issue 11): kept sorted by place with the running
reach of their ends, which the painter needs; changed whole (a new document, a run of the
recommenders) or a few at a time (an accept, a reject, their undo). Each change returns the
UTF-16 ranges to repaint. No Qt here but the Ghost tuples' colours.

ArticleView hands out one Ghost object a look (view._ghost_of), so a frame that stays is the
same object: changes are found by identity, and a closed suggestion's frame by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from operator import itemgetter

from .overlays import Ghost, ghost_reach

_PLACE = itemgetter(0, 1)  # a Ghost's (start_u16, end_u16)
_START = itemgetter(0)
WHOLE = 64  # more frames changed than this: the caller repaints everything
Ranges = list[tuple[int, int]]


class GhostFrames:
    def __init__(self) -> None:
        self.ghosts: list[Ghost] = []  # sorted by place
        self.reach: list[int] = []  # the largest end among the first k + 1

    def replace(self, ghosts: Sequence[Ghost]) -> Ranges | None:
        """These frames instead (any order, overlaps allowed): the ranges where a frame came,
        went or changed, or None when more than WHOLE did."""
        before = self.ghosts
        self._keep(sorted(ghosts, key=_PLACE))
        # both lists alive while compared: no id is reused meanwhile
        moved = {id(g) for g in before}.symmetric_difference(id(g) for g in self.ghosts)
        if len(moved) > WHOLE:
            return None
        return [(g.start_u16, g.end_u16) for g in (*before, *self.ghosts) if id(g) in moved]

    def move(self, closed: Sequence[Sequence[Ghost]], opened: Sequence[Ghost]) -> Ranges | None:
        """Take away one frame of each of ``closed`` (a closed suggestion's looks: selected or
        not) and put ``opened`` in their places: the ranges to repaint, or None, and nothing
        changed, when one to take away is not drawn."""
        ghosts = list(self.ghosts)
        moved = []
        for looks in closed:
            at = _drawn_at(ghosts, looks)
            if at is None:
                return None
            moved.append(ghosts.pop(at))
        for ghost in opened:
            insort(ghosts, ghost, key=_PLACE)
            moved.append(ghost)
        self._keep(ghosts)
        return [(g.start_u16, g.end_u16) for g in moved]

    def _keep(self, ghosts: list[Ghost]) -> None:
        self.ghosts = ghosts
        self.reach = ghost_reach(ghosts)


def _drawn_at(ghosts: list[Ghost], looks: Sequence[Ghost]) -> int | None:
    for look in looks:
        at = bisect_left(ghosts, look.start_u16, key=_START)
        while at < len(ghosts) and ghosts[at].start_u16 == look.start_u16:
            if ghosts[at] is look:
                return at
            at += 1
    return None

"""One colour per annotator, the same in every window and every session (ADR 0071).

Another annotator's spans are framed in their colour in the viewer (a dotted frame, beside the
label's fill), and the span list's Annotator column and View ▸ Annotators show the same colour,
so whose span it is can be told at a glance. The colour comes from the name's CRC-32, never
from the order the annotators are listed in: it stays put when a third annotator comes.

Two names whose CRCs pick the same colour (one pair in eight) would look the same, so once the
window knows the project's annotators (``assign``, when others' spans are shown) the names are
taken in sorted order and one whose colour an earlier name holds takes the next free one. A
name keeps its colour unless a newcomer sorting before it wants the same one; up to eight
annotators always differ.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

# dark enough for a thin frame on white and on the label fills; no label colour of the defaults
COLOURS = ("#6a1b9a", "#00838f", "#e65100", "#2e7d32", "#ad1457", "#1565c0", "#5d4037", "#37474f")


_assigned: dict[str, str] = {}  # the project's annotators, once known (assign)


def _hashed(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % len(COLOURS)


def assign(names: Iterable[str]) -> None:
    """The colours of the project's annotators, told apart (up to eight): each name its CRC's
    colour unless a name sorting before it has it, then the next free one."""
    _assigned.clear()
    taken: set[int] = set()
    for name in sorted(set(names)):
        index = _hashed(name)
        for step in range(len(COLOURS)):
            if (index + step) % len(COLOURS) not in taken:
                index = (index + step) % len(COLOURS)
                break
        taken.add(index)
        _assigned[name] = COLOURS[index]


def colour_name(name: str) -> str:
    """The annotator's colour, ``#rrggbb``."""
    return _assigned.get(name) or COLOURS[_hashed(name)]


def colour_of(name: str) -> QColor:
    return QColor(colour_name(name))


def badge(name: str, size: int = 12) -> QIcon:
    """A small square in the annotator's colour (menus, the span list)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.fill(colour_of(name))
    return QIcon(pixmap)

"""One colour per annotator, the same in every window and every session (ADR 0071).

Another annotator's spans are framed in their colour in the viewer (a dotted frame, beside the
label's fill), and the span list's Annotator column and View ▸ Annotators show the same colour,
so whose span it is can be told at a glance. The colour comes from the name's CRC-32, never
from the order the annotators are listed in: it stays put when a third annotator comes.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

# dark enough for a thin frame on white and on the label fills; no label colour of the defaults
COLOURS = ("#6a1b9a", "#00838f", "#e65100", "#2e7d32", "#ad1457", "#1565c0", "#5d4037", "#37474f")


def colour_of(name: str) -> QColor:
    return QColor(COLOURS[zlib.crc32(name.encode("utf-8")) % len(COLOURS)])


def badge(name: str, size: int = 12) -> QIcon:
    """A small square in the annotator's colour (menus, the span list)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.fill(colour_of(name))
    return QIcon(pixmap)

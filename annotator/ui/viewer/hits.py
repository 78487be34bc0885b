"""What is drawn under a point of the viewer: the character under a click, and what a drag
passed over on the screen (docs/adr/0036), in UTF-16 positions, from the glyphs themselves."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from .glyphs import chars_between, glyph_extent, grapheme, line_end


def line_under(edit: QPlainTextEdit, point: QPoint) -> tuple[QTextBlock, QTextLine, float] | None:
    """The block and line drawn at the height of ``point``, and x in the line's terms."""
    block = edit.cursorForPosition(point).block()
    layout = block.layout() if block.isValid() else None
    if layout is None:
        return None
    geo = edit.blockBoundingGeometry(block).translated(edit.contentOffset())
    x, y = point.x() - geo.left(), point.y() - geo.top()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if line.y() <= y < line.y() + line.height():
            return block, line, x
    return None


def char_at(edit: QPlainTextEdit, point: QPoint) -> int | None:
    """The UTF-16 position of the character drawn under ``point``, or None."""
    found = line_under(edit, point)
    if found is None:
        return None
    block, line, x = found
    natural = line.naturalTextRect()
    if not natural.left() <= x <= natural.right() or line.textLength() == 0:
        return None
    rel = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
    first, last = line.textStart(), line.textStart() + line.textLength() - 1
    rel = min(max(rel, first), last)
    return block.position() + glyph_under(block, line, rel, x)


def glyph_under(block: QTextBlock, line: QTextLine, rel: int, x: float) -> int:
    """The character whose glyphs are drawn at ``x``, near the cursor position ``rel``:
    ``xToCursor`` gives the nearest cursor position, which in right-to-left text is the
    character after the one under ``x`` when ``x`` is on its left half."""
    first, last = line.textStart(), line.textStart() + line.textLength() - 1
    seen: set[int] = set()
    for guess in (rel, rel - 1, rel + 1, rel - 2, rel + 2):  # ±2: a lam-alef ligature
        if not first <= guess <= last:
            continue
        start, end = grapheme(block, guess)
        if start in seen:
            continue
        seen.add(start)
        extent = glyph_extent(line, start, end)
        if extent is not None and extent[0] <= x <= extent[1]:
            return start
    return rel


def visual_selection(edit: QPlainTextEdit, press: QPoint, point: QPoint) -> tuple[int, int] | None:
    """``[start, end)`` in UTF-16 units of the characters a drag from ``press`` to
    ``point`` passed over on the screen (docs/adr/0036), or None to keep Qt's selection.

    Qt selects between the two logical cursor positions under the pointer. Inside a number
    in Arabic text (3.5 and 30% are laid out left to right, the % on the left) the visual
    and the logical order differ, and a drag over 30% from its right edge to its left edge
    selected nothing. Here a character is passed over when the middle of its glyph lies
    between the two points on their lines (in the lines between, every character), and
    the selection is the smallest range holding them all. In right-to-left text without
    such runs this is what Qt selects.
    """
    a, z = line_under(edit, press), line_under(edit, point)
    if a is None or z is None:
        return None
    place_a = (a[0].blockNumber(), a[1].lineNumber())
    place_z = (z[0].blockNumber(), z[1].lineNumber())
    if place_a == place_z:
        found = chars_between(a[0], a[1], min(a[2], z[2]), max(a[2], z[2]))
        return (min(found), max(found) + 1) if found else None
    first, last = (a, z) if place_a < place_z else (z, a)
    # the lines are right to left: reading on from the first point goes to its left
    start = chars_between(first[0], first[1], -math.inf, first[2])
    end = chars_between(last[0], last[1], last[2], math.inf)
    head = min(start) if start else line_end(first[0], first[1])
    tail = max(end) + 1 if end else last[0].position() + last[1].textStart()
    return (head, tail) if head < tail else None

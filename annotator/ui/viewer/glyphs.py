"""Where glyphs are on a line, in UTF-16 units: what the eye sees, for bidi text too.

Qt's cursor positions are logical; at the edges of a left-to-right run in right-to-left text
(a number in Arabic: 3.5, %30) one x is two positions. The glyphs themselves
(``QTextLine.glyphRuns``, asked per grapheme) say where each character is drawn.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextLayout, QTextLine


def x_of(line: QTextLine, pos: int) -> float:
    """x of the cursor position ``pos`` in ``line`` (PySide returns (x, pos))."""
    found: tuple[float, int] = line.cursorToX(pos)  # type: ignore[assignment]
    return found[0]


def grapheme(block: QTextBlock, rel: int) -> tuple[int, int]:
    """The grapheme (a letter with its marks, an emoji with its modifiers) holding ``rel``."""
    layout = block.layout()
    start = rel if layout.isValidCursorPosition(rel) else layout.previousCursorPosition(rel)
    return start, layout.nextCursorPosition(start, QTextLayout.CursorMode.SkipCharacters)


def glyph_extent(line: QTextLine, start: int, end: int) -> tuple[float, float] | None:
    """Left and right x of the glyphs of the block-relative range ``[start, end)``, or None.
    Asked per grapheme: half a surrogate pair gets the glyph box of something else."""
    runs = line.glyphRuns(start, end - start)
    if not runs:
        return None
    rects = [run.boundingRect() for run in runs]
    return min(r.left() for r in rects), max(r.right() for r in rects)


def line_end(block: QTextBlock, line: QTextLine) -> int:
    return block.position() + line.textStart() + line.textLength()


def chars_between(block: QTextBlock, line: QTextLine, lo: float, hi: float) -> list[int]:
    """UTF-16 positions of the graphemes of ``line`` whose glyphs' middle is in [lo, hi]
    (the first and last unit of each)."""
    found = []
    rel, stop = line.textStart(), line.textStart() + line.textLength()
    while rel < stop:
        _, after = grapheme(block, rel)
        after = min(max(after, rel + 1), stop)
        extent = glyph_extent(line, rel, after)
        if extent is not None and lo <= (extent[0] + extent[1]) / 2 <= hi:
            found += [block.position() + rel, block.position() + after - 1]
        rel = after
    return found

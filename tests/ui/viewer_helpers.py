"""Small helpers shared by the viewer tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from annotator.core.model import StoredSpan
from annotator.ui.viewer import ArticleView
from annotator.ui.viewer.style import PAPER_COLOUR, TEXT_COLOUR


def span_of(span_id: int, text: str, words: str, label: str, nth: int = 0) -> StoredSpan:
    """A span over the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return StoredSpan(span_id, 1, start, start + len(words), label)


@dataclass(frozen=True)
class Look:
    """How a character is painted: the colour behind it and the colour of its glyphs."""

    background: str
    text: str


def look_at(view: ArticleView, pos: int) -> Look:
    """What the viewer paints at code point ``pos`` (``grab``: the real paint event), read off
    the pixels: the background is the commonest colour of the character's box, the text the
    darkest one (the middle of a stroke). Checked against what the view says it paints."""
    rect = view.char_rect(pos)
    assert not rect.isEmpty(), f"character {pos} is not drawn"
    image = view.viewport().grab().toImage()
    seen: Counter[str] = Counter()
    darkest = None
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left() + 1, rect.right()):
            colour = image.pixelColor(x, y)
            seen[colour.name()] += 1
            if darkest is None or colour.lightnessF() < darkest.lightnessF():
                darkest = colour
    assert darkest is not None
    look = Look(seen.most_common(1)[0][0], darkest.name())
    background, tint = view.painted_at(pos)
    assert look.background == (background or PAPER_COLOUR), (look, background)
    assert look.text == (tint or TEXT_COLOUR), (look, tint)
    return look


def click(view: ArticleView, pos: int) -> None:
    """A real left click on the middle of the character at code point ``pos``."""
    rect = view.char_rect(pos)
    assert not rect.isEmpty(), f"character {pos} is not drawn"
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def drag(view: ArticleView, start: int, end: int) -> None:
    """Press on the leading (right) edge of ``start``, release on the trailing edge of end - 1."""
    first, last = view.char_rect(start), view.char_rect(end - 1)
    a = QPoint(first.right() - 1, first.center().y())
    z = QPoint(last.left() + 1, last.center().y())
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(vp, (a + z) / 2)
    QTest.mouseMove(vp, z)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, z)


def colour_runs(view: ArticleView, pos: int, colour: str, x: int | None = None) -> list[int]:
    """Heights in pixels of the runs of ``colour`` ("#rrggbb") in the column through the
    middle of character ``pos``, from its line's top to its foot, as the viewer paints it
    (``grab``: the real paint event, overlays included)."""
    rect = view.char_rect(pos)
    image = view.viewport().grab().toImage()
    x = rect.center().x() if x is None else x
    runs: list[int] = []
    inside = False
    for y in range(rect.top(), rect.bottom() + 1):
        hit = image.pixelColor(x, y).name() == colour
        if hit and inside:
            runs[-1] += 1
        elif hit:
            runs.append(1)
        inside = hit
    return runs

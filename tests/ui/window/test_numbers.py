"""Issue 8 item 3: a drag over part of a number in Arabic text selects the number whole.

Real data through the real reader: three ANERcorp sentences (3.5, 30% and 15%, بـ4.3%)
imported from CoNLL into a project file. In right-to-left text a number is laid out left to
right and its % goes to its left (%30); Qt selected between the logical cursor positions under
the pointer, so a drag over the whole number from its right edge to its left edge selected
nothing, a drag over the % selected only the % (no word: the label key refused), and a second
try over 3.5, pressed inside what the first selected, began dragging that text out of the viewer
and selected nothing. Every drag here presses and releases on pixels of the glyphs themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.ops.importing import import_paths
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.viewer import ArticleView
from tests.ui.window_helpers import ANNOTATOR, REPO, db_spans, key, open_window, text_of

ANERCORP = REPO / "tests" / "fixtures" / "ANERCorp.txt"


def anercorp_sentences(*tokens: str) -> list[str]:
    """The ``TOKEN TAG`` lines of the ANERcorp sentences holding each of ``tokens``."""
    lines = ANERCORP.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    for token in tokens:
        at = next(i for i, line in enumerate(lines) if line.rsplit(" ", 1)[0] == token)
        start = at
        while start > 0 and lines[start - 1] != ". O":
            start -= 1
        end = at
        while lines[end] != ". O":
            end += 1
        out.extend(lines[start : end + 1])
    return out


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    source = tmp_path / "anercorp-numbers.txt"
    source.write_text("\n".join(anercorp_sentences("3.5", "30%", "بـ4.3%")) + "\n", "utf-8")
    project = tmp_path / "numbers.annot.db"
    with open_project(project) as repo:
        assert import_paths(repo, [source], annotator=ANNOTATOR).imported == 1
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    window = open_window(qtbot, project, user)
    yield window
    i18n.install("en")


def added(window: MainWindow, before: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans of the project file that were not there ``before`` (ANERcorp brings some)."""
    return [s for s in db_spans(window) if s not in before]


def left_of(view: ArticleView, pos: int) -> QPoint:
    """Inside the glyph of the character at ``pos``, one pixel from its left edge."""
    rect = view.char_rect(pos)
    return QPoint(rect.left() + 1, rect.center().y())


def right_of(view: ArticleView, pos: int) -> QPoint:
    rect = view.char_rect(pos)
    return QPoint(rect.right() - 1, rect.center().y())


def middle_of(view: ArticleView, pos: int) -> QPoint:
    return view.char_rect(pos).center()


def drag_points(view: ArticleView, press: QPoint, release: QPoint) -> None:
    vp = view.viewport()
    view.select_span(None)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    QTest.mouseMove(vp, (press + release) / 2)
    QTest.mouseMove(vp, release)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, release)


def test_numbers_are_laid_out_left_to_right_with_the_percent_sign_on_their_left(
    window: MainWindow,
) -> None:
    text, view = text_of(window), window.view
    three = text.index("3.5")
    assert view.char_rect(three).x() < view.char_rect(three + 2).x()  # 3 left of 5
    thirty = text.index("30%")
    assert view.char_rect(thirty + 2).x() < view.char_rect(thirty).x()  # % left of 3


def test_a_drag_over_a_whole_percentage_from_right_to_left_labels_it(window: MainWindow) -> None:
    text, view = text_of(window), window.view
    before = db_spans(window)
    at = text.index("30%")
    drag_points(view, right_of(view, at + 1), left_of(view, at + 2))  # from the 0 to the %
    assert text[slice(*view.selection())] == "30%"
    key(window, "4")
    assert added(window, before) == [(at, at + 3, "MISC")]


def test_a_drag_over_the_percent_sign_alone_labels_the_number(window: MainWindow) -> None:
    text, view = text_of(window), window.view
    before = db_spans(window)
    at = text.index("15%")
    drag_points(view, right_of(view, at + 2), left_of(view, at + 2))
    assert text[slice(*view.selection())] == "%"
    key(window, "4")
    assert added(window, before) == [(at, at + 3, "MISC")]
    assert window.status.action.text() == "Label \u206815%\u2069 as \u2068MISC\u2069"


@pytest.mark.parametrize(
    ("press_at", "release_at"),
    [
        (("right", 2), ("left", 0)),  # the whole of 3.5, right edge to left edge
        (("middle", 1), ("left", 0)),  # from the point to the left edge of the 3
        (("middle", 2), ("left", 0)),  # from the 5 to the left edge of the 3
        (("right", 1), ("middle", 0)),  # the point and the 3
    ],
)
def test_a_drag_over_part_of_a_decimal_labels_it_whole(
    window: MainWindow, press_at: tuple[str, int], release_at: tuple[str, int]
) -> None:
    text, view = text_of(window), window.view
    before = db_spans(window)
    at = text.index("3.5")
    points = {"left": left_of, "right": right_of, "middle": middle_of}
    press = points[press_at[0]](view, at + press_at[1])
    release = points[release_at[0]](view, at + release_at[1])
    drag_points(view, right_of(view, at + 2), middle_of(view, at + 1))  # a first try: 5 and .
    assert view.selection() == (at + 1, at + 3)
    drag_points(view, press, release)  # again, pressing inside what the first try selected
    start, end = view.selection()
    assert at <= start < end <= at + 3  # what was dragged over, on the side it was dragged
    key(window, "4")
    assert added(window, before) == [(at, at + 3, "MISC")]


def test_a_number_glued_to_a_preposition_loses_the_preposition(window: MainWindow) -> None:
    text, view = text_of(window), window.view
    before = db_spans(window)
    at = text.index("بـ4.3%")
    drag_points(view, right_of(view, at + 4), left_of(view, at + 5))  # the 3 and the %
    key(window, "4")
    assert added(window, before) == [(at + 2, at + 6, "MISC")]  # 4.3%
    assert "proclitic \u2068بـ\u2069 left out of the span" in window.status.action.text()


def test_a_drag_from_the_line_before_into_a_number_takes_the_number(window: MainWindow) -> None:
    text, view = text_of(window), window.view
    before = db_spans(window)
    word = text.index("ركاب")  # the end of the first line
    at = text.index("30%")
    assert text.index("\n") < at
    drag_points(view, right_of(view, word), left_of(view, at + 1))  # into the 0 of 30%
    start, end = view.selection()
    assert (start, text[end - 1]) == (word, "0") or (start, end) == (word, at + 3)
    key(window, "Alt+4")  # exact: what was dragged over, up to the 0 it touched
    assert added(window, before) == [(word, end, "MISC")]
    assert end >= at + 2

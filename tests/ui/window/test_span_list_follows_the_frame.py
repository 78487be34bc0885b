"""The span list highlights the span framed in the viewer, and nothing when none is framed,
after every edit that moves, removes or brings back its row (issue 8 §10), scrolled into view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from annotator.core.tokens import tokenize
from annotator.ui.main_window import MainWindow
from annotator.ui.span_model import SPAN_ID_ROLE
from tests.ui.viewer_helpers import click
from tests.ui.window_helpers import db_spans, find, key, text_of

WORDS = (("كارتر", "1"), ("أنقرة", "3"), ("البنتاغون", "2"), ("سوريا", "3"), ("داعش", "2"))


def label(window: MainWindow, words: tuple[tuple[str, str], ...] = WORDS) -> None:
    text = text_of(window)
    for word, label_key in words:
        window.view.set_selection(*find(text, word))
        key(window, label_key)
    window.view.select_span(None)


def highlighted(window: MainWindow) -> list[int]:
    """The span ids of the span list's highlighted rows."""
    rows = window.side.table.selectionModel().selectedRows()
    return [row.data(SPAN_ID_ROLE) for row in rows]


def assert_follows(window: MainWindow) -> None:
    """The list highlights exactly the framed span (or nothing), and its row is on screen."""
    framed = window.view.selected_span()
    assert highlighted(window) == ([] if framed is None else [framed])
    if framed is not None:
        table = window.side.table
        index: QModelIndex = table.model().index(window.side.model.row_of(framed), 0)
        assert table.viewport().rect().intersects(table.visualRect(index)), "row not in view"


def frame(window: MainWindow, word: str, nth: int = 0) -> int:
    """Click ``word`` in the viewer: its span gets the frame."""
    click(window.view, find(text_of(window), word, nth)[0] + 1)
    framed = window.view.selected_span()
    assert framed is not None
    return framed


def test_clicking_a_span_in_the_viewer_highlights_its_row(window: MainWindow) -> None:
    label(window)
    assert_follows(window)
    for word in ("داعش", "كارتر", "سوريا"):
        frame(window, word)
        assert_follows(window)
    click(window.view, find(text_of(window), "الحدود")[0] + 1)  # no span there
    assert window.view.selected_span() is None
    assert_follows(window)


def test_a_boundary_move_keeps_the_row_highlighted(window: MainWindow) -> None:
    label(window)
    framed = frame(window, "البنتاغون")
    start, end = find(text_of(window), "البنتاغون")
    key(window, "Alt+Shift+Left")  # the start one character towards the end: لبنتاغون
    assert (start + 1, end, "ORG") in db_spans(window)
    assert window.view.selected_span() == framed
    assert_follows(window)
    key(window, "Ctrl+Alt+Shift+Right")  # the end one character back
    assert (start + 1, end - 1, "ORG") in db_spans(window)
    assert_follows(window)


def test_relabelling_with_a_number_key_keeps_the_row_highlighted(window: MainWindow) -> None:
    label(window)
    framed = frame(window, "أنقرة")
    for label_key, name in (("1", "PER"), ("4", "MISC"), ("2", "ORG")):  # the row moves each time
        key(window, label_key)
        assert (*find(text_of(window), "أنقرة"), name) in db_spans(window)
        assert window.view.selected_span() == framed
        assert_follows(window)


def test_delete_highlights_nothing(window: MainWindow) -> None:
    label(window)
    frame(window, "سوريا")
    key(window, "Delete")
    assert window.view.selected_span() is None
    assert highlighted(window) == []
    assert_follows(window)


def test_undo_and_redo_highlight_the_span_they_frame(window: MainWindow) -> None:
    label(window)
    text = text_of(window)
    frame(window, "أنقرة")
    key(window, "1")  # relabel
    frame(window, "البنتاغون")
    key(window, "Alt+Shift+Left")  # move a boundary
    frame(window, "سوريا")
    key(window, "Delete")
    assert_follows(window)
    for _ in range(3):
        key(window, "Ctrl+Z")  # the deletion, the move, the relabel
        assert window.view.selected_span() is not None
        assert_follows(window)
    assert (*find(text, "أنقرة"), "LOC") in db_spans(window)
    for _ in range(3):
        key(window, "Ctrl+Shift+Z")
        assert_follows(window)
    assert (*find(text, "سوريا"), "LOC") not in db_spans(window)


def test_the_highlighted_row_is_scrolled_into_view(window: MainWindow, qtbot: QtBot) -> None:
    text = text_of(window)
    words = [t for t in tokenize(text) if t.is_word and len(t.text) > 3][:60]
    for word in words:
        window.view.set_selection(word.start, word.end)
        key(window, "4")
    table = window.side.table
    assert table.verticalScrollBar().maximum() > 0, "the list must be longer than its view"
    for word in (words[-1], words[0], words[-2]):
        click(window.view, word.start + 1)
        assert_follows(window)
        key(window, "1")  # relabelled: the row moves and stays in view
        assert_follows(window)

"""Issue 8 item 2: exact labels and boundary moves never leave white space at a span's edges.

Driven as the issue reproduces it: a double-click on والرقة at the end of the title line,
Shift+Left (in right-to-left text, one character towards the end: the line break), Alt+3.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.ui.main_window import MainWindow
from tests.ui.window_helpers import db_spans, find, key, shown_spans, text_of


def double_click(window: MainWindow, pos: int) -> None:
    rect = window.view.char_rect(pos)
    QTest.mouseDClick(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )


def test_alt_label_after_shift_left_past_the_line_end_keeps_no_line_break(
    window: MainWindow,
) -> None:
    text = text_of(window)
    start, end = find(text, "والرقة")
    assert text[end] == "\n"  # the end of the title line
    double_click(window, start + 2)
    assert window.view.selection() == (start, end)
    QTest.keyClick(window.view.text_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection() == (start, end + 1)  # the line break is selected
    key(window, "Alt+3")
    assert db_spans(window) == [(start, end, "LOC")]  # [84, 90): no 'والرقة\n'
    assert shown_spans(window) == [(start, end, "LOC")]
    message = window.status.action.text()
    assert "Label \u2068والرقة\u2069 as \u2068LOC\u2069" in message
    assert "spaces and line breaks at its edges left out" in message


def test_a_selection_of_line_breaks_and_spaces_labelled_exactly_makes_no_span(
    window: MainWindow,
) -> None:
    text = text_of(window)
    end = find(text, "والرقة")[1]
    window.view.set_selection(end, end + 2)  # the two line breaks after the title line
    key(window, "Alt+3")
    assert db_spans(window) == []
    assert "only spaces" in window.status.action.text()


def test_boundary_moves_onto_a_line_break_or_a_space_say_so_and_stop(
    window: MainWindow,
) -> None:
    text = text_of(window)
    start, end = find(text, "والرقة")
    double_click(window, start + 2)
    key(window, "Alt+3")
    assert window.view.selected_span() is not None  # the new span is selected
    key(window, "Ctrl+Alt+Shift+Left")  # the end towards the end of the text: the line break
    assert db_spans(window) == [(start, end, "LOC")]
    assert window.status.action.text() == "Not moved: the span would end with a line break"
    key(window, "Alt+Shift+Right")  # the start back by one: the space before the word
    assert db_spans(window) == [(start, end, "LOC")]
    assert window.status.action.text() == "Not moved: the span would start with a space"
    assert window.controller.stack.count() == 1  # the refused moves are not undo steps
    key(window, "Alt+Shift+Left")  # a move inside the word still works: و left out
    assert db_spans(window) == [(start + 1, end, "LOC")]
    assert window.view.selected_span() is not None

"""The viewer driven with real mouse and key events: selection in code points, span clicks, keys
left to the window's actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from annotator.core.model import DEFAULT_LABELS, StoredSpan
from annotator.ui.viewer import ArticleView
from tests.ui.viewer_helpers import click, drag, span_of

EMOJI_TEXT = "😀👍🏽 واشنطن تجدد دعمها لتركيا\nوقال كارتر «خطة عمليتنا العسكرية» 🇸🇦 الرقة"


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(640, 320)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_mouse_selection_after_emoji_gives_code_points(view: ArticleView, qtbot: QtBot) -> None:
    view.set_document(EMOJI_TEXT, [], DEFAULT_LABELS)
    emitted: list[tuple[int, int]] = []
    view.selectionChanged.connect(lambda start, end: emitted.append((start, end)))
    for word in ("تجدد", "الرقة", "كارتر"):
        start = EMOJI_TEXT.index(word)
        drag(view, start, start + len(word))
        assert view.selection() == (start, start + len(word))
        assert emitted[-1] == view.selection()
        assert EMOJI_TEXT[slice(*view.selection())] == word


def test_shift_arrows_extend_the_selection_by_graphemes(view: ArticleView) -> None:
    view.set_document(EMOJI_TEXT, [], DEFAULT_LABELS)
    view.setFocus()
    for _ in range(3):  # right-to-left text: Left moves forward
        QTest.keyClick(view.text_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    # 😀, then 👍🏽 (two code points, one grapheme), then the space
    assert view.selection() == (0, 4)
    QTest.keyClick(view.text_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (0, 3)
    QTest.keyClick(view.text_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (0, 1)


def test_set_selection_round_trips_and_copies_our_text(view: ArticleView, qtbot: QtBot) -> None:
    text = "أ\u00a0ب 😀 ج\nد"
    view.set_document(text, [], DEFAULT_LABELS)
    with qtbot.waitSignal(view.selectionChanged) as blocker:
        view.set_selection(0, len(text))
    assert blocker.args == [0, len(text)]
    assert view.selection() == (0, len(text))
    view.text_edit.copy()
    assert QGuiApplication.clipboard().text() == text  # NBSP and LF kept, no U+2029
    QGuiApplication.clipboard().clear()  # clipboard data left at exit crashes Qt's teardown
    view.set_selection(len(text) + 5, 3)  # out of date, e.g. restored from settings: clamped
    assert view.selection() == (3, len(text))


def test_clicking_a_span_emits_the_innermost_id(view: ArticleView, qtbot: QtBot) -> None:
    quote = span_of(1, EMOJI_TEXT, "«خطة عمليتنا العسكرية»", "QUOTE")
    inner = span_of(2, EMOJI_TEXT, "عمليتنا", "EVENT")
    entity = span_of(3, EMOJI_TEXT, "الرقة", "LOC")
    view.set_document(EMOJI_TEXT, [quote, inner, entity], DEFAULT_LABELS)
    with (
        qtbot.waitSignal(view.spanClicked) as clicked,
        qtbot.waitSignal(view.spanSelected) as selected,
    ):
        click(view, inner.start + 2)
    assert clicked.args == [2] and selected.args == [2]
    assert view.selected_span() == 2
    with qtbot.waitSignal(view.spanClicked) as clicked:
        click(view, quote.start + 2)  # inside the quote only
    assert clicked.args == [1]
    with qtbot.waitSignal(view.spanClicked) as clicked:
        click(view, entity.end - 1)  # after a flag emoji on the same line
    assert clicked.args == [3]
    with qtbot.waitSignal(view.spanSelected) as selected:
        click(view, EMOJI_TEXT.index("دعمها") + 1)  # no span there
    assert selected.args == [-1] and view.selected_span() is None


def test_dragging_over_a_span_selects_text_not_the_span(view: ArticleView, qtbot: QtBot) -> None:
    entity = span_of(3, EMOJI_TEXT, "الرقة", "LOC")
    view.set_document(EMOJI_TEXT, [entity], DEFAULT_LABELS)
    with qtbot.assertNotEmitted(view.spanClicked):
        drag(view, entity.start, entity.end)
    assert view.selection() == (entity.start, entity.end)
    assert view.selected_span() is None


def test_a_click_beside_the_text_selects_no_span(view: ArticleView) -> None:
    entity = StoredSpan(1, 1, 0, 5, "LOC")
    view.set_document("واشنطن", [entity], DEFAULT_LABELS)
    line = view.char_rect(0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(8, line.center().y())
    )  # far left of a short right-aligned line
    assert view.selected_span() is None


def test_selecting_text_deselects_the_span(view: ArticleView, qtbot: QtBot) -> None:
    entity = span_of(3, EMOJI_TEXT, "الرقة", "LOC")
    view.set_document(EMOJI_TEXT, [entity], DEFAULT_LABELS)
    view.select_span(3)
    with qtbot.waitSignal(view.spanSelected) as selected:
        view.set_selection(5, 10)
    assert selected.args == [-1]


KEYS = {
    "1": (Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier),
    "9": (Qt.Key.Key_9, Qt.KeyboardModifier.NoModifier),
    "Alt+1": (Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier),
    "Delete": (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    "Backspace": (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    "Tab": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    "Shift+Tab": (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),
    "Ctrl+Z": (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+Return": (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    "Shift+Alt+Left": (
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier,
    ),
    "Ctrl+=": (Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier),
}


def test_window_shortcuts_fire_while_the_viewer_has_focus(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = ArticleView()
    window.setCentralWidget(view)
    fired: list[str] = []
    for name in KEYS:
        action = QAction(name, window)
        action.setShortcut(QKeySequence(name))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, name=name: fired.append(name))
        window.addAction(action)
    view.set_document(EMOJI_TEXT, [span_of(1, EMOJI_TEXT, "الرقة", "LOC")], DEFAULT_LABELS)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    view.set_selection(5, 11)
    view.setFocus()
    qtbot.waitUntil(view.text_edit.hasFocus)
    for name, (key, modifiers) in KEYS.items():
        QTest.keyClick(view.text_edit, key, modifiers)
        assert fired[-1:] == [name], f"{name} did not reach the window"
    assert view.selection() == (5, 11)  # none of them touched the selection

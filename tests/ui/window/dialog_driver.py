"""Driving the window's modal dialogs and menus as a user does, from inside their event loops.

A dialog opened with ``exec()`` (a message box, a file dialog) runs its own event loop: the test
schedules what the user does there before the key or click that opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)
# a Qt property on the C++ dialog, not a Python attribute: a dialog made in C++ (a message box)
# may get a stale Python wrapper of an earlier dialog at the same address, with its attributes,
# and a long run then skipped the new box as already driven and waited for ever
DRIVEN = "test_driven"


@dataclass
class Seen:
    """What the user saw: the texts of the dialogs the scheduled steps ran on."""

    texts: list[str] = field(default_factory=list)
    done: int = 0
    error: BaseException | None = None
    timers: list[QTimer] = field(default_factory=list)  # kept alive until the steps ran

    def wait(self, qtbot: QtBot, count: int = 1) -> None:
        """Until ``count`` steps ran; a step that failed fails the test here."""
        qtbot.waitUntil(lambda: self.done >= count or self.error is not None, timeout=10_000)
        if self.error is not None:
            error, self.error = self.error, None
            raise error


# every scheduled step of the running test: stopped when the test ends, so a step waiting for a
# dialog that never came cannot drive a later test's dialog (a long run then hung in that test)
_scheduled: list[Seen] = []


def end_of_test() -> BaseException | None:
    """Stop every step still waiting; the first failure of a step nobody waited for."""
    error = None
    for seen in _scheduled:
        for timer in seen.timers:
            timer.stop()
        error = error or seen.error
        seen.error = None
    _scheduled.clear()
    return error


def when_shown(kind: type[W], act: Callable[[W], None], seen: Seen | None = None) -> Seen:
    """Run ``act(dialog)`` on the next visible top-level widget of ``kind`` once it shows.
    A step still waiting when the test ends is stopped; one that failed fails the test then,
    if ``Seen.wait`` did not already raise it."""
    seen = seen if seen is not None else Seen()
    _scheduled.append(seen)

    def check() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, kind) and w.isVisible() and not w.property(DRIVEN)
        ]
        if not shown:
            return
        timer.stop()
        dialog = shown[0]
        dialog.setProperty(DRIVEN, True)
        if isinstance(dialog, QMessageBox):
            seen.texts.append(f"{dialog.text()}\n{dialog.informativeText()}")
        try:
            act(dialog)
        except BaseException as exc:  # close it, or its event loop would never end
            seen.error = exc
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()
            return
        seen.done += 1

    # a QTimer object held by ``seen``, not QTimer.singleShot(callable): a single-shot closure
    # was now and then never called in a long run, and the dialog waited for ever
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(check)
    seen.timers.append(timer)
    timer.start()
    return seen


def click(button: QAbstractButton | None) -> None:
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def click_radio(radio: QRadioButton) -> None:
    """Click a radio button on its round indicator (a click beside its text does nothing)."""
    option = QStyleOptionButton()
    radio.initStyleOption(option)
    rect = radio.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, radio)
    QTest.mouseClick(radio, Qt.MouseButton.LeftButton, pos=rect.center())
    assert radio.isChecked()


def click_button(box: QWidget, text: str) -> None:
    """Click the button of ``box`` whose text is ``text`` (mnemonic ampersands ignored)."""
    buttons = [b for b in box.findChildren(QAbstractButton) if b.text().replace("&", "") == text]
    assert buttons, [b.text() for b in box.findChildren(QAbstractButton)]
    click(buttons[0])


def answer(text: str, seen: Seen | None = None) -> Seen:
    """The next message box: click its button ``text``."""
    return when_shown(QMessageBox, lambda box: click_button(box, text), seen)


def choose_file(path: str, seen: Seen | None = None) -> Seen:
    """The next file dialog: paste ``path`` into its file name field and press Enter (typed
    key by key, each slash would send the dialog's completer to another folder)."""

    def act(dialog: QFileDialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText(path)
        for _ in range(3):  # the first Enter may only close the name completer's choice
            QTest.keyClick(edit, Qt.Key.Key_Return)
            if not dialog.isVisible():
                return
        raise AssertionError(f"the file dialog did not take {path!r}")

    return when_shown(QFileDialog, act, seen)


def cancel_file_dialog(seen: Seen | None = None) -> Seen:
    return when_shown(QFileDialog, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape), seen)


def click_menus(window: QMainWindow, *texts: str) -> None:
    """Click through the menu bar with the mouse: the top menu called ``texts[0]``, then in
    each menu the item called by the next text (mnemonic ampersands ignored); the last one is
    triggered. Items are found by text when their menu shows (Open recent is filled then)."""
    bar = window.menuBar()
    first, *rest = texts
    top = _by_text(bar.actions(), first)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    menu = top.menu()
    for text in rest:
        assert isinstance(menu, QMenu)
        _wait_shown(menu)
        action = _by_text(menu.actions(), text)
        menu = _click_item(menu, action, text)


def _click_item(menu: QMenu, action: QAction, text: str) -> QMenu | None:
    """Hover the item, as a hand does, then click it; a leaf item must have triggered.
    The item's submenu, if it has one."""
    submenu = action.menu()
    hit: list[bool] = []

    def triggered(*_: object) -> None:
        hit.append(True)

    action.triggered.connect(triggered)
    try:
        QTest.mouseMove(menu, menu.actionGeometry(action).center())
        QTest.qWait(20)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    finally:
        if shiboken6.isValid(action):  # what it did may have closed the window and its menus
            action.triggered.disconnect(triggered)
    assert submenu is not None or hit, f"clicking {text!r} did not trigger it"
    return submenu if isinstance(submenu, QMenu) else None


def _wait_shown(menu: QMenu, timeout_ms: int = 5000) -> None:
    """Until ``menu`` is on screen and laid out: a submenu opens a moment after the click on
    its entry (QMenu's popup timer), and a click before that lands nowhere."""
    waited = 0
    while not (menu.isVisible() and QTest.qWaitForWindowExposed(menu, 50)) and waited < timeout_ms:
        QTest.qWait(20)
        waited += 70
    assert menu.isVisible(), f"the menu {menu.title()!r} did not open"
    QTest.qWait(50)  # let its geometry settle before aiming at an item


def _by_text(actions: list[QAction], text: str) -> QAction:
    found = [a for a in actions if a.text().replace("&", "") == text.replace("&", "")]
    assert found, [a.text() for a in actions]
    return found[0]

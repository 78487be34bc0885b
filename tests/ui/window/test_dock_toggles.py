"""View → Documents and View → Annotations show and hide the docks, follow a dock closed by
its title bar button, and the docks shown come back with the window (issue 8 §13)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDockWidget
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click_menus
from tests.ui.window_helpers import ANNOTATOR, key, make_project, open_window


def user(settings: QSettings) -> UserSettings:
    found = UserSettings(settings)
    found.set_annotator(ANNOTATOR)
    found.set_language("en")
    return found


def menu_item(window: MainWindow, text: str) -> tuple[bool, bool]:
    """(enabled, checked) of the View menu's item ``text``."""
    action = next(a for a in window.menu("view").actions() if a.text().replace("&", "") == text)
    return action.isEnabled(), action.isChecked()


def close_button(dock: QDockWidget) -> QAbstractButton:
    button = dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    assert button is not None and button.isVisible()
    return button


def test_the_view_menu_toggles_the_docks(window: MainWindow, qtbot: QtBot) -> None:
    assert menu_item(window, "Documents") == (True, True)
    assert menu_item(window, "Annotations") == (True, True)
    click_menus(window, "View", "Documents")
    qtbot.waitUntil(lambda: window.documents_dock.isHidden())
    assert menu_item(window, "Documents") == (True, False)
    assert window.side_dock.isVisible()
    click_menus(window, "View", "Annotations")
    qtbot.waitUntil(lambda: window.side_dock.isHidden())
    assert menu_item(window, "Annotations") == (True, False)
    click_menus(window, "View", "Documents")
    qtbot.waitUntil(lambda: window.documents_dock.isVisible())
    assert menu_item(window, "Documents") == (True, True)
    assert window.documents.table.isVisible()


def test_closing_a_dock_by_its_button_unchecks_the_item(window: MainWindow, qtbot: QtBot) -> None:
    QTest.mouseClick(close_button(window.side_dock), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.side_dock.isHidden())
    assert menu_item(window, "Annotations") == (True, False)
    click_menus(window, "View", "Annotations")  # and the menu brings it back
    qtbot.waitUntil(lambda: window.side_dock.isVisible())
    assert menu_item(window, "Annotations") == (True, True)


def test_the_docks_shown_come_back_with_the_window(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = make_project(tmp_path)
    window = open_window(qtbot, path, user(settings))
    QTest.mouseClick(close_button(window.documents_dock), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.documents_dock.isHidden())
    window.close()

    again = open_window(qtbot, path, user(settings))
    assert again.documents_dock.isHidden()
    assert again.side_dock.isVisible()
    assert menu_item(again, "Documents") == (True, False)
    assert menu_item(again, "Annotations") == (True, True)


def test_a_key_from_the_settings_toggles_a_dock(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    found = user(settings)
    found.set_shortcut_override("show_documents", "F8")
    window = open_window(qtbot, make_project(tmp_path), found)
    assert window.action_set.key_text("show_documents") == "F8"
    key(window, "F8")
    assert window.documents_dock.isHidden()
    key(window, "F8")
    assert window.documents_dock.isVisible()

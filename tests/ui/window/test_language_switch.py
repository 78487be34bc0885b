"""Switching the interface language in Settings (issue 8 §11): at once, in the same window
(texts, direction, docks on the mirrored side, undo history kept), and after a restart; each
direction keeps its own dock layout (docs/adr/0039)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.ui import i18n
from annotator.ui.app import create_main_window
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.settings_dialog import SettingsDialog
from tests.ui.window.dialog_driver import click, click_menus, when_shown
from tests.ui.window_helpers import ANNOTATOR, activate, find, key, make_project, text_of

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


def opened(qtbot: QtBot, project: Path, user: UserSettings) -> MainWindow:
    """The window as `annotator gui` builds it (create_main_window installs the language)."""
    window = create_main_window(project, user)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    qtbot.waitUntil(lambda: window.controller.snapper.ready, timeout=30_000)
    return window


def choose_language(qtbot: QtBot, window: MainWindow, menus: tuple[str, str], arabic: bool) -> None:
    """Edit → Settings…, the language list with the keyboard (End: العربية, the last; Up from
    there: English), OK with the mouse."""

    def act(dialog: SettingsDialog) -> None:
        dialog.language.setFocus()
        QTest.keyClick(dialog.language, Qt.Key.Key_End if arabic else Qt.Key.Key_Up)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        click(buttons.button(QDialogButtonBox.StandardButton.Ok))

    seen = when_shown(SettingsDialog, act)
    click_menus(window, *menus)
    seen.wait(qtbot)
    QApplication.processEvents()


def assert_mirrored(window: MainWindow) -> None:
    assert window.layoutDirection() == RTL
    assert window.dockWidgetArea(window.documents_dock) == RIGHT
    assert window.dockWidgetArea(window.side_dock) == LEFT
    assert window.documents_dock.geometry().x() > window.side_dock.geometry().x()
    assert window.centralWidget().geometry().x() > window.side_dock.geometry().x()
    assert window.menu("project").title() == "&مشروع"
    assert window.documents_dock.windowTitle() == "المستندات"
    assert window.status.annotator.text() == f"الموسِّم: \u2068{ANNOTATOR}\u2069"


def assert_english(window: MainWindow) -> None:
    assert window.layoutDirection() == LTR
    assert window.dockWidgetArea(window.documents_dock) == LEFT
    assert window.dockWidgetArea(window.side_dock) == RIGHT
    assert window.documents_dock.geometry().x() < window.side_dock.geometry().x()
    assert window.menu("project").title() == "&Project"
    assert window.documents_dock.windowTitle() == "Documents"
    assert window.status.annotator.text() == f"Annotator: \u2068{ANNOTATOR}\u2069"


def test_switching_to_arabic_mirrors_at_once_and_after_a_restart(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    project = make_project(tmp_path)
    window = opened(qtbot, project, user)
    assert_english(window)
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")

    choose_language(qtbot, window, ("Edit", "Settings…"), arabic=True)
    assert user.language() == "ar"
    assert_mirrored(window)  # the same window, at once
    assert window.controller.span_model.headerData(0, Qt.Orientation.Horizontal) == "الوسم"
    assert window.action_set["undo"].text() == "&تراجع"
    assert window.controller.stack.canUndo()  # the undo history is still there
    assert window.grab().save(str(screenshot_dir / "language-switched-ar.png"))

    window.close()
    again = opened(qtbot, project, user)  # a restart with these settings
    assert_mirrored(again)

    choose_language(qtbot, again, ("تحرير", "الإعدادات…"), arabic=False)
    assert user.language() == "en"
    assert_english(again)
    assert again.controller.span_model.headerData(0, Qt.Orientation.Horizontal) == "Label"
    assert again.grab().save(str(screenshot_dir / "language-switched-en.png"))

    again.close()
    third = opened(qtbot, project, user)
    assert_english(third)


def test_a_layout_is_kept_per_direction(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    """The annotator puts both docks on one side in English; Arabic mirrors that, and coming
    back to English restores it; a layout saved without a direction (before this change, or by
    the bug that saved the English layout as the Arabic one) is not restored."""
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    project = make_project(tmp_path)
    window = opened(qtbot, project, user)
    window.addDockWidget(LEFT, window.side_dock)  # both on the left
    choose_language(qtbot, window, ("Edit", "Settings…"), arabic=True)
    assert window.dockWidgetArea(window.documents_dock) == RIGHT
    assert window.dockWidgetArea(window.side_dock) == RIGHT
    choose_language(qtbot, window, ("تحرير", "الإعدادات…"), arabic=False)
    assert window.dockWidgetArea(window.side_dock) == LEFT
    window.close()

    user.save_window(window.saveGeometry(), window.saveState(), True)  # unversioned, as before
    user.set_language("ar")
    again = opened(qtbot, project, user)
    assert_mirrored(again)  # the default Arabic layout, not the English one

"""Open recent and New project…: opening never makes a file (issue 8 §4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.store import open_project
from annotator.ui import app as app_module
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import answer, choose_file, click_button, click_menus, when_shown
from tests.ui.window_helpers import ANNOTATOR, activate, make_project, open_window


def files_of(path: Path) -> list[str]:
    """The project file and its journal, where they are."""
    return sorted(p.name for p in path.parent.glob(f"{path.name}*"))


def open_first_recent(window: MainWindow, qtbot: QtBot) -> None:
    """Alt+P, R (Open recent), Enter on its first project: the keys a user presses."""
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menu("project"))
    QTest.keyClick(window.menu("project"), Qt.Key.Key_R)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menu("recent"))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.activeAction() is not None
    QTest.keyClick(menu, Qt.Key.Key_Return)


def test_a_deleted_recent_project_is_not_made_again_and_leaves_the_list(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere" / "other.annot.db"
    other.parent.mkdir()
    open_project(other).close()
    window.settings.add_recent_project(other)
    other.unlink()
    windows = list(app_module._windows)
    seen = answer("Remove from the list")
    open_first_recent(window, qtbot)
    seen.wait(qtbot)
    assert (
        f"is not there: it was moved, renamed or deleted.\n\u2068{other.resolve()}\u2069\n"
        in seen.texts[0]
    )
    assert files_of(other) == [] and list(other.parent.iterdir()) == []  # nothing made
    assert str(other.resolve()) not in window.settings.recent_projects()
    assert app_module._windows == windows and window.isVisible()
    assert window.project == Path(window.repo.path) and window.repo.count_documents() == 1


def test_a_moved_recent_project_can_stay_in_the_list(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    other = tmp_path / "other.annot.db"
    open_project(other).close()
    window.settings.add_recent_project(other)
    other.rename(tmp_path / "moved.annot.db")  # a colleague moved it; it may come back
    seen = answer("Keep in the list")
    open_first_recent(window, qtbot)
    seen.wait(qtbot)
    assert "moved, renamed or deleted" in seen.texts[0]
    assert files_of(other) == []
    assert str(other.resolve()) in window.settings.recent_projects()
    # once it is back, the same menu item opens it
    (tmp_path / "moved.annot.db").rename(other)
    activate(qtbot, window)
    open_first_recent(window, qtbot)
    new = app_module._windows.pop()
    qtbot.addWidget(new)
    assert new.project == other and not window.isVisible()


def test_only_new_project_makes_a_file(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    missing = tmp_path / "typo.annot.db"
    window.projectRequested.emit(str(missing))  # Open project… or Open recent, path gone since
    assert files_of(missing) == [] and window.isVisible()
    assert "does not exist" in window.banner.message()
    chosen = choose_file(str(tmp_path / "fresh"))  # Ctrl+N, type a name, Enter
    QTest.keyClick(window.view.text_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    chosen.wait(qtbot)
    new = app_module._windows.pop()
    qtbot.addWidget(new)
    fresh = tmp_path / "fresh.annot.db"
    assert new.project == fresh and fresh.is_file() and not window.isVisible()
    assert new.repo.count_documents() == 0 and len(new.repo.labels()) == 6


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_missing_project_message_in_both_languages(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    gone = tmp_path / "مشاريع" / "gone.annot.db"
    try:
        window = open_window(qtbot, make_project(tmp_path), user)
        user.add_recent_project(gone)

        def look(box: QMessageBox) -> None:
            box.grab().save(str(screenshot_dir / f"recent-missing-{language}.png"))
            assert box.layoutDirection() == (
                Qt.LayoutDirection.RightToLeft
                if language == "ar"
                else Qt.LayoutDirection.LeftToRight
            )
            remove = "أزِله من القائمة" if language == "ar" else "Remove from the list"
            click_button(box, remove)

        seen = when_shown(QMessageBox, look)
        click_menus(
            window,
            window.menu("project").title(),
            window.menu("recent").title(),
            str(gone.resolve()),
        )
        seen.wait(qtbot)
    finally:
        i18n.install("en")
    expected = "ليس هذا المشروع في مكانه" if language == "ar" else "is not there"
    assert expected in seen.texts[0]
    assert not gone.parent.exists()
    assert str(gone.resolve()) not in user.recent_projects()

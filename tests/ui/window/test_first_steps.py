"""First steps (issue 8 §15): an empty project's hint, the window title naming the project
file, Help → Keyboard map (F1; the user's own keys, both languages) and Help → User guide.
Screenshots in tests/ui/screenshots/."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui import app as app_module
from annotator.ui import i18n
from annotator.ui.app import create_main_window
from annotator.ui.help import GUIDE, KeyboardMap
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.label_dialog import LabelDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click, click_menus, when_shown
from tests.ui.window.test_labelset import in_dialog, ok_button, row_of
from tests.ui.window_helpers import ANNOTATOR, REPO, activate, key, make_project, open_window

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
TITLE = "واشنطن تجدد دعمها لتركيا في عملية تطهير حدودها من «داعش»"


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


def user_in(settings: QSettings, language: str) -> UserSettings:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    return user


def empty_window(qtbot: QtBot, tmp_path: Path, user: UserSettings) -> MainWindow:
    i18n.install(user.language())
    window = create_main_window(tmp_path / "empty.annot.db", user, create=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    activate(qtbot, window)
    return window


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_empty_project_shows_how_to_add_articles_until_it_has_one(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    window = empty_window(qtbot, tmp_path, user_in(settings, language))
    assert window.hint.isVisible() and not window.view.isVisible()
    text = window.hint.text.text()
    assert {
        "en": f"Project → Import articles… ({LRI}Ctrl+I{PDI})",
        "ar": f"مشروع ← استيراد مقالات… ({LRI}Ctrl+I{PDI})",
    }[language] in text
    assert (
        window.windowTitle()
        == {
            "en": f"{FSI}empty.annot.db{PDI} — Annotator",
            "ar": f"{FSI}empty.annot.db{PDI} — أداة التوسيم",
        }[language]
    )
    assert (
        window.status.position.text()
        == {"en": "No documents yet", "ar": "لا مستندات بعد"}[language]
    )
    assert window.grab().save(str(screenshot_dir / f"empty-project-{language}.png"))

    opened = when_shown(ImportDialog, lambda dialog: dialog.reject())
    click(window.hint.import_button)  # the hint's button opens Import articles…
    opened.wait(qtbot)

    article = tmp_path / "first.txt"
    article.write_text("خبر أول عن الموصل\n\nنص الخبر.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "annotator", "import", str(window.project), str(article)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: not window.hint.isVisible(), timeout=5000)  # another program's
    assert window.view.isVisible()
    assert (
        window.status.position.text()
        == {
            "en": f"Document {LRI}1{PDI} of {LRI}1{PDI}",
            "ar": f"المستند {LRI}1{PDI} من {LRI}1{PDI}",
        }[language]
    )


def test_the_sample_button_opens_the_sample_project(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program's own sample project (made from seeds/ the first time), in this test's data
    folder, opens in place of the empty project."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = empty_window(qtbot, tmp_path, user_in(settings, "en"))
    before = list(app_module._windows)
    click(window.hint.sample_button)
    qtbot.waitUntil(lambda: len(app_module._windows) > len(before))
    sample = app_module._windows.pop()
    qtbot.addWidget(sample)
    assert sample.project.name == "default.annot.db"
    assert sample.project.is_relative_to(tmp_path / "data")
    assert sample.repo.count_documents() == 1 and not sample.hint.isVisible()
    assert not window.isVisible()
    sample.close()


def test_the_title_names_the_project_file_and_the_document(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, make_project(tmp_path), user_in(settings, "en"))
    assert window.windowTitle() == f"{FSI}sample.annot.db{PDI}: {FSI}{TITLE}{PDI} — Annotator"
    assert window.windowFilePath() == str(window.project)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_f1_shows_the_keyboard_map_with_the_users_own_keys(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = user_in(settings, language)
    user.set_shortcut_override("undo", "Ctrl+Z; Alt+Backspace")
    window = open_window(qtbot, make_project(tmp_path), user)
    key(window, "F1")
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, KeyboardMap)]
    assert len(shown) == 1 and shown[0].isVisible()
    rows = shown[0].rows()
    english = language == "en"
    assert (f"{LRI}Ctrl+Z, Alt+Backspace{PDI}", "Undo" if english else "تراجع") in rows
    assert (f"{LRI}Ctrl+,{PDI}", "Settings…" if english else "الإعدادات…") in rows
    loc = f"Label as {FSI}LOC{PDI}" if english else f"وسم بـ {FSI}LOC{PDI}"
    assert (f"{LRI}3{PDI}", loc) in rows
    # keys named as on the keyboard in both interfaces: Qt's Arabic name of the arrow
    # ("Alt+Shift+اليسار") was drawn out of order, even isolated
    assert f"{LRI}Alt+Shift+Left{PDI}" in [keys for keys, _ in rows]
    assert (f"{LRI}F1{PDI}", "Keyboard map" if english else "خريطة المفاتيح") in rows
    assert not any(keys == f"{LRI}7{PDI}" for keys, _ in rows)  # no label on 7
    assert shown[0].grab().save(str(screenshot_dir / f"keyboard-map-{language}.png"))
    shown[0].close()
    help_menu = "Help" if english else "مساعدة"
    keyboard_map = "Keyboard map" if english else "خريطة المفاتيح"
    click_menus(window, help_menu, keyboard_map)
    assert shown[0].isVisible()
    # the open map follows the label set: LOC moved to key 8 in Edit → Labels…, then undone

    def to_eight(dialog: LabelDialog) -> None:
        dialog.set_row(row_of(dialog, "LOC"), key=8)
        QTest.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    in_dialog(window, qtbot, to_eight)
    assert (f"{LRI}8{PDI}", loc) in shown[0].rows()
    assert not any(keys == f"{LRI}3{PDI}" for keys, _ in shown[0].rows())
    key(window, "Ctrl+Z")
    assert (f"{LRI}3{PDI}", loc) in shown[0].rows()


class Browser(QObject):
    """Stands in for the system's browser: records the URLs it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_help_opens_the_user_guide(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    window = open_window(qtbot, make_project(tmp_path), user_in(settings, "en"))
    browser = Browser()
    QDesktopServices.setUrlHandler("file", browser, "open")
    try:
        click_menus(window, "Help", "User guide")
        QTest.qWait(10)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert browser.opened == [QUrl.fromLocalFile(str(GUIDE))]
    assert GUIDE.is_file() and "## Keyboard map" in GUIDE.read_text(encoding="utf-8")
    assert window.action_set["keyboard_map"].shortcut().toString() == "F1"

"""Start-up on a project that cannot be opened: the error, then the open dialog (issue 8 §15);
a project path that does not exist is made only when the user says so (issue 8 §4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.ui import app as app_module
from annotator.ui import i18n
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import answer, cancel_file_dialog, choose_file, when_shown
from tests.ui.window_helpers import ANNOTATOR, make_project

NOT_SQLITE = b"notes, not a project\n"


@pytest.fixture
def user(settings: QSettings) -> UserSettings:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    return user


def not_a_project(folder: Path) -> Path:
    path = folder / "notaproject.annot.db"
    path.write_bytes(NOT_SQLITE)
    return path


def test_not_a_project_is_explained_then_the_open_dialog_asks_for_another(
    qtbot: QtBot, tmp_path: Path, user: UserSettings
) -> None:
    bad = not_a_project(tmp_path)
    good = make_project(tmp_path)
    seen = answer("OK")
    chosen = choose_file(str(good))
    window = app_module.first_window(bad, user)
    assert window is not None
    qtbot.addWidget(window)
    seen.wait(qtbot)
    chosen.wait(qtbot)
    assert "The project cannot be opened." in seen.texts[0]
    assert f"{bad} is not a project file" in seen.texts[0]
    assert window.project == good and window.repo.count_documents() == 1
    assert bad.read_bytes() == NOT_SQLITE and sorted(p.name for p in tmp_path.iterdir()) == [
        "notaproject.annot.db",
        "qsettings",
        "sample.annot.db",
        "sample.annot.db-shm",
        "sample.annot.db-wal",
        "settings.ini",
    ]


def test_the_open_dialog_asks_again_until_a_project_opens_or_the_user_cancels(
    qtbot: QtBot, tmp_path: Path, user: UserSettings
) -> None:
    bad = not_a_project(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("قال كارتر.", encoding="utf-8")
    first, second = answer("OK"), choose_file(str(other))  # not a project either
    third, fourth = answer("OK"), cancel_file_dialog()
    assert app_module.first_window(bad, user) is None
    for step in (first, second, third, fourth):
        step.wait(qtbot)
    assert f"{bad} is not a project file" in first.texts[0]
    assert f"{other} is not a project file" in third.texts[0]
    assert bad.read_bytes() == NOT_SQLITE and other.read_text(encoding="utf-8") == "قال كارتر."


def test_a_missing_project_is_made_only_when_asked(
    qtbot: QtBot, tmp_path: Path, user: UserSettings
) -> None:
    missing = tmp_path / "typo.annot.db"
    seen = answer("Quit")
    assert app_module.first_window(missing, user) is None
    seen.wait(qtbot)
    assert f"There is no project file here:\n\u2068{missing}\u2069\n" in seen.texts[0]
    assert not missing.exists()

    good = make_project(tmp_path)
    seen, chosen = answer("Open another…"), choose_file(str(good))
    window = app_module.first_window(missing, user)
    assert window is not None
    qtbot.addWidget(window)
    chosen.wait(qtbot)
    assert window.project == good and not missing.exists()
    window.close()

    seen = answer("Make a new project")
    window = app_module.first_window(missing, user)
    assert window is not None
    qtbot.addWidget(window)
    seen.wait(qtbot)
    assert window.project == missing and missing.is_file()
    assert window.repo.count_documents() == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_start_up_messages_in_both_languages(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_language(language)
    i18n.install(language)
    rtl = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight

    def look(name: str) -> object:
        def act(box: QMessageBox) -> None:
            box.grab().save(str(screenshot_dir / f"start-{name}-{language}.png"))
            assert box.layoutDirection() == rtl
            box.reject() if name == "missing" else box.accept()

        return act

    try:
        missing = when_shown(QMessageBox, look("missing"))  # type: ignore[arg-type]
        assert app_module.first_window(tmp_path / "مشروع.annot.db", user) is None
        missing.wait(qtbot)
        error = when_shown(QMessageBox, look("not-a-project"))  # type: ignore[arg-type]
        cancelled = cancel_file_dialog()
        assert app_module.first_window(not_a_project(tmp_path), user) is None
        error.wait(qtbot)
        cancelled.wait(qtbot)
    finally:
        i18n.install("en")
    words = {"en": "There is no project file here:", "ar": "لا ملف مشروع هنا:"}[language]
    assert words in missing.texts[0]

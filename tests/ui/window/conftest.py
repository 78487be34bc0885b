"""Fixtures of the window tests: a project file with the sample article, the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import ANNOTATOR, make_project, open_window


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


@pytest.fixture
def user_settings(settings: QSettings) -> UserSettings:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    return user


@pytest.fixture
def window(qtbot: QtBot, project: Path, user_settings: UserSettings) -> Iterator[MainWindow]:
    window = open_window(qtbot, project, user_settings)
    yield window
    i18n.install("en")


@pytest.fixture
def two_docs(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    """The window on a project of two documents (the sample article and one of its paragraphs)."""
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    return open_window(qtbot, make_project(tmp_path, second=True), user)

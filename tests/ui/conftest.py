"""Shared set-up for the Qt tests: offscreen, and every test with its own QSettings ini file.

Run with ANNOTATOR_TEST_HEADED=1 to see the windows on a real display.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

if os.environ.get("ANNOTATOR_TEST_HEADED") != "1":
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

import pytest
from PySide6.QtCore import QSettings

SCREENSHOTS = Path(__file__).parent / "screenshots"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Default-constructed QSettings of any scope land in this test's own folder."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    old_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder
    QSettings.setDefaultFormat(old_format)


@pytest.fixture(autouse=True)
def _dialog_steps() -> Iterator[None]:
    """Steps scheduled for dialogs (tests/ui/window/dialog_driver.py) end with their test."""
    from tests.ui.window.dialog_driver import end_of_test

    yield
    error = end_of_test()
    if error is not None:
        raise error


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A QSettings on an ini file of this test, to inject into the code under test."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def screenshot_dir() -> Path:
    """Where tests save PNGs for a person to look at (git ignores them)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def sample_article() -> str:
    """The sample article shipped in seeds/ (canonical text: LF line ends, no BOM)."""
    return (REPO / "seeds" / "washington-turkey-isis.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _clear_clipboard_at_exit() -> Iterator[None]:
    """Clipboard data still owned at interpreter exit segfaults Qt's offscreen teardown."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()

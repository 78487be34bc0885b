"""End-to-end tests: offscreen unless ANNOTATOR_TEST_HEADED=1, settings in the test's folder."""

from __future__ import annotations

import os
from pathlib import Path

if os.environ.get("ANNOTATOR_TEST_HEADED") != "1":
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

"""The annotator's name is asked once, on the first start (issue 8 §15): main() in a child
process with a fresh profile. The dialog is empty (never the system user "root"); OK stores the
name; Cancel starts under the neutral placeholder and asks again next time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.ui.window_helpers import make_project

REPO = Path(__file__).resolve().parents[2]

RUN = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
import annotator.ui.app as app
from annotator.ui.first_start import NameDialog

qapp = QApplication(sys.argv[:1])
answer = sys.argv[2]

def drive():
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, NameDialog):
        print("ASKED", repr(dialog.name.text()))
        if answer:
            dialog.name.setFocus()
            QTest.keyClicks(dialog.name, answer)
            QTest.keyClick(dialog.name, Qt.Key.Key_Return)
        else:
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
    elif app._windows:
        window = app._windows[0]
        print("ANNOTATOR", window.controller.annotator)
        window.close()
        return
    QTimer.singleShot(20, drive)

QTimer.singleShot(0, drive)
sys.exit(app.main(sys.argv[1]))
"""


def start(home: Path, project: Path, answer: str) -> list[str]:
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
    )
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(project), answer],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_name_is_asked_once_and_cancel_asks_again(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert start(tmp_path, project, "") == ["ASKED ''", "ANNOTATOR annotator"]
    assert start(tmp_path, project, "Maryam") == ["ASKED ''", "ANNOTATOR Maryam"]
    assert start(tmp_path, project, "") == ["ANNOTATOR Maryam"]  # not asked again
    config = (tmp_path / "config" / "arabic-news-annotator" / "Annotator.conf").read_text()
    assert "name=Maryam" in config

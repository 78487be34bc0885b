"""`annotator gui notaproject.annot.db` in a child process: main() shows the error, then the
open dialog, instead of exiting (issue 8 §15). The child presses the keys a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def named(home: Path) -> None:
    """The user's settings hold an annotator name, as after the first start."""
    config = home / "config" / "arabic-news-annotator"
    config.mkdir(parents=True, exist_ok=True)
    (config / "Annotator.conf").write_text("[annotator]\nname=tester\n", encoding="utf-8")


RUN = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from annotator.cli.main import cli

qapp = QApplication(sys.argv[:1])
steps = []

def drive():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and "box" not in steps:
        steps.append("box")
        print("BOX", box.text().replace("\\n", " | "))
        QTest.keyClick(box, Qt.Key.Key_Return)
    elif isinstance(box, QFileDialog) and "dialog" not in steps:
        steps.append("dialog")
        print("DIALOG", box.windowTitle())
        if sys.argv[2]:
            edit = box.findChild(QLineEdit, "fileNameEdit")
            edit.setText(sys.argv[2])
            QTest.keyClick(edit, Qt.Key.Key_Return)
        else:
            QTest.keyClick(box, Qt.Key.Key_Escape)
    elif QApplication.activeWindow() is not None and "dialog" in steps:
        window = QApplication.activeWindow()
        print("WINDOW", window.windowTitle())
        window.close()
        return
    QTimer.singleShot(20, drive)

QTimer.singleShot(0, drive)
cli(["gui", sys.argv[1]])
"""


def run_gui(home: Path, project: Path, answer: str) -> subprocess.CompletedProcess[str]:
    named(home)  # the first-start name question is tests/ui/test_first_start.py's
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
    )
    return subprocess.run(
        [sys.executable, "-c", RUN, str(project), answer],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_gui_on_a_file_that_is_not_a_project_asks_for_another(tmp_path: Path) -> None:
    bad = tmp_path / "notaproject.annot.db"
    bad.write_text("notes, not a project\n", encoding="utf-8")
    cancelled = run_gui(tmp_path, bad, "")
    assert cancelled.returncode == 1, cancelled.stderr
    lines = cancelled.stdout.splitlines()
    assert lines[0].startswith("BOX The project cannot be opened. | ")
    assert f"{bad} is not a project file" in lines[0]
    assert lines[1] == "DIALOG Open project"
    assert bad.read_text(encoding="utf-8") == "notes, not a project\n"

    from tests.ui.window_helpers import make_project

    good = make_project(tmp_path)
    opened = run_gui(tmp_path, bad, str(good))
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.splitlines()[2].startswith("WINDOW ")
    assert opened.stdout.splitlines()[2].startswith(f"WINDOW \u2068{good.name}\u2069: ")

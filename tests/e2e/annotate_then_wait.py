"""Run by tests/e2e/test_killed.py in a process of its own: open the real window on PROJECT,
label, undo and delete with real key events, print what the span list shows after each edit,
then wait to be killed. Not a test module (no test_ prefix)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.ui.app import create_main_window
from annotator.ui.settings import UserSettings


def main(project: str, ini: str) -> None:
    app = QApplication([])
    user = UserSettings(QSettings(ini, QSettings.Format.IniFormat))
    user.set_annotator("killed")
    user.set_language("en")
    window = create_main_window(project, user)
    window.show()
    window.activateWindow()
    deadline = time.monotonic() + 10
    while QGuiApplication.focusWindow() is not window.windowHandle():
        app.processEvents()
        if time.monotonic() > deadline:
            raise SystemExit("the window never became active")
    window.view.setFocus()

    def key(sequence: str) -> None:
        combo = QKeySequence(sequence)[0]
        QTest.keyClick(window.view.text_edit, combo.key(), combo.keyboardModifiers())
        app.processEvents()

    def shown() -> None:
        spans = sorted((s.start, s.end, s.label) for s in window.controller.span_model.spans())
        print("SHOWN", spans, flush=True)

    text = window.controller.document.text  # type: ignore[union-attr]
    for words, label in (("كارتر", "1"), ("الموصل", "3"), ("داعش", "2"), ("أنقرة", "3")):
        start = text.index(words)
        window.view.set_selection(start, start + len(words))
        key(label)
        shown()
    key("Ctrl+Z")
    shown()
    key("Tab")
    key("Delete")
    shown()
    print("READY", flush=True)
    time.sleep(120)  # the test kills the process here: no close event, no settings sync


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

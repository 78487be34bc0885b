"""What a window benchmark times: the action, then the event loop's turns until the window is
painted and still (shared by bench_window.py and bench_paragraphs.py).

``processEvents`` lets Qt paint every widget that the action made dirty, in one pass; a view
may lay its rows out a turn later (a table after a row is removed) and paint then, which is
part of what the user waits for, so turns go on while they paint (at most ``SETTLE_TURNS``).
No ``grab()``: that would paint one widget whole, not what the screen shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from annotator.ui.app import create_main_window
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings

SETTLE_TURNS = 5


def open_window(path: Path, ini: Path, who: str) -> MainWindow:
    """The real window on ``path`` at 1280 x 800, shown, active, one turn of the event loop;
    its user settings in the file ``ini`` (annotator ``who``)."""
    settings = UserSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.set_annotator(who)
    window = create_main_window(path, settings)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    return window


class Paints(QObject):
    """Counts the paint events of every widget of the application, and of one widget."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.watched, self.count, self.of_watched = watched, 0, 0
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.of_watched += obj is self.watched
        return False


def settle(paints: Paints) -> None:
    """The event loop's turns until one paints nothing."""
    for _ in range(SETTLE_TURNS):
        before = paints.count
        QApplication.processEvents()
        if paints.count == before:
            return


def turn(paints: Paints, action: Callable[[], object]) -> float:
    """Seconds for ``action`` and the turns after it; the watched widget must have painted."""
    before = paints.of_watched
    start = time.perf_counter()
    action()
    settle(paints)
    took = time.perf_counter() - start
    if paints.of_watched == before:
        raise RuntimeError("the watched widget did not paint after the action")
    return took

"""Projects the desktop asks the application to open. On macOS a double click on a project in
the Finder, or a file dropped on the Dock icon, arrives as a ``QFileOpenEvent`` sent to the
application object, never on the command line (docs/adr/0077).

``AnnotatorApplication`` hands those events to its ``FileOpenRelay``; the relay passes each path
to ``open_path`` (the window's "open this project", the path Project ▸ Open takes) and keeps the
ones that arrive before a window exists, for the start to open first. Only the events sent to
the application object pass here (an override of its ``event``, not a filter on every event).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


class FileOpenRelay:
    def __init__(self) -> None:
        self._open: Callable[[str], None] | None = None
        self._waiting: list[str] = []

    def take_waiting(self) -> list[str]:
        """The files asked for while no window could open them, forgotten here."""
        waiting, self._waiting = self._waiting, []
        return waiting

    def set_target(self, open_path: Callable[[str], None]) -> None:
        """Where the files go from now on; any asked for before are opened now."""
        self._open = open_path
        for path in self.take_waiting():
            open_path(path)

    def handle(self, event: QEvent) -> bool:
        """True when ``event`` asked for a local file (taken); False for any other event."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file()
        if not path:  # a URL that is no local file: nothing to open
            return False
        if self._open is None:
            self._waiting.append(path)
        else:
            self._open(path)
        return True


class AnnotatorApplication(QApplication):
    """The application `annotator gui` runs: a QApplication that relays file-open events."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.relay = FileOpenRelay()

    def event(self, event: QEvent) -> bool:
        return self.relay.handle(event) or super().event(event)

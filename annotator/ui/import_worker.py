"""An import of files and folders on a thread of its own (DESIGN.md §8: nothing slow on the GUI
thread), so that the window keeps painting and its progress window moves while ANERcorp's
150,000 tokens are read.

The thread opens the project with a connection of its own (SQLite connections of one process
share their locks correctly; nothing else opens the file: docs/adr/0016) and runs the same
``import_paths`` as the command line. Its signals are delivered to the GUI thread when they are
connected to methods of a QObject living there.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.formats.base import ImportReport
from annotator.ops.importing import import_paths
from annotator.store import open_project


class ImportWorker(QObject):
    reading = Signal(int, int, str)  # files read, files in all, the one read now
    finished = Signal()

    def __init__(
        self,
        project: Path,
        timeout: float,
        paths: Sequence[Path],
        options: dict[str, Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.timeout = timeout
        self.paths = list(paths)
        self.options = options
        self.report: ImportReport | None = None
        self.error: BaseException | None = None  # raised again on the GUI thread by result()
        self._thread = threading.Thread(target=self._run, name="import", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def result(self) -> ImportReport:
        """The report, or the error the import raised (once ``finished`` has been emitted)."""
        self._thread.join()
        if self.error is not None:
            raise self.error
        assert self.report is not None
        return self.report

    def _reading(self, done: int, total: int, path: Path) -> None:
        self.reading.emit(done, total, str(path))

    def _run(self) -> None:
        try:
            with open_project(self.project, create=False, timeout=self.timeout) as repo:
                self.report = import_paths(
                    repo,
                    self.paths,
                    reading=self._reading,
                    **self.options,
                )
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self.error = exc
        finally:
            self.finished.emit()

"""A report dialog whose content is computed beside the window (docs/adr/0061): a line saying
what it shows, the report, a progress bar with Cancel while the work runs, Refresh.

The work is a ``ui.background.Job`` with a project connection of its own (read only), so the
window keeps answering keys while a big project is read. Not modal: the annotator goes back
and forth between the report and the article. Closing the dialog cancels the work; a Refresh
while it runs is not offered (the button is Cancel then).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.store import open_project
from annotator.ui.background import Job, Step, Watch

T = TypeVar("T")


Read = Callable[..., T]  # (repository, *, progress=(done, total) -> None) -> the report


class ReportDialog(QDialog, Generic[T]):
    """Subclasses give the function that reads the report (``read(repo, progress=…)``, run on
    the job's thread with a read-only connection of its own: it never touches a widget), show
    its value in ``show_result``, their texts in ``retranslate_texts``, and put their report
    widget under ``summary`` with ``finish_layout``."""

    def __init__(
        self,
        name: str,
        read: Read[T],
        project: Path,
        timeout: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self.project, self.timeout, self._read = project, timeout, read
        self.report: T | None = None
        self.waiter: Watch | None = None  # the reading running
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.hide()
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName(f"{name}-refresh")
        self.refresh_button.clicked.connect(self._refresh_or_cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.close)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.summary)
        self.box.addWidget(self.progress)

    def finish_layout(self, body: QWidget) -> None:
        self.box.addWidget(body, 1)
        self.box.addWidget(self.buttons)

    # -- what a report gives ----------------------------------------------------------------
    def show_result(self, value: T) -> None:
        raise NotImplementedError

    def retranslate_texts(self) -> None:
        raise NotImplementedError

    def reading_text(self) -> str:
        return QCoreApplication.translate("ReportDialog", "Reading the project…")

    def retranslate(self) -> None:
        self.retranslate_texts()
        self._buttons_text()
        if self.report is not None and not self.running:
            self.show_result(self.report)

    def work(self) -> Callable[[Step], T]:
        project, timeout, read = self.project, self.timeout, self._read

        def run(step: Step) -> T:
            with open_project(project, create=False, read_only=True, timeout=timeout) as repo:
                value: T = read(repo, progress=lambda done, total: step(done, total, ""))
                return value

        return run

    # -- running ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.waiter is not None

    def refresh(self) -> None:
        """Compute the report anew (the one shown stays until the new one arrives)."""
        if self.running:
            return
        job: Job[T] = Job(self.name, self.work())
        self.waiter = Watch(job, self, self.ended, lambda done, total, _: self.moved(done, total))
        self.summary.setText(self.reading_text())
        self.progress.setRange(0, 0)
        self.progress.show()
        self._buttons_text()
        job.start()

    def cancel(self) -> None:
        if self.waiter is not None:
            self.waiter.job.cancel()

    def _refresh_or_cancel(self) -> None:
        if self.running:
            self.cancel()
        else:
            self.refresh()

    def moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)

    def ended(self, waiter: Watch) -> None:
        if waiter is not self.waiter:
            return
        self.waiter = None
        job: Job[T] = waiter.job
        self.progress.hide()
        self._buttons_text()
        try:
            value = job.result()
        except Cancelled:
            self.summary.setText(
                QCoreApplication.translate(
                    "ReportDialog", "Cancelled: Refresh reads the project again."
                )
            )
            return
        except AnnotatorError as exc:
            self.summary.setText(
                QCoreApplication.translate(
                    "ReportDialog", "The report could not be read: {error}"
                ).format(error=exc)
            )
            return
        self.show_result(value)

    def _buttons_text(self) -> None:
        cancel = QCoreApplication.translate("ReportDialog", "Cancel")
        refresh = QCoreApplication.translate("ReportDialog", "Refresh")
        self.refresh_button.setText(cancel if self.running else refresh)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)

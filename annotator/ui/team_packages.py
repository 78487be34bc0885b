"""Project ▸ Team: make work packages and merge them back (issue 13, docs/adr/0075).

"Make work packages…" asks for the annotators, the overlap, the statuses dealt and the output
folder, and runs ``ops.work_packages.assign`` on a Job (progress, Cancel: nothing written);
"Merge…" asks for the package files and runs ``ops.merging.merge`` on a Job, then shows what
came in, package by package, and reloads the window's list and labels. The menu's texts are
set when it opens, so a language switch needs nothing here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.model import Status
from annotator.ops.merging import MergeReport, merge
from annotator.ops.work_packages import AssignReport, assign
from annotator.ui import file_dialogs
from annotator.ui.background import Job, Step
from annotator.ui.team_report import assign_lines, merge_lines


class WorkPackagesDialog(QDialog):
    """The choices of ``annotator assign``; Make runs it and closes on success, an error is
    shown in the dialog (which stays open, nothing written)."""

    def __init__(self, project: Path, timeout: float, names: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("work-packages-dialog")
        self.project, self.timeout = project, timeout
        self.report: AssignReport | None = None
        self.setWindowTitle(QCoreApplication.translate("TeamMenu", "Make work packages"))
        self.annotators = QLineEdit(", ".join(names), self)
        self.annotators.setObjectName("work-packages-annotators")
        self.annotators.setPlaceholderText(
            QCoreApplication.translate("TeamMenu", "ann1, ann2, ann3")
        )
        self.overlap = QSpinBox(self)
        self.overlap.setObjectName("work-packages-overlap")
        self.overlap.setRange(0, 100)
        self.overlap.setValue(20)
        self.overlap.setSuffix(" %")
        self.statuses = {
            Status.NEW: QCheckBox(QCoreApplication.translate("TeamMenu", "New"), self),
            Status.IN_PROGRESS: QCheckBox(
                QCoreApplication.translate("TeamMenu", "In progress"), self
            ),
            Status.DONE: QCheckBox(QCoreApplication.translate("TeamMenu", "Done"), self),
        }
        self.statuses[Status.NEW].setChecked(True)
        self.folder = QLineEdit(str(project.parent / "packages"), self)
        self.folder.setObjectName("work-packages-folder")
        choose = QPushButton(QCoreApplication.translate("TeamMenu", "Choose…"), self)
        choose.clicked.connect(self._choose)
        self.force = QCheckBox(
            QCoreApplication.translate("TeamMenu", "Replace packages of the same names"), self
        )
        self.error = QLabel(self)
        self.error.setObjectName("work-packages-error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(
            QCoreApplication.translate("TeamMenu", "Annotators (comma-separated):"), self.annotators
        )
        form.addRow(
            QCoreApplication.translate("TeamMenu", "Documents everyone gets:"), self.overlap
        )
        boxes = QHBoxLayout()
        for tick in self.statuses.values():
            boxes.addWidget(tick)
        form.addRow(
            QCoreApplication.translate("TeamMenu", "Deal documents whose status is:"), boxes
        )
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        form.addRow(QCoreApplication.translate("TeamMenu", "Output folder:"), where)
        form.addRow("", self.force)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        make = buttons.addButton(
            QCoreApplication.translate("TeamMenu", "Make"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        make.setObjectName("work-packages-make")
        buttons.accepted.connect(self._make)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(buttons)

    def _choose(self) -> None:
        chosen = file_dialogs.folder(
            self, QCoreApplication.translate("TeamMenu", "Output folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _make(self) -> None:
        names = [n.strip() for n in self.annotators.text().replace("،", ",").split(",")]
        statuses = [s for s, box in self.statuses.items() if box.isChecked()]
        if not statuses:
            self._fail(QCoreApplication.translate("TeamMenu", "Tick at least one status."))
            return
        out = Path(self.folder.text().strip() or ".")
        project, overlap, force = self.project, self.overlap.value() / 100, self.force.isChecked()

        def work(step: Step) -> AssignReport:
            return assign(
                project, names, out, overlap=overlap, statuses=statuses, force=force, step=step
            )

        try:
            self.report = Job("work-packages", work, self).run_modal(
                self, QCoreApplication.translate("TeamMenu", "Writing the work packages…")
            )
        except Cancelled:
            self._fail(QCoreApplication.translate("TeamMenu", "Cancelled: no package was written."))
            return
        except AnnotatorError as exc:
            self._fail(
                QCoreApplication.translate("TeamMenu", "Nothing written: {error}").format(error=exc)
            )
            return
        self.accept()


class TeamMenu(QObject):
    """The Team submenu of the Project menu and what its items do."""

    def __init__(
        self,
        menu: QMenu,
        project: Path,
        timeout: float,
        names: Callable[[], list[str]],
        merged: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.menu, self.project, self.timeout = menu, project, timeout
        self.names, self.merged, self.parent_widget = names, merged, parent
        menu.setObjectName("team-menu")
        self.make = QAction(menu)
        self.make.setObjectName("make_work_packages")
        self.make.triggered.connect(self.make_packages)
        self.merge = QAction(menu)
        self.merge.setObjectName("merge_work_packages")
        self.merge.triggered.connect(self.merge_packages)
        if menu.actions():  # after Agreement… (ui/team_menu.py)
            menu.addSeparator()
        menu.addAction(self.make)
        menu.addAction(self.merge)
        menu.aboutToShow.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.make.setText(QCoreApplication.translate("TeamMenu", "Make work packages…"))
        self.merge.setText(QCoreApplication.translate("TeamMenu", "Merge…"))

    def make_packages(self) -> None:
        try:
            names = self.names()
        except AnnotatorError:  # locked for a moment: the user types them
            names = []
        dialog = WorkPackagesDialog(self.project, self.timeout, names, self.parent_widget)
        try:
            if dialog.exec() and dialog.report is not None:
                self._show(
                    QCoreApplication.translate("TeamMenu", "Work packages written"),
                    assign_lines(dialog.report),
                )
        finally:
            dialog.deleteLater()

    def merge_packages(self) -> None:
        chosen = file_dialogs.open_files(
            self.parent_widget,
            QCoreApplication.translate("TeamMenu", "Merge work packages"),
            str(self.project.parent),
        )
        if not chosen:
            return
        project = self.project
        paths = [Path(p) for p in chosen]

        def work(step: Step) -> MergeReport:
            return merge(project, paths, step=step)

        try:
            report = Job("merge", work, self.parent_widget).run_modal(
                self.parent_widget,
                QCoreApplication.translate("TeamMenu", "Merging the work packages…"),
            )
        except Cancelled:  # the packages merged before the cancel stay merged
            self.merged()
            return
        except AnnotatorError as exc:
            self._show(
                QCoreApplication.translate("TeamMenu", "Nothing merged"), [str(exc)], warn=True
            )
            return
        self.merged()
        title = (
            QCoreApplication.translate("TeamMenu", "Work packages merged")
            if not report.refused
            else QCoreApplication.translate(
                "TeamMenu", "{n} package(s) refused: nothing of them merged"
            ).format(n=report.refused)
        )
        self._show(title, merge_lines(report), warn=bool(report.refused))

    def _show(self, title: str, lines: list[str], *, warn: bool = False) -> None:
        box = QMessageBox(self.parent_widget)
        box.setObjectName("team-report")
        box.setIcon(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("TeamMenu", "Team"))
        box.setText(title)
        box.setInformativeText("\n\n".join(lines))  # a paragraph a package
        box.exec()
        box.deleteLater()

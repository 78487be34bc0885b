"""The window's project and dialog actions: new/open project, recent, import, export, labels,
settings, quit. Dialogs are imported when first opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from annotator.store import Repository
from annotator.ui import file_dialogs
from annotator.ui.actions import ActionCollection
from annotator.ui.first_start import PLACEHOLDER
from annotator.ui.settings import UserSettings
from annotator.ui.text import isolate

if TYPE_CHECKING:  # dialogs are imported when first opened
    from annotator.ui.clitic_report_dialog import CliticReportDialog
    from annotator.ui.dashboard_dialog import DashboardDialog
    from annotator.ui.help import EmptyProjectHint, KeyboardMap
    from annotator.ui.label_dialog import LabelEdits
    from annotator.ui.settings_dialog import SettingsValues
    from annotator.ui.viewer import ArticleView

PROJECT_SUFFIX = ".annot.db"


def project_filter() -> str:
    """The name filter of the project file dialogs."""
    return QCoreApplication.translate(
        "WindowActions", "Projects (*{suffix});;All files (*)"
    ).format(suffix=PROJECT_SUFFIX)


class ActionsHost(Protocol):
    """What the project and dialog actions need of the window (the main window is one)."""

    @property
    def project(self) -> Path: ...
    @property
    def repo(self) -> Repository: ...
    @property
    def settings(self) -> UserSettings: ...
    @property
    def action_set(self) -> ActionCollection: ...
    @property
    def annotator(self) -> str: ...
    @property
    def label_edits(self) -> LabelEdits: ...
    @property
    def view(self) -> ArticleView: ...
    @property
    def hint(self) -> EmptyProjectHint: ...
    @property
    def projectRequested(self) -> SignalInstance: ...
    @property
    def newProjectRequested(self) -> SignalInstance: ...
    @property
    def sampleRequested(self) -> SignalInstance: ...
    def menu(self, name: str) -> QMenu: ...
    def close(self) -> bool: ...
    def after_import(self, imported: bool) -> None: ...
    def labels_edited(self, renamed: bool) -> None: ...
    def apply_settings(self, values: SettingsValues) -> None: ...


class WindowActions:
    def __init__(self, window: ActionsHost, parent: QWidget) -> None:
        self.window = window
        self.parent = parent  # of the dialogs

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("WindowActions", text)

    def wire(self) -> None:
        a = self.window.action_set
        a["new_project"].triggered.connect(self.new_project)
        a["open_project"].triggered.connect(self.open_project)
        a["import"].triggered.connect(self.import_articles)
        a["export"].triggered.connect(self.export)
        a["dashboard"].triggered.connect(self.show_dashboard)
        a["labels"].triggered.connect(self.edit_labels)
        a["settings"].triggered.connect(self.edit_settings)
        a["quit"].triggered.connect(self.window.close)
        a["keyboard_map"].triggered.connect(self.keyboard_map)
        a["user_guide"].triggered.connect(self.user_guide)
        self.window.hint.importRequested.connect(self.import_articles)
        self.window.hint.sampleRequested.connect(self.window.sampleRequested)
        self.map: KeyboardMap | None = None
        self.dashboard: DashboardDialog | None = None
        self.clitics: CliticReportDialog | None = None  # View → Clitic report…
        a["clitic_report"].triggered.connect(self.show_clitic_report)

    def show_clitic_report(self) -> None:
        """Open (or raise, read anew) the project's clitic report (docs/adr/0045)."""
        if self.clitics is None:
            from annotator.ui.clitic_report_dialog import CliticReportDialog

            self.clitics = CliticReportDialog(self.window.project, self.parent)
        else:
            self.clitics.read()
        self.clitics.show()
        self.clitics.raise_()

    def show_dashboard(self) -> None:
        """Project → Dashboard (docs/adr/0072): made when first asked for, read anew after."""
        if self.dashboard is None:
            from annotator.ui.dashboard_dialog import DashboardDialog

            repo = self.window.repo
            self.dashboard = DashboardDialog(repo.path, repo.timeout, self.parent)
        else:
            self.dashboard.refresh()
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()

    def _filter(self) -> str:
        return project_filter()

    def _start_dir(self) -> str:
        return str(self.window.project.parent)

    def new_project(self) -> None:
        path = file_dialogs.save_file(
            self.parent, self.tr("New project"), self._start_dir(), self._filter()
        )
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX) and "." not in Path(path).name:
            path += PROJECT_SUFFIX
        if Path(path).exists():
            QMessageBox.warning(
                self.parent,
                self.tr("New project"),
                self.tr("{path} exists already; use Open project to open it.").format(
                    path=isolate(path)
                ),
            )
            return
        self.window.newProjectRequested.emit(path)  # the only way the window makes a project file

    def open_project(self) -> None:
        path = file_dialogs.open_file(
            self.parent, self.tr("Open project"), self._start_dir(), self._filter()
        )
        if path:
            self.window.projectRequested.emit(path)

    def fill_recent_menu(self) -> None:
        menu = self.window.menu("recent")
        menu.clear()
        recent = [
            p
            for p in self.window.settings.recent_projects()
            if p != str(self.window.project.resolve())
        ]
        if not recent:
            empty = menu.addAction(self.tr("(no other project yet)"))
            empty.setEnabled(False)
            return
        for path in recent:
            action = menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))

    def open_recent(self, path: str) -> None:
        """Open a project of the recent list; one that is no longer there (moved, renamed,
        deleted) is never made again: say so and offer to take it off the list. Only a stat
        looks at the path (docs/adr/0016)."""
        if Path(path).is_file():
            self.window.projectRequested.emit(path)
            return
        box = QMessageBox(self.parent)
        box.setObjectName("recent-missing")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Open recent"))
        sentence = self.tr("This project is not there: it was moved, renamed or deleted.")
        box.setText(f"{sentence}\n{isolate(path)}")  # the path on a line of its own
        box.setInformativeText(
            self.tr(
                "Nothing was opened or created. Use Open project… to find it where it is now, "
                "or New project… to start a new one."
            )
        )
        remove = box.addButton(self.tr("Remove from the list"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep in the list"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(remove)
        box.exec()
        if box.clickedButton() is remove:
            self.window.settings.remove_recent_project(path)

    def import_articles(self) -> None:
        from annotator.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.window.repo, self.window.annotator, self.parent)
        dialog.exec()
        self.window.after_import(bool(dialog.imported))

    def keyboard_map(self) -> None:
        """Help → Keyboard map (F1): the keys as they are now, beside the article."""
        from annotator.ui.help import KeyboardMap

        if self.map is None:
            self.map = KeyboardMap(self.window.action_set, self.parent)
        self.map.refresh()
        self.map.show()
        self.map.raise_()

    def user_guide(self) -> None:
        from annotator.ui.help import guide_url

        QDesktopServices.openUrl(guide_url())

    def export(self) -> None:
        from annotator.ui.export_dialog import ExportDialog

        ExportDialog(self.window.repo, self.window.annotator, self.parent).exec()

    def edit_labels(self) -> None:
        from annotator.ui.label_dialog import LabelDialog

        dialog = LabelDialog(self.window.repo, self.parent, edits=self.window.label_edits)
        if dialog.exec() and dialog.changed:
            self.window.labels_edited(dialog.renamed)

    def edit_settings(self) -> None:
        from annotator.ui.settings_dialog import SettingsDialog

        w = self.window
        # the user's own name, also while curating (the window then works as the curator)
        dialog = SettingsDialog(
            w.settings, w.settings.annotator() or PLACEHOLDER, w.view, self.parent
        )
        if dialog.exec():
            values = dialog.result_values()
            w.settings.set_curator(values.curator)
            w.settings.set_curation_strategy(values.strategy)
            w.apply_settings(values)

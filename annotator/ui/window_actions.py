"""The window's project and dialog actions: new/open project, recent, import, export, labels,
settings, quit. Dialogs are imported when first opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from annotator.ui import file_dialogs
from annotator.ui.text import isolate

if TYPE_CHECKING:
    from annotator.ui.help import KeyboardMap
    from annotator.ui.main_window import MainWindow

PROJECT_SUFFIX = ".annot.db"


def project_filter() -> str:
    """The name filter of the project file dialogs."""
    return QCoreApplication.translate(
        "WindowActions", "Projects (*{suffix});;All files (*)"
    ).format(suffix=PROJECT_SUFFIX)


class WindowActions:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("WindowActions", text)

    def wire(self) -> None:
        a = self.w.action_set
        a["new_project"].triggered.connect(self.new_project)
        a["open_project"].triggered.connect(self.open_project)
        a["import"].triggered.connect(self.import_articles)
        a["export"].triggered.connect(self.export)
        a["labels"].triggered.connect(self.edit_labels)
        a["settings"].triggered.connect(self.edit_settings)
        a["quit"].triggered.connect(self.w.close)
        a["keyboard_map"].triggered.connect(self.keyboard_map)
        a["user_guide"].triggered.connect(self.user_guide)
        self.w.hint.importRequested.connect(self.import_articles)
        self.w.hint.sampleRequested.connect(self.w.sampleRequested)
        self.map: KeyboardMap | None = None

    def _filter(self) -> str:
        return project_filter()

    def _start_dir(self) -> str:
        return str(self.w.project.parent)

    def new_project(self) -> None:
        path = file_dialogs.save_file(
            self.w, self.tr("New project"), self._start_dir(), self._filter()
        )
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX) and "." not in Path(path).name:
            path += PROJECT_SUFFIX
        if Path(path).exists():
            QMessageBox.warning(
                self.w,
                self.tr("New project"),
                self.tr("{path} exists already; use Open project to open it.").format(
                    path=isolate(path)
                ),
            )
            return
        self.w.newProjectRequested.emit(path)  # the only way the window makes a project file

    def open_project(self) -> None:
        path = file_dialogs.open_file(
            self.w, self.tr("Open project"), self._start_dir(), self._filter()
        )
        if path:
            self.w.projectRequested.emit(path)

    def fill_recent_menu(self) -> None:
        menu = self.w.recent_menu
        menu.clear()
        recent = [
            p for p in self.w.settings.recent_projects() if p != str(self.w.project.resolve())
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
            self.w.projectRequested.emit(path)
            return
        box = QMessageBox(self.w)
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
            self.w.settings.remove_recent_project(path)

    def import_articles(self) -> None:
        from annotator.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.w.repo, self.w.controller.annotator, self.w)
        dialog.exec()
        c = self.w.controller
        if self.w.repo.labels() != c.labels:  # the import brought labels (ANERcorp's PERS)
            c.reload_labels()  # their buttons, colours and menus, before a document opens
        if dialog.imported:
            c.document_model.reload()
            if c.document_id is None:
                self.w.navigator.restore()
            self.w.documents.show_current()
            self.w._refresh_status()

    def keyboard_map(self) -> None:
        """Help → Keyboard map (F1): the keys as they are now, beside the article."""
        from annotator.ui.help import KeyboardMap

        if self.map is None:
            self.map = KeyboardMap(self.w.action_set, self.w)
        self.map.refresh()
        self.map.show()
        self.map.raise_()

    def user_guide(self) -> None:
        from annotator.ui.help import guide_url

        QDesktopServices.openUrl(guide_url())

    def export(self) -> None:
        from annotator.ui.export_dialog import ExportDialog

        ExportDialog(self.w.repo, self.w.controller.annotator, self.w).exec()

    def edit_labels(self) -> None:
        from annotator.ui.label_dialog import LabelDialog

        dialog = LabelDialog(self.w.repo, self.w, edits=self.w.controller)
        if dialog.exec() and dialog.changed:
            self.w.controller.reload_labels(renamed=dialog.renamed)

    def edit_settings(self) -> None:
        from annotator.ui.settings_dialog import SettingsDialog

        w = self.w
        dialog = SettingsDialog(w.settings, w.controller.annotator, w.view, w)
        if not dialog.exec():
            return
        old_language = w.settings.language()
        result = dialog.result_values()
        w.settings.set_annotator(result.annotator)
        w.controller.set_annotator(result.annotator)
        w.settings.set_font_family(result.font_family)
        w.view.set_font_family(result.font_family or None)
        w.view.set_zoom(result.zoom)
        w._refresh_status()
        if result.language != old_language:
            w.settings.set_language(result.language)
            w.set_language(result.language)  # at once, in this window: the undo history stays

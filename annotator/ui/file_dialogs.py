"""File dialogs that never open a file (docs/adr/0016).

Qt's file dialogs read the files they list to guess their type and icon (QMimeDatabase by
content, for names it does not know, such as ``sample.annot.db-wal``); native dialogs (GTK, KDE)
do the same and more in our process. Closing such a descriptor of the open project drops the
SQLite locks of the whole process, and the next program that closes the project deletes the
journal this window still writes into. So every dialog of the window is Qt's own widget dialog
with an icon provider that answers from the name alone, set before the dialog lists anything:
it is built on an empty folder first and only then sent to the folder the user sees.
"""

from __future__ import annotations

from PySide6.QtCore import QDir, QFileInfo, QTemporaryDir
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from ``QFileInfo``'s stat data and the name; never the content."""

    def icon(self, what: object) -> QIcon:
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            pixmap = (
                QStyle.StandardPixmap.SP_DirIcon
                if what.isDir()
                else QStyle.StandardPixmap.SP_FileIcon
            )
            return style.standardIcon(pixmap)
        if what == QAbstractFileIconProvider.IconType.Folder:
            return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        if what == QAbstractFileIconProvider.IconType.Drive:
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QApplication.translate("FileDialogs", "File")
        return QApplication.translate("FileDialogs", "{suffix} file").format(suffix=suffix)


def safe_dialog(parent: QWidget | None, caption: str, directory: str = "") -> QFileDialog:
    """A widget file dialog with the name-only icon provider, showing ``directory``."""
    empty = QTemporaryDir()
    dialog = QFileDialog(parent, caption, empty.path() if empty.isValid() else QDir.rootPath())
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog._name_only_icons = provider  # type: ignore[attr-defined]  # Qt does not own it
    dialog.setDirectory(directory or QDir.currentPath())
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() else []
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    dialog = safe_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(name_filter)
    return next(iter(_run(dialog)), "")


def open_files(parent: QWidget | None, caption: str, directory: str = "") -> list[str]:
    dialog = safe_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def save_file(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    dialog = safe_dialog(parent, caption, directory)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)  # the caller decides
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    return next(iter(_run(dialog)), "")


def folder(parent: QWidget | None, caption: str, directory: str = "") -> str:
    dialog = safe_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_run(dialog)), "")

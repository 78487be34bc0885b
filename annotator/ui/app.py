"""Start-up: ``main()`` for `annotator gui`, and ``create_main_window()`` for it and the tests.

Order (as labelme's __main__): application, logging to a file in the user's data folder, Qt
messages into that log, an excepthook that logs and shows a dialog naming the log, the
interface language and direction, then the window.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QSettings,
    QStandardPaths,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.ops.importing import seed_project
from annotator.store import open_project
from annotator.ui import i18n, paths
from annotator.ui.error_text import project_not_opened
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings

log = logging.getLogger("annotator")

ORGANISATION = "arabic-news-annotator"
APPLICATION = "Annotator"
SEEDS = paths.SEEDS_DIR
DEFAULT_PROJECT = "default.annot.db"
# How long an edit waits for another program's write (an import, a second window) before the
# window says the project is busy. The store's default (5 s, kept by the command line) would
# freeze the window that long on a label key; a person would rather read why and try again.
BUSY_TIMEOUT = 1.5

_windows: list[MainWindow] = []  # windows alive (a window replaced by another is closed)


def data_dir() -> Path:
    folder = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _as_settings(settings: QSettings | UserSettings) -> UserSettings:
    return settings if isinstance(settings, UserSettings) else UserSettings(settings)


def create_main_window(project_path: str | Path, settings: QSettings | UserSettings) -> MainWindow:
    """Open the project (created if missing) and build the real window; no event loop.

    Errors opening the project (not a project, locked, newer schema) are raised, typed.
    The window's requests to open another project or change language build a new window.
    """
    user = _as_settings(settings)
    i18n.install(user.language())  # the interface language of these settings, mirrored or not
    repo = open_project(project_path, create=True, timeout=BUSY_TIMEOUT)
    try:
        window = MainWindow(repo, user)
    except BaseException:
        repo.close()
        raise
    window.projectRequested.connect(lambda path, w=window: _replace(w, path, user))
    window.languageChanged.connect(lambda language, w=window: _relanguage(w, language, user))
    return window


def _replace(old: MainWindow, path: str, settings: UserSettings) -> MainWindow | None:
    """Open ``path`` in a new window in place of ``old``; on failure keep ``old`` and say why."""
    old.save_state()
    try:
        new = create_main_window(path, settings)
    except AnnotatorError as exc:
        shown = project_not_opened(exc)
        old.banner.show_error(shown.text, shown.detail)  # the old window stays, and says why
        settings.remove_recent_project(path)
        return None
    _windows.append(new)  # the caller of main() holds only the first window
    new.show()
    old.close()
    if old in _windows:
        _windows.remove(old)
    return new


def _relanguage(old: MainWindow, language: str, settings: UserSettings) -> MainWindow | None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        i18n.install(language, app)
    return _replace(old, str(old.project), settings)


def default_project(seed_dir: Path | None = None) -> Path:
    """The project opened when none is given: created on first run from the sample seeds."""
    path = data_dir() / "projects" / DEFAULT_PROJECT
    path.parent.mkdir(parents=True, exist_ok=True)
    seeds = seed_dir or SEEDS
    if not path.exists() and seeds.is_dir():
        seed_project(path, seeds)
    return path


def setup_logging() -> Path:
    log_path = data_dir() / "annotator.log"
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    qInstallMessageHandler(_qt_message)
    return log_path


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def install_excepthook(log_path: Path) -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", text)
        parent: QWidget | None = _windows[-1] if _windows else None
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("app", "Unexpected error"))
        box.setText(
            QApplication.translate(
                "app",
                "Something went wrong: {error}\n\nYour annotations up to the last action are "
                "saved. The details are in the log:\n{log}",
            ).format(error=value, log=log_path)
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook


def main(project_path: str | Path | None = None, seed_dir: str | Path | None = None) -> int:
    """Run the application (the `annotator gui` command)."""
    # no native file dialogs: they read the files they list in this process (docs/adr/0016)
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    log_path = setup_logging()
    install_excepthook(log_path)
    settings = UserSettings(QSettings())
    i18n.install(settings.language(), app)
    seeds = Path(seed_dir) if seed_dir else None
    if project_path is None:
        recent = [p for p in settings.recent_projects() if Path(p).is_file()]
        path = Path(recent[0]) if recent else default_project(seeds)
    else:
        path = Path(project_path)
        if seeds is not None and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            seed_project(path, seeds)
    try:
        window = create_main_window(path, settings)
    except AnnotatorError as exc:
        log.error("cannot open %s: %s", path, exc)
        QMessageBox.critical(None, APPLICATION, project_not_opened(exc).as_text())
        return 1
    _windows.append(window)
    window.show()
    return int(app.exec())

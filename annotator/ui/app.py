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
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError, ProjectLockedError
from annotator.ops.importing import seed_project
from annotator.store import open_project
from annotator.ui import file_dialogs, first_start, i18n, paths
from annotator.ui.error_text import project_not_opened
from annotator.ui.file_open import AnnotatorApplication
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.text import isolate
from annotator.ui.window_actions import project_filter

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


def app_title() -> str:
    """The application's name as message boxes show it, in the interface language."""
    return QApplication.translate("app", "Annotator")


def data_dir() -> Path:
    folder = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _as_settings(settings: QSettings | UserSettings) -> UserSettings:
    return settings if isinstance(settings, UserSettings) else UserSettings(settings)


def create_main_window(
    project_path: str | Path, settings: QSettings | UserSettings, *, create: bool = False
) -> MainWindow:
    """Open the project and build the real window; no event loop.

    Opening never makes a file: a missing project is a ProjectFileError ("does not exist")
    unless ``create`` (Project → New project…, or a start the user confirmed). Errors opening
    the project (missing, not a project, locked, newer schema) are raised, typed. The window's
    requests to open or create another project build a new window.
    """
    user = _as_settings(settings)
    i18n.install(user.language())  # the interface language of these settings, mirrored or not
    repo = open_project(project_path, create=create, timeout=BUSY_TIMEOUT)
    try:
        window = MainWindow(repo, user)
    except BaseException:
        repo.close()
        raise
    window.projectRequested.connect(lambda path, w=window: _replace(w, path, user))
    window.newProjectRequested.connect(lambda path, w=window: _replace(w, path, user, create=True))
    window.sampleRequested.connect(lambda w=window: _replace(w, str(default_project()), user))
    return window


def _replace(
    old: MainWindow, path: str, settings: UserSettings, *, create: bool = False
) -> MainWindow | None:
    """Open ``path`` (``create``: a new project) in a new window in place of ``old``; on
    failure keep ``old`` and say why."""
    old.save_state()
    try:
        new = create_main_window(path, settings, create=create)
    except AnnotatorError as exc:
        shown = project_not_opened(exc)
        old.banner.show_error(shown.text, shown.detail)  # the old window stays, and says why
        if not isinstance(exc, ProjectLockedError):  # locked is for a moment: keep it listed
            settings.remove_recent_project(path)
        return None
    _windows.append(new)  # the caller of main() holds only the first window
    new.show()
    old.close()
    if old in _windows:
        _windows.remove(old)
    return new


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


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
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
    app = QApplication.instance() or AnnotatorApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    if paths.ICON.is_file():  # the task bar's and the window's (the desktop entry has its own)
        app.setWindowIcon(QIcon(str(paths.ICON)))
    log_path = setup_logging()
    install_excepthook(log_path)
    settings = UserSettings(QSettings())
    i18n.install(settings.language(), app)
    first_start.ask_name(settings)  # once: while no name is stored
    seeds = Path(seed_dir) if seed_dir else None
    create = False
    if project_path is None and isinstance(app, AnnotatorApplication):
        app.processEvents()  # macOS: the project double-clicked to start the program
        asked = app.relay.take_waiting()
        project_path = asked[-1] if asked else None
    if project_path is None:
        recent = [p for p in settings.recent_projects() if Path(p).is_file()]
        path = Path(recent[0]) if recent else default_project(seeds)
        create = not recent  # the program's own default project, empty without seeds
    else:
        path = Path(project_path)
        if seeds is not None and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            seed_project(path, seeds)
    window = first_window(path, settings, create=create)
    if window is None:
        return 1
    _windows.append(window)
    window.show()
    if isinstance(app, AnnotatorApplication):
        app.relay.set_target(open_in_window)
    return int(app.exec())


def open_in_window(path: str) -> None:
    """Open the project at ``path`` in place of the current window, as Project ▸ Open does
    (a project that cannot be opened: the window stays and says why)."""
    if _windows:
        _windows[-1].projectRequested.emit(path)


def first_window(
    path: Path, settings: QSettings | UserSettings, *, create: bool = False
) -> MainWindow | None:
    """The window on ``path``; None if the user gives up (Quit, or Cancel in the open dialog).

    A project that cannot be opened (not a project, locked, newer schema) is explained, then
    the open dialog asks for another one, as often as needed. A path given on the command line
    that does not exist is made only if the user says so: opening never makes a file by itself.
    """
    user = _as_settings(settings)
    while True:
        if not create and not path.exists():
            answer = _ask_missing(path)
            if answer is None:
                return None
            if answer:
                create = True
            else:
                chosen = _choose_project(path)
                if chosen is None:
                    return None
                path = chosen
                continue
        try:
            return create_main_window(path, user, create=create)
        except AnnotatorError as exc:
            log.error("cannot open %s: %s", path, exc)
            box = QMessageBox(QMessageBox.Icon.Critical, app_title(), "")
            box.setObjectName("project-not-opened")
            box.setText(project_not_opened(exc).as_text())
            box.setInformativeText(
                QApplication.translate("app", "Choose another project, or cancel to quit.")
            )
            box.exec()
            chosen = _choose_project(path)
            if chosen is None:
                return None
            path, create = chosen, False


def _ask_missing(path: Path) -> bool | None:
    """True: create the project; False: open another; None: quit."""
    box = QMessageBox(QMessageBox.Icon.Question, app_title(), "")
    box.setObjectName("project-missing")
    sentence = QApplication.translate("app", "There is no project file here:")
    box.setText(f"{sentence}\n{isolate(str(path))}")  # the path on a line of its own
    box.setInformativeText(
        QApplication.translate("app", "Make a new, empty project there, or open another one?")
    )
    make = box.addButton(
        QApplication.translate("app", "Make a new project"), QMessageBox.ButtonRole.AcceptRole
    )
    other = box.addButton(
        QApplication.translate("app", "Open another…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(other)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is make else False if clicked is other else None


def _choose_project(near: Path) -> Path | None:
    folder = near.absolute().parent
    start = str(folder if folder.is_dir() else Path.home())
    chosen = file_dialogs.open_file(
        None, QApplication.translate("app", "Open project"), start, project_filter()
    )
    return Path(chosen) if chosen else None

"""The file-dialog data loss (docs/adr/0016), end to end with a real second process.

Before the fix: label a span, open Project → Open project… on the project's folder and cancel,
let `annotator import` (another process) open and close the project: the -wal and -shm files
vanished and every later edit went into the deleted journal, shown and never in the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot

from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import (
    ANNOTATOR,
    activate,
    find,
    key,
    make_project,
    open_window,
    text_of,
)

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    folder = tmp_path / "project"
    folder.mkdir()
    window = open_window(qtbot, make_project(folder), user)
    yield window
    i18n.install("en")


def label(window: MainWindow, words: str, label_key: str) -> None:
    window.view.set_selection(*find(text_of(window), words))
    key(window, label_key)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True, env=env
    )


def spans_in_file(project: Path) -> list[tuple[int, int, str]]:
    """What another process reads from the project file (not this process's connection)."""
    code = (
        "import json, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "assert c.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'\n"
        'rows = c.execute(\'SELECT start, "end", label FROM spans'
        " WHERE document_id = 1 AND annotator = ?', (sys.argv[2],)).fetchall()\n"
        "print(json.dumps(sorted(rows)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(project), ANNOTATOR],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(x) for x in json.loads(out)]


def cancel_when_listed(qtbot: QtBot, folder: Path) -> None:
    """Cancel the open file dialog once it has listed ``folder`` and typed its files."""

    def cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        dialog = next(d for d in dialogs if d.isVisible())
        try:
            model = dialog.findChild(QFileSystemModel)
            assert model is not None
            qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) >= 1, timeout=5000)
            qtbot.wait(1000)  # the file model's gatherer thread has typed every file
            root = model.index(str(folder))
            types = [model.type(model.index(r, 0, root)) for r in range(model.rowCount(root))]
            assert all(types), types
        finally:
            dialog.reject()

    QTimer.singleShot(100, cancel)


@pytest.mark.parametrize("action", ["open_project", "import_add_files"])
def test_a_cancelled_file_dialog_then_another_program_loses_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, action: str
) -> None:
    project = window.project
    label(window, "كارتر", "1")
    cancel_when_listed(qtbot, project.parent)
    if action == "open_project":
        window.action_set["open_project"].trigger()
    else:
        from annotator.ui.import_dialog import ImportDialog

        dialog = ImportDialog(window.repo, ANNOTATOR, window)
        dialog._add_files()
        dialog.close()
    activate(qtbot, window)
    article = tmp_path / "other.txt"
    article.write_text("خبر آخر عن الموصل\n\nنص الخبر.\n", encoding="utf-8")
    result = run_cli("import", str(project), str(article))
    assert result.returncode == 0, result.stderr
    assert Path(f"{project}-wal").exists(), "the journal was deleted under the window"
    label(window, "الموصل", "3")
    label(window, "داعش", "2")
    shown = sorted((s.start, s.end, s.label) for s in window.controller.span_model.spans())
    assert spans_in_file(project) == shown
    assert len(shown) == 3


def test_a_journal_removed_under_the_window_reopens_the_project(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The guard: whatever dropped the locks, the next edit is refused, the project is opened
    again from the file, and the article shows exactly what the file holds."""
    project = window.project
    label(window, "كارتر", "1")
    for suffix in ("", "-shm"):  # what a file dialog did before the fix
        os.close(os.open(f"{project}{suffix}", os.O_RDONLY))
    article = tmp_path / "other.txt"
    article.write_text("خبر آخر عن الموصل\n\nنص الخبر.\n", encoding="utf-8")
    assert run_cli("import", str(project), str(article)).returncode == 0
    assert not Path(f"{project}-wal").exists()
    label(window, "الموصل", "3")
    assert "opened again from the file" in window.banner.message()
    shown = sorted((s.start, s.end, s.label) for s in window.controller.span_model.spans())
    assert spans_in_file(project) == shown and len(shown) == 1
    label(window, "الموصل", "3")  # done again, now saved
    shown = sorted((s.start, s.end, s.label) for s in window.controller.span_model.spans())
    assert spans_in_file(project) == shown and len(shown) == 2

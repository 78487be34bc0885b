"""Start-up: main() in a child process (it owns the QApplication, logging and excepthook),
with a project and seeds, and with no project at all (the default project from seeds/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.store import open_project

REPO = Path(__file__).resolve().parents[2]


def named(home: Path) -> None:
    """The user's settings hold an annotator name, as after the first start."""
    config = home / "config" / "arabic-news-annotator"
    config.mkdir(parents=True, exist_ok=True)
    (config / "Annotator.conf").write_text("[annotator]\nname=tester\n", encoding="utf-8")


RUN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import annotator.ui.app as app

qapp = QApplication(sys.argv[:1])
def close():
    for window in list(app._windows):
        print("TITLE", window.windowTitle())
        print("DOCS", window.controller.document_model.rowCount())
        window.close()
QTimer.singleShot(300, close)
args = sys.argv[1:] + [None, None]
sys.exit(app.main(args[0], args[1]))
"""


# macOS hands a double-clicked project to the running program as a QFileOpenEvent (ui/file_open.py):
# one posted before main() runs (the double click that started the program), one sent to the
# application while a window is open (a second double click).
RUN_OPENED = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
import annotator.ui.app as app
from annotator.ui.file_open import AnnotatorApplication

qapp = AnnotatorApplication(sys.argv[:1])
first, second = sys.argv[1], sys.argv[2]
QApplication.postEvent(qapp, QFileOpenEvent(first))
def again():
    print("FIRST", app._windows[-1].project)
    print("TAKEN", QApplication.sendEvent(qapp, QFileOpenEvent(second)))
    QTimer.singleShot(300, close)
def close():
    print("NOW", app._windows[-1].project, len(app._windows))
    for window in list(app._windows):
        window.close()
QTimer.singleShot(300, again)
sys.exit(app.main(None, None))
"""


def run_main(home: Path, *args: str, script: str = RUN) -> subprocess.CompletedProcess[str]:
    named(home)  # the first-start name question is tests/ui/test_first_start.py's
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(REPO),
    )
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_main_seeds_a_new_project_and_logs_to_the_data_folder(tmp_path: Path) -> None:
    project = tmp_path / "new" / "p.annot.db"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("قال كارتر إن الخطة تمضي.\n", encoding="utf-8")
    done = run_main(tmp_path, str(project), str(seeds))
    assert done.returncode == 0, done.stderr
    assert "DOCS 1" in done.stdout
    with open_project(project, create=False) as repo:
        assert repo.count_documents() == 1
    logs = list((tmp_path / "data").rglob("annotator.log"))
    assert logs, "no log file in the user's data folder"
    config = list((tmp_path / "config").rglob("*.conf")) + list(
        (tmp_path / "config").rglob("*.ini")
    )
    assert any(str(project.resolve()) in p.read_text(encoding="utf-8") for p in config)


def test_main_without_a_project_opens_the_default_project_from_the_seeds(tmp_path: Path) -> None:
    done = run_main(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "DOCS 1" in done.stdout
    assert "واشنطن" in done.stdout  # the sample article's title
    default = list((tmp_path / "data").rglob("default.annot.db"))
    assert len(default) == 1


def test_a_project_the_desktop_asks_to_open_is_opened_at_start_and_later(tmp_path: Path) -> None:
    first, second = tmp_path / "first.annot.db", tmp_path / "second.annot.db"
    for path in (first, second):
        open_project(path).close()
    done = run_main(tmp_path, str(first), str(second), script=RUN_OPENED)
    assert done.returncode == 0, done.stderr
    assert f"FIRST {first}" in done.stdout  # not the default project: the one asked for
    assert "TAKEN True" in done.stdout
    assert f"NOW {second} 1" in done.stdout  # in place of the first window
    assert list((tmp_path / "data").rglob("default.annot.db")) == []

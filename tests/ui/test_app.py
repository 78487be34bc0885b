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


def run_main(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
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
        [sys.executable, "-c", RUN, *args],
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

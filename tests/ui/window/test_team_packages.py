"""Project ▸ Team (docs/adr/0075): work packages made from the window, edited as their
annotator would, merged back through the window; a package opens as its annotator."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from annotator.ops.work_packages import assign
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.team_packages import WorkPackagesDialog
from tests.ops.test_work_packages import annotate
from tests.ui.window.dialog_driver import choose_file, click, click_menus, when_shown
from tests.ui.window_helpers import ANNOTATOR, activate, open_window, type_text


def spans(project: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(project)
    try:
        return conn.execute("SELECT annotator, label FROM spans ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


def read_and_close(box: QMessageBox, report: list[str]) -> None:
    report.append(box.informativeText())
    click(box.button(QMessageBox.StandardButton.Ok))


def test_make_work_packages_from_the_menu(
    qtbot: QtBot, two_docs: MainWindow, tmp_path: Path
) -> None:
    window = two_docs
    out = tmp_path / "packages"
    report: list[str] = []

    def fill(dialog: WorkPackagesDialog) -> None:
        dialog.annotators.clear()
        type_text(dialog.annotators, "ali, بدر")
        dialog.folder.clear()
        type_text(dialog.folder, str(out))
        dialog.overlap.setValue(50)
        when_shown(QMessageBox, lambda box: read_and_close(box, report))
        click(dialog.findChild(QPushButton, "work-packages-make"))

    seen = when_shown(WorkPackagesDialog, fill)
    click_menus(window, "Project", "Team", "Make work packages…")
    seen.wait(qtbot)
    qtbot.waitUntil(lambda: bool(report), timeout=10_000)
    activate(qtbot, window)

    assert sorted(p.name for p in out.iterdir()) == ["sample.ali.annot.db", "sample.بدر.annot.db"]
    assert "2 document(s) dealt to 2 annotator(s), 1 of them to everyone" in report[0]


def test_merge_from_the_menu_brings_the_package_in(
    qtbot: QtBot, tmp_path: Path, two_docs: MainWindow
) -> None:
    window = two_docs
    project = window.project
    assign(project, ["ali"], tmp_path / "out")
    package = tmp_path / "out" / "sample.ali.annot.db"
    annotate(package, "ali", "PER")
    report: list[str] = []

    chosen = choose_file(str(package))
    told = when_shown(QMessageBox, lambda box: read_and_close(box, report))
    click_menus(window, "Project", "Team", "Merge…")
    chosen.wait(qtbot)
    told.wait(qtbot)
    activate(qtbot, window)

    assert "3 span(s), 1 relation(s) and 2 status(es) in, on 2 document(s)" in report[0]
    assert "1 package(s) merged into \u2066sample.annot.db\u2069, 0 refused" in report[0]
    assert ("ali", "PER") in spans(project)


def test_a_package_opens_as_its_annotator(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, two_docs: MainWindow
) -> None:
    assign(two_docs.project, ["ali"], tmp_path / "out")
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    window = open_window(qtbot, tmp_path / "out" / "sample.ali.annot.db", user)
    assert window.annotator == "ali"


def test_an_existing_package_is_said_in_the_dialog_which_stays_open(
    qtbot: QtBot, two_docs: MainWindow, tmp_path: Path
) -> None:
    window = two_docs
    out = tmp_path / "packages"
    assign(window.project, ["ali"], out)
    before = (out / "sample.ali.annot.db").read_bytes()
    said: list[str] = []

    def fill(dialog: WorkPackagesDialog) -> None:
        dialog.annotators.clear()
        type_text(dialog.annotators, "ali")
        dialog.folder.clear()
        type_text(dialog.folder, str(out))
        click(dialog.findChild(QPushButton, "work-packages-make"))
        said.append(dialog.error.text() if dialog.isVisible() else "closed")
        dialog.reject()

    seen = when_shown(WorkPackagesDialog, fill)
    click_menus(window, "Project", "Team", "Make work packages…")
    seen.wait(qtbot)
    activate(qtbot, window)

    assert said and "Nothing written:" in said[0] and "exists already" in said[0]
    assert (out / "sample.ali.annot.db").read_bytes() == before
